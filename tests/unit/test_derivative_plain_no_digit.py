"""A plain call refuses an estimate with no correct digit; full_output shows it.

DESIGN.md: "when no trustworthy estimate can be reached, a NumericalError says
so". ``derivative(lambda t: math.exp(2e5 * t) + math.sin(1e6 + t), 0.0)``
returned -1.6e23 for 200000.94 (its full_output error: 8.75e72; session 28,
OUTSIDER11's finding 3), and ``jvp`` passed such numbers on. A plain call
now refuses where the error exceeds both the value and the smallest size of
a derivative that ``f``'s own values show near ``x`` (`calcweb._derivative.
_scale_shown`; session 31: it was ``|f(x)| / (eps max(1, |x|))**n``, which let
``round(t, 2)`` at 0.123 answer 1.56 +- 8.7): a derivative 0 within what
``f``'s values show, or with a wide error and a right value, is still answered.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pytest

import calcweb


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


def test_a_derivative_underflowing_to_0_is_kept() -> None:
    # derscan seed 2: 1/t at -1.1e183, whose derivative 8.1e-367 rounds to 0.
    assert calcweb.derivative(lambda t: 1 / t, -1.1120604640201152e183, method="richardson") == 0.0


def _flat_stairs(t: float) -> float:
    return round(t, 2)


def _off_at_the_point(t: float) -> float:
    return 13.25 - 2 * t + (1.0 if t == 0.5 else 0.0)


@pytest.mark.parametrize(
    ("f", "x", "shown"),
    [
        (_flat_stairs, 0.123, "and 2, the smallest size"),  # 1.5556 +- 8.67; f flat: f' = 0
        (_off_at_the_point, 0.5, "and 4, the smallest size"),  # -2.0 +- 1434; no derivative
    ],
    ids=["round(t, 2) at 0.123", "a jump at the point alone"],
)
def test_no_digit_on_the_scale_f_shows_is_refused(
    f: Callable[[float], float], x: float, shown: str
) -> None:
    # Within |f(x)| / eps of 0 (the rule before), but far beyond the slope f's values show.
    result = calcweb.derivative(f, x, full_output=True)
    assert result.error > 4 * abs(result.value), result
    with pytest.raises(
        calcweb.NumericalError, match=f"no correct digit: its error exceeds its size {shown}"
    ):
        calcweb.derivative(f, x)
    with pytest.raises(calcweb.NumericalError, match="no correct digit"):
        calcweb.grad(lambda p: f(p[0]))([x])


@pytest.mark.parametrize(
    ("f", "x", "exact"),
    [
        (math.cos, 0.0, 0.0),  # 0.0 +- 5.3e-13
        (math.erf, 4e10, 0.0),  # 0.0 +- 1e-10: flat far out
        (lambda t: math.pow(t, 3), 0.0, 0.0),  # f(x) = 0: exactly 0 is kept
        # a fast sine near a zero of its slope (crestscan seed 1): was 9.886e-5 +- 16 for
        # 9.900e-5 at 019f36c, now 9.9002e-5 +- 3.4e-7 (it has its digits)
        (lambda t: math.sin(77484.86 * t + 1.8504), 0.40523966835531555, 9.900472453521832e-05),
    ],
    ids=["cos at 0", "erf at 4e10", "t**3 at 0", "fast sine"],
)
def test_answers_zero_within_what_f_shows_are_kept(
    f: Callable[[float], float], x: float, exact: float
) -> None:
    value = calcweb.derivative(f, x)
    assert abs(value - exact) <= 0.02 * abs(exact), value


def test_a_wide_error_within_the_scale_f_shows_is_kept() -> None:
    # atan at 1, n = 4 (exactly 0): 1.6e-9 +- 1.6e-7, no correct digit, but far within the
    # scale 902 that f's values show; the fast sine above now has its digits.
    result = calcweb.derivative(math.atan, 1.0, 4, full_output=True)
    assert result.error > abs(result.value), result
    assert abs(calcweb.derivative(math.atan, 1.0, 4)) <= result.error <= 1e-6


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


def test_vjp_auto_falling_back_to_differences_refuses_a_jump_at_the_point() -> None:
    # APIFIX6's "still wrong": vjp('auto') asks the differences after a tie on Values,
    # and answered [-2.0] for f jumping at the point alone; a slope on both sides stays.
    with pytest.raises(calcweb.NumericalError, match="no correct digit"):
        calcweb.vjp(lambda p: _off_at_the_point(p[0]), [0.5])
    _, pullback = calcweb.vjp(lambda p: 2 * p[0] if p[0] else p[0], [0.0])
    assert pullback(1.0) == [2.0]
