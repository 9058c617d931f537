"""Checks of what the plotting functions are given, with messages that say how to fix it.

Numbers are anything ``numbers.Real`` except bool (numpy scalars of every
dtype too); sequences of numbers are lists, tuples, 1-D numpy arrays or any
other iterable that is not a string or a dict.
"""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable, Iterable, Mapping
from numbers import Integral, Real
from typing import Any

from calcweb._checks import check_callable, check_real, not_a_number_advice
from calcweb._checks import check_flag as flag  # plot's modules call it flag
from calcweb.exceptions import ArgumentTypeError, InvalidArgumentError, NumericalError
from calcweb.plot._scales import check_limits

__all__ = ["arity", "flag", "items", "limits", "output", "pair", "reals", "text", "whole"]


def text(value: object, name: str) -> str:
    """``value`` if it is a string, else an ArgumentTypeError."""
    if not isinstance(value, str):
        raise ArgumentTypeError(
            f"{name} must be a string, but got {type(value).__name__} {value!r}; "
            f"write e.g. {name}='...'"
        )
    return value


def optional_text(value: object, name: str) -> str | None:
    """``value`` if it is a string or None, else an ArgumentTypeError."""
    return None if value is None else text(value, name)


def whole(value: object, name: str, lo: int, hi: int) -> int:
    """``value`` as an int in ``[lo, hi]`` (numpy integers too, not bool)."""
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise ArgumentTypeError(
            f"{name} must be a whole number from {lo} to {hi}, but got "
            f"{type(value).__name__} {value!r}"
        )
    if not lo <= int(value) <= hi:
        raise InvalidArgumentError(f"{name} must be from {lo} to {hi}, but got {value!r}")
    return int(value)


def items(values: object, name: str, what: str = "numbers") -> list[Any]:
    """The elements of a list, tuple, 1-D array or other iterable (not a str or a dict)."""
    if isinstance(values, (str, bytes, Mapping)) or not isinstance(values, Iterable):
        raise ArgumentTypeError(
            f"{name} must be a list of {what}, but got {type(values).__name__} {values!r}"
        )
    try:
        return list(values)
    except TypeError as error:  # a 0-d numpy array says it is iterable, then refuses
        raise ArgumentTypeError(
            f"{name} must be a list of {what}, but got {type(values).__name__} {values!r}"
        ) from error


def reals(values: object, name: str) -> list[float]:
    """Data values as floats; None, NaN and infinities become NaN (a gap in the plot).

    Raises:
        ArgumentTypeError: For something that is not a list of numbers.
        NumericalError: For an integer too large for a float.
    """
    out = []
    for index, value in enumerate(items(values, name)):
        if value is None:
            out.append(math.nan)
            continue
        if isinstance(value, bool) or not isinstance(value, Real):
            raise ArgumentTypeError(
                f"{name} must hold real numbers, but {name}[{index}] is "
                f"{type(value).__name__} {value!r}"
            )
        try:
            out.append(float(value))
        except OverflowError as error:
            raise NumericalError(
                f"{name}[{index}] is an integer too large for a float (beyond 1.8e308); "
                "scale the data down"
            ) from error
    return out


def pair(value: object, name: str) -> tuple[float, float]:
    """Two finite numbers, such as a point (x, y) or limits (lo, hi)."""
    both = items(value, name, "two numbers")
    if len(both) != 2:
        raise InvalidArgumentError(
            f"{name} must be a pair of two numbers such as (-3, 3), but got {value!r}"
        )
    return check_real(both[0], f"{name}[0]"), check_real(both[1], f"{name}[1]")


def limits(value: object, name: str, log: bool = False) -> tuple[float, float]:
    """A (lo, hi) pair with lo < hi that an axis can draw."""
    lo, hi = pair(value, name)
    if not lo < hi:
        raise InvalidArgumentError(
            f"{name} must satisfy lo < hi, but got {value!r}; swap or widen it"
        )
    return check_limits(lo, hi, log, name)


def arity(f: object, count: int, name: str = "f", takes: str | None = None) -> Callable[..., Any]:
    """``f`` if it can be called with ``count`` arguments, else an ArgumentTypeError.

    ``takes`` says what they are, for the message (by default: numbers).
    """
    function = check_callable(f, name)
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):  # some builtins have no signature: let the call decide
        return function
    try:
        signature.bind(*([0.0] * count))
    except TypeError as error:
        wanted = "one number, f(x)" if count == 1 else f"{count} numbers, f(x, y)"
        example = "lambda x: x**2" if count == 1 else "lambda x, y: x**2 + y**2"
        if takes is not None:
            wanted, example = takes, "lambda p: p[0]**2 + p[1]**2"
        raise ArgumentTypeError(
            f"{name} must be a function of {wanted}, but its signature is "
            f"{signature} ({error}); write e.g. {example}"
        ) from error
    return function


def output(value: object, where: str) -> float | None:
    """A value returned by the reader's function as a float, or None where it is not finite.

    Raises:
        ArgumentTypeError: If it is not a real number.
    """
    if type(value) is float:
        return value if math.isfinite(value) else None
    if isinstance(value, bool) or not isinstance(value, Real):
        raise ArgumentTypeError(
            f"{where} returned {type(value).__name__} {value!r}; a function to plot must "
            "return a real number (int or float; for a condition write float(x > 0))"
            f"{not_a_number_advice(value)}"
        )
    try:
        number = float(value)
    except OverflowError:  # an int beyond the float range: off the chart, like inf
        return None
    return number if math.isfinite(number) else None
