"""Session 30 (LIMIT4): limits that samples far from the limit point misjudged.

At infinity, the samples below ``|x| = 1`` are f near 0, not on its way to
infinity: ``round(n)/n`` is 1 at every whole ``n`` (within ``0.5/n`` of 1
from ``n = 1`` on) and was refused for its value 1.5 at ``n = 2/3``
(`_run_reach`). At 0 the floats go on from the deepest step, ``2**-305``,
to 4.9e-324: ``c + A g(|x|/w)`` with ``w`` below it was answered ``c + A``
(fallscan), and is sampled down to ``2**-993``
(`_beyond_the_floor`), where an underflow inside ``f`` is no change of level.
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


def _falls(c: float, a: float, w: float, g: Callable[[float], float]) -> Callable[[float], float]:
    """fallscan's ``c + A g(|x|/w)``: ``c + A`` farther than some multiple of ``w`` from 0."""
    return lambda x: c + a * g(abs(x) / w)


def test_a_fall_at_0_below_the_deepest_step_is_found() -> None:
    # fallscan seed 1 (w below 2**-305 = 1.5e-92, the deepest step): f is c + A at every point
    # sampled, and was answered so with an error of 1e-15 ("f is 7.99 at every point
    # sampled"); it falls onto c (the limit) between 1e-120 and 1e-130 (w = 1.3e-126).
    c = -0.04147815914220504
    exp = _falls(c, 8.03405455625, 1.2942350094691537e-126, lambda u: 1.0 - math.exp(-u))
    _answered(exp, 0.0, c, side="right")
    tanh = _falls(0.0, 0.11612300407143855, 3.804683157392256e-209, math.tanh)
    _answered(tanh, 0.0, 0.0, side="left")
    rat = _falls(
        0.0184551091013368, 7.349328339528543, 1.0542151074870305e-243, lambda u: u / (1 + u)
    )
    _answered(rat, 0.0, 0.0184551091013368, side="left")


def test_a_jump_at_0_below_the_deepest_step_is_refused() -> None:
    # Was 1.0 +- 2.2e-16: f is 1 at every usual and deep point, 4 below 1e-200.
    _refused(lambda x: 1 + 3 * (x < 1e-200), 0.0, side="right")


def test_an_underflow_inside_f_at_0_is_no_change_of_level() -> None:
    # x*x underflows: sqrt(x*x)/x is 1.0 down to 2**-537 (powers of 2 stay exact), off 1
    # between (x*x subnormal) and 0.0 from 2**-538 on, which the far end 2**-993 sees.
    _answered(lambda x: math.sqrt(x * x) / x, 0.0, 1.0, side="right")
    _answered(lambda x: math.sqrt(x * x) / x, 0.0, -1.0, side="left")
    _answered(lambda x: (x * x) ** 0.5 / abs(x) + 2.0, 0.0, 3.0)


def test_a_slow_drift_within_the_error_at_the_far_end_widens_it() -> None:
    # logscan seed 2: f drifts like 1/log t; at 2**-993 it is 6.1e-11 off the value
    # (error 6.07e-11), within JUMP errors. The walk out to it, steps 2**16 apart, read
    # the drift as settling: -161.295999995275 +- 1.4e-13, 2.9e-12 off the limit.
    c, a, s = -161.296, 4.722132754738487e-09, 0.018768270091906555

    def f(x: float) -> float:
        t = abs(x) / s
        return c + a * math.log(2 * t) / math.log(3 * t)

    _answered(f, 0.0, -161.29599999527787, side="left")
