"""DER28: stairs higher than f's whole variation are no swings.

``(1 - cos t) / t**2`` near 1e-6 is ``1 - cos t`` rounded to whole ulps of 1
(stairs 1e-10 wide and 8.5e-5 high in ``f``) times ``1 / t**2``, while ``f``
itself varies by 1e-3 over the walk's steps. `_noise_up_from` found the
stairs but DER25's guard (a noise above ``1 / SWING`` of the range of ``f``
sampled is ``f``'s own swings) dropped them, and the walk kept one stair,
``c / t**2``: -877359.70 +- 0.0014 for -9.5e-8 (``n = 1`` at 1.14e-6) and
1.104e12 +- 2.2e10 for -1/12 (``n = 2`` at -1.65e-6). A sine's swings are
smooth, and show at a 16th of the spacing; stairs do not (`_sudden`).

At 0.00711 the walk kept a window of 4 quotients whose first, at the largest
step, is off the stair (36.2 at 6.2e-15) and whose others lie on one stair
(-140.66 .. -140.57): -140.55 +- 2.95 for -5.9e-4. Truncation that put the
first 177 off would have put the second 11 off, not 0.11: the first is off by
a stair's edge, and the window shows no truncation (`_edge_first`).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import mpmath
import pytest

import calcweb as cw


def one_minus_cos(t: float) -> float:
    return (1.0 - math.cos(t)) / t**2


@pytest.mark.parametrize(
    ("x", "n"),
    [
        (1.1398058462585211e-06, 1),  # -877359.7018 +- 0.0014 before
        (-1.6495637348993006e-06, 2),  # 1.1044e12 +- 2.2e10 before
    ],
)
def test_stairs_above_fs_variation_are_no_swings(x: float, n: int) -> None:
    result = cw.derivative(one_minus_cos, x, n, full_output=True)
    mpmath.mp.dps = 50
    exact = float(mpmath.diff(lambda t: (1 - mpmath.cos(t)) / t**2, mpmath.mpf(x), n))
    assert abs(result.value - exact) <= 2.0 * result.error


def x_minus_sin(t: float) -> float:
    return (t - math.sin(t)) / t**3


@pytest.mark.parametrize(
    ("f", "exact", "x"),
    [
        # -140.546 +- 2.95 before: 36.2 at 6.2e-15, then one stair's c / t**2 below
        (one_minus_cos, lambda x: -x / 12 + x**3 / 180, 0.00711036789297659),
        (one_minus_cos, lambda x: -x / 12 + x**3 / 180, 0.008759197324414717),  # -114.01 +- 5.43
        (x_minus_sin, lambda x: -x / 60 + x**3 / 1260, 0.013625220001445174),  # -36.60 +- 3.96
    ],
)
def test_a_stair_edge_at_the_first_step_is_no_truncation(
    f: Callable[[float], float], exact: Callable[[float], float], x: float
) -> None:
    result = cw.derivative(f, x, full_output=True)
    assert abs(result.value - exact(x)) <= 2.0 * result.error
    assert result.error < 0.1 * abs(exact(x))  # an answer with digits, not a shrug
