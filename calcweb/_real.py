"""The math functions on plain real numbers, with their domains checked.

`calcweb.functions` calls these for ``float``/``int`` arguments and
`calcweb.Jet` calls them for its value part, so a point outside a
domain or a result that overflows is refused the same way everywhere.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from numbers import Integral

from calcweb._checks import check_point, check_real
from calcweb.exceptions import DivisionByZeroError, DomainError, NumericalError


def outside(name: str, x: float, domain: str) -> DomainError:
    """The error for ``name(x)`` with ``x`` outside ``domain``."""
    return DomainError(
        f"{name}({x!r}) is undefined: {name} needs {domain}; move the point inside the domain"
    )


def finite(name: str, x: object, compute: Callable[[], float]) -> float:
    """Run ``compute()`` and turn an overflow into a NumericalError naming ``name(x)``.

    A tuple ``x`` holds the arguments of a call of several: ``pow(2.0, 1024.0)``.
    """
    try:
        result = compute()
    except OverflowError as error:
        raise NumericalError(
            f"{_call(name, x)} overflows a float (it is larger than about 1.8e308); "
            "use a smaller argument, or work with logarithms (e.g. log-sum-exp)"
        ) from error
    if not math.isfinite(result):
        raise NumericalError(f"{_call(name, x)} is not a finite float; use a smaller argument")
    return result


def _call(name: str, x: object) -> str:
    """``name(x)`` as written, with a tuple ``x`` as the call's several arguments."""
    return f"{name}({', '.join(map(repr, x)) if isinstance(x, tuple) else repr(x)})"


def sigmoid(x: float) -> float:
    """The logistic function, without overflow for large ``|x|``."""
    if x >= 0.0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)  # exp(-x) would overflow for x < -709
    return z / (1.0 + z)


def softplus(x: float) -> float:
    """``log(1 + exp(x))``, without overflow for large ``x``."""
    return max(x, 0.0) + math.log1p(math.exp(-abs(x)))


def relu(x: float) -> float:
    """``max(x, 0)``, returning ``0.0`` (not ``-0.0``) for ``x <= 0``."""
    return x if x > 0.0 else 0.0


def _positive(name: str, f: Callable[[float], float]) -> Callable[[float], float]:
    def checked(x: float) -> float:
        if x <= 0.0:
            raise outside(name, x, "a point > 0")
        return f(x)

    return checked


def _sqrt(x: float) -> float:
    if x < 0.0:
        raise outside("sqrt", x, "a point >= 0")
    return math.sqrt(x)


def _log1p(x: float) -> float:
    if x <= -1.0:
        raise outside("log1p", x, "a point > -1")
    return math.log1p(x)


def _unit(name: str, f: Callable[[float], float]) -> Callable[[float], float]:
    def checked(x: float) -> float:
        if not -1.0 <= x <= 1.0:
            raise outside(name, x, "a point in [-1, 1]")
        return f(x)

    return checked


# name -> float implementation; every name of calcweb.functions except pow.
UNARY: dict[str, Callable[[float], float]] = {
    "sin": math.sin,
    "cos": math.cos,
    "tan": math.tan,
    "exp": math.exp,
    "log": _positive("log", math.log),
    "log1p": _log1p,
    "sqrt": _sqrt,
    "tanh": math.tanh,
    "sinh": math.sinh,
    "cosh": math.cosh,
    "sigmoid": sigmoid,
    "relu": relu,
    "softplus": softplus,
    "abs": math.fabs,
    "atan": math.atan,
    "asin": _unit("asin", math.asin),
    "acos": _unit("acos", math.acos),
    "erf": math.erf,
}


# An int that no float equals is at least 1 from the nearest float: one of these there
# is at another point of its period, an answer with no correct digit (sin(10**23) was
# -0.324 for 0.701), so such an int is refused as a point is (`check_point`).
_PERIODIC = frozenset({"sin", "cos", "tan"})


def unary(name: str, x: object) -> float:
    """``name(x)`` for a real ``x``: checked to be finite, in the domain, and not overflowing."""
    periodic_int = name in _PERIODIC and isinstance(x, Integral)
    value = check_point(x, "x") if periodic_int else check_real(x, "x")
    return finite(name, value, lambda: UNARY[name](value))


def of_float(name: str, x: float) -> float:
    """`unary` for a float, in a sixth of the time (no conversion, no check of an ABC).

    A sum of n terms in f calls it n times on each of a Hessian's n (n + 1) / 2
    lines. Where ``x`` or the result is not finite, `unary` says why.
    """
    if math.isfinite(x):
        try:
            result = UNARY[name](x)
        except OverflowError:
            pass
        else:
            if math.isfinite(result):
                return result
    return unary(name, x)


def power(x: object, y: object) -> float:
    """``x ** y`` for real numbers, refusing complex results and overflow."""
    base = check_real(x, "x")
    exponent = check_real(y, "y")
    if base < 0.0 and not exponent.is_integer():
        raise DomainError(
            f"pow({base!r}, {exponent!r}) is not a real number: a negative base "
            "needs an integer exponent; use abs(x) ** y or an integer y"
        )
    if base == 0.0 and exponent < 0.0:
        raise DivisionByZeroError(
            f"pow(0.0, {exponent!r}) divides by zero: a zero base needs an "
            "exponent >= 0; move x away from 0"
        )
    if base < 0.0 and isinstance(y, Integral) and exponent != y:
        # An odd int that no float equals rounds to an even float (ulp 2 and more past
        # 2**53): (-1) ** 3**40 was 1.0. The sign comes from the int's own parity.
        sign = -1.0 if int(y) % 2 else 1.0
        return finite("pow", (base, exponent), lambda: sign * math.pow(-base, exponent))
    return finite("pow", (base, exponent), lambda: math.pow(base, exponent))
