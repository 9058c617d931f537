"""Session 19: limits whose samples lose their value to an overflow that the old check let through.

A reviewer found both: each was 0 +- 2.2e-308, converged, at every sample.
"""

from __future__ import annotations

import math

import pytest

from calcweb import LimitResult, NumericalError, limit


def test_a_zero_beside_a_vanished_quotient_is_refused() -> None:
    # atan(x*x) is pi/2 once x*x is inf, so the first term is 0 for -1e-100; 1/(x*x)
    # vanished below the smallest normal number, which used to let any 0 through.
    with pytest.raises(NumericalError, match="overflowed"):
        limit(lambda x: (math.atan(x * x) - math.pi / 2) * 1e300 + 1 / (x * x), 1e200)


def test_a_multiple_of_a_vanished_quotient_is_refused() -> None:
    # 1e300/(x*x) at 1e200 is 1e-100; 1/(x*x) is 0 there and so is 1e300 times it.
    with pytest.raises(NumericalError, match="overflowed"):
        limit(lambda x: 1e300 * (1 / (x * x)), 1e200)


@pytest.mark.parametrize(
    "f",
    [
        lambda x: 1 / (x * x),
        lambda x: math.sin(x) / (x * x),
        lambda x: -(math.sin(x) / (x * x)),
    ],
    ids=["1/(x*x)", "sin(x)/(x*x)", "-(sin(x)/(x*x))"],
)
def test_a_quotient_that_vanished_below_the_normal_numbers_is_answered(f: object) -> None:
    result = limit(f, 4.01466521931094e154, full_output=True)  # type: ignore[arg-type]
    assert isinstance(result, LimitResult)
    assert result.converged
    assert result.value == 0.0
    assert result.error <= 2.2250738585072014e-308


def test_an_overflow_in_numpy_arithmetic_is_refused() -> None:
    np = pytest.importorskip("numpy")
    # numpy.float64(x) * x is numpy's arithmetic: inf near 1e103, so f was 0 for 1e-206.
    with pytest.raises(NumericalError, match="overflowed"):
        limit(lambda x: x / (np.float64(x) * x * x), 1e103)
    # numpy arithmetic that does not overflow is answered as before.
    assert limit(lambda x: np.sin(x) / x, 2.0) == pytest.approx(math.sin(2.0) / 2.0, rel=1e-14)
