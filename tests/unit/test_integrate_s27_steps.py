"""INTFIX (session 27): a true step function is integrated, a staircase of rounding refused.

``floor(x) exp(-x)`` is exactly 0 up to x = 1, then rises at each integer and
falls back between them: the shape of the staircase a cancellation's rounding
makes (`_Panels.rounding_staircase`), which refused it on [0, 4.5], [0, 10] and
[0, inf) although the values were right. A cancellation leaves a few ulps only
within about eps**(1/p) of where it cancels (1.5e-8 for 1 - cos x), so teeth
spread over more than `STAIR_SPAN` times max(1, |x|) are a step function's.
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
