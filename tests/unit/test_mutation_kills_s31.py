"""Mutation tests for the numerical code sessions 30 and 31 added (MUT23, session 32).

tools/mutation/one_function.py made mutmut 3.8.1's mutants of the new functions
(tools/mutation/HISTORY.md, "Session 32"); each ran against the test files added
with it, and each test below kills survivors of those files: a boundary the code
states, hit exactly, values set by hand, or a public result pinned whole. Truths
from mpmath (mp.diff at 60 digits) are written in, not computed: no mpmath and no
numpy, so these run inside Pyodide too.
"""

from __future__ import annotations

import math
from types import SimpleNamespace
from typing import Any

import pytest

import calcweb as cw
from calcweb._derivative import _scale_shown
from calcweb._integrate import GROWTH_ULPS, _growth_readings
from calcweb._richardson import (
    SHRINK,
    UNSETTLED,
    Estimate,
    Sampler,
    _falls_as_smooth,
    _far_from_window,
    _fourth_at,
    _seen_far_below,
    _unsettled_below,
    _unsteady_when_doubled,
    _walked_below,
    _walked_below_unsettled,
    extrapolate,
)
from calcweb.jet import Jet, watching_cancellation
from calcweb.limits import DEEP_RATIO, _apart_closer_in, _falls, _OneSided, _power_reach

# ---------------------------------------------------------------- jet: what the watch records


def test_the_watch_records_the_slope_of_a_first_order_jets_argument() -> None:
    # _note_unit_scale reads a_1 wherever the jet has one: a first derivative's jets
    # have two coefficients; a jet of order 0 has no slope and records nothing.
    with watching_cancellation() as watch:
        cw.cosh(Jet.variable(20.0, 1) * 3.0)
    assert watch.rate == 3.0
    with watching_cancellation() as watch:
        cw.cosh(Jet.variable(20.0, 0) * 3.0)
    assert watch.rate == 0.0


def test_a_chain_before_any_pole_records_nothing() -> None:
    # cos(x**2): no quotient or root was taken, so its recurrence is not tallied.
    with watching_cancellation() as watch:
        cw.cos(Jet.variable(0.7, 4) ** 2)
    assert watch.magnification == 0.0


def test_a_chains_second_order_after_a_pole_is_tallied() -> None:
    # tan(atan(x)) = x: its order 2 is 0 up to rounding, which the terms of tan's
    # recurrence carry (the watch is inf or huge); on a jet of order 2 only k = 2 shows it.
    with watching_cancellation() as watch:
        cw.tan(cw.atan(Jet.variable(0.5, 2)))
    assert watch.magnification > 2.0**24


def test_a_chains_tally_is_its_terms_over_its_coefficient() -> None:
    # sin(sqrt(x)) at 0.25: a = sqrt(x) has a_1 = 1, a_2 = -1 (magnification 1: a linear
    # argument's root). cos's order 2 is c_2 = -(a_1 s_1 + 2 a_2 s_0) / 2, s_0 = sin(1/2),
    # s_1 = cos(1/2): terms (cos(1/2) + 2 sin(1/2)) / 2 over |c_2| = (2 sin(1/2) - cos(1/2)) / 2.
    with watching_cancellation() as watch:
        cw.sin(cw.sqrt(Jet.variable(0.25, 2)))
    s, c = math.sin(0.5), math.cos(0.5)
    assert watch.magnification == pytest.approx((c + 2.0 * s) / (2.0 * s - c), rel=1e-12)


# ---------------------------------------------------------------- integrate: growth next to a point


def test_the_growth_readings_ask_both_sides_at_1_2_4_and_8_times_2_10_ulps() -> None:
    asked: list[float] = []

    def f(t: float) -> float:
        asked.append(t)
        return abs(t - 1 / 3) ** -0.5

    readings, calls = _growth_readings(f, 1 / 3)
    assert readings == [pytest.approx(0.5, abs=2e-3)] * 4
    assert calls == 8
    unit = GROWTH_ULPS * math.ulp(1 / 3)
    steps = (1.0, 2.0, 4.0, 8.0)
    assert asked == [1 / 3 - k * unit for k in steps] + [1 / 3 + k * unit for k in steps]


