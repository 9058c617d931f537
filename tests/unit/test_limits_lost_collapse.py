"""Issue 13: f that drops onto a small term beside it as rounding cancels all its digits.

``(1 - cos(t))/t**2 + a (sqrt(1 - x/D) - 1)``, ``t = x/c``, at 0+ is 0.5 with
rounding noise that grows toward 0, until ``cos(t)`` rounds to 1 and only the
small second term is left, tiny and halving at each step: extrapolated, the
samples said 0, give or take 3.2e-26 (bench/scans/farscan.py). A drop to
below `limits.COLLAPSE` of the sample before, which stays that small, that
contradicts the answer (`limits._lost_collapse`) gives where the samples
before it head when their noise grows to the size of f as it starts
(`limits._lost_into`), and a refusal otherwise. A drop only to below
`limits.DROP` (onto a pole's term, say) is refused when rounding noise as large
as f, or swinging it both ways, comes before it (`limits._lost_drop`).
No mpmath: these run inside Pyodide too.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest
from limit_checks import full

from calcweb import NumericalError, limit


def _cos_end(c: float, d: float, a: float, x0: float = 0.0) -> Callable[[float], float]:
    def f(x: float) -> float:
        t = (x - x0) / c
        return (1 - math.cos(t)) / t**2 + a * (math.sqrt(1 - abs(x - x0) / d) - 1)

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


def test_few_samples_that_hold_still_before_a_drop_are_read() -> None:
    # 0.49988, 0.49988, 0.490, 0.453, 0.604, then -6.5e-12 and halving: the last
    # sample, 0.604 +- 0.151, was not 4 errors from the drop, and the answer stood:
    # -1.1e-25 +- 1.7e-25, converged. The first two hold still at 0.49988.
    f = _cos_end(1125.1212801864233, 0.0004585621274304581, 7.7532060885635e-10, 102.75956631154382)
    result = full(f, 102.75956631154382, "left")
    assert not result.converged
    assert abs(result.value - 0.5) <= 2 * result.error


def test_a_drop_after_three_samples_is_checked() -> None:
    # 0.477, 0.424, 0.848, then -2.2e-13 and halving (the domain ends 1.5e-5 from x0):
    # it was 3.7e-29 +- 5.1e-28, converged.
    x0 = -0.0018615896810731739
    f = _cos_end(166.71839635461038, 1.5116541097724113e-05, 6.932544342797221e-12, x0)
    result = full(f, x0, "both")
    assert not result.converged
    assert abs(result.value - 0.5) <= 2 * result.error


def test_a_steep_drop_of_f_itself_is_not_refused() -> None:
    # 1, 1, 1, 1 - 1.5e-6, 6.1e-4, then 5.7e-13 and falling: f leaves 1 one way only.
    result = full(lambda x: 1 / (1 + (0.02 / abs(x)) ** 30), 0.0, "right")
    assert result.converged
    assert abs(result.value) <= 2 * result.error


def test_a_hump_before_a_drop_is_not_refused() -> None:
    # exp(-c/x**2)/x at 0-, c = 0.0109: -3.4, -4.0, -0.98, -4.5e-4, then -2.6e-18; the
    # samples move both ways but approach the drop: f's own. The limit is 0.
    result = full(lambda x: math.exp(-0.0109 / x**2) / x, 0.0, "left")
    assert result.converged
    assert abs(result.value) <= 2 * result.error


def _cos_pole(c: float, d: float, a: float) -> Callable[[float], float]:
    def f(x: float) -> float:
        t = x / c
        return (1 - math.cos(t)) / t**2 + a * d / (abs(x) - d)

    return f


def test_a_drop_onto_a_pole_term_is_refused() -> None:
    # f is 0.5 with noise growing to 0.23 at x = -2**-16, then only the pole's term,
    # 6.2e-4 and settling on 2.54e-4 once cos(t) rounds to 1: a drop to 8.6e-4 of the
    # sample before, not below COLLAPSE. It was 2.54e-4 +- 2.3e-18, converged; the
    # limit is 0.50025 (the pole's term is -1.3e-8 at the first sample).
    f = _cos_pole(1236.9884459326597, 1.2876324528589535e-05, -0.00025438808114178945)
    result = full(f, 0.0, "left")
    assert not result.converged
    assert abs(result.value - 0.5002543880811418) <= 2 * result.error
    with pytest.raises(NumericalError, match="drops to"):
        limit(f, 0.0, side="left")


def test_a_step_of_f_itself_is_not_refused() -> None:
    # f steps from 1 to 1e-4 at x = 1e-5 with no rounding noise before the step:
    # a drop to below DROP, but f's own. The limit is 1e-4.
    def f(x: float) -> float:
        return 1.0 + 1e-3 * x if abs(x) > 1e-5 else 1e-4 * (1 + x)

    result = full(f, 0.0, "right")
    assert result.converged
    assert abs(result.value - 1e-4) <= 2 * result.error


def test_an_infinite_limit_after_a_drop_stands() -> None:
    # log|x - 1e15| halves h down to the spacing of floats at 1e15, where it is 0.0.
    result = full(lambda x: math.log(abs(x - 1e15)), 1e15, "right")
    assert result.value == -math.inf
