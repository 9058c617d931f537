"""Session 18 (LIM22): four limit lies of issue 13, each answered honestly or refused now.

Every case here was a lie on main at 9dcdf04 (the true limit more than twice the
reported error from the value, converged): the ratio is in each comment.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from calcweb import LimitResult, NumericalError, limit
from calcweb.limits import _passed, _settling


def _honest(f: Callable[[float], float], x0: float, side: str, exact: float) -> LimitResult:
    result = limit(f, x0, side=side, full_output=True)
    assert isinstance(result, LimitResult)
    assert not result.converged or abs(result.value - exact) <= 2.0 * result.error, result
    return result


def _log_power(c: float, a: float, s: float, where: str) -> Callable[[float], float]:
    """c + a t**(3/(4 + log t)), t = |x|/s at 0, s/|x| at infinity (logscan's family)."""
    if where == "0":
        return lambda x: c + a * (abs(x) / s) ** (3.0 / (4.0 + math.log(abs(x) / s)))
    return lambda x: c + a * (s / abs(x)) ** (3.0 / (4.0 + math.log(s / abs(x))))


@pytest.mark.parametrize(
    ("c", "a", "s", "x0", "side"),
    [
        # 478.414 +- 2.8e-7 (635 errors off): the first samples, before the pole at
        # t = exp(-4), are c to 1e-9; closer in f creeps back towards c + a e**3.
        (478.414, -8.952036311348608e-06, 1.0560358096653755, 0.0, "right"),
        (-636.963, -1.2451787583201037e-06, 0.7991726290862561, -math.inf, "right"),  # 1190
        (1.0, 1.1323507728203757e-11, 5.729338385281529, -math.inf, "right"),  # 1930
        (0.0, 1.6927803789826163e-09, 8.703481885351263, math.inf, "left"),  # 3.6
    ],
)
def test_a_log_power_is_not_its_far_field(
    c: float, a: float, s: float, x0: float, side: str
) -> None:
    f = _log_power(c, a, s, "0" if x0 == 0.0 else "inf")
    _honest(f, x0, side, c + a * math.exp(3.0))


@pytest.mark.parametrize(("x0", "side"), [(1e10, "left"), (1e10, "right"), (-40.0, "left")])
def test_a_slow_term_of_an_ulp_a_halving_is_not_left_behind(x0: float, side: str) -> None:
    # 1 + 1e-12/log(h)**2 was 1.000000000000002 +- 8.9e-16 (2.25 errors off): its last
    # samples step down by an ulp or none to 1 + 4 ulps, past the value.
    s = 2.0 * max(1.0, abs(x0))
    _honest(lambda x: 1.0 + 1e-12 / math.log(abs(x - x0) / s) ** 2, x0, side, 1.0)


def test_passed_is_how_far_f_went_beyond_the_value() -> None:
    ulp = 2.0**-52
    down = [1.0 + k * ulp for k in (14, 13, 12, 11, 10, 10, 9, 8, 8, 8, 7, 7, 6, 6, 6, 6, 5)]
    # 4 ulps past it, and 9 more that the whole run of ulp steps moved (LIM25: 3, the last block's)
    assert _passed(down, 1.0 + 9 * ulp) == (4 + 9) * ulp
    assert _passed(down, 1.0 + 4 * ulp) == 0.0  # not past it
    assert _passed([*down[:-1], 1.0 + 7 * ulp], 1.0 + 9 * ulp) == 0.0  # a step back
    wide = [1.0 + 8 * k * ulp for k in range(17, 0, -1)]  # steps of 8 ulps: cancellation's grid
    assert _passed(wide, 1.0) == 0.0
    assert _passed(down[1:], 1.0) == 0.0  # too few samples


@pytest.mark.parametrize(
    ("x0", "side"),
    [(1.513e45, "left"), (1.588e45, "left"), (1.995e45, "left"), (1.591e45, "right")],
)
def test_a_scatter_that_ends_on_small_changes_by_chance_is_a_scatter(x0: float, side: str) -> None:
    # cos at floats 2.7e29 apart is cos at a new phase at every sample: 1.513e45 from
    # the left was 3.35e-46 +- 2.9e-46 (3.4 errors off), its last changes 0.035, 0.094,
    # 0.16 of 1/x0 (below LOSS of the run's size, not shrinking).
    _honest(lambda x: math.cos(x) / x, x0, side, math.cos(x0) / x0)


def test_settling_is_one_sign_and_shrinking() -> None:
    assert _settling([0.9, 0.7, 0.6, 0.55])
    assert not _settling([0.439, 0.474, 0.568, 0.407])  # cos(x)/x at 1.513e45, times x0
    assert not _settling([0.9, 0.7, 0.6, 0.6])  # a change of 0
    assert not _settling([0.9, 0.8, 0.6, 0.5])  # not shrinking


@pytest.mark.parametrize("side", ["both", "left", "right"])
def test_samples_that_are_0_through_an_overflow_are_refused(side: str) -> None:
    # x*x*x is inf near 1e103, so f is 0.0 at every sample: it was 0 +- 2.2e-308 for 1e-206.
    with pytest.raises(NumericalError, match="overflowed to inf inside f"):
        limit(lambda x: x / (x * x * x), 1e103, side=side)
    with pytest.raises(NumericalError, match="overflowed to inf inside f"):
        limit(lambda x: x / (x * x * x) + 1e-220, 1e103, side=side)


def test_an_overflow_that_loses_nothing_a_limit_tells_is_kept() -> None:
    # Divisions by an inf that leave 0 where f is below the smallest normal number.
    result = limit(lambda x: math.sin(x) / (x * x), 4.01466521931094e154, full_output=True)
    assert result.converged
    assert (result.value, result.error) == (0.0, 2.2250738585072014e-308)
    assert limit(lambda x: 1.0 / (1.0 + x * x), 1e200) == 0.0
    # No overflow: unchanged; at infinity f is not watched (x/(x*x*x) tends to 0 there).
    assert limit(lambda x: x * x / (x * x * x * x), 1e77) == pytest.approx(1e-154)
    assert limit(lambda x: x / (x * x * x), math.inf) == 0.0
    # Another value computed from an overflow is refused, as atan(x**3)'s OverflowError is.
    with pytest.raises(NumericalError, match="overflowed to inf inside f"):
        limit(lambda x: math.atan(x * x * x), 1e103)
