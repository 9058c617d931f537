// ESLint (flat config) for the JavaScript the site serves and the editor
// bundle's sources; `make lint` runs it. tsc (tsconfig.json) checks the types.
import js from "@eslint/js";
import globals from "globals";

export default [
  // What the build makes or installs.
  { ignores: ["site/", "dist/", ".cache/", ".venv*/", "node_modules/"] },
  {
    files: ["docs/javascripts/**/*.js", "tools/js/**/*.js", "eslint.config.js"],
    ...js.configs.recommended,
  },
  {
    files: ["docs/javascripts/**/*.js", "tools/js/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.browser },
  },
  {
    // The Web Worker that owns Pyodide, and the modules only it imports.
    files: ["docs/javascripts/calcweb-worker.js", "docs/javascripts/pyodide-adapter.js"],
    languageOptions: { globals: globals.worker },
  },
  {
    files: ["eslint.config.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: globals.node },
  },
];
