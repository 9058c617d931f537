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


def _log_term(c: float, a: float, g: Callable[[float], float]) -> Callable[[float], float]:
    """c + a g(t), t = |x|/s at 0 and s/|x| at infinity (logscan's f)."""
    return lambda t: c + a * g(t)


@pytest.mark.parametrize(
    ("c", "a", "s", "x0", "side", "g"),
    [
        # 581.7559999999988 +- 5.2e-13 (2.2 errors off): the value, 10 ulps below 581.756,
        # read where the term is lowest; the last 16 samples climb to 3 ulps below
        (
            581.756,
            3.0212458783766425e-12,
            0.004032136996217637,
            0.0,
            "right",
            lambda t: math.log(-math.log(t)) / math.log(t),
        ),
        # -154.16500000000028 +- 1.4e-13 (2.1)
        (
            -154.165,
            5.474612120264883e-12,
            0.010746967926350857,
            math.inf,
            "left",
            lambda t: 1.0 / math.log(t),
        ),
    ],
)
def test_samples_that_went_past_the_value_bound_its_error_at_0_and_infinity(  # noqa: PLR0917
    c: float, a: float, s: float, x0: float, side: str, g: Callable[[float], float]
) -> None:
    term = _log_term(c, a, g)
    f = (lambda x: term(abs(x) / s)) if x0 == 0.0 else (lambda x: term(s / abs(x)))
    result = limit(f, x0, side=side, full_output=True)
    assert isinstance(result, LimitResult)
    assert not result.converged or abs(result.value - c) <= 2.0 * result.error, result
