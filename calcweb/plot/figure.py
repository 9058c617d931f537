"""The `Figure`: axes, ticks, legend and marks, written as standalone SVG.

A figure collects marks (lines, points, reference lines, tangents, arrows,
notes, contour lines, descent paths) and lays them out only when it is
drawn, so the axes always fit everything added. The SVG has no script, no
style sheet and no external reference; its colours are ``currentColor`` (the
text colour of the page around it, so it follows a light or dark theme) and
an Okabe-Ito palette that a site may override with CSS custom properties
``--calcweb-plot-color-0`` ... ``-5``.
"""

from __future__ import annotations

import hashlib
import math
import os
from collections.abc import Callable, Sequence
from numbers import Integral
from pathlib import Path as FilePath

from calcweb._checks import check_real, checking_arguments, evaluate
from calcweb._derivative import derivative
from calcweb.exceptions import ArgumentTypeError, DomainError, InvalidArgumentError
from calcweb.plot._contour import choose_levels, contour_lines, sample_grid
from calcweb.plot._inputs import (
    arity,
    flag,
    items,
    limits,
    optional_text,
    pair,
    reals,
    text,
    whole,
)
from calcweb.plot._marks import (
    Arrow,
    ContourLines,
    Frame,
    Line,
    Mark,
    Path,
    Points,
    RefLine,
    Tangent,
    Text,
    span,
)
from calcweb.plot._sampling import sample_function
from calcweb.plot._scales import (
    Scale,
    Ticks,
    axis_limits,
    check_limits,
    linear_ticks,
    log_ticks,
)
from calcweb.plot._svg import FG, color, element, fit_text, path_data, text_width

__all__ = ["Figure"]

_FONT = 14.0
_TICK_FONT = 13.0
_TITLE_FONT = 15.0
_LEGEND_ROW = 20.0
_MOST_LEVELS = 200


def _points(xs: object, ys: object) -> list[tuple[float, float]]:
    """Pair xs with ys as floats (None and non-finite values become NaN, a gap)."""
    x, y = reals(xs, "xs"), reals(ys, "ys")
    if len(x) != len(y):
        raise InvalidArgumentError(
            f"xs and ys must have the same length, but have {len(x)} and {len(y)}; "
            "pass one y for every x"
        )
    return list(zip(x, y, strict=True))


def _short(label: str) -> str:
    """A legend label cut so that one entry fits the narrowest figure."""
    return fit_text(label, 24 * 0.6 * _FONT, _FONT)


def _slope(f: Callable[[float], float], x: float) -> float:
    """``derivative(f, x)``; its refusal at a kink says how to draw one side's line."""
    try:
        slope: float = derivative(f, x)
        return slope
    except DomainError as error:  # derivative's advice names a method tangent does not take
        raise type(error)(
            f"{error}; Figure.tangent takes no method: pass "
            "slope=calcweb.derivative(f, x0, method='forward') (or 'backward') to draw the "
            "line of one side"
        ) from error


