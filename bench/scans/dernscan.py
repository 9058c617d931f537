"""Higher-order derivatives (n = 1..6) of ordinary and composite functions at random points (mpmath oracle)."""

import math

import mpmath
from _tally import Scan, random_point

import calcweb as cw

mpmath.mp.dps = 60
M = mpmath
FS = {
    "sin": (math.sin, M.sin),
    "cos": (math.cos, M.cos),
    "exp": (math.exp, M.exp),
    "log": (math.log, M.log),
    "atan": (math.atan, M.atan),
    "tanh": (math.tanh, M.tanh),
    "sqrt": (math.sqrt, M.sqrt),
    "erf": (math.erf, M.erf),
    "recip": (lambda x: 1 / x, lambda x: 1 / x),
    "log1p": (math.log1p, M.log1p),
    "expm1": (math.expm1, M.expm1),
    "sin_exp": (lambda x: math.sin(math.exp(x)), lambda x: M.sin(M.exp(x))),
    "x_exp_negx": (lambda x: x * math.exp(-x), lambda x: x * M.exp(-x)),
    "log_1px2": (lambda x: math.log(1 + x * x), lambda x: M.log(1 + x * x)),
    "sigmoid": (lambda x: 1 / (1 + math.exp(-x)), lambda x: 1 / (1 + M.exp(-x))),
    "softplus": (
        lambda x: math.log1p(math.exp(x)) if x < 30 else x + math.log1p(math.exp(-x)),
        lambda x: M.log(1 + M.exp(x)),
    ),
    "gelu": (
        lambda x: 0.5 * x * (1 + math.erf(x / math.sqrt(2))),
        lambda x: 0.5 * x * (1 + M.erf(x / M.sqrt(2))),
    ),
    "rational": (lambda x: (x * x - 1) / (x * x + 1), lambda x: (x * x - 1) / (x * x + 1)),
    "sinc": (lambda x: math.sin(x) / x, lambda x: M.sin(x) / x),
    "pow3_2": (lambda x: x**1.5, lambda x: x ** M.mpf(1.5)),
}
scan = Scan()
for rng in scan.draws():
    name = rng.choice(list(FS))
    f, F = FS[name]
    n = rng.choice([1, 2, 2, 3, 3, 4, 5, 6])
    x = random_point(rng, bit_patterns=0.15, exponents=(-8, 6))
    if not math.isfinite(x):
        scan.skip()
        continue
    try:
        f(x)
        with M.workdps(220):
            X = M.mpf(x)
            scale = abs(X) if x else M.mpf(1)
            true = M.diff(F, X, n, h=scale * M.mpf(10) ** -25)
            check = M.diff(F, X, n, h=scale * M.mpf(10) ** -30)
        if abs(true - check) > 1e-20 * abs(check) + M.mpf(10) ** -300:
            scan.skip()
            continue
    except Exception:
        scan.skip()
        continue
    scan.ask(f"{name} n={n} x={x!r}", true, cw.derivative, f, x, n, full_output=True)
scan.report()
