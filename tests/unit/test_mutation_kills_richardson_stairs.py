"""calcweb._richardson's measurements of stairs that cancel, at their edges (mutation testing).

`_collapsed`'s agreement beyond rounding, `_noise_beside`'s golden-ratio retries
and `Sampler._second_difference_noise`'s thresholds and points, each on both
sides of its bound, with values chosen so that the answer is exact.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest
from call_log import recording
from samplers import sampled

import calcweb
from calcweb import _richardson
from calcweb._richardson import _GOLDEN, Sampler

STEP = 2.0**-10  # x + k * STEP is exact at x = 0


def finding_no_noise(
    monkeypatch: pytest.MonkeyPatch, owner: object, name: str
) -> list[tuple[float, ...]]:
    """``owner.name``, a noise measurement, replaced by one that finds none; what it is given.

    It stands for a Sampler method or a function of a Sampler: each call appends the
    arguments after the Sampler (the keyword ones last) to the list returned.
    """
    tried: list[tuple[float, ...]] = []

    def measure(_: Sampler, *arguments: float, **keywords: float) -> float:
        tried.append(arguments + tuple(keywords.values()))
        return 0.0

    monkeypatch.setattr(owner, name, measure)
    return tried


def tabled(values: dict[int, float]) -> Sampler:
    """A Sampler at 0 of f with f(k STEP) = values[k], undefined (ValueError) elsewhere."""

    def f(t: float) -> float:
        k = t / STEP
        if not k.is_integer() or int(k) not in values:
            raise ValueError("f is defined on the table only")
        return values[int(k)]

    sampler = Sampler(f, 0.0)
    for k in range(-2, 3):
        sampler(k * STEP if k else 0.0)
    return sampler


# The five inner values: 2nd differences 0, 0, 1, spread 1.
INNER = {-2: 0.0, -1: 0.0, 0: 0.0, 1: 0.0, 2: 1.0}


def coarse(at_four: float) -> dict[int, float]:
    """INNER and f(-4 STEP) = 0, f(4 STEP) = at_four: 2nd differences 0, 1, at_four - 2."""
    return {**INNER, -4: 0.0, 4: at_four}


def test_second_differences_that_do_not_grow_are_noise() -> None:
    # Spread 1 at the step and at twice it: noise, half the larger spread. The points
    # at twice the step are x +- 2 and 4 steps (at 3, or a 6th point, f is undefined).
    sampler = tabled(coarse(2.0))
    assert sampler._second_difference_noise(STEP, 0.5) == 0.5
    assert sampler.calls == 7


def test_a_coarse_stencil_outside_the_domain_leaves_the_noise_unmeasured() -> None:
    assert tabled(INNER)._second_difference_noise(STEP, 0.5) == 0.0
    # From the left: f fails at -4 steps, and the point at +4 is not asked for.
    sampler = tabled({**INNER, 4: 2.0})
    assert sampler._second_difference_noise(STEP, 0.5) == 0.0
    assert sampler.calls == 6
    assert [point for point, _ in sampler.failed] == [-4.0 * STEP]


def test_a_spread_at_quiet_is_no_noise_and_costs_no_call() -> None:
    sampler = tabled(coarse(2.0))
    assert sampler._second_difference_noise(STEP, 1.0) == 0.0
    assert sampler.calls == 5
    assert sampler._second_difference_noise(STEP, math.nextafter(1.0, 0.0)) == 0.5


@pytest.mark.parametrize(
    ("at_four", "noise"),
    [(6.0, 0.0), (math.nextafter(6.0, 0.0), 4.0 / 2.0), (6.5, 0.0)],
)
def test_a_spread_4_times_larger_at_twice_the_step_is_smoothness(
    at_four: float, noise: float
) -> None:
    # at_four = 6: spread 4 (exactly 4 x 1); 6.5: 4.5 (not below 4, nor 5).
    found = tabled(coarse(at_four))._second_difference_noise(STEP, 0.5)
    assert found == pytest.approx(noise, abs=1e-15)


def test_the_noise_beside_a_point_is_tried_at_three_spacings_in_the_golden_ratio(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tried = finding_no_noise(monkeypatch, Sampler, "noise_at")
    sampler = Sampler(math.sin, 1.0)
    assert _richardson._noise_beside(sampler, 1.5, 0.25, 0.125, 1e-9) == 0.0
    spacings = [0.25, 0.25 / _GOLDEN, 0.25 / _GOLDEN / _GOLDEN]
    assert tried == [(1.5, spacing, 0.125, 1e-9, 0.0) for spacing in spacings]
    # With a slope, each measurement is given it (the 2nd differences' spread is tried).
    tried.clear()
    assert _richardson._noise_beside(sampler, 1.5, 0.25, 0.125, 1e-9, slope=0.07) == 0.0
    assert tried == [(1.5, spacing, 0.125, 1e-9, 0.07) for spacing in spacings]


def test_collapsed_quotients_agree_within_a_16th_of_the_jump() -> None:
    # Steps 4 apart: the jump 1e-6 over 2 x 4096 is 1.2207e-10; a 16th of it is 7.63e-12
    # (a 17th: 7.18e-12), below 1e-10 of the last quotient (5e-11).
    def collapsed(last: float) -> bool:
        rows = [(4e-8, 0.5 + 1e-6, 1e-20), (1e-8, 0.5, 1e-20), (2.5e-9, last, 1e-20)]
        return _richardson._collapsed(2, rows)

    assert collapsed(0.5 + 7.4e-12)
    assert not collapsed(0.5 + 7.8e-12)


# ------------------------------------------------------------------ _drifts


def drifting(values: dict[int, float], x: float = 1.0, step: float = STEP) -> Sampler:
    """A Sampler at ``x`` whose values at ``x + k step`` are ``values[k]`` (k = -2..2)."""
    sampler = Sampler(lambda t: 0.0, x)
    for k, value in values.items():
        sampler.values[x + k * step if k else x] = value
    return sampler


def estimate(value: float, error: float, smallest: float = 0.0) -> _richardson.Estimate:
    return _richardson.Estimate(value, error, 0, 1.0, "central", smallest)


def linear(slope: float) -> dict[int, float]:
    return {k: slope * k * STEP for k in range(-2, 3)}


def test_values_that_leave_the_slope_by_more_than_quiet_drift() -> None:
    # Slope 1 + 2**-5 around x, estimate 1 +- 0: 4 steps apart the values leave it by
    # 4 * 2**-10 * 2**-5 = 2**-13, no 3rd difference: a drift of exactly 2**-13.
    sampler = drifting(linear(1.0 + 2.0**-5))
    assert not _richardson._drifts(sampler, STEP, estimate(1.0, 0.0), 2.0**-13)
    assert _richardson._drifts(sampler, STEP, estimate(1.0, 0.0), math.nextafter(2.0**-13, 0.0))
    # Not beside the slope's opposite, nor the sum of the outer values.
    assert not _richardson._drifts(drifting(linear(1.0)), STEP, estimate(1.0, 0.0), 0.0)


def test_the_estimates_error_over_four_steps_is_allowed() -> None:
    sampler = drifting(linear(1.0 + 2.0**-5))
    # An error of 2**-5 covers the 2**-13 exactly; 7/8 of it leaves 2**-16 (5/4 of it
    # would cover it all).
    assert not _richardson._drifts(sampler, STEP, estimate(1.0, 2.0**-5), 0.0)
    assert _richardson._drifts(sampler, STEP, estimate(1.0, 7.0 * 2.0**-8), 0.0)


def test_the_truncation_allowed_is_four_thirds_of_the_third_difference() -> None:
    # c (k**3 + k): 4 steps apart the values differ by 20c, the 3rd difference is 12c,
    # so 4/3 of it leaves a drift of 4c (estimate 0 +- 0).
    c = 2.0**-20
    sampler = drifting({k: c * (k**3 + k) for k in range(-2, 3)})
    assert _richardson._drifts(sampler, STEP, estimate(0.0, 0.0), 0.0)
    assert _richardson._drifts(sampler, STEP, estimate(0.0, 0.0), math.nextafter(4.0 * c, 0.0))
    assert not _richardson._drifts(sampler, STEP, estimate(0.0, 0.0), 4.0 * c)
    assert not _richardson._drifts(sampler, STEP, estimate(0.0, 0.0), 6.0 * c)


def test_a_drift_counts_where_16_times_it_exceeds_the_error_times_the_smallest_step() -> None:
    sampler = drifting(linear(1.0 + 2.0**-5))
    error = 2.0**-20
    drift = 2.0**-13 - 2.0**-8 * error
    at_edge = estimate(1.0, error, 16.0 * drift / error)  # 2047.9375: exact
    quiet = drift / 8.0  # a drift of 8 quiet, no more, counts only where it matters
    assert not _richardson._drifts(sampler, STEP, at_edge, quiet)
    below = estimate(1.0, error, math.nextafter(16.0 * drift / error, 0.0))
    assert _richardson._drifts(sampler, STEP, below, quiet)


def test_a_drift_above_8_quiet_counts_where_it_does_not_matter() -> None:
    # Within one stair the drift is the stair's slope, not a part of its height.
    sampler = drifting(linear(1.0 + 2.0**-5))
    error = 2.0**-20
    drift = 2.0**-13 - 2.0**-8 * error
    at_edge = estimate(1.0, error, 16.0 * drift / error)  # where it does not matter
    assert _richardson._drifts(sampler, STEP, at_edge, math.nextafter(drift / 8.0, 0.0))
    assert not _richardson._drifts(sampler, STEP, at_edge, drift / 8.0)


def test_a_drift_is_looked_for_at_four_ulps_of_x_at_least() -> None:
    # Spacing 0 at x = 1: the points are 1 + k 2**-50 (4 ulps), their values 2k 2**-50.
    sampler = drifting(linear(2.0), step=4.0 * math.ulp(1.0))
    sampler.values = {1.0 + k * 2.0**-50: 2.0 * k * 2.0**-50 for k in range(-2, 3)}
    assert _richardson._drifts(sampler, 0.0, estimate(1.0, 0.0), 0.0)


def test_no_drift_without_the_five_points_or_a_step() -> None:
    assert not _richardson._drifts(Sampler(math.sin, 1.0), STEP, estimate(1.0, 0.0), 0.0)
    huge = Sampler(math.sin, 1e308)
    assert not _richardson._drifts(huge, 1e308, estimate(1.0, 0.0), 0.0)  # x + h overflows


# ------------------------------------------------------------------ where it is measured


def test_the_noise_below_the_smallest_step_is_tried_at_four_spacings_16_apart(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tried = finding_no_noise(monkeypatch, _richardson, "_noise_beside")
    sampler = Sampler(math.sin, 0.5)
    assert _richardson._noise_down_to(sampler, 0.25, 0.125, 1e-9) == 0.0
    spacings = [0.125, 0.125 / 16, 0.125 / 256, 0.125 / 4096]
    assert tried == [(0.5, spacing, 0.125, 1e-9) for spacing in spacings]


def test_the_noise_after_a_collapse_is_measured_beside_the_three_smallest_jumps(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tried = finding_no_noise(monkeypatch, _richardson, "_noise_beside")
    monkeypatch.setattr(Sampler, "measure_noise", lambda *args: 0.0)
    sampler = sampled(math.sin, 0.5, 0.5)
    found = _richardson.Estimate(
        0.125, 0.25, 0, 1.0, "central", larger=((1.0, 0.0),), jumps=(4e-3, 1e-3, 8e-3, 2e-3)
    )
    assert _richardson._disagreeing_noise(sampler, found, 0.125, 1e-9) == 0.0
    expected = [  # with the walk's slope (stairs that fell evenly: the 2nd differences),
        # and a kink that the stencils reach across taken for none (_kinked)
        (0.5 + side * jump, jump / 2.0, 0.125, 1e-9, 0.125, True)
        for jump in (1e-3, 2e-3, 4e-3)
        for side in (1.0, -1.0)
    ]
    assert tried == expected


def test_the_noise_where_f_is_largest_is_measured_at_its_slope(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tried = finding_no_noise(monkeypatch, Sampler, "noise_at")
    sampler = sampled(lambda t: 4.0 * t, 0.5, 0.5, 1.0)  # the slope from x to 1.0: 4
    found = _richardson.Estimate(1.0, 0.0, 0, 1.0, "central", larger=((0.0, 0.0),))
    assert _richardson._disagreeing_noise(sampler, found, 0.125, 1e-9) == 0.0
    assert tried == [(1.0, _richardson.SPACING * 1e-9 / 4.0, 0.125, 1e-9)]


def test_a_drift_has_the_noise_measured_below_the_smallest_step_up_to_a_16th_of_the_first(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(_richardson, "_drifts", lambda *args: True)
    tried = finding_no_noise(monkeypatch, _richardson, "_noise_down_to")
    _richardson.extrapolate(math.sin, 1.0, 1, 0.5)
    assert tried
    assert {widest for _, widest, _ in tried} == {0.5 / 16.0}


def test_the_steps_outside_the_domain_go_down_to_1e_12_of_a_small_first_step() -> None:
    # f defined at 0 only, first step 2**-20: 16-fold down while at least 1e-12 of it
    # (9.5e-19): 2**-56 still is, 2**-60 is tried last.
    def only_at_0(t: float) -> float:
        if t != 0.0:
            raise ValueError("undefined")
        return 1.0

    f, calls = recording(only_at_0)
    with pytest.raises(calcweb.DomainError):
        _richardson.extrapolate(f, 0.0, 1, 2.0**-20)
    assert min(abs(t) for t in calls if t) == 2.0**-60


def test_the_estimate_lists_the_jumps_above_its_smallest_step_only() -> None:
    walk = _richardson._Walk(Sampler(math.sin, 1.0), "central", 1, 1.0, 0.0)
    walk.accepted = _richardson._Candidate(0.5, 1e-9, 2, 1, 0.25)
    walk.jumps = [0.125, 0.25, 0.5]
    estimate = walk.result()
    assert estimate is not None
    assert estimate.jumps == (0.5,)


# ------------------------------------------------------------------ a kink is no noise


def kinked(f: Callable[[float], float], noise: float = 1.0) -> bool:
    """`_kinked` at 0, spacing STEP, for values of f at the offsets its noise tests take."""
    sampler = Sampler(f, 0.0)
    for k in (-8, -4, -2, -1, 0, 1, 2, 4, 8):
        sampler(k * STEP if k else 0.0)
    return _richardson._kinked(sampler, 0.0, STEP, noise)


@pytest.mark.parametrize(
    ("corner", "expected"),
    [
        (1.5, True),  # between 1 and 2 steps: the triples about 1 and 2 bend one way
        (2.0, True),  # at a point, the last but two: one bend, 3 values on its right
        (-2.0, True),  # at the third point: 3 values on its left
        (-4.0, False),  # at the second point: a stair in the outer gap bends that triple too
        (4.0, False),  # at the last point but one: the same
        (8.0, False),  # at the last point: a line, no bend
    ],
)
def test_a_kink_is_two_lines_meeting_at_one_place(corner: float, expected: bool) -> None:
    assert kinked(lambda t: 4.0 * abs(t / STEP - corner) - t / STEP) == expected


def test_a_stair_bends_its_two_triples_opposite_ways() -> None:
    assert not kinked(lambda t: 4.0 if t / STEP > 1.5 else 0.0)
    assert not kinked(lambda t: t / STEP + (4.0 if t / STEP > 1.5 else 0.0))


def test_two_corners_are_no_kink() -> None:
    # At -2 and 2, both convex: two bends of one sign, not next to each other.
    assert not kinked(lambda t: 4.0 * abs(t / STEP + 2.0) + 4.0 * abs(t / STEP - 2.0))


@pytest.mark.parametrize(("bump", "expected"), [(1.0 / 8.0, True), (0.13, False)])
def test_each_side_is_a_line_to_within_an_eighth_of_the_noise(bump: float, expected: bool) -> None:
    # The value at -1 off the left line by b bends the triple about it by b, and those
    # about -2 and 0 by 2b/3 and b/2: b = 1/8 is within an eighth of the noise (1), 0.13
    # is not, and makes a third bend.
    def f(t: float) -> float:
        k = t / STEP
        return 4.0 * abs(k - 1.5) + (bump if k == -1.0 else 0.0)

    assert kinked(f) == expected
