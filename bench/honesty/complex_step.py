"""Complex-step searches: `derivative(f, x, method="complex")` against mpmath.

``complex-step``: 16 families of analytic functions that cancel (e^z - 1 - z,
sin z - z, log(1 + z) - z, (1 + z)^k - 1 - kz, c + sin z - c, tan z - z, ...) at
x = ±10^u, u uniform in [-12, 1.5]. ``complex-analytic``: five functions that do
not cancel (exp, sin, 1/(1 + z^2), sqrt, a cubic) at ±10^u, u in [-3, 1.3].
``complex-nonanalytic``: 18 functions that are not analytic (conjugates, abs,
.real, branches; some only slightly: z + 1e-12 conj z) at ±10^u, u in [-12, 1.5],
checked against the derivative of f on the real line: a refusal is right, an
answer must be honest about that derivative.
"""

from __future__ import annotations

import cmath
import random
from collections.abc import Callable
from typing import Any

import mpmath

import calcweb as cw

from ._tally import Tally

Family = tuple[str, Callable[[complex], complex], Callable[[Any], Any]]


def _families(rng: random.Random) -> list[Family]:
    """(name, f, f' on mpmath numbers), with the constants k, c and a drawn from `rng`."""
    k = rng.choice([2, 3, 0.5, -1, 7, 1.5, -2.5])
    c = 10.0 ** rng.uniform(0, 12) * rng.choice([1, -1])
    a = 10.0 ** rng.uniform(-3, 3)
    mpf = mpmath.mpf
    return [
        ("exp(z)-1-z", lambda z: cmath.exp(z) - 1 - z, lambda x: mpmath.exp(x) - 1),
        ("sin(z)-z", lambda z: cmath.sin(z) - z, lambda x: mpmath.cos(x) - 1),
        ("cos(z)-1", lambda z: cmath.cos(z) - 1, lambda x: -mpmath.sin(x)),
        ("log(1+z)-z", lambda z: cmath.log(1 + z) - z, lambda x: 1 / (1 + x) - 1),
        (
            f"(1+z)**{k}-1-{k}z",
            lambda z: (1 + z) ** k - 1 - k * z,
            lambda x: k * (1 + x) ** (k - 1) - k,
        ),
        (f"c+sin(z)-c c={c:.3g}", lambda z: c + cmath.sin(z) - c, mpmath.cos),
        ("exp(z)*exp(-z)-1", lambda z: cmath.exp(z) * cmath.exp(-z) - 1, lambda _: mpf(0)),
        ("sinh(z)-z", lambda z: cmath.sinh(z) - z, lambda x: mpmath.cosh(x) - 1),
        ("tan(z)-z", lambda z: cmath.tan(z) - z, lambda x: mpmath.sec(x) ** 2 - 1),
        (
            "sqrt(1+z)-1-z/2",
            lambda z: cmath.sqrt(1 + z) - 1 - z / 2,
            lambda x: 1 / (2 * mpmath.sqrt(1 + x)) - mpf(1) / 2,
        ),
        ("1/(1+z)-1+z", lambda z: 1 / (1 + z) - 1 + z, lambda x: -1 / (1 + x) ** 2 + 1),
        (
            f"exp({a:.3g}z)-{a:.3g}z",
            lambda z: cmath.exp(a * z) - a * z,
            lambda x: a * mpmath.exp(a * x) - a,
        ),
        (
            "(exp(z)-1)*(exp(-z)-1)+z*z",
            lambda z: (cmath.exp(z) - 1) * (cmath.exp(-z) - 1) + z * z,
            lambda x: mpmath.diff(lambda t: (mpmath.exp(t) - 1) * (mpmath.exp(-t) - 1) + t * t, x),
        ),
        (
            "sin(z)/cos(z)-tan(z)+z",
            lambda z: cmath.sin(z) / cmath.cos(z) - cmath.tan(z) + z,
            lambda _: mpf(1),
        ),
        ("cosh(z)-1-z*z/2", lambda z: cmath.cosh(z) - 1 - z * z / 2, lambda x: mpmath.sinh(x) - x),
        ("atan(z)-z", lambda z: cmath.atan(z) - z, lambda x: 1 / (1 + x * x) - 1),
    ]


def _check(tally: Tally, name: str, f: Callable[[complex], complex], x: float, exact: Any) -> None:
    """One complex-step call, counted in `tally`."""
    if not mpmath.isfinite(exact) or abs(exact) > 1e300:
        tally.other["skipped (no finite exact value)"] += 1
        return
    try:
        result = cw.derivative(f, x, method="complex", full_output=True)
    except cw.CalcwebError:
        tally.refuse()
        return
    except (ValueError, ZeroDivisionError, OverflowError) as error:  # raised by f itself
        tally.other[f"raised {type(error).__name__}"] += 1
        return
    tally.answer(f"{name} at x={x!r}", result.value, result.error, exact, result.nfev)


