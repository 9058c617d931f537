// @ts-check
// Pyodide's private internals, in one place. The worker (calcweb-worker.js)
// needs a few things that Pyodide's public API does not offer: each is used
// only through this module, which says below what it relies on. Nothing here
// is promised by Pyodide across versions, so the worker refuses any version
// but the one this file was checked against.
//
// To upgrade Pyodide: bump it in package.json (npm install), re-read each use
// below against the new version's sources (src/js/*.ts, and Emscripten's
// library for the time zone), then set PYODIDE_VERSION. `make lint` checks
// that PYODIDE_VERSION is the version package.json pins.

/** @typedef {import("pyodide").PyodideInterface} Pyodide */
/** @typedef {typeof import("pyodide").loadPyodide} LoadPyodide */
/** @typedef {import("pyodide").PyodideConfig} PyodideConfig */

/** The Pyodide this file was written for: the version package.json pins. */
export const PYODIDE_VERSION = "314.0.7";

/**
 * Throws unless the loader (pyodide.mjs) is the pinned version.
 * @param {{version: string}} loader
 */
export function assertPinnedVersion(loader) {
  if (loader.version !== PYODIDE_VERSION) {
    throw new Error(
      `the site serves Pyodide ${loader.version}, but calcweb's worker was written for ${PYODIDE_VERSION} ` +
        "(see javascripts/pyodide-adapter.js); rebuild the site",
    );
  }
}

/**
 * The private internals this module reads, beyond the public PyodideInterface.
 * @typedef {object} Internals
 * @property {{config?: {_loadSnapshot?: unknown}, fatal_error_occurred?: boolean}} [_api]
 * @property {any} _module Emscripten's Module: its heap and C symbols
 */

/** @param {Pyodide} py */
const internals = (py) => /** @type {Internals} */ (/** @type {unknown} */ (py));

/**
 * Python restored from a memory snapshot made at build time
 * (tools/make-snapshot.mjs): the private `_loadSnapshot` option of
 * loadPyodide(). Rejects when the snapshot cannot be restored.
 * @param {LoadPyodide} loadPyodide
 * @param {PyodideConfig} options
 * @param {Uint8Array} snapshot the snapshot's memory image
 * @returns {Promise<Pyodide>}
 */
export async function loadFromSnapshot(loadPyodide, options, snapshot) {
  const create =
    options.createPyodideModule ??
    (async (settings) => (await import(`${options.indexURL}pyodide.asm.mjs`)).default(settings));
  const py = await loadPyodide({
    ...options,
    _loadSnapshot: snapshot,
    // Pyodide copies the image into the heap the module starts with (30 MB)
    // without growing it: the INITIAL_MEMORY it sets for a snapshot is never
    // read (pyodide/pyodide#6254), so a larger image failed ("offset is out of
    // bounds"). Emscripten's Module.growMemory makes room first.
    createPyodideModule: async (settings) => {
      const module = await create(settings);
      /** @type {{growMemory: (bytes: number) => unknown}} */ (/** @type {unknown} */ (module)).growMemory(
        snapshot.length,
      );
      return module;
    },
  });
  // Pyodide keeps its options in the private `_api.config`: without this, the
  // 31 MB image would live as long as the worker.
  delete internals(py)._api?.config?._loadSnapshot;
  return py;
}

/**
 * loadPyodide() options that hand it the module of pyodide.asm.mjs made from
 * its source text (through a blob URL), instead of letting it import the file
 * itself: the worker downloads that file compressed. Uses the option
 * `createPyodideModule`, public but marked experimental ("may change in the
 * future"): Pyodide calls it with its Emscripten settings in place of the
 * module's default export. The source may still be on its way.
 * @param {Promise<string>} source pyodide.asm.mjs's text
 * @returns {PyodideConfig}
 */
export function runtimeFromSource(source) {
  const module = source.then(async (text) => {
    const url = URL.createObjectURL(new Blob([text], { type: "text/javascript" }));
    try {
      return await import(url);
    } finally {
      URL.revokeObjectURL(url);
    }
  });
  module.catch(() => {}); // awaited by Pyodide; a failure there fails the boot
  return { createPyodideModule: async (settings) => (await module).default(settings) };
}

/**
 * The time zone as the C library sees it in this browser. A snapshot's memory
 * holds the build machine's: Emscripten's tzset() ran there (in UTC) and
 * keeps its result, so its JavaScript half, `__tzset_js` (which reads the
 * browser's zone into the C globals `_timezone`, `_daylight` and the two
 * strings of `_tzname`), runs again on the same pointers; or, when tzset()
 * never ran at build time, `_tzset` itself. Reads Emscripten's Module
 * (`_module`): its heap views and those symbols.
 * @param {Pyodide} py
 * @returns {{timezone: number, daylight: number, tzname: string[]}}
 */
