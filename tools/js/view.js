// @ts-check
// The first step of load(): CodeMirror's view and state, the bulk of the editor.
export { EditorView } from "@codemirror/view";
