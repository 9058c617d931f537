"""REVIEW8's debatable items, settled (session 24): messages and pages that now say what is so.

D1 `limit` refusing log(log x)/log x at infinity named only "may not exist" and
"loses accuracy", where f approaches its limit too slowly. D2 `integrate` at
the subinterval cap blamed an "oscillatory, discontinuous or not integrable"
integrand where the error is a slow end's tail (the Integrals page's Bertrand
integral at tol 1e-6). D3 "try more steps" where f may have no minimum. D4 at
a kink "a smaller learning rate", which never meets tol there. D5 "torch's
default" for a reader's subclass. D6 the losses page's float64 figures against
torch's float32.
"""

from __future__ import annotations

import math
import struct

import pytest

from calcweb import DivisionByZeroError, NumericalError, integrate, limit, minimize
from calcweb.nn import Value
from calcweb.optim import Adam


def test_a_limit_too_slow_for_the_floats_is_said_to_be_so() -> None:
    with pytest.raises(NumericalError, match="f does not settle") as raised:
        limit(lambda x: math.log(math.log(x)) / math.log(x), math.inf)
    assert "may approach its limit too slowly for any float to show it" in str(raised.value)
    # The figure the message quotes.
    x = 2.0**1022
    assert round(math.log(math.log(x)) / math.log(x), 4) == 0.0093


def test_a_slow_tail_at_the_cap_is_named_not_an_oscillation() -> None:
    result = integrate(
        lambda x: 1 / (x * math.log(x) ** 1.1), 2, math.inf, tol=1e-6, full_output=True
    )
    assert not result.converged
    assert result.intervals == 500
    assert result.message.startswith("the integral converges too slowly at x=inf"), result.message
    assert "oscillatory" not in result.message
    assert "Integrate up to a finite point and add the rest in closed form" in result.message


def test_a_loss_still_falling_says_f_may_have_no_minimum() -> None:
    message = minimize(lambda x: x, 1.0, lr=0.1, steps=20).message
    assert message.endswith(
        "(if f has no minimum, as x or exp(-x) has none, no number of steps reaches one)"
    )


def test_a_zigzag_at_a_kink_says_no_rate_meets_tol() -> None:
    result = minimize(abs, 1.05, lr=0.1)
    assert not result.converged
    assert abs(result.x) <= 0.1  # within a step of the kink
    assert "did not fall by 1 % (1 to 1)" in result.message
    assert "or f has a kink there (as |x| has at 0)" in result.message


def test_a_readers_subclass_is_not_given_a_torch_default() -> None:
    class MyAdam(Adam):
        def __init__(self, params: list[Value], lr: float = 0.1, eps: float = 1e-6) -> None:
            super().__init__(params, lr=lr, eps=eps)

    p = Value(1.0)
    optimizer = MyAdam([p], eps=0.0)
    p.grad = 0.0
    with pytest.raises(DivisionByZeroError, match=r"\(the default for MyAdam is 1e-06\)$"):
        optimizer.step()
    q = Value(1.0)
    adam = Adam([q], eps=0.0)
    q.grad = 0.0
    with pytest.raises(DivisionByZeroError, match=r"\(torch's default for Adam is 1e-08\)$"):
        adam.step()


def _single(value: float) -> float:
    rounded: float = struct.unpack("f", struct.pack("f", value))[0]
    return rounded


def test_the_single_precision_sigmoid_rounds_to_1_from_24_ln_2() -> None:
    # The losses page: p = 1 / (1 + e**-z) in single precision is 1 once e**-z <= 2**-24.
    edge = 24 * math.log(2)
    assert round(edge, 2) == 16.64
    for z in (edge - 1e-3, edge + 1e-3):
        p = _single(1.0 / _single(1.0 + _single(math.exp(-z))))
        assert (p == 1.0) is (z > edge)
