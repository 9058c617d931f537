"""Real-step derivative searches: `derivative(f, t)` (method "auto") on functions that round.

``derivative``: g(t) from a few smooth functions, rounded by one of the families
``add`` ((c + g) - c), ``round`` (to k bits after the point), ``floor`` (to a quantum q),
``f32`` (to float32), ``arg`` (g((t + c) - c)) or ``rnd`` (deterministic noise of
amplitude a), at ordinary points, small t and where g' is tiny. A wrong answer is
not counted as dishonest when f returned one value at every point calcweb sampled
("constant as sampled": 0 is then the only answer anyone could give).
``small-c``: (c + g(t)) - c with c from 4 to 256, whose stairs are a few ulp of c.
``flat``: six fixed functions flat on one side (max(0, t)^3, clip, floor) by
Richardson; the seed and the number of draws do not matter.
"""

from __future__ import annotations

import hashlib
import math
import random
import struct
from collections.abc import Callable
from typing import Any

import mpmath

import calcweb as cw

from ._tally import Tally, is_dishonest

# name: (g on floats, g' on mpmath numbers)
SMOOTH: dict[str, tuple[Callable[[float], float], Callable[[Any], Any]]] = {
    "sin": (math.sin, mpmath.cos),
    "sin2": (lambda t: math.sin(t) ** 2, lambda t: mpmath.sin(2 * t)),
    "t3": (lambda t: math.pow(t, 3), lambda t: 3 * t**2),
    "expm1": (lambda t: math.exp(t) - 1, mpmath.exp),
    "cos": (math.cos, lambda t: -mpmath.sin(t)),
    "tanh": (math.tanh, lambda t: 1 - mpmath.tanh(t) ** 2),
    "log1pt2": (lambda t: math.log(1 + t * t), lambda t: 2 * t / (1 + t * t)),
}
FAMILIES = ("add", "add", "round", "floor", "f32", "arg")  # add twice: drawn twice as often


def _points(rng: random.Random, g: str) -> list[float]:
    """Ordinary t, small t, and t where g' is tiny."""
    ts = [rng.uniform(-3, 3), rng.uniform(0.001, 0.05), 10 ** rng.uniform(-6, -1)]
    if g in ("sin", "sin2"):
        ts.append(math.pi / 2 + rng.choice([-1, 1]) * 10 ** rng.uniform(-6, -1))
    if g in ("sin2", "t3", "log1pt2", "cos"):
        ts.append(rng.choice([-1, 1]) * 10 ** rng.uniform(-5, -1))
    return ts


def _white(s: float) -> float:
    """Uniform noise in [-0.5, 0.5), independent between any two distinct floats."""
    digest = hashlib.blake2b(struct.pack("d", s), digest_size=8).digest()
    return int.from_bytes(digest, "little") / 2.0**64 - 0.5


def _rounded(rng: random.Random, family: str, g: str) -> tuple[str, Callable[[float], float]]:
    """g rounded by `family`, with its constants drawn from `rng`."""
    gf = SMOOTH[g][0]
    if family == "add":
        c = float(f"{10 ** rng.uniform(4, 12):.3g}")
        return f"({c:g} + {g}) - {c:g}", lambda s: (c + gf(s)) - c
    if family == "round":
        k = rng.randint(8, 40)
        return f"round({g}*2^{k})/2^{k}", lambda s: round(gf(s) * 2.0**k) / 2.0**k
    if family == "floor":
        q = float(f"{10 ** rng.uniform(-12, -4):.2g}")
        return f"floor({g}/{q:g})*{q:g}", lambda s: math.floor(gf(s) / q) * q
    if family == "f32":
        return f"float32({g})", lambda s: struct.unpack("f", struct.pack("f", gf(s)))[0]
    if family == "rnd":
        a = 10 ** rng.uniform(-14, -6)
        return f"{g} + {a:.1g} noise", lambda s: gf(s) + a * _white(s)
    if family == "arg":
        c = float(f"{10 ** rng.uniform(2, 10):.3g}")
        return f"{g}((t + {c:g}) - {c:g})", lambda s: gf((s + c) - c)
    raise ValueError(f"unknown family {family!r}: use add, round, floor, f32, rnd or arg")


