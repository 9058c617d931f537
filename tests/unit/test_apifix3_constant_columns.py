"""A Jacobian's outputs constant along a column take no walk of their own (session 27).

Each entry by differences was one Richardson walk of calcweb.derivative, about
a millisecond of Python: a Jacobian of 100 inputs took 36 s where each output
depends on two of them (numdifftools: 0.4 s). The walk is a function of the
values it is given, so on an output that keeps its value at every point the
walk of a constant asks, it says what it says of that constant.
"""

from __future__ import annotations

import math
import random
from typing import Any

import pytest

import calcweb
from calcweb import multivariate


def _banded(p: list[float]) -> list[float]:
    """Output i of p[i] and p[i + 1] only: most entries are 0."""
    m = len(p)
    return [math.sin(p[i]) * p[(i + 1) % m] + math.exp(-(p[i] ** 2)) for i in range(m)]


def _banded_exact(p: list[float]) -> list[list[float]]:
    m = len(p)
    rows = [[0.0] * m for _ in range(m)]
    for i in range(m):
        rows[i][i] += math.cos(p[i]) * p[(i + 1) % m] - 2 * p[i] * math.exp(-(p[i] ** 2))
        rows[i][(i + 1) % m] += math.sin(p[i])
    return rows


def test_an_output_constant_along_a_column_takes_no_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    walks = 0
    directional_full = multivariate._directional_full

    def counted(*args: Any, **kwargs: Any) -> Any:
        nonlocal walks
        walks += 1
        return directional_full(*args, **kwargs)

    monkeypatch.setattr(multivariate, "_directional_full", counted)
    x = [0.3, -0.7, 1.1, 0.05, -1.4, 0.9, 0.2, -0.3, 1.3, 0.7, -1.1, 0.4]
    result = calcweb.jacobian(_banded, full_output=True)(x)
    # The two entries of each column that move, and the first output's where it does
    # not (its walk comes first, and says which points to look at): 34, not 144.
    assert walks == 2 * len(x) + (len(x) - 2)
    for row, errors, exact in zip(result.value, result.error, _banded_exact(x), strict=True):
        for value, error, expected in zip(row, errors, exact, strict=True):
            assert abs(value - expected) <= error < 1e-10


@pytest.mark.parametrize("xj", [0.4, -0.0, 1e5, 7e200, 1e-20, 1e-300, 3e-310])
def test_a_constant_gets_what_derivative_says_of_it_rounded_up(xj: float) -> None:
    # Past 1e20 at x_j = 1e-300, past 3e307 anywhere, the walk of a constant asks other points.
    rng = random.Random(27)  # noqa: S311 (draws, not secrets)
    constants = [0.0, -0.0, 5e-324, -3.7e-310, 1e-300, 2.0**-1022, 1.7e308, -1.0, 1e25]
    constants += [rng.uniform(-1, 1) * 10 ** rng.uniform(-320, 300) for _ in range(12)]
    result = calcweb.jacobian(lambda p: [*constants, math.sin(p[0] / 8e200)], full_output=True)(
        [xj]
    )
    floor = multivariate._constant_along(0.0, xj)[1].error
    for c, value, error in zip(constants, result.value, result.error, strict=False):
        alone = calcweb.directional_derivative(
            lambda _, c=c: c, [xj], [1.0], method="richardson", full_output=True
        )
        assert value[0] == alone.value == 0.0
        assert alone.error <= error[0] <= alone.error * (1 + 1e-14) + 2 * floor


def _with_constants(outputs: list[Any]) -> list[Any]:
    """``outputs`` and 8 constants: enough outputs kept along a column for the shortcut."""
    return [*outputs, *(float(k) for k in range(8))]


