"""calcweb._richardson._local_drift at the noise spacing's exact points (issue 13).

Where ``x -+`` the noise spacing are exact (the step is the spacing asked for,
as at ``x = 0``), the noise spacing moves a sinusoid's argument ``k t + c``
near its zero by about 16 eps, a whole number of ulps of any ``|c| < 32``:
the three points can share one rounding of it and show no noise however
noisy ``f`` is elsewhere. A close drift there
is judged again, once, at the next spacing in the golden ratio; where the
step is rounded to ulps of ``x`` or raised to 4 of them, a close drift stays
the verdict (no calls spent). The oracle: odd stairs whose values are exact.
"""

from __future__ import annotations

from calcweb._richardson import _GOLDEN, Estimate, Sampler, _local_drift

SPACING = 2.0**-20
LOCAL = 2.0**-40  # a drift of more than LOCAL / 4 is noise
RISE = 2.0**-30  # the stairs' height beyond the inner points: far above LOCAL / 4


def _stairs(x: float, inner: float) -> Sampler:
    """Slope 1 about ``x``, exact within ``inner`` of it, ``RISE`` higher (odd) beyond."""

    def f(t: float) -> float:
        d = t - x
        return d if abs(d) <= inner else d + (RISE if d > 0 else -RISE)

    return Sampler(f, x)


def _walk() -> Estimate:
    """Slope 1 +- 0 from a window at step 1: every spacing here is within its reach."""
    return Estimate(1.0, 0.0, 0, 1.0, "central", 1.0, ((1.0, 1.0),))


def test_a_close_drift_at_exact_points_is_judged_again_at_the_golden_spacing() -> None:
    sampler = _stairs(0.0, SPACING)
    assert _local_drift(sampler, _walk(), 1, SPACING, LOCAL) == 2.0 * RISE
    assert sorted(sampler.values) == [
        -SPACING * _GOLDEN,
        -SPACING,
        SPACING,
        SPACING * _GOLDEN,
    ]


def test_a_close_drift_at_exact_points_is_judged_again_only_once() -> None:
    # The stairs begin beyond the golden spacing: close there too, and no third spacing.
    sampler = _stairs(0.0, 2.0 * SPACING)
    assert _local_drift(sampler, _walk(), 1, SPACING, LOCAL) == 0.0
    assert len(sampler.values) == 4


def test_a_close_drift_at_a_rounded_step_is_the_verdict() -> None:
    # At 1 the spacing asked for, 2**-20 (1 + 2**-40), is rounded to 2**-20 by 1 + it.
    asked = SPACING * (1.0 + 2.0**-40)
    sampler = _stairs(1.0, SPACING)
    assert _local_drift(sampler, _walk(), 1, asked, LOCAL) == 0.0
    assert sorted(sampler.values) == [1.0 - SPACING, 1.0 + SPACING]


def test_a_close_drift_at_a_spacing_raised_to_4_ulps_is_the_verdict() -> None:
    sampler = _stairs(1.0, 2.0**-50)
    assert _local_drift(sampler, _walk(), 1, 2.0**-60, LOCAL) == 0.0
    assert len(sampler.values) == 2
