"""The floor for finite smoothness of one panel at its edges, found by mutation testing.

`calcweb._gauss_kronrod._finite_smoothness` takes the envelope of the
Legendre coefficients as the largest of three neighbours (degrees 9-11 and
13-15 for K21, 5-7 and 9-11 for K15), fits a power ``alpha`` between them
and carries the upper one to the first degree the rule misses (32, 23),
times 2; it gives 0 where the envelope falls more than 16x (analytic) or
where the even coefficients are below 1% of the odd ones (odd about the
centre). The oracle is that documented formula, fed samples built from
Legendre polynomials at the nodes (whose coefficients the rule computes
exactly, up to rounding) or, at the thresholds, coefficients given exactly:
symmetric samples have odd coefficients exactly 0, antisymmetric ones even
coefficients exactly 0.

And `_collapsed` (ed22f1a) at its threshold: nodes that round to two floats
collapse the panel, three do not.
"""

from __future__ import annotations

import math
import sys

import pytest

from calcweb._gauss_kronrod import (
    GEOMETRIC_DROP,
    K15,
    K21,
    ODD_ONLY,
    Panel,
    Rule,
    _coefficients,
    _collapsed,
    _finite_smoothness,
    _interpolation_error,
    _legendre_rows,
    gauss_kronrod,
    missed,
)

# rule -> (lower window, upper window, first degree the rule misses)
WINDOWS = {
    "K21": ((9, 10, 11), (13, 14, 15), 32),
    "K15": ((5, 6, 7), (9, 10, 11), 23),
}
RULES = {"K21": K21, "K15": K15}


def positions(rule: Rule) -> list[float]:
    inner = rule.nodes[:-1]
    return [-x for x in inner] + [0.0] + list(reversed(inner))


def legendre(n: int, x: float) -> float:
    before, current = 1.0, x
    for k in range(1, n):
        before, current = current, ((2 * k + 1) * x * current - k * before) / (k + 1)
    return current


def series(rule: Rule, terms: dict[int, float]) -> list[float]:
    """Samples at the nodes of ``sum(c P_j)`` for ``terms`` {j: c}."""
    return [sum(c * legendre(j, x) for j, c in terms.items()) for x in positions(rule)]


def floor(low: float, high: float, lower: int, missed: int) -> float:
    """The documented floor: twice ``high`` carried by the power fitted from ``low``."""
    upper = lower + 4
    alpha = math.log(low / high) / math.log(upper / lower) if low > high else 0.0
    return 2.0 * high * (upper / missed) ** alpha


@pytest.mark.parametrize("name", ["K21", "K15"])
@pytest.mark.parametrize("low_at", [0, 1, 2])
@pytest.mark.parametrize("high_at", [0, 1, 2])
def test_each_of_the_three_neighbours_sets_the_envelope(
    name: str, low_at: int, high_at: int
) -> None:
    # One coefficient 1 in the lower window, one 1/4 in the upper, and the even
    # degree between the windows at 1/10 (not odd-only, not in the envelope).
    rule = RULES[name]
    lows, highs, missed = WINDOWS[name]
    middle = lows[2] + 1  # 12 or 8
    values = series(rule, {lows[low_at]: 1.0, highs[high_at]: 0.25, middle: 0.1})
    expected = floor(1.0, 0.25, lows[0], missed)
    assert _finite_smoothness(rule, values) == pytest.approx(expected, rel=1e-9)


@pytest.mark.parametrize("name", ["K21", "K15"])
def test_a_fall_of_exactly_geometric_drop_still_has_a_floor(name: str) -> None:
    # Symmetric samples (a constant): the odd coefficients are exactly 0, and
    # the even ones are given: the envelope falls GEOMETRIC_DROP (64) times
    # exactly, then just more.
    rule = RULES[name]
    lows, _, missed = WINDOWS[name]
    ones = [1.0] * rule.size
    assert _coefficients(_legendre_rows(rule, odd=True), ones) == [0.0] * 4
    exact = _finite_smoothness(rule, ones, (GEOMETRIC_DROP, 0.0, 1.0))
    assert exact == pytest.approx(floor(64.0, 1.0, lows[0], missed), rel=1e-12, abs=0.0)
    assert exact > 0.0
    steeper = math.nextafter(GEOMETRIC_DROP, math.inf)
    assert _finite_smoothness(rule, ones, (steeper, 0.0, 1.0)) == 0.0


