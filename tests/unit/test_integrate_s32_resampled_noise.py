"""f's noise at one node, which QUADPACK's scaling of |K - G| hid (session 32, INTMISC).

cancelscan seed 2: ``(u - sin u)/u**3`` written as a sum of two terms, one
cancelling at an end and one at 2.519 inside [-0.0616, 18.246], at tol 1e-12.
A node 0.0126 from 2.519 was off by 2.2e-13 (1,300 ulps); |K - G| of its panel
was 1.5e-13 (that node's error), QUADPACK's scaling made it 1e-16 and the panel's
error its rounding floor: 1.7902260019139196 +- 2.06e-14, converged, for a true
error of 1.24e-13. `_Panels.resampled_noise` samples f beside the nodes of the
panels whose |K - G| the scaling removed and adds what the noise may do.
"""

from __future__ import annotations

import math

import calcweb

S, A, C, B = -1.0356644485111723, -0.06162773901401897, 2.5191229914418036, 18.246463441093102
TRUE = 1.7902260019137954  # mpmath, 40 digits, each term split at its point (cancelscan)


def _term(centre: float):  # type: ignore[no-untyped-def]
    def g(x: float) -> float:
        u = S * (x - centre)
        return (u - math.sin(u)) / u**3 if u else 1 / 6

    return g


def test_a_noisy_node_hidden_by_the_scaling_is_in_the_error() -> None:
    left, inside = _term(A), _term(C)
    result = calcweb.integrate(lambda x: left(x) + inside(x), A, B, tol=1e-12, full_output=True)
    assert result.converged
    assert abs(result.value - TRUE) <= 2 * result.error
    assert result.nfev == 86  # 65 and one resampling of the panel with the noisy node


def test_a_smooth_integrand_is_not_resampled() -> None:
    # Every panel's error covers its |K - G|: nothing for the scaling to hide.
    result = calcweb.integrate(math.exp, 0.0, 1.0, tol=1e-12, full_output=True)
    assert result.converged
    assert abs(result.value - (math.e - 1)) <= 2 * result.error
    assert result.nfev == 23
