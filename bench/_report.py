"""Shared helpers for the benchmark scripts: timing and Markdown tables."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path

# Committed after a run, so that the Benchmarks page of the docs shows them.
RESULTS = Path(__file__).resolve().parents[1] / "docs" / "benchmark-results"


def best_time(
    function: Callable[[], object],
    repeat: int = 5,
    number: int = 1,
    clock: Callable[[], float] = time.perf_counter,
) -> float:
    """The best of ``repeat`` timings of ``number`` calls, in seconds per call of ``clock``."""
    timings = []
    for _ in range(repeat):
        start = clock()
        for _ in range(number):
            function()
        timings.append((clock() - start) / number)
    return min(timings)


def median(values: Sequence[float]) -> float:
    """The median of ``values``."""
    return statistics.median(values)


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A Markdown table, each ``|`` inside a cell escaped (``|x-1/3|`` split its row)."""
    lines = ["| " + " | ".join(map(_cell, headers)) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(map(_cell, row)) + " |" for row in rows]
    return "\n".join(lines)


def _cell(value: object) -> str:
    return str(value).replace("|", "\\|")


def publish(name: str, title: str, body: str) -> None:
    """Print a result and write it to docs/benchmark-results/<name>.md."""
    RESULTS.mkdir(exist_ok=True)
    text = f"## {title}\n\n{body}\n"
    (RESULTS / f"{name}.md").write_text(text, encoding="utf-8")
    print(text, flush=True)
