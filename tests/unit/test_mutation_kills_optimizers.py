"""The optimisers against a replay of torch's update rules, bit for bit, found by mutation testing.

calcweb promises torch's order of operations, so a tolerance (such as the
conformance tests' 1e-12) would let a change of the arithmetic pass unseen.
Here each optimiser runs against a replay, written in this file, of torch's
``_single_tensor_*`` functions (torch/optim/sgd.py, adam.py, adamw.py,
rmsprop.py, adagrad.py, torch 2.x, ``foreach=False``) in Python floats, with
each fused kernel written as the expression it computes (``add(x, alpha=a)``
is ``+ a * x``, ``addcmul(a, b, value=v)`` is ``+ v * a * b``,
``addcdiv(a, b, value=v)`` is ``+ v * a / b``, ``lerp`` is torch's two-branch
formula); the parameters and every state entry must be equal (``==``) after
each step, for every hyper-parameter away from its default. The rest checks
what the replay cannot: each refusal's message, each hyper-parameter's bound on
both sides, and what a refused step leaves unchanged.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from calcweb import (
    SGD,
    Adagrad,
    Adam,
    AdamW,
    ArgumentTypeError,
    DivisionByZeroError,
    InvalidArgumentError,
    NumericalError,
    Optimizer,
    RMSprop,
    Value,
)

Replay = Callable[[float, float, dict[str, float]], float]
STEPS = 12


def torch_lerp(start: float, end: float, weight: float) -> float:
    """at::native lerp (ATen/native/Lerp.h): two formulas, split at |weight| = 0.5."""
    if abs(weight) < 0.5:
        return start + weight * (end - start)
    return end - (end - start) * (1.0 - weight)


def sgd(
    *,
    lr: float = 1e-3,
    momentum: float = 0.0,
    dampening: float = 0.0,
    weight_decay: float = 0.0,
    nesterov: bool = False,
    maximize: bool = False,
) -> Replay:
    def step(param: float, grad: float, state: dict[str, float]) -> float:
        grad = -grad if maximize else grad
        if weight_decay != 0:
            grad = grad + weight_decay * param
        if momentum != 0:
            if "momentum_buffer" not in state:
                buf = grad
            else:
                buf = state["momentum_buffer"] * momentum + (1 - dampening) * grad
            state["momentum_buffer"] = buf
            grad = grad + momentum * buf if nesterov else buf
        return param + -lr * grad

    return step


def adam(
    *,
    lr: float = 1e-3,
    betas: tuple[float, float] = (0.9, 0.999),
    eps: float = 1e-8,
    weight_decay: float = 0.0,
    amsgrad: bool = False,
    maximize: bool = False,
    decoupled: bool = False,
) -> Replay:
    beta1, beta2 = betas

    def step(param: float, grad: float, state: dict[str, float]) -> float:
        if not state:
            state.update(step=0.0, exp_avg=0.0, exp_avg_sq=0.0)
            if amsgrad:
                state["max_exp_avg_sq"] = 0.0
        grad = -grad if maximize else grad
        state["step"] += 1
        if weight_decay != 0:
            if decoupled:  # AdamW: param.mul_(1 - lr * weight_decay)
                param = param * (1 - lr * weight_decay)
            else:
                grad = grad + weight_decay * param
        state["exp_avg"] = torch_lerp(state["exp_avg"], grad, 1 - beta1)
        state["exp_avg_sq"] = state["exp_avg_sq"] * beta2 + (1 - beta2) * grad * grad
        bias_correction1 = 1 - beta1 ** state["step"]
        bias_correction2 = 1 - beta2 ** state["step"]
        step_size = lr / bias_correction1
        bias_correction2_sqrt = bias_correction2**0.5
        if amsgrad:
            state["max_exp_avg_sq"] = max(state["max_exp_avg_sq"], state["exp_avg_sq"])
            denom = math.sqrt(state["max_exp_avg_sq"]) / bias_correction2_sqrt + eps
        else:
            denom = math.sqrt(state["exp_avg_sq"]) / bias_correction2_sqrt + eps
        return param + -step_size * state["exp_avg"] / denom

    return step


def adamw(weight_decay: float = 1e-2, **kwargs: Any) -> Replay:
    return adam(weight_decay=weight_decay, decoupled=True, **kwargs)


def rmsprop(
    *,
    lr: float = 1e-2,
    alpha: float = 0.99,
    eps: float = 1e-8,
    weight_decay: float = 0.0,
    momentum: float = 0.0,
    centered: bool = False,
    maximize: bool = False,
) -> Replay:
    def step(param: float, grad: float, state: dict[str, float]) -> float:
        if not state:
            state.update(step=0.0, square_avg=0.0)
            if momentum > 0:
                state["momentum_buffer"] = 0.0
            if centered:
                state["grad_avg"] = 0.0
        grad = -grad if maximize else grad
        state["step"] += 1
        if weight_decay != 0:
            grad = grad + weight_decay * param
        state["square_avg"] = state["square_avg"] * alpha + (1 - alpha) * grad * grad
        if centered:
            state["grad_avg"] = torch_lerp(state["grad_avg"], grad, 1 - alpha)
            # square_avg.addcmul(grad_avg, grad_avg, value=-1).sqrt_() (calcweb clamps at 0)
            variance = state["square_avg"] + -1 * state["grad_avg"] * state["grad_avg"]
            avg = math.sqrt(max(variance, 0.0))
        else:
            avg = math.sqrt(state["square_avg"])
        avg = avg + eps
        if momentum > 0:
            state["momentum_buffer"] = state["momentum_buffer"] * momentum + grad / avg
            return param + -lr * state["momentum_buffer"]
        return param + -lr * grad / avg

    return step


def adagrad(
    *,
    lr: float = 1e-2,
    lr_decay: float = 0.0,
    weight_decay: float = 0.0,
    initial_accumulator_value: float = 0.0,
    eps: float = 1e-10,
    maximize: bool = False,
) -> Replay:
    def step(param: float, grad: float, state: dict[str, float]) -> float:
        if not state:
            state.update(step=0.0, sum=initial_accumulator_value)
        state["step"] += 1
        grad = -grad if maximize else grad
        if weight_decay != 0:
            grad = grad + weight_decay * param
        clr = lr / (1 + (state["step"] - 1) * lr_decay)
        state["sum"] = state["sum"] + 1 * grad * grad
        std = math.sqrt(state["sum"]) + eps
        return param + -clr * grad / std

    return step


OPTIMIZERS: dict[str, tuple[type[Optimizer], Callable[..., Replay]]] = {
    "SGD": (SGD, sgd),
    "Adam": (Adam, adam),
    "AdamW": (AdamW, adamw),
    "RMSprop": (RMSprop, rmsprop),
    "Adagrad": (Adagrad, adagrad),
}

# Each hyper-parameter away from its default, alone and together, on its bounds
# (beta = 0, alpha = 0 and 1, a weight of exactly 0.5 in lerp) and with maximize.
CONFIGURATIONS: list[tuple[str, dict[str, Any]]] = [
    ("SGD", {}),
    ("SGD", {"lr": 0.1}),
    ("SGD", {"lr": 0.05, "momentum": 0.9}),
    ("SGD", {"lr": 0.05, "momentum": 0.9, "dampening": 0.3}),
    ("SGD", {"lr": 0.05, "momentum": 0.9, "dampening": -0.4}),
    ("SGD", {"lr": 0.05, "momentum": 0.7, "nesterov": True}),
    ("SGD", {"lr": 0.1, "weight_decay": 0.3}),
    ("SGD", {"lr": 0.1, "weight_decay": 1.0}),
    ("SGD", {"lr": 0.1, "maximize": True}),
    ("SGD", {"lr": 0.02, "momentum": 0.6, "weight_decay": 0.2, "nesterov": True, "maximize": True}),
    ("Adam", {}),
    ("Adam", {"lr": 0.05}),
    ("Adam", {"lr": 0.05, "amsgrad": True}),
    ("Adam", {"lr": 0.05, "weight_decay": 0.3}),
    ("Adam", {"lr": 0.05, "weight_decay": 1.0}),
    ("Adam", {"lr": 0.05, "betas": (0.7, 0.8), "eps": 0.01}),
    ("Adam", {"lr": 0.05, "betas": (0.5, 0.5)}),
    ("Adam", {"lr": 0.05, "betas": (0.0, 0.0), "eps": 0.5}),
    ("Adam", {"lr": 0.05, "betas": (0.3, 0.95)}),
    ("Adam", {"lr": 0.05, "maximize": True}),
    ("Adam", {"lr": 0.05, "amsgrad": True, "weight_decay": 0.2, "maximize": True}),
    ("AdamW", {}),
    ("AdamW", {"lr": 0.05, "weight_decay": 0.3}),
    ("AdamW", {"lr": 0.05, "weight_decay": 0.0}),
    ("AdamW", {"lr": 0.05, "weight_decay": 1.0, "amsgrad": True}),
    ("AdamW", {"lr": 0.05, "betas": (0.5, 0.9), "eps": 0.1, "maximize": True}),
    ("RMSprop", {}),
    ("RMSprop", {"lr": 0.05, "alpha": 0.8}),
    ("RMSprop", {"lr": 0.05, "alpha": 0.5, "centered": True}),
    ("RMSprop", {"lr": 0.05, "alpha": 0.3, "centered": True}),
    ("RMSprop", {"lr": 0.05, "alpha": 1.0, "eps": 0.5}),
    ("RMSprop", {"lr": 0.05, "alpha": 0.0}),
    ("RMSprop", {"lr": 0.05, "momentum": 0.9}),
    ("RMSprop", {"lr": 0.05, "centered": True}),
    ("RMSprop", {"lr": 0.02, "centered": True, "momentum": 0.5, "weight_decay": 0.3}),
    ("RMSprop", {"lr": 0.05, "weight_decay": 1.0}),
    ("RMSprop", {"lr": 0.05, "alpha": 0.9, "eps": 0.1, "maximize": True}),
    ("Adagrad", {}),
    ("Adagrad", {"lr": 0.1, "lr_decay": 0.3}),
    ("Adagrad", {"lr": 0.1, "initial_accumulator_value": 0.7}),
    ("Adagrad", {"lr": 0.1, "weight_decay": 0.3, "maximize": True}),
    ("Adagrad", {"lr": 0.1, "weight_decay": 1.0}),
    ("Adagrad", {"lr": 0.1, "eps": 0.3, "lr_decay": 0.1}),
]


def gradients(step: int, params: list[float]) -> list[float]:
    """A made-up gradient: of f(p) = sum_i (i + 1) p_i^2 / 2 + 0.3 sin(3 p_i), plus a drift."""
    return [
        (i + 1) * p + 0.9 * math.cos(3.0 * p) + 0.25 * math.sin(1.7 * step + i)
        for i, p in enumerate(params)
    ]


def trajectories(
    name: str, hyper: dict[str, Any]
) -> Iterator[tuple[int, Optimizer, list[Value], list[float], list[dict[str, float]]]]:
    """After each step: calcweb's optimiser and params, the replay's params and states."""
    cls, replay_of = OPTIMIZERS[name]
    start = [1.5, -0.75, 0.3, 0.0]
    params = [Value(x) for x in start]
    opt = cls(params, **hyper)
    step = replay_of(**hyper)
    theirs, states = list(start), [{} for _ in start]
    for t in range(1, STEPS + 1):
        grads = gradients(t, [p.data for p in params])
        for p, g in zip(params, grads, strict=True):
            p.grad = g
        opt.step()
        theirs = [step(x, g, s) for x, g, s in zip(theirs, grads, states, strict=True)]
        yield t, opt, params, theirs, states


@pytest.mark.parametrize(
    ("name", "hyper"),
    CONFIGURATIONS,
    ids=[f"{n}({', '.join(f'{k}={v}' for k, v in h.items())})" for n, h in CONFIGURATIONS],
)
def test_every_step_equals_the_replay_of_torchs_update_bit_for_bit(
    name: str, hyper: dict[str, Any]
) -> None:
    for t, opt, params, theirs, states in trajectories(name, hyper):
        assert [p.data for p in params] == theirs, f"step {t}"
        assert [opt.state[p] for p in params] == states, f"state after step {t}"


def test_the_replay_moves_every_parameter_and_the_runs_differ() -> None:
    # Guards the test above: each run changes every parameter, and no two
    # configurations of an optimiser end at the same point (each setting is seen).
    ends: dict[str, set[tuple[float, ...]]] = {}
    for name, hyper in CONFIGURATIONS:
        *_, (_, _, params, theirs, _) = trajectories(name, hyper)
        assert all(p.data != x for p, x in zip(params, (1.5, -0.75, 0.3, 0.0), strict=True))
        ends.setdefault(name, set()).add(tuple(theirs))
    for name in OPTIMIZERS:
        assert len(ends[name]) == sum(n == name for n, _ in CONFIGURATIONS), name


# ---------------------------------------------------------------- the careful path


def test_a_step_through_the_careful_path_continues_from_the_state() -> None:
    # An int gradient leaves the fast path (plain floats only) for the careful one,
    # which must start from the state the earlier steps left, like the fast path.
    params = [Value(1.5), Value(-0.5)]
    opt = Adam(params, lr=0.1)
    replay = adam(lr=0.1)
    theirs, states = [1.5, -0.5], [{}, {}]
    for grads in ([0.5, -2.0], [1, 3], [0.25, 2]):  # floats, then ints (the careful path)
        for p, g in zip(params, grads, strict=True):
            p.grad = g
        opt.step()
        theirs = [replay(x, g, s) for x, g, s in zip(theirs, grads, states, strict=True)]
        assert [p.data for p in params] == theirs
        assert [opt.state[p] for p in params] == states


def test_a_refused_step_changes_no_parameter_and_no_state() -> None:
    params = [Value(1.0), Value(2.0)]
    opt = RMSprop(params, lr=0.1, momentum=0.5)
    params[0].grad, params[1].grad = 0.5, -0.25
    opt.step()
    before = [p.data for p in params], [dict(opt.state[p]) for p in params]
    params[0].grad, params[1].grad = 0.5, math.nan  # the second is refused
    with pytest.raises(NumericalError):
        opt.step()
    assert ([p.data for p in params], [opt.state[p] for p in params]) == before


# ---------------------------------------------------------------- messages


def raises(error: type[Exception], message: str) -> pytest.RaisesContext[Exception]:
    """pytest.raises for the whole message, matched literally."""
    return pytest.raises(error, match="^" + re.escape(message) + "$")


ADVICE = (
    "Try a smaller learning rate, or clip the gradients with "
    "calcweb.clip_grad_norm(params, max_norm)"
)


def test_a_grad_or_data_that_is_not_a_finite_float_is_named() -> None:
    params = [Value(1.0), Value(2.0)]
    params[0].grad = 0.0  # a gradient, so that step() reads params[0] (not skipped)
    opt = SGD(params, lr=0.1)
    params[1].grad = "a"
    with raises(
        ArgumentTypeError,
        "params[1].grad is str 'a', not a number; grad must be a float (backward() sets grad, "
        "Value(x) sets data)",
    ):
        opt.step()
    params[1].grad = math.nan
    with raises(
        NumericalError,
        "params[1].grad is nan, not a finite number, so the step would write nan into the "
        "parameter: the loss or its gradient overflowed or left a function's domain. " + ADVICE,
    ):
        opt.step()
    params[1].grad = 1.0
    params[0].data = math.inf
    with raises(
        NumericalError,
        "params[0].data is inf, not a finite number, so the step would write inf into the "
        "parameter: an earlier update overflowed. " + ADVICE,
    ):
        opt.step()
    params[0].data = 10**400
    with raises(
        NumericalError,
        "params[0].data is an integer too large for a float; scale it down below about 1e308",
    ):
        opt.step()
    params[0].data = 3  # an int that fits is used as the float it equals
    opt.step()
    assert params[0].data == 3.0 + -0.1 * 0.0


def test_a_params_list_changed_after_construction_is_refused_by_step_and_zero_grad() -> None:
    opt = SGD([Value(1.0), Value(2.0)])
    opt.params[1] = 3.0  # type: ignore[call-overload]
    message = (
        "params[1] is float 3.0, not a Value; an optimizer's params list must hold only "
        "calcweb.Value objects"
    )
    with raises(ArgumentTypeError, message):
        opt.step()
    with raises(ArgumentTypeError, message):
        opt.zero_grad()


def test_the_step_errors_name_the_optimizer_the_parameter_and_the_fix() -> None:
    params = [Value(0.0), Value(1e308)]
    opt = SGD(params, lr=10.0)
    params[1].grad = -1e308
    with raises(
        NumericalError,
        "the SGD step of params[1] overflows: from 1e+308 with gradient -1e+308 it gives inf. "
        "The steps are diverging; try a smaller learning rate, or clip the gradients with "
        "calcweb.clip_grad_norm(params, max_norm)",
    ):
        opt.step()
    q = [Value(1.0)]
    q[0].grad = 1e200
    with raises(
        NumericalError,
        "the Adam state 'exp_avg_sq' of params[0] overflows (inf) with gradient 1e+200: the "
        "gradient is too large for its running averages; scale the loss down or clip the "
        "gradients with calcweb.clip_grad_norm",
    ):
        Adam(q).step()
    q[0].grad = 0.0
    with raises(
        DivisionByZeroError,
        "the AdamW step of params[0] divides by 0: with eps=0 nothing keeps what it divides "
        "by above 0, and the gradient is 0 and so is the average of the squared gradients "
        "(all 0 so far, or forgotten with RMSprop's alpha=0 or Adam's betas[1]=0); pass eps "
        "> 0 (torch's default for AdamW is 1e-08)",
    ):
        AdamW(q, eps=0.0).step()


class _Exponential(Optimizer):
    """A user's optimiser whose update can raise OverflowError or ValueError."""

    def _update(self, theta: float, grad: float, state: dict[str, float]) -> float:  # noqa: ARG002
        return theta - math.exp(grad) + math.sqrt(1.0 - theta)


