"""First derivatives of a plain sine away from 0, and with a given first step (held-out audit).

``bench.honesty fast`` draws ``exp(k1 t) sin(k2 t + p)`` at 0 only. Away from
0, with the default method and step, ``derivative(lambda t: math.sin(k * t),
x, full_output=True)`` is dishonest on about 1% of draws (7 of 564 answered,
``k = 10**U(3, 6)``, ``x = U(-1, 1)``, ``random.Random(7)``, 600 draws, in a
scan of the session 11 audit): ``sin(33264 t)`` at -0.5372 is 32739.411458333332 +- 0.44 for
33234.963 (1130x), ``sin(1044.8 t)`` at 0.6889 is 10.8x. Traced: the walk's
quotients converge on the derivative (to 1.5e-4 at a step of 7e-9 for the first
case), but the walk goes on down to
steps of 1, 2, 4 and 8 ulp(``x``) (1.1e-16 to 8.9e-16), where ``k t`` rounded to
ulp(``k x``) inside ``sin`` makes the four central quotients exactly equal, and
495.6 off (19.5, -4.3e3, -1.54e3 in the next three cases); the answer is that value
(32739.411458333332 is a ratio of whole ulps), as if those equal quotients had
converged, with ``extrapolate`` reporting noise 0. With a given ``h`` (never exceeded)
the walk starts there: below the rounding floor (1.9e-9) it extrapolates those
stairs too; far above the scale of ``f`` (``h = 0.218`` for ``k2 = 590280``)
it keeps a far-field window. Exact values: mpmath.diff at 40 digits.
"""

from __future__ import annotations

import math
import sys

import pytest

from calcweb import NumericalError, _richardson, derivative


def _exp_sin(k1: float, k2: float, phase: float):  # type: ignore[no-untyped-def]
    return lambda t: math.exp(k1 * t) * math.sin(k2 * t + phase)


@pytest.mark.parametrize(
    ("f", "x", "exact"),
    [
        (lambda t: math.sin(33264.0 * t), -0.5372, 33234.96306270498),  # 1130x
        (lambda t: math.sin(125210.0 * t), 0.7531, -91827.6337288529),  # 603x
        (lambda t: math.sin(1044.8 * t), 0.6889, -985.6841521956994),  # 10.8x
        (lambda t: math.sin(64000.0 * t + 1.126), 0.9, -63980.48375320832),  # 6.2e3x
        (_exp_sin(-0.9871, 65664.0, 3.131), -0.4932, 40375.228183576655),  # 19.1x
    ],
    ids=["sin-33264", "sin-125210", "sin-1044.8", "sin-64000-phase", "exp-sin-65664"],
)
def test_a_sine_away_from_zero_with_the_default_step(f: object, x: float, exact: float) -> None:
    # Were 1130x, 603x, 10.8x, 6.2e3x, 19.1x: the right windows (steps near 1e-7) missed
    # `_confirmed`'s probe by the noise of k t rounded inside sin, and the walk rested on
    # quotients at steps of 1 to 8 ulp(x), made equal by that rounding.
    result = derivative(f, x, full_output=True)  # type: ignore[arg-type]
    assert abs(result.value - exact) <= 2.0 * result.error + 4.0 * math.ulp(exact), result


@pytest.mark.parametrize(
    ("f", "x", "h", "exact"),
    [
        # Was 105x: the window at 1.9e-9 missed its probe by the rounding of k t inside sin.
        (_exp_sin(-0.1841, 520410.0, 3.815), 0.2881, 1.87e-09, -70914.63307145103),
        # Was 365x: 822596.17 +- 87, a window at steps of a few ulp(x) (`_Walk.beats`).
        (_exp_sin(0.9602, 544580.0, 5.034), 0.6909, 1.93e-09, 854433.7127970007),
    ],
    ids=["tiny-h-520410", "tiny-h-544580"],
)
def test_richardson_from_a_given_step_just_above_the_rounding_floor(
    f: object, x: float, h: float, exact: float
) -> None:
    result = derivative(f, x, method="richardson", h=h, full_output=True)  # type: ignore[arg-type]
    assert abs(result.value - exact) <= 2.0 * result.error + 4.0 * math.ulp(exact), result


@pytest.mark.xfail(
    strict=True,
    raises=AssertionError,
    reason="_richardson with a given h (never exceeded): a walk that starts far above the scale "
    "of f keeps a far-field window",
)
@pytest.mark.parametrize(
    ("f", "x", "h", "exact"),
    [
        (_exp_sin(106.8, 590280.0, 4.089), -0.1427, 0.218, -0.1322018006615403),  # 447x
    ],
    ids=["large-h-590280"],
)
def test_richardson_from_a_given_step(f: object, x: float, h: float, exact: float) -> None:
    result = derivative(f, x, method="richardson", h=h, full_output=True)  # type: ignore[arg-type]
    assert abs(result.value - exact) <= 2.0 * result.error + 4.0 * math.ulp(exact), result


