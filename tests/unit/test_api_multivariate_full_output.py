"""API: grad, jacobian, hessian and directional_derivative with full_output=True.

Without it they return plain floats, so an entry with no correct digit is
invisible: ``hessian(lambda p: p[0]**2 + math.exp(p[1]))([1e10, -5])`` is
[[2, -1], [-1, 0]] for the true [[2, 0], [0, exp(-5) = 0.0067]]. The second
derivatives along e1 and e0 + e1 are 0 +- 1.1e7 and 0 +- 6.9e5 (f is about
1e20, exp(p[1]) is lost in its rounding), and polarisation turns them into
the -1. With full_output each entry carries an error that must be honest
(true error <= 2x reported), through polarisation and the lines' scaling;
the plain outputs are the same numbers (or, for grad, a refusal where an entry
has no correct digit), and ``nfev`` counts every call of f.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import mpmath
import pytest

import calcweb as cw
from calcweb import multivariate
from calcweb._derivative import DerivativeResult


class Counted:
    """f with a count of its calls."""

    def __init__(self, f: Callable[[Any], Any]) -> None:
        self.f, self.calls = f, 0

    def __call__(self, p: Any) -> Any:
        self.calls += 1
        return self.f(p)


def honest(value: float, error: float, exact: Any) -> bool:
    return abs(mpmath.mpf(value) - exact) <= 2 * error


# ------------------------------------------------------------------ the Hessian


def far(p: list[float]) -> float:
    return p[0] ** 2 + math.exp(p[1])


def test_the_no_digit_hessian_shows_its_errors() -> None:
    x = [1e10, -5.0]
    plain = cw.hessian(far)(x)
    assert plain == [[2.0, -1.0], [-1.0, 0.0]]  # as before
    r = cw.hessian(far, full_output=True)(x)
    assert isinstance(r, cw.ArrayResult)
    assert r.value == plain
    exact = [[2, 0], [0, mpmath.exp(-5)]]
    for i in range(2):
        for j in range(2):
            assert honest(r.value[i][j], r.error[i][j], exact[i][j]), (i, j)
    # The -1: half the sum of the three errors (0.5 (6.9e5 + 1.1e7 + 9e-16)); without
    # the polarisation's error it would be the rounding of the subtraction alone.
    assert r.error[0][1] == r.error[1][0] > 5e6
    assert r.error[0][0] < 1e-14
    assert r.method == "mixed"  # jets along e0 (exp(p[1]) a float there), Richardson else


def test_polarisation_counts_the_rounding_of_its_subtractions() -> None:
    # 1 - 1e-17 rounds to 1: H_01 = 0.5 is 5e-18 from 0.5 (1 - 1e-17 - 0), with exact
    # second derivatives (error 0): only the rounding term covers it.
    mixed, ii, jj = (DerivativeResult(v, 0.0, 1, "ad", None) for v in (1.0, 1e-17, 0.0))
    entry = multivariate._polarised_result(mixed, ii, jj, (0, 1))
    exact = Fraction(1, 2) * (Fraction(1.0) - Fraction(1e-17) - Fraction(0.0))
    assert entry.value == 0.5
    assert abs(Fraction(entry.value) - exact) <= 2 * Fraction(entry.error)
    assert entry.error < 1e-15


def test_a_scaling_into_the_subnormals_counts_its_rounding() -> None:
    # 3 * 2**-1075 is 1.5 ulps of the smallest subnormal: it rounds to 2 * 2**-1074.
    on_line = DerivativeResult(3.0, 0.0, 1, "ad", None)
    scaled = multivariate._in_units_of_x(on_line, -1075, 1)
    exact = Fraction(3, 2**1075)
    assert abs(Fraction(scaled.value) - exact) <= 2 * Fraction(scaled.error)
    assert scaled.error == math.ulp(0.0)
    # exact scalings add nothing
    assert multivariate._in_units_of_x(on_line, -3, 1).error == 0.0


# ------------------------------------------------------------------ jets: derivative's bounds


def test_ad_entries_carry_the_jets_rounding_bounds() -> None:
    # exp(x) - 1 - x at 1e-8 cancels: its derivatives exp(x) - 1 are 1e-8 with errors
    # of eps, not of eps * 1e-8 (the rule of thumb of plain jets would claim 3.6e-23).
    def f(p: Any) -> Any:
        return cw.exp(p[0]) - 1 - p[0]

    def vector_f(p: Any) -> list[Any]:
        return [f(p)]

    exact = mpmath.expm1(mpmath.mpf(1e-8))
    g = cw.grad(f, full_output=True)([1e-8])
    jac = cw.jacobian(vector_f, full_output=True)([1e-8])
    assert (g.method, jac.method) == ("ad", "ad")
    assert honest(g.value[0], g.error[0], exact)
    assert honest(jac.value[0][0], jac.error[0][0], exact)
    assert jac.error[0][0] > 1e-17

    def g2(p: Any) -> Any:  # second derivative exp(x) - 1
        return cw.exp(p[0]) - 1 - p[0] - p[0] ** 2 / 2

    hess = cw.hessian(g2, full_output=True)([1e-8])
    assert hess.method == "ad"
    assert honest(hess.value[0][0], hess.error[0][0], exact)
    assert hess.error[0][0] > 1e-17


# ------------------------------------------------------------------ a small scan


def sum_of(a: list[float]) -> Callable[[Any], Any]:
    return lambda p: sum(ai * pi for ai, pi in zip(a, p, strict=True))


SCAN = [
    # (name, g on floats or jets, g on mpmath numbers, a, x)
    ("sin", math.sin, mpmath.sin, [1.25, -0.75], [3.0e6, 1.5]),
    ("sin", cw.sin, mpmath.sin, [1.25, -0.75], [3.0e6, 1.5]),
    ("cos", math.cos, mpmath.cos, [0.5, 2.0, -1.0], [1.0e9, -2.0e8, 0.25]),
    ("exp", math.exp, mpmath.exp, [1e-12, 0.5], [-2.0e12, 1.0]),
    ("exp", cw.exp, mpmath.exp, [1e-12, 0.5], [-2.0e12, 1.0]),
    ("atan", math.atan, mpmath.atan, [1e-10, 1.0], [3.0e10, -2.0]),
    ("log", math.log, mpmath.log, [1.0, 1.0], [1e13, 7.0]),
    ("log", cw.log, mpmath.log, [1.0, 1.0], [1e13, 7.0]),
]


def exact_partials(g_mp: Any, a: list[float], x: list[float], order: int) -> list[Any]:
    """Every partial derivative of g(a . p) of the order at x, by mpmath at 40 digits."""
    d = len(x)
    with mpmath.workdps(40):

        def f_mp(*p: Any) -> Any:
            return g_mp(mpmath.fsum(mpmath.mpf(ai) * pi for ai, pi in zip(a, p, strict=True)))

        point = [mpmath.mpf(xi) for xi in x]
        if order == 1:
            return [mpmath.diff(f_mp, point, [k == i for k in range(d)]) for i in range(d)]
        return [
            [mpmath.diff(f_mp, point, [(k == i) + (k == j) for k in range(d)]) for j in range(d)]
            for i in range(d)
        ]


@pytest.mark.parametrize(("name", "g", "g_mp", "a", "x"), SCAN)
def test_every_entry_is_honest_or_refused(
    name: str, g: Callable[[Any], Any], g_mp: Any, a: list[float], x: list[float]
) -> None:
    inner = sum_of(a)

    def f(p: Any) -> Any:
        return g(inner(p))

    grad_exact, hessian_exact = (exact_partials(g_mp, a, x, n) for n in (1, 2))
    ulp = 4 * math.ulp(1.0)  # of the exact entries (none above 4 here)
    try:
        plain_grad: list[list[float]] | None = [cw.grad(f)(x)]
    except cw.NumericalError:  # an entry with no correct digit (checked below)
        plain_grad = None
        with pytest.raises(cw.NumericalError, match="no correct digit"):
            cw.grad(f)(x)
    for compute, exact, plain in (
        (cw.grad(f, full_output=True), [grad_exact], plain_grad),
        (cw.hessian(f, full_output=True), hessian_exact, cw.hessian(f)(x)),
    ):
        try:
            r = compute(x)
        except cw.CalcwebError:
            continue
        rows = r.value if isinstance(r.value[0], list) else [r.value]
        errors = r.error if isinstance(r.error[0], list) else [r.error]
        for row, row_errors, row_exact in zip(rows, errors, exact, strict=True):
            for value, error, true in zip(row, row_errors, row_exact, strict=True):
                assert abs(mpmath.mpf(value) - true) <= 2 * error + ulp, (name, value, error, true)
        if plain is None:  # refused plainly: some entry's error exceeds its value
            assert any(e > abs(v) for v, e in zip(rows[0], errors[0], strict=True))
        elif r.method == "richardson":  # the same numbers as without full_output
            assert rows == plain


# ------------------------------------------------------------------ nfev, method, the flag


def math_f(p: Any) -> Any:
    return math.sin(p[0] * p[1]) + p[1] ** 3


def jet_f(p: Any) -> Any:
    return cw.sin(p[0] * p[1]) + p[1] ** 3


@pytest.mark.parametrize("f", [math_f, jet_f])
@pytest.mark.parametrize("kwargs", [{}, {"method": "central"}, {"h": 1e-3}])
def test_nfev_counts_every_call_of_f(f: Callable[[Any], Any], kwargs: dict[str, Any]) -> None:
    x = [0.5, 1.25]
    for make in (cw.grad, cw.hessian):
        counted = Counted(f)
        r = make(counted, full_output=True, **kwargs)(x)
        assert r.nfev == counted.calls, make
        counted_plain = Counted(f)
        assert make(counted_plain, **kwargs)(x) == r.value or f is jet_f  # jets: bounded ones
    counted = Counted(lambda p: [f(p), p[0] - p[1]])
    jac = cw.jacobian(counted, full_output=True, **kwargs)(x)
    assert jac.nfev == counted.calls  # the call at x that counts the outputs too
    counted = Counted(f)
    d = cw.directional_derivative(counted, x, [1.0, -2.0], full_output=True, **kwargs)
    assert isinstance(d, cw.DerivativeResult)
    assert d.nfev == counted.calls


def test_the_method_says_how_the_entries_were_found() -> None:
    x = [0.5, 1.25]
    assert cw.grad(jet_f, full_output=True)(x).method == "ad"
    assert cw.grad(math_f, full_output=True)(x).method == "richardson"
    mixed = cw.grad(lambda p: math.sin(p[0]) + p[1] ** 3, full_output=True)(x)
    assert mixed.method == "mixed"  # along e1, p[0] is a float: jets
    assert cw.hessian(math_f, method="richardson", full_output=True)(x).method == "richardson"
    assert cw.jacobian(lambda p: [p[0] * p[1]], full_output=True)(x).method == "ad"


def test_the_directional_derivative_is_honest() -> None:
    x, v = [0.5, 1.25], [1.0, -2.0]
    exact = mpmath.cos(mpmath.mpf(0.625)) * (1.25 - 2 * 0.5) - 2 * 3 * mpmath.mpf(1.25) ** 2
    for f in (math_f, jet_f):
        r = cw.directional_derivative(f, x, v, full_output=True)
        assert honest(r.value, r.error, exact)


@pytest.mark.parametrize("flag", [1, "yes", None])
def test_full_output_is_true_or_false(flag: object) -> None:
    with pytest.raises(cw.ArgumentTypeError, match="full_output must be True or False"):
        cw.grad(jet_f, full_output=flag)  # type: ignore[arg-type]
    with pytest.raises(cw.ArgumentTypeError, match="full_output must be True or False"):
        cw.hessian(jet_f, full_output=flag)  # type: ignore[arg-type]
    with pytest.raises(cw.ArgumentTypeError, match="full_output must be True or False"):
        cw.jacobian(jet_f, full_output=flag)  # type: ignore[arg-type]
    with pytest.raises(cw.ArgumentTypeError, match="full_output must be True or False"):
        cw.directional_derivative(jet_f, [1.0], [1.0], full_output=flag)  # type: ignore[arg-type]


def test_an_error_that_overflows_is_refused() -> None:
    # Three errors of 1.5e308: their half-sum is beyond the floats, so no error can be stated.
    big = [DerivativeResult(1.0, 1.5e308, 1, "richardson", None) for _ in range(3)]
    with pytest.raises(cw.NumericalError, match=r"the error of the Hessian entry \(0, 1\)"):
        multivariate._polarised_result(*big, (0, 1))
    with pytest.raises(cw.NumericalError, match="the error of the derivative is"):
        multivariate._in_units_of_x(DerivativeResult(1.0, 1e300, 1, "ad", None), 100, 1)


def test_an_array_result_checks_its_count_and_method() -> None:
    with pytest.raises(cw.ArgumentTypeError, match="nfev must be an int >= 0"):
        cw.ArrayResult([1.0], [0.0], -1, "ad")
    with pytest.raises(cw.ArgumentTypeError, match="method must be a str"):
        cw.ArrayResult([1.0], [0.0], 1, None)  # type: ignore[arg-type]
