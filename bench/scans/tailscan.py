"""Staircase tails: derivatives (n = 1..5) of c(t) * g(t) far in g's tail, at random points (mpmath oracle).

g is rounded to a grid that is a sizeable fraction of f there: 1 + erf(t) rounds to 2**-53
(the spacing of the floats just below 1, half ulp(1)) where it is about 1e-15, so f = c(t) * (1 + erf(t)) is a staircase of stairs a few % of f,
each a smooth c(t) times a constant. A window of steps that rests on one stair sees a smooth
function (c t) and no noise; one that spans many sees the stairs. Drawn: gelu
0.5 t (1 + erf(t / sqrt 2)), 1 + erf t, t**2 (1 + erf t), silu t / (1 + exp(-t)) and
t (1 - tanh t), each in its tail. Session 14's scan (DER14) with the same draws.

Where ``1 + erf`` rounds to 0 at every point sampled, ``f`` returned one value
(0) everywhere: 0 is then the only answer any sample supports (a constant's
derivative is 0), and a wrong answer there is counted as "constant", not as
dishonest (as in ``bench.honesty``'s ``derivative`` search).
"""

import math
import random
import sys

import mpmath

import calcweb as cw

mpmath.mp.dps = 80
M = mpmath
FS = [
    (
        "gelu",
        lambda t: 0.5 * t * (1 + math.erf(t / math.sqrt(2))),
        lambda t: 0.5 * t * (1 + M.erf(t / M.sqrt(2))),
    ),
    ("erfc_as_1p", lambda t: 1 + math.erf(t), lambda t: 1 + M.erf(t)),
    ("t2_1perf", lambda t: t * t * (1 + math.erf(t)), lambda t: t * t * (1 + M.erf(t))),
    ("silu_tail", lambda t: t / (1 + math.exp(-t)), lambda t: t / (1 + M.exp(-t))),
    ("exp_1m_tanh", lambda t: t * (1 - math.tanh(t)), lambda t: t * (1 - M.tanh(t))),
]
rng = random.Random(int(sys.argv[1]))  # noqa: S311  (seeded draws, not cryptography)
N = int(sys.argv[2])
counts = {"ok": 0, "refused": 0, "dishonest": 0, "constant": 0}
nfev = 0
for _ in range(N):
    name, f, F = rng.choice(FS)
    n = rng.randint(1, 5)
    x = rng.uniform(2, 18) if name == "exp_1m_tanh" else -rng.uniform(2, 9)
    if name == "silu_tail":
        x = -rng.uniform(5, 40)
    true = float(M.diff(F, M.mpf(x), n))
    seen = set()

    def watched(t, f=f, seen=seen):
        value = f(t)
        seen.add(value)
        return value

    try:
        res = cw.derivative(watched, x, n, full_output=True)
    except cw.CalcwebError:
        counts["refused"] += 1
        continue
    nfev += res.nfev
    if abs(res.value - true) > 2 * res.error and len(seen) == 1:
        counts["constant"] += 1
    elif abs(res.value - true) > 2 * res.error:
        counts["dishonest"] += 1
        print(
            f"DISHONEST {name} n={n} x={x!r} value={res.value!r} err={res.error:.3g} true={true!r} "
            f"ratio={abs(res.value - true) / max(res.error, 1e-300):.3g} nfev={res.nfev}",
            flush=True,
        )
    else:
        counts["ok"] += 1
print(counts, "nfev", nfev)
