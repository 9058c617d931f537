"""Higher derivatives of a small fast term beside a large slow one (session 31, FASTTERM2).

``c s**p + sin(a s**q)`` at ``x`` in the tens to hundreds (fasttermscan's
``pow``, ``sin`` and ``cube`` families), ``n = 3, 4``: the walk's first
window resolves the sine at steps of 1e-5 to 1e-3 (rounding-limited, its
quotients within its error), and quotients at larger steps, the slow part's
alone, contradict it. `_noise_up_from` then read the sine's own swings at a
spacing 16 times the smallest step as stairs, and the walk done again with
that noise kept the slow part's derivative with a tiny error. Reads of
``f``'s 4th differences that fall from that spacing as a smooth ``f``'s do
(`_falls_as_smooth`) are no noise. Each case lied before (the answer in its
comment); now it is answered honestly, with an error below the derivative.
"""

from __future__ import annotations

import math

import mpmath
import pytest

import calcweb as cw
from calcweb import _richardson
from calcweb._richardson import STEEPEST, Sampler, _falls_as_smooth


@pytest.mark.parametrize(
    ("c", "p", "a", "q", "x", "n"),
    [
        # The sine read as noise 2.39 at 1.2e-3; was 61108.416 +- 0.0017, for 1.262e9
        (8.31, 4, 1.84, 2, 306.4, 3),
        # was 26261.3005 +- 7e-5, for -8.22e9
        (1.216613622108856, 4, 1.4461577549332103, 2, 899.3988172299959, 3),
        # was 57.117 +- 0.0086, for -1.411e10
        (2.3798756947017887, 4, 0.9362323256290934, 2, 186.53665605472744, 4),
        # The cubic's f'''' is 0: was -4.5e-8 +- 8.7e-6, for -2.443e12
        (5.818493138085272, 3, 0.829203773828566, 2, 880.4557567640128, 4),
        # sin(a s**3): was 59.21 +- 0.13, for -3.979e15
        (2.4671607714291643, 4, 0.9407856163261064, 3, 78.93339673769835, 4),
    ],
)
def test_a_resolved_fast_term_is_not_read_as_stairs(  # noqa: PLR0917 - one draw's parameters
    c: float, p: int, a: float, q: int, x: float, n: int
) -> None:
    result = cw.derivative(lambda s: c * s**p + math.sin(a * s**q), x, n, full_output=True)
    with mpmath.workdps(60):
        exact = float(mpmath.diff(lambda s: c * s**p + mpmath.sin(a * s**q), mpmath.mpf(x), n))
    assert abs(result.value - exact) <= 2.0 * result.error, (result, exact)
    assert result.error < abs(exact)  # not a far window's near 0: the first walk's answer


class _Reads:
    """`_fourth_at` stood in for: the reads at spacings halving from 1, and the spacings asked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, reads: list[float | None]) -> None:
        self.reads, self.asked = reads, []
        monkeypatch.setattr(_richardson, "_fourth_at", self.fourth_at)

    def fourth_at(self, sampler: Sampler, spacing: float) -> tuple[float, float, float] | None:  # noqa: ARG002
        self.asked.append(spacing)
        read = self.reads[len(self.asked) - 1]
        return None if read is None else (read, 0.0, 1.0)

    def falls(self, noise: float = 1.0, quiet: float = 1e-12) -> bool:
        return _falls_as_smooth(Sampler(abs, 0.0), 1.0, noise, quiet, 2.0**-10)


def test_reads_that_fall_8_to_64_fold_twice_are_f_s_smooth_part(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reads = _Reads(monkeypatch, [1.0, 1 / 16, 1 / 256, 1.0])
    assert reads.falls()
    assert reads.asked == [1.0, 0.5, 0.25]  # two falls: done
    assert _Reads(monkeypatch, [1.0, 1 / 64, 1 / 64**2]).falls()
    # Too slow (noise reads alike), or a drop into the rounding (a stair's height): no fall.
    assert not _Reads(monkeypatch, [1.0, 1 / 7, 1 / 49, 1 / 343, 1e-4] + [1e-4] * 8).falls()
    reads = _Reads(monkeypatch, [1.0, 1 / 16, 1e-9])
    assert not reads.falls(quiet=1e-9)  # 1e-9 is in the rounding: the reads end there
    # Smooth falls below a drop do not explain the noise above it (one stair, smooth).
    assert not _Reads(monkeypatch, [1.0, 1 / 16, 1e-6, 1e-7, 1e-8] + [1e-9] * 8).falls()


def test_reads_must_reach_the_noise_and_say_something(monkeypatch: pytest.MonkeyPatch) -> None:
    # The read at the spacing, grown STEEPEST-fold twice, must reach the noise.
    assert _Reads(monkeypatch, [1.0, 1 / 16, 1 / 256]).falls(noise=STEEPEST**2)
    reads = _Reads(monkeypatch, [1.0, 1 / 16, 1 / 256])
    assert not reads.falls(noise=2.0 * STEEPEST**2)
    assert reads.asked == [1.0]
    # Stairs whose neighbours turn equal say nothing; a read in the rounding ends the reads.
    assert not _Reads(monkeypatch, [1.0, None, 1 / 256]).falls()
    reads = _Reads(monkeypatch, [1.0, 1e-13, 1e-14, 1e-15])
    assert not reads.falls()
    assert reads.asked == [1.0, 0.5]
    # One fall into the rounding (0.015, quiet 0.02), no drop: reads below it are rounding,
    # whose chance falls say nothing.
    reads = _Reads(monkeypatch, [1.0, 0.9, 0.015, 0.001])
    assert not reads.falls(quiet=0.02)
    assert reads.asked == [1.0, 0.5, 0.25]
