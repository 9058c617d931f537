r"""``Value``: a scalar that remembers how it was computed, for backpropagation.

Every operation on a `Value` returns a new ``Value`` that records its
inputs (`Value.inputs`) and the *local derivative* of the output with respect to
each input (``_local``), computed right beside the forward math. For
``out = tanh(x)`` the local derivative is $1 - \tanh^2 x$; for
``out = x * y`` it is ``y`` with respect to ``x`` and ``x`` with respect to ``y``.

`Value.backward` then applies the chain rule once over the graph, from
the output back to the inputs, in reverse topological order:

$$
\frac{\partial L}{\partial x} = \sum_{\text{out} \ni x}
    \frac{\partial L}{\partial \text{out}}\,\frac{\partial \text{out}}{\partial x}.
$$

Gradients follow PyTorch: the gradients of the *leaves* (values you created
yourself, such as weights) add up across calls to ``backward()`` until they
are set back to zero, so ``backward(); zero_grad(); backward()`` gives the same
gradients twice.

Graphs of any depth work, natively and in the browser: the topological sort
uses an explicit stack instead of recursion, and a graph is freed node by
node from a queue. (Left to itself, CPython frees a chain of objects by
recursing in C, one level per link; on WebAssembly's small stack, in Pyodide,
a chain of about two thousand operations crashed the interpreter when it was
freed.) So a training loop that chains 100 000 operations builds,
back-propagates and is freed in time proportional to its size.

Every value is a finite float. An operation whose result overflows raises
`calcweb.NumericalError`, a point outside a function's domain
`calcweb.DomainError` (a division by zero `calcweb.DivisionByZeroError`), a
NaN or infinite input `calcweb.InvalidArgumentError`, and an operand that is
not a real number (a string, a complex number, a ``Decimal``)
`calcweb.ArgumentTypeError`. Any real number works on either side of an
operator: ``int``, ``float``, ``fractions.Fraction`` and numpy scalars.

Examples:
    >>> from calcweb.nn import Value
    >>> x = Value(2.0)
    >>> y = x * x + 3 * x          # y = x² + 3x
    >>> y.backward()
    >>> x.grad                     # dy/dx = 2x + 3
    7.0
"""

from __future__ import annotations

import contextlib
import math
import threading
from collections.abc import Iterator
from contextvars import ContextVar
from numbers import Real
from typing import cast

from calcweb import _real
from calcweb._checks import check_flag, checking_arguments, shown
from calcweb.exceptions import (
    ArgumentTypeError,
    CalcwebError,
    DivisionByZeroError,
    DomainError,
    InvalidArgumentError,
    NumericalError,
)
from calcweb.nn._scalars import real_number

__all__ = ["Value"]

_TWO_OVER_SQRT_PI = 2.0 / math.sqrt(math.pi)

# The comparisons of a Value with an equal number, while `noting_ties` listens: a branch
# taken at a tie (max(p0, 0.0) at 0), where f can have a kink that backward() cannot see.
_TIES: ContextVar[list[tuple[Value, object]] | None] = ContextVar("calcweb_ties", default=None)


@contextlib.contextmanager
def noting_ties() -> Iterator[list[tuple[Value, object]]]:
    """The list of ``(value, other)`` that compared equal within.

    By ``<``, ``<=``, ``>``, ``>=``; by ``if value:`` at 0 (``other`` 0.0);
    by ``==`` or ``!=`` of two objects whose numbers are equal (identity then
    answers unequal where f on floats takes the other branch).
    """
    ties: list[tuple[Value, object]] = []
    token = _TIES.set(ties)
    try:
        yield ties
    finally:
        _TIES.reset(token)


def _compared(value: Value, other: object, b: float) -> float:
    """``b``, the other side of a comparison, after noting a tie with it (`noting_ties`)."""
    if value.data == b:
        ties = _TIES.get()
        if ties is not None:
            ties.append((value, other))
    return b


class _NoGradient(float):
    """The grad of a Value no ``backward()`` has reached (since ``zero_grad()``): torch's None.

    It reads as 0.0, as torch's None does in its next ``backward()``; arithmetic
    on it gives plain floats, so the first ``backward()`` that reaches the value
    replaces it (``grad += ...``). An optimiser's ``step()`` skips a parameter
    whose grad is still `NO_GRADIENT`, as torch's skips a grad of None.
    """

    __slots__ = ()

    def __reduce__(self) -> str:
        return "NO_GRADIENT"  # pickled and copied as the one instance


NO_GRADIENT = _NoGradient(0.0)


class _Teardown(threading.local):
    """The inputs of freed values that are still to be released, per thread.

    ``pending`` is not empty exactly while a teardown runs in this thread.
    """

    def __init__(self) -> None:
        self.pending: list[tuple[Value, ...] | None] = []


_TEARDOWN = _Teardown()


def _operand(other: object, op: str) -> float | None:
    """The other operand of a binary operator as a float; None for a numpy array.

    A numpy array is left to numpy (``NotImplemented``), which applies the
    operator to each element.
    """
    if isinstance(other, Value):  # a subclass of Value
        if other.data is None:  # set by hand; None here would mean "a numpy array"
            raise _not_a_number(TypeError(), other)
        return other.data
    if hasattr(type(other), "__array_ufunc__") and not isinstance(other, Real):
        return None
    return real_number(other, f"the operand of Value {op}")


