"""Checks shared by the limit-honesty tests: a result is right within its error, or refused."""

from __future__ import annotations

import math
from collections.abc import Callable

import calcweb
from calcweb import LimitResult, limit

Function = Callable[[float], float]


def full(f: Function, x0: float, side: str = "both") -> LimitResult:
    """``limit(f, x0, side=side, full_output=True)``, checked to be a LimitResult."""
    result = limit(f, x0, side=side, full_output=True)  # type: ignore[arg-type]
    assert isinstance(result, LimitResult)
    return result


def honest_or_refused(f: Function, x0: float, side: str, exact: float) -> str:
    """``"right"`` or ``"refused"``; fails on a converged result that lies.

    A finite limit must be within twice the reported error; an infinite one
    (or an infinite value) must be exactly the true one.
    """
    try:
        result = full(f, x0, side)
    except calcweb.CalcwebError:
        return "refused"
    if not result.converged:
        return "refused"
    if math.isinf(exact) or math.isinf(result.value):
        assert result.value == exact, (x0, side, result)
    else:
        assert abs(result.value - exact) <= 2.0 * result.error, (x0, side, result)
    return "right"
