"""One-call figures: `plot_function` and `contour`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from calcweb._checks import checking_arguments
from calcweb.exceptions import InvalidArgumentError
from calcweb.plot._inputs import items, optional_text, text
from calcweb.plot.figure import Figure

__all__ = ["contour", "plot_function"]


@checking_arguments
def plot_function(
    f: Callable[[float], float] | Sequence[Callable[[float], float]],
    a: float,
    b: float,
    *,
    labels: Sequence[str] | None = None,
    title: str | None = None,
    xlabel: str = "x",
    ylabel: str = "y",
    ylim: tuple[float, float] | None = None,
    xlog: bool = False,
    ylog: bool = False,
) -> Figure:
    """Plot one function, or several on shared axes, over ``[a, b]``.

    Sampling follows the curvature of each function; gaps (where it raises or
    is not finite) and poles break the line.

    Args:
        f: A function of one number, or a list of them. An exception a
            function raises, other than ValueError and ArithmeticError (which
            leave a gap), reaches you unchanged.
        a: Left end of the interval.
        b: Right end of the interval.
        labels: Legend labels, one per function (default: the functions' names).
        title: Title of the figure; by default it names the functions.
        xlabel: Label of the x axis.
        ylabel: Label of the y axis.
        ylim: ``(lo, hi)`` to fix the y range.
        xlog: Logarithmic x axis (needs a > 0).
        ylog: Logarithmic y axis.

    Returns:
        The `Figure`; add more to it, or let the cell show it.

    Examples:
        >>> import math
        >>> fig = plot_function([math.sin, math.cos], 0, 6.3, labels=["sin", "cos"])
        >>> [mark.label for mark in fig.marks]
        ['sin', 'cos']
    """
    several = isinstance(f, Iterable) and not callable(f)
    functions = items(f, "f", "functions") if several else [f]
    if not functions:
        raise InvalidArgumentError("f is an empty list; pass a function or a list of functions")
    names: list[str] | None = None
    if labels is not None:
        names = [text(v, f"labels[{i}]") for i, v in enumerate(items(labels, "labels", "str"))]
        if len(names) != len(functions):
            raise InvalidArgumentError(
                f"labels must have one label per function, but got {len(functions)} "
                f"functions and {len(names)} labels"
            )
    heading = optional_text(title, "title")
    fig = Figure(heading or "", xlabel=xlabel, ylabel=ylabel, ylim=ylim, xlog=xlog, ylog=ylog)
    for index, function in enumerate(functions):
        fig.add_function(function, a, b, label=None if names is None else names[index])
    if heading is None:
        shown = names or [f"{m.label}(x)" for m in fig.marks if m.label]
        fig.title = ", ".join(shown) or "y = f(x)"
    return fig


@checking_arguments
def contour(
    f: Callable[[float, float], float],
    xlim: tuple[float, float],
    ylim: tuple[float, float],
    *,
    levels: int | Sequence[float] = 10,
    log_levels: bool = False,
    path: Sequence[Sequence[float]] | None = None,
    title: str = "Contour lines",
    xlabel: str = "x",
    ylabel: str = "y",
    n: int = 48,
) -> Figure:
    """Contour lines of ``f(x, y)``, optionally with a descent path on top.

    Args:
        f: A function of two numbers, ``f(x, y)``.
        xlim: ``(lo, hi)`` of x.
        ylim: ``(lo, hi)`` of y.
        levels: How many levels to choose, or the levels themselves.
        log_levels: Geometric levels above the minimum, for steep valleys.
        path: Points ``(x, y)`` of a descent path, drawn with its direction.
        title: Title of the figure.
        xlabel: Label of the x axis.
        ylabel: Label of the y axis.
        n: Grid points along each axis.

    Returns:
        The `Figure`.

    Examples:
        >>> path = [(1.5, 1.5), (0.6, -0.3), (0.1, 0.0)]
        >>> fig = contour(lambda x, y: x * x + 3 * y * y, (-2, 2), (-2, 2), path=path)
        >>> "contour lines at levels" in fig.to_svg()
        True
    """
    fig = Figure(title, xlabel=xlabel, ylabel=ylabel, xlim=xlim, ylim=ylim)
    fig.add_contour(f, xlim, ylim, levels=levels, log_levels=log_levels, n=n)
    if path is not None:
        fig.add_path(path, label="descent path")
    return fig
