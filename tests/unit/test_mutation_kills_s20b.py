"""Mutation tests for the functions session 20's second run reached (MUT13).

tools/mutation/one_function.py ran mutmut 3.8.1's mutants of the session's new code at
7435daa, each against every test that reached its function (tools/mutation/HISTORY.md).
Each test below kills survivors by a direct call: exact values where the function is a
formula (`_scale_spacing`), a boundary its docstring or comment states (`_sudden`'s
``64**4`` times the rounding), or a Sampler whose 4th difference is a stand-in that
records the step it is asked for. No mpmath: these run inside Pyodide too.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from calcweb import IntegrationResult, _gauss_kronrod, integrate, limits
from calcweb._gauss_kronrod import GEOMETRIC_DROP, K21, gauss_kronrod, odd_unproven
from calcweb._integrate import _power_law_fit, _slower_than_log_powers
from calcweb._richardson import (
    _GOLDEN,
    Estimate,
    Sampler,
    _edge_first,
    _scale_spacing,
    _scatter,
    _sudden,
    representable_step,
)
from calcweb.exceptions import DomainError, NumericalError

# --------------------------------------------------------------------- _scale_spacing


def _window_estimate(kind: str, value: float = 1.0) -> Estimate:
    """A window of three quotients, the last (the one read) 1/16 off the value."""
    window = ((4e-3, value + 0.3), (2e-3, value + 0.7), (1e-3, value + 0.0625))
    return Estimate(value, 1e-6, 0, 4e-3, kind, smallest=1e-3, window=window)


def test_the_scale_spacing_grows_the_last_quotients_gap_to_the_value() -> None:
    # The last quotient, at 1e-3, is 1/16 off 1: central truncation (h**2) reaches
    # |1| at 4 times that step, one-sided (h) at 16 times; a 32nd of either.
    assert math.isclose(_scale_spacing(_window_estimate("central")), 1e-3 / 32.0 * 4.0)
    assert math.isclose(_scale_spacing(_window_estimate("forward")), 1e-3 / 32.0 * 16.0)


def test_a_last_quotient_on_the_value_gives_no_scale() -> None:
    # Its gap is 0: no truncation to grow, and no division by it.
    window = ((2e-3, 1.5), (1e-3, 1.0))
    estimate = Estimate(1.0, 1e-6, 0, 2e-3, "central", smallest=1e-3, window=window)
    assert _scale_spacing(estimate) == math.inf


# -------------------------------------------------------------------------- _scatter


class _QuotientSampler(Sampler):
    """Quotients ``truth(h)`` at any step, recording what is asked: (kind, n, h)."""

    def __init__(self, truth: Callable[[float], float]) -> None:
        super().__init__(lambda t: 0.0, 0.0)
        self.truth = truth
        self.asked: list[tuple[str, int, float]] = []

    def quotient(self, kind: str, n: int, h: float) -> tuple[float, float, float]:
        self.asked.append((kind, n, h))
        return self.truth(h), 0.0, h


def test_the_scatter_is_the_quotients_distance_from_the_expansion_next_to_h() -> None:
    # The window's last quotient, at 1e-3, is 1/16 off the value 1: at h (1 + 1/16)
    # and h (1 - 1/(16 golden)) the expansion puts the quotients 1/16 (h'/1e-3)**2
    # off; they are 1e-4 and 3e-4 farther, and the larger is the scatter.
    def truth(h: float) -> float:
        return 1.0 + 0.0625 * (h / 1e-3) ** 2 + (1e-4 if h > 1e-3 else 3e-4)

    sampler = _QuotientSampler(truth)
    estimate = _window_estimate("central")
    assert math.isclose(_scatter(sampler, 2, estimate), 3e-4, rel_tol=1e-9)
    steps = [1e-3 * (1.0 + 1.0 / 16.0), 1e-3 * (1.0 - 1.0 / (16.0 * _GOLDEN))]
    assert sampler.asked == [("central", 2, step) for step in steps]


def _outside(_h: float) -> float:
    raise DomainError("outside the domain")


@pytest.mark.parametrize("truth", [_outside, lambda h: math.inf], ids=["outside", "inf"])
def test_no_scatter_where_a_quotient_is_outside_or_infinite(
    truth: Callable[[float], float],
) -> None:
    assert _scatter(_QuotientSampler(truth), 2, _window_estimate("central")) == 0.0


QUIET = 1e-20
SPACING = 1e-3


class _FineSampler(Sampler):
    """A constant f whose 4th difference is ``fine`` (or raises), recording its steps."""

    def __init__(self, fine: float | None = 0.0) -> None:
        super().__init__(lambda t: 2.0, 1.0)
        self.fine = fine
        self.asked_steps: list[float] = []

    def _fourth_difference(self, step: float) -> tuple[float, bool] | None:
        self.asked_steps.append(step)
        if self.fine is None:
            raise NumericalError("no 4th difference here")
        return self.fine, True


def test_noise_no_more_than_64_to_the_4th_of_the_rounding_is_not_judged() -> None:
    bound = 64.0**4 * QUIET
    assert not _sudden(_FineSampler(), SPACING, bound, QUIET)  # exactly the bound
    assert not _sudden(_FineSampler(), SPACING, 1000.0 * QUIET, QUIET)
    assert _sudden(_FineSampler(), SPACING, math.nextafter(bound, math.inf), QUIET)
    assert _sudden(_FineSampler(), SPACING, 0.99 * 65.0**4 * QUIET, QUIET)
    assert _sudden(_FineSampler(), SPACING, 0.99 * 64.0**5 * QUIET, QUIET)


def test_sudden_looks_at_a_16th_of_the_spacing() -> None:
    sampler = _FineSampler()
    assert _sudden(sampler, SPACING, 1e8 * QUIET, QUIET)
    assert sampler.asked_steps == [representable_step(1.0, SPACING / 16.0)]


def test_a_fine_4th_difference_of_exactly_the_rounding_is_smooth() -> None:
    assert _sudden(_FineSampler(QUIET), SPACING, 1e8 * QUIET, QUIET)
    assert not _sudden(_FineSampler(2.0 * QUIET), SPACING, 1e8 * QUIET, QUIET)


def test_no_4th_difference_at_a_16th_is_no_stairs() -> None:
    assert not _sudden(_FineSampler(None), SPACING, 1e8 * QUIET, QUIET)


# ----------------------------------------------------------------------- _edge_first


def test_a_window_of_two_quotients_can_have_its_first_off_by_an_edge() -> None:
    # Off by 1 at 2e-3 (a quarter of it, 0.25, at 1e-3 had it been truncation), the
    # second within 1e-4 of the value: an edge. Two quotients are enough to tell.
    window = ((2e-3, 2.0), (1e-3, 1.0 + 1e-4))
    estimate = Estimate(1.0, 1e-3, 0, 2e-3, "central", smallest=1e-3, window=window)
    assert _edge_first(estimate)
    assert not _edge_first(Estimate(1.0, 1e-3, 0, 2e-3, "central", window=window[:1]))


@pytest.mark.parametrize(
    ("kind", "error", "edge"),
    [
        ("central", 0.2, False),  # truncation would leave 1/4 of 1 at half the step
        ("forward", 0.2, True),  # one-sided: 1/2 of it, above twice the error
        ("central", 0.125, False),  # exactly twice the error is no edge
        ("central", 0.1, True),
    ],
)
def test_an_edge_is_a_first_quotient_whose_truncation_would_show_in_the_second(
    kind: str, error: float, edge: bool
) -> None:
    # The first quotient 1 off the value, the second on it, half the step.
    window = ((2e-3, 2.0), (1e-3, 1.0))
    estimate = Estimate(1.0, error, 0, 2e-3, kind, smallest=1e-3, window=window)
    assert _edge_first(estimate) is edge


# --------------------------------------------------------------------- _checked_half


@pytest.mark.parametrize(
    ("k", "a", "b", "tol", "nfev"),
    [(1.3, -2.7759, 0.4567, 1.35e-5, 487), (0.7, -0.6995, 5.0144, 2.3e-7, 528)],
)
def test_a_chain_of_odd_looking_halves_samples_each_point_once(
    k: float, a: float, b: float, tol: float, nfev: int
) -> None:
    # `_checked_half`'s docstring's staircases: the halves, the part between the two
    # centres and the half to the left reuse the samples taken before (its `seen`), so
    # no point is sampled twice (3685 and 3899 calls at aaecf45; the first 3677 before
    # INT24's `_between_plateaus` ended its chase at a jump between two plateaus;
    # 2921 and 3887 before INTSTEP located the jumps by bisecting f; 1490 and 1532
    # before INTINF bisected the bracket of the jump at 0 in the floats' order).
    points: list[float] = []

    def f(x: float) -> float:
        points.append(x)
        return math.floor(k * x) / k

    result = integrate(f, a, b, tol=tol, full_output=True)
    assert isinstance(result, IntegrationResult)
    assert result.converged
    assert len(set(points)) == len(points) == result.nfev == nfev


# ----------------------------------------------------------- _slower_than_log_powers


def _falling(slowness: list[float]) -> list[float]:
    """Halves from 1 whose ratios are ``1 - 1/u`` for each ``u`` of ``slowness``."""
    halves = [1.0]
    for u in slowness:
        halves.append(halves[-1] * (1.0 - 1.0 / u))
    return halves


def test_a_fall_whose_slowness_steps_grow_is_slower_than_log_powers() -> None:
    # u = 2, 3, 4.5, 7: steps 1, 1.5, 2.5, growing, the last 2.5 times the first.
    halves = _falling([2.0, 3.0, 4.5, 7.0])
    assert _slower_than_log_powers(halves)
    assert _slower_than_log_powers([-half for half in halves])  # by size
    # Only the last five: an earlier half, however large or 0, is not read.
    assert _slower_than_log_powers([0.0, *halves])
    assert _slower_than_log_powers([1e9, *halves])
    assert _slower_than_log_powers([half / halves[-1] for half in halves])  # the last is 1


def test_a_fall_that_settles_or_is_short_is_no_slower_than_log_powers() -> None:
    halves = _falling([2.0, 3.0, 4.5, 7.0])
    assert not _slower_than_log_powers(halves[:4])  # four halves: three ratios
    assert not _slower_than_log_powers([*halves[:4], 0.0])
    assert not _slower_than_log_powers([0.0, *halves[1:]])  # no ratio to a 0
    assert not _slower_than_log_powers([*halves[:2], halves[1], *halves[3:]])  # a ratio of 1
    assert not _slower_than_log_powers([*halves[:4], halves[3] * 1.5])  # a rise
    assert not _slower_than_log_powers(_falling([2.0, 3.0, 4.0, 5.0]))  # steps of 1: a log power
    # Steps growing by 2 %, below 1.1: held only while `_power_law_fit` fits nothing (INT23).
    slow = _falling([2.0, 3.0, 4.01, 5.03])
    assert _slower_than_log_powers(slow) == (_power_law_fit(slow) is None)
    assert not _slower_than_log_powers(_falling([2.0, 4.0, 5.0, 7.0]))  # 2, 1, 2: not growing
    # Steps that do not grow strictly from above 0: 0, 1, 2 (two ratios of exactly 1/2),
    # and 1 + 2 ulps twice, then 2 (found by a search of the fourth half's ulps).
    assert not _slower_than_log_powers(_falling([2.0, 2.0, 3.0, 5.0]))
    equal = [1.0, 0.5, 0.33333333333333337, 0.25000000000000006, 0.20833333333333334]
    assert not _slower_than_log_powers(equal)


# ---------------------------------------------------------------------- odd_unproven


def test_odd_coefficients_that_fall_by_exactly_the_geometric_drop_are_unproven(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A smooth odd part falls by more than GEOMETRIC_DROP; exactly that is not more.
    panel = gauss_kronrod(math.sin, -1.0, 1.0)
    monkeypatch.setattr(_gauss_kronrod, "_odd_fall", lambda rule, panel: GEOMETRIC_DROP)
    assert odd_unproven(K21, panel)
    monkeypatch.setattr(
        _gauss_kronrod, "_odd_fall", lambda rule, panel: math.nextafter(GEOMETRIC_DROP, math.inf)
    )
    assert not odd_unproven(K21, panel)


# --------------------------------------------------------------------------- _passed


def test_passed_is_judged_against_the_noise_of_the_last_sample(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # test_limits_s18's samples stepping down by an ulp or none to 1 + 5 ulps, past
    # 1 + 9 ulps: 13 ulps (4 past, 9 the whole run moved), unless the last sample's noise
    # bound (a stand-in: the others' are large) covers the 4 ulps past.
    ulp = 2.0**-52
    down = [1.0 + k * ulp for k in (14, 13, 12, 11, 10, 10, 9, 8, 8, 8, 7, 7, 6, 6, 6, 6, 5)]

    def noise(last: float) -> Callable[[object], tuple[list[float], int]]:
        return lambda table: ([1.0] * (len(down) - 1) + [last], 0)

    monkeypatch.setattr(limits, "_noise", noise(0.0))
    assert limits._passed(down, 1.0 + 9 * ulp) == 13 * ulp
    monkeypatch.setattr(limits, "_noise", noise(1.0))
    assert limits._passed(down, 1.0 + 9 * ulp) == 0.0
    # The last sample itself is not passed (0 past, 0 noise: not above SAFETY x 0).
    monkeypatch.setattr(limits, "_noise", noise(0.0))
    assert limits._passed(down, down[-1]) == 0.0


def test_a_step_of_exactly_ulps_units_is_within_a_samples_rounding() -> None:
    # From 1 down by exactly ULPS ulps of 1 (the largest sample), then by half an ulp or
    # none: every step within the rounding, so the walk past 1 sets the error.
    eps = limits._EPS
    down = [1.0, 1.0 - limits.ULPS * eps]
    while len(down) < 2 * limits.NOISE_POINTS + 1:
        down.append(down[-1] - (eps / 2.0 if len(down) % 2 else 0.0))
    assert limits._passed(down, 1.0) > 0.0
