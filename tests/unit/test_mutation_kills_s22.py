"""Mutation tests for the functions session 21 added or changed (MUT15, session 22).

tools/mutation/one_function.py ran mutmut 3.8.1's mutants at 80070e4 of the functions
session 21 added or changed (tools/mutation/HISTORY.md), each against every test that
reached it. Each test below kills survivors by a direct call: a boundary the code states,
hit exactly (found by an ulp search where no round number hits it), values set by hand,
or a stand-in Sampler or helper that records what it was asked; or by calcweb's grad,
jacobian and hessian where the survivor changed what they answer or refuse. No mpmath:
these run inside Pyodide too.
"""

from __future__ import annotations

import math
import re
from types import SimpleNamespace
from typing import Any

import pytest
from test_integrate_int20 import A, B, stairs

from calcweb import (
    DerivativeResult,
    _richardson,
    directional_derivative,
    grad,
    hessian,
    jacobian,
)
from calcweb._gauss_kronrod import K21
from calcweb._integrate import _between_plateaus, _log_log_share, _Panels
from calcweb._richardson import (
    _CURVING,
    _EPS,
    _GOLDEN,
    Sampler,
    _comes_nearer_zero,
    _curving,
    _gain_near_zero,
    _noise_nearest_zero,
    _weights,
)
from calcweb.exceptions import ArgumentTypeError, InvalidArgumentError, NumericalError
from calcweb.jet import Jet
from calcweb.limits import _deeper, _held_after, _passed, _steady_blocks
from calcweb.multivariate import (
    ArrayResult,
    _array_of,
    _full_output_flag,
    _in_units_of_x,
    _jacobian_by_jets,
    _lossy,
    _method_of,
    _mixed_on_jets,
    _polarised_result,
)

# ------------------------------------------------------------------ _log_log_share


def _share(fit: tuple[float, float], near: tuple[float, float], far: tuple[float, float]) -> float:
    """`_log_log_share` of fits given as (p, n); the fitted tails do not enter."""
    return _log_log_share((0.0, *fit), (0.0, *near), (0.0, *far))


@pytest.mark.parametrize(
    ("fit", "near", "far"),
    [
        ((1.549, 38.9), (1.5833, 29.5), (1.5833, 20.4)),  # p did not fall from far to near
        ((1.549, 38.9), (1.549, 29.5), (1.6474, 20.4)),  # nor from near to now
        ((1.0, 38.9), (1.0343, 29.5), (1.0984, 20.4)),  # p = 1: no power law's tail
        ((1.549, 29.5), (1.5833, 29.5), (1.6474, 20.4)),  # no halving since the near fit
        ((1.549, 38.9), (1.5833, 29.5), (1.6474, 29.5)),  # none between the two back
    ],
)
def test_fits_that_do_not_fall_strictly_over_strictly_more_halvings_share_nothing(
    fit: tuple[float, float], near: tuple[float, float], far: tuple[float, float]
) -> None:
    assert _share(fit, near, far) == 1.0


def test_a_p_that_settles_below_2_is_a_power_of_log_x() -> None:
    # L = (p - 1) / drift = 0.1 / (1e-4 / log(4/3)) = 288, far beyond log(log x): the
    # factor is 1 (the settled p is below 2: (p - 2) / drift would be negative).
    assert _share((1.1, 60.0), (1.1001, 45.0), (1.1002, 30.0)) == 1.0


def test_an_l_of_exactly_twice_log_n_log_2_is_not_settled() -> None:
    # (p - 1) / drift is 2 log(64 log 2) = 7.5847... to the last bit (found by an ulp
    # search): not beyond it, so the drift is a log-log tail's and the factor 1.149.
    fit, near, far = (1.637296770835816, 64.0), (1.6614688384256757, 48.0), (1.69, 32.0)
    drift = (near[0] - fit[0]) / math.log(fit[1] / near[1])
    assert (fit[0] - 1.0) / drift == 2.0 * math.log(64.0 * math.log(2.0))
    assert _share(fit, near, far) == pytest.approx(1.1494762969, rel=1e-9)


def test_an_l_just_beyond_twice_log_n_log_2_is_settled() -> None:
    # L = 7.99 at n = 64: beyond 2 log(64 log 2) = 7.58, not beyond 2 log(64 / log 2)
    # = 9.05 nor 3 log(64 log 2) = 11.4.
    fit, near, far = (1.5, 64.0), (1.518, 48.0), (1.55, 32.0)
    drift = (near[0] - fit[0]) / math.log(fit[1] / near[1])
    assert 7.9 < (fit[0] - 1.0) / drift < 8.0
    assert _share(fit, near, far) == 1.0


def test_a_drift_that_shows_p_above_1_over_both_spans_is_summed() -> None:
    # P = 2 over the last span, 1.8 over the longer one (not 0.9, as (p - 1)**3 would
    # make it): a tail that converges, 1.577 times the power law's.
    fit, near, far = (1.5, 40.0), (1.5359602590564727, 30.0), (1.5962704417444369, 20.0)
    assert _share(fit, near, far) == pytest.approx(1.5773502692, rel=1e-9)


