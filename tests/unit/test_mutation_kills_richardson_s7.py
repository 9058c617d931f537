"""calcweb._richardson's extrapolate, _refine, _Walk.row and Sampler.quotient (mutation testing).

The functions changed from 602f0d0 to 580d295, at the points no other test
pins down. extrapolate: a drift of the central difference at the local
rounding (`_local_drift`) has the noise measured again at that rounding
(`_local_noise`, for the derivative's order and down to a 16th of the first
step), and noise that moved it by ``drift`` is at least half as high if no
spacing shows it. The helpers are stood in for by recorders, which return
what the test needs and keep their arguments.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest
from call_log import Recorder

from calcweb import DomainError, _richardson
from calcweb._richardson import Estimate, Sampler, extrapolate

LOCAL = 2.0**-30  # the local rounding _local_quiet finds
FIRST_STEP = 0.5


def _drifting(monkeypatch: pytest.MonkeyPatch, drift: float, noise: float) -> dict[str, Recorder]:
    """exp at 0 (no noise of its own) with a local drift and local noise as given."""
    recorders = {
        "_local_quiet": Recorder(LOCAL),
        "_local_drift": Recorder(drift),
        "_local_noise": Recorder(noise),
        "_relative_noise": Recorder(0.0),
    }
    for name, recorder in recorders.items():
        monkeypatch.setattr(_richardson, name, recorder)
    extrapolate(math.exp, 0.0, 1, FIRST_STEP)
    return recorders


def test_a_local_drift_has_the_noise_measured_again_at_the_local_rounding(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    drift = 2.0**-20
    recorders = _drifting(monkeypatch, drift, 2.0**-24)
    [(sampler, estimate, n, smallest, local)] = recorders["_local_noise"].calls
    assert (type(sampler), type(estimate)) == (Sampler, Estimate)
    assert (n, smallest, local) == (1, FIRST_STEP / 16.0, LOCAL)
    # The noise found is the floor: _relative_noise is asked about it.
    [(_, _, smallest, _, floor)] = recorders["_relative_noise"].calls
    assert (smallest, floor) == (FIRST_STEP / 16.0, 2.0**-24)


def test_noise_that_no_spacing_shows_is_half_the_drift(monkeypatch: pytest.MonkeyPatch) -> None:
    drift = 2.0**-20
    recorders = _drifting(monkeypatch, drift, 0.0)
    [call] = recorders["_relative_noise"].calls
    assert call[-1] == drift / 2.0


def test_an_infinite_drift_with_no_noise_shown_leaves_no_floor(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    recorders = _drifting(monkeypatch, math.inf, 0.0)
    assert len(recorders["_local_noise"].calls) == 1
    assert recorders["_relative_noise"].calls == []  # no floor: nothing to measure again


# -------------------------------------------------------------------- _refine


def test_a_refined_estimate_keeps_the_walks_window(monkeypatch: pytest.MonkeyPatch) -> None:
    # The window's steps are the reach of _local_drift when the refined estimate is
    # checked for drift (_refined_drift): they must be the walk's, not none.
    seen: list[tuple[Estimate, Estimate | None]] = []
    refine = _richardson._refine

    def recording(sampler: Sampler, n: int, estimate: Estimate) -> Estimate | None:
        refined = refine(sampler, n, estimate)
        seen.append((estimate, refined))
        return refined

    monkeypatch.setattr(_richardson, "_refine", recording)
    extrapolate(math.exp, 1.0, 1, 0.5, refine=True)
    [(walked, refined)] = seen
    assert refined is not None
    assert len(walked.window) >= 2
    assert refined.window == walked.window


# ------------------------------------------------------------ Sampler.quotient


def _recording(f: Callable[[float], float]) -> tuple[list[float], Callable[[float], float]]:
    """f, and the list of the points it is called at."""
    calls: list[float] = []

    def recorded(t: float) -> float:
        calls.append(t)
        return f(t)

    return calls, recorded


@pytest.mark.parametrize(
    ("x", "f", "outside", "first"),
    [
        (1.0, lambda t: math.log(t - 0.9), 0.5, 0.9375),  # f failed on the left
        (-1.0, lambda t: math.log(-0.9 - t), -0.5, -0.9375),  # on the right
    ],
    ids=["left", "right"],
)
def test_of_two_points_as_far_the_one_where_f_last_failed_comes_first(
    x: float, f: Callable[[float], float], outside: float, first: float
) -> None:
    # The side is that of the failed point from x (not from -x: 0.5 + 1 is positive).
    calls, recorded = _recording(f)
    sampler = Sampler(recorded, x)
    with pytest.raises(DomainError):
        sampler(outside)
    calls.clear()
    sampler.quotient("central", 1, 0.0625)
    assert calls == [first, 2.0 * x - first]


def test_the_centre_of_a_stencil_is_x_itself_minus_zero_included() -> None:
    # x + 0 * step would turn -0.0 into 0.0; f sees the x it was asked about.
    calls, recorded = _recording(lambda t: math.copysign(1.0, t) + t * t)
    Sampler(recorded, -0.0).quotient("central", 2, 0.25)
    assert [math.copysign(1.0, t) for t in calls if t == 0.0] == [-1.0]