def python_error(call: Callable[[], object]) -> str:
    """The message of the error math raises (its wording differs between Python versions)."""
    try:
        call()
    except (OverflowError, ValueError) as error:
        return str(error)
    raise AssertionError("no error")


def test_an_error_inside_a_users_update_is_named() -> None:
    p = [Value(0.5)]
    opt = _Exponential(p)
    p[0].grad = 1000.0
    with raises(
        NumericalError,
        f"the _Exponential step of params[0] failed ({python_error(lambda: math.exp(1000.0))}); "
        "its data 0.5 or gradient 1000.0 is too large: try a smaller learning rate",
    ):
        opt.step()
    p[0].data, p[0].grad = 2.0, 0.0
    with raises(
        NumericalError,
        f"the _Exponential step of params[0] failed ({python_error(lambda: math.sqrt(-1.0))}); "
        "its data 2.0 or gradient 0.0 is too large: try a smaller learning rate",
    ):
        opt.step()


INVALID: list[tuple[type[Optimizer], dict[str, Any], str]] = [
    (SGD, {"lr": -1.0}, "Invalid learning rate: -1.0 (lr must be >= 0)"),
    (SGD, {"momentum": -0.5}, "Invalid momentum value: -0.5 (momentum must be >= 0)"),
    (SGD, {"weight_decay": -1.0}, "Invalid weight_decay value: -1.0 (weight_decay must be >= 0)"),
    (SGD, {"nesterov": True}, "Nesterov momentum requires a momentum and zero dampening"),
    (
        SGD,
        {"nesterov": True, "momentum": 0.9, "dampening": 1e-300},
        "Nesterov momentum requires a momentum and zero dampening",
    ),
    (Adam, {"lr": -1.0}, "Invalid learning rate: -1.0 (lr must be >= 0)"),
    (Adam, {"eps": -1.0}, "Invalid epsilon value: -1.0 (eps must be >= 0)"),
    (Adam, {"weight_decay": -1.0}, "Invalid weight_decay value: -1.0 (weight_decay must be >= 0)"),
    (
        Adam,
        {"betas": (0.9,)},
        "betas must be a pair (beta1, beta2) such as (0.9, 0.999), but got 1 values [0.9]",
    ),
    (
        Adam,
        {"betas": (0.9, 0.9, 0.9)},
        (
            "betas must be a pair (beta1, beta2) such as (0.9, 0.999), but got 3 values "
            "[0.9, 0.9, 0.9]"
        ),
    ),
    (Adam, {"betas": (1.0, 0.9)}, "Invalid beta parameter at index 0: 1.0 (needs 0 <= beta < 1)"),
    (
        Adam,
        {"betas": (-1e-300, 0.9)},
        "Invalid beta parameter at index 0: -1e-300 (needs 0 <= beta < 1)",
    ),
    (AdamW, {"betas": (0.9, 1.0)}, "Invalid beta parameter at index 1: 1.0 (needs 0 <= beta < 1)"),
    (
        AdamW,
        {"betas": (0.9, -0.1)},
        "Invalid beta parameter at index 1: -0.1 (needs 0 <= beta < 1)",
    ),
    (AdamW, {"lr": -1.0}, "Invalid learning rate: -1.0 (lr must be >= 0)"),
    (AdamW, {"eps": -1.0}, "Invalid epsilon value: -1.0 (eps must be >= 0)"),
    (AdamW, {"weight_decay": -1.0}, "Invalid weight_decay value: -1.0 (weight_decay must be >= 0)"),
    (RMSprop, {"lr": -1.0}, "Invalid learning rate: -1.0 (lr must be >= 0)"),
    (RMSprop, {"alpha": -1.0}, "Invalid alpha value: -1.0 (alpha must be >= 0)"),
    (
        RMSprop,
        {"alpha": 1.0000000000000002},
        (
            "Invalid alpha value: 1.0000000000000002 (alpha must be <= 1: it weighs the old "
            "average of g² against the new g², as 0.99 does by default)"
        ),
    ),
    (RMSprop, {"eps": -1.0}, "Invalid epsilon value: -1.0 (eps must be >= 0)"),
    (
        RMSprop,
        {"weight_decay": -1.0},
        "Invalid weight_decay value: -1.0 (weight_decay must be >= 0)",
    ),
    (RMSprop, {"momentum": -1.0}, "Invalid momentum value: -1.0 (momentum must be >= 0)"),
    (Adagrad, {"lr": -1.0}, "Invalid learning rate: -1.0 (lr must be >= 0)"),
    (Adagrad, {"lr_decay": -1.0}, "Invalid lr_decay value: -1.0 (lr_decay must be >= 0)"),
    (
        Adagrad,
        {"weight_decay": -1.0},
        "Invalid weight_decay value: -1.0 (weight_decay must be >= 0)",
    ),
    (
        Adagrad,
        {"initial_accumulator_value": -1.0},
        "Invalid initial_accumulator_value value: -1.0 (initial_accumulator_value must be >= 0)",
    ),
    (Adagrad, {"eps": -1.0}, "Invalid epsilon value: -1.0 (eps must be >= 0)"),
]


