"""Figures for other calcweb objects: Taylor polynomials and optimisation results.

These functions only read attributes, so any object with the right ones
works (duck typing): ``TaylorPolynomial.plot()`` and ``OptimizeResult.plot()``
call them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from calcweb.exceptions import InvalidArgumentError
from calcweb.plot._sampling import sample_function
from calcweb.plot.figure import Figure

__all__ = ["compare_paths", "plot_optimization", "plot_taylor"]


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

    Examples:
        >>> import math
        >>> from types import SimpleNamespace
        >>> sine = SimpleNamespace(center=0.0, degree=5, function=math.sin,
        ...                        coefficients=[0.0, 1.0, 0.0, -1 / 6, 0.0, 1 / 120])
        >>> [mark.label for mark in plot_taylor(sine).marks]
        ['f = sin', 'degree 1', 'degree 3', 'degree 5', 'centre x0 = 0']
    """
    center, degree = float(poly.center), int(poly.degree)
    coefficients = list(poly.coefficients)
    f = poly.function
    half = 3.0 * max(1.0, abs(center))
    lo, hi = xlim if xlim is not None else (center - half, center + half)
    chosen = _degrees(coefficients, degree, 4) if degrees is None else sorted(set(degrees))
    if any(not 0 <= k <= degree for k in chosen):
        raise InvalidArgumentError(
            f"degrees must lie between 0 and {degree}, but got {list(chosen)}"
        )
    _, view = sample_function(f, lo, hi)
    ylim = None
    if view is not None:
        pad = max(0.3 * (view[1] - view[0]), 0.5)
        ylim = (view[0] - pad, view[1] + pad)
    name = getattr(f, "__name__", "f")
    name = "f" if name == "<lambda>" else f"f = {name}"
    fig = Figure(
        title
        if title is not None
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


def _window(points: Sequence[Sequence[float]]) -> tuple[tuple[float, float], tuple[float, float]]:
    """A window around the points: their bounding box, padded, never empty."""
    xs = [float(p[0]) for p in points if math.isfinite(p[0]) and math.isfinite(p[1])]
    ys = [float(p[1]) for p in points if math.isfinite(p[0]) and math.isfinite(p[1])]
    if not xs:
        raise InvalidArgumentError("the path has no finite point to plot")
    # A square window (in data units) keeps the contours' shapes true.
    size = max(max(xs) - min(xs), max(ys) - min(ys), 1e-3 * max(1.0, *map(abs, xs + ys)))

    def around(values: list[float]) -> tuple[float, float]:
        middle = 0.5 * (min(values) + max(values))
        return middle - 0.75 * size, middle + 0.75 * size

    return around(xs), around(ys)


def _is_2d(result: Any) -> bool:
    # A run from a number x0 has a path of numbers; from a vector, of lists.
    return bool(result.path) and all(isinstance(p, Sequence) and len(p) == 2 for p in result.path)


def compare_paths(
    results: Sequence[Any],
    labels: Sequence[str] | None = None,
    *,
    title: str = "Descent paths",
    levels: int = 12,
    log_levels: bool = True,
) -> Figure:
    """Several optimisers' paths over one contour map of the first result's function.

    Args:
        results: Results with ``path`` (points [x, y]) and ``function`` (of a list).
        labels: One legend label per result (default "run 1", "run 2", ...).
        title: Title of the figure.
        levels: How many contour levels.
        log_levels: Geometric levels above the minimum (default, suits
            valleys); pass False for evenly spaced ones.

    Returns:
        The `Figure`.
    """
    if not results:
        raise InvalidArgumentError("results is empty; pass one or more optimisation results")
    if not all(_is_2d(r) for r in results):
        raise InvalidArgumentError(
            "compare_paths draws 2-D problems only: every point of every path needs 2 coordinates"
        )
    names = list(labels) if labels is not None else [f"run {i + 1}" for i in range(len(results))]
    if len(names) != len(results):
        raise InvalidArgumentError(
            f"labels must have one label per result: {len(results)} results, {len(names)} labels"
        )
    xlim, ylim = _window([p for r in results for p in r.path])
    f = results[0].function
    fig = Figure(title, xlabel="x₁", ylabel="x₂", xlim=xlim, ylim=ylim)
    fig.add_contour(lambda x, y: f([x, y]), xlim, ylim, levels=levels, log_levels=log_levels)
    for result, name in zip(results, names, strict=True):
        fig.add_path([(float(p[0]), float(p[1])) for p in result.path], label=name)
    return fig


def plot_optimization(result: Any, *, title: str | None = None, log_levels: bool = True) -> Figure:
    """Contour map and path for a 2-D problem, else the loss curve.

    Args:
        result: An optimisation result with ``path``, ``losses``, ``function`` and ``x``.
        title: Title; by default says what is shown.
        log_levels: For 2-D problems, geometric contour levels above the minimum.

    Returns:
        The `Figure`.

    Examples:
        >>> from types import SimpleNamespace
        >>> run = SimpleNamespace(x=[3.0, 4.0, 5.0], path=[[1.0, 2.0, 3.0], [3.0, 4.0, 5.0]],
        ...                       losses=[10.0, 1.0], function=lambda p: sum(t * t for t in p))
        >>> plot_optimization(run).ylabel
        'loss'
    """
    if _is_2d(result):
        return compare_paths(
            [result], ["descent path"], title=title or "Descent path", log_levels=log_levels
        )
    losses = [float(v) for v in result.losses]
    finite = [v for v in losses if math.isfinite(v)]
    # A loss that falls over decades reads best on a log axis.
    ylog = bool(finite) and min(finite) > 0.0 and max(finite) / min(finite) > 100.0
    fig = Figure(title or "Loss during optimisation", xlabel="step", ylabel="loss", ylog=ylog)
    return fig.line(list(range(len(losses))), losses, label="loss")
