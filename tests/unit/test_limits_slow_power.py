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

import math
from collections.abc import Callable

import pytest

from calcweb import NumericalError, limit


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
    # their rounding (4 |f| * 2.8e-14); 256 halvings on, f is behind the line of
    # steady steps. (x**1e-7, whose steps change by 4.8e-15 a halving, 2.2e-13
    # over the usual samples, was refused so too, and is now refused at them.)
    side = "left" if x0 == math.inf else "right"
    result = limit(f, x0, side=side, full_output=True)
    assert not result.converged, result
    assert result.nfev == 64  # the 16 samples closer in were taken anyway (a rough estimate)
    with pytest.raises(NumericalError, match="off the line that a log's steady steps draw"):
        limit(f, x0, side=side)


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
    result = limit(f, x0, side=side, full_output=True)  # type: ignore[call-overload]
    assert not result.converged, result
    assert result.nfev == nfev
    with pytest.raises(NumericalError, match="to tell a log from a small power"):
        limit(f, x0, side=side)  # type: ignore[call-overload]


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
    ],
    ids=["x**-1e-7", "(x-1)**-1e-7", "x**1e-7-at-inf", "1+1e-7log(x-1)", "1-1e-7log(1e15-x)"],
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

    result = limit(f, x0, side=side, full_output=True)  # type: ignore[call-overload]
    assert not result.converged, result
    assert result.nfev == 48
    with pytest.raises(NumericalError, match="to tell a log from a small power"):
        limit(f, x0, side=side)  # type: ignore[call-overload]


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
