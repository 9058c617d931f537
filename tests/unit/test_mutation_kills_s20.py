"""Mutation tests for the functions session 20 ran (MUT12).

tools/mutation/one_function.py ran mutmut 3.8.1's mutants of the functions changed since
their last run, or new: _integrate's `_checked_half`, `_sum_of_halves`, `_Panels.split`,
`_gap_jump` and `_sloped_gap_jump`; limits' `_lost_drop`, `_lost_collapse`,
`_drop_start`, `_Overflows`' methods, `_Watched.of`, `_numpy_overflows_noted` and
`_overflowed`; _richardson's `_followed_below`, `_stairs_unevenly` and `_noise_up_from`;
and _checks' `check_point` and `_refuse_moved`, each against every test that reached it
(tools/mutation/HISTORY.md). Each test below kills survivors: a real call where the
mutant answers worse (a lie, a refusal, a wrong message), or, at a boundary, what the
docstring promises there; `_noise_up_from`'s and `_stairs_unevenly`'s through stand-ins
for the helpers they call, recording what they ask, and `_followed_below`'s on Samplers
of exact values. No mpmath: these run inside Pyodide too (the numpy one is skipped where
numpy is missing).
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Callable

import pytest
from staircases import staircase_integral

from calcweb import (
    IntegrationResult,
    InvalidArgumentError,
    LimitResult,
    NumericalError,
    _richardson,
    integrate,
    limit,
)
from calcweb._checks import check_point
from calcweb._gauss_kronrod import K21
from calcweb._integrate import _Panels, _sloped_gap_jump, _sum_of_halves
from calcweb._richardson import (
    SWING,
    Estimate,
    Sampler,
    _followed_below,
    _noise_up_from,
    _spread_sampled,
    _stairs_unevenly,
)
from calcweb.limits import _lost_drop, _OneSided

# ------------------------------------------------------------------ _Overflows


def _limit(f, x0: float) -> LimitResult:  # type: ignore[no-untyped-def]
    result = limit(f, x0, full_output=True)
    assert isinstance(result, LimitResult)
    return result


def test_an_overflow_in_numpy_alone_is_refused() -> None:
    # numpy's exp(800) overflows with no arithmetic of the watched x before it: the
    # check must still refuse f's 0.0 (an `_Overflows` whose last result is not None,
    # "", raised AttributeError reading it).
    numpy = pytest.importorskip("numpy")
    with pytest.raises(
        NumericalError, match=re.escape("overflowed to inf inside f, and f's value 0.0")
    ):
        limit(lambda x: 1 / (1 + numpy.exp(numpy.float64(x))), 800.0)


def test_an_inf_that_f_adds_is_not_an_overflow() -> None:
    # x + inf is inf from an inf operand, not made of finite floats: atan of it is pi/2,
    # and the limit at 1 is 1 + pi/2 (an overflow if either operand finite sufficed).
    result = _limit(lambda x: math.atan(x + math.inf) + x, 1.0)
    assert result.converged
    assert abs(result.value - (1 + math.pi / 2)) <= result.error


def test_an_overflowed_inf_stays_overflowed_through_a_sum() -> None:
    # x*x*x overflows at 1e103; + 1 keeps it an overflowed inf (a, the left operand,
    # is one), so 1/(that) vanished and is let through: 0 within the smallest normal
    # number (the true value, 1e-309, is below it).
    result = _limit(lambda x: 1 / (x * x * x + 1), 1e103)
    assert result.converged
    assert result.value == 0.0
    assert result.error == sys.float_info.min


def test_a_quotient_vanishes_only_with_a_numerator_below_max_times_min() -> None:
    # `_Overflows`' docstring: a numerator *below* DBL_MAX times the smallest normal
    # number. 4 - 2**-51 is that product exactly (its quotient by DBL_MAX is min).
    exact = 4 - 2**-51
    assert exact / sys.float_info.max == sys.float_info.min
    with pytest.raises(NumericalError, match="overflowed"):
        limit(lambda x: exact / (x * x * x), 1e103)
    below = math.nextafter(exact, 0.0)
    assert _limit(lambda x: below / (x * x * x), 1e103).value == 0.0


def test_the_overflow_refusal_says_what_overflowed() -> None:
    # x/(x*x*x) at 1e103 (`_Overflows`' docstring): the whole reason, in its words.
    with pytest.raises(NumericalError) as raised:
        limit(lambda x: x / (x * x * x), 1e103)
    assert (
        "(an intermediate result overflowed to inf inside f, and f's value 0.0 was "
        "computed from it)" in str(raised.value)
    )


# ------------------------------------------------------------------ _sum_of_halves


def _half(value: float, converged: bool, message: str) -> IntegrationResult:
    return IntegrationResult(value, 0.25, 10, "adaptive", 3, converged, message)


@pytest.mark.parametrize("failed", ["left", "right"])
def test_a_half_not_found_is_named_in_the_whole_message(failed: str) -> None:
    # The refusal of a sum whose half was not found, word for word (an unconverged
    # half confirms nothing: INT15).
    left = _half(1.0, failed != "left", "the left half's reason")
    right = _half(2.0, failed != "right", "the right half's reason")
    result = _sum_of_halves(left, right, 31, 0.5)
    assert (result.value, result.error, result.nfev, result.intervals) == (3.0, 0.5, 31, 6)
    assert not result.converged
    assert result.message == (
        "f looked odd about x=0.5, the centre of the interval (or of a half of it checked "
        "in turn), on the first subinterval's points, which only the two halves, each "
        f"found on its own, can confirm; the {failed} one was not found: the {failed} "
        "half's reason"
    )


# ------------------------------------------------------------------ _sloped_gap_jump


def test_a_flat_f_has_no_step_in_the_gap() -> None:
    # f equal at the four nodes around the middle: no mismatch, no bend, no slope; a
    # step is a mismatch *above* ten times the bend and twice the slopes, never 0 >= 0.
    assert not _sloped_gap_jump(K21, (1.0, 1.0), (1.0, 1.0))
    assert not _sloped_gap_jump(K21, (0.0, 0.0), (0.0, 0.0))


# ------------------------------------------------------------------ _stairs_unevenly


class _FixedNoise(Sampler):
    """A Sampler whose unequally spaced 4th differences read ``noise`` at every spacing."""

    def __init__(self, noise: float) -> None:
        super().__init__(lambda t: 32.0 * math.copysign(1.0, t), 0.0)
        self.fixed = noise

    def irregular_noise(self, spacing: float, quiet: float) -> float:  # noqa: ARG002
        return self.fixed


def test_stairs_exactly_1_over_swing_of_f_s_range_are_stairs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # f spans 64 (+-32 sampled): stairs of exactly 64/SWING = 1.0 are taken (noise at
    # most 1/SWING of the range, the docstring's "unless it is above"); just above, f's
    # own swings, 0. The estimate is taken as one that may rest on stairs.
    monkeypatch.setattr(_richardson, "_maybe_on_stairs", lambda sampler, estimate, n: True)
    estimate = Estimate(0.0, 1.0, 0, 1e-3, "central", smallest=1e-6, window=((1e-3, 0.0),))
    for noise, taken in ((1.0, 1.0), (math.nextafter(1.0, 2.0), 0.0)):
        sampler = _FixedNoise(noise)
        sampler(0.5)  # f sampled on both sides: its range is 64
        sampler(-0.5)
        assert _spread_sampled(sampler) / SWING == 1.0
        assert _stairs_unevenly(sampler, estimate, 2, 1.0, 0.0) == taken


# ------------------------------------------------------------------ _noise_up_from


class _UpFrom:
    """`_noise_up_from` with its helpers stood in for, recording what it asks them.

    The noise measured at a spacing is ``noise(spacing)``; f's range sampled is SWING
    times ``swings``; `_truncation_shown` is True, `_on_its_scale` is ``on_scale``.
    """

    def __init__(
        self,
        monkeypatch: pytest.MonkeyPatch,
        noise: Callable[[float], float] = lambda spacing: 0.0,
        on_scale: bool = False,
    ) -> None:
        self.noise, self.on_scale = noise, on_scale
        self.measured: list[tuple[float, float, float, bool]] = []  # spacing, widest, reach, kinks
        self.asked: list[float] = []  # the reaches asked of `_on_its_scale`
        self.reaches: list[float] = []  # the reaches asked of `_quiet_near`
        monkeypatch.setattr(_richardson, "_truncation_shown", lambda sampler, estimate, n: True)
        monkeypatch.setattr(_richardson, "_on_its_scale", self.on_its_scale)
        monkeypatch.setattr(_richardson, "_quiet_near", self.quiet_near)
        monkeypatch.setattr(_richardson, "_noise_beside", self.noise_beside)
        monkeypatch.setattr(_richardson, "_spread_sampled", lambda sampler: 1.0 * SWING)

    def on_its_scale(self, reach: float, estimate: Estimate) -> bool:  # noqa: ARG002
        self.asked.append(reach)
        return self.on_scale

    def quiet_near(self, sampler: Sampler, reach: float, quiet: float) -> float:  # noqa: ARG002
        self.reaches.append(reach)
        return quiet

    def noise_beside(
        self,
        sampler: Sampler,  # noqa: ARG002
        point: float,  # noqa: ARG002
        spacing: float,
        widest: float,
        near: float,  # noqa: ARG002
        *,
        kinks: bool,
    ) -> float:
        self.measured.append((spacing, widest, self.reaches[-1], kinks))
        return self.noise(spacing)

    def __call__(
        self,
        n: int,
        value: float,
        error: float,
        steps: tuple[float, ...],
        *,
        widest: float,
        quiet: float = 10.0,
    ) -> float:
        window = tuple((step, value) for step in steps)
        estimate = Estimate(value, error, 0, steps[0], "central", min(steps), window)
        return _noise_up_from(Sampler(lambda t: 0.0, 0.0), estimate, n, widest, quiet)

    def spacings(self) -> list[float]:
        return [spacing for spacing, _, _, _ in self.measured]


def test_noise_up_from_measures_four_spacings_16_fold_up(monkeypatch: pytest.MonkeyPatch) -> None:
    # From the smallest step, 16-fold, four spacings (none skipped, none past widest),
    # each with widest, the values within 8 spacings, kinks read; the scale asked at
    # 32 spacings (8 spacings' stencils, four times that reach).
    up = _UpFrom(monkeypatch)
    assert up(2, 1.0, 0.1, (2.0**-20,), widest=1.0) == 0.0
    spacings = [2.0**-20, 2.0**-16, 2.0**-12, 2.0**-8]
    assert up.measured == [(h, 1.0, 8.0 * h, True) for h in spacings]
    assert up.asked == [32.0 * h for h in spacings]


def test_noise_up_from_skips_spacings_whose_stencils_the_window_saw(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The window's largest step 1 with the central stencil of order 2 (offsets -1..1):
    # it saw 1 about x. A spacing of 0.25 reaches 4 x 0.25 = 1, no farther: skipped,
    # and the next is 16 times it. At 0.5 the stencils reach 2: measured.
    up = _UpFrom(monkeypatch)
    up(2, 1.0, 0.1, (1.0, 0.25), widest=2.0**10)
    assert up.spacings() == [4.0, 64.0, 1024.0]
    up = _UpFrom(monkeypatch)
    up(2, 1.0, 0.1, (1.0, 0.5), widest=2.0**10)
    assert up.spacings()[0] == 0.5


def test_noise_up_from_raises_only_the_last_spacing_short_of_16_widest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # widest 1/16: the spacings 1/256 and 1/16 (widest itself) are measured; the next,
    # 1, is 16 times widest, not short of it: the spacings stop.
    up = _UpFrom(monkeypatch)
    up(2, 1.0, 0.1, (2.0**-8,), widest=2.0**-4)
    assert up.spacings() == [2.0**-8, 2.0**-4]
    # Past widest and short of 16 times it: raised to widest.
    up = _UpFrom(monkeypatch)
    up(2, 1.0, 0.1, (2.0**-8,), widest=math.nextafter(2.0**-4, 1.0))
    assert up.spacings() == [2.0**-8, 2.0**-4, math.nextafter(2.0**-4, 1.0)]


def test_noise_up_from_stops_on_f_s_scale_only_where_the_scale_shows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The estimate's quotients put f's scale below every spacing (on_scale): a first
    # derivative, or an estimate larger than its error, stops before measuring.
    up = _UpFrom(monkeypatch, on_scale=True)
    assert up(1, 0.0, 1.0, (2.0**-20,), widest=1.0) == 0.0
    assert up.measured == []
    up = _UpFrom(monkeypatch, on_scale=True)
    up(2, 1.0, 0.5, (2.0**-20,), widest=1.0)
    assert up.measured == []
    # Of order 2 with an error as large as the value (0 within it): no scale is read.
    up = _UpFrom(monkeypatch, on_scale=True)
    up(2, 1.0, 1.0, (2.0**-20,), widest=1.0)
    assert len(up.measured) == 4


def test_noise_up_from_takes_noise_up_to_f_s_swings_and_stops_above_quiet(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # swings = 1 (f's range sampled over SWING). A noise of exactly 1 is stairs, taken.
    first = 2.0**-20
    up = _UpFrom(monkeypatch, noise=lambda spacing: 1.0 if spacing == first else 0.0)
    assert up(2, 1.0, 0.1, (first,), widest=1.0) == 1.0
    # Above it, f's own swings: the spacings stop, and the noise before (0.0) is answered.
    up = _UpFrom(monkeypatch, noise=lambda spacing: 2.0 if spacing == first else 0.0)
    assert up(2, 1.0, 0.1, (first,), widest=1.0) == 0.0
    assert len(up.measured) == 1
    # A noise of exactly quiet is not above it: the next spacing is measured too.
    up = _UpFrom(monkeypatch, noise=lambda spacing: 0.5 if spacing == first else 0.75)
    assert up(2, 1.0, 0.1, (first,), widest=1.0, quiet=0.5) == 0.75
    assert len(up.measured) == 2


# ------------------------------------------------------------------ _lost_drop


def test_a_drop_across_zero_is_measured_from_the_value_to_the_sample_after() -> None:
    # Samples swinging both ways (-2, 0.6) settle on -0.666 within 0.166 (the last
    # move), then drop across 0 to 0.004 (below DROP of the last), halving. The drop
    # is |-0.666 - 0.004| = 0.670, above JUMP x 0.166 = 0.664: refused from -0.666.
    # Measured as |value + after| (0.662) it was no drop, and 0.001 was answered.
    swung, dropped = [-2.0, 0.6, -0.5, -0.666], [0.004, 0.002, 0.001]
    read = _OneSided(dropped[-1], 1e-11, True, "read from the samples after the drop")
    refused = _lost_drop(read, swung + dropped, -3, name="samples", point=lambda h: -h, scale=1.0)
    assert refused.converged is False
    assert refused.value == -0.666


# ------------------------------------------------------------------ _checked_half


@pytest.mark.parametrize(
    ("k", "a", "b", "tol"),
    [(1.3, -2.7759, 0.4567, 1.35e-5), (0.7, -0.6995, 5.0144, 2.3e-7)],
)
def test_a_chain_of_odd_looking_halves_counts_every_call(
    k: float, a: float, b: float, tol: float
) -> None:
    # `_checked_half`'s docstring's staircases (stairscan seed 1, rounded): the half
    # [centre, b] looks odd in turn, so a chain of two halves is checked, the inner
    # one by the part between the two centres. Right within its error, converged, and
    # nfev is every call of f, those of the part between the centres included.
    calls = [0]

    def f(x: float) -> float:
        calls[0] += 1
        return math.floor(k * x) / k

    result = integrate(f, a, b, tol=tol, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert result.converged
    assert abs(result.value - staircase_integral("floor", k, a, b)) <= result.error
    assert result.nfev == calls[0]


def test_a_chain_whose_left_half_is_not_found_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    # The first staircase at tol 1e-12: the chain of two halves is checked (the part
    # between the centres integrated on its own, its panels naming the reader's x),
    # and the half left of the centre, with the jump at -30/13, is not found to that
    # tolerance: the sum of the halves is answered, not converged, with the reason.
    # Located jumps (`_Panels.cut_at_jump`) find that half: they are turned off.
    monkeypatch.setattr(_Panels, "cut_at_jump", lambda self, index: False)
    k, a, b = 1.3, -2.7759, 0.4567
    result = integrate(lambda x: math.floor(k * x) / k, a, b, tol=1e-12, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert not result.converged
    assert abs(result.value - staircase_integral("floor", k, a, b)) <= result.error
    assert result.message.startswith("f looked odd about x=-1.1596")


# ------------------------------------------------------------------ _followed_below

LOW = 2.0**-10  # a step below the window's (0.5 and 0.25), sampled by an earlier walk


def _followed(
    n: int,
    values: dict[float, float],
    *,
    x: float = 0.0,
    steps: tuple[float, float] = (0.5, 0.25),
    kind: str = "central",
) -> bool:
    """Whether `_followed_below` answers a window at ``steps`` (False: it refuses).

    ``values`` holds f at ``x + t`` for each offset ``t`` (all exact in floats).
    """
    sampler = Sampler(lambda point: values[point - x], x)
    for t in values:
        sampler(x + t)
    window = tuple((step, 0.0) for step in steps)
    # Not exactly 0: an f odd (even) about x with an estimate of 0 is answered whatever
    # its other part does (`_symmetric_at`), and these values are odd (even).
    estimate = Estimate(1e-9, 1e-3, 0, steps[0], kind, steps[1], window)
    try:
        _followed_below(sampler, n, estimate, 0.0)
    except NumericalError:
        return False
    return True


def _odd(
    rate: float, low: float = LOW, slopes: tuple[float, float] = (1.0, 1.0)
) -> dict[float, float]:
    """f odd: its odd part over h is ``slopes`` at 0.5 and 0.25, ``rate`` at ``low``."""
    values = {0.0: 0.0}
    for h, slope in ((0.5, slopes[0]), (0.25, slopes[1]), (low, rate)):
        values[h], values[-h] = slope * h, -slope * h
    return values


def _even(
    rate: float, steps: tuple[float, float] = (0.5, 0.25), low: float = LOW
) -> dict[float, float]:
    """f even: its even part over h**2 is 1 at ``steps``, ``rate`` at ``low``."""
    values = {0.0: 0.0}
    for h, scale in ((steps[0], 1.0), (steps[1], 1.0), (low, rate)):
        values[h] = values[-h] = scale * h * h
    return values


def test_an_order_2_window_whose_odd_part_leaves_its_trend_below_is_refused() -> None:
    # Order 2 (the odd part over h): 1 at 0.5 and 0.25, 1000 at 2**-10, a part of 0.98,
    # far above f's swings (its range 1.95 over SWING): refused. Not for a one-sided
    # window, whose quotients are no central ones.
    assert not _followed(2, _odd(1000.0))
    assert _followed(2, _odd(1000.0), kind="forward")


def test_an_odd_order_window_reads_the_even_part_over_h_squared() -> None:
    # Order 3: the even part over h**2 is 1 at 0.5 and 0.25. At 2**-10 a rate of 1e5 is
    # a part of 0.095, above f's swings (0.25/64 = 0.0039): refused; a rate of 1000 is
    # a part of 9.5e-4, below them (a stair's size, not aliasing): answered. Read over
    # h (0.98) it would be refused; over h**3 (9.3e-5), the first answered.
    assert not _followed(3, _even(1e5))
    assert _followed(3, _even(1000.0))


def test_a_window_whose_larger_step_was_not_sampled_is_answered() -> None:
    # f known at the smallest step (0.25) but not at the next (0.5): no trend to judge,
    # the estimate stands (`_other_part` is None where a value is not known).
    values = _odd(1000.0)
    del values[0.5], values[-0.5]
    assert _followed(2, values)


# At x = 2**44, t is rounded inside f by up to (|x| + h) eps, about 2**-8: that moves
# each value by |f'| 2**-8, the odd part by |f''| h 2**-8 (`_part_noise`).
FAR = 2.0**44


def test_the_allowance_below_is_t_rounded_inside_f_times_f_s_slope() -> None:
    # f = t - x at the window's steps: the odd part over h is 1 (f' = 1, f'' = 0). At
    # 2**-8 the rounding moves the rate by up to NO_DIGIT x 2 f' 2**-8 / 2**-8 = 32: a
    # rate of 20 there is within it (answered), 34 is not (refused). With f' read as
    # 0, 20 was refused; with f'' read from the odd part, 34 was answered.
    assert _followed(2, _odd(20.0, low=2.0**-8), x=FAR)
    assert not _followed(2, _odd(34.0, low=2.0**-8), x=FAR)


def test_the_allowance_of_an_even_part_is_t_rounded_times_f_s_curvature() -> None:
    # Order 3, f = (t - x)**2 at the window's steps 2**-4 and 2**-5: the even part over
    # h**2 is 1 (f'' = 2, from 2 E / h**2 at the smallest step). At 2**-8 the rounding
    # moves that rate by up to NO_DIGIT x f'' 2**-8 / 2**-8 = 32: a rate of 20 there is
    # answered, 40 refused.
    steps = (2.0**-4, 2.0**-5)
    assert _followed(3, _even(20.0, steps, low=2.0**-8), x=FAR, steps=steps)
    assert not _followed(3, _even(40.0, steps, low=2.0**-8), x=FAR, steps=steps)


def test_the_part_below_may_leave_the_window_s_rate_by_twice_its_trend() -> None:
    # Order 2: the odd part over h is 1 at 0.5 and 3 at 0.25 (a trend of 2), so a rate
    # below may exceed 3 by 2 x 2, plus what t rounded in f moves the rates at 0.25
    # (1.5) and at 2**-4 (6): 11.5. A rate 3 + 10 at 2**-4 is answered, 3 + 13 refused.
    slopes = (1.0, 3.0)
    assert _followed(2, _odd(3.0 + 10.0, low=2.0**-4, slopes=slopes), x=FAR)
    assert not _followed(2, _odd(3.0 + 13.0, low=2.0**-4, slopes=slopes), x=FAR)


def test_the_bounds_of_a_part_below_are_exclusive() -> None:
    # Order 2, x = 0. The odd part is 0 at 0.25 (f' and f'' read as 0: no rounding
    # allowance) and 0.5 at 0.5: a trend of 2 x |1 - 0|. A rate of exactly 2 at 2**-4
    # is not above it: answered.
    values = {0.0: 0.0, 0.5: 0.5, -0.5: -0.5, 0.25: 0.0, -0.25: 0.0}
    assert _followed(2, values | {2.0**-4: 2.0**-3, -(2.0**-4): -(2.0**-3)})
    # Rates 1 at both steps, 1.25 at 2**-4: an excess of 0.25, a part of exactly 2**-6,
    # f's range (1) over SWING (64): not above f's swings, answered; 1.5 is refused.
    assert _followed(2, _odd(1.25, low=2.0**-4))
    assert not _followed(2, _odd(1.5, low=2.0**-4))


@pytest.mark.parametrize(
    ("n", "values", "which"), [(2, _odd(1000.0), "odd"), (3, _even(1e5), "even")]
)
def test_the_refusal_names_the_part_that_left_the_trend(
    n: int, values: dict[float, float], which: str
) -> None:
    sampler = Sampler(values.__getitem__, 0.0)
    for t in values:
        sampler(t)
    # Not exactly 0 (`_symmetric_at` would answer these odd / even values).
    estimate = Estimate(1e-9, 1e-3, 0, 0.5, "central", 0.25, ((0.5, 0.0), (0.25, 0.0)))
    with pytest.raises(NumericalError) as raised:
        _followed_below(sampler, n, estimate, 0.0)
    assert str(raised.value) == (
        f"the difference quotients of order {n} at x=0.0 settled on 1e-09 +- 0.001 at steps "
        f"0.25 and above, but f's {which} part at the smaller step 0.000977 leaves their "
        "trend: those steps are far above the scale on which f varies, where its values "
        "can look like a slower function's (sin(k t) at steps a whole number of periods "
        "apart); write f with calcweb's functions (calcweb.sin, ...) for exact derivatives"
    )


# ------------------------------------------------------------------ _refuse_moved


def test_a_point_that_float_would_move_is_refused_with_the_whole_reason() -> None:
    with pytest.raises(InvalidArgumentError) as raised:
        check_point(2**60 + 1, "x")
    assert str(raised.value) == (
        "x = 1152921504606846977 is not exactly representable as a float (the nearest "
        "float is 1.152921504606847e+18), and calcweb evaluates f only at floats: rounding "
        "x would give the answer at that other point, where f may differ by more than any "
        "error calcweb reports; pass float(x) explicitly if that nearest float is meant"
    )