def _not_finite(expression: str, *operands: float) -> InvalidArgumentError | NumericalError:
    """The error for an operation whose result is not finite: a bad operand or an overflow."""
    if any(x - x for x in operands):
        return InvalidArgumentError(
            f"{expression}: an operand is not a finite number (was .data set to NaN or inf, "
            "or did an optimiser diverge?); use finite numbers"
        )
    return NumericalError(
        f"{expression} overflows a float (its result is beyond about 1.8e308); scale the "
        "inputs down (a smaller learning rate often keeps them small)"
    )


def _not_a_number(error: Exception, *operands: object) -> Exception:
    """Why an operation on Values failed: a ``.data`` or ``.grad`` set to no float.

    Both attributes are plain and unchecked, so that the arithmetic stays fast;
    the check runs only once an operation has failed (a TypeError, an array's
    ValueError, an int's OverflowError). An error no such attribute explains
    is returned unchanged.
    """
    for operand in operands:
        if not isinstance(operand, Value):
            continue
        for name in ("data", "grad"):
            refusal = no_float(getattr(operand, name), name)
            if refusal is not None:
                return refusal
    return error  # its own message says what went wrong


def no_float(x: object, name: str) -> CalcwebError | None:
    """The error for a Value's ``.data`` or ``.grad`` (``name``) set to ``x``, if no float."""
    if not isinstance(x, Real):
        return ArgumentTypeError(
            f"a Value's .{name} was set to {shown(x)} (a {type(x).__name__}), but a "
            f"Value holds real numbers: assign a float, e.g. value.{name} = 0.0"
        )
    try:
        float(x)
    except OverflowError:  # an int such as math.factorial(200)
        return NumericalError(
            f"a Value's .{name} was set to {shown(x)}, beyond the float range (about "
            f"1.8e308); assign a float within it, e.g. value.{name} = 0.0"
        )
    return None


def _torch_keywords(data: object, keywords: dict[str, object]) -> ArgumentTypeError:
    """The error for ``Value(2.0, requires_grad=True)`` and torch's other tensor keywords."""
    names = ", ".join(map(repr, keywords))
    noun = "keyword argument" if len(keywords) == 1 else "keyword arguments"
    return ArgumentTypeError(
        f"Value got an unknown {noun} {names}; it takes one argument, the number: "
        f"Value({shown(data)}). Every Value you make gets a .grad from backward(), so torch's "
        "requires_grad has no counterpart here, and a Value holds a Python float (it has no "
        "dtype or device)"
    )


def _division_by_zero(expression: str) -> DivisionByZeroError:
    """The error for a division of Values whose divisor is 0."""
    return DivisionByZeroError(
        f"{expression} divides by zero; keep the divisor away from 0 "
        "(add a small epsilon, or clip it)"
    )


def _negative_base(a: float, b: float) -> DomainError:
    """The error for ``a ** Value(b)`` with a < 0: its slope in b, a**b log a, is not real."""
    return DomainError(
        f"{a!r} ** Value({b!r}): the gradient with respect to a Value exponent needs a "
        "positive base (it is a**b * log(a)); use a plain number as the exponent, or a "
        "positive base"
    )


def _singular(name: str, x: float) -> DomainError:
    """The error for a derivative that is infinite at ``x`` (the name says at what)."""
    return DomainError(
        f"{name} is not differentiable at {x!r} (its derivative is infinite there); "
        "move the point inside the domain, e.g. add a small epsilon"
    )


