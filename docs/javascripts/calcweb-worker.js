// @ts-check
// The module Web Worker that owns Pyodide. The page (calcweb.js) sends
// {id, type, ...} requests; every reply carries the same id. Requests run one
// at a time, in the order they arrive. The messages: protocol.js.
// Pyodide's loader is imported when Python boots, alongside the downloads
// (a static import would delay them by a round trip). What the worker uses of
// Pyodide's private internals is in pyodide-adapter.js.
import {
  assertPinnedVersion,
  browserTimeZone,
  exitStatus,
  fatalErrorOccurred,
  isCrash,
  isFatalErrorReport,
  limitCStack,
  loadFromSnapshot,
  narrowCStack,
  runtimeFromSource,
  saysFatal,
  widenCStack,
} from "./pyodide-adapter.js";
import { chooseStart } from "./connection.js";

const PYODIDE_URL = new URL("../pyodide/pyodide.mjs", import.meta.url);

const runnerURL = new URL("./calcweb_runner.py", import.meta.url);

/** @typedef {import("./protocol.js").BootRequest} BootRequest */
/** @typedef {import("./protocol.js").BootResult} BootResult */
/** @typedef {import("./protocol.js").Request} Request */
/** @typedef {import("./protocol.js").RunRequest} RunRequest */
/** @typedef {import("./protocol.js").RunResult} RunResult */
/** @typedef {import("./protocol.js").WorkerMessage} WorkerMessage */
/** @typedef {import("./pyodide-adapter.js").Pyodide} Pyodide */

/**
 * Every message to the page goes through here, so tsc checks it against the protocol.
 * @param {WorkerMessage} message
 */
function send(message) {
  postMessage(message);
}

/** @type {Pyodide | null} */
let pyodide = null;
/** @type {any} */
let runner = null; // the calcweb_runner module (a PyProxy)
let current = 0; // id of the request whose output is being streamed (ids start at 1)
let queue = Promise.resolve();

// Output is forwarded line by line while it is slow, so a line printed just
// before a long computation shows at once (the worker cannot run a timer while
// Python runs); a tight print loop is batched to a few messages per 50 ms so
// it does not flood the page.
/** @type {{stdout: string, stderr: string}} */
const streams = { stdout: "", stderr: "" };
const WINDOW_MS = 50;
const LINES_PER_WINDOW = 20;
let windowStart = 0;
let sentInWindow = 0;
function flush() {
  for (const name of /** @type {const} */ (["stdout", "stderr"])) {
    if (streams[name]) {
      send({ id: current, type: "stream", name, text: streams[name] });
      streams[name] = "";
    }
  }
}
/** @param {"stdout" | "stderr"} name */
function writer(name) {
  const decoder = new TextDecoder();
  const other = name === "stdout" ? "stderr" : "stdout";
  return {
    write(bytes) {
      // Keep the order of stdout and stderr: switching streams sends the other first.
      if (streams[other]) flush();
      streams[name] += decoder.decode(bytes, { stream: true });
      const now = performance.now();
      const newWindow = now - windowStart > WINDOW_MS;
      if (newWindow) {
        windowStart = now;
        sentInWindow = 0;
      }
      const lineEnded = streams[name].endsWith("\n");
      if ((lineEnded && sentInWindow < LINES_PER_WINDOW) || streams[name].length > 8192 || newWindow) {
        sentInWindow += 1;
        flush();
      }
      return bytes.length;
    },
  };
}

