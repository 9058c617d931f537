"""DERFAST (session 26): a fast term beside a large slow one, averaged away by the first steps.

``c s**3 + sin(a s**2)`` at a few hundred: the first steps (about 0.015 |x|)
are far above the period of the sine (``pi / (a x)``, about 0.004), so its
quotients follow the cubic alone, in the cubic's own asymptotic range, and a
window there is kept with an error that cannot see the sine. Below it the
sine's part of the quotients (up to ``1 / h``) grows as the steps shrink:
the quotients leave that estimate farther and farther (`_still_leaving`),
so the walk goes on (`_Walk.done_after`) until it resolves the sine; and a
walk stopped early for refinement gives way to the one done further that
left it behind so (`_left_behind`). Draws of OUTSIDER8's fuzzer
(``/tmp/s26/OUTSIDER8/fuzz/fastterm.py``, seeds 0 and 23); exact values are
``3 c x**2 + 2 a x cos(a x**2)`` in mpmath at 40 digits.
"""

import math

import pytest

from calcweb import NumericalError, derivative
from calcweb._richardson import _still_leaving


@pytest.mark.parametrize(
    ("x", "a", "c", "exact"),
    [
        # The walk's window at steps 7.3 to 0.92 gave the cubic's 130774.61 +- 147; the
        # quotients below it were 3.3, 5.2, 38 and 104 from it, growing (`_Walk.done_after`).
        (488.47653133903447, 1.6369316044104538, 0.18268998599127642, 131898.27427880347),
        # A walk stopped at steps 10.6 to 2.65 for refinement (7143027.23 +- 0.33, the cubic's
        # value); the walk done further found 7142052.83 and stands (`_left_behind`).
        (707.5066125528888, 1.9229086669897657, 4.756637245264218, 7142052.827925213),
    ],
)
def test_a_fast_sine_beside_a_cubic_is_not_averaged_away(
    x: float, a: float, c: float, exact: float
) -> None:
    try:
        result = derivative(lambda s: c * s**3 + math.sin(a * s * s), x, full_output=True)
    except NumericalError:
        return  # an honest refusal keeps the contract
    assert abs(result.value - exact) <= 2.0 * result.error, (result, exact)


def test_quotients_that_keep_leaving_the_estimate_are_still_leaving() -> None:
    assert _still_leaving([3.3, 5.2, 38.0, 104.0])  # seed 0 below its window
    assert _still_leaving([0.5, 3.0])


def test_quotients_that_come_back_are_not_still_leaving() -> None:
    assert not _still_leaving([4.0, 1.0, 0.25])  # truncation shrinking with the step
    assert not _still_leaving([5.0, 0.0])  # within rounding
    assert not _still_leaving([5.0])  # one contradiction says nothing of a trend
    # Settled below a kink 2.7e-6 from x (derkinkscan): the walk has resolved f there.
    assert not _still_leaving([0.0019, 0.0006, 0.0023, 0.0093, 0.0375, 0.103, 0.103])
