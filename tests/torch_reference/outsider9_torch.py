"""Record torch's numbers for tests/unit/test_outsider9.py (run by hand, not by make test).

    python3.11 -m venv /tmp/tv && /tmp/tv/bin/pip install torch==2.13.0
    /tmp/tv/bin/python tests/torch_reference/outsider9_torch.py

An option that needs a buffer (Adam's amsgrad, RMSprop's momentum or centered)
turned on after steps were taken: torch's own step() then raises KeyError, as
the buffer was never made. The trajectory printed here is torch's once the
missing buffer is given the value torch starts it at (zeros), which is what
calcweb's optimisers do.

A parameter that no loss reaches (a head left out of this step's loss): after
``zero_grad()`` (set_to_none=True, torch's default) its grad is None, and torch's
step() skips it: no momentum, no moving average, no weight decay, no step count.
The printed numbers are pasted into the test as literals.
"""

from __future__ import annotations

import torch

torch.set_default_dtype(torch.float64)
GRADS = [0.5, -1.5, 2.0, 0.25, -0.75, 1.0]
TURNED_ON_AT = 2  # steps taken before the option is switched on


def trajectory(name: str, hyper: dict[str, object], option: str, buffer: str) -> list[float]:
    p = torch.tensor([1.0], requires_grad=True)
    opt = getattr(torch.optim, name)([p], foreach=False, **hyper)
    out = []
    for k, g in enumerate(GRADS):
        if k == TURNED_ON_AT:
            opt.param_groups[0][option] = 0.9 if option == "momentum" else True
            opt.state[p][buffer] = torch.zeros_like(p)
        p.grad = torch.tensor([g])
        opt.step()
        out.append(p.item())
    return out


UNUSED_CONFIGS: list[tuple[str, dict[str, object]]] = [
    ("SGD", {"lr": 0.1, "momentum": 0.9}),
    ("SGD", {"lr": 0.1, "weight_decay": 0.1}),
    ("Adam", {"lr": 0.1}),
    ("AdamW", {"lr": 0.1}),
    ("RMSprop", {"lr": 0.01, "momentum": 0.5}),
    ("Adagrad", {"lr": 0.1, "weight_decay": 0.1}),
]


def unused_head(name: str, hyper: dict[str, object]) -> tuple[float, float]:
    """(a, b) after 4 steps on a**2 + b**2, then a**2 alone: b drops out after step 1."""
    a = torch.tensor([1.0], requires_grad=True)
    b = torch.tensor([2.0], requires_grad=True)
    opt = getattr(torch.optim, name)([a, b], foreach=False, **hyper)
    for k in range(4):
        opt.zero_grad()
        loss = a * a + b * b if k == 0 else a * a
        loss.sum().backward()
        opt.step()
    return a.item(), b.item()


def used_late(name: str, hyper: dict[str, object]) -> float:
    """b after 2 steps of a**2 alone, then 2 of a**2 + b**2: b's first step is step 3."""
    a = torch.tensor([1.0], requires_grad=True)
    b = torch.tensor([2.0], requires_grad=True)
    opt = getattr(torch.optim, name)([a, b], foreach=False, **hyper)
    for k in range(4):
        opt.zero_grad()
        loss = a * a if k < 2 else a * a + b * b
        loss.sum().backward()
        opt.step()
    return b.item()


def unused_head_zeroed(clip: bool) -> tuple[float, float]:
    """unused_head of SGD with momentum: zero_grad(set_to_none=False), or clipped each step."""
    a = torch.tensor([1.0], requires_grad=True)
    b = torch.tensor([2.0], requires_grad=True)
    opt = torch.optim.SGD([a, b], lr=0.1, momentum=0.9, foreach=False)
    for k in range(4):
        opt.zero_grad(set_to_none=clip)
        loss = a * a + b * b if k == 0 else a * a
        loss.sum().backward()
        if clip:
            torch.nn.utils.clip_grad_norm_([a, b], 0.5, foreach=False)
        opt.step()
    return a.item(), b.item()


def masked_cross_entropy() -> tuple[float, list[float]]:
    """cross_entropy([0, -inf, 1], 0): the class masked by -inf gets gradient 0."""
    z = torch.tensor([0.0, -float("inf"), 1.0], requires_grad=True)
    loss = torch.nn.functional.cross_entropy(z, torch.tensor(0))
    loss.backward()
    return loss.item(), z.grad.tolist()  # type: ignore[union-attr]


if __name__ == "__main__":
    print("masked cross_entropy", masked_cross_entropy())
    print("set_to_none=False", unused_head_zeroed(clip=False))
    print("clipped", unused_head_zeroed(clip=True))
    for name, hyper in UNUSED_CONFIGS:
        print(name, hyper, unused_head(name, hyper), used_late(name, hyper))
    print("adam_amsgrad =", trajectory("Adam", {"lr": 0.1}, "amsgrad", "max_exp_avg_sq"))
    print("rmsprop_momentum =", trajectory("RMSprop", {"lr": 0.1}, "momentum", "momentum_buffer"))
    print("rmsprop_centered =", trajectory("RMSprop", {"lr": 0.1}, "centered", "grad_avg"))
