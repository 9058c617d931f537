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
and whose derivative was the answer given there (-3.7e-226 +- 2.2e-226 for
``cos(1e240)`` = -0.9995). By policy (`_check_grid`), an ``f`` whose scale,
as the walk's window shows it, spans fewer than ``GRID`` = 2**11.5 = 2896
float spacings is refused: ``sin`` there and ``G`` alike, and every function
that varies that fast at the float grid (``sin`` at ``|x| >= 2**41``, where
``ulp(x) >= 2**-11``), while scales of more spacings keep their answers.

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


def _alias(theta: float) -> Callable[[float], float]:
    """``G(t) = sin(x0 + theta (t - x) / u)`` at 1e240: a scale of ``1 / theta`` float spacings."""
    x, u, x0 = 1e240, math.ulp(1e240), 3.1720957358968973  # x modulo 2 pi

    def g(t: float) -> float:
        return math.sin(x0 + theta * ((t - x) / u))  # t - x is exact near x

    return g


def test_f_of_a_scale_of_a_few_ulps_is_refused() -> None:
    """sin at the floats of [2**797, 2**798) is G: refused, as G is, by policy.

    ``sin(x + k u) = sin(x0 + k theta)``, theta = ``u`` modulo ``2 pi`` =
    0.0686: G and sin agree at every float of the binade, and no sample tells
    them apart. The walk found G's derivative (``cos(x0) theta / u`` =
    -3.7e-226), honest for G, a lie for sin (``cos(1e240)`` = -0.9995): so a
    scale of 15 float spacings is no scale of f that the floats resolve, and
    both are refused (this test asserted G's answer before `_check_grid`).
    """
    theta = 0.06864862401379224  # u modulo 2 pi
    for f in (_alias(theta), math.sin):
        with pytest.raises(NumericalError, match="scale of the float spacing near x=1e"):
            derivative(f, 1e240, full_output=True)


def test_a_scale_of_more_float_spacings_than_grid_keeps_its_answer() -> None:
    # G of a scale of 8192 spacings is resolved by the floats (the rule is on the
    # scale, not on x): its derivative cos(x0) theta / u, with digits.
    theta = 2.0**-13
    result = derivative(_alias(theta), 1e240, full_output=True)
    exact = math.cos(3.1720957358968973) * theta / math.ulp(1e240)
    assert abs(result.value - exact) <= HONESTY * result.error
    assert result.error < 1e-2 * abs(exact)  # two digits (0.8%; the value has 15)
    with pytest.raises(NumericalError, match="fewer than 2896"):
        derivative(_alias(2.0**-10), 1e240, full_output=True)  # 1024 spacings


# (f, x, f'(x)): sin or cos at x where ulp(x) is near 0 modulo 2 pi: at the floats
# of the binade, a smooth function of a scale of 1 / |ulp(x) mod 2 pi| spacings.
# Each was answered with the derivative of that function (on e620abf).
ALIASED = [
    # derscan (random x, 30% of them random 64-bit floats), seeds 2, 4, 5
    (math.cos, 1.7395328476820634e240, -0.7655557688528395),  # -2.8e-226 +- 1.5e-226
    (math.cos, 4.264769361391537e176, 0.9975478467280448),  # 1.05e-162 +- 4.4e-163
    (math.sin, 1.9153848557074504e265, -0.7095643852226992),  # 2.2e-251 +- 1.3e-251
    (math.sin, -2.4760318335747466e35, -0.21514236521576574),  # 2.8e-22 +- 2.5e-22
    (math.sin, -4.985324661200507e220, 0.9682376443613014),  # -8.1e-207 +- 4.5e-207
    (math.cos, 8.368864957693276e234, 0.9999505092872544),  # -5.8e-223 +- 3.8e-224
    (math.sin, -5.045009140640407e235, 0.5843696047011842),  # -3.4e-223 +- 8.4e-224
    (math.cos, -8.234589834227951e271, -0.9515584055243373),  # 3.7e-258 +- 2.3e-258
    (math.sin, -1.638709714098177e259, 0.5657216507368985),  # 2.1e-245 +- 1.1e-245
    # DER10's (session 13): theta = ulp(x) mod 2 pi from 0.137 down to -0.00041
    (math.sin, 1.7395328476820634e240, -0.6433695398261701),  # theta 0.137
    (math.sin, 4e234, 0.06501912318242595),  # theta -0.00041: steps 1237 .. 39 ulps
    (math.cos, 5e234, -0.30626404977232247),  # the same binade: steps 386 .. 12 ulps
    (math.sin, 1.5e111, 0.7338317190501759),  # theta 0.0048
    (math.cos, 1e112, -0.9612006081026113),  # theta 0.039
    (math.sin, 1e299, -0.6624544439668533),  # theta -0.017
]


@pytest.mark.parametrize(("f", "x", "exact"), ALIASED)
def test_f_aliased_at_the_float_grid_is_refused(
    f: Callable[[float], float], x: float, exact: float
) -> None:
    with pytest.raises(NumericalError, match="scale of the float spacing"):
        derivative(f, x, full_output=True)
    assert abs(exact) > 0.05  # what an answer of ~1e-200 would have missed


def test_sin_keeps_its_answer_where_the_floats_resolve_it() -> None:
    # At 1e11 ulp(x) = 2**-16: sin's scale (1) spans 65536 float spacings.
    # (At 1e13, 2**-9 apart, 512: refused, the price of the policy.)
    result = derivative(math.sin, 1e11, full_output=True)
    assert abs(result.value - 0.37084779216471116) <= HONESTY * result.error
    with pytest.raises(NumericalError, match="scale of the float spacing"):
        derivative(math.sin, 1e13, full_output=True)


# sin and cos at 2**40 .. 2**60 where `_check_one_sided` compared one-sided and
# symmetric quotients taken on the float grid's scale and read their difference as
# a kink (33 of 300 draws, seed 5, before the grid's refusal came first).
ON_THE_GRID_NOT_A_KINK = [
    (math.sin, 119626865102028.8),  # 2**46 * 1.7: 'kink or jump', 0.0970 from the right
    (math.sin, -582535699899817.4),
]


@pytest.mark.parametrize(("f", "x"), ON_THE_GRID_NOT_A_KINK)
def test_f_on_the_float_grid_is_refused_as_such_not_as_a_kink(
    f: Callable[[float], float], x: float
) -> None:
    with pytest.raises(NumericalError, match="float spacing"):
        derivative(f, x)
