"""Mutation tests for the numerical code session 28 added (MUT21, session 29).

tools/mutation/one_function.py made mutmut 3.8.1's mutants of session 28's new
and rewritten functions (tools/mutation/HISTORY.md, "Session 29"); each ran
against the test files session 28 added with it, and each test below kills
survivors of those files: a boundary the code states, hit exactly, values set
by hand, or a public result pinned whole. No mpmath and no numpy: these run
inside Pyodide too.
"""

from __future__ import annotations

import math
import struct
from collections.abc import Callable

import pytest

from calcweb import (
    ArgumentTypeError,
    InvalidArgumentError,
    Jet,
    NumericalError,
    Value,
    directional_derivative,
    hessian,
    integrate,
    limit,
)
from calcweb._derivative import (
    DerivativeResult,
    _refuse_without_a_digit,
    _scale_shown,
    _without_a_digit,
)
from calcweb._gauss_kronrod import (
    K21,
    Rule,
    _node_rounding,
    _rounding_floor,
    positions,
    rounding_unit,
)
from calcweb.limits import (
    DROP,
    ULPS,
    _between_levels,
    _Counted,
    _farthest_valid,
    _OneSided,
    _passes_to_a_level,
    _past_the_change,
)
from calcweb.multivariate import _across_scales, _sum_of
from calcweb.optim import RMSprop
from calcweb.optim.optimizers import _flag_check, _nonnegative_check

EPS = 2.0**-52

# --- _gauss_kronrod: rounding_unit and _rounding_floor --------------------------------------


def _float32(v: float) -> float:
    rounded: float = struct.unpack("f", struct.pack("f", v))[0]
    return rounded


def _with_bits(bits: int, k: int) -> float:
    """A value in [1, 2) with exactly ``bits`` significant bits (its last 1 at bit bits - 1)."""
    return 1.0 + (2 * k + 1) * 2.0 ** (1 - bits)


def _unit_of(bits: list[int]) -> float:
    """`rounding_unit` of distinct values with these significant bits, no node grid (a = b)."""
    return rounding_unit(K21, [_with_bits(n, k) for k, n in enumerate(bits)], 0.0, 0.0)


@pytest.mark.parametrize(
    ("bits", "unit"),
    [
        ([24] * 5, 2.0**-23),  # COARSE_DISTINCT values are enough
        ([20, 22, 23, 23, 24], 2.0**-23),  # p is the most bits any sample has
        ([40] * 5, 2.0**-39),  # COARSE_BITS' top, 40 bits, is still coarse
        ([11] * 5, 2.0**-10),  # and its bottom, 11
        ([15, 15, 15, 24, 24, 24], 2.0**-23),  # the median, not a lower share, within SPREAD
        ([20, 20, 20, 24, 24], 2.0**-23),  # the median exactly COARSE_SPREAD bits below p
        ([24] * 4, EPS),  # fewer than COARSE_DISTINCT say nothing
        ([41] * 5, EPS),  # more than 40 bits: float64's
        ([10] * 5, EPS),  # fewer than 11
        ([19, 19, 19, 24, 24], EPS),  # the median more than COARSE_SPREAD below p
    ],
)
def test_the_coarse_unit_reads_each_bound_as_stated(bits: list[int], unit: float) -> None:
    assert _unit_of(bits) == unit


def test_zero_samples_are_left_out_of_the_coarse_unit() -> None:
    # 0.0 has no significant bits to count (read as 54, it would make f float64's).
    values = [_with_bits(24, k) for k in range(5)]
    assert rounding_unit(K21, [0.0, *values, 0.0, 1.0], 0.0, 0.0) == 2.0**-23


def test_the_rounding_floor_is_50_ulps_of_the_absolute_integral_for_float64() -> None:
    values = [1.0 + k * 0.1 for k in range(21)]  # float64 values; a = b: no node rounding
    assert _rounding_floor(K21, values, [1.0] * 21, 0.0, 0.0, absolute=3.0) == 150.0 * EPS


