"""Mutation tests for the numerical code session 26 added (MUT19, session 27).

tools/mutation/one_function.py made mutmut 3.8.1's mutants of session 26's new
functions (tools/mutation/HISTORY.md, "Session 27"); each ran against the test
files session 26 added with it, and each test below kills survivors of those
files: a boundary the code states, hit exactly, values set by hand, or a
stand-in for f. No mpmath and no numpy: these run inside Pyodide too.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from types import SimpleNamespace

import pytest

from calcweb import (
    ArgumentTypeError,
    DomainError,
    NumericalError,
    _richardson,
    directional_derivative,
    grad,
    integrate,
    jacobian,
    limit,
    limits,
)
from calcweb._far_overflow import (
    CONVEXITY,
    FALL_STEPS,
    ROUNDING,
    Watched,
    bound_beyond,
    overflow_edge,
)
from calcweb._integrate import _jump_gap, _Panels

INF = math.inf


class _Table:
    """A stand-in for `Watched` in `bound_beyond`: f's value by x, and the x asked."""

    def __init__(self, f: Callable[[float], float | None]) -> None:
        self.f = f
        self.asked: list[float] = []

    def value(self, x: float) -> float | None:
        self.asked.append(x)
        return self.f(x)


def _overflows_beyond(edge: float) -> Callable[[float], float]:
    def f(x: float) -> float:
        if x > edge:
            raise OverflowError("math range error")
        return 1.0

    return f


# --- Watched ----------------------------------------------------------------


def test_the_answer_nearest_the_overflow_is_the_one_closest_to_it():
    watched = Watched(lambda x: 1.0)
    for x in (0.0, 1.0, 2.0, 7.0):
        watched(x)
    assert watched.nearest_answer(0.0, 5.0) == 2.0  # not 0.0, the farthest
    assert watched.nearest_answer(7.0, -1.0) == 0.0


def test_the_bulk_alone_is_the_answer_nearest_an_overflow_on_its_side():
    watched = Watched(lambda x: 1.0)
    watched(0.0)
    assert watched.nearest_answer(0.0, -1.0) == 0.0  # bulk is an end of [overflow, bulk]


def test_a_complex_f_over_an_infinite_range_is_refused_as_on_a_finite_one():
    with pytest.raises(ArgumentTypeError, match="returned complex"):
        integrate(lambda x: 1j * math.exp(-x), 0.0, INF)


def test_an_int_beyond_the_float_range_is_refused_not_cut():
    # The OverflowError comes from converting f's answer, not from f: no cut is tried.
    f = lambda x: 10**400 if x > 1000 else math.exp(-x)  # noqa: E731
    with pytest.raises(NumericalError, match=r"overflowed \(int too large to convert to float\)"):
        integrate(f, 0.0, INF)


# --- overflow_edge -------------------------------------------------------------


def test_the_edge_is_bisected_to_a_millionth_of_the_bracket():
    watched = Watched(_overflows_beyond(700.5))
    edge = overflow_edge(watched, 500.0, 1000.0)
    # 500 / 2**20 < 1e-6 * 500 < 500 / 2**19: 20 halvings, each one call.
    assert edge == 500.0 + 500.0 * 420478 / 2**20
    assert 700.5 - 500.0 * 1e-6 < edge <= 700.5
    assert watched.calls == 20


def test_the_edge_bisection_stops_where_the_floats_do():
    watched = Watched(_overflows_beyond(1.0))
    assert overflow_edge(watched, 1.0, math.nextafter(1.0, 2.0)) == 1.0
    assert watched.calls == 0


# --- bound_beyond ----------------------------------------------------------------


def test_a_fall_is_sampled_fourfold_out_to_the_bulk():
    # exp(-0.07 (x - 1)) from the bulk at 1 to the edge at 101: 1096-fold, first at d = 100.
    table = _Table(lambda x: math.exp(-0.07 * (x - 1.0)))
    bound = bound_beyond(table, 101.0, 1.0)
    assert table.asked == [101.0] + [101.0 - 100.0 * 4.0**-k for k in range(FALL_STEPS - 1, -1, -1)]
    assert bound == pytest.approx(2 * math.exp(-7.0) / 0.07, rel=1e-9)


def test_a_fall_short_of_a_thousandfold_at_the_bulk_is_no_bound():
    table = _Table(lambda x: math.exp(-0.05 * (x - 1.0)))  # 148-fold
    assert bound_beyond(table, 101.0, 1.0) is None
    assert min(table.asked) == 1.0  # nothing past the bulk


def test_an_overflow_before_the_fall_is_seen_is_no_bound():
    table = _Table(lambda x: None if x < 100.0 else math.exp(-0.07 * (x - 1.0)))
    assert bound_beyond(table, 101.0, 1.0) is None


def test_a_first_sample_equal_to_the_edge_is_passed_over():
    def f(x: float) -> float:
        first = 101.0 - 100.0 * 4.0 ** -(FALL_STEPS - 1)
        return 1.0 if x == first else math.exp(0.07 * (101.0 - x))

    assert bound_beyond(_Table(f), 101.0, 1.0) == pytest.approx(2 / 0.07, rel=1e-6)


def test_a_fall_of_exactly_a_thousandfold_at_the_bulk_is_enough():
    def f(x: float) -> float:
        return 1000.0 if x == 0.0 else math.exp(math.log(1000.0) * (1.0 - x))

    assert bound_beyond(_Table(f), 1.0, 0.0) == pytest.approx(2 / math.log(1000.0), rel=1e-9)


EDGE, SPAN = 1.0, 1e-3


def _chords(rates: dict[int, float], at_edge: float = 1.0) -> _Table:
    """f whose log's chord from the edge to ``EDGE - SPAN 4**-k`` has slope ``rates[k]``."""
    values = {EDGE: at_edge}
    for k, rate in rates.items():
        d = SPAN * 4.0**-k
        values[EDGE - d] = at_edge * math.exp(rate * d)
    return _Table(lambda x: values[x])


