"""INTFIX (session 27): step functions and f 0 at every point: what is refused, and the advice.

``floor(x) exp(-x)`` is exactly 0 up to x = 1, then rises at each integer and
falls back between them: the shape of the staircase a cancellation's rounding
makes (`_Panels.rounding_staircase`), which refuses it on [0, 4.5], [0, 10] and
[0, inf) although the values are right. No sample tells the two apart: a rule
that took teeth spread over more than 2**-20 max(1, |x|) for a step function's
(a cancellation cancels within about eps**(1/p) of its point on the scale of
its arguments) integrated floor(x) exp(-x), but also answered the rounding of
((1e8 + sin(x)**2) - 1e8)/x**2 on [0, 1e-3], whose numerator steps by an ulp of 1e8
at points 6.3e-5, 4.4e-5, 3.5e-5, ... apart, with 0.000926 +- 1.1e-17 (the
integral of its floats) for 0.001. The refusal stays; its advice (REVIEW12 D1:
"Rewrite f without the cancellation" only) now covers a true step.

An f that is 0 at every point sampled (``max(x, 0)`` on [-1, 0]) stays refused:
no sample tells it from a peak between the points (a rule that answered 0 where
f is 0 at both ends too answered ``exp(-(x - 0.123)**2/1e-9)`` on [-1e3, 1e3]
with 0 +- 0, and integrate-peaks seeds 2 and 3 turned 3 refusals into peaks
never sampled); the message now says what to do in either case, and names an
end where f is not 0, beside which f may hold mass no point sees (``exp(-x)`` on
[0, 3.2e7]) or from which it may jump to 0 (``floor(x)`` on [0, 1]).
"""

from __future__ import annotations

import math

import pytest

from calcweb import IntegrationResult, integrate


@pytest.mark.parametrize("b", [4.5, 10.0, math.inf])
def test_a_step_function_shaped_like_a_rounding_staircase_is_refused_with_advice(
    b: float,
) -> None:
    result = integrate(lambda x: math.floor(x) * math.exp(-x), 0.0, b, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert not result.converged, result
    assert "if f really is a step function" in result.message
    assert "integrate it only on the side of x=0.999999999999" in result.message
    assert "or over each step separately" in result.message


def test_a_rounding_staircase_with_steps_far_apart_stays_refused() -> None:
    # Its steps are ulps of 1e8 in sin(x)**2: 8.6e-5, 1.5e-4, 1.9e-4, ...
    result = integrate(
        lambda x: ((1e8 + math.sin(x) ** 2) - 1e8) / x**2, 0.0, 1e-3, full_output=True
    )
    assert isinstance(result, IntegrationResult)
    assert not result.converged, result
    assert "Rewrite f without the cancellation" in result.message


def test_f_zero_at_every_point_is_refused_with_what_to_do_for_a_zero_f_and_for_a_peak() -> None:
    # relu over the negatives: no sample tells it from a peak between the points.
    result = integrate(lambda x: max(x, 0.0), -1.0, 0.0, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert (result.value, result.error, result.converged) == (0.0, math.inf, False)
    assert "at most 0.00116 apart" in result.message
    assert "its integral is 0 and needs no integration" in result.message
    assert "split the interval around the peak" in result.message


def test_f_zero_at_every_point_but_not_at_an_end_is_refused_naming_that_end() -> None:
    result = integrate(lambda x: math.exp(-x), 0.0, 3.2e7, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert not result.converged
    assert "but is 1 at the end x=0.0" in result.message
    assert "integrate over a shorter interval from x=0.0" in result.message


@pytest.mark.parametrize("b", [4.5, math.inf])
def test_following_the_step_function_advice_integrates_it(b: float) -> None:
    # REVIEW13: beyond its jump from 0 the staircase check has no exact 0 to start
    # from; over [0, inf) "each step separately" would be infinitely many integrals.
    def f(x: float) -> float:
        return math.floor(x) * math.exp(-x)

    refused = integrate(f, 0.0, b, full_output=True)
    assert isinstance(refused, IntegrationResult)
    start = float(refused.message.split("only on the side of x=")[1].split(" ")[0])
    result = integrate(f, start, b, full_output=True)
    assert isinstance(result, IntegrationResult)
    steps = range(1, 4) if b == 4.5 else range(1, 800)
    exact = math.fsum(k * (math.exp(-k) - math.exp(-(k + 1))) for k in steps)
    exact += 4 * (math.exp(-4.0) - math.exp(-4.5)) if b == 4.5 else 0.0
    # From x=0.9999999999999996 on [.., inf) some subintervals stay unresolved
    # (converged=False, 0.58197670686924 +- 3.9e-11); from x = 1 it converges.
    assert result.converged or b == math.inf, result
    assert abs(result.value - exact) <= 2 * result.error + 1e-15, result
    from_one = integrate(f, 1.0, b, full_output=True)
    assert isinstance(from_one, IntegrationResult)
    assert from_one.converged, from_one
    assert abs(from_one.value - exact) <= 2 * from_one.error + 1e-15, from_one


def test_f_nonzero_only_at_an_end_is_not_said_to_hold_mass_there() -> None:
    # REVIEW13: floor(x) on [0, 1] is 1 at x = 1 only; its integral is 0, and a
    # shorter interval from x = 1 holds no mass either.
    result = integrate(math.floor, 0.0, 1.0, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert (result.value, result.error, result.converged) == (0.0, math.inf, False)
    assert "but is 1 at the end x=1.0" in result.message
    assert "mass lies" not in result.message
    assert "if it jumps there from 0" in result.message
