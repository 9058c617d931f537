"""Integrable singularities inside an infinite interval: answered honestly, or refused.

``python bench/scans/intinfscan.py SEED N``. Each draw integrates, over ``[a, inf)``
(``a`` in [-2, 1]), ``(-inf, b]`` (``b`` in [-1, 2]) or the whole line, at tol =
10**U(-12, -6) (the default 1e-10 a quarter of the time), ``|x - c|**-p s(x)`` (p in
[0.1, 0.9]) or ``log|x - c| s(x)``, with s a decaying factor (``exp(-|x - e|)`` for the
finite end e, ``exp(-x*x)``, ``1/(1 + x*x)``; on the whole line the last two) and c
within 10**U(-1.5, 0.7) of the finite end (on the whole line c = U(-3, 3)). The
search for c runs in the map's variable t, whose floats need not map onto c
(INTINF, session 30). Exact values: mpmath.quad (30 digits) on each side of c with
x = c -+ u**k taking the singularity out. Prints as `_tally.Scan` does, refusals
too, with the median calls.
"""

import math

import mpmath
from _tally import Scan

import calcweb as cw

mpmath.mp.dps = 30
M = mpmath.mpf

scan = Scan(show_refused=True, median_calls=True)


def exact(f_mp, a, c, b, k):
    """The integral of f_mp over [a, b] (ends may be infinite), each side of c by x = c -+ u**k."""
    c, k = M(c), M(k)
    total = M(0)
    for end, sign in ((a, -1), (b, 1)):
        reach = [1, mpmath.inf] if math.isinf(end) else [abs(M(end) - c) ** (1 / k)]
        total += mpmath.quad(
            lambda u, sign=sign: f_mp(c + sign * u**k, u**k) * k * u ** (k - 1), [0, *reach]
        )
    return total


for rng in scan.draws():
    shape = rng.choice(["right", "left", "line"])
    tol = 1e-10 if rng.random() < 0.25 else 10 ** rng.uniform(-12, -6)
    p = rng.uniform(0.1, 0.9)
    if shape == "line":
        a, b, c = -math.inf, math.inf, rng.uniform(-3, 3)
        factors = ["exp(-x*x)", "1/(1 + x*x)"]
        e = 0.0
    else:
        e = rng.uniform(-2, 1) if shape == "right" else rng.uniform(-1, 2)
        gap = 10 ** rng.uniform(-1.5, 0.7)
        a, b, c = (e, math.inf, e + gap) if shape == "right" else (-math.inf, e, e - gap)
        factors = ["exp(-|x - e|)", "exp(-x*x)", "1/(1 + x*x)"]
    s_name = rng.choice(factors)
    if s_name == "exp(-x*x)":
        s, s_mp = (lambda x: math.exp(-x * x)), (lambda x: mpmath.exp(-x * x))
    elif s_name == "1/(1 + x*x)":
        s, s_mp = (lambda x: 1 / (1 + x * x)), (lambda x: 1 / (1 + x * x))
    else:
        s = lambda x, e=e: math.exp(-abs(x - e))
        s_mp = lambda x, e=e: mpmath.exp(-abs(x - M(e)))
    if rng.random() < 0.75:
        name = f"|x - {c!r}|**-{p!r} {s_name}"
        f = lambda x, c=c, p=p, s=s: abs(x - c) ** -p * s(x)
        f_mp = lambda x, d, p=p, s=s_mp: d ** -M(p) * s(x)
        k = 1 / (1 - p)
    else:
        name = f"log|x - {c!r}| {s_name}"
        f = lambda x, c=c, s=s: math.log(abs(x - c)) * s(x)
        f_mp = lambda x, d, s=s_mp: mpmath.log(d) * s(x)
        k = 3
    true = exact(f_mp, a, c, b, k)
    label = f"{name} e={e!r} on [{a!r}, {b!r}] tol={tol!r}"
    scan.ask(label, true, cw.integrate, f, a, b, tol=tol, full_output=True)

scan.report()
