"""Limits of functions that saturate, far from 0: the samples farther out than ``|x0|`` cross 0.

``atan`` at ``x0 = -548370304394811.0`` from the right is exactly
``-1.5707963267948948`` (its limit, ``atan(x0)`` rounded) from the step
``3.5e13`` on, 1, 3 and 9 ulps above it at ``7e13, 1.4e14, 2.8e14``, and
``+pi/2`` farther out than ``|x0|``, where ``x0 + h`` is past 0. Those far
samples read as a trend to ``+pi/2`` whose rounding noise grows to the size
of ``f`` toward the run, the signature of rounding that cancels all the digits
of ``f``: the limit was ``+1.5707963267948966 +- 7e-16``, converged (a
Hypothesis run of tests/unit/test_limits.py found it). The samples just before
the run come down onto it within its rounding (`limits._arrives`): the run is
``f``'s value.
"""

from __future__ import annotations

import math

import pytest

from calcweb import CalcwebError, limit
from calcweb.limits import LimitResult, _arrives

X0 = -548370304394811.0
EPS = 2.0**-52


@pytest.mark.parametrize("side", ["right", "left", "both"])
def test_atan_far_left_of_0_is_its_value_from_either_side(side: str) -> None:
    found = limit(math.atan, X0, side=side, full_output=True)
    assert isinstance(found, LimitResult)
    assert found.converged
    assert found.value == -1.5707963267948948  # atan(x0) rounded (mpmath: -1.57079632679489479...)
    assert found.error <= 4 * EPS


def test_samples_that_come_down_onto_the_run_within_rounding_arrive() -> None:
    run = -1.5707963267948948
    ulp = math.ulp(run)
    assert _arrives([1.57, run + 9 * ulp, run + 3 * ulp, run + ulp], run)
    # A step finer than rounding's: two samples on one rounded value.
    assert _arrives([run + 6 * ulp, run + 2 * ulp, run + 2 * ulp], run)


def test_samples_that_stop_short_of_the_run_or_drop_onto_it_do_not_arrive() -> None:
    run = -1.5707963267948948
    ulp = math.ulp(run)
    assert not _arrives([run + 9 * ulp, run + 3 * ulp, run + 5 * ulp], run)  # not shrinking
    assert not _arrives([run + 3 * ulp, run + 3 * ulp, run + 3 * ulp], run)  # not coming down
    far_off = [run + 90 * ulp, run + 30 * ulp, run + 10 * ulp]
    assert not _arrives(far_off, run)  # not within rounding
    # Rounding that cancels all the digits: (1 - cos t)/t**2 near 1e-8, then 0.
    assert not _arrives([0.49, 0.53, 0.71], 0.0)
    assert not _arrives([run + ulp], run)  # too few samples


SATURATED = [("atan", math.atan), ("tanh", math.tanh), ("erf", math.erf)]
FAR = [m * 10.0**k for k in (12, 13, 14, 15, 16, 17) for m in (1.0, 2.9, 5.48370304394811)]


@pytest.mark.parametrize(("name", "f"), SATURATED)
@pytest.mark.parametrize("x0", [x for m in FAR for x in (m, -m)])
def test_a_saturated_function_far_from_0_is_honest(name: str, f: object, x0: float) -> None:
    mpmath = pytest.importorskip("mpmath")
    exact = float(getattr(mpmath, name)(mpmath.mpf(x0)))
    for side in ("right", "left"):
        try:
            found = limit(f, x0, side=side, full_output=True)  # type: ignore[arg-type]
        except CalcwebError:
            continue
        assert isinstance(found, LimitResult)
        if found.converged:
            assert abs(found.value - exact) <= 2 * found.error, (name, x0, side, found)
