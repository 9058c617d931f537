"""Hessians at large coordinates (issue 13): where the line is coarse, the coordinate itself.

hessian takes each second derivative on the line t -> f(x + t d) at t = 0, whose points
x_i + t d_i are rounded to ulp(x_i) at every step (t is exact, the steps taken are
not). Where |x_i| is large on the scale of f that rounding is noise far above f's own
and the answers were coarse or wrong with no warning (hessian reports no error):
hessian(lambda p: math.sin(p[0]))([1e10]) was [[0.48749]] for 0.487506, [1e13] [[9.7e-5]]
for 0.289, and bench/scans/hessscan.py found 31 of 200 hessians dishonest (entries up to
4e12 times their error off). Where the line's answer is coarser than sqrt(eps) of itself,
the entry is taken again with t standing for the coordinate (for a mixed entry, the one
that moves on the coarsest grid), whose steps are whole ulps of it, and the smaller error
is kept (`multivariate._second_along`); where that refuses and the line has no digit,
hessian refuses.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pytest

import calcweb
from calcweb import multivariate
from calcweb.jet import Jet

# Old answers (main b925eaa): 1e8 -0.9316395107121075, 1e10 0.4874898357931007,
# 1e12 0.6109094525765671, -7.3e11 0.5011536641732812.
LARGE = [1e8, 1e10, 1e12, -7.3e11]


@pytest.mark.parametrize("x", LARGE)
def test_a_second_derivative_at_a_large_coordinate_is_right(x: float) -> None:
    ((value,),) = calcweb.hessian(lambda p: math.sin(p[0]))([x])
    assert value == pytest.approx(-math.sin(x), rel=1e-9)
    # as in one variable, to its error
    one = calcweb.derivative(math.sin, x, 2, full_output=True)
    assert abs(value - one.value) <= 2.0 * one.error


@pytest.mark.parametrize("x", [1e13, 1e15])
def test_where_one_variable_refuses_so_does_hessian(x: float) -> None:
    # sin at |x| >= 2**41 (`_check_grid`); at 1e13 the line answered 9.7e-5 for 0.289.
    with pytest.raises(calcweb.NumericalError):
        calcweb.derivative(math.sin, x, 2)
    with pytest.raises(calcweb.NumericalError):
        calcweb.hessian(lambda p: math.sin(p[0]))([x])


@pytest.mark.parametrize(
    "x",
    [[1e8, 3e7], [1e10, 2e10], [1e10, 3.0], [3e11, 1e11], [1e12, -7e11], [5e9, 5e9]],
)
def test_a_mixed_entry_at_large_coordinates_is_right(x: list[float]) -> None:
    # sin(p0) cos(p1): H01 was 0.840559818788 for 0.843751094021 at [3e11, 1e11] (3.8e-3
    # off, no warning), 0.743098931136 for 0.743288614921 at [1e10, 2e10]. Along e_0 +
    # e_1 t now stands for the larger coordinate, and the other one moves by whole ulps.
    matrix = calcweb.hessian(lambda p: math.sin(p[0]) * math.cos(p[1]))(x)
    s0, c0, s1, c1 = math.sin(x[0]), math.cos(x[0]), math.sin(x[1]), math.cos(x[1])
    exact = [[-s0 * c1, -c0 * s1], [-c0 * s1, -s0 * c1]]
    for i in range(2):
        for j in range(2):
            assert matrix[i][j] == pytest.approx(exact[i][j], rel=1e-9, abs=1e-12), (i, j)


def test_a_coordinate_below_the_scale_of_its_rounding_is_refused() -> None:
    # bench/scans/hessscan.py seed 1: cos(p0 + 1.84e-6 p1**2) at p1 = 7.06e12: the sum is
    # 9.2e19, rounded to ulp = 16384, so f is constant in p0 over stretches of 16384 and
    # its floats carry no second derivative of period 2 pi. H00 was 4.3e-14 (+- 1.5e-13)
    # for 0.0709 and H11 1.6 for -6.7e14: now refused.
    def f(p: list[float]) -> float:
        return math.cos(p[0] + 1.84e-6 * p[1] ** 2)

    with pytest.raises(calcweb.NumericalError):
        calcweb.hessian(f)([-197524618.4927152, 7057680665463.779])


def test_a_coordinate_near_0_keeps_the_line() -> None:
    # bench.honesty hessian seed 1: m sqrt(q0 q1 + q1**2 + q2**2), q = x / 2**-10, at x0 =
    # 1.1e-9. As a function of x0 alone, the first step (0.2) crosses the branch point at
    # x0 = -0.018 and the one-variable walk then tries 0.5 |x0| (domains often end at 0),
    # far below f's scale, and never climbs back: 1.02e18 +- 4.1e20 for -1.17e18. The line
    # at t = 0 is right, and fine (its error is below sqrt(eps) of it): it is kept.
    m, s = 9.43e14, 2.0**-10
    x = [1.142578125e-09, 0.0001427734375, 0.0016083984375]

    def f(p: list[float]) -> float:
        q = [pi / s for pi in p]
        return m * math.sqrt(q[0] * q[1] + q[1] ** 2 + q[2] ** 2)

    q = [xi / s for xi in x]
    big = q[0] * q[1] + q[1] ** 2 + q[2] ** 2
    exact = -m / 4.0 * big**-1.5 * q[1] ** 2 / s**2
    assert calcweb.hessian(f)(x)[0][0] == pytest.approx(exact, rel=1e-9)
    axis, _ = multivariate._along(f, x, [1.0, 0.0, 0.0], axis=True)
    alone = calcweb.derivative(axis, axis.at, 2, full_output=True)
    assert alone.error > abs(alone.value)  # what the coordinate alone would give


def test_a_line_carried_by_its_coarsest_coordinate() -> None:
    line, exponent = multivariate._along(
        sum, [3e11, 1e11, 2.0], [1.0, 1.0, 0.0], axis=True, several=True
    )
    assert (line.carrier, line.at, line.offset, exponent) == (0, 3e11 / 2.0**38, 0.0, -38)
    assert line.point_at(line.at) == [3e11, 1e11, 2.0]
    step = math.ulp(line.at) * 8
    # both coordinates move by exactly the step times 2**38
    assert line.point_at(line.at + step) == [3e11 + step * 2.0**38, 1e11 + step * 2.0**38, 2.0]
    # without `several`, a line along two coordinates is the line through x at t = 0
    plain, _ = multivariate._along(sum, [3e11, 1e11, 2.0], [1.0, 1.0, 0.0], axis=True)
    assert (plain.carrier, plain.at, plain.offset) == (-1, 0.0, 3e11 / 2.0**38)


def test_a_hessian_on_jets_takes_one_call_per_entry() -> None:
    # "auto" on an f written with calcweb's functions: jets, as before (no error is needed,
    # so no rounding-tracked jets, which are slower), and no coordinate tried.
    calls = []

    def f(p: list[Any]) -> Any:
        calls.append(p)
        return calcweb.exp(p[0] * p[1]) * calcweb.sin(p[0] + p[2]) + p[1] ** 3

    x = [1e10, 1e-10, 1.1]
    matrix = calcweb.hessian(f)(x)
    # 6 lines, and a curve (jets of order 5, `multivariate._mixed_on_jets`) for each of
    # H01 and H12, where polarisation subtracts H11 = 1.5e20 from entries of 2.3e10.
    assert len(calls) == 8
    curves = [[q.degree if isinstance(q, Jet) else None for q in p] for p in calls]
    assert [c for c in curves if 5 in c] == [[5, 5, None], [None, 5, 5]]
    assert matrix == calcweb.hessian(f, method="ad")(x)


@pytest.mark.parametrize("derivatives", [calcweb.grad, calcweb.hessian])
def test_a_refusal_on_a_coordinate_says_what_its_x_is(derivatives: Callable[..., Any]) -> None:
    # derivative's message speaks of t = x_0 / 2**43, not of the point: it said "near
    # x=1.1368683772161603" for the coordinate 1e13.
    with pytest.raises(calcweb.NumericalError, match=r"^on the line where t = x\[0\] / 2\*\*43 "):
        derivatives(lambda p: math.sin(p[0]))([1e13])


def test_auto_tries_jets_once_per_entry_where_f_refuses_them() -> None:
    # The line's derivative falls back to Richardson; the coordinate, tried after it
    # (the line is coarse at 1e10), is not offered jets again: f refuses them there too.
    on_jets = []

    def f(p: list[Any]) -> float:
        if not all(isinstance(q, float) for q in p):
            on_jets.append(p)
        return math.sin(p[0]) * p[1]

    matrix = calcweb.hessian(f)([1e10, 2.0])
    assert len(on_jets) == 3  # one a second derivative: H00, H11 and the polarised one
    assert matrix[0][0] == pytest.approx(-2 * math.sin(1e10), rel=1e-9)
