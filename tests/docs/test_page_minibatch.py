"""The numbers of the page "Mini-batch SGD".

The page trains a linear model with calcweb's ``Value``, ``mse_loss`` and
``SGD``. Here the same runs (the page's seeded data and shuffles, drawn with
Python's ``random`` as the page draws them) are replayed in numpy with the
closed-form gradient 2 r (x, 1), the variance of a batch gradient is
computed from the finite-population formula and from the same draws in
numpy, and every printed number and every number the prose quotes is
checked against them. The exercises run with the right answer (the check
passes) and a wrong one (it fails).
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Callable
from itertools import pairwise

import numpy as np
import pytest

from .pages import DOCS, Run, runs_by_id, with_answers

PAGE = DOCS / "minibatch-sgd.md"
N = 200
NUMBER = r"[-+]?\d+\.?\d*(?:e[-+]?\d+)?"


def page() -> dict[str, Run]:
    return runs_by_id(PAGE)


def data() -> tuple[np.ndarray, np.ndarray]:
    rng = random.Random(0)  # noqa: S311 - the page's own seeded draw
    xs = [rng.uniform(-1, 1) for _ in range(N)]
    ys = [2.0 * x - 1.0 + rng.gauss(0, 0.5) for x in xs]
    return np.array(xs), np.array(ys)


def epoch_batches(n: int, size: int, rng: random.Random) -> list[list[int]]:
    order = list(range(n))
    rng.shuffle(order)
    return [order[start : start + size] for start in range(0, n, size)]


def sample_gradients(w: float, b: float) -> np.ndarray:
    """Row i: the gradient of (w x_i + b - y_i)² with respect to (w, b)."""
    x, y = data()
    r = w * x + b - y
    return np.column_stack([2 * r * x, 2 * r])


def test_batches_and_backward() -> None:
    lines = page()["batches"].stdout.splitlines()
    assert lines[0] == "an epoch of batches of 50: [50, 50, 50, 50]"
    first = epoch_batches(N, 50, random.Random(1))[0]  # noqa: S311 - the page's shuffle
    assert lines[1] == f"its first batch starts with {first[:6]}"
    expected = sample_gradients(0.0, 0.0)[first].mean(axis=0)
    for line in lines[2:]:
        assert [float(v) for v in re.findall(NUMBER, line)] == pytest.approx(
            list(expected), abs=5e-12
        )


def test_batch_gradient_noise() -> None:
    lines = page()["batch-noise"].stdout.splitlines()
    grads = sample_gradients(0.0, 0.0)
    full = grads.mean(axis=0)
    spread = float(np.mean(np.sum((grads - full) ** 2, axis=1)))
    assert [float(v) for v in re.findall(NUMBER, lines[0])] == pytest.approx(
        [*full, spread], abs=5e-5
    )
    draw = random.Random(2)  # noqa: S311 - the page's own draw of batches
    measured_by_size, formula_by_size = {}, {}
    for size, line in zip((1, 4, 16, 64), lines[2:], strict=True):
        shown = [float(v) for v in re.findall(NUMBER, line)]
        estimates = np.array([grads[draw.sample(range(N), size)].mean(axis=0) for _ in range(1000)])
        measured = float(np.mean(np.sum((estimates - full) ** 2, axis=1)))
        formula = spread / size * (N - size) / (N - 1)
        assert shown[0] == size
        assert shown[1:3] == pytest.approx(list(estimates.mean(axis=0)), abs=5e-5)
        assert shown[3] == pytest.approx(measured, abs=5e-5)
        assert shown[4] == pytest.approx(formula, abs=5e-5)
        # Unbiased, with the formula's spread: within 4 standard errors of 1000 draws.
        standard_error = math.sqrt(formula / 2 / 1000)
        assert np.all(np.abs(estimates.mean(axis=0) - full) < 4 * standard_error)
        assert measured == pytest.approx(formula, rel=0.1)
        measured_by_size[size], formula_by_size[size] = measured, formula
    # The prose: more than four times smaller for each fourfold batch, measured and by the
    # formula; (N - B)/(N - 1) from 0.92 at B = 16 to 0.68 at B = 64, the last step 5.4.
    for small, large in pairwise((1, 4, 16, 64)):
        assert formula_by_size[small] / formula_by_size[large] > 4
        assert measured_by_size[small] / measured_by_size[large] > 4
    assert round((N - 16) / (N - 1), 2) == 0.92
    assert round((N - 64) / (N - 1), 2) == 0.68
    assert round(formula_by_size[16] / formula_by_size[64], 1) == 5.4


def best_loss() -> float:
    x, y = data()
    slope, intercept = np.polyfit(x, y, 1)
    return float(np.mean((slope * x + intercept - y) ** 2))


def replay(size: int, epochs: int, rate: Callable[[int], float]) -> list[tuple[float, float]]:
    """The page's train(): mini-batch SGD from (0, 0) in numpy, the same shuffles."""
    x, y = data()
    best = best_loss()
    shuffle = random.Random(1)  # noqa: S311 - the page's seed
    w = b = 0.0
    seen, curve = 0, [(0.0, float(np.mean((w * x + b - y) ** 2)) - best)]
    for epoch in range(epochs):
        lr = rate(epoch)
        for batch in epoch_batches(N, size, shuffle):
            r = w * x[batch] + b - y[batch]
            gw, gb = 2 * np.mean(r * x[batch]), 2 * np.mean(r)
            w, b = w - lr * gw, b - lr * gb
            seen += len(batch)
            if seen % (N // 10) == 0:
                curve.append((seen / N, float(np.mean((w * x + b - y) ** 2)) - best))
    return curve


def test_loss_curves() -> None:
    lines = page()["loss-curves"].stdout.splitlines()
    summaries = {}
    for size, line in zip((1, 10, 200), lines, strict=True):
        curve = replay(size, 20, lambda _: 0.1)
        last = [v for e, v in curve if e > 15]
        after_one = dict(curve)[1.0]
        shown = re.fullmatch(
            rf"B = +{size}: +(\d+) points, L − L\* after 1 epoch ({NUMBER}), "
            rf"over the last 5 epochs ({NUMBER})",
            line,
        )
        assert shown is not None
        points, shown_after_one, shown_last = (float(v) for v in shown.groups())
        assert points == len(curve) - 1
        assert shown_after_one == pytest.approx(after_one, rel=6e-3)  # 3 digits
        assert shown_last == pytest.approx(np.mean(last), rel=6e-3)
        summaries[size] = (after_one, float(np.mean(last)), curve)
    # Small batches win at first; the full batch keeps descending and is still the highest.
    assert summaries[1][0] < summaries[10][0] < summaries[200][0]
    full = [v for _, v in summaries[200][2]]
    assert all(later < earlier for earlier, later in pairwise(full))
    assert summaries[200][2][-1][1] > max(summaries[1][2][-1][1], summaries[10][2][-1][1])
    # B = 10 and, higher still, B = 1 hover: over the last 5 epochs about 2e-3 and 3e-2.
    assert summaries[10][1] < summaries[1][1]
    assert round(summaries[10][1], 3) == 0.002
    assert round(summaries[1][1], 2) == 0.03
    assert summaries[1][1] > summaries[1][0]  # B = 1 no lower than after its first epoch
    # The single points of B = 10 over the last 5 epochs: from 1.0e-4 to 8.4e-3.
    last_ten = [v for e, v in summaries[10][2] if e > 15]
    assert (f"{min(last_ten):.1e}", f"{max(last_ten):.1e}") == ("1.0e-04", "8.4e-03")
    svg = page()["loss-curves"].value._repr_svg_()  # type: ignore[attr-defined]
    assert "B = 200" in svg
    assert "SGD at α = 0.1" in svg


def test_schedules() -> None:
    def step_decay(t: int) -> float:
        return 0.1 * 0.5 ** (t // 5)

    def cosine(t: int) -> float:
        return 0.05 * (1 + math.cos(math.pi * t / 20))

    lines = page()["schedule-runs"].stdout.splitlines()
    finals = {}
    for (name, rate), line in zip(
        (("constant", lambda _: 0.1), ("step decay", step_decay), ("cosine", cosine)),
        lines,
        strict=True,
    ):
        assert line.startswith(name)
        last = [v for e, v in replay(10, 20, rate) if e > 19]
        assert len(last) == 10
        assert float(line.split(":")[1]) == pytest.approx(np.mean(last), rel=6e-3)
        finals[name] = float(np.mean(last))
    # The prose: 4.0e-5, 3.2e-6 and 2.0e-3; the cosine's last rate 6e-4.
    assert f"{finals['step decay']:.1e}" == "4.0e-05"
    assert f"{finals['cosine']:.1e}" == "3.2e-06"
    assert f"{finals['constant']:.1e}" == "2.0e-03"
    assert f"{cosine(19):.0e}" == "6e-04"
    svg = page()["schedules"].value._repr_svg_()  # type: ignore[attr-defined]
    assert "cosine" in svg


def test_exercises() -> None:
    names = ["exercise-steps", "exercise-factor", "exercise-cosine"]
    # 1000 / 25; 100 (N - 1)/(N - 100) = 199 for N = 200; 0.05 (1 + cos(pi/4)).
    cosine_25 = 0.05 * (1 + math.cos(math.pi / 4))
    right = with_answers(PAGE, dict(zip(names, ["40", "199", repr(cosine_25)], strict=True)))
    # 25 (batch size for steps); the naive 1/B factor 100; the linear decay's 0.075.
    wrong = with_answers(PAGE, dict(zip(names, ["25", "100", "0.075"], strict=True)))
    for name in names:
        assert right[name].value.passed is True  # type: ignore[attr-defined]
        assert wrong[name].value.passed is False  # type: ignore[attr-defined]
