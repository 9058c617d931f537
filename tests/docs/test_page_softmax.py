"""The numbers of the page "Softmax and cross-entropy" (docs/softmax.md).

Each cell's printed numbers are checked against an independent oracle: numpy
for softmax, its Jacobian diag(p) - p p^T and the gradient p - y; mpmath at 60
digits for the logits of +-1000 (where floats overflow), the log-sigmoid and
the binary cross-entropy, with torch's guards (logs clamped at -100, p(1 - p)
floored at float32's 1e-12) applied to the exact sigmoid. The exercises are
run with the right answer (the check must pass) and with a wrong one (it must
not).
"""

from __future__ import annotations

import math
import re
import sys

import mpmath
import numpy as np
import pytest

from .pages import DOCS, Run, runs_by_id, with_answers

PAGE = DOCS / "softmax.md"
Z = np.array([2.0, 1.0, -1.0])
BCE_EPSILON = float(np.float32(1e-12))  # torch's floor on p(1 - p), as float32 stores it
DIGITS = 60


def runs() -> dict[str, Run]:
    return runs_by_id(PAGE)


def softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max())
    return np.asarray(e / e.sum())


def test_every_cell_runs() -> None:
    for name, run in runs().items():
        assert run.error is None, name


def test_softmax() -> None:
    p = softmax(Z)
    lines = runs()["softmax"].line_numbers()
    assert lines[0] == pytest.approx(list(p), rel=1e-15)
    assert lines[1] == pytest.approx([1.0], abs=1e-15)
    # After the 100 of "z + 100": each z_i + 100 is exact, so "agree to the last digit".
    assert lines[2][1:] == lines[0]
    assert all(zi + 100 - 100 == zi for zi in Z.tolist())


def test_softmax_jacobian() -> None:
    p = softmax(Z)
    jacobian = np.diag(p) - np.outer(p, p)
    lines = runs()["softmax-jacobian"].line_numbers()
    assert [entry for line in lines[:3] for entry in line] == pytest.approx(
        list(jacobian.ravel()), abs=5e-13
    )  # 12 decimals
    assert lines[3][-1] <= 1e-16
    assert max(abs(s) for s in lines[4]) <= 1e-16  # rows sum to 0, to rounding
    assert np.allclose(jacobian, jacobian.T)  # the prose: symmetric
    assert min(np.linalg.eigvalsh(jacobian)) > -1e-16  # positive semidefinite


def test_cross_entropy_gradient() -> None:
    p = softmax(Z)
    soft = p - np.array([0.7, 0.2, 0.1])
    hard = p - np.array([1.0, 0.0, 0.0])
    lines = runs()["cross-entropy-gradient"].line_numbers()
    for line, expected in zip(lines, [soft, soft, hard, hard], strict=True):
        assert line[-3:] == pytest.approx(list(expected), abs=5e-15)  # 15 decimals


def test_float_limits_quoted() -> None:
    largest = sys.float_info.max
    assert math.log(largest) == pytest.approx(709.78, abs=0.005)  # e^z overflows above
    with mpmath.workdps(DIGITS):
        underflow = float(mpmath.log(mpmath.mpf(2) ** -1075))  # below this e^z rounds to 0
        assert underflow == pytest.approx(-745.13, abs=0.005)
        tiny = mpmath.exp(-1000) / (1 + mpmath.exp(-1000))  # softmax(1000, 0)[1]
        assert float(tiny / mpmath.mpf(10) ** -435) == pytest.approx(5.08, abs=0.01)  # ≈ 5e-435
    assert math.exp(underflow - 0.01) == 0.0
    # An e^x that rounds to 0 is below half the smallest float: "below 5e-324".
    assert mpmath.mpf(2) ** -1075 < mpmath.mpf("5e-324")


def test_naive_softmax() -> None:
    lines = runs()["naive-softmax"].stdout.splitlines()
    assert "OverflowError" in lines[0]
    assert "ZeroDivisionError" in lines[2]
    with mpmath.workdps(DIGITS):
        for line, logits in ((lines[1], [1000, 0]), (lines[3], [-1000, -1000])):
            e = [mpmath.exp(v) for v in logits]
            exact = [float(x / sum(e)) for x in e]  # rounded once, from 60 digits
            assert [float(x) for x in re.findall(r"[\d.]+", line.split(":")[1])] == exact


def test_log_softmax() -> None:
    lines = runs()["log-softmax"].stdout.splitlines()
    assert "ValueError" in lines[0]
    with mpmath.workdps(DIGITS):
        lse = mpmath.log(mpmath.exp(1000) + 1)
        exact = [float(1000 - lse), float(0 - lse)]
        p = [mpmath.exp(1000 - lse), mpmath.exp(-lse)]
        gradient = [float(p[0]), float(p[1] - 1)]  # p - y, class 1
    assert exact == [0.0, -1000.0]
    assert [float(n) for n in re.findall(r"-?[\d.]+", lines[1])] == exact
    loss_line = re.findall(r"-?[\d.]+", lines[2])
    assert float(loss_line[0]) == -exact[1]  # loss = -log p_2 = 1000
    assert [float(n) for n in loss_line[1:]] == gradient == [1.0, -1.0]


