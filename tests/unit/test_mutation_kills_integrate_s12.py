"""Mutation tests for integrate's end checks (`_Panels._unmodelled` and its neighbours).

`_unmodelled` splits a half's end share ``s`` (its parent's ``s0``) into the
part ``a`` that falls with the chain's K - G, at ``q`` per halving, and ``b =
(s - q s0) / (1 - 2 q)`` that falls by 1/2: it returns ``|b|``, plus how far
``b`` moves as ``q`` does within its spread (``d b / d q = (2 s - s0) / (1 -
2 q)**2``), and ``|s - q s0|`` plus ``|s0|`` times the spread. ``q`` is the
ratio of the two K - G, and its spread ``|q|`` times the sum of their relative
roundings. The direct calls use sums of powers of two, so most figures are
exact, and the tests compute them on their own with fractions (where a
division by 3/4 rounds, ``q = 1/8``, to within 4 eps; one edge takes fl(1/3)).
"""

from __future__ import annotations

import math
import sys
from fractions import Fraction

import pytest

from calcweb._gauss_kronrod import K21, Panel, gauss_kronrod, missed
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
    # q = 1/8 (1 - 2q = 3/4, not 1/2, where dividing by (1 - 2q)**2 and, as a mutant
    # does, by (1 - 2q) and then multiplying by 2 agree), spread 2**-12.
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


# `_end_share` and `_end_miss` on [1, 3] for f = |x - (1 + C1)| + 2 |x - (3 - C2)|: both
# kinks lie in the slivers between an end and the outermost node (0.99566 of the half
# width out), so f is the line 5 - C1 - 2 C2 - x at every node, and the polynomial
# through the samples is that line. It misses f(1) = 4 + C1 - 2 C2 by -2 C1 and f(3) =
# 2 - C1 + 2 C2 by -4 C2 (exact figures; the interpolation rounds to about 1e-15).
C1, C2 = 2.0**-10, 2.0**-12
A, B = 1.0, 3.0


def kinks(x: float) -> float:
    return abs(x - (A + C1)) + 2.0 * abs(x - (B - C2))


SLIVER = 0.5 * (1.0 - K21.nodes[0]) * (B - A)  # 0.0043: 0.00217 = (1 - 0.99566) / 2 of the width
AT_ENDS = [(A, kinks(A)), (B, kinks(B))]


def kinked_panels() -> tuple[_Panels, Panel]:
    panels = _Panels(kinks, K21)
    panels.ends = (A, B)
    return panels, gauss_kronrod(kinks, A, B, K21)


def test_the_sliver_is_the_part_of_the_width_beyond_the_outermost_node() -> None:
    assert K21.nodes[0] == max(abs(u) for u in K21.nodes)
    assert 0.00217 < SLIVER / (B - A) < 0.00218
    assert C1 < SLIVER
    assert C2 < SLIVER


def test_the_end_shares_are_the_sliver_times_the_polynomials_miss_at_each_end() -> None:
    panels, p = kinked_panels()
    left, right = panels._end_share(p, AT_ENDS)
    assert left == pytest.approx(-2.0 * C1 * SLIVER, rel=1e-9, abs=0.0)
    assert right == pytest.approx(-4.0 * C2 * SLIVER, rel=1e-9, abs=0.0)
    # Each end alone (in either order); no sample at an end leaves its share 0.
    assert panels._end_share(p, AT_ENDS[:1]) == (left, 0.0)
    assert panels._end_share(p, AT_ENDS[1:]) == (0.0, right)
    assert panels._end_share(p, AT_ENDS[::-1]) == (left, right)
    # A sample inside the panel is no end's (the caller passes only the whole interval's).
    assert panels._end_share(p, [(2.0, 0.0), *AT_ENDS]) == (left, right)


def test_an_end_share_that_overflows_is_infinite() -> None:
    # f = -1.7e308 at the outermost node on the left (whose weight in the polynomial at
    # the end is 1.45): the polynomial there is -inf, the share -inf, counted as +inf.
    def spike(x: float) -> float:
        return -1.7e308 if x < 1.0 + 0.005 else 0.0

    panels = _Panels(spike, K21)
    panels.ends = (1.0, 1.5)
    p = gauss_kronrod(spike, 1.0, 1.5, K21)
    assert panels._end_share(p, [(1.0, 0.0)]) == (math.inf, 0.0)

    # 1.2e308 at the first and third nodes from the left (weights 1.45 and 0.42): the
    # polynomial's sum overflows midway (fsum raises OverflowError): +inf too.
    def spikes(x: float) -> float:
        u = (x - 1.25) / 0.25
        return 1.2e308 if min(abs(u + 0.9957), abs(u + 0.9302)) < 1e-3 else 0.0

    panels = _Panels(spikes, K21)
    panels.ends = (1.0, 1.5)
    p = gauss_kronrod(spikes, 1.0, 1.5, K21)
    assert panels._end_share(p, [(1.0, 0.0)]) == (math.inf, 0.0)


# `_end_miss` on the same panel: the polynomial misses f(1) by 2 C1 = 2**-9 and f(3) by
# 4 C2 = 2**-10, far above its resolution, and the sliver times either is far above the
# panel's error (f is a line at every node: K - G is rounding).
NO_MISS = (math.nan, 0.0, 0.0)


