"""Mutation tests for _richardson's rounding-inside-f checks (session 14's mutmut run).

The functions are `_confirmed_despite_rounding`, `_ruled_out` and
`_local_drift`. Session 14's mutmut run (at e620abf) left survivors in them;
each test states what the docstring promises at a point no other test
reaches: where `_confirmed_despite_rounding` probes (between the two
smallest steps of the window, in the golden ratio), which quotients it
interpolates (the best entry's alone), what it allows (the rounding bound
at the probe and at the smallest step, plus 100 times the probe's rounding,
the boundary inclusive), and that `_ruled_out` needs the argument's
rounding strictly below the quotients' agreement. The functions are exact
lines (``3 (t - 1)`` at 1, ``2 t`` at 0) whose values at power-of-two
steps are exact, or 0, so every bound is known in closed form.
"""

from __future__ import annotations

import math

import pytest

from calcweb._richardson import (
    _GOLDEN,
    Estimate,
    Sampler,
    _Candidate,
    _confirmed_despite_rounding,
    _interpolate,
    _local_drift,
    _rounded_inside,
    _ruled_out,
    _Walk,
    _Window,
)

EPS = 2.0**-52
SLOPE = 3.0
SMALLEST = 2.0**-7


def _line(t: float) -> float:
    return SLOPE * (t - 1.0)


def _window(steps: list[float], quotients: list[float]) -> _Window:
    window = _Window(2)
    for step, quotient in zip(steps, quotients, strict=True):
        window.add(step, quotient, 0.0)
    return window


def _best(window: _Window, level: int, error: float) -> _Candidate:
    row = len(window.steps) - 1
    value = window.rows[row][level]
    return _Candidate(value, error, row, level, window.steps[row])


def _probe(x: float) -> float:
    """The probe between 2 SMALLEST and SMALLEST: SMALLEST 2**(1/golden), as taken at x."""
    return (x + SMALLEST * math.pow(2.0, 1.0 / _GOLDEN)) - x


def _inside(x: float, step: float) -> float:
    """A first derivative's bound for ``a t`` rounded inside a line of slope SLOPE.

    Each of the two values moves by up to (|x| + step) eps / 2 times the
    slope; the quotient by the sum of those over 2 step.
    """
    return 2.0 * (abs(x) + step) * EPS / 2.0 * SLOPE / (2.0 * step)


STEPS = [2.0**-4, 2.0**-5, 2.0**-6, SMALLEST]


def test_the_probe_lies_between_the_two_smallest_steps_in_the_golden_ratio() -> None:
    sampler = Sampler(_line, 1.0)
    window = _window(STEPS, [SLOPE] * 4)
    assert _confirmed_despite_rounding(sampler, "central", 1, window, _best(window, 2, 0.0))
    probe = _probe(1.0)
    assert sorted(sampler.values) == [1.0 - probe, 1.0 - SMALLEST, 1.0 + SMALLEST, 1.0 + probe]


def test_the_error_takes_the_rounding_inside_f_at_the_probe_and_at_the_smallest_step() -> None:
    # The quotients are all the slope: the probe misses by rounding alone, far below
    # the bound, which is then what the window's error (0) gains.
    sampler = Sampler(_line, 1.0)
    window = _window(STEPS, [SLOPE] * 4)
    confirmed = _confirmed_despite_rounding(sampler, "central", 1, window, _best(window, 2, 0.0))
    assert confirmed is not None
    allowed = _inside(1.0, _probe(1.0)) + _inside(1.0, SMALLEST)
    assert confirmed.error == pytest.approx(allowed, rel=1e-9, abs=0.0)


def test_only_the_best_entrys_quotients_are_interpolated() -> None:
    # Two rows above the entry's three break the law (5, 4 against 3): interpolated
    # with them, the quotients would miss the probe by far more than rounding.
    sampler = Sampler(_line, 1.0)
    window = _window([2.0**-2, 2.0**-3, *STEPS], [5.0, 4.0] + [SLOPE] * 4)
    confirmed = _confirmed_despite_rounding(sampler, "central", 1, window, _best(window, 2, 0.0))
    assert confirmed is not None
    allowed = _inside(1.0, _probe(1.0)) + _inside(1.0, SMALLEST)
    assert confirmed.error == pytest.approx(allowed, rel=1e-9, abs=0.0)


