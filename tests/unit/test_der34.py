"""DER34: Richardson's lies left beside junctions and clamps (issue 13).

f written with `math` ("auto" is Richardson). Exact values are closed forms.

1. The one-sided check (`_richardson._check_one_sided`) refused only a central
   estimate farther from a forward value than the forward value's own
   uncertainty plus *twice* the estimate's error. An estimate just past that
   (beyond both errors) stood with its error: 2.01 and 3.17 errors off below.
   The estimate's error now reaches the forward value.
"""

from __future__ import annotations

import math
import struct
import sys
from collections.abc import Callable

from calcweb import _richardson, derivative
from calcweb._richardson import Sampler

EPS = sys.float_info.epsilon


def _answered(f: Callable[[float], float], x: float, n: int, exact: float) -> None:
    """Answered (not refused), within twice its error of ``exact``."""
    result = derivative(f, x, n, full_output=True)
    assert abs(result.value - exact) <= 2.0 * result.error, (result, exact)


def _spliced(c: float, degree: int) -> Callable[[float], float]:
    """exp left of c, its Taylor polynomial of ``degree`` at c right of it (C**degree at c)."""
    coefficients = [math.exp(c) / math.factorial(j) for j in range(degree + 1)]

    def f(t: float) -> float:
        if t < c:
            return math.exp(t)
        u = t - c
        return math.fsum(a * math.pow(u, j) for j, a in enumerate(coefficients))

    return f


def _single(value: float) -> float:
    """``value`` rounded to single precision."""
    rounded: float = struct.unpack("f", struct.pack("f", value))[0]
    return rounded


def test_a_forward_value_beyond_both_errors_widens_the_estimate() -> None:
    # |t| at 0 with steps 1/4, 1/8: forward quotients 1, 1 (own uncertainty: 20 x their
    # rounding, 80 eps); a central 0 +- 0.6 is within 2 x 0.6 of 1 (not refused) but
    # beyond both errors: its error becomes 1 + 80 eps.
    estimate = _richardson.Estimate(0.0, 0.6, 0, 1.0, "central", 0.25)
    widened = _richardson._check_one_sided(Sampler(abs, 0.0), estimate)
    assert widened == 1.0 + 80.0 * EPS
    # Within both errors: unchanged.
    estimate = _richardson.Estimate(0.0, 1.0, 0, 1.0, "central", 0.25)
    assert _richardson._check_one_sided(Sampler(abs, 0.0), estimate) == 1.0


def test_a_junction_nearer_than_the_window_is_held_by_the_error() -> None:
    # e**t left of c = -1.707, its quadratic at c right of it; f''' at c + 8.4e-6 is 0.
    # Was 0.0650 +- 0.0323 (2.01 errors off): the forward value, 3e-6 +- 0.0014, was
    # within 2 x 0.0323 + 0.0014 of it. Now +- 0.0665.
    _answered(_spliced(-1.707, 2), -1.7069916311516065, 3, 0.0)


def test_a_clamped_log_in_single_precision_is_held_by_the_error() -> None:
    # log(max(t, c)) rounded to float32, n = 3 at c + 4.3e-7: the walk from a step on
    # the scale of x, with the noise (9.5e-7) known, kept a window across the clamp:
    # -1.13e16 +- 3.57e15 for 2 / x**3 = 4.0e11 (3.17 errors off). Now +- 1.79e16.
    c = 0.00017047260648071967
    x = 0.00017090154555877504
    _answered(lambda t: _single(math.log(max(t, c))), x, 3, 2.0 / x**3)
