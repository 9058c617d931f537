"""Samplers that have already computed ``f`` somewhere, for tests of the noise measurements.

`calcweb._richardson`'s noise measurements read what the walk computed before
them (the largest ``|f|``, the slope from ``x`` to there): the tests set that
up by computing ``f`` at a few points first.
"""

from __future__ import annotations

from collections.abc import Callable

from calcweb._richardson import Sampler


def sampled(f: Callable[[float], float], x: float, *points: float) -> Sampler:
    """A Sampler of ``f`` at ``x`` that has computed ``f`` at ``points``, in that order.

    Each point is computed once and counted, as the walk would have.

    Examples:
        >>> sampler = sampled(abs, 0.5, 0.5, -2.0)
        >>> sampler.values, sampler.calls
        ({0.5: 0.5, -2.0: 2.0}, 2)
    """
    sampler = Sampler(f, x)
    for point in points:
        sampler(point)
    return sampler
