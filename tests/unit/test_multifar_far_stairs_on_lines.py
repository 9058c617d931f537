"""grad, jacobian and hessian look for a flushed output's stair out to the end of the floats.

derivative looked that far in one variable (session 30, `_far_stair`), but not on a line
of f of several variables: there f's other outputs overflow far out, and a Jacobian's
outputs that keep their value along a column (most of a sparse one's) get what the walk
of a constant says without a walk of their own (session 27) only where f never fails at
its points. So ``grad(cdf(p[0] - 11))`` at 0 was 0 +- 6.6e-321 for 2.1e-27. Now the walk
of a constant is taken again, failing where f failed, as each output's own walk would.
"""

from __future__ import annotations

import math
from typing import Any

import pytest

import calcweb
from calcweb import multivariate

# The normal density at 11 and 11 times it (mpmath, dps 40): the first and second
# derivatives of cdf(t - 11) at 0
DENSITY = 2.118819253509353548e-27
CURVATURE = 2.330701178860288903e-26


def _cdf(z: float) -> float:
    return 0.5 * (1.0 + math.erf(z / math.sqrt(2.0)))


def _honest(value: float, error: float, true: float) -> bool:
    return abs(value - true) <= 2.0 * error


def test_grad_of_a_flushed_cdf_sees_its_stair() -> None:
    result = calcweb.grad(lambda p: _cdf(p[0] - 11.0), full_output=True)([0.0])
    assert _honest(result.value[0], result.error[0], DENSITY)  # was 0 +- 6.58e-321


def test_grad_of_several_variables_sees_it_too() -> None:
    result = calcweb.grad(lambda p: _cdf(p[0] - 11.0 + 0.0 * p[1]), full_output=True)([0.0, 0.0])
    assert _honest(result.value[0], result.error[0], DENSITY)
    assert _honest(result.value[1], result.error[1], 0.0)


@pytest.mark.parametrize("other", [lambda q: q**2, math.exp], ids=["square", "exp"])
def test_jacobian_beside_an_output_that_overflows_far_out(other: Any) -> None:
    # Along p[1], f fails far out (the other output overflows): that side shows no stair,
    # and the cdf's entry there, 0, stands; along p[0] the cdf's stair is seen.
    result = calcweb.jacobian(
        lambda p: [_cdf(p[0] - 11.0 + 0.0 * p[1]), other(p[1])], full_output=True
    )([0.0, 0.0])
    assert _honest(result.value[0][0], result.error[0][0], DENSITY)
    assert _honest(result.value[0][1], result.error[0][1], 0.0)
    assert _honest(result.value[1][0], result.error[1][0], 0.0)
    assert _honest(result.value[1][1], result.error[1][1], 0.0 if other is not math.exp else 1.0)


def test_hessian_of_a_flushed_cdf_sees_its_stair() -> None:
    one = calcweb.hessian(lambda p: _cdf(p[0] - 11.0), full_output=True)([0.0])
    assert _honest(one.value[0][0], one.error[0][0], CURVATURE)  # was 0 +- 3.95e-320
    two = calcweb.hessian(lambda p: _cdf(p[0] - 11.0 + 0.0 * p[1]), full_output=True)([0.0, 0.0])
    assert _honest(two.value[0][0], two.error[0][0], CURVATURE)
    for i, j in ((0, 1), (1, 0), (1, 1)):
        assert _honest(two.value[i][j], two.error[i][j], 0.0)


def _counting_walks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    walks = [0]
    directional_full = multivariate._directional_full

    def counted(*args: Any, **kwargs: Any) -> Any:
        walks[0] += 1
        return directional_full(*args, **kwargs)

    monkeypatch.setattr(multivariate, "_directional_full", counted)
    return walks


def test_a_sparse_jacobian_keeps_its_shortcut_where_f_overflows_far_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # test_apifix3's banded Jacobian (each p[i]**2 overflows far out), and a flushed cdf
    # of p[3] in row 5: constant near x along every column, but not along p[3] far out.
    walks = _counting_walks(monkeypatch)
    x = [0.3, -0.7, 1.1, 0.05, -1.4, 0.9, 0.2, -0.3, 1.3, 0.7, -1.1, 0.4]
    m = len(x)

    def f(p: list[float]) -> list[float]:
        banded = [math.sin(p[i]) * p[(i + 1) % m] + math.exp(-(p[i] ** 2)) for i in range(m)]
        return [*banded[:5], _cdf(p[3] - 11.05), *banded[5:]]

    result = calcweb.jacobian(f, full_output=True)(x)
    # test_apifix3's 34 walks, and the cdf's own along p[3] (its stair is far out)
    assert walks[0] == 2 * m + (m - 2) + 1
    assert _honest(result.value[5][3], result.error[5][3], DENSITY)
    others = [j for j in range(m) if j != 3]
    assert all(result.value[5][j] == 0.0 and result.error[5][j] < 1e-300 for j in others)


