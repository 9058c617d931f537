"""No long main-thread task from our scripts, from page load through a first
run, on the page with the most cells: the issue asks for none over 50 ms.

The browser attributes the time of each long animation frame to the scripts
that ran in it (module evaluation, timers, animation frames, events, with the
microtasks they queue and any layout they force). Chromium's trace records
those script entries on the same clock as the main thread's work, which has
each piece's *thread time*: the CPU time the main thread spent on it. A
script's CPU time does not grow when other processes share the CPU; its
wall-clock time also counts the time they held it, which on a loaded 2-core
runner stretches a 20 ms task past 50 ms, so the check is on CPU time (the
wall-clock figure is reported beside it). Only the scripts the site serves
from ``javascripts/`` count: mkdocs-material's own bundle has tasks of 100+ ms
that are not ours to fix.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from playwright.sync_api import Browser, Page, expect

from .conftest import SITE, Server
from .test_every_page import site_pages

LIMIT_MS = 50
# A garbage collection can land in any script; the verdict is that of most
# of three fresh loads.
LOADS = 3
SCRIPT = "AnimationFrame::Script::Execute"  # a script entry of a long frame


class Task(NamedTuple):
    cpu_ms: float
    wall_ms: float
    what: str


@dataclass
class Slice:
    """A complete trace event on one thread: wall and thread (CPU) time in µs,
    and the events it encloses."""

    start: float
    wall: float
    cpu: float
    children: list[Slice] = field(default_factory=list)

    def cpu_within(self, low: float, high: float) -> float:
        """The CPU time of this slice between low and high: all of it if the
        window holds the whole slice; else its children's, each found the same
        way, and its own the more of it the window holds (its own CPU time
        spread evenly over its own wall-clock time)."""
        overlap = min(high, self.start + self.wall) - max(low, self.start)
        if overlap <= 0:
            return 0.0
        if overlap >= self.wall:
            return self.cpu
        own_cpu = self.cpu - sum(child.cpu for child in self.children)
        own_wall = self.wall - sum(child.wall for child in self.children)
        own_overlap = overlap - sum(
            max(0.0, min(high, c.start + c.wall) - max(low, c.start)) for c in self.children
        )
        spread = own_cpu * own_overlap / own_wall if own_wall > 0 else 0.0
        return max(0.0, spread) + sum(child.cpu_within(low, high) for child in self.children)


def page_with_most_cells() -> str:
    def cells(path: str) -> int:
        relative = path.split("/", 2)[-1] if path.count("/") > 1 else ""
        return (SITE / relative / "index.html").read_text(encoding="utf-8").count('"calcweb-cell"')

    return max(site_pages(), key=cells)


def _slices(events: list[dict[str, Any]]) -> list[Slice]:
    """The outermost complete events of one thread, each with those it encloses."""
    top: list[Slice] = []
    open_: list[Slice] = []
    for event in sorted(events, key=lambda e: (e["ts"], -e.get("dur", 0))):
        piece = Slice(event["ts"], event.get("dur", 0), event.get("tdur", 0))
        while open_ and open_[-1].start + open_[-1].wall <= piece.start:
            open_.pop()
        (open_[-1].children if open_ else top).append(piece)
        open_.append(piece)
    return top


def tasks_of_ours(trace: dict[str, Any], ours: str) -> list[Task]:
    """Each script entry of ours in a long frame, with its CPU time."""
    by_thread: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for event in trace["traceEvents"]:
        by_thread.setdefault((event.get("pid", 0), event.get("tid", 0)), []).append(event)
    found = []
    for events in by_thread.values():
        scripts = []
        begun: list[dict[str, Any]] = []
        for event in events:
            if event.get("name") == SCRIPT and event.get("ph") == "b":
                begun.append(event)
            elif event.get("name") == SCRIPT and event.get("ph") == "e" and begun:
                first = begun.pop()
                info = first["args"]["animation_frame_script_timing_info"]
                if info["source_location_url"].startswith(ours):
                    scripts.append((first["ts"], event["ts"], info))
        if not scripts:
            continue
        top = _slices([e for e in events if e.get("ph") == "X"])
        for low, high, info in scripts:
            cpu = sum(piece.cpu_within(low, high) for piece in top)
            invoker = info["property_like_name"] or info["invoker_type"]
            where = info["source_location_url"].rsplit("/", 1)[-1]
            found.append(Task(cpu / 1000, (high - low) / 1000, f"{invoker} in {where}"))
    return found


def longest_task_of_ours(browser: Browser, page: Page, url: str, ours: str) -> Task:
    """Load ``url``, wait for every editor, run the first cell: the script of
    ours that took the main thread longest (by CPU time), or a zero Task."""
    browser.start_tracing(page=page, categories=["devtools.timeline"])
    try:
        page.goto(url)
        cells = page.locator(".calcweb-cell")
        expect(cells.locator(".cm-content")).to_have_count(cells.count())
        cells.first.locator("button.calcweb-run").click()
        expect(cells.first).to_have_attribute("data-state", "done", timeout=60_000)
        page.wait_for_timeout(500)  # a frame's entries are written after it
    finally:
        trace = json.loads(browser.stop_tracing())
    return max(tasks_of_ours(trace, ours), default=Task(0.0, 0.0, "none"))


def test_no_task_of_our_scripts_takes_over_50_ms(
    browser: Browser, make_page: Callable[..., Page], server: Server, report: list[str]
) -> None:
    path = page_with_most_cells()
    url, ours = server.origin + path, server.base + "javascripts/"
    longest: list[Task] = []
    over = 0
    for _ in range(LOADS):
        longest.append(longest_task_of_ours(browser, make_page(), url, ours))
        over = sum(task.cpu_ms > LIMIT_MS for task in longest)
        if max(over, len(longest) - over) > LOADS // 2:
            break  # the majority is known
    figures = ", ".join(
        f"{t.cpu_ms:.0f} ms CPU ({t.wall_ms:.0f} ms wall; {t.what})" for t in longest
    )
    report.append(f"longest task of our scripts on {path}, load through a first run: {figures}")
    assert over <= LOADS // 2, f"most loads had a task of ours over {LIMIT_MS} ms of CPU: {longest}"