@pytest.mark.parametrize("name", ["K21", "K15"])
def test_a_flat_envelope_of_one_is_carried_as_it_is(name: str) -> None:
    # low == high == 1 (alpha 0): the floor is twice the top, not 0.
    rule = RULES[name]
    assert _finite_smoothness(rule, [1.0] * rule.size, (1.0, 0.0, 1.0)) == 2.0
    assert _finite_smoothness(rule, [1.0] * rule.size, (0.0, 0.0, 0.0)) == 0.0


@pytest.mark.parametrize("name", ["K21", "K15"])
def test_even_coefficients_of_exactly_one_percent_of_the_odd_ones_count(name: str) -> None:
    # Antisymmetric samples: the even coefficients computed from them are
    # exactly 0, and those given are ODD_ONLY of the largest odd one exactly,
    # then just below: odd about the centre, no floor.
    rule = RULES[name]
    lows, highs, missed = WINDOWS[name]
    values = series(rule, {lows[0]: 4.0, highs[0]: 1.0})
    assert _coefficients(_legendre_rows(rule), values) == [0.0] * 3
    largest = max(_coefficients(_legendre_rows(rule, odd=True), values))
    assert largest == pytest.approx(4.0, rel=1e-12)
    edge = ODD_ONLY * largest
    at_edge = _finite_smoothness(rule, values, (edge, 0.0, edge))
    assert at_edge == pytest.approx(floor(4.0, 1.0, lows[0], missed), rel=1e-9)
    below = math.nextafter(edge, 0.0)
    assert _finite_smoothness(rule, values, (below, 0.0, below)) == 0.0


@pytest.mark.parametrize("name", ["K21", "K15"])
def test_the_panel_floor_is_the_half_width_times_the_unit_floor(name: str) -> None:
    # [1, 5]: half-width 2, the samples f(3 + 2 x) at the nodes x.
    rule = RULES[name]

    def f(x: float) -> float:
        return abs(x - 3.7) ** 1.5

    panel = gauss_kronrod(f, 1.0, 5.0, rule)
    unit = _finite_smoothness(rule, [f(3.0 + 2.0 * x) for x in positions(rule)])
    assert unit > 0.0
    assert panel.smoothness == 2.0 * unit


@pytest.mark.parametrize("name", ["K21", "K15"])
def test_nodes_on_two_floats_collapse_and_on_three_do_not(name: str) -> None:
    # About 1: the floats are 2**-53 apart below and 2**-52 above. A half-width
    # of 2**-53 puts the nodes on 1 - 2**-53 and 1 only; 1.5 * 2**-53 also
    # puts the outer right ones on 1 + 2**-52.
    nodes = RULES[name].nodes
    assert _collapsed(1.0, 2.0**-53, nodes)
    assert not _collapsed(1.0, 1.5 * 2.0**-53, nodes)
    assert not _collapsed(1.0, 2.0**-52, nodes)  # four floats


# ------------------------------------------------------------ _interpolation_error (ed22f1a)

# The first degree the interpolant misses, less the top even degree, over 4:
# the tail's fall is carried (21 - 14) / 4 times for K21, (15 - 10) / 4 for K15.
CARRIED = {"K21": 1.75, "K15": 1.25}
SLOTS = ["odd 0", "even 0", "odd 1"], ["odd 2", "even 2", "odd 3"]


def coefficients(
    low: float, low_at: int, high: float, high_at: int
) -> tuple[tuple[float, float, float], list[float]]:
    """Even and odd coefficients, 0 but for ``low`` and ``high`` in the given slots."""
    even, odd = [0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]
    for value, slot in ((low, SLOTS[0][low_at]), (high, SLOTS[1][high_at])):
        kind, index = slot.split()
        (even if kind == "even" else odd)[int(index)] = value
    return (even[0], even[1], even[2]), odd


@pytest.mark.parametrize("name", ["K21", "K15"])
@pytest.mark.parametrize("low_at", [0, 1, 2])
@pytest.mark.parametrize("high_at", [0, 1, 2])
def test_the_interpolation_tail_is_the_upper_envelope_carried_by_its_fall(
    name: str, low_at: int, high_at: int
) -> None:
    # Samples all 0 (no rounding term); envelopes 1 and 1/4: the tail is
    # 1/4 * (1/4)**CARRIED, times MISSED_TAIL = 4.
    rule = RULES[name]
    zeros = [0.0] * rule.size
    given = coefficients(1.0, low_at, 0.25, high_at)
    error = _interpolation_error(rule, zeros, given, a=0.0, b=1.0)
    assert error == pytest.approx(4.0 * 0.25 * 0.25 ** CARRIED[name], rel=1e-12, abs=0.0)