def _constant_alone(f: Any, i: int, x: list[float]) -> Any:
    """Output i's own derivative along p[0] (its own walk)."""
    along = [1.0] + [0.0] * (len(x) - 1)
    return calcweb.directional_derivative(lambda p: f(p)[i], x, along, full_output=True)


def test_a_constant_gets_what_its_own_walk_says_where_f_fails_at_one_of_its_points(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # f fails at one point of the walk of a constant (its first step, 0.015): the walks of
    # the outputs that keep their value end elsewhere (their error is 10.7 times that of the
    # walk where f does not fail), and so does the constant's, taken again failing there.
    xj = 0.5
    walk = multivariate._walk_of_a_constant(xj)
    assert walk is not None
    line, _ = multivariate._along(math.sin, [xj], [1.0], axis=True)
    pole = line.point_at(walk.points[1])[0]
    assert pole == pytest.approx(0.515)

    def f(p: list[float]) -> list[float]:
        if p[0] == pole:
            raise ZeroDivisionError("a pole hit exactly")
        return [math.sin(p[0]), *(float(k) for k in range(8))]

    walks = _counting_walks(monkeypatch)
    result = calcweb.jacobian(f, full_output=True)([xj])
    assert walks[0] == 1  # the shortcut: only sin's walk
    for i in range(1, 9):
        alone = _constant_alone(f, i, [xj])
        assert alone.error != walk.at(float(i - 1)).error
        assert result.value[i][0] == alone.value == 0.0
        assert alone.error <= result.error[i][0] <= alone.error * (1.0 + 1e-14)


def test_far_out_f_is_asked_no_farther_than_where_it_failed_on_a_side() -> None:
    # exp overflows past 709.8: the far look on that side asks no point beyond its first
    # failure (3.3e4), only points between its last flat one and that one (session 32's
    # `_before_failure`), and so does the shortcut's look, which asks no point the walks do not.
    asked: list[float] = []

    def f(p: list[float]) -> list[float]:
        asked.append(p[0])
        return [math.exp(p[0]), *(float(k) for k in range(8))]

    result = calcweb.jacobian(f, full_output=True)([0.5])
    assert max(asked) == pytest.approx(3.28e4, rel=0.01)
    assert abs(result.value[0][0] - math.exp(0.5)) <= result.error[0][0] < 1e-12
    for i in range(1, 9):
        alone = _constant_alone(f, i, [0.5])
        assert alone.error <= result.error[i][0] <= alone.error * (1.0 + 1e-14) + 1e-320


def test_where_f_fails_at_new_points_the_walk_of_a_constant_learns_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # log at 1e-9 from the edge of its domain: every step to the left fails, and the walk
    # of a constant taken again fails at new points. It asks f at each (session 32's
    # `_FailuresOf`; it used to give up, and each output took its own walk, 10 along p[0]).
    def f(p: list[float]) -> list[float]:
        return [math.log(p[0] - 0.5 + 1e-9) + p[1], *(float(k) for k in range(8)), p[1] ** 3]

    walks = _counting_walks(monkeypatch)
    x = [0.5, 2.0]
    result = calcweb.jacobian(f, full_output=True)(x)
    assert walks[0] == 1 + 10  # the log's along p[0]; every output's along p[1] (jets)
    for i in range(1, 10):
        alone = _constant_alone(f, i, x)
        assert result.value[i][0] == alone.value == 0.0
        assert alone.error <= result.error[i][0] <= alone.error * (1.0 + 1e-14) + 1e-320


@pytest.mark.parametrize("x", [20.0, 100.0, 1e6, -3e9])
def test_f_is_never_asked_at_a_point_past_the_floats(x: float) -> None:
    # A line's direction is scaled with |x| (d = 8 and up from |x| >= 8): the far look's
    # t of 4.5e307 put f at x + t d = inf, where a user's f may loop or do anything.
    asked: list[float] = []

    def f(p: Any) -> Any:
        asked.append(p[0])
        return _cdf(p[0] - 11.0)

    result = calcweb.grad(f, method="richardson", full_output=True)([x])
    assert all(math.isfinite(point) for point in asked), max(asked, key=abs)
    assert result.nfev == len(asked)
    assert abs(result.value[0] - _cdf_slope(x - 11.0)) <= 2.0 * result.error[0]


def _cdf_slope(z: float) -> float:
    return math.exp(-z * z / 2.0) / math.sqrt(2.0 * math.pi)
