"""HIGHORD: one-sided walks of the kink check, and derivatives of order 2 where ``f'`` has a kink.

A one-sided walk (`_richardson._extrapolated_twice`) halves its step until
its verdict; where half the step rounds back to it (x's float spacing) the
extrapolation divided by 0.
"""

from __future__ import annotations

import math

import pytest

from calcweb import NumericalError, grad


def test_halving_onto_the_float_spacing_ends_the_one_sided_walk() -> None:
    # At x[0] = 3.2e13 (ulp 0.0039) half a one-sided step rounded back to it, and the
    # extrapolation divided by 0: a ZeroDivisionError escaped (hessscan seed 2). Now f
    # at that scale of float spacings is refused as such.
    b = 1.41e-6
    with pytest.raises(NumericalError, match="float spacing"):
        grad(lambda p: math.sin(p[0] + b * p[1] * p[1]))([31726603819683.38, -349650483.5427365])
