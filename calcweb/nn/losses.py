r"""Loss functions and weight penalties, with the gradients torch gives.

Each loss is one node of the graph whose local derivatives are written out in
closed form, the formulas a reader would derive by hand:

* ``mse_loss``: $L = \frac1n\sum (p_i - y_i)^2$,
  $\partial L/\partial p_i = 2(p_i - y_i)/n$.
* ``binary_cross_entropy`` on probabilities $p_i \in [0, 1]$:
  $L = -\frac1n\sum [y_i\log p_i + (1-y_i)\log(1-p_i)]$,
  $\partial L/\partial p_i = \frac{p_i - y_i}{p_i(1-p_i)\,n}$
  (each log clamped at -100 as torch does, so p = 0 or 1 gives a large,
  finite loss instead of infinity).
* ``cross_entropy`` on logits $z$ and a class index $t$:
  $L = \log\sum_j e^{z_j} - z_t$, $\partial L/\partial z_j =
  \operatorname{softmax}(z)_j - [j = t]$. The log-sum-exp is computed as
  $m + \log\sum_j e^{z_j - m}$ with $m = \max_j z_j$, so logits of
  ±1000 neither overflow nor underflow. With ``label_smoothing=e`` the
  target is $(1 - e)[j = t] + e/C$ for C classes, as in torch; with class
  probabilities $y$ as the target (soft labels) and class weights $w$,
  $L = -\sum_j w_j y_j \log \operatorname{softmax}(z)_j$.
* ``binary_cross_entropy_with_logits`` on logits $x_i$:
  $L = \frac1n\sum [\max(x_i, 0) - x_i y_i + \log(1 + e^{-|x_i|})]$,
  $\partial L/\partial x_i = (\sigma(x_i) - y_i)/n$.
* ``softmax`` and ``log_softmax``, with the same log-sum-exp as
  ``cross_entropy``: $\partial s_i/\partial z_j = s_i([i = j] - s_j)$ and
  $\partial \log s_i/\partial z_j = [i = j] - s_j$.
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
from typing import Any

from calcweb._checks import checking_arguments, listed, shown
from calcweb.exceptions import (
    ArgumentTypeError,
    DomainError,
    InvalidArgumentError,
    NumericalError,
)
from calcweb.jet import Jet
from calcweb.nn._scalars import real_number
from calcweb.nn.value import Value, no_float

__all__ = [
    "binary_cross_entropy",
    "binary_cross_entropy_with_logits",
    "cross_entropy",
    "l1_penalty",
    "l2_penalty",
    "log_softmax",
    "mse_loss",
    "softmax",
]

Scalar = Value | float
Scalars = Scalar | Sequence[Scalar] | Iterable[Scalar]
Logits = Sequence[Scalar | Jet] | Sequence[Sequence[Scalar | Jet]]
_REDUCTIONS = ("mean", "sum")
_LOG_FLOOR = -100.0  # torch's clamp on the logs of binary_cross_entropy
# torch's floor on p(1 - p) in the gradient of binary_cross_entropy: the
# constant 1e-12 rounded to float32, as torch stores it.
_BCE_EPSILON = 9.999999960041972e-13


def _number(x: object, what: str) -> float:
    """A prediction, target or parameter as a finite float."""
    if isinstance(x, Value):
        data = x.data
        if type(data) is not float:  # set by hand: a float, or refused as the operators do
            refusal = no_float(data, "data")
            if refusal is not None:
                raise refusal
            data = float(data)
        if data - data:
            raise InvalidArgumentError(
                f"{what} holds {x!r}, which is not finite (was .data set to NaN or inf, or "
                "did an optimiser diverge?); use finite numbers"
            )
        return data
    if isinstance(x, bool) or not isinstance(x, Real):
        raise ArgumentTypeError(
            f"{what} must be numbers or Values, but got {type(x).__name__} {shown(x)}"
        )
    return real_number(x, what)


def _logit(x: object, what: str) -> float:
    """A logit of a softmax as a finite float; -inf, torch's mask, refused with one that works."""
    if isinstance(x, Real) and x == -math.inf:
        raise InvalidArgumentError(
            f"got -inf in {what}, as torch's code writes to mask a class; calcweb's numbers "
            "are finite: mask with a large negative logit such as -1e9 instead, whose "
            "softmax is exactly 0 too (and so is its gradient)"
        )
    return _number(x, what)


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


def _pairs(
    predictions: object, targets: object, what: str = "predictions"
) -> list[tuple[object, float, object, float]]:
    """(prediction, its float, target, its float): a Value target is differentiated too."""
    ps, ts = _listed(predictions, what), _listed(targets, "targets")
    if len(ps) != len(ts) or not ps:
        raise InvalidArgumentError(
            f"got {len(ps)} {what} and {len(ts)} targets; pass one target per "
            f"{what[:-1]} (at least one)"
        )
    try:
        return [
            (p, _number(p, f"{what}[{i}]"), t, _number(t, f"targets[{i}]"))
            for i, (p, t) in enumerate(zip(ps, ts, strict=True))
        ]
    except ArgumentTypeError as error:
        raise _row_refused(ps, what) or _row_refused(ts, "targets") or error from None


