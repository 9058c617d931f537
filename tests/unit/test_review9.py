"""REVIEW9: texts of session 24 that a run contradicted."""

from __future__ import annotations

import math

import pytest

from calcweb import limit
from calcweb.exceptions import DivisionByZeroError


def test_one_sample_before_an_underflow_is_said_in_the_singular() -> None:
    # exp(-x**4) underflows to 0 from x = 8 on: one sample (x = 4) before it.
    def f(x: float) -> float:
        return (1 + math.exp(-x * x)) * math.exp(-(x**4)) / math.exp(-(x**4))

    with pytest.raises(DivisionByZeroError, match=r"after only 1 sample, too few"):
        limit(f, math.inf)


def test_sin_x_over_x_is_one_from_1_5e_8_in_and_not_about_3e_8() -> None:
    # limits._flat_around's docstring quotes these values.
    assert all(math.sin(x) / x == 1.0 for x in (1.5e-8, 1.49e-8, 1e-8, 7.45e-9))
    assert math.sin(3e-8) / 3e-8 == 0.9999999999999998
