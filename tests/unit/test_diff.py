"""Finite differences against exact oracles.

The oracle for each formula is its exact value on functions where it can be
written in closed form (x**2, x**3, exp), and the exact derivative for
smooth functions, within the error bound that theory gives.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

import calcweb
from calcweb import backward_difference, central_difference, forward_difference

Formula = Callable[..., float]
ALL_FORMULAS = [forward_difference, backward_difference, central_difference]
EPS = 2.0**-52


def rounding_bound(f: Formula, x: float, h: float) -> float:
    """What rounding f's values can add to a difference quotient: a few ulps of f over h."""
    return 4 * EPS * max(abs(f(x - h)), abs(f(x)), abs(f(x + h)), 1.0) / h


@pytest.mark.parametrize("x", [-3.0, -0.5, 0.0, 1.0, 7.25])
@pytest.mark.parametrize("h", [0.5, 1e-2, 1e-4])
def test_quotients_on_polynomials_equal_their_closed_forms(x: float, h: float) -> None:
    # (f(x+h) - f(x))/h of x**2 is 2x + h; backward gives 2x - h; the central
    # quotient of x**3 is 3x**2 + h**2 (its truncation error is exactly h**2).
    def square(t: float) -> float:
        return t * t

    def cube(t: float) -> float:
        return t**3

    assert forward_difference(square, x, h) == pytest.approx(
        2 * x + h, abs=rounding_bound(square, x, h)
    )
    assert backward_difference(square, x, h) == pytest.approx(
        2 * x - h, abs=rounding_bound(square, x, h)
    )
    assert central_difference(cube, x, h) == pytest.approx(
        3 * x * x + h * h, abs=rounding_bound(cube, x, h)
    )


def test_forward_difference_of_exp_is_expm1_over_h() -> None:
    for h in (1e-1, 1e-3, 1e-5):
        assert forward_difference(math.exp, 0.0, h) == pytest.approx(math.expm1(h) / h, rel=1e-10)


SMOOTH = [
    (math.sin, math.cos, 0.7),
    (math.exp, math.exp, -1.3),
    (math.log, lambda x: 1 / x, 2.5),
    (math.atan, lambda x: 1 / (1 + x * x), 10.0),
    (lambda x: x**5 - 2 * x, lambda x: 5 * x**4 - 2, 1e3),
    (math.tanh, lambda x: 1 - math.tanh(x) ** 2, 0.0),
]


@pytest.mark.parametrize(("f", "df", "x"), SMOOTH)
def test_default_steps_are_accurate(f: Formula, df: Formula, x: float) -> None:
    exact = df(x)
    scale = max(1.0, abs(exact))
    # With the default steps, theory gives ~1e-8 (one-sided) and ~1e-10
    # (central) relative accuracy for functions of moderate size.
    assert abs(central_difference(f, x) - exact) <= 1e-9 * scale
    assert abs(forward_difference(f, x) - exact) <= 2e-7 * scale
    assert abs(backward_difference(f, x) - exact) <= 2e-7 * scale


@pytest.mark.parametrize(("formula", "order"), [(forward_difference, 1), (central_difference, 2)])
def test_error_shrinks_with_the_order_of_the_formula(formula: Formula, order: int) -> None:
    x = 0.3
    errors = [abs(formula(math.sin, x, h) - math.cos(x)) for h in (1e-2, 5e-3)]
    assert errors[0] / errors[1] == pytest.approx(2**order, rel=0.02)


@given(
    coefficients=st.lists(st.floats(-10, 10), min_size=1, max_size=6),
    x=st.floats(-3, 3),
)
def test_central_difference_of_random_polynomials(coefficients: list[float], x: float) -> None:
    def p(t: float) -> float:
        return sum(c * t**k for k, c in enumerate(coefficients))

    exact = sum(k * c * x ** (k - 1) for k, c in enumerate(coefficients) if k)
    size = sum(abs(c) * max(1.0, abs(x)) ** k for k, c in enumerate(coefficients))
    assert abs(central_difference(p, x) - exact) <= 1e-8 * max(1.0, size)


@given(a=st.floats(-100, 100), b=st.floats(-100, 100), x=st.floats(-5, 5))
def test_central_difference_is_linear(a: float, b: float, x: float) -> None:
    combined = central_difference(lambda t: a * math.sin(t) + b * math.exp(t), x)
    separate = a * central_difference(math.sin, x) + b * central_difference(math.exp, x)
    assert combined == pytest.approx(separate, rel=1e-6, abs=1e-6)


