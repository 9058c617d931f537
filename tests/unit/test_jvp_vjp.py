"""jvp and vjp: torch.func's answers, finite differences, the Jacobian, and their shapes.

torch.func.jvp and torch.func.vjp were recorded by
tests/torch_reference/record_torch.py (tests/data/torch_products.json) for the
functions of FUNCTIONS, written here with calcweb's functions; finite
differences written here are the second, independent oracle.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hostile_calls import PASSED_THROUGH, REFUSED, outcome, reader

import calcweb as cw
from calcweb import (
    MLP,
    ArgumentTypeError,
    DomainError,
    InvalidArgumentError,
    NumericalError,
    Value,
    jacobian,
    jvp,
    vjp,
)

DATA = json.loads(
    (Path(__file__).resolve().parents[1] / "data" / "torch_products.json").read_text("utf-8")
)
EPS = sys.float_info.epsilon
W = [[0.5, -1.0, 0.25], [2.0, 0.1, -0.7]]
B = [0.1, -0.2]

# The functions of record_torch.PRODUCT_FUNCTIONS, with calcweb's functions.
FUNCTIONS: dict[str, Callable[[Any], Any]] = {
    "polynomial": lambda x: [x[0] * x[1] + x[2] ** 2, x[0] - 3.0 * x[1] * x[2]],
    "trigonometric": lambda x: [cw.sin(x[0]) * cw.cos(x[1]), cw.tanh(x[0] * x[1] + x[2])],
    "exp_log": lambda x: [cw.exp(x[0]) * cw.log1p(x[1] ** 2), cw.sqrt(x[2] ** 2 + 1.0)],
    "scalar": lambda x: sum(cw.sigmoid(v) * v for v in x),
    "softmax": cw.softmax,
    "log_softmax": cw.log_softmax,
    "layer": lambda x: [
        cw.tanh(sum(w * v for w, v in zip(row, x, strict=True)) + b)
        for row, b in zip(W, B, strict=True)
    ],
    "one_number": lambda x: cw.sin(x) ** 3 * cw.exp(-x),
}


def listed(a: Any) -> list[float]:
    return a if isinstance(a, list) else [a]


def assert_torch_close(ours: Any, theirs: Any, function: str) -> None:
    """Equal for the polynomial, else within 4 eps of max(1, |torch|).

    For sums and products of two terms (the polynomial) forward and reverse
    mode round the same operations in the same order as torch, so the results
    are equal. Elsewhere libm's sin, exp, tanh, ... and torch's vectorised ones
    may differ by an ulp, and the chain rule's products are accumulated in
    another order (a jet multiplies coefficients, torch's autograd multiplies
    local derivatives along the graph): measured worst 1 eps, allowed 4.
    """
    assert type(ours) is type(theirs)  # float for float, list for list: JAX's shapes
    if function == "polynomial":
        assert ours == theirs
        return
    for a, b in zip(listed(ours), listed(theirs), strict=True):
        assert abs(a - b) <= 4 * EPS * max(1.0, abs(b)), (a, b)


def test_the_torch_data_covers_every_function() -> None:
    assert {c["function"] for c in DATA["jvp"]} == set(FUNCTIONS)
    assert {c["function"] for c in DATA["vjp"]} == set(FUNCTIONS)


@pytest.mark.parametrize("case", DATA["jvp"], ids=lambda c: c["function"])
def test_jvp_matches_torch_func_jvp(case: dict[str, Any]) -> None:
    value, tangent = jvp(FUNCTIONS[case["function"]], case["x"], case["v"])
    assert_torch_close(value, case["value"], case["function"])
    assert_torch_close(tangent, case["tangent"], case["function"])


@pytest.mark.parametrize("case", DATA["vjp"], ids=lambda c: c["function"])
def test_vjp_matches_torch_func_vjp(case: dict[str, Any]) -> None:
    value, pullback = vjp(FUNCTIONS[case["function"]], case["x"])
    assert_torch_close(value, case["value"], case["function"])
    assert_torch_close(pullback(case["u"]), case["cotangent"], case["function"])


# ---------------------------------------------------------------- finite differences


def central(g: Callable[[float], float], h: float = 1e-4) -> float:
    """A five-point central difference at 0: error ~ h**4 g^(5) + eps / h."""
    return (g(-2 * h) - 8 * g(-h) + 8 * g(h) - g(2 * h)) / (12 * h)


def moved(x: Any, v: Any, t: float) -> Any:
    if isinstance(x, list):
        return [xi + t * vi for xi, vi in zip(x, v, strict=True)]
    return x + t * v


@pytest.mark.parametrize("case", DATA["jvp"], ids=lambda c: c["function"])
def test_jvp_is_the_derivative_along_v(case: dict[str, Any]) -> None:
    f, x, v = FUNCTIONS[case["function"]], case["x"], case["v"]
    _, tangent = jvp(f, x, v)
    for i, t_i in enumerate(listed(tangent)):

        def along(t: float, i: int = i) -> float:
            return float(listed(f(moved(x, v, t)))[i])

        assert math.isclose(t_i, central(along), rel_tol=1e-8, abs_tol=1e-9)


@pytest.mark.parametrize("case", DATA["vjp"], ids=lambda c: c["function"])
def test_vjp_is_the_gradient_of_u_dot_f(case: dict[str, Any]) -> None:
    f, x, u = FUNCTIONS[case["function"]], case["x"], case["u"]
    _, pullback = vjp(f, x)
    cotangent = listed(pullback(u))
    size = len(x) if isinstance(x, list) else 0
    for j in range(max(size, 1)):
        e_j = [float(k == j) for k in range(size)] if size else 1.0

        def weighted(t: float, e_j: Any = e_j) -> float:
            return math.fsum(
                a * b for a, b in zip(listed(u), listed(f(moved(x, e_j, t))), strict=True)
            )

        assert math.isclose(cotangent[j], central(weighted), rel_tol=1e-8, abs_tol=1e-9)


# ---------------------------------------------------------------- the Jacobian


@pytest.mark.parametrize("name", ["polynomial", "trigonometric", "exp_log", "softmax", "layer"])
def test_jvp_gives_the_columns_and_vjp_the_rows_of_the_jacobian(name: str) -> None:
    f = FUNCTIONS[name]
    size = 4 if name == "softmax" else 3
    x = [0.3, -0.7, 1.1, 0.2][:size]
    matrix = jacobian(f)(x)
    _, pullback = vjp(f, x)
    for j in range(size):
        e = [float(k == j) for k in range(size)]
        column = jvp(f, x, e)[1]
        assert column == pytest.approx([row[j] for row in matrix], rel=1e-14, abs=1e-15)
    for i in range(len(matrix)):
        e = [float(k == i) for k in range(len(matrix))]
        assert pullback(e) == pytest.approx(matrix[i], rel=1e-14, abs=1e-15)


def test_u_dot_jv_equals_ujt_dot_v() -> None:
    f = FUNCTIONS["trigonometric"]
    x, v, u = [0.4, -1.3, 0.8], [1.0, 2.0, -0.5], [0.7, -3.0]
    jv = jvp(f, x, v)[1]
    uj = vjp(f, x)[1](u)
    left = math.fsum(a * b for a, b in zip(u, jv, strict=True))
    right = math.fsum(a * b for a, b in zip(uj, v, strict=True))
    assert math.isclose(left, right, rel_tol=8 * EPS)


# ---------------------------------------------------------------- shapes and cost


def test_shapes_follow_jax() -> None:
    assert jvp(lambda t: t * t, 3.0, 1.0) == (9.0, 6.0)
    assert jvp(lambda p: p[0] * p[1], [2.0, 5.0], [1.0, 0.0]) == (10.0, 5.0)
    assert jvp(lambda p: [p[0], 2 * p[0]], (1.0,), (1.0,)) == ([1.0, 2.0], [1.0, 2.0])
    y, pullback = vjp(lambda t: [t, t * t], 3.0)
    assert y == [3.0, 9.0]
    assert pullback([1.0, 1.0]) == 7.0  # one number in: a number back
    y, pullback = vjp(lambda p: p[0] * p[1], [2.0, 5.0])
    assert (y, pullback(1.0)) == (10.0, [5.0, 2.0])
    y, pullback = vjp(lambda p: (p[0], 7.0), [2.0])  # a tuple out, with a constant
    assert (y, pullback([1.0, 1.0])) == ([2.0, 7.0], [1.0])


class Counted:
    """A function with a count of its calls."""

    def __init__(self, f: Callable[[Any], Any]) -> None:
        self.f, self.calls = f, 0

    def __call__(self, x: Any) -> Any:
        self.calls += 1
        return self.f(x)


def test_one_call_of_f_each_and_a_pullback_reuses_the_graph() -> None:
    f = Counted(lambda p: [cw.exp(p[0]) * p[1], p[1] ** 3])
    jvp(f, [0.5, 2.0], [1.0, -1.0])
    assert f.calls == 1
    f.calls = 0
    _, pullback = vjp(f, [0.5, 2.0])
    first = pullback([1.0, 0.5])
    assert pullback([0.0, 1.0]) == [0.0, 12.0]
    assert pullback([1.0, 0.5]) == first  # again: the same, not accumulated
    assert f.calls == 1


def test_a_pullback_leaves_the_grads_of_a_models_weights_as_it_found_them() -> None:
    model = MLP(3, [4, 2], seed=0)
    model([1.0, 0.0, -1.0])[0].backward()  # type: ignore[index]
    before = [p.grad for p in model.parameters()]
    y, pullback = vjp(model, [0.2, -0.4, 0.9])
    cotangent = pullback([1.0, -2.0])
    assert [p.grad for p in model.parameters()] == before
    # and it is the gradient of y0 - 2 y1 with respect to the input
    x = [Value(0.2), Value(-0.4), Value(0.9)]
    out = model(x)
    (out[0] - 2.0 * out[1]).backward()  # type: ignore[index]
    assert cotangent == [v.grad for v in x]
    assert y == [o.data for o in out]  # type: ignore[union-attr]


def test_repeated_and_identity_outputs_add_up() -> None:
    _, pullback = vjp(lambda p: [p[0], p[0], p[1] * p[0]], [2.0, 3.0])
    assert pullback([1.0, 1.0, 1.0]) == [5.0, 2.0]


def test_reverse_mode_costs_one_backward_pass_whatever_the_number_of_inputs() -> None:
    n = 2000
    f = Counted(lambda p: sum(cw.tanh(v) for v in p))
    _, pullback = vjp(f, [0.001 * i for i in range(n)])
    g = pullback(1.0)
    assert f.calls == 1
    assert g[7] == pytest.approx(1 - math.tanh(0.007) ** 2, rel=1e-15)


# ---------------------------------------------------------------- methods


def test_a_function_of_math_falls_back_to_richardson_as_jacobian_does() -> None:
    def f(p: list[float]) -> list[float]:
        return [math.sin(p[0]) * p[1], math.exp(p[1])]

    x, v = [0.5, 1.5], [1.0, -2.0]
    value, tangent = jvp(f, x, v)
    assert value == f(x)
    expected = [math.cos(0.5) * 1.5 - 2 * math.sin(0.5), -2 * math.exp(1.5)]
    assert tangent == pytest.approx(expected, rel=1e-10)
    y, pullback = vjp(f, x)
    assert y == f(x)
    assert pullback([1.0, 1.0]) == pytest.approx(
        [math.cos(0.5) * 1.5, math.sin(0.5) + math.exp(1.5)], rel=1e-10
    )
    with pytest.raises(ArgumentTypeError, match=r"method='ad' needs f to accept a calcweb\.Jet"):
        jvp(f, x, v, method="ad")
    with pytest.raises(ArgumentTypeError, match=r"calcweb\.nn\.Value"):
        vjp(f, x, method="ad")


@pytest.mark.parametrize("method", ["richardson", "central", "forward", "complex"])
def test_every_method_of_derivative_works(method: str) -> None:
    f = FUNCTIONS["exp_log"]
    x, v = [0.3, 0.6, -0.2], [1.0, 0.5, 2.0]
    exact_value, exact = jvp(f, x, v)
    value, tangent = jvp(f, x, v, method=method)
    assert value == exact_value
    tolerance = 1e-5 if method == "forward" else 1e-8
    assert tangent == pytest.approx(exact, rel=tolerance, abs=tolerance)
    if method == "complex":  # an output constant along a unit vector is real: refused
        return
    _, pullback = vjp(f, x, method=method)
    assert pullback([1.0, -1.0]) == pytest.approx(
        vjp(f, x)[1]([1.0, -1.0]), rel=tolerance, abs=tolerance
    )


def test_a_zero_tangent_gives_zero() -> None:
    assert jvp(lambda p: [math.sin(p[0])], [1.0], [0.0], method="central") == (
        [math.sin(1.0)],
        [0.0],
    )
    assert jvp(lambda p: cw.sin(p[0]), [1.0], [0.0]) == (math.sin(1.0), 0.0)


# ---------------------------------------------------------------- hostile inputs


def square(p: Any) -> Any:
    return p[0] * p[0]


@pytest.mark.parametrize(
    ("call", "error", "needle"),
    [
        (
            lambda: jvp(square, [1.0], [1.0, 2.0]),
            InvalidArgumentError,
            "x has 1 entries but v has 2",
        ),
        (lambda: jvp(square, [1.0, 2.0], 1.0), ArgumentTypeError, "must be a list of 2"),
        (lambda: jvp(lambda t: t, 1.0, [1.0]), ArgumentTypeError, "one number too"),
        (lambda: jvp(square, [math.nan], [1.0]), InvalidArgumentError, "finite"),
        (lambda: jvp(square, [1.0], [math.inf]), InvalidArgumentError, "finite"),
        (lambda: jvp(square, [], []), InvalidArgumentError, "at least one entry"),
        (lambda: jvp(square, "ab", [1.0]), ArgumentTypeError, "sequence of numbers"),
        (lambda: jvp(square, [[1.0]], [[1.0]]), ArgumentTypeError, "flat"),
        (lambda: jvp(3.0, [1.0], [1.0]), ArgumentTypeError, "must be a function"),
        (lambda: jvp(square, [1.0], [1.0], method="exact"), InvalidArgumentError, "method"),
        (lambda: jvp(square, [1.0], [1.0], h=-1.0), InvalidArgumentError, "> 0"),
        (lambda: jvp(lambda p: "y", [1.0], [1.0]), ArgumentTypeError, "str"),
        (lambda: jvp(lambda p: [[p[0]]], [1.0], [1.0]), ArgumentTypeError, "flat list"),
        (lambda: jvp(lambda p: [], [1.0], [1.0]), InvalidArgumentError, "empty"),
        (lambda: jvp(lambda p: {p[0]}, [1.0], [1.0]), ArgumentTypeError, "list of numbers"),
        (lambda: jvp(lambda p, q: p, [1.0], [1.0]), ArgumentTypeError, "could not be called"),
        (lambda: jvp(lambda p: math.inf, [1.0], [1.0]), NumericalError, "not a finite"),
        (lambda: vjp(lambda p: p[0] * 2, [1.0])[1]([1.0]), ArgumentTypeError, "one number too"),
        (lambda: vjp(lambda p: [p[0], p[0]], [1.0])[1](1.0), ArgumentTypeError, "list of 2"),
        (lambda: vjp(lambda p: [p[0], p[0]], [1.0])[1]([1.0]), InvalidArgumentError, "u has 1"),
        (lambda: vjp(lambda p: p[0], [1.0])[1](math.nan), InvalidArgumentError, "finite"),
        (lambda: vjp(square, [1e200])[1](1.0), NumericalError, "overflow"),
        (lambda: vjp(lambda p: cw.Jet([1.0, 2.0]), [1.0]), ArgumentTypeError, "Jet"),
        (lambda: vjp(lambda p: None, [1.0]), ArgumentTypeError, "NoneType"),
        (lambda: vjp(lambda p: math.nan, [1.0]), NumericalError, "not a finite"),
        (lambda: vjp(square, [1.0], method=None), InvalidArgumentError, "method"),
        (lambda: vjp(square, True), ArgumentTypeError, "sequence of numbers"),
    ],
)
def test_hostile_inputs_get_a_calcweb_error_that_says_what_to_do(
    call: Callable[[], object], error: type[Exception], needle: str
) -> None:
    with pytest.raises(error, match=needle):
        call()


class MineError(Exception):
    """The reader's own exception."""


