"""The marks drawn inside a figure's frame.

Lines, points, reference lines, tangents, arrows, text, contour lines and
descent paths.

Each mark knows the data range it needs (``extent``) and how to draw itself
into a `Frame`, which maps data to pixels and clips to the plot area,
so nothing is ever drawn outside the axes.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from calcweb.plot._sampling import Piece
from calcweb.plot._scales import Scale
from calcweb.plot._svg import FG, element, fit_text, path_data

__all__ = [
    "Arrow",
    "ContourLines",
    "Extent",
    "Frame",
    "Line",
    "Mark",
    "Path",
    "Points",
    "RefLine",
    "Tangent",
    "Text",
]

Range = tuple[float, float] | None


@dataclass(frozen=True)
class Extent:
    """The data values a mark wants to see; ``tight`` asks for no padding on x."""

    x: tuple[float, ...] = ()
    y: tuple[float, ...] = ()
    tight: bool = False


def span(values: Iterable[float], log: bool = False) -> Range:
    """The (min, max) of the finite values (positive ones on a log axis)."""
    kept = [v for v in values if math.isfinite(v) and (v > 0 or not log)]
    return (min(kept), max(kept)) if kept else None


@dataclass(frozen=True)
class Frame:
    """The plot area in pixels and the scales that map data into it."""

    x: Scale
    y: Scale

    @property
    def box(self) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) in pixels."""
        return self.x.p0, self.y.p1, self.x.p1, self.y.p0

    def pixel(self, x: float, y: float) -> tuple[float, float]:
        """The pixel of a data point (NaN where the scales have none)."""
        return self.x(x), self.y(y)

    def inside(self, px: float, py: float) -> bool:
        """Whether a pixel lies in the plot area."""
        left, top, right, bottom = self.box
        return left - 1e-6 <= px <= right + 1e-6 and top - 1e-6 <= py <= bottom + 1e-6

    def polylines(self, pieces: Iterable[Piece]) -> list[Piece]:
        """Data polylines as pixel polylines, clipped to the plot area.

        A point with no pixel (NaN, inf, x <= 0 on a log axis) breaks the line;
        points closer than half a pixel to the last one are dropped.
        """
        out: list[Piece] = []
        for piece in pieces:
            current: Piece = []
            previous: tuple[float, float] | None = None
            for point in piece:
                p = self.pixel(*point)
                if not (math.isfinite(p[0]) and math.isfinite(p[1])):
                    previous = None
                    continue
                if previous is not None:
                    clipped = self._clip(previous, p)
                    if clipped is None:
                        current = _flush(out, current)
                    else:
                        a, b = clipped
                        if a != previous:
                            current = _flush(out, current)
                        _add(current, a)
                        _add(current, b)
                        if b != p:
                            current = _flush(out, current)
                elif self.inside(*p):
                    current = _flush(out, current)
                    current.append(p)
                previous = p
            _flush(out, current)
        return out

    def _clip(
        self, a: tuple[float, float], b: tuple[float, float]
    ) -> tuple[tuple[float, float], tuple[float, float]] | None:
        """Liang-Barsky: the part of segment ab inside the plot area, if any.

        The part is measured from the nearer end of ab, so that a far end
        does not round it off; a segment with both ends so far out that
        rounding would misplace it is left out, and the ends are kept inside
        the area against the last rounding error.
        """
        left, top, right, bottom = self.box
        near, far = _reach(a, self.box), _reach(b, self.box)
        if min(near, far) > _FAR:
            return None
        if near > far:  # measure t from the nearer end, where it is exact
            part = self._clip(b, a)
            return None if part is None else (part[1], part[0])
        dx, dy = b[0] - a[0], b[1] - a[1]
        if not (math.isfinite(dx) and math.isfinite(dy)):
            return None
        t0, t1 = 0.0, 1.0
        for p, q in (
            (-dx, a[0] - left),
            (dx, right - a[0]),
            (-dy, a[1] - top),
            (dy, bottom - a[1]),
        ):
            if p == 0.0:
                if q < 0.0:
                    return None
                continue
            t = q / p
            if p < 0.0:
                t0 = max(t0, t)
            else:
                t1 = min(t1, t)
            if t0 > t1:
                return None
        start = a if t0 == 0.0 else self._inside((a[0] + t0 * dx, a[1] + t0 * dy))
        end = b if t1 == 1.0 else self._inside((a[0] + t1 * dx, a[1] + t1 * dy))
        return start, end

    def _inside(self, point: tuple[float, float]) -> tuple[float, float]:
        left, top, right, bottom = self.box
        return min(max(point[0], left), right), min(max(point[1], top), bottom)


