"""Value on the inputs its other tests leave out, found by mutation testing.

The other Value tests check gradients to a tolerance and errors by a word of
their message. These check what a tolerance or a word cannot see: each local
derivative exactly as its docstring writes it (with ``backward()`` on a leaf
the gradient is the local derivative itself, bit for bit), each operation's
name (``op``, which the computation-graph plots show), each error's message in
full, and each threshold on both sides (relu and abs at 0, a power at base 0,
asin and acos at ±1).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from fractions import Fraction

import pytest

from calcweb import (
    ArgumentTypeError,
    DivisionByZeroError,
    DomainError,
    InvalidArgumentError,
    NumericalError,
    Value,
)

NOT_FINITE_OPERAND = (
    "an operand is not a finite number (was .data set to NaN or inf, or did an optimiser "
    "diverge?); use finite numbers"
)
OVERFLOWS = (
    "overflows a float (its result is beyond about 1.8e308); scale the inputs down (a smaller "
    "learning rate often keeps them small)"
)
DIVIDES_BY_ZERO = "divides by zero; keep the divisor away from 0 (add a small epsilon, or clip it)"
NOT_A_REAL = (
    "must be a real number (int, float, Fraction or a numpy scalar), but got str 'a'; convert "
    "it with float() first"
)


def raises(error: type[Exception], message: str) -> pytest.RaisesContext[Exception]:
    """pytest.raises for the whole message, matched literally."""
    return pytest.raises(error, match="^" + re.escape(message) + "$")


def with_data(x: object) -> Value:
    """A Value whose .data was set by hand (as a diverged optimiser or a user may leave it)."""
    v = Value(1.0)
    v.data = x  # type: ignore[assignment]
    return v


def slope(f: Callable[[Value], Value], x0: float) -> float:
    """The gradient backward() gives a leaf x through f alone: f's local derivative."""
    x = Value(x0)
    f(x).backward()
    return x.grad


# ---------------------------------------------------------------- local derivatives


@pytest.mark.parametrize("x0", [0.3, -1.7, 2.5])
def test_each_local_derivative_is_its_docstring_formula_bit_for_bit(x0: float) -> None:
    t = math.tanh(x0)
    s = 1.0 / (1.0 + math.exp(-x0))
    assert slope(Value.exp, x0) == math.exp(x0)
    assert slope(Value.sin, x0) == math.cos(x0)
    assert slope(Value.cos, x0) == -math.sin(x0)
    assert slope(Value.tan, x0) == 1.0 + math.tan(x0) * math.tan(x0)
    assert slope(Value.sinh, x0) == math.cosh(x0)
    assert slope(Value.cosh, x0) == math.sinh(x0)
    assert slope(Value.tanh, x0) == 1.0 - t * t
    assert math.isclose(slope(Value.sigmoid, x0), s * (1.0 - s), rel_tol=4e-16)
    assert slope(Value.atan, x0) == 1.0 / (1.0 + x0 * x0)
    assert slope(Value.erf, x0) == 2.0 / math.sqrt(math.pi) * math.exp(-x0 * x0)
    assert slope(Value.abs, x0) == math.copysign(1.0, x0)
    assert slope(Value.relu, x0) == (1.0 if x0 > 0 else 0.0)
    assert slope(Value.softplus, x0) == pytest.approx(s, rel=4e-16, abs=0.0)
    a = abs(x0)
    assert slope(Value.log, a) == 1.0 / a
    assert slope(Value.log1p, a) == 1.0 / (1.0 + a)
    assert slope(Value.sqrt, a) == 0.5 / math.sqrt(a)
    u = x0 / 3.0  # inside (-1, 1)
    assert slope(Value.asin, u) == 1.0 / math.sqrt(1.0 - u * u)
    assert slope(Value.acos, u) == -1.0 / math.sqrt(1.0 - u * u)


