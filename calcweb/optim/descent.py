"""``minimize``: gradient descent on a function, with any of calcweb's optimisers.

The gradient comes from calcweb's own reverse-mode autodiff: ``f`` is called
on `calcweb.nn.Value` objects, and ``backward()`` fills in the
gradient. So ``f`` must be written with operators and calcweb's math (``x.exp()``,
``x.sin()``, or ``calcweb.exp(x)``) rather than ``math.exp``, which only takes floats.

Examples:
    >>> from calcweb.optim import minimize
    >>> result = minimize(lambda x: (x - 3) ** 2, 0.0, lr=0.1, steps=200, tol=1e-8)
    >>> round(result.x, 6), result.converged
    (3.0, True)
    >>> rosenbrock = lambda p: (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2
    >>> result = minimize(rosenbrock, [-1.5, 2.0], optimizer="adam", lr=0.02, steps=3000)
    >>> [round(v, 3) for v in result.x]
    [1.0, 1.0]
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from calcweb._checks import check_callable, check_real
from calcweb.exceptions import (
    ArgumentTypeError,
    DomainError,
    InvalidArgumentError,
    NumericalError,
)
from calcweb.nn.value import Value
from calcweb.optim.optimizers import SGD, Adagrad, Adam, AdamW, Optimizer, RMSprop

__all__ = ["OptimizeResult", "minimize"]

Point = float | list[float]

OPTIMIZERS: dict[str, type[Optimizer]] = {
    "adagrad": Adagrad,
    "adam": Adam,
    "adamw": AdamW,
    "rmsprop": RMSprop,
    "sgd": SGD,
}


@dataclass(repr=False)
class OptimizeResult:
    """What `minimize` found, and the way it went.

    Attributes:
        x: The last point (a float for a function of one number, else a list).
        fun: ``f(x)`` at that point.
        steps: How many optimiser steps led from ``x0`` to ``x``.
        path: Every point visited, from ``x0`` to ``x`` (``steps + 1`` points;
            a point where the loss is not finite is left out).
        losses: ``f`` at each point of ``path``.
        converged: True when the gradient norm fell to ``tol`` or below.
        message: Why the run stopped, in words.
        function: The function that was minimised (for plotting).
        gradient_norm: The norm of the gradient at the last point evaluated.
    """

    x: Point
    fun: float
    steps: int
    path: list[Point] = field(default_factory=list)
    losses: list[float] = field(default_factory=list)
    converged: bool = False
    message: str = ""
    function: Callable[..., Any] | None = None
    gradient_norm: float = math.nan

    def plot(self, **kwargs: Any) -> Any:
        """Draw the descent: the loss per step, or the path over the contours of f.

        Delegates to `calcweb.plot.plot_optimization`.
        """
        plot_module = importlib.import_module("calcweb.plot")
        return plot_module.plot_optimization(self, **kwargs)

    def __repr__(self) -> str:
        return (
            f"OptimizeResult(x={self.x!r}, fun={self.fun!r}, steps={self.steps}, "
            f"converged={self.converged}, message={self.message!r})"
        )


def _optimizer_class(optimizer: str | type[Optimizer]) -> type[Optimizer]:
    if isinstance(optimizer, type) and issubclass(optimizer, Optimizer):
        return optimizer
    if isinstance(optimizer, str) and optimizer.lower() in OPTIMIZERS:
        return OPTIMIZERS[optimizer.lower()]
    raise InvalidArgumentError(
        f"unknown optimizer {optimizer!r}; choose one of {sorted(OPTIMIZERS)} or pass an "
        "optimiser class such as calcweb.Adam"
    )


def _loss(f: Callable[..., Any], params: list[Value], scalar: bool) -> Value:
    try:
        out = f(params[0] if scalar else params)
    except TypeError as error:
        raise ArgumentTypeError(
            f"f could not be evaluated on calcweb Values ({error}); write f with operators "
            "and calcweb's functions (calcweb.exp(x) or x.exp(), not math.exp(x)) so that "
            "calcweb can differentiate it"
        ) from error
    if isinstance(out, Value):
        return out
    if isinstance(out, (int, float)) and not isinstance(out, bool):
        return Value(out)  # f does not depend on x: every gradient is 0
    raise ArgumentTypeError(f"f must return a number, but returned {type(out).__name__} {out!r}")


def _evaluate(
    f: Callable[..., Any], params: list[Value], scalar: bool, opt: Optimizer, *, first: bool
) -> tuple[float, float, str]:
    """The loss and gradient norm at the current point, and what went wrong, if anything.

    At the first point a failure is the reader's to see, so it raises; later
    it means the steps left the region where f is finite, so it stops the run.
    """
    opt.zero_grad()
    try:
        loss = _loss(f, params, scalar)
        loss.backward()
    except (ArithmeticError, DomainError) as error:
        if first:
            raise
        return math.nan, math.nan, str(error)
    norm = math.hypot(*(p.grad for p in params))
    if not math.isfinite(loss.data):
        if first:
            raise NumericalError(
                f"f(x0) = {loss.data!r} is not a finite number; start where f is defined"
            )
        return loss.data, norm, f"the loss is {loss.data!r}"
    if not math.isfinite(norm):
        return loss.data, norm, f"the gradient norm is {norm!r}"
    return loss.data, norm, ""


def _point(params: list[Value], scalar: bool) -> Point:
    return params[0].data if scalar else [p.data for p in params]


def minimize(
    f: Callable[..., Any],
    x0: float | Sequence[float],
    *,
    optimizer: str | type[Optimizer] = "sgd",
    lr: float = 0.01,
    steps: int = 1000,
    tol: float | None = None,
    **hyper: Any,
) -> OptimizeResult:
    """Minimise ``f`` by gradient descent from ``x0``.

    Args:
        f: The function to minimise. With a number ``x0`` it is called as
            ``f(x)`` on one Value; with a list ``x0`` as ``f(p)`` on a list
            of Values, so write ``p[0]``, ``p[1]``, ...
        x0: The starting point: a number, or a list of numbers.
        optimizer: ``"sgd"``, ``"adam"``, ``"adamw"``, ``"rmsprop"``,
            ``"adagrad"``, or an optimiser class.
        lr: Learning rate.
        steps: The largest number of optimiser steps to take.
        tol: Stop, converged, once the gradient norm is <= tol. With None the
            run takes every step and ``converged`` stays False.
        **hyper: Further hyper-parameters of the optimiser, e.g. ``momentum=0.9``.

    Returns:
        An `OptimizeResult`. A loss or gradient that becomes NaN or
        infinite (a diverging run) stops the run with ``converged=False`` and
        a message suggesting a smaller learning rate.

    Examples:
        >>> result = minimize(lambda x: x * x, 1.0, lr=10.0)
        >>> result.converged, result.steps
        (False, 120)
        >>> print(result.message)  # doctest: +NORMALIZE_WHITESPACE
        stopped at step 121: the loss is inf; the steps diverged,
        so try a smaller learning rate such as lr=1
    """
    f = check_callable(f)
    if isinstance(x0, Iterable):  # a list, a tuple or a numpy array
        scalar, start = False, [check_real(v, f"x0[{i}]") for i, v in enumerate(x0)]
    else:
        scalar, start = True, [check_real(x0, "x0")]
    if isinstance(steps, bool) or not isinstance(steps, int) or steps < 0:
        raise InvalidArgumentError(f"steps must be an int >= 0, but got {steps!r}")
    if tol is not None:
        tol = check_real(tol, "tol")
    params = [Value(v) for v in start]
    try:
        # Every concrete optimiser takes lr; the base class does not.
        opt = _optimizer_class(optimizer)(params, lr=lr, **hyper)  # type: ignore[call-arg]
    except TypeError as error:
        raise ArgumentTypeError(
            f"{error}; see the optimiser's documentation for its arguments"
        ) from error

    path: list[Point] = []
    losses: list[float] = []
    converged, message, norm = False, "", math.nan
    for step in range(steps + 1):
        loss, norm, problem = _evaluate(f, params, scalar, opt, first=step == 0)
        if math.isfinite(loss):
            path.append(_point(params, scalar))
            losses.append(loss)
        if problem:
            message = (
                f"stopped at step {step}: {problem}; the steps diverged, so try a smaller "
                f"learning rate such as lr={lr / 10:g}"
            )
            break
        if tol is not None and norm <= tol:
            converged = True
            message = (
                f"converged after {step} steps: the gradient norm {norm:.3g} is <= tol={tol:g}"
            )
            break
        if step == steps:
            message = f"took all {steps} steps; the gradient norm is {norm:.3g}"
            if tol is not None:
                message += f", still above tol={tol:g}: try more steps or a larger learning rate"
            break
        opt.step()
    return OptimizeResult(
        x=path[-1],
        fun=losses[-1],
        steps=len(path) - 1,
        path=path,
        losses=losses,
        converged=converged,
        message=message,
        function=f,
        gradient_norm=norm,
    )