def test_a_coarse_float_rounds_its_nodes_as_coarsely() -> None:
    # f in a 24-bit float on [1, 3]: the floor is ROUNDING_ULPS of its ulps of ∫|f| plus
    # the nodes' rounding at 2**-23 of |x|, not at eps (2**29 times smaller).
    xs = [2.0 + u for u in positions(K21)]
    values = [_float32(1.0 + 0.25 * x) for x in xs]
    assert rounding_unit(K21, values, 1.0, 3.0) == 2.0**-23
    weights = [1.0] * 21
    nodes = _node_rounding(list(positions(K21)), values, weights, 1.0, 3.0, unit=2.0**-23)
    assert nodes > 2.0**20 * _node_rounding(list(positions(K21)), values, weights, 1.0, 3.0)
    floor = _rounding_floor(K21, values, weights, 1.0, 3.0, absolute=2.0)
    assert floor == 4.0 * 2.0**-23 * 2.0 + nodes


def test_a_grid_exactly_x_grid_times_the_nodes_rounding_is_x_s() -> None:
    # Five nodes at -1, -0.5, 0, 0.5, 1 on [2**30 - 2, 2**30]: a node is known to
    # eps 2**30 = 2**-22, so a step dy between neighbours 0.5 apart moves f by up to
    # dy 2**-21 there; X_GRID (16) times that is 2**-23 max|f| (24-bit values) when
    # dy = 2**-6 max|f| = 1.5 2**-6: a grid no coarser than X_GRID times x's rounding.
    five = Rule(nodes=(1.0, 0.5, 0.0), kronrod=(0.0,) * 3, gauss=(0.0,) * 3)
    near = [1.5 - k * 2.0**-23 for k in (1, 3, 5)]
    a, b = 2.0**30 - 2.0, 2.0**30
    assert rounding_unit(five, [1.5 - 1.5 * 2.0**-6, 1.5, *near], a, b) == EPS
    finer = 1.5 - 1.5 * 2.0**-6 + 2.0**-23  # one 24-bit step less: f's own grid
    assert rounding_unit(five, [finer, 1.5, *near], a, b) == 2.0**-23


def test_a_float32_refusal_gives_its_bits_and_step_in_full() -> None:
    def sin32(x: float) -> float:
        return _float32(math.sin(_float32(x)))

    advice = (
        "; f's values all have at most 24 significant bits (float32 has 24), so f is a "
        "staircase with steps of up to 2**-23 of |f|: compute it in float64 (Python "
        "floats), or pass a larger tol"
    )
    with pytest.raises(NumericalError) as raised:
        integrate(sin32, 0.0, 2.0, tol=1e-10)
    assert str(raised.value).endswith(advice), raised.value


def test_a_float64_refusal_for_rounding_has_no_coarse_float_advice() -> None:
    def f(x: float) -> float:
        return sum(math.sin(k * x) for k in range(1, 40))

    with pytest.raises(NumericalError, match=r"above the tolerance [0-9.e-]+; pass a larger tol$"):
        integrate(f, 0.0, 1.0, tol=1.2e-14)


WHERE_03 = (
    "f fails or is infinite at x=0.3, inside the interval, where bisection closed in on it; "
    "so the integral is the sum of those over its two sides, each found on its own"
)


def test_a_singular_point_inside_is_the_end_of_two_integrals_summed() -> None:
    # ∫_0^1 |x - 0.3|**-0.5 dx = 2 (sqrt(0.3) + sqrt(0.7)) = 2.7687651680784...
    result = integrate(lambda x: abs(x - 0.3) ** -0.5, 0.0, 1.0, full_output=True)
    exact = 2.0 * (math.sqrt(0.3) + math.sqrt(0.7))
    assert result.converged, result
    assert abs(result.value - exact) <= result.error, result
    assert result.method == "adaptive"
    assert result.intervals == 12  # the two sides' panels, added
    assert result.message.startswith(f"{WHERE_03}: the estimated error "), result.message
    assert " meets the tolerance " in result.message


@pytest.mark.parametrize("side", ["left", "right"])
def test_a_side_not_found_is_named_and_the_sum_not_converged(side: str) -> None:
    # |x - 0.3|**-0.5 on one side, 1/|x - 0.3| (not integrable) on the other.
    def f(x: float) -> float:
        diverging = x < 0.3 if side == "left" else x > 0.3
        return 1.0 / abs(x - 0.3) if diverging else abs(x - 0.3) ** -0.5

    result = integrate(f, 0.0, 1.0, full_output=True)
    assert not result.converged, result
    assert result.message.startswith(
        f"{WHERE_03}; the {side} one was not found: the integral probably diverges at x=0.3"
    ), result.message


