"""grad, jacobian, hessian and directional_derivative."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import calcweb
from calcweb import directional_derivative, grad, hessian, jacobian


def rosenbrock(p: Sequence[Any]) -> Any:
    return (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2


def rosenbrock_grad(x: float, y: float) -> list[float]:
    return [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)]


def rosenbrock_hessian(x: float, y: float) -> list[list[float]]:
    return [[2 - 400 * y + 1200 * x * x, -400 * x], [-400 * x, 200.0]]


def test_exact_with_ad() -> None:
    assert grad(rosenbrock)([1.5, -0.5]) == rosenbrock_grad(1.5, -0.5)
    assert hessian(rosenbrock)((1.5, -0.5)) == rosenbrock_hessian(1.5, -0.5)


@pytest.mark.parametrize("method", ["richardson", "central", "complex"])
def test_numerical_methods_agree(method: str) -> None:
    g = grad(rosenbrock, method=method)([1.5, -0.5])
    for ours, exact in zip(g, rosenbrock_grad(1.5, -0.5), strict=True):
        assert ours == pytest.approx(exact, rel=1e-7)


def test_numerical_hessian() -> None:
    def f(p: Sequence[float]) -> float:
        return math.exp(p[0] * p[1]) + math.sin(p[2]) * p[0]

    x = [1.0, 0.5, 0.3]
    exact = hessian(lambda p: calcweb.exp(p[0] * p[1]) + calcweb.sin(p[2]) * p[0])(x)
    numeric = hessian(f)(x)
    for row, exact_row in zip(numeric, exact, strict=True):
        for a, b in zip(row, exact_row, strict=True):
            assert a == pytest.approx(b, rel=1e-7, abs=1e-7)


def test_jacobian_rows_are_outputs() -> None:
    def polar(p: Sequence[Any]) -> list[Any]:
        return [p[0] * calcweb.cos(p[1]), p[0] * calcweb.sin(p[1]), p[0]]

    r, t = 2.0, 0.3
    expected = [
        [math.cos(t), -r * math.sin(t)],
        [math.sin(t), r * math.cos(t)],
        [1.0, 0.0],
    ]
    for method in ("auto", "richardson"):
        matrix = jacobian(polar, method=method)([r, t])
        assert len(matrix) == 3
        for row, exact_row in zip(matrix, expected, strict=True):
            assert row == pytest.approx(exact_row, rel=1e-10, abs=1e-12)


def test_directional_derivative_is_the_gradient_dotted_with_v() -> None:
    v = [0.6, -0.8]
    expected = sum(g * c for g, c in zip(rosenbrock_grad(0.5, 2.0), v, strict=True))
    assert directional_derivative(rosenbrock, [0.5, 2.0], v) == pytest.approx(expected, rel=1e-14)


def test_numpy_arrays_are_accepted() -> None:
    numpy = pytest.importorskip("numpy", reason="numpy is optional (absent in Pyodide)")
    g = grad(rosenbrock)(numpy.array([1.5, -0.5]))
    assert g == rosenbrock_grad(1.5, -0.5)
    assert all(type(v) is float for v in g)


def test_coordinates_of_very_different_sizes() -> None:
    def f(p: Sequence[float]) -> float:
        return p[0] * math.sin(p[1])

    g = grad(f)([1e6, 1e-3])
    assert g[0] == pytest.approx(math.sin(1e-3), rel=1e-9)
    assert g[1] == pytest.approx(1e6 * math.cos(1e-3), rel=1e-9)


def test_bad_arguments() -> None:
    with pytest.raises(calcweb.InvalidArgumentError, match="v has 1"):
        directional_derivative(rosenbrock, [1.0, 2.0], [1.0])
    with pytest.raises(calcweb.ArgumentTypeError, match="sequence of numbers"):
        grad(rosenbrock)(1.0)  # type: ignore[arg-type]
    with pytest.raises(calcweb.InvalidArgumentError, match="empty"):
        grad(rosenbrock)([])
    with pytest.raises(calcweb.InvalidArgumentError, match="method must be"):
        hessian(rosenbrock, method="nope")
    with pytest.raises(calcweb.ArgumentTypeError, match=r"calcweb\.grad"):
        jacobian(rosenbrock)([1.0, 2.0])
    with pytest.raises(calcweb.InvalidArgumentError, match="finite"):
        grad(rosenbrock)([math.nan, 1.0])


@given(
    x=st.lists(st.floats(allow_nan=True, allow_infinity=True), min_size=1, max_size=3),
    method=st.sampled_from(["auto", "richardson", "central"]),
)
@settings(max_examples=100, deadline=None)  # a point of 1e16 walks many steps
def test_arbitrary_points_give_finite_results_or_calcweb_errors(
    x: list[float], method: str
) -> None:
    def f(p: Sequence[Any]) -> Any:
        return calcweb.sin(p[0]) * p[-1] + calcweb.exp(p[0] / 4)

    for compute in (grad(f, method=method), hessian(f, method=method)):
        try:
            result = compute(x)
        except calcweb.CalcwebError:
            continue
        flat = [v for row in result for v in (row if isinstance(row, list) else [row])]
        assert all(math.isfinite(v) for v in flat)


@given(
    x=st.lists(st.floats(allow_nan=True, allow_infinity=True), min_size=2, max_size=2),
    v=st.lists(st.floats(allow_nan=True, allow_infinity=True), min_size=2, max_size=2),
    method=st.sampled_from(["auto", "richardson", "complex"]),
)
@settings(max_examples=100)
def test_directional_derivative_and_jacobian_on_arbitrary_floats(
    x: list[float], v: list[float], method: str
) -> None:
    def f(p: Sequence[Any]) -> list[Any]:
        return [calcweb.sin(p[0]) * p[1], calcweb.exp(p[1] / 8)]

    try:
        value = directional_derivative(lambda p: f(p)[0], x, v, method=method)
        assert math.isfinite(value)
    except calcweb.CalcwebError:
        pass
    try:
        matrix = jacobian(f, method=method)(x)
        assert all(math.isfinite(entry) for row in matrix for entry in row)
    except calcweb.CalcwebError:
        pass


def test_jacobian_with_jets_calls_f_once_per_input() -> None:
    calls = []

    def f(p: Sequence[Any]) -> list[Any]:
        calls.append(p)
        return [p[0] * p[1], calcweb.exp(p[0]), p[1] ** 2]

    assert jacobian(f)([0.0, 3.0]) == [[3.0, 0.0], [1.0, 0.0], [0.0, 6.0]]
    assert len(calls) == 1 + 2  # the output check, then one call per column
    with pytest.raises(calcweb.ArgumentTypeError, match="calcweb's functions"):
        jacobian(lambda p: [math.exp(p[0])], method="ad")([1.0])


@pytest.mark.parametrize("method", ["auto", "ad"])
def test_jacobian_refuses_a_bad_step_as_grad_and_hessian_do(method: str) -> None:
    # The jets never use h, so jacobian(f, h=0)(x) answered [[2.0, 1.0]] (as did h=-1.0,
    # nan and "a") while grad, hessian, jvp and vjp refused the same h.
    def f(p: Sequence[Any]) -> list[Any]:
        return [p[0] * p[1]]

    with pytest.raises(calcweb.InvalidArgumentError, match=re.escape("h must be > 0, but got 0.0")):
        jacobian(f, method=method, h=0.0)
    with pytest.raises(
        calcweb.InvalidArgumentError, match=re.escape("h must be > 0, but got -1.0")
    ):
        jacobian(f, method=method, h=-1.0)
    with pytest.raises(calcweb.InvalidArgumentError, match="finite"):
        jacobian(f, method=method, h=math.nan)
    with pytest.raises(calcweb.ArgumentTypeError, match="h must be a real number"):
        jacobian(f, method=method, h="a")
    assert jacobian(f, method=method, h=1e-3)([1.0, 2.0]) == [[2.0, 1.0]]  # a good h: as before
