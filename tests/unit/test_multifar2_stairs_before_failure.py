"""The far look for a flushed output's stair goes on up to where f starts failing.

``jacobian([cdf((p[0] - 1000) / 100), exp(p[0])])`` at [0]: the far look (`_far_stair`)
is flat at 128, and f fails at its next point, 3.3e4, where exp overflows: the cdf's stair,
at 170, lies between, and the entry was 0 +- 6.6e-321 for 7.7e-25 (session 31's MULTIFAR).
So were derivative, grad and hessian of ``cdf((t - 1000) / 100) + 0 * exp(t)``. Now the
points between the last flat one and the failure are looked at (`_before_failure`), and a
Jacobian's constants (its shortcut) learn where f fails by asking it (`_FailuresOf`).
"""

from __future__ import annotations

import math
from typing import Any

import pytest

import calcweb
from calcweb import multivariate

# The first and second derivatives of cdf((t - 1000) / 100) at 0: the normal density at
# -10 over 100, and 10 times that over 100 (mpmath, dps 30)
DENSITY = 7.694598626706419346e-25
CURVATURE = 7.694598626706419346e-26


def _cdf(z: float) -> float:
    return 0.5 * (1.0 + math.erf(z / math.sqrt(2.0)))


def _shifted(t: float) -> float:
    return _cdf((t - 1000.0) / 100.0)


def _honest(value: float, error: float, true: float) -> bool:
    return abs(value - true) <= 2.0 * error


def test_a_jacobian_sees_a_stair_before_another_output_overflows() -> None:
    result = calcweb.jacobian(lambda p: [_shifted(p[0]), math.exp(p[0])], full_output=True)([0.0])
    assert _honest(result.value[0][0], result.error[0][0], DENSITY)  # was 0 +- 6.58e-321
    assert _honest(result.value[1][0], result.error[1][0], 1.0)


def _failing_far_out(t: float) -> float:
    return _shifted(t) + 0.0 * math.exp(t)  # f fails past 709.8, its stair at 170


def test_derivative_sees_a_stair_before_f_fails() -> None:
    first = calcweb.derivative(_failing_far_out, 0.0, full_output=True)
    assert _honest(first.value, first.error, DENSITY)  # was 0 +- 6.58e-321
    second = calcweb.derivative(_failing_far_out, 0.0, 2, full_output=True)
    assert _honest(second.value, second.error, CURVATURE)  # was 0 +- 3.95e-320


def test_grad_and_hessian_see_it_too() -> None:
    gradient = calcweb.grad(lambda p: _failing_far_out(p[0]), full_output=True)([0.0])
    assert _honest(gradient.value[0], gradient.error[0], DENSITY)
    hessian = calcweb.hessian(lambda p: _failing_far_out(p[0]), full_output=True)([0.0])
    assert _honest(hessian.value[0][0], hessian.error[0][0], CURVATURE)


# Where the cdf leaves 0 (its first nonzero float is above it), and where exp overflows
FLUSHED_BELOW = -8.374388923067455
EXP_FAILS_ABOVE = 709.782712893384


@pytest.mark.parametrize("below", [1e-2, 1e-4, 1e-5])
def test_a_stair_just_below_where_f_fails_is_seen(below: float) -> None:
    # The cdf's stair a part ``below`` of the way short of where exp overflows: the look
    # narrows [512, 2048] (flat, failing) by halves 20 times, down to 0.0015.
    w = 100.0
    s = EXP_FAILS_ABOVE * (1.0 - below) - FLUSHED_BELOW * w

    def f(p: list[float]) -> list[float]:
        return [_cdf((p[0] - s) / w), math.exp(p[0])]

    true = math.exp(-((s / w) ** 2) / 2.0) / math.sqrt(2.0 * math.pi) / w  # about 1e-53
    result = calcweb.jacobian(f, full_output=True)([0.0])
    assert _honest(result.value[0][0], result.error[0][0], true)  # not 0 +- 6.6e-321


def test_a_stair_decades_below_where_f_fails_is_seen() -> None:
    # p**3 overflows past 5.6e102; the far look is flat at 5.8e76 and f fails at 6.7e153:
    # the cdf's stair at 1e90 is found at geometric means (halves would not reach it).
    w = 1e89
    s = 1e90 - FLUSHED_BELOW * w

    def f(p: list[float]) -> list[float]:
        return [_cdf((p[0] - s) / w), p[0] ** 3]

    true = math.exp(-((s / w) ** 2) / 2.0) / math.sqrt(2.0 * math.pi) / w  # about 2e-163
    result = calcweb.jacobian(f, full_output=True)([0.0])
    assert _honest(result.value[0][0], result.error[0][0], true)  # not 0 +- 6.6e-321


def test_f_is_asked_once_at_each_point_where_it_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    # The first output's walk (a constant's: it looks far out) and the walk of the
    # Jacobian's other constants ask the same points out to where f fails (exp overflows):
    # the column keeps f's errors as it keeps its values.
    asked: list[float] = []

    def f(p: list[float]) -> list[float]:
        asked.append(p[0])
        return [-1.0, math.exp(p[0]), *(float(k) for k in range(8))]

    walks = [0]
    directional_full = multivariate._directional_full

    def counted(*args: Any, **kwargs: Any) -> Any:
        walks[0] += 1
        return directional_full(*args, **kwargs)

    monkeypatch.setattr(multivariate, "_directional_full", counted)
    calcweb.jacobian(f, full_output=True)([0.5])
    assert walks[0] == 2  # the first output's and exp's: the constants took none of their own
    failing = [p for p in asked if p > 709.79]
    assert len(failing) > 5
    assert len(set(failing)) == len(failing)
