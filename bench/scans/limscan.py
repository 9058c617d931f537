"""Limits of 14 ordinary functions at random points and sides, 30 % of them random 64-bit floats (mpmath oracle)."""

import math

import mpmath
from _tally import Scan, random_point

import calcweb as cw

mpmath.mp.dps = 60
FS = {
    "sin": (math.sin, mpmath.sin),
    "cos": (math.cos, mpmath.cos),
    "exp": (math.exp, mpmath.exp),
    "log": (math.log, mpmath.log),
    "atan": (math.atan, mpmath.atan),
    "tanh": (math.tanh, mpmath.tanh),
    "sqrt": (math.sqrt, mpmath.sqrt),
    "erf": (math.erf, mpmath.erf),
    "recip": (lambda x: 1 / x, lambda x: 1 / x),
    "cube": (lambda x: x**3, lambda x: x**3),
    "log1p": (math.log1p, mpmath.log1p),
    "expm1": (math.expm1, mpmath.expm1),
    "sinc": (lambda x: math.sin(x) / x, lambda x: mpmath.sin(x) / x),
    "logistic": (lambda x: 1 / (1 + math.exp(-x)), lambda x: 1 / (1 + mpmath.exp(-x))),
}
scan = Scan()
for rng in scan.draws():
    name = rng.choice(list(FS))
    f, F = FS[name]
    x = random_point(rng, bit_patterns=0.3, exponents=(-20, 20))
    side = rng.choice(["left", "right", "both"])
    if not math.isfinite(x):
        scan.skip()
        continue
    try:
        f(x)
        true = F(mpmath.mpf(x))
    except Exception:
        scan.skip()
        continue
    scan.ask(f"{name} x0={x!r} {side}", true, cw.limit, f, x, side=side, full_output=True)
scan.report()
