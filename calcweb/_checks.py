"""Argument checks shared by calcweb's public functions.

Each check returns the cleaned value or raises a `calcweb.exceptions`
error whose message names the argument and says how to fix it.
"""

from __future__ import annotations

import contextlib
import difflib
import functools
import inspect
import math
import operator
from collections.abc import Callable, Iterable, Iterator, Mapping, Set
from decimal import Decimal
from fractions import Fraction
from numbers import Integral, Rational, Real
from typing import Any, ParamSpec, TypeVar

from calcweb.exceptions import (
    ArgumentTypeError,
    CalcwebError,
    DivisionByZeroError,
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


def _not_real(value: object, name: str) -> ArgumentTypeError:
    """The error for a ``value`` that is not a real number, with the fix for its kind."""
    if isinstance(value, Decimal):
        hint = f"convert it with float({name})"
    elif isinstance(value, complex):
        hint = "calcweb works with real numbers: pass the real part (z.real)"
    elif isinstance(value, bool):
        hint = "a bool is not a number here: pass 1.0 or 0.0"
    elif isinstance(value, str):
        hint = f"convert it with float({value!r})"
    elif hasattr(value, "__len__") or hasattr(value, "__iter__"):
        hint = "pass a single number, not a sequence"
    else:
        hint = "pass an int or a float"
    return ArgumentTypeError(
        f"{name} must be a real number (int or float), but got {type(value).__name__} "
        f"{shown(value)}; {hint}"
    )


def shown(value: object) -> str:
    """``repr(value)``, cut short: a 10**400 or a long list stays readable in a message.

    ``repr`` of an int beyond 4300 digits raises ValueError and a user's object
    may have a ``__repr__`` that fails; neither may hide the real error.
    """
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        return f"an int of about {value.bit_length() * math.log10(2):.0f} digits"
    try:
        text = repr(value)
    except Exception:  # a broken __repr__ must not hide the real error
        text = f"<{type(value).__name__}>"
    return text if len(text) <= 80 else text[:77] + "..."


def listed(value: object) -> list[object] | None:
    """The elements of a list, tuple, 1-D array or other iterable; None for anything else.

    str, bytes and mappings are not sequences of numbers, and a 0-d numpy
    array says it is iterable, then refuses: all give None.
    """
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, Iterable):
        return None
    try:
        return list(value)
    except TypeError:
        return None


def as_float(value: object, name: str) -> float:
    """Return the real number ``value`` as a float, which may be NaN or infinite.

    Accepts ``numbers.Real`` except bool: int, float, Fraction and numpy
    floating and integer scalars of every dtype. Decimal, complex and anything
    else raise ArgumentTypeError; an int or fraction beyond the float range
    raises NumericalError.
    """
    if type(value) is float:  # the common case, first
        return value
    if isinstance(value, bool) or not isinstance(value, Real):
        raise _not_real(value, name)
    try:
        return float(value)
    except OverflowError as error:  # an int or Fraction beyond 1.8e308
        raise NumericalError(
            f"{name} = {shown(value)} is too large for a float (beyond about 1.8e308); "
            "scale it down"
        ) from error
    except (TypeError, ValueError) as error:  # a Real whose __float__ is broken
        raise ArgumentTypeError(
            f"{name} = {shown(value)} could not be converted to a float ({error}); "
            "pass an int or a float"
        ) from error


def check_real(value: object, name: str) -> float:
    """Return ``value`` as a finite float.

    Accepts int, float and other real numbers (numpy scalars of every float
    and int dtype, fractions) but not bool, complex, Decimal or strings
    (ArgumentTypeError); NaN and infinities raise InvalidArgumentError, and an
    int too large for a float NumericalError.
    """
    result = as_float(value, name)
    if not math.isfinite(result):
        raise InvalidArgumentError(
            f"{name} must be a finite number, but got {shown(value)}; pass an ordinary float"
        )
    return result


def check_point(value: object, name: str) -> float:
    """Return a point calcweb evaluates f at or near (``x``, ``x0``, a bound) as a finite float.

    As `check_real`, but a number that ``float()`` would move (an int beyond
    2**53 that no float equals, such as ``2**60 + 1``, a ``Fraction(1, 3)``)
    raises InvalidArgumentError: the answer would be at another point, and f
    can differ there by far more than any error calcweb reports
    (``derivative(calcweb.sin, 2**60 + 1)`` would be ``cos(2**60)``, -0.557,
    for 0.398).
    """
    result = check_real(value, name)
    _refuse_moved(value, result, name)
    return result


