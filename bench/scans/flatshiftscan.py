"""Derivatives (n = 1..3) of g((t - s) / w) at x where g is flat to rounding at x (mpmath oracle).

g is the normal cdf 0.5 (1 + erf(z / sqrt 2)), tanh, the logistic function or erfc, and
the shift s - x is drawn (in units of w) past where g's float value stops changing, on
either side: g(z) is then exactly its limit (0, 1, -1 or 2) at x and near it, and leaves
it at a stair s - x - T w away (T, g's flush point), however far that is from x. Drawn:
w = 10**U(-3, 3), x = 0 or +-10**U(-3, 3), |s - x| / w from T to where the derivative
underflows (the cdf's 37.5, tanh's 350, the logistic's 700, erfc's 26.7 at 2). The exact
derivative is mpmath's (dps 60) of the same g.
"""

import mpmath
from _flushed import GS
from _tally import Scan

import calcweb as cw

mpmath.mp.dps = 60
M = mpmath


scan = Scan(show_refused=True, median_calls=True)
for rng in scan.draws():
    name = rng.choice(list(GS))
    g, exact, sides = GS[name]
    side = rng.choice([-1, 1])
    flush, far = sides[side]
    w = 10 ** rng.uniform(-3, 3)
    x = 0.0 if rng.random() < 0.25 else rng.choice([-1, 1]) * 10 ** rng.uniform(-3, 3)
    z = side * rng.uniform(flush, far)  # (x - s) / w
    s = x - z * w
    n = rng.choice([1, 1, 2, 3])

    def f(t, g=g, s=s, w=w):
        return g((t - s) / w)

    near = [f(x + k * 1e-3 * w) for k in (-1, 0, 1)]
    if len(set(near)) != 1:  # not flat to rounding at x: not this scan's case
        scan.skip()
        continue

    def exact_f(t, exact=exact, s=s, w=w):
        return exact((t - M.mpf(s)) / M.mpf(w))

    true = M.diff(exact_f, M.mpf(x), n)
    scan.ask(
        f"{name} s={s!r} w={w!r} x={x!r} n={n}", true, cw.derivative, f, x, n, full_output=True
    )
scan.report()
