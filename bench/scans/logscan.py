"""Limits at 0 and +-inf of c + a g(t) that converge like functions of 1/log t (exact values in closed form).

``python bench/scans/logscan.py SEED N``: g among 13 terms of ``log t``
(``1/log t``, ``log(2t)/log(3t)``, ``t**(3/(4 + log t))``, ``(-1/log t)**0.5``
and ``**0.3``, ``1/log(t)**2``, ``atan(log t)``, ``(1 - 1/log t)**(-log t)``,
``log(-log t)/log t``, ``1/log(-log t)``, ``1/log(-log t)**2``, ``t**0.1 log
t``, ``1/(log t + 5 sin(log t)/log t)``), t = |x|/s at 0+ or 0-, s/|x| at
+-inf, s = 10**U(-3, 3), c among 0, 1 and U(-1e3, 1e3) (3 decimals), a =
+-10**U(-12, 1). They settle like powers of 1/log t, too slowly for the usual
walk in h: `limit` answers them from its walk in u = 1/log|x| (`_log_scale`)
or refuses them.
"""

import math

from _tally import Scan

import calcweb as cw

L = math.log
G = [  # name, g(t) for t -> 0+, the limit of g
    ("1/log t", lambda t: 1 / L(t), 0.0),
    ("log(2t)/log(3t)", lambda t: L(2 * t) / L(3 * t), 1.0),
    ("t**(3/(4+log t))", lambda t: t ** (3 / (4 + L(t))), math.exp(3)),
    ("(-1/log t)**0.5", lambda t: (-1 / L(t)) ** 0.5, 0.0),
    ("(-1/log t)**0.3", lambda t: (-1 / L(t)) ** 0.3, 0.0),
    ("1/log(t)**2", lambda t: 1 / L(t) ** 2, 0.0),
    ("atan(log t)", lambda t: math.atan(L(t)), -math.pi / 2),
    ("(1-1/log t)**(-log t)", lambda t: (1 - 1 / L(t)) ** (-L(t)), math.e),
    ("log(-log t)/log t", lambda t: L(-L(t)) / L(t), 0.0),
    ("1/log(-log t)", lambda t: 1 / L(-L(t)), 0.0),
    ("1/log(-log t)**2", lambda t: 1 / L(-L(t)) ** 2, 0.0),
    ("t**0.1 log t", lambda t: t**0.1 * L(t), 0.0),
    ("1/(log t + 5 sin(log t)/log t)", lambda t: 1 / (L(t) + 5 * math.sin(L(t)) / L(t)), 0.0),
]
WHERE = {  # x0, side, t(x, s)
    "0+": (0.0, "right", lambda x, s: x / s),
    "0-": (0.0, "left", lambda x, s: -x / s),
    "inf": (math.inf, "left", lambda x, s: s / x),
    "-inf": (-math.inf, "right", lambda x, s: -s / x),
}
scan = Scan()
for rng in scan.draws():
    name, g, g0 = rng.choice(G)
    c = rng.choice([0.0, 1.0, round(rng.uniform(-1e3, 1e3), 3)])
    a = rng.choice([1, -1]) * 10 ** rng.uniform(-12, 1)
    where = rng.choice(list(WHERE))
    s = 10 ** rng.uniform(-3, 3)
    x0, side, t = WHERE[where]
    label = f"{c} + {a!r} {name}, t = |x|/{s!r} or {s!r}/|x|, at {where}"
    f = lambda x, g=g, c=c, a=a, t=t, s=s: c + a * g(t(x, s))
    scan.ask(label, c + a * g0, cw.limit, f, x0, side=side, full_output=True)
scan.report()
