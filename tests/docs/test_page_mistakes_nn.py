"""The seed posts' mistakes on the optimisation and network pages (issue 17, parts 3 and 4).

Each "Common mistake" admonition is checked to be on its page, and the numbers
its cells print are checked against independent oracles: numpy (a replay of
the same iteration, linear solves, brute force over lines) or closed forms.
Every course page of this group ends with a "Further reading" list of two to
five sources.
"""

from __future__ import annotations

import itertools
import math
import re

import numpy as np
import pytest

from .pages import DOCS, Run, cells, runs_by_id

MISTAKE = '!!! warning "Common mistake"'
SOURCE = (
    "A Chinese blog post on calculus for deep learning, one of those this course\n    grew from"
)
PAGES = [
    "gradient-descent.md",
    "optimizers.md",
    "constrained.md",
    "backpropagation.md",
    "activations.md",
    "losses.md",
    "regularization.md",
    "training.md",
]


def runs(name: str) -> dict[str, Run]:
    return runs_by_id(DOCS / name)


def text(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def admonitions(name: str) -> list[str]:
    """The bodies of the page's "Common mistake" admonitions (their indented lines)."""
    bodies = []
    for chunk in text(name).split(MISTAKE)[1:]:
        lines = []
        for line in chunk.splitlines()[1:]:
            if line and not line.startswith("    "):
                break
            lines.append(line)
        bodies.append("\n".join(lines))
    return bodies


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-z))


# ------------------------------------------------------------------ the admonitions


@pytest.mark.parametrize(
    ("name", "quotes"),
    [
        ("backpropagation.md", ["tf.Session()", "tf.gradients(f(x), x)[0]", "tf.GradientTape()"]),
        (
            "activations.md",
            ["return z * (1 - z)", "sigmoid_gradient(x)", "**1 if \\(x \\ge 0\\)**"],
        ),
        (
            "training.md",
            ["multi-layer\n    perceptron (MLP)", "np.dot(X.T, (sigmoid(np.dot(X, theta)) - y))"],
        ),
        (
            "losses.md",
            ["np.mean((y_true - y_pred) ** 2)", "np.dot(X.T, (sigmoid(np.dot(X, theta)) - y))"],
        ),
        (
            "gradient-descent.md",
            ["(1 / m) * np.sum(h_theta - y)", "(1 / 2) * np.sum((h_theta - y) ** 2)"],
        ),
        (
            "regularization.md",
            ["increasing the model's complexity", "limits the effective complexity"],
        ),
    ],
)
def test_each_mistake_is_named_on_its_page(name: str, quotes: list[str]) -> None:
    bodies = admonitions(name)
    assert bodies, f"no Common mistake admonition on {name}"
    assert SOURCE in bodies[0] or SOURCE in "\n".join(bodies)
    for quote in quotes:
        assert any(quote in body for body in bodies), (name, quote)


def test_the_old_forms_are_gone() -> None:
    """The mistakes said in another form before are now said once, as admonitions."""
    assert "A common mistake" not in text("gradient-descent.md")
    assert "## A common mistake" not in text("activations.md")
    assert len(admonitions("activations.md")) == 2  # sigmoid through its output, ReLU at 0
    assert len(admonitions("gradient-descent.md")) == 2  # m undefined, the loss's scale
    # Momentum and local minima: shown once, on the convexity page, linked from optimizers.
    assert "convex-function-is-global" in text("optimizers.md")
    assert MISTAKE not in text("optimizers.md")
    assert "prevents getting stuck in local optima" in text("convexity.md")


def test_tensorflow_2_form_uses_the_real_api() -> None:
    body = admonitions("backpropagation.md")[0]
    tf2 = body.split("```python")[2]
    for name in ("tf.Variable(1.0)", "with tf.GradientTape() as tape:", "tape.gradient(y, x)"):
        assert name in tf2
    for gone in ("tf.Session", "tf.gradients", "global_variables_initializer"):
        assert gone not in tf2


# ------------------------------------------------------------------ the cells


def test_backpropagation_tensorflow_example() -> None:
    # d(x^2)/dx = 2x at x = 1.
    assert runs("backpropagation.md")["tensorflow-1-gradient"].numbers()[-1] == 2 * 1.0


def test_activations_sigmoid_quoted_value() -> None:
    s = 1 / (1 + math.exp(-2.0))
    assert round(s * (1 - s), 3) == 0.105  # quoted in the admonition
    assert "\\sigma'(2) \\approx 0.105" in admonitions("activations.md")[0]