def test_the_slopes_of_the_binary_operators() -> None:
    a, b = Value(3.0), Value(-0.7)
    (a / b).backward()
    assert (a.grad, b.grad) == (1.0 / -0.7, -(3.0 / -0.7) / -0.7)
    assert slope(lambda x: x / 4.0, 1.0) == 0.25
    assert slope(lambda x: 3.0 / x, -0.7) == -(3.0 / -0.7) / -0.7
    assert slope(lambda x: 2.0 - x, 5.0) == -1.0
    assert slope(lambda x: x - 2.0, 5.0) == 1.0
    assert slope(lambda x: 2.0 + x, 5.0) == 1.0
    assert slope(lambda x: 2.5 * x, 5.0) == 2.5
    assert slope(lambda x: -x, 5.0) == -1.0
    a, b = Value(3.0), Value(-0.7)
    (a * b).backward()
    assert (a.grad, b.grad) == (-0.7, 3.0)
    a, b = Value(3.0), Value(-0.7)
    (a - b).backward()
    assert (a.grad, b.grad) == (1.0, -1.0)
    a, b = Value(3.0), Value(-0.7)
    (a + b).backward()
    assert (a.grad, b.grad) == (1.0, 1.0)


def test_the_slopes_of_powers() -> None:
    # d(a**b)/da = b a**(b - 1) and d(a**b)/db = a**b log a, as torch computes them.
    a, b = Value(1.7), Value(2.3)
    out = a**b
    out.backward()
    assert out.data == 1.7**2.3
    assert (a.grad, b.grad) == (2.3 * 1.7**1.3, 1.7**2.3 * math.log(1.7))
    assert slope(lambda x: x**2.3, 1.7) == 2.3 * 1.7**1.3
    assert slope(lambda x: x**0, 1.7) == 0.0  # the exponent 0: a constant
    assert slope(lambda x: 1.7**x, 2.3) == 1.7**2.3 * math.log(1.7)
    # At base 0: the slope in the exponent is 0 (torch), in the base 0 for b >= 1 ...
    assert slope(lambda x: 0.0**x, 2.0) == 0.0
    assert slope(lambda x: x**1.0, 0.0) == 1.0
    assert slope(lambda x: x**2.0, 0.0) == 0.0
    a, b = Value(0.0), Value(2.0)
    (a**b).backward()
    assert (a.grad, b.grad) == (0.0, 0.0)
    # ... and infinite below 1, which backward() names.
    for exponent in (0.5, math.nextafter(1.0, 0.0)):
        with raises(
            DomainError,
            "** is not differentiable at 0.0 (its derivative is infinite there); move the point "
            "inside the domain, e.g. add a small epsilon",
        ):
            (Value(0.0) ** exponent).backward()
    # A slope that overflows is infinite too, and named as an overflow, not a singularity.
    with raises(
        NumericalError,
        "backward(): the derivative of '**' at 5e-324 overflows a float (inf); keep the inputs "
        "of '**' away from 0 or scale them",
    ):
        (Value(5e-324) ** 0.01).backward()


def test_relu_and_abs_at_zero_and_around_it() -> None:
    tiny = 5e-324
    assert slope(Value.relu, 0.0) == 0.0
    assert slope(Value.relu, tiny) == 1.0
    assert slope(Value.relu, -tiny) == 0.0
    assert Value(tiny).relu().data == tiny
    assert Value(-tiny).relu().data == 0.0
    assert slope(Value.abs, 0.0) == 0.0
    assert slope(Value.abs, tiny) == 1.0
    assert slope(Value.abs, -tiny) == -1.0


def test_sqrt_asin_and_acos_at_the_ends_of_their_domains() -> None:
    edge = math.nextafter(1.0, 0.0)
    assert slope(Value.asin, edge) == 1.0 / math.sqrt(1.0 - edge * edge)
    assert slope(Value.acos, -edge) == -1.0 / math.sqrt(1.0 - edge * edge)
    assert slope(Value.sqrt, 5e-324) == 0.5 / math.sqrt(5e-324)
    for name, x0 in (("asin", 1.0), ("asin", -1.0), ("acos", 1.0), ("acos", -1.0), ("sqrt", 0.0)):
        with raises(
            DomainError,
            f"{name} is not differentiable at {x0!r} (its derivative is infinite there); move "
            "the point inside the domain, e.g. add a small epsilon",
        ):
            getattr(Value(x0), name)().backward()


# ---------------------------------------------------------------- names of operations


