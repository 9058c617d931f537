"""Session 28 (LIMFAR): f that changes level on a scale far out, at +-inf (scalescan).

``c + A g(x/s)``, ``g`` a step from one level to another, is one level at the
first usual samples (exactly, or to a few ulps) and heads for another on the
last: the table kept the first level, whose entries have only a rounding's
error, however far the samples closer to ``x0`` went (`_past_the_change`).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from calcweb import LimitResult, limit


def _answered(f: Callable[[float], float], x0: float, exact: float) -> LimitResult:
    result = limit(f, x0, full_output=True)
    assert isinstance(result, LimitResult)
    assert result.converged, result
    assert abs(result.value - exact) <= 2.0 * result.error, (result, exact)
    return result


def test_a_level_left_for_another_within_the_usual_samples_is_not_the_limit() -> None:
    # Was 0.5 +- 2.2e-16 (0.5 exactly out to x = 8192, 0.99998 at 2**49); 1.0000000000000127
    # +- 6.4e-10 now.
    _answered(lambda x: 1.0 - 0.5 / (1.0 + (x / 1e12) ** 2), math.inf, 1.0)


def test_a_slow_change_of_level_is_answered_from_the_samples_past_it() -> None:
    # Was refused (f at 3.7e19, 1 to rounding, contradicted -6); 0.999999999999341 +- 6e-09 now.
    _answered(lambda x: 1.0 - 7.0 / (1.0 + x / 1e12), math.inf, 1.0)


def test_a_drop_after_stairs_of_rounding_is_no_change_of_level() -> None:
    # farscan seed 2: (sqrt(1 + t) - 1)/h is stairs of equal samples (sqrt(1 + t) rounded),
    # then drops onto the pole's term, 4.65e-17, at h = 2**-21; its first samples are right,
    # 2.9496e-10 = 1/(2 c). Read from the drop on, it was refused.
    c, big, a = 1695094454.5779555, 47568209.680785686, -4.6509275807787396e-17

    def f(x: float) -> float:
        return (math.sqrt(1.0 + x / c) - 1.0) / x + a * big / (abs(x) - big)

    _answered(f, 0.0, 1.0 / (2.0 * c) - a)


# Past the deepest step (|x| = 6.5e91) the floats go on to 1.8e308 (`_beyond_the_floor`).


def _honest_or_refused(f: Callable[[float], float], x0: float, exact: float) -> None:
    result = limit(f, x0, full_output=True)
    assert isinstance(result, LimitResult)
    if result.converged:
        assert abs(result.value - exact) <= 2.0 * result.error, (result, exact)


def test_a_level_change_past_the_deepest_step_is_followed_to_the_far_end() -> None:
    # Was -6.0 +- 1.3e-15, "f is -6.0 at every point sampled"; f is 1 exactly from 1e208 on.
    _answered(lambda x: 1.0 - 7.0 / (1.0 + (x / 1e200) ** 2), math.inf, 1.0)
    # (x/1e100)**2 overflows from 1.3e254 on: the far end is the last step where f does not fail.
    _answered(lambda x: 1.0 - 7.0 / (1.0 + (x / 1e100) ** 2), -math.inf, 1.0)


def test_a_level_change_within_one_far_step_is_refused() -> None:
    # Was 1.0 +- 2.2e-16. f is 1 at every far step out to 2**657 and 4 from 2**673 on: the
    # step is bisected, and f between is neither (1.0014 at 2**663); refused (no samples
    # show how f reaches 4).
    _honest_or_refused(lambda x: 1.0 + 3.0 * math.tanh((x / 1e200) ** 8), math.inf, 4.0)


def test_a_jump_of_f_far_out_as_an_overflow_inside_f_makes_is_no_level() -> None:
    # x*x overflows from 2**512 on: f is 0.0 there, 1.0 at every point before.
    result = _answered(lambda x: x / math.sqrt(x * x + 1.0), math.inf, 1.0)
    assert result.value == 1.0


def test_samples_all_equal_have_no_change_of_level() -> None:
    # farscan seed 1: sin(t)/h, t = h/2.26e7, is 4.42301e-08 exactly at every usual sample from
    # the right of 0 (sin(t) rounds to t) and scatters farther out; `_past_the_change` found
    # no change that is not 0 and raised StopIteration.
    c = 22609028.02824097

    def f(x: float) -> float:
        return math.sin(x / c) / x

    result = limit(f, 0.0, side="left", full_output=True)
    assert isinstance(result, LimitResult)
    if result.converged:
        assert abs(result.value - 1.0 / c) <= 2.0 * result.error, result


def test_a_level_the_deep_samples_pass_onto_is_not_rounding_s_run() -> None:
    # scalescan seed 1: c + A exp(-(s/|x|)**3) at -inf is c at every usual sample, c + A +
    # 2.1e-7 at -2**65 and c + A from -2**81 on; that run was taken for rounding's, and the
    # answer was c +- 9.5e-16. Refused now.
    c, a, s = 4.271941158974723, -0.009932663212568828, 1.0189828660671919e18

    def f(x: float) -> float:
        return c + a * math.exp(-((abs(x) / s) ** -3.0))

    _honest_or_refused(f, -math.inf, c + a)


def test_a_level_passed_onto_is_no_rounding_law_either() -> None:
    # scalescan seed 1: c + A/(1 + (x/s)**2), s = 2.6e24, at -inf is c + A at every usual
    # sample, 7e-13 off it at -2**65, then heads for c. Refused at cba9b05; with the run
    # among the departures `_rounding_law` read them as rounding's (-0.0919658951 +- 2e-17).
    c, a, s = -0.09564075608054322, 0.0036748609917271777, 2.633647815446089e24
    _honest_or_refused(lambda x: c + a / (1.0 + (abs(x) / s) ** 2), -math.inf, c)
