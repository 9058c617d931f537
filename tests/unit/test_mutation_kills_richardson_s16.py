"""Mutation tests for _richardson's checks new in sessions 14 and 15 (session 16's mutation run).

The functions are `_beyond_scale`, `_untruncated`, `_disagrees` and
`_check_grid`. Session 16 ran their mutants (mutmut 3.8.1's, at e457528)
against the tests that name them, then the survivors against every
derivative and Richardson test file; each test below states what the
docstring promises at a point no other test reaches. The oracles are exact:
values of ``1 + t`` plus chosen even parts at binary steps, where every
difference is what it is set to be.
"""

from __future__ import annotations

import math

import pytest

from calcweb._richardson import (
    GRID,
    Estimate,
    Sampler,
    _beyond_scale,
    _Candidate,
    _check_grid,
    _disagrees,
    _untruncated,
    _Window,
)
from calcweb.exceptions import NumericalError

STEPS = [0.015, 0.0075, 0.00375, 0.001875]


def _beyond(
    even: list[float],
    row: int,
    level: int,
    *,
    odd: tuple[float, ...] = (0.0, 0.0, 0.0, 0.0),
    line: tuple[float, float] = (1.0, 1.0),
    error: float = 0.0,
) -> bool:
    """`_beyond_scale` on ``a + b t`` plus ``even[k] +- odd[k]`` at ``0 +- STEPS[k]``.

    ``line`` is ``(a, b)``. The window's steps are STEPS, its best entry T[row][level]
    with the given error (0: only the range of f bounds a change); every value is sampled
    (no call is needed).
    """
    extra = {}
    for step, e, o in zip(STEPS, even, odd, strict=True):
        extra[step], extra[-step] = e + o, e - o
    a, b = line
    sampler = Sampler(lambda t: a + b * t + extra.get(t, 0.0), 0.0)
    for point in [0.0, *extra]:
        sampler(point)
    window = _Window(2)
    window.steps = STEPS[:]
    best = _Candidate(b, error, row, level, STEPS[row])
    return _beyond_scale(sampler, "central", 1, window, best)


def test_the_rows_judged_reach_back_to_the_level_of_the_best_entry() -> None:
    # E = 0.05, 0.45, 0.15, 0.05 (changes 0.4, -0.3, -0.1): the turn is between the first
    # three rows. An entry T[3][3] rests on all four: beyond. Only the last three (rows 1
    # to 3: changes -0.3, -0.1, one way) show no turn.
    even = [0.05, 0.45, 0.15, 0.05]
    assert _beyond(even, row=3, level=3)
    assert not _beyond(even, row=3, level=1)  # rows 1 to 3, three at least


def test_the_rows_judged_stop_at_the_best_entry() -> None:
    # E = 0.05, 0.15, 0.45, 0.05: one way up to row 2, turning at row 3. An entry T[2][2]
    # rests on rows 0 to 2: not beyond, whatever row 3 (a smaller step) shows.
    even = [0.05, 0.15, 0.45, 0.05]
    assert not _beyond(even, row=2, level=2)
    assert _beyond(even, row=3, level=3)


def test_the_even_part_leaves_out_the_odd_part() -> None:
    # Odd parts 0.05, 0.45, 0.15, 0 that turn, and no even part: the even parts are all 0
    # (f(h) - f(x) or f(x) - f(-h) alone would turn by 0.3, above a quarter of f's range).
    assert not _beyond([0.0] * 4, row=2, level=2, odd=(0.05, 0.45, 0.15, 0.0))


def test_the_even_part_is_the_mean_of_the_two_sides_less_f_at_x() -> None:
    # f spans 0.03 over the points (1 + t at +-0.015), so a change counts above 0.0075.
    # E = 0, 0.009, 0 turns by 0.009: beyond (two thirds of it, 0.006, would not be).
    assert _beyond([0.0, 0.009, 0.0, 0.0], row=2, level=2)
    # E = 0, 0.0045, 0 turns by 0.0045: not beyond (four times it, 0.018, would be).
    assert not _beyond([0.0, 0.0045, 0.0, 0.0], row=2, level=2)


def test_the_even_part_is_exact_where_f_is_far_from_0() -> None:
    # f = 2**52 (ulp 1) but 2**52 + 1 at +-0.0075: E = 0, 1, 0 exactly, a turn by the whole
    # range of f. Added to f(x) instead, 2**53 + 1 would round to 2**53: no change at all.
    assert _beyond([0.0, 1.0, 0.0, 0.0], row=2, level=2, line=(2.0**52, 0.0))


