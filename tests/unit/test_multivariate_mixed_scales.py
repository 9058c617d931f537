"""A first derivative along a direction that moves coordinates of different sizes.

The line ``t -> f(x + t d)`` scales ``d`` so that default steps in ``t`` are
relative to the coordinates' size. Scaled to the largest, a coordinate of
size 1 beside one of 1e8 stepped by 2**26 times its own scale: ``exp(p[0]) +
cos(p[1])`` at ``[0, 1e8]`` along ``[0.01, 1]`` overflowed on the line and
``jvp`` returned -2.2e63 for -0.92 (session 28, OUTSIDER11's finding 1; of
its draws of ``A exp(k p0) + B sin/cos(p1)``, 48, 46, 38, 49, 43 of 200 were
off by more than 10 %, seeds 1-5). A first derivative takes the finest size
now (`calcweb.multivariate._along`'s ``finest``).
"""

from __future__ import annotations

import math

import calcweb
from calcweb.multivariate import _scale_groups


def _steep_and_far(p: list[float]) -> float:
    return math.exp(p[0]) + math.cos(p[1])


_EXACT = -0.92163902710972600782  # 0.01 - sin(1e8), mpmath at 40 digits


def test_jvp_across_scales_is_right() -> None:
    # Was -2.1566177518288655e+63.
    _, tangent = calcweb.jvp(_steep_and_far, [0.0, 1e8], [0.01, 1.0])
    assert abs(tangent - _EXACT) <= 1e-8, tangent


def test_directional_derivative_across_scales_is_honest_and_close() -> None:
    # Was the same value +- 6.7e256.
    result = calcweb.directional_derivative(
        _steep_and_far, [0.0, 1e8], [0.01, 1.0], full_output=True
    )
    assert abs(result.value - _EXACT) <= 2.0 * result.error <= 1e-5, result


def test_a_steep_coordinate_is_stepped_on_its_own_scale() -> None:
    # exp(2e3 p0) + sin(p1) at [0, 4e10] along [1e-6, 1] was 0.0020000001 +- 0.019 for
    # 2e3 * 1e-6 + cos(4e10) = -0.44743071261100408960 (23 errors off).
    result = calcweb.directional_derivative(
        lambda p: math.exp(2e3 * p[0]) + math.sin(p[1]), [0.0, 4e10], [1e-6, 1.0], full_output=True
    )
    assert abs(result.value - (-0.44743071261100408960)) <= 2.0 * result.error, result
    assert result.error < 0.1, result


def test_a_coarse_coordinates_slope_is_not_lost_under_a_steep_one() -> None:
    # dirscan seed 1: on one line the walk the steep p0 needs stepped below p1's stairs
    # (ulp(1.48e6) = 2.3e-10), and p1's slope vanished: 0.0 +- 1.08 for 1.0823273263.
    # Summed over one line per scale: each coordinate walked on its own.
    k, a, b = 42.58351747892334, 3.115771689539769, 3.4726820422166655
    x = [-0.000847174146715655, -1483903.2039763122]
    v = [-2.296528075985614e-08, -0.31728335404659364]
    exact = 1.0823273263223836  # a k exp(k x0) v0 + b cos(x1) v1, mpmath at 40 digits

    def f(p: list[float]) -> float:
        return a * math.exp(k * p[0]) + b * math.sin(p[1])

    result = calcweb.directional_derivative(f, x, v, full_output=True)
    assert abs(result.value - exact) <= 2.0 * result.error <= 1e-5, result
    _, tangent = calcweb.jvp(f, x, v)
    assert abs(tangent - exact) <= 1e-5, tangent


def test_jets_take_one_line_across_scales() -> None:
    # Exact on jets: no split; nfev counts both calls of f (the probe and the line's).
    calls = 0

    def f(p: list[float]) -> object:
        nonlocal calls
        calls += 1
        return calcweb.exp(p[0]) + calcweb.cos(p[1])

    result = calcweb.directional_derivative(f, [0.0, 1e8], [0.01, 1.0], full_output=True)
    assert result.method == "ad", result
    assert result.nfev == calls == 2, (result, calls)
    assert abs(result.value - _EXACT) <= 1e-15, result


def test_nfev_counts_every_call_across_scales() -> None:
    calls = 0

    def f(p: list[float]) -> float:
        nonlocal calls
        calls += 1
        return _steep_and_far(p)

    result = calcweb.directional_derivative(f, [0.0, 1e8], [0.01, 1.0], full_output=True)
    assert result.nfev == calls, (result, calls)


def test_sizes_within_16_fold_share_a_line_and_farther_ones_do_not() -> None:
    # Split at every power of two, 3 coordinates at |x_i| from 0.3 to 30 cost a median
    # 55 calls for 24 on one line, to no gain: sizes within 16x of a group's smallest share it.
    assert _scale_groups([1.0, 1.5, 3.0, 15.9]) == [[0, 1, 2, 3]]
    assert _scale_groups([16.0, 1.0, 1e8, 200.0]) == [[1], [0, 3], [2]]
    assert _scale_groups([1.0]) == [[0]]

    def counted(x: list[float]) -> int:
        calls = 0

        def f(p: list[float]) -> float:
            nonlocal calls
            calls += 1
            return math.sin(p[0]) * math.cos(p[1]) + p[2] ** 2

        calcweb.directional_derivative(f, x, [0.3, -0.7, 1.1])
        return calls

    one_line = counted([0.5, 0.7, 0.9])  # all of size 1
    assert counted([1.5, 2.5, 12.0]) <= one_line + 8  # within 16x: one line too
    assert counted([1.0, 2.0, 100.0]) > one_line + 8  # two lines