def test_a_drift_that_shows_p_of_exactly_1_over_the_longer_span_diverges() -> None:
    # (p - 1)**2 log(n / n_far) / (p_far - p) is 1.0 to the last bit (an ulp search).
    fit, near, far = (
        (1.500565513677268, 40.0),
        (1.5366071628082647, 30.0),
        (1.6742445147006533, 20.0),
    )
    assert (fit[0] - 1.0) ** 2 * math.log(fit[1] / far[1]) / (far[0] - fit[0]) == 1.0
    assert _share(fit, near, far) == math.inf


def _drifting(p: float, exponent: float) -> tuple[tuple[float, float], ...]:
    """Fits (p, n) at n = 40, 30 and 20 whose drift shows ``exponent`` (P) over both spans."""
    near = p + (p - 1.0) ** 2 / exponent * math.log(40.0 / 30.0)
    far = p + (p - 1.0) ** 2 / exponent * math.log(40.0 / 20.0)
    return (p, 40.0), (near, 30.0), (far, 20.0)


@pytest.mark.parametrize(
    ("p", "exponent", "share"),
    [
        (1.5, 1.2, math.inf),  # the slope's quadratic has no real root: no such tail
        (1.5, 1.5, 2.0),  # its discriminant 0.5625, linear + sqrt(it) 1.5
        (1.8, 1.8, 1.25),  # linear + sqrt(discriminant) 0.72
    ],
)
def test_the_slope_is_the_root_near_p_where_there_is_one(
    p: float, exponent: float, share: float
) -> None:
    assert _share(*_drifting(p, exponent)) == pytest.approx(share, rel=1e-12)


def test_a_discriminant_of_exactly_0_gives_the_double_root() -> None:
    # P = 4 - 4/p puts the discriminant at 0; p_near moved by ulps until it is 0.0
    # exactly: the slope is 2p / linear, the factor 1.93.
    fit, near, far = (
        (1.5089837813115297, 40.0),
        (1.5642222108939847, 30.0),
        (1.6420764046972134, 20.0),
    )
    exponent = (fit[0] - 1.0) ** 2 / ((near[0] - fit[0]) / math.log(fit[1] / near[1]))
    linear = fit[0] * (2.0 - exponent)
    assert linear**2 + 4.0 * fit[0] * (exponent - fit[0]) == 0.0
    assert _share(fit, near, far) == pytest.approx(1.9318056104, rel=1e-9)


def test_a_double_root_at_0_has_no_slope() -> None:
    # P = p = 2.343 exactly (an ulp search): linear + sqrt(discriminant) is 0.0.
    fit, near = (2.3429059626098008, 40.0), (2.5643424304436806, 30.0)
    far = (fit[0] + (fit[0] - 1.0) ** 2 / fit[0] * math.log(2.0), 20.0)
    exponent = (fit[0] - 1.0) ** 2 / ((near[0] - fit[0]) / math.log(fit[1] / near[1]))
    assert exponent == fit[0]
    linear = fit[0] * (2.0 - exponent)
    assert linear + math.sqrt(linear**2) == 0.0
    assert _share(fit, near, far) == math.inf


# ------------------------------------------------------------------ _between_plateaus


def _entry(samples: tuple[float, ...], missed: float) -> Any:
    return SimpleNamespace(panel=SimpleNamespace(samples=samples), miss=(0.5, missed, 0.25))


@pytest.mark.parametrize(
    ("samples", "missed", "between"),
    [
        ((0.0, 1.0, 1.0), 1.0, True),  # two values, the miss at the higher one
        ((0.0, -2.0, 0.0), -2.0, True),  # higher in |f|
        ((0.0, 1.0, 1.0), 0.5, False),  # a miss between them: a peak's flank
        ((0.0, 1.0, 1.0), 0.0, False),  # the miss on the lower plateau
        ((0.0, 0.5, 1.0), 1.0, False),  # three values: a slope
        ((1.0, 1.0, 1.0), 1.0, False),  # one value: no jump
    ],
)
def test_a_jump_between_plateaus_misses_at_the_higher_one(
    samples: tuple[float, ...], missed: float, between: bool
) -> None:
    assert _between_plateaus(_entry(samples, missed)) is between


# ------------------------------------------------------------------ _Panels.split


def test_an_ancestors_centre_at_a_halfs_right_end_is_checked() -> None:
    # test_integrate_int20's case mirrored (f(-x) on [-B, -A]: every midpoint and
    # radius the exact negation): the step sits in the sliver at the inner half's
    # right end, where the first panel's centre is 1 + 4e-16 radii from the centre
    # by rounding, and is clamped to 1 so that `missed` checks it.
    panels = _Panels(lambda x: stairs(-x), K21)
    panels.ends = (-B, -A)
    panels.add(-B, -A, lone=True)
    _, _, right = panels.split(0)
    middle = right.a
    index = next(i for i, entry in enumerate(panels.entries) if entry.panel.b == middle)
    _, _, inner = panels.split(index)
    entry = next(entry for entry in panels.entries if entry.panel is inner)
    radius = 0.5 * inner.b - 0.5 * inner.a
    assert (middle - (0.5 * inner.a + 0.5 * inner.b)) / radius > 1.0
    assert entry.miss[0] == middle
    assert entry.unresolved
    assert entry.error > 0.004 * (inner.b - inner.a)