def _steepening(extra: float) -> dict[int, float]:
    """A fall of 7000 per unit at the first sample, ``1.01 x`` that ``+ extra`` beyond it."""
    d = SPAN * 4.0 ** -(FALL_STEPS - 1)
    first = math.log(math.exp(7000.0 * d)) / d  # as bound_beyond reads it
    farther = first * (1 + CONVEXITY) + extra
    return {FALL_STEPS - 1: 7000.0} | dict.fromkeys(range(FALL_STEPS - 1), farther)


@pytest.mark.parametrize(
    ("extra", "answered"),
    [(4.2e-4, True), (7e-4, False), (0.5 * 7000.0, False)],
    ids=["within both slacks", "beyond them", "half again as steep"],
)
def test_a_steeper_chord_farther_in_is_allowed_only_its_rounding_and_convexity(extra, answered):
    # The slacks are 2 ROUNDING / d: 4.8e-4 at the first sample, 1.2e-4 at the next.
    assert 2 * ROUNDING / (SPAN * 4.0 ** -(FALL_STEPS - 1)) == 2.0**-45 / (SPAN * 4.0**-12)
    bound = bound_beyond(_chords(_steepening(extra)), EDGE, EDGE - SPAN)
    assert (bound is not None) is answered
    if answered:
        assert bound == pytest.approx(2 / 7000.0, rel=1e-9)


TINY = 1e-315  # subnormal: its ulp, 5e-324, is 5e-9 of it


@pytest.mark.parametrize(("ulps", "answered"), [(1, True), (3, False)])
def test_a_subnormal_edge_allows_two_ulps_of_rounding(ulps, answered):
    # Within 2 ulps of 5e-324 the first sample is passed over; 3 ulps is a fall, far
    # gentler than the 7000 per unit beyond it: refused as a fall that slows onto the edge.
    rates = dict.fromkeys(range(FALL_STEPS - 1), 7000.0)
    table = _chords(rates, TINY)
    first = EDGE - SPAN * 4.0 ** -(FALL_STEPS - 1)
    values = {first: TINY + ulps * 5e-324}
    inner = table.f
    table.f = lambda x: values.get(x) or inner(x)
    bound = bound_beyond(table, EDGE, EDGE - SPAN)
    assert (bound is not None) is answered


# --- limits: _past_overflow, _failure_bracket, _falls_onto_0 -------------------------

# (f, x0, value, error, message): each read past the overflow, pinned whole. The error
# of a fall onto 0 is the last sample's size; of a constant reached, the distance of
# the last sample before it (16 roundings of 5 where that is within rounding); the x
# named is the last sample before the overflow (`_failure_bracket`).
PAST_OVERFLOW = {
    "x**7/exp(x)": (
        lambda x: x**7 / math.exp(x),
        INF,
        0.0,
        2.462856261517789e-269,
        (
            "f falls onto 0 ever faster, to 2.46e-269 at x = 663.9818519813169, past which it "
            "overflows"
        ),
    ),
    "(3**x + 5**x)**(1/x)": (
        lambda x: (3.0**x + 5.0**x) ** (1 / x),
        INF,
        5.0,
        16 * 2.0**-52 * 5.0,
        (
            "f falls onto 5.0 ever faster and stays on it out to x = 430.5389646099019, past "
            "which it overflows"
        ),
    ),
    "0.0045 - 621*x**17.55/gamma(x)": (
        lambda x: 0.0045 - 621 * x**17.55 / math.gamma(x),
        INF,
        0.0045,
        1.965404521953127e-05,
        (
            "f falls onto 0.0045 ever faster and stays on it out to x = 165.99546299532923, "
            "past which it overflows"
        ),
    ),
    # exp(-x*x) is exactly 0 from 27.3 on: a run of 0.0, then exp(x) overflows.
    "exp(-x*x) + 0*exp(x)": (
        lambda x: math.exp(-x * x) + 0.0 * math.exp(x),
        INF,
        0.0,
        6.616261056709485e-112,
        (
            "f falls onto 0.0 ever faster and stays on it out to x = 663.9818519813169, past "
            "which it overflows"
        ),
    ),
}


@pytest.mark.parametrize(
    ("f", "x0", "value", "error", "message"), PAST_OVERFLOW.values(), ids=PAST_OVERFLOW.keys()
)
def test_a_limit_read_past_an_overflow_is_pinned(f, x0, value, error, message):
    result = limit(f, x0, full_output=True)
    assert (result.value, result.error, result.converged) == (value, error, True)
    assert result.message == message


def test_a_growth_cut_short_far_below_the_float_range_names_where_f_fails():
    result = limit(lambda x: math.exp(-x) + 1e-250 * math.exp(x), INF, full_output=True)
    assert (result.value, result.error, result.converged) == (INF, INF, False)
    assert result.message.startswith(
        "f grows until it fails at x=709.7827128933841 (an overflow, a NaN or a division by 0,"
    )
    assert "f itself is only about 1.8e+58 there" in result.message


ONTO_0 = [1.0, 2.0**-4, 2.0**-12]  # drops of 4 and 8 bits: ever faster, by at most 16 times


