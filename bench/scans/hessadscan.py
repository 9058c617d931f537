"""Off-diagonal Hessian entries dwarfed by the diagonal, on jets (mpmath oracle).

f(p) = S * sum_i s_i(p_i) + c * u(p): a separable term S up to 1e20 (p**2, p**3, p**4,
exp(p), cos(p)) that only the diagonal and f_kkk see, beside a coupling c * u (c of
1e-3..10: p0 p1, sin(p0 p1), exp(p0 p1 / 4), atan(p0 - p1), p0 p1 p2), written with
calcweb's functions so that `calcweb.hessian` works on jets, at points of order 1.
Polarisation subtracts the diagonal's S-sized terms from an entry of size c; the route
along a curve (multivariate._MixedOnJets) subtracts f_kkk, which p**2 and p**4 lack at
some k. Each off-diagonal entry of ``hessian(f, full_output=True)`` is DISHONEST when
its true error exceeds twice its reported error plus 4 ulp, ACCURATE when within 1e-10
of it (relative), else VAGUE (honest, few digits); the plain call's value is counted
as DIFFERS if it is not the full call's. ``PYTHONPATH=. python bench/scans/hessadscan.py
SEED N``: prints each dishonest entry, then the counts, the calls of f and the time.
"""

import math
import random
import sys
import time

import mpmath

import calcweb as cw

mpmath.mp.dps = 50
# name: g(q, lib) of one coordinate, u(p, lib) of the point (lib: calcweb or mpmath)
SEPARABLE = {
    "p**2": lambda q, _m: q**2,
    "p**3": lambda q, _m: q**3,
    "p**4": lambda q, _m: q**4,
    "exp(p)": lambda q, m: m.exp(q),
    "cos(p)": lambda q, m: m.cos(q),
}
COUPLING = {
    "p0*p1": lambda p, _m: p[0] * p[1],
    "sin(p0*p1)": lambda p, m: m.sin(p[0] * p[1]),
    "exp(p0*p1/4)": lambda p, m: m.exp(p[0] * p[1] / 4),
    "atan(p0 - p1)": lambda p, m: m.atan(p[0] - p[1]),
    "p0*p1*p2": lambda p, _m: p[0] * p[1] * p[2],
}


def draw(rng):
    """The case's text, f on calcweb's functions, f on mpmath's, and the point."""
    d = rng.choice([2, 2, 3])
    x = [rng.uniform(-2, 2) for _ in range(d)]
    size = 10 ** rng.uniform(0, 20)
    separable = [rng.choice(list(SEPARABLE)) for _ in range(d)]
    coupling = rng.choice(list(COUPLING) if d == 3 else list(COUPLING)[:-1])
    c = rng.choice([-1, 1]) * 10 ** rng.uniform(-3, 1)

    def f_with(lib):
        def f(p):
            own = sum(SEPARABLE[s](q, lib) for s, q in zip(separable, p, strict=True))
            return size * own + c * COUPLING[coupling](p, lib)

        return f

    case = f"{size:.1e}*({' + '.join(separable)}) + {c:.3g}*{coupling} at {x}"
    return case, f_with(cw), f_with(mpmath), x


def exact(f_mp, x, i, j):
    orders = [0] * len(x)
    orders[i] += 1
    orders[j] += 1
    return mpmath.diff(lambda *p: f_mp(list(p)), [mpmath.mpf(v) for v in x], orders)


def main():
    seed, n = int(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)  # noqa: S311 (draws, not secrets)
    counts = {"accurate": 0, "vague": 0, "dishonest": 0, "differs": 0, "refused": 0}
    calls, seconds = 0, 0.0
    for _ in range(n):
        case, f, f_mp, x = draw(rng)
        try:
            start = time.perf_counter()
            full = cw.hessian(f, full_output=True)(x)
            plain = cw.hessian(f)(x)
            seconds += time.perf_counter() - start
        except cw.CalcwebError as error:
            counts["refused"] += 1
            print(f"REFUSED {case}: {str(error)[:90]}")
            continue
        calls += full.nfev
        for i in range(len(x)):
            for j in range(i + 1, len(x)):
                true = exact(f_mp, x, i, j)
                value, error = full.value[i][j], full.error[i][j]
                off = float(abs(value - true))
                if plain[i][j] != value:
                    counts["differs"] += 1
                if off > 2 * error + 4 * math.ulp(float(true)):
                    counts["dishonest"] += 1
                    print(
                        f"DISHONEST H[{i}][{j}] {case}: {value!r} +- {error:.3g}, true {float(true)!r}"
                    )
                elif off <= 1e-10 * abs(float(true)):
                    counts["accurate"] += 1
                else:
                    counts["vague"] += 1
    print(counts, f"nfev {calls}", f"seconds {seconds:.2f}")


if __name__ == "__main__":
    main()
