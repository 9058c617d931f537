"""AD2: what Taylor mode still got wrong after AD1 (session 22).

nfev: where f refuses jets (``math.sin``), "auto" falls back to Richardson;
the refused call on jets was not counted (24 reported, 25 made).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

import calcweb as cw


def _counting(f: Callable[[float], float]) -> tuple[Callable[[object], object], list[int]]:
    calls = [0]

    def counted(x: object) -> object:
        calls[0] += 1
        return f(x)  # type: ignore[arg-type]

    return counted, calls


@pytest.mark.parametrize("n", [1, 2])
def test_nfev_counts_the_call_on_jets_f_refused(n: int) -> None:
    f, calls = _counting(math.sin)
    result = cw.derivative(f, 1.0, n, full_output=True)
    assert result.method == "richardson"
    assert result.nfev == calls[0]  # was one short: 24 for 25 at n = 1
