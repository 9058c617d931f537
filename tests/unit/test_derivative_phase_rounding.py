"""A multiple of t rounded inside f (issue 13): the phase at a flat point, the noise at whole ulps.

``sin(k t + c)`` computes ``k t + c`` rounded to ulp(``k t``): the bits of ``c``
below it are lost alike at every point near ``x``, a phase off by up to
``|k t| eps / 2`` that no noise measurement sees (it is the same at every
point), and that moves ``f'`` by ``|f''|`` times it over ``k``. Exact values:
mpmath.diff at 50 digits.
"""

from __future__ import annotations

import math
import sys

from calcweb import derivative
from calcweb._richardson import Estimate, Sampler, _argument_noise

HONESTY = 2.0
EPS = sys.float_info.epsilon


def test_fast_off_zero_seed_2_a_sine_at_its_crest_with_its_phase_rounded() -> None:
    # bench.honesty fast-off-zero, seed 2 (1000 draws): sin(115263 t + 3.9584) at -0.5625
    # was -265.58810431179126 +- 4.6e-8 for -265.58810472879736 (9.07x). k x = -64835.4375,
    # so k t + c is rounded to ulp(64831) = 7.3e-12: c loses 3.17e-12, the same at every
    # point, and f' of sin(k t + c + 3.17e-12) is -265.5881043638 (3.65e-7 of the 4.17e-7
    # off). x is near a crest (f' = k cos = -265, f'' = 1.3e10): flat, and the noise measured
    # at the outer point (0) bounded the phase by quiet there (1.2e-10 added). The phase is
    # off by up to |x| eps / 2 = 6.2e-17 in t, |f''| times that: 8.3e-7.
    exact = -265.58810472879736
    result = derivative(lambda t: math.sin(115263.0 * t + 3.9584), -0.5625, full_output=True)
    assert abs(result.value - exact) <= HONESTY * result.error
    assert result.error < 1e-6


def _argument_noise_at(x: float, slope: float, error: float, offset: float = 0.0) -> float:
    """_argument_noise for f = (t - x)**2 (f'' = 2, exact values at step 1/2), slope given."""
    sampler = Sampler(lambda t: (t - x) ** 2, x)
    sampler.offset = offset
    sampler(x)
    step = 0.5
    estimate = Estimate(slope, error, 0, step, "central", step / 2.0, ((step, slope),))
    return _argument_noise(sampler, estimate, error, 2.0**-60, 0.125)


def test_at_a_flat_point_the_phase_is_off_by_up_to_t_eps_over_two() -> None:
    # (t - 1)**2 at 1 with no noise: quiet (2**-60) over the slope at the outer point (1)
    # gives 2 * 2**-60; the rounding of a multiple of t inside f, |x| eps / 2 in t,
    # gives f'' |x| eps / 2 = eps, whatever the noise measured.
    assert _argument_noise_at(1.0, 0.0, 0.0) == 2.0 * 1.0 * EPS / 2.0
    assert _argument_noise_at(-4.0, 0.0, 0.0) == 2.0 * 4.0 * EPS / 2.0
    # On a line, the argument is rounded as at |x| + offset.
    assert _argument_noise_at(1.0, 0.0, 0.0, offset=3.0) == 2.0 * 4.0 * EPS / 2.0
    # At 0 nothing is rounded off (the phase c is the float it is): only the noise.
    assert _argument_noise_at(0.0, 0.0, 0.0) == 2.0 * 2.0**-60


def test_the_phase_counts_where_what_x_could_miss_does_not() -> None:
    # f'' quiet (2 * 2**-60) below error |f'| (0.25): no noise measured, but the phase still
    # moves f' by f'' |x| eps / 2.
    assert _argument_noise_at(8.0, 0.25, 1.0) == 2.0 * 8.0 * EPS / 2.0


def test_not_at_a_point_that_is_not_flat() -> None:
    # f'' * step = 1 below the slope 1.5: x saw the argument's noise (nothing added).
    assert _argument_noise_at(8.0, 1.5, 0.0) == 0.0


def test_fast_off_zero_seed_3_noise_at_whole_ulps_of_x_is_measured_again() -> None:
    # bench.honesty fast-off-zero, seed 3 (1000 draws): exp(210.45 t) sin(24050.2 t + 4.1729)
    # at -0.9677 was -7.300522005904781e-85 +- 3.09e-95 for -7.300522005213052e-85 (2.24x):
    # the quotients at the window's smallest step, 2.3e-7, were off by 7.5e-95, 20 times
    # their bound. k t is rounded to ulp(23273): f is off by up to 4e-101, but the noise was
    # measured at 4 ulp(x) (the spacing asked for was 8e-19), where the roundings of k t are
    # an arithmetic sequence rounded: 6e-103. `_rounded_argument` (7.8e-101) is above it:
    # measured again at unequally spaced points, the walk done again is honest.
    exact = -7.300522005213052e-85
    result = derivative(
        lambda t: math.exp(210.45 * t) * math.sin(24050.2 * t + 4.1729), -0.9677, full_output=True
    )
    assert abs(result.value - exact) <= HONESTY * result.error
