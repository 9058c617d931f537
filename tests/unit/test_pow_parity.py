"""A negative base to an integer power past 2**53 keeps the exponent's parity (session 20).

An odd int exponent no float equals rounds to an even float: calcweb.pow(-1, 3**40) and
Value(-1.0) ** 3**40 were 1.0 for -1 (Python's own int power says -1), and the slope of
(-1) ** n, n (-1) ** (n - 1), had the sign of an even n - 1 for every n past 2**53.
"""

from __future__ import annotations

import pytest

import calcweb as cw
from calcweb.nn import Value


@pytest.mark.parametrize("n", [3**40, 3**40 + 1, -(3**40), 2**60 + 1, 2**60, 7, 8])
def test_pow_of_minus_one_has_the_sign_of_the_int_power(n: int) -> None:
    sign = -1.0 if n % 2 else 1.0  # (-1) ** n of a negative n is float(-1) ** float(n)
    assert cw.pow(-1, n) == sign
    assert cw.pow(-1.0, n) == sign


def test_pow_of_another_negative_base_has_the_sign_of_the_int_power() -> None:
    assert str(cw.pow(-0.5, 3**40)) == "-0.0"
    assert cw.pow(-2.0, 7) == -128.0


@pytest.mark.parametrize("n", [3**40, 3**40 + 1, -(3**40), 2**60, 2.0**60, 3, 2])
def test_a_value_to_a_large_int_power_and_its_slope(n: float) -> None:
    v = Value(-1.0)
    y = v**n
    y.backward()
    odd = int(n) % 2 == 1
    assert y.data == (-1.0 if odd else 1.0)
    assert v.grad == float(n) * (1.0 if odd else -1.0)  # n (-1) ** (n - 1)
