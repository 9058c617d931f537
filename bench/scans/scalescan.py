"""Limits at +-inf of f that changes level on a scale s far out (closed-form oracle).

``f(x) = c + A g(|x|/s)``, ``g`` a step from one level to another: ``1/(1 +
u**p)`` (limit ``c``), ``exp(-u**-q)`` (limit ``c + A``), ``2 atan(u**p)/pi``
(``c + A``), ``1/(1 + u)**p`` (``c``) and ``tanh(u**p)`` (``c + A``), with
``s = 10**U(1, 250)``, ``p`` and ``q`` among 0.5, 1, 2, 3, ``c = +-10**U(-3,
3)`` or 0, ``A = +-max(|c|, 1) 10**U(-6, 1)``; the side of infinity is random.
``limit``'s usual samples reach ``|x| = 2**49`` (5.6e14), its deepest 6.5e91:
f that is one level at every one of them and another by ``1e300`` cannot be
told from a constant there; the scan counts such draws as any other.
"""

import math

from _tally import Scan

import calcweb as cw

STEPS = {
    "lorentz": (lambda u, p: 1.0 / (1.0 + u**p), 0.0),
    "expcut": (lambda u, p: math.exp(-(u**-p)) if u > 0.0 else 0.0, 1.0),
    "atan": (lambda u, p: 2.0 * math.atan(u**p) / math.pi, 1.0),
    "power": (lambda u, p: (1.0 + u) ** -p, 0.0),
    "tanh": (lambda u, p: math.tanh(u**p), 1.0),
}


def make(step, p, c, a, s):
    g = STEPS[step][0]

    def f(x):
        try:
            return c + a * g(abs(x) / s, p)
        except OverflowError:  # u**p beyond the floats: the step is past, g at its far level
            return c + a * STEPS[step][1]

    return f


scan = Scan()
for rng in scan.draws():
    step = rng.choice(list(STEPS))
    p = rng.choice([0.5, 1.0, 2.0, 3.0])
    s = 10 ** rng.uniform(1, 250)
    c = 0.0 if rng.random() < 0.2 else rng.choice([-1, 1]) * 10 ** rng.uniform(-3, 3)
    a = rng.choice([-1, 1]) * max(abs(c), 1.0) * 10 ** rng.uniform(-6, 1)
    x0 = rng.choice([math.inf, -math.inf])
    true = c + a * STEPS[step][1]
    label = f"{step} p={p} s={s!r} c={c!r} a={a!r} x0={x0}"
    scan.ask(label, true, cw.limit, make(step, p, c, a, s), x0, full_output=True)
scan.report()
