"""The complex step's referee on the real line, exactly (mutation testing).

Functions built for the purpose: ``Im f(x + ih) / h`` is a chosen value ``V``
(or ``V`` with a chosen ``h**2`` term), and f's real values are chosen too,
some of them nudged at the real-line check's four points so that its central
differences are off while robust Richardson (which never samples those
points) sees the plain function. The oracles: the formulas of
`calcweb._derivative` recomputed here, and Richardson's own result.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from typing import Any

import pytest

import calcweb
from calcweb import derivative
from calcweb._richardson import combine, representable_step

EPS = sys.float_info.epsilon
BIG = representable_step(0.0, EPS ** (1.0 / 3.0))  # the check's steps at x = 0
HALF = representable_step(0.0, BIG / 2.0)


def built(value: Callable[[float], float], real: Callable[[float], float]) -> Any:
    """``f`` with ``Im f(ih) / h = value(h)`` and ``f(t) = real(t)`` on the real line."""

    def f(z: Any) -> Any:
        if isinstance(z, complex):
            return complex(0.0, value(z.imag) * z.imag)
        return real(z)

    return f


def nudged(slope: float, tilt: float, at_half: float | None = None) -> Callable[[float], float]:
    """``slope * t``, tilted at the check's points: its central differences are ``slope + tilt``."""
    half_tilt = tilt if at_half is None else at_half

    def g(t: float) -> float:
        if abs(t) == BIG:
            return slope * t + tilt * t
        if abs(t) == HALF:
            return slope * t + half_tilt * t
        return slope * t

    return g


def test_float_min_over_the_step_counts_in_the_quick_bound_and_the_values_own_error() -> None:
    # h = 2**-1000: float_min / h = 2.4e-7. Central differences exact (1): a value
    # 1e-7 off passes the quick check (10 calls).
    step = 2.0**-1000
    slack = sys.float_info.min / step
    r = derivative(built(lambda h: 1.0 + 1e-7, lambda t: t), 0.0, method="complex", h=step)
    assert r == 1.0 + 1e-7
    # Central differences off by 1e-3: Richardson (1 exactly) decides, and 2e-7 is
    # within float_min / h of it: it stands, with that distance in its error.
    f = built(lambda h: 1.0 + 2e-7, nudged(1.0, 1e-3))
    result = derivative(f, 0.0, method="complex", h=step, full_output=True)
    assert result.value == 1.0 + 2e-7
    assert result.nfev > 10
    assert result.error == pytest.approx(2e-7 + slack, rel=1e-6, abs=0.0)
    # 3e-7 is not (and the nudged central differences disagree with Richardson too).
    with pytest.raises(calcweb.NumericalError, match="which disagree"):
        derivative(built(lambda h: 1.0 + 3e-7, nudged(1.0, 1e-3)), 0.0, method="complex", h=step)


@pytest.mark.usefixtures("unconfirmed")
def test_the_quick_bound_counts_float_min_over_the_step_in_the_call_count() -> None:
    step = 2.0**-1000
    counted = []

    def f(z: Any) -> Any:
        counted.append(z)
        return built(lambda h: 1.0 + 1e-7, lambda t: t)(z)

    r = derivative(f, 0.0, method="complex", h=step, full_output=True)
    assert r.nfev == len(counted) == 10


def test_the_checks_truncation_adds_to_the_distance_from_richardson() -> None:
    # Central differences 1 + 1e-3 and 1 + 1e-3 - 1e-9 (their difference makes the
    # truncation step**2 * 4e-9 / (3 BIG**2) = 3.6e-5 at step 2**-10); Richardson says 1.
    step = 2.0**-10
    g = nudged(1.0, 1e-3, 1e-3 - 1e-9)
    coarse = (g(BIG) - g(-BIG)) / (2.0 * BIG)
    fine = (g(HALF) - g(-HALF)) / (2.0 * HALF)
    truncation = step * step * 4.0 * abs(coarse - fine) / (3.0 * BIG * BIG)
    assert 3e-5 < truncation < 4e-5
    exact = derivative(built(lambda h: 1.0, g), 0.0, method="complex", h=step, full_output=True)
    assert exact.value == 1.0
    assert exact.nfev > 10
    assert exact.error == pytest.approx(4.0 * EPS + 2.0 * truncation, rel=1e-6)
    # 5e-5 from Richardson's 1 is within the value's own error (2 truncation = 7e-5).
    off = derivative(
        built(lambda h: 1.0 + 5e-5, g), 0.0, method="complex", h=step, full_output=True
    )
    assert off.error == pytest.approx(5e-5 + 2.0 * truncation, rel=1e-6)


@pytest.mark.usefixtures("unconfirmed")
def test_the_fourth_difference_widens_the_quick_bound() -> None:
    # f(0) nudged by 1e-12: the fourth difference is 6e-12, its share of the
    # rounding 6e-12 / BIG = 1e-6, four times that in the bound: a value 1e-6 off
    # passes the quick check. Without that share, Richardson (exactly 1) refuses it.
    def g(t: float) -> float:
        return 1e-12 if t == 0.0 else t

    r = derivative(built(lambda h: 1.0 + 1e-6, g), 0.0, method="complex", full_output=True)
    assert (r.value, r.nfev) == (1.0 + 1e-6, 10)


