"""Attacks an outsider made on derivative, limit and integrate (session 27, OUTSIDER10).

The attack: families the earlier attackers did not draw, through the public
API only, each answer against mpmath (50 digits) or a closed form: kinks of
f'' and f''' built from polynomials (``k max(t - c, 0)**p + sin(a t)``),
smoothstep joins, Huber, softplus with a large beta, the max of two smooth
functions, special functions written with ``math`` (erf, gamma, lgamma, a
Bessel series summed to a tolerance), f defined by loops (Newton, series,
fixed points), tiny times huge factors; sequences written as functions of x
at infinity; interior inverse-square-root and logarithmic singularities,
near-poles and oscillatory integrands with slowly varying amplitude. The
contract (DESIGN.md): with ``full_output=True`` the true error is at most
twice ``error``, or the answer is refused. The rates are in the session's
report (/tmp/s27/OUTSIDER10/report.md); each marked test fails today for the
reason in its comment.

- derivative of order 3 or more at a jump of f^(n) answered the mean of the
  two one-sided values with a tiny error: ``0.3 max(t - 0.5, 0)**3 +
  sin(3 t)`` at 0.5, n = 3, was -1.0099044449236736 +- 4.1e-10 where the
  sides are -1.9099 and -0.1099 (the kink check's one-sided walk ran for
  orders 1 and 2 only). Near the jump (0.5001) it was -0.99922 +- 0.040 for
  -0.10182. ``taylor`` carried the same coefficient. Refused now (sessions
  27, DERN3, and 28, DERHI).
- derivative of order 2 at a jump of f'' could answer the mean too:
  ``0.3 max(t + 1.82, 0)**2 + sin(1.9 t)`` at -1.82 was -0.823266892468224 +-
  2.3e-12 for the sides -1.1233 and -0.5233 (refused now: session 28, DERHI).
- derivative of order 2 near a small jump of f'' (within the walk's step):
  ``0.01 max(t - 0.5, 0)**2 + sin(3 t)`` at 0.499 was -8.965714397426236 +-
  6.8e-4 for -8.975504579339659 (14 times its error off); ``hessian`` gave
  the same entry. Honest now, +- 0.0105 (session 29, DERJUMP).
- limit at x0 keeps the value f approaches far from x0 where f, closer to x0,
  settles on another: ``exp(t) + exp(-t / 1e-7)`` at 0+ is 1.0000000000000002
  +- 7.0e-15, converged, for 2 (the samples from 1e-9 down to 1e-92 read
  1.99 to 2.0). Of g(t) + A bump(t / w) at 0+ (bump a Gaussian, 1 - tanh,
  Lorentzian, sech**2 or exp(-u); w = 10**U(-10, -2); g = 1, sin(t)/t or
  exp(t)), 65 of 300 draws lie so (seeds 0-299), 73 of 300 held out (seeds
  9000-9299); it was so before this session (5bdc1df). At infinity alike:
  ``2 atan(x) / pi + exp(-(x / 1e12)**2)`` is 2.0000000000000004 +- 1.1e-14,
  converged, for 1, though f reads 1 at the samples from 1e13 to 1.6e29; of
  g(x) + A bump(x / L), L = 10**U(2, 22), 29 of 150 draws lie (seeds 0-199),
  31 of 144 held out (seeds 9000-9199). Fixed (these three tests pass):
  `_settled_elsewhere` bounded the step's size by ``DROP`` of the value
  (a fall below it is `_lost_drop`'s only into lost digits, and a smooth one
  off a plateau `_past_the_plateau`'s: test_review15); with f's samples bounded
  instead, the bump draws lie 1 and 0 times (5 and 7 right answers
  refused more), at infinity 25 of 150 (2 more refused).
- limit at infinity kept the far value where f, farther out, reads one
  float exactly (no three distinct samples): ``1 - 7/(1 + (x/1e12)**2)`` was
  -6.0 +- 2.7e-15, converged, for 1. Fixed in session 28 (LIMFAR): samples
  that move one way, by changes that grow steadily from nothing and then
  shrink, are estimated from the largest change on (`_past_the_change`).
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from typing import Literal

import pytest

import calcweb as cw

Function = Callable[[float], float]


def _xfail(raises: type[BaseException] = AssertionError) -> pytest.MarkDecorator:
    """Strict natively; ``raises``: the reason it fails today (another failure is an error)."""
    return pytest.mark.xfail(
        strict=sys.platform != "emscripten", raises=raises, reason="see the test's comment"
    )


def _honest_or_refused(f: Function, x: float, n: int, *exact: float) -> None:
    """Within twice the error of every value in ``exact`` (both sides at a jump), or refused."""
    try:
        result = cw.derivative(f, x, n, full_output=True)
    except (cw.NumericalError, cw.DomainError):
        return  # a DomainError says no derivative exists: right at a jump
    for value in exact:
        assert abs(result.value - value) <= 2.0 * result.error, (result, exact)


def _cubic_join(t: float) -> float:
    """f''' jumps by 1.8 at 0.5: f'' is continuous, kinked there."""
    return 0.3 * max(t - 0.5, 0.0) ** 3 + math.sin(3.0 * t)


def _quartic_join(t: float) -> float:
    """f'''' jumps by 7.2 at 0.5."""
    return 0.3 * max(t - 0.5, 0.0) ** 4 + math.sin(3.0 * t)


