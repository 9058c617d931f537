"""Derivatives far in the tails of gelu-like functions, where f is a staircase.

``1 + erf(t)`` and ``1 - tanh(t)`` are rounded to 2**-53 far in their tails, so
f = c(t) (1 + erf t) is a staircase of stairs a few % of f (or more), each a
smooth ``c(t)`` times a constant. A window of steps that rests on one stair sees
a smooth function and no noise. Reproducers from bench/scans/tailscan.py (the
exact values are mpmath's, 80 digits): each answer must be honest (its true error
at most twice its reported error) or refused.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from calcweb import NumericalError, derivative

HONESTY = 2.0


def gelu(t: float) -> float:
    return 0.5 * t * (1.0 + math.erf(t / math.sqrt(2.0)))


def t2_1perf(t: float) -> float:
    return t * t * (1.0 + math.erf(t))


def t_1m_tanh(t: float) -> float:
    return t * (1.0 - math.tanh(t))


def test_a_first_derivative_on_one_stair_is_judged_with_the_stairs() -> None:
    # tailscan seed 1: 5.094610652398876e-07 +- 5.5e-09 for -7.23e-06 (1400 times its
    # error). The window rested on one stair of 1 - tanh (1.1e-10 wide), where f is
    # t times a constant; its quotient at the smallest step, 8.5e-11 from the
    # estimate within its rounding bound of 2.1e-9, was read as truncation reaching
    # |f'| at steps of 6.4e-11, and the stairs were looked for only within the stair.
    result = derivative(t_1m_tanh, 7.591201414186939, full_output=True)
    assert abs(result.value - -7.23012511543884e-06) <= HONESTY * result.error
    assert result.error < 1e-12  # the window at larger steps, with its digits


@pytest.mark.parametrize(
    ("f", "x", "exact"),
    [
        # x on a stair 0.13 wide (1 + erf is 2**-53 there): the spacings 16-fold apart
        # went from 0.023 to 0.36, beyond the widest (0.18), and the stencils at 0.023
        # and smaller (up to 4 times that from x on either side) stayed on the stair.
        (gelu, -8.319346497998538, -1.2561188256578646e-11),
        # f near x is one and two stairs of 4.6e-16, below 8 eps of f's largest values
        # sampled (1.1e-14, at the first steps, 2.9 from x): they show at the widest.
        (gelu, -8.213463296872943, -2.8139698374718513e-11),
        (t2_1perf, -5.869527385659354, 6.275358511802367e-10),
    ],
)
def test_a_fifth_derivative_of_0_on_one_stair_is_judged_with_the_stairs(
    f: Callable[[float], float], x: float, exact: float
) -> None:
    # tailscan seeds 6, 3 and 9: 4.18e-18 +- 3.7e-16 (3.4e4 times its error), 3.04e-18
    # +- 2.8e-16 (1e5 times) and -4.1e-18 +- 3.5e-16 (1.8e6 times): the window rested
    # on one stair, where f is t/2 (t**2) times a constant and its fifth difference
    # quotients are 0 within rounding.
    try:
        result = derivative(f, x, 5, full_output=True)
    except NumericalError:
        return  # f is a stair or two near x: refused, rightly
    assert abs(result.value - exact) <= HONESTY * result.error