class Value:
    """A scalar that records the operations applied to it, for reverse-mode autodiff.

    Args:
        data: The number this value holds: any real number (int, float,
            Fraction, numpy scalar), finite.

    Attributes:
        data: The number (a float).
        grad: ``dL/d(this value)`` after ``L.backward()``; 0.0 before (a float
            that marks it as not yet computed, torch's None: an optimiser's
            ``step()`` skips a parameter whose grad no ``backward()`` reached).

    Arithmetic (``+ - * / **``, also with real numbers on either side, and a
    ``Value`` exponent) and the math methods below build a graph;
    `backward` fills in ``grad`` for every value in it.

    Comparisons work as for torch's one-element tensors, but give a bool
    (torch gives a 0-d bool tensor; against a numpy number or array, numpy's
    bool or array of bools): ``<``, ``<=``, ``>``, ``>=``
    compare ``data`` (so ``if loss > 0:``, ``max`` and
    ``sorted`` work, and ``max`` returns the Value itself, graph and all), and
    ``bool(v)`` is ``v.data != 0``. But ``==`` and ``!=`` compare identity, as
    in micrograd: a graph keeps its values in sets and dicts, and two values
    holding the same number are still two nodes. Compare numbers with
    ``v.data == 0``. ``float(v)``, ``int(v)``, ``round(v)`` and ``math.exp(v)``
    raise `calcweb.ArgumentTypeError`: the plain number would drop the graph, so
    say ``v.data`` when you want it (or ``v.exp()`` to keep the gradient). ``%``
    and ``//`` raise it too (``//`` is a staircase, with slope 0; ``%`` jumps at
    every multiple of the divisor): for ``x % m`` with its slope, 1 between the
    jumps, write ``x - m * (x.data // m)``.

    Raises:
        ArgumentTypeError: ``data`` is not a real number, or a keyword is given
            (torch's ``requires_grad``, ``dtype``, ``device``: every Value you
            make gets a ``grad``, and holds a float).
        InvalidArgumentError: ``data`` is NaN or infinite.
        NumericalError: ``data`` does not fit a float (``Value(10**400)``).

    Examples:
        >>> a, b = Value(3.0), Value(-2.0)
        >>> c = (a * b).tanh() + a ** b
        >>> c
        Value(data=-0.888876..., grad=0.0)
        >>> c.backward()
        >>> round(a.grad, 6), round(b.grad, 6)
        (-0.074123, 0.122142)
        >>> Value(1.0) / 0.0
        Traceback (most recent call last):
          ...
        calcweb.exceptions.DivisionByZeroError: Value(1.0) / 0.0 divides by zero; ...
        >>> max(Value(1.0), Value(2.0)), Value(0.0) < 1, bool(Value(0.0))
        (Value(data=2.0, grad=0.0), True, False)
        >>> round(Value(2.0))
        Traceback (most recent call last):
          ...
        calcweb.exceptions.ArgumentTypeError: round(Value(2.0)) would drop the graph: ...
    """

    __slots__ = ("_local", "_op", "_prev", "data", "grad")

    def __init__(
        self,
        data: float,
        _prev: tuple[Value, ...] = (),
        _local: tuple[float, ...] = (),
        _op: str = "",
        **torch_keywords: object,
    ) -> None:
        # Operations pass finite floats with their inputs and no keyword; only a
        # value made by the reader (no inputs) needs checking.
        if not _prev or type(data) is not float:
            if torch_keywords:  # Value(2.0, requires_grad=True), as torch.tensor takes it
                raise _torch_keywords(data, torch_keywords)
            if type(data) is not float or data - data:
                data = real_number(data, "Value(data)")
        self.data: float = data
        self.grad: float = NO_GRADIENT
        self._prev = _prev
        self._local = _local
        self._op = _op

    @property
    def inputs(self) -> tuple[Value, ...]:
        """The values this one was computed from (empty for a value you made).

        Examples:
            >>> x = Value(2.0)
            >>> y = x * 3.0
            >>> y.inputs == (x,), x.inputs
            (True, ())
        """
        return self._prev

    @property
    def op(self) -> str:
        """The name of the operation that made this value (``""`` for a value you made).

        Examples:
            >>> (Value(2.0) * 3.0).op, Value(2.0).exp().op, Value(2.0).op
            ('*', 'exp', '')
        """
        return self._op

    def __del__(self, _teardown: _Teardown = _TEARDOWN) -> None:
        # Freeing this value releases its inputs, which may release theirs, and
        # so on down the graph: in CPython a recursion in C as deep as the
        # graph. Instead, the first value freed in a thread drains a queue, and
        # the values it frees only add their inputs to that queue, so the C
        # stack stays shallow (this matters in Pyodide, whose stack is small).
        try:
            prev = self._prev
        except AttributeError:  # __init__ refused the data before setting it
            return
        if not prev:
            return
        self._prev = ()
        pending = _teardown.pending
        if pending:  # a teardown is already running further up this thread's stack
            pending.append(prev)
            return
        pending += (None, prev)  # None marks the bottom of this teardown
        del prev  # the queue must hold the only reference, or it is freed on return
        while pending.pop() is not None:  # each tuple popped is released here
            pass

    def __repr__(self) -> str:
        return f"Value(data={self.data!r}, grad={self.grad!r})"

    # ------------------------------------------------------------------ arithmetic
    # Each operator has a fast path for a Value or a float operand; any other
    # real number (int, Fraction, numpy scalar) is converted and checked first.
    # A result that is not finite means an overflow (or a non-finite .data).

    def __add__(self, other: Value | float) -> Value:
        try:
            a = self.data
            if type(other) is Value:
                out = a + other.data
                if out - out:
                    raise _not_finite(f"Value({a!r}) + Value({other.data!r})", a, other.data)
                return Value(out, (self, other), (1.0, 1.0), "+")
            b = other if type(other) is float else _operand(other, "+")
            if b is None:
                return NotImplemented
            out = a + b
            if out - out:
                raise _not_finite(f"Value({a!r}) + {b!r}", a, b)
            if isinstance(other, Value):
                return Value(out, (self, other), (1.0, 1.0), "+")
            return Value(out, (self,), (1.0,), "+")
        except (TypeError, ValueError, OverflowError) as error:  # a .data set to no float
            raise _not_a_number(error, self, other) from None

    def __radd__(self, other: float) -> Value:
        return self.__add__(other)

    def __sub__(self, other: Value | float) -> Value:
        try:
            a = self.data
            if type(other) is Value:
                out = a - other.data
                if out - out:
                    raise _not_finite(f"Value({a!r}) - Value({other.data!r})", a, other.data)
                return Value(out, (self, other), (1.0, -1.0), "-")
            b = other if type(other) is float else _operand(other, "-")
            if b is None:
                return NotImplemented
            out = a - b
            if out - out:
                raise _not_finite(f"Value({a!r}) - {b!r}", a, b)
            if isinstance(other, Value):
                return Value(out, (self, other), (1.0, -1.0), "-")
            return Value(out, (self,), (1.0,), "-")
        except (TypeError, ValueError, OverflowError) as error:  # a .data set to no float
            raise _not_a_number(error, self, other) from None

    def __rsub__(self, other: float) -> Value:
        try:
            b = self.data
            a = _operand(other, "-")
            if a is None:
                return NotImplemented
            out = a - b
            if out - out:
                raise _not_finite(f"{a!r} - Value({b!r})", a, b)
            return Value(out, (self,), (-1.0,), "-")
        except (TypeError, ValueError, OverflowError) as error:  # a .data set to no float
            raise _not_a_number(error, self, other) from None

    def __mul__(self, other: Value | float) -> Value:
        try:
            a = self.data
            if type(other) is Value:
                b = other.data
                out = a * b
                if out - out:
                    raise _not_finite(f"Value({a!r}) * Value({b!r})", a, b)
                return Value(out, (self, other), (b, a), "*")
            c = other if type(other) is float else _operand(other, "*")
            if c is None:
                return NotImplemented
            out = a * c
            if out - out:
                raise _not_finite(f"Value({a!r}) * {c!r}", a, c)
            if isinstance(other, Value):
                return Value(out, (self, other), (c, a), "*")
            return Value(out, (self,), (c,), "*")
        except (TypeError, ValueError, OverflowError) as error:  # a .data set to no float
            raise _not_a_number(error, self, other) from None

    def __rmul__(self, other: float) -> Value:
        return self.__mul__(other)

    def __truediv__(self, other: Value | float) -> Value:
        try:
            # d(a/b)/da = 1/b, d(a/b)/db = -a/b² = -(a/b)/b (a/b first: b*b may underflow)
            a = self.data
            if type(other) is Value:
                b = other.data
            elif type(other) is float:
                b = other
            else:
                c = _operand(other, "/")
                if c is None:
                    return NotImplemented
                b = c
            if b == 0.0:  # not `not b`: a .data set to None or [] must not read as 0
                raise _division_by_zero(f"Value({a!r}) / {b!r}")
            out = a / b
            if out - out or b - b:  # a / inf is a finite 0, but inf is not a finite operand
                raise _not_finite(f"Value({a!r}) / {b!r}", a, b)
            if isinstance(other, Value):
                return Value(out, (self, other), (1.0 / b, -out / b), "/")
            return Value(out, (self,), (1.0 / b,), "/")
        except (TypeError, ValueError, OverflowError) as error:  # a .data set to no float
            raise _not_a_number(error, self, other) from None

    def __rtruediv__(self, other: float) -> Value:
        try:
            b = self.data
            a = _operand(other, "/")
            if a is None:
                return NotImplemented
            if b == 0.0:  # not `not b`: a .data set to None or [] must not read as 0
                raise _division_by_zero(f"{a!r} / Value({b!r})")
            out = a / b
            if out - out or b - b:  # a / inf is a finite 0, but inf is not a finite operand
                raise _not_finite(f"{a!r} / Value({b!r})", a, b)
            return Value(out, (self,), (-out / b,), "/")
        except (TypeError, ValueError, OverflowError) as error:  # a .data set to no float
            raise _not_a_number(error, self, other) from None

    def __neg__(self) -> Value:
        return Value(-self._input("neg"), (self,), (-1.0,), "neg")

    def __pos__(self) -> Value:
        return self

    def __pow__(self, other: Value | float) -> Value:
        try:
            a = self._input("pow")
            b = _operand(other, "**")
            if b is None:
                return NotImplemented
            if not isinstance(other, Value):
                # An int exponent keeps its parity past 2**53, as calcweb.pow (`_real.power`).
                exponent = other if isinstance(other, int) else b
                out = _real.power(a, exponent)  # DomainError or NumericalError, as calcweb.pow
                return Value(out, (self,), (_power_slope(a, exponent),), "**")
            # d(a**b)/db = a**b log a needs a > 0 (torch's convention: 0 at a == 0).
            if a < 0.0:
                raise _negative_base(a, b)
            out = _real.power(a, b)
            slope_b = out * math.log(a) if a > 0.0 else 0.0
            return Value(out, (self, other), (_power_slope(a, b), slope_b), "**")
        except (TypeError, ValueError, OverflowError) as error:  # a .data set to no float
            raise _not_a_number(error, self, other) from None

    def __rpow__(self, other: float) -> Value:
        a = _operand(other, "** (as the base)")
        if a is None:
            return NotImplemented
        b = self._input("pow")
        # A plain base is a constant: only d(a**b)/db = a**b log a is needed
        # (0 at a == 0, torch's convention), not the slope in a, infinite at 0.
        if a < 0.0:
            raise _negative_base(a, b)
        out = _real.power(a, b)
        return Value(out, (self,), (out * math.log(a) if a > 0.0 else 0.0,), "**")

    def pow(self, exponent: Value | float) -> Value:
        """``self ** exponent`` (the exponent may be a ``Value`` too).

        Raises:
            DomainError: if the real power does not exist (a negative base with a
                fractional exponent, or 0 to a negative power).
            NumericalError: if the result overflows.
            ArgumentTypeError: if the exponent is not a real number or a Value.

        Examples:
            >>> Value(3.0).pow(2)
            Value(data=9.0, grad=0.0)
        """
        out = self.__pow__(exponent)
        if out is NotImplemented:
            raise ArgumentTypeError(
                f"pow() needs a real number or a Value as the exponent, but got "
                f"{type(exponent).__name__}; for an array, raise each Value in turn"
            )
        return out

    def __abs__(self) -> Value:
        return self.abs()

    # ------------------------------------------------------------ comparisons, conversions

    def __eq__(self, other: object) -> bool:
        """Identity, as object's: ``p[0] == p[1]`` is False for two leaves of equal numbers.

        Values are dictionary keys by identity (`calcweb.draw_graph`'s labels),
        hashed as objects. Where the numbers are equal and the objects are not,
        the branch identity takes need not be f's on floats: `noting_ties`
        notes it (``vjp``'s "auto" then asks the differences). ``!=`` is its
        negation, as object's.
        """
        if self is other:
            return True
        b = other.data if isinstance(other, Value) else other
        data: object = self.data  # a number, unless set by hand to something else
        if isinstance(b, Real) and isinstance(data, Real):  # numbers (not arrays) alone
            _compared(self, other, cast(float, b))
        return NotImplemented

    __hash__ = object.__hash__

    def _compare(self, other: object, symbol: str) -> float | None:
        """The other side of a comparison as a number; None for a numpy array (numpy's to do).

        Infinities are fine here (``best = math.inf; if loss < best:``), unlike in arithmetic.
        """
        try:
            self._input(symbol)  # a .data set by hand to a non-number is refused here
            if isinstance(other, Value):
                other._input(symbol)
                return other.data
            if not isinstance(other, bool) and isinstance(other, Real):
                return cast(float, other)  # compared exactly: 2**60 + 1 > 2.0**60 holds
            return _operand(other, symbol)  # None for an array, else an ArgumentTypeError
        except TypeError as error:
            raise _not_a_number(error, self, other) from None

    def __lt__(self, other: object) -> bool:
        b = self._compare(other, "<")
        return NotImplemented if b is None else self.data < _compared(self, other, b)

    def __le__(self, other: object) -> bool:
        b = self._compare(other, "<=")
        return NotImplemented if b is None else self.data <= _compared(self, other, b)

    def __gt__(self, other: object) -> bool:
        b = self._compare(other, ">")
        return NotImplemented if b is None else self.data > _compared(self, other, b)

    def __ge__(self, other: object) -> bool:
        b = self._compare(other, ">=")
        return NotImplemented if b is None else self.data >= _compared(self, other, b)

    def __bool__(self) -> bool:
        """``data != 0``, as for torch's one-element tensors (``if loss:``); 0 is a tie there."""
        try:
            return bool(self.data != _compared(self, 0.0, 0.0))
        except ValueError as error:  # an array's truth value is ambiguous
            raise _not_a_number(error, self) from None

    def __format__(self, spec: str) -> str:
        """``f"{loss:.3f}"`` formats the number, as torch does; ``f"{loss}"`` is the repr."""
        return format(self.data, spec) if spec else repr(self)

    def _no_plain_number(self, call: str, fix: str) -> ArgumentTypeError:
        return ArgumentTypeError(
            f"{call.format(f'Value({self.data!r})')} would drop the graph: no gradient flows "
            f"through a plain number. {fix}"
        )

    def __float__(self) -> float:
        raise self._no_plain_number(
            "float({}) (math.exp(x), math.sin(x) and such call it)",
            "Write calcweb.exp(x) or x.exp() to keep the gradient, or x.data for the number",
        )

    def _no_integer(self, call: str) -> ArgumentTypeError:
        # Not calcweb.exp's advice: a rounded number is a step, with no gradient to keep.
        fix = f"Write {call.format('x.data')} for the number (a step has no useful gradient)"
        return self._no_plain_number(call, fix)

    def __int__(self) -> int:
        raise self._no_integer("int({})")

    def __trunc__(self) -> int:
        raise self._no_integer("math.trunc({})")

    def __floor__(self) -> int:
        raise self._no_integer("math.floor({})")

    def __ceil__(self) -> int:
        raise self._no_integer("math.ceil({})")

    def __round__(self, ndigits: int | None = None) -> float:
        raise self._no_integer("round({})")

    def _no_step(self, expression: str) -> ArgumentTypeError:
        return ArgumentTypeError(
            f"{expression}: a Value has no % or // (// is a staircase, with slope 0, and % "
            "jumps at every multiple of the divisor); write x.data % 2, x.data // 2 for the "
            "number, or x - 2 * (x.data // 2) for x % 2 with its slope (1 between the jumps)"
        )

    def __mod__(self, other: object) -> Value:
        raise self._no_step(f"Value({self.data!r}) % {shown(other)}")

    def __rmod__(self, other: object) -> Value:
        raise self._no_step(f"{shown(other)} % Value({self.data!r})")

    def __floordiv__(self, other: object) -> Value:
        raise self._no_step(f"Value({self.data!r}) // {shown(other)}")

    def __rfloordiv__(self, other: object) -> Value:
        raise self._no_step(f"{shown(other)} // Value({self.data!r})")

    def __divmod__(self, other: object) -> tuple[Value, Value]:
        raise self._no_step(f"divmod(Value({self.data!r}), {shown(other)})")

    def __rdivmod__(self, other: object) -> tuple[Value, Value]:
        raise self._no_step(f"divmod({shown(other)}, Value({self.data!r}))")

    # ------------------------------------------------------------------ functions

    def _input(self, name: str) -> float:
        """This value's data, refused if it is not finite (set by hand or by an optimiser)."""
        x = self.data
        if type(x) is not float:  # set by hand: a float, or refused
            refusal = no_float(x, "data")
            if refusal is not None:
                raise refusal
            x = float(x)
        if x - x:
            raise InvalidArgumentError(
                f"{name}(Value({x!r})): the value is not a finite number (was .data set "
                "to NaN or inf, or did an optimiser diverge?); use a finite number"
            )
        return x

    def _checked(self, name: str) -> float:
        """``name(x)`` through calcweb.functions' checks: its domain and overflow."""
        x = self._input(name)
        return _real.finite(name, x, lambda: _real.UNARY[name](x))

    def exp(self) -> Value:
        """$e^x$; its derivative is itself.

        Raises:
            NumericalError: if $e^x$ overflows (x > 709.78).
        """
        out = self._checked("exp")
        return Value(out, (self,), (out,), "exp")

    def log(self) -> Value:
        """Natural logarithm, for x > 0; derivative 1/x.

        Raises:
            DomainError: if x <= 0.
        """
        out = self._checked("log")
        return Value(out, (self,), (1.0 / self.data,), "log")

    def log1p(self) -> Value:
        r"""$\log(1 + x)$, accurate for tiny x, for x > -1; derivative 1/(1 + x).

        Raises:
            DomainError: if x <= -1.
        """
        out = self._checked("log1p")
        return Value(out, (self,), (1.0 / (1.0 + self.data),), "log1p")

    def sqrt(self) -> Value:
        """Square root, for x >= 0; derivative 1/(2 sqrt x).

        At 0 the derivative is infinite: backward() through it raises DomainError.

        Raises:
            DomainError: if x < 0.
        """
        out = self._checked("sqrt")
        return Value(out, (self,), (0.5 / out if out else math.inf,), "sqrt")

    def sin(self) -> Value:
        """Sine; derivative cos x."""
        x = self._input("sin")
        return Value(math.sin(x), (self,), (math.cos(x),), "sin")

    def cos(self) -> Value:
        """Cosine; derivative -sin x."""
        x = self._input("cos")
        return Value(math.cos(x), (self,), (-math.sin(x),), "cos")

    def tan(self) -> Value:
        """Tangent; derivative 1 + tan² x."""
        t = math.tan(self._input("tan"))
        return Value(t, (self,), (1.0 + t * t,), "tan")

    def sinh(self) -> Value:
        """Hyperbolic sine; derivative cosh x.

        Raises:
            NumericalError: if the result overflows (|x| > 710.47).
        """
        out = self._checked("sinh")
        return Value(out, (self,), (math.cosh(self.data),), "sinh")

    def cosh(self) -> Value:
        """Hyperbolic cosine; derivative sinh x.

        Raises:
            NumericalError: if the result overflows (|x| > 710.47).
        """
        out = self._checked("cosh")
        return Value(out, (self,), (math.sinh(self.data),), "cosh")

    def tanh(self) -> Value:
        """Hyperbolic tangent; derivative 1 - tanh² x."""
        t = math.tanh(self._input("tanh"))
        return Value(t, (self,), (1.0 - t * t,), "tanh")

    def sigmoid(self) -> Value:
        r"""Sigmoid $\sigma(x) = 1/(1 + e^{-x})$; derivative $\sigma(1-\sigma)$.

        Evaluated without overflow for any x (e^{-x} is only formed for x >= 0).
        """
        s = _real.sigmoid(self._input("sigmoid"))
        return Value(s, (self,), (s * (1.0 - s),), "sigmoid")

    def relu(self) -> Value:
        """max(0, x); derivative 1 for x > 0 and 0 otherwise (0 at x = 0, as torch)."""
        try:
            x = self.data
            if x > 0.0:
                if x - x:
                    raise InvalidArgumentError(f"relu(Value({x!r})): the value is not finite")
                return Value(x, (self,), (1.0,), "relu")
            if x <= 0.0:
                return Value(0.0, (self,), (0.0,), "relu")
            raise InvalidArgumentError("relu(Value(nan)): the value is not a number")
        except (TypeError, ValueError, OverflowError) as error:  # a .data set to no float
            raise _not_a_number(error, self) from None

    def softplus(self) -> Value:
        r"""$\log(1 + e^x)$, a smooth relu; its derivative is $\sigma(x)$.

        Written as max(x, 0) + log1p(e^{-|x|}), so it neither overflows for
        large x nor loses digits for very negative x. (torch switches to the
        identity above x = 20; this stays exact there.)
        """
        x = self._input("softplus")
        return Value(_real.softplus(x), (self,), (_real.sigmoid(x),), "softplus")

    def abs(self) -> Value:
        """|x|; derivative sign(x) (0 at x = 0, as torch)."""
        x = self._input("abs")
        sign = 1.0 if x > 0.0 else (-1.0 if x < 0.0 else 0.0)
        return Value(abs(x), (self,), (sign,), "abs")

    def atan(self) -> Value:
        """Arctangent; derivative 1/(1 + x²)."""
        x = self._input("atan")
        return Value(math.atan(x), (self,), (1.0 / (1.0 + x * x),), "atan")

    def asin(self) -> Value:
        """Arcsine, for -1 <= x <= 1; derivative 1/sqrt(1 - x²).

        At ±1 the derivative is infinite: backward() through it raises DomainError.

        Raises:
            DomainError: if |x| > 1.
        """
        out = self._checked("asin")
        root = math.sqrt(1.0 - self.data * self.data)
        return Value(out, (self,), (1.0 / root if root else math.inf,), "asin")

    def acos(self) -> Value:
        """Arccosine, for -1 <= x <= 1; derivative -1/sqrt(1 - x²).

        At ±1 the derivative is infinite: backward() through it raises DomainError.

        Raises:
            DomainError: if |x| > 1.
        """
        out = self._checked("acos")
        root = math.sqrt(1.0 - self.data * self.data)
        return Value(out, (self,), (-1.0 / root if root else -math.inf,), "acos")

    def erf(self) -> Value:
        """Error function; derivative (2/sqrt π) e^{-x²}."""
        x = self._input("erf")
        return Value(math.erf(x), (self,), (_TWO_OVER_SQRT_PI * math.exp(-x * x),), "erf")

    # ------------------------------------------------------------------ backpropagation

    def _topological_order(self, clear: bool = True) -> tuple[list[Value], list[Value]]:
        """The values of the graph with inputs, each after every value it feeds; and the leaves.

        A depth-first walk with an explicit stack instead of recursion, so
        graphs of any depth work: a value is written out once all its inputs
        are (a ``None`` on the stack marks the value below it as done). With
        ``clear``, it also clears the gradient of every intermediate value.
        """
        order: list[Value] = []
        leaves: list[Value] = []
        seen: set[Value] = set()
        stack: list[Value | None] = [self]
        push, pop = stack.append, stack.pop
        while stack:
            node = pop()
            if node is None:  # every input of the value below is written out
                order.append(pop())  # type: ignore[arg-type]
                continue
            if node in seen:
                continue
            seen.add(node)
            prev = node._prev
            if not prev:
                leaves.append(node)
                continue
            if clear:
                node.grad = 0.0
            push(node)
            push(None)
            for child in prev:
                if child not in seen:
                    push(child)
        return order, leaves

    def __reduce__(self) -> tuple[object, ...]:
        """For ``pickle`` and ``copy.deepcopy``: the graph as a flat list, not nested.

        Left to themselves, both recurse through ``_prev`` once per operation
        (RecursionError at a few thousand deep). Here the leaves go as Values
        (so parameters pickled or copied beside the loss stay the same
        objects) and every other value as numbers and the indices of its inputs.
        """
        if not self._prev:
            return _restored, (self.data, self.grad, (), (), "")
        order, leaves = self._topological_order(clear=False)
        index = {node: i for i, node in enumerate([*leaves, *order])}
        nodes = [
            (node.data, node.grad, tuple(index[x] for x in node._prev), node._local, node._op)
            for node in order
        ]
        return _graph_restored, (tuple(leaves), nodes)

    def __copy__(self) -> Value:
        """A new node with the same inputs (``copy.copy``): the graph below is shared."""
        return _restored(self.data, self.grad, self._prev, self._local, self._op)

    def __deepcopy__(self, memo: dict[int, object]) -> Value:
        """A copy of the whole graph, built inputs first (no recursion), sharing as the original.

        Every value goes into ``memo``, so a parameter or an intermediate value
        copied beside the loss (``deepcopy([params, loss])``) is the same object
        as its copy inside the loss's graph.
        """
        order, leaves = self._topological_order(clear=False)
        for node in [*leaves, *order]:
            if id(node) not in memo:
                inputs = tuple(cast(Value, memo[id(x)]) for x in node._prev)
                memo[id(node)] = _restored(node.data, node.grad, inputs, node._local, node._op)
        return cast(Value, memo[id(self)])

    @checking_arguments
    def backward(
        self, gradient: float = 1.0, *, retain_graph: bool | None = None, create_graph: bool = False
    ) -> None:
        """Compute ``d(self)/dv`` for every value ``v`` this one was computed from.

        The result of each pass is written to the ``grad`` of intermediate
        values and *added* to the ``grad`` of leaves (values with no inputs),
        as PyTorch does, so gradients from several losses add up. Set the
        leaves' grads to zero (``optimizer.zero_grad()`` or
        ``model.zero_grad()``) before a fresh pass.

        Args:
            gradient: The gradient of the final loss with respect to this value
                (1.0 when this value is the loss): a finite real number.
            retain_graph: Taken for torch's code, and changes nothing: the
                graph is kept after a pass (another ``backward()`` works).
            create_graph: torch's graph of the gradients, for higher
                derivatives: not recorded (only False is taken).

        Raises:
            ArgumentTypeError: if ``create_graph`` is True (or either flag
                is no True/False).
            DomainError: if the chain rule goes through a point where a
                derivative is infinite (``sqrt`` at 0, ``asin`` at ±1).
            NumericalError: if a gradient overflows a float. The gradients are
                then partly updated: zero them before the next pass.

        Examples:
            >>> x = Value(3.0)
            >>> y = x ** 2
            >>> y.backward(); y.backward()   # leaves accumulate, like torch
            >>> x.grad
            12.0
            >>> x.grad = 0.0
            >>> y.backward(); x.grad
            6.0
        """
        if type(gradient) is not float or gradient - gradient:
            gradient = real_number(gradient, "backward(gradient)")
        if retain_graph is not None:
            check_flag(retain_graph, "retain_graph")
        if check_flag(create_graph, "create_graph"):
            raise ArgumentTypeError(
                "backward(create_graph=True): a Value records first derivatives only, so "
                "gradients have no graph to differentiate again; for higher derivatives use "
                "calcweb.derivative(f, x, n=2) or calcweb.hessian with calcweb's functions"
            )
        # A value passes its gradient on to its inputs once every value that
        # uses it has passed on its own (reverse topological order), so its
        # grad is complete by then.
        order, leaves = self._topological_order()
        try:
            self.grad += gradient
            for node in reversed(order):
                grad = node.grad
                if grad - grad:  # inf or nan: say where it came from
                    raise _gradient_error(node, order)
                for child, local in zip(node._prev, node._local, strict=False):  # equal lengths
                    child.grad += local * grad
            for leaf in leaves:
                grad = leaf.grad
                if type(grad) is not float and no_float(grad, "grad") is not None:
                    raise _not_a_number(TypeError(), leaf)
                if grad - grad:
                    raise _gradient_error(leaf, order)
        except (TypeError, ValueError, OverflowError) as error:  # a .grad set to no float
            raise _not_a_number(error, self, *leaves) from None