def test_the_growth_readings_read_each_side_apart() -> None:
    # 1/|d| on the left, |d|**-0.5 on the right: two readings of each, left first.
    def f(t: float) -> float:
        d = t - 1 / 3
        return 1 / abs(d) if d < 0 else d**-0.5

    readings, _ = _growth_readings(f, 1 / 3)
    assert readings == [pytest.approx(p, abs=2e-3) for p in (1.0, 1.0, 0.5, 0.5)]


@pytest.mark.parametrize(("failing_side", "calls"), [(-1.0, 1), (1.0, 5)])
def test_the_growth_readings_count_the_calls_up_to_a_failure(
    failing_side: float, calls: int
) -> None:
    def f(t: float) -> float:
        if (t - 1 / 3) * failing_side > 0:
            raise ValueError("outside f's domain")
        return abs(t - 1 / 3) ** -0.5

    assert _growth_readings(f, 1 / 3) == ([], calls)


# ---------------------------------------------------------------- derivative: plain calls' scales


def test_no_spacing_where_f_fails_on_both_sides_is_no_scale() -> None:
    # round(t, 2) defined within 0.01 of 0.123: at the first step (0.015) f fails on
    # both sides, so that spacing shows nothing; on the stair [0.115, 0.125) f' = 0.
    def f(t: float) -> float:
        return round(t, 2) + 0.0 * math.sqrt(0.01**2 - (t - 0.123) ** 2)

    assert cw.derivative(f, 0.123) == 0.0


ULP = 2.0**-52  # of floats in [1, 2)


@pytest.mark.parametrize(
    ("values", "shown"),
    [
        # spread 7 ulps of 1.5 (7 eps) beyond 4 eps * (1.5 + 7 eps): shown over h = 1
        ({-1.0: 1.5, -0.5: 1.5 + ULP, 0.5: 1.5 + 6 * ULP, 1.0: 1.5 + 7 * ULP}, 7 * ULP),
        # spread 8 ulps, exactly 4 eps * 2 (its largest value): rounding, nothing shown
        ({-1.0: 2.0 - 8 * ULP, -0.5: 2.0 - 7 * ULP, 0.5: 2.0 - ULP, 1.0: 2.0}, 0.0),
    ],
)
def test_a_spread_shows_a_scale_beyond_4_eps_of_fs_largest_value(
    values: dict[float, float], shown: float
) -> None:
    # f is known at x +- 1/2 and x +- 1 only (the first spacing; the smaller ones fail).
    def f(t: float) -> float:
        if t not in values:
            raise ValueError("math domain error")
        return values[t]

    assert _scale_shown(f, 0.0, 1, 1.0) == shown


def _cosine_quotient(kind: str, c: float, s: float) -> Any:
    def f(t: Any) -> Any:
        u = (t - c) / s
        if kind == "cos":
            return (1 - cw.cos(u)) / (u * u)
        if kind == "cosh":
            return (cw.cosh(u) - 1) / (u * u)
        return (cw.exp(u) - 1) / u

    return f


JETS_KEPT = [
    # (kind, x, c, s, n), the true n-th derivative. |x| < 2: judged on max(1, |x|)
    (("exp", 0.4840021936940957, 0.4840406987403824, 7.634381342693587, 5), 6.426546063e-6),
    (("cos", -1.4495708889651069, -1.449518867087437, 2.482005251206867, 3), -4.569345367e-8),
    # |x| = 3.2, cosh's argument moves by 1 over s = 1.18: judged on 1.18
    (("cosh", 3.2308916695307826, 3.230866968245342, 1.180348263559536, 5), 1.631062243e-7),
]  # fmt: skip


@pytest.mark.parametrize(("case", "true"), JETS_KEPT)
def test_a_jets_answer_within_fs_rounding_on_its_scale_is_kept(
    case: tuple[str, float, float, float, int], true: float
) -> None:
    # Each jets' answer has an error above its value but within 2**10 times f's rounding
    # spread over the scale on which f varies (`_scale_of_f`), and is right to 7e-4.
    kind, x, c, s, n = case
    assert cw.derivative(_cosine_quotient(kind, c, s), x, n) == pytest.approx(true, rel=1e-3)


