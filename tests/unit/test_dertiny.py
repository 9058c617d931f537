"""A feature of ``f`` far finer than the walk's steps is not rounding (DERTINY, issue 13).

``B + a sin((t - x0) / a + 0.3)`` with ``a`` tiny swings by many ulps of ``B``
on a scale far below the first steps, and its derivative at ``x0`` is
``cos(0.3)``. At steps far above ``a`` its central quotients are about
``a / h`` at random: what rounding of size ``a`` would give.

- Read as noise (4th differences at a spacing where ``f`` oscillates), that
  swing let the walk done again with it keep quotients that agree within it:
  ``1e3 + 1e-11 sin(t / 1e-11 + 0.3)`` at 0 answered -3.3e-9 +- 1.3e-8. At a
  spacing far below the steps, where ``f`` is smooth, its 4th differences are
  far below that noise: the noise is ``f``'s own swing, and the estimate is
  refused (`_check_noise_is_rounding`). Stairs on a smooth part are not:
  ``(1 - cos t) / t**2`` and ``exp(t) - 1 - t`` (tests of the noise and of
  removable quotients) still answer.

Exact values: ``cos(0.3)``, rounded to a float (far below the errors tested).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from calcweb import derivative, multivariate
from calcweb._richardson import Sampler, _bumps
from calcweb.exceptions import CalcwebError

HONESTY = 2.0
SLOPE = math.cos(0.3)


def _swing(a: float, big: float, x0: float) -> Callable[[float], float]:
    return lambda t: big + a * math.sin((t - x0) / a + 0.3)


def _honest_or_refused(f: Callable[[float], float], x0: float) -> str:
    try:
        result = derivative(f, x0, full_output=True)
    except CalcwebError:
        return "refused"
    if abs(result.value - SLOPE) <= HONESTY * result.error:
        return "honest"
    return f"lie: {result.value!r} +- {result.error:.3g}"


# (a, B, x0): the noise read off f's swing was 1.21e-11 (6.8 quiet, 55 eps of |f|) at both.
NOISE_READ_OFF_SWING = ((1e-11, 1e3, 0.0), (1e-11, 1e3, 0.3))


@pytest.mark.parametrize(("a", "big", "x0"), NOISE_READ_OFF_SWING)
def test_noise_read_off_fs_swing_is_no_rounding(a: float, big: float, x0: float) -> None:
    assert _honest_or_refused(_swing(a, big, x0), x0) in {"refused", "honest"}


def test_the_swing_is_refused_with_why() -> None:
    with pytest.raises(CalcwebError, match="is f's own variation"):
        derivative(_swing(1e-11, 1e3, 0.0), 0.0)


def test_smooth_below_a_swing_and_on_its_scale() -> None:
    """Below a = 1e-11 f is smooth to an ulp of 1e3 (1.1e-13); at 1.4e-4 its bumps are its swing."""
    sampler = Sampler(_swing(1e-11, 1e3, 0.0), 0.0)
    fine = _bumps(sampler, 5.4e-13)
    assert fine is not None
    assert fine[0] < 4.0 * math.ulp(1e3)
    assert abs(fine[1] - SLOPE) < 0.3  # its rounding: an ulp of 1e3 over 5.4e-13
    swing = _bumps(sampler, 1.2e-11 / SLOPE / 2.0)  # where f moves by the noise
    assert swing is not None
    assert swing[0] < 1.2e-11 / 8.0
    coarse = _bumps(sampler, 1.4e-4)
    assert coarse is not None
    assert coarse[0] > 1e-12


def test_stairs_on_a_smooth_part_show_their_edges() -> None:
    """``exp(t) - 1 - t`` at 1e-7: smooth (slope -1) within a stair of exp, 2.2e-16 wide."""
    sampler = Sampler(lambda t: math.exp(t) - 1.0 - t, 1e-7)
    within = _bumps(sampler, 1.4e-17)
    assert within is not None
    assert within[0] < 1e-30
    across = _bumps(sampler, 2.4e-16 / abs(within[1]) / 2.0)
    assert across is not None
    assert across[0] > 2.4e-16 / 8.0


@pytest.mark.parametrize("x", [0.3, -1.7, 2.5])
def test_rounding_inside_f_is_still_noise(x: float) -> None:
    """Noise that shows at every spacing (stairs of ulp(1e8)) still sets the error."""
    result = derivative(lambda t: (1e8 + math.sin(t)) - 1e8, x, full_output=True)
    assert abs(result.value - math.cos(x)) <= HONESTY * result.error
    assert result.error < 1e-3


def test_exp_minus_its_line_is_still_answered() -> None:
    """Its closer walk's estimate, 0 within its error, rests on stairs on a smooth part."""
    x = 1e-7
    result = derivative(lambda t: math.exp(t) - 1.0 - t, x, full_output=True)
    assert abs(result.value - math.expm1(x)) <= HONESTY * result.error


# (k, c, x, f'(x) from mpmath): crests of sin(k t + c) answered 0 within their error on a
# noise measured (3.6e-14, 20 quiet: the rounding of k t; 9.8e-9: f's curvature). Below the
# walk's steps their 4th differences fall, 4-fold a level (rounding that fades with f's
# slope toward the crest) and 256-fold (a smooth f that the walk resolved), through
# noise / SHOWN: neither drops from the noise to the values' rounding in one step.
CRESTS = (
    (3415839.36, 2.8859, 0.755043710081492, 0.000514330859213567),
    (1949.76, 2.9195, -0.4099546804145199, 3.2924585060605587e-09),
)


@pytest.mark.parametrize(("k", "c", "x", "exact"), CRESTS)
def test_crests_whose_noise_falls_are_still_answered(
    k: float, c: float, x: float, exact: float
) -> None:
    result = derivative(lambda t: math.sin(k * t + c), x, full_output=True)
    assert abs(result.value - exact) <= HONESTY * result.error


def test_rounding_that_fades_toward_a_crest_on_a_line_is_still_noise() -> None:
    """``sin(6476504.12 t + 1.237)`` along ``p[0]`` at 0.93: ``x + t`` rounded to ulp(0.93).

    That rounding moves f by its slope times ulp(0.93), which fades toward the crest: f's 4th
    differences below the walk's steps were 1.4e-14, 1.1e-14, 1.2e-15 and 1.9e-16 (the values'
    rounding, 8.9e-16), for a noise of 1.6e-14. Read as a drop, that noise was refused as f's
    own swing; it answers -1.31e-3 +- 9.2e-3 (f' = 2.1e-3), as before.
    """
    k, c, x = 6476504.12, 1.237, 0.9301927142349219
    line, scale = multivariate._along(lambda p: math.sin(k * p[0] + c), [x, 0.3], [1.0, 0.0])
    result = derivative(line, line.at, full_output=True)
    exact = 0.0021191139518765677  # k cos(k x + c), from mpmath
    value, error = math.ldexp(result.value, scale), math.ldexp(result.error, scale)
    assert abs(value - exact) <= HONESTY * error
