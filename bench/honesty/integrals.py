"""`integrate` (adaptive, ``full_output=True``) against closed forms and mpmath.quad.

Each draw is a sum of one to three terms on one interval, with a random
``tol`` = 10^u, u uniform in [-12, -4]; the exact value is the sum of the terms'
integrals, each a closed form or, where none is at hand, mpmath.quad at two
precisions that must agree to 1e-25 (else the draw is skipped).

``integrate-peaks``: peaks of height 1 and width w (Lorentzian w^2/((x-c)^2 + w^2),
Gaussian e^{-((x-c)/w)^2}, sech^2((x-c)/w)) at c anywhere in [0, 1], [0, L] or
[-A, B] (L, A, B up to 1000), often near an end, w from 10^-5 to 0.3 of the
interval, sometimes on a background (1, x, cos x).
``integrate-peaks-ends``: one such peak, of height 10^-6 to 1, at a distance d
= 10^-7 to 2e-3 from 0 or 1 (inside the sliver between the end and the
outermost node, 0.00217, that no node of the first panel samples), whose width
makes it a share s = 10^-12 to 10^-1 of its height at that end, on a
background (1, x, cos x); drawn as background, kind, d, s, height, end, tol.
f at the end sees only the peak's flank. Here a lie counts apart as "peak
never sampled" only where the peak changed no sample by 10^-11 of the
largest |f| sampled (`FAINT`): what f at the end shows beyond rounding.
``integrate-oscillating``: sin(k x), x sin(k x), sin(k x)/x, cos(k x) e^{-x} with k
up to 10^3 on [0, 1], [0, L] and [a, b] (L up to 100), and cos(k x) e^{-x} on [0, inf).
``integrate-singular``: x^a log(x)^b (b = 0, 1, 2) on [0, L], (L - x)^a on [0, L],
x^a (1 - x)^c on [0, 1], 1/sqrt(1 - x^2) on [0, 1] and [-1, 1], a and c in (-1, 2).
``integrate-infinite``: e^{-a x}, 1/(1 + x^2)^q, x^a e^{-b x} and Gaussians of width
w at c on [c0, inf), e^{a x} on (-inf, c0], and Lorentzians, Gaussians, sech^2 and
1/(1 + x^2)^q on (-inf, inf), with c up to 10^3 away from 0.

An answer with converged=True is dishonest when its true error exceeds twice its
reported error plus 4 ulp of the exact value. A result with converged=False
counts as refused (as a NumericalError does); those whose error is still too
small are counted apart ("unconverged, error too small"). Where a peak added
less than 1e-3 of its height to every sample calcweb took (2.6 widths for a
Gaussian, 4.1 for sech^2, 32 for a Lorentzian), the lie is counted apart ("peak
never sampled"): the blind spot `integrate`'s docstring documents. Each draw
is also given to scipy.integrate.quad (epsabs = epsrel = tol, limit 500): its
evaluations and its own dishonest answers (ier == 0) are reported beside
calcweb's.
"""

from __future__ import annotations

import math
import random
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import mpmath
from scipy import integrate as scipy_integrate

import calcweb as cw

from ._tally import Lie, Tally

Function = Callable[[float], float]
INF = math.inf


@dataclass
class Term:
    """One summand: its name, the float function and its exact integral on the interval."""

    name: str
    f: Function
    exact: Any
    peak: tuple[float, float] | None = None  # (centre, width) of a peak


