"""Branches on a Value's truth and on ``==`` that vjp's "auto" must not trust (session 30, APIFIX6).

``if p0:`` at 0 takes the branch that holds at 0 alone, and a Value's ``==`` is
identity (``p0 == p1`` is False at ``p0 = p1``, where f on floats takes the
other branch): backward() follows either as if it were f. Under vjp both are
noted as ties (`calcweb.nn.value.noting_ties`), and "auto" asks the
differences, which see f on floats. Oracle: the one-sided derivatives of f,
worked out by hand.
"""

from __future__ import annotations

import math

import pytest

import calcweb as cw
from calcweb.exceptions import CalcwebError
from calcweb.nn import Value
from calcweb.nn.value import noting_ties


def test_a_branch_on_truth_at_0_is_not_the_values_slope() -> None:
    # 2 p0 for p0 != 0, and p0 (= 0) at 0 alone: f is 2 t, slope 2 on both sides.
    # The Values took the else branch at 0 and answered 1.
    _, pullback = cw.vjp(lambda p: 2 * p[0] if p[0] else p[0], [0.0])
    assert pullback(1.0) == pytest.approx([2.0], abs=1e-9)


def test_a_jump_on_truth_at_0_is_refused() -> None:
    # p0 p1 for p0 != 0 (near 0 as p0 -> 0) but p1 - p0 = 3 at p0 = 0: f jumps, no derivative.
    # The Values answered [-1, 1].
    with pytest.raises(CalcwebError):
        cw.vjp(lambda p: p[0] * p[1] if p[0] else p[1] - p[0], [0.0, 3.0])


@pytest.mark.parametrize(
    "f",
    [
        lambda p: p[0] if p[0] == p[1] else 2 * p[0],
        lambda p: 2 * p[0] if p[0] != p[1] else p[0],
    ],
)
def test_equal_numbers_under_identity_are_refused(f: object) -> None:
    # f is p0 on the diagonal and 2 p0 off it: f(1, 1) = 1, f jumps to 2 beside it.
    # Identity said p0 != p1 at (1, 1): y = 2.0 (f(1, 1) is 1) and [2, 0], confident and wrong.
    with pytest.raises(CalcwebError):
        cw.vjp(f, [1.0, 1.0])


@pytest.mark.parametrize(
    "f",
    [
        lambda p: cw.sin(p[0]) / p[0] if p[0] != 0 else 1.0 + 0 * p[0],
        lambda p: 1.0 + 0 * p[0] if p[0] == 0.0 else cw.sin(p[0]) / p[0],
    ],
)
def test_an_error_in_identitys_branch_is_not_f_s(f: object) -> None:
    # sin(t)/t, 1 at 0: smooth, slope 0 on both sides. The Values divided 0 by 0.
    _, pullback = cw.vjp(f, [0.0])
    assert pullback(1.0) == pytest.approx([0.0], abs=1e-9)


def test_ad_keeps_the_values_branches() -> None:
    _, pullback = cw.vjp(lambda p: 2 * p[0] if p[0] else p[0], [0.0], method="ad")
    assert pullback(1.0) == [1.0]  # torch's convention, as documented


# Controls: f calls tanh as a Value's method, which no float has, so an answer at all
# shows the Values' pullback was kept (the differences would fail).


def test_truth_off_0_keeps_the_values_pullback() -> None:
    _, pullback = cw.vjp(lambda p: p[0].tanh() * (2.0 if p[0] else 3.0), [0.5])
    assert pullback(1.0) == [2.0 * (1.0 - math.tanh(0.5) ** 2)]


def test_truth_of_a_constant_at_0_keeps_the_values_pullback() -> None:
    w = Value(0.0)
    _, pullback = cw.vjp(lambda p: p[0].tanh() * (2.0 if w else 3.0), [0.0])
    assert pullback(1.0) == [3.0]


def test_a_value_equal_to_itself_keeps_the_values_pullback() -> None:
    _, pullback = cw.vjp(lambda p: p[0].tanh() * (2.0 if p[0] == p[0] else 3.0), [0.0])
    assert pullback(1.0) == [2.0]


def test_unequal_numbers_keep_the_values_pullback() -> None:
    _, pullback = cw.vjp(lambda p: p[0].tanh() * (2.0 if p[0] == p[1] else 3.0), [0.0, 1.0])
    assert pullback(1.0) == [3.0, 0.0]


def test_equality_stays_identity() -> None:
    a, b = Value(1.0), Value(1.0)
    same = a
    assert a == same
    assert a != b
    assert a != 1.0
    assert len({a, b}) == 2
    assert {a: 1}[a] == 1
    with noting_ties() as ties:
        assert a != b
        assert a != 1.0
        assert not Value(0.0)
    assert len(ties) >= 3  # and noted, while vjp listens
