"""Mutation tests for the functions session 19 added, run late in session 19 (MUT11).

tools/mutation/one_function.py ran mutmut 3.8.1's mutants of _gauss_kronrod's
`mirrored`, _integrate's `_checked_by`, `_turning`,
`_Extrapolated.end_panel_before_taking` and `_Extrapolated.turning_end_panel`, and
limits' `_drop_start`, `_disputed` and `_read_past_loss`, each against every test
that reached it (tools/mutation/HISTORY.md). Each test below kills survivors: a real
call where the mutant answers worse (a lie, a refusal, a wrong message), or, at a
boundary, what the docstring promises there. The oracles are exact (staircases whose
integrals are sums of rectangles). No mpmath: these run inside Pyodide too.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest
from staircases import staircase_integral

from calcweb import IntegrationResult, integrate, limit
from calcweb._gauss_kronrod import FINITE_SAFETY, K21, gauss_kronrod, mirrored
from calcweb._integrate import _turning
from calcweb.limits import JUMP, _disputed, _Entry, _estimate, _OneSided, _read_past_loss

# ------------------------------------------------------------------ mirrored

# A panel of floor(10 x)/10 with jumps at 0.9 and 1.0 in mirrored gaps: off by 1.1e-3
# while its Gauss and Kronrod sums agree to 2.6e-15 (`mirrored`'s docstring).
PANEL = (0.8272588092, 1.083876271)


def _floor10(shift: float = 0.0) -> Callable[[float], float]:
    return lambda x: math.floor(10 * (x + shift)) / 10


def test_the_mirrored_floor_is_twice_the_width_times_the_largest_top_odd_coefficient() -> None:
    # The docstring's figure: 2 x 0.2566 x 0.04353 (odd[3], the larger), not
    # 0.2566 x 2/0.04353 or 0.2566/2 x 0.04353 (a floor 4 times lower).
    panel = gauss_kronrod(_floor10(), *PANEL)
    assert round(mirrored(K21, panel), 4) == 0.0223
    # Centred at 0.95 with jumps at 0.9 and 1.0: odd[2] (0.0281) is the larger, not odd[3].
    centred = gauss_kronrod(_floor10(), 0.95 - 0.054, 0.95 + 0.054)
    assert centred.odd[2] > 5 * centred.odd[3]
    width = centred.b - centred.a
    assert mirrored(K21, centred) == width * FINITE_SAFETY * centred.odd[2] > 0.0


def test_a_mirrored_panel_centred_on_zero_keeps_its_floor() -> None:
    # The same staircase moved so that the mirrored panel is [-0.1283, 0.1283]: its
    # floor is its width's, not |a + b|'s (about 0, and the panel's 2.6e-15 was
    # answered for a panel off by 1.1e-3).
    centre = sum(PANEL) / 2
    panel = gauss_kronrod(_floor10(centre), PANEL[0] - centre, PANEL[1] - centre)
    assert mirrored(K21, panel) > 10 * abs(panel.value - staircase_integral("floor", 10.0, *PANEL))
    a, b, tol = 0.31402388587645413, 1.3404937325714261, 8.35e-08
    result = integrate(_floor10(centre), a - centre, b - centre, tol=tol, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert result.converged
    assert abs(result.value - staircase_integral("floor", 10.0, a, b)) <= 2 * result.error


def test_a_scaled_mirrored_staircase_is_not_a_lie() -> None:
    # 1000 floor(10 x)/10: a floor that divides by the odd coefficients (0.0118 for
    # a panel off by 1.11) would lie; the floor scales with f.
    panel = gauss_kronrod(lambda x: 1000 * _floor10()(x), *PANEL)
    exact = 1000 * staircase_integral("floor", 10.0, *PANEL)
    assert mirrored(K21, panel) > 10 * abs(panel.value - exact)


# ------------------------------------------------------------------ _turning


def test_a_half_equal_to_the_one_before_did_not_fall() -> None:
    # Halves that rose, then held: no turn to fall yet (the table's, as before).
    assert not _turning([1.0, 2.0, 2.0])
    assert not _turning([1.0, 1.5, 2.0, 2.0])


# ------------------------------------------------------------------ turning_end_panel


def test_the_halving_after_a_late_turn_is_the_end_panels() -> None:
    # 1/(x log(x) log(log(x))**5) on [20, inf) (INT16): the panel halved after the
    # turn is the chain's at infinity, and a later limit meets tol 1e-2 (0.170728 +-
    # 6.3e-3, 286 evaluations, for 0.172510). Halving any panel of the table's size
    # instead refused it (0.16658 +- 0.019, not converged). At tol 1e-3 the fall of the
    # halves slows (`_slower_than_log_powers`, session 20): 0.172212 +- 5.1e-4, 886.
    def f(x: float) -> float:
        return 1.0 / (x * math.log(x) * math.log(math.log(x)) ** 5)

    exact = math.log(math.log(20.0)) ** -4.0 / 4.0
    for tol, most in [(1e-2, 286), (1e-3, 886)]:
        result = integrate(f, 20.0, math.inf, tol=tol, full_output=True)
        assert isinstance(result, IntegrationResult)
        assert result.converged, result
        assert abs(result.value - exact) <= 2.0 * result.error
        assert result.nfev <= most


@pytest.mark.parametrize("side", ["right", "left"])
def test_a_late_turn_at_either_end_of_the_whole_line_holds_the_limit(side: str) -> None:
    # The log-log tail on one side of 0 only, exp on the other: on the whole line
    # x at infinity is both ends, and a turn at the second (x = +inf) counts too:
    # skipping it once the first had not turned answered 0.180940 +- 4.1e-4 for
    # 0.182768 at tol 1e-2 and 1e-3 (5.0 times the error).
    def h(x: float) -> float:
        return 1.0 / (x * math.log(x) * math.log(math.log(x)) ** 5)

    sign = 1.0 if side == "right" else -1.0

    def f(x: float) -> float:
        u = sign * x
        return h(u + 20.0) if u >= 0.0 else h(20.0) * math.exp(u)

    exact = math.log(math.log(20.0)) ** -4.0 / 4.0 + h(20.0)
    for tol in [1e-2, 1e-3]:
        result = integrate(f, -math.inf, math.inf, tol=tol, full_output=True)
        assert isinstance(result, IntegrationResult)
        assert result.converged, result
        assert abs(result.value - exact) <= 2.0 * result.error


# ------------------------------------------------------------------ _disputed


def _entry(value: float, last: int) -> _Entry:
    return _Entry(value, 0.0, 1, last)


def test_only_entries_ending_strictly_between_best_and_the_loss_dispute_it() -> None:
    # 1.5 +- 0.05 would lie 0.5 off 1.0 +- 0.01, beyond JUMP times their errors,
    # but it ends with best's sample (not closer to x0) or at the loss (not before it).
    errors = [0.01, 0.05]
    assert _disputed(0, [_entry(1.0, 3), _entry(1.5, 3)], errors, 8) == 0.0
    assert _disputed(0, [_entry(1.0, 3), _entry(1.5, 8)], errors, 8) == 0.0
    assert _disputed(0, [_entry(1.0, 3), _entry(1.5, 7)], errors, 8) == 0.55


def test_an_entry_exactly_jump_times_the_errors_away_does_not_dispute() -> None:
    # 0.5 apart, errors 1/16 each: exactly JUMP (4) times their sum, not beyond it.
    assert JUMP * (0.0625 + 0.0625) == 0.5
    entries = [_entry(1.0, 3), _entry(1.5, 5)]
    assert _disputed(0, entries, [0.0625, 0.0625], 8) == 0.0
    assert _disputed(0, entries, [0.0625, 0.0624], 8) == 0.5 + 0.0624


# ------------------------------------------------------------------ _read_past_loss

LOST_MESSAGE = (
    "f approaches 5.5 far from x0 (from the {side}), then its rounding noise grows to its size "
    "at {edge!r}, and closer to x0 it settles on 5 instead: rounding may have cancelled all "
    "the digits of a term in f there (1 - cos(t) is exactly 0 for |t| < 1e-8, exp(t) - 1 for "
    "|t| < 5e-17) and left only the terms beside it. Rewrite f without the cancellation "
    "(2*math.sin(t/2)**2 for 1 - cos(t), math.expm1(t) for exp(t) - 1, math.log1p(t) for "
    "log(1 + t)); pass full_output=True to get the estimate from farther out anyway"
)


@pytest.mark.parametrize(("side", "edge"), [("right", 2.0**-17), ("left", -(2.0**-17))])
def test_what_rounding_leaves_is_refused_with_the_estimate_from_before(
    side: str, edge: float
) -> None:
    # (1 - cos(t))/t**2 + 5 (1 + x), t = x/1000, at 0 (LIM23): the noise reaches f's
    # size at |x| = 2**-17, then the samples settle on 5. The answer is the estimate
    # from before (5.5000001), its error the gap to 5, with the whole message.
    def f(x: float) -> float:
        t = x / 1000.0
        return (1.0 - math.cos(t)) / t**2 + 5.0 * (1.0 + x)

    result = limit(f, 0.0, side=side, full_output=True)
    assert result.converged is False
    assert result.value == pytest.approx(5.5, abs=1e-6)
    assert result.error == pytest.approx(0.5, abs=1e-6)
    assert result.message == LOST_MESSAGE.format(side=side, edge=edge)


def _cos_plus_5(x: float) -> float:
    t = x / 1000.0
    return (1.0 - math.cos(t)) / t**2 + 5.0 * (1.0 + x)


# The walk's samples of it from the right: x = 2**-(k + 2), k = 0..47; digits lost at k = 15.
WALK = [_cos_plus_5(2.0 ** -(k + 2)) for k in range(48)]


def _read(result: _OneSided) -> _OneSided:
    return _read_past_loss(result, WALK, 0, name="right", point=lambda h: h, scale=1.0)


def test_a_refused_result_is_returned_as_it_is() -> None:
    refused = _OneSided(WALK[-1], 1e-7, False, "refused for another reason")
    assert _read(refused) is refused


def test_a_result_on_the_last_sample_within_jump_times_its_error_is_read_past() -> None:
    # The last sample exactly: within JUMP times an error of 0 (the bound holds with
    # equality), though not the sample before it (9e-15 off).
    assert WALK[-2] != WALK[-1]
    on_last = _read(_OneSided(WALK[-1], 0.0, True, "extrapolated from the right"))
    assert on_last.converged is False
    assert on_last.value == pytest.approx(5.5, abs=1e-6)


def test_a_loss_at_or_before_the_walks_first_step_is_not_read() -> None:
    # The loss is at sample 15: with the walk's first sample numbered -15 it is at
    # x = scale (step 0), where no sample came before it; numbered -14, at the step after.
    result = _OneSided(WALK[-1], 2.9e-7, True, "extrapolated from the right")
    at_start = _read_past_loss(result, WALK, -15, name="right", point=lambda h: h, scale=1.0)
    assert at_start is result
    after = _read_past_loss(result, WALK, -14, name="right", point=lambda h: h, scale=1.0)
    assert after.converged is False


def test_samples_lost_from_the_second_on_contradict_nothing() -> None:
    # +-1 alternately: the digits are lost at the second sample (`_digits_lost`), and
    # one sample before is no estimate to refuse the result by.
    swing = [(-1.0) ** k for k in range(20)]
    result = _OneSided(swing[-1], 0.1, True, "extrapolated from the right")
    read = _read_past_loss(result, swing, 5, name="right", point=lambda h: h, scale=1.0)
    assert read is result


def test_the_moves_read_begin_at_the_first_sample_when_the_loss_is_that_close() -> None:
    # The walk from its 7th sample, the loss 7 samples in (fewer than NOISE_POINTS):
    # every move goes down (5.5069 lowered to 5.499) but the first, raised to go up.
    # That first move is f moving both ways: the settling on 5 is refused.
    samples = WALK[6:]
    samples[0], samples[6] = samples[1] - 0.001, 5.499
    result = _OneSided(samples[-1], 3e-7, True, "extrapolated from the right")
    read = _read_past_loss(result, samples, 6, name="right", point=lambda h: h, scale=1.0)
    assert read.converged is False
    assert read.value == pytest.approx(5.5, abs=1e-3)


# The walk with its one upward move before the loss (5.5069) lowered: every move goes
# down, as a step of f itself would, and its mirror 10 - f, every move up.
DOWN = [*WALK[:12], 5.499, *WALK[13:]]
UP = [10.0 - y for y in DOWN]
ULP_5 = 2.0**-50  # an ulp of 5; the blur of ULPS ulps of the largest sample is 4.9e-15


@pytest.mark.parametrize(
    "samples",
    [
        DOWN,
        UP,
        [*DOWN[:-1], DOWN[-2] + ULP_5],  # down, then one ulp up: rounding, no move
        [*UP[:-1], UP[-2] + ULP_5],  # up, the last move one ulp: up all the same
        # up to 5 exactly, then down by the blur exactly (ULPS ulps of 5): not beyond it
        [*UP[:-2], 5.0, 5.0 - 5 * ULP_5],
    ],
    ids=["down", "up", "down-then-an-ulp-up", "up-by-an-ulp-last", "up-then-the-blur-down"],
)
def test_samples_moving_one_way_beyond_rounding_are_not_read_past(samples: list[float]) -> None:
    result = _OneSided(samples[-1], 3e-7, True, "extrapolated from the right")
    read = _read_past_loss(result, samples, 0, name="right", point=lambda h: h, scale=1.0)
    assert read is result


def test_a_gap_up_to_jump_times_both_errors_contradicts_nothing() -> None:
    # The estimate before the loss (sample 15), 5.5000001 +- 2e-6, lies 0.5 from the
    # last sample. A result there with an error that makes the gap JUMP times the two
    # errors exactly (0.124998), or less (0.13), stands; with 0.12 it is refused.
    value, error = _estimate(WALK[:15], 0)
    gap = abs(value - WALK[-1])
    guess = gap / JUMP - error
    down, up = [guess], [guess]
    for _ in range(3):  # the rounding of guess: a few ulps either way
        down.append(math.nextafter(down[-1], -1.0))
        up.append(math.nextafter(up[-1], 1.0))
    exact = [own for own in {*down, *up} if JUMP * (error + own) == gap]
    assert exact
    for own in [*exact, 0.13]:
        result = _OneSided(WALK[-1], own, True, "extrapolated from the right")
        assert _read(result) is result
    assert _read(_OneSided(WALK[-1], 0.12, True, "extrapolated from the right")).converged is False


def _cos_less_quarter(x: float) -> float:
    t = x / 1000.0
    return (1.0 - math.cos(t)) / t**2 - 0.25 * (1.0 + x)


# 0.25 before the loss, -0.25 after it: the gap (0.5) is twice the value, so an
# estimate before the loss as unsure as a tenth of its value still contradicts.
WALK_LESS = [_cos_less_quarter(2.0 ** -(k + 2)) for k in range(48)]


@pytest.mark.parametrize(
    ("wiggle", "refused"),
    # an estimate before the loss of 0.24505 +- 0.0099 (0.040 of it) heads for its
    # value; 0.23719 +- 0.0256 (0.108 of it) does not: f still moves there (the
    # gap is beyond JUMP times the errors in both)
    [(3e-3, True), (5e-3, False)],
)
def test_only_an_estimate_within_moving_of_its_value_contradicts(
    wiggle: float, refused: bool
) -> None:
    samples = [y + (wiggle * (-1) ** k if k < 15 else 0.0) for k, y in enumerate(WALK_LESS)]
    result = _OneSided(samples[-1], 3e-7, True, "extrapolated from the right")
    read = _read_past_loss(result, samples, 0, name="right", point=lambda h: h, scale=1.0)
    assert (read.converged is False) == refused
    assert (read is result) == (not refused)
