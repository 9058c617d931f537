"""Refined first derivatives whose wide stencil sees ``a t`` rounded inside ``f`` (issue 13).

``f(t) = g(a t)`` computes ``g`` at ``a t`` rounded to ulp(``a t``): each
value is off by up to ``|t| eps / 2`` times ``|f'|``. At the equally spaced
points of the refining stencil (`_richardson._refine`) those roundings are a
sawtooth whose wraps fall anywhere, and the stencil's differences need not
show it; its error counted 2 eps of each value only. With ``a`` within 1e-12
of a power of 2 (the near-power-of-2 scan of session 13: sin, exp and log1p
of ``a t``, held-out seeds 3, 4 and 6) ``exp(a t)`` at 64.18 was 3.0 times
its error off (values off by up to 30 eps of ``f``). The bound
(`_richardson._moved`) is added to the refined error whatever ``f`` is:
nothing sampled tells ``exp(t)`` from ``exp(a t)`` with ``a`` that close to
1. Exact values: mpmath at 50 digits.
"""

from __future__ import annotations

import math

import pytest

from calcweb import _richardson, derivative
from calcweb._richardson import Sampler
from calcweb.multivariate import _along


def _exp(a: float):  # type: ignore[no-untyped-def]
    return lambda t: math.exp(a * t)


# (a, x, f'(x)): on the old code 3.03, 1.73 (2.22 in session 13's scan), 2.12 and 2.24 times the
# error off.
CASES = [
    (0.9999999999995703, 64.18312872714986, 7.488220727832903e27),
    (2.000000000019654, 70.64407208940582, 4.5887180270971496e61),
    (0.9999999999921526, -41.78794584030848, 7.107644726914832e-19),
    (1.999999980447057, -78.09660213189633, 2.932134797634875e-68),
]


@pytest.mark.parametrize(("a", "x", "exact"), CASES)
def test_a_refined_answer_counts_the_rounding_of_its_argument(
    a: float, x: float, exact: float
) -> None:
    result = derivative(_exp(a), x, full_output=True)
    assert result.method == "richardson"
    assert abs(result.value - exact) <= 2.0 * result.error, result
    # Still about 1e-13 relative: the bound is of the wide stencil, not of the walk.
    assert result.error < 1e-12 * abs(exact), result


def test_the_bound_of_a_rounded_argument_on_the_wide_stencil() -> None:
    """``sum |w_k| |f'(t_k)| |t_k| eps / 2 / H``, ``|f'|`` from the chords beside ``t_k``."""
    x, step, m = 64.18312872714986, 0.0625, 6
    sampler = Sampler(math.exp, x)
    points = [x + k * step for k in range(-m, m + 1)]
    for point in points:
        sampler(point)
    calls = sampler.calls
    weights = _richardson._weights(1, [float(k) for k in range(-m, m + 1)])
    exact = math.fsum(
        abs(w) * math.exp(t) * abs(t) * _richardson._EPS / 2.0 / step
        for w, t in zip(weights, points, strict=True)
    )
    moved = _richardson._moved(sampler, 1, m, step)
    assert sampler.calls == calls  # the values are known: no call is made
    # The larger chord beside t_k is f' at most H/2 beyond it: e**(1/32) = 1.03.
    assert exact <= moved <= 1.04 * exact
    # A line's argument is rounded as at |t| + offset.
    sampler.offset = 1000.0
    lined = _richardson._moved(sampler, 1, m, step)
    assert lined > 10.0 * moved


def test_the_bound_is_nothing_where_f_is_constant_or_at_zero_for_a_slope() -> None:
    sampler = Sampler(lambda t: 3.0, 5.0)
    assert _richardson._moved(sampler, 1, 6, 0.5) == 0.0
    # At x = 0 only the offsets |k H| count: f = 2 t, f' = 2.
    sampler = Sampler(lambda t: 2.0 * t, 0.0)
    weights = _richardson._weights(2, [float(k) for k in range(-6, 7)])
    expected = sum(abs(w) * 2.0 * abs(k) * 0.5 for w, k in zip(weights, range(-6, 7), strict=True))
    expected *= _richardson._EPS / 2.0 / 0.5**2
    assert _richardson._moved(sampler, 2, 6, 0.5) == pytest.approx(expected, rel=1e-12, abs=0.0)


def test_a_refined_answer_at_a_crest_counts_the_phase_a_t_rounded_loses() -> None:
    """``sin(k t + c)`` at a crest: ``k t + c`` rounded to ulp(``k x + c``) loses bits of ``c``.

    ``k = 585.2617485287398``, ``c = 6.18448419959363`` at ``x =
    -0.3782642237033594`` (``f'`` -7.3e-12, ``f''`` 3.4e5): refined, it was
    -4.56e-13 +- 2.9e-12 (2.39 times its error off; on a line through
    ``(x, 0.3)`` along the first axis, +- 2.8e-12, 2.46 times). A phase off by
    ``d`` alike at every point moves the values by ``f'(t_j) d``, which the
    wide stencil (``H = 2**-10``) differentiates to ``f'' d``; near ``x``,
    ``|f'(t_j)|`` is about ``|f''| |j H|``, and ``sum |w_j| |j| >= 1`` (the
    weights differentiate ``j`` exactly), so `_moved` is about that or more.
    """
    k, c, x = 585.2617485287398, 6.18448419959363, -0.3782642237033594
    exact = -7.304828856375172e-12
    result = derivative(lambda t: math.sin(k * t + c), x, full_output=True)
    assert abs(result.value - exact) <= 2.0 * result.error, result
    line, scale = _along(lambda p: math.sin(k * p[0] + c), [x, 0.3], [1.0, 0.0])
    assert scale == 0
    result = derivative(line, 0.0, full_output=True)
    assert abs(result.value - exact) <= 2.0 * result.error, result
