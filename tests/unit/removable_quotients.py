"""Quotients with a removable singularity at 0, in floats, and their exact derivatives (mpmath).

The cancelling numerator loses digits as ``|t|`` falls, so derivative's tests
of noise that grows towards 0 use them.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import mpmath


def one_minus_cos(t: float) -> float:
    return (1.0 - math.cos(t)) / t**2


def cosh_minus_one(t: float) -> float:
    return (math.cosh(t) - 1.0) / t**2


def exp_minus_one_minus_t(t: float) -> float:
    return (math.exp(t) - 1.0 - t) / t**2


_EXACT: dict[Callable[[float], float], Callable[[mpmath.mpf], mpmath.mpf]] = {
    one_minus_cos: lambda t: (1 - mpmath.cos(t)) / t**2,
    cosh_minus_one: lambda t: (mpmath.cosh(t) - 1) / t**2,
    exp_minus_one_minus_t: lambda t: (mpmath.exp(t) - 1 - t) / t**2,
}


def exact_derivative(f: Callable[[float], float], x: float, n: int = 1) -> float:
    """The n-th derivative at x of the quotient ``f`` stands for, to 60 digits, rounded."""
    with mpmath.workdps(60):
        return float(mpmath.diff(_EXACT[f], mpmath.mpf(x), n))
