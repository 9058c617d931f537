"""REVIEW6: sentences of the losses and softmax pages and of the docstrings they call.

Each test runs what a corrected sentence says, and checks that the page or
docstring says it:

* losses.md said that for a label 0 "the same happens" as for a label 1
  (whose loss stays right) and that the gradient is "far below" its value
  "from z ≈ 28"; the loss drifts too (36.04 at z = 36.7), and the gradient
  falls gradually from z ≈ 27.6 (0.69 at z = 28, 0.09 at z = 30);
* softmax.md said Loss functions "introduced" softmax and cross-entropy,
  but that page comes after it in the course;
* ``l1_penalty`` said it pushes weights "to exactly zero"; plain gradient
  steps end near 0, not on it;
* ``relu`` and ``abs`` said their derivative at 0 "is taken as 0", but
  ``calcweb.derivative``'s default refuses there;
* ``taylor`` said "any degree"; it stops at 170.
"""

from __future__ import annotations

import inspect
import re

import pytest

import calcweb
from calcweb import Value
from calcweb.exceptions import CalcwebError, DomainError

from .pages import DOCS

ROOT = DOCS.parent


def flat(text: str) -> str:
    return " ".join(text.split())


def sigmoid_then_bce(z: float, label: float) -> tuple[float, float]:
    """The loss and dBCE/dz of binary_cross_entropy after sigmoid, as the page computes them."""
    v = Value(z)
    loss = calcweb.binary_cross_entropy([v.sigmoid()], [label])
    loss.backward()
    return loss.data, v.grad


def test_losses_page_label_0_numbers() -> None:
    text = flat((DOCS / "losses.md").read_text(encoding="utf-8"))
    assert "(0.69 at \\(z = 28\\), 0.09 at \\(z = 30\\))" in text
    assert "(36.04 at \\(z = 36.7\\))" in text
    assert "above \\(z \\approx 27.6\\)" in text
    assert "far below" not in text  # at z = 28 the gradient is 0.69: 31 % low
    assert sigmoid_then_bce(27.5, 0.0)[1] == pytest.approx(1.0, rel=1e-9)
    assert round(sigmoid_then_bce(28.0, 0.0)[1], 2) == 0.69
    assert round(sigmoid_then_bce(30.0, 0.0)[1], 2) == 0.09
    loss, _ = sigmoid_then_bce(36.7, 0.0)
    assert round(loss, 2) == 36.04  # the true loss is 36.7 to 16 digits
    assert sigmoid_then_bce(36.73, 0.0)[0] != 100.0
    assert sigmoid_then_bce(36.74, 0.0) == (100.0, 0.0)
    # For a label 1 the loss stays right: 40 at z = -40.
    assert sigmoid_then_bce(-40.0, 1.0)[0] == 40.0


def test_softmax_page_does_not_say_a_later_page_came_first() -> None:
    """The overview of losses comes first; softmax's page takes two of them apart."""
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert nav.index("losses.md") < nav.index("softmax.md")
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    assert "17. [Loss functions](losses.md)" in index
    assert "18. [Softmax and cross-entropy](softmax.md)" in index
    opening = flat((DOCS / "softmax.md").read_text(encoding="utf-8")).split("## Softmax")[0]
    assert re.search(r"\[Loss functions\]\(losses\.md\) introduced both", opening)


def test_plain_gradient_steps_with_l1_end_near_zero_not_on_it() -> None:
    doc = flat(inspect.getdoc(calcweb.l1_penalty) or "")
    assert "exactly zero" not in doc.split(".")[0]  # the summary line
    assert "do not land on 0" in doc
    assert "proximal" in doc
    lr, coefficient = 0.05, 0.2
    w = [Value(0.0), Value(0.0)]
    optimizer = calcweb.SGD(w, lr=lr)
    for _ in range(400):  # the optimum is (1.9, 0): soft-thresholding of (2, 0.05)
        optimizer.zero_grad()
        loss = (w[0] - 2.0) ** 2 + (w[1] - 0.05) ** 2 + calcweb.l1_penalty(w, coefficient)
        loss.backward()
        optimizer.step()
    assert w[1].data != 0.0
    assert abs(w[1].data) <= lr * coefficient


@pytest.mark.parametrize("name", ["relu", "abs"])
def test_kink_docstrings_say_who_takes_0_and_who_refuses(name: str) -> None:
    f = getattr(calcweb, name)
    doc = flat(inspect.getdoc(f) or "")
    assert "Its derivative at 0 is taken as 0" not in doc
    assert "the default methods of `calcweb.derivative` and `calcweb.vjp` refuse" in doc
    with pytest.raises(DomainError):
        calcweb.derivative(f, 0.0)
    assert calcweb.derivative(f, 0.0, method="ad") == 0.0
    v = Value(0.0)
    f(v).backward()
    assert v.grad == 0.0
    with pytest.raises(DomainError):
        calcweb.vjp(lambda p: [f(p[0])], [0.0])
    _, pullback = calcweb.vjp(lambda p: [f(p[0])], [0.0], method="ad")
    assert pullback([1.0]) == [0.0]


def test_taylor_degree_limit_is_stated() -> None:
    assert "any degree up to 170" in flat(inspect.getdoc(calcweb.taylor) or "")
    assert calcweb.taylor(calcweb.exp, 0.0, 170).degree == 170
    with pytest.raises(CalcwebError):
        calcweb.taylor(calcweb.exp, 0.0, 171)