# ------------------------------------------------------------------ limits' _passed

ULP = 2.0**-52  # of 1.0


def test_a_held_value_reached_from_past_the_value_goes_nowhere() -> None:
    # A fall from 0.9 lands 10 ulps past 1.0, two ulp steps, then 17 samples hold
    # 1 + 12 ulps: the run of ulp steps moved 2 ulps, less than the 12 past 1.0.
    values = [0.9] * 4 + [1.0 + 10 * ULP, 1.0 + 11 * ULP] + [1.0 + 12 * ULP] * 17
    assert _held_after(values) == 1.0
    assert _passed(values, 1.0) == 0.0
    # From 1 + 10 ulps, the run left the value itself: 2 ulps past, and 2 moved.
    assert _passed(values, 1.0 + 10 * ULP) == 4 * ULP


def test_a_tail_that_first_holds_then_falls_by_ulps_is_read_by_its_ends() -> None:
    # The tail's first step is 0; then 8 one-ulp steps down to 1.0 and one of 2**-50
    # to 1 - 2**-50, within ULPS ulps of the tail's largest sample (1 + 8 ulps) but
    # not of the last (below 1): its ends fall, the step into the last is no drift.
    values = [1.0 + 8 * ULP] * 9 + [1.0 + (8 - k) * ULP for k in range(1, 9)] + [1.0 - 2.0**-50]
    assert _held_after(values) == 0.0
    assert _passed(values, 1.0 + 16 * ULP) == 32 * ULP


LOW = 1.0 - 2.0**-50  # 4 ulps of 1.0 below it: 8 of its own


@pytest.mark.parametrize(
    "values", [[1.0] * 16 + [LOW], [1.0] * 8 + [LOW] * 16], ids=["at-the-last", "at-the-first"]
)
def test_a_tail_is_read_from_its_first_to_its_last_sample(values: list[float]) -> None:
    # The tail holds 1.0 and falls by 2**-50 at its last step, or falls at its first
    # and holds: within ULPS ulps of the tail's largest, 1.0, but not of the value
    # after the step, below 1, so `_held_after` finds no drift into it. The tail's
    # ends fall: 12 ulps past 1 + 8 ulps, and the run moved 4 (ulps of 1).
    assert _held_after(values) == 0.0
    assert _passed(values, 1.0 + 8 * ULP) == 16 * ULP


def test_a_held_value_reached_by_steps_of_exactly_the_rounding_goes_on() -> None:
    # Steps of 2**-50, ULPS ulps of the tail's largest sample (1.0) exactly, into 1.0,
    # held over the last 17: the run moved 3 of them, from the value itself.
    step = 2.0**-50
    values = [1.0 - 3 * step, 1.0 - 2 * step, 1.0 - step] + [1.0] * 17
    assert _passed(values, 1.0 - 3 * step) == 6 * step


# ------------------------------------------------------------------ _deeper


def test_changes_above_the_tail_ratio_are_summed_at_their_own_ratio() -> None:
    # Changes 10 and 9.5: the ratio 0.95, the tail 2 x 9.5 x 0.95 / 0.05 = 361 (the
    # usual entries' 0.9 gave 171).
    value, error = _deeper(100.0, [90.0, 80.5])
    assert value == 80.5
    assert error == pytest.approx(2.0 * 9.5 * 0.95 / 0.05, rel=1e-12)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([100.0, 90.0, 80.0], (80.0, 180.00000000000003)),  # ratio 1: the entry's 0.9 tail
        ([1.0, 1.0, 0.5], (0.5, math.inf)),  # no change before: the entry's, inf (f moving)
    ],
)
def test_changes_that_do_not_shrink_keep_the_entrys_error(
    values: list[float], expected: tuple[float, float]
) -> None:
    assert _deeper(values[0], values[1:]) == expected


# ------------------------------------------------------------------ _held_after


@pytest.mark.parametrize(
    ("values", "sign"),
    [
        ([1.0 - 2.0**-50, 1.0, 1.0], 1.0),  # up by ULPS ulps of the last, 1.0, exactly
        ([1.0 + 2.0**-50 + 2.0**-52, 1.0, 1.0], 0.0),  # down by an ulp more: a jump
        ([2.0, 3.0, 1.0 - 2.0**-50, 1.0], 1.0),  # the step is from the last other value
        ([2.0 - 2.0**-49, 2.0], 1.0),  # ULPS ulps of 2.0, the last sample
        ([1.0, 2.0, math.inf], 0.0),  # an infinite last value has no step into it
    ],
)
def test_the_held_value_goes_on_the_way_the_step_into_it_went(
    values: list[float], sign: float
) -> None:
    assert _held_after(values) == sign


# ------------------------------------------------------------------ _steady_blocks


