"""Mutation tests for the functions session 21's run reached (MUT14).

tools/mutation/one_function.py ran mutmut 3.8.1's mutants at 3872d12 of the functions
no run had reached, or had reached only in part (tools/mutation/HISTORY.md), each
against every test that reached it. Each test below kills survivors by a direct call:
a boundary the code states, hit exactly, or a Sampler whose values are set by hand
with a stand-in for the helper that reads them further. No mpmath: these run inside
Pyodide too.
"""

from __future__ import annotations

import itertools
import math
import operator
from collections.abc import Callable
from fractions import Fraction
from types import SimpleNamespace
from typing import Any

import pytest

import calcweb
from calcweb import _integrate, _real, _richardson, limits
from calcweb._gauss_kronrod import K21
from calcweb._integrate import IntegrationResult, _power_law_fit, _slower_than_log_powers
from calcweb._richardson import (
    Estimate,
    Sampler,
    _noise_above,
    _steep_noise,
    _sudden,
    _truncation_power,
    representable_step,
    stencil,
)
from calcweb.exceptions import CalcwebError, DomainError, InvalidArgumentError
from calcweb.limits import MOVING, _OneSided, _read_past_loss
from calcweb.nn.value import Value, _power_slope

# ------------------------------------------------------------------ _read_past_loss


def _read(samples: list[float], error: float = 1e-3) -> _OneSided:
    result = _OneSided(samples[-1], error, True, "extrapolated from the right")
    return _read_past_loss(result, samples, 0, name="right", point=lambda h: h, scale=1.0)


@pytest.fixture
def lost_at_2(monkeypatch: pytest.MonkeyPatch) -> Callable[[float, float], None]:
    """The digits lost at the third sample; the samples before head for ``value +- error``."""

    def before(value: float, error: float) -> None:
        monkeypatch.setattr(limits, "_digits_lost", lambda samples, noise: 2)
        monkeypatch.setattr(limits, "_estimate", lambda samples, first: (value, error))

    return before


def test_a_move_up_of_exactly_the_blur_is_rounding(
    lost_at_2: Callable[[float, float], None],
) -> None:
    # 4, 3, then up: the blur is ULPS (4) ulps of eps of the largest, 4: 2**-48. A
    # move up by exactly that is within the rounding, f moved one way: no refusal.
    lost_at_2(10.0, 0.1)
    samples = [4.0, 3.0, 3.0 + 2.0**-48]
    assert samples[2] - samples[1] == limits.ULPS * limits._EPS * 4.0
    assert _read(samples).converged
    # Twice that is f moving both ways: 3 is what rounding left, 10 is refused with it.
    refused = _read([4.0, 3.0, 3.0 + 2.0**-47])
    assert not refused.converged
    assert refused.value == 10.0


def test_samples_before_the_loss_within_a_tenth_of_their_value_head_for_it(
    lost_at_2: Callable[[float, float], None],
) -> None:
    # An estimate before the loss of 50 +- 5, MOVING (0.1) of it exactly, heads for 50.
    lost_at_2(50.0, MOVING * 50.0)
    refused = _read([4.0, 3.0, 3.5])
    assert not refused.converged
    assert refused.value == 50.0
    lost_at_2(50.0, math.nextafter(MOVING * 50.0, math.inf))
    assert _read([4.0, 3.0, 3.5]).converged


# --------------------------------------------------------------------- _steep_noise

STEP = 2.0**-10


def _steep(
    values: dict[float, float],
    n: int,
    error: float,
    *,
    kind: str = "central",
    missing: float | None = None,
    quiet: float = 1e-30,
    **sampler_fields: float,
) -> float:
    """`_steep_noise` at 1 with f's values at ``1 + k STEP`` set by hand (0 if not given)."""
    x = 1.0
    sampler = Sampler(lambda t: 0.0, x)
    vars(sampler).update(sampler_fields)  # offset, noise_floor
    for k in range(-n, n + 1):
        if float(k) != missing:
            sampler.values[x + float(k) * STEP] = values.get(float(k), 0.0)
    window = ((STEP, 0.0),)
    estimate = Estimate(0.0, error, 0, STEP, kind, smallest=STEP, window=window)
    return _steep_noise(sampler, estimate, estimate, n, quiet=quiet, error=error)


SCATTERED: list[tuple[object, ...]] = []


@pytest.fixture
def scatter_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """`_scatter` stands in as 2: `_steep_noise` gives 5 where it adds, 0 where not."""

    def scatter(sampler: Sampler, n: int, estimate: Estimate) -> float:
        SCATTERED.append((sampler, n, estimate))
        return 2.0

    SCATTERED.clear()
    monkeypatch.setattr(_richardson, "_scatter", scatter)


