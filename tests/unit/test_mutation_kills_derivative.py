"""calcweb.derivative's difference methods, refusals and steps, exactly (mutation testing).

The oracles: the textbook formulas of each step and quotient (eps**(1/(n+p))
max(1, |x|), 0.015 or 0.1 (1 + n/2) times max(1, |x|), 1e-20 max(1, |x|)),
recomputed here; f's calls counted by f itself; the messages, word for word.
"""

from __future__ import annotations

import cmath
import math
import sys
from typing import Any

import pytest
from call_log import recording
from complex_confirmation import confirmation, richardson_calls

import calcweb
from calcweb import DerivativeResult, _derivative, derivative
from calcweb._derivative import _complex_truncation, _Counted
from calcweb._richardson import combine, representable_step

EPS = sys.float_info.epsilon


# ------------------------------------------------------------- DerivativeResult


def test_a_result_built_by_hand_holds_floats() -> None:
    r = DerivativeResult(1, 0, 3, "central", 2)
    assert (r.value, r.error, r.nfev, r.method, r.step) == (1.0, 0.0, 3, "central", 2.0)
    assert type(r.value) is type(r.error) is type(r.step) is float
    assert type(r.nfev) is int
    assert DerivativeResult(1.0, 0.0, 0, "ad", None).step is None
    assert DerivativeResult(1.0, 0.0, 0, "ad", None).nfev == 0  # 0 calls is a count
    assert float(DerivativeResult(2.5, 0.0, 1, "ad", None)) == 2.5


@pytest.mark.parametrize("nfev", [-1, True, 1.0, "3", None])
def test_a_result_refuses_a_count_that_is_not_an_int(nfev: object) -> None:
    with pytest.raises(calcweb.ArgumentTypeError) as info:
        DerivativeResult(1.0, 0.0, nfev, "ad", None)  # type: ignore[arg-type]
    assert str(info.value) == f"nfev must be an int >= 0, but got {nfev!r}"


def test_a_result_refuses_a_method_that_is_not_a_str() -> None:
    with pytest.raises(calcweb.ArgumentTypeError) as info:
        DerivativeResult(1.0, 0.0, 1, 3, None)  # type: ignore[arg-type]
    assert str(info.value) == "method must be a str, but got 3"


# -------------------------------------------------------- results that overflow


def test_a_quotient_that_overflows_is_refused_with_its_value_and_error() -> None:
    def step(t: float) -> float:
        return 1e308 if t > 0 else -1e308

    with pytest.raises(calcweb.NumericalError) as info:
        derivative(step, 0.0, method="central", h=0.5)
    bound = combine([1e308, -1e308], "central", 1, 0.5)[1]
    assert str(info.value) == (
        f"the derivative of order 1 at x=0.0 came out as inf (error {bound!r}); the "
        "function or the step overflows here, so try a smaller h or a point where f is "
        "of moderate size"
    )


def test_a_finite_quotient_with_an_infinite_error_is_refused() -> None:
    # f = 1e308: the quotient is 0, but its rounding bound 2 eps 1e308 x 2 / 2e-20 is inf.
    with pytest.raises(calcweb.NumericalError, match=r"came out as 0\.0 \(error inf\)"):
        derivative(lambda t: 1e308, 0.0, method="central", h=1e-20)


# ------------------------------------------------------------------- Taylor mode


def test_ad_names_the_type_error_of_f() -> None:
    def f(t: Any) -> Any:
        if isinstance(t, float):
            return t
        raise TypeError("no jets here")

    with pytest.raises(calcweb.ArgumentTypeError) as info:
        derivative(f, 1.0, method="ad")
    assert str(info.value) == (
        "method='ad' needs f to accept a calcweb.Jet, but f raised TypeError: no jets "
        "here. Write f with calcweb's functions (calcweb.sin, calcweb.exp, ...) instead "
        "of math's, or use method='richardson'"
    )
    assert isinstance(info.value.__cause__, TypeError)


