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
from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from typing import Any

from calcweb._checks import call, check_callable, check_method, check_vector
from calcweb._derivative import derivative
from calcweb._taylor_mode import jet_derivative
from calcweb.exceptions import ArgumentTypeError, InvalidArgumentError, NumericalError
from calcweb.jet import Jet

__all__ = ["directional_derivative", "grad", "hessian", "jacobian"]

Vector = list[float]
Matrix = list[list[float]]


_TAKES = "a list of numbers (the point)"


def _vector(x: object, name: str) -> Vector:
    """``x`` (list, tuple, 1-D numpy array, any iterable of numbers) as a list of finite floats."""
    return check_vector(x, name)


def _called_with_a_point(misplaced: tuple[object, ...], name: str) -> None:
    """Refuse ``grad(f, x)``: the point goes to the function that ``grad(f)`` returns."""
    if misplaced:
        raise ArgumentTypeError(
            f"{name}(f) returns the {name} as a function of the point: write {name}(f)(x), "
            f"not {name}(f, x) (got {len(misplaced)} extra positional argument(s))"
        )


def _along(f: Callable[[Any], Any], x: Vector, v: Vector) -> tuple[Callable[[Any], Any], int]:
    """The restriction of ``f`` to the line through ``x`` along ``v``, and its scale.

    The line is parametrised as ``x + (s t) u`` with ``u = v / 2**k`` (``k``
    the exponent of the largest ``|v_i|``, so ``u`` cannot overflow) and
    ``s = 2**e`` the power of two just below the size of the coordinates that
    move, so that default finite-difference steps in ``t`` are relative to
    them. An ``n``-th derivative in ``t`` is then multiplied by
    ``2**(n (k - e))``, exactly: this returns ``k - e``.
    """
    size = max([1.0] + [abs(xi) for xi, vi in zip(x, v, strict=True) if vi])
    exponent = math.frexp(size)[1] - 1
    largest = max(abs(c) for c in v)
    shift = math.frexp(largest)[1] - 1 if largest else 0  # unit vectors: 0, u = v
    try:
        direction = [math.ldexp(c, exponent - shift) for c in v]
    except OverflowError as error:  # only for a point within a factor 2 of the float limit
        raise NumericalError(
            f"the point {x!r} is too close to the largest float to take steps from; "
            "scale the variables down"
        ) from error

    def restricted(t: Any) -> Any:
        point = [xi + t * di if di else xi for xi, di in zip(x, direction, strict=True)]
        return call(f, point, takes=_TAKES)

    return restricted, shift - exponent


def _scaled(value: float, exponent: int) -> float:
    """``value * 2**exponent``, or a NumericalError if that overflows."""
    try:
        result = math.ldexp(value, exponent)
    except OverflowError:
        result = math.inf
    if not math.isfinite(result):
        raise NumericalError(
            f"the derivative is {value!r} * 2**{exponent}, beyond the float range "
            "(about 1.8e308); scale the direction or the function down"
        )
    return result


def _directional(
    f: Callable[[Any], Any], x: Vector, v: Vector, n: int, *, method: str, h: float | None
) -> float:
    restricted, exponent = _along(f, x, v)
    value: float = derivative(restricted, 0.0, n, method=method, h=h)
    return _scaled(value, exponent * n)


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


def _outputs(outputs: object, count: int | None = None) -> list[Any]:
    """What a vector-valued ``f`` returned, as a list: any sequence, 1-D array or iterable.

    ``count`` is the number of outputs ``f`` returned before: it must not change.
    """
    if isinstance(outputs, (str, bytes, Mapping, Set)) or not isinstance(outputs, Iterable):
        raise ArgumentTypeError(
            f"f must return a sequence of numbers for a Jacobian (a list, tuple or 1-D "
            f"numpy array), but returned {type(outputs).__name__} {outputs!r}; for a "
            "scalar f use calcweb.grad"
        )
    try:
        values = list(outputs)
    except TypeError as error:  # a 0-d numpy array
        raise ArgumentTypeError(
            f"f must return a sequence of numbers for a Jacobian, but returned "
            f"{type(outputs).__name__} {outputs!r}, which cannot be iterated ({error})"
        ) from error
    if not values:
        raise InvalidArgumentError(
            "f returned no outputs, so its Jacobian has no rows; return at least one number"
        )
    if count is not None and len(values) != count:
        raise InvalidArgumentError(
            f"f returned {count} outputs at x but {len(values)} at a nearby point; a "
            "Jacobian needs the same number of outputs everywhere"
        )
    return values


def _jacobian_by_jets(f: Callable[[Any], Any], point: Vector, count: int) -> Matrix | None:
    """The Jacobian from one call of ``f`` per input on jets; None if ``f`` refuses jets."""
    size = len(point)
    columns = []
    for j in range(size):
        restricted, exponent = _along(f, point, _unit(j, size))
        try:
            outputs = _outputs(restricted(Jet.variable(0.0, 1)), count)
        except ArgumentTypeError:
            raise
        except TypeError:
            return None
        columns.append([_scaled(jet_derivative(y, 1, "f"), exponent) for y in outputs])
    return [list(row) for row in zip(*columns, strict=True)]