def test_the_same_sine_at_zero_is_honest() -> None:
    # The control: at 0 (where bench.honesty fast draws) k t is exact for the small t.
    result = derivative(lambda t: math.sin(33264.0 * t), 0.0, full_output=True)
    assert abs(result.value - 33264.0) <= 2.0 * result.error


def test_a_sine_far_finer_than_the_first_step_is_not_a_far_field_window() -> None:
    # 35.41974666043436 +- 2968 for -3.9e12 (1.3e9x) before `_relative_noise` took f's
    # slope at x; sin(5e12 t) at 0.3 is refused.
    # Exact: k cos(k x) in floats is good to about ulp(k x) k = 5e9, far inside the slack.
    k, x = 1e13, 0.3
    exact = k * math.cos(k * x)
    try:
        result = derivative(lambda t: math.sin(k * t), x, full_output=True)
    except NumericalError:
        return
    assert abs(result.value - exact) <= 2.0 * result.error + 1e-2 * abs(exact), result


@pytest.mark.parametrize(
    ("k", "x"),
    [
        (6038554573.359218, 0.059735015431282346),  # 1.46e6x on the old code
        (2672785559801.9155, 0.6563773365090642),  # 6.4e8x
    ],
)
def test_a_sine_far_finer_than_the_first_step_is_answered_from_the_first_walks_window(
    k: float, x: float
) -> None:
    # The noise measured where |f| is largest (`_relative_noise`) used the spacing at
    # which f changes by the floor at the slope from x to there (1.4e9 for sin(1e13 t),
    # a spacing of 1.9e-13); there f's 4th differences are its own swings, a "noise"
    # 4.5 times |f|, which gave every small-step quotient a noise above its size. With
    # f's slope at x the spacing is fine enough, and the walk's window near 1e-14 stands.
    # Exact: k cos(k x) in floats is good to about ulp(k x) k, far inside the slack.
    exact = k * math.cos(k * x)
    result = derivative(lambda t: math.sin(k * t), x, full_output=True)
    assert abs(result.value - exact) <= 2.0 * result.error + 1e-3 * abs(exact), result
    assert result.error < 0.1 * abs(exact), result


@pytest.mark.parametrize(
    ("k", "x"),
    [
        (1e13, 0.3),  # 35.4 +- 2968 on the old code, then -3.91e12 +- 9.1e10
        (83213665485763.72, 0.06706148272166867),  # 1.33e10x, then +- 0.037 relative
    ],
)
def test_a_sine_on_the_float_grid_is_refused(k: float, x: float) -> None:
    # These two were answered from the first walk's window (the test above) until
    # `_check_grid`: 1 / k is 1800 and 870 float spacings, fewer than GRID (2896), and
    # at so few floats f is the same as functions of other derivatives (sin at 1e240).
    # The test above keeps the other two, which the old code got as wrong.
    with pytest.raises(NumericalError, match="scale of the float spacing"):
        derivative(lambda t: math.sin(k * t), x, full_output=True)


def test_a_second_derivative_off_zero_keeps_its_right_window() -> None:
    # bench.honesty fast-off-zero seed 2: was -1.494e-27 +- 1.4e-26 for -1.766e-21 (1.26e5x):
    # the window at 1.2e-8 (-1.7662795e-21 +- 3e-30) missed its probe by the rounding of
    # k2 t inside sin, and a far-field window at 0.0016 was kept instead.
    f = _exp_sin(399.11, 1309570.0, 2.6617)
    result = derivative(f, -0.1903, 2, full_output=True)
    exact = -1.7662795393127314e-21
    assert abs(result.value - exact) <= 2.0 * result.error + 4.0 * math.ulp(exact), result


def test_a_window_kept_despite_its_probe_carries_the_rounding_in_its_error() -> None:
    # bench.honesty fast-off-zero seed 8 (held out): with the probe's miss alone as the
    # added error this was 1.31453892232e202 +- 3.3e192 for 1.31453892157e202 (2.25x).
    f = _exp_sin(-1031.2, 1071010.0, 1.5149)
    result = derivative(f, -0.4383, full_output=True)
    exact = 1.3145389215720981e202
    assert abs(result.value - exact) <= 2.0 * result.error, result