@pytest.mark.parametrize("formula", ALL_FORMULAS)
@pytest.mark.parametrize("h", [0.0, -1e-3, -math.inf, math.nan, math.inf])
def test_a_step_that_is_not_positive_and_finite_is_refused(formula: Formula, h: float) -> None:
    with pytest.raises(calcweb.InvalidArgumentError, match="h must be") as info:
        formula(math.sin, 1.0, h)
    assert isinstance(info.value, ValueError)


def test_the_step_message_says_how_to_fix_it() -> None:
    with pytest.raises(calcweb.InvalidArgumentError, match=r"pass a positive step such as 1e-5"):
        central_difference(math.sin, 1.0, h=-0.1)


@pytest.mark.parametrize("formula", ALL_FORMULAS)
def test_a_function_that_is_not_callable_is_refused(formula: Formula) -> None:
    with pytest.raises(calcweb.ArgumentTypeError, match="f must be a function") as info:
        formula(3.0, 1.0)
    assert isinstance(info.value, TypeError)


# The messages name the argument as the reader wrote it: "x", in lower case.
@pytest.mark.parametrize("formula", ALL_FORMULAS)
@pytest.mark.parametrize("x", ["1.0", 1j, None, True])
def test_a_point_that_is_not_a_real_number_is_refused(formula: Formula, x: object) -> None:
    with pytest.raises(calcweb.ArgumentTypeError, match=r"^x must be a real number"):
        formula(math.sin, x)


@pytest.mark.parametrize("formula", ALL_FORMULAS)
@pytest.mark.parametrize("x", [math.nan, math.inf, -math.inf])
def test_a_point_that_is_not_finite_is_refused(formula: Formula, x: float) -> None:
    with pytest.raises(calcweb.InvalidArgumentError, match=r"^x must be a finite number"):
        formula(math.sin, x)


def test_a_function_returning_a_non_number_is_refused() -> None:
    with pytest.raises(calcweb.ArgumentTypeError, match="must return a real number"):
        central_difference(lambda x: "not a number", 1.0)


def test_a_function_returning_nan_is_reported() -> None:
    with pytest.raises(calcweb.NumericalError, match="not a finite number") as info:
        central_difference(lambda x: math.nan, 1.0)
    assert isinstance(info.value, ArithmeticError)


def test_a_point_at_the_edge_of_the_domain_is_a_domain_error() -> None:
    with pytest.raises(calcweb.DomainError, match="outside the domain") as info:
        central_difference(math.log, 0.0)
    assert isinstance(info.value.__cause__, ValueError)
    # One-sided to the right works where the central formula cannot.
    assert forward_difference(math.log, 1e-3, 1e-9) == pytest.approx(1e3, rel=1e-5)


@pytest.mark.parametrize(("x", "h"), [(1e308, 1e308), (1e20, 1e-10)])
def test_a_step_that_overflows_or_vanishes_says_so(x: float, h: float) -> None:
    with pytest.raises(calcweb.NumericalError, match="overflows or vanishes"):
        central_difference(math.sin, x, h)


def test_the_step_taken_is_exactly_representable() -> None:
    # 0.1 is not exact in binary and x + 0.1 rounds: (x + h) - x differs from
    # h. Dividing by the step really taken makes the quotient of f(t) = t exact.
    x = 1e6 + 0.3
    assert ((x + 0.1) - x) / 0.1 != 1.0
    for formula in ALL_FORMULAS:
        assert formula(lambda t: t, x, 0.1) == 1.0


def test_numpy_floats_are_accepted() -> None:
    numpy = pytest.importorskip("numpy", reason="numpy is an optional oracle (absent in Pyodide)")
    assert central_difference(numpy.sin, numpy.float64(0.5)) == pytest.approx(
        math.cos(0.5), rel=1e-9
    )


def test_a_difference_that_overflows_alone_still_gives_the_quotient() -> None:
    # f(x + h) - f(x - h) = 2e308 overflows, the quotient 1e308 does not.
    assert central_difference(lambda x: 1e308 * x, 0.0, 1.0) == 1e308
    assert forward_difference(lambda x: 1e308 * x, -1.0, 2.0) == 1e308


@pytest.mark.parametrize("formula", ALL_FORMULAS)
def test_a_quotient_beyond_the_float_range_is_a_numerical_error(
    formula: Callable[..., float],
) -> None:
    hint = "overflows a float; f changes by more than about 1e308 over the step: use a smaller h"
    with pytest.raises(calcweb.NumericalError, match=hint):
        formula(lambda x: x * 1e10 * 1e300, 0.0, 1e-20)  # a slope of 1e310