def _restored(
    data: float, grad: float, prev: tuple[Value, ...], local: tuple[float, ...], op: str
) -> Value:
    """A Value with exactly these attributes (``data`` unchecked: a copy keeps what it had)."""
    value = Value.__new__(Value)
    value.data, value.grad, value._prev, value._local, value._op = data, grad, prev, local, op
    return value


def _graph_restored(
    leaves: tuple[Value, ...],
    nodes: list[tuple[float, float, tuple[int, ...], tuple[float, ...], str]],
) -> Value:
    """The last of ``nodes`` rebuilt, its inputs given by index into leaves + nodes."""
    values = list(leaves)
    for data, grad, inputs, local, op in nodes:
        values.append(_restored(data, grad, tuple(values[i] for i in inputs), local, op))
    return values[-1]


def _power_slope(base: float, exponent: float) -> float:
    """d(base**exponent)/d(base) = exponent * base**(exponent - 1), as torch computes it.

    Infinite where the slope is vertical (base 0, exponent below 1) or
    overflows; backward() says which if the chain rule uses it.
    """
    if exponent == 0.0:
        return 0.0
    if base == 0.0 and exponent < 1.0:
        return math.inf  # the slope of sqrt-like powers at 0 is vertical
    try:
        if base < 0.0 and abs(exponent) >= 2.0**53:  # exponent - 1.0 would round to even
            return float(exponent) * _real.power(base, int(exponent) - 1)
        return float(exponent) * math.pow(base, float(exponent) - 1.0)
    except (OverflowError, NumericalError):
        return math.inf


