"""The numbers of the page "Vanishing and exploding gradients".

The page backpropagates through deep networks of calcweb ``Value``s. Here
the same networks (the weights calcweb's ``MLP`` draws for the page's seeds)
are run forward and backward in numpy with the layer rules
g_{k-1} = W_kᵀ diag(φ'(z_k)) g_k, and every printed number is checked
against that replay or a closed form. The statistical claims about He
initialisation are checked by numpy Monte Carlo over many random networks.
The exercises run with the right answer (the check passes) and a wrong one
(it fails).
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Callable

import numpy as np
import pytest

from calcweb import MLP
from calcweb._cell import CellResult, run_cell

from .pages import DOCS, Run, cells, runs_by_id

PAGE = DOCS / "vanishing-gradients.md"
WIDTH, DEPTH, DRAWS = 16, 16, 5
INITS = {"small": 0.01, "Xavier": "xavier_normal", "He": "kaiming_normal"}
NUMBER = r"[-+]?\d+\.?\d*(?:e[-+]?\d+)?"

Activation = tuple[Callable[[np.ndarray], np.ndarray], Callable[[np.ndarray], np.ndarray]]


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


ACTIVATIONS: dict[str, Activation] = {
    "sigmoid": (_sigmoid, lambda z: _sigmoid(z) * (1.0 - _sigmoid(z))),
    "tanh": (np.tanh, lambda z: 1.0 - np.tanh(z) ** 2),
    "relu": (lambda z: np.maximum(z, 0.0), lambda z: (z > 0).astype(float)),
}


def page() -> dict[str, Run]:
    return runs_by_id(PAGE)


def page_input() -> np.ndarray:
    rng = random.Random(0)  # noqa: S311 - the page's own seeded draw
    return np.array([rng.gauss(0, 1) for _ in range(WIDTH)])


def weights(activation: str, init: str | float, seed: int) -> list[tuple[np.ndarray, np.ndarray]]:
    """The (W, b) of each layer of the page's network, as calcweb draws them."""
    model = MLP(WIDTH, [WIDTH] * DEPTH + [1], activation=activation, init=init, seed=seed)
    return [
        (
            np.array([[w.data for w in n.w] for n in layer.neurons]),
            np.array([n.b.data for n in layer.neurons]),
        )
        for layer in model.layers
    ]


def replay(
    layers: list[tuple[np.ndarray, np.ndarray]], x: np.ndarray, activation: str, residual: bool
) -> tuple[list[np.ndarray], list[np.ndarray], list[np.ndarray]]:
    """h_0..h_n, z_1..z_n and g_0..g_n = ∂y/∂h_k, by numpy and the layer rules."""
    phi, slope = ACTIVATIONS[activation]
    hs, zs = [x], []
    for w, b in layers[:-1]:
        z = w @ hs[-1] + b
        zs.append(z)
        hs.append(hs[-1] + phi(z) if residual else phi(z))
    g = layers[-1][0][0].copy()
    gs = [g]
    for (w, _), z in zip(reversed(layers[:-1]), reversed(zs), strict=True):
        g = (g if residual else 0.0) + w.T @ (slope(z) * g)
        gs.append(g)
    return hs, zs, gs[::-1]


def ratio(activation: str, init: str | float, seed: int, residual: bool = False) -> float:
    gs = replay(weights(activation, init, seed), page_input(), activation, residual)[2]
    return float(np.linalg.norm(gs[0]) / np.linalg.norm(gs[-1]))


