"""Taylor-mode arithmetic against closed forms and sympy's series."""

from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import calcweb
from calcweb import Jet

EPS = 2.0**-52


def close(actual: tuple[float, ...], expected: list[float], rel: float = 1e-13) -> None:
    scale = max(1.0, *map(abs, expected))
    for k, (a, e) in enumerate(zip(actual, expected, strict=True)):
        assert abs(a - e) <= rel * max(abs(e), scale * EPS), (k, a, e)


def test_exp_and_log_at_zero_have_textbook_coefficients() -> None:
    x = Jet.variable(0.0, 20)
    close(calcweb.exp(x).coefficients, [1 / math.factorial(k) for k in range(21)])
    close(
        calcweb.log1p(x).coefficients,
        [0.0] + [(-1) ** (k + 1) / k for k in range(1, 21)],
    )
    close(calcweb.log(1.0 + x).coefficients, calcweb.log1p(x).coefficients)


def test_geometric_series_to_degree_80() -> None:
    x = Jet.variable(0.0, 80)
    assert (1 / (1 - x)).coefficients == (1.0,) * 81


def test_tan_coefficient_7_is_17_over_315() -> None:
    c = calcweb.tan(Jet.variable(0.0, 7)).coefficients[7]
    assert c == pytest.approx(17 / 315, rel=1e-15)
    assert Fraction(c).limit_denominator(10_000) == Fraction(17, 315)


def test_sin_cos_and_the_pythagorean_identity_to_degree_60() -> None:
    x = Jet.variable(0.7, 60)
    one = calcweb.sin(x) ** 2 + calcweb.cos(x) ** 2
    assert one.coefficients[0] == pytest.approx(1.0, rel=1e-15)
    assert max(map(abs, one.coefficients[1:])) < 1e-15
    derivatives = calcweb.sin(x).derivatives()
    for k in (0, 1, 2, 3, 17, 60):
        assert derivatives[k] == pytest.approx(math.sin(0.7 + k * math.pi / 2), abs=1e-12)


def test_polynomials_are_exact() -> None:
    x = Jet.variable(2.0, 5)
    p = 3 * x**3 - x**2 / 2 + 7
    assert p.coefficients == (29.0, 34.0, 17.5, 3.0, 0.0, 0.0)
    assert (x**2).coefficients == (x * x).coefficients


@pytest.mark.parametrize(
    ("f", "derivative"),
    [
        (calcweb.sinh, math.cosh),
        (calcweb.cosh, math.sinh),
        (calcweb.tanh, lambda t: 1 - math.tanh(t) ** 2),
        (calcweb.atan, lambda t: 1 / (1 + t * t)),
        (calcweb.asin, lambda t: 1 / math.sqrt(1 - t * t)),
        (calcweb.acos, lambda t: -1 / math.sqrt(1 - t * t)),
        (calcweb.erf, lambda t: 2 / math.sqrt(math.pi) * math.exp(-t * t)),
        (calcweb.sigmoid, lambda t: math.exp(-t) / (1 + math.exp(-t)) ** 2),
        (calcweb.softplus, lambda t: 1 / (1 + math.exp(-t))),
        (calcweb.sqrt, lambda t: 0.5 / math.sqrt(t)),
        (calcweb.log, lambda t: 1 / t),
        (lambda t: t**2.5, lambda t: 2.5 * t**1.5),
        (lambda t: t**-3, lambda t: -3 * t**-4),
        (lambda t: 2.0**t, lambda t: math.log(2) * 2.0**t),
        (lambda t: t**t, lambda t: t**t * (math.log(t) + 1)),
    ],
)
def test_first_derivatives_match_closed_forms(
    f: Callable[[Any], Any], derivative: Callable[[float], float]
) -> None:
    for x0 in (0.3, 0.5, 0.9):
        assert f(Jet.variable(x0, 1)).coefficients[1] == pytest.approx(derivative(x0), rel=1e-14)


SYMPY_AT_ZERO = [
    "tan",
    "erf",
    "asin",
    "acos",
    "atan",
    "exp",
    "log1p",
    "sin",
    "tanh",
    "sinh",
    "cosh",
]


