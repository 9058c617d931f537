"""Bertrand integrals: 1/(x |log x|**p), whose tails fall only as a power of log x.

``python bench/scans/bertrand.py [P ...]`` (default: every p below). A grid, not random
draws (OUTSIDER, session 17, int7b.py): p in 1.1, 1.25, 1.5, 2, 2.5, 3, 4; the intervals
[2, inf), [e, inf), [10, inf) of 1/(x log(x)**p) and their mirror images [0, 1/2],
[0, 1/10] of 1/(x |log x|**p); tol 1e-2, 1e-3, 1e-4, 1e-6; 140 calls with
full_output=True against the closed form log(a)**(1 - p)/(p - 1) (mpmath, 30 digits).
Part of each integral lies beyond the largest float (or below the smallest positive
one at 0), where f cannot be sampled: about 5 of 10.37 for p = 1.1 on [2, inf).

Each call prints one line: ``conv ok``, ``conv LIE``, ``unconv ok`` or ``unconv LIE``
(LIE: the true error above twice the reported one, converged or not), then p, a, b,
tol, value, error, the exact value, true error / reported error, nfev; a refusal
(CalcwebError) prints ``raised``. The last lines: the counts, and the median and
total evaluations of the answered calls. Each call takes up to about 21,000
evaluations (416,260 in all): the whole grid took 23 s in session 19, at nice on
two shared cores.
"""

import collections
import math
import statistics
import sys

import mpmath

import calcweb as cw

mpmath.mp.dps = 30
P_VALUES = [float(arg) for arg in sys.argv[1:]] or [1.1, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0]
INTERVALS = [(2.0, math.inf), (math.e, math.inf), (10.0, math.inf), (0.0, 0.5), (0.0, 0.1)]
TOLS = [1e-2, 1e-3, 1e-4, 1e-6]

counts: collections.Counter[str] = collections.Counter()
nfevs: list[int] = []
for p in P_VALUES:
    for a, b in INTERVALS:
        if b == math.inf:
            f = lambda x, p=p: 1 / (x * math.log(x) ** p)
            end = mpmath.mpf(a)
        else:
            f = lambda x, p=p: 1 / (x * abs(math.log(x)) ** p)
            end = 1 / mpmath.mpf(b)
        exact = mpmath.log(end) ** (1 - mpmath.mpf(p)) / (p - 1)
        for tol in TOLS:
            try:
                result = cw.integrate(f, a, b, tol=tol, full_output=True)
            except cw.CalcwebError as error:
                counts["raised"] += 1
                print(f"raised {p} {a!r} {b!r} {tol} {type(error).__name__}: {str(error)[:120]}")
                continue
            nfevs.append(result.nfev)
            true_error = abs(mpmath.mpf(result.value) - exact)
            lie = true_error > 2 * result.error
            key = ("conv " if result.converged else "unconv ") + ("LIE" if lie else "ok")
            counts[key] += 1
            ratio = float(true_error / result.error) if result.error else math.inf
            print(
                f"{key} {p} {a!r} {b!r} {tol} {result.value!r} {result.error!r} "
                f"{float(exact)!r} {ratio:.3g} {result.nfev}",
                flush=True,
            )
print(dict(counts))
if nfevs:
    print(f"nfev: median {statistics.median(nfevs)}, total {sum(nfevs)}")
