"""Gradient clipping by global norm, as ``torch.nn.utils.clip_grad_norm_``.

Examples:
    >>> from calcweb.nn import Value
    >>> a, b = Value(0.0), Value(0.0)
    >>> a.grad, b.grad = 3.0, 4.0
    >>> clip_grad_norm([a, b], max_norm=1.0)   # returns the norm before clipping
    5.0
    >>> round(a.grad, 6), round(b.grad, 6)
    (0.6, 0.8)
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from numbers import Real

from calcweb._checks import check_real, checking_arguments, listed
from calcweb.exceptions import ArgumentTypeError, InvalidArgumentError, NumericalError
from calcweb.nn.value import NO_GRADIENT, Value

__all__ = ["clip_grad_norm"]


def _values(params: object) -> list[Value]:
    """The parameters as a list of Values, or an ArgumentTypeError naming the culprit."""
    values: list[object] | None = [params] if isinstance(params, Value) else listed(params)
    if values is None:
        raise ArgumentTypeError(
            f"clip_grad_norm needs a list of calcweb.Value (such as model.parameters()), "
            f"but got {type(params).__name__} {params!r}"
        )
    for index, p in enumerate(values):
        if not isinstance(p, Value):
            raise ArgumentTypeError(
                f"clip_grad_norm needs a list of calcweb.Value (such as model.parameters()), "
                f"but params[{index}] is {type(p).__name__} {p!r}: it clips the .grad of "
                "each Value after loss.backward(), so pass the Values themselves"
            )
        if p.inputs:  # backward() overwrites a computed value's grad: nothing to clip
            raise InvalidArgumentError(
                f"params[{index}] ({p!r}) was computed from other Values (by {p.op!r}): "
                "backward() overwrites its gradient instead of adding to it, so it is no "
                "parameter to clip; pass the leaves you optimise (make one with "
                "w = Value(w.data))"
            )
    return [p for p in values if isinstance(p, Value)]  # all of them, checked above


def _gradient(p: Value, index: int) -> float:
    g: object = p.grad
    if type(g) is float:
        return g
    if isinstance(g, bool) or not isinstance(g, Real):
        raise ArgumentTypeError(
            f"params[{index}].grad is {type(g).__name__} {g!r}, not a number; "
            "call loss.backward() to fill in the gradients"
        )
    try:
        return float(g)
    except OverflowError as error:
        raise NumericalError(
            f"params[{index}].grad is an integer too large for a float; scale it down"
        ) from error


def _norm(grads: list[float], norm_type: float) -> float:
    """The p-norm of ``grads``, without overflow or underflow on the way."""
    if any(math.isnan(g) for g in grads):
        return math.nan
    if norm_type == math.inf:
        return max(grads)
    if norm_type == 2.0:
        return math.hypot(*grads)
    largest = max(grads)
    if largest == 0.0 or math.isinf(largest):
        return largest
    # Dividing by the largest keeps every term in [0, 1], so g**p cannot overflow.
    try:
        total = math.fsum((g / largest) ** norm_type for g in grads)
        return largest * float(total ** (1.0 / norm_type))
    except OverflowError:  # a norm of order p << 1 beyond the float range
        return math.inf


@checking_arguments
def clip_grad_norm(
    params: Iterable[Value],
    max_norm: float,
    norm_type: float = 2.0,
    error_if_nonfinite: bool = False,
) -> float:
    """Scale all gradients together so that their joint norm is at most ``max_norm``.

    The norm is taken over the gradients of all ``params`` as if they were one
    vector. Every gradient is multiplied by ``min(1, max_norm / (norm + 1e-6))``,
    as torch does, which keeps the direction of the step and caps its length
    (to just below ``max_norm``). So every norm above ``max_norm - 1e-6`` is
    scaled, ``max_norm`` itself included (by ``max_norm / (max_norm + 1e-6)``);
    a smaller one is left unchanged (multiplied by 1.0).

    Args:
        params: The parameters whose ``grad`` to clip: a list of
            `calcweb.Value` (or one Value). One that no ``backward()`` reached
            since ``zero_grad()`` has no gradient yet and is left out, as torch
            leaves out a grad of None.
        max_norm: The largest norm allowed (>= 0).
        norm_type: The order p of the norm (2.0 by default; ``math.inf`` for
            the largest absolute value).
        error_if_nonfinite: If True, raise when the norm is NaN or infinite. If
            False (torch's default), the gradients are scaled anyway: a NaN or
            infinite gradient becomes NaN (an infinite norm gives factor 0, and
            inf * 0 is NaN), which the next optimiser ``step()`` refuses with a
            NumericalError; finite gradients whose norm is merely beyond the
            float range are scaled to the norm ``max_norm`` (torch's factor 0
            would zero them).

    Returns:
        The total norm of the gradients *before* clipping.

    Raises:
        ArgumentTypeError: If ``params`` is not a list of Values or a gradient
            is not a number.
        InvalidArgumentError: If ``max_norm < 0`` or ``norm_type <= 0``.
        NumericalError: if ``error_if_nonfinite`` and the norm is NaN or infinite.
    """
    values = _values(params)
    max_norm = check_real(max_norm, "max_norm")
    if max_norm < 0.0:
        raise InvalidArgumentError(f"max_norm must be >= 0, but got {max_norm!r}")
    order_given: object = norm_type
    if isinstance(order_given, bool) or not isinstance(order_given, Real):
        raise ArgumentTypeError(
            f"norm_type must be a number > 0 (2.0 for the Euclidean norm, math.inf for the "
            f"largest entry), but got {type(norm_type).__name__} {norm_type!r}"
        )
    try:
        order = float(order_given)
    except OverflowError:  # an order beyond 1.8e308 is the largest entry, as inf is
        order = math.inf
    if not (order > 0.0):
        raise InvalidArgumentError(f"norm_type must be > 0 (or math.inf), but got {norm_type!r}")
    if not isinstance(error_if_nonfinite, bool):
        raise ArgumentTypeError(
            f"error_if_nonfinite must be True or False, but got {error_if_nonfinite!r}"
        )
    # As torch leaves out a grad of None: one no backward() reached is no gradient to clip.
    grads = [_gradient(p, i) for i, p in enumerate(values) if p.grad is not NO_GRADIENT]
    values = [p for p in values if p.grad is not NO_GRADIENT]
    if not values:
        return 0.0
    total = _norm([abs(g) for g in grads], order)
    if error_if_nonfinite and not math.isfinite(total):
        raise NumericalError(
            f"The total norm of order {norm_type} for gradients is non-finite ({total}), so "
            "it cannot be clipped; find where the loss or gradient overflows (a smaller "
            "learning rate often helps), or pass error_if_nonfinite=False"
        )
    scale = _factor(grads, total, max_norm, order)
    for p, g in zip(values, grads, strict=True):
        p.grad = g * scale
    return total


def _factor(grads: list[float], total: float, max_norm: float, order: float) -> float:
    """What clipping multiplies every gradient by: ``max_norm / (total + 1e-6)``, at most 1.

    Where finite gradients have a norm beyond the float range, ``total`` is inf and that
    factor 0 would zero them; their norm relative to the largest is finite, so the
    factor comes from it instead, and the clipped gradients have the norm ``max_norm``.
    """
    if math.isinf(total) and all(math.isfinite(g) for g in grads):
        largest = max(abs(g) for g in grads)
        relative = _norm([abs(g) / largest for g in grads], order)
        return (max_norm / largest) / relative
    return min(max_norm / (total + 1e-6), 1.0)
