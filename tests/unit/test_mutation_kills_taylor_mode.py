"""calcweb._taylor_mode's bound and messages, exactly (found by mutation testing)."""

from __future__ import annotations

import math
import sys

import pytest

import calcweb
from calcweb._taylor_mode import jet_derivative, rounding_error

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
