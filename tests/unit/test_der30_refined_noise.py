"""DER30: a refined first derivative whose wide stencil reaches where ``f`` is noisier.

``(1 - cos t) / t**2`` at -0.1527: the noise measured near ``x`` is 6.9e-15,
and the refining stencil (13 points, ``H = 0.125``) reaches -0.0277, where
``1 - cos t`` has lost more digits and ``f`` is off by 6.8e-14: the refined
value was 0.0127088828892336 +- 2.1e-13, for 0.0127088828887812 (2.15x).
So at 0.15-0.27 for the removable singularities below (2.0x to 3.1x, errors
1e-13 to 4e-13; the walk's own estimates were right). The stencil at ``H /
2`` weighs the same values otherwise, and leaves it by more than their
rounding and truncation allow: that is taken into the error
(`_halved_scatter`), where a noise was measured.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import mpmath
import pytest

import calcweb as cw

CASES: dict[str, tuple[Callable[[float], float], Callable[[object], object]]] = {
    "(1-cos t)/t**2": (lambda t: (1.0 - math.cos(t)) / t**2, lambda t: (1 - mpmath.cos(t)) / t**2),
    "(cosh t-1)/t**2": (
        lambda t: (math.cosh(t) - 1.0) / t**2,
        lambda t: (mpmath.cosh(t) - 1) / t**2,
    ),
    "(t-sin t)/t**3": (lambda t: (t - math.sin(t)) / t**3, lambda t: (t - mpmath.sin(t)) / t**3),
    "(exp t-1-t)/t**2": (
        lambda t: (math.exp(t) - 1.0 - t) / t**2,
        lambda t: (mpmath.exp(t) - 1 - t) / t**2,
    ),
}


@pytest.mark.parametrize(
    ("name", "x"),
    [
        ("(1-cos t)/t**2", -0.1527440216129363),  # 2.15x before
        ("(1-cos t)/t**2", 0.1673219181636758),  # 2.34x
        ("(cosh t-1)/t**2", 0.14536729890180586),  # 3.08x
        ("(cosh t-1)/t**2", 0.27161334487092964),  # 2.07x
        ("(t-sin t)/t**3", 0.2680226003638949),  # 2.79x
        ("(exp t-1-t)/t**2", -0.24264815261761707),  # 2.01x
        ("(exp t-1-t)/t**2", 0.14364416487483722),  # 2.48x (a held-out seed)
    ],
)
def test_a_refined_value_holds_the_noise_of_its_far_points(name: str, x: float) -> None:
    f, g = CASES[name]
    mpmath.mp.dps = 50
    exact = float(mpmath.diff(g, mpmath.mpf(x)))
    result = cw.derivative(f, x, full_output=True)
    assert abs(result.value - exact) <= 2.0 * result.error
    assert result.error < 1e-9 * abs(exact)  # still refined: eight digits or more
