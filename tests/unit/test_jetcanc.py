"""Plain jets whose sqrt, power, sin/cos, exp, tan recurrences cancel: watched, then refused.

Session 30 watched quotients (`calcweb.jet._watched_div`). A square root's recurrence
y_k = (a_k - sum y_i y_(k-i)) / (2 y_0) divides by its value too: ``sqrt(1 - cos(x))``
at 6.2e-4, n = 8 answered -7.06e16 for 1.71e-6, with no error raised. After such a
root (a pole of the coefficients), the recurrences of cos, exp, ... cancel as products
do: ``cos(sqrt(x))`` is entire in x, yet at 1.2e-7, n = 6 it answered -6.9e19 for
1.5e-6. Truths: mpmath.diff at 300 digits of the same f written without the cancellation.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pytest

import calcweb as cw
from calcweb.jet import Jet, watching_cancellation

# (f, x, n, the true n-th derivative); the plain call's answer before it was watched
LIES = [
    # a sum's value cancels, then sqrt divides by it (-7.06e16)
    pytest.param(
        lambda x: cw.sqrt(1 - cw.cos(x)), 0.0006208486805429916, 8, 1.7148683791093328e-6,
        id="sqrt(1 - cos x)",
    ),
    # nearly a square: sqrt's own terms cancel, no sum's value does (2.3e39)
    pytest.param(
        lambda x: cw.sqrt(x**4 + x**2), 4.535665335568218e-08, 8, -0.00064293056131677797,
        id="sqrt(x**4 + x**2)",
    ),
    # the same as a power's recurrence (-5817.6)
    pytest.param(
        lambda x: (x**4 + x**2) ** 0.5, 0.0018196163934024777, 7, 314.97653375899056,
        id="(x**4 + x**2)**0.5",
    ),
    # cos's recurrence after sqrt's branch point (-6.9e19)
    pytest.param(
        lambda x: cw.cos(cw.sqrt(x)), 1.2213890745686203e-07, 6, 1.5031264960653405e-6,
        id="cos(sqrt x)",
    ),
    # sin(x)**2 is a square: sqrt of it cancels (-1.7e9)
    pytest.param(
        lambda x: cw.sqrt(cw.sin(x) ** 2), 2.0199126847301578e-05, 6, -2.0199126845928021e-5,
        id="sqrt(sin(x)**2)",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("f", "x", "n", "truth"), LIES)
@pytest.mark.parametrize("method", ["ad", "auto"])
def test_a_recurrence_that_cancels_is_refused_by_a_plain_call(
    f: Callable[[Any], Any], x: float, n: int, truth: float, method: str
) -> None:
    with pytest.raises(cw.NumericalError, match="no correct digit: a quotient or square root"):
        cw.derivative(f, x, n, method=method)
    result = cw.derivative(f, x, n, method=method, full_output=True)
    assert abs(result.value - truth) <= 2.0 * result.error  # its error shows it


def test_the_hessians_diagonal_on_jets_is_watched_too() -> None:
    # d2/dp0^2 of sqrt(1 - cos p0) at 1e-4 is -1.7678e-5; the plain jets gave -5.48e-5.
    def f(p: Any) -> Any:
        return cw.sqrt(1 - cw.cos(p[0])) + p[1] ** 2

    with pytest.raises(cw.NumericalError, match="no correct digit"):
        cw.hessian(f, method="ad")([1e-4, 1.0])


def test_a_root_whose_coefficients_do_not_outgrow_its_value_records_nothing() -> None:
    # sqrt(1 + x**2) at 0.7: its terms are at most k y_0 / 2, on f's own scale, so
    # neither its tally nor the products and chains after it cost anything.
    with watching_cancellation() as watch:
        y = cw.sqrt(1 + Jet.variable(0.7, 6) ** 2) * cw.cos(Jet.variable(0.7, 6))
    assert watch.worst == 0.0
    fourth = cw.derivative(lambda x: cw.sqrt(1 + x**2), 0.7, 4)
    assert fourth == pytest.approx(0.71324797664499552, rel=1e-13)
    assert y.value == math.sqrt(1.49) * math.cos(0.7)


def test_a_root_near_its_branch_point_records_its_terms() -> None:
    # sqrt(x) at 1e-6: the coefficients grow (5e2, -1.25e8, ...), a pole for the
    # products after it, but the terms of a linear argument's root share one sign
    # (not tallied); sqrt(1 - cos(x)) at 1e-4: its order 2 cancels.
    with watching_cancellation() as watch:
        cw.sqrt(Jet.variable(1e-6, 4))
        _ = Jet.variable(1e-6, 4) ** 1.5  # as a power's (one term an order)
    assert watch.magnification == 1.0
    with watching_cancellation() as watch:
        cw.sqrt(1 - cw.cos(Jet.variable(1e-4, 4)))
    assert watch.magnification > 2.0**24


@pytest.mark.parametrize(
    ("f", "x"),
    [
        (lambda x: cw.tan(cw.atan(x)), 0.5),  # tan's chain after atan's quotient
        (lambda x: cw.sin(cw.asin(x)), 0.5),  # sin's after asin's
        (lambda x: cw.tanh(0.5 * cw.log((1 + x) / (1 - x))), 0.5),  # tanh's after log's
        (lambda x: cw.cosh(cw.sqrt(x)), 1e-4),  # cosh's after sqrt's branch point
    ],
)
def test_a_chain_after_a_pole_records_its_cancellation(f: Callable[[Any], Any], x: float) -> None:
    # Each f's higher coefficients cancel in its outer recurrence (tan(atan(x)) = x;
    # cosh(sqrt(x)) is entire in x, its terms 1e2 ** k times larger).
    with watching_cancellation() as watch:
        f(Jet.variable(x, 5))
    assert watch.magnification > 2.0**24


def test_a_whole_powers_squarings_are_tallied_after_a_pole() -> None:
    # sqrt(1 + x)**2 at 0 is 1 + x: its t**2 coefficient cancels in the squaring.
    x = Jet.variable(0.0, 3)
    with watching_cancellation() as watch:
        _ = (x + 2.0) ** -1.5  # a pole: products are tallied from here on
        cw.sqrt(1 + x) ** 2
    assert watch.magnification == math.inf
