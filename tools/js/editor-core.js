// @ts-check
// The code editor of a live cell: CodeMirror 6 with Python highlighting,
// auto-indent, bracket matching and closing, undo history. editor.js loads
// this module (and python.js) in steps; calcweb.js uses createEditor.
//
// Colours are not set here: tokens get `tok-*` classes (classHighlighter) and
// stylesheets/calcweb.css maps them to mkdocs-material's --md-code-hl-*
// variables, so the editor follows the light and dark palettes by itself.
import { closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { bracketMatching, indentOnInput, indentUnit, syntaxHighlighting } from "@codemirror/language";
import { EditorState, StateEffect, StateField } from "@codemirror/state";
import { Decoration, EditorView, drawSelection, highlightActiveLine, keymap } from "@codemirror/view";
import { classHighlighter } from "@lezer/highlight";

// One highlighted line (the line of an error), or none: set with setErrorLine.
const setErrorLine = StateEffect.define();
const errorLine = StateField.define({
  create: () => Decoration.none,
  update(lines, transaction) {
    if (transaction.docChanged) return Decoration.none; // an edit makes it stale
    for (const effect of transaction.effects) {
      if (!effect.is(setErrorLine)) continue;
      const number = effect.value;
      if (!number || number > transaction.state.doc.lines) return Decoration.none;
      const line = transaction.state.doc.line(number);
      return Decoration.set([Decoration.line({ class: "calcweb-error-line" }).range(line.from)]);
    }
    return lines;
  },
  provide: (field) => EditorView.decorations.from(field),
});

let language = []; // the Python support: load() sets it before any editor exists

export function setLanguage(support) {
  language = support;
}

function extensions({ label, onRun, onChange }) {
  const run = () => {
    onRun();
    return true;
  };
  return [
    // Highest precedence: these keys run the cell instead of inserting a line.
    keymap.of([
      { key: "Shift-Enter", run },
      { key: "Mod-Enter", run },
    ]),
    history(),
    drawSelection(),
    highlightActiveLine(),
    indentOnInput(),
    indentUnit.of("    "),
    bracketMatching(),
    closeBrackets(),
    language,
    syntaxHighlighting(classHighlighter),
    errorLine,
    // Tab indents; Escape then Tab moves focus out (CodeMirror's own
    // tab-focus mode), so the editor is no keyboard trap.
    keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, indentWithTab]),
    // tabindex="0" changes nothing for the browser (an editable element is
    // focusable already) but tells axe-core that the scroller around it, which
    // scrolls a long line sideways, has keyboard-focusable content.
    EditorView.contentAttributes.of({ "aria-label": label, spellcheck: "false", autocapitalize: "off", tabindex: "0" }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) onChange(update.state.doc.toString());
    }),
  ];
}

// The first state and the first view cost several times the next ones (V8
// runs new code slowly until it has warmed up, the grammar parses for the
// first time, the base theme's CSS is added): load() pays that on throwaway
// ones, each in a task of its own, rather than in the first cell's task
// (35-70 ms without, 17-31 ms with, here).
const SAMPLE = "import calcweb\n\ndef f(x):\n    return [x**2, (x + 1) / 2]  # sample\n";
export const warmUp = {
  state: () => EditorState.create({ doc: SAMPLE, extensions: extensions({ label: "", onRun() {}, onChange() {} }) }),
  view: (state) => new EditorView({ state }).destroy(),
};

/**
 * Builds an editor inside `parent`.
 * @param {object} options
 * @param {HTMLElement} options.parent where the editor goes
 * @param {string} options.doc the code to start with
 * @param {string} options.label accessible name of the editing area
 * @param {() => void} options.onRun Shift+Enter / Ctrl+Enter / Cmd+Enter
 * @param {(code: string) => void} options.onChange called after each edit
 */
export function createEditor({ parent, doc, label, onRun, onChange }) {
  // Built detached, then attached: the constructor reads document.fonts.ready
  // and the DOM selection, each of which lays out the whole page if it has
  // changed; detached, they find it laid out, and the new editor is laid out
  // once, in its first measure.
  const view = new EditorView({
    state: EditorState.create({ doc, extensions: extensions({ label, onRun, onChange }) }),
  });
  parent.append(view.dom);
  return {
    view,
    get code() {
      return view.state.doc.toString();
    },
    set code(text) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    /** Highlights line `number` (1-based) of the code; 0 removes the highlight. */
    markErrorLine(number) {
      view.dispatch({ effects: setErrorLine.of(number) });
    },
  };
}
