"""Limits of f that falls smoothly, close to x0, from a far plateau onto its limit (exact oracle).

``f = c + A g(t/w)``, ``g`` one of ``1 - exp(-u)``, ``tanh(u)``, ``u/(1 + u)``
(written ``t/(t + w)``): ``g(0) = 0``, so the limit is ``c`` exactly, while
``f`` is ``c + A`` (or within ``A w/t`` of it) at every point farther than
some multiple of ``w`` from ``x0``. ``t`` is the distance from ``x0``: ``x``
at 0+, ``-x`` at 0-, ``|x - x0|`` at ``x0 = +-10**U(-3, 3)`` on a random side,
``1/x`` at +inf and ``-1/x`` at -inf (the mirrored forms). ``w`` is
``10**U(-20, -1)`` or ``10**U(-250, -20)`` (half the draws each) at 0 and
infinity; at a nonzero ``x0``, where no float lies nearer than its ulp,
``10**U(log10(ulp(x0)), -1)``. ``c`` is 0 (a third of the draws),
``U(-0.01, 0.01)`` or ``+-10**U(-3, 1)``; ``A`` is ``+-10**U(-1, 1)``.

The report's last two lines are the counts by range of ``w`` (``w >=
1e-20`` and below) and the usual counts of `_tally`.
"""

import math

import mpmath
from _tally import Scan

import calcweb as cw

FORMS = {
    "exp": lambda t, w: 1.0 - math.exp(-t / w),
    "tanh": lambda t, w: math.tanh(t / w),
    "rat": lambda t, w: t / (t + w),
}


def distance(where, x0):
    """t(x): the distance from x0 that f falls over, on the sampled side."""
    if where == "0+":
        return lambda x: x
    if where == "0-":
        return lambda x: -x
    if where == "+inf":
        return lambda x: 1.0 / x
    if where == "-inf":
        return lambda x: -1.0 / x
    return lambda x: abs(x - x0)


def make(form, where, x0, c, a, w):  # noqa: PLR0917
    g, t = FORMS[form], distance(where, x0)
    return lambda x: c + a * g(t(x), w)


scan = Scan(show_refused=True)
bands = {
    "w>=1e-20": {"ok": 0, "refused": 0, "dishonest": 0},
    "w<1e-20": dict.fromkeys(("ok", "refused", "dishonest"), 0),
}
for rng in scan.draws():
    form = rng.choice(list(FORMS))
    where = rng.choice(["0+", "0-", "x0", "+inf", "-inf"])
    x0, side = 0.0, None
    if where == "x0":
        x0 = rng.choice([-1, 1]) * 10 ** rng.uniform(-3, 3)
        side = rng.choice(["left", "right"])
        w = 10 ** rng.uniform(math.log10(math.ulp(x0)), -1)
    else:
        low, high = (-20, -1) if rng.random() < 0.5 else (-250, -20)
        w = 10 ** rng.uniform(low, high)
        x0 = {"0+": 0.0, "0-": 0.0, "+inf": math.inf, "-inf": -math.inf}[where]
        side = {"0+": "right", "0-": "left"}.get(where)
    kind = rng.random()
    c = (
        0.0
        if kind < 1 / 3
        else rng.uniform(-0.01, 0.01)
        if kind < 2 / 3
        else rng.choice([-1, 1]) * 10 ** rng.uniform(-3, 1)
    )
    a = rng.choice([-1, 1]) * 10 ** rng.uniform(-1, 1)
    f = make(form, where, x0, c, a, w)
    label = f"{form} {where} x0={x0!r} side={side} c={c!r} A={a!r} w={w!r}"
    kwargs = {"side": side} if side is not None else {}
    before = dict(scan.counts)
    scan.ask(label, mpmath.mpf(c), cw.limit, f, x0, full_output=True, **kwargs)
    band = bands["w>=1e-20" if w >= 1e-20 else "w<1e-20"]
    for outcome in band:
        band[outcome] += scan.counts[outcome] - before[outcome]
print(bands)
scan.report()
