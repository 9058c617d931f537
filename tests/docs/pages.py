"""Run the live cells of a docs page natively, as the browser runs them.

Cells share one namespace per page and run in page order; the value of a
cell's last expression is kept, as the browser displays it.
"""

from __future__ import annotations

import ast
import contextlib
import io
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DOCS = Path(__file__).resolve().parents[2] / "docs"
NUMBER = r"[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?"
FENCE = re.compile(
    r"^```pyodide(?P<options>[^\n]*)\n(?P<code>.*?)^```\s*$", re.MULTILINE | re.DOTALL
)


@dataclass(frozen=True)
class Cell:
    """A fence: its code and whether it is meant to raise."""

    code: str
    expect_error: bool


@dataclass(frozen=True)
class Run:
    """What a cell did: its stdout, the value of its last expression, its exception."""

    stdout: str
    value: object
    error: BaseException | None

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
        options = match["options"].split()
        if not set(options) <= {"expect-error"}:
            raise ValueError(f"unknown fence options {options} in {page}")
        found.append(Cell(match["code"], "expect-error" in options))
    return found


def pages_with_cells() -> list[Path]:
    return sorted(path for path in DOCS.rglob("*.md") if cells(path))


@cache
def run_page(page: Path) -> tuple[Run, ...]:
    """Run every cell of ``page`` in one fresh namespace (cached: pages are slow)."""
    namespace: dict[str, object] = {"__name__": "__main__"}
    runs = []
    for index, cell in enumerate(cells(page)):
        filename = f"<{page.name} cell {index + 1}>"
        tree = ast.parse(cell.code, filename)
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        stdout = io.StringIO()
        value: object = None
        error: BaseException | None = None
        with contextlib.redirect_stdout(stdout):
            try:
                exec(compile(tree, filename, "exec"), namespace)  # noqa: S102 - running the docs is the test
                if last is not None:
                    value = eval(compile(ast.Expression(last.value), filename, "eval"), namespace)  # noqa: S307
            except Exception as raised:
                error = raised
        runs.append(Run(stdout.getvalue(), value, error))
    return tuple(runs)
