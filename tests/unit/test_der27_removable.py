"""DER27: derivatives of removable singularities whose numerator cancels, (1 - cos t) / t**2.

Near ``x`` such a numerator is a staircase (``1 - cos t`` is rounded to whole
ulps of 1) times a smooth factor (``1 / t**2``): below the width of one stair
(about ``eps / |x|``) ``f`` looks like ``c / t**2``, and the walk, which saw
the stairs at larger steps as quotients it could not settle, settled there on
``-2 f(x) / x``: at 0.0012 -837.558 +- 0.359 for -9.95e-5. The quotients at
the larger steps agreed on another value (`_settled_above`): an estimate whose
quotients show no truncation is then measured for stairs (`_maybe_on_stairs`),
also at unequally spaced points where they fall symmetrically about ``x``.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

import calcweb as cw


def one_minus_cos(t: float) -> float:
    return (1.0 - math.cos(t)) / t**2


def x_minus_sin(t: float) -> float:
    return (t - math.sin(t)) / t**3


def cosh_minus_one(t: float) -> float:
    return (math.cosh(t) - 1.0) / t**2


# f and its derivative's Taylor series, exact to far below the errors here at |x| < 0.01.
CASES: list[tuple[Callable[[float], float], Callable[[float], float], float]] = [
    # -837.558 +- 0.359 before: the walk's window at steps of 3.4e-15 and 1.7e-15.
    (one_minus_cos, lambda x: -x / 12 + x**3 / 180, 0.001193979933110368),
    (one_minus_cos, lambda x: -x / 12 + x**3 / 180, -0.001359611022884393),  # 735.5 +- 0.98
    # The stairs fall symmetrically about x at every spacing: 287.12 +- 1.35 before.
    (one_minus_cos, lambda x: -x / 12 + x**3 / 180, -0.0034822416710518873),
    (x_minus_sin, lambda x: -x / 60 + x**3 / 1260, 0.004589603199326321),  # -108.94 +- 0.11
    (cosh_minus_one, lambda x: x / 12 + x**3 / 180, 0.002182319687851598),  # -458.14 +- 3.65
]


@pytest.mark.parametrize(("f", "exact", "x"), CASES)
def test_removable_singularity_is_answered_within_its_error(
    f: Callable[[float], float], exact: Callable[[float], float], x: float
) -> None:
    result = cw.derivative(f, x, full_output=True)
    assert abs(result.value - exact(x)) <= 2.0 * result.error
    assert result.error < 0.1 * abs(exact(x))  # an answer with digits, not a shrug


@pytest.mark.parametrize("x", [0.001193979933110368, -0.0034822416710518873, 1e-5, 3e-3])
def test_true_poles_stay_right(x: float) -> None:
    """1 / t**2 and 1 / sin t are no staircases: their derivatives stay accurate."""
    pole = cw.derivative(lambda t: 1.0 / t**2, x, method="richardson", full_output=True)
    assert abs(pole.value - -2.0 / x**3) <= 2.0 * pole.error <= 1e-8 * abs(2.0 / x**3)
    exact = -math.cos(x) / math.sin(x) ** 2
    sine = cw.derivative(lambda t: 1.0 / math.sin(t), x, full_output=True)
    assert abs(sine.value - exact) <= 2.0 * sine.error <= 1e-8 * abs(exact)


def test_taylor_and_grad_inherit_the_answer() -> None:
    """taylor and grad took derivative's -837.558 too (the outsider's finding)."""
    x = 0.001193979933110368
    exact = -x / 12 + x**3 / 180
    poly = cw.taylor(one_minus_cos, x, 2)
    assert abs(poly.coefficients[1] - exact) <= 2.0 * poly.errors[1] < 1e-5
    (slope,) = cw.grad(lambda v: one_minus_cos(v[0]))([x])
    assert abs(slope - exact) < 1e-5
