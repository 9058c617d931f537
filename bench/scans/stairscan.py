"""`integrate` on staircases: floor(k x)/k, round(k x)/k and steps on a sine, exact by fractions.

``python bench/scans/stairscan.py SEED N`` (default 1 300). Each draw: a staircase
with jumps at every multiple of 1/k (k from 0.7 to 10: ``floor``, ``round``),
or 1 to 6 jumps of random height at random points on ``sin(x)`` (``steps``),
on ``[a, a + 10**U(-0.5, 1)]``, ``a = U(-3, 1)``, at ``tol = 10**U(-12, -4)``.
The exact value: the steps' rectangles in fractions (a float's jump sits
within an ulp of m/k, which moves the integral by far less than any tol),
plus mpmath's cosine for the sine. No rule that samples f at finitely many
points resolves a jump, but an answer must say so (converged=False, or an
error that covers it): each step between two nodes is a miss of up to its
height times the node spacing. Prints as `_tally.Scan` does, refusals too
(``REFUSED``/``NOTCONV``). A staircase whose nodes look odd about the
interval's centre is summed to 0 by the symmetric panels, on one panel
(`calcweb._integrate._checked_half` only asks that a half converge).
"""

import itertools
import math
from fractions import Fraction

import mpmath
from _tally import Scan

import calcweb as cw

mpmath.mp.dps = 30


def floor_integral(k: float, a: Fraction, b: Fraction) -> Fraction:
    """The integral of floor(K x)/K over [a, b], K = k as a fraction, exactly."""
    kk = Fraction(k)
    cuts = [m / kk for m in range(math.floor(a * kk) + 1, math.floor(b * kk) + 1)]
    ends = [a, *cuts, b]
    return (
        sum(
            ((q - p) * math.floor(kk * (p + q) / 2) for p, q in itertools.pairwise(ends)),
            Fraction(0),
        )
        / kk
    )


scan = Scan(show_refused=True)
for rng in scan.draws():
    kind = rng.choice(["floor", "round", "steps"])
    a = rng.uniform(-3, 1)
    b = a + 10 ** rng.uniform(-0.5, 1)
    tol = 10 ** rng.uniform(-12, -4)
    fa, fb = Fraction(a), Fraction(b)
    if kind == "floor":
        k = rng.choice([0.7, 1.3, 2, 3, 5, 7, 10])
        f = lambda x, k=k: math.floor(k * x) / k
        true = floor_integral(k, fa, fb)
        label = f"floor({k}*x)/{k}"
    elif kind == "round":
        k = rng.choice([0.7, 1.3, 2, 3, 5, 7, 10])
        f = lambda x, k=k: round(k * x) / k
        # round(k x) = floor(k x + 1/2) but at exact halves (no area): shift by 1/(2K).
        shift = 1 / (2 * Fraction(k))
        true = floor_integral(k, fa + shift, fb + shift)
        label = f"round({k}*x)/{k}"
    else:
        jumps = [
            (rng.uniform(a, b), rng.choice([-1, 1]) * 10 ** rng.uniform(-3, 0))
            for _ in range(rng.randint(1, 6))
        ]
        f = lambda x, jumps=jumps: math.sin(x) + sum(h for c, h in jumps if x > c)
        true = (
            mpmath.cos(a) - mpmath.cos(b) + sum(Fraction(h) * (fb - Fraction(c)) for c, h in jumps)
        )
        label = "sin(x)+steps" + "".join(f"+{h!r}*(x>{c!r})" for c, h in jumps)
    scan.ask(
        f"{label} a={a!r} b={b!r} tol={tol:.3g}",
        mpmath.mpf(true.numerator) / true.denominator if isinstance(true, Fraction) else true,
        cw.integrate,
        f,
        a,
        b,
        tol=tol,
        full_output=True,
    )
scan.report()
