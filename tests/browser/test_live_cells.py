"""The walking skeleton in a real browser: the built site, its live cells and
``window.calcweb``, served under /calcweb/ with every other host blocked."""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

import calcweb

from .conftest import Server

SCREENSHOTS = Path(__file__).resolve().parents[2] / ".cache" / "screenshots"


def cell(page: Page, index: int) -> Locator:
    return page.locator(f".calcweb-cell[data-cell-index='{index}']")


def run_cell(page: Page, index: int, state: str = "done") -> str:
    target = cell(page, index)
    target.locator("button.calcweb-run").click()
    expect(target).to_have_attribute("data-state", state, timeout=60_000)
    return target.locator(".calcweb-output").inner_text()


def expected_first_output() -> str:
    slope = calcweb.central_difference(lambda x: x**3, 2.0)
    return f"f'(2) ≈ {slope:.10f}"


def test_the_cell_computes_a_derivative_in_the_browser(
    page: Page, server: Server, report: list[str]
) -> None:
    started = time.perf_counter()
    page.goto(server.base)
    cells = page.locator(".calcweb-cell")
    expect(cells).to_have_count(4)
    first = cell(page, 0)
    for part in (
        "textarea.calcweb-editor",
        "button.calcweb-run",
        "button.calcweb-stop",
        "button.calcweb-reset",
        ".calcweb-output[role='status'][aria-live='polite']",
    ):
        expect(first.locator(part)).to_have_count(1)
    expect(first).to_have_attribute("data-state", "idle")
    output = run_cell(page, 0)
    elapsed = time.perf_counter() - started
    # The browser runs the same calcweb on the same IEEE doubles: same digits.
    assert output.strip() == expected_first_output()
    report.append(f"cold time to first result (page load -> derivative printed): {elapsed:.2f} s")


def test_cells_share_a_namespace_and_a_failing_cell_does_not_stop_the_next(
    page: Page, server: Server
) -> None:
    page.goto(server.base)
    page.locator("button.calcweb-run-all").click()
    expect(cell(page, 3)).to_have_attribute("data-state", "done", timeout=60_000)
    states = [cell(page, i).get_attribute("data-state") for i in range(4)]
    assert states == ["done", "done", "error", "done"]
    assert cell(page, 2).get_attribute("data-expect") == "error"
    error_text = cell(page, 2).locator(".calcweb-output").inner_text()
    assert "InvalidArgumentError: h must be > 0" in error_text
    assert "<cell 3>" in error_text
    assert "_pyodide" not in error_text
    assert "calcweb_runner" not in error_text
    # The error of the central difference with the default step, from cell 2.
    error = float(cell(page, 1).locator(".calcweb-output").inner_text().split(":")[1])
    assert error < 1e-8
    value = float(cell(page, 3).locator(".calcweb-output").inner_text())
    assert value == calcweb.central_difference(lambda x: x**3, 2.0, h=1e-3)
    assert math.isclose(value, 12.0 + 1e-6, rel_tol=1e-12)


def test_window_calcweb_runs_code_and_reports_errors(page: Page, server: Server) -> None:
    page.goto(server.base)
    assert page.evaluate("window.calcweb.ready") is True
    ok = page.evaluate("window.calcweb.run('x = 21\\nx * 2')")
    answer = [{"mime": "text/plain", "data": "42"}]
    assert ok == {"ok": True, "stdout": "", "stderr": "", "display": answer}
    shared = page.evaluate("window.calcweb.run('print(x)')")
    assert shared["stdout"] == "21\n"
    failed = page.evaluate("window.calcweb.run('print(\"before\")\\n1 / 0')")
    assert failed["ok"] is False
    assert failed["stdout"] == "before\n"
    assert "ZeroDivisionError: division by zero" in failed["stderr"]
    assert 'File "<calcweb.run>", line 2' in failed["stderr"]
    refused = page.evaluate(
        "window.calcweb.run('import calcweb\\ncalcweb.central_difference(3, 1.0)')"
    )
    assert refused["ok"] is False
    assert "ArgumentTypeError: f must be a function" in refused["stderr"]


def test_the_site_also_works_from_the_root_path(page: Page, server: Server) -> None:
    page.goto(f"{server.origin}/")
    assert run_cell(page, 0).strip() == expected_first_output()