// Downloads the runtime's files in parallel, to report progress in bytes and
// to fail with a clear message (Pyodide itself waits forever when its .wasm
// cannot be fetched). Each body is split in two (tee): one half is read for
// the progress, the other is handed, once, to Pyodide's own fetch() call (see
// answerFromMemory), so nothing is downloaded twice and no copy of the 10 MB
// runtime is assembled in memory. Pyodide starts as soon as the responses'
// headers are in: it compiles the .wasm while it streams in.
//
// The runtime's files are fetched precompressed, as <name>.gz (gzip -9, made
// by tools/hooks/pyodide_bundle.py), and decompressed while they stream, so
// the bytes on the wire do not depend on the host compressing them. Pyodide
// gets each file under its own name and type (instantiateStreaming wants
// application/wasm); pyodide.asm.mjs, which it would import, is handed over
// as a module made from its source (runtimeFromSource). The standard library
// comes trimmed (python_stdlib-core.zip.gz: what a first result and typical
// cells import, its members stored, not deflated, so that gzip compresses the
// archive whole); the first import of another of its modules fetches all of
// it (wholeStandardLibraryOnDemand). A browser without DecompressionStream
// fetches the uncompressed originals, the whole standard library among them.
const PACKED = typeof DecompressionStream === "function";
/** @type {{[name: string]: string}} */
const PACKED_AS = { "python_stdlib.zip": "python_stdlib-core.zip.gz" };
const packedName = (name) => PACKED_AS[name] ?? `${name}.gz`;
/** @type {{[name: string]: string}} */
const RUNTIME_TYPES = {
  "pyodide-lock.json": "application/json",
  "pyodide.asm.wasm": "application/wasm",
  "python_stdlib.zip": "application/zip",
  "pyodide.asm.mjs": "text/javascript",
};
const MEMORY = new Map(); // absolute URL -> unread Response, until Pyodide takes it
let runtimeBase = ""; // the URL of the runtime's folder, once the boot has started
const realFetch = globalThis.fetch.bind(globalThis);

function answerFromMemory(input, init) {
  const url = typeof input === "string" || input instanceof URL ? String(input) : input.url;
  const key = new URL(url, self.location.href).href;
  const response = MEMORY.get(key);
  if (response) {
    MEMORY.delete(key); // a body can be read once; a second request goes to the network
    return Promise.resolve(response);
  }
  // Asked again (a fresh start after a failed restore): compressed again.
  const name = key.startsWith(runtimeBase) ? key.slice(runtimeBase.length) : "";
  if (PACKED && runtimeBase && name in RUNTIME_TYPES) return runtimeFile(runtimeBase, name);
  return realFetch(input, init);
}
globalThis.fetch = answerFromMemory;

/**
 * A gzip body, decompressed: a server that sent it with Content-Encoding:
 * gzip has had it decoded by the browser already.
 * @param {Response} response
 * @param {ReadableStream} body its body, or a copy of it
 */
function decompressed(response, body) {
  if (/gzip/i.test(response.headers.get("Content-Encoding") || "")) return body;
  return body.pipeThrough(new DecompressionStream("gzip"));
}

/**
 * A runtime file as Pyodide expects it: decompressed while it streams, with
 * its own Content-Type.
 * @param {string} name
 * @param {Response} response what was fetched for it
 * @param {ReadableStream} body its body, or a copy of it
 */
function unpacked(name, response, body) {
  if (!PACKED) return new Response(body, { headers: response.headers });
  return new Response(decompressed(response, body), { headers: { "Content-Type": RUNTIME_TYPES[name] } });
}

/**
 * Fetches a runtime file (compressed where the browser can decompress it).
 * @param {string} base the runtime's folder
 * @param {string} name
 */
async function runtimeFile(base, name) {
  const response = await get(new URL(PACKED ? packedName(name) : name, base).href);
  return unpacked(name, response, /** @type {ReadableStream} */ (response.body));
}

// A promise awaited later, after other awaits: marked handled now, so that an
// early failure is not reported as unhandled before the await that handles it.
function awaitedLater(promise) {
  promise.catch(() => {});
  return promise;
}

async function get(url) {
  const response = await realFetch(url);
  const name = String(url).split("/").pop();
  if (!response.ok) throw new Error(`could not download ${name} (HTTP ${response.status} ${response.statusText})`);
  return response;
}

