"""A tiny power ``x**p`` at 0+ (``x**-p`` at infinity) is not read as a logarithm.

``x**p = exp(p ln x)`` is ``1 + p ln x + (p ln x)**2 / 2 + ...``: with ``1e-5 <=
p <= 3e-4``, at the points sampled (0.25 down to 1.5e-92, ``ln x`` to -211) it looks
like ``1 + p ln x``, which `_log_growth` read as ``f`` growing like ``d
log2(1/h)`` with ``d = -p ln 2``: ``limit(lambda x: x**0.0001, 0, side="right")``
was ``-inf`` (converged, "f grows without bound like -6.907447e-05 log2(1/h)"),
though ``f`` is positive, at most 1, and tends to 0; so was ``x**-0.0001`` at
``inf``, and ``(x - 1)**1e-4`` at 1+. The steps ``f(h/2) - f(h) = (2**-p - 1)
x**p`` are not constant as a log's are: they shrink by ``2**-p`` per halving,
2% over the samples (``p = 1e-4``), and their own changes settle on 4.8e-9,
far above their rounding, where a log's settle on 0. Such ``f`` is refused
now, with a message that says so. Larger powers and some smaller ones were
refused already (``p = 3e-3``, ``1e-3`` and ``1e-6``: converged=False, below);
``p = 1e-7``, whose steps change by 4.8e-15 a halving, below their rounding,
was still read as a log: at 0 and infinity the samples closer in (to ``h``
about 1e-92, 256 halvings on) show it 1.6e-10 behind the line a log's steady
steps draw (`limits._off_the_log`), and it is refused too. Found by the
held-out audit of session 11. At ``x0 != 0``, with no samples closer in,
``(x - 1)**1e-7`` at 1+ was still ``-inf``: its steps shrink by 2.2e-13 over
the usual samples, a sum that rounding, which does not add up from halving to
halving, cannot make; it is refused there now, and so is ``x**1e-7`` at 0+
(at 64 evaluations still: the rough estimate takes the samples closer in).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable

import pytest

from calcweb import NumericalError, limit
from calcweb.limits import DEEP_STEPS, _off_the_log, _steady_drift


@pytest.mark.parametrize("p", [3e-4, 1e-4, 1e-5])
@pytest.mark.parametrize("at_infinity", [False, True], ids=["0+", "inf"])
def test_a_tiny_power_is_not_a_logarithm(p: float, at_infinity: bool) -> None:
    if at_infinity:
        result = limit(lambda x: x**-p, math.inf, full_output=True)
    else:
        result = limit(lambda x: x**p, 0.0, side="right", full_output=True)
    # f is in (0, 1]: -inf is a lie; 0 (or a refusal) is what the samples allow.
    assert not result.converged or abs(result.value) <= 2.0 * result.error, result
    assert "to tell a log from a small power" in result.message, result


@pytest.mark.parametrize("x0", [1.0, -3.0, 1e15])
def test_a_tiny_power_of_x_minus_x0_is_not_a_logarithm(x0: float) -> None:
    # At x0 != 0 the samples stop near 2**-50 |x0|: the steps' changes show it there too.
    result = limit(lambda x: (x - x0) ** 1e-4 + 2.0, x0, side="right", full_output=True)
    assert not result.converged, result
    with pytest.raises(NumericalError, match="to tell a log from a small power"):
        limit(lambda x: (x0 - x) ** 1e-4, x0, side="left")


@pytest.mark.parametrize(
    ("f", "x0", "exact"),
    [
        (math.log, 0.0, -math.inf),
        (lambda x: -math.log(x) / 3.0, 0.0, math.inf),
        (lambda x: 100.0 + math.log(x), 0.0, -math.inf),
        (lambda x: (x**x - 1.0) / x, 0.0, -math.inf),  # steps -ln 2 + O(x log(x)**2)
        (lambda x: (1.0 - x**x) / x, 0.0, math.inf),
        (lambda x: math.log(abs(x - 1e15)), 1e15, -math.inf),  # steps exactly -ln 2
        (math.log, math.inf, math.inf),
    ],
    ids=["log", "-log/3", "100+log", "(x**x-1)/x", "(1-x**x)/x", "log|x-1e15|", "log-at-inf"],
)
def test_a_real_logarithm_is_still_infinite(
    f: Callable[[float], float], x0: float, exact: float
) -> None:
    # A log's steps are constant but for terms that vanish: their changes settle on 0.
    result = limit(f, x0, side="right" if x0 < math.inf else "both", full_output=True)
    assert result.converged, result
    assert result.value == exact, result


@pytest.mark.parametrize("p", [3e-3, 1e-3, 1e-6])
def test_a_power_whose_curvature_or_size_shows_is_refused(p: float) -> None:
    # The controls: these are refused (converged=False), not answered.
    result = limit(lambda x: x**p, 0.0, side="right", full_output=True)
    assert not result.converged


def _refused_as_no_log(f: Callable[[float], float], x0: float, side: str, nfev: int) -> None:
    """limit refuses f at x0 after ``nfev`` calls: no log can be told from a small power."""
    result = limit(f, x0, side=side, full_output=True)  # type: ignore[call-overload]
    assert not result.converged, result
    assert result.nfev == nfev
    with pytest.raises(NumericalError, match="to tell a log from a small power"):
        limit(f, x0, side=side)  # type: ignore[call-overload]


@pytest.mark.parametrize(
    ("f", "x0"),
    [
        (lambda x: 4.0 * x**3e-8 - 3.0, 0.0),
        (lambda x: 4.0 * x**-3e-8 - 3.0, math.inf),
    ],
    ids=["4x**3e-8-3", "4x**-3e-8-3-at-inf"],
)
def test_a_power_too_tiny_for_the_steps_changes(f: Callable[[float], float], x0: float) -> None:
    # Its steps change by 1.7e-15 a halving, 8e-14 over the usual samples, within
    # the rounding of their extrapolated change (4 |f| * 2.8e-14); 256 halvings on,
    # f is behind the line of steady steps. It was refused there; the steps change
    # by 4.0e-14 over each of the last two blocks of 23 halvings, steadily, which
    # rounding (3.6e-15 for such a change) does not make (`_steady_drift`), and it
    # is refused at the usual samples now. (x**1e-7, whose steps change by 4.8e-15
    # a halving, 2.2e-13 over the usual samples, was refused so too.)
    side = "left" if x0 == math.inf else "right"
    # 64 calls: the 16 samples closer in were taken anyway (a rough estimate)
    _refused_as_no_log(f, x0, side, 64)


def _usual(f: Callable[[float], float]) -> list[float]:
    """``f`` at the usual samples at 0+: ``h = 2**-2 .. 2**-49`` (first step 0)."""
    return [f(2.0 ** -(i + 2)) for i in range(48)]


def test_a_tiny_power_falls_behind_a_logs_line_closer_in() -> None:
    # _off_the_log itself, on 4 x**3e-8 - 3 at 0+ (refused before it is asked now):
    # 256 halvings past the usual samples it is 5.7e-11 behind the line, where the
    # line's error is 3.6e-12. A log stays on it.
    power = lambda x: 4.0 * x**3e-8 - 3.0  # noqa: E731
    log = lambda x: 1.0 + 1e-7 * math.log(x)  # noqa: E731
    for f, off in [(power, True), (log, False)]:
        deep = [f(2.0**-49 * 2.0 ** (-16 * k)) for k in range(1, DEEP_STEPS + 1)]
        behind = _off_the_log(_usual(f), 0, deep)
        assert (behind is not None) == off, (off, behind)
    # Beyond the line, toward the infinity, f grows faster than a log: not off it.
    faster = [log(2.0**-49 * 2.0 ** (-16 * k)) - 1e-3 * k for k in range(1, DEEP_STEPS + 1)]
    assert _off_the_log(_usual(log), 0, faster) is None


@pytest.mark.parametrize(
    ("f", "steady"),
    [
        (lambda x: 4.0 * x**3e-8 - 3.0, True),  # 4.0e-14 over each block of 23 halvings
        (lambda x: 4.0 * x**2.5e-8 - 3.0, True),  # 2.8e-14
        (lambda x: 1.0 + 1e-7 * math.log(x), False),  # rounding's only
        (lambda x: 1.0 + 1e-7 * math.log(x) + x, False),  # a term that vanishes: not steady
        (lambda x: 1.0 + 1e-7 * math.log(x) - x, False),  # the steps grow
        (lambda x: 4.0 * x**1e-8 - 3.0, False),  # 4.4e-15 over a block: within JUMP roundings
    ],
    ids=["4x**3e-8-3", "4x**2.5e-8-3", "1+1e-7log", "1+1e-7log+x", "1+1e-7log-x", "4x**1e-8-3"],
)
def test_a_steady_drift_is_a_change_that_holds_over_two_blocks(
    f: Callable[[float], float], steady: bool
) -> None:
    values = _usual(f)
    steps = [b - a for a, b in itertools.pairwise(values)]
    change = _steady_drift(steps, values, steps[-1])
    assert (change != 0.0) == steady, change
    if steady:  # the steps shrink: the change is against them
        assert change * steps[-1] < 0.0
    # Mirrored, the same; but a change along d makes the steps grow: no such drift.
    assert _steady_drift([-y for y in steps], values, -steps[-1]) == -change
    assert _steady_drift(steps, values, -steps[-1]) == 0.0
    # Fewer samples (an even number of steps, as near tiny |x0|): the two blocks still fit.
    assert (_steady_drift(steps[1:], values[1:], steps[-1]) != 0.0) == steady
    assert _steady_drift(steps[:2], values[:3], steps[-1]) == 0.0


@pytest.mark.parametrize(
    ("x0", "side"),
    [(1.0, "right"), (1.0, "left"), (1e15, "right"), (-3.0, "left"), (0.75, "left")],
)
@pytest.mark.parametrize("p", [2.5e-8, 3e-8, 4e-8])
def test_a_tiny_power_with_a_steady_drift_at_x0_is_refused(p: float, x0: float, side: str) -> None:
    # 4 (x - 1)**3e-8 - 3 at 1+ was -inf, converged (49 calls; "f grows without
    # bound like -8.317758e-08 log2(1/h)"): its steps shrink by 1.8e-15 +- 4.4e-16
    # a halving, within the rounding of that extrapolation even summed over the
    # usual samples (`_log_growth`'s floor). Its limit is -3. The steps change by
    # 4.0e-14 over each of the last two blocks of 23 halvings (`_steady_drift`).
    sign = 1.0 if side == "right" else -1.0
    f = lambda x: 4.0 * (sign * (x - x0)) ** p - 3.0  # noqa: E731
    _refused_as_no_log(f, x0, side, 48)


@pytest.mark.parametrize(
    ("f", "x0", "side", "nfev"),
    [
        (lambda x: x**1e-7, 0.0, "right", 64),  # was refused off the log's line closer in
        (lambda x: x**-1e-7, math.inf, "left", 64),
        (lambda x: (x - 1.0) ** 1e-7, 1.0, "right", 48),  # was -inf, converged
        (lambda x: (1.0 - x) ** 1e-7, 1.0, "left", 48),  # was -inf, converged
        (lambda x: (x - 1e15) ** 1e-7, 1e15, "right", 48),  # was -inf, converged
        (lambda x: (-3.0 - x) ** 1e-7, -3.0, "left", 48),  # was -inf, converged
    ],
    ids=["x**1e-7", "x**-1e-7-at-inf", "(x-1)**1e-7", "(1-x)**1e-7", "(x-1e15)**1e-7", "-3"],
)
def test_steps_that_shrink_over_the_usual_samples_are_no_log(
    f: Callable[[float], float], x0: float, side: str, nfev: int
) -> None:
    # The steps change by 4.8e-15 a halving, below twice their rounding (2.8e-14),
    # which they would have to pass at every halving, but they shrink by 2.2e-13
    # over the 47 halvings of the usual samples: a steady drift adds up, rounding
    # does not. At x0 != 0 no samples are taken closer in to show it.
    _refused_as_no_log(f, x0, side, nfev)


@pytest.mark.parametrize(
    ("f", "x0", "side", "exact"),
    [
        # Steps that grow as slowly make f's growth only faster: infinite all the same.
        (lambda x: x**-1e-7, 0.0, "right", math.inf),
        (lambda x: (x - 1.0) ** -1e-7, 1.0, "right", math.inf),
        (lambda x: x**1e-7, math.inf, "left", math.inf),
        # A log's steps as small, and exactly steady (x - 1 is exact): on the line.
        (lambda x: 1.0 + 1e-7 * math.log(x - 1.0), 1.0, "right", -math.inf),
        (lambda x: 1.0 - 1e-7 * math.log(1e15 - x), 1e15, "left", math.inf),
        # A log with a term that vanishes: its steps' change is not steady.
        (lambda x: 1.0 + 1e-7 * x * math.log(x - 1.0), 1.0, "right", -math.inf),
    ],
    ids=[
        "x**-1e-7",
        "(x-1)**-1e-7",
        "x**1e-7-at-inf",
        "1+1e-7log(x-1)",
        "1-1e-7log(1e15-x)",
        "1+1e-7xlog(x-1)",
    ],
)
def test_steps_that_grow_or_hold_stay_infinite(
    f: Callable[[float], float], x0: float, side: str, exact: float
) -> None:
    result = limit(f, x0, side=side, full_output=True)  # type: ignore[call-overload]
    assert (result.value, result.converged) == (exact, True), result


@pytest.mark.parametrize(
    ("f", "exact"),
    [
        (lambda x: 1.0 + 1e-7 * math.log(x), -math.inf),  # steps as small as x**1e-7's
        (lambda x: 1e6 + math.log(x), -math.inf),  # rounding of 1e6 in the line's room
        (lambda x: (x**x - 1.0) / x, -math.inf),  # the term left shrinks: on the line
        (lambda x: math.log(x) + math.sqrt(x), -math.inf),
        # Beyond the line, toward the infinity: faster than a log, still infinite.
        (lambda x: x**-1e-7, math.inf),
        (lambda x: math.log(x) - 1e-40 / x, -math.inf),
    ],
    ids=["1+1e-7log", "1e6+log", "(x**x-1)/x", "log+sqrt", "x**-1e-7", "log-1e-40/x"],
)
def test_a_log_stays_on_its_line_closer_in(f: Callable[[float], float], exact: float) -> None:
    result = limit(f, 0.0, side="right", full_output=True)
    assert (result.value, result.converged) == (exact, True), result


@pytest.mark.parametrize("p", [5e-8, 2e-8])
@pytest.mark.parametrize(
    ("x0", "side"), [(1.0, "right"), (1e15, "right"), (-3.0, "left"), (0.75, "left")]
)
def test_a_tiny_power_that_seems_to_settle_at_x0_not_0_is_refused(
    p: float, x0: float, side: str
) -> None:
    # (x - 1)**5e-8 at 1+ was 0.9999982483195862 +- 6.2e-7, converged (48 calls):
    # its steps, -3.5e-8 a halving, settle on a rate clearly not 0, as a log's
    # do, and with no samples closer in the limit (0) cannot be told.
    def f(x: float) -> float:
        return abs(x - x0) ** p

    _refused_as_no_log(f, x0, side, 48)


@pytest.mark.parametrize(
    ("f", "exact"),
    [
        (lambda x: math.sqrt(x - 1.0), 0.0),
        (lambda x: math.log(x) / (x - 1.0), 1.0),
        (lambda x: (math.exp(x) - math.e) / (x - 1.0), math.e),
    ],
    ids=["sqrt", "log-quotient", "exp-quotient"],
)
def test_settled_values_whose_steps_vanish_are_still_answered(
    f: Callable[[float], float], exact: float
) -> None:
    result = limit(f, 1.0, side="right", full_output=True)
    assert result.converged, result
    assert abs(result.value - exact) <= 2.0 * result.error, result
