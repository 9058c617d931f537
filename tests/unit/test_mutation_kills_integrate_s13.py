"""Mutation tests for integrate's `_Panels.unresolved` (session 13's mutmut run).

`unresolved(tol, wider_than)` picks, among the panels whose nodes do not
resolve ``f``, the heaviest (the first of equal weights) that is not
negligible (weight above ``tol`` times the total, or a recorded miss at an end
of the whole interval: `_end_miss`) and is wider than ``wider_than``, or made by
a surprise, or has a miss recorded anywhere. The direct calls build the
panels' entries by hand, with weights, widths and misses that are exact, so each
case sits on one side of one condition.
"""

from __future__ import annotations

import math

from calcweb._gauss_kronrod import K21, Panel
from calcweb._integrate import _Entry, _Panels

NO_MISS = (math.nan, 0.0)


def entry(
    a: float,
    b: float,
    weight: float,
    *,
    unresolved: bool = True,
    miss: tuple[float, float] = NO_MISS,
    surprise: bool = False,
) -> _Entry:
    panel = Panel(a, b, 0.0, 0.0, False)
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
    # A miss at the end 0 (f there 5): never negligible.
    at_end = entry(0.0, 1.0, 1e-6, miss=(0.0, 5.0))
    assert pick([at_end, heavy], 1e-3) == 0
    # A miss inside the panel, or none: negligible.
    inside = entry(0.0, 1.0, 1e-6, miss=(0.5, 0.0))
    assert pick([inside, heavy], 1e-3) is None
    assert pick([entry(0.0, 1.0, 1e-6), heavy], 1e-3) is None
    # A miss whose f is the other end's x (4.0) is no miss at an end.
    assert pick([entry(0.0, 1.0, 1e-6, miss=(0.5, 4.0)), heavy], 1e-3) is None
    # Not negligible: it counts with no miss at all (and at any width).
    assert pick([entry(0.0, 1.0, 1.0), heavy], 1e-4) == 0
