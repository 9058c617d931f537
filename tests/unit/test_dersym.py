"""An f odd (or even) about x in floats has even (odd) derivatives of exactly 0 (session 24).

`_richardson._followed_below` refuses a window of steps far above f's scale
when the part of f its quotients leave out leaves their trend at a smaller
step (aliasing). ``x / sqrt(x**2 + 1e-5)`` at 0 (OUTSIDER4) is odd: its
even-order quotients are exactly 0 at every step, while the odd part grows
4-fold from 0.05 to 0.0125, and n = 2, 4, 6 were refused. They are answered
now, since the quotient at that smaller step is exactly 0 too
(`_symmetric_at`); a quotient merely near the estimate there proves nothing
(near a zero of f'' a sine's quotients are near 0 at aliased steps too).
"""

from __future__ import annotations

import math

import pytest

from calcweb import NumericalError, derivative


def _normaliser(x: float) -> float:
    return x / math.sqrt(x * x + 1e-5)


@pytest.mark.parametrize("n", [2, 4, 6])
def test_even_derivatives_of_an_odd_function_at_its_centre_are_0(n: int) -> None:
    result = derivative(_normaliser, 0.0, n, full_output=True)
    assert result.value == 0.0
    assert result.error < 1e-6


def test_odd_derivatives_of_an_even_function_at_its_centre_are_0() -> None:
    result = derivative(lambda x: 1.0 / math.sqrt(x * x + 1e-5), 0.0, 3, full_output=True)
    assert result.value == 0.0


def test_a_quotient_near_0_at_a_zero_of_the_second_derivative_confirms_nothing() -> None:
    # crestscan 5 --order 2 --at zero: f'' = 2.854e-6 at x; aliased steps give about 0.
    x = 0.0874236202304856
    exact = -(6522.5**2) * math.sin(6522.5 * x + 1.5493)
    try:
        result = derivative(lambda t: math.sin(6522.5 * t + 1.5493), x, 2, full_output=True)
    except NumericalError:
        return
    assert abs(result.value - exact) <= 2.0 * result.error, (result, exact)
