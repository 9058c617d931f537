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
is dishonest. scipy.integrate.quad (epsabs = epsrel = tol) gets every draw
too, and its evaluations and dishonest answers (ier 0) are reported beside
calcweb's, as in integrals.py.

It began as /tmp/s5/int/kinks.py (the same draws for the same seed).
``integrate-kinks-high`` draws p from (3, 6) instead, and ``integrate-kinks-two``
sums two kinks drawn as above (c, p, c, p, then tol). ``integrate-kinks-ends``
puts the kink next to an end, in or near the first panel's sliver between
the end and its outermost node (0.00217 of [0, 1] for K21), which no node
samples: the end (0 or 1, equally likely), then the
distance d of c from it, uniform in (0, 0.01), then p uniform in (0.05, 6),
then ``tol`` from the decades 1e-4 to 1e-12 (`END_TOLERANCES`).

``integrate-ends-singular`` puts such a kink or a ramp next to an end
singularity: ``x**p + A |x - c|`` or ``x**p + A max(0, c - x)`` on [0, 1]
with p uniform in (0.05, 2.5), A = 10**u with u uniform in (-8, 0),
c = 10**v with v uniform in (-7, -2.3) (in or near the sliver of the panels
at 0), the kind (kink or ramp, equally likely), then ``tol`` = 10**w with w
uniform in (-12, -5), drawn in that order. The chain of panels at 0 is
extrapolated, and a kink in its sliver keeps its sums off by ``A c**2`` (a
ramp by ``A c**2 / 2``) at every level while it stays there. It began as
/tmp/s10/int/adv4.py (the same draws for the same seed).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import mpmath

import calcweb as cw

from ._tally import Tally
from .integrals import IntegralTally, _quad

TOLERANCES = (1e-4, 1e-6, 1e-8, 1e-10)
END_TOLERANCES = tuple(10.0**-k for k in range(4, 13))
Kink = tuple[float, float]  # (c, p): |x - c|**p


def _exact(kinks: list[Kink]) -> mpmath.mpf:
    """The integral of the sum of ``|x - c|**p`` over [0, 1], in mpmath."""
    return mpmath.fsum(
        (mpmath.mpf(c) ** (p + 1) + (1 - mpmath.mpf(c)) ** (p + 1)) / (p + 1) for c, p in kinks
    )


def _check(tally: IntegralTally, kinks: list[Kink], tol: float) -> None:
    """Integrate the sum of ``kinks`` on [0, 1] and tally the answer."""

    def f(x: float) -> float:
        return math.fsum(float(abs(x - c) ** p) for c, p in kinks)

    terms = " + ".join(f"|x - {c!r}|**{p!r}" for c, p in kinks)
    _tally_on_unit(tally, f, tol, f"{terms} on [0, 1], tol={tol:g}", _exact(kinks))


def _tally_on_unit(
    tally: IntegralTally, f: Callable[[float], float], tol: float, case: str, exact: Any
) -> None:
    """Integrate ``f`` on [0, 1] and tally the answer (a refusal if not converged).

    scipy.integrate.quad gets the same ``f`` and ``tol``: its evaluations and
    its dishonest answers are reported beside calcweb's (`integrals._quad`).
    """
    try:
        result = cw.integrate(f, 0.0, 1.0, tol=tol, full_output=True)
    except cw.CalcwebError:
        tally.refuse()
        _quad(tally, f, 0.0, 1.0, tol=tol, exact=exact, nfev=None)
        return
    _quad(tally, f, 0.0, 1.0, tol=tol, exact=exact, nfev=getattr(result, "nfev", None))
    if not isinstance(result, cw.IntegrationResult) or not result.converged:
        tally.refuse()
        return
    tally.answer(f"{case} (nfev {result.nfev})", result.value, result.error, exact, result.nfev)


def _single(name: str, seed: int, draws: int, orders: tuple[float, float]) -> IntegralTally:
    """One kink a draw: c uniform in (0.01, 0.99), p uniform in ``orders``, then tol."""
    tally = IntegralTally(name, seed)
    for rng in tally.drawing(draws):
        c, p = rng.uniform(0.01, 0.99), rng.uniform(*orders)
        _check(tally, [(c, p)], rng.choice(TOLERANCES))
    return tally


def search(seed: int, draws: int) -> Tally:
    """Kinks ``|x - c|**p`` on [0, 1] at a random ``tol``."""
    return _single("integrate-kinks", seed, draws, (0.05, 3.0))


def search_high(seed: int, draws: int) -> Tally:
    """Kinks of higher order, p uniform in (3, 6): C^3 to C^5, smooth enough to look analytic."""
    return _single("integrate-kinks-high", seed, draws, (3.0, 6.0))


def search_two(seed: int, draws: int) -> Tally:
    """Two kinks, each drawn as `search` draws one, summed."""
    tally = IntegralTally("integrate-kinks-two", seed)
    for rng in tally.drawing(draws):
        kinks = [(rng.uniform(0.01, 0.99), rng.uniform(0.05, 3.0)) for _ in range(2)]
        _check(tally, kinks, rng.choice(TOLERANCES))
    return tally


def search_ends(seed: int, draws: int) -> Tally:
    """One kink within 0.01 of an end of [0, 1], p uniform in (0.05, 6), tol 1e-4 to 1e-12."""
    tally = IntegralTally("integrate-kinks-ends", seed)
    for rng in tally.drawing(draws):
        right = rng.random() < 0.5
        distance = rng.uniform(0.0, 0.01)
        c = 1.0 - distance if right else distance
        p = rng.uniform(0.05, 6.0)
        _check(tally, [(c, p)], rng.choice(END_TOLERANCES))
    return tally


def search_ends_singular(seed: int, draws: int) -> Tally:
    """``x**p`` plus a kink or a ramp at c within 0.005 of 0, at a random ``tol``."""
    tally = IntegralTally("integrate-ends-singular", seed)
    for rng in tally.drawing(draws):
        p = rng.uniform(0.05, 2.5)
        size = 10 ** rng.uniform(-8.0, 0.0)
        c = 10 ** rng.uniform(-7.0, -2.3)
        ramp = rng.choice(("kink", "ramp")) == "ramp"
        tol = 10 ** rng.uniform(-12.0, -5.0)
        _check_end_singular(tally, (p, size, c, ramp), tol)
    return tally


def _check_end_singular(
    tally: IntegralTally, draw: tuple[float, float, float, bool], tol: float
) -> None:
    """Integrate ``x**p + size |x - c|`` (``size max(0, c - x)`` if ramp) on [0, 1].

    ``draw`` is ``(p, size, c, ramp)``.
    """
    p, size, c, ramp = draw
    mc = mpmath.mpf(c)
    if ramp:

        def f(x: float) -> float:
            return float(x**p) + size * max(0.0, c - x)

        exact = 1 / mpmath.mpf(p + 1) + size * mc**2 / 2
        term = f"{size!r}*max(0, {c!r} - x)"
    else:

        def f(x: float) -> float:
            return float(x**p) + size * abs(x - c)

        exact = 1 / mpmath.mpf(p + 1) + size * (mc**2 + (1 - mc) ** 2) / 2
        term = f"{size!r}*abs(x - {c!r})"
    _tally_on_unit(tally, f, tol, f"x**{p!r} + {term} on [0, 1], tol={tol:.2g}", exact)
