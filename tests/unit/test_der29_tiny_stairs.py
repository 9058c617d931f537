"""DER29: removable singularities at |x| <= 3e-7, where one stair holds the whole window.

``(1 - cos t) / t**2`` at -1.97e-7 is ``1 - cos t`` rounded to 2**-53 (stairs
5.6e-10 wide, 0.6 % of ``f``) times ``1 / t**2``. The walk's window (steps
2.2e-10 to 1.4e-11) lay on one stair, ``c / t**2``, and its quotients fell as
``h**2`` to ``-2 f(x) / x``: 5070735.39 +- 4.5e-5 for 1.64e-8. The quotient
just above it, at 8.9e-10, was -1318907.6 where the window's own truncation
is 208: values off by at least 5.7e-3, noise (`_noise_above`). At 1.1e-7,
``n = 3``, the noise tests found the stairs (0.0099), but one stair's
``c / t**2`` still showed at a 16th of the spacing (1.3e-15, above the
rounding 9e-16), so `_sudden` took them for ``f``'s swings: -9.0e21 +- 3.4e17
for 3.7e-9; at a 256th it is within the rounding.

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
        (one_minus_cos, -1.9715256963218488e-07, 1),  # 5070735.39 +- 4.5e-5 before
        (one_minus_cos, -2.5695554161330275e-07, 1),  # 3887073.12 +- 7.3e-4 before
        (one_minus_cos, 1.1501101311132344e-07, 2),  # 2.284e14 +- 5.0e9 before
        (cosh_minus_one, 2.0324437730418222e-07, 1),  # -4919234.78 +- 4.4e-5 before
        (one_minus_cos, 1.0983301784936963e-07, 3),  # -9.0e21 +- 3.4e17 before
        (one_minus_cos, 1.2101156334798358e-07, 3),  # -6.8e21 +- 4.0e16 before
        (cosh_minus_one, -1.8504292842897626e-07, 3),  # 1.9e21 +- 6.9e16 before
    ],
)
def test_one_stair_under_the_whole_window_is_no_answer(
    f: Callable[[float], float], x: float, n: int
) -> None:
    honest_or_refused(f, x, exact_derivative(f, x, n), n=n)  # a refusal is honest here
