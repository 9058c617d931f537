"""Derivatives where ``f`` varies faster than the floats near ``x`` resolve (issue 13).

At 1e30 the floats are ``u = 2**47`` apart, and ``u`` is ``pi + 0.065``
modulo ``2 pi``: ``sin(x + k u)`` is ``(-1)**k`` times a smooth function of
``k``. The quotients at even multiples of ``u`` settled on its slope, and the
one at ``u`` (on minus it) only widened the error: ``derivative(math.sin,
1e30)`` was -4.6e-16 +- 9.2e-16 for ``cos(1e30) = -0.99996``. Such an ``f``
is refused (`_check_resolved`: its 2nd difference at ``u`` is larger than at
``4 u``, which no smooth function's is; or its noise is larger than its
values), while functions smooth at the float
grid, however large ``x``, keep their answers.

Where ``u`` is near 0 modulo ``2 pi`` instead (1e240: 0.0686), ``sin`` at
every float of the binade is exactly a smooth function of a scale of 15 ulps:
no difference method can tell it from ``G`` below, which is that function,
and whose derivative is the answer given there.

Exact values from mpmath (50 digits), rounded.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from calcweb import NumericalError, derivative

HONESTY = 2.0

# (f, x): f at the floats next to x alternates about a smooth function of k.
ON_THE_GRID = [
    (math.sin, 1e30),  # was -4.61337252658939e-16 +- 9.2e-16 for -0.9999564608959665
    (math.sin, -2.059194040740928e291),  # was -1.0e-277 +- 2e-277 for 0.943
    (math.cos, -2.059194040740928e291),  # was -3.5e-278 +- 7.1e-278 for 0.332
    (math.sin, 7e110),  # was 1.1e-98 +- 2.2e-98 for 0.615
    (math.cos, 1.7e234),  # was 5.2e-223 +- 1.0e-222 for 0.896
    # Noise of 1.9 measured, larger than |f|: was 6.3e-233 +- 1.2e-231 for -0.943.
    (math.cos, 1.6e234),
]


@pytest.mark.parametrize(("f", "x"), ON_THE_GRID)
def test_f_oscillating_at_the_float_grid_is_refused(f: Callable[[float], float], x: float) -> None:
    with pytest.raises(NumericalError, match="faster than the floats near x"):
        derivative(f, x, full_output=True)


# (f, x, f'(x)): smooth at the float grid, some of them changing fast per ulp.
SMOOTH = [
    (lambda t: t * t, 1e30, 2e30),
    (math.exp, 700.0, 1.0142320547350045e304),
    (math.log, 1e300, 1e-300),
    (lambda t: math.sin(1e-30 * t), 1e30, 0.5403023058681398e-30),
    (math.atan, 1e30, 1e-60),
    (lambda t: (t - 1e30) ** 2, 1e30, 0.0),
    (lambda t: (t - 1e30) ** 3, 1e30, 0.0),
    (lambda t: math.exp(t / 1e20), 3e21, 1.0686474581524462e-7),
    # t * t rounded to ulp(100) makes E(u) 7.3e-15, E(4 u) 1.1e-16: more than 4 quiet
    # (7.1e-15) apart, noise beside an answer with digits, which no check refuses.
    (lambda t: math.cos(t * t), 10.0, 10.127312822195176),
]


@pytest.mark.parametrize(("f", "x", "exact"), SMOOTH)
def test_f_smooth_at_the_float_grid_keeps_its_answer(
    f: Callable[[float], float], x: float, exact: float
) -> None:
    result = derivative(f, x, method="richardson", full_output=True)
    assert abs(result.value - exact) <= HONESTY * result.error + 4.0 * math.ulp(exact)


def test_f_of_a_scale_of_a_few_ulps_keeps_its_answer() -> None:
    # sin at the floats of [2**797, 2**798) is G there: sin(x + k u) = sin(x0 + k theta).
    x, u = 1e240, math.ulp(1e240)
    x0, theta = 3.1720957358968973, 0.06864862401379224  # x and u modulo 2 pi

    def g(t: float) -> float:
        return math.sin(x0 + theta * ((t - x) / u))  # t - x is exact near x

    result = derivative(g, x, full_output=True)
    exact = math.cos(x0) * theta / u
    assert abs(result.value - exact) <= HONESTY * result.error
    assert abs(derivative(math.sin, x) - result.value) <= HONESTY * result.error
