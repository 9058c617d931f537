"""One Gauss-Kronrod panel at its rounding floor, found by mutation testing.

An error at the floor itself (50 ulps of ``∫|f|`` plus the rounding of the
nodes) is rounding-limited: bisecting cannot help, and the error reported is
the floor; one float below it, it is not. And the rounding of the nodes on an
interval too wide for ``b - a`` (which overflows) is that of the same
interval scaled down by 4, times 4, to the last bit: the half-width is taken
from the halves of the ends, the same number ``(b - a) / 2`` would be.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable

import pytest

import calcweb._gauss_kronrod as gk
from calcweb._gauss_kronrod import K15, K21, Rule, gauss_kronrod

EPS = sys.float_info.epsilon


def _runge(x: float) -> float:
    return 1.0 / (1.0 + 25.0 * x * x)


def _node_rounding_giving(floor: float, absolute: float) -> float:
    """A node rounding r with 50 ulps of ``absolute`` + r exactly ``floor``, as the panel adds."""
    fifty_ulps = 50.0 * EPS * absolute
    r = floor - fifty_ulps
    while fifty_ulps + r < floor:
        r = math.nextafter(r, math.inf)
    while fifty_ulps + r > floor:
        r = math.nextafter(r, -math.inf)
    assert fifty_ulps + r == floor
    return r


@pytest.mark.parametrize("rule", [K21, K15], ids=["K21", "K15"])
def test_an_error_exactly_at_the_rounding_floor_is_rounding_limited(
    rule: Rule, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Runge's function on [-1, 1] is not resolved by one panel: its error is far above
    # 50 ulps of its integral. The rounding of the nodes (0 here at first) is then set
    # so that the floor is exactly that error, and one float below it.
    monkeypatch.setattr(gk, "_node_rounding", lambda *args, **_: 0.0)
    free = gauss_kronrod(_runge, -1.0, 1.0, rule)
    assert not free.rounding_limited
    assert free.error > 1e3 * 50.0 * EPS * free.absolute
    at = _node_rounding_giving(free.error, free.absolute)
    monkeypatch.setattr(gk, "_node_rounding", lambda *args, **_: at)
    limited = gauss_kronrod(_runge, -1.0, 1.0, rule)
    assert limited.rounding_limited
    assert (limited.error, limited.value) == (free.error, free.value)
    assert not limited.unresolved  # a panel at its floor is not refined further
    below = _node_rounding_giving(math.nextafter(free.error, 0.0), free.absolute)
    monkeypatch.setattr(gk, "_node_rounding", lambda *args, **_: below)
    assert not gauss_kronrod(_runge, -1.0, 1.0, rule).rounding_limited


def _positions(rule: Rule) -> list[float]:
    nodes = rule.nodes[:-1]
    return [-x for x in nodes] + [0.0] + list(reversed(nodes))


def _weights(rule: Rule) -> list[float]:
    return [*rule.kronrod[:-1], rule.kronrod[-1], *reversed(rule.kronrod[:-1])]


@pytest.mark.parametrize(
    ("a", "b"), [(-1e308, 1.5e308), (-3e307, 1.7e308), (-1.7e308, 9e307), (-1e308, 1e308)]
)
@pytest.mark.parametrize(
    "shape", [math.exp, lambda u: u, lambda u: u**3 + 1.0], ids=["exp", "line", "cubic"]
)
@pytest.mark.parametrize("rule", [K21, K15], ids=["K21", "K15"])
def test_node_rounding_where_b_minus_a_overflows_scales_like_any_other(
    a: float, b: float, shape: Callable[[float], float], rule: Rule
) -> None:
    assert math.isinf(b - a)
    assert math.isfinite(b / 4 - a / 4)  # the quarter interval takes the usual branch
    positions, weights = _positions(rule), _weights(rule)
    values = [shape(u) for u in positions]
    wide = gk._node_rounding(positions, values, weights, a, b)
    quarter = gk._node_rounding(positions, values, weights, a / 4, b / 4)
    assert 0.0 < wide < math.inf
    assert wide == 4.0 * quarter


@pytest.mark.parametrize("rule", [K21, K15], ids=["K21", "K15"])
@pytest.mark.parametrize("at", ["left", "right"])
def test_the_interpolation_rounding_takes_the_steepest_step_between_neighbouring_nodes(
    rule: Rule, at: str
) -> None:
    # f is 0 at every node but the one nearest an end, where it is 1: the steepest
    # step is that between the two outer nodes, 1 / (their distance in u), and the
    # slope per unit x is that over the half-width 2 of [2, 6].
    u = list(gk.positions(rule))
    values = [0.0] * rule.size
    values[0 if at == "left" else -1] = 1.0
    outer = u[1] - u[0] if at == "left" else u[-1] - u[-2]
    slope = 1.0 / outer / 2.0
    none = ((0.0, 0.0, 0.0), [0.0, 0.0, 0.0, 0.0])
    expected = 1e3 * EPS * (1.0 + 6.0 * slope)
    error = gk._interpolation_error(rule, values, none, a=2.0, b=6.0)
    assert error == pytest.approx(expected, rel=1e-12, abs=0.0)
