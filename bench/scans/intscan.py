"""Integrals of 8 ordinary integrands over random intervals at the default tolerance (mpmath oracle).

A ninth, sqrt|x|, is drawn (the draws stay as they were) but has no closed form: not counted.
"""

import math

import mpmath
from _tally import Scan

import calcweb as cw

mpmath.mp.dps = 40
FS = {
    "sin": (math.sin, lambda a, b: mpmath.cos(a) - mpmath.cos(b)),
    "exp": (math.exp, lambda a, b: mpmath.exp(b) - mpmath.exp(a)),
    "cauchy": (lambda x: 1 / (1 + x * x), lambda a, b: mpmath.atan(b) - mpmath.atan(a)),
    "cos2": (
        lambda x: math.cos(x) ** 2,
        lambda a, b: (b - a) / 2 + (mpmath.sin(2 * b) - mpmath.sin(2 * a)) / 4,
    ),
    "sqrt": (lambda x: math.sqrt(abs(x)), None),
    "gauss": (
        lambda x: math.exp(-x * x),
        lambda a, b: mpmath.sqrt(mpmath.pi) / 2 * (mpmath.erf(b) - mpmath.erf(a)),
    ),
    "tanh": (math.tanh, lambda a, b: mpmath.log(mpmath.cosh(b)) - mpmath.log(mpmath.cosh(a))),
    "atan": (
        math.atan,
        lambda a, b: (
            (b * mpmath.atan(b) - mpmath.log(1 + b * b) / 2)
            - (a * mpmath.atan(a) - mpmath.log(1 + a * a) / 2)
        ),
    ),
    "x2": (lambda x: x * x, lambda a, b: (b**3 - a**3) / 3),
}
scan = Scan()
for rng in scan.draws():
    name = rng.choice(list(FS))
    f, F = FS[name]
    if F is None:  # no closed form: not counted
        continue
    c = rng.choice([-1, 1]) * 10 ** rng.uniform(-3, 8) * rng.choice([0, 1])
    w = 10 ** rng.uniform(-8, 7)
    a, b = c - w * rng.random(), c + w * rng.random()
    if not (a < b):
        scan.skip()
        continue
    try:
        G = {
            "sin": mpmath.sin,
            "exp": mpmath.exp,
            "cauchy": lambda x: 1 / (1 + x * x),
            "cos2": lambda x: mpmath.cos(x) ** 2,
            "gauss": lambda x: mpmath.exp(-x * x),
            "tanh": mpmath.tanh,
            "atan": mpmath.atan,
            "x2": lambda x: x * x,
        }[name]
        if b - a < 1e-3 * max(1, abs(a)):
            true = mpmath.quad(G, [mpmath.mpf(a), mpmath.mpf(b)])
        else:
            true = F(mpmath.mpf(a), mpmath.mpf(b))
    except Exception:
        scan.skip()
        continue
    scan.ask(f"{name} [{a!r}, {b!r}]", true, cw.integrate, f, a, b, full_output=True)
scan.report()
