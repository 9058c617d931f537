"""DERREACH: a flushed f's stair is looked for out to the end of the floats (session 30).

Where f is f(x) at every point of the estimate's window, the error covers what a
stair beside x allows (`_richardson._stair_derivative`), but the stair was looked
for only within 2 max(1, |x|) of x: the normal cdf of ``t - 11`` at 0 (``1 + erf``
flushed to 0 up to 2.7) was 0 +- 6.6e-321 for its density 2.1e-27. Its stair is
where the shift puts it, so the look goes on outward (`_richardson._far_stair`).
Exact values from mpmath (``npdf``). No mpmath or numpy here: these run in Pyodide.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable

import pytest

from calcweb import derivative
from calcweb._richardson import STAIR_LOOK, Sampler, _far_stair, _narrowed

SQRT2 = math.sqrt(2.0)


def _cdf(shift: float) -> Callable[[float], float]:
    return lambda t: 0.5 * (1.0 + math.erf((t - shift) / SQRT2))


# shift, x, the density at x - shift (mpmath): each stair is beyond 2 max(1, |x|) of x
FAR = [
    pytest.param(11.0, 0.0, 2.1188192535093534e-27, id="t - 11 at 0"),
    pytest.param(10.5, 0.0, 4.575375590520806e-25, id="t - 10.5 at 0"),
    pytest.param(25.0, -5.0, 1.4736461348785476e-196, id="t - 25 at -5"),
]


@pytest.mark.parametrize(("shift", "x", "exact"), FAR)
def test_a_cdf_flushed_up_to_a_far_stair_has_an_error_that_covers_its_density(
    shift: float, x: float, exact: float
) -> None:
    result = derivative(_cdf(shift), x, full_output=True)
    # Was 0 +- 6.6e-321 (1.3e-321 at -5); now the stair of 1.1e-16 at 2.7 (or 21.7) away.
    assert result.value == 0.0
    assert abs(result.value - exact) <= 2.0 * result.error < 1e-15, result


def test_a_small_constant_plus_a_flushed_cdf_has_an_error_that_covers_its_density() -> None:
    # f(x) = 1e-20, not 0: its rounding (0 +- 3e-33 before) says nothing of the stair,
    # 1.1e-16 high, where the cdf of t - 11 leaves 0.
    result = derivative(lambda t: 1e-20 + _cdf(11.0)(t), 0.0, full_output=True)
    assert abs(result.value - 2.1188192535093534e-27) <= 2.0 * result.error < 1e-15, result


@pytest.mark.parametrize(
    ("f", "x", "n", "bound"),
    [
        pytest.param(lambda t: 0.0, 3.0, 1, 1e-320, id="0 at 3"),
        pytest.param(lambda t: 5.0, 0.0, 2, 1e-11, id="5 at 0, n=2"),
        pytest.param(lambda t: math.exp(-1 / t**2) if t else 0.0, 0.0, 1, 1e-320, id="bump n=1"),
        pytest.param(lambda t: math.exp(-1 / t**2) if t else 0.0, 0.0, 6, 1e-291, id="bump n=6"),
    ],
)
def test_what_is_flat_everywhere_or_leaves_its_value_near_keeps_its_small_error(
    f: Callable[[float], float], x: float, n: int, bound: float
) -> None:
    # A constant is looked at out to 4.5e307 and never leaves its value: 0 with the
    # rounding of f(x); exp(-1/t**2)'s stair (at 0.037) is as near as before.
    result = derivative(f, x, n, method="richardson", full_output=True)
    assert result.value == 0.0
    assert result.error < bound, result


def _sampled(f: Callable[[float], float], x: float, *points: float) -> Sampler:
    sampler = Sampler(f, x)
    for point in (x, *points):
        sampler(point)
    return sampler


def test_the_far_look_squares_its_ratio_out_to_a_quarter_of_the_largest_float() -> None:
    sampler = _sampled(lambda t: 1.0, 0.0, 2.0)
    flat, edge = _far_stair(sampler, 1.0, 2.0)
    assert edge is None
    assert flat == sys.float_info.max / 4.0
    # 2 times 4, 16, 256, ...: 8, 128, 32768, ..., 6.7e153, then the quarter: 9 calls
    assert sampler.calls == 2 + 9
    assert sorted(sampler.values)[2:5] == [8.0, 128.0, 32768.0]


def test_a_stair_far_out_is_found_and_narrowed_to_a_ratio_of_four() -> None:
    sampler = _sampled(lambda t: 0.0 if t < 1e200 else 1.0, 0.0, 2.0)
    flat, edge = _far_stair(sampler, 1.0, 2.0)
    assert edge is not None
    assert flat < 1e200 <= edge <= STAIR_LOOK * flat
    left = _sampled(lambda t: 0.0 if t > -1e200 else 1.0, 0.0, -2.0)
    assert _far_stair(left, -1.0, -2.0) == (-flat, -edge)


def test_narrowing_keeps_the_flat_and_the_edge_on_their_sides() -> None:
    sampler = _sampled(lambda t: 0.0 if t < 300.0 else 1.0, 0.0, 1.0, 1e6)
    flat, edge = _narrowed(sampler, 1.0, 1e6)
    assert flat < 300.0 <= edge <= STAIR_LOOK * flat


def test_the_far_look_stays_finite_near_the_largest_float() -> None:
    x = sys.float_info.max / 2.0
    sampler = _sampled(lambda t: 7.0, x, x + 1e300)
    flat, edge = _far_stair(sampler, 1.0, x + 1e300)
    assert edge is None
    assert math.isfinite(flat)
    assert all(math.isfinite(point) for point in sampler.values)


def test_f_failing_its_own_way_far_out_leaves_the_answer_as_before_the_far_look() -> None:
    # A flat f that is a table of its own, with no entry past 1e6: the far look asks
    # f at 8, 128, ..., 4.5e307, where it raises KeyError. That tells nothing of f near
    # x: no stair is seen on that side, and the answer is as before the look was made.
    def f(t: float) -> float:
        if abs(t) > 1e6:
            raise KeyError("no entry")
        return 0.0

    result = derivative(f, 0.0, full_output=True)
    assert (result.value, result.error) == (0.0, 6.58e-321)
