"""Figures as standalone SVG, drawn with the standard library alone.

`Figure` collects lines, points, reference lines, tangents, arrows,
notes, contour lines and descent paths, and writes them as one small SVG
document (``_repr_svg_``, so Jupyter and the live cells show it; ``save`` to
write a file). `plot_function` and `contour` make a figure in one
call; `plot_taylor`, `plot_optimization` and
`compare_paths` draw Taylor polynomials and optimisation results;
`draw_graph` draws the computational graph of a ``Value``.

Examples:
    >>> import math
    >>> from calcweb.plot import plot_function
    >>> fig = plot_function(math.tan, -3, 3, title="tan x")
    >>> svg = fig._repr_svg_()
    >>> svg.count("<path") > 1 and "<script" not in svg
    True
"""

from __future__ import annotations

from calcweb.plot.figure import Figure
from calcweb.plot.graph import ComputationGraph, draw_graph
from calcweb.plot.results import compare_paths, plot_optimization, plot_taylor
from calcweb.plot.shortcuts import contour, plot_function

__all__ = [
    "ComputationGraph",
    "Figure",
    "compare_paths",
    "contour",
    "draw_graph",
    "plot_function",
    "plot_optimization",
    "plot_taylor",
]
