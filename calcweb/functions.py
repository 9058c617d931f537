"""The math functions of deep learning, for numbers, jets and ``Value``.

Every function accepts

* a real number (``int``, ``float``, numpy scalar) and returns a ``float``;
  a point outside the domain (``log(0)``, ``sqrt(-1)``, ``asin(2)``) raises
  `DomainError`, a result that overflows raises
  `NumericalError`, and NaN or infinity is refused;
* a complex number, for the analytic functions (used by the complex-step
  derivative);
* a `Jet`, returning the jet of the composed function, so
  ``calcweb.derivative`` and ``calcweb.taylor`` differentiate exactly;
* any other object with a method of the same name: ``sin(v)`` calls
  ``v.sin()``, so `calcweb.Value` works too.

``abs`` and ``pow`` have the names of Python builtins; inside this module the
builtins stay reachable as ``builtins.abs`` and ``builtins.pow``.

Examples:
    >>> from calcweb import Jet, exp, log, sin
    >>> exp(1.0)
    2.718281828459045
    >>> sin(Jet.variable(0.0, 3)).coefficients
    (0.0, 1.0, 0.0, -0.16666666666666666)
    >>> log(0.0)
    Traceback (most recent call last):
      ...
    calcweb.exceptions.DomainError: log(0.0) is undefined: log needs a point > 0; ...
"""

from __future__ import annotations

import cmath
import math
from collections.abc import Callable
from decimal import Decimal
from numbers import Number, Real
from typing import Any, TypeVar, cast

from calcweb import _real
from calcweb._checks import check_real
from calcweb.exceptions import (
    ArgumentTypeError,
    CalcwebError,
    DivisionByZeroError,
    DomainError,
    InvalidArgumentError,
    NumericalError,
)

__all__ = [
    "abs",
    "acos",
    "asin",
    "atan",
    "cos",
    "cosh",
    "erf",
    "exp",
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
]

X = TypeVar("X")


def _complex_sigmoid(z: complex) -> complex:
    """1 / (1 + e^-z) with an exponent of real part <= 0, as the real sigmoid: no overflow."""
    if z.real >= 0.0:
        return 1.0 / (1.0 + cmath.exp(-z))
    e = cmath.exp(z)
    return e / (1.0 + e)


def _complex_softplus(z: complex) -> complex:
    """log(1 + e^z), as z + log(1 + e^-z) where Re z > 0, so that e^z cannot overflow."""
    if z.real > 0.0:
        return z + cmath.log(1.0 + cmath.exp(-z))
    return cmath.log(1.0 + cmath.exp(z))


# The analytic functions on complex numbers, for the complex-step derivative.
_COMPLEX: dict[str, Callable[[complex], complex]] = {
    "sin": cmath.sin,
    "cos": cmath.cos,
    "tan": cmath.tan,
    "exp": cmath.exp,
    "log": cmath.log,
    "log1p": lambda z: cmath.log(1.0 + z),
    "sqrt": cmath.sqrt,
    "tanh": cmath.tanh,
    "sinh": cmath.sinh,
    "cosh": cmath.cosh,
    "atan": cmath.atan,
    "asin": cmath.asin,
    "acos": cmath.acos,
    "sigmoid": _complex_sigmoid,
    "softplus": _complex_softplus,
}


def _complex(name: str, z: complex) -> complex:
    if not (math.isfinite(z.real) and math.isfinite(z.imag)):
        raise InvalidArgumentError(f"{name}() needs a finite complex number, but got {z!r}")
    try:
        result = _COMPLEX[name](complex(z))
    except (ValueError, ZeroDivisionError) as error:
        raise DomainError(f"{name}({z!r}) is undefined: {error}; move the point") from error
    except OverflowError as error:
        raise NumericalError(f"{name}({z!r}) overflows; use a smaller argument") from error
    if not (math.isfinite(result.real) and math.isfinite(result.imag)):
        raise NumericalError(f"{name}({z!r}) is not a finite number; use a smaller argument")
    return result


def _not_real(name: str, x: object) -> ArgumentTypeError:
    """The error for a Decimal, or a complex number where no complex version exists."""
    fix = (
        "convert it with float(x)"
        if isinstance(x, Decimal)
        else f"{name} has no complex version here: pass a real number"
    )
    return ArgumentTypeError(
        f"{name}() needs a real number, but got {type(x).__name__} {x!r}; {fix}"
    )


