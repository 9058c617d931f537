"""REVIEW4: what the pages say of ReLU at 0, where calcweb.derivative now refuses.

The activations page's explorable cell raised DomainError at z = 0 when the
reader picked "relu" (its ``factor`` called the default method); it shows
what backpropagation picks up, PyTorch's 0 at the kink: method="ad".
"""

from __future__ import annotations

import pytest

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
