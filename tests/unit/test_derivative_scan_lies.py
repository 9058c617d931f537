"""Higher derivatives that bench/scans/dernscan.py (seeds 3 and 4, 800 draws) found dishonest.

Each is recorded with its exact value (mpmath at 220 digits, as the scan
computes it). Natively, where it was measured, each must be honest or
refused; Pyodide's libm may round exp and erf differently, and the walk's
path with them, so there a failure is not strict.
"""

from __future__ import annotations

import math
import sys

import pytest

from calcweb import CalcwebError, derivative


def sin_of_exp(t: float) -> float:
    return math.sin(math.exp(t))


def gelu(t: float) -> float:
    return 0.5 * t * (1.0 + math.erf(t / math.sqrt(2.0)))


LIES = [
    # exp(19.08) = 1.9e8: f varies on a scale of 5e-9; the walk kept a window at
    # steps near 1, where sin(exp(t)) is noise: 1.6952655781497998 +- 37.2 (a
    # "relative noise" 3.67 times |f|, now no rounding grid: `_relative_noise`).
    pytest.param(sin_of_exp, 19.082017127984127, 4, 7.82972558687378e32, id="sin-exp-n4"),
    # 1 + erf(t / sqrt 2) is 7e-15 here, on a grid of 1.1e-16: f is a staircase of steps
    # 1.6 % of its size, and the window read 1.3973412978065289e-16 +- 1.35e-14.
    pytest.param(gelu, -7.8002435297472905, 3, -1.085520964010597e-11, id="gelu-n3"),
    # The same two kinds in dernscan seed 4 (held out): 0.894974536616358 +- 20.9 and
    # 8.416391866528307e-15 +- 3.62e-12.
    pytest.param(sin_of_exp, 25.340804081256607, 2, 8.074026676963398e21, id="sin-exp-n2"),
    pytest.param(gelu, -7.560979704520118, 3, -6.182703998217899e-11, id="gelu-n3-held-out"),
]


@pytest.mark.xfail(
    sys.platform == "emscripten", strict=False, reason="measured natively; libm may differ"
)
@pytest.mark.parametrize(("f", "x", "n", "exact"), LIES)
def test_a_higher_derivative_is_honest_or_refused(f, x: float, n: int, exact: float) -> None:
    try:
        result = derivative(f, x, n, full_output=True)
    except CalcwebError:
        return
    assert abs(result.value - exact) <= 2.0 * result.error
