"""A loss given its targets as Values differentiates them too, as torch does.

Before, mse_loss, binary_cross_entropy and binary_cross_entropy_with_logits read a
Value target's .data and left its .grad at 0.0 without a word (torch: -2.0, 0.847,
-0.3 for the cases below), so ``mse_loss(model_a(x), model_b(x))`` trained only
model_a. The torch figures are recorded in tests/data by
tests/torch_reference/record_torch.py ("target_grads").
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

import calcweb
from calcweb import Value

DATA = Path(__file__).resolve().parents[1] / "data"
AUTOGRAD = json.loads((DATA / "torch_autograd.json").read_text(encoding="utf-8"))
PRODUCTS = json.loads((DATA / "torch_products.json").read_text(encoding="utf-8"))
PAIRED = [case for case in AUTOGRAD["losses"] if "target_grads" in case]


def backward(
    name: str, ps: list[float], ys: list[float], reduction: str
) -> tuple[Value, list[Value], list[Value]]:
    predictions, targets = [Value(p) for p in ps], [Value(y) for y in ys]
    loss = getattr(calcweb, name)(predictions, targets, reduction)
    loss.backward()
    return loss, predictions, targets


def test_the_reviewers_cases_give_torchs_target_gradients() -> None:
    assert [t.grad for t in backward("mse_loss", [1.0], [0.0], "mean")[2]] == [-2.0]
    (bce,) = backward("binary_cross_entropy", [0.3], [0.5], "mean")[2]
    assert math.isclose(bce.grad, 0.8472978603872036, rel_tol=4e-16)
    assert [
        t.grad for t in backward("binary_cross_entropy_with_logits", [0.3], [0.5], "mean")[2]
    ] == [-0.3]


def test_the_recorded_cases_cover_both_losses_and_reductions() -> None:
    kinds = {(case["loss"], case["reduction"]) for case in PAIRED}
    assert kinds == {(n, r) for n in ("mse_loss", "binary_cross_entropy") for r in ("mean", "sum")}


@pytest.mark.parametrize("case", PAIRED, ids=lambda c: f"{c['loss']}-{c['reduction']}")
def test_target_gradients_match_torch(case: dict[str, Any]) -> None:
    loss, predictions, targets = backward(
        case["loss"], case["predictions"], case["targets"], case["reduction"]
    )
    # The prediction gradients are the ones a float target gives (torch's too).
    assert math.isclose(loss.data, case["value"], rel_tol=1e-14)
    for v, g in zip(predictions, case["grads"], strict=True):
        assert math.isclose(v.grad, g, rel_tol=1e-14, abs_tol=1e-300)
    scale = 1.0 / len(targets) if case["reduction"] == "mean" else 1.0
    for p, t, g in zip(case["predictions"], targets, case["target_grads"], strict=True):
        if math.isinf(g):
            # torch's -logit(p) is infinite where p rounds to 0 or 1; the loss both
            # return is clamped there (log at -100), and calcweb's gradient is that
            # clamped loss's slope, finite and of torch's sign.
            assert t.grad == math.copysign(100.0, g) * scale, (p, t.grad)
        else:
            assert math.isclose(t.grad, g, rel_tol=1e-14), (p, t.grad, g)


@pytest.mark.parametrize("case", PRODUCTS["bce_with_logits"], ids=lambda c: c["reduction"])
def test_logit_loss_target_gradients_match_torch(case: dict[str, Any]) -> None:
    reduction = "sum" if case["reduction"] == "none" else case["reduction"]
    _, _, targets = backward(
        "binary_cross_entropy_with_logits", case["logits"], case["targets"], reduction
    )
    for t, g in zip(targets, case["target_grads"], strict=True):
        assert abs(t.grad - g) <= math.ulp(g), (t.grad, g)  # -x / n: one rounding each


@pytest.mark.parametrize(
    ("name", "ps", "ys"),
    [
        ("mse_loss", [1.5, -2.0, 0.25], [0.5, 3.0, -1.0]),
        ("binary_cross_entropy", [0.2, 0.9, 0.5], [0.3, 1.0, 0.0]),
        ("binary_cross_entropy_with_logits", [2.0, -1.5, 0.1], [0.25, 0.5, 1.0]),
    ],
)
@pytest.mark.parametrize("reduction", ["mean", "sum"])
def test_target_gradients_are_the_slopes_of_the_loss(
    name: str, ps: list[float], ys: list[float], reduction: str
) -> None:
    """An independent check: central differences of the loss in each target."""
    _, _, targets = backward(name, ps, ys, reduction)
    h = 1e-6
    for i, t in enumerate(targets):
        up, down = list(ys), list(ys)
        up[i] = min(ys[i] + h, 1.0) if name != "mse_loss" else ys[i] + h
        down[i] = max(ys[i] - h, 0.0) if name != "mse_loss" else ys[i] - h
        slope = (
            getattr(calcweb, name)(ps, up, reduction).data
            - getattr(calcweb, name)(ps, down, reduction).data
        ) / (up[i] - down[i])
        assert math.isclose(t.grad, slope, rel_tol=1e-7, abs_tol=1e-9), (i, t.grad, slope)


def test_a_value_that_is_its_own_target_gets_both_gradients() -> None:
    shared = Value(2.0)
    calcweb.mse_loss([shared], [shared]).backward()
    assert shared.grad == 0.0  # d/dv (v - v)**2 = 0: both slopes, +0 and -0
    p, t = Value(2.0), Value(-1.0)
    calcweb.mse_loss([p, p], [t, 0.0], "sum").backward()
    assert (p.grad, t.grad) == (2 * 3.0 + 2 * 2.0, -2 * 3.0)
