"""cross_entropy with class probabilities as targets (soft labels) and class weights (session 27).

torch 2.13.0's answers are recorded in tests/unit/torch_soft_labels.py by
tests/torch_reference/record_soft_labels.py: soft labels (normalised, one-hot
and rows that do not sum to 1) for one sample and a batch, class indices with
weights, label_smoothing 0 to 1, both reductions; the loss, the gradient of the
logits and, for probabilities, of the target. The gradients are checked again
by mpmath.diff of the loss written out at 40 digits.
"""

from __future__ import annotations

import math
from typing import Any

import pytest
from torch_soft_labels import CASES

import calcweb
from calcweb import Value

EPS = 2.0**-52


def _flat(rows: Any) -> list[float]:
    return [x for row in rows for x in row] if isinstance(rows[0], list) else list(rows)


def _soft(case: dict[str, Any]) -> bool:
    return case["target_grads"] is not None


def _ours(case: dict[str, Any]) -> tuple[Value, list[Value], list[Value]]:
    """calcweb's loss of a recorded case, its logits and (soft labels) its targets as leaves."""
    batch = isinstance(case["logits"][0], list)
    rows = case["logits"] if batch else [case["logits"]]
    logits = [[Value(z) for z in row] for row in rows]
    targets: list[Value] = []
    target: Any = case["target"]
    if _soft(case):
        given = case["target"] if batch else [case["target"]]
        held = [[Value(y) for y in row] for row in given]
        targets = [y for row in held for y in row]
        target = held if batch else held[0]
    loss = calcweb.cross_entropy(
        logits if batch else logits[0],
        target,
        case["reduction"],
        label_smoothing=case["label_smoothing"],
        weight=case["weight"],
    )
    return loss, [z for row in logits for z in row], targets


def test_the_recorded_cases_cover_soft_labels_weights_and_smoothing() -> None:
    assert {c["label_smoothing"] for c in CASES} == {0.0, 0.1, 0.37, 1.0}
    assert {c["reduction"] for c in CASES} == {"mean", "sum"}
    soft = [c for c in CASES if _soft(c)]
    assert any(c["weight"] for c in soft)
    assert any(not c["weight"] for c in soft)
    assert any(c["weight"] and not _soft(c) for c in CASES)  # class indices, weighted
    sums = [
        sum(row)
        for c in soft
        for row in (
            [c["target"]] if c["grads"] and not isinstance(c["target"][0], list) else c["target"]
        )
    ]
    assert any(abs(s - 1.0) > 0.1 for s in sums)  # rows that do not sum to 1, as torch allows


def _case_id(case: dict[str, Any]) -> str:
    kind = "soft" if _soft(case) else "index"
    weighted = "weighted" if case["weight"] else "unweighted"
    return f"{kind}-e{case['label_smoothing']}-{case['reduction']}-{weighted}"


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_cross_entropy_matches_torch(case: dict[str, Any]) -> None:
    # A gradient s_j sum_c w_c y_c - w_j y_j cancels terms as large as the weights:
    # measured against torch, within 1.6 eps of its loss (relative; 24 eps for one
    # of 0.0185, torch's error), 1.7 eps of the
    # largest weight or gradient for the gradients, on all 49 cases.
    loss, logits, targets = _ours(case)
    loss.backward()
    value = case["value"]
    # torch's log of the sum of exps rounds 1 + (the others) first, an error of eps
    # absolute: index-e0.0-mean-weighted1's loss of 0.0185 is 5.4e-15 (relative) off
    # mpmath's in torch, exact in calcweb, which takes log1p of the others (APIFIX5).
    assert abs(loss.data - value) <= 4 * EPS * max(abs(value), 1.0), (loss.data, value)
    weights = case["weight"] or [1.0]
    for what, leaves, expected in [("logits", logits, _flat(case["grads"]))] + (
        [("target", targets, _flat(case["target_grads"]))] if _soft(case) else []
    ):
        scale = max(*weights, *(abs(g) for g in expected))
        for i, (v, g) in enumerate(zip(leaves, expected, strict=True)):
            assert abs(v.grad - g) <= 4 * EPS * scale, f"{what} grad[{i}]: {v.grad!r} != {g!r}"