# ---------------------------------------------------------------- limits: a fall closer in


FALLS = [
    # (values: the last usual sample and f at h/2, h/4, h/8), usual, (value, error), falls.
    # Departures taken with the sign of the last: they may start within the room
    # (JUMP error + ULPS eps |value| = 0.04) on the other side.
    ([0.97, 0.975, 0.98, 1e4 + 1.0], [1.0, 1.0], (1.0, 0.01), True),
    # error 0: the room is 4 eps |2.0| = 1.8e-15 alone, below and above
    ([2.0 - 1e-15, 2.0 + 1e-14, 2.0 + 1e-13, 2.0 + 1e-10], [2.0, 2.0], (2.0, 0.0), True),
    # only the last two usual samples set the growth to beat: 100 >= 4096 * 0.004
    ([1.0, 2.0, 11.0, 101.0], [5.0, 3.0, 1.5, 1.1, 1.0, 1.0], (1.0, 0.001), True),
    # departures that stay equal do not grow
    ([1.0, 2.0, 2.0, 101.0], [1.0, 1.0], (1.0, 0.001), False),
    # f back at the value: no side to fall to
    ([1.0, 2.0, 3.0, 1.0], [1.0, 1.0], (1.0, 0.001), False),
    # not growing, however far the last
    ([1.0, 3.0, 2.0, 101.0], [1.0, 1.0], (1.0, 0.001), False),
    # the first departure beyond the room (0.1 > 0.004), though the second is not
    ([0.9, 1.0, 2.0, 101.0], [1.0, 1.0], (1.0, 0.001), False),
    # both bounds hit exactly: the room 4 x 0.25 = 1, and 4096 times it
    ([-1.0, 0.0, 1.0, 4096.0], [0.0, 0.0], (0.0, 0.25), True),
]  # fmt: skip


@pytest.mark.parametrize(("values", "usual", "result", "falls"), FALLS)
def test_a_fall_grows_from_the_room_to_4096_times_the_last_usual_departures(
    values: list[float], usual: list[float], result: tuple[float, float], falls: bool
) -> None:
    assert _falls(values, usual, _OneSided(*result, True, "")) is falls


# ---------------------------------------------------------------- derivative: unsettled below


@pytest.mark.parametrize(
    ("spread", "finest", "unsettled"),
    [
        (16.0 * 0.5 * 1.0000001, 0.25, True),  # beyond UNSETTLED times the error, below the window
        (16.0 * 0.5, 0.25, False),  # exactly UNSETTLED times it: not beyond
        (1e6, 0.5, False),  # at the window's smallest step: not below it
        (1e6, 1.0, False),
    ],
)
def test_a_verdict_is_unsettled_below_the_window_beyond_16_times_its_error(
    spread: float, finest: float, unsettled: bool
) -> None:
    # The estimate's error 0.5 is above the quotients' rounding 0.125.
    estimate = Estimate(1.0, 0.5, 10, 4.0, "central", smallest=0.5)
    assert UNSETTLED == 16.0
    assert _unsettled_below(estimate, spread, 0.125, finest) is unsettled


# ---------------------------------------------------------------- limits: apart closer in

SETTLED = [1.5, 1.3, 1.2]  # changes 0.2, 0.1, then 0.1 onto the run: f settles into it
RUN = [1.1] * 8  # NOISE_POINTS samples from the run on, 0.1 above the value 1