class Figure:
    """A 2-D figure drawn as standalone SVG: shown inline by Jupyter and live cells.

    Every method that adds something returns the figure, so calls chain and
    the last expression of a cell shows it.

    Args:
        title: Shown above the plot and read out by screen readers.
        xlabel: Label of the x axis.
        ylabel: Label of the y axis.
        xlim: ``(lo, hi)`` to fix the x range; by default it fits the data.
        ylim: ``(lo, hi)`` to fix the y range; by default it fits the data.
        xlog: Logarithmic x axis (values <= 0 are left out).
        ylog: Logarithmic y axis (values <= 0 are left out).
        width: Width of the drawing in SVG units (it scales to its container).
        height: Height of the drawing in SVG units.
        description: Text for screen readers; by default one is written from the contents.

    Examples:
        >>> import math
        >>> fig = Figure("Sine", ylabel="sin x").add_function(math.sin, -3, 3, label="sin")
        >>> svg = fig.to_svg()
        >>> svg.startswith("<svg") and 'role="img"' in svg and "<title" in svg
        True
    """

    @checking_arguments
    def __init__(
        self,
        title: str = "",
        *,
        xlabel: str = "x",
        ylabel: str = "y",
        xlim: tuple[float, float] | None = None,
        ylim: tuple[float, float] | None = None,
        xlog: bool = False,
        ylog: bool = False,
        width: int = 380,
        height: int = 270,
        description: str | None = None,
    ) -> None:
        self.title = text(title, "title")
        self.xlabel = text(xlabel, "xlabel")
        self.ylabel = text(ylabel, "ylabel")
        for name, size, lo in (("width", width, 200), ("height", height, 150)):
            if isinstance(size, bool) or not isinstance(size, int | Integral):
                raise ArgumentTypeError(
                    f"{name} must be a whole number of SVG units, but got "
                    f"{type(size).__name__} {size!r}"
                )
            if not lo <= size <= 2000:
                raise InvalidArgumentError(
                    f"width and height must be whole numbers between 200 and 2000 (150 for "
                    f"height), but got {width!r} x {height!r}; the figure scales to its "
                    "container anyway"
                )
        self.xlog = flag(xlog, "xlog")
        self.ylog = flag(ylog, "ylog")
        self.xlim = None if xlim is None else limits(xlim, "xlim", self.xlog)
        self.ylim = None if ylim is None else limits(ylim, "ylim", self.ylog)
        self.width = int(width)
        self.height = int(height)
        self.description = optional_text(description, "description")
        self.marks: list[Mark] = []
        self._colors = 0

    # ---------------------------------------------------------------- marks

    def _color(self, chosen: object) -> str:
        if chosen is not None:
            if not isinstance(chosen, str) or any(c in chosen for c in "<>\"'&;{}"):
                raise InvalidArgumentError(
                    f"color must be a CSS colour such as '#0072B2', but got {chosen!r}"
                )
            return chosen
        self._colors += 1
        return color(self._colors - 1)

    def _add(self, mark: Mark) -> Figure:
        """Add a prepared mark and return the figure, so calls chain."""
        self.marks.append(mark)
        return self

    @checking_arguments
    def add_function(
        self,
        f: Callable[[float], float],
        a: float,
        b: float,
        *,
        label: str | None = None,
        color: str | None = None,
        dashed: bool = False,
        width: float = 2.0,
    ) -> Figure:
        """Draw ``y = f(x)`` for x in ``[a, b]``, sampled adaptively.

        Where f raises (ValueError, ArithmeticError) or returns NaN or inf the
        line has a gap, and at a pole it is broken rather than joined. Any
        other exception f raises reaches you unchanged.

        Raises:
            ArgumentTypeError: If f is not a function of one number or returns
                something other than a number.
            InvalidArgumentError: If the interval is empty or cannot be drawn.
            DomainError: If f is defined at no sampled point of [a, b].
        """
        arity(f, 1)
        lo, hi = check_real(a, "a"), check_real(b, "b")
        if not lo < hi:
            raise InvalidArgumentError(f"the interval needs a < b, but got a={lo!r}, b={hi!r}")
        if self.xlog and lo <= 0.0:
            raise InvalidArgumentError(f"a must be > 0 on a log x axis, but got {lo!r}")
        check_limits(lo, hi, self.xlog, "the interval (a, b)")
        name = optional_text(label, "label")
        stroke = self._color(color)
        thickness = min(max(check_real(width, "width"), 0.5), 8.0)
        broken = flag(dashed, "dashed")
        pieces, view = sample_function(f, lo, hi, log=self.xlog)
        if view is None:
            raise DomainError(
                f"f could not be evaluated at any point of [{lo:g}, {hi:g}] (it raised or "
                "returned NaN/inf everywhere); choose an interval inside its domain"
            )
        if name is None:
            name = getattr(f, "__name__", None)
            name = name if isinstance(name, str) and name != "<lambda>" else None
        line = Line(pieces, name, stroke, broken, view, kind="function", domain=(lo, hi))
        line.width = thickness
        return self._add(line)

    @checking_arguments
    def line(
        self,
        xs: Sequence[float],
        ys: Sequence[float],
        *,
        label: str | None = None,
        color: str | None = None,
        dashed: bool = False,
    ) -> Figure:
        """Join the points (xs[i], ys[i]) by straight lines; NaN, inf or None leave a gap.

        ``xs`` and ``ys`` may be lists, tuples or 1-D numpy arrays of equal length.
        """
        points = _points(xs, ys)
        name = optional_text(label, "label")
        return self._add(Line([points], name, self._color(color), flag(dashed, "dashed")))

    @checking_arguments
    def scatter(
        self,
        xs: Sequence[float],
        ys: Sequence[float],
        *,
        label: str | None = None,
        color: str | None = None,
    ) -> Figure:
        """Mark the points (xs[i], ys[i]) with dots; a point with NaN, inf or None is left out."""
        points = _points(xs, ys)
        return self._add(Points(points, optional_text(label, "label"), self._color(color)))

    @checking_arguments
    def hline(self, y: float, *, label: str | None = None) -> Figure:
        """A dashed horizontal reference line at ``y``."""
        return self._add(RefLine("y", check_real(y, "y"), optional_text(label, "label")))

    @checking_arguments
    def vline(self, x: float, *, label: str | None = None) -> Figure:
        """A dashed vertical reference line at ``x``."""
        return self._add(RefLine("x", check_real(x, "x"), optional_text(label, "label")))

    @checking_arguments
    def tangent(
        self,
        f: Callable[[float], float],
        x0: float,
        *,
        slope: float | None = None,
        label: str | None = None,
        color: str | None = None,
    ) -> Figure:
        """The tangent line of f at x0, with the point marked.

        The slope is ``calcweb.derivative(f, x0)`` unless given.

        Raises:
            DomainError: If f raises ValueError or ZeroDivisionError at x0
                (x0 lies outside its domain), or has a kink there (its
                one-sided slopes differ: no line is tangent); any other
                exception of f reaches you unchanged.
            NumericalError: If f(x0) is not a finite number, or its
                derivative cannot be found there (as where f jumps).

        At a kink, ``slope=calcweb.derivative(f, x0, method="forward")`` (or
        ``"backward"``) draws the line of one side.
        """
        arity(f, 1)
        x = check_real(x0, "x0")
        name = optional_text(label, "label")
        stroke = self._color(color)
        m = None if slope is None else check_real(slope, "slope")
        y = evaluate(f, x, fix="move x0 into the domain of f")
        m = _slope(f, x) if m is None else m
        return self._add(Tangent(x, y, m, name, stroke))

    @checking_arguments
    def annotate(self, text: str, x: float, y: float) -> Figure:
        """Write ``text`` next to the point (x, y), which is marked with a dot."""
        if not isinstance(text, str):
            raise ArgumentTypeError(
                f"text must be a string, but got {type(text).__name__} {text!r}"
            )
        return self._add(Text(check_real(x, "x"), check_real(y, "y"), text))

    @checking_arguments
    def arrow(
        self, start: Sequence[float], end: Sequence[float], *, color: str | None = None
    ) -> Figure:
        """An arrow from ``start`` to ``end`` (points (x, y)), e.g. a gradient or a step."""
        a, b = pair(start, "start"), pair(end, "end")
        return self._add(Arrow(a, b, FG if color is None else self._color(color)))

    @checking_arguments
    def add_contour(
        self,
        f: Callable[[float, float], float],
        xlim: tuple[float, float],
        ylim: tuple[float, float],
        *,
        levels: int | Sequence[float] = 10,
        log_levels: bool = False,
        n: int = 48,
    ) -> Figure:
        """Contour lines of ``f(x, y)`` over the window ``xlim`` x ``ylim``.

        Where f raises (ValueError, ArithmeticError) or returns NaN or inf
        there are no lines; any other exception f raises reaches you unchanged.

        Args:
            f: A function of two numbers.
            xlim: ``(lo, hi)`` of x.
            ylim: ``(lo, hi)`` of y.
            levels: How many levels to choose (1 to 50), or the levels themselves.
            log_levels: Space the chosen levels geometrically above the
                minimum (for steep valleys such as Rosenbrock's).
            n: Grid points along each axis (10 to 200).
        """
        arity(f, 2)
        xl, yl = limits(xlim, "xlim"), limits(ylim, "ylim")
        size = whole(n, "n", 10, 200)
        geometric = flag(log_levels, "log_levels")
        count: int | None = None
        chosen: list[float] = []
        wanted: object = levels
        if isinstance(wanted, bool):
            raise ArgumentTypeError("levels must be a count or a list of levels, not a bool")
        if isinstance(wanted, Integral):
            count = int(wanted)
            if not 1 <= count <= 50:
                raise InvalidArgumentError(f"levels must be from 1 to 50, but got {levels!r}")
        else:
            given = items(wanted, "levels", "levels (numbers) or a count such as 10")
            if len(given) > _MOST_LEVELS:
                raise InvalidArgumentError(
                    f"levels holds {len(given)} values; at most {_MOST_LEVELS} can be told apart"
                )
            chosen = sorted(check_real(v, f"levels[{i}]") for i, v in enumerate(given))
        xs, ys, grid = sample_grid(f, xl, yl, size)
        if count is not None:
            chosen = choose_levels(grid, count, geometric)
        lines = [(level, contour_lines(xs, ys, grid, level)) for level in chosen]
        if not any(math.isfinite(v) for row in grid for v in row):
            none_because = "f is undefined or not finite at every point of the sampled grid"
        elif count is None:
            none_because = "no levels were given"
        else:
            none_because = "f is constant"
        return self._add(ContourLines(lines, xl, yl, none_because))

    @checking_arguments
    def add_path(
        self,
        points: Sequence[Sequence[float]],
        *,
        label: str | None = None,
        color: str | None = None,
    ) -> Figure:
        """A descent path through 2-D points: start ring, arrows, end dot.

        ``points`` is a list of pairs (x, y), or an n x 2 numpy array; a point
        with NaN or inf leaves a gap.
        """
        given = items(points, "points", "(x, y) pairs")
        pairs = []
        for index, point in enumerate(given):
            coordinates = None if isinstance(point, (str, bytes)) else point
            try:
                both = items(coordinates, f"points[{index}]", "two numbers")
            except ArgumentTypeError:
                both = []
            if len(both) != 2:
                raise InvalidArgumentError(
                    f"points must be a non-empty list of (x, y) pairs, but points[{index}] "
                    f"is {point!r}"
                )
            pairs.append(both)
        if not pairs:
            raise InvalidArgumentError("points must be a non-empty list of (x, y) pairs")
        xy = _points([p[0] for p in pairs], [p[1] for p in pairs])
        return self._add(Path(xy, optional_text(label, "label"), self._color(color)))

    # ---------------------------------------------------------------- output

    def _axis(self, lim: tuple[float, float] | None, log: bool, which: str) -> tuple[float, float]:
        if lim is not None:
            return lim
        extents = [m.extent() for m in self.marks]
        found = span((v for e in extents for v in getattr(e, which)), log)
        tight = which == "x" and any(e.tight for e in extents)
        lo, hi = found if found is not None else (None, None)
        return axis_limits(lo, hi, log, 0.0 if tight else 0.05)

    def _legend_rows(self) -> list[list[tuple[Mark, float]]]:
        rows: list[list[tuple[Mark, float]]] = [[]]
        used = 0.0
        for mark in self.marks:
            if not mark.label or isinstance(mark, (RefLine, Text)):
                continue
            entry = 28 + text_width(_short(mark.label), _FONT) + 16
            if rows[-1] and used + entry > self.width - 20:
                rows.append([])
                used = 0.0
            rows[-1].append((mark, used))
            used += entry
        return [row for row in rows if row]

    def to_svg(self) -> str:
        """The figure as an SVG document (a string); same figure, same bytes."""
        xlo, xhi = self._axis(self.xlim, self.xlog, "x")
        ylo, yhi = self._axis(self.ylim, self.ylog, "y")
        legend = self._legend_rows()
        top = 12.0 + (26.0 if self.title else 0.0)
        bottom = self.height - (
            10.0 + _TICK_FONT + 8 + (_FONT + 8 if self.xlabel else 0) + _LEGEND_ROW * len(legend)
        )
        yticks = self._ticks(
            ylo, yhi, self.ylog, max(2, int((bottom - top) / (2.4 * _TICK_FONT)) + 1)
        )
        label_room = max((text_width(t, _TICK_FONT) for t in yticks.labels), default=0.0)
        left = 10.0 + (_FONT + 8 if self.ylabel else 0) + label_room + 6
        right = self.width - 22.0
        xticks = self._fitting_xticks(xlo, xhi, right - left)
        # A wide last tick label moves the right edge in, so it is not cut off.
        if xticks.values:
            last = Scale(xlo, xhi, left, right, self.xlog)(xticks.values[-1])
            overflow = last + text_width(xticks.labels[-1], _TICK_FONT) / 2 - (self.width - 4)
            if overflow > 0:
                right -= overflow
                xticks = self._fitting_xticks(xlo, xhi, right - left)
        frame = Frame(
            Scale(xlo, xhi, left, right, self.xlog), Scale(ylo, yhi, bottom, top, self.ylog)
        )
        body = self._axes(frame, xticks, yticks)
        told = []
        for mark in self.marks:
            drawn = mark.draw(frame)
            body += drawn
            told.append(mark.told(frame, drawn))
        body += self._legend(legend)
        return self._document("".join(body), told)

    def _ticks(self, lo: float, hi: float, log: bool, count: int) -> Ticks:
        return log_ticks(lo, hi, count) if log else linear_ticks(lo, hi, count)

    def _fitting_xticks(self, lo: float, hi: float, length: float) -> Ticks:
        """As many x ticks as fit with a gap between neighbouring labels."""
        scale = Scale(lo, hi, 0.0, length, self.xlog)
        for count in range(max(2, int(length / 40)), 1, -1):
            ticks = self._ticks(lo, hi, self.xlog, count)
            pixels = [scale(v) for v in ticks.values]
            widths = [text_width(t, _TICK_FONT) for t in ticks.labels]
            gaps = [
                (b - a) - (wa + wb) / 2
                for a, b, wa, wb in zip(pixels, pixels[1:], widths, widths[1:], strict=False)
            ]
            if all(g >= 10 for g in gaps):
                return ticks
        return self._ticks(lo, hi, self.xlog, 2)

    def _axes(self, frame: Frame, xticks: Ticks, yticks: Ticks) -> list[str]:
        left, top, right, bottom = frame.box
        xs = [(frame.x(v), t) for v, t in zip(xticks.values, xticks.labels, strict=True)]
        ys = [(frame.y(v), t) for v, t in zip(yticks.values, yticks.labels, strict=True)]
        grid = [[(x, top), (x, bottom)] for x, _ in xs] + [[(left, y), (right, y)] for y, _ in ys]
        minor = [[(frame.x(v), bottom), (frame.x(v), bottom - 4)] for v in xticks.minor]
        minor += [[(left, frame.y(v)), (left + 4, frame.y(v))] for v in yticks.minor]
        out = [
            element("path", {"d": path_data(grid), "stroke": FG, "stroke-opacity": ".13"}),
            element(
                "rect",
                {
                    "x": left,
                    "y": top,
                    "width": right - left,
                    "height": bottom - top,
                    "fill": "none",
                    "stroke": FG,
                    "stroke-opacity": ".55",
                },
            ),
        ]
        if minor:
            out.append(
                element("path", {"d": path_data(minor), "stroke": FG, "stroke-opacity": ".55"})
            )
        labels = [
            element("text", {"x": x, "y": bottom + 6 + _TICK_FONT, "text-anchor": "middle"}, t)
            for x, t in xs
        ]
        labels += [
            element("text", {"x": left - 6, "y": y + _TICK_FONT * 0.35, "text-anchor": "end"}, t)
            for y, t in ys
        ]
        out.append(
            f'<g fill="{FG}" fill-opacity=".8" font-size="{_TICK_FONT:g}">{"".join(labels)}</g>'
        )
        if self.xlabel:
            y = bottom + 6 + _TICK_FONT + 8 + _FONT
            out.append(
                element(
                    "text",
                    {"x": (left + right) / 2, "y": y, "text-anchor": "middle", "fill": FG},
                    fit_text(self.xlabel, right - left + 40, _FONT),
                )
            )
        if self.ylabel:
            x, y = 10 + _FONT, (top + bottom) / 2
            out.append(
                element(
                    "text",
                    {
                        "x": x,
                        "y": y,
                        "text-anchor": "middle",
                        "fill": FG,
                        "transform": f"rotate(-90 {x:g} {y:g})",
                    },
                    fit_text(self.ylabel, bottom - top + 20, _FONT),
                )
            )
        if self.title:
            out.append(
                element(
                    "text",
                    {
                        "x": self.width / 2,
                        "y": 12 + _TITLE_FONT,
                        "text-anchor": "middle",
                        "fill": FG,
                        "font-size": _TITLE_FONT,
                        "font-weight": "bold",
                    },
                    fit_text(self.title, self.width - 16, _TITLE_FONT),
                )
            )
        return out

    def _legend(self, rows: list[list[tuple[Mark, float]]]) -> list[str]:
        out = []
        y0 = self.height - _LEGEND_ROW * len(rows) - 4
        for r, row in enumerate(rows):
            width = sum(28 + text_width(_short(m.label or ""), _FONT) + 16 for m, _ in row) - 16
            start = max(10.0, (self.width - width) / 2)
            y = y0 + r * _LEGEND_ROW + _LEGEND_ROW / 2
            for mark, offset in row:
                x = start + offset
                if mark.legend_kind == "point":
                    out.append(
                        element(
                            "circle", {"cx": x + 11, "cy": y, "r": 4, "style": f"fill:{mark.color}"}
                        )
                    )
                else:
                    dashed = getattr(mark, "dashed", False)
                    attrs: dict[str, str | float] = {
                        "d": path_data([[(x, y), (x + 22, y)]]),
                        "fill": "none",
                        "style": f"stroke:{mark.color}",
                        "stroke-width": 2.5,
                    }
                    if dashed:
                        attrs["stroke-dasharray"] = "6 4"
                    out.append(element("path", attrs))
                out.append(
                    element(
                        "text",
                        {"x": x + 28, "y": y + _FONT * 0.35, "fill": FG},
                        _short(mark.label or ""),
                    )
                )
        return out

    def _describe(self, told: list[str]) -> str:
        """The figure's <desc>: its axes, and ``told``, what each mark drew."""
        if self.description is not None:
            return self.description

        def axis(name: str, label: str, lo: float, hi: float, log: bool) -> str:
            return f"{name} axis {label or name} from {lo:.4g} to {hi:.4g}" + (
                " (log scale)" if log else ""
            )

        xlo, xhi = self._axis(self.xlim, self.xlog, "x")
        ylo, yhi = self._axis(self.ylim, self.ylog, "y")
        parts = [
            axis("x", self.xlabel, xlo, xhi, self.xlog),
            axis("y", self.ylabel, ylo, yhi, self.ylog),
        ]
        parts += told
        return "; ".join(p for p in parts if p) + "."

    def _document(self, body: str, told: list[str]) -> str:
        # A title or description of only spaces would leave screen readers nothing.
        title = self.title.strip() or "Figure"
        desc = self._describe(told).strip() or "An empty figure."
        # Ids must differ between figures on one page yet stay deterministic.
        seed = (title + desc + body).encode("utf-8", "surrogatepass")  # a label may hold any text
        uid = "calcweb-" + hashlib.sha256(seed).hexdigest()[:10]
        root: dict[str, str | float] = {
            "xmlns": "http://www.w3.org/2000/svg",
            "viewBox": f"0 0 {self.width} {self.height}",
            "width": "100%",
            "role": "img",
            "aria-labelledby": f"{uid}-title {uid}-desc",
            "font-size": _FONT,
            "style": (
                f"max-width:{self.width * 1.4:g}px;height:auto;"
                "color:var(--md-default-fg-color,currentColor);"
                "font-family:var(--md-text-font-family,sans-serif)"
            ),
        }
        opening = element("svg", root)[:-2] + ">"
        head = element("title", {"id": f"{uid}-title"}, title) + element(
            "desc", {"id": f"{uid}-desc"}, desc
        )
        return f"{opening}{head}{body}</svg>"

    def _repr_svg_(self) -> str:
        return self.to_svg()

    def __repr__(self) -> str:
        xlo, xhi = self._axis(self.xlim, self.xlog, "x")
        ylo, yhi = self._axis(self.ylim, self.ylog, "y")
        marks = "; ".join(m.describe() for m in self.marks) or "no marks"
        log = {True: ", log", False: ""}
        return (
            f"<Figure {self.title or 'untitled'!r}: {marks}; x axis {self.xlabel!r} from "
            f"{xlo:.4g} to {xhi:.4g}{log[self.xlog]}, y axis {self.ylabel!r} from {ylo:.4g} "
            f"to {yhi:.4g}{log[self.ylog]}>"
        )

    @checking_arguments
    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the SVG to ``path`` (UTF-8), e.g. ``fig.save("sine.svg")``.

        Raises:
            ArgumentTypeError: If ``path`` is not a string or a path.
            InvalidArgumentError: If ``path`` does not end in ``.svg`` (the
                figure is SVG, and a .png holding SVG would not open), or the
                file cannot be written there.
        """
        name = os.fspath(path) if isinstance(path, (str, os.PathLike)) else None
        if not isinstance(name, str):
            raise ArgumentTypeError(
                f"path must be a file name such as 'figure.svg' (a str or a pathlib.Path), "
                f"but got {type(path).__name__} {path!r}"
            )
        target = FilePath(name)
        if target.suffix.lower() != ".svg":
            raise InvalidArgumentError(
                f"a Figure is saved as SVG, so path must end in .svg, but got {name!r}; write "
                f"fig.save({str(target.with_suffix('.svg')) if target.name else 'figure.svg'!r}) "
                "(a browser opens it, and converts it to PNG by a screenshot or print)"
            )
        try:
            target.write_text(self.to_svg(), encoding="utf-8")
        except (OSError, ValueError) as error:  # ValueError: a NUL character in the name
            reason = getattr(error, "strerror", None) or error
            raise InvalidArgumentError(
                f"could not write {name!r}: {reason}; check the file name, that its folder "
                "exists and that you may write there"
            ) from error
