"""A refusal's advice works for the f at hand: each test follows it and gets an answer.

Two kinds of advice failed before session 17:

* method="complex" refusing an f written with cmath (``cmath.sqrt(z) +
  abs(z)``: not analytic) advised method="richardson", which refuses f too:
  cmath's functions return complex numbers on the real line
  (``cmath.sqrt(1e-06)`` is ``(0.001+0j)``), Richardson needs real ones. The
  advice now says to write f with math's functions, and where f has no real
  value near x at all it does not advise Richardson.
* method="ad" on a builtin (``math.sin``, ``math.fsum``) quoted calcweb's call
  wrapper ("f raised ArgumentTypeError: f could not be called with
  Jet([1.0, 1.0]): ... f must be a function of a list of numbers"), which
  is true of floats and not of jets. The message now quotes the builtin's own
  TypeError and names calcweb's version of it; where x's own numbers do not
  fit f either (``math.sin`` of a list), it is method="richardson"'s error.
"""

from __future__ import annotations

import cmath
import functools
import math
from collections.abc import Callable
from typing import Any

import pytest

import calcweb
from calcweb import ArgumentTypeError, NumericalError, derivative

# ------------------------------------------------- method="complex": cmath's f


def cmath_kink(z: Any) -> Any:
    return cmath.sqrt(z) + abs(z)


def math_kink(t: float) -> float:  # the same f on the real line, as the advice says
    return math.sqrt(t) + abs(t)


WITH_MATH = "with f written with math's functions in place of cmath's (math.sqrt for cmath.sqrt)"


def test_not_analytic_advice_names_maths_functions_for_an_f_written_with_cmath() -> None:
    with pytest.raises(ArgumentTypeError) as info:
        derivative(cmath_kink, 1e-6, method="complex")
    message = str(info.value)
    assert "f is not analytic near x=1e-06" in message
    assert message.endswith(
        f"use method='richardson' {WITH_MATH}: f(1e-06) returned the complex number "
        "(0.001001+0j), and method='richardson' needs real values"
    )
    # The advice alone fails (Richardson refuses complex values, saying why) ...
    with pytest.raises(ArgumentTypeError, match="cmath's functions return complex numbers"):
        derivative(cmath_kink, 1e-6, method="richardson")
    # ... and followed, it answers: f' = 1/(2 sqrt(x)) + 1 = 501.
    r = derivative(math_kink, 1e-6, method="richardson", full_output=True)
    assert abs(r.value - 501.0) <= 2.0 * r.error < 1e-6


def test_not_analytic_advice_stays_plain_for_an_f_real_on_the_real_line() -> None:
    def f(z: Any) -> Any:
        return z + 1e-3 * z.conjugate()  # floats have .conjugate() too: real on the line

    with pytest.raises(ArgumentTypeError) as info:
        derivative(f, 0.5, method="complex")
    assert str(info.value).endswith("so the complex step does not apply; use method='richardson'")
    r = derivative(f, 0.5, method="richardson", full_output=True)
    assert abs(r.value - 1.001) <= 2.0 * r.error


def test_a_step_that_does_not_settle_names_maths_functions_for_cmath() -> None:
    with pytest.raises(NumericalError) as info:
        derivative(cmath_kink, 1e-300, method="complex")
    assert f"Pass a smaller h, or use method='richardson' {WITH_MATH}: f(1e-300)" in str(info.value)
    r = derivative(math_kink, 1e-300, method="richardson", full_output=True)
    assert abs(r.value - 5e149) <= 2.0 * r.error


def test_an_unconfirmed_value_beside_a_branch_point_names_maths_functions() -> None:
    def f(z: Any) -> Any:
        return cmath.log(z) * abs(z)

    with pytest.raises(NumericalError) as info:
        derivative(f, 0.0, method="complex")
    assert (
        "use method='richardson' at a point farther from where f is undefined, "
        f"{WITH_MATH}: f(0.001) returned the complex number"
    ) in str(info.value)
    r = derivative(lambda t: math.log(t) * abs(t), 1e-3, method="richardson", full_output=True)
    assert abs(r.value - (math.log(1e-3) + 1.0)) <= 2.0 * r.error


