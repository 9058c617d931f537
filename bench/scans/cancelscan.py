"""Integrands written naively that cancel near a point: answered honestly, at what cost next to quad.

``python bench/scans/cancelscan.py SEED N``. Each draw integrates, over ``[a, b]`` with ``a``
in [-3, 1] and ``b - a`` = 10**U(-1, 1.3), at the default tol or at tol = 1e-12, ``g(s (x -
c))`` (or, one time in four, ``g(s (x - a)) + g(s (x - c))``: both an end and a point
inside) with ``s`` = 10**U(-1, 1), ``c`` an end of the interval (half the time) or a point
inside it, and ``g(u)`` one of

- ``(1 - cos u)/u**2``, ``(u - sin u)/u**3``, ``(exp(u) - 1 - u)/u**2``, ``(cosh u - 1)/u**2``;
- ``(sqrt(1 + u) - 1)/u``, ``log(1 + u)/u`` (``s`` made small enough that ``1 + u > 0.1``);

written as a user would (``... if u else`` the limit at 0): near ``u = 0`` the subtraction
loses the digits of ``f`` (``1 - cos u`` all of them for ``|u| < 1e-8``). Exact values:
mpmath.quad (40 digits) on each side of ``c`` of the form written without the cancellation
(``2 sin(u/2)**2``, ``u/(sqrt(1 + u) + 1)``, ``log1p``; ``u - sin u`` and ``exp(u) - 1 -
u`` at a working precision raised by three times the bits ``u`` is below 1). Through
`_tally.Scan`; then the median and 90th percentile of calcweb's evaluations over quad's
(``scipy.integrate.quad``, epsabs = epsrel = tol, 1e-10 for the default) on the draws
calcweb answered, and quad's own answers (ier 0) and the dishonest ones among them.
"""

import math

import mpmath
from _quad import QuadBeside
from _tally import Scan

mpmath.mp.dps = 40
M = mpmath.mpf


def raised(expression):
    """``expression(u)`` at a precision raised by three times the bits ``|u|`` is below 1."""

    def value(u):
        extra = 3 * max(0, -int(mpmath.floor(mpmath.log(abs(u), 2)))) + 30
        with mpmath.workprec(mpmath.mp.prec + extra):
            return +expression(u)

    return value


# (name, naive g, its limit at 0, g without the cancellation in mpmath, u must stay > -0.9)
FAMILIES = [
    ("(1 - cos u)/u**2", lambda u: (1 - math.cos(u)) / u**2, 0.5,
     lambda u: 2 * mpmath.sin(u / 2) ** 2 / u**2, False),
    ("(u - sin u)/u**3", lambda u: (u - math.sin(u)) / u**3, 1 / 6,
     raised(lambda u: (u - mpmath.sin(u)) / u**3), False),
    ("(exp(u) - 1 - u)/u**2", lambda u: (math.exp(u) - 1 - u) / u**2, 0.5,
     raised(lambda u: (mpmath.exp(u) - 1 - u) / u**2), False),
    ("(cosh u - 1)/u**2", lambda u: (math.cosh(u) - 1) / u**2, 0.5,
     lambda u: 2 * mpmath.sinh(u / 2) ** 2 / u**2, False),
    ("(sqrt(1 + u) - 1)/u", lambda u: (math.sqrt(1 + u) - 1) / u, 0.5,
     lambda u: 1 / (mpmath.sqrt(1 + u) + 1), True),
    ("log(1 + u)/u", lambda u: math.log(1 + u) / u, 1.0,
     lambda u: mpmath.log1p(u) / u, True),
]  # fmt: skip
LIMITS = {name: M(1) / 6 if "sin" in name else M(limit) for name, _, limit, _, _ in FAMILIES}

scan = Scan(show_refused=True, median_calls=True)
beside = QuadBeside()


def term(g, limit, s, c):
    """``g(s (x - c))``, the limit where ``s (x - c)`` is 0: as a user writes it."""

    def f(x):
        u = s * (x - c)
        return g(u) if u else limit

    return f


def exact_term(name, g_mp, s, c, interval):
    """The integral of ``g(s (x - c))`` over [a, b], split at c, in mpmath."""

    def f(x):
        u = M(s) * (x - M(c))
        return g_mp(u) if u else LIMITS[name]

    a, b = interval
    points = [M(a), *([M(c)] if a < c < b else []), M(b)]
    return mpmath.quad(f, points)


for rng in scan.draws():
    a = rng.uniform(-3, 1)
    b = a + 10 ** rng.uniform(-1, 1.3)
    where = rng.choice(["start", "end", "inside", "both"])
    c = {"start": a, "end": b}.get(where, a + (b - a) * rng.uniform(0.02, 0.98))
    tol = None if rng.random() < 0.5 else 1e-12
    name, g, limit, g_mp, above = rng.choice(FAMILIES)
    s = 10 ** rng.uniform(-1, 1) * rng.choice([-1, 1])
    centres = [a, c] if where == "both" else [c]
    if above:  # 1 + u > 0.1 for every x in [a, b], u = s (x - centre)
        s = math.copysign(min(abs(s), 0.9 / max(abs(x - c0) for x in (a, b) for c0 in centres)), s)
    terms = [term(g, limit, s, centre) for centre in centres]
    f = terms[0] if len(terms) == 1 else (lambda x, t0=terms[0], t1=terms[1]: t0(x) + t1(x))
    true = sum(exact_term(name, g_mp, s, centre, (a, b)) for centre in centres)
    text = " + ".join(f"g({s!r} (x - {centre!r}))" for centre in centres)
    label = f"{text} g(u)={name} on [{a!r}, {b!r}] tol={tol!r} ({where})"
    scan.ask(label, true, beside.compared, f, a, b, tol, true)

beside.report()
scan.report()
