"""INTPEAK (session 28): a peak that a search for a jump sampled was lost.

``lorentz(c=4.2304920987630155, w=0.00025) + sech2(c=8.192653948873533,
w=0.00464) + cos x`` on [0, 20.1] at tol 5.4e-10 (``python -m bench.honesty
integrate-peaks --seed 3``) was answered 0.949909933099231 +- 3.4e-10,
converged, for 0.9591899330992266: the sech^2 peak's area, 2 w = 0.00928, was
missing. No panel's node saw the peak; the search for a jump in a panel's
gap (`_Panels._bracket_jump`) did, at 8.18820, 0.45 of its height, found a
smooth rise, and dropped its samples. Now the samples of a search that finds
no jump join the history of the panel holding them, which its halves must
predict. The exact value is a closed form (each term's antiderivative).
"""

from __future__ import annotations

import math

from calcweb import IntegrationResult, integrate

C_LORENTZ, W_LORENTZ = 4.2304920987630155, 0.00025
C_SECH2, W_SECH2 = 8.192653948873533, 0.00464
A, B, TOL = 0.0, 20.1, 5.4e-10


def _sech2(t: float) -> float:
    """sech(t)**2 without overflow, as the benchmark computes it."""
    s = math.exp(-2.0 * abs(t))
    return 4.0 * s / ((1.0 + s) * (1.0 + s))


def _f(x: float) -> float:
    lorentz = W_LORENTZ**2 / ((x - C_LORENTZ) ** 2 + W_LORENTZ**2)
    return math.fsum([lorentz, _sech2((x - C_SECH2) / W_SECH2), math.cos(x)])


def _exact() -> float:
    lorentz = W_LORENTZ * (
        math.atan((B - C_LORENTZ) / W_LORENTZ) - math.atan((A - C_LORENTZ) / W_LORENTZ)
    )
    sech2 = W_SECH2 * (math.tanh((B - C_SECH2) / W_SECH2) - math.tanh((A - C_SECH2) / W_SECH2))
    return math.fsum([lorentz, sech2, math.sin(B) - math.sin(A)])


def test_a_peak_only_a_jump_search_saw_is_kept() -> None:
    result = integrate(_f, A, B, tol=TOL, full_output=True)
    assert isinstance(result, IntegrationResult)
    exact = _exact()
    # Honest: converged within twice its error, or refused (converged=False).
    if result.converged:
        assert abs(result.value - exact) <= 2.0 * result.error + 4e-16 * abs(exact)


# A Gaussian next to 0 on 1 (integrate-peaks-ends seed 1): answered 1 - 1e-16
# +- 1.1e-14 after 68 calls, the peak's area 1.6e-6 missing, though the search
# for a jump between f(0) and the first node saw 0.5 of its height.
HEIGHT, C_GAUSS, W_GAUSS = 0.01928448545444153, 0.00023187966116382645, 4.76e-05


def test_a_peak_next_to_an_end_that_a_jump_search_saw_is_kept() -> None:
    def f(x: float) -> float:
        return HEIGHT * math.exp(-(((x - C_GAUSS) / W_GAUSS) ** 2)) + 1.0

    area = math.erf((1.0 - C_GAUSS) / W_GAUSS) + math.erf(C_GAUSS / W_GAUSS)
    exact = 1.0 + HEIGHT * W_GAUSS * math.sqrt(math.pi) / 2.0 * area
    result = integrate(f, 0.0, 1.0, tol=3.5e-05, full_output=True)
    assert isinstance(result, IntegrationResult)
    if result.converged:
        assert abs(result.value - exact) <= 2.0 * result.error + 4e-16