@pytest.mark.parametrize(
    ("before", "nearer", "falls"),
    [
        (ONTO_0, [2.0**-13, 2.0**-14, 2.0**-21], True),  # only the last is below 1e-6
        (ONTO_0, [2.0**-13, 2.0**-14, 2.0**-19], False),  # 1.9e-6: not yet near 0
        (ONTO_0, [1e-6], True),  # exactly ACCEPT times 1
        ([0.25, 2.0**-6, 2.0**-14], [1e-6], False),  # ACCEPT times the largest, 0.25
        ([1.5, 1.5 * 2.0**-4, 1.5 * 2.0**-12], [1.2e-6], False),  # ACCEPT times 1, not 1.5
        ([1.0, 2.0**-10, 2.0**-30], [2.0**-30], False),  # stays: no longer falling
        ([1.0, 2.0**-10, -(2.0**-30)], [], False),  # a change of sign
        ([1.0, 2.0**-10, 2.0**-30], [-(2.0**-35)], False),
        ([1.0, 2.0**-10, 0.0], [], False),  # a 0 in the walk's last samples
    ],
)
def test_a_fall_onto_0_past_the_walk(before, nearer, falls):
    assert limits._falls_onto_0(before, nearer) is falls


def _overflows_past(g: Callable[[float], float], edge: float) -> Callable[[float], float]:
    def f(x: float) -> float:
        if x > edge:
            raise OverflowError("math range error")
        return g(x)

    return f


def _onto_1(x: float) -> float:
    """1 + 2**(-x**2/64): 1 + 2**-16 at 32, exactly 1.0 from 64 on (drops of 1, 3, 12 bits)."""
    return 1.0 + 2.0 ** (-x * x / 64)


NOT_CLOSE_ENOUGH = (
    "f cannot be evaluated close enough to x0: f(562949953421312.0) overflowed (math range "
    "error): f, or a value computed inside it, is beyond the float range there"
)


@pytest.mark.parametrize(
    "f",
    [
        # 1.0 at 64 only: f overflows beyond 66, before 64 * 2**(1/8) = 69.8.
        _overflows_past(_onto_1, 66.0),
        # One sample before exp(x**4) overflows; none before exp(x**8) does.
        lambda x: 1 / (1 + math.exp(x**4)),
        lambda x: 2 + 1 / math.exp(x**8),
    ],
    ids=["a constant seen once", "one sample", "no sample"],
)
def test_too_few_samples_before_an_overflow_are_not_read_past_it(f):
    with pytest.raises(NumericalError) as caught:
        limit(f, INF)
    assert str(caught.value).startswith(NOT_CLOSE_ENOUGH)


def test_a_division_by_0_past_a_long_run_at_minus_inf_reads_the_run():
    # softplus(x)/exp(x): 8 samples, then 0/0 from x = -1024 on (exp underflows).
    result = limit(lambda x: math.log1p(math.exp(x)) / math.exp(x), -INF, full_output=True)
    assert (result.value, result.error, result.converged) == (1.0, 6.328271240363392e-15, True)
    assert result.message == (
        "f is 1.0 at every point sampled on the right between -64.0 and x0, and falls onto "
        "it ever faster from farther out"
    )


@pytest.mark.parametrize(
    ("distances", "drops"),
    [
        ([8.0, 4.0, 1.0], [1.0, 2.0]),  # a first drop of 1 bit
        ([16.0, 4.0, 1.0], [2.0, 2.0]),  # equal drops
        ([2.0**17, 2.0**16, 1.0], [1.0, 16.0]),  # exactly REACH_GROWTH times
        ([2.0**18, 2.0**17, 1.0], None),  # 17 times
        ([16.0, 4.0, 2.0], None),  # slowing
        ([4.0, 4.0, 1.0], None),  # no drop
    ],
)
def test_drops_in_bits_grow_by_at_most_sixteen_times(distances, drops):
    assert limits._drops_growing(distances) == drops


@pytest.mark.parametrize(
    "g",
    [_onto_1, lambda x: _onto_1(x) if x <= 66.0 else 1.0 + 2.0**-16],
    ids=["on 1.0", "as far off as the last sample before the run"],
)
def test_a_constant_seen_twice_before_the_overflow_is_the_limit(g):
    result = limit(_overflows_past(g, 70.0), INF, full_output=True)
    assert (result.value, result.error, result.converged) == (1.0, 2.0**-16, True)
    assert result.message == (
        "f falls onto 1.0 ever faster and stays on it out to x = 69.79249489057649, past "
        "which it overflows"
    )


def test_a_growth_of_four_samples_before_the_overflow_is_infinite():
    # exp(x)/x**112: from 128 on, 4 samples grow ever faster up to where x**112 overflows.
    result = limit(lambda x: math.exp(x) / x**112, INF, full_output=True)
    assert (result.value, result.error, result.converged) == (INF, 0.0, True)


def test_a_rise_of_the_last_two_samples_before_the_overflow_is_no_fall_onto_0():
    # exp(x)/x**127 (limit inf) falls to 1e-212 at 128, rises to 4.3e-195 at 256, then
    # x**127 overflows: it was answered 4.3e-195 +- 2.4e-114, converged (from before
    # 9bc1eae until LIMEXP, session 27).
    result = limit(lambda x: math.exp(x) / x**127, INF, full_output=True)
    assert result.value == INF or not result.converged


# --- integrate: _cut_where_it_overflows, _mirrored_overflow, _overflow_cut ---------------


def _logistic(x: float) -> float:
    return 1 / (1 + math.exp(-x)) / (1 + math.exp(x))


@pytest.mark.parametrize(
    ("shift", "value", "nfev", "cuts"),
    [
        (0.0, 1.0, 909, "x=-709.7823613267285 and x=709.7826583095506"),
        # The bulk at 400: the left overflow (-309.8) is left of it, though of sign +.
        # 1391 before INTSING's search for a singular point (its finite top: 21); 1412
        # before INTHANG's look at the float beside an overshoot.
        (400.0, 1.000000000004407, 1413, "x=1109.7824325203947 and x=-309.78218447687345"),
    ],
)
def test_the_logistic_density_is_cut_on_both_sides(shift, value, nfev, cuts):
    # The overflow on one side, mirrored twice as far about the bulk, cuts the other.
    result = integrate(lambda x: _logistic(x - shift), -INF, INF, full_output=True)
    assert (result.value, result.converged, result.nfev) == (value, True, nfev)
    assert result.message.endswith(
        f"; cut at {cuts}, where f starts to overflow (beyond: 2.23e-308)"
    )


