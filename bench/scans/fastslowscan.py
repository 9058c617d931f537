"""Fast sines times slow terms at random points: derivatives of orders 1-6 (mpmath oracle).

``python bench/scans/fastslowscan.py SEED N`` (default 1 300). Each draw:
f(t) = sin(k t + c) s(t), k = 10**U(1, 7) rounded to 0.01, c = U(0, 2 pi)
rounded to 1e-4, s among 1, exp(t/3), 1 + t**2 and log(6 + t), at t = U(-5, 5)
(anywhere on the sine, unlike `crestscan`'s crests and zeros and its
|t| <= 1), order n = 1..6, method "auto" (Richardson: f is written with
math) or "central". The exact value by Leibniz's rule from the sine's
k**j sin(k t + c + j pi/2) and mpmath's derivatives of s. The dishonest
answers (1.3e6 off at order 6 on 5e38, ...) are near 0 beside an n-th
derivative of size k**n, their error about a quarter of it: the far window
of steps many periods long. Prints as `_tally.Scan` does.
"""

import math
import sys

import mpmath
from _tally import Scan

import calcweb as cw

mpmath.mp.dps = 50
M = mpmath
ORDER = int(sys.argv[3]) if len(sys.argv) > 3 else 0  # 0: orders 1..6 at random
SLOW = {
    "1": (lambda _t: 1.0, lambda _t: M.mpf(1)),
    "exp(t/3)": (lambda t: math.exp(t / 3), lambda t: M.exp(t / 3)),
    "(1+t*t)": (lambda t: 1 + t * t, lambda t: 1 + t * t),
    "log(6+t)": (lambda t: math.log(6 + t), lambda t: M.log(6 + t)),
}
scan = Scan()
for rng in scan.draws():
    k = round(10 ** rng.uniform(1, 7), 2)
    c = round(rng.uniform(0, 2 * math.pi), 4)
    name = rng.choice(list(SLOW))
    s, exact_s = SLOW[name]
    t = rng.uniform(-5, 5)
    n = ORDER or rng.randint(1, 6)
    method = rng.choice(["auto", "central"])

    def f(x, k=k, c=c, s=s):
        return math.sin(k * x + c) * s(x)

    tt, kk = M.mpf(t), M.mpf(k)
    true = sum(
        M.binomial(n, j) * kk**j * M.sin(kk * tt + c + j * M.pi / 2) * M.diff(exact_s, tt, n - j)
        for j in range(n + 1)
    )
    label = f"sin({k}*t+{c})*{name} n={n} t={t!r} method={method}"
    scan.ask(label, true, cw.derivative, f, t, n, method=method, full_output=True)
scan.report()
