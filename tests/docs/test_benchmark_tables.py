"""Every row of the benchmark tables has its header's cells (a ``|`` in a cell is escaped).

The integrate table's ``|x-1/3|, [0, 1]`` row was split at its bars: an empty first
cell and every number one column to the right (bench/_report.py escapes them now).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench._report import table

RESULTS = Path(__file__).resolve().parents[2] / "docs" / "benchmark-results"
_BAR = re.compile(r"(?<!\\)\|")


def _cells(line: str) -> int:
    return len(_BAR.split(line.strip())) - 2


@pytest.mark.parametrize("page", sorted(RESULTS.glob("*.md")), ids=lambda page: page.name)
def test_each_table_row_has_the_header_s_cells(page: Path) -> None:
    header = None
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
        if not line.startswith("|"):
            header = None
            continue
        if header is None:
            header = _cells(line)
        assert _cells(line) == header, f"{page.name}:{number}: {line}"


def test_a_bar_in_a_cell_is_escaped() -> None:
    made = table(["case", "value"], [["|x-1/3|, [0, 1]", 1.5]])
    assert made.splitlines()[-1] == "| \\|x-1/3\\|, [0, 1] | 1.5 |"