def _row_refused(items: list[object], what: str) -> ArgumentTypeError | None:
    """The error for a row (a 2-D array's, a list of lists') among ``items``; None if none is."""
    for i, item in enumerate(items):
        if not isinstance(item, Value) and listed(item) is not None:
            return ArgumentTypeError(
                f"{what}[{i}] is {type(item).__name__} {shown(item)}, a row, where a number "
                "or Value goes: losses and penalties take one flat list of numbers or Values "
                "per call; flatten the rows (a.ravel() for a numpy array, [v for row in rows "
                "for v in row] for a list of lists)"
            )
    return None


def _reduction(reduction: object) -> str:
    if not isinstance(reduction, str) or reduction not in _REDUCTIONS:
        raise InvalidArgumentError(f"reduction must be 'mean' or 'sum', but got {shown(reduction)}")
    return reduction


# What the reader can scale down when a loss overflows: the inputs that loss takes (class
# indices and labels in [0, 1] cannot be scaled; a penalty has no predictions or targets).
_PREDICTIONS_ADVICE = "scale the predictions and targets down (normalise the data)"
_LOGITS_ADVICE = "scale the logits down (normalise the data, or use a smaller learning rate)"
_PENALTY_ADVICE = "scale the parameters or the coefficient down"
_OVERFLOW_ADVICE = {
    "binary_cross_entropy_with_logits": _LOGITS_ADVICE,
    "cross_entropy": _LOGITS_ADVICE,
    "l1_penalty": _PENALTY_ADVICE,
    "l2_penalty": _PENALTY_ADVICE,
}


def _loss_node(
    name: str,
    terms: list[float],
    slopes: list[tuple[object, float]],
    reduction: str,
    count: float | None = None,
) -> Value:
    """One node: the reduced sum of ``terms``, with ``slopes`` d(term)/d(input).

    The mean divides by ``count``, by default the number of terms.
    """
    count = len(terms) if count is None else count
    scale = 1.0 / count if reduction == "mean" and terms else 1.0
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
            f"1.8e308; {_OVERFLOW_ADVICE.get(name, _PREDICTIONS_ADVICE)}"
        )
    prev = tuple(v for v, _ in slopes if isinstance(v, Value))
    local = tuple(s * scale for v, s in slopes if isinstance(v, Value))
    return Value(total, prev, local, "loss")


@checking_arguments
def mse_loss(predictions: Scalars, targets: Scalars, reduction: str = "mean") -> Value:
    """Mean squared error, as ``torch.nn.functional.mse_loss``.

    Args:
        predictions: A Value or a sequence of Values (or numbers).
        targets: The numbers to predict, one per prediction (a list, tuple or
            1-D numpy array). Values here are differentiated too, as torch
            does: ``-2(p - y)``, divided by n for the mean.
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
    slopes: list[tuple[object, float]] = []
    for v, p, w, t in pairs:
        slopes += [(v, 2.0 * (p - t)), (w, -2.0 * (p - t))]
    return _loss_node("mse_loss", [(p - t) * (p - t) for _, p, _, t in pairs], slopes, reduction)


@checking_arguments
def binary_cross_entropy(
    probabilities: Scalars, targets: Scalars, reduction: str = "mean"
) -> Value:
    """Binary cross-entropy of probabilities in [0, 1], as torch's ``binary_cross_entropy``.

    Feed it ``sigmoid`` outputs (from logits, `binary_cross_entropy_with_logits`
    keeps the gradient where the sigmoid's rounding loses it). Each log is
    clamped at -100 and the gradient uses max(p(1 - p), ~1e-12), exactly as
    torch does, so a saturated sigmoid
    (p == 1.0 in floating point) gives a large finite loss, not an error.

    Args:
        probabilities: Values in [0, 1].
        targets: Labels in [0, 1] (usually 0 or 1). Values here are
            differentiated too, as torch does: ``log(1 - p) - log(p)`` (divided
            by n for the mean), but with the loss's clamped logs, the clamped
            loss's slope: below p = e**-100 (about 3.7e-44) it is 100 where
            torch's unclamped ``-logit(p)`` is more (115 at p = 1e-50, infinite
            at 0), and at p = 1 it is -100 where torch's is -infinity.
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
    for v, p, w, y in _pairs(probabilities, targets):
        if not (0.0 <= p <= 1.0 and 0.0 <= y <= 1.0):
            raise DomainError(
                f"binary_cross_entropy needs probabilities and targets in [0, 1], but got "
                f"p={p!r}, target={y!r}; apply .sigmoid() to logits first"
            )
        log_p = max(math.log(p), _LOG_FLOOR) if p > 0.0 else _LOG_FLOOR
        log_q = max(math.log1p(-p), _LOG_FLOOR) if p < 1.0 else _LOG_FLOOR
        terms.append(-(y * log_p + (1.0 - y) * log_q))
        slopes.append((v, (p - y) / max((1.0 - p) * p, _BCE_EPSILON)))
        slopes.append((w, log_q - log_p))  # the term is linear in y
    return _loss_node("binary_cross_entropy", terms, slopes, reduction)


