"""Record torch's answers for calcweb's conformance tests (run by hand, not by make test).

    python3 -m venv /tmp/torchvenv
    /tmp/torchvenv/bin/pip install torch==2.13.0
    /tmp/torchvenv/bin/python tests/torch_reference/record_torch.py

It writes tests/data/torch_optim.json (25-step trajectories of every optimiser
configuration, float64, foreach=False, the same gradients fed at each step),
tests/data/torch_autograd.json (random expression graphs, losses and
gradient clipping with the gradients torch computes), and
tests/data/torch_products.json (torch.func.jvp and torch.func.vjp of the
functions of PRODUCT_FUNCTIONS, softmax, log_softmax and
binary_cross_entropy_with_logits with their gradients, logits of ±1000
included; cross_entropy with label_smoothing). The tests read only the JSON,
so torch is never needed to run them.
"""

from __future__ import annotations

import json
import math
import random
import sys
from pathlib import Path
from typing import Any

import torch

DATA = Path(__file__).resolve().parents[1] / "data"
STEPS = 25
N_PARAMS = 3
torch.set_default_dtype(torch.float64)

OPTIMIZER_CONFIGS: list[tuple[str, dict[str, Any]]] = [
    ("SGD", {"lr": 0.1}),
    ("SGD", {"lr": 0.05, "momentum": 0.9}),
    ("SGD", {"lr": 0.05, "momentum": 0.9, "dampening": 0.3}),
    ("SGD", {"lr": 0.05, "momentum": 0.8, "nesterov": True}),
    ("SGD", {"lr": 0.1, "weight_decay": 0.05}),
    ("SGD", {"lr": 0.1, "maximize": True}),
    (
        "SGD",
        {"lr": 0.02, "momentum": 0.9, "weight_decay": 0.01, "nesterov": True, "maximize": True},
    ),
    ("Adam", {}),
    ("Adam", {"lr": 0.05}),
    ("Adam", {"lr": 0.05, "amsgrad": True}),
    ("Adam", {"lr": 0.05, "weight_decay": 0.1}),
    ("Adam", {"lr": 0.05, "betas": (0.8, 0.99), "eps": 1e-6}),
    ("Adam", {"lr": 0.05, "maximize": True}),
    ("Adam", {"lr": 0.05, "amsgrad": True, "weight_decay": 0.1, "maximize": True}),
    ("AdamW", {}),
    ("AdamW", {"lr": 0.05, "weight_decay": 0.1}),
    ("AdamW", {"lr": 0.05, "weight_decay": 0.1, "amsgrad": True}),
    ("AdamW", {"lr": 0.05, "betas": (0.5, 0.9), "maximize": True}),
    ("RMSprop", {}),
    ("RMSprop", {"lr": 0.05, "momentum": 0.9}),
    ("RMSprop", {"lr": 0.05, "centered": True}),
    ("RMSprop", {"lr": 0.02, "centered": True, "momentum": 0.5, "weight_decay": 0.1}),
    ("RMSprop", {"lr": 0.05, "alpha": 0.9, "eps": 1e-4, "maximize": True}),
    ("Adagrad", {}),
    ("Adagrad", {"lr": 0.1, "lr_decay": 0.01}),
    ("Adagrad", {"lr": 0.1, "initial_accumulator_value": 0.1}),
    ("Adagrad", {"lr": 0.1, "weight_decay": 0.1, "maximize": True}),
    ("Adagrad", {"lr": 0.1, "eps": 1e-3, "lr_decay": 0.1}),
]


