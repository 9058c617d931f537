"""The worked results a reader can reproduce: each is a classic fact of training."""

from __future__ import annotations

import math
import random

from calcweb import MLP, SGD, Adam, Value, clip_grad_norm, minimize, mse_loss


def test_linear_regression_by_gradient_descent_reaches_the_least_squares_solution() -> None:
    rng = random.Random(3)  # noqa: S311  reproducible noise, not cryptography
    xs = [i / 10 - 1 for i in range(21)]
    ys = [2.5 * x - 0.75 + rng.gauss(0, 0.3) for x in xs]
    # Closed form: slope = cov(x, y) / var(x), intercept = mean(y) - slope * mean(x).
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )
    intercept = my - slope * mx

    def loss(p: list[Value]) -> Value:
        return mse_loss([p[0] * x + p[1] for x in xs], ys)

    result = minimize(loss, [0.0, 0.0], lr=0.5, steps=5000, tol=1e-10)
    assert result.converged, result.message
    w, b = result.x  # type: ignore[misc]
    assert abs(w - slope) < 1e-6
    assert abs(b - intercept) < 1e-6


def test_mlp_learns_xor_from_a_fixed_seed() -> None:
    inputs = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]
    labels = [-1.0, 1.0, 1.0, -1.0]
    model = MLP(2, [4, 1], activation="tanh", seed=0)
    opt = SGD(model.parameters(), lr=0.1, momentum=0.9)
    for _ in range(200):
        opt.zero_grad()
        loss = mse_loss([model(x) for x in inputs], labels)  # type: ignore[misc]
        loss.backward()
        opt.step()
    predictions = [1.0 if model(x).data > 0 else -1.0 for x in inputs]  # type: ignore[union-attr]
    assert predictions == labels
    assert loss.data < 1e-3


def test_adam_on_rosenbrock_reaches_the_minimum() -> None:
    def rosenbrock(p: list[Value]) -> Value:
        return (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2

    result = minimize(rosenbrock, [-1.5, 2.0], optimizer="adam", lr=0.05, steps=2000)
    assert max(abs(v - 1.0) for v in result.x) < 1e-3  # type: ignore[union-attr]
    assert result.losses[-1] < result.losses[0] * 1e-6


def test_gradient_clipping_keeps_every_training_step_at_max_norm() -> None:
    model = MLP(1, [8, 1], seed=2)
    opt = Adam(model.parameters(), lr=0.01)
    xs = [i / 5 for i in range(-5, 6)]
    for _ in range(5):
        opt.zero_grad()
        loss = mse_loss([model([x]) for x in xs], [100 * x for x in xs])  # type: ignore[misc]
        loss.backward()
        before = clip_grad_norm(model.parameters(), max_norm=1.0)
        after = math.hypot(*(p.grad for p in model.parameters()))
        assert before > 1.0
        assert math.isclose(after, 1.0, rel_tol=1e-5)
        opt.step()
