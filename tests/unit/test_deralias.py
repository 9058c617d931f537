"""Derivatives fooled by ``f`` periodic in ``log2`` of the step (session 23, DERALIAS).

Steps that halve alias ``t cos(2 pi log2 |t|)`` to a slope: its central
quotient at ``0.015 * 2**-k`` is ``cos(2 pi log2 0.015)`` = 0.9318 at every
``k``. The golden-ratio probe refutes each window (0.491 off) down to steps of
5e-14, where, with ``+ 1`` added to ``f``, rounding against the 1 makes its
tolerance (100 times the quotient's rounding bound) 1.38, and that window was
kept: ``t cos(2 pi log2 |t|) + 1`` at 0 was 0.9318 +- 0.087, ``|t| frexp(t)[0]
+ 1`` 0.9603 +- 0.092 and ``grad`` of ``x cos(2 pi log2 |x|) + y`` at [0, 1]
0.93, though no derivative exists (the forward quotient ``cos(2 pi log2 h)``
is -1 at ``h = 2**(-k - 1/2)``, +1 at ``2**-k``). A probe that misses as it
steadily did at larger steps, where rounding was far smaller, no longer
confirms a window (`_Walk.missed_as_above`).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from calcweb import CalcwebError, derivative, grad


def _log_periodic(x: float) -> float:
    return x * math.cos(2 * math.pi * math.log2(abs(x))) if x else 0.0


def _log_periodic_half(u: float) -> float:
    return u * math.cos(4 * math.pi * math.log2(abs(u)) + 2.04) if u else 0.0


# (name, f): no derivative at 0, and the walk's probe misses alike at every window
NO_DERIVATIVE: list[tuple[str, Callable[[float], float]]] = [
    ("t cos(2 pi log2|t|) + 1", lambda x: _log_periodic(x) + 1.0),
    ("|t| frexp(t)[0] + 1", lambda x: abs(x) * math.frexp(x)[0] + 1.0),
    ("3 t cos(2 pi log2|t|) + 7", lambda x: 3.0 * _log_periodic(x) + 7.0),
    (
        "t cos(4 pi log2|t / 0.199| + 2.04) 0.0149 / 0.199 + 1 - 0.807 t",
        lambda x: 0.0149 * _log_periodic_half(x / 0.199) + 1.0 - 0.807 * x,
    ),
]


@pytest.mark.parametrize(
    "f", [case[1] for case in NO_DERIVATIVE], ids=[c[0] for c in NO_DERIVATIVE]
)
def test_a_log_periodic_slope_is_refused(f: Callable[[float], float]) -> None:
    with pytest.raises(CalcwebError):
        derivative(f, 0.0, full_output=True)


@pytest.mark.parametrize(
    "f",
    [
        lambda v: _log_periodic(v[0]) + v[1],
        lambda v: abs(v[0]) * math.frexp(v[0])[0] + v[1],
    ],
    ids=["x cos(2 pi log2|x|) + y", "|x| frexp(x)[0] + y"],
)
def test_a_log_periodic_slope_is_refused_by_grad(f: Callable[[list[float]], float]) -> None:
    with pytest.raises(CalcwebError):
        grad(f)([0.0, 1.0])


def _shrinking(x: float) -> float:
    """f'(0) = 1.45 + 1/0.985: its forward probes miss by amounts that shrink with h."""
    u = x / 0.985
    return (u + u * u * math.cos(math.pi * math.log2(abs(u)) + 3.61) if u else 0.0) + 1 + 1.45 * x


def test_a_miss_that_shrinks_with_the_steps_does_not_count() -> None:
    exact = 1.45 + 1 / 0.985
    result = derivative(_shrinking, 0.0, full_output=True)
    assert abs(result.value - exact) <= 2 * result.error + 4e-16 * exact
    assert result.error < 1e-9


def test_a_smooth_slope_plus_a_constant_is_unchanged() -> None:
    result = derivative(lambda x: math.sin(x) + 1.0, 0.0, full_output=True)
    assert abs(result.value - 1.0) <= 2 * result.error + 4e-16
    assert result.nfev <= 40