# --- _derivative: _refuse_without_a_digit, _without_a_digit and _scale_shown ----------------


def _result(value: float, error: float, method: str = "richardson") -> DerivativeResult:
    return DerivativeResult(value, error, 40, method, 0.015)


def _never_called(t: float) -> float:
    raise AssertionError(f"f was called at {t}")


@pytest.mark.parametrize(
    "result", [_result(2.0, 2.0), _result(0.0, 9e99, "ad"), _result(0.0, 1.0, "complex")]
)
def test_a_digit_or_a_rounding_bound_is_kept_without_calling_f(result: DerivativeResult) -> None:
    # An error exactly the value's size still leaves a digit; jets' and the complex
    # step's errors are rounding bounds: no refusal, and f is not called to judge them.
    _refuse_without_a_digit(_never_called, 0.5, 1, result)


def test_an_answer_with_no_digit_is_refused_with_its_message_in_full() -> None:
    with pytest.raises(NumericalError) as raised:
        _refuse_without_a_digit(lambda t: 2.0 * t, 0.0, 1, _result(-1.6e23, 8.8e72))
    assert str(raised.value) == (
        "the derivative of order 1 at x=0.0 came out as -1.6e+23 +- 8.8e+72, with no correct "
        "digit: its error exceeds its size and 4, the smallest size of a derivative of order 1 "
        "that f's own values show within 0.015 of x, so it cannot tell the derivative from 0 "
        "on the scale on which f varies; with full_output=True (derivative, grad, jacobian, "
        "directional_derivative) the estimate comes with its error, and f written with "
        "calcweb's functions (calcweb.exp, calcweb.sin, ...) is differentiated exactly "
        "(Taylor mode)"
    )


def test_a_flat_f_s_refusal_says_its_values_show_no_change() -> None:
    with pytest.raises(
        NumericalError,
        match=r"and at no spacing within 0\.015 of x do f's own values change beyond "
        r"rounding on each side of x \(the estimate is not 0\), so",
    ):
        _refuse_without_a_digit(lambda t: 0.65, 0.0, 1, _result(-1.6e23, 8.8e72))


@pytest.mark.parametrize(
    ("result", "shown", "lacking"),
    [
        (_result(1.0, 1.0), 1e-300, False),  # error = |value|: a digit
        (_result(1.0, 0.5), 0.0, False),  # error below |value|
        (_result(0.0, 2.0), 2.0, False),  # error = the scale f shows: 0 within it
        (_result(0.0, 2.0000000000000004), 2.0, True),
        (_result(1e-3, 0.1), 1e3, False),
        (_result(0.0, 1e-10), 0.0, False),  # f shows no change: exactly 0 is kept
        (_result(5e-324, 1e-10), 0.0, True),  # ... and nothing else
    ],
)
def test_no_digit_is_an_error_beyond_value_and_the_scale_f_shows(
    result: DerivativeResult, shown: float, lacking: bool
) -> None:
    assert _without_a_digit(result, shown) is lacking


def test_the_scale_is_n_factorial_times_the_spread_over_h_to_the_n() -> None:
    # t**2 at 0: at x +- h and x +- h/2 the spread is 3 h**2 / 4, times 2! / h**2: 1.5
    assert _scale_shown(lambda t: t * t, 0.0, 2, 0.25) == 1.5
    # a line's spread over h is the same at every spacing: 3 t spreads by 6 h
    assert _scale_shown(lambda t: 3.0 * t, 0.0, 1, 0.25) == 6.0


def test_the_scale_leaves_out_f_x_and_takes_the_smallest_spacing_s() -> None:
    # A jump at the point alone is not seen (4: the spread 4h of 2t over h); 2 t + 1000
    # [t > 0.01] shows 4 at the spacings below the jump's distance (the smallest).
    assert _scale_shown(lambda t: 2.0 * t + (1e6 if t == 0.5 else 0.0), 0.5, 1, 0.015) == (
        pytest.approx(4.0)
    )
    assert _scale_shown(lambda t: 2.0 * t + (1e3 if t > 0.01 else 0.0), 0.0, 1, 0.015) == (
        pytest.approx(4.0)
    )


