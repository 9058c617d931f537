"""calcweb._richardson's newest rules at their boundaries (mutation testing, issue 13).

The rules of 602f0d0 to 580d295: an estimate with no correct digit
(`_no_digit`, `trusted`), the walk's stop past an accepted estimate
(`_Walk.done_after`) and its widening by a quotient that contradicts it
(`_Walk.check_accepted`), the search's step ratio (`_search_shrink`) and the
refined stencil's gain (`_gain`). The oracles: the inequalities of the
docstrings, probed exactly at each bound and one ulp past it (dyadic inputs,
so that every sum and product is exact); Lagrange weights in exact rational
arithmetic; the error messages, word for word.
"""

from __future__ import annotations

import math
import sys
from fractions import Fraction

import pytest
from call_log import Recorder

from calcweb import NumericalError, _richardson
from calcweb._richardson import (
    _GOLDEN,
    LOCAL,
    SPACING,
    TRIES,
    Estimate,
    Sampler,
    _bend,
    _Candidate,
    _collapsed,
    _even_noise,
    _gain,
    _local_drift,
    _local_noise,
    _local_quiet,
    _no_digit,
    _refined_drift,
    _search_shrink,
    _Walk,
    _wide,
    _with_drift,
    trusted,
)

EPS = sys.float_info.epsilon


def sampled(x: float, values: dict[float, float]) -> Sampler:
    """A sampler at ``x`` that has computed ``values`` (offset from x -> value)."""
    sampler = Sampler(lambda t: 0.0, x)
    for offset, value in values.items():
        sampler.values[x + offset if offset else x] = value
    return sampler


# ---------------------------------------------------------------- _no_digit


def test_an_error_equal_to_the_value_leaves_a_digit() -> None:
    # error <= |value|: a digit, whatever the quotient (here 0, no rounding).
    assert not _no_digit(_Candidate(1.0, 1.0, 2, 1, 1e-3, 0.0, 0.0))
    assert not _no_digit(_Candidate(-1.0, 1.0, 2, 1, 1e-3, 0.0, 0.0))
    assert _no_digit(_Candidate(-1.0, math.nextafter(1.0, 2.0), 2, 1, 1e-3, 0.0, 0.0))


def test_an_error_equal_to_the_quotient_plus_16_roundings_is_0_within_rounding() -> None:
    # |last| + 16 x rounding = 0.5 + 16 / 32 = 1.0 exactly; the value 0.5 is below the error.
    at = _Candidate(0.5, 1.0, 2, 1, 1e-3, -0.5, 1.0 / 32.0)
    assert not _no_digit(at)
    past = _Candidate(0.5, math.nextafter(1.0, 2.0), 2, 1, 1e-3, -0.5, 1.0 / 32.0)
    assert _no_digit(past)
    # The rounding counts 16-fold: 1/64 of it leaves 0.5 + 0.25 < 1.
    assert _no_digit(_Candidate(0.5, 1.0, 2, 1, 1e-3, -0.5, 1.0 / 64.0))


# ------------------------------------------------------------------ trusted


def test_an_estimate_with_no_digit_is_refused_word_for_word() -> None:
    no_digit = Estimate(4.3e17, 4.1e33, 86, 0.015, "central", no_digit=True)
    with pytest.raises(NumericalError) as raised:
        trusted(no_digit, 0.5, 2)
    assert str(raised.value) == (
        "the difference quotients of order 2 at x=0.5 never settled into the pattern "
        "that makes an error estimate trustworthy: the best estimate, 4.3e+17 +- 4.1e+33, "
        "has no correct digit (f varies on a scale finer than the steps that resolve it, "
        "or is singular next to x); write f with calcweb's functions (calcweb.sin, ...) "
        "for exact derivatives"
    )


# ----------------------------------------------------------- _search_shrink


@pytest.mark.parametrize(("n", "ratio"), [(1, 4.0), (2, 4.0), (3, 2.0), (4, 2.0), (6, 2.0)])
def test_steps_are_quartered_while_that_multiplies_the_rounding_by_at_most_16(
    n: int, ratio: float
) -> None:
    # 4**n <= 16: n = 2 is exactly at the bound.
    assert _search_shrink(n) == ratio


# -------------------------------------------------------------------- _gain


