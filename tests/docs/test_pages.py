"""The docs tests read a page's fences as the build does: options, ids, order."""

from __future__ import annotations

from pathlib import Path

import pytest

from .pages import Cell, cells, runs_by_id


def test_fences_give_code_flags_and_ids(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        '```pyodide id="first"\nx = 6\n```\n\n```pyodide\nprint(x * 7)\n```\n\n'
        '```pyodide expect-error id="last"\nprint(x)\n1 / 0\n```\n',
        encoding="utf-8",
    )
    assert cells(page) == [
        Cell("x = 6\n", expect_error=False, id="first"),
        Cell("print(x * 7)\n", expect_error=False, id=None),
        Cell("print(x)\n1 / 0\n", expect_error=True, id="last"),
    ]
    runs = runs_by_id(page)
    assert set(runs) == {"first", "last"}
    assert runs["last"].stdout == "6\n"  # the unnamed cell ran too, in order
    assert isinstance(runs["last"].error, ZeroDivisionError)


@pytest.mark.parametrize(
    "fences",
    [
        "```pyodide expect_error\n```\n",
        '```pyodide id="Upper"\n```\n',
        '```pyodide id="a"\n```\n```pyodide id="a"\n```\n',
    ],
)
def test_unknown_options_and_repeated_ids_are_refused(tmp_path: Path, fences: str) -> None:
    page = tmp_path / "page.md"
    page.write_text(fences, encoding="utf-8")
    with pytest.raises(ValueError, match=r"unknown fence options|two cells"):
        cells(page)
