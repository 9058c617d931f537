"""Limits whose answer is an infinity that only f closer to x0 shows (issue 13).

A term ``k / |h|**p`` (``k * x**p`` at infinity) is added to a function whose
own limit is finite (or a slower infinity), so the true limit is the infinity
of k's sign; k is small, so that the term hides below the usual samples.

* ``limits-hidden-noisy``: difference quotients that rounding biases
  ((exp(x) - 1)/x, (tan(pi/4 + x) - 1)/x, ...) plus k/|x|**p with k 1e-22 to
  1e-12 (times 2**(-49 (p - 1))), whose growth hides in the quotient's rounding
  noise, of the same 1/h size (the lead's /tmp/s8/lima/stress3.py, same draws).
* ``limits-hidden-slow``: slow laws (log, powers, their products) plus a term
  that reaches 1 at h between 1e-88 and 1e-20, drawn only where it dominates
  at 1e-88 and at 1e-300 (the limits engineer's /tmp/s9/lim/stress4.py, same
  draws; the others are counted as skipped).

* ``limits-hidden-late``: L + k/|h|**p (and variants: signed, scaled, with
  3 (x - x0) or 1/x added) at 0, 1, pi/4, 2**30, +-inf and other points, with
  a departure from L of 1e-9 to 0.9 of |L| at the last usual sample, so that
  it grows only in the last few (the lead's /tmp/s8/lima/stress2.py, same
  draws): every side of each draw is asked.

* ``limits-capped``: search_noisy's quotients plus ``min(k/|x|**p, C)`` (either
  sign), the cap reached at ``h`` between ``2**-300`` and ``2**-50``: a term
  hidden in their rounding noise that stops on a constant closer in than the
  usual samples, where the quotient may round to 0; the limit is the
  quotient's plus ``C``, a value ``f`` may take nowhere.

Every converged answer that is not that infinity (for ``limits-capped``, that
limit, to twice its error) is dishonest (where the two
sides tend to infinities of opposite signs, any converged two-sided answer).
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable

import calcweb as cw

from ._tally import Tally
from .limits import Limit, ask

Function = Callable[[float], float]
_T = math.tan(math.pi / 4)

NOISY: dict[str, Function] = {
    "tanq": lambda x: (math.tan(math.pi / 4 + x) - _T) / x,
    "tanq3": lambda x: (math.tan(math.pi / 4 + 3 * x) - _T) / x,
    "tansym": lambda x: (math.tan(math.pi / 4 + x) - math.tan(math.pi / 4 - x)) / (2 * x),
    "cotq": lambda x: (1 / math.tan(math.pi / 4 + x) - 1 / _T) / x,
    "expm1": lambda x: (math.exp(x) - 1) / x,
    "sqrt": lambda x: (math.sqrt(1 + x) - 1) / x,
    "log1p": lambda x: math.log(1 + x) / x,
    "exp2": lambda x: (2**x - 1) / x,
    "sinq": lambda x: math.sin(x) / x,
    "atanq": lambda x: math.atan(x) / x,
}

SLOW: dict[str, Function] = {
    "log": math.log,
    "-log": lambda h: -math.log(h),
    "100+log": lambda h: 100 + math.log(h),
    "sqrt": math.sqrt,
    "h^0.25": lambda h: h**0.25,
    "h^0.75": lambda h: h**0.75,
    "sqrt log": lambda h: math.sqrt(h) * math.log(h),
    "h^0.1": lambda h: h**0.1,
    "1/log": lambda h: 1 / math.log(h),
    "loglog": lambda h: math.log(-math.log(h)),
    "1/sqrt": lambda h: 1 / math.sqrt(h),
    "1/h": lambda h: 1 / h,
    "(h^h-1)/h": lambda h: (h**h - 1) / h,
}


def _with_term(base: Function, k: float, p: float, at_inf: bool) -> Function:
    if at_inf:
        return lambda x: base(1 / x) + k * abs(x) ** p
    return lambda x: base(x) + k / abs(x) ** p


def search_noisy(seed: int, draws: int, limit: Limit = cw.limit) -> Tally:
    """A k/|x|**p hidden in the rounding noise of a difference quotient."""
    tally = Tally("limits-hidden-noisy", seed)
    for rng in tally.drawing(draws):
        name = rng.choice(list(NOISY))
        p = rng.choice([1, 1, 2, 3])
        k = math.copysign(10 ** rng.uniform(-22, -12) * (2.0**-49) ** (p - 1), rng.choice([-1, 1]))
        side = rng.choice(["left", "right"])
        at_inf = rng.random() < 0.25
        x0 = math.inf if at_inf else 0.0
        side = "left" if at_inf else side
        term = f"{k!r} * x**{p}" if at_inf else f"{k!r} / abs(x)**{p}"
        f = _with_term(NOISY[name], k, p, at_inf)
        ask(tally, limit, f"{name} + {term}", (f, x0, side, math.copysign(math.inf, k)))
    return tally


def search_slow(seed: int, draws: int, limit: Limit = cw.limit) -> Tally:
    """A slow law plus a term that dominates only below the usual samples."""
    tally = Tally("limits-hidden-slow", seed)
    for rng in tally.drawing(draws):
        name = rng.choice(list(SLOW))
        base = SLOW[name]
        p = rng.choice([0.5, 1.0, 2.0, 0.25, 3.0])
        sign = rng.choice([-1.0, 1.0])
        reach = 10 ** rng.uniform(-88, -20)  # k / h**p is 1 at h = reach
        k = sign * reach**p
        at_inf = rng.random() < 0.3

        def dominates(h: float, base: Function = base, k: float = k, p: float = p) -> bool:
            return math.log(abs(k)) - p * math.log(h) > math.log(10 * abs(base(h)) + 1e-300)

        if not (dominates(1e-300) and dominates(1e-88)):
            tally.other["skipped (the term does not dominate)"] += 1
            continue
        x0, side = (math.inf, "left") if at_inf else (0.0, "right")
        term = f"{k!r} * x**{p}" if at_inf else f"{k!r} / x**{p}"
        f = _with_term(base, k, p, at_inf)
        ask(tally, limit, f"{name} + {term}", (f, x0, side, math.copysign(math.inf, k)))
    return tally


# The limits of NOISY's quotients at 0 (at infinity, of f(1/x)).
NOISY_LIMITS: dict[str, float] = {
    "tanq": 2.0,
    "tanq3": 6.0,
    "tansym": 2.0,
    "cotq": -2.0,
    "expm1": 1.0,
    "sqrt": 0.5,
    "log1p": 1.0,
    "exp2": math.log(2.0),
    "sinq": 1.0,
    "atanq": 1.0,
}


def _capped(base: Function, k: float, p: float, cap: float, at_inf: bool) -> Function:
    if at_inf:
        return lambda x: base(1 / x) + math.copysign(min(k * abs(x) ** p, abs(cap)), cap)
    return lambda x: base(x) + math.copysign(min(k / abs(x) ** p, abs(cap)), cap)


def search_capped(seed: int, draws: int, limit: Limit = cw.limit) -> Tally:
    """A k/|x|**p hidden as in search_noisy, capped at C: the limit is the quotient's + C."""
    tally = Tally("limits-capped", seed)
    for rng in tally.drawing(draws):
        name = rng.choice(list(NOISY))
        p = rng.choice([1, 1, 2, 3])
        k = 10 ** rng.uniform(-22, -12) * (2.0**-49) ** (p - 1)
        # The cap holds from h = 2**-reach on: closer in than the usual samples
        # (2**-49), farther out than the deepest step closer in (about 2**-305).
        reach = rng.uniform(50, 300)
        cap = math.copysign(k * 2.0 ** (reach * p), rng.choice([-1, 1]))
        at_inf = rng.random() < 0.25
        x0, side = (math.inf, "left") if at_inf else (0.0, rng.choice(["left", "right"]))
        f = _capped(NOISY[name], k, p, cap, at_inf)
        power = f"{k!r} * abs(x)**{p}" if at_inf else f"{k!r} / abs(x)**{p}"
        term = f"copysign(min({power}, {abs(cap)!r}), {cap!r})"
        ask(tally, limit, f"{name} + {term}", (f, x0, side, NOISY_LIMITS[name] + cap))
    return tally