def _ulps_apart(k: float) -> Callable[[float], float]:
    """1 -+ k eps at x -+ 0.0075 and 1 -+ 2 k eps at x -+ 0.015 (x = 0); 1 -+ k eps nearer."""
    return lambda t: 1.0 + k * EPS * math.copysign(2.0 if abs(t) > 0.01 else 1.0, t)


def test_a_spread_within_rounding_shows_no_scale() -> None:
    # at 0.015 the spread is 4 k eps, within 4 eps of |f| for k = 1; nearer, f is the
    # same at h/2 and h on each side (a stair): those spacings show nothing
    assert _scale_shown(_ulps_apart(1.0), 0.0, 1, 0.015) == 0.0
    assert _scale_shown(_ulps_apart(2.0), 0.0, 1, 0.015) == 8 * EPS / 0.015


def test_a_side_where_f_stays_put_between_h_over_2_and_h_shows_nothing() -> None:
    # flat on the left: no spacing counts, though the right side moves (a stair's edge)
    assert _scale_shown(lambda t: max(t, 0.0), 0.0, 1, 0.015) == 0.0
    assert _scale_shown(lambda t: max(t, 0.0) + 1e-3 * t, 0.0, 1, 0.015) > 0.0


def test_the_spacings_run_from_the_step_down_by_quarters_9_times() -> None:
    seen: list[float] = []

    def f(t: float) -> float:
        seen.append(t)
        return t

    _scale_shown(f, 0.0, 1, 0.25)
    assert sorted({abs(t) for t in seen}) == [
        0.25 / 4**j / d for j in range(8, -1, -1) for d in (2, 1)
    ]
    assert len(seen) == 36


def test_points_where_f_fails_are_left_out() -> None:
    # log(t) at 0.01, walked one-sided: the points left of 0 fail
    shown = _scale_shown(math.log, 0.01, 1, 0.015)
    assert 1.0 < shown < 1e9


# --- limits: _past_the_plateau -----------------------------------------------------------


@pytest.mark.parametrize(
    ("f", "x0", "c"),
    [
        (lambda x: 1.0 - math.exp(-(1.0 / x) / 1e-13), math.inf, 0.0),
        (lambda x: 0.25 * (1.0 - math.exp(-(1.0 / x) / 4e-14)), math.inf, 0.0),
        (lambda x: -0.5 * (1.0 - math.exp((1.0 / x) / 7e-14)), -math.inf, 0.0),
        (lambda x: math.tanh(-(1.0 / x) / 1e-13), -math.inf, 0.0),
        (lambda x: -0.5 + (1.0 - math.exp(-(1.0 / x) / 1e-13)), math.inf, -0.5),  # 0.5 onto -0.5
    ],
)
def test_a_fall_off_a_far_plateau_at_infinity_is_followed_to_c(
    f: Callable[[float], float], x0: float, c: float
) -> None:
    # c + A g(t/w), t = 1/|x| (fallscan's +-inf draws, seed 1): f is c + A exactly out
    # to |x| ~ 1/(38 w) and falls smoothly onto c beyond; without the plateau cut
    # (_past_the_plateau) the samples were not converged, 1e-5 off.
    result = limit(f, x0, full_output=True)
    assert result.converged, result
    assert abs(result.value - c) <= result.error < 1e-10, result


ROOM = ULPS * EPS  # ULPS ulps of max(|value|, |level|) = 1: a step of f's rounding


