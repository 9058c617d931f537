"""limit of f written with calcweb's functions, which refuse a non-finite argument.

calcweb.exp(-1/x**2) at x = 2**-993 is handed the -inf that -1/x**2 overflows to, and
raises InvalidArgumentError: the samples past the usual walk (the check of an answer
at 0 down to 2**-993, at infinity out to 2**993) take that as f failing there, as
math.exp's DomainError or NumericalError is taken (REVIEW18's find: an error raised).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

import calcweb as cw
from calcweb import limit


@pytest.mark.parametrize(
    ("f", "x0"),
    [
        (lambda x: cw.exp(-1.0 / x**2), 0.0),
        (lambda x: math.exp(-1.0 / x**2), 0.0),  # the same on floats, as before
        (lambda x: cw.exp(-x * x), math.inf),
    ],
)
def test_a_calcweb_function_refusing_an_overflow_far_out_is_a_failure_there(
    f: Callable[[float], float], x0: float
) -> None:
    result = limit(f, x0, full_output=True)
    assert result.converged
    assert result.value == 0.0
    assert result.error < 1e-100
