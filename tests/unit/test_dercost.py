"""DERCOST (session 27): the one-sided check of a first derivative from the window's own points.

A forward quotient is the central one plus the even part of ``f`` over the
step, an odd function of the step for a smooth ``f``, to which a kink adds
half its slope jump. `_even_part_agrees` fits it at the steps of the
walk's window and probe, which the central quotients already evaluated: where
its constant term is 0 within rounding and the fit is as sharp as
`_extrapolated_twice`'s walk can be, that walk (7 to 10 calls) is not taken.
A kink among the window's steps fits no expansion, and is left to the walk.
"""

import math

import pytest

from calcweb import DomainError, NumericalError, derivative
from calcweb._richardson import _odd_fit


@pytest.mark.parametrize(
    ("f", "x", "exact"),
    [
        (math.sin, 1.0, math.cos(1.0)),
        (math.exp, -2.0, math.exp(-2.0)),
        (math.log, 4.0, 0.25),
        (math.atan, 10.0, 1.0 / 101.0),
    ],
)
def test_a_smooth_first_derivative_costs_24_calls(f, x: float, exact: float) -> None:
    # 32 or 33 with the one-sided walk below the window (session 26), 24 before it.
    result = derivative(f, x, full_output=True)
    assert result.nfev == 24, result
    assert abs(result.value - exact) <= 1e-13 * abs(exact), result  # as before
    assert abs(result.value - exact) <= 2.0 * result.error, result


def test_a_kink_among_the_window_steps_is_left_to_the_walk() -> None:
    # derkinkscan seed 2: c |a (t - x0)| 1.65e-3 right of x, within the window's smallest
    # step 3.75e-3. The fit's constant, 2.2e-7 +- 2.3e-7 (all truncation), agreed with the
    # estimate, 4.57473502538412 +- 4.2e-7, which is 8.9e-7 from the slope at x.
    a, b, c = 0.2975993905017248, 3.8833744972869915, 6.381127874629031e-06
    x0, x = 0.017368322942653325, 0.015714337983130232

    def f(t: float) -> float:
        smooth = 1.7255130903618419 + 0.252817244316633 * t + 0.854282313113707 * t * t
        return smooth + 1.0405388070094113 * math.exp(b * t) + c * abs(a * (t - x0))

    slope = 4.574734136121148  # mpmath's smooth slope minus c a
    try:
        result = derivative(f, x, full_output=True)
    except DomainError:
        return  # the walk's quotients below the kink disagree: an honest refusal
    assert abs(result.value - slope) <= 2.0 * result.error, result


def test_the_odd_fit_finds_the_constant_of_an_odd_expansion() -> None:
    rows = [(h, 0.5 + 3.0 * h - 7.0 * h**3, 0.0) for h in (0.4, 0.2, 0.15, 0.1)]
    constant, weights = _odd_fit(rows)
    assert constant == pytest.approx(0.5, abs=1e-13)
    assert math.fsum(weights) == pytest.approx(1.0, abs=1e-13)


def test_halving_below_the_float_spacing_ends_the_one_sided_walk() -> None:
    # shiftscan seed 22, draw 386: sech((t - c) / w) at x near c = -2.78e10, where
    # ulp(x) is 3.8e-6. The one-sided walk's halved step rounded back to the last
    # one, and extrapolating to 0 through two equal steps divided by 0.
    c, w = -27782563052.014908, 0.00210228953277637
    x = -27782563052.013584

    def f(t: float) -> float:
        a = math.exp(-abs((t - c) / w))
        return 2.0 * a / (1.0 + a * a)

    u = (x - c) / w  # f'(x) = -sech(u) tanh(u) / w at the u the floats give
    exact = -math.tanh(u) / math.cosh(u) / w
    try:
        result = derivative(f, x, full_output=True)
    except (DomainError, NumericalError):
        return  # an honest refusal
    assert abs(result.value - exact) <= 2.0 * result.error, result