@dataclass
class IntegralTally(Tally):
    """A Tally with scipy.integrate.quad's evaluations and honesty beside calcweb's."""

    quad_nfevs: list[int] = field(default_factory=list)
    quad_answered: int = 0
    quad_lies: int = 0
    ratios: list[float] = field(default_factory=list)  # calcweb nfev / quad neval

    def report(self, show: int) -> str:
        lines = [super().report(show)]
        if self.quad_nfevs:
            median = sorted(self.quad_nfevs)[len(self.quad_nfevs) // 2]
            ratios = sorted(self.ratios)
            lines.append(
                f"  quad: answered (ier 0) {self.quad_answered}, dishonest {self.quad_lies}, "
                f"median neval {median}; calcweb nfev / quad neval: median "
                f"{ratios[len(ratios) // 2]:.2f}, 90th percentile "
                f"{ratios[int(0.9 * len(ratios))]:.2f}"
            )
        return "\n".join(lines)


def _ulp(exact: Any) -> float:
    nearest = float(exact)
    return math.ulp(nearest) if math.isfinite(nearest) else 0.0


def _too_far(value: float, error: float, exact: Any) -> bool:
    """True error above twice the reported error plus 4 ulp of the exact value."""
    return bool(abs(mpmath.mpf(value) - exact) > 2.0 * error + 4.0 * _ulp(exact))


def _mp_quad(f: Callable[[Any], Any], a: float, b: float) -> Any:
    """mpmath.quad at 40 and 55 digits; None unless they agree to 1e-25 (relative)."""
    with mpmath.workdps(40):
        low = mpmath.quad(f, [mpmath.mpf(a), mpmath.mpf(b)])
    with mpmath.workdps(55):
        high = mpmath.quad(f, [mpmath.mpf(a), mpmath.mpf(b)])
    if abs(high - low) > mpmath.mpf("1e-25") * max(abs(high), mpmath.mpf("1e-300")):
        return None
    return high


SEEN = 1e-3  # a peak adding less than this share of its height to every sample was not seen


def _peak_seen(terms: list[Term], sampled: list[float]) -> tuple[bool, float]:
    """Whether every peak added SEEN of its height to some sample; the least a peak added.

    A peak's term is the peak alone, of height 1, so its largest value over the
    samples is the share of its height the best-placed sample saw.
    """
    least = 1.0
    for term in terms:
        if term.peak is not None:
            least = min(least, max((term.f(x) for x in sampled), default=0.0))
    return least >= SEEN, least


def _recorded_sum(terms: list[Term]) -> tuple[Function, list[float]]:
    """The sum of ``terms`` as one function, and the list of the points it is called at."""
    functions = [term.f for term in terms]
    sampled: list[float] = []

    def f(x: float) -> float:
        sampled.append(x)
        return math.fsum(g(x) for g in functions)

    return f, sampled


def _check(
    tally: IntegralTally,
    terms: list[Term],
    a: float,
    b: float,
    tol: float,
    *,
    seen: Callable[[list[Term], list[float]], tuple[bool, float]] = _peak_seen,
) -> None:
    """Integrate the sum of ``terms`` on [a, b] with calcweb and quad; tally both.

    ``seen`` says whether calcweb's samples saw every peak (a lie otherwise
    counts apart, as "peak never sampled") and the least share of a peak's
    height a sample saw.
    """
    if any(term.exact is None for term in terms):
        tally.other["skipped (mpmath disagrees with itself)"] += 1
        return
    exact = mpmath.fsum(term.exact for term in terms)
    f, sampled = _recorded_sum(terms)

    case = f"{' + '.join(term.name for term in terms)} on [{a!r}, {b!r}] tol={tol:.1e}"
    try:
        result = cw.integrate(f, a, b, tol=tol, full_output=True)
    except cw.CalcwebError:
        tally.refuse()
        _quad(tally, f, a, b, tol=tol, exact=exact, nfev=None)
        return
    except Exception as error:  # a crash is counted, and the search goes on
        tally.crash(case, error)
        return
    assert isinstance(result, cw.IntegrationResult)  # noqa: S101 - full_output=True
    ours = sampled[:]  # calcweb's points only: quad's follow
    _quad(tally, f, a, b, tol=tol, exact=exact, nfev=result.nfev)
    if not result.converged:
        tally.refuse()
        tally.other["converged=False"] += 1
        if _too_far(result.value, result.error, exact):
            tally.other["unconverged, error too small"] += 1
        return
    tally.answered += 1
    tally.nfevs.append(result.nfev)
    if not _too_far(result.value, result.error, exact):
        return
    peaks_seen, least = seen(terms, ours)
    if not peaks_seen:
        tally.other["dishonest, peak never sampled"] += 1
        return
    if least < 1.0:
        case += f" (the best sample saw {least:.2g} of the peak's height)"
    true_error = abs(mpmath.mpf(result.value) - exact)
    ratio = float(true_error / result.error) if result.error else math.inf
    tally.lies.append(
        Lie(ratio, f"{case} nfev={result.nfev}", result.value, float(exact), result.error)
    )


def _quad(
    tally: IntegralTally,
    f: Function,
    a: float,
    b: float,
    *,
    tol: float,
    exact: Any,
    nfev: int | None,
) -> None:
    """scipy.integrate.quad on the same problem: its cost and its honesty."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            answer = scipy_integrate.quad(f, a, b, epsabs=tol, epsrel=tol, limit=500, full_output=1)
        except Exception:  # quad is the comparison, not the subject
            return
    value, error, info = answer[:3]
    neval = int(info["neval"])
    tally.quad_nfevs.append(neval)
    if nfev is not None:
        tally.ratios.append(nfev / neval)
    if len(answer) == 3:  # ier == 0: quad claims success (a message follows otherwise)
        tally.quad_answered += 1
        if _too_far(value, error, exact):
            tally.quad_lies += 1


def _tol(rng: random.Random) -> float:
    return float(f"{10 ** rng.uniform(-12, -4):.2g}")


# ----------------------------------------------------------------------------- peaks


def _sech2(t: float) -> float:
    """sech(t)^2 without overflow: 4 s / (1 + s)^2 with s = e^{-2|t|}."""
    s = math.exp(-2.0 * abs(t))
    return 4.0 * s / ((1.0 + s) * (1.0 + s))


def _peak(rng: random.Random, c: float, w: float, a: float, b: float) -> Term:
    """A peak of height 1 and width w at c, with its exact integral on [a, b]."""
    return _peak_of(rng.choice(PEAKS), c, w, a, b)


PEAKS = ["lorentz", "gauss", "sech2"]


def _peak_of(kind: str, c: float, w: float, a: float, b: float) -> Term:
    """A peak of ``kind`` (in `PEAKS`), height 1 and width w at c, and its integral on [a, b]."""
    C, W = mpmath.mpf(c), mpmath.mpf(w)  # noqa: N806 - exact copies of c and w
    lo = (mpmath.mpf(a) - C) / W if math.isfinite(a) else -mpmath.inf
    hi = (mpmath.mpf(b) - C) / W if math.isfinite(b) else mpmath.inf
    label = f"{kind}(c={c!r}, w={w!r})"
    if kind == "lorentz":
        exact = W * (mpmath.atan(hi) - mpmath.atan(lo))
        return Term(label, lambda x: w * w / ((x - c) ** 2 + w * w), exact, (c, w))
    if kind == "gauss":
        exact = W * mpmath.sqrt(mpmath.pi) / 2 * (mpmath.erf(hi) - mpmath.erf(lo))
        return Term(label, lambda x: math.exp(-(((x - c) / w) ** 2)), exact, (c, w))
    exact = W * (mpmath.tanh(hi) - mpmath.tanh(lo))
    return Term(label, lambda x: _sech2((x - c) / w), exact, (c, w))


def _background(rng: random.Random, a: float, b: float) -> Term:
    A, B = mpmath.mpf(a), mpmath.mpf(b)  # noqa: N806 - exact copies of a and b
    kind = rng.choice(["1", "x", "cos x"])
    if kind == "1":
        return Term("1", lambda _x: 1.0, B - A)
    if kind == "x":
        return Term("x", lambda x: x, (B * B - A * A) / 2)
    return Term("cos x", math.cos, mpmath.sin(B) - mpmath.sin(A))


def _interval(rng: random.Random) -> tuple[float, float]:
    """[0, 1] half the time, else [0, L] or [-A, B], L, A, B from 1 to 1000."""
    kind = rng.random()
    if kind < 0.5:
        return 0.0, 1.0
    if kind < 0.75:
        return 0.0, float(f"{10 ** rng.uniform(0, 3):.3g}")
    return -float(f"{10 ** rng.uniform(0, 3):.3g}"), float(f"{10 ** rng.uniform(0, 3):.3g}")


def _centre(rng: random.Random, a: float, b: float) -> float:
    """Uniform in [a, b], or near an end (a third of the time)."""
    if rng.random() < 1 / 3:
        near = (b - a) * 10 ** rng.uniform(-6, -1)
        return a + near if rng.random() < 0.5 else b - near
    return rng.uniform(a, b)


def search_peaks(seed: int, draws: int) -> IntegralTally:
    """One or two peaks, half the time on a background."""
    tally = IntegralTally("integrate-peaks", seed)
    for rng in tally.drawing(draws):
        a, b = _interval(rng)
        terms = []
        for _peak_number in range(rng.choice([1, 1, 2])):
            c = _centre(rng, a, b)
            w = float(f"{(b - a) * 10 ** rng.uniform(-5, math.log10(0.3)):.3g}")
            terms.append(_peak(rng, c, w, a, b))
        if rng.random() < 0.5:
            terms.append(_background(rng, a, b))
        _check(tally, terms, a, b, _tol(rng))
    return tally


# ------------------------------------------------------------------------ peaks-ends

FAINT = 1e-11  # a peak changing no sample by this share of the largest |f| sampled was not seen


def _widths_to(kind: str, share: float) -> float:
    """The distance, in widths, from a peak of ``kind`` at which it is ``share`` of its height."""
    if kind == "gauss":
        return math.sqrt(-math.log(share))
    if kind == "sech2":
        return math.acosh(1.0 / math.sqrt(share))
    return math.sqrt((1.0 - share) / share)  # lorentz


def _seen_beyond_rounding(terms: list[Term], sampled: list[float]) -> tuple[bool, float]:
    """Whether the peak changed some sample by `FAINT` of the largest |f| sampled.

    The peak's term is its height times a peak of height 1 (``peak[1]`` holds
    its width, the term's own f the scaled peak); the share returned is that
    of the peak's height the best-placed sample saw.
    """
    largest = max((abs(math.fsum(term.f(x) for term in terms)) for x in sampled), default=0.0)
    for term in terms:
        if term.peak is not None:
            best = max((abs(term.f(x)) for x in sampled), default=0.0)
            height = abs(term.f(term.peak[0]))
            return best >= FAINT * largest, best / height if height else 0.0
    return True, 1.0


def _scaled(peak: Term, height: float) -> Term:
    """``peak`` times ``height``."""
    unit = peak.f
    return Term(
        f"{height!r}*{peak.name}", lambda x: height * unit(x), height * peak.exact, peak.peak
    )


def search_peaks_ends(seed: int, draws: int) -> IntegralTally:
    """A peak next to an end of [0, 1] that f at the end sees only by its flank."""
    tally = IntegralTally("integrate-peaks-ends", seed)
    for rng in tally.drawing(draws):
        background = _background(rng, 0.0, 1.0)
        kind = rng.choice(PEAKS)
        distance = 10 ** rng.uniform(-7.0, -2.7)
        share = 10 ** rng.uniform(-12.0, -1.0)
        height = 10 ** rng.uniform(-6.0, 0.0)
        right = rng.random() < 0.5
        tol = _tol(rng)
        c = 1.0 - distance if right else distance
        w = float(f"{distance / _widths_to(kind, share):.3g}")
        peak = _scaled(_peak_of(kind, c, w, 0.0, 1.0), height)
        _check(tally, [peak, background], 0.0, 1.0, tol, seen=_seen_beyond_rounding)
    return tally


# ----------------------------------------------------------------------- oscillating


def _oscillating(rng: random.Random, a: float, b: float) -> Term:
    k = float(f"{10 ** rng.uniform(0, 3):.4g}")
    K, A, B = mpmath.mpf(k), mpmath.mpf(a), mpmath.mpf(b)  # noqa: N806 - exact copies
    kinds = ["sin", "x sin", "sinc", "cos exp"] if a >= 0 else ["sin", "x sin"]
    kind = rng.choice(kinds)
    if math.isinf(b):
        kind = "cos exp"
    if kind == "sin":
        return Term(
            f"sin({k!r} x)", lambda x: math.sin(k * x), (mpmath.cos(K * A) - mpmath.cos(K * B)) / K
        )
    if kind == "x sin":

        def antiderivative(x: Any) -> Any:
            return mpmath.sin(K * x) / K**2 - x * mpmath.cos(K * x) / K

        return Term(
            f"x sin({k!r} x)", lambda x: x * math.sin(k * x), antiderivative(B) - antiderivative(A)
        )
    if kind == "sinc":
        return Term(
            f"sin({k!r} x)/x", lambda x: math.sin(k * x) / x, mpmath.si(K * B) - mpmath.si(K * A)
        )

    def primitive(x: Any) -> Any:
        if mpmath.isinf(x):
            return mpmath.mpf(0)
        return mpmath.exp(-x) * (K * mpmath.sin(K * x) - mpmath.cos(K * x)) / (1 + K**2)

    return Term(
        f"cos({k!r} x) e^-x", lambda x: math.cos(k * x) * math.exp(-x), primitive(B) - primitive(A)
    )


def search_oscillating(seed: int, draws: int) -> IntegralTally:
    """One or two oscillating terms, k up to 1000."""
    tally = IntegralTally("integrate-oscillating", seed)
    for rng in tally.drawing(draws):
        kind = rng.random()
        if kind < 0.4:
            a, b = 0.0, 1.0
        elif kind < 0.7:
            a, b = 0.0, float(f"{10 ** rng.uniform(0, 2):.3g}")
        elif kind < 0.9:
            a = float(f"{rng.uniform(-10, 10):.3g}")
            b = a + float(f"{10 ** rng.uniform(-1, 1.5):.3g}")
        else:
            a, b = 0.0, INF
        terms = [_oscillating(rng, a, b) for _ in range(rng.choice([1, 1, 2]))]
        _check(tally, terms, a, b, _tol(rng))
    return tally


# -------------------------------------------------------------------------- singular


def _exponent(rng: random.Random) -> float:
    """In (-1, 2): uniform, or within 10^-2 to 1 of -1 (a third of the time)."""
    if rng.random() < 1 / 3:
        return float(f"{-1 + 10 ** rng.uniform(-2, 0):.3g}")
    return float(f"{rng.uniform(-0.99, 2):.3g}")


def _power_log(a: float, b: int, length: float) -> Term:
    """x^a log(x)^b on [0, L], exactly: x = L u, and the integral of u^a log(u)^j on [0, 1].

    That is (-1)^j j! / (a + 1)^(j + 1); log(L u)^b expands by the binomial theorem.
    """
    A, L = mpmath.mpf(a), mpmath.mpf(length)  # noqa: N806 - exact copies
    exact = L ** (A + 1) * mpmath.fsum(
        mpmath.binomial(b, j)
        * mpmath.log(L) ** (b - j)
        * (-1) ** j
        * mpmath.factorial(j)
        / (A + 1) ** (j + 1)
        for j in range(b + 1)
    )
    name = f"x^{a!r} log(x)^{b}" if b else f"x^{a!r}"
    return Term(name, lambda x: x**a * math.log(x) ** b, exact)


def _singular(rng: random.Random) -> tuple[list[Term], float, float]:
    """A draw of integrable end singularities, and its interval."""
    kind = rng.choice(["power-log", "power-log", "right", "beta", "arcsine", "sum"])
    a, b = 0.0, 1.0
    if kind in ("power-log", "right") and rng.random() < 0.5:
        b = float(f"{10 ** rng.uniform(-1, 1):.3g}")
    if kind == "power-log":
        return [_power_log(_exponent(rng), rng.choice([0, 1, 2]), b)], a, b
    if kind == "right":
        p, length = _exponent(rng), b
        exact = mpmath.mpf(length) ** (mpmath.mpf(p) + 1) / (mpmath.mpf(p) + 1)
        return [Term(f"({length!r} - x)^{p!r}", lambda x: (length - x) ** p, exact)], a, b
    if kind == "beta":
        p, q = _exponent(rng), _exponent(rng)
        exact = mpmath.beta(mpmath.mpf(p) + 1, mpmath.mpf(q) + 1)
        return [Term(f"x^{p!r} (1 - x)^{q!r}", lambda x: x**p * (1.0 - x) ** q, exact)], a, b
    if kind == "arcsine":
        a = rng.choice([0.0, -1.0])
        exact = mpmath.pi / 2 if a == 0.0 else mpmath.pi
        f = Term("1/sqrt(1 - x^2)", lambda x: 1.0 / math.sqrt((1.0 - x) * (1.0 + x)), exact)
        return [f], a, b
    p = _exponent(rng)
    exact = 1 / (mpmath.mpf(p) + 1)
    left = _power_log(_exponent(rng), rng.choice([0, 1, 2]), 1.0)
    return [left, Term(f"(1 - x)^{p!r}", lambda x: (1.0 - x) ** p, exact)], a, b


def search_singular(seed: int, draws: int) -> IntegralTally:
    """Integrable singularities at one end or both."""
    tally = IntegralTally("integrate-singular", seed)
    for rng in tally.drawing(draws):
        terms, a, b = _singular(rng)
        _check(tally, terms, a, b, _tol(rng))
    return tally


# -------------------------------------------------------------------------- infinite


def _decaying(rng: random.Random, a: float, b: float) -> Term:
    """A term that decays on [a, b] (one end infinite)."""
    if math.isinf(a) and math.isinf(b):
        kind = rng.choice(["peak", "peak", "rational"])
    elif math.isinf(b):
        kind = rng.choice(
            ["exp", "rational", "gamma", "peak"] if a >= 0 else ["exp", "rational", "peak"]
        )
    else:
        kind = "exp"
    if kind == "peak":
        c = rng.choice([-1, 1]) * 10 ** rng.uniform(0, 3)
        if math.isfinite(a):
            c = a + abs(c)
        w = float(f"{10 ** rng.uniform(-2, 1):.3g}")
        return _peak(rng, float(f"{c:.4g}"), w, a, b)
    if kind == "exp":
        rate = float(f"{10 ** rng.uniform(-2, 2):.3g}")
        R = mpmath.mpf(rate)  # noqa: N806 - exact copy
        if math.isinf(b):
            return Term(f"e^(-{rate!r} x)", lambda x: math.exp(-rate * x), mpmath.exp(-R * a) / R)
        return Term(f"e^({rate!r} x)", lambda x: math.exp(rate * x), mpmath.exp(R * b) / R)
    if kind == "rational":
        q = float(f"{rng.uniform(0.6, 4):.3g}")
        Q = mpmath.mpf(q)  # noqa: N806 - exact copy
        if math.isinf(a):
            exact = mpmath.sqrt(mpmath.pi) * mpmath.gamma(Q - 0.5) / mpmath.gamma(Q)
        else:
            exact = _mp_quad(lambda x: (1 + x * x) ** -Q, a, b)
        return Term(f"(1 + x^2)^-{q!r}", lambda x: (1.0 + x * x) ** -q, exact)
    p = _exponent(rng) + rng.choice([0, 0, 2])
    rate = float(f"{10 ** rng.uniform(-1, 1):.3g}")
    P, R = mpmath.mpf(p), mpmath.mpf(rate)  # noqa: N806 - exact copies
    exact = mpmath.gammainc(P + 1, R * a) / R ** (P + 1)
    return Term(f"x^{p!r} e^(-{rate!r} x)", lambda x: x**p * math.exp(-rate * x), exact)


def search_infinite(seed: int, draws: int) -> IntegralTally:
    """One or two decaying terms on a half-line or the whole line."""
    tally = IntegralTally("integrate-infinite", seed)
    for rng in tally.drawing(draws):
        kind = rng.random()
        if kind < 0.5:
            a, b = float(f"{rng.choice([0.0, rng.uniform(-5, 5)]):.3g}"), INF
        elif kind < 0.65:
            a, b = -INF, float(f"{rng.uniform(-5, 5):.3g}")
        else:
            a, b = -INF, INF
        terms = [_decaying(rng, a, b) for _ in range(rng.choice([1, 1, 2]))]
        _check(tally, terms, a, b, _tol(rng))
    return tally


# ------------------------------------------------------------------------- composite


def search_composite(seed: int, draws: int) -> IntegralTally:
    """``method`` trapezoid or simpson (``full_output=True``) on the other searches' integrands.

    Each draw takes the integrand and finite interval of an ``integrate-peaks``,
    ``integrate-oscillating`` (finite intervals) or ``integrate-singular`` draw
    (f undefined at an end: refused, as the rule must evaluate it there) or a
    kink ``|x - c|**p`` on [0, 1], and ``n`` = the default 128, a power of two
    from 2 to 4096, or an even number up to 2000 (odd for the trapezoid rule
    half of those times), at the random ``tol`` the error is measured with.
    Honest or ``converged=False`` as for the adaptive searches (no quad beside).
    """
    tally = IntegralTally("composite", seed)
    for rng in tally.drawing(draws):
        kind = rng.choice(["peaks", "oscillating", "singular", "kink"])
        if kind == "peaks":
            a, b = _interval(rng)
            terms = []
            for _peak_number in range(rng.choice([1, 1, 2])):
                c = _centre(rng, a, b)
                w = float(f"{(b - a) * 10 ** rng.uniform(-5, math.log10(0.3)):.3g}")
                terms.append(_peak(rng, c, w, a, b))
            if rng.random() < 0.5:
                terms.append(_background(rng, a, b))
        elif kind == "oscillating":
            a = float(f"{rng.uniform(-10, 10):.3g}") if rng.random() < 0.5 else 0.0
            b = a + float(f"{10 ** rng.uniform(-1, 2):.3g}")
            terms = [_oscillating(rng, a, b) for _ in range(rng.choice([1, 1, 2]))]
        elif kind == "singular":
            terms, a, b = _singular(rng)
        else:
            c, p = rng.uniform(0, 1), float(f"{rng.uniform(0.05, 6):.3g}")
            C, P = mpmath.mpf(c), mpmath.mpf(p)  # noqa: N806 - exact copies
            exact = (C ** (P + 1) + (1 - C) ** (P + 1)) / (P + 1)
            terms, a, b = (
                [Term(f"|x - {c!r}|^{p!r}", lambda x, c=c, p=p: abs(x - c) ** p, exact)],
                0.0,
                1.0,
            )
        method = rng.choice(["trapezoid", "simpson"])
        choice = rng.random()
        if choice < 0.4:
            n = None
        elif choice < 0.7:
            n = 2 ** rng.randint(1, 12)
        else:
            n = 2 * rng.randint(1, 1000) - (method == "trapezoid" and rng.random() < 0.5)
        _check_composite(tally, terms, a, b, method=method, n=n, tol=_tol(rng))
    return tally


def _check_composite(
    tally: IntegralTally,
    terms: list[Term],
    a: float,
    b: float,
    *,
    method: str,
    n: int | None,
    tol: float,
) -> None:
    """A composite rule on the sum of ``terms``, tallied as `_check` does (without quad)."""
    if any(term.exact is None for term in terms):
        tally.other["skipped (mpmath disagrees with itself)"] += 1
        return
    exact = mpmath.fsum(term.exact for term in terms)
    f, sampled = _recorded_sum(terms)

    case = f"{method} n={n} {' + '.join(term.name for term in terms)} on [{a!r}, {b!r}] "
    case += f"tol={tol:.1e}"
    try:
        result = cw.integrate(f, a, b, method=method, n=n, tol=tol, full_output=True)  # type: ignore[arg-type]
    except cw.CalcwebError:
        tally.refuse()
        return
    except Exception as error:  # a crash is counted, and the search goes on
        tally.crash(case, error)
        return
    assert isinstance(result, cw.IntegrationResult)  # noqa: S101 - full_output=True
    if not result.converged:
        tally.refuse()
        tally.other["converged=False"] += 1
        return
    tally.answered += 1
    tally.nfevs.append(result.nfev)
    if not _too_far(result.value, result.error, exact):
        return
    seen, _least = _peak_seen(terms, sampled)
    if not seen:
        tally.other["dishonest, peak never sampled"] += 1
        return
    true_error = abs(mpmath.mpf(result.value) - exact)
    ratio = float(true_error / result.error) if result.error else math.inf
    tally.lies.append(
        Lie(ratio, f"{case} nfev={result.nfev}", result.value, float(exact), result.error)
    )