def _apply(name: str, x: X) -> X:
    """Dispatch ``name(x)`` on the kind of ``x``."""
    if type(x) is float:  # the common case, before the slower checks of ABCs
        return cast("X", _real.of_float(name, cast(float, x)))
    if isinstance(x, Real):
        return cast("X", _real.unary(name, x))
    if isinstance(x, complex) and name in _COMPLEX:
        return cast("X", _complex(name, x))
    if isinstance(x, Number):  # Decimal has .sqrt() and .exp(): never use them
        raise _not_real(name, x)
    method = getattr(x, name, None)
    if callable(method):
        return cast("X", method())
    raise ArgumentTypeError(
        f"{name}() needs a real number, a calcweb.Jet or an object with a "
        f".{name}() method (such as calcweb.Value), but got {type(x).__name__} {x!r}"
    )


def pow(x: Any, y: Any) -> Any:
    """``x`` to the power ``y``.

    For real numbers a negative base needs an integer exponent and a zero base
    a non-negative one; otherwise this is ``x ** y``, so jets, ``Value`` and
    complex numbers use their own ``**`` (a jet exponent is allowed).

    Args:
        x: The base: a real number, a `Jet`, or an object with ``**``.
        y: The exponent, of the same kinds.

    Returns:
        A float for real ``x`` and ``y``; otherwise ``x ** y``.

    Raises:
        DomainError: If the real result does not exist (``pow(-8.0, 1/3)``, ``pow(0.0, -1)``).
        NumericalError: If the result overflows.
        ArgumentTypeError: If ``x ** y`` is not defined for these types.

    Examples:
        >>> from calcweb import Jet, pow
        >>> pow(2.0, 10)
        1024.0
        >>> pow(Jet.variable(2.0, 2), 3).coefficients  # 8 + 12 t + 6 t**2
        (8.0, 12.0, 6.0)
        >>> pow(-8.0, 1 / 3)
        Traceback (most recent call last):
          ...
        calcweb.exceptions.DomainError: pow(-8.0, 0.333...) is not a real number: ...
    """
    if isinstance(x, Real) and isinstance(y, Real):
        return _real.power(x, y)
    for value in (x, y):
        if isinstance(value, Number) and not isinstance(value, (Real, complex)):
            raise _not_real("pow", value)  # Decimal ** Decimal would quietly be a Decimal
    # Python numbers, so that a numpy scalar does not compute (and warn) in numpy.
    x, y = (_plain(value, name) for value, name in ((x, "x"), (y, "y")))
    try:
        result = x**y
    except TypeError as error:
        raise ArgumentTypeError(
            f"pow() needs numbers, jets or objects that support **, but got "
            f"{type(x).__name__} and {type(y).__name__}: {error}"
        ) from error
    except ZeroDivisionError as error:
        raise DivisionByZeroError(
            f"pow({x!r}, {y!r}) divides by zero; move x away from 0"
        ) from error
    except OverflowError as error:
        raise NumericalError(f"pow({x!r}, {y!r}) overflows; use smaller numbers") from error
    except ValueError as error:  # numpy: "Integers to negative integer powers are not allowed"
        if isinstance(error, CalcwebError):
            raise
        raise DomainError(f"pow({x!r}, {y!r}) is undefined: {error}; use real numbers") from error
    if isinstance(result, complex) and not (
        math.isfinite(result.real) and math.isfinite(result.imag)
    ):
        raise NumericalError(f"pow({x!r}, {y!r}) is not a finite number; use smaller numbers")
    return result


def _plain(value: Any, name: str) -> Any:
    """A real or complex ``value`` as a Python float or complex; anything else as it is."""
    if isinstance(value, Real):
        return check_real(value, name)
    if isinstance(value, complex):
        if not (math.isfinite(value.real) and math.isfinite(value.imag)):
            raise InvalidArgumentError(f"{name} must be a finite number, but got {value!r}")
        return complex(value)
    return value


def sin(x: X) -> X:
    r"""The sine of ``x`` (radians).

    Args:
        x: A real number, a `Jet`, or any object with a
            ``sin()`` method (such as `calcweb.Value`).

    Returns:
        A float for a real ``x``; otherwise whatever ``x.sin()`` returns.

    Examples:
        >>> from calcweb import sin
        >>> sin(0.0)
        0.0
    """
    return _apply("sin", x)


