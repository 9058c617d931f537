"""DER31: the check at ``H / 2`` (`_halved_scatter`) only where the stencil reaches nearer 0.

The check costs six calls wherever a noise was measured. Where ``f`` rounds
alike over the whole stencil it finds nothing: ``(c + g(t)) - c`` rounds to
ulp(c) at every point. The noise of ``f`` is the rounding of terms made of
``t``, which changes by a factor of order 1 only where ``|t|`` does; the
lies it fixes (tests/unit/test_der30_refined_noise.py) all come from
stencils that reach across 0. So it runs only where the stencil comes nearer
0 than ``|x| / 2`` (`_reaches_nearer_zero`). These two adversarial cases
took 37 calls with it, 31 without (numdifftools' median is 31).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import mpmath
import pytest

import calcweb as cw
from calcweb._richardson import _reaches_nearer_zero

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
    assert result.nfev <= 31


def test_the_reach_is_judged_against_half_of_x() -> None:
    assert _reaches_nearer_zero(-0.1527, 0.75)  # (1 - cos t) / t**2: crosses 0
    assert not _reaches_nearer_zero(-1.77, 0.375)  # |t| stays above 1.39
    assert _reaches_nearer_zero(0.0, 1e-300)