def test_ad_says_which_method_to_pass_for_an_argument_type_error_of_f() -> None:
    error = calcweb.ArgumentTypeError("f's own message")

    def f(t: Any) -> Any:
        if isinstance(t, float):
            return t
        raise error

    with pytest.raises(calcweb.ArgumentTypeError) as info:
        derivative(f, 1.0, method="ad")
    assert str(info.value) == (
        "method='ad' needs f to accept a calcweb.Jet, but f raised ArgumentTypeError: "
        "f's own message. Write f with calcweb's functions (calcweb.sin, calcweb.exp, ...) "
        "instead of math's, or use method='richardson'"
    )
    assert info.value.__cause__ is error


@pytest.mark.parametrize("error", [TypeError("no numbers"), calcweb.ArgumentTypeError("mine")])
def test_ad_lets_a_type_error_that_f_raises_at_x_too_pass(error: TypeError) -> None:
    # Not the jets: f raises it at x's own float too, as method='richardson' would see.
    def f(_t: Any) -> Any:
        raise error

    with pytest.raises(TypeError) as info:
        derivative(f, 1.0, method="ad")
    assert info.value is error


def test_auto_falls_back_to_richardson_on_a_type_error() -> None:
    def f(t: Any) -> Any:
        if not isinstance(t, float):
            raise TypeError("floats only")
        return t * t

    r = derivative(f, 1.5, full_output=True)
    assert r.method == "richardson"
    assert r.value == pytest.approx(3.0, rel=1e-12, abs=0)


# ------------------------------------------------------------ one quotient


@pytest.mark.parametrize(
    ("method", "n", "power"),
    [("central", 1, 1 / 3), ("central", 2, 1 / 4), ("forward", 1, 1 / 2), ("backward", 3, 1 / 4)],
)
@pytest.mark.parametrize("x", [0.5, -1.0, 10.0, -300.0])
def test_the_default_step_balances_truncation_and_rounding(
    method: str, n: int, power: float, x: float
) -> None:
    # eps**(1/(n + p)), p = 2 central and 1 one-sided, scaled to max(1, |x|).
    r = derivative(math.exp, x, n, method=method, full_output=True)
    assert r.step == representable_step(x, EPS**power * max(1.0, abs(x)))


def test_a_given_step_is_made_representable() -> None:
    r = derivative(math.exp, 1.0, method="central", h=0.1, full_output=True)
    assert r.step == (1.0 + 0.1) - 1.0


@pytest.mark.parametrize("method", ["central", "forward", "backward", "richardson"])
def test_order_zero_is_the_value_of_f(method: str) -> None:
    calls: list[float] = []

    def f(t: float) -> float:
        calls.append(t)
        return math.exp(t)

    r = derivative(f, 0.5, 0, method=method, full_output=True)
    # Its error is its rounding, which a walk measures (its last digit here).
    assert (r.value, r.nfev, r.method, r.step) == (math.exp(0.5), len(calls), method, None)
    assert r.error == sys.float_info.epsilon * math.exp(0.5)
    calls.clear()
    assert derivative(f, 0.5, 0, method=method) == math.exp(0.5)
    # Without full_output a single quotient's error is not measured: f once.
    assert (calls == [0.5]) == (method != "richardson")


@pytest.mark.parametrize("method", ["central", "forward", "backward"])
@pytest.mark.parametrize("n", [1, 2])
def test_the_error_of_one_quotient_is_its_distance_from_richardson_plus_richardsons_error(
    method: str, n: int
) -> None:
    # t**3 at 1, h = 1/4: central 3 + h**2 = 3.0625, forward 3 + 3h + h**2 = 3.8125.
    # The quotient is measured against robust Richardson on the same f (its own
    # default steps): |value - R| + error(R), every point computed once.
    f, calls = recording(lambda t: t**3)
    r = derivative(f, 1.0, n, method=method, h=0.25, full_output=True)
    value = derivative(lambda t: t**3, 1.0, n, method=method, h=0.25)
    if (method, n) == ("central", 1):
        assert value == 3.0625
    if (method, n) == ("forward", 1):
        assert value == 3.8125
    robust = derivative(lambda t: t**3, 1.0, n, method="richardson", full_output=True)
    assert r == DerivativeResult(
        value, abs(value - robust.value) + robust.error, len(set(calls)), method, 0.25
    )
    assert len(calls) == len(set(calls))
    calls.clear()
    assert derivative(f, 1.0, n, method=method, h=0.25) == value
    # No Richardson without full_output; f(x) too, which a central quotient of odd order
    # does not use (f has no derivative where it has no value).
    assert len(calls) == n + 1 + (method == "central" and n % 2)


