"""f's noise measured where its values are above 1e154 (session 31, INTSING2).

`calcweb._gauss_kronrod.noise_level` summed the squares of differences of f's
values, which overflow above 1e154: integrate raised a bare OverflowError out of
math.fsum (bench/bench_integrate.py's survey: 5 of its 600 draws, exp(k x) up to
1e204 and beyond, crashed the script). The values are now scaled by a power of 2.
"""

from __future__ import annotations

import math

import calcweb
from calcweb._gauss_kronrod import noise_level

NOISY = [1.0, 1.0 + 1e-9, 1.0 - 1e-9, 1.0, 1.0 + 1e-9, 1.0, 1.0 - 1e-9]


def test_the_noise_of_huge_values_is_that_of_the_scaled_ones() -> None:
    level = noise_level(NOISY)
    assert level > 1e-10
    assert noise_level([math.ldexp(v, 700) for v in NOISY]) == math.ldexp(level, 700)


def test_an_exponential_up_to_1e204_is_integrated() -> None:
    # (exp(k b) - exp(k a)) / k by mpmath at 40 digits.
    k, a, b = 3.907109182390945, -25947.73621898751, 120.15428893393499
    result = calcweb.integrate(lambda x: math.exp(k * x), a, b, tol=1e-10, full_output=True)
    assert result.converged
    assert abs(result.value - 1.9510232111672072e203) <= 2 * result.error
