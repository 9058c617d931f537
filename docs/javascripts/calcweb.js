// @ts-check
// calcweb live cells: wires every div.calcweb-cell on the page to a Python
// (Pyodide) that runs in a module Web Worker, and exposes window.calcweb.
// Works with mkdocs-material's instant navigation: cells are set up on every
// document$ emission, the worker lives across pages, and each page gets a
// fresh Python namespace.
// @ts-expect-error -- tools/hooks/pyodide_bundle.py copies it from node_modules/dompurify into the site
import DOMPurify from "../vendor/dompurify/purify.es.mjs";
import { addShareButton, heldBack, markLinkCells, openLink } from "./share.js";
import { connectionInfo, metered } from "./connection.js";
// The editor (CodeMirror) is the largest script: it loads after the page has
// shown, in several short tasks (see tools/js/editor.js), not with this module.
// If it cannot load, the cells keep working with their plain textareas.
// @ts-expect-error -- made by tools/hooks/js_bundle.py from tools/js/editor.js
const editorReady = import("./calcweb-editor.js")
  .then((editor) => editor.load())
  .catch((error) => {
    console.error("calcweb: the code editor could not load; cells use plain text boxes", error);
    return null;
  });

const WORKER_URL = new URL("./calcweb-worker.js", import.meta.url);
const INDEX_URL = new URL("../pyodide/", import.meta.url).href;
const STOP_GRACE_MS = 1000; // an interrupt not honoured by then becomes a restart

// The messages exchanged with the worker (docs/javascripts/protocol.js).
/** @typedef {import("./protocol.js").Request} Request */
/** @typedef {import("./protocol.js").RequestBody} RequestBody */
/** @typedef {import("./protocol.js").Results} Results */
/** @typedef {import("./protocol.js").WorkerMessage} WorkerMessage */
/** @typedef {import("./protocol.js").Progress} Progress */
/** @typedef {import("./protocol.js").Control} Control */
/** @typedef {import("./protocol.js").ControlValues} ControlValues */
/** @typedef {(name: "stdout" | "stderr", text: string) => void} OnStream */
/**
 * A request waiting for its reply.
 * @typedef {{resolve: (result: any) => void, reject: (error: Error) => void, onStream: OnStream}} Waiting
 */

// Python is gone (stopped without isolation, or crashed) and will be restarted.
class PythonRestarted extends Error {}
// Python died while it ran a request (a crash, or os._exit): that code is to blame.
class PythonCrashed extends PythonRestarted {
  /**
   * @param {string} message
   * @param {boolean} ended Python ended itself (os._exit): it did not crash
   */
  constructor(message, ended) {
    super(message);
    this.ended = ended;
  }
}

// The worker that owns Pyodide, and the requests waiting for its replies.
class Python {
  constructor() {
    /** @type {Worker | null} */
    this.worker = null;
    /** @type {Promise<void> | null} */
    this.booting = null;
    /** @type {Map<number, Waiting>} */
    this.pending = new Map();
    this.nextId = 1;
    /** @type {Int32Array | null} */
    this.interrupt = null;
    /** @type {Set<(progress: Progress) => void>} */
    this.listeners = new Set();
    /** @type {Progress | null} */
    this.progress = null;
    /** @type {string | undefined} */
    this.version = undefined;
    this.fromSnapshot = false;
    this.generation = 0; // grows at each start: the namespaces of older ones are gone
    this.runningId = null;
  }

  get booted() {
    return this.booting !== null && this.version !== undefined;
  }

  // Starts Python once; after a failure the next call really tries again.
  boot() {
    if (!this.booting) {
      this.version = undefined;
      this.progress = null;
      this.generation += 1;
      this.booting = this.start().then(
        ({ version, fromSnapshot }) => {
          this.version = version;
          this.fromSnapshot = fromSnapshot;
        },
        (error) => {
          this.teardown(error);
          this.booting = null;
          throw error;
        },
      );
    }
    return this.booting;
  }

