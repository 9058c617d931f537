"""An honesty check that tests of derivative's far windows share."""

from __future__ import annotations

import math
from collections.abc import Callable

from calcweb import CalcwebError, derivative


def honest_or_refused(f: Callable[[float], float], x: float, exact: float, scale: int = 0) -> None:
    """derivative(f, x) is refused, or within twice its error of ``exact`` (both times 2**scale)."""
    try:
        result = derivative(f, x, full_output=True)
    except CalcwebError:
        return
    value, error = math.ldexp(result.value, scale), math.ldexp(result.error, scale)
    assert abs(value - exact) <= 2.0 * error, (value, error, exact)
