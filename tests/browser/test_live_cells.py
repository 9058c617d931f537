"""The live cells in a real browser: the built site, its cells and
``window.calcweb``, served under /calcweb/ with every other host blocked.

Helpers set a cell's code through ``cell.calcwebEditor`` (the CodeMirror
wrapper calcweb.js attaches to each cell); the tests that are about the
editor type with the keyboard instead.
"""

from __future__ import annotations

import math
import re
import time

import pytest
from playwright.sync_api import Locator, Page, Route, expect

import calcweb

from .conftest import Server


def cell(page: Page, index: int) -> Locator:
    return page.locator(f".calcweb-cell[data-cell-index='{index}']")


def output(page: Page, index: int) -> str:
    return cell(page, index).locator(".calcweb-output").inner_text()


def run_cell(page: Page, index: int, state: str = "done") -> str:
    target = cell(page, index)
    target.locator("button.calcweb-run").click()
    expect(target).to_have_attribute("data-state", state, timeout=60_000)
    return output(page, index)


def set_code(page: Page, index: int, code: str) -> None:
    cell(page, index).locator(".cm-content").wait_for()
    # Set once the cell's editor is there (after an instant navigation the new page's
    # cells get theirs one per task): in one evaluation, so no swap comes between.
    page.wait_for_function(
        "([i, code]) => { const editor = document.querySelector("
        "`.calcweb-cell[data-cell-index='${i}']`)?.calcwebEditor;"
        " if (editor === undefined) return false; editor.code = code; return true; }",
        arg=[index, code],
    )


def code_of(page: Page, index: int) -> str:
    cell(page, index).locator(".cm-content").wait_for()  # editors are set up one per task
    return str(
        page.evaluate(
            "(i) => document.querySelector(`.calcweb-cell[data-cell-index='${i}']`)"
            ".calcwebEditor.code",
            index,
        )
    )


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
        ".cm-editor .cm-content[contenteditable='true']",
        "button.calcweb-run",
        "button.calcweb-stop",
        "button.calcweb-reset",
        "button.calcweb-copy",
        ".calcweb-output[role='status'][aria-live='polite']",
    ):
        expect(first.locator(part)).to_have_count(1)
    expect(first.locator("textarea")).to_be_hidden()
    # Python highlighting: the keyword and the string get token classes.
    expect(first.locator(".tok-keyword").first).to_have_text("import")
    expect(first).to_have_attribute("data-state", "idle")
    text = run_cell(page, 0)
    elapsed = time.perf_counter() - started
    # The browser runs the same calcweb on the same IEEE doubles: same digits.
    assert text.strip() == expected_first_output()
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
    error_text = output(page, 2)
    assert "InvalidArgumentError: h must be > 0" in error_text
    assert 'File "<cell 3>", line 1' in error_text
    assert "_pyodide" not in error_text
    assert "calcweb_runner" not in error_text
    # The error of the central difference with the default step, from cell 2.
    error = float(output(page, 1).split(":")[1])
    assert error < 1e-8
    value = float(output(page, 3))
    assert value == calcweb.central_difference(lambda x: x**3, 2.0, h=1e-3)
    assert math.isclose(value, 12.0 + 1e-6, rel_tol=1e-12)


def test_window_calcweb_runs_code_and_reports_errors(page: Page, server: Server) -> None:
    page.goto(server.base)
    assert page.evaluate("window.calcweb.ready") is True
    ok = page.evaluate("window.calcweb.run('x = 21\\nx * 2')")
    assert ok["ok"] is True
    assert (ok["stdout"], ok["stderr"]) == ("", "")
    assert ok["display"] == [{"mime": "text/plain", "data": "42"}]
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


def test_typing_and_shift_enter_run_an_edit_that_persists_until_reset(
    page: Page, server: Server
) -> None:
    page.goto(server.base)
    original = code_of(page, 0)
    content = cell(page, 0).locator(".cm-content")
    content.click()
    page.keyboard.press("Control+End")
    page.keyboard.press("Enter")
    # Auto-indent and bracket closing are on: type only what a reader types.
    page.keyboard.type("for k in range(2):\n")
    page.keyboard.type('print("k =", k')
    page.keyboard.press("Shift+Enter")
    expect(cell(page, 0)).to_have_attribute("data-state", "done", timeout=60_000)
    assert output(page, 0).strip().splitlines()[-2:] == ["k = 0", "k = 1"]
    assert code_of(page, 0).endswith('for k in range(2):\n    print("k =", k)')
    expect(cell(page, 0)).to_have_attribute("data-edited", "true")
    expect(cell(page, 0).locator(".calcweb-edited")).to_be_visible()
    # Ctrl+Enter runs too.
    set_code(page, 0, "print('ctrl')")
    cell(page, 0).locator(".cm-content").press("Control+Enter")
    expect(cell(page, 0).locator(".calcweb-output")).to_have_text("ctrl\n", timeout=30_000)
    # The edit survives a reload; the other cells are untouched.
    page.reload()
    assert code_of(page, 0) == "print('ctrl')"
    expect(cell(page, 0)).to_have_attribute("data-edited", "true")
    expect(cell(page, 1)).to_have_attribute("data-edited", "false")
    # Reset restores the original and forgets the edit.
    cell(page, 0).locator("button.calcweb-reset").click()
    assert code_of(page, 0) == original
    expect(cell(page, 0).locator(".calcweb-edited")).to_be_hidden()
    page.reload()
    assert code_of(page, 0) == original
    expect(cell(page, 0)).to_have_attribute("data-edited", "false")


