"""Second derivatives of a small fast term beside a large quartic (session 30, DERPOW).

``c s**4 + sin(a s**2)`` at ``x`` in the hundreds (fasttermscan's ``pow``
family): the first steps, 0.2 ``x``, are hundreds of periods of the sine,
which moves their quotients by at most about ``4 / h**2``, while the
quartic's are exact in ``h**2``: the walk settled on the quartic's ``f''``
with a tiny error. Each case lied before (the answer in its comment); now it
is honest, or refused.
"""

from __future__ import annotations

import math

import mpmath
import pytest

import calcweb as cw
from calcweb._richardson import Estimate, _check_not_back


def _second(c: float, a: float, x: float) -> float:
    """``f''`` of ``c s**4 + sin(a s**2)`` at ``x``, by mpmath at 40 digits."""
    with mpmath.workdps(40):
        cc, aa, xx = mpmath.mpf(c), mpmath.mpf(a), mpmath.mpf(x)
        u = aa * xx**2
        return float(12 * cc * xx**2 + 2 * aa * mpmath.cos(u) - 4 * aa**2 * xx**2 * mpmath.sin(u))


def _result(c: float, a: float, x: float) -> cw.DerivativeResult:
    return cw.derivative(lambda s: c * s**4 + math.sin(a * s**2), x, 2, full_output=True)


@pytest.mark.parametrize(
    ("c", "a", "x"),
    [
        # Seen by the noise test's points far below the window (`_seen_far_below`):
        # was 1814179.2695 +- 0.0054, for 1949412.25.
        (6.514209256729508, 1.2385261256742202, 152.34163919550426),
        # The sine read as noise there, and gone at finer spacings (`_gone_below`):
        # was 9305071.58 +- 0.0017, for 11623150.9.
        (0.9037152345385372, 1.1718533607999433, 926.3037760397248),
    ],
)
def test_a_fast_term_far_below_the_window_is_seen(c: float, a: float, x: float) -> None:
    result = _result(c, a, x)
    exact = _second(c, a, x)
    assert abs(result.value - exact) <= 2.0 * result.error, (result, exact)
    assert result.error < 0.1 * abs(exact)  # a digit: the walk below resolved the sine


def test_a_fast_term_the_walk_below_cannot_resolve_widens_the_error() -> None:
    """Was 11809691.29 +- 0.0028, for 5825944.0; now without a digit, but honest."""
    c, a, x = 1.216613622108856, 1.4461577549332103, 899.3988172299959
    result = _result(c, a, x)
    exact = _second(c, a, x)
    assert abs(result.value - exact) <= 2.0 * result.error, (result, exact)


def test_the_walk_below_resolves_the_sine_it_read_as_stairs() -> None:
    """Was 1877995.88 +- 0.032, for 1385672.78. Below the refuted window the walk resolved
    the sine at steps 8.6e-4 to 5.4e-5, and `_noise_up_from` read its swings at 16 times
    that as stairs; the walk with them came back to the quartic's f'' and was refused
    (`_check_not_back`). Those reads fall as a smooth f's (`_falls_as_smooth`): answered."""
    c, a, x = 1.954802948390908, 1.2914441215435972, 282.9470712022266
    result = _result(c, a, x)
    exact = _second(c, a, x)
    assert abs(result.value - exact) <= 2.0 * result.error, (result, exact)
    assert result.error < 0.1 * abs(exact)


def test_the_walk_below_coming_back_to_the_refuted_value_is_refused() -> None:
    """`_check_not_back` on that case's figures: the walk below at 1877997 +- 2.07, within
    the refuted window's 1877995.88 +- 0.032 and far from the quotient that refuted it
    (1391357.08, rounding 123), is refused; one that holds that quotient stands."""
    refuted = Estimate(1877995.88, 0.032, 0, 56.6, "central", kept_error=0.032)
    seen = (1391357.08, 123.0)
    back = Estimate(1877997.0, 2.07, 0, 1.77, "central")
    with pytest.raises(cw.NumericalError, match="came back to that value"):
        _check_not_back(back, (refuted, seen), 282.9470712022266, 2)
    holding = Estimate(1878000.0, 486700.0, 0, 1.77, "central")
    _check_not_back(holding, (refuted, seen), 282.9470712022266, 2)


def test_noise_of_a_rounded_argument_refutes_no_window() -> None:
    """``sin(4447318.25 t + 2.8827)``, ``n = 3``: ``k t`` rounded inside f is noise of about
    1e-10 that the noise test does not see; the quotient at its spacing, 7.5e-13, is 3.3e24
    off. Judged with the rounding of quiet alone it refuted the window, and the walk below
    was refused; with that of ``k t`` (`_rounded_argument`) the answer stands."""
    k, c, x = 4447318.25, 2.8827, -0.24596508658847155
    result = cw.derivative(lambda t: math.sin(k * t + c), x, 3, full_output=True)
    with mpmath.workdps(40):
        kk = mpmath.mpf(k)
        exact = float(-(kk**3) * mpmath.cos(kk * mpmath.mpf(x) + mpmath.mpf(c)))
    assert abs(result.value - exact) <= 2.0 * result.error, (result, exact)


def test_a_walk_below_that_holds_the_refuting_quotient_stands() -> None:
    """derkinkscan ``--order 2`` seed 1: a kink of ``f'`` 1.3e-3 from ``x``. The window at
    0.2 to 0.05 crosses it (5.6911 +- 0.0025, widened to 0.052), the quotient at 5e-6 refutes
    it (5.65366), and the walk below comes back within its error, which also holds that
    quotient: an answer, not a refusal (`_check_not_back`)."""
    a, c = -1.2495946519163625, -0.05092429381022293

    def f(t: float) -> float:
        smooth = 0.7133185145002057 * math.sin(3.8225802661516406 * t + 5.617006280039208)
        return smooth - 1.5 * (0.5 * t + 2.0) ** 2 + c * max(a * t, 0.0) ** 2 / 2.0

    result = cw.derivative(f, -0.0013466065270181426, 2, full_output=True)
    assert abs(result.value - 5.6539106521971) <= 2.0 * result.error, result


def test_a_stair_times_a_smooth_factor_is_not_a_fast_term() -> None:
    """``t (1 - tanh t)`` at 17.449, ``n = 2`` (tailscan seed 1): on one stair of ``1 -
    tanh`` f is ``t`` times a constant, smooth, and the 4th differences below the noise
    spacing drop into rounding from the stairs' height at once. Counted as a fast term's
    fall, that refuted the window and the walk below was refused; a smooth fall is 8-fold
    from reads above the rounding (`_gone_below`)."""
    result = cw.derivative(
        lambda t: t * (1.0 - math.tanh(t)), 17.449016285615997, 2, full_output=True
    )
    assert abs(result.value - 9.1877e-14) <= 2.0 * result.error, result  # mpmath


def test_a_noise_spacing_whose_power_underflows_is_passed_over() -> None:
    """``sin`` at 4.5e-159, ``n = 2`` (test_taylor's hypothesis draw): the second walk's
    noise spacing is so small that its square underflows to 0; `_seen_far_below` divided by
    it (ZeroDivisionError, no calcweb error). Now that quotient is not taken."""
    x = 4.542118836708103e-159
    result = cw.derivative(math.sin, x, 2, method="richardson", full_output=True)
    assert abs(result.value + math.sin(x)) <= 2.0 * result.error, result
