"""Metamorphic attacks an outsider made (session 26, OUTSIDER8): what holds, and what lies.

The attack: relations that must hold between answers, on seeded random draws,
through the public API only: the affine, sum, product and chain rules,
``derivative`` against ``taylor``, ``grad`` against ``directional_derivative``,
``jvp`` and ``vjp``, the symmetry of ``hessian``; additivity, reversal and
substitution of ``integrate`` and its fundamental theorem; difference quotients
under ``limit`` against the derivative, and ``f(k/x)`` at infinity against
``f(k t)`` at 0. Each answer was also compared with mpmath (the fuzzers and
their rates are in the session's report). The contract (DESIGN.md): with
``full_output=True`` the true error is at most twice ``error``, or the answer is
refused; a well-conditioned problem is answered. Exact values below are
closed forms, Fractions of the floats, or mpmath's at 40 digits, and each
marked test fails today for the reason in its comment.

- derivative (Richardson, on f written with ``math``) is not translation
  invariant: f(s - c) at x + c for a large c can be answered with a value far
  off and a small error where f at x is answered right. ``exp(-(s - 1e5)**2)``
  at 1e5 + 0.5 was 0.0 +- 0.0052 (true -0.7788; at 1e8: 0.0 +- 6.2e-6): every
  first step, scaled to max(1, |x|), jumps over the bump (fixed by DERSHIFT:
  the walk goes on down). Of random smooth f shifted by 10**U(1, 8), 7 of 300
  draws (seeds 0-299) and 4 of 600 (held-out seeds 1000-1599) lied so; none
  unshifted.
- derivative of ``x**3 + sin(x*x)`` at 485.6 is 707422.0 +- 73.4 for 708232.0
  (11 times its error off): the fast ``sin(x*x)`` (period 0.0065 there) is
  missed where ``sin(x*x)`` alone is answered right. Of ``c x**3 + sin(a x**2)``
  (x = 10**U(1, 3), a in [0.5, 2], c = 10**U(-2, 1), n = 1 or 2), 20 of 200
  draws lie so (seeds 0-199), 21 of 200 held out (seeds 7000-7199). Since
  DERFAST (`test_derfast`) 2 and 4, of which 1 and 3 with n = 2.
- derivative of ``log(1 + (85 s)**2)`` at -0.0148, n = 5, is -46227 +- 1.07e8
  for 1.94e10 (182 times its error off).
- derivative of a random product (seed 787) at -226.27 is -2.898e-11 +-
  7.4e-18 for -2.836e-11 (83,000 times its error off).
- derivative refuses ``log(1 + (10 s)**2) + sin(s)`` at 0, n = 3, with a
  DomainError that says no derivative exists, though f is analytic there and
  the symmetric quotients settle on the right value, -1 (also n = 5 at 0 for
  ``log(1 + (k s)**2)``, k = 10, 30).
- grad's ``"ad"`` error along p[1] misses the rounding of a factor computed in
  floats from p[0] alone: ``(0.125 p1 + 1.92)(1.263 p0 + 0.753)`` at
  (-0.555, 0.733) is 0.006504374999999993 +- 2.9e-18, 2.4 times the error
  off (2 of 991 partials in the fuzzer's draws, seeds 0-399, both of this kind).
"""

from __future__ import annotations

import math
import random
import sys
from collections.abc import Callable
from dataclasses import replace
from fractions import Fraction

import pytest

import calcweb as cw

Function = Callable[[float], float]


def _xfail(raises: type[BaseException] = AssertionError) -> pytest.MarkDecorator:
    """Strict natively; ``raises``: the reason it fails today (another failure is an error)."""
    return pytest.mark.xfail(
        strict=sys.platform != "emscripten", raises=raises, reason="see the test's comment"
    )


def _honest_or_refused(f: Function, x: float, n: int, exact: float) -> None:
    """The contract of ``full_output=True``: within twice the error, or a `NumericalError`."""
    try:
        result = cw.derivative(f, x, n, full_output=True)
    except cw.NumericalError:
        return
    assert abs(result.value - exact) <= 2.0 * result.error, (result, exact)


