"""Limits of ``g - a`` with ``g`` near ``a``: the samples sit on the grid ``ulp(a)``.

``sin(x)/x - 1`` at 0 is ``-(4**(26 - k) - 1)/3`` times ``2**-53`` at ``x =
2**-k`` (-85, -21, -5, -1 at ``k = 22 .. 25``, then 0): exactly ``-x**2/6 +
2**-53/3``, so Richardson extrapolation found ``3.7e-17`` with an error of
``2.7e-27`` for the limit 0 (atan(x)/x - 1 and tan(x)/x - 1 alike). Each
sample is off by up to half the grid's spacing, the same way at every step:
no extrapolation of them is closer than that (`limits._grain`).
"""

from __future__ import annotations

import math

import pytest

from calcweb import limit
from calcweb.limits import LimitResult, _grain, _quantum

Q = 2.0**-53  # the spacing of the floats just below 1


@pytest.mark.parametrize(
    ("name", "f"),
    [
        ("sin(x)/x - 1", lambda x: math.sin(x) / x - 1.0),
        ("atan(x)/x - 1", lambda x: math.atan(x) / x - 1.0),
        ("tan(x)/x - 1", lambda x: math.tan(x) / x - 1.0),
    ],
)
@pytest.mark.parametrize("side", ["left", "right", "both"])
def test_a_quotient_minus_its_limit_is_0_honestly(name: str, f: object, side: str) -> None:
    found = limit(f, 0.0, side=side, full_output=True)  # type: ignore[arg-type]
    assert isinstance(found, LimitResult)
    assert found.converged, name
    assert abs(found.value) <= 2.0 * found.error, (name, found)
    assert found.error <= 4.0 * Q  # no looser than the grid


def test_the_grid_of_sin_x_over_x_minus_1() -> None:
    samples = [math.sin(2.0**-k) / 2.0**-k - 1.0 for k in range(2, 30)]
    assert samples[-8:] == [-85 * Q, -21 * Q, -5 * Q, -Q, 0.0, 0.0, 0.0, 0.0]
    assert _grain(samples) == Q


def test_samples_whose_quantum_shrinks_with_them_have_no_grain() -> None:
    assert _grain([3.0 * 2.0**-k for k in range(2, 50)]) == 0.0  # 3 h: computed exactly
    assert _grain([1.0 + 2.0**-k for k in range(2, 50)]) == 0.0  # 1 + h
    assert _grain([math.sin(2.0**-k) / 2.0**-k for k in range(2, 50)]) == 0.0  # full bits
    assert _grain([5 * Q, 3 * Q]) == 0.0  # too few samples
    assert _grain([3 * Q, 5 * Q, 7 * Q]) == 0.0  # one quantum, but no span of sizes


def test_the_quantum_is_the_largest_power_of_two_dividing_a_float() -> None:
    assert _quantum(-5 * Q) == Q
    assert _quantum(0.75) == 0.25
    assert _quantum(3.0) == 1.0
    assert _quantum(1.0 + 2.0**-52) == 2.0**-52
    assert _quantum(5e-324) == 5e-324
    assert _quantum(-(2.0**1000)) == 2.0**1000


def test_samples_that_overflow_have_no_grain() -> None:
    # Differences of samples near the float range can be infinite (floor at -1.7e308).
    assert _grain([4 * Q, math.inf, Q]) == 0.0
