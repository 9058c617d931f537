"""Sample a function of one variable for drawing: adaptively, and honestly.

Samples start on a uniform grid and are refined where the curve bends (the
midpoint strays from the chord), up to a fixed depth and budget so the cost
and the size of a figure stay bounded. A point where ``f`` raises or returns
NaN or inf is left out, and the edge of such a gap is found by bisection; a
jump that refinement cannot resolve (a pole) breaks the line instead of
drawing a vertical spike.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from calcweb.plot._inputs import output

__all__ = ["Piece", "robust_range", "sample_function"]

Piece = list[tuple[float, float]]

_GRID = 96
_DEPTH = 7
_BUDGET = 4000
_TOLERANCE = 0.002  # of the y-range: a quarter of a pixel on a 300 px figure
_JUMP = 0.25  # an unresolved step this large (of the y-range) is a discontinuity
_BISECTIONS = 30
_MAX_EDGES = 64


def _value(f: Callable[[float], float], x: float) -> float | None:
    """``f(x)`` as a float, or None where f is undefined (raises, NaN, inf)."""
    try:
        y = f(x)
    except (ArithmeticError, ValueError):
        return None
    return output(y, f"f({x!r})")


def robust_range(values: Sequence[float]) -> tuple[float, float] | None:
    """The range of ``values`` worth showing.

    All of it, unless a few values near a pole dwarf the rest: then the bulk.

    Examples:
        >>> robust_range([1.0, 2.0, 3.0])
        (1.0, 3.0)
        >>> robust_range([0.0] * 10 + [1.0] * 10 + [1e9]) == (0.0, 1.5)
        True
        >>> robust_range([]) is None
        True
    """
    ordered = sorted(v for v in values if math.isfinite(v))
    if not ordered:
        return None
    lo, hi = ordered[0], ordered[-1]
    k = len(ordered) // 20
    low, high = ordered[k], ordered[-1 - k]
    spread = high - low
    if spread > 0.0 and hi - lo > 4.0 * spread:
        return max(lo, low - 0.5 * spread), min(hi, high + 0.5 * spread)
    return lo, hi


def _edge(
    f: Callable[[float], float], good: float, bad: float, to_x: Callable[[float], float]
) -> float:
    """The last point from ``good`` towards ``bad`` (in sampling units) where f is defined."""
    for _ in range(_BISECTIONS):
        middle = 0.5 * (good + bad)
        if _value(f, to_x(middle)) is None:
            bad = middle
        else:
            good = middle
    return good


def sample_function(
    f: Callable[[float], float], a: float, b: float, *, log: bool = False
) -> tuple[list[Piece], tuple[float, float] | None]:
    """Sample ``f`` on ``[a, b]`` (uniformly in log10 x when ``log``).

    Returns the pieces of the curve, each a list of (x, y) to join by a line,
    and the y-range worth showing (None when f is defined nowhere sampled).

    Examples:
        >>> pieces, span = sample_function(lambda x: 1.0 / x, -1.0, 1.0)
        >>> len(pieces), all(x < 0 for x, _ in pieces[0]), all(x > 0 for x, _ in pieces[1])
        (2, True, True)
    """
    to_x: Callable[[float], float] = (lambda u: 10.0**u) if log else (lambda u: u)
    u0, u1 = (math.log10(a), math.log10(b)) if log else (a, b)
    us = [u0 + (u1 - u0) * i / _GRID for i in range(_GRID + 1)]
    ys = [_value(f, to_x(u)) for u in us]
    span = robust_range([y for y in ys if y is not None])
    if span is None:
        return [], None
    height = (span[1] - span[0]) or 1.0

    def bends(y0: float | None, ym: float | None, y1: float | None) -> bool:
        if y0 is None or ym is None or y1 is None:
            return False  # the edges of a gap are found by bisection below
        return abs(ym - 0.5 * (y0 + y1)) > _TOLERANCE * height

    flags = [True] * _GRID  # does the interval after point i need a midpoint?
    evaluations = len(us)
    for _ in range(_DEPTH):
        if not any(flags):
            break
        new_us, new_ys, new_flags = [us[0]], [ys[0]], []
        for i, flag in enumerate(flags):
            if flag and evaluations < _BUDGET:
                um = 0.5 * (us[i] + us[i + 1])
                ym = _value(f, to_x(um))
                evaluations += 1
                again = bends(ys[i], ym, ys[i + 1])
                new_us += [um, us[i + 1]]
                new_ys += [ym, ys[i + 1]]
                new_flags += [again, again]
            else:
                new_us.append(us[i + 1])
                new_ys.append(ys[i + 1])
                new_flags.append(flag)
        us, ys, flags = new_us, new_ys, new_flags
    return _pieces(f, us, ys, flags, height=height, to_x=to_x), span


def _close(
    piece: Piece, f: Callable[[float], float], u: float, to_x: Callable[[float], float]
) -> None:
    """Add the edge point found by bisection unless the grid already has it."""
    x = to_x(u)
    y = _value(f, x)
    if y is not None and (not piece or piece[-1][0] != x):
        piece.append((x, y))


def _jumps(f: Callable[[float], float], middle: float, y0: float, y1: float) -> bool:
    """Whether f jumps from y0 to y1 rather than climbing steeply through the middle.

    Across a pole (tan, 1/x, 1/x**2) or a step the midpoint is not well
    inside [y0, y1]; on a steep but continuous stretch it is.
    """
    ym = _value(f, middle)
    if ym is None:
        return True
    t = (ym - y0) / (y1 - y0)
    return not 0.01 < t < 0.99


def _pieces(
    f: Callable[[float], float],
    us: list[float],
    ys: list[float | None],
    unresolved: list[bool],
    *,
    height: float,
    to_x: Callable[[float], float],
) -> list[Piece]:
    """Split the samples into lines at gaps and at unresolved jumps."""
    pieces: list[Piece] = []
    current: Piece = []
    edges = 0
    for i, y in enumerate(ys):
        if y is None:
            if current and edges < _MAX_EDGES:  # close the line at the edge of the gap
                edges += 1
                _close(current, f, _edge(f, us[i - 1], us[i], to_x), to_x)
            if current:
                pieces.append(current)
            current = []
            continue
        if not current and i > 0 and ys[i - 1] is None and edges < _MAX_EDGES:
            edges += 1
            _close(current, f, _edge(f, us[i], us[i - 1], to_x), to_x)
        previous = ys[i - 1] if i > 0 else None
        if (
            current
            and previous is not None
            and unresolved[i - 1]
            and abs(y - previous) > _JUMP * height
            and _jumps(f, to_x(0.5 * (us[i - 1] + us[i])), previous, y)
        ):
            pieces.append(current)
            current = []
        x = to_x(us[i])
        if not current or current[-1][0] != x:
            current.append((x, y))
    if current:
        pieces.append(current)
    return [piece for piece in pieces if piece]