def test_two_tabs_of_a_page_show_each_others_edits_and_lose_none(
    page: Page, server: Server
) -> None:
    # The tabs of a browser share the saved edits (localStorage): each tab shows
    # the other's edit of a cell as it is saved, so that typing in one tab never
    # silently replaces what was typed in the other.
    other = page.context.new_page()
    page.goto(server.base)
    other.goto(server.base)
    original = code_of(other, 0)
    set_code(page, 0, "print('typed in the first tab')")
    expect(cell(other, 0).locator(".cm-content")).to_have_text("print('typed in the first tab')")
    expect(cell(other, 0)).to_have_attribute("data-edited", "true")
    content = cell(other, 0).locator(".cm-content")
    content.click()
    other.keyboard.press("Control+End")
    other.keyboard.type("\nx = 2")
    both = "print('typed in the first tab')\nx = 2"
    expect(cell(page, 0).locator(".cm-line").nth(1)).to_have_text("x = 2")
    assert code_of(page, 0) == both
    page.reload()
    assert code_of(page, 0) == both
    # Reset in one tab resets the other: the last edit wins.
    cell(other, 0).locator("button.calcweb-reset").click()
    expect(cell(page, 0)).to_have_attribute("data-edited", "false")
    assert code_of(page, 0) == original
    expect(cell(page, 1)).to_have_attribute("data-edited", "false")


class HeldRequest:
    """The page's request for ``pattern``, held back until ``release()``: a
    slow server, with the test choosing when the answer comes."""

    def __init__(self, page: Page, pattern: str) -> None:
        self.page, self.pattern = page, pattern
        self.routes: list[Route] = []
        page.route(pattern, self._hold)

    def _hold(self, route: Route) -> None:  # a function: playwright refuses a bound builtin
        self.routes.append(route)

    def wait(self) -> None:
        """Until the page has asked (routes are reported while the test waits on it)."""
        while not self.routes:
            self.page.wait_for_timeout(50)

    def release(self) -> None:
        self.wait()
        self.routes[0].continue_()
        self.page.unroute(self.pattern)


def test_a_cell_typed_and_run_before_its_editor_loads_runs_what_was_typed(
    page: Page, server: Server
) -> None:
    editor = HeldRequest(page, "**/javascripts/calcweb-editor.js")
    page.goto(server.base)
    typed = "print('typed before the editor')"
    area = cell(page, 0).locator("textarea.calcweb-editor")
    area.fill(typed)
    area.press("Shift+Enter")
    expect(cell(page, 0)).to_have_attribute("data-state", "loading")
    editor.release()
    expect(cell(page, 0)).to_have_attribute("data-state", "done", timeout=60_000)
    assert output(page, 0).strip() == "typed before the editor"
    # The editor took over what was typed, as an edit that is kept, with the
    # focus and the caret where they were.
    assert code_of(page, 0) == typed
    expect(cell(page, 0)).to_have_attribute("data-edited", "true")
    page.keyboard.type("  # more")
    assert code_of(page, 0) == typed + "  # more"
    typed += "  # more"
    page.reload()
    assert code_of(page, 0) == typed


def test_buttons_are_disabled_until_the_page_module_wires_them(page: Page, server: Server) -> None:
    module = HeldRequest(page, "**/javascripts/calcweb.js")
    page.goto(server.base, wait_until="commit")
    buttons = page.locator(".calcweb-cell button, button.calcweb-run-all")
    buttons.first.wait_for(state="attached")
    module.wait()
    # A click now would be lost: every button says it cannot be used yet.
    assert buttons.evaluate_all("(all) => all.every((b) => b.disabled)")
    module.release()
    for name in ("run", "reset", "copy"):
        expect(cell(page, 0).locator(f"button.calcweb-{name}")).to_be_enabled()
    expect(page.locator("button.calcweb-run-all")).to_be_enabled()
    expect(cell(page, 0).locator("button.calcweb-stop")).to_be_disabled()


