"""Derivatives a fraction of a step from a kink or jump of f^(n), refined by the wide stencil.

DERKINK5. Each such case lied before (the value in its comment): the walk's value
was within its error of the right one (1.36 times it at kscan 11276), and
`_refine`'s wide stencil, whose three nested stencils all cross the kink (or
jump) alike, narrowed it. Where the walk's error is above ``ENOUGH`` of its value,
a refined value must now stay when the step doubles, or its error holds the
difference (`_unsteady_when_doubled`).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from math import factorial

import pytest

import calcweb as cw

Function = Callable[[float], float]


def _beside(k: float, c: float, a: float, p: int) -> Function:
    """``k max(t - c, 0)**p + sin(a t)`` (OUTSIDER10's kscan): ``f^(p-1)`` has a kink at ``c``."""
    return lambda t: k * max(t - c, 0.0) ** p + math.sin(a * t)


def _exact(kscan: tuple[float, float, float, int], x: float, n: int) -> float:
    """The ``n``-th derivative of `_beside` at ``x != c``."""
    k, c, a, p = kscan
    power = k * factorial(p) / factorial(p - n) * max(x - c, 0.0) ** (p - n)
    return a**n * math.sin(a * x + n * math.pi / 2.0) + power


@pytest.mark.parametrize(
    ("kscan", "x", "n"),
    [
        # kscan56 seed 204: f^(4) has a kink 0.0045 right of x; the walk -10.754893 +-
        # 7.6e-5 was right, refined -10.75492037695949 +- 3.3e-5 for -10.754852869467916.
        (
            (0.002197020884538874, -0.4123740535912095, 1.9597662018507789, 5),
            -0.4168899371184028,
            4,
        ),
        # kscan56 seed 7003: 0.0048 right of x; 67.30525617760395 +- 4.47e-5 for
        # 67.30535018022395 (the stencil at 2 H, tried first, is 7.5e-5 from it).
        ((0.003157928807862224, 0.6367108505642767, 2.8877135757282204, 5), 0.6319299971050203, 4),
        # kscan seed 11276: f''' jumps 0.037 left of x: 7.376282442824538 +- 0.00894
        # for 7.473933748792243 (the walk: 7.376 +- 0.072).
        ((0.057763866070181726, 1.1496230486064958, 2.0855703895643383, 3), 1.1865405735346366, 3),
    ],
)
def test_a_refined_value_across_a_kink_keeps_an_error_that_holds_it(
    kscan: tuple[float, float, float, int], x: float, n: int
) -> None:
    result = cw.derivative(_beside(*kscan), x, n, full_output=True)
    assert abs(result.value - _exact(kscan, x, n)) <= result.error, result


def test_a_smooth_refined_value_is_steady_though_the_doubled_stencil_has_not_settled() -> None:
    # tanh(0.951 t) at -1.115, n = 4: at 2 H = 0.125 the stencils without 4 and 2 outer
    # points, and the whole one, are 7.9e-7 then 3.9e-9 apart, and the whole one 3.8e-8
    # from the refined value: judged by its last difference alone, the refinement was
    # dropped (error 3.5e-8 for 8.4e-9). Exact -0.2896051231.
    s, x = 0.951120388145104, -1.1150571449806042
    result = cw.derivative(lambda t: math.tanh(s * t), x, 4, full_output=True)
    u = math.tanh(s * x)
    exact = s**4 * (16.0 * u - 40.0 * u**3 + 24.0 * u**5)  # d^4/dv^4 tanh v
    assert abs(result.value - exact) <= result.error <= 1e-8, (result, exact)


def test_a_walk_already_within_enough_is_refined_without_the_doubled_stencil() -> None:
    # sin at 1: the walk's first window reaches ENOUGH, and the refinement costs
    # no more than it did (24 calls; the doubled stencil would be 6 more).
    result = cw.derivative(math.sin, 1.0, full_output=True)
    assert result.nfev <= 24, result
    assert abs(result.value - math.cos(1.0)) <= result.error <= 1e-13, result


def test_a_refined_value_that_is_not_steady_is_kept_with_the_difference() -> None:
    # cos(t) - 1 + t**2 at 1.86e-8 (f' = 2t - sin t): cos rounds to 1 below 1e-8, and
    # the quotients there (2t) widened the walk's error to 4.8e-8. The refined value is
    # 1.3e-15 from the stencil at 2 H (5.5e-16 allowed: f's rounding is that of cos,
    # not of |f|). Dropped, the walk's wide error let a walk from steps of 2.8e-10
    # replace it: 3.7124642699198767e-08 +- 2.5e-21.
    x = 1.8562321349599218e-08
    result = cw.derivative(lambda t: math.cos(t) - 1.0 + t * t, x, full_output=True)
    assert abs(result.value - (2.0 * x - math.sin(x))) <= result.error < 1e-14, result
