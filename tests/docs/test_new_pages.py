"""The numbers of the pages "Convexity and step sizes" and "Backpropagation through layers".

Each cell's printed numbers are checked against an independent oracle: numpy
(eigenvalues, linear solves, a vectorised network), closed forms, or a
replay of the iteration in numpy. The exercises are run with the right
answer (the check must pass) and with a wrong one (it must not).
"""

from __future__ import annotations

import math
import random
import re
from pathlib import Path

import numpy as np
import pytest

from .pages import DOCS, Run, cells, runs_by_id, with_answers

CONVEXITY = DOCS / "convexity.md"
LAYERS = DOCS / "backprop-layers.md"


def runs(page: Path) -> dict[str, Run]:
    return runs_by_id(page)


def floats(text: str) -> list[float]:
    """The numbers in ``text`` (a thousands separator joins the digits)."""
    return [float(n.replace(",", "")) for n in re.findall(r"-?\d[\d,]*\.?\d*(?:e[-+]?\d+)?", text)]


# ------------------------------------------------------------------ convexity


def double_well_minima() -> tuple[float, float]:
    """The two minima of x**4 - 3x**2 + x: roots of 4x**3 - 6x + 1 where 12x**2 - 6 > 0."""
    roots = sorted(r.real for r in np.roots([4.0, 0.0, -6.0, 1.0]) if abs(r.imag) < 1e-12)
    minima = [r for r in roots if 12 * r * r - 6 > 0]
    assert len(minima) == 2
    return minima[0], minima[1]


def test_convexity_chords() -> None:
    convex, well = (
        int(n) for n in re.findall(r"(\d+) of 2000 chords", runs(CONVEXITY)["chord-test"].stdout)
    )
    assert convex == 0  # a convex function has no chord below its graph
    # The share of the double well's chords below the graph, by 10⁶ chords in numpy.
    rng = np.random.default_rng(7)
    x, y, t = rng.uniform(-2, 2, 10**6), rng.uniform(-2, 2, 10**6), rng.random(10**6)

    def f(u: np.ndarray) -> np.ndarray:
        return u**4 - 3 * u**2 + u

    share = np.mean(f(t * x + (1 - t) * y) > t * f(x) + (1 - t) * f(y) + 1e-12)
    assert well / 2000 == pytest.approx(share, abs=0.06)  # 5 binomial standard deviations


def test_convexity_local_minima() -> None:
    left, right = double_well_minima()
    quartic_minimum = -(0.25 ** (1 / 3))
    (*_, x_left, f_left, x_q1), (*_, x_right, f_right, x_q2) = runs(CONVEXITY)[
        "two-starts"
    ].line_numbers()
    assert (x_left, x_right) == pytest.approx((left, right), abs=1e-6)
    assert (f_left, f_right) == pytest.approx(
        (left**4 - 3 * left**2 + left, right**4 - 3 * right**2 + right), abs=1e-6
    )
    assert (x_q1, x_q2) == pytest.approx((quartic_minimum, quartic_minimum), abs=1e-6)
    assert right == pytest.approx(1.130901, abs=5e-7)  # quoted in the prose
    assert quartic_minimum == pytest.approx(-0.629961, abs=5e-7)
    # The page's chord is drawn between the two minima, which its cell writes out.
    code = next(cell.code for cell in cells(CONVEXITY) if cell.id == "chord-figure")
    written = re.search(r"left, right = (\S+), (\S+)  #", code)
    assert written is not None
    assert (float(written[1]), float(written[2])) == pytest.approx((left, right), abs=1e-10)
    assert "a chord" in runs(CONVEXITY)["chord-figure"].value._repr_svg_()  # type: ignore[attr-defined]


def test_convexity_momentum_is_no_cure_for_local_minima() -> None:
    left, right = double_well_minima()
    plain_a, heavy_a, plain_b, heavy_b = runs(CONVEXITY)["momentum-valleys"].after("->")
    assert (plain_a, heavy_a) == pytest.approx((right, left), abs=1e-6)  # from +2
    assert (plain_b, heavy_b) == pytest.approx((left, right), abs=1e-6)  # from -2.5


def test_convexity_step_sizes() -> None:
    lines = runs(CONVEXITY)["step-sizes"].stdout.splitlines()
    assert floats(lines[0]) == [2.0, 0.0, 0.0, 20.0, 20.0, 2.0, 0.1]
    for factor, line in zip((1.0, 1.9, 2.1), lines[1:4], strict=True):
        alpha = factor / 20
        shown = floats(line.split("steps:")[1])
        # x_k = -2 (1 - 2 alpha)^k, y_k = (1 - 20 alpha)^k: the closed form of the run.
        exact = [
            4 * (1 - 2 * alpha) ** (2 * k) + 10 * (1 - 20 * alpha) ** (2 * k)
            for k in (0, 20, 40, 60)
        ]
        assert shown == pytest.approx(exact, rel=5e-3)  # printed to 3 digits
    assert lines[4].endswith("True")
    assert floats(lines[5].split(":")[1])[:2] == pytest.approx([-1.1, -1.1], abs=1e-6)


