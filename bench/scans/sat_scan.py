"""Limits of saturating functions (atan, tanh, erf, logistic, ...) at random |x0| from 10 to 1e18 (mpmath oracle)."""

import math

import mpmath
from _tally import Scan

import calcweb as cw

fs = {
    "atan": math.atan,
    "tanh": math.tanh,
    "erf": math.erf,
    "logistic": lambda x: 1 / (1 + math.exp(-x)) if x > -700 else 0.0,
    "x/sqrt(1+x*x)": lambda x: (
        x / math.sqrt(1 + x * x) if abs(x) < 1e150 else math.copysign(1.0, x)
    ),
    "atan(x)+1/x": lambda x: math.atan(x) + 1 / x,
}
mpmath.mp.dps = 40
exact = {
    "atan": mpmath.atan,
    "tanh": mpmath.tanh,
    "erf": mpmath.erf,
    "logistic": lambda x: 1 / (1 + mpmath.exp(-x)),
    "x/sqrt(1+x*x)": lambda x: x / mpmath.sqrt(1 + x * x),
    "atan(x)+1/x": lambda x: mpmath.atan(x) + 1 / x,
}
scan = Scan(show_refused=True)
for rng in scan.draws():
    name = rng.choice(list(fs))
    x0 = rng.choice([-1, 1]) * 10 ** rng.uniform(1, 18)
    side = rng.choice(["left", "right", "both"])
    true = float(exact[name](mpmath.mpf(x0)))
    scan.ask(f"{name} x0={x0!r} {side}", true, cw.limit, fs[name], x0, side=side, full_output=True)
scan.report()
