"""Mutation tests for _richardson's checks run in session 17's mutation run.

Session 17 ran mutmut 3.8.1's mutants of `_truncation_shown`, `_quiet_near` and
the other functions new or changed in session 16 (at b748b9d) against every
test that reached them; each test below states what the docstring promises at
a point no other test reaches. The oracles are exact: ``1 + t`` and constants
sampled at binary steps, whose quotients and rounding bounds are what
`Sampler.quotient` computes for them.
"""

from __future__ import annotations

import math

from calcweb._richardson import (
    NO_DIGIT,
    Estimate,
    Sampler,
    _beyond_scale,
    _Candidate,
    _contradicted,
    _quiet_near,
    _settled_above,
    _truncation_shown,
    _Window,
)

H = 2.0**-20  # the estimate's smallest step


def _estimate(value: float, window: tuple[tuple[float, float], ...]) -> Estimate:
    return Estimate(value, 0.0, 0, window[0][0], "central", smallest=window[-1][0], window=window)


def test_truncation_is_read_at_the_smallest_step_of_the_window() -> None:
    # 1 + t: every quotient is 1 exactly; the window's larger steps carry the estimate's
    # value (1 + 1e-9), its smallest step's quotient is 1e-9 off it, twice its rounding
    # bound (4.66e-10 at 2**-20): truncation shown. The quotients at the larger steps
    # show none; the verdict is the smallest step's. With the estimate 1 instead, the
    # larger steps' quotients are off it and the smallest's is not: none shown.
    sampler = Sampler(lambda t: 1.0 + t, 0.0)
    value = 1.0 + 1e-9
    window = ((4.0 * H, value), (2.0 * H, value), (H, 1.0))
    assert _truncation_shown(sampler, _estimate(value, window), 1)
    assert not _truncation_shown(sampler, _estimate(1.0, window), 1)


def test_the_rounding_bound_is_the_estimate_s_own_stencil_s() -> None:
    # The central quotient of 1 + t at 2**-20 is bounded by 4.66e-10, a one-sided one by
    # 9.3e-10: a distance of 7e-10 is truncation for the central estimate.
    sampler = Sampler(lambda t: 1.0 + t, 0.0)
    central = sampler.quotient("central", 1, H)[1]
    one_sided = sampler.quotient("backward", 1, H)[1]
    assert central < 7e-10 < one_sided
    window = ((2.0 * H, 1.0), (H, 1.0))
    assert _truncation_shown(sampler, _estimate(1.0 + 7e-10, window), 1)


def test_a_distance_equal_to_the_rounding_bound_is_no_truncation() -> None:
    # The constant 1: its quotient is 0 exactly, within its rounding bound r; an estimate
    # of exactly r is no farther from it than rounding can move it.
    sampler = Sampler(lambda t: 1.0, 0.0)
    rounding = sampler.quotient("central", 1, H)[1]
    assert rounding > 0.0
    window = ((2.0 * H, 0.0), (H, 0.0))
    assert not _truncation_shown(sampler, _estimate(rounding, window), 1)
    assert _truncation_shown(sampler, _estimate(2.0 * rounding, window), 1)


def test_a_quotient_that_cannot_be_taken_counts_as_truncation_shown() -> None:
    # +-1e308 on either side of 0: the central quotient overflows (NumericalError), and
    # the distance cannot be called rounding.
    sampler = Sampler(lambda t: math.copysign(1e308, t), 0.0)
    window = ((2.0 * H, 0.0), (H, 0.0))
    assert _truncation_shown(sampler, _estimate(0.0, window), 1)


def test_the_values_within_reach_include_those_exactly_at_it() -> None:
    # f sampled at 0 (1) and at 0.5 (1000): within a reach of 0.5 the largest |f| is 1000,
    # so the rounding there is 8 eps 1000 (below quiet = 1).
    sampler = Sampler(lambda t: 1000.0 if t else 1.0, 0.0)
    sampler(0.0)
    sampler(0.5)
    assert _quiet_near(sampler, 0.5, 1.0) == 8.0 * 2.0**-52 * 1000.0
    assert _quiet_near(sampler, 0.25, 1.0) == 8.0 * 2.0**-52