@pytest.mark.parametrize(
    ("samples", "apart"),
    [
        (SETTLED + RUN, 0.1),  # the run at index 3, the first that counts
        # f drops to 1.3e-4 of itself after its first sample (below RESIDUE, not below
        # COLLAPSE 1e-8): a collapse before the run, rounding's residue
        ([1e4, 1.3, 1.2, *RUN], 0.0),
        # the same drop only to 1.5e-2 of itself: no collapse, f settles into the run
        ([150.0, 1.3, 1.2, *RUN], 0.1),
        # apart from the value by no more than they spread (1/4 each: dyadic)
        ([1.75, 1.5, 1.375, 1.25, 1.5, *[1.25] * 6], 0.0),
        # the same run below the value
        ([0.5, 0.7, 0.8, *[0.9] * 8], 0.1),
        # f lost its digits two samples before the run (2 to 1.2): its run shows nothing
        ([10.0, 2.0, 1.2, *RUN], 0.0),
        # after the run (1.1 to 5): the samples up to there count
        ([*SETTLED, *RUN, 5.0], 0.1),
        # three samples before it (2 to 1.4) does not count
        ([2.0, 1.4, 1.2, *RUN], 0.1),
        # changes 1/16, 1/16, then 1/4 onto the run: not above the one before, and JUMP
        # times it exactly (dyadic: no rounding)
        ([1.5, 1.4375, 1.375, *[1.125] * 8], 0.125),
    ],
)
def test_samples_closer_in_apart_from_the_value_widen_its_error(
    samples: list[float], apart: float
) -> None:
    assert _apart_closer_in(samples, 3, 1.0) == pytest.approx(apart, abs=1e-15)


# ---------------------------------------------------------------- derivative: seen far below


def _seen_far_below_t4(
    kind: str, n: int, last: float = 1.0, quiet: float = 1e-16, error: float = 1e-6
) -> tuple[float, float] | None:
    """t**4 at 0.5, the noise test's points x + k 2**-10 evaluated; a window at 1 +- ``error``.

    Its rows' quotients at steps 2**-2, 2**-3 and 2**-4: 1, 1 and ``last``.
    """
    sampler = Sampler(lambda t: t**4, 0.5)
    for k in range(-2, 3):
        sampler(0.5 + k * 2.0**-10)
    window = ((2.0**-2, 1.0), (2.0**-3, 1.0), (2.0**-4, last))
    estimate = Estimate(1.0, error, 10, 0.1, kind, smallest=2.0**-4, window=window)
    return _seen_far_below(sampler, estimate, n, 2.0**-10, quiet)


@pytest.mark.parametrize(
    ("kind", "n", "seen"),
    [
        # the five points' quotients are exact for t**4: 12 x**2, 24 x, 24
        ("central", 2, 3.0),
        ("central", 3, 12.0),
        ("central", 4, 24.0),
        # orders 2 to 4 of a central estimate only
        ("central", 1, None),
        ("central", 5, None),
        ("forward", 2, None),
    ],
)
def test_the_quotient_far_below_is_read_at_orders_2_to_4(
    kind: str, n: int, seen: float | None
) -> None:
    found = _seen_far_below_t4(kind, n)
    if seen is None:
        assert found is None
    else:
        assert found is not None
        assert found[0] == pytest.approx(seen, rel=1e-9)


# The fourth-order quotient 24 is 23 off the window's value 1. It may be off by the window's
# expansion to its step (2**-10): (|last - 1| + 1e-6) (2**-10 / 2**-4)**2 + 1e-6, twice,
# plus 4 times its rounding, quiet 16 / 2**-40 (quiet = r / 2**44: r).
@pytest.mark.parametrize(
    ("last", "quiet", "far"),
    [
        (40001.0, 1e-16, True),  # 2 x 9.77 + 0.007 < 23
        (60001.0, 1e-16, False),  # 2 x 14.6 > 23
        (1.0, 5.0 * 2.0**-44, True),  # 4 x 5 < 23
        (1.0, 6.0 * 2.0**-44, False),  # 4 x 6 > 23
    ],
)
def test_the_quotient_far_below_is_far_beyond_twice_the_expansion_and_4_roundings(
    last: float, quiet: float, far: bool
) -> None:
    found = _seen_far_below_t4("central", 4, last, quiet)
    assert (found is not None) is far
    if found is not None:
        assert found == (pytest.approx(24.0, rel=1e-12), pytest.approx(16 * quiet * 2.0**40))


def test_a_quotient_far_below_exactly_at_its_bound_is_not_far() -> None:
    # Exact: 24 - 1 = 2 x 14336 / 4096 + 4 x 4 (the window's error 0, quiet 2**-42).
    assert _seen_far_below_t4("central", 4, 14337.0, 2.0**-42, 0.0) is None
    assert _seen_far_below_t4("central", 4, 14336.0, 2.0**-42, 0.0) is not None