def _gradient_error(node: Value, order: list[Value]) -> DomainError | NumericalError:
    """Why ``node.grad`` is not finite: the edge of the graph that made it so."""
    for user in order:
        for child, local in zip(user._prev, user._local, strict=False):
            if child is not node:
                continue
            x = child.data
            if local - local:  # an infinite local derivative
                if _is_singular(user._op, x):
                    return _singular(user._op, x)
                return NumericalError(
                    f"backward(): the derivative of {user._op!r} at {x!r} overflows a float "
                    f"({local!r}); keep the inputs of {user._op!r} away from 0 or scale them"
                )
            if (local * user.grad) - (local * user.grad):
                return NumericalError(
                    f"backward(): a gradient overflows a float at an input of "
                    f"{user._op!r} ({local!r} * {user.grad!r}); scale the loss or the "
                    "inputs down (a smaller learning rate often keeps them small)"
                )
    return NumericalError(
        f"backward(): the gradient of a value ({node!r}) is not finite: the sum of the "
        "gradients reaching it overflows a float, or its grad was not finite before "
        "backward() (call zero_grad() first); scale the loss or the inputs down"
    )


def _is_singular(op: str, x: float) -> bool:
    """Whether ``op`` has an infinite derivative at its input ``x`` (not an overflow)."""
    if op in {"sqrt", "**"}:
        return x == 0.0
    if op in ("asin", "acos"):
        return abs(x) == 1.0
    return False
