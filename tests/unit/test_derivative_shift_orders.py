"""Derivatives of every order where ``a x`` rounded inside ``f`` shifts every quotient (issue 13).

``f(t) = g(a t + c)`` computes ``g`` at ``a x + c`` rounded, up to ``|a x| eps / 2``
off: every central quotient about ``x`` is one of ``g`` about that point, and so is
their extrapolation, a refined one's too, off by ``|f^(n+1)|`` times ``|x| eps / 2``,
which no disagreement between them shows (`_richardson._shifted`). Found by
bench/scans/crestscan.py (``--order 3``, near crests of ``sin(k t + c)``, seeds 1-2),
where ``f''''`` is ``k**4`` and ``f'''`` near 0. Exact values: mpmath at 40 digits.
"""

from __future__ import annotations

import math
import sys

import pytest

from calcweb import _richardson, derivative

EPS = sys.float_info.epsilon

native = pytest.mark.xfail(
    sys.platform == "emscripten", strict=False, reason="measured natively; libm may differ"
)


@native
@pytest.mark.parametrize(
    ("k", "c", "x", "exact"),
    [
        # Was 899854902.8571428 +- 9.4e6 (104 times its error off; crestscan seed 2).
        (2375241.75, 3.2002, 0.9345088249669273, 1869738332.8684335),
        # Was -4712583.466666667 +- 1.1e5 (30.9x; seed 1).
        (516502.95, 3.6869, -0.6759627074251321, -8192410.193713948),
        # Was -7829007.357142857 +- 1.4e5 (30.5x; seed 1).
        (556249.22, 3.6169, -0.772980574160505, -3649534.7993347403),
        # Was -131801808.35714285 +- 9.0e5 (26x; seed 1).
        (766984.67, 5.0206, -0.9254247801613408, -108418266.00332268),
    ],
)
def test_a_third_derivative_near_a_crest_has_the_shift_in_its_error(
    k: float, c: float, x: float, exact: float
) -> None:
    result = derivative(lambda t: math.sin(k * t + c), x, 3, full_output=True)
    assert abs(result.value - exact) <= 2.0 * result.error, result


def _sampled(f, x: float, points: list[float]) -> _richardson.Sampler:  # type: ignore[no-untyped-def]
    sampler = _richardson.Sampler(f, x)
    for point in points:
        sampler(point)
    return sampler


def test_the_bound_of_an_odd_order_is_from_x_and_the_smallest_stencil() -> None:
    # t**4 at 3, n = 3, smallest step 1/2: points 1.5, 2.5, 3, 3.5, 4.5 (the stencil's
    # and x), f'''' = 24: 24 |x| eps / 2 = 36 eps. No call is made.
    sampler = _sampled(lambda t: t**4, 3.0, [1.5, 2.5, 3.0, 3.5, 4.5])
    estimate = _richardson.Estimate(72.0, 0.0, 5, 1.0, "central", 0.5)
    bound = _richardson._shifted(sampler, 3, estimate)
    assert bound == pytest.approx(36.0 * EPS, rel=1e-12, abs=0.0)
    assert sampler.calls == 5


def test_the_bound_of_an_even_order_takes_a_point_of_the_next_larger_step() -> None:
    # t**3 at 3, n = 2, smallest step 1/2 after 1: points 2.5, 3, 3.5 and 4 (x plus the
    # larger step), f''' = 6: 6 |x| eps / 2 = 9 eps.
    sampler = _sampled(lambda t: t**3, 3.0, [2.5, 3.0, 3.5, 4.0])
    window = ((1.0, 18.0), (0.5, 18.0))
    estimate = _richardson.Estimate(18.0, 0.0, 4, 1.0, "central", 0.5, window)
    bound = _richardson._shifted(sampler, 2, estimate)
    assert bound == pytest.approx(9.0 * EPS, rel=1e-12, abs=0.0)
    # Without the larger step's point (a window of one row, or not sampled): 0.
    alone = _richardson.Estimate(18.0, 0.0, 4, 1.0, "central", 0.5, window[1:])
    assert _richardson._shifted(sampler, 2, alone) == 0.0
    unsampled = _sampled(lambda t: t**3, 3.0, [2.5, 3.0, 3.5])
    assert _richardson._shifted(unsampled, 2, estimate) == 0.0
    assert unsampled.calls == 3


def test_a_derivative_of_order_0_has_no_shift_bound() -> None:
    sampler = _sampled(lambda t: t**3, 3.0, [3.0])
    estimate = _richardson.Estimate(27.0, 0.0, 1, 1.0, "central", 0.5, ((1.0, 27.0), (0.5, 27.0)))
    assert _richardson._shifted(sampler, 0, estimate) == 0.0
