"""Session 22 (LIM27): a feature among the usual samples (farscan group A), lies on main at 80070e4.

``f = g(t) + a phi(|x - x0|)``: a cancelling quotient ``g`` of ``t = (x -
x0)/c`` beside a feature ``phi`` (a cut-off or a pole) at ``|x - x0| = D``,
among the usual samples. The value came from the samples beyond ``D``, and
the entries closer in, which settle on the limit, did not dispute it: the
feature's jump made a zigzag in the table that `_growing_scatter` read as
rounding noise, so every entry after it got an error as large as the jump.
A zigzag far wider than the rounding noise that the samples from it on
measure (`_outgrows_noise`) is now ``f`` moving, not rounding. A lie: the true limit
more than twice the reported error from the value, converged (ratio in each
comment); the exact limits are farscan's (mpmath, 150 digits).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from calcweb import LimitResult, limit
from calcweb import limits as limits_module


def _cutoff(c: float, big: float, a: float, x0: float) -> Callable[[float], float]:
    """(exp(t) - 1)/t + a (|x - x0| > D), t = (x - x0)/c."""

    def f(x: float) -> float:
        t = (x - x0) / c
        return (math.exp(t) - 1.0) / t + a * (abs(x - x0) > big)

    return f


def _pole(
    g: Callable[[float, float], float], c: float, big: float, a: float, x0: float
) -> Callable[[float], float]:
    """g(t, d) + a D/(|d| - D), d = x - x0, t = d/c."""

    def f(x: float) -> float:
        d = x - x0
        return g(d / c, d) + a * big / (abs(d) - big)

    return f


def _log1p_cutoff(c: float, big: float, a: float, x0: float) -> Callable[[float], float]:
    """log(1 + t)/(x - x0) + a (|x - x0| > D), t = (x - x0)/c."""

    def f(x: float) -> float:
        d = x - x0
        return math.log(1.0 + d / c) / d + a * (abs(d) > big)

    return f


CASES = [
    # 1.0000231448636498 +- 1.1e-11 (2.0e6 errors off): the samples within D settle on 1
    (_cutoff(149.55297845349727, 0.0030742430381200895, 2.3144862448439292e-05, 0.0), 0.0,
     "left", 1.0),
    # 1.000000011569256 +- 4.0e-11 (291)
    (_cutoff(27772.198072013096, 0.0797271830915413, 1.157084537894957e-08, 245.35215344276708),
     245.35215344276708, "right", 1.0),
    # 0.0046037629200459135 +- 6.8e-9 (9.8)
    (_pole(lambda t, d: (math.exp(t) - 1.0) / d, 217.21339985543844, 0.07573432488169302,
           -6.169498003828886e-08, 468.01535792923585),
     468.01535792923585, "right", 0.0046038292372473566),
    # 2.8137992192643004e-06 +- 7.2e-11 (6.3)
    (_log1p_cutoff(355448.1902991718, 0.2519096412149149, 4.496863125663087e-10, 754.9271287990176),
     754.9271287990176, "both", 2.813349532482709e-06),
]  # fmt: skip


@pytest.mark.parametrize(("f", "x0", "side", "exact"), CASES)
def test_a_feature_among_the_samples_is_no_rounding_scatter(
    f: Callable[[float], float], x0: float, side: str, exact: float
) -> None:
    result = limit(f, x0, side=side, full_output=True)
    assert isinstance(result, LimitResult)
    assert not result.converged or abs(result.value - exact) <= 2.0 * result.error, result


def test_the_zigzag_of_a_cut_off_sets_no_scatter() -> None:
    """The cut-off's jump (2.3e-5, at sample 7) was the scatter of every sample after it."""
    f = CASES[0][0]
    samples = [f(-(2.0 ** -(k + 2))) for k in range(48)]
    columns = limits_module._table(samples)
    noise, _ = limits_module._noise(columns)
    scatter = limits_module._growing_scatter(columns, noise)
    # f leaves the jump behind: its rounding noise is below 1e-7 up to sample 17.
    assert max(scatter[:13]) < 1e-9, scatter[:13]