def _climbing(steps: list[int], scale: float = 1.0) -> list[float]:
    """Samples that climb to ``scale`` by the ``steps``, in units of 2**-53 (ulps below 1)."""
    h = 2.0**-53
    values = [1.0 - sum(steps) * h]
    for step in steps:
        values.append(values[-1] + step * h)
    assert values[-1] == 1.0
    return [scale * value for value in values]


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_blocks_that_differ_by_exactly_their_blur_move_alike(scale: float) -> None:
    # The blur is 4 ULPS eps times the largest sample: 32 units of 2**-53 at 1.0. The
    # first block of 8 steps climbs 40, the last 8: exactly the blur apart.
    assert _steady_blocks(_climbing([5] * 8 + [1] * 8, scale))
    # One unit more in the first step (or in the last block's first) is beyond it.
    assert not _steady_blocks(_climbing([6] + [5] * 7 + [1] * 8, scale))
    assert not _steady_blocks(_climbing([5] * 8 + [0] + [1] * 7, scale))


def test_fewer_than_17_samples_show_no_blocks() -> None:
    # 16 samples that settle (steps of 10 units, then of 1) are too few to judge:
    # steady; 17 are judged (blocks of 80 and 8).
    assert _steady_blocks(_climbing([10] * 8 + [1] * 7))
    assert not _steady_blocks(_climbing([10] * 8 + [1] * 8))


# ------------------------------------------------------------------ _noise_nearest_zero


class _NoiseAsked(Sampler):
    """A Sampler whose `noise_at` records what it was asked and reads 1.0."""

    asked: tuple[float, float, float, float]

    def noise_at(
        self,
        point: float,
        spacing: float,
        widest: float,
        quiet: float,
        slope: float = 0.0,  # noqa: ARG002
    ) -> float:
        self.asked = (point, spacing, widest, quiet)
        return 1.0


@pytest.mark.parametrize(
    ("x", "nearest"),
    [(-0.7, -0.7 + 6 * 0.125), (-0.83, -0.83 + 6 * 0.125)],
    ids=["past-0", "short-of-0"],
)
def test_the_noise_is_measured_at_the_wide_stencils_point_nearest_0(
    x: float, nearest: float
) -> None:
    # The 13 points x + k/8, |k| <= 6: the last (k = 6) is the one nearest 0 (at -0.83,
    # x + 7/8 would be nearer, but is not in the stencil). f = 3 + 2t: the slope 2,
    # quiet 8 eps max |f|, the spacing where f changes by 2 quiet.
    sampler = _NoiseAsked(lambda t: 3.0 + 2.0 * t, x)
    assert _noise_nearest_zero(sampler, 6, 0.125) == 1.0
    quiet = 8.0 * _EPS * (3.0 + 2.0 * (x + 0.75))
    assert sampler.asked == pytest.approx((nearest, quiet, 0.125 / 16.0, quiet), rel=1e-12, abs=0.0)
    assert sampler.calls == 13  # the stencil's points only


def test_the_spacing_is_from_the_slope_between_the_nearest_points_neighbours() -> None:
    # At -0.3 the point nearest 0 is -0.05 (k = 2); its neighbours -0.175 and 0.075
    # give f = 1 + t**2 the slope -0.1, f' at -0.05 exactly (a parabola's chord).
    sampler = _NoiseAsked(lambda t: 1.0 + t * t, -0.3)
    _noise_nearest_zero(sampler, 6, 0.125)
    point, spacing, _, quiet = sampler.asked
    assert point == pytest.approx(-0.05, rel=1e-12, abs=0.0)
    assert quiet == pytest.approx(8.0 * _EPS * (1.0 + 1.05**2), rel=1e-12, abs=0.0)  # f at -1.05
    assert spacing == pytest.approx(2.0 * quiet / 0.1, rel=1e-12, abs=0.0)


def test_a_flat_f_is_measured_at_a_ten_thousandth_of_the_step() -> None:
    sampler = _NoiseAsked(lambda t: 5.0, -0.3)
    _noise_nearest_zero(sampler, 6, 0.125)
    assert sampler.asked[1] == 0.125 * 1e-4


# ------------------------------------------------------------------ _comes_nearer_zero


@pytest.mark.parametrize(
    ("x", "m", "step", "nearer"),
    [
        (-0.25, 1, 0.125, False),  # -0.125 is |x| / 2 exactly, not nearer 0
        (-0.3, 1, 0.1875, True),  # -0.1125: nearer than 0.15 (not than |x| / 3)
        (0.25, 2, 0.125, True),  # k = -2 reaches 0
        (-0.25, 2, 0.125, True),  # k = 2 reaches 0
        (-0.375, 1, 0.125, False),  # k = 2 would reach -0.125; m = 1 stops at -0.25
    ],
)
def test_a_point_of_the_stencil_comes_nearer_0_than_half_x(
    x: float, m: int, step: float, nearer: bool
) -> None:
    assert _comes_nearer_zero(x, m, step) is nearer


# ------------------------------------------------------------------ _curving


class _Readings(Sampler):
    """A Sampler whose `irregular_noise` reads ``next`` and records what it was asked."""

    def __init__(self, reading: float) -> None:
        super().__init__(lambda t: t, 0.0)
        self.next = reading
        self.asked: list[tuple[float, float]] = []

    def irregular_noise(self, spacing: float, quiet: float) -> float:
        self.asked.append((spacing, quiet))
        return self.next