def test_every_operation_names_itself() -> None:
    x, y = Value(0.5), Value(0.25)
    ops = {
        "+": [x + y, x + 1.0, 1.0 + x, x + 1],
        "-": [x - y, x - 1.0, 1.0 - x, x - 1],
        "*": [x * y, x * 2.0, 2.0 * x, x * 2],
        "/": [x / y, x / 2.0, 2.0 / x, x / 2],
        "neg": [-x],
        "**": [x**y, x**2.0, 2.0**x, x.pow(y)],
    }
    ops |= {
        name: [getattr(x, name)()]
        for name in (
            *("exp", "log", "log1p", "sqrt", "sin", "cos", "tan", "sinh", "cosh", "tanh"),
            *("sigmoid", "relu", "softplus", "abs", "atan", "asin", "acos", "erf"),
        )
    }
    for op, values in ops.items():
        assert [v.op for v in values] == [op] * len(values), op
    assert abs(x).op == "abs"
    assert +x is x
    assert x.op == ""
    assert (x + y).inputs == (x, y)
    assert (1.0 - x).inputs == (x,)


# ---------------------------------------------------------------- messages


@pytest.mark.parametrize(
    ("expression", "shown"),
    [
        (lambda a, b: a + b, "Value(1e+308) + Value(1e+308)"),
        (lambda a, b: a + b.data, "Value(1e+308) + 1e+308"),
        (lambda a, b: a - -b, "Value(1e+308) - Value(-1e+308)"),
        (lambda a, b: a - -b.data, "Value(1e+308) - -1e+308"),
        (lambda a, b: -b.data - a, "-1e+308 - Value(1e+308)"),
        (lambda a, b: a * b, "Value(1e+308) * Value(1e+308)"),
        (lambda a, b: a * 10.0, "Value(1e+308) * 10.0"),
        (lambda a, b: a / Value(0.1), "Value(1e+308) / 0.1"),
        (lambda a, b: a / 0.1, "Value(1e+308) / 0.1"),
        (lambda a, b: 1e308 / Value(0.1), "1e+308 / Value(0.1)"),
    ],
    ids=["v+v", "v+x", "v-v", "v-x", "x-v", "v*v", "v*x", "v/v", "v/x", "x/v"],
)
def test_an_overflow_shows_the_operation(
    expression: Callable[[Value, Value], Value], shown: str
) -> None:
    a, b = Value(1e308), Value(1e308)
    with raises(NumericalError, f"{shown} {OVERFLOWS}"):
        expression(a, b)


@pytest.mark.parametrize(
    ("expression", "shown"),
    [
        (lambda n: n + Value(1.0), "Value(nan) + Value(1.0)"),
        (lambda n: n + 1.0, "Value(nan) + 1.0"),
        (lambda n: Value(1.0) - n, "Value(1.0) - Value(nan)"),
        (lambda n: n - 1.0, "Value(nan) - 1.0"),
        (lambda n: 1.0 - n, "1.0 - Value(nan)"),
        (lambda n: n * Value(2.0), "Value(nan) * Value(2.0)"),
        (lambda n: n * 2.0, "Value(nan) * 2.0"),
        (lambda n: n / Value(2.0), "Value(nan) / 2.0"),
        (lambda n: 2.0 / n, "2.0 / Value(nan)"),
    ],
    ids=["v+v", "v+x", "v-v", "v-x", "x-v", "v*v", "v*x", "v/v", "x/v"],
)
def test_a_nan_operand_is_named_as_such(expression: Callable[[Value], Value], shown: str) -> None:
    with raises(InvalidArgumentError, f"{shown}: {NOT_FINITE_OPERAND}"):
        expression(with_data(math.nan))


def test_an_infinite_operand_is_refused_even_where_the_result_would_be_nan() -> None:
    with raises(InvalidArgumentError, f"Value(inf) + -inf: {NOT_FINITE_OPERAND}"):
        with_data(math.inf) + -math.inf


def test_divisions_by_zero() -> None:
    for divisor, shown in ((0.0, "0.0"), (-0.0, "-0.0"), (0, "0.0"), (Value(0.0), "0.0")):
        with raises(DivisionByZeroError, f"Value(1.0) / {shown} {DIVIDES_BY_ZERO}"):
            Value(1.0) / divisor
    with raises(DivisionByZeroError, f"1.0 / Value(0.0) {DIVIDES_BY_ZERO}"):
        1.0 / Value(0.0)
    assert (Value(0.0) / 5e-324).data == 0.0
    assert (5e-324 / Value(1.0)).data == 5e-324