def test_quotients_settled_exactly_at_the_edge_of_the_bars_are_within_them() -> None:
    # An estimate of 0 within its error (2**-50 +- 2**-50), and two quotients at larger
    # steps that agreed on 2**-40 to within 2**-40 - 2**-49: the bars reach 2**-40 - 2**-50
    # from the estimate, exactly the distance (all binary, no rounding): not outside. A
    # tighter agreement (2**-41) leaves them outside.
    zero = Estimate(2.0**-50, 2.0**-50, 0, 1.0, "central", above=((2.0**-40, 2.0**-40 - 2.0**-49),))
    assert not _settled_above(zero)
    assert _settled_above(
        Estimate(2.0**-50, 2.0**-50, 0, 1.0, "central", above=((2.0**-40, 2.0**-41),))
    )


FALLBACK = _Candidate(0.0, 0.25, 2, 1, 0.5)  # 0 +- 0.25, its smallest step 0.5


def test_only_windows_at_smaller_steps_contradict_the_fallback() -> None:
    # A window with an extrapolated entry, 1 +- 0.25, farther from the fallback than both
    # errors: at a smaller step (0.25) it widens the fallback's error to 1 + 0.25; at the
    # fallback's own smallest step it does not.
    assert _contradicted(FALLBACK, [_Candidate(1.0, 0.25, 3, 1, 0.25)]).error == 1.25
    assert _contradicted(FALLBACK, [_Candidate(1.0, 0.25, 3, 1, 0.5)]).error == 0.25


def test_a_window_exactly_both_errors_away_does_not_contradict() -> None:
    # 1 +- 0.75 is exactly 0.25 + 0.75 from 0 +- 0.25: the two agree; 1.5 +- 0.75 does not.
    assert _contradicted(FALLBACK, [_Candidate(1.0, 0.75, 3, 1, 0.25)]).error == 0.25
    assert _contradicted(FALLBACK, [_Candidate(1.5, 0.75, 3, 1, 0.25)]).error == 2.25


STEPS = [0.015, 0.0075, 0.00375, 0.001875]


def _beyond_second(odd: list[float], even0: float, error: float = 0.0) -> bool:
    """`_beyond_scale` of a second derivative on 1 plus odd parts at STEPS[1:], even at STEPS[0].

    f is 1 at 0, ``1 + even0`` at ``+-STEPS[0]`` and ``1 +- odd[k]`` at ``+-STEPS[k + 1]``;
    the best entry T[3][1] rests on rows 1 to 3, with the given error (0: only the range
    of f bounds a change).
    """
    extra = {STEPS[0]: even0, -STEPS[0]: even0}
    for step, o in zip(STEPS[1:], odd, strict=True):
        extra[step], extra[-step] = o, -o
    sampler = Sampler(lambda t: 1.0 + extra.get(t, 0.0), 0.0)
    for point in [0.0, *extra]:
        sampler(point)
    window = _Window(2)
    window.steps = STEPS[:]
    return _beyond_scale(sampler, "central", 2, window, _Candidate(0.0, error, 3, 1, STEPS[3]))


def test_an_even_order_judges_the_odd_part_itself() -> None:
    # The odd parts (f(h) - f(-h)) / 2 are 0, 1, 0: changes 1 and -1, a turn by 1. f spans
    # 2.8 (from 0 to 2.8, the even part at the largest step): a quarter of it is 0.7, below
    # the turn: beyond. Spanning 5 (a quarter 1.25), the turn is not beyond it.
    assert _beyond_second([0.0, 1.0, 0.0], 1.8)
    assert not _beyond_second([0.0, 1.0, 0.0], 4.0)


def test_an_even_order_s_noise_bound_scales_with_its_stencil() -> None:
    # Noise d in the values moves a second difference quotient by d (1 + 2 + 1) / h**2: a
    # window with error e rules out noise above NO_DIGIT e h**2 / 4, at h = 0.00375 where
    # the odd parts 0, 1, 0 turn (by 1; f spans 2, a quarter 0.5). An error that puts
    # that bound at 0.8 leaves the turn beyond it; at 1.5, the turn could be noise.
    h2 = STEPS[2] ** 2
    assert _beyond_second([0.0, 1.0, 0.0], 0.0, error=0.8 * 4.0 / (NO_DIGIT * h2))
    assert not _beyond_second([0.0, 1.0, 0.0], 0.0, error=1.5 * 4.0 / (NO_DIGIT * h2))
