"""Derivatives of order 2 to 6 a fraction of a step from a jump or kink of f^(n) (DERKINK4).

Each case lied before (the value in its comment); now it is honest, or refused.
Where a jump of ``f^(n)`` lies a fraction of the walk's steps from ``x``, the
central quotients see a share of it that changes with the step, not the half
they see of one at ``x`` (`_sides_apart`); where the quotients below a window
leave it by more than its truncation and its error, its error holds them
(`_Walk.check_accepted`); the forward minus backward quotients go on below
the window while they still near their expansion (`_still_nearing`); and the
4th differences of ``f`` that fall into rounding as a smooth ``f``'s do, give
or take that rounding, are ``f``'s swing, not noise (`_check_noise_is_swing`).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

import calcweb as cw
from calcweb._richardson import Estimate, _OddWindow, _sides_apart, _still_nearing

Function = Callable[[float], float]


def _honest_or_refused(f: Function, x: float, n: int, exact: float) -> None:
    """Within twice the error of ``exact``, or refused."""
    try:
        result = cw.derivative(f, x, n, full_output=True)
    except (cw.NumericalError, cw.DomainError):
        return
    assert abs(result.value - exact) <= 2.0 * result.error, (result, exact)


def _beside(k: float, c: float, a: float, p: int) -> Function:
    """``k max(t - c, 0)**p + sin(a t)`` (OUTSIDER10's kscan): ``f^(p)`` jumps at ``c``."""
    return lambda t: k * max(t - c, 0.0) ** p + math.sin(a * t)


def _sine_derivative(a: float, x: float, n: int) -> float:
    """The ``n``-th derivative of ``sin(a t)`` at ``x``."""
    return a**n * math.sin(a * x + n * math.pi / 2.0)


@pytest.mark.parametrize(
    ("kscan", "x", "n"),
    [
        # kscan seed 48: f''' jumps by 0.02 at x + 0.0097; the walk's window (0.25 to
        # 0.031) all across it: -10.813712620549097 +- 0.00263 for -10.821000449590311.
        ((0.0033695030475312015, 0.1926313136653186, 2.278867105670061, 3), 0.18294495377534137, 3),
        # kscan56 seed 7339: f^(5) jumps by 5.04 at x + 0.022: 14.781071385373563 +- 0.392
        # for 12.60088889153147.
        ((0.041971102266853355, -0.5362875214309732, 2.635917463176142, 5), -0.5582911490712567, 5),
    ],
)
def test_a_jump_a_fraction_of_a_step_away_is_seen_in_part(
    kscan: tuple[float, float, float, int], x: float, n: int
) -> None:
    k, c, a, p = kscan  # k max(t - c, 0)**p + sin(a t)
    _honest_or_refused(_beside(k, c, a, p), x, n, _sine_derivative(a, x, n))


def test_a_side_is_half_the_jump_away_unless_the_quotients_moved() -> None:
    still = Estimate(1.0, 1e-6, 0, 0.1, "central", window=((0.1, 1.0), (0.05, 1.0 + 1e-9)))
    assert _sides_apart(still, -2.0) == pytest.approx((-1.0, 1.0), rel=1e-8)
    moved = Estimate(1.0, 1e-6, 0, 0.1, "central", window=((0.1, 0.5), (0.05, 0.9)))
    assert _sides_apart(moved, -2.0) == pytest.approx((-1.4, 1.4))
    assert _sides_apart(moved, 0.5) == (-0.5, 0.5)  # the whole jump, at most


def test_quotients_below_the_window_leave_it() -> None:
    # kscan56 seed 7393: f^(5) kinks 0.04 right of x, the window (0.3 to 0.075) across
    # it: 17.057040415681882 +- 0.000488 for 17.058401870629808.
    k, c, a = 0.010160985324833519, 0.35799823881799453, 2.2566763211062386
    x = 0.31809104895233203
    _honest_or_refused(_beside(k, c, a, 5), x, 4, _sine_derivative(a, x, 4))


def test_a_relu_kink_of_f1_far_beside_the_window() -> None:
    # derkinkscan --order 2 seed 1: f'' jumps by 2.66e-7 at 2, x 0.0067 left of it, the
    # window at 0.4 to 0.05: -0.0009611604561541288 +- 3.4e-8 for -0.00096125297159;
    # the quotient at 7.8e-4 was -0.00096126, 1e-7 from it, noise 8.4e-9.
    a1, w, a2, b = 1.6941070087019978, 8.14167043935692, 0.7155288849593083, -0.39749307877117324
    c, s = 6.165309403806359e-06, 0.20764765720977724

    def f(t: float) -> float:
        kink = c * max(s * (t - 2.0), 0.0) ** 2 / 2.0
        return a1 * math.atan(w * t) + a2 * math.exp(b * t) + kink

    _honest_or_refused(f, 1.9932650195906263, 2, -0.0009612529715942864)


def test_a_swing_that_falls_into_rounding_give_or_take_it() -> None:
    # fastoffscan seed 4: f ~ 1e-99 at x, never resolved; the 4th differences read
    # 4.5e-103 and then 5.9e-108, within the rounding there, a fall of 7.6e4 (16**4 =
    # 65536 for a smooth f, to that read's rounding): -5.0e-84 +- 1.7e-81 for -3.3e-58.
    def f(t: float) -> float:
        return math.exp(238.45 * t) * math.sin(13885100.0 * t + 4.0872) * math.cos(2288350.0 * t)

    _honest_or_refused(f, -0.9589, 6, -3.3159008595149366e-58)


def test_a_jump_at_x_beside_an_odd_part_not_yet_resolved() -> None:
    # derkinkscan --order 2 seed 22, draw 120: at 0 the central quotients see the even
    # part only (an exp's, resolved at steps 0.2 to 0.025); the forward minus backward
    # ones, atan(13.3 t)'s odd part, rose and fell (-90, -228, -354, -316, -195) and
    # stopped as settled: 4.8390480450875515 +- 7.9e-12 for the sides 4.8392455 and
    # 4.8388506 (f'' jumps by 3.95e-4 at 0).
    a1, w, a2, b = 1.7800522549916427, 13.34428220754384, 2.3162237125480365, 1.4454350354774845
    c, s = -0.00021118660713916417, -1.3675809133240595

    def f(t: float) -> float:
        return a1 * math.atan(w * t) + a2 * math.exp(b * t) + c * max(s * t, 0.0) ** 2 / 2.0

    for side in (4.839245533874526, 4.838850556303385):
        _honest_or_refused(f, 0.0, 2, side)


def test_differences_rising_and_falling_still_near_their_expansion() -> None:
    table = _OddWindow(1)
    for step, apart in ((0.2, -89.6), (0.1, -227.5), (0.05, -354.0), (0.025, -316.4)):
        table.add(step, apart, 1e-11)
    assert _still_nearing(table, 0.0)
    assert not _still_nearing(table, 100.0)  # within the noise measured: no expansion
    settled = _OddWindow(1)
    for step in (0.2, 0.1, 0.05):
        settled.add(step, 1.0 + 3.0 * step, 1e-11)
    assert not _still_nearing(settled, 0.0)
