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

import itertools
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from numbers import Integral, Real
from operator import mul
from typing import Any

from calcweb._checks import check_callable, check_real, checking_arguments, outside_domain, shown
from calcweb.exceptions import (
    ArgumentTypeError,
    CalcwebError,
    DomainError,
    InvalidArgumentError,
    NumericalError,
)
from calcweb.nn._kinks import (
    graph_order,
    kinks,
    near_kinks,
    one_sided_slope,
    rises_at_least_as_its_gradient,
)
from calcweb.nn.value import Value
from calcweb.optim.optimizers import SGD, Adagrad, Adam, AdamW, Optimizer, RMSprop
from calcweb.plot.figure import Figure
from calcweb.plot.results import plot_optimization

__all__ = ["OptimizeResult", "minimize"]

Point = float | list[float]

OPTIMIZERS: dict[str, type[Optimizer]] = {
    "adagrad": Adagrad,
    "adam": Adam,
    "adamw": AdamW,
    "rmsprop": RMSprop,
    "sgd": SGD,
}

_PROBE = 2.0**-10
"""How far (times max(1, |x_i|)) minimize moves a coordinate that f's graph does not hold,
to see whether f's value depends on it all the same (through x.data)."""
_NEAR = 2.0**-26
"""A kink nearer x than this, times max(1, |x|), is taken as at x: steps that converge to a
kink from one side stop short of it by less, and where the gradient is within tol f's floats
hardly tell the two points apart (about the square root of the float precision)."""
GTOL = 1e-6
"""The default tolerance of `minimize`, relative to the gradient norm at ``x0`` (if above 1)."""
MAX_STEPS = 1_000_000
"""The most steps `minimize` takes: more would run for minutes in the browser."""


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
        converged: True when the gradient norm at ``x`` is ``tol`` or below:
            ``x`` is then a stationary point of ``f`` to that tolerance
            (usually a minimum); not at a relu's or abs's kink where f falls
            on one side (see `minimize`).
        message: Why the run stopped, in words.
        function: The function that was minimised (for plotting).
        gradient_norm: The norm of the gradient at the last point evaluated.
        tol: The gradient-norm tolerance the run used.
        diverged: True when the run stopped because the loss, the gradient or
            a step stopped being a finite number (or left the domain of ``f``).
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
    tol: float = math.nan
    diverged: bool = False

    @checking_arguments
    def plot(self, *, title: str | None = None, log_levels: bool = True) -> Figure:
        """Draw the descent: the loss per step, or the path over the contours of f.

        A diverged run is drawn up to its last finite point, with a note
        saying where it diverged. Delegates to `calcweb.plot.plot_optimization`.

        Args:
            title: Title of the figure; by default it says what is shown.
            log_levels: For a function of two numbers, geometric contour levels.

        Returns:
            A `calcweb.Figure`.
        """
        return plot_optimization(self, title=title, log_levels=log_levels)

    def __repr__(self) -> str:
        return (
            f"OptimizeResult(x={self.x!r}, fun={self.fun!r}, steps={self.steps}, "
            f"converged={self.converged}, message={self.message!r})"
        )


def _optimizer_class(optimizer: object) -> type[Optimizer]:
    if isinstance(optimizer, type) and issubclass(optimizer, Optimizer):
        if optimizer is Optimizer:
            raise ArgumentTypeError(
                f"optimizer=Optimizer is the base class; choose one of {sorted(OPTIMIZERS)} "
                "or a class such as calcweb.Adam"
            )
        return optimizer
    if isinstance(optimizer, str):
        if optimizer.lower() in OPTIMIZERS:
            return OPTIMIZERS[optimizer.lower()]
        raise InvalidArgumentError(
            f"unknown optimizer {optimizer!r}; choose one of {sorted(OPTIMIZERS)} or pass an "
            "optimiser class such as calcweb.Adam"
        )
    raise ArgumentTypeError(
        f"optimizer must be a name such as 'adam' or an optimiser class such as calcweb.Adam, "
        f"but got {type(optimizer).__name__} {optimizer!r}"
    )


