"""Staircases with many steps: honest or refused (stairscan seed 1).

A rule that let panels stepping once between two flat levels out of the chase
for a peak's flanks (tried in session 18, not landed) answered these, each
refused before, converged with errors 7.5x to 1,600x too small: the steps
left between the panels it let go hold more than their errors. The exact
values are the steps' rectangles summed in fractions (bench/scans/stairscan.py).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from calcweb import integrate


def _round_to(k: int) -> Callable[[float], float]:
    return lambda x: round(k * x) / k


@pytest.mark.parametrize(
    ("k", "a", "b", "tol", "exact"),
    [
        (7, -1.4704573987748013, 0.6939192920883612, 9.09e-05, -0.8396906671661928),
        (7, 0.8059458338277112, 2.9862210084612917, 1.21e-07, 4.135199249449919),
        (3, -0.4182648629221921, 6.329977197470109, 4.08e-07, 19.950433963003295),
    ],
)
def test_a_staircase_is_honest_or_refused(
    k: int, a: float, b: float, tol: float, exact: float
) -> None:
    result = integrate(_round_to(k), a, b, tol=tol, full_output=True)
    if result.converged:
        assert abs(result.value - exact) <= 2 * result.error
