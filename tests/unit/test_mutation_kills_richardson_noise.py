"""calcweb._richardson's noise and kink checks at their thresholds (mutation testing).

Survivors of a mutation run of calcweb/_richardson.py that
test_mutation_kills_richardson.py and test_derivative_noise.py leave: where
``_relative_noise`` measures (the point of largest ``|f|``, at the spacing
where ``f`` changes by one stair), and the tolerances of the kink check
(``_check_one_sided``) at both of its stages; the 5-point stencil the noise
is read from; the confirmation of a window at its boundary. The oracles:
``f`` built by hand from dyadic values, so that each quotient, each
extrapolation and each tolerance is an exact float, and the formulas of the
docstrings.
"""

from __future__ import annotations

import dataclasses
import math
import struct
import sys
from typing import Any

import pytest

import calcweb
from calcweb import _richardson, derivative
from calcweb._richardson import (
    _GOLDEN,
    Estimate,
    Sampler,
    _Candidate,
    _check_one_sided,
    _confirmed,
    _differences,
    _interpolate,
    _refine,
    _relative_noise,
    _Walk,
    _walks,
    _Window,
    extrapolate,
)

EPS = sys.float_info.epsilon

# ------------------------------------------------------- the stencil of the noise


def test_the_noise_stencil_is_the_five_values_from_x_minus_2h_to_x_plus_2h() -> None:
    sampler = sampled(lambda t: t * t * t, 1.0, 0.5, 0.75, 1.0, 1.25, 1.5)
    assert sampler._stencil(0.25) == [0.125, 0.421875, 1.0, 1.953125, 3.375]


def test_the_differences_of_neighbours() -> None:
    assert _differences([1.0, 3.0, 3.0, -2.0]) == [2.0, 0.0, -5.0]
    assert _differences([5.0]) == []


# ---------------------------------------------------------------- relative noise


class _Measured:
    """Sampler.measure_noise replaced: it records where it measured and returns ``noise``."""

    def __init__(self, noise: float) -> None:
        self.noise = noise
        self.calls: list[tuple[float, float, float, float]] = []

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        def measure_noise(sampler: Sampler, spacing: float, widest: float, quiet: float) -> float:
            self.calls.append((sampler.x, spacing, widest, quiet))
            return self.noise

        monkeypatch.setattr(Sampler, "measure_noise", measure_noise)


def sampled(f: Any, x: float, *points: float) -> Sampler:
    """A sampler at ``x`` that has computed f at ``points``, in that order."""
    sampler = Sampler(f, x)
    for point in points:
        sampler(point)
    return sampler