def grad(
    f: Callable[[Any], Any], *misplaced: object, method: str = "auto", h: float | None = None
) -> Callable[[Sequence[float]], Vector]:
    r"""The gradient $\nabla f$ as a function of the point.

    Args:
        f: A function of a list of numbers returning a number.
        *misplaced: Nothing: ``grad(f, x)`` raises an ArgumentTypeError that
            says to write ``grad(f)(x)``.
        method: As for `calcweb.derivative`.
        h: As for `calcweb.derivative`.

    Returns:
        A function ``x -> list[float]`` of partial derivatives (one call of
        ``f`` per variable with ``"ad"``); ``x`` is a list, tuple or 1-D numpy array.

    Raises:
        ArgumentTypeError: If ``f`` is not callable, or for ``grad(f, x)``.
        InvalidArgumentError: For a bad method or step.

    Examples:
        >>> from calcweb import grad, exp
        >>> g = grad(lambda p: p[0] * p[1] + exp(p[0]))
        >>> g([0.0, 3.0])
        [4.0, 0.0]
    """
    _called_with_a_point(misplaced, "grad")
    check_callable(f)
    check_method(method)

    def gradient(x: Sequence[float]) -> Vector:
        point = _vector(x, "x")
        size = len(point)
        return [_directional(f, point, _unit(i, size), 1, method=method, h=h) for i in range(size)]

    return gradient


def jacobian(
    f: Callable[[Any], Sequence[Any]],
    *misplaced: object,
    method: str = "auto",
    h: float | None = None,
) -> Callable[[Sequence[float]], Matrix]:
    r"""The Jacobian matrix $J_{ij} = \partial f_i / \partial x_j$ as a function of the point.

    Rows are outputs, columns are inputs. With ``"ad"`` each column costs one
    call of ``f`` on jets; with the other methods each entry is one call of
    `calcweb.derivative` on one output.

    Args:
        f: A function of a list of numbers returning a sequence of numbers (a
            list, tuple or 1-D numpy array).
        *misplaced: Nothing: ``jacobian(f, x)`` raises an ArgumentTypeError
            that says to write ``jacobian(f)(x)``.
        method: As for `calcweb.derivative`.
        h: As for `calcweb.derivative`.

    Returns:
        A function ``x -> list[list[float]]``.

    Raises:
        ArgumentTypeError: If ``f`` is not callable, or for ``jacobian(f, x)``.
        InvalidArgumentError: For a bad method or step, or if ``f`` returns no
            outputs or a number of outputs that changes from point to point.

    Examples:
        >>> from calcweb import jacobian
        >>> J = jacobian(lambda p: [p[0] * p[1], p[0] + 2 * p[1]])
        >>> J([3.0, 5.0])
        [[5.0, 3.0], [1.0, 2.0]]
    """
    _called_with_a_point(misplaced, "jacobian")
    check_callable(f)
    check_method(method)

    def matrix(x: Sequence[float]) -> Matrix:
        point = _vector(x, "x")
        outputs = _outputs(call(f, list(point), takes=_TAKES))
        if method in ("auto", "ad"):
            by_jets = _jacobian_by_jets(f, point, len(outputs))
            if by_jets is not None:
                return by_jets
            # f refuses jets: "auto" falls back to Richardson below, and "ad"
            # raises there with derivative's explanation.
        size = len(point)

        def component(i: int) -> Callable[[Any], Any]:
            return lambda p: _outputs(f(p), len(outputs))[i]

        return [
            [
                _directional(component(i), point, _unit(j, size), 1, method=method, h=h)
                for j in range(size)
            ]
            for i in range(len(outputs))
        ]

    return matrix


def hessian(
    f: Callable[[Any], Any], *misplaced: object, method: str = "auto", h: float | None = None
) -> Callable[[Sequence[float]], Matrix]:
    r"""The Hessian matrix $H_{ij} = \partial^2 f / \partial x_i \partial x_j$.

    Computed by polarisation of second directional derivatives (see the
    module), ``n (n + 1) / 2`` of them; exact to rounding with ``"ad"``.

    Args:
        f: A function of a list of numbers returning a number.
        *misplaced: Nothing: ``hessian(f, x)`` raises an ArgumentTypeError
            that says to write ``hessian(f)(x)``.
        method: As for `calcweb.derivative`.
        h: As for `calcweb.derivative`.

    Returns:
        A function ``x -> list[list[float]]``, symmetric.

    Raises:
        ArgumentTypeError: If ``f`` is not callable, or for ``hessian(f, x)``.
        InvalidArgumentError: For a bad method or step.
        NumericalError: If an entry overflows.

    Examples:
        >>> from calcweb import hessian
        >>> H = hessian(lambda p: p[0] ** 2 * p[1] + p[1] ** 3)
        >>> H([1.0, 2.0])
        [[4.0, 2.0], [2.0, 12.0]]
    """
    _called_with_a_point(misplaced, "hessian")
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
                entry = 0.5 * (mixed - result[i][i] - result[j][j])
                if not math.isfinite(entry):  # inf - inf: the diagonal overflows by itself
                    raise NumericalError(
                        f"the Hessian entry ({i}, {j}) overflows: second derivatives near "
                        "1e308 cannot be combined; scale the function down"
                    )
                result[i][j] = result[j][i] = entry
        return result

    return matrix