def test_a_value_exponent_needs_a_positive_or_zero_base() -> None:
    message = (
        "{a} ** Value(0.5): the gradient with respect to a Value exponent needs a positive base "
        "(it is a**b * log(a)); use a plain number as the exponent, or a positive base"
    )
    tiny = -5e-324
    with raises(DomainError, message.format(a=repr(tiny))):
        Value(tiny) ** Value(0.5)
    with raises(DomainError, message.format(a=repr(tiny))):
        tiny ** Value(0.5)
    assert (Value(0.0) ** Value(0.5)).data == 0.0
    assert (0.0 ** Value(0.5)).data == 0.0


def test_operands_that_are_not_numbers_name_the_operator() -> None:
    for op, expression in [
        ("+", lambda v: v + "a"),
        ("-", lambda v: v - "a"),
        ("-", lambda v: "a" - v),
        ("*", lambda v: v * "a"),
        ("/", lambda v: v / "a"),
        ("/", lambda v: "a" / v),
        ("**", lambda v: v ** "a"),
        ("** (as the base)", lambda v: "a" ** v),
    ]:
        with raises(ArgumentTypeError, f"the operand of Value {op} {NOT_A_REAL}"):
            expression(Value(1.0))


class _ArrayLike:
    """What Value takes for a numpy array: it has __array_ufunc__ and is not a Real."""

    __array_ufunc__ = None


def test_an_array_operand_is_left_to_the_array_and_pow_says_so() -> None:
    for method in ("__add__", "__sub__", "__rsub__", "__mul__", "__truediv__", "__rtruediv__"):
        assert getattr(Value(1.0), method)(_ArrayLike()) is NotImplemented, method
    assert Value(1.0).__pow__(_ArrayLike()) is NotImplemented
    assert Value(1.0).__rpow__(_ArrayLike()) is NotImplemented
    with raises(
        ArgumentTypeError,
        "pow() needs a real number or a Value as the exponent, but got _ArrayLike; for an "
        "array, raise each Value in turn",
    ):
        Value(1.0).pow(_ArrayLike())  # type: ignore[arg-type]


def test_data_set_to_a_non_number_is_named_by_the_next_operation() -> None:
    message = (
        "a Value's .data was set to {shown} (a {kind}), but a Value holds real numbers: assign a "
        "float, e.g. value.data = 0.0"
    )
    for bad, kind in ((None, "NoneType"), ("s", "str")):
        shown = repr(bad)
        for expression in (
            lambda v: v + 1.0,
            lambda v: Value(1.0) + v,
            lambda v: v - 1.0,
            lambda v: 1.0 - v,
            lambda v: v * 2.0,
            lambda v: v / 2.0,
            lambda v: 2.0 / v,
            lambda v: v**2.0,
            lambda v: v.exp(),
            lambda v: v.relu(),
            lambda v: -v,
        ):
            with raises(ArgumentTypeError, message.format(shown=shown, kind=kind)):
                expression(with_data(bad))


@pytest.mark.parametrize(
    "name",
    [
        *("exp", "log", "log1p", "sqrt", "sin", "cos", "tan", "sinh", "cosh", "tanh"),
        *("sigmoid", "softplus", "abs", "atan", "asin", "acos", "erf"),
    ],
)
def test_a_method_on_a_nan_value_names_itself(name: str) -> None:
    with raises(
        InvalidArgumentError,
        f"{name}(Value(nan)): the value is not a finite number (was .data set to NaN or inf, or "
        "did an optimiser diverge?); use a finite number",
    ):
        getattr(with_data(math.nan), name)()


def test_relu_of_nan_and_of_inf() -> None:
    with raises(InvalidArgumentError, "relu(Value(nan)): the value is not a number"):
        with_data(math.nan).relu()
    with raises(InvalidArgumentError, "relu(Value(inf)): the value is not finite"):
        with_data(math.inf).relu()
    assert with_data(-math.inf).relu().data == 0.0  # torch's relu(-inf) = 0


