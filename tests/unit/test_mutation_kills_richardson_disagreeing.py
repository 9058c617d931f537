"""calcweb._richardson's second noise measurement and the windows it reads (mutation testing).

Survivors of the mutation run of calcweb/_richardson.py at 9a1984f that the
other kill tests leave: `_disagreeing_noise` measures at the slope of the
disagreeing window (three points where they show no noise), else at the
slope from ``x`` to the point of largest ``|f|``, with the spacing widening
up to ``widest`` over a staircase; a collapse keeps the quotient before the
jump with 4 times its rounding; an estimate's ``larger`` windows are those
at strictly larger steps. The oracles: staircases and lines whose values
are exact, and the formulas of the docstrings.
"""

from __future__ import annotations

import math
import sys

import pytest
from samplers import sampled

from calcweb import _richardson
from calcweb._richardson import SPACING, Estimate, Sampler, _Candidate, _Walk

EPS = sys.float_info.epsilon


def _stairs(t: float) -> float:
    """Stairs 0.25 high and wide: f(t) = floor(4 t) / 4, exact for every float t."""
    return math.floor(4.0 * t) / 4.0


def _disagreeing(value: float, larger: float) -> Estimate:
    """An estimate ``value +- 0.01`` beside a window at larger steps on ``larger +- 0.01``."""
    return Estimate(value, 0.01, 0, 0.1, "central", larger=((larger, 0.01),))


def assert_widened_up_to(sampler: Sampler, point: float, spacing: float, widest: float) -> None:
    """The stencil at ``point`` grew 16-fold from ``spacing`` up to ``widest``, no further."""
    steps = [spacing * 16.0**k for k in range(12) if spacing * 16.0**k <= widest]
    last = _richardson.representable_step(point, steps[-1])
    assert point + 2.0 * last in sampler.values
    wider = _richardson.representable_step(point, 16.0 * steps[-1])
    assert point + 2.0 * wider not in sampler.values


def test_a_staircase_flat_at_the_windows_slope_is_measured_up_to_widest() -> None:
    # At 0.1 the stairs are flat from 0 to 0.25: five equal values at every spacing
    # up to widest = 1e-3, so f is a staircase and its noise is the smallest gap of
    # all its values (0, and 0.25 at 0.35): one stair.
    sampler = sampled(_stairs, 0.1, 0.1, 0.35)
    quiet = 8.0 * EPS * 0.25
    assert _richardson._disagreeing_noise(sampler, _disagreeing(0.0, 1.0), 1e-3, quiet) == 0.25
    assert sampler.slope == 1.0  # measured at the window's slope
    # The spacing grew 16-fold from where f changes by 2 quiet, up to widest only.
    assert_widened_up_to(sampler, 0.1, SPACING * quiet / 1.0, 1e-3)


def test_a_staircase_flat_where_f_is_largest_is_measured_up_to_widest() -> None:
    # A window at slope 0 (nothing to measure at x): measured at 2.6, where |f| is
    # largest, at the slope from x to there, 2.5 / 2.5 = 1; flat there up to widest,
    # so the noise is the smallest gap of all the values (0, 0.25 at 0.35, 2.5): a stair.
    sampler = sampled(_stairs, 0.1, 0.1, 0.35, 2.6)
    quiet = 8.0 * EPS * 2.5
    assert _richardson._disagreeing_noise(sampler, _disagreeing(1.0, 0.0), 1e-3, quiet) == 0.25
    assert_widened_up_to(sampler, 2.6, SPACING * quiet / 1.0, 1e-3)


@pytest.mark.parametrize(("far", "noise"), [(1.35, 0.25), (1.1, 0.0), (0.6, 0.0)])
def test_noise_of_a_quarter_of_f_where_it_is_largest_is_not_taken(far: float, noise: float) -> None:
    # Stairs of 0.25 where f is 1.25 are taken as the noise at x; where f is 1.0 or
    # 0.5 they are a quarter of it or more: f has lost its digits there (as sin(1e20 t)
    # at 0.0058), which says nothing of f near x.
    sampler = sampled(_stairs, 0.1, 0.1, 0.35, far)
    quiet = 8.0 * EPS * _stairs(far)
    disagreeing = _disagreeing(1.0, 0.0)
    assert _richardson._disagreeing_noise(sampler, disagreeing, 1e-3, quiet) == noise