def _start(x0: object) -> tuple[bool, list[float]]:
    """Whether ``x0`` is one number, and its coordinates as floats."""
    if getattr(x0, "ndim", None) == 0 and hasattr(x0, "item"):
        x0 = x0.item()  # a 0-d numpy array is one number
    if not isinstance(x0, bool) and isinstance(x0, Real):
        return True, [check_real(x0, "x0")]
    if isinstance(x0, (str, bytes, Mapping)) or not isinstance(x0, Iterable):
        raise ArgumentTypeError(
            f"x0 must be a number or a list of numbers (the starting point), but got "
            f"{type(x0).__name__} {x0!r}"
        )
    start = [check_real(v, f"x0[{i}]") for i, v in enumerate(x0)]
    if not start:
        raise InvalidArgumentError(
            "x0 is empty; pass the starting point, a number or a list such as [0.0, 0.0]"
        )
    return False, start


def _loss(f: Callable[..., Any], params: list[Value], scalar: bool) -> Value:
    try:
        out = f(params[0] if scalar else params)
    except CalcwebError:
        raise
    except TypeError as error:
        called = "one Value x" if scalar else f"a list of {len(params)} Values p"
        raise ArgumentTypeError(
            f"f could not be evaluated on calcweb Values ({error}); minimize calls f on "
            f"{called}, so write f with operators and calcweb's functions "
            "(calcweb.exp(x) or x.exp(), not math.exp(x)) so that calcweb can differentiate it"
        ) from error
    except (ValueError, ZeroDivisionError) as error:  # f's own (1 / 0, math.sqrt(-1.0))
        at = params[0].data if scalar else [p.data for p in params]
        # Only x0's error reaches the reader: later points' errors stop the run.
        fix = "move x0 into the domain of f"
        raise outside_domain(error, f"f at {shown(at)}", at, fix=fix) from error
    if isinstance(out, Value):
        return out
    if not isinstance(out, bool) and isinstance(out, Real):
        try:
            number = float(out)
        except OverflowError as error:
            raise NumericalError(
                "f returned an integer too large for a float; scale f down"
            ) from error
        if not math.isfinite(number):
            raise NumericalError(
                f"f returned {number!r}, which is not a finite number; keep x where f is "
                "defined and finite"
            )
        return Value(number)  # f does not depend on x: every gradient is 0
    raise ArgumentTypeError(
        f"f must return a number (a calcweb.Value built from its argument), but returned "
        f"{type(out).__name__} {out!r}"
    )


def _evaluate(
    f: Callable[..., Any], params: list[Value], scalar: bool, opt: Optimizer, *, first: bool
) -> tuple[Value | None, float, float, str]:
    """The Value of f, its loss and gradient norm at the current point, and what went wrong.

    At the first point a failure is the reader's to see, so it raises; later
    it means the steps left the region where f is finite, so it stops the run.
    """
    opt.zero_grad()
    try:
        value = _loss(f, params, scalar)
        value.backward()
    except (ArithmeticError, DomainError) as error:
        if first:
            raise
        return None, math.nan, math.nan, f"evaluating f fails ({_first(error)})"
    loss = value
    norm = math.hypot(*(p.grad for p in params))
    if not math.isfinite(loss.data):
        if first:
            raise NumericalError(
                f"f(x0) = {loss.data!r} is not a finite number; start where f is defined"
            )
        return value, loss.data, norm, f"the loss is {loss.data!r}"
    if not math.isfinite(norm):
        if first:
            raise NumericalError(
                f"the gradient of f at x0 is not finite (its norm is {norm!r}); start where "
                "f is differentiable"
            )
        return value, loss.data, norm, f"the gradient norm is {norm!r}"
    if first:
        _require_the_graph(f, value, params, scalar)
    return value, loss.data, norm, ""