def _within(value: float, error: float, exact: float, oracle_scale: float = 0.0) -> bool:
    """Within twice the error, give or take the rounding of a closed form of that scale."""
    return abs(value - exact) <= 2.0 * error + 1e-15 * max(abs(exact), oracle_scale)


# (f, f') in math and in calcweb's functions: closed forms for the oracle.
_PAIRS: list[tuple[str, Function, Function, Function]] = [
    ("sin", math.sin, cw.sin, math.cos),
    ("exp", math.exp, cw.exp, math.exp),
    ("tanh", math.tanh, cw.tanh, lambda u: 1.0 - math.tanh(u) ** 2),
    ("atan", math.atan, cw.atan, lambda u: 1.0 / (1.0 + u * u)),
    ("erf", math.erf, cw.erf, lambda u: 2.0 / math.sqrt(math.pi) * math.exp(-u * u)),
]


def _rng(seed: int) -> random.Random:
    return random.Random(seed)  # noqa: S311 (reproducible draws, not secrets)


# --- what holds: the rules of differentiation, on random draws ---------------------


@pytest.mark.parametrize("family", ["math", "calcweb"])
@pytest.mark.parametrize("seed", range(8000, 8012))
def test_affine_sum_product_and_chain_rules_hold_within_the_errors(seed: int, family: str) -> None:
    # The fuzzer's relations (no lie in 400 draws of these with A, B, x of moderate size).
    r = _rng(seed)
    _, f_math, f_cw, df = _PAIRS[r.randrange(len(_PAIRS))]
    _, g_math, g_cw, dg = _PAIRS[r.randrange(len(_PAIRS))]
    big_a = r.choice([-1, 1]) * 10 ** r.uniform(-3, 3)
    big_b = r.choice([-1, 1]) * 10 ** r.uniform(-2, 1.5)
    big_c, x = r.uniform(-2, 2), r.uniform(-2, 2)
    f, g = (f_math, g_math) if family == "math" else (f_cw, g_cw)
    rules: list[tuple[Function, float]] = [
        (lambda s: big_a * f(big_b * s + big_c), big_a * big_b * df(big_b * x + big_c)),
        (lambda s: f(s) + g(s), df(x) + dg(x)),
        (lambda s: f(s) * g(s), df(x) * g_math(x) + f_math(x) * dg(x)),
        (lambda s: f(g(s)), df(g_math(x)) * dg(x)),
    ]
    for h, exact in rules:
        r1 = cw.derivative(h, x, full_output=True)
        assert _within(r1.value, r1.error, exact), (r1, exact)


@pytest.mark.parametrize("seed", range(8100, 8108))
def test_derivatives_are_taylor_coefficients_times_factorials(seed: int) -> None:
    # On jets (calcweb's functions) the two are one computation, exact to rounding.
    r = _rng(seed)
    f, g = _PAIRS[r.randrange(len(_PAIRS))][2], _PAIRS[r.randrange(len(_PAIRS))][2]
    big_b, big_c, x = r.uniform(-3, 3), r.uniform(-2, 2), r.uniform(-2, 2)

    def h(s: float) -> float:
        return f(big_b * s + big_c) * g(s)

    p = cw.taylor(h, x, 4)
    for n in range(1, 5):
        r1 = cw.derivative(h, x, n, full_output=True)
        by_taylor = p.coefficients[n] * math.factorial(n)
        assert abs(r1.value - by_taylor) <= 2.0 * r1.error + 1e-13 * abs(by_taylor), (n, r1)


