"""Hessians of sin/cos/exp/log/atan of sums and products at large coordinates, 1e6..1e15 (mpmath oracle).

f(p) = g(u(p)) with u a sum a.p, a product p_0 p_1 (scaled) or p_0 + b p_1**2, of 2 or 3
coordinates (the last one is sometimes O(1)), written with math, so that `calcweb.hessian`
takes the numerical path: each diagonal entry a second derivative along one coordinate,
each off-diagonal one a polarised second derivative along e_i + e_j. Each entry's error is
the one ``hessian(f, full_output=True)`` reports (an `ArrayResult`). An entry is DISHONEST
when its true error exceeds twice that plus 4 ulp, SILENT when it is
further than 1e-6 of the largest exact entry from its value (returned with no warning).
A hessian is counted once: refused, dishonest (some entry), silent (some entry, all
honest) or ok; each is printed with its verdict (a refusal with its reason), and every
dishonest or silent entry. ``PYTHONPATH=. python bench/scans/hessscan.py SEED N [--full]
[--jets]``.

``--full``: ``grad(f, full_output=True)`` is checked the same way (its entries against
mpmath's first partials, as ``grad[i]``), and a full value that differs from the plain
call's is printed as DIFFERS and counted. ``--jets``: f is written with calcweb's functions
(sin, cos, exp, log, atan, abs), so that "auto" takes jets where f accepts them.
"""

import math
import random
import sys

import mpmath

import calcweb as cw

mpmath.mp.dps = 60
M = mpmath
G = {
    "sin": (math.sin, M.sin),
    "cos": (math.cos, M.cos),
    "exp": (math.exp, M.exp),
    "log": (math.log, M.log),
    "atan": (math.atan, M.atan),
}
ABS = abs  # log's |u| in f


def draw(rng):
    """A name, f on floats, f on mpmath numbers (one argument per coordinate) and the point."""
    name = rng.choice(list(G))
    g, g_mp = G[name]
    d = rng.choice([2, 2, 3])
    x = [rng.choice([-1, 1]) * 10 ** rng.uniform(6, 15) for _ in range(d)]
    if rng.random() < 0.3:
        x[-1] = rng.uniform(-2, 2)  # one coordinate of order 1
    a = [round(rng.uniform(0.5, 2.0), 3) * rng.choice([-1, 1]) for _ in range(d)]
    kind = rng.choice(["sum", "product", "square"])
    if kind == "sum":
        size = abs(sum(ai * xi for ai, xi in zip(a, x, strict=True)))

        def u(p):
            return sum(ai * pi for ai, pi in zip(a, p, strict=True))
    elif kind == "product":
        size = abs(x[0] * x[1]) or 1.0

        def u(p):
            return p[0] * p[1] / 1e9

        size /= 1e9
    else:
        b = a[1] * 1e-6

        def u(p):
            return p[0] + b * p[1] * p[1]

        size = abs(x[0] + b * x[1] * x[1])
    # exp and atan of a moderate argument, log of a positive one; sin and cos as they come
    scale = 10.0 ** round(math.log10(size)) if size else 1.0
    if name in ("exp", "atan"):

        def f(p, u=u, g=g, scale=scale):
            return g(u(p) / scale)

        def f_mp(*p, u=u, g_mp=g_mp, scale=scale):
            return g_mp(u(p) / scale)
    elif name == "log":

        def f(p, u=u, g=g):
            return g(ABS(u(p)))

        def f_mp(*p, u=u, g_mp=g_mp):
            return g_mp(abs(u(p)))
    else:

        def f(p, u=u, g=g):
            return g(u(p))

        def f_mp(*p, u=u, g_mp=g_mp):
            return g_mp(u(p))

    return f"{name}({kind} u, a={a}, scale={scale:g}) at x={x!r}", f, f_mp, x


FULL = "--full" in sys.argv[3:]
if "--jets" in sys.argv[3:]:  # the same draws, f written with calcweb's functions
    G = {name: (getattr(cw, name), g_mp) for name, (_g, g_mp) in G.items()}
    ABS = cw.abs  # log's |u|, on jets too


