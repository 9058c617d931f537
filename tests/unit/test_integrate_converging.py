"""Slowly converging sums far from their extrapolation are not a divergence (issue 13).

qagse's test for divergence calls an integral divergent when the sum over the
panels and its extrapolation are more than a factor 100 apart, or the sum's
error exceeds the sum. At an end where f is ``x**-p`` with ``p`` just below 1
the chain's panel keeps a share ``2**(p - 1)`` of its sum at each halving, so
the sums stay far from the integral for a long time; where f changes sign and
the integral nearly cancels (``(x - c) x**-p``, ``c`` near ``(1 - p)/(2 - p)``),
or has a log factor, the sum and the extrapolation are orders of magnitude
apart while the extrapolation is right. The sums' own model says they
converge: the two rates fitted to their last four steps are below 1 and sum
to the extrapolation (`_Epsilon._converging`).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import mpmath
import pytest
from integrate_checks import result_of, table_of

mpmath.mp.dps = 40
M = mpmath.mpf


def cancelling(c: float, p: float) -> tuple[Callable[[float], float], float]:
    """``(x - c) x**-p`` and its integral on [0, 1], 1/(2 - p) - c/(1 - p)."""
    return lambda x: (x - c) * x**-p, float(1 / (2 - M(p)) - M(c) / (1 - M(p)))


def cancelling_right(c: float, p: float) -> tuple[Callable[[float], float], float]:
    """``(x - c)(1 - x)**-p`` and its integral on [0, 1], (1 - c)/(1 - p) - 1/(2 - p)."""
    return lambda x: (x - c) * (1 - x) ** -p, float((1 - M(c)) / (1 - M(p)) - 1 / (2 - M(p)))


def log_power(c: float, p: float) -> tuple[Callable[[float], float], float]:
    """``(log x + c) x**-p`` and its integral on [0, 1], c/(1 - p) - 1/(1 - p)**2."""
    return lambda x: (math.log(x) + c) * x**-p, float(M(c) / (1 - M(p)) - 1 / (1 - M(p)) ** 2)


CONVERGENT = [
    # 0.999 times the cancelling c = 1/21: sums 0.5629, 0.5440, 0.5255, 0.5076.
    pytest.param(*cancelling(0.999 / 21, 0.95), 1e-10, id="(x - 0.999/21) x^-0.95"),
    # bench/scans/endscan.py seed 1: refused as divergent before.
    pytest.param(
        *cancelling(0.0755591521342867, 0.9182999319133807),
        2.0407359214325102e-06,
        id="(x - 0.0756) x^-0.918",
    ),
    pytest.param(
        *cancelling(0.02324684500081785, 0.9761998440656077),
        6.762351951112623e-11,
        id="(x - 0.0232) x^-0.976",
    ),
    pytest.param(
        *cancelling_right(0.9612031372378838, 0.9596322235640787),
        2.0623519809109137e-08,
        id="(x - 0.961) (1 - x)^-0.960",
    ),
    pytest.param(
        *log_power(1.394662075677261, 0.9123935922879337),
        5.632274101168292e-07,
        id="(log x + 1.39) x^-0.912",
    ),
    pytest.param(
        *log_power(2.5771751429624103, 0.8936522844569423),
        1.343454215430074e-06,
        id="(log x + 2.58) x^-0.894",
    ),
]


@pytest.mark.parametrize(("f", "exact", "tol"), CONVERGENT)
def test_slowly_converging_sums_far_from_their_extrapolation_are_answered(
    f: Callable[[float], float], exact: float, tol: float
) -> None:
    result = result_of(f, tol)
    assert result.converged, result.message
    assert abs(result.value - exact) <= 2.0 * result.error, (result.value, exact, result.error)
    assert result.error <= tol * max(1.0, abs(result.value))


def two_rates(q1: float, q2: float, n: int = 8) -> list[float]:
    """``1e-3 + 0.6 q1**k - 0.1 q2**k``, k = 0..n-1: sums with two geometric terms."""
    return [1e-3 + 0.6 * q1**k - 0.1 * q2**k for k in range(n)]


@pytest.mark.parametrize(("q1", "q2"), [(0.966, 0.483), (0.99, 0.5), (0.9, 0.8)])
def test_two_rates_below_1_converge(q1: float, q2: float) -> None:
    table = table_of(two_rates(q1, q2))
    assert table.converging
    assert not table.antilimit


@pytest.mark.parametrize(("q1", "q2"), [(1.05, 0.5), (1.2, 0.9)])
def test_a_rate_above_1_does_not_converge(q1: float, q2: float) -> None:
    table = table_of(two_rates(q1, q2))
    assert not table.converging
