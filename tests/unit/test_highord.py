"""HIGHORD: derivatives of order 2 and the Hessian where ``f'`` has a kink.

f written with `math` ("auto" is Richardson). Where ``f''`` jumps at ``x``
(``max(t - c, 0)**2``, ``(t - c) |t - c|``), the central second difference
is the mean of the two sides, and for a piecewise polynomial it is that mean
exactly at every step: a tableau of one value, +- 1e-13. The forward
quotient extrapolated once (steps h and h / 2) disagreed with it by less than
4 times how far it moved, an allowance far above the
estimate's error; a first derivative then follows the forward quotients to
halving steps, extrapolated twice (`_richardson._extrapolated_twice`), and
now so does every order. One-sided values are closed forms.

That walk halves its step until its verdict; where half the step rounds back
to it (x's float spacing) the extrapolation divided by 0.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import mpmath
import pytest

from calcweb import DomainError, NumericalError, derivative, grad, hessian


@pytest.mark.parametrize(
    ("f", "x"),
    [
        # was 2.8 +- 9.6e-14; one-sided f'' 3.8 and 1.8
        (lambda t: max(t - 0.3, 0.0) ** 2 + t**3, 0.3),
        # was 7.0 +- 2.2e-12; one-sided 8 and 6
        (lambda t: max(t - 1.0, 0.0) ** 2 + t**3, 1.0),
        # was 1.0 +- 4.6e-15 (the mean of 2 and 0)
        (lambda t: max(t, 0.0) ** 2 + t**3, 0.0),
        # a jump of 1% in f'': was 40.119173120776466 +- 3.5e-11, for 40.307 and 39.931
        (
            lambda t: 20.0 * math.sin(1.5 * t + 1.0) + 0.094 * (t + 0.014) * abs(t + 0.014),
            -0.014,
        ),
    ],
    ids=["relu**2 at 0.3", "relu**2 at 1", "relu**2 at 0", "u|u| beside sin"],
)
def test_a_jump_in_the_second_derivative_is_refused(f: Callable[[float], float], x: float) -> None:
    with pytest.raises(DomainError, match="derivative of order 2"):
        derivative(f, x, 2, full_output=True)


def test_a_hessian_entry_across_a_jump_of_f_xx_is_refused() -> None:
    # H[0][0] was 1.0 +- 4.6e-15 (the mean of 2 and 0): f_xx jumps at p[0] = 0
    with pytest.raises(DomainError, match="derivative of order 2"):
        hessian(lambda p: max(p[0], 0.0) ** 2 + p[0] ** 3 + p[0] * p[1])([0.0, 1.0])


@pytest.mark.parametrize(
    ("f", "x", "n", "exact"),
    [
        (math.sin, 0.5, 2, -math.sin(0.5)),
        (math.exp, 1.5, 2, math.exp(1.5)),
        (lambda t: t**3, 0.3, 2, 1.8),
        # halving steps do not sharpen a one-sided verdict of order 3 or more: when they
        # were taken here, two levels short of f's scale said 246.2 +- 5.8 (dernscan seed 2)
        (lambda t: math.log(1 + t * t), 0.0, 6, 240.0),
    ],
    ids=["sin", "exp", "cube", "log(1 + t**2), n = 6"],
)
def test_a_smooth_derivative_is_still_answered(
    f: Callable[[float], float], x: float, n: int, exact: float
) -> None:
    result = derivative(f, x, n, full_output=True)
    assert abs(result.value - exact) <= 2.0 * result.error, (result, exact)


def test_halving_onto_the_float_spacing_ends_the_one_sided_walk() -> None:
    # At x[0] = 3.2e13 (ulp 0.0039) half a one-sided step rounded back to it, and the
    # extrapolation divided by 0: a ZeroDivisionError escaped (hessscan seed 2). Now f
    # at that scale of float spacings is refused as such.
    b = 1.41e-6
    with pytest.raises(NumericalError, match="float spacing"):
        grad(lambda p: math.sin(p[0] + b * p[1] * p[1]))([31726603819683.38, -349650483.5427365])


# --- order 2 or more: a noise that is f's own swing below the walk's steps ----------------


@pytest.mark.parametrize(
    ("c", "a", "x"),
    [
        # was 786963.97 +- 0.18 (the quartic's f'' alone) for 1806548391.0
        (7.556427391373798, 1.869294335138648, 93.15979874970411),
        # was 8535.24 +- 0.048 for -8127215.3
        (0.08688696753674936, 0.8385958660957367, 90.47732029488826),
    ],
)
def test_a_fast_sine_beside_a_quartic_is_not_averaged_away(c: float, a: float, x: float) -> None:
    # fasttermscan --family cube --order 2, seed 1: the sine's period (about 1e-4) is far
    # below the walk's steps (4.7 and up); its swings were read as noise, 3.46, and refused
    # as f's own variation (`_check_noise_is_swing`). Since session 30 (DERPOW) that noise
    # is seen gone at finer spacings (`_gone_below`), the quotient at the noise spacing
    # refutes the window (`_seen_far_below`), and the walk below it answers.
    result = derivative(lambda s: c * s**4 + math.sin(a * s**3), x, 2, full_output=True)
    with mpmath.workdps(40):
        exact = float(mpmath.diff(lambda s: c * s**4 + mpmath.sin(a * s**3), mpmath.mpf(x), 2))
    assert abs(result.value - exact) <= 2.0 * result.error, (result, exact)
    assert result.error < 1e-2 * abs(exact)


def test_a_swing_resolved_by_the_walk_is_answered() -> None:
    # the same family near 10, where the sine's period (0.005) is within the steps' reach
    c, a, x = 0.5, 1.3, 10.25
    exact = (
        12 * c * x**2 + 6 * a * x * math.cos(a * x**3) - (3 * a * x**2) ** 2 * math.sin(a * x**3)
    )
    result = derivative(lambda s: c * s**4 + math.sin(a * s**3), x, 2, full_output=True)
    assert abs(result.value - exact) <= 2.0 * result.error + 1e-9 * abs(exact), (result, exact)


@pytest.mark.parametrize(
    ("x", "n"),
    [(8.817450875010403, 2), (8.99470692909151, 3), (3.0451643139678453, 2)],
)
def test_stairs_in_a_tail_are_no_swing(x: float, n: int) -> None:
    # t (1 - tanh t): 1 - tanh t rounds to ulp(1), stairs of it times t. Within one stair
    # f is smooth to rounding too, but its 4th differences drop there from a stair's
    # height, not fall as a swing's (tailscan: each was refused by a first version).
    sech2 = 1.0 / math.cosh(x) ** 2
    tanh = math.tanh(x)
    exact = {2: -2.0 * sech2 + 2.0 * x * sech2 * tanh}
    exact[3] = 6.0 * sech2 * tanh + 2.0 * x * sech2 * (1.0 - 3.0 * tanh * tanh)
    result = derivative(lambda t: t * (1.0 - math.tanh(t)), x, n, full_output=True)
    assert abs(result.value - exact[n]) <= 2.0 * result.error, (result, exact[n])


def test_a_crest_resolved_by_the_walk_is_answered() -> None:
    # crestscan --order 2 seed 1: the noise read (8.4e-12) is a t rounded inside sin, whose
    # reads below the walk's steps (3.7e-14, then rounding) never fell as a swing's do.
    k, c, x = 6161294.57, 4.7819, 0.9470395962165754
    exact = -(k**2) * math.sin(k * x + c)
    result = derivative(lambda t: math.sin(k * t + c), x, 2, full_output=True)
    assert abs(result.value - exact) <= 2.0 * result.error, (result, exact)
