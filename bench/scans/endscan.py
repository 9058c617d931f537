"""End singularities near the edge of integrability on [0, 1]: convergent ones answered honestly, divergent ones refused.

``python bench/scans/endscan.py SEED N``. Each draw, at tol = 10**U(-12, -4), is one of

- convergent, p in [0.85, 0.99] (slow: a halving shrinks the sums' distance from the
  integral by 2**(p - 1) only):
  ``(x - c) x**-p`` and ``(x - c)(1 - x)**-p`` with c within 10**U(-6, 0) (relative) of
  the c whose integral is 0, so that the two terms nearly cancel, and ``(log x + c) x**-p``
  with c near its cancelling 1/(1 - p) half the time, else c in [0.2, 3];
- divergent, p in [1, 2.5]: ``x**-p``, ``(x - c) x**-p``, ``(log x + c) x**-p``,
  ``(x - c)(1 - x)**-p`` with c in [0, 1] (c in [0.2, 3] for the log).

The convergent ones go through `_tally.Scan` (exact values from closed forms in mpmath at
40 digits: the cancellation leaves few digits to a float formula); a divergent one is
printed as ACCEPTED-DIVERGENT if answered with converged=True, as NOT-CALLED-DIVERGENT
if refused without "diverges" in its message. The last three lines: the divergent
counts (accepted, refused as "probably diverges", refused otherwise; median and largest
evaluations of the refusals), the median evaluations of the convergent calls, and
Scan's counts of the convergent ones.
"""

import math
import statistics

import mpmath
from _tally import Scan

import calcweb as cw

mpmath.mp.dps = 40
M = mpmath.mpf

scan = Scan(show_refused=True)
nfevs: list[int] = []
divergent = {"accepted": 0, "diverges": 0, "refused otherwise": 0}
divergent_nfevs: list[int] = []


def counted(f, tol):
    result = cw.integrate(f, 0.0, 1.0, tol=tol, full_output=True)
    nfevs.append(result.nfev)
    return result


def near(rng, c):
    """c moved by a relative 10**U(-6, 0), up or down."""
    return c * (1 + rng.choice([-1, 1]) * 10 ** rng.uniform(-6, 0))


for rng in scan.draws():
    tol = 10 ** rng.uniform(-12, -4)
    kind = rng.choice(
        ["cancel", "log", "cancel-right", "div-power", "div-cancel", "div-log", "div-right"]
    )
    if not kind.startswith("div"):
        p = rng.uniform(0.85, 0.99)
        mp_p = M(p)
        if kind == "cancel":
            c = near(rng, (1 - p) / (2 - p))
            f = lambda x, p=p, c=c: (x - c) * x**-p
            exact = 1 / (2 - mp_p) - M(c) / (1 - mp_p)
            name = f"(x - {c!r}) x**-{p!r}"
        elif kind == "log":
            c = near(rng, 1 / (1 - p)) if rng.random() < 0.5 else rng.uniform(0.2, 3)
            f = lambda x, p=p, c=c: (math.log(x) + c) * x**-p
            exact = -1 / (1 - mp_p) ** 2 + M(c) / (1 - mp_p)
            name = f"(log x + {c!r}) x**-{p!r}"
        else:
            c = near(rng, 1 - (1 - p) / (2 - p))
            f = lambda x, p=p, c=c: (x - c) * (1 - x) ** -p
            exact = (1 - M(c)) / (1 - mp_p) - 1 / (2 - mp_p)
            name = f"(x - {c!r}) (1 - x)**-{p!r}"
        scan.ask(f"{name} tol={tol!r}", exact, counted, f, tol)
        continue
    p = rng.uniform(1.0, 2.5)
    if kind == "div-power":
        f = lambda x, p=p: x**-p
        name = f"x**-{p!r}"
    elif kind == "div-cancel":
        c = rng.uniform(0, 1)
        f = lambda x, p=p, c=c: (x - c) * x**-p
        name = f"(x - {c!r}) x**-{p!r}"
    elif kind == "div-log":
        c = rng.uniform(0.2, 3)
        f = lambda x, p=p, c=c: (math.log(x) + c) * x**-p
        name = f"(log x + {c!r}) x**-{p!r}"
    else:
        c = rng.uniform(0, 1)
        f = lambda x, p=p, c=c: (x - c) * (1 - x) ** -p
        name = f"(x - {c!r}) (1 - x)**-{p!r}"
    try:
        result = cw.integrate(f, 0.0, 1.0, tol=tol, full_output=True)
        converged, message, nfev = result.converged, result.message, result.nfev
    except cw.CalcwebError as error:
        converged, message, nfev = False, str(error), -1
    if converged:
        divergent["accepted"] += 1
        print(f"ACCEPTED-DIVERGENT {name} tol={tol!r} value={result.value!r} nfev={nfev}")
        continue
    if "diverges" in message:
        divergent["diverges"] += 1
    else:
        divergent["refused otherwise"] += 1
        print(f"NOT-CALLED-DIVERGENT {name} tol={tol!r} nfev={nfev} {message[:90]}")
    if nfev >= 0:
        divergent_nfevs.append(nfev)
median = statistics.median(divergent_nfevs) if divergent_nfevs else math.nan
print(f"divergent: {divergent}, median nfev {median:g}, max {max(divergent_nfevs, default=0)}")
print(f"convergent: median nfev {statistics.median(nfevs) if nfevs else math.nan:g}")
scan.report()
