"""Mutation tests for integrate's end checks (`_Panels._unmodelled` and its neighbours).

`_unmodelled` splits a half's end share ``s`` (its parent's ``s0``) into the
part ``a`` that falls with the chain's K - G, at ``q`` per halving, and ``b =
(s - q s0) / (1 - 2 q)`` that falls by 1/2: it returns ``|b|``, plus how far
``b`` moves as ``q`` does within its spread (``d b / d q = (2 s - s0) / (1 -
2 q)**2``), and ``|s - q s0|`` plus ``|s0|`` times the spread. ``q`` is the
ratio of the two K - G, and its spread ``|q|`` times the sum of their relative
roundings. The direct calls use powers of two, so every figure is exact and
the tests compute it on their own with fractions.
"""

from __future__ import annotations

import math
import sys
from fractions import Fraction

import pytest

from calcweb._gauss_kronrod import K21, Panel
from calcweb._integrate import _Entry, _Panels

EPS = sys.float_info.epsilon


def panel(difference: float, rounding: float) -> Panel:
    return Panel(0.0, 1.0, 0.0, 0.0, False, rounding=rounding, difference=difference)


def entry(p: Panel, end_share: tuple[float, float]) -> _Entry:
    return _Entry(0.0, 0, p, math.inf, (0.0, 0.0), False, 0.0, (0.0, 0.0), end_share=end_share)


def split(half: Panel, older: Panel, s: float, s0: float) -> tuple[Fraction, Fraction, Fraction]:
    """q, b with its spread, and |s - q s0| with its, exactly (the docstring's formulas)."""
    q = Fraction(half.difference) / Fraction(older.difference)
    spread = abs(q) * (
        Fraction(half.rounding) / abs(Fraction(half.difference))
        + Fraction(older.rounding) / abs(Fraction(older.difference))
    )
    s_, s0_ = Fraction(s), Fraction(s0)
    b = abs(s_ - q * s0_) / (1 - 2 * q) + abs(2 * s_ - s0_) * spread / (1 - 2 * q) ** 2
    rest = abs(s_ - q * s0_) + abs(s0_) * spread
    return q, b, rest


def unmodelled(
    half: Panel, older: Panel, share: tuple[float, float], before: tuple[float, float]
) -> tuple[tuple[float, float], tuple[float, float]]:
    panels = _Panels(math.exp, K21)
    panels.ends = (0.0, 1.0)
    return panels._unmodelled(share, half, entry(older, before))


def test_the_rate_of_the_two_differences_and_its_spread_split_the_share() -> None:
    # K - G falls from 2 to 1/2 (q = 1/4), each known to 2**-10 of itself: q's spread
    # is 2**-11. The share 1 after 1 is then b = 3/2 + 4 * 2**-11 and s - q s0 =
    # 3/4 + 2**-11. Mutants that subtract the relative roundings (spread 0) or multiply
    # by a difference instead of dividing get other spreads.
    half, older = panel(0.5, 2.0**-11), panel(2.0, 2.0**-9)
    q, b, rest = split(half, older, 1.0, 1.0)
    assert q == Fraction(1, 4)
    assert (b, rest) == (Fraction(3, 2) + Fraction(1, 2**9), Fraction(3, 4) + Fraction(1, 2**11))
    assert unmodelled(half, older, (1.0, 0.0), (1.0, 0.0)) == ((float(b), 0.0), (float(rest), 0.0))
    # The right end alike, the share -1/2 after -3 (the polynomial below f there):
    # b = 1/2 + 2 * 2**-11 / (1/4), s - q s0 = 1/4 + 3 * 2**-11.
    q, b, rest = split(half, older, -0.5, -3.0)
    assert (b, rest) == (Fraction(1, 2) + Fraction(1, 2**8), Fraction(1, 4) + Fraction(3, 2**11))
    assert unmodelled(half, older, (0.0, -0.5), (0.0, -3.0)) == (
        (0.0, float(b)),
        (0.0, float(rest)),
    )


def test_a_rate_of_an_eighth() -> None:
    # q = 1/8 (1 - 2q = 3/4, not 1/2: (1 - 2q)**2 and 2 (1 - 2q) differ), spread 2**-12.
    half, older = panel(0.25, 2.0**-12), panel(2.0, 2.0**-9)
    q, b, rest = split(half, older, 1.0, 1.0)
    assert q == Fraction(1, 8)
    (part, _), (left, _) = unmodelled(half, older, (1.0, 0.0), (1.0, 0.0))
    assert part == pytest.approx(float(b), rel=4 * EPS, abs=0.0)
    assert left == float(rest)


# Where q is not known well enough, nothing is told apart: all of |s| each. Each case's
# ``s0 = -1`` makes the formulas give something else than |s| = 1.
EDGES = {
    # q - spread exactly 0 (q = spread = 1/8): b still, s - q s0 not (q must be above 0).
    "q-spread=0": (panel(0.25, 0.125), panel(2.0, 1.0), 1.125 / 0.75 + 3.0 * 0.125 / 0.5625, 1.0),
    # q + spread exactly 1/2 (q = spread = 1/4): neither.
    "q+spread=1/2": (panel(0.5, 0.25), panel(2.0, 1.0), 1.0, 1.0),
    # q + spread exactly 1 (q = 3/4, spread 3/4 fl(1/3), which rounds to 1/4): neither.
    "q+spread=1": (panel(3.0, 1.0), panel(4.0, 0.0), 1.0, 1.0),
    # q - spread below 0 (q = 1/8, spread 3/16), q + spread 5/16: neither.
    "q-spread<0": (panel(1.0, 0.75), panel(8.0, 6.0), 1.0, 1.0),
    # The half's K - G within its rounding: no rate at all.
    "no rate": (panel(0.5, 0.5), panel(2.0, 1.0), 1.0, 1.0),
    # A K - G exactly at its rounding is within it: no rate (else q = 1/8 with the
    # spread 1/8, and b would count).
    "parent's K-G at its rounding": (panel(0.25, 0.0), panel(2.0, 2.0), 1.0, 1.0),
    "half's K-G at its rounding": (panel(0.25, 0.25), panel(2.0, 0.0), 1.0, 1.0),
}


@pytest.mark.parametrize(("half", "older", "part", "left"), EDGES.values(), ids=EDGES.keys())
def test_where_the_rate_is_not_known_the_whole_share_counts(
    half: Panel, older: Panel, part: float, left: float
) -> None:
    (got_part, _), (got_left, _) = unmodelled(half, older, (1.0, 0.0), (-1.0, 0.0))
    assert got_part == pytest.approx(part, rel=4 * EPS, abs=0.0)
    assert got_left == left


def test_a_share_that_overflowed_counts_as_infinite() -> None:
    # _end_share stores an overflowed share as inf: inf - q inf is NaN, which counts as inf.
    half, older = panel(0.5, 2.0**-11), panel(2.0, 2.0**-9)
    inf = math.inf
    assert unmodelled(half, older, (inf, 0.0), (inf, 0.0)) == ((inf, 0.0), (inf, 0.0))
