"""A pytest plugin: where does ``pytest.approx``'s default abs=1e-12 decide a comparison?

``pytest.approx(x, rel=r)`` keeps abs=1e-12 and allows ``max(r |x|, 1e-12)``:
for values below 1e-12 anything within 1e-12 of them passes, 0 included, and
the comparison cannot fail. Run any tests with it::

    PYTHONPATH=.:tools .venv/bin/pytest -p approx_audit tests/unit/test_X.py

It lists, at the end, each line (in tests/) whose scalar comparisons were made
with abs unset and a tolerance of 1e-12 instead of ``rel |expected|``: the
largest expected and difference seen there, and ``cannot fail`` where
1e-12 >= |expected| for some value (0 or the opposite sign passes), or else
the relative tolerance 1e-12 amounts to at the smallest value. Give those that
cannot fail, or that allow more than the rel they ask for says, ``abs=0.0``
(or a bound of their own). Expected values of 0 allow 1e-12 either way.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass
from typing import Any

import pytest
from _pytest import approx as approx_module

DEFAULT_ABS = 1e-12
DEFAULT_REL = 1e-6


@dataclass
class Seen:
    """The comparisons one line of a test made with approx's default abs deciding."""

    count: int = 0
    largest_expected: float = 0.0
    smallest_expected: float = math.inf  # the smallest |expected| but 0
    largest_difference: float = 0.0
    rel: float = DEFAULT_REL


SEEN: dict[str, Seen] = {}
_compare = approx_module.ApproxScalar.__eq__


def _test_line() -> str:
    """file:line of the innermost frame in tests/ (the assert making the comparison)."""
    frame = sys._getframe(2)
    while frame is not None:
        name = frame.f_code.co_filename
        if "/tests/" in name:
            return f"tests/{name.split('/tests/', 1)[1]}:{frame.f_lineno}"
        frame = frame.f_back
    return "?"


def _recording_eq(self: Any, actual: Any) -> bool:
    result: bool = _compare(self, actual)
    expected = self.expected
    numbers = (int, float)
    if (
        self.abs is None
        and isinstance(expected, numbers)
        and isinstance(actual, numbers)
        and not isinstance(expected, bool)
        and math.isfinite(expected)
    ):
        rel = DEFAULT_REL if self.rel is None else self.rel
        if rel * abs(expected) < DEFAULT_ABS:
            seen = SEEN.setdefault(_test_line(), Seen(rel=rel))
            seen.count += 1
            seen.largest_expected = max(seen.largest_expected, abs(expected))
            if expected:
                seen.smallest_expected = min(seen.smallest_expected, abs(expected))
            difference = abs(float(actual) - expected)
            seen.largest_difference = max(seen.largest_difference, difference)
    return result


approx_module.ApproxScalar.__eq__ = _recording_eq  # type: ignore[method-assign]


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not SEEN:
        return
    terminalreporter.section("approx comparisons decided by the default abs=1e-12")
    for line, seen in sorted(SEEN.items()):
        if seen.smallest_expected <= DEFAULT_ABS:
            verdict = "cannot fail"
        else:  # the tolerance relative to the smallest value compared there
            verdict = f"allows {DEFAULT_ABS / seen.smallest_expected:.2g} of the value"
        terminalreporter.write_line(
            f"{line}: {verdict}; {seen.count} comparisons, rel={seen.rel:g}, "
            f"|expected| up to {seen.largest_expected:.3g}, "
            f"differences up to {seen.largest_difference:.3g}"
        )