@pytest.mark.parametrize("seed", range(8200, 8206))
def test_grad_directional_jvp_and_vjp_agree_and_the_hessian_is_symmetric(seed: int) -> None:
    r = _rng(seed)
    a, x, v = ([r.uniform(-2, 2) for _ in range(3)] for _ in range(3))

    def f(p: list[float]) -> float:
        return cw.sin(a[0] * p[0] * p[1]) + cw.exp(a[1] * p[2]) * cw.tanh(p[0] + a[2] * p[1])

    gradient = cw.grad(f)(x)
    along = sum(gi * vi for gi, vi in zip(gradient, v, strict=True))
    assert cw.directional_derivative(f, x, v) == pytest.approx(along, rel=1e-13, abs=1e-15)
    assert cw.jvp(f, x, v)[1] == pytest.approx(along, rel=1e-13, abs=1e-15)
    assert cw.vjp(f, x)[1](1.0) == pytest.approx(gradient, rel=1e-13, abs=1e-15)
    h = cw.hessian(f)(x)
    assert all(h[k][m] == h[m][k] for k in range(3) for m in range(3)), h


# --- what holds: the relations of integrals ----------------------------------------


@pytest.mark.parametrize("seed", range(8300, 8308))
def test_integrals_are_additive_reversible_and_match_antiderivatives(seed: int) -> None:
    r = _rng(seed)
    _, big_f, _, dbig_f = _PAIRS[r.randrange(len(_PAIRS))]
    a = r.uniform(-3, 3)
    c = a + 10 ** r.uniform(-1, 1)
    b = a + (c - a) * r.uniform(0.05, 0.95)
    alpha, beta = r.choice([-1, 1]) * 10 ** r.uniform(-1, 1), r.uniform(-2, 2)
    exact = big_f(c) - big_f(a)  # of f' over [a, c]
    scale = max(abs(big_f(a)), abs(big_f(c)))  # F(c) - F(a) rounds at that scale
    whole = cw.integrate(dbig_f, a, c, full_output=True)
    left = cw.integrate(dbig_f, a, b, full_output=True)
    right = cw.integrate(dbig_f, b, c, full_output=True)
    back = cw.integrate(dbig_f, c, a, full_output=True)
    assert _within(whole.value, whole.error, exact, scale), whole
    assert _within(left.value + right.value, left.error + right.error, exact, scale)
    assert _within(-back.value, back.error, exact, scale), back
    # u = alpha x + beta: the integral of f'(alpha x + beta) over [a, c] is that of f' / alpha.
    moved = cw.integrate(lambda s: dbig_f(alpha * s + beta), a, c, full_output=True)
    ends = (big_f(alpha * a + beta), big_f(alpha * c + beta))
    moved_scale = max(abs(ends[0]), abs(ends[1])) / abs(alpha)
    assert _within(moved.value, moved.error, (ends[1] - ends[0]) / alpha, moved_scale), moved


@pytest.mark.parametrize("seed", range(8400, 8406))
def test_odd_integrands_over_symmetric_ranges_are_zero_within_the_error(seed: int) -> None:
    r = _rng(seed)
    f = _PAIRS[r.randrange(len(_PAIRS))][1]
    shift, half = r.uniform(-2, 2), 10 ** r.uniform(-1, 1)
    result = cw.integrate(lambda s: f(s + shift) - f(-s + shift), -half, half, full_output=True)
    assert _within(result.value, result.error, 0.0), result


# --- what holds: limits against derivatives and values --------------------------------


@pytest.mark.parametrize("seed", range(8500, 8505))
def test_limits_of_difference_quotients_and_at_infinity_hold(seed: int) -> None:
    r = _rng(seed)
    _, f, _, df = _PAIRS[r.randrange(len(_PAIRS))]
    x0, k = r.uniform(-2, 2), 10 ** r.uniform(-1, 1.5)

    def quotient(h: float) -> float:
        return (f(x0 + k * h) - f(x0 - k * h)) / (2 * h)

    slope = cw.limit(quotient, 0.0, full_output=True)
    assert not slope.converged or _within(slope.value, slope.error, k * df(x0)), slope
    far = cw.limit(lambda s: f(k / s), math.inf, full_output=True)
    near = cw.limit(lambda t: f(k * t), 0.0, side="right", full_output=True)
    assert _within(far.value, far.error, f(0.0)), far
    assert _within(near.value, near.error, f(0.0)), near
    assert cw.limit(f, x0) == pytest.approx(f(x0), rel=1e-14, abs=1e-15)


