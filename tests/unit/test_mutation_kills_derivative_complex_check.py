"""The complex step's quick check where it cannot tell, exactly (mutation testing).

Issue 13's change to `calcweb._derivative._check_analytic`: central
differences too coarse for f are extrapolated with a third quotient, a value
of exactly 0 whose ``Im f`` stays 0 at ``x + h + ih/2`` goes to Richardson on
the real line, and a complex value on the real line counts as outside f's
domain. Functions built for the purpose: ``Im f(ih) / h`` is a chosen value,
and f's real values at the check's points are chosen too. The oracles: the
check's formulas recomputed here (with `combine`), the points it calls f at,
and Richardson on the real function for the refusals' messages.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import pytest
from call_log import recording

import calcweb
from calcweb import derivative
from calcweb._richardson import combine, representable_step

EPS = sys.float_info.epsilon
BIG = representable_step(0.0, EPS ** (1.0 / 3.0))  # the check's steps at x = 0
HALF = representable_step(0.0, BIG / 2.0)
QUARTER = representable_step(0.0, BIG / 4.0)  # the third quotient's, when extrapolated
TOLERANCE = 1e-8  # _derivative._ANALYTIC_TOLERANCE


def built(value: float, real: Callable[[float], Any]) -> Any:
    """``f`` with ``Im f(z) = value * Im z`` off the real line and ``f(t) = real(t)`` on it."""

    def f(z: Any) -> Any:
        if isinstance(z, complex):
            return complex(0.0, value * z.imag)
        return real(z)

    return f


def odd(points: dict[float, float], at_zero: float = 0.0) -> Callable[[float], float]:
    """``t``, except ``±y`` at ``±t`` for each ``t: y`` of ``points`` and ``at_zero`` at 0."""
    table = {0.0: at_zero} | points | {-t: -y for t, y in points.items()}

    def g(t: float) -> float:
        return table.get(t, t)

    return g


def pair(g: Callable[[float], float]) -> tuple[float, float, float]:
    """The check's central differences at BIG and HALF, and their rounding (4th difference too)."""
    coarse, rounding = combine([g(BIG), g(-BIG)], "central", 1, BIG)
    fine = combine([g(HALF), g(-HALF)], "central", 1, HALF)[0]
    fourth = (g(BIG) + g(-BIG)) - 4.0 * (g(HALF) + g(-HALF)) + 6.0 * g(0.0)
    return coarse, fine, rounding + abs(fourth) / BIG


# Found by a search: central differences 1 + 1e-8 (at BIG) and exactly 1 (at HALF),
# and f(0) whose fourth difference makes twice their spread equal, to the last bit,
# to 1e-8 of f' plus four times their rounding.
Y_BIG = BIG * (1.0 + 1e-8)
AT_ZERO = 2.5231055429686837e-15
BELOW = 2.523105542968683e-15  # two floats less: the first with less resolution


def spread_and_resolution(at_zero: float) -> tuple[float, float]:
    coarse, fine, rounding = pair(odd({BIG: Y_BIG}, at_zero))
    return 2.0 * abs(fine - coarse), TOLERANCE * abs(fine) + 4.0 * rounding


@pytest.mark.usefixtures("unconfirmed")
@pytest.mark.parametrize(("at_zero", "calls"), [(AT_ZERO, 10), (BELOW, 12)])
def test_central_differences_are_coarse_for_f_only_above_the_checks_resolution(
    at_zero: float, calls: int
) -> None:
    # Twice the spread of the pair exactly at 1e-8 of f' plus 4 x their rounding: the
    # pair can tell, no third quotient (10 calls). With f(0) two floats smaller (the
    # resolution one ulp less), it cannot: a quotient at BIG / 4 extrapolates them
    # (2 calls more), though one rounding more would have covered the spread.
    spread, resolution = spread_and_resolution(at_zero)
    if calls == 10:
        assert spread == resolution
    else:
        assert resolution < spread < resolution + (resolution - TOLERANCE) / 4.0
    f, points = recording(built(1.0, odd({BIG: Y_BIG}, at_zero)))
    r = derivative(f, 0.0, method="complex", full_output=True)
    assert (r.value, r.nfev) == (1.0, calls)
    assert (QUARTER in points) == (calls == 12)


@pytest.mark.usefixtures("unconfirmed")
def test_an_extrapolated_pair_counts_six_times_the_rounding_of_the_coarse_one() -> None:
    # f(0) = 1e-12: the pair's rounding is 6e-12 / BIG (1e-6) and a hair. The pair
    # (1 + 1e-5, 1) is coarse; with 1 at BIG / 4 it extrapolates to (1 - 1e-5 / 3, 1),
    # whose bound counts 4 x 6 times that rounding. A value 1e-7 inside the bound
    # stands (12 calls); 1e-7 outside it, Richardson on the real line (1) refuses it.
    g = odd({BIG: BIG * (1.0 + 1e-5), QUARTER: QUARTER}, 1e-12)
    coarse, fine, rounding = pair(g)
    assert fine == 1.0
    assert rounding == pytest.approx(6e-12 / BIG, rel=1e-8, abs=0.0)
    finer = combine([g(QUARTER), g(-QUARTER)], "central", 1, QUARTER)[0]
    coarse, fine = (4.0 * fine - coarse) / 3.0, (4.0 * finer - fine) / 3.0
    assert fine == 1.0
    bound = 2.0 * abs(fine - coarse) + 4.0 * (6.0 * rounding)
    inside = built(1.0 + bound - 1e-7, g)
    r = derivative(inside, 0.0, method="complex", full_output=True)
    assert (r.value, r.nfev) == (1.0 + bound - 1e-7, 12)
    with pytest.raises(calcweb.ArgumentTypeError, match="not analytic"):
        derivative(built(1.0 + bound + 1e-7, g), 0.0, method="complex")


