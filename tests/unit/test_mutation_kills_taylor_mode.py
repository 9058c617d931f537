"""calcweb._taylor_mode's bound and messages, exactly (found by mutation testing)."""

from __future__ import annotations

import math
import sys

import pytest

import calcweb
from calcweb._taylor_mode import derivative_error, jet_derivative, rounding_error
from calcweb.jet import Jet, RoundedFloat

EPS = sys.float_info.epsilon


def test_the_rounding_error_grows_with_the_order() -> None:
    # 8 (n + 1) eps |value|: exact, every factor a small integer or a power of two.
    assert rounding_error(-2.5, 0) == 20 * EPS
    assert rounding_error(-2.5, 3) == 80 * EPS
    assert rounding_error(0.0, 5) == 0.0


def test_a_returned_int_too_large_for_a_float_is_named() -> None:
    with pytest.raises(calcweb.NumericalError, match=r"the value f returned"):
        jet_derivative(10**400, 1, "f")


def test_a_returned_non_number_is_refused_with_its_type() -> None:
    with pytest.raises(calcweb.ArgumentTypeError) as info:
        jet_derivative("s", 1, "f")
    assert str(info.value) == "f returned str 's'; it must return a number (a Jet when given a Jet)"


@pytest.mark.parametrize("n", [0, 1])
def test_a_returned_infinity_is_a_numerical_error(n: int) -> None:
    with pytest.raises(calcweb.NumericalError) as info:
        jet_derivative(math.inf, n, "f")
    assert str(info.value) == (
        f"the derivative of order {n} is not a finite number (inf); "
        "the function or its derivatives overflow near this point"
    )


def test_a_tracked_coefficient_bound_scales_by_n_factorial_plus_the_last_rounding() -> None:
    # Coefficient 3 carries 2**-40; the third derivative is 3! c_3, so its bound is
    # 6 * 2**-40, and multiplying by 3! rounds once more: 2 eps |value|. Every term
    # is a small integer times a power of two, so the sum is exact.
    coefficients = [RoundedFloat(c, 0.0) for c in (1.0, 0.5, 0.25)]
    y = Jet._of([*coefficients, RoundedFloat(-3.0, 2.0**-40)])
    assert derivative_error(y, 3, -18.0) == 6 * 2.0**-40 + 36 * EPS
    assert derivative_error(y, 0, 1.0) == 2 * EPS  # a bound 0: only the last rounding


def test_without_a_tracked_bound_the_rule_of_thumb_is_all_there_is() -> None:
    # A plain jet (f built its own) and a constant carry no bound: 8 (n + 1) eps |value|.
    assert derivative_error(Jet.variable(2.0, 3), 1, -1.0) == 16 * EPS
    assert derivative_error(5.0, 0, 5.0) == 40 * EPS
    assert derivative_error(5.0, 2, 0.0) == 0.0
