"""derivative() against closed forms, between methods, and against numdifftools/scipy."""

from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import pytest
from complex_confirmation import confirmation, richardson_calls
from hypothesis import given, settings
from hypothesis import strategies as st

import calcweb
from calcweb import DerivativeResult, derivative
from calcweb._richardson import _weights

FD_METHODS = ["richardson", "central", "forward", "backward"]
ALL_METHODS = ["auto", "ad", "richardson", "central", "forward", "backward", "complex"]


def test_ad_is_exact_for_higher_derivatives() -> None:
    assert derivative(calcweb.tan, 0.0, 7) == pytest.approx(272.0, rel=1e-14)  # 17/315 * 7!
    assert derivative(calcweb.exp, 1.0, 30) == pytest.approx(math.e, rel=1e-14)
    assert derivative(lambda x: x**5, 2.0, 5) == 120.0
    assert derivative(lambda x: x**5, 2.0, 6) == 0.0
    assert derivative(calcweb.sin, 0.3, 0) == math.sin(0.3)
    assert derivative(lambda x: 3.0, 1.0) == 0.0  # a constant function ignores the jet


def test_full_output() -> None:
    r = derivative(calcweb.log, 2.0, 2, full_output=True)
    assert isinstance(r, DerivativeResult)
    assert (r.value, r.nfev, r.method, r.step) == (-0.25, 1, "ad", None)
    assert 0 < r.error < 1e-14
    r = derivative(math.log, 2.0, full_output=True)
    assert r.method == "richardson"
    assert r.nfev > 2
    assert r.step is not None


def test_auto_falls_back_to_richardson_for_math_functions() -> None:
    r = derivative(math.atan, 2.0, full_output=True)
    assert r.method == "richardson"
    assert r.value == pytest.approx(1 / 5, rel=1e-12)


def test_ad_refuses_functions_written_with_math() -> None:
    with pytest.raises(calcweb.ArgumentTypeError, match=r"pass calcweb\.sin in its place"):
        derivative(math.sin, 0.0, method="ad")  # a builtin: calcweb's version is named
    with pytest.raises(calcweb.ArgumentTypeError, match="calcweb's functions"):
        derivative(lambda x: math.sin(x) + 0.0, 0.0, method="ad")  # f's own code


SMOOTH: list[tuple[Callable[[float], float], Callable[[float], float], float]] = [
    (math.sin, math.cos, 1.0),
    (math.exp, math.exp, -2.0),
    (math.log, lambda x: 1 / x, 0.05),
    (math.atan, lambda x: 1 / (1 + x * x), 10.0),
    (lambda x: math.sin(20 * x), lambda x: 20 * math.cos(20 * x), 0.3),
    (math.sqrt, lambda x: 0.5 / math.sqrt(x), 100.0),
    (lambda x: x**-2, lambda x: -2 * x**-3, 1e3),
    (math.tanh, lambda x: 1 - math.tanh(x) ** 2, 0.5),
    (lambda x: math.exp(-x * x), lambda x: -2 * x * math.exp(-x * x), 1.5),
]


# numdifftools and scipy step outside the domain of log near 0: not a fair case for them.
ORACLE_CASES = [case for case in SMOOTH if case[2] != 0.05]


@pytest.mark.parametrize(("f", "df", "x"), SMOOTH)
def test_richardson_is_accurate_and_its_error_estimate_is_honest(
    f: Callable[[float], float], df: Callable[[float], float], x: float
) -> None:
    r = derivative(f, x, method="richardson", full_output=True)
    error = abs(r.value - df(x))
    assert error <= 1e-10 * abs(df(x))
    assert error <= 10 * r.error  # never under-reports by more than 10x


