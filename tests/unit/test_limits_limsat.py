"""Session 30 (LIMSAT): growths that saturate on a huge level past where their law overflows.

The far probe of an infinite answer at 0 or +-inf (`_short_far_out`) sampled
``f`` every 64 halvings past the deepest step, and stopped at the last of those
points where the law of the usual samples stays finite: ``min(x**2, 1e300)``
keeps ``x**2``'s law there (``x = 4.1e149``: ``1.6e299``) and was answered inf.
The probe now ends at the farthest step, a normal float, where the law stays
finite (``x = 6.7e153``), or at ``f``'s own last float before it fails; past a
whole walk, the law is the walk's end's (`_far_law`).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from calcweb import LimitResult, limit


def _result(f: Callable[[float], float], x0: float) -> LimitResult:
    result = limit(f, x0, full_output=True)
    assert isinstance(result, LimitResult)
    return result


SATURATING = {
    # (MUT22 finding 3) inf +- 0, converged; the limit is 1e300: x**2 out to 1e150.
    "min(x**2, 1e300) at inf": (lambda x: min(x**2, 1e300), math.inf),
    # inf +- 0; the limit is 1e290: x**3 out to about 1e97.
    "1e290 tanh(x**3/1e290) at inf": (lambda x: 1e290 * math.tanh(x**3 / 1e290), math.inf),
    # 1/x**2 out to 1e-150 at 0: inf +- 0 from both sides; the limit is 1e300.
    "min(x**-2, 1e300) at 0": (lambda x: min(x**-2, 1e300), 0.0),
    # x**2 overflows inside f from 1.3e154 on, before 1e-20 x**2 leaves the floats, and f is
    # 1e280 from 1e150 on: checked at f's last float, not 64 halvings short of it (4.1e149).
    "min(1e-20 x**2, 1e280) at inf": (lambda x: min(1e-20 * x**2, 1e280), math.inf),
    # satfarscan seed 1: |x|**3.21 is L from 6e88 on, and fails (overflows) from 1e96 on:
    # at every 64th halving past the deepest step (6.5e91); f's last float is L.
    "min(|x|**3.21, 1.3e285) at -inf": (
        lambda x: min(abs(x) ** 3.2113818215993, 1.32048968423266e285),
        -math.inf,
    ),
    # satfarscan seed 1: L (1 - exp(-(t/s)**p)), s = 3.5e304: L (t/s)**0.6 to within 28% at
    # 2**1009 = 5.5e303, where the probe ended; L from 1e306 on, so at 2**1022 = 4.5e307.
    "L(1 - exp(-(|x|/3.5e304)**0.6)) at -inf": (
        lambda x: -1.4366292779293954e156 * math.expm1(-((abs(x) / 3.486239198055946e304) ** 0.6)),
        -math.inf,
    ),
}


@pytest.mark.parametrize("case", list(SATURATING))
def test_a_growth_that_saturates_past_where_its_law_overflows_is_refused(case: str) -> None:
    f, x0 = SATURATING[case]
    result = _result(f, x0)
    assert not result.converged, result
    assert "short of" in result.message, result.message


GROWING = {
    # (pins: the calls of the base, or where more, why)
    "x**2 at inf": (lambda x: x**2, math.inf, 71),
    "x*x at inf": (lambda x: x * x, math.inf, 71),
    "x**-2 at 0": (lambda x: x**-2, 0.0, 142),
    # The law of the usual samples (changes 8.16 times the last at x = 5.6e14) runs ahead
    # of x**3 log(x) (8.03 at 6.5e91) by 2**5 at the law's end, 1.4e101: the walk's is used.
    # A log's growth ends short of a power's law (by 0.012 bits at the far end, 2**340):
    # f is asked one halving on too, where it overflows (session 32).
    "x**3 log(x) at inf": (lambda x: x**3 * math.log(x), math.inf, 65 + 1),
    # x**5 overflows inside f before the deepest step, where the walk stops: 1 more past its
    # last point, by the walk's last growth, as a power's (session 31); x**4 bisected (+5).
    # And 1 more past the far end, as for x**3 log(x) (session 32).
    "x**5 log(x) at inf": (lambda x: x**5 * math.log(x), math.inf, 58 + 1 + 1),
    # The walk's changes grow by 2**51 a step: the first is within the last's rounding and
    # sets no law, the usual samples' is used (with none, f's last float, 1e96, is bisected).
    "x**3.2 at inf": (lambda x: x**3.2, math.inf, 65),
    "x**4/log(x) at inf": (lambda x: x**4 / math.log(x), math.inf, 61 + 5),
    # x**2 overflows inside f at 1.3e154, short of where 1e-20 x**2 would: f is checked at its
    # last float (4.5e287 there), found by bisection: 8 calls more than the base's 1.
    "1 + 1e-20 x**2 at inf": (lambda x: 1.0 + 1e-20 * x**2, math.inf, 58),
}


@pytest.mark.parametrize("case", list(GROWING))
def test_a_growth_that_keeps_its_law_to_the_floats_end_stays_infinite(case: str) -> None:
    f, x0, calls = GROWING[case]
    result = _result(f, x0)
    assert result.converged, result
    assert result.value == math.inf, result
    assert result.nfev == calls, result
