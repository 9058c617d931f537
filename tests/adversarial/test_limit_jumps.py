"""Issue 13's leftover for limits: a jump of floor or ceil is a jump at every integer.

`calcweb.limit` samples ``f`` at ``x0 ± s 2**-k`` with ``s`` the power of two
at or below ``|x0|``: from ``x0 = 4`` on, its first steps are 1 or more and
land on other integers, and only then does ``floor`` settle on its one-sided
limit, as a constant. The oracle is the definition: just left of an integer
``k``, ``floor`` is ``k - 1`` and ``ceil`` is ``k``; just right, ``k`` and
``k + 1``. Then functions that rounding makes constant close to ``x0`` (a
numerator that cancels to 0) must not pass for such a jump: their limit is
right to twice its error, or refused.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

import calcweb
from calcweb import LimitResult, limit

# 4..15 give one or two samples before the constant; 16 and above, more.
INTEGERS = [4, 5, 7, 8, 11, 15, 16, 17, 33, 100, 1000, 12345, 10**6, 2**23 - 1]
POINTS = [float(k) for k in INTEGERS] + [-float(k) for k in INTEGERS]


@pytest.mark.parametrize("k", POINTS)
@pytest.mark.parametrize(
    ("f", "left", "right"),
    [(math.floor, -1.0, 0.0), (math.ceil, 0.0, 1.0)],
    ids=["floor", "ceil"],
)
def test_floor_and_ceil_jump_at_every_integer(
    f: Callable[[float], float], left: float, right: float, k: float
) -> None:
    with pytest.raises(calcweb.DomainError, match=r"one-sided limits .* differ"):
        limit(f, k)
    for side, exact in (("left", k + left), ("right", k + right)):
        result = limit(f, k, side=side, full_output=True)
        assert isinstance(result, LimitResult)
        assert result.converged
        assert result.value == exact, (side, result)
        assert result.error <= 1e-12 * max(1.0, abs(exact))


def _one_minus_cos(u: float) -> float:
    return (1.0 - math.cos(u)) / u**2


def _x_minus_sin(u: float) -> float:
    return (u - math.sin(u)) / u**3


# (name, g, lim g(u) as u -> 0): f(x) = g((x - x0) / c) is stuck on one rounded
# value from some step on, earlier the larger c is (the first one or two
# samples only at c = 1e7). Up to c = 1e7 the samples before show it.
STUCK = [
    ("(1 - cos u)/u^2", _one_minus_cos, 0.5),
    ("1 + (1 - cos u)/u^2", lambda u: 1.0 + _one_minus_cos(u), 1.5),
    ("(u - sin u)/u^3", _x_minus_sin, 1.0 / 6.0),
    ("3 + (u - sin u)/u^3", lambda u: 3.0 + _x_minus_sin(u), 3.0 + 1.0 / 6.0),
    ("(exp u - 1)/u", lambda u: (math.exp(u) - 1.0) / u, 1.0),
]


@pytest.mark.parametrize("x0", [0.0, 1.0, 37.0])
@pytest.mark.parametrize("c", [1e2, 1e4, 1e5, 1e6, 1e7])
@pytest.mark.parametrize(("name", "g", "exact"), STUCK, ids=[row[0] for row in STUCK])
def test_rounding_that_makes_f_constant_is_not_a_jump(
    name: str, g: Callable[[float], float], exact: float, c: float, x0: float
) -> None:
    def f(x: float) -> float:
        return g((x - x0) / c)

    try:
        result = limit(f, x0, full_output=True)
    except calcweb.CalcwebError:
        return  # refused: honest
    assert isinstance(result, LimitResult)
    if result.converged:
        assert abs(result.value - exact) <= 2.0 * result.error, (name, c, x0, result)
