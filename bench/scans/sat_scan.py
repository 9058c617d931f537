"""Limits of saturating functions (atan, tanh, erf, logistic, ...) at random |x0| from 10 to 1e18 (mpmath oracle)."""

import math
import random
import sys

import mpmath

import calcweb as cw
from calcweb import CalcwebError

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
rng = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 1)  # noqa: S311  (seeded draws, not cryptography)
bad = ref = ok = 0
for _ in range(int(sys.argv[2]) if len(sys.argv) > 2 else 300):
    name = rng.choice(list(fs))
    x0 = rng.choice([-1, 1]) * 10 ** rng.uniform(1, 18)
    side = rng.choice(["left", "right", "both"])
    true = float(exact[name](mpmath.mpf(x0)))
    try:
        r = cw.limit(fs[name], x0, side=side, full_output=True)
    except CalcwebError as e:
        ref += 1
        print("REFUSED", name, repr(x0), side, str(e)[:150])
        continue
    if not r.converged:
        ref += 1
        print("NC", name, repr(x0), side, r.value, r.message[:150])
        continue
    if abs(r.value - true) > 2 * r.error:
        bad += 1
        print("DISHONEST", name, repr(x0), side, r.value, r.error, true)
    else:
        ok += 1
print(f"ok {ok} refused {ref} dishonest {bad}")