def test_relative_noise_is_measured_at_the_largest_value_not_the_largest_point(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 1 - 4t at 0.5 (f = -1), 1 (-3) and -1 (5): |f| is largest at -1. The slope from x
    # there is |5 - (-1)| / |-1 - 0.5| = 4, so stairs of 0.25 (the noise at x) are a
    # spacing of 0.25 / 4 apart; the noise 0.5 measured there is 0.5 / 5 of |f|.
    measured = _Measured(0.5)
    measured.install(monkeypatch)
    sampler = sampled(lambda t: 1.0 - 4.0 * t, 0.5, 0.5, 1.0, -1.0)
    assert _relative_noise(sampler, 1e-3, 0.1, 1e-9, 0.25) == 0.5 / 5.0
    assert measured.calls == [(-1.0, 0.0625, 0.1, 1e-9)]


def test_relative_noise_where_f_is_as_large_as_at_x(monkeypatch: pytest.MonkeyPatch) -> None:
    # f = 2 at 1 (computed first) and at x = 0.5: no slope from x, so the spacing given.
    measured = _Measured(0.25)
    measured.install(monkeypatch)
    sampler = sampled(lambda t: 2.0, 0.5, 1.0, 0.5)
    assert _relative_noise(sampler, 1e-3, 0.1, 0.0, 0.125) == 0.25 / 2.0
    assert measured.calls == [(1.0, 1e-3, 0.1, 0.0)]


@pytest.mark.parametrize(
    ("f", "points"),
    [
        (lambda t: 3.0 - t, (0.5, 1.0)),  # |f| is largest at x itself
        (lambda t: 0.0, (1.0, 0.5)),  # f is 0 everywhere
    ],
)
def test_no_relative_noise_at_x_or_where_f_is_0(
    monkeypatch: pytest.MonkeyPatch, f: Any, points: tuple[float, ...]
) -> None:
    measured = _Measured(1.0)
    measured.install(monkeypatch)
    assert _relative_noise(sampled(f, 0.5, *points), 1e-3, 0.1, 0.0, 0.0) == 0.0
    assert measured.calls == []


def test_the_calls_made_where_f_is_largest_are_added_to_the_samplers() -> None:
    # float32(t) at 2**-20 and 1: the points computed there join the same values, and
    # each is counted once.
    def single(t: float) -> float:
        return float(struct.unpack("f", struct.pack("f", t))[0])

    sampler = sampled(single, 2.0**-20, 2.0**-20, 1.0)
    assert _relative_noise(sampler, 2.0**-43, 1.0 / 16.0, 0.0, 2.0**-43) == 2.0**-23
    assert len(sampler.values) > 2
    assert sampler.calls == len(sampler.values)


# --------------------------------------------------------------------- kinks


def estimate(value: float, error: float, smallest: float) -> Estimate:
    return Estimate(value, error, 0, 1.0, "central", smallest)


def forward_quotients(coarse: float, fine: float, finer: float | None) -> Any:
    """f at 0 with forward quotients coarse, fine, finer at h = 1, 1/2, 1/4 (exactly).

    ``finer`` None: f is undefined at 1/4.
    """
    values = {0.0: 0.0, 1.0: coarse, 0.5: fine / 2.0}
    if finer is not None:
        values[0.25] = finer / 4.0

    def f(t: float) -> float:
        if t not in values:
            raise ValueError("undefined here")
        return values[t]

    return f


def kink_message(forward: float, central: float, finest: float) -> str:
    return (
        f"no derivative of f at x=0.0 was found: the difference quotients from the "
        f"right tend to about {forward:.6g}, but the symmetric ones to "
        f"{central:.6g}, at steps down to {finest:.3g} (as they do at a kink or "
        "a jump at x, or where f varies on a scale finer than those steps); take a "
        "one-sided derivative with method='forward' or method='backward', or move x; "
        "or, if f varies on a finer scale, differentiate f(s * t) at t = x / s for a "
        "small s, and divide by s"
    )


def test_the_first_kink_tolerance_is_not_a_refusal_at_its_boundary() -> None:
    # Forward quotients 0, 1 (and 2): extrapolated once, 2; the tolerance is
    # 4 |1 - 0| + 20 x 2 TINY (the rounding of quotients of 0) + 2 x 1 = 6, exactly.
    # A central value of -4 is at that tolerance: no refusal, and no second
    # extrapolation, which would refuse it: 3 + 1/3 is 7 + 1/3 from -4, and its
    # tolerance 4/3 + 2.
    f = forward_quotients(0.0, 1.0, 2.0)
    _check_one_sided(Sampler(f, 0.0), estimate(-4.0, 1.0, 1.0))
    beyond = math.nextafter(-4.0, -math.inf)
    with pytest.raises(calcweb.DomainError) as info:
        _check_one_sided(Sampler(f, 0.0), estimate(beyond, 1.0, 1.0))
    assert str(info.value) == kink_message(3.0 + 1.0 / 3.0, beyond, 0.25)


def test_a_central_value_that_agrees_is_not_a_kink() -> None:
    # Forward quotients 3, 3, 3 and a central value of 3: no kink, however small the
    # tolerance (the error of the estimate 0).
    _check_one_sided(Sampler(forward_quotients(3.0, 3.0, 3.0), 0.0), estimate(3.0, 0.0, 1.0))


def second_stage(central: float) -> None:
    # Forward quotients 0, 1, 3: once extrapolated 2, twice 6 (once: 5). With a noise
    # floor of 1/16 the coarse quotient's rounding bound is 1/8, and with an error of
    # 1/4 both tolerances are 4 x 1 + 20 / 8 + 2 / 4 = 7: central values in (9, 13]
    # fail the first and pass the second.
    sampler = Sampler(forward_quotients(0.0, 1.0, 3.0), 0.0)
    sampler.noise_floor = 1.0 / 16.0
    _check_one_sided(sampler, estimate(central, 0.25, 1.0))


def test_the_second_kink_tolerance_at_its_boundary() -> None:
    second_stage(13.0)
    second_stage(9.5)
    beyond = math.nextafter(13.0, math.inf)
    with pytest.raises(calcweb.DomainError) as info:
        second_stage(beyond)
    assert str(info.value) == kink_message(6.0, beyond, 0.25)
    second_stage(9.0)  # 7 from 2: within the first tolerance


def test_without_a_quotient_at_a_quarter_of_the_step_the_kink_stands() -> None:
    # f undefined at 1/4: no second extrapolation, and the first one's verdict holds.
    f = forward_quotients(0.0, 1.0, None)
    _check_one_sided(Sampler(f, 0.0), estimate(-4.0, 1.0, 1.0))
    beyond = math.nextafter(-4.0, -math.inf)
    with pytest.raises(calcweb.DomainError) as info:
        _check_one_sided(Sampler(f, 0.0), estimate(beyond, 1.0, 1.0))
    assert str(info.value) == kink_message(2.0, beyond, 0.5)


# -------------------------------------------------------------- confirmation


def test_a_window_is_confirmed_at_exactly_twice_its_error() -> None:
    # Rows 1..2 (steps 1/4, 1/8) of a window whose line predicts the probe's quotient
    # (t**3 at 1, step 2**(1/golden - 3)) about 1e6 away: that distance is twice the error
    # at the boundary, and 100 x the probe's rounding bound is below half an ulp of it.
    steps = [0.5, 0.25, 0.125]
    quotients = [9.0, 1e6, 2e6 + 0.5]
    window = _Window(2)
    for step, quotient in zip(steps, quotients, strict=True):
        window.add(step, quotient, 0.0)
    sampler = Sampler(lambda t: t * t * t, 1.0)
    quotient, noise, probe = sampler.quotient("central", 1, 0.125 * 2.0 ** (1.0 / _GOLDEN))
    nodes = [(step / 0.25) ** 2 for step in steps[1:]]
    predicted = _interpolate(nodes, quotients[1:], (probe / 0.25) ** 2)
    apart = abs(quotient - predicted)
    assert 100.0 * noise < math.ulp(apart) / 2.0
    error = apart / 2.0
    best = _Candidate(0.0, error, 2, 1, 0.125)
    assert _confirmed(Sampler(lambda t: t * t * t, 1.0), "central", 1, window, best)
    below = _Candidate(0.0, math.nextafter(error, 0.0), 2, 1, 0.125)
    assert not _confirmed(Sampler(lambda t: t * t * t, 1.0), "central", 1, window, below)


# ---------------------------------------------------------------- refinement


def test_an_estimate_at_16_eps_is_at_rounding_level_and_not_refined() -> None:
    # exp at 0 from 0.015: a walk stopped early (its error 1e-10). At exactly
    # 16 eps |value| no wide stencil is tried; one ulp above, it is (18 calls).
    sampler = Sampler(math.exp, 0.0)
    sampler(0.0)
    walked = _walks(sampler, 1, 0.015, 1e-7)
    assert walked.early
    rounding = 16.0 * EPS * abs(walked.value)
    before = sampler.calls
    assert _refine(sampler, 1, dataclasses.replace(walked, error=rounding)) is None
    assert sampler.calls == before
    above = math.nextafter(rounding, math.inf)
    assert _refine(sampler, 1, dataclasses.replace(walked, error=above)) is None
    assert sampler.calls > before


def test_a_function_of_subnormal_size_is_refined_at_the_subnormal_spacing() -> None:
    # 1e-310 sin(t): 2 eps |f| underflows to 0, so the rounding level of the wide
    # stencil is the spacing of subnormal floats (its logarithm must exist).
    r = derivative(lambda t: 1e-310 * math.sin(t), 0.5, method="richardson", full_output=True)
    assert abs(r.value - 1e-310 * math.cos(0.5)) <= 2.0 * r.error
    assert r.error < 1e-320


# --------------------------------------------------------------------- walks


def test_the_error_of_an_exact_extrapolation_is_its_quotients_rounding() -> None:
    # t - t**3 at 0 from h = 1: central quotients 1 - h**2 (0, 3/4, 15/16, ...), which
    # the tableau extrapolates to exactly 1 from three rows. The error is then 2.5 times
    # the largest rounding bound of those quotients, 2 eps |f(h)| x 2 / 2h = 2 eps 15/16,
    # = 4.6875 eps: above the 4 eps |value| below which no error is reported.
    r = derivative(lambda t: t - t**3, 0.0, method="richardson", h=1.0, full_output=True)
    assert r.value == 1.0
    assert r.error == 2.5 * 2.0 * EPS * (15.0 / 16.0)


def test_a_one_sided_walk_extrapolates_in_powers_of_h() -> None:
    # exp, defined only from 1 on: forward quotients e + c1 h + c2 h**2 + ..., whose
    # tableau (in h, not h**2) reaches 4e-12 from h = 0.1.
    def right(t: float) -> float:
        if t < 1.0:
            raise ValueError("undefined left of 1")
        return math.exp(t)

    r = derivative(right, 1.0, method="richardson", h=0.1, full_output=True)
    assert abs(r.value - math.e) <= 2.0 * r.error
    assert r.error < 1e-10


# ------------------------------------------- the refinement's step and verdict


class _FakeWide:
    """_wide replaced: the steps it is asked for, and one (value, rounding) triple."""

    def __init__(self, found: list[tuple[float, float]] | None) -> None:
        self.found = found
        self.steps: list[float] = []

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        def wide(
            _sampler: Sampler, _n: int, _m: int, step: float
        ) -> list[tuple[float, float]] | None:
            self.steps.append(step)
            return self.found

        monkeypatch.setattr(_richardson, "_wide", wide)


def refine(
    monkeypatch: pytest.MonkeyPatch,
    rows: list[tuple[float, float]],
    value: float,
    *,
    error: float = 1.0,
    f_at_x: float = 1.0,
    noise_floor: float = 0.0,
    found: list[tuple[float, float]] | None = None,
) -> tuple[Estimate | None, list[float]]:
    """_refine of a first derivative at 0 resting on ``rows``, with _wide replaced."""
    wide = _FakeWide(found)
    wide.install(monkeypatch)
    sampler = sampled(lambda t: f_at_x, 0.0, 0.0)
    sampler.noise_floor = noise_floor
    walked = Estimate(value, error, 0, rows[0][0], "central", rows[-1][0], tuple(rows))
    return _refine(sampler, 1, walked), wide.steps


B = 2.0**996


def test_without_a_measurable_growth_the_wide_step_is_the_walks_largest(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Rows (2, 4B), (1, B), (1/2, 0) for a value 1/B: once extrapolated, 0, which is 1/B
    # from the value; c2 / c1 = (1/B) / B / 4 underflows to 0. With f(x) = 0 the noise
    # is the subnormal spacing, below 1/B: no growth, so the largest step, 2.
    rows = [(2.0, 4.0 * B), (1.0, B), (0.5, 0.0)]
    assert refine(monkeypatch, rows, 1.0 / B, f_at_x=0.0) == (None, [2.0])


def test_an_infinite_growth_is_not_refined(monkeypatch: pytest.MonkeyPatch) -> None:
    # The same rows with f(x) = 1: the noise 2 eps hides the extrapolation's 1/B, and
    # |d1 - value| / value = B**2 overflows: the growth is inf.
    rows = [(2.0, 4.0 * B), (1.0, B), (0.5, 0.0)]
    assert refine(monkeypatch, rows, 1.0 / B) == (None, [])


def test_a_wide_step_that_underflows_is_not_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    # h1 = 2**-1000 and 1 / growth = 6e-152: the step underflows to 0.
    rows = [(2.0**-999, 0.0), (2.0**-1000, 2.0**500)]
    assert refine(monkeypatch, rows, 2.0**-500, f_at_x=0.0) == (None, [])


def test_a_wide_step_that_overflows_is_not_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    # h1 = 2**1023 and 1 / growth = 1.4e7 (quotients one ulp apart), under a noise
    # floor of 1e300 that puts the balance at 1e4: the step overflows to inf.
    # (An error of 2**60, above the 16 eps |value| = 2**52 of an estimate at rounding level.)
    v = 2.0**100
    rows = [(1.5 * 2.0**1023, v), (2.0**1023, v * (1.0 + 2.0**-52))]
    assert refine(monkeypatch, rows, v, error=2.0**60, noise_floor=1e300) == (None, [])


def test_the_wide_step_is_at_most_one_over_the_growth(monkeypatch: pytest.MonkeyPatch) -> None:
    # Quotients 4, 1.75 at h = 2, 1 for a value 1: the growth is 2 sqrt(0.75 x 6) = 4.24;
    # the balance of truncation and rounding (noise floor 1/2) is at 0.55, so the step
    # is h1 / 4.24 = 0.236, and the power of 2 below it, 1/8. Then 1/16.
    # Both wide stencils (5, 4 from the walk's value) are dropped.
    rows = [(2.0, 4.0), (1.0, 1.75)]
    far = [(5.0, 0.0), (5.0, 0.0), (5.0, 0.0)]
    assert refine(monkeypatch, rows, 1.0, noise_floor=0.5, found=far) == (None, [0.125, 0.0625])


WIDE_ROWS = [(2.0, 4.0), (1.0, 1.75)]
Stencils = tuple[float, float, float, float, float]


def wide_verdict(
    monkeypatch: pytest.MonkeyPatch,
    error: float,
    stencils: Stencils,
) -> Estimate | None:
    """_refine of the value 1 with that error, when every wide stencil gives ``stencils``.

    They are the value and rounding bound of the wide stencil, of it without its two
    outer points, and the value without four.
    """
    value, rounding, coarse, coarse_rounding, coarser = stencils
    found = [(value, rounding), (coarse, coarse_rounding), (coarser, 0.0)]
    return refine(monkeypatch, WIDE_ROWS, 1.0, error=error, noise_floor=0.5, found=found)[0]


def test_a_wide_value_is_kept_up_to_the_walks_error_away(monkeypatch: pytest.MonkeyPatch) -> None:
    # No truncation left (the three stencils agree); rounding 2**-20.
    e = 2.0**-10
    kept = wide_verdict(monkeypatch, e, (1.0 + e, 2.0**-20, 1.0 + e, 2.0**-20, 1.0 + e))
    assert kept is not None
    # Its error: the last difference (0) plus its rounding, plus how far it moved.
    assert (kept.value, kept.error, kept.step) == (1.0 + e, 2.0**-20 + e, 2.0)
    far = math.nextafter(1.0 + e, 2.0)
    assert wide_verdict(monkeypatch, e, (far, 2.0**-20, far, 2.0**-20, far)) is None


def test_a_wide_value_whose_truncation_and_rounding_reach_the_error_is_dropped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Last difference 2**-12, the one before it as large: truncation 2**-12, rounding
    # 2**-12; settled, as the last difference is within both roundings. Kept only if
    # 2**-11 < the walk's error.
    d = 2.0**-12
    args = (1.0, d, 1.0 - d, 2.0**-30, 1.0 - 2.0 * d)
    assert wide_verdict(monkeypatch, 2.0 * d, args) is None
    kept = wide_verdict(monkeypatch, math.nextafter(2.0 * d, 1.0), args)
    assert kept is not None
    assert (kept.value, kept.error) == (1.0, 2.0 * d)


def test_a_wide_value_is_settled_only_below_its_rounding(monkeypatch: pytest.MonkeyPatch) -> None:
    # Last difference 2**-10, the one before 2**-8: truncation 2**-10 x 1/4 = 2**-12,
    # exactly the rounding, and the last difference is above both roundings: not
    # settled, though truncation + rounding (2**-11) is below the error 2**-9.
    d = 2.0**-10
    assert wide_verdict(monkeypatch, 2.0**-7, (1.0, d / 4, 1.0 - d, 2.0**-30, 1.0 - 5 * d)) is None


def test_a_wide_values_truncation_is_at_most_its_last_difference(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Last difference 2**-10, the one before 2**-11: truncation 2**-10 (not twice it);
    # with the rounding 2**-12, 1.25 x 2**-10, below the error 2**-9: kept.
    d = 2.0**-10
    kept = wide_verdict(monkeypatch, 2.0 * d, (1.0, d / 4, 1.0 - d, d, 1.0 - d / 2))
    assert kept is not None
    assert kept.error == d + d / 4


def test_a_last_difference_exactly_both_roundings_is_settled(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Last difference 2**-10 = rounding 2**-11 + the coarser stencil's 2**-11; the one
    # before as large, so truncation 2**-10, above the rounding: settled by the roundings.
    d = 2.0**-10
    kept = wide_verdict(monkeypatch, 2.0 * d, (1.0, d / 2, 1.0 - d, d / 2, 1.0 - 2 * d))
    assert kept is not None
    assert kept.error == d + d / 2


# ------------------------------------------------------- one walk, row by row


class _ConstantQuotients:
    """A sampler whose quotient is 1 with no noise at every step (``step_of(h)``)."""

    x = 0.0
    calls = 0
    offset = 0.0  # a function of one variable (`_lined_up`)

    def __init__(self, step_of: Any = None) -> None:
        self.step_of = step_of or (lambda h: h)
        self.steps: set[tuple[str, int, float]] = set()  # none taken before the walk
        self.values: dict[float, float] = {}  # no value of f: `_beyond_scale` judges none

    def quotient(self, _kind: str, _n: int, h: float) -> tuple[float, float, float]:
        return 1.0, 0.0, self.step_of(h)


def test_a_step_that_no_longer_shrinks_shrinks_the_next_one_fast() -> None:
    # The step taken stays 1 (a few ulps of x): the second row is refused like a point
    # outside the domain, h / 16 next, and the window starts anew.
    walk = _Walk(_ConstantQuotients(lambda h: 1.0), "central", 1, 1.0, 0.0)  # type: ignore[arg-type]
    assert walk.row(1.0) == 0.5
    assert walk.row(0.5) == 0.5 / 16.0
    assert walk.window.steps == []


def walk_with_best(
    monkeypatch: pytest.MonkeyPatch,
    *candidates: _Candidate,
    enough: float = 0.0,
    step_of: Any = None,
) -> _Walk:
    """A walk from h = 1 over constant quotients whose windows' best entries are ``candidates``."""
    best = iter(candidates)
    monkeypatch.setattr(_richardson, "_best", lambda _window: next(best))
    sampler = _ConstantQuotients(step_of)
    return _Walk(sampler, "central", 1, 1.0, enough)  # type: ignore[arg-type]


def test_a_window_ends_after_two_rows_that_do_not_halve_its_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Best errors 2**-10, then exactly half of it (not less: no improvement), then the
    # same: the window ends at its fifth row, with its best entry (row 4, extrapolated
    # once from rows 3 and 4) confirmed, and the walk searches on at a quarter step.
    walk = walk_with_best(
        monkeypatch,
        _Candidate(0.0, 2.0**-10, 2, 1, 0.25),
        _Candidate(0.0, 2.0**-11, 3, 1, 0.125),
        last := _Candidate(0.0, 2.0**-11, 4, 1, 0.0625),
    )
    stale = []
    h: float | None = 1.0
    for _ in range(4):
        assert h is not None
        h = walk.row(h)
        stale.append(walk.stale)
    assert (stale, h, len(walk.window.quotients)) == ([0, 0, 0, 1], 0.0625, 4)
    assert walk.row(0.0625) == 0.0625 / 4.0
    assert walk.window.quotients == []
    assert walk.accepted == last
    assert walk.accepted_rows == ((0.125, 1.0), (0.0625, 1.0))


def test_a_converged_window_worse_than_the_accepted_one_does_not_end_the_walk(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The first window ends (as above) with an estimate of 1 +- 2**-11 (the quotients'
    # value: the later ones do not contradict it); the next one's converges
    # (2**-10 <= 16 eps 2**60) but is worse: not kept, and the walk goes on.
    walk = walk_with_best(
        monkeypatch,
        _Candidate(1.0, 2.0**-10, 2, 1, 0.25),
        _Candidate(1.0, 2.0**-11, 3, 1, 0.125),
        kept := _Candidate(1.0, 2.0**-11, 4, 1, 0.0625),
        _Candidate(2.0**60, 2.0**-10, 2, 1, 0.0625 / 16.0),
    )
    h: float | None = 1.0
    for _ in range(8):
        assert h is not None
        h = walk.row(h)
    # Steps 1 to 1/16 (halving), 1/64 to 1/1024 (quartering after the first window):
    # converged, the walk halves again.
    assert h == 2.0**-11
    assert walk.accepted == kept
    result = walk.result()
    assert result is not None
    # Its error is widened to hold the second window, as fine (`_held_to_later`): 2**60 - 1
    # + 2**-10 rounds to 2**60.
    assert (result.value, result.error) == (1.0, 2.0**60)


@pytest.mark.parametrize("enough", [0.0, 1e-7])
def test_a_window_converged_to_rounding_ends_the_walk(
    monkeypatch: pytest.MonkeyPatch, enough: float
) -> None:
    # The third row's best entry, 1 +- 16 eps, is at rounding level: confirmed, and the
    # walk stops there; not early, though also below ENOUGH (it is at its best).
    best = _Candidate(1.0, 16.0 * EPS, 2, 1, 0.25)
    walk = walk_with_best(monkeypatch, best, enough=enough)
    assert (walk.row(1.0), walk.row(0.5), walk.row(0.25)) == (0.5, 0.25, None)
    assert walk.accepted == best
    assert not walk.early


def test_a_window_just_above_rounding_level_goes_on(monkeypatch: pytest.MonkeyPatch) -> None:
    above = _Candidate(1.0, math.nextafter(16.0 * EPS, 1.0), 2, 1, 0.25)
    walk = walk_with_best(monkeypatch, above, above)
    assert (walk.row(1.0), walk.row(0.5), walk.row(0.25)) == (0.5, 0.25, 0.125)
    assert walk.accepted is None


@pytest.mark.parametrize(
    ("error", "steps", "early"),
    [
        (2.0**-20, {}, True),  # at ENOUGH (here 2**-20), from the first step: early
        (math.nextafter(2.0**-20, 1.0), {}, False),
        (2.0**-30, {1.0: 0.5}, True),  # its first step half the first one: still early
        (2.0**-30, {0.5: 0.5 - 2.0**-30}, True),  # the second step does not count
        (2.0**-30, {1.0: math.nextafter(0.5, 0.0)}, False),
    ],
)
def test_a_window_from_the_first_step_stops_early_at_enough(
    monkeypatch: pytest.MonkeyPatch, error: float, steps: dict[float, float], early: bool
) -> None:
    best = _Candidate(1.0, error, 2, 1, 0.25)
    walk = walk_with_best(
        monkeypatch, best, best, enough=2.0**-20, step_of=lambda h: steps.get(h, h)
    )
    h: float | None = 1.0
    for _ in range(3):
        assert h is not None
        h = walk.row(h)
    assert (h is None, walk.early) == (early, early)


@pytest.mark.parametrize(("error", "stops"), [(1e-8, True), (math.nextafter(1e-8, 1.0), False)])
def test_a_walk_stops_once_its_accepted_estimate_is_good_to_1e_8(
    monkeypatch: pytest.MonkeyPatch, error: float, stops: bool
) -> None:
    # A window of 1 +- error ends at its fifth row (two rows without halving the error);
    # its estimate accepted, the walk stops there if the error is at most 1e-8 |value|.
    best = _Candidate(1.0, error, 2, 1, 0.25)
    walk = walk_with_best(monkeypatch, best, best, best)
    h: float | None = 1.0
    for _ in range(5):
        assert h is not None
        h = walk.row(h)
    assert walk.accepted == best
    assert (h is None) is stops


def test_a_walk_goes_on_5_rows_past_an_estimate_not_yet_good(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 1 +- 2**-11 accepted at the fifth row (not good: above 1e-8 x 1); the next window's
    # estimates (2**-5, worse) are not kept, and the walk stops 5 rows after it. (It
    # agrees with the quotients, 1: an estimate of 0 would lose its digits to them, and
    # the walk would go on past it.)
    worse = _Candidate(1.0, 2.0**-5, 2, 1, 0.0)
    walk = walk_with_best(
        monkeypatch,
        _Candidate(1.0, 2.0**-10, 2, 1, 0.25, 1.0),
        _Candidate(1.0, 2.0**-11, 3, 1, 0.125, 1.0),
        _Candidate(1.0, 2.0**-11, 4, 1, 0.0625, 1.0),
        worse,
        worse,
    )
    h: float | None = 1.0
    for _ in range(8):
        assert h is not None
        h = walk.row(h)
    assert h is not None
    assert walk.row(h) is None
    assert walk.rows_since_accepted == 5


def test_an_estimate_as_good_as_the_accepted_one_does_not_replace_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    walk = walk_with_best(
        monkeypatch,
        _Candidate(1.0, 2.0**-10, 2, 1, 0.25),
        _Candidate(1.0, 2.0**-11, 3, 1, 0.125),
        _Candidate(1.0, 2.0**-11, 4, 1, 0.0625),
        _Candidate(5.0, 2.0**-11, 2, 1, 0.0625 / 16.0),
    )
    h: float | None = 1.0
    for _ in range(8):
        assert h is not None
        h = walk.row(h)
    result = walk.result()  # ends the second window: its best is no better
    assert result is not None
    # Not replaced; but as fine and 4 away, the second window widens the error to hold
    # it (`_held_to_later`).
    assert (result.value, result.error) == (1.0, 4.0 + 2.0**-11)


# ------------------------------------------------- extrapolate's measurements


def test_the_noise_is_measured_where_f_changes_by_2_times_its_rounding(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # t - t**3 at 0 from h = 1: the walk's value is exactly 1. The noise is measured
    # from a spacing of 2 quiet / |f'|, quiet = 8 eps max |f| over the values computed,
    # up to 1/16 of the first step. Found to be stairs of 2**-40 there, it is measured
    # again where |f| is largest, from the same spacing, with that floor (and the
    # walk's slope, 1: that spacing is never wider than f's slope at x allows).
    measured: list[tuple[float, float, float, float]] = []
    relative: list[tuple[float, float, float, float, float]] = []

    def measure_noise(sampler: Sampler, spacing: float, widest: float, quiet: float) -> float:
        measured.append((spacing, widest, quiet, max(map(abs, sampler.values.values()))))
        sampler.stairs = True
        return 2.0**-40

    def relative_noise(
        _sampler: Sampler,
        spacing: float,
        widest: float,
        quiet: float,
        floor: float,
        *,
        walked: float = 0.0,
    ) -> float:
        relative.append((spacing, widest, quiet, floor, walked))
        return 0.0

    monkeypatch.setattr(Sampler, "measure_noise", measure_noise)
    monkeypatch.setattr(_richardson, "_relative_noise", relative_noise)
    extrapolate(lambda t: t - t**3, 0.0, 1, 1.0)
    spacing, widest, quiet, size = measured[0]
    assert quiet == 8.0 * EPS * size
    assert (spacing, widest) == (2.0 * quiet, 1.0 / 16.0)
    assert relative == [(spacing, widest, quiet, 2.0**-40, 1.0)]


def test_the_noise_of_a_higher_derivative_is_measured_below_its_smallest_step(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # exp'' at 0 from h = 0.5: 1e-4 of the smallest step the walk's estimate rests on.
    spacings: list[float] = []

    def measure_noise(_sampler: Sampler, spacing: float, _widest: float, _quiet: float) -> float:
        spacings.append(spacing)
        return 0.0

    sampler = Sampler(math.exp, 0.0)
    sampler(0.0)
    walked = _walks(sampler, 2, 0.5, 0.0)
    monkeypatch.setattr(Sampler, "measure_noise", measure_noise)
    extrapolate(math.exp, 0.0, 2, 0.5)
    assert spacings == [walked.smallest * 1e-4]


def test_a_walk_stopped_early_goes_on_to_its_best_when_not_refined(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # exp at 0 from 0.015 stops at 1e-10 (below ENOUGH); with no refinement it walks
    # on as if it had never been allowed to stop early.
    monkeypatch.setattr(_richardson, "_refine", lambda *_: None)
    found = extrapolate(math.exp, 0.0, 1, 0.015, refine=True)
    sampler = Sampler(math.exp, 0.0)
    sampler(0.0)
    best = _walks(sampler, 1, 0.015, 0.0)
    assert not best.early
    assert (found.value, found.error) == (best.value, best.error)
    assert found.error < 1e-12


# -------------------------------------------------- the noise's 4th differences


def spaced(values: dict[int, float], s: float, reach: int = 8) -> Any:
    """f at 0 with f(k s) = values[k] (else 0) for |k| <= reach; undefined elsewhere."""

    def f(t: float) -> float:
        k = round(t / s)
        if k * s != t or abs(k) > reach:
            raise ValueError("undefined here")
        return values.get(k, 0.0)

    return f


S = 2.0**-4
ROOT70 = math.sqrt(70.0)


def test_noise_is_smoothness_when_its_4th_differences_grow_8_fold_twice() -> None:
    # f(2s) = 1, f(4s) = 12, f(8s) = c: 4th differences 1 at s, 8 at 2s (8-fold:
    # smooth?), c - 48 at 4s. Smooth (0) if that is 8-fold again (64), else noise
    # from the two larger ones.
    def noise(c: float) -> float:
        return Sampler(spaced({2: 1.0, 4: 12.0, 8: c}, S), 0.0)._random_noise(S, 1.0, 0.0)

    assert noise(48.0 + 64.0) == 0.0
    assert noise(48.0 + 63.0) == 3.0 * 63.0 / ROOT70
    assert noise(48.0 + 20.0) == 3.0 * 20.0 / ROOT70
    # 7 times at 2s (f(4s) = 11): noise, from the fine and the coarse ones.
    f = spaced({2: 1.0, 4: 11.0, 8: 48.0}, S)
    assert Sampler(f, 0.0)._random_noise(S, 1.0, 0.0) == 3.0 * 7.0 / ROOT70


def test_noise_is_unmeasured_where_the_coarse_4th_difference_leaves_the_domain() -> None:
    # f undefined beyond 3s: the 4th difference at 2s (points up to 4s) cannot be taken.
    f = spaced({2: 1.0}, S, reach=3)
    assert Sampler(f, 0.0)._random_noise(S, 1.0, 0.0) == 0.0


def test_noise_below_quiet_is_not_measured_at_its_boundary() -> None:
    # 3 |fine| <= quiet sqrt(70): 0, without a coarser 4th difference; just above, the
    # coarse one (8 at 2s, not 8 times the fine one now) makes it noise.
    fine = 1.0
    quiet = 3.0 * fine / ROOT70
    while 3.0 * fine != quiet * ROOT70:  # a pair where the product is exact
        fine = math.nextafter(fine, 0.0)
        quiet = 3.0 * fine / ROOT70
    f = spaced({2: 1.0, 4: 12.0, 8: 68.0}, S)
    assert Sampler(f, 0.0)._random_noise(S, fine, quiet) == 0.0
    above = fine * math.sqrt(70.5 / 70.0)
    assert Sampler(f, 0.0)._random_noise(S, above, quiet) == 3.0 * 8.0 / ROOT70


def test_the_noise_spacing_is_at_least_4_ulps_of_x() -> None:
    # t at 1 from a spacing of 1e-300: the 5 points are 4 ulps of 1 apart.
    sampler = Sampler(lambda t: t, 1.0)
    assert sampler.measure_noise(1e-300, 1.0, 0.0) == 0.0
    step = 4.0 * math.ulp(1.0)
    assert sorted(sampler.values) == [1.0 + k * step for k in (-2, -1, 0, 1, 2)]


def test_noise_is_unmeasured_where_the_spacing_overflows() -> None:
    assert Sampler(lambda t: t, 1.7e308).measure_noise(1e307, 1e308, 0.0) == 0.0


@pytest.mark.parametrize(
    ("stair", "quiet", "noise"),
    [
        # Stairs of 2304 on values near 2**60, whose rounding is 8 eps 2**60 = 2048: stairs.
        (2304.0, 1e6, 2304.0),
        # Stairs of 1024 against a quiet of exactly 1024: not above it, no stairs, and
        # the 4th difference (0) is no noise.
        (1024.0, 1024.0, 0.0),
    ],
)
def test_stairs_count_only_above_the_rounding_of_f(
    stair: float, quiet: float, noise: float
) -> None:
    # floor at 0.5 with spacing 0.3: values 2**60 + stair x (-1, 0, 0, 0, 1).
    sampler = Sampler(lambda t: 2.0**60 + stair * math.floor(t), 0.5)
    assert sampler.measure_noise(0.3, 1.0, quiet) == noise


# ------------------------------------------------------------------ a refined entry on a line


def _spike(t: float) -> float:
    """1 at 0, else 0: noise that `Sampler.irregular_noise` reads as 3 |w_0| / sqrt(sum w**2)."""
    return 1.0 if t == 0.0 else 0.0


def _spike_noise(spacing: float) -> float:
    offsets = (-_GOLDEN, -1.0, 0.0, 1.0 / _GOLDEN, _GOLDEN**2)
    # The offsets as irregular_noise takes them at x = 0: (c * spacing) / spacing.
    weights = _richardson._weights(4, [c * spacing / spacing for c in offsets])
    return 3.0 * abs(weights[2]) / math.sqrt(math.fsum(w * w for w in weights))


SMALLEST = 2.0**-10  # the spike's noise is read at 1e-4 of it


def _refined_on_line(n: int, offset: float, floor: float, error: float, quiet: float) -> float:
    """The error `_refined_line_noise` gives an estimate of ``error`` with a gain of 2."""
    sampler = Sampler(_spike, 0.0)
    sampler.offset, sampler.noise_floor = offset, floor
    refined = Estimate(5.0, error, 0, 1.0, "central", smallest=SMALLEST, gain=2.0)
    return _richardson._refined_line_noise(sampler, refined, n, quiet).error


@pytest.mark.parametrize(
    ("n", "offset", "floor", "error", "widened"),
    [
        (2, 1.0, 0.0, 1.0, True),  # quiet x gain 2 > error 1: measured
        (2, 1.0, 0.0, 2.0, False),  # quiet x gain = the error: noise of quiet is allowed for
        (3, 1.0, 0.0, 1.0, True),  # every order from 2 on
        (1, 1.0, 0.0, 1.0, False),  # a first derivative: _with_drift's
        (2, 0.0, 0.0, 1.0, False),  # not a line: a function of one variable
        (2, 1.0, 1e-3, 1.0, False),  # a noise was measured: the walk allowed for it
    ],
)
def test_a_refined_entry_on_a_line_adds_the_noise_at_unequal_spacings_times_its_gain(
    n: int, offset: float, floor: float, error: float, widened: bool
) -> None:
    noise = _spike_noise(SMALLEST * 1e-4)
    found = _refined_on_line(n, offset, floor, error, quiet=1.0)
    assert found == (error + noise * 2.0 if widened else error)


@pytest.mark.parametrize(("fraction", "widened"), [(1.01, True), (0.99, False)])
def test_a_refined_entry_on_a_line_reads_noise_above_a_quarter_of_quiet(
    fraction: float, widened: bool
) -> None:
    # The refined stencil allows for values rounded by 2 eps of the largest |f|, quiet / 4.
    noise = _spike_noise(SMALLEST * 1e-4)
    quiet = 4.0 * noise / fraction
    found = _refined_on_line(2, 1.0, 0.0, 1e-3, quiet)
    assert found == (1e-3 + noise * 2.0 if widened else 1e-3)
