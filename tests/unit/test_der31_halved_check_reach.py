"""DER31: the check at ``H / 2`` (`_halved_scatter`) only where the stencil reaches nearer 0.

The check costs six calls wherever a noise was measured. Where ``f`` rounds
alike over the whole stencil it finds nothing: ``(c + g(t)) - c`` rounds to
ulp(c) at every point. The noise of ``f`` is the rounding of terms made of
``t``, which changes by a factor of order 1 only where ``|t|`` does; the
lies it fixes (tests/unit/test_der30_refined_noise.py) all come from
stencils that reach across 0. So it runs only where a point of the stencil
comes nearer 0 than ``|x| / 2`` (`_comes_nearer_zero`; DER32: a point, not
the reach). These two adversarial cases took 37 calls with it, 31 without
(numdifftools' median is 31).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import mpmath
import pytest

import calcweb as cw
from calcweb._richardson import _comes_nearer_zero

C = 38.800307914799305


@pytest.mark.parametrize(
    ("f", "g", "x"),
    [
        (lambda t: (64.0 + math.tanh(t)) - 64.0, mpmath.tanh, -1.7723775773490216),
        (lambda t: (C + math.sin(t)) - C, mpmath.sin, 1.7082856430240776),
    ],
)
def test_a_stencil_far_from_zero_is_not_checked_at_half_its_step(
    f: Callable[[float], float], g: Callable[[object], object], x: float
) -> None:
    mpmath.mp.dps = 50
    exact = float(mpmath.diff(g, mpmath.mpf(x)))
    result = cw.derivative(f, x, full_output=True)
    assert abs(result.value - exact) <= result.error
    assert result.nfev <= 38  # 31 before session 26's one-sided walk


def test_the_nearest_point_is_judged_against_half_of_x() -> None:
    assert _comes_nearer_zero(-0.1527, 6, 0.125)  # (1 - cos t) / t**2: -0.0277
    assert not _comes_nearer_zero(-1.77, 6, 0.0625)  # |t| stays above 1.39
    # DER32: x itself is nearest 0 (the reach, 0.75, is far above |x| / 2).
    assert not _comes_nearer_zero(1e-3, 6, 0.125)
    assert not _comes_nearer_zero(0.0, 6, 0.125)
