"""Figures as standalone SVG, drawn with the standard library alone.

:class:`Figure` collects lines, points, reference lines, tangents, arrows,
notes, contour lines and descent paths, and writes them as one small SVG
document (``_repr_svg_``, so Jupyter and the live cells show it; ``save`` to
write a file). :func:`plot_function` and :func:`contour` make a figure in one
call; :func:`plot_taylor`, :func:`plot_optimization` and
:func:`compare_paths` draw Taylor polynomials and optimisation results.

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
from calcweb.plot.functions import contour, plot_function
from calcweb.plot.hooks import compare_paths, plot_optimization, plot_taylor

__all__ = [
    "Figure",
    "compare_paths",
    "contour",
    "plot_function",
    "plot_optimization",
    "plot_taylor",
]
