"""DER28: stairs higher than f's whole variation are no swings.

``(1 - cos t) / t**2`` near 1e-6 is ``1 - cos t`` rounded to whole ulps of 1
(stairs 1e-10 wide and 8.5e-5 high in ``f``) times ``1 / t**2``, while ``f``
itself varies by 1e-3 over the walk's steps. `_noise_up_from` found the
stairs but DER25's guard (a noise above ``1 / SWING`` of the range of ``f``
sampled is ``f``'s own swings) dropped them, and the walk kept one stair,
``c / t**2``: -877359.70 +- 0.0014 for -9.5e-8 (``n = 1`` at 1.14e-6) and
1.104e12 +- 2.2e10 for -1/12 (``n = 2`` at -1.65e-6). A sine's swings are
smooth, and show at a 16th of the spacing; stairs do not (`_sudden`).
"""

from __future__ import annotations

import math

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
