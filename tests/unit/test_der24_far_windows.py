"""DER24: a window of order 2 or more that the other part at smaller steps contradicts.

Steps that halve can alias a period of a fast sine over a whole window and both
of its probes: ``k h`` a whole number of turns plus an angle that halves with
``h``, so that ``f`` looks like a slow sine at every step the walk judged. The
answer was then a value near 0 beside a derivative of size up to ``k**n``. The
values the walk sampled at smaller steps show it: there ``f``'s odd part over
``h`` (even part over ``h**2``) leaves the window's trend
(`calcweb._richardson._followed_below`). Each case: f, x, n, and the
answer before (value +- error, exact value from mpmath at 40 digits).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import mpmath
import pytest

import calcweb as cw
from calcweb import multivariate


def sine(k: float, c: float) -> Callable[[float], float]:
    return lambda t: math.sin(k * t + c)


def exact_sine(k: float, c: float, x: float, n: int) -> float:
    mpmath.mp.dps = 40
    kk = mpmath.mpf(k)
    return float(kk**n * mpmath.sin(kk * mpmath.mpf(x) + mpmath.mpf(c) + n * mpmath.pi / 2))


REFUSED = [
    # -8.956978649236335e-06 +- 1.26e-4 for -3241724570225.32 (crestscan --at zero, n=4)
    (488921.43, 3.9951, 0.7045092055333835, 4),
]

ANSWERED = [
    # -43093.045 +- 2.04e15 for -4.661e29 (crestscan --at zero, n=6, seed 2), then refused
    # here. HESS2: the far window came from a walk done again with f's curvature read as
    # stairs (`_stairs_unevenly`: readings that grew as f's 4th differences, `_curving`);
    # the first walk's window is answered.
    (363909.19, 0.1018, -0.38046093817264026, 6),
]


@pytest.mark.parametrize(("k", "c", "x", "n"), REFUSED)
def test_an_aliased_far_window_is_refused(k: float, c: float, x: float, n: int) -> None:
    with pytest.raises(cw.NumericalError, match="part at the smaller step"):
        cw.derivative(sine(k, c), x, n, full_output=True)


@pytest.mark.parametrize(("k", "c", "x", "n"), ANSWERED)
def test_the_walk_before_the_far_window_is_answered(k: float, c: float, x: float, n: int) -> None:
    result = cw.derivative(sine(k, c), x, n, full_output=True)
    exact = exact_sine(k, c, x, n)
    assert abs(result.value - exact) <= 2.0 * result.error
    assert result.error < abs(exact)


def test_an_aliased_far_window_on_a_line_is_not_kept() -> None:
    # crestscan --mode line --at zero, n=6, seed 1: -3.342e17 +- 4.4e22 for -5.79e36, then
    # refused here (the far window's part at the smaller step). DER26: the far window came
    # from a walk done again with f's curvature read as stairs (`_stairs_unevenly`, now
    # stopped at f's scale); the first walk's window is answered: -5.78999e36 +- 6.4e34.
    k, c, x = 3729390.87, 6.0025, -0.9100388395263899
    line, _ = multivariate._along(lambda p: sine(k, c)(p[0]), [x, 0.3], [1.0, 0.0])
    result = cw.derivative(line, line.at, 6, full_output=True)
    exact = exact_sine(k, c, x, 6)
    assert abs(result.value - exact) <= 2.0 * result.error < abs(exact)


def test_a_fast_sine_times_a_slow_term_at_order_6() -> None:
    # fastslowscan seed 1: 2542.713852359267 +- 1.34e38 for -1.0321348839111085e40 (77x),
    # then refused (the far window's part at the smaller step). HESS2: as above, the
    # far window came from f's curvature read as stairs; now -1.02803e40 +- 2.9e39.
    k, c, t = 4409680.6, 2.4534, -4.58947745507647
    result = cw.derivative(lambda x: math.sin(k * x + c) * (1 + x * x), t, 6, full_output=True)
    mpmath.mp.dps = 40
    slow = lambda x: mpmath.sin(k * x + c) * (1 + x * x)  # noqa: E731
    exact = float(mpmath.diff(slow, mpmath.mpf(t), 6))
    assert abs(result.value - exact) <= 2.0 * result.error
    assert result.error < abs(exact)


@pytest.mark.parametrize(
    ("k", "c", "x", "n"),
    [
        # a crest: the odd part's rate is moved by |f''| times t rounded, not by noise / h
        (367938.02, 2.9672, -0.2407688828939129, 4),
        (1385781.51, 5.9982, 0.8769181933160327, 2),
        (1.0, 0.0, 0.5, 2),
        (1.0, 0.0, 0.5, 5),
        (3.0, 1.0, -2.0, 6),
    ],
)
def test_a_resolved_window_is_answered(k: float, c: float, x: float, n: int) -> None:
    result = cw.derivative(sine(k, c), x, n, full_output=True)
    assert abs(result.value - exact_sine(k, c, x, n)) <= 2.0 * result.error
    assert result.error < 1e-3 * abs(result.value)


def test_stairs_below_the_window_are_no_alias() -> None:
    # tailscan seed 1: 1 - tanh(t) rounds to stairs of 1.1e-16 at 17.4, which the noise
    # measurements miss; at a step of 0.0034 the odd part is off the window's trend by
    # half a stair (1e-15), far below f's swings (it spans 2e-11): still answered.
    x = 17.449016285615997
    result = cw.derivative(lambda t: t * (1 - math.tanh(t)), x, 2, full_output=True)
    mpmath.mp.dps = 60
    exact = float(mpmath.diff(lambda t: t * (1 - mpmath.tanh(t)), mpmath.mpf(x), 2))
    assert abs(result.value - exact) <= 2.0 * result.error


@pytest.mark.parametrize(
    ("k", "c", "x", "line"),
    [
        # -0.00029946545300791146 +- 1.99e5 for -1.6027e15 (one variable and line)
        (1137366.46, 1.5835, -0.004644589880629577, False),
        # 3.64e-6 +- 2.46e5 for 4.6026e10 (one variable)
        (77484.86, 1.8504, 0.405259940655308, False),
        # 0.2138 +- 1.65e11 for -2.0054e12 (line)
        (131296.55, 1.5527, 0.4242459275647942, True),
    ],
)
def test_a_sines_swings_are_no_stairs(k: float, c: float, x: float, line: bool) -> None:
    # `_stairs_unevenly` read the sine's 4th differences at a spacing on its scale as
    # stairs of 0.16 (f spans 2), and the walk done again with that noise kept a far
    # window near 0; a noise above 1/SWING of f's range is f's swings, not stairs.
    if line:
        restricted, scale = multivariate._along(lambda p: sine(k, c)(p[0]), [x, 0.3], [1.0, 0.0])
        result = cw.derivative(restricted, restricted.at, 4, full_output=True)
        value, error = math.ldexp(result.value, 4 * scale), math.ldexp(result.error, 4 * scale)
    else:
        result = cw.derivative(sine(k, c), x, 4, full_output=True)
        value, error = result.value, result.error
    assert abs(value - exact_sine(k, c, x, 4)) <= 2.0 * error
    assert error < abs(value)