def lagrange_weights(n: int, nodes: list[int]) -> list[Fraction]:
    """The weights of the order-n derivative at 0 of the polynomial through ``nodes``."""
    weights = []
    for k in nodes:
        # L_k(t) = prod (t - j) / (k - j): its t**n coefficient times n!.
        coefficients = [Fraction(1)]
        denominator = Fraction(1)
        for j in nodes:
            if j == k:
                continue
            shifted = [Fraction(0), *coefficients]  # t * poly
            padded = [*coefficients, Fraction(0)]
            coefficients = [a - j * b for a, b in zip(shifted, padded, strict=True)]
            denominator *= k - j
        weights.append(coefficients[n] * math.factorial(n) / denominator)
    return weights


@pytest.mark.parametrize(("n", "m"), [(1, 1), (2, 1), (1, 2), (2, 3), (3, 2)])
def test_the_gain_is_the_sum_of_the_weights_over_the_step_to_the_n(n: int, m: int) -> None:
    step = 0.25  # at x = 0 the offsets are whole numbers exactly
    nodes = list(range(-m, m + 1))
    exact = sum(abs(w) for w in lagrange_weights(n, nodes)) / Fraction(step) ** n
    assert _gain(0.0, n, m, step) == pytest.approx(float(exact), rel=1e-13, abs=0.0)


def test_the_gain_is_taken_at_the_step_actually_taken() -> None:
    # At x = 1, 0.1 is taken as 1.1 - 1 = 0.10000000000000009.
    taken = (1.0 + 0.1) - 1.0
    assert taken != 0.1
    # The offsets (1 -+ taken) - 1 over taken are -+1 exactly: weights -+1/2.
    assert _gain(1.0, 1, 1, 0.1) == 1.0 / taken != 1.0 / 0.1


@pytest.mark.parametrize(
    ("x", "n", "m", "step"),
    [(-3.7, 5, 7, 0.04888971822960948), (1.0, 4, 8, 0.4513259846889109), (-0.15, 5, 5, 0.09)],
)
def test_the_gain_is_that_of_the_stencil_wide_takes(x: float, n: int, m: int, step: float) -> None:
    # With a noise floor of 1 (f = 0), _wide's rounding bound is sum |w| / H**n of the
    # weights it used, to the last bit: its nodes in its order, from x - m H up.
    sampler = Sampler(lambda t: 0.0, x)
    sampler.noise_floor = 1.0
    found = _wide(sampler, n, m, step)
    assert found is not None
    assert _gain(x, n, m, step) == found[0][1]


# ------------------------------------------------------------ _Walk.done_after


def walk() -> _Walk:
    return _Walk(Sampler(math.sin, 0.0), "central", 1, 1.0, 0.0)


def test_an_estimate_within_1e_8_ends_the_walk_at_once() -> None:
    # error <= 1e-8 |value|: 2e-8 for 2 is exactly at the bound.
    assert walk().done_after(_Candidate(2.0, 2e-8, 2, 1, 1e-3, 2.0, 0.0))
    assert walk().done_after(_Candidate(-2.0, 2e-8, 2, 1, 1e-3, 2.0, 0.0))
    assert not walk().done_after(_Candidate(2.0, math.nextafter(2e-8, 1.0), 2, 1, 1e-3, 2.0, 0.0))


def test_an_estimate_with_digits_ends_the_walk_5_rows_later() -> None:
    going = walk()
    accepted = _Candidate(1.0, 0.5, 2, 1, 1e-3, 1.0, 0.0)
    assert [going.done_after(accepted) for _ in range(5)] == [False] * 4 + [True]
    assert going.fallback is None


def test_an_estimate_with_no_digit_when_kept_never_ends_the_walk() -> None:
    going = walk()
    going.unresolved = True
    accepted = _Candidate(1.0, 4.0, 2, 1, 1e-3, 1.0, 0.0)
    assert not any(going.done_after(accepted) for _ in range(8))
    assert going.fallback is None


def test_an_estimate_that_lost_its_digits_becomes_the_fallback() -> None:
    going = walk()
    lost = _Candidate(1.0, 4.0, 2, 1, 1e-3, 1.0, 0.0)  # 4 > |1| + 16 x 0
    assert [going.done_after(lost) for _ in range(5)] == [False] * 5
    assert going.fallback is lost
    # Once there is a fallback the walk goes on, even past a good-looking estimate.
    assert not any(going.done_after(_Candidate(1.0, 0.5, 2, 1, 1e-3, 1.0, 0.0)) for _ in range(3))


