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
