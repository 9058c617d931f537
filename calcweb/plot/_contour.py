"""Contour lines of f(x, y) by marching squares.

f is sampled on a grid; in each cell whose four corners are defined, a level
crosses the edges whose ends lie on opposite sides of it, at the linearly
interpolated point. Segments that share an edge are chained into polylines,
which keeps the SVG small. A saddle cell is resolved by the cell's mean.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from calcweb.plot._inputs import output
from calcweb.plot._sampling import Piece
from calcweb.plot._scales import LARGEST, linear_ticks

__all__ = ["Grid", "choose_levels", "contour_lines", "sample_grid"]

Grid = list[list[float]]  # values[j][i] = f(xs[i], ys[j]); NaN where undefined
Edge = tuple[str, int, int]


def sample_grid(
    f: Callable[[float, float], float],
    xlim: tuple[float, float],
    ylim: tuple[float, float],
    n: int,
) -> tuple[list[float], list[float], Grid]:
    """Evaluate ``f`` on an n x n grid; NaN where it raises or is not finite."""
    xs = [xlim[0] + (xlim[1] - xlim[0]) * i / (n - 1) for i in range(n)]
    ys = [ylim[0] + (ylim[1] - ylim[0]) * j / (n - 1) for j in range(n)]

    def value(x: float, y: float) -> float:
        try:
            z = f(x, y)
        except (ArithmeticError, ValueError):
            return math.nan
        number = output(z, f"f({x!r}, {y!r})")
        return math.nan if number is None else number

    return xs, ys, [[value(x, y) for x in xs] for y in ys]


def choose_levels(values: Grid, count: int, log: bool) -> list[float]:
    """About ``count`` levels between the smallest and largest value.

    Linear levels sit on a 1-2-5 step; log levels are spaced geometrically
    above the minimum, which suits valleys like Rosenbrock's.

    Examples:
        >>> choose_levels([[0.0, 1.0], [2.0, 10.0]], 4, False)
        [2.0, 4.0, 6.0, 8.0]
        >>> [round(v, 3) for v in choose_levels([[0.0, 1.0], [2.0, 1000.0]], 3, True)]
        [1.0, 31.623, 1000.0]
    """
    # Values beyond what an axis reaches are levelled as if at its end, so that
    # differences between levels never overflow.
    finite = sorted(
        min(max(v, -LARGEST), LARGEST) for row in values for v in row if math.isfinite(v)
    )
    if not finite or finite[0] == finite[-1]:
        return []
    lo, hi = finite[0], finite[-1]
    if not hi - lo >= 1e-300:
        return []  # a range that floats cannot split into levels is constant
    if log:
        above = [v - lo for v in finite if v > lo]
        # Start above the lowest 5 % of the grid: a level that only a few
        # grid points reach draws specks along a narrow valley, not a line.
        first = max(above[len(above) // 20], (hi - lo) * 1e-9)
        ratio = ((hi - lo) / first) ** (1.0 / max(1, count - 1))
        return [lo + first * ratio**k for k in range(count)]
    ticks = linear_ticks(lo, hi, count + 2).values
    return [v for v in ticks if lo < v < hi]


def contour_lines(
    xs: Sequence[float], ys: Sequence[float], values: Grid, level: float
) -> list[Piece]:
    """The polylines where the grid's values cross ``level``.

    Examples:
        >>> xs = ys = [-1.0, 0.0, 1.0]
        >>> bowl = [[x * x + y * y for x in xs] for y in ys]
        >>> [len(line) for line in contour_lines(xs, ys, bowl, 0.5)]
        [5]
    """
    points: dict[Edge, tuple[float, float]] = {}

    def cross(key: Edge, a: tuple[float, float, float], b: tuple[float, float, float]) -> Edge:
        if key not in points:
            t = (level - a[2]) / (b[2] - a[2])
            points[key] = (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))
        return key

    segments: list[tuple[Edge, Edge]] = []
    for j in range(len(ys) - 1):
        for i in range(len(xs) - 1):
            c00 = (xs[i], ys[j], values[j][i])
            c10 = (xs[i + 1], ys[j], values[j][i + 1])
            c11 = (xs[i + 1], ys[j + 1], values[j + 1][i + 1])
            c01 = (xs[i], ys[j + 1], values[j + 1][i])
            corners = (c00, c10, c11, c01)
            if not all(math.isfinite(c[2]) for c in corners):
                continue
            sides = [
                (("h", i, j), c00, c10),
                (("v", i + 1, j), c10, c11),
                (("h", i, j + 1), c01, c11),
                (("v", i, j), c00, c01),
            ]
            hits = [cross(k, a, b) for k, a, b in sides if (a[2] >= level) != (b[2] >= level)]
            if len(hits) == 2:
                segments.append((hits[0], hits[1]))
            elif len(hits) == 4:
                bottom, right, top, left = hits
                centre = sum(c[2] for c in corners) / 4.0
                if (centre >= level) == (c00[2] >= level):
                    segments += [(bottom, right), (top, left)]
                else:
                    segments += [(left, bottom), (right, top)]
    return [[points[key] for key in chain] for chain in _chain(segments)]


def _chain(segments: list[tuple[Edge, Edge]]) -> list[list[Edge]]:
    """Join segments that share an end into chains, in a deterministic order."""
    touching: dict[Edge, list[int]] = {}
    for index, (a, b) in enumerate(segments):
        touching.setdefault(a, []).append(index)
        touching.setdefault(b, []).append(index)
    used = [False] * len(segments)

    def extend(chain: list[Edge]) -> None:
        while True:
            following = [k for k in touching[chain[-1]] if not used[k]]
            if not following:
                return
            used[following[0]] = True
            a, b = segments[following[0]]
            chain.append(b if a == chain[-1] else a)

    chains = []
    for index, (a, b) in enumerate(segments):
        if used[index]:
            continue
        used[index] = True
        chain = [a, b]
        extend(chain)
        chain.reverse()
        extend(chain)
        chains.append(chain)
    return chains
