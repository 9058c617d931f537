"""Every live cell of the docs, run natively in page order.

Each page gets a fresh namespace, as in the browser. A cell must finish
without an exception unless its fence says ``expect-error``, in which case it
must raise a calcweb error.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import calcweb

from .pages import DOCS, cells, pages_with_cells, run_page

PAGES = pages_with_cells()


def test_the_docs_have_cells() -> None:
    assert DOCS / "index.md" in PAGES


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(DOCS)))
def test_every_cell_of_the_page_runs_as_its_fence_says(page: Path) -> None:
    for index, (cell, run) in enumerate(zip(cells(page), run_page(page), strict=True)):
        where = f"{page.name} cell {index + 1}"
        if cell.expect_error:
            assert isinstance(run.error, calcweb.CalcwebError), f"{where} should raise: {run}"
        else:
            assert run.error is None, f"{where} raised {run.error!r}"
        # The build refuses a value whose _repr_*_ fails: so do the tests.
        assert not run.result.display_errors, f"{where}: {run.result.stderr}"


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(DOCS)))
def test_every_figure_of_the_page_is_svg(page: Path) -> None:
    for run in run_page(page):
        render = getattr(run.value, "_repr_svg_", None)
        if render is not None:
            svg = render()
            assert svg.startswith("<svg")
            assert "<script" not in svg