@pytest.mark.parametrize(
    ("previous", "reading", "following", "curving"),
    [
        (2.0, 2.0 * _CURVING, _CURVING * (2.0 * _CURVING), True),  # _CURVING times, twice
        (2.0, 2.0 * _CURVING, _CURVING * (2.0 * _CURVING) * (1.0 - 2.0**-50), False),
        (2.0, _CURVING, 1e9, False),  # grew only _CURVING / 2 times
        (0.0, 1.0, 1e9, False),  # no reading before
    ],
)
def test_readings_that_grow_curving_times_twice_are_fs_curvature(
    previous: float, reading: float, following: float, curving: bool
) -> None:
    sampler = _Readings(following)
    assert _curving(sampler, 0.5, reading, previous, 1e-3) is curving
    if previous and reading >= _CURVING * previous:
        assert sampler.asked == [(0.5 * _GOLDEN, 1e-3)]  # the next spacing, the same quiet
    else:
        assert sampler.asked == []


# ------------------------------------------------------------------ _stairs_unevenly


class _Spacings(Sampler):
    """A Sampler whose `irregular_noise` reads none and records the spacings asked."""

    def __init__(self) -> None:
        super().__init__(lambda t: t, 0.0)
        self.values = {0.0: 1.0}
        self.spacings: list[float] = []

    def irregular_noise(self, spacing: float, quiet: float) -> float:  # noqa: ARG002
        self.spacings.append(spacing)
        return 0.0


@pytest.mark.parametrize(
    ("n", "error", "shown", "stopped"),
    [
        (1, 2.0, True, True),  # a first derivative: at f's scale, 1e-5, where shown
        (2, 1.0, True, False),  # an error of all of the value puts f on no scale
        (2, 0.5, True, True),
        (1, 0.5, False, False),  # no truncation shown: no scale
    ],
)
def test_the_uneven_spacings_stop_at_fs_scale_where_the_estimate_puts_it(
    monkeypatch: pytest.MonkeyPatch, n: int, error: float, shown: bool, stopped: bool
) -> None:
    monkeypatch.setattr(_richardson, "_maybe_on_stairs", lambda *_: True)
    monkeypatch.setattr(_richardson, "_truncation_shown", lambda *_: shown)
    monkeypatch.setattr(_richardson, "_scale_spacing", lambda _: 1e-5)
    sampler = _Spacings()
    estimate = SimpleNamespace(window=[(1e-3, 1.0)], smallest=1e-6, error=error, value=1.0)
    assert _richardson._stairs_unevenly(sampler, estimate, n, 1.0, 1e-3) == 0.0  # type: ignore[arg-type]
    assert (max(sampler.spacings) <= 1e-5) is stopped
    assert max(sampler.spacings) > 1e-3 or stopped  # else up to 16 window steps


def test_a_spacing_of_exactly_fs_scale_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_richardson, "_maybe_on_stairs", lambda *_: True)
    monkeypatch.setattr(_richardson, "_truncation_shown", lambda *_: True)
    monkeypatch.setattr(_richardson, "_scale_spacing", lambda _: 1e-6)
    sampler = _Spacings()
    estimate = SimpleNamespace(window=[(1e-3, 1.0)], smallest=1e-6, error=2.0, value=1.0)
    _richardson._stairs_unevenly(sampler, estimate, 1, 1.0, 1e-3)  # type: ignore[arg-type]
    assert sampler.spacings == [1e-6]


# ------------------------------------------------------------------ _gain_near_zero


@pytest.mark.parametrize(
    ("x", "n", "near"),
    [
        (-0.6875, 2, [3, 4, 5, 6, 7]),  # -0.3125 .. 0.1875, within 0.34375 of 0
        (-0.25, 1, [2]),  # 0 only: -0.125 and 0.125 are |x| / 2 exactly, not nearer
    ],
)
def test_the_gain_near_0_sums_the_weights_of_the_points_nearer_0_than_half_x(
    x: float, n: int, near: list[int]
) -> None:
    # The stencil x + k/8, |k| <= m = 6 + n // 2, exact in floats: sum |w_k| / H**n
    # over the k whose point is nearer 0 than |x| / 2.
    m = 6 + n // 2
    weights = _weights(n, [float(k) for k in range(-m, m + 1)])
    expected = sum(abs(weights[k + m]) for k in near) / 0.125**n
    assert _gain_near_zero(x, n, m, 0.125) == pytest.approx(expected, rel=1e-13)


# ------------------------------------------------------------------ _halved_scatter


def test_a_halved_stencil_that_cannot_be_taken_shows_no_scatter() -> None:
    # f is defined only at x + k/8: the six points of the stencil at 1/16 fail.
    def on_the_grid(t: float) -> float:
        if not ((t - 0.5) / 0.125).is_integer():
            raise ValueError("off the grid")
        return 1.0 + t

    sampler = Sampler(on_the_grid, 0.5)
    found = _richardson._wide(sampler, 1, 6, 0.125)
    assert found is not None
    assert _richardson._halved_scatter(sampler, 1, 6, 0.125, found) == 0.0


