"""Staircases whose lone first panel mirrors, just past `odd_unresolved` (stairscan 12, 13).

Found on stairscan seeds 12 and 13, held out for INT20 (session 20), lies at
its base and after it alike: the first panel's samples are a constant plus an
odd part (a staircase with jumps in mirrored gaps), and the rule sums them to
its rounding floor; `_checked_half` would check the halves, but
`calcweb._gauss_kronrod.odd_unresolved` asks that the odd coefficients fall
by less than ODD_FLAT (2) from degrees 9-11 to 13-15, and they fell by 2.002
and 2.29. Strict xfails until INT21's `odd_unproven` (session 20) asked
for the halves unless the odd coefficients fall geometrically. The exact values: the steps'
rectangles in fractions, as ``bench/scans/stairscan.py`` sums them.
"""

from __future__ import annotations

import pytest
from staircases import staircase, staircase_integral

from calcweb import IntegrationResult, integrate


@pytest.mark.parametrize(
    ("kind", "k", "a", "b", "tol"),
    [
        ("round", 10, -2.936938413333627, 3.1350671406494226, 8.192357124697307e-08),
        ("floor", 0.7, -1.152219193512408, 8.310579030947814, 5.18111675981077e-08),
    ],
)
def test_a_staircase_whose_first_panel_mirrors_is_honest(
    kind: str, k: float, a: float, b: float, tol: float
) -> None:
    exact = staircase_integral(kind, k, a, b)
    result = integrate(staircase(kind, k), a, b, tol=tol, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert not result.converged or abs(result.value - exact) <= 2.0 * result.error
