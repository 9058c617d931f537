"""What REVIEW5's reading of the training pages made exact.

Each corrected sentence is checked against calcweb's own runs: where
``minimize`` says a run diverged (only once a number overflows), where Adam's
L2 weight decay stops ignoring lambda (lambda |theta| near eps), and the link
from the training page's XOR mistake to the losses page, which names the
same post's loss/gradient mismatch.
"""

from __future__ import annotations

import re

import pytest

import calcweb
from calcweb import Adam, Value

from .pages import DOCS, runs_by_id


def flat(name: str) -> str:
    """The page's text with its line breaks and indentation folded into single spaces."""
    return re.sub(r"\s+", " ", (DOCS / name).read_text(encoding="utf-8"))


def bowl(p: list[Value]) -> Value:
    x, y = p
    return x**2 + 10 * y**2


# ------------------------------------------------------------------ gradient-descent


def test_calcweb_says_a_run_diverged_only_once_a_number_overflows() -> None:
    page = flat("gradient-descent.md")
    assert "once a number overflows, calcweb stops the run and says so (here at step 1941)" in page
    diverging = runs_by_id(DOCS / "gradient-descent.md")["diverging-run"]
    assert diverging.stdout.startswith("False True\nstopped at step 1941:")
    # Every rate of the slider above 2/20 grows without overflowing in its 40 steps.
    assert "These 40 steps overflow nothing, so above 0.1 the run ends with `diverged`" in page
    for k in range(1, 5):
        run = calcweb.minimize(bowl, [-2.0, 1.0], lr=0.1 + 0.005 * k, steps=40)
        assert (run.diverged, run.converged, run.steps) == (False, False, 40)
        assert run.fun > 1e3 * run.losses[0]
    run = calcweb.minimize(bowl, [-2.0, 1.0], lr=0.11, steps=40)
    assert "only \\(J\\) shows the blow-up (at 0.11 it has grown from 14 to about" in page
    assert "about \\(2 \\times 10^7\\))" in page
    assert run.losses[0] == 14.0
    assert run.fun == pytest.approx(2e7, rel=0.1)
    # By hand: x -> 0.78 x, y -> -1.2 y.
    assert run.fun == pytest.approx(4 * 0.78**80 + 10 * 1.2**80, rel=1e-9)


# ------------------------------------------------------------------ optimizers


def adam_l2_after_ten_steps(weight_decay: float) -> float:
    p = Value(1.0)
    optimizer = Adam([p], lr=0.01, weight_decay=weight_decay)
    for _ in range(10):
        p.grad = 0.0
        optimizer.step()
    return p.data


def test_adam_ignores_lambda_only_while_lambda_theta_is_well_above_eps() -> None:
    page = flat("optimizers.md")
    assert r"as long as \(\lambda|\theta|\) is well above \(\varepsilon = 10^{-8}\)" in page
    assert r"to 0.95 at \(\lambda = 10^{-8}\), to 0.999 only at \(10^{-10}\)" in page
    assert adam_l2_after_ten_steps(1e-3) == pytest.approx(0.9, abs=1e-3)  # about gamma per step
    assert round(adam_l2_after_ten_steps(1e-8), 2) == 0.95
    assert round(adam_l2_after_ten_steps(1e-10), 3) == 0.999


# ------------------------------------------------------------------ training


def test_the_xor_mistake_links_the_same_posts_loss_gradient_mismatch() -> None:
    assert "[common mistake on the losses page](losses.md#from-the-logit-for-stability)" in flat(
        "training.md"
    )
    losses = (DOCS / "losses.md").read_text(encoding="utf-8")
    section = losses.split("\n## Binary cross-entropy\n", 1)[1].split("\n## ", 1)[0]
    assert "the gradient of\n    the mean **binary cross-entropy**" in section
    assert "not the gradient of the MSE it defines" in section


# ------------------------------------------------------------------ seed mistakes linked


def section(page: str, heading: str) -> str:
    """The text of ``page`` under ``## heading``, up to the next heading of that level."""
    text = (DOCS / page).read_text(encoding="utf-8")
    return re.sub(r"\s+", " ", text.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0])


@pytest.mark.parametrize(
    ("page", "link", "target", "heading", "named"),
    [
        (
            "gradient-descent.md",
            "[common mistake on the convexity page]",
            "convexity.md#linear-regression-has-no-bad-local-minima",
            "Linear regression has no bad local minima",
            "**may get stuck in a local optimum**",
        ),
        (
            "optimizers.md",
            "[common mistake on the vanishing-gradients page]",
            "vanishing-gradients.md#residual-connections",
            "Residual connections",
            "**Use a better optimisation algorithm, such as Adam or RMSprop.**",
        ),
        (
            "regularization.md",
            "[common mistake on the vanishing-gradients page]",
            "vanishing-gradients.md#residual-connections",
            "Residual connections",
            "**Use regularisation methods, such as L1 or L2 regularisation.**",
        ),
    ],
)
def test_a_page_points_to_where_the_seed_mistake_on_its_topic_is_named(
    page: str, link: str, target: str, heading: str, named: str
) -> None:
    assert f"{link}({target})" in flat(page)
    assert named in section(target.split("#", maxsplit=1)[0], heading)


def test_adam_gives_a_gradient_far_below_eps_a_step_far_below_lr() -> None:
    assert r"a gradient far below \(\varepsilon\) still gets a step far below \(\gamma\)" in flat(
        "optimizers.md"
    )
    p = Value(0.0)
    p.grad = 3e-11  # the vanishing page's first-layer gradient
    Adam([p], lr=0.01).step()
    assert abs(p.data) == pytest.approx(0.01 * 3e-11 / (3e-11 + 1e-8), rel=1e-12)
    assert abs(p.data) < 1e-4
