"""Taylor mode through branches and ties (session 22, AD1).

A Taylor-mode derivative is the derivative of the branch ``f`` took; it is
``f``'s only if that branch holds on a neighbourhood of x. A jet records a
branch decided at a tie (``x == 0`` at 0, ``abs`` or ``relu`` at 0) or within
rounding of one (a bisection's last comparisons); there ``"auto"`` falls back
to Richardson (near a tie only if Richardson agrees with the jets), ``"ad"``
with ``full_output`` refuses, and plain ``"ad"`` keeps the branch's derivative
(torch's convention). Without such a branch nothing changes: one call on jets.
Also: ``"auto"`` falls back on any exception ``f`` raises on a jet.
"""

from __future__ import annotations

import math
import struct
from collections.abc import Callable

import pytest
from bisections import inverse_by_bisection
from derivative_checks import honest_or_refused

from calcweb import (
    ArgumentTypeError,
    CalcwebError,
    DomainError,
    Jet,
    NumericalError,
    cos,
    derivative,
    exp,
    grad,
    hessian,
    jacobian,
    jvp,
    log,
    relu,
    sin,
    taylor,
)
from calcweb.jet import watching_branches
from calcweb.multivariate import _mixed_on_jets

EPS = 2.0**-52


def _expm1_quotient(x: object) -> object:
    return 1.0 if x == 0 else (exp(x) - 1) / x


def _huber(x: object) -> object:
    return 0.5 * x * x if abs(x) <= 1 else abs(x) - 0.5  # type: ignore[operator]


# ------------------------------------------------------------------ the jet's record


@pytest.mark.parametrize(
    ("f", "x0", "exact"),
    [
        (lambda x: x == 0, 0.0, True),  # the removable point's special case
        (lambda x: x < 1.0, 1.0, True),
        (lambda x: max(x, 0.0), 0.0, True),  # builtin max compares
        (lambda x: abs(x), 0.0, True),  # noqa: PLW0108 (builtin abs on a jet: its kink)
        (lambda x: relu(x), 0.0, True),  # noqa: PLW0108
        (bool, 0.0, True),  # `if x:` is `if x != 0:`
        (lambda x: x < 1.0, 1.0 + 4 * EPS, False),  # within rounding of the tie
        (lambda x: x * x + x < 1e-17, 0.0, False),
    ],
)
def test_a_branch_at_or_near_a_tie_is_recorded(
    f: Callable[[Jet], object], x0: float, exact: bool
) -> None:
    with watching_branches(64 * EPS) as watch:
        f(Jet.variable(x0, 2))
    assert watch.what is not None
    assert watch.exact is exact


@pytest.mark.parametrize(
    ("f", "x0"),
    [
        (lambda x: x < 1.0, 0.5),  # the branch holds around x0
        (lambda x: abs(x), 1e-3),  # noqa: PLW0108
        (lambda x: abs(x - 1e-17), 0.0),  # abs off its kink: exact, however near
        (lambda x: abs(x**3), 0.0),  # 0 to degree 2: |x**3| is 0 to that degree
        (lambda x: x * x + 1.0, 0.0),  # no branch at all
    ],
)
def test_a_branch_that_holds_around_x0_is_not_recorded(
    f: Callable[[Jet], object], x0: float
) -> None:
    with watching_branches(64 * EPS) as watch:
        f(Jet.variable(x0, 2))
    assert watch.what is None


def test_a_watch_inside_f_hands_its_record_on() -> None:
    with watching_branches(0.0) as outer:
        with watching_branches(0.0):
            assert Jet.variable(0.0, 1) == 0
        assert outer.what is not None


def test_unwatched_jets_compare_as_before() -> None:
    x = Jet.variable(0.0, 2)
    assert x == 0
    assert not x
    assert abs(x).coefficients == (0.0, 0.0, 0.0)


# ------------------------------------------------------------------ derivative


@pytest.mark.parametrize(
    ("f", "x", "n", "exact"),
    [
        # Taylor mode said 0.0 +- 0.0 for each of these
        (_expm1_quotient, 0.0, 1, 0.5),
        (lambda x: 1.0 if x == 0 else sin(x) / x, 0.0, 4, 0.2),
        (lambda x: sin(x) / x if x else 1.0, 0.0, 2, -1 / 3),  # was DivisionByZeroError
        (lambda x: abs(x) ** 2, 0.0, 2, 2.0),  # was 0.0 +- 5.9e-323
        (lambda x: cos(abs(x)), 0.0, 2, -1.0),
        (lambda x: relu(x) ** 2 + relu(-x) ** 2, 0.0, 2, 2.0),
    ],
)
def test_auto_answers_a_smooth_f_branched_at_a_tie_by_richardson(
    f: Callable[[float], float], x: float, n: int, exact: float
) -> None:
    result = derivative(f, x, n, full_output=True)
    assert result.method == "richardson"
    assert abs(result.value - exact) <= min(result.error, 1e-6)  # (exp(x) - 1)/x: +- 0.18
    assert derivative(f, x, n) == result.value  # the plain call falls back too


