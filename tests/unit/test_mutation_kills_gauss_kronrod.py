"""One Gauss-Kronrod panel on inputs the integration tests leave out, found by mutation testing.

The oracles: QUADPACK's dqk21/dqk15 written out here from the published
algorithm (Piessens et al., 1983) for the estimate, ∫|f| and the error
before calcweb's floors; the node-rounding floor in exact rational
arithmetic from its documented formula; the slow-decay estimate from its
docstring (``c3 r**k``, k = 9 for K21 and 6.5 for K15). And the flags a
panel reports (rounding-limited, unresolved) at both sides of each
threshold: 2e-294 for ∫|f|, a saturated QUADPACK ratio, 5 % of ∫|f|.
"""

from __future__ import annotations

import itertools
import math
import sys
from collections.abc import Callable
from fractions import Fraction

import pytest

import calcweb
from calcweb._gauss_kronrod import (
    K15,
    K21,
    Rule,
    _legendre_tail,
    _node_rounding,
    _slow_decay,
    gauss_kronrod,
)

EPS = sys.float_info.epsilon
ROUNDING_THRESHOLD = sys.float_info.min / (50.0 * EPS)  # ∫|f| below it is never rounding-limited


def quadpack(
    f: Callable[[float], float], a: float, b: float, rule: Rule = K21
) -> tuple[float, float, float]:
    """dqk21 (dqk15) as published: the Kronrod estimate, its error, and ∫|f| (resabs)."""
    center, half = 0.5 * (a + b), 0.5 * (b - a)
    f_center = f(center)
    kronrod, gauss = rule.kronrod[-1] * f_center, rule.gauss[-1] * f_center
    resabs = abs(kronrod)
    samples = []
    for x, wk, wg in zip(rule.nodes[:-1], rule.kronrod[:-1], rule.gauss[:-1], strict=True):
        left, right = f(center - half * x), f(center + half * x)
        samples.append((wk, left, right))
        kronrod += wk * (left + right)
        gauss += wg * (left + right)
        resabs += wk * (abs(left) + abs(right))
    mean = 0.5 * kronrod
    resasc = rule.kronrod[-1] * abs(f_center - mean)
    resasc += sum(wk * (abs(left - mean) + abs(right - mean)) for wk, left, right in samples)
    resasc *= abs(half)
    error = abs((kronrod - gauss) * half)
    if resasc != 0.0 and error != 0.0:
        error = resasc * min(1.0, (200.0 * error / resasc) ** 1.5)
    return kronrod * half, error, resabs * abs(half)


def difference(f: Callable[[float], float], a: float, b: float, rule: Rule = K21) -> float:
    """|K - G| times the half-width, summed in the order dqk21 sums."""
    center, half = 0.5 * (a + b), 0.5 * (b - a)
    f_center = f(center)
    kronrod, gauss = rule.kronrod[-1] * f_center, rule.gauss[-1] * f_center
    for x, wk, wg in zip(rule.nodes[:-1], rule.kronrod[:-1], rule.gauss[:-1], strict=True):
        left, right = f(center - half * x), f(center + half * x)
        kronrod += wk * (left + right)
        gauss += wg * (left + right)
    return abs((kronrod - gauss) * half)


def variation(f: Callable[[float], float], a: float, b: float, rule: Rule = K21) -> float:
    """QUADPACK's resasc, ∫|f - mean|, summed in the order dqk21 sums."""
    center, half = 0.5 * (a + b), 0.5 * (b - a)
    f_center = f(center)
    kronrod = rule.kronrod[-1] * f_center
    samples = []
    for x, wk in zip(rule.nodes[:-1], rule.kronrod[:-1], strict=True):
        left, right = f(center - half * x), f(center + half * x)
        samples.append((wk, left, right))
        kronrod += wk * (left + right)
    mean = 0.5 * kronrod
    resasc = rule.kronrod[-1] * abs(f_center - mean)
    resasc += sum(wk * (abs(left - mean) + abs(right - mean)) for wk, left, right in samples)
    return resasc * abs(half)


def saturation(f: Callable[[float], float], a: float, b: float) -> float:
    """QUADPACK's 200 |K - G| / resasc: 1 or more means the nodes do not resolve f."""
    center, half = 0.5 * (a + b), 0.5 * (b - a)
    nodes = K21.nodes
    values = [f(center - half * x) for x in nodes[:-1]] + [f(center)]
    values += [f(center + half * x) for x in reversed(nodes[:-1])]
    weights = [*K21.kronrod[:-1], K21.kronrod[-1], *reversed(K21.kronrod[:-1])]
    gauss = [*K21.gauss[:-1], K21.gauss[-1], *reversed(K21.gauss[:-1])]
    k = math.fsum(w * v for w, v in zip(weights, values, strict=True))
    g = math.fsum(w * v for w, v in zip(gauss, values, strict=True))
    mean = 0.5 * k
    resasc = math.fsum(w * abs(v - mean) for w, v in zip(weights, values, strict=True))
    return 200.0 * abs(k - g) / resasc