@pytest.mark.parametrize("kind", [MineError, KeyError])
def test_the_readers_exception_passes_through_unchanged(kind: type[Exception]) -> None:
    error = kind("the reader's own")

    def f(p: Any) -> Any:  # noqa: ARG001  (it raises whatever p is)
        raise error

    for run in (lambda: jvp(f, [1.0], [1.0]), lambda: vjp(f, [1.0])):
        with pytest.raises(kind) as caught:
            run()
        assert caught.value is error


def test_the_readers_value_error_is_a_domain_error_naming_the_point() -> None:
    # As `calcweb.derivative` and `grad` do: still a ValueError, the reader's as its cause.
    error = ValueError("the reader's own")

    def f(p: Any) -> Any:  # noqa: ARG001  (it raises whatever p is)
        raise error

    for run in (lambda: jvp(f, [1.0], [1.0]), lambda: vjp(f, [1.0])):
        with pytest.raises(DomainError, match=r"^f\(\[1\.0\]\) raised ValueError") as caught:
            run()
        assert isinstance(caught.value, ValueError)
        assert caught.value.__cause__ is error


def test_numpy_arrays_are_points_tangents_and_cotangents() -> None:
    np = pytest.importorskip("numpy", reason="numpy is an optional oracle (absent in Pyodide)")
    f = FUNCTIONS["polynomial"]
    x, v = [0.5, -1.0, 2.0], [1.0, 1.0, 0.0]
    assert jvp(f, np.array(x), np.array(v, dtype=np.float32)) == jvp(f, x, v)
    assert jvp(lambda t: t * t, np.float64(3.0), np.int64(1)) == (9.0, 6.0)
    _, pullback = vjp(f, np.array(x))
    assert pullback(np.array([1.0, 2.0])) == vjp(f, x)[1]([1.0, 2.0])
    assert jvp(lambda p: np.array([p[0], p[1]]), [1.0, 2.0], [1.0, 0.0])[1] == [1.0, 0.0]