@pytest.mark.parametrize(("cls", "hyper", "message"), INVALID)
def test_an_invalid_hyper_parameter_gets_torchs_message_in_full(
    cls: type[Optimizer], hyper: dict[str, Any], message: str
) -> None:
    with raises(InvalidArgumentError, message):
        cls([Value(1.0)], **hyper)


# Every bound that is allowed, with the check that names each argument when it is not a number.
ACCEPTED: list[tuple[type[Optimizer], dict[str, Any]]] = [
    (SGD, {"lr": 0.0, "momentum": 0.0, "weight_decay": 0.0, "dampening": -1.0}),
    (SGD, {"momentum": 1e-300, "dampening": 0.0}),
    (Adam, {"lr": 0.0, "eps": 0.0, "weight_decay": 0.0, "betas": (0.0, 0.0)}),
    (AdamW, {"lr": 0.0, "eps": 0.0, "weight_decay": 0.0, "betas": (0.9999999999999999, 0.0)}),
    (RMSprop, {"lr": 0.0, "alpha": 0.0, "eps": 0.0, "weight_decay": 0.0, "momentum": 0.0}),
    (RMSprop, {"alpha": 1.0}),
    (
        Adagrad,
        {
            "lr": 0.0,
            "lr_decay": 0.0,
            "weight_decay": 0.0,
            "initial_accumulator_value": 0.0,
            "eps": 0.0,
        },
    ),
]


