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

import pytest

from calcweb import NumericalError, derivative


def _exp_sin(k1: float, k2: float, phase: float):  # type: ignore[no-untyped-def]
    return lambda t: math.exp(k1 * t) * math.sin(k2 * t + phase)


@pytest.mark.xfail(
    strict=True,
    raises=AssertionError,
    reason="_richardson: equal quotients at steps of 1 to 8 ulp(x), made equal by k t rounded "
    "to ulp(k x) inside sin, win over the walk's right window at 1e-6 to 1e-9 (noise 0 "
    "measured): the answer is the stairs' slope",
)
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
    result = derivative(f, x, full_output=True)  # type: ignore[arg-type]
    assert abs(result.value - exact) <= 2.0 * result.error + 4.0 * math.ulp(exact), result


@pytest.mark.xfail(
    strict=True,
    raises=AssertionError,
    reason="_richardson with a given h (never exceeded): a walk that starts below the rounding "
    "floor extrapolates stairs; one that starts far above the scale of f keeps a far-field window",
)
@pytest.mark.parametrize(
    ("f", "x", "h", "exact"),
    [
        (_exp_sin(-0.1841, 520410.0, 3.815), 0.2881, 1.87e-09, -70914.63307145103),  # 105x
        (_exp_sin(0.9602, 544580.0, 5.034), 0.6909, 1.93e-09, 854433.7127970007),  # 365x
        (_exp_sin(517.6, 66743.0, 0.3184), -0.7641, 3.93, -9.875058721249953e-168),  # 195x
        (_exp_sin(106.8, 590280.0, 4.089), -0.1427, 0.218, -0.1322018006615403),  # 447x
    ],
    ids=["tiny-h-520410", "tiny-h-544580", "large-h-exp-517.6", "large-h-590280"],
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
        (1e13, 0.3),
        (83213665485763.72, 0.06706148272166867),  # 1.33e10x on the old code
        (6038554573.359218, 0.059735015431282346),  # 1.46e6x
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