def _dropped(
    f: Callable[..., Any], value: Value, params: list[Value], scalar: bool
) -> list[tuple[int, str]]:
    """The coordinates f's result depends on though its graph does not hold them (x.data).

    For each, the evidence: f at x moved along it. A coordinate f ignores
    (its value stays put) has a gradient of 0 indeed, and is not listed.
    """
    held = {id(node) for node in graph_order([value])}
    dropped = []
    for i, p in enumerate(params):
        if id(p) in held:
            continue
        for h in (1.0, -1.0):
            moved = [
                Value(q.data + (h * _PROBE * max(1.0, abs(q.data)) if q is p else 0.0))
                for q in params
            ]
            at = moved[0].data if scalar else [q.data for q in moved]
            try:
                out = _loss(f, moved, scalar).data
            except (ArithmeticError, ValueError, TypeError) as error:  # CalcwebErrors too
                dropped.append((i, f"f({shown(at)}) fails: {_first(error)}"))
                break
            if out != value.data:
                dropped.append((i, f"f({shown(at)}) = {shown(out)}"))
                break
    return dropped


def _names(dropped: list[tuple[int, str]], scalar: bool) -> str:
    return "x" if scalar else " and ".join(f"p[{i}]" for i, _ in dropped)


def _require_the_graph(
    f: Callable[..., Any], value: Value, params: list[Value], scalar: bool
) -> None:
    """Refuse an f whose result at x0 depends on a coordinate not through Values (x.data).

    Its gradient there would read 0 for that coordinate, and the run would
    call x0 a stationary point; torch's backward() refuses such a loss.
    """
    dropped = _dropped(f, value, params, scalar)
    if not dropped:
        return
    name = _names(dropped, scalar)
    first = "x" if scalar else f"p[{dropped[0][0]}]"
    raise ArgumentTypeError(
        f"f's result at x0 ({value.data!r}) changes with {name} ({dropped[0][1]}) but was not "
        f"computed from {name} through calcweb Values, so minimize cannot differentiate it "
        f"(torch's backward() refuses such a loss too); this happens when f uses "
        f"{first}.data or builds a new Value(...) from it: write f with {first} itself, as "
        f"({first} - 1) ** 2, not ({first}.data - 1) ** 2"
    )


def _first(error: Exception) -> str:
    """The first clause of an error's message: what went wrong, without its advice."""
    return str(error).split(";")[0].split(". ")[0].rstrip(".")


def _point(params: list[Value], scalar: bool) -> Point:
    return params[0].data if scalar else [p.data for p in params]


def _steps(steps: object) -> int:
    if isinstance(steps, bool) or not isinstance(steps, Integral):
        raise ArgumentTypeError(
            f"steps must be a whole number >= 0, but got {type(steps).__name__} {steps!r}"
        )
    if not 0 <= int(steps) <= MAX_STEPS:
        raise InvalidArgumentError(
            f"steps must be a whole number from 0 to {MAX_STEPS:,}, but got {steps!r}; a "
            "longer run would take minutes (pass tol to stop once the gradient is small)"
        )
    return int(steps)