def test_the_probes_own_rounding_is_allowed_a_hundredfold() -> None:
    # 100 times the probe quotient's rounding bound (1.3e-15) is above the rounding
    # inside f (7.1e-14): a window with no error of its own is kept on their sum (were
    # the hundredfold taken off, nothing would be left to allow the probe's miss).
    sampler = Sampler(_line, 1.0)
    _, noise, _ = sampler.quotient("central", 1, _probe(1.0))
    assert 100.0 * noise > _inside(1.0, _probe(1.0)) + _inside(1.0, SMALLEST)
    window = _window(STEPS, [SLOPE] * 4)
    assert _confirmed_despite_rounding(sampler, "central", 1, window, _best(window, 2, 0.0))


def test_a_miss_of_exactly_twice_the_error_is_allowed() -> None:
    # f = 0: no rounding inside it (slope 0) and a rounding bound of the probe's
    # quotient (subnormal) that 2 error absorbs; the quotients 1, 1, 1 + 2**-10 miss
    # the probe's 0 by their interpolation there, exactly twice the error.
    sampler = Sampler(lambda t: 0.0, 1.0)
    quotients = [1.0, 1.0, 1.0, 1.0 + 2.0**-10]
    window = _window(STEPS, quotients)
    nodes = [window.ratio(step, STEPS[1]) for step in STEPS[1:]]
    apart = abs(_interpolate(nodes, quotients[1:], window.ratio(_probe(1.0), STEPS[1])))
    confirmed = _confirmed_despite_rounding(
        sampler, "central", 1, window, _best(window, 2, apart / 2.0)
    )
    assert confirmed is not None
    assert confirmed.error == apart / 2.0 + apart
    narrower = _best(window, 2, math.nextafter(apart / 2.0, 0.0))
    assert _confirmed_despite_rounding(sampler, "central", 1, window, narrower) is None


def test_the_probes_rounding_is_allowed_no_more_than_a_hundredfold() -> None:
    # The last quotient is 2**-30 off the line: the probe misses by its interpolation
    # there. An error that leaves that miss half the probe's rounding bound beyond
    # 2 error + 100 x that bound + the rounding inside f refuses the window.
    sampler = Sampler(_line, 1.0)
    _, noise, probe = sampler.quotient("central", 1, _probe(1.0))
    quotients = [SLOPE, SLOPE, SLOPE, SLOPE + 2.0**-30]
    window = _window(STEPS, quotients)
    nodes = [window.ratio(step, STEPS[1]) for step in STEPS[1:]]
    apart = abs(SLOPE - _interpolate(nodes, quotients[1:], window.ratio(probe, STEPS[1])))
    allowed = _inside(1.0, probe) + _inside(1.0, SMALLEST)
    error = (apart - 100.5 * noise - allowed) / 2.0
    assert error > 0.0
    assert (
        _confirmed_despite_rounding(sampler, "central", 1, window, _best(window, 2, error)) is None
    )
    wider = (apart - 99.5 * noise - allowed) / 2.0
    assert _confirmed_despite_rounding(sampler, "central", 1, window, _best(window, 2, wider))


# ----------------------------------------------------------- _rounded_inside


def test_the_rounding_inside_f_bound_of_a_central_first_difference() -> None:
    # The line at 1: f' = 3 between x -+ h, |t| up to 1 + h.
    sampler = Sampler(_line, 1.0)
    bound = _rounded_inside(sampler, "central", 1, SMALLEST)
    assert bound == pytest.approx(_inside(1.0, SMALLEST), rel=1e-12, abs=0.0)


