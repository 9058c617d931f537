"""Axis scales (linear and log) and their "nice" ticks and tick labels.

Ticks step by 1, 2 or 5 times a power of ten; on a log axis by whole decades.
Each axis asks for as many ticks as its labels leave room for, so labels
never overlap.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

__all__ = ["Scale", "Ticks", "axis_limits", "format_tick", "linear_ticks", "log_ticks"]

_SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
_MINUS = "\N{MINUS SIGN}"


@dataclass(frozen=True)
class Scale:
    """Maps data values in ``[lo, hi]`` onto pixels ``[p0, p1]``, linearly or by log10."""

    lo: float
    hi: float
    p0: float
    p1: float
    log: bool = False

    def _t(self, value: float) -> float:
        if not self.log:
            return value
        return math.log10(value) if value > 0.0 else math.nan

    def __call__(self, value: float) -> float:
        """The pixel of ``value``; NaN where the scale has none (x <= 0 on a log axis)."""
        t0, t1 = self._t(self.lo), self._t(self.hi)
        return self.p0 + (self._t(value) - t0) / (t1 - t0) * (self.p1 - self.p0)


@dataclass(frozen=True)
class Ticks:
    """Tick positions, their labels and unlabelled minor ticks."""

    values: list[float]
    labels: list[str]
    minor: list[float]


def axis_limits(lo: float | None, hi: float | None, log: bool, pad: float) -> tuple[float, float]:
    """Limits for data spanning ``[lo, hi]``, padded by the fraction ``pad``.

    An empty range (``None``) or a constant one still gives a usable axis.

    Examples:
        >>> axis_limits(None, None, False, 0.05)
        (0.0, 1.0)
        >>> axis_limits(2.0, 2.0, False, 0.0)
        (1.0, 3.0)
        >>> axis_limits(5.0, 5.0, True, 0.0)
        (0.5, 50.0)
    """
    if lo is None or hi is None:
        return (1.0, 10.0) if log else (0.0, 1.0)
    if log:
        a, b = math.log10(lo), math.log10(hi)
        if a == b:
            return lo / 10.0, hi * 10.0
        margin = (b - a) * pad
        return 10.0 ** (a - margin), 10.0 ** (b + margin)
    if lo == hi:
        half = max(1.0, abs(lo) * 0.1)
        return lo - half, hi + half
    margin = (hi - lo) * pad
    return lo - margin, hi + margin


def _decimals(step: float) -> int:
    return max(0, -math.floor(math.log10(step) + 1e-9))


def format_tick(value: float, step: float) -> str:
    """The label of a tick at ``value`` on an axis whose ticks are ``step`` apart.

    Examples:
        >>> format_tick(0.30000000000000004, 0.1), format_tick(2e6, 1e6)
        ('0.3', '2e6')
        >>> format_tick(-2.0, 1.0) == "\N{MINUS SIGN}2"
        True
    """
    if abs(value) < step * 1e-9:
        value = 0.0  # k * step can land a rounding error away from zero
    big = max(abs(value), step)
    if big >= 1e6 or step < 1e-4:
        digits = max(0, math.floor(math.log10(big) + 1e-9) - math.floor(math.log10(step) + 1e-9))
        mantissa, exponent = f"{value:.{digits}e}".split("e")
        if "." in mantissa:
            mantissa = mantissa.rstrip("0").rstrip(".")
        text = "0" if value == 0.0 else f"{mantissa}e{int(exponent)}"
    else:
        text = f"{value:.{_decimals(step)}f}"
    return text.replace("-", _MINUS)


def _nice_steps(raw: float) -> list[float]:
    """Candidate 1-2-5 steps, from the first one >= ``raw`` upward."""
    magnitude = 10.0 ** math.floor(math.log10(raw))
    steps = [m * magnitude * 10.0**k for k in range(4) for m in (1.0, 2.0, 5.0)]
    return [s for s in steps if s >= raw * (1 - 1e-12)]


def linear_ticks(lo: float, hi: float, max_ticks: int) -> Ticks:
    """At most ``max_ticks`` (>= 2) ticks at multiples of a 1-2-5 step inside ``[lo, hi]``.

    Examples:
        >>> linear_ticks(0.0, 3.0, 4).labels
        ['0', '1', '2', '3']
        >>> linear_ticks(0.0, 1.0, 4).labels
        ['0.0', '0.5', '1.0']
    """
    # The smallest step that gives at most max_ticks ticks gives the most ticks.
    for step in _nice_steps((hi - lo) / max(1, max_ticks - 1) / 10.0):
        first, last = math.ceil(lo / step - 1e-9), math.floor(hi / step + 1e-9)
        if last - first + 1 <= max_ticks:
            values = [k * step for k in range(first, last + 1)]
            return Ticks(values, [format_tick(v, step) for v in values], [])
    return Ticks([lo, hi], [format_tick(lo, hi - lo), format_tick(hi, hi - lo)], [])


def log_ticks(lo: float, hi: float, max_ticks: int) -> Ticks:
    """Ticks for a log axis: whole decades labelled 10ᵏ, 2..9 as minor ticks.

    An axis spanning less than two decades gets 1-2-5 ticks instead.

    Examples:
        >>> log_ticks(1e-8, 1.0, 5).labels
        ['10⁻⁸', '10⁻⁶', '10⁻⁴', '10⁻²', '10⁰']
    """
    first, last = math.ceil(math.log10(lo) - 1e-9), math.floor(math.log10(hi) + 1e-9)
    if last - first < 1:
        ticks = linear_ticks(lo, hi, max_ticks)
        kept = [(v, t) for v, t in zip(ticks.values, ticks.labels, strict=True) if v > 0]
        return Ticks([v for v, _ in kept], [t for _, t in kept], [])
    every = next(
        s for s in (1, 2, 3, 4, 5, 10, 20, 50, 100) if (last - first) // s + 1 <= max_ticks
    )
    start = math.ceil(first / every) * every
    exponents = list(range(start, last + 1, every))
    values = [10.0**k for k in exponents]
    labels = ["10" + str(k).translate(_SUPERSCRIPT) for k in exponents]
    minor = []
    if every == 1 and last - first <= 8:
        minor = [
            m * 10.0**k
            for k in range(first - 1, last + 1)
            for m in range(2, 10)
            if lo <= m * 10.0**k <= hi
        ]
    return Ticks(values, labels, minor)
