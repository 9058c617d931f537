"""DER34: Richardson's lies left beside junctions and clamps (issue 13).

f written with `math` ("auto" is Richardson). Exact values are closed forms.

1. The one-sided check (`_richardson._check_one_sided`) refused only a central
   estimate farther from a forward value than the forward value's own
   uncertainty plus *twice* the estimate's error. An estimate just past that
   (beyond both errors) stood with its error: 2.01 and 3.17 errors off below.
   The estimate's error now reaches the forward value.
2. Beside a clamp, on its flat side, the walk before the noise (0) and the walk
   done again with the noise (read across the clamp) disagreed, and, as a flat
   stair of a staircase looks the same from there, the answer was refused. A
   clamp leaves its flat value continuously; a stair, or f flushed to 0, at a
   jump (`_richardson._continuous_junctions`): clamps are now answered, and
   stairs still refused or answered with the noised walk.
3. Only the forward quotients were compared with the central ones: a junction
   right of x, crossed by the forward stencils as by the central ones, left
   them in doubt, deciding nothing. The backward ones are now compared too, and
   a value in doubt is taken at larger steps than the window's expansion reaches.
"""

from __future__ import annotations

import math
import struct
import sys
from collections.abc import Callable

import pytest
from derivative_checks import honest_or_refused
from junctions import spliced

from calcweb import DomainError, _richardson, derivative
from calcweb._richardson import Sampler

EPS = sys.float_info.epsilon


def _answered(f: Callable[[float], float], x: float, n: int, exact: float) -> None:
    """Answered (not refused), within twice its error of ``exact``."""
    result = derivative(f, x, n, full_output=True)
    assert abs(result.value - exact) <= 2.0 * result.error, (result, exact)


def _single(value: float) -> float:
    """``value`` rounded to single precision."""
    rounded: float = struct.unpack("f", struct.pack("f", value))[0]
    return rounded


def test_a_forward_value_beyond_both_errors_widens_the_estimate() -> None:
    # |t| at 0 with steps 1/4, 1/8: forward quotients 1, 1 (own uncertainty: 20 x their
    # rounding, 80 eps); a central 0 +- 0.6 is within 2 x 0.6 of 1 (not refused) but
    # beyond both errors: its error becomes 1 + 80 eps.
    estimate = _richardson.Estimate(0.0, 0.6, 0, 1.0, "central", 0.25)
    widened = _richardson._check_one_sided(Sampler(abs, 0.0), estimate)
    assert widened == 1.0 + 80.0 * EPS
    # Within both errors: unchanged.
    estimate = _richardson.Estimate(0.0, 1.0, 0, 1.0, "central", 0.25)
    assert _richardson._check_one_sided(Sampler(abs, 0.0), estimate) == 1.0


def test_a_junction_nearer_than_the_window_is_no_lie() -> None:
    # e**t left of c = -1.707, its quadratic at c right of it; f''' at c + 8.4e-6 is 0.
    # Was 0.0650 +- 0.0323 (2.01 errors off): the forward value, 3e-6 +- 0.0014, was
    # within 2 x 0.0323 + 0.0014 of it. Widened: +- 0.0665; now (3.) refused, as the
    # forward value is in doubt and the backward one (0.18, across c) disagrees.
    honest_or_refused(spliced(-1.707, 2), -1.7069916311516065, 0.0, n=3)


def test_a_clamped_log_in_single_precision_is_held_by_the_error() -> None:
    # log(max(t, c)) rounded to float32, n = 3 at c + 4.3e-7: the walk from a step on
    # the scale of x, with the noise (9.5e-7) known, kept a window across the clamp:
    # -1.13e16 +- 3.57e15 for 2 / x**3 = 4.0e11 (3.17 errors off). Now +- 1.79e16.
    c = 0.00017047260648071967
    x = 0.00017090154555877504
    _answered(lambda t: _single(math.log(max(t, c))), x, 3, 2.0 / x**3)


def _sigmoid(t: float) -> float:
    return 1.0 / (1.0 + math.exp(-t))