def _tolerance(tol: object) -> float | None:
    if tol is None:
        return None
    value = check_real(tol, "tol")
    if value < 0.0:
        raise InvalidArgumentError(
            f"tol must be >= 0 (a bound on the gradient norm), but got {value!r}; pass e.g. "
            "tol=1e-8, or leave it out for the default"
        )
    return value


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

    ``converged`` is True when the gradient norm at the returned ``x`` is at
    most ``tol``: ``x`` is then a stationary point of ``f`` to that tolerance
    (usually a minimum), as with ``scipy.optimize.minimize``'s ``gtol``. A
    gradient within ``tol`` only because it passed through a relu or abs
    exactly at its kink (where ``backward()`` takes the derivative as 0, as
    torch does), or within 2**-26 * max(1, |x|) of it, does not count: for
    one number, f's one-sided slopes there decide; for a list, ``converged``
    stays True only when every such kink is reached by a gradient >= 0 and
    feeds no other (f then rises from x at least as its gradient says). The
    run takes ``steps`` steps, fewer if a ``tol`` you pass is reached first or
    if the loss, the gradient or a step stops being a finite number (the steps
    diverged: ``diverged`` is True).

    Args:
        f: The function to minimise. With a number ``x0`` it is called as
            ``f(x)`` on one Value; with a list ``x0`` as ``f(p)`` on a list
            of Values, so write ``p[0]``, ``p[1]``, ... An exception that ``f``
            raises stops ``minimize``: a ``TypeError``, at any point, as a
            `calcweb.ArgumentTypeError`, and at ``x0`` a ``ValueError`` or
            ``ZeroDivisionError`` as a `calcweb.DomainError` (a
            `calcweb.DivisionByZeroError`), each with ``f``'s own as its
            ``__cause__``; any other reaches you unchanged. At a later point
            a ``ValueError``, ``ZeroDivisionError`` or ``OverflowError`` of
            ``f`` stops the run instead, with ``diverged`` True.
        x0: The starting point: a number, or a list of numbers (a tuple or a
            1-D numpy array too).
        optimizer: ``"sgd"``, ``"adam"``, ``"adamw"``, ``"rmsprop"``,
            ``"adagrad"``, or an optimiser class.
        lr: Learning rate.
        steps: The largest number of optimiser steps to take (at most 1,000,000).
        tol: The gradient-norm tolerance. Given, the run stops, converged, as
            soon as the gradient norm is <= tol. By default (None) the run
            takes every step and ``converged`` tells whether the final
            gradient norm is <= ``1e-6 * max(1, |grad f(x0)|)``: below 1e-6,
            or a million times smaller than at the start when it starts above
            1, so that the test does not depend on how f is scaled. The
            tolerance used is ``result.tol``.
        **hyper: Further hyper-parameters of the optimiser, e.g. ``momentum=0.9``.

    Returns:
        An `OptimizeResult`. A loss or gradient that becomes NaN or
        infinite (a diverging run) stops the run with ``converged=False``,
        ``diverged=True`` and a message suggesting a smaller learning rate.

    Raises:
        ArgumentTypeError: If ``f`` is not callable, cannot take Values, or
            returns something other than a number, or its result at ``x0``
            changes with a coordinate of x that it was not computed from
            through Values (f used ``x.data``, as torch's ``.item()``); or an
            argument has the wrong type.
        InvalidArgumentError: For an unknown optimizer, ``steps < 0``,
            ``tol < 0``, an empty ``x0`` or a bad hyper-parameter, or if ``f``
            returns the Value it returned at the step before, where x has
            moved and that Value depends on x (a cached ``f``: its loss and
            gradient are f's at the earlier point).
        NumericalError: If ``f(x0)`` or its gradient is not finite.
        DomainError: If ``f`` raises a ``ValueError`` or ``ZeroDivisionError``
            at ``x0``.

    Examples:
        >>> result = minimize(lambda x: (x - 1) ** 2, 3.0, lr=0.1)
        >>> result.converged, result.steps, round(result.x, 12), result.tol
        (True, 1000, 1.0, 4e-06)
        >>> minimize(lambda x: (x - 1) ** 2, 3.0, lr=0.1, tol=1e-8).steps  # 4 * 0.8**89 <= 1e-8
        89
        >>> result = minimize(lambda x: x * x, 1.0, lr=10.0)
        >>> result.converged, result.diverged, result.steps
        (False, True, 120)
        >>> print(result.message)
        stopped at step 121: evaluating f fails (... overflows a float ...); the steps
        diverged, so try a smaller learning rate such as lr=1
    """
    f = check_callable(f)
    scalar, start = _start(x0)
    steps = _steps(steps)
    tol = _tolerance(tol)
    params = [Value(v) for v in start]
    opt = _optimizer(_optimizer_class(optimizer), params, lr, hyper)
    run = _descend(f, params, scalar, opt, steps=steps, tol=tol)
    converged = not run.problem and run.norm <= run.limit
    doubt = _doubt(f, run, params, scalar) if converged else ""
    message = _message(run, converged, tol is not None, steps, getattr(opt, "lr", lr), hyper=hyper)
    return OptimizeResult(
        x=run.path[-1],
        fun=run.losses[-1],
        steps=len(run.path) - 1,
        path=run.path,
        losses=run.losses,
        converged=converged and not doubt,
        message=doubt or message,
        function=f,
        gradient_norm=run.norm,
        tol=run.limit,
        diverged=bool(run.problem),
    )


def _optimizer(
    cls: type[Optimizer], params: list[Value], lr: float, hyper: Mapping[str, Any]
) -> Optimizer:
    """The optimiser of ``params``; a TypeError of its arguments as a calcweb error."""
    try:
        # Every concrete optimiser takes lr; the base class does not.
        return cls(params, lr=lr, **hyper)  # type: ignore[call-arg]
    except CalcwebError:
        raise
    except TypeError as error:
        raise ArgumentTypeError(
            f"{error}; see the optimiser's documentation for its arguments"
        ) from error


@dataclass
class _Run:
    """Where a descent went: its points and losses, and where and why it stopped."""

    limit: float  # the gradient-norm tolerance
    path: list[Point] = field(default_factory=list)
    losses: list[float] = field(default_factory=list)
    norm: float = math.nan  # the gradient norm at the last point
    norms: list[float] = field(default_factory=list)  # at each point of ``path``
    problem: str = ""  # why the run stopped early (it diverged), if it did
    at: int = 0  # the step the run stopped at
    value: Value | None = None  # f's Value at the last point evaluated


def _descend(
    f: Callable[..., Any],
    params: list[Value],
    scalar: bool,
    opt: Optimizer,
    *,
    steps: int,
    tol: float | None,
) -> _Run:
    """Take up to ``steps`` steps, stopping early at ``tol`` or where the run diverges."""
    given = tol is not None  # a tolerance the reader chose also stops the run early
    run = _Run(limit=math.inf if tol is None else tol)
    for step in range(steps + 1):
        run.at = step
        previous = run.value
        run.value, loss, run.norm, run.problem = _evaluate(f, params, scalar, opt, first=step == 0)
        if previous is not None and run.value is previous:
            _refuse_a_stale_graph(previous, params, run.path[-1], _point(params, scalar))
        if step == 0 and not given:
            run.limit = GTOL * max(1.0, run.norm)
        if math.isfinite(loss):
            run.path.append(_point(params, scalar))
            run.losses.append(loss)
            run.norms.append(run.norm)
        if run.problem or step == steps or (given and run.norm <= run.limit):
            break
        try:
            opt.step()
        except (NumericalError, DomainError) as error:
            run.at, run.problem = step + 1, f"the step fails ({_first(error)})"  # the next step
            break
    return run


def _refuse_a_stale_graph(value: Value, params: list[Value], before: Point, now: Point) -> None:
    """Refuse the Value f returned at the step before, returned again where x has moved.

    Its loss and gradient are f's at ``before``: a memoised f (``functools.lru_cache``
    keyed on the Values, which minimize updates in place) returns the graph of its
    first call at every step (``sin(x) x`` from 1.0: fun 0.841 = f(1.0) at x = -0.38).
    A parameter itself (``lambda x: x``) is updated in place, so it is x's; a Value
    that holds no parameter is a constant, true at any x.
    """
    if now == before or any(value is p for p in params):
        return
    held = {id(node) for node in graph_order([value])}
    if not any(id(p) in held for p in params):
        return
    raise InvalidArgumentError(
        f"f returned the very Value it returned at x = {shown(before)} again at x = "
        f"{shown(now)}, so its loss ({value.data!r}) and gradient are f's at the earlier "
        "point: minimize updates the same Values in place, and a cached f (functools."
        "lru_cache, or a dict of results keyed on x) returns the graph of its first call; "
        "compute f afresh at each call"
    )


def _never_moved(run: _Run) -> str:
    """A warning when no step moved x: a zero gradient at x0 says nothing of a minimum."""
    if any(point != run.path[0] for point in run.path):
        return ""
    return (
        "; no step moved x from x0, where the gradient is already within tol: x0 is a "
        "stationary point to that tolerance, which may be a minimum, a maximum, a saddle or "
        "a plateau where f is merely nearly flat (sigmoid at 30: gradient 9.4e-14); start "
        "elsewhere to find out"
    )


def _doubt(f: Callable[..., Any], run: _Run, params: list[Value], scalar: bool) -> str:
    """Why a gradient within tol does not make the last x stationary; "" when it does."""
    if run.value is None:
        return ""
    return _dropped_doubt(f, run, run.value, params, scalar) or _kink_doubt(
        run, run.value, params, scalar
    )


def _dropped_doubt(
    f: Callable[..., Any], run: _Run, value: Value, params: list[Value], scalar: bool
) -> str:
    """Why the gradient is unknown where f's value depends on x not through Values."""
    dropped = _dropped(f, value, params, scalar)
    if not dropped:
        return ""
    name = _names(dropped, scalar)
    return (
        f"not converged: the gradient norm {run.norm:.3g} is <= tol={run.limit:.3g}, but at "
        f"x = {shown(run.path[-1])} f's result changes with {name} ({dropped[0][1]}) though "
        f"it was not computed from {name} through calcweb Values (did f use .data or build a "
        f"new Value(...) there?), so its gradient is unknown; write f with the Values themselves"
    )


def _kink_doubt(run: _Run, value: Value, params: list[Value], scalar: bool) -> str:
    """Why a gradient within tol at a relu's or abs's kink does not make x stationary."""
    within = _NEAR * max(1.0, *(abs(p.data) for p in params))
    candidates = near_kinks(value, params, within)
    if not candidates:
        return ""  # the common case, in one pass over the graph
    if rises_at_least_as_its_gradient(value, candidates):
        return ""  # f's slopes from x are at least grad . d >= -tol |d|: stationary to tol
    slopes, met = _axis_slopes(value, params, scalar, within)
    found = {id(node): node for node in [*kinks([value], params), *met]}
    label, steepest = min(slopes.items(), key=lambda item: _or_minus_inf(item[1]))
    if not found or (scalar and not steepest < -run.limit and math.isfinite(steepest)):
        return ""  # no kink at x, or f rises (or is flat) on both sides: x is stationary
    ops = " and ".join(sorted({node.op for node in found.values()}))
    inputs = "1 input of " + ops + " is" if len(found) == 1 else f"{len(found)} inputs of {ops} are"
    said = (
        f"not converged: the gradient norm {run.norm:.3g} is <= tol={run.limit:.3g}, but at "
        f"x = {shown(run.path[-1])}, or within {within:.2g} of it, {inputs} 0: a kink, where "
        f"{ops} has no derivative: backward() takes the slope of the side its input is on, "
        "and 0 where that input is exactly 0 (as torch does); there "
    )
    if steepest < -run.limit:
        said += f"f falls at slope {steepest:.3g} {label}, so x is not a stationary point"
    else:
        said += (
            "f's one-sided slopes along the axes do not show whether f rises in every "
            "direction from x, so x may not be a stationary point"
        )
    return said + f"; start elsewhere (or from a small random init) so that no {ops} input is 0"


def _axis_slopes(
    value: Value, params: list[Value], scalar: bool, within: float
) -> tuple[dict[str, float], list[Value]]:
    """The one-sided slopes of f from x along each axis, both ways, and the kinks they met."""
    slopes, met = {}, []
    for i in range(len(params)):
        for sign, side in ((1.0, "+"), (-1.0, "-")):
            direction = [sign if j == i else 0.0 for j in range(len(params))]
            label = (
                f"to the {'right' if sign > 0 else 'left'} of x"
                if scalar
                else f"along {side}p[{i}]"
            )
            slopes[label], kinked = one_sided_slope(value, params, direction, within)
            met += kinked
    return slopes, met


def _or_minus_inf(slope: float) -> float:
    """A slope to rank by steepness; one that could not be computed ranks first."""
    return -math.inf if math.isnan(slope) else slope


def _message(
    run: _Run, converged: bool, given: bool, steps: int, lr: float, *, hyper: Mapping[str, Any]
) -> str:
    """What `OptimizeResult.message` says of a run."""
    norm, limit, at = run.norm, run.limit, run.at
    if run.problem:
        return (
            f"stopped at step {at}: {run.problem}; the steps diverged, so try a smaller "
            f"learning rate such as lr={lr / 10:g}"
        )
    if converged:
        said = (
            f"converged after {at} steps: the gradient norm {norm:.3g} is <= tol={limit:.3g}"
            if given
            else f"converged: after {at} steps the gradient norm {norm:.3g} is <= tol={limit:.3g}"
        )
        return said + _never_moved(run)
    return (
        f"took all {steps} steps; the gradient norm {norm:.3g} is still above "
        f"tol={limit:.3g}: {_decay_note(hyper)}{_advice(run, lr)}"
    )


def _decay_note(hyper: Mapping[str, Any]) -> str:
    """Weight decay moves the steps' resting point off f's minimum: say so first."""
    decay = hyper.get("weight_decay", 0.0)
    if not decay:
        return ""
    return (
        f"weight_decay={decay:g} pulls x toward 0 at every step, so the steps settle where "
        "f's gradient balances that pull, not at a stationary point of f (leave weight_decay "
        "out to minimise f itself); otherwise, "
    )


_RECENT = 10
"""How many of the last steps `_advice` reads to tell an overshooting run from a slow one."""
_SHRINKING = 0.5
"""Zigzagging steps whose gradient norm falls to this fraction or less over them close in fast."""
_STILL = 0.99
"""Those whose norm keeps this fraction or more did not close in: too large a rate, or a kink."""


def _advice(run: _Run, lr: float) -> str:
    """What to try when the steps ran out: a growing or zigzagging run wants a smaller rate."""
    losses = run.losses
    if len(losses) < 2:
        return "try more steps"
    if losses[-1] > losses[0]:
        return (
            f"the loss grew from {losses[0]:.3g} to {losses[-1]:.3g}, so the steps overshoot; "
            f"try a smaller learning rate such as lr={lr / 10:g}"
        )
    if _zigzags(run.path[-_RECENT:]):
        return _zigzag_advice(run.norms[-_RECENT:])
    if any(b >= a for a, b in itertools.pairwise(losses[-_RECENT:])):
        # Momentum and Adam circle a minimum: the loss bounces, its peaks falling.
        return (
            "the loss stopped falling steadily in the last steps; if it bounces with "
            "falling peaks, try more steps; if its peaks do not fall, a smaller learning "
            "rate (with momentum, also less momentum); if it rests at its rounding floor, "
            "a larger tol"
        )
    return (
        "the loss is still falling; try more steps or a larger learning rate (if f has no "
        "minimum, as x or exp(-x) has none, no number of steps reaches one)"
    )


def _zigzag_advice(norms: list[float]) -> str:
    """What to try when the last steps zigzag, from the gradient norms over them."""
    shrink = norms[-1] / norms[0]
    if shrink <= _SHRINKING:
        # Zigzagging fast inward is what the best rate does on a narrow valley.
        return (
            "the last steps zigzag across a valley, and the gradient norm fell "
            f"{1 / shrink:.3g}-fold over them; try more steps"
        )
    if shrink >= _STILL:
        # Hardly at all: a rate too large for the valley (x**2 at lr=1 flips x to -x),
        # or a kink, where the gradient keeps its size (|x| at 0).
        return (
            "the last steps zigzag (most reverse the one before) and the gradient norm "
            f"did not fall by 1 % ({norms[0]:.3g} to {norms[-1]:.3g}): either "
            "the learning rate is too large for this valley (try a smaller one, with "
            "momentum also less momentum), or f has a kink there (as |x| has at 0), "
            "where the gradient does not shrink and no learning rate meets tol: a "
            "smaller one only brings x nearer the kink"
        )
    # Slowly: the fold is below 2 (a factor 0.96 a step is 1.44).
    return (
        "the last steps zigzag (most reverse the one before), overshooting across a "
        "valley and closing in slowly (the gradient norm went from "
        f"{norms[0]:.3g} to {norms[-1]:.3g} over them); try a smaller "
        "learning rate (with momentum, also less momentum)"
    )


def _zigzags(path: list[Point]) -> bool:
    """Whether most steps along ``path`` point against the step before (overshooting)."""
    points = [[p] if isinstance(p, float) else p for p in path]
    moves = [[b - a for a, b in zip(p, q, strict=True)] for p, q in itertools.pairwise(points)]
    turns = [math.fsum(map(mul, u, v)) < 0.0 for u, v in itertools.pairwise(moves)]
    return sum(turns) * 2 > len(turns)
