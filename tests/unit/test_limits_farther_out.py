"""Issue 13: f that varies on a scale far larger than the first step is sampled farther out too.

The usual samples start at ``h = s/4`` (1/4 at 0). ``(exp(1e-8 x) - 1)/x``
at 0 varies on a scale of 1e8: from ``h = 1/4`` on it moves by less than
its cancellation noise, which grows toward 0 like ``eps/(1e-8 h)``, and the
best the usual samples give was 1.000000082740371e-8 give or take 7.1e-15,
8.3e-8 relative (honest, but short of the textbook's 1e-8). f whose first
changes are within that noise and a small share of f (`limits._quiet_start`)
is also sampled at ``2 h, 4 h, ...`` out to where it varies
(`limits._outward`), and the table of all the samples gives the estimate.
A feature of f out there (a kink, a cut-off, a pole) makes the samples
beyond it another smooth function, with another value at ``x0``: the
error is at least how far the first usual samples lie from the value
(each, or ``2 f(h/2) - f(h)``), and the estimate replaces the usual one
only where its error is smaller. f that moves at its first samples is
sampled as before, no more.
No mpmath: these run inside Pyodide too.
"""

from __future__ import annotations

import math

import pytest
from limit_checks import Function, full, honest_or_refused

from calcweb import limits


def _exp_scaled(x: float) -> float:
    return (math.exp(1e-8 * x) - 1) / x


def _sqrt_scaled(x: float) -> float:
    return (math.sqrt(1e6 + x) - 1000) / x


def _sqrt_quotient(x: float) -> float:
    t = x / 709724718.0
    return (math.sqrt(1 + t) - 1) / t


# (f, x0, side, exact), each off by more than 1e-8 relative before (its error then).
SCALED = [
    # 1.000000082740371e-08 +- 7.1e-15 from either side; now 1.0000000000001585e-08 +- 8.3e-16.
    (_exp_scaled, 0.0, "left", 1e-8),
    (_exp_scaled, 0.0, "right", 1e-8),
    (_exp_scaled, 0.0, "both", 1e-8),
    # 0.000500000007377821 +- 1.8e-11 (left), 0.0004999999946448952 +- 2.9e-11 (right).
    (_sqrt_scaled, 0.0, "left", 5e-4),
    (_sqrt_scaled, 0.0, "right", 5e-4),
    # limits seed 1 (corpus): refused, 0 at each sample of the walk in u = 1/log|x|;
    # now 0.4999999999999759 +- 7.6e-7.
    (_sqrt_quotient, 0.0, "left", 0.5),
]


@pytest.mark.parametrize(("f", "x0", "side", "exact"), SCALED)
def test_f_that_varies_on_a_large_scale_is_answered_to_1e_8(
    f: Function, x0: float, side: str, exact: float
) -> None:
    result = full(f, x0, side)
    assert result.converged, result.message
    assert abs(result.value - exact) <= 2.0 * result.error
    assert abs(result.value - exact) <= 1e-8 * abs(exact)


def _with_feature(a: float, big: float, feature: str) -> Function:
    """``(exp(x/1e8) - 1)/x`` (limit 1e-8 at 0) and ``a`` times a feature at ``|x| = big``."""

    def f(x: float) -> float:
        h, g = abs(x), (math.exp(x / 1e8) - 1) / x
        if feature == "kink":
            return g + a * max(0.0, h - big) / big
        if feature == "cut-off":
            return g + (a if h > big else 0.0)
        return g + a * big / (h - big)  # a pole: -a at x0

    return f


@pytest.mark.parametrize("feature", ["kink", "cut-off", "pole"])
@pytest.mark.parametrize("a", [1e-14, 1e-15, 1e-17, 1e-19])
@pytest.mark.parametrize("big", [0.5, 2.0, 1e2, 1e4, 1e6])
def test_a_feature_far_out_leaves_the_answer_honest(feature: str, a: float, big: float) -> None:
    # Beyond the feature f is 1e-8 + a (cut-off), 1e-8 - a + ... (kink):
    # the table of all the samples gave 1.0000010000001585e-08 +- 1.7e-20 for
    # the cut-off of 1e-14 at 0.5, 5.9e5 errors off, where the first usual
    # samples, 9.2e-15 to 1.6e-14 off it, do not confirm it.
    exact = 1e-8 - a if feature == "pole" else 1e-8
    assert honest_or_refused(_with_feature(a, big, feature), 0.0, "right", exact) == "right"