# f, a, b: QUADPACK's estimate is the panel's error (not saturated, above every floor)
QUADPACK_CASES = [
    ("sqrt", math.sqrt, 0.0, 1.0),
    ("cos(3x) + x", lambda x: math.cos(3 * x) + x, -2.0, 3.0),
    ("|x - 0.1|, ratio in (1, 2)", lambda x: abs(x - 0.1), -1.0, 1.0),
    ("runge, saturated", lambda x: 1 / (1 + 25 * (x - 0.3) ** 2), -1.0, 1.0),
    ("log, ratio 1.33", math.log, 0.0, 1.0),
]


@pytest.mark.parametrize(("name", "f", "a", "b"), QUADPACK_CASES)
def test_the_error_is_quadpacks_where_no_floor_applies(
    name: str, f: Callable[[float], float], a: float, b: float
) -> None:
    value, error, resabs = quadpack(f, a, b)
    panel = gauss_kronrod(f, a, b)
    assert panel.value == pytest.approx(value, rel=1e-14, abs=1e-300), name
    assert panel.error == pytest.approx(error, rel=1e-13, abs=0), name
    assert panel.absolute == pytest.approx(resabs, rel=1e-14, abs=0), name
    assert panel.rounding_limited is False


def test_the_ratios_of_the_cases_are_where_they_are_claimed() -> None:
    assert saturation(math.sqrt, 0.0, 1.0) < 1.0
    assert 1.0 < saturation(lambda x: abs(x - 0.1), -1.0, 1.0) < 2.0
    assert saturation(lambda x: 1 / (1 + 25 * (x - 0.3) ** 2), -1.0, 1.0) > 2.0


def test_absolute_is_the_rule_applied_to_abs_f() -> None:
    def f(x: float) -> float:
        return math.cos(3 * x) + x

    signed = gauss_kronrod(f, -2.0, 3.0)
    unsigned = gauss_kronrod(lambda x: abs(f(x)), -2.0, 3.0)
    assert signed.absolute == unsigned.value
    assert signed.absolute > abs(signed.value) + 1.0


def test_a_panel_resolved_to_rounding() -> None:
    panel = gauss_kronrod(math.exp, 0.0, 4.0)
    assert panel.rounding_limited is True
    assert panel.unresolved is False
    constant = gauss_kronrod(lambda x: 1.0, 0.0, 1.0)  # no slope: no node rounding
    assert constant.rounding_limited is True
    assert constant.error == 50.0 * EPS * constant.absolute


# ------------------------------------------------------------ unresolved


def test_unresolved_by_saturation_alone() -> None:
    def f(x: float) -> float:  # 16 periods over 21 nodes: not resolved, but small
        return 1 + 0.01 * math.sin(50 * x + 0.5)

    assert saturation(f, -1.0, 1.0) > 1.0
    panel = gauss_kronrod(f, -1.0, 1.0)
    assert panel.error < 0.05 * panel.absolute
    assert panel.unresolved is True


def root(x: float, k: int) -> float:
    """x ** (1 / 2**k) by k square roots (correctly rounded on every platform, unlike pow)."""
    for _ in range(k):
        x = math.sqrt(x)
    return x


def test_a_ratio_of_exactly_one_is_saturated() -> None:
    # QUADPACK's 200 |K - G| / resasc is exactly 1.0 for this t (found by search):
    # saturated, so unresolved, though the error is under 5 % of ∫|f|.
    t = 0.2710979153476712

    def f(x: float) -> float:
        return root(x, 4) + t * root(x, 5)

    assert 200.0 * difference(f, 0.0, 1.0) / variation(f, 0.0, 1.0) == 1.0
    panel = gauss_kronrod(f, 0.0, 1.0)
    assert panel.error == pytest.approx(variation(f, 0.0, 1.0), rel=1e-15, abs=0)
    assert panel.error < 0.05 * panel.absolute
    assert panel.unresolved is True


def test_unresolved_by_the_share_of_the_error_alone() -> None:
    def ramp(x: float) -> float:
        return max(x - 0.1, 0.0)

    assert saturation(ramp, -1.0, 1.0) < 1.0
    panel = gauss_kronrod(ramp, -1.0, 1.0)
    assert panel.error >= 0.05 * panel.absolute
    assert panel.unresolved is True


