"""A growth whose steps shrink at a ratio that does not rise is bounded: no infinite limit (LIMINF).

``limit`` called ``1 - x**-0.01`` at infinity ``inf`` with error 0 and
``converged=True`` (its limit is 1): over the samples (x up to 2**50) it rises
by steps that shrink by ``2**-0.01 = 0.9931`` a doubling of ``x``, slowly
enough to pass for growth. Steps that shrink at ratios ``r < 1`` that do not
rise sum to at most the last step times ``r / (1 - r)``: ``f`` is bounded,
and the limit is refused. The slowest unbounded growths keep their steps
(``log x``), let them grow (``x**0.01``, ``log(x)**2``) or shrink at ratios
that rise toward 1 (``log(log x)``, refused before and after as a growth too
slow to tell).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest
from limit_checks import full

from calcweb.limits import _bounded_growth

Function = Callable[[float], float]

BOUNDED: list[tuple[str, Function, float, float]] = [
    ("1 - x**-0.01 at inf", lambda x: 1 - x**-0.01, math.inf, 1.0),
    ("1 - x**-0.003 at inf", lambda x: 1 - x**-0.003, math.inf, 1.0),
    (
        "5 + 3 tanh(log(x)/100) at inf",
        lambda x: 5 + 3 * math.tanh(math.log(x) / 100),
        math.inf,
        8.0,
    ),
    ("-atan(log(x)/300) at inf", lambda x: -math.atan(math.log(x) / 300), math.inf, -math.pi / 2),
    ("2 - |x|**0.01 at 0", lambda x: 2 - abs(x) ** 0.01, 0.0, 2.0),
    # Out to x = 6.5e91 (peak 1.9e19 at 3.7e108): log |f| steps shrink at falling ratios.
    ("log(x)**10 / x**0.04 at inf", lambda x: math.log(x) ** 10 / x**0.04, math.inf, 0.0),
    ("-7 + |x - 3|**0.005 at 3", lambda x: -7 + abs(x - 3) ** 0.005, 3.0, -7.0),
]


@pytest.mark.parametrize(("f", "x0"), [pytest.param(*c[1:3], id=c[0]) for c in BOUNDED])
def test_a_bounded_slow_growth_is_refused_not_infinite(f: Function, x0: float) -> None:
    result = full(f, x0)
    assert not result.converged, result
    assert math.isinf(result.error), result
    assert "bounded" in result.message, result.message
    # The geometric tail of steps whose ratios fall overshoots: an estimate only.
    assert math.isfinite(result.value), result


UNBOUNDED: list[tuple[str, Function]] = [
    ("log(x)", math.log),
    ("1e-3 log(x)", lambda x: 1e-3 * math.log(x)),
    ("log(x) - 10", lambda x: math.log(x) - 10),
    ("-log(x)", lambda x: -math.log(x)),
    ("x**0.01", lambda x: x**0.01),
    ("x**0.001 - 1", lambda x: x**0.001 - 1),
    ("log(x)**2", lambda x: math.log(x) ** 2),
    ("log(x) - 10 x**-0.01", lambda x: math.log(x) - 10 * x**-0.01),
    # Its log |f| steps peak at x ~ 1e9 and shrink at falling ratios to 1e15.
    ("log(x) + 100/log(x)", lambda x: math.log(x) + 100 / math.log(x)),
    ("log(x)**10", lambda x: math.log(x) ** 10),
    ("log(1 + x)", math.log1p),
    ("x", lambda x: x),
    ("exp(x)", math.exp),
]


@pytest.mark.parametrize("f", [pytest.param(c[1], id=c[0]) for c in UNBOUNDED])
def test_a_slow_unbounded_growth_stays_infinite(f: Function) -> None:
    result = full(f, math.inf)
    assert result.converged, result
    assert math.isinf(result.value), result


@pytest.mark.parametrize("f", [lambda u: math.log(math.log(u)), lambda u: math.sqrt(math.log(u))])
def test_growths_too_slow_to_tell_stay_refused(f: Function) -> None:
    # log(log x) and sqrt(log x) steps shrink at ratios that rise toward 1, as
    # 2 - 1/log(x)**2's do too: the samples cannot tell, before and after.
    assert not full(f, math.inf).converged


def test_the_tail_bound_reads_steps_and_their_log() -> None:
    geometric = [1.0 - 0.5**k for k in range(1, 9)]
    assert _bounded_growth(geometric) == pytest.approx(1.0 - geometric[-1])
    assert _bounded_growth([float(k) for k in range(1, 9)]) is None  # steps kept
    assert _bounded_growth([1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0]) is None
    # log |f| shrinking geometrically: f = 10 * exp(-0.5**k) tends to 10.
    logs = [10.0 * math.exp(-(0.5**k)) for k in range(1, 9)]
    assert _bounded_growth(logs) == pytest.approx(10.0 - logs[-1], rel=0.2)


@pytest.mark.parametrize(
    ("f", "exact"),
    [
        pytest.param(lambda x: 1 + x**7 * math.exp(-x), 1.0, id="1 + x**7 exp(-x)"),
        pytest.param(lambda x: -2 + 5 * x**7 * math.exp(-x), -2.0, id="-2 + 5 x**7 exp(-x)"),
    ],
)
def test_a_hump_that_falls_onto_its_limit_within_rounding_is_answered(
    f: Function, exact: float
) -> None:
    # 1 + x**7 exp(-x) is 704, 31.2, 1.00044 at x = 8, 16, 32, then 1 + 3 ulps at
    # 64 and exactly 1.0 on: it was 1.0 +- 4.4e-4 (f(32) - 1), converged=False.
    result = full(f, math.inf)
    assert result.converged, result
    assert abs(result.value - exact) <= 2.0 * result.error, result
    assert result.error <= 1e-13 * abs(exact), result


@pytest.mark.parametrize(
    ("f", "x0"),
    [
        pytest.param(lambda x: math.log(x) ** 3 / x**0.005, math.inf, id="log(x)**3/x**0.005"),
        pytest.param(lambda x: math.log(x) ** 3 / x**0.0045, math.inf, id="log(x)**3/x**0.0045"),
        pytest.param(lambda x: x**0.005 * (-math.log(x)) ** 3, 0.0, id="x**0.005 (-log x)**3"),
    ],
)
def test_a_growth_that_turns_back_past_the_deep_walk_is_refused(f: Function, x0: float) -> None:
    # log(x)**3/x**0.005 peaks at x = e**600 = 3.8e260, beyond the deep walk's
    # 6.5e91, where its log |f| steps shrink at rising ratios as log(x)**3's do:
    # it was inf, converged. Sampled every 2**64 out to the floats' end, it falls.
    result = full(f, x0, "right" if x0 == 0.0 else "both")
    assert not result.converged, result
    assert "turns back" in result.message, result.message


def test_a_growth_bounded_past_the_floats_is_refused() -> None:
    # log(x)**10/x**0.0125 peaks at x = e**800, beyond the floats: it grows at
    # every float, but its log |f| steps every 2**64 out to 5.5e303 shrink at
    # falling ratios. (With the peak at e**1111, x**0.009, they still rise: inf.)
    result = full(lambda x: math.log(x) ** 10 / x**0.0125, math.inf)
    assert not result.converged, result
    assert "5.486124068793689e+303" in result.message, result.message


def test_the_checks_past_the_deep_walk_cost_at_most_12_evaluations() -> None:
    assert full(math.log, math.inf).nfev <= 64 + 12
