"""Where f overflows far out on an infinite range: find the edge, and bound what lies beyond it.

``x/expm1(x)``, ``1/(1 + exp(-x))`` and ``x**k/(exp(x) + 1)``, written with
`math`, raise OverflowError from about ``|x| = 709.78`` on, where they are
tiny (4.0e-306 and 5.6e-309 for the first two) and falling like
``exp(-|x|)``: `calcweb.integrate` cuts its
range at the edge of that overflow, when the samples approaching the edge
fall ever faster (the chord slopes of ``log|f|`` ending at the edge grow
steeper as they shorten, as for every log-concave tail: ``exp``, a power
times ``exp``, the logistic density), and adds to its error the integral
of that fall's exponential extrapolation beyond the edge. A tail that grows
again only past the overflow, where no float shows it, is beyond any
sampling; one that grows or wobbles before it is refused.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from calcweb._checks import call, evaluate
from calcweb.exceptions import NumericalError

EDGE_PRECISION = 1e-6
"""Bisection stops when the edge is known to this fraction of its distance from the bulk."""
FALL_STEPS = 13
"""Samples towards the edge at distances ``span * 4**-k``, ``k = FALL_STEPS - 1 .. 0``, at most."""
FALL_SEEN = 1e3
"""The fall from the farthest sample used to the edge: enough to measure a rate."""
ROUNDING = 64 * 2.0**-52
"""The relative rounding allowed in a sample of f (its log differs by that)."""
CONVEXITY = 0.01
"""The relative slack of the steepening: ``exp(-x)*(1 + 1/x)`` steepens a little less than exp."""
SAFETY = 2.0
"""The bound beyond the edge is this times the extrapolated integral."""


class Watched:
    """``f``, counting its calls and keeping where it answered and where it last overflowed."""

    def __init__(self, f: Callable[..., Any]) -> None:
        self.f = f
        self.calls = 0
        self.answers: dict[float, float] = {}
        self.overflow_at: float | None = None

    def __call__(self, x: float) -> Any:
        self.calls += 1
        try:
            y = call(self.f, x)
        except OverflowError:
            self.overflow_at = x
            raise
        if isinstance(y, (int, float)) and math.isfinite(y):
            self.answers[x] = float(y)
        return y

    def forget_overflow(self) -> None:
        """Start a new run: no overflow seen yet."""
        self.overflow_at = None

    def last_overflow(self) -> float | None:
        """The x of the last call that overflowed since `forget_overflow`, if any."""
        return self.overflow_at

    def value(self, x: float) -> float | None:
        """f(x) as a finite float, or None where f overflows (other failures are raised)."""
        try:
            return evaluate(self, x)
        except NumericalError as error:
            if isinstance(error.__cause__, OverflowError):
                return None
            raise

    def bulk(self) -> float:
        """The x where |f| answered largest: the side of it an overflow is on is its tail."""
        return max(self.answers, key=lambda x: abs(self.answers[x]))

    def nearest_answer(self, bulk: float, overflow: float) -> float:
        """The x between ``bulk`` and ``overflow`` where f answered, nearest ``overflow``."""
        low, high = min(bulk, overflow), max(bulk, overflow)
        between = [x for x in self.answers if low <= x <= high]
        return min(between, key=lambda x: abs(x - overflow))


def overflow_edge(f: Watched, inside: float, outside: float) -> float:
    """The last x where f answers, found between ``inside`` (it does) and ``outside`` (overflows).

    It is found to `EDGE_PRECISION` of their distance: f falls by a factor of
    about 1 over that much of its tail.
    """
    precision = EDGE_PRECISION * abs(outside - inside)
    while abs(outside - inside) > precision:
        middle = inside + (outside - inside) / 2
        if middle in (inside, outside):
            break
        if f.value(middle) is None:
            outside = middle
        else:
            inside = middle
    return inside


def bound_beyond(f: Watched, edge: float, bulk: float) -> float | None:
    """A bound on ``|∫ f|`` beyond ``edge`` (away from ``bulk``), or None if f does not fall so.

    ``log|f|`` is sampled at ``edge - d`` (towards ``bulk``) for ``d`` growing
    fourfold from ``|edge - bulk| * 4**-(FALL_STEPS - 1)`` until ``|f|`` there is
    `FALL_SEEN` times ``|f(edge)|`` (None if it never is). Every sample must
    have the sign of ``f(edge)`` (no 0, no overflow), and the chord slopes of
    ``log|f|`` ending at the edge must be no less steep as ``d`` shrinks
    (within rounding and `CONVEXITY`), as for a log-concave f (a rise towards
    the edge is refused by the next sample, or never meets `FALL_SEEN`): then
    beyond the edge f falls at least as fast as over the gentlest chord,
    ``rate``, and its integral there is at most ``|f(edge)| / rate`` (`SAFETY`
    times that is returned).
    """
    at_edge = f.value(edge)
    if not at_edge:  # 0 (nothing to measure a fall from) or None
        return None
    inward = math.copysign(1.0, bulk - edge)
    span = abs(edge - bulk)
    rates: list[tuple[float, float]] = []  # (rate, its rounding), d growing
    for k in range(FALL_STEPS - 1, -1, -1):
        d = span * 4.0**-k
        y = f.value(edge + inward * d)
        if y is None or not y or (y > 0) != (at_edge > 0):  # an overflow, a 0, a change of sign
            return None
        rise = math.log(abs(y) / abs(at_edge))
        noise = 2 * ROUNDING + 2 * 5e-324 / min(abs(y), abs(at_edge))
        if abs(rise) <= noise:  # too near the edge to see f change
            continue
        rate, slack = rise / d, noise / d
        if rates and rate - slack > rates[-1][0] * (1 + CONVEXITY) + rates[-1][1]:
            return None  # steeper farther in: the fall slows down onto the edge
        rates.append((rate, slack))
        if abs(y) >= FALL_SEEN * abs(at_edge):
            return SAFETY * abs(at_edge) / min(rate for rate, _ in rates)
    return None