export function browserTimeZone(py) {
  const m = internals(py)._module;
  const names = m.HEAPU32.subarray(m._tzname >>> 2, (m._tzname >>> 2) + 2);
  if (names[0] && names[1]) m.__tzset_js(m._timezone, m._daylight, names[0], names[1]);
  else m._tzset(); // never ran at build time: the first call reads this browser's zone
  return {
    timezone: m.HEAP32[m._timezone >>> 2],
    daylight: m.HEAP32[m._daylight >>> 2],
    tzname: Array.from(names, (pointer) => m.UTF8ToString(pointer)),
  };
}

/**
 * Bounds the C stack Python may use to `bytes` below the top of Emscripten's
 * stack, so that a deep recursion through C raises RecursionError before it
 * overflows the browser's stack, where it keeps enough of this stack a level
 * (Python code called from C does; a nested list's repr outside print, ==
 * and freeing keep 0 to 31 bytes, and still overflow it first).
 * CPython 3.14 checks its C recursion against
 * the stack in linear memory (10 MB here), where a C frame keeps only what
 * has its address taken; the rest goes on the browser's own stack (about
 * 1 MB in Chromium), which a recursion through C fills first: Pyodide then
 * dies ("Maximum call stack size exceeded"). CPython reads its bounds from
 * Emscripten's stack limits, and Pyodide has it read them again at every run
 * and after every await (so PyUnstable_ThreadState_SetStackProtection lasts
 * only until then): this narrows those limits, with Emscripten's exported
 * emscripten_stack_get_base and emscripten_stack_set_limits. Nothing else
 * reads them in this build (no stack-overflow checks), and the memory below
 * stays the stack's.
 * @param {Pyodide} py
 * @param {number} bytes
 */
export function limitCStack(py, bytes) {
  const m = internals(py)._module;
  const top = m._emscripten_stack_get_base(); // the stack grows down from here
  m._emscripten_stack_set_limits(top, top - bytes);
}

/**
 * Narrows the C stack Python may use to `bytes` below where it stands now
 * (never past limitCStack's bound), until widenCStack, the next run or the
 * next await. For the repr of a value: a list's repr keeps only 31 bytes a
 * level on that stack, so that the run's bound would let it overflow the
 * browser's stack first. Uses CPython's public, unstable
 * PyUnstable_ThreadState_SetStackProtection, and Emscripten's stack
 * functions, from Emscripten's Module.
 * @param {Pyodide} py
 * @param {number} bytes
 */
export function narrowCStack(py, bytes) {
  const m = internals(py)._module;
  const top = m._emscripten_stack_get_base();
  const start = Math.max(m._emscripten_stack_get_end(), m._emscripten_stack_get_current() - bytes);
  m._PyUnstable_ThreadState_SetStackProtection(m._PyThreadState_Get(), start, top - start);
}

/**
 * Undoes narrowCStack: the bound is limitCStack's again
 * (PyUnstable_ThreadState_ResetStackProtection).
 * @param {Pyodide} py
 */
export function widenCStack(py) {
  const m = internals(py)._module;
  m._PyUnstable_ThreadState_ResetStackProtection(m._PyThreadState_Get());
}

/**
 * Whether Pyodide has died: the private flag `_api.fatal_error_occurred`
 * that its fatal_error() sets.
 * @param {Pyodide | null} py
 */
export function fatalErrorOccurred(py) {
  return Boolean(py && internals(py)._api?.fatal_error_occurred);
}

/**
 * Whether console.error's arguments are Pyodide's report of a fatal error:
 * fatal_error() writes this sentence first, then the error.
 * @param {unknown[]} args
 */
export function isFatalErrorReport(args) {
  return typeof args[0] === "string" && args[0].startsWith("Pyodide has suffered a fatal error");
}

/**
 * Whether an error's text says that Pyodide died: its own fatal errors say
 * "fatal error".
 * @param {string} text
 */
export function saysFatal(text) {
  return /fatal error/i.test(text);
}

/**
 * Whether an uncaught rejection means that Pyodide died: a fatal error, or a
 * WebAssembly trap (a bad memory access, `unreachable`) that escaped it.
 * @param {unknown} reason
 */
export function isCrash(reason) {
  return /fatal error|RuntimeError: (memory access|unreachable)/i.test(String(reason));
}

/**
 * The exit status when an error is Emscripten's ExitStatus, else null.
 * Python's os._exit() ends the runtime through Emscripten's exit(), which
 * throws it ("Program terminated with exit(N)") past Pyodide's own handling.
 * @param {unknown} reason
 * @returns {number | null}
 */
export function exitStatus(reason) {
  const text = String(reason && typeof reason === "object" && "message" in reason ? reason.message : reason);
  const match = /Program terminated with exit\((-?\d+)\)/.exec(text);
  return match ? Number(match[1]) : null;
}
