"""An outsider's findings of session 20: ordinary calls whose answers or verdicts were wrong."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

import calcweb as cw


def test_an_infinite_expected_value_is_matched_only_by_itself() -> None:
    # |1.0 - inf| <= atol + rtol * |inf| is inf <= inf: every finite answer was "✓ Correct"
    # against an expected value that overflowed to inf (and -1e300 against +inf).
    assert not cw.check(1.0, math.inf)
    assert not cw.check(-1e300, math.inf)
    assert not cw.check([0.0, 2.0], [math.inf, 2.0])
    assert not cw.check_function(lambda x: 0.0, lambda x: math.inf, [1.0])
    assert cw.check(math.inf, math.inf)  # the right infinity still matches
    assert not cw.check(-math.inf, math.inf)


def test_a_small_relative_miss_is_not_said_to_be_zero_percent() -> None:
    # 1.000002 against 1.0 (rtol 1e-6) is refused; its message said "off by 2e-06 (0.0%)".
    message = cw.check(1.000002, 1.0).message
    assert "(0.0%)" not in message
    assert "0.0002%" in message
    assert "(2.8%)" in cw.check(17.5, 18.0).message  # as the docstring shows


def test_the_complex_step_of_a_saturated_sigmoid_or_softplus_is_no_overflow() -> None:
    # The complex versions were 1 / (1 + exp(-z)) and log(1 + exp(z)): exp overflowed at
    # sigmoid(-800 + ih) and softplus(710 + ih), and method="complex" refused derivatives
    # that are 0 and 1 (the jets give them: 0.0 +- 1.5e-323 and 1.0 +- 8.9e-16).
    for f, x, slope in [
        (cw.sigmoid, -800.0, 0.0),
        (cw.sigmoid, -1e10, 0.0),
        (cw.softplus, 710.0, 1.0),
    ]:
        result = cw.derivative(f, x, method="complex", full_output=True)
        assert abs(result.value - slope) <= 2 * result.error + 1e-300
    for f, x in [(cw.sigmoid, -40.0), (cw.sigmoid, 3.0), (cw.softplus, -40.0), (cw.softplus, 30.0)]:
        exact = cw.derivative(f, x, method="ad")
        assert math.isclose(cw.derivative(f, x, method="complex"), exact, rel_tol=1e-14)


def test_finite_gradients_whose_norm_overflows_are_clipped_not_zeroed() -> None:
    # The 2-norm of (1.5e308, 1.5e308) overflows to inf, so the factor max_norm / (inf + 1e-6)
    # was 0 and both gradients became 0.0: the next step() moved nothing, silently (the
    # docstring said they become NaN and step() refuses them; only inf gradients do).
    for grads, order in [
        ([1.5e308, 1.5e308], 2.0),
        ([1e308, 1e308], 1.0),
        ([-1.5e308, 1.5e308, 1e307], 3.0),
    ]:
        params = [cw.Value(0.0) for _ in grads]
        for p, g in zip(params, grads, strict=True):
            p.grad = g
        assert cw.clip_grad_norm(params, 1.0, norm_type=order) == math.inf  # beyond a float
        clipped = [p.grad for p in params]
        assert all(c * g > 0 for c, g in zip(clipped, grads, strict=True))  # the direction kept
        assert math.isclose(sum(abs(c) ** order for c in clipped) ** (1 / order), 1.0)
    params = [cw.Value(0.0), cw.Value(0.0)]
    params[0].grad, params[1].grad = math.inf, 1.0  # an infinite gradient still gives NaN
    cw.clip_grad_norm(params, 1.0)
    assert math.isnan(params[0].grad)


def test_sin_cos_tan_of_an_int_that_no_float_equals_is_refused() -> None:
    # float(10**23) is 10**23 - 8388608: calcweb.sin(10**23) was sin of that, -0.324 for
    # 0.701 (mpmath), and sin(3**40) 0.802 for -0.608; derivative(calcweb.sin, 10**23)
    # refuses the same point (check_point).
    for f in (cw.sin, cw.cos, cw.tan):
        for x in (10**23, 3**40, -(2**60) - 1):
            with pytest.raises(cw.InvalidArgumentError, match="not exactly representable"):
                f(x)
    assert cw.sin(2**60) == math.sin(2.0**60)  # an int a float equals is taken as it is
    assert cw.log(10**23) == math.log(1e23)  # a relative move of 1e-16 moves log by less


def _model_output() -> Callable[[float], float]:
    model = cw.MLP(1, [4, 1], seed=0)
    return lambda x: model([x]).data  # a Value's number, as a reader of the nn pages writes it


def test_auto_falls_back_where_f_reads_an_attribute_a_jet_lacks() -> None:
    # model([jet]) is a Jet, which has no .data: "auto" let that AttributeError out of
    # derivative, taylor and grad (the reader never made a jet), where f at floats works.
    f = _model_output()
    slope = cw.derivative(f, 0.5, method="richardson")
    assert cw.derivative(f, 0.5) == slope
    assert cw.taylor(f, 0.5, 2).derivatives[1] == slope
    assert cw.grad(lambda p: f(p[0]))([0.5]) == [slope]
    value, tangent = cw.jvp(f, 0.5, 1.0)
    assert value == f(0.5)
    assert math.isclose(tangent, slope, rel_tol=1e-9)
    with pytest.raises(cw.ArgumentTypeError, match=r"method='ad' needs f to accept a calcweb\.Jet"):
        cw.derivative(f, 0.5, method="ad")


def test_an_attribute_error_of_f_at_floats_still_passes_through() -> None:
    with pytest.raises(AttributeError, match="no_such_attribute") as caught:
        cw.derivative(lambda x: x.no_such_attribute, 0.5)
    assert not isinstance(caught.value, cw.CalcwebError)


def test_bce_with_logits_of_a_label_near_one_does_not_cancel() -> None:
    # Each term was max(x, 0) - x y + log(1 + e^-|x|): at x = 1e16, y = 1 - 2**-53 the
    # difference 1e16 - fl(1e16 y) is 2.0 for x (1 - y) = 1.1102230246251565 (80 % off);
    # torch computes (1 - y) x, which is exact there (1 - y is).
    x, y = 1e16, 1.0 - 2.0**-53
    assert cw.binary_cross_entropy_with_logits([x], [y]).data == (1.0 - y) * x
    assert cw.binary_cross_entropy_with_logits([-x], [1.0 - y]).data == (1.0 - y) * x


def test_a_narrow_interval_is_refused_for_what_it_is() -> None:
    # (1e15, 1e15 + 4) is 32 floats wide, but the message said "its ends differ by less than
    # floats resolve": the limit is calcweb's, 1e-12 of the values' size.
    with pytest.raises(cw.InvalidArgumentError) as caught:
        cw.plot_function(math.sin, 1e15, 1e15 + 4)
    message = str(caught.value)
    assert "floats resolve" not in message
    assert "1e-12" in message
