"""DERHI: derivatives of order 3 and more at a small jump of ``f^(n)``.

f written with `math` ("auto" is Richardson). Where ``f^(n)`` jumps at ``x``
(``k max(t - c, 0)**n``), the central quotients of order ``n`` are the mean
of the two sides at every step, the forward ones the right side: the kink
check compares the forward (backward) quotients, extrapolated over the
window's steps and one below (`_richardson._over_the_window`), with the
estimate. The sides are closed forms (``k n!`` apart). Of OUTSIDER10's draws
``k max(t - c, 0)**p + sin(a t)``, p in 2..4, 17 of 400 lied (seeds 0-399)
and 19 held out (5000-5399); with p in 5..6 (orders 4 to 6), 66 (seeds
0-399) and 62 (7000-7399). Now 4 and 7, 15 and 16: none at a jump of f^(n) for n = 2
to 4, one for n = 5 or 6 in each 400; the rest beside it (the steps cross it)
or at a kink of f^(n) (p = n + 1).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from calcweb import DomainError, NumericalError, derivative, hessian

Function = Callable[[float], float]


def _honest_or_refused(f: Function, x: float, n: int, *sides: float) -> None:
    """Within twice the error of each one-sided value, or refused."""
    try:
        result = derivative(f, x, n, full_output=True)
    except (NumericalError, DomainError):
        return
    for side in sides:
        assert abs(result.value - side) <= 2.0 * result.error, (result, sides)


def _cubic(t: float) -> float:
    """f''' jumps by 6 k = 0.008 at c (kscan seed 86), against f''' near 17.35."""
    return 0.0013308678827927737 * max(t - 1.1661037438458637, 0.0) ** 3 + math.sin(
        2.5943549273846895 * t
    )


def _side(a: float, x: float, n: int) -> float:
    """The n-th derivative of sin(a t) at x."""
    return a**n * math.sin(a * x + n * math.pi / 2.0)


def test_a_small_jump_of_the_third_derivative_is_not_averaged() -> None:
    # Was 17.347789270413152 +- 2.5e-10, the mean of the sides.
    left = _side(2.5943549273846895, 1.1661037438458637, 3)
    _honest_or_refused(_cubic, 1.1661037438458637, 3, left, left + 6.0 * 0.0013308678827927737)


def test_a_small_jump_of_the_fourth_derivative_is_not_averaged() -> None:
    # kscan seed 88: was -52.119226807877396 +- 2.6e-9 for the sides -52.188 and -52.050.
    k, c, a = 0.005728570725903548, -0.41004449207416993, 2.756098299938828
    left = _side(a, c, 4)
    _honest_or_refused(
        lambda t: k * max(t - c, 0.0) ** 4 + math.sin(a * t), c, 4, left, left + 24.0 * k
    )


@pytest.mark.parametrize(
    ("k", "c", "g", "smooth"),
    [
        # was 17.789140201551614 +- 1.4e-5 for the sides 17.189 and 18.389
        (0.01, 0.5, lambda t: math.sin(3.0 * t), 243.0 * math.cos(1.5)),
        # was -0.23552021386444577 +- 3.9e-7 for the sides -0.2955 and -0.1755
        (1e-3, 0.3, math.cos, -math.sin(0.3)),
    ],
)
def test_a_jump_of_the_fifth_derivative_is_not_averaged(
    k: float, c: float, g: Function, smooth: float
) -> None:
    _honest_or_refused(lambda t: k * max(t - c, 0.0) ** 5 + g(t), c, 5, smooth, smooth + 120.0 * k)


@pytest.mark.parametrize(
    ("f", "x", "n", "exact"),
    [
        # One level of the check agreed with its neighbours by chance: 0.156926 +- 2.6e-5.
        (math.tanh, 0.009799391586315456, 4, 0.15674761193211115),
        # Its tableau over the window alone (no entry on a step below) was refused.
        (lambda t: math.exp(math.sin(t)), 0.0018656425177002694, 4, -3.014930300358159),
        # A step below agreed within 4.5e-4, half of it rounding (bench.honesty higher).
        (lambda t: math.log1p(t * t), -0.6330886147982975, 4, 3.877514324849395),
        (math.sin, 0.5, 3, -math.cos(0.5)),
        (math.exp, 1.0, 6, math.e),
    ],
)
def test_smooth_high_derivatives_are_still_answered(
    f: Function, x: float, n: int, exact: float
) -> None:
    result = derivative(f, x, n, full_output=True)
    assert abs(result.value - exact) <= 2.0 * result.error, result


def test_a_hessian_at_large_coordinates_does_not_divide_by_zero() -> None:
    # hessscan seed 1: the check's steps below the window rounded back to the smallest at
    # ulp(1.4e13) = 0.002, and the tableau divided by 0 (ZeroDivisionError).
    def f(p: list[float]) -> float:
        return math.log(abs(p[0] * p[1] / 1e9))

    result = hessian(f, full_output=True)([-13918504537629.787, 0.6592448515467497])
    exact = -1.0 / 13918504537629.787**2  # d2/dp0**2 of log|p0|
    assert abs(result.value[0][0] - exact) <= 2.0 * result.error[0][0], result