def test_the_backward_quotient_and_its_points() -> None:
    f, calls = recording(lambda t: t**3)
    value = derivative(f, 1.0, 2, method="backward", h=0.25)
    # (f(1) - 2 f(0.75) + f(0.5)) / h**2 = 6 - 6h = 4.5, from those three points only.
    assert value == 4.5
    assert sorted(calls) == [0.5, 0.75, 1.0]
    calls.clear()
    r = derivative(f, 1.0, 2, method="backward", h=0.25, full_output=True)
    # With its error, Richardson's points too, each computed once.
    assert (r.value, r.step) == (4.5, 0.25)
    assert r.nfev == len(calls) == len(set(calls)) > 3
    assert {0.5, 0.75, 1.0} <= set(calls)


# -------------------------------------------------------------- richardson


@pytest.mark.parametrize(("n", "factor"), [(1, 0.015), (2, 0.2), (3, 0.25), (4, 0.1 * 3.0)])
@pytest.mark.parametrize("x", [0.5, 1.0, -4.0])
def test_the_first_richardson_step(n: int, factor: float, x: float) -> None:
    # 0.015 for first derivatives, 0.1 (1 + n/2) for the others, times max(1, |x|).
    r = derivative(math.exp, x, n, method="richardson", full_output=True)
    assert r.step == factor * max(1.0, abs(x))


def test_a_given_first_step_is_the_step_reported() -> None:
    r = derivative(math.exp, 1.0, 2, method="richardson", h=0.05, full_output=True)
    assert r.step == 0.05
    assert abs(r.value - math.e) <= 2 * r.error


def test_a_second_walk_on_the_scale_of_a_small_x() -> None:
    # x**3 at 1e-100: steps scaled to 1 see nothing; a walk from 0.015 |x| does.
    f, calls = recording(lambda t: t**3)
    r = derivative(f, 1e-100, method="richardson", full_output=True)
    assert r.value == pytest.approx(3e-200, rel=1e-10, abs=0)
    assert abs(r.value - 3e-200) <= 2 * r.error
    # The second walk asks for x again (and the first one's noise points):
    # each point is computed once.
    assert r.nfev == len(calls) == len(set(calls))
    assert representable_step(1e-100, 0.015e-100) + 1e-100 in calls
    assert r.step == 0.015 * 1e-100  # the step of the walk that was kept
    assert r.error <= 1e-213  # refined like the first walk (unrefined: 3.0e-213)


def test_each_point_is_computed_once_but_minus_0_is_not_0_and_failures_are_retried() -> None:
    seen: list[float] = []

    def f(t: float) -> float:
        seen.append(t)
        if t > 1.0:
            raise ValueError("outside")
        return math.copysign(1.0, t)

    counted_f = _Counted(f)
    assert [counted_f(t) for t in (0.5, 0.5, -0.0, 0.0, -0.0)] == [1.0, 1.0, -1.0, 1.0, -1.0]
    assert counted_f.calls == 3
    for _ in range(2):
        with pytest.raises(ValueError, match="outside"):
            counted_f(2.0)
    assert (counted_f.calls, seen) == (5, [0.5, -0.0, 0.0, 2.0, 2.0])


def test_a_second_walk_that_disagrees_is_dropped() -> None:
    # exp(t) - 1 - t at 1e-100 cancels to noise at the scale of x: the second walk
    # finds -1.0 +- 3e-13, outside the first one's error bars: the first is kept.
    r = derivative(lambda t: math.exp(t) - 1.0 - t, 1e-100, method="richardson", full_output=True)
    assert r.step == 0.015
    assert abs(r.value - 1e-100) <= 2 * r.error


def test_no_second_walk_at_zero_or_for_a_given_step() -> None:
    f, calls = recording(lambda t: t**3 + t)
    r = derivative(f, 0.0, method="richardson", full_output=True)
    assert r.step == 0.015
    assert r.nfev == len(calls)
    calls.clear()
    r = derivative(f, 1e-100, method="richardson", h=1e-3, full_output=True)
    assert r.step == 1e-3
    # A second walk would start at 0.015 * 1e-100; the noise of f is measured
    # at spacings of about 1e-17 (where f changes by a few times its rounding).
    assert min(abs(t - 1e-100) for t in calls if t != 1e-100) > 1e-30


