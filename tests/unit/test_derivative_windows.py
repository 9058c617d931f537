"""Which windows of steps the Richardson walk settles on (issue 13's accuracy target).

High orders near complex poles: the quotients are asymptotic only between a
step whose stencil reaches the poles and one whose rounding (as ``h**-n``)
swamps them. Quartered steps (the search for a first or second derivative)
multiply an order-6 quotient's rounding by 4096 per row and can skip that
range; halved ones land in it (`calcweb._richardson._search_shrink`).

Exact values from closed forms in complex floats (their rounding is far below
the errors tested). Every answer must also be honest: the true error at most
twice the reported one.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import NamedTuple

import pytest
from closed_forms import tan_derivative

from calcweb._richardson import extrapolate

HONESTY = 2.0
LOG_X = 0.4971594911182683
TAN_X = -0.799221409062185


def _log_one_plus_square(x: float, n: int) -> float:
    """log(1 + x^2) = log(1 + ix) + log(1 - ix): 2 Re((n-1)! (-1)^(n-1) (i / (1 + ix))^n)."""
    term = (1j / (1 + 1j * x)) ** n
    return 2.0 * math.factorial(n - 1) * (-1) ** (n - 1) * term.real


def _runge(x: float, n: int) -> float:
    """1 / (1 + x^2) = Im(1 / (x - i)): (-1)^n n! Im((x - i)^-(n+1))."""
    return (-1) ** n * math.factorial(n) * ((x - 1j) ** -(n + 1)).imag


def test_the_closed_forms() -> None:
    assert _log_one_plus_square(LOG_X, 5) == pytest.approx(20.479285715185044, rel=1e-14)
    assert _runge(0.5, 6) == pytest.approx(327.942144, rel=1e-14)  # mpmath.diff, 40 digits
    assert tan_derivative(TAN_X, 6) == pytest.approx(-4421.015775855739, rel=1e-12)


class Case(NamedTuple):
    name: str
    f: Callable[[float], float]
    x: float
    n: int
    first: float  # the first step, as calcweb.derivative takes it
    exact: float
    accuracy: float  # the largest relative error allowed


# numdifftools' relative errors are 1.4e-6, 1.4e-6 and 7.9e-8 (the Benchmarks page);
# with quartered searching steps calcweb's were 4.3e-2, 3.2e-4 and 1.0e-5.
CASES = (
    Case(
        "log(1+x^2)",
        lambda t: math.log(1 + t * t),
        LOG_X,
        5,
        0.35,
        _log_one_plus_square(LOG_X, 5),
        1e-8,
    ),
    Case("tan", math.tan, TAN_X, 6, 0.4, tan_derivative(TAN_X, 6), 1e-6),
    Case("1/(1+x^2)", lambda t: 1 / (1 + math.pow(t, 2)), 0.5, 6, 0.4, _runge(0.5, 6), 2e-6),
)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_high_orders_near_complex_poles_find_their_asymptotic_range(case: Case) -> None:
    estimate = extrapolate(case.f, case.x, case.n, case.first, refine=True)
    true_error = abs(estimate.value - case.exact)
    assert true_error <= HONESTY * estimate.error
    assert true_error <= case.accuracy * abs(case.exact), (
        f"{estimate.value!r}, exact {case.exact!r}"
    )


def test_the_walk_itself_settles_in_the_asymptotic_range() -> None:
    """log(1 + x^2), n = 5, no refinement: 20.4792 +- 0.0018 (quartered: 21.35 +- 1.08)."""
    exact = _log_one_plus_square(LOG_X, 5)
    estimate = extrapolate(lambda t: math.log(1 + t * t), LOG_X, 5, 0.35)
    assert abs(estimate.value - exact) <= HONESTY * estimate.error
    assert estimate.error < 1e-3 * exact


def test_a_stencil_that_failed_on_one_side_is_evaluated_from_that_side_first() -> None:
    """log1p at -1 + 1e-8: the stencils fail on the left at 6 steps down to the edge.

    Evaluated from the right first, each failure cost two calls (31 in all);
    from the side that failed last, one (26), with the same estimate. 22 since
    the walk stops once its error is below the bound of `_lined_up`.
    """
    x = -0.99999999
    points: list[float] = []

    def f(t: float) -> float:
        points.append(t)
        return math.log1p(t)

    estimate = extrapolate(f, x, 1, 0.015, refine=True)
    exact = 1.0 / (1.0 + x)
    assert abs(estimate.value - exact) <= HONESTY * estimate.error
    # The bound of a t rounded in line over the window at 5.6e-11 to 8.9e-10 (2e-6
    # relative: `_richardson._lined_up`; log1p(a t) with a = 1 - 1e-8 was 1430x).
    assert estimate.error < 2.5e-6 * exact
    assert estimate.nfev == len(points) == 22
    # Only the first failing stencil computed its right point: it could not know.
    undefined = [t for t in points if t <= -1.0]
    right_of_failures = [t for t in points if 2.0 * x - t in undefined]
    assert len(undefined) == 6
    assert right_of_failures == [x + 0.015]


def test_a_second_derivative_at_the_edge_of_its_domain_fails_once_per_central_step() -> None:
    """sqrt(x)**2 exp(x) at 0, n = 2: every central stencil fails on the left (33 -> 25 calls)."""

    def f(t: float) -> float:
        return math.sqrt(t) ** 2 * math.exp(t)

    estimate = extrapolate(f, 0.0, 2, 0.2, refine=True)
    assert estimate.kind == "forward"
    assert abs(estimate.value - 2.0) <= HONESTY * estimate.error
    assert estimate.nfev == 25
