"""Limits at +-inf of growths that saturate on a huge level L far out, and of growths that do not.

``min(t**p, L)``, ``L tanh((t/s)**p)`` and ``L (1 - exp(-(t/s)**p))``, ``t = |x|``,
tend to ``L``; ``t**p`` and ``L (t/s)**p`` to +inf (asked too: right only where
answered inf). ``p`` is drawn from 0.3 to 4, ``L`` from 1e100 to 1e300 (the
scans skip an exact value above 1e300) and ``s`` from 1e100 to 1e308, each
log-uniform: the level is met past the deepest step of the walk (|x| = 6.5e91),
often past where the law of the usual samples leaves the floats (LIMSAT,
session 30: ``min(x**2, 1e300)`` was answered inf). A level that ``f`` is still
1% short of at the largest float is skipped: ``f`` is its growth at every
float, and no sample can tell it from one. Design seeds 1-2, held out 3-5.
"""

import math
import sys

import mpmath
from _tally import Scan

import calcweb as cw

mpmath.mp.dps = 30
scan = Scan(show_refused=True, infinite=True, median_calls=True)
for rng in scan.draws():
    kind = rng.choice(["min", "tanh", "1-exp", "pow", "Lpow"])
    p = rng.uniform(0.3, 4.0)
    level = 10 ** rng.uniform(100, 300)
    s = 10 ** rng.uniform(100, 308)
    x0 = rng.choice([math.inf, -math.inf])
    fs = {
        "min": lambda x, p=p, level=level: min(abs(x) ** p, level),
        "tanh": lambda x, p=p, level=level, s=s: level * math.tanh((abs(x) / s) ** p),
        "1-exp": lambda x, p=p, level=level, s=s: -level * math.expm1(-((abs(x) / s) ** p)),
        "pow": lambda x, p=p: abs(x) ** p,
        "Lpow": lambda x, p=p, level=level, s=s: level * (abs(x) / s) ** p,
    }
    true = mpmath.inf if kind in ("pow", "Lpow") else mpmath.mpf(level)
    # The share of the level f reaches at the largest float (exactly, in mpmath).
    top, u = mpmath.mpf(sys.float_info.max), (mpmath.mpf(sys.float_info.max) / s) ** p
    reached = {"min": min(top**p / level, 1), "tanh": mpmath.tanh(u), "1-exp": -mpmath.expm1(-u)}
    if reached.get(kind, 1) < 0.99:
        scan.skip()  # f is its growth at every float: no sample can show the level
        continue
    label = f"{kind} p={p!r} L={level!r} s={s!r} x0={x0}"
    scan.ask(label, true, cw.limit, fs[kind], x0, full_output=True)
scan.report()
