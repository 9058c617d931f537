"""A finite limit's error is at least the smallest normal number (`limits._one_sided_of`).

``sin(x)/(x*x)`` at ``x0 = 4.01466521931094e154``: ``x*x`` overflows to
``inf`` at every sample (above 1.34e154), so ``f`` is exactly 0.0 (-0.0 on
the right) everywhere the walk looks, and the limit was 0.0 +- 0 from the
left and -0.0 +- 0 from the right ("f is -0.0 at every point sampled"); it is
5.349145441358360e-310, a subnormal number (LIM13's oscillation scan, 4
lies of this kind). No sample can tell it from 0: below the smallest normal
number, 2**-1022, floats keep no relative precision, and an intermediate
result out of range (``x*x`` here; a product that underflows) may take all
of such a value. So no limit below 2**-1022 (0 included) is claimed closer
than that: 0.0 +- 2.2e-308 is honest for it, and for every limit as small.
A value in the normal range keeps its relative error.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable

import pytest

from calcweb import LimitResult, limit


def _full(f: Callable[[float], float], x0: float, side: str) -> LimitResult:
    result = limit(f, x0, side=side, full_output=True)  # type: ignore[arg-type]
    assert isinstance(result, LimitResult)
    return result


def _sin_over_square(x: float) -> float:
    return math.sin(x) / (x * x)


EXACT = 5.34914544135836e-310  # sin(x0)/x0**2, mpmath (60 digits)


@pytest.mark.parametrize("side", ["left", "right", "both"])
def test_a_subnormal_limit_f_cannot_compute_is_within_the_error(side: str) -> None:
    result = _full(_sin_over_square, 4.01466521931094e154, side)
    assert result.converged, result
    assert result.value == 0.0
    assert result.error == sys.float_info.min
    assert abs(result.value - EXACT) <= 2.0 * result.error


def test_a_product_that_underflows_is_within_the_error() -> None:
    # (1e-200 x) 1e-200 is 0.0 at every sample near 3: its limit is 3e-400.
    result = _full(lambda x: (1e-200 * x) * 1e-200, 3.0, "both")
    assert (result.value, result.error) == (0.0, sys.float_info.min)


def test_errors_above_the_floor_are_unchanged() -> None:
    result = _full(lambda x: math.sin(x) / x, 0.0, "both")
    assert sys.float_info.min < result.error < 1e-14
    # A value in the normal range keeps its relative error, however small.
    result = _full(math.sin, 2.60464476415712e-297, "right")
    assert 0.0 < result.error < 1e-14 * result.value
    result = _full(lambda x: 5.0, 1.0, "both")
    assert (result.value, result.error) == (5.0, 2.0 * sys.float_info.epsilon * 2.5)
    # 0 keeps its value; only its error of 0 becomes the floor.
    result = _full(lambda x: 0.0, 1.0, "both")
    assert (result.value, result.error) == (0.0, sys.float_info.min)


def test_infinite_limits_and_refusals_keep_their_errors() -> None:
    result = _full(lambda x: 1 / x**2, 0.0, "both")
    assert (result.value, result.error) == (math.inf, 0.0)
    result = _full(lambda x: math.sin(1 / x), 0.0, "right")
    assert not result.converged
    assert result.error > sys.float_info.min