def record_optimizers(rng: random.Random) -> list[dict[str, Any]]:
    cases = []
    for name, hyper in OPTIMIZER_CONFIGS:
        start = [rng.uniform(-2.0, 2.0) for _ in range(N_PARAMS)]
        grads = [[rng.uniform(-3.0, 3.0) for _ in range(N_PARAMS)] for _ in range(STEPS)]
        params = [torch.tensor([x], requires_grad=True) for x in start]
        opt = getattr(torch.optim, name)(params, foreach=False, **hyper)
        trajectory = []
        for step_grads in grads:
            for p, g in zip(params, step_grads, strict=True):
                p.grad = torch.tensor([g])
            opt.step()
            trajectory.append([p.item() for p in params])
        state = [
            {k: float(v.item()) for k, v in opt.state[p].items() if isinstance(v, torch.Tensor)}
            for p in params
        ]
        cases.append(
            {
                "optimizer": name,
                "hyper": {k: list(v) if isinstance(v, tuple) else v for k, v in hyper.items()},
                "start": start,
                "grads": grads,
                "trajectory": trajectory,
                "final_state": state,
            }
        )
    return cases


# Each op of a random program: (name, arity). Binary ops may take a constant.
UNARY = [
    "exp", "log", "log1p", "sqrt", "sin", "cos", "tan", "sinh", "cosh", "tanh",
    "sigmoid", "relu", "softplus", "abs", "atan", "asin", "acos", "erf", "neg",
]  # fmt: skip
BINARY = ["add", "sub", "mul", "div", "pow"]


def _unary_ok(op: str, x: float) -> bool:
    limits = {
        "log": x > 0.1,
        "log1p": x > -0.9,
        "sqrt": x > 0.01,
        "asin": abs(x) < 0.95,
        "acos": abs(x) < 0.95,
        "tan": abs(math.cos(x)) > 0.2,
        "exp": x < 5.0,
        "sinh": abs(x) < 5.0,
        "cosh": abs(x) < 5.0,
        "relu": abs(x) > 1e-3,
        "abs": abs(x) > 1e-3,
    }
    return limits.get(op, True)


def _torch_unary(op: str, x: torch.Tensor) -> torch.Tensor:
    special = {
        "sigmoid": torch.sigmoid,
        "relu": torch.relu,
        "softplus": torch.nn.functional.softplus,
        "neg": torch.neg,
        "atan": torch.atan,
        "asin": torch.asin,
        "acos": torch.acos,
        "erf": torch.erf,
    }
    return special[op](x) if op in special else getattr(torch, op)(x)


