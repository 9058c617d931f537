"""REVIEW7: messages and docstrings of today's changes, checked against runs.

* derivative's refusal where the forward quotients never settle said "the
  derivative does not exist" and advised ``method='forward'``: f smooth on a
  scale finer than the steps is refused too (its derivative exists), and
  neither named example (``x sin(1/x)``, ``sqrt(|x|)`` at 0) has a one-sided
  derivative, so that advice was refused in turn.
* ``int(v)``, ``round(v)`` and the like advised ``calcweb.exp(x)``; ``%`` was
  said to be a step with no useful gradient, though its slope is 1 between jumps.
* binary_cross_entropy's target gradient departs from torch's wherever the log
  is clamped (p below e**-100), not only where p rounds to 0 or 1.
* the package docstring: f's error is in the ``__cause__`` chain; minimize differs.
* `_check_one_sided`'s example of a widened error is now refused.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

import calcweb
from calcweb import (
    Adam,
    ArgumentTypeError,
    DivisionByZeroError,
    DomainError,
    NumericalError,
    Value,
    _richardson,
    binary_cross_entropy,
    derivative,
    limit,
    minimize,
)


def _fine_scale(t: float) -> float:
    return math.sqrt(math.sqrt(t * t + 1e-20))  # smooth, even: f'(0) = 0


def _x_sin_inverse(t: float) -> float:
    return t * math.sin(1.0 / t) if t else 0.0


def test_a_refusal_for_quotients_that_never_settle_names_a_finer_scale() -> None:
    with pytest.raises(DomainError, match="never settle") as raised:
        derivative(_fine_scale, 0.0, full_output=True)
    said = str(raised.value)
    assert "or where f varies on a scale finer than these steps" in said
    assert "differentiate f(s * t) at t = x / s" in said
    # ... and that advice holds: the derivative at 0 is 0
    assert derivative(lambda t: _fine_scale(1e-10 * t), 0.0) / 1e-10 == 0.0


def test_it_does_not_advise_a_one_sided_derivative_that_is_refused_too() -> None:
    with pytest.raises(DomainError, match="never settle") as raised:
        derivative(_x_sin_inverse, 0.0, full_output=True)
    assert "method='forward'" not in str(raised.value)
    with pytest.raises(DomainError):  # what that advice led to
        derivative(_x_sin_inverse, 0.0, method="forward", full_output=True)


@pytest.mark.parametrize(
    ("use", "fix"),
    [
        (int, "Write int(x.data) for the number"),
        (round, "Write round(x.data) for the number"),
        (math.floor, "Write math.floor(x.data) for the number"),
        (math.ceil, "Write math.ceil(x.data) for the number"),
        (math.trunc, "Write math.trunc(x.data) for the number"),
    ],
)
def test_rounding_a_value_is_not_advised_calcweb_exp(use: object, fix: str) -> None:
    with pytest.raises(ArgumentTypeError) as raised:
        use(Value(2.5))  # type: ignore[operator]
    assert fix in str(raised.value)
    assert "exp" not in str(raised.value)


def test_the_remainder_the_message_advises_keeps_its_slope() -> None:
    with pytest.raises(ArgumentTypeError) as raised:
        _ = Value(5.5) % 2
    assert "or x - 2 * (x.data // 2) for x % 2 with its slope" in str(raised.value)
    for x0 in (5.5, -1.5, 0.25):
        x = Value(x0)
        y = x - 2 * (x.data // 2)
        y.backward()
        assert (y.data, x.grad) == (x0 % 2, 1.0)


def test_a_value_target_below_the_log_clamp_gets_the_clamped_slope() -> None:
    # As the docstring says: 100 where torch's -logit(1e-50) is 115.13.
    p, y = Value(1e-50), Value(0.5)
    binary_cross_entropy([p], [y]).backward()
    assert y.grad == 100.0
    assert math.isclose(-math.log(1e-50 / (1 - 1e-50)), 115.129254649702, rel_tol=1e-12)
    p, y = Value(1.0), Value(0.5)
    binary_cross_entropy([p], [y]).backward()
    assert y.grad == -100.0


def _overflows(_: object) -> float:
    raise OverflowError("mine")


def _causes(error: BaseException) -> list[type[BaseException]]:
    chain = []
    cause: BaseException | None = error
    while cause is not None:
        chain.append(type(cause))
        cause = cause.__cause__
    return chain


def test_the_package_docstring_says_where_f_s_error_is_in_the_chain() -> None:
    # "with yours in its __cause__ chain": limit's is the cause of its cause.
    with pytest.raises(NumericalError) as raised:
        limit(_overflows, 1.0)
    assert _causes(raised.value) == [NumericalError, NumericalError, OverflowError]
    assert "__cause__`` chain" in (calcweb.__doc__ or "")


def test_minimize_differs_as_the_package_docstring_says() -> None:
    with pytest.raises(OverflowError, match="mine") as raised:
        minimize(_overflows, 1.0)
    assert not isinstance(raised.value, NumericalError)  # through unchanged
    with pytest.raises(ArgumentTypeError) as typed:
        minimize(len, 1.0)
    assert isinstance(typed.value.__cause__, TypeError)


def _spliced(c: float) -> Callable[[float], float]:
    """exp left of c, its quadratic at c right of it (f''' jumps from e**c to 0)."""
    coefficients = [math.exp(c), math.exp(c), math.exp(c) / 2.0]

    def f(t: float) -> float:
        if t < c:
            return math.exp(t)
        return math.fsum(a * math.pow(t - c, j) for j, a in enumerate(coefficients))

    return f


def test_check_one_sided_s_example_is_refused_as_its_docstring_says() -> None:
    # Once 0.0650 +- 0.0323 for f''' = 0 at c + 8.4e-6; the docstring says it is refused now.
    with pytest.raises(DomainError, match=r"from the left tend to about 0\.18"):
        derivative(_spliced(-1.707), -1.7069916311516065, 3, full_output=True)
    # Words, not lines: Python 3.13 on (Pyodide's) strips a docstring's indentation.
    words = " ".join((_richardson._check_one_sided.__doc__ or "").split())
    assert "That example itself is now refused" in words


def _len_after_one(x: Value) -> Value:
    """(x - 3)**2 left of 1, where minimize starts; len(x), a TypeError, right of it."""
    return (x - 3) ** 2 if x.data < 1 else Value(float(len(x)))  # type: ignore[arg-type]


def test_minimize_turns_a_type_error_at_a_later_point_into_its_own_too() -> None:
    # Its docstring said so only of x0's ("a TypeError, at any point" now).
    with pytest.raises(ArgumentTypeError, match="could not be evaluated") as raised:
        minimize(_len_after_one, 0.0, lr=0.1, steps=20)
    assert isinstance(raised.value.__cause__, TypeError)
    assert "a ``TypeError``, at any point" in (minimize.__doc__ or "")


class _AdamWithoutEps(Adam):
    """A reader's optimiser whose own signature names no eps."""

    def __init__(self, params: list[Value], lr: float = 0.1) -> None:
        super().__init__(params, lr=lr, eps=0.0)


def test_the_eps_0_refusal_of_a_subclass_without_eps_is_a_calcweb_error() -> None:
    p = Value(1.0)
    optimizer = _AdamWithoutEps([p])
    p.grad = 0.0
    with pytest.raises(DivisionByZeroError, match="divides by 0"):
        optimizer.step()  # raised KeyError 'eps' while building the message
    assert p.data == 1.0


def _bowl(p: list[Value]) -> Value:
    return p[0] ** 2 + 10 * p[1] ** 2


def test_the_best_rate_is_not_told_to_take_a_smaller_one() -> None:
    # gradient-descent.md: after 40 steps J is smallest at lr = 0.09 (6.9e-7; 0.085 gives
    # 1.3e-6), and it falls at every step; the message says "try a smaller learning rate".
    run = minimize(_bowl, [-2.0, 1.0], optimizer="sgd", lr=0.09, steps=40)
    smaller = minimize(_bowl, [-2.0, 1.0], optimizer="sgd", lr=0.085, steps=40)
    assert smaller.fun > run.fun
    assert all(b < a for a, b in zip(run.losses, run.losses[1:], strict=False))
    assert "smaller learning rate" not in run.message
    assert run.message.endswith("try more steps"), run.message


class _AdagradWithoutEps(calcweb.Adagrad):
    """A reader's Adagrad whose own signature names no eps: torch's default is Adagrad's."""

    def __init__(self, params: list[Value]) -> None:
        super().__init__(params, lr=0.1, eps=0.0)


def test_the_eps_0_refusal_of_a_subclass_names_its_base_class_default() -> None:
    p = Value(1.0)
    optimizer = _AdagradWithoutEps([p])
    p.grad = 0.0
    with pytest.raises(DivisionByZeroError) as raised:
        optimizer.step()
    assert str(raised.value).endswith("(the default for _AdagradWithoutEps is 1e-10)")
