"""Reading derivatives out of a jet: what Taylor mode returns, and how far to trust it.

`calcweb.derivative` (``method="ad"``), `calcweb.taylor` and the Jacobians of
`calcweb.multivariate` all call ``f`` on a `calcweb.Jet` and read the
derivatives out of what ``f`` returned; this module is that shared step.
"""

from __future__ import annotations

import math
import sys
from numbers import Real

from calcweb._checks import as_float
from calcweb.exceptions import ArgumentTypeError, NumericalError
from calcweb.jet import Jet, RoundedFloat

_EPS = sys.float_info.epsilon


def rounding_error(value: float, n: int) -> float:
    """The rounding error to expect of an ``n``-th derivative from Taylor mode.

    Only a rule of thumb, for a jet that carries no bounds (a constant, or a
    jet ``f`` built itself); `derivative_error` bounds a tracked jet's error.

    Examples:
        >>> rounding_error(1.0, 0) == 8.0 * sys.float_info.epsilon
        True
    """
    return 8.0 * (n + 1) * _EPS * abs(value)


def derivative_error(y: object, n: int, value: float) -> float:
    """A bound on the rounding error of ``value``, the ``n``-th derivative read from ``y``.

    ``y`` is what ``f`` returned for `calcweb.jet.rounding_tracked_variable`:
    its coefficient ``n`` carries a bound (running error analysis, so
    cancellation inside ``f`` counts), which ``n!`` scales; multiplying by
    ``n!`` rounds once more. Without a bound (``f`` returned a constant or a
    jet of its own) the rule of thumb `rounding_error` is all there is.

    Examples:
        >>> from calcweb import exp
        >>> from calcweb.jet import rounding_tracked_variable
        >>> y = exp(rounding_tracked_variable(1e-8, 1)) - 1.0  # cancels: 1e-8 from 1
        >>> derivative_error(y, 0, 1e-8) > 1e-16  # about eps, not eps * 1e-8
        True
    """
    coefficient = y.coefficients[n] if isinstance(y, Jet) else None
    if not isinstance(coefficient, RoundedFloat):
        return rounding_error(value, n)
    return coefficient.bound * math.factorial(n) + 2.0 * _EPS * abs(value)


def jet_derivative(y: object, n: int, what: str) -> float:
    """The ``n``-th derivative held by ``y``, what a function returned for a jet.

    A plain number means the function ignored its argument: a constant, whose
    derivatives are 0.

    Raises:
        ArgumentTypeError: If ``y`` is neither a jet nor a real number.
        NumericalError: If the derivative is not finite.

    Examples:
        >>> jet_derivative(Jet.variable(2.0, 3) ** 3, 2, "f")
        12.0
        >>> jet_derivative(5.0, 1, "f")
        0.0
    """
    if isinstance(y, Jet):
        value = y.derivative(n)
    elif not isinstance(y, bool) and isinstance(y, Real):
        constant = as_float(y, f"the value {what} returned")  # f ignored its argument
        value = constant if n == 0 or not math.isfinite(constant) else 0.0
    else:
        raise ArgumentTypeError(
            f"{what} returned {type(y).__name__} {y!r}; it must return a number "
            "(a Jet when given a Jet)"
        )
    if not math.isfinite(value):
        raise NumericalError(
            f"the derivative of order {n} is not a finite number ({value!r}); "
            "the function or its derivatives overflow near this point"
        )
    return value
