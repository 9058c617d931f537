"""Session 20 (LIM24): limits beside far features (farscan), each a lie on main at aaecf45.

A lie: the true limit more than twice the reported error from the value,
converged (ratio in each comment). ``f = g(t) + a phi(|x - x0|)``: a cancelling
quotient ``g`` of ``t = (x - x0)/c`` beside a feature ``phi`` at ``|x - x0| = D``.
A pole beside ``(1 - cos t)/t**2`` as large as a tenth of it: once ``cos t``
rounds to 1 the samples settle on the pole's term, read as the limit; the
samples before the loss, which rise toward the pole, head for ``g``'s value less
surely than ``STILL`` (1e-3 of it), so they did not contradict it
(`_read_past_loss` now asks ``MOVING``, 0.1).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from calcweb import LimitResult, limit


def _f(c: float, big: float, a: float, x0: float) -> Callable[[float], float]:
    """(1 - cos t)/t**2 + a D/(|x - x0| - D), t = (x - x0)/c."""

    def f(x: float) -> float:
        d = x - x0
        t = d / c
        return (1.0 - math.cos(t)) / t**2 + a * big / (abs(d) - big)

    return f


@pytest.mark.parametrize(
    ("c", "big", "a", "x0"),
    [
        # 0.11287582942063434 +- 3.1e-7 (1.6e6 errors off), for 0.6128757409115154
        (64.50955436039081, 0.00014846465719681388, -0.11287574091151537, 0.0010071932175927932),
        # -0.09097494007747106 +- 1.6e-12 (3e11), for 0.4090250599225289
        (11.207025848064246, 0.00010035357406731892, 0.09097494007747106, 0.0),
    ],
)
def test_the_pole_term_left_after_the_loss_is_not_the_limit(
    c: float, big: float, a: float, x0: float
) -> None:
    result = limit(_f(c, big, a, x0), x0, side="left", full_output=True)
    assert isinstance(result, LimitResult)
    exact = 0.5 - a  # the pole's term is -a at x0
    assert not result.converged or abs(result.value - exact) <= 2.0 * result.error, result
