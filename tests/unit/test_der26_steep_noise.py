"""DER26: noise where f is steeper than at x, at a window's outer points (`_steep_noise`).

``sin(k t + c)`` computes ``sin`` at ``k t + c`` rounded: the value moves by
``|f'|`` times that rounding, nothing at a crest, where the noise tests look,
but up to ``k`` times it at the outer points of the window's stencils
(``x +- 3 h`` for ``n = 3``). There it is hundreds of times the rounding of
``f``'s values, and it moved the quotients at the window's smallest step by
more than the walk's error (crestscan seeds 1, 2 and 4: ``n = 3`` near crests,
2.2 to 4.7 times the error off, in one variable and on a line alike; ``n = 5``
and ``n = 6``, 2.3 and 2.8 times). The quotients at steps next to the smallest
(`_scatter`) show it. The exact values are mpmath's (40 digits).
"""

from __future__ import annotations

import math

import pytest
from derivative_checks import sine_derivative

import calcweb as cw


@pytest.mark.parametrize(
    ("k", "c", "x", "n", "line", "exact"),
    [
        # -1.4609044392903645 +- 0.293 (2.2 times off), one variable and line
        (7561.31, 1.9057, 0.5986661187214506, 3, False, -2.0980185673242855),
        (7561.31, 1.9057, 0.5986661187214506, 3, True, -2.0980185673242855),
        # -8162810807764037.0 +- 7.8e12 (2.5 times off)
        (9603741.02, 1.0678, -0.8047256896027529, 3, False, -8182189595147408.1),
        # 1351067.001171875 +- 1.3e3 (4.7 times off), one variable and line
        (44328.98, 2.6482, -0.4209918154214466, 3, False, 1356991.1746337772),
        (44328.98, 2.6482, -0.4209918154214466, 3, True, 1356991.1746337772),
        # 8139955161637112.0 +- 3.3e10 (2.3 times off)
        (4916.66, 6.208, 0.43866684066122463, 5, False, 8140033271770800.4),
        # 1.181947976692462e20 +- 2.0e17 (2.8 times off), near a zero of f^(6)'s sine
        (16926.47, 4.4714, 0.07286316050927799, 6, False, 1.1873947599064073e20),
    ],
)
def test_noise_at_the_outer_points_counts(
    k: float, c: float, x: float, n: int, *, line: bool, exact: float
) -> None:
    value, error = sine_derivative(k, c, x, n, line=line)
    assert abs(value - exact) <= 2.0 * error, (value, error)


def test_no_noise_no_cost_in_digits() -> None:
    # sin at a crest with t exact inside it: the outer points show no noise, and the
    # answer keeps its digits (f''' = -cos(pi/2) = -6.1e-17; f^(4) = 1).
    result = cw.derivative(math.sin, math.pi / 2, 4, full_output=True)
    assert abs(result.value - 1.0) <= 2.0 * result.error < 1e-6