PROBE = complex(BIG, BIG / 2.0)  # x + h + ih/2 at x = 0


def zero_but(elsewhere: Any) -> Any:
    """``Im f = 0`` at the complex step's points (and beside them), ``elsewhere(z)`` off them."""

    def f(z: Any) -> Any:
        if isinstance(z, complex):
            return complex(2.0, 0.0) if abs(z.imag) < 1e-10 else elsewhere(z)
        return 2.0

    return f


def test_only_im_f_at_x_plus_h_plus_ih_over_2_says_f_drops_the_imaginary_part() -> None:
    # Im f is 0 at the complex step's points and at the probe, 1 anywhere else off the
    # real line (x - h + ih/2, x + h + 2ih, x + h + ih/3): Richardson on the real line
    # (f = 2, so 0 exactly) confirms the value, with its calls counted.
    f, points = recording(
        zero_but(lambda z: complex(2.0, 0.0) if z == PROBE else complex(2.0, 1.0))
    )
    r = derivative(f, 0.0, method="complex", full_output=True)
    assert r.value == 0.0
    assert PROBE in points
    assert r.nfev == len(points) > 20


@pytest.mark.usefixtures("unconfirmed")
def test_a_real_number_at_the_probe_is_no_imaginary_part() -> None:
    # f returns the float 2.0 at x + h + ih/2 (its Im f unknown): the value 0 stands
    # on the central differences, in 11 calls (the probe's one counted).
    f, points = recording(zero_but(lambda z: 2.0 if z == PROBE else complex(2.0, 1.0)))
    r = derivative(f, 0.0, method="complex", full_output=True)
    assert (r.value, r.nfev) == (0.0, 11)
    assert points[-1] == PROBE


def not_real_there(t: float) -> complex:
    return complex(t, 1.0)


def test_a_coarse_pair_where_richardson_cannot_settle_says_so_word_for_word() -> None:
    # f = t + 1e4 t**3 (the pair spreads by 2.8e-7: coarse) is real at the check's five
    # points only: the third quotient's points and every point of Richardson's walks
    # are complex, off the real line, hence outside f's domain.
    five = {0.0, BIG, -BIG, HALF, -HALF}

    def real(t: float) -> Any:
        return t + 1e4 * t**3 if t in five else not_real_there(t)

    def oracle(t: float) -> float:  # the same real line, as a function of floats
        if t not in five:
            raise ValueError(f"f is not real there: f({t!r}) = {not_real_there(t)!r}")
        return t + 1e4 * t**3

    f = built(1.001, real)

    with pytest.raises(calcweb.DomainError) as settling:
        derivative(oracle, 0.0, method="richardson")
    assert "raised ValueError: f is not real there: f(" in str(settling.value)
    with pytest.raises(calcweb.NumericalError) as info:
        derivative(f, 0.0, method="complex")
    assert str(info.value) == (
        "method='complex' gave 1.001, but central differences on the real line are too "
        "coarse for f at x=0.0 to check it, and Richardson extrapolation could not settle "
        f"({settling.value}): whether f is analytic here cannot be told (a kink close to "
        "x?); use method='richardson', or write f with calcweb's functions for method='ad'"
    )


def test_a_coarse_pair_that_richardson_contradicts_names_richardson_word_for_word() -> None:
    # The same coarse pair, f undefined at the third quotient's points only: Richardson
    # on the real line settles (on f' = 1) and refuses 1.001.
    def g(t: float) -> float:
        if abs(t) == QUARTER:
            raise ValueError("not here")
        return t + 1e4 * t**3

    settled = derivative(g, 0.0, method="richardson", full_output=True)
    with pytest.raises(calcweb.ArgumentTypeError) as info:
        derivative(built(1.001, g), 0.0, method="complex")
    assert str(info.value) == (
        "method='complex' gave 1.001 but Richardson extrapolation on the real line gives "
        f"{settled.value!r} +- {settled.error:.2g}: f is not analytic near x=0.0 (it uses "
        "abs, conjugate, .real or a comparison), so the complex step does not apply; use "
        "method='richardson'"
    )


# The extrapolated pair's fourth difference: f's rounding only if it does not shrink
# 8-fold at spacing h/4 and is above 64 eps of |f| at x +- h; otherwise f's curvature
# (its scale is about h) and Richardson decides (4f9f562). f = t on the real line
# but at the check's points, where the pair is coarse for f (1 + 1e-6 and 1).
Y_COARSE = BIG * (1.0 + 1e-6)


