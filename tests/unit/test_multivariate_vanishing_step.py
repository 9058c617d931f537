"""A given step ``h`` that moves no coordinate of the point is refused, as in one variable.

`calcweb.derivative` refuses a step at which ``x + h`` rounds to ``x``
(NumericalError, `representable_step`). The multivariate functions take the
derivative of ``t -> f(x + t d)`` at ``t = 0``, where ``t = h`` is a float far
from 0 whatever ``x``: ``grad(lambda p: p[0]**2, method="central",
h=1e-17)([1.0])`` took quotients of equal values and returned ``[0.0]`` (for
2.0; the default ``"auto"`` differentiates that ``f`` on jets), as did jacobian,
hessian, directional_derivative, jvp and vjp, with every difference method
(``"richardson"`` too). Found by the held-out audit of session 11.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pytest

import calcweb
from calcweb import NumericalError

DIFFERENCES = ("auto", "richardson", "central", "forward", "backward")


def _square(p: list[float]) -> float:
    return math.fsum([p[0] * p[0], 3.0 * p[1]])  # math: "auto" takes differences


CALLS: dict[str, Callable[[str, float], Any]] = {
    "grad": lambda m, h: calcweb.grad(_square, method=m, h=h)([1.0, 2.0]),
    "jacobian": lambda m, h: calcweb.jacobian(lambda p: [_square(p)], method=m, h=h)([1.0, 2.0]),
    "hessian": lambda m, h: calcweb.hessian(_square, method=m, h=h)([1.0, 2.0]),
    "directional": lambda m, h: calcweb.directional_derivative(
        _square, [1.0, 2.0], [1.0, 1.0], method=m, h=h
    ),
    "jvp": lambda m, h: calcweb.jvp(_square, [1.0, 2.0], [1.0, 0.0], method=m, h=h),
    "vjp": lambda m, h: calcweb.vjp(lambda p: [_square(p)], [1.0, 2.0], method=m, h=h)[1]([1.0]),
}


@pytest.mark.parametrize("method", DIFFERENCES)
@pytest.mark.parametrize("name", sorted(CALLS))
@pytest.mark.parametrize("h", [1e-17, 1e-300, 5e-324])
def test_a_step_that_moves_no_coordinate_is_refused(name: str, method: str, h: float) -> None:
    with pytest.raises(NumericalError, match="moves no coordinate"):
        CALLS[name](method, h)


def test_one_variable_refuses_the_same_step() -> None:
    with pytest.raises(NumericalError, match="vanishes"):
        calcweb.derivative(lambda x: x * x, 1.0, method="central", h=1e-17)


@pytest.mark.parametrize("name", sorted(CALLS))
def test_a_step_that_moves_a_coordinate_is_taken(name: str) -> None:
    # 1e-7 (in units of the power of two at or below the largest |x_i| that moves, 1 or 2)
    # moves the coordinates: answered as before.
    result = CALLS[name]("central", 1e-7)
    assert result is not None


def test_jets_and_the_complex_step_take_no_real_step() -> None:
    # "auto" on an f written with calcweb's functions, "ad" and "complex" never use h
    # as a real step: a tiny h is no reason to refuse them.
    g = calcweb.grad(lambda p: calcweb.sin(p[0]) * p[1], h=1e-300)([1.0, 2.0])
    assert g == [2.0 * math.cos(1.0), math.sin(1.0)]
    g = calcweb.grad(lambda p: calcweb.sin(p[0]) * p[1], method="ad", h=1e-300)([1.0, 2.0])
    assert g == [2.0 * math.cos(1.0), math.sin(1.0)]
    g = calcweb.grad(lambda p: p[0] ** 2 * p[1], method="complex", h=1e-20)([1.0, 2.0])
    assert g == [4.0, 1.0]


def test_a_bad_step_keeps_its_own_message() -> None:
    with pytest.raises(calcweb.InvalidArgumentError, match="h must be > 0"):
        calcweb.grad(_square, method="central", h=-1.0)([1.0, 2.0])
