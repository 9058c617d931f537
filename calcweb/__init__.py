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
from calcweb.exercises import CheckResult, check, check_function
from calcweb.integrate import IntegrationResult, integrate, riemann_sum
from calcweb.limits import LimitResult, limit

__version__ = "0.1.0"

__all__ = [  # plain sorted(), as tests/unit/test_public_api.py checks
    "ArgumentTypeError",
    "CalcwebError",
    "CheckResult",
    "DomainError",
    "IntegrationResult",
    "InvalidArgumentError",
    "LimitResult",
    "NumericalError",
    "__version__",
    "backward_difference",
    "central_difference",
    "check",
    "check_function",
    "forward_difference",
    "integrate",
    "limit",
    "riemann_sum",
]
