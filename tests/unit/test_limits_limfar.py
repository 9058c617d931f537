"""Session 28 (LIMFAR): f that changes level on a scale far out, at +-inf (scalescan).

``c + A g(x/s)``, ``g`` a step from one level to another, is one level at the
first usual samples (exactly, or to a few ulps) and heads for another on the
last: the table kept the first level, whose entries have only a rounding's
error, however far the samples closer to ``x0`` went (`_past_the_change`).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from calcweb import LimitResult, limit


def _answered(f: Callable[[float], float], x0: float, exact: float) -> LimitResult:
    result = limit(f, x0, full_output=True)
    assert isinstance(result, LimitResult)
    assert result.converged, result
    assert abs(result.value - exact) <= 2.0 * result.error, (result, exact)
    return result


def test_a_level_left_for_another_within_the_usual_samples_is_not_the_limit() -> None:
    # Was 0.5 +- 2.2e-16 (0.5 exactly out to x = 8192, 0.99998 at 2**49); 1.0000000000000127
    # +- 6.4e-10 now.
    _answered(lambda x: 1.0 - 0.5 / (1.0 + (x / 1e12) ** 2), math.inf, 1.0)


def test_a_slow_change_of_level_is_answered_from_the_samples_past_it() -> None:
    # Was refused (f at 3.7e19, 1 to rounding, contradicted -6); 0.999999999999341 +- 6e-09 now.
    _answered(lambda x: 1.0 - 7.0 / (1.0 + x / 1e12), math.inf, 1.0)


def test_a_drop_after_stairs_of_rounding_is_no_change_of_level() -> None:
    # farscan seed 2: (sqrt(1 + t) - 1)/h is stairs of equal samples (sqrt(1 + t) rounded),
    # then drops onto the pole's term, 4.65e-17, at h = 2**-21; its first samples are right,
    # 2.9496e-10 = 1/(2 c). Read from the drop on, it was refused.
    c, big, a = 1695094454.5779555, 47568209.680785686, -4.6509275807787396e-17

    def f(x: float) -> float:
        return (math.sqrt(1.0 + x / c) - 1.0) / x + a * big / (abs(x) - big)

    _answered(f, 0.0, 1.0 / (2.0 * c) - a)
