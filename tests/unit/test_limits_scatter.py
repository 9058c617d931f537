"""Limits of ``f`` that scatters by its own size at every step (`limits._scatters`).

``sin(x)/x`` at ``x0 = -1.2019435952952266e18``: the floats there are 256
apart, and 256 is 4.67 mod ``2 pi``, so ``sin`` at the walk's points ``x0 +
2**k`` (``k = 58`` down to 11, 8 floats) is at a new phase at each: ``f``
scatters by about 8.3e-19, its own size, from the first sample to the last.
Its values are ``sin(x0)/x0`` and the like at every float, so no sample is
closer to the limit than any other. `_estimate` took an order-0 entry where
three samples happened to lie close, with the noise of a few samples as its
error (the noise is judged to grow toward ``x0``, as cancellation's does,
so that it is smaller farther out): 3.66e-19 +- 2.3e-19, converged, for the
limit -8.18e-19. `_settled` took that for settled, as it takes any error
below ``ACCEPT`` (1e-6) where ``|f|`` is below 1; ``sin`` itself there is
refused (an error of 0.33). /work/scans_s13/limscan.py (seeds 1-3 on e620abf)
found four such lies, all ``sin(x)/x`` at ``|x0| >= 1.7e15``; the same
mechanism answered ``1e-10 sin(1/x)`` at 0 (7.2e-11 +- 4.7e-11 from the
right, -7.2e-11 from the left: a limit that does not exist).

The samples show only that the limit lies within that scatter, if there is
one: the error is the scatter about the value (the largest distance from it
to a sample), and the value settles only if that does (``ACCEPT``): so
``sin(x)/x`` there is 3.66e-19 +- 1.19e-18, and ``1e-6 sin(1/x)`` at 0 is
refused, as ``sin(1/x)`` is. Rounding's residue of a cancellation also
scatters by its own size at every step, but on a grid of a few values
(``cos(x)**2 + sin(x)**2 - 1`` is 0 or a multiple of 1.1e-16), about its
limit: it keeps its answer, 0 within the noise. ``f`` whose scatter shrinks
toward ``x0`` (``x sin(1/x)`` at 0), or that settles at its last samples
(``cos`` at 1.24e13, where the floats are 0.002 apart), keeps its answer too,
and so does one whose scatter grows (cancellation's noise).
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Callable

import pytest

from calcweb import LimitResult, NumericalError, limit
from calcweb.limits import LOSS, NOISE_POINTS, _scatters


def _sinc(x: float) -> float:
    return math.sin(x) / x


# limscan's four lies (seeds 1-3 on e620abf): x0, side, the limit (mpmath), the old answer.
SINC_LIES = [
    (-1734405046687466.0, "right", -5.689894163280548e-16),  # was 3.21e-16 +- 3.2e-16
    (-1.4249127040435575e130, "right", -7.017973517167411e-131),  # was 3.28e-131 +- 2.6e-131
    (-5.7314820165950366e137, "left", -1.7171338554001873e-138),  # was 9.04e-139 +- 1.0e-138
    (-1.2019435952952266e18, "left", -8.175253261020822e-19),  # was 3.66e-19 +- 2.3e-19
]


def _full(f: Callable[[float], float], x0: float, side: str) -> LimitResult:
    result = limit(f, x0, side=side, full_output=True)  # type: ignore[arg-type]
    assert isinstance(result, LimitResult)
    return result


@pytest.mark.parametrize(("x0", "side", "exact"), SINC_LIES)
def test_sinc_where_the_floats_cannot_follow_sin_gets_its_scatter_as_error(
    x0: float, side: str, exact: float
) -> None:
    result = _full(_sinc, x0, side)
    assert result.converged, result
    assert "scatters" in result.message
    assert abs(result.value - exact) <= 2.0 * result.error
    # The scatter: at most twice 1/|x0| (two samples of opposite signs), at least 1/|x0|/2.
    assert 0.5 / abs(x0) <= result.error <= 2.0 / abs(x0)


@pytest.mark.parametrize(("x0", "side", "exact"), SINC_LIES)
def test_sinc_from_both_sides_is_honest(x0: float, side: str, exact: float) -> None:
    del side
    result = _full(_sinc, x0, "both")
    assert abs(result.value - exact) <= 2.0 * result.error <= 4.0 / abs(x0)


@pytest.mark.parametrize(
    ("f", "x0", "size"),
    [
        (lambda x: 1e-10 * math.sin(1.0 / x), 0.0, 1e-10),
        (lambda x: 1e-20 * math.sin(1.0 / x), 0.0, 1e-20),
        (lambda x: 1e-10 * math.sin(1.0 / (x - 1.0)), 1.0, 1e-10),
        (lambda x: 1e-10 * math.sin(x), -1.2019435952952266e18, 1e-10),
        (lambda x: 1e-7 * math.sin(1.0 / x), 0.0, 1e-7),
    ],
    ids=["1e-10 sin(1/x) at 0", "1e-20 sin(1/x) at 0", "at 1", "1e-10 sin at -1.2e18", "1e-7"],
)
@pytest.mark.parametrize("side", ["left", "right"])
def test_a_small_oscillation_gets_its_scatter_as_error(
    f: Callable[[float], float], x0: float, side: str, size: float
) -> None:
    # 1e-10 sin(1/x) at 0 was 7.2e-11 +- 4.7e-11 from the right, -7.2e-11 from the left,
    # converged: f is off that value by up to 1.7e-10 at every step. It has no limit:
    # the value stands for f's band, within the tolerance `_settled` grants below 1.
    result = _full(f, x0, side)
    assert result.converged, result
    assert "scatters" in result.message
    assert size <= result.error <= 2.0 * size


def test_a_small_oscillation_at_infinity_gets_its_scatter_as_error() -> None:
    result = _full(lambda x: 1e-10 * math.sin(x), math.inf, "left")
    assert result.converged, result
    assert 1e-10 <= result.error <= 2e-10
    # + 2 between the steps (`_off_the_grid`), + 1 at |x| = 2**993 (`_beyond_the_floor`)
    assert result.nfev == 49 + 2 + 1


def test_an_oscillation_whose_scatter_passes_accept_is_refused() -> None:
    # 1e-6 sin(1/x) at 0+ was 7.2e-7 +- 4.7e-7, converged; its scatter is 1.7e-6.
    result = _full(lambda x: 1e-6 * math.sin(1.0 / x), 0.0, "right")
    assert not result.converged, result
    assert result.error > 1e-6
    with pytest.raises(NumericalError, match="does not settle"):
        limit(lambda x: 1e-6 * math.sin(1.0 / x), 0.0, side="right")


@pytest.mark.parametrize(
    ("x0", "exact"),
    [(12376595924284.035, 0.3644368028450085), (2606367768284.3066, 0.5308966704329368)],
)
@pytest.mark.parametrize("side", ["left", "right"])
def test_f_that_settles_at_its_last_samples_keeps_its_answer(
    x0: float, exact: float, side: str
) -> None:
    # cos scatters out to h = 1 and settles at the last samples (changes 0.06, 0.03,
    # 0.015 at 1.24e13): a first version of `_scatters`, blind to that, widened it.
    result = _full(math.cos, x0, side)
    assert result.converged, result
    assert "scatters" not in result.message
    assert abs(result.value - exact) <= 2.0 * result.error <= 1e-6


def test_an_oscillation_of_size_1_keeps_its_refusal() -> None:
    # sin(1/x) does not settle to ACCEPT: `_unsettled` refuses it, and the log-scale
    # walk is tried (20 calls more), as before.
    result = _full(lambda x: math.sin(1.0 / x), 0.0, "right")
    assert not result.converged, result
    assert result.message.startswith("f does not settle")
    assert result.nfev == 84


@pytest.mark.parametrize(
    ("f", "x0"),
    [
        (lambda x: math.cos(x) ** 2 + math.sin(x) ** 2 - 1.0, 3.0),
        (lambda x: math.cos(x) ** 2 + math.sin(x) ** 2 - 1.0, -12.3),
        (lambda x: 1e-3 * (math.cos(x) ** 2 + math.sin(x) ** 2 - 1.0), 9.0),
        (lambda x: (x * 0.1) * 10.0 - x, 3.7),
        (lambda x: math.exp(math.log(x)) - x, 7.3),
        (lambda x: 1e-3 * (math.exp(math.log(x)) - x), 7.3),
        (lambda x: math.sqrt(x) ** 2 - x, 2.9),
    ],
    ids=[
        "cos2+sin2-1 at 3",
        "at -12.3",
        "1e-3 times, at 9",
        "(x*.1)*10-x",
        "exp(log x)-x",
        "1e-3 times",
        "sqrt**2",
    ],
)
@pytest.mark.parametrize("side", ["left", "right"])
def test_rounding_residue_on_a_grid_keeps_its_answer(
    f: Callable[[float], float], x0: float, side: str
) -> None:
    # All rounding: f scatters by its own size at every step too, but takes a few
    # values again and again; its limit is 0, answered within the noise.
    result = _full(f, x0, side)
    assert result.converged, result
    assert "scatters" not in result.message
    assert abs(result.value) <= 2.0 * result.error <= 4e-15
    assert result.nfev == 48 + 2  # + 2 between the steps (`_off_the_grid`)


@pytest.mark.parametrize(
    ("f", "x0", "side", "exact", "nfev"),
    [
        # + 1 at 0 and at infinity, at |x| = 2**-993 (2**993, `_beyond_the_floor`)
        (lambda x: x * math.sin(1.0 / x), 0.0, "right", 0.0, 49 + 1),
        # (+ 1 one halving short of the deepest step of the walk that refines it: `_walk_aliased`)
        (lambda x: math.sqrt(x) * math.sin(1.0 / x), 0.0, "right", 0.0, 64 + 1),
        (_sinc, math.inf, "left", 0.0, 49 + 1),
        (lambda x: x * x * math.sin(1.0 / x) + 1e-12, 0.0, "left", 1e-12, 49 + 1),
    ],
    ids=["x sin(1/x)", "sqrt(x) sin(1/x)", "sin(x)/x at inf", "x**2 sin(1/x) + 1e-12"],
)
def test_a_scatter_that_shrinks_toward_x0_settles(
    f: Callable[[float], float], x0: float, side: str, exact: float, nfev: int
) -> None:
    result = _full(f, x0, side)
    assert result.converged, result
    assert abs(result.value - exact) <= 2.0 * result.error <= 2e-14
    assert result.nfev == nfev + 2  # + 2 between the steps (`_off_the_grid`)


def _exp1t(x0: float, c: float) -> Callable[[float], float]:
    def f(x: float) -> float:
        t = (x - x0) / c
        return (math.exp(t) - 1.0 - t) / t**2

    return f


@pytest.mark.parametrize(
    ("x0", "c"),
    [(1073741824.0, 9393438.485919323), (37.0, 0.30328854737775235)],
    ids=["2**30", "37"],
)
def test_a_far_field_as_large_as_the_noise_keeps_its_answer(x0: float, c: float) -> None:
    # (exp(t) - 1 - t)/t**2, t = (x - x0)/c: 3.2e9 at the first sample, 0.5 in the middle,
    # rounding noise up to -2.5e9 at the last (bench limits seed 1 #739 and seed 102 #1306):
    # a first version of `_scatters`, which looked at the first and last runs only, refused it.
    result = _full(_exp1t(x0, c), x0, "right")
    assert result.converged, result
    assert abs(result.value - 0.5) <= 2.0 * result.error <= 1e-9


def _flat(seed: int, size: float = 1e-16) -> list[float]:
    rng = random.Random(seed)  # noqa: S311 - reproducible draws, not secrets
    return [size * math.sin(rng.uniform(0.0, 2.0 * math.pi)) for _ in range(48)]


def test_scatters_on_a_flat_scatter_of_new_values() -> None:
    for seed in range(20):
        assert _scatters(_flat(seed)), seed


def test_scatters_not_where_most_samples_repeat_a_value() -> None:
    values = _flat(1)
    assert _scatters(values)
    # A few values repeated by chance (a scatter of a few dozen ulps) keep it a scatter ...
    for i in range(0, 48, 6):
        values[i + 1] = values[i]
    assert len(set(values)) == 40
    assert _scatters(values)
    # ... fewer than half of the samples distinct (a grid of a few values) does not.
    values = _flat(1)
    for i in range(0, 48, 2):
        values[i + 1] = values[i]
    values[2] = values[3] = values[0]
    assert len(set(values)) == 23
    assert not _scatters(values)


# 10**U(-12, -8) + sin(x)/x or cos(x)/x at 1.15e25 (1 + U(-0.05, 0.05)), LIM17's
# scan (seeds 1 and 2: 3 lies in 600, 2.04 to 2.5 errors off): a scatter of about 29
# ulps of C about its middle repeats values by chance (31 distinct of 48).
REPEATS = [
    # 3.3193048759515128e-12 +- 6.2e-26 for 3.319304875951654e-12
    (3.3193048759515677e-12, 1.1096387181408211e25, math.cos),
    # 1.7463545125788346e-11 +- 6.0e-26 for 1.7463545125788223e-11
    (1.746354512578831e-11, 1.1086188697732795e25, math.sin),
    # 2.1753210066965754e-12 +- 4.9e-26 for 2.1753210066966994e-12
    (2.1753210066966174e-12, 1.202958586829202e25, math.sin),
]


@pytest.mark.parametrize(("c", "x0", "g"), REPEATS)
def test_a_scatter_that_repeats_some_values_gets_its_scatter_as_error(
    c: float, x0: float, g: Callable[[float], float]
) -> None:
    exact = {
        3.3193048759515677e-12: 3.319304875951654e-12,
        1.746354512578831e-11: 1.7463545125788223e-11,
        2.1753210066966174e-12: 2.1753210066966994e-12,
    }[c]
    result = limit(lambda x: c + g(x) / x, x0, side="left", full_output=True)
    assert isinstance(result, LimitResult)
    assert not result.converged or abs(result.value - exact) <= 2.0 * result.error, result


_PATTERN = [
    1.0,
    -0.6123,
    0.3171,
    -0.9377,
    0.5113,
    -0.2291,
    0.8059,
    -0.7013,
]  # one run of NOISE_POINTS: size 1


def _runs(sizes: list[float]) -> list[float]:
    return [size * y for size in sizes for y in _PATTERN]


def test_scatters_within_a_factor_2_between_any_two_runs() -> None:
    assert len(_PATTERN) == NOISE_POINTS
    sizes = [1.0, 1.25, 1.5, 1.75, 1.125]
    for last in (2.0, 0.875):  # the largest run twice the smallest: still a scatter
        assert _scatters(_runs([*sizes, last])), last
    for last in (2.0 * (1.0 + 2.0**-52), 0.875 * (1.0 - 2.0**-53)):
        assert not _scatters(_runs([*sizes, last])), last
    # A run in the middle counts as well as those at the ends.
    assert not _scatters(_runs([1.0, 1.01, 2.03, 1.02, 1.03, 1.04]))


def test_scatters_not_where_f_keeps_a_digit_in_a_run_in_the_middle() -> None:
    # The far field of (exp(t) - 1 - t)/t**2 and its rounding noise toward x0 are as
    # large (3.2e9 and 2.5e9), but f settles on 0.5 in between (bench limits seed 1 #739).
    values = _runs([1.0 + 0.01 * i for i in range(6)])
    assert _scatters(values)
    values[2 * NOISE_POINTS : 3 * NOISE_POINTS] = [1.0 + 1e-3 * i for i in range(NOISE_POINTS)]
    assert not _scatters(values)


def test_scatters_not_where_f_keeps_a_digit_at_the_first_or_the_last_samples() -> None:
    n = NOISE_POINTS
    values = _flat(3, 1.0)
    # The largest change in a window exactly LOSS of its largest sample: no digit.
    window = [0.76, 0.7, 0.85, 0.95, 0.8, 0.9, 1.0 - LOSS, 1.0]
    assert max(abs(b - a) for a, b in itertools.pairwise(window)) == LOSS
    for first in (True, False):
        edited = window + values[n:] if first else values[:-n] + window
        assert _scatters(edited), first
        # A little less, and f keeps a digit there.
        calm = [0.77, *window[1:-2], 0.76, 1.0]
        edited = calm + values[n:] if first else values[:-n] + calm
        assert not _scatters(edited), first


def test_scatters_not_where_f_settles_over_its_last_changes() -> None:
    values = _runs([1.0, 1.25, 1.5, 1.75, 1.125, 1.375])
    size = max(abs(y) for y in values[-NOISE_POINTS:])
    assert max(abs(b - a) for a, b in itertools.pairwise(values[-4:])) >= LOSS * size
    assert _scatters(values)
    # The last three changes below LOSS of the last run's size: f settles there.
    last = values[-4]
    settling = [*values[:-3], last + 0.1, last + 0.15, last + 0.175]
    assert not _scatters(settling)
    # ... and exactly LOSS of it still scatters.
    exact = [*values[:-3], last + 0.1, last + 0.15, last + 0.15 + LOSS * size]
    assert _scatters(exact)


def test_scatters_needs_two_windows_of_samples() -> None:
    assert not _scatters(_flat(4)[: 2 * NOISE_POINTS - 1])
    assert _scatters(_flat(4)[: 2 * NOISE_POINTS])


def test_scatters_not_on_a_constant_zero() -> None:
    assert not _scatters([0.0] * 48)
