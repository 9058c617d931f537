"""Run the live cells of a docs page natively, as the browser and the build run them.

Cells share one namespace per page and run in page order, through calcweb's
cell executor (``calcweb/_cell.py``), the one the browser and the build use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from calcweb._cell import CellResult, run_cell

DOCS = Path(__file__).resolve().parents[2] / "docs"
NUMBER = r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?"
FENCE = re.compile(
    r"^```pyodide(?P<options>[^\n]*)\n(?P<code>.*?)^```\s*$", re.MULTILINE | re.DOTALL
)
# The options tools/hooks/live_cells.py accepts: expect-error and id="...".
OPTION = re.compile(r'(?P<flag>expect-error)|id="(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)"')


@dataclass(frozen=True)
class Cell:
    """A fence: its code, whether it is meant to raise, and its id (``id="..."``), if any."""

    code: str
    expect_error: bool
    id: str | None = None


@dataclass(frozen=True)
class Run:
    """What a cell did, as calcweb's cell executor reports it (the browser's and the build's)."""

    result: CellResult

    @property
    def stdout(self) -> str:
        return self.result.stdout

    @property
    def value(self) -> object:
        """The value of the cell's last expression."""
        return self.result.value

    @property
    def error(self) -> BaseException | None:
        return self.result.error

    def numbers(self) -> list[float]:
        """Every number printed, in order (for checks against oracles)."""
        return [float(n) for n in re.findall(NUMBER, self.stdout)]

    def line_numbers(self) -> list[list[float]]:
        """The numbers printed on each line, line by line."""
        return [[float(n) for n in re.findall(NUMBER, line)] for line in self.stdout.splitlines()]

    def after(self, label: str) -> list[float]:
        """The first number after each occurrence of ``label`` in the output."""
        return [
            float(n) for n in re.findall(re.escape(label) + r"\s*(" + NUMBER + ")", self.stdout)
        ]


def cells(page: Path) -> list[Cell]:
    """The pyodide fences of a page, in order."""
    found = []
    for match in FENCE.finditer(page.read_text(encoding="utf-8")):
        options = [OPTION.fullmatch(word) for word in match["options"].split()]
        if not all(options):
            raise ValueError(f"unknown fence options {match['options'].split()} in {page}")
        cell_id = next((option["id"] for option in options if option and option["id"]), None)
        if cell_id is not None and any(cell.id == cell_id for cell in found):
            raise ValueError(f'two cells of {page} have id="{cell_id}"')
        expect_error = any(option and option["flag"] for option in options)
        found.append(Cell(match["code"], expect_error, cell_id))
    return found


def pages_with_cells() -> list[Path]:
    return sorted(path for path in DOCS.rglob("*.md") if cells(path))


def runs_by_id(page: Path) -> dict[str, Run]:
    """What the page's named cells did, by id (the whole page runs, in order)."""
    return {cell.id: run for cell, run in zip(cells(page), run_page(page), strict=True) if cell.id}


@cache
def run_page(page: Path) -> tuple[Run, ...]:
    """Run every cell of ``page`` in one fresh namespace (cached: pages are slow)."""
    namespace: dict[str, object] = {"__name__": "__main__"}
    # Named as the build and the browser name them: "<cell 1>", "<cell 2>", ...
    return tuple(
        Run(run_cell(cell.code, namespace, f"<cell {index + 1}>"))
        for index, cell in enumerate(cells(page))
    )


def with_answers(page: Path, answers: dict[str, str]) -> dict[str, CellResult]:
    """Run the page with ``answer = None`` of the named cells replaced by an answer.

    Returns what each named cell did, by id (not cached: each call runs afresh).
    """
    namespace: dict[str, object] = {"__name__": "__main__"}
    results = {}
    for index, cell in enumerate(cells(page)):
        code = cell.code
        if cell.id in answers:
            assert "answer = None" in code
            code = code.replace("answer = None", f"answer = {answers[cell.id]}", 1)
        result = run_cell(code, namespace, f"<cell {index + 1}>")
        if cell.id is not None:
            results[cell.id] = result
    return results