def test_an_error_of_exactly_five_percent_is_unresolved() -> None:
    # The error is exactly 5 % of ∫|f| for this t (found by search); not saturated.
    t = 0.13472900761395115

    def f(x: float) -> float:
        return root(x, 3) + t * root(x, 2)

    assert saturation(f, 0.0, 1.0) < 1.0
    panel = gauss_kronrod(f, 0.0, 1.0)
    assert panel.error == 0.05 * panel.absolute
    assert panel.unresolved is True


def test_resolved_is_false_not_merely_falsy() -> None:
    panel = gauss_kronrod(math.sqrt, 0.0, 1.0)
    assert panel.unresolved is False
    assert panel.rounding_limited is False


def test_an_odd_function_is_integrated_exactly_and_resolved() -> None:
    # K = G = 0 exactly: no QUADPACK ratio; below the rounding threshold: no floor.
    panel = gauss_kronrod(lambda x: 1e-300 * x, -1.0, 1.0)
    assert (panel.value, panel.error) == (0.0, 0.0)
    assert panel.absolute < ROUNDING_THRESHOLD
    assert panel.rounding_limited is False
    assert panel.unresolved is False


# ------------------------------------------------------------ the rounding threshold


def test_rounding_limited_only_above_the_threshold() -> None:
    # A constant c on [-1, 1]: ∫|f| = 2c; the weights sum to 2 with no rounding here.
    exact = gauss_kronrod(lambda x: 0.5 * ROUNDING_THRESHOLD, -1.0, 1.0)
    assert exact.absolute == ROUNDING_THRESHOLD
    assert exact.rounding_limited is False  # not above it
    below = gauss_kronrod(lambda x: 0.495 * ROUNDING_THRESHOLD, -1.0, 1.0)
    assert below.rounding_limited is False
    far_below = gauss_kronrod(lambda x: 1e-300, -1.0, 1.0)
    assert far_below.rounding_limited is False
    above = gauss_kronrod(lambda x: 0.505 * ROUNDING_THRESHOLD, -1.0, 1.0)
    assert above.rounding_limited is True
    assert above.error == 50.0 * EPS * above.absolute


# ------------------------------------------------------------ overflow and edges


def test_an_error_beyond_the_float_range_is_refused() -> None:
    # An odd f: the integral is 0, but ∫|f| (and so the rounding floor) overflows.
    with pytest.raises(calcweb.NumericalError) as caught:
        gauss_kronrod(lambda x: math.copysign(1.5e308, x), -1.0, 1.0)
    assert str(caught.value) == (
        "the integral over [-1.0, 1.0] overflows the float range (about 1e308); "
        "rescale f or split the interval"
    )


@pytest.mark.parametrize("rule", [K21, K15])
def test_edges_are_the_samples_nearest_each_end(rule: Rule) -> None:
    a, b = 2.0, 5.0
    panel = gauss_kronrod(lambda x: x, a, b, rule)
    center, half = 3.5, 1.5
    first, second = rule.nodes[0], rule.nodes[1]
    assert panel.edges == (
        center - half * first,
        center - half * second,
        center + half * first,
        center + half * second,
    )


# ------------------------------------------------------------ the flat spectrum


def legendre_coefficients(values: list[float], rule: Rule, degrees: tuple[int, ...]) -> list[float]:
    """|c_j| of the samples, by the rule's quadrature of P_j f, with mpmath's P_j."""
    mpmath = pytest.importorskip("mpmath", reason="mpmath is the oracle (absent in Pyodide)")
    positions = [-x for x in rule.nodes[:-1]] + [0.0] + list(reversed(rule.nodes[:-1]))
    weights = [*rule.kronrod[:-1], rule.kronrod[-1], *reversed(rule.kronrod[:-1])]
    return [
        abs(
            float(
                (degree + mpmath.mpf(0.5))
                * mpmath.fsum(
                    w * mpmath.legendre(degree, x) * v
                    for x, w, v in zip(positions, weights, values, strict=True)
                )
            )
        )
        for degree in degrees
    ]


