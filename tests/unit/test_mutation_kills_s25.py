"""Mutation tests for the functions session 24 added or changed (MUT18, session 25).

tools/mutation/one_function.py made mutmut 3.8.1's mutants at 2205476 of the functions
session 24 added or changed (tools/mutation/HISTORY.md). Each test below kills survivors
by a direct call: a boundary the code states, hit exactly, values set by hand, or a
stand-in for f. No mpmath and no numpy: these run inside Pyodide too.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

import pytest
from test_derlog import NO_DERIVATIVE
from test_limits_lim30 import cos_end
from test_mutation_kills_s23 import NOISED, estimate
from test_mutation_kills_s24 import _SIDE, _FlatSides, _junction

from calcweb import _richardson, derivative, directional_derivative, limit, limits
from calcweb._checks import evaluate
from calcweb._gauss_kronrod import Rule
from calcweb._integrate import _Extrapolated, _Panels
from calcweb._richardson import (
    CROSSING,
    JUMP_HALVINGS,
    SHRINK_SPAN,
    STAIR_REACH,
    SWUNG,
    Estimate,
    Sampler,
    _bracketed,
    _clamp_edge,
    _crosses,
    _enough_below,
    _even_part_crossing,
    _even_part_gaps,
    _followed_to_clamp,
    _gap_shrinks,
    _meets_continuously,
    _one_value_around,
    _spanning,
    _stair_beside,
    _stair_derivative,
    _stairs_beside,
    _swung_throughout,
    _symmetric_at,
    _Walk,
    _window_beside,
)
from calcweb.exceptions import DomainError, NumericalError
from calcweb.limits import _slowing

# _swung_throughout: SWUNG jumps at least; none calmed (two in a row below 1/16 of the
# largest); the last three reach a quarter of the largest and beyond the rounding.


def test_swung_throughout_needs_swung_jumps() -> None:
    assert SWUNG == 6
    assert _swung_throughout([1.0] * 6, 0.5)
    assert not _swung_throughout([1.0] * 5, 0.5)


def test_swung_throughout_reads_the_last_three_jumps() -> None:
    assert not _swung_throughout([1.0, 1.0, 1.0, 1.0, 0.2, 0.2, 0.2], 0.1)


def test_swung_throughout_calmed_by_two_jumps_below_a_sixteenth() -> None:
    assert not _swung_throughout([16.0, 0.95, 0.95, 16.0, 16.0, 16.0], 0.5)
    assert _swung_throughout([16.0, 1.0, 1.0, 16.0, 16.0, 16.0], 0.5)  # exactly 1/16: not


def test_swung_throughout_last_jumps_a_quarter_of_the_largest() -> None:
    assert _swung_throughout([16.0, 16.0, 16.0, 16.0, 4.0, 4.0, 4.0], 0.5)
    assert not _swung_throughout([16.0, 16.0, 16.0, 16.0, 3.5, 3.5, 3.5], 0.5)


def test_swung_throughout_last_jumps_beyond_the_rounding() -> None:
    assert not _swung_throughout([1.0] * 6, 1.0)


# _crosses: a sign change between two gaps beyond their bound.


def test_crosses_needs_two_signs_beyond_the_bound() -> None:
    assert _crosses([(1.0, 0.5, 0.1), (0.5, -0.5, 0.1)])
    assert not _crosses([(1.0, 0.5, 0.1), (0.5, 0.7, 0.1)])
    assert not _crosses([(1.0, 0.5, 0.5), (0.5, -1.0, 0.1)])  # exactly its bound: no sign


# _enough_below: the steps span SHRINK_SPAN, with two below their geometric middle.


@pytest.mark.parametrize(
    ("steps", "enough"),
    [
        ([8.0, 2.0, 1.0], True),
        ([SHRINK_SPAN, 1.0, 1.0], True),  # exactly the span
        ([4.0, 1.0, 0.5], True),
        ([1.0, 0.5], False),
        ([0.8, 0.7, 0.1], False),
        ([8.0, 1.1, 1.05, 1.0], True),
        ([8.0, 4.0, 1.0], False),
        ([16.0, 4.0, 1.0], False),  # 4 is the middle: not below it
    ],
)
def test_enough_below(steps: list[float], enough: bool) -> None:
    assert _enough_below(steps) is enough


# _spanning: up to `more` halvings below the smallest, until _enough_below.


def test_spanning_halves_up_to_more_times_until_enough() -> None:
    assert _spanning([1.0], 0) == [1.0]
    assert _spanning([1.0], 2) == [1.0, 0.5, 0.25]
    assert _spanning([1.0], 5) == [1.0, 0.5, 0.25, 0.125]
    assert _spanning([], 3) == []


# _gap_shrinks: the largest gap beyond its bound at the larger steps against the
# largest (or its bound) at the smaller ones, as sqrt(h).

STEPS = (0.8, 0.4, 0.2, 0.1)


def gaps(*values: tuple[float, float]) -> list[tuple[float, float, float]]:
    return [(step, gap, bound) for step, (gap, bound) in zip(STEPS, values, strict=True)]


def test_gap_shrinks_over_enough_steps_only() -> None:
    assert not _gap_shrinks([(0.2, 1.0, 0.1), (0.1, 0.01, 0.01)])
    assert not _gap_shrinks([(0.8, 1.0, 0.1)])
    assert _gap_shrinks([(0.8, 1.0, 0.1), (0.2, 0.1, 0.1), (0.1, 0.1, 0.1)])


def test_gap_shrinks() -> None:
    assert _gap_shrinks(gaps((1.0, 0.1), (-1.0, 0.1), (0.1, 0.1), (0.1, 0.1)))
    assert not _gap_shrinks(gaps((1.0, 0.1), (1.0, 0.1), (1.0, 0.1), (0.1, 0.1)))


def test_gap_shrinks_reads_the_larger_half_beyond_its_bound_only() -> None:
    assert not _gap_shrinks(gaps((0.05, 0.1), (0.05, 0.1), (1.0, 0.1), (1.0, 0.1)))
    assert not _gap_shrinks(gaps((0.1, 0.1), (0.1, 0.1), (0.001, 0.001), (0.001, 0.001)))


def test_gap_shrinks_against_sqrt_h_exactly() -> None:
    # 0.5 = 1.0 * sqrt(0.2 / 0.8): not below; 0.45 is
    assert not _gap_shrinks(gaps((1.0, 0.1), (0.1, 0.1), (0.5, 0.1), (0.1, 0.1)))
    assert _gap_shrinks(gaps((1.0, 0.1), (0.1, 0.1), (0.45, 0.1), (0.2, 0.1)))


def test_gap_shrinks_splits_the_steps_at_their_geometric_middle() -> None:
    assert _gap_shrinks(gaps((4.0, 0.1), (3.0, 0.1), (0.1, 0.1), (0.1, 0.1)))
    assert _gap_shrinks(gaps((1.0, 0.1), (-1.0, 0.1), (0.1, 0.1), (0.0, 0.1)))
    # 0.4 is the middle of 1.6 .. 0.1: in the larger half
    five = [
        (1.6, 0.01, 0.1),
        (0.8, 0.01, 0.1),
        (0.4, 1.0, 0.1),
        (0.2, 0.01, 0.01),
        (0.1, 0.01, 0.01),
    ]
    assert _gap_shrinks(five)


# limits._slowing: log |f| rose by less between the last two samples than 0.99 of
# the two before.


def test_slowing_needs_three_samples() -> None:
    assert _slowing([1.0, 2.0])
    assert not _slowing([1.0, math.e, math.e**3])
    assert not _slowing([5.0, 1.0, math.e, math.e**3])


def test_slowing_compares_the_rises_in_log() -> None:
    assert _slowing([1.0, math.e, math.e**1.5])
    assert not _slowing([1.0, 2.0**100, 2.0**199])  # 99 = 0.99 x 100: not less
    assert _slowing([1.0, math.exp(10.0), math.exp(19.0)])
    assert not _slowing([1.0, math.e, math.e**2.5])
    assert not _slowing([math.exp(10.0), math.exp(11.0), math.exp(12.5)])


# limits._underflowed: a division by 0 both at the first step past the run and the last.


def test_underflowed_needs_both_failures_to_divide_by_0() -> None:
    divides = NumericalError("0/0")
    divides.__cause__ = ZeroDivisionError("float division by zero")
    other = DomainError("math domain error")
    assert limits._underflowed(divides, divides)
    assert not limits._underflowed(divides, other)
    assert not limits._underflowed(other, divides)


# ------------------------------------------------------------------ stairs and clamps
# f given by a table of its values (0 elsewhere), each sampled.


def table(values: dict[float, float], x: float = 0.0) -> Sampler:
    sampler = Sampler(lambda t: values.get(t, 0.0), x)
    for point in (x, *values):
        sampler(point)
    return sampler


def step_at(edge: float) -> Callable[[float], float]:
    return lambda t: 0.0 if t < edge else 1.0


def test_bracketed_halves_towards_the_junction() -> None:
    sampler = Sampler(step_at(0.3), 0.0)
    sampler(0.0)
    assert _bracketed(sampler, 0.0, 1.0, 3) == (0.25, 0.375)
    assert sampler.calls == 4
    tiny = math.nextafter(0.0, 1.0)
    assert _bracketed(sampler, 0.0, tiny, 3) == (0.0, tiny)  # adjacent floats


@pytest.mark.parametrize(
    ("values", "meets"),
    [
        ({0.375: 0.075, 0.5: 0.2}, True),  # max(t - 0.3, 0): the secant meets 0 at 0.6 widths
        ({0.375: 1.375, 0.5: 1.5}, False),  # a jump: at 11 widths
        ({0.25: 1.0, 0.375: 1.075, 0.5: 1.2}, True),  # the same 1 higher
        ({0.375: 0.075, 0.5: 0.2, 0.25: 0.0, 1.0: 0.0}, True),  # only 2 h - flat is read
        ({0.375: 1.0, 0.5: 1.0}, False),  # flat beyond: no secant
        ({0.375: -1e308, 0.5: 1e308}, False),  # the rise overflows
        ({0.375: 0.0, 0.5: 0.1}, True),  # meets at edge itself
        ({0.375: 0.5, 0.5: 0.75}, True),  # at exactly 2 widths
        ({0.375: 0.5, 0.5: 0.7}, False),  # at 2.5
    ],
)
def test_meets_continuously(values: dict[float, float], meets: bool) -> None:
    sampler = table(values, 0.25)
    assert _meets_continuously(sampler, 0.25, 0.375) is meets


def test_window_beside_takes_the_central_stencils_points_on_one_side() -> None:
    sampler = SimpleNamespace(x=1.0)
    noised = estimate(0.0, 1.0, window=(0.5, 0.25))
    assert _window_beside(sampler, 2, noised, 1.0) == [1.5, 1.25]  # type: ignore[arg-type]
    assert _window_beside(sampler, 3, noised, -1.0) == [0.5, -0.5, 0.75, 0.25]  # type: ignore[arg-type]


def test_symmetric_at_needs_an_estimate_and_a_quotient_of_exactly_0() -> None:
    even = Sampler(lambda t: t * t + 1.0, 0.0)
    assert _symmetric_at(even, 1, 0.5, estimate(0.0, 1.0))
    assert not _symmetric_at(even, 1, 0.5, estimate(1.0, 1.0))
    assert not _symmetric_at(Sampler(lambda t: t, 0.0), 1, 0.5, estimate(0.0, 1.0))
    assert not _symmetric_at(Sampler(math.sqrt, 0.0), 2, 0.5, estimate(0.0, 1.0))


def test_one_value_around_reads_the_window_reach_of_its_stencil() -> None:
    near = estimate(0.0, 1.0, window=(0.25, 0.125))
    assert not _one_value_around(table({}, 1.0), estimate(0.0, 1.0, window=()), 3)
    # central, n = 3: offsets up to 3, so 3 x 0.25 from x
    assert _one_value_around(table({1.76: 5.0}, 1.0), near, 3)
    assert not _one_value_around(table({1.75: 5.0}, 1.0), near, 3)
    assert not _one_value_around(table({1.5: 5.0}, 1.0), near, 3)
    assert not _one_value_around(table({0.25: 5.0}, 1.0), near, 3)
    assert _one_value_around(table({1.5: 0.0}, 1.0), near, 3)
    # n = 4: offsets up to 2 (weights up to 6; a backward stencil's up to 4)
    assert _one_value_around(table({1.6: 5.0}, 1.0), near, 4)


# _stair_beside: f is 2 on (0.7, 1.3), 3 beyond 1.3 and 2.5 below 0.7; x = 1.


def stairs(t: float) -> float:
    if t >= 1.3:
        return 3.0
    return 2.0 if t > 0.7 else 2.5


def halved(flat: float, edge: float, junction: float, times: int = JUMP_HALVINGS) -> float:
    """The edge of ``[flat, edge]`` halved ``times`` times about ``junction``."""
    for _ in range(times):
        middle = flat + (edge - flat) / 2.0
        if (middle - junction) * (edge - flat) < 0.0:
            flat = middle
        else:
            edge = middle
    return edge


def sampled(f: Callable[[float], float], *points: float) -> Sampler:
    sampler = Sampler(f, 1.0)
    for point in (1.0, *points):
        sampler(point)
    return sampler


def test_stair_beside_walks_out_four_times_farther_each_look() -> None:
    sampler = sampled(stairs, 1.01, 0.99)
    step = 1.01 - 1.0  # then 4, 16 and 64 times it (1.64: off)
    height, distance = _stair_beside(sampler, 1.0, 2.0)  # type: ignore[misc]
    assert (height, distance) == (1.0, halved(1.0 + 16 * step, 1.0 + 64 * step, 1.3) - 1.0)
    # 1.04, 1.16, 1.64 and the halvings (the secant's far point is one of them)
    assert sampler.calls == 3 + 3 + JUMP_HALVINGS
    height, distance = _stair_beside(sampler, -1.0, 2.0)  # type: ignore[misc]
    assert (height, distance) == (0.5, 1.0 - halved(1.0 - 16 * step, 1.0 - 64 * step, 0.7))


def test_stair_beside_starts_from_the_nearest_point_off_and_the_farthest_on() -> None:
    sampler = sampled(stairs, 0.99, 0.9, 0.4, 0.2)
    height, distance = _stair_beside(sampler, -1.0, 2.0)  # type: ignore[misc]
    assert (height, distance) == (0.5, 1.0 - halved(0.9, 0.4, 0.7))
    assert sampler.calls == 5 + JUMP_HALVINGS


def test_stair_beside_none_where_f_leaves_continuously_or_fails_or_no_step_to_start_from() -> None:
    # Past the reach (0.2) and past 6 looks (to 1.004) the far look (`_far_stair`,
    # session 30) finds the stair at 1.3 all the same: test_derreach_far_stairs.py.
    assert _stair_beside(sampled(stairs), 1.0, 2.0) is None  # no step to start from
    clamp = sampled(lambda t: max(t, 1.3) - 1.3, 1.01)
    assert _stair_beside(clamp, 1.0, 2.0) is None
    fails = sampled(lambda t: 2.0 if t < 1.3 else math.log(-t), 1.01)
    assert _stair_beside(fails, 1.0, 2.0) is None


def test_stair_derivative_takes_the_largest_bound_over_both_sides() -> None:
    assert _stair_derivative([(0.5, 0.25), (1.0, 3.0)], 3) == 2.0 * 0.5 * 12.0**3
    assert _stair_derivative([(1.0, 3.0)], 3) == 2.0
    assert _stair_derivative([], 3) == 0.0
    assert _stair_derivative([(1.0, 1e-200)], 3) == math.inf


def test_stairs_beside_keeps_the_sides_with_a_stair(monkeypatch: pytest.MonkeyPatch) -> None:
    sampler = Sampler(stairs, 1.0)
    sides: dict[float, tuple[float, float] | None] = {-1.0: (0.5, 0.25), 1.0: None}

    def beside(asked: Sampler, away: float, reach: float) -> tuple[float, float] | None:
        assert (asked, reach) == (sampler, 3.0)
        return sides[away]

    monkeypatch.setattr(_richardson, "_stair_beside", beside)
    assert _stairs_beside(sampler, 3.0) == [(0.5, 0.25)]
    sides[1.0] = (1.0, 3.0)
    assert _stairs_beside(sampler, 3.0) == [(0.5, 0.25), (1.0, 3.0)]


# _clamp_edge: f = min(t, 0.25) at 0 (a clamp beyond 0.25 on the forward side), its
# window (n = 2) at steps 0.5 and 0.75.

WINDOW = estimate(0.0, 1.0, window=(0.5, 0.75))


def near_quarter(distance: float) -> bool:
    return 0.25 - 0.25 * 2.0**-JUMP_HALVINGS <= distance < 0.25


def clamp_sampler(f: Callable[[float], float], *more: float) -> Sampler:
    sampler = Sampler(f, 0.0)
    for point in (0.0, 0.5, 0.75, -0.5, -0.75, *more):
        sampler(point)
    return sampler


def test_clamp_edge_brackets_where_f_leaves_the_clamp_continuously() -> None:
    assert near_quarter(
        _clamp_edge(clamp_sampler(lambda t: min(t, 0.25)), "forward", 2, WINDOW, 1.0)
    )
    assert near_quarter(
        _clamp_edge(clamp_sampler(lambda t: max(t, -0.25)), "backward", 2, WINDOW, 1.0)
    )
    assert (
        _clamp_edge(clamp_sampler(lambda t: min(t, 0.25)), "backward", 2, WINDOW, 1.0) == math.inf
    )


def test_clamp_edge_is_inf_for_a_stair_x_on_the_flat_or_a_window_not_flat() -> None:
    jump = clamp_sampler(lambda t: 0.0 if t < 0.25 else 1.0)
    assert _clamp_edge(jump, "forward", 2, WINDOW, 1.0) == math.inf
    assert _clamp_edge(clamp_sampler(lambda t: 0.0), "forward", 2, WINDOW, 1.0) == math.inf
    assert _clamp_edge(clamp_sampler(lambda t: t), "forward", 2, WINDOW, 1.0) == math.inf
    one = estimate(0.0, 1.0, window=(0.5,))  # one point a side
    assert _clamp_edge(clamp_sampler(lambda t: min(t, 0.25)), "forward", 2, one, 1.0) == math.inf


def test_clamp_edge_within_and_from_the_points_sampled() -> None:
    sampler = clamp_sampler(lambda t: min(t, 0.25), 0.2, 0.125)  # 0.2: off the clamp
    calls = sampler.calls
    assert _clamp_edge(sampler, "forward", 2, WINDOW, 0.19) == math.inf
    assert sampler.calls == calls  # no call
    assert near_quarter(_clamp_edge(sampler, "forward", 2, WINDOW, 0.2))
    assert sampler.calls - calls <= JUMP_HALVINGS + 2  # and the secant's two


def test_clamp_edge_is_inf_where_f_fails_between() -> None:
    def fails(t: float) -> float:
        if t <= 0.0 or t >= 0.25:
            return min(t, 0.25)
        raise ValueError("math domain error")

    assert _clamp_edge(clamp_sampler(fails), "forward", 2, WINDOW, 1.0) == math.inf


# _followed_to_clamp: its helpers stood in for; each notes what it was asked.


class ToClamp:
    def __init__(self, monkeypatch: pytest.MonkeyPatch, distance: float, followed: float) -> None:
        self.asked: list[tuple[object, ...]] = []
        self.beyond = followed  # how far the walk with the new row follows

        def followed_up_to(side: Estimate, within: float) -> float:
            self.asked.append(("followed", side.before, within))
            return self.beyond if side.before else followed

        def clamp_edge(*args: object, within: float) -> float:
            self.asked.append(("edge", *args, within))
            return distance

        def quotient(kind: str, n: int, step: float) -> tuple[float, float, float]:
            self.asked.append(("quotient", kind, n, step))
            if step == math.inf:
                raise NumericalError("overflows")
            return 7.0, 0.5, 2.0 * step

        self.sampler = SimpleNamespace(quotient=quotient)
        monkeypatch.setattr(_richardson, "_followed_up_to", followed_up_to)
        monkeypatch.setattr(_richardson, "_clamp_edge", clamp_edge)

    def run(self) -> bool:
        side = Estimate(1.0, 0.1, 10, 0.1, "forward", window=((0.01, 1.0),))
        return _followed_to_clamp(self.sampler, 3, WINDOW, side, within=0.4)  # type: ignore[arg-type]


def test_followed_to_clamp_when_the_edges_step_is_followed_already(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    step = 0.3 / 3 * (1.0 - 1e-9)
    stand = ToClamp(monkeypatch, 0.3, step)
    assert stand.run()
    assert stand.asked == [
        ("followed", (), 0.4),
        ("edge", stand.sampler, "forward", 3, WINDOW, 6.0 * step),
    ]
    assert not ToClamp(monkeypatch, math.inf, step).run()


def test_followed_to_clamp_takes_the_quotient_whose_stencil_ends_at_the_edge(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    step = 0.3 / 3 * (1.0 - 1e-9)
    stand = ToClamp(monkeypatch, 0.3, 0.05)
    stand.beyond = 2.0 * step  # followed up to the step as taken: yes
    assert stand.run()
    assert stand.asked[2:] == [
        ("quotient", "forward", 3, step),
        ("followed", ((2.0 * step, 7.0, 0.5),), 0.4),
    ]
    stand.beyond = 1.5 * step
    assert not stand.run()


def test_followed_to_clamp_not_where_f_fails_at_that_step(monkeypatch: pytest.MonkeyPatch) -> None:
    stand = ToClamp(monkeypatch, 0.3, 0.05)
    stand.sampler.quotient = lambda *args: (_ for _ in ()).throw(DomainError("outside"))
    assert not stand.run()


# _Walk.settled_by_rounding_alone, on a stand-in walk: nine rows above the window whose
# quotients swing between 1 and 2 (rounding 5 for the first five, 0.22 for the last four:
# 4 x 0.22 = 0.88 below the jumps of 1), then the window's three rows (rounding 10).

WINDOW_STEPS = (2.0**-10, 2.0**-12, 2.0**-14)


def walk(
    quotients: tuple[float, ...], noises: tuple[float, ...], above: int = 9
) -> SimpleNamespace:
    rows = [(2.0**-k, 1.0 + k % 2, 5.0 if k < 5 else 0.22) for k in range(above)] + [
        (step, 1.0, 10.0) for step in WINDOW_STEPS
    ]
    return SimpleNamespace(
        accepted=None,
        window=SimpleNamespace(
            quotients=list(quotients), noises=list(noises), steps=list(WINDOW_STEPS)
        ),
        rows=rows,
        sampler=SimpleNamespace(swung=None),
        unsettled=False,
    )


def test_settled_by_rounding_alone_below_quotients_that_swung() -> None:
    stand = walk((1.0, 1.0, 1.0, 5.0), (0.1, 0.1, 0.1, 100.0))
    assert _Walk.settled_by_rounding_alone(stand) is True  # type: ignore[arg-type]
    assert stand.unsettled is True
    assert stand.sampler.swung == (1.0, 2.0**-10)
    stand.accepted = object()
    assert _Walk.settled_by_rounding_alone(stand) is False  # type: ignore[arg-type]


def test_settled_by_rounding_alone_needs_the_windows_first_quotients_within_4_roundings() -> None:
    apart = walk((1.0, 1.0, 2.0, 5.0), (0.1, 0.1, 0.1, 100.0))
    assert _Walk.settled_by_rounding_alone(apart) is False  # type: ignore[arg-type]
    assert apart.sampler.swung is None
    exactly = walk((1.0, 1.0, 1.5), (0.125, 0.125, 0.125))
    assert _Walk.settled_by_rounding_alone(exactly) is True  # type: ignore[arg-type]
    beyond = walk((1.0, 1.0, 1.45), (0.1, 0.1, 0.1))
    assert _Walk.settled_by_rounding_alone(beyond) is False  # type: ignore[arg-type]


def test_settled_by_rounding_alone_not_with_too_few_rows_above() -> None:
    assert _Walk.settled_by_rounding_alone(walk((1.0, 1.0, 1.0), (0.1,) * 3, above=0)) is False  # type: ignore[arg-type]


# ------------------------------------------------------------------ limits (LIMSTEP)


def same(h: float) -> float:
    return h


def test_flat_around_a_little_farther_out_or_closer_in() -> None:
    assert limits._flat_around(math.floor, same, 10.5, 10.0, 0.0)
    assert not limits._flat_around(same, same, 10.5, 10.5, 0.0)
    assert limits._flat_around(math.floor, same, 10.1, 10.0, 0.0)  # farther out only
    assert limits._flat_around(math.floor, same, 10.9, 10.0, 0.0)  # closer in only
    # exactly h (1 + FLAT_SHIFT), no farther
    assert limits._flat_around(lambda t: 1.0 if t == 10.15625 else 0.0, same, 10.0, 1.0, 0.0)


def test_flat_around_not_within_stair_above_roundings_of_the_constant() -> None:
    assert not limits._flat_around(lambda t: 1.0, same, 10.0, 1.0, 1.0 - 2.0**-42)
    assert not limits._flat_around(lambda t: 1024.0, same, 10.0, 1024.0, 1024.0 - 2.0**-32)
    assert limits._flat_around(lambda t: 1.0, same, 10.0, 1.0, 1.0 - 2.0**-41)


def halving_stairs(t: float) -> float:
    return 0.5 ** math.floor(t / 4.0)


def test_stair_step_flat_about_2h_and_one_of_the_two_halfway() -> None:
    assert limits._stair_step(halving_stairs, same, 3.5, 0.5, 1.0)
    assert not limits._stair_step(lambda t: 1.0 if t < 6.0 else t, same, 3.5, 7.0, 1.0)
    assert not limits._stair_step(math.floor, same, 5.0, 10.0, 5.0)  # 7 halfway


def divided_by_0() -> NumericalError:
    failure = NumericalError("f(x) divided by 0")
    failure.__cause__ = ZeroDivisionError("float division by zero")
    return failure


def test_past_underflow_reads_min_samples_as_a_run() -> None:
    before = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]
    run = limits._past_underflow(lambda h: -1.0 / h, 2.0**-11, before, 9, divided_by_0())
    assert run == limits._Run(
        before, 9, "; f divides by 0 from x = -2048.0 on: " + limits.UNDERFLOWED
    )


@pytest.mark.parametrize(("before", "samples"), [([1.0], "1 sample"), ([1.0, 2.0], "2 samples")])
def test_past_underflow_refuses_fewer(before: list[float], samples: str) -> None:
    failure = divided_by_0()
    with pytest.raises(NumericalError) as refused:
        limits._past_underflow(lambda h: -1.0 / h, 2.0**-11, before, 9, failure)
    assert str(refused.value) == (
        "f cannot be evaluated far enough out: f divides by 0 from x = -2048.0 on (float "
        f"division by zero), after only {samples}, too few to show a trend: "
        f"{limits.UNDERFLOWED}. Rewrite f so that no value computed inside it underflows "
        "(a ratio of such values in logs: exp(log(a) - log(b)) for a/b)"
    )
    assert refused.value.__cause__ is failure


def test_clamp_edge_brackets_to_2_to_the_minus_jump_halvings_of_its_distance() -> None:
    # [0, 0.5] halved: 0.25 is on the clamp, then the bracket closes from below to
    # 2**-20 of 0.25: the last point off it is 0.25 - 2**-22
    sampler = clamp_sampler(lambda t: min(t, 0.25))
    assert _clamp_edge(sampler, "forward", 2, WINDOW, 1.0) == 0.25 - 2.0**-22


def test_clamp_edge_about_x_not_0() -> None:
    sampler = Sampler(lambda t: min(t - 1.0, 0.25), 1.0)
    for point in (1.0, 1.5, 1.75, 0.5, 0.25, 1.125):  # 1.125: off the clamp
        sampler(point)
    assert near_quarter(_clamp_edge(sampler, "forward", 2, WINDOW, 0.125))
    assert _clamp_edge(sampler, "forward", 2, WINDOW, 0.12) == math.inf
    below = Sampler(lambda t: max(t - 1.0, -0.25), 1.0)
    for point in (1.0, 1.5, 1.75, 0.5, 0.25, 0.9, 0.8):  # 0.9 and 0.8: off it
        below(point)
    assert _clamp_edge(below, "backward", 2, WINDOW, 0.15) == math.inf  # 0.8 is 0.2 out
    assert near_quarter(_clamp_edge(below, "backward", 2, WINDOW, 0.2))


def test_clamp_edge_down_to_adjacent_floats() -> None:
    sampler = Sampler(lambda t: min(t, 1.0 + 2.0**-45), 1.0)
    tiny = estimate(0.0, 1.0, window=(2.0**-40, 2.0**-39))
    for point in (1.0, 1.0 + 2.0**-40, 1.0 + 2.0**-39):
        sampler(point)
    assert _clamp_edge(sampler, "forward", 2, tiny, 1.0) == 2.0**-45 - 2.0**-52


# _overflowed_growing at infinity (x = 1/h): f fails from x = 100 on.


def overflowing(below: Callable[[float], float]) -> Callable[[float], float]:
    def f(x: float) -> float:
        if x >= 100.0:
            raise NumericalError("a value inside f overflowed")
        return below(x)

    return f


def inverse(h: float) -> float:
    return 1.0 / h


SLOWING = [1.0, math.exp(10.0), math.exp(15.0)]
SPEEDING = [1.0, math.exp(10.0), math.exp(21.0)]


def test_overflowed_growing_refuses_f_far_below_the_largest_float() -> None:
    f = overflowing(lambda x: x * x)
    result = limits._overflowed_growing(f, inverse, 0.02, 0.005, [1.0, 10.0, -1e3], SLOWING)
    assert (result.value, result.error, result.converged) == (-math.inf, math.inf, False)
    at = float(re.search(r"fails at x=(\S+) \(", result.message).group(1))  # type: ignore[union-attr]
    assert 100.0 <= at <= 100.0 * (1.0 + 2.0**-40)  # 60 halvings of [50, 200] in h
    assert result.message == (
        f"f grows until it fails at x={at!r} (an overflow, a NaN or a division by 0, "
        "as where a value computed inside f leaves the float range), but f itself is "
        "only about 1e+04 there, far from the largest float: it may not grow "
        "without bound (x**149*exp(-x) grows to 2.3e257 at x = 117.17, where x**149 "
        "overflows, and tends to 0). Rewrite f so that no intermediate result overflows "
        "or underflows to 0; pass full_output=True to get the estimate anyway"
    )


def test_overflowed_growing_largest_from_the_samples_too() -> None:
    f = overflowing(lambda x: 5.0)
    result = limits._overflowed_growing(f, inverse, 0.02, 0.005, [1.0, 10.0, 3e5], SLOWING)
    assert "only about 3e+05 there" in result.message


def test_overflowed_growing_is_infinite_near_overflow_or_speeding_up() -> None:
    infinite = limits._OneSided(math.inf, 0.0, True, "f grows without bound: the limit is inf")
    near = overflowing(lambda x: 2.0**1000)  # exactly NEAR_OVERFLOW
    assert limits._overflowed_growing(near, inverse, 0.02, 0.005, [1.0, 2.0], SLOWING) == infinite
    calls: list[float] = []
    speeding = overflowing(lambda x: calls.append(x) or 1.0)  # type: ignore[func-returns-value]
    assert (
        limits._overflowed_growing(speeding, inverse, 0.02, 0.005, [1.0, 2.0], SPEEDING) == infinite
    )
    assert calls == []


def test_walks_says_where_the_quotients_swung() -> None:
    # DERLOG's first case (d79a5ef): jumps up to 0.0328 down to a step of 1.4e-11
    with pytest.raises(NumericalError) as refused:
        derivative(NO_DERIVATIVE[0][1], NO_DERIVATIVE[0][2])
    assert str(refused.value) == (
        "the difference quotients of order 1 at x=0.0 never settled at steps where rounding "
        "is small: down to a step of 1.4e-11 they moved by up to 0.0328 from one step to the "
        "next, far above their rounding, and agreed only at smaller steps, where the rounding "
        "of f is as large. f may have no derivative at x (as x cos(2 pi log2|x|) has none at "
        "0) or vary on a scale finer than the steps; write f with calcweb's functions "
        "(calcweb.sin, ...) for exact derivatives"
    )


# _even_part_crossing, with `_even_part_gaps` stood in for (noting what it was asked).

CROSSING_GAPS = [(0.8, 1.0, 0.1), (0.4, -1.0, 0.1)]
STEADY = gaps((1.0, 0.1), (-1.0, 0.1), (1.0, 0.1), (-1.5, 0.1))
SHRINKING = gaps((1.0, 0.1), (-1.0, 0.1), (0.1, 0.1), (0.1, 0.1))


def crossing(
    monkeypatch: pytest.MonkeyPatch, n: int, first: list[Any], then: list[Any]
) -> tuple[float, list[tuple[object, ...]]]:
    asked: list[tuple[object, ...]] = []
    sampler, walked = object(), estimate(0.0, 1.0)

    def even_part_gaps(*args: object, more: int = 0) -> list[Any]:
        asked.append((*args, more))
        return then if more else first

    monkeypatch.setattr(_richardson, "_even_part_gaps", even_part_gaps)
    drift = _even_part_crossing(sampler, walked, n)  # type: ignore[arg-type]
    assert all(call[:3] == (sampler, walked, n) for call in asked)
    return drift, [call[3:] for call in asked]


def test_even_part_crossing_the_largest_gap_where_it_crosses_and_does_not_shrink(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert crossing(monkeypatch, 2, CROSSING_GAPS, STEADY) == (1.5, [(0,), (4,)])
    assert crossing(monkeypatch, 1, CROSSING_GAPS, SHRINKING) == (0.0, [(0,), (4,)])
    assert crossing(monkeypatch, 1, CROSSING_GAPS[:1], STEADY) == (0.0, [(0,)])
    assert crossing(monkeypatch, 3, CROSSING_GAPS, STEADY) == (0.0, [])  # not for n >= 3


# _even_part_gaps on a stand-in sampler at x = 1: the central quotient at h is 10 h
# (taken at step 1.5 h, rounding 0.5), the forward one 100 step (rounding 0.25); the
# argument's rounding 0.125 and f's rounding inside 0.0625: CROSSING x 0.9375 in all.


class Gaps:
    def __init__(self, monkeypatch: pytest.MonkeyPatch, fails_below: float = 0.0) -> None:
        self.asked: list[tuple[object, ...]] = []

        def quotient(kind: str, n: int, h: float) -> tuple[float, float, float]:
            self.asked.append((kind, n, h))
            if h < fails_below:
                raise DomainError("outside")
            if kind == "central":
                return 10.0 * h, 0.5, 1.5 * h
            return 100.0 * h, 0.25, h

        # sampled: the central points of steps 0.5 and 0.25, and 1 - 0.125 (not 1 + 0.125)
        sampled = dict.fromkeys([0.5, 1.5, 0.75, 1.25, 0.875])
        self.sampler = SimpleNamespace(x=1.0, values=sampled, quotient=quotient)

        def forward_rows(*args: object) -> list[tuple[float, float, float]]:
            self.asked.append(("rows", *args))
            return [(0.5, 0.0, 0.0), (0.25, 0.0, 0.0), (0.125, 0.0, 0.0)]

        def noted(name: str, value: float) -> Callable[..., float]:
            def answer(*args: object) -> float:
                self.asked.append((name, *args))
                return value

            return answer

        monkeypatch.setattr(_richardson, "_forward_rows", forward_rows)
        monkeypatch.setattr(_richardson, "_forward_argument_rounding", noted("argument", 0.125))
        monkeypatch.setattr(_richardson, "_rounded_inside", noted("inside", 0.0625))

    def gaps(self, more: int = 0, n: int = 1) -> list[tuple[float, float, float]]:
        walked = estimate(0.0, 1.0, smallest=9.0)
        if more:
            found = _even_part_gaps(self.sampler, walked, n, more=more)  # type: ignore[arg-type]
        else:
            found = _even_part_gaps(self.sampler, walked, n)  # type: ignore[arg-type]
        assert self.asked[0] == ("rows", self.sampler, walked, n, 2.0)
        return found


def gap(h: float) -> tuple[float, float, float]:
    return (1.5 * h, 150.0 * h - 10.0 * h, CROSSING * 0.9375)


def test_even_part_gaps_where_the_central_quotient_was_taken(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    stand = Gaps(monkeypatch)
    assert stand.gaps() == [gap(0.5), gap(0.25)]
    assert stand.asked[1:5] == [
        ("central", 1, 0.5),
        ("forward", 1, 0.75),
        ("argument", stand.sampler, 1, 0.75),
        ("inside", stand.sampler, "central", 1, 0.75),
    ]


def test_even_part_gaps_where_every_central_point_was_sampled(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # n = 2: the points 1 +- h (weights 1, -2, 1 would ask for 1 - 2 h too)
    assert [step for step, _, _ in Gaps(monkeypatch).gaps(n=2)] == [0.75, 0.375]


def test_even_part_gaps_with_more_steps_below(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Gaps(monkeypatch).gaps(more=4) == [gap(0.5), gap(0.25), gap(0.125), gap(0.0625)]
    assert Gaps(monkeypatch, fails_below=0.1).gaps(more=4) == [gap(0.5), gap(0.25), gap(0.125)]


# _inside_the_end from the right of 0 (x = h): f's domain ends at 1.9, between the step
# 2 where f failed and 1, the first sample. Its 6 bisections find f defined at 1.5,
# 1.75, 1.875 and 1.890625 (1.9375 and 1.90625 are outside).

INSIDE = (1.890625, 1.875, 1.75, 1.5)  # outward to inward
ANSWER = limits._OneSided(0.0, 1e-5, True, "the limit is 0.0")


def ending(values: tuple[float, ...], h: float = 1.0) -> Callable[[float], float]:
    table = {h * t: value for t, value in zip(INSIDE, values, strict=True)}

    def f(t: float) -> float:
        if t > 1.9 * h:
            raise DomainError("outside")
        return table[t]

    return f


def inside_the_end(
    values: tuple[float, ...], samples: list[float], h: float = 1.0
) -> limits._OneSided:
    return limits._inside_the_end(ending(values, h), same, h, samples, ANSWER, "right")  # type: ignore[arg-type]


def test_inside_the_end_refuses_f_that_rises_inward_and_drops_onto_the_samples() -> None:
    refused = inside_the_end((0.5, 0.6, 0.7, 1e-4), [5e-5, 2e-5])
    assert refused == limits._OneSided(
        0.0,
        0.7,
        False,
        "f fails at 2.0, closer to x0 (from the right) it is 0.6 at 1.875, then 0.7 at 1.75, "
        "farther from what f drops to closer in (0.0001 at 1.5), as when rounding cancels all "
        "the digits of a term in f and leaves only a small term beside it (1 - cos(t) is "
        "exactly 0 for |t| < 1e-8): the samples cannot tell the limit. Rewrite f without the "
        "cancellation (2*math.sin(t/2)**2 for 1 - cos(t), math.expm1(t) for exp(t) - 1); "
        "pass full_output=True to get the estimate anyway",
    )


def test_inside_the_end_reads_up_to_the_walks_first_sample_before_the_drop() -> None:
    refused = inside_the_end((0.5, 0.6, 0.7, 0.8), [0.9, 1e-5])
    assert (refused.error, refused.converged) == (0.9, False)
    assert (
        "it is 0.8 at 1.5, then 0.9 at 1.0, farther from what f drops to closer in (1e-05 at 0.5)"
        in refused.message
    )
    # Up to two of the walk's samples before the drop (LIM31); a third is `_lost_early`'s.
    second = inside_the_end((0.5, 0.6, 0.7, 0.8), [0.9, 0.95, 1e-5])
    assert (second.error, second.converged) == (0.95, False)
    assert inside_the_end((0.5, 0.6, 0.7, 0.8), [0.9, 0.95, 0.97, 1e-5]) == ANSWER
    assert inside_the_end((0.7, 1e-4, 1e-4, 1e-4), [5e-5, 2e-5]) == ANSWER  # one point only


def test_inside_the_end_keeps_f_that_falls_inward_or_only_by_its_rounding() -> None:
    assert inside_the_end((0.7, 0.6, 0.5, 1e-4), [5e-5, 2e-5]) == ANSWER
    assert inside_the_end((0.5, 0.6, math.nextafter(0.6, 1.0), 1e-4), [5e-5, 2e-5]) == ANSWER
    assert inside_the_end((0.5, 0.6, 0.6 + 1e-15, 1e-4), [5e-5, 2e-5]).converged is False


def test_inside_the_end_only_of_a_finite_limit_answered() -> None:
    unanswered = limits._OneSided(0.0, 1.0, False, "no")
    infinite = limits._OneSided(math.inf, 0.0, True, "inf")
    for result in (unanswered, infinite):
        f = ending((0.5, 0.6, 0.7, 1e-4))
        assert limits._inside_the_end(f, same, 1.0, [5e-5], result, "right") is result


def test_an_overflow_inside_f_is_named_as_such() -> None:
    with pytest.raises(NumericalError) as refused:
        evaluate(math.exp, 1000.0, what="g")
    assert str(refused.value) == (
        "g(1000.0) overflowed (math range error): g, or a value computed inside it, is beyond "
        "the float range (about 1e308) there; keep x where it is not, or rewrite g so that no "
        "intermediate result overflows (in logs: exp(a*log(x) - x) for x**a*exp(-x))"
    )


def test_inside_the_end_from_the_first_two_points_found_on() -> None:
    # the drop after the second point (start 2), at steps of h = 1 and of h = 0.5
    for h in (1.0, 0.5):
        refused = inside_the_end((0.5, 0.6, 1e-4, 1e-4), [5e-5, 2e-5], h)
        assert (refused.error, refused.converged) == (0.6, False)
        assert (
            f"f fails at {2.0 * h!r}, closer to x0 (from the right) it is 0.5 at" in refused.message
        )


def test_inside_the_end_farther_by_more_than_ulps_roundings() -> None:
    # 0.5 + 2**-51 is exactly ULPS roundings of 0.5 farther from 0 than 0.5: not more
    assert inside_the_end((0.3, 0.5, 0.5 + 2.0**-51, 0.0), [0.0, 0.0]) == ANSWER


# ------------------------------------------------------------------ integrate's look (INTMIX)
# `_Extrapolated.look` on stand-in panels that note what they were asked.


class Panels:
    def __init__(self, found: tuple[float, float, float] | None, needs: list[Any]) -> None:
        self.found, self.needs = found, needs
        self.asked: list[tuple[object, ...]] = []
        self.rule = SimpleNamespace(size=21)

    def narrowest_feature(self, tol: float) -> tuple[float, float, float] | None:
        self.asked.append(("narrowest", tol))
        return self.found

    def unexplored(self, tol: float, gap: float, reach: float) -> list[Any]:
        self.asked.append(("unexplored", tol, gap, reach))
        return self.needs

    def divide(self, needs: list[Any]) -> None:
        self.asked.append(("divide", needs))


NEEDS = [(0, [0.0, 1.0, 2.0, 3.0]), (2, [5.0, 6.0])]  # 4 pieces: 84 evaluations


def look(panels: Panels, looked: int = 0) -> tuple[bool, int]:
    extrapolated = SimpleNamespace(panels=panels, tol=1e-3, looked=looked)
    return _Extrapolated.look(extrapolated), extrapolated.looked  # type: ignore[arg-type]


class Settling:
    """A stand-in `_Extrapolated` for `settled`: each call noted, answers set by hand."""

    def __init__(self, error: float, unresolved: int | None, slow: int | None, looks: int) -> None:
        self.asked: list[tuple[object, ...]] = []
        self.looks, self.tol = looks, 1e-3
        self.panels = SimpleNamespace(
            value=lambda: 2.0,
            error=lambda: error,
            worst=lambda: 7,
            unresolved=lambda tol: self.note("unresolved", tol) or unresolved,
        )
        self.slow = slow

    def note(self, *call: object) -> None:
        self.asked.append(call)

    def target(self, value: float) -> float:
        self.note("target", value)
        return 0.5

    def slow_end_panel(self, value: float, error: float) -> int | None:
        self.note("slow", value, error)
        return self.slow

    def look(self) -> bool:
        self.note("look")
        self.looks -= 1
        return self.looks >= 0

    def settled(self) -> int | None:
        return _Extrapolated.settled(self)  # type: ignore[arg-type]


def test_settled_the_worst_panel_while_the_error_is_beyond_the_target() -> None:
    beyond = Settling(0.6, None, None, 0)
    assert beyond.settled() == 7
    assert beyond.asked == [("target", 2.0)]
    at_target = Settling(0.5, 3, None, 0)  # exactly the target: not beyond
    assert at_target.settled() == 3
    assert at_target.asked == [("target", 2.0), ("unresolved", 1e-3)]


# _Panels' look helpers on a toy rule whose nodes are a panel's ends and middle.

TOY = Rule(nodes=(1.0, 0.0), kronrod=(1.0 / 3.0, 4.0 / 3.0), gauss=(1.0, 0.0))


def toy_panels(x_of: Callable[[float], float] | None = None) -> _Panels:
    panels = _Panels(lambda t: 0.0, TOY)
    if x_of is not None:
        panels.x_of = x_of
    return panels


def test_fits_where_the_nodes_are_at_most_gap_apart() -> None:
    panels = toy_panels()
    assert panels._fits(0.0, 2.0, 1.0, 0.5)  # nodes 0, 1, 2: exactly 1 apart
    assert not panels._fits(0.0, 2.0, 0.99, 0.5)


def test_fits_on_a_map_allows_gap_times_distance_over_reach_squared() -> None:
    panels = toy_panels(lambda t: 10.0 * t)  # origin 0: nodes 10, 20, 30 at 10 to 20 from it
    assert panels._fits(1.0, 3.0, 2.5, 5.0)  # 10 apart, 2.5 (10/5)**2 allowed
    assert not panels._fits(1.0, 3.0, 2.4, 5.0)
    assert not panels._fits(0.0, 2.0, 5.0, 5.0)  # 0 to 10 from it: only 5 allowed
    assert panels._fits(0.0, 2.0, 10.0, 5.0)


def test_origin_of_a_map_is_x_at_0_or_its_finite_end() -> None:
    assert toy_panels(lambda t: 3.0 + t / (1.0 - t) if t < 1.0 else math.inf)._origin() == 3.0
    assert toy_panels(lambda t: 3.0 - (1.0 - t) / t if t else -math.inf)._origin() == 3.0


def test_in_x_at_the_nodes_over_dx_dt_on_a_map() -> None:
    panel = SimpleNamespace(a=0.0, b=2.0, samples=(-1.0, 2.0, -3.0))
    assert toy_panels()._in_x(panel) == [(0.0, 1.0), (1.0, 2.0), (2.0, 3.0)]  # type: ignore[arg-type]
    cubed = toy_panels(lambda t: t**3)  # x 0, 1, 8; dx/dt 1, 8/2, 7
    assert cubed._in_x(panel) == [(0.0, 1.0), (1.0, 0.5), (8.0, 3.0 / 7.0)]  # type: ignore[arg-type]


def entry(a: float, b: float, weight: float) -> SimpleNamespace:
    return SimpleNamespace(panel=SimpleNamespace(a=a, b=b), weight=weight, history=(a, b))


def test_divide_replaces_each_panel_by_its_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    panels = toy_panels()
    first, kept, last = entry(0.0, 2.0, 0.0), entry(2.0, 4.0, 1.0), entry(4.0, 6.0, 0.0)
    panels.entries = [first, kept, last]  # type: ignore[list-item]
    added: list[tuple[float, float, object]] = []
    monkeypatch.setattr(panels, "add", lambda a, b, ends: added.append((a, b, ends)))
    panels.divide([(0, [0.0, 1.0, 2.0]), (2, [4.0, 6.0])])
    assert panels.entries == [kept]
    assert added == [(0.0, 1.0, (0.0, 2.0)), (1.0, 2.0, (0.0, 2.0)), (4.0, 6.0, (4.0, 6.0))]


def weighed(a: float, samples: tuple[float, float, float], weight: float) -> SimpleNamespace:
    panel = SimpleNamespace(a=a, b=a + 2.0, samples=samples, absolute=sum(samples))
    return SimpleNamespace(panel=panel, weight=weight)


# On [0, 14]: a bump on [2, 6] (largest 2 at 3, and again at 5; (3 + 2.5) / 2 = 2.75
# wide), a run of one panel [8, 10] (largest 1 at 9, as wide), and a ramp up to 14.
FEATURES = [
    weighed(12.0, (0.0, 1.0, 4.0), 1.0),  # the ramp (listed first: sorted by a)
    weighed(0.0, (0.0, 0.0, 0.0), 0.0),
    weighed(2.0, (0.5, 2.0, 0.5), 1.0),
    weighed(4.0, (0.5, 2.0, 0.0), 1.0),
    weighed(6.0, (0.0, 0.0, 0.0), 0.0),
    weighed(8.0, (0.875, 1.0, 0.875), 1.0),
    weighed(10.0, (0.0, 0.0, 0.0), 0.0),
]


def feature_panels(
    entries: list[SimpleNamespace], x_of: Callable[[float], float] | None = None
) -> _Panels:
    panels = toy_panels(x_of)
    panels.entries = entries  # type: ignore[assignment]
    panels.ends = (0.0, 14.0)
    return panels


def test_narrowest_feature_a_run_of_heavy_panels_not_at_an_end() -> None:
    assert feature_panels(FEATURES).narrowest_feature(0.1) == (2.75, 3.0, 0.0)
    wider = [*FEATURES[:5], weighed(8.0, (0.875, 1.0, 0.9375), 1.0), FEATURES[6]]
    assert feature_panels(wider).narrowest_feature(0.1) == (2.75, 3.0, 0.0)
    narrower = [*FEATURES[:5], weighed(8.0, (0.75, 1.0, 0.75), 1.0), FEATURES[6]]
    assert feature_panels(narrower).narrowest_feature(0.1) == (2.5, 9.0, 0.0)


def test_narrowest_feature_on_a_map_in_x_with_its_extent() -> None:
    # x = 2 t: |f| in x is half the samples; the runs reach 28 (the ramp's too)
    assert feature_panels(FEATURES, lambda t: 2.0 * t).narrowest_feature(0.1) == (5.5, 6.0, 28.0)


def test_fits_measures_distance_from_the_maps_origin() -> None:
    panels = toy_panels(lambda t: 10.0 * t + 5.0)  # origin 5: nodes 15, 25, 35 at 10 to 30
    assert panels._fits(1.0, 3.0, 2.5, 5.0)
    assert not panels._fits(1.0, 3.0, 2.4, 5.0)


# _junction_beside toward a clamp (e520582), with s24's stand-ins for its helpers.


def toward_clamp(
    monkeypatch: pytest.MonkeyPatch, clamped: tuple[bool, bool], follows: bool, clamp_only: bool
) -> tuple[str, list[tuple[object, ...]]]:
    _FlatSides(
        monkeypatch,
        flat=False,
        continuous=False,
        clamped=clamped,
        found=(_SIDE, None),
        followed=0.0,
    )
    asked: list[tuple[object, ...]] = []

    def followed_to_clamp(*args: object, within: float) -> bool:
        asked.append((*args[1:], within))
        return follows

    monkeypatch.setattr(_richardson, "_followed_to_clamp", followed_to_clamp)
    return _junction(clamp_only=clamp_only)[0], asked


def test_junction_beside_a_walk_that_follows_f_up_to_a_clamp_on_its_side_is_smooth(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # forward: the clamp is on the backward side of its window (toward it), none on its own
    answer, asked = toward_clamp(monkeypatch, (False, True), True, clamp_only=True)
    assert answer == "smooth"
    assert asked == [(2, NOISED, _SIDE, 0.25)]  # within midway: 0.5 x |0.5 - 0|
    assert toward_clamp(monkeypatch, (False, True), False, clamp_only=True)[0] == ""
    assert toward_clamp(monkeypatch, (False, False), True, clamp_only=False) == ("", [])


def test_extrapolate_looks_for_a_stair_only_where_f_is_one_value_around(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    looked: list[tuple[object, ...]] = []
    monkeypatch.setattr(_richardson, "_stairs_beside", lambda *args: looked.append(args) or [])
    assert derivative(math.sin, 0.0, 2) == 0.0  # quotients exactly 0, f not one value
    assert looked == []
    assert derivative(lambda t: max(t, 0.0), -1.0) == 0.0  # one value about -1
    assert derivative(lambda t: max(t, 0.0), -10.0) == 0.0
    assert [args[1:] for args in looked] == [(2.0,), (20.0,)]  # STAIR_REACH max(1, |x|)


def test_in_x_of_a_panel_away_from_0() -> None:
    panel = SimpleNamespace(a=2.0, b=4.0, samples=(-1.0, 2.0, -3.0))
    assert toy_panels()._in_x(panel) == [(2.0, 1.0), (3.0, 2.0), (4.0, 3.0)]  # type: ignore[arg-type]


# limit past an overflow or an underflow far out (LIMSTEP, REVIEW9): end to end.


def normal_pdf(x: float) -> float:
    return math.exp(-x * x / 2) / math.sqrt(2 * math.pi)


def _division_by_zero_message() -> str:
    try:
        _ = 1.0 / 0.0
    except ZeroDivisionError as error:
        return str(error)  # "float division by zero"; Python 3.14: "division by zero"
    return ""


_DIVIDED = _division_by_zero_message()


def test_limit_names_where_f_starts_to_divide_by_0_far_out() -> None:
    # exp(-x*x/2) underflows between 32 and 64 (beyond 38.6)
    with pytest.raises(DomainError) as refused:
        limit(lambda x: 0.5 * math.erfc(x / math.sqrt(2)) / (normal_pdf(x) / x), math.inf)
    assert str(refused.value) == (
        f"f cannot be evaluated far enough out: f divides by 0 from x = 64.0 on ({_DIVIDED}), "
        "after only 4 samples, too few to show a trend: " + limits.UNDERFLOWED + ". "
        "Rewrite f so that no value computed inside it underflows (a ratio of such values in "
        "logs: exp(log(a) - log(b)) for a/b)"
    )


def test_limit_brackets_where_a_value_inside_f_overflows() -> None:
    # 117.17193293802131 is the least float whose 149th power overflows; f just below it
    # is 2.33e257
    result = limit(lambda x: x**149 * math.exp(-x), math.inf, full_output=True)
    assert (result.value, result.error, result.converged) == (math.inf, math.inf, False)
    assert result.message.startswith(
        "f grows until it fails at x=117.17193293802131 (an overflow, a NaN or a division "
        "by 0, as where a value computed inside f leaves the float range), but f itself is "
        "only about 2.33e+257 there, far from the largest float"
    )
    grows = limit(lambda x: math.exp(x) / x**5, math.inf, full_output=True)
    assert (grows.value, grows.converged) == (math.inf, True)


def test_narrowest_feature_heavy_beyond_tol_of_the_sum() -> None:
    # the weights sum to 4: tol 0.25 makes each exactly negligible, 0.5 each below it
    assert feature_panels(FEATURES).narrowest_feature(0.25) is None
    assert feature_panels(FEATURES).narrowest_feature(0.5) is None


def test_narrowest_feature_a_peak_at_a_panels_end_nodes_inside_the_interval() -> None:
    def alone(samples: tuple[float, float, float]) -> tuple[float, float, float] | None:
        entries = [
            weighed(0.0, (0.0,) * 3, 0.0),
            weighed(2.0, samples, 1.0),
            weighed(4.0, (0.0,) * 3, 0.0),
        ]
        return feature_panels(entries).narrowest_feature(0.1)

    assert alone((2.0, 1.0, 0.5)) == (1.75, 2.0, 0.0)
    assert alone((0.5, 1.0, 2.0)) == (1.75, 4.0, 0.0)
    assert alone((0.0, 0.0, 0.0)) is None  # heavy by its weight, but f 0 at its nodes


def test_narrowest_feature_extent_from_the_maps_origin() -> None:
    # x = 2 t + 1: origin 1; the runs reach 29, 28 from it
    assert feature_panels(FEATURES, lambda t: 2.0 * t + 1.0).narrowest_feature(0.1) == (
        5.5,
        7.0,
        28.0,
    )


def test_fits_below_the_maps_origin() -> None:
    panels = toy_panels(lambda t: 10.0 * t + 5.0)  # nodes -25, -15, -5: 30 to 10 from 5
    assert panels._fits(-3.0, -1.0, 2.5, 5.0)


def test_limit_brackets_an_overflow_after_a_long_run_of_growing_samples() -> None:
    # exp(x) overflows from 709.7827128933841 on (the least such float); f, log x, is 6.56
    result = limit(lambda x: math.exp(x) * math.exp(-x) * math.log(x), math.inf, full_output=True)
    assert (result.value, result.converged) == (math.inf, False)
    assert result.message.startswith(
        "f grows until it fails at x=709.7827128933841 (an overflow, a NaN or a division "
        "by 0, as where a value computed inside f leaves the float range), but f itself is "
        "only about 6.56 there"
    )


def test_limit_inside_the_end_names_its_side() -> None:
    # lim30's farscan 52 case (test_limits_lim30): refused from the left
    c, d, a, x0 = (
        11103.394913431033,
        0.00012465210611755707,
        -4.197868775908358e-08,
        -710.0394880214102,
    )
    result = limit(cos_end(c, d, a, x0), x0, side="left", full_output=True)
    assert not result.converged
    assert "closer to x0 (from the left) it is" in result.message


def test_limit_on_a_staircase_says_which_stair_f_steps_from() -> None:
    # 0.1 * 0.5**(t // 1) right of 10: 0.1 * 0.5**10 on [10, 11), 0.1 * 0.5**11 at 11
    result = limit(lambda t: 0.1 * 0.5 ** (t // 1), 10.0, side="right", full_output=True)
    assert (result.value, result.error, result.converged) == (
        9.765625e-05,
        sys.float_info.epsilon * 9.765625e-05,
        True,
    )
    assert result.message == (
        "f is 9.765625e-05 at every point sampled on the right between 10.5 and x0, and steps "
        "onto it from 4.8828125e-05, which it keeps about the sample before, as a staircase does"
    )


def test_inside_the_end_widens_the_error_to_reach_the_point_before_the_drop() -> None:
    answer = limits._OneSided(0.25, 1e-5, True, "the limit is 0.25")
    f = ending((0.5, 0.6, 0.7, 1e-4))
    refused = limits._inside_the_end(f, same, 1.0, [5e-5, 2e-5], answer, "right")  # type: ignore[arg-type]
    assert (refused.value, refused.error, refused.converged) == (0.25, 0.7 - 0.25, False)


def test_limit_at_a_finite_point_does_not_read_a_division_by_0_as_underflow() -> None:
    # f divides by 0 at every step nearer 0 than 1e-3: not read past as far out
    with pytest.raises(DomainError, match="cannot be evaluated close enough to x0"):
        limit(lambda x: x / (x if x > 1e-3 else 0.0), 0.0, side="right")


def test_extrapolate_on_a_line_looks_out_to_where_its_argument_is_rounded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    looked: list[tuple[float, float, float]] = []

    def stairs_beside(sampler: Sampler, reach: float) -> list[tuple[float, float]]:
        looked.append((sampler.x, sampler.offset, reach))
        return []

    monkeypatch.setattr(_richardson, "_stairs_beside", stairs_beside)
    flat = directional_derivative(
        lambda v: max(v[0], 0.0) + max(v[1], 0.0), [-10.0, -3.0], [0.6, 0.8]
    )
    assert flat == 0.0
    [(x, offset, reach)] = looked
    assert x == 0.0
    assert offset > 1.0  # a line off the axes: rounded as at |t| + offset
    assert reach == STAIR_REACH * (abs(x) + offset)