def _torch_binary(op: str, a: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
    return {
        "add": torch.add,
        "sub": torch.sub,
        "mul": torch.mul,
        "div": torch.div,
        "pow": torch.pow,
    }[op](a, b)


def _program(rng: random.Random, n_inputs: int, n_ops: int) -> dict[str, Any]:
    """A random expression graph whose every op stays inside its domain."""
    inputs = [rng.uniform(-1.5, 1.5) for _ in range(n_inputs)]
    values = [torch.tensor(x) for x in inputs]
    ops: list[list[Any]] = []
    while len(ops) < n_ops:
        if rng.random() < 0.5:
            op, i = rng.choice(UNARY), rng.randrange(len(values))
            if not _unary_ok(op, values[i].item()):
                continue
            out = _torch_unary(op, values[i])
            entry: list[Any] = [op, i]
        else:
            op, i = rng.choice(BINARY), rng.randrange(len(values))
            # The second operand: another node, or a constant on either side.
            kind = rng.choice(["node", "const", "rconst"])
            j = rng.randrange(len(values))
            c = round(rng.uniform(-2.0, 2.0), 3)
            a, b = values[i], values[j] if kind == "node" else torch.tensor(c)
            if kind == "rconst":
                a, b = torch.tensor(c), values[i]
            if op == "div" and abs(b.item()) < 0.2:
                continue
            if op == "pow" and (a.item() < 0.2 or abs(b.item()) > 3):
                continue
            out = _torch_binary(op, a, b)
            entry = [op, i, j if kind == "node" else c, kind]
        if not math.isfinite(out.item()) or abs(out.item()) > 1e4:
            continue
        values.append(out)
        ops.append(entry)
    return {"inputs": inputs, "ops": ops}


def _run_program(program: dict[str, Any]) -> dict[str, Any]:
    xs = [torch.tensor(x, requires_grad=True) for x in program["inputs"]]
    values: list[torch.Tensor] = list(xs)
    for entry in program["ops"]:
        if len(entry) == 2:
            values.append(_torch_unary(entry[0], values[entry[1]]))
            continue
        op, i, other, kind = entry
        a = values[i]
        b = values[other] if kind == "node" else torch.tensor(other)
        values.append(_torch_binary(op, b, a) if kind == "rconst" else _torch_binary(op, a, b))
    out = values[-1] + values[-2] + values[-3]
    out.backward()
    return {
        **program,
        "output": out.item(),
        "grads": [0.0 if x.grad is None else x.grad.item() for x in xs],
    }


def _loss_cases(rng: random.Random) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = []
    functional = torch.nn.functional
    for reduction in ("mean", "sum"):
        p = [rng.uniform(-3, 3) for _ in range(5)]
        y = [rng.uniform(-3, 3) for _ in range(5)]
        cases.append(_loss("mse_loss", functional.mse_loss, p, y, reduction))
        p = [rng.uniform(0.01, 0.99) for _ in range(5)] + [1.0, 0.0, 1e-15]
        y = [float(rng.random() < 0.5) for _ in range(5)] + [0.0, 1.0, 1.0]
        cases.append(
            _loss("binary_cross_entropy", functional.binary_cross_entropy, p, y, reduction)
        )
        logits = [[rng.uniform(-5, 5) for _ in range(4)] for _ in range(3)] + [
            [1000.0, -1000.0, 0.0]
        ]
        targets = [rng.randrange(4) for _ in range(3)]
        for row, t in [*zip(logits, targets, strict=False), (logits[3], 1)]:
            cases.append(_cross_entropy([row], [t], reduction, batch=False))
        cases.append(_cross_entropy(logits[:3], targets, reduction, batch=True))
    for name in ("l1_penalty", "l2_penalty"):
        w = [rng.uniform(-2, 2) for _ in range(6)] + [0.0]
        coefficient = 0.3
        ws = [torch.tensor(v, requires_grad=True) for v in w]
        total = sum((v.abs() if name == "l1_penalty" else v * v) for v in ws) * coefficient
        total.backward()
        cases.append(
            {
                "loss": name,
                "parameters": w,
                "coefficient": coefficient,
                "value": total.item(),
                "grads": [v.grad.item() for v in ws],
            }
        )
    return cases


def _loss(name: str, fn: Any, p: list[float], y: list[float], reduction: str) -> dict[str, Any]:
    pt = torch.tensor(p, requires_grad=True)
    yt = torch.tensor(y, requires_grad=True)
    loss = fn(pt, yt, reduction=reduction)
    loss.backward()
    return {
        "loss": name,
        "predictions": p,
        "targets": y,
        "reduction": reduction,
        "value": loss.item(),
        "grads": pt.grad.tolist(),
        "target_grads": yt.grad.tolist(),
    }


def _cross_entropy(
    logits: list[list[float]], targets: list[int], reduction: str, *, batch: bool
) -> dict[str, Any]:
    z = torch.tensor(logits, requires_grad=True)
    loss = torch.nn.functional.cross_entropy(z, torch.tensor(targets), reduction=reduction)
    loss.backward()
    return {
        "loss": "cross_entropy",
        "logits": logits if batch else logits[0],
        "target": targets if batch else targets[0],
        "reduction": reduction,
        "value": loss.item(),
        "grads": z.grad.tolist() if batch else z.grad.tolist()[0],
    }


def _clip_cases(rng: random.Random) -> list[dict[str, Any]]:
    cases = []
    for norm_type, max_norm in [(2.0, 1.0), (2.0, 100.0), (1.0, 0.5), (math.inf, 0.3), (3.0, 0.7)]:
        grads = [rng.uniform(-2, 2) for _ in range(5)]
        params = [torch.tensor([0.0], requires_grad=True) for _ in grads]
        for p, g in zip(params, grads, strict=True):
            p.grad = torch.tensor([g])
        total = torch.nn.utils.clip_grad_norm_(params, max_norm, norm_type=norm_type, foreach=False)
        cases.append(
            {
                "norm_type": "inf" if norm_type == math.inf else norm_type,
                "max_norm": max_norm,
                "grads": grads,
                "total_norm": total.item(),
                "clipped": [p.grad.item() for p in params],
            }
        )
    return cases


# The functions whose jvp and vjp are recorded; tests/unit/test_jvp_vjp.py
# writes the same functions with calcweb's (name: (torch function, input size)).
def _stack(*outputs: torch.Tensor) -> torch.Tensor:
    return torch.stack(list(outputs))


PRODUCT_FUNCTIONS: dict[str, tuple[Any, int]] = {
    "polynomial": (lambda x: _stack(x[0] * x[1] + x[2] ** 2, x[0] - 3.0 * x[1] * x[2]), 3),
    "trigonometric": (
        lambda x: _stack(torch.sin(x[0]) * torch.cos(x[1]), torch.tanh(x[0] * x[1] + x[2])),
        3,
    ),
    "exp_log": (
        lambda x: _stack(torch.exp(x[0]) * torch.log1p(x[1] ** 2), torch.sqrt(x[2] ** 2 + 1.0)),
        3,
    ),
    "scalar": (lambda x: (torch.sigmoid(x) * x).sum(), 4),
    "softmax": (lambda x: torch.softmax(x, 0), 4),
    "log_softmax": (lambda x: torch.log_softmax(x, 0), 4),
    "layer": (
        lambda x: torch.tanh(
            torch.tensor([[0.5, -1.0, 0.25], [2.0, 0.1, -0.7]]) @ x + torch.tensor([0.1, -0.2])
        ),
        3,
    ),
    "one_number": (lambda x: torch.sin(x) ** 3 * torch.exp(-x), 0),
}


def _point(rng: random.Random, size: int) -> list[float] | float:
    return rng.uniform(-1.5, 1.5) if size == 0 else [rng.uniform(-1.5, 1.5) for _ in range(size)]


def _product_cases(rng: random.Random) -> dict[str, list[dict[str, Any]]]:
    jvps, vjps = [], []
    for name, (f, size) in PRODUCT_FUNCTIONS.items():
        for _ in range(3):
            x, v = _point(rng, size), _point(rng, size)
            value, tangent = torch.func.jvp(f, (torch.tensor(x),), (torch.tensor(v),))
            jvps.append(
                {
                    "function": name,
                    "x": x,
                    "v": v,
                    "value": value.tolist(),
                    "tangent": tangent.tolist(),
                }
            )
            value, pullback = torch.func.vjp(f, torch.tensor(x))
            u = (
                rng.uniform(-2.0, 2.0)
                if value.dim() == 0
                else [rng.uniform(-2.0, 2.0) for _ in range(value.numel())]
            )
            (cotangent,) = pullback(torch.tensor(u))
            vjps.append(
                {
                    "function": name,
                    "x": x,
                    "u": u,
                    "value": value.tolist(),
                    "cotangent": cotangent.tolist(),
                }
            )
    return {"jvp": jvps, "vjp": vjps}


def _softmax_cases(rng: random.Random) -> list[dict[str, Any]]:
    """softmax and log_softmax, and the gradient of sum(weights * output) (torch's backward)."""
    shapes: list[Any] = [[rng.uniform(-5, 5) for _ in range(n)] for n in (1, 2, 3, 5, 9)]
    shapes += [
        [1000.0, -1000.0, 0.0],
        [1000.0, 1000.0, -1000.0],
        [-1000.0, -1000.0],
        [[rng.uniform(-5, 5) for _ in range(3)] for _ in range(4)],
        [[1000.0, -1000.0], [0.5, -0.5], [-1000.0, 1000.0]],
    ]
    cases = []
    for logits in shapes:
        dims = [-1, 0] if isinstance(logits[0], list) else [-1]
        for dim in dims:
            case: dict[str, Any] = {"logits": logits, "dim": dim}
            for name in ("softmax", "log_softmax"):
                z = torch.tensor(logits, requires_grad=True)
                out = getattr(torch, name)(z, dim)
                weights = torch.tensor(
                    [[rng.uniform(-2, 2) for _ in row] for row in logits]
                    if isinstance(logits[0], list)
                    else [rng.uniform(-2, 2) for _ in logits]
                )
                (out * weights).sum().backward()
                case[name] = {
                    "value": out.tolist(),
                    "weights": weights.tolist(),
                    "grads": z.grad.tolist(),
                }
            cases.append(case)
    return cases


def _bce_with_logits_cases(rng: random.Random) -> list[dict[str, Any]]:
    cases = []
    logits = [rng.uniform(-8, 8) for _ in range(6)] + [1000.0, -1000.0, 0.0, 40.0, -40.0]
    for targets in (
        [float(rng.random() < 0.5) for _ in range(6)] + [0.0, 1.0, 1.0, 1.0, 0.0],
        [rng.random() for _ in range(6)] + [1.0, 0.0, 0.5, 0.0, 1.0],
    ):
        for reduction in ("mean", "sum", "none"):
            x = torch.tensor(logits, requires_grad=True)
            y = torch.tensor(targets, requires_grad=True)
            loss = torch.nn.functional.binary_cross_entropy_with_logits(x, y, reduction=reduction)
            loss.sum().backward()
            cases.append(
                {
                    "logits": logits,
                    "targets": targets,
                    "reduction": reduction,
                    "value": loss.tolist(),
                    "grads": x.grad.tolist(),
                    "target_grads": y.grad.tolist(),
                }
            )
    return cases


def _label_smoothing_cases(rng: random.Random) -> list[dict[str, Any]]:
    """cross_entropy(..., label_smoothing=e) for one sample and a batch, e from 0 to 1."""
    cases: list[dict[str, Any]] = []
    for smoothing in (0.0, 0.1, 0.37, 1.0):
        for reduction in ("mean", "sum"):
            logits = [[rng.uniform(-5, 5) for _ in range(4)] for _ in range(3)]
            targets = [rng.randrange(4) for _ in range(3)]
            for batch_logits, batch_targets, batch in [
                (logits, targets, True),
                (logits[:1], targets[:1], False),
                ([[1000.0, -1000.0, 0.0]], [1], False),
            ]:
                z = torch.tensor(batch_logits, requires_grad=True)
                loss = torch.nn.functional.cross_entropy(
                    z, torch.tensor(batch_targets), reduction=reduction, label_smoothing=smoothing
                )
                loss.backward()
                cases.append(
                    {
                        "logits": batch_logits if batch else batch_logits[0],
                        "target": batch_targets if batch else batch_targets[0],
                        "reduction": reduction,
                        "label_smoothing": smoothing,
                        "value": loss.item(),
                        "grads": z.grad.tolist() if batch else z.grad.tolist()[0],
                    }
                )
    return cases


def main() -> None:
    if torch.__version__.split("+")[0] != "2.13.0":
        sys.exit(f"expected torch 2.13.0, found {torch.__version__}")
    rng = random.Random(20261129)  # noqa: S311  reproducible test data, not cryptography
    DATA.mkdir(exist_ok=True)
    meta = {"torch": torch.__version__, "dtype": "float64", "foreach": False, "steps": STEPS}
    optim = {"meta": meta, "cases": record_optimizers(rng)}
    programs = [_run_program(_program(rng, 4, rng.randrange(8, 30))) for _ in range(60)]
    autograd = {
        "meta": meta,
        "programs": programs,
        "losses": _loss_cases(rng),
        "clip": _clip_cases(rng),
    }
    extra = random.Random(20261202)  # noqa: S311  its own stream: the files above do not change
    products = {
        "meta": {"torch": torch.__version__, "dtype": "float64"},
        **_product_cases(extra),
        "softmax": _softmax_cases(extra),
        "bce_with_logits": _bce_with_logits_cases(extra),
        # its own stream too: the cases above do not change
        "label_smoothing": _label_smoothing_cases(random.Random(20261207)),  # noqa: S311
    }
    for name, payload in [
        ("torch_optim.json", optim),
        ("torch_autograd.json", autograd),
        ("torch_products.json", products),
    ]:
        (DATA / name).write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {DATA / name}")


if __name__ == "__main__":
    main()