@pytest.mark.parametrize(("other", "scatter"), [(1.625, 0.0), (1.75, 0.75)])
def test_the_halved_stencil_may_differ_by_both_roundings_and_both_truncations(
    monkeypatch: pytest.MonkeyPatch, other: float, scatter: float
) -> None:
    # found: 1.0 (rounding 1/8, its stencil without the outer points 7/8); at half the
    # step (a stand-in for `_wide`): other (rounding 1/8), without them other - 1/4.
    # Allowed: 1/8 + 1/8 + 1/8 + 1/4 = 5/8, exactly 1.625 - 1.0; 1.75 is 0.75 apart.
    asked: list[tuple[int, int, float]] = []

    def halved(_: Sampler, n: int, m: int, step: float) -> list[tuple[float, float]]:
        asked.append((n, m, step))
        return [(other, 0.125), (other - 0.25, 0.0), (0.0, 0.0)]

    monkeypatch.setattr(_richardson, "_wide", halved)
    found = [(1.0, 0.125), (0.875, 0.0), (0.0, 0.0)]
    sampler = Sampler(lambda t: t, 0.5)
    assert _richardson._halved_scatter(sampler, 2, 7, 0.125, found) == scatter
    assert asked == [(2, 7, 0.0625)]


# ------------------------------------------------------------------ multivariate


@pytest.mark.parametrize(
    ("value", "sizes", "lossy"),
    [
        (1.0, (16.0, 0.0, 0.0), False),  # terms 16 = 2**(1 + _LOSSY) times it: no loss
        (-0.9, (-16.0, 0.0, 0.0), True),  # larger than that
        (1.0, (8.0, 4.0, 4.0), False),  # their sum is 16 times it
        (0.4375, (4.0, 2.0, 1.0), False),  # 1/4 + 1/8 + 1/16: 7/16 exactly
        (0.4, (4.0, 2.0, 1.0), True),
    ],
)
def test_polarisation_is_lossy_where_its_terms_are_more_than_16_times_the_entry(
    value: float, sizes: tuple[float, ...], lossy: bool
) -> None:
    assert _lossy(value, sizes) is lossy


@pytest.mark.parametrize(
    ("differentiate", "f", "x", "expected"),
    [
        # H[0][1] is read off the curve x + t**2 e_0 + t**3 e_1 (polarisation subtracts
        # 2e20s); its jets carry bounds only for full_output's errors.
        (
            hessian,
            lambda p: 1e20 * p[0] ** 2 + p[0] * p[1] + 1e20 * p[1] ** 2,
            [1.0, 1.0],
            [[2e20, 1.0], [1.0, 2e20]],
        ),
        (
            jacobian,
            lambda p: [p[0] * p[1], p[0] + 2.0 * p[1]],
            [3.0, 5.0],
            [[5.0, 3.0], [1.0, 2.0]],
        ),
    ],
    ids=["hessian", "jacobian"],
)
def test_only_full_output_runs_f_on_jets_that_carry_rounding_bounds(
    differentiate: Any, f: Any, x: list[float], expected: list[list[float]]
) -> None:
    kinds: set[str] = set()

    def recorded(p: list[Any]) -> Any:
        kinds.update(type(q.coefficients[0]).__name__ for q in p if isinstance(q, Jet))
        return f(p)

    assert differentiate(recorded)(x) == expected
    assert kinds == {"float"}
    kinds.clear()
    assert differentiate(recorded, full_output=True)(x).value == expected
    assert kinds == {"RoundedFloat"}


def test_a_jacobian_on_jets_takes_first_order_jets_and_says_what_f_returned() -> None:
    degrees: set[int] = set()

    def f(p: list[Any]) -> list[Any]:
        degrees.update(q.degree for q in p if isinstance(q, Jet))
        return [p[0] * p[1], "a" if isinstance(p[0], Jet) else 1.0]

    message = "f returned str 'a'; it must return a number (a Jet when given a Jet)"
    with pytest.raises(ArgumentTypeError, match=re.escape(message)):
        jacobian(f)([3.0, 5.0])
    assert degrees == {1}


def test_a_jacobian_on_jets_keeps_the_number_of_outputs() -> None:
    def f(p: list[Any]) -> list[Any]:
        return [p[0], p[0]] if isinstance(p[0], Jet) else [p[0]]

    message = "f returned 1 outputs at x but 2 at a nearby point"
    with pytest.raises(InvalidArgumentError, match=re.escape(message)):
        jacobian(f)([1.0])


def test_a_jacobian_on_plain_jets_states_a_first_derivatives_rounding() -> None:
    rows, calls = _jacobian_by_jets(lambda p: [p[0] * p[1], p[0] + 2.0 * p[1]], [3.0, 5.0], 2)
    assert rows is not None
    assert calls == 2
    assert [[(e.value, e.error) for e in row] for row in rows] == [
        [(5.0, 16.0 * _EPS * 5.0), (3.0, 16.0 * _EPS * 3.0)],
        [(1.0, 16.0 * _EPS), (2.0, 16.0 * _EPS * 2.0)],
    ]


