"""Limits of ``f`` that keeps its leading digits and scatters beside them (`limits._scatters`).

``1e-10 + sin(x)/x`` at ``x0 = -1177344836721334.0`` from the right: the
floats there are 0.25 apart, so ``sin`` at the walk's points is at a new
phase at every sample, and ``f`` is 1e-10 plus a scatter of 8.5e-16 about it,
from the first sample to the last. `_scatters` measured the scatter against
``|f|`` (``LOSS`` of it): ``f`` keeps five digits, so it did not apply, and
`_estimate` took the last sample with the noise of a few samples as its error:
1.0000049738662757e-10 +- 3.3e-16, converged, for the limit
9.999916696173223e-11 (4 errors off). ``C + 1e-12 cos(x)`` at huge ``|x0|``
is the same: a scan of ``C + sinc``, ``C + cosc``, ``C + sin(x)/x**2`` and ``C +
1e-12 cos`` (C in 1e-200 .. 1e5, ``|x0| = 10**U(8, 60)``, mpmath oracle) found
7 and 13 lies in 1500 draws (seeds 2, 3), up to 26.6 errors off.

The scatter is judged by its own size, about its middle (halfway between the
largest sample and the smallest): about the value, a sample itself, each run's
scatter would look smaller in the run that holds it. The error is then the
scatter about the value, as for ``f`` that scatters by its own size.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable

import pytest

from calcweb import LimitResult, limit
from calcweb.limits import _scatters


def _full(f: Callable[[float], float], x0: float, side: str) -> LimitResult:
    result = limit(f, x0, side=side, full_output=True)  # type: ignore[arg-type]
    assert isinstance(result, LimitResult)
    return result


def _plus_sinc(c: float) -> Callable[[float], float]:
    return lambda x: c + math.sin(x) / x


def _plus_cos(c: float) -> Callable[[float], float]:
    return lambda x: c + 1e-12 * math.cos(x)


# c, the oscillation, x0, side, the limit (mpmath, 60 digits); the old answer above each.
LIES = [
    # 1.0000049738662757e-10 +- 3.3e-16
    (1e-10, _plus_sinc, -1177344836721334.0, "right", 9.999916696173223e-11),
    # 9.999999999843208e-11 +- 2.4e-21
    (1e-10, _plus_sinc, -2.7432489874814763e20, "right", 1.0000000000341844e-10),
    # -1.0000000000004947 +- 6.8e-14
    (-1.0, _plus_cos, -1.2739556980944285e17, "right", -0.999999999999),
    # -0.9999999999994755 +- 5.7e-14
    (-1.0, _plus_cos, 7.1669164142422955e25, "left", -1.0000000000009983),
    # 2.999993013812251e-07 +- 8.4e-14
    (3e-7, _plus_cos, 1.3431085528540424e39, "right", 3.0000062547595986e-07),
    # 1.0047334206942309e-10 +- 1.6e-13
    (1e-10, _plus_cos, 7.377731965179557e25, "both", 9.900000004729817e-11),
    # 9.927182560417749e-11 +- 5.2e-13
    (1e-10, _plus_cos, -1.6303286228031684e42, "left", 1.0083963686583944e-10),
]


@pytest.mark.parametrize(("c", "oscillation", "x0", "side", "exact"), LIES)
def test_an_oscillation_beside_digits_f_keeps_gets_its_scatter_as_error(
    c: float,
    oscillation: Callable[[float], Callable[[float], float]],
    x0: float,
    side: str,
    exact: float,
) -> None:
    result = _full(oscillation(c), x0, side)
    assert result.converged, result
    assert abs(result.value - exact) <= 2.0 * result.error, (result.value, result.error)
    if side != "both":
        assert "scatters" in result.message


def test_the_reproducer_is_answered_with_the_scatter_about_its_value() -> None:
    result = _full(_plus_sinc(1e-10), -1177344836721334.0, "right")
    # sin/x there is at most 1/|x0| = 8.5e-16: the value is a sample, 1e-10 to
    # that, and the scatter about it is at most twice that (1.55e-15 natively).
    size = 1.0 / 1177344836721334.0
    assert abs(result.value - 1e-10) <= size
    assert 0.5 * size <= result.error <= 2.0 * size
    assert "scatters" in result.message


def _flat(seed: int, c: float, n: int = 48) -> list[float]:
    rng = random.Random(seed)  # noqa: S311 - reproducible draws, not secrets
    return [c + 1e-15 * math.sin(rng.uniform(0.0, 100.0)) for _ in range(n)]


def test_scatters_about_the_middle_of_a_flat_scatter_beside_a_constant() -> None:
    for seed in range(20):
        values = _flat(seed, 1e-10)
        middle = 0.5 * (max(values) + min(values))
        assert not _scatters(values), seed  # f keeps its digits: not about 0
        assert _scatters(values, middle), seed


def test_scatters_about_a_sample_can_miss_what_the_middle_sees() -> None:
    # About the value (here the fifth sample, as for the lie at -1.63e42) the
    # run that holds it looks half as large as the others.
    x0 = -1.6303286228031684e42
    values = [1e-10 + 1e-12 * math.cos(x0 - 1.393796574908164e42 * 2.0**-k) for k in range(2, 50)]
    middle = 0.5 * (max(values) + min(values))
    assert _scatters(values, middle)
    assert not _scatters(values, values[4])


def test_a_smooth_approach_beside_a_constant_is_no_scatter() -> None:
    # A trend shrinks from run to run (here like h): no run is as large as the first.
    values = [1e-10 + 1e-15 * 2.0**-k for k in range(48)]
    middle = 0.5 * (max(values) + min(values))
    assert not _scatters(values, middle)


def test_rounding_beside_a_constant_is_no_scatter() -> None:
    # Rounding about 1 takes a few values on its grid, again and again.
    rng = random.Random(1)  # noqa: S311 - reproducible draws, not secrets
    values = [1.0 + rng.choice([-2, -1, 0, 1, 2]) * 2.0**-52 for _ in range(48)]
    middle = 0.5 * (max(values) + min(values))
    assert not _scatters(values, middle)
