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
from collections.abc import Callable

import pytest
from limit_checks import full

from calcweb import DomainError
from calcweb.limits import (
    LOG_RATIO,
    LOG_STEPS,
    LOG_TOP,
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


# -------------------------------------------------------------------- _log_fit


def _ratio(x: float) -> float:
    """log(2|x|)/log(3|x|) with the sign of x: -+(1 + u log 2)/(1 + u log 3), limits -+1."""
    return math.copysign(1.0, x) * math.log(2.0 * abs(x)) / math.log(3.0 * abs(x))


EXPONENTS = [LOG_TOP * 2.0 ** (-j / 2) for j in range(LOG_STEPS)]


@pytest.mark.parametrize(
    ("x0", "side", "point", "exact"),
    [
        (math.inf, "both", lambda e: 2.0**e, 1.0),
        (0.0, "right", lambda e: 2.0**-e, 1.0),
        (0.0, "left", lambda e: -(2.0**-e), -1.0),
    ],
)
def test_the_log_scale_walk_samples_f_at_2_to_the_e_on_its_side(
    x0: float, side: str, point: Callable[[float], float], exact: float
) -> None:
    # |x| = 2**e at infinity, 2**-e at 0, e = 1022 * 2**(-j/2), on the side asked for.
    seen: list[float] = []

    def f(x: float) -> float:
        seen.append(x)
        return _ratio(x)

    result = full(f, x0, side)
    assert result.converged
    assert abs(result.value - exact) <= 2.0 * result.error
    assert {point(e) for e in EXPONENTS} <= set(seen)
    # The changes shrink from the join (e = 31.9) all the way out to e = 1022, and f is
    # checked halfway (in e, 2**-0.25 times) between each two samples out there.
    assert {point(e * 2.0**-0.25) for e in EXPONENTS[:10]} <= set(seen)


def test_f_failing_past_the_join_ends_the_log_scale_walk_there() -> None:
    # f fails below 1e7: at e = 1022 * 2**-5.5 = 22.6, past the join (e >= 24), and
    # closer in; the walk ends there and still answers.
    def f(x: float) -> float:
        if x < 1e7:
            raise DomainError("not below 1e7")
        return _ratio(x)

    result = full(f, math.inf)
    assert result.converged
    assert abs(result.value - 1.0) <= 2.0 * result.error


def _inverse_log_squared(x: float) -> float:
    """1/log(x)**2 at infinity: u**2 / log(2)**2 on the walk, 200 times larger at e = 31.9."""
    return 1.0 / math.log(x) ** 2


@pytest.mark.parametrize(("g", "exact"), [(_ratio, 1.0), (_inverse_log_squared, 0.0)])
@pytest.mark.parametrize(("times", "answered"), [(0.5, True), (1.5, False)])
def test_f_halfway_may_leave_its_two_samples_by_their_rounding_alone(
    g: Callable[[float], float], exact: float, times: float, answered: bool
) -> None:
    # The rounding allowed is 2 ULPS eps times the largest |f| of the walk out to the join
    # (e >= 24; its farthest sample for 1/log(x)**2). f halfway between the samples at
    # e = 180.7 and 127.75 is set above the larger by times that rounding.
    walk = [g(2.0**e) for e in EXPONENTS]
    slack = 2.0 * ULPS * EPS * max(abs(y) for y in walk[:11])
    halfway = 2.0 ** (EXPONENTS[5] * 2.0**-0.25)
    raised = max(walk[5:7]) + times * slack

    def f(x: float) -> float:
        return raised if x == halfway else g(x)

    result = full(f, math.inf)
    assert result.converged is answered
    if answered:
        assert abs(result.value - exact) <= 2.0 * result.error


def test_f_failing_far_out_ends_the_log_scale_walk_there() -> None:
    # f fails beyond 2**600: the walk in from the join ends at e = 511 (past 305, the
    # usual walk's farthest), and no failure lies past the join.
    def f(x: float) -> float:
        if x > 2.0**600:
            raise DomainError("not beyond 2**600")
        return _ratio(x)

    result = full(f, math.inf)
    assert result.converged
    assert abs(result.value - 1.0) <= 2.0 * result.error


@pytest.mark.parametrize(("times", "answered"), [(1.0, True), (2.5, False)])
def test_f_beyond_the_walks_start_is_no_farther_off_than_at_the_start(
    times: float, answered: bool
) -> None:
    # f at e = 1022 is moved to the other side of the value, as far from it as f at the
    # next sample (where the walk in then starts) and times the error farther: within
    # twice the error that is allowed. The value and its error are those of the walk
    # from that next sample on (_log_estimate, pinned above).
    # f halfway between e = 1022 and the next sample, beyond the walk's start, is not
    # checked: 0.5 there changes nothing.
    walk = [_ratio(2.0**e) for e in EXPONENTS]
    value, error = _log_estimate(walk[1:][::-1])
    moved = value + (value - walk[1]) + times * error

    def f(x: float) -> float:
        if x == 2.0 ** (EXPONENTS[0] * 2.0**-0.25):
            return 0.5
        return moved if x == 2.0 ** EXPONENTS[0] else _ratio(x)

    result = full(f, math.inf)
    assert result.converged is answered
    if answered:
        assert (result.value, result.error) == (value, error)
        assert abs(result.value - 1.0) <= 2.0 * result.error


def test_f_beyond_the_walks_start_may_be_exactly_as_far_off_as_allowed() -> None:
    # f on the log-scale walk (farthest first) is 1 + 2**-48 plus changes 2**(2 - 3 i),
    # i = 17 .. 0, all exact: the estimate is the nearest sample, 1 + 2**-48, its error
    # the change before it, 2**-46 (the rest are larger, or amplified). f at e = 1022 is
    # moved exactly 2 errors off it, as far as allowed (0 at the start + 2 errors): so
    # moved, it ends the walk in there, and the answer stands. Elsewhere f is
    # log(2x)/log(3x); its limit, 1, is within the error.
    farthest_first = [1.0 + 2.0**-48]
    for i in range(17, -1, -1):
        farthest_first.insert(0, farthest_first[0] + 2.0 ** (2 - 3 * i))
    walk = [math.nan, *farthest_first[::-1]]
    value, error = _log_estimate(farthest_first)
    assert (value, error) == (walk[1], 2.0**-46)
    off = abs(walk[1] - value) + 2.0 * error
    walk[0] = value + off
    assert abs(walk[0] - value) == off
    table = {2.0**e: y for e, y in zip(EXPONENTS, walk, strict=False)}
    for j in range(1, LOG_STEPS - 1):  # halfway, between its two samples
        table[2.0 ** (EXPONENTS[j] * 2.0**-0.25)] = (walk[j] + walk[j + 1]) / 2.0

    result = full(lambda x: table.get(x, _ratio(x)), math.inf)
    assert result.converged
    assert (result.value, result.error) == (value, error)
    assert abs(result.value - 1.0) <= 2.0 * result.error


def test_f_halfway_must_lie_between_its_own_two_samples() -> None:
    # f halfway between the samples at e = 180.7 and 127.75 is set halfway between the
    # one at 127.75 and the next (90.3): between three samples, not between its two.
    walk = [_ratio(2.0**e) for e in EXPONENTS]
    assert walk[5] > walk[6] > walk[7]
    halfway = 2.0 ** (EXPONENTS[5] * 2.0**-0.25)
    lowered = (walk[6] + walk[7]) / 2.0

    def f(x: float) -> float:
        return lowered if x == halfway else _ratio(x)

    assert not full(f, math.inf).converged