@pytest.mark.parametrize(
    ("usual", "deep", "stuck", "passes"),
    [
        ([1.0] * 3, [1.0, 0.75, 0.5, 0.5, 0.5], 2, True),  # 0.75 between 1 and 0.5
        ([1.0, 2.0], [1.0, 0.75, 0.5, 0.5, 0.5], 2, False),  # f not one value at the usual
        ([1.0] * 3, [0.5, 0.5, 0.75], 0, False),  # no sample before the run
        ([1.0] * 3, [1.0, 0.75], 2, False),  # no run
        ([1.0] * 3, [0.75, 0.5 + ROOM, 0.5], 2, False),  # within the rounding of each
        ([1.0] * 3, [0.75, 1.0 - ROOM, 0.5], 2, False),
        ([1.0] * 3, [0.75, 0.5 - ROOM / 4.0, 0.5], 2, False),  # beyond either is not between
        ([1.0] * 3, [0.75, 1.0 - ROOM / 4.0, 0.5], 2, False),
        ([1.0] * 3, [0.75, 0.5 + 2.0 * ROOM, 0.5], 2, True),
        ([1.0] * 3, [0.75, 1.0 - 2.0 * ROOM, 0.5], 2, True),
    ],
)
def test_a_pass_to_a_level_lies_between_beyond_the_rounding_of_each(
    usual: list[float], deep: list[float], stuck: int, passes: bool
) -> None:
    assert _passes_to_a_level(usual, deep, stuck, 1.0) is passes


def test_the_rounding_room_is_relative_to_the_larger_size() -> None:
    # At 4.27, ULPS ulps of 4.27: a sample half that far above the level is its rounding.
    room = ULPS * EPS * 4.27
    assert not _passes_to_a_level([4.27] * 3, [4.0, 4.26 + room / 2.0, 4.26], 2, 4.27)
    assert _passes_to_a_level([4.27] * 3, [4.0, 4.26 + 2.0 * room, 4.26], 2, 4.27)


def _summed(changes: list[float], start: float = 0.0) -> list[float]:
    """Samples from ``start`` that move by ``changes`` (dyadic: every sum exact)."""
    values = [start]
    for change in changes:
        values.append(values[-1] + change)
    return values


RISE = [0.0, 0.5, 1.0, 2.0, 8.0]  # quiet first, then SMOOTH changes growing to the largest
FALL = [4.0, 2.0, 1.0, 0.5, 0.25]  # every change after it smaller, none 0


@pytest.mark.parametrize(
    ("changes", "index"),
    [
        (RISE + FALL, 4),  # the sample before the largest change
        (RISE + FALL[:4], 4),  # MIN_SAMPLES from it exactly
        (RISE + FALL[:3], 0),  # one fewer
        ([0.0, 0.5, 2.0, 1.0, 8.0, *FALL], 0),  # not growing at every step
        ([0.0, 0.5, 1.0, 1.0, 8.0, *FALL], 4),  # equal changes still grow steadily
        ([0.0, 1.0, 2.0, 8.0, *FALL], 0),  # fewer than SMOOTH growing
        ([*RISE, 4.0, 4.0, 2.0, 1.0, 0.5], 0),  # not shrinking at every step
        ([*RISE, 4.0, 2.0, 1.0, 0.5, 0.0], 0),  # a change of 0 after it (a cap)
        ([1.0, 0.5, 1.0, 2.0, 8.0, *FALL], 0),  # the first change not quiet
        ([0.0, 1.0, 1.0, 2.0, 8.0, *FALL], 4),  # the second need not be
        ([], 0),
    ],
)
def test_a_change_of_level_is_a_steady_rise_to_the_largest_change_then_a_fall(
    changes: list[float], index: int
) -> None:
    assert _past_the_change(_summed(changes)) == index


def test_the_first_change_may_be_drop_of_the_largest() -> None:
    quiet = DROP * 8.0  # changes[0] exactly this, the others dyadic from 0
    values = [-quiet, *_summed([0.5, 1.0, 2.0, 8.0, *FALL])]
    assert _past_the_change(values) == 4
    values = [-quiet * 1.5, *_summed([0.5, 1.0, 2.0, 8.0, *FALL])]
    assert _past_the_change(values) == 0


def test_the_largest_change_must_be_beyond_reach_above_roundings_of_the_samples() -> None:
    # The largest change, 8 = 2**3, is REACH_ABOVE eps = 2**-42 times 2**45 exactly.
    changes = RISE + FALL
    top = 2.0**45
    assert _past_the_change(_summed(changes, top - sum(changes))) == 0
    top = 2.0**44
    assert _past_the_change(_summed(changes, top - sum(changes))) == 4


FAR_REFUSAL = (
    "f settles on 1 at the points sampled on the left, out to |x| = 6.5e91, but farther "
    "out, at x = 3.919106648525874e+202, it is {}: f changes level on a scale beyond those "
    "points, and the samples there cannot tell where it settles. Substitute x = s*u, s near "
    "where f changes (limit(lambda u: f(s*u), inf)), so that the usual points see the "
    "change; pass full_output=True to get the estimate anyway"
)


