"""Every live cell of the docs, run natively in page order.

Each page gets a fresh namespace, as in the browser. A cell must finish
without an exception unless its fence says ``expect-error``, in which case it
must raise a calcweb error.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

import calcweb

DOCS = Path(__file__).resolve().parents[2] / "docs"
FENCE = re.compile(r"^```pyodide(?P<options>[^\n]*)\n(?P<code>.*?)^```\s*$", re.M | re.S)


def cells(page: Path) -> list[tuple[str, bool]]:
    """The (code, expect_error) of each pyodide fence of a page, in order."""
    found = []
    for match in FENCE.finditer(page.read_text(encoding="utf-8")):
        options = match["options"].split()
        assert set(options) <= {"expect-error"}, f"unknown fence options {options} in {page}"
        found.append((match["code"], "expect-error" in options))
    return found


PAGES = sorted(path for path in DOCS.rglob("*.md") if cells(path))


def run_page(page: Path) -> list[str]:
    """Run the cells of a page in one namespace; return the stdout of each."""
    namespace: dict[str, object] = {"__name__": "__main__"}
    outputs = []
    for index, (code, expect_error) in enumerate(cells(page)):
        stdout = io.StringIO()
        compiled = compile(code, f"<{page.name} cell {index + 1}>", "exec")
        with contextlib.redirect_stdout(stdout):
            if expect_error:
                with pytest.raises(calcweb.CalcwebError):
                    exec(compiled, namespace)  # noqa: S102 - running the docs is the test
            else:
                exec(compiled, namespace)  # noqa: S102
        outputs.append(stdout.getvalue())
    return outputs


def test_the_docs_have_cells() -> None:
    assert DOCS / "index.md" in PAGES


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(DOCS)))
def test_every_cell_of_the_page_runs(page: Path) -> None:
    run_page(page)


def test_the_first_derivative_on_the_start_page_is_right() -> None:
    first, second, *_ = run_page(DOCS / "index.md")
    slope = float(first.split("≈")[1])
    assert slope == pytest.approx(12.0, abs=1e-9)
    assert float(second.split(":")[1]) < 1e-8
