"""The numbers the course pages show, checked against independent oracles.

Each test runs a page (as the browser would) and checks what its cells print
or display against closed forms, the math module or a second method. Cells
are found by the id of their fence (```` ```pyodide id="..." ````), so adding
a cell to a page does not move the checks onto another cell.
"""

from __future__ import annotations

import itertools
import math
import struct

import pytest

import calcweb

from .pages import DOCS, Run, runs_by_id


def page(name: str) -> dict[str, Run]:
    return runs_by_id(DOCS / name)


def test_start_page() -> None:
    runs = page("index.md")
    assert runs["first-derivative"].numbers()[-1] == pytest.approx(12.0, abs=1e-9)
    assert runs["central-error"].numbers()[-1] < 1e-8
    assert runs["step-of-your-own"].value == pytest.approx(12.0 + 1e-6, rel=1e-12)


def test_limits() -> None:
    runs = page("limits.md")
    assert runs["sinc-table"].numbers()[-1] == pytest.approx(1.0, abs=1e-13)
    value, error = runs["sinc-limit"].numbers()[-2:]
    assert value == pytest.approx(1.0, abs=1e-12)
    assert error < 1e-10
    assert runs["limit-e"].numbers()[0] == pytest.approx(math.e, abs=1e-10)
    assert runs["x-log-x"].value == pytest.approx(0.0, abs=1e-10)
    # "not exactly 0, but within the error estimate that full_output=True reports"
    x_log_x = calcweb.limit(lambda x: x * math.log(x), 0.0, side="right", full_output=True)
    assert x_log_x.value == runs["x-log-x"].value != 0.0
    assert abs(x_log_x.value) <= x_log_x.error
    # Catastrophic cancellation shows as 0 at x = 1e-8; the fixes give 1/2.
    assert runs["cancellation-table"].numbers()[-1] == 0.0
    assert runs["cancellation-fixed"].numbers() == pytest.approx([0.5, 0.5], abs=1e-9)
    # What the page says limit does there: it samples where the quotient is stuck on 0,
    # yet its value and honest error come from the larger steps.
    quotients = []

    def quotient(t: float) -> float:
        quotients.append((1 - math.cos(t)) / t**2)
        return quotients[-1]

    result = calcweb.limit(quotient, 0.0, full_output=True)
    assert 0.0 in quotients
    assert 0 < abs(result.value - 0.5) <= result.error < 1e-9
    prose = " ".join((DOCS / "limits.md").read_text(encoding="utf-8").split())
    assert "closer to 0 too, but leaves out the samples stuck on 0" in prose
    # The explorable cell at its default x = 1e-2: no cancellation to speak of yet.
    numbers = runs["limits-explore"].numbers()
    x, quotient, distance = numbers[0], numbers[2], numbers[-1]
    assert x == 1e-2
    assert quotient == pytest.approx(2 * math.sin(x / 2) ** 2 / x**2, abs=1e-11)
    assert distance == pytest.approx(x**2 / 24, rel=0.01)


def test_derivatives() -> None:
    runs = page("derivatives.md")
    assert runs["secant-slopes"].numbers()[-1] == pytest.approx(6.001)
    exact, formula = runs["product-rule"].numbers()
    assert exact == pytest.approx(formula, rel=1e-15)
    chain, by_hand = runs["chain-rule"].numbers()
    assert chain == pytest.approx(2 * 0.8 * math.cos(0.64), rel=1e-15)
    assert by_hand == pytest.approx(chain, rel=1e-15)
    for z, derivative, formula in zip(
        *[iter(runs["sigmoid-derivative"].numbers())] * 3, strict=True
    ):
        s = 1 / (1 + math.exp(-z))
        assert derivative == pytest.approx(s * (1 - s), rel=1e-14)
        assert formula == pytest.approx(derivative, rel=1e-14)
    assert runs["abs-kink"].numbers() == [1.0, -1.0, 0.0]
    relu = runs["relu-derivative"]
    assert relu.stdout.splitlines() == [
        "0.0 1.0",
        "at 0: no derivative of f at x=0.0 was found",  # derivative refuses the kink (AD1)
        "method='ad' at 0: 0.0",  # the branch relu took: PyTorch's convention
    ]