def test_a_flat_spectrum_sets_the_error_to_the_last_coefficients() -> None:
    def f(x: float) -> float:  # 1700 periods over 21 nodes: aliased noise
        return math.sin(2 * math.pi * 1700.3 * x)

    center, half = 0.5, 0.5
    positions = [-x for x in K21.nodes[:-1]] + [0.0] + list(reversed(K21.nodes[:-1]))
    values = [f(center + half * x) for x in positions]
    tail = legendre_coefficients(values, K21, (10, 12, 14))
    assert max(tail) >= 0.25 * max(map(abs, values))
    panel = gauss_kronrod(f, 0.0, 1.0)
    assert panel.error == pytest.approx(half * max(tail), rel=1e-12, abs=0)
    assert panel.error > quadpack(f, 0.0, 1.0)[1]


def on_nodes(values: dict[float, float]) -> Callable[[float], float]:
    """A function on [-1, 1] that is ``values[|x|]`` at those nodes and 0 elsewhere."""
    return lambda x: values.get(abs(x), 0.0)


def test_a_flat_spectrum_of_exactly_a_quarter_counts() -> None:
    # The Legendre coefficient of degree 10 of these samples is exactly a quarter of the
    # largest sample (a found by bisection); QUADPACK's saturated estimate is below it.
    a = 1.057152835042031
    f = on_nodes({K21.nodes[0]: a, K21.nodes[2]: 1.0})
    positions = [-x for x in K21.nodes[:-1]] + [0.0] + list(reversed(K21.nodes[:-1]))
    tail = _legendre_tail(K21, [f(x) for x in positions])
    assert max(tail) == 0.25 * a
    panel = gauss_kronrod(f, -1.0, 1.0)
    assert panel.error == max(tail)
    assert quadpack(f, -1.0, 1.0)[1] < panel.error


def test_a_spike_whose_k_minus_g_is_exactly_one_is_unresolved() -> None:
    # On 1000, a spike s at one node the Gauss rule does not use: K - G = w s, exactly 1.0
    # for this s (found by search); QUADPACK's ratio 200 * 1 / resasc then saturates.
    s = 85.5092672241441

    def spiked(x: float) -> float:
        return 1000.0 + (s if x == K21.nodes[0] else 0.0)

    assert difference(spiked, -1.0, 1.0) == 1.0
    panel = gauss_kronrod(spiked, -1.0, 1.0)
    assert panel.error < 0.05 * panel.absolute  # unresolved by the saturation alone
    assert panel.unresolved is True
    assert gauss_kronrod(lambda x: 1000.0, -1.0, 1.0).unresolved is False


# ------------------------------------------------------------ _slow_decay


@pytest.mark.parametrize(("rule", "steps"), [(K21, 9.0), (K15, 6.5)])
def test_slow_decay_extrapolates_the_mean_ratio(rule: Rule, steps: float) -> None:
    # c3 r**k with r = sqrt(c3 / c1) = 0.5
    assert _slow_decay(rule, (1.0, 0.5, 0.25)) == 0.25 * 0.5**steps
    assert _slow_decay(rule, (4.0, 3.0, 1.0)) == 0.5**steps
    # rising but by less than 4x in two degrees: r is capped at 1, the error is c3
    assert _slow_decay(rule, (1.0, 2.0, 4.0)) == 4.0
    assert _slow_decay(rule, (1.0, 4.0, 1.0)) == 1.0  # exactly 4x: still extrapolated
    assert _slow_decay(rule, (1.0, 1.0, 1.0)) == 1.0


@pytest.mark.parametrize("rule", [K21, K15])
def test_slow_decay_gives_up_where_it_cannot_extrapolate(rule: Rule) -> None:
    assert _slow_decay(rule, (1.0, 4.5, 1.0)) == 0.0  # rising steeply: in its hump
    assert _slow_decay(rule, (1.0, 0.5, 0.0)) == 0.0  # c3 = 0
    assert _slow_decay(rule, (0.0, 0.0, 1.0)) == 0.0  # c1 = 0: no ratio
    assert _slow_decay(rule, (0.0, 1.0, 1.0)) == 0.0


def test_slow_decay_sets_the_error_of_a_singular_end() -> None:
    def f(x: float) -> float:
        return math.pow(x, -0.99)

    center, half = 0.5, 0.5
    positions = [-x for x in K21.nodes[:-1]] + [0.0] + list(reversed(K21.nodes[:-1]))
    values = [f(center + half * x) for x in positions]
    c1, c2, c3 = legendre_coefficients(values, K21, (10, 12, 14))
    assert c2 <= 4 * c1
    expected = half * c3 * min(1.0, math.sqrt(c3 / c1)) ** 9
    panel = gauss_kronrod(f, 0.0, 1.0)
    assert panel.error == pytest.approx(expected, rel=1e-12, abs=0)
    assert panel.error > quadpack(f, 0.0, 1.0)[1]
    assert _legendre_tail(K21, values) == pytest.approx((c1, c2, c3), rel=1e-12, abs=0)


