"""The browser runner protects itself from what a cell changes (calcweb_runner.py).

A cell may patch builtins, sys.stdout or calcweb: the patch lasts on its
page, as Python's semantics say, but the runner's own code keeps working, and
a new page starts with none of it. Run natively, beside the site's sources.
"""

from __future__ import annotations

import asyncio
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

RUNNER = Path(__file__).resolve().parents[2] / "docs" / "javascripts" / "calcweb_runner.py"

pytestmark = pytest.mark.skipif(
    sys.platform == "emscripten" or not RUNNER.exists(),
    reason="natively, beside the site's sources (Pyodide's loop cannot block for asyncio.run)",
)


@pytest.fixture
def runner() -> ModuleType:
    spec = importlib.util.spec_from_file_location("calcweb_runner", RUNNER)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(runner: ModuleType, page: str, code: str) -> dict[str, Any]:
    reply: dict[str, Any] = asyncio.run(runner.run(page, code, "<cell 1>", "{}"))
    return reply


def test_a_patched_builtin_lasts_on_its_page_and_leaves_the_runner_working(
    runner: ModuleType,
) -> None:
    real_len = len
    assert run(runner, "page#1", "import builtins\nbuiltins.len = lambda x: -1")["ok"]
    assert len is real_len  # the runner's (and everyone else's) builtins are untouched
    same_page = run(runner, "page#1", "len([1, 2])")
    assert same_page["display"] == [{"mime": "text/plain", "data": "-1"}]
    failed = run(runner, "page#1", "len([1]) / 0")  # the traceback is still formatted
    assert "ZeroDivisionError" in failed["error"]
    next_page = run(runner, "page#2", "len([1, 2])")
    assert next_page["display"] == [{"mime": "text/plain", "data": "2"}]


def test_builtins_and_streams_patched_the_other_way_are_put_back_after_the_run(
    runner: ModuleType,
) -> None:
    stdout, real_print = sys.stdout, print
    code = "import io, sys\nsys.modules['builtins'].print = None\nsys.stdout = io.StringIO()"
    assert run(runner, "page#1", code)["ok"]
    assert sys.stdout is stdout
    assert print is real_print


def test_a_monkeypatch_of_calcweb_and_imported_modules_do_not_follow_to_another_page(
    runner: ModuleType,
) -> None:
    import calcweb  # noqa: PLC0415 - the test is about its module dict

    derivative = calcweb.derivative
    patch = (
        "import sys, types, calcweb\ncalcweb.derivative = lambda *a, **k: 42\n"
        "calcweb.added = 1\nsys.modules['readers_module'] = types.ModuleType('readers_module')"
    )
    assert run(runner, "page#1", "import calcweb")["ok"]  # the first run takes the snapshot
    assert run(runner, "page#1", patch)["ok"]
    assert run(runner, "page#1", "calcweb.derivative()")["display"][0]["data"] == "42"
    try:
        assert run(runner, "page#2", "print('a new page')")["ok"]
        assert calcweb.derivative is derivative
        assert not hasattr(calcweb, "added")
        assert "readers_module" not in sys.modules
    finally:
        calcweb.derivative = derivative
        sys.modules.pop("readers_module", None)


# ------------------------------------------------------------------ showing a value


def bound_with_a_log(runner: ModuleType) -> list[str]:
    """Stand in for the worker's C stack bounds (pyodide-adapter.js), logging their use."""
    log: list[str] = []
    runner.narrow_c_stack = lambda: log.append("narrow")
    runner.widen_c_stack = lambda: log.append("widen")
    return log


def refused_when(log: list[str], narrowed: bool) -> Any:
    """A show() that raises RecursionError while the bound is (or is not) narrowed."""

    def show() -> str:
        now_narrowed = log.count("narrow") > log.count("widen")
        log.append("show")
        if now_narrowed == narrowed:
            raise RecursionError("Stack overflow")
        return "shown"

    return show


def nested(depth: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(depth):
        value = [value]
    return value


def test_a_value_is_shown_under_the_narrow_bound_first(runner: ModuleType) -> None:
    log = bound_with_a_log(runner)
    assert runner._shown_safely(refused_when(log, narrowed=False), (nested(5),)) == "shown"
    assert log == ["narrow", "show", "widen"]


def test_a_refusal_is_retried_under_the_runs_bound_unless_lists_nest_deeply(
    runner: ModuleType,
) -> None:
    log = bound_with_a_log(runner)
    shallow = (nested(999), {"key": (nested(997),)})  # lists, tuples, dicts: 1,000 deep
    assert runner._shown_safely(refused_when(log, narrowed=True), shallow) == "shown"
    assert log == ["narrow", "show", "widen", "show"]
    log.clear()
    for deep in (nested(1_000), {"key": (nested(998),)}, [0, (1, nested(998))]):  # 1,001
        with pytest.raises(RecursionError):
            runner._shown_safely(refused_when(log, narrowed=True), (deep,))
    assert log == ["narrow", "show", "widen"] * 3


def test_print_and_a_cells_display_are_shown_safely(
    runner: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    log = bound_with_a_log(runner)
    reply = run(runner, "page", "print('a', 1, sep='-')\n[2]")
    assert reply["ok"], reply
    assert reply["display"][0]["data"] == "[2]"
    assert capsys.readouterr().out == "a-1\n"
    assert log == ["narrow", "widen"] * 2  # once for print, once for the display


def test_a_recursion_error_says_the_browser_stack_is_smaller(runner: ModuleType) -> None:
    failed = run(runner, "page#1", "def deeper(n):\n    return deeper(n + 1)\ndeeper(0)")
    assert "RecursionError: maximum recursion depth exceeded" in failed["error"]
    assert "In the browser Python's stack is smaller than on a computer" in failed["error"]
    assert "Write it as a loop" in failed["error"]