def _check(
    tally: Tally,
    name: str,
    f: Callable[[float], float],
    t: float,
    df: Callable[[Any], Any],
) -> None:
    """Differentiate ``f`` at ``t`` and tally the answer against ``df`` (mpmath).

    An answer from an f that returned one value at every point it was called
    (sin(t) - t where sin rounds to t) cannot be told from a constant: it
    counts as "constant as sampled", not as dishonest.
    """
    seen: set[float] = set()

    def recorded(s: float) -> float:
        value = f(s)
        seen.add(value)
        return value

    try:
        result = cw.derivative(recorded, t, full_output=True)
    except (cw.NumericalError, cw.DomainError):
        tally.refuse()
        return
    except Exception as error:  # a crash is counted, and the search goes on
        tally.crash(f"{name} at t={t!r}", error)
        return
    exact = df(mpmath.mpf(t))
    if len(seen) == 1 and is_dishonest(result.value, result.error, exact):
        tally.answered += 1  # an answer, but not a dishonest one
        tally.other["constant as sampled"] += 1
        return
    tally.answer(f"{name} at t={t!r}", result.value, result.error, exact, result.nfev)


def search(seed: int, draws: int, families: tuple[str, ...] = FAMILIES) -> Tally:
    """Rounded smooth functions at random points (the cases of /tmp/s3deriv/search.py)."""
    tally = Tally("derivative", seed)
    for rng in tally.drawing(draws):
        family = rng.choice(families)
        g = rng.choice(list(SMOOTH))
        t = rng.choice(_points(rng, g))
        name, f = _rounded(rng, family, g)
        _check(tally, name, f, t, SMOOTH[g][1])
    return tally


def search_small_c(seed: int, draws: int) -> Tally:
    """(c + g(t)) - c with c in [4, 256] (the cases of /tmp/s3nfev/smallc.py)."""
    gs: dict[str, tuple[Callable[[float], float], Callable[[Any], Any]]] = {
        "sin": (math.sin, mpmath.cos),
        "exp": (math.exp, mpmath.exp),
        "t3": (lambda t: t**3, lambda t: 3 * t * t),
        "tanh": SMOOTH["tanh"],
    }
    tally = Tally("small-c", seed)
    for rng in tally.drawing(draws):
        name = rng.choice(list(gs))
        g, dg = gs[name]
        c = 2 ** rng.uniform(2.0, 8.0)
        c = rng.choice([c, 2.0 ** round(math.log2(c))])
        t = rng.uniform(-2, 2)
        try:
            result = cw.derivative(lambda s, g=g, c=c: (c + g(s)) - c, t, full_output=True)
        except (cw.NumericalError, cw.DomainError):
            tally.refuse()
            continue
        case = f"({c!r} + {name}) - {c!r} at t={t!r}"
        tally.answer(case, result.value, result.error, dg(mpmath.mpf(t)), result.nfev)
    return tally


FLAT: list[tuple[str, Callable[[float], float], float]] = [
    ("max(0,t)^3", lambda t: max(0.0, t) ** 3, -0.01),
    ("max(0,t)^3", lambda t: max(0.0, t) ** 3, -0.005),
    ("max(0,t)^2", lambda t: max(0.0, t) ** 2, -1e-3),
    ("clip(t,0,1)", lambda t: min(max(t, 0.0), 1.0), 1.5),
    ("floor(t)", math.floor, 2.5),
    ("relu(t-1)^2", lambda t: max(0.0, t - 1.0) ** 2, 0.995),
]


def search_flat(seed: int, draws: int) -> Tally:  # noqa: ARG001 - fixed cases: same signature
    """Functions flat near x, by Richardson (the cases of /tmp/s3deriv/flat.py)."""
    tally = Tally("flat", seed)
    for name, f, x in FLAT:
        tally.draws += 1
        try:
            result = cw.derivative(f, x, method="richardson", full_output=True)
        except (cw.NumericalError, cw.DomainError):
            tally.refuse()
            continue
        tally.answer(f"{name} at {x!r}", result.value, result.error, mpmath.mpf(0), result.nfev)
    return tally


