"""Small steps on sin(x) in the gap around a bisection's middle (stairscan seed 4, session 19).

`_Panels.split` flags a jump in the gap between the halves' innermost nodes
when f there differs ten times more than at their next nodes. On a slope
that misses a small step: on sin x the neighbours' differences were 5.8e-4
and the gap 0.00302 with a step of 0.00325 in it, so the step sat unflagged
in the sliver beyond the outermost node of every later panel at that end,
which no node saw; seed 4's three lies (off by 1.3e-7, 3.7e-7 and 6.4e-8,
claiming 3.2e-13, 5.1e-9 and 1.4e-10) were each such a step. Each side's
two nodes, extrapolated in a line to the middle, now predict f there
(`_sloped_gap_jump`). The exact values are the steps' rectangles in
fractions plus cos a - cos b, as ``bench/scans/stairscan.py`` sums them.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction

import pytest

from calcweb import IntegrationResult, integrate
from calcweb._gauss_kronrod import K21
from calcweb._integrate import _sloped_gap_jump

# (steps as (where, height), a, b, tol): stairscan 4 300's three lies.
CASES = [
    (
        [
            (0.16735011199753608, 0.03456224866272848),
            (0.027963379917505166, -0.003254634296990921),
            (-0.11640454696468165, 0.039696382437818416),
            (0.2613502752757818, 0.3678655376773507),
        ],
        -0.13107607149881773,
        0.29292029423181265,
        1.5e-11,
    ),
    (
        [
            (-1.3287932568796172, -0.13885158211222737),
            (-1.9178831518667185, -0.9257813765476444),
            (-2.6035123464317995, 0.003929423914828624),
            (-0.20744133472378667, -0.026167657864956145),
        ],
        -2.7770624869338603,
        -0.0017514097326798428,
        5.59e-09,
    ),
    (
        [
            (-0.9574838746286616, -0.02903926234469965),
            (-0.5461935575732835, -0.030775942515546592),
            (-0.7554267594451763, -0.004267064563332762),
            (-1.060364604706694, -0.3492990677693281),
            (-0.8115572502016087, -0.0011859567174886498),
            (-1.4333841101306428, -0.14589142202797664),
        ],
        -1.625900115733633,
        0.7432537708479994,
        1.08e-09,
    ),
]


@pytest.mark.parametrize(("steps", "a", "b", "tol"), CASES)
def test_small_steps_on_a_sine_are_honest(
    steps: list[tuple[float, float]], a: float, b: float, tol: float
) -> None:
    def f(x: float) -> float:
        return math.sin(x) + sum(h for c, h in steps if x > c)

    rectangles = sum((Fraction(h) * (Fraction(b) - Fraction(c)) for c, h in steps), Fraction(0))
    exact = math.cos(a) - math.cos(b) + float(rectangles)
    result = integrate(f, a, b, tol=tol, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert result.converged
    assert abs(result.value - exact) <= 2.0 * result.error + 1e-15


def _gap_samples(
    f: Callable[[float], float], middle: float, radius: float
) -> tuple[tuple[float, float], tuple[float, float]]:
    """f at the left half's last two nodes and the right half's first two (innermost first).

    Node u of the half [m - 2r, m] sits at m - r + u r: its last two at
    m - (1 - x0) r and m - (1 - x1) r, mirrored on the right half.
    """
    x0, x1 = K21.nodes[0], K21.nodes[1]
    inner = (f(middle - (1.0 - x0) * radius), f(middle + (1.0 - x0) * radius))
    outer = (f(middle - (1.0 - x1) * radius), f(middle + (1.0 - x1) * radius))
    return inner, outer


def test_a_step_on_a_slope_is_seen_and_smooth_f_is_not() -> None:
    # The first case's bisection of a panel 0.106 wide at 0.0279226, its
    # step of 0.00325 at 0.0279634 in the gap: the old test (gap ten times
    # the neighbours' differences) misses it.
    middle, radius = 0.027922565650168665, 0.106 / 4.0
    stepped = _gap_samples(
        lambda x: math.sin(x) - 0.00325 * (x > 0.027963379917505166), middle, radius
    )
    (left, right), (left_next, right_next) = stepped
    assert abs(right - left) < 10.0 * max(abs(left - left_next), abs(right - right_next))
    assert _sloped_gap_jump(K21, *stepped)
    for smooth in (math.sin, math.exp, lambda x: 1.0 / (1.0 + 25.0 * x * x), lambda x: x**5):
        for where in (-0.9, 0.0, 0.3, 2.0):
            assert not _sloped_gap_jump(K21, *_gap_samples(smooth, where, 0.05))
