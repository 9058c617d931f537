"""Higher-order derivatives (n = 1..6) of ordinary and composite functions at random points (mpmath oracle)."""

import math
import random
import struct
import sys

import mpmath

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
rng = random.Random(int(sys.argv[1]))  # noqa: S311  (seeded draws, not cryptography)
N = int(sys.argv[2])
counts = {"ok": 0, "refused": 0, "dishonest": 0, "skip": 0}
for _ in range(N):
    name = rng.choice(list(FS))
    f, F = FS[name]
    n = rng.choice([1, 2, 2, 3, 3, 4, 5, 6])
    r = rng.random()
    if r < 0.15:
        x = struct.unpack("d", struct.pack("Q", rng.getrandbits(64)))[0]
    else:
        x = rng.choice([-1, 1]) * 10 ** rng.uniform(-8, 6)
    if not math.isfinite(x):
        counts["skip"] += 1
        continue
    try:
        f(x)
        with M.workdps(220):
            X = M.mpf(x)
            scale = abs(X) if x else M.mpf(1)
            true = M.diff(F, X, n, h=scale * M.mpf(10) ** -25)
            check = M.diff(F, X, n, h=scale * M.mpf(10) ** -30)
        if abs(true - check) > 1e-20 * abs(check) + M.mpf(10) ** -300:
            counts["skip"] += 1
            continue
    except Exception:
        counts["skip"] += 1
        continue
    if isinstance(true, M.mpc) or not M.isfinite(true) or abs(true) > 1e300:
        counts["skip"] += 1
        continue
    true = float(true)
    try:
        res = cw.derivative(f, x, n, full_output=True)
    except cw.CalcwebError:
        counts["refused"] += 1
        continue
    except Exception as e:
        print(f"CRASH {name} n={n} x={x!r} {type(e).__name__}: {e}")
        counts["skip"] += 1
        continue
    if abs(res.value - true) > 2 * res.error and res.value != true:
        counts["dishonest"] += 1
        print(
            f"DISHONEST {name} n={n} x={x!r} value={res.value!r} err={res.error:.3g} true={true!r} "
            f"ratio={abs(res.value - true) / max(res.error, 1e-300):.3g} nfev={res.nfev}",
            flush=True,
        )
    else:
        counts["ok"] += 1
print(counts)
