// The module Web Worker that owns Pyodide. The page (calcweb.js) sends
// {id, type, ...} requests; every reply carries the same id. Requests run one
// at a time, in the order they arrive.
// Pyodide's loader is imported when Python boots, alongside the downloads
// (a static import would delay them by a round trip).
const PYODIDE_URL = new URL("../pyodide/pyodide.mjs", import.meta.url);

const runnerURL = new URL("./calcweb_runner.py", import.meta.url);
let pyodide = null;
let runner = null;
let current = null; // id of the request whose output is being streamed
let queue = Promise.resolve();

// Output is forwarded line by line while it is slow, so a line printed just
// before a long computation shows at once (the worker cannot run a timer while
// Python runs); a tight print loop is batched to a few messages per 50 ms so
// it does not flood the page.
const streams = { stdout: "", stderr: "" };
const WINDOW_MS = 50;
const LINES_PER_WINDOW = 20;
let windowStart = 0;
let sentInWindow = 0;
function flush() {
  for (const name of ["stdout", "stderr"]) {
    if (streams[name]) {
      postMessage({ id: current, type: "stream", name, text: streams[name] });
      streams[name] = "";
    }
  }
}
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
// cannot be fetched). Each response is cloned: the original is read for the
// progress, the clone is handed, once, to Pyodide's own fetch() call (see
// answerFromMemory), so nothing is downloaded twice and no copy of the 10 MB
// runtime is assembled in memory. Pyodide starts as soon as the responses'
// headers are in: it compiles the .wasm while it streams in.
// pyodide.asm.mjs is imported, not fetched: the HTTP cache serves it.
const MEMORY = new Map(); // absolute URL -> unread Response, until Pyodide takes it
const realFetch = globalThis.fetch.bind(globalThis);

function answerFromMemory(input, init) {
  const url = typeof input === "string" || input instanceof URL ? String(input) : input.url;
  const key = new URL(url, self.location.href).href;
  const response = MEMORY.get(key);
  if (!response) return realFetch(input, init);
  MEMORY.delete(key); // a body can be read once; a second request goes to the network
  return Promise.resolve(response);
}
globalThis.fetch = answerFromMemory;

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

// The memory snapshot (tools/make-snapshot.mjs) made for this Pyodide and
// this wheel. The name says both, so a snapshot left in a cache by an older
// build is never restored into a newer runtime: it is simply not found.
function snapshotName(pyodideVersion, lock) {
  return `snapshot-pyodide-${pyodideVersion}-calcweb-${lock.packages.calcweb.sha256.slice(0, 16)}.gz`;
}

// Resolves, once every response has started, to the lock file's contents, a
// promise of the snapshot's memory (null without one) and a promise of the
// whole download (which rejects if a body of the runtime fails).
async function download(indexURL, loader, progress) {
  const url = (name) => new URL(name, indexURL).href;
  // The lock file names the wheel and the snapshot, so it is read first - but
  // alongside the runtime.
  const runtime = ["pyodide.asm.wasm", "python_stdlib.zip", "pyodide.asm.mjs"];
  const pending = [get(url("pyodide-lock.json")), ...runtime.map((name) => get(url(name)))].map(awaitedLater);
  const lock = await (await pending[0]).json();
  const wheel = lock.packages.calcweb && lock.packages.calcweb.file_name;
  if (!wheel) throw new Error("pyodide-lock.json has no calcweb entry; rebuild the site");
  const snapshot = snapshotName((await loader).version, lock);
  const names = [...runtime, wheel, snapshot];
  const optional = realFetch(url(snapshot)).then((response) => (response.ok ? response : null), () => null);
  const responses = await Promise.all([...pending.slice(1), get(url(wheel)), optional]);
  const total = responses.reduce((sum, r) => sum + Number((r && r.headers.get("Content-Length")) || 0), 0);
  let loaded = 0;
  const bodies = responses.map(async (response, i) => {
    if (!response) return;
    if (!names[i].endsWith(".mjs")) MEMORY.set(url(names[i]), response.clone());
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      loaded += value.length;
      progress("Downloading Python", total ? Math.min(100, Math.round((100 * loaded) / total)) : null);
    }
  });
  // The snapshot is optional: if it fails to arrive, Python starts afresh.
  bodies[bodies.length - 1] = bodies.at(-1).catch(() => {});
  const snapshotBytes = responses.at(-1) ? answerFromMemory(url(snapshot)).then(gunzip).catch(() => null) : null;
  return { lock, snapshot: snapshotBytes, downloaded: Promise.all(bodies) };
}

