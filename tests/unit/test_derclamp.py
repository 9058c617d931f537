"""DERCLAMP: a clamp beside x, with x on its smooth side within f's own scale (issue 13).

``tanh(max(t, c) / s)`` with ``s = 1.95e-5``, ``n = 3`` at ``x = c + 7.2e-6``
(DER34's held-out clamp family, seed 131): the walk's window at steps up to
9.5e-7 was right (6.6497731e13 +- 7.6e5), but the central quotient just above
it reaches across the clamp, and `_noise_above` read that as noise of 0.05.
The walk done again with it kept a window at 0.0625, where f is flat on both
sides: -223.6 +- 3.3e3 for 6.65e13. No one-sided walk could follow f to 16
times the window's widest step (the clamp rule of `_junction_beside`): tanh
bends at its scale s. A walk towards a clamp that follows its expansion up to
the clamp, which f leaves continuously (`_clamp_edge`), shows f one smooth
piece from x to the clamp: the walk before the noise stands.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from calcweb import derivative
from calcweb._richardson import (
    Estimate,
    Sampler,
    _clamp_edge,
    _followed_to_clamp,
    _meets_continuously,
)

S = 1.9465026790327712e-05
C = 2.3186507903377265e-05
X = 3.036936570154226e-05


def _clamped_tanh(t: float) -> float:
    return math.tanh(max(t, C) / S)


def _third_derivative_of_tanh(t: float) -> float:
    """d^3/dt^3 tanh(t / S) = (1 - T^2) (6 T^2 - 2) / S^3, T = tanh(t / S)."""
    tanh = math.tanh(t / S)
    return (1.0 - tanh**2) * (6.0 * tanh**2 - 2.0) / S**3


def test_a_clamp_within_the_scale_of_f_is_answered_from_the_walk_before_the_noise() -> None:
    exact = _third_derivative_of_tanh(X)  # 6.6497731349862e13 (mpmath: ...862.324)
    result = derivative(_clamped_tanh, X, 3, full_output=True)
    assert abs(result.value - exact) <= 2.0 * result.error, (result, exact)
    assert result.error < 1e-6 * abs(exact)  # the walk before the noise, not a vague one


def _sampled(f: object, x: float, points: list[float]) -> Sampler:
    sampler = Sampler(f, x)  # type: ignore[arg-type]
    for point in [x, *points]:
        sampler(point)
    return sampler


def test_the_edge_of_a_clamp_is_found_where_f_leaves_it_continuously() -> None:
    # The noised window's points left of x (central stencils at 0.125 and 0.0625) are flat.
    noised = Estimate(0.0, 1.0, 0, 1.0, "central", 0.0625, window=((0.125, 0.0), (0.0625, 0.0)))
    offsets = (-3.0, -1.0)
    points = [X + k * h for h, _ in noised.window for k in offsets]
    sampler = _sampled(_clamped_tanh, X, points)
    distance = _clamp_edge(sampler, "backward", 3, noised, within=1.0)
    assert 0.0 < (X - C) - distance <= 1e-5 * (X - C)  # the edge on the smooth side
    # None within 1e-6 where a point sampled 5e-6 from x is off the flat value.
    sampler(X - 5e-6)
    assert _clamp_edge(sampler, "backward", 3, noised, within=1e-6) == math.inf
    # A stair: f jumps where it leaves its flat value.
    stair = _sampled(lambda t: _clamped_tanh(t) if t > C else _clamped_tanh(C) - 1e-3, X, points)
    assert _clamp_edge(stair, "backward", 3, noised, within=1.0) == math.inf


def test_a_secant_meets_a_continuous_junction_and_misses_a_jump() -> None:
    kink = _sampled(lambda t: max(t, 1.0), 2.0, [])
    kink(1.0)
    kink(1.0 + 2.0**-30)
    assert _meets_continuously(kink, 1.0, 1.0 + 2.0**-30)
    jump = _sampled(lambda t: t + 1e-9 if t > 1.0 else 1.0, 2.0, [])
    jump(1.0)
    jump(1.0 + 2.0**-30)
    assert not _meets_continuously(jump, 1.0, 1.0 + 2.0**-30)


def _cubed_clamp(jump: float) -> Callable[[float], float]:
    """t**3 right of 0.7 and 0.343 left of it (continuous); ``jump`` added left of 0.73."""
    return lambda t: max(t, 0.7) ** 3 + (jump if t < 0.73 else 0.0)


def test_a_walk_confirms_up_to_a_clamp_only_if_f_is_one_piece_up_to_it() -> None:
    # x = 1, the clamp 0.3 to its left; a backward walk of order 3 followed t**3 (whose
    # quotients are exactly 6) up to steps of 0.075, which reach 0.225 from x. The step
    # after it (0.15) reaches across the clamp; the one that ends at it, 0.1, reaches a
    # jump at 0.73 too, where there is one.
    noised = Estimate(0.0, 1.0, 0, 1.0, "central", 0.5, window=((1.0, 0.0), (0.5, 0.0)))
    side = Estimate(6.0, 1e-12, 0, 1.0, "backward", 0.0375, window=((0.075, 6.0), (0.0375, 6.0)))
    for jump, confirmed in ((0.0, True), (1e-3, False)):
        f = _cubed_clamp(jump)
        sampler = _sampled(f, 1.0, [1.0 + k * h for h in (1.0, 0.5) for k in (-3.0, -1.0)])
        for k in (1, 2, 3):
            sampler(1.0 - k * 0.075)
        assert _followed_to_clamp(sampler, 3, noised, side, within=math.inf) is confirmed
