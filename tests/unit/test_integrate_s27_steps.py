"""INTFIX (session 27): step functions and f 0 at every point: what is answered, and the advice.

``floor(x) exp(-x)`` is exactly 0 up to x = 1, then rises at each integer and
falls back between them: the shape of the staircase a cancellation's rounding
makes (`_Panels.rounding_staircase`), which refused it on [0, 4.5], [0, 10] and
[0, inf) although the values were right. A cancellation leaves a few ulps only
within about eps**(1/p) of where it cancels (1.5e-8 for 1 - cos x), so teeth
spread over more than `STAIR_SPAN` times max(1, |x|) are a step function's.

An f that is 0 at every point sampled (``max(x, 0)`` on [-1, 0]) stays refused:
no sample tells it from a peak between the points (a rule that answered 0 where
f is 0 at both ends too answered ``exp(-(x - 0.123)**2/1e-9)`` on [-1e3, 1e3]
with 0 +- 0); the message now says what to do in either case, and names an end
where f is not 0, beside which the mass lies (``exp(-x)`` on [0, 3.2e7]).
"""

from __future__ import annotations

import math

import pytest

from calcweb import IntegrationResult, integrate


def _floor_times_exp(b: float) -> float:
    """The integral of floor(x) exp(-x) over [0, b], step by step (b = inf: to 60)."""
    top = 60 if math.isinf(b) else b
    return math.fsum(
        k * (math.exp(-k) - math.exp(-min(k + 1, top))) for k in range(1, math.ceil(top))
    )


@pytest.mark.parametrize("b", [4.5, 10.0, math.inf])
def test_a_step_function_shaped_like_a_rounding_staircase_is_integrated(b: float) -> None:
    result = integrate(lambda x: math.floor(x) * math.exp(-x), 0.0, b, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert result.converged, result
    assert abs(result.value - _floor_times_exp(b)) <= 2 * result.error + 1e-16


def test_the_refusal_of_a_staircase_of_rounding_says_what_to_do_for_a_true_step() -> None:
    result = integrate(lambda x: (1 - math.cos(x)) / x**2, 0.0, 3e-8, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert not result.converged, result
    assert "Rewrite f without the cancellation" in result.message
    assert "if f is a step function on this scale" in result.message


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
    assert "Integrate over a shorter interval from x=0.0" in result.message
