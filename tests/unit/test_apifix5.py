"""Robust API leftovers (session 28, APIFIX5).

- A hyper-parameter written after construction (``opt.lr = -1``,
  ``opt.param_groups[0]["betas"] = (0.9, 1.0)``) was not checked: a negative
  rate stepped uphill, a negative eps or lr_decay was used, beta2 = 1 gave a
  DivisionByZeroError that blamed eps. Now every write is checked as the
  constructor checks it, with the constructor's error, before any step.
"""

from __future__ import annotations

import math
import re
from typing import Any

import pytest
from torch_dominant_logits import CASES as TORCH_CASES

import calcweb as cw
from calcweb.nn import Value

# --- hyper-parameters written after construction --------------------------------------

# (optimiser, hyper-parameter, a value its constructor refuses)
REFUSED = [
    ("SGD", "lr", -1.0),
    ("SGD", "lr", math.nan),
    ("SGD", "lr", math.inf),
    ("SGD", "lr", "0.1"),
    ("SGD", "momentum", -0.5),
    ("SGD", "weight_decay", -1e-4),
    ("SGD", "dampening", math.nan),
    ("SGD", "nesterov", "yes"),
    ("Adam", "betas", (0.9, 1.0)),
    ("Adam", "betas", (-0.1, 0.999)),
    ("Adam", "betas", (0.9,)),
    ("Adam", "eps", -1e-8),
    ("AdamW", "weight_decay", -0.01),
    ("Adam", "amsgrad", 2),
    ("RMSprop", "alpha", 1.5),
    ("RMSprop", "alpha", -0.1),
    ("RMSprop", "eps", math.nan),
    ("RMSprop", "centered", None),
    ("Adagrad", "lr_decay", -0.1),
    ("Adagrad", "initial_accumulator_value", -1.0),
    ("Adagrad", "eps", -1e-10),
    ("Adagrad", "maximize", 0.5),
]


def _constructor_error(name: str, key: str, value: object) -> cw.CalcwebError:
    with pytest.raises(cw.CalcwebError) as refusal:
        getattr(cw, name)([Value(1.0)], **{key: value})
    return refusal.value


def _stepped_once(name: str) -> tuple[Any, Value]:
    p = Value(1.0)
    opt = getattr(cw, name)([p], lr=0.1)
    p.grad = 1.0
    opt.step()
    p.grad = 1.0
    return opt, p


def _set(opt: Any, group: Any, key: str, value: object) -> None:
    if group is None:
        setattr(opt, key, value)
    else:
        group[key] = value


@pytest.mark.parametrize("how", ["param_groups", "attribute"])
@pytest.mark.parametrize(("name", "key", "value"), REFUSED)
def test_a_setting_written_later_is_refused_as_the_constructor_refuses_it(
    name: str, key: str, value: object, how: str
) -> None:
    expected = _constructor_error(name, key, value)
    opt, p = _stepped_once(name)
    before = (p.data, dict(opt.state[p]), getattr(opt, key))
    target = opt.param_groups[0] if how == "param_groups" else None
    with pytest.raises(type(expected), match=re.escape(str(expected))):
        _set(opt, target, key, value)
    opt.step()  # on the setting as it was
    assert getattr(opt, key) == before[2]
    assert p.data != before[0]


def test_a_setting_written_later_is_cleaned_as_the_constructor_cleans_it() -> None:
    opt, _ = _stepped_once("Adam")
    opt.param_groups[0]["betas"] = [0.8, 0.99]
    opt.lr = 1
    assert opt.betas == (0.8, 0.99)
    assert type(opt.lr) is float


def test_a_state_dict_with_a_refused_setting_changes_nothing() -> None:
    opt, _ = _stepped_once("Adam")
    saved = opt.state_dict()
    saved["param_groups"][0]["lr"] = 0.5
    saved["param_groups"][0]["eps"] = -1.0
    with pytest.raises(cw.InvalidArgumentError, match=r"Invalid epsilon value: -1\.0"):
        opt.load_state_dict(saved)
    assert (opt.lr, opt.eps) == (0.1, 1e-8)


def test_a_readers_own_setting_is_still_named_at_step() -> None:
    # A name torch's optimisers do not have is the reader's to check; step()
    # names it when its update fails on it (Optimizer._not_a_number).
    class Scaled(cw.Optimizer):
        def __init__(self, params: Any, lr: float = 0.1, scale: float = 1.0) -> None:
            super().__init__(params)
            self.lr = lr
            self.scale = scale

        def _update(self, theta: float, grad: float, _state: dict[str, float]) -> float:
            return theta - self.lr * self.scale * grad

    p = Value(1.0)
    opt = Scaled([p])
    opt.param_groups[0]["scale"] = "big"
    p.grad = 1.0
    with pytest.raises(cw.ArgumentTypeError, match=r"Scaled\.scale was set to 'big'"):
        opt.step()
    with pytest.raises(cw.InvalidArgumentError, match="Invalid learning rate"):
        opt.lr = -0.1


# --- Value(2.0, requires_grad=True) ---------------------------------------------------


