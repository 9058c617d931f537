"""DERFAST (session 29): a fast oscillation under a steep exponential, read as noise.

``exp(a t) sin(k t + p)`` far from 0, where ``f`` is tiny (or huge) next to
its values at the walk's first steps. The first walk resolves ``f``; then a
noise test at a spacing on ``f``'s own scale reads its swing as noise, and
the walk done again with it keeps a far window whose quotients, all near 0
next to ``f``'s values over ``h**n``, agree within that noise. Of order 2 or
more `_check_noise_is_swing` must see that the noise is ``f``'s swing: its
4th differences fall as a smooth function's, onto the rounding of ``k t``
inside ``f`` (``|f'| |x| eps / 2``), far above the rounding of ``f``'s own
tiny values near ``x``; and the noise is judged against the rounding of the
values near ``x``, not of the largest ``|f|`` sampled (1e15 times larger at
the first steps). Exact values: the closed form ``(a + i k)**n`` times
``exp(a x) exp(i (k x + p))`` in mpmath, of the floats given.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from calcweb import NumericalError, derivative


def _honest_or_refused(f: Callable[[float], float], x: float, n: int, exact: float) -> None:
    try:
        result = derivative(f, x, n, full_output=True)
    except NumericalError:
        return  # an honest refusal keeps the contract
    assert abs(result.value - exact) <= 2.0 * result.error, (result, exact)


@pytest.mark.parametrize(
    ("f", "x", "n", "exact"),
    [
        # fast-off-zero seed 2929: f ~ 7e-15 at x, the noise read 3.7e-14 at a spacing of
        # 9.5e-8 (period 8.3e-7); the walk done again kept steps 0.05 to 0.0031: -1.77e-10
        # +- 5.2e-8. Its 4th differences fall 3.1e-14, 3.9e-18, 6e-23, then level at 1e-25,
        # the rounding of 7590270 t, while 4 eps |f| is 6e-30.
        (
            lambda t: math.exp(-97.936 * t) * math.sin(7590270.0 * t + 1.1036),
            0.3333,
            2,
            -0.38282890727259583,
        ),
        # fastoffscan seed 2929: f ~ 1.6e-193 at x and 1e-67 at the first step; the noise,
        # 3.1e-193, is below 4 quiet (4e-83) of the largest |f| sampled: 4.09e-186 +- 4.5e-184.
        (
            lambda t: (
                math.exp(-1436.6 * t) * math.sin(82654800.0 * t + 4.3231) * math.cos(9019510.0 * t)
            ),
            0.3082,
            2,
            -5.304291990668884e-178,
        ),
        # fastoffscan seed 1, n = 6: 8.81e174 +- 1.26e177 for 8.54e197.
        (
            lambda t: math.exp(2110.3 * t) * math.cos(79988500.0 * t + 3.5338),
            0.1648,
            6,
            8.54422964001076e197,
        ),
    ],
    ids=["n=2", "n=2-tiny", "n=6-huge"],
)
def test_a_fast_swing_under_an_exponential_is_no_noise(
    f: Callable[[float], float], x: float, n: int, exact: float
) -> None:
    _honest_or_refused(f, x, n, exact)


def test_the_same_function_at_other_orders_is_still_answered() -> None:
    # n = 1 and n = 3 at the same point were right and honest before, and still are.
    f = lambda t: math.exp(-97.936 * t) * math.sin(7590270.0 * t + 1.1036)  # noqa: E731
    first = derivative(f, 0.3333, 1, full_output=True)
    assert abs(first.value - 3.81649378836732e-9) <= 2.0 * first.error
    third = derivative(f, 0.3333, 3, full_output=True)
    assert abs(third.value + 219801.612942187) <= 2.0 * third.error
    assert third.error < 1e-2 * abs(third.value)


def test_a_window_its_probe_refuted_resolved_nothing() -> None:
    # fast-off-zero seed 3, n = 1 at -0.2065 (f about 2e208 there, 1e223 at the first step):
    # a window at steps 2.3e-4 to 7.3e-6 (k h 200 to 6 radians) aliased the sine and
    # followed the expansion; its probe refuted it, but its first step stood as where the
    # walk saw f smooth below (`_within_reach`), so the noise spacing 2e-6 (1.7 radians)
    # read f's swing as noise 7.9e208, and the walk done again with it answered
    # 4.38e211 +- 1.25e213. The first walk's window (steps 5.7e-8 and below) was right.
    f = lambda t: math.exp(-2323.5 * t) * math.sin(857260.0 * t + 5.5131)  # noqa: E731
    result = derivative(f, -0.2065, 1, full_output=True)
    assert abs(result.value + 1.6245258934085472e214) <= 2.0 * result.error, result
    assert result.error < 1e-6 * abs(result.value)