def test_a_jacobian_in_full_by_ad_takes_one_call_a_column_and_by_differences_the_step() -> None:
    def f(p: list[Any]) -> list[Any]:
        return [p[0] ** 3, p[0] * p[1]]

    on_jets = jacobian(f, method="ad", full_output=True)([3.0, 2.0])
    assert (on_jets.value, on_jets.nfev) == ([[27.0, 0.0], [2.0, 3.0]], 3)  # 1 at x, 2 on jets
    # h = 0.1 of the power of two below 3: a step of 0.2, and 27 + 0.2**2 (central).
    central = jacobian(f, method="central", h=0.1, full_output=True)([3.0, 2.0])
    assert central.value[0][0] == 27.04000000000001
    along = directional_derivative(
        lambda p: p[0] ** 3, [3.0, 2.0], [1.0, 0.0], method="central", h=0.1, full_output=True
    )
    assert along.value == 27.04000000000001


def test_a_jacobian_says_f_takes_the_point() -> None:
    message = "f must be a function of a list of numbers (the point)"  # the message's end
    with pytest.raises(ArgumentTypeError, match=re.escape(message) + "$"):
        jacobian(lambda a, b: [a])([1.0, 2.0])


def test_a_hessian_entry_that_overflows_is_named() -> None:
    # H = [[-1.6e308, 0.45e308], [0.45e308, 1e308]]: phi'' along e0 + e1 is 0.3e308, and
    # 0.3e308 + 1.6e308 overflows before 1e308 is taken off.
    f = lambda p: -0.8e308 * p[0] ** 2 + 0.5e308 * p[1] ** 2 + 0.45e308 * p[0] * p[1]  # noqa: E731
    for full_output in (False, True):
        with pytest.raises(NumericalError, match=re.escape("the Hessian entry (0, 1) overflows")):
            hessian(f, full_output=full_output)([0.0, 0.0])


def test_a_lossy_entry_by_richardson_in_full_stays_polarisations() -> None:
    # Only jets ("auto" or "ad", and f took them on e_0 + e_1) read H[0][1] off the
    # curve: by "richardson" the entry keeps polarisation's error, which holds its 1.
    f = lambda p: 1e20 * p[0] ** 2 + p[0] * p[1] + 1e20 * p[1] ** 2  # noqa: E731
    result = hessian(f, method="richardson", full_output=True)([1.0, 1.0])
    assert result.method == "richardson"
    assert result.nfev == 54  # 51, and 1 each second derivative off the grid (`_seen_off_the_grid`)
    assert abs(result.value[0][1] - 1.0) <= result.error[0][1]


def test_the_curve_takes_one_call_and_states_a_second_derivatives_rounding() -> None:
    # On plain jets (no bounds) the error is rounding_error's for a second derivative,
    # 8 (2 + 1) eps |H[0][1]|.
    entry = _mixed_on_jets(
        lambda p: 1e20 * p[0] ** 2 + 3.0 * p[0] * p[1] + 1e20 * p[1] ** 2,
        [1.0, 1.0],
        0,
        1,
        bounded=False,
    )
    assert entry is not None
    assert (entry.value, entry.error, entry.nfev, entry.method) == (3.0, 24.0 * _EPS * 3.0, 1, "ad")


TINY = 2.0**-1074  # the least subnormal


@pytest.mark.parametrize(
    ("result", "exponent", "scaled"),
    [
        (DerivativeResult(1.5, 0.25, 9, "richardson", 0.1), 3, (12.0, 2.0, 4, "richardson", 0.1)),
        # 1.5 of the least subnormal rounds to 2 of them: one more in the error.
        (DerivativeResult(3 * TINY, 0.0, 9, "ad", None), -1, (2 * TINY, TINY, 4, "ad", None)),
        (DerivativeResult(1.0, 3 * TINY, 9, "ad", None), -1, (0.5, 3 * TINY, 4, "ad", None)),
        # Exact scalings add nothing, even where an ulp of 0 would show.
        (DerivativeResult(1.5, 0.0, 9, "ad", None), 3, (12.0, 0.0, 4, "ad", None)),
        (DerivativeResult(1.0, 2.0**-1070, 9, "ad", None), -2, (0.25, 2.0**-1072, 4, "ad", None)),
    ],
)
def test_a_result_on_a_line_is_scaled_to_the_units_of_x(
    result: DerivativeResult, exponent: int, scaled: tuple[Any, ...]
) -> None:
    r = _in_units_of_x(result, exponent, 4)
    assert (r.value, r.error, r.nfev, r.method, r.step) == scaled


@pytest.mark.parametrize(
    ("error", "exponent", "what"),
    [
        (0.25, 1024, "the derivative is 1.5 * 2**1024, beyond"),
        (1e300, 100, "the error of the derivative is 1e+300 * 2**100, beyond"),
    ],
)
def test_a_scaled_result_beyond_the_float_range_is_refused(
    error: float, exponent: int, what: str
) -> None:
    with pytest.raises(NumericalError, match=re.escape(what)):
        _in_units_of_x(DerivativeResult(1.5, error, 9, "ad", None), exponent, 4)


