"""Mutation tests for seven functions of limits (session 13's mutmut run).

The functions are `_smooth`, `_away`, `_back_between`, `_stopped_past`,
`_law_between`, `_capped` and `_at_the_finest`.

Session 13's mutmut run (at cd58c62) left survivors in these functions; each
test below states what the function's docstring promises at an edge the
other tests do not reach: a sample between two others that is one of them,
changes of one size that do not shrink, a sample at the value itself, the
point `_law_between` samples, what it does where ``f`` fails there, how
close it must be to the samples' law (a law of ``2**3`` a halving, where
``2 * p`` and ``2**p`` differ), and the whole of `_capped`'s margin (what
the value's error and its rounding allow, at the boundary and one ulp past
it). The samples are exact binary fractions, so the laws hold exactly.

The tests at tiny scales are dishonest answers found through survivors:
sign tests written as products (``a * b > 0``) underflowed to 0 for
departures of about ``1e-162`` and less, so a cap or a turn at such a
scale was answered from the far field. The mutants that divide instead, or
take ``>= 0``, were right there; the products are now sign tests
(`limits._sign`), and these tests pin them.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable

import pytest
from limit_checks import full

from calcweb import DomainError, NumericalError
from calcweb.limits import (
    _AMPLIFY,
    JUMP,
    LOSS,
    ULPS,
    _at_the_finest,
    _away,
    _back_between,
    _capped,
    _Counted,
    _law_between,
    _OneSided,
    _Run,
    _smooth,
    _stopped_past,
)

EPS = sys.float_info.epsilon
ZERO = _OneSided(0.0, 1e-13, True, "")


def _sinc(t: float) -> float:
    return math.sin(t) / t


# -- _smooth ------------------------------------------------------------------


def test_a_sample_between_that_is_the_larger_outer_one_is_between() -> None:
    # f at 3 h/8 lies between f at h/2 and h/4, ends included: here it is f at h/2,
    # the larger, and the change from h/4 to h/8 (0.2) is less than twice 0.4.
    counted = _Counted(lambda x: 0.9 if x == 3.0 else math.nan)
    assert _smooth(counted, lambda h: h, 0.0, 8.0, [0.9, 0.5, 0.3])
    # Just above it, it is not between.
    counted = _Counted(lambda x: math.nextafter(0.9, 1.0) if x == 3.0 else math.nan)
    assert not _smooth(counted, lambda h: h, 0.0, 8.0, [0.9, 0.5, 0.3])


# -- _away --------------------------------------------------------------------


def test_away_measures_the_distance_from_the_value() -> None:
    # Value 1: 0.5, -0.5, -0.9 leave it by 0.5, 1.5, 1.9 (changes -1, -0.4: one sign,
    # shrinking). -0.5 is as far from -1 as 0.5 is from 1, which is no matter.
    one = _OneSided(1.0, 1e-13, True, "")
    assert _away([0.5, -0.5, -0.9], one)


def test_a_sample_at_the_value_does_not_leave_it() -> None:
    # f at h/4 back exactly on the value: no departure (and no division by 0).
    one = _OneSided(1.0, 1e-13, True, "")
    assert not _away([0.5, 1.0], one)
    assert not _away([0.5, 1.0, 1.2], one)


def test_away_needs_each_sample_farther_off_and_changes_that_do_not_double() -> None:
    # -0.5 then 0.5: as far off on the other side, not farther.
    assert not _away([-0.5, 0.5], ZERO)
    # Changes of 0.5 and 1.0: one sign, but they double, as rounding's c / h does.
    assert not _away([0.0, 0.5, 1.5], ZERO)
    assert _away([0.0, 0.5, 0.75], ZERO)
    assert _away([0.0, 0.5, 1.25], ZERO)  # 0.5, then 0.75: a turn may start so


# -- _back_between ------------------------------------------------------------


def test_a_last_sample_on_the_value_is_back_there() -> None:
    # f at the last sample before the run is the value itself: back there, whatever
    # f is between (no division by its departure, 0).
    assert _back_between(2.0, 2.0, lambda t: 3.0)
    assert _back_between(2.0, 2.0, lambda t: 1.0)


# -- _stopped_past -------------------------------------------------------------


def test_a_run_between_the_last_two_growing_samples_is_not_past_them() -> None:
    # 1 + 2**k (k = 1 .. 11) grows ever faster from 1 and stops on 1537, between its
    # last two samples (1025 and 2049): it falls back from the last, no cap past it,
    # though f stays on the last sample between it and the run.
    before = [1.0, 1.0, *(1.0 + 2.0**k for k in range(1, 12))]
    values = [*before, 1537.0, 1537.0, 1537.0]
    assert not _stopped_past(values, 1.0, lambda i, t: values[i])
    values = [*before, 2049.5, 2049.5, 2049.5]  # just past the last: a cap
    assert _stopped_past(values, 1.0, lambda i, t: values[i])


# -- _law_between ---------------------------------------------------------------

RUN = 20  # samples at 2**-2 .. 2**-21; h = 2**-21, the last
H = 2.0 ** -(RUN + 1)


def _cube_law(x: float) -> float:
    """1 + 2**-66 / x**3: exact at every power of 2 sampled (8 times a halving)."""
    return 1.0 + 2.0**-66 / x**3


def _law(f: Callable[[float], float], value: float = 1.0) -> bool:
    before = [f(2.0 ** -(k + 2)) for k in range(RUN)]
    return _law_between(f, lambda h: h, H, x0=0.0, before=before, value=value)


def test_law_between_samples_f_at_four_thirds_of_the_last_step() -> None:
    calls: list[float] = []

    def f(x: float) -> float:
        calls.append(x)
        return _cube_law(x)

    assert _law(f)
    # The last call is the point between, 4/3 h (the float nearest it), from x0 = 0.
    assert calls[-1] == (4.0 * H) / 3.0
    assert abs(calls[-1] / H - 4.0 / 3.0) <= EPS

    # f on the law up to 1.4 h and from 2 h on (off it at 5/3 h): the law holds.
    def near(x: float) -> float:
        return _cube_law(x) if x <= 1.4 * H or x >= 2.0 * H else 5.0

    assert _law(near)


@pytest.mark.parametrize("error", [DomainError, NumericalError])
def test_f_failing_between_keeps_no_law(error: type[Exception]) -> None:
    def f(x: float) -> float:
        if math.frexp(x)[0] != 0.5:  # not a power of 2: the point between
            raise error("fails between")
        return _cube_law(x)

    assert not _law(f)


def _off_law_by(offset: float) -> Callable[[float], float]:
    """The cube law at the samples, and ``offset`` off it at the point between."""

    def f(x: float) -> float:
        if math.frexp(x)[0] == 0.5:
            return _cube_law(x)
        return _cube_law(x) + offset

    return f


def test_law_between_allows_only_rounding_when_the_samples_keep_the_law_exactly() -> None:
    # The samples keep 8 times a halving exactly (last - prior * 2**3 = 0), so f
    # between may be off the law only by ULPS eps of (|y| + |value| + 3 |last|):
    # about 4 eps (2 + 3/8) = 9.5 eps here, y and the value about 1, last 2**-3.
    last = _cube_law(H) - 1.0
    assert last == 0.125
    allowed = ULPS * EPS * (1.0 + 1.0 + 3.0 * last)
    assert _law(_off_law_by(0.0))
    assert _law(_off_law_by(0.5 * allowed))
    assert _law(_off_law_by(-0.5 * allowed))
    assert not _law(_off_law_by(2.0 * allowed))
    assert not _law(_off_law_by(-2.0 * allowed))
    # Not 2 * 3 = 6 times the prior departure of 2**-6 off the law: a tenth of it.
    assert not _law(_off_law_by(0.1 * 2.0**-6))


def test_law_between_counts_the_value_in_its_rounding() -> None:
    # Value 2**20 (f = 2**20 + the law): its rounding, 4 eps 2**21, dominates the room.
    big = 2.0**20

    def f(x: float) -> float:
        y = _cube_law(x) - 1.0 + big
        return y if math.frexp(x)[0] == 0.5 else y + ULPS * EPS * big  # half the room

    assert _law(f, big)


def test_law_between_is_inclusive_at_its_room() -> None:
    # Departures 1 - 2**-50 at 2 h, then 0 at h: no growth (power 0), so the law puts f
    # between at the last departure, 0, give or take the samples' own miss of it
    # (1 - 2**-50) and rounding, 4 eps |f| = 2**-50 at f = 1: exactly 1 in all.
    # Value 0, so f is its departure.
    before = [2.0, 1.0 - 2.0**-50, 0.0]

    def between(y: float) -> bool:
        def f(x: float) -> float:
            return y if x == (4.0 * H) / 3.0 else math.nan

        return _law_between(f, lambda h: h, H, x0=0.0, before=before, value=0.0)

    assert between(1.0)  # on the boundary
    assert between(-1.0)
    assert not between(math.nextafter(1.0, 2.0))
    assert not between(math.nextafter(-1.0, -2.0))


# -- _capped --------------------------------------------------------------------

# 2**(3k - 60) at the steps k = 0 .. 19: a law 8 times a halving, last 0.125.
CUBE = [2.0 ** (3 * k - 60) for k in range(20)]


def test_capped_margin_at_value_zero_is_the_error_alone_and_inclusive() -> None:
    # At value 0 rounding adds nothing: the cap may be past 8 times the last departure
    # (the law's next step) by JUMP * error times (1 + 8), the boundary included.
    error = 1e-14
    bound = 8.0 * 0.125 + (JUMP * error) * (1.0 + 8.0)
    assert _capped(CUBE, bound, 0.0, error)
    assert not _capped(CUBE, math.nextafter(bound, math.inf), 0.0, error)


@pytest.mark.parametrize("value", [2.0, -2.0, 2.0**30])
def test_capped_margin_counts_the_rounding_of_the_top_column(value: float) -> None:
    # The rounding of an entry of the top (6th) column: ULPS eps |value| times the
    # most it amplifies its samples' noise, _AMPLIFY[6] = 8. The cap may be that
    # times (1 + 8) past the law's next step, to within an ulp of the value.
    before = [value + math.copysign(y, value) for y in CUBE]
    margin = (ULPS * _AMPLIFY[6] * EPS * abs(value)) * (1.0 + 8.0)
    assert _AMPLIFY[6] == 8.0
    edge = value + math.copysign(1.0 + margin, value)
    ulp = math.ulp(edge)
    assert margin > 64 * ulp  # the margin is resolved: 9 * 32 eps |value|, ulps of about 2 eps
    inside = value + math.copysign(1.0 + margin - 2 * ulp, value)
    outside = value + math.copysign(1.0 + margin + 2 * ulp, value)
    assert _capped(before, inside, value, 0.0)
    assert not _capped(before, outside, value, 0.0)
    # 7 % less rounding (_AMPLIFY[5] = 7.76, the column below) would refuse `inside`
    # less than 0.1 % of the margin below it.
    assert (_AMPLIFY[6] - _AMPLIFY[5]) / _AMPLIFY[6] * margin > 4 * ulp


def test_capped_reads_the_top_column_of_the_table() -> None:
    # 1 + 2**-60/h**3 + h**2 + 2**70 h**6 at h = 2**-k: the top (6th) column removes
    # the h**2 and h**6 terms and leaves the law, 8 times a halving; the 1st column
    # keeps h**2 and the 5th keeps h**6, which break it at the last samples.
    before = [1.0 + 2.0 ** (3 * k - 60) + 2.0 ** (-2 * k) + 2.0 ** (70 - 6 * k) for k in range(20)]
    assert _capped(before, 1.0 + 7.0 * (before[-1] - 1.0), 1.0, 1e-16)


# -- _at_the_finest (a finite value) ------------------------------------------


def _finest_calls(usual: list[float]) -> int:
    """The calls `_at_the_finest` makes for the finite value 0 after ``usual``."""
    counted = _Counted(lambda x: 1.0)
    result = _OneSided(0.0, 1e-13, True, "")
    assert _at_the_finest(counted, lambda h: h, 0.0, 1.0, _Run(usual, 48), result) is result
    return counted.calls


def test_the_last_usual_sample_on_the_value_or_settling_onto_it_samples_nothing_closer() -> None:
    # The last usual sample on the value (the one before far off, not halving): no call.
    assert _finest_calls([1.0, -5.0, 5.0, 0.0]) == 0
    # The last three settle onto it (changes -0.2, -0.1, halving), whatever those
    # before them do: no call.
    assert _finest_calls([9.0, -9.0, 9.0, -9.0, 0.4, 0.2, 0.1]) == 0
    # Neither: f is sampled at the floats closer in (1.0 there, no turn: the value stands).
    assert _finest_calls([9.0, -9.0, 9.0, -9.0, 0.4, 0.2, 0.3]) > 0


def test_finer_samples_off_the_value_by_exactly_loss_of_themselves_contradict_it() -> None:
    # f at h/2, h/4, h/8: 0.5, 0.75, 0.8125 after 0 (changes 0.5, 0.25, 0.0625: halving),
    # heading for at most 0.875; the value 39/64 is off 13/16 by exactly LOSS (1/4) of it.
    finer = {0.5: 0.5, 0.25: 0.75, 0.125: 0.8125}
    counted = _Counted(lambda x: finer[x])
    result = _OneSided(39.0 / 64.0, 1e-13, True, "")
    assert abs(0.8125 - result.value) == LOSS * 0.8125
    run = _Run([2.0, -3.0, 0.0], 48)
    refused = _at_the_finest(counted, lambda h: h, 0.0, 1.0, run, result)
    assert refused == _OneSided(
        39.0 / 64.0,
        math.inf,
        False,
        "f settles near 0.609375 at the usual points, but at the floats closer to x0, "
        "down to 0.125, it heads for 0.8125 instead, which contradicts that: f turns at "
        "the finest steps sampled near x0 (sin(x - 1e15)/(x - 1e15) at 1e15 is an "
        "oscillation about 0 down to x - 1e15 = 8, 0.84 at 1 and 0.997 at 0.125: its "
        "limit is 1), and the samples cannot tell its limit; pass full_output=True to "
        "get the estimate anyway",
    )
    assert refused.converged is False
    # A value a little nearer (less than LOSS of f there) stands.
    nearer = _OneSided(0.625, 1e-13, True, "")
    counted = _Counted(lambda x: finer[x])
    assert _at_the_finest(counted, lambda h: h, 0.0, 1.0, run, nearer) is nearer


def test_a_turn_at_the_finest_needs_all_three_finer_samples_to_leave_the_value() -> None:
    # After -1: 0.2, 0.4, 0.8 at h/2, h/4, h/8 (0.22 at 3 h/8): they leave 0 with
    # changes that double (0.2, then 0.4), as rounding's c / h does: no turn, though the
    # last two alone leave it, and f is smooth between.
    finer = {0.5: 0.2, 0.25: 0.4, 0.125: 0.8, 0.375: 0.22}
    result = _OneSided(0.0, 1e-13, True, "")
    run = _Run([2.0, -3.0, -1.0], 48)
    counted = _Counted(lambda x: finer[x])
    assert _at_the_finest(counted, lambda h: h, 0.0, 1.0, run, result) is result
    # 0.2, 0.45, 0.6 (changes 0.25, 0.15: shrinking) turn.
    finer = {0.5: 0.2, 0.25: 0.45, 0.125: 0.6, 0.375: 0.3}
    counted = _Counted(lambda x: finer[x])
    assert _at_the_finest(counted, lambda h: h, 0.0, 1.0, run, result).error == math.inf


def test_a_finite_value_refused_at_the_finest_names_f_at_the_finest_step() -> None:
    # sin(t)/t at t = 0.5, 0.25, 0.125 (the floats closer to 1e15): 0.959, 0.990, 0.997.
    result = full(lambda x: _sinc(x - 1e15), 1e15, "right")
    assert not result.converged
    assert f"it heads for {_sinc(0.125):.6g} instead" in result.message
    assert f"{_sinc(0.125):.6g}" == "0.997398"


# -- _at_the_finest (an infinite value) ---------------------------------------


def test_changes_within_rounding_set_no_law_at_the_finest() -> None:
    # The usual samples end 2**52, + 3, + 6: changes of 3, within ULPS eps of them
    # (about 4): no law, so f beyond the last sample at the finest step is enough.
    big = 2.0**52
    run = _Run([big, big + 3.0, big + 6.0], 48)
    result = _OneSided(math.inf, math.inf, False, "")
    counted = _Counted(lambda x: big + 8.0)
    assert _at_the_finest(counted, lambda h: h, 0.0, 1.0, run, result) is result
    # Changes of 5 set a law (5 each halving, 15 over the 3 halvings): 2 is short.
    run = _Run([big, big + 5.0, big + 10.0], 48)
    counted = _Counted(lambda x: big + 12.0)
    refused = _at_the_finest(counted, lambda h: h, 0.0, 1.0, run, result)
    assert refused is not result
    assert refused.message.startswith("f grows without bound at the usual points, but at")


def test_an_infinite_value_refused_at_the_finest_says_so() -> None:
    result = full(lambda x: 1.0 / (1.0 + (x - 1e15) ** 2), 1e15, "right")
    assert not result.converged
    assert result.message.startswith(
        "f grows without bound at the usual points, but at the floats closer to x0, down to "
    )


# -- dishonest answers at tiny scales (products of departures underflow) --------


def test_a_tiny_cap_is_refused() -> None:
    # 1e-170 (1 + min(1e-20/x**3, 5)), limit 6e-170; with c = 1 it is refused.
    result = full(lambda x: 1e-170 * (1.0 + min(1e-20 / x**3, 5.0)), 0.0, "right")
    assert not result.converged or abs(result.value - 6e-170) <= 2.0 * result.error


def test_a_tiny_cap_of_a_fourth_power_is_refused() -> None:
    result = full(lambda x: 1e-172 * (1.0 + min(1e-20 / x**4, 1e10)), 0.0, "right")
    assert not result.converged or abs(result.value - 1e-172 * (1 + 1e10)) <= 2.0 * result.error


def test_a_tiny_turn_at_the_finest_steps_is_refused() -> None:
    result = full(lambda x: 1e-170 * _sinc(4.0 * (x - 1e15)), 1e15, "right")
    assert not result.converged or abs(result.value - 1e-170) <= 2.0 * result.error


TINY = 2.0**-600  # departures of 2**-600: their products, 2**-1200, underflow to 0


def test_tiny_departures_that_grow_are_away() -> None:
    assert _away([TINY, 2.0 * TINY], ZERO)


def test_tiny_changes_of_one_sign_that_shrink_are_away() -> None:
    # Departures of 2**-500 (their products with the changes, 2**-1040, do not underflow),
    # changes of 2**-540 and 2**-541 (their product, 2**-1081, does).
    base = 2.0**-500
    assert _away([base, base + 2.0**-540, base + 1.5 * 2.0**-540], ZERO)


def test_a_tiny_law_that_stops_past_its_last_sample_is_capped() -> None:
    scaled = [TINY * (1.0 + y) for y in CUBE]
    assert _capped(scaled, TINY * (1.0 + 7.0 * 0.125), TINY, 0.0)


def test_f_between_a_tiny_growth_and_its_cap_on_its_side_is_not_back() -> None:
    # f at 1.5 TINY on the last sample's side of TINY (at 2 TINY): not back at it.
    assert not _back_between(2.0 * TINY, TINY, lambda t: 1.5 * TINY)
