"""A chase after detail finer than the nodes stops at an end where f is not finite (session 18).

bench/scans/endscan.py: ``(log x + c) x**-p`` on [0, 1], p in [0.85, 0.99], c large
enough that f changes sign at ``e**-c`` within reach of the halvings, was refused after
500 subintervals and 20,981 evaluations (10 of the 125 convergent draws of seed 1). The
end panel whose samples saw the sign change started a chase (`_Panels.split`, rule 5),
and each later end panel missed its ancestors' samples by the singularity's own shape,
beyond the resolution the chase held it to: its weight was its error, and it was halved
without extrapolating until that weight was tol of the whole, about 380 halvings on.
"""

from __future__ import annotations

import math

import pytest

from calcweb import IntegrationResult, integrate


def _exact(c: float, p: float) -> float:
    """The integral of (log x + c) x**-p on [0, 1]: c/(1 - p) - 1/(1 - p)**2."""
    return c / (1.0 - p) - 1.0 / (1.0 - p) ** 2


@pytest.mark.parametrize(
    ("c", "p", "tol", "converged", "most"),
    [
        # Was 500 subintervals, 20,981 evaluations, refused; now 905.
        (12.953951257111587, 0.9413604905758455, 7.066743505415999e-09, True, 2000),
        # Was refused after 20,981; now the extrapolation stalls after 3,719.
        (57.73230421377086, 0.9824209728682956, 7.444681290580271e-08, False, 6000),
    ],
)
def test_a_chase_does_not_go_on_into_a_singular_end(
    c: float, p: float, tol: float, converged: bool, most: int
) -> None:
    result = integrate(lambda x: (math.log(x) + c) * x**-p, 0.0, 1.0, tol=tol, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert result.converged is converged
    assert abs(result.value - _exact(c, p)) <= 2.0 * result.error
    assert result.nfev < most


def test_a_chase_at_an_end_mapped_to_infinity_stays() -> None:
    # With the exception at x = inf too, the chain was extrapolated after 196
    # evaluations to 9.614e-5 and refused by the test for divergence.
    exact = math.log(1000.0) ** -4 / 4.0
    result = integrate(
        lambda x: 1.0 / (x * math.log(x) ** 5), 1000.0, math.inf, tol=1e-4, full_output=True
    )
    assert isinstance(result, IntegrationResult)
    assert result.converged is True
    assert abs(result.value - exact) <= 2.0 * result.error <= 2e-4