# ------------------------------------------------------- _Walk.check_accepted

L, E = 1.0, 2.0**-10  # the accepted estimate and its error, at the smallest step 1
LAST = 1.25  # its quotient at that step; the row before is different (1.5)
NOISE = 2.0**-8
# At step 0.5 the central quotients' h**2 rate is 1/4: allowed = (0.25 + E) / 4 + E.
ALLOWED = (LAST - L + E) * 0.25 + E
BOUND = 2.0 * ALLOWED + 4.0 * NOISE


def accepted_walk() -> _Walk:
    checked = walk()
    checked.accepted = _Candidate(L, E, 2, 1, 1.0, LAST, 0.0)
    checked.accepted_rows = ((4.0, 9.0), (2.0, 1.5), (1.0, LAST))
    return checked


def test_a_quotient_exactly_as_far_as_allowed_leaves_the_error() -> None:
    checked = accepted_walk()
    before = checked.accepted
    checked.check_accepted(0.5, L + BOUND, NOISE)
    assert checked.accepted is before
    checked.check_accepted(0.5, L - BOUND, NOISE)
    assert checked.accepted is before


@pytest.mark.parametrize("side", [1.0, -1.0])
def test_a_quotient_farther_than_allowed_widens_the_error_by_its_distance(side: float) -> None:
    checked = accepted_walk()
    quotient = math.nextafter(L + side * BOUND, side * math.inf)  # one ulp farther
    apart = abs(quotient - L)
    assert apart > BOUND
    checked.check_accepted(0.5, quotient, NOISE)
    assert checked.accepted == _Candidate(L, E + apart, 2, 1, 1.0, LAST, 0.0)


def test_only_quotients_below_the_smallest_step_are_checked() -> None:
    checked = accepted_walk()
    before = checked.accepted
    checked.check_accepted(1.0, L + 100.0, NOISE)
    assert checked.accepted is before
    checked.accepted_rows = ()
    checked.check_accepted(0.5, L + 100.0, NOISE)
    assert checked.accepted is before


def test_without_an_accepted_estimate_nothing_is_checked() -> None:
    unchecked = walk()
    unchecked.check_accepted(0.5, 100.0, NOISE)
    assert unchecked.accepted is None


# -------------------------------------------------------------------- _bend


def test_the_bend_is_the_narrow_2nd_difference_off_the_wide_ones_curvature() -> None:
    # x = 1, smallest 0.5, step 0.125: wide 2 - 2 x 2 + 5 = 3, narrow 3 - 4 + 7 = 6,
    # scaled by (0.125 / 0.5)**2 = 1/16: |6 - 3/16| = 5.8125, exactly.
    sampler = sampled(1.0, {0.0: 2.0, -0.5: 2.0, 0.5: 5.0, -0.125: 3.0, 0.125: 7.0})
    assert _bend(sampler, 0.125, 0.5) == 5.8125


def test_no_bend_without_the_walks_points_or_when_it_overflows() -> None:
    missing = sampled(1.0, {0.0: 2.0, -0.5: 2.0, -0.125: 3.0, 0.125: 7.0})
    assert _bend(missing, 0.125, 0.5) == 0.0
    huge = sampled(1.0, {0.0: 0.0, -0.5: 0.0, 0.5: 0.0, -0.125: 1e308, 0.125: 1e308})
    assert _bend(huge, 0.125, 0.5) == 0.0


# -------------------------------------------------------------- _local_quiet


def test_the_local_rounding_is_8_eps_of_the_largest_value_within_reach() -> None:
    # n = 2, central: offsets -1, 0, 1 steps (weights up to 2); smallest 0.5 reaches
    # x +- 0.5 (at the edge: counted), not x + 1.
    sampler = sampled(1.0, {0.0: 1.0, 0.5: -2.0, -0.5: 1.5, 1.0: 1000.0})
    estimate = Estimate(0.0, 1.0, 0, 1.0, "central", 0.5)
    assert _local_quiet(sampler, estimate, 2, 1e-10) == 16.0 * EPS
    # Only LOCAL (4) times below quiet counts: at exactly 4 x 16 eps, none.
    assert _local_quiet(sampler, estimate, 2, LOCAL * 16.0 * EPS) == 0.0
    assert _local_quiet(sampler, estimate, 2, math.nextafter(LOCAL * 16.0 * EPS, 1.0)) > 0.0