# ------------------------------------------------------------------ complex step


@pytest.mark.parametrize("x", [0.5, 2.0, -3.0])
def test_the_default_complex_step(x: float) -> None:
    r = derivative(cmath.sin, x, method="complex", full_output=True)
    assert r.step == 1e-20 * max(1.0, abs(x))
    assert r.value == pytest.approx(math.cos(x), rel=1e-15, abs=0)


def test_an_overflow_in_f_is_named() -> None:
    with pytest.raises(calcweb.NumericalError) as info:
        derivative(cmath.exp, 1000.0, method="complex")
    point = complex(1000.0, 1e-20 * 1000.0)
    # cmath.exp overflows on the real line at 1000 too: no method helps there.
    assert str(info.value) == (
        f"f({point!r}) overflowed (math range error); use a point where f is of moderate size"
    )


def test_a_type_error_of_f_is_named() -> None:
    def f(_z: Any) -> Any:
        raise TypeError("real numbers only")

    with pytest.raises(calcweb.ArgumentTypeError) as info:
        derivative(f, 1.0, method="complex")
    assert str(info.value) == (
        "method='complex' needs f to accept complex numbers, but f raised TypeError: "
        "real numbers only. Write f with functions that accept them (cmath's, or calcweb's "
        "but erf, abs and relu) and without comparisons such as x > 0, or use method='auto' or "
        "'richardson'"
    )


@pytest.mark.parametrize(
    ("y", "shown"), [("s", "str 's'"), (True, "bool True"), (None, "NoneType None")]
)
def test_a_result_that_is_not_a_number_is_named(y: object, shown: str) -> None:
    with pytest.raises(calcweb.ArgumentTypeError) as info:
        derivative(lambda z: y, 1.0, method="complex")
    assert str(info.value) == f"f((1+1e-20j)) returned {shown}; f must return a number"


def test_a_real_result_means_f_is_not_analytic() -> None:
    with pytest.raises(calcweb.ArgumentTypeError) as info:
        derivative(lambda z: 2.5, 1.0, method="complex")
    assert str(info.value) == (
        "f((1+1e-20j)) returned the real number 2.5: f dropped the imaginary part, so it "
        "is not analytic (abs, max, min, comparisons and .real are not) and the complex "
        "step would give 0; use method='richardson'"
    )


def test_an_infinite_complex_step_is_refused() -> None:
    with pytest.raises(calcweb.NumericalError) as info:
        derivative(lambda z: complex(0.0, 1e300), 1.0, method="complex")
    assert str(info.value) == (
        "the complex step gave inf; f overflows near x=1.0, use a point where f is of "
        "moderate size"  # and f is not real on the real line: no method='richardson'
    )


def central(f: Any, x: float, h: float) -> float:
    return math.fsum([f(x + h), -f(x - h)]) / (2.0 * h)


def im_quotient(f: Any, x: float, h: float) -> float:
    return float(f(complex(x, h)).imag / h)


def complex_scatter(f: Any, x: float, h: float, across_steps: bool) -> float:
    """The complex step's scatter: off the line through x + 61.8 eps s and x - 38.2 eps s
    (s = max(1, |x|)), and the spread over h, h/e, h/e**2 where they show no h**2 trend."""
    scale = max(1.0, abs(x))
    above, below = 61.80339887498948 * EPS * scale, 38.19660112501052 * EPS * scale
    up, here, down = (im_quotient(f, t, h) for t in (x + above, x, x - below))
    scatter = abs((here - down) - (up - down) * below / (above + below))
    if across_steps:
        values = [im_quotient(f, x, h * 0.36787944117144233**k) for k in range(3)]
        scatter = max(scatter, max(values) - min(values))
    return scatter