def same(got: tuple[float, float, float], want: tuple[float, float, float]) -> bool:
    return all(a == b or (math.isnan(a) and math.isnan(b)) for a, b in zip(got, want, strict=True))


def test_the_worst_end_miss_is_returned_with_the_sample() -> None:
    panels, p = kinked_panels()
    assert p.resolution < 1e-11
    assert 1e3 * p.error < SLIVER * 4.0 * C2
    x, y, m = panels._end_miss(p, AT_ENDS, (1.0, 1.0))
    assert (x, y) == AT_ENDS[0]
    assert m == pytest.approx(2.0 * C1, rel=1e-9)
    x, y, m = panels._end_miss(p, AT_ENDS[::-1], (1.0, 1.0))  # the worst, in either order
    assert (x, y) == AT_ENDS[0]
    x, y, m = panels._end_miss(p, AT_ENDS[1:], (1.0, 1.0))
    assert (x, y) == AT_ENDS[1]
    assert m == pytest.approx(4.0 * C2, rel=1e-9, abs=0.0)


def test_an_end_miss_needs_a_part_the_chain_does_not_explain() -> None:
    # own, the part of that end's share the chain does not model (`_unmodelled`), must be
    # above the panel's error: the left end's 0 leaves only the right end's miss.
    panels, p = kinked_panels()
    x, _, _ = panels._end_miss(p, AT_ENDS, (0.0, 1.0))
    assert x == B
    x, _, _ = panels._end_miss(p, AT_ENDS, (1.0, 0.0))
    assert x == A
    assert same(panels._end_miss(p, AT_ENDS, (0.0, 0.0)), NO_MISS)
    # own exactly the panel's error is not above it.
    assert same(panels._end_miss(p, AT_ENDS, (p.error, p.error)), NO_MISS)


def test_an_end_miss_must_be_worth_more_than_the_panels_error() -> None:
    # The sliver times the miss exactly the panel's error is not above it; one ulp
    # below it is (mutants that widen or narrow the sliver move the edge).
    panels, p = kinked_panels()
    _, deviation = missed(K21, p, [(-1.0, kinks(A))])
    edge = SLIVER * deviation
    at = p._replace(error=edge)
    assert same(panels._end_miss(at, AT_ENDS[:1], (1.0, 1.0)), NO_MISS)
    below = p._replace(error=math.nextafter(edge, 0.0))
    assert panels._end_miss(below, AT_ENDS[:1], (1.0, 1.0))[0] == A
    # An error of 1 is far above either end's sliver times its miss (8.5e-6 at most):
    # no miss, however large the part left unexplained.
    big = p._replace(error=1.0)
    assert same(panels._end_miss(big, AT_ENDS, (2.0, 2.0)), NO_MISS)


def test_of_equal_end_misses_the_first_is_kept() -> None:
    # f 0 at every node and +-1/2 at the ends: the polynomial, 0, misses both by 1/2
    # exactly.
    panels = _Panels(lambda x: 0.0, K21)
    panels.ends = (A, B)
    p = gauss_kronrod(lambda x: 0.0, A, B, K21)
    assert panels._end_miss(p, [(A, 0.5), (B, -0.5)], (1.0, 1.0)) == (A, 0.5, 0.5)
    assert panels._end_miss(p, [(B, -0.5), (A, 0.5)], (1.0, 1.0)) == (B, -0.5, 0.5)


def test_the_ends_are_sampled_once_each_and_counted() -> None:
    calls: list[float] = []

    def g(x: float) -> float:
        calls.append(x)
        return x * x

    panels = _Panels(g, K21)
    panels.nfev = 5
    assert panels._ends(2.0, 3.0) == ((2.0, 4.0), (3.0, 9.0))
    assert calls == [2.0, 3.0]
    assert panels.nfev == 7


def test_an_end_where_g_fails_or_is_not_finite_is_nan_and_still_counted() -> None:
    def g(x: float) -> float:
        if x == 0.0:
            raise ZeroDivisionError("1/sqrt(x) at 0")
        return math.inf if x == 2.0 else 1.0

    panels = _Panels(g, K21)
    (a, ya), (b, yb) = panels._ends(0.0, 2.0)
    assert (a, b) == (0.0, 2.0)
    assert math.isnan(ya)
    assert math.isnan(yb)
    assert panels.nfev == 2
    assert panels._ends(1.0, 0.0)[0] == (1.0, 1.0)


def test_an_end_mapped_to_an_infinite_x_is_not_sampled() -> None:
    calls: list[float] = []

    def g(x: float) -> float:
        calls.append(x)
        return 1.0

    panels = _Panels(g, K21)
    panels.finite_ends = (True, False)
    (a, ya), (b, yb) = panels._ends(0.0, 1.0)
    assert (a, ya, b) == (0.0, 1.0, 1.0)
    assert math.isnan(yb)
    assert calls == [0.0]
    assert panels.nfev == 1
    panels.finite_ends = (False, True)
    (a, ya), (b, yb) = panels._ends(0.0, 1.0)
    assert math.isnan(ya)
    assert (b, yb) == (1.0, 1.0)
    assert calls == [0.0, 1.0]
    assert panels.nfev == 2
