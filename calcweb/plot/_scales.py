"""Axis scales (linear and log) and their "nice" ticks and tick labels.

Ticks step by 1, 2 or 5 times a power of ten; on a log axis by whole decades.
Each axis asks for as many ticks as its labels leave room for, so labels
never overlap.

An axis covers at most ``±LARGEST`` (linear) or ``10**LOG_MIN .. 10**LOG_MAX``
(log), and at least a width that floats can resolve, so that its ticks and
pixels never overflow; data beyond are clipped by the frame.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from calcweb.exceptions import InvalidArgumentError

__all__ = [
    "LARGEST",
    "LOG_MAX",
    "LOG_MIN",
    "Scale",
    "Ticks",
    "axis_limits",
    "check_limits",
    "format_tick",
    "linear_ticks",
    "log_ticks",
]

LARGEST = 1e300
"""The largest absolute value a linear axis reaches."""
LOG_MIN = math.log10(5e-324)
"""log10 of the smallest positive float: where a log axis ends below."""
LOG_MAX = 308.0
"""log10 of the largest value a log axis reaches."""
_TINY = 1e-300  # the narrowest linear axis
_RELATIVE = 1e-12  # ... and relative to its values: narrower than that is rounding


def _too_narrow(lo: float, hi: float) -> bool:
    return not hi - lo >= max(_TINY, _RELATIVE * max(abs(lo), abs(hi)))


def check_limits(lo: float, hi: float, log: bool, name: str) -> tuple[float, float]:
    """Refuse axis limits (finite, lo < hi) that cannot be drawn, saying how to fix them.

    Examples:
        >>> check_limits(0.0, 1e-320, False, "xlim")
        Traceback (most recent call last):
        ...
        calcweb.exceptions.InvalidArgumentError: xlim=(0.0, 1e-320) is too narrow to draw...
    """
    if log:
        if lo <= 0.0:
            raise InvalidArgumentError(
                f"{name} must be positive on a log axis, but got {(lo, hi)!r}"
            )
        narrow = math.log10(hi) - math.log10(lo) < _RELATIVE
    else:
        if max(abs(lo), abs(hi)) > LARGEST:
            raise InvalidArgumentError(
                f"{name}={(lo, hi)!r} reaches beyond ±{LARGEST:g}, where a figure's ticks "
                f"would overflow; pass limits within ±{LARGEST:g} (or use a log axis)"
            )
        narrow = _too_narrow(lo, hi)
    if narrow:
        raise InvalidArgumentError(
            f"{name}={(lo, hi)!r} is too narrow to draw: its ends are within about "
            f"{_RELATIVE:g} of their size ({_TINY:g} near 0), and an axis is at least that "
            "wide; widen it"
        )
    return lo, hi


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

    An empty range (``None``), a constant one or one too narrow to resolve
    still gives a usable axis; data beyond what an axis can reach are cut off.

    Examples:
        >>> axis_limits(None, None, False, 0.05)
        (0.0, 1.0)
        >>> axis_limits(2.0, 2.0, False, 0.0)
        (1.0, 3.0)
        >>> axis_limits(5.0, 5.0, True, 0.0)
        (0.5, 50.0)
        >>> axis_limits(-1e308, 1e308, False, 0.05)
        (-1e+300, 1e+300)
    """
    if lo is None or hi is None:
        return (1.0, 10.0) if log else (0.0, 1.0)
    if log:
        a = min(max(math.log10(lo), LOG_MIN), LOG_MAX)
        b = min(max(math.log10(hi), LOG_MIN), LOG_MAX)
        if b - a < _RELATIVE:
            if a >= LOG_MIN + 1.0 and b <= LOG_MAX - 1.0:
                return lo / 10.0, hi * 10.0  # a decade either side, exactly
            a, b = a - 1.0, b + 1.0
        else:
            margin = (b - a) * pad
            a, b = a - margin, b + margin
        if a >= LOG_MIN and b <= LOG_MAX:
            return 10.0**a, 10.0**b
        # Squeezed against an end of the float range: keep two decades inside it.
        a, b = max(a, LOG_MIN), min(b, LOG_MAX)
        if b - a < 1.0:
            middle = min(max(0.5 * (a + b), LOG_MIN + 1.0), LOG_MAX - 1.0)
            a, b = middle - 1.0, middle + 1.0
        return 10.0**a, 10.0**b
    lo, hi = min(max(lo, -LARGEST), LARGEST), min(max(hi, -LARGEST), LARGEST)
    if _too_narrow(lo, hi):
        middle = 0.5 * lo + 0.5 * hi
        half = max(1.0, abs(middle) * 0.1)
        lo, hi = middle - half, middle + half
    else:
        margin = (hi - lo) * pad
        lo, hi = lo - margin, hi + margin
    return max(lo, -LARGEST), min(hi, LARGEST)


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
    raw = (hi - lo) / max(1, max_ticks - 1) / 10.0
    if not 0.0 < raw < math.inf:  # a width floats cannot split: label the ends
        width = max(hi - lo, abs(hi), 5e-324)
        return Ticks([lo, hi], [format_tick(lo, width), format_tick(hi, width)], [])
    # The smallest step that gives at most max_ticks ticks gives the most ticks.
    for step in _nice_steps(raw):
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
        s
        for s in (1, 2, 3, 4, 5, 10, 20, 50, 100, 200, 500, 1000)
        if (last - first) // s + 1 <= max_ticks
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
