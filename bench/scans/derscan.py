"""First derivatives of 12 ordinary functions at random points, 30 % of them random 64-bit floats (mpmath oracle)."""

import math
import random
import struct
import sys

import mpmath

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
rng = random.Random(int(sys.argv[1]))  # noqa: S311  (seeded draws, not cryptography)
n = int(sys.argv[2])
counts = {"ok": 0, "refused": 0, "dishonest": 0, "skip": 0}
for _ in range(n):
    name = rng.choice(list(FS))
    f, df = FS[name]
    r = rng.random()
    if r < 0.3:
        x = struct.unpack("d", struct.pack("Q", rng.getrandbits(64)))[0]
    else:
        x = rng.choice([-1, 1]) * 10 ** rng.uniform(-12, 12)
    if not math.isfinite(x):
        counts["skip"] += 1
        continue
    try:
        f(x)
    except (ValueError, OverflowError, ZeroDivisionError):
        counts["skip"] += 1
        continue
    try:
        true = df(mpmath.mpf(x))
    except Exception:
        counts["skip"] += 1
        continue
    if not mpmath.isfinite(true) or abs(true) > 1e300:
        counts["skip"] += 1
        continue
    true = float(true)
    try:
        res = cw.derivative(f, x, full_output=True)
    except cw.CalcwebError:
        counts["refused"] += 1
        continue
    if abs(res.value - true) > 2 * res.error and res.value != true:
        counts["dishonest"] += 1
        print(
            f"DISHONEST {name} x={x!r} value={res.value!r} err={res.error:.3g} true={true!r} ratio={abs(res.value - true) / max(res.error, 1e-300):.3g} nfev={res.nfev}"
        )
    else:
        counts["ok"] += 1
print(counts)