def test_backward_names_where_a_gradient_overflows() -> None:
    x = Value(1.0)
    y = x * 1e300
    with raises(
        NumericalError,
        "backward(): a gradient overflows a float at an input of '*' (1e+300 * 10000000000.0); "
        "scale the loss or the inputs down (a smaller learning rate often keeps them small)",
    ):
        y.backward(1e10)
    # Each path finite, their sum not:
    x = Value(1.0)
    s = x * 1e300 + x * 1e300
    with raises(
        NumericalError,
        "backward(): the gradient of a value (Value(data=1.0, grad=inf)) is not finite: the sum "
        "of the gradients reaching it overflows a float, or its grad was not finite before "
        "backward() (call zero_grad() first); scale the loss or the inputs down",
    ):
        s.backward(1e8)
    # An intermediate value whose gradient overflows is named the same way.
    x = Value(1.0)
    m = x * 1.0
    s = m * 1e300 + m * 1e300
    with pytest.raises(
        NumericalError,
        match=r"^backward\(\): the gradient of a value \(Value\(data=1\.0, grad=inf\)\)",
    ):
        (s * 1.0).backward(1e8)
    # A derivative that overflows on its own is named by its operation and point.
    with raises(
        NumericalError,
        "backward(): the derivative of '/' at 1e-300 overflows a float (-inf); keep the inputs "
        "of '/' away from 0 or scale them",
    ):
        (1.0 / Value(1e-300)).backward()


def test_backward_gradient_argument() -> None:
    x = Value(3.0)
    y = x * 2.0
    y.backward(3)  # any real number
    assert (x.grad, y.grad) == (6.0, 3.0)
    with raises(
        InvalidArgumentError,
        "backward(gradient) must be a finite number, but got nan; NaN and infinity cannot be "
        "differentiated through: check where it came from",
    ):
        y.backward(math.nan)
    with raises(
        InvalidArgumentError,
        "Value(data) must be a finite number, but got inf; NaN and infinity cannot be "
        "differentiated through: check where it came from",
    ):
        Value(math.inf)
    assert Value(3).data == 3.0
    assert type(Value(3).data) is float


def test_backward_on_a_leaf_adds_the_gradient() -> None:
    x = Value(2.0)
    x.backward()
    x.backward(2.5)
    assert x.grad == 3.5


def test_a_leafs_grad_set_to_a_non_number_is_named() -> None:
    x = Value(1.0)
    y = x * 2.0
    x.grad = "q"  # type: ignore[assignment]
    with raises(
        ArgumentTypeError,
        "a Value's .grad was set to 'q' (a str), but a Value holds real numbers: assign a float, "
        "e.g. value.grad = 0.0",
    ):
        y.backward()


def test_a_division_by_an_infinite_or_nan_divisor_is_refused() -> None:
    # 1 / inf is a finite 0, yet an infinite operand is refused like in every other operation.
    for expression, shown in [
        (lambda: Value(1.0) / math.inf, "Value(1.0) / inf"),
        (lambda: Value(1.0) / -math.inf, "Value(1.0) / -inf"),
        (lambda: Value(1.0) / with_data(math.inf), "Value(1.0) / inf"),
        (lambda: Value(1.0) / math.nan, "Value(1.0) / nan"),
        (lambda: 1.0 / with_data(math.inf), "1.0 / Value(inf)"),
        (lambda: 1.0 / with_data(math.nan), "1.0 / Value(nan)"),
    ]:
        with raises(InvalidArgumentError, f"{shown}: {NOT_FINITE_OPERAND}"):
            expression()


def test_neg_and_pow_of_a_nan_value_name_themselves() -> None:
    for name, expression in [
        ("neg", lambda v: -v),
        ("pow", lambda v: v**2.0),
        ("pow", lambda v: v ** Value(2.0)),
        ("pow", lambda v: 2.0**v),
    ]:
        with raises(
            InvalidArgumentError,
            f"{name}(Value(nan)): the value is not a finite number (was .data set to NaN or inf, "
            "or did an optimiser diverge?); use a finite number",
        ):
            expression(with_data(math.nan))


class _Sub(Value):
    """A subclass of Value, which the operators take by their second path (not type Value)."""

    __slots__ = ()


class _Reflected(Value):
    """A subclass that overrides its reflected operators, so Python calls them first.

    Their ``other`` is then the Value on the left, which they take as a number.
    """

    __slots__ = ()

    def __rsub__(self, other: float) -> Value:
        return super().__rsub__(other)

    def __rtruediv__(self, other: float) -> Value:
        return super().__rtruediv__(other)

    def __rpow__(self, other: float) -> Value:
        return super().__rpow__(other)


