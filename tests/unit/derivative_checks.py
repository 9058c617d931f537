"""Checks that tests of derivative's far windows and fast sines share."""

from __future__ import annotations

import math
from collections.abc import Callable

from calcweb import CalcwebError, derivative, multivariate


def honest_or_refused(
    f: Callable[[float], float], x: float, exact: float, scale: int = 0, n: int = 1
) -> None:
    """derivative(f, x, n) refused, or within twice its error of ``exact`` (both times 2**scale)."""
    try:
        result = derivative(f, x, n, full_output=True)
    except CalcwebError:
        return
    value, error = math.ldexp(result.value, scale), math.ldexp(result.error, scale)
    assert abs(value - exact) <= 2.0 * error, (value, error, exact)


def sine_derivative(k: float, c: float, x: float, n: int, *, line: bool) -> tuple[float, float]:
    """Value and error of the n-th derivative of sin(k t + c) at x, in t's units.

    In one variable, or on the line along the first coordinate of [x, 0.3] (as
    grad restricts f), scaled back from the line's power-of-two units.
    """

    def f(t: float) -> float:
        return math.sin(k * t + c)

    if line:
        restricted, scale = multivariate._along(lambda p: f(p[0]), [x, 0.3], [1.0, 0.0])
        result = derivative(restricted, restricted.at, n, full_output=True)
    else:
        scale = 0
        result = derivative(f, x, n, full_output=True)
    return math.ldexp(result.value, n * scale), math.ldexp(result.error, n * scale)