def _bound(slope: float, n: int) -> float:
    """How far ``a t`` rounded at ``x = 1`` moves values where f has ``slope``."""
    offsets = stencil("central", n)[0]
    return (1.0 + 0.0 + max(offsets) * STEP) * slope * limits._EPS / 2.0


def _moved(slope: float, n: int) -> float:
    """How far that moves the quotient: 2.5 bound gain."""
    _, weights, spacing = stencil("central", n)
    return 2.5 * _bound(slope, n) * (math.fsum(map(abs, weights)) / (spacing * STEP) ** n)


@pytest.mark.usefixtures("scatter_one")
def test_order_2_adds_steep_noise() -> None:
    # A slope of 1/STEP on each side of x: rounding moves the quotient by 1.2e-6.
    assert _moved(1.0 / STEP, 2) == pytest.approx(1.19e-6, rel=0.01)
    assert _steep({-1.0: 1.0, 1.0: 1.0}, 2, 1e-9) == 5.0
    ((sampler, n, estimate),) = SCATTERED
    assert isinstance(sampler, Sampler)
    assert sampler.x == 1.0
    assert n == 2
    assert isinstance(estimate, Estimate)
    assert estimate.window == ((STEP, 0.0),)
    assert _steep({-1.0: 1.0}, 1, 1e-12) == 0.0  # order 1: never


@pytest.mark.usefixtures("scatter_one")
def test_the_bound_is_exclusive_against_the_error_and_the_rounding() -> None:
    values, slope = {-1.0: 1.0, 1.0: 1.0}, 1.0 / STEP
    moved, bound = _moved(slope, 2), _bound(slope, 2)
    assert _steep(values, 2, moved) == 0.0
    assert _steep(values, 2, math.nextafter(moved, 0.0)) == 5.0
    assert _steep(values, 2, 1e-12, quiet=bound) == 0.0
    assert _steep(values, 2, 1e-12, quiet=math.nextafter(bound, 0.0)) == 5.0
    assert _steep(values, 2, 1e-12, noise_floor=bound) == 0.0


@pytest.mark.usefixtures("scatter_one")
def test_the_rounding_is_of_the_outermost_point_and_the_offset() -> None:
    # |x| + offset + the outermost offset's step: 1 + 2**-10 (1 alone is 0.999 of it).
    values, moved = {-1.0: 1.0, 1.0: 1.0}, _moved(1.0 / STEP, 2)
    assert _steep(values, 2, 0.9995 * moved) == 5.0
    # An offset of 1 doubles the argument that is rounded, and nearly the bound.
    assert _steep(values, 2, 1.5 * moved) == 0.0
    assert _steep(values, 2, 1.5 * moved, offset=1.0) == 5.0


@pytest.mark.usefixtures("scatter_one")
def test_a_one_sided_window_adds_no_steep_noise() -> None:
    assert _steep({1.0: 1.0, 2.0: 2.0}, 2, 1e-9, kind="forward") == 0.0
    assert _steep({-1.0: 1.0, -2.0: 2.0}, 2, 1e-9, kind="backward") == 0.0


@pytest.mark.usefixtures("scatter_one")
def test_a_flat_f_has_no_steep_noise_and_a_missing_point_none_known() -> None:
    assert _steep(dict.fromkeys((-1.0, 0.0, 1.0), 1.0), 2, 1e-30) == 0.0
    assert _steep({-2.0: 1.0, 2.0: 1.0}, 4, 1e-30, missing=2.0) == 0.0


@pytest.mark.parametrize("n", [2, 3, 4])
@pytest.mark.parametrize("side", [-1.0, 1.0])
@pytest.mark.usefixtures("scatter_one")
def test_the_slope_on_a_side_is_per_step_from_its_outermost_point_to_the_next(
    n: int, side: float
) -> None:
    # f is 1 at the outermost point on one side and 0 at every other: the slope is
    # 1 over the gap to the next point (1 step; 2 for odd orders), and how far it
    # moves the quotient is the bound the error is set against.
    offsets, _, spacing = stencil("central", n)
    moved = _moved(1.0 / (spacing * STEP), n)
    outer = {side * max(offsets): 1.0}
    assert _steep(outer, n, 0.75 * moved) == 5.0
    assert _steep(outer, n, 1.5 * moved) == 0.0


@pytest.mark.usefixtures("scatter_one")
def test_only_the_two_outermost_points_on_each_side_are_read() -> None:
    # Order 4 (points at 1 + k STEP, k = -2..2): a step of f between 1 - STEP and 1
    # is not on the outer slopes, which are flat (1 to 1, 0 to 0).
    assert _steep({-2.0: 1.0, -1.0: 1.0}, 4, 1e-12) == 0.0
    assert _steep({-2.0: 1.0, -1.0: 0.0}, 4, 1e-12) == 5.0
    # The left slope is from 1 - 2 STEP to 1 - STEP, not to 1 + STEP (equal values).
    assert _steep({-2.0: 1.0, 1.0: 1.0}, 4, 1e-12) == 5.0


