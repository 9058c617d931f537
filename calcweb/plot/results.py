"""Figures of calcweb's results: Taylor polynomials and optimisation runs.

These functions only read attributes, so any object with the right ones
works (duck typing): ``TaylorPolynomial.plot()`` and ``OptimizeResult.plot()``
call them, and this module never imports the modules that define those.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from numbers import Integral
from typing import Any

from calcweb._checks import check_real, checking_arguments
from calcweb.exceptions import ArgumentTypeError, InvalidArgumentError
from calcweb.nn.value import Value
from calcweb.plot._inputs import arity, flag, items, limits, optional_text, reals, text
from calcweb.plot._sampling import sample_function
from calcweb.plot._scales import axis_limits
from calcweb.plot.figure import Figure

__all__ = ["compare_paths", "plot_optimization", "plot_taylor"]

_RUNAWAY = 20.0  # a diverged path is shown until it is this much farther out than its start


def _partial_sum(
    coefficients: Sequence[float], center: float, degree: int
) -> Callable[[float], float]:
    """The Taylor polynomial of ``degree``, evaluated by Horner's rule."""
    kept = [float(c) for c in coefficients[: degree + 1]]

    def p(x: float) -> float:
        total = 0.0
        for c in reversed(kept):
            total = total * (x - center) + c
        return total

    return p


def _degrees(coefficients: Sequence[float], degree: int, count: int) -> list[int]:
    """Up to ``count`` degrees from 1 to ``degree``, spread out, always with ``degree``.

    Degrees that add a zero coefficient draw the same curve as the one below,
    so they are skipped (except the top one).
    """
    useful = [k for k in range(1, degree + 1) if coefficients[k] != 0.0 or k == degree]
    if len(useful) <= count:
        return useful
    picks = {useful[round(i * (len(useful) - 1) / (count - 1))] for i in range(count)}
    return sorted(picks)


def _attribute(thing: object, name: str, needed: str) -> Any:
    """``thing.name``, or an ArgumentTypeError saying what was expected."""
    try:
        return getattr(thing, name)
    except AttributeError as error:
        raise ArgumentTypeError(
            f"{needed}, but got {type(thing).__name__} {thing!r}, which has no {name!r}"
        ) from error


def _polynomial(poly: object) -> tuple[float, int, list[float], Callable[[float], float]]:
    """The centre, degree, coefficients and function of a Taylor polynomial, checked."""
    needed = "plot_taylor needs a TaylorPolynomial, such as calcweb.taylor(calcweb.sin, 0.0, 5)"
    center = check_real(_attribute(poly, "center", needed), "poly.center")
    degree = _attribute(poly, "degree", needed)
    if isinstance(degree, bool) or not isinstance(degree, Integral) or degree < 0:
        raise ArgumentTypeError(f"{needed}; its degree {degree!r} is not a whole number >= 0")
    coefficients = reals(_attribute(poly, "coefficients", needed), "poly.coefficients")
    if len(coefficients) < int(degree) + 1:
        raise InvalidArgumentError(
            f"{needed}; it has {len(coefficients)} coefficients for degree {degree}"
        )
    f = arity(_attribute(poly, "function", needed), 1, "poly.function")
    return center, int(degree), coefficients, f


