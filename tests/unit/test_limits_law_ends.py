"""`_law_closer_in`: f that grows on closer to x0 like the law of its last samples, or stops.

Its definition (calcweb/limits.py): the law ``L + c/h**p`` is fitted to the
last three samples, at the steps ``4 h``, ``2 h`` and ``h``; ``f`` is
evaluated at ``DEEP_STEPS`` steps each ``DEEP_RATIO`` times the one before,
nearest ``h`` first. The law ends ("ends") when ``f`` stays within the size
of the samples at every one of them (until ``f`` fails), and ``c/h**p`` is
more than ``WELL_PAST`` times that size at one of them at least. A larger
``f`` goes on with the walk only while it is on the law (L + c/h**p, to the
law's uncertainty), and the law holds ("holds") when it is at every step,
showing ``L`` beside ``c/h**p`` at one at least (tests/unit/test_limits_law_holds.py).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

import calcweb
from calcweb.limits import DEEP_RATIO, DEEP_STEPS, WELL_PAST, _Counted, _law_closer_in

H = 2.0**-49


def samples(g: Callable[[float], float]) -> list[float]:
    """``g`` at the steps ``8 h``, ``4 h``, ``2 h`` and ``h``."""
    return [g(8 * H), g(4 * H), g(2 * H), g(H)]


def deep(depth: int) -> float:
    return H * DEEP_RATIO**depth


@pytest.mark.parametrize(
    ("level", "c", "p", "calls"),
    [
        (2.0, 2.0**-53, 1, DEEP_STEPS),
        (-7.0, 3e-30, 2, DEEP_STEPS),
        # L shows only short of the first step in (at 2**-59, 10 halvings in): one sample more.
        (0.5, -1e-40, 3, DEEP_STEPS + 1),
        (1.0, 1e-25, 1, DEEP_STEPS),
    ],
)
def test_a_real_law_grows_on_past_every_sample(level: float, c: float, p: int, calls: int) -> None:
    f = _Counted(lambda x: level + c / x**p)
    assert _law_closer_in(f, lambda h: h, H, samples(f.f)) == "holds"
    assert f.calls == calls  # walked to the last step


def test_a_real_law_at_infinity_grows_on_too() -> None:
    def g(h: float) -> float:  # f(x) = 1 + 1e-30 x**2 at +inf
        return 1.0 + 1e-30 / h**2

    f = _Counted(lambda x: g(1.0 / x))
    assert _law_closer_in(f, lambda h: 1.0 / h, H, samples(g)) == "holds"


def test_a_real_law_under_a_larger_rounding_bias_grows_on() -> None:
    # (tan(pi/4 + x) - tan(pi/4))/x + 3e-17/x: 0 + 3e-17/x once pi/4 + x rounds to pi/4.
    t = math.tan(math.pi / 4)
    f = _Counted(lambda x: (math.tan(math.pi / 4 + x) - t) / x + 3e-17 / x)
    # It does not end; nor does it hold: its samples carry the quotient's noise.
    assert _law_closer_in(f, lambda h: h, H, samples(f.f)) is None


def test_a_law_that_rounding_makes_stops_and_is_walked_to_the_end() -> None:
    t = math.tan(math.pi / 4)
    f = _Counted(lambda x: (math.tan(math.pi / 4 + x) - t) / x)  # 2 + 2**-53/x, then 0
    assert samples(f.f)[-1] == 2.0625
    assert _law_closer_in(f, lambda h: h, H, samples(f.f)) == "ends"
    assert f.calls == DEEP_STEPS


def stuck_then_failing(level: float, c: float, depth: int) -> Callable[[float], float]:
    """``level + c/x`` at the usual steps, ``level`` closer in, failing from ``depth`` on."""

    def f(x: float) -> float:
        if x <= deep(depth):
            raise calcweb.DomainError("not here")
        return level + c / x if x >= H else level

    return f


def test_f_that_fails_at_once_closer_in_shows_nothing() -> None:
    f = _Counted(stuck_then_failing(2.0, 2.0**-53, 1))
    assert _law_closer_in(f, lambda h: h, H, samples(f.f)) is None
    assert f.calls == 1


@pytest.mark.parametrize(("multiple", "ends"), [(3.0, False), (5.0, True)])
def test_the_law_must_have_outgrown_f_well_past_its_size_before_f_fails(
    multiple: float, ends: bool
) -> None:
    # c/h at the first step in is `multiple` times the samples' size, then f fails.
    level = 1.0
    size = level + 1e-12
    c = multiple * size * deep(1)
    f = _Counted(stuck_then_failing(level, c, 2))
    values = samples(f.f)
    assert max(abs(y) for y in values) < 1.0001 * size
    assert (multiple > WELL_PAST) == ends
    assert (_law_closer_in(f, lambda h: h, H, values) == "ends") == ends
    assert f.calls == 2


def test_f_that_grows_past_its_samples_farther_in_ends_the_walk() -> None:
    def g(x: float) -> float:
        base = 2.0 + 2.0**-53 / x if x >= H else 0.0
        return base + (1e9 if x <= deep(5) else 0.0)

    f = _Counted(g)
    assert _law_closer_in(f, lambda h: h, H, samples(g)) is None
    assert f.calls == 5


def test_a_law_far_past_every_float_still_ends_where_f_stops() -> None:
    # p = 8: c/h**8 is 2**(16 * 8) times larger each step in, past 1e308 at the ninth.
    # Closer in f is 0, as a numerator cancelled to nothing leaves it (on 1.0,
    # another constant, the law would tell nothing: test_limits_cap_collapse.py).
    g = _Counted(lambda x: 1.0 + 1e-3 * (H / x) ** 8 if x >= H else 0.0)
    assert _law_closer_in(g, lambda h: h, H, samples(g.f)) == "ends"
    assert g.calls == DEEP_STEPS


@pytest.mark.parametrize(
    "values",
    [
        [2.0, 2.0, 2.0],  # no law
        [1.0, 2.0, 2.0],  # the last two equal: c = 0
        [2.0, 2.0, 3.0],  # the first two equal: no ratio
        [1.0, 2.0, 1.0],  # steps of two signs
        [1.0, 2.0, 3.0],  # steps equal: p = 0
    ],
)
def test_without_a_growing_law_nothing_ends(values: list[float]) -> None:
    f = _Counted(lambda x: 0.0)  # stuck: it would end any law
    assert _law_closer_in(f, lambda h: h, H, values) is None
    assert f.calls == 0
