"""Value: the chain rule on any graph, torch's gradient semantics, and clear errors."""

from __future__ import annotations

import math
import sys
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import calcweb
from calcweb import Value, central_difference

# d/dx of each method at x, written independently of calcweb.
METHODS: dict[str, tuple[float, Callable[[float], float]]] = {
    "exp": (0.7, math.exp),
    "log": (0.7, lambda x: 1 / x),
    "log1p": (0.7, lambda x: 1 / (1 + x)),
    "sqrt": (0.7, lambda x: 0.5 / math.sqrt(x)),
    "sin": (0.7, math.cos),
    "cos": (0.7, lambda x: -math.sin(x)),
    "tan": (0.7, lambda x: 1 / math.cos(x) ** 2),
    "sinh": (0.7, math.cosh),
    "cosh": (0.7, math.sinh),
    "tanh": (0.7, lambda x: 1 / math.cosh(x) ** 2),
    "sigmoid": (0.7, lambda x: math.exp(-x) / (1 + math.exp(-x)) ** 2),
    "relu": (0.7, lambda x: 1.0),
    "softplus": (0.7, lambda x: 1 / (1 + math.exp(-x))),
    "abs": (-0.7, lambda x: -1.0),
    "atan": (0.7, lambda x: 1 / (1 + x * x)),
    "asin": (0.7, lambda x: 1 / math.sqrt(1 - x * x)),
    "acos": (0.7, lambda x: -1 / math.sqrt(1 - x * x)),
    "erf": (0.7, lambda x: 2 / math.sqrt(math.pi) * math.exp(-x * x)),
}


@pytest.mark.parametrize("name", sorted(METHODS))
def test_each_method_has_the_textbook_derivative(name: str) -> None:
    x0, derivative = METHODS[name]
    x = Value(x0)
    y = getattr(x, name)()
    y.backward()
    if hasattr(math, name):
        assert y.data == getattr(math, name)(x0)
    assert math.isclose(x.grad, derivative(x0), rel_tol=1e-14)


def test_method_names_match_calcweb_math_functions() -> None:
    # calcweb.functions dispatches sin(x) to x.sin() for objects it does not know.
    names = "exp log tanh sigmoid relu sin cos sqrt tan sinh cosh softplus abs atan log1p erf"
    for name in [*names.split(), "asin", "acos", "pow"]:
        assert callable(getattr(Value, name)), name


def test_arithmetic_with_plain_numbers_on_either_side() -> None:
    x = Value(2.0)
    y = 3 + x - 1 + 2 * x * 4 - 10 / x + 1 / (x + 1) + 2**x + x**3 - (5 - x)
    y.backward()
    expected = 1 + 8 + 10 / 4 - 1 / 9 + 4 * math.log(2) + 12 + 1
    assert math.isclose(x.grad, expected, rel_tol=1e-14)
    assert math.isclose(y.data, 3 + 2 - 1 + 16 - 5 + 1 / 3 + 4 + 8 - 3)


def test_a_value_exponent_gets_its_gradient() -> None:
    a, b = Value(2.0), Value(3.0)
    c = a**b
    c.backward()
    assert (c.data, a.grad) == (8.0, 12.0)
    assert math.isclose(b.grad, 8 * math.log(2), rel_tol=1e-15)


def test_a_value_used_twice_collects_both_paths() -> None:
    x = Value(3.0)
    y = x * x
    z = y + y * x  # x² + x³
    z.backward()
    assert x.grad == 2 * 3 + 3 * 9
    assert y.grad == 1 + 3


# Deeper than the recursion limit, which a recursive topological sort would
# hit; inside Pyodide too, where freeing such a chain used to crash Python
# (tests/unit/test_value_robust.py tests that).
DEPTH = 100_000


def test_a_chain_of_100_000_operations_does_not_hit_the_recursion_limit() -> None:
    assert sys.getrecursionlimit() < DEPTH
    x = Value(1.0)
    y = x
    for _ in range(DEPTH):
        y = y + 0.5
    y.backward()
    assert (x.grad, y.data) == (1.0, 1.0 + DEPTH / 2)


def test_leaf_gradients_accumulate_until_zeroed_like_torch() -> None:
    x, w = Value(2.0), Value(-1.5)
    loss = (x * w).tanh() + w**2
    loss.backward()
    first = (x.grad, w.grad)
    loss.backward()
    assert (x.grad, w.grad) == (2 * first[0], 2 * first[1])
    x.grad = w.grad = 0.0
    loss.backward()
    assert (x.grad, w.grad) == first


def test_backward_resets_intermediate_gradients_each_pass() -> None:
    x = Value(2.0)
    h = x * 3
    out = h * h
    out.backward()
    out.backward()
    assert h.grad == 2 * 6.0  # this pass's value, not accumulated
    assert x.grad == 2 * 36.0


