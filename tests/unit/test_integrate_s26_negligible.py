"""INTNOISE2 (session 26): at ``tol >= 1`` a panel holding all the weight was negligible.

A panel that does not resolve f blocks convergence unless it holds at most
``tol`` of the integral's weight (`_Panels.unresolved`). At ``tol = 1`` that
is every panel, the first one too: ``1/x`` on ``[2**48, inf)`` (which
diverges) was 2.48e-12 +- 2.66e-11, converged, from the first panel's 16
calls, whose nodes see ``1/x`` mapped onto ``(0, 1]`` growing like
``t**-2`` towards ``t = 0``. The share that counts as negligible is now at
most `NEGLIGIBLE_SHARE` (1/2) of it, so such a panel is bisected, as it is at
``tol = 0.9``, and the divergence is refused.
"""

from __future__ import annotations

import math

import pytest

from calcweb import IntegrationResult, integrate


@pytest.mark.parametrize("start", [2.0**48, 1e6])
def test_a_divergent_tail_is_not_answered_at_a_tolerance_of_one(start: float) -> None:
    # (At tol 2 and more the bisections reached a sum whose error met tol times
    # the sum, about 60 +- 100, until such a tol counted as 0.5: session 27.)
    result = integrate(lambda x: 1 / x, start, math.inf, tol=1.0, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert not result.converged, result
    assert "diverges" in result.message


def test_a_convergent_integral_is_still_answered_at_a_tolerance_of_one() -> None:
    result = integrate(lambda x: 1 / x**2, 1.0, math.inf, tol=1.0, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert result.converged
    assert abs(result.value - 1.0) <= 2 * result.error