@pytest.mark.parametrize("name", ["K21", "K15"])
def test_a_rising_or_empty_lower_envelope_carries_the_top_flat(name: str) -> None:
    rule = RULES[name]
    zeros = [0.0] * rule.size
    assert _interpolation_error(rule, zeros, coefficients(0.25, 0, 1.0, 0), a=0.0, b=1.0) == 4.0
    assert _interpolation_error(rule, zeros, coefficients(0.0, 0, 1.0, 2), a=0.0, b=1.0) == 4.0
    assert _interpolation_error(rule, zeros, coefficients(0.0, 0, 0.0, 0), a=0.0, b=1.0) == 0.0


@pytest.mark.parametrize("name", ["K21", "K15"])
@pytest.mark.parametrize(("a", "b"), [(2.0, 6.0), (-6.0, -2.0)])
def test_the_rounding_term_is_ulps_of_f_and_of_the_nodes_times_the_slope(
    name: str, a: float, b: float
) -> None:
    # f = 2 u - 1 on the panel mapped onto u in [-1, 1] (half-width 2): the
    # slope in x is 1, the largest |f| is 2 u_max + 1, the farthest end 6.
    rule = RULES[name]
    values = [2.0 * u - 1.0 for u in positions(rule)]
    none = coefficients(0.0, 0, 0.0, 0)
    largest = 2.0 * rule.nodes[0] + 1.0
    expected = 1e3 * sys.float_info.epsilon * (largest + 6.0 * 1.0)
    assert _interpolation_error(rule, values, none, a=a, b=b) == pytest.approx(
        expected, rel=1e-12, abs=0.0
    )


def test_an_empty_panel_cannot_be_interpolated() -> None:
    values = [1.0] * K21.size
    none = coefficients(0.0, 0, 0.0, 0)
    assert _interpolation_error(K21, values, none, a=1.5, b=1.5) == math.inf


# ------------------------------------------------------------ missed (ed22f1a)


def line() -> Panel:
    """One K21 panel of 1 + x on [-1, 1] (u = x): its interpolant is the line."""
    return gauss_kronrod(lambda x: 1.0 + x, -1.0, 1.0)


def test_a_point_off_the_line_by_1_is_missed_at_both_ends_and_not_outside() -> None:
    panel = line()
    assert missed(K21, panel, [(-1.0, 1.0)]) == (0, pytest.approx(1.0, rel=1e-12))
    assert missed(K21, panel, [(1.0, 3.0)]) == (0, pytest.approx(1.0, rel=1e-12))
    assert missed(K21, panel, [(0.5, 1.5), (1.0, 3.0)]) == (1, pytest.approx(1.0, rel=1e-12))
    # Outside [-1, 1] a point is skipped, however far off.
    assert missed(K21, panel, [(-1.5, 100.0), (1.5, 100.0)]) == (-1, 0.0)


def test_a_miss_of_exactly_the_resolution_is_not_missed() -> None:
    # At a node the interpolant is the sample itself: a miss of exactly 1/2.
    panel = line()._replace(resolution=0.5)
    node = positions(K21)[3]
    value = panel.samples[3] + 0.5
    assert missed(K21, panel, [(node, value)]) == (-1, 0.0)
    wider = panel._replace(resolution=math.nextafter(0.5, 0.0))
    assert missed(K21, wider, [(node, value)]) == (0, 0.5)


def test_no_samples_no_points_or_overflowing_samples_miss_nothing() -> None:
    panel = line()
    assert missed(K21, panel._replace(samples=()), [(0.0, 5.0)]) == (-1, 0.0)
    assert missed(K21, panel, []) == (-1, 0.0)
    # 1.7e308 times an interpolation weight above 1/2 overflows in fsum.
    huge = panel._replace(samples=(1.7e308,) * K21.size)
    assert missed(K21, huge, [(0.5, 1.0)]) == (-1, 0.0)


def test_odd_coefficients_given_are_used() -> None:
    # A constant's own odd coefficients are exactly 0; those given raise the
    # upper envelope to 4 (flat from 1: alpha 0), so the floor is 8.
    ones = [1.0] * K21.size
    assert _finite_smoothness(K21, ones, (1.0, 0.0, 1.0), [0.0, 0.0, 4.0, 0.0]) == 8.0
