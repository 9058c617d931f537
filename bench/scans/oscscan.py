"""End singularities on [0, 1] under a large regular oscillation: divergent ones must be refused, convergent ones answered honestly.

``python bench/scans/oscscan.py SEED N [--calls]``. Each draw is g(x) + M cos(2 pi k x) with
M = 10**U(0, 6), k = 1..3 and tol = 10**U(-12, -4), where g is one of
x**-p, (x - c) x**-p, (log x + c)/x**p, (x - c)(1 - x)**-p with p in [1, 2]
(not integrable at an end: the cosine adds 0, so the integral diverges) or
x**-p, (x - c) x**-p with p in [0, 0.99], log(x) x**q with q in [-0.95, 1]
(integrable, closed form). A large M makes the sums small next to the
integral of |f| (QUADPACK's escape from its divergence test), and the chain's
sums approach the finite part of a divergent integral before they leave it.
Prints ACCEPTED-DIVERGENT for a divergent integral answered with
converged=True, REFUSED for a convergent one refused, LIE for a convergent
one whose true error is above twice the reported error, CALL (value and
evaluations of every call, with --calls, to compare two versions call by
call), and the counts. Sessions 14-15 ran it (INT6's osc.py; the draws are
the same). It needs no mpmath: every exact value has a closed form.
"""

import math
import random
import sys

import calcweb as cw

rng = random.Random(int(sys.argv[1]))  # noqa: S311  (seeded draws, not cryptography)
N = int(sys.argv[2])
CALLS = "--calls" in sys.argv[3:]
T = {"div": 0, "div_acc": 0, "conv": 0, "conv_ref": 0, "conv_lie": 0, "nfev": 0}
for i in range(N):
    tol = 10 ** rng.uniform(-12, -4)
    m = 10 ** rng.uniform(0, 6)
    k = rng.randint(1, 3)
    w = lambda x, m=m, k=k: m * math.cos(2 * math.pi * k * x)
    kind = rng.randrange(7)
    exact: float | None = None  # None: divergent
    if kind == 0:
        p = rng.uniform(1.0, 2.0)
        g = lambda x, p=p: x**-p
        name = f"x^-{p}"
    elif kind == 1:
        p = rng.uniform(1.0, 2.0)
        c = rng.uniform(0, 1)
        g = lambda x, p=p, c=c: (x - c) * x**-p
        name = f"(x-{c})x^-{p}"
    elif kind == 2:
        p = rng.uniform(1.0, 2.0)
        c = rng.uniform(0.2, 3)
        g = lambda x, p=p, c=c: (math.log(x) + c) / x**p
        name = f"(log x+{c})/x^{p}"
    elif kind == 3:
        p = rng.uniform(1.0, 2.0)
        c = rng.uniform(0, 1)
        g = lambda x, p=p, c=c: (x - c) * (1 - x) ** -p
        name = f"(x-{c})(1-x)^-{p}"
    elif kind == 4:
        p = rng.uniform(0.0, 0.99)
        g = lambda x, p=p: x**-p
        exact = 1 / (1 - p)
        name = f"x^-{p}"
    elif kind == 5:
        p = rng.uniform(0.0, 0.99)
        c = rng.uniform(0, 1)
        g = lambda x, p=p, c=c: (x - c) * x**-p
        exact = 1 / (2 - p) - c / (1 - p)
        name = f"(x-{c})x^-{p}"
    else:
        q = rng.uniform(-0.95, 1.0)
        g = lambda x, q=q: math.log(x) * x**q
        exact = -1 / (q + 1) ** 2
        name = f"log(x)x^{q}"
    f = lambda x, g=g, w=w: g(x) + w(x)
    try:
        r = cw.integrate(f, 0.0, 1.0, tol=tol, full_output=True)
        conv, val, err, nfev, msg = r.converged, r.value, r.error, r.nfev, r.message
    except Exception as e:  # a crash is counted as a refusal and printed
        conv, val, err, nfev, msg = False, math.nan, math.nan, 0, f"EXC {type(e).__name__}"
    T["nfev"] += nfev
    if exact is None:
        T["div"] += 1
        if conv:
            T["div_acc"] += 1
            print("ACCEPTED-DIVERGENT", i, name, m, k, tol, val, err, nfev)
    else:
        T["conv"] += 1
        if not conv:
            T["conv_ref"] += 1
            print("REFUSED", i, name, m, k, tol, val, err, nfev, msg[:80])
        elif abs(val - exact) > 2 * err:
            T["conv_lie"] += 1
            print("LIE", i, name, m, k, tol, val, exact, err, nfev)
    if CALLS:
        print("CALL", i, conv, repr(val), nfev)
print(T)
