"""Jets on inputs that the textbook tests leave out, found by mutation testing.

``Jet.variable(x0, n)`` is ``x0 + t``: its coefficients beyond the first
derivative are 0, so every term ``a[j]`` with ``j >= 2`` of the recurrences in
calcweb._series multiplies 0, and a wrong weight there goes unnoticed. Here the
inner function is a cubic, ``g(t) = x0 + 3/4 t - 1/2 t^2 + 1/4 t^3``, and the
oracle is mpmath's Taylor expansion of ``f(g(t))`` at 50 digits.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any
from unittest import mock

import pytest

import calcweb
from calcweb import Jet
from calcweb.jet import RoundedFloat

EPS = 2.0**-52
DEGREE = 10
CUBIC = (0.75, -0.5, 0.25)  # g(t) = x0 + 0.75 t - 0.5 t^2 + 0.25 t^3, exact in binary


def close(actual: tuple[float, ...], expected: list[float], rel: float = 1e-12) -> None:
    scale = max(1.0, *map(abs, expected))
    for k, (a, e) in enumerate(zip(actual, expected, strict=True)):
        assert abs(a - e) <= rel * max(abs(e), scale * EPS), (k, a, e)


def cubic(x0: float, degree: int = DEGREE) -> Jet:
    return Jet([x0, *CUBIC] + [0.0] * (degree - len(CUBIC)))


def taylor_of_composition(f: Callable[[Any], Any], x0: float, degree: int = DEGREE) -> list[float]:
    mpmath = pytest.importorskip("mpmath", reason="mpmath is the oracle (absent in Pyodide)")
    mp = mpmath.mp.clone() if hasattr(mpmath.mp, "clone") else mpmath.mp
    mp.dps = 50
    a1, a2, a3 = (mp.mpf(c) for c in CUBIC)

    def g(t: Any) -> Any:
        return mp.mpf(x0) + a1 * t + a2 * t**2 + a3 * t**3

    return [float(c) for c in mp.taylor(lambda t: f(mp, g(t)), 0, degree)]


# name, the function on jets, the same function in mpmath, a point in its domain
CASES: list[tuple[str, Callable[[Jet], Jet], Callable[[Any, Any], Any], float]] = [
    ("exp", calcweb.exp, lambda mp, x: mp.exp(x), 0.4),
    ("log", calcweb.log, lambda mp, x: mp.log(x), 1.7),
    ("log1p", calcweb.log1p, lambda mp, x: mp.log(1 + x), 0.6),
    ("sqrt", calcweb.sqrt, lambda mp, x: mp.sqrt(x), 2.3),
    ("sin", calcweb.sin, lambda mp, x: mp.sin(x), 0.9),
    ("cos", calcweb.cos, lambda mp, x: mp.cos(x), -0.4),
    ("sinh", calcweb.sinh, lambda mp, x: mp.sinh(x), 0.8),
    ("cosh", calcweb.cosh, lambda mp, x: mp.cosh(x), -1.2),
    ("tan", calcweb.tan, lambda mp, x: mp.tan(x), 0.3),
    ("tanh", calcweb.tanh, lambda mp, x: mp.tanh(x), 0.5),
    ("sigmoid", calcweb.sigmoid, lambda mp, x: 1 / (1 + mp.exp(-x)), -0.7),
    ("softplus", calcweb.softplus, lambda mp, x: mp.log(1 + mp.exp(x)), 0.2),
    ("atan", calcweb.atan, lambda mp, x: mp.atan(x), 1.5),
    ("asin", calcweb.asin, lambda mp, x: mp.asin(x), 0.3),
    ("acos", calcweb.acos, lambda mp, x: mp.acos(x), -0.25),
    ("erf", calcweb.erf, lambda mp, x: mp.erf(x), 0.35),
    ("x**2.5", lambda x: x**2.5, lambda mp, x: x ** mp.mpf(2.5), 1.3),
    ("x**-1.5", lambda x: x**-1.5, lambda mp, x: x ** mp.mpf(-1.5), 0.9),
    ("x**3", lambda x: x**3, lambda mp, x: x**3, -1.1),
    ("x**65", lambda x: x**65, lambda mp, x: x**65, 1.01),  # beyond repeated squaring
    ("2**x", lambda x: 2**x, lambda mp, x: mp.mpf(2) ** x, 0.6),
    ("x**x", lambda x: x**x, lambda mp, x: x**x, 1.4),
    ("1/x", lambda x: 1 / x, lambda mp, x: 1 / x, 0.8),
    ("x/(1+x*x)", lambda x: x / (1 + x * x), lambda mp, x: x / (1 + x * x), 0.5),
    ("3-x", lambda x: 3 - x, lambda mp, x: 3 - x, 0.5),
    ("x*sin(x)", lambda x: x * calcweb.sin(x), lambda mp, x: x * mp.sin(x), 0.7),
]


@pytest.mark.parametrize(
    ("f", "oracle", "x0"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_functions_of_a_cubic_match_mpmath(
    f: Callable[[Jet], Jet], oracle: Callable[[Any, Any], Any], x0: float
) -> None:
    close(f(cubic(x0)).coefficients, taylor_of_composition(oracle, x0))


def test_cos_where_the_sine_it_is_solved_with_overflows() -> None:
    # cos(x0 + s t) = cos x0 - s sin(x0) t - s^2 cos(x0) / 2 t^2. At x0 = pi/2
    # (cos x0 = 6e-17) with s = 2**512, the sine solved alongside has t^2
    # coefficient -s^2 sin(x0) / 2, beyond the float range, but the cosine's is
    # finite, and its recurrence must not touch the sine's (weight 0 * inf = NaN).
    x0, s = math.pi / 2, 2.0**512
    got = calcweb.cos(Jet([x0, s, 0.0])).coefficients
    assert got == (math.cos(x0), -s * math.sin(x0), -(s * (s * math.cos(x0))) / 2)


def test_log1p_near_minus_one_whose_unused_rate_coefficient_overflows() -> None:
    # log1p(x0 + c t) = log1p(x0) + r t - r^2 t^2 / 2 + ... with r = c / (1 + x0).
    # Near x0 = -1 the rate 1/(1 + x0 + c t) has t^2 coefficient r^2 / (1 + x0)
    # = 2**1036, beyond the float range, but the degree-2 jet needs only the
    # rate's first two coefficients: all powers of two, so exact.
    d = 2.0**-40
    c = 2.0**458
    r = c / d  # 2**498
    got = calcweb.log1p(Jet([-1.0 + d, c, 0.0])).coefficients
    assert got == (math.log1p(-1.0 + d), r, -(r * r) / 2)


# ------------------------------------------------------- boundaries and messages


def test_subtraction_truncates_to_the_smaller_degree_either_way() -> None:
    long, short = Jet([5.0, 2.0, 3.0, 4.0]), Jet([1.0, 1.0])
    assert (long - short).coefficients == (4.0, 1.0)
    assert (short - long).coefficients == (-4.0, -1.0)
    assert (7.0 - long).coefficients == (2.0, -2.0, -3.0, -4.0)


def test_integer_powers_by_squaring_hold_at_zero_up_to_the_limit() -> None:
    # Repeated squaring serves 0 <= p <= 64 and is exact even at x0 = 0; other
    # exponents use the power recurrence, which divides by x0.
    zero = Jet.variable(0.0, 3)
    assert (zero**0).coefficients == (1.0, 0.0, 0.0, 0.0)
    assert (zero**1).coefficients == (0.0, 1.0, 0.0, 0.0)
    assert (zero**64).coefficients == (0.0, 0.0, 0.0, 0.0)
    assert (Jet.variable(0.0, 70) ** 64).coefficients[64] == 1.0
    with pytest.raises(calcweb.DomainError, match=r"^x\*\*65\.0 is not differentiable at x = 0"):
        zero**65


def test_a_power_at_zero_is_refused_exactly_when_the_jet_has_derivatives() -> None:
    message = (
        "x**2.5 is not differentiable at x = 0 (its derivatives blow up or are complex "
        "there); expand around a point x0 != 0"
    )
    assert (Jet([0.0]) ** 2.5).coefficients == (0.0,)
    for degree in (1, 2):
        with pytest.raises(calcweb.DomainError, match=f"^{re.escape(message)}$"):
            Jet.variable(0.0, degree) ** 2.5


def test_a_base_in_zero_to_one_is_fine_and_zero_is_refused() -> None:
    x = Jet.variable(1.5, 4)
    for base in (0.5, 1.0, 3.0):
        expected = [base**1.5 * math.log(base) ** k / math.factorial(k) for k in range(5)]
        close((base**x).coefficients, expected, rel=1e-15)
    message = "0.0**x with a jet x needs a base > 0 (it is exp(x*log(base))); use a positive base"
    with pytest.raises(calcweb.DomainError, match=f"^{re.escape(message)}$"):
        0.0**x


def test_numbers_that_are_not_real_are_refused_with_their_type() -> None:
    x = Jet.variable(1.0, 2)
    hint = "; a Jet holds real Taylor coefficients, so convert it with float()"
    cases: list[tuple[Callable[[], object], str]] = [
        (lambda: x + Decimal("2"), "a number combined with a Jet"),
        (lambda: x ** Decimal("2"), "the exponent"),
        (lambda: Decimal("2") ** x, "the base"),
        (lambda: x < 1j, "a number compared with a Jet"),
        (lambda: x <= 1j, "a number compared with a Jet"),
        (lambda: x > 1j, "a number compared with a Jet"),
        (lambda: x >= 1j, "a number compared with a Jet"),
    ]
    for call, what in cases:
        with pytest.raises(calcweb.ArgumentTypeError) as info:
            call()
        other = "Decimal Decimal('2')" if what != "a number compared with a Jet" else "complex 1j"
        expected = f"{what} must be a real number (int or float), but got {other}{hint}"
        assert str(info.value) == expected


def test_an_exponent_or_base_that_is_not_finite_is_named() -> None:
    x = Jet.variable(1.0, 2)
    with pytest.raises(calcweb.InvalidArgumentError, match=r"^the exponent must be a finite"):
        x**math.nan
    with pytest.raises(calcweb.InvalidArgumentError, match=r"^the base must be a finite"):
        math.inf**x


def test_equality_with_anything_else_defers_to_the_other_operand() -> None:
    x = Jet.variable(2.0, 1)
    assert (x == 1j) is False
    assert (x != 1j) is True
    assert (x == "2.0") is False
    assert x == mock.ANY  # Jet returns NotImplemented, so ANY.__eq__ answers
    assert (x != mock.ANY) is False


def test_every_comparison_with_a_number_looks_at_the_value() -> None:
    x = Jet.variable(2.0, 1)
    assert (x == 2.0, x != 2.0, x < 2.0, x <= 2.0, x > 2.0, x >= 2.0) == (
        True,
        False,
        False,
        True,
        False,
        True,
    )
    assert (x == 3, x != 3, x < 3, x <= 3, x > 3, x >= 3) == (
        False,
        True,
        True,
        True,
        False,
        False,
    )


def test_square_root_and_arc_sine_at_the_edge_of_the_domain() -> None:
    assert calcweb.sqrt(Jet([0.0])).coefficients == (0.0,)
    assert calcweb.asin(Jet([1.0])).coefficients == (math.pi / 2,)
    assert calcweb.acos(Jet([-1.0])).coefficients == (math.pi,)
    tail = " (its derivative is infinite there); expand around a point inside the domain"
    cases: list[tuple[Callable[[Jet], Jet], Jet, str]] = [
        (calcweb.sqrt, Jet.variable(0.0, 2), "sqrt is not differentiable at 0.0"),
        (calcweb.asin, Jet([1.0, 0.5]), "asin is not differentiable at 1.0"),
        (calcweb.asin, Jet([-1.0, 0.5]), "asin is not differentiable at -1.0"),
        (calcweb.acos, Jet([-1.0, 2.0]), "acos is not differentiable at -1.0"),
    ]
    for f, x, head in cases:
        with pytest.raises(calcweb.DomainError) as info:
            f(x)
        assert str(info.value) == head + tail


def test_every_refusal_of_a_jet_says_what_and_how_to_fix_it() -> None:
    x = Jet.variable(1.0, 2)
    overflowed = (
        "a Taylor coefficient overflowed (it is larger than about 1.8e308): the function or "
        "its derivatives are too large at this point for this degree; use a lower degree or "
        "a point where the function is of moderate size"
    )
    cases: list[tuple[Callable[[], object], type[Exception], str]] = [
        (
            lambda: Jet.constant(1.0, -1),
            calcweb.InvalidArgumentError,
            "degree must be between 0 and 1000, but got -1; pass e.g. degree=3",
        ),
        (
            lambda: Jet.constant(math.nan, 2),
            calcweb.InvalidArgumentError,
            "value must be a finite number, but got nan; pass an ordinary float",
        ),
        (
            lambda: x + math.nan,
            calcweb.InvalidArgumentError,
            (
                "a number combined with a Jet must be a finite number, but got nan; "
                "pass an ordinary float"
            ),
        ),
        (
            lambda: x * math.inf,
            calcweb.InvalidArgumentError,
            (
                "a number multiplied by a Jet must be a finite number, but got inf; "
                "pass an ordinary float"
            ),
        ),
        (
            lambda: 1.0 / Jet.variable(0.0, 2),
            calcweb.DivisionByZeroError,
            (
                "division by a quantity whose value is 0 is undefined; move the point away "
                "from the zero of the denominator"
            ),
        ),
        (
            lambda: 1.0 / Jet([1e-200, 1.0, 0.0]),  # c_1 = -1e400
            calcweb.NumericalError,
            (
                "a quotient overflowed: the denominator is too close to 0 for the degree asked; "
                "use a lower degree or a point further from the zero"
            ),
        ),
        (lambda: Jet([1.0, 1e300]) * 1e10, calcweb.NumericalError, overflowed),
        (
            lambda: x.derivative(3),
            calcweb.InvalidArgumentError,
            "k must be between 0 and 2, but got 3; build the jet with a higher degree for more",
        ),
        (
            lambda: Jet([0.0] * 171 + [1.0]).derivative(171),  # 171! > 1.8e308
            calcweb.NumericalError,
            (
                "derivative(171) overflows a float (it is larger than about 1.8e308); use a "
                "smaller argument, or work with logarithms (e.g. log-sum-exp)"
            ),
        ),
    ]
    for call, error, message in cases:
        with pytest.raises(error) as info:
            call()
        assert str(info.value) == message


def test_a_zero_coefficient_beyond_order_170_is_a_zero_derivative() -> None:
    # k! overflows a float for k > 170, but 0 times it is 0: never computed.
    assert Jet.variable(1.0, 200).derivative(200) == 0.0


# ------------------------------------------------------- RoundedFloat in the subnormal range


def test_a_quotient_in_the_subnormal_range_rounds_by_up_to_its_spacing() -> None:
    tiny = math.ulp(0.0)  # 2**-1074, the spacing of the subnormals
    quotient = RoundedFloat(10 * tiny, 0.0) / 3.0  # (10/3) 2**-1074, rounded to 3 of them
    assert quotient == 3 * tiny
    error = abs(Fraction(10 * tiny) / 3 - Fraction(float(quotient)))
    assert error == Fraction(tiny) / 3
    # eps |q| underflows to 0: the bound is the spacing itself, which covers the error.
    assert quotient.bound == tiny
    assert error <= Fraction(quotient.bound)
    reflected = 1e-300 / RoundedFloat(3e18, 0.0)  # a plain numerator: the reflected quotient
    assert 0.0 < reflected < 2.0**-1022
    assert reflected.bound == tiny
    assert abs(Fraction(1e-300) / Fraction(3e18) - Fraction(float(reflected))) <= tiny