@pytest.mark.parametrize(("cls", "hyper"), ACCEPTED)
def test_each_bound_itself_is_accepted_and_each_argument_is_named(
    cls: type[Optimizer], hyper: dict[str, Any]
) -> None:
    opt = cls([Value(1.0)], **hyper)
    for name, value in hyper.items():
        assert getattr(opt, name) == (tuple(value) if name == "betas" else value)
        if name == "betas":
            for i in range(2):
                bad = ["x" if j == i else 0.5 for j in range(2)]
                with raises(
                    ArgumentTypeError,
                    f"betas[{i}] must be a real number (int or float), but got str 'x'; "
                    "convert it with float('x')",
                ):
                    cls([Value(1.0)], **{**hyper, name: bad})
            continue
        with raises(
            ArgumentTypeError,
            f"{name} must be a real number (int or float), but got str 'x'; convert it with "
            "float('x')",
        ):
            cls([Value(1.0)], **{**hyper, name: "x"})


FLAGS: list[tuple[type[Optimizer], str]] = [
    (SGD, "nesterov"),
    (SGD, "maximize"),
    (Adam, "amsgrad"),
    (Adam, "maximize"),
    (AdamW, "amsgrad"),
    (AdamW, "maximize"),
    (RMSprop, "centered"),
    (RMSprop, "maximize"),
    (Adagrad, "maximize"),
]