  start() {
    this.worker = new Worker(WORKER_URL, { type: "module", name: "calcweb-python" });
    this.worker.onmessage = (event) => this.receive(event.data);
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.crashed(event.message || `${WORKER_URL} failed`);
    };
    this.interrupt = globalThis.crossOriginIsolated ? new Int32Array(new SharedArrayBuffer(4)) : null;
    const connection = connectionInfo();
    return this.request({ type: "boot", indexURL: INDEX_URL, interruptBuffer: this.interrupt, connection }).reply;
  }

  /**
   * Sends a request to the worker: its id, and a promise of its result.
   * @template {RequestBody} R
   * @param {R} message
   * @param {OnStream} [onStream] receives the request's output as it comes
   * @returns {{id: number, reply: Promise<Results[R["type"]]>}}
   */
  request(message, onStream = () => {}) {
    const id = this.nextId++;
    /** @type {Request} */
    const request = { ...message, id };
    const reply = new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onStream });
      /** @type {Worker} */ (this.worker).postMessage(request);
    });
    return { id, reply };
  }

  /** @param {WorkerMessage} message */
  receive(message) {
    if (message.type === "fatal") {
      this.crashed(message.error, message.exitStatus);
      return;
    }
    if (message.type === "progress") {
      this.progress = message;
      for (const listener of this.listeners) listener(message);
      return;
    }
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    if (message.type === "stream") {
      waiting.onStream(message.name, message.text);
    } else if (message.type === "reply") {
      this.pending.delete(message.id);
      if ("error" in message) waiting.reject(new Error(message.error));
      else waiting.resolve(message.result);
    }
  }

  // The one path of a crash, whether Pyodide died (the worker's Fatal
  // message) or the worker itself failed (its error event). An exit
  // (os._exit) ends Python as a crash does, but it is no crash: it says so.
  /**
   * @param {string} reason
   * @param {number} [exitStatus] os._exit's status, when Python ended itself
   */
  crashed(reason, exitStatus) {
    const ended = exitStatus !== undefined;
    const what = ended ? `Python ended (the cell called os._exit(${exitStatus}))` : `Python crashed (${reason})`;
    this.restart(
      new PythonCrashed(
        `${what} and was restarted, so the variables of earlier cells are gone. ` +
          `Running the cell again runs the cells before it first; if it ${ended ? "ends Python" : "crashes"} again, change it.`,
        ended,
      ),
    );
  }

  /** @param {Error} error */
  teardown(error) {
    if (this.worker) this.worker.terminate();
    this.worker = null;
    this.runningId = null;
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }

  // Ends this Python (rejecting what waits for it); the next boot() starts anew.
  /** @param {Error} [error] */
  restart(error = new PythonRestarted("Python was restarted.")) {
    this.teardown(error);
    this.booting = null;
  }

  // Stops the running code: KeyboardInterrupt when the page is cross-origin
  // isolated (the namespace survives), otherwise - or if the interrupt is not
  // honoured within STOP_GRACE_MS - a restart of the worker.
  stop() {
    const stopped = new PythonRestarted("Stopped: Python was restarted, so the variables of earlier cells are gone.");
    if (this.interrupt && this.booted && this.runningId !== null) {
      const id = this.runningId;
      Atomics.store(this.interrupt, 0, 2); // 2 = SIGINT (see protocol.js)
      setTimeout(() => {
        if (this.runningId === id) this.restart(stopped);
      }, STOP_GRACE_MS);
      return "interrupted";
    }
    this.restart(stopped);
    return "restarted";
  }

  /**
   * Runs code in the namespace `namespace`.
   * @param {string} namespace
   * @param {string} code
   * @param {string} filename
   * @param {OnStream} onStream
   * @param {ControlValues} controls
   */
  async run(namespace, code, filename, onStream, controls) {
    if (this.interrupt) Atomics.store(this.interrupt, 0, 0);
    const { id, reply } = this.request({ type: "run", namespace, code, filename, controls }, onStream);
    this.runningId = id;
    try {
      return await reply;
    } finally {
      if (this.runningId === id) this.runningId = null;
    }
  }
}

const python = new Python();
let pageKey = `${location.pathname}#0`;
let pageCount = 0;
let pageQueue = Promise.resolve();

/**
 * Runs code in the current page's namespace; resolves to
 * {ok, stdout, stderr, display, controls} (and error, errorLine, restarted)
 * and never rejects. `error` is the traceback or message that ended a failed
 * run: it ends `stderr` too (uncut), but is not streamed, so that a cell can
 * show it apart from the output before it. `controls` are the values
 * calcweb.slider and calcweb.choice return, by label; the result lists the
 * controls the code declared.
 * @param {string} code
 * @param {{filename?: string, onStream?: (name: "stdout" | "stderr", text: string) => void, controls?: ControlValues}} [options]
 */
async function run(code, { filename = "<calcweb.run>", onStream = () => {}, controls = {} } = {}) {
  const out = { stdout: "", stderr: "" };
  const collect = (name, text) => {
    // An endless print loop must not fill the memory: the result keeps the first
    // KEPT_MOST characters of each stream (what a cell shows is less: streamTo).
    if (out[name].length < KEPT_MOST) out[name] += text.slice(0, KEPT_MOST - out[name].length);
    onStream(name, text);
  };
  try {
    await python.boot();
    const result = await python.run(pageKey, String(code), filename, collect, controls);
    const error = result.ok ? "" : result.error;
    return { ok: result.ok, stdout: out.stdout, stderr: out.stderr + error, display: result.display, controls: result.controls, error, errorLine: result.line || 0 };
  } catch (thrown) {
    const restarted = thrown instanceof PythonRestarted;
    const crashed = thrown instanceof PythonCrashed;
    const ended = crashed && thrown.ended;
    const error = restarted ? thrown.message : `Python could not start: ${thrown.message}`;
    return { ok: false, stdout: out.stdout, stderr: out.stderr + error, display: [], controls: [], error, errorLine: 0, restarted, crashed, ended };
  }
}

// ---------------------------------------------------------------- output

