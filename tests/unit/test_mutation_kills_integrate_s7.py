"""integrate's refusal of an interval about one ulp wide, found by mutation testing.

`collapsed` says whether the rule's points on ``[a, b]`` round to one or two
floats, as `gauss_kronrod` places them: the oracle is the set of points
`gauss_kronrod` calls ``f`` at (after the centre). Around 1, two ulps apart
is not collapsed; three ulps apart, K21's points make three floats and
K15's too. And integrate's refusal there says so word for word.
"""

from __future__ import annotations

import math

import pytest

from calcweb import NumericalError, integrate
from calcweb._gauss_kronrod import K15, K21, Panel, Rule, collapsed, gauss_kronrod, positions
from calcweb._integrate import _Entry, _Panels


def _ulps_above(x: float, k: int) -> float:
    for _ in range(k):
        x = math.nextafter(x, math.inf)
    return x


def _node_floats(rule: Rule, a: float, b: float) -> int:
    """How many floats gauss_kronrod evaluates f at on [a, b], the centre (its first call) aside."""
    points: list[float] = []

    def f(t: float) -> float:
        points.append(t)
        return 1.0

    gauss_kronrod(f, a, b, rule)
    return len(set(points[1:]))


STARTS = [1.0, 0.75, 1.5, -1.0, -0.75, 3.0, 1e-300, math.nextafter(2.0, 0.0)]


@pytest.mark.parametrize("rule", [K21, K15], ids=["K21", "K15"])
@pytest.mark.parametrize("a", STARTS)
def test_collapsed_is_whether_gauss_kronrods_points_make_fewer_than_three_floats(
    rule: Rule, a: float
) -> None:
    for k in range(1, 7):
        b = _ulps_above(a, k)
        assert collapsed(rule, a, b) == (_node_floats(rule, a, b) < 3), (a, k)


@pytest.mark.parametrize("rule", [K21, K15], ids=["K21", "K15"])
def test_one_ulp_is_collapsed_and_two_are_not_at_1(rule: Rule) -> None:
    assert collapsed(rule, 1.0, _ulps_above(1.0, 1))
    assert not collapsed(rule, 1.0, _ulps_above(1.0, 2))
    assert not collapsed(rule, 1.0, _ulps_above(1.0, 3))


def test_the_refusal_of_an_interval_one_ulp_wide_word_for_word() -> None:
    b = math.nextafter(1.0, 2.0)
    with pytest.raises(NumericalError) as caught:
        integrate(math.exp, 1.0, b)
    assert str(caught.value) == (
        f"the subinterval [1.0, {b!r}] is about one ulp wide: the rule's points round to one "
        "or two floats there, so how f varies across it cannot be sampled, whatever tol; "
        "integrate over a wider interval, or take f times the width if f is smooth at that "
        "scale"
    )


# -------------------------------------------------------------- _Panels._keep


def _kept(miss: tuple[float, float, float]) -> tuple[Panel, _Entry]:
    """f = 1 on [2, 3] kept with the given miss (x, f(x), by how much)."""
    panels = _Panels(lambda x: 1.0, K21)
    panel = gauss_kronrod(lambda x: 1.0, 2.0, 3.0)
    panels._keep(panel, change=math.inf, inherited=(0.0, 0.0), floor=0.0, miss=miss)
    [entry] = panels.entries
    return panel, entry


def test_a_miss_is_worth_what_it_missed_by_times_the_width() -> None:
    # Missed by 4 on a panel 1 wide (at 2 to 3, not 5 = |2 + 3| wide): error and weight 4.
    panel, entry = _kept((2.5, 1.0, 4.0))
    assert panel.error < 1e-12
    assert panel.absolute == pytest.approx(1.0, rel=1e-14, abs=0.0)
    assert (entry.error, entry.weight, entry.miss) == (4.0, 4.0, (2.5, 1.0))


def test_a_miss_by_nothing_is_no_miss() -> None:
    panel, entry = _kept((2.5, 1.0, 0.0))
    assert (entry.error, entry.weight) == (panel.error, panel.absolute)
    assert math.isnan(entry.miss[0])  # no point for the next bisection to check


# -------------------------------------------------------------- _Panels.split


@pytest.mark.parametrize("node", [0, 8, 9])
def test_each_half_checks_every_parent_sample_on_its_side(node: int) -> None:
    # A peak 1e-4 wide at the parent's node 0, 8 or 9 (left of the centre; node 0 is the
    # first point checked): the parent's sample sees it, the left half's nodes do not;
    # the left half misses it there.
    x = positions(K21)[node]
    panels = _Panels(lambda t: 1.0 + 10.0 * math.exp(-(((t - x) / 1e-4) ** 2)), K21)
    panels.add(-1.0, 1.0)
    panels.split(0)
    left = next(entry for entry in panels.entries if entry.panel.b == 0.0)
    assert left.miss == (x, 11.0)


def _surprises(monkeypatch: pytest.MonkeyPatch, left_above: float) -> list[bool]:
    """Bisect [-1, 1] of error 2**-20 and sum 2 into halves summing to 2 + left_above."""
    panels = _Panels(lambda t: 1.0, K21)
    real = panels._apply

    def apply(a: float, b: float) -> Panel:
        panel = real(a, b)
        if (a, b) == (-1.0, 1.0):
            return panel._replace(value=2.0, error=2.0**-20)
        return panel._replace(value=1.0 + left_above if b == 0.0 else 1.0)

    monkeypatch.setattr(panels, "_apply", apply)
    panels.add(-1.0, 1.0)
    assert panels.entries[0].error == 2.0**-20
    panels.split(0)
    return [entry.surprise for entry in panels.entries]


def test_halves_that_leave_their_parent_by_more_than_twice_its_error_are_a_surprise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert _surprises(monkeypatch, 2.0 * 2.0**-20) == [False, False]  # exactly twice
    assert _surprises(monkeypatch, 2.5 * 2.0**-20) == [True, True]