def log_sigmoid(z: float) -> mpmath.mpf:
    with mpmath.workdps(DIGITS):
        return -mpmath.log(1 + mpmath.exp(-z))


def test_log_sigmoid() -> None:
    rows = runs()["log-sigmoid"].stdout.splitlines()
    for row, z in zip(rows, (-1000.0, -40.0, 0.0, 40.0, 1000.0), strict=True):
        naive, stable = re.search(r"naive\s+(\S+), stable (\S+)", row).groups()  # type: ignore[union-attr]
        exact = float(log_sigmoid(z))
        assert float(stable) == pytest.approx(exact, rel=5e-6, abs=0.0)  # printed to 6 digits
        if z == -1000.0:
            assert naive == "OverflowError"
        elif z >= 40.0:
            assert float(naive) == 0.0  # every digit lost
        else:
            assert float(naive) == pytest.approx(exact, rel=5e-6)
    assert float(log_sigmoid(40.0)) == pytest.approx(-4.25e-18, rel=1e-3, abs=0.0)  # quoted
    with mpmath.workdps(DIGITS):
        assert float(-mpmath.exp(-1000) / mpmath.mpf(10) ** -435) == pytest.approx(-5.08, abs=0.01)


def torch_bce_after_sigmoid(z: float) -> tuple[float, float]:
    """Loss and gradient of BCE(sigmoid(z), 1) with torch's guards, from the exact sigmoid."""
    with mpmath.workdps(DIGITS):
        p = 1 / (1 + mpmath.exp(-z))
        p_float = float(p)  # what the forward pass holds
        loss = min(-math.log(p_float), 100.0) if p_float > 0 else 100.0
        spread = p * (1 - p)
        gradient = (p - 1) / max(spread, BCE_EPSILON) * spread
        return loss, float(gradient)


def test_bce_lost_gradient() -> None:
    run = runs()["bce-lost-gradient"]
    lines = run.line_numbers()
    assert lines[0] == lines[1] == lines[8] == []  # the headers
    losses, gradients = lines[2:8], lines[9:15]
    logits = (-10.0, -20.0, -30.0, -40.0, -100.0, -800.0)
    for loss_row, gradient_row, z in zip(losses, gradients, logits, strict=True):
        assert loss_row[0] == gradient_row[0] == z
        loss, gradient = torch_bce_after_sigmoid(z)
        with mpmath.workdps(DIGITS):
            stable_loss = float(mpmath.log(1 + mpmath.exp(-z)))
            stable_gradient = float(1 / (1 + mpmath.exp(-z)) - 1)
        # Printed to 4 digits.
        assert loss_row[1:] == pytest.approx([loss, stable_loss], rel=5e-4, abs=0.0)
        assert gradient_row[1:] == pytest.approx([gradient, stable_gradient], rel=5e-4, abs=0.0)
    # "the loss 100 instead of 800, and the gradient is exactly 0"
    assert losses[-1][1:] == [100.0, 800.0]
    assert gradients[-1][1] == 0.0
    svg = run.value._repr_svg_()  # type: ignore[attr-defined]
    assert "from the logit" in svg
    assert "sigmoid, then BCE" in svg


def test_threshold_quoted() -> None:
    """p(1 - p) = 1e-12 (as float32) at |z| about 27.6; beyond, the gradient is about -p 1e12."""
    with mpmath.workdps(DIGITS):
        z = mpmath.findroot(lambda t: mpmath.exp(t) / (1 + mpmath.exp(t)) ** 2 - BCE_EPSILON, -27.6)
    assert float(z) == pytest.approx(-27.6, abs=0.05)
    _, gradient = torch_bce_after_sigmoid(-40.0)
    assert gradient == pytest.approx(-math.exp(-40.0) * 1e12, rel=1e-6)


def test_exercises() -> None:
    names = ["exercise-softmax", "exercise-jacobian", "exercise-gradient"]
    right_answers = ["[0.25, 0.75]", "[[0.1875, -0.1875], [-0.1875, 0.1875]]", "[-0.25, 0.25]"]
    wrong_answers = ["[0.75, 0.25]", "[[0.25, 0.0], [0.0, 0.75]]", "[0.25, -0.25]"]
    right = with_answers(PAGE, dict(zip(names, right_answers, strict=True)))
    wrong = with_answers(PAGE, dict(zip(names, wrong_answers, strict=True)))
    for name in names:
        assert right[name].value.passed is True  # type: ignore[attr-defined]
        assert wrong[name].value.passed is False  # type: ignore[attr-defined]
    # The right answers, independently: p = (1, 3) / 4, J = diag(p) - p pᵀ, p - y.
    p = np.array([0.25, 0.75])
    assert np.allclose(softmax(np.array([0.0, math.log(3.0)])), p, rtol=1e-15)
    assert (np.diag(p) - np.outer(p, p)).tolist() == [[0.1875, -0.1875], [-0.1875, 0.1875]]
    assert (p - 0.5).tolist() == [-0.25, 0.25]