def test_a_level_change_past_the_deepest_step_is_followed_with_its_message_whole() -> None:
    # 1 - 7/(1 + (x/1e200)**2) is -6.0 exactly out to 1.05e192 and 1.0 from 3.6e208 on.
    result = limit(lambda x: 1.0 - 7.0 / (1.0 + (x / 1e200) ** 2), math.inf, full_output=True)
    assert result.converged, result
    assert abs(result.value - 1.0) <= result.error < 1e-13, result
    assert result.message == (
        "f settles on -6 at the points sampled on the left, out to |x| = 6.5e91, but changes "
        "level farther out, from about x = 9.12488123524439e+192, and settles on 1 out to "
        "|x| = 2**993"
    )


@pytest.mark.parametrize(("size", "shown"), [(3.0, "4"), (1e-13, "1.0000000000001")])
def test_a_level_change_within_one_far_step_is_refused_with_f_there(
    size: float, shown: str
) -> None:
    # f is 1 at every usual point and 1 + size from 2**673 on; 1 + 1e-13 prints as 1 to 10
    # digits, so it is shown in full.
    f = lambda x: 1.0 + size * math.tanh((x / 1e200) ** 8)  # noqa: E731
    result = limit(f, math.inf, full_output=True)
    assert (result.value, result.error, result.converged) == (1.0, math.inf, False)
    assert result.message == FAR_REFUSAL.format(shown)


@pytest.mark.parametrize(
    ("fails_from", "index"),
    [(16, 15), (15, 14), (10, 9), (2, 1), (1, 0)],
)
def test_the_farthest_valid_step_is_the_last_before_f_fails(fails_from: int, index: int) -> None:
    # steps 2**0 .. 2**15; f(x) = x - 0.5 fails (a float overflow) from step fails_from on.
    def f(x: float) -> float:
        if x >= 2.0**fails_from:
            raise OverflowError("math range error")
        return x - 0.5

    found, value = _farthest_valid(_Counted(f), lambda s: s, [2.0**k for k in range(16)])
    assert found == index
    if index:
        assert value == 2.0**index - 0.5
    else:
        assert math.isnan(value)  # every step past the first fails


def test_f_is_sampled_out_to_2_to_the_993_not_short_of_it() -> None:
    # -6 + 7 tanh((x/1e300)**8) is -6.0 exactly out to 2**989 and -5.999999983 at 2**993:
    # refused, naming f there. A far end FAR_RATIO**2 nearer (2**961) answered -6 +- 1.3e-15,
    # converged, for the limit 1.
    result = limit(lambda x: -6.0 + 7.0 * math.tanh((x / 1e300) ** 8), math.inf, full_output=True)
    assert (result.value, result.error, result.converged) == (-6.0, math.inf, False)
    assert "it is -5.999999983: f changes level" in result.message, result.message


def _levels(x: float) -> float:
    """1 out to 2**17, 2.5 to 2**17.5, 4 beyond: a change of level through a value between."""
    return 1.0 if x < 2.0**17 else 2.5 if x < 2.0**17.5 else 4.0


def test_a_value_between_two_levels_is_found_by_bisecting_toward_the_change() -> None:
    # log2 x bisected from [10, 20]: 15 is 1 (the result), 17.5 is 4 (the far level), and
    # 16.25, 16.875, 17.1875 close in on 2.5, neither.
    one = _OneSided(1.0, 1e-15, True, "")
    assert _between_levels(_Counted(_levels), lambda s: s, [2.0**10, 2.0**20], one)


def test_f_failing_between_two_levels_is_no_value_between() -> None:
    def failing(x: float) -> float:
        if 2.0**12 < x < 2.0**18:
            raise OverflowError("math range error")
        return _levels(x)

    one = _OneSided(1.0, 1e-15, True, "")
    assert not _between_levels(_Counted(failing), lambda s: s, [2.0**10, 2.0**20], one)


# --- optim: the checks of a hyper-parameter set later; jet: _refuse_a_value ------------------