def test_a_cut_whose_bound_beyond_exceeds_tol_is_not_converged():
    # 0.001 exp(-x/100) is 8.3e-7 at 709.78: beyond, at most 1.65e-4, above tol = 1.2e-4
    # (the integral, 0.1, is below 1: tol is absolute).
    f = lambda x: 0.001 * math.exp(-x / 100) + 0 * math.exp(x)  # noqa: E731
    result = integrate(f, 0.0, INF, tol=1.2e-4, full_output=True)
    assert result.converged is False
    assert result.message.startswith(
        "f overflows beyond x=709.7824076479517 (f, or a value computed inside it, leaves the "
        "float range there), where f is not negligible: its fall up to there bounds the "
        "integral beyond by 0.000165;"
    )


def test_an_overflow_before_any_value_is_refused_naming_it():
    with pytest.raises(NumericalError) as caught:
        integrate(lambda x: math.exp(1000.0 + 0 * x), 0.0, INF)
    assert str(caught.value).startswith(
        "f(1.0) overflowed (f, or a value computed inside it, left the float range there) "
        "before f gave a value anywhere, so where its tails are is unknown: rewrite f"
    )
    assert isinstance(caught.value.__cause__, NumericalError)  # f's own overflow, chained


@pytest.mark.parametrize(("a", "b"), [(0.0, INF), (-INF, 0.0)])
def test_an_end_at_infinity_is_not_sampled(a, b):
    # Only the finite end of a half-line is an x to call f at: 301 calls either way round.
    result = integrate(lambda x: math.exp(-abs(x)), a, b, full_output=True)
    assert (result.value, result.converged, result.nfev) == (1.0, True, 301)


# --- limits: _root_refined, _overflows ------------------------------------------------


@pytest.mark.parametrize(
    ("f", "x0", "side", "value", "error"),
    [
        # The sqrt(h) term removed; the error is the rounding the combination carries
        # ((sqrt(2) + 1)/(sqrt(2) - 1) times f's, amplified).
        (lambda x: math.sqrt(x - 3), 3.0, "right", 6.390370090744331e-23, 2.9283742318566233e-14),
        (
            lambda x: math.sqrt(4 - x * x),
            2.0,
            "left",
            1.2780740181488662e-22,
            5.478486537932401e-14,
        ),
        (
            lambda x: math.sqrt(x + math.sqrt(x)) - math.sqrt(x),
            INF,
            "both",
            0.4999999999954647,
            6.546707620458392e-12,
        ),
    ],
    ids=["sqrt(x - 3) at 3+", "sqrt(4 - x**2) at 2-", "sqrt(x + sqrt(x)) - sqrt(x) at inf"],
)
def test_a_square_root_term_is_removed(f, x0, side, value, error):
    result = limit(f, x0, side=side, full_output=True)
    assert (result.value, result.error, result.converged) == (value, error, True)


def test_a_nan_past_the_run_is_no_overflow():
    # f is NaN from 600 on: the run before it is extrapolated, not read past an overflow.
    result = limit(lambda x: 1 / x + (math.nan if x > 600 else 0.0), INF, full_output=True)
    assert (result.value, result.error, result.converged) == (0.0, 1.0408340855860843e-17, True)
    assert result.message.startswith("extrapolated from the left; f fails closer to x0")


def test_an_overflow_left_of_the_bulk_cuts_the_left_end_alone():
    # exp(-(x - 400)**2/1e4)/(1 + exp(1.2 (400 - x))) overflows from x = -191.49 on: left
    # of the bulk (near 400), though -191.49 + 400 > 0; the right tail, which does not
    # overflow, is not cut (its mirror, 1583, is finite). 88.6226925452758 (mpmath).
    # 1047 evaluations before INTSING's search for a singular point (a finite top: 32);
    # 1079 before INTCANCEL's look for noise where a panel misses a sample (26 looks, 70).
    f = lambda x: math.exp(-((x - 400) ** 2) / 1e4) / (1 + math.exp(1.2 * (400 - x)))  # noqa: E731
    result = integrate(f, -INF, INF, full_output=True)
    assert (result.value, result.converged, result.nfev) == (88.62269254527331, True, 1149)
    assert abs(result.value - 88.6226925452758) <= result.error
    assert result.message.endswith(
        "; cut at x=-191.48555681093555, where f starts to overflow (beyond: 9.88e-324)"
    )


@pytest.mark.parametrize(
    ("f", "x0", "side", "value", "error"),
    [
        # No sqrt(h) term: the combination would only blur the estimate.
        (lambda t: (1 - math.cos(t)) / t**2, 0.0, "both", 0.5000000000042404, 5.25464537685048e-11),
        # Another fractional power: departures fall by a quarter bit a step, not half.
        (lambda x: 1 + x**0.25, 0.0, "right", 1.0, 2.6645352591003757e-15),
        (lambda x: 2 + x**-0.25, INF, "both", 2.0, 4.4853010194856324e-14),
        (
            lambda x: math.sqrt(x - 3) + (x - 3) ** 0.75,
            3.0,
            "right",
            -1.9477099398704657e-12,
            3.89541987508834e-12,
        ),
    ],
    ids=["(1 - cos t)/t**2", "1 + x**0.25 at 0+", "2 + x**-0.25 at inf", "sqrt + power 0.75"],
)
def test_an_estimate_without_a_lone_square_root_term_is_pinned(f, x0, side, value, error):
    result = limit(f, x0, side=side, full_output=True)
    assert (result.value, result.error, result.converged) == (value, error, True)


# --- limits: _rounding_spread ------------------------------------------------------------


