// @ts-check
// KaTeX for the LaTeX a live cell displays (_repr_latex_), bundled by esbuild
// into site/javascripts/calcweb-katex.js (tools/hooks/js_bundle.py) and
// imported by calcweb.js only when a cell shows LaTeX. The pages' own math is
// typeset at build time (tools/hooks/math.py).
export { render } from "katex";