def test_numerical_derivatives() -> None:
    runs = page("numerical-derivatives.md")
    rows = [runs["error-orders"].numbers()[i : i + 3] for i in range(0, 12, 3)]
    for (h, forward, central), (_, next_forward, next_central) in itertools.pairwise(rows):
        assert forward / next_forward == pytest.approx(2.0, rel=0.05)
        assert central / next_central == pytest.approx(4.0, rel=0.01)
        assert central == pytest.approx(-(h**2) / 6 * math.cos(1.0), rel=0.01)
    forward_error, central_error = runs["default-steps"].numbers()
    assert 1e-10 < abs(forward_error) < 1e-7
    assert abs(central_error) < 1e-10
    single, extrapolated = (
        runs["richardson-by-hand"].numbers()[1],
        runs["richardson-by-hand"].numbers()[-1],
    )
    assert abs(extrapolated) < abs(single) / 1000
    assert runs["complex-step"].numbers()[0] == 0.0  # the complex step is exact here
    errors = dict(
        zip(
            ["forward", "backward", "central", "richardson", "complex", "ad"],
            runs["all-methods"].numbers()[0::2],
            strict=True,
        )
    )
    # Against f' by hand (itself rounded): Taylor mode and the complex step are exact to rounding.
    assert errors["ad"] < 1e-15
    assert errors["complex"] < 1e-15
    assert errors["richardson"] < errors["central"] < errors["forward"]
    # The page's call counts: the complex step's 5 complex and 5 real calls, then
    # Richardson's on the real line, which confirms its value (f(x) is shared).
    calls = dict(zip(errors, runs["all-methods"].numbers()[1::2], strict=True))
    assert calls["complex"] == 5 + 5 + calls["richardson"] - 1 == 32
    # A quotient's error is measured against Richardson: its 2 calls and Richardson's
    # (forward and backward share f(x) with it).
    assert calls["central"] == 2 + calls["richardson"] == 25
    assert calls["forward"] == calls["backward"] == 2 + calls["richardson"] - 1
    # The explorable cell at its default h = 1e-8: rounding, by the quotient itself.
    h, forward, central = runs["numerical-derivatives-explore"].numbers()
    assert h == 1e-8
    step = (1.0 + h) - 1.0  # the step calcweb takes: one that x + h represents exactly
    by_hand = (math.sin(1.0 + step) - math.sin(1.0)) / step - math.cos(1.0)
    assert forward == pytest.approx(abs(by_hand), rel=0.05)
    assert central == pytest.approx(
        abs((math.sin(1.0 + step) - math.sin(1.0 - step)) / (2 * step) - math.cos(1.0)), rel=0.05
    )


def test_gradients() -> None:
    runs = page("gradients.md")
    computed, by_hand = runs["partials"].numbers()[:2], runs["partials"].numbers()[2:]
    assert computed == pytest.approx(by_hand, rel=1e-15)
    along, norm, across = runs["directional"].numbers()
    assert along == pytest.approx(norm, rel=1e-14)
    assert across == pytest.approx(0.0, abs=1e-14)
    assert runs["jacobian-polar"].numbers()[-2:] == pytest.approx([2.0, 2.0], rel=1e-14)
    numbers = runs["hessians"].numbers()
    assert numbers[:4] == [2.0, 0.0, 0.0, -2.0]
    assert numbers[4:8] == pytest.approx(numbers[8:12], rel=1e-14)


def test_taylor() -> None:
    runs = page("taylor.md")
    numbers = runs["exp-coefficients"].numbers()
    assert numbers[:7] == pytest.approx([1 / math.factorial(k) for k in range(7)], rel=1e-15)
    actual, bound = runs["lagrange-bound"].numbers()
    assert actual == pytest.approx(abs(math.sin(1.2) - (1.2 - 1.2**3 / 6 + 1.2**5 / 120)), rel=1e-9)
    assert actual <= bound
    assert bound == pytest.approx(1.2**6 / 720, rel=1e-12)
    newton = runs["newton"].numbers()
    assert newton[-2] == pytest.approx(1.1309011226299978, rel=1e-12)
    first, second = runs["two-variables"].numbers()
    assert second < first / 100


def test_integrals() -> None:
    runs = page("integrals.md")
    midpoints = runs["riemann-sums"].after("midpoint")
    assert midpoints[-1] == pytest.approx(1 / 3 - 1 / (12 * 256**2), abs=1e-6)
    assert "<svg" in runs["midpoint-figure"].value._repr_svg_()  # type: ignore[attr-defined]
    assert runs["fundamental-theorem"].numbers()[0] == pytest.approx(2.0, abs=1e-12)
    singular = runs["singular-endpoint"]
    assert singular.after("value=") == [pytest.approx(2.0, abs=1e-12)]
    assert singular.after("nfev=") == [233.0]  # the count the prose quotes
    (mass,) = runs["normal-density"].after("total mass:")
    (second_moment,) = runs["normal-density"].after("E[X^2]:")
    inside, erf = (
        runs["normal-density"].after("P(|X| < 1):")[0],
        runs["normal-density"].after("=")[-1],
    )
    assert mass == pytest.approx(1.0, abs=1e-12)
    assert second_moment == pytest.approx(1.0, abs=1e-12)
    assert inside == pytest.approx(math.erf(1 / math.sqrt(2)), abs=1e-12)
    assert erf == pytest.approx(inside, abs=1e-12)


