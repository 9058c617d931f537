"""Integrable singularities inside a finite interval: answered honestly, at what cost next to quad.

``python bench/scans/intsingscan.py SEED N``. Each draw integrates, over ``[a, b]`` with
``a`` in [-3, 1] and ``b - a`` = 10**U(-1, 1.3), at tol = 10**U(-12, -4) (the default 1e-10
a quarter of the time), one of

- ``|x - c|**-p s(x)``, p in [0.1, 0.9];
- ``(l if x < c else r) |x - c|**-p s(x) + t(x)``, the two sides' sizes l, r in [-2, 2];
- ``log|x - c| s(x) + t(x)``;

with s a smooth factor (1, cos x, exp(-x/2), 1 + x**2, 2 + sin 3x) and t a smooth term
(0, sin x, x**2); c = a + (b - a) U(0.02, 0.98), or one time in ten within
(b - a) 10**U(-14, -4) of the midpoint (next to the first panel's centre node). Exact
values: mpmath.quad (30 digits) on each side of c, with x = c -+ u**k taking the
singularity out (`exact`). Through `_tally.Scan`; then the median and 90th percentile of
calcweb's evaluations over quad's (``scipy.integrate.quad``, epsabs = epsrel = tol, its
default limit 50) on the draws calcweb answered, and quad's own answers (ier 0) and the
dishonest ones among them (true error above twice its estimate).
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
    tol = 1e-10 if rng.random() < 0.25 else 10 ** rng.uniform(-12, -4)
    s_name, s, s_mp = rng.choice(FACTORS)
    t_name, t, t_mp = rng.choice(TERMS)
    kind = rng.choice(["power", "sides", "log"])
    p = rng.uniform(0.1, 0.9)
    if kind == "power":
        t_name, t, t_mp = TERMS[0]
        name = f"|x - {c!r}|**-{p!r} {s_name}"
        f = lambda x, c=c, p=p, s=s: abs(x - c) ** -p * s(x)
        f_mp = lambda x, d, _side, p=p, s=s_mp: d ** -M(p) * s(x)
    elif kind == "sides":
        left, right = rng.uniform(-2, 2), rng.uniform(-2, 2)
        name = f"({left!r} if x < {c!r} else {right!r}) |x - c|**-{p!r} {s_name}{t_name}"
        f = lambda x, c=c, p=p, s=s, t=t, left=left, right=right: (
            (left if x < c else right) * abs(x - c) ** -p * s(x) + t(x)
        )
        f_mp = lambda x, d, side, p=p, s=s_mp, t=t_mp, left=left, right=right: (
            (left if side < 0 else right) * d ** -M(p) * s(x) + t(x)
        )
    else:
        name = f"log|x - {c!r}| {s_name}{t_name}"
        f = lambda x, c=c, s=s, t=t: math.log(abs(x - c)) * s(x) + t(x)
        f_mp = lambda x, d, _side, s=s_mp, t=t_mp: mpmath.log(d) * s(x) + t(x)
    true = exact(f_mp, a, c, b, 1 / (1 - p) if kind != "log" else 3)
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
