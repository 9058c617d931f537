"""Session 31 (LIMODD): limits at infinity answered confidently where f has none.

A rough estimate from the usual samples is refined by a walk closer in
(`_closer_in`: 16 halvings a step). ``g(n) + c [int(n) % 3 == 1]`` is
``g(n) + c`` at the even halvings ``2**k`` and ``g(n)`` at the odd ones: the
walk saw only odd ones and answered ``g``'s limit, 1e-92 +- 7e-83 for
``1/n + 0.0303 [...]`` (LIMOSC's lparity draws). The walk's answer is now
checked one halving short of its deepest step (`_walk_aliased`).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from calcweb import CalcwebError, LimitResult, limit


def _mod3(g: Callable[[float], float], c: float) -> Callable[[float], float]:
    return lambda n: g(n) + c * float(int(n) % 3 == 1) if n >= 1 else g(1.0) + c


ALIASED = {
    # lparity seed 3 draw 53, seed 1 draw 48 (c = 0.00893): 1.5340917079055395e-92 +- 6.6e-83
    "1/n + 0.0303 [n % 3 == 1]": (_mod3(lambda n: 1 / n, 0.0303), 0.0303),
    # seed 3 draw 24: 3.2432215932681035e-90 +- 1.2e-80
    "log(n)/n - 0.0033 [n % 3 == 1]": (_mod3(lambda n: math.log(n) / n, -0.0033), -0.0033),
    # seed 4 draw 0: 1.2385845582379668e-46 +- 8.1e-42
    "1/sqrt(n) - 0.00588 [n % 3 == 1]": (_mod3(lambda n: 1 / math.sqrt(n), -0.00588), -0.00588),
    # seed 1 draw 39: a smaller c, same answer
    "1/sqrt(n) - 1.07e-6 [n % 3 == 1]": (_mod3(lambda n: 1 / math.sqrt(n), -1.07e-6), -1.07e-6),
}


@pytest.mark.parametrize("case", list(ALIASED))
def test_a_walk_that_sees_one_phase_of_a_period_does_not_settle_the_limit(case: str) -> None:
    f, c = ALIASED[case]
    try:
        result = limit(f, math.inf, full_output=True)
    except CalcwebError:
        return
    assert isinstance(result, LimitResult)
    # f has two limit points, 0 and c: a converged answer must cover both.
    farthest = max(abs(result.value), abs(result.value - c))
    assert not result.converged or farthest <= 2 * result.error, result


SLOW = {
    # the walk refines these; one halving short of its deepest step f is nearer still
    "1/sqrt(n) at inf": (lambda n: 1 / math.sqrt(n) if n >= 1 else 1.0, math.inf, "both"),
    "n**-0.2 at inf": (lambda n: n**-0.2 if n >= 1 else 1.0, math.inf, "both"),
    "sqrt(x) log(x) at 0+": (lambda x: math.sqrt(x) * math.log(x), 0.0, "right"),
}


@pytest.mark.parametrize("case", list(SLOW))
def test_a_slow_convergence_the_walk_refines_is_still_answered(case: str) -> None:
    f, x0, side = SLOW[case]
    result = limit(f, x0, side=side, full_output=True)  # type: ignore[arg-type]
    assert isinstance(result, LimitResult)
    assert result.converged, result
    assert abs(result.value) <= 2 * result.error, result
    assert result.error < 1e-12, result


def _e_plus(c: float, p: Callable[[float], float]) -> Callable[[float], float]:
    return lambda n: (1 + 1 / n) ** n + c * p(n) if n >= 1 else 2.0 + c * p(1.0)


def _sign(n: float) -> float:
    return float((-1) ** int(n))


def _parity(n: float) -> float:
    return float(int(n) % 2)


# LIMOSC's lparity draws: (1 + 1/n)**n is exact at the steps 2**k and off them by its
# rounding, 1e-4 at 2**40; c p(n) shows at 2**24 alone (the trend's slack hides it at
# 2**8), and the growth from 2c there to 1e-4 read as rounding's. 2**32 lies between.
E_PLUS = {
    "seed 1 draw 46: (1+1/n)^n + 1.01e-7 (-1)^int(n)": (1.01e-7, _sign, (-1.0, 1.0)),
    "seed 2 draw 39: (1+1/n)^n + 4.4e-8 (-1)^int(n)": (4.4e-8, _sign, (-1.0, 1.0)),
    "seed 4 draw 59: (1+1/n)^n - 8.23e-8 (-1)^int(n)": (-8.23e-8, _sign, (-1.0, 1.0)),
    "seed 5 draw 6: (1+1/n)^n - 1.29e-7 (int(n) % 2)": (-1.29e-7, _parity, (0.0, 1.0)),
}


@pytest.mark.parametrize("case", list(E_PLUS))
def test_an_oscillation_seen_at_one_depth_does_not_pass_for_rounding(case: str) -> None:
    c, p, limit_points = E_PLUS[case]
    result = limit(_e_plus(c, p), math.inf, full_output=True)
    assert isinstance(result, LimitResult)
    farthest = max(abs(result.value - (math.e + c * q)) for q in limit_points)
    assert not result.converged or farthest <= 2 * result.error, result


def test_rounding_that_grows_at_every_depth_keeps_the_limit() -> None:
    # (1 + 1/n)**n alone: off its trend by rounding, 4e-9 at 2**24, 2e-7 at 2**32
    # and 1e-4 at 2**40, growing at each: e, as before, one call more (2**32's), and
    # two at 2**16, halfway out from 2**24 (session 32).
    result = limit(_e_plus(0.0, _sign), math.inf, full_output=True)
    assert isinstance(result, LimitResult)
    assert result.converged, result
    assert abs(result.value - math.e) <= 2 * result.error, result
    assert result.nfev == 61 + 2, result


# The walk closer in (16 halvings a step) stops where f fails, here where |x|**p overflows
# inside f, before its deepest step: nothing was sampled past its last point, where f
# reaches L (satfarscan seeds 3 and 4, inf +- 0; and min(x**5, 1e300): x**5 to 1.3e58).
CUT_SHORT = {
    "min(|x|**3.79, 7.4e294) at -inf": (
        lambda x: min(abs(x) ** 3.7858780834386025, 7.444445802741211e294),
        -math.inf,
    ),
    "min(|x|**3.59, 1.5e291) at -inf": (
        lambda x: min(abs(x) ** 3.5865224943558793, 1.4915637428480526e291),
        -math.inf,
    ),
    "min(x**5, 1e300) at inf": (lambda x: min(x**5, 1e300), math.inf),
}


@pytest.mark.parametrize("case", list(CUT_SHORT))
def test_a_growth_that_saturates_past_a_walk_cut_short_is_refused(case: str) -> None:
    f, x0 = CUT_SHORT[case]
    result = limit(f, x0, full_output=True)
    assert isinstance(result, LimitResult)
    assert not result.converged, result
    assert "short of" in result.message, result.message


# Growths whose walk f cuts short too, that keep their law to f's last float: still
# infinite, one evaluation more (at the halving before f fails, by the walk's last
# growth); x**4/log(x) five, as x**4 overflows inside f first (bisected).
KEPT = {
    "x**5": (lambda x: x**5, 64 + 1),
    "|x|**3.79": (lambda x: abs(x) ** 3.7858780834386025, None),
    "x**5 log(x)": (lambda x: x**5 * math.log(x), 58 + 1 + 1),  # +1 past the far end (s32)
    "x**4/log(x)": (lambda x: x**4 / math.log(x), 61 + 5),
    "x**10": (lambda x: x**10, 58 + 1),
}


@pytest.mark.parametrize("case", list(KEPT))
def test_a_growth_that_keeps_its_law_to_where_f_fails_stays_infinite(case: str) -> None:
    f, calls = KEPT[case]
    result = limit(f, math.inf, full_output=True)
    assert isinstance(result, LimitResult)
    assert result.converged, result
    assert result.value == math.inf, result
    if calls is not None:
        assert result.nfev == calls, result
