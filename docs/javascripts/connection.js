// @ts-check
// What the connection says about how Python should start, as small pure
// functions: the page (calcweb.js) asks before a download on a metered
// connection, and the worker (calcweb-worker.js) chooses between the build's
// memory snapshot and a fresh start. Both import this module.

/** @typedef {import("./protocol.js").ConnectionInfo} ConnectionInfo */

// The start-up the snapshot saves, in seconds of CPU: the first result came
// 2.71 s after a cold load from the snapshot and 5.04 s after a fresh start
// in a worker, on this project's build machine over localhost, where the
// downloads cost next to nothing (docs/benchmark-results/live_cells.md). A
// slower CPU saves more - a 4x slower one about 4x as much - so the worker
// times a fixed piece of work (cpuProbe) and scales this by how much longer
// it took than REFERENCE_PROBE_MS, its time on the build machine.
export const CPU_SAVING_SECONDS = 2.3;

// cpuProbe's time on the build machine, its first call in a new worker in
// Chromium: the fastest of 32 (the machine is shared and was busy: the
// fastest is the nearest to the quieter machine that measured the 2.3 s).
export const REFERENCE_PROBE_MS = 21;

// A probe slower than this many times the reference is taken as this: a
// pause of the worker (a collection, a busy machine), not a CPU that slow,
// should not buy megabytes.
const MAX_CPU_FACTOR = 8;

// Iterations of cpuProbe's loop: about 21 ms on the build machine, long
// enough to span a few time slices of a throttled or busy CPU, short enough
// to hide behind the first round trips of the download.
const PROBE_ROUNDS = 1e7;

/**
 * The milliseconds a fixed piece of work takes on this CPU, now: integer
 * arithmetic and table updates in a loop (what an interpreter's inner loop
 * does). It blocks its thread for that long.
 * @param {() => number} [now]
 * @returns {number}
 */
export function cpuProbe(now = () => performance.now()) {
  const started = now();
  const table = new Int32Array(4096);
  let x = 1;
  for (let i = 0; i < PROBE_ROUNDS; i++) {
    x = (Math.imul(x, 1103515245) + 12345) | 0;
    table[(x >>> 20) & 4095] += i;
  }
  const elapsed = now() - started;
  return table[0] === 0.5 ? -1 : elapsed; // never -1: the table is read, so the loop is not skipped
}

// The browser's rough class of a connection it finds slow (effectiveType).
const SLOW_TYPES = ["slow-2g", "2g", "3g"];

/**
 * What the page's navigator.connection says (a worker sees its own, so the
 * page hands this over in the boot request); null where the browser has none.
 * @param {any} navigatorLike
 * @returns {ConnectionInfo | null}
 */
export function connectionInfo(navigatorLike = globalThis.navigator) {
  const connection = navigatorLike && navigatorLike.connection;
  if (!connection) return null;
  return {
    saveData: Boolean(connection.saveData),
    type: typeof connection.type === "string" ? connection.type : null,
    effectiveType: typeof connection.effectiveType === "string" ? connection.effectiveType : null,
    downlink: typeof connection.downlink === "number" ? connection.downlink : null,
  };
}

/**
 * Why the reader may pay for the bytes: Save-Data, or a cellular connection.
 * @param {ConnectionInfo | null} connection
 * @returns {"save-data" | "cellular" | null}
 */
export function metered(connection) {
  if (connection?.saveData) return "save-data";
  if (connection?.type === "cellular") return "cellular";
  return null;
}

const megabytes = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

/**
 * Whether to download the snapshot, and why. The snapshot path downloads
 * `snapshotBytes` more and then saves the start-up's CPU (CPU_SAVING_SECONDS
 * times `cpuFactor`, how many times longer cpuProbe took here than on the build
 * machine; 1 when unknown, at most MAX_CPU_FACTOR), whatever is left of the
 * runtime's download (both paths need all of it): it finishes first when
 * snapshotBytes / bytesPerSecond is less than that saving. On a metered
 * connection the reader pays for the bytes, so the fresh start is chosen (and
 * the page's prompt names its size). useSnapshot is null while the rate is
 * not measured yet and the connection alone does not decide.
 * @param {{snapshotBytes: number, bytesPerSecond: number | null, connection: ConnectionInfo | null, cpuFactor?: number | null}} inputs
 * @returns {{useSnapshot: boolean | null, reason: string}}
 * @example
 * chooseStart({snapshotBytes: 6.3e6, bytesPerSecond: 250e3, connection: null}).useSnapshot // false
 * chooseStart({snapshotBytes: 6.3e6, bytesPerSecond: 1.25e6, connection: null, cpuFactor: 4}).useSnapshot // true
 */
export function chooseStart({ snapshotBytes, bytesPerSecond, connection, cpuFactor = null }) {
  const extra = `the snapshot's ${megabytes(snapshotBytes)}`;
  const why = metered(connection);
  if (why === "save-data") return { useSnapshot: false, reason: `the browser asks to save data: a fresh start does without ${extra}` };
  if (why === "cellular") return { useSnapshot: false, reason: `a cellular connection: a fresh start does without ${extra}` };
  const effectiveType = connection?.effectiveType;
  if (effectiveType && SLOW_TYPES.includes(effectiveType)) {
    return { useSnapshot: false, reason: `the browser rates the connection ${effectiveType}: ${extra} would cost more time than they save` };
  }
  if (bytesPerSecond === null || !(bytesPerSecond > 0)) return { useSnapshot: null, reason: "the connection is not measured yet" };
  const seconds = snapshotBytes / bytesPerSecond;
  const measured = `measured ${((8 * bytesPerSecond) / 1e6).toFixed(1)} Mbit/s`;
  const cost = `${extra} take ${seconds.toFixed(1)} s`;
  let saving = `the ${CPU_SAVING_SECONDS} s of start-up they save`;
  let savingSeconds = CPU_SAVING_SECONDS;
  if (typeof cpuFactor === "number" && cpuFactor > 0 && Number.isFinite(cpuFactor)) {
    const factor = Math.min(cpuFactor, MAX_CPU_FACTOR);
    savingSeconds = CPU_SAVING_SECONDS * factor;
    saving = `the ${savingSeconds.toFixed(1)} s of start-up they save on this CPU (${factor.toFixed(1)}x the build machine's time)`;
  }
  if (seconds < savingSeconds) return { useSnapshot: true, reason: `${measured}: ${cost}, less than ${saving}` };
  return { useSnapshot: false, reason: `${measured}: ${cost}, more than ${saving}` };
}
