"""The real line's confirmation of a complex step its quick check agrees with, exactly.

Issue 13: no value of f proves that f is analytic (``z + 1e-12 * z.conjugate()``
at 0.1 puts the complex step 2e-12 from f' on the real line, under the quick
check's bound of 3e-11), so where
the check's two central differences agree with the complex step, its error is at
least how closely the real line confirms it (`calcweb._derivative._confirmed`):
the pair's resolution ``|value - fine| + |coarse - fine| + 2 rounding``, or, if
finer, robust Richardson's distance from the value plus its error. Richardson's
refusal leaves the pair's resolution, and its disagreement is no refusal here.
The confirmation stands in for twice the truncation where larger; it is not
added to it. Functions built for the purpose: ``Im f(ih) / h`` is a chosen
value, and f is ``t + 100 t**3`` on the real line (f'(0) = 1; the pair's
difference 2.7e-9, within the check's bound, below its tolerance of 1e-8).
The oracles: the formulas recomputed here (with `combine`), and Richardson on
the real function.
"""

from __future__ import annotations

import sys
from typing import Any

import pytest
from call_log import recording

import calcweb
from calcweb import derivative
from calcweb._richardson import combine, representable_step

EPS = sys.float_info.epsilon
BIG = representable_step(0.0, EPS ** (1.0 / 3.0))  # the check's steps at x = 0
HALF = representable_step(0.0, BIG / 2.0)
CHECKED = (0.0, BIG, -BIG, HALF, -HALF)


def cubic(t: float) -> float:
    return t + 100.0 * t**3


def built(value: float, *, five_points_only: bool = False) -> Any:
    """``Im f(z) = value * Im z`` off the real line, ``cubic`` on it (or at the check's points)."""

    def f(z: Any) -> Any:
        if isinstance(z, complex):
            return complex(0.0, value * z.imag)
        if five_points_only and z not in CHECKED:
            raise ValueError("defined at the check's five points only")
        return cubic(z)

    return f


def resolution(value: float) -> float:
    """The pair's resolution: distance from the finer quotient, their difference, 2 rounding."""
    coarse, rounding = combine([cubic(BIG), cubic(-BIG)], "central", 1, BIG)
    fine = combine([cubic(HALF), cubic(-HALF)], "central", 1, HALF)[0]
    fourth = (cubic(BIG) + cubic(-BIG)) - 4.0 * (cubic(HALF) + cubic(-HALF)) + 6.0 * cubic(0.0)
    rounding += abs(fourth) / BIG
    return abs(value - fine) + abs(coarse - fine) + 2.0 * rounding


def truncation(step: float) -> float:
    """The complex step's truncation from the pair: step**2 |f'''| / 6, 100 step**2 here."""
    coarse = combine([cubic(BIG), cubic(-BIG)], "central", 1, BIG)[0]
    fine = combine([cubic(HALF), cubic(-HALF)], "central", 1, HALF)[0]
    return step * step * 4.0 * abs(coarse - fine) / (3.0 * BIG * BIG)


@pytest.mark.parametrize("offset", [1e-10, 2e-9])
def test_richardsons_distance_plus_its_error_where_finer_than_the_pair(offset: float) -> None:
    # 1 + 1e-10 and 1 + 2e-9 both lie within the pair's bound (5.5e-9) of its finer
    # quotient (1 + 9e-10); Richardson (1, exactly, for a cubic) confirms them only to
    # within their distance: that is the error, not the pair's 3.5e-9 or more. The
    # 2e-9 is farther than twice Richardson's error from it, and still no refusal.
    value = 1.0 + offset
    r = derivative(built(value), 0.0, method="complex", full_output=True)
    settled = derivative(cubic, 0.0, method="richardson", full_output=True)
    confirmed = abs(value - settled.value) + settled.error
    assert confirmed < resolution(value)
    assert abs(value - settled.value) > 2.0 * settled.error
    expected = 4.0 * EPS * value + confirmed + sys.float_info.min / 1e-20
    assert r.value == value
    assert r.error == pytest.approx(expected, rel=1e-12, abs=0)
    assert abs(r.value - 1.0) <= r.error  # f' on the real line is 1


def test_the_pairs_resolution_where_richardson_cannot_settle() -> None:
    # f is defined at the check's five points only: Richardson finds no stencil and
    # refuses, which is no refusal here: the pair's resolution is the floor.
    value = 1.0 + 1e-10
    with pytest.raises(calcweb.DomainError, match="no difference stencil"):
        derivative(built(value, five_points_only=True), 0.0, method="richardson")
    f, calls = recording(built(value, five_points_only=True))
    r = derivative(f, 0.0, method="complex", full_output=True)
    expected = 4.0 * EPS * value + resolution(value) + sys.float_info.min / 1e-20
    assert r.value == value
    assert r.error == pytest.approx(expected, rel=1e-12, abs=0)
    # 5 complex points, the 5 real ones, and Richardson's tries (failed calls count).
    assert r.nfev == len(calls) > 10


def test_the_confirmation_stands_in_for_twice_the_truncation_not_beside_it() -> None:
    # At h = 1e-6 the pair's f''' (600) makes the truncation 1e-10: twice that (2e-10)
    # is above the confirmation (1e-10 and Richardson's error), and only it counts.
    value, step = 1.0 + 1e-10, 1e-6
    r = derivative(built(value), 0.0, method="complex", h=step, full_output=True)
    settled = derivative(cubic, 0.0, method="richardson", full_output=True)
    confirmed = abs(value - settled.value) + settled.error
    twice = 2.0 * truncation(step)
    assert confirmed < twice < 2.0 * confirmed
    expected = 4.0 * EPS * value + twice + sys.float_info.min / step
    assert r.error == pytest.approx(expected, rel=1e-9, abs=0)
