"""What the fresh review of the optimisation and network pages made exact (issue 17).

Each statement the review corrected is checked here against an independent
computation: the hypothesis of Lagrange's condition and its counterexample
(constrained), weight decay as the optimisers apply it and the saddle's growth
factor (optimizers), an L2 step on the penalty alone (regularization), the
exercise's range of learning rates (gradient-descent), and the link that
replaced backprop-layers' second telling of the sigmoid mistake.
"""

from __future__ import annotations

import math
import re
from typing import Any

import numpy as np
import pytest

import calcweb
from calcweb import Value

from .pages import DOCS, runs_by_id


def text(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def flat(name: str) -> str:
    """The page's text with its line breaks and indentation folded into single spaces."""
    return re.sub(r"\s+", " ", text(name))


# ------------------------------------------------------------------ constrained


def test_lagrange_condition_states_its_hypothesis_and_a_counterexample() -> None:
    page = flat("constrained.md")
    assert r"continuously differentiable and \(\nabla g(x^\ast) \ne 0\)" in page
    assert r"the minimum of \(f(x, y) = y\) on the cusp \(g(x, y) = y^3 - x^2 = 0\)" in page
    # On y^3 = x^2, y = |x|^(2/3) >= 0 with equality only at x = 0: the minimum of y is (0, 0).
    xs = np.linspace(-1, 1, 2001)
    ys = np.abs(xs) ** (2 / 3)
    assert np.allclose(ys**3, xs**2)
    assert ys.min() == 0.0
    assert xs[ys.argmin()] == 0.0
    # There grad f = (0, 1) and grad g = (-2x, 3y^2) = (0, 0):
    # no lambda gives grad f = lambda grad g.
    assert calcweb.grad(lambda p: p[1])([0.0, 0.0]) == [0.0, 1.0]
    assert calcweb.grad(lambda p: p[1] ** 3 - p[0] ** 2)([0.0, 0.0]) == [0.0, 0.0]


# ------------------------------------------------------------------ optimizers


@pytest.mark.parametrize(
    ("optimizer", "options"),
    [
        (calcweb.SGD, {"lr": 0.1}),
        (calcweb.SGD, {"lr": 0.1, "momentum": 0.9}),
        (calcweb.Adagrad, {"lr": 0.1, "lr_decay": 0.1}),
        (calcweb.RMSprop, {"lr": 0.01, "centered": True, "momentum": 0.5}),
        (calcweb.Adam, {"lr": 0.01, "amsgrad": True}),
    ],
)
def test_weight_decay_is_added_to_the_gradient_first(
    optimizer: Any, options: dict[str, object]
) -> None:
    """The notation: these optimisers step with g + lambda theta, as without decay on that g."""
    decayed, plain = Value(1.5), Value(1.5)
    with_decay = optimizer([decayed], weight_decay=0.3, **options)
    without = optimizer([plain], **options)
    for g in (0.7, -0.2, 0.0, 1.3, 0.4):
        decayed.grad, plain.grad = g, g + 0.3 * plain.data
        with_decay.step()
        without.step()
        assert decayed.data == plain.data
    page = flat("optimizers.md")
    assert r"SGD, Adagrad, RMSprop and Adam apply weight decay first" in page
    assert r"\(g_t \leftarrow g_t + \lambda \theta_{t-1}\)" in page


def test_adamw_does_not_add_weight_decay_to_the_gradient() -> None:
    decayed, plain = Value(1.5), Value(1.5)
    adamw = calcweb.AdamW([decayed], lr=0.01, weight_decay=0.3)
    adam = calcweb.Adam([plain], lr=0.01)
    decayed.grad, plain.grad = 0.7, 0.7 + 0.3 * 1.5
    adamw.step()
    adam.step()
    assert decayed.data != plain.data


def test_adagrad_step_sizes_never_grow_and_can_stay() -> None:
    page = flat("optimizers.md")
    assert r"Because \(s_t\) never decreases (and \(\tilde\gamma\) never grows)" in page
    assert "only grows" not in page
    # A zero gradient leaves s_t where it was: "never decreases", not "only grows".
    p = Value(1.0)
    adagrad = calcweb.Adagrad([p], lr=0.1)
    p.grad = 2.0
    adagrad.step()
    before = adagrad.state[p]["sum"]
    p.grad = 0.0
    adagrad.step()
    assert adagrad.state[p]["sum"] == before == 4.0


def test_saddle_growth_factor_is_below_one_plus_two_gamma() -> None:
    page = flat("optimizers.md")
    assert (
        r"a step multiplies \(y\) by \(1 + 2\gamma - \gamma y^2\), less than \(1 + 2\gamma\)"
        in (page)
    )
    # Plain gradient descent on x^2 - y^2 + y^4/4 from (1, 1e-3), lr 0.05, by the factor.
    gamma, y = 0.05, 1e-3
    for _ in range(40):
        y *= 1 + 2 * gamma - gamma * y * y
    (y_sgd,) = runs_by_id(DOCS / "optimizers.md")["saddle-escape"].after("sgd: y after 40 steps =")
    assert y_sgd == pytest.approx(round(y, 4), abs=1e-12)
    assert y < 1e-3 * (1 + 2 * gamma) ** 40


# ------------------------------------------------------------------ regularization


@pytest.mark.parametrize(("gamma", "lam"), [(0.05, 0.2), (0.1, 1.0), (0.3, 0.5)])
def test_an_l2_step_multiplies_every_weight_by_one_factor(gamma: float, lam: float) -> None:
    weights = [Value(3.0), Value(-0.5), Value(0.01)]
    start = [w.data for w in weights]
    optimizer = calcweb.SGD(weights, lr=gamma)
    calcweb.l2_penalty(weights, lam).backward()
    optimizer.step()
    for w, w0 in zip(weights, start, strict=True):
        assert w.data == pytest.approx(w0 * (1 - 2 * gamma * lam), rel=1e-15)
    assert r"the same factor \(1 - 2\gamma\lambda\), which, for \(2\gamma\lambda < 1\)" in flat(
        "regularization.md"
    )


# ------------------------------------------------------------------ gradient-descent


def test_exercise_on_five_theta_squared_needs_a_nonzero_start() -> None:
    def run(alpha: float, theta: float, steps: int = 2000) -> float:
        for _ in range(steps):
            theta -= alpha * 10 * theta
        return theta

    assert abs(run(0.199, 1.0)) < 1e-6  # below 2/10: converges
    assert abs(run(0.2, 1.0)) == 1.0  # at 2/10: jumps between +1 and -1
    assert abs(run(0.21, 1.0)) > 1.0  # above: diverges
    assert run(0.5, 0.0) == 0.0  # from 0 every rate "converges": hence theta_0 != 0
    assert r"from any start \(\theta_0 \ne 0\)" in flat("gradient-descent.md")


# ------------------------------------------------------------------ backpropagation


def test_second_backward_text_and_behaviour() -> None:
    page = flat("backpropagation.md")
    assert "PyTorch frees the values a graph saved for its backward pass" in page
    assert "calcweb keeps them" in page
    p = Value(3.0)
    y = p * p
    y.backward()
    y.backward()  # calcweb keeps what the graph saved: a second sweep adds 2p again
    assert p.grad == 2 * 2 * 3.0


# ------------------------------------------------------------------ backprop-layers


def test_backprop_layers_links_the_sigmoid_mistake_instead_of_repeating_it() -> None:
    layers = text("backprop-layers.md")
    assert "activations.md#the-sigmoids-derivative-through-its-output" in layers
    assert "x * (1 - x)" not in layers  # told once, on the activations page
    assert "## The sigmoid's derivative through its output" in text("activations.md")


# ------------------------------------------------------------------ exercises


def test_exercises_ask_for_exact_answers_where_a_rounded_one_is_refused() -> None:
    """check() accepts a relative error of 1e-6: the exact forms pass, roundings do not."""
    log_three = calcweb.cross_entropy([Value(0.0)] * 3, 1).data
    assert calcweb.check(math.log(3), log_three)
    assert not calcweb.check(1.09861, log_three)  # 6 significant digits: 2.1e-6 off
    assert calcweb.check(1.098612, log_three)
    assert calcweb.check(math.log(3) * (1 + 1e-6), log_three)
    assert not calcweb.check(math.log(3) * (1 + 1.1e-6), log_three)
    assert calcweb.check([1 / 3, 1 / 3 - 1, 1 / 3], [1 / 3, 1 / 3 - 1, 1 / 3])
    assert not calcweb.check([0.3333, -0.6667, 0.3333], [1 / 3, 1 / 3 - 1, 1 / 3])
    assert calcweb.check(5 / 3, 2 / (1 + 0.2))
    assert not calcweb.check(1.667, 2 / (1 + 0.2))
    w = Value(2.0)
    (w * -1.0).sigmoid().backward()
    s = calcweb.sigmoid(-2.0)
    assert calcweb.check(s * (1 - s) * -1.0, w.grad)
    assert not calcweb.check(-0.105, w.grad)
    assert "Enter it exactly, as a Python expression (`math` is imported)" in flat("losses.md")
    assert "exactly (fractions such as `1 / 3` are Python)" in flat("losses.md")
    assert "enter the exact value: a fraction such as `7 / 3` is Python" in flat(
        "regularization.md"
    )
    assert "with `calcweb.sigmoid` for \\(\\sigma\\)" in flat("backpropagation.md")
    for page in ("losses.md", "backpropagation.md"):
        assert r"the check accepts a relative error of at most \(10^{-6}\)" in flat(page)