@pytest.mark.parametrize(("cls", "flag"), FLAGS)
def test_each_flag_is_named_when_it_is_not_a_bool(cls: type[Optimizer], flag: str) -> None:
    hyper = {"momentum": 0.5} if flag == "nesterov" else {}
    assert getattr(cls([Value(1.0)], **hyper, **{flag: True}), flag) is True
    with raises(
        ArgumentTypeError,
        f"{flag} must be True or False, but got str 'x'; pass {flag}=True or {flag}=False",
    ):
        cls([Value(1.0)], **hyper, **{flag: "x"})


def test_nesterov_needs_only_some_momentum_and_no_dampening() -> None:
    assert SGD([Value(1.0)], momentum=1e-300, nesterov=True).nesterov is True


def test_the_parameter_list_is_checked_with_full_messages() -> None:
    with raises(
        ArgumentTypeError,
        "Optimizer is the base class and has no update rule; use calcweb.SGD, calcweb.Adam, "
        "calcweb.AdamW, calcweb.RMSprop or calcweb.Adagrad",
    ):
        Optimizer([Value(1.0)])
    with raises(
        ArgumentTypeError,
        "params must be a list of calcweb.Value (such as model.parameters() or [w, b]), but got "
        "float 3.0; wrap each number in Value(...)",
    ):
        SGD(3.0)  # type: ignore[arg-type]
    with raises(
        InvalidArgumentError,
        "optimizer got an empty parameter list; pass the Values to optimise, e.g. "
        "model.parameters() or [w, b]",
    ):
        SGD(iter([]))
    with raises(
        ArgumentTypeError,
        "an optimizer updates Values, but params[1] is float 2.0; wrap each number in Value(...) "
        "or pass model.parameters()",
    ):
        SGD([Value(1.0), 2.0])  # type: ignore[list-item]
    v = Value(1.0)
    with raises(
        InvalidArgumentError,
        "params holds the same Value more than once, so it would be updated twice per step; "
        "pass each parameter once",
    ):
        SGD([Value(1.0), v, v])
    # One Value, a generator, and two Values equal in data are all fine.
    assert SGD(v).params == [v]
    w = Value(1.0)
    assert SGD(p for p in (v, w)).params == [v, w]