def test_a_turn_is_between_changes_of_strict_signs() -> None:
    # E = 0.1, 0.1, 0.5 (changes 0 and 0.4) and 0.5, 0.5, 0.1 (0 and -0.4): a flat change
    # then a large one is no turn.
    assert not _beyond([0.1, 0.1, 0.5, 0.0], row=2, level=2)
    assert not _beyond([0.5, 0.5, 0.1, 0.0], row=2, level=2)


def test_changes_are_compared_with_their_neighbours_only() -> None:
    # E = 0.5, 0.1, 0.1, 0.4: changes -0.4, 0, 0.3, no two neighbours of opposite signs
    # (the first and the last are, but they are not neighbours).
    assert not _beyond([0.5, 0.1, 0.1, 0.4], row=3, level=3)


def test_a_change_must_exceed_a_quarter_of_the_range_of_f() -> None:
    # f is 1, 0, 0.25 at +-STEPS[:3] and 0 elsewhere: E the same, and f spans exactly 1.
    # The turn from -1 to 0.25 is exactly a quarter of it: not beyond; 0.3125 is.
    assert not _beyond([1.0, 0.0, 0.25, 0.0], row=2, level=2, line=(0.0, 0.0))
    assert _beyond([1.0, 0.0, 0.3125, 0.0], row=2, level=2, line=(0.0, 0.0))


def test_a_change_noise_could_make_does_not_count() -> None:
    # E = 0.5, 0, 0.5: the turn to 0.5 at step 0.0075. Noise of 0.5 would scatter the
    # quotients by about 0.5 / 0.0075 = 67: an error of 0.01 rules it out (NO_DIGIT times
    # 0.01 times the step is 0.0012), an error of 5 does not (0.6).
    even = [0.5, 0.0, 0.5, 0.0]
    assert _beyond(even, row=2, level=2, line=(0.0, 0.0), error=0.01)
    assert not _beyond(even, row=2, level=2, line=(0.0, 0.0), error=5.0)


def _estimate(window: tuple[tuple[float, float], ...] = (), **larger: float) -> Estimate:
    """1.0 +- 0.25 resting on ``window``, and one window at larger steps (``value``, ``error``)."""
    wider = ((larger["value"], larger["error"]),) if larger else ()
    return Estimate(1.0, 0.25, 0, 1.0, "central", 0.5, window=window, larger=wider)


def test_an_estimate_on_no_quotients_shows_no_lack_of_truncation() -> None:
    # No window: nothing to go by (all() of nothing would say yes).
    assert not _untruncated(_estimate())


def test_quotients_within_the_error_show_no_truncation_to_the_bar_itself() -> None:
    # Quotients 1.25 and 0.75: exactly the error (0.25) from the value, both ways.
    assert _untruncated(_estimate(((0.5, 1.25), (0.25, 0.75))))
    # 1.375 is beyond it; so is a quotient near -1 (not near the value, whatever its size).
    assert not _untruncated(_estimate(((0.5, 1.25), (0.25, 1.375))))
    assert not _untruncated(_estimate(((0.5, -1.0),)))


def test_a_larger_window_disagrees_beyond_both_errors_only() -> None:
    # 1.0 +- 0.25 against 1.5 +- 0.25: 0.5 apart, exactly the two errors: no disagreement.
    assert not _disagrees(_estimate(value=1.5, error=0.25))
    # 1.375 +- 0.25 is within them (0.375 < 0.5); 1.0 itself, of course.
    assert not _disagrees(_estimate(value=1.375, error=0.25))
    assert not _disagrees(_estimate(value=1.0, error=0.25))
    # 1.625 +- 0.25, or -1.0 +- 0.25 (near the value's opposite), are beyond them.
    assert _disagrees(_estimate(value=1.625, error=0.25))
    assert _disagrees(_estimate(value=-1.0, error=0.25))