def test_the_rounding_spread_is_read_at_the_step_and_four_farther_out():
    asked: list[float] = []

    def f(x: float) -> float:
        asked.append(x)
        return x * x

    # point(h) = h: f at 1, 1 + 2**-10, ..., 1 + 4 * 2**-10; spread (1 + 2**-8)**2 - 1.
    assert limits._rounding_spread(f, lambda h: h, 1.0) == (1 + 2.0**-8) ** 2 - 1
    assert asked == [1.0 + k * 2.0**-10 for k in range(5)]


def test_no_rounding_spread_is_shown_where_f_fails_beside_the_step():
    def f(x: float) -> float:
        if x > 1.003:
            raise NumericalError("f fails")
        return x

    assert limits._rounding_spread(f, lambda h: h, 1.0) == 0.0


@pytest.mark.parametrize(
    ("f", "a", "b", "refusal"),
    [
        # exp(1000 x) overflows from x = 0.71 on: between the bulk (0) and the finite end.
        (
            lambda x: math.exp(-x * x) + 0 * math.exp(1000 * x),
            -INF,
            1.0,
            (
                "f(0.9957093545739976) overflowed (f, or a value computed inside it, left the "
                "float range there) between an end of the range and where f is largest: rewrite f"
            ),
        ),
        # 1e-300 exp(x) grows again before exp overflows: no fall onto the edge.
        (
            lambda x: math.exp(-x * x) + 1e-300 * math.exp(x),
            0.0,
            INF,
            (
                "f(935.2606747597932) overflowed (f, or a value computed inside it, left the float "
                "range there) and f does not fall ever faster onto 0 up to x=709.7824076479517, "
                "where it starts to overflow, so its integral beyond is unknown: rewrite f"
            ),
        ),
    ],
    ids=["towards the finite end", "rising before the overflow"],
)
def test_an_overflow_that_cannot_be_cut_is_refused_saying_why(f, a, b, refusal):
    with pytest.raises(NumericalError) as caught:
        integrate(f, a, b)
    assert str(caught.value).startswith(refusal)


# --- multivariate: _in_coordinates, _line_of -----------------------------------------


def test_a_refusal_on_a_scaled_line_says_what_t_is():
    with pytest.raises(NumericalError) as caught:
        grad(lambda p: math.sin(p[0]))([1e13])
    assert str(caught.value).startswith(
        "on the line where t = x[0] / 2**43 (x[0] = 10000000000000.0; x and the scales below "
        "are in t): f varies on the scale of the float spacing near x=1.1368683772161603"
    )


def test_a_refusal_along_the_first_coordinate_names_it():
    with pytest.raises(DomainError) as caught:
        grad(lambda p: abs(p[0]))([0.0, 1.0])
    assert str(caught.value).startswith(
        "along x[0] at x = [0.0, 1.0]: no derivative of f at x=0.0 was found"
    )


def test_a_step_that_moves_no_coordinate_is_refused_for_differences_only():
    def f(p):
        return p[0] ** 2

    with pytest.raises(NumericalError) as caught:
        directional_derivative(f, [1.0], [1.0], method="central", h=1e-17)
    assert str(caught.value).startswith(
        "the step h=1e-17 (in units of the coordinates' size) moves no coordinate of the "
        "point [1.0]: each x_i + h d_i rounds to x_i"
    )
    # Jets and the complex step take no real step: h is not used.
    for method in ("ad", "auto", "complex"):
        assert directional_derivative(f, [1.0], [1.0], method=method, h=1e-17) == 2.0


def test_a_jacobian_by_differences_shares_f_between_its_outputs():
    calls = []

    def f(p):
        calls.append(p)
        return [float(p[0]) ** 2 * float(p[1]), float(p[0]) + float(p[1]) ** 3]

    jacobian(f, method="central")([0.5, 0.25])
    assert len(calls) == 5


# --- _richardson: DERFAST's _still_leaving, _allowed, _left_behind, _further_stands ----


@pytest.mark.parametrize(
    ("distances", "leaving"),
    [([], False), ([1.0], False), ([1.0, 2.0], True), ([2.0, 1.0], False), ([1.0, 1.0], False)],
)
def test_quotients_still_leave_while_the_last_is_farther_than_the_one_before(distances, leaving):
    assert _richardson._still_leaving(distances) is leaving


def test_a_quotient_below_the_rows_may_lie_as_far_as_the_expansion_allows():
    # (|last - value| + error) * rate + error
    assert _richardson._allowed(0.25, 1.0, 0.5, 3.0) == 1.125
    assert _richardson._allowed(0.25, 3.0, 0.5, 1.0) == 1.125


class _Quotients:
    """A stand-in Sampler: the steps taken and their quotients, ``q`` or ``(q, noise)``.

    None stands for a quotient whose samples failed.
    """

    def __init__(self, quotients: dict, kind: str = "central", n: int = 1, more=()):
        self.steps = [(kind, n, step) for step in quotients] + list(more)
        self.quotients = quotients
        self.asked: list[tuple[str, int, float]] = []

    def quotient(self, kind: str, n: int, step: float) -> tuple[float, float, None]:
        self.asked.append((kind, n, step))
        entry = self.quotients[step]
        if entry is None:
            raise NumericalError("f failed")
        quotient, noise = entry if isinstance(entry, tuple) else (entry, 0.0)
        return quotient, noise, None


def _estimate(
    value: float, error: float, smallest: float = 1.0, last: float | None = None, kind="central"
):
    window = [(smallest, value if last is None else last)]
    return SimpleNamespace(value=value, error=error, kind=kind, smallest=smallest, window=window)


# Below the rows (smallest step 1), from an estimate 0 +- 0: 1 at step 0.5 departs (the
# expansion allows 0), and its distance joins the error: 5 at 0.25 departs (it allows
# 1 * 0.25**2 + 1, twice that 2.125), farther than 1.
LEAVING = {0.5: 1.0, 0.25: 5.0}


