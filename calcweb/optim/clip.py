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

from calcweb._checks import check_real
from calcweb.exceptions import InvalidArgumentError, NumericalError
from calcweb.nn.value import Value

__all__ = ["clip_grad_norm"]


def clip_grad_norm(
    params: Iterable[Value],
    max_norm: float,
    norm_type: float = 2.0,
    error_if_nonfinite: bool = False,
) -> float:
    """Scale all gradients together so that their joint norm is at most ``max_norm``.

    The norm is taken over the gradients of all ``params`` as if they were one
    vector. When it exceeds ``max_norm`` every gradient is multiplied by
    ``max_norm / (norm + 1e-6)``, which keeps the direction of the step and
    caps its length; otherwise the gradients are left unchanged (multiplied by
    1.0), as torch does.

    Args:
        params: The parameters whose ``grad`` to clip.
        max_norm: The largest norm allowed (>= 0).
        norm_type: The order p of the norm (2.0 by default; ``math.inf`` for
            the largest absolute value).
        error_if_nonfinite: If True, raise when the norm is NaN or infinite. If
            False (torch's default), the gradients are scaled anyway and become
            NaN (an infinite norm gives factor 0, and inf * 0 is NaN), which
            the next step then writes into the parameters.

    Returns:
        The total norm of the gradients *before* clipping.

    Raises:
        NumericalError: if ``error_if_nonfinite`` and the norm is NaN or infinite.
    """
    params = list(params)
    max_norm = check_real(max_norm, "max_norm")
    if max_norm < 0.0:
        raise InvalidArgumentError(f"max_norm must be >= 0, but got {max_norm!r}")
    if not (norm_type > 0.0):
        raise InvalidArgumentError(f"norm_type must be > 0 (or math.inf), but got {norm_type!r}")
    if not params:
        return 0.0
    grads = [abs(p.grad) for p in params]
    if norm_type == math.inf:
        total = max(grads)
    elif norm_type == 2.0:
        total = math.hypot(*grads)
    else:
        total = math.fsum(g**norm_type for g in grads) ** (1.0 / norm_type)
    if error_if_nonfinite and not math.isfinite(total):
        raise NumericalError(
            f"The total norm of order {norm_type} for gradients is non-finite ({total}), so "
            "it cannot be clipped; find where the loss or gradient overflows (a smaller "
            "learning rate often helps), or pass error_if_nonfinite=False"
        )
    scale = min(max_norm / (total + 1e-6), 1.0)
    for p in params:
        p.grad = p.grad * scale
    return total