def test_gradient_descent() -> None:
    runs = page("gradient-descent.md")
    w, b = runs["batch-regression"].numbers()
    w_exact, b_exact, w_difference, b_difference = runs["closed-form"].numbers()
    assert w == pytest.approx(w_exact, abs=1e-9)
    assert b == pytest.approx(b_exact, abs=1e-9)
    assert max(w_difference, b_difference) < 1e-9
    # SGD on x^2 + 10 y^2 from (-2, 1): x_k = -2 (0.82)^k, y_k = (-0.8)^k, so the
    # gradient (2 x_k, 20 y_k) first has norm <= tol = 1e-6 at this k.
    k = next(k for k in range(500) if math.hypot(4 * 0.82**k, 20 * 0.8**k) <= 1e-6)
    assert runs["elongated-bowl"].stdout.startswith(f"converged: True after {k} steps")
    assert runs["diverging-run"].stdout.startswith("False True")  # converged, diverged
    assert "smaller learning rate" in runs["diverging-run"].stdout
    assert "diverges from here" in runs["diverging-run"].value._repr_svg_()  # type: ignore[attr-defined]
    # The explorable cell at its default rate: 40 steps of x -> (1 - 2 lr) x, y -> (1 - 20 lr) y.
    lr, loss, steps = runs["gradient-descent-explore"].numbers()
    assert (lr, steps) == (0.08, 40)
    assert loss == pytest.approx(4 * (1 - 2 * lr) ** 80 + 10 * (1 - 20 * lr) ** 80, rel=2e-3)
    assert f"learning rate {lr}" in runs["gradient-descent-explore"].value._repr_svg_()  # type: ignore[attr-defined]


def test_optimizers() -> None:
    runs = page("optimizers.md")
    assert (
        runs["bias-correction"].numbers()[-1] == 2.0
    )  # bias correction is exact for a constant gradient
    small, large = runs["adam-vs-adamw"].after("λ =")
    adam_small, adam_large = runs["adam-vs-adamw"].after("Adam + L2:")
    adamw_small, adamw_large = runs["adam-vs-adamw"].after("AdamW:")
    assert adam_small == pytest.approx(adam_large, abs=1e-4)  # λ lost its meaning under Adam
    assert adamw_small == pytest.approx((1 - 0.01 * small) ** 10, abs=1e-6)  # printed to 6 places
    assert adamw_large == pytest.approx((1 - 0.01 * large) ** 10, abs=1e-6)
    adam_row = runs["rosenbrock-race"].stdout.splitlines()[-1]
    assert "Adam: x = [1.0000, 1.0000]" in adam_row
    y_sgd, y_rmsprop, y_adam = runs["saddle-escape"].after("steps =")
    assert y_sgd < 0.1
    assert y_rmsprop > 1.0
    assert y_adam > 1.0
    # The explorable cell at its default momentum, against the heavy-ball recurrence
    # by hand (PyTorch's: b_1 = g_1, b_t = mu b_{t-1} + g_t), one coordinate at a time.
    mu, loss, steps, x_end = runs["optimizers-explore"].numbers()
    assert (mu, steps) == (0.5, 50)

    def heavy_ball(start: float, curvature: float) -> float:
        theta, buffer = start, 0.0
        for t in range(50):
            gradient = curvature * theta
            buffer = gradient if t == 0 else mu * buffer + gradient
            theta -= 0.02 * buffer
        return theta

    x, y = heavy_ball(-2.0, 2.0), heavy_ball(1.0, 20.0)
    assert x_end == pytest.approx(x, abs=5e-5)
    assert loss == pytest.approx(x**2 + 10 * y**2, rel=2e-3)


def test_backpropagation() -> None:
    runs = page("backpropagation.md")
    t = math.tanh(0.5)
    expected = [(-2.0) * t + 2.0 * (1 - t * t), 0.5 * t, t]
    assert runs["value-graph"].numbers()[-3:] == pytest.approx(expected, rel=1e-15)
    assert "<svg" in runs["draw-graph"].value._repr_svg_()  # type: ignore[attr-defined]
    assert runs["sweep-by-hand"].numbers()[-3:] == pytest.approx(expected, rel=1e-15)
    checks = runs["gradient-check"].numbers()
    for backprop, finite in zip(checks[1::3], checks[2::3], strict=True):
        assert backprop == pytest.approx(finite, abs=1e-9)
    assert runs["backward-twice"].numbers() == [6.0, 12.0, 6.0]


