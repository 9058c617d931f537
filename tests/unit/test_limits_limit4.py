"""Session 30 (LIMIT4): limits that samples far from the limit point misjudged.

At infinity, the samples below ``|x| = 1`` are f near 0, not on its way to
infinity: ``round(n)/n`` is exactly 1 at every ``n >= 1`` and was refused for
its value 1.5 at ``n = 2/3`` (`_run_reach`).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from calcweb import LimitResult, limit


def _refused(f: Callable[[float], float], x0: float, **kwargs: str) -> LimitResult:
    result = limit(f, x0, full_output=True, **kwargs)
    assert isinstance(result, LimitResult)
    assert not result.converged, result
    return result


def _answered(f: Callable[[float], float], x0: float, exact: float, **kwargs: str) -> LimitResult:
    result = limit(f, x0, full_output=True, **kwargs)
    assert isinstance(result, LimitResult)
    assert result.converged, result
    assert abs(result.value - exact) <= 2.0 * result.error, (result, exact)
    return result


def test_a_staircase_at_infinity_is_not_judged_below_n_1() -> None:
    # Refused before (1.0 +- 1.0): the samples farther out, below n = 1, are 0 (round(1/2)
    # = 0) and 1.5 at n = 2/3, which a step from 0 onto 1 is not.
    _answered(lambda n: round(n) / n, math.inf, 1.0)
    _answered(lambda n: round(n) / n, -math.inf, 1.0)
    _answered(lambda n: round(2 * n) / (2 * n), math.inf, 1.0)


def test_a_step_at_infinity_above_n_1_is_still_judged() -> None:
    # 1/x is lost in 2**52 + 1/x (its spacing is 1) from x = 2 on: f is 0 there, 1 at
    # x = 1 and 1.5 at x = 1.5 (2**52 + 2/3 rounds up), which a step is not.
    _refused(lambda x: x * ((2.0**52 + 1 / x) - 2.0**52), math.inf)
