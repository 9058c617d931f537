// @ts-check
// Entry point of the live cells' editor (CodeMirror 6), bundled by esbuild
// into site/javascripts/calcweb-editor.js plus chunks (tools/hooks/js_bundle.py).
//
// Evaluating all of CodeMirror at once is one main-thread task of 50-100 ms on
// a slow machine, so load() brings it in steps, one task each: every dynamic
// import evaluates only the chunks the earlier ones have not, and a timer
// between steps lets the browser render and handle input. The chunks:
//   view.js         @codemirror/view and /state, the bulk
//   editor-core.js  the rest of the editor: language, commands, closeBrackets
//   python.js       the Python grammar (@lezer/python, @lezer/lr)
// (Closures, not `resolve` itself, so that profilers attribute tasks to this script.)
const nextTask = () => new /** @type {typeof Promise<void>} */ (Promise)((resolve) => setTimeout(() => resolve(), 0));
const nextFrame = () => new /** @type {typeof Promise<void>} */ (Promise)((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(), 0)));

/** Resolves to createEditor (see editor-core.js) once CodeMirror is loaded. */
export async function load() {
  await import("./view.js");
  await nextTask();
  const core = await import("./editor-core.js");
  await nextTask();
  core.setLanguage((await import("./python.js")).pythonSupport);
  await nextTask();
  const state = core.warmUp.state();
  await nextFrame(); // a view reads the layout: start on a page laid out (see createEditor)
  core.warmUp.view(state);
  return core.createEditor;
}