def test_activations() -> None:
    runs = page("activations.md")
    exact, correct, wrong = (line[-1] for line in runs["sigmoid-derivative-mistake"].line_numbers())
    s = 1 / (1 + math.exp(-2.0))
    assert exact == pytest.approx(s * (1 - s), rel=1e-14)
    assert correct == pytest.approx(exact, rel=1e-14)
    assert wrong == -2.0
    # The explorable cell at its defaults: sigmoid, 3 layers; sigma'(0) = 1/4 is the peak.
    explore = runs["activations-explore"]
    assert "largest sigmoid′(z)^3" in explore.stdout
    assert explore.numbers()[-1] == pytest.approx(0.25**3, rel=1e-6)


def test_losses() -> None:
    runs = page("losses.md")
    numbers = runs["mse"].numbers()
    assert numbers[0] == pytest.approx((0.25 + 0.25 + 0.01) / 3, rel=1e-14)
    assert numbers[1:4] == pytest.approx(numbers[4:7], rel=1e-14)
    by_backprop, formula = runs["bce-gradient"].numbers()
    assert by_backprop == pytest.approx(formula, rel=1e-14)
    # Through sigmoid then BCE, z = -40, y = 1 loses its gradient (-1); the logit form keeps it.
    (loss, lost), (logit_loss, kept) = runs["bce-logits"].line_numbers()
    assert loss == pytest.approx(40.0, rel=1e-12)
    # (p - 1) p (1 - p) / 1e-12: the clamped p(1 - p), as torch, whose 1e-12 is a float32.
    p, floor = 1 / (1 + math.exp(40.0)), struct.unpack("f", struct.pack("f", 1e-12))[0]
    assert lost == pytest.approx((p - 1) * p * (1 - p) / floor, rel=1e-9, abs=0.0)
    assert logit_loss == pytest.approx(40.0 + math.log1p(math.exp(-40.0)), rel=1e-15)
    assert kept == pytest.approx(1 / (1 + math.exp(40.0)) - 1.0, rel=1e-15)
    gradient = runs["cross-entropy-gradient"].numbers()
    assert gradient[:3] == pytest.approx(gradient[3:], abs=1e-12)
    (loss,), (by_formula,), gradient, formula = runs["soft-labels"].line_numbers()
    assert loss == pytest.approx(by_formula, rel=1e-11)
    assert gradient == pytest.approx(formula, abs=1e-12)
    stable, ours = runs["log-sum-exp"].numbers()[-2:]
    assert stable == pytest.approx(math.log(1 + math.exp(-1.0)), rel=1e-14)
    assert ours == pytest.approx(stable, rel=1e-14)


def test_regularization() -> None:
    runs = page("regularization.md")
    l2, l1 = runs["penalty-gradients"].line_numbers()
    assert l2 == pytest.approx([2, 0.6, -0.1, 0.002])  # "L2 gradient: [2λw, ...]"
    assert l1 == pytest.approx([1, 0.1, -0.1, 0.1])  # "L1 gradient: [λ sign w, ...]"
    rows = [n for line in runs["penalised-solutions"].line_numbers() for n in line[-2:]]
    assert rows[0:2] == pytest.approx([2.0, 0.05], abs=1e-4)
    assert rows[2:4] == pytest.approx([2 / 1.2, 0.05 / 1.2], abs=1e-4)
    assert rows[4] == pytest.approx(1.9, abs=1e-3)
    assert abs(rows[5]) < 0.011  # L1 drives the weakly supported weight to about 0
    # The proximal (soft-threshold) step reaches the L1 optimum, 0 included, exactly.
    assert runs["proximal-l1"].numbers()[-2:] == [1.9, 0.0]
    before, after, ratio = runs["clip-by-norm"].numbers()[:3]
    assert (before, ratio) == (50.0, 0.75)
    assert after == pytest.approx(5.0, rel=1e-6)


def test_training() -> None:
    runs = page("training.md")
    w, b, _loss = runs["linear-neuron"].numbers()
    assert w == pytest.approx(1.5, abs=0.05)
    assert b == pytest.approx(-0.7, abs=0.05)
    probabilities = runs["xor"].after("->")
    assert [round(p) for p in probabilities] == [0, 1, 1, 0]


def test_constrained() -> None:
    runs = page("constrained.md")
    x, y, lam = runs["lagrange-newton"].numbers()[-4:-1]
    assert (x, y, lam) == pytest.approx((2**-0.5, 2**-0.5, 2**-0.5), rel=1e-12)
