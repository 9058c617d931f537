// Makes the memory snapshot the live cells boot from, for
// tools/hooks/pyodide_bundle.py: Python started and calcweb imported, as a
// gzip file. Booting from it skips CPython's start-up and calcweb's import
// (seconds of WebAssembly that a fresh boot runs before the first result).
//
//   node tools/make-snapshot.mjs <folder with pyodide-lock.json and the wheel> <output.gz>
//
// Pyodide's snapshots hold the WebAssembly memory only: the worker still
// fetches the runtime, and installs the wheel's files (loadPackage) for
// tracebacks and lazy imports; it reseeds `random` (the snapshot's state would
// be every reader's). The wheel is unpacked with zipfile, not loadPackage,
// which would leave JavaScript references that a snapshot cannot hold.
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join, resolve } from "node:path";
import { loadPyodide } from "pyodide";

const [folder, output] = process.argv.slice(2).map((path) => resolve(path));
if (!folder || !output) {
  console.error("usage: node tools/make-snapshot.mjs <bundle folder> <output.gz>");
  process.exit(2);
}
const lock = JSON.parse(readFileSync(join(folder, "pyodide-lock.json"), "utf8"));
const wheel = lock.packages.calcweb?.file_name;
if (!wheel) {
  console.error(`${folder}/pyodide-lock.json has no calcweb entry`);
  process.exit(1);
}
// Emscripten names the program after argv[1] in Node; a browser calls it
// ./this.program, and Python's sys.executable follows.
process.argv[1] = "./this.program";
const pyodide = await loadPyodide({ lockFileContents: lock, _makeSnapshot: true });
pyodide.FS.writeFile("/tmp/calcweb.whl", readFileSync(join(folder, wheel)));
pyodide.runPython(`
import os, site, sys, zipfile
with zipfile.ZipFile("/tmp/calcweb.whl") as wheel:
    wheel.extractall(site.getsitepackages()[0])
os.remove("/tmp/calcweb.whl")
import calcweb, calcweb.plot
# Pyodide puts "" in front of sys.path again after a restore.
sys.path.remove("")
`);
writeFileSync(output, gzipSync(pyodide.makeMemorySnapshot(), { level: 6 }));
