"""DER30: removable singularities at |x| ~ 1e-6 whose window is within its rounding.

``(1 - cos t) / t**2`` at 7.9e-7 is ``1 - cos t`` rounded to 2**-53 (stairs
1.4e-10 wide, 1.8e-4 high in ``f``) times ``1 / t**2``. The walk's window, at
3.5e-12 and 8.7e-13, lay on one stair, ``c / t**2``, and its quotients agreed
on ``-2 f(x) / x`` within their rounding (6e-5): -1263540.11 +- 51393 for
-6.6e-8, the noise tests having read the stairs as 1.4e-7. The quotient just
above, at 2.2e-10, was 322421.7; `_noise_above` judged only windows whose
first quotient showed truncation, and this one showed none. Where the noise
tests found ``f`` noisy (if far too little), its truncation there is at most
its rounding: grown to 2.2e-10 that is 0.26, and that quotient, 1.6e6 off,
saw values off the window's expansion by at least 3.5e-4 (the one at 5.7e-8,
some 400 stairs away, by 0.057, the noise then taken). Same with ``(cosh t -
1) / t**2`` at -1.69e-6: 591783.2 +- 42241 for -1.4e-7.

Honest answers here have no correct digit: a wide error or a refusal.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from derivative_checks import honest_or_refused
from removable_quotients import cosh_minus_one, exact_derivative, one_minus_cos


@pytest.mark.parametrize(
    ("f", "x", "n"),
    [
        (one_minus_cos, 7.914401758545626e-07, 1),  # -1263540.11 +- 51393 before
        (cosh_minus_one, -1.689816372263339e-06, 1),  # 591783.2 +- 42241 before
    ],
)
def test_window_within_its_rounding_on_one_stair_is_no_answer(
    f: Callable[[float], float], x: float, n: int
) -> None:
    honest_or_refused(f, x, exact_derivative(f, x, n), n=n)  # a refusal is honest here
