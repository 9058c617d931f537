"""DER26: `_stairs_unevenly` stops where the estimate's own quotients put f's scale.

A walk done again with a noise measured has the noise measured at unequally
spaced points from its smallest step up (`_stairs_unevenly`). At a crest of a
fast sine those spacings reach ``f``'s own scale, where its curvature reads as
noise: 0.003 to 0.008 (``f`` spanning 2, below the 1 / SWING that marks f's
swings), with which the walk done again kept a far window, near 0 (crestscan,
design seeds 1, 2 and 6: 2.75, 4.55 and 3.5 times the error off). Where the
estimate's quotients show truncation, the spacings stop where it reaches the
derivative at 32 spacings, as in `_noise_up_from`. The exact values are
mpmath's (40 digits).
"""

from __future__ import annotations

import pytest
from derivative_checks import sine_derivative


@pytest.mark.parametrize(
    ("k", "c", "x", "n", "line", "exact"),
    [
        # 6.651762047994865e20 +- 7.0e30 (line)
        (163805.84, 1.0501, -0.4847782943948564, 6, True, 1.9318617022415151e31),
        # 2.3935799105285864e30 +- 1.4e40 (one variable)
        (6292478.64, 5.197, 0.3463226839661727, 6, False, 6.207696846977035e40),
        # 8.334648628402559e24 +- 2.1e27 (line)
        (9274019.27, 0.2385, -0.8168434142422785, 4, True, 7.397278602809667e27),
    ],
)
def test_no_stairs_read_on_fs_own_scale(
    k: float, c: float, x: float, n: int, *, line: bool, exact: float
) -> None:
    value, error = sine_derivative(k, c, x, n, line=line)
    assert abs(value - exact) <= 2.0 * error, (value, error)
    assert error < 0.5 * abs(exact)  # a digit, not a far window near 0