def test_a_cut_off_just_past_the_first_sample_keeps_the_usual_answer() -> None:
    result = full(_with_feature(1e-14, 0.5, "cut-off"), 0.0, "right")
    assert (result.value, result.error) == (1.000000082740371e-08, 7.105427357601002e-15)


@pytest.mark.parametrize(
    ("f", "nfev"),
    [
        # + 2 for sin(x)/x: one a side at 2**-993 (`_beyond_the_floor`, session 30)
        (lambda x: math.sin(x) / x, 98 + 4 + 2),
        # + 2 more: rounding's noise between the steps is off f's trend deeper in
        (lambda x: (math.exp(x) - 1) / x, 113 + 4 + 2),
        (lambda x: (1 - math.cos(x)) / x**2, 110 + 4),
        (lambda x: (math.exp(x / 1e4) - 1) / x, 110 + 4),
    ],
)
def test_f_that_moves_at_its_first_samples_is_not_sampled_farther_out(
    f: Function, nfev: int
) -> None:
    # As many evaluations as before (both sides, and the checks closer in at 0).
    assert full(f, 0.0).nfev == nfev  # + 4: two a side between the steps (`_off_the_grid`)


@pytest.mark.parametrize(
    ("f", "quiet"),
    [
        (_exp_scaled, True),
        (lambda x: math.sin(x) / x, False),
        # The top column does not cancel a growth: its changes are as large as f's.
        (lambda x: 1 / x**2, False),
        # Exactly 1 at the first samples: nothing to sharpen farther out.
        (lambda x: 1 + 1e-20 / x, False),
    ],
)
def test_f_is_quiet_where_its_first_changes_are_rounding(f: Function, quiet: bool) -> None:
    samples = [f(2.0 ** -(k + 2)) for k in range(limits.STEPS)]
    assert limits._quiet_start(samples) is quiet


def test_the_walk_outward_stops_where_f_fails_varies_or_at_its_last_step() -> None:
    fails = limits._Counted(lambda x: 1.0 if x < 10 else math.sqrt(-1.0))
    assert limits._outward(fails, lambda h: h, 0.25, 1.0) == [1.0] * 5  # 0.5 .. 8
    assert fails.calls == 6
    # 1 + h/1000 first changes by VARIES of itself from 32 to 64; two doublings on.
    line = limits._Counted(lambda x: 1 + x / 1000)
    found = limits._outward(line, lambda h: h, 0.25, 1.00025)
    assert found[-3:] == [1 + 64 / 1000, 1 + 128 / 1000, 1 + 256 / 1000]
    assert len(found) == line.calls == 10
    flat = limits._Counted(lambda x: 2.0)
    assert len(limits._outward(flat, lambda h: h, 0.25, 2.0)) == limits.OUTWARD_STEPS


def _complex_far_out(x: float) -> float:
    return _exp_scaled(x) + (0.0 if x < 1e3 else (-x) ** 0.5)


def _raising_far_out(x: float) -> float:
    if x >= 1e3:
        raise IndexError("no data out there")
    return _exp_scaled(x)


@pytest.mark.parametrize("f", [_complex_far_out, _raising_far_out])
def test_f_that_fails_far_out_in_any_way_ends_the_walk_there(f: Function) -> None:
    # f returning a complex number, or raising what evaluate lets pass, at
    # x = 1024, where limit never sampled before: the walk outward ends there.
    result = full(f, 0.0, "right")
    assert result.converged
    assert abs(result.value - 1e-8) <= min(2.0 * result.error, 1e-8 * 1e-8)


@pytest.mark.parametrize(("x0", "side"), [(1000.0, "right"), (1000.0, "left"), (-3e5, "right")])
def test_a_growth_behind_a_constant_stays_infinite(x0: float, side: str) -> None:
    # 3 + 0.254/(x - x0)**2 moves by no more than its noise at its first
    # samples; from farther out it was 3.0 +- 0.00099, better than DIVERGE, and
    # refused as unsettled (limits seed 201 #1382): only a value that settles
    # replaces the usual estimate, and the growth stands.
    def f(x: float) -> float:
        return 3.0 + 0.25432714060531886 / abs(x - x0) ** 2

    assert full(f, x0, side).value == math.inf