def test_auto_counts_the_call_on_jets_of_a_fallback() -> None:
    calls = []

    def f(x: object) -> object:
        calls.append(x)
        return _expm1_quotient(x)

    result = derivative(f, 0.0, full_output=True)
    assert result.nfev == len(calls)
    assert isinstance(calls[0], Jet)


@pytest.mark.parametrize("f", [abs, relu, lambda x: max(x, 0.0), lambda x: x if x > 0 else 0.0])
def test_auto_refuses_a_kink_at_a_tie(f: Callable[[float], float]) -> None:
    # Taylor mode said 0.0 +- 4.9e-324 (abs), 0 or 1 (max: by argument order).
    with pytest.raises(CalcwebError, match="no derivative"):
        derivative(f, 0.0, full_output=True)


def test_near_a_tie_auto_refuses_where_richardson_and_the_jets_disagree() -> None:
    # Huber f'' one ulp right of its junction is 0 (Taylor mode, right); Richardson
    # straddled the junction: 0.5 +- 1e-12. Falling back alone would lie. Since DERKINK
    # (session 22) Richardson's one-sided check refuses it itself (DomainError); either
    # refusal is right.
    x = 1.0 + 2 * EPS
    with pytest.raises(
        (NumericalError, DomainError), match=r"within rounding of a tie|no derivative"
    ):
        derivative(_huber, x, 2, full_output=True)


def test_near_a_tie_auto_takes_richardson_where_it_agrees_with_the_jets() -> None:
    x = 1.0 + 2 * EPS
    result = derivative(lambda t: t * t if t <= 1 else t * t + 0.0, x, 1, full_output=True)
    assert result.method == "richardson"
    assert abs(result.value - 2 * x) <= result.error


@pytest.mark.parametrize("bracket_on_y", [False, True])
def test_a_bisection_is_refused_not_answered_from_its_last_branch(bracket_on_y: bool) -> None:
    # Taylor mode said 0.0 +- 0.0 (float bracket) and 1.0 +- 8.7e-15 (bracket on y);
    # x(2) = 1 solves x**3 + x = 2, x'(2) = 1/4.
    def inverse(y: object) -> object:
        return inverse_by_bisection(y, bracket_on_y=bracket_on_y)

    with pytest.raises(NumericalError, match="bisection"):
        derivative(inverse, 2.0, full_output=True)
    assert abs(derivative(inverse, 2.0, method="richardson") - 0.25) < 1e-8


def test_a_bisection_for_a_target_near_0_is_refused_too() -> None:
    # x + exp(x) = y near y = 0 (x = -0.567): g's terms cancel, so its last comparisons
    # are within rounding on the scale of 1, not of y = 1e-9 (reach's floor). Was 0.0 +- 0.0.
    def inverse(y: object) -> object:
        lo, hi = -10.0, 10.0
        for _ in range(200):
            mid = 0.5 * (lo + hi)
            if mid + math.exp(mid) < y:
                lo = mid
            else:
                hi = mid
        return 0.5 * (lo + hi)

    with pytest.raises(NumericalError, match="within rounding of a tie"):
        derivative(inverse, 1e-9, full_output=True)


def test_a_line_measures_rounding_coordinate_by_coordinate() -> None:
    # Along e0 + e1 scaled to p0 = 6.9e14, p1 = 1.6 meets 0 13 roundings of t away; p1
    # itself is far from 0, so u > 0 is no tie (one reach in t refused this Hessian).
    def f(p: list) -> object:
        u = p[0] * p[1] / 1e9
        return log(u) if u > 0 else log(-u)

    result = hessian(f, full_output=True)([689725191333838.9, 1.5994055446394437])
    assert result.method == "ad"
    assert result.value[1][1] == pytest.approx(-1 / 1.5994055446394437**2, rel=1e-14)


def test_ad_with_full_output_refuses_a_branch_at_a_tie() -> None:
    with pytest.raises(NumericalError, match=r"f branches at x=0\.0: relu of 0\.0"):
        derivative(relu, 0.0, method="ad", full_output=True)
    with pytest.raises(NumericalError, match="method='richardson'"):
        derivative(_expm1_quotient, 0.0, method="ad", full_output=True)


def test_plain_ad_keeps_the_branchs_derivative() -> None:
    assert derivative(relu, 0.0, method="ad") == 0.0  # torch's convention
    assert derivative(abs, 0.0, method="ad") == 0.0
    assert derivative(_expm1_quotient, 0.0, method="ad") == 0.0  # the branch 1.0