// Resolves, once every response of the runtime has started, to the lock
// file's contents, a promise of the whole runtime download (which rejects if a
// body fails), a promise of the snapshot's memory (null when there is no
// usable one or a fresh start is chosen; it never rejects), pyodide.asm.mjs's
// source when it came compressed (else null: Pyodide imports it) and the
// top-level names of the standard library when it came trimmed (else null).
//
// The snapshot saves seconds of CPU but costs megabytes, so whether to fetch
// it is decided by chooseStart (connection.js): at once when the connection
// decides (Save-Data, cellular, a slow effectiveType), else once the first
// WARM_UP_BYTES + MEASURE_BYTES of the runtime have measured the link. Only then does the
// snapshot's download start; a fresh start begins at once.
async function download(indexURL, loader, progress, connection) {
  const url = (name) => new URL(name, indexURL).href;
  runtimeBase = url(".");
  const fetched = (name) => get(url(PACKED ? packedName(name) : name));
  const stdlibNames = PACKED ? awaitedLater(get(url("python_stdlib-names.json")).then((response) => response.json())) : null;
  // The lock file names the wheel, so it is read first - but alongside the
  // runtime and the snapshot's manifest.
  const runtime = ["pyodide.asm.wasm", "python_stdlib.zip", "pyodide.asm.mjs"];
  const pending = ["pyodide-lock.json", ...runtime].map(fetched).map(awaitedLater);
  const manifest = realFetch(url("snapshot.json")).then((response) => (response.ok ? response : null), () => null);
  const sizes = realFetch(url(DOWNLOAD_SIZES)).then((response) => (response.ok ? response.json() : null)).catch(() => null);
  const lockResponse = await pending[0];
  const lock = await unpacked("pyodide-lock.json", lockResponse, lockResponse.body).json();
  const wheel = lock.packages.calcweb && lock.packages.calcweb.file_name;
  if (!wheel) throw new Error("pyodide-lock.json has no calcweb entry; rebuild the site");
  const names = [...runtime, wheel];
  const stopSnapshot = new AbortController();
  const snapshotBytes = (await sizes)?.snapshot_bytes;
  /** @type {(useSnapshot: boolean) => void} */
  let decide = () => {};
  const chosen = new /** @type {typeof Promise<boolean>} */ (Promise)((resolve) => (decide = resolve));
  let decided = false;
  const choose = (bytesPerSecond) => {
    if (decided) return;
    if (typeof snapshotBytes !== "number") {
      decided = true;
      console.info(`calcweb: starting from the snapshot: the site lists no sizes (pyodide/${DOWNLOAD_SIZES})`);
      decide(true);
      return;
    }
    const { useSnapshot, reason } = chooseStart({ snapshotBytes, bytesPerSecond, connection });
    if (useSnapshot === null) return;
    decided = true;
    console.info(`calcweb: ${useSnapshot ? "starting Python from its snapshot" : "starting Python afresh"}: ${reason}`);
    decide(useSnapshot);
  };
  choose(null); // the connection alone may decide
  const snapshotStarted = chosen.then((useSnapshot) => (useSnapshot ? snapshotResponse(url, manifest, lock, loader, stopSnapshot.signal) : null));
  const responses = await Promise.all([...pending.slice(1), get(url(wheel))]);
  // The progress counts the snapshot's bytes too, once it is chosen (Python
  // waits for them); the percentage never goes back meanwhile.
  const size = (response) => Number((response && response.headers.get("Content-Length")) || 0);
  let total = responses.reduce((sum, response) => sum + size(response), 0);
  snapshotStarted.then((response) => (total += size(response)));
  let loaded = 0;
  let percent = 0;
  const count = (bytes) => {
    loaded += bytes;
    percent = Math.max(percent, total ? Math.min(100, Math.round((100 * loaded) / total)) : 0);
    progress("Downloading Python", total ? percent : null);
  };
  // The link's speed: MEASURE_BYTES of the runtime over the time they took to
  // come, after its first WARM_UP_BYTES (the request's round trip, and what
  // the bodies buffered before they were read, would make it look faster).
  let clock = 0;
  let seen = 0;
  let measured = 0;
  const measure = (bytes) => {
    if (decided) return;
    seen += bytes;
    if (seen < WARM_UP_BYTES) return;
    const now = performance.now();
    if (!clock) clock = now;
    else measured += bytes;
    if (measured >= MEASURE_BYTES) choose(measured / ((now - clock) / 1000));
  };
  /** @type {Promise<string> | null} */
  let script = null;
  const bodies = responses.map(async (response, i) => {
    const name = names[i];
    let body = response.body;
    if (PACKED || name !== "pyodide.asm.mjs") {
      const [counted, kept] = body.tee();
      body = counted;
      if (name === wheel) MEMORY.set(url(name), new Response(kept, { headers: response.headers }));
      else if (name === "pyodide.asm.mjs") script = awaitedLater(unpacked(name, response, kept).text());
      else MEMORY.set(url(name), unpacked(name, response, kept));
    }
    const reader = body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      count(chunk.value.length);
      measure(chunk.value.length);
    }
  });
  const downloaded = Promise.all(bodies);
  // The whole runtime in before MEASURE_BYTES were counted: it measured what it could.
  awaitedLater(downloaded).then(() => choose(clock && measured ? measured / ((performance.now() - clock) / 1000) : Infinity));
  // A snapshot still not in some seconds after the runtime is given up: a
  // fresh start then beats waiting on a stalled connection. Once it is in, the
  // timer is cleared (a pending one would keep the image alive) and `late`
  // never settles: the race is won already.
  let arrived = false;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const memory = snapshotStarted
    .then((response) => response && gunzip(response, count))
    .catch((error) => (stopSnapshot.signal.aborted ? null : noSnapshot(`the Python snapshot could not be read (${error.message || error})`)))
    .finally(() => {
      arrived = true;
      clearTimeout(timer);
    });
  const late = awaitedLater(downloaded).then(
    () =>
      new Promise((resolve) => {
        if (arrived) return;
        timer = setTimeout(() => {
          stopSnapshot.abort();
          resolve(noSnapshot("the Python snapshot did not arrive in time"));
        }, SNAPSHOT_GRACE_MS);
      }),
    () => {
      stopSnapshot.abort(); // the runtime failed, so the boot fails: the snapshot is not needed
      return null;
    },
  );
  return { lock, downloaded, snapshot: Promise.race([memory, late]), script, stdlibNames };
}