def test_no_local_rounding_without_a_smallest_step() -> None:
    sampler = sampled(1.0, {0.0: 1.0})
    for smallest in (math.nan, 0.0):
        estimate = Estimate(0.0, 1.0, 0, 1.0, "central", smallest)
        assert _local_quiet(sampler, estimate, 1, 1e-10) == 0.0


# --------------------------------------------------- _with_drift, _refined_drift


REFINED = Estimate(1.0, 0.5, 0, 1.0, "central", 0.25, gain=8.0)


def test_a_refined_first_derivative_is_widened_by_the_drift_times_its_gain(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    drift = Recorder(0.25)
    monkeypatch.setattr(_richardson, "_refined_drift", drift)
    sampler = sampled(1.0, {0.0: 1.0})
    widened = _with_drift(sampler, REFINED, 1, 1e-3, 1e-9)
    assert widened == Estimate(1.0, 0.5 + 0.25 * 8.0, 0, 1.0, "central", 0.25, gain=8.0)
    assert drift.calls == [(sampler, REFINED, 1e-3, 1e-9)]


def test_higher_orders_and_measured_noise_are_not_widened(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    drift = Recorder(0.25, 0.25)
    monkeypatch.setattr(_richardson, "_refined_drift", drift)
    assert _with_drift(sampled(1.0, {0.0: 1.0}), REFINED, 2, 1e-3, 1e-9) is REFINED
    noisy = sampled(1.0, {0.0: 1.0})
    noisy.noise_floor = 1e-12
    assert _with_drift(noisy, REFINED, 1, 1e-3, 1e-9) is REFINED
    assert drift.calls == []


def drifts(
    monkeypatch: pytest.MonkeyPatch, drift: float, local: float, local_drift: float
) -> tuple[Recorder, Recorder, Recorder]:
    recorders = Recorder(drift), Recorder(local), Recorder(local_drift)
    for name, recorder in zip(("_drift", "_local_quiet", "_local_drift"), recorders, strict=True):
        monkeypatch.setattr(_richardson, name, recorder)
    return recorders


def test_the_refined_drift_is_judged_against_a_quarter_of_quiet(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    drift, local, local_drift = drifts(monkeypatch, 0.75, 2.0, 5.0)
    sampler = sampled(1.0, {0.0: 1.0})
    assert _refined_drift(sampler, REFINED, 1e-3, 1e-9) == 0.75
    assert drift.calls == [(sampler, 1e-3, REFINED, 1e-9 / 4.0)]
    assert local.calls == [(sampler, REFINED, 1, 1e-9)]
    assert local_drift.calls == []  # a drift found: the local one is not asked


def test_without_a_drift_the_local_one_is_asked_where_the_rounding_is_local(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sampler = sampled(1.0, {0.0: 1.0})
    _, _, local_drift = drifts(monkeypatch, 0.0, 2.0, 5.0)
    assert _refined_drift(sampler, REFINED, 1e-3, 1e-9) == 5.0
    assert local_drift.calls == [(sampler, REFINED, 1, 1e-3, 2.0)]
    _, _, local_drift = drifts(monkeypatch, 0.0, 0.0, 5.0)
    assert _refined_drift(sampler, REFINED, 1e-3, 1e-9) == 0.0
    assert local_drift.calls == []


# -------------------------------------------------------------- _local_noise


def test_the_local_noise_is_first_measured_where_f_changes_by_2_local(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    measured = Recorder(3.0)
    monkeypatch.setattr(Sampler, "noise_at", lambda self, *args: measured(*args))
    estimate = Estimate(-4.0, 1.0, 0, 1.0, "central", 0.5)
    assert _local_noise(sampled(1.0, {0.0: 1.0}), estimate, 1, 0.125, 2.0**-40) == 3.0
    # SPACING x local / |f'| = 2 x 2**-40 / 4, at x with the slope.
    assert measured.calls == [(1.0, SPACING * 2.0**-40 / 4.0, 0.125, 2.0**-40, -4.0)]


def test_then_at_1e_4_of_the_smallest_step_and_golden_ratios_from_x_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    measured = Recorder(0.0, 0.0, 0.0, 7.0)
    monkeypatch.setattr(Sampler, "noise_at", lambda self, *args: measured(*args))
    estimate = Estimate(-4.0, 1.0, 0, 1.0, "central", 0.5)
    assert _local_noise(sampled(1.0, {0.0: 1.0}), estimate, 1, 0.125, 2.0**-40) == 7.0
    spacing = 0.5 * 1e-4
    tried = [(1.0, spacing, 0.125, 2.0**-40)]
    for _ in range(TRIES - 1):
        spacing *= _GOLDEN
        tried.append((1.0 + 2.0 * spacing, spacing, 0.125, 2.0**-40))
    assert measured.calls[1:] == tried
    # None shows: 0, after the first and TRIES more.
    measured = Recorder()
    assert _local_noise(sampled(1.0, {0.0: 1.0}), estimate, 1, 0.125, 2.0**-40) == 0.0
    assert len(measured.calls) == 1 + TRIES


# -------------------------------------------------------------- _local_drift

STEP = 2.0**-50  # 4 ulp(1): the smallest spacing at x = 1


def linear(slope: float) -> Sampler:
    """A sampler at 1 of slope (t - 1): exact at every float near 1."""
    return Sampler(lambda t: slope * (t - 1.0), 1.0)


def first(value: float, error: float, smallest: float, *window: float) -> Estimate:
    rows = tuple((step, 0.0) for step in window)
    return Estimate(value, error, 0, 1.0, "central", smallest, rows)


def golden_step(k: int) -> float:
    """The k-th spacing in the golden ratio from STEP, as taken at 1."""
    spacing = STEP
    for _ in range(k):
        spacing *= _GOLDEN
    return (1.0 + spacing) - 1.0


def test_the_local_drift_is_taken_at_4_ulps_at_least() -> None:
    # Slope 2 against the estimate's 1: the central difference leaves it by 2 STEP.
    assert _local_drift(linear(2.0), first(1.0, 0.0, 1.0), 1, 0.0, 2.0 * STEP) == 2.0 * STEP


def test_the_local_drift_is_taken_up_to_the_largest_step_of_the_window() -> None:
    assert _local_drift(linear(2.0), first(1.0, 0.0, STEP, STEP), 1, 0.0, 2.0 * STEP) == 2 * STEP
    assert _local_drift(linear(2.0), first(1.0, 0.0, STEP, STEP / 2.0), 1, 0.0, STEP) == 0.0


def test_a_drift_matters_only_if_16_times_it_moves_the_smallest_quotient_by_the_error() -> None:
    # Slope 1 + 1/8 against 1 +- 1/64: drift 2 STEP (1/8 - 1/64) = 7 x 2**-55, and
    # 16 x drift = 7 x 2**-51 = error x smallest at smallest = 7 x 2**-45.
    drift = 7.0 * 2.0**-55
    at = first(1.0, 2.0**-6, 7.0 * 2.0**-45)
    assert _local_drift(linear(1.125), at, 1, 0.0, drift) == 0.0
    below = first(1.0, 2.0**-6, 6.0 * 2.0**-45)
    assert _local_drift(linear(1.125), below, 1, 0.0, drift) == drift


def test_a_drift_of_a_quarter_of_local_is_judged_again_at_a_wider_spacing() -> None:
    # Drift 2 STEP at STEP: exactly a quarter of local, undecided; at the next spacing
    # (STEP x golden) it is 2 x that step, above.
    local = 8.0 * STEP
    wider = golden_step(1)
    assert _local_drift(linear(2.0), first(1.0, 0.0, 1.0), 1, 0.0, local) == 2.0 * wider


def test_a_drift_of_an_eighth_of_local_is_no_noise() -> None:
    assert _local_drift(linear(2.0), first(1.0, 0.0, 1.0), 1, 0.0, 16.0 * STEP) == 0.0


def test_a_drift_undecided_at_every_spacing_tried_is_no_noise() -> None:
    # Values that leave the slope 1 by exactly a quarter of local at each of the TRIES
    # spacings (undecided each time); f itself (slope 9) would show a drift at a 4th.
    local = 2.0**-40
    sampler = linear(9.0)
    for k in range(TRIES):
        step = golden_step(k)
        sampler.values[1.0 - step] = 0.0
        sampler.values[1.0 + step] = 2.0 * step + local / 4.0
    assert _local_drift(sampler, first(1.0, 0.0, 1.0), 1, 0.0, local) == 0.0


# -------------------------------------------------------------- _even_noise

BENT = {0.0: 2.0, -0.5: 2.0, 0.5: 5.0, -0.125: 3.0, 0.125: 7.0}  # bend 5.8125 (above)


def test_even_noise_adds_half_the_bend_times_the_gain() -> None:
    # Local rounding 8 eps x 7 (the largest value within 0.5), far below quiet 1, and
    # below half the bend: twice a quarter of the bend, times the gain.
    final = Estimate(1.0, 0.5, 0, 1.0, "central", 0.5, gain=8.0)
    assert _even_noise(sampled(1.0, BENT), final, 0.125, 1.0) == 2.0 * 5.8125 / 4.0 * 8.0
    # Not refined: the quotients at the smallest step move by 2.5 / step times it.
    walked = Estimate(1.0, 0.5, 0, 1.0, "central", 0.5)
    assert _even_noise(sampled(1.0, BENT), walked, 0.125, 1.0) == 2.0 * 5.8125 / 4.0 * 5.0


def test_even_noise_counts_above_twice_the_local_rounding(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    final = Estimate(1.0, 0.5, 0, 1.0, "central", 0.5, gain=8.0)
    sampler = sampled(1.0, BENT)
    local = Recorder(5.8125 / 2.0, 2.0, 0.0, 0.0)
    monkeypatch.setattr(_richardson, "_local_quiet", local)
    assert _even_noise(sampler, final, 0.125, 1.0) == 0.0  # half the bend, exactly
    assert _even_noise(sampler, final, 0.125, 1.0) == 2.0 * 5.8125 / 4.0 * 8.0
    assert local.calls == [(sampler, final, 1, 1.0)] * 2
    # No local rounding: quiet is the level.
    assert _even_noise(sampler, final, 0.125, 5.8125 / 2.0) == 0.0
    assert _even_noise(sampler, final, 0.125, 2.0) == 2.0 * 5.8125 / 4.0 * 8.0


def test_even_noise_is_taken_at_4_ulps_at_least() -> None:
    final = Estimate(1.0, 0.5, 0, 1.0, "central", 0.5, gain=8.0)
    values = {0.0: 2.0, -0.5: 2.0, 0.5: 5.0, -STEP: 3.0, STEP: 7.0}
    bend = abs(6.0 - 3.0 * (STEP / 0.5) ** 2)
    assert _even_noise(sampled(1.0, values), final, 0.0, 1.0) == 2.0 * bend / 4.0 * 8.0


def test_no_even_noise_without_its_points_a_step_or_where_noise_is_known() -> None:
    final = Estimate(1.0, 0.5, 0, 1.0, "central", 0.5, gain=8.0)
    for missing in (-0.125, 0.125):
        values = {offset: value for offset, value in BENT.items() if offset != missing}
        assert _even_noise(sampled(1.0, values), final, 0.125, 1.0) == 0.0
    noisy = sampled(1.0, BENT)
    noisy.noise_floor = 1e-9
    assert _even_noise(noisy, final, 0.125, 1.0) == 0.0
    for smallest in (math.nan, 0.0):
        unknown = Estimate(1.0, 0.5, 0, 1.0, "central", smallest, gain=8.0)
        assert _even_noise(sampled(1.0, BENT), unknown, 0.125, 1.0) == 0.0
    # A step that overflows at x = 1e308.
    assert _even_noise(sampled(1e308, {0.0: 1.0}), final, 1e308, 1.0) == 0.0


# --------------------------------------------------------------- _collapsed


def collapse(last: float) -> list[tuple[float, float, float]]:
    """Quotients 1, 0, ``last`` at steps 4 apart, roundings 2**-20, 2**-30, 2**-28.

    Two rows before them, with no rounding, change nothing. The jump, 1 over
    2 x 4**6, is 2**-13, above 4 x 2**-20; 1e-10 of 0 adds no agreement.
    """
    return [
        (6.4e-7, 5.0, 0.0),
        (1.6e-7, 3.0, 0.0),
        (4e-8, 1.0, 2.0**-20),
        (1e-8, 0.0, 2.0**-30),
        (2.5e-9, last, 2.0**-28),
    ]


def test_the_two_that_agree_are_judged_by_4_times_their_own_larger_rounding() -> None:
    assert _collapsed(2, collapse(2.0**-26))
    assert _collapsed(2, collapse(-(2.0**-26)))
    assert not _collapsed(2, collapse(math.nextafter(2.0**-26, 1.0)))
