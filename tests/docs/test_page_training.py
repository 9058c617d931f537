"""The training page's equations are what its cells compute (issue 17: pages with cells have math).

The page writes the linear neuron's model, loss and SGD step, and the XOR
network, its mean binary cross-entropy and Adam's update. Each is replayed
here in numpy from those equations alone, from the cells' own data and initial
weights, and must give what the cells print.
"""

from __future__ import annotations

import random
import re

import numpy as np
import pytest

import calcweb

from .pages import DOCS, cells, runs_by_id

PAGE = DOCS / "training.md"


def test_the_equations_are_on_the_page() -> None:
    text = PAGE.read_text(encoding="utf-8")
    for formula in (
        r"\hat y_i = w x_i + b",
        r"L(w, b) = \frac{1}{50} \sum_{i=1}^{50} (\hat y_i - y_i)^2",
        r"(w, b) \leftarrow (w, b) - \gamma\, \nabla L(w, b)",
        r"\nabla L(w, b) = \frac{2}{50} \sum_i (\hat y_i - y_i)\,(x_i, 1)",
        r"h = \tanh(W_1 x + b_1)",
        r"z = w_2^\top h + b_2",
        r"p = \sigma(z) = \frac{1}{1 + e^{-z}}",
        r"L(\theta) = \frac14 \sum_{i=1}^{4} \ell_i",
        r"\ell_i = -\big[\, y_i \log p_i + (1 - y_i) \log(1 - p_i) \,\big]",
        r"m_t = \beta_1 m_{t-1} + (1 - \beta_1)\, g_t",
        r"v_t = \beta_2 v_{t-1} + (1 - \beta_2)\, g_t^2",
        r"\theta_t = \theta_{t-1} - \gamma\, \frac{m_t / (1 - \beta_1^t)}",
        r"{\sqrt{v_t / (1 - \beta_2^t)} + \varepsilon}",
    ):
        assert formula in text, formula
    # The constants the prose gives are the cells' own.
    code = {cell.id: cell.code for cell in cells(PAGE) if cell.id}
    assert "calcweb.SGD([w, b], lr=0.1)" in code["linear-neuron"]
    assert "range(50)" in code["linear-neuron"]
    assert "calcweb.Adam(model.parameters(), lr=0.05)" in code["xor"]
    assert r"\(\gamma = 0.1\)" in text
    assert r"\(\gamma = 0.05\)" in text
    adam = calcweb.Adam([calcweb.Value(0.0)])
    assert (adam.betas, adam.eps) == ((0.9, 0.999), 1e-8)


def test_linear_neuron_is_the_written_sgd_on_the_written_loss() -> None:
    rng = random.Random(1)  # noqa: S311 - the cell's data, drawn as the cell draws it
    xs = np.array([rng.uniform(-2, 2) for _ in range(50)])
    ys = np.array([1.5 * x - 0.7 + rng.gauss(0, 0.05) for x in xs])
    w = b = 0.0
    gamma = 0.1
    for _ in range(100):
        residuals = w * xs + b - ys
        loss = float(np.mean(residuals**2))  # L(w, b), before the step
        dw, db = 2 / 50 * residuals @ xs, 2 / 50 * residuals.sum()
        w, b = w - gamma * dw, b - gamma * db
    printed = runs_by_id(PAGE)["linear-neuron"].stdout.strip()
    # The loss printed is L at the parameters before the last step, as the page says.
    assert printed == f"w = {w:.4f}, b = {b:.4f}, loss = {loss:.5f}"


def _initial_weights() -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """W1, b1, w2, b2 of MLP(2, [4, 1], seed=0), in parameters() order (weights, then bias)."""
    values = [p.data for p in calcweb.MLP(2, [4, 1], activation="tanh", seed=0).parameters()]
    hidden = np.array(values[:12]).reshape(4, 3)
    return hidden[:, :2].copy(), hidden[:, 2].copy(), np.array(values[12:16]), values[16]


def test_xor_network_is_the_written_network_loss_and_adam() -> None:
    x = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    y = np.array([0.0, 1.0, 1.0, 0.0])
    w1, b1, w2, b2 = _initial_weights()
    theta = np.concatenate([np.column_stack([w1, b1]).ravel(), w2, [b2]])
    m = np.zeros_like(theta)
    v = np.zeros_like(theta)
    gamma, beta1, beta2, eps = 0.05, 0.9, 0.999, 1e-8

    def forward(theta: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        hidden = theta[:12].reshape(4, 3)
        h = np.tanh(x @ hidden[:, :2].T + hidden[:, 2])  # h = tanh(W1 x + b1), row by row
        z = h @ theta[12:16] + theta[16]  # z = w2ᵀh + b2
        return h, z, 1 / (1 + np.exp(-z))  # p = sigmoid(z)

    losses, closest = [], 1.0
    for t in range(1, 301):
        h, _, p = forward(theta)
        closest = min(closest, float(np.min(p)), float(np.min(1 - p)))
        losses.append(float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))))
        # g = ∇L by hand: dL/dz_i = (p_i - y_i)/4, then back through the layers.
        dz = (p - y) / 4
        dh = np.outer(dz, theta[12:16]) * (1 - h**2)
        grad = np.concatenate(
            [np.column_stack([dh.T @ x, dh.sum(axis=0)]).ravel(), h.T @ dz, [dz.sum()]]
        )
        m = beta1 * m + (1 - beta1) * grad
        v = beta2 * v + (1 - beta2) * grad**2
        theta = theta - gamma * (m / (1 - beta1**t)) / (np.sqrt(v / (1 - beta2**t)) + eps)
    run = runs_by_id(PAGE)["xor"]
    (final,) = run.after("final loss:")
    assert final == pytest.approx(losses[-1], rel=1e-9)
    shown = [float(n) for n in re.findall(r"-> ([\d.]+)", run.stdout)]
    assert shown == [round(float(q), 3) for q in forward(theta)[2]]
    # "no p_i of this run comes near enough to 0 or 1": the log clamp (-100) and
    # torch's p(1 - p) >= 1e-12 guard never act.
    assert closest > 1e-6


def test_the_exercise_on_plain_sgd_has_an_answer() -> None:
    """Exercise 2 asks for a rate that gets below 0.05 in 300 steps: 0.5 does, 0.1 does not."""
    code = next(cell.code for cell in cells(PAGE) if "lr=0.1)  # try other" in cell.code)
    for lr, accepted in ((0.1, False), (0.5, True)):
        namespace: dict[str, object] = {
            "calcweb": calcweb,
            "inputs": [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]],
            "labels": [0.0, 1.0, 1.0, 0.0],
        }
        exec(code.replace("lr=0.1)", f"lr={lr})"), namespace)  # noqa: S102 - the page's cell
        loss = namespace["loss"].data  # type: ignore[attr-defined]
        assert (loss < 0.05) is accepted
        assert str(calcweb.check(loss, 0.0, atol=0.05)).startswith("✓") is accepted
