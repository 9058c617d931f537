"""Taylor polynomials."""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import calcweb
from calcweb import TaylorPolynomial, taylor


def test_attributes() -> None:
    p = taylor(calcweb.exp, 1.0, 4)
    assert isinstance(p, TaylorPolynomial)
    assert p.center == 1.0
    assert p.degree == 4
    assert p.function is calcweb.exp
    assert p.method == "ad"
    assert p.derivatives == pytest.approx([math.e] * 5, rel=1e-15)
    assert p.coefficients == pytest.approx([math.e / math.factorial(k) for k in range(5)])
    assert len(p.errors) == 5


def test_tan_coefficients_at_degree_60() -> None:
    p = taylor(calcweb.tan, 0.0, 60)
    assert p.degree == 60
    assert p.coefficients[7] == pytest.approx(17 / 315, rel=1e-15)
    # Far terms: c_k ~ 2 (2/pi)**(k+1) for odd k.
    assert p.coefficients[59] == pytest.approx(2 * (2 / math.pi) ** 60, rel=1e-12, abs=0.0)


@given(x0=st.floats(-1, 1), dx=st.floats(-0.1, 0.1))
@settings(max_examples=50)
def test_polynomial_matches_f_near_the_center(x0: float, dx: float) -> None:
    def f(x: Any) -> Any:
        return calcweb.sin(x) * calcweb.exp(x / 3)

    p = taylor(f, x0, 8)
    x = x0 + dx
    # The Lagrange remainder with a generous bound on the 9th derivative.
    assert abs(p(x) - math.sin(x) * math.exp(x / 3)) <= p.remainder_bound(x, M=4.0) + 1e-15


def test_remainder_bound() -> None:
    p = taylor(calcweb.exp, 0.0, 3)
    assert p.remainder_bound(0.5, 2.0) == pytest.approx(2.0 * 0.5**4 / 24)
    assert p.remainder_bound(0.0, 2.0) == 0.0
    assert taylor(calcweb.exp, 0.0, 150).remainder_bound(1e3, 1.0) > 0.0
    with pytest.raises(calcweb.InvalidArgumentError, match="M must be >= 0"):
        p.remainder_bound(0.5, -1.0)


def test_latex() -> None:
    assert (
        taylor(calcweb.cos, 0.0, 4)._repr_latex_() == "$T_{4}(x) = 1 - 0.5 x^{2} + 0.0416667 x^{4}$"
    )
    assert taylor(lambda x: 2 * x, 1.0, 2)._repr_latex_() == "$T_{2}(x) = 2 + 2 (x - 1)$"
    assert taylor(lambda x: 0 * x, -1.0, 1)._repr_latex_() == "$0$"


def test_functions_written_with_math_get_finite_differences() -> None:
    p = taylor(math.cos, 0.5, 4)
    assert p.method == "richardson"
    for k, (d, error) in enumerate(zip(p.derivatives, p.errors, strict=True)):
        exact = math.cos(0.5 + k * math.pi / 2)
        assert abs(d - exact) <= 10 * error + 1e-15
        assert d == pytest.approx(exact, rel=1e-5)
    with pytest.raises(calcweb.ArgumentTypeError, match="beyond degree 4"):
        taylor(math.cos, 0.5, 5)


def test_bad_arguments() -> None:
    with pytest.raises(calcweb.InvalidArgumentError, match="n must be"):
        taylor(calcweb.sin, 0.0, -1)
    with pytest.raises(calcweb.InvalidArgumentError, match="x0 must be a finite"):
        taylor(calcweb.sin, math.inf, 2)
    with pytest.raises(calcweb.DomainError):
        taylor(calcweb.sqrt, 0.0, 2)
    with pytest.raises(calcweb.ArgumentTypeError):
        taylor(lambda x: "x", 0.0, 2)


def test_coefficients_to_degree_30_match_mpmath() -> None:
    mpmath = pytest.importorskip("mpmath", reason="mpmath is the oracle (absent in Pyodide)")
    mpmath.mp.dps = 50
    expected = mpmath.taylor(lambda t: mpmath.exp(mpmath.sin(t)) / (2 + t), mpmath.mpf("0.5"), 30)
    p = taylor(lambda x: calcweb.exp(calcweb.sin(x)) / (2 + x), 0.5, 30)
    for k in range(31):
        assert p.coefficients[k] == pytest.approx(float(expected[k]), rel=1e-13, abs=0.0)


@given(x0=st.floats(allow_nan=True, allow_infinity=True), n=st.integers(0, 6))
def test_arbitrary_centers_give_finite_coefficients_or_calcweb_errors(x0: float, n: int) -> None:
    for f in (calcweb.log, calcweb.tan, calcweb.erf, math.sin):
        try:
            p = taylor(f, x0, n)
        except calcweb.CalcwebError:
            continue
        assert all(math.isfinite(c) for c in p.coefficients)
        assert math.isfinite(p(x0))


@given(
    x=st.floats(allow_nan=True, allow_infinity=True),
    m=st.floats(allow_nan=True, allow_infinity=True),
)
def test_evaluation_and_remainder_on_arbitrary_floats(x: float, m: float) -> None:
    p = taylor(calcweb.sin, 0.5, 7)
    for compute in (lambda: p(x), lambda: p.remainder_bound(x, m)):
        try:
            result = compute()
        except calcweb.CalcwebError:
            continue
        assert math.isfinite(result)


def test_taylor_bounds_its_rounding_only_when_the_errors_are_read() -> None:
    calls = []

    def f(x: object) -> object:
        calls.append(x)
        return calcweb.exp(x) - 1 - x

    p = calcweb.taylor(f, 1e-8, 4)
    assert len(calls) == 1  # the derivatives: one call on plain jets
    assert p.errors[0] > 1e-16  # cancellation inside f is in the bound
    assert len(calls) == 2
    assert p.errors == p.errors  # worked out once:
    assert len(calls) == 2
    assert all(type(e) is float for e in p.errors)