def search(seed: int, draws: int) -> Tally:
    """Cancelling analytic functions (the cases of /tmp/s4cx/search.py)."""
    tally = Tally("complex-step", seed)
    for rng in tally.drawing(draws):
        name, f, df = rng.choice(_families(rng))
        x = rng.choice([1, -1]) * 10.0 ** rng.uniform(-12, 1.5)
        try:
            exact = df(mpmath.mpf(x))
        except (ValueError, ZeroDivisionError):
            exact = mpmath.nan
        _check(tally, name, f, x, exact)
    return tally


ANALYTIC: list[Family] = [
    ("exp", cmath.exp, mpmath.exp),
    ("sin", cmath.sin, mpmath.cos),
    ("1/(1+z^2)", lambda z: 1 / (1 + z * z), lambda x: -2 * x / (1 + x * x) ** 2),
    ("sqrt", cmath.sqrt, lambda x: 1 / (2 * mpmath.sqrt(x))),
    ("poly", lambda z: 3 * z**3 - 2 * z + 1, lambda x: 9 * x * x - 2),
]


def search_analytic(seed: int, draws: int) -> Tally:
    """Functions that do not cancel (the cases of /tmp/s4cx/honest.py, which used seed 5)."""
    tally = Tally("complex-analytic", seed)
    for rng in tally.drawing(draws):
        name, f, df = rng.choice(ANALYTIC)
        x = 10 ** rng.uniform(-3, 1.3)
        if name != "sqrt":
            x *= rng.choice([1, -1])
        _check(tally, name, f, x, df(mpmath.mpf(x)))
    return tally


def _conjugate(z: complex) -> complex:
    return z.conjugate()


# (name, f, the derivative of f on the real line). None of them is analytic.
NOT_ANALYTIC: list[Family] = [
    ("z*conj(z)", lambda z: z * _conjugate(z), lambda x: 2 * x),
    ("conj(z)**2*z", lambda z: _conjugate(z) ** 2 * z, lambda x: 3 * x * x),
    ("z*z*conj(z)", lambda z: z * z * _conjugate(z), lambda x: 3 * x * x),
    ("complex(z.real)", lambda z: complex(z.real, 0.0), lambda _: mpmath.mpf(1)),
    ("(z+conj z)/2", lambda z: (z + _conjugate(z)) / 2, lambda _: mpmath.mpf(1)),
    ("conj(z)", _conjugate, lambda _: mpmath.mpf(1)),
    ("sin(conj z)", lambda z: cmath.sin(_conjugate(z)), mpmath.cos),
    ("exp(z)*conj(z)", lambda z: cmath.exp(z) * _conjugate(z), lambda x: mpmath.exp(x) * (1 + x)),
    ("sqrt(z conj z)", lambda z: cmath.sqrt(z * _conjugate(z)), mpmath.sign),
    ("abs(z)+0j", lambda z: abs(z) + 0j, mpmath.sign),
    ("abs(z)", abs, mpmath.sign),
    ("z.real", lambda z: z.real, lambda _: mpmath.mpf(1)),
    ("z if Re>0 else -z", lambda z: z if z.real > 0 else -z, mpmath.sign),
    (
        "z*z if Re>0.01 else 0z",
        lambda z: z * z if z.real > 0.01 else 0 * z,
        lambda x: 2 * x if x > 0.01 else mpmath.mpf(0),
    ),
    ("z+1e-6 z conj z", lambda z: z + 1e-6 * z * _conjugate(z), lambda x: 1 + 2e-6 * x),
    ("z+1e-12 conj z", lambda z: z + 1e-12 * _conjugate(z), lambda _: 1 + mpmath.mpf(1e-12)),
    (
        "exp(z)+1e-9 |z|^2",
        lambda z: cmath.exp(z) + 1e-9 * z * _conjugate(z),
        lambda x: mpmath.exp(x) + 2e-9 * x,
    ),
    (
        "cos(z)-1+z conj z",
        lambda z: cmath.cos(z) - 1 + z * _conjugate(z),
        lambda x: 2 * x - mpmath.sin(x),
    ),
]


def search_not_analytic(seed: int, draws: int) -> Tally:
    """Functions that are not analytic (the cases of /tmp/s4cx2/nonan.py)."""
    tally = Tally("complex-nonanalytic", seed)
    for rng in tally.drawing(draws):
        name, f, df = rng.choice(NOT_ANALYTIC)
        x = rng.choice([1, -1]) * 10.0 ** rng.uniform(-12, 1.5)
        _check(tally, name, f, x, df(mpmath.mpf(x)))
    return tally
