"""f(x) by finite differences carries f's rounding as its error: taylor's c0, derivative's n = 0.

c0 = f(x0) differs from the smooth function f rounds by f's noise: the naive
softplus log(1 + exp(t)) at -30 is 9.348e-14 for 9.358e-14 (0.1 % off, as 1 + exp(t)
keeps 3 digits of exp(t)), and its error was 0. The walk for f'(x0) measures that
noise; the constant term's error is at least it, and at least f(x0)'s last digit.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from decimal import Decimal, localcontext

import pytest

import calcweb as cw


def _exact_softplus(t: float) -> float:
    with localcontext() as context:
        context.prec = 50
        return float((Decimal(t).exp() + 1).ln())


def _exact_exp_minus_one_minus(t: float) -> float:
    with localcontext() as context:
        context.prec = 50
        return float(Decimal(t).exp() - 1 - Decimal(t))


CASES: list[tuple[Callable[[float], float], float, Callable[[float], float]]] = [
    (lambda t: math.log(1.0 + math.exp(t)), -30.0, _exact_softplus),
    (lambda t: math.log(1.0 + math.exp(t)), -33.0, _exact_softplus),
    (lambda t: math.exp(t) - 1.0 - t, 1e-5, _exact_exp_minus_one_minus),
    (math.exp, 0.5, lambda t: float(Decimal(t).exp())),
]


@pytest.mark.parametrize("degree", [0, 1, 2, 4])
@pytest.mark.parametrize(
    ("f", "x0", "exact"), CASES, ids=["softplus-30", "softplus-33", "expm1-t", "exp"]
)
def test_the_constant_term_is_within_its_error_of_the_function_meant(
    f: Callable[[float], float], x0: float, exact: Callable[[float], float], degree: int
) -> None:
    p = cw.taylor(f, x0, degree)
    assert p.method == "richardson"
    assert p.coefficients[0] == f(x0)  # the value itself, as before
    assert abs(p.coefficients[0] - exact(x0)) <= p.errors[0]


def test_the_error_is_the_noise_not_a_blanket_margin() -> None:
    # exp's rounding is its last digit: the error stays that small.
    p = cw.taylor(math.exp, 0.5, 3)
    assert 0.0 < p.errors[0] <= 4 * 2.0**-52 * math.exp(0.5)
    # softplus at -30 is off by 0.1 %: its error is about a unit of 1 + exp(t).
    q = cw.taylor(lambda t: math.log(1.0 + math.exp(t)), -30.0, 2)
    assert 1e-17 < q.errors[0] < 1e-15


def test_degree_zero_at_a_kink_is_still_the_value() -> None:
    # No derivative at 0, but the constant term needs none.
    p = cw.taylor(lambda t: math.fabs(t) + 1.0, 0.0, 0)
    assert p.coefficients == (1.0,)
    assert p.errors[0] <= 4 * 2.0**-52
    with pytest.raises(cw.DomainError):
        cw.taylor(lambda t: math.fabs(t) + 1.0, 0.0, 1)


@pytest.mark.parametrize("method", ["richardson", "central", "forward", "backward"])
@pytest.mark.parametrize(
    ("f", "x0", "exact"), CASES, ids=["softplus-30", "softplus-33", "expm1-t", "exp"]
)
def test_order_zero_is_within_its_error_of_the_function_meant(
    f: Callable[[float], float], x0: float, exact: Callable[[float], float], method: str
) -> None:
    r = cw.derivative(f, x0, 0, method=method, full_output=True)
    assert r.value == f(x0)
    assert abs(r.value - exact(x0)) <= r.error


def test_order_zero_at_a_kink_is_still_the_value() -> None:
    r = cw.derivative(lambda t: math.fabs(t) + 1.0, 0.0, 0, full_output=True)
    assert (r.value, r.error) == (1.0, 2.0**-52)
