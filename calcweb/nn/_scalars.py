"""The scalars of `calcweb.nn`: a number checked on its way in, and shown in a message.

`Value`, the modules and the losses take the same kinds of numbers (every
``numbers.Real`` except bool) and refuse the others with the same advice.
"""

from __future__ import annotations

import math
from numbers import Number, Real

from calcweb._checks import shown
from calcweb.exceptions import ArgumentTypeError, InvalidArgumentError, NumericalError


def real_number(x: object, what: str) -> float:
    """``x`` as a finite float, or the calcweb error that says why it cannot be.

    Accepts every ``numbers.Real`` except bool: int, float, Fraction and numpy
    scalars of any float or int dtype.

    Raises:
        ArgumentTypeError: ``x`` is not a real number (str, None, complex, Decimal, bool).
        NumericalError: ``x`` is finite but does not fit a float (an int beyond 1.8e308).
        InvalidArgumentError: ``x`` is NaN or infinite.
    """
    if isinstance(x, bool) or not isinstance(x, Real):
        raise ArgumentTypeError(
            f"{what} must be a real number (int, float, Fraction or a numpy scalar), but got "
            f"{type(x).__name__} {shown(x)}; {_how_to_fix(x)}"
        )
    try:
        value = float(x)
    except OverflowError:
        value = math.inf  # an int or Fraction beyond the float range
    if value - value:  # inf - inf and nan - nan are nan, which is true
        # A huge int, Fraction or long double became inf; an inf of its own type equals inf.
        if not math.isnan(value) and x != value:
            raise NumericalError(
                f"{what} is {shown(x)}, too large for a float (beyond about 1.8e308); scale it down"
            )
        raise InvalidArgumentError(
            f"{what} must be a finite number, but got {shown(x)}; NaN and infinity "
            "cannot be differentiated through: check where it came from"
        )
    return value


def _how_to_fix(x: object) -> str:
    """The advice for a value that is not a real number."""
    if isinstance(x, complex):
        return "calcweb differentiates real functions: pass the real part (z.real) or abs(z)"
    if isinstance(x, bool):
        return "write 1.0 or 0.0 for a number (a bool is a truth value here)"
    if isinstance(x, (str, bytes, Number)):  # Number: a Decimal, say
        return "convert it with float() first"
    if x is None:
        return "pass a number (a function that returns nothing returns None)"
    if hasattr(x, "__iter__") or hasattr(x, "__len__"):
        return "this takes one number; for a vector use a list with one number per entry"
    return "pass an int or a float"
