"""calcweb._richardson's measurements of stairs that cancel, at their edges (mutation testing).

`_collapsed`'s agreement beyond rounding, `_noise_beside`'s golden-ratio retries
and `Sampler._second_difference_noise`'s thresholds and points, each on both
sides of its bound, with values chosen so that the answer is exact.
"""

from __future__ import annotations

import math

import pytest

from calcweb import _richardson
from calcweb._richardson import _GOLDEN, Sampler

STEP = 2.0**-10  # x + k * STEP is exact at x = 0


def tabled(values: dict[int, float]) -> Sampler:
    """A Sampler at 0 of f with f(k STEP) = values[k], undefined (ValueError) elsewhere."""

    def f(t: float) -> float:
        k = t / STEP
        if not k.is_integer() or int(k) not in values:
            raise ValueError("f is defined on the table only")
        return values[int(k)]

    sampler = Sampler(f, 0.0)
    for k in range(-2, 3):
        sampler(k * STEP if k else 0.0)
    return sampler


# The five inner values: 2nd differences 0, 0, 1, spread 1.
INNER = {-2: 0.0, -1: 0.0, 0: 0.0, 1: 0.0, 2: 1.0}


def coarse(at_four: float) -> dict[int, float]:
    """INNER and f(-4 STEP) = 0, f(4 STEP) = at_four: 2nd differences 0, 1, at_four - 2."""
    return {**INNER, -4: 0.0, 4: at_four}


def test_second_differences_that_do_not_grow_are_noise() -> None:
    # Spread 1 at the step and at twice it: noise, half the larger spread. The points
    # at twice the step are x +- 2 and 4 steps (at 3, or a 6th point, f is undefined).
    sampler = tabled(coarse(2.0))
    assert sampler._second_difference_noise(STEP, 0.5) == 0.5
    assert sampler.calls == 7


def test_a_coarse_stencil_outside_the_domain_leaves_the_noise_unmeasured() -> None:
    assert tabled(INNER)._second_difference_noise(STEP, 0.5) == 0.0
    # From the left: f fails at -4 steps, and the point at +4 is not asked for.
    sampler = tabled({**INNER, 4: 2.0})
    assert sampler._second_difference_noise(STEP, 0.5) == 0.0
    assert sampler.calls == 6
    assert [point for point, _ in sampler.failed] == [-4.0 * STEP]


def test_a_spread_at_quiet_is_no_noise_and_costs_no_call() -> None:
    sampler = tabled(coarse(2.0))
    assert sampler._second_difference_noise(STEP, 1.0) == 0.0
    assert sampler.calls == 5
    assert sampler._second_difference_noise(STEP, math.nextafter(1.0, 0.0)) == 0.5


@pytest.mark.parametrize(
    ("at_four", "noise"),
    [(6.0, 0.0), (math.nextafter(6.0, 0.0), 4.0 / 2.0), (6.5, 0.0)],
)
def test_a_spread_4_times_larger_at_twice_the_step_is_smoothness(
    at_four: float, noise: float
) -> None:
    # at_four = 6: spread 4 (exactly 4 x 1); 6.5: 4.5 (not below 4, nor 5).
    found = tabled(coarse(at_four))._second_difference_noise(STEP, 0.5)
    assert found == pytest.approx(noise, abs=1e-15)


def test_the_noise_beside_a_point_is_tried_at_three_spacings_in_the_golden_ratio(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tried: list[tuple[float, float, float, float]] = []

    def noise_at(_: Sampler, point: float, spacing: float, widest: float, quiet: float) -> float:
        tried.append((point, spacing, widest, quiet))
        return 0.0

    monkeypatch.setattr(Sampler, "noise_at", noise_at)
    sampler = Sampler(math.sin, 1.0)
    assert _richardson._noise_beside(sampler, 1.5, 0.25, 0.125, 1e-9) == 0.0
    spacings = [0.25, 0.25 / _GOLDEN, 0.25 / _GOLDEN / _GOLDEN]
    assert tried == [(1.5, spacing, 0.125, 1e-9) for spacing in spacings]


def test_collapsed_quotients_agree_within_a_16th_of_the_jump() -> None:
    # Steps 4 apart: the jump 1e-6 over 2 x 4096 is 1.2207e-10; a 16th of it is 7.63e-12
    # (a 17th: 7.18e-12), below 1e-10 of the last quotient (5e-11).
    def collapsed(last: float) -> bool:
        rows = [(4e-8, 0.5 + 1e-6, 1e-20), (1e-8, 0.5, 1e-20), (2.5e-9, last, 1e-20)]
        return _richardson._collapsed(2, rows)

    assert collapsed(0.5 + 7.4e-12)
    assert not collapsed(0.5 + 7.8e-12)
