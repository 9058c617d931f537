"""What a curious student's edits do to the live cells (helper OUTSIDER7).

Each strict xfail pins one way the page misbehaves today; when the page is
fixed the test passes, and the xfail must go. The tests that can freeze or
crash the page open their own context (``_open``) so they can assert on the
uncaught errors themselves and always close the context in ``finally``.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import Server, _open
from .test_live_cells import cell, output, run_cell, set_code

NOT_FIXED = sys.platform != "emscripten"  # the browser suite never runs in Pyodide itself


def start_cell(page: Page, index: int, code: str) -> None:
    set_code(page, index, code)
    cell(page, index).locator("button.calcweb-run").click()
    expect(cell(page, index)).to_have_attribute("data-state", "running", timeout=60_000)


def test_an_endless_print_loop_can_be_stopped(browser: Browser, server: Server) -> None:
    context, _watch, page = _open(browser)
    try:
        page.goto(server.base)
        start_cell(page, 0, "i = 0\nwhile True:\n    print(i)\n    i += 1")
        page.wait_for_timeout(4_000)
        cell(page, 0).locator("button.calcweb-stop").click(timeout=10_000)
        expect(cell(page, 0)).to_have_attribute("data-state", "error", timeout=10_000)
        set_code(page, 1, "print('still here')")  # the rest of the page works
        assert "still here" in run_cell(page, 1)
    finally:
        context.close()


def test_os_exit_ends_the_cell_with_a_message(browser: Browser, server: Server) -> None:
    context, watch, page = _open(browser)
    try:
        page.goto(server.base)
        set_code(page, 0, "import os\nos._exit(1)")
        cell(page, 0).locator("button.calcweb-run").click()
        expect(cell(page, 0)).to_have_attribute("data-state", "error", timeout=20_000)
        # An exit is no crash: the message says that Python ended, and why.
        text = output(page, 0)
        assert "Python ended (the cell called os._exit(1)) and was restarted" in text
        assert "crash" not in text
        assert not watch.errors, watch.errors
    finally:
        context.close()


def test_a_page_cell_that_ended_python_is_blamed_without_suggesting_reset(
    page: Page, server: Server
) -> None:
    page.goto(server.base)
    # A patch makes cell 1's own (unedited) print end Python.
    set_code(page, 2, "import builtins, os\nbuiltins.print = lambda *args, **kwargs: os._exit(3)")
    run_cell(page, 2)
    assert "Python ended (the cell called os._exit(3))" in run_cell(page, 0, state="error")
    text = run_cell(page, 1, state="error")
    assert text.startswith("Cell 1 ended Python (its output says how)")
    # Reset would give back the same code: only an edited cell is told to reset.
    assert "Change cell 1, then run this cell again." in text
    assert "Reset" not in text


def test_a_patched_builtin_does_not_break_the_runner(page: Page, server: Server) -> None:
    page.goto(server.base)
    set_code(page, 0, "import builtins\nbuiltins.len = lambda x: -1")
    run_cell(page, 0)
    cell(page, 0).locator("button.calcweb-reset").click()
    set_code(page, 1, "print('still here')")
    assert "still here" in run_cell(page, 1)


def test_a_monkeypatch_of_calcweb_does_not_follow_the_reader_to_another_page(
    page: Page, server: Server
) -> None:
    page.goto(server.base)
    set_code(page, 0, "import calcweb\ncalcweb.derivative = lambda *args, **kwargs: 42")
    run_cell(page, 0)
    page.locator("nav.md-nav--primary a", has_text="Derivatives").first.click()
    expect(page).to_have_url(re.compile(r"/calcweb/derivatives/$"))
    expect(page.locator("article h1").first).to_have_text(re.compile(r"^Derivatives"))
    set_code(page, 0, "import calcweb\nprint(calcweb.derivative(lambda x: x * x, 1.0))")
    assert run_cell(page, 0).strip() != "42"


def test_a_huge_output_does_not_push_the_page_away(page: Page, server: Server) -> None:
    page.goto(server.base)
    set_code(page, 0, "print('x' * 10**6)")
    run_cell(page, 0)
    height = cell(page, 0).locator(".calcweb-output").evaluate("e => e.offsetHeight")
    assert height < 3 * 900, f"the output is {height} px tall"


def test_time_sleep_works_or_says_plainly_why_not(shared_page: Page) -> None:
    result = shared_page.evaluate("window.calcweb.run('import time\\ntime.sleep(0.1)')")
    assert result["ok"], result["stderr"]


def test_input_says_plainly_that_a_live_cell_cannot_read_input(shared_page: Page) -> None:
    result = shared_page.evaluate("window.calcweb.run('input()')")
    assert not result["ok"]
    assert "Errno 29" not in result["stderr"]
    assert "cannot read anything in a live cell" in result["stderr"]


DEEP_LIST = "nested = []\nfor _ in range(100_000):\n    nested = [nested]\nprint(nested)"


def test_printing_a_deeply_nested_list_is_a_recursion_error(page: Page, server: Server) -> None:
    page.goto(server.base)
    set_code(page, 0, DEEP_LIST)
    shown = run_cell(page, 0, state="error")
    assert "RecursionError" in shown
    assert shown.count('File "') == 1, shown  # the cell's frame only, not the runner's
    # The same Python goes on (no restart): `nested` is still there, and shows
    # as a cell's value no better than printed.
    set_code(page, 1, "len(nested)")
    assert run_cell(page, 1) == "1"
    set_code(page, 1, "nested")
    assert "RecursionError" in run_cell(page, 1, state="error")


def test_a_nested_list_or_a_recursive_repr_not_as_deep_still_shows(shared_page: Page) -> None:
    code = (
        "nested = []\nfor _ in range(1_000):\n    nested = [nested]\n"
        "class Node:\n    def __init__(self, child):\n        self.child = child\n"
        "    def __repr__(self):\n        return f'N({self.child!r})'\n"
        "chain = 0\nfor _ in range(80):\n    chain = Node(chain)\n"
        "print(nested)\nprint(chain)\n(nested, chain)"
    )
    result = shared_page.evaluate("(code) => window.calcweb.run(code)", code)
    assert result["ok"], result["stderr"]
    shown_list, shown_chain = "[" * 1_001 + "]" * 1_001, "N(" * 80 + "0" + ")" * 80
    assert result["stdout"] == f"{shown_list}\n{shown_chain}\n"
    assert result["display"][0]["data"] == f"({shown_list}, {shown_chain})"


@pytest.mark.xfail(
    strict=NOT_FIXED,
    reason="freeing a 5,000-deep nested list overflows the browser's stack (Pyodide's fatal "
    "error), at 3,000-4,000 levels: CPython's trashcan frees deep structures iteratively once "
    "the C stack nears its bound, but freeing a list moves that stack (linear memory) by no "
    "byte a level, so no bound can start it",
)
def test_freeing_a_deeply_nested_list_does_not_crash(page: Page, server: Server) -> None:
    page.goto(server.base)
    code = "nested = []\nfor _ in range(5_000):\n    nested = [nested]\ndel nested\nprint('freed')"
    result = page.evaluate("(code) => window.calcweb.run(code)", code)
    assert result["ok"], result["stderr"]


STEPS = (
    "import functools\n\n@functools.lru_cache(None)\n"
    "def steps(n):\n    return 0 if n == 0 else steps(n - 1) + 1\n"
)


def test_a_deep_recursion_through_c_is_a_recursion_error_and_python_lives_on(
    page: Page, server: Server
) -> None:
    # Each level calls Python from C (lru_cache's wrapper): unbounded, it overflowed
    # the browser's stack from about 400 levels and Pyodide died.
    page.goto(server.base)
    deep = page.evaluate("(code) => window.calcweb.run(code)", STEPS + "steps(1_000)")
    assert not deep["ok"]
    assert "RecursionError" in deep["error"], deep["error"]
    assert "stack is smaller than on a computer" in deep["error"], deep["error"]
    assert not deep.get("restarted")
    # A recursion not as deep works, in the same Python: `steps` is still defined.
    fine = page.evaluate("window.calcweb.run('steps.cache_clear()\\nprint(steps(150))')")
    assert fine["ok"], fine["stderr"]
    assert fine["stdout"] == "150\n"


def test_a_crash_in_an_earlier_cell_is_blamed_on_that_cell(page: Page, server: Server) -> None:
    page.goto(server.base)
    crash = "import pyodide_js\npyodide_js._api.fatal_error(Exception('simulated crash'))"
    set_code(page, 0, crash)
    assert "Python crashed" in run_cell(page, 0, state="error")
    text = run_cell(page, 1, state="error")
    assert text.startswith("Cell 1 crashed Python (its output says how)")
    assert "Change cell 1 (or Reset it), then run this cell again." in text  # it was edited


def test_stop_during_run_all_does_not_run_the_queued_cells(page: Page, server: Server) -> None:
    page.goto(server.base + "integrals/")
    set_code(page, 0, "while True:\n    pass")
    page.locator("button.calcweb-run-all").first.click()
    expect(cell(page, 0)).to_have_attribute("data-state", "running", timeout=60_000)
    page.wait_for_timeout(1_000)
    cell(page, 0).locator("button.calcweb-stop").click()
    expect(cell(page, 0)).to_have_attribute("data-state", "error", timeout=10_000)
    page.wait_for_timeout(3_000)
    assert "NameError" not in output(page, 2)
    # The queued cells are back as they were: idle, with the build's output.
    expect(cell(page, 2)).to_have_attribute("data-state", "idle")
    expect(cell(page, 2).locator(".calcweb-output")).to_have_attribute("data-prerendered", "true")


def test_stop_during_run_all_without_isolation_does_not_restart_the_loop(
    make_page: Callable[..., Page], plain_server: Server
) -> None:
    # Without cross-origin isolation Stop restarts Python: the queued cells
    # must not start it again (and rerun the endless cell before them).
    page = make_page()
    page.goto(plain_server.base + "integrals/")
    set_code(page, 0, "while True:\n    pass")
    page.locator("button.calcweb-run-all").first.click()
    expect(cell(page, 0)).to_have_attribute("data-state", "running", timeout=60_000)
    cell(page, 0).locator("button.calcweb-stop").click()
    expect(cell(page, 0)).to_have_attribute("data-state", "error", timeout=10_000)
    page.wait_for_timeout(10_000)  # time enough for Python to start again, were it asked to
    for index in range(page.locator(".calcweb-cell").count()):
        assert cell(page, index).get_attribute("data-state") not in ("loading", "running")
    assert "Python was restarted" in output(page, 0)


SLIDER_LOOP = "degree = calcweb.slider('degree', 1, 15, value=5)\nwhile True:\n    pass"


def test_one_stop_ends_an_explorable_cell_whose_slider_moved(page: Page, server: Server) -> None:
    page.goto(server.base + "taylor/")
    explorable = page.locator(".calcweb-cell:has(.calcweb-controls)").first
    index = int(explorable.get_attribute("data-cell-index") or "-1")
    start_cell(page, index, SLIDER_LOOP)
    explorable.locator("input[type=range]").first.focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    page.wait_for_timeout(1_000)
    explorable.locator("button.calcweb-stop").click()
    expect(explorable).to_have_attribute("data-state", "error", timeout=5_000)
    page.wait_for_timeout(2_000)
    assert explorable.get_attribute("data-state") == "error"