def test_quotients_below_the_rows_that_keep_leaving_are_left_behind():
    sampler = _Quotients(LEAVING | {2.0: 50.0})  # 2.0: above the rows, not read
    assert _richardson._left_behind(sampler, _estimate(0.0, 0.0), 1)
    assert sampler.asked == [("central", 1, 0.5), ("central", 1, 0.25)]
    # 2 at 0.25 is within twice what is allowed: one departure only.
    assert not _richardson._left_behind(_Quotients({0.5: 1.0, 0.25: 2.0}), _estimate(0.0, 0.0), 1)
    # From 0 +- 1, 1 at 0.5 is within twice 1 * 0.25 + 1: again one departure.
    assert not _richardson._left_behind(_Quotients(LEAVING), _estimate(0.0, 1.0), 1)
    # Another order, another kind, or a window of no rows: not read.
    assert not _richardson._left_behind(_Quotients(LEAVING, n=2), _estimate(0.0, 0.0), 1)
    forward = _Quotients(LEAVING, kind="forward")
    assert not _richardson._left_behind(forward, _estimate(0.0, 0.0), 1)
    empty = _estimate(0.0, 0.0)
    empty.window = []
    assert not _richardson._left_behind(_Quotients(LEAVING), empty, 1)


@pytest.mark.parametrize(
    ("early", "further", "n", "sampler", "stands"),
    [
        ((1.0, 0.5), (1.0, 0.5), 2, {}, True),
        ((1.0, 0.5), (2.0, 0.5), 2, {}, True),  # exactly the two errors apart
        ((1.0, 0.5), (-1.0, 0.5), 2, {}, False),
        ((1.0, 1.0), (2.2, 0.5), 2, {}, True),  # within 1.5, not within 1.0 - 0.5
        ((0.0, 0.0), (5.0, 0.0), 1, {0.5: 1.0, 0.25: 2.0}, False),  # one departure
        ((0.0, 0.0), (5.0, 0.0), 1, LEAVING, True),  # a first derivative left behind
        ((0.0, 0.0), (5.0, 0.0), 2, LEAVING, False),  # only a first derivative's walk
    ],
)
def test_a_walk_past_an_early_stop_stands_within_the_errors_or_when_left_behind(
    early, further, n, sampler, stands
):
    kind_n = 1 if n == 1 else 2
    quotients = _Quotients(sampler, n=kind_n)
    result = _richardson._further_stands(
        quotients, n, _estimate(*early), SimpleNamespace(value=further[0], error=further[1])
    )
    assert result is stands


# --- _richardson: DERSHIFT's _blind -----------------------------------------------------


def _sampled_at(f: Callable[[float], float], x: float, points: list[float]) -> _richardson.Sampler:
    sampler = _richardson.Sampler(f, x)
    for point in points:
        sampler(point)
    return sampler


def _spike(x: float, tails: Callable[[float], float]) -> Callable[[float], float]:
    """1 at x; elsewhere ``tails(|t - x|)``."""
    return lambda t: 1.0 if t == x else tails(abs(t - x))


def test_a_stencil_blind_to_a_feature_at_x_sees_one_value_off_x_out_to_twice_its_reach():
    x = 3.0
    f = _spike(x, lambda d: 0.0)
    sampler = _sampled_at(f, x, [x, x - 0.5, x + 0.5])
    assert _richardson._blind(sampler, "central", 1, 0.5)
    assert sampler.calls == 4  # and f at x + 2 * 0.5, not kept among the samples
    assert x + 1.0 not in sampler.values
    # The second derivative's stencil (x - h, x, x + h) likewise; its farthest offset is h.
    assert _richardson._blind(_sampled_at(f, x, [x, x - 0.5, x + 0.5]), "central", 2, 0.5)


@pytest.mark.parametrize(
    ("tails", "sampled", "kind", "looks_past"),
    [
        (lambda d: 0.5 if d < 0.75 else 0.25, [3.0, 2.5, 3.5], "central", True),  # even
        (lambda d: 0.0, [3.0, 3.5], "forward", True),  # one point off x
        (lambda d: 0.0, [3.0, 2.5], "central", True),  # x + h not sampled
        (lambda d: 0.0, [2.5, 3.5], "central", True),  # x not sampled
        (lambda d: 0.0 if d < 0.75 else 1.0, [3.0, 2.5, 3.5], "central", True),
        (lambda d: 1.0, [3.0, 2.5, 3.5], "central", True),  # f(x) among the others
        (lambda d: 0.0, [3.0, 2.5, 3.5], "central", False),  # a walk found nothing there
    ],
    ids=["even", "forward", "x + h", "x", "farther", "one value", "looked past"],
)
def test_no_blindness_without_one_value_off_x_out_to_twice_the_reach(
    tails, sampled, kind, looks_past
):
    x = 3.0
    sampler = _sampled_at(_spike(x, tails), x, sampled)
    sampler.looks_past = looks_past
    assert not _richardson._blind(sampler, kind, 1, 0.5)


def test_no_blindness_where_f_fails_twice_as_far_out():
    def f(t: float) -> float:
        if t > 3.75:
            raise ValueError("math domain error")
        return 1.0 if t == 3.0 else 0.0

    assert not _richardson._blind(_sampled_at(f, 3.0, [3.0, 2.5, 3.5]), "central", 1, 0.5)


def test_no_blindness_where_f_differs_on_the_two_sides():
    f = lambda t: 1.0 if t == 3.0 else (0.0 if t < 3.0 else 0.1)  # noqa: E731
    assert not _richardson._blind(_sampled_at(f, 3.0, [3.0, 2.5, 3.5]), "central", 1, 0.5)


