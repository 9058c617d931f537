"""Integrals of ordinary functions with endpoint singularities, kinks, concentrated mass and oscillation (mpmath oracle)."""

import math

import mpmath
from _tally import Scan

import calcweb as cw

M = mpmath
M.mp.dps = 40


def quad_exact(g, a, b, points=()):
    return M.quad(g, [a, *points, b], maxdegree=10)


scan = Scan(show_refused=True)
for rng in scan.draws():
    kind = rng.choice(
        [
            "sqrt0",
            "log0",
            "invsqrt0",
            "arcsin",
            "abs_sin",
            "gauss_wide",
            "cauchy_wide",
            "sin_k",
            "kink",
            "xlogx",
            "pow",
        ]
    )
    b = 10 ** rng.uniform(-3, 3)
    tol = 10 ** rng.uniform(-12, -4)
    if kind == "sqrt0":
        f = math.sqrt
        a = 0.0
        true = M.mpf(2) / 3 * M.mpf(b) ** 1.5
    elif kind == "log0":
        f = math.log
        a = 0.0
        B = M.mpf(b)
        true = B * M.log(B) - B
    elif kind == "invsqrt0":
        f = lambda x: 1 / math.sqrt(x)
        a = 0.0
        true = 2 * M.sqrt(b)
    elif kind == "arcsin":
        a, b = -1.0, rng.uniform(-0.9, 1.0)
        f = lambda x: 1 / math.sqrt(1 - x * x)
        true = M.asin(b) - M.asin(a)
    elif kind == "abs_sin":
        a = -b * rng.random()
        f = lambda x: abs(math.sin(x))
        true = quad_exact(
            lambda t: abs(M.sin(t)),
            a,
            b,
            [
                k * M.pi
                for k in range(math.ceil(a / math.pi), math.floor(b / math.pi) + 1)
                if a < k * math.pi < b
            ],
        )
    elif kind == "gauss_wide":
        L = 10 ** rng.uniform(0, 6)
        a, b = -L * rng.uniform(0.5, 1), L * rng.uniform(0.5, 1)
        c = rng.uniform(-3, 3)
        f = lambda x, c=c: math.exp(-((x - c) ** 2))
        true = M.sqrt(M.pi) / 2 * (M.erf(b - c) - M.erf(a - c))
    elif kind == "cauchy_wide":
        L = 10 ** rng.uniform(0, 8)
        a, b = -L * rng.uniform(0.5, 1), L * rng.uniform(0.5, 1)
        f = lambda x: 1 / (1 + x * x)
        true = M.atan(b) - M.atan(a)
    elif kind == "sin_k":
        k = 10 ** rng.uniform(0, 3)
        a = 0.0
        b = rng.uniform(0.5, 3)
        f = lambda x, k=k: math.sin(k * x)
        true = (1 - M.cos(M.mpf(k) * b)) / k
    elif kind == "kink":
        c = rng.uniform(0, b)
        a = 0.0
        f = lambda x, c=c: abs(x - c)
        true = (M.mpf(c) ** 2 + (b - M.mpf(c)) ** 2) / 2
    elif kind == "xlogx":
        a = 0.0
        f = lambda x: x * math.log(x) if x > 0 else 0.0
        B = M.mpf(b)
        true = B * B * M.log(B) / 2 - B * B / 4
    else:
        p = rng.uniform(-0.95, 2)
        a = 0.0
        f = lambda x, p=p: x**p
        true = M.mpf(b) ** (p + 1) / (p + 1)
    label = f"{kind} [{a!r}, {b!r}] tol={tol:.2g}"
    scan.ask(label, true, cw.integrate, f, a, b, tol=tol, full_output=True)
scan.report()
