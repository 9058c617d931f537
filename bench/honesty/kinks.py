"""``integrate-kinks``: `integrate` (adaptive, ``full_output=True``) on kinks ``|x - c|**p``.

Each draw integrates ``|x - c|**p`` over [0, 1] with c uniform in (0.01, 0.99),
p uniform in (0.05, 3) and ``tol`` drawn from 1e-4, 1e-6, 1e-8, 1e-10 (in that
order from the generator: c, p, tol); the exact value is the closed form
``(c**(p + 1) + (1 - c)**(p + 1)) / (p + 1)`` in mpmath. Such an ``f`` is C^k
but not C^(k+1) at c (k the integer part of p), so its Legendre coefficients
fall like a power of the degree and oscillate with it: the case where error
estimates built for analytic integrands (QUADPACK's) are too small. A result
with converged=False counts as refused; one with converged=True whose true
error exceeds twice its reported error (plus the rounding of the exact value)
is dishonest.

It began as /tmp/s5/int/kinks.py (the same draws for the same seed).
"""

from __future__ import annotations

import mpmath

import calcweb as cw

from ._tally import Tally

TOLERANCES = (1e-4, 1e-6, 1e-8, 1e-10)


def search(seed: int, draws: int) -> Tally:
    """Kinks ``|x - c|**p`` on [0, 1] at a random ``tol``."""
    tally = Tally("integrate-kinks", seed)
    for rng in tally.drawing(draws):
        c, p = rng.uniform(0.01, 0.99), rng.uniform(0.05, 3.0)
        tol = rng.choice(TOLERANCES)
        exact = (mpmath.mpf(c) ** (p + 1) + (1 - mpmath.mpf(c)) ** (p + 1)) / (p + 1)

        def f(x: float, c: float = c, p: float = p) -> float:
            return float(abs(x - c) ** p)

        try:
            result = cw.integrate(f, 0.0, 1.0, tol=tol, full_output=True)
        except cw.CalcwebError:
            tally.refuse()
            continue
        if not isinstance(result, cw.IntegrationResult) or not result.converged:
            tally.refuse()
            continue
        case = f"|x - {c!r}|**{p!r} on [0, 1], tol={tol:g} (nfev {result.nfev})"
        tally.answer(case, result.value, result.error, exact, result.nfev)
    return tally
