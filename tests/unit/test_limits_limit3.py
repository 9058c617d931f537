"""Session 29 (LIMIT3): f that stops growing, or jumps, past the deepest step at +-inf or 0.

The usual samples reach ``|x| = 2**49``, the deepest 6.5e91; the floats go on to
1.8e308. A growth like ``x**p`` that saturates there was answered infinite
(scalescan's ``c = 0`` draws, `_short_far_out`), a growth slower than powers
that stops on a cap too (`_past_the_walk`), and a level that ``f`` jumps to
with nothing between kept the near level (`_overflows_inside`).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from calcweb import LimitResult, limit


def _refused(f: Callable[[float], float], x0: float, **kwargs: str) -> LimitResult:
    result = limit(f, x0, full_output=True, **kwargs)
    assert isinstance(result, LimitResult)
    assert not result.converged, result
    return result


def _infinite(f: Callable[[float], float], x0: float, **kwargs: str) -> LimitResult:
    result = limit(f, x0, full_output=True, **kwargs)
    assert isinstance(result, LimitResult)
    assert result.converged, result
    assert result.value == math.copysign(math.inf, result.value), result
    return result


def _saturates(s: float, p: float, a: float) -> Callable[[float], float]:
    """``a tanh((|x|/s)**p)``: ``a (|x|/s)**p`` out to about ``s``, then ``a``.

    ``a`` too where ``(|x|/s)**p`` overflows, as in scalescan.
    """

    def f(x: float) -> float:
        try:
            return a * math.tanh((abs(x) / s) ** p)
        except OverflowError:
            return a

    return f


def test_a_power_growth_that_saturates_past_the_deepest_step_is_refused() -> None:
    # scalescan seed 1: was -inf +- 0 ("f grows without bound"); limit -0.0352.
    # f is -0.0352 (|x|/2.85e225)**0.5 at every point sampled, -0.0352 at 5.5e303.
    _refused(_saturates(2.8538881308106118e225, 0.5, -0.035222724726708614), math.inf)
    # scalescan seed 1 at -inf: was -inf; limit -1.81.
    _refused(_saturates(2.4461955372379044e115, 2.0, -1.8075547890969061), -math.inf)
    # f failing from x = 1e300 on (log of a negative number): the far end is the farthest
    # point where it does not, 3.9e284 (`_farthest_valid`).
    g = _saturates(2.8538881308106118e225, 0.5, -0.035222724726708614)
    _refused(lambda x: g(x) + 0.0 * math.log(1e300 - abs(x)), math.inf)


def test_a_growth_of_a_few_ulps_that_stops_before_the_deepest_step_is_refused() -> None:
    # scalescan seed 5: c + A tanh((x/s)**0.5), s = 2.6e34, was -inf +- 0: f is c exactly out
    # to 2**36, then leaves it by an ulp or two a step (no law beyond rounding), and is c + A
    # from 6.5e91 on, as at 5.5e303: it grows no more past the deepest step.
    c, a, s = -0.46910950192317474, -8.583962941896636e-06, 2.5993901689011928e34
    _refused(lambda x: c + a * math.tanh((abs(x) / s) ** 0.5), math.inf)


def test_a_growth_that_stops_on_a_cap_past_the_walk_is_refused() -> None:
    # Was inf +- 0: log(x) grows by log(2**64) at each point past the walk, then is 500
    # at the last five (x from 8.7e226 on).
    _refused(lambda x: min(math.log(x), 500.0), math.inf)


def test_growths_that_go_on_to_the_far_end_stay_infinite() -> None:
    _infinite(lambda x: x * x / 1e200, math.inf)
    _infinite(math.sqrt, math.inf)
    _infinite(math.log, math.inf)
    _infinite(lambda x: 1.0 / x, 0.0, side="right")
    _infinite(lambda x: x**3 * math.log(x), math.inf)  # overflows at the far end: no witness


def test_a_jump_far_out_that_no_overflow_makes_is_refused() -> None:
    # Was 1.0 +- 2.2e-16, "f is 1.0 at every point sampled"; f is 4 from x = 1e200 on.
    result = _refused(lambda x: 1.0 + 3.0 * (x > 1e200), math.inf)
    assert "jumps" in result.message
    _refused(lambda x: 1.0 - 3.0 * (x < -1e250), -math.inf)