def _refuse_moved(value: object, result: float, name: str) -> None:
    """Raise InvalidArgumentError if the float ``result`` is not exactly ``value``."""
    if isinstance(value, Integral):
        exact = int(value) == result  # int == float compares exactly, numpy's int64 not
    elif isinstance(value, Rational):
        exact = Fraction(int(value.numerator), int(value.denominator)) == result
    else:  # floats of any width compare exactly with a float64
        exact = bool(value == result)
    if not exact:
        raise InvalidArgumentError(
            f"{name} = {shown(value)} is not exactly representable as a float (the nearest "
            f"float is {result!r}), and calcweb evaluates f only at floats: rounding {name} "
            "would give the answer at that other point, where f may differ by more than any "
            f"error calcweb reports; pass float({name}) explicitly if that nearest float is meant"
        )


def check_int(value: object, name: str, low: int, high: int, example: str) -> int:
    """Return ``value`` as an int in ``low..high`` (Python or numpy integer, not bool).

    Args:
        value: What the reader passed.
        name: Its name, for the message.
        low: The smallest value allowed.
        high: The largest value allowed.
        example: How to fix it, e.g. ``"pass e.g. n=2"``.
    """
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise ArgumentTypeError(
            f"{name} must be a whole number (int) between {low} and {high}, but got "
            f"{type(value).__name__} {shown(value)}; {example}"
        )
    number = operator.index(value)
    if not low <= number <= high:
        raise InvalidArgumentError(
            f"{name} must be between {low} and {high}, but got {shown(number)}; {example}"
        )
    return number


def check_vector(x: object, name: str, *, empty: bool = False, point: bool = False) -> list[float]:
    """Return the sequence ``x`` as a list of finite floats.

    Accepts a list, tuple, 1-D numpy array or any other iterable of real
    numbers, except str, bytes, mappings and sets (whose order is not
    defined); entries are checked with `check_real`, or `check_point`.

    Args:
        x: What the reader passed.
        name: Its name, for the message.
        empty: Whether an empty sequence is allowed.
        point: Whether ``x`` is a point where f is evaluated (`check_point`).
    """
    if isinstance(x, (str, bytes, Mapping, Set)) or not isinstance(x, Iterable):
        raise ArgumentTypeError(
            f"{name} must be a sequence of numbers (list, tuple or 1-D numpy array), but "
            f"got {type(x).__name__} {shown(x)}; for a single number use [x]"
        )
    try:
        entries = list(x)
    except TypeError as error:  # a 0-d numpy array is iterable only in name
        raise ArgumentTypeError(
            f"{name} must be a sequence of numbers, but {type(x).__name__} {shown(x)} "
            f"cannot be iterated ({error}); pass a list such as [1.0, 2.0]"
        ) from error
    if not entries and not empty:
        raise InvalidArgumentError(f"{name} must have at least one entry, but it is empty")
    for i, entry in enumerate(entries):
        if isinstance(entry, Iterable) and not isinstance(entry, (str, bytes)):
            raise ArgumentTypeError(
                f"{name} must be a flat (1-D) sequence of numbers, but {name}[{i}] is "
                f"{type(entry).__name__} {shown(entry)}; flatten it or pass one row"
            )
    check = check_point if point else check_real
    return [check(entry, f"{name}[{i}]") for i, entry in enumerate(entries)]


def check_flag(value: object, name: str) -> bool:
    """Return ``value`` as a bool: True, False, 0, 1 or a numpy bool; else ArgumentTypeError."""
    if isinstance(value, bool):
        return value
    if isinstance(value, Integral) and value in (0, 1):
        return bool(value)
    kind = type(value)
    if kind.__module__ == "numpy" and kind.__name__ in ("bool", "bool_"):
        return bool(value)
    raise ArgumentTypeError(
        f"{name} must be True or False, but got {kind.__name__} {shown(value)}; "
        f"pass {name}=True or {name}=False"
    )


def call(f: Callable[..., Any], *args: Any, what: str = "f", takes: str = "one number") -> Any:
    """``f(*args)``, turning a failed *call* (a wrong number of arguments) into ArgumentTypeError.

    A TypeError raised inside ``f`` (its traceback goes on into ``f``) is the
    reader's own and passes through unchanged, as every other exception of
    ``f`` does. One raised by the call itself, or by a builtin such as
    ``math.atan2`` that cannot take these arguments, has no frame beyond this
    one: that is a mistake in what was passed to calcweb.
    """
    try:
        return f(*args)
    except TypeError as error:
        if error.__traceback__ is not None and error.__traceback__.tb_next is None:
            raise ArgumentTypeError(
                f"{what} could not be called with {shown(args[0]) if len(args) == 1 else args}: "
                f"{error}. {what} must be a function of {takes}"
            ) from error
        raise


