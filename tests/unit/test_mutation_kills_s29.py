"""Mutation tests for the numerical code session 29 added (MUT22, session 30).

tools/mutation/one_function.py made mutmut 3.8.1's mutants of session 29's new
and rewritten functions (tools/mutation/HISTORY.md, "Session 30"); each ran
against the test files session 29 added with it, and each test below kills
survivors of those files: a boundary the code states, hit exactly, values set
by hand, or a public result pinned whole. No mpmath and no numpy: these run
inside Pyodide too.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

import calcweb as cw
from calcweb import limit
from calcweb._gauss_kronrod import gauss_kronrod, noise_level, with_noise
from calcweb._richardson import (
    Estimate,
    Sampler,
    _check_sides_past_stairs,
    _Fit,
    _fits,
    _side_past_stairs,
    _ThreeRowFit,
)
from calcweb.limits import _heads_for_the_run
from calcweb.nn import Value

# ---------------------------------------------------------------- nn: ties that move


def test_a_tie_of_a_computed_constant_keeps_the_values_pullback() -> None:
    # w = 0.5 + 0.5 is made of constants only, none of x: its tie with 1.0 is no kink
    # in x, and the pullback stays reverse mode (tie_moves marks a node moving only
    # where one of its inputs moves; f calls tanh as a Value's method, which no float
    # has, so differences would fail).
    w = Value(0.5) + Value(0.5)
    _, pullback = cw.vjp(lambda p: [p[0].tanh() * (2.0 if w > 1.0 else 3.0)], [0.0])
    assert pullback([1.0]) == [3.0]


# ---------------------------------------------------------------- limits: far out at inf


def test_an_overflow_inside_f_is_no_jump_far_out() -> None:
    # x/sqrt(x*x + 1) is 1.0 below 2**512 and 0.0 from there on (x*x is inf): the far
    # end's 0 is made by an overflow, seen by calling f on x watched.
    assert limit(lambda x: x / math.sqrt(x * x + 1.0), math.inf) == 1.0


def test_a_bare_jump_far_out_is_refused_keeping_its_value() -> None:
    result = limit(lambda x: 1.0 + 3.0 * (x > 1e200), math.inf, full_output=True)
    assert (result.value, result.left, result.error, result.converged) == (
        1.0,
        1.0,
        math.inf,
        False,
    )
    assert result.message == (
        "f is 1 at every point sampled on the left out to x = 5.980082166329764e+197, and 4 "
        "at every point from x = 3.919106648525874e+202 out to |x| = 2**993; between those "
        "two it is one or the other (sought to 1/8 bit of |x|): it jumps there "
        "(1 + 3*(x > 1e200)), and f farther out may jump again where no sample sees it: the "
        "samples cannot tell its limit. Substitute x = s*u, s near where f jumps "
        "(limit(lambda u: f(s*u), inf)), so that the usual points see it; pass "
        "full_output=True to get the estimate anyway"
    )


# ---------------------------------------------------------------- derivative: stairs' fits


class _Rounding:
    """A stand-in Sampler whose every quotient has the rounding bound ``r``."""

    def __init__(self, r: float) -> None:
        self.r = r

    def quotient(self, kind: str, n: int, step: float) -> tuple[float, float, float]:
        assert (kind, n) == ("central", 1)  # the rounding of the window's own quotients
        return math.nan, self.r, step


def _fits_of(d0: float, r0: float, d1: float, r1: float, error: float) -> list[_Fit]:
    # The row above the window at 2**-3 (its rounding r0) and the window's at 2**-4 (r1),
    # d0 and d1 off the value 1.0: with d0 = 4 d1, truncation as h**2 alone (share 0).
    estimate = Estimate(
        1.0,
        error,
        0,
        2**-4,
        "central",
        window=((2**-4, 1.0 + d1),),
        before=((2**-3, 1.0 + d0, r0),),
    )
    return _fits(_Rounding(r1), estimate, 1)  # type: ignore[arg-type]


def test_a_fit_needs_both_rows_beyond_four_times_their_blur() -> None:
    e = 2**-13  # the estimate's error; 4 (r + e) = 2**-10 at r = 2**-13
    assert _fits_of(2**-8, e, 2**-10, e, e) == []  # the window's row at 4 (r + e) exactly
    d1 = 9 * 2**-13  # 4.5 (r + e): a fit
    spread = 2**-12 / (4 * d1) + 2**-12 / d1
    assert _fits_of(4 * d1, e, d1, e, e) == [_Fit(1.0, e, 4 * d1, 0.0, 2**-3, spread)]
    r0 = 2**-8 - e  # the row above at 4 (r0 + e) exactly, then at 4.5 (r0 + e)
    assert _fits_of(2**-6, r0, 2**-8, e, e) == []
    r0 = 2**-9 - e
    spread = 2**-9 / (9 * 2**-10) + 2**-12 / (9 * 2**-12)
    assert _fits_of(9 * 2**-10, r0, 9 * 2**-12, e, e) == [
        _Fit(1.0, e, 9 * 2**-10, 0.0, 2**-3, spread)
    ]


@pytest.mark.parametrize("size", [1e-160, 1e-200, 1e-290])
def test_the_stairs_are_seen_whatever_the_size_of_f(size: float) -> None:
    # stairmixscan's 0.0402 exp(181.09 t) + 5.062 sin(-2234493835107.921 + 0.4426 t) at
    # 0, times size: the window's rows' distances from the value, 1e-160 times theirs,
    # have a product that underflows to 0; taken for rows of two signs, they made no fit
    # and the answer was 7.27683 size +- 1.5e-9 size, for 7.86273 size.
    def f(t: float) -> float:
        return size * (
            0.04018269076167018 * math.exp(181.09375365866242 * t)
            + 5.062075081095923 * math.sin(-2234493835107.921 + 0.44259038806134154 * t)
        )

    result = cw.derivative(f, 0.0, full_output=True)
    assert abs(result.value - 7.8627344379069964693 * size) <= result.error < size


def test_a_fit_reaches_where_the_fourth_power_is_a_sixteenth_of_the_second() -> None:
    e = 2**-13
    # d0/d1 = 67/16 at steps 2**-3 and 2**-4: share ((67/16) / 4 - 1) / (3/4) = 1/16
    # exactly, STAIR_FIT_RANGE's bound: a fit; at 35/8, share 1/8: none.
    (fit,) = _fits_of(67 * 2**-10, e, 2**-6, e, e)
    assert fit.share == 1 / 16
    assert _fits_of(35 * 2**-9, e, 2**-6, e, e) == []


def test_a_pair_that_makes_no_fit_leaves_the_next_pairs_alone() -> None:
    # Rows at 2**-3, 2**-4, 2**-5: the first pair of two signs, or of a share 1/8, makes
    # no fit; the window's own pair (share 0) still does.
    e = 2**-13
    for above in (1.0 - 2**-4, 1.0 + 35 * 2**-9):
        estimate = Estimate(
            1.0,
            e,
            0,
            2**-4,
            "central",
            window=((2**-4, 1.0 + 2**-6), (2**-5, 1.0 + 2**-8)),
            before=((2**-3, above, e),),
        )
        fits = _fits(_Rounding(e), estimate, 1)  # type: ignore[arg-type]
        pairs = [fit for fit in fits if not isinstance(fit, _ThreeRowFit)]  # the 3 rows' own
        assert [(fit.base, fit.share) for fit in pairs] == [(2**-4, 0.0)]


def test_a_one_sided_derivative_is_not_widened_for_stairs() -> None:
    # f fails left of 0 (sqrt), so the walk is forward: the stairs' check is the central
    # window's only, and exp's slope 1 keeps an error of its rounding, not 1 or more.
    result = cw.derivative(lambda t: math.exp(t) + 0.0 * math.sqrt(t), 0.0, full_output=True)
    assert abs(result.value - 1.0) <= result.error < 1e-6


# ---------------------------------------------------------------- integrate: values of their own


def test_a_value_of_its_own_at_the_first_rules_centre_costs_no_search() -> None:
    # 9 at 0.5, x**2 elsewhere: the first rule's centre, the first sample a half must
    # predict (index 0), is found to be a value of its own at once (66 calls; 110 when
    # only later samples are asked).
    result = cw.integrate(lambda x: 9.0 if x == 0.5 else x * x, 0.0, 1.0, full_output=True)
    assert abs(result.value - 1 / 3) <= result.error < 1e-14
    assert result.nfev == 66


@pytest.mark.parametrize(("k", "b"), [(200.0, 5.0), (500.0, 2.0)])
def test_an_unresolved_oscillation_asks_for_no_value_of_its_own(k: float, b: float) -> None:
    # sin(k x) on [0, b], 1000 radians: halves not resolved to three digits miss samples
    # by more than theirs vary, which is no value of its own; asked, each costs a call
    # (5398 for 5397).
    result = cw.integrate(lambda x: math.sin(k * x), 0.0, b, full_output=True)
    exact = (1.0 - math.cos(1000.0)) / k  # cos(1000) to 1 ulp: the error allows 1e-12
    assert abs(result.value - exact) <= result.error + 1e-15
    assert result.nfev == 5397


def test_a_growth_that_stops_past_the_deepest_step_is_refused_in_full() -> None:
    # tanh((x/1e200)**0.5) is x**0.5/1e100 at every usual and deep point, 1 far out
    # (sampled at 2**1022 since LIMSAT: the far probe goes to where the law leaves the floats).
    result = limit(lambda x: math.tanh((x / 1e200) ** 0.5), math.inf, full_output=True)
    assert (result.value, result.error, result.converged) == (math.inf, math.inf, False)
    assert result.message == (
        "f grows without bound at the usual points (from the left) and closer to x0 out to "
        "x = 6.518515124270356e+91, but closer still, at 4.49423283715579e+307, it is only "
        "1, short of where that growth leads: it slows or stops beyond the points sampled "
        "(tanh((x/1e200)**0.5) grows like x**0.5 out to about 1e200, and tends to 1), and "
        "the samples cannot tell its limit. Substitute x = s*u, s near where f slows "
        "(limit(lambda u: f(s*u), x0)), so that the usual points see it; pass "
        "full_output=True to get the estimate anyway"
    )


@pytest.mark.parametrize(("c", "w"), [(0.9323838930623449, 0.000522), (0.5, 1e-4)])
def test_a_narrow_peak_an_ancestor_saw_is_no_value_of_its_own(c: float, w: float) -> None:
    # A Gaussian peak between the nodes of a half, which its parent's node saw: the float
    # beside that node is on the peak too, so the half is cut until it resolves the peak
    # (588 and 1055 calls); dropped as a value of its own, the peak is lost (66 calls,
    # converged, 1e10 of its errors off).
    def f(x: float) -> float:
        return math.exp(-(((x - c) / w) ** 2)) + math.cos(x)

    exact = math.sin(1.0) + w * math.sqrt(math.pi) / 2 * (math.erf((1 - c) / w) + math.erf(c / w))
    result = cw.integrate(f, 0.0, 1.0, full_output=True)
    assert result.converged
    assert abs(result.value - exact) <= result.error + 4e-16


@pytest.mark.parametrize(
    ("f", "b", "exact", "calls"),
    [
        # a third value at the jump, 0 at 0.3: the sides predict the floats beside it
        (lambda x: 0.0 if x == 0.3 else math.copysign(1.0, x - 0.3), 1.0, 0.4, 116),
        (
            lambda x: 0.0 if x == 0.7 else math.copysign(math.exp(x), x - 0.7),
            2.0,
            math.exp(2.0) + 1.0 - 2.0 * math.exp(0.7),
            157,
        ),
        # 9 at 1 on a half-line, where exp(-x) is smooth
        (lambda x: 9.0 if x == 1.0 else math.exp(-x), math.inf, 1.0, 348),
    ],
)
def test_a_value_of_its_own_is_found_with_one_call_beside_it(
    f: Callable[[float], float], b: float, exact: float, calls: int
) -> None:
    # One evaluation at the float beside the sample, towards the panel's centre, mapped
    # onto the panel's [-1, 1]: more calls (117 or 160 for 116; 158 for 157; 346 or 350
    # for 348) where it is placed or counted otherwise.
    result = cw.integrate(f, 0.0, b, full_output=True)
    assert abs(result.value - exact) <= result.error < 1e-9
    assert result.nfev == calls


def test_the_error_beside_stairs_is_the_slope_they_add() -> None:
    # stairmixscan's 0.0402 exp(181.09 t) + 5.062 sin(-2234493835107.921 + 0.4426 t) at
    # 0: stairs 1.1e-3 wide that the window sat within (7.27683 for 7.86273); the error
    # is the quotient's distance from the fit (0.689), not that plus twice the value.
    def f(t: float) -> float:
        return 0.04018269076167018 * math.exp(
            181.09375365866242 * t
        ) + 5.062075081095923 * math.sin(-2234493835107.921 + 0.44259038806134154 * t)

    result = cw.derivative(f, 0.0, full_output=True)
    assert abs(result.value - 7.8627344379069964693) <= result.error < 1.0


# ---------------------------------------------------------------- limits: heading for the run

ROOM = 2.0**-40  # 4 eps |1024|: the rounding of the run at 1024 (value 0.0)


@pytest.mark.parametrize(
    ("tail", "heads"),
    [
        ([0.0, 100.0, 300.0, 500.0, 700.0], True),  # 700 of the way, each change below 512
        ([-900.0, -600.0, -300.0, 0.0, 300.0], True),  # the one before the last at the value
        ([0.0, 100.0, 200.0, 300.0, 512.0], False),  # TRAVEL (512) of the way exactly
        ([0.0, 512.0, 600.0, 700.0, 800.0], False),  # a change of TRAVEL exactly
        ([0.0, ROOM, 200.0, 400.0, 700.0], False),  # a change of the rounding exactly
        ([ROOM - 900.0, ROOM - 600.0, ROOM - 300.0, ROOM - 150.0, ROOM], False),  # ends there
        ([300.0, 500.0, 700.0, 900.0, 1024.0 - ROOM], False),  # ends within it of the run
    ],
)
def test_the_last_usual_samples_head_for_the_run_beyond_each_bound(
    tail: list[float], heads: bool
) -> None:
    assert _heads_for_the_run([0.0, 0.0, *tail], 1024.0, 0.0) is heads


def test_a_run_at_the_value_is_none_to_head_for() -> None:
    assert _heads_for_the_run([1.0] * 6, 1.0, 1.0) is False


@pytest.mark.parametrize(("kind", "sign"), [("forward", 1.0), ("backward", -1.0)])
def test_a_side_past_the_stairs_is_extrapolated_from_h_h2_h4(kind: str, sign: float) -> None:
    # t**4 at 0: the one-sided quotients are +-h**3 exactly; the quadratic in h through
    # them at h, h/2, h/4 (h = 2**-4) is h**3/8 at 0, and the line through the two
    # smaller ones -3 h**3/32, so the spread is 4 (1/8 + 3/32) h**3 = 7 * 2**-15.
    value, spread = _side_past_stairs(Sampler(lambda t: t**4, 0.0), kind, 1, 2.0**-4) or (0, 0)
    assert value == sign * 2.0**-15
    assert spread == pytest.approx(7 * 2.0**-15, abs=1e-15)  # plus the quotients' rounding


@pytest.mark.parametrize("first_step", [2.0**-30, 16.5 * 2.0**-34])
def test_stairs_at_a_sixteenth_of_the_first_step_are_asked(first_step: float) -> None:
    # The nearest stair 2**-60 away: the sides are asked from 2**-60 / sqrt(eps) = 2**-34
    # on, where 16 times that is no more than the first step (2**-30 exactly, or 16.5
    # times it); a smooth f's sides agree.
    sampler = Sampler(lambda t: (1.0 + t) ** 2 - 1.0, 0.0)
    _check_sides_past_stairs(sampler, 1, [(2.2e-16, 2.0**-60)], first_step)
    assert sampler.calls > 0


# ------------------------------------------------------------ integrate: beside a singular point


@pytest.mark.parametrize(("tol", "calls"), [(1e-10, 806), (1e-13, 1008)])
def test_the_interpolation_beside_a_singular_point_reaches_as_tol_needs(
    tol: float, calls: int
) -> None:
    # |x - 0.3|**-0.5 on [0, 1], exactly 2 (sqrt 0.3 + sqrt 0.7): the samples within
    # reach of c in u = x - c cost one more call each; reach is |c|/64 at tol 1e-10, a
    # node at |u| = reach exactly interpolated too (805 calls without it), and |c|/2 at
    # 1e-13 (1043 calls at 1.5 |c|).
    result = cw.integrate(lambda x: abs(x - 0.3) ** -0.5, 0.0, 1.0, tol=tol, full_output=True)
    assert abs(result.value - 2.0 * (math.sqrt(0.3) + math.sqrt(0.7))) <= result.error < 1e-12
    assert result.nfev == calls


# ---------------------------------------------------------------- derivative: a flushed value


def test_a_flushed_normal_cdf_keeps_the_derivative_its_stair_allows() -> None:
    # 0.5 (1 + erf(t / sqrt 2)) at -10 is 0 (1 + erf flushed) out to its stair at -8.3:
    # its derivative there, the density exp(-50)/sqrt(2 pi) = 7.7e-23, is within the
    # error the stair allows (6.8e-17), not 0 +- 6.5e-322.
    def cdf(t: float) -> float:
        return 0.5 * (1.0 + math.erf(t / math.sqrt(2.0)))

    result = cw.derivative(cdf, -10.0, full_output=True)
    density = math.exp(-50.0) / math.sqrt(2.0 * math.pi)
    assert abs(result.value - density) <= result.error < 1e-15


# ---------------------------------------------------------------- integrate: f's noise


@pytest.mark.parametrize(
    ("values", "level"),
    [
        # differences 1, -1, 1 (of two signs), then -2, 2 and 4: levels sqrt(1/2),
        # sqrt(4/6), sqrt(16/20), within NOISE_AGREE: the first, read at the last three
        ([0.0, 1.0, 0.0, 1.0], math.sqrt(0.5)),
        # differences 0, 1, 0 and 0, -1, 0: levels alike (1/sqrt 6, 1/sqrt 6, 1/sqrt 5),
        # but the first differences do not change sign, one being 0: no noise
        ([0.0, 0.0, 1.0, 1.0], 0.0),
        ([1.0, 1.0, 0.0, 0.0], 0.0),
    ],
)
def test_noise_needs_first_differences_of_both_signs(values: list[float], level: float) -> None:
    assert noise_level(values) == level


def test_beside_a_jump_of_f2_the_error_holds_both_sides_and_no_more() -> None:
    # derkinkscan --order 2 seed 1 (test_derjump's first case): f'' jumps by J = c s**2
    # at -1.5; the value is about the mean of the sides, and the error holds both: J/2
    # each side, plus up to J/2 as far as the window's quotients moved (DERKINK4's
    # _sides_apart: exp's truncation moves them here, 1.003 J; not twice J).
    a, b = 1.9161090309468891, 0.971316052784053
    c, s = -1.0307395224044474e-09, -4.210904177859691

    def f(t: float) -> float:
        return a * math.exp(b * t) + c * max(s * (t + 1.5), 0.0) ** 2 / 2.0

    result = cw.derivative(f, -1.5, 2, full_output=True)
    smooth, jump = a * b * b * math.exp(-1.5 * b), c * s * s
    for side in (smooth, smooth + jump):
        assert abs(result.value - side) <= result.error
    assert result.error < 1.1 * abs(jump)


def test_a_panel_at_its_noise_floor_is_rounding_limited_not_unresolved() -> None:
    # sin(200 x) on [0, 1]: one rule does not resolve it. Noise that may move its sum
    # by its error exactly makes that error its floor: bisecting cannot help.
    panel = gauss_kronrod(lambda x: math.sin(200.0 * x), 0.0, 1.0)
    assert panel.unresolved
    assert not panel.rounding_limited
    floored = with_noise(panel, 0.0, panel.error)
    assert (floored.unresolved, floored.rounding_limited) == (False, True)
    assert (floored.error, floored.rounding) == (panel.error, panel.error)
    # Below its error, the noise leaves it unresolved, its resolution and noise widened.
    noisy = with_noise(panel, 1e-3, panel.error / 2.0)
    assert (noisy.unresolved, noisy.rounding_limited) == (True, False)
    assert (noisy.error, noisy.rounding) == (panel.error, panel.error / 2.0)
    assert (noisy.resolution, noisy.noise) == (panel.resolution + 1e-3, 1e-3)


# ---------------------------------------------------------------- derivative: noise that is a swing


@pytest.mark.parametrize(
    ("term", "truth"),
    [
        ((7.556427391373798, 1.869294335138648, 93.15979874970411), 1806548391.004676),
        ((0.08688696753674936, 0.8385958660957367, 90.47732029488826), -8127215.332292235),
    ],
)
def test_a_fast_sine_beside_a_quartic_is_answered_honestly(
    term: tuple[float, float, float], truth: float
) -> None:
    # test_highord's fasttermscan cases (sin(a s**3) swings with a period near 1e-4, far
    # below the walk's steps): refused as a swing (`_check_noise_is_swing`) when written;
    # since DERPOW the quotient far below refutes the window and the walk below answers
    # (1806451735 +- 2.6e6 and -8127078.7 +- 1590; truths from mpmath at 50 digits).
    c, a, x = term
    result = cw.derivative(lambda s: c * s**4 + math.sin(a * s**3), x, 2, full_output=True)
    assert abs(result.value - truth) <= result.error < 1e-2 * abs(truth)


def test_sides_that_disagree_past_the_stairs_are_refused_in_full() -> None:
    # max(0, 1 - (1 + t)**2) at 0 (test_derkink3's case): slopes 0 and -2, the nearest
    # stair 5.6e-17 away, so the sides are asked from 5.6e-17 / sqrt(eps) = 3.8e-9 down
    # to a quarter of it.
    sampler = Sampler(lambda t: max(0.0, 1.0 - (1.0 + t) ** 2), 0.0)
    with pytest.raises(cw.DomainError) as refusal:
        _check_sides_past_stairs(sampler, 1, [(2.2e-16, 5.6e-17)], 0.015)
    assert str(refusal.value) == (
        "no derivative of f at x=0.0 was found: the difference quotients from the right tend "
        "to about 0, but those from the left to -2, at steps down to 9.4e-10 (as they do at a "
        "kink or a jump at x; below those steps f is flat, as where its argument is rounded); "
        "take a one-sided derivative with method='forward' or method='backward', or move x"
    )