# --- derivative: not translation invariant --------------------------------------------


def test_a_bump_near_0_is_differentiated_right() -> None:
    _honest_or_refused(lambda s: math.exp(-(s**2)), 0.5, 1, -math.exp(-0.25))


@pytest.mark.parametrize("c", [1e5, 1e8], ids=["1e5", "1e8"])
def test_a_bump_far_from_0_is_not_differentiated_to_0(c: float) -> None:
    # Was 0.0 +- 0.0052 (1e5) and 0.0 +- 6.2e-6 (1e8) for -exp(-0.25) = -0.7788: steps
    # scaled to max(1, |x|) = 1e5 jump over a bump 1 wide, and f is 0 at every one.
    # DERSHIFT's walk goes on down past such steps (`_blind`) until it sees the bump.
    _honest_or_refused(lambda s: math.exp(-((s - c) ** 2)), c + 0.5, 1, -math.exp(-0.25))


def test_a_shifted_cubic_minus_erf_is_differentiated_right() -> None:
    # Fuzzer seed 1173 (held out): f(u) = (1.546 u - 0.618)**3 - erf(-1.453 u - 0.8) at
    # u = -1.1989, shifted by c = -134562.47399859095. Was 28.3327 +- 0.0024 for 29.0054
    # (mpmath at the float point); f itself at -1.1989 is answered right. Session 31
    # (FASTTERM3): 29.005397867431757 +- 3.5e-8, the walk taken again from where the
    # one-sided quotients below the window left it (`_walked_below_unsettled`).
    c = -134562.47399859095

    def f(s: float) -> float:
        u = s - c
        return (1.546 * u + -0.618) ** 3 - math.erf(-1.453 * u + -0.8)

    _honest_or_refused(f, -1.1989 + c, 1, 29.005397867431814)


# --- derivative: fast or steep features missed with a small error ----------------------


def test_sin_of_x_squared_alone_is_differentiated_right() -> None:
    x = 485.6
    _honest_or_refused(lambda s: math.sin(s * s), x, 1, 809.9271815346694)


def test_a_cubic_plus_sin_of_x_squared_is_differentiated_right() -> None:
    # Was 707422.0044 +- 73.4 for 3 x**2 + 2 x cos(x**2) = 708232.0072 (mpmath), 11 times
    # the error off: the cubic's 3 x**2 = 707422.08 alone, the sin(x*x) term (period 0.0065
    # at x = 485.6) averaged away by steps of about 7. DERKINK's one-sided walk refuses it:
    # a DomainError that names a scale finer than its steps, as a refusal may.
    refusal = ""
    try:
        _honest_or_refused(lambda s: s**3 + math.sin(s * s), 485.6, 1, 708232.0071815348)
    except cw.DomainError as error:
        refusal = str(error)
    assert not refusal or "varies on a scale finer than those steps" in refusal


def test_a_fifth_derivative_of_a_steep_log_is_right() -> None:
    # Was -46227.18 +- 1.07e8 for 19406329983.63 (mpmath), 182 times the error off; n = 4
    # and n = 6 there, and n = 5 at 0.02 and 0.05, are right. Now refused (HIGHORD): the
    # noise read (0.0745) is f's swing on its scale (1 / 85) below the steps (0.0875).
    _honest_or_refused(lambda s: math.log(1 + (85 * s) ** 2), -0.0148, 5, 19406329983.63115)


@_xfail()
def test_a_tiny_product_is_differentiated_right() -> None:
    # Fuzzer seed 787: log(1 + (1/(1 + (-1.63 x + 0.974)**2))**2) * tanh(sin(1.523 x + 1.283))
    # at x = -226.2742819432521. Today -2.89816e-11 +- 7.4e-18 for -2.83648e-11 (mpmath),
    # 83,000 times the error off; each factor alone is answered right.
    def f(s: float) -> float:
        small = math.log(1 + (1 / (1 + (-1.63 * s + 0.974) ** 2)) ** 2)
        return small * math.tanh(math.sin(1.523 * s + 1.283))

    _honest_or_refused(f, -226.2742819432521, 1, -2.8364828768613386e-11)