def _exponentials(z: list[float]) -> tuple[float, list[float], float]:
    """``m = max(z)``, the ``exp(z_j - m)`` and their sum: the log-sum-exp without overflow.

    Every exponent is <= 0, so no exp overflows, and the largest is exp(0) = 1,
    so the sum is at least 1 and its log is finite.
    """
    m = max(z)
    exps = [math.exp(zj - m) for zj in z]  # zj - m may be -inf: exp gives 0
    return m, exps, math.fsum(exps)


def _log_total(exps: list[float]) -> float:
    """``log`` of the sum of `_exponentials`' exps, one of which is exp(0) = 1.

    As ``log1p`` of the others' sum: ``log(1.0 + 3.7e-196)`` is log(1.0) = 0,
    and at others of 1.6e-16 it is 2.2e-16, 39 % off; ``log1p`` keeps them.
    """
    k = exps.index(1.0)
    return math.log1p(math.fsum(exps[:k] + exps[k + 1 :]))


def _sigmoid(x: float) -> float:
    """sigma(x) as torch's scalar CPU kernel computes it, 1 / (1 + exp(-x)); 0.0 on overflow.

    For x < 0 this is as accurate as exp(x) / (1 + exp(x)) (both round a
    handful of times). It gives torch's gradients bit for bit for a
    one-element tensor; torch's vectorised kernel (longer tensors) can differ
    in the last bits (up to 4 ulps, in 27 of 3,500 random logits).
    """
    try:
        return 1.0 / (1.0 + math.exp(-x))
    except OverflowError:  # x < -709.78: sigma(x) < 1e-308, and C's 1 / (1 + inf) is 0
        return 0.0


@checking_arguments
def binary_cross_entropy_with_logits(
    logits: Scalars, targets: Scalars, reduction: str = "mean"
) -> Value:
    r"""Binary cross-entropy of raw scores, as torch's ``binary_cross_entropy_with_logits``.

    ``binary_cross_entropy(sigmoid(x), y)`` in one stable step: each term is
    $\max(x, 0) - x y + \log(1 + e^{-|x|})$, whose exponent is never
    positive, so a logit of ±1000 (or ±1e300) gives the exact loss instead of
    an overflow or a log of 0 clamped at -100; its gradient is
    $\sigma(x) - y$ (divided by n for the mean), as torch computes it.

    Args:
        logits: Values (or numbers), any finite real numbers.
        targets: Labels in [0, 1] (usually 0 or 1), one per logit. Values
            here are differentiated too, as torch does: ``-x`` (divided by n
            for the mean).
        reduction: ``"mean"`` (default) or ``"sum"``.

    Raises:
        DomainError: if a target lies outside [0, 1].
        InvalidArgumentError: different lengths, no logits, a NaN or infinite
            number, or an unknown reduction.
        ArgumentTypeError: an entry is not a number or a Value.
        NumericalError: the sum overflows a float (logits near 1e308).

    Examples:
        >>> x = [Value(1000.0), Value(-1000.0), Value(0.0)]
        >>> loss = binary_cross_entropy_with_logits(x, [0.0, 1.0, 1.0], reduction="sum")
        >>> round(loss.data, 9)   # 1000 + 1000 + log 2
        2000.693147181
        >>> loss.backward(); [v.grad for v in x]   # sigmoid(x) - y
        [1.0, -1.0, -0.5]
    """
    reduction = _reduction(reduction)
    terms: list[float] = []
    slopes: list[tuple[object, float]] = []
    for v, x, w, y in _pairs(logits, targets, "logits"):
        if not 0.0 <= y <= 1.0:
            raise DomainError(
                f"binary_cross_entropy_with_logits needs targets in [0, 1], but got "
                f"target={y!r}; use 0 or 1 (or a probability) for each label"
            )
        # -log(sigmoid(x)) y - log(1 - sigmoid(x)) (1 - y), with exp(-|x|) <= 1; its
        # max(x, 0) - x y as one product, x (1 - y) or -x y: the difference cancels.
        linear = x * (1.0 - y) if x > 0.0 else -x * y
        terms.append(linear + math.log1p(math.exp(-abs(x))))
        slopes += [(v, _sigmoid(x) - y), (w, -x)]
    return _loss_node("binary_cross_entropy_with_logits", terms, slopes, reduction)


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


def _samples(logits: object) -> tuple[list[list[object]], bool]:
    """The samples of ``logits`` (torch's (C) or (N, C)), and whether they are a batch."""
    if isinstance(logits, (Value, Jet, Real)):
        raise ArgumentTypeError(
            f"cross_entropy got one logit, {shown(logits)}, but needs one logit per class: "
            "with one logit the softmax is 1 and the loss 0 whatever it is, so nothing "
            "would be learnt; for a yes/no target scored by one logit z, use "
            "binary_cross_entropy_with_logits([z], [t]) with t = 0.0 or 1.0"
        )
    items = _listed(logits, "logits")
    nested = [not isinstance(z, (Value, Jet, Real)) and listed(z) is not None for z in items]
    if not any(nested):
        return _checked_rows([items]), False  # a flat list: one sample's logits, torch's (C)
    rows = [_listed(row, f"the logits of sample {i}") for i, row in enumerate(items)]
    if not all(nested):
        raise ArgumentTypeError(
            f"the logits mix numbers and lists: item {nested.index(False)} is "
            f"{shown(items[nested.index(False)])}; pass one sample's logits as a flat list, or "
            "a batch as a list of lists of equal length"
        )
    return _checked_rows(rows), True