// Strict profile: HTML and SVG without scripts, event handlers, forms,
// styles that load things, or any URL but an in-document #reference.
const SANITIZE = {
  USE_PROFILES: { html: true, svg: true, svgFilters: true },
  FORBID_TAGS: ["style", "foreignObject", "iframe", "object", "embed", "form", "input", "button", "link", "meta", "base"],
  FORBID_ATTR: ["srcset", "action", "formaction", "ping"],
  ALLOW_DATA_ATTR: false,
};
DOMPurify.addHook("uponSanitizeAttribute", (node, data) => {
  const name = data.attrName.toLowerCase();
  const value = data.attrValue.trim();
  if (/^(href|src|xlink:href|poster|background)$/.test(name) && !value.startsWith("#")) data.keepAttr = false;
  if (name === "style" && /url\s*\(|@import|expression\s*\(/i.test(value)) data.keepAttr = false;
});

// KaTeX, loaded the first time a cell shows LaTeX (the pages' own math is
// typeset when the site is built).
/** @type {Promise<{render: (tex: string, element: HTMLElement, options: object) => void}> | null} */
let katex = null;
function loadKatex() {
  // @ts-expect-error -- made by tools/hooks/js_bundle.py from tools/js/katex.js
  katex ??= import("./calcweb-katex.js").catch((error) => {
    katex = null; // a later cell tries again
    console.error("calcweb: KaTeX could not load; LaTeX is shown as source", error);
    return { render() {} };
  });
  return katex;
}

function renderDisplay(item) {
  const box = document.createElement("div");
  box.className = "calcweb-display";
  if (item.mime === "image/svg+xml" || item.mime === "text/html") {
    box.append(DOMPurify.sanitize(item.data, { ...SANITIZE, RETURN_DOM_FRAGMENT: true }));
  } else if (item.mime === "text/latex") {
    const tex = item.data.trim().replace(/^\$\$?|\$\$?$/g, "");
    box.textContent = tex; // until KaTeX has loaded, or if it cannot
    loadKatex().then(({ render }) => render(tex, box, { displayMode: true, throwOnError: false, trust: false }));
  } else if (item.mime === "image/png") {
    const img = document.createElement("img");
    img.alt = "figure computed by the cell";
    img.src = `data:image/png;base64,${item.data.replace(/[^A-Za-z0-9+/=]/g, "")}`;
    box.append(img);
  } else {
    const pre = document.createElement("pre");
    pre.className = "calcweb-result";
    pre.textContent = item.data;
    box.append(pre);
  }
  return box;
}

const KEPT_MOST = 1_000_000; // characters of each stream a run's result keeps
const SHOWN_MOST = 100_000; // characters of each stream a cell shows

// Appends streamed text to the output, one span per run of the same stream.
// Each stream shows its first SHOWN_MOST characters and counts the rest in a
// note below, so that an endless print loop neither grows the page without
// bound nor keeps the page too busy to press Stop (new text is appended as a
// text node: re-setting a growing textContent took time quadratic in it).
/** @param {HTMLElement} output */
function streamTo(output) {
  /** @type {HTMLPreElement | null} */
  let pre = null;
  /** @type {HTMLParagraphElement | null} */
  let note = null;
  const shown = { stdout: 0, stderr: 0 };
  const hidden = { stdout: 0, stderr: 0 };
  // Whether each stream's shown text ends a line: the other stream may have
  // printed since, so the last span need not be this stream's.
  const endsLine = { stdout: true, stderr: true };
  return (name, text) => {
    if (!pre) {
      output.replaceChildren();
      pre = document.createElement("pre");
      pre.className = "calcweb-streams";
      output.append(pre);
    }
    let part = text.slice(0, Math.max(0, SHOWN_MOST - shown[name]));
    shown[name] += part.length;
    const cut = !hidden[name] && part.length < text.length;
    hidden[name] += text.length - part.length;
    const last = /** @type {HTMLElement | null} */ (pre.lastElementChild);
    const continues = last !== null && last.dataset.stream === name;
    if (part) endsLine[name] = part.endsWith("\n");
    // A stream cut mid-line ends its line, marked, so that what follows does
    // not seem to continue it ("line 10100Traceback").
    if (cut && !endsLine[name]) part += "…\n";
    if (part) {
      if (last && continues) {
        last.append(part);
      } else {
        const span = document.createElement("span");
        span.className = `calcweb-${name}`;
        span.dataset.stream = name;
        span.textContent = part;
        pre.append(span);
      }
    }
    // A box that scrolls must be reachable by keyboard (WCAG 2.1.1).
    if (pre.tabIndex < 0 && pre.scrollHeight > pre.clientHeight) {
      pre.tabIndex = 0;
      pre.setAttribute("aria-label", "printed output (scrolls)");
    }
    if (hidden[name]) {
      if (!note) {
        note = document.createElement("p");
        note.className = "calcweb-truncated";
        pre.after(note);
      }
      const count = hidden.stdout + hidden.stderr;
      note.textContent = `${count.toLocaleString("en")} more characters of output were not shown (a cell shows the first ${SHOWN_MOST.toLocaleString("en")} of each stream); print less, such as every 100th value.`;
    }
  };
}

// The traceback (or message) that ended a run, below the printed output and
// its note: whole, and in view however much was printed before it.
function showError(output, text) {
  const pre = document.createElement("pre");
  pre.className = "calcweb-error";
  pre.textContent = text;
  output.append(pre);
}

function showStatus(output, text, percent = null) {
  const p = document.createElement("p");
  p.className = "calcweb-status";
  p.textContent = text;
  output.removeAttribute("data-prerendered");
  output.replaceChildren(p);
  if (percent !== null) {
    const bar = document.createElement("progress");
    bar.max = 100;
    bar.value = percent;
    bar.setAttribute("aria-label", text);
    output.append(bar);
  }
}

// ---------------------------------------------------------------- persistence

// FNV-1a: a short, stable fingerprint of a cell's original code.
function hash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

const storage = {
  get(key) {
    try {
      return localStorage.getItem(key);
    } catch {
      return null; // storage disabled: edits simply are not kept
    }
  },
  set(key, value) {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
    } catch {
      /* full or disabled */
    }
  },
};

// ---------------------------------------------------------------- cells

const cellsOfPage = () => [...document.querySelectorAll(/** @type {"div"} */ (".calcweb-cell"))];
const ranToken = () => `${pageKey}/${python.generation}`;

function setState(cell, state) {
  cell.dataset.state = state;
  cell.querySelector(".calcweb-run").disabled = state === "loading" || state === "running";
  cell.querySelector(".calcweb-stop").disabled = !(state === "loading" || state === "running");
}

// Boots Python with progress in `output`; false (and a Retry button) on failure.
async function bootInto(cell, output) {
  if (python.booted) return true;
  showStatus(output, "Starting Python…");
  const onProgress = ({ stage, percent }) => showStatus(output, percent === null ? `${stage}…` : `${stage}… ${percent}%`, percent);
  python.listeners.add(onProgress);
  if (python.booting && python.progress) onProgress(python.progress); // boot already under way
  try {
    await python.boot();
    return true;
  } catch (error) {
    showStatus(output, `Python could not start: ${error.message}`);
    const retry = document.createElement("button");
    retry.type = "button";
    retry.className = "calcweb-retry md-button";
    retry.textContent = "Retry";
    retry.setAttribute("aria-label", "Retry starting Python and run the cell");
    retry.addEventListener("click", () => runCell(cell));
    output.append(retry);
    return false;
  } finally {
    python.listeners.delete(onProgress);
  }
}

// Runs one cell now (Python booted); shows its streams, value or traceback,
// and its controls. A quiet run (a control moved) keeps the last output on
// screen until the new one replaces it.
async function execute(cell, { quiet = false } = {}) {
  await attachEditor(cell); // a no-op unless the page is still setting its cells up
  const output = cell.querySelector(".calcweb-output");
  const editor = cell.calcwebEditor;
  const index = Number(cell.dataset.cellIndex);
  setState(cell, "running");
  if (!quiet) showStatus(output, "Running…");
  editor.markErrorLine(0);
  const stream = streamTo(output);
  let streamed = false;
  const token = ranToken();
  const result = await run(editor.code, {
    filename: `<cell ${index + 1}>`,
    onStream: (name, text) => {
      streamed = true;
      output.removeAttribute("data-prerendered");
      stream(name, text);
    },
    controls: controlValues(cell),
  });
  // A cell that crashed Python is not rerun before a later one until its code changes.
  if (result.crashed) cell.dataset.crashed = hash(editor.code);
  else delete cell.dataset.crashed;
  if (result.ended) cell.dataset.ended = "true";
  else delete cell.dataset.ended;
  showControls(cell, result.controls, result.ok);
  output.removeAttribute("data-prerendered");
  if (!streamed) output.replaceChildren();
  for (const item of result.display) output.append(renderDisplay(item));
  if (result.error) showError(output, result.error);
  if (result.errorLine) editor.markErrorLine(result.errorLine);
  cell.dataset.ranIn = token;
  setState(cell, result.ok ? "done" : "error");
  return result;
}

// Stop drops every run still waiting in the queue, as a notebook's interrupt
// does: runs queued before the latest Stop do not start.
let stops = 0;

// What a queued run's status replaced in the cell: put back when Stop drops
// the run, unless another run of the cell has shown its result since.
function keepShown(cell, output) {
  const state = cell.dataset.state;
  const nodes = [...output.childNodes];
  const prerendered = output.getAttribute("data-prerendered");
  return () => {
    if (cell.dataset.state !== "loading") return;
    output.replaceChildren(...nodes);
    if (prerendered !== null) output.setAttribute("data-prerendered", prerendered);
    setState(cell, state === "loading" || state === "running" ? "idle" : state);
  };
}

/** @param {any} cell whether its code, as it stands, crashed Python when it last ran */
const crashedAsItStands = (cell) => cell.dataset.crashed !== undefined && cell.dataset.crashed === hash(cell.calcwebEditor.code);

/** @param {HTMLElement} cell an earlier cell that crashed (or ended) Python */
function crashedBefore(cell) {
  const n = Number(cell.dataset.cellIndex) + 1;
  const did = cell.dataset.ended === "true" ? "ended" : "crashed";
  // Reset helps only a reader's edit: the page's own code would do it again.
  const fix = cell.dataset.edited === "true" ? `Change cell ${n} (or Reset it)` : `Change cell ${n}`;
  return `Cell ${n} ${did} Python (its output says how), so this cell did not run: it would run cell ${n} first. ${fix}, then run this cell again.`;
}

// Queues a run of `cell`; earlier cells that never ran in this namespace run
// first, in page order, so a reader can start anywhere. A quiet run (see
// execute) shows no status unless Python has to start.
function runCell(cell, { quiet = false } = {}) {
  if (!mayDownload()) {
    askToDownload(cell, "this cell", () => runCell(cell, { quiet }));
    return Promise.resolve();
  }
  const output = cell.querySelector(".calcweb-output");
  const queuedAfter = stops;
  const dropped = keepShown(cell, output);
  setState(cell, "loading");
  if (!quiet || !python.booted) showStatus(output, python.booted ? "Waiting for the cells before this one…" : "Starting Python…");
  const task = pageQueue.then(async () => {
    if (!cell.isConnected) return; // the page changed meanwhile
    if (stops !== queuedAfter) return dropped();
    if (!(await bootInto(cell, output))) {
      setState(cell, "error");
      return;
    }
    const cells = cellsOfPage();
    // A link's code is left out: only its own Run button runs it (share.js).
    const earlier = cells.slice(0, cells.indexOf(cell)).filter((other) => other.dataset.ranIn !== ranToken() && !heldBack(other));
    for (const other of earlier) {
      if (crashedAsItStands(other)) {
        setState(cell, "error");
        showStatus(output, crashedBefore(other));
        return;
      }
      const before = other.dataset.state;
      const result = await execute(other);
      if (stops !== queuedAfter) return dropped();
      if (result.restarted) {
        other.dataset.state = before === "idle" ? "idle" : "error";
        setState(cell, "error");
        showStatus(output, result.crashed ? crashedBefore(other) : result.stderr);
        return;
      }
    }
    await execute(cell, { quiet });
  });
  pageQueue = task.catch(() => {});
  return task;
}

// ---------------------------------------------------------------- metered connections

// When the browser reports Save-Data or a cellular connection, Python's
// download waits for the reader: the first Run (Run all, a moved control)
// shows how many megabytes it needs and a button that starts it, and the
// pre-rendered output stays meanwhile. The answer holds for the session. On
// such a connection the worker starts Python afresh (connection.js), so the
// figure is the fresh start's, from the build's pyodide/download.json.
const CONSENT_KEY = "calcweb:download-python";
let consented = false; // for when sessionStorage is disabled
/** @type {Promise<string | null> | null} */
let downloadSize = null;

function mayDownload() {
  if (consented || python.booting || !metered(connectionInfo())) return true;
  try {
    return sessionStorage.getItem(CONSENT_KEY) === "yes";
  } catch {
    return false;
  }
}

function consent() {
  consented = true;
  try {
    sessionStorage.setItem(CONSENT_KEY, "yes");
  } catch {
    /* disabled: this page remembers it */
  }
}

/** @returns {Promise<string | null>} e.g. "4.9 MB", or null when the build's sizes cannot be read */
function pythonDownloadSize() {
  downloadSize ??= fetch(new URL("download.json", INDEX_URL))
    .then((response) => (response.ok ? response.json() : null))
    .then((sizes) => (sizes && typeof sizes.fresh_bytes === "number" ? `${(sizes.fresh_bytes / 1e6).toFixed(1)} MB` : null))
    .catch(() => null);
  return downloadSize;
}

let askToken = 0;
/**
 * Shows the question in div.calcweb-download above the cell's output (one
 * per page: a newer question replaces it); the button does `action`.
 * @param {HTMLElement} cell
 * @param {string} what "this cell" or "the cells on this page"
 * @param {() => unknown} action
 */
async function askToDownload(cell, what, action) {
  const token = ++askToken;
  const size = await pythonDownloadSize();
  if (token !== askToken || !cell.isConnected) return;
  for (const old of document.querySelectorAll(".calcweb-download")) old.remove();
  const box = document.createElement("div");
  box.className = "calcweb-download";
  const text = document.createElement("p");
  const why = metered(connectionInfo()) === "save-data" ? "Your browser asks to save data." : "You are on a mobile connection.";
  const download = size ? `a download of ${size}` : "a download of several megabytes";
  text.textContent = `${why} Running ${what} needs Python, ${download}.`;
  text.id = "calcweb-download-text"; // one question per page; read with the focused button
  const button = document.createElement("button");
  button.type = "button";
  button.className = "calcweb-download-start md-button";
  button.textContent = size ? `Download Python (${size})` : "Download Python";
  button.setAttribute("aria-describedby", text.id);
  button.addEventListener("click", () => {
    consent();
    box.remove();
    action();
    const stop = /** @type {HTMLButtonElement} */ (cell.querySelector(".calcweb-stop"));
    stop.focus(); // the button is gone; Stop ends the download
  });
  box.append(text, button);
  /** @type {HTMLElement} */ (cell.querySelector(".calcweb-output")).before(box);
  button.focus();
}

// ---------------------------------------------------------------- controls

// calcweb.slider and calcweb.choice: a run replies with the controls it
// declared, drawn in div.calcweb-controls above the output. Moving one runs
// the cell again with the page's values (controlValues). The controls are
// updated in place, never replaced while they exist, so the one the reader
// is dragging or typing on keeps its focus.

let controlCount = 0; // ids that tie each <label> and <output> to its control

/**
 * The values of the cell's controls, by label, for its next run.
 * @param {HTMLElement} cell
 * @returns {ControlValues}
 */
function controlValues(cell) {
  /** @type {ControlValues} */
  const values = {};
  for (const field of cell.querySelectorAll(/** @type {"input"} */ (".calcweb-controls [data-label]"))) {
    const label = /** @type {string} */ (field.dataset.label);
    values[label] = field.type === "range" ? field.valueAsNumber : field.value;
  }
  return values;
}

// A control moved: run the cell again. While a run is in flight only the
// latest values are kept: one more run follows it, with the values the
// controls have then (no queue of stale runs).
/** @param {any} cell */
function rerunForControls(cell) {
  if (cell.calcwebRerun) {
    cell.calcwebRerun.again = true;
    return;
  }
  const rerun = { again: false };
  cell.calcwebRerun = rerun;
  const startedAfter = stops;
  (async () => {
    try {
      do {
        rerun.again = false;
        await runCell(cell, { quiet: true });
      } while (rerun.again && cell.isConnected && stops === startedAfter); // Stop drops the rerun
    } finally {
      cell.calcwebRerun = null;
    }
  })();
}

/**
 * A new control's row: its visible label, the input, and (for a slider) its value.
 * @param {HTMLElement} cell
 * @param {Control} control
 */
function makeControl(cell, control) {
  const row = document.createElement("div");
  row.className = "calcweb-control";
  row.dataset.kind = control.kind;
  row.dataset.label = control.label;
  const id = `calcweb-control-${++controlCount}`;
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = control.label;
  const field = document.createElement(control.kind === "slider" ? "input" : "select");
  if (field instanceof HTMLInputElement) field.type = "range";
  field.className = control.kind === "slider" ? "calcweb-slider" : "calcweb-choice";
  field.id = id;
  field.dataset.label = control.label;
  field.setAttribute("aria-label", control.label);
  row.append(label, field);
  if (control.kind === "slider") {
    const shown = document.createElement("output");
    shown.className = "calcweb-control-value";
    shown.setAttribute("for", id);
    row.append(shown);
  }
  field.addEventListener("input", () => {
    showValue(row);
    rerunForControls(cell);
  });
  return row;
}

// The slider's value as the reader reads it: beside it, and to a screen reader.
/** @param {HTMLElement} row */
function showValue(row) {
  const field = /** @type {HTMLInputElement | HTMLSelectElement} */ (row.querySelector("[data-label]"));
  const shown = row.querySelector("output");
  if (field instanceof HTMLInputElement && shown) {
    shown.textContent = field.value;
    field.setAttribute("aria-valuetext", field.value);
  }
}

/**
 * Brings a control's row up to date with what the run declared. Its value is
 * the run's only when no newer one waits to run (the reader's is newer).
 * @param {HTMLElement} row
 * @param {Control} control
 * @param {boolean} newer
 */
function updateControl(row, control, newer) {
  const field = /** @type {HTMLInputElement | HTMLSelectElement} */ (row.querySelector("[data-label]"));
  if (control.kind === "slider" && field instanceof HTMLInputElement) {
    const value = field.value;
    for (const name of /** @type {const} */ (["min", "max", "step"])) {
      const wanted = String(control[name === "min" ? "start" : name === "max" ? "stop" : "step"]);
      if (field.getAttribute(name) !== wanted) field.setAttribute(name, wanted);
    }
    field.value = newer ? value : String(control.value);
  } else if (control.kind === "choice" && field instanceof HTMLSelectElement) {
    const value = field.value;
    const options = [...field.options].map((option) => option.value);
    if (options.join("\u0000") !== control.options.join("\u0000") || options.length !== control.options.length) {
      field.replaceChildren(...control.options.map((text) => new Option(text, text)));
    }
    field.value = newer && control.options.includes(value) ? value : control.value;
  }
  showValue(row);
}

/**
 * Draws the controls a run declared. After a successful run, the controls it
 * did not declare go (the code no longer has them); after an error they stay.
 * @param {any} cell
 * @param {Control[]} controls
 * @param {boolean} ok
 */
function showControls(cell, controls, ok) {
  let box = /** @type {HTMLElement | null} */ (cell.querySelector(".calcweb-controls"));
  if (!box && !controls.length) return;
  if (!box) {
    box = document.createElement("div");
    box.className = "calcweb-controls";
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", `Inputs of cell ${Number(cell.dataset.cellIndex) + 1}`);
    cell.querySelector(".calcweb-output").before(box);
  }
  /** @type {Map<string, HTMLElement>} */
  const rows = new Map([...box.children].map((row) => [/** @type {HTMLElement} */ (row).dataset.label ?? "", /** @type {HTMLElement} */ (row)]));
  const newer = Boolean(cell.calcwebRerun && cell.calcwebRerun.again);
  /** @type {HTMLElement | null} */
  let previous = null;
  for (const control of controls) {
    let row = rows.get(control.label);
    rows.delete(control.label);
    if (row && row.dataset.kind !== control.kind) {
      row.remove();
      row = undefined;
    }
    row ??= makeControl(cell, control);
    updateControl(row, control, newer);
    // In the order of the calls; the row being used is not moved (it would lose focus).
    const place = previous ? previous.nextElementSibling : box.firstElementChild;
    if (row !== place && !row.contains(document.activeElement)) {
      if (previous) previous.after(row);
      else box.prepend(row);
    }
    previous = row;
  }
  if (ok) for (const row of rows.values()) row.remove();
  box.hidden = box.childElementCount === 0;
}

function copyCode(cell, button) {
  const code = cell.calcwebEditor.code;
  const label = button.getAttribute("aria-label");
  const done = () => {
    button.textContent = "Copied";
    button.setAttribute("aria-label", label.replace(/^Copy/, "Copied")); // what a screen reader says
    setTimeout(() => {
      button.textContent = "Copy";
      button.setAttribute("aria-label", label);
    }, 1500);
  };
  if (navigator.clipboard && globalThis.isSecureContext) {
    navigator.clipboard.writeText(code).then(done, () => (button.textContent = "Copy failed"));
  } else {
    const area = cell.querySelector("textarea.calcweb-editor");
    area.value = code;
    area.hidden = false;
    area.select();
    document.execCommand("copy");
    area.hidden = true;
    done();
  }
}

// The buttons (disabled in the page until now) work as soon as this module
// runs - before the editor bundle has loaded: a click then waits for the
// cell's editor.
function wireCell(cell) {
  if (cell.dataset.wired) return;
  cell.dataset.wired = "true";
  const withEditor = (action) => () => attachEditor(cell).then(() => action(cell.calcwebEditor));
  cell.querySelector(".calcweb-run").addEventListener("click", () => runCell(cell));
  cell.querySelector(".calcweb-stop").addEventListener("click", () => {
    stops += 1;
    if (python.stop() !== "restarted") return;
    for (const other of cellsOfPage()) {
      if (other.dataset.state === "loading" || other.dataset.state === "running") {
        setState(other, "error");
        showStatus(other.querySelector(".calcweb-output"), "Stopped: Python was restarted, so the variables of earlier cells are gone. Run the cell again: the cells before it run first.");
      }
    }
  });
  // Reset puts back the page's code; the editor's onChange then forgets the edit.
  const original = cell.querySelector("textarea.calcweb-editor").defaultValue;
  cell.querySelector(".calcweb-reset").addEventListener("click", withEditor((editor) => (editor.code = original)));
  const copy = cell.querySelector(".calcweb-copy");
  copy.addEventListener("click", withEditor(() => copyCode(cell, copy)));
  for (const button of cell.querySelectorAll(".calcweb-reset, .calcweb-copy")) button.disabled = false;
  addShareButton(cell, () => attachEditor(cell).then(() => cell.calcwebEditor.code));
  // Until the editor replaces it, the plain textarea runs on the same keys.
  cell.querySelector("textarea.calcweb-editor").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.shiftKey || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      runCell(cell);
    }
  });
  // The first touch of a cell starts Python, so it is ready sooner.
  cell.addEventListener("focusin", bootQuietly, { once: true });
  cell.addEventListener("pointerdown", bootQuietly, { once: true });
  // The controls the build's run declared, at their defaults: usable at once.
  if (cell.dataset.controls) showControls(cell, JSON.parse(cell.dataset.controls), true);
  setState(cell, "idle");
}