def test_the_refinement_brings_smooth_first_derivatives_to_rounding_level() -> None:
    # The walk alone (steps halving from 0.015) gave a median of 1.8e-14 here;
    # the wide stencil on the scale of f, 2.9e-15. mpmath is the oracle.
    mpmath = pytest.importorskip("mpmath", reason="mpmath is the oracle")
    mpmath.mp.dps = 40
    cases = [
        (math.sin, mpmath.sin, 1.0),
        (math.exp, mpmath.exp, -2.0),
        (math.log, mpmath.log, 4.0),
        (math.atan, mpmath.atan, 10.0),
        (math.tanh, mpmath.tanh, 0.5),
        (math.sqrt, mpmath.sqrt, 100.0),
        (math.erf, mpmath.erf, 0.4),
        (lambda x: math.sin(20 * x), lambda x: mpmath.sin(20 * x), 0.3),
        (lambda x: math.exp(-x * x), lambda x: mpmath.exp(-x * x), 1.5),
        (lambda x: x**-2, lambda x: x**-2, 1e3),
    ]
    errors = []
    for f, oracle, x in cases:
        r = derivative(f, x, method="richardson", full_output=True)
        true_error = abs(r.value - mpmath.diff(oracle, mpmath.mpf(x)))
        assert true_error <= 2 * r.error
        # numdifftools' 31 evaluations; 24 to 26 before session 26's one-sided walk, 31 to 36
        assert r.nfev <= 36
        errors.append(float(true_error / abs(mpmath.diff(oracle, mpmath.mpf(x)))))
    assert sorted(errors)[len(errors) // 2] <= 6e-15, errors


@pytest.mark.parametrize(
    ("f", "x", "exact"),
    [
        (lambda x: (1e8 + math.sin(x)) - 1e8, 1.0, math.cos(1.0)),  # noise 1e-8 in f
        (lambda x: 1 - math.cos(x), 1e-7, math.sin(1e-7)),
        (math.cos, 1e-8, -math.sin(1e-8)),
    ],
)
def test_a_noisy_f_is_refined_on_its_own_scale(
    f: Callable[[float], float], x: float, exact: float
) -> None:
    # Rounding inside f: the measured noise spreads the wide stencil over the
    # scale of sin (the walk alone: 2e-6, 9e-8 and 1.4e-6 relative).
    r = derivative(f, x, method="richardson", full_output=True)
    assert abs(r.value - exact) <= 2 * r.error
    assert abs(r.value - exact) <= 3e-8 * abs(exact)


def test_a_given_step_is_never_exceeded() -> None:
    # Only the default step lets the refinement take wider steps: a reader's
    # h may keep f away from something it should not see.
    points: list[float] = []

    def f(t: float) -> float:
        points.append(t)
        return math.exp(t)

    for n in (1, 2, 3):
        points.clear()
        r = derivative(f, 1.0, n, method="richardson", h=1e-2, full_output=True)
        assert max(abs(t - 1.0) for t in points) <= 1e-2 * n * (1 + 1e-12)
        assert abs(r.value - math.e) <= 2 * r.error


@pytest.mark.parametrize("center", [1.03, 1.1, 1.3])
@pytest.mark.parametrize("amplitude", [1e-13, 1e-9, 1e-4])
def test_a_feature_only_the_wide_stencil_sees_keeps_the_error_honest(
    center: float, amplitude: float
) -> None:
    # A narrow bump or a jump beyond the walk's steps (at most 0.015 from x)
    # but inside the wide stencil's: the refined value moves, its error too.
    mpmath = pytest.importorskip("mpmath", reason="mpmath is the oracle")
    mpmath.mp.dps = 30

    def bump(x: float) -> float:
        return math.sin(x) + amplitude * math.exp(-(((x - center) / 0.01) ** 2))

    def exact_bump(x: Any) -> Any:
        return mpmath.sin(x) + amplitude * mpmath.exp(-(((x - center) / 0.01) ** 2))

    r = derivative(bump, 1.0, full_output=True)
    assert abs(r.value - mpmath.diff(exact_bump, mpmath.mpf(1))) <= 2 * r.error
    r = derivative(lambda x: math.sin(x) + amplitude * (x > center), 1.0, full_output=True)
    assert abs(r.value - math.cos(1.0)) <= 2 * r.error


@pytest.mark.parametrize("n", [1, 2, 3, 6])
@pytest.mark.parametrize(
    "nodes", [[-2.0, -1.0, 0.0, 1.0, 2.0], [-3.0, -1.5, -0.25, 0.5, 1.0, 2.75, 4.0, 6.0]]
)
def test_stencil_weights_differentiate_polynomials_exactly(n: int, nodes: list[float]) -> None:
    # The oracle: the weights must give the n-th derivative at 0 of every
    # monomial t**k of degree below the number of nodes, k! if k == n else 0.
    if n >= len(nodes):
        return
    weights = _weights(n, nodes)
    for k in range(len(nodes)):
        total = sum(Fraction(w) * Fraction(t) ** k for w, t in zip(weights, nodes, strict=True))
        assert float(total) == pytest.approx(math.factorial(n) if k == n else 0.0, abs=1e-9)


@pytest.mark.parametrize(
    ("n", "exact"), [(2, -math.sin(1.0)), (3, -math.cos(1.0)), (4, math.sin(1.0))]
)
def test_richardson_higher_derivatives(n: int, exact: float) -> None:
    r = derivative(math.sin, 1.0, n, method="richardson", full_output=True)
    assert abs(r.value - exact) <= 10 * r.error
    assert r.value == pytest.approx(exact, rel=10.0 ** (-12 + 2 * n))


@pytest.mark.parametrize("method", ["central", "forward", "backward"])
def test_first_order_quotients_equal_calcweb_diff(method: str) -> None:
    formula = getattr(calcweb, f"{method}_difference")
    for h in (None, 1e-3):
        assert derivative(math.exp, 0.7, method=method, h=h) == formula(math.exp, 0.7, h)


@pytest.mark.parametrize("method", ["central", "forward", "backward"])
def test_quotients_of_any_order_and_their_error_estimate(method: str) -> None:
    for n in (2, 3):
        r = derivative(math.exp, 0.5, n, method=method, full_output=True)
        assert abs(r.value - math.exp(0.5)) <= 10 * r.error
        assert r.value == pytest.approx(math.exp(0.5), rel=1e-3)


def test_central_second_difference_of_a_cubic_is_exact() -> None:
    # (f(x+h) - 2f(x) + f(x-h)) / h**2 of x**3 is 6x exactly.
    assert derivative(lambda x: x**3, 2.0, 2, method="central", h=0.5) == 12.0


def test_complex_step() -> None:
    r = derivative(calcweb.exp, 1.0, method="complex", full_output=True)
    assert r.value == pytest.approx(math.e, rel=1e-15)
    # f(x + ih) at h, h/e, h/e**2 and beside x; f at 5 real points, where two central
    # differences agree with the value; and Richardson's calls, which confirm it finer.
    assert r.nfev == 10 + richardson_calls(calcweb.exp, 1.0)
    assert r.error == pytest.approx(confirmation(calcweb.exp, 1.0, r.value), rel=0.05, abs=0)
    with pytest.raises(calcweb.ArgumentTypeError, match="complex"):
        derivative(math.exp, 1.0, method="complex")
    with pytest.raises(calcweb.InvalidArgumentError, match="first derivatives only"):
        derivative(calcweb.exp, 1.0, 2, method="complex")


@given(x=st.floats(-3, 3), a=st.floats(-5, 5), b=st.floats(-5, 5))
@settings(max_examples=50)
def test_methods_agree_and_are_linear(x: float, a: float, b: float) -> None:
    def f(t: Any) -> Any:
        return a * calcweb.sin(t) + b * calcweb.exp(t / 2)

    exact = a * math.cos(x) + b * math.exp(x / 2) / 2
    scale = abs(a) + abs(b) + 1
    assert derivative(f, x) == pytest.approx(exact, abs=1e-14 * scale)
    assert derivative(f, x, method="complex") == pytest.approx(exact, abs=1e-14 * scale)
    assert derivative(f, x, method="richardson") == pytest.approx(exact, abs=1e-10 * scale)
    assert derivative(f, x, method="central") == pytest.approx(exact, abs=1e-8 * scale)


@given(x=st.floats(-2, 2))
@settings(max_examples=30)
def test_product_and_chain_rule(x: float) -> None:
    product = derivative(lambda t: calcweb.sin(t) * calcweb.exp(t), x)
    assert product == pytest.approx(
        math.cos(x) * math.exp(x) + math.sin(x) * math.exp(x), rel=1e-13, abs=1e-13
    )
    chained = derivative(lambda t: calcweb.tanh(calcweb.sin(t)), x)
    assert chained == pytest.approx((1 - math.tanh(math.sin(x)) ** 2) * math.cos(x), rel=1e-13)


@pytest.mark.parametrize(("n", "point"), [(1, 0.5), (2, 1.3), (5, -0.4), (12, 0.2)])
def test_ad_matches_sympy(n: int, point: float) -> None:
    sympy = pytest.importorskip("sympy", reason="sympy is the oracle (absent in Pyodide)")
    t = sympy.Symbol("t")
    expr = sympy.exp(sympy.sin(t)) / (1 + t**2)
    exact = float(sympy.diff(expr, t, n).subs(t, sympy.Rational(point)))
    value = derivative(lambda x: calcweb.exp(calcweb.sin(x)) / (1 + x**2), point, n)
    assert value == pytest.approx(exact, rel=1e-13)


@pytest.mark.parametrize(("f", "df", "x"), ORACLE_CASES)
def test_richardson_is_at_least_as_accurate_as_numdifftools(
    f: Callable[[float], float], df: Callable[[float], float], x: float
) -> None:
    nd = pytest.importorskip(
        "numdifftools", reason="numdifftools is the oracle (absent in Pyodide)"
    )
    theirs = abs(float(nd.Derivative(f)(x)) - df(x))
    ours = abs(derivative(f, x, method="richardson") - df(x))
    assert ours <= max(10 * theirs, 1e-13 * abs(df(x)))


@pytest.mark.parametrize(("f", "df", "x"), ORACLE_CASES)
def test_richardson_is_at_least_as_accurate_as_scipy(
    f: Callable[[float], float], df: Callable[[float], float], x: float
) -> None:
    numpy = pytest.importorskip("numpy", reason="numpy is needed by the scipy oracle")
    differentiate = pytest.importorskip(
        "scipy.differentiate", reason="scipy is the oracle (absent in Pyodide)"
    )
    result = differentiate.derivative(numpy.vectorize(f), x)
    theirs = abs(float(result.df) - df(x))
    ours = abs(derivative(f, x, method="richardson") - df(x))
    assert ours <= max(10 * theirs, 1e-13 * abs(df(x)))


@pytest.mark.parametrize("n", [-1, 171, 10**400])
def test_orders_out_of_range_are_refused(n: int) -> None:
    with pytest.raises(calcweb.InvalidArgumentError, match="n must be between 0 and 170"):
        derivative(math.sin, 0.0, n)


@pytest.mark.parametrize("n", [1.5, 2.0, True, "2", None])
def test_orders_that_are_not_ints_are_refused(n: object) -> None:
    with pytest.raises(calcweb.ArgumentTypeError, match="n must be a whole number"):
        derivative(math.sin, 0.0, n)  # type: ignore[arg-type]


@pytest.mark.parametrize("method", ["exact", "", None, "Richardson"])
def test_bad_methods_are_refused(method: object) -> None:
    with pytest.raises(calcweb.InvalidArgumentError, match="method must be one of"):
        derivative(math.sin, 0.0, method=method)  # type: ignore[arg-type]


@pytest.mark.parametrize("h", [0.0, -1e-3, math.nan, math.inf])
def test_bad_steps_are_refused(h: float) -> None:
    with pytest.raises(calcweb.InvalidArgumentError, match="h must be"):
        derivative(math.sin, 0.0, method="central", h=h)


def test_functions_returning_non_numbers_are_refused() -> None:
    with pytest.raises(calcweb.ArgumentTypeError, match="must return"):
        derivative(lambda x: "x", 1.0)
    with pytest.raises(calcweb.ArgumentTypeError, match="must return"):
        derivative(lambda x: [x], 1.0, method="ad")
    with pytest.raises(calcweb.NumericalError):
        derivative(lambda x: math.nan, 1.0)
    with pytest.raises(calcweb.ArgumentTypeError, match="f must be a function"):
        derivative(3.0, 1.0)  # type: ignore[arg-type]


def test_points_outside_the_domain() -> None:
    with pytest.raises(calcweb.DomainError):
        derivative(calcweb.log, -1.0)
    with pytest.raises(calcweb.DomainError):
        derivative(calcweb.sqrt, 0.0)
    with pytest.raises(calcweb.DomainError):
        derivative(math.log, 0.0, method="central")
    # Richardson shrinks its first step to stay inside the domain.
    assert derivative(math.log, 1e-3, method="richardson") == pytest.approx(1e3, rel=1e-9)


@given(
    x=st.floats(allow_nan=True, allow_infinity=True),
    n=st.integers(0, 4),
    method=st.sampled_from(ALL_METHODS),
)
@settings(max_examples=200)
def test_arbitrary_points_give_a_finite_result_or_a_calcweb_error(
    x: float, n: int, method: str
) -> None:
    for f in (calcweb.sin, calcweb.log, calcweb.sigmoid, lambda t: calcweb.exp(t) * t):
        try:
            result = derivative(f, x, n, method=method)
        except calcweb.CalcwebError:
            continue
        assert math.isfinite(result)


@given(h=st.floats(allow_nan=True, allow_infinity=True), method=st.sampled_from(FD_METHODS))
def test_arbitrary_steps_give_a_finite_result_or_a_calcweb_error(h: float, method: str) -> None:
    try:
        result = derivative(math.sin, 0.5, method=method, h=h)
    except calcweb.CalcwebError:
        return
    assert math.isfinite(result)


# Each once gave a wrong value with a tiny error estimate, or raised (issue 13).
HARD_FIRST_DERIVATIVES: list[tuple[str, Callable[[float], float], float, float, int]] = [
    ("sin at 1e4 (first step spans periods)", math.sin, 1e4, math.cos(1e4), 1),
    ("sin at 1e3", math.sin, 1e3, math.cos(1e3), 1),
    ("tan near its pole", math.tan, 1.56, 1 / math.cos(1.56) ** 2, 1),
    (
        "1/sin x, stencil would reach the pole",
        lambda x: 1 / math.sin(x),
        0.1,
        (1 + math.cos(0.1) ** 2) / math.sin(0.1) ** 3,
        2,
    ),
    ("sqrt by its branch point", math.sqrt, 1e-7, 0.5 / math.sqrt(1e-7), 1),
    ("log by 0", math.log, 1e-5, 1e5, 1),
    ("acos by 1", math.acos, 0.999, -1 / math.sqrt(1 - 0.999**2), 1),
]


@pytest.mark.parametrize(("name", "f", "x", "exact", "n"), HARD_FIRST_DERIVATIVES)
def test_richardson_is_right_or_honest_where_steps_are_hard(
    name: str, f: Callable[[float], float], x: float, exact: float, n: int
) -> None:
    r = derivative(f, x, n, full_output=True)
    assert abs(r.value - exact) <= 2 * r.error, name
    assert r.value == pytest.approx(exact, rel=1e-7), name


def test_a_stencil_at_the_edge_of_the_domain_turns_one_sided() -> None:
    def f(x: float) -> float:  # smooth, but defined for x >= 0 only
        return math.sqrt(x) ** 2 * math.exp(x)

    for x in (0.0, 1e-300, 1e-9):
        r = derivative(f, x, full_output=True)
        assert abs(r.value - (1 + x) * math.exp(x)) <= 2 * r.error
        assert r.value == pytest.approx((1 + x) * math.exp(x), rel=1e-8)
    r = derivative(f, 0.0, 2, full_output=True)
    assert abs(r.value - 2.0) <= 2 * r.error


def test_no_stencil_fits_names_the_points() -> None:
    def only_at_one(x: float) -> float:
        if x != 1.0:
            raise ValueError("undefined")
        return 1.0

    with pytest.raises(calcweb.DomainError, match="no difference stencil"):
        derivative(only_at_one, 1.0, method="richardson")


def test_quotients_that_never_settle_are_refused() -> None:
    def wiggly(x: float) -> float:  # x**2 sin(1/x): f'(0) = 0, but no expansion in h
        return x * x * math.sin(1 / x) if x else 0.0

    with pytest.raises(calcweb.NumericalError, match="never settled"):
        derivative(wiggly, 0.0, method="richardson")


@pytest.mark.parametrize(
    ("f", "x"), [(abs, 0.0), (lambda x: max(x, 0.0), 0.0), (lambda x: abs(x - 1e6), 1e6)]
)
def test_a_kink_is_refused_not_averaged(f: Callable[[float], float], x: float) -> None:
    with pytest.raises(calcweb.DomainError, match="as they do at a kink or a jump at x"):
        derivative(f, x, method="richardson")


@pytest.mark.parametrize("f", [abs, lambda z: z * z.conjugate(), lambda z: complex(z.real**2, 0.0)])
def test_complex_step_refuses_functions_that_are_not_analytic(f: Callable[[Any], Any]) -> None:
    with pytest.raises(calcweb.ArgumentTypeError, match="not analytic"):
        derivative(f, 1.5, method="complex")


@pytest.mark.parametrize("h", [1e-4, 1e-3, 0.1])
def test_complex_step_with_a_large_h_counts_its_truncation(h: float) -> None:
    cmath = pytest.importorskip("cmath")
    r = derivative(cmath.sin, 1.0, method="complex", h=h, full_output=True)
    true_error = abs(r.value - math.cos(1.0))
    assert true_error > 1e-12  # the truncation is real at these steps
    assert true_error <= 2 * r.error


@pytest.mark.parametrize("kind", ["central", "forward", "backward"])
@pytest.mark.parametrize("h", [0.3, 0.05, 1e-3])
@pytest.mark.parametrize("n", [1, 2])
def test_one_quotient_with_a_large_step_reports_its_truncation(kind: str, h: float, n: int) -> None:
    # exp at 0.5: every derivative is exp(0.5). At these steps the truncation
    # (O(h) one-sided, O(h**2) central) is far above rounding, so the error
    # estimate is the truncation term, from the quotient at 2h: honest (2x
    # allowed) at any step, and nearly exact once h is small, where the
    # difference of the two quotients is a fixed multiple of the leading term.
    r = derivative(math.exp, 0.5, n, method=kind, h=h, full_output=True)
    true_error = abs(r.value - math.exp(0.5))
    assert true_error > 1e-9  # the truncation is real at these steps
    assert true_error <= 2.0 * r.error <= 6.0 * true_error, (r.value, r.error, true_error)
    if h <= 1e-3:
        assert 0.9 * true_error <= r.error <= 1.1 * true_error, (r.error, true_error)


@pytest.mark.parametrize(
    "x", [-1.2493972057479522e-08, -4.348230953279053e-10, 1.521238184957679e-10]
)
def test_a_second_walk_that_sees_f_constant_does_not_replace_the_first(x: float) -> None:
    # sin(t) - t is exactly 0 for |t| < 1.3e-8 (sin t rounds to t): the walk from
    # 0.015 |x| sees one value, and its 0 +- 1e-311 once replaced the first walk's
    # honest estimate. f' = cos(x) - 1 = -x**2 / 2 to within x**4 / 24.
    r = derivative(lambda t: math.sin(t) - t, x, method="richardson", full_output=True)
    assert r.step == 0.015  # the first walk's estimate
    assert abs(r.value - (-x * x / 2)) <= 2.0 * r.error
    # At -4.3e-10 a later window of the first walk, as fine, widens it 1.7e-16 -> 2.7e-16
    # (`_held_to_later`).
    assert r.error < 3e-16
