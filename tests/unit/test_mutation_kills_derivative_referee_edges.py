"""The complex step's referee on the real line at both boundaries, exactly (mutation testing).

`calcweb._derivative._check_on_the_real_line` lets a complex-step value
stand when it is within twice Richardson's error plus its own, and blames
the real line (not f) when Richardson is outside the central differences'
bound plus twice its error: both "within" include the edge. Survivors of the
mutation run at 53e8666 (``<=`` -> ``<`` and ``>`` -> ``>=``): no function
built from a complex step meets those edges to the last bit, so the
boundaries are tested on the check itself, with ``own`` and ``bound``
chosen so that each side equals the other exactly. The oracle: Richardson's
own result for ``sin`` at 0.5, and float sums checked to be exact.
"""

from __future__ import annotations

import math

import pytest

from calcweb import _derivative
from calcweb.exceptions import ArgumentTypeError, NumericalError


def _settled() -> tuple[float, float]:
    """Richardson's value and error for sin' at 0.5, as the check computes them."""
    settled = _derivative._richardson(math.sin, 0.5, 1, None)
    assert abs(settled.value - math.cos(0.5)) <= settled.error
    return settled.value, settled.error


def _exactly(total: float, part: float) -> float:
    """The float ``rest`` with ``part + rest == total`` exactly (found beside total - part)."""
    rest = total - part
    for _ in range(8):
        if part + rest == total:
            return rest
        rest = math.nextafter(rest, math.inf if part + rest < total else -math.inf)
    raise AssertionError("no exact split")  # pragma: no cover


def test_a_value_exactly_twice_richardsons_error_plus_its_own_away_stands() -> None:
    settled, error = _settled()
    value = settled + 1e-6
    disagreement = abs(value - settled)
    own = _exactly(disagreement, 2.0 * error)  # 2 error + own == disagreement, to the bit
    central = (value, 1e-3)
    # It stands, its distance and Richardson's error returned to join its error.
    returned = _derivative._check_on_the_real_line(math.sin, 0.5, value, own, central)
    assert returned == disagreement + error
    # One ulp less of its own error: outside, and f is called not analytic.
    with pytest.raises(ArgumentTypeError, match="not analytic"):
        _derivative._check_on_the_real_line(math.sin, 0.5, value, math.nextafter(own, 0.0), central)


def test_richardson_exactly_at_the_central_bound_plus_twice_its_error_accuses_f() -> None:
    settled, error = _settled()
    value = settled + 1.0  # far outside: the complex step does not stand
    fine = settled + 1e-6
    bound = _exactly(abs(settled - fine), 2.0 * error)  # bound + 2 error == |settled - fine|
    with pytest.raises(ArgumentTypeError, match="not analytic"):
        _derivative._check_on_the_real_line(math.sin, 0.5, value, 0.0, (fine, bound))
    # One ulp less of bound: the real line disagrees with itself, nothing is known.
    with pytest.raises(NumericalError, match="which disagree"):
        _derivative._check_on_the_real_line(
            math.sin, 0.5, value, 0.0, (fine, math.nextafter(bound, 0.0))
        )