def test_the_bound_of_a_multiple_of_t_rounded_inside_f() -> None:
    # (|x| + reach) eps / 2 times the outer slope, through the stencil's weights:
    # 3 t at 2, central n = 1, h = 0.5: 2.5 * eps / 2 * 3 * (1 + 1) / (2 * 0.5) = 7.5 eps.
    sampler = _richardson.Sampler(lambda t: 3.0 * t, 2.0)
    bound = _richardson._rounded_inside(sampler, "central", 1, 0.5)
    assert bound == pytest.approx(7.5 * sys.float_info.epsilon, rel=1e-12, abs=0.0)
    assert sampler.calls == 2


def test_a_window_with_no_digit_is_not_rescued_by_the_rounding_allowance() -> None:
    # bench.honesty steep seed 2: the 4th derivative of sin(a t) exp(a t / 10), a = 92.59,
    # at -1.7304 is 3.21946449 +- 2.9e-7; keeping a far-field window with no digit
    # (3.5e26 +- 1.9e32) that the probe missed within the allowance sent the walk elsewhere,
    # and the call was refused.
    a = 92.59219256864563
    result = derivative(
        lambda t: math.sin(a * t) * math.exp(a * t / 10.0), -1.7304198603886551, 4, full_output=True
    )
    assert abs(result.value - 3.2194644896204325) <= 2.0 * result.error, result


def test_a_window_kept_despite_its_probe_replaces_only_a_worse_estimate() -> None:
    # With its error widened to the rounding of k t (6.5e5), the window at 2.2e-13 is worse
    # than the one already kept (936272792.998 +- 2.4e5); keeping it anyway let the walk go
    # on to steps of 4 to 16 ulp(x), whose equal quotients, 932253468.1875 +- 7e3 (stairs
    # of k t rounded inside sin), were the answer: 571 times its error off.
    k, x = 1078372049.7025285, -0.956253282160427
    exact = 936273565.969639  # k cos(k x), mpmath at 40 digits
    result = derivative(lambda t: math.sin(k * t), x, full_output=True)
    assert abs(result.value - exact) <= 2.0 * result.error, result


def test_the_relative_noise_is_measured_at_the_walks_slope_not_a_far_field_one() -> None:
    # The walk's window is right (-7.788e11 +- 2.8e10); a window at steps near 2e-3 settled
    # on -8.8, at which `_disagreeing_noise` measures (it sets the sampler's slope), and
    # `_relative_noise` then measured at the spacing the secant from x to where |f| is
    # largest gives, 6e-5 / 6.0e7 = 9.9e-13 (1.1 radians of k t): f's own swings, a
    # "noise" 3.8 times |f|, with which the walk done again kept a far-field window:
    # -8.83 +- 1942 (4e8 times its error off). At the walk's slope the spacing is 7.7e-17.
    k, x = 1136635513927.648, 0.45888017751767674
    exact = -778927776848.6626  # k cos(k x), mpmath at 40 digits
    result = derivative(lambda t: math.sin(k * t), x, full_output=True)
    assert abs(result.value - exact) <= 2.0 * result.error, result
    assert result.error < 0.1 * abs(exact), result


@pytest.mark.parametrize(
    ("k", "x", "exact"),
    [
        (17172227584.808979, 0.8099610665016239, -858461933.3588729),  # 5.96e5x
        # 2.26x; refused before `_confirmed_despite_rounding`
        (301162514281.4532, -0.6548896142882785, -49782573683.189224),
        (68119399974.10453, -0.7918989887700254, 65602435186.39663),  # 3.98e8x
        (16708288005.442432, -0.8958682574049395, -3768387850.8609343),  # 63x
        (138369226606.29044, -0.9625902641891599, 111208243130.08432),  # 2.4e8x
        (17481393255.48741, -0.8029380579013343, 17205372540.323586),  # 1.61e8x
    ],
)
def test_a_window_at_a_few_ulps_of_x_does_not_replace_one_at_larger_steps(
    k: float, x: float, exact: float
) -> None:
    # sin(17172227584.8 t) at 0.81: k ulp(x) is within 4.5e-4 of ulp(k x), so k t rounds
    # to whole ulps and the quotients at 16 to 246 ulp(x) all give ulp(k x) / ulp(x)
    # times cos(k x): -858835226.91 +- 0.63, which replaced the window at 8.7e-13
    # (-858470501.9, its error widened to 4.4e5 by those same quotients). With the
    # rounding of k t (`_rounded_inside`, 4.3e7 at 1.8e-15) added to both errors, it is
    # no better. Exact: k cos(k x), mpmath at 40 digits (session 11's k-scan, seeds 5-9).
    result = derivative(lambda t: math.sin(k * t), x, full_output=True)
    assert abs(result.value - exact) <= 2.0 * result.error, result
