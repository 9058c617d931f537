"""A plain call refuses an estimate with no correct digit; full_output shows it.

DESIGN.md: "when no trustworthy estimate can be reached, a NumericalError says
so". ``derivative(lambda t: math.exp(2e5 * t) + math.sin(1e6 + t), 0.0)``
returned -1.6e23 for 200000.94 (its full_output error: 8.75e72; session 28,
OUTSIDER11's finding 3), and ``jvp`` passed such numbers on. A plain call
now refuses where the error exceeds both the value and ``|f(x)| / (eps
max(1, |x|))**n`` (`calcweb._derivative._without_a_digit`): a derivative 0
within what ``f``'s values show, or with a wide error and a right value,
is still answered.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pytest

import calcweb
from calcweb._derivative import _without_a_digit


def _steep_and_stairs(t: float) -> float:
    return math.exp(2e5 * t) + math.sin(1e6 + t)


def test_a_plain_derivative_with_no_digit_is_refused() -> None:
    with pytest.raises(calcweb.NumericalError, match=r"no correct digit.*full_output=True"):
        calcweb.derivative(_steep_and_stairs, 0.0)


def test_full_output_still_shows_the_estimate_and_its_error() -> None:
    result = calcweb.derivative(_steep_and_stairs, 0.0, full_output=True)
    assert result.error > 1e40 * abs(result.value), result  # honest, and says it has no digit


@pytest.mark.parametrize(
    "call",
    [
        lambda: calcweb.grad(lambda p: _steep_and_stairs(p[0]))([0.0]),
        lambda: calcweb.jacobian(lambda p: [_steep_and_stairs(p[0])])([0.0]),
        lambda: calcweb.jvp(lambda p: _steep_and_stairs(p[0]), [0.0], [1.0]),
        lambda: calcweb.directional_derivative(
            lambda p: _steep_and_stairs(p[0]) + p[1], [0.0, 0.5], [1.0, 1.0]
        ),
    ],
    ids=["grad", "jacobian", "jvp", "directional_derivative"],
)
def test_the_plain_calls_on_a_line_refuse_it_too(call: Callable[[], object]) -> None:
    with pytest.raises(calcweb.NumericalError, match="no correct digit"):
        call()


def test_an_error_of_the_smallest_subnormal_is_rounding() -> None:
    # derscan seed 2 (recip at -1.1e183, on jets): 0.0 +- 5e-324 where |f(x)| / (eps |x|)
    # underflows to 0; the true derivative, 8.1e-367, rounds to 0.
    result = calcweb.DerivativeResult(0.0, 5e-324, 1, "ad", None)
    assert not _without_a_digit(result, 8.992316806093304e-184, -1.1120604640201152e183, 1)


@pytest.mark.parametrize(
    ("f", "x", "exact"),
    [
        (math.cos, 0.0, 0.0),  # 0.0 +- 5.3e-13
        (math.erf, 4e10, 0.0),  # 0.0 +- 1e-10: flat far out
        (lambda t: math.pow(t, 3), 0.0, 0.0),  # f(x) = 0: exactly 0 is kept
        # a fast sine near a zero of its slope: 9.886e-5 +- 16 for 9.900e-5 (crestscan seed 1)
        (lambda t: math.sin(77484.86 * t + 1.8504), 0.40523966835531555, 9.900472453521832e-05),
    ],
    ids=["cos at 0", "erf at 4e10", "t**3 at 0", "fast sine"],
)
def test_answers_zero_within_what_f_shows_are_kept(
    f: Callable[[float], float], x: float, exact: float
) -> None:
    value = calcweb.derivative(f, x)
    assert abs(value - exact) <= 0.02 * abs(exact), value


def test_the_complex_step_underflowing_is_kept() -> None:
    # 2.2e-308 sin(t) at 1: the complex step's imaginary part a cos(1) 1e-20 underflows,
    # 0 +- 2.2e-288 (a rounding bound, honest). Refused as "no correct digit" in Pyodide's
    # run of test_methods_agree_and_are_linear (hypothesis drew a = 2.2250738585072014e-308).
    a = 2.2250738585072014e-308

    def f(t: Any) -> Any:
        return a * calcweb.sin(t)

    result = calcweb.derivative(f, 1.0, method="complex", full_output=True)
    assert result.value == 0.0, result
    assert result.error > 1e-300, result
    assert calcweb.derivative(f, 1.0, method="complex") == 0.0
    assert calcweb.derivative(f, 1.0) == pytest.approx(a * math.cos(1.0), rel=1e-15)  # jets
