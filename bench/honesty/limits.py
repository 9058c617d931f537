"""Limit searches: `limit(f, x0, side=..., full_output=True)` on one-sided limits.

``limits``: kinds of limit at x0 in {0, 1, 37, 1000, -3e5, 0.1, 2^30} through
t = (x - x0)/c, c = 10^u, u in [-1, 12]: 0/0 forms that cancel ((cos t - 1 +
t^2/2)/t^4, (e^t - 1 - t)/t^2, (1 - cos t)/t^2, (t - sin t)/t^3, log(1 + t)/t,
(sqrt(1 + t) - 1)/t, ((a + t) - a)/t), second differences of x^3, e^x and sin x,
L + a t + sin^2 t, real divergences (log|t|, e^(1/t^2), 1/t^2, 1/sqrt|t|, L +
k/|x - x0|^p) and, with --kinds const,step, constants and floor/ceil jumps.
``limits-h10``: five of those kinds, drawn as /tmp/s3_limits/search_h10.py drew them.
``limits-infinity``: limits at +infinity and slow ones at 0 (L + a/x + b/x^2,
x sin(c/x), (1 + c/x)^x, sqrt(x^2 + cx) - x, log x/x^p, x^q log x, L + sqrt x,
x^x, e^(-c/x^2)/x, atan(cx)/x).
``limits-textbook``: the textbook cases of tests/unit/test_limits_textbook.py;
the seed and the number of draws do not matter, and "outside tolerance" counts
the answers that miss the accuracy that test asks for.
A result with converged=False counts as refused.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from typing import Any

import mpmath

import calcweb as cw

from ._tally import Tally

Limit = Callable[..., Any]  # calcweb.limit, or the `limit` of a copy of limits.py
Case = tuple[Callable[[float], float], float, str, Any]  # f, x0, side, exact (None: skip)
Drawn = tuple[str, Case]  # the kind, and the case

KINDS = (
    "L+c/h^p", "cancel", "second", "log1p", "exp1t", "1-cos", "expm1", "sqrt", "smooth",
    "diverge", "bias", "t-sin", "L+1/h^p", "const", "step",
)  # fmt: skip
INFINITY_KINDS = (
    "rational", "xsin", "compound", "sqrtdiff", "logpow", "xqlog", "sqrtL", "xx", "expflat", "atan",
)  # fmt: skip
DEFAULT_KINDS = KINDS[:13]  # const and step only when asked for (--kinds const,step)


def _scale_of(x0: float) -> float:
    return 1.0 if abs(x0) < 2.0 else math.ldexp(1.0, math.frexp(x0)[1] - 1)


def _case(rng: random.Random, kind: str) -> Case:  # noqa: PLR0911, PLR0912, PLR0915 - a branch a kind
    """One limit of `kind` with its constants drawn from `rng` (as /tmp/s3_limits/search.py)."""
    x0 = rng.choice([0.0, 1.0, 37.0, 1000.0, -3e5, 0.1, 2.0**30])
    side = rng.choice(["left", "right"])
    c = 10 ** rng.uniform(-1, 12)

    def t(x: float, c: float = c, x0: float = x0) -> float:
        return (x - x0) / c

    mpf = mpmath.mpf
    if kind == "L+c/h^p":
        level = rng.choice([0.0, 1.0, -2.5, 1e-7, 1e6])
        k = 10 ** rng.uniform(-35, -5)
        p = rng.choice([1, 2, 3, 4])
        seen = k / (_scale_of(x0) * 2.0**-49) ** p / max(1.0, abs(level))
        # skipped when k/h^p stays below the rounding of level at every step a float allows
        exact = math.inf if seen >= 1e-8 else None
        return (lambda x: level + k / abs(x - x0) ** p), x0, side, exact
    if kind == "L+1/h^p":  # a real divergence behind a tiny constant: 1e-20 + 1/x**2
        level = rng.choice([1e-20, -1e-30, 1e-300, 3.0, -1e10])
        p = rng.choice([1, 2, 4])
        k = 10 ** rng.uniform(-3, 3)
        return (lambda x: level + k / abs(x - x0) ** p), x0, side, math.inf
    if kind == "cancel":
        return (lambda x: (math.cos(t(x)) - 1 + t(x) ** 2 / 2) / t(x) ** 4), x0, side, mpf(1) / 24
    if kind == "second":
        a = rng.uniform(-50, 50)
        g, d2 = rng.choice(
            [
                (lambda x: x**3, lambda a: 6 * mpf(a)),
                (math.exp, mpmath.exp),
                (math.sin, lambda a: -mpmath.sin(a)),
            ]
        )
        return (lambda h: (g(a + h) - 2 * g(a) + g(a - h)) / h**2), 0.0, side, d2(a)
    if kind == "log1p":
        c = 10 ** rng.uniform(-1, 6)  # drawn again: a narrower range than the others

        def u(x: float, c: float = c, x0: float = x0) -> float:
            return (x - x0) / c

        return (lambda x: math.log(1 + u(x)) / u(x)), x0, side, 1.0
    if kind == "exp1t":
        return (lambda x: (math.exp(t(x)) - 1 - t(x)) / t(x) ** 2), x0, side, 0.5
    if kind == "1-cos":
        return (lambda x: (1 - math.cos(t(x))) / t(x) ** 2), x0, side, 0.5
    if kind == "expm1":
        return (lambda x: (math.exp(t(x)) - 1) / t(x)), x0, side, 1.0
    if kind == "sqrt":
        return (lambda x: (math.sqrt(1 + t(x)) - 1) / t(x)), x0, side, 0.5
    if kind == "t-sin":
        return (lambda x: (t(x) - math.sin(t(x))) / t(x) ** 3), x0, side, mpf(1) / 6
    if kind == "smooth":
        level = rng.choice([0.0, 1.0, -2.5, 1e-7, 1e6, math.pi])
        a = rng.uniform(-5, 5)
        return (lambda x: level + a * t(x) + math.sin(t(x)) ** 2), x0, side, level
    if kind == "diverge":
        which = rng.choice(["log", "exp", "inv2", "sqrtinv"])
        if which == "log":
            return (lambda x: math.log(abs(t(x)))), x0, side, -math.inf
        if which == "exp":
            return (lambda x: math.exp(1 / t(x) ** 2)), x0, side, math.inf
        if which == "inv2":
            return (lambda x: 1 / t(x) ** 2 - 1e3), x0, side, math.inf
        return (lambda x: 1 / math.sqrt(abs(t(x)))), x0, side, math.inf
    if kind == "bias":  # ((a + t) - a)/t: rounding bias
        a = 10 ** rng.uniform(-3, 8)
        return (lambda x: ((a + t(x)) - a) / t(x)), x0, side, 1.0
    if kind == "const":
        level = rng.choice([0.0, 1.0, -2.5, 1e-300, 1e300, math.pi, -7.0])
        return (lambda x: level), x0, side, level  # noqa: ARG005 - a constant
    if kind == "step":  # floor/ceil(a x + b) where a x0 + b is exactly the integer k
        a = rng.choice([1.0, 3.0, 0.5, 0.001, 1000.0, 2.0**-20, 7.0])
        b = float(rng.randint(-(10**6), 10**6))
        k = float(rng.randint(-(10**6), 10**6))
        x0 = (k - b) / a
        if a * x0 + b != k:
            return (lambda x: 0.0), 0.0, side, None  # noqa: ARG005 - skipped
        g = rng.choice([math.floor, math.ceil])
        if g is math.floor:
            exact = k - 1 if side == "left" else k
        else:
            exact = k if side == "left" else k + 1
        return (lambda x: g(a * x + b)), x0, side, exact
    raise ValueError(f"unknown kind {kind!r}: use some of {', '.join(KINDS)}")


def _judge(tally: Tally, limit: Limit, name: str, case: Case) -> Any:
    """One draw's limit call, counted in `tally`; the result, or None."""
    tally.draws += 1
    if case[3] is None:
        tally.other["skipped (no exact value)"] += 1
        return None
    return ask(tally, limit, name, case)


