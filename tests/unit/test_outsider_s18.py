"""An outsider's findings of session 18: hostile but ordinary calls that crashed or lied."""

from __future__ import annotations

import math

import calcweb as cw
from calcweb.limits import _rounding_law


def test_a_law_of_power_near_zero_closer_in_is_no_crash() -> None:
    # lgamma(x + 1) - lgamma(x) rounds to 0 far out, where f is -log x: its steps
    # closer in (each x 2**16 times larger) are all -16 log 2, equal but for an ulp,
    # a law c / h**p with p about 1e-17, where 1 - 2**-p rounds to 0 and log2 of it
    # raised a bare ValueError (math domain error) from calcweb itself.
    f = lambda x: math.lgamma(x + 1) - math.lgamma(x) - math.log(x)  # noqa: E731
    try:
        result = cw.limit(f, math.inf, full_output=True)
    except cw.CalcwebError:
        return  # a refusal is honest
    if result.converged:
        assert abs(result.value) <= 2 * result.error  # the limit is 0


def test_a_rounding_law_of_power_near_zero_is_weighed_not_raised() -> None:
    # The same, on the samples alone: departures that step by -11.09 and 2 ulps more.
    step = -11.090354888959126
    further = math.nextafter(math.nextafter(step, -math.inf), -math.inf)  # 2 ulps more
    offs = [0.0, step, step + further]  # exact: steps of step and further
    usual = [0.0, 1.0, 2.0]  # f's own steps of 1 between the usual samples
    law = _rounding_law(usual, error=1e-13, noise=[0.0] * 3, offs=offs, floors=[1e-14] * 3, i=0)
    # A law with p near 0 steps between the usual samples by about a / 16 (0.69),
    # not JUMP = 4 times their step of 1: not rounding's law.
    assert law is False
