"""INT16 (session 19): the table's limit is not taken where the halves at x = inf turned lately.

1/(x log(x) log(log(x))**5) on [20, inf) at tol 1e-2 and 1e-3 was 0.170475 +-
4.1e-4, converged, for 0.172510 (4.99 times the error, 226 evaluations): the
halves split off the end at infinity rose by 1.65, 1.43 and 1.17 a halving,
then fell by 0.94, 0.78 and 0.70 when the table met the tolerance, before
`_power_law_fit` had the six falling halves it needs to tell a power of log x
from a geometric fall. They fall by 0.668 two halvings later, then creep up to 1
(the tail falls as a power of log(log x)). Only at x at infinity: at a finite end
a turn is f's own (log x on [0, 1]) and the table models it (`turning_end_panel`).
"""

from __future__ import annotations

import math

import pytest

from calcweb import IntegrationResult, integrate
from calcweb._integrate import SLOW_END_HALVINGS, _turning


@pytest.mark.parametrize("tol", [1e-2, 1e-3])
def test_a_table_limit_at_a_fall_that_has_only_begun_is_not_taken(tol: float) -> None:
    p, a = 5.0, 20.0

    def f(x: float) -> float:
        return 1.0 / (x * math.log(x) * math.log(math.log(x)) ** p)

    result = integrate(f, a, math.inf, tol=tol, full_output=True)
    assert isinstance(result, IntegrationResult)
    exact = math.log(math.log(a)) ** (1.0 - p) / (p - 1.0)
    assert abs(result.value - exact) <= 2.0 * result.error
    assert result.nfev < 3000


def test_a_fall_is_turning_until_it_has_lasted_five_halvings() -> None:
    rising = [1.0, 1.65, 2.36, 2.77]  # the log-log end above
    assert not _turning(rising)  # still rising: the table's, as before
    turned = [*rising, 2.61, 2.04, 1.42]
    assert _turning(turned)
    assert _turning([*turned, 0.95])  # four falls
    assert not _turning([*turned, 0.95, 0.64])  # five: six falling halves
    # Halves that fell from the first halving did not turn (x**-0.9 at 0).
    geometric = [2.0 ** (-0.1 * n) for n in range(SLOW_END_HALVINGS)]
    assert not _turning(geometric[:3])
    assert not _turning([-value for value in geometric])
    assert _turning([1.0, 2.0, 1.5])
    assert not _turning([1.0, 2.0, 1.0, 0.5, 0.25, 0.0, 0.0])  # f that underflows at the end
    assert _turning([1.0, 2.0, 1.0, 0.0, 0.0])