def _checked_rows(rows: list[list[object]]) -> list[list[object]]:
    """The samples' logits, refused if a sample has none or the samples differ in length."""
    for i, zs in enumerate(rows):
        if not zs:
            raise InvalidArgumentError(
                f"sample {i} has no logits; pass one score per class (at least two)"
            )
    # Every sample scores the same classes: a ragged batch is a mistake in the data, as
    # softmax says (torch's (N, C) tensor cannot be ragged), not a batch to average.
    if len({len(zs) for zs in rows}) > 1:
        raise InvalidArgumentError(
            f"the samples of the batch have different numbers of logits "
            f"{[len(zs) for zs in rows]}; pass one logit per class in every sample"
        )
    return rows


def _targets(target: object, rows: list[list[object]], batch: bool) -> tuple[list[object], bool]:
    """One target per sample, and whether they are class probabilities (soft labels).

    A class index for one sample, a list of them for a batch; or, as torch's
    float target of the input's shape, class probabilities: a list of them for
    one sample, a list of such lists for a batch. As torch tells them apart by
    dtype, a list of ints is no probabilities (``[0, 0]`` for two logits is
    two class indices, for two samples of one logit each, not a target of 0).
    """
    classes = len(rows[0])
    if not batch:
        if target is None or isinstance(target, Real):
            return [target], False  # checked as a class index below
        entries = listed(target)
        if entries is None or not _probabilities_among(entries):
            raise ArgumentTypeError(
                f"the logits are one sample of {classes} classes (a flat list, torch's (C)), "
                f"so target must be one class index, an int in 0..{classes - 1}, or "
                f"{classes} class probabilities (floats: soft labels), but got "
                f"{type(target).__name__} {shown(target)}; for a batch, pass one list of "
                "logits per sample, [[z0, z1], [z0, z1]]"
            )
        return [target], True
    if target is None or isinstance(target, Real):
        raise ArgumentTypeError(
            f"the logits are a batch of {len(rows)} samples (a list of lists, torch's (N, C)), "
            f"so target must be a list of {len(rows)} class indices, one per sample, but got "
            f"{type(target).__name__} {shown(target)}; for one sample, pass its logits as a "
            "flat list"
        )
    targets = _listed(target, "target")
    if len(targets) != len(rows):
        raise InvalidArgumentError(
            f"got {len(rows)} samples of logits and {len(targets)} targets; pass one "
            "target per sample"
        )
    soft = [
        _probabilities_among(entries)
        for entries in (None if isinstance(t, (Value, Real)) else listed(t) for t in targets)
    ]
    if any(soft) and not all(soft):
        raise ArgumentTypeError(
            f"the targets mix lists of class probabilities and other things: target "
            f"{soft.index(False)} is {shown(targets[soft.index(False)])}; pass one class "
            "index per sample, or one list of class probabilities (floats) per sample"
        )
    return targets, all(soft)


def _probabilities_among(entries: list[object] | None) -> bool:
    """Whether ``entries`` are class probabilities: a list with a float or Value among them."""
    return entries is not None and any(
        isinstance(y, Value) or (isinstance(y, Real) and not isinstance(y, Integral))
        for y in entries
    )


def _probabilities(target: object, classes: int, i: int) -> list[tuple[object, float]]:
    """Sample ``i``'s class probabilities: (each as given, its float), each in [0, 1]."""
    entries = _listed(target, f"the target of sample {i}")
    if len(entries) != classes:
        raise InvalidArgumentError(
            f"sample {i} has {classes} logits but its target {len(entries)} class "
            f"probabilities; pass one probability per class (soft labels), or the index of "
            "the true class"
        )
    probabilities = [(y, _number(y, f"the target of sample {i}")) for y in entries]
    for c, (_, y) in enumerate(probabilities):
        if not 0.0 <= y <= 1.0:
            raise DomainError(
                f"the target of sample {i} gives class {c} the probability {y!r}; class "
                "probabilities (soft labels) lie in [0, 1]"
            )
    return probabilities


def _class_weights(weight: object, classes: int) -> list[float] | None:
    """The class weights (torch's ``weight``): one finite number >= 0 per class, or None."""
    if weight is None:
        return None
    entries = _listed(weight, "weight")
    if len(entries) != classes:
        raise InvalidArgumentError(
            f"got {len(entries)} class weights for {classes} classes; pass one weight per "
            "class (or weight=None for all 1)"
        )
    weights = [real_number(w, "weight") for w in entries]
    if any(w < 0.0 for w in weights):
        raise InvalidArgumentError(
            f"the class weights {weights!r} include a negative one; a weight scales its "
            "class's share of the loss: use numbers >= 0"
        )
    return weights