@checking_arguments
def plot_taylor(
    poly: Any,
    *,
    xlim: tuple[float, float] | None = None,
    degrees: Sequence[int] | None = None,
    title: str | None = None,
) -> Figure:
    """The function, its Taylor polynomials of several degrees, and the centre.

    Args:
        poly: A Taylor polynomial: ``center``, ``degree``, ``coefficients``
            (c_k = f^(k)(x0)/k!) and ``function`` (the original f).
        xlim: ``(lo, hi)`` of x; by default the centre +- 3 (or +- 3|x0|).
        degrees: The degrees to draw; by default up to four up to ``poly.degree``.
        title: Title; by default says which function and centre.

    Returns:
        The `Figure`. The y range is the function's, so the polynomials
        leave the frame where they stop approximating it.

    Raises:
        ArgumentTypeError: If ``poly`` is not a Taylor polynomial, or an
            argument has the wrong type.
        InvalidArgumentError: If ``xlim`` is not a pair lo < hi, or a degree
            is not between 0 and ``poly.degree``.

    Examples:
        >>> import math
        >>> from types import SimpleNamespace
        >>> sine = SimpleNamespace(center=0.0, degree=5, function=math.sin,
        ...                        coefficients=[0.0, 1.0, 0.0, -1 / 6, 0.0, 1 / 120])
        >>> [mark.label for mark in plot_taylor(sine).marks]
        ['f = sin', 'degree 1', 'degree 3', 'degree 5', 'centre x0 = 0']
    """
    center, degree, coefficients, f = _polynomial(poly)
    heading = optional_text(title, "title")
    if xlim is not None:
        lo, hi = limits(xlim, "xlim")
    else:
        half = 3.0 * max(1.0, abs(center))
        lo, hi = axis_limits(center - half, center + half, False, 0.0)
    if degrees is None:
        chosen = _degrees(coefficients, degree, 4)
    else:
        given = items(degrees, "degrees", "whole numbers such as [1, 3, 5]")
        if any(isinstance(k, bool) or not isinstance(k, Integral) for k in given):
            raise ArgumentTypeError(
                f"degrees must be a list of whole numbers such as [1, 3, 5], but got {degrees!r}"
            )
        chosen = sorted({int(k) for k in given})
        if any(not 0 <= k <= degree for k in chosen):
            raise InvalidArgumentError(
                f"degrees must lie between 0 and {degree}, but got {list(chosen)}"
            )
    _, view = sample_function(f, lo, hi)
    ylim = None
    if view is not None:
        pad = max(0.3 * (view[1] - view[0]), 0.5)
        ylim = axis_limits(view[0] - pad, view[1] + pad, False, 0.0)
    name = getattr(f, "__name__", "f")
    name = "f" if not isinstance(name, str) or name == "<lambda>" else f"f = {name}"
    fig = Figure(
        heading
        if heading is not None
        else f"Taylor polynomials of {name.removeprefix('f = ')} at x0 = {center:g}",
        xlabel="x",
        ylabel="y",
        ylim=ylim,
    )
    # Wide and solid under the dashed polynomials, so it shows where they hug it.
    fig.add_function(f, lo, hi, label=name, color="currentColor", width=4.0)
    for k in chosen:
        fig.add_function(
            _partial_sum(coefficients, center, k), lo, hi, label=f"degree {k}", dashed=True
        )
    y0 = _partial_sum(coefficients, center, 0)(center)
    return fig.scatter([center], [y0], label=f"centre x0 = {center:g}", color="currentColor")


def _window(
    points: Sequence[tuple[float, float]],
) -> tuple[tuple[float, float], tuple[float, float]]:
    """A window around the points: their bounding box, padded, never empty."""
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    # A square window (in data units) keeps the contours' shapes true.
    size = max(max(xs) - min(xs), max(ys) - min(ys), 1e-3 * max(1.0, *map(abs, xs + ys)))

    def around(values: list[float]) -> tuple[float, float]:
        middle = 0.5 * min(values) + 0.5 * max(values)
        return axis_limits(middle - 0.75 * size, middle + 0.75 * size, False, 0.0)

    return around(xs), around(ys)


def _path(result: object, index: int) -> list[tuple[float, float]] | None:
    """The points of a result's path if every one has two coordinates, else None."""
    path = items(
        _attribute(result, "path", "an optimisation result (from calcweb.minimize) is needed"),
        f"results[{index}].path",
        "points",
    )
    rows = []
    for point in path:
        if isinstance(point, (str, bytes)):
            return None
        try:
            coordinates = reals(point, "a point of the path")
        except ArgumentTypeError:
            return None  # a number, not a point: a run of a function of one number
        if len(coordinates) != 2:
            return None
        rows.append((coordinates[0], coordinates[1]))
    return rows or None


def _shown(path: list[tuple[float, float]], diverged: bool) -> list[tuple[float, float]]:
    """The finite points of a path that its window should hold.

    A diverged run is followed until it leaves the neighbourhood of its start
    (``_RUNAWAY`` times farther out): beyond, the frame clips it.
    """
    finite = [p for p in path if math.isfinite(p[0]) and math.isfinite(p[1])]
    if not diverged or len(finite) <= 2:
        return finite
    reach = _RUNAWAY * max(1.0, *(abs(c) for p in finite[:2] for c in p))
    kept = finite[:2]
    for point in finite[2:]:
        kept.append(point)
        if max(abs(point[0]), abs(point[1])) > reach:
            break
    return kept


def _surface(f: Callable[..., Any], x: float, y: float) -> Callable[[float, float], float]:
    """``f`` of a list [x, y], as a function of two numbers for the contour lines.

    ``minimize`` calls f on Values, so a function written with Value methods
    (``p[0].exp()``) is evaluated on Values here too; others on plain floats.
    """

    def on_floats(u: float, v: float) -> Any:
        return f([u, v])

    def on_values(u: float, v: float) -> Any:
        out = f([Value(u), Value(v)])
        return out.data if isinstance(out, Value) else out

    try:
        on_floats(x, y)
    except (TypeError, AttributeError):
        return on_values
    except (ArithmeticError, ValueError):
        pass  # undefined there: the contour leaves a gap, whatever f takes
    return on_floats