@pytest.mark.parametrize("name", SYMPY_AT_ZERO)
def test_maclaurin_coefficients_to_degree_30_match_sympy(name: str) -> None:
    sympy = pytest.importorskip("sympy", reason="sympy is the oracle (absent in Pyodide)")
    t = sympy.Symbol("t")
    expr = sympy.log(1 + t) if name == "log1p" else getattr(sympy, name)(t)
    series = sympy.series(expr, t, 0, 31).removeO()
    expected = [float(expr.subs(t, 0))] + [float(series.coeff(t, k)) for k in range(1, 31)]
    close(getattr(calcweb, name)(Jet.variable(0.0, 30)).coefficients, expected)


MPMATH_CASES = [
    ("tan", 0.4),
    ("exp", 1.5),
    ("log", 2.0),
    ("sqrt", 3.0),
    ("atan", 0.5),
    ("asin", 0.3),
    ("acos", -0.2),
    ("erf", 0.7),
    ("sigmoid", 0.25),
    ("softplus", -1.0),
    ("tanh", 0.3),
    ("sinh", -0.8),
    ("cosh", 1.1),
    ("log1p", 0.2),
    ("sin", 2.0),
    ("cos", -1.0),
]


@pytest.mark.parametrize(("name", "x0"), MPMATH_CASES)
def test_coefficients_to_degree_30_match_mpmath(name: str, x0: float) -> None:
    mpmath = pytest.importorskip("mpmath", reason="mpmath is the oracle (absent in Pyodide)")
    mp = mpmath.mp.clone() if hasattr(mpmath.mp, "clone") else mpmath.mp
    mp.dps = 50
    oracles = {
        "sigmoid": lambda t: 1 / (1 + mp.exp(-t)),
        "softplus": lambda t: mp.log(1 + mp.exp(t)),
    }
    oracle = oracles.get(name) or getattr(mp, name)
    expected = [float(c) for c in mp.taylor(oracle, mp.mpf(x0), 30)]
    close(getattr(calcweb, name)(Jet.variable(x0, 30)).coefficients, expected)


def test_sigmoid_derivatives_stay_accurate_far_in_the_tails() -> None:
    for x0 in (-40.0, 40.0, 700.0):
        c = calcweb.sigmoid(Jet.variable(x0, 2)).coefficients
        e = math.exp(-abs(x0))
        assert c[1] == pytest.approx(e / (1 + e) ** 2, rel=1e-14, abs=0.0)
    assert calcweb.softplus(Jet.variable(800.0, 1)).coefficients == (800.0, 1.0)


def test_relu_and_abs_follow_torch_at_zero() -> None:
    zero = Jet.variable(0.0, 3)
    assert calcweb.relu(zero).coefficients == (0.0, 0.0, 0.0, 0.0)
    assert calcweb.abs(zero).coefficients == (0.0, 0.0, 0.0, 0.0)
    assert abs(Jet.variable(-2.0, 1)).coefficients == (2.0, -1.0)
    assert calcweb.relu(Jet.variable(3.0, 1)).coefficients == (3.0, 1.0)
    assert calcweb.relu(Jet.variable(-3.0, 1)).coefficients == (0.0, 0.0)


def test_math_functions_refuse_jets() -> None:
    with pytest.raises(TypeError):
        math.sin(Jet.variable(0.0, 2))  # type: ignore[arg-type]
    assert not hasattr(Jet, "__float__")


def test_mixed_degrees_truncate_and_numbers_are_constants() -> None:
    a, b = Jet([1.0, 2.0, 3.0]), Jet([1.0, 1.0])
    assert (a + b).coefficients == (2.0, 3.0)
    assert (2 - a).coefficients == (1.0, -2.0, -3.0)
    assert (a / 2).coefficients == (0.5, 1.0, 1.5)
    assert (1 / Jet.variable(2.0, 2)).coefficients == (0.5, -0.25, 0.125)


def test_comparisons_look_at_the_value() -> None:
    x = Jet.variable(2.0, 3)
    assert x > 1
    assert x >= 2.0
    assert x < 3
    assert x <= Jet([2.0])
    assert x == 2.0
    assert x != 1
    assert (x if x > 0 else -x).coefficients == x.coefficients