# Each case: the estimate (value 0; its error, smallest step and kind) and the quotients
# below it. The expansion allows (|last - value| + error) * (step/smallest)**p + error,
# p = 2 central, 1 forward; a quotient beyond twice that plus 4 noise departs, and its
# distance joins the error.
@pytest.mark.parametrize(
    ("error", "smallest", "kind", "quotients", "left"),
    [
        # central, error 1: 2.6 at 0.5 departs (2 * 1.25 = 2.5), then 100 at 0.25
        (1.0, 1.0, "central", {0.5: 2.6, 0.25: 100.0}, True),
        # ... 2.4 does not (a cube would allow 2.25): 100 alone
        (1.0, 1.0, "central", {0.5: 2.4, 0.25: 100.0}, False),
        # forward, error 1: 2.6 at 0.5 is within 2 * 1.5 = 3
        (1.0, 1.0, "forward", {0.5: 2.6, 0.25: 100.0}, False),
        # smallest 2: 2.2 at 0.5 departs (1 * (1/4)**2 + 1, twice 2.125), then 100
        (1.0, 2.0, "central", {0.5: 2.2, 0.25: 100.0}, True),
        # a step equal to the smallest is the rows' own: not read
        (0.0, 1.0, "central", {1.0: 10.0, 0.5: 1.0, 0.25: 5.0}, True),
        # a quotient whose samples failed is passed over
        (0.0, 1.0, "central", {0.75: None, 0.5: 1.0, 0.25: 5.0}, True),
        # exactly the allowance (0) is no departure
        (0.0, 1.0, "central", {0.5: 0.0, 0.25: 1.0}, False),
        # noise 0.25: 0.9 at 0.5 is within 4 noise, 1.1 is not
        (0.0, 1.0, "central", {0.5: (0.9, 0.25), 0.25: (5.0, 0.0)}, False),
        (0.0, 1.0, "central", {0.5: (1.1, 0.25), 0.25: (5.0, 0.0)}, True),
        # the error grows by each departure: from 1, 10 at 0.5 makes it 11, and 22 at 0.25
        # is within twice 11 / 16 + 11 = 23.375 (not 21.25, from 10 alone)
        (1.0, 1.0, "central", {0.5: 10.0, 0.25: 22.0}, False),
    ],
)
def test_what_counts_as_leaving_the_rows(error, smallest, kind, quotients, left):
    sampler = _Quotients(quotients, kind=kind)
    estimate = _estimate(0.0, error, smallest=smallest, kind=kind)
    assert _richardson._left_behind(sampler, estimate, 1) is left


def test_a_one_sided_stencil_of_two_points_off_x_reads_twice_its_farthest():
    x, h = 3.0, 0.5
    # forward, n = 2: x + h, x + 2h off x; twice the farthest is x + 4h.
    f = _spike(x, lambda d: 0.0)
    assert _richardson._blind(_sampled_at(f, x, [x, x + h, x + 2 * h]), "forward", 2, h)
    # backward, n = 2: twice the farthest is x - 4h, where f is 1 again: not blind.
    g = _spike(x, lambda d: 0.0 if d <= 2 * h else 1.0)
    assert not _richardson._blind(_sampled_at(g, x, [x, x - h, x - 2 * h]), "backward", 2, h)
    # central: at twice its reach (1.0) f is still 0, though not at three times.
    k = _spike(x, lambda d: 0.0 if d <= 2 * h else 1.0)
    assert _richardson._blind(_sampled_at(k, x, [x, x - h, x + h]), "central", 1, h)


# --- integrate: INTSTEP's _jump_gap ------------------------------------------------------

BOTH_ENDS, NO_END = (True, True), (False, False)


