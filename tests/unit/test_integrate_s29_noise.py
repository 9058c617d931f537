"""Integrands that lose digits near a point to cancellation are answered (session 29, INTCANCEL).

``(1 - cos x)/x**2`` written naively is off by up to ``eps/(2 x**2)``,
relative, near 0: next to an end at 0 the first panel's polynomial missed f(0) = 1/2
(the limit, given apart) by that noise, the miss started a chase toward 0
whose panels were noisier still, and the run stopped at 500 subintervals
after 21,043 evaluations with an error of 0.0039 (quad: 21 evaluations).
`_Panels.noisy` now measures f's noise by the nodes of a panel that misses a
sample (`calcweb._gauss_kronrod.noise_level`, ECnoise's difference table);
where that noise explains the miss, it widens the panel's resolution and
floors its error (`calcweb._gauss_kronrod.with_noise`). Exact values:
mpmath.quad at 30 digits of the forms without the cancellation
(``2 sin(u/2)**2``, ``2 sinh(u/2)**2``; ``u - sin u`` and ``exp(u) - 1 - u``
at a working precision raised by three times the bits ``u`` is below 1).
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable

import pytest

from calcweb import IntegrationResult, integrate
from calcweb._gauss_kronrod import K21, gauss_kronrod, noise_level, with_noise


def _cos(x: float) -> float:
    return (1 - math.cos(x)) / x**2 if x else 0.5


def _sin(x: float) -> float:
    return (x - math.sin(x)) / x**3 if x else 1 / 6


def _exp(x: float) -> float:
    return (math.exp(x) - 1 - x) / x**2 if x else 0.5


def _cosh(x: float) -> float:
    return (math.cosh(x) - 1) / x**2 if x else 0.5


CASES = [
    ("cos", _cos, 0.0, 1.0, 0.48638537623532273234),
    ("cos-left", _cos, -0.9, 0.0, 0.44003734215714233924),
    ("sin", _sin, 0.0, 1.0, 0.1639281805216096195),
    ("sin-left", _sin, -0.9, 0.0, 0.14799824492269671642),
    ("exp", _exp, 0.0, 1.0, 0.5996203229953586595),
    ("exp-left", _exp, -0.9, 0.0, 0.39140613330237386175),
    ("cosh", _cosh, 0.0, 1.0, 0.51417024056048473609),
    ("cosh-left", _cosh, -0.9, 0.0, 0.46029073156835089964),
]


def _result(f: Callable[[float], float], a: float, b: float, **tol: float) -> IntegrationResult:
    result = integrate(f, a, b, full_output=True, **tol)
    assert isinstance(result, IntegrationResult)
    return result


@pytest.mark.parametrize(
    ("f", "a", "b", "exact"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_cancelling_at_an_end_is_answered_honestly(
    f: Callable[[float], float], a: float, b: float, exact: float
) -> None:
    result = _result(f, a, b)
    assert result.converged, result.message
    assert abs(result.value - exact) <= result.error <= 1e-10
    assert result.nfev <= 250  # 20,981 to 21,112 before, each refused


def test_the_reproducer_costs_a_few_probes_beyond_one_panel() -> None:
    # 23 evaluations of the panel and its ends, 91 of the noise by the nodes next to 0.
    result = _result(_cos, 0.0, 1.0)
    assert (result.nfev, result.intervals) == (114, 1)


def test_a_tolerance_below_the_noise_is_refused() -> None:
    # The panels bisected towards 0 are noisier still. The search for a jump
    # that the noise there looks like reached x = 1.2e-162, where x**2
    # underflows and f divides by 0 (ZeroDivisionError, session 29); since
    # INTINF it is refused for rounding (1.1e-10, true error 7.7e-12).
    result = _result(_cos, 0.0, 1.0, tol=1e-13)
    assert not result.converged
    assert result.message.startswith("rounding error limits the accuracy")
    assert abs(result.value - 0.486385376235322732) <= result.error
    result = _result(_sin, 0.0, 1.0, tol=1e-12)
    assert not result.converged
    assert result.message.startswith("rounding error limits the accuracy")
    assert abs(result.value - 0.1639281805216096195) <= result.error


def test_noise_level_reads_rounding_noise_and_not_a_smooth_function() -> None:
    rng = random.Random(1)  # noqa: S311 - seeded draws, not cryptography
    noisy = [1.0 + 1e-9 * rng.gauss(0.0, 1.0) for _ in range(7)]
    assert 1e-10 < noise_level(noisy) < 1e-8
    assert noise_level([math.exp(1e-3 * j) for j in range(7)]) == 0.0
    # A quadratic's differences of order 3 and more are its values' rounding alone.
    assert noise_level([j * j * 1e-6 for j in range(7)]) <= 1e-20
    # exp at a spacing of 2: the levels of orders 1-3 agree within 4, but the
    # differences never change sign: f's own growth, not noise.
    assert noise_level([math.exp(2.0 * j) for j in range(7)]) == 0.0


def test_a_noise_floor_at_or_above_the_error_limits_the_panel_by_rounding() -> None:
    panel = gauss_kronrod(math.sqrt, 0.0, 1.0, K21)  # error 0.005, not rounding-limited
    assert not panel.rounding_limited
    floored = with_noise(panel, 1e-9, 0.01)
    assert floored.rounding_limited
    assert floored.error == 0.01
    assert floored.resolution == panel.resolution + 1e-9
    assert floored.noise == 1e-9
    below = with_noise(panel, 1e-9, 1e-10)
    assert below.error == panel.error
    assert not below.rounding_limited


def test_a_peak_an_ancestor_sample_sits_on_is_not_read_as_noise() -> None:
    # integrate-peaks-ends seed 1: [0.5, 1] missed its parent's node at
    # 0.99999152, on the peak's flank; seven values about it 3.8e-6 apart, the
    # node among them, read as noise of 0.13 and explained the miss: the answer
    # 0.9999999999999999 +- 1.1e-14 lacked the peak's 1.55e-6. Noise must now
    # show beside the sample, at two spacings.
    def f(x: float) -> float:
        s = math.exp(-2.0 * abs((x - 0.9999946151541814) / 1.96e-06))
        return 0.3969565306136069 * 4.0 * s / ((1.0 + s) * (1.0 + s)) + 1.0

    result = _result(f, 0.0, 1.0, tol=1.4e-10)
    assert result.converged, result.message
    assert abs(result.value - 1.0000015497029215) <= 2 * result.error
