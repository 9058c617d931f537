"""A lone first panel that mirrors is checked unless its odd part falls geometrically (INT21).

stairscan seeds 12 and 13 (held out for INT20): staircases whose jumps fell
in mirrored gaps of the first panel's nodes, so its samples were a constant
plus an odd part, summed to the rounding floor in 23 evaluations:
``round(10 x)/10`` on [-2.93694, 3.13507] at tol 8.2e-8 was 0.6072005554
+- 1.1e-13 for 0.6015867373, ``floor(0.7 x)/0.7`` on [-1.15222, 8.31058]
at tol 5.2e-8 27.036566 +- 3.7e-13 for 27.103006. Their odd coefficients
fell by 2.002 and 2.29 from degrees 9-11 to 13-15, just past `ODD_FLAT`
(2), so `odd_unresolved` did not ask for `_checked_half`;
`odd_unproven` asks for it unless they fall geometrically, by more than
`GEOMETRIC_DROP`. The integrate-level cases are in
test_integrate_int20_mirrored_first.py.
"""

from __future__ import annotations

import math

import pytest

from calcweb import IntegrationResult, integrate
from calcweb._gauss_kronrod import (
    GEOMETRIC_DROP,
    K21,
    ODD_FLAT,
    gauss_kronrod,
    odd_unproven,
    odd_unresolved,
)
from calcweb._integrate import _summed


def _round10(x: float) -> float:
    return round(10 * x) / 10


def _floor07(x: float) -> float:
    return math.floor(0.7 * x) / 0.7


STAIRCASES = [
    (_round10, -2.936938413333627, 3.1350671406494226),
    (_floor07, -1.152219193512408, 8.310579030947814),
]


@pytest.mark.parametrize(("f", "a", "b"), STAIRCASES)
def test_a_mirrored_staircase_panel_is_unproven_though_not_unresolved(f, a, b) -> None:
    panel = gauss_kronrod(f, a, b)
    fall = max(panel.odd[0], panel.odd[1]) / max(panel.odd[2], panel.odd[3])
    assert ODD_FLAT < fall < 2.3  # past odd_unresolved's threshold, far below an analytic fall
    assert panel.error < 1e-12  # the rounding floor: the mirrored samples hide the jumps
    assert not odd_unresolved(K21, panel)
    assert odd_unproven(K21, panel)


@pytest.mark.parametrize(("f", "a", "b"), STAIRCASES)
def test_summed_asks_for_the_halves_of_a_mirrored_staircase(f, a, b) -> None:
    _, check = _summed(f, a, b, 1e-7, K21, finite_ends=(True, True), x_of=lambda x: x, seen={})
    assert check


def test_a_smooth_odd_part_falling_geometrically_is_not_checked() -> None:
    panel = gauss_kronrod(lambda x: math.sin(5 * x), -1.0, 1.0)
    assert max(panel.odd[0], panel.odd[1]) > GEOMETRIC_DROP * max(panel.odd[2], panel.odd[3])
    assert not odd_unproven(K21, panel)
    result = integrate(lambda x: math.sin(5 * x), -1.0, 1.0, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert result.converged
    assert (result.value, result.nfev) == (0.0, 23)


@pytest.mark.parametrize(
    ("f", "a", "b", "exact"),
    [
        (math.tanh, -3.0, 3.0, 0.0),  # falls by 6.2: checked at the cost of its halves
        (lambda x: 1 / (1 + math.exp(-x)), -5.0, 5.0, 5.0),  # falls by 9
    ],
)
def test_a_smooth_odd_part_still_unresolved_is_checked_and_answered(f, a, b, exact) -> None:
    result = integrate(f, a, b, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert result.converged
    assert abs(result.value - exact) <= result.error
    assert result.nfev == 149  # the first panel (23) and its two halves' runs
