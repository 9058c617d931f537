r"""``Value``: a scalar that remembers how it was computed, for backpropagation.

Every operation on a `Value` returns a new ``Value`` that records its
inputs (``_prev``) and the *local derivative* of the output with respect to
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
gradients twice. The sort is iterative, so a graph a million operations deep
does not hit Python's recursion limit. (In Pyodide, CPython frees deeply
nested objects recursively on the browser's small stack, so there a graph
more than about 2 000 operations deep, like a list nested that deep, crashes
the interpreter when it is freed.)

Examples:
    >>> from calcweb.nn import Value
    >>> x = Value(2.0)
    >>> y = x * x + 3 * x          # y = x² + 3x
    >>> y.backward()
    >>> x.grad                     # dy/dx = 2x + 3
    7.0
"""

from __future__ import annotations

import math
from numbers import Real
from typing import TypeGuard

from calcweb.exceptions import ArgumentTypeError, DomainError, NumericalError

__all__ = ["Value"]

_TWO_OVER_SQRT_PI = 2.0 / math.sqrt(math.pi)


def _to_float(data: object) -> float:
    if isinstance(data, bool) or not isinstance(data, Real):
        raise ArgumentTypeError(
            f"Value holds one real number (int or float), but got {type(data).__name__} "
            f"{data!r}; for a vector use a list of Values"
        )
    return float(data)


def _is_number(other: object) -> TypeGuard[float]:
    return isinstance(other, (int, float)) and not isinstance(other, bool)


def _power(base: float, exponent: float) -> float:
    """``base ** exponent`` as a real number, or a DomainError saying why not."""
    if base < 0.0 and exponent != math.floor(exponent):
        raise DomainError(
            f"{base!r} ** {exponent!r} is not a real number (a negative base needs an "
            "integer exponent); make the base positive, e.g. with abs() or exp()"
        )
    if base == 0.0 and exponent < 0.0:
        raise DomainError(
            f"0.0 ** {exponent!r} divides by zero; keep the base away from 0 "
            "(add a small epsilon) or use a non-negative exponent"
        )
    try:
        return float(base**exponent)
    except OverflowError as error:
        raise NumericalError(
            f"{base!r} ** {exponent!r} overflows a float; scale the inputs down "
            "(a smaller learning rate often keeps them small)"
        ) from error


def _power_slope(base: float, exponent: float) -> float:
    """d(base**exponent)/d(base) = exponent * base**(exponent - 1), as torch computes it."""
    if exponent == 0.0:
        return 0.0
    if base == 0.0 and exponent < 1.0:
        return math.inf  # the slope of sqrt-like powers at 0 is vertical
    return exponent * _power(base, exponent - 1.0)


def _overflow(name: str, x: float) -> NumericalError:
    return NumericalError(
        f"{name}({x!r}) overflows a float; its result is larger than 1.8e308. "
        "Scale the input down (a smaller learning rate often keeps it small)"
    )


def _check_domain(ok: bool, name: str, x: float, domain: str) -> None:
    if not ok:
        raise DomainError(
            f"{name}({x!r}) is undefined: {name} needs {domain}; move the input "
            "inside the domain (for example add a small epsilon or clip it)"
        )