def test_a_nonnegative_check_names_its_setting_and_label() -> None:
    # _HYPER_CHECKS is built from these at import; called here, as opt.lr = -1 calls them.
    check = _nonnegative_check("lr", "learning rate")
    assert check(2) == 2.0
    with pytest.raises(InvalidArgumentError) as raised:
        check(-1.0)
    assert str(raised.value) == "Invalid learning rate: -1.0 (lr must be >= 0)"


def test_a_flag_check_names_its_setting() -> None:
    check = _flag_check("nesterov")
    assert check(1) is True
    with pytest.raises(ArgumentTypeError) as raised:
        check("yes")
    assert str(raised.value) == (
        "nesterov must be True or False, but got str 'yes'; pass nesterov=True or nesterov=False"
    )


def test_rmsprop_alpha_is_in_0_to_1_with_its_messages_in_full() -> None:
    assert RMSprop([Value(1.0)], alpha=1.0).alpha == 1.0
    with pytest.raises(InvalidArgumentError) as above:
        RMSprop([Value(1.0)], alpha=1.5)
    assert str(above.value) == (
        "Invalid alpha value: 1.5 (alpha must be <= 1: it weighs the old average of g² "
        "against the new g², as 0.99 does by default)"
    )
    with pytest.raises(InvalidArgumentError) as below:
        RMSprop([Value(1.0)], alpha=-0.5)
    assert str(below.value) == "Invalid alpha value: -0.5 (alpha must be >= 0)"


def test_a_jet_and_a_value_do_not_mix_message_in_full() -> None:
    with pytest.raises(ArgumentTypeError) as raised:
        Jet.variable(2.0, 2) * Value(2.0)
    assert str(raised.value) == (
        "a Jet and Value(data=2.0, grad=0.0) do not mix: a Jet carries Taylor coefficients "
        "in one variable (forward mode), a Value builds a graph for backward(); use one kind "
        "in f (e.g. the Value's .data, a plain number, with the Jet)"
    )


def test_a_readers_own_class_named_value_is_no_calcweb_value() -> None:
    own = type("Value", (), {})  # another module's Value: Python's own TypeError
    with pytest.raises(TypeError) as raised:
        Jet.variable(2.0, 2) * own()
    assert not isinstance(raised.value, ArgumentTypeError)


# --- multivariate: _across_scales, _sum_of ----------------------------------------------------


def test_a_mixed_second_derivative_across_scales_is_one_line() -> None:
    # d2(p0 p1)/dp0 dp1 = 1 exactly; lines split by scale would each see 0.
    rows = hessian(lambda p: p[0] * p[1], method="richardson")([1.0, 1e6])
    assert rows[0][1] == pytest.approx(1.0, rel=1e-9, abs=0.0)


def test_each_scale_s_line_moves_its_own_coordinates() -> None:
    # Three scales (1, 100, 1e4): the sum of the three lines, each along its own
    # coordinate, is 3 exactly for p0 + p1 + p2.
    f = lambda p: p[0] + p[1] + p[2]  # noqa: E731
    result = directional_derivative(
        f, [1.0, 100.0, 1e4], [1.0] * 3, method="richardson", full_output=True
    )
    assert abs(result.value - 3.0) <= result.error < 1e-6, result


@pytest.mark.parametrize(
    ("x", "method", "lines"),
    [
        ([1.0, 16.0], "richardson", 2),  # sizes 1 and 16: SCALE_SPREAD apart, two lines
        ([0.5, 15.9], "richardson", 0),  # max(1, |x|): 1 and 15.9, one line
        ([1.0, 1e6], "ad", 0),  # jets and the complex step take no step to walk
        ([1.0, 1e6], "complex", 0),
    ],
)
def test_a_direction_is_split_where_sizes_max_1_x_are_16_times_apart(
    x: list[float], method: str, lines: int
) -> None:
    parts, calls = _across_scales(math.fsum, x, [1.0, 1.0], 1, method)
    assert (len(parts), calls) == (lines, 0)


def test_a_sum_beyond_the_float_range_is_refused_in_full() -> None:
    with pytest.raises(NumericalError) as raised:
        _sum_of([1e308, 1e308], "the directional derivative")
    assert str(raised.value) == (
        "the directional derivative is the sum of [1e+308, 1e+308], beyond the float range "
        "(about 1.8e308); scale the direction or the function down"
    )
