"""``steep``: `derivative(f, x, n)` (method "auto", Richardson) of steep exponentials.

f(t) = g(a t) with a = 10^u, u uniform in [0, 2], x = ±U(0, 700 / a) (so |a x|
up to 700), n = 1 half the time, else uniform in 2..4, and g one of exp(s),
exp(-s), sin(s) exp(s / 10), the logistic 1 / (1 + exp(-s)), softplus
log(1 + exp(s)) and log(exp(s) + exp(-s)) (log-sum-exp). Rounding ``a t`` to a
float makes f's values noisy by up to ``|a t| eps / 2`` relative, far more than an
ulp of them at ``|a t|`` in the hundreds (plain ``exp(t)`` is not: ``t`` is
exact). Exact values from mpmath at 60 digits, of g(a t) with ``a`` and ``x``
the floats drawn.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from typing import Any

import mpmath

from ._tally import Tally


def _logistic(s: float) -> float:
    return 1.0 / (1.0 + math.exp(-s)) if s >= 0.0 else math.exp(s) / (1.0 + math.exp(s))


def _softplus(s: float) -> float:
    return s + math.log1p(math.exp(-s)) if s > 0.0 else math.log1p(math.exp(s))


def _log_sum_exp(s: float) -> float:
    return abs(s) + math.log1p(math.exp(-2.0 * abs(s)))


# name: (g on floats, g on mpmath numbers)
STEEP: dict[str, tuple[Callable[[float], float], Callable[[Any], Any]]] = {
    "exp": (math.exp, mpmath.exp),
    "exp(-s)": (lambda s: math.exp(-s), lambda s: mpmath.exp(-s)),
    "sin(s) exp(s/10)": (
        lambda s: math.sin(s) * math.exp(s / 10.0),
        lambda s: mpmath.sin(s) * mpmath.exp(s / 10),
    ),
    "logistic": (_logistic, lambda s: 1 / (1 + mpmath.exp(-s))),
    "softplus": (_softplus, lambda s: mpmath.log1p(mpmath.exp(s))),
    "log-sum-exp": (_log_sum_exp, lambda s: mpmath.log(mpmath.exp(s) + mpmath.exp(-s))),
}


def search(seed: int, draws: int) -> Tally:
    """Orders 1 to 4 of g(a t), |a x| up to 700."""
    tally = Tally("steep", seed)
    names = sorted(STEEP)
    for rng in tally.drawing(draws):
        name = rng.choice(names)
        g, exact_g = STEEP[name]
        a = 10.0 ** rng.uniform(0, 2)
        x = rng.uniform(0, 700 / a) * rng.choice([1, -1])
        n = 1 if rng.random() < 0.5 else rng.randint(2, 4)
        a_mp = mpmath.mpf(a)
        exact = mpmath.diff(lambda t, g=exact_g, a_mp=a_mp: g(a_mp * t), mpmath.mpf(x), n)
        case = f"{name} a={a!r} n={n} at x={x!r}"
        f = lambda t, g=g, a=a: g(a * t)  # noqa: E731
        # g overflows (OverflowError, ValueError): not calcweb's to answer.
        tally.ask_derivative(case, f, x, n, exact, crashes=(OverflowError, ValueError))
    return tally


def draw_fast(rng: random.Random) -> tuple[float, float, float, int]:
    """``k1``, ``k2``, ``p`` and ``n`` of the fast family, in this order (see `search_fast`)."""
    k1 = float(f"{10 ** rng.uniform(1, 5):.5g}") * rng.choice([1, -1])
    k2 = float(f"{10 ** rng.uniform(1, 7):.6g}")
    phase = float(f"{rng.uniform(0, 6.28):.5g}")
    n = rng.choice([1, 2])
    if rng.random() < 0.25:
        k1 = 0.0
    return k1, k2, phase, n


def _exp_sin_derivative(k1: float, k2: float, phase: float, n: int) -> Any:
    """The n-th derivative of exp(k1 t) sin(k2 t + phase) at 0, by mpmath, of the floats given."""
    k1_mp, k2_mp, phase_mp = mpmath.mpf(k1), mpmath.mpf(k2), mpmath.mpf(phase)
    return mpmath.diff(lambda t: mpmath.exp(k1_mp * t) * mpmath.sin(k2_mp * t + phase_mp), 0, n)


def search_fast(seed: int, draws: int) -> Tally:
    """Orders 1 and 2 of ``exp(k1 t) sin(k2 t + p)`` at 0, ``|k1|`` up to 1e5, ``k2`` up to 1e7.

    ``k1 = ±10^u`` (u uniform in [1, 5], 5 significant digits; 0 a quarter of
    the time: plain ``sin``), ``k2 = 10^v`` (v in [1, 7], 6 digits), ``p``
    uniform in [0, 6.28] (5 digits): the scale of ``f`` is ``1 / max(|k1|, k2)``,
    far below the default first step (the red team's family of issue 13).
    """
    tally = Tally("fast", seed)
    for rng in tally.drawing(draws):
        k1, k2, phase, n = draw_fast(rng)
        exact = _exp_sin_derivative(k1, k2, phase, n)
        case = f"exp({k1!r} t) sin({k2!r} t + {phase!r}) n={n} at 0"
        f = lambda t, k1=k1, k2=k2, phase=phase: math.exp(k1 * t) * math.sin(k2 * t + phase)  # noqa: E731
        tally.ask_derivative(case, f, 0.0, n, exact, crashes=(OverflowError, ValueError))
    return tally


def _exp_sin_derivative_at(k1: float, k2: float, phase: float, x: float, n: int) -> Any:
    """The n-th derivative of exp(k1 t) sin(k2 t + phase) at x, by mpmath, of the floats given."""
    k1_mp, k2_mp, phase_mp = mpmath.mpf(k1), mpmath.mpf(k2), mpmath.mpf(phase)
    return mpmath.diff(
        lambda t: mpmath.exp(k1_mp * t) * mpmath.sin(k2_mp * t + phase_mp), mpmath.mpf(x), n
    )


def search_fast_off_zero(seed: int, draws: int) -> Tally:
    """`search_fast`'s family at ``x`` away from 0: ``k2 t`` is then rounded inside ``sin``.

    ``k1``, ``k2``, ``p`` and ``n`` as in `search_fast` (drawn in the same
    order), then ``x`` uniform in [-1, 1] (4 significant digits). At 0 the
    argument ``k2 t + p`` of the small steps is rounded to about ulp(``p``)
    (at most 8.9e-16, as ``f``'s own value); at ``x`` it is rounded to
    ulp(``k2 x``), up to ulp(1e7) = 1.9e-9, a sawtooth in ``t`` that the noise of
    ``f`` must include (the held-out audit of session 11 found plain
    ``sin(k t)`` dishonest here).
    """
    tally = Tally("fast-off-zero", seed)
    for rng in tally.drawing(draws):
        k1, k2, phase, n = draw_fast(rng)
        x = float(f"{rng.uniform(-1, 1):.4g}")
        if abs(k1 * x) > 700:  # exp near overflow (709.8) or underflow: not a derivative test
            tally.other["skipped (|k1 x| > 700)"] += 1
            continue
        exact = _exp_sin_derivative_at(k1, k2, phase, x, n)
        case = f"exp({k1!r} t) sin({k2!r} t + {phase!r}) n={n} at {x!r}"
        f = lambda t, k1=k1, k2=k2, phase=phase: math.exp(k1 * t) * math.sin(k2 * t + phase)  # noqa: E731
        tally.ask_derivative(case, f, x, n, exact, crashes=(OverflowError, ValueError))
    return tally