@pytest.mark.parametrize(
    "keywords",
    [
        {"requires_grad": True},
        {"requires_grad": False},
        {"dtype": "float32", "device": "cpu"},
        {"label": "a"},  # micrograd's lectures name their values so
    ],
)
def test_a_torch_keyword_to_value_is_refused_with_what_value_takes(
    keywords: dict[str, object],
) -> None:
    # Was a bare TypeError: "Value.__init__() got an unexpected keyword argument".
    with pytest.raises(cw.ArgumentTypeError) as refusal:
        Value(2.0, **keywords)  # type: ignore[arg-type]
    message = str(refusal.value)
    noun = "argument" if len(keywords) == 1 else "arguments"
    assert f"unknown keyword {noun} {', '.join(map(repr, keywords))};" in message
    assert "it takes one argument, the number: Value(2.0)" in message
    assert "requires_grad has no counterpart" in message


def test_values_made_without_keywords_are_unchanged() -> None:
    x = Value(2)
    y = x * x
    y.backward()
    assert (x.data, type(x.data), x.grad, y.inputs) == (2.0, float, 4.0, (x, x))


# --- cross_entropy's gradient where the true class's probability rounds to 1 -------


def _exact_gradients(case: dict[str, Any]) -> list[list[Any]]:
    """mpmath's gradient of the mean loss of a recorded case, at 450 digits."""
    mpmath = pytest.importorskip("mpmath")
    with mpmath.workdps(450):  # exp(-450) is 1e-196: fewer digits would lose 1 - s_k
        batch = isinstance(case["logits"][0], list)
        rows = case["logits"] if batch else [case["logits"]]
        targets = case["target"] if batch else [case["target"]]
        classes = len(rows[0])
        w = case["weight"] or [1.0] * classes
        grads, count = [], mpmath.mpf(0)
        for z, t in zip(rows, targets, strict=True):
            y = t if isinstance(t, list) else [float(j == t) for j in range(classes)]
            count += 1 if isinstance(t, list) else w[t]
            e = [mpmath.exp(mpmath.mpf(zj)) for zj in z]
            s = [ej / mpmath.fsum(e) for ej in e]
            shares = [mpmath.mpf(wc) * yc for wc, yc in zip(w, y, strict=True)]
            grads.append([mpmath.fsum(shares) * sj - a for sj, a in zip(s, shares, strict=True)])
        return [[g / count for g in row] for row in grads]


def _exact_loss(case: dict[str, Any]) -> Any:
    """mpmath's mean loss of a recorded case with class indices, at 450 digits."""
    mpmath = pytest.importorskip("mpmath")
    with mpmath.workdps(450):
        batch = isinstance(case["logits"][0], list)
        rows = case["logits"] if batch else [case["logits"]]
        targets = case["target"] if batch else [case["target"]]
        w = case["weight"] or [1.0] * len(rows[0])
        total, count = mpmath.mpf(0), mpmath.mpf(0)
        for z, t in zip(rows, targets, strict=True):
            log_sum = mpmath.log(mpmath.fsum(mpmath.exp(mpmath.mpf(zj)) for zj in z))
            total += w[t] * (log_sum - mpmath.mpf(z[t]))
            count += w[t]
        return total / count


@pytest.mark.parametrize("case", TORCH_CASES, ids=lambda case: repr(case["logits"]))
def test_the_gradient_of_a_probability_rounding_to_1_keeps_its_digits(
    case: dict[str, Any],
) -> None:
    # Was 0.0 for the true class of logits (0, -450) (softmax - 1, with the softmax
    # rounded to 1.0), as torch's is; mpmath's is -3.69e-196. Now within 1e-13 of
    # mpmath, and within torch's rounding (2.2e-16) of torch's.
    batch = isinstance(case["logits"][0], list)
    rows = [[Value(z) for z in row] for row in (case["logits"] if batch else [case["logits"]])]
    loss = cw.cross_entropy(rows if batch else rows[0], case["target"], weight=case["weight"])
    loss.backward()
    ours = [[v.grad for v in row] for row in rows]
    torchs = case["grads"] if batch else [case["grads"]]
    for row, exact_row, torch_row in zip(ours, _exact_gradients(case), torchs, strict=True):
        for g, exact, theirs in zip(row, exact_row, torch_row, strict=True):
            assert abs(g - exact) <= 1e-13 * abs(exact)
            assert abs(g - theirs) <= 2.3e-16
    assert loss.data == pytest.approx(case["value"], rel=0.0, abs=2.3e-16)


@pytest.mark.parametrize(
    "case",
    [case for case in TORCH_CASES if repr(case["target"]) != "[1.0, 0.0]"],  # class indices
    ids=lambda case: repr(case["logits"]),
)
def test_a_loss_near_0_keeps_its_digits(case: dict[str, Any]) -> None:
    # Was log(1.0 + 3.7e-196) = 0.0 for logits (0, -450), class 0 (torch's too), and
    # 2.2e-16 for mpmath's 1.6e-16 at (0, -36.37); now log1p of the others' sum.
    batch = isinstance(case["logits"][0], list)
    rows = [[Value(z) for z in row] for row in (case["logits"] if batch else [case["logits"]])]
    loss = cw.cross_entropy(rows if batch else rows[0], case["target"], weight=case["weight"])
    exact = _exact_loss(case)
    assert abs(loss.data - exact) <= 1e-13 * abs(exact)
    assert cw.log_softmax([0.0, -450.0])[0] == -3.693883068487256e-196
