"""calcweb: the calculus behind deep learning, in small, correct, pure Python.

Every public name is re-exported here, so ``from calcweb import derivative,
taylor, Value`` is all a reader needs, and ``calcweb.derivative`` is always
the function. The implementation lives in small modules with one concept
each. Those named like the function they hold are private
(``calcweb._derivative``, ``calcweb._taylor``, ``calcweb._integrate``); the
others can be imported as well: ``calcweb.multivariate``, ``calcweb.diff``,
``calcweb.jet``, ``calcweb.limits``, ``calcweb.functions``, ``calcweb.nn``,
``calcweb.optim``, ``calcweb.plot``, ``calcweb.exercises`` and
``calcweb.exceptions``.

Every error calcweb raises is a `CalcwebError` (and the matching builtin),
whose message says how to fix it. An exception raised by your own function
passes through unchanged, but for a ``ValueError``, ``ZeroDivisionError`` or
``OverflowError`` of ``f`` (where ``f`` has no value or overflows, at your point or one
a method chose), which becomes a ``DomainError``, ``DivisionByZeroError`` or
``NumericalError`` naming that point and saying what to move (with yours in
its ``__cause__`` chain, and still a ``ValueError`` or ``ArithmeticError``).
`minimize` differs (see its Args): it also turns a ``TypeError`` into an
`ArgumentTypeError`, lets an ``OverflowError`` at ``x0`` through
unchanged, and at a later point ends the run with ``diverged`` True.

Examples:
    >>> import calcweb
    >>> round(calcweb.central_difference(lambda x: x**2, 3.0), 8)
    6.0
"""

from __future__ import annotations

from calcweb._controls import choice, slider
from calcweb._derivative import DerivativeResult, derivative
from calcweb._integrate import IntegrationResult, integrate, riemann_sum
from calcweb._taylor import TaylorPolynomial, taylor
from calcweb.diff import backward_difference, central_difference, forward_difference
from calcweb.exceptions import (
    ArgumentTypeError,
    CalcwebError,
    DivisionByZeroError,
    DomainError,
    InvalidArgumentError,
    NumericalError,
)
from calcweb.exercises import CheckResult, check, check_function
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
from calcweb.limits import LimitResult, limit
from calcweb.multivariate import (
    ArrayResult,
    directional_derivative,
    grad,
    hessian,
    jacobian,
    jvp,
    vjp,
)
from calcweb.nn import (
    MLP,
    Layer,
    Module,
    Neuron,
    Value,
    binary_cross_entropy,
    binary_cross_entropy_with_logits,
    cross_entropy,
    l1_penalty,
    l2_penalty,
    log_softmax,
    mse_loss,
    softmax,
)
from calcweb.optim import (
    SGD,
    Adagrad,
    Adam,
    AdamW,
    Optimizer,
    OptimizeResult,
    RMSprop,
    clip_grad_norm,
    minimize,
)
from calcweb.plot import (
    ComputationGraph,
    Figure,
    compare_paths,
    contour,
    draw_graph,
    plot_function,
    plot_optimization,
    plot_taylor,
)

__version__ = "0.1.0"

__all__ = [
    "Adagrad",
    "Adam",
    "AdamW",
    "ArgumentTypeError",
    "ArrayResult",
    "CalcwebError",
    "CheckResult",
    "ComputationGraph",
    "DerivativeResult",
    "DivisionByZeroError",
    "DomainError",
    "Figure",
    "IntegrationResult",
    "InvalidArgumentError",
    "Jet",
    "Layer",
    "LimitResult",
    "MLP",
    "Module",
    "Neuron",
    "NumericalError",
    "OptimizeResult",
    "Optimizer",
    "RMSprop",
    "SGD",
    "TaylorPolynomial",
    "Value",
    "__version__",
    "abs",
    "acos",
    "asin",
    "atan",
    "backward_difference",
    "binary_cross_entropy",
    "binary_cross_entropy_with_logits",
    "central_difference",
    "check",
    "check_function",
    "choice",
    "clip_grad_norm",
    "compare_paths",
    "contour",
    "cos",
    "cosh",
    "cross_entropy",
    "derivative",
    "directional_derivative",
    "draw_graph",
    "erf",
    "exp",
    "forward_difference",
    "grad",
    "hessian",
    "integrate",
    "jacobian",
    "jvp",
    "l1_penalty",
    "l2_penalty",
    "limit",
    "log",
    "log1p",
    "log_softmax",
    "minimize",
    "mse_loss",
    "plot_function",
    "plot_optimization",
    "plot_taylor",
    "pow",
    "relu",
    "riemann_sum",
    "sigmoid",
    "sin",
    "sinh",
    "slider",
    "softmax",
    "softplus",
    "sqrt",
    "tan",
    "tanh",
    "taylor",
    "vjp",
]
