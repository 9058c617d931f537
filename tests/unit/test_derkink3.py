"""Kinks that a walk or a Value graph hid (session 29, DERKINK3).

A comparison of Values at a tie decides a branch that backward() follows as if
it were smooth: vjp's "auto" asks the differences only where such a tie moves
with x. And a flat window of rounding stairs hides a kink from the one-sided
check at the window's steps: the sides are asked far above the stairs.
"""

from __future__ import annotations

import math

import pytest

import calcweb as cw
from calcweb._richardson import Sampler, _check_sides_past_stairs
from calcweb.nn import Value


def test_a_tie_of_constants_keeps_the_values_pullback() -> None:
    # w is a constant Value at a tie with 1.0: no kink in x. The pullback stays reverse
    # mode (f calls tanh as a Value's method, which no float has: differences would fail).
    w = Value(1.0)
    _, pullback = cw.vjp(lambda p: [p[0].tanh() * (2.0 if w > 1.0 else 3.0)], [0.0])
    assert pullback([1.0]) == [3.0]


def test_a_tie_of_a_value_with_itself_is_answered() -> None:
    # max(p0, p0) is p0: the tie sends "auto" to the differences, which answer 1.
    _, pullback = cw.vjp(lambda p: [max(p[0], p[0])], [2.0])
    assert pullback([1.0]) == pytest.approx([1.0], abs=1e-9)


@pytest.mark.parametrize(
    ("f", "x"),
    [
        (lambda p: [min(p[0], 0.5)], [0.5]),
        (lambda p: [0.0 if p[0] <= 0.0 else p[0] ** 2 + p[0]], [0.0]),  # slopes 0 and 1
        (lambda p: [sorted(p)[1]], [1.0, 1.0, 2.0]),
    ],
)
def test_vjp_refuses_other_comparisons_at_a_tie(f: object, x: list[float]) -> None:
    with pytest.raises(cw.DomainError):
        cw.vjp(f, x)[1]([1.0])  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("f", "x"),
    [
        (lambda t: min(0.0, 1.0 - (1.0 + t) ** 3), 0.0),  # slopes -3 and 0
        (lambda t: max(0.0, 4.0 - (2.0 - t) ** 2), 0.0),  # slopes 4 and 0
        (lambda t: max(0.0, 0.0625 - (0.25 + t) ** 2), 0.0),  # slopes -0.5 and 0
    ],
)
def test_a_shifted_kink_behind_rounding_stairs_is_refused(f: object, x: float) -> None:
    with pytest.raises(cw.DomainError, match="but those from the left"):
        cw.derivative(f, x, full_output=True)  # type: ignore[arg-type]


def test_sides_that_agree_past_the_stairs_are_no_kink() -> None:
    # A smooth f (slope 2 on both sides) with a stair as close as rounding puts one: no refusal.
    sampler = Sampler(lambda t: (1.0 + t) ** 2 - 1.0, 0.0)
    _check_sides_past_stairs(sampler, 1, [(2.2e-16, 5.6e-17)], 0.015)
    assert sampler.calls > 0  # the sides were asked


def test_sides_that_disagree_past_the_stairs_are_a_kink() -> None:
    sampler = Sampler(lambda t: max(0.0, 1.0 - (1.0 + t) ** 2), 0.0)
    with pytest.raises(
        cw.DomainError, match="right tend to about 0, but those from the left to -2"
    ):
        _check_sides_past_stairs(sampler, 1, [(2.2e-16, 5.6e-17)], 0.015)


def test_stairs_wider_than_rounding_are_not_asked() -> None:
    # floor(100 t) / 100's stairs, 0.004 away: a staircase, judged by its stairs alone.
    sampler = Sampler(lambda t: math.floor(100.0 * t) / 100.0, 0.123)
    _check_sides_past_stairs(sampler, 1, [(0.01, 0.004)], 0.015)
    assert sampler.calls == 0
