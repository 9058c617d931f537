"""Record torch's cross_entropy with class probabilities as targets, and with class weights.

Run by hand, not by make test:

    python3.11 -m venv /tmp/tv && /tmp/tv/bin/pip install torch==2.13.0 numpy
    /tmp/tv/bin/python tests/torch_reference/record_soft_labels.py

It writes tests/unit/torch_soft_labels.py: the cases as Python literals (float64:
each float's repr is the double torch computed), for
tests/unit/test_cross_entropy_soft_labels.py. Each case is one call of
torch.nn.functional.cross_entropy, on one sample (torch's (C) input) or a batch
((N, C)), with a target of class probabilities (a float tensor of the input's
shape, requires_grad: torch differentiates it too) or of class indices, with or
without weight and label_smoothing, and the loss, the gradient of the logits and
(for probabilities) of the target that backward gives.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

import torch

OUT = Path(__file__).resolve().parents[1] / "unit" / "torch_soft_labels.py"
torch.set_default_dtype(torch.float64)


def _probabilities(rng: random.Random, classes: int, kind: str) -> list[float]:
    if kind == "one-hot":
        row = [0.0] * classes
        row[rng.randrange(classes)] = 1.0
        return row
    raw = [rng.random() for _ in range(classes)]
    if kind == "unnormalised":  # torch does not ask a row to sum to 1
        return raw
    total = sum(raw)
    return [r / total for r in raw]


def _case(
    logits: list[list[float]],
    target: list[list[float]] | list[int],
    *,
    batch: bool,
    reduction: str,
    smoothing: float,
    weight: list[float] | None,
) -> dict[str, Any]:
    z = torch.tensor(logits if batch else logits[0], requires_grad=True)
    soft = isinstance(target[0], list)
    if soft:
        y = torch.tensor(target if batch else target[0], requires_grad=True)
    else:
        y = torch.tensor(target if batch else target[0])
    w = None if weight is None else torch.tensor(weight)
    loss = torch.nn.functional.cross_entropy(
        z, y, weight=w, reduction=reduction, label_smoothing=smoothing
    )
    loss.backward()
    return {
        "logits": logits if batch else logits[0],
        "target": target if batch else target[0],
        "reduction": reduction,
        "label_smoothing": smoothing,
        "weight": weight,
        "value": loss.item(),
        "grads": z.grad.tolist(),
        "target_grads": y.grad.tolist() if soft else None,
    }


def cases(rng: random.Random) -> list[dict[str, Any]]:
    out = []
    kinds = ["normalised", "one-hot", "unnormalised"]
    for smoothing in (0.0, 0.1, 0.37, 1.0):
        for reduction in ("mean", "sum"):
            for weighted in (False, True):
                classes = rng.randrange(2, 6)
                logits = [[rng.uniform(-5, 5) for _ in range(classes)] for _ in range(3)]
                soft = [_probabilities(rng, classes, rng.choice(kinds)) for _ in range(3)]
                indices = [rng.randrange(classes) for _ in range(3)]
                weight = [rng.uniform(0.1, 3.0) for _ in range(classes)] if weighted else None
                keys = {"reduction": reduction, "smoothing": smoothing, "weight": weight}
                out.append(_case(logits, soft, batch=True, **keys))
                out.append(_case(logits[:1], soft[:1], batch=False, **keys))
                if weighted:  # class indices with weights (the unweighted are recorded already)
                    out.append(_case(logits, indices, batch=True, **keys))
                    out.append(_case(logits[:1], indices[:1], batch=False, **keys))
    big = {"reduction": "sum", "smoothing": 0.1, "weight": [0.5, 2.0, 1.0]}
    out.append(_case([[1000.0, -1000.0, 0.0]], [[0.2, 0.5, 0.3]], batch=False, **big))
    return out


def main() -> None:
    if torch.__version__.split("+")[0] != "2.13.0":
        sys.exit(f"expected torch 2.13.0, found {torch.__version__}")
    recorded = cases(random.Random(20261207_27))  # noqa: S311  reproducible test data
    text = (
        '"""torch 2.13.0\'s cross_entropy with soft labels and class weights.\n\n'
        'tests/torch_reference/record_soft_labels.py wrote this file (then ruff format).\n"""\n\n'
        "from typing import Any\n\n"
        f"CASES: list[dict[str, Any]] = {recorded!r}\n"
    )
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({len(recorded)} cases)")


if __name__ == "__main__":
    main()