@pytest.mark.usefixtures("unconfirmed")
@pytest.mark.parametrize(("ratio", "spread_counted"), [(4.5, True), (3.5, False)])
def test_a_trend_more_than_four_times_the_real_lines_truncation_is_rounding(
    ratio: float, spread_counted: bool
) -> None:
    # Im f(ih)/h = 1 - c h**2 (a clean h**2 trend, c h**2 ~ 1e-9 at h = 2**-10),
    # while on the real line f = (1 - c step**2) t + k t**3 with k = c / ratio (its
    # slope the value's, within the check's bound): the check's truncation is
    # k step**2, the trend c step**2 (+ 8 eps rounding).
    c, step = 1e-3, 2.0**-10
    k = c / ratio
    slope = 1.0 - c * step * step
    f = built(lambda h: 1.0 - c * h * h, lambda t: slope * t + k * t * t * t)
    r = derivative(f, 0.0, method="complex", h=step, full_output=True)
    assert r.nfev == 10
    values = [1.0 - c * s * s for s in (step, step / math.e, step / math.e**2)]
    spread = max(values) - min(values)
    if spread_counted:
        assert r.error >= 16.0 * spread
    else:
        assert r.error < 16.0 * spread
        assert r.error >= 2.0 * c * step * step


NE_ADVICE = "write f without cancellation, or with calcweb's functions for method='ad'"


def test_the_refusals_that_accuse_nobody_end_with_their_advice() -> None:
    # The complex step says 1, the check's central differences 3 (f is 3t at their
    # points), Richardson on the real line 2 (f is 2t everywhere else).
    with pytest.raises(calcweb.NumericalError) as info:
        derivative(built(lambda h: 1.0, nudged(2.0, 1.0)), 0.0, method="complex")
    assert str(info.value).endswith(
        "which disagree: f is not smooth near x=0.0 or its values "
        "round too coarsely, and whether f is analytic cannot be told from the real "
        "line; " + NE_ADVICE
    )
    real_points = {0.0, BIG, -BIG, HALF, -HALF}

    def only_five(t: float) -> float:
        if t not in real_points:
            raise ValueError("f is defined at five real points only")
        return t

    with pytest.raises(calcweb.NumericalError) as info:
        derivative(built(lambda h: 2.0, only_five), 0.0, method="complex")
    assert str(info.value).endswith(
        "): whether f is analytic near x=0.0 cannot be told from the real line; " + NE_ADVICE
    )


def wave(t: float) -> float:
    return math.exp(t) * math.sin(3.0 * t)  # small near 0: nudges resolve to 1e-15


def wave_nudged(tilt: float) -> Callable[[float], float]:
    """``wave``, tilted by ``tilt * t`` at the check's four points only."""

    def g(t: float) -> float:
        return wave(t) + tilt * t if abs(t) in (BIG, HALF) else wave(t)

    return g


def test_twice_richardsons_error_is_the_most_the_value_may_differ_by() -> None:
    # Richardson on exp(t) sin(3t) at 0 (never at the check's points): s +- e,
    # e = 1.9e-13, far above the value's own error (4 eps 3, and 16 times the spread
    # of V h / h over the steps). 2.5 e away is refused, 1.5 e away stands.
    settled = derivative(wave_nudged(1e-3), 0.0, method="richardson", full_output=True)
    plain = derivative(wave, 0.0, method="richardson", full_output=True)
    assert (settled.value, settled.error) == (plain.value, plain.error)
    assert settled.error > 200.0 * EPS
    near = settled.value + 1.5 * settled.error
    r = derivative(
        built(lambda h: near, wave_nudged(1e-3)), 0.0, method="complex", full_output=True
    )
    assert r.value == near
    far = settled.value + 2.5 * settled.error
    with pytest.raises(calcweb.NumericalError, match="which disagree"):
        derivative(built(lambda h: far, wave_nudged(1e-3)), 0.0, method="complex")


def quick_bound(g: Callable[[float], float]) -> tuple[float, float]:
    """The check's central difference at HALF and its bound (h = 1e-20: no truncation share)."""
    coarse, rounding = combine([g(BIG), g(-BIG)], "central", 1, BIG)
    fine = combine([g(HALF), g(-HALF)], "central", 1, HALF)[0]
    fourth = (g(BIG) + g(-BIG)) - 4.0 * (g(HALF) + g(-HALF)) + 6.0 * g(0.0)
    rounding += abs(fourth) / BIG
    truncation = 1e-40 * 4.0 * abs(coarse - fine) / (3.0 * BIG * BIG)
    bound = 2.0 * abs(fine - coarse) + 4.0 * rounding + 2.0 * truncation
    return fine, bound + sys.float_info.min / 1e-20


