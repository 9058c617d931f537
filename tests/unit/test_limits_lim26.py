"""logscan's lie at seed 14 (session 21, LIM26): a drift that ends on one held value.

``bench/scans/logscan.py 14 300`` answered ``-703.773 + 1.08e-10/log(-x/10.13)**2``
at 0- as -703.7729999999985 +- 6.3e-13: the limit is 1.5e-12 away, 2.4
errors off. The value is the sample at step 7; the samples then climb 12 ulps
by steps of an ulp or two, and the last 17 hold one value. `_passed` read the
flat tail as f settled (its sign 0) and added nothing. The held value now goes
on the way the ulp steps into it went (`_held_after`), so `_passed` counts the
12 ulps past the value and the run that moved there.
"""

from __future__ import annotations

import math

from calcweb import LimitResult, limit
from calcweb.limits import _held_after, _passed


def test_a_log_squared_term_ending_on_one_held_value_is_within_its_error() -> None:
    a, s = 1.0816844717624365e-10, 10.12738447605032
    result = limit(
        lambda x: -703.773 + a / math.log(-x / s) ** 2, 0.0, side="left", full_output=True
    )
    assert isinstance(result, LimitResult)
    assert not result.converged or abs(result.value - -703.773) <= 2.0 * result.error, result


def test_a_held_value_after_ulp_steps_goes_on_their_way() -> None:
    # One ulp up a step for 24 samples, then 24 samples on one value: the value
    # is the first sample, 24 ulps behind the last.
    base = 1.0
    ulp = math.ulp(base)
    values = [base + ulp * min(k, 24) for k in range(48)]
    assert _held_after(values) == 1.0
    assert _passed(values, base) >= 24 * ulp


def test_a_held_value_after_a_jump_is_not_a_drift() -> None:
    # A step far beyond rounding into the held value is no ulp drift.
    values = [1.0 + 1e-9 * k for k in range(8)] + [2.0] * 40
    assert _held_after(values) == 0.0
    assert _held_after([3.0] * 48) == 0.0
