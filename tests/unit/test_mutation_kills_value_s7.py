"""Which operand a Value's not-a-number error names, found by mutation testing.

An operation that fails with a TypeError looks for the ``.data`` or ``.grad``
set by hand to something that is not a number, and names the first it finds,
in the operands' order: the left operand before the right one, and in
``backward()`` the value it was called on before the leaves of its graph. A
``.grad`` set to None (as ``zero_grad(set_to_none=True)`` does in torch) is
one of them.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable

import pytest

from calcweb import ArgumentTypeError, Value


def _not_a_number(name: str, shown: str, kind: str) -> str:
    return (
        f"a Value's .{name} was set to {shown} (a {kind}), but a Value holds real numbers: "
        f"assign a float, e.g. value.{name} = 0.0"
    )


GRAD_NONE = _not_a_number("grad", "None", "NoneType")
DATA_STR = _not_a_number("data", "'s'", "str")


def test_backward_names_the_value_it_was_called_on_before_the_leaves() -> None:
    # A leaf's grad of None fails the pass; the value backward() was called on, whose
    # data was set to a str, comes first in the order the operands are checked.
    x = Value(2.0)
    y = x * 3.0
    y.data = "s"  # type: ignore[assignment]
    x.grad = None  # type: ignore[assignment]
    with pytest.raises(ArgumentTypeError, match=f"^{re.escape(DATA_STR)}$"):
        y.backward()
    # With its data mended, the leaf is named.
    y.data = 6.0
    with pytest.raises(ArgumentTypeError, match=f"^{re.escape(GRAD_NONE)}$"):
        y.backward()


@pytest.mark.parametrize(
    "op",
    [operator.add, operator.sub, operator.mul, operator.truediv, operator.pow],
    ids=["+", "-", "*", "/", "**"],
)
def test_of_two_operands_set_by_hand_the_left_one_is_named(
    op: Callable[[Value, Value], Value],
) -> None:
    # The left operand's grad is None (its data is fine), the right one's data is a str:
    # the operation fails on the right one's data, and the left one is named, being first.
    left, right = Value(2.0), Value(3.0)
    left.grad = None  # type: ignore[assignment]
    right.data = "s"  # type: ignore[assignment]
    with pytest.raises(ArgumentTypeError, match=f"^{re.escape(GRAD_NONE)}$"):
        op(left, right)
    # With the left one mended, the right one is named.
    left.grad = 0.0
    with pytest.raises(ArgumentTypeError, match=f"^{re.escape(DATA_STR)}$"):
        op(left, right)