@pytest.mark.parametrize("index", [0, 9, 17, 23, 30, 46])
def test_the_gradients_agree_with_mpmath_diff_of_the_loss(index: int) -> None:
    # Independent of torch and of calcweb's closed forms: the loss written out in
    # mpmath at 40 digits, each logit's partial derivative by mpmath.diff.
    mpmath = pytest.importorskip("mpmath")
    case = CASES[index]
    batch = isinstance(case["logits"][0], list)
    rows = case["logits"] if batch else [case["logits"]]
    given = case["target"] if batch else [case["target"]]
    classes, e = len(rows[0]), case["label_smoothing"]
    w = case["weight"] or [1.0] * classes

    def loss(flat: list[Any]) -> Any:
        total, count = mpmath.mpf(0), mpmath.mpf(0)
        for n in range(len(rows)):
            z = flat[n * classes : (n + 1) * classes]
            log_total = mpmath.log(mpmath.fsum(mpmath.exp(zc) for zc in z))
            if _soft(case):
                y = [(1 - mpmath.mpf(e)) * yc + mpmath.mpf(e) / classes for yc in given[n]]
                count += 1
            else:
                y = [
                    (1 - mpmath.mpf(e)) * (c == given[n]) + mpmath.mpf(e) / classes
                    for c in range(classes)
                ]
                count += w[given[n]]
            total += mpmath.fsum(w[c] * y[c] * (log_total - z[c]) for c in range(classes))
        return total / count if case["reduction"] == "mean" else total

    with mpmath.workdps(40):
        point = [mpmath.mpf(z) for z in _flat(rows)]
        exact = [
            mpmath.diff(
                lambda t, i=i: loss([t if j == i else p for j, p in enumerate(point)]), point[i]
            )
            for i in range(len(point))
        ]
    ours, logits, _ = _ours(case)
    ours.backward()
    scale = max(*w, *(abs(float(g)) for g in exact))
    for v, g in zip(logits, exact, strict=True):
        assert abs(v.grad - float(g)) <= 8 * EPS * scale, (v.grad, float(g))


def test_a_one_hot_soft_label_is_the_class_index() -> None:
    logits = [[Value(0.3), Value(-1.2), Value(2.0)], [Value(1.0), Value(1.5), Value(-0.5)]]
    hard = [[Value(v.data) for v in row] for row in logits]
    soft = calcweb.cross_entropy(logits, [[0.0, 0.0, 1.0], [1.0, 0.0, 0.0]], label_smoothing=0.1)
    index = calcweb.cross_entropy(hard, [2, 0], label_smoothing=0.1)
    soft.backward()
    index.backward()
    assert abs(soft.data - index.data) <= 2 * EPS * index.data
    for a, b in zip(_flat(logits), _flat(hard), strict=True):
        assert abs(a.grad - b.grad) <= 2 * EPS


@pytest.mark.parametrize(
    ("logits", "target", "keywords", "error", "match"),
    [
        ([1.0, 2.0], [0.5, 1.5], {}, calcweb.DomainError, r"probability 1\.5.*in \[0, 1\]"),
        ([1.0, 2.0], [-0.1, 1.0], {}, calcweb.DomainError, r"probability -0\.1"),
        (
            [1.0, 2.0, 3.0],
            [0.5, 0.5],
            {},
            calcweb.InvalidArgumentError,
            "3 logits but its target 2",
        ),
        (
            [[1.0, 2.0], [0.0, 1.0]],
            [[0.5, 0.5], 1],
            {},
            calcweb.ArgumentTypeError,
            "target 1 is 1",
        ),
        (
            [1.0, 2.0],
            [0.5, 0.5],
            {"weight": [1.0]},
            calcweb.InvalidArgumentError,
            "1 class weights for 2",
        ),
        ([1.0, 2.0], [0.5, 0.5], {"weight": [1.0, -2.0]}, calcweb.InvalidArgumentError, "negative"),
        ([1.0, 2.0], 1, {"weight": [1.0, math.nan]}, calcweb.InvalidArgumentError, "weight"),
        ([1.0, 2.0], 1, {"weight": [1.0, "2"]}, calcweb.ArgumentTypeError, "weight"),
        ([[1.0, 2.0]], [1], {"weight": [1.0, 0.0]}, calcweb.InvalidArgumentError, "sum to 0"),
        ([1.0], [1.0], {}, calcweb.InvalidArgumentError, "one logit"),
    ],
)
def test_soft_labels_and_weights_that_make_no_loss_are_refused(
    logits: Any, target: Any, keywords: dict[str, Any], error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        calcweb.cross_entropy(logits, target, **keywords)


def test_a_zero_weight_sum_is_fine_summed() -> None:
    # torch's mean is 0 / 0 (nan) there; the sum is 0.
    assert calcweb.cross_entropy([[1.0, 2.0]], [1], "sum", weight=[1.0, 0.0]).data == 0.0
