"""riemann_sum and integrate's composite rules on inputs the textbook tests leave out.

Found by mutation testing: every refusal's message in full; n at its bounds;
the textbook width (b - a)/n to the last bit, and the points and width of an
interval whose length overflows; the composite rules' Richardson estimate
|fine - coarse| / (2**p - 1) on the n given and on 2n when n does not split,
against sums worked out exactly.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from fractions import Fraction

import pytest

import calcweb
from calcweb import integrate, riemann_sum
from calcweb._integrate import MAX_N, IntegrationResult


def refusal(kind: type[Exception], call: Callable[[], object]) -> str:
    """The message of the ``kind`` of error that ``call()`` raises."""
    with pytest.raises(kind) as caught:
        call()
    return str(caught.value)


def one(_x: float) -> float:
    return 1.0


# ------------------------------------------------------------ refusals


def test_n_is_named_and_bounded() -> None:
    assert (
        refusal(calcweb.ArgumentTypeError, lambda: riemann_sum(one, 0, 1, 1.5))  # type: ignore[arg-type]
        == "n must be an int (the number of intervals), but got float 1.5"
    )
    assert refusal(calcweb.InvalidArgumentError, lambda: riemann_sum(one, 0, 1, 0)) == (
        "n must be between 1 and 10_000_000, but got 0; pass the number of equal intervals, "
        "such as n=100"
    )
    assert MAX_N == 10_000_000
    assert riemann_sum(one, 1.0, 1.0, MAX_N) == 0.0  # the largest n is allowed (empty: no f)
    with pytest.raises(calcweb.InvalidArgumentError, match="but got 10000001;"):
        riemann_sum(one, 1.0, 1.0, MAX_N + 1)


def test_limits_are_named() -> None:
    with pytest.raises(calcweb.ArgumentTypeError, match=r"^a must be a real number"):
        riemann_sum(one, "0", 1, 4)  # type: ignore[arg-type]
    with pytest.raises(calcweb.ArgumentTypeError, match=r"^b must be a real number"):
        riemann_sum(one, 0, "1", 4)  # type: ignore[arg-type]
    advice = (
        "needs finite limits, but got a=0.0, b=inf; use integrate(f, a, b) with the default "
        "method='adaptive', which maps an infinite interval onto a finite one"
    )
    assert refusal(calcweb.InvalidArgumentError, lambda: riemann_sum(one, 0.0, math.inf, 4)) == (
        "riemann_sum " + advice
    )
    assert refusal(
        calcweb.InvalidArgumentError,
        lambda: integrate(one, 0.0, math.inf, method="simpson", n=4),
    ) == ("method='simpson' " + advice)


@pytest.mark.parametrize("rule", ["left", "trapezoid"])
def test_an_overflowing_sum_is_named(rule: str) -> None:
    assert refusal(
        calcweb.NumericalError,
        lambda: riemann_sum(lambda x: 1e308, 0, 10, 1, rule=rule),  # type: ignore[arg-type]
    ) == ("the Riemann sum overflows the float range (about 1e308); rescale f or the interval")


def test_an_overflowing_composite_integral_is_named() -> None:
    assert refusal(
        calcweb.NumericalError,
        lambda: integrate(lambda x: 1e308, 0, 10, method="trapezoid", n=2),
    ) == ("the integral overflows the float range (about 1e308); rescale f or the interval")


def test_an_overflowing_composite_error_estimate_is_named() -> None:
    # T1 = 1e308 fits, T2 = -1e308 too, but their difference does not.
    def f(x: float) -> float:
        return -3.0 if 0.0 < x < 1e308 else 1.0

    assert refusal(
        calcweb.NumericalError,
        lambda: integrate(f, 0.0, 1e308, method="trapezoid", n=1),
    ) == ("the error estimate overflows the float range (about 1e308); rescale f or the interval")


def test_float_of_a_result_names_value() -> None:
    result = IntegrationResult("x", 0.0, 0, "adaptive", 0)  # type: ignore[arg-type]
    with pytest.raises(calcweb.ArgumentTypeError, match=re.escape("value must be a real number")):
        float(result)
    assert float(IntegrationResult(2, 0.0, 0, "adaptive", 0)) == 2.0


# ------------------------------------------------------------ the width and the points


def test_the_width_is_the_textbooks_to_the_last_bit() -> None:
    a, b, n = -2.621359068673744, -2.2924877779736335, 9
    assert (b - a) / n != b / n - a / n  # the two ways of writing it differ here
    assert riemann_sum(one, a, b, n) == math.fsum([1.0] * n) * ((b - a) / n)


def exact_sum(
    f: Callable[[Fraction], Fraction], a: float, b: float, n: int, offset: Fraction
) -> Fraction:
    width = (Fraction(b) - Fraction(a)) / n
    return sum((f(Fraction(a) + (i + offset) * width) for i in range(n)), Fraction(0)) * width


@pytest.mark.parametrize(("rule", "offset"), [("left", Fraction(0)), ("midpoint", Fraction(1, 2))])
def test_an_interval_longer_than_the_float_range(rule: str, offset: Fraction) -> None:
    a, b, n = -1e308, 1.5e308, 5  # b - a overflows; the points and the width do not

    def f(x: float) -> float:  # not symmetric: a shifted grid gives another sum
        t = x / 1e308
        return (t + t * t) / 8  # small enough that the sum times the width fits

    expected = exact_sum(
        lambda x: (x / Fraction(1e308) + (x / Fraction(1e308)) ** 2) / 8, a, b, n, offset
    )
    actual = riemann_sum(f, a, b, n, rule=rule)  # type: ignore[arg-type]
    assert Fraction(actual) == pytest.approx(expected, rel=1e-15, abs=0)
    tiny = riemann_sum(lambda x: 1e-10, a, b, n)
    assert tiny == pytest.approx(2.5e298, rel=1e-15, abs=0)  # 1e-10 (b - a)


# ------------------------------------------------------------ composite rules


def trapezoid(values: list[Fraction], h: Fraction) -> Fraction:
    return h * (sum(values, Fraction(0)) - (values[0] + values[-1]) / 2)


def simpson(values: list[Fraction], h: Fraction) -> Fraction:
    return h / 3 * (values[0] + values[-1] + 4 * sum(values[1:-1:2]) + 2 * sum(values[2:-1:2]))


def samples(n: int) -> tuple[list[Fraction], Fraction]:
    """x**4 on [0, 1] at n + 1 equal steps (dyadic n: every float step is exact)."""
    h = Fraction(1, n)
    return [(i * h) ** 4 for i in range(n + 1)], h


@pytest.mark.parametrize(
    ("method", "n", "fine", "value_is_fine", "order"),
    [
        ("trapezoid", 4, 4, True, 2),  # n splits in two: the fine sum, (T4 - T2) / 3
        ("trapezoid", 2, 2, True, 2),
        ("trapezoid", 1, 2, False, 2),  # n does not: T1, with (T2 - T1) / 3 * 4
        ("simpson", 8, 8, True, 4),
        ("simpson", 4, 4, True, 4),  # (S4 - S2) / 15
        ("simpson", 2, 4, False, 4),  # S2, with (S4 - S2) / 15 * 16
    ],
)
def test_composite_rules_and_their_richardson_error(
    method: str, n: int, fine: int, value_is_fine: bool, order: int
) -> None:
    rule = simpson if method == "simpson" else trapezoid
    values, h = samples(fine)
    fine_sum = rule(values, h)
    coarse_sum = rule(values[::2], 2 * h)
    expected_error = abs(fine_sum - coarse_sum) / (2**order - 1)
    if not value_is_fine:
        expected_error *= 2**order
    result = integrate(lambda x: x**4, 0, 1, method=method, n=n, full_output=True)  # type: ignore[arg-type]
    assert isinstance(result, IntegrationResult)
    assert result.value == pytest.approx(
        float(fine_sum if value_is_fine else coarse_sum), rel=1e-15, abs=0
    )
    assert result.error == pytest.approx(float(expected_error), rel=1e-14, abs=0)
    assert result.error > 0.0
    assert (result.method, result.intervals, result.nfev) == (method, n, fine + 1)
    assert result.message == (
        f"composite {method} rule on {n} intervals; error estimated by Richardson"
    )
    assert result.converged is True


# ------------------------------------------------------------ how the adaptive rule ends


def test_an_extrapolated_result_says_so() -> None:
    result = integrate(lambda x: x**-0.9, 0, 1, full_output=True)  # 10
    assert isinstance(result, IntegrationResult)
    assert abs(result.value - 10.0) <= result.error <= 1e-9
    assert (result.method, result.converged) == ("adaptive", True)
    assert result.message == (
        f"the extrapolated estimate's error {result.error:.3g} meets the tolerance "
        f"{1e-10 * abs(result.value):.3g}"
    )


def test_a_plain_result_says_so() -> None:
    result = integrate(lambda x: math.exp(-x), 0, math.inf, full_output=True)  # 1
    assert isinstance(result, IntegrationResult)
    assert abs(result.value - 1.0) <= result.error <= 1e-10
    assert (result.method, result.converged) == ("adaptive", True)
    assert result.message == (
        f"the estimated error {result.error:.3g} meets the tolerance {1e-10:.3g}"
    )


def test_a_divergent_integral_is_refused_with_both_estimates() -> None:
    result = integrate(lambda x: x**-1.5, 0, 1, full_output=True)  # diverges
    assert isinstance(result, IntegrationResult)
    assert (result.method, result.converged) == ("adaptive", False)
    shown = re.fullmatch(
        r"the integral probably diverges: the sums over the subintervals \((\S+), estimated "
        r"error (\S+)\) and their extrapolation \((\S+)\) disagree\. Check that f is "
        r"integrable on the interval; if it is, split the interval at its singular points or "
        r"pass a larger tol",
        result.message,
    )
    assert shown is not None
    plain, plain_error, extrapolated = (float(group) for group in shown.groups())
    assert f"{result.value:.6g}" == shown.group(3)
    assert result.value == pytest.approx(extrapolated, rel=1e-5)
    assert result.error >= max(plain_error * (1 - 1e-3), abs(plain - result.value) * (1 - 1e-5))
    with pytest.raises(calcweb.NumericalError) as caught:
        integrate(lambda x: x**-1.5, 0, 1)
    assert str(caught.value) == result.message
