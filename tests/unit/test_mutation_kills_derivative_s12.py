"""Mutation tests for `_derivative._confirmed` (session 12, after its changes for the real line).

`_confirmed` asks Richardson's first walk on the real line; where its bound
leaves the complex step's value a digit (``error(c) <= |value|``) that is
kept, else the whole walk is asked, and where Richardson refuses and the
central pair's resolution leaves no digit either (``error > |value|``) the
value is refused. The direct calls put the value exactly at those edges: the
pair ``(0, 0)`` with no rounding has the resolution ``|value - 0|``.
"""

from __future__ import annotations

import cmath
import math
import re
from typing import Any

import pytest

from calcweb import NumericalError, derivative
from calcweb._derivative import _CentralPair, _confirmed

# f' is 0 at the point: coarse, fine, rounding (and the parts _confirmed does not read) all 0.
ZERO_PAIR = _CentralPair(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)
# cosh t - 1 - t*t/2 rounds to stairs of 2.2e-16 there, its f' is -3e-17: Richardson
# refuses the real line's estimate, its first walk alone and both walks.
STAIRS_X = -5.637305895038801e-06


def stairs(t: float) -> float:
    return math.cosh(t) - 1.0 - t * t / 2.0


def test_a_first_walk_whose_bound_is_exactly_the_value_is_kept() -> None:
    # error(c) == |value| leaves the value a digit: the first walk's bound is kept and
    # the whole walk is not asked (a mutant with '<' asks it again: twice the calls).
    calls: list[float] = []

    def sine(t: float) -> float:
        calls.append(t)
        return math.sin(t)

    value = math.cos(0.5)
    pair = _CentralPair(value, value, 0.0, 0.0, 0.0, 0.0, 0.0)  # resolution 0
    one_walk = derivative(math.sin, 0.5, method="richardson", full_output=True).nfev
    assert _confirmed(sine, 0.5, value, pair, lambda c: abs(value) + c) == 0.0
    assert len(calls) == one_walk
    calls.clear()
    # One ulp more leaves it no digit: the whole walk is asked too (x = 0.5 has no second).
    above = math.nextafter(abs(value), math.inf)
    assert _confirmed(sine, 0.5, value, pair, lambda c: above + c) == 0.0
    assert len(calls) == 2 * one_walk


@pytest.mark.parametrize("value", [1.0, -3e-17, 2.5e-10])
def test_an_error_exactly_the_value_is_answered_where_richardson_refuses(value: float) -> None:
    # error(resolution) == |value| is not past it: the resolution is returned (a mutant
    # with '>=' refuses it); one ulp more is refused, with its message.
    assert _confirmed(stairs, STAIRS_X, value, ZERO_PAIR, lambda c: c) == abs(value)
    with pytest.raises(NumericalError, match="which has no correct digit"):
        _confirmed(stairs, STAIRS_X, value, ZERO_PAIR, lambda c: math.nextafter(c, math.inf))


def test_the_refusal_says_what_confirms_the_value_word_for_word() -> None:
    # bench.honesty complex-step seed 1 (test_derivative_complex's NO_DIGIT): the pair's
    # resolution 2.16e-10 leaves -2.99e-17 no digit, and Richardson refuses.
    with pytest.raises(NumericalError) as info:
        derivative(lambda z: cmath.cosh(z) - 1 - z * z / 2, STAIRS_X, method="complex")
    pattern = (
        r"method='complex' gave \S+ \+- [0-9.e-]+, which has no correct digit: the real line "
        r"confirms it only to within [0-9.e-]+ \(central differences\), and robust Richardson "
        r"extrapolation there refuses its own estimate \(the difference quotients .*\), so "
        r"nothing shows a digit of f' at x=-5\.637305895038801e-06, or that it is 0 \(as "
        r"where f cancels: its values round too coarsely\)\. Write f without the "
        r"cancellation, or with calcweb's functions for method='ad'"
    )
    assert re.fullmatch(pattern, str(info.value), flags=re.DOTALL), str(info.value)


def test_a_real_line_that_richardson_cannot_read_leaves_the_pairs_confirmation() -> None:
    # f is a number only within 1e-3 of x = 1 (None farther out): the central pair
    # (steps 6e-6) reads it, Richardson's first step (0.015) does not and raises
    # ArgumentTypeError, which both of its walks take as no confirmation. The complex
    # step of z*z is exactly 2; a mutant that lets the first walk's ArgumentTypeError
    # out raises it instead.
    def near_one(z: Any) -> Any:
        return z * z if abs(z - 1) < 1e-3 else None

    r = derivative(near_one, 1.0, method="complex", full_output=True)
    assert r.value == 2.0
    assert 0.0 < r.error < 1e-9
