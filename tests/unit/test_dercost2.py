"""DERCOST2 (session 27): a second derivative's one-sided check from the walk's own points.

HIGHORD's halving one-sided walk (`_richardson._extrapolated_twice`) made every
smooth second derivative dearer (sin at 0.5: 31 -> 43 calls). Its forward
second quotient on ``x, x + a, x + b`` exceeds the backward one on ``x, x - a,
x - b`` by twice ``G = 2 (O(b) / b - O(a) / a) / (b - a)``, ``O`` the odd part
of ``f``: for a smooth ``f`` a series in odd powers of the steps, to which a
jump of ``f''`` at ``x`` adds half the jump as a constant. `_odd_part_agrees`
fits ``G`` at each two neighbouring steps of the central walk (no new call);
where its constant is 0 within rounding the walk below is not taken, and where
it is not (a jump at ``x``, or one among the steps) the walk runs as before.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable

import pytest

from calcweb import DomainError, derivative
from calcweb._richardson import _odd_fit


@pytest.mark.parametrize(
    ("f", "x", "exact", "calls"),
    [
        # Each 1 more since `_seen_off_the_grid`'s point: 30, 26 and 26 before
        (math.sin, 0.5, -math.sin(0.5), 31),  # 43 with the walk, 31 before it
        (math.log, 1e-5, -1e10, 27),  # 43 with the walk, 28 before it
        (lambda t: 1.0 / math.sin(t), 0.1, None, 27),  # 35 with the walk, 27 before it
    ],
    ids=["sin at 0.5", "log at 1e-5", "1/sin at 0.1"],
)
def test_a_smooth_second_derivative_takes_no_one_sided_walk(
    f: Callable[[float], float], x: float, exact: float | None, calls: int
) -> None:
    if exact is None:  # (1 / sin)'' = (1 + cos**2) / sin**3
        exact = (1.0 + math.cos(x) ** 2) / math.sin(x) ** 3
    result = derivative(f, x, 2, full_output=True)
    assert result.nfev == calls, result
    assert abs(result.value - exact) <= 2.0 * result.error, result


@pytest.mark.parametrize(
    ("f", "x"),
    [
        # one-sided f'' 3.8 and 1.8: the fit's constant is 1.0, the central estimate 2.8
        (lambda t: max(t - 0.3, 0.0) ** 2 + t**3, 0.3),
        # a jump of 1e-6 of f'' = -0.48 beside sin: one-sided -0.4794250 and -0.4794260
        (lambda t: math.sin(t) + 5e-7 * max(t - 0.5, 0.0) ** 2, 0.5),
    ],
    ids=["relu**2 at 0.3", "small jump beside sin"],
)
def test_a_jump_of_f2_at_x_is_left_to_the_walk(f: Callable[[float], float], x: float) -> None:
    with pytest.raises(DomainError, match="derivative of order 2"):
        derivative(f, x, 2, full_output=True)


@pytest.mark.parametrize(
    ("c", "d"),
    [(1e-10, 0.07), (1e-8, 0.15)],
    ids=["1e-10 at 0.07", "1e-8 at 0.15"],
)
def test_a_small_jump_among_the_steps_is_held_by_the_error(c: float, d: float) -> None:
    # f'' jumps by 2 c at 0.5 + d, among the window's steps (0.2 down to 0.025): the
    # fit agrees (its constant within rounding), and the walk's error holds f''(0.5).
    def f(t: float) -> float:
        return math.sin(t) + c * max(t - 0.5 - d, 0.0) ** 2

    result = derivative(f, 0.5, 2, full_output=True)
    assert abs(result.value + math.sin(0.5)) <= 2.0 * result.error, result


def test_the_fit_of_pairs_finds_the_constant() -> None:
    # G on the steps (a, b): c + f3 (a + b) / 3 + f5 (a**3 + a**2 b + a b**2 + b**3) / 60
    c, f3, f5, f7 = 0.5, 3.0, -7.0, 11.0

    def g(a: float, b: float) -> float:
        h3 = a**3 + a**2 * b + a * b**2 + b**3
        h5 = sum(a**i * b ** (5 - i) for i in range(6))
        return c + f3 * (a + b) / 3.0 + f5 * h3 / 60.0 + f7 * h5 / 2520.0

    steps = [0.4, 0.2, 0.15, 0.1, 0.05]
    rows = [((a, b), g(a, b), 0.0) for b, a in itertools.pairwise(steps)]
    constant, weights = _odd_fit(rows)
    assert constant == pytest.approx(c, abs=1e-12)
    assert math.fsum(weights) == pytest.approx(1.0, abs=1e-12)


def test_a_constant_beyond_the_fits_own_error_is_left_to_the_walk() -> None:
    # crestscan --order 2 seed 1: the fit's constant 164 was within its rounding (206)
    # but beyond its error (157 + 2.2): taken as the one-sided value, it refused the
    # crest's f'' (-1.499e10) as a jump; the walk below agrees with the estimate.
    k, c, x = 122433.79, 4.4903, -0.5913218941707178
    mpmath = pytest.importorskip("mpmath")
    with mpmath.workdps(40):
        exact = float(-(mpmath.mpf(k) ** 2) * mpmath.sin(mpmath.mpf(k) * x + mpmath.mpf(c)))
    result = derivative(lambda t: math.sin(k * t + c), x, 2, full_output=True)
    assert abs(result.value - exact) <= 2.0 * result.error, result