def check_grad(case, f, f_mp, x, entries):
    """grad(f, full_output=True) at x against mpmath's partials: the verdict of its entries."""
    d = len(x)
    with mpmath.workdps(60):
        exact = [
            M.diff(f_mp, [M.mpf(xi) for xi in x], [k == i for k in range(d)]) for i in range(d)
        ]
    try:
        g = cw.grad(f, full_output=True)(x)
    except cw.CalcwebError as error:
        print(f"REFUSED grad {case}: {str(error)[:90]}")
        return "refused"
    verdict = "ok"
    for i in range(d):
        true = abs(M.mpf(g.value[i]) - exact[i])
        if true <= 2 * g.error[i] + 4 * math.ulp(float(exact[i])):
            entries["ok"] += 1
            continue
        entries["dishonest"] += 1
        verdict = "dishonest"
        print(
            f"DISHONEST grad[{i}] {case} value={g.value[i]!r} err={g.error[i]:.3g} "
            f"true={float(exact[i])!r}"
        )
    if g.value != cw.grad(f)(x):
        print(f"DIFFERS grad {case}: {g.value!r} != {cw.grad(f)(x)!r}")
        verdict = "differs"
    return verdict


rng = random.Random(int(sys.argv[1]))  # noqa: S311  (seeded draws, not cryptography)
n = int(sys.argv[2])
grads = {"ok": 0, "refused": 0, "dishonest": 0, "differs": 0}
grad_entries = {"ok": 0, "dishonest": 0}
differs = 0
counts = {"ok": 0, "refused": 0, "dishonest": 0, "silent": 0, "skip": 0}
entries = {"ok": 0, "dishonest": 0, "silent": 0}
nfev = 0
for _ in range(n):
    case, f, f_mp, x = draw(rng)
    d = len(x)
    try:
        f(x)
        with mpmath.workdps(60):
            exact = [
                [
                    M.diff(f_mp, [M.mpf(xi) for xi in x], [(k == i) + (k == j) for k in range(d)])
                    for j in range(d)
                ]
                for i in range(d)
            ]
    except (ValueError, OverflowError, ZeroDivisionError):
        counts["skip"] += 1
        continue
    big = max(abs(e) for row in exact for e in row)
    if not big or not M.isfinite(big) or big > 1e300:
        counts["skip"] += 1
        continue
    if FULL:
        grads[check_grad(case, f, f_mp, x, grad_entries)] += 1
    try:
        full = cw.hessian(f, full_output=True)(x)
        H = full.value
    except cw.CalcwebError as error:
        counts["refused"] += 1
        print(f"REFUSED {case}: {str(error)[:90]}")
        continue
    # the entries' errors as hessian reports them, its calls once (on the diagonal)
    implied = {
        (i, j): (H[i][j], full.error[i][j], full.nfev if i == j == 0 else 0)
        for i in range(d)
        for j in range(i, d)
    }
    if FULL and cw.hessian(f)(x) != H:
        differs += 1
        print(f"DIFFERS {case}: {H!r} != {cw.hessian(f)(x)!r}")
    verdict = "ok"
    for i in range(d):
        for j in range(i, d):
            _value, error, calls = implied[i, j]
            nfev += calls
            true = abs(M.mpf(H[i][j]) - exact[i][j])
            if true > 2 * error + 4 * math.ulp(float(exact[i][j])):
                entries["dishonest"] += 1
                verdict = "dishonest"
                print(
                    f"DISHONEST H[{i}][{j}] {case} value={H[i][j]!r} err={error:.3g} "
                    f"true={float(exact[i][j])!r} ratio={float(true / error) if error else math.inf:.3g}"
                )
            elif true > 1e-6 * big:
                entries["silent"] += 1
                if verdict == "ok":
                    verdict = "silent"
                print(
                    f"SILENT H[{i}][{j}] {case} value={H[i][j]!r} err={error:.3g} "
                    f"true={float(exact[i][j])!r} rel={float(true / big):.3g}"
                )
            else:
                entries["ok"] += 1
    counts[verdict] += 1
    print(f"{verdict.upper()} {case}")
print(counts, "entries", entries, "nfev", nfev)
if FULL:
    print("grad", grads, "entries", grad_entries, "hessians differing from plain", differs)
