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