# ------------------------------------------------------------------- _power_law_fit

# Six halves whose ratios' u = 1/(1 - ratio) grow by steps of 1 (u = 3, ..., 7), moved
# by a few ulps until the steps' sum is exactly 4: p = 4/4 = 1 exactly.
P_ONE = [
    1.0000000000000038,
    0.6666666666666677,
    0.5000000000000002,
    0.40000000000000224,
    0.33333333333333304,
    0.28571428571428537,
]
# u = 3, 4, 5.1, 6.2, 7.3, moved until the largest step is exactly 1.1 times the least.
STEPS_1_1 = [
    1.000000000000005,
    0.6666666666666662,
    0.49999999999999967,
    0.40196078431372595,
    0.3371283997469965,
    0.2909464271789132,
]


def _steps(values: list[float]) -> list[float]:
    slowness = [1.0 / (1.0 - later / earlier) for earlier, later in itertools.pairwise(values)]
    return [later - earlier for earlier, later in itertools.pairwise(slowness)]


def test_a_power_law_of_p_exactly_1_has_an_infinite_tail() -> None:
    assert math.fsum(_steps(P_ONE)) == 4.0
    fit = _power_law_fit(P_ONE)
    assert fit is not None
    assert fit[:2] == (math.inf, 1.0)


def test_steps_exactly_1_1_times_apart_are_fitted() -> None:
    steps = _steps(STEPS_1_1)
    assert max(steps) == 1.1 * min(steps)
    assert _power_law_fit(STEPS_1_1) is not None
    # The third half an ulp down: the largest step is more than 1.1 times the least.
    wider = [*STEPS_1_1[:2], math.nextafter(STEPS_1_1[2], 0.0), *STEPS_1_1[3:]]
    assert max(_steps(wider)) > 1.1 * min(_steps(wider))
    assert _power_law_fit(wider) is None


# ----------------------------------------------------- _lost_drop and _lost_collapse
# The samples drop for good after three (a drop below DROP, or a collapse below
# COLLAPSE, of the one before); the samples before head for ``value +- error`` (a
# stand-in for `_estimate` or `_heading`), which lies JUMP times its error, or just
# more, from the sample after the drop. The result read is the last sample.


def _dropped(
    monkeypatch: pytest.MonkeyPatch, estimate: str, value: float, after: float, error: float
) -> tuple[list[float], _OneSided]:
    monkeypatch.setattr(limits, estimate, lambda before, first, *rest: (value, error))
    monkeypatch.setattr(limits, "_lost_into", lambda before: True)
    monkeypatch.setattr(limits, "_lost_beside", lambda result, *args, **kwargs: result)
    samples = [1.0, 1.0, 1.0, after, after / 2.0, after / 4.0]
    return samples, _OneSided(samples[-1], 1e-12, True, "extrapolated from the right")


@pytest.mark.parametrize(
    ("function", "estimate", "after"),
    [(limits._lost_drop, "_estimate", 2.0**-8), (limits._lost_collapse, "_heading", 2.0**-30)],
)
def test_a_drop_of_exactly_jump_times_the_error_contradicts_nothing(
    monkeypatch: pytest.MonkeyPatch,
    function: Callable[..., _OneSided],
    estimate: str,
    after: float,
) -> None:
    # 0.5 + after heads 0.5 above the drop's first sample, JUMP (4) times 0.125.
    assert abs(0.5 + after - after) == limits.JUMP * 0.125
    samples, result = _dropped(monkeypatch, estimate, 0.5 + after, after, 0.125)
    kwargs = {"name": "right", "point": lambda h: h, "scale": 1.0}
    assert function(result, samples, 0, **kwargs) is result
    samples, result = _dropped(monkeypatch, estimate, 0.5 + 2.0 * after, after, 0.125)
    assert function(result, samples, 0, **kwargs).value == 0.5 + 2.0 * after


