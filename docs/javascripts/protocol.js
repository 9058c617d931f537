// @ts-check
// The messages between the page (calcweb.js) and the Web Worker that owns
// Pyodide (calcweb-worker.js), written once. Both files import these types in
// JSDoc only (`import("./protocol.js")`), so nobody loads this file at run
// time: `make lint` (tsc) checks that each side sends what the other expects.
//
// Page -> worker: a Request, {id, type, ...}. The worker answers them one at a
// time, in the order they arrive, with exactly one Reply carrying the same id;
// while a request runs, its output comes as Stream messages with its id.
// Worker -> page, with no id: Progress while Python boots, and Fatal when
// Pyodide has died (the page then terminates the worker, rejects every
// pending request and starts a new worker on the next run).
//
// Interrupting is no message: the worker is busy running Python and would
// read it only afterwards. When the page is cross-origin isolated, the boot
// request hands over a SharedArrayBuffer (BootRequest.interruptBuffer) that
// Pyodide polls while Python runs: the page stores 2 (SIGINT) in it to raise
// KeyboardInterrupt, and 0 before each run. Without isolation, or when the
// interrupt is ignored, the page terminates the worker instead.

export {}; // types only

/**
 * Starts Python (once per worker): replied to with a BootResult.
 * @typedef {object} BootRequest
 * @property {number} id
 * @property {"boot"} type
 * @property {string} indexURL absolute URL of the site's pyodide/ folder
 * @property {Int32Array | null} interruptBuffer one Int32 over a SharedArrayBuffer (see above), or null
 * @property {ConnectionInfo | null} [connection] the page's navigator.connection (a worker
 *   sees its own, which a test's init script does not reach): the worker chooses how Python starts from it
 *   and from the measured speed of the download (connection.js)
 */

/**
 * What the browser says of the connection (navigator.connection), as the page read it.
 * @typedef {object} ConnectionInfo
 * @property {boolean} saveData the reader asked to save data (Save-Data)
 * @property {string | null} type e.g. "cellular", "wifi" (few browsers say)
 * @property {string | null} effectiveType "slow-2g", "2g", "3g" or "4g"
 * @property {number | null} downlink the browser's estimate in Mbit/s (Chromium caps it at 10)
 */

/**
 * Runs a cell's code in a namespace: replied to with a RunResult.
 * @typedef {object} RunRequest
 * @property {number} id
 * @property {"run"} type
 * @property {string} namespace the page's key: each key has its own Python globals
 * @property {string} code
 * @property {string} filename shown in tracebacks, e.g. "<cell 2>"
 * @property {ControlValues} [controls] the current value of each control of the cell, by label
 */

/**
 * The values of a cell's controls, by label: a slider's number, or the text
 * of the option a choice shows. calcweb.slider and calcweb.choice return
 * them in the run (a value that no longer fits falls back: see
 * calcweb/_controls.py).
 * @typedef {{[label: string]: number | string}} ControlValues
 */

/**
 * A slider a run declared (calcweb.slider): the values start + k * step up to
 * stop; all ints or all floats. `value` is what the call returned.
 * @typedef {object} SliderControl
 * @property {"slider"} kind
 * @property {string} label
 * @property {number} start
 * @property {number} stop
 * @property {number} step
 * @property {number} value
 */

/**
 * A drop-down list a run declared (calcweb.choice): the options' texts and
 * the text of the one the call returned.
 * @typedef {object} ChoiceControl
 * @property {"choice"} kind
 * @property {string} label
 * @property {string[]} options
 * @property {string} value
 */

/** @typedef {SliderControl | ChoiceControl} Control */

/** @typedef {BootRequest | RunRequest} Request */
/** @typedef {Request["type"]} RequestType */

/**
 * What the page sends: a request without its id, which Python.request() adds.
 * @typedef {Omit<BootRequest, "id"> | Omit<RunRequest, "id">} RequestBody
 */

/**
 * @typedef {object} BootResult
 * @property {string} version e.g. "calcweb 1.0, Python 3.14.0"
 * @property {boolean} fromSnapshot whether Python was restored from the build's memory snapshot
 */

/**
 * One rich value a cell displays (calcweb_runner.py's _display).
 * @typedef {object} DisplayItem
 * @property {string} mime "text/plain", "text/html", "image/svg+xml", "image/png" (base64) or "text/latex"
 * @property {string} data
 */

/**
 * What calcweb_runner.run returns: a value shown, or Python's error.
 * @typedef {object} RunResult
 * @property {boolean} ok whether the code ran without an exception
 * @property {DisplayItem[]} display the last expression's value (empty on error or None)
 * @property {string} [error] the traceback, when not ok
 * @property {number} [line] the line of the error in the cell (0 when not in it)
 * @property {Control[]} controls the controls the run declared, in the order of their first
 *   call (on error, those declared before it)
 */

/**
 * The result type of each request type.
 * @typedef {{boot: BootResult, run: RunResult}} Results
 */

/**
 * The answer to request `id`: its result, or the error it raised in the
 * worker (a crash is no reply: it is a Fatal message).
 * @typedef {{id: number, type: "reply", ok: true, result: BootResult | RunResult}
 *   | {id: number, type: "reply", ok: false, error: string}} Reply
 */

/**
 * Output of request `id`, in the order Python wrote it.
 * @typedef {object} Stream
 * @property {number} id
 * @property {"stream"} type
 * @property {"stdout" | "stderr"} name
 * @property {string} text
 */

/**
 * How far the boot is: `percent` is null when the size is unknown.
 * @typedef {object} Progress
 * @property {"progress"} type
 * @property {string} stage e.g. "Downloading Python"
 * @property {number | null} percent
 */

/**
 * Pyodide has died: the only way a crash reaches the page. os._exit(N) ends
 * the runtime too: then `exitStatus` is N, and Python ended, it did not crash.
 * @typedef {object} Fatal
 * @property {"fatal"} type
 * @property {string} error what happened (at most 300 characters)
 * @property {number} [exitStatus] the status os._exit was called with
 */

/** @typedef {Reply | Stream | Progress | Fatal} WorkerMessage */