def _late(rng: random.Random) -> tuple[str, Function, float, list[tuple[str, float]]]:
    """One draw of ``search_late``: its name, f, x0 and each side with its limit."""
    points = [0.0, 1.0, 37.0, math.pi / 4, 0.1, math.inf, -math.inf, 1000.0, -3e5, 2.0**30, 5.5]
    x0 = rng.choice(points)
    big = rng.choice([1.0, 2.0, -2.5, 1e6, 1e-7, math.pi, -1e10, 8.0])
    p = rng.choice([1, 2, 3, 4, 1, 1])
    c = 10 ** rng.uniform(-3, 12)
    form = rng.choice(["abs", "signed", "scaled", "mixed"])
    scale = 1.0 if abs(x0) < 2 or math.isinf(x0) else math.ldexp(1.0, math.frexp(x0)[1] - 1)
    last = scale * 2.0**-49  # the last usual sample's distance from x0
    share = 10 ** rng.uniform(-9, math.log10(0.9))  # the departure there, relative to |L|
    f: Function
    if math.isinf(x0):
        k = share * abs(big) * last**p
        if form == "mixed":
            f = lambda x: big + k * abs(x) ** p + 1 / x  # noqa: E731
        else:
            f = lambda x: big + k * abs(x) ** p  # noqa: E731
        name = f"{big!r} + {k!r} * abs(x)**{p}" + (" + 1 / x" if form == "mixed" else "")
        return name, f, x0, [("left" if x0 > 0 else "right", math.inf)]
    k = share * abs(big) * (last / (c if form == "scaled" else 1.0)) ** p
    if form == "abs":
        f = lambda x: big + k / abs(x - x0) ** p  # noqa: E731
    elif form == "signed":
        f = lambda x: big + k / (x - x0) ** p  # noqa: E731
    elif form == "scaled":
        f = lambda x: big + k / abs((x - x0) / c) ** p  # noqa: E731
    else:
        f = lambda x: big + k / abs(x - x0) ** p + 3 * (x - x0)  # noqa: E731
    term = {
        "abs": f"{k!r} / abs(x - {x0!r})**{p}",
        "signed": f"{k!r} / (x - {x0!r})**{p}",
        "scaled": f"{k!r} / abs((x - {x0!r}) / {c!r})**{p}",
        "mixed": f"{k!r} / abs(x - {x0!r})**{p} + 3 * (x - {x0!r})",
    }[form]
    name = f"{big!r} + {term}"
    left = -math.inf if form == "signed" and p % 2 else math.inf
    return (
        name,
        f,
        x0,
        [("left", left), ("right", math.inf), ("both", math.inf if left > 0 else math.nan)],
    )


def search_late(seed: int, draws: int, limit: Limit = cw.limit) -> Tally:
    """A growth that shows only in the last few usual samples."""
    tally = Tally("limits-hidden-late", seed)
    for rng in tally.drawing(draws):
        name, f, x0, sides = _late(rng)
        for side, exact in sides:
            ask(tally, limit, name, (f, x0, side, exact))
    return tally