def test_shift_enter_runs_an_edit_and_reset_restores_the_code(page: Page, server: Server) -> None:
    page.goto(server.base)
    editor = cell(page, 0).locator("textarea")
    original = editor.input_value()
    editor.fill("import calcweb, math\nprint(round(calcweb.central_difference(math.sin, 0.0), 9))")
    editor.press("Shift+Enter")
    expect(cell(page, 0)).to_have_attribute("data-state", "done", timeout=60_000)
    assert cell(page, 0).locator(".calcweb-output").inner_text().strip() == "1.0"
    cell(page, 0).locator("button.calcweb-reset").click()
    assert editor.input_value() == original


def test_a_failed_boot_says_so_and_run_retries(page: Page, server: Server) -> None:
    page.route("**/pyodide.asm.wasm", lambda route: route.fulfill(status=404, body="missing"))
    page.goto(server.base)
    output = run_cell(page, 0, state="error")
    assert "Python could not start" in output
    page.unroute("**/pyodide.asm.wasm")
    assert run_cell(page, 0).strip() == expected_first_output()


def test_stop_interrupts_an_endless_loop(page: Page, server: Server) -> None:
    page.goto(server.base)
    assert page.evaluate("crossOriginIsolated") is True
    editor = cell(page, 0).locator("textarea")
    editor.fill("n = 0\nwhile True:\n    n += 1")
    cell(page, 0).locator("button.calcweb-run").click()
    expect(cell(page, 0)).to_have_attribute("data-state", "running", timeout=60_000)
    page.wait_for_timeout(300)
    cell(page, 0).locator("button.calcweb-stop").click()
    expect(cell(page, 0)).to_have_attribute("data-state", "error", timeout=2_000)
    assert "KeyboardInterrupt" in cell(page, 0).locator(".calcweb-output").inner_text()
    # The namespace survived the interrupt.
    result = page.evaluate("window.calcweb.run('n > 0')")
    assert result["display"] == [{"mime": "text/plain", "data": "True"}]


def test_stop_without_isolation_restarts_python(
    make_page: Callable[..., Page], plain_server: Server
) -> None:
    page = make_page()
    page.goto(plain_server.base)
    assert page.evaluate("crossOriginIsolated") is False
    cell(page, 0).locator("textarea").fill("while True:\n    pass")
    cell(page, 0).locator("button.calcweb-run").click()
    expect(cell(page, 0)).to_have_attribute("data-state", "running", timeout=60_000)
    cell(page, 0).locator("button.calcweb-stop").click()
    expect(cell(page, 0)).to_have_attribute("data-state", "error", timeout=2_000)
    assert "Python was restarted" in cell(page, 0).locator(".calcweb-output").inner_text()
    cell(page, 0).locator("button.calcweb-reset").click()
    assert run_cell(page, 0).strip() == expected_first_output()


def test_cells_work_after_instant_navigation(page: Page, server: Server) -> None:
    page.goto(server.base)
    page.evaluate("window.__notReloaded = true")
    page.locator("nav.md-nav--primary a", has_text="API reference").first.click()
    expect(page).to_have_url(re.compile(r"/calcweb/api/$"))
    expect(page.locator("h1")).to_contain_text("API reference")
    page.locator("nav.md-nav--primary a", has_text="Start here").first.click()
    expect(page).to_have_url(re.compile(r"/calcweb/$"))
    assert page.evaluate("window.__notReloaded") is True, "instant navigation reloaded the page"
    assert run_cell(page, 0).strip() == expected_first_output()


def test_math_is_typeset_by_the_self_hosted_katex(page: Page, server: Server) -> None:
    page.goto(server.base)
    expect(page.locator(".katex").first).to_be_visible()
    assert page.locator(".arithmatex .katex").count() >= 3


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots_of_the_start_page(
    make_page: Callable[..., Page], server: Server, scheme: str
) -> None:
    # Pictures for a person to look at (.cache/screenshots); nothing to compare.
    page = make_page(color_scheme=scheme, viewport={"width": 1280, "height": 1000})
    page.goto(server.base)
    scheme_in_page = page.evaluate("document.body.dataset.mdColorScheme")
    assert scheme_in_page == ("slate" if scheme == "dark" else "default")
    page.locator("button.calcweb-run-all").click()
    expect(cell(page, 3)).to_have_attribute("data-state", "done", timeout=60_000)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"start-{scheme}.png", full_page=True)