# ------------------------------------------------------------ _node_rounding


def node_rounding(
    positions: list[float], values: list[float], weights: list[float], a: float, b: float
) -> Fraction:
    """The documented floor in exact arithmetic: half * sum of w * (larger neighbouring slope)."""
    spread = Fraction(EPS) * max(abs(Fraction(a)), abs(Fraction(b)))
    half = abs(Fraction(b) - Fraction(a)) / 2
    if spread == 0 or half == 0:
        return Fraction(0)
    points = [(Fraction(x), Fraction(y)) for x, y in zip(positions, values, strict=True)]
    slopes = [
        abs(y1 - y0) * spread / (half * (x1 - x0))
        for (x0, y0), (x1, y1) in itertools.pairwise(points)
    ]
    local = [slopes[0], *(max(s, t) for s, t in itertools.pairwise(slopes)), slopes[-1]]
    return half * sum(
        (Fraction(w) * s for w, s in zip(weights, local, strict=True)), start=Fraction(0)
    )


def rule_samples(
    f: Callable[[float], float], a: float, b: float, rule: Rule = K21
) -> tuple[list[float], list[float], list[float]]:
    positions = [-x for x in rule.nodes[:-1]] + [0.0] + list(reversed(rule.nodes[:-1]))
    weights = [*rule.kronrod[:-1], rule.kronrod[-1], *reversed(rule.kronrod[:-1])]
    center, half = 0.5 * a + 0.5 * b, 0.5 * b - 0.5 * a
    return positions, [f(center + half * x) for x in positions], weights


def lopsided(x: float) -> float:
    """Steep at the left end, flat in the middle, a different slope at the right end."""
    return math.exp(-3.0 * (x - math.floor(x))) + 0.25 * (x - math.floor(x)) ** 3


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (-1.0, 1.0),  # half = 1
        (1e6, 1e6 + 1.0),
        (-3.0, 0.0),
        (2.0**52 - 64.0, 2.0**52),  # spread = 1
        (-1e308, 1.5e308),  # b - a overflows
        (1e308, 1.7e308),  # b + a overflows
        (-1.5e308, 1.5e308),  # b - a overflows, b + a = 0
    ],
)
def test_node_rounding_is_the_documented_floor(a: float, b: float) -> None:
    for rule in (K21, K15):
        positions, _, weights = rule_samples(lopsided, -1.0, 1.0, rule)
        values = [lopsided(0.5 + 0.5 * x) for x in positions]  # the same shape on any [a, b]
        expected = node_rounding(positions, values, weights, a, b)
        assert expected > 0
        actual = _node_rounding(positions, values, weights, a, b)
        assert Fraction(actual) == pytest.approx(expected, rel=1e-13, abs=0)


def test_node_rounding_of_a_panel_without_width_is_zero() -> None:
    positions, _, weights = rule_samples(lopsided, -1.0, 1.0)
    values = [float(k) for k in range(len(positions))]
    assert _node_rounding(positions, values, weights, 1.0, 1.0) == 0.0
    assert _node_rounding(positions, values, weights, 0.0, 0.0) == 0.0
    # Two floats apart where they are subnormal: half of the width rounds to 0.
    a, b = 2.0**-1022 + 2.0**-1074, 2.0**-1022 + 2.0**-1073
    assert 0.5 * abs(b - a) == 0.0
    assert _node_rounding(positions, values, weights, a, b) == 0.0


def test_node_rounding_of_a_line_weights_every_node() -> None:
    # Equal slopes everywhere: the floor is half * slope * (the sum of all the weights).
    a, b = 1e6, 1e6 + 1.0
    panel = gauss_kronrod(lambda x: x - 1e6, a, b)
    positions, values, weights = rule_samples(lambda x: x - 1e6, a, b)
    floor = 50.0 * EPS * panel.absolute + float(node_rounding(positions, values, weights, a, b))
    assert panel.rounding_limited is True
    assert panel.error == pytest.approx(floor, rel=1e-13, abs=0)


def test_node_rounding_sets_the_floor_far_from_zero() -> None:
    a, b = 1e6, 1e6 + 1.0
    panel = gauss_kronrod(lopsided, a, b)
    positions, values, weights = rule_samples(lopsided, a, b)
    floor = 50.0 * EPS * panel.absolute + float(node_rounding(positions, values, weights, a, b))
    assert panel.rounding_limited is True
    assert panel.error == pytest.approx(floor, rel=1e-13, abs=0)