// The snapshot is a gzip file; a server that sent it with Content-Encoding:
// gzip has had it decoded by the browser already.
async function gunzip(response) {
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// Python as the snapshot left it: started, calcweb imported, and `random`
// reseeded (or every reader would draw the same numbers). Null if the snapshot
// cannot be restored: the caller then starts Python the usual way.
async function restore(loadPyodide, options, snapshot) {
  try {
    const restored = await loadPyodide({ ...options, _loadSnapshot: snapshot });
    restored.runPython("import random\nrandom.seed()");
    return restored;
  } catch (error) {
    console.warn("calcweb: Python could not start from its snapshot; starting it afresh", error);
    return null;
  }
}

// A snapshot holds memory, not files: the wheel's files are unpacked again
// (tracebacks and inspect.getsource read them; calcweb is imported already).
async function unpackWheel(url) {
  const wheel = await (await answerFromMemory(url)).arrayBuffer();
  const sitePackages = pyodide.runPython("import site\nsite.getsitepackages()[0]");
  pyodide.unpackArchive(wheel, "wheel", { extractDir: sitePackages });
}

async function boot({ indexURL, interruptBuffer }) {
  let last = "";
  const progress = (stage, percent = null) => {
    const text = `${stage} ${percent}`;
    if (text !== last) postMessage({ type: "progress", stage, percent });
    last = text;
  };
  progress("Downloading Python", 0);
  const runnerSource = awaitedLater(get(runnerURL).then((response) => response.text()));
  const loader = awaitedLater(import(PYODIDE_URL.href));
  let fromSnapshot = false;
  try {
    const { lock, snapshot, downloaded } = await download(indexURL, loader, progress);
    const { loadPyodide } = await loader;
    const options = { indexURL, lockFileContents: lock, packageBaseUrl: indexURL };
    const restored = Promise.resolve(snapshot).then((bytes) => bytes && restore(loadPyodide, options, bytes));
    const starting = restored.then((python) => python ?? loadPyodide(options));
    const shown = downloaded.then(() => progress("Starting Python", 100));
    [pyodide] = await Promise.all([starting, shown]);
    fromSnapshot = (await restored) !== null;
    progress("Loading calcweb", 100);
    if (fromSnapshot) await unpackWheel(new URL(lock.packages.calcweb.file_name, indexURL));
    else await pyodide.loadPackage("calcweb", { messageCallback: () => {}, errorCallback: (m) => console.error(m) });
  } finally {
    MEMORY.clear();
  }
  pyodide.setStdout(writer("stdout"));
  pyodide.setStderr(writer("stderr"));
  if (interruptBuffer) pyodide.setInterruptBuffer(interruptBuffer);
  const module = pyodide.runPython(
    "import types\n_m = types.ModuleType('calcweb_runner')\n_m",
  );
  pyodide.runPython(await runnerSource, { globals: module.__dict__ });
  runner = module;
  const version = pyodide.runPython("import calcweb, sys; f'calcweb {calcweb.__version__}, Python {sys.version.split()[0]}'");
  return { version, fromSnapshot };
}

async function run({ namespace, code, filename }) {
  const result = await runner.run(namespace, code, filename);
  flush();
  const reply = result.toJs({ dict_converter: Object.fromEntries });
  result.destroy();
  return reply;
}

const handlers = { boot, run };

// A fatal error leaves Pyodide dead and the running request unanswered for
// ever. Pyodide reports it on console.error (its documented behaviour) and
// sometimes as an uncaught error: either way the page is told, and restarts
// the worker.
let crashed = false;
function crash(reason) {
  if (crashed) return;
  crashed = true;
  postMessage({ type: "fatal", error: String(reason).slice(0, 300) });
}
const consoleError = console.error.bind(console);
console.error = (...args) => {
  consoleError(...args);
  if (typeof args[0] === "string" && args[0].startsWith("Pyodide has suffered a fatal error")) crash("Pyodide has suffered a fatal error");
};
self.addEventListener("unhandledrejection", (event) => {
  if (crashed) {
    event.preventDefault(); // the dead runtime's last words: the page already knows
    return;
  }
  if (pyodide && /fatal error|RuntimeError: (memory access|unreachable)/i.test(String(event.reason))) crash(event.reason);
});

self.onmessage = (event) => {
  const { id, type } = event.data;
  queue = queue.then(async () => {
    current = id;
    try {
      const result = await handlers[type](event.data);
      postMessage({ id, type: "reply", ok: true, result });
    } catch (error) {
      flush();
      // A fatal error (out of memory in WebAssembly, a crash) leaves Pyodide
      // unusable: the page then restarts the worker.
      const fatal = type === "run" && Boolean(pyodide && pyodide._api && pyodide._api.fatal_error_occurred);
      const text = String(error && error.message ? error.message : error);
      postMessage({ id, type: "reply", ok: false, fatal: fatal || /fatal error/i.test(text), error: text });
    }
  });
};