def _label_smoothing(label_smoothing: object) -> float:
    """The share ``label_smoothing`` of each target spread evenly over the classes, in [0, 1]."""
    smoothing = real_number(label_smoothing, "label_smoothing")
    if not 0.0 <= smoothing <= 1.0:
        raise InvalidArgumentError(
            f"label_smoothing must be in [0, 1] (the share of the target spread evenly over "
            f"the classes, as in torch), but got {shown(label_smoothing)}; 0.1 is usual, 0 "
            "turns it off"
        )
    return smoothing


def _smoothed_term(z: list[float], k: int, m: float, log_total: float, smoothing: float) -> float:
    """-(1 - e) log s_k - (e / C) sum_j log s_j, with -log s_j = (m - z_j) + log(total).

    Every m - z_j is >= 0, so the sum has no cancellation; with e = 0 it is
    exactly the unsmoothed (m - z_k) + log(total).
    """
    if not smoothing:
        return (m - z[k]) + log_total  # m - z[k] first: exact, no cancellation
    spread = math.fsum(m - zj for zj in z) * (smoothing / len(z))
    return ((1.0 - smoothing) * (m - z[k]) + spread) + log_total


@checking_arguments
def cross_entropy(
    logits: Sequence[Scalar] | Sequence[Sequence[Scalar]],
    target: int | Sequence[int] | Sequence[Scalar] | Sequence[Sequence[Scalar]],
    reduction: str = "mean",
    label_smoothing: float = 0.0,
    weight: Sequence[float] | None = None,
) -> Value:
    r"""Softmax cross-entropy of raw scores (logits), as ``torch.nn.functional.cross_entropy``.

    Each sample's loss is $\sum_c w_c\,y_c\,(-\log s_c)$, $s$ the softmax
    of its logits and $y$ its target distribution: one-hot on the true class
    for a class index, the given probabilities for soft labels (each row
    of the input's shape, as torch's float target; a row need not sum to 1,
    as in torch). Its gradient is $(\sum_c w_c y_c)\,s_j - w_j y_j$.

    Args:
        logits: One sample's logits, one per class (a flat sequence of
            Values: torch's (C) input), or a batch of them (a sequence of
            sequences: (N, C)).
        target: The correct class index of the one sample, or one index per
            sample of the batch (a list, tuple or 1-D numpy array of ints);
            or class probabilities in [0, 1] (soft labels): one per class
            for the one sample, a list of them per sample of a batch. Values
            among the probabilities are differentiated too, as torch does:
            $\partial L / \partial y_c = (1 - e)\,w_c\,(-\log s_c)$
            (divided by N for the mean).
        reduction: ``"mean"`` (default) or ``"sum"`` over samples. As torch's,
            the mean divides by the number of samples N for soft labels, and
            by the sum of the weights of the true classes, $\sum_n
            w_{t_n}$, for class indices (N without ``weight``).
        label_smoothing: A number e in [0, 1], as torch's: the target of C
            classes becomes $(1 - e)\,y + e / C$ (y one-hot for a class
            index), so for a class index the loss is $(1 - e)(-\log s_t) +
            \frac{e}{C}\sum_j (-\log s_j)$ and its gradient $s_j - (1 -
            e)[j = t] - e / C$. 0 (default) is the plain loss.
        weight: One number $w_c \ge 0$ per class, as torch's ``weight``
            (it scales each class's share of the loss); None (default) is
            all 1.

    Raises:
        InvalidArgumentError: a class index out of range, a sample without
            logits or with one logit (its loss would be 0 whatever it is: use
            `binary_cross_entropy_with_logits`), samples of a batch with
            different numbers of logits, a NaN logit, not as many targets as
            samples or probabilities as classes, an unknown reduction, a
            label_smoothing outside [0, 1] or NaN, not one weight per class,
            a negative weight, or a mean over true classes whose weights sum
            to 0.
        DomainError: a class probability outside [0, 1].
        ArgumentTypeError: one logit given alone, a target that is neither
            an int nor a list of probabilities (one int for a batch, a mix
            of indices and lists), a logit or probability that is not a
            number or a Value, a label_smoothing or weight that is not a
            real number.
        NumericalError: the loss overflows a float (logits beyond about 1e308 apart).

    Examples:
        >>> z = [Value(2.0), Value(1.0), Value(0.1)]
        >>> loss = cross_entropy(z, 0)
        >>> round(loss.data, 6)
        0.41703
        >>> loss.backward(); [round(v.grad, 6) for v in z]   # softmax - one-hot
        [-0.340999, 0.242433, 0.098566]
        >>> z = [Value(0.0), Value(0.0)]
        >>> loss = cross_entropy(z, 0, label_smoothing=0.2)   # target (0.9, 0.1)
        >>> round(loss.data, 6)   # log 2: the softmax is (0.5, 0.5) whatever the target
        0.693147
        >>> loss.backward(); [round(v.grad, 6) for v in z]   # softmax - target
        [-0.4, 0.4]
        >>> z = [Value(0.0), Value(math.log(3.0))]   # softmax (0.25, 0.75)
        >>> loss = cross_entropy(z, [0.5, 0.5])   # a soft label
        >>> loss.backward(); [round(v.grad, 6) for v in z]   # softmax - target
        [-0.25, 0.25]
        >>> z = [[Value(1.0), Value(2.0)], [Value(0.5), Value(0.5)]]
        >>> loss = cross_entropy(z, [1, 0], weight=[3.0, 1.0])   # mean over weights 1 + 3
        >>> round(loss.data, 6)   # (1 log(1 + e^-1) + 3 log 2) / 4
        0.598176
    """
    reduction = _reduction(reduction)
    smoothing = _label_smoothing(label_smoothing)
    rows, batch = _samples(logits)
    targets, soft = _targets(target, rows, batch)
    classes = len(rows[0])
    weights = _class_weights(weight, classes)
    terms: list[float] = []
    slopes: list[tuple[object, float]] = []
    count = 0.0  # the mean's divisor: torch's, the samples or the weights of their classes
    for i, (zs, t) in enumerate(zip(rows, targets, strict=True)):
        z = [_logit(v, "logits") for v in zs]
        # Before an int target's range: with one logit a yes/no label 1 is out of 0..0,
        # and the one logit is the mistake (a target that is no int is refused below).
        an_int = isinstance(t, Integral) and not isinstance(t, bool)
        if len(z) == 1 and (an_int or soft):  # softmax of one logit is 1: the loss is 0
            flat = "[z for [z] in logits]" if batch else "logits"
            raise InvalidArgumentError(
                "each sample has one logit, so its softmax is 1 and the loss 0 whatever the "
                "logit: nothing would be learnt; cross_entropy needs one logit per class (at "
                "least two); for a yes/no target scored by one logit per sample, use "
                f"binary_cross_entropy_with_logits({flat}, targets) with targets 0.0 or 1.0"
            )
        m, exps, total = _exponentials(z)
        if soft:
            given = _probabilities(t, classes, i)
            # torch's smoothing of class probabilities: (1 - e) y + e / C
            y = [(1.0 - smoothing) * p + smoothing / classes for _, p in given]
            count += 1.0
        else:
            k = _class_index(t, classes)
            y = [(1.0 - smoothing) * (j == k) + smoothing / classes for j in range(classes)]
            count += 1.0 if weights is None else weights[k]
        probabilities = [e / total for e in exps]
        if weights is None and not soft:
            terms.append(_smoothed_term(z, k, m, _log_total(exps), smoothing))
            # d/dz_j = softmax_j - target_j, the smoothed target (1 - e)[j = k] + e / C
            slopes += zip(zs, _scaled_softmax_minus(probabilities, y, 1.0), strict=True)
            continue
        w = [1.0] * classes if weights is None else weights
        # -log s_c = (m - z_c) + log(total), each >= 0: a sum without cancellation
        log_total = _log_total(exps)
        surprisals = [(m - zc) + log_total for zc in z]
        shares = [wc * yc for wc, yc in zip(w, y, strict=True)]
        terms.append(math.fsum(a * b for a, b in zip(shares, surprisals, strict=True) if a))
        # d/dz_j = (sum_c w_c y_c) softmax_j - w_j y_j (the y_c need not sum to 1)
        weighted = math.fsum(shares)
        slopes += zip(zs, _scaled_softmax_minus(probabilities, shares, weighted), strict=True)
        if soft:  # torch differentiates the target too: d/dy_c = (1 - e) w_c (-log s_c)
            slopes += [
                (v, (1.0 - smoothing) * wc * sc)
                for (v, _), wc, sc in zip(given, w, surprisals, strict=True)
            ]
    if reduction == "mean" and not count:
        raise InvalidArgumentError(
            f"the weights of the targets' classes sum to 0 ({weights!r}), so their mean is "
            "0 / 0; give the classes that occur a weight > 0, or use reduction='sum'"
        )
    return _loss_node("cross_entropy", terms, slopes, reduction, count)


