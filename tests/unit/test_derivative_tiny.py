"""First derivatives at tiny x, where the slope is tiny too (issue 13).

The noise spacing of a first derivative is where ``f`` changes by twice its
rounding per spacing: ``SPACING * quiet / |f'|``. With ``f' = 3 x**2`` at
``x = -1.72e-12`` that is 1351, far beyond the walk's steps (3.6e-9 to 0.015):
the central difference there is all curvature (``f''' step**2 / 3``), which
`_local_drift` took for noise (drift 4.9e9) and the answer became
-3.39e-21 +- 1.6e12. A drift beyond the walk's steps is not judged, and
within them the truncation of the window's quotients is allowed for.

Exact values from closed forms (``k x**(k-1)``, ``cos``), in floats: their
rounding is far below the errors tested.
"""

from __future__ import annotations

import math

import pytest

from calcweb import derivative

HONESTY = 2.0


def test_the_cube_at_a_tiny_x_is_accurate_not_only_honest() -> None:
    x = -1.72e-12
    result = derivative(lambda t: t**3, x, method="richardson", full_output=True)
    exact = 3.0 * x * x  # 8.8752e-24
    assert abs(result.value - exact) <= HONESTY * result.error
    assert abs(result.value - exact) <= 1e-6 * exact
    assert result.error <= 1e-6 * exact


# (k, x) of f(t) = t**k: draws of a tiny-x search whose error exceeded 1e-3 of f'
# (honest, but with bars of 1e12 and more) while the drift beyond the walk's steps
# was taken for noise.
POWERS = (
    (3, -1.72e-12),
    (3, 5.57e-11),
    (4, 3.1e-9),
    (5, -2.2e-7),
)


@pytest.mark.parametrize(("k", "x"), POWERS)
def test_powers_at_tiny_x_keep_their_digits(k: int, x: float) -> None:
    result = derivative(lambda t: t**k, x, method="richardson", full_output=True)
    exact = k * x ** (k - 1)
    assert abs(result.value - exact) <= HONESTY * result.error
    assert abs(result.value - exact) <= 1e-3 * abs(exact), (
        f"t**{k} at {x!r}: {result.value!r} +- {result.error:.3g}, exact {exact!r}"
    )


def test_sin_at_a_tiny_x_is_unchanged() -> None:
    """The slope is 1 there: the noise spacing is tiny and within the walk's steps."""
    x = 3.3e-12
    result = derivative(math.sin, x, method="richardson", full_output=True)
    assert abs(result.value - math.cos(x)) <= HONESTY * result.error
    assert result.error <= 1e-12