@pytest.mark.parametrize(
    ("line", "ends", "gap"),
    [
        ([(0.0, 0.0), (1.0, 1.0)], BOTH_ENDS, None),  # one gap: nothing beside it
        ([(0.0, 0.0), (1.0, 0.0), (2.0, 1.0), (3.0, 1.0)], NO_END, 1),  # a step
        ([(0.0, 0.0), (0.5, 0.0), (2.0, 1.0), (2.25, 1.0)], NO_END, 1),  # unequal gaps
        ([(0.0, 1.0), (1.0, 0.0), (2.0, -1.0), (3.0, -2.0)], NO_END, None),  # a line down
        # a line with a kink: the lines disagree by exactly twice the steps beside (2)
        ([(0.0, 0.0), (1.0, 1.0), (2.0, 4.0), (3.0, 5.0)], NO_END, None),
        ([(0.0, 0.0), (1.0, 1.0), (2.0, 4.5), (3.0, 5.5)], NO_END, 1),
        # slopes 0 and 0.05 beside the gap: ten times their change (0.5) is below 0.975
        ([(0.0, 0.0), (1.0, 0.0), (2.0, 1.0), (3.0, 1.05)], NO_END, 1),
        ([(0.0, 0.0), (1.0, 0.0), (2.0, 1.0), (3.0, 1.25)], NO_END, None),  # 2.5: a bend
        ([(0.0, 1.25), (1.0, 1.0), (2.0, 0.0), (3.0, 0.0)], NO_END, None),  # mirrored
        # within rounding: 2**-47 is below 50 eps of 1, 2**-46 is not
        ([(0.0, 1.0), (1.0, 1.0), (2.0, 1.0 + 2.0**-47), (3.0, 1.0 + 2.0**-47)], NO_END, None),
        ([(0.0, 1.0), (1.0, 1.0), (2.0, 1.0 + 2.0**-46), (3.0, 1.0 + 2.0**-46)], NO_END, 1),
        # 76 ulps of 0.75 (2**-53 each) is above 50 eps of 0.75 (75 of them), 74 is not
        (
            [(0.0, 0.75), (1.0, 0.75), (2.0, 0.75 + 76 * 2.0**-53), (3.0, 0.75 + 76 * 2.0**-53)],
            NO_END,
            1,
        ),
        (
            [(0.0, 0.75), (1.0, 0.75), (2.0, 0.75 + 74 * 2.0**-53), (3.0, 0.75 + 74 * 2.0**-53)],
            NO_END,
            None,
        ),
        # relative to f's size: 2**-37 is below 50 eps of 1024
        (
            [(0.0, 1024.0), (1.0, 1024.0), (2.0, 1024.0 + 2.0**-37), (3.0, 1024.0 + 2.0**-37)],
            NO_END,
            None,
        ),
        # slope 1 on both sides, unequal spacing: the steps beside are 4 and 0.5; a gap of
        # 6 is off the lines by 5, within twice the larger of them
        ([(0.0, 0.0), (4.0, 4.0), (5.0, 10.0), (5.5, 10.5)], NO_END, None),
        ([(0.0, 0.0), (0.5, 0.5), (1.5, 6.5), (5.5, 10.5)], NO_END, None),
        ([(0.0, 0.0), (4.0, 4.0), (5.0, 14.0), (5.5, 14.5)], NO_END, 1),
        # slopes 0 and 3/32: off the lines by 0.953125, above ten times their change
        ([(0.0, 0.0), (1.0, 0.0), (2.0, 1.0), (3.0, 1.09375)], NO_END, 1),
        # the first or last gap: only at an end of the interval, beside a flat side
        ([(0.0, 15.0), (1.0, 10.0), (2.0, 9.0)], (True, False), 0),  # 1 <= 0.1 * 10
        ([(0.0, 15.0), (1.0, 10.0), (2.0, 9.0)], (False, True), None),
        ([(0.0, 16.0), (1.0, 10.0), (2.0, 8.8)], (True, False), None),  # 1.2: not flat
        ([(0.0, 9.0), (1.0, 8.0), (2.0, 8.25)], (True, False), None),  # exactly 4 times
        ([(0.0, 9.125), (1.0, 8.0), (2.0, 8.25)], (True, False), 0),
        ([(0.0, 9.0), (1.0, 10.0), (2.0, 15.0)], (False, True), 1),
        ([(0.0, 9.0), (1.0, 10.0), (2.0, 15.0)], (True, False), None),
        ([(0.0, 8.8), (1.0, 10.0), (2.0, 16.0)], (False, True), None),
        ([(0.0, 8.25), (1.0, 8.0), (2.0, 9.0)], (False, True), None),
        ([(0.0, 8.25), (1.0, 8.0), (2.0, 9.125)], (False, True), 1),
        # four samples: the side is the two beside the gap, not the third
        ([(0.0, 15.0), (1.0, 10.0), (2.0, 9.0), (3.0, 100.0)], (True, True), 2),
        ([(0.0, 100.0), (1.0, 9.0), (2.0, 10.0), (3.0, 15.0)], (True, True), 0),
        ([(0.0, 30.0), (1.0, 10.0), (2.0, 9.0), (3.0, 6.0)], (True, False), 0),
        ([(0.0, 6.0), (1.0, 9.0), (2.0, 10.0), (3.0, 30.0)], (False, True), 2),
        # the side of the first or last gap is two samples: a third, 16, would make 1.2 flat
        ([(0.0, 16.0), (1.0, 10.0), (2.0, 8.8), (3.0, 100.0)], (True, True), None),
        ([(0.0, 100.0), (1.0, 8.8), (2.0, 10.0), (3.0, 16.0)], (True, True), None),
    ],
)
def test_a_jump_between_samples_is_the_gap_no_line_explains(line, ends, gap):
    assert _jump_gap(line, ends) == gap


# --- integrate: INTSTEP's _Panels._bracket_jump (on a stand-in for the panels) ------------


def _bracketed(g: Callable[[float], float], rises=()):
    panels = SimpleNamespace(rises=list(rises), nfev=0, g=g, searched=[])
    panels._searched_at = lambda t: _Panels._searched_at(panels, t)  # INTHANG's one call
    found = _Panels._bracket_jump(panels, (0.0, g(0.0)), (1.0, g(1.0)))
    return found, panels.nfev, panels.rises


def _step(t: float) -> float:
    return 0.0 if t < 0.3 else 1.0


JUST_BELOW_03 = 0.29999999999999993  # the float before 0.3


def test_a_jump_is_bracketed_to_neighbouring_floats_one_call_a_halving():
    assert _bracketed(_step) == (((JUST_BELOW_03, 0.0), (0.3, 1.0)), 54, [])


def test_a_value_midway_keeps_the_lower_half_and_half_the_difference_is_kept():
    # f(0.5) = 0.5: the halves differ alike; the lower is kept, with exactly half.
    g = lambda t: 0.0 if t < 0.5 else (0.5 if t == 0.5 else 1.0)  # noqa: E731
    assert _bracketed(g)[0] == ((0.49999999999999994, 0.0), (0.5, 0.5))


def test_a_difference_grown_to_exactly_twice_is_still_a_jump():
    g = lambda t: 0.0 if t < 0.3 else (2.0 if t <= 0.5 else 1.0)  # noqa: E731
    assert _bracketed(g)[0] == ((JUST_BELOW_03, 0.0), (0.3, 2.0))


def test_a_rise_or_a_pole_is_no_jump_and_is_remembered():
    assert _bracketed(lambda t: t) == (None, 2, [(0.0, 0.25)])  # lost half twice
    # grew; and at the float beside too (INTHANG: one more call), so a pole, not a
    # value of its own at one float
    assert _bracketed(lambda t: 1 / (t - 0.3)) == (None, 3, [(0.25, 0.5)])


@pytest.mark.parametrize(
    ("rise", "searched"),
    [((0.5, 2.0), True), ((0.0, 0.5), False), ((-1.0, 0.5), True), ((0.25, 1.0), False)],
)
def test_a_gap_around_a_remembered_rise_is_not_searched(rise, searched):
    found = _bracketed(_step, [rise])[0]
    assert found == (((JUST_BELOW_03, 0.0), (0.3, 1.0)) if searched else None)
