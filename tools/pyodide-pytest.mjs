// Run calcweb's unit tests and doctests inside Pyodide, under Node.
//
// Pyodide comes from the built site (site/pyodide/), so this also checks the
// bundle: calcweb is loaded with loadPackage("calcweb") from the lockfile entry
// the mkdocs hook wrote. pytest and hypothesis are pure-Python wheels
// downloaded by `make` into .cache/pyodide-wheels/ and unpacked into
// site-packages. The tests folder is mounted read-only from the work tree.
//
// With --from-snapshot, Python starts from the site's memory snapshot
// (tools/make-snapshot.mjs) as calcweb-worker.js starts it for a reader:
// restored, `random` reseeded, the wheel's files unpacked (the time zone and
// LANG, which the worker also sets, are the build's here: both run in Node).
//
// usage: node tools/pyodide-pytest.mjs [--from-snapshot] [extra pytest arguments]
import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { loadFromSnapshot } from "../docs/javascripts/pyodide-adapter.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const indexURL = path.join(root, "site", "pyodide") + path.sep;
const wheelDir = path.join(root, ".cache", "pyodide-wheels");

function fail(message) {
  console.error(`pyodide-pytest: ${message}`);
  process.exit(2);
}
// Node would print the (minified, megabyte-long) source line of an uncaught
// error; the message and Python traceback are what matter.
process.on("uncaughtException", (error) => fail(error.message));
process.on("unhandledRejection", (error) => fail(error && error.message ? error.message : error));
if (!existsSync(path.join(indexURL, "pyodide-lock.json"))) fail(`${indexURL} has no Pyodide bundle: run \`make site\` first`);
if (!existsSync(wheelDir)) fail(`${wheelDir} is missing: run \`make pyodide-wheels\` first`);

const args = process.argv.slice(2);
const fromSnapshot = args[0] === "--from-snapshot";
if (fromSnapshot) args.shift();
const { loadPyodide } = await import(path.join(indexURL, "pyodide.mjs"));
const started = performance.now();
let pyodide;
if (fromSnapshot) {
  const manifest = path.join(indexURL, "snapshot.json");
  if (!existsSync(manifest)) fail(`${manifest} is missing: run \`make site\``);
  const { file } = JSON.parse(readFileSync(manifest, "utf8"));
  pyodide = await loadFromSnapshot(loadPyodide, { indexURL }, gunzipSync(readFileSync(path.join(indexURL, file))));
  pyodide.runPython("import random; random.seed()");
} else {
  pyodide = await loadPyodide({ indexURL });
}
const passThrough = (stream) => ({ write: (bytes) => (stream.write(bytes), bytes.length) });
pyodide.setStdout(passThrough(process.stdout));
pyodide.setStderr(passThrough(process.stderr));
const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_path('purelib')");
if (fromSnapshot) {
  const { file_name } = JSON.parse(readFileSync(path.join(indexURL, "pyodide-lock.json"), "utf8")).packages.calcweb;
  pyodide.unpackArchive(new Uint8Array(readFileSync(path.join(indexURL, file_name))), "wheel", { extractDir: sitePackages });
} else {
  await pyodide.loadPackage("calcweb", { messageCallback: () => {} });
}
for (const name of readdirSync(wheelDir).filter((n) => n.endsWith(".whl")).sort()) {
  pyodide.unpackArchive(new Uint8Array(readFileSync(path.join(wheelDir, name))), "wheel", { extractDir: sitePackages });
}

pyodide.FS.mkdirTree("/work/tests");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: path.join(root, "tests") }, "/work/tests");
pyodide.FS.writeFile("/work/pyproject.toml", readFileSync(path.join(root, "pyproject.toml")));
const how = fromSnapshot ? "from the site's snapshot" : "afresh";
console.log(`Pyodide ${pyodide.version} booted ${how} with calcweb in ${((performance.now() - started) / 1000).toFixed(1)} s`);

pyodide.globals.set("extra_args", args);
const code = await pyodide.runPythonAsync(`
import os, sys
import calcweb, pytest
os.chdir("/work")
package = os.path.dirname(calcweb.__file__)
if not package.startswith(sys.prefix):
    raise SystemExit(f"calcweb was imported from {package}, not from the installed wheel")
print(f"calcweb {calcweb.__version__} from {package}; Python {sys.version.split()[0]} ({sys.platform})")
pytest.main([
    "-p", "no:cacheprovider", "--rootdir", "/work", "-c", "/work/pyproject.toml",
    "--doctest-modules", "tests/unit", "tests/adversarial", package, *extra_args.to_py(),
])
`);
process.exit(Number(code));
