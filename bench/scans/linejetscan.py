"""jetscalescan's grid and draws through grad and hessian: plain jets on a line (mpmath oracle).

``PYTHONPATH=. python bench/scans/linejetscan.py SEED N [METHOD]`` (METHOD "auto" or "ad").

A line of `calcweb.multivariate` scales ``t`` to the coordinates' size (``t = 1`` moves
``p[0] = 20`` by 16), so its plain jets' answers are judged on that scale (`_scale_of_f`'s
``unit``). Each function ``g`` of jetscalescan (its grid, at ``x`` in ``+-{0.5, 2, 5, 10,
20, 30, 40, 60, 100}``, and its quotient draws ``g((t - c)/s)`` at ``|x| > 1``) is asked as

- ``grad``: ``g(p[0])`` at ``[x]`` (the first derivative, on the coordinate's own line);
- ``hessian``: ``g(p[0])`` at ``[x]`` (H[0][0]) and ``g(p[0] + p[1])`` at ``[x - 0.375,
  0.375]`` (each entry is ``g''(x)``: the diagonal's lines and the mixed line ``e_0 + e_1``).

A plain answer is RIGHT with a correct digit (or exact); else, in the grid, ZERO where off
by at most 1e-12 of ``n! |g(x)|`` (g varies on 1), WRONG beyond; in the draws, a LIE where
off by more than 1e-12 of ``n! 0.5 / max(1, |x|, s)**n``; REFUSED where calcweb raises.
Prints each non-right case and the counts.
"""

import collections
import math
import random
import sys

import mpmath
from jetscalescan import GRID, QUOTIENTS

import calcweb as cw

SHIFT = 0.375  # p[1] of the mixed case: p[0] + p[1] = x, exact


def answers(g, x, method):
    """(what, n, value or None): the plain calls' entries for g at x."""
    out = []
    try:
        out.append(("grad", 1, cw.grad(lambda p: g(p[0]), method=method)([x])[0]))
    except cw.CalcwebError:
        out.append(("grad", 1, None))
    try:
        out.append(("H one", 2, cw.hessian(lambda p: g(p[0]), method=method)([x])[0][0]))
    except cw.CalcwebError:
        out.append(("H one", 2, None))
    try:
        h = cw.hessian(lambda p: g(p[0] + p[1]), method=method)([x - SHIFT, SHIFT])
        out += [("H sum diag", 2, h[0][0]), ("H sum diag", 2, h[1][1]), ("H sum mixed", 2, h[0][1])]
    except cw.CalcwebError:
        out += [("H sum", 2, None)]
    return out


def grid(method):
    counts = collections.Counter()
    for name, (f, g) in GRID.items():
        for a in (0.5, 2, 5, 10, 20, 30, 40, 60, 100):
            for x in (float(a), -float(a)):
                with mpmath.workdps(60):
                    size = abs(float(g(mpmath.mpf(x))))
                    trues = {n: float(mpmath.diff(g, mpmath.mpf(x), n)) for n in (1, 2)}
                for what, n, value in answers(f, x, method):
                    true = trues[n]
                    if value is None:
                        verdict = "REFUSED"
                    elif value == true or abs(value - true) < abs(true):
                        verdict = "RIGHT"
                    elif abs(value - true) <= 1e-12 * math.factorial(n) * size:
                        verdict = "ZERO"
                    else:
                        verdict = "WRONG"
                    counts[verdict] += 1
                    if verdict != "RIGHT":
                        print(f"{verdict} grid {what} {name} x={x} n={n} {value!r} true={true:.6g}")
    print("grid", method, dict(counts))


def draws(seed, number, method):
    rng = random.Random(seed)  # noqa: S311  (seeded draws)
    counts = collections.Counter()
    for i in range(number):
        name, g_cw, g_mp = QUOTIENTS[i % len(QUOTIENTS)]
        c = rng.choice([-1, 1]) * 10 ** rng.uniform(0.3, 2.5)
        s = 10 ** rng.uniform(0, 4) if rng.random() < 0.5 else 1.0
        x = c + rng.choice([-1, 1]) * 10 ** rng.uniform(-8, -1) * s
        with mpmath.workdps(80):
            cm, sm = mpmath.mpf(c), mpmath.mpf(s)
            moved = lambda t, c=cm, s=sm, g=g_mp: g((t - c) / s)
            trues = {n: float(mpmath.diff(moved, mpmath.mpf(x), n)) for n in (1, 2)}
        for what, n, value in answers(lambda t, c=c, s=s, g=g_cw: g((t - c) / s), x, method):
            true = trues[n]
            scale = math.factorial(n) * 0.5 / max(1.0, abs(x), s) ** n  # |g| >= 0.5 near u = 0
            if value is None:
                verdict = "REFUSED"
            elif (
                value == true or abs(value - true) < abs(true) or abs(value - true) <= 1e-12 * scale
            ):
                verdict = "RIGHT"
            else:
                verdict = "LIE"
                print(f"LIE {what} {name} c={c!r} s={s!r} x={x!r} n={n} {value!r} true={true:.6g}")
            counts[verdict] += 1
    print("draws", seed, method, dict(counts))


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    number = int(sys.argv[2]) if len(sys.argv) > 2 else 150
    method = sys.argv[3] if len(sys.argv) > 3 else "auto"
    grid(method)
    draws(seed, number, method)


main()
