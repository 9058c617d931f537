"""A singular point inside an infinite interval: the refusal says to split there, which works.

On [0, inf) integrate searches for the singular point in the variable t of its
map, whose floats need not map onto the float where f fails (1.3 for
|x - 1.3|**-0.5 exp(-x)): the search found f finite, and the refusal said that
splitting there does not help, which was false (MUT21's find). Split at 1.3,
both halves are answered.
"""

from __future__ import annotations

import math

import pytest

import calcweb

# exp(-c) sqrt(pi) (erfi(sqrt(c)) + 1) at c = 1.3 (the float), by mpmath at 30 digits.
TRUE = 1.5217038887444946


def f(x: float) -> float:
    return abs(x - 1.3) ** -0.5 * math.exp(-x)


def test_the_refusal_on_the_infinite_interval_says_to_split_there() -> None:
    with pytest.raises(calcweb.NumericalError) as refused:
        calcweb.integrate(f, 0.0, math.inf)
    message = str(refused.value)
    assert "split the interval at that point" in message, message
    assert "does not help" not in message, message
    assert "x=1.3000000000000003" in message, message


def test_split_at_the_singular_point_the_halves_are_answered() -> None:
    left = calcweb.integrate(f, 0.0, 1.3, full_output=True)
    right = calcweb.integrate(f, 1.3, math.inf, full_output=True)
    assert left.converged
    assert right.converged
    assert abs(left.value + right.value - TRUE) <= 2 * (left.error + right.error)