def test_the_slope_to_where_f_is_largest_is_its_difference_over_the_distance() -> None:
    # f(0.3) = 0.25 and f(0.8) = 0.75: the slope from x to there is 0.5 / 0.5 = 1
    # (not (0.75 + 0.25) / 0.5, nor 0.5 / (0.8 + 0.3)); the noise is measured at
    # 0.8 where f changes by 2 quiet per spacing at that slope.
    sampler = sampled(_stairs, 0.3, 0.3, 0.8)
    quiet = 8.0 * EPS * 0.75
    calls = sampler.calls
    _richardson._disagreeing_noise(sampler, _disagreeing(1.0, 0.0), 1e-3, quiet)
    step = _richardson.representable_step(0.8, SPACING * quiet / (0.5 / 0.5))
    assert {0.8 + k * step for k in (-2, -1, 1, 2)} <= sampler.values.keys()
    assert sampler.calls == calls + len(sampler.values) - 2  # every new point counted


def test_the_windows_slope_lets_three_points_show_no_noise() -> None:
    # f(t) = 3 t + 1, a window at its slope 3: at x the three inner points show no
    # noise (the outer two are not needed), nor at 1.0 where |f| is largest.
    sampler = sampled(lambda t: 3.0 * t + 1.0, 0.5, 0.5, 1.0)
    quiet = 8.0 * EPS * 4.0
    assert _richardson._disagreeing_noise(sampler, _disagreeing(0.0, 3.0), 1e-3, quiet) == 0.0
    step = _richardson.representable_step(0.5, SPACING * quiet / 3.0)
    assert {0.5 - step, 0.5 + step} <= sampler.values.keys()
    assert 0.5 + 2.0 * step not in sampler.values
    assert 0.5 - 2.0 * step not in sampler.values


def test_a_collapse_keeps_the_quotient_before_the_jump_with_4_times_its_rounding() -> None:
    # f(t) = t: every quotient is exactly 1. Before it, at steps 4h and 2h, 5 and 1:
    # a jump of 4, far above 64 x 2 x 4 x 1e-3, then none: the walk keeps 5 +- 4e-3
    # at the step 4h as a window it settled on.
    walk = _Walk(Sampler(lambda t: t, 0.5), "central", 1, 0.1, 0.0)
    h = 2.0**-10
    walk.rows = [(4.0 * h, 5.0, 1e-3), (2.0 * h, 1.0, 1e-3)]
    walk.row(h)
    assert [(c.value, c.error, c.smallest) for c in walk.settled] == [(5.0, 4.0 * 1e-3, 4.0 * h)]


def test_the_larger_windows_are_those_at_strictly_larger_steps() -> None:
    # A collapse can keep a quotient at the very step of the accepted entry: it is
    # not at a larger step, and neither is the accepted entry itself.
    walk = _Walk(Sampler(lambda t: t, 0.5), "central", 1, 0.1, 0.0)
    accepted = _Candidate(1.0, 0.125, 2, 1, 0.25)
    walk.accepted = accepted
    walk.settled = [_Candidate(9.0, 0.5, 0, 0, 0.25), _Candidate(3.0, 0.5, 3, 2, 0.5), accepted]
    estimate = walk.result()
    assert estimate is not None
    assert estimate.smallest == 0.25
    assert estimate.larger == ((3.0, 0.5),)