def curved(e: float, q: float) -> Callable[[float], float]:
    """``t``, but coarse at x +- h, plus an even part ``e`` there and ``q`` at x +- h/4."""
    table = {BIG: Y_COARSE + e, -BIG: -Y_COARSE + e, QUARTER: QUARTER + q, -QUARTER: q - QUARTER}

    def g(t: float) -> float:
        return table.get(t, t)

    return g


def fourths(g: Callable[[float], float]) -> tuple[float, float, float]:
    """The fourth differences at spacings h/2 and h/4, and |f| at x +- h (the larger)."""
    halves = g(HALF) + g(-HALF)
    fourth = (g(BIG) + g(-BIG)) - 4.0 * halves + 6.0 * g(0.0)
    quartered = halves - 4.0 * (g(QUARTER) + g(-QUARTER)) + 6.0 * g(0.0)
    return fourth, quartered, max(abs(g(BIG)), abs(g(-BIG)))


def judged_by_richardson(g: Callable[[float], float]) -> bool:
    """Whether Richardson on the real line decides (else 12 calls), the value 1 standing."""
    f, points = recording(built(1.0, g))
    r = derivative(f, 0.0, method="complex", full_output=True)
    assert r.value == 1.0
    assert QUARTER in points
    assert r.nfev == len(points)
    if r.nfev == 12:
        return False
    assert r.nfev > 20
    return True


@pytest.mark.usefixtures("unconfirmed")
@pytest.mark.parametrize(("over", "richardson"), [(32.0, False), (33.0, True)])
def test_a_fourth_difference_that_shrinks_8_fold_at_h_over_4_is_curvature(
    over: float, richardson: bool
) -> None:
    # q = 2**-50: the fourth difference at h/4 is -8 q exactly, at h/2 it is 2 e.
    # e = 32 q: exactly 8-fold, not more: rounding, 12 calls. e = 33 q (8.25-fold):
    # curvature, Richardson decides.
    q = 2.0**-50
    g = curved(over * q, q)
    fourth, quartered, size = fourths(g)
    assert (fourth, quartered) == (2.0 * over * q, -8.0 * q)
    assert 64.0 * EPS * size < 8.0 * abs(quartered)
    assert judged_by_richardson(g) == richardson


def leveled(at_zero: float, even: float) -> Callable[[float], float]:
    """``t``, but f(0) gives the fourth difference (6 f(0)) and ``even`` is added at x +- h.

    The even part (a quarter of it at x +- h/2) is 0 in both fourth differences (2
    even - 8 even / 4 at h/2; cancelled at h/4, with f(0)): it makes |f(x +- h)| differ.
    """
    near = (2.0 * (even / 4.0) + 6.0 * at_zero) / 8.0
    table = {0.0: at_zero, BIG: Y_COARSE + even, -BIG: even - Y_COARSE}
    table |= {HALF: HALF + even / 4.0, -HALF: even / 4.0 - HALF}
    table |= {QUARTER: QUARTER + near, -QUARTER: near - QUARTER}

    def g(t: float) -> float:
        return table.get(t, t)

    return g


@pytest.mark.usefixtures("unconfirmed")
@pytest.mark.parametrize(
    ("eps_of_f", "even", "richardson"),
    [(64.5, 0.0, True), (63.5, 0.0, False), (64.0, 0.5, False), (64.0, -0.5, False)],
)
def test_a_fourth_difference_within_64_eps_of_the_larger_f_at_x_plus_or_minus_h_is_rounding(
    eps_of_f: float, even: float, richardson: bool
) -> None:
    # The fourth difference at h/4 (about 0) bounds nothing: only 64 eps of the larger
    # of |f(x + h)| and |f(x - h)| does. 64.5 eps of it: curvature, Richardson decides;
    # 63.5: rounding. With an even part of half of it, |f| is 3 times larger on one
    # side (either): 64 eps of the smaller one is no bound, and 12 calls suffice.
    g = leveled(eps_of_f * EPS * Y_COARSE / 6.0, even * Y_COARSE)
    fourth, quartered, size = fourths(g)
    smaller = min(abs(g(BIG)), abs(g(-BIG)))
    assert 8.0 * abs(quartered) < 64.0 * EPS * smaller
    # About 8.6e-20: abs=0.0, or approx's default abs=1e-12 passes anything. The even
    # part's rounding (|f| 3 times larger on one side) moves it by about 2 %.
    assert fourth == pytest.approx(eps_of_f * EPS * Y_COARSE, rel=0.03 if even else 1e-3, abs=0.0)
    if even:
        assert size == pytest.approx(3.0 * smaller, rel=1e-9, abs=0.0)
        assert 64.0 * EPS * smaller < abs(fourth) < 64.0 * EPS * size
    else:
        assert (abs(fourth) > 64.0 * EPS * size) == richardson
        assert abs(fourth) < 65.0 * EPS * size
    assert judged_by_richardson(g) == richardson