def test_a_forward_difference_takes_the_slope_between_x_and_x_plus_h() -> None:
    # t**2 at 1, h = 1/16: (1 + h)**2 - 1 = 2 h + h**2 exactly, a slope of 2 + h (between
    # x - h and x it would be 2 - h). Two values, each moved by up to (1 + h) eps / 2 |f'|.
    h = 2.0**-4
    sampler = Sampler(lambda t: t * t, 1.0)
    bound = _rounded_inside(sampler, "forward", 1, h)
    assert sorted(sampler.values) == [1.0, 1.0 + h]
    assert bound == pytest.approx((1.0 + h) * EPS / 2.0 * (2.0 + h) * 2.0 / h, rel=1e-12, abs=0.0)


def test_the_value_at_x_is_f_at_x_itself() -> None:
    # At x = -0.0 the forward stencil's inner point is x, not +0.0: f = copysign(1, t)
    # has slope 2 / h between -0.0 and h (none between +0.0 and h).
    h = 2.0**-4
    sampler = Sampler(lambda t: math.copysign(1.0, t), -0.0)
    bound = _rounded_inside(sampler, "forward", 1, h)
    assert bound == pytest.approx(h * EPS / 2.0 * (2.0 / h) * 2.0 / h, rel=1e-12, abs=0.0)


def test_a_bound_that_overflows_is_no_bound() -> None:
    # f jumps from -1.5e308 to 1.5e308 across 0: the slope between them overflows.
    sampler = Sampler(lambda t: math.copysign(1.5e308, t), 0.0)
    assert _rounded_inside(sampler, "central", 1, 1.0) == 0.0


# ------------------------------------------------------------------ _Walk.beats


def test_a_smaller_error_at_steps_of_a_few_ulps_does_not_beat_once_rounding_is_added() -> None:
    # The line at 1: at a step of 2**-40 (2**12 ulps) a multiple of t rounded inside f
    # can move the quotient by 3.7e-4 (_inside), at 2**-7 by 4.3e-14. A window there
    # with the error 1e-6 does not beat one with 1e-5 at 2**-7; with 1e-6 at 2**-8 it does.
    walk = _Walk(Sampler(_line, 1.0), "central", 1, 0.5, 0.0)
    accepted = _Candidate(SLOPE, 1e-5, 3, 2, SMALLEST)
    assert _inside(1.0, 2.0**-40) > 1e-5
    assert not walk.beats(_Candidate(SLOPE, 1e-6, 9, 2, 2.0**-40), accepted)
    assert walk.beats(_Candidate(SLOPE, 1e-6, 4, 2, 2.0**-8), accepted)


def _cubic_walk() -> _Walk:
    # t**3 at 0: the central slope between -+ h is h**2, and the rounding-inside bound
    # at h is h eps / 2 x h**2 x 2 / (2 h) = h**2 eps / 2, exactly.
    return _Walk(Sampler(lambda t: t**3, 0.0), "central", 1, 0.5, 0.0)


def test_errors_with_rounding_that_tie_do_not_beat() -> None:
    # Best at 1/4 (bound 2**-57) with no error against accepted at 1/8 (2**-59) with
    # 3 x 2**-59: 2**-57 + 0 == 3 x 2**-59 + 2**-59.
    accepted = _Candidate(0.0, 3.0 * 2.0**-59, 3, 2, 0.125)
    assert not _cubic_walk().beats(_Candidate(0.0, 0.0, 2, 2, 0.25), accepted)
    assert _cubic_walk().beats(_Candidate(0.0, 2.0**-70, 3, 2, 0.125), accepted)


def test_the_accepted_windows_rounding_is_added_to_its_error() -> None:
    # Both at 1/4: the same bound on each side, so the smaller error beats however
    # close the errors are (less than twice the bound apart here).
    accepted = _Candidate(0.0, 2.0**-60, 2, 2, 0.25)
    assert _cubic_walk().beats(_Candidate(0.0, 0.0, 2, 2, 0.25), accepted)


