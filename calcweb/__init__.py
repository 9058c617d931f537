"""calcweb: the calculus behind deep learning, in small, correct, pure Python.

Every public name is re-exported here; the implementation lives in small
modules with one concept each (:mod:`calcweb.diff`, :mod:`calcweb.exceptions`).

Examples:
    >>> import calcweb
    >>> round(calcweb.central_difference(lambda x: x**2, 3.0), 8)
    6.0
"""

from __future__ import annotations

from calcweb.derivative import DerivativeResult, derivative
from calcweb.diff import backward_difference, central_difference, forward_difference
from calcweb.exceptions import (
    ArgumentTypeError,
    CalcwebError,
    DomainError,
    InvalidArgumentError,
    NumericalError,
)
from calcweb.functions import (
    abs,
    acos,
    asin,
    atan,
    cos,
    cosh,
    erf,
    exp,
    log,
    log1p,
    pow,
    relu,
    sigmoid,
    sin,
    sinh,
    softplus,
    sqrt,
    tan,
    tanh,
)
from calcweb.jet import Jet
from calcweb.multivariate import directional_derivative, grad, hessian, jacobian
from calcweb.taylor import TaylorPolynomial, taylor

__version__ = "0.1.0"

__all__ = [
    "ArgumentTypeError",
    "CalcwebError",
    "DerivativeResult",
    "DomainError",
    "InvalidArgumentError",
    "Jet",
    "NumericalError",
    "TaylorPolynomial",
    "__version__",
    "abs",
    "acos",
    "asin",
    "atan",
    "backward_difference",
    "central_difference",
    "cos",
    "cosh",
    "derivative",
    "directional_derivative",
    "erf",
    "exp",
    "forward_difference",
    "grad",
    "hessian",
    "jacobian",
    "log",
    "log1p",
    "pow",
    "relu",
    "sigmoid",
    "sin",
    "sinh",
    "softplus",
    "sqrt",
    "tan",
    "tanh",
    "taylor",
]
