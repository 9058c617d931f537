"""minimize: the result object, stopping rules, and failing loudly but gracefully."""

from __future__ import annotations

import math

import pytest

import calcweb
from calcweb import Adam, OptimizeResult, Value, minimize


def test_a_scalar_start_gives_a_scalar_answer_and_a_full_record() -> None:
    result = minimize(lambda x: (x - 3) ** 2, 0.0, lr=0.1, steps=500, tol=1e-9)
    assert isinstance(result, OptimizeResult)
    assert result.converged
    assert math.isclose(result.x, 3.0, abs_tol=1e-9)  # type: ignore[arg-type]
    assert len(result.path) == len(result.losses) == result.steps + 1
    assert result.path[0] == 0.0
    assert result.losses[0] == 9.0
    assert result.fun == result.losses[-1]
    assert result.gradient_norm <= 1e-9
    assert "converged after" in result.message
    assert result.function(2.0) == 1.0  # type: ignore[misc]


def test_sgd_steps_are_the_textbook_update() -> None:
    # x <- x - lr * 2x with lr = 0.25 halves x at every step.
    result = minimize(lambda x: x * x, 8.0, lr=0.25, steps=3)
    assert result.path == [8.0, 4.0, 2.0, 1.0]
    assert not result.converged
    assert result.message.startswith("took all 3 steps")


def test_a_list_start_gives_a_list_answer() -> None:
    result = minimize(lambda p: (p[0] - 1) ** 2 + (p[1] + 2) ** 2, [0.0, 0.0], lr=0.1, steps=300)
    assert [round(v, 9) for v in result.x] == [1.0, -2.0]  # type: ignore[union-attr]
    assert result.path[0] == [0.0, 0.0]


@pytest.mark.parametrize("optimizer", ["sgd", "adam", "adamw", "rmsprop", "adagrad", Adam])
def test_every_optimizer_can_be_chosen(optimizer: object) -> None:
    result = minimize(lambda x: (x - 1) ** 2, 0.0, optimizer=optimizer, lr=0.1, steps=2000)  # type: ignore[arg-type]
    assert abs(result.x - 1.0) < 2e-2  # type: ignore[operator]


def test_hyper_parameters_reach_the_optimizer() -> None:
    plain = minimize(lambda x: x * x, 1.0, lr=0.1, steps=1)
    heavy = minimize(lambda x: x * x, 1.0, lr=0.1, steps=2, momentum=0.9)
    assert plain.x == 0.8
    assert math.isclose(heavy.x, 0.8 - 0.1 * (0.9 * 2.0 + 1.6))  # type: ignore[arg-type]
    with pytest.raises(calcweb.ArgumentTypeError, match="momentun"):
        minimize(lambda x: x * x, 1.0, momentun=0.9)


@pytest.mark.parametrize("f", [lambda x: x * x, lambda x: x**2, lambda x: (x * x).exp()])
def test_a_diverging_run_stops_and_suggests_a_smaller_learning_rate(f: object) -> None:
    result = minimize(f, 1.0, lr=10.0, steps=10_000)  # type: ignore[arg-type]
    assert not result.converged
    assert "smaller learning rate such as lr=1" in result.message
    assert result.steps < 10_000
    assert all(math.isfinite(v) for v in result.losses)
    assert math.isfinite(result.x)  # type: ignore[arg-type]


def test_a_function_written_with_math_gets_a_helpful_error() -> None:
    with pytest.raises(calcweb.ArgumentTypeError, match=r"calcweb.exp\(x\) or x.exp\(\)"):
        minimize(lambda x: math.exp(x), 1.0)  # noqa: PLW0108  math.exp is what a reader might write


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(calcweb.InvalidArgumentError, match="unknown optimizer"):
        minimize(lambda x: x * x, 1.0, optimizer="newton")
    with pytest.raises(calcweb.InvalidArgumentError, match="steps"):
        minimize(lambda x: x * x, 1.0, steps=-1)
    with pytest.raises(calcweb.NumericalError, match="not a finite number"):
        minimize(lambda x: math.inf, 1.0)
    with pytest.raises(calcweb.CalcwebError):  # Value refuses inf itself, or minimize does
        minimize(lambda x: x * math.inf, 1.0)
    with pytest.raises(calcweb.DomainError):
        minimize(lambda x: x.log(), -1.0)
    with pytest.raises(calcweb.ArgumentTypeError, match=r"callable|function"):
        minimize(3.0, 1.0)  # type: ignore[arg-type]


def test_a_constant_function_has_zero_gradient() -> None:
    result = minimize(lambda x: 5.0, 2.0, tol=0.0)
    assert result.converged
    assert (result.x, result.steps) == (2.0, 0)


def test_repr_is_short() -> None:
    result = minimize(lambda x: x * x, 1.0, lr=0.5, steps=1)
    assert repr(result).startswith("OptimizeResult(x=0.0, fun=0.0, steps=1, converged=True")


def test_values_keep_working_with_minimize_after_backward() -> None:
    # f may build its own Values; only the parameters are leaves that matter.
    result = minimize(lambda x: (x - Value(2.0)) ** 2, 0.0, lr=0.5, steps=1)
    assert result.x == 2.0


def test_numpy_arrays_are_accepted_as_the_start() -> None:
    np = pytest.importorskip("numpy", reason="numpy is an optional oracle (absent in Pyodide)")
    result = minimize(lambda p: (p[0] - 1) ** 2 + p[1] ** 2, np.array([0.0, 1.0]), lr=0.5, steps=1)
    assert result.x == [1.0, 0.0]


@pytest.mark.parametrize(
    "f",
    [lambda p: -(p[0] ** 2), lambda p: p[0] ** 3, lambda p: p[0] ** 2 - p[1] ** 2],
    ids=["maximum", "inflection", "saddle"],
)
def test_a_start_at_a_stationary_point_says_it_may_not_be_a_minimum(f):
    # The gradient is 0 at x0, so no step moves: "converged" holds (the gradient norm is
    # within tol) but says nothing of a minimum, and the message must say so.
    result = calcweb.minimize(f, [0.0, 0.0], steps=10)
    assert result.converged
    assert "may be a minimum, a maximum, a saddle or a plateau" in result.message


def test_a_run_that_moved_does_not_warn_of_a_stationary_start():
    result = calcweb.minimize(lambda x: x**2, 1.0, lr=0.1, steps=500)
    assert result.converged
    assert "saddle" not in result.message
