"""Mutation tests for limits' log-scale walk and its helpers (session 14's mutmut run).

Session 14's mutmut run (at e620abf) left survivors in `_log_table`,
`_log_estimate` and `_log_scale`; each test states what the docstring
promises at a point no other test reaches. `_log_table` removes up to
``ORDERS`` powers of ``u``, one per column, while the last column has 4
entries or more. `_log_estimate`'s error is the larger of the two changes
before an entry, twice their geometric tail, or the samples' rounding
amplified by the extrapolation (5.8 times by column 1, 17.5 by column 2);
of equal errors the first entry is kept. The samples are exact binary
fractions, or lines and parabolas in ``u = 2**(-k/2)`` (``sqrt`` is
correctly rounded, so they are the same on every platform).
"""

from __future__ import annotations

import math
import sys

import pytest
from limit_checks import full

from calcweb.limits import (
    LOG_RATIO,
    ORDERS,
    ULPS,
    _arrives,
    _log_estimate,
    _log_table,
    _sign,
)

EPS = sys.float_info.epsilon


def _u(k: int) -> float:
    """2**(-k/2): u shrinks by sqrt(2) at each step, as on the log-scale walk."""
    return math.ldexp(1.0, -(k // 2)) / (math.sqrt(2.0) if k % 2 else 1.0)


def _amplified(j: int) -> float:
    """The docstring's amplification of rounding by column j of the table."""
    product = 1.0
    for i in range(1, j + 1):
        product *= 1.0 + 2.0 / (LOG_RATIO**i - 1.0)
    return product


# ---------------------------------------------------------------------- _sign


def test_the_sign_is_1_or_minus_1_at_any_scale() -> None:
    assert [_sign(y) for y in (3.0, 1e-300, 5e-324, -5e-324, -7.0)] == [1.0, 1.0, 1.0, -1.0, -1.0]
    assert _sign(0.0) == 0.0
    assert math.isnan(_sign(math.nan))


# ------------------------------------------------------------------- _arrives


def test_samples_arrive_that_stay_then_fall_onto_the_constant() -> None:
    # Distances 2 ulps, 2 ulps, 0 from 1: they do not grow, and the last is closer
    # than the first (a step finer than rounding's can leave two alike).
    assert _arrives([1.0 + 2.0**-51, 1.0 + 2.0**-51, 1.0], 1.0)


def test_only_the_last_sample_need_be_within_rounding_of_the_constant() -> None:
    # Distances 16, 8 and 2 eps from 1: the last within ULPS = 4 roundings of 1, the
    # one before it not.
    assert _arrives([1.0 + 2.0**-48, 1.0 + 2.0**-49, 1.0 + 2.0**-51], 1.0)


def test_a_last_sample_exactly_ulps_roundings_off_arrives() -> None:
    # Distances 16, 8 and 4 eps: the last exactly ULPS eps |1| off.
    assert _arrives([1.0 + 2.0**-48, 1.0 + 2.0**-49, 1.0 + 2.0**-50], 1.0)
    assert not _arrives([1.0 + 2.0**-47, 1.0 + 2.0**-48, 1.0 + 2.0**-49], 1.0)


# ----------------------------------------------------------------- _log_table


def test_a_column_is_made_while_the_last_has_4_entries() -> None:
    assert [len(column) for column in _log_table([1.0] * 5)] == [5, 4, 3]
    assert [len(column) for column in _log_table([1.0] * 3)] == [3]


def test_the_table_removes_at_most_orders_powers_of_u() -> None:
    columns = _log_table([1.0] * 12)
    assert len(columns) == ORDERS + 1
    assert [len(column) for column in columns] == list(range(12, 12 - ORDERS - 1, -1))


# -------------------------------------------------------------- _log_estimate


def test_an_entry_at_the_third_sample_is_an_estimate() -> None:
    # Three equal samples: the only entry, with the rounding of 1 as its error.
    assert _log_estimate([1.0, 1.0, 1.0]) == (1.0, ULPS * EPS)


def test_the_error_is_the_larger_of_the_two_changes_before_the_entry() -> None:
    # Changes 1 then 0: the entry at the third sample is 1 off the second.
    assert _log_estimate([0.0, 1.0, 1.0]) == (1.0, 1.0)
    # Changes 0 then 1: no ratio (before is 0), so no tail; the last change is the error.
    assert _log_estimate([1.0, 1.0, 2.0]) == (2.0, 1.0)


def test_the_error_is_twice_the_geometric_tail_of_the_changes() -> None:
    # Changes 1 then 7/8: a tail of 7/8 (7/8) / (1/8) = 49/8 beyond the entry, twice it.
    assert _log_estimate([0.0, 1.0, 1.875]) == (1.875, 12.25)


def test_of_equal_errors_the_first_entry_is_kept() -> None:
    # Column 0's entries at 1, 2, 2 all have the error 1; column 1's are far worse.
    assert _log_estimate([0.0, 1.0, 1.0, 2.0, 2.0]) == (1.0, 1.0)


def test_column_1_amplifies_the_rounding_5_8_times() -> None:
    # 1 - u/2: exact in column 1 up to rounding (changes of an ulp), where the error is
    # the rounding of the entry's samples times 1 + 2/(sqrt 2 - 1). The first entry,
    # from samples 0 to 3, has the smallest: the largest of its samples is its last.
    values = [1.0 - 0.5 * _u(k) for k in range(8)]
    value, error = _log_estimate(values)
    assert value == 1.0
    assert error == pytest.approx(EPS * ULPS * _amplified(1) * values[3], rel=1e-12, abs=0.0)
    assert _amplified(1) == pytest.approx(5.8284271247, rel=1e-10)


def test_column_2_amplifies_the_rounding_17_5_times() -> None:
    # 1 + 0.3 u + 0.3 u**2: exact in column 2 up to rounding; its entry at sample 4
    # rests on samples 2 to 6, the largest the first, 1 + 0.3/2 + 0.3/4.
    values = [1.0 + 0.3 * _u(k) + 0.3 * _u(k) ** 2 for k in range(8)]
    value, error = _log_estimate(values)
    assert value == pytest.approx(1.0, abs=1e-14)
    assert error == pytest.approx(EPS * ULPS * _amplified(2) * 1.225, rel=1e-12, abs=0.0)
    assert _amplified(2) == pytest.approx(17.4852813742, rel=1e-10)


# ---------------------------------------------------------------- _log_scale


def test_the_log_scale_answer_says_how_it_was_found() -> None:
    # log(2 x)/log(3 x) at infinity: (1 + u log 2)/(1 + u log 3), whose limit is 1.
    result = full(lambda x: math.log(2.0 * x) / math.log(3.0 * x), math.inf)
    assert result.converged
    assert abs(result.value - 1.0) <= 2.0 * result.error
    assert result.message == (
        "extrapolated from the left in u = 1/log|x| (f converges like a power of u, "
        "too slowly for the usual samples, which do not settle)"
    )
