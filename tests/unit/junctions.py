"""Functions whose derivative of some order jumps at a junction, for the junction tests."""

from __future__ import annotations

import math
from collections.abc import Callable


def spliced(c: float, degree: int) -> Callable[[float], float]:
    """exp left of c, its Taylor polynomial of ``degree`` at c right of it (C**degree at c)."""
    coefficients = [math.exp(c) / math.factorial(j) for j in range(degree + 1)]

    def f(t: float) -> float:
        if t < c:
            return math.exp(t)
        u = t - c
        return math.fsum(a * math.pow(u, j) for j, a in enumerate(coefficients))

    return f