def test_the_shortcut_waits_for_enough_constant_outputs_to_pay(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    walked: list[float] = []
    monkeypatch.setattr(multivariate, "_walk_of_a_constant", lambda xj, _: walked.append(xj))
    calcweb.jacobian(lambda p: [math.sin(p[0]), *range(7)], full_output=True)([0.5])
    assert walked == []  # 7 constant outputs: each takes its own walk
    calcweb.jacobian(lambda p: [math.sin(p[0]), *range(8)], full_output=True)([0.5])
    assert walked == [0.5]


def test_an_output_that_moves_beyond_the_first_points_keeps_its_walk() -> None:
    # Constant within 1e-3 of x, then a parabola: the walk on it is not a constant's.
    x = [0.5, 2.0]

    def f(p: list[float]) -> list[float]:
        return _with_constants([math.sin(p[0]) * p[1], max(0.0, abs(p[0] - 0.5) - 1e-3) ** 2])

    result = calcweb.jacobian(f, full_output=True)(x)
    alone = calcweb.directional_derivative(lambda p: f(p)[1], x, [1.0, 0.0], full_output=True)
    assert (result.value[1][0], result.error[1][0]) == (alone.value, alone.error)


def test_an_int_or_a_zero_of_either_sign_is_the_same_constant() -> None:
    # -0.0 where x gives 0.0, an int where x gives a float: the same numbers to derivative.
    def f(p: list[float]) -> list[Any]:
        moved = p[0] != 0.25
        return _with_constants([math.sin(p[0]), -0.0 if moved else 0.0, 1 if moved else 1.0, 0])

    result = calcweb.jacobian(f, full_output=True)([0.25])
    assert [row[0] for row in result.value][1:] == [0.0] * 11
    assert abs(result.value[0][0] - math.cos(0.25)) <= result.error[0][0] < 1e-12


def test_an_output_that_turns_into_no_number_is_refused_as_before() -> None:
    # True equals 1.0 but is no number for calcweb: each output's own walk refuses it.
    def f(p: list[float]) -> list[Any]:
        return _with_constants([math.sin(p[0]), True if p[0] != 0.25 else 1.0])

    with pytest.raises(calcweb.ArgumentTypeError, match="returned bool True"):
        calcweb.jacobian(f, method="richardson")([0.25])


def test_a_constant_walked_otherwise_keeps_its_walk() -> None:
    # At x_j = 1e-300 the walk of 1e25 asks points that the walk of 1.0 does not: an
    # output equal to 1e25 at the latter only is no constant to that walk.
    xj, c = 1e-300, 1e25
    walk = multivariate._walk_of_a_constant(xj)
    assert walk is not None
    line, _ = multivariate._along(lambda _: c, [xj], [1.0], axis=True)
    probed = {line.point_at(t)[0] for t in walk.points}

    def output(p: list[float]) -> float:
        return c if p[0] in probed else 2 * c

    # The first output, 1.0, is walked first: through the points of the walk of 1.0.
    result = calcweb.jacobian(lambda p: _with_constants([1.0, output(p)]), full_output=True)([xj])
    alone = calcweb.directional_derivative(output, [xj], [1.0], full_output=True)
    assert (result.value[1][0], result.error[1][0]) == (alone.value, alone.error)


def test_an_output_that_moves_only_where_the_first_walk_did_not_look_keeps_its_walk() -> None:
    # The walk of sin asks fewer points than the walk of a constant: an output that
    # moves at one of the others only is no constant.
    xj = 0.5
    walk = multivariate._walk_of_a_constant(xj)
    assert walk is not None
    line, _ = multivariate._along(math.sin, [xj], [1.0], axis=True)
    asked: list[float] = []

    def sin(t: float) -> float:
        asked.append(t)
        return math.sin(t)

    calcweb.derivative(sin, line.at, method="richardson")
    unasked = {line.point_at(t)[0] for t in walk.points} - {line.point_at(t)[0] for t in asked}
    assert unasked

    def output(p: list[float]) -> float:
        return 3.0 if p[0] in unasked else 2.0

    result = calcweb.jacobian(
        lambda p: _with_constants([math.sin(p[0]), output(p)]), full_output=True
    )([xj])
    alone = calcweb.directional_derivative(output, [xj], [1.0], full_output=True)
    assert (result.value[1][0], result.error[1][0]) == (alone.value, alone.error)