@pytest.mark.parametrize(
    ("f", "x0"),
    [
        (calcweb.log, 0.0),
        (calcweb.log, -1.0),
        (calcweb.sqrt, 0.0),
        (calcweb.sqrt, -1.0),
        (calcweb.asin, 1.0),
        (calcweb.acos, -1.0),
        (calcweb.asin, 2.0),
        (calcweb.log1p, -1.0),
        (lambda t: 1 / t, 0.0),
        (lambda t: t**0.5, 0.0),
        (lambda t: t**-1, 0.0),
        (lambda t: (-2.0) ** t, 1.0),
        (lambda t: t**t, -1.0),
    ],
)
def test_points_outside_the_domain_are_domain_errors(f: Callable[[Any], Any], x0: float) -> None:
    with pytest.raises(calcweb.DomainError):
        f(Jet.variable(x0, 2))


def test_overflow_is_a_numerical_error() -> None:
    with pytest.raises(calcweb.NumericalError):
        calcweb.exp(Jet.variable(1000.0, 2))
    with pytest.raises(calcweb.NumericalError):
        Jet.variable(1e-300, 5).log().derivative(5)


def test_bad_construction_is_refused() -> None:
    with pytest.raises(calcweb.InvalidArgumentError, match="at least one"):
        Jet([])
    with pytest.raises(calcweb.InvalidArgumentError, match="finite"):
        Jet([1.0, math.nan])
    with pytest.raises(calcweb.ArgumentTypeError):
        Jet("12")
    with pytest.raises(calcweb.InvalidArgumentError, match="degree"):
        Jet.variable(0.0, -1)
    with pytest.raises(calcweb.InvalidArgumentError, match="k must be"):
        Jet.variable(0.0, 2).derivative(3)
    with pytest.raises(TypeError):
        Jet.variable(0.0, 1) + "a"  # type: ignore[operator]


@given(a=st.floats(-3, 3), b=st.floats(-3, 3), x0=st.floats(-2, 2))
def test_product_and_chain_rules(a: float, b: float, x0: float) -> None:
    x = Jet.variable(x0, 2)
    f, g = calcweb.sin(a * x), calcweb.exp(b * x)
    product = (f * g).coefficients[1]
    assert product == pytest.approx(
        f.coefficients[1] * g.coefficients[0] + f.coefficients[0] * g.coefficients[1],
        rel=1e-12,
        abs=1e-12,
    )
    chained = calcweb.sin(calcweb.exp(b * x)).coefficients[1]
    assert chained == pytest.approx(
        math.cos(math.exp(b * x0)) * b * math.exp(b * x0), rel=1e-12, abs=1e-12
    )


UNARY = [name for name in calcweb.functions.__all__ if name != "pow"]


def attempt(compute: Callable[[], Any]) -> Any:
    """The result of compute(), or None if it raised a CalcwebError."""
    try:
        return compute()
    except calcweb.CalcwebError:
        return None


@given(
    x0=st.floats(allow_nan=True, allow_infinity=True),
    degree=st.integers(0, 6),
    p=st.floats(allow_nan=True, allow_infinity=True),
)
def test_arbitrary_points_give_finite_jets_or_calcweb_errors(
    x0: float, degree: int, p: float
) -> None:
    x = attempt(lambda: Jet.variable(x0, degree))
    if x is None:
        assert not math.isfinite(x0)
        return
    results = []
    for name in UNARY:
        jet = attempt(lambda name=name: getattr(calcweb, name)(x))
        if jet is not None:
            assert jet.value == pytest.approx(getattr(calcweb, name)(x0), rel=1e-15, abs=0.0)
            results.append(jet)
    operations = (lambda: x**p, lambda: p**x, lambda: x / p, lambda: p / x, lambda: x * p)
    results.extend(attempt(operation) for operation in operations)
    for jet in (j for j in results if j is not None):
        assert jet.degree == degree
        # Huge points may overflow high coefficients: reading them must raise
        # NumericalError, never return inf or NaN.
        for k in range(degree + 1):
            value = attempt(lambda k=k, jet=jet: jet.derivative(k))
            assert value is None or math.isfinite(value)


def test_numpy_scalars_and_arrays_combine_with_jets() -> None:
    numpy = pytest.importorskip("numpy", reason="numpy is optional (absent in Pyodide)")
    x = Jet.variable(numpy.float64(1.5), 2)
    y = numpy.float64(2.0) * x + x * numpy.float64(3.0) - numpy.float64(1.0)
    assert isinstance(y, Jet)
    assert y.coefficients == (6.5, 5.0, 0.0)
    weights = numpy.array([2.0, -1.0])
    total = sum(w * v for w, v in zip(weights, [x, x * x], strict=True))
    assert total.coefficients == (3.0 - 2.25, 2.0 - 3.0, -1.0)
