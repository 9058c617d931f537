"""DER33: the refined stencil's rounding bound holds f's noise at its point nearest 0.

`_refine`'s 13-point stencil (``H = 0.125``) about ``x`` at ``|x|`` 0.1-0.21
comes within 0.02-0.05 of 0, where a cancelling quotient has lost far more
digits than at ``x``. Its rounding bound took the noise measured at ``x``,
and the check at ``H / 2`` (`_halved_scatter`) saw nothing: both stencils'
values were off alike. ``(exp t - 1 - t) / t**2`` at -0.2060 was
0.15051183257430986 +- 6.8e-14 for 0.1505118325744541 (2.1x: f off by 5.6e-14
at 0.044, 1.5e-13 at -0.0185, 1.0e-15 measured at x); ``(1 - cos t) / t**2``
at 0.1071 was -0.008916871103103045 +- 2.5e-13 for -0.008916871102571914
(2.2x). Where a noise was measured at ``x`` and the stencil comes nearer 0
than ``|x| / 2``, the noise is measured again at the stencil's point nearest
0 and weighs on the points nearer 0 than ``|x| / 2`` (`_noise_nearest_zero`,
`_gain_near_zero`): now +- 1.2e-12 (0.12x) and +- 3.7e-12 (0.15x).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from removable_quotients import exact_derivative, exp_minus_one_minus_t, one_minus_cos

import calcweb as cw


@pytest.mark.parametrize(
    ("f", "x"),
    [
        (exp_minus_one_minus_t, -0.20603031670494137),
        (one_minus_cos, 0.1070842907852208),
    ],
)
def test_a_refined_stencil_near_zero_holds_the_noise_there(
    f: Callable[[float], float], x: float
) -> None:
    exact = exact_derivative(f, x)
    result = cw.derivative(f, x, full_output=True)
    assert abs(result.value - exact) <= result.error
    assert result.nfev <= 92  # 91 and 48 calls (87 and 44 before session 26, 81 and 38 before)
