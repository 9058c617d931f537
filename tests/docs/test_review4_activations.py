"""REVIEW4: what the pages say of ReLU at 0, where calcweb.derivative now refuses.

The activations page's explorable cell raised DomainError at z = 0 when the
reader picked "relu" (its ``factor`` called the default method); it shows
what backpropagation picks up, PyTorch's 0 at the kink: method="ad". The
derivatives page said only method="ad" returns a number there; the
fixed-step quotients return theirs too.
"""

from __future__ import annotations

import pytest

import calcweb
from calcweb._cell import run_cell

from .pages import DOCS, cells

CHOICE = 'calcweb.choice("activation", ["sigmoid", "tanh", "relu", "softplus"])'


@pytest.mark.parametrize(("name", "peak"), [("sigmoid", 0.25**3), ("relu", 1.0)])
def test_the_explorable_cell_runs_for_each_activation(name: str, peak: float) -> None:
    (cell,) = [c for c in cells(DOCS / "activations.md") if c.id == "activations-explore"]
    assert CHOICE in cell.code  # the reader's pick, replaced by each option in turn
    result = run_cell(cell.code.replace(CHOICE, repr(name)), {"__name__": "__main__"}, "<cell>")
    assert result.error is None, result.error
    assert f"largest {name}′(z)^3 on [-4, 4]: {peak:.6g}" in result.stdout


def test_the_fixed_step_quotients_of_relu_at_0_the_derivatives_page_quotes() -> None:
    text = " ".join((DOCS / "derivatives.md").read_text(encoding="utf-8").split())
    assert 'for ReLU at 0: `method="backward"` 0, `"forward"` 1, `"central"` 0.5' in text
    methods = ("backward", "forward", "central")
    got = {m: calcweb.derivative(calcweb.relu, 0.0, method=m) for m in methods}
    assert got == {"backward": 0.0, "forward": 1.0, "central": 0.5}