def test_a_polarised_entry_has_half_the_three_errors_and_the_subtractions_rounding() -> None:
    mixed = DerivativeResult(10.0, 0.5, 7, "richardson", 0.1)
    ii = DerivativeResult(2.0, 0.25, 3, "richardson", 0.1)
    jj = DerivativeResult(4.0, 0.125, 5, "ad", None)
    entry = _polarised_result(mixed, ii, jj, (0, 1))
    # (10 - 2 - 4) / 2; (0.5 + 0.25 + 0.125) / 2 + eps / 2 (10 + 2 + 4): the line's calls.
    assert entry == DerivativeResult(2.0, 0.4375 + 8.0 * _EPS, 7, "mixed", None)
    same = _polarised_result(mixed, ii, ii, (0, 1))
    assert same.method == "richardson"


def test_a_polarised_error_that_overflows_is_refused() -> None:
    big = DerivativeResult(1.0, 1.7e308, 3, "ad", None)
    message = "the error of the Hessian entry (0, 1) overflows: errors near 1e308 cannot be "
    with pytest.raises(
        NumericalError, match=re.escape(message + "combined; scale the function down")
    ):
        _polarised_result(big, big, big, (0, 1))
    # The entry itself: its message names it.
    huge, low = (
        DerivativeResult(1.7e308, 0.0, 3, "ad", None),
        DerivativeResult(-1.7e308, 0.0, 3, "ad", None),
    )
    with pytest.raises(NumericalError, match=re.escape("the Hessian entry (0, 1) overflows")):
        _polarised_result(huge, low, low, (0, 1))


def test_one_method_or_mixed() -> None:
    ad = DerivativeResult(1.0, 0.0, 1, "ad", None)
    rich = DerivativeResult(1.0, 0.0, 1, "richardson", 0.1)
    assert _method_of([ad, ad]) == "ad"
    assert _method_of([ad, rich, ad]) == "mixed"
    assert _array_of([[ad, rich], [rich, rich]], 12) == ArrayResult(
        [[1.0, 1.0], [1.0, 1.0]], [[0.0, 0.0], [0.0, 0.0]], 12, "mixed"
    )
    assert _array_of([[rich]], 3).method == "richardson"


@pytest.mark.parametrize("nfev", [True, -1, 2.0, "2"])
def test_an_array_result_counts_its_calls_in_an_int(nfev: Any) -> None:
    with pytest.raises(ArgumentTypeError, match="nfev must be an int >= 0, but got"):
        ArrayResult([1.0], [0.0], nfev, "ad")


def test_an_array_result_takes_an_integral_count_and_a_str_method() -> None:
    class Count(int):
        pass

    result = ArrayResult([1.0], [0.0], Count(4), "ad")
    assert type(result.nfev) is int
    assert result.nfev == 4
    assert ArrayResult([1.0], [0.0], 0, "ad").nfev == 0
    with pytest.raises(ArgumentTypeError, match="method must be a str, but got None"):
        ArrayResult([1.0], [0.0], 1, None)  # type: ignore[arg-type]


@pytest.mark.parametrize("flag", [1, 0, None, "yes"])
def test_full_output_is_true_or_false(flag: object) -> None:
    with pytest.raises(ArgumentTypeError, match="full_output must be True or False"):
        _full_output_flag(flag)
    assert _full_output_flag(True) is True
    assert _full_output_flag(False) is False


def test_a_second_derivative_by_richardson_in_full_is_taken_along_the_coordinate_too() -> None:
    # sin at 1e10: the line's points round to ulp(1e10); the walk along the coordinate
    # itself (`_second_along`) gives 0.4875060250872, not the line's 0.48749 +- 0.0067.
    f = lambda p: math.sin(p[0])  # noqa: E731
    exact = -math.sin(1e10)
    result = hessian(f, method="richardson", full_output=True)([1e10])
    assert result.value == hessian(f, method="richardson")([1e10])
    assert abs(result.value[0][0] - exact) <= result.error[0][0] < 1e-3


def test_a_refusal_on_a_line_in_full_names_the_coordinate() -> None:
    # As without full_output: the message speaks of t = x[0] / 2**43, not of x, and
    # goes on with derivative's refusal.
    message = (
        "on the line where t = x[0] / 2**43 (x[0] = 10000000000000.0; x and the scales below "
        "are in t): f varies on the scale of the float spacing"
    )
    with pytest.raises(NumericalError, match=re.escape(message)):
        grad(lambda p: math.sin(p[0]), full_output=True)([1e13])


def test_a_step_that_moves_no_coordinate_is_refused_in_full_where_a_difference_takes_it() -> None:
    f = lambda p: p[0] ** 2 + p[1]  # noqa: E731
    point = "moves no coordinate of the point [1.0, 2.0]: each x_i + h d_i rounds to x_i"
    with pytest.raises(NumericalError, match=re.escape(point)):
        directional_derivative(
            f, [1.0, 2.0], [1.0, 0.0], method="central", h=1e-17, full_output=True
        )
    # Jets take no step ("ad", and "auto" on an f that takes jets): h is not used.
    for method in ("ad", "auto"):
        result = directional_derivative(
            f, [1.0, 2.0], [1.0, 0.0], method=method, h=1e-17, full_output=True
        )
        assert (result.value, result.method) == (2.0, "ad")