def unknown_arguments(
    kwargs: Mapping[str, object],
    keywords: list[str],
    error: TypeError,
    otherwise: str = "",
    meant: Mapping[str, str] | None = None,
) -> str:
    """What was wrong with a call that could not bind: the unknown keyword and the one meant.

    ``keywords`` are the names the callee takes; ``error`` is Python's own refusal;
    ``meant`` says, for another library's keyword (scipy's ``epsabs``), what to
    write instead (``tol``); ``otherwise`` follows an unknown keyword that is like
    none of the names taken.
    """
    unknown = [key for key in kwargs if key not in keywords]
    if not unknown:
        return f"cannot take these arguments ({error})"
    if meant and unknown[0] in meant:
        return f"got an unknown keyword argument {unknown[0]!r} ({meant[unknown[0]]})"
    close = difflib.get_close_matches(unknown[0], keywords, n=1)
    hint = f" (did you mean {close[0]}?)" if close else otherwise
    return f"got an unknown keyword argument {unknown[0]!r}{hint}"


_P = ParamSpec("_P")
_R = TypeVar("_R")

# Other libraries' keywords (scipy, numpy, numdifftools, sympy, torch) and what calcweb
# takes for them, for `checking_arguments`' ``meant``.
DERIVATIVE_ORDER = dict.fromkeys(
    ("order", "nu"), "calcweb's name for it is n, the order of the derivative: n=2 for the second"
)
STEP = dict.fromkeys(
    ("step", "dx", "eps", "epsilon", "delta", "initial_step", "step_size"),
    "calcweb's name for it is h, the step; leave it out to let calcweb choose one",
)
EXTRA_ARGUMENTS = {
    "args": "calcweb has none: pass a function of x alone, lambda x: f(x, a) for f's extra a"
}