// The sizes of the files on each path, written by the build
// (tools/hooks/pyodide_bundle.py), and how much of the runtime measures the link.
const DOWNLOAD_SIZES = "download.json";
const WARM_UP_BYTES = 256 * 1024;
const MEASURE_BYTES = 512 * 1024;

// The memory snapshot made at build time (tools/make-snapshot.mjs): Python
// started, calcweb imported. Its manifest says for which Pyodide and which
// wheel it was made; one made for another build is never restored.
const SNAPSHOT_GRACE_MS = 5000;

function noSnapshot(reason) {
  console.warn(`calcweb: ${reason}; Python starts afresh (slower)`);
  return null;
}

// The snapshot's response, or null (with a warning) when none fits this build.
async function snapshotResponse(url, manifestResponse, lock, loader, signal) {
  try {
    const manifest = await manifestResponse;
    if (!manifest) return noSnapshot("the site has no Python snapshot (pyodide/snapshot.json)");
    const { file, pyodide: madeFor, calcweb_sha256: wheel } = await manifest.json();
    const { version } = await loader;
    if (madeFor !== version || wheel !== lock.packages.calcweb.sha256) {
      return noSnapshot(`the Python snapshot was made for another build (Pyodide ${madeFor})`);
    }
    const response = await realFetch(url(file), { signal });
    if (!response.ok) return noSnapshot(`could not download the Python snapshot (HTTP ${response.status})`);
    return response;
  } catch (error) {
    if (signal.aborted) return null; // given up on already, and said so
    return noSnapshot(`could not download the Python snapshot (${error.message || error})`);
  }
}

