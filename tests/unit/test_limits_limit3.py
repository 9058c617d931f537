"""Session 29 (LIMIT3): f that stops growing or jumps far out, or changes level at the walk's end.

The usual samples reach ``|x| = 2**49``, the deepest 6.5e91; the floats go on to
1.8e308. A growth like ``x**p`` that saturates there was answered infinite
(scalescan's ``c = 0`` draws, `_short_far_out`), a growth slower than powers
that stops on a cap too (`_past_the_walk`), and a level that ``f`` jumps to
with nothing between kept the near level (`_overflows_inside`); a level
change at the usual walk's very end, onto a run closer in, kept the first level
(`_heads_for_the_run`).
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


def _answered(f: Callable[[float], float], x0: float, exact: float, **kwargs: str) -> None:
    result = limit(f, x0, full_output=True, **kwargs)
    assert isinstance(result, LimitResult)
    assert result.converged, result
    assert abs(result.value - exact) <= 2.0 * result.error, (result, exact)


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
    # to 2**37, then leaves it by an ulp or two a step (no law beyond rounding), and is c + A
    # from 4.8e36 on, so at the deepest step (6.5e91) as at 5.5e303: it grows no more past it.
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


def test_a_far_step_of_a_few_ulps_within_the_error_is_no_jump() -> None:
    # logscan seed 2: c + a/log(s/x) at inf, c = -154.165, a = 5.5e-12, s = 0.0107: one
    # float far out, another from 7.5e168 on, both within JUMP errors of the value
    # (`_fits`): answered as before, not refused as a jump.
    c, a, s = -154.165, 5.474612120264883e-12, 0.010746967926350857
    _answered(lambda x: c + a / math.log(s / x), math.inf, c)


def test_a_level_change_at_the_walk_s_end_onto_the_run_closer_in_is_refused() -> None:
    # scalescan seed 2: c + A tanh(x/s), s = 1.13e14, was c +- 1.6e-16 (limit c + A): c
    # exactly at the first usual samples, c + 0.9999 A at the last (2**49), c + A exactly at every
    # step closer in; the table read the first level, and the run was taken for rounding's.
    c, a, s = 0.3651345578479945, -1.2121258031593428e-05, 113436992369108.6
    _refused(lambda x: c + a * math.tanh(abs(x) / s), math.inf)
    # seed 2 too: c + A/(1 + |x|/s)**2 at -inf, s = 1.4e14, was c + A +- 1.1e-11 (limit c).
    c, a, s = -1.2543911886626897, 5.255090025816393, 140045310979078.28
    _refused(lambda x: c + a * (1.0 + abs(x) / s) ** -2.0, -math.inf)


def test_rounding_that_drops_onto_a_pole_s_term_is_no_level_change() -> None:
    # farscan seed 5, c = 7083, D = 8.5e-5: (exp(x/c) - 1)/x is 0 once exp rounds to 1, and
    # the last usual samples creep onto the pole's term -A by halving changes of 1e-16; the
    # run closer in is rounding's, and the value, read before, stands (1/c - A).
    c, big, a = 7082.837894601386, 8.46690166306382e-05, -2.0763916138471957e-06

    def f(x: float) -> float:
        return (math.exp(x / c) - 1.0) / x + a * big / (abs(x) - big)

    _answered(f, 0.0, 1.0 / c - a)
    # seed 5, c = 149: the domain end's term, 1e-17 at the last samples, after 0.0078 (stairs of
    # exp(x/c) - 1 rounded); f is 0 closer in. Answered 1/c from the left.
    c, big, a = 149.22341686509063, 0.0012837976266531893, -1.0046093420336063e-05

    def g(x: float) -> float:
        return (math.exp(x / c) - 1.0) / x + a * (math.sqrt(1.0 - abs(x) / big) - 1.0)

    _answered(g, 0.0, 1.0 / c, side="left")