def _gelu(t: float) -> float:
    return 0.5 * t * (1.0 + math.erf(t / math.sqrt(2.0)))


@pytest.mark.parametrize(
    ("f", "x", "n"),
    [
        # refused before (clampfam seed 41): sigmoid(max(t, c)) 1.8e-5 left of c
        (lambda t: _sigmoid(max(t, 1.1472207883346126)), 1.1472032301079595, 1),
        # log of t clipped to [c, c + w], 8.2e-4 left of c (clampfam seed 41)
        (
            lambda t: math.log(min(max(t, 0.07296016056440786), 0.14202198107298875)),
            0.07214095998867968,
            1,
        ),
        # exp clamped at c = 1.348 (constant right of it), n = 2 (a4k0 seed 7)
        (spliced(1.348, 0), 1.3625803111165218, 2),
    ],
    ids=["sigmoid max", "log clip", "exp clamped n=2"],
)
def test_a_clamp_is_answered_from_its_flat_side(
    f: Callable[[float], float], x: float, n: int
) -> None:
    _answered(f, x, n, 0.0)


@pytest.mark.parametrize(
    ("f", "x", "n", "exact"),
    [
        # gelu flushed to 0 (1 + erf rounds to 0 there): its first stair is a jump of
        # ulp(1) times t / 2; taken for a clamp, 0 +- 5e-318 for -6.18e-15
        (_gelu, -8.746447881346777, 3, -6.1836063285246744e-15),
        (_gelu, -8.846188239470035, 2, -3.0925109490817909e-16),
        # t floor(t / q) q, 0 on [0, q): it meets -q t at 0 continuously, but jumps by
        # q**2 at q; with only the nearer junction asked, 0 +- 2e-319 for 2x
        (
            lambda t: t * math.floor(t / 0.0048946818665905195) * 0.0048946818665905195,
            0.0011036292852049075,
            1,
            0.002207258570409815,
        ),
    ],
    ids=["gelu flushed n=3", "gelu flushed n=2", "t floor(t / q) q"],
)
def test_a_flat_stair_is_not_taken_for_a_clamp(
    f: Callable[[float], float], x: float, n: int, exact: float
) -> None:
    honest_or_refused(f, x, exact, n=n)


def test_a_junction_right_of_x_is_judged_from_the_left() -> None:
    # tanh(min(t, c) / s) rounded to float32, n = 3 at c - 8e-6 (clampfam2 float32 seed
    # 63): the walk with the noise known kept a window across c, -1.416e11 +- 3.86e10
    # for 5.16e7 (3.67 errors off); the forward value, across c too, -2.5e12 +- 5.7e12,
    # is in doubt. The backward one widens it: +- 2.18e11.
    s, c = 0.0013616405498219247, 0.003235251323012235
    x = 0.0032271994147375386
    exact = 51615269.865207376  # the third derivative of tanh(u / s) at x (mpmath)
    _answered(lambda t: _single(math.tanh(min(t, c) / s)), x, 3, exact)


def test_the_left_side_is_named_when_it_refuses() -> None:
    # The junction of the a4 case above, seen from the left: f''' is e**c there.
    with pytest.raises(DomainError, match=r"from the left tend to about 0\.180"):
        derivative(spliced(-1.707, 2), -1.7069916311516065, 3, full_output=True)


def test_a_forward_value_in_doubt_is_asked_again_at_larger_steps() -> None:
    # e**t left of c = 1.024, its quadratic right of it; f''' at c + 9.2e-8 is 0 (a4
    # seed 101). Noise read across c (3.4e-7) put the forward rounding at 1.65 at 0.032,
    # the second step of a window across c: 1.381 +- 0.22, refined to 1.369 +- 0.029
    # (47 errors off). The forward value (7.5e-11) is in doubt, and is taken again at
    # 4 times the step, beyond the window's expansion: refused.
    honest_or_refused(spliced(1.024, 2), 1.024000091951471, 0.0, n=3)