def test_both_noise_measurements_widen_up_to_a_16th_of_the_first_step(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # sin at 0.5 shows no noise at x, so the windows at larger steps are asked too
    # (none disagrees): both measurements may widen their spacing up to first_step / 16.
    widest: list[float] = []
    measure, disagreeing = Sampler.measure_noise, _richardson._disagreeing_noise

    def measure_spy(self: Sampler, spacing: float, wide: float, quiet: float) -> float:
        widest.append(wide)
        return measure(self, spacing, wide, quiet)

    def disagreeing_spy(sampler: Sampler, estimate: Estimate, wide: float, quiet: float) -> float:
        widest.append(wide)
        return disagreeing(sampler, estimate, wide, quiet)

    monkeypatch.setattr(Sampler, "measure_noise", measure_spy)
    monkeypatch.setattr(_richardson, "_disagreeing_noise", disagreeing_spy)
    estimate = _richardson.extrapolate(math.sin, 0.5, 1, 0.1)
    assert abs(estimate.value - math.cos(0.5)) <= estimate.error
    assert widest == [0.1 / 16.0, 0.1 / 16.0]


@pytest.mark.parametrize(("slope", "points"), [(None, 5), (1.0, 3)])
def test_noise_at_another_point_trusts_three_points_only_with_a_slope(
    slope: float | None, points: int
) -> None:
    # f(t) = t + 1 measured at 1.0: with the slope unknown (noise_at's default, 0) the
    # three inner points cannot say "no noise" alone, and the outer two are computed;
    # given its slope, 1, they can. Every call lands in the sampler's count.
    sampler = Sampler(lambda t: t + 1.0, 0.5)
    quiet = 8.0 * EPS * 2.0
    spacing = SPACING * quiet / 1.0
    if slope is None:
        noise = sampler.noise_at(1.0, spacing, 1e-3, quiet)
    else:
        noise = sampler.noise_at(1.0, spacing, 1e-3, quiet, slope)
    assert noise == 0.0
    assert sampler.calls == len(sampler.values) == points
    step = _richardson.representable_step(1.0, spacing)
    assert (1.0 + 2.0 * step in sampler.values) == (points == 5)


# -------------------------------------------------------------- _ruled_out


def _resting_on(*quotients: float) -> Estimate:
    """An estimate 1 +- 2**-7 at smallest step 2**-10, resting on ``quotients``."""
    window = tuple((2.0 ** -(10 - k), quotient) for k, quotient in enumerate(quotients))
    return Estimate(1.0, 2.0**-7, 0, 0.1, "central", 2.0**-10, window)


def test_noise_is_ruled_out_above_16_times_the_error_over_the_smallest_step() -> None:
    # 16 x 2**-7 x 2**-10 = 2**-13: noise moving the quotients at 2**-10 by more than
    # 16 times the error is ruled out; as much is not.
    differing, sampler = _resting_on(1.0, 1.01), Sampler(math.exp, 0.0)
    assert not _richardson._ruled_out(sampler, 2.0**-13, differing)
    assert _richardson._ruled_out(sampler, 2.0**-13 * (1.0 + 2.0**-50), differing)


def test_equal_quotients_rule_out_no_noise() -> None:
    # Equal quotients (steps below the stairs of a staircase f) show no truncation,
    # and no noise either: whatever noise, it is not ruled out; nor with no window.
    sampler = Sampler(math.exp, 0.0)
    assert not _richardson._ruled_out(sampler, 1.0, _resting_on(1.0, 1.0, 1.0))
    unknown = Estimate(1.0, 2.0**-7, 0, 0.1, "central", 2.0**-10)
    assert not _richardson._ruled_out(sampler, 1.0, unknown)


def test_quotients_within_the_rounding_of_the_argument_rule_out_no_noise() -> None:
    # f(t) = t at 1, values at 1 +- 2**-10: a t rounded moves them by up to (1 + 2**-10)
    # eps / 2 (`_rounded_argument`); quotients that agree to less than that over the
    # step (stairs of that rounding at steps of a few ulps) rule nothing out.
    sampler = sampled(lambda t: t, 1.0, 1.0 - 2.0**-10, 1.0 + 2.0**-10)
    rounding = (1.0 + 2.0**-10) * EPS / 2.0
    for agreement, ruled in ((1.01 * rounding, True), (0.99 * rounding, False)):
        window = ((2.0**-9, 1.0), (2.0**-10, 1.0 + 2.0**-40))
        estimate = Estimate(1.0, agreement / 2.0**-10, 0, 0.1, "central", 2.0**-10, window)
        assert _richardson._ruled_out(sampler, 1.0, estimate) == ruled


def test_noise_where_f_is_largest_that_the_quotients_rule_out_is_not_taken() -> None:
    # As test_a_staircase_flat_where_f_is_largest_is_measured_up_to_widest (a stair of
    # 0.25 measured at 2.6), but the estimate's quotients differ and agree to 2**-7 at
    # 2**-10: noise 0.25 would move them by up to 256, far beyond 16 x 2**-7: not taken.
    # With equal quotients it is.
    quiet = 8.0 * EPS * 2.5
    for quotients, noise in (((1.0, 1.01), 0.0), ((1.0, 1.0), 0.25)):
        sampler = sampled(_stairs, 0.1, 0.1, 0.35, 2.6)
        estimate = _resting_on(*quotients)
        estimate = Estimate(
            1.0, 2.0**-7, 0, 0.1, "central", 2.0**-10, estimate.window, larger=((0.0, 0.01),)
        )
        assert _richardson._disagreeing_noise(sampler, estimate, 1e-3, quiet) == noise