# ---------------------------------------------------------------- limits: a power's reach


@pytest.mark.parametrize(
    ("two", "sign", "steps", "reach"),
    [
        # f grows 4-fold a step of the walk (16 halvings): one step on it is 3 times
        # |f| = 2 farther, two steps 15 times; 1000 steps 2**2000 times (past the floats)
        ([0.5, 2.0], 1.0, 1, 1.0 + math.log2(3.0)),
        ([0.5, 2.0], 1.0, 2, 1.0 + math.log2(15.0)),
        ([0.5, 2.0], 1.0, 1000, 2001.0),
        ([-0.5, -2.0], -1.0, 1, 1.0 + math.log2(3.0)),
        ([1.0, 1.5], 1.0, 1, math.log2(1.5) + math.log2(0.5)),
        # no power: the samples on the other side, not growing, from 0, not two
        ([-0.5, -2.0], 1.0, 1, None),
        ([2.0, 2.0], 1.0, 1, None),
        ([0.0, 4.0], 1.0, 1, None),
        ([1.0, 2.0, 4.0], 1.0, 1, None),
        ([], 1.0, 1, None),
    ],
)
def test_a_powers_reach_is_log2_of_its_growth_past_the_last_sample(
    two: list[float], sign: float, steps: int, reach: float | None
) -> None:
    halvings = steps * round(-math.log2(DEEP_RATIO))
    assert _power_reach(two, sign)(halvings) == (
        None if reach is None else pytest.approx(reach, rel=1e-12)
    )


def test_a_doubled_stencil_outside_fs_domain_shows_nothing() -> None:
    # sqrt at 1: the stencil at twice 0.3, m = 2, reaches 1 - 1.2 < 0 (no call of f there
    # succeeds), so no difference is shown: 0, not a step's worth of unsteadiness.
    assert _unsteady_when_doubled(Sampler(math.sqrt, 1.0), 1, 2, 0.3, []) == 0.0


def test_a_walk_below_back_at_the_refuted_window_is_refused_naming_order_and_x() -> None:
    # fasttermscan's pow family, n = 2 (its seed 1): the quotient far below the window
    # refuted it, and the walk from below came back to the window's value (`_walked_below`).
    c, a, x = 3.1899248989955296, 1.1923714608047051, 941.9683050861383
    with pytest.raises(cw.NumericalError) as refusal:
        cw.derivative(lambda s: c * s**4 + math.sin(a * s**2), x, 2)
    assert str(refusal.value).startswith(
        "the difference quotients of order 2 at x=941.9683050861383 settle on 3.39652e+07"
    )


# The walks again from below take the first walk's settings: its refine, the noise known
# before, and its line's offset and several. On these f each setting moves the answer.
SETTINGS: dict[str, Any] = {"refine": True, "noise": 1e-9, "offset": 1e3, "several": True}
OFF_1E3 = [
    pytest.param(lambda t: math.sin(t) + 1e3, id="sin + 1e3"),  # refine, noise, offset
    pytest.param(lambda t: round(t * 2.0**20) / 2.0**20 + t * t, id="stairs"),  # several
]


def _unsettled_from_001(f: Any, estimate: Estimate) -> Any:
    """`_walked_below_unsettled` at 1 from steps of 0.01, with `SETTINGS`."""
    sampler = Sampler(f, 1.0)
    sampler.unsettled_down_to = 0.01
    sampler.offset, sampler.several = SETTINGS["offset"], SETTINGS["several"]
    return _walked_below_unsettled(sampler, estimate, 1, refine=True, noise=SETTINGS["noise"])


@pytest.mark.parametrize("f", OFF_1E3)
def test_the_walk_from_below_the_unsettled_window_keeps_the_walks_settings(f: Any) -> None:
    below = extrapolate(f, 1.0, 1, 0.01, **SETTINGS)
    far = Estimate(10.0, 1e-3, 0, 0.1, "central", smallest=0.1)  # disagrees: replaced
    # repr: an unset smallest is nan, which == holds unequal to itself on Python 3.13+
    # (dataclasses compare field by field there, not as tuples that check identity first)
    assert repr(_unsettled_from_001(f, far)) == repr(below)


