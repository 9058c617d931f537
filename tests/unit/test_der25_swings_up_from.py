"""DER25: a sine's own swings read as stairs by `_noise_up_from`.

``sin(8281189.98 t + 1.043)``, ``n = 4``, on a line at -0.815740464746966
(crestscan seed 4, ``--mode line --order 4 --at zero``): the walk's window
(4.879e25 +- 4.4e22, rounding-limited, its quotients within its error) was
contradicted by a far window, so `_maybe_on_stairs` held and `_noise_up_from`
measured the noise at spacings from its smallest step up. At 7.15e-8, where
``k h`` is 0.59 radians, the 4th differences are the sine's own, and they read
as stairs of 0.044 (f spans 2). Walked again with that noise, the far window
at steps 0.0047 and 0.0023 won: 2.1e6 +- 1.7e11 for 4.879e25. A noise above
1 / SWING of the range of f sampled is f's swings (as in `_stairs_unevenly`).
The same misreading, of noise 3 to 6, refused right answers (crestscan, orders
3 to 5 at crests: "the noise measured in f's values ... f's own swings").
"""

from __future__ import annotations

import mpmath
import pytest
from derivative_checks import sine_derivative


@pytest.mark.parametrize(
    ("k", "c", "x", "n", "line"),
    [
        # 2100642.9 +- 1.74e11 for 4.879e25 (line)
        (8281189.98, 1.043, -0.815740464746966, 4, True),
        # refused: noise 3.37 (line, seed 2)
        (226626.78, 3.5034, -0.08689815125862019, 4, True),
        # refused: noise 4.51 (one variable, seed 1)
        (209077.16, 4.3436, -0.8122735495296408, 4, False),
    ],
)
def test_a_sines_swings_up_from_the_window_are_no_stairs(
    k: float, c: float, x: float, n: int, line: bool
) -> None:
    value, error = sine_derivative(k, c, x, n, line=line)
    mpmath.mp.dps = 40
    kk = mpmath.mpf(k)
    exact = float(kk**n * mpmath.sin(kk * mpmath.mpf(x) + mpmath.mpf(c) + n * mpmath.pi / 2))
    assert abs(value - exact) <= 2.0 * error
    assert error < 0.5 * abs(exact)  # a digit, not a far window near 0