def overflows_off_the_line(z: Any) -> Any:
    if isinstance(z, complex) and z.imag:
        raise OverflowError("math range error")
    return math.exp(z)


def test_an_overflow_off_the_real_line_advises_richardson_where_it_answers() -> None:
    with pytest.raises(NumericalError) as info:
        derivative(overflows_off_the_line, 2.0, method="complex")
    assert str(info.value).endswith(
        "use a point where f is of moderate size, or method='richardson'"
    )
    r = derivative(overflows_off_the_line, 2.0, method="richardson", full_output=True)
    assert abs(r.value - math.exp(2.0)) <= 2.0 * r.error


def test_an_overflow_of_cmath_advises_maths_functions() -> None:
    def f(z: Any) -> Any:
        if z.imag:
            raise OverflowError("math range error")
        return cmath.exp(z)  # complex on the real line

    with pytest.raises(NumericalError) as info:
        derivative(f, 2.0, method="complex")
    assert f"of moderate size, or method='richardson' {WITH_MATH}: f(2.0) returned" in str(
        info.value
    )


def test_an_overflow_everywhere_advises_no_richardson() -> None:
    with pytest.raises(NumericalError) as info:
        derivative(cmath.exp, 1000.0, method="complex")
    assert str(info.value).endswith("use a point where f is of moderate size")
    with pytest.raises(NumericalError, match="overflowed"):
        derivative(math.exp, 1000.0, method="richardson")  # it would not help


def test_a_complex_value_on_the_real_line_says_to_use_maths_functions() -> None:
    with pytest.raises(ArgumentTypeError) as info:
        derivative(cmath.sqrt, 2.0)
    assert str(info.value) == (
        "f(2.0) returned complex (1.4142135623730951+0j); f must return a real number "
        "(int or float) (cmath's functions return complex numbers for real arguments too: "
        "write it with math's, math.sqrt for cmath.sqrt)"
    )
    with pytest.raises(ArgumentTypeError) as info:
        calcweb.integrate(lambda x: complex(x, 1.0), 0.0, 1.0)
    assert "cmath" not in str(info.value)  # an imaginary part: not cmath's doing


# ------------------------------------------------- method="ad": builtins


def jvp_ad(f: Callable[[Any], Any]) -> Any:
    return calcweb.jvp(f, 1.0, 1.0, method="ad")


def vjp_ad(f: Callable[[Any], Any]) -> Any:
    return calcweb.vjp(f, 1.0, method="ad")


def derivative_ad(f: Callable[[Any], Any]) -> Any:
    return derivative(f, 1.0, method="ad")


def grad_ad(f: Callable[[Any], Any]) -> Any:
    return calcweb.grad(f, method="ad")([1.0, 2.0])


def hessian_ad(f: Callable[[Any], Any]) -> Any:
    return calcweb.hessian(f, method="ad")([1.0, 2.0])


