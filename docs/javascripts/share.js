// @ts-check
// Share links: a cell's Share button copies a link to the page whose fragment,
// #cell-<index>=<payload>, carries the cell's code (UTF-8, deflate-raw,
// base64url). Opening such a link puts the code into that cell, marks the
// cell data-source="link" with a visible note, scrolls to it, and never runs
// it: a link's code runs only when the reader presses that cell's Run (Run all
// and the runs of the cells below it leave it out, see heldBack). The code is
// then kept like an edit (calcweb.js stores it); Reset, or any edit back to
// the page's code, ends the marking.

const FRAGMENT = /^#cell-([^=]*)=(.*)$/s; // heading ids never hold "=": other anchors pass
const INDEX = /^(0|[1-9][0-9]{0,5})$/;
const MAX_URL = 8192; // characters; longer links are refused, not copied
const MAX_CODE_BYTES = 1 << 20; // a link that inflates beyond this is malformed
const FEEDBACK_MS = 1500;

/**
 * A cell as calcweb.js makes it: its editor, once attached, holds the code.
 * @typedef {HTMLDivElement & {calcwebEditor?: {code: string}}} Cell
 */

// ---------------------------------------------------------------- encoding

/** @param {Uint8Array} bytes */
function toBase64url(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** @param {string} text */
function fromBase64url(text) {
  if (!/^[A-Za-z0-9_-]+$/.test(text) || text.length % 4 === 1) throw new Error("it is not base64url");
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/**
 * The fragment's payload for `code`.
 * @param {string} code
 */
export async function encode(code) {
  const stream = new Blob([new TextEncoder().encode(code)]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return toBase64url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

/**
 * The code a fragment's payload carries; throws an Error saying what is wrong.
 * @param {string} payload
 */
export async function decode(payload) {
  const reader = new Blob([fromBase64url(payload)]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  /** @type {Uint8Array[]} */
  const chunks = [];
  let size = 0;
  for (;;) {
    let chunk;
    try {
      chunk = await reader.read();
    } catch (error) {
      throw new Error(`it is not deflate-raw data (${error.message})`, { cause: error });
    }
    if (chunk.done) break;
    size += chunk.value.length;
    if (size > MAX_CODE_BYTES) {
      reader.cancel().catch(() => {});
      throw new Error(`it inflates to more than ${MAX_CODE_BYTES} bytes`);
    }
    chunks.push(chunk.value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new Error("its code is not UTF-8");
  }
}

// ---------------------------------------------------------------- marking

const original = (/** @type {Cell} */ cell) => /** @type {HTMLTextAreaElement} */ (cell.querySelector("textarea.calcweb-editor")).defaultValue;
// Which cells hold a link's code survives a reload, as the code does (an edit).
// The value is the page's code the link replaced: a changed page drops it.
const markKey = (/** @type {Cell} */ cell) => `calcweb:link:${location.pathname}:${cell.dataset.cellIndex}`;

const storage = {
  /** @param {string} key */
  get(key) {
    try {
      return localStorage.getItem(key);
    } catch {
      return null; // storage disabled: the marking lasts as long as the page
    }
  },
  /** @param {string} key @param {string | null} value */
  set(key, value) {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
    } catch {
      /* full or disabled */
    }
  },
};

/**
 * True while the cell holds a link's code: only the reader's own press of its
 * Run may run it, not Run all nor the run of a cell below it.
 * @param {HTMLElement} cell
 */
export const heldBack = (cell) => cell.dataset.source === "link";

/** @param {Cell} cell */
function describe(cell) {
  const note = cell.querySelector(".calcweb-link-note");
  if (!note) return;
  const output = cell.querySelector(".calcweb-output");
  const stale = cell.dataset.state === "idle" && output !== null && output.childElementCount > 0;
  note.textContent =
    "Code from a link, not from this page: it runs only when you press this cell's Run button " +
    "(Run all, and running a cell below it, leave it out). " +
    (stale ? "The output below is that of the page's own code. " : "") +
    "Reset brings back the page's code.";
}

/** @param {Cell} cell */
function mark(cell) {
  if (heldBack(cell)) return;
  cell.dataset.source = "link";
  // The inputs (sliders) of the page's code, drawn by calcweb.js from the
  // build's run or a run of the page's code: moving one would run the link's.
  cell.querySelector(".calcweb-controls")?.remove();
  const note = document.createElement("p");
  note.className = "calcweb-link-note";
  cell.querySelector(".calcweb-toolbar")?.after(note);
  describe(cell);
  // The marking ends when the cell holds the page's code again (Reset, or an
  // edit back to it): calcweb.js sets data-edited="false" then.
  const watch = new MutationObserver(() => {
    if (cell.dataset.edited === "false") {
      watch.disconnect();
      unmark(cell);
    } else {
      describe(cell);
    }
  });
  watch.observe(cell, { attributes: true, attributeFilter: ["data-edited", "data-state"] });
}

/** @param {Cell} cell */
function unmark(cell) {
  delete cell.dataset.source;
  cell.querySelector(".calcweb-link-note")?.remove();
  storage.set(markKey(cell), null);
}

// ---------------------------------------------------------------- opening

/**
 * Resolves to the cell's editor, attached (calcweb.js's attachEditor).
 * @typedef {(cell: Cell) => Promise<{code: string} | undefined>} EditorOf
 */

/**
 * Puts `code` into the cell: into its textarea while calcweb.js has not yet
 * attached the editor (which then takes it as the reader's edit and stores
 * it), or else into the editor (whose change handler stores it, or forgets
 * the stored edit when `code` is the page's).
 * @param {Cell} cell
 * @param {string} code
 * @param {EditorOf} editorOf
 */
async function fill(cell, code, editorOf) {
  if (!cell.calcwebEditor && code !== original(cell)) {
    /** @type {HTMLTextAreaElement} */ (cell.querySelector("textarea.calcweb-editor")).value = code;
  } else {
    const editor = await editorOf(cell);
    if (editor) editor.code = code;
  }
}

// The fragment last opened, and on which page (its first cell). When only the
// fragment changes, both the hashchange event and, if mkdocs-material then
// replaces the page (as it does the first time), its set-up open the link:
// once for each set of cells.
let opened = { hash: "", page: /** @type {Cell | undefined} */ (undefined) };

/**
 * Opens the share link in the address bar, if there is one, on the page's
 * cells. A malformed link is ignored with a console note.
 * @param {Cell[]} cells
 * @param {EditorOf} editorOf
 */
async function openFragment(cells, editorOf) {
  const match = FRAGMENT.exec(location.hash);
  if (!match || (opened.hash === location.hash && opened.page === cells[0])) return;
  opened = { hash: location.hash, page: cells[0] };
  await openMatch(cells, match, editorOf);
}

/**
 * @param {Cell[]} cells
 * @param {RegExpExecArray} match
 * @param {EditorOf} editorOf
 */
async function openMatch(cells, match, editorOf) {
  const [fragment, index, payload] = match;
  const ignore = (/** @type {string} */ why) => console.warn(`calcweb: ignored the share link #${fragment.slice(1, 40)}…: ${why}`);
  if (!INDEX.test(index)) return ignore(`the cell number "${index.slice(0, 20)}" is not a number`);
  const cell = cells.find((each) => each.dataset.cellIndex === index);
  if (!cell) return ignore(`this page has no cell ${index} (it has ${cells.length})`);
  let code;
  try {
    code = await decode(payload);
  } catch (error) {
    return ignore(error.message);
  }
  if (!cell.isConnected || location.hash !== fragment) return; // the reader moved on meanwhile
  const fromPage = code === original(cell); // then nothing to mark
  if (!fromPage) {
    storage.set(markKey(cell), original(cell));
    mark(cell);
  }
  await fill(cell, code, editorOf);
  await editorOf(cell); // which has stored the code as the reader's edit
  // The address bar drops the link now, so that a reload shows the reader's
  // later edits. (Not sooner: mkdocs-material may replace the page meanwhile,
  // and its new cells must find the link too.)
  if (location.hash === fragment) history.replaceState(history.state, "", location.pathname + location.search);
  if (cell.isConnected) requestAnimationFrame(() => cell.scrollIntoView({ block: "start" }));
}

let listening = false;
const cellsOfPage = () => [.../** @type {NodeListOf<Cell>} */ (document.querySelectorAll(".calcweb-cell"))];

/**
 * Marks the cells that hold a link's code by the stored marking: after a
 * reload, or when another tab opened the link (calcweb.js then shows its code).
 * @param {Cell[]} cells
 */
export function markLinkCells(cells) {
  for (const cell of cells) {
    if (storage.get(markKey(cell)) === original(cell)) mark(cell);
  }
}

/**
 * Sets up a page's cells: marks again the cells a link filled before a
 * reload, then opens the link in the address bar.
 * @param {Cell[]} cells
 * @param {EditorOf} editorOf
 */
export function openLink(cells, editorOf) {
  markLinkCells(cells);
  if (!listening) {
    listening = true;
    // A link to the page already open changes only the fragment.
    addEventListener("hashchange", () => openFragment(cellsOfPage(), editorOf));
  }
  return openFragment(cells, editorOf);
}

// ---------------------------------------------------------------- sharing

/**
 * The live region under the toolbar that says why nothing was copied, or holds
 * the link to copy by hand (made with the button, empty, so that screen
 * readers announce what comes into it).
 * @param {Cell} cell
 */
function messageBox(cell) {
  return /** @type {HTMLDivElement} */ (cell.querySelector(".calcweb-share-message"));
}

/** @param {Cell} cell */
const clearMessage = (cell) => messageBox(cell).replaceChildren();

/**
 * The link in a selected field, for when the page may not use the clipboard.
 * @param {Cell} cell
 * @param {string} url
 */
function showLink(cell, url) {
  const box = messageBox(cell);
  const id = `calcweb-share-link-${cell.dataset.cellIndex}`;
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = "This browser did not let the page copy the link: here it is, selected, to copy with Ctrl+C (⌘C on a Mac).";
  const field = document.createElement("input");
  field.id = id;
  field.type = "text";
  field.readOnly = true;
  field.value = url;
  field.className = "calcweb-share-link";
  box.replaceChildren(label, field);
  field.focus();
  field.select();
}

/**
 * Copies the link to the cell's current code, or says why not.
 * @param {Cell} cell
 * @param {HTMLButtonElement} button
 * @param {string} code
 */
async function share(cell, button, code) {
  clearMessage(cell);
  const url = new URL(location.href);
  url.hash = `cell-${cell.dataset.cellIndex}=${await encode(code)}`;
  if (url.href.length > MAX_URL) {
    messageBox(cell).textContent =
      `Nothing was copied: the link would be ${url.href.length} characters long, and links to code ` +
      `are kept to ${MAX_URL} characters (8 KB) because not every browser and app takes longer ones. ` +
      "Shorten the code, or share it with Copy.";
    return;
  }
  const label = button.getAttribute("aria-label") ?? "";
  const copied = () => {
    button.textContent = "Link copied";
    button.setAttribute("aria-label", `Link copied: ${label}`); // what a screen reader says, the visible text first
    setTimeout(() => {
      button.textContent = "Share";
      button.setAttribute("aria-label", label);
    }, FEEDBACK_MS);
  };
  if (navigator.clipboard && globalThis.isSecureContext) {
    try {
      await navigator.clipboard.writeText(url.href);
      copied();
      return;
    } catch {
      /* not allowed: the reader copies it */
    }
  }
  showLink(cell, url.href);
}

/**
 * Adds the Share button to the cell's toolbar, after Copy.
 * @param {Cell} cell
 * @param {() => Promise<string>} codeOf resolves to the cell's current code
 */
export function addShareButton(cell, codeOf) {
  const number = Number(cell.dataset.cellIndex) + 1;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "calcweb-share md-button";
  button.textContent = "Share";
  button.setAttribute("aria-label", `Share a link to the code of cell ${number}`);
  button.addEventListener("click", () =>
    codeOf()
      .then((code) => share(cell, button, code))
      .catch((error) => {
        messageBox(cell).textContent = `The link could not be made: ${error.message}`;
      }),
  );
  const toolbar = /** @type {HTMLElement} */ (cell.querySelector(".calcweb-toolbar"));
  const copy = toolbar.querySelector(".calcweb-copy");
  if (copy) copy.after(button);
  else toolbar.append(button);
  const box = document.createElement("div");
  box.className = "calcweb-share-message";
  box.setAttribute("role", "status");
  box.setAttribute("aria-live", "polite");
  toolbar.after(box);
}
