"""INTINF (session 30): top coefficients made of f's noise at an end are not f's detail.

(exp(x) - 1 - x)/x**2 on [0, 1] at tol 1e-12: the first panel's bound on its top
Legendre coefficients (`Panel.flat`, 1.5e-12) was the noise of f's cancellation at
the nodes next to 0, and had it bisected towards 0, each half noisier, until 500
subintervals and 39,270 evaluations (value 0.59962 +- 2.5e-7, converged=False).
INTCANCEL's noise probe never ran: the panel missed no sample. Exact value: the
series sum 1/((n - 1) n!) for n >= 2 (mpmath, 40 digits).
"""

import math

from calcweb import integrate
from calcweb._gauss_kronrod import K21, gauss_kronrod, noisy_top, positions

TRUE = 0.5996203229953586595


def f(x: float) -> float:
    return (math.exp(x) - 1 - x) / x**2 if x else 0.5


def test_a_cancelling_end_is_answered_from_the_first_panel():
    result = integrate(f, 0, 1, tol=1e-12, full_output=True)
    assert result.converged, result.message
    assert abs(result.value - TRUE) <= 2 * result.error  # 8.0e-14 off, error 7.6e-13
    assert result.nfev == 107  # 21 + 2 ends + the noise measured at the nodes next to 0


def test_noise_makes_the_top_coefficients_only_where_it_is_as_large():
    panel = gauss_kronrod(f, 0.0, 1.0, K21)
    levels = [0.0] * len(positions(K21))
    assert not noisy_top(K21, panel, levels)  # no noise measured: the top is f's
    levels[0], levels[1] = 1.4e-11, 2.6e-13  # as measured next to 0
    assert noisy_top(K21, panel, levels)
    levels[0], levels[1] = 1.4e-14, 2.6e-16  # a thousand times quieter: the top is f's
    assert not noisy_top(K21, panel, levels)