def _small_jump_of_f2(t: float) -> float:
    """f'' jumps by 0.02 at 0.5 (against |f''| near 9)."""
    return 0.01 * max(t - 0.5, 0.0) ** 2 + math.sin(3.0 * t)


# Sides of the jumps: mpmath at 50 digits of -27 cos(1.5) (+ 1.8) and 81 sin(1.5) (+ 7.2).
_CUBIC_SIDES = (-1.9099044450279785724, -0.10990444502797857238)
_QUARTIC_SIDES = (80.797093914928408906, 87.997093914928408906)


# --- what lies -----------------------------------------------------------------------


def test_a_third_derivative_at_a_jump_of_f3_is_not_the_mean_of_its_sides() -> None:
    # Was -1.0099044449236736 +- 4.1e-10: the central quotients' mean of the sides. Of k
    # max(t - c, 0)**3 + sin(a t) at c: 8 of 20 draws lied so (seeds 0-399), 11 of 16 held
    # out (seeds 5000-5399); 1 and 4 after `_twice_at_smallest`, 0 and 0 now (`_over_the_window`).
    _honest_or_refused(_cubic_join, 0.5, 3, *_CUBIC_SIDES)


def test_a_fourth_derivative_at_a_jump_of_f4_is_not_the_mean_of_its_sides() -> None:
    # Was 84.39709391871455 +- 3.5e-8 (the mean, 84.397). 9 of 14 draws at the jump lied
    # (seeds 0-399), 9 of 15 held out; then 2 and 2, now 0 and 0.
    _honest_or_refused(_quartic_join, 0.5, 4, *_QUARTIC_SIDES)


def test_a_third_derivative_just_beside_a_jump_of_f3_is_honest() -> None:
    # f''' exists at 0.5001 (1.8 - 27 cos(1.5003) = -0.10182, mpmath); was -0.99922 +-
    # 0.040: the steps straddle the jump (now refused). Of draws 1e-7 to 1e-3 beside: 20
    # of 33 lied (seeds 0-399), 15 of 34 held out; then 3 and 2, now 0 and 0.
    _honest_or_refused(_cubic_join, 0.5001, 3, -0.10182464981198283561)


def test_taylor_does_not_carry_the_mean_of_the_sides_as_a_coefficient() -> None:
    # taylor(f, 0.5, 3).coefficients[3] was -0.16831740748727894 +- 4.1e-10 (errors[3]):
    # the sides / 3! are -0.3183 and -0.0183.
    try:
        p = cw.taylor(_cubic_join, 0.5, 3)
    except (cw.NumericalError, cw.DomainError):
        return
    for side in _CUBIC_SIDES:
        assert abs(p.coefficients[3] - side / 6.0) <= 2.0 * p.errors[3], (p, side)


def test_a_fourth_derivative_of_sin_is_answered_where_one_level_of_the_check_disagrees() -> None:
    # The check at the window's smallest steps (0.0375 down) extrapolated the forward
    # quotients twice to -0.1129665 +- 7.4e-5 for -0.1128787: refused (bench.honesty higher
    # seed 1), until a disagreement had to hold on a level below too.
    x = -0.11311982629193644
    result = cw.derivative(math.sin, x, 4, full_output=True)
    assert abs(result.value - math.sin(x)) <= 2.0 * result.error, result