# name: (f on floats, f' on mpmath numbers): a smooth g minus its Taylor polynomial,
# so that f(t) is far smaller than the terms it is computed from (issue 13).
CANCELLING: dict[str, tuple[Callable[[float], float], Callable[[Any], Any]]] = {
    "exp(t) - 1 - t": (lambda t: math.exp(t) - 1 - t, lambda t: mpmath.exp(t) - 1),
    "cos(t) - 1 + t^2/2": (lambda t: math.cos(t) - 1 + t * t / 2, lambda t: t - mpmath.sin(t)),
    "log(1 + t) - t": (lambda t: math.log(1 + t) - t, lambda t: 1 / (1 + t) - 1),
    "sin(t) - t": (lambda t: math.sin(t) - t, lambda t: mpmath.cos(t) - 1),
    "tanh(t) - t": (lambda t: math.tanh(t) - t, lambda t: -(mpmath.tanh(t) ** 2)),
}


def search_cancelling(seed: int, draws: int) -> Tally:
    """g(t) minus its Taylor polynomial, and (c + g(t)) - c - t g'(0), at t = +-1e-10..1e-4."""
    tally = Tally("cancelling", seed)
    for rng in tally.drawing(draws):
        t = rng.choice([-1, 1]) * 10 ** rng.uniform(-10, -4)
        if rng.random() < 0.6:
            name = rng.choice(list(CANCELLING))
            f, df = CANCELLING[name]
        else:  # (c + g(t)) - c - t g'(0) for g = sin (g'(0) = 1) and c a power of 10
            c = 10.0 ** rng.randint(-2, 3)
            name = f"({c:g} + sin(t)) - {c:g} - t"
            f = lambda s, c=c: (c + math.sin(s)) - c - s  # noqa: E731
            df = lambda s: mpmath.cos(s) - 1  # noqa: E731
        _check(tally, name, f, t, df)
    return tally


QUOTIENTS = ("central", "forward", "backward")


def search_one_quotient(seed: int, draws: int) -> Tally:
    """One difference quotient (``method`` central, forward or backward, default step).

    Half the draws are the ``derivative`` search's: a smooth g at its points,
    plain or rounded by one of its families (first derivatives); half are the
    ``fast`` search's ``exp(k1 t) sin(k2 t + p)`` at 0 (orders 1 and 2), whose
    scale reaches the default step: the error reported with ``full_output`` must
    cover the quotient's truncation there too. The value is the quotient, whatever
    the error says. An f that returned one value at every point sampled is
    "constant as sampled", as in the ``derivative`` search.
    """
    from .steep import _exp_sin_derivative, draw_fast  # noqa: PLC0415 - steep imports nothing of this

    tally = Tally("one-quotient", seed)
    for rng in tally.drawing(draws):
        method = rng.choice(QUOTIENTS)
        if rng.random() < 0.5:
            g = rng.choice(list(SMOOTH))
            t = rng.choice(_points(rng, g))
            family = rng.choice(("plain", *FAMILIES))
            if family == "plain":
                name, f = g, SMOOTH[g][0]
            else:
                name, f = _rounded(rng, family, g)
            case, n, exact = f"{method} {name} at t={t!r}", 1, SMOOTH[g][1](mpmath.mpf(t))
        else:
            k1, k2, phase, n = draw_fast(rng)
            t, exact = 0.0, _exp_sin_derivative(k1, k2, phase, n)
            case = f"{method} exp({k1!r} t) sin({k2!r} t + {phase!r}) n={n} at 0"
            f = lambda s, k1=k1, k2=k2, p=phase: math.exp(k1 * s) * math.sin(k2 * s + p)  # noqa: E731
        seen: set[float] = set()

        def recorded(s: float, f: Callable[[float], float] = f, seen: set[float] = seen) -> float:
            value = f(s)
            seen.add(value)
            return value

        try:
            result = cw.derivative(recorded, t, n, method=method, full_output=True)
        except cw.CalcwebError:
            tally.refuse()
            continue
        except (OverflowError, ValueError) as error:
            tally.crash(case, error)
            continue
        if len(seen) == 1 and is_dishonest(result.value, result.error, exact):
            tally.answered += 1  # as in `_check`: 0 is the only answer anyone could give
            tally.other["constant as sampled"] += 1
            continue
        tally.answer(case, result.value, result.error, exact, result.nfev)
    return tally
