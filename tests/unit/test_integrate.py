"""Integrals against closed forms, the theory of each rule, and scipy/mpmath.

Riemann sums and the composite rules of polynomials have closed forms; the
error of the trapezoid rule on x**2 is exactly (b - a) h**2 / 6 and Simpson's
rule is exact for cubics. The adaptive rule is checked on a table of integrals
against their exact values, scipy.integrate.quad and mpmath.quad (when
installed: they are absent inside Pyodide).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import calcweb
from calcweb import IntegrationResult, integrate, riemann_sum
from calcweb._gauss_kronrod import K15, K21, Panel, Rule, gauss_kronrod
from calcweb._integrate import _too_narrow

Function = Callable[[float], float]


def square(x: float) -> float:
    return x * x


def full(f: Function, a: float, b: float, **options: object) -> IntegrationResult:
    result = integrate(f, a, b, full_output=True, **options)
    assert isinstance(result, IntegrationResult)
    return result


# ----------------------------------------------------------------- Riemann sums


@pytest.mark.parametrize("n", [1, 2, 3, 10, 97, 1000])
def test_riemann_sums_of_x_squared_equal_their_closed_forms(n: int) -> None:
    # sum_{i=0}^{n-1} (i/n)**2 / n = (n-1) n (2n-1) / (6 n**3), and so on.
    left = (n - 1) * n * (2 * n - 1) / (6 * n**3)
    right = (n + 1) * (2 * n + 1) / (6 * n**2)
    midpoint = 1 / 3 - 1 / (12 * n**2)
    assert riemann_sum(square, 0, 1, n) == pytest.approx(left, rel=1e-14, abs=1e-300)
    assert riemann_sum(square, 0, 1, n, rule="right") == pytest.approx(right, rel=1e-14)
    assert riemann_sum(square, 0, 1, n, rule="midpoint") == pytest.approx(midpoint, rel=1e-14)
    assert riemann_sum(square, 0, 1, n, rule="trapezoid") == pytest.approx(
        (left + right) / 2, rel=1e-14
    )


def test_riemann_sum_follows_the_definition_point_by_point() -> None:
    seen: list[float] = []

    def spy(x: float) -> float:
        seen.append(x)
        return 1.0

    assert riemann_sum(spy, 2.0, 4.0, 4, rule="right") == 2.0
    assert seen == [2.5, 3.0, 3.5, 4.0]
    seen.clear()
    riemann_sum(spy, 2.0, 4.0, 4, rule="midpoint")
    assert seen == [2.25, 2.75, 3.25, 3.75]


def test_a_reversed_interval_changes_the_sign_of_every_rule() -> None:
    for rule in ("left", "right", "midpoint", "trapezoid"):
        forward = riemann_sum(math.exp, 0.0, 1.0, 50, rule=rule)  # type: ignore[arg-type]
        backward = riemann_sum(math.exp, 1.0, 0.0, 50, rule=rule)  # type: ignore[arg-type]
        # Backward, "left" starts from b: the left sum one way is minus the
        # right sum the other way.
        mirror = {"left": "right", "right": "left"}.get(rule, rule)
        assert backward == pytest.approx(
            -riemann_sum(math.exp, 0.0, 1.0, 50, rule=mirror),  # type: ignore[arg-type]
            rel=1e-14,
        )
        assert forward > 0 > backward
    assert riemann_sum(math.exp, 1.0, 1.0, 5) == 0.0


def test_riemann_sums_converge_at_first_and_second_order() -> None:
    exact = math.e - 1
    left = [abs(riemann_sum(math.exp, 0, 1, n) - exact) for n in (100, 200)]
    middle = [abs(riemann_sum(math.exp, 0, 1, n, rule="midpoint") - exact) for n in (100, 200)]
    assert left[0] / left[1] == pytest.approx(2, rel=0.01)
    assert middle[0] / middle[1] == pytest.approx(4, rel=0.01)


# ----------------------------------------------------------------- composite rules


@pytest.mark.parametrize("n", [2, 4, 6, 50])
@pytest.mark.parametrize(("a", "b"), [(0.0, 1.0), (-2.0, 3.0), (1.5, -0.5)])
def test_simpson_is_exact_for_cubics(n: int, a: float, b: float) -> None:
    def cubic(x: float) -> float:
        return 4 * x**3 - 3 * x**2 + 2 * x - 1

    def antiderivative(x: float) -> float:
        return x**4 - x**3 + x**2 - x

    exact = antiderivative(b) - antiderivative(a)
    assert integrate(cubic, a, b, method="simpson", n=n) == pytest.approx(exact, abs=1e-12)


@pytest.mark.parametrize("n", [1, 2, 3, 8, 100])
def test_trapezoid_error_on_x_squared_is_exactly_h_squared_over_six(n: int) -> None:
    # The trapezoid rule's error is (b - a) h**2 f''/12, with f'' = 2.
    a, b = -1.0, 2.0
    h = (b - a) / n
    exact = (b**3 - a**3) / 3
    assert integrate(square, a, b, method="trapezoid", n=n) == pytest.approx(
        exact + (b - a) * h * h / 6, rel=1e-13
    )


@pytest.mark.parametrize(("method", "order"), [("trapezoid", 2), ("simpson", 4)])
def test_composite_rules_converge_at_their_order(method: str, order: int) -> None:
    exact = 1 - math.cos(2.0)
    errors = [abs(integrate(math.sin, 0, 2, method=method, n=n) - exact) for n in (16, 32)]
    assert errors[0] / errors[1] == pytest.approx(2**order, rel=0.02)


@pytest.mark.parametrize("method", ["trapezoid", "simpson"])
@pytest.mark.parametrize("n", [None, 2, 6, 10, 64, 100, 1000])
def test_composite_error_estimates_are_honest(method: str, n: int | None) -> None:
    exact = math.atan(3.0)
    result = full(lambda x: 1 / (1 + x * x), 0, 3, method=method, n=n)
    actual = abs(result.value - exact)
    # Richardson's estimate (asymptotically exact; with few intervals it errs on
    # the safe side), or, where larger, the distance from the adaptive rule plus
    # its error: the actual error plus up to about three times tol = 1e-10.
    assert actual / 2 <= result.error <= max(10 * actual + 1e-15, actual + 3e-10)
    robust = full(lambda x: 1 / (1 + x * x), 0, 3)
    assert result.nfev - robust.nfev in {result.intervals + 1, 2 * result.intervals + 1}


def test_the_default_composite_rule_uses_128_intervals() -> None:
    result = full(math.exp, 0, 1, method="simpson")
    assert (result.intervals, result.nfev) == (128, 129 + full(math.exp, 0, 1).nfev)
    assert result.value == pytest.approx(math.e - 1, rel=1e-10)


# ----------------------------------------------------------------- the Gauss-Kronrod rule


@pytest.mark.parametrize(
    ("rule", "degree"), [(K21, d) for d in range(32)] + [(K15, d) for d in range(23)]
)
def test_kronrod_rules_are_exact_to_degree_3n_plus_1(rule: Rule, degree: int) -> None:
    panel = gauss_kronrod(lambda x: x**degree, -1.0, 1.0, rule)
    exact = 0.0 if degree % 2 else 2 / (degree + 1)
    assert panel.value == pytest.approx(exact, abs=1e-15)


def gauss_only(rule: Rule, f: Function) -> float:
    """The Gauss rule inside ``rule`` on [-1, 1]: its nodes are where the Gauss weight is not 0."""
    total = rule.gauss[-1] * f(0.0)
    for x, weight in zip(rule.nodes[:-1], rule.gauss, strict=False):
        total += weight * (f(-x) + f(x))
    return total


@pytest.mark.parametrize(("rule", "gauss_degree"), [(K21, 19), (K15, 13)])
def test_the_gauss_rule_inside_is_exact_to_degree_2n_minus_1_and_not_beyond(
    rule: Rule, gauss_degree: int
) -> None:
    # The error estimate compares Kronrod with Gauss: they agree up to 2n - 1.
    below, beyond = gauss_degree - 1, gauss_degree + 1
    assert gauss_only(rule, lambda x: x**below) == pytest.approx(2 / (below + 1), abs=1e-15)
    assert abs(gauss_only(rule, lambda x: x**beyond) - 2 / (beyond + 1)) > 1e-8
    # ... so that a smooth function the Kronrod rule integrates exactly gets
    # a rounding-sized error estimate, one beyond its degree a real one.
    assert gauss_kronrod(lambda x: x**3 - x, -1.0, 1.0, rule).error < 1e-14
    assert gauss_kronrod(lambda x: x ** (2 * gauss_degree), -1.0, 1.0, rule).error > 1e-8


def test_the_weights_sum_to_the_length_of_the_interval() -> None:
    for rule in (K21, K15):
        assert 2 * math.fsum(rule.kronrod[:-1]) + rule.kronrod[-1] == pytest.approx(2, abs=1e-15)
        assert 2 * math.fsum(rule.gauss[:-1]) + rule.gauss[-1] == pytest.approx(2, abs=1e-15)


# ----------------------------------------------------------------- the adaptive rule

TABLE: list[tuple[str, Function, float, float, float]] = [
    ("sin on [0, pi]", math.sin, 0.0, math.pi, 2.0),
    ("exp on [0, 1]", math.exp, 0.0, 1.0, math.e - 1),
    ("x**5 on [-1, 2]", lambda x: x**5, -1.0, 2.0, 10.5),
    ("1/(1+x^2) on [0, 10]", lambda x: 1 / (1 + x * x), 0.0, 10.0, math.atan(10.0)),
    ("sqrt on [0, 1]", math.sqrt, 0.0, 1.0, 2 / 3),
    ("1/sqrt on [0, 1]", lambda x: 1 / math.sqrt(x), 0.0, 1.0, 2.0),
    ("log on [0, 1]", math.log, 0.0, 1.0, -1.0),
    ("cos(30x) on [0, 1]", lambda x: math.cos(30 * x), 0.0, 1.0, math.sin(30.0) / 30),
    ("sin^2 on [0, 10]", lambda x: math.sin(x) ** 2, 0.0, 10.0, 5 - math.sin(20.0) / 4),
    ("|x - 1/3| on [0, 1]", lambda x: abs(x - 1 / 3), 0.0, 1.0, 5 / 18),
    ("Gaussian on R", lambda x: math.exp(-x * x), -math.inf, math.inf, math.sqrt(math.pi)),
    ("exp(-x) on [0, inf)", lambda x: math.exp(-x), 0.0, math.inf, 1.0),
    ("exp(x) on (-inf, 0]", math.exp, -math.inf, 0.0, 1.0),
    ("1/(1+x^2) on R", lambda x: 1 / (1 + x * x), -math.inf, math.inf, math.pi),
    ("x e^-x on [1, inf)", lambda x: x * math.exp(-x), 1.0, math.inf, 2 / math.e),
    # sigmoid'(x) written so that it underflows, not overflows, far out
    (
        "sigmoid' on R",
        lambda x: math.exp(-abs(x)) / (1 + math.exp(-abs(x))) ** 2,
        -math.inf,
        math.inf,
        1.0,
    ),
]
IDS = [row[0] for row in TABLE]


@pytest.mark.parametrize(("name", "f", "a", "b", "exact"), TABLE, ids=IDS)
def test_adaptive_meets_its_tolerance_with_an_honest_error(
    name: str, f: Function, a: float, b: float, exact: float
) -> None:
    result = full(f, a, b)
    actual = abs(result.value - exact)
    assert result.converged, result.message
    assert result.error <= 1e-10 * max(1.0, abs(result.value))
    assert actual <= max(result.error, 4e-16 * abs(exact)), name
    rule = K15 if math.isinf(a) != math.isinf(b) else K21
    ends = sum(map(math.isfinite, (a, b)))  # f is sampled once at each finite end
    # Each bisection adds one subinterval for two rules; a look that cuts a
    # panel where f is negligible into k pieces adds k - 1 for k (INTMIX, INTEND).
    bisected_only = rule.size * (2 * result.intervals - 1) + ends
    assert result.nfev <= bisected_only
    assert (bisected_only - result.nfev) % rule.size == 0


@pytest.mark.parametrize(("name", "f", "a", "b", "exact"), TABLE, ids=IDS)
def test_a_reversed_interval_gives_the_negative(
    name: str, f: Function, a: float, b: float, exact: float
) -> None:
    backward = integrate(f, b, a)
    assert backward == -integrate(f, a, b), name
    assert backward == pytest.approx(-exact, rel=1e-9, abs=1e-9)


@pytest.mark.parametrize("tol", [1e-4, 1e-8, 1e-12])
def test_the_tolerance_is_met_at_every_level(tol: float) -> None:
    result = full(lambda x: 1 / (1 + 25 * x * x), -1.0, 1.0, tol=tol)
    exact = 0.4 * math.atan(5.0)
    assert abs(result.value - exact) <= result.error <= tol * max(1.0, abs(result.value))


def test_smooth_integrals_need_few_evaluations() -> None:
    # One rule and the two ends, which check it.
    assert full(math.exp, 0, 1).nfev == 23
    assert full(math.sin, 0, math.pi).nfev == 23


@pytest.mark.parametrize(("name", "f", "a", "b", "exact"), TABLE, ids=IDS)
def test_adaptive_agrees_with_scipy_quad_and_uses_no_more_evaluations_when_smooth(
    name: str, f: Function, a: float, b: float, exact: float
) -> None:
    scipy_integrate = pytest.importorskip(
        "scipy.integrate", reason="scipy is a test oracle, absent in Pyodide"
    )
    value, error, info = scipy_integrate.quad(f, a, b, epsabs=1e-10, epsrel=1e-10, full_output=1)[
        :3
    ]
    result = full(f, a, b)
    assert value == pytest.approx(exact, rel=1e-9, abs=1e-9)
    assert result.value == pytest.approx(value, abs=max(result.error, error, 1e-15))
    smooth = not name.startswith(("1/sqrt", "log", "sqrt", "|x"))
    if smooth and math.isfinite(a) and math.isfinite(b):
        # and the two ends, where f is sampled to check the first panel
        assert result.nfev <= info["neval"] + 2, name


@pytest.mark.parametrize(("name", "f", "a", "b", "exact"), TABLE, ids=IDS)
def test_adaptive_agrees_with_mpmath(
    name: str, f: Function, a: float, b: float, exact: float
) -> None:
    mpmath = pytest.importorskip("mpmath", reason="mpmath is a test oracle, absent in Pyodide")
    # mpmath's tanh-sinh rule needs the kink of |x - 1/3| as a breakpoint.
    points = [a, 1 / 3, b] if name.startswith("|x") else [a, b]
    reference = float(mpmath.quad(lambda x: f(float(x)), points))
    assert reference == pytest.approx(exact, rel=1e-9, abs=1e-9)
    result = full(f, a, b)
    assert abs(result.value - reference) <= max(result.error, 1e-9 * abs(reference)), name


# ----------------------------------------------------------------- when the rule fails


@pytest.mark.parametrize(
    ("f", "a", "b", "advice"),
    [
        (lambda x: 1 / x, 0.0, 1.0, "Check that f is integrable near x=0.0"),  # not integrable
        (  # not integrable at infinity
            lambda x: 1 / x,
            1.0,
            math.inf,
            "Check that |f| falls faster than 1/|x| as x -> inf",
        ),
        (lambda x: math.sin(1 / x), 1e-6, 1.0, "pass a larger tol"),  # wildly oscillatory
    ],
)
def test_a_tolerance_that_cannot_be_met_raises_and_says_what_to_try(
    f: Function, a: float, b: float, advice: str
) -> None:
    with pytest.raises(calcweb.NumericalError, match=re.escape(advice)) as info:
        integrate(f, a, b)
    assert isinstance(info.value, ArithmeticError)
    result = full(f, a, b)
    assert not result.converged
    assert result.error > 1e-10
    assert result.message == str(info.value)


def test_a_tolerance_below_rounding_is_refused() -> None:
    with pytest.raises(calcweb.InvalidArgumentError, match="tol must be at least"):
        integrate(math.sin, 0, 1, tol=1e-16)


def test_rounding_is_reported_when_it_hides_the_tolerance() -> None:
    # Over 16 periods the integral of sin is small while that of |sin| is
    # not: the rounding floor of the sum, 50 ulps of the latter, stays above
    # the tolerance however finely the interval is cut.
    result = full(math.sin, 0.0, 101.0, tol=1.2e-14)
    assert not result.converged
    assert "rounding error limits the accuracy" in result.message
    assert abs(result.value - (1 - math.cos(101.0))) <= result.error


# ----------------------------------------------------------------- arguments


def test_an_empty_interval_gives_zero_without_evaluating() -> None:
    for method in ("adaptive", "trapezoid", "simpson"):
        result = full(lambda x: 1 / 0, 1.0, 1.0, method=method)
        assert (result.value, result.error, result.nfev) == (0.0, 0.0, 0)


@pytest.mark.parametrize(
    ("options", "match"),
    [
        ({"method": "gauss"}, "method must be one of"),
        ({"method": "adaptive", "n": 10}, "leave n out"),
        ({"method": "simpson", "n": 3}, "n must be even"),
        ({"method": "trapezoid", "n": 0}, "n must be between"),
        ({"method": "trapezoid", "n": 10**9}, "n must be between"),
        ({"tol": -1.0}, "tol must be at least"),
        ({"tol": math.nan}, "tol must be a finite number"),
    ],
)
def test_invalid_options_are_refused(options: dict[str, object], match: str) -> None:
    with pytest.raises(calcweb.InvalidArgumentError, match=match):
        integrate(math.sin, 0, 1, **options)


@pytest.mark.parametrize("n", [2.0, "10", True])
def test_n_must_be_an_int(n: object) -> None:
    with pytest.raises(calcweb.ArgumentTypeError, match="n must be an int"):
        integrate(math.sin, 0, 1, method="trapezoid", n=n)
    with pytest.raises(calcweb.ArgumentTypeError, match="n must be an int"):
        riemann_sum(math.sin, 0, 1, n)  # type: ignore[arg-type]


def test_unknown_rule_is_refused() -> None:
    with pytest.raises(calcweb.InvalidArgumentError, match="rule must be one of"):
        riemann_sum(math.sin, 0, 1, 10, rule="upper")  # type: ignore[arg-type]


@pytest.mark.parametrize("method", ["trapezoid", "simpson"])
def test_composite_rules_refuse_infinite_limits_and_say_what_to_use(method: str) -> None:
    with pytest.raises(calcweb.InvalidArgumentError, match="method='adaptive'"):
        integrate(math.exp, -math.inf, 0, method=method)
    with pytest.raises(calcweb.InvalidArgumentError, match="method='adaptive'"):
        riemann_sum(math.exp, -math.inf, 0, 10)


@pytest.mark.parametrize("limit", [math.nan, "1", None, 1j])
def test_limits_that_are_not_real_numbers_are_refused(limit: object) -> None:
    with pytest.raises(calcweb.CalcwebError, match="a must be"):
        integrate(math.sin, limit, 1)  # type: ignore[arg-type]


def test_a_point_outside_the_domain_is_a_domain_error() -> None:
    with pytest.raises(calcweb.DomainError, match="outside the domain"):
        integrate(math.log, -1, 1)
    with pytest.raises(calcweb.DomainError, match="ZeroDivisionError"):
        riemann_sum(lambda x: 1 / x, 0, 1, 10)


def test_a_function_returning_a_non_number_is_refused() -> None:
    with pytest.raises(calcweb.ArgumentTypeError, match="must return a real number"):
        integrate(lambda x: "x", 0, 1)
    with pytest.raises(calcweb.ArgumentTypeError, match="f must be a function"):
        integrate(3.0, 0, 1)  # type: ignore[arg-type]


def test_an_integral_that_overflows_says_so() -> None:
    with pytest.raises(calcweb.NumericalError, match="overflow"):
        integrate(lambda x: 1e300, -1e300, 1e300)
    with pytest.raises(calcweb.NumericalError, match="overflow"):
        integrate(math.exp, 0, 1000)
    # Each term is finite, their sum is not (math.fsum raises OverflowError).
    with pytest.raises(calcweb.NumericalError, match="overflow"):
        riemann_sum(abs, -1.5, -1e308, 3, rule="trapezoid")
    with pytest.raises(calcweb.NumericalError, match="overflow"):
        integrate(abs, -1e308, 1e308, method="simpson", n=10)


def test_numpy_floats_and_functions_are_accepted() -> None:
    numpy = pytest.importorskip("numpy", reason="numpy is an optional input type")
    assert integrate(numpy.sin, numpy.float64(0.0), numpy.pi) == pytest.approx(2.0, rel=1e-13)


# ----------------------------------------------------------------- any float at all

ANY_FLOAT = st.floats(allow_nan=True, allow_infinity=True)
OUTCOMES = (float, IntegrationResult)


@settings(deadline=None, max_examples=60)
@given(a=ANY_FLOAT, b=ANY_FLOAT, tol=ANY_FLOAT)
def test_integrate_gives_a_number_or_a_calcweb_error_for_any_floats(
    a: float, b: float, tol: float
) -> None:
    for f in (math.exp, math.atan, lambda x: 1 / x):
        try:
            value = integrate(f, a, b, tol=tol)
        except calcweb.CalcwebError:
            continue
        assert math.isfinite(value)
        if f is math.atan and a <= b and abs(a) < 1e6 and abs(b) < 1e6:
            exact = (b * math.atan(b) - 0.5 * math.log1p(b * b)) - (
                a * math.atan(a) - 0.5 * math.log1p(a * a)
            )
            # tol bounds the error like quad's epsabs = epsrel = tol.
            allowed = max(1e-7, tol * max(1.0, abs(exact)))
            assert value == pytest.approx(exact, abs=allowed)


@settings(deadline=None, max_examples=60)
@given(
    a=ANY_FLOAT,
    b=ANY_FLOAT,
    n=st.one_of(st.integers(-3, 300), st.just(10**9)),
    method=st.sampled_from(["trapezoid", "simpson"]),
    rule=st.sampled_from(["left", "right", "midpoint", "trapezoid"]),
)
def test_fixed_rules_give_a_number_or_a_calcweb_error_for_any_floats(
    a: float, b: float, n: int, method: str, rule: str
) -> None:
    for call in (
        lambda: integrate(math.cos, a, b, method=method, n=n),
        lambda: riemann_sum(math.cos, a, b, n, rule=rule),  # type: ignore[arg-type]
    ):
        try:
            value = call()
        except calcweb.CalcwebError:
            continue
        assert math.isfinite(value)
        assert abs(value) <= abs(b - a) * (1 + 1e-12) or not math.isfinite(b - a)


@pytest.mark.parametrize("a", [1.0, -3.0, 1e-300, 7e300])
def test_a_panel_is_too_narrow_to_bisect_from_1e4_ulps_of_its_ends(a: float) -> None:
    # The boundary of `_too_narrow`: a quarter of the width (half of a half)
    # at most 1e4 units in the last place of the larger end.
    ulps = 1e4 * 2.0**-52 * abs(a)

    def panel(quarter: float) -> Panel:
        return Panel(a, a + 4.0 * quarter, 0.0, 0.0, False)

    assert _too_narrow(panel(0.9 * ulps))
    assert not _too_narrow(panel(1.1 * ulps))
    assert not _too_narrow(panel(-1.1 * ulps))  # a reversed panel, b < a
    assert _too_narrow(panel(-0.9 * ulps))