def cos(x: X) -> X:
    r"""The cosine of ``x`` (radians).

    Args:
        x: A real number, a `Jet`, or any object with a
            ``cos()`` method (such as `calcweb.Value`).

    Returns:
        A float for a real ``x``; otherwise whatever ``x.cos()`` returns.

    Examples:
        >>> from calcweb import cos
        >>> cos(0.0)
        1.0
    """
    return _apply("cos", x)


def tan(x: X) -> X:
    r"""The tangent of ``x`` (radians).

    Args:
        x: A real number, a `Jet`, or any object with a
            ``tan()`` method (such as `calcweb.Value`).

    Returns:
        A float for a real ``x``; otherwise whatever ``x.tan()`` returns.

    Examples:
        >>> from calcweb import tan
        >>> tan(0.0)
        0.0
    """
    return _apply("tan", x)


def exp(x: X) -> X:
    r"""The exponential $e^x$; a result beyond about 1.8e308 raises NumericalError.

    Args:
        x: A real number, a `Jet`, or any object with a
            ``exp()`` method (such as `calcweb.Value`).

    Returns:
        A float for a real ``x``; otherwise whatever ``x.exp()`` returns.

    Examples:
        >>> from calcweb import exp
        >>> exp(0.0)
        1.0
    """
    return _apply("exp", x)


def log(x: X) -> X:
    r"""The natural logarithm; ``x`` must be > 0.

    Args:
        x: A real number, a `Jet`, or any object with a
            ``log()`` method (such as `calcweb.Value`).

    Returns:
        A float for a real ``x``; otherwise whatever ``x.log()`` returns.

    Examples:
        >>> from calcweb import log
        >>> log(1.0)
        0.0
    """
    return _apply("log", x)


def log1p(x: X) -> X:
    r"""``log(1 + x)``, accurate for tiny ``x``; ``x`` must be > -1.

    Args:
        x: A real number, a `Jet`, or any object with a
            ``log1p()`` method (such as `calcweb.Value`).

    Returns:
        A float for a real ``x``; otherwise whatever ``x.log1p()`` returns.

    Examples:
        >>> from calcweb import log1p
        >>> log1p(1e-20)
        1e-20
    """
    return _apply("log1p", x)


def sqrt(x: X) -> X:
    r"""The square root; ``x`` must be >= 0.

    For a `Jet` of degree >= 1, ``x`` must be > 0: $\sqrt{x}$
    has no derivative at 0.

    Args:
        x: A real number, a `Jet`, or any object with a
            ``sqrt()`` method (such as `calcweb.Value`).

    Returns:
        A float for a real ``x``; otherwise whatever ``x.sqrt()`` returns.

    Examples:
        >>> from calcweb import sqrt
        >>> sqrt(9.0)
        3.0
    """
    return _apply("sqrt", x)


def tanh(x: X) -> X:
    r"""The hyperbolic tangent, the classic activation function.

    Args:
        x: A real number, a `Jet`, or any object with a
            ``tanh()`` method (such as `calcweb.Value`).

    Returns:
        A float for a real ``x``; otherwise whatever ``x.tanh()`` returns.

    Examples:
        >>> from calcweb import tanh
        >>> tanh(0.0)
        0.0
    """
    return _apply("tanh", x)


def sinh(x: X) -> X:
    r"""The hyperbolic sine.

    Args:
        x: A real number, a `Jet`, or any object with a
            ``sinh()`` method (such as `calcweb.Value`).

    Returns:
        A float for a real ``x``; otherwise whatever ``x.sinh()`` returns.

    Examples:
        >>> from calcweb import sinh
        >>> sinh(0.0)
        0.0
    """
    return _apply("sinh", x)


def cosh(x: X) -> X:
    r"""The hyperbolic cosine.

    Args:
        x: A real number, a `Jet`, or any object with a
            ``cosh()`` method (such as `calcweb.Value`).

    Returns:
        A float for a real ``x``; otherwise whatever ``x.cosh()`` returns.

    Examples:
        >>> from calcweb import cosh
        >>> cosh(0.0)
        1.0
    """
    return _apply("cosh", x)