// Replaces the cell's textarea by a CodeMirror editor holding the reader's
// saved edit, if any (or what they typed before the editor loaded).
async function attachEditor(cell) {
  const createEditor = await editorReady;
  if (cell.calcwebEditor) return;
  const index = Number(cell.dataset.cellIndex);
  const textarea = cell.querySelector("textarea.calcweb-editor");
  const original = textarea.defaultValue;
  const key = `calcweb:${location.pathname}:${index}:${hash(original)}`;
  const edited = cell.querySelector(".calcweb-edited");
  const markEdited = (code) => {
    const changed = code !== original;
    cell.dataset.edited = String(changed);
    edited.hidden = !changed;
    return changed;
  };
  let showingSaved = false; // another tab's edit: saved already, and newer edits may follow it
  const save = (code) => {
    const changed = markEdited(code);
    if (!showingSaved) storage.set(key, changed ? code : null);
  };
  const typed = textarea.value !== original ? textarea.value : null;
  const doc = typed ?? storage.get(key) ?? original;
  let editor;
  if (createEditor) {
    editor = createEditor({
      parent: cell.querySelector(".calcweb-editor-box"),
      doc,
      label: textarea.getAttribute("aria-label"),
      onRun: () => runCell(cell),
      onChange: save,
    });
    const hadFocus = document.activeElement === textarea;
    const caret = Math.min(textarea.selectionEnd, doc.length);
    textarea.hidden = true; // kept as the no-JavaScript view and the copy fallback
    if (hadFocus) {
      // The reader was typing: they go on typing where they were.
      editor.view.dispatch({ selection: { anchor: caret } });
      editor.view.focus();
    }
  } else {
    editor = plainEditor(textarea, doc, save);
  }
  cell.calcwebEditor = editor;
  cell.calcwebShowSaved = () => {
    const saved = storage.get(key) ?? original;
    if (editor.code === saved) return;
    showingSaved = true;
    try {
      editor.code = saved;
    } finally {
      showingSaved = false;
    }
  };
  if (typed !== null) save(typed);
  else markEdited(editor.code);
}