def test_a_divisor_or_dividend_whose_data_is_not_a_number_is_named() -> None:
    message = (
        "a Value's .data was set to 's' (a str), but a Value holds real numbers: assign a float, "
        "e.g. value.data = 0.0"
    )
    with raises(ArgumentTypeError, message):
        Value(1.0) / with_data("s")
    with raises(ArgumentTypeError, message):
        with_data("s") / _Reflected(2.0)  # its __rtruediv__ runs, with the Value as `other`
    assert (Value(1.0) / _Reflected(2.0)).data == 0.5


def test_relu_of_a_negative_value_is_a_node_of_the_graph() -> None:
    x = Value(-2.0)
    y = x.relu()
    assert (y.data, y.op, y.inputs) == (0.0, "relu", (x,))
    z = y * 3.0
    z.backward()
    z.backward()  # an intermediate's grad is rewritten each pass, a leaf's would add up
    assert (y.grad, x.grad) == (3.0, 0.0)


class _Odd(float):
    """A real number whose comparison fails with its own TypeError."""

    def __gt__(self, other: object) -> bool:
        raise TypeError("odd comparison")


def test_an_error_of_the_users_own_number_passes_through_relu_unchanged() -> None:
    v = Value(1.0)
    v.data = _Odd(2.0)
    with pytest.raises(TypeError, match=r"^odd comparison$"):
        v.relu()


def test_a_checked_function_names_itself_and_its_point() -> None:
    with raises(
        NumericalError,
        "exp(1000.0) overflows a float (it is larger than about 1.8e308); use a smaller "
        "argument, or work with logarithms (e.g. log-sum-exp)",
    ):
        Value(1000.0).exp()
    with raises(
        DomainError,
        "log(-1.0) is undefined: log needs a point > 0; move the point inside the domain",
    ):
        Value(-1.0).log()


def test_backward_finds_the_edge_to_the_second_input_of_an_operation() -> None:
    x = Value(1e-300)
    y = Value(1.0) / x  # d y / d x = -1e300 / 1e-300 overflows; x is the second input
    with raises(
        NumericalError,
        "backward(): the derivative of '/' at 1e-300 overflows a float (-inf); keep the inputs "
        "of '/' away from 0 or scale them",
    ):
        y.backward()


def test_a_subtrahend_whose_data_is_not_a_number_is_named() -> None:
    with raises(
        ArgumentTypeError,
        "a Value's .data was set to 's' (a str), but a Value holds real numbers: assign a float, "
        "e.g. value.data = 0.0",
    ):
        with_data("s") - _Reflected(2.0)  # its __rsub__ runs, with the Value as `other`
    assert (Value(1.0) - _Reflected(2.0)).data == -1.0


def test_a_value_subclass_operand_gets_its_gradient() -> None:
    # type(other) is not Value for a subclass, so each operator's second path builds its node.
    for op, expression, slopes in [
        ("+", lambda a, b: a + b, (1.0, 1.0)),
        ("-", lambda a, b: a - b, (1.0, -1.0)),
        ("*", lambda a, b: a * b, (-0.5, 3.0)),
        ("/", lambda a, b: a / b, (1.0 / -0.5, -(3.0 / -0.5) / -0.5)),
        ("**", lambda a, b: a**b, (-0.5 * 3.0**-1.5, 3.0**-0.5 * math.log(3.0))),
    ]:
        a, b = Value(3.0), _Sub(-0.5)
        out = expression(a, b)
        assert (out.op, out.inputs) == (op, (a, b)), op
        out.backward()
        assert (a.grad, b.grad) == slopes, op


def test_a_subclass_operand_whose_data_is_none_is_named() -> None:
    b = _Sub(1.0)
    b.data = None  # type: ignore[assignment]
    for expression in (lambda: Value(1.0) + b, lambda: Value(1.0) * b, lambda: Value(1.0) ** b):
        with raises(
            ArgumentTypeError,
            "a Value's .data was set to None (a NoneType), but a Value holds real numbers: "
            "assign a float, e.g. value.data = 0.0",
        ):
            expression()


