"""Issue 13: f that drops onto a small term beside it as rounding cancels all its digits.

``(1 - cos(t))/t**2 + a (sqrt(1 - x/D) - 1)``, ``t = x/c``, at 0+ is 0.5 with
rounding noise that grows toward 0, until ``cos(t)`` rounds to 1 and only the
small second term is left, tiny and halving at each step: extrapolated, the
samples said 0, give or take 3.2e-26 (bench/scans/farscan.py). A drop to
below `limits.COLLAPSE` of the sample before, which stays that small, that
contradicts the answer (`limits._lost_collapse`) gives where the samples
before it head when their noise grows to the size of f as it starts
(`limits._lost_into`), and a refusal otherwise.
No mpmath: these run inside Pyodide too.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest
from limit_checks import full

from calcweb import NumericalError, limit


def _cos_end(c: float, d: float, a: float) -> Callable[[float], float]:
    def f(x: float) -> float:
        t = x / c
        return (1 - math.cos(t)) / t**2 + a * (math.sqrt(1 - abs(x) / d) - 1)

    return f


def test_lost_digits_give_the_value_before_the_drop() -> None:
    # It was 0.0 +- 3.2e-26, converged.
    result = full(
        _cos_end(150.6506841924471, 3.1739573231340668, 1.902419246803403e-09), 0.0, "right"
    )
    assert result.converged
    assert abs(result.value - 0.5) <= 2 * result.error
    assert result.error < 1e-7


def test_a_drop_the_noise_does_not_explain_is_refused() -> None:
    # It was 0.0 +- 9.3e-23, converged: the noise before the drop does not show the loss.
    f = _cos_end(1828.7982588139716, 2.795436994379675, 3.2000337234547266e-06)
    result = full(f, 0.0, "right")
    assert not result.converged
    assert abs(result.value - 0.5) <= 2 * result.error
    with pytest.raises(NumericalError, match="drops to"):
        limit(f, 0.0, side="right")


def test_a_drop_after_few_samples_is_refused() -> None:
    # The domain of f ends at x = 2.1e-4, so the walk starts at a smaller step and
    # f drops after only 5 samples (0.50, 0.499, 0.489, 0.452, 0.602; then 2.1e-11 and
    # halving). It was 0.0 +- 9.9e-25, converged.
    f = _cos_end(561.8343112530537, 0.0002105868387957145, -2.2736716671738174e-09)
    result = full(f, 0.0, "right")
    assert not result.converged
    assert abs(result.value - 0.5) <= 2 * result.error
