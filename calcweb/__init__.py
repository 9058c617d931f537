"""calcweb: the calculus behind deep learning, in small, correct, pure Python.

Every public name is re-exported here; the implementation lives in small
modules with one concept each (:mod:`calcweb.diff`, :mod:`calcweb.exceptions`).

Examples:
    >>> import calcweb
    >>> round(calcweb.central_difference(lambda x: x**2, 3.0), 8)
    6.0
"""

from __future__ import annotations

from calcweb.diff import backward_difference, central_difference, forward_difference
from calcweb.exceptions import (
    ArgumentTypeError,
    CalcwebError,
    DomainError,
    InvalidArgumentError,
    NumericalError,
)
from calcweb.plot import (
    Figure,
    compare_paths,
    contour,
    plot_function,
    plot_optimization,
    plot_taylor,
)

__version__ = "0.1.0"

__all__ = [
    "ArgumentTypeError",
    "CalcwebError",
    "DomainError",
    "Figure",
    "InvalidArgumentError",
    "NumericalError",
    "__version__",
    "backward_difference",
    "central_difference",
    "compare_paths",
    "contour",
    "forward_difference",
    "plot_function",
    "plot_optimization",
    "plot_taylor",
]
