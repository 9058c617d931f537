"""A kink of f^(n) a fraction of a step away, which the accepted window's rows all reached.

DERKINK6. OUTSIDER10's kscan seed 9336 lied (2.6 times its error): the rows at
0.0058 to 0.0014 all reach the kink 0.0027 from ``x``, their differences fell
by 3.7 (near the 4 of ``h**2``) and extrapolation took the kink's share for
truncation. The quotient at half the last step, clean, hardly moved: the
estimate's truncation is not there (`_stalled`), and its error now holds it.
derkinkscan --order 2 seed 2 #83 lied (2.2 times): the window at smaller steps
that did not beat the kept one was about as fine and right (`_held_to_later`).
"""

from __future__ import annotations

import math

import calcweb as cw
from calcweb._richardson import _Candidate, _held_to_later, _stalled


def test_a_kink_reached_by_every_row_of_the_window_widens_its_error() -> None:
    # kscan seed 9336: f''' has a kink 0.0027 left of x; was -0.05727468477566839 +-
    # 1.38e-5 for -0.05723870971436875 (mpmath), now the same value +- 5.0e-5.
    k, c, a = 0.019702519270503267, 1.4725450155454216, 1.0282570729165847
    x = 1.475256291870039
    result = cw.derivative(
        lambda t: k * max(t - c, 0.0) ** 4 + math.sin(a * t), x, 3, full_output=True
    )
    exact = -(a**3) * math.cos(a * x) + 24.0 * k * (x - c)
    assert abs(result.value - exact) <= result.error, result


def _accepted(value: float, error: float, last: float) -> _Candidate:
    return _Candidate(value, error, 2, 2, 0.00144, last, 1.5e-7)


def test_a_quotient_that_hardly_moved_below_the_rows_is_stalled() -> None:
    # 9336's numbers: the last row -0.0572331 is 4.2e-5 above the estimate; at half its
    # step (rate 1/4) the quotient moved 5.6e-6 toward it, where 1.4e-5 was due.
    accepted = _accepted(-0.05727468477566839, 1.38e-5, -0.05723310769480643)
    assert _stalled(0.25, accepted, accepted.last, -0.057238704819675884, 1.19e-6)


def test_a_quotient_that_moves_as_the_expansion_says_is_not_stalled() -> None:
    # The same estimate, its truncation shrinking as h**2: the quotient moved 3/4 of it.
    accepted = _accepted(-0.05727468477566839, 1.38e-5, -0.05723310769480643)
    moved = accepted.last + 0.75 * (accepted.value - accepted.last)
    assert not _stalled(0.25, accepted, accepted.last, moved, 1.19e-6)
    # Within the quotients' rounding of not moving at all, it is not evidence either.
    assert not _stalled(0.25, accepted, accepted.last, accepted.last, 1e-5)


def test_a_step_between_the_last_row_and_its_half_is_not_judged() -> None:
    # A probe's step, h**2 at 0.3 of the last row's: 0.4 of the truncation is due, but
    # all this caught on the kink scans was an honest answer, then refused.
    accepted = _accepted(-0.05727468477566839, 1.38e-5, -0.05723310769480643)
    assert not _stalled(0.3, accepted, accepted.last, accepted.last, 1.19e-6)


def test_a_jump_of_f2_a_fraction_of_the_steps_away_is_held_by_the_later_window() -> None:
    # derkinkscan --order 2 seed 2 #83: f'' jumps 8.6e-7 at 0.5; steps 0.2 to 0.025 kept
    # -1.710870494619028 +- 1.24e-7 for -1.7108707716390632 (mpmath); the window at
    # 0.0031 to 9.8e-5 gave -1.71087077069 +- 1.75e-7. Now +- 4.5e-7.
    a, w, k, c = (
        2.9112788035607196,
        0.9632467464663801,
        -3.1920012691096944,
        -4.2323359449357245e-08,
    )
    x = 0.49596798057907165

    def f(t: float) -> float:
        u = k * (t - 0.5)
        return a * math.atan(w * t) + c * u * abs(u) / 2.0

    result = cw.derivative(f, x, 2, full_output=True)
    exact = -2.0 * a * w**3 * x / (1.0 + (w * x) ** 2) ** 2 + c * k**2  # u > 0 at x
    assert abs(result.value - exact) <= result.error, result


def _window(value: float, error: float, smallest: float, level: int = 2) -> _Candidate:
    return _Candidate(value, error, level, level, smallest)


def test_only_a_later_window_about_as_fine_widens_the_kept_error() -> None:
    kept = _window(-1.710870494619028, 1.24e-7, 0.025)
    later = _window(-1.7108707706905417, 1.75e-7, 1.95e-4)
    assert _held_to_later(kept, [later]).error == abs(later.value - kept.value) + later.error
    # One with more than twice the kept error strays within it (its rounding grew).
    wide = _window(later.value, 2.5e-7, 1.95e-4)
    assert _held_to_later(kept, [wide]).error == kept.error
    # One the kept error holds, one at larger steps, and a bare quotient are no evidence.
    held = _window(kept.value + 1e-7, 1.75e-7, 1.95e-4)
    above = _window(later.value, 1.75e-7, 0.05)
    bare = _window(later.value, 1.75e-7, 1.95e-4, level=0)
    assert _held_to_later(kept, [held, above, bare]).error == kept.error
