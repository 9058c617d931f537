"""Integrable singularities between two floats: answered honestly, or refused.

``python bench/scans/intbetweenscan.py SEED N``. The draws of `intsingscan` (session 28),
with the singular point ``c`` no float: ``c = h + l``, h a float and ``l`` a part of its ulp
in (-1/2, 1/2) (|l| at least 1/20 of it), written ``(x - h) - l`` in f (exact next to c),
so f is finite at every float. Before session 31 such a point, which no float fails at, was
refused (the search for it reached neighbouring floats, f finite at each); now the
interval is split at the float the search closed in on (INTSING2). Exact values: mpmath
at 30 digits with ``c = h + l``, x = c -+ u**k on each side. Prints as intsingscan does.
"""

import math

import mpmath
from _quad import QuadBeside
from _singular import FACTORS, TERMS, M, exact, forgiving
from _tally import Scan

scan = Scan(show_refused=True, median_calls=True)
beside = QuadBeside()

for rng in scan.draws():
    a = rng.uniform(-3, 1)
    b = a + 10 ** rng.uniform(-1, 1.3)
    if rng.random() < 0.1:  # next to the first panel's centre node
        c = 0.5 * a + 0.5 * b + rng.choice([-1, 1]) * (b - a) * 10 ** rng.uniform(-14, -4)
    else:
        c = a + (b - a) * rng.uniform(0.02, 0.98)
    low = math.ulp(c) * rng.choice([-1, 1]) * rng.uniform(0.05, 0.5)
    c_mp = M(c) + M(low)  # the point itself, between c and its neighbour
    tol = 1e-10 if rng.random() < 0.25 else 10 ** rng.uniform(-12, -4)
    s_name, s, s_mp = rng.choice(FACTORS)
    t_name, t, t_mp = rng.choice(TERMS)
    kind = rng.choice(["power", "sides", "log"])
    p = rng.uniform(0.1, 0.9)
    if kind == "power":
        t_name, t, t_mp = TERMS[0]
        name = f"|(x - {c!r}) - {low!r}|**-{p!r} {s_name}"
        f = lambda x, c=c, low=low, p=p, s=s: abs((x - c) - low) ** -p * s(x)
        f_mp = lambda x, d, _side, p=p, s=s_mp: d ** -M(p) * s(x)
    elif kind == "sides":
        left, right = rng.uniform(-2, 2), rng.uniform(-2, 2)
        name = (
            f"({left!r} if x < c else {right!r}) |(x - {c!r}) - {low!r}|**-{p!r} {s_name}{t_name}"
        )
        f = lambda x, c=c, low=low, p=p, s=s, t=t, left=left, right=right: (
            (left if (x - c) - low < 0 else right) * abs((x - c) - low) ** -p * s(x) + t(x)
        )
        f_mp = lambda x, d, side, p=p, s=s_mp, t=t_mp, left=left, right=right: (
            (left if side < 0 else right) * d ** -M(p) * s(x) + t(x)
        )
    else:
        name = f"log|(x - {c!r}) - {low!r}| {s_name}{t_name}"
        f = lambda x, c=c, low=low, s=s, t=t: math.log(abs((x - c) - low)) * s(x) + t(x)
        f_mp = lambda x, d, _side, s=s_mp, t=t_mp: mpmath.log(d) * s(x) + t(x)
    true = exact(f_mp, a, c_mp, b, 1 / (1 - p) if kind != "log" else 3)
    scan.ask(
        f"{name} on [{a!r}, {b!r}] tol={tol!r}",
        true,
        beside.compared,
        f,
        a,
        b,
        tol,
        true,
        for_quad=forgiving(f),
    )

beside.report()
scan.report()
