r"""Loss functions and weight penalties, with the gradients torch gives.

Each loss is one node of the graph whose local derivatives are written out in
closed form, the formulas a reader would derive by hand:

* ``mse_loss``: $L = \frac1n\sum (p_i - y_i)^2$,
  $\partial L/\partial p_i = 2(p_i - y_i)/n$.
* ``binary_cross_entropy`` on probabilities $p_i \in [0, 1]$:
  $L = -\frac1n\sum y_i\log p_i + (1-y_i)\log(1-p_i)$,
  $\partial L/\partial p_i = \frac{p_i - y_i}{p_i(1-p_i)\,n}$
  (each log clamped at -100 as torch does, so p = 0 or 1 gives a large,
  finite loss instead of infinity).
* ``cross_entropy`` on logits $z$ and a class index $t$:
  $L = \log\sum_j e^{z_j} - z_t$, $\partial L/\partial z_j =
  \operatorname{softmax}(z)_j - [j = t]$. The log-sum-exp is computed as
  $m + \log\sum_j e^{z_j - m}$ with $m = \max_j z_j$, so logits of
  ±1000 neither overflow nor underflow.
* ``l1_penalty`` $c\sum|w|$ and ``l2_penalty`` $c\sum w^2$.
  ``l2_penalty(params, c)`` adds $2cw$ to each gradient, which is what
  ``SGD(..., weight_decay=2c)`` does.

Examples:
    >>> from calcweb.nn import Value, cross_entropy
    >>> logits = [Value(1000.0), Value(-1000.0)]
    >>> loss = cross_entropy(logits, 1)
    >>> loss
    Value(data=2000.0, grad=0.0)
    >>> loss.backward()
    >>> [z.grad for z in logits]
    [1.0, -1.0]
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from numbers import Integral, Real

from calcweb._checks import listed, shown
from calcweb.exceptions import (
    ArgumentTypeError,
    DomainError,
    InvalidArgumentError,
    NumericalError,
)
from calcweb.nn._scalars import real_number
from calcweb.nn.value import Value

__all__ = ["binary_cross_entropy", "cross_entropy", "l1_penalty", "l2_penalty", "mse_loss"]

Scalar = Value | float
Scalars = Scalar | Sequence[Scalar] | Iterable[Scalar]
_REDUCTIONS = ("mean", "sum")
_LOG_FLOOR = -100.0  # torch's clamp on the logs of binary_cross_entropy
# torch's floor on p(1 - p) in the gradient of binary_cross_entropy: the
# constant 1e-12 rounded to float32, as torch stores it.
_BCE_EPSILON = 9.999999960041972e-13


def _number(x: object, what: str) -> float:
    """A prediction, target or parameter as a finite float."""
    if isinstance(x, Value):
        if x.data - x.data:
            raise InvalidArgumentError(
                f"{what} holds {x!r}, which is not finite (was .data set to NaN or inf, or "
                "did an optimiser diverge?); use finite numbers"
            )
        return x.data
    if isinstance(x, bool) or not isinstance(x, Real):
        raise ArgumentTypeError(
            f"{what} must be numbers or Values, but got {type(x).__name__} {shown(x)}"
        )
    return real_number(x, what)


def _listed(x: object, what: str) -> list[object]:
    """``x`` as a list: one Value or number, or a list, tuple, 1-D numpy array or iterable."""
    if isinstance(x, Value) or (not isinstance(x, bool) and isinstance(x, Real)):
        return [x]
    items = listed(x)
    if items is not None:
        return items
    raise ArgumentTypeError(
        f"{what} must be a number or a Value, or a list of numbers or Values (a tuple or a "
        f"1-D numpy array works too), but got {type(x).__name__} {shown(x)}"
    )


def _pairs(predictions: object, targets: object) -> list[tuple[object, float, float]]:
    ps, ts = _listed(predictions, "predictions"), _listed(targets, "targets")
    if len(ps) != len(ts) or not ps:
        raise InvalidArgumentError(
            f"got {len(ps)} predictions and {len(ts)} targets; pass one target per "
            "prediction (at least one)"
        )
    return [
        (p, _number(p, f"predictions[{i}]"), _number(t, f"targets[{i}]"))
        for i, (p, t) in enumerate(zip(ps, ts, strict=True))
    ]


def _reduction(reduction: object) -> str:
    if not isinstance(reduction, str) or reduction not in _REDUCTIONS:
        raise InvalidArgumentError(f"reduction must be 'mean' or 'sum', but got {shown(reduction)}")
    return reduction


def _loss_node(
    name: str, terms: list[float], slopes: list[tuple[object, float]], reduction: str
) -> Value:
    """One node: the reduced sum of ``terms``, with ``slopes`` d(term)/d(input)."""
    scale = 1.0 / len(terms) if reduction == "mean" and terms else 1.0
    try:
        total = math.fsum(terms) * scale
    except (OverflowError, ValueError):  # an intermediate sum beyond the float range
        total = math.inf
    if total - total and scale != 1.0:  # the mean may fit where the sum does not
        try:
            total = math.fsum(t * scale for t in terms)
        except (OverflowError, ValueError):
            total = math.inf
    if total - total:
        big = next((t for t in terms if t - t), max(terms, key=abs, default=0.0))
        raise NumericalError(
            f"{name} overflows a float: a term is {big!r} and the {reduction} is beyond about "
            "1.8e308; scale the predictions and targets down (normalise the data)"
        )
    prev = tuple(v for v, _ in slopes if isinstance(v, Value))
    local = tuple(s * scale for v, s in slopes if isinstance(v, Value))
    return Value(total, prev, local, "loss")


def mse_loss(predictions: Scalars, targets: Scalars, reduction: str = "mean") -> Value:
    """Mean squared error, as ``torch.nn.functional.mse_loss``.

    Args:
        predictions: A Value or a sequence of Values (or numbers).
        targets: The numbers to predict, one per prediction (a list, tuple or
            1-D numpy array).
        reduction: ``"mean"`` (default) or ``"sum"``.

    Raises:
        InvalidArgumentError: different lengths, no predictions, a NaN or
            infinite number, or an unknown reduction.
        ArgumentTypeError: an entry is not a number or a Value.
        NumericalError: a squared error overflows a float.

    Examples:
        >>> p = [Value(1.0), Value(3.0)]
        >>> loss = mse_loss(p, [0.0, 0.0])
        >>> loss.data
        5.0
        >>> loss.backward(); [v.grad for v in p]
        [1.0, 3.0]
    """
    reduction = _reduction(reduction)
    pairs = _pairs(predictions, targets)
    return _loss_node(
        "mse_loss",
        [(p - t) * (p - t) for _, p, t in pairs],
        [(v, 2.0 * (p - t)) for v, p, t in pairs],
        reduction,
    )


def binary_cross_entropy(
    probabilities: Scalars, targets: Scalars, reduction: str = "mean"
) -> Value:
    """Binary cross-entropy of probabilities in [0, 1], as torch's ``binary_cross_entropy``.

    Feed it ``sigmoid`` outputs. Each log is clamped at -100 and the gradient
    uses max(p(1 - p), ~1e-12), exactly as torch does, so a saturated sigmoid
    (p == 1.0 in floating point) gives a large finite loss, not an error.

    Args:
        probabilities: Values in [0, 1].
        targets: Labels in [0, 1] (usually 0 or 1).
        reduction: ``"mean"`` (default) or ``"sum"``.

    Raises:
        DomainError: if a probability or target lies outside [0, 1].
        InvalidArgumentError: different lengths, a NaN, or an unknown reduction.
        ArgumentTypeError: an entry is not a number or a Value.

    Examples:
        >>> p = Value(0.8)
        >>> loss = binary_cross_entropy(p, 1.0)
        >>> round(loss.data, 6)    # -log(0.8)
        0.223144
        >>> loss.backward(); round(p.grad, 6)   # -1/0.8
        -1.25
    """
    reduction = _reduction(reduction)
    terms: list[float] = []
    slopes: list[tuple[object, float]] = []
    for v, p, y in _pairs(probabilities, targets):
        if not (0.0 <= p <= 1.0 and 0.0 <= y <= 1.0):
            raise DomainError(
                f"binary_cross_entropy needs probabilities and targets in [0, 1], but got "
                f"p={p!r}, target={y!r}; apply .sigmoid() to logits first"
            )
        log_p = max(math.log(p), _LOG_FLOOR) if p > 0.0 else _LOG_FLOOR
        log_q = max(math.log1p(-p), _LOG_FLOOR) if p < 1.0 else _LOG_FLOOR
        terms.append(-(y * log_p + (1.0 - y) * log_q))
        slopes.append((v, (p - y) / max((1.0 - p) * p, _BCE_EPSILON)))
    return _loss_node("binary_cross_entropy", terms, slopes, reduction)


def _class_index(t: object, classes: int) -> int:
    if isinstance(t, bool) or not isinstance(t, Integral):
        raise ArgumentTypeError(
            f"a target must be a class index, an int in 0..{classes - 1}, but got "
            f"{type(t).__name__} {shown(t)}"
        )
    index = int(t)
    if not 0 <= index < classes:
        raise InvalidArgumentError(
            f"a target must be a class index, an int in 0..{classes - 1}, but got {shown(t)}"
        )
    return index


def cross_entropy(
    logits: Sequence[Scalar] | Sequence[Sequence[Scalar]],
    target: int | Sequence[int],
    reduction: str = "mean",
) -> Value:
    """Softmax cross-entropy of raw scores (logits), as ``torch.nn.functional.cross_entropy``.

    Args:
        logits: One sample's logits (a sequence of Values), or a batch of them
            (a sequence of sequences).
        target: The correct class index, or one index per sample of the batch
            (a list, tuple or 1-D numpy array of ints).
        reduction: ``"mean"`` over samples (default) or ``"sum"``.

    Raises:
        InvalidArgumentError: a class index out of range, a sample without
            logits, a NaN logit, as many targets as samples, or an unknown reduction.
        ArgumentTypeError: a target that is not an int, a logit that is not a
            number or a Value.
        NumericalError: the loss overflows a float (logits beyond about 1e308 apart).

    Examples:
        >>> z = [Value(2.0), Value(1.0), Value(0.1)]
        >>> loss = cross_entropy(z, 0)
        >>> round(loss.data, 6)
        0.41703
        >>> loss.backward(); [round(v.grad, 6) for v in z]   # softmax - one-hot
        [-0.340999, 0.242433, 0.098566]
    """
    reduction = _reduction(reduction)
    # One sample when target is a single number (numpy ints too; a float or None is
    # refused below as not a class index), else a batch with one target per sample.
    batch = not (target is None or isinstance(target, Real))
    if batch:  # one class index per sample
        targets = _listed(target, "target")
        samples = _listed(logits, "logits")
    else:
        targets, samples = [target], [logits]
    if len(samples) != len(targets) or not samples:
        raise InvalidArgumentError(
            f"got {len(samples)} samples of logits and {len(targets)} targets; pass one "
            "target per sample"
        )
    terms: list[float] = []
    slopes: list[tuple[object, float]] = []
    for i, (row, t) in enumerate(zip(samples, targets, strict=True)):
        zs = _listed(row, f"the logits of sample {i}")
        if not zs:
            raise InvalidArgumentError(
                f"sample {i} has no logits; pass one score per class (at least one)"
            )
        z = [_number(v, "logits") for v in zs]
        k = _class_index(t, len(z))
        m = max(z)
        exps = [math.exp(zj - m) for zj in z]  # zj - m may be -inf: exp gives 0
        total = math.fsum(exps)
        terms.append((m - z[k]) + math.log(total))  # m - z[k] first: exact, no cancellation
        slopes += [(v, e / total - (j == k)) for j, (v, e) in enumerate(zip(zs, exps, strict=True))]
    return _loss_node("cross_entropy", terms, slopes, reduction)


def _penalty_terms(
    parameters: object, coefficient: object, name: str
) -> tuple[list[tuple[object, float]], float]:
    c = real_number(coefficient, f"{name}(coefficient)")
    ws = [
        (v, _number(v, f"parameters[{i}]")) for i, v in enumerate(_listed(parameters, "parameters"))
    ]
    return ws, c


def l1_penalty(parameters: Sequence[Scalar], coefficient: float = 1.0) -> Value:
    """``coefficient * sum(|w|)``: add it to a loss to push weights to exactly zero.

    Args:
        parameters: The weights (Values, such as ``model.parameters()``).
        coefficient: The strength of the penalty, a finite number.

    Raises:
        ArgumentTypeError: ``parameters`` is not a list of Values or numbers,
            or ``coefficient`` is not a number.
        InvalidArgumentError: a NaN or infinite weight or coefficient.
        NumericalError: the penalty overflows a float.

    Examples:
        >>> w = [Value(-2.0), Value(0.5)]
        >>> penalty = l1_penalty(w, 0.1)
        >>> penalty.data
        0.25
        >>> penalty.backward(); [v.grad for v in w]
        [-0.1, 0.1]
    """
    ws, c = _penalty_terms(parameters, coefficient, "l1_penalty")
    slopes = [(v, c * ((w > 0.0) - (w < 0.0))) for v, w in ws]
    return _loss_node("l1_penalty", [c * abs(w) for _, w in ws], slopes, "sum")


def l2_penalty(parameters: Sequence[Scalar], coefficient: float = 1.0) -> Value:
    """``coefficient * sum(w**2)``: add it to a loss to keep weights small.

    Args:
        parameters: The weights (Values, such as ``model.parameters()``).
        coefficient: The strength of the penalty, a finite number.

    Raises:
        ArgumentTypeError: ``parameters`` is not a list of Values or numbers,
            or ``coefficient`` is not a number.
        InvalidArgumentError: a NaN or infinite weight or coefficient.
        NumericalError: the penalty overflows a float.

    Examples:
        >>> w = [Value(-2.0), Value(0.5)]
        >>> penalty = l2_penalty(w, 0.1)
        >>> round(penalty.data, 12)
        0.425
        >>> penalty.backward(); [round(v.grad, 12) for v in w]
        [-0.4, 0.1]
    """
    ws, c = _penalty_terms(parameters, coefficient, "l2_penalty")
    return _loss_node(
        "l2_penalty", [c * w * w for _, w in ws], [(v, 2.0 * c * w) for v, w in ws], "sum"
    )