def _grid_checked(
    d1: float,
    *,
    value: float = 1.0,
    kind: str = "central",
    x: float = 1.0,
    f_value: float = 1.0,
    h1: float = 1e-13,
    noise_floor: float = 0.0,
) -> bool:
    """Whether `_check_grid` refuses ``value`` (n = 1) on the rows (2 h1, value), (h1, d1).

    f is ``f_value`` everywhere (sampled at x alone): the rounding level is 2 eps |f_value|,
    or the sampler's ``noise_floor``, or _TINY. With two rows the scale is read from
    ``(d1 - value) / value`` alone: ``s h1 = sqrt(6 |d1 - value| / |value|)``, refused when
    it exceeds ``h1 / (GRID ulp(x))`` (0.155 at x = 1, h1 = 1e-13).
    """
    sampler = Sampler(lambda t: f_value, x)
    sampler(x)
    sampler.noise_floor = noise_floor
    window = ((2.0 * h1, value), (h1, d1))
    estimate = Estimate(value, 0.0, 1, 2.0 * h1, kind, h1, window=window)
    try:
        _check_grid(sampler, estimate, 1)
    except NumericalError as error:
        return "float spacing" in str(error)
    return False


def test_a_scale_of_few_float_spacings_is_refused_from_two_rows() -> None:
    # d1 - value = 0.01: s h1 = sqrt(0.06) = 0.245, above 0.155: refused.
    assert _grid_checked(1.01)
    # 0.0025: s h1 = 0.122: kept.
    assert not _grid_checked(1.0025)


def test_only_central_estimates_of_a_value_other_than_0_are_judged() -> None:
    assert not _grid_checked(1.01, kind="forward")
    assert not _grid_checked(0.01, value=0.0)


def test_the_scale_is_read_above_the_rounding_of_f() -> None:
    # The rounding of the quotients at h1 is 2 eps |f| / h1 = 4.4e-3 here. d1 - value =
    # 5.5e-3 is above it: s h1 = 0.18, refused; below 3 eps |f| / h1 (6.7e-3), as it is.
    assert _grid_checked(1.0055)
    # A measured noise floor of 1e-14 makes it 0.1: 0.01 is within it, no scale is read.
    assert not _grid_checked(1.01, noise_floor=1e-14)


def test_the_rounding_is_never_below_the_subnormal_spacing() -> None:
    # f = 0 at x = 0 (ulp 5e-324), h1 = 20 ulps: the level is _TINY (2 ulps), 0.1 of the
    # quotients at h1; d1 - value = 0.05 is within it: no scale is read, nothing refused.
    # (With a level of 0, s h1 = 0.55, and 0.55 GRID ulp(0) is far above h1.)
    h1 = 20.0 * math.ulp(0.0)
    assert not _grid_checked(1.05, x=0.0, f_value=0.0, h1=h1)
    assert _grid_checked(1.5, x=0.0, f_value=0.0, h1=h1)


def test_a_scale_of_exactly_grid_float_spacings_is_kept() -> None:
    # h1 set to the bound itself, s h1 GRID ulp(1) (as `_growth` computes s h1 from two rows):
    # a scale of exactly GRID spacings is not below it.
    bound = math.sqrt(abs((1.01 - 1.0) / 1.0) * 6.0) * GRID * math.ulp(1.0)
    assert not _grid_checked(1.01, h1=bound)
    assert _grid_checked(1.01, h1=bound * (1.0 - 2.0**-52))


def test_the_grid_refusal_says_the_scale_and_what_to_do() -> None:
    # s h1 = sqrt(0.06) = 0.245 at h1 = 1e-13: a scale of h1 / (s h1) = 4.08e-13, which is
    # 1839 spacings of 2.22e-16 (ulp(1)).
    sampler = Sampler(lambda t: 1.0, 1.0)
    sampler(1.0)
    window = ((2e-13, 1.0), (1e-13, 1.01))
    estimate = Estimate(1.0, 0.0, 1, 2e-13, "central", 1e-13, window=window)
    with pytest.raises(NumericalError) as refusal:
        _check_grid(sampler, estimate, 1)
    assert str(refusal.value) == (
        "f varies on the scale of the float spacing near x=1.0, too few floats for calcweb "
        "(a policy). Its scale, as the difference quotients show it, is 4.08e-13, 1.84e+03 "
        "float spacings (2.22e-16), fewer than 2896; at so few floats f can be the same as "
        "functions of other derivatives (sin at 1e240, of period 2 pi far below the spacing, "
        "is at each of them sin(x0 + 0.0686 k), smooth in k); write f with calcweb's "
        "functions (calcweb.sin, ...) for exact derivatives"
    )
