"""`_off_the_steps`: f that keeps, or leaves, L + c/h**p between the last two steps.

Its definition (calcweb/limits.py): the law is fitted to the last three
samples, at the steps ``4 h``, ``2 h`` and ``h``; ``f`` is evaluated at the
``DENSER - 1`` steps ``h 2**(k/DENSER)`` between ``h`` and ``2 h``, nearest
first; it leaves the law when it is off it at one of them by
``OFF_STEP_SHARE`` of ``c/h**p`` there or more. Points where ``f`` fails, or
that are not finite, are skipped.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

import calcweb
from calcweb.limits import DENSER, OFF_STEP_SHARE, _Counted, _distance, _off_the_steps

H = 2.0**-40


def law(level: float, c: float, p: int) -> Callable[[float], float]:
    return lambda h: level + c / h**p


def samples(g: Callable[[float], float]) -> list[float]:
    """``g`` at the steps ``8 h``, ``4 h``, ``2 h`` and ``h``."""
    return [g(8 * H), g(4 * H), g(2 * H), g(H)]


def off_at(
    g: Callable[[float], float], share: float, where: int, x0: float = 0.0
) -> Callable[[float], float]:
    """``g`` of the step, off the law ``g - level`` by ``share`` of it at the probe ``where``."""
    probe = H * 2.0 ** (where / DENSER)

    def f(x: float) -> float:
        h = _distance(x, x0)
        part = g(h) - g(math.inf)
        return g(h) + (share * part if h == probe else 0.0)

    return f


@pytest.mark.parametrize(
    ("level", "c", "p"), [(2.0, 2.0**-53, 1), (-7.0, 3e-30, 2), (0.5, -1e-40, 3)]
)
def test_a_real_law_is_kept_between_the_steps_at_every_probe(
    level: float, c: float, p: int
) -> None:
    g = law(level, c, p)
    f = _Counted(lambda x: g(abs(x)))
    assert not _off_the_steps(f, lambda h: h, 0.0, H, samples(g))
    assert f.calls == DENSER - 1  # all of them, between h and 2 h


@pytest.mark.parametrize("where", [1, 4, DENSER - 1])
def test_a_law_left_by_more_than_the_share_at_one_probe_is_left(where: int) -> None:
    g = law(2.0, 2.0**-53, 1)
    f = _Counted(off_at(g, 1.1 * OFF_STEP_SHARE, where))
    assert _off_the_steps(f, lambda h: h, 0.0, H, samples(g))
    assert f.calls == where  # nearest first, and no further than the first off it


def test_a_law_left_by_less_than_the_share_is_kept() -> None:
    g = law(2.0, 2.0**-53, 1)
    f = _Counted(off_at(g, 0.9 * OFF_STEP_SHARE, 3))
    assert not _off_the_steps(f, lambda h: h, 0.0, H, samples(g))


def test_the_law_is_the_one_of_the_last_three_samples_not_the_first() -> None:
    g = law(2.0, 2.0**-53, 1)
    values = [1e9, *samples(g)[1:]]  # a first sample far off changes nothing
    assert not _off_the_steps(_Counted(lambda x: g(abs(x))), lambda h: h, 0.0, H, values)


def test_at_infinity_the_step_is_one_over_x() -> None:
    g = law(1.0, 1e-30, 2)  # f(x) = 1 + 1e-30 x**2 at +inf: x = 1/h
    f = _Counted(lambda x: g(1.0 / x))
    assert not _off_the_steps(f, lambda h: 1.0 / h, math.inf, H, samples(g))
    assert _distance(-4.0, -math.inf) == 0.25
    assert _distance(37.25, 37.0) == _distance(36.75, 37.0) == 0.25


@pytest.mark.parametrize(
    "values",
    [
        [2.0, 2.0, 2.0],  # no law
        [1.0, 2.0, 2.0],  # the last two equal: c = 0
        [2.0, 2.0, 3.0],  # the first two equal: no ratio
        [1.0, 2.0, 1.0],  # steps of two signs
        [1.0, 2.0, 3.0],  # steps equal: p = 0
        [1.0, 1.5, 2.25],  # ratio 1.5, p = round(log2 1.5) = 1: a law, and f is off it
    ],
)
def test_without_a_growing_law_nothing_is_left(values: list[float]) -> None:
    f = _Counted(lambda x: 1e300 * x)  # anything: off every law
    left = _off_the_steps(f, lambda h: h, 0.0, H, values)
    assert left == (values == [1.0, 1.5, 2.25])
    assert f.calls == (1 if left else 0)


def test_probes_where_f_fails_or_that_are_not_finite_are_skipped() -> None:
    g = law(2.0, 2.0**-53, 1)
    last = H * 2.0 ** ((DENSER - 1) / DENSER)
    off = off_at(g, 1.0, DENSER - 1)

    def f(x: float) -> float:
        if x != last:
            raise calcweb.DomainError("not here")
        return off(x)

    assert _off_the_steps(_Counted(f), lambda h: h, 0.0, H, samples(g))
    probes = [H * 2.0 ** (k / DENSER) for k in range(1, DENSER)]
    infinite = _Counted(off)
    assert not _off_the_steps(
        infinite, lambda h: math.inf if h in probes else h, 0.0, H, samples(g)
    )
    assert infinite.calls == 0
