"""Mutation tests for limits' `_short_of_growth` and `_stopped_past` (session 12's run).

`_stopped_past` refuses a value that the samples leave ever faster and then
stop on a constant past their last growing sample, where ``f`` does not go
back to the value between that sample and the run (`_back_between`): how far
past does not matter, only the side (a cap at any scale).

`_short_of_growth` takes the law of the last two changes ``d`` then ``r d`` of
the usual samples (``c / h**p``: ``r = 2**p``) to the deepest step, ``n = 256``
halvings in, where it predicts ``d r (r**n - 1) / (r - 1)`` past the last
sample, and calls ``f`` there short of it when it is past by less than half.
Changes within the samples' rounding (``ULPS`` eps times the largest of the
last three) set no law; then any ``f`` beyond the last sample is enough. The
tests compute the prediction on their own in exact integers, and the rounding
from the samples they name.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from fractions import Fraction

import pytest

from calcweb import LimitResult, limit
from calcweb.limits import DEEP_RATIO, DEEP_STEPS, ULPS, _short_of_growth, _stopped_past

EPS = sys.float_info.epsilon
HALVINGS = round(-math.log2(DEEP_RATIO)) * DEEP_STEPS  # 256


def predicted(values: list[float]) -> Fraction:
    """How far the law of the last two changes (r >= 1) puts f past the last sample."""
    d = Fraction(values[-1]) - Fraction(values[-2])
    r = max(d / (Fraction(values[-2]) - Fraction(values[-3])), Fraction(1))
    if r == 1:
        return d * HALVINGS
    return d * r * (r**HALVINGS - 1) / (r - 1)


def test_the_halvings_are_256() -> None:
    assert HALVINGS == 256


@pytest.mark.parametrize("y", [2.0**1000, sys.float_info.max])
def test_a_law_past_the_floats_leaves_any_finite_f_short_of_it(y: float) -> None:
    # c/h**5 sampled as 1, 32, 1024: 256 halvings on, the law puts f about 2**1290 past
    # 1024, beyond every float (256 ln 32 = 887 is past the 709.78 where expm1
    # overflows): f at the deepest step, finite, is short of it. Mutants that take
    # expm1 there raise OverflowError; those that divide by ln 3 or multiply by ln 2
    # predict 2**817 or 2**625 and call 2**1000 not short.
    values = [1.0, 32.0, 1024.0]
    assert Fraction(y) - 1024 < predicted(values) / 2
    assert _short_of_growth(values, y, 1.0)
    assert _short_of_growth([-v for v in values], -y, -1.0)


def test_the_largest_of_the_last_three_samples_sets_the_rounding() -> None:
    # The change from 1 to 1 + 2**-40 is within the rounding of the last sample, 2**20
    # (ULPS eps 2**20 = 9.3e-10): no law, so f beyond the last sample is enough. Mutants
    # that leave values[-1] out of the rounding (or read values[1], 1.0) take the law,
    # ratio 2**60, and call 2**21 short.
    values = [1.0, 1.0, 1.0, 1.0 + 2.0**-40, 2.0**20]
    assert ULPS * EPS * 2.0**20 > 2.0**-40
    assert not _short_of_growth(values, 2.0**21, 1.0)
    # With 2 in place of 2**20 the rounding is 1.8e-15 and the law stands: 2**21 is short.
    assert _short_of_growth([*values[:-1], 2.0], 2.0**21, 1.0)


def test_the_first_of_the_last_three_samples_counts_in_the_rounding() -> None:
    # From -2**20 to -1 to -1 + 2**-40: the last change is within the rounding of
    # -2**20 (9.3e-10), so no law: one ulp beyond the last sample is enough. Leaving
    # values[-3] out, the law (ratio at least 1: 256 times 2**-40) calls it short.
    last = -1.0 + 2.0**-40
    values = [-(2.0**20), -1.0, last]
    assert ULPS * EPS * 2.0**20 > 2.0**-40
    assert not _short_of_growth(values, last + 2.0**-52, 1.0)
    assert _short_of_growth([-1.5, -1.0, last], last + 2.0**-52, 1.0)


def test_an_earlier_sample_does_not_blur_the_law() -> None:
    # Only the last three samples' rounding counts: -2**60 three samples back (whose
    # rounding, ULPS eps 2**60 = 1024, would swallow the changes 1 and 2) leaves the law
    # r = 2, 2**258 past 4, and 2**200 short of it. A mutant reading values[2] for
    # values[-2] takes -2**60's rounding and calls it not short.
    values = [0.0, 0.0, -(2.0**60), 1.0, 2.0, 4.0]
    assert predicted(values) == 4 * (2**256 - 1)
    assert _short_of_growth(values, 4.0 + 2.0**200, 1.0)


# ULPS eps for samples at most 1 in size: 2**-50, exactly.
BLUR = ULPS * EPS


def test_a_last_change_of_exactly_the_rounding_sets_no_law() -> None:
    assert BLUR == 2.0**-50
    # d == blur is within it: beyond the last sample is enough (with '>=' the law,
    # 256 times 2**-50, calls one ulp beyond short).
    assert not _short_of_growth([0.5, 1.0 - BLUR, 1.0], 1.0 + 2.0**-52, 1.0)
    # Twice the rounding sets the law: 256 times 2**-49 past, one ulp is short of it.
    assert _short_of_growth([0.5, 1.0 - 2.0 * BLUR, 1.0], 1.0 + 2.0**-52, 1.0)


def test_a_change_before_of_exactly_the_rounding_sets_no_law() -> None:
    # before == blur: no law, beyond is enough (with '>=' the law r = 4 calls it short).
    assert not _short_of_growth([1.0 - 5.0 * BLUR, 1.0 - 4.0 * BLUR, 1.0], 1.0 + 2.0**-52, 1.0)
    assert _short_of_growth([1.0 - 6.0 * BLUR, 1.0 - 4.0 * BLUR, 1.0], 1.0 + 2.0**-52, 1.0)


def _on_the_last(values: list[float]) -> Callable[[int, float], float]:
    """``between`` for `_stopped_past`: f between sample ``i`` and the next is sample ``i``."""
    return lambda i, _t: values[i]


@pytest.mark.parametrize("scale", [1.0, 2.0**-20, 2.0**-100])
def test_a_run_past_the_growth_by_any_amount_stops_it(scale: float) -> None:
    # test_limits_capped's growth 1 + 2**k (k = 1 .. 11) onto a run of 2**13, scaled by a
    # power of two (exact): past the last sample by 6143 scale, 0.0059 at 2**-20. A
    # mutant asking it to be past by more than 1 lets the smaller ones through.
    before = [scale, scale, *(scale * (1.0 + 2.0**k) for k in range(1, 12))]
    values = [*before, *[2.0**13 * scale] * 3]
    assert _stopped_past(values, scale, _on_the_last(values))


@pytest.mark.parametrize("c", [1e-20, 1e-30])
def test_a_small_cap_is_refused_as_a_large_one_is(c: float) -> None:
    # c (1 + min(1e-20/x**4, 1e10)) at 0+: limit c (1e10 + 1), 1e-10 for c = 1e-20; the
    # usual samples settle on c far out, grow 16 times a halving, and stop on c 1e10, less
    # than 1 past their last growing sample. Refused (with the mutant '> 1.0' the far-field
    # c was answered, 1e10 times too small).
    r = limit(lambda x: c * (1 + min(1e-20 / x**4, 1e10)), 0.0, side="right", full_output=True)
    assert isinstance(r, LimitResult)
    assert not r.converged
    assert "leaves it ever faster and stops on" in r.message


def test_the_growth_is_measured_from_the_value() -> None:
    # Departures 2**k from the value -2**20 (k = 1 .. 24) grow ever faster, all
    # positive: a growth, which stops on 2**26. Measured from +2**20 instead (y + value,
    # a mutant) the last eight, -2**21 + 2**k for k = 17 .. 24, change sign: no growth.
    value = -(2.0**20)
    before = [value, value, *(value + 2.0**k for k in range(1, 25))]
    values = [*before, *[2.0**26] * 3]
    assert _stopped_past(values, value, _on_the_last(values))


def test_a_cap_far_from_a_negative_far_field_value_is_refused() -> None:
    # -1e6 + min(1e-20/x**4, 1e10) at 0+: limit 1e10 - 1e6; the usual samples settle
    # on -1e6 far out and grow 16 times a halving onto the cap. Refused (the mutant
    # measuring from +1e6 answered -1e6).
    r = limit(lambda x: -1e6 + min(1e-20 / x**4, 1e10), 0.0, side="right", full_output=True)
    assert isinstance(r, LimitResult)
    assert not r.converged
    assert "stops on 9.999e+09" in r.message
