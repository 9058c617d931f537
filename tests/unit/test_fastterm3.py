"""A first derivative of a small fast term beside a large slow one (session 31, FASTTERM3).

``c s**4 + sin(a s**2)`` at ``x`` in the hundreds (fasttermscan's ``pow``
family, ``n = 1``): the sine's slope ``2 a x cos(a x**2)`` is about 1e3
beside ``f'`` about 1e9, and its period in ``s`` about ``pi / (a x)``. The
walk's window at steps of 1 to 10, hundreds of periods, averages the sine
away; the quartic's quotients are exact in ``h**2``, so the window stops
early with a tiny error on the quartic's ``f'``. Its one-sided quotients
below the window leave it on both sides without deciding (`_one_side`), or
leave it following no expansion (`_unsettled_below`); the walk is then taken
again from there (`_walked_below_unsettled`), and resolves the sine. Each
case lied before (the answer in its comment); now it is answered honestly,
with an error below the sine's part of ``f'``.
"""

from __future__ import annotations

import math

import mpmath
import pytest

import calcweb as cw


@pytest.mark.parametrize(
    ("c", "a", "x"),
    [
        # was 3540540792.41 +- 0.033, for 3540542007.24
        (1.216613622108856, 1.4461577549332103, 899.3988172299959),
        # was 92125015.02 +- 16.3, for 92124896.37
        (6.514209256729508, 1.2385261256742202, 152.34163919550426),
        # was 2873107647.87 +- 0.23, for 2873105757.62
        (0.9037152345385372, 1.1718533607999433, 926.3037760397248),
        # was 656355301.63 +- 0.33, for 656353845.10
        (0.17539329346152344, 1.1684564180310062, 978.0371265632051),
        # Only the forward side asked, its spread 196 (rounding 0.0024) followed no
        # expansion (`_unsettled_below`): was 505101589.79 +- 0.33, for 505100171.70
        (0.5047951937551494, 1.1915182473224566, 630.0879549370078),
        # The backward side within a quarter of its spread of it, the forward one
        # unsettled (spread 21.8, rounding 0.0014): was 146831761.36 +- 0.64, for 146830127.21
        (0.08324398926753795, 1.0857178267083847, 761.1478842187797),
    ],
)
def test_a_fast_term_averaged_away_is_walked_down_to(c: float, a: float, x: float) -> None:
    result = cw.derivative(lambda s: c * s**4 + math.sin(a * s**2), x, full_output=True)
    with mpmath.workdps(60):
        exact = float(mpmath.diff(lambda s: c * s**4 + mpmath.sin(a * s**2), mpmath.mpf(x)))
    assert abs(result.value - exact) <= result.error, (result, exact)
    sine = abs(exact - 4.0 * c * x**3)  # the sine's part of f'
    assert result.error < sine, (result, sine)  # resolved, not a wide bar over the quartic's
