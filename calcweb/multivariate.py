r"""Gradients, Jacobians, Hessians and directional derivatives.

Everything here reduces to `calcweb.derivative` of a function of one
variable: the restriction $\varphi(t) = f(x + t v)$ of ``f`` to the line
through ``x`` in the direction ``v``. Then

* $\varphi'(0) = \nabla f(x) \cdot v$ (the directional derivative; with
  $v = e_i$ a partial derivative);
* $\varphi''(0) = v^\top H v$, and polarisation recovers every entry of
  the Hessian: $H_{ij} = \tfrac12\,(\varphi_{e_i+e_j}''(0) - H_{ii} - H_{jj})$.

With ``method="ad"`` (chosen by ``"auto"`` when ``f`` is written with
calcweb's functions) ``t`` is a `Jet`, so ``f`` receives a
list whose entries are jets and every result is exact to rounding. ``f``
always receives a ``list``, whatever sequence ``x`` was.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from calcweb._checks import check_callable, check_method, check_real
from calcweb.derivative import _jet_derivative, derivative
from calcweb.exceptions import ArgumentTypeError, InvalidArgumentError
from calcweb.jet import Jet

__all__ = ["directional_derivative", "grad", "hessian", "jacobian"]

Vector = list[float]
Matrix = list[list[float]]


def _vector(x: object, name: str) -> Vector:
    """``x`` (list, tuple or 1-D numpy array) as a non-empty list of finite floats."""
    if isinstance(x, (str, bytes)) or not hasattr(x, "__iter__"):
        raise ArgumentTypeError(
            f"{name} must be a sequence of numbers (list, tuple or numpy array), "
            f"but got {type(x).__name__} {x!r}; for one variable use calcweb.derivative"
        )
    values = [check_real(v, f"{name}[{i}]") for i, v in enumerate(x)]
    if not values:
        raise InvalidArgumentError(f"{name} must have at least one entry, but it is empty")
    return values


def _along(f: Callable[[Any], Any], x: Vector, v: Vector) -> tuple[Callable[[Any], Any], int]:
    """The restriction of ``f`` to the line through ``x`` along ``v``, and its scale.

    The line is parametrised as ``x + (s t) v`` with ``s = 2**e`` the power of
    two just below the size of the coordinates that move, so that default
    finite-difference steps in ``t`` are relative to them; derivatives in ``t``
    are then divided by ``s**n``, exactly (returns ``e``).
    """
    size = max([1.0] + [abs(xi) for xi, vi in zip(x, v, strict=True) if vi])
    exponent = math.frexp(size)[1] - 1
    scale = math.ldexp(1.0, exponent)
    direction = [scale * c for c in v]

    def restricted(t: Any) -> Any:
        return f([xi + t * di if di else xi for xi, di in zip(x, direction, strict=True)])

    return restricted, exponent


def _directional(
    f: Callable[[Any], Any], x: Vector, v: Vector, n: int, *, method: str, h: float | None
) -> float:
    restricted, exponent = _along(f, x, v)
    value: float = derivative(restricted, 0.0, n, method=method, h=h)
    return math.ldexp(value, -exponent * n)


def _unit(i: int, size: int) -> Vector:
    return [1.0 if j == i else 0.0 for j in range(size)]


def directional_derivative(
    f: Callable[[Any], Any],
    x: Sequence[float],
    v: Sequence[float],
    *,
    method: str = "auto",
    h: float | None = None,
) -> float:
    r"""The derivative of ``f`` at ``x`` along ``v``: $\nabla f(x) \cdot v$.

    ``v`` is not normalised: divide it by its length first for the rate of
    change per unit distance.

    Args:
        f: A function of a list of numbers returning a number.
        x: The point (list, tuple or numpy array).
        v: The direction, of the same length.
        method: As for `calcweb.derivative`.
        h: As for `calcweb.derivative` (a step in units of ``max(1, |x|)``).

    Returns:
        The directional derivative.

    Raises:
        InvalidArgumentError: If ``x`` and ``v`` differ in length, or for a bad method or step.
        ArgumentTypeError: If ``x`` or ``v`` is not a sequence of numbers.

    Examples:
        >>> from calcweb import directional_derivative
        >>> directional_derivative(lambda p: p[0] ** 2 + 3 * p[1], [1.0, 2.0], [1.0, 1.0])
        5.0
    """
    check_callable(f)
    check_method(method)
    point, direction = _vector(x, "x"), _vector(v, "v")
    if len(point) != len(direction):
        raise InvalidArgumentError(
            f"x has {len(point)} entries but v has {len(direction)}; give v one entry per variable"
        )
    return _directional(f, point, direction, 1, method=method, h=h)


def _outputs(outputs: object) -> Sequence[Any]:
    """What a vector-valued ``f`` returned, checked to be a sequence."""
    if isinstance(outputs, (str, bytes)) or not isinstance(outputs, Sequence):
        raise ArgumentTypeError(
            f"f must return a sequence of numbers for a Jacobian, but returned "
            f"{type(outputs).__name__} {outputs!r}; for a scalar f use calcweb.grad"
        )
    return outputs


def _jacobian_by_jets(f: Callable[[Any], Any], point: Vector) -> Matrix | None:
    """The Jacobian from one call of ``f`` per input on jets; None if ``f`` refuses jets."""
    size = len(point)
    columns = []
    for j in range(size):
        restricted, exponent = _along(f, point, _unit(j, size))
        try:
            outputs = _outputs(restricted(Jet.variable(0.0, 1)))
        except TypeError:
            return None
        columns.append([math.ldexp(_jet_derivative(y, 1, "f"), -exponent) for y in outputs])
    return [list(row) for row in zip(*columns, strict=True)]


def grad(
    f: Callable[[Any], Any], *, method: str = "auto", h: float | None = None
) -> Callable[[Sequence[float]], Vector]:
    r"""The gradient $\nabla f$ as a function of the point.

    Args:
        f: A function of a list of numbers returning a number.
        method: As for `calcweb.derivative`.
        h: As for `calcweb.derivative`.

    Returns:
        A function ``x -> list[float]`` of partial derivatives (one call of
        ``f`` per variable with ``"ad"``).

    Examples:
        >>> from calcweb import grad, exp
        >>> g = grad(lambda p: p[0] * p[1] + exp(p[0]))
        >>> g([0.0, 3.0])
        [4.0, 0.0]
    """
    check_callable(f)
    check_method(method)

    def gradient(x: Sequence[float]) -> Vector:
        point = _vector(x, "x")
        size = len(point)
        return [_directional(f, point, _unit(i, size), 1, method=method, h=h) for i in range(size)]

    return gradient


def jacobian(
    f: Callable[[Any], Sequence[Any]], *, method: str = "auto", h: float | None = None
) -> Callable[[Sequence[float]], Matrix]:
    r"""The Jacobian matrix $J_{ij} = \partial f_i / \partial x_j$ as a function of the point.

    Rows are outputs, columns are inputs. With ``"ad"`` each column costs one
    call of ``f`` on jets; with the other methods each entry is one call of
    `calcweb.derivative` on one output.

    Args:
        f: A function of a list of numbers returning a sequence of numbers.
        method: As for `calcweb.derivative`.
        h: As for `calcweb.derivative`.

    Returns:
        A function ``x -> list[list[float]]``.

    Examples:
        >>> from calcweb import jacobian
        >>> J = jacobian(lambda p: [p[0] * p[1], p[0] + 2 * p[1]])
        >>> J([3.0, 5.0])
        [[5.0, 3.0], [1.0, 2.0]]
    """
    check_callable(f)
    check_method(method)

    def matrix(x: Sequence[float]) -> Matrix:
        point = _vector(x, "x")
        outputs = _outputs(f(list(point)))
        if method in ("auto", "ad"):
            by_jets = _jacobian_by_jets(f, point)
            if by_jets is not None:
                return by_jets
            # f refuses jets: "auto" falls back to Richardson below, and "ad"
            # raises there with derivative's explanation.
        size = len(point)

        def component(i: int) -> Callable[[Any], Any]:
            return lambda p: f(p)[i]

        return [
            [
                _directional(component(i), point, _unit(j, size), 1, method=method, h=h)
                for j in range(size)
            ]
            for i in range(len(outputs))
        ]

    return matrix


def hessian(
    f: Callable[[Any], Any], *, method: str = "auto", h: float | None = None
) -> Callable[[Sequence[float]], Matrix]:
    r"""The Hessian matrix $H_{ij} = \partial^2 f / \partial x_i \partial x_j$.

    Computed by polarisation of second directional derivatives (see the
    module), ``n (n + 1) / 2`` of them; exact to rounding with ``"ad"``.

    Args:
        f: A function of a list of numbers returning a number.
        method: As for `calcweb.derivative`.
        h: As for `calcweb.derivative`.

    Returns:
        A function ``x -> list[list[float]]``, symmetric.

    Examples:
        >>> from calcweb import hessian
        >>> H = hessian(lambda p: p[0] ** 2 * p[1] + p[1] ** 3)
        >>> H([1.0, 2.0])
        [[4.0, 2.0], [2.0, 12.0]]
    """
    check_callable(f)
    check_method(method)

    def matrix(x: Sequence[float]) -> Matrix:
        point = _vector(x, "x")
        size = len(point)
        units = [_unit(i, size) for i in range(size)]
        result = [[0.0] * size for _ in range(size)]
        for i in range(size):
            result[i][i] = _directional(f, point, units[i], 2, method=method, h=h)
        for i in range(size):
            for j in range(i + 1, size):
                both = [a + b for a, b in zip(units[i], units[j], strict=True)]
                mixed = _directional(f, point, both, 2, method=method, h=h)
                result[i][j] = result[j][i] = 0.5 * (mixed - result[i][i] - result[j][j])
        return result

    return matrix
