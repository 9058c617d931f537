"""taylor and TaylorPolynomial on inputs the textbook tests leave out, found by mutation testing.

The messages name the argument that was wrong; a polynomial built by hand
reaches degrees above 170, where k! no longer fits a float; the LaTeX form
has its corner cases (negative centre, unit and zero coefficients, numbers
that are not finite); plot() passes its arguments on; a function that refuses
jets is called on one jet only, then on floats.
"""

from __future__ import annotations

import math
import re
from fractions import Fraction
from typing import Any

import pytest

import calcweb
from calcweb import TaylorPolynomial, taylor
from calcweb._taylor import _as_float, _latex_number
from calcweb.jet import MAX_DEGREE


def polynomial(derivatives: list[float], center: float = 0.0) -> TaylorPolynomial:
    return TaylorPolynomial(calcweb.exp, center, derivatives, [0.0] * len(derivatives), "ad")


# ------------------------------------------------------------ the constructor's checks


def test_the_constructor_names_the_argument_that_is_wrong() -> None:
    with pytest.raises(calcweb.ArgumentTypeError, match=r"^function must be a function"):
        TaylorPolynomial(3.0, 0.0, [1.0], [0.0], "ad")  # type: ignore[arg-type]
    with pytest.raises(calcweb.InvalidArgumentError, match=r"^center must be a finite number"):
        TaylorPolynomial(calcweb.exp, math.nan, [1.0], [0.0], "ad")
    with pytest.raises(calcweb.ArgumentTypeError, match=r"^derivatives must be a sequence"):
        TaylorPolynomial(calcweb.exp, 0.0, 1.0, [0.0], "ad")  # type: ignore[arg-type]
    with pytest.raises(calcweb.ArgumentTypeError, match=r"^errors must be a sequence"):
        TaylorPolynomial(calcweb.exp, 0.0, [1.0], 0.0, "ad")  # type: ignore[arg-type]
    with pytest.raises(
        calcweb.InvalidArgumentError,
        match=re.escape("errors must hold one estimate >= 0 per derivative (2), but got [0.0]"),
    ):
        TaylorPolynomial(calcweb.exp, 0.0, [1.0, 1.0], [0.0], "ad")
    with pytest.raises(
        calcweb.ArgumentTypeError, match=re.escape("method must be a str such as 'ad', but got 1")
    ):
        TaylorPolynomial(calcweb.exp, 0.0, [1.0], [0.0], 1)  # type: ignore[arg-type]


def test_the_degree_limit_is_the_jets() -> None:
    assert MAX_DEGREE == 1000
    assert polynomial([1.0] * (MAX_DEGREE + 1)).degree == MAX_DEGREE
    with pytest.raises(
        calcweb.InvalidArgumentError,
        match=re.escape(
            f"a TaylorPolynomial has degree at most {MAX_DEGREE}, but got "
            f"{MAX_DEGREE + 2} derivatives; pass fewer"
        ),
    ):
        polynomial([1.0] * (MAX_DEGREE + 2))


def test_coefficients_beyond_degree_170_where_k_factorial_overflows() -> None:
    d = 3e300  # d / k! stays a normal float up to k = 230
    coefficients = polynomial([d] * 231).coefficients
    for k, c in enumerate(coefficients):
        exact = Fraction(d) / math.factorial(k)
        # Up to 170 one division by k! rounded to a float (two roundings), then one
        # rounding per division by 1, 2, ..., k.
        roundings = 2 if k <= 170 else k
        assert abs(Fraction(c) - exact) <= roundings * Fraction(2.0**-53) * exact, k


# ------------------------------------------------------------ evaluation and the remainder


def test_evaluation_names_x_and_the_polynomial() -> None:
    p = taylor(calcweb.exp, 0.0, 3)
    with pytest.raises(calcweb.ArgumentTypeError, match=r"^x must be a real number"):
        p("0.5")  # type: ignore[arg-type]
    with pytest.raises(
        calcweb.NumericalError,
        match=re.escape("the Taylor polynomial(1e+200) is not a finite float"),
    ):
        p(1e200)