def _logit_rows(logits: object, dim: object, name: str) -> tuple[list[list[object]], int, bool]:
    """``logits`` as rows to normalise: (rows, number of dimensions, along columns).

    One sample is a 1-D sequence; a batch is a 2-D sequence of equally long rows.
    """
    if isinstance(logits, (Value, Jet, Real)) or listed(logits) is None:
        raise ArgumentTypeError(
            f"{name} needs a list of logits (numbers, Values or Jets), or a list of such "
            f"lists for a batch, but got {type(logits).__name__} {shown(logits)}; for one "
            "logit write [z]"
        )
    items = _listed(logits, "logits")
    nested = [not isinstance(z, (Value, Jet, Real)) and listed(z) is not None for z in items]
    ndim = 2 if any(nested) else 1
    if isinstance(dim, bool) or not isinstance(dim, Integral):
        raise ArgumentTypeError(
            f"dim must be an int, but got {type(dim).__name__} {shown(dim)}; pass dim=-1 to "
            "normalise each row"
        )
    axis = int(dim)
    if not -ndim <= axis < ndim:
        raise InvalidArgumentError(
            f"dim must be in the range [{-ndim}, {ndim - 1}] for {ndim}-D logits, but got "
            f"{shown(dim)}; pass dim=-1 to normalise the last dimension"
        )
    if ndim == 1:
        return [items], 1, False
    if not all(nested):
        raise ArgumentTypeError(
            f"{name} got a batch whose rows are not all lists: row {nested.index(False)} is "
            f"{shown(items[nested.index(False)])}; pass a list of lists of equal length"
        )
    rows = [_listed(row, f"row {i} of the logits") for i, row in enumerate(items)]
    if not all(rows):
        raise InvalidArgumentError(
            f"row {[len(r) for r in rows].index(0)} of the logits is empty; pass at least one "
            "logit per row"
        )
    if len({len(row) for row in rows}) > 1:
        raise InvalidArgumentError(
            f"the rows of the logits have different lengths {[len(r) for r in rows]}; "
            "pass one logit per class in every row"
        )
    along_columns = axis % 2 == 0
    if along_columns:
        rows = [list(column) for column in zip(*rows, strict=True)]
    return rows, 2, along_columns