def test_a_non_finite_float_operand_or_a_nan_value_on_the_left_is_named() -> None:
    for expression, shown in [
        (lambda: Value(1.0) + math.nan, "Value(1.0) + nan"),
        (lambda: Value(1.0) - math.nan, "Value(1.0) - nan"),
        (lambda: Value(1.0) - math.inf, "Value(1.0) - inf"),
        (lambda: Value(1.0) * math.inf, "Value(1.0) * inf"),
        (lambda: with_data(math.nan) - Value(1.0), "Value(nan) - Value(1.0)"),
    ]:
        with raises(InvalidArgumentError, f"{shown}: {NOT_FINITE_OPERAND}"):
            expression()


def test_a_right_operand_whose_data_is_not_a_number_is_named() -> None:
    message = (
        "a Value's .data was set to 's' (a str), but a Value holds real numbers: assign a float, "
        "e.g. value.data = 0.0"
    )
    for expression in (
        lambda v: Value(1.0) - v,
        lambda v: Value(1.0) * v,
        lambda v: Value(1.0) ** v,
    ):
        with raises(ArgumentTypeError, message):
            expression(with_data("s"))
    with raises(
        ArgumentTypeError,
        "a Value's .data was set to None (a NoneType), but a Value holds real numbers: assign a "
        "float, e.g. value.data = 0.0",
    ):
        with_data(None) ** _Reflected(2.0)  # its __rpow__ runs, with the Value as `other`


def test_a_nan_right_value_of_a_sum_or_product_is_named() -> None:
    with raises(InvalidArgumentError, f"Value(2.0) * Value(nan): {NOT_FINITE_OPERAND}"):
        Value(2.0) * with_data(math.nan)
    with raises(InvalidArgumentError, f"Value(2.0) + Value(nan): {NOT_FINITE_OPERAND}"):
        Value(2.0) + with_data(math.nan)


def test_a_real_number_set_by_hand_as_data_works_in_every_method() -> None:
    # .data is unchecked; an int or Fraction put there is still a real number.
    assert with_data(3).exp().data == math.exp(3)
    assert with_data(Fraction(1, 2)).sin().data == math.sin(0.5)
    assert (-with_data(3)).data == -3


class _Grad(float):
    """A real number whose sums stay of its type (as a numpy float64 does)."""

    def __add__(self, other: object) -> _Grad:
        return _Grad(float(self) + float(other))  # type: ignore[arg-type]

    __radd__ = __add__


class _Box:
    """A grad that is not a number but adds like one, so only backward's last check sees it."""

    def __init__(self, value: float) -> None:
        self.value = value

    def __add__(self, other: float) -> _Box:
        return _Box(self.value + other)

    __radd__ = __add__

    def __repr__(self) -> str:
        return f"_Box({self.value})"


class _FailingAdd(float):
    """A real number whose addition fails with its own TypeError."""

    def __add__(self, other: object) -> float:
        raise TypeError("failing add")


def test_backward_checks_each_leafs_grad_after_the_pass() -> None:
    x = Value(2.0)
    x.grad = _Grad(1.0)  # a real number of another type is fine
    (x * 3.0).backward()
    assert x.grad == 4.0
    # A grad that is not a number, though it adds like one, is named.
    x = Value(2.0)
    y = x * 1.0
    x.grad = _Box(0.0)  # type: ignore[assignment]
    with raises(
        ArgumentTypeError,
        "a Value's .grad was set to _Box(1.0) (a _Box), but a Value holds real numbers: assign "
        "a float, e.g. value.grad = 0.0",
    ):
        y.backward()


def test_a_users_type_error_inside_backward_passes_through() -> None:
    x = Value(2.0)
    x.grad = _FailingAdd(0.0)
    with pytest.raises(TypeError, match=r"^failing add$"):
        (x * 3.0).backward()


def test_a_refused_backward_leaves_the_infinite_slope_with_its_sign() -> None:
    # backward() says the gradients are then partly updated: they hold the infinite
    # slope itself, -inf for acos at 1 and +inf for asin at 1.
    for name, expected in (("acos", -math.inf), ("asin", math.inf)):
        x = Value(1.0)
        with pytest.raises(DomainError):
            getattr(x, name)().backward()
        assert x.grad == expected, name
