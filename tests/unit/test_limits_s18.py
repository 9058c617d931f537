"""Session 18 (LIM22): four limit lies of issue 13, each answered honestly or refused now.

Every case here was a lie on main at 9dcdf04 (the true limit more than twice the
reported error from the value, converged): the ratio is in each comment.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from calcweb import LimitResult, limit


def _honest(f: Callable[[float], float], x0: float, side: str, exact: float) -> LimitResult:
    result = limit(f, x0, side=side, full_output=True)
    assert isinstance(result, LimitResult)
    assert not result.converged or abs(result.value - exact) <= 2.0 * result.error, result
    return result


def _log_power(c: float, a: float, s: float, where: str) -> Callable[[float], float]:
    """c + a t**(3/(4 + log t)), t = |x|/s at 0, s/|x| at infinity (logscan's family)."""
    if where == "0":
        return lambda x: c + a * (abs(x) / s) ** (3.0 / (4.0 + math.log(abs(x) / s)))
    return lambda x: c + a * (s / abs(x)) ** (3.0 / (4.0 + math.log(s / abs(x))))


@pytest.mark.parametrize(
    ("c", "a", "s", "x0", "side"),
    [
        # 478.414 +- 2.8e-7 (635 errors off): the first samples, before the pole at
        # t = exp(-4), are c to 1e-9; closer in f creeps back towards c + a e**3.
        (478.414, -8.952036311348608e-06, 1.0560358096653755, 0.0, "right"),
        (-636.963, -1.2451787583201037e-06, 0.7991726290862561, -math.inf, "right"),  # 1190
        (1.0, 1.1323507728203757e-11, 5.729338385281529, -math.inf, "right"),  # 1930
        (0.0, 1.6927803789826163e-09, 8.703481885351263, math.inf, "left"),  # 3.6
    ],
)
def test_a_log_power_is_not_its_far_field(
    c: float, a: float, s: float, x0: float, side: str
) -> None:
    f = _log_power(c, a, s, "0" if x0 == 0.0 else "inf")
    _honest(f, x0, side, c + a * math.exp(3.0))
