"""A small fast term beside a large slow one, averaged away by the window (session 32, FASTTERM4).

``c s**4 + sin(a s**2)`` at ``x`` in the hundreds (fasttermscan's ``pow``
family): the walk's window at steps of many of the sine's periods averages
it away and keeps the quartic's derivative with a tiny error.

- ``n = 2``: the noise test's five points ``x + k s`` are checked against
  the window (`_seen_far_below`), but where ``s`` is a whole number of the
  sine's periods they all see it at one phase. ``f`` at ``x + golden s`` is
  off the polynomial through them (`_seen_off_the_grid`), and the walk is
  taken again from below the window.
- ``n = 4``: quotients below the window widen its error as they resolve the
  sine, past its digits; the walk returns it (its fallback) with all the
  widening, not only what it had when it lost its digits (`_still_falling_back`).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import mpmath
import pytest

import calcweb as cw
from calcweb._richardson import _EPS, _GOLDEN, Sampler, _off_the_polynomial


def _exact(c: float, a: float, x: float, n: int) -> float:
    with mpmath.workdps(60):
        return float(mpmath.diff(lambda s: c * s**4 + mpmath.sin(a * s**2), mpmath.mpf(x), n))


def test_a_noise_spacing_of_one_period_is_seen_off_the_grid() -> None:
    # s = 0.0038057 is 1.001 periods of the sine at x: was 578724.966 +- 0.0019, for 172899.8
    c, a, x = 0.08324398926753795, 1.0857178267083847, 761.1478842187797
    result = cw.derivative(lambda s: c * s**4 + math.sin(a * s**2), x, 2, full_output=True)
    exact = _exact(c, a, x, 2)
    assert abs(result.value - exact) <= result.error, (result, exact)


def _five_and_off(
    f: Callable[[float], float], x: float, step: float
) -> tuple[Sampler, dict[float, float], float]:
    sampler = Sampler(f, x)
    points = {float(k): x + k * step for k in range(-2, 3)}
    off = x + _GOLDEN * step
    for point in [*points.values(), off]:
        sampler(point)
    return sampler, points, off


def test_f_off_the_five_points_polynomial_is_seen_beyond_its_rounding() -> None:
    # sin(2 pi t / 0.001): the five points 0.001 apart see it at one phase, x + golden s not.
    level = 8.0 * _EPS
    sampler, points, off = _five_and_off(lambda t: math.sin(2.0 * math.pi * t / 0.001), 1.0, 0.001)
    assert _off_the_polynomial(sampler, 0.001, points, off, level)
    # A smooth f resolved there is on it, within its rounding.
    sampler, points, off = _five_and_off(math.exp, 1.0, 0.001)
    assert not _off_the_polynomial(sampler, 0.001, points, off, 8.0 * _EPS * math.e)
    # Rounding alone: t / 3 at 3, 1e-9 apart: 3rd and 4th differences 0, f at golden s an ulp off
    sampler, points, off = _five_and_off(lambda t: t * (1.0 / 3.0), 3.0, 1e-9)
    assert not _off_the_polynomial(sampler, 1e-9, points, off, 8.0 * _EPS)


def test_an_odd_f_whose_4th_difference_is_0_is_on_its_polynomial() -> None:
    # x / sqrt(x**2 + 1e-5) at 0: its scale 0.003 is far below the window's steps, its 4th
    # difference 0, its 3rd 4e-8, and f at golden s 1e-13 off the polynomial (4 roundings: 2.3e-15)
    sampler, points, off = _five_and_off(lambda t: t / math.sqrt(t * t + 1e-5), 0.0, 7.5e-6)
    assert not _off_the_polynomial(sampler, 7.5e-6, points, off, 8.0 * _EPS)


@pytest.mark.parametrize(
    ("c", "a", "x"),
    [
        # widened to 6.7e12 at 1.1e-3, then 2.3e13 at 5.6e-4: was -262.0 +- 6.7e12, for -2.1e13
        (0.17539329346152344, 1.1684564180310062, 978.0371265632051),
        # was 138.8 +- 7.8e11, for -1.67e12
        (0.5047951937551494, 1.1915182473224566, 630.0879549370078),
    ],
)
def test_a_fallback_keeps_the_error_the_quotients_below_gave_it(
    c: float, a: float, x: float
) -> None:
    # The walk's window at steps far above the sine's period averaged it away (the quartic's f''''
    # is 24 c); quotients below widened it past its digits as they resolved the sine.
    result = cw.derivative(lambda s: c * s**4 + math.sin(a * s**2), x, 4, full_output=True)
    exact = _exact(c, a, x, 4)
    assert abs(result.value - exact) <= result.error, (result, exact)
