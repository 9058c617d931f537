// Makes the memory snapshot the live cells boot from, for
// tools/hooks/pyodide_bundle.py: Python started and calcweb imported, gzipped.
// Booting from it skips CPython's start-up and calcweb's import (seconds of
// WebAssembly that a fresh start runs before the first result).
//
//   node tools/make-snapshot.mjs <folder with pyodide-lock.json and the wheel>
//
// writes into that folder snapshot-<hash of its bytes>.gz and, last,
// snapshot.json: {file, pyodide, calcweb_sha256}. calcweb-worker.js reads the
// manifest and restores the snapshot only into the Pyodide version and beside
// the wheel it was made with.
//
// A snapshot holds the WebAssembly memory only, and no table of contents of
// the standard library's archive (see below). The worker fetches the runtime
// as usual, and redoes after the restore what memory cannot carry (the
// wheel's files, `random`'s seed, the time zone, LANG). The wheel is unpacked
// here with zipfile, not loadPackage, which would leave JavaScript references
// that a snapshot cannot hold.
import { createHash } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { loadPyodide, version } from "pyodide";

const folder = process.argv[2] && resolve(process.argv[2]);
if (!folder) {
  console.error("usage: node tools/make-snapshot.mjs <bundle folder>");
  process.exit(2);
}
const lock = JSON.parse(readFileSync(join(folder, "pyodide-lock.json"), "utf8"));
const calcweb = lock.packages.calcweb;
if (!calcweb) {
  console.error(`${folder}/pyodide-lock.json has no calcweb entry`);
  process.exit(1);
}
// The same snapshot whatever the build machine's zone (the worker sets the
// reader's), and a program named as in a browser: Emscripten takes argv[1]
// in Node, "./this.program" in a browser, and sys.executable follows.
process.env.TZ = "UTC";
process.argv[1] = "./this.program";

const pyodide = await loadPyodide({ lockFileContents: lock, _makeSnapshot: true });
pyodide.FS.writeFile("/tmp/calcweb.whl", readFileSync(join(folder, calcweb.file_name)));
pyodide.runPython(`
import os, site, sys, zipfile
with zipfile.ZipFile("/tmp/calcweb.whl") as wheel:
    wheel.extractall(site.getsitepackages()[0])
os.remove("/tmp/calcweb.whl")
import calcweb, calcweb.plot
# Pyodide puts "" in front of sys.path again after a restore.
sys.path.remove("")
# zipimport keeps the table of contents of the standard library's archive
# (each member's offset): forgotten here, it is read again from the archive
# the reader's Pyodide has, which need not be this one byte for byte (the
# worker's is repacked with its members stored, for gzip). Last: an import
# would read it again (importlib.invalidate_caches() itself imports).
import zipimport
for finder in list(sys.path_importer_cache.values()):
    if isinstance(finder, zipimport.zipimporter):
        finder.invalidate_caches()
`);
const snapshot = gzipSync(pyodide.makeMemorySnapshot(), { level: 9 });
const file = `snapshot-${createHash("sha256").update(snapshot).digest("hex").slice(0, 16)}.gz`;
writeFileSync(join(folder, file), snapshot);

// The standard library a first result needs, for the trimmed archive the
// worker fetches (tools/hooks/pyodide_bundle.py packs it; any other module is
// fetched when a cell first imports it): what this Python imported, what a
// fresh start's loadPackage and a restore's unpackArchive import, what the
// worker and calcweb_runner.py import, and what typical cells import (a few
// cells run through the runner, and TYPICAL). Written before snapshot.json.
const TYPICAL = [
  "abc", "array", "ast", "asyncio", "base64", "bisect", "cmath", "collections", "contextlib",
  "copy", "dataclasses", "datetime", "decimal", "enum", "fractions", "functools", "gzip",
  "hashlib", "heapq", "html", "inspect", "io", "itertools", "json", "keyword", "linecache",
  "locale", "math", "numbers", "operator", "os", "pathlib", "pprint", "random", "re",
  "statistics", "string", "struct", "textwrap", "time", "timeit", "tokenize", "traceback",
  "types", "typing", "unicodedata", "warnings", "weakref", "zipimport", "zlib",
];
const CELLS = [
  "import calcweb\ncalcweb.derivative(calcweb.sin, 1.0)",
  "import calcweb\nprint(calcweb.taylor(calcweb.exp, 0.0, 3))",
  "import calcweb\ncalcweb.taylor(calcweb.exp, 0.0, 3).plot()",
  "import calcweb\ncalcweb.slider('x', 0, 1, step=0.1) + 1",
  "1 / 0",
];
const wheelBytes = new Uint8Array(readFileSync(join(folder, calcweb.file_name)));
pyodide.unpackArchive(wheelBytes, "wheel", { extractDir: "/tmp/wheel" });
await pyodide.loadPackage(join(folder, calcweb.file_name), { messageCallback: () => {} });
pyodide.globals.set("runner_source", readFileSync(new URL("../docs/javascripts/calcweb_runner.py", import.meta.url), "utf8"));
pyodide.globals.set("typical", TYPICAL);
pyodide.globals.set("cells", CELLS);
const core = await pyodide.runPythonAsync(`
import importlib, json, sys, types
runner = types.ModuleType("calcweb_runner")
exec(runner_source, runner.__dict__)
for code in cells:
    await runner.run("page", code, "<cell>", "{}")
for name in typical:
    importlib.import_module(name)
archive = next(path for path in sys.path if path.endswith(".zip")) + "/"
files = {getattr(module, "__file__", None) or "" for module in list(sys.modules.values())}
json.dumps(sorted(path[len(archive):] for path in files if path.startswith(archive)))
`);
writeFileSync(join(folder, "stdlib-core.list"), core);
const manifest = { file, pyodide: version, calcweb_sha256: calcweb.sha256 };
writeFileSync(join(folder, "snapshot.json.tmp"), JSON.stringify(manifest, null, 1));
renameSync(join(folder, "snapshot.json.tmp"), join(folder, "snapshot.json"));