// The snapshot's memory, decompressed while it downloads (count sees each
// chunk as it comes). It is a gzip file.
async function gunzip(response, count) {
  const body = response.body.pipeThrough(
    new TransformStream({
      transform(chunk, stream) {
        count(chunk.length);
        stream.enqueue(chunk);
      },
    }),
  );
  return new Uint8Array(await new Response(decompressed(response, body)).arrayBuffer());
}

// Python as the snapshot left it, made local (see localise); null if the
// snapshot cannot be restored: the caller then starts Python afresh.
let restoring = false; // a fatal error meanwhile means "start afresh", not "restart the worker"
async function restore(loadPyodide, options, snapshot) {
  restoring = true;
  try {
    const restored = await loadFromSnapshot(loadPyodide, options, snapshot);
    localise(restored);
    return restored;
  } catch (error) {
    return noSnapshot(`Python could not start from its snapshot (${error.message || error})`);
  } finally {
    restoring = false;
  }
}

// What memory made on the build machine cannot carry to this browser:
// - a seed for `random`, or every reader would draw the same numbers;
// - the time zone: Emscripten's tzset() ran at build time (in UTC) and keeps
//   its result, so it runs again (browserTimeZone) and the time module's
//   constants are set as CPython sets them (altzone = timezone - 3600);
// - LANG, from the browser's language as Emscripten sets it, and the C
//   locale's character type that CPython sets from it at start-up.
// (str hashes keep the build's secret: hash randomisation guards servers
// against crafted keys, and there is no server here.)
/** @param {Pyodide} py */
function localise(py) {
  const local = {
    ...browserTimeZone(py),
    lang: (globalThis.navigator?.language ?? "C").replace("-", "_") + ".UTF-8",
  };
  py.runPython(`
import json, locale, os, random, time
random.seed()
local = json.loads(${JSON.stringify(JSON.stringify(local))})
time.timezone, time.daylight, time.tzname = local["timezone"], local["daylight"], tuple(local["tzname"])
time.altzone = time.timezone - 3600
os.environ["LANG"] = local["lang"]
try:
    locale.setlocale(locale.LC_CTYPE, "")  # as CPython does at start-up
except locale.Error:
    pass  # and as CPython does, keep C.UTF-8 for a name the C library refuses
del json, locale, os, random, time, local
`);
}

// The trimmed standard library holds what a first result needs
// (tools/make-snapshot.mjs lists it). The first import of any other of its
// modules (a top-level name of the whole library, `names`) fetches the whole
// archive - synchronously: an import cannot wait - and puts it in the trimmed
// one's place, so every import works, and the next ones cost nothing. A name
// outside the standard library fetches nothing.
/**
 * @param {Pyodide} py
 * @param {string[]} names
 * @param {string} url the whole archive, gzipped
 */
function wholeStandardLibraryOnDemand(py, names, url) {
  py.runPython(`
import json, sys

class WholeStandardLibrary:
    def __init__(self, names, url):
        self.names, self.url = frozenset(names), url
        self.archive = next(path for path in sys.path if path.endswith(".zip"))

    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] not in self.names:
            return None
        import importlib.machinery, zipimport, zlib
        from js import XMLHttpRequest
        try:
            request = XMLHttpRequest.new()
            request.open("GET", self.url, False)
            request.responseType = "arraybuffer"
            request.send()
            if request.status != 200:
                raise OSError(f"HTTP {request.status}")
            data = request.response.to_bytes()
        except Exception as error:  # no name: the runner keeps this message
            raise ModuleNotFoundError(
                f"{name} is in Python's standard library, but this page could not download "
                f"it ({error}). Check the connection and run the cell again."
            ) from None
        if data[:2] == b"\\x1f\\x8b":  # not decoded by the browser already
            data = zlib.decompress(data, 31)
        with open(self.archive, "wb") as file:
            file.write(data)
        for finder in list(sys.path_importer_cache.values()):
            if isinstance(finder, zipimport.zipimporter):
                finder.invalidate_caches()
        sys.meta_path.remove(self)
        return importlib.machinery.PathFinder.find_spec(name, path, target)

sys.meta_path.append(WholeStandardLibrary(json.loads(${JSON.stringify(JSON.stringify(names))}), ${JSON.stringify(url)}))
del json, sys, WholeStandardLibrary
`);
}