def test_a_bool_grad_or_data_is_refused_though_it_adds_like_a_number() -> None:
    # True + 0.5 is a finite number, so only the type check keeps a bool out of a step:
    # alone, or after a parameter of plain floats.
    for attribute in ("grad", "data"):
        for n in (1, 2):
            params = [Value(float(i + 1)) for i in range(n)]
            opt = SGD(params, lr=0.1)
            for p in params:
                p.grad = 0.5
            setattr(params[-1], attribute, True)
            with raises(
                ArgumentTypeError,
                f"params[{n - 1}].{attribute} is bool True, not a number; {attribute} must be a "
                "float (backward() sets grad, Value(x) sets data)",
            ):
                opt.step()
            assert params[0].data == 1.0  # unchanged (True == 1.0 where data was set to True)


def test_betas_that_are_not_a_pair_are_shown() -> None:
    with raises(
        ArgumentTypeError,
        "betas must be a pair (beta1, beta2) such as (0.9, 0.999), but got float 0.9",
    ):
        Adam([Value(1.0)], betas=0.9)  # type: ignore[arg-type]


def test_plain_finite_floats_take_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    # step() checks every value one by one (_careful_step) only when something is not a
    # plain finite float or an update fails: training loops, and the explorable cells
    # that re-run minimize in the browser, pay for the checks only then.
    def careful(self: Optimizer) -> None:
        raise AssertionError(f"{type(self).__name__} took the careful path")

    monkeypatch.setattr(Optimizer, "_careful_step", careful)
    for name, hyper in CONFIGURATIONS:
        for t, _, params, theirs, _ in trajectories(name, hyper):
            assert [p.data for p in params] == theirs, (name, hyper, t)
