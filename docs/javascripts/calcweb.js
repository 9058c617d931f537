// calcweb live cells: wires every div.calcweb-cell on the page to a Python
// (Pyodide) that runs in a module Web Worker, and exposes window.calcweb.
// Works with mkdocs-material's instant navigation: cells are set up on every
// document$ emission, the worker lives across pages, and each page gets a
// fresh Python namespace.
import DOMPurify from "../vendor/dompurify/purify.es.mjs";

const WORKER_URL = new URL("./calcweb-worker.js", import.meta.url);
const INDEX_URL = new URL("../pyodide/", import.meta.url).href;

class PythonRestarted extends Error {}

// The worker that owns Pyodide, and the requests waiting for its replies.
class Python {
  constructor() {
    this.worker = null;
    this.booting = null;
    this.pending = new Map();
    this.nextId = 1;
    this.interrupt = null;
    this.listeners = new Set();
  }

  get booted() {
    return this.booting !== null && this.version !== undefined;
  }

  // Starts Python once; after a failure the next call really tries again.
  boot() {
    if (!this.booting) {
      this.version = undefined;
      this.booting = this.start().then(
        ({ version }) => (this.version = version),
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
      this.teardown(new Error(`the Python worker failed to load (${event.message || WORKER_URL})`));
    };
    this.interrupt = globalThis.crossOriginIsolated ? new Int32Array(new SharedArrayBuffer(4)) : null;
    return this.request({ type: "boot", indexURL: INDEX_URL, interruptBuffer: this.interrupt });
  }

  request(message, onStream = () => {}) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onStream });
      this.worker.postMessage({ ...message, id });
    });
  }

  receive(message) {
    if (message.type === "progress") {
      for (const listener of this.listeners) listener(message.stage);
      return;
    }
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    if (message.type === "stream") {
      waiting.onStream(message.name, message.text);
    } else if (message.type === "reply") {
      this.pending.delete(message.id);
      if (message.ok) waiting.resolve(message.result);
      else waiting.reject(new Error(message.error));
    }
  }

  teardown(error) {
    if (this.worker) this.worker.terminate();
    this.worker = null;
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }

  // Stops the running code: KeyboardInterrupt when the page is cross-origin
  // isolated (the namespace survives), otherwise a restart of the worker.
  stop() {
    if (this.interrupt && this.booted) {
      Atomics.store(this.interrupt, 0, 2); // 2 = SIGINT
      return "interrupted";
    }
    this.teardown(new PythonRestarted("Stopped: Python was restarted, so the variables of earlier cells are gone."));
    this.booting = null;
    return "restarted";
  }

  async run(namespace, code, filename, onStream) {
    if (this.interrupt) Atomics.store(this.interrupt, 0, 0);
    return this.request({ type: "run", namespace, code, filename }, onStream);
  }
}

const python = new Python();
let pageKey = `${location.pathname}#0`;
let pageCount = 0;
let pageQueue = Promise.resolve();

// Runs code in the current page's namespace; resolves to
// {ok, stdout, stderr, display} and never rejects.
async function run(code, { filename = "<calcweb.run>", onStream = () => {} } = {}) {
  const out = { stdout: "", stderr: "" };
  const collect = (name, text) => {
    out[name] += text;
    onStream(name, text);
  };
  try {
    await python.boot();
    const result = await python.run(pageKey, String(code), filename, collect);
    if (!result.ok) collect("stderr", result.error);
    return { ok: result.ok, stdout: out.stdout, stderr: out.stderr, display: result.display };
  } catch (error) {
    const message = error instanceof PythonRestarted ? error.message : `Python could not start: ${error.message}`;
    collect("stderr", message);
    return { ok: false, stdout: out.stdout, stderr: out.stderr, display: [], restarted: error instanceof PythonRestarted };
  }
}

// ---------------------------------------------------------------- output

const SANITIZE = {
  USE_PROFILES: { html: true, svg: true, svgFilters: true },
  FORBID_TAGS: ["style", "foreignObject", "iframe", "object", "embed", "form"],
  ALLOW_DATA_ATTR: false,
};
DOMPurify.addHook("uponSanitizeAttribute", (node, data) => {
  // No loads from anywhere: only in-document references (#id) survive.
  if (/^(href|src|xlink:href|srcset|action|formaction)$/i.test(data.attrName) && !/^#/.test(data.attrValue.trim())) {
    data.keepAttr = false;
  }
});