def test_remainder_bound_away_from_zero() -> None:
    p = taylor(calcweb.exp, 1.0, 3)  # |x - x0| = 0.5, not |x + x0| = 2.5
    assert p.remainder_bound(1.5, 2.0) == 2.0 * 0.5**4 / 24
    assert p.remainder_bound(0.5, 2.0) == 2.0 * 0.5**4 / 24


def test_remainder_bound_takes_any_bound_from_zero_up() -> None:
    p = taylor(calcweb.exp, 0.0, 3)
    assert p.remainder_bound(0.5, 0.0) == 0.0  # M = 0: f^(4) = 0, no error
    assert p.remainder_bound(0.5, 0.5) == 0.5 * 0.5**4 / 24
    with pytest.raises(calcweb.InvalidArgumentError, match=re.escape("but got -1e-300")):
        p.remainder_bound(0.5, -1e-300)


def test_remainder_bound_names_its_arguments() -> None:
    p = taylor(calcweb.exp, 0.0, 3)
    with pytest.raises(calcweb.ArgumentTypeError, match=r"^x must be a real number"):
        p.remainder_bound("1", 1.0)  # type: ignore[arg-type]
    with pytest.raises(calcweb.ArgumentTypeError, match=r"^M must be a real number"):
        p.remainder_bound(1.0, "1")  # type: ignore[arg-type]
    with pytest.raises(
        calcweb.NumericalError,
        match=re.escape("remainder_bound(1e+300, 1e+300) is not a finite float"),
    ):
        p.remainder_bound(1e300, 1e300)


# ------------------------------------------------------------ LaTeX


def test_latex_of_a_negative_centre() -> None:
    p = taylor(lambda x: 2 * x, -1.0, 1)
    assert p._repr_latex_() == "$T_{1}(x) = -2 + 2 (x + 1)$"
    assert taylor(lambda x: x * x, -0.5, 2)._repr_latex_() == (
        "$T_{2}(x) = 0.25 - (x + 0.5) + (x + 0.5)^{2}$"
    )


def test_latex_of_unit_coefficients_drops_the_one() -> None:
    assert taylor(lambda x: x**3 - x, 0.0, 3)._repr_latex_() == "$T_{3}(x) = -x + x^{3}$"
    assert taylor(lambda x: 1 + x, 0.0, 1)._repr_latex_() == "$T_{1}(x) = 1 + x$"


def test_latex_of_degree_zero_keeps_a_zero_constant() -> None:
    assert taylor(lambda x: 0 * x, 1.0, 0)._repr_latex_() == "$T_{0}(x) = 0$"
    assert taylor(lambda x: 0 * x, 1.0, 1)._repr_latex_() == "$0$"
    assert taylor(lambda x: -3.0 + 0 * x, 1.0, 0)._repr_latex_() == "$T_{0}(x) = -3$"


def test_latex_of_numbers_that_are_not_finite_or_not_numbers() -> None:
    assert _latex_number(math.inf) == r"\infty"
    assert _latex_number(-math.inf) == r"-\infty"
    assert _latex_number(math.nan) == r"\mathrm{NaN}"
    assert _latex_number(1e-05) == r"1 \cdot 10^{-5}"
    assert _latex_number(-2.5e20) == r"-2.5 \cdot 10^{20}"
    assert _latex_number(123456.0) == "123456"
    assert _latex_number(1234567.0) == r"1.23457 \cdot 10^{6}"
    big = 10**400  # an int beyond the float range, set by hand on a polynomial
    assert _as_float(big) == math.inf
    assert _as_float(-big) == -math.inf
    assert _as_float(Fraction(-big, 3)) == -math.inf
    assert math.isnan(_as_float("1"))
    assert _as_float(2) == 2.0


def test_latex_of_coefficients_set_by_hand() -> None:
    p = polynomial([1.0, 1.0, 1.0])
    p.coefficients = (10**400, -(10**400), math.nan)
    assert p._repr_latex_() == r"$T_{2}(x) = \infty - \infty x + \mathrm{NaN} x^{2}$"


# ------------------------------------------------------------ repr and plot


