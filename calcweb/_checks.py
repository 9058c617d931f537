"""Argument checks shared by calcweb's public functions.

Each check returns the cleaned value or raises a `calcweb.exceptions`
error whose message names the argument and says how to fix it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from numbers import Real
from typing import Any

from calcweb.exceptions import (
    ArgumentTypeError,
    DomainError,
    InvalidArgumentError,
    NumericalError,
)


def check_callable(f: object, name: str = "f") -> Callable[..., Any]:
    """Return ``f`` if it can be called, else raise ArgumentTypeError."""
    if not callable(f):
        raise ArgumentTypeError(
            f"{name} must be a function of one number, such as math.sin or "
            f"lambda x: x**2, but got {type(f).__name__} {f!r}"
        )
    return f


def check_real(value: object, name: str) -> float:
    """Return ``value`` as a finite float.

    Accepts int, float and other real numbers (numpy floats, fractions) but
    not bool, complex or strings; NaN and infinities are refused too.
    """
    if isinstance(value, bool) or not isinstance(value, Real):
        raise ArgumentTypeError(
            f"{name} must be a real number (int or float), but got {type(value).__name__} {value!r}"
        )
    try:
        result = float(value)
    except OverflowError:  # an int beyond 1.8e308
        result = math.inf
    if not math.isfinite(result):
        raise InvalidArgumentError(
            f"{name} must be a finite number, but got {result!r}; pass an ordinary float"
        )
    return result


METHODS = ("auto", "ad", "richardson", "central", "forward", "backward", "complex")
"""The differentiation methods of calcweb.derivative."""
_MAX_ORDER = 170  # n! overflows a float beyond this


def check_order(n: object) -> int:
    """Return the order ``n`` as an int in ``0..170``."""
    if isinstance(n, bool) or not isinstance(n, int) or not 0 <= n <= _MAX_ORDER:
        raise InvalidArgumentError(
            f"n must be an integer between 0 and {_MAX_ORDER} (the order of the "
            f"derivative), but got {n!r}; pass e.g. n=2 for the second derivative"
        )
    return n


def check_method(method: object) -> str:
    """Return ``method`` if it names one of `METHODS`."""
    if method not in METHODS:
        raise InvalidArgumentError(
            f"method must be one of {', '.join(map(repr, METHODS))}, but got {method!r}"
        )
    return str(method)


def check_step(h: object, name: str = "h") -> float:
    """Return the step ``h`` as a finite float > 0."""
    step = check_real(h, name)
    if step <= 0.0:
        raise InvalidArgumentError(
            f"{name} must be > 0, but got {step!r}; the formula already "
            "chooses the side of x, so pass a positive step such as 1e-5 "
            "(or leave it out to let calcweb choose one)"
        )
    return step


def evaluate(f: Callable[..., Any], x: float, what: str = "f") -> float:
    """Call ``f(x)`` and return the result as a finite float.

    A ValueError or ZeroDivisionError raised by ``f`` (such as
    ``math.log(-1.0)`` or ``1 / 0``) becomes a DomainError that names the
    point, and an OverflowError a NumericalError; a result that is not a real
    number or is not finite is refused with a message that says so.
    """
    try:
        y = f(x)
    except OverflowError as error:
        raise NumericalError(
            f"{what}({x!r}) overflowed ({error}); the function grows beyond the "
            "float range there, so keep x where its values stay below about 1e308"
        ) from error
    except (ValueError, ZeroDivisionError) as error:
        if isinstance(error, InvalidArgumentError):
            raise
        raise DomainError(
            f"{what}({x!r}) raised {type(error).__name__}: {error}. The point {x!r} is "
            f"outside the domain of {what}; move x away from the edge of the "
            "domain or use a one-sided formula"
        ) from error
    if isinstance(y, bool) or not isinstance(y, Real):
        raise ArgumentTypeError(
            f"{what}({x!r}) returned {type(y).__name__} {y!r}; {what} must "
            "return a real number (int or float)"
        )
    value = float(y)
    if not math.isfinite(value):
        raise NumericalError(
            f"{what}({x!r}) returned {value!r}, which is not a finite number; "
            "check that x is inside the domain of the function and that the "
            "step is not so large that it leaves it"
        )
    return value


def check_real_or_infinite(value: object, name: str) -> float:
    """Return ``value`` as a float that may be ``±inf`` (an integration limit) but not NaN."""
    if isinstance(value, float) and math.isinf(value):
        return value
    return check_real(value, name)
