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
// slower CPU (a phone) saves more, so on a link near the threshold the fresh
// start may be chosen where the snapshot would have been a little faster.
export const CPU_SAVING_SECONDS = 2.3;

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
 * `snapshotBytes` more and then saves CPU_SAVING_SECONDS, whatever is left of
 * the runtime's download (both paths need all of it): it finishes first when
 * snapshotBytes / bytesPerSecond < CPU_SAVING_SECONDS. On a metered
 * connection the reader pays for the bytes, so the fresh start is chosen (and
 * the page's prompt names its size). useSnapshot is null while the rate is
 * not measured yet and the connection alone does not decide.
 * @param {{snapshotBytes: number, bytesPerSecond: number | null, connection: ConnectionInfo | null}} inputs
 * @returns {{useSnapshot: boolean | null, reason: string}}
 * @example
 * chooseStart({snapshotBytes: 6.3e6, bytesPerSecond: 250e3, connection: null}).useSnapshot // false
 */
export function chooseStart({ snapshotBytes, bytesPerSecond, connection }) {
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
  const saving = `the ${CPU_SAVING_SECONDS} s of start-up they save`;
  if (seconds < CPU_SAVING_SECONDS) return { useSnapshot: true, reason: `${measured}: ${cost}, less than ${saving}` };
  return { useSnapshot: false, reason: `${measured}: ${cost}, more than ${saving}` };
}