function renderDisplay(item) {
  const box = document.createElement("div");
  box.className = "calcweb-display";
  if (item.mime === "image/svg+xml" || item.mime === "text/html") {
    box.append(DOMPurify.sanitize(item.data, { ...SANITIZE, RETURN_DOM_FRAGMENT: true }));
  } else if (item.mime === "text/latex" && globalThis.katex) {
    const tex = item.data.trim().replace(/^\$\$?|\$\$?$/g, "");
    globalThis.katex.render(tex, box, { displayMode: true, throwOnError: false });
  } else {
    const pre = document.createElement("pre");
    pre.className = "calcweb-result";
    pre.textContent = item.data;
    box.append(pre);
  }
  return box;
}

function streamTo(output) {
  let pre = null;
  return (name, text) => {
    if (!pre) {
      output.replaceChildren();
      pre = document.createElement("pre");
      pre.className = "calcweb-streams";
      output.append(pre);
    }
    const last = pre.lastElementChild;
    if (last && last.dataset.stream === name) {
      last.textContent += text;
    } else {
      const span = document.createElement("span");
      span.className = `calcweb-${name}`;
      span.dataset.stream = name;
      span.textContent = text;
      pre.append(span);
    }
  };
}

function showStatus(output, text) {
  const p = document.createElement("p");
  p.className = "calcweb-status";
  p.textContent = text;
  output.replaceChildren(p);
}

// ---------------------------------------------------------------- cells

function setState(cell, state) {
  cell.dataset.state = state;
  cell.querySelector(".calcweb-run").disabled = state === "loading" || state === "running";
  cell.querySelector(".calcweb-stop").disabled = !(state === "loading" || state === "running");
}

function fitEditor(editor) {
  editor.rows = Math.max(1, editor.value.split("\n").length);
}

function runCell(cell) {
  const output = cell.querySelector(".calcweb-output");
  const editor = cell.querySelector(".calcweb-editor");
  const index = Number(cell.dataset.cellIndex);
  setState(cell, "loading");
  showStatus(output, python.booted ? "Waiting for the cells before this one…" : "Starting Python…");
  const task = pageQueue.then(async () => {
    if (!python.booted) {
      const onProgress = (stage) => showStatus(output, `${stage}…`);
      python.listeners.add(onProgress);
      try {
        await python.boot();
      } catch (error) {
        showStatus(output, `Python could not start: ${error.message}. Press Run to try again.`);
        setState(cell, "error");
        return;
      } finally {
        python.listeners.delete(onProgress);
      }
    }
    setState(cell, "running");
    showStatus(output, "Running…");
    const stream = streamTo(output);
    let streamed = false;
    const result = await run(editor.value, {
      filename: `<cell ${index + 1}>`,
      onStream: (name, text) => {
        streamed = true;
        stream(name, text);
      },
    });
    if (!streamed) output.replaceChildren();
    for (const item of result.display) output.append(renderDisplay(item));
    setState(cell, result.ok ? "done" : "error");
  });
  pageQueue = task.catch(() => {});
  return task;
}

function setUpCell(cell) {
  if (cell.dataset.wired) return;
  cell.dataset.wired = "true";
  const editor = cell.querySelector(".calcweb-editor");
  const original = editor.value;
  fitEditor(editor);
  editor.addEventListener("input", () => fitEditor(editor));
  editor.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.shiftKey || event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      runCell(cell);
    }
  });
  cell.querySelector(".calcweb-run").addEventListener("click", () => runCell(cell));
  cell.querySelector(".calcweb-stop").addEventListener("click", () => {
    const how = python.stop();
    if (how === "restarted") for (const other of document.querySelectorAll(".calcweb-cell")) {
      if (other.dataset.state === "loading" || other.dataset.state === "running") setState(other, "error");
    }
  });
  cell.querySelector(".calcweb-reset").addEventListener("click", () => {
    editor.value = original;
    fitEditor(editor);
  });
  setState(cell, "idle");
}

function setUpPage() {
  pageKey = `${location.pathname}#${++pageCount}`;
  pageQueue = Promise.resolve();
  const cells = document.querySelectorAll(".calcweb-cell");
  cells.forEach(setUpCell);
  for (const button of document.querySelectorAll(".calcweb-run-all")) {
    if (button.dataset.wired) continue;
    button.dataset.wired = "true";
    button.addEventListener("click", () => {
      for (const cell of document.querySelectorAll(".calcweb-cell")) runCell(cell);
    });
  }
}

window.calcweb = {
  get ready() {
    return python.boot().then(() => true);
  },
  run,
};

if (globalThis.document$) globalThis.document$.subscribe(setUpPage);
else setUpPage();