// Another tab saved or reset an edit (the storage event fires in every tab but
// the one that saved): show it here too, so that both tabs edit the same code
// and a keystroke in a stale tab cannot silently replace the newer edit. It is
// shown, not saved again: writing it back could undo a newer keystroke there.
// A link's code comes with its marking (held back from Run all), set first.
function showEditsOfOtherTabs() {
  const cells = cellsOfPage();
  markLinkCells(cells);
  for (const cell of /** @type {any[]} */ (cells)) {
    if (cell.calcwebShowSaved) cell.calcwebShowSaved(); // else attachEditor reads the saved edit
  }
}

// The cell's textarea, with the editor's interface, for when CodeMirror is missing.
function plainEditor(textarea, doc, onChange) {
  textarea.value = doc;
  textarea.addEventListener("input", () => onChange(textarea.value));
  return {
    view: textarea,
    get code() {
      return textarea.value;
    },
    set code(text) {
      textarea.value = text;
      onChange(text);
    },
    markErrorLine() {},
  };
}

// Starts Python ahead of need; a failure shows when a cell runs.
function bootQuietly() {
  if (mayDownload()) python.boot().catch(() => {});
}

// Creating an editor takes several milliseconds: one cell per task keeps a page
// with many cells free of long main-thread tasks while it loads. Each waits for
// a frame, so that it starts on a page laid out (see createEditor). (Closures,
// not `resolve` itself, so that profilers attribute the task to this script.)
const nextFrame = () => new /** @type {typeof Promise<void>} */ (Promise)((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(), 0)));