_FAR = 1e13  # pixels beyond the frame: rounding there moves a line by 1/500 pixel


def _reach(point: tuple[float, float], box: tuple[float, float, float, float]) -> float:
    """How many pixels ``point`` lies outside ``box`` (0 inside)."""
    left, top, right, bottom = box
    return max(left - point[0], point[0] - right, top - point[1], point[1] - bottom, 0.0)


def _add(piece: Piece, point: tuple[float, float]) -> None:
    if not piece or math.dist(piece[-1], point) >= 0.5:
        piece.append(point)


def _flush(out: list[Piece], piece: Piece) -> Piece:
    if len(piece) >= 2:
        out.append(_thin(piece) if len(piece) > 4 else piece)
    return []


def _thin(piece: Piece) -> Piece:
    """The polyline with each run of points inside one pixel column cut to four.

    The first, lowest, highest and last point of the run (in their order)
    draw the same pixels as the whole run, so a curve that wiggles many
    times per pixel (a sine over a thousand periods) costs at most four
    points per column of the figure.

    Examples:
        >>> _thin([(0.1, 0.0), (0.2, 5.0), (0.3, -5.0), (0.4, 1.0), (0.5, 0.5), (1.5, 0.0)])
        [(0.1, 0.0), (0.2, 5.0), (0.3, -5.0), (0.5, 0.5), (1.5, 0.0)]
    """
    out: Piece = []
    start = 0
    while start < len(piece):
        column = math.floor(piece[start][0])
        end = start + 1
        while end < len(piece) and math.floor(piece[end][0]) == column:
            end += 1
        run = piece[start:end]
        if len(run) <= 4:
            out += run
        else:
            low = min(range(len(run)), key=lambda k: run[k][1])
            high = max(range(len(run)), key=lambda k: run[k][1])
            out += [run[k] for k in sorted({0, low, high, len(run) - 1})]
        start = end
    return out


def _stroke(color: str, width: float = 2.0, dashed: bool = False) -> dict[str, str | float]:
    attrs: dict[str, str | float] = {
        "fill": "none",
        "style": f"stroke:{color}",
        "stroke-width": width,
    }
    if dashed:
        attrs["stroke-dasharray"] = "6 4"
    attrs["stroke-linejoin"] = "round"
    return attrs


def arrowhead(
    tip: tuple[float, float], tail: tuple[float, float], color: str, size: float = 9.0
) -> str:
    """A filled triangle at ``tip`` pointing away from ``tail`` (no SVG markers, no ids)."""
    length = math.dist(tip, tail)
    if length == 0.0:
        return ""
    ux, uy = (tip[0] - tail[0]) / length, (tip[1] - tail[1]) / length
    bx, by = tip[0] - size * ux, tip[1] - size * uy
    wing = size * 0.45
    corners = [tip, (bx - wing * uy, by + wing * ux), (bx + wing * uy, by - wing * ux)]
    return element("path", {"d": path_data([corners]) + "Z", "style": f"fill:{color}"})


# Why a mark's data have no pixel in the frame.
_NO_PIXEL = "outside the axes, not finite, or <= 0 on a log axis"


