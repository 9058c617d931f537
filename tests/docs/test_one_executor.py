"""The browser, the build and the docs tests run a cell through one executor (calcweb._cell).

The rules themselves are tested in tests/unit/test_cell.py; here, that each
caller uses the executor and adds only its own policy.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from .hooks import load_hook
from .pages import run_page

ROOT = Path(__file__).resolve().parents[2]
CALLERS = {
    "browser": ROOT / "docs" / "javascripts" / "calcweb_runner.py",
    "build": ROOT / "tools" / "hooks" / "live_cells.py",
    "docs tests": ROOT / "tests" / "docs" / "pages.py",
}
BROKEN_FIGURE = (
    "class Figure:\n"
    "    def _repr_svg_(self):\n"
    "        raise ValueError('broken figure')\n"
    "    def __repr__(self):\n"
    "        return 'Figure()'\n"
    "Figure()"
)


@pytest.mark.parametrize("caller", CALLERS, ids=str)
def test_each_caller_runs_cells_through_calcweb_cell_and_nothing_else(caller: str) -> None:
    tree = ast.parse(CALLERS[caller].read_text(encoding="utf-8"))
    imported = {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module == "calcweb._cell"
        for alias in node.names
    }
    assert imported & {"run_cell", "run_cell_async"}, caller
    called = {
        node.func.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }
    # A second way of running code is how the three diverged before.
    assert not called & {"exec", "eval", "compile", "eval_code", "eval_code_async"}, caller


def test_the_build_refuses_a_value_whose_representation_fails() -> None:
    hook = load_hook("live_cells")
    hook._page = hook._PageState(path="page.md")
    with pytest.raises(PluginError, match=r"cell 1 of page\.md: a representation") as raised:
        hook._format(BROKEN_FIGURE, "pyodide", "calcweb", {"flags": set()}, None)
    assert "ValueError: broken figure" in str(raised.value)
    assert "Figure._repr_svg_() failed" in str(raised.value)


def test_the_docs_tests_see_what_the_build_sees(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(f"```pyodide\n{BROKEN_FIGURE}\n```\n", encoding="utf-8")
    (run,) = run_page(page)
    assert run.error is None
    assert run.value is not None
    assert [type(e) for e in run.result.display_errors] == [ValueError]
    assert run.result.display[0].data == "Figure()"
