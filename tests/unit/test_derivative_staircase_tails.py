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


@pytest.mark.parametrize(
    ("f", "x", "exact"),
    [
        (gelu, -8.10580610735157, -6.309945069814546e-11),
        (t2_1perf, -5.740059312250245, 2.437416734163545e-09),
        (t2_1perf, -5.753171136079455, 2.128089671294043e-09),
        (t2_1perf, -5.742352564155955, 2.380308773787876e-09),
        (t_1m_tanh, 17.47607054112027, -6.339512292668706e-13),
    ],
)
def test_stairs_below_the_rounding_of_the_largest_values_are_seen(
    f: Callable[[float], float], x: float, exact: float
) -> None:
    # tailscan seeds 1-4, n = 5: -2.1e-13 +- 2.25e-11 for -6.3e-11 (gelu, 2.79 times its
    # error), 5.2e-11 +- 6.5e-10 for 2.44e-9 (3.67 times), 8.9e-13 +- 5.5e-11 for
    # 2.38e-9 (43 times), ... The stairs near x (gelu: 4.7e-16 and 1.2e-15 at spacings
    # 0.044 and 0.18) are below 8 eps of f's largest values sampled (1.1e-14, at the
    # first steps, 2.8 from x), which the noise tests ignored.
    try:
        result = derivative(f, x, 5, full_output=True)
    except NumericalError:
        return  # no window can be trusted: refused, rightly
    assert abs(result.value - exact) <= HONESTY * result.error


def test_stairs_that_fell_evenly_at_one_spacing_do_not_hide_them_at_larger_ones() -> None:
    # t (1 - tanh t) at 14.22, n = 3: measured at the rounding of the values near x,
    # the stairs (1.6e-15) fell symmetrically at the first spacing, 2.7e-5, leaving a
    # noise of 4.3e-21; taken for their height, the walk done again with it had no
    # digit (-1.1e-10 +- 2.2e-3). The larger spacings show them.
    result = derivative(t_1m_tanh, 14.220188896664085, 3, full_output=True)
    exact = -9.059712258569253e-11
    assert abs(result.value - exact) <= HONESTY * result.error
    assert result.error < abs(exact)  # a correct digit, as before


@pytest.mark.parametrize(
    ("f", "x", "exact"),
    [
        # 1.063e-11 and 1.139e-11 at steps 0.047 and 0.012, then stairs in the
        # stencils; the window at 1.1e-5 and 5.7e-6 rests on one stair.
        (t_1m_tanh, 15.012198732983379, 1.0236845135778784e-11),
        # -8.14e-10, -8.11e-10, -8.08e-10 at steps 0.043, 0.011, 0.0027; the window at
        # 6.6e-7 and 1.6e-7 rests on one stair.
        (gelu, -6.904802754754084, -8.087676175063149e-10),
    ],
)
def test_a_second_derivative_of_0_is_contradicted_by_quotients_that_settled_above(
    f: Callable[[float], float], x: float, exact: float
) -> None:
    # tailscan seeds 5 and 6: -1.5e-17 +- 4.2e-16 (2.4e4 times its error) and -1.27e-13
    # +- 5.5e-12 (146 times). No window at larger steps had a digit to contradict the
    # estimate (`_disagrees`), so the stairs were never looked for.
    try:
        result = derivative(f, x, 2, full_output=True)
    except NumericalError:
        return  # no window can be trusted: refused, rightly
    assert abs(result.value - exact) <= HONESTY * result.error


@pytest.mark.parametrize(
    ("f", "x", "exact"),
    [
        (t_1m_tanh, 6.3746881503036565, -6.824304614383724e-05),
        (t2_1perf, -3.1939736993804604, 0.0003871706787934407),
    ],
)
def test_a_first_derivative_across_many_stairs_is_judged_with_them(
    f: Callable[[float], float], x: float, exact: float
) -> None:
    # tailscan seeds 8 and 9: -6.824304608782602e-05 +- 2.6e-14 (2.17 times its error)
    # and 0.00038717067890843733 +- 2.5e-14 (4.53 times). The window (steps 0.048 to
    # 0.006) spans many stairs (7.1e-16 high, 9.6e-12 wide, for the first) and no
    # noise showed at x: the noise spacing, 2.3e-15, lies within one stair, where the
    # values leave the window's slope by 13 times quiet, which was taken for a part of
    # a stair too small to matter.
    result = derivative(f, x, full_output=True)
    assert abs(result.value - exact) <= HONESTY * result.error


def gelu_tanh(t: float) -> float:
    return 0.5 * t * (1.0 + math.tanh(math.sqrt(2.0 / math.pi) * (t + 0.044715 * t**3)))


@pytest.mark.parametrize(
    ("f", "x", "exact"),
    [
        (gelu, -6.0, -2.065800168939917e-07),
        (gelu, -6.6, -5.763042055751057e-09),
        (gelu, -7.3, -5.484869444313711e-11),
        (gelu_tanh, -6.5, -6.727326926827075e-11),
    ],
)
def test_stairs_that_fall_symmetrically_about_x_are_measured_unevenly(
    f: Callable[[float], float], x: float, exact: float
) -> None:
    # An outside tester (session 17): 1.2183136798577524e-08 +- 2.1e-10 at -6.0 (1018
    # times its error, the wrong sign), 2.756e-10 +- 2.3e-11 at -6.6 (265 times),
    # 2.53e-12 +- 1.2e-11 at -7.3 (4.7 times), 2.845e-12 +- 2.4e-11 for the tanh form at
    # -6.5 (2.9 times). x lies near the middle of a stair of 1 + erf (2**-53 high): the
    # stencils about x read the stairs as 7.4e-23 (3.3e-16 in f at -6.0), and the walk
    # done again with that noise rested on them, against the window at larger steps.
    try:
        result = derivative(f, x, 2, full_output=True)
    except NumericalError:
        return  # no window can be trusted: refused, rightly
    assert abs(result.value - exact) <= HONESTY * result.error