def test_convexity_condition_number_and_momentum() -> None:
    page = runs(CONVEXITY)
    a = np.array([[13.0, 12.0], [12.0, 13.0]])
    mu, big = np.linalg.eigvalsh(a)
    first = page["zig-zag"].stdout.splitlines()
    assert floats(first[0]) == [13.0, 12.0, 12.0, 13.0, 25.0, 1.0, 25.0, 2.0, 0.08]
    assert (mu, big) == pytest.approx((1.0, 25.0), rel=1e-14)
    kappa = big / mu
    assert re.findall(r"= ([\d.]+)", first[1]) == ["0.076923", "0.923077"]  # 2/26, 12/13

    def replay(lr: float, beta: float) -> int:
        """Steps until ‖∇f‖ <= 1e-6 for the heavy ball (beta = 0: gradient descent)."""
        x = previous = np.array([3.0, -1.0])
        for k in range(1001):
            if np.linalg.norm(a @ x) <= 1e-6:
                return k
            x, previous = x - lr * (a @ x) + beta * (x - previous), x
        raise AssertionError("no convergence")

    gd_steps = replay(2 / (big + mu), 0.0)
    assert first[2] == f"gradient descent: {gd_steps} steps to ‖∇f‖ <= 1e-6"
    assert gd_steps == 218  # quoted in the prose
    root = math.sqrt(kappa)
    lr, beta = 4 / (math.sqrt(big) + math.sqrt(mu)) ** 2, ((root - 1) / (root + 1)) ** 2
    second = page["heavy-ball"].stdout.splitlines()
    shown = [float(v) for v in re.findall(r"= ([\d.]+)", second[0])]
    assert shown == pytest.approx([lr, beta, (root - 1) / (root + 1)], abs=5e-7)
    assert shown == pytest.approx([1 / 9, 4 / 9, 2 / 3], abs=5e-7)  # quoted: 2/3
    heavy_steps = replay(lr, beta)
    assert floats(second[1]) == [heavy_steps, 1e-6, gd_steps]
    assert heavy_steps == 54  # quoted in the prose
    assert "<svg" in page["heavy-ball"].value._repr_svg_()  # type: ignore[attr-defined]


def test_convexity_newton() -> None:
    a = np.array([[13.0, 12.0], [12.0, 13.0]])
    x0 = np.array([3.0, -1.0])
    x1 = x0 - np.linalg.solve(a, a @ x0)
    numbers = runs(CONVEXITY)["newton-step"].numbers()
    assert numbers[2:4] == pytest.approx(list(x1), abs=1e-15)
    assert numbers[4:] == [0.0, 0.0]


def regression_data() -> tuple[list[float], list[float]]:
    """The page's data set, drawn as its cell draws it."""
    rng = random.Random(0)  # noqa: S311 - the page's own seeded draw
    xs = [rng.uniform(-1, 1) for _ in range(20)]
    ys = [3.0 * x + 0.5 + rng.gauss(0, 0.1) for x in xs]
    return xs, ys


def test_convexity_linear_regression() -> None:
    page = runs(CONVEXITY)
    xs, ys = regression_data()
    design = np.column_stack([xs, np.ones(len(xs))])
    hessian = 2 / len(xs) * design.T @ design
    by_calcweb, by_formula, eigen = page["regression-hessian"].line_numbers()
    assert by_calcweb == pytest.approx(list(hessian.ravel()), abs=1e-9)
    assert by_formula[-4:] == pytest.approx(list(hessian.ravel()), abs=1e-9)
    assert eigen == pytest.approx(list(np.linalg.eigvalsh(hessian)), abs=1e-6)
    assert min(eigen) > 0
    solution = np.linalg.lstsq(design, np.array(ys), rcond=None)[0]
    for row in page["regression-starts"].line_numbers():
        assert row[-2:] == pytest.approx(list(solution), abs=1e-6)


def test_convexity_exercises() -> None:
    names = ["exercise-step-size", "exercise-condition-number", "exercise-not-convex"]
    right = with_answers(CONVEXITY, dict(zip(names, ["1 / 3", "3.0", "-1.0"], strict=True)))
    wrong = with_answers(CONVEXITY, dict(zip(names, ["0.1", "2.0", "1.0"], strict=True)))
    for index in names:
        assert right[index].value.passed is True  # type: ignore[attr-defined]
        assert wrong[index].value.passed is False  # type: ignore[attr-defined]


# ------------------------------------------------------------------ backprop through layers


def softmax(y: np.ndarray) -> np.ndarray:
    e = np.exp(y - y.max())
    return e / e.sum()


def test_layers_linear_layer() -> None:
    page = runs(LAYERS)
    w = np.array([[0.5, -1.0, 2.0], [1.5, 0.3, -0.7]])
    b = np.array([0.1, -0.2])
    x = np.array([1.0, 2.0, -0.5])
    delta = softmax(w @ x + b)
    expected = np.concatenate([np.outer(delta, x).ravel(), delta, w.T @ delta])
    assert page["linear-layer"].numbers() == pytest.approx(list(expected), abs=5e-10)  # 9 decimals
    by_value, by_formula, difference = page["layer-by-value"].line_numbers()
    assert by_value == pytest.approx(list(expected), abs=5e-10)
    assert by_formula == pytest.approx(list(expected), abs=5e-10)
    assert difference == [0.0]


