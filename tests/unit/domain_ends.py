"""Limits beside a domain end, shared by the limit tests of farscan's group C."""

from __future__ import annotations

import math
from collections.abc import Callable


def cos_end(c: float, d: float, a: float, x0: float) -> Callable[[float], float]:
    """(1 - cos t)/t**2 with t = (x - x0)/c (limit 1/2) plus a domain end's term at d."""

    def f(x: float) -> float:
        h = abs(x - x0)
        t = (x - x0) / c
        return (1 - math.cos(t)) / t**2 + a * (math.sqrt(1 - h / d) - 1)

    return f