async function setUpCells(cells, page) {
  await editorReady;
  for (const cell of cells) {
    await nextFrame();
    if (page !== pageCount) return; // the reader has moved on to another page
    await attachEditor(cell);
  }
}

function setUpPage() {
  pageKey = `${location.pathname}#${++pageCount}`;
  pageQueue = Promise.resolve();
  const cells = cellsOfPage();
  for (const cell of cells) wireCell(cell);
  openLink(cells, (cell) => attachEditor(cell).then(() => cell.calcwebEditor)); // a link's code, not run
  setUpCells(cells, pageCount);
  for (const button of document.querySelectorAll(/** @type {"button"} */ (".calcweb-run-all"))) {
    if (button.dataset.wired) continue;
    button.dataset.wired = "true";
    const runAll = () => {
      const cells = cellsOfPage().filter((cell) => !heldBack(cell));
      if (cells.length && !mayDownload()) askToDownload(cells[0], "the cells on this page", runAll);
      else for (const cell of cells) runCell(cell);
    };
    button.addEventListener("click", runAll);
    button.disabled = false;
  }
  // Lazy boot: pages without cells never load Python; pages with cells start
  // it as soon as the page itself has loaded (its styles, scripts and fonts
  // come first). It runs in the worker: the page stays free meanwhile.
  if (cells.length && !python.booting) afterLoad(bootQuietly);
}

function afterLoad(callback) {
  if (document.readyState === "complete") callback();
  else addEventListener("load", callback, { once: true });
}

/** @type {any} */ (window).calcweb = {
  get ready() {
    return python.boot().then(() => true);
  },
  // How Python started: {version, fromSnapshot}, once it has (else null).
  get python() {
    return python.booted ? { version: python.version, fromSnapshot: python.fromSnapshot } : null;
  },
  run,
};

addEventListener("storage", (event) => {
  if (event.key === null || event.key.startsWith("calcweb:")) showEditsOfOtherTabs(); // null: storage cleared
});

if (globalThis.document$) globalThis.document$.subscribe(setUpPage);
else setUpPage();