def sigmoid(x: X) -> X:
    r"""The logistic function $\sigma(x) = 1/(1 + e^{-x})$.

    Computed without overflow for large ``|x|``.

    Args:
        x: A real number, a `Jet`, or any object with a
            ``sigmoid()`` method (such as `calcweb.Value`).

    Returns:
        A float for a real ``x``; otherwise whatever ``x.sigmoid()`` returns.

    Examples:
        >>> from calcweb import sigmoid
        >>> sigmoid(0.0)
        0.5
    """
    return _apply("sigmoid", x)


def relu(x: X) -> X:
    r"""The rectifier $\max(x, 0)$.

    It has no derivative at 0. Backpropagation (``Value.backward()``,
    ``vjp(f, x, method="ad")``) and ``derivative(relu, 0.0, method="ad")`` take
    it as 0 there, as torch does; the default methods of `calcweb.derivative`
    and `calcweb.vjp` refuse.

    Args:
        x: A real number, a `Jet`, or any object with a
            ``relu()`` method (such as `calcweb.Value`).

    Returns:
        A float for a real ``x``; otherwise whatever ``x.relu()`` returns.

    Examples:
        >>> from calcweb import relu
        >>> relu(-2.0)
        0.0
    """
    return _apply("relu", x)


def softplus(x: X) -> X:
    r"""The smooth rectifier $\log(1 + e^x)$, computed without overflow for large ``x``.

    Args:
        x: A real number, a `Jet`, or any object with a
            ``softplus()`` method (such as `calcweb.Value`).

    Returns:
        A float for a real ``x``; otherwise whatever ``x.softplus()`` returns.

    Examples:
        >>> from calcweb import softplus
        >>> softplus(1000.0)
        1000.0
    """
    return _apply("softplus", x)


def abs(x: X) -> X:
    r"""The absolute value.

    It has no derivative at 0. Backpropagation (``Value.backward()``,
    ``vjp(f, x, method="ad")``) and ``derivative(abs, 0.0, method="ad")`` take
    it as 0 there, as torch does; the default methods of `calcweb.derivative`
    and `calcweb.vjp` refuse.

    Args:
        x: A real number, a `Jet`, or any object with a
            ``abs()`` method (such as `calcweb.Value`).

    Returns:
        A float for a real ``x``; otherwise whatever ``x.abs()`` returns.

    Examples:
        >>> from calcweb import abs
        >>> abs(-2.5)
        2.5
    """
    return _apply("abs", x)


def atan(x: X) -> X:
    r"""The arc tangent, in radians.

    Args:
        x: A real number, a `Jet`, or any object with a
            ``atan()`` method (such as `calcweb.Value`).

    Returns:
        A float for a real ``x``; otherwise whatever ``x.atan()`` returns.

    Examples:
        >>> from calcweb import atan
        >>> atan(0.0)
        0.0
    """
    return _apply("atan", x)


def asin(x: X) -> X:
    r"""The arc sine, in radians; ``x`` must lie in [-1, 1].

    For a jet of degree >= 1, ``x`` must lie inside (-1, 1): the derivative is
    infinite at the ends.

    Args:
        x: A real number, a `Jet`, or any object with a
            ``asin()`` method (such as `calcweb.Value`).

    Returns:
        A float for a real ``x``; otherwise whatever ``x.asin()`` returns.

    Examples:
        >>> import math
        >>> from calcweb import asin
        >>> asin(1.0) == math.pi / 2
        True
    """
    return _apply("asin", x)


def acos(x: X) -> X:
    r"""The arc cosine, in radians; ``x`` must lie in [-1, 1].

    For a jet of degree >= 1, ``x`` must lie inside (-1, 1): the derivative is
    infinite at the ends.

    Args:
        x: A real number, a `Jet`, or any object with a
            ``acos()`` method (such as `calcweb.Value`).

    Returns:
        A float for a real ``x``; otherwise whatever ``x.acos()`` returns.

    Examples:
        >>> from calcweb import acos
        >>> acos(1.0)
        0.0
    """
    return _apply("acos", x)


def erf(x: X) -> X:
    r"""The error function $\frac{2}{\sqrt\pi}\int_0^x e^{-t^2}\,dt$.

    Args:
        x: A real number, a `Jet`, or any object with a
            ``erf()`` method (such as `calcweb.Value`).

    Returns:
        A float for a real ``x``; otherwise whatever ``x.erf()`` returns.

    Examples:
        >>> from calcweb import erf
        >>> erf(0.0)
        0.0
    """
    return _apply("erf", x)