@pytest.mark.parametrize(
    ("f", "x", "n"),
    [
        (lambda x: x if x > 0 else -x, 0.5, 1),  # a branch that holds around x
        (_huber, 0.999, 2),
        (_expm1_quotient, 1e-3, 2),
        (lambda x: exp(sin(x)) * x**3, 0.7, 3),  # no branch at all
        # (max(x, 0.0) ** 2 at -1e-3 returns a float: Richardson checks it since AD2,
        # test_ad2_taylor_mode.py.)
    ],
)
def test_no_branch_at_a_tie_means_one_call_on_jets(
    f: Callable[[float], float], x: float, n: int
) -> None:
    result = derivative(f, x, n, full_output=True)
    assert (result.method, result.nfev) == ("ad", 1)


# ------------------------------------------------------------------ other callers


def test_taylor_across_a_special_case_is_by_differences_or_refused() -> None:
    # Taylor mode said (1, 0, 0, 0) with errors (1.8e-15, 0, 0, 0).
    polynomial = taylor(_expm1_quotient, 0.0, 3)
    assert polynomial.method == "richardson"
    for c, error, true in zip(
        polynomial.coefficients, polynomial.errors, (1.0, 1 / 2, 1 / 6, 1 / 24), strict=True
    ):
        assert abs(c - true) <= max(error, 1e-15)
    with pytest.raises(NumericalError, match="degree of at most 4"):
        taylor(lambda x: 1.0 if x == 0 else sin(x) / x, 0.0, 6)


def test_taylor_near_a_tie_refuses_where_differences_and_jets_disagree() -> None:
    # As above: the jets' refusal, or (since DERKINK) Richardson's own.
    with pytest.raises(
        (NumericalError, DomainError), match=r"within rounding of a tie|no derivative"
    ):
        taylor(_huber, 1.0 + 2 * EPS, 2)


def test_jacobian_and_jvp_of_a_special_cased_quotient() -> None:
    def f(p: list) -> list:
        return [_expm1_quotient(p[0]) * p[1]]

    result = jacobian(f, full_output=True)([0.0, 1.0])
    assert abs(result.value[0][0] - 0.5) <= result.error[0][0]
    assert result.value[0][1] == 1.0
    value, tangent = jvp(lambda p: _expm1_quotient(p[0]), [0.0], [1.0])
    assert value == 1.0
    assert tangent == pytest.approx(0.5, abs=1e-8)  # was 0.0


def test_the_hessians_curve_refuses_a_branch_at_a_tie() -> None:
    # On x + t**2 e_0 + t**3 e_1, u = p0 * p1 = t**5: the special case takes the branch
    # 1 + 0 u, a jet whose t**5 coefficient, 0, would be read as H01 (exact g'(0) = 1/2).
    def f(p: list) -> object:
        u = p[0] * p[1]
        return 1.0 + 0.0 * u if u == 0 else (exp(u) - 1) / u

    assert _mixed_on_jets(f, [0.0, 0.0], 0, 1, bounded=True) is None
    on_the_curve = _mixed_on_jets(lambda p: exp(p[0] * p[1]), [0.0, 0.0], 0, 1, bounded=True)
    assert on_the_curve is not None
    assert on_the_curve.value == 1.0


def test_a_step_that_moves_nothing_is_refused_where_auto_falls_back_from_a_branch() -> None:
    # x + 1e-17 rounds to x = 1000: "auto" falls back to differences with that step.
    def f(p: list) -> object:
        return 1.0 if p[0] == 1000 else sin(p[0] - 1000) / (p[0] - 1000)

    with pytest.raises(NumericalError, match="moves no coordinate"):
        grad(f, h=1e-17)([1000.0])


# ------------------------------------------------------------------ bare errors


def _float32(x: float) -> float:
    return struct.unpack("f", struct.pack("f", x))[0]  # struct.error on a jet


def _asserts_a_float(x: float) -> float:
    assert isinstance(x, float)
    return x * x


@pytest.mark.parametrize(("f", "exact"), [(_float32, 1.0), (_asserts_a_float, 2.0)])
def test_auto_falls_back_on_any_error_f_raises_on_a_jet(
    f: Callable[[float], float], exact: float
) -> None:
    honest_or_refused(f, 1.0, exact)
    assert derivative(f, 1.0, full_output=True).method == "richardson"
    assert taylor(f, 1.0, 1).method == "richardson"
    assert grad(lambda p: f(p[0]))([1.0])[0] == pytest.approx(exact, rel=1e-4)


def test_ad_names_the_error_f_raised_on_a_jet() -> None:
    with pytest.raises(ArgumentTypeError, match="f raised error: required argument"):
        derivative(_float32, 1.0, method="ad")


def test_f_failing_on_floats_too_passes_its_error_through() -> None:
    def f(x: float) -> float:
        raise KeyError(f"f's own, at {x}")

    with pytest.raises(KeyError):
        derivative(f, 1.0)


def test_the_170th_derivative_is_refused_not_an_overflow() -> None:
    with pytest.raises(CalcwebError):
        derivative(math.exp, 1.0, 170, method="richardson")