// A snapshot holds memory, not files: the wheel's files are unpacked again
// (tracebacks and inspect.getsource read them; calcweb is imported already).
/**
 * @param {Pyodide} py
 * @param {URL} url
 */
async function unpackWheel(py, url) {
  const wheel = await (await answerFromMemory(url)).arrayBuffer();
  const sitePackages = py.runPython("import site\nsite.getsitepackages()[0]");
  py.unpackArchive(wheel, "wheel", { extractDir: sitePackages });
}

// The C stack Python may use (limitCStack): a recursion through C then raises
// RecursionError before it overflows the browser's stack, which kills Pyodide.
// Measured in Chromium 156: a recursion through Python code called from C (an
// lru_cache'd or functools.partial function, map, an operator or __repr__
// written in Python) takes 400-500 bytes of this stack a level and overflowed
// the browser's from 400 levels (lru_cache, partial) or 700 (the others); with
// this bound it raised RecursionError at 200 or 225 levels, where 175 or 200 passed.
const C_STACK_BYTES = 112 * 1024;
// What a repr may use below where print or a cell's display starts it
// (narrowCStack): a list's repr keeps only 31 bytes a level on the C stack and
// overflowed the browser's from 2,000-2,500 levels; with this it raises
// RecursionError from about 1,300.
const SHOWING_C_STACK_BYTES = 56 * 1024;

/**
 * @param {BootRequest} request
 * @returns {Promise<BootResult>}
 */
async function boot({ indexURL, interruptBuffer, connection = null }) {
  let last = "";
  /**
   * @param {string} stage
   * @param {number | null} [percent]
   */
  const progress = (stage, percent = null) => {
    const text = `${stage} ${percent}`;
    if (text !== last) send({ type: "progress", stage, percent });
    last = text;
  };
  progress("Downloading Python", 0);
  const runnerSource = awaitedLater(get(runnerURL).then((response) => response.text()));
  const loader = awaitedLater(import(PYODIDE_URL.href));
  let fromSnapshot;
  /** @type {Pyodide} */
  let py;
  try {
    const { lock, snapshot, downloaded, script, stdlibNames } = await download(indexURL, loader, progress, connection);
    const { loadPyodide } = await loader;
    assertPinnedVersion(await loader);
    const runtime = script ? runtimeFromSource(script) : {};
    const options = { indexURL, lockFileContents: lock, packageBaseUrl: indexURL, ...runtime };
    const restored = snapshot.then((bytes) => bytes && restore(loadPyodide, options, bytes));
    const starting = restored.then((python) => python ?? loadPyodide(options));
    const shown = downloaded.then(() => snapshot).then(() => progress("Starting Python", 100));
    [py] = await Promise.all([starting, shown]);
    pyodide = py;
    fromSnapshot = Boolean(await restored);
    if (stdlibNames) wholeStandardLibraryOnDemand(py, await stdlibNames, new URL("python_stdlib.zip.gz", indexURL).href);
    progress("Loading calcweb", 100);
    if (fromSnapshot) await unpackWheel(py, new URL(lock.packages.calcweb.file_name, indexURL));
    else await py.loadPackage("calcweb", { messageCallback: () => {}, errorCallback: (m) => console.error(m) });
  } finally {
    MEMORY.clear();
  }
  limitCStack(py, C_STACK_BYTES);
  py.setStdout(writer("stdout"));
  py.setStderr(writer("stderr"));
  if (interruptBuffer) py.setInterruptBuffer(interruptBuffer);
  const module = py.runPython(
    "import types\n_m = types.ModuleType('calcweb_runner')\n_m",
  );
  // Named as a file, not "<exec>": tracebacks keep only the cells' frames (files named <...>).
  py.runPython(await runnerSource, { globals: module.__dict__, filename: "calcweb_runner.py" });
  module.narrow_c_stack = () => narrowCStack(py, SHOWING_C_STACK_BYTES);
  module.widen_c_stack = () => widenCStack(py);
  runner = module;
  const version = py.runPython("import calcweb, sys; f'calcweb {calcweb.__version__}, Python {sys.version.split()[0]}'");
  return { version, fromSnapshot };
}