class Mark:
    """Base of everything drawn in the frame."""

    label: str | None = None
    color: str = FG
    legend_kind: str = "line"

    def extent(self) -> Extent:
        """The data range this mark needs to be seen."""
        raise NotImplementedError

    def draw(self, frame: Frame) -> list[str]:
        """SVG elements drawing the mark."""
        raise NotImplementedError

    def describe(self) -> str:
        """A few words for the figure's <desc>."""
        return self.label or ""

    def told(self, frame: Frame, drawn: list[str]) -> str:  # noqa: ARG002 - for Points
        """`describe`'s words for a figure in ``frame``, where the mark drew ``drawn``.

        A mark that drew nothing says so: its data lie outside the axes, or
        have no pixel (NaN, inf, a value <= 0 on a log axis).
        """
        words = self.describe()
        if drawn or not words:
            return words
        return f"{words} (nothing of it drawn: {_NO_PIXEL})"


@dataclass
class Line(Mark):
    """A polyline through data points, in pieces; ``view`` is the y-range to show."""

    pieces: list[Piece]
    label: str | None = None
    color: str = FG
    dashed: bool = False
    view: Range = None
    tight: bool = True
    kind: str = "line"
    domain: tuple[float, ...] = ()  # x values to show even where f is undefined
    width: float = 2.0

    def extent(self) -> Extent:
        points = [p for piece in self.pieces for p in piece]
        lo, hi = self.view if self.view is not None else (-math.inf, math.inf)
        ys = tuple(y for _, y in points if lo <= y <= hi)
        return Extent(tuple(x for x, _ in points) + self.domain, ys, self.tight)

    def draw(self, frame: Frame) -> list[str]:
        data = path_data(frame.polylines(self.pieces))
        attrs = _stroke(self.color, self.width, dashed=self.dashed)
        return [element("path", {"d": data, **attrs})] if data else []

    def describe(self) -> str:
        return f"{self.kind} {self.label}" if self.label else self.kind

    def told(self, frame: Frame, drawn: list[str]) -> str:
        words = super().told(frame, drawn)
        gaps = self._gaps()
        if not drawn or not gaps:
            return words
        where = ", ".join(f"{a:.4g} to {b:.4g}" for a, b in gaps)
        return f"{words} (not drawn where f is undefined or not finite: x from {where})"

    def _gaps(self) -> list[tuple[float, float]]:
        """The stretches of ``domain`` wider than 1 % of it that no piece covers."""
        if len(self.domain) != 2 or not self.pieces:
            return []
        lo, hi = self.domain
        ends = [lo, *(x for piece in self.pieces for x in (piece[0][0], piece[-1][0])), hi]
        # A pole or a jump breaks the line between neighbouring samples: no gap.
        wide = (hi - lo) / 100.0
        return [(a, b) for a, b in zip(ends[::2], ends[1::2], strict=True) if b - a > wide]


@dataclass
class Points(Mark):
    """Scatter points."""

    points: list[tuple[float, float]]
    label: str | None = None
    color: str = FG
    radius: float = 3.5
    legend_kind: str = "point"

    def extent(self) -> Extent:
        return Extent(tuple(x for x, _ in self.points), tuple(y for _, y in self.points))

    def draw(self, frame: Frame) -> list[str]:
        dots = []
        for x, y in self.points:
            if self._visible(frame, x, y):
                px, py = frame.pixel(x, y)
                dots.append(element("circle", {"cx": px, "cy": py, "r": self.radius}))
        return [f'<g style="fill:{self.color}">{"".join(dots)}</g>'] if dots else []

    def describe(self) -> str:
        return f"{len(self.points)} points" + (f" {self.label}" if self.label else "")

    def told(self, frame: Frame, drawn: list[str]) -> str:  # noqa: ARG002 - counts its own
        shown = sum(1 for x, y in self.points if self._visible(frame, x, y))
        if shown == len(self.points):
            return self.describe()
        label = f" {self.label}" if self.label else ""
        return f"{shown} of {len(self.points)} points{label} drawn (the rest {_NO_PIXEL})"

    @staticmethod
    def _visible(frame: Frame, x: float, y: float) -> bool:
        px, py = frame.pixel(x, y)
        return math.isfinite(px) and math.isfinite(py) and frame.inside(px, py)


