"""Kinks that a walk or a Value graph hid (session 29, DERKINK3).

A comparison of Values at a tie decides a branch that backward() follows as if
it were smooth: vjp's "auto" asks the differences only where such a tie moves
with x. And a flat window of rounding stairs hides a kink from the one-sided
check at the window's steps: the sides are asked far above the stairs.
"""

from __future__ import annotations

import pytest

import calcweb as cw
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