def test_repr_shows_the_errors_of_finite_differences_only() -> None:
    p = taylor(calcweb.exp, 0.0, 1)
    assert repr(p) == (
        "TaylorPolynomial(center=0.0, degree=1, coefficients=(1.0, 1.0), method='ad')"
    )
    q = TaylorPolynomial(math.exp, 0.0, [1.0, 1.0], [1e-12, 2e-10], "richardson")
    assert repr(q) == (
        "TaylorPolynomial(center=0.0, degree=1, coefficients=(1.0, 1.0), "
        "method='richardson', errors=(1e-12, 2e-10))"
    )


def test_plot_passes_its_arguments_on() -> None:
    p = taylor(calcweb.sin, 0.0, 5)
    fig = p.plot(xlim=(-1.0, 2.0), degrees=[1, 3], title="Sine")
    assert fig.title == "Sine"
    assert [mark.label for mark in fig.marks] == [
        "f = sin",
        "degree 1",
        "degree 3",
        "centre x0 = 0",
    ]
    assert fig.marks[0].domain == (-1.0, 2.0)  # type: ignore[attr-defined]
    default = p.plot()
    assert default.title == "Taylor polynomials of sin at x0 = 0"
    assert [mark.label for mark in default.marks] == [
        "f = sin",
        "degree 1",
        "degree 3",
        "degree 5",
        "centre x0 = 0",
    ]
    assert default.marks[0].domain == (-3.0, 3.0)  # type: ignore[attr-defined]
    svg = p._repr_svg_()
    assert svg.startswith("<svg")
    assert "Taylor polynomials of sin at x0 = 0" in svg


# ------------------------------------------------------------ taylor()


def test_taylor_messages_say_how_to_fix_them() -> None:
    with pytest.raises(calcweb.ArgumentTypeError) as caught:
        taylor(math.cos, 0.5, 5)
    assert str(caught.value).endswith(
        "too inaccurate beyond degree 4; f is math.cos, which does not take calcweb.Jets: "
        "pass calcweb.cos in its place, or ask for a lower degree"
    )
    with pytest.raises(calcweb.ArgumentTypeError) as caught:
        taylor(lambda x: math.cos(x) + 0.0, 0.5, 5)  # f's own code calls math.cos
    assert str(caught.value).endswith(
        "too inaccurate beyond degree 4; write f with calcweb's functions (calcweb.sin, "
        "calcweb.exp, ...) instead of math's, or ask for a lower degree"
    )
    low = calcweb.Jet.variable(0.0, 1)
    with pytest.raises(calcweb.ArgumentTypeError) as caught:
        taylor(lambda x: x + low, 0.0, 3)
    assert str(caught.value) == (
        "f returned a jet of degree 1, not 3: it combined its argument with a calcweb.Jet "
        "of lower degree; build f from its argument and numbers only"
    )
    with pytest.raises(calcweb.ArgumentTypeError, match=r"^f returned str 'x'"):
        taylor(lambda x: "x", 0.0, 2)
    with pytest.raises(calcweb.NumericalError, match=r"^the value f returned = an int of about"):
        taylor(lambda x: 10**400, 0.0, 2)


def test_a_constant_function_has_derivatives_zero_up_to_the_degree() -> None:
    p = taylor(lambda x: 3.0, 2.0, 4)
    assert p.degree == 4
    assert p.derivatives == (3.0, 0.0, 0.0, 0.0, 0.0)
    assert len(p.errors) == 5
    assert p.errors[1:] == (0.0,) * 4


def test_finite_differences_of_each_degree_with_one_jet_call_only() -> None:
    jets = []

    def f(x: Any) -> float:
        if not isinstance(x, float):
            jets.append(x)
        return math.cos(x)  # refuses a jet with a TypeError

    for n in range(5):
        jets.clear()
        p = taylor(f, 0.5, n)
        assert (p.degree, len(p.derivatives), len(p.errors)) == (n, n + 1, n + 1)
        assert len(jets) == 1  # then finite differences, on floats only
        assert p.method == "richardson"
        for k, d in enumerate(p.derivatives):
            assert d == pytest.approx(math.cos(0.5 + k * math.pi / 2), rel=1e-5, abs=1e-8)
