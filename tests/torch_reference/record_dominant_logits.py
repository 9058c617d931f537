"""Record torch's cross_entropy where the true class's probability rounds to 1.

Run by hand, not by make test:

    python3.11 -m venv /tmp/tv && /tmp/tv/bin/pip install torch==2.13.0 numpy
    /tmp/tv/bin/python tests/torch_reference/record_dominant_logits.py

It writes tests/unit/torch_dominant_logits.py (float64; each float's repr is the
double torch computed), for tests/unit/test_apifix5.py: one call of
torch.nn.functional.cross_entropy per case, with the loss and the gradient of the
logits. torch's gradient of the true class is softmax - 1, which is 0.0 where the
softmax rounds to 1; calcweb keeps its digits (-(the others' probabilities)).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import torch

OUT = Path(__file__).resolve().parents[1] / "unit" / "torch_dominant_logits.py"
torch.set_default_dtype(torch.float64)

# (logits, target, weight): a class index or class probabilities (soft labels)
CASES: list[tuple[Any, Any, Any]] = [
    ([0.0, -450.0], 0, None),
    ([0.0, -36.37], 0, None),
    ([1.5, -300.0, -310.0], 0, None),
    ([-200.0, 3.0, -210.0], 1, [0.5, 2.0, 1.0]),
    ([0.0, -450.0], [1.0, 0.0], None),
    ([[0.0, -450.0], [-40.0, 0.0]], [0, 1], None),
]


def _case(logits: Any, target: Any, weight: Any) -> dict[str, Any]:
    z = torch.tensor(logits, requires_grad=True)
    y = torch.tensor(target)  # floats: class probabilities; ints: class indices
    w = None if weight is None else torch.tensor(weight)
    loss = torch.nn.functional.cross_entropy(z, y, weight=w)
    loss.backward()
    return {
        "logits": logits,
        "target": target,
        "weight": weight,
        "value": loss.item(),
        "grads": z.grad.tolist(),
    }


def main() -> None:
    if torch.__version__.split("+")[0] != "2.13.0":
        sys.exit(f"expected torch 2.13.0, found {torch.__version__}")
    recorded = [_case(*case) for case in CASES]
    text = (
        '"""torch 2.13.0\'s cross_entropy where the true class\'s probability rounds to 1.\n\n'
        "tests/torch_reference/record_dominant_logits.py wrote this file (then ruff format).\n"
        '"""\n\n'
        "from typing import Any\n\n"
        f"CASES: list[dict[str, Any]] = {recorded!r}\n"
    )
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({len(recorded)} cases)")


if __name__ == "__main__":
    main()