@pytest.mark.parametrize("h", [None, 1e-3, 0.1])
def test_the_complex_steps_error_is_rounding_plus_twice_its_truncation(h: float | None) -> None:
    # Truncation h**2 |f'''| / 6, with f''' / 6 = 4 (coarse - fine) / (3 H**2) from two
    # central quotients at H = eps**(1/3) max(1, |x|) and H / 2; f's own rounding is
    # 16 times the scatter of Im f(x + ih)/h beside x (and across the steps for h = 1e-20,
    # where they show no h**2 trend).
    x = 0.7
    r = derivative(cmath.exp, x, method="complex", h=h, full_output=True)
    step = 1e-20 if h is None else h
    assert r.value == pytest.approx(math.exp(x) * math.sin(step) / step, rel=1e-15, abs=0)
    big = representable_step(x, EPS ** (1.0 / 3.0))
    half = representable_step(x, big / 2.0)
    coarse, fine = central(math.exp, x, big), central(math.exp, x, half)
    truncation = step * step * 4.0 * abs(coarse - fine) / (3.0 * big * big)
    scatter = complex_scatter(cmath.exp, x, step, across_steps=h is None)
    # The pair agrees, so the real line's confirmation is a floor under the truncation.
    floor = confirmation(cmath.exp, x, r.value)
    expected = 4.0 * EPS * abs(r.value) + max(2.0 * truncation, floor) + 16.0 * scatter
    assert r.error == pytest.approx(expected, rel=1e-6, abs=0)
    # f(x + ih) at h, h/e, h/e**2, at 2 points beside x; 5 real points; Richardson's.
    assert r.nfev == 10 + richardson_calls(cmath.exp, x)


def test_a_complex_step_where_f_is_undefined_on_the_reals_is_refused() -> None:
    # cmath.sqrt(2 + ih) is analytic, but this f refuses real points: the check of
    # central differences stops at its first one, and Richardson on the real line
    # cannot settle either, so nothing confirms the value (before, 0.35355... was
    # answered with the complex step's own error, unchecked).
    def f(z: Any) -> Any:
        if not isinstance(z, complex):
            raise ValueError("complex only")
        return cmath.sqrt(z)

    with pytest.raises(calcweb.NumericalError) as info:
        derivative(f, 2.0, method="complex", full_output=True)
    message = str(info.value)
    assert message.startswith(
        "method='complex' gave 0.3535533905932738, but it could not be confirmed on the "
        "real line: f is undefined or not real next to x=2.0 (f(2.0000121109089046) raised"
    )
    assert "robust Richardson extrapolation there, one-sided where f is undefined" in message
    assert message.endswith(
        "Write f with calcweb's functions for method='auto' (Taylor mode), or use "
        "method='richardson' at a point farther from where f is undefined"
    )


def test_a_function_that_is_not_analytic_is_refused_with_both_values() -> None:
    with pytest.raises(calcweb.ArgumentTypeError) as info:
        derivative(lambda z: z * z.conjugate(), 1.5, method="complex")
    message = str(info.value)
    assert message.startswith("method='complex' gave 0.0 but central differences give about 3.0")
    assert message.endswith(
        ": f is not analytic near x=1.5 (it uses abs, conjugate, .real or a comparison), "
        "so the complex step does not apply; use method='richardson'"
    )


def test_a_complex_step_of_a_tiny_derivative_is_not_called_non_analytic() -> None:
    # Im f(x + ih) = 1e-300 cos(1) 1e-20 is subnormal: the value keeps 4 digits, and the
    # check allows sys.float_info.min / h for that.
    r = derivative(lambda z: 1e-300 * cmath.sin(z), 1.0, method="complex", full_output=True)
    assert r.value == pytest.approx(1e-300 * math.cos(1.0), rel=1e-3, abs=0)


@pytest.mark.parametrize(("share", "refused"), [(0.9, False), (1.1, True)])
def test_the_analytic_check_bound_is_the_pairs_own_error(share: float, refused: bool) -> None:
    # exp(z) + c conj(z) at 0: the complex step gives 1 - c, central differences 1 + c.
    # |2c| against twice their difference plus 4 x their rounding (9.4e-10, exp's own
    # rounding in the fourth difference of its values included), with no margin of
    # 1e-8 |fine| more: c = 4.5e-9 (0.9 of that margin, answered 1 - c before) is refused.
    big = representable_step(0.0, EPS ** (1.0 / 3.0))
    pair = _derivative._central_pair(math.exp, 0.0, big)
    bound = 2.0 * abs(pair.fine - pair.coarse) + 4.0 * pair.rounding
    assert 9e-10 < bound < 1e-9
    for c in (share * bound / 2.0, 0.45e-8):

        def f(z: Any, c: float = c) -> Any:
            return cmath.exp(z) + c * z.conjugate()

        if refused or c == 0.45e-8:
            with pytest.raises(calcweb.ArgumentTypeError, match="not analytic"):
                derivative(f, 0.0, method="complex")
        else:
            assert derivative(f, 0.0, method="complex") == pytest.approx(1.0 - c, rel=1e-15, abs=0)


