"""Limits of 14 ordinary functions at random points and sides, 30 % of them random 64-bit floats (mpmath oracle)."""

import math
import random
import struct
import sys

import mpmath

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
rng = random.Random(int(sys.argv[1]))  # noqa: S311  (seeded draws, not cryptography)
n = int(sys.argv[2])
counts = {"ok": 0, "refused": 0, "dishonest": 0, "skip": 0}
for _ in range(n):
    name = rng.choice(list(FS))
    f, F = FS[name]
    r = rng.random()
    if r < 0.3:
        x = struct.unpack("d", struct.pack("Q", rng.getrandbits(64)))[0]
    else:
        x = rng.choice([-1, 1]) * 10 ** rng.uniform(-20, 20)
    side = rng.choice(["left", "right", "both"])
    if not math.isfinite(x):
        counts["skip"] += 1
        continue
    try:
        f(x)
        true = F(mpmath.mpf(x))
    except Exception:
        counts["skip"] += 1
        continue
    if not mpmath.isfinite(true) or abs(true) > 1e300 or isinstance(true, mpmath.mpc):
        counts["skip"] += 1
        continue
    true = float(true)
    try:
        res = cw.limit(f, x, side=side, full_output=True)
    except cw.CalcwebError:
        counts["refused"] += 1
        continue
    if not res.converged:
        counts["refused"] += 1
        continue
    if abs(res.value - true) > 2 * res.error and res.value != true:
        counts["dishonest"] += 1
        print(
            f"DISHONEST {name} x0={x!r} {side} value={res.value!r} err={res.error:.3g} true={true!r} nfev={res.nfev} {res.message[:120]}"
        )
    else:
        counts["ok"] += 1
print(counts)
