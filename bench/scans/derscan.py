"""First derivatives of 12 ordinary functions at random points, 30 % of them random 64-bit floats (mpmath oracle)."""

import math

import mpmath
from _tally import Scan, random_point

import calcweb as cw

mpmath.mp.dps = 50
FS = {
    "sin": (math.sin, mpmath.cos),
    "cos": (math.cos, lambda x: -mpmath.sin(x)),
    "exp": (math.exp, mpmath.exp),
    "log": (math.log, lambda x: 1 / x),
    "atan": (math.atan, lambda x: 1 / (1 + x * x)),
    "tanh": (math.tanh, lambda x: 1 / mpmath.cosh(x) ** 2),
    "sqrt": (math.sqrt, lambda x: 1 / (2 * mpmath.sqrt(x))),
    "erf": (math.erf, lambda x: 2 / mpmath.sqrt(mpmath.pi) * mpmath.exp(-x * x)),
    "recip": (lambda x: 1 / x, lambda x: -1 / x**2),
    "cube": (lambda x: x**3, lambda x: 3 * x**2),
    "log1p": (math.log1p, lambda x: 1 / (1 + x)),
    "expm1": (math.expm1, mpmath.exp),
}
scan = Scan()
for rng in scan.draws():
    name = rng.choice(list(FS))
    f, df = FS[name]
    x = random_point(rng, bit_patterns=0.3, exponents=(-12, 12))
    if not math.isfinite(x):
        scan.skip()
        continue
    try:
        f(x)
    except (ValueError, OverflowError, ZeroDivisionError):
        scan.skip()
        continue
    try:
        true = df(mpmath.mpf(x))
    except Exception:
        scan.skip()
        continue
    scan.ask(f"{name} x={x!r}", true, cw.derivative, f, x, full_output=True)
scan.report()