def test_activations_relu_at_zero() -> None:
    run = runs("activations.md")["relu-at-zero"]
    lines = run.stdout.splitlines()
    assert lines[0].endswith("= 0.0")  # torch's choice, like calcweb's
    # The one-sided difference quotients of max(0, x) at 0 are 1 and 0 for every h.
    assert run.after("from the right") == [1.0, 1.0, 1.0]
    assert run.after("from the left") == [0.0, 0.0, 0.0]
    grid = np.linspace(-3, 3, 601)
    slopes = [float(v) for v in re.findall(r"slope ([-+][\d.]+)", run.stdout)]
    assert min(slopes) < 0.0  # a slope on each side of [0, 1], refused
    assert max(slopes) > 1.0
    for line, slope in zip(lines[4:], slopes, strict=True):
        under = bool(np.all(np.maximum(grid, 0.0) >= slope * grid))
        assert line.endswith(str(under))
        assert under == (0.0 <= slope <= 1.0)  # the subdifferential of ReLU at 0 is [0, 1]
    assert len(lines) == 9


XOR_INPUTS = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XOR_LABELS = np.array([0.0, 1.0, 1.0, 0.0])


def test_training_xor_without_a_hidden_layer() -> None:
    run = runs("training.md")["xor-no-hidden-layer"]
    posts, probabilities, loss, best = run.stdout.splitlines()
    # The post's update from theta = 0: X^T (sigmoid(0) - y) = 0, so theta never moves.
    assert np.all(XOR_INPUTS.T @ (sigmoid(np.zeros(4)) - XOR_LABELS) == 0.0)
    assert posts.endswith("theta = [0.0, 0.0]")
    # With a bias: the mean BCE is strictly convex in (w, b) with zero gradient at 0.
    augmented = np.column_stack([XOR_INPUTS, np.ones(4)])
    assert np.all(augmented.T @ (0.5 - XOR_LABELS) == 0.0)
    assert np.linalg.eigvalsh(0.25 * augmented.T @ augmented / 4).min() > 0
    shown = [float(p) for p in re.findall(r"\d\.\d+", probabilities.split("=")[1])]
    assert shown == pytest.approx([0.5] * 4, abs=5e-7)
    quoted, log_two = (float(v) for v in re.findall(r"\d\.\d+", loss))
    assert quoted == pytest.approx(math.log(2), abs=5e-7)
    assert log_two == round(math.log(2), 6) == 0.693147  # quoted in the admonition
    # The best line of the cell's grid, by brute force in numpy, and no line of many more.
    grid = np.arange(-8, 9) / 4
    lines = np.array(list(itertools.product(grid, grid, grid)))
    rng = np.random.default_rng(3)
    lines = np.vstack([lines, rng.normal(size=(20000, 3))])
    sides = (XOR_INPUTS @ lines[:, :2].T + lines[:, 2]) > 0
    right = (sides == (XOR_LABELS[:, None] == 1)).sum(axis=0)
    assert right.max() == 3  # XOR is not linearly separable
    assert best == f"the best of {17**3} lines: 3 of 4 points right"
    assert "The network above, with its hidden layer, gets\n    all four" in text("training.md")
    assert [round(p) for p in runs("training.md")["xor"].after("->")] == [0, 1, 1, 0]


AND_INPUTS = XOR_INPUTS
AND_LABELS = np.array([0.0, 0.0, 0.0, 1.0])


def test_losses_update_follows_cross_entropy_not_mse() -> None:
    direction, mse, bce = runs("losses.md")["loss-gradient-mismatch"].line_numbers()
    theta = np.array([0.5, -0.3])
    p = sigmoid(AND_INPUTS @ theta)
    m = len(AND_LABELS)
    exact_bce = AND_INPUTS.T @ (p - AND_LABELS) / m
    exact_mse = 2 / m * AND_INPUTS.T @ ((p - AND_LABELS) * p * (1 - p))
    assert direction == pytest.approx(list(exact_bce), rel=1e-14)
    assert bce == pytest.approx(list(exact_bce), rel=1e-12)
    assert mse == pytest.approx(list(exact_mse), rel=1e-12)
    assert not np.allclose(mse, direction, rtol=0.1)  # the mismatch the admonition names


def replay(rows: np.ndarray, steps: int = 2000, alpha: float = 1.0) -> np.ndarray:
    """The post's update, theta -= alpha/m X^T (sigmoid(X theta) - y), in numpy."""
    theta = np.zeros(rows.shape[1])
    for _ in range(steps):
        theta = theta - alpha / len(rows) * rows.T @ (sigmoid(rows @ theta) - AND_LABELS)
    return sigmoid(rows @ theta)