def test_the_complex_step_gives_first_derivatives_only() -> None:
    with pytest.raises(calcweb.InvalidArgumentError) as info:
        derivative(cmath.exp, 1.0, 2, method="complex")
    assert str(info.value) == (
        "method='complex' gives first derivatives only, but n=2; use method='ad' or "
        "method='richardson' for other orders"
    )


@pytest.mark.parametrize(("x", "second"), [(0.01, False), (0.0099, True), (-0.0099, True)])
def test_the_second_walk_is_for_points_closer_to_0_than_1e_2(x: float, second: bool) -> None:
    # (1e8 + t) - 1e8 has noise 1.5e-8: the first walk's error is above 1e-8 |value|, so a
    # point 0 < |x| < 0.01 is walked again from 0.015 |x|.
    f, calls = recording(lambda t: (1e8 + t) - 1e8)
    r = derivative(f, x, method="richardson", full_output=True)
    assert (x + representable_step(x, 0.015 * abs(x)) in calls) is second
    # Every call counted, those of a second walk that failed (at -0.0099) too.
    assert r.nfev == len(calls)


# ----------------------------------------- the complex step's rounding bound, at its edge

ROUNDING_AT_4 = 8 * EPS * 4.0  # 2**-47: the rounding of values of size 4


def test_a_first_difference_at_the_rounding_is_rounding_even_in_an_h_squared_pattern() -> None:
    # Halving steps: the differences 2**-47 and 2**-49 shrink 4-fold as an h**2 term
    # would, but both are within 8 eps of the values: rounding, no truncation.
    values = (4.0, 4.0 - ROUNDING_AT_4, 4.0 - ROUNDING_AT_4 - ROUNDING_AT_4 / 4)
    assert _complex_truncation(1.0, (1.0, 0.5, 0.25), values) == 0.0


def test_a_second_difference_at_the_rounding_is_rounding_even_in_an_h_squared_pattern() -> None:
    # Doubling steps: the differences 2**-49 and 2**-47 grow 4-fold, the later one at the bound.
    values = (4.0, 4.0 - ROUNDING_AT_4 / 4, 4.0 - ROUNDING_AT_4 / 4 - ROUNDING_AT_4)
    assert _complex_truncation(1.0, (0.1, 0.2, 0.4), values) == 0.0


def test_the_analytic_check_allows_float_min_over_the_step() -> None:
    # f is 0 on the reals (central differences 0, no rounding at all), and Im f(x + ih)/h
    # is V = 2**-1013 at h = 2**-10, where Im f = 2**-1023 is subnormal: the check allows
    # float_min / h = 2**-1012 (and the tiny scatter of the subnormal values) for it.
    value = 2.0**-1013

    def f(z: Any) -> Any:
        return complex(0.0, value * z.imag) if isinstance(z, complex) else 0.0

    r = derivative(f, 0.5, method="complex", h=2.0**-10, full_output=True)
    assert r.value == value
    with pytest.raises(calcweb.ArgumentTypeError, match="not analytic"):
        derivative(lambda z: 3 * f(z), 0.5, method="complex", h=2.0**-10)


def test_the_middle_value_sets_the_rounding_next_to_float_min_over_the_step() -> None:
    # Steps from 1e-300: the subnormal term float_min / 1e-300 (F) alone is 2 ulps short
    # of the middle value's difference from 0; with 8 eps of the middle value it covers it.
    subnormal = sys.float_info.min / 1e-300
    middle = math.nextafter(math.nextafter(subnormal, math.inf), math.inf)
    values = (0.0, middle, 0.0)
    assert _complex_truncation(0.0, (1e-300, 2e-300, 4e-300), values) == 0.0