def test_table_of_gradient_norms() -> None:
    rows = page()["gradient-norms"].stdout.splitlines()[1:]
    assert len(rows) == 9
    table = {}
    for row in rows:
        activation, name, *numbers = row.split()
        table[activation, name] = [float(n) for n in re.findall(NUMBER, " ".join(numbers))]
    for activation in ACTIVATIONS:
        for name, init in INITS.items():
            ratios = sorted(ratio(activation, init, seed) for seed in range(DRAWS))
            mid = ratios[DRAWS // 2]
            shown = table[activation, name]
            assert shown[0] == pytest.approx(mid, rel=0.06, abs=0.0)  # printed to 2 digits
            assert shown[1] == pytest.approx(mid ** (1 / DEPTH), abs=6e-4)
            assert shown[2:] == pytest.approx([ratios[0], ratios[-1]], rel=0.06, abs=0.0)
    per_layer = {key: values[1] for key, values in table.items()}
    # The prose: small weights lose a factor of 20 or more per layer, less than 1e-22 is left.
    assert all(per_layer[a, "small"] <= 1 / 20 for a in ACTIVATIONS)
    assert all(table[a, "small"][3] < 1e-22 for a in ACTIVATIONS)
    # The sigmoid: more than a factor 3 per layer whatever the initialisation, under its bounds.
    assert all(per_layer["sigmoid", name] < 1 / 3 for name in INITS)
    assert per_layer["sigmoid", "Xavier"] < 0.25
    assert per_layer["sigmoid", "He"] < math.sqrt(2) / 4
    # tanh with He weights: within a factor of about 2 (at most 2.2) in each draw.
    low, high = table["tanh", "He"][2:]
    assert low >= 1 / 2.2
    assert high <= 2.2
    # The numbers quoted in the prose.
    quoted = {
        ("sigmoid", "small"): 0.010,
        ("tanh", "small"): 0.040,
        ("relu", "small"): 0.023,
        ("sigmoid", "Xavier"): 0.231,
        ("sigmoid", "He"): 0.305,
        ("tanh", "Xavier"): 0.867,
        ("tanh", "He"): 0.982,
        ("relu", "Xavier"): 0.583,
        ("relu", "He"): 0.825,
    }
    assert {key: per_layer[key] for key in quoted} == quoted
    assert table["relu", "He"][2:] == pytest.approx([5e-3, 1.5], rel=0.1)


def test_figure_shows_the_medians() -> None:
    svg = page()["gradient-figure"].value._repr_svg_()  # type: ignore[attr-defined]
    assert "Xavier weights" in svg
    for activation in ACTIVATIONS:
        assert activation in svg


def test_relu_units_are_active_half_the_time() -> None:
    """He weights, biases 0: each ReLU's z is symmetric about 0, so φ' = 1 half the time."""
    active = []
    for seed in range(DRAWS):
        zs = replay(weights("relu", "kaiming_normal", seed), page_input(), "relu", False)[1]
        active.append(np.mean(np.concatenate(zs) > 0))
    assert np.mean(active) == pytest.approx(0.5, abs=0.03)  # 5 x 256 units


def he_relu_ratios(width: int, depth: int, trials: int, seed: int) -> np.ndarray:
    """‖g_0‖ / ‖g_n‖ of many random ReLU networks with He weights, zero biases."""
    rng = np.random.default_rng(seed)
    out = np.empty(trials)
    std = math.sqrt(2 / width)
    for t in range(trials):
        h = rng.standard_normal(width)
        ws = [rng.standard_normal((width, width)) * std for _ in range(depth)]
        g = rng.standard_normal(width) * std
        last = np.linalg.norm(g)
        masks = []
        for w in ws:
            z = w @ h
            masks.append(z > 0)
            h = np.maximum(z, 0.0)
        for w, mask in zip(reversed(ws), reversed(masks), strict=True):
            g = w.T @ (mask * g)
        out[t] = np.linalg.norm(g) / last
    return out


def test_he_keeps_the_mean_while_narrow_draws_scatter() -> None:
    narrow = he_relu_ratios(16, 16, 3000, seed=1)
    # The mean of ‖g_0‖²/‖g_16‖² is about 1 (heavy-tailed, hence the loose bound) ...
    assert 0.6 < np.mean(narrow**2) < 1.5
    # ... most draws fall below it, a few far above.
    assert np.mean(narrow < 1) > 0.75
    assert np.mean(narrow > 2) > 0.02

    def spread(ratios: np.ndarray) -> float:
        q1, q3 = np.quantile(np.log(ratios[ratios > 0]), [0.25, 0.75])
        return float(q3 - q1)

    assert spread(he_relu_ratios(16, 8, 3000, seed=2)) < spread(narrow)  # grows with depth
    assert spread(he_relu_ratios(64, 16, 600, seed=3)) < spread(narrow) / 2  # shrinks with width


def test_sigmoid_chain_explodes() -> None:
    shown = re.fullmatch(
        r"h_16 = (\S+), dh_16/dh_0 = (\d+) = 2\^(\d+)\n", page()["sigmoid-chain"].stdout
    )
    assert shown is not None
    assert float(shown[1]) == 0.5  # the fixed point: 8 * 0.5 - 4 = 0, sigmoid(0) = 0.5
    assert int(shown[2]) == (8 * 0.25) ** DEPTH == 65_536  # 8 sigmoid'(0) = 2 per unit
    assert int(shown[3]) == DEPTH


def test_residual_connections() -> None:
    lines = page()["residual"].stdout.splitlines()
    assert len(lines) == 3
    for line, activation in zip(lines, ACTIVATIONS, strict=True):
        without, with_skips = (float(n) for n in re.findall(r"skips\s+(" + NUMBER + ")", line))
        assert without == pytest.approx(ratio(activation, "xavier_normal", 0), rel=0.03, abs=0.0)
        assert with_skips == pytest.approx(
            ratio(activation, "xavier_normal", 0, residual=True), rel=0.005
        )
    sigmoid_skips = float(re.findall(r"skips\s+(" + NUMBER + ")", lines[0])[1])
    relu_skips = float(re.findall(r"skips\s+(" + NUMBER + ")", lines[2])[1])
    assert sigmoid_skips > 1  # "no longer vanishes"
    assert round(relu_skips) == 46  # "about 46"


def test_penalty_and_adam_do_not_change_the_product() -> None:
    layers = weights("sigmoid", "xavier_normal", 0)
    hs, zs, gs = replay(layers, page_input(), "sigmoid", residual=False)
    slope = ACTIVATIONS["sigmoid"][1]

    def weight_gradient(k: int) -> np.ndarray:  # ∂y/∂W_k = (D_k g_k) h_{k-1}ᵀ, k = 1..16
        return np.outer(slope(zs[k - 1]) * gs[k], hs[k - 1])

    first, last = weight_gradient(1), weight_gradient(DEPTH)
    lines = page()["cures-that-are-not"].stdout.splitlines()
    data_first, data_last = (float(n) for n in re.findall(r"= (" + NUMBER + ")", lines[0]))
    assert data_first == pytest.approx(np.linalg.norm(first), rel=5e-3, abs=0.0)
    assert data_last == pytest.approx(np.linalg.norm(last), rel=5e-3, abs=0.0)
    assert lines[1] == "with L2 (λ = 0.01): the gradient of W_1 changes by " + lines[1].split()[-1]
    added = float(lines[1].split()[-1])
    expected = 2 * 0.01 * np.linalg.norm(layers[0][0])
    assert added == pytest.approx(expected, rel=5e-3)
    off = float(lines[2].split(":")[1])
    assert off <= 1e-17  # the change is 2λW_1, up to rounding
    # Adam's first step: lr * g / (|g| + eps), eps = 1e-8.
    first_moves = 0.01 * np.abs(first) / (np.abs(first) + 1e-8)
    last_moves = 0.01 * np.abs(last) / (np.abs(last) + 1e-8)
    largest_first, smallest_last, largest_last = (
        float(n) for n in re.findall(NUMBER + r"e[-+]\d+", lines[3])
    )
    assert largest_first == pytest.approx(first_moves.max(), rel=0.06)
    assert smallest_last == pytest.approx(last_moves.min(), rel=5e-3)
    assert largest_last == pytest.approx(last_moves.max(), rel=5e-3)
    # The prose: about 3e-11, about 0.08, at most about 1e-5, nearly the full 0.01.
    assert round(np.linalg.norm(first), 11) == 3e-11
    assert round(expected, 2) == 0.08
    assert 1e-5 <= first_moves.max() < 1.5e-5
    assert last_moves.min() > 0.0099


def with_answers(answers: dict[str, str]) -> dict[str, CellResult]:
    """Run the exercise cells with ``answer = None`` replaced by an answer.

    The exercises need only the page's imports, so the other cells are
    skipped (they are slow, and run in the other tests).
    """
    all_cells = cells(PAGE)
    imports = "\n".join(
        dict.fromkeys(  # every cell's imports, once each, in page order
            line
            for cell in all_cells
            for line in cell.code.splitlines()
            if line.startswith(("import", "from"))
        )
    )
    namespace: dict[str, object] = {"__name__": "__main__"}
    assert run_cell(imports, namespace, "<imports>").error is None
    results = {}
    for index, cell in enumerate(all_cells):
        if cell.id in answers:
            assert "answer = None" in cell.code
            code = cell.code.replace("answer = None", f"answer = {answers[cell.id]}", 1)
            results[cell.id] = run_cell(code, namespace, f"<cell {index + 1}>")
    return results


def test_exercises() -> None:
    names = ["exercise-chain", "exercise-he-std", "exercise-residual"]
    # 12 sigmoid'(0) = 3 per unit; sqrt(2/50); 1 + 0.5 tanh'(0) = 1.5 per block.
    right = with_answers(dict(zip(names, ["3.0 ** 10", "0.2", "1.5 ** 10"], strict=True)))
    wrong = with_answers(dict(zip(names, ["0.25 ** 10", "math.sqrt(1 / 50)", "1.0"], strict=True)))
    for name in names:
        assert right[name].value.passed is True  # type: ignore[attr-defined]
        assert wrong[name].value.passed is False  # type: ignore[attr-defined]