class Value:
    """A scalar that records the operations applied to it, for reverse-mode autodiff.

    Args:
        data: The number this value holds.

    Attributes:
        data: The number (a float).
        grad: ``dL/d(this value)`` after ``L.backward()``; 0.0 before.

    Arithmetic (``+ - * / **``, also with plain numbers on either side, and a
    ``Value`` exponent) and the math methods below build a graph;
    `backward` fills in ``grad`` for every value in it.

    Examples:
        >>> a, b = Value(3.0), Value(-2.0)
        >>> c = (a * b).tanh() + a ** b
        >>> c
        Value(data=-0.888876..., grad=0.0)
        >>> c.backward()
        >>> round(a.grad, 6), round(b.grad, 6)
        (-0.074123, 0.122142)
    """

    __slots__ = ("_local", "_op", "_prev", "data", "grad")

    def __init__(
        self,
        data: float,
        _prev: tuple[Value, ...] = (),
        _local: tuple[float, ...] = (),
        _op: str = "",
    ) -> None:
        # Operations pass floats; only values made by the reader need checking.
        self.data: float = data if type(data) is float else _to_float(data)
        self.grad: float = 0.0
        self._prev = _prev
        self._local = _local
        self._op = _op

    def __repr__(self) -> str:
        return f"Value(data={self.data!r}, grad={self.grad!r})"

    # ------------------------------------------------------------------ arithmetic

    def __add__(self, other: Value | float) -> Value:
        if type(other) is Value:
            return Value(self.data + other.data, (self, other), (1.0, 1.0), "+")
        if _is_number(other):
            return Value(self.data + other, (self,), (1.0,), "+")
        return NotImplemented

    def __radd__(self, other: float) -> Value:
        return self.__add__(other)

    def __sub__(self, other: Value | float) -> Value:
        if type(other) is Value:
            return Value(self.data - other.data, (self, other), (1.0, -1.0), "-")
        if _is_number(other):
            return Value(self.data - other, (self,), (1.0,), "-")
        return NotImplemented

    def __rsub__(self, other: float) -> Value:
        if _is_number(other):
            return Value(other - self.data, (self,), (-1.0,), "-")
        return NotImplemented

    def __mul__(self, other: Value | float) -> Value:
        if type(other) is Value:
            return Value(self.data * other.data, (self, other), (other.data, self.data), "*")
        if _is_number(other):
            return Value(self.data * other, (self,), (float(other),), "*")
        return NotImplemented

    def __rmul__(self, other: float) -> Value:
        return self.__mul__(other)

    def __truediv__(self, other: Value | float) -> Value:
        # d(a/b)/da = 1/b, d(a/b)/db = -a/b²
        if type(other) is Value:
            b = other.data
            return Value(self.data / b, (self, other), (1.0 / b, -self.data / (b * b)), "/")
        if _is_number(other):
            return Value(self.data / other, (self,), (1.0 / other,), "/")
        return NotImplemented

    def __rtruediv__(self, other: float) -> Value:
        if _is_number(other):
            b = self.data
            return Value(other / b, (self,), (-other / (b * b),), "/")
        return NotImplemented

    def __neg__(self) -> Value:
        return Value(-self.data, (self,), (-1.0,), "neg")

    def __pos__(self) -> Value:
        return self

    def __pow__(self, other: Value | float) -> Value:
        a = self.data
        if type(other) is Value:
            # d(a**b)/da = b a**(b-1); d(a**b)/db = a**b log a, which needs a > 0
            # (torch's convention: 0 at a == 0 when b >= 0).
            b = other.data
            out = _power(a, b)
            if a < 0.0:
                raise DomainError(
                    f"{a!r} ** Value({b!r}): the gradient with respect to a Value "
                    "exponent needs a positive base (it is a**b * log(a)); use a "
                    "plain number as the exponent, or a positive base"
                )
            slope_b = out * math.log(a) if a > 0.0 else 0.0
            return Value(out, (self, other), (_power_slope(a, b), slope_b), "**")
        if _is_number(other):
            b = float(other)
            return Value(_power(a, b), (self,), (_power_slope(a, b),), "**")
        return NotImplemented

    def __rpow__(self, other: float) -> Value:
        if not _is_number(other):
            return NotImplemented
        return Value(other).__pow__(self)

    def pow(self, exponent: Value | float) -> Value:
        """``self ** exponent`` (the exponent may be a ``Value`` too).

        Examples:
            >>> Value(3.0).pow(2)
            Value(data=9.0, grad=0.0)
        """
        return self.__pow__(exponent)

    def __abs__(self) -> Value:
        return self.abs()

    # ------------------------------------------------------------------ functions

    def exp(self) -> Value:
        """$e^x$; its derivative is itself."""
        try:
            out = math.exp(self.data)
        except OverflowError:
            raise _overflow("exp", self.data) from None
        return Value(out, (self,), (out,), "exp")

    def log(self) -> Value:
        """Natural logarithm, for x > 0; derivative 1/x.

        Raises:
            DomainError: if x <= 0.
        """
        x = self.data
        _check_domain(x > 0.0, "log", x, "x > 0")
        return Value(math.log(x), (self,), (1.0 / x,), "log")

    def log1p(self) -> Value:
        r"""$\log(1 + x)$, accurate for tiny x, for x > -1; derivative 1/(1 + x).

        Raises:
            DomainError: if x <= -1.
        """
        x = self.data
        _check_domain(x > -1.0, "log1p", x, "x > -1")
        return Value(math.log1p(x), (self,), (1.0 / (1.0 + x),), "log1p")

    def sqrt(self) -> Value:
        """Square root, for x >= 0; derivative 1/(2 sqrt x) (infinite at 0).

        Raises:
            DomainError: if x < 0.
        """
        x = self.data
        _check_domain(x >= 0.0, "sqrt", x, "x >= 0")
        out = math.sqrt(x)
        return Value(out, (self,), (0.5 / out if out else math.inf,), "sqrt")

    def sin(self) -> Value:
        """Sine; derivative cos x."""
        return Value(math.sin(self.data), (self,), (math.cos(self.data),), "sin")

    def cos(self) -> Value:
        """Cosine; derivative -sin x."""
        return Value(math.cos(self.data), (self,), (-math.sin(self.data),), "cos")

    def tan(self) -> Value:
        """Tangent; derivative 1 + tan² x."""
        t = math.tan(self.data)
        return Value(t, (self,), (1.0 + t * t,), "tan")

    def sinh(self) -> Value:
        """Hyperbolic sine; derivative cosh x."""
        try:
            return Value(math.sinh(self.data), (self,), (math.cosh(self.data),), "sinh")
        except OverflowError:
            raise _overflow("sinh", self.data) from None

    def cosh(self) -> Value:
        """Hyperbolic cosine; derivative sinh x."""
        try:
            return Value(math.cosh(self.data), (self,), (math.sinh(self.data),), "cosh")
        except OverflowError:
            raise _overflow("cosh", self.data) from None

    def tanh(self) -> Value:
        """Hyperbolic tangent; derivative 1 - tanh² x."""
        t = math.tanh(self.data)
        return Value(t, (self,), (1.0 - t * t,), "tanh")

    def sigmoid(self) -> Value:
        r"""Sigmoid $\sigma(x) = 1/(1 + e^{-x})$; derivative $\sigma(1-\sigma)$.

        Evaluated without overflow for any x (e^{-x} is only formed for x >= 0).
        """
        x = self.data
        if x >= 0.0:
            s = 1.0 / (1.0 + math.exp(-x))
        else:
            e = math.exp(x)
            s = e / (1.0 + e)
        return Value(s, (self,), (s * (1.0 - s),), "sigmoid")

    def relu(self) -> Value:
        """max(0, x); derivative 1 for x > 0 and 0 otherwise (0 at x = 0, as torch)."""
        x = self.data
        return Value(x if x > 0.0 else 0.0, (self,), (1.0 if x > 0.0 else 0.0,), "relu")

    def softplus(self) -> Value:
        r"""$\log(1 + e^x)$, a smooth relu; its derivative is $\sigma(x)$.

        Written as max(x, 0) + log1p(e^{-|x|}), so it neither overflows for
        large x nor loses digits for very negative x. (torch switches to the
        identity above x = 20; this stays exact there.)
        """
        x = self.data
        e = math.exp(-abs(x))
        out = max(x, 0.0) + math.log1p(e)
        slope = 1.0 / (1.0 + e) if x >= 0.0 else e / (1.0 + e)
        return Value(out, (self,), (slope,), "softplus")

    def abs(self) -> Value:
        """|x|; derivative sign(x) (0 at x = 0, as torch)."""
        x = self.data
        sign = 1.0 if x > 0.0 else (-1.0 if x < 0.0 else 0.0)
        return Value(abs(x), (self,), (sign,), "abs")

    def atan(self) -> Value:
        """Arctangent; derivative 1/(1 + x²)."""
        x = self.data
        return Value(math.atan(x), (self,), (1.0 / (1.0 + x * x),), "atan")

    def asin(self) -> Value:
        """Arcsine, for -1 <= x <= 1; derivative 1/sqrt(1 - x²) (infinite at ±1).

        Raises:
            DomainError: if |x| > 1.
        """
        x = self.data
        _check_domain(-1.0 <= x <= 1.0, "asin", x, "-1 <= x <= 1")
        root = math.sqrt(1.0 - x * x)
        return Value(math.asin(x), (self,), (1.0 / root if root else math.inf,), "asin")

    def acos(self) -> Value:
        """Arccosine, for -1 <= x <= 1; derivative -1/sqrt(1 - x²) (infinite at ±1).

        Raises:
            DomainError: if |x| > 1.
        """
        x = self.data
        _check_domain(-1.0 <= x <= 1.0, "acos", x, "-1 <= x <= 1")
        root = math.sqrt(1.0 - x * x)
        return Value(math.acos(x), (self,), (-1.0 / root if root else -math.inf,), "acos")

    def erf(self) -> Value:
        """Error function; derivative (2/sqrt π) e^{-x²}."""
        x = self.data
        return Value(math.erf(x), (self,), (_TWO_OVER_SQRT_PI * math.exp(-x * x),), "erf")

    # ------------------------------------------------------------------ backpropagation

    def _count_uses(self) -> dict[Value, int]:
        """How many times each value of the graph is an input of another one.

        A walk with an explicit stack instead of recursion, so graphs of any
        depth work. It also clears the gradient of every intermediate value.
        """
        uses: dict[Value, int] = {self: 0}
        stack = [self]
        while stack:
            node = stack.pop()
            for child in node._prev:
                if child in uses:
                    uses[child] += 1
                else:
                    uses[child] = 1
                    if child._prev:
                        child.grad = 0.0
                    stack.append(child)
        return uses

    def backward(self, gradient: float = 1.0) -> None:
        """Compute ``d(self)/dv`` for every value ``v`` this one was computed from.

        The result of each pass is written to the ``grad`` of intermediate
        values and *added* to the ``grad`` of leaves (values with no inputs),
        as PyTorch does, so gradients from several losses add up. Set the
        leaves' grads to zero (``optimizer.zero_grad()`` or
        ``model.zero_grad()``) before a fresh pass.

        Args:
            gradient: The gradient of the final loss with respect to this value
                (1.0 when this value is the loss).

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
        # Kahn's topological sort: a value passes its gradient on to its inputs
        # once every value that uses it has passed on its own, so its grad is
        # complete by then.
        uses = self._count_uses()
        if self._prev:
            self.grad = 0.0
        self.grad += gradient
        ready = [self]
        while ready:
            node = ready.pop()
            grad = node.grad
            for child, local in zip(node._prev, node._local, strict=False):  # equal lengths
                child.grad += local * grad
                uses[child] -= 1
                if not uses[child]:
                    ready.append(child)