def test_the_walk_from_below_replaces_only_beyond_both_errors() -> None:
    f = OFF_1E3[0].values[0]
    below = extrapolate(f, 1.0, 1, 0.01, **SETTINGS)
    # 0.5 off, within the estimate's error 1 alone, and exactly at the sum of both errors
    within = Estimate(below.value + 0.5, 1.0, 0, 0.1, "central", smallest=0.1)
    assert _unsettled_from_001(f, within) is None
    error = 0.5 - below.error
    while below.error + error < abs(within.value - below.value):
        error = math.nextafter(error, math.inf)
    while below.error + error > abs(within.value - below.value):
        error = math.nextafter(error, -math.inf)
    at = Estimate(within.value, error, 0, 0.1, "central", smallest=0.1)
    assert below.error + at.error == abs(at.value - below.value)
    assert _unsettled_from_001(f, at) is None


@pytest.mark.parametrize(
    ("f", "offset"),
    [
        pytest.param(lambda t: math.sin(t) + 1e3, 1e3, id="sin + 1e3"),  # the noise moves it
        pytest.param(lambda t: math.exp(t) * 1e8, 1e6, id="exp 1e8"),  # the offset does
    ],
)
def test_the_walk_below_a_refuted_window_keeps_the_walks_settings(f: Any, offset: float) -> None:
    settings = {**SETTINGS, "offset": offset}
    below = extrapolate(f, 1.0, 2, 0.02 / SHRINK, **settings)
    window = Estimate(1e12, 1e-3, 0, 0.1, "central", smallest=0.02, kept_error=1e-3)
    refuted = (window, (below.value, 1.0))  # refuted by a quotient the walk below holds
    walked = _walked_below(f, 1.0, 2, refuted, True, 1e-9, offset, several=True)
    assert repr(walked) == repr(below)  # as above: nan fields


# ---------------------------------------------------------------- derivative: falls as smooth


@pytest.mark.parametrize(
    ("power", "quiet_read", "smooth"),
    [
        # |t|**p at 0 reads 2**p times lower a halving, exactly (powers of 2 scale floats
        # exactly): two reads in a row below an 8th of the one before, down to a quarter
        # of the spacing (the last read at it)
        (3.5, None, True),
        (math.log2(8.5), None, True),  # 8.5-fold: falls
        (3.0, None, False),  # 8-fold exactly: not below an 8th
        (6.0, None, True),  # 64-fold exactly: not a drop (more than STEEPEST-fold)
        # the read at half the spacing is in the rounding (quiet, exactly): no verdict
        (3.5, 1, False),
        # the read that makes the second fall is in the rounding: smooth all the same
        (3.5, 2, True),
    ],
)
def test_reads_that_fall_8_fold_twice_down_to_the_finest_are_smooth(
    power: float, quiet_read: int | None, smooth: bool
) -> None:
    def f(t: float) -> float:
        return abs(t) ** power

    spacing = 2.0**-10
    found = [_fourth_at(Sampler(f, 0.0), spacing / 2**k) for k in range(3)]
    reads = [read[0] for read in found if read is not None]
    assert len(reads) == 3
    quiet = 0.0 if quiet_read is None else reads[quiet_read]
    assert _falls_as_smooth(Sampler(f, 0.0), spacing, reads[0], quiet, spacing / 4) is smooth


# ---------------------------------------------------------------- derivative: a quotient's scale


def test_a_quotient_whose_steps_power_overflows_is_no_quotient() -> None:
    # x = 1e300 + k 1e160 for |k| <= 2: step**2 = 1e320 is past the floats, where a
    # float's ** raises OverflowError (it does not give inf); no quotient is judged.
    step = 1e160
    points = {float(k): 1e300 + k * step for k in range(-2, 3)}
    sampler = SimpleNamespace(values=dict.fromkeys(points.values(), 1.0))
    estimate = SimpleNamespace(window=[(1e161, 0.0)])
    assert _far_from_window(sampler, estimate, 2, step, points, 0.0) is None  # type: ignore[arg-type]
