"""Partial derivatives at large coordinates (issue 13): the line along an axis is the coordinate.

grad(lambda p: math.sin(p[0]))([1e12]) was [5.26e-10] for cos(1e12) = 0.791, with no
warning (grad has no error output). The line t -> f(x + t d), d = 2**39 e_0, taken at
t = 0 with its argument rounded as at offset 1.82 (a grid of 2.2e-16 in t), walked
down to steps of 1.3e-17, where every point rounds to x (quotients of 0); the noise
then measured was that grid's stairs (2.9e-4), and the walk done again with it kept a
far-field window, 289 +- 3559 in t for 4.35e11. A first derivative along one axis is
now that of one variable: t stands for x_0 / d_0 (exact, d_0 a power of 2), and its
steps are whole multiples of ulp(t), never below it (`multivariate._Line`).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

import calcweb
from calcweb import multivariate

# Old answers (main 187866b): sin 1e10 0.8731069566583802, 1e12 5.26e-10, 1e13 2.1e-11;
# cos 1e12 0.6118793681312394 (for 0.6112387023768876), 1e13 0.2818 (for 0.2889).
LARGE = [1e10, 1e12, -7.3e11, 2e12]


@pytest.mark.parametrize("x", LARGE)
@pytest.mark.parametrize(("f", "df"), [(math.sin, math.cos), (math.cos, lambda t: -math.sin(t))])
def test_a_partial_derivative_at_a_large_coordinate_is_right(
    f: Callable[[float], float], df: Callable[[float], float], x: float
) -> None:
    (value,) = calcweb.grad(lambda p: f(p[0]))([x])
    assert value == pytest.approx(df(x), rel=1e-9, abs=1e-12)
    # the same as in one variable, exactly
    assert value == calcweb.derivative(f, x)
    other = calcweb.grad(lambda p: f(p[1]) * p[0])([1.0, x])[1]
    assert other == pytest.approx(df(x), rel=1e-9, abs=1e-12)
    along = calcweb.directional_derivative(lambda p: f(p[0]) + p[1], [x, 2.0], [1.0, 0.0])
    assert along == pytest.approx(df(x), rel=1e-9, abs=1e-12)


@pytest.mark.parametrize("x", [1e13, 3.3e12, 1e15, -2.5e16])
def test_where_one_variable_refuses_so_does_grad(x: float) -> None:
    # sin at |x| >= 2**41: its scale is below GRID float spacings (`_check_grid`); it was
    # 2.1e-11 at 1e13 along the line.
    with pytest.raises(calcweb.NumericalError):
        calcweb.derivative(math.sin, x)
    with pytest.raises(calcweb.NumericalError):
        calcweb.grad(lambda p: math.sin(p[0]))([x])


def test_an_axis_line_is_its_coordinate() -> None:
    line, exponent = multivariate._along(sum, [1e12, 3.0], [1.0, 0.0], axis=True)
    assert (line.at, line.offset, exponent) == (1e12 / 2.0**39, 0.0, -39)
    assert line.point_at(line.at) == [1e12, 3.0]
    # not along an axis, or a second derivative (axis=False): the line through x at t = 0
    both, _ = multivariate._along(sum, [1e12, 3.0], [1.0, 1.0], axis=True)
    assert (both.at, both.offset) == (0.0, 1e12 / 2.0**39)
    plain, _ = multivariate._along(sum, [1e12, 3.0], [1.0, 0.0])
    assert (plain.at, plain.offset) == (0.0, 1e12 / 2.0**39)
    # a direction that is no power of 2 keeps the line at t = 0
    odd, _ = multivariate._along(sum, [1e12, 3.0], [3.0, 0.0], axis=True)
    assert odd.at == 0.0
