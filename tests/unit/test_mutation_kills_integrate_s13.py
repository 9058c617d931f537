"""Mutation tests for integrate's `_Panels.unresolved` (session 13's mutmut run).

`unresolved(tol, wider_than)` picks, among the panels whose nodes do not
resolve ``f``, the heaviest (the first of equal weights) that is not
negligible (weight above ``tol`` times the total, a miss at an end of the whole
interval, `_end_miss`, or in a chase a miss strictly inside above its polynomial
or samples that bulge above their chord) and is wider than ``wider_than``, or made by
a surprise, or has a miss recorded anywhere. The direct calls build the
panels' entries by hand, with weights, widths and misses that are exact, so each
case sits on one side of one condition.
"""

from __future__ import annotations

import math

from calcweb._gauss_kronrod import K21, Panel
from calcweb._integrate import _Entry, _Panels

NO_MISS = (math.nan, 0.0)
F_AT_0 = ((0.0, 1.0),)  # f sampled at the end 0 of [0, 4]


def entry(
    a: float,
    b: float,
    weight: float,
    *,
    unresolved: bool = True,
    miss: tuple[float, float] = NO_MISS,
    surprise: bool = False,
    misses_end: bool = False,
    chasing: bool = False,
    samples: tuple[float, ...] = (),
    history: tuple[tuple[float, float], ...] = (),
) -> _Entry:
    panel = Panel(a, b, 0.0, 0.0, False, samples=samples)
    return _Entry(
        0.0,
        0,
        panel,
        math.inf,
        (0.0, 0.0),
        unresolved,
        weight,
        (0.0, 0.0),
        miss=miss,
        surprise=surprise,
        chasing=chasing,
        misses_end=misses_end,
        history=history,
    )


def pick(entries: list[_Entry], tol: float, wider_than: float = -1.0) -> int | None:
    panels = _Panels(math.exp, K21)
    panels.ends = (0.0, 4.0)
    panels.entries = entries
    return panels.unresolved(tol, wider_than)


def test_a_panel_is_negligible_at_tol_times_the_total_weight_or_less() -> None:
    # Weights 1 and 3: tol 1/4 makes 1 exactly negligible; tol 1/8 does not.
    entries = [entry(0.0, 1.0, 1.0), entry(1.0, 4.0, 3.0, unresolved=False)]
    assert pick(entries, 0.25) is None
    assert pick(entries, 0.125) == 0


def test_the_heaviest_unresolved_panel_is_picked_the_first_of_equal_ones() -> None:
    # Weights below 1 count (the search starts below any weight, which is >= 0), a
    # heavier resolved panel does not.
    entries = [
        entry(0.0, 1.0, 0.25),
        entry(1.0, 2.0, 0.5),
        entry(2.0, 3.0, 0.5),
        entry(3.0, 4.0, 8.0, unresolved=False),
    ]
    assert pick(entries, 0.0) == 1
    # A resolved panel is never picked, however heavy and wide.
    assert pick([entry(0.0, 4.0, 8.0, unresolved=False)], 0.0) is None


def test_only_panels_wider_than_the_bound_or_surprising_or_missing_count() -> None:
    # [1, 1.5] is 0.5 wide: not wider than 0.5, but wider than 0.25.
    narrow = entry(1.0, 1.5, 1.0)
    assert pick([narrow], 0.0, 0.5) is None
    assert pick([narrow], 0.0, 0.25) == 0
    # A surprise counts at any width, with no miss; so does a miss, without a surprise.
    assert pick([entry(1.0, 1.5, 1.0, surprise=True)], 0.0, 0.5) == 0
    assert pick([entry(1.0, 1.5, 1.0, miss=(1.25, 2.0))], 0.0, 0.5) == 0
    # Wide enough, without a surprise or a miss: it counts.
    assert pick([entry(1.0, 3.0, 1.0)], 0.0, 0.5) == 0