def _normalised_row(row: list[object], log: bool, where: str) -> list[Any]:
    """The softmax (or log_softmax) of one row of floats, Values or Jets."""
    name = "log_softmax" if log else "softmax"
    if not row:
        raise InvalidArgumentError(f"{where} is empty; pass at least one logit")
    if any(isinstance(z, Jet) for z in row):
        return _normalised_jets(row, log, where)
    z = [_logit(v, where) for v in row]
    m, exps, total = _exponentials(z)
    probabilities = [e / total for e in exps]
    if log:
        log_total = _log_total(exps)
        out = [(zj - m) - log_total for zj in z]  # zj - m first, as torch: exact when close
        if any(o - o for o in out):
            raise NumericalError(
                f"log_softmax overflows a float: the values in {where} are more than about "
                "1.8e308 apart; scale them down"
            )
    else:
        out = probabilities
    inputs = [(j, v) for j, v in enumerate(row) if isinstance(v, Value)]
    if not inputs:
        return out
    prev = tuple(v for _, v in inputs)
    rest = _rest(probabilities)
    # [i = j] - softmax_j, with 1 - softmax_i as the others' sum
    differences = [
        [rest[i] if i == j else -probabilities[j] for j, _ in inputs] for i in range(len(z))
    ]
    if log:  # d log_softmax_i / dz_j = [i = j] - softmax_j
        slopes = differences
    else:  # d softmax_i / dz_j = softmax_i ([i = j] - softmax_j)
        slopes = [[p * d for d in row] for p, row in zip(probabilities, differences, strict=True)]
    return [Value(o, prev, tuple(s), name) for o, s in zip(out, slopes, strict=True)]


def _rest(probabilities: list[float]) -> list[float]:
    """``1 - s_i`` for each softmax entry, as the sum of the others where ``s_i > 1/2``.

    There ``1 - s_i`` keeps the rounding of ``s_i``, up to 5.6e-17: it is 0 for
    others of 1e-195 (``s_i`` is 1.0), and 39 % off for others of 1.6e-16.
    At most one entry is above 1/2: one more sum.
    """
    return [
        1.0 - p if p <= 0.5 else math.fsum(probabilities[:i] + probabilities[i + 1 :])
        for i, p in enumerate(probabilities)
    ]


def _scaled_softmax_minus(
    probabilities: list[float], shares: list[float], scale: float
) -> list[float]:
    """``scale * s_j - a_j`` for each class j: cross_entropy's gradient, tiny ones too.

    ``scale`` is the sum of the shares ``a_c`` (1 for the unweighted targets).
    Where ``s_j > 1/2`` the difference is taken as ``(scale - a_j) - scale (1 -
    s_j)``, with ``scale - a_j`` the others' shares and ``1 - s_j`` the others'
    probabilities (`_rest`): ``s_j - 1`` was 0.0 where ``s_j`` rounds to 1
    (logits 0 and -450, class 0: mpmath's -3.69e-196).
    """
    rest = _rest(probabilities)
    return [
        scale * p - a if p <= 0.5 else math.fsum(shares[:j] + shares[j + 1 :]) - scale * r
        for j, (p, r, a) in enumerate(zip(probabilities, rest, shares, strict=True))
    ]


def _normalised_jets(row: list[object], log: bool, where: str) -> list[Any]:
    """The softmax (or log_softmax) of jets and numbers, by jet arithmetic (for calcweb.jvp)."""
    if any(isinstance(z, Value) for z in row):
        raise ArgumentTypeError(
            f"{where} mixes Values and Jets; pass Values (reverse mode) or Jets (Taylor "
            "mode), not both"
        )
    z = [v if isinstance(v, Jet) else _logit(v, where) for v in row]
    m = max(v.coefficients[0] if isinstance(v, Jet) else v for v in z)
    shifted = [v - m for v in z]
    exps = [s.exp() if isinstance(s, Jet) else math.exp(s) for s in shifted]
    total: Any = sum(exps[1:], exps[0])
    if log:
        # total is a Jet: the row holds at least one (the caller checks), and so does the sum.
        log_total = total.log()
        return [s - log_total for s in shifted]
    return [e / total for e in exps]


