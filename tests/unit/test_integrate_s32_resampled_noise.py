"""f's noise at one node, which QUADPACK's scaling of |K - G| hid (session 32, INTMISC).

cancelscan seed 2: ``(u - sin u)/u**3`` written as a sum of two terms, one
cancelling at an end and one at 2.519 inside [-0.0616, 18.246], at tol 1e-12.
A node 0.0126 from 2.519 was off by 2.2e-13 (1,300 ulps); |K - G| of its panel
was 1.5e-13 (that node's error), QUADPACK's scaling made it 1e-16 and the panel's
error its rounding floor: 1.7902260019139196 +- 2.06e-14, converged, for a true
error of 1.24e-13. `_Panels.resampled_noise` adds the |K - G| of the panels at
their floor where that meets the tolerance, and else samples f beside their nodes.
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


def _lie(tol: float):  # type: ignore[no-untyped-def]
    left, inside = _term(A), _term(C)
    return calcweb.integrate(lambda x: left(x) + inside(x), A, B, tol=tol, full_output=True)


def test_a_noisy_node_hidden_by_the_scaling_is_in_the_error() -> None:
    # |K - G| of the panels at their floor (1.5e-13) added: within the tolerance, no call.
    result = _lie(1e-12)
    assert result.converged
    assert abs(result.value - TRUE) <= 2 * result.error
    assert result.error < 2e-13
    assert result.nfev == 65


def test_beyond_the_tolerance_the_panel_is_sampled_again_and_refused() -> None:
    # Error plus |K - G| above the target 9e-14: f sampled beside the 21 nodes of the
    # panel, whose noise may move the sum by 1.2e-12 (was 2.06e-14, converged).
    result = _lie(5e-14)
    assert not result.converged
    assert result.message.startswith("rounding error limits the accuracy to about 1.19e-12")
    assert abs(result.value - TRUE) <= 2 * result.error
    assert result.nfev == 86


def test_a_smooth_integrand_sampled_again_shows_no_noise() -> None:
    # 1/(1 + x*x) on [0, 10] at 1e-13: |K - G| of its panel at the floor is above the
    # target, the panel sampled again (21 calls) shows none: as converged as before.
    result = calcweb.integrate(lambda x: 1 / (1 + x * x), 0.0, 10.0, tol=1e-13, full_output=True)
    assert result.converged
    assert result.error < 2e-14
    assert abs(result.value - math.atan(10.0)) <= 2 * result.error
    assert result.nfev == 170  # 149 + 21


def test_a_smooth_integrand_is_not_resampled() -> None:
    # Every panel's error covers its |K - G|: nothing for the scaling to hide.
    result = calcweb.integrate(math.exp, 0.0, 1.0, tol=1e-12, full_output=True)
    assert result.converged
    assert abs(result.value - (math.e - 1)) <= 2 * result.error
    assert result.nfev == 23


def test_rounding_x_to_a_float_is_not_counted_as_noise() -> None:
    # intscan seed 2: sin on [-733.6, 337.5] at the default tol, 8,065 calls, 9.44e-11
    # (true 8.9e-14). Sampled again, each node beside its own moved f by up to its slope
    # times ulp(x), 1.1e-13 here, which the floor holds already (`_node_rounding`):
    # counted as noise it raised the error to 1.38e-10 and the answer was refused.
    a, b = -733.5839984671414, 337.51487784584543
    result = calcweb.integrate(math.sin, a, b, full_output=True)
    assert result.converged, result.message
    assert abs(result.value - (math.cos(a) - math.cos(b))) <= 2 * result.error
    assert result.nfev == 9976  # 8,065 and 91 panels sampled again
