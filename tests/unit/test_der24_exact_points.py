"""DER24: a point that float() would move is refused, not silently rounded.

``derivative(cw.sin, 2**60 + 1)`` was -0.5567960822766417 +- 4.9e-16 (``cos(2**60)``)
for ``cos(2**60 + 1)`` = 0.398129008042713: the int was rounded to 2**60 on the way in.
Every public function taking a point now says so (`calcweb._checks.check_point`).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import pytest

import calcweb as cw

MOVED: list[Any] = [2**60 + 1, -(2**53 + 1), Fraction(1, 3)]
REFUSAL = r"not exactly representable.*pass float\("
EXACT: list[Any] = [2**60, 3, -(2**53), Fraction(1, 2)]
try:  # numpy's scalars too, where numpy is installed (not in Pyodide's test run)
    import numpy as np
except ImportError:
    pass
else:
    MOVED.append(np.int64(2**60 + 1))
    EXACT += [np.int64(7), np.float32(0.1)]


def calls(x: Any) -> list[Callable[[], object]]:
    """Every public function that takes a point, at ``x``."""
    return [
        lambda: cw.derivative(cw.sin, x),
        lambda: cw.derivative(math.sin, x, 2, method="central"),
        lambda: cw.central_difference(math.sin, x),
        lambda: cw.forward_difference(math.sin, x),
        lambda: cw.backward_difference(math.sin, x),
        lambda: cw.taylor(cw.exp, x, 2),
        lambda: cw.limit(math.sin, x),
        lambda: cw.integrate(math.cos, 0.0, x),
        lambda: cw.integrate(math.cos, x, 0.0),
        lambda: cw.grad(lambda p: cw.sin(p[0]) * p[1])([1.0, x]),
        lambda: cw.hessian(lambda p: cw.sin(p[0]))([x]),
        lambda: cw.jacobian(lambda p: [cw.sin(p[0])])([x]),
        lambda: cw.directional_derivative(lambda p: cw.sin(p[0]), [x], [1.0]),
        lambda: cw.jvp(cw.sin, x, 1.0),
        lambda: cw.vjp(cw.sin, x),
    ]


@pytest.mark.parametrize("x", MOVED, ids=repr)
def test_a_point_float_would_move_is_refused_by_every_function(x: Any) -> None:
    for call in calls(x):
        with pytest.raises(cw.InvalidArgumentError, match=REFUSAL):
            call()


@pytest.mark.parametrize("x", EXACT, ids=repr)
def test_a_point_float_keeps_is_taken(x: Any) -> None:
    assert cw.derivative(cw.sin, x) == math.cos(float(x))
    assert cw.grad(lambda p: cw.sin(p[0]))([x]) == [math.cos(float(x))]


def test_the_reproducer_says_what_to_pass() -> None:
    with pytest.raises(cw.InvalidArgumentError) as refused:
        cw.derivative(cw.sin, 2**60 + 1)
    message = str(refused.value)
    assert "x = 1152921504606846977 is not exactly representable" in message
    assert "1.152921504606847e+18" in message
    assert "pass float(x)" in message
    # What the message offers is answered: the derivative at the float itself.
    assert cw.derivative(cw.sin, float(2**60 + 1)) == math.cos(2.0**60)


def test_tangents_and_cotangents_still_round() -> None:
    # Only points move the answer; a direction scales it (rounding of 1e-16 relative).
    assert cw.jvp(cw.sin, 0.0, 2**60 + 1)[1] == float(2**60 + 1)
    assert cw.directional_derivative(lambda p: p[0], [0.0], [2**60 + 1]) == float(2**60 + 1)