def test_a_negligible_panel_counts_only_with_a_miss_at_an_end_of_the_interval() -> None:
    heavy = entry(1.0, 3.0, 1000.0, unresolved=False)
    # A miss at the end 0 (f there 5): never negligible; also where the miss
    # recorded is an ancestor's sample it misses worse (`_Entry.misses_end`).
    at_end = entry(0.0, 1.0, 1e-6, miss=(0.0, 5.0), misses_end=True)
    assert pick([at_end, heavy], 1e-3) == 0
    worse = entry(0.0, 1.0, 1e-6, miss=(0.5, 5.0), misses_end=True)
    assert pick([worse, heavy], 1e-3) == 0
    # A miss inside the panel, or none: negligible.
    inside = entry(0.0, 1.0, 1e-6, miss=(0.5, 0.0))
    assert pick([inside, heavy], 1e-3) is None
    assert pick([entry(0.0, 1.0, 1e-6), heavy], 1e-3) is None
    # The end's sample recorded, but not counted as a miss at the end: negligible.
    assert pick([entry(0.0, 1.0, 1e-6, miss=(0.0, 5.0)), heavy], 1e-3) is None
    # Not negligible: it counts with no miss at all (and at any width).
    assert pick([entry(0.0, 1.0, 1.0), heavy], 1e-4) == 0


def test_a_negligible_panel_in_a_chase_counts_with_a_peak_between_its_nodes() -> None:
    heavy = entry(1.0, 3.0, 1000.0, unresolved=False)
    # Each panel touches the end 0, where f was sampled (1.0): not a singular end.
    # 21 samples (K21) at its nodes: a line, flat (their polynomial is 1
    # everywhere), and the line with a bump in the middle (above the chord
    # through the end samples, though the largest is at an end).
    positions = [-x for x in K21.nodes[:-1]] + [0.0] + list(reversed(K21.nodes[:-1]))
    rising = tuple(10.0 + 10.0 * t for t in positions)
    flat = (1.0,) * 21
    peaked = tuple(y + (1.0 if t == 0.0 else 0.0) for t, y in zip(positions, rising, strict=True))
    # In a chase, a miss strictly inside where |f| is above the polynomial:
    # never negligible.
    above = entry(0.0, 1.0, 1e-6, history=F_AT_0, miss=(0.5, 5.0), chasing=True, samples=flat)
    assert pick([above, heavy], 1e-3) == 0
    assert (
        pick(
            [
                entry(0.0, 1.0, 1e-6, history=F_AT_0, miss=(0.5, -5.0), chasing=True, samples=flat),
                heavy,
            ],
            1e-3,
        )
        == 0
    )
    # Below it (a dip), or at either end of the panel (its parent's centre),
    # with monotone samples: negligible.
    for miss in ((0.5, 0.5), (0.5, 1.0), (0.0, 5.0), (1.0, 5.0)):
        assert (
            pick(
                [
                    entry(0.0, 1.0, 1e-6, history=F_AT_0, miss=miss, chasing=True, samples=flat),
                    heavy,
                ],
                1e-3,
            )
            is None
        )
        assert (
            pick(
                [
                    entry(0.0, 1.0, 1e-6, history=F_AT_0, miss=miss, chasing=True, samples=rising),
                    heavy,
                ],
                1e-3,
            )
            is None
        )
    # Samples that bulge above their chord, with a miss anywhere: never negligible.
    for x in (0.0, 0.5, 1.0):
        assert (
            pick(
                [
                    entry(
                        0.0, 1.0, 1e-6, history=F_AT_0, miss=(x, 0.0), chasing=True, samples=peaked
                    ),
                    heavy,
                ],
                1e-3,
            )
            == 0
        )
    # No miss, or no chase: negligible, however its samples go.
    assert (
        pick([entry(0.0, 1.0, 1e-6, history=F_AT_0, chasing=True, samples=peaked), heavy], 1e-3)
        is None
    )
    assert (
        pick([entry(0.0, 1.0, 1e-6, history=F_AT_0, miss=(0.5, 5.0), samples=peaked), heavy], 1e-3)
        is None
    )
    # At an end where f was not found finite (no sample there in its history),
    # a miss and a bulge are the singularity's: negligible.
    assert (
        pick([entry(0.0, 1.0, 1e-6, miss=(0.5, 5.0), chasing=True, samples=flat), heavy], 1e-3)
        is None
    )
    bulging = entry(0.0, 1.0, 1e-6, miss=(0.5, 0.0), chasing=True, samples=peaked)
    assert pick([bulging, heavy], 1e-3) is None