def test_losses_no_bias() -> None:
    lines = runs("losses.md")["no-bias"].stdout.splitlines()
    targets, no_bias, with_bias = (
        [float(v) for v in re.findall(r"\d\.\d+", line.split(":")[-1].split("=")[-1])]
        for line in lines
    )
    assert targets == list(AND_LABELS)
    # Without a bias: zero gradient at theta = 0 on AND, a minimum of the convex loss.
    assert np.all(AND_INPUTS.T @ (0.5 - AND_LABELS) == 0.0)
    assert no_bias == pytest.approx(list(np.round(replay(AND_INPUTS), 4)), abs=1e-12)
    assert no_bias == [0.5] * 4
    augmented = np.column_stack([AND_INPUTS, np.ones(4)])
    expected = replay(augmented)
    assert with_bias == pytest.approx(list(np.round(expected, 4)), abs=1e-12)
    assert list(expected > 0.5) == [False, False, False, True]


def test_gradient_descent_undefined_m() -> None:
    run = runs("gradient-descent.md")["undefined-m"]
    assert run.error is None
    assert run.stdout.strip() == "the post's loop stops: NameError: name 'm' is not defined"


def test_gradient_descent_loss_scale() -> None:
    used, printed, scaled = runs("gradient-descent.md")["loss-scale-mismatch"].line_numbers()
    x = np.array([1.0, 2.0, 3.0, 4.0])
    residuals = 0.0 + 0.0 * x - 2 * x  # h_theta - y at theta = (0, 0)
    design = np.column_stack([np.ones(4), x])
    gradient_of_printed = design.T @ residuals  # of 1/2 sum r^2
    assert printed == list(gradient_of_printed) == [-20.0, -60.0]
    assert used == scaled == list(gradient_of_printed / 4) == [-5.0, -15.0]
    assert "(the cell below: 4 here)" in admonitions("gradient-descent.md")[1]


def test_regularization_limits_complexity() -> None:
    run = runs("regularization.md")["ridge-complexity"]
    rng_points = np.array([-1 + 2 * k / 9 for k in range(10)])
    code = next(
        cell.code for cell in cells(DOCS / "regularization.md") if cell.id == "ridge-complexity"
    )
    namespace: dict[str, object] = {}
    # The page's own seeded noise (random.Random(0).gauss), drawn as the cell draws it.
    exec(  # noqa: S102 - the two lines of the page that draw the data
        "\n".join(
            line
            for line in code.splitlines()
            if line.startswith(("import", "rng =", "points =", "targets ="))
        ),
        namespace,
    )
    targets = np.array(namespace["targets"])  # type: ignore[arg-type]
    assert list(rng_points) == pytest.approx(namespace["points"], abs=0.0)  # type: ignore[arg-type]
    phi = np.vander(rng_points, 10, increasing=True)
    errors, norms = [], []
    for line, lam in zip(run.stdout.splitlines(), (1e-9, 1e-6, 1e-3, 1e-1), strict=True):
        w = np.linalg.solve(phi.T @ phi / 10 + lam * np.eye(10), phi.T @ targets / 10)
        error = float(np.mean((phi @ w - targets) ** 2))
        norm = float(np.linalg.norm(w))
        numbers = [float(v) for v in re.findall(r"[-+]?\d+\.\d+(?:e[-+]\d+)?", line)]
        assert numbers[-2] == pytest.approx(error, rel=2e-3)  # printed to 4 digits
        assert numbers[-1] == pytest.approx(norm, rel=1e-4, abs=1e-3)
        errors.append(error)
        norms.append(norm)
    # Effective complexity limited: the training error rises and the norm falls with lambda.
    assert errors == sorted(errors)
    assert norms == sorted(norms, reverse=True)
    assert "data" in run.value._repr_svg_()  # type: ignore[attr-defined]


# ------------------------------------------------------------------ further reading


@pytest.mark.parametrize("name", PAGES)
def test_further_reading_ends_the_page(name: str) -> None:
    page = text(name)
    assert page.count("## Further reading") == 1
    tail = page.split("## Further reading")[1]
    assert "\n## " not in tail  # the last section
    items = [line for line in tail.splitlines() if line.startswith("- ")]
    assert 2 <= len(items) <= 5
    links = re.findall(r"<(https://[^>]+)>", tail)
    assert len(links) == len(items)
    for item in tail.split("\n- ")[1:]:
        assert re.search(r"\b(19|20)\d\d\b", item), item  # a year
