"""Narrow features far from 0: derivatives of bumps of width w centred at a large c.

``python bench/scans/shiftscan.py SEED N [--show] [--refusals]``

Each draw: g((t - c) / w) with g a Gaussian exp(-u**2), sech u, the Lorentzian
1 / (1 + u**2) or sin(3 u) exp(-u**2); c = +-10**U(0, 12), w = 10**U(-3, 2),
x = c + w U(-3, 3) (rounded to a float), order n = 1, 2 or 3. The steps of the
first rows are scaled to max(1, |x|), far wider than w. Exact: mpmath's
derivative of the same expression at the float x (40 digits). An answer is a
LIE unless its true error is at most twice its reported error (plus 1e-15 of
the scale of the exact value); a calcweb error is a refusal, any other
exception a crash. Counted: lies / refused / ok / crashes, and the median
evaluations of the answers. ``--show`` prints every lie, ``--refusals`` every
refusal. Session 26 (DERSHIFT), seeds 0-4: 230 lies before the walk went on
past blind stencils, 4 after (DERSHIFT's report has each seed).
"""

from __future__ import annotations

import math
import random
import statistics
import sys

import mpmath

import calcweb as cw

mpmath.mp.dps = 40


def _sech(u: float) -> float:
    a = math.exp(-abs(u))  # no overflow where cosh would
    return 2.0 * a / (1.0 + a * a)


KINDS = {
    "gauss": (lambda u: math.exp(-u * u), lambda u: mpmath.exp(-u * u)),
    "sech": (_sech, mpmath.sech),
    "lorentz": (lambda u: 1.0 / (1.0 + u * u), lambda u: 1 / (1 + u * u)),
    "sinbump": (
        lambda u: math.sin(3.0 * u) * math.exp(-u * u),
        lambda u: mpmath.sin(3 * u) * mpmath.exp(-u * u),
    ),
}


def draw(rng: random.Random):
    kind = rng.choice(sorted(KINDS))
    g, mg = KINDS[kind]
    c = rng.choice([-1.0, 1.0]) * 10.0 ** rng.uniform(0, 12)
    w = 10.0 ** rng.uniform(-3, 2)
    x = c + w * rng.uniform(-3, 3)
    n = rng.choice([1, 2, 3])

    def f(t: float) -> float:
        return g((t - c) / w)

    exact = float(mpmath.diff(lambda t: mg((t - mpmath.mpf(c)) / mpmath.mpf(w)), mpmath.mpf(x), n))
    scale = max(abs(exact), 1.0 / w**n)
    return kind, c, w, x, n, f, exact, scale


def main() -> None:
    seed, count = int(sys.argv[1]), int(sys.argv[2])
    show = "--show" in sys.argv
    rng = random.Random(seed)  # noqa: S311  (seeded draws, not cryptography)
    lies = refused = ok = crashes = 0
    calls = []
    for i in range(count):
        kind, c, w, x, n, f, exact, scale = draw(rng)
        try:
            r = cw.derivative(f, x, n, full_output=True)
        except cw.CalcwebError as e:
            refused += 1
            if "--refusals" in sys.argv:
                print(f"REFUSED {i} {kind} c={c!r} w={w!r} x={x!r} n={n}: {str(e)[:90]}")
            continue
        except Exception as e:  # a crash is counted, and shown
            crashes += 1
            print(f"CRASH {i} {kind} c={c!r} w={w!r} x={x!r} n={n}: {e!r}")
            continue
        calls.append(r.nfev)
        if abs(r.value - exact) <= 2.0 * r.error + 1e-15 * scale:
            ok += 1
        else:
            lies += 1
            if show:
                print(
                    f"LIE {i} {kind} c={c!r} w={w!r} x={x!r} n={n}: {r.value:.6g} +- "
                    f"{r.error:.3g} for {exact:.6g}"
                )
    med = statistics.median(calls) if calls else 0
    print(
        f"seed {seed} N {count}: lies {lies} refused {refused} ok {ok} crashes {crashes} median nfev {med}"
    )


if __name__ == "__main__":
    main()
