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
from calcweb._derivative import _complex_quotient, _complex_truncation

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


# ------------------------------------------------- the quotient's refusals, word for word


def raises_overflow(_: Any) -> Any:
    raise OverflowError("math range error")


def raises_type_error(_: Any) -> Any:
    raise TypeError("must be real number, not complex")


QUOTIENT_REFUSALS = [
    (
        raises_overflow,
        calcweb.NumericalError,
        (
            "f((2+0.5j)) overflowed (math range error); use a point where f is "
            "of moderate size, or method='richardson'"
        ),
    ),
    (
        raises_type_error,
        calcweb.ArgumentTypeError,
        (
            "method='complex' needs f to accept complex numbers, but f raised "
            "TypeError: must be real number, not complex. Write f with cmath or calcweb's "
            "functions, or use method='richardson'"
        ),
    ),
    (
        lambda z: "s",
        calcweb.ArgumentTypeError,
        "f((2+0.5j)) returned str 's'; f must return a number",
    ),
    (
        lambda z: True,
        calcweb.ArgumentTypeError,
        "f((2+0.5j)) returned bool True; f must return a number",
    ),
    (
        lambda z: 1.5,
        calcweb.ArgumentTypeError,
        (
            "f((2+0.5j)) returned the real number 1.5: f dropped the imaginary part, so it "
            "is not analytic (abs, max, min, comparisons and .real are not) and the complex "
            "step would give 0; use method='richardson'"
        ),
    ),
    (
        lambda z: complex(0.0, math.inf),
        calcweb.NumericalError,
        "the complex step gave inf; f overflows near x=2.0, use method='richardson'",
    ),
]


@pytest.mark.parametrize(("f", "error", "message"), QUOTIENT_REFUSALS)
def test_the_quotient_says_why_it_is_no_derivative(f: Any, error: Any, message: str) -> None:
    with pytest.raises(error) as info:
        _complex_quotient(f, 2.0, 0.5)
    assert str(info.value) == message


# ------------------------------------------------- the truncation from three steps

HALVING = (1.0, 0.5, 0.25)
DOUBLING = (0.1, 0.2, 0.4)
ROUNDING_AT_4 = 8 * EPS * 4.0  # 2**-47: the rounding of values of size 4


@pytest.mark.parametrize(
    "values",
    [
        (4.0, 4.0 - ROUNDING_AT_4, 4.0 - ROUNDING_AT_4),  # the first difference at the bound
        (4.0, 4.0, 4.0 - ROUNDING_AT_4),  # the second difference at the bound
        (4.0 - ROUNDING_AT_4, 4.0, 4.0 - ROUNDING_AT_4),  # the middle value sets the bound
        (4.0 - ROUNDING_AT_4, 4.0 - ROUNDING_AT_4, 4.0),  # the last value sets the bound
    ],
)
def test_differences_within_eight_eps_of_the_largest_value_are_rounding(
    values: tuple[float, float, float],
) -> None:
    assert _complex_truncation(1.0, HALVING, values) == 0.0


def test_a_difference_just_past_eight_eps_is_noise_not_rounding() -> None:
    past = ROUNDING_AT_4 + 2 * EPS  # one ulp (2**-51) of 4 - 2**-47 more
    values = (4.0, 4.0 - past, 4.0 - past)
    assert _complex_truncation(1.0, HALVING, values) == 2 * past


def test_subnormal_values_count_min_over_the_step_as_rounding() -> None:
    # Im f(x + ih) / h for tiny h: the values are rounded to float_min / h (2.2e-8 here).
    steps = (1e-300, 2e-300, 4e-300)
    assert _complex_truncation(0.0, steps, (0.0, 1e-8, 0.0)) == 0.0


def test_one_settled_difference_does_not_settle_the_other() -> None:
    with pytest.raises(calcweb.NumericalError, match="does not settle"):
        _complex_truncation(1.0, HALVING, (1.0, 1.0, 0.9))
    with pytest.raises(calcweb.NumericalError, match="does not settle"):
        _complex_truncation(1.0, DOUBLING, (1.0, 1.0, 1.1))  # the first difference is 0


