"""The exceptions calcweb raises.

Every exception derives from `CalcwebError`, so ``except CalcwebError``
catches anything calcweb refuses, and also from the builtin that matches the
kind of mistake (``ValueError``, ``TypeError`` or ``ArithmeticError``), so code
written against the builtins keeps working. Each message says what was wrong
and how to fix it.

Examples:
    >>> import calcweb
    >>> try:
    ...     calcweb.central_difference(abs, 0.0, h=-0.1)
    ... except ValueError as error:
    ...     print(type(error).__name__, isinstance(error, calcweb.CalcwebError))
    InvalidArgumentError True
"""

from __future__ import annotations

__all__ = [
    "ArgumentTypeError",
    "CalcwebError",
    "DivisionByZeroError",
    "DomainError",
    "InvalidArgumentError",
    "NumericalError",
]


class CalcwebError(Exception):
    """Base class of every error calcweb raises on purpose."""


class InvalidArgumentError(CalcwebError, ValueError):
    """An argument has the right type but a value calcweb cannot use.

    For example a step ``h <= 0``, an unknown ``method`` name or a NaN point.
    """


class ArgumentTypeError(CalcwebError, TypeError):
    """An argument, or a value returned by the reader's function, has the wrong type.

    For example a function that is not callable, or one that returns a string
    where a number was expected.
    """


class DomainError(CalcwebError, ValueError):
    """A point lies outside the domain of a function.

    For example ``log`` of a non-positive number or ``sqrt`` of a negative one.
    """


class NumericalError(CalcwebError, ArithmeticError):
    """A computation produced a value that is not a finite number.

    For example a step that overflows or a function that returns NaN or inf.
    """


class DivisionByZeroError(DomainError, ZeroDivisionError):
    """A division by zero: zero lies outside the domain of ``x / y`` in ``y``.

    It is a `DomainError`, and also a ``ZeroDivisionError`` (hence an
    ``ArithmeticError``), so code catching the builtin keeps working.

    Examples:
        >>> from calcweb.exceptions import CalcwebError, DivisionByZeroError
        >>> try:
        ...     raise DivisionByZeroError("1 / x is undefined at x = 0; move x off 0")
        ... except ZeroDivisionError as error:
        ...     print(type(error).__name__, isinstance(error, CalcwebError))
        DivisionByZeroError True
    """
