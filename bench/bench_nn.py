"""One training step of MLP(2, [16, 16, 1]) on 50 points: calcweb against micrograd.

A step is the forward pass over the 50 points, the mean squared error, the
backward pass and one SGD update. Both models start from the same weights
(micrograd's, copied into calcweb) and the script first checks that both
compute the same loss and the same gradients, so the speed-up costs no
correctness.
"""

from __future__ import annotations

import math
import random
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _report import best_time, publish, table

try:
    from micrograd.engine import Value as MgValue
    from micrograd.nn import MLP as MgMLP  # noqa: N811  named apart from calcweb.MLP
except ImportError:
    sys.exit("micrograd is missing: pip install -e '.[bench]' (or make bench)")

import calcweb

LR = 0.05
SIZES = [16, 16, 1]
rng = random.Random(0)  # noqa: S311  reproducible data, not cryptography
POINTS = [[rng.uniform(-1, 1), rng.uniform(-1, 1)] for _ in range(50)]
TARGETS = [math.sin(3 * x) * math.cos(2 * y) for x, y in POINTS]


def micrograd_model() -> MgMLP:
    random.seed(1)
    return MgMLP(2, SIZES)


def calcweb_model(reference: MgMLP) -> calcweb.MLP:
    model = calcweb.MLP(2, SIZES, activation="relu", seed=0)
    for mine, theirs in zip(model.parameters(), reference.parameters(), strict=True):
        mine.data = float(theirs.data)
    return model


def micrograd_step(model: MgMLP) -> float:
    model.zero_grad()
    errors = [(model(x) - y) ** 2 for x, y in zip(POINTS, TARGETS, strict=True)]
    loss = sum(errors, MgValue(0.0)) * (1.0 / len(errors))
    loss.backward()
    for p in model.parameters():
        p.data -= LR * p.grad
    return float(loss.data)


def calcweb_step(model: calcweb.MLP, opt: calcweb.SGD) -> float:
    opt.zero_grad()
    loss = calcweb.mse_loss([model(x) for x in POINTS], TARGETS)  # type: ignore[misc]
    loss.backward()
    opt.step()
    return loss.data


def calcweb_step_plain_ops(model: calcweb.MLP, opt: calcweb.SGD) -> float:
    # The loss written with + and ** as in micrograd, to separate the loss node's share.
    opt.zero_grad()
    errors = [(model(x) - y) ** 2 for x, y in zip(POINTS, TARGETS, strict=True)]  # type: ignore[operator]
    loss = sum(errors, calcweb.Value(0.0)) * (1.0 / len(errors))
    loss.backward()
    opt.step()
    return loss.data


def same(mine: float, theirs: float, tolerance: float, what: str) -> None:
    if not math.isclose(mine, theirs, rel_tol=tolerance, abs_tol=1e-12):
        sys.exit(f"calcweb and micrograd disagree on a {what}: {mine!r} != {theirs!r}")


def check_same_results() -> None:
    reference = micrograd_model()
    model = calcweb_model(reference)
    opt = calcweb.SGD(model.parameters(), lr=LR)
    for _ in range(3):
        theirs = micrograd_step(reference)
        mine = calcweb_step(model, opt)
        same(mine, theirs, 1e-12, "loss")
        for p, q in zip(model.parameters(), reference.parameters(), strict=True):
            same(p.grad, q.grad, 1e-9, "gradient")
            same(p.data, q.data, 1e-9, "parameter")


def timed(step: Callable[[], float]) -> float:
    return best_time(step, repeat=7, number=3)


def main() -> None:
    check_same_results()
    reference = micrograd_model()
    model = calcweb_model(reference)
    opt = calcweb.SGD(model.parameters(), lr=LR)
    plain = calcweb_model(micrograd_model())
    plain_opt = calcweb.SGD(plain.parameters(), lr=LR)
    t_micrograd = timed(lambda: micrograd_step(reference))
    t_calcweb = timed(lambda: calcweb_step(model, opt))
    t_plain = timed(lambda: calcweb_step_plain_ops(plain, plain_opt))
    rows = [
        ["micrograd 0.1.0", f"{t_micrograd * 1e3:.1f}", "1.00"],
        ["calcweb (mse_loss)", f"{t_calcweb * 1e3:.1f}", f"{t_micrograd / t_calcweb:.2f}"],
        ["calcweb (loss with + and **)", f"{t_plain * 1e3:.1f}", f"{t_micrograd / t_plain:.2f}"],
    ]
    body = (
        "Forward + backward of MLP(2, [16, 16, 1]) (relu) on 50 points and one SGD step, "
        f"best of 7x3 runs, Python {sys.version.split()[0]}. Same weights, same loss and "
        "gradients (checked to 1e-9 first).\n\n"
        + table(["library", "ms per step", "speed-up vs micrograd"], rows)
    )
    publish("nn", "Training step: calcweb vs micrograd", body)


if __name__ == "__main__":
    main()