def test_repr_and_slots() -> None:
    x = Value(1.5)
    assert repr(x) == "Value(data=1.5, grad=0.0)"
    with pytest.raises(AttributeError):
        x.label = "w"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("build", "needle"),
    [
        (lambda: Value(0.0).log(), "log"),
        (lambda: Value(-1.0).log(), "log"),
        (lambda: Value(-0.5).sqrt(), "sqrt"),
        (lambda: Value(-1.0).log1p(), "log1p"),
        (lambda: Value(1.5).asin(), "asin"),
        (lambda: Value(-1.5).acos(), "acos"),
        (lambda: Value(-8.0) ** (1 / 3), "real number"),
        (lambda: Value(0.0) ** -1, "divides by zero"),
        (lambda: Value(-2.0) ** Value(2.0), "positive base"),
    ],
)
def test_points_outside_the_domain_raise_domain_error(
    build: Callable[[], Value], needle: str
) -> None:
    with pytest.raises(calcweb.DomainError, match=needle):
        build()


def test_overflow_raises_numerical_error() -> None:
    with pytest.raises(calcweb.NumericalError, match="overflows"):
        Value(1000.0).exp()
    with pytest.raises(calcweb.NumericalError, match="overflows"):
        Value(1e200) ** 2


def test_non_numbers_are_refused() -> None:
    with pytest.raises(calcweb.ArgumentTypeError, match="must be a real number"):
        Value("1.0")  # type: ignore[arg-type]
    with pytest.raises(calcweb.ArgumentTypeError, match="operand of Value \\+"):
        Value(1.0) + "a"  # type: ignore[operator]


def test_edges_follow_torch_conventions() -> None:
    for name in ("relu", "abs"):
        x = Value(0.0)
        getattr(x, name)().backward()
        assert x.grad == 0.0
    x = Value(0.0)
    # torch gives an infinite gradient here; calcweb refuses it, as calcweb.derivative does
    with pytest.raises(calcweb.DomainError, match=r"sqrt is not differentiable at 0\.0"):
        x.sqrt().backward()
    x = Value(0.0)
    (x**2).backward()
    assert x.grad == 0.0


def test_sigmoid_and_softplus_are_stable_far_out() -> None:
    assert Value(-1000.0).sigmoid().data == 0.0
    assert Value(1000.0).sigmoid().data == 1.0
    assert Value(1000.0).softplus().data == 1000.0
    assert Value(-1000.0).softplus().data == 0.0


# ---------------------------------------------------------------- random expressions

UNARY: list[Callable[[Value], Value]] = [
    Value.sin,
    Value.cos,
    Value.tanh,
    Value.sigmoid,
    Value.atan,
    Value.erf,
    Value.softplus,
    lambda v: (v * v + 1).log(),
    lambda v: (v * v + 0.5).sqrt(),
    lambda v: v.tanh().exp(),
    lambda v: (v.sigmoid() * 0.9).asin() + (v.tanh() * 0.5).acos(),
    lambda v: (v.sin() * 0.5).log1p() + v.cos().sinh() + v.sin().cosh() + (v.atan() * 0.5).tan(),
    lambda v: (v.sin() - 2).abs() ** 1.5 + 2 ** v.sin(),  # abs away from its kink
    lambda v: (v * v + 1) ** v.cos(),
    lambda v: -v.sin(),
]
BINARY: list[Callable[[Value, Value], Value]] = [
    lambda a, b: a + b,
    lambda a, b: a - b,
    lambda a, b: a * b,
    lambda a, b: a / (b * b + 1),
    lambda a, b: 3.0 - a * 0.5 + b / 2,
]
Expression = Callable[[Value], Value]


def expressions() -> st.SearchStrategy[Expression]:
    leaf: st.SearchStrategy[Expression] = st.just(lambda v: v)

    def extend(children: st.SearchStrategy[Expression]) -> st.SearchStrategy[Expression]:
        unary = st.tuples(st.sampled_from(UNARY), children).map(
            lambda t: lambda v, f=t[0], g=t[1]: f(g(v))
        )
        binary = st.tuples(st.sampled_from(BINARY), children, children).map(
            lambda t: lambda v, op=t[0], g=t[1], h=t[2]: op(g(v), h(v))
        )
        return unary | binary

    return st.recursive(leaf, extend, max_leaves=8)


@settings(max_examples=60, deadline=None, derandomize=True)  # the same cases in every run
@given(expressions(), st.floats(-2.0, 2.0))
def test_gradients_of_random_expressions_match_central_differences(
    expression: Expression, x0: float
) -> None:
    x = Value(x0)
    y = expression(x)
    y.backward()

    def f(t: float) -> float:
        return expression(Value(t)).data

    h = 1e-5
    estimate = central_difference(f, x0, h)
    # The O(h²) truncation and O(eps/h) rounding of the central quotient,
    # with room for the curvature of nested functions.
    scale = max(1.0, abs(y.data), abs(x.grad))
    assert math.isclose(x.grad, estimate, rel_tol=1e-5, abs_tol=1e-6 * scale)
