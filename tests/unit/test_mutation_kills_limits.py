"""calcweb.limits' pieces at their thresholds, and its refusals word for word (mutation testing).

Survivors of a mutation run of calcweb/limits.py that the limit tests
(test_limits*.py, tests/adversarial/test_limit*.py) leave. The oracles: the
definitions in the docstrings, checked on samples built by hand from dyadic
values (so that every difference, ratio and threshold is an exact float and
a value exactly at a threshold is on the side the docstring says); ``f``
evaluated directly at the points the docstrings name; the messages, word for
word.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable

import pytest

import calcweb
from calcweb import limit
from calcweb.limits import (
    DEEPER_ABOVE,
    DIVERGE,
    FAINT,
    JUMP,
    LOG_STEPS,
    MOVING,
    ROUNDING_DEPARTURE,
    SMALL_DEPARTURE,
    LimitResult,
    _abrupt,
    _closer_in,
    _combine,
    _constant_run,
    _contradicted_later,
    _Counted,
    _deeper,
    _divergence,
    _ends_smooth,
    _entries,
    _Entry,
    _estimate,
    _exact_trend,
    _first_departure,
    _geometric,
    _growing_scatter,
    _grows_inward,
    _growth_start,
    _lost_before_growth,
    _lower_quartile_slope,
    _noise,
    _OneSided,
    _outgrown,
    _points,
    _polynomial_limit,
    _power_law,
    _power_run,
    _Run,
    _scatter,
    _settled,
    _staircase,
    _steps_power_run,
    _table,
    _tail_gap,
    _Trend,
    _unsettled_outside,
    _until_stuck,
    _zigzags_grow,
)

EPS = sys.float_info.epsilon


def _identity(h: float) -> float:
    return h


# ------------------------------------------------------------- LimitResult


def test_a_result_built_by_hand_names_its_value_when_it_is_no_number() -> None:
    result = LimitResult("a", 0.0, 1, "both", None, None)  # type: ignore[arg-type]
    with pytest.raises(calcweb.ArgumentTypeError) as caught:
        float(result)
    assert str(caught.value).startswith("value must be a real number (int or float), but got")


# ------------------------------------------------------------- _zigzags_grow

# Changes +1, -1.5, +2.25, -3.375, +5.0625: four zigzags, each exactly 1.5
# times as wide as the one before (1, 1.5, 2.25, 3.375), all exact floats.
_WIDENING = [0.0, 1.0, -0.5, 1.75, -1.625, 3.4375]


def test_zigzags_that_widen_by_exactly_half_grow() -> None:
    assert _zigzags_grow(_WIDENING)
    # The same changes as sums of samples are all positive: no zigzag at all.
    assert not _zigzags_grow([0.0, 1.0, 1.5, 2.75, 2.875, 4.6875])


def test_zigzags_that_widen_by_less_than_half_do_not_grow() -> None:
    # The third change 2**-40 smaller: the last zigzag is that much narrower.
    assert not _zigzags_grow([0.0, 1.0, -0.5, 1.75, -1.625 + 2.0**-40, 3.4375])
    assert not _zigzags_grow(_WIDENING[1:])  # three zigzags are too few


def test_a_repeated_sample_or_two_changes_of_one_sign_make_no_zigzag() -> None:
    # A last change of 0 (a product of 0) and a last change of the same sign
    # as the one before (a product below 1) are no zigzags: the last four
    # zigzags are still those that widen by half.
    assert _zigzags_grow([*_WIDENING, _WIDENING[-1]])
    assert _zigzags_grow([*_WIDENING, 3.4375 + 0.125])


# ------------------------------------------------------------- _first_departure


def test_f_on_the_law_at_every_doubling_departs_nowhere_after_seven_samples() -> None:
    # 1/h**2 from h = 1: the law 1/4**k at each of the 7 doublings, exactly.
    f = _Counted(lambda x: 1.0 / x**2)
    assert (_first_departure(f, _identity, 1.0, 1.0, 4.0), f.calls) == (None, 7)


def test_f_leaves_the_law_at_the_first_doubling_where_it_is_off() -> None:
    # Off by 1e-3 from h = 16 on (the 4th doubling): 1e-3 / 4**-4 = 0.256.
    def f(x: float) -> float:
        return 1.0 / x**2 + (1e-3 if x >= 16.0 else 0.0)

    counted = _Counted(f)
    departure = _first_departure(counted, _identity, 1.0, 1.0, 4.0)
    assert counted.calls == 4
    assert departure == pytest.approx(1e-3 * 4.0**4, rel=1e-12, abs=0.0)


def test_f_off_the_law_by_exactly_the_rounding_share_stays_on_it() -> None:
    # 1e13 + 1 against the law 1e13: off by exactly ROUNDING_DEPARTURE of it.
    assert ROUNDING_DEPARTURE * 1e13 == (1e13 + 1.0) - 1e13 == 1.0
    on = _Counted(lambda x: 1e13 + 1.0)
    assert (_first_departure(on, _identity, 1.0, 1e13, 1.0), on.calls) == (None, 7)
    departure = abs((1e13 + 2.0) / 1e13 - 1.0)
    off = _Counted(lambda x: 1e13 + 2.0)
    assert (_first_departure(off, _identity, 1.0, 1e13, 1.0), off.calls) == (departure, 1)


# ------------------------------------------------------------- _untold


def _growth_of(values: list[float]) -> int:
    """The first of the last samples that keep one sign and grow in size (the docstring's)."""
    start = len(values) - 1
    while (
        start > 0
        and (values[start - 1] > 0) == (values[-1] > 0)
        and abs(values[start - 1]) < abs(values[start])
    ):
        start -= 1
    return start


@pytest.mark.parametrize("edge", [0.6, 0.4])
def test_growth_past_widening_noise_where_f_fails_farther_out_is_refused_word_for_word(
    edge: float,
) -> None:
    c = 1e8

    def f(x: float) -> float:
        t = x / c
        return (math.exp(t) - 1 - t) / t**2 + 0 * math.log(edge - x)

    samples = [f(2.0 ** -(k + 2)) for k in range(48)]
    growth = _growth_of(samples)
    outer = 0.5 if edge > 0.5 else 0.25  # s / 4 doubled while f is defined
    result = limit(f, 0.0, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    assert result.value == samples[-1] == f(2.0**-49)
    assert result.error == math.inf
    assert result.converged is False
    # 48 samples, 16 deeper ones at 0, one farther out where f is defined
    # and the call farther out where it is not.
    assert result.nfev == 48 + 16 + (edge > 0.5) + 1
    assert result.message == (
        f"f grows without bound between x0 and {2.0 ** -(growth + 2)!r} (from the right), "
        "after samples that zigzag ever more widely, as rounding noise does, and f cannot "
        f"be evaluated farther out than {outer!r} to see where it settles: the samples cannot "
        "tell an infinite limit from rounding that cancels all the digits of f close "
        "to x0 (exp(t) - 1 - t is exactly -t for |t| < 5e-17). Rewrite f without the "
        "cancellation (math.expm1(t) - t, 2*math.sin(t/2)**2 for 1 - cos(t), "
        "math.log1p(t) for log(1 + t))"
    )


# ------------------------------------------------------------- _grows_inward, _unsettled_outside


@pytest.mark.parametrize(
    ("far", "last", "grows"),
    [
        ([100.0, 1.0, 2.0, 4.0], 1e20, True),  # the nearest three, 1, 2, 4, grow toward x0
        ([-100.0, -1.0, -2.0, -4.0], -1e20, True),
        ([2.0, 4.0], 1e20, False),  # fewer than three
        ([2.0, 2.0, 4.0], 1e20, False),  # 2, 2 does not grow
        ([-1.0, -2.0, 4.0], 1e20, False),  # growing in size, but not all of one sign
        ([1.0, 2.0, -4.0], 1e20, False),  # the nearest of another sign than last
        ([1.0, 2.0, 4.0], -1e20, False),
    ],
)
def test_samples_farther_out_grow_toward_x0_when_the_nearest_three_keep_lasts_sign_and_grow(
    far: list[float], last: float, grows: bool
) -> None:
    assert _grows_inward(far, last) is grows


# The noise of _WIDENING, then growth exactly like 1/h**2 from its last sample.
_NOISY_GROWTH = _Run([*_WIDENING, 13.75, 55.0, 220.0, 880.0, 3520.0], 47)


def test_growth_after_widening_noise_stays_infinite_when_f_farther_out_grows_toward_x0() -> None:
    found = _unsettled_outside(_NOISY_GROWTH, [1.0, 2.0, 4.0], 5, "right", edge=0.5, outer=None)
    assert found == _OneSided(math.inf, 0.0, True, "f grows without bound: the limit is inf")


def test_growth_after_widening_noise_is_refused_if_f_farther_out_does_not_grow() -> None:
    found = _unsettled_outside(_NOISY_GROWTH, [4.0, 2.0, 1.0], 5, "left", edge=0.5, outer=None)
    assert found == _OneSided(
        3520.0,
        math.inf,
        False,
        "f grows without bound only between x0 and 0.5 (from the left), exactly "
        "as c/h**p on its last samples, the signature of rounding, while farther from x0 "
        "it neither settles nor grows toward x0: the samples cannot tell an infinite "
        "limit from rounding that cancels all the digits of f close to x0 (exp(t) - 1 - t "
        "is exactly -t for |t| < 5e-17). Rewrite f without the cancellation "
        "(math.expm1(t) - t, 2*math.sin(t/2)**2 for 1 - cos(t), math.log1p(t) for "
        "log(1 + t))",
    )


# ------------------------------------------------------------- _steps_power_run


@pytest.mark.parametrize(
    ("values", "run"),
    [
        # Steps 1, 2, 4, 8: every sample is L + c * 2**k; all 5 count.
        ([1.0, 2.0, 4.0, 8.0, 16.0], 5),
        # Steps 10, 1, 2, 4: only the last 3 steps double, so 4 samples.
        ([0.0, 10.0, 11.0, 13.0, 17.0], 4),
        # Steps 10, 1, 2, 4, 8: the last 4 steps double, so 5 samples.
        ([0.0, 10.0, 11.0, 13.0, 17.0, 25.0], 5),
        # Steps 0, 1, 2, 4, 8: a step of 0 ends the run (it has no ratio).
        ([0.0, 0.0, 1.0, 3.0, 7.0, 15.0], 5),
        # Steps 1, 3, 2: no 3 steps in a row double.
        ([0.0, 1.0, 4.0, 6.0], 0),
    ],
)
def test_the_samples_that_step_like_l_plus_c_over_h_p(values: list[float], run: int) -> None:
    assert _steps_power_run(values) == run


# ------------------------------------------------------------- _lost_before_growth

# Growth 2, 4, 8, 16 after a run of three 2s (STUCK): the run is "stuck" on 2.
_STUCK_THEN_GROWS = [1.0, 2.0, 2.0, 2.0, 4.0, 8.0, 16.0]


def test_a_stuck_run_far_from_the_value_means_rounding_ruined_f() -> None:
    assert _lost_before_growth(_STUCK_THEN_GROWS, 0.0, 0.0)
    # A run of two equal samples is no stuck run.
    assert not _lost_before_growth([1.0, 1.5, 2.0, 2.0, 4.0, 8.0, 16.0], 0.0, 0.0)


def test_a_stuck_run_exactly_jump_errors_and_four_roundings_away_is_not_off() -> None:
    # |2 - 0| against JUMP * error + 4 eps * 2, each sum exact but the last.
    at_bound = 0.5 - 2.0**-51  # 4 * error + 8 eps == 2 exactly
    assert JUMP * at_bound + 4.0 * EPS * 2.0 == 2.0
    assert not _lost_before_growth(_STUCK_THEN_GROWS, 0.0, at_bound)
    below = 0.5 - 9 * 2.0**-54  # 4 * error + 8 eps == 2 - 2**-52
    assert JUMP * below + 4.0 * EPS * 2.0 < 2.0
    assert _lost_before_growth(_STUCK_THEN_GROWS, 0.0, below)


# ------------------------------------------------------------- _scatter


@pytest.mark.parametrize(
    ("values", "value", "scatters"),
    [
        # Before the growth (-2, -5, -8, -16 from the third sample on), -2, -4,
        # -2 cross -3 twice; they do not cross 3.
        ([-2.0, -4.0, -2.0, -5.0, -8.0, -16.0], -3.0, True),
        ([-2.0, -4.0, -2.0, -5.0, -8.0, -16.0], 3.0, False),
        ([1.0, -1.0, 1.0, 2.0, 4.0, 8.0], 0.0, True),
        # The growth 1, 2, 4, ... starts at the second sample: only 2, 1
        # come before it, one crossing of 1.5 (the third sample is growth).
        ([2.0, 1.0, 2.0, 4.0, 8.0, 16.0], 1.5, False),
    ],
)
def test_samples_before_the_growth_scatter_when_they_cross_the_value_twice(
    values: list[float], value: float, scatters: bool
) -> None:
    assert _scatter(values, value) is scatters


# ------------------------------------------------------------- _abrupt

# The law c/h**p through 2e6, 4e6 is 1e6 one step before; SMALL_DEPARTURE of it is 1.0.


def test_a_sample_off_the_law_by_more_than_small_departure_is_abrupt() -> None:
    assert SMALL_DEPARTURE * 1e6 == 1.0
    assert _abrupt([1e6 + 2.0, 2e6, 4e6], 1)
    assert not _abrupt([1e6 + 1.0, 2e6, 4e6], 1)  # exactly SMALL_DEPARTURE off


def test_a_law_from_the_first_sample_or_with_one_sample_is_not_abrupt() -> None:
    # No sample before the law (start 0), or no second sample to fit it (the last).
    assert not _abrupt([2e6, 4e6, 1e6 + 2.0], 0)
    assert not _abrupt([1e6 + 2.0, 2e6, 4e6], 2)
    assert not _abrupt([1e6 + 2.0, 2e6, 4e6], 3)


# ------------------------------------------------------------- nfev and infinite limits


def _counted(f: Callable[[float], float]) -> tuple[Callable[[float], float], list[int]]:
    calls = [0]

    def counted(x: float) -> float:
        calls[0] += 1
        return f(x)

    return counted, calls


def _cos_rounding(x: float) -> float:
    t = (x - 1.0) / 1e9  # cos t rounds to 1 for |t| < 1e-8: then 1/(2 t**2)
    return (math.cos(t) - 1 + t**2 / 2) / t**4


def _expm1_rounding(x: float) -> float:
    t = x / 1e8  # exp(t) rounds to 1 for |t| < 5e-17: then -1/t
    return (math.exp(t) - 1 - t) / t**2


NEVER_FAILING = [
    # 48 samples a side, 16 deeper ones at 0, 6 checks of the power law, 1
    # past the walk (limits._short_far_out); elsewhere one sample at the
    # finest step (limits._at_the_finest).
    ("1/x^2 at 0", lambda x: 1 / x**2, 0.0, "both", 2 * (48 + 16 + 6 + 1)),
    ("1/(x - 1)^2 at 1", lambda x: 1 / (x - 1) ** 2, 1.0, "both", 2 * (48 + 6 + 1)),
    # The law left at a check: the doublings since the check before show how.
    ("1e-20 + 1/x^2 at 0", lambda x: 1e-20 + 1 / x**2, 0.0, "both", None),
    ("1e-20 + 1/(x - 1)^2 at 1", lambda x: 1e-20 + 1 / (x - 1) ** 2, 1.0, "both", None),
    ("1 + 1e-20/x^2 at 0", lambda x: 1 + 1e-20 / x**2, 0.0, "both", None),
    ("rounding's c/h**p at 1", _cos_rounding, 1.0, "both", None),
    ("rounding's growth at 0-", _expm1_rounding, 0.0, "left", None),
    (
        "(1 - cos t)/t^2, t = x/1e8",
        lambda x: (1 - math.cos(x / 1e8)) / (x / 1e8) ** 2,
        0.0,
        "both",
        None,
    ),
    ("floor(x/1000) at 5000.5", lambda x: math.floor(x / 1000), 5000.5, "both", None),
    ("sign at 0+", lambda x: math.copysign(1.0, x), 0.0, "right", None),
    ("sqrt(x) log(x) at 0+", lambda x: math.sqrt(x) * math.log(x), 0.0, "right", None),
    # At 0 and inf, one at the deepest step closer in: sin(x)/x is 1.0 there,
    # (1 + 1/x)^x 1.0 (1 + 1/x rounds to 1), which calls for the steps
    # between, three 1.0s, and the halvings before them (`_grown_onto`), 4; and
    # two a side between the steps (`_off_the_grid`); at 0 one more a side at
    # 2**-993 (`_beyond_the_floor`).
    ("sin(x)/x at 0", lambda x: math.sin(x) / x, 0.0, "both", 2 * (48 + 1 + 2 + 1)),
    # (1 + 1/x)^x: four between the steps, its rounding off f's trend at 2**40 and 2**24,
    # and one at 2**32, halfway between, where its growth is confirmed, and two at 2**16,
    # halfway out from 2**24 (both points there; session 32).
    ("(1 + 1/x)^x at inf", lambda x: (1 + 1 / x) ** x, math.inf, "both", 48 + 1 + 3 + 4 + 7),
    ("sin(1/x) at 0+", lambda x: math.sin(1 / x), 0.0, "right", None),
]


@pytest.mark.parametrize(
    ("f", "x0", "side", "expected"),
    [case[1:] for case in NEVER_FAILING],
    ids=[case[0] for case in NEVER_FAILING],
)
def test_nfev_is_how_many_times_f_was_called(
    f: Callable[[float], float], x0: float, side: str, expected: int | None
) -> None:
    counted, calls = _counted(f)
    result = limit(counted, x0, side=side, full_output=True)  # type: ignore[arg-type]
    assert isinstance(result, LimitResult)
    assert result.nfev == calls[0]
    if expected is not None:
        assert result.nfev == expected


@pytest.mark.parametrize("f", [lambda x: 1 / x**2, lambda x: 1e-20 + 1 / x**2, lambda x: 1 / x**30])
def test_an_infinite_limit_has_an_error_of_zero(f: Callable[[float], float]) -> None:
    result = limit(f, 0.0, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    assert (result.value, result.error, result.converged) == (math.inf, 0.0, True)
    assert result.message == "f grows without bound: the limit is inf"


def test_a_power_law_that_f_fails_to_reach_farther_out_is_still_infinite() -> None:
    # 1/x**2 is checked at 2**8 / 4 = 64, where log(1 - x) is not defined: the
    # checks end there, and the samples, exactly 1/h**2, make the limit infinite.
    counted, calls = _counted(lambda x: 1 / x**2 + 0 * math.log(1 - x))
    result = limit(counted, 0.0, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    assert (result.value, result.error, result.converged) == (math.inf, 0.0, True)
    assert calls[0] == 48 + 16 + 1 + 1  # the failed check is a call too; 1 past the walk


# ------------------------------------------------------------- _power_everywhere


@pytest.mark.parametrize(
    ("c", "x0", "side", "edge", "nfev"),
    [
        # 48 samples, 1 check (at h = 64), 6 doublings from h = 1/4 to 16, where
        # cos t stops rounding to 1 (t = 1.6e-8), 48 samples farther out.
        (1e9, 1.0, "left", 0.75, 48 + 1 + 6 + 48),
        (1e9, 1.0, "right", 1.25, 48 + 1 + 6 + 48),
        # The first sample, or the first two, are noise (-7.3e13; -4.2e13,
        # 2.6e14): f is exactly 1/(2 t**2) only from the next on.
        (12218211.974115878, 0.0, "left", -0.125, None),
        (7815909.128920878, 0.0, "left", -0.0625, None),
    ],
)
def test_rounding_that_makes_f_c_over_h_p_at_every_sample_is_refused_word_for_word(
    c: float, x0: float, side: str, edge: float, nfev: int | None
) -> None:
    # Where cos t rounds to 1 - t**2/2 exactly, f is 1/(2 t**2); at the first
    # check, h = 64 (2**8 times the first step), it no longer is. Farther out
    # f heads for its limit, 1/24.
    def f(x: float) -> float:
        t = (x - x0) / c
        return (math.cos(t) - 1 + t**2 / 2) / t**4

    x = x0 + (64.0 if side == "right" else -64.0)
    law = 1 / (2 * ((x - x0) / c) ** 2)
    counted, calls = _counted(f)
    result = limit(counted, x0, side=side, full_output=True)  # type: ignore[arg-type]
    assert isinstance(result, LimitResult)
    assert abs(result.value - 1 / 24) < 1e-8
    assert (result.error, result.converged) == (math.inf, False)
    if nfev is not None:  # (at 0 a deeper sample fails: t**4 underflows to 0)
        assert result.nfev == calls[0] == nfev
    assert result.message == (
        f"f is exactly c/h**p at every point sampled between x0 and {edge!r} "
        f"(from the {side}), as if it grew without bound, but not farther out (at "
        f"{x!r} it is {f(x):.6g}, not {law:.6g}): either the limit is infinite or "
        "rounding cancels all the digits of f close to x0 (cos(t) rounds to 1 "
        "for |t| < 1e-8), and the samples cannot tell which. Rewrite f "
        "without the cancellation (2*math.sin(t/2)**2 for 1 - cos(t), math.expm1(t) "
        "for exp(t) - 1); pass full_output=True to get an estimate from farther out"
    )


def test_after_a_noisy_sample_only_the_samples_farther_out_off_the_law_give_the_estimate() -> None:
    # f is 1/h**2 at every usual sample but the first (100 at h = 1/4, not
    # 16): the law from sample 1 on. At the check h = 64 it is 0; farther out
    # it is 4 and 1 at h = 1/2 and 1 (on the law), then 5, 6, 7 at h = 2, 4,
    # 8, and undefined beyond: the estimate is where f is off the law, the
    # nearest of those three (too few to extrapolate), 5.
    table = {1.0 + 2.0 ** -(k + 2): 2.0 ** (2 * (k + 2)) for k in range(1, 48)}
    table |= {1.25: 100.0, 65.0: 0.0, 1.5: 4.0, 2.0: 1.0, 3.0: 5.0, 5.0: 6.0, 9.0: 7.0}

    def f(x: float) -> float:
        if x not in table:
            raise ValueError("outside the domain")
        return table[x]

    counted, calls = _counted(f)
    result = limit(counted, 1.0, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    assert (result.value, result.error, result.converged) == (5.0, math.inf, False)
    # 48 samples, the check, 3 doublings to where f leaves the law, 5 samples
    # farther out and the call beyond them that failed.
    assert result.nfev == calls[0] == 48 + 1 + 3 + 5 + 1
    assert result.message.startswith(
        "f is exactly c/h**p at every point sampled between x0 and 1.125 (from the right), "
        "as if it grew without bound, but not farther out (at 65.0 it is 0, not 0.000244141)"
    )


# ------------------------------------------------------------- _contradicted


_C = 955786.4893958082  # its departures from the settled value are not exactly c/h**p


@pytest.mark.parametrize(
    ("f", "x0", "side", "infinity"),
    [
        # Departures exactly c/h**p that outgrow -1e12 (5.6e17 at the last
        # sample): +inf, and -inf from the other side of 0.
        (lambda x: -1e12 + 1e3 / abs(x), 0.0, "left", math.inf),
        (lambda x: -1e12 + 1e3 / abs(x), 0.0, "right", math.inf),
        (lambda x: 1e12 - 1e3 / abs(x), 0.0, "left", -math.inf),
        # Its steps, not its departures, are exactly c/h**p, and it outgrows
        # -1e10: infinite the way it goes.
        (lambda x: -1e10 + 92.77375867779672 / abs(x - 37), 37.0, "left", math.inf),
        (lambda x: 1e10 - 92.77375867779672 / abs(x - 37), 37.0, "left", -math.inf),
    ],
)
def test_l_plus_c_over_h_p_that_outgrows_l_is_infinite_the_way_it_moves(
    f: Callable[[float], float], x0: float, side: str, infinity: float
) -> None:
    counted, calls = _counted(f)
    result = limit(counted, x0, side=side, full_output=True)  # type: ignore[arg-type]
    assert isinstance(result, LimitResult)
    assert (result.value, result.error, result.converged) == (infinity, 0.0, True)
    assert result.nfev == calls[0]


def _falls_first(x: float) -> float:
    # f falls from 3e19 to 1e19 at its first three samples (h = 8, 4, 2),
    # then is -1e20 + _C/h, rising by steps exactly c/h**p to -8.3e19.
    h = 37.0 - x
    return {8.0: 3e19, 4.0: 2e19, 2.0: 1e19}.get(h, -1e20 + _C / h)


@pytest.mark.parametrize(
    ("f", "x0", "side"),
    [
        # Still far below 0 at the last sample: the law may be a bias of
        # rounding as well as a growth, and away from 0 and infinity nothing
        # is sampled closer in (at 0, -1e20 + 1e3/|x| is infinite: f closer in
        # shows it, test_limits_law_holds.py). Refused. Its steps are exactly
        # c/h**p (-8.3e19 at the last sample).
        (lambda x: -1e20 + _C / abs(x - 37), 37.0, "left"),
        (lambda x: 1e20 - _C / abs(x - 37), 37.0, "left"),
        (_falls_first, 37.0, "left"),
    ],
)
def test_l_plus_c_over_h_p_still_smaller_than_l_is_refused(
    f: Callable[[float], float], x0: float, side: str
) -> None:
    counted, calls = _counted(f)
    result = limit(counted, x0, side=side, full_output=True)  # type: ignore[arg-type]
    assert isinstance(result, LimitResult)
    assert (result.error, result.converged) == (math.inf, False)
    assert abs(result.value) == pytest.approx(1e20, rel=1e-6)
    assert result.message.startswith("f settles near ")
    assert result.nfev == calls[0]


def test_outgrown_means_a_departure_larger_than_the_value() -> None:
    assert not _outgrown(2.0, 1.0)  # a departure of exactly the value
    assert _outgrown(math.nextafter(2.0, 3.0), 1.0)
    assert not _outgrown(-0.5, -1.0)
    assert _outgrown(1.0, -0.5)  # |1.5| > |-0.5|: the sizes, not the signs
    assert not _outgrown(-2.0, -1.0)  # |-1| is not above |-1|
    assert _outgrown(-2.5, -1.0)
    assert _outgrown(1e-300, 0.0)  # any departure from 0


def test_samples_each_exactly_the_one_before_times_2_to_the_0_are_infinite() -> None:
    # 1 + eps log2(1/x) at 0 grows by one ulp a step: every sample is the one
    # before times 2**0 to rounding, and its departures from the value it
    # settles on (error about 1e-15) grow ever faster. It grows without bound.
    # One sample more, at the deepest step closer in, where f keeps that growth
    # (limits._short_of_growth: no cap stopped it between), and one past the
    # walk, where it is farther still (limits._short_far_out).
    counted, calls = _counted(lambda x: 1.0 + EPS * math.log2(1.0 / x))
    result = limit(counted, 0.0, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    assert (result.value, result.error, result.converged) == (math.inf, 0.0, True)
    assert result.nfev == calls[0] == 50


def test_a_settled_value_left_not_exactly_like_c_over_h_p_is_refused_word_for_word() -> None:
    # Two powers: the departures from 1 are not exactly c/h**p, nor is f.
    def f(x: float) -> float:
        return 1 + 1e-20 / x**2 + 1e-25 / x**3

    counted, calls = _counted(f)
    result = limit(counted, 0.0, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    assert abs(result.value - 1.0) < 1e-12
    assert (result.error, result.converged, result.nfev) == (math.inf, False, calls[0])
    assert result.message == (
        f"f settles near 1 from 0.25 on (from the right), but its "
        "last samples (or the extrapolations from them) leave it ever faster, the last "
        f"at {f(2.0**-49):.3g}: either the limit is "
        "infinite or rounding inside f grows as x approaches x0, and the samples cannot "
        "tell which. Rewrite f without cancellation (math.expm1, math.log1p, "
        "2*math.sin(t/2)**2 for 1 - cos(t)) or take the limit of its exact form (sympy); "
        "pass full_output=True to get the estimate anyway"
    )


# ------------------------------------------------------------- _grows and _farther


@pytest.mark.parametrize("c", [1e-3, -1e-3])
def test_f_that_grows_from_its_first_sample_is_infinite_without_looking_farther(
    c: float,
) -> None:
    # 1/x**2 + c/x grows from the first sample on, exactly like 1/h**2 on its
    # last 5 (c/x is below their rounding), not on the 36 before: 48 samples
    # and 16 deeper ones at 0, none farther out; 1 past the walk (_short_far_out).
    counted, calls = _counted(lambda x: 1 / x**2 + c / x)
    result = limit(counted, 0.0, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    assert (result.value, result.error, result.converged) == (math.inf, 0.0, True)
    assert result.nfev == calls[0] == 48 + 16 + 1


def test_f_that_fails_at_its_first_sample_is_refused_naming_the_nearer_point() -> None:
    # log(0.2 - x) fails at the first sample, 0.25: the samples start at
    # 0.125, and f cannot be evaluated farther out than that.
    def f(x: float) -> float:
        return _expm1_rounding(x) + 0 * math.log(0.2 - x)

    result = limit(f, 0.0, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    assert result.converged is False
    assert "f cannot be evaluated farther out than 0.125 to see where it settles" in (
        result.message
    )


def test_growth_only_close_to_x0_is_refused_word_for_word() -> None:
    samples = [_expm1_rounding(-(2.0 ** -(k + 2))) for k in range(48)]
    growth = len(samples) - 1
    while abs(samples[growth - 1]) < abs(samples[growth]) and samples[growth - 1] > 0:
        growth -= 1
    result = limit(_expm1_rounding, 0.0, side="left", full_output=True)
    assert isinstance(result, LimitResult)
    assert abs(result.value - 0.5) < 1e-8
    assert (result.error, result.converged) == (math.inf, False)
    assert result.message == (
        f"f grows without bound only between x0 and {-(2.0 ** -(growth + 2))!r} (from the "
        "left), while farther from x0 it settles near 0.5: the signature of rounding "
        "that cancels all the digits of f close to x0 (exp(t) - 1 - t is exactly -t "
        "for |t| < 5e-17). Rewrite f without the cancellation (math.expm1(t) - t, "
        "2*math.sin(t/2)**2 for 1 - cos(t), math.log1p(t) for log(1 + t)); pass "
        "full_output=True to get the estimate from farther out anyway"
    )


def test_a_step_seen_farther_out_stops_sixteen_samples_off_the_constant() -> None:
    # Heaviside at 0.5 from the left: 1 at every sample; farther out (x <= 0)
    # it is 0, and 16 samples off the constant are enough; one more, halfway
    # between the last 1 (x = 0.25) and the first 0 (x = 0), is 1 too (x = 0.125).
    counted, calls = _counted(lambda x: 1.0 if x > 0 else 0.0)
    result = limit(counted, 0.5, side="left", full_output=True)
    assert isinstance(result, LimitResult)
    assert (result.value, result.converged) == (1.0, True)
    # + 2 between the steps (`_off_the_grid`), + 1 at the float next to 0.5 (`_falls_next_to_x0`)
    assert result.nfev == calls[0] == 48 + 16 + 1 + 2 + 1


def test_a_power_law_left_past_a_hole_in_the_domain_returns_f_where_it_left() -> None:
    # 1/h**2 at x0 = 1 from the right, on the law at the check h = 64, 0 at
    # the next, h = 16384; f is not defined for 100 < h < 200, so the samples
    # farther out (h = 0.5, ..., 64, on the law) stop at h = 128: none is off
    # the law to estimate from, and the estimate is f where it left the law.
    def f(x: float) -> float:
        h = x - 1.0
        if 100.0 < h < 200.0:
            raise ValueError("outside the domain")
        return 0.0 if h >= 16384.0 else 1 / h**2

    result = limit(f, 1.0, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    assert (result.value, result.error, result.converged) == (0.0, math.inf, False)
    # 48 samples, 2 checks, 8 samples farther out, and 2 calls that failed at
    # h = 128 (the first doubling past the check at 64, and farther out).
    assert result.nfev == 48 + 2 + 8 + 2
    assert "(at 16385.0 it is 0, not 3.72529e-09)" in result.message


# ------------------------------------------------------------- _power_law, _geometric, _power_run


def test_a_power_law_is_one_power_of_2_from_sample_to_sample_less_the_offset() -> None:
    assert _power_law([1.0, 2.0, 4.0])  # no offset by default
    assert _power_law([3.0, 4.0, 6.0], 2.0)  # 1, 2, 4 once 2 is taken off
    assert not _power_law([1.0, 1.0, 2.0], 1.0)  # 0, 0, 1: a part of 0 has no ratio


def test_geometric_parts_share_one_power_of_2_to_their_blur() -> None:
    assert _geometric([4.0, 2.0, 1.0], [1.0, 1.0, 1.0])  # ratios 1/2
    assert not _geometric([1.0, 0.0], [1.0, 1.0])  # a ratio of 0 is no power of 2
    # Ratios 2 and 1, each part blurred by b ulps: the power is read off the
    # first ratio (2), and 1 is within 8 eps (b + b) * 2 of it when b = 2**47.
    assert 8.0 * EPS * (2.0**47 + 2.0**47) * 2.0 == 1.0
    assert _geometric([1.0, 2.0, 2.0], [2.0**47] * 3)
    assert not _geometric([1.0, 2.0, 2.0], [0.9 * 2.0**47] * 3)
    # With b = 3 * 2**46 the tolerance is 1.5 for power 2 but 0.75 for power 1.
    assert _geometric([1.0, 2.0, 2.0], [3.0 * 2.0**46] * 3)


def test_each_ratio_is_blurred_by_the_two_parts_it_joins() -> None:
    # Ratios 2.5 and 2: 0.5 off the power 2 at the first, where the parts'
    # blur is 2**46 + 2**46, so the tolerance is exactly 0.5; the third part's
    # blur (0) does not count there.
    assert _geometric([1.0, 2.5, 5.0], [2.0**46, 2.0**46, 0.0])
    assert not _geometric([1.0, 2.5, 5.0], [2.0**46, 0.0, 2.0**46])


@pytest.mark.parametrize(
    ("values", "run"),
    [
        ([1.0, 2.0, 4.0, 8.0], 4),
        ([10.0, 1.0, 2.0, 4.0], 3),
        ([1.0, 3.0, 4.0], 0),
    ],
)
def test_the_last_samples_that_follow_a_power_law(values: list[float], run: int) -> None:
    assert _power_run(values) == run


# ------------------------------------------------------------- _deeper


def _sampled_deeper(f: _Counted, run: _Run) -> tuple[float, float]:
    """`_deeper` on ``f`` closer in than the last step of ``run``, as `_one_sided` calls it."""
    return _deeper(run.values[-1], list(_closer_in(f, _identity, 2.0 ** -(run.last + 2))))


def test_deeper_samples_are_2_to_the_16_apart_below_the_last_usual_step() -> None:
    points: list[float] = []

    def f(x: float) -> float:
        points.append(x)
        return 5.0

    run = _Run([1.0] * 46 + [2.0, 5.0], 47)  # the last step is 2**-49
    counted = _Counted(f)
    value, error = _sampled_deeper(counted, run)
    assert points == [2.0 ** -(49 + 16 * j) for j in range(1, 17)]
    # f equals the last usual sample at every deeper one: they show nothing.
    assert math.isnan(value)
    assert (error, counted.calls) == (math.inf, 16)


def test_two_deeper_samples_before_f_fails_give_an_estimate() -> None:
    # The last usual sample 2, then 1.5 and 1.25, then f fails: the changes
    # 0.5 and 0.25 (ratio 1/2) leave 1.25 with the error 2 * 0.25 * 0.5 / 0.5.
    deep = {2.0**-65: 1.5, 2.0**-81: 1.25}

    def f(x: float) -> float:
        if x not in deep:
            raise ValueError("outside the domain")
        return deep[x]

    run = _Run([1.0] * 47 + [2.0], 47)
    counted = _Counted(f)
    assert _sampled_deeper(counted, run) == (1.25, 0.5)
    assert counted.calls == 3  # the last failed
    # From the last usual sample 3 instead: the changes 1.5 and 0.25 leave
    # 1.25 with the larger, 1.5 (their tail, 2 * 0.25 * (1/6) / (5/6), is 0.1).
    run = _Run([1.0] * 47 + [3.0], 47)
    assert _sampled_deeper(_Counted(f), run) == (1.25, 1.5)


# ------------------------------------------- _growth_start, _polynomial_limit, _staircase


@pytest.mark.parametrize(
    ("values", "start"),
    [
        ([5.0, 1.0], 1),  # only the last sample: the one before is larger
        ([1.0, 2.0, 4.0], 0),
        ([1.0, 2.0, 4.0, 8.0], 0),
        ([1.0, 2.0, -4.0], 2),  # the sign changes before the last
        ([3.0, 1.0, 2.0, 4.0], 1),
    ],
)
def test_the_growth_starts_where_the_samples_keep_one_sign_and_grow(
    values: list[float], start: int
) -> None:
    assert _growth_start(values) == start


def test_samples_within_32_rounding_units_of_a_constant_are_that_polynomial() -> None:
    # ULPS * _AMPLIFY[-1] = 4 * 8 units of eps * max |y|; 2**-48 is 16 of them.
    assert _polynomial_limit([1.0, 1.0 + 2.0**-48]) == 1.0 + 2.0**-48
    assert _polynomial_limit([1.0, 1.0 + 2.0**-46]) is None  # 64 units off


def test_three_whole_numbers_closer_each_step_are_a_staircase() -> None:
    assert _staircase([1.0, 2.0, 3.0], 4.0)
    assert not _staircase([2.0, 3.0], 4.0)


def test_f_off_the_law_at_a_check_by_exactly_the_rounding_share_stays_on_it() -> None:
    # 1e13/h**2 at x0 = 1: at the first check, h = 64, the law is 1e13/4096,
    # and ROUNDING_DEPARTURE of it is exactly 2**-12, which f adds there.
    law = 1e13 / 64.0**2
    assert ROUNDING_DEPARTURE * law == 2.0**-12 == (law + 2.0**-12) - law

    def f(x: float) -> float:
        h = x - 1.0
        return 1e13 / h**2 + (2.0**-12 if h == 64.0 else 0.0)

    result = limit(f, 1.0, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    assert (result.value, result.converged) == (math.inf, True)
    assert result.nfev == 48 + 6 + 1  # on the law at all 6 checks: no doublings; the finest step


def test_a_law_left_by_little_past_a_hole_in_the_domain_is_infinite() -> None:
    # As in the test above with the hole, but at h = 16384 f is 1e-7 off the
    # law, within SMALL_DEPARTURE: no doubling before it could be sampled, so
    # the check itself shows a real c/h**p + L leaving the law by little.
    def f(x: float) -> float:
        h = x - 1.0
        if 100.0 < h < 200.0:
            raise ValueError("outside the domain")
        return 1 / h**2 * (1 + 1e-7 if h >= 16384.0 else 1.0)

    result = limit(f, 1.0, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    assert (result.value, result.error, result.converged) == (math.inf, 0.0, True)
    # and the doubling to h = 128, which failed, and the finest step (limits._at_the_finest)
    assert result.nfev == 48 + 2 + 1 + 1


def _tabulated(values: list[float], x0: float = 1.0) -> Callable[[float], float]:
    """f that is ``values[k]`` at the k-th sample point right of ``x0`` and undefined elsewhere."""
    table = {x0 + 2.0 ** -(k + 2): y for k, y in enumerate(values)}

    def f(x: float) -> float:
        if x not in table:
            raise ValueError("outside the domain")
        return table[x]

    return f


def _widening_then_growth() -> list[float]:
    """38 samples of noise whose zigzags widen up to the growth, then -1, -4, ..., -4**9.

    The noise, about -990, zigzags 1000 wide, then 1, 1, 2, 4, 8, 16 wide (the
    last with the growth's first sample, -1): its last 4 zigzags up to the
    growth each twice the one before, though not without its last two samples;
    the growth adds no zigzag that counts (one 3 wide after -1001, -1, -4).
    """
    changes = [1.0] * 30 + [1000.0, 1000.0, 1.0, 2.0, 4.0, 8.0, 16.0]
    noise = [-1001.0]
    for k in reversed(range(len(changes))):
        sign = -1.0 if (len(changes) - 1 - k) % 2 == 0 else 1.0
        noise.insert(0, noise[0] - sign * changes[k])
    values = noise + [-(4.0**j) for j in range(10)]
    assert len(values) == 48
    assert values[36:39] == [-985.0, -1001.0, -1.0]
    return values


def test_growth_after_zigzags_that_widen_only_up_to_the_growth_is_refused() -> None:
    # f grows exactly like 1/h**2 after noise that widens, and f is defined
    # nowhere farther out.
    values = _widening_then_growth()
    result = limit(_tabulated(values), 1.0, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    assert (result.value, result.error, result.converged) == (-(4.0**9), math.inf, False)
    assert result.message.startswith(
        f"f grows without bound between x0 and {1.0 + 2.0**-40!r} (from the right), after "
        "samples that zigzag ever more widely, as rounding noise does, and f cannot "
        "be evaluated farther out than 1.25 to see where it settles"
    )


def test_six_samples_farther_out_are_enough_to_see_where_f_settles() -> None:
    # The same samples, and f = -990 at h = 1/2, 1, ..., 16 (6 samples
    # farther out), undefined beyond: f settles there, and the noise before the
    # growth is far off the law (abrupt): the growth is rounding's.
    near = _tabulated(_widening_then_growth())
    farther = {1.0 + 2.0**j: -990.0 for j in range(-1, 5)}

    def f(x: float) -> float:
        return farther[x] if x in farther else near(x)

    result = limit(f, 1.0, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    assert (result.value, result.error, result.converged) == (-990.0, math.inf, False)
    assert result.nfev == 48 + 6 + 1  # and the call farther out that failed
    assert result.message.startswith(
        f"f grows without bound only between x0 and {1.0 + 2.0**-40!r} (from the right), "
        "while farther from x0 it settles near -990:"
    )


def test_f_farther_out_stuck_on_a_value_its_trend_is_not_settles_nothing() -> None:
    # The same samples; farther out f is -990 + h at h = 4, ..., 2**14, then
    # stuck at -986 (its value at h = 4) for h = 2, 1, 1/2, and undefined
    # beyond 2**14: it heads for -990 but ends on -986, 4 away, a constant run
    # from a large step that rounding hardly makes (_tail_gap): no settling.
    near = _tabulated(_widening_then_growth())
    farther = {
        1.0 + 2.0 ** (i - 1): -986.0 if i < 3 else -990.0 + 2.0 ** (i - 1) for i in range(16)
    }

    def f(x: float) -> float:
        return farther[x] if x in farther else near(x)

    result = limit(f, 1.0, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    assert (result.value, result.error, result.converged) == (-(4.0**9), math.inf, False)
    assert result.nfev == 48 + 16 + 1  # and the call farther out that failed
    assert result.message.startswith(
        f"f grows without bound only between x0 and {1.0 + 2.0**-40!r} (from the right), "
        "exactly as c/h**p on its last samples, the signature of rounding, while farther "
        "from x0 it neither settles nor grows toward x0:"
    )


def test_power_law_checks_beyond_the_float_range_end_with_an_infinite_limit() -> None:
    # x0 = 1.5 * 2**1023: the first step is 2**1021 and the first check,
    # x0 + 2**1029, overflows; 2**1000/(x - x0) is exactly c/h at every sample
    # (and at the finest step, limits._at_the_finest: one more call).
    x0 = 1.5 * 2.0**1023
    result = limit(lambda x: 2.0**1000 / (x - x0), x0, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    assert (result.value, result.error, result.converged, result.nfev) == (
        math.inf,
        0.0,
        True,
        49,
    )


def test_samples_exactly_a_polynomial_of_degree_six_give_its_value_at_zero() -> None:
    # h**6 at h = 1, 1/2, ..., 2**-7: only the 6th column of the table is constant.
    assert _polynomial_limit([(2.0**-k) ** 6 for k in range(8)]) == 0.0
    assert _polynomial_limit([1.0 + (2.0**-k) ** 6 for k in range(8)]) == 1.0
    # Degree 7 is beyond ORDERS: not a polynomial the table removes.
    assert _polynomial_limit([(2.0**-k) ** 7 for k in range(9)]) is None


def test_samples_at_exactly_32_rounding_units_are_still_constant() -> None:
    # 32 units of eps * max |y| (= 1.0): 2**-47, exactly the tolerance.
    assert _polynomial_limit([1.0, 1.0 - 2.0**-47]) == 1.0 - 2.0**-47
    assert _polynomial_limit([1.0, 1.0 + 2.0**-47]) == 1.0 + 2.0**-47
    # The last sample is the value: P(0) of a constant is any of them, to rounding.
    assert _polynomial_limit([1.0, 1.0, 1.0 + 2.0**-48]) == 1.0 + 2.0**-48


@pytest.mark.parametrize("sign", [1.0, -1.0])
def test_an_exact_trend_is_bounded_by_its_limit_and_its_last_sample(sign: float) -> None:
    # h at h = 4, 2, 1, 1/2: P(0) = 0, and the samples after stay between 0
    # and 1/2, give or take 4 rounding units of 1/2.
    slack = 4.0 * EPS * 0.5
    band = (-slack, 0.5 + slack) if sign > 0 else (-0.5 - slack, slack)
    before = [sign * 4.0, sign * 2.0, sign * 1.0, sign * 0.5]
    assert _exact_trend(before) == _Trend(0.0, 0.0, band)


# ------------------------------------------------------------- _constant_run


@pytest.mark.parametrize(
    ("x0", "side", "scale"),
    [(0.0, "right", 1.0), (3.0, "left", 2.0), (-5.0, "right", 4.0)],
)
def test_f_constant_at_every_point_sampled_is_its_limit_word_for_word(
    x0: float, side: str, scale: float
) -> None:
    # 48 samples from s/4 in, then 48 farther out, the farthest at s * 2**46
    # from x0 (s the power of 2 at or below max(1, |x0|)); at 0, one more at
    # the deepest step closer in (`_at_the_floor`), where f is 7.0 too, and one at
    # 2**-993 (`_beyond_the_floor`).
    farthest = x0 + (scale if side == "right" else -scale) * 2.0**46
    counted, calls = _counted(lambda x: 7.0)
    result = limit(counted, x0, side=side, full_output=True)  # type: ignore[arg-type]
    assert isinstance(result, LimitResult)
    assert (result.value, result.error, result.converged) == (7.0, EPS * 7.0, True)
    assert (
        result.nfev == calls[0] == 96 + 2 * (x0 == 0.0) + 2
    )  # + 2 between the steps (`_off_the_grid`)
    assert result.message == f"f is 7.0 at every point sampled on the {side}, out to {farthest!r}"


def test_the_constant_is_the_last_sample_down_to_the_sign_of_zero() -> None:
    # -0.0 == 0.0, so the samples are one constant; the last of them, 0.0, is it.
    result = limit(lambda x: 0.0 if x == 2.0**-49 else -0.0, 0.0, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    assert math.copysign(1.0, result.value) == 1.0
    assert result.message.startswith("f is 0.0 at every point sampled on the right")


def test_floor_stopping_on_its_way_is_the_limit_word_for_word() -> None:
    # floor(x) is 1 for 1 <= x < 2: at every point sampled from 1.0 to x0 = 2.
    result = limit(math.floor, 2.0, side="left", full_output=True)
    assert isinstance(result, LimitResult)
    assert (result.value, result.error, result.converged) == (1.0, EPS, True)
    assert result.message == "f is 1.0 at every point sampled on the left between 1.0 and x0"


@pytest.mark.parametrize(("side", "edge"), [("left", -1.0), ("right", 1.0)])
def test_f_zero_by_rounding_close_to_x0_is_refused_word_for_word(side: str, edge: float) -> None:
    # 1 - cos t, t = x/1e8, rounds to 0 for |x| <= 1 and not at |x| = 2.
    def f(x: float) -> float:
        t = x / 1e8
        return (1 - math.cos(t)) / t**2

    assert f(edge) == 0.0 != f(2.0 * edge)
    result = limit(f, 0.0, side=side, full_output=True)  # type: ignore[arg-type]
    assert isinstance(result, LimitResult)
    assert abs(result.value - 0.5) < 1e-6
    assert (result.error, result.converged) == (result.value, False)  # its distance from 0
    assert result.message == (
        f"f is exactly 0.0 at every point sampled between x0 and {edge!r} "
        f"(from the {side}), while farther out it approaches 0.5: the "
        "signature of rounding that cancels all the digits of f close to x0 (1 - cos(t) "
        "is exactly 0 for |t| < 1e-8, exp(t) - 1 for |t| < 5e-17), unless f is that "
        "constant near x0 (then its limit is 0.0). Rewrite f without "
        "the cancellation (2*math.sin(t/2)**2 for 1 - cos(t), math.expm1(t) for "
        "exp(t) - 1, math.log1p(t) for log(1 + t)); pass full_output=True to get the "
        "estimate from farther out anyway"
    )


def test_a_constant_at_either_edge_of_the_exact_trends_band_is_on_its_way() -> None:
    # Samples h at h = 4, ..., 1/2 head for 0: the band is [0, 1/2] widened by
    # 4 rounding units of 1/2 (2**-51) on each side.
    before = [4.0, 2.0, 1.0, 0.5]
    for constant in (0.5 + 2.0**-51, -(2.0**-51)):
        found = _constant_run([*before, constant, constant, constant], 0, _identity, 1.0, "right")
        assert found is not None
        assert (found.value, found.converged) == (constant, True)
    beyond = 0.5 + 2.0**-51 + 2.0**-53
    found = _constant_run([*before, beyond, beyond, beyond], 0, _identity, 1.0, "right")
    assert found is not None
    assert (found.value, found.converged) == (0.0, False)


# h at 4, 2, 1, then stuck on 1 for three samples (STUCK), then 0.5 (in the band [0, 1]).
_STOPPED_FIRST = [4.0, 2.0, 1.0, 1.0, 1.0, 0.5, 0.5]


def test_f_that_stopped_on_another_value_up_to_the_trusted_tail_is_on_its_way() -> None:
    # The run of 0.5 starts at step 17 + 5 = 22 = TRUSTED_TAIL: not past it.
    found = _constant_run(_STOPPED_FIRST, 17, _identity, 1.0, "right")
    assert found is not None
    assert (found.value, found.converged) == (0.5, True)


def test_f_that_stopped_on_another_value_past_the_trusted_tail_is_extrapolated() -> None:
    # From step 25 on, rounding may have moved f onto 0.5: no verdict (None).
    assert _constant_run(_STOPPED_FIRST, 20, _identity, 1.0, "right") is None


def test_six_samples_that_head_clearly_elsewhere_up_to_the_trusted_tail_are_refused() -> None:
    # 1 + sqrt(h), not a polynomial: its 6 samples, from step 16, head for 1
    # (estimated), while f is 5 from step 16 + 6 = 22 = TRUSTED_TAIL on.
    before = [1 + math.sqrt(2.0 ** -(k + 2)) for k in range(16, 22)]
    found = _constant_run([*before, 5.0, 5.0, 5.0], 16, _identity, 1.0, "right")
    assert found is not None
    assert found.converged is False
    assert abs(found.value - 1.0) < 1e-3
    assert found.message.startswith("f is exactly 5.0 at every point sampled between x0 and")
    # One step later the run is past TRUSTED_TAIL, where rounding is expected.
    assert _constant_run([*before, 5.0, 5.0, 5.0], 17, _identity, 1.0, "right") is None


# Six samples that are no polynomial (3, 2.25, 2 is not linear in h), stuck
# on 2 for three of them, then 2.125: _estimate gives 2, as far from the
# limit as the samples before and after the stuck run, 0.25.
_STUCK_BEFORE = [3.0, 2.25, 2.0, 2.0, 2.0, 2.125]


def test_a_constant_exactly_jump_errors_and_four_roundings_from_the_trend_is_extrapolated() -> None:
    assert _estimate(_STUCK_BEFORE, 0) == (2.0, 0.25)
    # The gap from 2 to the constant 1 - 2**-49 is 1 + 2**-49: JUMP * 0.25
    # plus 4 eps times the larger size, 2, exactly: f may still head there.
    constant = 1.0 - 2.0**-49
    assert 2.0 - constant == JUMP * 0.25 + 4.0 * EPS * 2.0
    assert _constant_run([*_STUCK_BEFORE, *[constant] * 4], 0, _identity, 1.0, "right") is None


def test_a_constant_one_ulp_farther_from_the_trend_is_refused() -> None:
    constant = 1.0 - 9.0 * 2.0**-52  # the gap is 1 + 9 * 2**-52, one ulp more
    found = _constant_run([*_STUCK_BEFORE, *[constant] * 4], 0, _identity, 1.0, "right")
    assert found is not None
    assert (found.value, found.error, found.converged) == (2.0, 2.0 - constant, False)
    assert found.message.startswith(
        f"f is exactly {constant!r} at every point sampled between x0 and {2.0**-8!r} "
        "(from the right), while farther out it approaches 2:"
    )


def test_fewer_than_six_samples_before_a_constant_that_are_no_polynomial_are_extrapolated() -> None:
    # 3, 2.25, 2, 2.125 head nowhere exactly, and are too few to estimate
    # where they head: no verdict, however far the constant is.
    before = [3.0, 2.25, 2.0, 2.125]
    assert _exact_trend(before) is None
    assert _constant_run([*before, -5.0, -5.0, -5.0], 0, _identity, 1.0, "right") is None


# ------------------------------------------------------------- _samples


def test_x0_at_the_largest_float_from_the_right_has_no_sample_point_word_for_word() -> None:
    # x0 + h overflows for every step h >= 2**970: all 48 sample points are inf.
    with pytest.raises(calcweb.NumericalError) as caught:
        limit(lambda x: 1.0, sys.float_info.max, side="right")
    assert str(caught.value) == (
        "f cannot be evaluated close enough to x0: the sample point inf is not a finite number"
    )


def test_a_constant_that_fails_close_to_x0_is_named_out_to_the_farthest_point() -> None:
    # 7 for x > 1e-6 (the 18 samples from 1/4 to 2**-19), undefined closer:
    # the run ends at step 17, so it starts at step 0, s/4, and the 48
    # samples farther out end at 2**46, as when f is 7 everywhere.
    def f(x: float) -> float:
        if x <= 1e-6:
            raise ValueError("outside the domain")
        return 7.0

    counted, calls = _counted(f)
    result = limit(counted, 0.0, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    assert (result.value, result.converged, result.nfev) == (7.0, True, calls[0])
    assert result.message == "f is 7.0 at every point sampled on the right, out to 70368744177664.0"


def test_six_samples_next_to_x0_after_f_fails_are_enough() -> None:
    # 1 + x only for x <= 2**-44: the last 6 samples, after 42 that fail.
    def f(x: float) -> float:
        if x > 2.0**-44:
            raise ValueError("outside the domain")
        return 1.0 + x

    result = limit(f, 0.0, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    assert (result.value, result.converged) == (1.0, True)
    assert result.message == "extrapolated from the right"


def test_growth_that_overflows_next_to_x0_is_infinite_without_more_calls() -> None:
    # 1/x**30 overflows from the 34th sample on: 33 samples that diverge,
    # then the overflow: infinite at once, after the 48 usual calls.
    counted, calls = _counted(lambda x: 1 / x**30)
    result = limit(counted, 0.0, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    assert (result.value, result.error, result.converged) == (math.inf, 0.0, True)
    assert result.nfev == calls[0] == 48


# ------------------------------------------------------------- _one_sided


def _table_f(values: dict[float, float]) -> Callable[[float], float]:
    """f that is ``values[x]`` where given and undefined elsewhere."""

    def f(x: float) -> float:
        if x not in values:
            raise ValueError("outside the domain")
        return values[x]

    return f


def test_a_run_of_three_equal_samples_from_the_fourth_looks_farther_out() -> None:
    # f only at the last 6 sample points (h = 2**-44 ... 2**-49): 4, 2.5, 2,
    # then 1 three times (STUCK) from the 4th (before PRE_MIN): f is called
    # farther out too, at 2**-43, where it fails (and at the LOG_STEPS points of
    # the log-scale walk, as the limit is refused: f fails there too).
    f = _table_f(
        {
            2.0 ** -(k + 2): y
            for k, y in zip(range(42, 48), [4.0, 2.5, 2.0, 1.0, 1.0, 1.0], strict=True)
        }
    )
    counted, calls = _counted(f)
    result = limit(counted, 0.0, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    assert result.nfev == calls[0] == 48 + 1 + LOG_STEPS


def test_samples_farther_out_are_compared_with_the_value_f_ends_on() -> None:
    # 5 and 6 at h = 1/4 and 1/8, 7 everywhere else: the 48 samples farther
    # out equal 7, the value the samples end on, so none is off: all are taken
    # (and the limit is refused: the log-scale walk's samples are all 7 too).
    def f(x: float) -> float:
        return {0.25: 5.0, 0.125: 6.0}.get(x, 7.0)

    counted, calls = _counted(f)
    result = limit(counted, 0.0, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    # + 2 about the 6 before the run, which is no staircase's stair (`_stair_step`)
    assert result.nfev == calls[0] == 48 + 48 + LOG_STEPS + 2


def test_a_staircase_that_reaches_its_value_for_exactly_three_samples_is_the_limit() -> None:
    # 5 + (45 - k)**2 at the k-th sample: whole numbers closer to 5 each step
    # (no polynomial in h), then 5 at the last three: a staircase, not a short run.
    f = _table_f({2.0 ** -(k + 2): 5.0 + max(45 - k, 0) ** 2 for k in range(48)})
    result = limit(f, 0.0, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    assert (result.value, result.converged) == (5.0, True)
    assert result.message.startswith("f is 5.0 at every point sampled on the right between")


def test_samples_stuck_for_a_while_are_not_sampled_deeper() -> None:
    # 1 + sqrt(h), stuck on one value at samples 20 to 22: f got stuck, so
    # the poor estimate is not refined by samples closer to 0 (the refusal
    # tries the log-scale walk, where f fails).
    values = [1.0 + math.sqrt(2.0 ** -(k + 2)) for k in range(48)]
    values[21] = values[22] = values[20]
    counted, calls = _counted(_table_f({2.0 ** -(k + 2): y for k, y in enumerate(values)}))
    result = limit(counted, 0.0, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    assert result.nfev == calls[0] == 48 + LOG_STEPS


@pytest.mark.parametrize(
    ("f", "x0", "deeper"),
    [
        # Its error, 1.5e-10, is above DEEPER_ABOVE (1e-10) times max(1, 1); and one
        # halving short of the deepest step, where f must not leave the value (`_walk_aliased`).
        (lambda x: 1.0 + 4e-3 * math.sqrt(x), 0.0, 16 + 1),
        # 9.9e-11 is below 1e-10 times max(1, 4); with its sqrt(h) term
        # removed (`_root_refined`) it is 4 - 2e-15 +- 1.7e-13, below the noise
        # of the last samples: checked closer in until f gets stuck on 4.0 (5).
        (lambda x: 4.0 + 2.6e-3 * math.sqrt(x), 0.0, 5),
        # At -inf too: sqrt(-1/x) log(-1/x) is still 1e-6 from 0 at x = -2**49.
        (lambda x: math.sqrt(-1 / x) * math.log(-1 / x), -math.inf, 16 + 1),
    ],
)
def test_a_poor_estimate_at_0_or_infinity_is_refined_by_16_deeper_samples(
    f: Callable[[float], float], x0: float, deeper: int
) -> None:
    counted, calls = _counted(f)
    result = limit(counted, x0, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    assert result.converged
    # Refined by those 16 samples, or else checked closer in;
    # and two between the steps (`_off_the_grid`).
    assert result.nfev == calls[0] == 48 + deeper + 2


def test_deeper_samples_refine_an_estimate_they_agree_with() -> None:
    # 1 + sqrt(x) log(x): 7e-7 off at the last usual sample; the deeper
    # samples agree with the estimate within both errors and refine it.
    result = limit(lambda x: 1.0 + math.sqrt(x) * math.log(x), 0.0, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    assert result.converged
    assert abs(result.value - 1.0) <= result.error < 1e-12


# _one_sided's thresholds, each at its edge: _estimate (and _deeper) stand in
# with the error exactly at the threshold, so that the decision alone is tested.


def _estimated(monkeypatch: pytest.MonkeyPatch, value: float, error: float) -> None:
    monkeypatch.setattr(calcweb.limits, "_estimate", lambda samples, first: (value, error))


@pytest.mark.parametrize(
    ("error", "deeper"),
    [(DEEPER_ABOVE, False), (math.nextafter(DEEPER_ABOVE, math.inf), True)],
)
def test_an_error_exactly_deeper_above_is_not_refined_by_deeper_samples(
    monkeypatch: pytest.MonkeyPatch, error: float, deeper: bool
) -> None:
    # 1 + x at 0: 48 distinct samples, none stuck; the estimate 1 with an
    # error of exactly DEEPER_ABOVE * max(1, 1) is not rough, one ulp more is.
    _estimated(monkeypatch, 1.0, error)
    counted, calls = _counted(lambda x: 1.0 + x)
    result = limit(counted, 0.0, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    assert result.converged
    # else checked at the deepest, and at 2**-993 (`_beyond_the_floor`); + 2 between
    # the steps (`_off_the_grid`)
    assert result.nfev == calls[0] == 48 + (16 if deeper else 1 + 1) + 2


@pytest.mark.parametrize(
    ("deep", "refined"),
    [
        # As sure as the estimate (an error of 2**-30 too): not a refinement.
        ((1.0 + 2.0**-31, 2.0**-30), False),
        # Surer, and exactly 2**-30 + 2**-31 (the sum of the errors) away: agrees.
        ((1.0 + 3.0 * 2.0**-31, 2.0**-31), True),
        # One ulp farther: contradicts the estimate, which stands, its error reaching
        # as far as f closer in goes (`_left_behind`: `_settles_apart`).
        ((1.0 + 3.0 * 2.0**-31 + EPS, 2.0**-31), False),
    ],
)
def test_deeper_samples_refine_only_when_surer_and_within_both_errors(
    monkeypatch: pytest.MonkeyPatch, deep: tuple[float, float], refined: bool
) -> None:
    _estimated(monkeypatch, 1.0, 2.0**-30)
    monkeypatch.setattr(calcweb.limits, "_deeper", lambda last, samples: deep)
    result = limit(lambda x: 1.0 + x, 0.0, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    assert result.converged
    apart = deep[0] - 1.0 > 2.0**-30 + deep[1]
    expected = (1.0, deep[0] - 1.0 + deep[1]) if apart else (1.0, 2.0**-30)
    assert (result.value, result.error) == (deep if refined else expected)


@pytest.mark.parametrize(
    ("value", "error", "infinite"),
    [
        (1.0, DIVERGE, False),  # exactly DIVERGE * max(1, 1): a good estimate, not infinite
        (1.0, 1.5 * DIVERGE, True),  # above it (and below DIVERGE * 2)
        (4.0, DIVERGE, False),  # below DIVERGE * max(1, 4) (above DIVERGE / 4)
    ],
)
def test_growing_samples_are_infinite_only_past_an_estimate_better_than_diverge(
    monkeypatch: pytest.MonkeyPatch, value: float, error: float, infinite: bool
) -> None:
    # 1/(x - 1)**2 at 1 grows at every sample (exactly 1/h**2); an unsettled
    # estimate with an error up to DIVERGE times max(1, |value|) is refused
    # as not settling, a worse one makes the limit infinite.
    _estimated(monkeypatch, value, error)
    result = limit(lambda x: 1 / (x - 1.0) ** 2, 1.0, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    if infinite:
        assert (result.value, result.converged) == (math.inf, True)
    else:
        assert (result.value, result.error, result.converged) == (value, error, False)
        assert result.nfev == 48
        assert result.message.startswith("f does not settle as x approaches x0 from the right")


def test_sixteen_samples_before_f_fails_are_extrapolated_with_a_note_word_for_word() -> None:
    # 1 + x only for x >= 2**-17: the first 16 samples (LONG_RUN), then f fails.
    def f(x: float) -> float:
        if x < 2.0**-17:
            raise ValueError("outside the domain")
        return 1.0 + x

    result = limit(f, 0.0, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    assert (result.value, result.converged) == (1.0, True)
    last = 2.0**-49  # the last point tried, where f failed
    assert result.message == (
        f"extrapolated from the right; f fails closer to x0 (f({last!r}) raised ValueError: "
        f"outside the domain. The point {last!r} is outside the domain of f; a limit needs "
        "f defined all the way to x0 on the side it is taken from)"
    )


def test_f_that_does_not_settle_is_refused_word_for_word() -> None:
    result = limit(lambda x: math.sin(1 / x), 0.0, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    assert result.converged is False
    # The walk's error (0.47), then its widening to the samples closest to x0 (LIMSLOW).
    assert result.message == (
        "f does not settle as x approaches x0 from the right: the best estimate "
        f"{result.value:.6g} has an estimated error of 0.47. The limit may "
        "not exist (f oscillates, as sin(1/x) does at 0), f may lose its accuracy near "
        "x0, or f may approach its limit too slowly for any float to show it (log(log x)/log "
        "x is still 0.0093 at x = 2**1022, though its limit at infinity is 0); f at the 8 "
        "points sampled closest to x0 (the closest 2.2250738585072014e-308) does not move "
        f"one way, and the estimate's error is widened to {result.error:.2g}, to reach the "
        "farthest of them; pass full_output=True to get the estimate anyway"
    )


@pytest.mark.parametrize(("x0", "s"), [(1.5, 1.0), (2.0, 2.0), (2.5, 2.0)])
def test_the_steps_scale_with_the_power_of_2_at_or_below_x0_from_2_on(x0: float, s: float) -> None:
    # s = 1 below 2, else the power of 2 at or below |x0|: the farthest of the
    # 48 samples farther out is at x0 + s * 2**46.
    result = limit(lambda x: 7.0, x0, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    farthest = x0 + s * 2.0**46
    assert result.message == f"f is 7.0 at every point sampled on the right, out to {farthest!r}"


def test_full_output_must_be_a_bool_word_for_word() -> None:
    with pytest.raises(calcweb.ArgumentTypeError) as caught:
        limit(lambda x: x, 0.0, full_output="yes")  # type: ignore[arg-type]
    assert str(caught.value) == "full_output must be True or False, but got 'yes'"


# ------------------------------------------------------------- _points, _combine


def test_the_points_toward_infinity_are_1_over_the_step() -> None:
    assert _points(math.inf, "left")(0.25) == 4.0
    assert _points(-math.inf, "right")(0.25) == -4.0
    assert (_points(3.0, "left")(0.25), _points(3.0, "right")(0.25)) == (2.75, 3.25)


_LEFT = _OneSided(1.0, 0.25, True, "extrapolated from the left")
_RIGHT = _OneSided(1.0, 0.125, True, "extrapolated from the right")


def test_one_side_is_the_limit_with_the_calls_of_f_and_no_value_for_the_other() -> None:
    refused = _OneSided(2.0, math.inf, False, "f does not settle")
    assert _combine(0.0, "left", {"left": refused}, 70) == LimitResult(
        2.0, math.inf, 70, "left", 2.0, None, False, "f does not settle"
    )
    assert _combine(0.0, "right", {"right": _RIGHT}, 60) == LimitResult(
        1.0, 0.125, 60, "right", None, 1.0, True, "extrapolated from the right"
    )


def test_a_side_that_does_not_settle_is_the_result_of_both() -> None:
    refused = _OneSided(3.0, 0.5, False, "f does not settle as x approaches x0 from the right")
    assert _combine(0.0, "both", {"left": _LEFT, "right": refused}, 120) == LimitResult(
        3.0, 0.5, 120, "both", 1.0, 3.0, False, refused.message
    )


def test_two_sides_that_agree_give_the_larger_error() -> None:
    assert _combine(0.0, "both", {"left": _LEFT, "right": _RIGHT}, 110) == LimitResult(
        1.0, 0.25, 110, "both", 1.0, 1.0, True, "extrapolated from both sides, which agree"
    )


def test_two_sides_exactly_jump_errors_and_four_roundings_apart_agree() -> None:
    # 2 and 1 - 2**-49 with errors 1/16 and 3/16: 1 + 2**-49 apart, exactly
    # JUMP * (1/16 + 3/16) + 4 eps * 2. Their mean, give or take half the gap.
    left = _OneSided(2.0, 0.0625, True, "extrapolated from the left")
    right = _OneSided(1.0 - 2.0**-49, 0.1875, True, "extrapolated from the right")
    assert 2.0 - right.value == JUMP * (0.0625 + 0.1875) + 4.0 * EPS * 2.0
    assert _combine(0.0, "both", {"left": left, "right": right}, 110) == LimitResult(
        1.5 - 2.0**-50,
        0.5 + 2.0**-50,
        110,
        "both",
        2.0,
        1.0 - 2.0**-49,
        True,
        "extrapolated from both sides, which agree",
    )


def test_two_sides_one_ulp_farther_apart_differ_word_for_word() -> None:
    left = _OneSided(2.0, 0.0625, True, "extrapolated from the left")
    right = _OneSided(1.0 - 9.0 * 2.0**-52, 0.1875, True, "extrapolated from the right")
    with pytest.raises(calcweb.DomainError) as caught:
        _combine(5.0, "both", {"left": left, "right": right}, 110)
    assert str(caught.value) == (
        f"the one-sided limits at x0=5.0 differ: {right.value!r} from the right "
        "and 2.0 from the left, so the limit does not exist (they are 1 apart, their "
        "estimated errors only 0.19 and 0.062); pass side='left' or side='right' for a "
        "one-sided limit"
    )


@pytest.mark.parametrize("c", [1.7e308, -1.7e308, 5e-324])
def test_a_constant_near_the_float_range_is_its_own_limit_from_both_sides(c: float) -> None:
    # The mean of the one-sided limits, c and c, must not overflow to inf,
    # nor lose the smallest subnormal (half of 5e-324 rounds to 0).
    result = limit(lambda x: c, 0.0, full_output=True)
    assert isinstance(result, LimitResult)
    assert (result.value, result.left, result.right, result.converged) == (c, c, c, True)
    # Below the smallest normal number the error is that number (test_limits_underflow).
    assert result.error == max(EPS * abs(c), sys.float_info.min)


def test_two_infinite_sides_agree_only_when_equal() -> None:
    up = _OneSided(math.inf, 0.0, True, "f grows without bound: the limit is inf")
    down = _OneSided(-math.inf, 0.0, True, "f grows without bound: the limit is -inf")
    assert _combine(0.0, "both", {"left": up, "right": up}, 100) == LimitResult(
        math.inf, 0.0, 100, "both", math.inf, math.inf, True, up.message
    )
    with pytest.raises(calcweb.DomainError) as caught:
        _combine(0.0, "both", {"left": up, "right": down}, 110)
    assert str(caught.value) == (
        "the one-sided limits at x0=0.0 differ: -inf from the right and inf from the left, "
        "so the limit does not exist; pass side='left' or side='right' for a one-sided limit"
    )


# ------------------------------------ _divergence, _lower_quartile_slope, _settled


def test_growth_without_slowing_down_over_the_last_eight_samples_diverges() -> None:
    # Steps 100, then 99 = 0.99 * 100 exactly (no slowing down beyond 1 %), 99, ...
    assert 0.99 * 100.0 == 99.0
    assert _divergence([1.0, 101.0, 200.0, 299.0, 398.0, 497.0, 596.0, 695.0])
    # Only the last 8 count: a sample of the other sign before them does not.
    assert _divergence([-1.0] + [2.0**k for k in range(8)])
    assert not _divergence([1.0, 2.0, 4.0])  # fewer than 8


def test_the_lower_quartile_of_the_slopes() -> None:
    # Points (k, k**2), k = 0..7: the slope between i and j is i + j; of the 28
    # sums, sorted (1, 2, 3, 3, 4, 4, 5, 5, 5, ...), the 8th (index 28 // 4) is 5.
    assert _lower_quartile_slope([(k, float(k * k)) for k in range(8)]) == 5.0
    assert _lower_quartile_slope([]) == 0.0
    assert _lower_quartile_slope([(1, 2.0)]) == 0.0


def test_settled_means_an_error_of_at_most_accept_of_max_1_and_the_value() -> None:
    assert _settled(0.5, 1e-6)  # exactly ACCEPT * 1
    assert not _settled(0.5, 1.5e-6)
    assert not _settled(1.5, 1.8e-6)  # above ACCEPT * 1.5
    assert not _settled(math.inf, 0.0)


# ------------------------------------------------------------- _contradicted_later


def _entry(value: float, last: int) -> _Entry:
    return _Entry(value, 0.0, 0, last)


def test_only_an_entry_closer_to_x0_can_contradict() -> None:
    # Same last sample: no witness, however sure and far.
    entries = [_entry(1.0, 5), _entry(2.0, 5)]
    assert not _contradicted_later(0, entries, [0.01, 0.001])
    entries = [_entry(1.0, 5), _entry(2.0, 6)]
    assert _contradicted_later(0, entries, [0.01, 0.001])


def test_a_witness_exactly_as_sure_as_the_entry_is_no_witness() -> None:
    # Entry 1 +- 1/16 (a share of 1/16); 3 +- 3/16 has the same share.
    assert not _contradicted_later(0, [_entry(1.0, 1), _entry(3.0, 2)], [0.0625, 0.1875])
    assert _contradicted_later(0, [_entry(1.0, 1), _entry(3.0, 2)], [0.0625, 0.125])


def test_a_witness_exactly_jump_times_both_errors_away_does_not_contradict() -> None:
    # |1.5 - 1| = 0.5 = JUMP * (1/16 + 1/16).
    assert not _contradicted_later(0, [_entry(1.0, 1), _entry(1.5, 2)], [0.0625, 0.0625])
    assert _contradicted_later(0, [_entry(1.0, 1), _entry(1.5 + 2.0**-40, 2)], [0.0625, 0.0625])


# ------------------------------------------------------------- _tail_gap


def test_a_last_run_of_stuck_samples_from_the_trusted_tail_or_before_bounds_the_error() -> None:
    # Three 5s (STUCK) from sample 2: the value 4 is 1 away from them, as long
    # as the run starts at step TRUSTED_TAIL = 22 or before.
    assert _tail_gap([1.0, 2.0, 5.0, 5.0, 5.0], 0, 4.0) == 1.0
    assert _tail_gap([1.0, 2.0, 5.0, 5.0, 5.0], 20, 4.0) == 1.0  # from step 22
    assert _tail_gap([1.0, 2.0, 5.0, 5.0, 5.0], 21, 4.0) == 0.0  # from step 23
    assert _tail_gap([1.0, 2.0, 5.0, 5.0], 0, 4.0) == 0.0  # two 5s are no run


def test_the_run_before_a_last_sample_counts_if_it_reaches_past_the_trusted_tail() -> None:
    # Three 3s, then a 7 at the last sample: the 3s count when they reach a
    # step past TRUSTED_TAIL (the 7 may be rounding's), at step 23, not 22.
    assert _tail_gap([3.0, 3.0, 3.0, 7.0], 20, 0.0) == 3.0
    assert _tail_gap([3.0, 3.0, 3.0, 7.0], 19, 0.0) == 0.0


# ------------------------------------------------------------- _noise


@pytest.mark.parametrize(
    "changes",
    [
        # Windows (the largest of the changes at k - 1, k, k + 1) 4, 4, 3, 8,
        # 8, 8 from k = 2: the first no larger than the next three is 3, at k = 4.
        [4.0, 2.0, 3.0, 2.0, 8.0, 4.0],
        # Windows 8, 8, 4, 4, 4, 4, 3: 4 at k = 4 is no larger than the next
        # three (4, 4, 4), though larger than the 3 after them.
        [8.0, 4.0, 0.0, 1.0, 4.0, 3.0, 2.0],
        # Windows 4, 4, 2, 2, 0: a window of 0 (a repeated value) does not
        # count; 2 at k = 4 is no larger than the 2 after it.
        [4.0, 0.0, 2.0, 0.0, 0.0],
    ],
)
def test_the_noise_starts_where_the_changes_stop_shrinking(changes: list[float]) -> None:
    # A top column whose changes are these (two columns: shift = 2, so the
    # change between top entries i - 1 and i is at index i + 1).
    top = [0.0]
    for change in changes:
        top.append(top[-1] + change)
    samples = [1.0] * (len(top) + 1)
    _, start = _noise([samples, top])
    assert start == 4


def test_the_noise_bound_from_changes_that_shrink_and_then_double() -> None:
    # Changes 8, 4, 2, 1, 2, 4, 8, 16 at k = 2..9: the windows stop shrinking
    # at k = 5 (change 1); from there the log2 of the changes is 0, 1, 2, 3, 4,
    # every slope 1, so the bound at k is 2**(k - 5) (each change ahead scaled
    # back by 2 per step gives the same), and before k = 5 it shrinks at the
    # same rate: 2**(k - 5) at every k.
    top = [0.0]
    for change in [8.0, 4.0, 2.0, 1.0, 2.0, 4.0, 8.0, 16.0]:
        top.append(top[-1] + change)
    bound, start = _noise([[1.0] * (len(top) + 1), top])
    assert start == 5
    assert bound == [2.0 ** (k - 5) for k in range(10)]


def test_the_noise_bound_where_no_change_lies_ahead() -> None:
    # Changes 8, 4, 2, 1 (k = 2..5), seven 0s (k = 6..12: no noise to measure),
    # 1, 2, 16, 8 (k = 13..16: log2 0, 1, 4, 3), seven 0s. The noise starts at
    # k = 6; the slopes between the logs are 1, 4/2, 3/3, 3, 2/2, -1, whose
    # lower quartile is 1. At k = 6 no change lies within HORIZON ahead: the
    # first after, 0 at k = 13, scaled back by 1 per step, gives 2**-7. From
    # k = 17 none lies ahead or after: the last before, log2 8 = 3, gives 8.
    top = [0.0]
    for change in [8.0, 4.0, 2.0, 1.0] + [0.0] * 7 + [1.0, 2.0, 16.0, 8.0] + [0.0] * 7:
        top.append(top[-1] + change)
    bound, start = _noise([[1.0] * (len(top) + 1), top])
    assert start == 6
    assert bound[6] == 2.0**-7
    assert bound[17:] == [8.0] * 7
    # At k = 10 the largest scaled change is the one HORIZON ahead, 16 at
    # k = 15: 2**(4 - 5); at k = 16, the change at k itself: 8.
    assert bound[10] == 0.5
    assert bound[16] == 8.0


@pytest.mark.parametrize(("change", "bound"), [(12.0 * EPS, 0.0), (16.0 * EPS, 16.0 * EPS)])
def test_a_change_within_the_top_columns_rounding_measures_no_noise(
    change: float, bound: float
) -> None:
    # Two columns, samples 1: the top column's rounding is ULPS (4) units
    # amplified 3-fold (_AMPLIFY[1]), 12 eps. Changes of exactly that are no
    # noise; changes of 16 eps are, and so bound it, shrinking like h (by
    # half a step) before the noise starts at 2.
    top = [change * k for k in range(11)]
    found, start = _noise([[1.0] * 12, top])
    assert start == 2
    assert found == [bound / 4.0, bound / 2.0] + [bound] * 10


def test_the_noise_bound_before_it_shows_shrinks_at_least_as_fast_as_the_noise_grows() -> None:
    # Changes 1, 1, 1, 1 (log2 0) then 2**10, 2**20, 2**30, 2**40 from k = 2:
    # the noise starts at 2. The lower quartile of the 28 slopes between the
    # logs is 10/3 (0 six times, then 2.5, then 10/3), larger than that of
    # the first four (0): before k = 2 the bound shrinks by 2**3 a step (10/3
    # is a little faster than the whole power 3, which noise grows like).
    top = [0.0]
    for change in [1.0] * 4 + [2.0**10, 2.0**20, 2.0**30, 2.0**40]:
        top.append(top[-1] + change)
    bound, start = _noise([[1.0] * (len(top) + 1), top])
    assert start == 2
    slope = 3.0
    assert bound[:2] == [bound[2] * 2.0 ** (-slope * 2), bound[2] * 2.0 ** (-slope * 1)]


def test_f_near_the_float_range_that_does_not_settle_is_refused() -> None:
    # 1e308 sin(1/x): the changes of its table overflow, so the rate of its
    # noise is NaN; the limit is refused as for sin(1/x), not a ValueError.
    def f(x: float) -> float:
        return 1e308 * math.sin(1 / x)

    result = limit(f, 0.0, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    assert result.converged is False
    with pytest.raises(calcweb.NumericalError, match="f does not settle"):
        limit(f, 0.0)


def test_the_rate_the_noise_starts_with_is_per_sample_across_a_change_within_rounding() -> None:
    # Changes 1, 0, 16, 256, 4096, 65536 from k = 2: the 0 (within rounding)
    # measures nothing, so the logs are 0, 4, 8, 12, 16 at k = 2, 4, 5, 6, 7.
    # The least step between them is 2 a sample (0 to 4 over two samples),
    # below the lower quartile of all the slopes, 3: before k = 2 the bound
    # shrinks by 2**3 a step.
    top = [0.0]
    for change in [1.0, 0.0, 16.0, 256.0, 4096.0, 65536.0]:
        top.append(top[-1] + change)
    bound, start = _noise([[1.0] * (len(top) + 1), top])
    assert start == 2
    assert bound[:2] == [bound[2] * 2.0**-6, bound[2] * 2.0**-3]


def test_the_noise_bound_is_capped_at_2_to_the_1000() -> None:
    # The changes of the test above times 2**1006: every bound from the start
    # would be 2**1006 or more, and is 2**1000.
    top = [0.0]
    for change in [8.0, 4.0, 2.0, 1.0, 2.0, 4.0, 8.0, 16.0]:
        top.append(top[-1] + change * 2.0**1006)
    bound, start = _noise([[1.0] * (len(top) + 1), top])
    assert start == 5
    assert bound == [2.0 ** (1000 + min(k - 5, 0)) for k in range(10)]


# ------------------------------------------------------------- _entries


def test_two_equal_samples_are_judged_by_the_change_after_them() -> None:
    # 2, 2, 2, 2.5: the entry 2 at sample 2 changed by 0 twice, but the
    # change after it, 0.5, is its error; the last entry is still moving.
    assert _entries([[2.0, 2.0, 2.0, 2.5]]) == [
        _Entry(2.0, 0.5, 0, 2),
        _Entry(2.5, math.inf, 0, 3),
    ]


@pytest.mark.parametrize(
    "column",
    [
        [0.0, 1.0, 2.0],  # the last change equals the one before: not growing
        [8.5, 9.0, 10.0],  # the last change is exactly MOVING of the sample, 1 of 10
    ],
)
def test_an_entry_is_moving_only_when_its_change_grows_past_moving_of_the_sample(
    column: list[float],
) -> None:
    # Not moving: the error is the geometric tail of changes shrinking by at
    # most 0.9, 2 * 1 * 0.9 / (1 - 0.9).
    (entry,) = _entries([column])
    assert entry.trend == 2.0 * 1.0 * 0.9 / (1.0 - 0.9)


def test_an_entry_moving_past_its_own_samples_is_moving_whatever_comes_next() -> None:
    # 0, 0.5, 2: the change 1.5 grows and is 3/4 of the sample 2 (the next,
    # 100, is not among the samples of that entry).
    assert _entries([[0.0, 0.5, 2.0, 100.0]])[0].trend == math.inf


# ------------------------------------------------------------- _ends_smooth


def test_the_top_column_ends_smooth_with_changes_up_to_its_rounding() -> None:
    # Two columns: the top column's rounding is ULPS (4) units amplified
    # 3-fold, 12 eps of the sample where each change ends. The last 8 of 9
    # changes of exactly 12 eps are within it; one 4 eps more is not.
    top = [12.0 * EPS * k for k in range(10)]
    assert _ends_smooth([[1.0] * 11, top])
    assert not _ends_smooth([[1.0] * 11, [*top[:-1], top[-1] + 4.0 * EPS]])


def test_each_change_is_judged_by_the_sample_where_it_ends() -> None:
    # Samples 2 at every third step, else 1: each change of the top column,
    # 12 eps times the sample where it ends (entry i ends at sample i + 1).
    samples = [2.0 if j % 3 == 0 else 1.0 for j in range(11)]
    top = [0.0]
    for i in range(1, 10):
        top.append(top[-1] + 12.0 * EPS * samples[i + 1])
    assert _ends_smooth([samples, top])


def test_a_top_column_of_eight_entries_is_too_short_to_end_smooth() -> None:
    assert not _ends_smooth([[1.0] * 9, [1.0] * 8])
    assert _ends_smooth([[1.0] * 10, [1.0] * 9])


# ------------------------------------------------------------- _growing_scatter


def _from_changes(changes: list[float]) -> list[float]:
    samples = [1000.0]
    for change in changes:
        samples.append(samples[-1] + change)
    return samples


@pytest.mark.parametrize(
    ("changes", "floor"),
    [
        # Four changes of one sign, each exactly 3/4 of the one before: settled
        # after the 5th sample; then zigzags 1 and 2 wide (the second record):
        # the samples after them are trusted to 2 at best.
        ([8.0, 6.0, 4.5, 3.375, 2.53125, -1.0, 2.0, -4.0], [0.0] * 8 + [2.0]),
        # Each wider zigzag after them raises the floor to its width.
        (
            [8.0, 6.0, 4.5, 3.375, 2.53125, -1.0, 2.0, -4.0, 8.0, -16.0],
            [0.0] * 8 + [2.0, 4.0, 8.0],
        ),
        # A change 1.5 times the one before is no settling: the same zigzags
        # (0.5, then 1 wide) do not count.
        ([4.0, 6.0, 3.0, 1.5, 0.75, -0.5, 1.0, -2.0], [0.0] * 9),
        # Changes of 0 are no settling either (no sign).
        ([8.0, 4.0, 0.0, 0.0, 0.0, 0.25, -0.5, 1.0], [0.0] * 9),
        # After two sign changes, only three changes that shrink: not settled.
        ([8.0, -4.0, 3.0, 2.0, 1.0, 0.5, -0.25, 0.5, -1.0], [0.0] * 10),
    ],
)
def test_zigzags_count_only_after_four_changes_that_settle_smoothly(
    changes: list[float], floor: list[float]
) -> None:
    assert _growing_scatter([_from_changes(changes)]) == floor


def _columns(*columns: list[float]) -> list[list[float]]:
    """Columns of a table built by hand, each one entry shorter than the one before."""
    assert all(len(c) == len(columns[0]) - j for j, c in enumerate(columns))
    return list(columns)


# Four changes of one sign, each 3/4 of the one before: settled after the 5th sample.
_SETTLING = [8.0, 6.0, 4.5, 3.375, 2.53125]


def test_a_column_that_settles_again_later_settled_where_it_first_did() -> None:
    # The samples settle at 5, zigzag once and settle again at 10; column 1
    # zigzags faintly (2**-20, 2**-19, ... wide, below FAINT of 1000) from
    # sample 7 on, before it settles itself: those zigzags count from where
    # the samples first settled, 5, and set the floor from the second on.
    samples = _from_changes([*_SETTLING, -1.0, -0.75, -0.5625, -0.421875, -0.31640625])
    above = _from_changes([0.5] * 4 + [2.0**-20, -(2.0**-19), 2.0**-18, -(2.0**-17), 2.0**-16])
    floor = _growing_scatter(_columns(samples, above))
    assert floor == [0.0] * 8 + [2.0**-19, 2.0**-18, 2.0**-17]


def test_a_zigzag_exactly_faint_counts_from_where_the_column_below_settled() -> None:
    # Column 1 about 1e8 zigzags 0.5 wide, then exactly FAINT * 1e8 = 1 wide
    # at its entry 1e8: faint, so it counts from where the samples settled.
    assert FAINT * 1e8 == 1.0
    samples = [1e8 + y for y in _from_changes([8.0 * 0.75**k for k in range(10)])]
    above = [1e8 + y for y in [8.0, 7.0, 6.0, 5.0, 4.0, 4.5, 0.0, 1.0, 1.5, 1.75]]
    assert _growing_scatter(_columns(samples, above)) == [0.0] * 8 + [1.0] * 3


def test_a_zigzag_spans_the_samples_of_its_own_three_entries_only() -> None:
    # Zigzags 1 and 2 wide after settling; the sample after the second
    # zigzag's jumps by 200 (f moving), which that zigzag does not span.
    samples = _from_changes([*_SETTLING, -1.0, 2.0, -4.0, 200.0])
    assert _growing_scatter([samples]) == [0.0] * 8 + [2.0, 2.0]


def test_a_zigzag_exactly_moving_of_its_samples_wide_still_counts() -> None:
    # Samples 2.25 ... 9.75, 10, 9, 9.5: zigzags 0.25 and 0.5 wide whose
    # largest change, 1, is exactly MOVING (0.1) of the largest sample, 10.
    assert MOVING * 10.0 == 1.0
    samples = [2.25, 6.25, 8.25, 9.25, 9.75, 10.0, 9.0, 9.5]
    assert _growing_scatter([samples]) == [0.0] * 7 + [0.5]


def test_a_zigzag_above_the_samples_wider_than_moving_of_them_is_f_moving() -> None:
    # Samples about 10 that barely change; column 1 settles and zigzags 2
    # and 4 wide, more than MOVING (1) of the samples: f moving, no floor.
    samples = [10.0 + 2.0**-10 * (1.0 - 0.75**k) for k in range(10)]
    above = _from_changes([*_SETTLING, -2.0, 4.0, -8.0])
    assert _growing_scatter(_columns(samples, above)) == [0.0] * 10


def test_a_zigzag_in_column_two_counts_for_half_its_width() -> None:
    # A step of 1 in the samples zigzags 2 wide in column 2 (_STEP_ZIGZAG):
    # zigzags 1 and 2 wide there after it settles leave a floor of 2 / 2.
    samples = [1000.0 + 2.0**-10 * (1.0 - 0.75**k) for k in range(11)]
    middle = samples[1:]
    above = _from_changes([*_SETTLING, -1.0, 2.0, -4.0])
    assert _growing_scatter(_columns(samples, middle, above)) == [0.0] * 10 + [1.0]


def test_a_sample_after_the_exact_trend_may_lie_exactly_on_the_edge_of_its_band() -> None:
    # h at h = 4, ..., 1/2 (P(0) = 0), then a sample off that polynomial: on
    # the edge of the band [0, 1/2] widened by 2**-51, it stays in the band.
    slack = 2.0**-51
    band = (-slack, 0.5 + slack)
    for y in band:
        assert _exact_trend([4.0, 2.0, 1.0, 0.5, y]) == _Trend(0.0, 0.0, band)
    for y in (-slack - 2.0**-60, 0.5 + slack + 2.0**-53):
        assert _exact_trend([4.0, 2.0, 1.0, 0.5, y]) is None


def test_noise_that_grows_slowly_is_bounded_by_the_changes_ahead() -> None:
    # Changes 8, 4, 2 (k = 2..4), then 1, 1, 2, 2, 4, 4 (k = 5..10, log2 0, 0,
    # 1, 1, 2, 2): the noise starts at k = 5, and the lower quartile of the
    # slopes between those logs is 1/3. At k = 5 the largest change ahead,
    # scaled back, is 4 at k = 9: log2 2 - 4/3.
    top = [0.0]
    for change in [8.0, 4.0, 2.0, 1.0, 1.0, 2.0, 2.0, 4.0, 4.0]:
        top.append(top[-1] + change)
    bound, start = _noise([[1.0] * (len(top) + 1), top])
    assert start == 5
    assert bound[5] == 2.0 ** (2.0 - (1 / 3) * 4)


# ------------------------------------------------------------- _table, _estimate


def test_the_table_extrapolates_while_a_column_has_four_entries() -> None:
    # 5 samples: column 1 has 4 entries (2b - a), so column 2 (3 entries) is
    # made too, and no column after it.
    columns = _table([1.0, 2.0, 3.0, 4.0, 5.0])
    assert [len(column) for column in columns] == [5, 4, 3]
    assert columns[1] == [3.0, 4.0, 5.0, 6.0]


def test_six_samples_are_enough_to_extrapolate() -> None:
    # 1 + 2**-k, k = 0..5: exactly linear in the step, so the limit is 1.
    value, error = _estimate([1.0 + 2.0**-k for k in range(6)], 0)
    assert value == 1.0
    assert error < 1e-14


def test_an_exact_entry_is_as_sure_as_the_top_columns_noise_scaled_to_its_column() -> None:
    # 1 + h with a bump of 2**-20 at the last of 12 samples: column 1 is exactly
    # 1, with no change; its first entry (samples 2 and 3) is as far off as the
    # top column's (column 6's) noise bound at sample 3, tripled (SAFETY),
    # times column 1's amplification over the top column's, 3/8.
    samples = [1.0 + 2.0**-k for k in range(12)]
    samples[11] += 2.0**-20
    bound, _ = _noise(_table(samples))
    assert _estimate(samples, 0) == (1.0, 3.0 * bound[3] * 3.0 / 8.0)


def test_f_stuck_before_it_shows_a_trend_is_the_value_it_is_stuck_on() -> None:
    # 1, 2, then 3 four times: 3, as far from the limit as the sample before it.
    assert _estimate([1.0, 2.0, 3.0, 3.0, 3.0, 3.0], 0) == (3.0, 1.0)
    # The sample before is one ulp of 5 off: the error is at least 2 eps * 5.
    assert _estimate([5.0 - 2.0**-50, 5.0, 5.0, 5.0], 0) == (5.0, 2.0 * EPS * 5.0)


# ------------------------------------------------------------- _until_stuck


@pytest.mark.parametrize(
    ("values", "kept"),
    [
        ([5.0] * 6, [5.0] * 6),  # constant all along: every sample kept
        ([1.0, 2.0, 2.0, 2.0], [1.0, 2.0]),  # stuck on 2 (STUCK samples)
        ([3.0, 3.0, 3.0, 1.0], [3.0]),  # stuck from the first sample
        ([1.0, 2.0, 2.0], [1.0, 2.0]),  # two equal samples at the very end
        ([1.0, 2.0, 2.0, 3.0], [1.0, 2.0, 2.0, 3.0]),  # two equal in the middle
    ],
)
def test_samples_end_where_f_gets_stuck(values: list[float], kept: list[float]) -> None:
    assert _until_stuck(values) == kept