@dataclass
class RefLine(Mark):
    """A dashed horizontal (``axis="y"``) or vertical (``axis="x"``) reference line."""

    axis: str
    value: float
    label: str | None = None
    color: str = FG

    def extent(self) -> Extent:
        return Extent(x=(self.value,)) if self.axis == "x" else Extent(y=(self.value,))

    def draw(self, frame: Frame) -> list[str]:
        left, top, right, bottom = frame.box
        if self.axis == "x":
            px = frame.x(self.value)
            ends = [(px, top), (px, bottom)]
        else:
            py = frame.y(self.value)
            ends = [(left, py), (right, py)]
        if not all(math.isfinite(c) and frame.inside(*p) for p in ends for c in p):
            return []
        attrs = _stroke(self.color, 1.2, dashed=True)
        attrs["stroke-opacity"] = ".7"
        return [element("path", {"d": path_data([ends]), **attrs})]

    def describe(self) -> str:
        name = "vertical line at x" if self.axis == "x" else "horizontal line at y"
        return f"{name} = {self.value:g}" + (f" ({self.label})" if self.label else "")


@dataclass
class Tangent(Mark):
    """The tangent line y = y0 + slope (x - x0) across the frame, with its point marked."""

    x0: float
    y0: float
    slope: float
    label: str | None = None
    color: str = FG
    dashed: bool = True  # for the legend

    def extent(self) -> Extent:
        return Extent((self.x0,), (self.y0,))

    def draw(self, frame: Frame) -> list[str]:
        xs = [frame.x.lo + (frame.x.hi - frame.x.lo) * k / 64 for k in range(65)]
        line = Line(
            [[(x, self.y0 + self.slope * (x - self.x0)) for x in xs]], color=self.color, dashed=True
        )
        return line.draw(frame) + Points([(self.x0, self.y0)], color=self.color, radius=4.5).draw(
            frame
        )

    def describe(self) -> str:
        return f"tangent at x = {self.x0:g} with slope {self.slope:.4g}"


@dataclass
class Arrow(Mark):
    """An arrow from ``start`` to ``end`` in data coordinates."""

    start: tuple[float, float]
    end: tuple[float, float]
    color: str = FG

    def extent(self) -> Extent:
        return Extent((self.start[0], self.end[0]), (self.start[1], self.end[1]))

    def draw(self, frame: Frame) -> list[str]:
        a, b = frame.pixel(*self.start), frame.pixel(*self.end)
        if not all(math.isfinite(c) for c in (*a, *b)) or not (
            frame.inside(*a) and frame.inside(*b)
        ):
            return []
        return [
            element("path", {"d": path_data([[a, b]]), **_stroke(self.color, 1.6)}),
            arrowhead(b, a, self.color),
        ]

    def describe(self) -> str:
        return "arrow"


@dataclass
class Text(Mark):
    """A short annotation next to a marked data point."""

    x: float
    y: float
    text: str
    color: str = FG

    def extent(self) -> Extent:
        return Extent((self.x,), (self.y,))

    def draw(self, frame: Frame) -> list[str]:
        px, py = frame.pixel(self.x, self.y)
        if not (math.isfinite(px) and math.isfinite(py) and frame.inside(px, py)):
            return []
        # Write towards the middle of the frame so the text stays inside it.
        left, top, right, bottom = frame.box
        anchor = "start" if px < (left + right) / 2 else "end"
        dx = 7 if anchor == "start" else -7
        dy = -7 if py > (top + bottom) / 2 else 15
        dot = element("circle", {"cx": px, "cy": py, "r": 2.5, "style": f"fill:{self.color}"})
        attrs: dict[str, str | float] = {"x": px + dx, "y": py + dy, "text-anchor": anchor}
        room = right + 16 - (px + dx) if anchor == "start" else px + dx - 4
        shown = fit_text(self.text, room, 13.0)
        return [dot, element("text", {**attrs, "style": f"fill:{self.color}"}, shown)]

    def describe(self) -> str:
        return f"note '{self.text}' at ({self.x:g}, {self.y:g})"


def _levels(values: list[float]) -> str:
    """``values`` as words: "level 5" or "levels 5, 6"."""
    shown = ", ".join(f"{level:.3g}" for level in values)
    return f"level {shown}" if len(values) == 1 else f"levels {shown}"


