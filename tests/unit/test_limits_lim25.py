"""logscan's two lies at seed 3 (session 21, LIM25): slow terms whose tail was understated.

``bench/scans/logscan.py 3 300`` answered two limits more than twice their
error off:

- ``-5.66e-6/log(log(x/993.6))`` at infinity: -1.6947e-06 +- 8.3e-7 (limit 0,
  2.03 errors off). The samples closer in (`_closer_in`) change by ratios
  that rise from 0.63 to 0.92 a step, and `_deeper` took their tail at a
  ratio of at most 0.9 (``TAIL_RATIO``): 18 times the last change. It now
  takes the tail at their own ratio where that is larger: 24 times at 0.924.
- ``429.127 - 1.02e-12 (-1/log(-x/417.2))**0.3`` at 0-: 429.1269999999995
  +- 1.9e-13 (limit 429.127, 2.68 errors off). The samples climb 4 ulps over
  the walk (the last 16 are one value), 3 ulps past the value; `_passed` added
  what the last block of 8 steps moved, which was 0. It now adds what the
  whole run of such steps moved (4 ulps).
"""

from __future__ import annotations

import math

from calcweb import LimitResult, limit
from calcweb.limits import _deeper, _passed, _steady_blocks


def _honest_or_refused(result: object, exact: float) -> None:
    assert isinstance(result, LimitResult)
    assert not result.converged or abs(result.value - exact) <= 2.0 * result.error, result


def test_a_log_log_term_at_infinity_is_answered_within_its_error() -> None:
    a, s = -5.659467199163638e-06, 993.5590252701302
    result = limit(
        lambda x: a / math.log(-math.log(s / x)), math.inf, side="left", full_output=True
    )
    _honest_or_refused(result, 0.0)


def test_a_drift_of_an_ulp_every_16_halvings_is_within_the_error() -> None:
    a, s = -1.0156507274976586e-12, 417.2430943194772
    result = limit(
        lambda x: 429.127 + a * (-1 / math.log(-x / s)) ** 0.3, 0.0, side="left", full_output=True
    )
    _honest_or_refused(result, 429.127)


def test_changes_slower_than_the_tail_ratio_get_their_own_tail() -> None:
    # Changes shrinking by 0.95 a step: what is left beyond the last sample, 0.95**16,
    # is 19 times the last change, more than the 18 times a ratio of 0.9 gives.
    deep = [0.95**k for k in range(1, 17)]
    value, error = _deeper(1.0, deep)
    assert abs(value - 0.0) <= error


def test_a_drift_a_block_does_not_show_counts_over_its_whole_run() -> None:
    # One ulp up every 16 samples, over 48: the last block of 8 moves none. The
    # value is the first sample, 2 ulps below the last.
    base = 429.1269999999995
    ulp = math.ulp(base)
    values = [base + ulp * (k // 16) for k in range(48)]
    assert values[-1] - values[-9] == 0.0
    past = values[-1] - base
    assert _passed(values, base) >= past + (values[-1] - values[0])


def test_ulp_steps_that_shrink_are_no_log_growth() -> None:
    # 118.253 + 9.57e-12 (-1/log t)**0.5, t = -0.00166/x, at -inf falls by 10 ulps
    # a halving at first and by 1 at the last samples, each sample the one before to
    # rounding: it was -inf, converged, as 1 - eps log2(x) is +inf at 0 (equal steps).
    a, s = 9.567630204458063e-12, 0.001661036446027225
    result = limit(
        lambda x: 118.253 + a * (-1 / math.log(-s / x)) ** 0.5,
        -math.inf,
        side="right",
        full_output=True,
    )
    _honest_or_refused(result, 118.253)


def test_blocks_that_move_alike_are_steady() -> None:
    eps = 2.0**-52
    log_like = [1.0 + k * eps for k in range(48)]  # one ulp a step: a log's growth
    assert _steady_blocks(log_like)
    # 10 ulps a step at first, 1 at the end: settling.
    settling = [1.0]
    for k in range(47):
        settling.append(settling[-1] + max(10 - k // 4, 1) * eps)
    assert not _steady_blocks(settling)