@checking_arguments
def compare_paths(
    results: Sequence[Any],
    labels: Sequence[str] | None = None,
    *,
    title: str = "Descent paths",
    levels: int = 12,
    log_levels: bool = True,
) -> Figure:
    """Several optimisers' paths over one contour map of the first result's function.

    A run that diverged is shown until it runs away from its start, with a
    note where it leaves the window.

    Args:
        results: Results with ``path`` (points [x, y]) and ``function`` (of a list).
        labels: One legend label per result (default "run 1", "run 2", ...).
        title: Title of the figure.
        levels: How many contour levels.
        log_levels: Geometric levels above the minimum (default, suits
            valleys); pass False for evenly spaced ones.

    Returns:
        The `Figure`.

    Raises:
        ArgumentTypeError: If a result has no ``path`` or ``function``, or an
            argument has the wrong type.
        InvalidArgumentError: If there are no results, a path is not 2-D, or
            the labels do not match the results.
    """
    runs = items(results, "results", "optimisation results (from calcweb.minimize)")
    if not runs:
        raise InvalidArgumentError("results is empty; pass one or more optimisation results")
    paths = [_path(run, index) for index, run in enumerate(runs)]
    if any(path is None for path in paths):
        raise InvalidArgumentError(
            "compare_paths draws 2-D problems only: every point of every path needs 2 coordinates"
        )
    if labels is None:
        names = [f"run {i + 1}" for i in range(len(runs))]
    else:
        names = [text(v, f"labels[{i}]") for i, v in enumerate(items(labels, "labels", "str"))]
    if len(names) != len(runs):
        raise InvalidArgumentError(
            f"labels must have one label per result: {len(runs)} results, {len(names)} labels"
        )
    heading = text(title, "title")
    geometric = flag(log_levels, "log_levels")
    f = arity(
        _attribute(runs[0], "function", "an optimisation result (from calcweb.minimize)"),
        1,
        "results[0].function",
        takes="one point, a list [x, y], as minimize calls it",
    )
    diverged = [getattr(run, "diverged", False) is True for run in runs]
    shown = [
        _shown(path, gone) for path, gone in zip(paths, diverged, strict=True) if path is not None
    ]
    if not any(shown):
        raise InvalidArgumentError("the paths have no finite point to plot")
    xlim, ylim = _window([p for points in shown for p in points])
    fig = Figure(heading, xlabel="x₁", ylabel="x₂", xlim=xlim, ylim=ylim)
    fig.add_contour(
        _surface(f, 0.5 * xlim[0] + 0.5 * xlim[1], 0.5 * ylim[0] + 0.5 * ylim[1]),
        xlim,
        ylim,
        levels=levels,
        log_levels=geometric,
    )
    for path, points, gone, name in zip(paths, shown, diverged, names, strict=True):
        # A diverged path is drawn until it runs off: its later steps only
        # zigzag across the window from ever farther away.
        drawn = points if gone else path
        if drawn:
            fig.add_path(drawn, label=name)
        if gone and points:
            fig.annotate("diverges from here", *points[-1])
    return fig


@checking_arguments
def plot_optimization(result: Any, *, title: str | None = None, log_levels: bool = True) -> Figure:
    """Contour map and path for a 2-D problem, else the loss curve.

    A run that diverged is drawn up to its last finite point (the axes fit
    the finite part), with a note saying so.

    Args:
        result: An optimisation result with ``path``, ``losses``, ``function`` and ``x``.
        title: Title; by default says what is shown.
        log_levels: For 2-D problems, geometric contour levels above the minimum.

    Returns:
        The `Figure`.

    Raises:
        ArgumentTypeError: If ``result`` is not an optimisation result.

    Examples:
        >>> from types import SimpleNamespace
        >>> run = SimpleNamespace(x=[3.0, 4.0, 5.0], path=[[1.0, 2.0, 3.0], [3.0, 4.0, 5.0]],
        ...                       losses=[10.0, 1.0], function=lambda p: sum(t * t for t in p))
        >>> plot_optimization(run).ylabel
        'loss'
    """
    heading = optional_text(title, "title")
    if _path(result, 0) is not None:
        return compare_paths(
            [result], ["descent path"], title=heading or "Descent path", log_levels=log_levels
        )
    needed = "an optimisation result (from calcweb.minimize) is needed"
    losses = reals(_attribute(result, "losses", needed), "result.losses")
    finite = [v for v in losses if math.isfinite(v)]
    # A loss that falls (or climbs) over decades reads best on a log axis.
    ylog = bool(finite) and min(finite) > 0.0 and max(finite) / min(finite) > 100.0
    fig = Figure(heading or "Loss during optimisation", xlabel="step", ylabel="loss", ylog=ylog)
    fig.line(list(range(len(losses))), losses, label="loss")
    last = max((i for i, v in enumerate(losses) if math.isfinite(v)), default=None)
    if getattr(result, "diverged", False) is True and last is not None:
        fig.annotate(f"diverged after step {last}", last, losses[last])
    return fig