VALUE_REFUSES_FLOAT = (
    "ArgumentTypeError: float(Value(1.0)) (math.exp(x), math.sin(x) and such call it) would "
    "drop the graph: no gradient flows through a plain number. Write calcweb.exp(x) or x.exp() "
    "to keep the gradient, or x.data for the number"
)
BUILTINS = [
    (derivative_ad, math.sin, "TypeError: must be real number, not Jet", "math.sin", "Jet", "sin"),
    (jvp_ad, math.sin, "TypeError: must be real number, not Jet", "math.sin", "Jet", "sin"),
    # math.exp asks a Value for float(x), which it refuses itself (APIERR)
    (vjp_ad, math.exp, VALUE_REFUSES_FLOAT, "math.exp", "nn.Value", "exp"),
    (
        derivative_ad,
        math.fabs,
        "TypeError: must be real number, not Jet",
        "math.fabs",
        "Jet",
        "abs",
    ),
    (
        derivative_ad,
        cmath.sin,
        "TypeError: must be real number, not Jet",
        "cmath.sin",
        "Jet",
        "sin",
    ),
    (grad_ad, math.fsum, "TypeError: must be real number, not Jet", "math.fsum", "Jet", None),
    (hessian_ad, math.fsum, "TypeError: must be real number, not Jet", "math.fsum", "Jet", None),
    (
        derivative_ad,
        round,
        (
            "ArgumentTypeError: round(Jet([1.0, 1.0])) would drop the derivatives (a rounded "
            "number is a step, with derivative 0); write round(x.value) for the number"
        ),
        "round",
        "Jet",
        None,
    ),
    (
        derivative_ad,
        functools.partial(math.pow, 2.0),
        "TypeError: must be real number, not Jet",
        "functools.partial(<built-in function pow>, 2.0)",
        "Jet",
        None,
    ),
]


@pytest.mark.parametrize("case", BUILTINS, ids=[str(case[3]) for case in BUILTINS])
def test_ad_on_a_builtin_quotes_its_own_error_and_names_calcwebs_version(case: Any) -> None:
    use, f, raised, label, what, version = case
    with pytest.raises(ArgumentTypeError) as info:
        use(f)
    message = str(info.value)
    assert "could not be called" not in message  # calcweb's wrapper, about floats
    start = f"method='ad' needs f to accept a calcweb.{what}, but f raised {raised}. f is {label}"
    assert message.startswith(f"{start}, which does not take calcweb.{what}s: ")
    otherwise = "or use method='richardson'"
    if f is cmath.sin:
        otherwise += f" {WITH_MATH.replace(' (math.sqrt for cmath.sqrt)', '')} (f returned"
    if version is None:
        assert f"write f with calcweb's functions (calcweb.sin, calcweb.exp, ...), {otherwise}" in (
            message
        )
        return
    assert f"pass calcweb.{version} in its place, {otherwise}" in message
    assert use(getattr(calcweb, version)) is not None  # the advice, followed


@pytest.mark.parametrize(
    ("use", "richardson", "f"),
    [
        (grad_ad, lambda f: calcweb.grad(f, method="richardson")([1.0, 2.0]), math.sin),
        (hessian_ad, lambda f: calcweb.hessian(f, method="richardson")([1.0, 2.0]), math.sin),
        (derivative_ad, lambda f: derivative(f, 1.0, method="richardson"), math.atan2),
        (jvp_ad, lambda f: calcweb.jvp(f, 1.0, 1.0, method="richardson"), math.atan2),
        (vjp_ad, lambda f: calcweb.vjp(f, 1.0, method="richardson"), sum),
    ],
)
def test_ad_where_x_does_not_fit_f_says_what_richardson_says(
    use: Callable[[Any], Any], richardson: Callable[[Any], Any], f: Callable[[Any], Any]
) -> None:
    # math.sin of a list, atan2 of one number: the jets are not what is wrong.
    with pytest.raises(ArgumentTypeError) as ad:
        use(f)
    with pytest.raises(ArgumentTypeError) as plain:
        richardson(f)
    assert str(ad.value) == str(plain.value)
    assert "could not be called with" in str(ad.value)
    assert "Jet" not in str(ad.value)


def sine_by_math(t: float) -> float:
    return math.sin(t) + 0.0  # f's own code calls math.sin


def test_ad_on_fs_own_code_says_to_write_it_with_calcwebs_functions() -> None:
    with pytest.raises(ArgumentTypeError) as info:
        derivative(sine_by_math, 1.0, method="ad")
    assert str(info.value) == (
        "method='ad' needs f to accept a calcweb.Jet, but f raised TypeError: must be real "
        "number, not Jet. Write f with calcweb's functions (calcweb.sin, calcweb.exp, ...) "
        "instead of math's, or use method='richardson'"
    )