def test_doubled_steps_compare_the_later_difference_with_the_first() -> None:
    # 1 + h**2 at 0.1, 0.2, 0.4: the differences grow 4-fold, the first is 3 times the
    # truncation (1 - 2**2 = -3).
    values = (1.0 + 0.1**2, 1.0 + 0.2**2, 1.0 + 0.4**2)
    first = values[0] - values[1]
    rounding = 8 * EPS * values[2] + sys.float_info.min / 0.1
    assert _complex_truncation(1.0, DOUBLING, values) == abs(first) / 3.0 + rounding


def shrinking(shrink: float) -> tuple[float, float, float]:
    """Values at halved steps whose differences shrink exactly ``shrink``-fold."""
    second = 2.0**-10
    return (1.0, 1.0 - shrink * second, 1.0 - (shrink + 1.0) * second)


@pytest.mark.parametrize("shrink", [2.5, 4.0, 6.0])
def test_shrinking_two_and_a_half_to_six_fold_is_the_h_squared_term(shrink: float) -> None:
    first = shrink * 2.0**-10
    truncation = first / (1.0 - 0.25) + 8 * EPS * 1.0
    assert _complex_truncation(1.0, HALVING, shrinking(shrink)) == truncation


@pytest.mark.parametrize("shrink", [2.4, 6.5])
def test_shrinking_outside_the_window_does_not_settle(shrink: float) -> None:
    with pytest.raises(calcweb.NumericalError, match="does not settle"):
        _complex_truncation(1.0, HALVING, shrinking(shrink))


def test_noise_up_to_a_millionth_of_the_value_counts_twice() -> None:
    # 1e-6 * 976.5625 is exactly 2**-10: a difference of 2**-10 is at the limit.
    value, limit = 976.5625, 2.0**-10
    values = (value, value - limit, value - limit)
    assert _complex_truncation(1.0, HALVING, values) == 2 * limit
    values = (value, value - 2 * limit, value - 2 * limit)
    with pytest.raises(calcweb.NumericalError, match="does not settle"):
        _complex_truncation(1.0, HALVING, values)


def test_the_refusal_names_every_value_and_step() -> None:
    with pytest.raises(calcweb.NumericalError) as info:
        _complex_truncation(3.0, HALVING, (1.0, 0.5, 0.25))
    assert str(info.value) == (
        "the complex step at x=3.0 does not settle: Im f(x + ih)/h is 1.0, 0.5 and 0.25 "
        "at h = 1.0, 0.5 and 0.25, where its h**2 error would shrink 4-fold each time: "
        "f has a singularity or a branch point within about h of x. Pass a smaller h, "
        "or use method='richardson'"
    )


# ------------------------------------------------- which steps, and the subnormal term


@pytest.mark.parametrize(
    ("h", "steps"),
    [
        (0.5, "0.5, 0.25 and 0.125"),
        (2e-290, "2e-290, 1e-290 and 5e-291"),
        (1e-290, "1e-290, 2e-290 and 4e-290"),  # 1e-290 itself is doubled
    ],
)
def test_steps_halve_above_1e_290_and_double_from_there(h: float, steps: str) -> None:
    with pytest.raises(calcweb.NumericalError) as info:
        derivative(cmath.sqrt, 0.0, method="complex", h=h)
    assert "the complex step at x=0.0 does not settle: " in str(info.value)
    assert f" at h = {steps}, where its h**2 error would shrink 4-fold" in str(info.value)


def test_a_tiny_step_adds_float_min_over_the_step_to_the_error() -> None:
    # sin(h)/h is exactly 1 at h = 1e-300, 2e-300, 4e-300: no truncation at all.
    r = derivative(cmath.exp, 0.0, method="complex", h=1e-300, full_output=True)
    assert r.error == 4 * EPS + sys.float_info.min / 1e-300
