"""clip_grad_norm on the inputs the textbook tests leave out, found by mutation testing.

Each refusal names the argument (and the index of the parameter) that was
wrong and says how to fix it; gradients that are ints or fractions are
clipped like floats, bools and strings are refused; an order of the norm
beyond the float range is the largest entry, as math.inf is.
"""

from __future__ import annotations

import math
import re
from fractions import Fraction

import pytest

import calcweb
from calcweb.nn import Value
from calcweb.optim import clip_grad_norm


def values(*grads: object) -> list[Value]:
    params = [Value(0.0) for _ in grads]
    for p, g in zip(params, grads, strict=True):
        p.grad = g  # type: ignore[assignment]
    return params


def test_params_that_are_not_values_are_named() -> None:
    with pytest.raises(calcweb.ArgumentTypeError) as caught:
        clip_grad_norm(3, 1.0)  # type: ignore[arg-type]
    assert str(caught.value) == (
        "clip_grad_norm needs a list of calcweb.Value (such as model.parameters()), but got int 3"
    )
    with pytest.raises(calcweb.ArgumentTypeError) as caught:
        clip_grad_norm([Value(0.0), 2.5], 1.0)  # type: ignore[list-item]
    assert str(caught.value) == (
        "clip_grad_norm needs a list of calcweb.Value (such as model.parameters()), "
        "but params[1] is float 2.5: it clips the .grad of each Value after "
        "loss.backward(), so pass the Values themselves"
    )


@pytest.mark.parametrize("grad", ["x", True, None, 1j])
def test_gradients_that_are_not_real_numbers_are_refused(grad: object) -> None:
    params = values(1.0, grad)
    with pytest.raises(calcweb.ArgumentTypeError) as caught:
        clip_grad_norm(params, 1.0)
    assert str(caught.value) == (
        f"params[1].grad is {type(grad).__name__} {grad!r}, not a number; "
        "call loss.backward() to fill in the gradients"
    )


def test_integer_and_fraction_gradients_are_clipped_as_floats() -> None:
    params = values(3, Fraction(4))
    assert clip_grad_norm(params, 1.0) == 5.0
    scale = 1.0 / (5.0 + 1e-6)
    assert [p.grad for p in params] == [3.0 * scale, 4.0 * scale]
    assert all(type(p.grad) is float for p in params)
    params = values(3, 4)
    assert clip_grad_norm(params, 10.0) == 5.0  # below max_norm: multiplied by 1.0
    assert [p.grad for p in params] == [3.0, 4.0]
    assert all(type(p.grad) is float for p in params)


def test_an_integer_gradient_beyond_the_float_range_is_named() -> None:
    with pytest.raises(
        calcweb.NumericalError,
        match=re.escape("params[1].grad is an integer too large for a float; scale it down"),
    ):
        clip_grad_norm(values(1.0, 10**400), 1.0)


def test_bad_max_norm_and_norm_type_are_named() -> None:
    with pytest.raises(calcweb.ArgumentTypeError, match=r"^max_norm must be a real number"):
        clip_grad_norm(values(1.0), "1")  # type: ignore[arg-type]
    for order in (True, "2", None):
        with pytest.raises(calcweb.ArgumentTypeError) as caught:
            clip_grad_norm(values(1.0), 1.0, norm_type=order)  # type: ignore[arg-type]
        assert str(caught.value) == (
            "norm_type must be a number > 0 (2.0 for the Euclidean norm, math.inf for the "
            f"largest entry), but got {type(order).__name__} {order!r}"
        )


def test_an_order_beyond_the_float_range_is_the_largest_entry() -> None:
    params = values(3.0, -4.0)
    assert clip_grad_norm(params, 1.0, norm_type=10**400) == 4.0
    assert [p.grad for p in params] == [3.0 / (4.0 + 1e-6), -4.0 / (4.0 + 1e-6)]


def test_a_nonfinite_norm_says_how_to_fix_it() -> None:
    with pytest.raises(calcweb.NumericalError) as caught:
        clip_grad_norm(values(1.0, math.inf), 1.0, error_if_nonfinite=True)
    assert str(caught.value) == (
        "The total norm of order 2.0 for gradients is non-finite (inf), so it cannot be "
        "clipped; find where the loss or gradient overflows (a smaller learning rate often "
        "helps), or pass error_if_nonfinite=False"
    )