def test_each_windows_bound_is_that_of_its_own_kind_of_stencil() -> None:
    # The line at 1 (bounds _inside: 2**-30 against 2**-29 steps, 4/3 as large at 3/4 of
    # the step). A central bound at each step decides; the forward one at the same
    # steps is twice as large on a line, and would decide otherwise.
    walk = _Walk(Sampler(_line, 1.0), "central", 1, 0.5, 0.0)
    best, other = 0.75 * 2.0**-29, 2.0**-29
    mine, theirs = _inside(1.0, best), _inside(1.0, other)
    assert theirs < mine < 2.0 * theirs
    assert not walk.beats(
        _Candidate(SLOPE, 0.0, 9, 2, best), _Candidate(SLOPE, 2.0**-60, 8, 2, other)
    )
    # Accepted with an error between the best's bound and twice it, at a larger step.
    accepted = _Candidate(SLOPE, 1.5 * mine, 3, 2, SMALLEST)
    assert walk.beats(_Candidate(SLOPE, 0.0, 9, 2, best), accepted)


def test_where_the_bound_cannot_be_computed_the_smaller_error_beats() -> None:
    # sqrt at 0.1: the stencil at a step of 1/4 leaves its domain.
    walk = _Walk(Sampler(math.sqrt, 0.1), "central", 1, 0.5, 0.0)
    assert walk.beats(_Candidate(0.0, 1.0, 2, 2, 0.25), _Candidate(0.0, 2.0, 1, 2, 0.5))


# ---------------------------------------------------------------- _ruled_out


def test_noise_is_ruled_out_only_where_the_arguments_rounding_is_below_the_agreement() -> None:
    # 2 t at 0, smallest step 1/8: the argument's rounding moves f by
    # (0 + 1/8) |f'| eps / 2 = 2**-55, and the agreement is error x smallest = 2**-55
    # at an error of 2**-52: equal, so the quotients cannot rule the noise out.
    sampler = Sampler(lambda t: 2.0 * t, 0.0)
    sampler(0.125), sampler(-0.125)
    window = ((0.25, 2.0), (0.125, 2.0 + 2.0**-40))
    at = Estimate(2.0, 2.0**-52, 0, 0.25, "central", 0.125, window)
    assert not _ruled_out(sampler, 1.0, at)
    below = Estimate(2.0, 2.0**-51, 0, 0.25, "central", 0.125, window)
    assert _ruled_out(sampler, 1.0, below)


# -------------------------------------------------------------- _local_drift


def test_an_estimate_with_no_window_is_checked_below_its_step_with_no_truncation() -> None:
    # One quotient, at 4 ulp(1) = 2**-50, and no window: a spacing beyond it is
    # replaced by 1e-4 of it (raised to 4 ulps: the same step), where the line of slope
    # 2 leaves the estimate's slope 1 by 2 x 2**-50, all of it drift.
    step = 2.0**-50
    sampler = Sampler(lambda t: 2.0 * (t - 1.0), 1.0)
    single = Estimate(1.0, 0.0, 0, step, "central", step)
    assert _local_drift(sampler, single, 1, 1.0, 2.0**-48) == 2.0 * step


def test_below_the_walks_steps_the_truncation_allowed_for_falls_as_the_step_squared() -> None:
    # 2 t at 0 against an estimate of slope 1 (a drift of 2 s at spacing s) whose window's
    # smallest quotient, at h, is d above it: at s = 1e-4 h (the spacing beyond the
    # window is replaced by it) the truncation allowed for is d (s / h)**2, here a
    # quarter, which leaves 2 s (1 - 1/4) of drift.
    h = 2.0**-20
    step = 1e-4 * h
    d = 0.25 / (step / h) ** 2
    window = ((2.0 * h, 1.0), (h, 1.0 + d))
    estimate = Estimate(1.0, 0.0, 0, 2.0 * h, "central", h, window)
    sampler = Sampler(lambda t: 2.0 * t, 0.0)
    drift = _local_drift(sampler, estimate, 1, 1.0, 0.0)
    assert drift == pytest.approx(2.0 * step * 0.75, rel=1e-9, abs=0.0)