def test_a_collapse_is_measured_from_the_value_to_the_sample_after(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Heading for 0.5 +- 0.125, f collapses to -2**-30: 0.5 + 2**-30 from it, beyond
    # JUMP (4) times the error (0.5 from its mirror image, 2**-30, is not).
    samples, result = _dropped(monkeypatch, "_heading", 0.5, -(2.0**-30), 0.125)
    read = limits._lost_collapse(result, samples, 0, name="right", point=lambda h: h, scale=1.0)
    assert read.value == 0.5


# ------------------------------------------------------------------ _power_law_tail


def test_fits_back_that_converge_as_a_third_bound_the_tail(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Stand-in fits: the last, of 16 halves of 0, a tail of 1 at n = 8; the fits n/4 = 2
    # and n/2 = 4 halvings back are off by 0.25 and 0.75. A disagreement exactly a third
    # of the farther's converges as a power of log x does: the error is the farther's.
    tails = {16: 1.0, 14: 1.25, 12: 1.75}
    monkeypatch.setattr(_integrate, "_power_law_fit", lambda inner: (tails[len(inner)], 2.0, 8.0))
    assert _integrate._power_law_tail([0.0] * 16) == (1.0, 2.0, 0.75)
    tails[14] = math.nextafter(1.25, 2.0)  # more than a third: no bound
    assert _integrate._power_law_tail([0.0] * 16) == (1.0, 2.0, math.inf)


# ---------------------------------------------------------------------- _power_slope


@pytest.mark.parametrize(
    ("exponent", "slope"),
    [
        # d/dx x**e = e x**(e - 1) at x = -1: e - 1 is odd, x**(e - 1) = -1. As a float
        # e - 1 rounds to an even number from |e| = 2**53 on (-2**53 - 1 to -2**53, and
        # 2**53 + 1 to 2**53), which would turn the slope's sign.
        (-(2.0**53), 2.0**53),
        (-(2**53), 2.0**53),
        (2.0**53 + 2.0, -(2.0**53 + 2.0)),
        (2**53 + 2, -(2.0**53 + 2.0)),
    ],
)
def test_a_slope_past_2_to_the_53_keeps_the_parity_of_its_exponent_less_1(
    exponent: float, slope: float
) -> None:
    assert _power_slope(-1.0, exponent) == slope
    x = Value(-1.0)
    (x**exponent).backward()
    assert x.grad == slope


def test_a_slope_past_2_to_the_53_is_the_exponent_times_a_power() -> None:
    # At x = -(1 + 2**-52), x**(2**53 + 1) is about -e**2: the slope is -(2**53 + 2) e**2.
    base, exponent = -(1.0 + 2.0**-52), 2.0**53 + 2.0
    size = exponent * math.exp((exponent - 1.0) * math.log1p(2.0**-52))
    assert _power_slope(base, exponent) == pytest.approx(-size, rel=1e-12)
    assert size == pytest.approx(2.0**53 * math.e**2, rel=1e-9)
    # Exactly the exponent times calcweb.pow(x, e - 1), e - 1 an int (its parity kept).
    assert _power_slope(base, 2**53 + 2) == float(2**53 + 2) * calcweb.pow(base, 2**53 + 1)


# ---------------------------------------------------------------------- _noise_above

H = 2.0**-10


class _RoundingSampler(Sampler):
    """Quotients whose rounding bound is ``rounding`` (or that fail), recording what is asked."""

    def __init__(self, rounding: float | None) -> None:
        super().__init__(lambda t: 0.0, 1.0)
        self.rounding = rounding
        self.asked: list[tuple[str, int, float]] = []

    def quotient(self, kind: str, n: int, h: float) -> tuple[float, float, float]:
        self.asked.append((kind, n, h))
        if self.rounding is None:
            raise DomainError("outside the domain")
        return math.nan, self.rounding, h


def _above(
    n: int,
    before: tuple[tuple[float, float, float], ...],
    *,
    rounding: float | None = 0.0,
    window: tuple[tuple[float, float], ...] = ((H, 1.0 + 2.0**-20),),
    error: float = 0.0,
    kind: str = "central",
) -> float:
    """`_noise_above` for the value 1 of a window whose first quotient is at H."""
    estimate = Estimate(
        1.0, error, 0, H, kind, smallest=window[-1][0], window=window, before=before
    )
    return _noise_above(_RoundingSampler(rounding), estimate, n)


def _allowed(truncation: float) -> float:
    """How far `_noise_above` lets a quotient be off the value 1: (2 + 14 s) T, s = 16 T."""
    return (2.0 + 14.0 * 16.0 * truncation) * truncation


@pytest.mark.parametrize("n", [2, 3])
def test_a_quotient_above_the_window_off_its_expansion_shows_noise(n: int) -> None:
    # The window's one quotient, at H, is 2**-20 off 1: central truncation (h**2) puts
    # 2**-18 at 2H. A quotient there 1 off is off by 1 - (2 + 14 x 2**-14) x 2**-18 more
    # than that allows (DERSTAIR: 16 x 2**-18 before); the values it saw were off by
    # that times (c 2H)**n / sum |w| (c: the stencil's spacing, 2 for odd orders).
    _, weights, spacing = stencil("central", n)
    excess = 1.0 - _allowed(2.0**-18)
    shown = excess * (spacing * 2.0 * H) ** n / math.fsum(map(abs, weights))
    assert _above(n, ((2.0 * H, 2.0, 0.0),)) == shown
    # Less 4 times the quotient's rounding and the estimate's error.
    assert _above(n, ((2.0 * H, 2.0, 2.0**-6),), error=2.0**-5) == pytest.approx(
        (excess - 2.0**-4 - 2.0**-5) * (spacing * 2.0 * H) ** n / math.fsum(map(abs, weights))
    )


def test_a_first_quotient_within_its_rounding_claims_no_expansion() -> None:
    # 2**-20 off, its rounding exactly that: no truncation shown, nothing judged above.
    sampler = _RoundingSampler(2.0**-20)
    window, before = ((H, 1.0 + 2.0**-20),), ((2.0 * H, 2.0, 0.0),)
    estimate = Estimate(1.0, 0.0, 0, H, "central", smallest=H, window=window, before=before)
    assert _noise_above(sampler, estimate, 2) == 0.0
    assert sampler.asked == [("central", 2, H)]  # the rounding of the window's first
    assert _above(2, ((2.0 * H, 2.0, 0.0),), rounding=0.99 * 2.0**-20) > 0.0


def test_no_noise_above_where_the_first_quotients_rounding_is_unknown() -> None:
    assert _above(2, ((2.0 * H, 2.0, 0.0),), rounding=None) == 0.0


def test_no_window_no_noise_above() -> None:
    estimate = Estimate(1.0, 0.0, 0, H, "central", before=((2.0 * H, 2.0, 0.0),))
    assert _noise_above(_RoundingSampler(0.0), estimate, 2) == 0.0


def test_the_windows_truncation_at_its_first_step_is_its_largest_grown_to_it() -> None:
    # Both quotients 2**-20 off: the one at H/2 grown as h**2 to H is 2**-18 off, and
    # grown on to 2H, 2**-16: a quotient there 1 off is off by 1 - _allowed(2**-16) more.
    window = ((H, 1.0 + 2.0**-20), (H / 2.0, 1.0 + 2.0**-20))
    shown = (1.0 - _allowed(2.0**-16)) * (2.0 * H) ** 2 / 4.0
    assert _above(2, ((2.0 * H, 2.0, 0.0),), window=window) == shown
    # At 4H the truncation has grown 16-fold from H: 2**-14.
    shown = (1.0 - _allowed(2.0**-14)) * (4.0 * H) ** 2 / 4.0
    assert _above(2, ((4.0 * H, 2.0, 0.0),), window=window) == shown


def test_quotients_where_the_truncation_passes_a_16th_of_the_value_are_passed_over() -> None:
    # The truncation 2**-20 at H grows as h**2 to exactly 1/16 at 256 H: judged there
    # (a quotient 3 off is 1 off beyond 16 times it); at 512 H it is 1/4, beyond the
    # scale, and a quotient 10 off there is passed over, not the end of the rows. (At a
    # 16th, (2 + 14 s) T is 16 T: s is 1.)
    at_256 = (256.0 * H, 3.0, 0.0)
    assert _above(2, (at_256,)) == (256.0 * H) ** 2 / 4.0
    beyond = (512.0 * H, 10.0, 0.0)
    assert _above(2, (beyond,)) == 0.0
    assert _above(2, (beyond, (2.0 * H, 2.0, 0.0))) == _above(2, ((2.0 * H, 2.0, 0.0),)) > 0.0


# ----------------------------------------------------------------- _truncation_power


def _power(kind: str, *offs: float, steps: tuple[float, ...] = (4.0, 2.0, 1.0)) -> float:
    """`_truncation_power` of a window of quotients ``1 + off`` at ``steps`` (times H)."""
    window = tuple((step * H, 1.0 + off) for step, off in zip(steps, offs, strict=False))
    return _truncation_power(Estimate(1.0, 0.0, 0, 4.0 * H, kind, window=window))


@pytest.mark.parametrize(("kind", "least"), [("central", 2.0), ("forward", 1.0), ("backward", 1.0)])
def test_the_truncation_power_is_at_least_the_stencils(kind: str, least: float) -> None:
    assert _power(kind, 2.0**-10) == least  # one quotient
    assert _power(kind, 2.0**-10, 2.0**-10) == least  # no fall
    assert _power(kind, 2.0**-10, 0.0) == least  # the second on the value: no rate
    assert _power(kind, 2.0**-10, 2.0**-20) == 10.0  # 1024-fold per halved step
    assert _power(kind, 2.0**-10, 2.0**-10.5) == least  # slower than either stencil's
    assert _power(kind, 2.0**-10, 2.0**-10, 2.0**-30) == least  # the first two only


def test_the_truncation_power_is_the_rate_between_the_first_two_steps() -> None:
    # 2**-10 at 4H, 2**-13 at H: 8-fold over a 4-fold step, as h**1.5.
    assert _power("forward", 2.0**-10, 2.0**-13, steps=(4.0, 1.0)) == pytest.approx(1.5)
    assert _power("central", 2.0**-10, 2.0**-20, steps=(4.0, 1.0)) == pytest.approx(5.0)


# ---------------------------------------------------------------------------- _sudden


class _FourthSampler(Sampler):
    """A 4th difference of ``fine(step)`` (None: none), recording the steps asked."""

    def __init__(self, fine: Callable[[float], float | None]) -> None:
        super().__init__(lambda t: 2.0, 1.0)
        self.fine = fine
        self.asked_steps: list[float] = []

    def _fourth_difference(self, step: float) -> tuple[float, bool] | None:
        self.asked_steps.append(step)
        value = self.fine(step)
        return None if value is None else (value, True)


QUIET = 1e-20


def test_stairs_whose_one_stair_curves_at_a_16th_are_tried_at_a_256th() -> None:
    # Above the rounding at a 16th of the spacing, within it at a 256th; the noise just
    # above 1024**4 times the rounding, where the 256th is tried.
    def fine(step: float) -> float:
        return 2.0 * QUIET if step > 1e-5 else QUIET

    noise = 1.0001 * 1024.0**4 * QUIET
    sampler = _FourthSampler(fine)
    assert _sudden(sampler, 1e-3, noise, QUIET)
    assert sampler.asked_steps == [representable_step(1.0, 1e-3 / d) for d in (16.0, 256.0)]


def test_no_4th_difference_at_a_256th_is_no_stairs() -> None:
    sampler = _FourthSampler(lambda step: 2.0 * QUIET if step > 1e-5 else None)
    assert not _sudden(sampler, 1e-3, 1e13 * QUIET, QUIET)
    assert len(sampler.asked_steps) == 2


# ------------------------------------------------------------------- Value.__pow__


@pytest.mark.parametrize("exponent", [Fraction(2**53 + 1), Fraction(-(2**53) - 1)])
def test_a_non_int_exponent_past_2_to_the_53_has_the_slope_of_the_value_computed(
    exponent: Fraction,
) -> None:
    # An int keeps its parity (calcweb.pow); a Fraction is the float it rounds to,
    # 2**53 (even), in the value, and the slope is that value's: d/dx x**e = e x**e / x.
    x = Value(-1.0)
    y = x**exponent
    y.backward()
    assert y.data == 1.0
    assert x.grad == float(exponent) * y.data / x.data


# ------------------------------------------------------------------ _real.power


@pytest.mark.parametrize(("x", "y", "name"), [(math.nan, 2.0, "x"), (2.0, math.inf, "y")])
def test_pow_names_the_argument_that_is_not_finite(x: float, y: float, name: str) -> None:
    with pytest.raises(InvalidArgumentError, match=f"^{name} must be a finite number"):
        _real.power(x, y)


@pytest.mark.parametrize(
    ("x", "y", "value"),
    [
        (0.0, 0.5, 0.0),  # a zero base takes any exponent >= 0
        (0.0, 0.0, 1.0),
        (0.5, 0.5, math.sqrt(0.5)),
        (0.0, 2**53 + 1, 0.0),  # +0.0, not -0.0: only a negative base has a sign
        (-1.0, 2**53 + 1, -1.0),  # an odd int past 2**53 (it rounds to an even float)
        (-1.0, -(2**53) - 1, -1.0),
        (-1.0, 2**54 + 2, 1.0),  # an even one that rounds
        (-1.0, 2**54 + 6, 1.0),
    ],
)
def test_pow_of_a_zero_or_negative_base(x: float, y: float, value: float) -> None:
    result = _real.power(x, y)
    assert result == value
    assert math.copysign(1.0, result) == math.copysign(1.0, value)


def test_pow_of_a_base_near_1_to_an_int_past_2_to_the_53() -> None:
    # (1 - 2**-53)**(2**53 + 1) is about 1/e, and -(1 + 2**-52) to it about -e**2.
    assert _real.power(1.0 - 2.0**-53, 2**53 + 1) == pytest.approx(1.0 / math.e, rel=1e-12)
    assert _real.power(-(1.0 + 2.0**-52), 2**53 + 1) == pytest.approx(-(math.e**2), rel=1e-12)


@pytest.mark.parametrize(
    ("x", "y", "message"),
    [
        (
            -2.0,
            0.5,
            (
                "pow(-2.0, 0.5) is not a real number: a negative base needs an integer "
                "exponent; use abs(x) ** y or an integer y"
            ),
        ),
        (
            0.0,
            -1.0,
            (
                "pow(0.0, -1.0) divides by zero: a zero base needs an exponent >= 0; "
                "move x away from 0"
            ),
        ),
        (10.0, 400.0, "pow(10.0, 400.0) overflows a float"),
        (-10.0, 2**60 + 1, "pow(-10.0, 1.152921504606847e+18) overflows a float"),
    ],
)
def test_pow_says_why_it_refuses(x: float, y: float, message: str) -> None:
    with pytest.raises(CalcwebError) as refused:
        _real.power(x, y)
    assert str(refused.value).startswith(message)


# ---------------------------------------------------- _watching and _watching_unary


def _watched(x: float) -> tuple[limits._Watched, limits._Overflows]:
    overflows = limits._Overflows()
    return limits._Watched.of(x, overflows), overflows


def test_watched_arithmetic_is_floats_with_either_operand_first() -> None:
    x, _ = _watched(3.0)
    results = [x - 10.0, 10.0 - x, x / 2.0, 12.0 / x, x**2, 2.0**x, 7.0 % x, x % 2.0]
    results += [7.0 // x, x // 2.0, -x, +x, abs(-x)]
    assert results == [-7.0, 7.0, 1.5, 4.0, 9.0, 8.0, 1.0, 1.0, 2.0, 1.0, -3.0, 3.0, 3.0]
    assert all(type(result) is limits._Watched for result in results)


def test_watched_arithmetic_leaves_what_floats_do_not_compute() -> None:
    x, _ = _watched(-2.0)
    assert isinstance(x**0.5, complex)  # float's complex power, not noted
    with pytest.raises(TypeError):
        pow(x, 2, 3)  # float's pow takes no modulus
    with pytest.raises(TypeError):
        x + "1"


def test_only_a_quotient_by_an_overflow_vanishes() -> None:
    # 1e200 squared overflows; 1/inf is 0, below DBL_MAX x the smallest normal number
    # over it: a quotient that vanished, f's own value, whichever operand is x's.
    # 1 % inf is 1, and 1 // inf is 0, computed from the inf but no quotient: refused.
    x, overflows = _watched(1e200)
    square = x * x
    assert square.overflowed
    for vanished in (1.0 / square, (x / 1e200) / square):
        assert vanished == 0.0
        assert vanished.vanished
        overflows.check(vanished)
    for kept in (1.0 % square, 1.0 // square):
        assert not kept.vanished
        with pytest.raises(OverflowError):
            overflows.check(kept)


def test_a_unary_operation_keeps_what_its_operand_holds() -> None:
    x, overflows = _watched(1e200)
    for unary in (operator.neg, operator.pos, abs):
        result = unary(x * x)
        assert result.overflowed
        assert not result.vanished
        assert result.overflows is overflows
        assert overflows.last is result
    vanished = -(1.0 / (x * x))
    assert vanished.vanished
    assert overflows.last is vanished
    assert overflows.last.overflows is overflows


# ------------------------------------------------------------------ _maybe_on_stairs


@pytest.mark.parametrize("disagrees", [False, True])
@pytest.mark.parametrize("settled", [False, True])
@pytest.mark.parametrize("untruncated", [False, True])
@pytest.mark.parametrize("noise", [0.0, 1e-9])
@pytest.mark.parametrize(("n", "error"), [(2, 1.0), (1, 1.0), (2, 0.999)])
def test_maybe_on_stairs_is_contradicted_and_unproven(
    monkeypatch: pytest.MonkeyPatch,
    *,
    disagrees: bool,
    settled: bool,
    untruncated: bool,
    noise: float,
    n: int,
    error: float,
) -> None:
    # Stand-ins for the four tests it combines; the estimate is 1, of 0 within its
    # error (error >= |value|) at orders 2 and more only. Each is asked of the estimate.
    asked: dict[str, tuple[object, ...]] = {}

    def stand_in(name: str, answer: object) -> Callable[..., object]:
        def answered(*args: object) -> object:
            asked[name] = args
            return answer

        return answered

    monkeypatch.setattr(_richardson, "_disagrees", stand_in("disagrees", disagrees))
    monkeypatch.setattr(_richardson, "_settled_above", stand_in("settled", settled))
    monkeypatch.setattr(_richardson, "_untruncated", stand_in("untruncated", untruncated))
    monkeypatch.setattr(_richardson, "_noise_above", stand_in("noise", noise))
    sampler = Sampler(lambda t: 0.0, 1.0)
    estimate = Estimate(1.0, error, 0, H, "central", window=((H, 1.0),))
    zero = n > 1 and error >= 1.0
    unproven = zero or untruncated or noise > 0.0
    expected = (disagrees or (unproven and settled)) and unproven
    assert _richardson._maybe_on_stairs(sampler, estimate, n) is expected
    arguments = {"noise": (sampler, estimate, n)}
    assert all(args == arguments.get(name, (estimate,)) for name, args in asked.items())
    assert asked.keys() >= {"disagrees"}
    assert asked.keys() >= ({"untruncated", "noise"} if not zero and not untruncated else set())


# ---------------------------------------------------------- _slower_than_log_powers

# Six halves whose slowness u = 1/(1 - ratio) steps by 1.05, 1, 1.05, 1.1: within 1.1
# of one another (`_power_law_fit` fits them), and the last three grow; moved by ulps
# until the last step is exactly 1.1 times the first of the three.
STEPS_UP_TO_1_1 = [
    0.9999999999999936,
    0.6666666666666636,
    0.5020576131687241,
    0.40264026402640396,
    0.336633663366337,
    0.2898789878987899,
]


def test_steps_growing_by_exactly_1_1_that_a_power_law_fits_are_not_slower() -> None:
    steps = _steps(STEPS_UP_TO_1_1[1:])
    assert 0.0 < steps[0] < steps[1] < steps[2] == 1.1 * steps[0]
    assert _power_law_fit(STEPS_UP_TO_1_1) is not None
    assert not _slower_than_log_powers(STEPS_UP_TO_1_1)


def test_steps_above_1_that_a_power_law_fits_are_not_slower() -> None:
    # u = 3, 4.1, 5.21, 6.33, 7.46: steps 1.1, 1.11, 1.12, 1.13, growing by 1.03 in all.
    halves = [1.0]
    for u in (3.0, 4.1, 5.21, 6.33, 7.46):
        halves.append(halves[-1] * (1.0 - 1.0 / u))
    assert _power_law_fit(halves) is not None
    assert not _slower_than_log_powers(halves)


# --------------------------------------------------------------------- _checked_half


def _result(value: float, nfev: int = 10) -> IntegrationResult:
    return IntegrationResult(value, 1e-12, nfev, "adaptive", 1)


def test_a_chain_of_three_odd_looking_halves_is_checked_part_by_part(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # f = 2x on [0, 8], integral x**2: 64. Stand-ins: every sum over [centre, 8] that
    # `_summed` gives cancels to 0 and looks odd, for the centres 4 and 6; the one
    # from 7 is found (15) and does not. Every other part is found (`_adaptive`).
    # The halves [4, 8] and [6, 8] were blind: [4, 6] and [6, 7] are summed with the
    # innermost half [7, 8], and [0, 4] with them: 16 + 20 + 13 + 15.
    asked: list[tuple[float, float, object]] = []
    middles: list[float] = []
    seen: dict[float, float] = {}

    def x_of(t: float) -> float:
        return t + 100.0

    def adaptive(_g: object, a: float, b: float, *_rest: object, **kwargs: object) -> object:
        asked.append((a, b, kwargs["finite_ends"]))
        assert kwargs["x_of"] is x_of
        assert kwargs["seen"] is seen
        return _result(b**2 - a**2)

    def summed(g: object, a: float, b: float, *_rest: object, **kwargs: object) -> object:
        found = adaptive(g, a, b, **kwargs)
        return (found, False) if a == 7.0 else (_result(0.0), True)

    checked_by = _integrate._checked_by

    def checked_by_noted(*args: Any) -> IntegrationResult:
        middles.append(args[-1])
        return checked_by(*args)

    monkeypatch.setattr(_integrate, "_summed", summed)
    monkeypatch.setattr(_integrate, "_adaptive", adaptive)
    monkeypatch.setattr(_integrate, "_checked_by", checked_by_noted)
    checked = _integrate._checked_half(
        _result(0.0),
        lambda x: 2.0 * x,
        0.0,
        8.0,
        tol=1e-10,
        rule=K21,
        finite_ends=(False, False),
        x_of=x_of,
        seen=seen,
    )
    # The chain's halves keep the interval's right end as it was (infinite on a map);
    # the parts between the centres are finite; the half to the left keeps its left end.
    halves = [(4.0, 8.0, (True, False)), (6.0, 8.0, (True, False)), (7.0, 8.0, (True, False))]
    parts = [(6.0, 7.0, (True, True)), (4.0, 6.0, (True, True)), (0.0, 4.0, (False, True))]
    assert asked == halves + parts
    assert middles == [107.0, 106.0, 104.0]  # each check's middle, in the reader's x
    assert checked.value == 64.0
    assert checked.nfev == 10 + 6 * 10


# ------------------------------------------------------ _Extrapolated.turning_end_panel


def test_an_end_panel_exactly_at_the_tables_level_is_the_chains() -> None:
    # The right end is at x at infinity (not finite), its halves still rise (1 then 2):
    # the panel at that end whose width is `small` or less is the chain's, `small`
    # itself included ("at the table's level or below"), a wider one not.
    def chain(width: float) -> int | None:
        panel = SimpleNamespace(a=1.0 - width, b=1.0)
        panels = SimpleNamespace(
            ends=(-1.0, 1.0), finite_ends=(True, False), entries=[SimpleNamespace(panel=panel)]
        )
        table = SimpleNamespace(end_inner=[[], [1.0, 2.0]], panels=panels, small=0.5)
        return _integrate._Extrapolated.turning_end_panel(table)  # type: ignore[arg-type]

    assert chain(0.5) == 0
    assert chain(0.25) == 0
    assert chain(0.75) is None
