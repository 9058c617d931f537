"""Mutation tests for the functions session 18 rewrote or added, run in session 19.

Session 19 ran mutmut 3.8.1's mutants of _integrate's `_checked_half`,
`_power_law_tail`, `_halves_agree`, `_sum_of_halves`, `_summed`, `_power_law_fit`
and `_Panels._singular_end_of`, _gauss_kronrod's `odd_unresolved`, _richardson's
`_probe_strays`, `_as_predicted` and `_part_strays`, and limits' `_lost_drop`,
`_heading`, `_settles_apart`, `_passed` and `_settling` (and began `_lost_collapse`'s),
each against every test that reached its function (tools/mutation/one_function.py;
tools/mutation/HISTORY.md). Each test below kills survivors: a real call where the
mutant answers worse (a lie, a refusal, an evaluation counted that f never made, a
message naming the wrong thing), or, at a boundary, what the docstring promises
there. The oracles are exact: staircases whose integrals are sums of rectangles,
odd integrands whose integral is 0. No mpmath: these run inside Pyodide too.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest
from test_mutation_kills_s18 import SAMPLES as S18_SAMPLES

from calcweb import integrate
from calcweb._integrate import (
    IntegrationResult,
    _halves_agree,
    _Panels,
    _power_law_fit,
    _power_law_tail,
)
from calcweb._richardson import (
    Sampler,
    _as_predicted,
    _Candidate,
    _part_strays,
    _probe_strays,
)
from calcweb.limits import (
    _estimate,
    _heading,
    _lost_collapse,
    _lost_drop,
    _OneSided,
    _passed,
    _settles_apart,
    _settling,
)

# ------------------------------------------------------------------ odd integrands summed by halves


def _counted(f: Callable[[float], float]) -> tuple[Callable[[float], float], list[float]]:
    """``f``, and the list of the points it was called at."""
    calls: list[float] = []

    def counted(x: float) -> float:
        calls.append(x)
        return f(x)

    return counted, calls


# round(3 x)/3 mirrored: 1/3 right of 1/6, -1/3 left of -1/6, 0 between. On
# [-0.2711, 0.2764] its 21 nodes mirror about the centre 0.00267 (as round(3x)/3's do
# on the mirror interval, test_integrate_odd_halves.py), but it is not odd.
def _stair(x: float) -> float:
    return -round(-3 * x) / 3


STAIR_A, STAIR_B = -0.27110178848328537, 0.27643983836709607
STAIR_CENTRE = 0.5 * STAIR_A + 0.5 * STAIR_B
STAIR_EXACT = (STAIR_B - 1 / 6 - (-STAIR_A - 1 / 6)) / 3  # 1.779e-3


def test_a_staircase_summed_by_halves_is_their_sum_in_every_field() -> None:
    # The sum of the halves, each integrated on its own (_sum_of_halves): its
    # value, error and subintervals are theirs added, its evaluations every call
    # of f, converged as both are; the message names the centre. Mutants that
    # dropped a field to None, subtracted the halves' subintervals or the
    # counts, or named x=None survived the tests that checked the value alone.
    f, calls = _counted(_stair)
    result = integrate(f, STAIR_A, STAIR_B, tol=1e-11, full_output=True)
    assert isinstance(result, IntegrationResult)
    left = integrate(_stair, STAIR_A, STAIR_CENTRE, tol=1e-11, full_output=True)
    right = integrate(_stair, STAIR_CENTRE, STAIR_B, tol=1e-11, full_output=True)
    assert isinstance(left, IntegrationResult)
    assert isinstance(right, IntegrationResult)
    assert left.converged
    assert right.converged
    assert result.converged is True
    assert result.value == left.value + right.value
    assert result.error == left.error + right.error
    assert abs(result.value - STAIR_EXACT) <= result.error
    assert result.intervals == left.intervals + right.intervals
    assert result.nfev == len(calls)
    assert result.method == "adaptive"
    assert result.message == (
        f"f looked odd about x={STAIR_CENTRE!r}, the centre of the interval (or of a half of "
        "it checked in turn), on the first subinterval's points but is not: the integral "
        "is the sum of those over the two halves, each found on its own"
    )


def test_a_staircase_whose_left_half_fails_is_not_converged(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # At tol 1e-12 the left half's jump at -1/6 is not resolved to the tolerance:
    # the sum of the halves is not converged, and says why. With `or` for `and`
    # it was converged (the right half is), 0.0017793499612692512 +- 3e-13 with
    # no word of the left half; without x_of for the left half its message
    # could not be written (TypeError). Located jumps (`_Panels.cut_at_jump`)
    # resolve that half: they are turned off, so that it fails as it did.
    monkeypatch.setattr(_Panels, "cut_at_jump", lambda self, index: False)
    f, calls = _counted(_stair)
    result = integrate(f, STAIR_A, STAIR_B, tol=1e-12, full_output=True)
    left = integrate(_stair, STAIR_A, STAIR_CENTRE, tol=1e-12, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert isinstance(left, IntegrationResult)
    assert not left.converged
    assert result.converged is False
    assert result.nfev == len(calls)
    assert result.message.endswith(f"; the left one was not found: {left.message}")
    assert result.message.startswith(f"f looked odd about x={STAIR_CENTRE!r}")


def test_a_half_line_odd_integrand_counts_only_the_calls_of_f() -> None:
    # log(x)**3/(1 + x**2) on [0, inf) is odd about t = 1/2 under x = (1 - t)/t, and
    # its integral is 0 (x -> 1/x). Its left half in t ends at t = 0, x = inf: not
    # sampled. Sampled as a finite end, an evaluation was counted there that never
    # called f (889 -> 890).
    f, calls = _counted(lambda x: math.log(x) ** 3 / (1 + x * x))
    result = integrate(f, 0.0, math.inf, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert result.converged
    assert abs(result.value) <= result.error
    assert result.nfev == len(calls)


def _result(value: float, error: float) -> IntegrationResult:
    return IntegrationResult(value, error, 1, "adaptive", 1)


def test_halves_agree_within_twice_their_errors_and_the_whole_s() -> None:
    # _halves_agree's rule: |left + right - whole| <= 2 (left's + right's + whole's
    # errors). Binary values, so each sum is exact.
    whole = _result(1.0, 0.125)
    assert _halves_agree(whole, _result(0.5, 0.0625), _result(1.0, 0.0625))  # miss 0.5 = 2 x 0.25
    assert not _halves_agree(whole, _result(0.5, 0.0625), _result(1.125, 0.0625))  # 2.5 x
    # Each error counts, whichever is the largest.
    assert _halves_agree(_result(1.0, 0.5), _result(0.5, 0.25), _result(1.75, 0.25))
    assert _halves_agree(_result(1.0, 0.0), _result(0.5, 0.0), _result(1.25, 0.5))
    # The halves' values add, and the whole's is taken away.
    assert _halves_agree(_result(-1.0, 0.0), _result(-0.75, 0.0), _result(-0.25, 0.0))
    assert _halves_agree(_result(1.0, 0.0), _result(0.25, 0.0), _result(0.75, 0.0))


def test_a_tail_whose_earlier_fits_converge_as_a_power_keeps_a_finite_error() -> None:
    # Halves split off an end holding F(k) - F(k + 1), F(n) = n**(1 - p)/(p - 1): a
    # fall as 1/(x |log x|**p) with p = 1.02, whose tail after 160 halvings is
    # F(161) = 45.168. The fits n/4 and n/2 halvings back disagree by 0.254 of one
    # another: below the third that _power_law_tail allows (p near 1 makes about a
    # quarter), so the error is finite, and it holds the tail. Allowing only a
    # quarter refused it (an infinite error).
    p = 1.02

    def beyond(n: int) -> float:
        return n ** (1 - p) / (p - 1)

    inner = [beyond(k) - beyond(k + 1) for k in range(1, 161)]
    found = _power_law_tail(inner)
    assert found is not None
    tail, fitted, error = found
    assert abs(fitted - p) < 1e-4
    assert math.isfinite(error)
    assert abs(tail - beyond(161)) <= error


def test_a_fall_by_exactly_half_is_no_power_law() -> None:
    # _power_law_fit fits ratios above 1/2 only (at 1/2 or less f is bounded at
    # the end): 1, 1/2, 1/3, ..., 1/6 falls by exactly 1/2 at its first step, and
    # then as 1/k, whose fit (p = 1) would make the tail infinite.
    assert _power_law_fit([1.0, 0.5, 1 / 3, 0.25, 0.2, 1 / 6]) is None


# ------------------------------------------------------------------ _probe_strays


def _strays(
    odd: dict[float, float],
    *,
    elsewhere: Callable[[float], float] = lambda x: math.copysign(0.15, x),
    wide: float = 0.0,
) -> bool:
    """`_probe_strays` of ``n = 2`` for a window at 0.1 and 0.05 probed at 0.07, f odd about 0.

    As test_mutation_kills_s18.py's: f(0) = 0 and f(+-h) = +-odd[h] at the three steps,
    all sampled; ``elsewhere`` is f at any other point (a second probe's); ``wide``,
    when not 0, is f at +-0.2, sampled too (it widens f's range, and so what counts as
    a stray, 1/SWING of it).
    """
    values = {0.0: 0.0}
    for h, o in odd.items():
        values[h], values[-h] = o, -o
    if wide:
        values[0.2], values[-0.2] = wide, -wide
    sampler = Sampler(lambda x: values[x] if x in values else elsewhere(x), 0.0)
    for point in values:
        sampler(point)
    best = _Candidate(0.0, 1e-12, 1, 1, 0.05)
    return _probe_strays(sampler, "central", 2, [0.1, 0.05], best, probe=0.07)


def test_neighbours_parts_of_exactly_0_are_not_apart() -> None:
    # Odd parts exactly 0 at 0.1 and 0.05 (f even there, to the last bit), the probe's
    # 2**-10 within 1/SWING of f's range (+-1 at 0.2: 2/64): no stray, and the
    # neighbours are not apart, so no second probe is taken (a part elsewhere of
    # 0.15 would stray). A 0 part read as 1.0 took it, and found a stray.
    assert not _strays({0.1: 0.0, 0.07: 2.0**-10, 0.05: 0.0}, wide=1.0)


def test_neighbours_apart_by_exactly_1_over_swing_of_f_s_range_are_not_apart() -> None:
    # f spans 0.5 (+-0.25 at 0.1): 1/64 of it is 2**-7, exactly the neighbours' gap;
    # the probe's part is between them. Not apart, so no second probe (its part, 0.15,
    # would stray); "<" for "<=" took it.
    assert not _strays({0.1: 0.25, 0.07: 0.25 - 2.0**-8, 0.05: 0.25 - 2.0**-7})


def test_a_second_probe_outside_the_domain_is_no_evidence() -> None:
    # Neighbours 0.25 and 0.125 apart, the probe's 0.2 between but not where they
    # predict it (0.175 +- 0.016): a second probe is due, and f fails there. No
    # verdict (False), as where a value is not known; not a stray.
    def outside(x: float) -> float:
        raise ValueError(f"math domain error at {x}")

    assert not _strays({0.1: 0.25, 0.07: 0.2, 0.05: 0.125}, elsewhere=outside)
    # Where f is 0.5 there: a stray.
    assert _strays({0.1: 0.25, 0.07: 0.2, 0.05: 0.125}, elsewhere=lambda x: math.copysign(0.5, x))


# ------------------------------------------------------------------ _as_predicted

STEPS = (0.1, 0.07, 0.05)  # the larger, the probe's and the smaller step


def _as_predicted_for(n: int, parts: tuple[float, float, float]) -> bool:
    """`_as_predicted` at 0 for f whose part at each of STEPS is ``parts``.

    The odd part ``(f(h) - f(-h))/2`` for even ``n`` (f odd), the even part
    ``(f(h) + f(-h))/2 - f(0)`` for odd ``n`` (f even), f(0) = 0.
    """
    values = {0.0: 0.0}
    for h, part in zip(STEPS, parts, strict=True):
        values[h], values[-h] = part, part if n % 2 else -part
    sampler = Sampler(values.__getitem__, 0.0)
    for point in values:
        sampler(point)
    return _as_predicted(sampler, n, STEPS)


def _resolved(n: int, g: Callable[[float], float]) -> tuple[float, float, float]:
    """The parts of a resolved f: ``h g(h**2)`` (odd part) or ``h**2 g(h**2)`` (even part)."""
    power = 2 if n % 2 else 1
    a, b, c = (h**power * g(h * h) for h in STEPS)
    return a, b, c


def test_a_resolved_part_is_where_the_outer_two_predict() -> None:
    # g linear in h**2 is what _as_predicted's line through the outer parts models:
    # the middle part is predicted to rounding. 1 - 100 h**2 is 0 at the larger step,
    # so the line's slope, and where the middle step is along it, decide the
    # prediction (a line through (h**2, part) instead, or another power of h, does
    # not predict it within the outer parts' gap / 8).
    for n in (1, 2, 3, 4):
        for g in (lambda s: 1.0 - 100.0 * s, lambda s: 2.0 + 300.0 * s):
            assert _as_predicted_for(n, _resolved(n, g)), (n, g(0.0))


def test_a_part_off_the_prediction_by_more_than_an_eighth_of_the_gap_is_not() -> None:
    for n in (2, 3):
        larger, middle, smaller = _resolved(n, lambda s: 2.0 + 300.0 * s)
        gap = abs(larger - smaller)
        assert _as_predicted_for(n, (larger, middle + 0.9 * gap / 8, smaller))
        assert not _as_predicted_for(n, (larger, middle + 1.1 * gap / 8, smaller))


def test_parts_of_exactly_0_predict_a_middle_part_of_0() -> None:
    # f even about x for an even n (or odd for an odd n) to the last bit: every part
    # is 0, and 0 is where the outer two predict the middle one.
    assert _as_predicted_for(2, (0.0, 0.0, 0.0))
    assert _as_predicted_for(3, (0.0, 0.0, 0.0))


def test_the_noise_a_probe_s_part_may_have_is_the_window_s_at_the_probe_s_step() -> None:
    # The window's error (1.0 here) lets noise move an odd part at step h by
    # NO_DIGIT x error x h**2 / 4: 0.0196 at the probe's 0.07, 0.01 at the smaller
    # 0.05. A probe's part 0.015 below the smaller neighbour's is within its own
    # step's allowance, not a stray (it was one at the smaller step's); 0.025 is one.
    def parts_stray(below: float) -> bool:
        odd = {0.1: 0.25, 0.07: 0.125 - below, 0.05: 0.125}
        values = {0.0: 0.0} | odd | {-h: -o for h, o in odd.items()}
        sampler = Sampler(values.__getitem__, 0.0)
        for point in values:
            sampler(point)
        best = _Candidate(0.0, 1.0, 1, 1, 0.05)
        return _part_strays(sampler, 2, best, (0.1, 0.07, 0.05))

    assert not parts_stray(0.015)
    assert parts_stray(0.025)


# ------------------------------------------------------------------ _lost_drop

# Four samples that swing both ways about -0.5 (by 0.4 and 0.5 of it), settling on
# -0.5 to 5e-10, then a drop to -4.3e-8, halving: below DROP of the last before.
SWUNG = [-0.65, -0.25, -0.5, -0.5000000005]
DROPPED = [-4.287767625749364e-08, -2.143883812874682e-08, -1.071941906437341e-08]


def _after_drop(first: int) -> _OneSided:
    """`_lost_drop` of the limit read from the drop's samples, the walk's first at ``first``."""
    read = _OneSided(DROPPED[-1], 1e-11, True, "read from the samples after the drop")
    return _lost_drop(read, SWUNG + DROPPED, first, name="samples", point=lambda h: -h, scale=1.0)


def test_a_drop_after_the_walk_s_first_sample_is_refused() -> None:
    # The drop starts at the walk's second sample (first + start = 1, at s/8): what
    # the samples before it head for, -0.5, contradicts it, and they swing as
    # rounding noise does: refused, from -0.5 with the gap as its error, the message
    # naming the drop's first sample and where it is (s/8 = 0.125 of the way, x0 = 0
    # from the left here). Taking first + start <= 1 for the walk's first sample
    # answered the drop's value.
    refused = _after_drop(-3)
    assert refused.converged is False
    assert refused.value == SWUNG[-1]
    assert refused.error >= abs(SWUNG[-1] - DROPPED[-1]) - 1e-15
    assert refused.message == (
        "f approaches -0.5 far from x0 (from the samples), then drops to -4.28777e-08 at "
        "-0.125 and stays that small closer to x0, as its rounding noise grows to its size: "
        "rounding may have cancelled all the digits of a term in f there (1 - cos(t) is "
        "exactly 0 for |t| < 1e-8, exp(t) - 1 for |t| < 5e-17) and left only a small term "
        "beside it. Rewrite f without the cancellation (2*math.sin(t/2)**2 for 1 - cos(t), "
        "math.expm1(t) for exp(t) - 1, math.log1p(t) for log(1 + t)); pass full_output=True "
        "to get the estimate from farther out anyway"
    )


def test_a_drop_at_the_walk_s_first_sample_is_not_read() -> None:
    # first + start = 0: the drop is at the walk's first sample (s/4); the samples
    # before it are not the walk's, and the limit read stands.
    assert _after_drop(-4).converged
    assert _after_drop(-4).value == DROPPED[-1]


# ------------------------------------------------------------------ _settles_apart, _settling


def test_settles_apart_means_farther_than_the_two_errors() -> None:
    # Binary values: each sum and distance is exact.
    assert not _settles_apart(1.0, 0.25, 1.5, 0.25)  # exactly the two errors apart
    assert _settles_apart(1.0, 0.25, 1.625, 0.25)
    assert not _settles_apart(1.0, 0.25, 1.375, 0.25)  # beyond one error, within two
    assert _settles_apart(-1.0, 0.25, 1.0, 0.25)  # across 0: 2 apart


def test_settling_changes_keep_one_sign_and_shrink() -> None:
    assert _settling([0.0, 4.0, 6.0, 7.0])  # +4, +2, +1
    assert _settling([0.0, -4.0, -6.0, -7.0])  # -4, -2, -1
    assert not _settling([0.0, 1.0, 2.0, 3.0])  # +1, +1, +1: not shrinking
    assert not _settling([0.0, 1.0, 3.0, 6.0])  # growing
    assert not _settling([0.0, 4.0, 2.0, 3.0])  # both ways, each smaller
    assert not _settling([0.0, 4.0, 6.0, 6.0])  # a change of 0 is no sign


# ------------------------------------------------------------------ _heading

TINY = 2.0**-20


def test_few_noisy_samples_head_for_the_one_after_the_calmest_move() -> None:
    # Moves -0.156, +0.031, +2**-20: both ways, and the last sample, 0.5 + 2**-20, is
    # as far from the drop (2**-30) as the calmest: rounding noise. Where they head
    # is the sample after the calmest move, its error that move.
    before = [0.625, 0.46875, 0.5, 0.5 + TINY]
    assert _heading(before, 0, 2.0**-30) == (0.5 + TINY, TINY)


def test_samples_that_move_one_way_or_approach_the_drop_are_estimated() -> None:
    # Not noisy: _estimate's value. Moves -0.125, 0, -0.03 (none up), or +0.03, 0,
    # +0.125 (none down); or both ways, but the last sample, 0.28125, is closer to the
    # drop at 0.25 than LOSS of the calm sample's distance (0.0625): it approaches it.
    for before, after in (
        ([0.625, 0.5, 0.5, 0.46875], 2.0**-30),
        ([0.46875, 0.5, 0.5, 0.625], 2.0**-30),
        ([0.625, 0.5, 0.5 + TINY, 0.28125], 0.25),
    ):
        estimated = _estimate(before, 0)
        assert _heading(before, 0, after) == estimated
        assert estimated[1] > 0.0  # not the calm reading, whose error would be 0 or 2**-20


def test_a_last_sample_exactly_loss_of_the_way_from_the_drop_is_noisy() -> None:
    # Calm sample 0.5 (after the move of -2**-20), drop at 0.25: the last sample,
    # 0.3125, is exactly LOSS (1/4) of the calm one's distance from the drop away
    # from it, as far as counts: noisy, read from the calm sample.
    assert _heading([0.375, 0.5 + TINY, 0.5, 0.3125], 0, 0.25) == (0.5, TINY)


def test_min_samples_noisy_samples_are_estimated() -> None:
    # Six samples (MIN_SAMPLES) can show a trend: _estimate's, noisy or not.
    before = [0.625, 0.46875, 0.5, 0.5 + TINY, 0.4375, 0.5625]
    assert _heading(before, 0, 2.0**-30) == _estimate(before, 0)
    assert _heading(before, 0, 2.0**-30) != (0.5 + TINY, TINY)
    assert _heading(before[1:], 0, 2.0**-30) == (0.5 + TINY, TINY)  # five: the calm one


# ------------------------------------------------------------------ _passed

ULP = 2.0**-52
# test_limits_s18.py's walk: 17 samples stepping down by an ulp or none, to 1 + 5 ulps.
DOWN = [1.0 + k * ULP for k in (14, 13, 12, 11, 10, 10, 9, 8, 8, 8, 7, 7, 6, 6, 6, 6, 5)]


def test_passed_needs_two_blocks_of_changes_and_the_sample_before() -> None:
    # 2 NOISE_POINTS + 1 = 17 samples: with 16 or 15 of them, 4 ulps past 1 + 9 ulps
    # is not read (0.0), as with the 17 it is (13 ulps: 4 past, 9 the whole run moved).
    assert _passed(DOWN, 1.0 + 9 * ULP) == 13 * ULP
    assert _passed(DOWN[1:], 1.0 + 9 * ULP) == 0.0
    assert _passed(DOWN[2:], 1.0 + 9 * ULP) == 0.0


def test_passed_reads_the_last_two_blocks_only() -> None:
    # Earlier samples stepping the other way (up to 1 + 14 ulps) are before the last
    # 2 NOISE_POINTS changes, which alone must keep one sign; the run of ulp steps
    # whose move counts ends there too (13 ulps: 4 past, 9 moved; not 4 + 5).
    walk = [1.0 + k * ULP for k in (10, 11, 12, 13)] + DOWN
    assert _passed(walk, 1.0 + 9 * ULP) == 13 * ULP


def test_passed_reads_walks_up_and_walks_that_start_flat() -> None:
    up = [2.0 - x for x in DOWN]  # 1 - 14 ulps up to 1 - 5 ulps (exact: 2 - x)
    assert _passed(up, 1.0 - 9 * ULP) == 13 * ULP
    flat_start = [DOWN[0], *DOWN[:-1]]  # 14, 14, 13, ...: the first change is 0
    assert _passed(flat_start, 1.0 + 9 * ULP) == 11 * ULP  # 3 past, 8 the run moved


def test_a_step_of_ulps_units_is_within_the_rounding_of_a_sample() -> None:
    # Steps up to ULPS (4) units of a sample's rounding are read; 4 ulps of 1 + 18
    # ulps is just below ULPS * eps * (1 + 18 ulps).
    walk = [1.0 + 18 * ULP, *DOWN[:-1]]  # 18, then 14 (a step of 4 ulps), 13, ...
    assert _passed(walk, 1.0 + 9 * ULP) == 15 * ULP  # 3 past, 12 the run moved, from 18


def test_passed_takes_the_direction_from_the_first_and_last_samples() -> None:
    # A walk that holds still but for one step down, at its end or at its start, went
    # down: 1 + 14 ulps sixteen times then 1 + 13 is 2 ulps past 1 + 15 ulps, and 1
    # more that the run moved; 1 + 14 then sixteen times 1 + 13 likewise (LIM25: the
    # whole run's move, where the last block's was none).
    still_then_down = [1.0 + 14 * ULP] * 16 + [1.0 + 13 * ULP]
    down_then_still = [1.0 + 14 * ULP] + [1.0 + 13 * ULP] * 16
    assert _passed(still_then_down, 1.0 + 15 * ULP) == 3 * ULP
    assert _passed(down_then_still, 1.0 + 15 * ULP) == 3 * ULP


# ------------------------------------------------------------------ _lost_collapse

COLLAPSED = [x / 100.0 for x in DROPPED]  # -4.3e-10, halving: below COLLAPSE of -0.5


def _after_collapse(first: int) -> _OneSided:
    """`_lost_collapse` of the limit read from the collapse's samples, as `_after_drop`."""
    read = _OneSided(COLLAPSED[-1], 1e-13, True, "read from the samples after the collapse")
    return _lost_collapse(
        read, SWUNG + COLLAPSED, first, name="samples", point=lambda h: -h, scale=1.0
    )


def test_a_collapse_after_the_walk_s_first_sample_is_refused_as_a_collapse() -> None:
    # As for _lost_drop: at the walk's second sample the samples before contradict the
    # collapse, and it is refused, by _lost_collapse's own reading (a loss of all the
    # digits or a drop of f itself), not handed to _lost_drop; at the walk's first
    # sample, _lost_drop's (the limit read stands).
    refused = _after_collapse(-3)
    assert refused.converged is False
    assert refused.value == SWUNG[-1]
    assert refused.message == (
        "f approaches -0.5 far from x0 (from the samples), then drops to -4.28777e-10 at "
        "-0.125 and stays that small closer to x0: the samples cannot tell whether f really "
        "drops there or rounding cancels all its digits (1 - cos(t) is exactly 0 for |t| < "
        "1e-8, exp(t) - 1 for |t| < 5e-17) and leaves a small term beside it. Rewrite f "
        "without the cancellation (2*math.sin(t/2)**2 for 1 - cos(t), math.expm1(t) for "
        "exp(t) - 1, math.log1p(t) for log(1 + t)); pass full_output=True to get the "
        "estimate from farther out anyway"
    )
    assert _after_collapse(-4).converged
    assert _after_collapse(-4).value == COLLAPSED[-1]


def test_a_drop_short_of_a_collapse_is_handed_to_lost_drop_whole() -> None:
    # No collapse (the drop is to 8.6e-8 of the last sample, above COLLAPSE): _lost_drop
    # judges it, with the caller's name for the samples in its message.
    read = _OneSided(DROPPED[-1], 1e-11, True, "read from the samples after the drop")
    judged = _lost_collapse(
        read, SWUNG + DROPPED, -3, name="samples", point=lambda h: -h, scale=1.0
    )
    assert judged == _after_drop(-3)
    assert "(from the samples)" in judged.message


def test_a_collapse_the_samples_before_do_not_contradict_leaves_the_drop_to_lost_drop() -> None:
    # The drop to -4.3e-8, then a collapse to -1e-17: the seven samples before the
    # collapse head for about -1e-8, which it does not contradict; the drop before it
    # is _lost_drop's to judge, refused as in test_a_drop_after_the_walk_s_first_sample,
    # its message naming the samples and the drop's place (-0.125).
    samples = [*SWUNG, *DROPPED, -1e-17, -5e-18]
    read = _OneSided(samples[-1], 1e-20, True, "read from the samples after the collapse")
    judged = _lost_collapse(read, samples, -3, name="samples", point=lambda h: -h, scale=1.0)
    assert judged.converged is False
    assert judged.message == _after_drop(-3).message


def test_a_collapse_that_rounding_explains_is_answered_and_says_so() -> None:
    # test_mutation_kills_s18.py's samples of (1 - cos(t))/t**2 + 1.9e-9 (sqrt(1 - x/3.17)
    # - 1), t = x/150.65, at 0+: the samples before the collapse settle on 0.5 (to 8e-9)
    # as their rounding noise grows to f's size. The limit is where they head, and the
    # message says where f drops and why that is rounding's.
    read = _OneSided(S18_SAMPLES[-1], 1e-25, True, "read from the samples after the collapse")
    answered = _lost_collapse(read, S18_SAMPLES, 0, name="right", point=lambda h: h, scale=1.0)
    assert answered.converged is True
    assert abs(answered.value - 0.5) <= answered.error < 1e-8
    assert answered.message == (
        "extrapolated from the right: f drops to -2.85809e-16 at 9.5367431640625e-07 and "
        "stays that small closer to x0, where rounding cancels all its digits, as the "
        "samples before show (their rounding noise grows to the size of f there)"
    )
