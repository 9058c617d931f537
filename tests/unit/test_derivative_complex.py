"""The complex step checks its own step: h, h/2 and h/4 must show an h**2 error.

The real-line check (two central differences) cannot see a singularity
closer to x than its own step, and is skipped where f is not real; before
this check, sqrt at 1e-300 came out as 7.07e9 +- 6e-6 (the truth is 5e149).
"""

from __future__ import annotations

import cmath
import math
import sys
from typing import Any

import pytest

import calcweb
from calcweb import derivative

EPS = sys.float_info.epsilon


SINGULAR = [(cmath.sqrt, 1e-300), (cmath.log, 1e-200), (cmath.sqrt, 1e-25)]


@pytest.mark.parametrize(("f", "x"), SINGULAR)
def test_a_singularity_within_the_step_is_refused(f: Any, x: float) -> None:
    with pytest.raises(calcweb.NumericalError, match="does not settle") as info:
        derivative(f, x, method="complex", full_output=True)
    assert "Pass a smaller h, or use method='richardson'" in str(info.value)


@pytest.mark.parametrize(("x", "h"), [(1e-6, 1e-7), (2.0, 0.5), (2.0, 0.1), (1e-3, 1e-5)])
def test_a_large_step_next_to_a_branch_point_is_honest(x: float, h: float) -> None:
    # sqrt at 1e-6 is not real 6e-6 to the left, so the real-line check is skipped:
    # the error used to be 4 eps |f'| (4e-13) while the truth is 0.62 away.
    calls = []

    def f(z: Any) -> Any:
        calls.append(z)
        return cmath.sqrt(z)

    r = derivative(f, x, method="complex", h=h, full_output=True)
    assert abs(r.value - 0.5 / math.sqrt(x)) <= 2.0 * r.error
    assert r.nfev == len(calls)  # the real-line check stops where sqrt is not real


def complex_only(z: Any) -> Any:
    if not isinstance(z, complex):
        raise ValueError("complex numbers only")  # the real-line check is skipped
    return z - z**3


def test_the_truncation_comes_from_the_three_steps() -> None:
    # Im f(ih)/h = 1 + h**2 for f = z - z**3 at 0: the values at 0.1, 0.05, 0.025 are
    # 1.01, 1.0025, 1.000625; their differences shrink 4-fold, and the truncation of the
    # first, 0.0075 / 0.75 = 0.01, is exactly its error.
    r = derivative(complex_only, 0.0, method="complex", h=0.1, full_output=True)
    assert r.value == pytest.approx(1.01, rel=1e-15, abs=0)
    truncation = (r.value - 1.0025) / 0.75
    assert truncation == pytest.approx(0.01, rel=1e-12, abs=0)
    assert r.error == pytest.approx(4 * EPS * r.value + 2 * truncation, rel=1e-12, abs=0)


def test_steps_that_would_underflow_are_doubled_instead() -> None:
    # Below 1e-290 the check takes 2h and 4h: Im f at h/4 would lose digits.
    r = derivative(cmath.exp, 0.0, method="complex", h=1e-300, full_output=True)
    assert r.value == 1.0
    assert r.nfev == 7
    with pytest.raises(calcweb.NumericalError, match=r"1e-300, 2e-300 and 4e-300"):
        derivative(cmath.sqrt, 0.0, method="complex", h=1e-300)


def test_noise_inside_f_is_counted_not_refused() -> None:
    # Im f carries relative noise of 1e-9 that does not shrink with h: not a
    # truncation, far below 1e-6 of the value: counted, twice the largest difference.
    noise = iter([0.0, 1e-9, -1e-9])

    def f(z: Any) -> Any:
        if isinstance(z, complex):
            return complex(math.sin(z.real), math.cos(z.real) * z.imag * (1 + next(noise)))
        return math.sin(z)

    r = derivative(f, 1.0, method="complex", full_output=True)
    assert r.value == math.cos(1.0)
    assert r.error >= 2 * 2e-9 * math.cos(1.0)