def test_layers_gradient_check() -> None:
    errors = dict(
        re.findall(
            r"h = (\S+): largest relative error (\S+)", runs(LAYERS)["gradient-check"].stdout
        )
    )
    large, good, tiny = (float(errors[h]) for h in ("0.1", "1e-05", "1e-12"))
    assert 1e-11 < good < 1e-8  # "about 10⁻⁹"
    assert large > 100 * good
    assert tiny > 1e6 * good  # "over a million times farther off"


def network() -> tuple[np.ndarray, ...]:
    """The page's data and initial weights, drawn as its cell draws them."""
    rng = random.Random(0)  # noqa: S311 - the page's own seeded draw
    x = [[rng.uniform(-1, 1), rng.uniform(-1, 1)] for _ in range(8)]
    w1 = [[rng.gauss(0, 1) for _ in range(2)] for _ in range(3)]
    w2 = [[rng.gauss(0, 1) for _ in range(3)]]
    inputs = np.array(x)
    return inputs, inputs[:, 0] * inputs[:, 1], np.array(w1), np.zeros(3), np.array(w2), np.zeros(1)


def batch_gradients(
    x: np.ndarray, t: np.ndarray, params: list[np.ndarray]
) -> tuple[float, list[np.ndarray]]:
    """The loss and gradients in matrix form, for the whole batch at once: dL/dW = Delta^T X."""
    w1, b1, w2, b2 = params
    n = len(x)
    h = np.tanh(x @ w1.T + b1)
    out = h @ w2.T + b2
    d2 = 2 / n * (out[:, 0] - t)[:, None]
    d1 = (d2 @ w2) * (1 - h * h)
    return float(np.mean((out[:, 0] - t) ** 2)), [d1.T @ x, d1.sum(0), d2.T @ h, d2.sum(0)]


def test_layers_two_layer_network() -> None:
    page = runs(LAYERS)
    x, t, w1, b1, w2, b2 = network()
    loss, grads = batch_gradients(x, t, [w1, b1, w2, b2])
    numbers = page["two-layer-gradients"].numbers()
    assert numbers[0] == pytest.approx(loss, abs=5e-7)
    assert numbers[-6:] == pytest.approx(list(grads[0].ravel()), abs=5e-7)
    by_value, by_layers = page["two-layer-by-value"].line_numbers()[0]
    assert by_value == pytest.approx(loss, rel=1e-14)
    assert by_layers == pytest.approx(loss, rel=1e-14)
    assert page["two-layer-by-value"].line_numbers()[1] == [13.0, 0.0]
    right, slipped = (line[-1] for line in page["tanh-slip"].line_numbers())
    assert right == 0.0
    assert slipped > 0.1


def test_layers_training() -> None:
    x, t, w1, b1, w2, b2 = network()
    params = [w1, b1, w2, b2]
    expected = []
    for k in range(201):
        loss, grads = batch_gradients(x, t, params)
        if k % 50 == 0:
            expected.append((k, loss))
        params = [p - 0.5 * g for p, g in zip(params, grads, strict=True)]
    shown = [tuple(line) for line in runs(LAYERS)["training"].line_numbers()]
    assert [k for k, _ in shown] == [k for k, _ in expected]
    assert [v for _, v in shown] == pytest.approx([v for _, v in expected], abs=5e-7)
    assert "<svg" in runs(LAYERS)["training"].value._repr_svg_()  # type: ignore[attr-defined]


def test_layers_cost() -> None:
    lines = runs(LAYERS)["backward-cost"].stdout.splitlines()
    assert floats(lines[0]) == [784 * 100 + 100 + 100 * 10 + 10]  # 79,510
    assert floats(lines[1])[-2:] == [78_400 + 1_000, 2 * (78_400 + 1_000) - 78_400]
    assert floats(lines[2]) == [2 * 79_510]


def test_layers_exercises() -> None:
    right = with_answers(
        LAYERS,
        {
            "exercise-pass-on": "[6.5, 9.0]",
            "exercise-weights": "[[0.5, -0.5], [2.0, -2.0]]",
            "exercise-batch": "[[1.0, 3.0], [2.0, -1.0]]",
        },
    )
    wrong = with_answers(
        LAYERS,
        {
            "exercise-pass-on": "[4.5, 9.5]",  # W δ instead of Wᵀ δ
            "exercise-weights": "[[0.5, 2.0], [-0.5, -2.0]]",  # x δᵀ: transposed
            "exercise-batch": "[[1.0, 2.0], [3.0, -1.0]]",  # transposed
        },
    )
    for index in ("exercise-pass-on", "exercise-weights", "exercise-batch"):
        assert right[index].value.passed is True  # type: ignore[attr-defined]
        assert wrong[index].value.passed is False  # type: ignore[attr-defined]