def ask(tally: Tally, limit: Limit, name: str, case: Case) -> Any:
    """One limit call with a known limit, its answer or refusal counted in `tally`
    (not as a draw: a draw may ask several); the result, or None."""
    f, x0, side, exact = case
    try:
        result = limit(f, x0, side=side, full_output=True)
    except cw.CalcwebError:
        tally.refuse()
        return None
    except Exception as error:  # a crash is counted, and the search goes on
        tally.crash(f"{name} x0={x0!r} {side}", error)
        return None
    if not result.converged:
        tally.refuse()
        return None
    tally.answer(f"{name} x0={x0!r} {side}", result.value, result.error, exact, result.nfev)
    return result


def _search(
    name: str, seed: int, draws: int, limit: Limit, draw: Callable[[random.Random], Drawn]
) -> Tally:
    """`draws` limits from `draw`, each judged and counted."""
    rng = random.Random(seed)  # noqa: S311 - reproducible draws, not secrets
    tally = Tally(name, seed)
    for i in range(draws):
        kind, case = draw(rng)
        _judge(tally, limit, f"#{i} {kind}", case)
    return tally


def search(
    seed: int, draws: int, limit: Limit = cw.limit, kinds: tuple[str, ...] = DEFAULT_KINDS
) -> Tally:
    """Each draw a kind, then its limit (as search.py and search_cs.py in /tmp/s3_limits)."""

    def draw(rng: random.Random) -> Drawn:
        kind = rng.choice(kinds)
        return kind, _case(rng, kind)

    return _search("limits", seed, draws, limit, draw)