def test_a_second_derivative_at_a_large_jump_of_f2_is_not_the_mean_of_its_sides() -> None:
    # Was -0.823266892468224 +- 2.3e-12 for sides -1.1233 and -0.5233 (mpmath of
    # -1.9**2 sin(1.9 (-1.82)), and + 0.6). Rare: 2 of 15 draws at a jump of f'' (seeds
    # 0-399), 0 of 14 held out; 0.3 max(t + 1.8, 0)**2 + sin(2 t) at -1.8 was refused.
    # Refused now: the forward quotients over the window disagree (`_over_the_window`).
    def f(t: float) -> float:
        return 0.3 * max(t + 1.82, 0.0) ** 2 + math.sin(1.9 * t)

    _honest_or_refused(f, -1.82, 2, -1.1232668924684902135, -0.52326689246849023568)


def test_a_second_derivative_near_a_small_jump_of_f2_is_honest() -> None:
    # Was -8.965714397426236 +- 6.8e-4 for -9 sin(1.497) = -8.975504579339659 (mpmath),
    # 14 times its error off: the walk's steps (0.2) straddle the jump 0.001 away. Now
    # +- 0.0105: the forward and backward quotients differ by the jump (`_hold_both_sides`).
    _honest_or_refused(_small_jump_of_f2, 0.499, 2, -8.9755045793396587134)


def test_hessian_near_a_small_jump_of_f2_is_honest() -> None:
    # The same entry through hessian: was -8.965714397426437 +- 6.8e-4.
    def f(p: list[float]) -> float:
        return _small_jump_of_f2(p[0]) + p[1] ** 2

    try:
        result = cw.hessian(f, full_output=True)([0.499, 1.0])
    except cw.NumericalError:
        return
    assert abs(result.value[0][0] + 8.9755045793396587134) <= 2.0 * result.error[0][0], result


def _limit_honest(f: Function, x0: float, side: Literal["both", "+"], exact: float) -> None:
    """``converged=True`` means the value is within twice its error (DESIGN.md)."""
    result = cw.limit(f, x0, side=side, full_output=True)
    assert isinstance(result, cw.LimitResult)
    if result.converged:
        assert abs(result.value - exact) <= 2.0 * result.error, (result, exact)


def test_a_limit_does_not_keep_the_far_value_of_a_boundary_layer() -> None:
    # Was 1.0000000000000002 +- 7.0e-15, converged, for exp(0) + 1 = 2; refused now.
    _limit_honest(lambda t: math.exp(t) + math.exp(-t / 1e-7), 0.0, "+", 2.0)


def test_a_limit_of_a_smooth_f_with_a_narrow_bump_at_x0_sees_the_bump() -> None:
    # sin(t)/t + 4 exp(-(t / 1e-7)**2) at 0: was 1.0000000000000002 +- 4.4e-15, from both
    # sides "which agree", for 5; 1 + exp(-(t / 1e-7)**2) is 1.0 +- 1.3e-10 for 2.
    _limit_honest(lambda t: math.sin(t) / t + 4.0 * math.exp(-((t / 1e-7) ** 2)), 0.0, "both", 5.0)


def test_a_limit_at_infinity_does_not_keep_the_value_before_a_slow_decay() -> None:
    # Was 2.0000000000000004 +- 1.1e-14, converged, for 1 (the Gaussian is gone past 1e13).
    _limit_honest(
        lambda x: 2.0 / math.pi * math.atan(x) + math.exp(-((x / 1e12) ** 2)), math.inf, "both", 1.0
    )


def test_a_limit_at_infinity_does_not_keep_the_value_before_f_reads_its_limit_exactly() -> None:
    # Was -6.0 +- 2.7e-15, converged, for 1 (f is 1.0 exactly at the samples from 1e20 on);
    # session 28 (LIMFAR): 1.0000000000001814 +- 9e-09, from the samples past the change.
    _limit_honest(lambda x: 1.0 - 7.0 / (1.0 + (x / 1e12) ** 2), math.inf, "both", 1.0)