@dataclass
class ContourLines(Mark):
    """Contour lines, one list of polylines per level, over a fixed window."""

    levels: list[tuple[float, list[Piece]]]
    xlim: tuple[float, float]
    ylim: tuple[float, float]
    none_because: str = "f is constant"  # why there are no levels at all

    def extent(self) -> Extent:
        return Extent(self.xlim, self.ylim, tight=True)

    def draw(self, frame: Frame) -> list[str]:
        paths = []
        count = len(self.levels)
        for index, (_, lines) in enumerate(self.levels):
            data = path_data(frame.polylines(lines))
            if data:
                # Lower levels darker, so the eye finds the valley.
                opacity = 0.65 - 0.4 * index / max(1, count - 1)
                paths.append(element("path", {"d": data, "stroke-opacity": f"{opacity:.2f}"}))
        if not paths:
            return []
        return [f'<g fill="none" stroke="{FG}" stroke-width="1">{"".join(paths)}</g>']

    def describe(self) -> str:
        if not self.levels:
            return f"no contour lines ({self.none_because})"
        crossed = [level for level, lines in self.levels if lines]
        missed = [level for level, lines in self.levels if not lines]
        words = [f"contour lines at {_levels(crossed)}"] if crossed else []
        if missed:
            them = "them" if len(missed) > 1 else "it"
            words.append(
                f"no line at {_levels(missed)} (f does not cross {them} on the sampled grid)"
            )
        return "; ".join(words)

    def told(self, frame: Frame, drawn: list[str]) -> str:  # noqa: ARG002 - said by describe
        return self.describe()


@dataclass
class Path(Mark):
    """A descent path: a line through the iterates with arrows for direction.

    An open ring marks the start and a filled dot the end.
    """

    points: list[tuple[float, float]]
    label: str | None = None
    color: str = FG
    legend_kind: str = "path"
    marks: int = 40
    arrows: int = 6

    def extent(self) -> Extent:
        return Points(self.points).extent()

    def draw(self, frame: Frame) -> list[str]:
        out = Line([self.points], color=self.color).draw(frame)
        pixels = [frame.pixel(*p) for p in self.points]
        every = max(1, math.ceil(len(self.points) / self.marks))
        out += Points(self.points[::every], color=self.color, radius=2.2).draw(frame)
        out += self._arrows(frame, pixels)
        start, end = pixels[0], pixels[-1]
        if all(math.isfinite(c) for c in start) and frame.inside(*start):
            ring = {"cx": start[0], "cy": start[1], "r": 5.5, **_stroke(self.color, 2.0)}
            out.append(element("circle", ring))
        if all(math.isfinite(c) for c in end) and frame.inside(*end):
            out.append(
                element(
                    "circle", {"cx": end[0], "cy": end[1], "r": 5, "style": f"fill:{self.color}"}
                )
            )
        return out

    def _arrows(self, frame: Frame, pixels: Sequence[tuple[float, float]]) -> list[str]:
        """Arrowheads at the middle of a few long steps, to show the direction."""
        steps = [
            (a, b)
            for a, b in itertools.pairwise(pixels)
            if all(math.isfinite(c) for c in (*a, *b))
            and frame.inside(*a)
            and frame.inside(*b)
            and math.dist(a, b) >= 14
        ]
        every = max(1, math.ceil(len(steps) / self.arrows))
        heads = []
        for a, b in steps[::every]:
            middle = (
                (a[0] + b[0]) / 2 + 4.5 * (b[0] - a[0]) / math.dist(a, b),
                (a[1] + b[1]) / 2 + 4.5 * (b[1] - a[1]) / math.dist(a, b),
            )
            heads.append(arrowhead(middle, a, self.color, 8.0))
        return heads

    def describe(self) -> str:
        first, last = self.points[0], self.points[-1]
        name = "descent path" + (
            f" {self.label!r}" if self.label not in {None, "descent path"} else ""
        )
        ends = f"from ({first[0]:.3g}, {first[1]:.3g}) to ({last[0]:.3g}, {last[1]:.3g})"
        return f"{name} of {len(self.points)} points {ends}"
