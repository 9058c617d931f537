"""Limits of f that varies on a large scale, with a feature far out (mpmath oracle).

``f(x) = g(t) + a phi(h)``, ``t = (x - x0)/c``, ``h = |x - x0|``: ``g`` a
cancelling quotient whose scale ``c`` is 10**U(2, 10) (``(exp(t) - 1)/(x -
x0)``, ``(sqrt(1 + t) - 1)/(x - x0)``, ``log(1 + t)/(x - x0)``, ``sin(t)/(x
- x0)``, ``(exp(t) - 1)/t``; ``(1 - cos t)/t**2`` at 10**U(1, 5), as ``1 -
cos t`` is 0 for ``|t| < 1e-8``), so that `limit`'s first samples, from ``h
= 1/4`` (``|x0|/4`` or so at ``|x0| > 1``), show little but rounding; and
``phi`` a feature at ``h = D``, ``D = c 10**U(-8, 1)``: a pole ``D/(h -
D)``, a kink ``max(0, h - D)/D``, a cut-off ``(h > D)``, an oscillation
``(h > D) sin(50 h/D)``, a domain end ``sqrt(1 - h/D) - 1`` (f raises
beyond ``D``), or none; ``a`` is ``g``'s limit times ``+-10**U(-16, 0)``.
``x0`` is 0 (half the draws), or +-10**U(-3, 3); the side is random. The
exact value is f at ``h = 1e-30`` on the side, at 150 digits (both sides
must agree to 1e-30, else the draw is skipped).
"""

import math

import mpmath
from _tally import Scan

import calcweb as cw

mpmath.mp.dps = 150


def bases(lib):
    """g(t, d) for d = x - x0, t = d/c, in math or mpmath."""
    return {
        "expm1/h": lambda t, d: (lib.exp(t) - 1) / d,
        "sqrt/h": lambda t, d: (lib.sqrt(1 + t) - 1) / d,
        "log1p/h": lambda t, d: lib.log(1 + t) / d,
        "sin/h": lambda t, d: lib.sin(t) / d,
        "expm1/t": lambda t, d: (lib.exp(t) - 1) / t,  # noqa: ARG005
        "1-cos/t2": lambda t, d: (1 - lib.cos(t)) / t**2,  # noqa: ARG005
    }


def features(lib):
    """phi(h, D), in math or mpmath."""
    return {
        "none": lambda h, big: 0 * h,  # noqa: ARG005
        "pole": lambda h, big: big / (h - big),
        "kink": lambda h, big: max(0 * h, h - big) / big,
        "cutoff": lambda h, big: 1 if h > big else 0,
        "osc": lambda h, big: lib.sin(50 * h / big) if h > big else 0,
        "end": lambda h, big: lib.sqrt(1 - h / big) - 1,
    }


LIMITS = {
    "expm1/h": 1.0,
    "sqrt/h": 0.5,
    "log1p/h": 1.0,
    "sin/h": 1.0,
    "expm1/t": 1.0,
    "1-cos/t2": 0.5,
}
PER_C = {"expm1/h", "sqrt/h", "log1p/h", "sin/h"}  # the limit is LIMITS / c

MATH, MP = bases(math), bases(mpmath)
MATH_F, MP_F = features(math), features(mpmath)


def make(base, feature, c, big, a, x0, lib_base, lib_feature):  # noqa: PLR0917
    g, phi = lib_base[base], lib_feature[feature]

    def f(x):
        d = x - x0
        return g(d / c, d) + a * phi(abs(d), big)

    return f


scan = Scan()
for rng in scan.draws():
    base = rng.choice(list(MATH))
    feature = rng.choice(list(MATH_F))
    # 1 - cos t cancels to 0 for |t| < 1e-8: at c above 1e5 f is 0 at most usual samples
    c = 10 ** rng.uniform(1, 5) if base == "1-cos/t2" else 10 ** rng.uniform(2, 10)
    big = c * 10 ** rng.uniform(-8, 1)
    limit_g = LIMITS[base] / c if base in PER_C else LIMITS[base]
    a = rng.choice([-1, 1]) * limit_g * 10 ** rng.uniform(-16, 0)
    x0 = 0.0 if rng.random() < 0.5 else rng.choice([-1, 1]) * 10 ** rng.uniform(-3, 3)
    side = rng.choice(["left", "right", "both"])
    f = make(base, feature, c, big, a, x0, MATH, MATH_F)
    F = make(base, feature, mpmath.mpf(c), mpmath.mpf(big), mpmath.mpf(a), mpmath.mpf(x0), MP, MP_F)
    tiny = mpmath.mpf(10) ** -30
    trues = [
        F(mpmath.mpf(x0) + s * tiny)
        for s in ((-1, 1) if side == "both" else (-1 if side == "left" else 1,))
    ]
    if side == "both" and abs(trues[0] - trues[1]) > 1e-30 * abs(trues[0]):
        scan.skip()
        continue
    label = f"{base}+{feature} c={c!r} D={big!r} a={a!r} x0={x0!r} {side}"
    scan.ask(label, trues[-1], cw.limit, f, x0, side=side, full_output=True)
scan.report()
