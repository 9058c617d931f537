"""DER24: a line through a point samples the floats near it, as one variable does.

On the line ``t -> f(x + t d)`` at ``t = 0`` (`calcweb.multivariate`, ``offset``
``|x / d|``) the walk's answer had neither `_shifted`'s bound (``a x`` rounded
inside ``f`` moves every quotient about ``x`` alike) nor `_lined_up`'s (its points
``x + t d``, rounded to ulp(``x``), sit on a stencil of a slightly different step)
though both hold there with ``|x|`` the offset: fast sines ``sin(k p[0] + c)`` near
their crests lied on the line and not in one variable (bench/scans/crestscan.py
--mode line, seeds 1-2: 31 distinct lies, 17 of them of order 3, 5 of order 2).
Each case: k, c, the point x (the line through [x, 0.3] along [1, 0]), the order,
the answer before (value, error, true value: mpmath at 40 digits).
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable

import mpmath
import pytest

import calcweb as cw
from calcweb import multivariate

CASES = [
    # -131801808.357 +- 8.98e5 for -108418266.003 (26x): now +- 3.55e7
    (766984.67, 5.0206, -0.9254247801613408, 3),
    # -3032353737.14 +- 3.22e7 for -6117298344.83 (95.8x)
    (3205279.65, 5.5493, 0.5231219014888451, 3),
    # -21496.29 +- 1.54e3 for -35139.23 (8.8x)
    (149180.2, 4.3932, -0.8313879266959762, 3),
    # -19853242996132.516 +- 1.45e4 for -19853242795810.883 (13.8x): now +- 1.41e6
    (4455697.79, 4.4696, 0.47824197228924725, 2),
    # -119045120.20180985 +- 0.00266 for -119045120.20840001 (2.48x)
    (10910.78, 2.6808, 0.6644516561430106, 2),
]


def exact(k: float, c: float, x: float, n: int) -> float:
    mpmath.mp.dps = 40
    kk = mpmath.mpf(k)
    return float(kk**n * mpmath.sin(kk * mpmath.mpf(x) + mpmath.mpf(c) + n * mpmath.pi / 2))


def sine(k: float, c: float) -> Callable[[list[float]], float]:
    return lambda p: math.sin(k * p[0] + c)


@pytest.mark.parametrize(("k", "c", "x", "n"), CASES)
def test_a_fast_sine_on_a_line_is_honest(k: float, c: float, x: float, n: int) -> None:
    line, scale = multivariate._along(sine(k, c), [x, 0.3], [1.0, 0.0])
    result = cw.derivative(line, line.at, n, full_output=True)
    value, error = math.ldexp(result.value, scale * n), math.ldexp(result.error, scale * n)
    assert abs(value - exact(k, c, x, n)) <= 2.0 * error


def test_the_hessians_entry_has_the_lines_error() -> None:
    # hessian's H[0][0] comes from the line (its error below _COARSE of itself):
    # -19853242996132.516 with an error of 1.45e4, 2e5 from the exact value.
    k, c, x, _ = CASES[3]
    entry = multivariate._second_along(sine(k, c), [x, 0.3], [1.0, 0.0], method="auto")
    assert abs(entry.value - exact(k, c, x, 2)) <= 2.0 * entry.error


def test_the_line_answers_as_one_variable_does() -> None:
    # The same value and error as f in one variable at x, which had them before too
    # (offset 0: the bounds are unchanged there, bit for bit).
    k, c, x, n = CASES[0]
    alone = cw.derivative(lambda t: math.sin(k * t + c), x, n, full_output=True)
    assert abs(alone.value - exact(k, c, x, n)) <= 2.0 * alone.error
    if sys.platform != "emscripten":  # Pyodide's libm rounds sin differently in the last bits
        assert (alone.value, alone.error, alone.nfev) == (
            -131801808.35714285,
            35455851.07996005,
            # 125 of Richardson's (4 of them the refining stencil at twice its step:
            # `_unsteady_when_doubled`), the point off the noise test's grid
            # (`_seen_off_the_grid`) and the call on jets math.sin refused (counted since AD2)
            127,
        )
    line, scale = multivariate._along(sine(k, c), [x, 0.3], [1.0, 0.0])
    result = cw.derivative(line, line.at, n, full_output=True)
    assert math.ldexp(result.value, scale * n) == alone.value
    assert math.ldexp(result.error, scale * n) == alone.error
