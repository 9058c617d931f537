"""INTNOISE2 (session 26): a staircase of rounding is refused, not summed to its last digit.

Where a cancellation such as ``1 - cos x`` is 0 or a few ulps, f is exactly 0
up to a jump, then pieces ``k q/x**p`` that fall away from each jump up
(`_Panels.rounding_staircase`). The adaptive rule isolated the jumps and
summed the staircase: ``(exp(x) - 1)/x`` on [0, 1e-15] was 9.19e-16 +- 6.4e-26
for 1e-15, ``(cosh x - 1)/x**2`` on [0, 3e-8] 8.70e-9 +- 5.2e-19 for 1.5e-8.
On 60 such cancellations on tiny intervals (INTNOISE2's family, seed 1) the
lies went from 22 to 9; those left have one jump only, which a step from 0
such as ``(x > c) exp(-x)`` also shows.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from calcweb import IntegrationResult, NumericalError, integrate


def _refused_as_staircase(f: Callable[[float], float], a: float, b: float) -> None:
    result = integrate(f, a, b, tol=1e-10, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert not result.converged, result
    assert "staircase" in result.message
    assert "rounding" in result.message


@pytest.mark.parametrize(
    ("f", "a", "b"),
    [
        pytest.param(lambda x: (math.exp(x) - 1) / x, 0.0, 1e-15, id="(exp x - 1)/x"),
        pytest.param(lambda x: math.log(1 + x) / x, 0.0, 1e-15, id="log(1 + x)/x"),
        pytest.param(lambda x: (math.cosh(x) - 1) / x**2, 0.0, 3e-8, id="(cosh x - 1)/x**2"),
        pytest.param(lambda x: (math.tan(x) - x) / x**3, 0.0, 3e-8, id="(tan x - x)/x**3"),
        # the same walked from the right: f is 0 at the right end
        pytest.param(lambda x: (1 - math.cos(x)) / x**2, -3e-8, 0.0, id="(1 - cos x)/x**2 left"),
    ],
)
def test_a_staircase_of_rounding_is_refused(
    f: Callable[[float], float], a: float, b: float
) -> None:
    _refused_as_staircase(f, a, b)


def test_the_refusal_is_a_numerical_error_without_full_output() -> None:
    with pytest.raises(NumericalError, match="staircase"):
        integrate(lambda x: (1 - math.cos(x)) / x**2, 0.0, 3e-8)


@pytest.mark.parametrize(
    ("f", "a", "b", "exact"),
    [
        # one step from 0, then a fall: one tooth
        pytest.param(lambda x: (x > 0.3) * math.exp(-x), 0.0, 2.0,
                     math.exp(-0.3) - math.exp(-2.0), id="(x > 0.3) exp(-x)"),
        pytest.param(lambda x: (x > 1e-8) * 1e-8 / x, 0.0, 3e-8, 1e-8 * math.log(3.0),
                     id="(x > 1e-8) 1e-8/x"),
        # flat steps from 0: only the last, cut by the end, counts as a tooth
        pytest.param(lambda x: math.floor(3 * x) / 3, 0.0, 2.2, 31 / 15, id="floor(3 x)/3"),
        # a sawtooth: teeth when walked right to left, but no jump from an exact 0
        pytest.param(lambda x: x - math.floor(x), 0.0, 3.5, 1.625, id="x - floor(x)"),
        # the cancellation written without it
        pytest.param(lambda x: 2 * math.sin(x / 2) ** 2 / x**2, 0.0, 3e-8,
                     1.5e-8 - 3e-8**3 / 72, id="2 sin(x/2)**2/x**2"),
    ],
)  # fmt: skip
def test_steps_that_are_no_staircase_of_rounding_are_answered(
    f: Callable[[float], float], a: float, b: float, exact: float
) -> None:
    result = integrate(f, a, b, tol=1e-8, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert result.converged, result
    assert abs(result.value - exact) <= 2 * result.error