def test_without_the_editor_bundle_the_cells_work_as_plain_text_boxes(
    page: Page, server: Server
) -> None:
    page.route("**/javascripts/calcweb-editor.js", lambda route: route.fulfill(status=404))
    page.goto(server.base)
    area = cell(page, 0).locator("textarea.calcweb-editor")
    area.fill("print(6 * 7)")
    cell(page, 0).locator("button.calcweb-run").click()
    expect(cell(page, 0)).to_have_attribute("data-state", "done", timeout=60_000)
    assert output(page, 0).strip() == "42"
    expect(cell(page, 0)).to_have_attribute("data-edited", "true")
    expect(area).to_be_visible()
    # Reset still restores the page's code.
    cell(page, 0).locator("button.calcweb-reset").click()
    expect(area).to_have_value(area.evaluate("(area) => area.defaultValue"))
    expect(cell(page, 0)).to_have_attribute("data-edited", "false")


def test_a_saved_edit_is_not_restored_when_the_page_code_changed(
    page: Page, server: Server
) -> None:
    page.goto(server.base)
    # An edit saved for another version of cell 1's code (another hash).
    page.evaluate(
        "localStorage.setItem(`calcweb:${location.pathname}:0:stale`, 'print(\"stale\")')"
    )
    page.reload()
    assert "stale" not in code_of(page, 0)


def test_keyboard_only_workflow_and_no_focus_trap(page: Page, server: Server) -> None:
    page.goto(server.base)
    cell(page, 0).locator(".cm-content").wait_for()
    # No editor takes focus on load.
    assert page.evaluate("document.activeElement === document.body")
    # Tab to the first cell's Run button and press Enter.
    run = cell(page, 0).locator("button.calcweb-run")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('calcweb-run')"):
            break
    else:
        pytest.fail("Tab never reached the first Run button")
    outline = run.evaluate("b => getComputedStyle(b).outlineStyle")
    assert outline != "none", "the focused button shows no focus ring"
    page.keyboard.press("Enter")
    expect(cell(page, 0)).to_have_attribute("data-state", "done", timeout=60_000)
    # Into the editor with Tab (through Reset and Copy), Tab indents there,
    # and Escape then Tab leaves it.
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('cm-content')"):
            break
    else:
        pytest.fail("Tab never reached the editor")
    page.keyboard.press("Control+Home")
    page.keyboard.press("Tab")
    assert code_of(page, 0).startswith("    import calcweb")
    page.keyboard.press("Escape")
    page.keyboard.press("Tab")
    assert not page.evaluate("document.activeElement.classList.contains('cm-content')")
    assert page.evaluate("document.activeElement.tagName") in {"BUTTON", "A", "INPUT"}


def test_running_a_later_cell_first_runs_the_cells_before_it(page: Page, server: Server) -> None:
    page.goto(server.base)
    # Cell 4 uses f from cell 1: the cells before it run first, in order.
    assert float(run_cell(page, 3)) == calcweb.central_difference(lambda x: x**3, 2.0, h=1e-3)
    states = [cell(page, i).get_attribute("data-state") for i in range(4)]
    assert states == ["done", "done", "error", "done"]
    assert output(page, 0).strip() == expected_first_output()
    # Running cell 2 again does not rerun cell 1.
    set_code(page, 0, "print('cell 1 ran again')")
    run_cell(page, 1)
    assert "again" not in output(page, 0)


def test_instant_navigation_keeps_the_worker_and_gives_a_fresh_namespace(
    page: Page, server: Server
) -> None:
    page.goto(server.base)
    page.evaluate("window.__notReloaded = true")
    assert page.evaluate("window.calcweb.run('secret = 42')")["ok"] is True
    page.locator("nav.md-nav--primary a", has_text="API reference").first.click()
    expect(page).to_have_url(re.compile(r"/calcweb/api/$"))
    expect(page.locator("h1")).to_contain_text("API reference")
    page.locator("nav.md-nav--primary a", has_text="Start here").first.click()
    expect(page).to_have_url(re.compile(r"/calcweb/$"))
    assert page.evaluate("window.__notReloaded") is True, "instant navigation reloaded the page"
    fresh = page.evaluate("window.calcweb.run(\"'secret' in globals()\")")
    assert fresh["display"] == [{"mime": "text/plain", "data": "False"}]
    started = time.perf_counter()
    assert run_cell(page, 0).strip() == expected_first_output()
    assert time.perf_counter() - started < 10, "the worker was not reused"


def test_math_is_typeset_when_the_site_is_built(page: Page, server: Server) -> None:
    scripts: list[str] = []
    page.on("request", lambda request: scripts.append(request.url))
    page.goto(server.base)
    expect(page.locator(".katex").first).to_be_visible()
    assert page.locator(".arithmatex .katex").count() >= 3
    # The served page has the math already typeset, and no math script runs.
    served = page.request.get(server.base).text()
    assert served.count('class="katex"') >= 3
    assert "\\(" not in served
    assert not [url for url in scripts if "katex" in url and url.endswith(".js")]
    # The KaTeX fonts come from the site itself.
    resources = page.evaluate("performance.getEntriesByType('resource').map((e) => e.name)")
    fonts = [url for url in resources if url.endswith(".woff2")]
    assert fonts
    assert all(font.startswith(server.base) for font in fonts)
