"""Record torch's numbers for tests/unit/test_param_groups.py (run by hand, not by make test).

    python3.11 -m venv /tmp/tv && /tmp/tv/bin/pip install torch==2.13.0
    /tmp/tv/bin/python tests/torch_reference/param_groups_torch.py

A schedule that writes ``group["lr"]`` through ``opt.param_groups`` (halving the
rate after 3 steps, as StepLR does), and a run stopped after 3 steps whose
``state_dict()`` is loaded into a new optimiser over a new parameter that
continues it. The gradients are fixed, so only the update rules act. The
printed numbers are pasted into the test as literals.
"""

from __future__ import annotations

import torch

torch.set_default_dtype(torch.float64)
GRADS = [0.5, -1.5, 2.0, 0.25, -0.75, 1.0]
SETTINGS = {
    "SGD": {"lr": 0.1, "momentum": 0.9, "weight_decay": 0.01},
    "Adam": {"lr": 0.1, "weight_decay": 0.01, "amsgrad": True},
    "AdamW": {"lr": 0.1},
    "RMSprop": {"lr": 0.01, "momentum": 0.5, "centered": True},
    "Adagrad": {"lr": 0.1, "lr_decay": 0.01},
}


def halved(name: str) -> list[float]:
    p = torch.tensor([1.0], requires_grad=True)
    opt = getattr(torch.optim, name)([p], foreach=False, **SETTINGS[name])
    out = []
    for k, g in enumerate(GRADS):
        if k == 3:
            for group in opt.param_groups:
                group["lr"] = group["lr"] * 0.5
        p.grad = torch.tensor([g])
        opt.step()
        out.append(p.item())
    return out


def resumed(name: str) -> list[float]:
    p = torch.tensor([1.0], requires_grad=True)
    opt = getattr(torch.optim, name)([p], foreach=False, **SETTINGS[name])
    out = []
    for g in GRADS[:3]:
        p.grad = torch.tensor([g])
        opt.step()
        out.append(p.item())
    saved = opt.state_dict()
    q = torch.tensor([p.item()], requires_grad=True)
    other = getattr(torch.optim, name)([q], foreach=False, lr=0.5)  # settings from the dict
    other.load_state_dict(saved)
    for g in GRADS[3:]:
        q.grad = torch.tensor([g])
        other.step()
        out.append(q.item())
    return out


if __name__ == "__main__":
    print("HALVED = {")
    for name in SETTINGS:
        print(f"    {name!r}: {halved(name)!r},")
    print("}")
    print("RESUMED = {")
    for name in SETTINGS:
        print(f"    {name!r}: {resumed(name)!r},")
    print("}")