# --- derivative: an analytic f refused as if it had no derivative -----------------------


def _steep_log_plus_sin(s: float) -> float:
    return math.log(1 + (10 * s) ** 2) + math.sin(s)


@_xfail(raises=cw.DomainError)
def test_an_analytic_third_derivative_is_not_refused_as_missing() -> None:
    # Today DomainError: "no derivative of order 3 of f at x=0.0 was found: the symmetric
    # difference quotients settle on -1, but the quotients from the right never settle (as
    # they do where f oscillates ever faster ...)". f is analytic at 0 (radius 0.1) and
    # f'''(0) = -1, what the symmetric quotients settle on.
    _honest_or_refused(_steep_log_plus_sin, 0.0, 3, -1.0)


def test_the_advice_to_rescale_divides_by_the_right_power_of_s() -> None:
    # Before session 26 the advice said "divide by s" at every order; followed at n = 3,
    # s = 0.1, it gave -0.01 for -1. d^n/dt^n f(s t) = s**n f^(n)(s t).
    with pytest.raises(cw.DomainError, match=r"and divide by s\*\*3$"):
        cw.derivative(_steep_log_plus_sin, 0.0, 3)
    s = 0.1
    followed = cw.derivative(lambda t: _steep_log_plus_sin(s * t), 0.0, 3) / s**3
    assert followed == pytest.approx(-1.0, rel=1e-9)


# --- grad on jets: rounding in a factor the seeded variable does not reach ---------------


@_xfail()
def test_a_partial_derivative_counts_the_rounding_of_the_other_variables() -> None:
    # Fuzzer seed 299 (multivariate), cut down. Along p[1] the jet meets 1.263 p[0] + 0.753
    # computed in floats, 0.052 from terms of 0.7: its rounding (7e-18 after the 0.125) is
    # no operation on the jet, so the running error bound misses it. Today
    # 0.006504374999999993 +- 2.9e-18; exact (the floats as given) 0.125 (1.263 p0 + 0.753)
    # = 0.006504375000000000 (to 19 digits), 2.4 times the error off.
    def f(p: list[float]) -> float:
        return (0.125 * p[1] + 1.92) * (1.263 * p[0] + 0.753)

    x = [-0.555, 0.733]
    result = cw.grad(f, full_output=True)(x)
    exact = Fraction(1, 8) * (Fraction(1.263) * Fraction(x[0]) + Fraction(0.753))
    assert abs(Fraction(result.value[1]) - exact) <= 2 * Fraction(result.error[1]), result


# --- messages: advice that fits the method ------------------------------------------------


def test_jets_that_overflow_are_told_to_try_richardson_not_a_smaller_h() -> None:
    # Fuzzer seed 631 (tanh(exp(...)) far out), cut down. Before session 26: "the function
    # or the step overflows here, so try a smaller h", though "ad" takes no h: on exp's
    # coefficients (about 1e133 each) the rounding bound of tanh's recurrence overflows at
    # n = 3 (0.0, error inf). Richardson answers (the true value is 0 to 1e-(1e133)).
    def f(t: float) -> float:
        return cw.tanh(cw.exp(t))

    with pytest.raises(cw.NumericalError, match=r"overflow here, so try method='richardson'"):
        cw.derivative(f, 307.7, 3, method="ad", full_output=True)
    result = cw.derivative(f, 307.7, 3, method="richardson", full_output=True)
    assert abs(result.value) <= 2.0 * result.error, result
    # "auto" asks Richardson itself where the jets' bound shows no digit (here inf).
    assert cw.derivative(f, 307.7, 3, full_output=True) == replace(result, nfev=result.nfev + 1)
