"""Limits at finite x0 of c + a g(h), h = |x - x0|/(2 max(1, |x0|)), g a slow term (exact values in closed form).

``python bench/scans/slowscan.py SEED N`` draws N cases: g among 12 slow terms
(``log(-log h)``, ``1/log h``, ``1/log(-log h)``, ``log(-log h)/log h``,
``sqrt(-log h)``, ``h**p`` for p = 0.01, 0.02, 0.05, 0.08, 0.1, 0.25,
``1/log(h)**2``), a among 1e-12, 1e-10, 1e-7, 1e-4, -3e-8, c 0 or 1, a side,
and x0 = +-10**U(-2, 11) (rounded to 3 significant digits). ``python
bench/scans/slowscan.py grid [X0,X0,...]`` asks every g, a, c and side at each
x0 (default 1, 3, -2, 1e10, 0.3: 1200 calls; LIM17's held-out list is
7,-0.6,1e5,0.0025,-40). The limit is c + a g(0+): c where g tends to 0, an
infinity where it grows (``log(-log h)``, ``sqrt(-log h)``). Such terms change
f by a few ulps or less each time h halves, so they test what `limit` makes of
steps that shrink slowly or not at all.
"""

import functools
import math
import sys

from _tally import Scan

import calcweb as cw

L = math.log
G = [
    ("log(-log h)", lambda h: L(-L(h)), math.inf),
    ("1/log h", lambda h: 1 / L(h), 0.0),
    ("1/log(-log h)", lambda h: 1 / L(-L(h)), 0.0),
    ("log(-log h)/log h", lambda h: L(-L(h)) / L(h), 0.0),
    ("sqrt(-log h)", lambda h: math.sqrt(-L(h)), math.inf),
    *((f"h**{p}", functools.partial(pow, exp=p), 0.0) for p in (0.01, 0.02, 0.05, 0.08, 0.1, 0.25)),
    ("1/log(h)**2", lambda h: 1 / L(h) ** 2, 0.0),
]
A = [1e-12, 1e-10, 1e-7, 1e-4, -3e-8]
C = [0.0, 1.0]


def ask(scan: Scan, gname: str, a: float, c: float, x0: float, *, side: str) -> None:
    """Ask limit(c + a g(h), x0, side) and count it against c + a g(0+)."""
    g, g0 = next((g, g0) for name, g, g0 in G if name == gname)
    s = 2.0 * max(1.0, abs(x0))
    exact = c + (a * g0 if g0 == 0.0 else math.copysign(math.inf, a))
    if math.isinf(exact):  # no float holds it: count a refusal or an infinite answer by hand
        try:
            r = cw.limit(lambda x: c + a * g(abs(x - x0) / s), x0, side=side, full_output=True)
        except cw.CalcwebError:
            scan.counts["refused"] += 1
            return
        key = "ok" if r.value == exact or not r.converged else "dishonest"
        scan.counts["refused" if not r.converged else key] += 1
        if key == "dishonest":
            print(f"DISHONEST {gname} a={a} c={c} x0={x0!r} {side} value={r.value!r} true={exact}")
        return
    label = f"{gname} a={a} c={c} x0={x0!r} {side}"
    scan.ask(
        label,
        exact,
        cw.limit,
        lambda x: c + a * g(abs(x - x0) / s),
        x0,
        side=side,
        full_output=True,
    )


if len(sys.argv) > 1 and sys.argv[1] == "grid":
    X0 = [float(v) for v in (sys.argv[2] if len(sys.argv) > 2 else "1,3,-2,1e10,0.3").split(",")]
    sys.argv[1:] = ["0", "0"]
    scan = Scan()
    for gname, _, _ in G:
        for a in A:
            for c in C:
                for x0 in X0:
                    for side in ("left", "right"):
                        ask(scan, gname, a, c, x0, side=side)
else:
    scan = Scan()
    for rng in scan.draws():
        gname = rng.choice(G)[0]
        a, c = rng.choice(A), rng.choice(C)
        x0 = float(f"{rng.choice([-1, 1]) * 10 ** rng.uniform(-2, 11):.3g}")
        ask(scan, gname, a, c, x0, side=rng.choice(["left", "right"]))
scan.report()