/**
 * @param {RunRequest} request
 * @returns {Promise<RunResult>}
 */
async function run({ namespace, code, filename, controls = {} }) {
  const result = await runner.run(namespace, code, filename, JSON.stringify(controls));
  flush();
  const reply = result.toJs({ dict_converter: Object.fromEntries });
  result.destroy();
  return reply;
}

/** @type {{[T in Request["type"]]: (request: Extract<Request, {type: T}>) => Promise<unknown>}} */
const handlers = { boot, run };

// A fatal error leaves Pyodide dead and the running request unanswered for
// ever. Pyodide reports it on console.error (its documented behaviour),
// sometimes as an uncaught error, and as the error of the request that was
// running: each way, crash() tells the page, once, with a Fatal message (no
// reply follows), and the page restarts the worker.
let crashed = false;
/**
 * @param {unknown} reason
 * @param {number | null} [exitStatus] os._exit's status, when Python ended itself
 */
function crash(reason, exitStatus = null) {
  if (crashed || restoring) return;
  crashed = true;
  const error = String(reason).slice(0, 300);
  send(exitStatus === null ? { type: "fatal", error } : { type: "fatal", error, exitStatus });
}
const consoleError = console.error.bind(console);
console.error = (...args) => {
  consoleError(...args);
  if (isFatalErrorReport(args)) crash("Pyodide has suffered a fatal error");
};
// os._exit() ends Python as it ends a process: the page restarts it, as after a crash.
/** @param {unknown} error */
function exited(error) {
  const status = exitStatus(error);
  if (status === null || !pyodide) return false;
  crash(`the cell called os._exit(${status}), which ends Python`, status);
  return true;
}
self.addEventListener("unhandledrejection", (event) => {
  if (crashed) {
    event.preventDefault(); // the dead runtime's last words: the page already knows
    return;
  }
  if (exited(event.reason)) event.preventDefault();
  else if (pyodide && isCrash(event.reason)) crash(event.reason);
});
self.addEventListener("error", (event) => {
  if (crashed || exited(event.error ?? event.message)) event.preventDefault();
});

/** @param {MessageEvent<Request>} event */
self.onmessage = (event) => {
  const request = event.data;
  const { id, type } = request;
  queue = queue.then(async () => {
    current = id;
    try {
      const result = await handlers[type](/** @type {any} */ (request));
      send({ id, type: "reply", ok: true, result: /** @type {BootResult | RunResult} */ (result) });
    } catch (error) {
      flush();
      // A fatal error (out of memory in WebAssembly, a crash) leaves Pyodide
      // unusable: the page then restarts the worker.
      const text = String(error && error.message ? error.message : error);
      if (exited(error)) return;
      if ((type === "run" && fatalErrorOccurred(pyodide)) || saysFatal(text)) crash(text);
      else send({ id, type: "reply", ok: false, error: text });
    }
  });
};
