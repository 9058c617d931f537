"""First derivatives whose window rests on values beyond |x|, rounded more than at x (issue 13).

``sin(t) - t`` is ``sin t`` rounded to ulp(``t``) minus ``t``: its noise grows
as ``|t|``. Near ``x = 1.47e-6`` the walk's window is at steps 0.015 to 4.7e-4,
far above ``|x|``: each quotient is off by up to ulp(``h``) / (2 ``h``), about
6e-17, while the noise tests at ``x`` (ulp(``x``), 256 times smaller) show
nothing that matters there, and the window's rounding bound is 2 eps of its
values, about ``h**3 / 6``. The noise is now measured at the outer point of the
smallest step too, where the window's values are far below the largest ``|f|``
and its smallest quotient has no digit of the estimate
(`_richardson._noise_beyond`). Found by bench.honesty cancelling seed 6 (2.2
times the error off) and seed 31 (5.25 and 2.84 times). Exact values: mpmath
at 50 digits.
"""

from __future__ import annotations

import math

import pytest

from calcweb import _richardson, derivative
from calcweb._richardson import Estimate, Sampler


def _sin_minus_t(t: float) -> float:
    return math.sin(t) - t


# (x, cos(x) - 1): on the old code 2.2, 5.25 and 2.84 times the error off.
CASES = [
    (1.4679589812016387e-06, -1.077451785245083e-12),
    (3.5845709123588817e-07, -6.424574312864624e-14),
    (1.4866365991171207e-06, -1.1050441889170558e-12),
    (-1.4679589812016387e-06, -1.077451785245083e-12),
]


@pytest.mark.parametrize(("x", "exact"), CASES)
def test_noise_beyond_x_is_in_the_error(x: float, exact: float) -> None:
    result = derivative(_sin_minus_t, x, full_output=True)
    assert abs(result.value - exact) <= 2.0 * result.error, result
    assert result.error < 1e-15, result  # a few times the quotients' 6e-17, not more


def _estimate(x: float, smallest: float, nearest: float, value: float) -> tuple[Sampler, Estimate]:
    """A walk's own window ending at ``smallest`` with quotient ``nearest`` there."""
    sampler = Sampler(_sin_minus_t, x)
    for point in (x - 4.0 * smallest, x - smallest, x, x + smallest, x + 4.0 * smallest):
        sampler(point)
    window = ((4.0 * smallest, 16.0 * nearest), (smallest, nearest))
    return sampler, Estimate(value, 1e-17, 0, 0.015, "central", smallest, window)


def test_the_noise_beyond_x_and_when_it_is_measured() -> None:
    x, smallest = 1.4679589812016387e-06, 0.00046875
    quiet = 8.0 * _richardson._EPS * abs(_sin_minus_t(x + 0.015))
    sampler, estimate = _estimate(x, smallest, -3.66e-8, -1.0774e-12)
    calls = sampler.calls
    added = _richardson._noise_beyond(sampler, estimate, estimate, quiet)
    # ulp(4.7e-4) / 2 = 2.7e-20 of noise over the step, 2.5 times: about 1.4e-16.
    assert 2e-17 < added < 1e-15
    assert sampler.calls == calls + 4  # the 5 unequally spaced points but x + smallest
    # Not for a refined answer, nor where noise was measured.
    sampler, estimate = _estimate(x, smallest, -3.66e-8, -1.0774e-12)
    refined = Estimate(-1.0774e-12, 1e-17, 0, 0.015, "central", smallest, estimate.window)
    assert _richardson._noise_beyond(sampler, estimate, refined, quiet) == 0.0
    sampler.noise_floor = 1e-30
    assert _richardson._noise_beyond(sampler, estimate, estimate, quiet) == 0.0
    # Not where the smallest quotient has a digit of the estimate, nor at steps within |x|.
    sampler, estimate = _estimate(x, smallest, -1.9e-12, -1.0774e-12)
    assert _richardson._noise_beyond(sampler, estimate, estimate, quiet) == 0.0
    sampler, estimate = _estimate(x, 1e-6, -3.66e-8, -1.0774e-12)
    assert _richardson._noise_beyond(sampler, estimate, estimate, quiet) == 0.0
    assert sampler.calls == 5
