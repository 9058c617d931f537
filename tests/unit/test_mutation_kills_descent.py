"""minimize and OptimizeResult on inputs the textbook tests leave out, found by mutation testing.

Every refusal names the argument that was wrong and says how to fix it; a
run's message says at which step and why it stopped, and suggests a tenth
of the learning rate the optimiser used; the defaults are those documented
(SGD, 1000 steps, geometric contour levels).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import partial
from typing import Any

import pytest

import calcweb
from calcweb import Optimizer
from calcweb.nn import Value
from calcweb.optim import SGD, minimize
from calcweb.optim.descent import _first

NAMES = "['adagrad', 'adam', 'adamw', 'rmsprop', 'sgd']"
NOT_A_NAME: Any = 3
NOT_AN_INT: Any = 1.5
NOT_A_START: list[Any] = ["ab", {"a": 1.0}, None]


def refusal(kind: type[Exception], call: Callable[[], object]) -> str:
    """The message of the ``kind`` of error that ``call()`` raises."""
    with pytest.raises(kind) as caught:
        call()
    return str(caught.value)


# ------------------------------------------------------------ refusals


def test_optimizer_refusals_say_what_to_pass() -> None:
    assert refusal(
        calcweb.ArgumentTypeError, lambda: minimize(lambda x: x * x, 1.0, optimizer=Optimizer)
    ) == (
        f"optimizer=Optimizer is the base class; choose one of {NAMES} "
        "or a class such as calcweb.Adam"
    )
    assert refusal(
        calcweb.InvalidArgumentError, lambda: minimize(lambda x: x * x, 1.0, optimizer="newton")
    ) == (
        f"unknown optimizer 'newton'; choose one of {NAMES} or pass an optimiser class such "
        "as calcweb.Adam"
    )
    assert refusal(
        calcweb.ArgumentTypeError, lambda: minimize(lambda x: x * x, 1.0, optimizer=NOT_A_NAME)
    ) == (
        "optimizer must be a name such as 'adam' or an optimiser class such as calcweb.Adam, "
        "but got int 3"
    )


def test_optimizer_names_ignore_case() -> None:
    upper = minimize(lambda x: (x - 1) ** 2, 3.0, optimizer="SGD", lr=0.1, steps=5)
    lower = minimize(lambda x: (x - 1) ** 2, 3.0, lr=0.1, steps=5)
    assert upper.path == lower.path


def test_start_refusals_name_x0() -> None:
    with pytest.raises(calcweb.InvalidArgumentError, match=r"^x0 must be a finite number"):
        minimize(lambda x: x * x, math.nan)
    for start in NOT_A_START:
        assert refusal(calcweb.ArgumentTypeError, partial(minimize, lambda x: x, start)) == (
            "x0 must be a number or a list of numbers (the starting point), but got "
            f"{type(start).__name__} {start!r}"
        )
    assert refusal(calcweb.InvalidArgumentError, lambda: minimize(lambda p: p[0], [])) == (
        "x0 is empty; pass the starting point, a number or a list such as [0.0, 0.0]"
    )


def test_steps_and_tol_refusals() -> None:
    assert (
        refusal(calcweb.ArgumentTypeError, lambda: minimize(lambda x: x * x, 1.0, steps=NOT_AN_INT))
        == "steps must be a whole number >= 0, but got float 1.5"
    )
    assert refusal(
        calcweb.InvalidArgumentError, lambda: minimize(lambda x: x * x, 1.0, steps=1_000_001)
    ) == (
        "steps must be a whole number from 0 to 1,000,000, but got 1000001; a longer run "
        "would take minutes (pass tol to stop once the gradient is small)"
    )
    with pytest.raises(calcweb.ArgumentTypeError, match=r"^tol must be a real number"):
        minimize(lambda x: x * x, 1.0, tol="0.1")  # type: ignore[arg-type]
    assert refusal(
        calcweb.InvalidArgumentError, lambda: minimize(lambda x: x * x, 1.0, tol=-1.0)
    ) == (
        "tol must be >= 0 (a bound on the gradient norm), but got -1.0; pass e.g. "
        "tol=1e-8, or leave it out for the default"
    )


def test_a_function_refusing_values_is_told_how_it_is_called() -> None:
    assert refusal(calcweb.ArgumentTypeError, lambda: minimize(len, 0.0)).endswith(
        "minimize calls f on one Value x, so write f with operators and calcweb's functions "
        "(calcweb.exp(x) or x.exp(), not math.exp(x)) so that calcweb can differentiate it"
    )
    refused = refusal(calcweb.ArgumentTypeError, lambda: minimize(lambda p: len(p[0]), [0.0, 1]))
    assert "minimize calls f on a list of 2 Values p, so" in refused
    # math.exp(x) asks the Value for float(x), which it refuses itself (APIERR).
    assert refusal(calcweb.ArgumentTypeError, lambda: minimize(math.exp, 0.0)).startswith(
        "float(Value(0.0)) (math.exp(x), math.sin(x) and such call it) would drop the graph"
    )


def test_what_f_returns_is_checked() -> None:
    assert (
        refusal(calcweb.NumericalError, lambda: minimize(lambda x: 10**400, 0.0))
        == "f returned an integer too large for a float; scale f down"
    )
    assert refusal(calcweb.NumericalError, lambda: minimize(lambda x: math.inf, 0.0)) == (
        "f returned inf, which is not a finite number; keep x where f is defined and finite"
    )
    assert refusal(calcweb.ArgumentTypeError, lambda: minimize(lambda x: "x", 0.0)) == (
        "f must return a number (a calcweb.Value built from its argument), but returned str 'x'"
    )


def infinite_past(limit: float) -> Any:
    """(x - 3)^2, whose Value says inf beyond ``limit`` (a loss that overflowed unnoticed)."""

    def f(x: Value) -> Value:
        y = (x - 3) ** 2
        if x.data > limit:
            y.data = math.inf
        return y

    return f


def test_a_loss_or_gradient_that_is_not_finite_at_x0_is_refused() -> None:
    assert (
        refusal(calcweb.NumericalError, lambda: minimize(infinite_past(-1.0), 0.0))
        == "f(x0) = inf is not a finite number; start where f is defined"
    )
    assert refusal(
        calcweb.NumericalError,
        lambda: minimize(lambda p: p[0] * 1.5e308 + p[1] * 1.5e308, [0.0, 0.0]),
    ) == (
        "the gradient of f at x0 is not finite (its norm is inf); start where f is differentiable"
    )


# ------------------------------------------------------------ how a run stops


def test_a_loss_that_becomes_infinite_stops_the_run_where_it_did() -> None:
    # x: 0 -> 1.5 -> 2.25 (lr = 0.25, gradient 2 (x - 3)), where the loss is inf.
    result = minimize(infinite_past(2.0), 0.0, lr=0.25)
    assert result.message == (
        "stopped at step 2: the loss is inf; the steps diverged, so try a smaller "
        "learning rate such as lr=0.025"
    )
    assert (result.steps, result.path, result.losses) == (1, [0.0, 1.5], [9.0, 2.25])
    assert result.diverged
    assert not result.converged


def test_a_gradient_that_becomes_infinite_stops_the_run() -> None:
    def f(p: list[Value]) -> Value:
        y = (p[0] - 3) ** 2 + (p[1] - 3) ** 2
        if p[0].data > 2.0:  # gradient 1.5e308 in both coordinates, norm inf
            y = y + (p[0] - p[0].data) * 1.5e308 + (p[1] - p[1].data) * 1.5e308
        return y

    result = minimize(f, [0.0, 0.0], lr=0.25)
    assert result.message == (
        "stopped at step 2: the gradient norm is inf; the steps diverged, so try a smaller "
        "learning rate such as lr=0.025"
    )
    assert result.steps == 2
    assert result.gradient_norm == math.inf


def test_an_error_of_f_after_x0_stops_the_run_at_that_step() -> None:
    result = minimize(lambda x: x * x, 1.0, lr=10.0)  # x = (-19)**k overflows at step 121
    assert result.steps == 120
    assert result.message.startswith("stopped at step 121: evaluating f fails (Value(")
    assert result.message.endswith(
        "overflows a float (its result is beyond about 1.8e308)); the steps diverged, so "
        "try a smaller learning rate such as lr=1"
    )
    assert math.isnan(result.gradient_norm)


def test_a_step_that_fails_stops_the_run_at_the_next_step() -> None:
    result = minimize(lambda x: 1e300 * x, 1.0, lr=1e10)
    assert result.message == (
        "stopped at step 1: the step fails (the SGD step of params[0] overflows: from 1.0 "
        "with gradient 1e+300 it gives -inf); the steps diverged, so try a smaller learning "
        "rate such as lr=1e+09"
    )
    assert (result.steps, result.path) == (0, [1.0])


class Halved(SGD):
    """SGD at half the learning rate it is given."""

    def __init__(self, params: list[Value], lr: float) -> None:
        super().__init__(params, lr=lr / 2)


class Plain(Optimizer):
    """A gradient step with its rate in an attribute not named lr."""

    def __init__(self, params: list[Value], lr: float) -> None:
        super().__init__(params)
        self.rate = lr

    def _update(self, theta: float, grad: float, state: dict[str, float]) -> float:  # noqa: ARG002
        return theta - self.rate * grad


def test_the_suggested_rate_is_a_tenth_of_the_optimisers() -> None:
    result = minimize(lambda x: x * x, 1.0, optimizer=Halved, lr=40.0)
    assert result.message.endswith("try a smaller learning rate such as lr=2")
    result = minimize(lambda x: x * x, 1.0, optimizer=Plain, lr=10.0)  # no .lr: the one given
    assert result.message.endswith("try a smaller learning rate such as lr=1")


def test_a_tolerance_not_reached_says_so() -> None:
    result = minimize(lambda x: (x - 1) ** 2, 3.0, lr=0.1, steps=10, tol=1e-8)
    assert not result.converged
    assert result.steps == 10
    assert result.message == (
        f"took all 10 steps; the gradient norm {4 * 0.8**10:.3g} is still above "
        "tol=1e-08: the loss is still falling; try more steps or a larger learning rate (if "
        "f has no minimum, as x or exp(-x) has none, no number of steps reaches one)"
    )


def test_messages_of_converged_runs() -> None:
    result = minimize(lambda x: (x - 1) ** 2, 3.0, lr=0.1, tol=1e-8)
    assert result.steps == 89  # 4 * 0.8**89 <= 1e-8 < 4 * 0.8**88
    assert result.message == (
        f"converged after 89 steps: the gradient norm {4 * 0.8**89:.3g} is <= tol=1e-08"
    )
    result = minimize(lambda x: (x - 1) ** 2, 3.0, lr=0.1)
    assert result.steps == 1000  # the default
    assert result.tol == 4e-6
    assert result.message.startswith("converged: after 1000 steps the gradient norm ")


def test_zero_steps_evaluate_x0_only() -> None:
    result = minimize(lambda x: (x - 1) ** 2, 3.0, steps=0)
    assert (result.steps, result.path, result.losses) == (0, [3.0], [4.0])
    assert result.gradient_norm == 4.0
    assert result.message == (
        "took all 0 steps; the gradient norm 4 is still above tol=4e-06: try more steps"
    )


# ------------------------------------------------------------ _first and plot


def test_first_keeps_the_first_clause_of_a_message() -> None:
    assert _first(ValueError("log(-1.0) is undefined: x. Move x; or not")) == (
        "log(-1.0) is undefined: x"
    )
    assert _first(ValueError("a; b. c")) == "a"
    assert _first(ValueError(".5 is too big.")) == ".5 is too big"
    assert _first(ValueError("x = 1.5e3. Next")) == "x = 1.5e3"
    assert _first(ValueError("ends with a dot. ")) == "ends with a dot"
    assert _first(ValueError("the matrix X")) == "the matrix X"


def test_plot_passes_title_and_levels_on() -> None:
    def f(p: list[Value]) -> Value:
        return (p[0] - 1) ** 2 + 10 * (p[1] + 1) ** 2

    result = minimize(f, [0.0, 0.0], lr=0.05, steps=30)
    assert result.plot(title="Valley").title == "Valley"
    assert result.plot().title == "Descent path"
    geometric = result.plot()._repr_svg_()
    assert geometric == result.plot(log_levels=True)._repr_svg_()
    assert geometric != result.plot(log_levels=False)._repr_svg_()
    assert re.search(r"<title[^>]*>Descent path</title>", geometric)
