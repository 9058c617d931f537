"""DERFLAT: derivatives of f that is one value at every point sampled near x (issue 13).

f written with `math` ("auto" is Richardson). Where f is f(x) at every point of
the estimate's window, its quotients are exactly 0 and their rounding is that of
f(x): 0 or tiny. The normal cdf ``0.5 (1 + erf(t / sqrt 2))`` at -10 (``1 + erf``
flushed to 0) was 0 +- 6.5e-322 for its pdf 7.7e-23, and ``lse([30, 0, t]) - 30``
at -30 (one value, 9.36e-14) 0 +- 9.1e-28 for 8.8e-27. Such an f leaves its
value farther out at a jump of one stair of its rounding, while a clamp's flat
side leaves it continuously: the error now covers the derivative that stair
allows (`_richardson._stair_derivative`), and a clamp keeps its exact 0.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from calcweb import derivative, grad

SQRT2 = math.sqrt(2.0)


def _normal_pdf(x: float) -> float:
    return math.exp(-x * x / 2) / math.sqrt(2 * math.pi)


def _logsumexp(z: list[float]) -> float:
    top = max(z)
    return top + math.log(sum(math.exp(t - top) for t in z))


# f, x, n, the exact derivative: each f is one value at every point the walk samples.
FLUSHED = [
    ("normal cdf at -10", lambda t: 0.5 * (1 + math.erf(t / SQRT2)), -10.0, 1, _normal_pdf(-10.0)),
    ("normal cdf at -30, n=3", lambda t: 0.5 * (1 + math.erf(t / SQRT2)), -30.0, 3, 0.0),
    ("log(1 + exp(t)) at -40", lambda t: math.log(1 + math.exp(t)), -40.0, 1, math.exp(-40.0)),
    ("log(1 + exp(t)) at -100, n=2", lambda t: math.log(1 + math.exp(t)), -100.0, 2, 3.7e-44),
    ("1 - sigmoid at 40", lambda t: 1 - 1 / (1 + math.exp(-t)), 40.0, 1, -math.exp(-40.0)),
    (
        "lse([30, 0, t]) - 30 at -30",
        lambda t: _logsumexp([30.0, 0.0, t]) - 30.0,
        -30.0,
        1,
        8.76e-27,
    ),
]


@pytest.mark.parametrize(("f", "x", "n", "exact"), [pytest.param(*c[1:], id=c[0]) for c in FLUSHED])
def test_a_flushed_function_has_an_error_that_covers_its_derivative(
    f: Callable[[float], float], x: float, n: int, exact: float
) -> None:
    result = derivative(f, x, n, full_output=True)
    assert result.value == 0.0
    # Honest (main: errors of 1e-322 to 1e-27, or 0), yet small: the stairs are ~1e-16.
    assert abs(result.value - exact) <= 2 * result.error < 1e-13, result


def test_the_cross_entropy_gradient_for_a_far_logit_is_honest() -> None:
    z = [30.0, 0.0, -30.0]
    result = grad(lambda v: _logsumexp(list(v)) - v[0], full_output=True)(z)
    exact = math.exp(-60.0) / (1 + math.exp(-30.0) + math.exp(-60.0))
    assert abs(result.value[2] - exact) <= 2 * result.error[2] < 1e-14, result


# A clamp's flat side leaves its value continuously: 0 is its derivative, exactly.
CLAMPS = [
    ("relu at -1", lambda t: max(t, 0.0), -1.0, 1),
    ("relu at -1, n=2", lambda t: max(t, 0.0), -1.0, 2),
    ("max(t, 0)**3 at -0.5", lambda t: max(t, 0.0) ** 3, -0.5, 1),
]


@pytest.mark.parametrize(("f", "x", "n"), [pytest.param(*c[1:], id=c[0]) for c in CLAMPS])
def test_a_clamp_keeps_its_exact_zero(f: Callable[[float], float], x: float, n: int) -> None:
    result = derivative(f, x, n, full_output=True)
    assert result.value == 0.0
    assert result.error < 1e-300, result


def test_a_step_is_answered_with_the_slope_its_jump_allows() -> None:
    # The step meant is flat (0), as the float one is; its jump of 1 at 0.5 bounds it.
    result = derivative(lambda t: 1.0 if t > 0 else 0.0, -0.5, full_output=True)
    assert result.value == 0.0
    assert result.error == pytest.approx(2 * 1 / 0.5, rel=1e-5), result