# ---------------------------------------------------------------- every hostile combination

HOSTILE_POINTS: list[object] = [
    [1.0, 2.0], 0.5, [], [math.nan], [math.inf, 1.0], None, "ab", [[1.0]], [1.0, "a"],
    [10**400], True, {1.0: 2.0}, {1.0, 2.0}, (x for x in [1.0]), 1j, [1e308, 1e308],
]  # fmt: skip
FUNCTIONS_OF_A_POINT: list[Callable[..., Any]] = [
    lambda p: p[0] * p[0],
    lambda p: [cw.exp(p[0]), p[0]],
    lambda p: math.sin(p[0]),
    lambda p: p,
    lambda p: "y",
    lambda p: None,
    lambda p: [[p[0]]],
    lambda p: math.nan,
    lambda p: p[0] ** 1000,
    lambda: 1.0,
]


@pytest.mark.parametrize("f", FUNCTIONS_OF_A_POINT)
def test_every_combination_gives_a_result_or_a_calcweb_error(f: Callable[..., Any]) -> None:
    f = reader(f)  # what f raises is the reader's own, to be let through
    for x in HOSTILE_POINTS:
        for v in HOSTILE_POINTS:
            got = outcome(lambda x=x, v=v: jvp(f, x, v))
            assert got is REFUSED or got is PASSED_THROUGH or isinstance(got, tuple)
        result = outcome(lambda x=x: vjp(f, x))
        if isinstance(result, tuple):
            pullback = result[1]
            for u in [*HOSTILE_POINTS, [1.0, 1.0, 1.0]]:
                got = outcome(lambda u=u, pullback=pullback: pullback(u))
                assert got in (REFUSED, PASSED_THROUGH) or isinstance(got, (float, list))


