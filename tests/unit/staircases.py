"""Staircases ``floor(k x)/k`` and ``round(k x)/k`` and their exact integrals (integrate tests)."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from fractions import Fraction


def staircase(kind: str, k: float) -> Callable[[float], float]:
    """``floor(k x)/k`` (kind "floor") or ``round(k x)/k`` (kind "round")."""
    if kind == "floor":
        return lambda x: math.floor(k * x) / k
    return lambda x: round(k * x) / k


def staircase_integral(kind: str, k: float, a: float, b: float) -> float:
    """The integral of `staircase` over [a, b]: its steps' rectangles in fractions.

    As ``bench/scans/stairscan.py`` sums them, with ``K = k`` as a fraction;
    ``round(k x)/k`` is ``floor(k (x + 1/(2K)))/k`` but at exact halves (no area).
    """
    kk = Fraction(k)
    shift = 1 / (2 * kk) if kind == "round" else Fraction(0)
    lo, hi = Fraction(a) + shift, Fraction(b) + shift
    cuts = [m / kk for m in range(math.floor(lo * kk) + 1, math.floor(hi * kk) + 1)]
    pieces = (
        (q - p) * math.floor(kk * (p + q) / 2) for p, q in itertools.pairwise([lo, *cuts, hi])
    )
    return float(sum(pieces, Fraction(0)) / kk)
