"""Plain jets' answers 0 on the scale on which f varies, and quotients far from 0 (mpmath oracle).

``PYTHONPATH=. python bench/scans/jetscalescan.py SEED N [METHOD]`` (METHOD "auto" or "ad").

Two parts, both plain calls of `calcweb.derivative` (a float, which claims its digits):

- the grid (SEED and N ignored): ML-style functions written with calcweb's functions
  (log cosh, softplus as ``log(1 + exp(x))`` and ``cw.softplus``, sigmoid, tanh and
  tanh through exp, gelu, swish, log sigmoid) at ``x`` in ``+-{0.5, 2, 5, 10, 20, 30, 40,
  60, 100}``, orders 1-4; counts RIGHT (a correct digit, or exact), ZERO (no digit,
  but off by at most 1e-12 of ``n! |f(x)|``, the derivative's size on f's scale, 1:
  each of these f is made of exp, erf, tanh, ... of x), of which ZERO|x| also within
  1e-12 of ``n! |f(x)| / max(1, |x|)**n``, REFUSED and WRONG;
- the draws: ADQUOT's quotient families ``g(u)`` (``sin(u)/u``, ``(exp(u) - 1)/u``,
  ``(1 - cos u)/u**2``, ``log1p(u)/u``, ``tanh(u)/u``) at ``u = (x - c)/s`` with ``c =
  +-10**U(0.3, 2.5)``, ``s = 10**U(0, 4)`` or 1 (half each), ``u = +-10**U(-8, -1)``,
  orders 2-8: f varies on ``s``, and ``|x| > 1``. A kept answer is a LIE where it has no
  correct digit and is off by more than 1e-12 of ``n! |f| / max(1, |x|, s)**n``.

Prints the counts and each non-right case of the grid, each LIE of the draws.
Truth: ``mpmath.diff`` at 60 (grid) and 80 (draws) digits.
"""

import collections
import math
import random
import sys

import mpmath

import calcweb as cw

GRID = {
    "log cosh": (lambda x: cw.log(cw.cosh(x)), lambda x: mpmath.log(mpmath.cosh(x))),
    "log(1 + exp x)": (lambda x: cw.log(1 + cw.exp(x)), lambda x: mpmath.log(1 + mpmath.exp(x))),
    "softplus": (cw.softplus, lambda x: mpmath.log(1 + mpmath.exp(x))),
    "sigmoid": (lambda x: 1 / (1 + cw.exp(-x)), lambda x: 1 / (1 + mpmath.exp(-x))),
    "tanh": (cw.tanh, mpmath.tanh),
    "tanh by exp": (lambda x: (cw.exp(2 * x) - 1) / (cw.exp(2 * x) + 1), mpmath.tanh),
    "gelu": (
        lambda x: x / 2 * (1 + cw.erf(x / math.sqrt(2))),
        lambda x: x / 2 * (1 + mpmath.erf(x / mpmath.sqrt(2))),
    ),
    "swish": (lambda x: x / (1 + cw.exp(-x)), lambda x: x / (1 + mpmath.exp(-x))),
    "log sigmoid": (lambda x: -cw.log(1 + cw.exp(-x)), lambda x: -mpmath.log(1 + mpmath.exp(-x))),
}

QUOTIENTS = [
    ("sin(u)/u", lambda u: cw.sin(u) / u, lambda u: mpmath.sin(u) / u),
    ("(exp(u) - 1)/u", lambda u: (cw.exp(u) - 1) / u, lambda u: mpmath.expm1(u) / u),
    ("(1 - cos u)/u**2", lambda u: (1 - cw.cos(u)) / (u * u), lambda u: (1 - mpmath.cos(u)) / (u * u)),
    ("log1p(u)/u", lambda u: cw.log1p(u) / u, lambda u: mpmath.log1p(u) / u),
    ("tanh(u)/u", lambda u: cw.tanh(u) / u, lambda u: mpmath.tanh(u) / u),
]  # fmt: skip


def plain(f, x, n, method):
    """The plain call's float, or None where it raised a CalcwebError."""
    try:
        return cw.derivative(f, x, n, method=method)
    except cw.CalcwebError:
        return None


def grid(method):
    counts = collections.Counter()
    for name, (f, g) in GRID.items():
        for a in (0.5, 2, 5, 10, 20, 30, 40, 60, 100):
            for x in (float(a), -float(a)):
                for n in (1, 2, 3, 4):
                    with mpmath.workdps(60):
                        true = float(mpmath.diff(g, mpmath.mpf(x), n))
                        size = abs(float(g(mpmath.mpf(x))))
                    value = plain(f, x, n, method)
                    scale = math.factorial(n) * size  # f varies on 1
                    if value is None:
                        verdict = "REFUSED"
                    elif value == true or abs(value - true) < abs(true):
                        verdict = "RIGHT"
                    elif abs(value - true) <= 1e-12 * scale:
                        verdict = "ZERO"
                        if abs(value - true) <= 1e-12 * scale / max(1.0, abs(x)) ** n:
                            counts["ZERO|x|"] += 1
                    else:
                        verdict = "WRONG"
                    counts[verdict] += 1
                    if verdict != "RIGHT":
                        print(f"{verdict} grid {name} x={x} n={n} {value!r} true={true:.6g}")
    print("grid", method, dict(counts))


def draws(seed, number, method):
    rng = random.Random(seed)  # noqa: S311  (seeded draws)
    counts = collections.Counter()
    for i in range(number):
        name, g_cw, g_mp = QUOTIENTS[i % len(QUOTIENTS)]
        c = rng.choice([-1, 1]) * 10 ** rng.uniform(0.3, 2.5)
        s = 10 ** rng.uniform(0, 4) if rng.random() < 0.5 else 1.0
        x = c + rng.choice([-1, 1]) * 10 ** rng.uniform(-8, -1) * s
        n = rng.randint(2, 8)
        with mpmath.workdps(80):
            cm, sm = mpmath.mpf(c), mpmath.mpf(s)
            moved = lambda t, c=cm, s=sm, g=g_mp: g((t - c) / s)
            true = float(mpmath.diff(moved, mpmath.mpf(x), n))
        value = plain(lambda t, c=c, s=s, g=g_cw: g((t - c) / s), x, n, method)
        scale = math.factorial(n) * 0.5 / max(1.0, abs(x), s) ** n  # |g| >= 0.5 near u = 0
        if value is None:
            verdict = "REFUSED"
        elif value == true or abs(value - true) < abs(true) or abs(value - true) <= 1e-12 * scale:
            verdict = "RIGHT"
        else:
            verdict = "LIE"
            print(f"LIE {name} c={c!r} s={s!r} x={x!r} n={n} {value!r} true={true:.6g}")
        counts[verdict] += 1
    print("draws", seed, method, dict(counts))


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    number = int(sys.argv[2]) if len(sys.argv) > 2 else 150
    method = sys.argv[3] if len(sys.argv) > 3 else "auto"
    grid(method)
    draws(seed, number, method)


if __name__ == "__main__":  # linejetscan imports its grid and quotients
    main()
