"""Loading (lazy boot, progress, pre-rendered output, failure and Retry) and
Stop, with and without cross-origin isolation."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

from playwright.sync_api import Page, Request, expect

from .conftest import Server
from .test_live_cells import cell, expected_first_output, output, run_cell, set_code

# Records every status line a cell shows (progress messages come and go).
RECORD_STATUSES = """
window.__statuses = [];
new MutationObserver(() => {
  for (const p of document.querySelectorAll('.calcweb-status')) {
    if (window.__statuses.at(-1) !== p.textContent) window.__statuses.push(p.textContent);
  }
}).observe(document, {subtree: true, childList: true, characterData: true});
"""


def stop_within_two_seconds(page: Page, index: int) -> None:
    """Press Stop on a running cell; it must end (in ``error``) within 2 s."""
    started = time.perf_counter()
    cell(page, index).locator("button.calcweb-stop").click()
    expect(cell(page, index)).to_have_attribute("data-state", "error", timeout=2_000)
    assert time.perf_counter() - started < 2


def test_python_boots_lazily_only_on_pages_with_cells(page: Page, server: Server) -> None:
    wasm: list[str] = []

    def seen(request: Request) -> None:
        if "pyodide.asm.wasm" in request.url:  # compressed (.gz) or not
            wasm.append(request.url)

    page.on("request", seen)
    page.goto(server.base + "api/")
    page.wait_for_timeout(2_500)
    assert wasm == [], "a page without cells loaded Python"
    # A page with cells starts Python once it has loaded, untouched.
    page.goto(server.base)
    page.wait_for_function("() => true")
    deadline = time.monotonic() + 15
    while not wasm and time.monotonic() < deadline:
        page.wait_for_timeout(200)
    assert wasm, "Python did not boot once the page had loaded"
    assert page.evaluate("document.activeElement === document.body")


def test_prerendered_output_then_failed_boot_then_retry(page: Page, server: Server) -> None:
    page.add_init_script(RECORD_STATUSES)
    page.route("**/pyodide.asm.wasm*", lambda route: route.fulfill(status=404, body="missing"))
    page.goto(server.base)
    # Before Python runs, the output computed at build time is there.
    first = cell(page, 0).locator(".calcweb-output")
    expect(first).to_have_attribute("data-prerendered", "true")
    assert expected_first_output() in first.inner_text()
    assert "computed when this page was built" in first.inner_text()
    assert "InvalidArgumentError" in output(page, 2)
    # Boot fails: what failed, and a Retry button.
    text = run_cell(page, 0, state="error")
    assert "Python could not start" in text
    assert "pyodide.asm.wasm" in text
    assert "404" in text
    retry = cell(page, 0).locator("button.calcweb-retry")
    expect(retry).to_be_visible()
    page.unroute("**/pyodide.asm.wasm*")
    page.evaluate("window.__statuses = []")
    retry.click()
    expect(cell(page, 0)).to_have_attribute("data-state", "done", timeout=60_000)
    assert output(page, 0).strip() == expected_first_output()
    expect(first).not_to_have_attribute("data-prerendered", "true")
    statuses = page.evaluate("window.__statuses")
    assert any(re.fullmatch(r"Downloading Python… \d+%", s) for s in statuses), statuses
    assert any(s.startswith("Loading calcweb") for s in statuses), statuses


def test_trivial_rerun_is_fast(page: Page, server: Server, report: list[str]) -> None:
    page.goto(server.base)
    set_code(page, 0, "1 + 1")
    run_cell(page, 0)
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        run_cell(page, 0)
        timings.append(time.perf_counter() - started)
    best = min(timings)
    report.append(f"rerun of a trivial cell (click -> done, best of 5): {best * 1000:.0f} ms")
    assert best < 0.5


def test_stop_interrupts_an_endless_loop(page: Page, server: Server) -> None:
    page.goto(server.base)
    assert page.evaluate("crossOriginIsolated") is True
    set_code(page, 0, "n = 0\nwhile True:\n    n += 1")
    cell(page, 0).locator("button.calcweb-run").click()
    expect(cell(page, 0)).to_have_attribute("data-state", "running", timeout=60_000)
    page.wait_for_timeout(300)
    stop_within_two_seconds(page, 0)
    assert "KeyboardInterrupt" in output(page, 0)
    # The namespace survived the interrupt.
    result = page.evaluate("window.calcweb.run('n > 0')")
    assert result["display"] == [{"mime": "text/plain", "data": "True"}]


def test_stop_without_isolation_restarts_python_and_reruns_earlier_cells(
    make_page: Callable[..., Page], plain_server: Server
) -> None:
    page = make_page()
    page.goto(plain_server.base)
    assert page.evaluate("crossOriginIsolated") is False
    run_cell(page, 0)
    set_code(page, 1, "while True:\n    pass")
    cell(page, 1).locator("button.calcweb-run").click()
    expect(cell(page, 1)).to_have_attribute("data-state", "running", timeout=60_000)
    stop_within_two_seconds(page, 1)
    assert "Python was restarted" in output(page, 1)
    # Cell 2 needs `slope` from cell 1: after the restart, cell 1 runs again first.
    cell(page, 1).locator("button.calcweb-reset").click()
    text = run_cell(page, 1)
    assert text.startswith("error of the central difference")
    assert output(page, 0).strip() == expected_first_output()


def test_a_crashed_python_gives_a_message_and_a_working_restart(page: Page, server: Server) -> None:
    page.goto(server.base)
    run_cell(page, 0)
    # Kill Pyodide as a fatal error does (the running request would never end).
    set_code(
        page,
        1,
        "import pyodide_js\npyodide_js._api.fatal_error(Exception('simulated crash'))",
    )
    text = run_cell(page, 1, state="error")
    assert "Python crashed" in text
    assert "restarted" in text
    cell(page, 1).locator("button.calcweb-reset").click()
    # A new Python: cell 1 runs again first, so `slope` exists for cell 2.
    assert run_cell(page, 1).startswith("error of the central difference")
    assert output(page, 0).strip() == expected_first_output()


def test_an_interrupt_the_code_ignores_becomes_a_restart(page: Page, server: Server) -> None:
    page.goto(server.base)
    assert page.evaluate("crossOriginIsolated") is True
    # This code ignores SIGINT, so only a restart can stop its loop.
    set_code(
        page,
        0,
        "import signal\nsignal.signal(signal.SIGINT, lambda signum, frame: None)\n"
        "print('ignoring interrupts', flush=True)\nwhile True:\n    pass",
    )
    cell(page, 0).locator("button.calcweb-run").click()
    expect(cell(page, 0).locator(".calcweb-output")).to_contain_text(
        "ignoring interrupts", timeout=60_000
    )
    stop_within_two_seconds(page, 0)
    assert "Python was restarted" in output(page, 0)
    cell(page, 0).locator("button.calcweb-reset").click()
    assert run_cell(page, 0).strip() == expected_first_output()


def test_stop_while_python_boots_ends_the_boot_and_retry_works(page: Page, server: Server) -> None:
    # Never answer the runtime download, so that Stop surely comes while
    # Python boots (stopping the worker cancels the request).
    page.route("**/pyodide.asm.wasm*", lambda route: None)
    page.goto(server.base)
    cell(page, 0).locator("button.calcweb-run").click()
    expect(cell(page, 0)).to_have_attribute("data-state", "loading")
    page.wait_for_timeout(300)
    cell(page, 0).locator("button.calcweb-stop").click()
    expect(cell(page, 0)).to_have_attribute("data-state", "error", timeout=2_000)
    expect(cell(page, 0).locator("button.calcweb-retry")).to_be_visible()
    page.unroute("**/pyodide.asm.wasm*")
    cell(page, 0).locator("button.calcweb-retry").click()
    expect(cell(page, 0)).to_have_attribute("data-state", "done", timeout=60_000)
    assert output(page, 0).strip() == expected_first_output()
