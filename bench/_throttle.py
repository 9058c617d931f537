"""Throttling profiles for the browser benchmarks: a slower link, a slower CPU.

The link: the DevTools protocol's Network.emulateNetworkConditions on the
page's session, which the page's dedicated worker obeys too (its fetches go
through the same network emulation; the bytes and times of bench_live_cells
show it: no first result comes sooner than its bytes at the profile's rate).

The CPU: the DevTools protocol's Emulation.setCPUThrottlingRate throttles
only the page's main thread. Measured in Chromium 156 (a loop of Math.sqrt,
rate 4): the main thread 3.4x slower, a dedicated worker 1.6x; and a worker's
own session refuses it ("Operation is only supported for pages, not
workers"). The live cells run Python in a worker, the bare Pyodide page on
the main thread, so that slows the bare page far more. `cpu_slowdown`
instead runs Chromium's renderer processes - the page's main thread and its
worker alike - one quantum in `rate` (SIGSTOP, SIGCONT; a separate process,
so that the bench's own Python does not delay the signals).

Run as a script (by `cpu_slowdown`): python _throttle.py ROOT_PID RATE QUANTUM.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

QUANTUM = 0.01  # seconds a renderer runs in each cycle of `rate` quanta


@dataclass(frozen=True)
class Profile:
    """A throttling profile: a link (None: as fast as localhost) and a CPU slowdown."""

    name: str
    down_mbit: float | None = None
    up_mbit: float | None = None
    rtt_ms: float = 0
    cpu_rate: float = 1  # the renderer processes' (cpu_slowdown)
    devtools_cpu_rate: float = 1  # Emulation.setCPUThrottlingRate's: the page's main thread

    def apply(self, page: Page) -> None:
        """Throttle the page's link (its worker's fetches too) and, when the
        profile says so, its main thread by DevTools, before it navigates."""
        session = page.context.new_cdp_session(page)
        if self.devtools_cpu_rate != 1:
            session.send("Emulation.setCPUThrottlingRate", {"rate": self.devtools_cpu_rate})
        if self.down_mbit is None:
            return
        session.send("Network.enable")
        conditions: dict[str, Any] = {
            "offline": False,
            "latency": self.rtt_ms,
            "downloadThroughput": self.down_mbit * 1e6 / 8,
            "uploadThroughput": (self.up_mbit or self.down_mbit) * 1e6 / 8,
        }
        session.send("Network.emulateNetworkConditions", conditions)

    def floor_seconds(self, wire_bytes: float) -> float:
        """The least time `wire_bytes` take at the profile's download rate (0: unthrottled)."""
        return 0.0 if self.down_mbit is None else wire_bytes * 8 / (self.down_mbit * 1e6)


@contextmanager
def cpu_slowdown(rate: float) -> Iterator[None]:
    """Run every Chromium renderer process started by this process one quantum
    in `rate` while the block runs (rate 1: no slowdown)."""
    if rate == 1:
        yield
        return
    command = [sys.executable, __file__, str(os.getpid()), str(rate), str(QUANTUM)]
    with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as throttler:  # noqa: S603
        assert throttler.stdout is not None  # noqa: S101 - stdout=PIPE
        throttler.stdout.readline()  # "ready": it has found the renderers
        try:
            yield
        finally:
            throttler.terminate()
            throttler.wait()


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # gone meanwhile
        parent = int(stat.rsplit(")", 1)[1].split()[1])  # the name may hold spaces
        children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _renderers(root: int) -> list[int]:
    pids = []
    for pid in _descendants(root):
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if b"--type=renderer" in command:
            pids.append(pid)
    return pids


def _signal(pids: Iterable[int], number: signal.Signals) -> None:
    for pid in pids:
        with suppress(ProcessLookupError):  # a renderer that ended
            os.kill(pid, number)


def _duty_cycle(root: int, rate: float, quantum: float) -> None:
    """Stop the renderers for (rate - 1) quanta after each quantum they run,
    on a fixed schedule; look for new renderers (a navigation) five times a second."""
    parent = os.getppid()
    pids = _renderers(root)
    print("ready", flush=True)
    period = quantum * rate
    start = scanned = time.monotonic()
    try:
        while os.getppid() == parent:  # the bench is still there
            time.sleep(max(0.0, start + quantum - time.monotonic()))
            _signal(pids, signal.SIGSTOP)
            if time.monotonic() - scanned > 0.2:  # while they are stopped
                new = [pid for pid in _renderers(root) if pid not in pids]
                _signal(new, signal.SIGSTOP)
                pids += new
                scanned = time.monotonic()
            start += period
            time.sleep(max(0.0, start - time.monotonic()))
            _signal(pids, signal.SIGCONT)
            if time.monotonic() > start + quantum:  # fell behind: a new cycle from now
                start = time.monotonic()
    finally:
        _signal(pids, signal.SIGCONT)


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # runs the finally: SIGCONT
    _duty_cycle(int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]))