def _h10_case(rng: random.Random) -> Drawn:
    """One limit as /tmp/s3_limits/search_h10.py drew it."""
    kind = rng.choice(["L+c/h^p", "cancel", "second", "log1p", "exp1t"])
    x0 = rng.choice([0.0, 1.0, 37.0, 1000.0, -3e5])
    side = rng.choice(["left", "right"])
    f: Callable[[float], float]
    if kind == "L+c/h^p":
        level = rng.choice([0.0, 1.0, -2.5, 1e-7, 1e6])
        c = 10 ** rng.uniform(-35, -5)
        p = rng.choice([1, 2, 3, 4])
        seen = c / (_scale_of(x0) * 2.0**-49) ** p / max(1.0, abs(level))
        return kind, (
            (lambda x: level + c / abs(x - x0) ** p),
            x0,
            side,
            None if seen < 1e-8 else math.inf,
        )
    if kind == "cancel":
        c = 10 ** rng.uniform(0, 12)
        f = lambda x: (math.cos((x - x0) / c) - 1 + ((x - x0) / c) ** 2 / 2) / ((x - x0) / c) ** 4  # noqa: E731
        return kind, (f, x0, side, mpmath.mpf(1) / 24)
    if kind == "second":
        a = rng.uniform(-50, 50)
        g, d2 = rng.choice(
            [
                (lambda x: x**3, lambda a: 6 * mpmath.mpf(a)),
                (math.exp, mpmath.exp),
                (math.sin, lambda a: -mpmath.sin(a)),
            ]
        )
        return kind, ((lambda h: (g(a + h) - 2 * g(a) + g(a - h)) / h**2), 0.0, side, d2(a))
    if kind == "log1p":
        c = 10 ** rng.uniform(-1, 6)
        return kind, ((lambda x: math.log(1 + (x - x0) / c) / ((x - x0) / c)), x0, side, 1.0)
    c = 10 ** rng.uniform(0, 12)
    f = lambda x: (math.exp((x - x0) / c) - 1 - (x - x0) / c) / ((x - x0) / c) ** 2  # noqa: E731
    return kind, (f, x0, side, 0.5)


def search_h10(seed: int, draws: int, limit: Limit = cw.limit) -> Tally:
    """Five kinds (/tmp/s3_limits/search_h10.py, which drew 400 a seed)."""
    return _search("limits-h10", seed, draws, limit, _h10_case)


def _infinity_case(rng: random.Random) -> Drawn:  # noqa: PLR0911 - one branch a kind
    """One limit at infinity or a slow one at 0 (as /tmp/s3_limits/search2.py)."""
    kind = rng.choice(INFINITY_KINDS)
    inf = math.inf
    if kind == "rational":
        level, a, b = rng.uniform(-5, 5), rng.uniform(-100, 100), rng.uniform(-1e4, 1e4)
        return kind, ((lambda x: level + a / x + b / x**2), inf, "left", level)
    if kind == "xsin":
        c = 10 ** rng.uniform(-3, 3)
        return kind, ((lambda x: x * math.sin(c / x)), inf, "left", c)
    if kind == "compound":
        c = rng.uniform(-3, 3)
        return kind, ((lambda x: (1 + c / x) ** x), inf, "left", mpmath.exp(c))
    if kind == "sqrtdiff":
        c = rng.uniform(-100, 100)
        return kind, ((lambda x: math.sqrt(x * x + c * x) - x), inf, "left", c / 2)
    if kind == "logpow":
        p = rng.uniform(0.2, 3)
        return kind, ((lambda x: math.log(x) / x**p), inf, "left", 0.0)
    if kind == "xqlog":
        q = rng.uniform(0.3, 2)
        return kind, ((lambda x: x**q * math.log(x)), 0.0, "right", 0.0)
    if kind == "sqrtL":
        level = rng.uniform(-5, 5)
        return kind, ((lambda x: level + math.sqrt(x)), 0.0, "right", level)
    if kind == "xx":
        return kind, ((lambda x: x**x), 0.0, "right", 1.0)
    if kind == "expflat":
        c = 10 ** rng.uniform(-2, 1)
        side = rng.choice(["left", "right"])
        return kind, ((lambda x: math.exp(-c / x**2) / x), 0.0, side, 0.0)
    c = 10 ** rng.uniform(-3, 3)
    return kind, ((lambda x: math.atan(c * x) / x), 0.0, rng.choice(["left", "right"]), c)


def search_infinity(seed: int, draws: int, limit: Limit = cw.limit) -> Tally:
    """Limits at infinity and slow ones at 0 (/tmp/s3_limits/search2.py)."""
    return _search("limits-infinity", seed, draws, limit, _infinity_case)


def _with_math(formula: Callable[[float, Any], float]) -> Callable[[float], float]:
    """A textbook case's formula f(x, m), with m the math module."""
    return lambda x: formula(x, math)


def search_textbook(seed: int, draws: int, limit: Limit = cw.limit) -> Tally:  # noqa: ARG001
    """The textbook limits of the test-suite (/tmp/s3_limits/textbook.py); fixed cases."""
    from tests.unit.test_limits_textbook import RUNS, tolerance  # noqa: PLC0415 - imports pytest

    tally = Tally("limits-textbook", seed)
    for case, side in RUNS:
        result = _judge(tally, limit, case.name, (_with_math(case.f), case.x0, side, case.exact))
        if result is None or math.isinf(case.exact):
            continue
        if abs(result.value - case.exact) > tolerance(case):
            tally.other["outside tolerance"] += 1
    return tally
