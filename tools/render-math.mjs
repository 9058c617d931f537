// Typesets TeX with KaTeX at build time, for tools/hooks/math.py: reads a
// JSON list of {tex, display} on stdin and writes a JSON list of {html} or
// {error} (KaTeX's message) to stdout, in the same order.
import katex from "katex";

let input = "";
for await (const chunk of process.stdin) input += chunk;
const rendered = JSON.parse(input).map(({ tex, display }) => {
  try {
    return { html: katex.renderToString(tex, { displayMode: display, throwOnError: true }) };
  } catch (error) {
    return { error: String(error.message || error) };
  }
});
process.stdout.write(JSON.stringify(rendered));
