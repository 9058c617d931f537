"""DERKINK2: Richardson beside a clamp whose smooth side has a scale below the noised window.

f written with `math` ("auto" is Richardson). Beside a clamp (``log(max(t, c))``
at ``c + 1.5e-5``) the walk before the noise is right, but the noise tests read
the clamp's kink as noise and the walk done again with it settles on a window
beyond the scale of ``f`` (0.00375 and up, where ``c`` is 0.00157), whose
quotients average the two sides. No one-sided walk follows ``log`` that far, so
`_richardson._junction_beside` confirmed nothing. A side opposite which ``f`` is
one value at every point of the noised window (`_richardson._clamped_across`)
now confirms it from 16 times the walk's widest step: stairs over a window that
spans several of them are not one value. Exact values are closed forms.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from calcweb import derivative


def _answered(f: Callable[[float], float], x: float, n: int, exact: float) -> None:
    """Answered (not refused), within twice its error of ``exact``."""
    result = derivative(f, x, n, full_output=True)
    assert abs(result.value - exact) <= 2.0 * result.error, (result, exact)


def _clamped_log(c: float) -> Callable[[float], float]:
    return lambda t: math.log(max(t, c))


@pytest.mark.parametrize(
    ("f", "x", "n", "exact"),
    [
        # was 181.82 +- 89.8, for 631.434
        (_clamped_log(0.00156826802630949), 0.0015836961178473366, 1, 1 / 0.0015836961178473366),
        # was 216.70 +- 106, for 844.742
        (_clamped_log(0.0011609668055808323), 0.001183792816925226, 1, 1 / 0.001183792816925226),
        # a "safe log", the noise read relative to |f| (as of single precision): was
        # 1923.5 +- 8.5e3, for -9.61e5
        (_clamped_log(1e-3), 1.02e-3, 2, -1 / 1.02e-3**2),
        # exp(t / s) clamped above c, s = 7.7e-5: was 163.18 +- 130, for 6121.04
        (
            lambda t: math.exp(min(t, -5.54472900429068e-05) / 7.726422634928683e-05),
            -5.785481525376597e-05,
            1,
            math.exp(-5.785481525376597e-05 / 7.726422634928683e-05) / 7.726422634928683e-05,
        ),
    ],
    ids=["clamped log", "clamped log 2", "safe log n=2", "clamped exp"],
)
def test_the_smooth_side_of_a_clamp_is_answered(
    f: Callable[[float], float], x: float, n: int, exact: float
) -> None:
    _answered(f, x, n, exact)


def test_tanh_clamped_below_second_derivative() -> None:
    # tanh(t / s) clamped below c, s = 3.2e-5: f'' was 83.15 +- 381, for -5.096e8
    s, c, x = 3.206505612115701e-05, 3.701195921495157e-05, 3.7733010117726616e-05
    u = math.tanh(x / s)
    exact = -2.0 * u * (1.0 - u * u) / s**2
    _answered(lambda t: math.tanh(max(t, c) / s), x, 2, exact)