def _normalised(logits: object, dim: object, log: bool) -> list[Any]:
    name = "log_softmax" if log else "softmax"
    rows, ndim, along_columns = _logit_rows(logits, dim, name)
    if ndim == 1:
        return _normalised_row(rows[0], log, "the logits")
    what = "column" if along_columns else "row"
    out = [_normalised_row(row, log, f"{what} {i} of the logits") for i, row in enumerate(rows)]
    return [list(column) for column in zip(*out, strict=True)] if along_columns else out


@checking_arguments
def softmax(logits: Logits, dim: int = -1) -> list[Any]:
    r"""$\operatorname{softmax}(z)_i = e^{z_i} / \sum_j e^{z_j}$, as ``torch.softmax(logits, dim)``.

    Computed as $e^{z_i - m} / \sum_j e^{z_j - m}$ with $m = \max_j z_j$, so
    logits of ±1000 neither overflow nor divide 0 by 0.

    Args:
        logits: One sample's logits (a list, tuple or 1-D numpy array of numbers,
            Values or Jets), or a batch of them (a list of equally long lists).
        dim: The dimension that sums to 1, as in torch: for a batch, ``-1``
            (default) or ``1`` normalises each row, ``0`` or ``-2`` each column.

    Returns:
        Lists of the same shape: floats for numbers; Values for Values, whose
        gradient is $\partial s_i / \partial z_j = s_i([i = j] - s_j)$, with
        $1 - s_i$ the sum of the other $s_j$ where $s_i > 1/2$ (not 0 where
        $s_i$ rounds to 1: $s_0 (1 - s_0)$ at $z = (0, -450)$ is 3.69e-196;
        within about 6e-14 of itself, the rounding of $z_j - m$); Jets for
        Jets (so `calcweb.jvp` sees through it).

    Raises:
        ArgumentTypeError: ``logits`` is not a list (of lists) of numbers,
            Values or Jets, mixes Values with Jets, or ``dim`` is not an int.
        InvalidArgumentError: no logits, rows of different lengths, a NaN or
            infinite logit, or ``dim`` out of range.

    Examples:
        >>> softmax([1000.0, 1000.0, -1000.0])
        [0.5, 0.5, 0.0]
        >>> z = [Value(0.0), Value(0.0)]
        >>> s = softmax(z)
        >>> s[0].backward(); [v.grad for v in z]   # s0 (1 - s0), -s0 s1
        [0.25, -0.25]
    """
    return _normalised(logits, dim, log=False)


@checking_arguments
def log_softmax(logits: Logits, dim: int = -1) -> list[Any]:
    r"""$\log \operatorname{softmax}(z)_i = z_i - \log\sum_j e^{z_j}$, as ``torch.log_softmax``.

    Computed as $(z_i - m) - \log\sum_j e^{z_j - m}$ with $m = \max_j z_j$:
    finite for logits of ±1000, where ``log(softmax(z))`` would be log 0.

    Args:
        logits: As for `softmax`.
        dim: As for `softmax`.

    Returns:
        Lists of the same shape, floats, Values or Jets as for `softmax`. The
        gradient of a Value is $\partial \ell_i / \partial z_j = [i = j] - s_j$
        (one-hot minus softmax).

    Raises:
        ArgumentTypeError: As for `softmax`.
        InvalidArgumentError: As for `softmax`.
        NumericalError: the logits are more than about 1.8e308 apart.

    Examples:
        >>> log_softmax([1000.0, -1000.0])
        [0.0, -2000.0]
        >>> z = [Value(1.0), Value(1.0)]
        >>> out = log_softmax(z)
        >>> out[0].backward(); [v.grad for v in z]   # one-hot - softmax
        [0.5, -0.5]
    """
    return _normalised(logits, dim, log=True)


def _penalty_terms(
    parameters: object, coefficient: object, name: str
) -> tuple[list[tuple[object, float]], float]:
    c = real_number(coefficient, f"{name}(coefficient)")
    items = _listed(parameters, "parameters")
    try:
        ws = [(v, _number(v, f"parameters[{i}]")) for i, v in enumerate(items)]
    except ArgumentTypeError as error:
        raise _row_refused(items, "parameters") or error from None
    return ws, c


@checking_arguments
def l1_penalty(parameters: Sequence[Scalar], coefficient: float = 1.0) -> Value:
    """``coefficient * sum(|w|)``: add it to a loss for a sparse optimum.

    At the optimum of the penalised loss, weights that the data supports only
    weakly are exactly 0. Plain gradient steps (``SGD``) do not land on 0:
    near it they hop across the kink and end within about ``lr *
    coefficient`` of it; a proximal step (soft-thresholding) reaches 0.

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


@checking_arguments
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
