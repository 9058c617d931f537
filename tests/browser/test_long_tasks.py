"""No long main-thread task from our scripts, from page load through a first
run, on the page with the most cells: the issue asks for none over 50 ms.

The browser's long-animation-frame entries attribute the time of each frame to
the scripts that ran in it (module evaluation, timers, animation frames,
events, with the microtasks they queue and any layout they force). Only the
scripts the site serves from ``javascripts/`` count: mkdocs-material's own
bundle has tasks of 100+ ms that are not ours to fix.
"""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page, expect

from .conftest import SITE, Server
from .test_every_page import site_pages

LIMIT_MS = 50
# Wall-clock durations only grow when other processes share the CPU (a loaded
# 2-core CI runner stretches a 20 ms task past 50 ms now and then), so the
# verdict is that of most of five fresh loads (measured here: one load in
# five to ten has a 50-55 ms frame, a garbage collection or the editor's
# warm-up stretched): a task of ours that really takes about the limit or
# more fails most of them.
LOADS = 5

RECORD = """
window.__scripts = [];
new PerformanceObserver((list) => {
  for (const frame of list.getEntries())
    for (const script of frame.scripts)
      window.__scripts.push({url: script.sourceURL, invoker: script.invoker, ms: script.duration});
}).observe({type: "long-animation-frame", buffered: true});
"""


def page_with_most_cells() -> str:
    def cells(path: str) -> int:
        relative = path.split("/", 2)[-1] if path.count("/") > 1 else ""
        return (SITE / relative / "index.html").read_text(encoding="utf-8").count('"calcweb-cell"')

    return max(site_pages(), key=cells)


def longest_task_of_ours(page: Page, url: str, ours: str) -> tuple[float, str]:
    """Load ``url``, wait for every editor, run the first cell: the longest
    script of ours in a long animation frame, as (ms, what), or (0, "none")."""
    page.add_init_script(RECORD)
    page.goto(url)
    cells = page.locator(".calcweb-cell")
    expect(cells.locator(".cm-content")).to_have_count(cells.count())
    cells.first.locator("button.calcweb-run").click()
    expect(cells.first).to_have_attribute("data-state", "done", timeout=60_000)
    page.wait_for_timeout(500)  # entries arrive after their frame
    scripts = page.evaluate("window.__scripts")
    return max(
        (
            (s["ms"], f"{s['invoker'][:60]} in {s['url'].rsplit('/', 1)[-1]}")
            for s in scripts
            if s["url"].startswith(ours)
        ),
        default=(0.0, "none"),
    )


def test_no_task_of_our_scripts_takes_over_50_ms(
    make_page: Callable[..., Page], server: Server, report: list[str]
) -> None:
    path = page_with_most_cells()
    url, ours = server.origin + path, server.base + "javascripts/"
    longest: list[tuple[float, str]] = []
    over = 0
    for _ in range(LOADS):
        longest.append(longest_task_of_ours(make_page(), url, ours))
        over = sum(ms > LIMIT_MS for ms, _ in longest)
        if max(over, len(longest) - over) > LOADS // 2:
            break  # the majority is known
    figures = ", ".join(f"{ms:.0f} ms ({what})" for ms, what in longest)
    report.append(f"longest task of our scripts on {path}, load through a first run: {figures}")
    assert over <= LOADS // 2, f"most loads had a task of ours over {LIMIT_MS} ms: {longest}"