# ---------------------------------------------------------------- through a network


@pytest.mark.parametrize("activation", ["tanh", "sigmoid", "relu", "softplus", "linear"])
def test_forward_and_reverse_mode_agree_on_a_network(activation: str) -> None:
    model = MLP(3, [6, 5, 2], activation=activation, seed=4)
    x, v = [0.3, -0.2, 0.9], [1.0, 0.5, -1.0]
    value, tangent = jvp(model, x, v)
    y, pullback = vjp(model, x)
    assert value == y == [o.data for o in model(x)]  # type: ignore[union-attr]
    rows = [pullback([1.0, 0.0]), pullback([0.0, 1.0])]
    for t, row in zip(tangent, rows, strict=True):
        assert math.isclose(
            t, math.fsum(a * b for a, b in zip(row, v, strict=True)), rel_tol=1e-13, abs_tol=1e-16
        )

    def along(s: float, i: int) -> float:
        out = model(moved(x, v, s))
        return out[i].data  # type: ignore[index]

    for i, t in enumerate(tangent):
        assert math.isclose(t, central(lambda s, i=i: along(s, i)), rel_tol=1e-7, abs_tol=1e-9)
    assert all(p.grad == 0.0 for p in model.parameters())  # jets leave the weights alone


def test_a_neuron_takes_one_jet_and_refuses_jets_mixed_with_values() -> None:
    neuron = cw.Neuron(1, "tanh", seed=0)
    out = neuron(cw.Jet([0.5, 1.0]))
    assert isinstance(out, cw.Jet)
    assert out.coefficients[0] == neuron([0.5]).data
    with pytest.raises(ArgumentTypeError, match="mix Values and Jets"):
        cw.Neuron(2, seed=0)([Value(1.0), cw.Jet([1.0, 1.0])])
