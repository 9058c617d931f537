"""The optimiser, penalty and minimize docstrings REVIEW5 corrected, against the code.

Each test reads what a docstring now says and runs the case that the old
sentence got wrong: weight_decay against ``l2_penalty`` (a factor 2),
clipping at a norm of exactly ``max_norm`` (scaled), f's exceptions at ``x0``
(converted), eps=0 with a nonzero gradient (refused), RMSprop's centred root
and SGD's first buffer.
"""

from __future__ import annotations

import inspect
import math
import re
from collections.abc import Callable

import pytest

import calcweb
from calcweb import SGD, RMSprop, Value
from calcweb.optim import optimizers


def said(obj: object) -> str:
    """The docstring with its line breaks and indentation folded into single spaces."""
    return re.sub(r"\s+", " ", inspect.getdoc(obj) or "")


def test_weight_decay_lambda_is_the_l2_penalty_of_coefficient_lambda_over_two() -> None:
    assert "(``l2_penalty(params, lambda / 2)``)" in said(SGD)
    for cls in (calcweb.Adam, RMSprop, calcweb.Adagrad):
        assert r"adds $\lambda\theta$ to the gradient, as an L2 penalty" in said(cls)
        assert r"$\frac{\lambda}{2}\sum\theta^2$" in said(cls)
    decayed, penalised = Value(3.0), Value(3.0)
    decayed.grad = 1.0
    SGD([decayed], lr=0.1, weight_decay=0.4).step()
    calcweb.l2_penalty([penalised], 0.2).backward()
    penalised.grad += 1.0
    SGD([penalised], lr=0.1).step()
    assert decayed.data == penalised.data == 3.0 - 0.1 * (1.0 + 0.4 * 3.0)


def test_clipping_scales_a_norm_of_exactly_max_norm() -> None:
    assert "When it exceeds ``max_norm``" not in said(calcweb.clip_grad_norm)
    assert "``max_norm`` itself included (by ``max_norm / (max_norm + 1e-6)``)" in said(
        calcweb.clip_grad_norm
    )
    a, b = Value(0.0), Value(0.0)
    a.grad, b.grad = 0.6, 0.8  # norm 1.0 exactly
    assert calcweb.clip_grad_norm([a, b], max_norm=1.0) == 1.0
    assert a.grad == 0.6 * (1.0 / (1.0 + 1e-6))  # torch 2.13: 0.5999994000006
    assert a.grad < 0.6


def raising(error: type[Exception]) -> Callable[[Value], Value]:
    """A reader's f that raises ``error`` wherever it is called."""

    def f(x: Value) -> Value:  # noqa: ARG001  (it raises whatever x is)
        raise error("the reader's own message")

    return f


def test_minimize_converts_some_exceptions_of_f_at_x0_as_its_docstring_says() -> None:
    doc = said(calcweb.minimize)
    assert "raises at ``x0`` reaches you unchanged" not in doc
    assert "a ``ValueError`` or ``ZeroDivisionError`` as a `calcweb.DomainError`" in doc
    for error, becomes in (
        (ValueError, calcweb.DomainError),
        (ZeroDivisionError, calcweb.DivisionByZeroError),
        (TypeError, calcweb.ArgumentTypeError),
    ):
        with pytest.raises(becomes) as raised:
            calcweb.minimize(raising(error), 1.0)
        assert type(raised.value.__cause__) is error
    with pytest.raises(KeyError):  # any other reaches the reader unchanged
        calcweb.minimize(raising(KeyError), 1.0)

    def later(x: Value) -> Value:
        if x.data < 0.5:
            raise ValueError("outside")
        return x * x

    run = calcweb.minimize(later, 1.0, lr=0.4, steps=10)
    assert "``f`` stops the run instead, with ``diverged`` True" in doc
    assert run.diverged


@pytest.mark.parametrize(
    ("cls", "options", "gradient"),
    [
        (calcweb.Adam, {}, 1e-200),  # its square underflows to 0
        (calcweb.Adagrad, {}, 1e-200),
        (RMSprop, {"alpha": 1.0}, 1.0),  # the average of g^2 stays 0
    ],
)
def test_eps_zero_refuses_a_zero_divisor_whatever_the_gradient(
    cls: type[optimizers.Optimizer], options: dict[str, float], gradient: float
) -> None:
    assert "``eps=0`` and what the update divides by" in said(optimizers.Optimizer.step)
    assert "whatever the gradient" in said(optimizers.Optimizer.step)
    p = Value(1.0)
    optimizer = cls([p], lr=0.1, eps=0.0, **options)  # type: ignore[call-arg]
    p.grad = gradient
    with pytest.raises(calcweb.DivisionByZeroError):
        optimizer.step()
    assert p.data == 1.0


def test_centred_rmsprop_divides_by_the_root_of_the_variance() -> None:
    assert r"Divide by the square root of an estimate of the gradient's variance" in said(RMSprop)
    p = Value(1.0)
    optimizer = RMSprop([p], lr=0.1, alpha=0.5, eps=0.0, centered=True)
    p.grad = 2.0
    optimizer.step()
    v, mean = 0.5 * 4.0, 0.5 * 2.0  # v - mean^2 = 1, whose root is 1
    assert p.data == 1.0 - 0.1 * 2.0 / math.sqrt(v - mean**2)


def test_sgd_first_momentum_buffer_is_the_gradient_not_damped() -> None:
    assert "(the first step sets $b = g$)" in said(optimizers)
    p = Value(1.0)
    optimizer = SGD([p], lr=0.1, momentum=0.9, dampening=0.5)
    p.grad = 2.0
    optimizer.step()
    assert optimizer.state[p]["momentum_buffer"] == 2.0
    assert p.data == 1.0 - 0.1 * 2.0
