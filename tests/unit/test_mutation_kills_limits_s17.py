"""Mutation tests for limits' checks run in session 17's mutation run.

Session 17 ran mutmut 3.8.1's mutants of `_scatters`, `_too_slow`, `_steady_drift`,
`_blocks`, `_block_tail`, `_keep_one_ratio` and `_judged` (at b748b9d) against every
test that reached them; each test below states what the docstring promises at a
point no other test reaches. The samples are chosen exactly: each property the
docstring names holds or fails by construction.
"""

from __future__ import annotations

from calcweb.limits import NOISE_POINTS, _scatters


def test_samples_before_the_first_whole_run_are_not_judged() -> None:
    # 23 samples: the last 16 (two runs of NOISE_POINTS = 8, counted back from the last)
    # scatter by their own size, +-(1 + k/1000); the first 7, short of a run, drift
    # smoothly and are not judged (all 23 differ from each other).
    assert NOISE_POINTS == 8
    smooth = [3.0 + k / 1000.0 for k in range(7)]
    scatter = [(-1.0) ** k * (1.0 + k / 1000.0) for k in range(16)]
    assert _scatters(smooth + scatter)
    # 24 samples: three whole runs, and the first, smooth, is judged and does not scatter.
    assert not _scatters([3.0 + k / 1000.0 for k in range(8)] + scatter)


def test_the_last_changes_are_measured_against_the_last_run() -> None:
    # Two runs of 8: the earlier of size 1.9, the last of size 1, whose last three changes
    # (-0.45, -0.35, -0.3, shrinking, as f's settling would) are at least LOSS = 0.25 of
    # its size: it has not started to settle. Against the earlier run's size (0.475) they
    # would be.
    earlier = [(-1.0) ** k * (1.9 - k / 1000.0) for k in range(8)]
    last = [1.0, -0.999, 0.998, -0.997, 0.9, 0.45, 0.1, -0.2]
    assert _scatters(earlier + last)
    settling = [1.0, -0.999, 0.998, -0.997, 0.9, 0.7, 0.6, 0.55]  # -0.2, -0.1, -0.05
    assert not _scatters(earlier + settling)
    # Small last changes that do not shrink one way are a scatter's by chance.
    by_chance = [1.0, -0.999, 0.998, -0.997, 0.9, 0.7, 0.9001, 0.7001]  # changes of 0.2
    assert _scatters(earlier + by_chance)
