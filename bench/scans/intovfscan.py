"""Integrals over infinite ranges of f written with ``math`` so that it overflows far out (mpmath oracle).

``python bench/scans/intovfscan.py SEED N`` (default 1 300). Each draw is one of
these integrands of u = (x - m)/s (shift m: 0, U(-10, 10) or U(-1000, 1000);
scale s = 10**U(-1, 1.5)), written as a student would, so that ``exp`` or
``expm1`` raises OverflowError from some x on:

* ``u/expm1(u)`` (1 at 0) on [a, inf);
* the logistic density ``1/(1 + exp(-u))/(1 + exp(u))`` and
  ``exp(-u)/(1 + exp(-u))**2`` on R, [a, inf) or (-inf, b];
* the logistic variance integrand ``u**2/(1 + exp(-u))/(1 + exp(u))`` on R;
* the sigmoid ``1/(1 + exp(-u))`` on (-inf, b];
* Fermi-Dirac ``u**k/(exp(u) + 1)`` (k in 0 .. 3) on [a, inf), a >= 0 in u;
* ``u**p/exp(c*u)`` (p in 0 .. 4, c = 10**U(-1, 1)) on [a, inf), a >= 0 in u,
  and mirrored, ``(-u)**p/exp(-c*u)`` on (-inf, b], b <= 0 in u.

The oracle is mpmath.quad of the same integrand (mpmath floats do not
overflow), split at the bulk of the mass. ``--show`` prints refusals too.
"""

import math
import sys

import mpmath
from _tally import Scan

import calcweb as cw

M = mpmath
M.mp.dps = 30
INF = math.inf


def _bose(u):
    return u / math.expm1(u) if u else 1.0


def _bose_mp(u):
    return u / M.expm1(u) if u else M.mpf(1)


def draw(rng):
    """(label, f, f_mp in u, a, b in x, m, s)."""
    m = rng.choice([0.0, rng.uniform(-10, 10), rng.uniform(-1000, 1000)])
    s = 10 ** rng.uniform(-1, 1.5)
    kind = rng.randrange(7)
    lo_u = rng.uniform(-5, 5)
    if kind == 0:
        g, gm, ua, ub, name = _bose, _bose_mp, rng.uniform(0, 5), INF, "bose"
    elif kind in (1, 2):
        if kind == 1:
            name = "logistic"

            def g(u):
                return 1 / (1 + math.exp(-u)) / (1 + math.exp(u))
        else:
            name = "logistic2"

            def g(u):
                return math.exp(-u) / (1 + math.exp(-u)) ** 2

        def gm(u):
            return 1 / (1 + M.exp(-u)) / (1 + M.exp(u))

        ua, ub = rng.choice([(-INF, INF), (lo_u, INF), (-INF, lo_u)])
    elif kind == 3:
        name = "variance"

        def g(u):
            return u**2 / (1 + math.exp(-u)) / (1 + math.exp(u))

        def gm(u):
            return u**2 / (1 + M.exp(-u)) / (1 + M.exp(u))

        ua, ub = -INF, INF
    elif kind == 4:
        name = "sigmoid"

        def g(u):
            return 1 / (1 + math.exp(-u))

        def gm(u):
            return 1 / (1 + M.exp(-u))

        ua, ub = -INF, lo_u
    elif kind == 5:
        k = rng.choice([0, 0.5, 1, 2, 3])
        name = f"fermi k={k}"

        def g(u):
            return u**k / (math.exp(u) + 1)

        def gm(u):
            return u**k / (M.exp(u) + 1)

        ua, ub = rng.uniform(0, 3), INF
    else:
        p, c = rng.uniform(0, 4), 10 ** rng.uniform(-1, 1)
        if rng.random() < 0.5:
            name = f"power p={p:.3g} c={c:.3g}"

            def g(u):
                return u**p / math.exp(c * u)

            def gm(u):
                return u**p / M.exp(c * u)

            ua, ub = rng.uniform(0, 3), INF
        else:
            name = f"mirrored power p={p:.3g} c={c:.3g}"

            def g(u):
                return (-u) ** p / math.exp(-c * u)

            def gm(u):
                return (-u) ** p / M.exp(-c * u)

            ua, ub = -INF, -rng.uniform(0, 3)
    a = m + s * ua if ua != -INF else -INF
    b = m + s * ub if ub != INF else INF
    return name, g, gm, a, b, m, s


def truth(gm, a, b, m, s):
    """The integral in x = m + s*u: s times the integral in u."""
    ua = (M.mpf(a) - m) / s if a != -INF else -M.inf
    ub = (M.mpf(b) - m) / s if b != INF else M.inf
    cuts = [ua] + [c for c in (-40, -10, -1, 0, 1, 10, 40) if ua < c < ub] + [ub]
    return s * M.quad(gm, cuts)


def main() -> None:
    scan = Scan(show_refused="--show" in sys.argv)
    sys.argv = [arg for arg in sys.argv if arg != "--show"]
    scan.seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    scan.draw_count = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    calls = 0
    for rng in scan.draws():
        name, g, gm, a, b, m, s = draw(rng)

        def f(x, g=g, m=m, s=s):
            return g((x - m) / s)

        true = truth(gm, a, b, m, s)
        label = f"{name} m={m!r} s={s!r} on [{a!r}, {b!r}]"
        before = dict(scan.counts)
        scan.ask(label, true, cw.integrate, f, a, b, full_output=True)
        if scan.counts != before and scan.counts["ok"] > before["ok"]:
            calls += cw.integrate(f, a, b, full_output=True).nfev
    print(f"nfev of the ok cases: {calls}")
    scan.report()


if __name__ == "__main__":
    main()
