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

from calcweb import derivative

HONESTY = 2.0


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
