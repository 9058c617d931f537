"""Two equal last samples in an exact trend's band count only as its limit (`limits._constant_run`).

``1e-10 + sin(x)/x`` at ``x0 = 1.1454980363676285e25`` from the left: the
floats there are 2**31 apart, ``sin`` is at a new phase at every sample, and
``f`` is 1e-10 plus a scatter of 7 ulps (``sin(x)/x`` is below 8.7e-26 and
``ulp(1e-10)`` 1.3e-26). To rounding (`_polynomial_limit`: ``ULPS`` units,
amplified) the samples are the constant 1e-10, and they stay in the band of
that exact trend; the last two happened to be equal, 4 ulps below, and were
answered as a constant run on its way to the trend's limit, 9.999999999999995e-11
+- 2.2e-26 (one rounding), for 1.000000000000001e-10 (6 errors off). A single
last sample counted only if it was the trend's limit itself; two equal ones
now count so too (a run of ``STUCK`` or more is judged as before), and the
samples are extrapolated, their scatter their error. Found by a scan of
``C + sin(x)/x`` and ``C + cos(x)/x`` near ``x0 = 1.15e25`` (4 lies in 200).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from calcweb import LimitResult, limit


def _plus(g: Callable[[float], float]) -> Callable[[float], float]:
    return lambda x: 1e-10 + g(x) / x


# g, x0, side, the limit (mpmath, 60 digits): each was answered as the last two
# samples, 9.999999999999995e-11 or 1.0000000000000006e-10, +- 2.2e-26.
LIES = [
    (math.sin, 1.1454980363676285e25, "left", 1.000000000000001e-10),
    (math.cos, 1.1628100512294719e25, "left", 1.0000000000000008e-10),
    (math.cos, 1.1849434723131566e25, "right", 9.999999999999993e-11),
    (math.sin, 1.1612789701429438e25, "right", 1.0000000000000008e-10),
]


@pytest.mark.parametrize(("g", "x0", "side", "exact"), LIES)
def test_two_equal_samples_in_a_scatter_are_no_limit(
    g: Callable[[float], float], x0: float, side: str, exact: float
) -> None:
    result = limit(_plus(g), x0, side=side, full_output=True)  # type: ignore[arg-type]
    assert isinstance(result, LimitResult)
    assert not result.message.startswith("f is "), result.message
    assert not result.converged or abs(result.value - exact) <= 2 * result.error, result


def test_floor_next_to_2_47_is_still_its_run() -> None:
    # floor(x0 + h) is x0 + h down to h = 1, then x0 at the last two steps:
    # the trend's limit itself, which two equal samples may be.
    x0 = 2.0**47
    result = limit(math.floor, x0, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    assert result.converged
    assert result.value == x0