@pytest.mark.parametrize(("margin", "accused"), [(1.0, True), (3.0, False)])
def test_the_real_line_agrees_with_itself_within_twice_richardsons_error(
    margin: float, accused: bool
) -> None:
    # Complex step 0.5 (not analytic), Richardson s +- e; the central differences
    # nudged to lie bound + margin e from s: within 2 e they agree (f is not
    # analytic), beyond it the real line contradicts itself (NumericalError).
    settled = derivative(wave, 0.0, method="richardson", full_output=True)
    tilt = 0.0
    for _ in range(60):  # central differences at s + bound + margin e, to an ulp or so
        fine, bound = quick_bound(wave_nudged(tilt))
        tilt += settled.value + bound + margin * settled.error - fine
    fine, bound = quick_bound(wave_nudged(tilt))
    gap = fine - settled.value - bound
    assert abs(gap - margin * settled.error) < 0.2 * settled.error
    f = built(lambda h: 0.5, wave_nudged(tilt))
    expected = calcweb.ArgumentTypeError if accused else calcweb.NumericalError
    with pytest.raises(expected) as info:
        derivative(f, 0.0, method="complex")
    assert type(info.value) is expected


@pytest.mark.parametrize(("ulps", "stands"), [(14, True), (15, False)])
def test_the_values_own_error_counts_four_eps_of_it(ulps: int, stands: bool) -> None:
    # f = c t on the real line (c = 2**20), nudged at the check's points: Richardson
    # gives c +- 5 u exactly (u = c eps, an ulp of c); V = c + ulps u is exact at every
    # step (no scatter), so the value stands within 2 (5 u) + 4 eps V = 14 u (and a hair),
    # its error their distance, Richardson's 5 u and its own 4 eps V.
    c = 2.0**20
    u = c * EPS
    settled = derivative(lambda t: c * t, 0.0, method="richardson", full_output=True)
    assert (settled.value, settled.error) == (c, 5.0 * u)
    value = c + ulps * u
    f = built(lambda h: value, nudged(c, 1e-3 * c))
    if stands:
        r = derivative(f, 0.0, method="complex", full_output=True)
        assert r.value == value
        assert r.error == pytest.approx((ulps + 5.0 + 4.0) * u, rel=1e-12, abs=0.0)
    else:
        with pytest.raises(calcweb.NumericalError, match="which disagree"):
            derivative(f, 0.0, method="complex")


def imag_giving(value: float, step: float) -> float:
    """An ``Im f`` whose quotient by ``step`` is exactly ``value``."""
    y = value * step
    while y / step != value:
        y = math.nextafter(y, math.inf if y / step < value else -math.inf)
    return y


@pytest.mark.usefixtures("unconfirmed")
def test_a_trend_exactly_four_times_the_real_lines_truncation_is_still_a_trend() -> None:
    # Values found by a search: V h**2-shrinking from 2**-80 (c = 2**-13) at h = 2**-10,
    # and real values at the check's points whose central differences make 4 times the
    # check's truncation equal to the trend to the last bit. Only a trend above that
    # is rounding: this one stays the truncation (2 trend in the error, no spread).
    step = 2.0**-10
    ratio = 0.36787944117144233  # the complex step's 1/e
    steps = (step, step * ratio, step * ratio * ratio)
    v0, c = 2.0**-80, 2.0**-13
    values = (
        v0,
        v0 + c * (steps[0] ** 2 - steps[1] ** 2),
        v0 + c * (steps[0] ** 2 - steps[2] ** 2),
    )
    imags = {s: imag_giving(v, s) for s, v in zip(steps, values, strict=True)}
    y_big, y_half = 5.082197688534775e-21, 2.504477261608737e-30
    real = {BIG: y_big, -BIG: -y_big, HALF: y_half, -HALF: -y_half, 0.0: 0.0}
    # The pair is coarse for f (its spread is far above 1e-8 of it): a quotient at
    # BIG / 4 (equal to v0) extrapolates it; the truncation stays the pair's.
    quarter = representable_step(0.0, BIG / 4.0)
    real |= {quarter: v0 * quarter, -quarter: -v0 * quarter}

    def f(z: Any) -> Any:
        return complex(0.0, imags[z.imag]) if isinstance(z, complex) else real[z]

    coarse = combine([y_big, -y_big], "central", 1, BIG)[0]
    fine = combine([y_half, -y_half], "central", 1, HALF)[0]
    truncation = step * step * 4.0 * abs(coarse - fine) / (3.0 * BIG * BIG)
    first = values[0] - values[1]
    trend = (
        abs(first) / abs(1.0 - ratio * ratio)
        + 8.0 * EPS * max(values)
        + (sys.float_info.min / steps[2])
    )
    assert trend == 4.0 * truncation
    r = derivative(f, 0.0, method="complex", h=step, full_output=True)
    assert (r.value, r.nfev) == (v0, 12)
    assert r.error == 4.0 * EPS * v0 + 2.0 * trend + sys.float_info.min / step
