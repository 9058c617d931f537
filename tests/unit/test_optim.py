"""Optimisers: torch's argument checks, state names and clipping.

Trajectories are compared with torch in test_torch_conformance.py.
"""

from __future__ import annotations

import math
from typing import Any

import pytest

import calcweb
from calcweb import SGD, Adagrad, Adam, AdamW, RMSprop, Value, clip_grad_norm


@pytest.mark.parametrize(
    ("optimizer", "kwargs", "message"),
    [
        (SGD, {"lr": -1.0}, "Invalid learning rate: -1.0"),
        (SGD, {"lr": 0.1, "momentum": -0.5}, "Invalid momentum value: -0.5"),
        (SGD, {"lr": 0.1, "weight_decay": -1e-4}, "Invalid weight_decay value: -0.0001"),
        (SGD, {"lr": 0.1, "nesterov": True}, "Nesterov momentum requires a momentum and zero"),
        (SGD, {"lr": 0.1, "momentum": 0.9, "dampening": 0.1, "nesterov": True}, "Nesterov"),
        (Adam, {"lr": -0.1}, "Invalid learning rate: -0.1"),
        (Adam, {"eps": -1e-8}, "Invalid epsilon value: -1e-08"),
        (Adam, {"betas": (1.0, 0.999)}, "Invalid beta parameter at index 0: 1.0"),
        (AdamW, {"betas": (0.9, -0.1)}, "Invalid beta parameter at index 1: -0.1"),
        (AdamW, {"weight_decay": -0.01}, "Invalid weight_decay value: -0.01"),
        (RMSprop, {"alpha": -0.9}, "Invalid alpha value: -0.9"),
        (RMSprop, {"momentum": -1.0}, "Invalid momentum value: -1.0"),
        (Adagrad, {"lr_decay": -1.0}, "Invalid lr_decay value: -1.0"),
        (Adagrad, {"initial_accumulator_value": -1.0}, "Invalid initial_accumulator_value"),
    ],
)
def test_invalid_hyper_parameters_raise_torch_like_messages(
    optimizer: type[calcweb.Optimizer], kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(calcweb.InvalidArgumentError, match=message.replace("(", r"\(")):
        optimizer([Value(1.0)], **kwargs)


def test_parameters_must_be_values_and_not_empty() -> None:
    with pytest.raises(calcweb.InvalidArgumentError, match="empty parameter list"):
        Adam([])
    with pytest.raises(calcweb.ArgumentTypeError, match=r"wrap each number in Value"):
        SGD([1.0], lr=0.1)  # type: ignore[list-item]


def test_defaults_are_torchs() -> None:
    p = [Value(0.0)]
    adam, adamw = Adam(p), AdamW(p)
    assert (adam.lr, adam.betas, adam.eps, adam.weight_decay) == (1e-3, (0.9, 0.999), 1e-8, 0.0)
    assert adamw.weight_decay == 1e-2
    rms = RMSprop(p)
    assert (rms.lr, rms.alpha, rms.eps, rms.momentum, rms.centered) == (1e-2, 0.99, 1e-8, 0, False)
    ada = Adagrad(p)
    assert (ada.lr, ada.lr_decay, ada.initial_accumulator_value, ada.eps) == (1e-2, 0, 0, 1e-10)
    assert SGD(p).lr == 1e-3


@pytest.mark.parametrize(
    ("opt", "keys"),
    [
        (lambda p: SGD(p, lr=0.1, momentum=0.9), {"momentum_buffer"}),
        (Adam, {"step", "exp_avg", "exp_avg_sq"}),
        (lambda p: Adam(p, amsgrad=True), {"step", "exp_avg", "exp_avg_sq", "max_exp_avg_sq"}),
        (
            lambda p: RMSprop(p, momentum=0.5, centered=True),
            {"step", "square_avg", "momentum_buffer", "grad_avg"},
        ),
        (Adagrad, {"step", "sum"}),
    ],
)
def test_state_uses_torchs_names(opt: Any, keys: set[str]) -> None:
    p = Value(1.0)
    optimizer = opt([p])
    p.grad = 0.5
    optimizer.step()
    assert set(optimizer.state[p]) == keys


def test_adam_state_is_the_textbook_moving_averages() -> None:
    p = Value(1.0)
    opt = Adam([p], lr=0.1, betas=(0.9, 0.99))
    for g in (1.0, -2.0):
        p.grad = g
        opt.step()
    state = opt.state[p]
    assert state["step"] == 2
    assert math.isclose(state["exp_avg"], 0.9 * 0.1 * 1.0 + 0.1 * -2.0)
    assert math.isclose(state["exp_avg_sq"], 0.99 * 0.01 * 1.0 + 0.01 * 4.0)


def test_adamw_decays_the_weights_decoupled_from_the_gradient() -> None:
    # With a zero gradient Adam's step is 0, so only the decay moves the weight.
    p, q = Value(2.0), Value(2.0)
    p.grad = q.grad = 0.0  # a gradient of 0, not none: step() skips a Value without one
    adamw, adam = AdamW([p], lr=0.1, weight_decay=0.5), Adam([q], lr=0.1, weight_decay=0.5)
    adamw.step()
    adam.step()
    assert p.data == 2.0 * (1 - 0.1 * 0.5)
    assert math.isclose(q.data, 2.0 - 0.1, rel_tol=1e-6)  # coupled: decay goes through Adam


def test_zero_grad_and_maximize() -> None:
    p = Value(1.0)
    opt = SGD([p], lr=0.5, maximize=True)
    p.grad = 2.0
    opt.step()
    assert p.data == 2.0
    opt.zero_grad()
    assert p.grad == 0.0


def test_repr_names_the_hyper_parameters() -> None:
    assert repr(SGD([Value(0.0)], lr=0.1)).startswith("SGD(1 parameters, lr=0.1, momentum=0.0")


def test_clip_grad_norm_keeps_the_norm_at_max_norm() -> None:
    params = [Value(0.0) for _ in range(4)]
    for p, g in zip(params, [3.0, -4.0, 12.0, 0.0], strict=True):
        p.grad = g
    assert clip_grad_norm(params, 2.0) == 13.0
    assert math.isclose(math.hypot(*(p.grad for p in params)), 2.0, rel_tol=1e-6)
    assert clip_grad_norm(params, 5.0) == pytest.approx(2.0)  # below max_norm: unchanged
    assert math.isclose(math.hypot(*(p.grad for p in params)), 2.0, rel_tol=1e-6)


def test_clip_grad_norm_with_a_non_finite_norm() -> None:
    p = Value(0.0)
    p.grad = math.inf
    with pytest.raises(calcweb.NumericalError, match="non-finite"):
        clip_grad_norm([p], 1.0, error_if_nonfinite=True)
    assert clip_grad_norm([p], 1.0) == math.inf
    assert math.isnan(p.grad)  # as torch: inf * 0


def test_clip_grad_norm_checks_its_arguments() -> None:
    with pytest.raises(calcweb.InvalidArgumentError, match="max_norm"):
        clip_grad_norm([Value(0.0)], -1.0)
    with pytest.raises(calcweb.InvalidArgumentError, match="norm_type"):
        clip_grad_norm([Value(0.0)], 1.0, norm_type=0.0)
    assert clip_grad_norm([], 1.0) == 0.0


# torch's lerp computes start + w * (end - start) for |w| < 0.5 and
# end - (end - start) * (1 - w) otherwise, so that w = 1 gives `end` exactly:
# with beta1 = 0 (or alpha = 0) torch's running average is the gradient itself.
LAST_GRADIENTS = [0.1, 0.7, -0.3, 1e-3, 2.9, -1.7]


@pytest.mark.parametrize("optimizer", ["adam", "adamw"])
def test_adam_with_beta1_zero_keeps_the_gradient_itself_as_its_average(optimizer: str) -> None:
    p = Value(0.5)
    opt = {"adam": Adam, "adamw": AdamW}[optimizer]([p], lr=0.01, betas=(0.0, 0.999))
    for g in LAST_GRADIENTS:
        p.grad = g
        opt.step()
        assert opt.state[p]["exp_avg"] == g


def test_centered_rmsprop_with_alpha_zero_keeps_the_gradient_itself_as_its_average() -> None:
    p = Value(0.5)
    opt = RMSprop([p], lr=0.01, alpha=0.0, centered=True)
    for g in LAST_GRADIENTS:
        p.grad = g
        opt.step()
        assert opt.state[p]["grad_avg"] == g