def checking_arguments(
    function: Callable[_P, _R], meant: Mapping[str, str] | None = None
) -> Callable[_P, _R]:
    """``function``, refusing arguments it does not take with an ArgumentTypeError naming them.

    Python's own TypeError ("unexpected keyword argument 'weight'") names neither
    the arguments a function takes nor the one meant: torch's losses take
    keywords that calcweb's do not (``ignore_index``, ``pos_weight``,
    ``binary_cross_entropy``'s ``weight``; ``cross_entropy`` takes ``weight``),
    scipy's ``quad`` takes ``epsabs`` for ``integrate``'s ``tol`` (``meant``, as
    for `unknown_arguments`). Only a call that fails before ``function`` runs is
    refused so (no frame of it in the traceback); a TypeError from inside passes
    through unchanged. A method's ``self`` is not listed, and ``__init__`` is
    named by its class. Only for public entries: the wrapper costs a call.
    """
    owner, _, name = function.__qualname__.rpartition(".")
    called = f"{owner}()" if name == "__init__" else f"{function.__qualname__}()"

    @functools.wraps(function)
    def checked(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return function(*args, **kwargs)
        except TypeError as error:
            if error.__traceback__ is None or error.__traceback__.tb_next is not None:
                raise
            keywords = [
                parameter.name
                for parameter in inspect.signature(function).parameters.values()
                if parameter.name != "self" and parameter.kind not in _GATHERED
            ]
            problem = unknown_arguments(
                kwargs,
                keywords,
                error,
                " (calcweb has no such option: leave it out)",
                meant,
            )
            raise ArgumentTypeError(f"{called} {problem}; it takes {', '.join(keywords)}") from None

    return checked


def checking_arguments_hinting(
    *tables: Mapping[str, str],
) -> Callable[[Callable[_P, _R]], Callable[_P, _R]]:
    """`checking_arguments` as a decorator that also says what another library's names are."""
    meant = {key: text for table in tables for key, text in table.items()}
    return lambda function: checking_arguments(function, meant)


# ``*args`` and ``**kwargs`` gather what the others do not take: they name no keyword.
_GATHERED = (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)


METHODS = ("auto", "ad", "richardson", "central", "forward", "backward", "complex")
"""The differentiation methods of calcweb.derivative."""
_MAX_ORDER = 170  # n! overflows a float beyond this


def check_order(n: object) -> int:
    """Return the order ``n`` as an int in ``0..170``."""
    return check_int(n, "n", 0, _MAX_ORDER, "pass e.g. n=2 for the second derivative")


def check_method(method: object) -> str:
    """Return ``method`` if it names one of `METHODS`."""
    if not isinstance(method, str) or method not in METHODS:
        raise InvalidArgumentError(
            f"method must be one of {', '.join(map(repr, METHODS))}, but got {method!r}"
        )
    return str(method)


def check_step(h: object, name: str = "h") -> float:
    """Return the step ``h`` as a finite float > 0."""
    step = check_real(h, name)
    if step <= 0.0:
        raise InvalidArgumentError(
            f"{name} must be > 0, but got {step!r}; it is a step size, and the "
            "method already chooses where f is evaluated (forward_difference right "
            "of x, backward_difference left of it), so pass a positive step such as "
            "1e-5 (or leave it out to let calcweb choose one)"
        )
    return step


# What the reader can do where f fails at the very point x it asked about: no
# step or formula helps there. A derivative at x needs f(x) (the one-sided
# formulas evaluate it; f has no derivative where it has no value), so x must move.
INTO_THE_DOMAIN = "move x into the domain of f"


def evaluate(f: Callable[..., Any], x: float, what: str = "f", fix: str | None = None) -> float:
    """Call ``f(x)`` and return the result as a finite float.

    A ValueError or ZeroDivisionError raised by ``f`` (such as
    ``math.log(-1.0)`` or ``1 / 0``) becomes a DomainError that names the
    point (the original is its ``__cause__``) and ends with ``fix``, what the
    reader can do (by default, for a point near the one asked about: move x
    away from the edge of the domain or use a one-sided formula that stays
    inside it; on a line of `calcweb.multivariate`, which has none, move x
    inside the domain, away from its edge); an OverflowError becomes a
    NumericalError; a wrong number of arguments an ArgumentTypeError; a result
    that is not a real number or is not finite is refused with a message that
    says so. Any other exception of ``f`` passes through unchanged.
    """
    try:
        y = call(f, x, what=what)
    except OverflowError as error:
        raise overflowed(error, f"{what}({x!r})", what) from error
    except (ValueError, ZeroDivisionError) as error:
        if isinstance(error, InvalidArgumentError):
            raise
        # A restriction of f to a line (calcweb.multivariate) names the point of f's own.
        point = f.point_at(x) if hasattr(f, "point_at") else x
        if (
            fix is None and point is not x
        ):  # on a line: grad, hessian, ... offer no one-sided formula
            fix = "move x inside the domain of f, away from its edge"
        if fix is None:
            raise outside_domain(error, f"{what}({shown(point)})", point, what) from error
        raise outside_domain(error, f"{what}({shown(point)})", point, what, fix) from error
    return result_value(y, f"{what}({x!r})", what)


def overflowed(error: OverflowError, where: str, what: str = "f") -> NumericalError:
    """The NumericalError for the OverflowError ``error`` of the call ``where``."""
    # f itself may be small where an intermediate overflows (x**149 *
    # exp(-x) / gamma(150) is 1e-9 at 233, where x**149 overflows).
    return NumericalError(
        f"{where} overflowed ({error}): {what}, or a value computed inside it, "
        "is beyond the float range (about 1e308) there; keep x where it is not, or "
        f"rewrite {what} so that no intermediate result overflows (in logs: "
        "exp(a*log(x) - x) for x**a*exp(-x))"
    )


@contextlib.contextmanager
def x_itself_first(f: Callable[..., Any], x: float) -> Iterator[None]:
    """Where f fails near ``x`` (a DomainError), and at ``x`` itself too, raise the error at ``x``.

    The error near x advises moving x away from the edge of the domain or a
    one-sided formula; where f has no value at x itself neither helps (a
    one-sided formula evaluates f(x)): x must move into the domain. f(x) is
    only evaluated on this path, where the call fails anyway.
    """
    try:
        yield
    except DomainError:
        try:
            evaluate(f, x, fix=INTO_THE_DOMAIN)
        except DomainError:
            raise  # f fails at x itself: that is what the reader must fix
        except CalcwebError:
            pass  # f(x) is no number (inf, a string): the error near x stands
        raise


def outside_domain(
    error: ValueError | ZeroDivisionError,
    where: str,
    x: object,
    what: str = "f",
    fix: str = (
        "move x away from the edge of the domain or use a one-sided formula that stays inside it"
    ),
) -> DomainError:
    """The DomainError (DivisionByZeroError) for ``error``, raised by the call ``where``."""
    kind = DivisionByZeroError if isinstance(error, ZeroDivisionError) else DomainError
    return kind(
        f"{where} raised {type(error).__name__}: {error}. The point {shown(x)} is "
        f"outside the domain of {what}; {fix}"
    )


class RefusedJets:
    """What `call_on_jets` returns when f refuses jets or Values: the ``error`` it raised."""

    __slots__ = ("error",)

    def __init__(self, error: Exception) -> None:
        self.error = error


# What f raises where it has no value (``math.sqrt(-1.0)``, ``1 / 0``): on jets at x, x is
# outside its domain.
OUTSIDE_THE_DOMAIN = (ValueError, ZeroDivisionError)


def call_on_jets(f: Callable[..., Any], *args: Any) -> Any | RefusedJets:
    """``f(*args)`` on jets or Values, or a `RefusedJets` holding why f refused them.

    Why: "auto" tries f on jets first and falls back to the numerical path,
    which calls f at floats (there `evaluate` names the point where f fails,
    or f works). f that is not written for jets raises a TypeError (math.sin
    of a jet) or an AttributeError (f reading an attribute that a jet lacks,
    ``model([x]).data``), a ValueError or ZeroDivisionError of its own
    (math.sqrt(-1.0), 1 / 0: `OUTSIDE_THE_DOMAIN`), or any other
    exception of its own that a jet provokes (``struct.pack("f", x)``'s
    struct.error, ``assert isinstance(x, float)``): a refusal, as on floats f
    raises it again, or works. calcweb's own errors that are not TypeErrors (a
    jet's log of a negative number) are answers about f and pass through, as
    do exceptions that are not errors (KeyboardInterrupt).
    """
    try:
        return f(*args)
    except Exception as error:
        if isinstance(error, CalcwebError) and not isinstance(error, TypeError):
            raise
        return RefusedJets(error)


# Why a function of a real x may return a complex number with no imaginary part, and
# what to write instead.
_CMATH = (
    " (cmath's functions return complex numbers for real arguments too: write it with "
    "math's, math.sqrt for cmath.sqrt)"
)


def is_a_value(x: object) -> bool:
    """Whether ``x`` is a `calcweb.nn.Value` (told by name: nn imports this module)."""
    kind = type(x)
    return kind.__name__ == "Value" and kind.__module__ == "calcweb.nn.value"


def not_a_number_advice(y: object) -> str:
    """Words that say how to get a number from ``y``, where that is known ('' if not)."""
    if isinstance(y, complex) and not y.imag:
        return _CMATH
    if is_a_value(y):
        # A model's output (MLP(1, [3, 1])([x])): its number is .data.
        return (
            "; a calcweb Value (a model's output) holds its number in .data: return "
            "that, e.g. lambda x: model([x]).data"
        )
    return ""


def result_value(y: object, where: str, what: str = "f") -> float:
    """What the reader's function returned (``where`` names the call) as a finite float."""
    if type(y) is float and math.isfinite(y):
        return y
    if isinstance(y, bool) or not isinstance(y, Real):
        raise ArgumentTypeError(
            f"{where} returned {type(y).__name__} {shown(y)}; {what} must "
            f"return a real number (int or float){not_a_number_advice(y)}"
        )
    value = as_float(y, f"the value {where}")
    if math.isinf(value):  # f overflowed (1e308 * 2.0), or has a pole (numpy's 1 / 0)
        raise NumericalError(
            f"{where} returned {value!r}, which is not a finite number: {what} overflowed the "
            "float range there (beyond about 1.8e308), or has a pole; keep x, and the "
            f"points a step away, where {what} is finite (a smaller step, or scale {what} down)"
        )
    if math.isnan(value):
        raise NumericalError(
            f"{where} returned {value!r}, which is not a finite number; "
            "check that x is inside the domain of the function and that the "
            "step is not so large that it leaves it"
        )
    return value


def check_real_or_infinite(value: object, name: str) -> float:
    """Return a point (`check_point`) as a float that may be ``±inf`` but not NaN.

    A limit's ``x0``, or a bound of an integral (`integrate`, `riemann_sum`).
    """
    if isinstance(value, Real):
        result = as_float(value, name)  # refuses bools
        if math.isinf(result):
            return result
    return check_point(value, name)
