"""calcweb.integrate against scipy.integrate.quad, and calcweb.limit on classic limits.

Both integrators are asked for the same tolerance (quad with epsabs = epsrel =
tol); the reference value is the closed form, checked against mpmath.quad at
30 digits. Limits are compared with their known values and, where it runs,
with numdifftools.Limit.
"""

from __future__ import annotations

import math
import sys
import warnings
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import mpmath
from _report import best_time, median, publish, table
from scipy import integrate as scipy_integrate

import calcweb

TOL = 1e-10
Function = Callable[[float], float]

INTEGRALS: list[tuple[str, Function, float, float, float]] = [
    ("sin, [0, pi]", math.sin, 0.0, math.pi, 2.0),
    ("exp, [0, 1]", math.exp, 0.0, 1.0, math.e - 1),
    ("x^5, [-1, 2]", lambda x: x**5, -1.0, 2.0, 10.5),
    ("1/(1+x^2), [0, 10]", lambda x: 1 / (1 + x * x), 0.0, 10.0, math.atan(10.0)),
    ("1/(1+25x^2), [-1, 1]", lambda x: 1 / (1 + 25 * x * x), -1.0, 1.0, 0.4 * math.atan(5.0)),
    ("cos(30x), [0, 1]", lambda x: math.cos(30 * x), 0.0, 1.0, math.sin(30.0) / 30),
    ("sin^2, [0, 10]", lambda x: math.sin(x) ** 2, 0.0, 10.0, 5 - math.sin(20.0) / 4),
    ("e^-x^2, [0, 3]", lambda x: math.exp(-x * x), 0.0, 3.0, math.sqrt(math.pi) / 2 * math.erf(3)),
    ("log(1+x), [0, 1]", math.log1p, 0.0, 1.0, 2 * math.log(2) - 1),
    ("sigmoid, [-5, 5]", lambda x: 1 / (1 + math.exp(-x)), -5.0, 5.0, 5.0),
    ("tanh^2, [-3, 3]", lambda x: math.tanh(x) ** 2, -3.0, 3.0, 6 - 2 * math.tanh(3.0)),
    ("sqrt, [0, 1]", math.sqrt, 0.0, 1.0, 2 / 3),
    ("1/sqrt, [0, 1]", lambda x: 1 / math.sqrt(x), 0.0, 1.0, 2.0),
    ("log, [0, 1]", math.log, 0.0, 1.0, -1.0),
    ("|x-1/3|, [0, 1]", lambda x: abs(x - 1 / 3), 0.0, 1.0, 5 / 18),
    ("e^-x^2, R", lambda x: math.exp(-x * x), -math.inf, math.inf, math.sqrt(math.pi)),
    ("e^-x, [0, inf)", lambda x: math.exp(-x), 0.0, math.inf, 1.0),
    ("1/(1+x^2), R", lambda x: 1 / (1 + x * x), -math.inf, math.inf, math.pi),
    ("x e^-x, [1, inf)", lambda x: x * math.exp(-x), 1.0, math.inf, 2 / math.e),
]

LIMITS: list[tuple[str, Function, float, str, float]] = [
    ("sin(x)/x, 0", lambda x: math.sin(x) / x, 0.0, "both", 1.0),
    ("(1+x)^(1/x), 0", lambda x: (1 + x) ** (1 / x), 0.0, "both", math.e),
    ("(e^x-1)/x, 0", lambda x: (math.exp(x) - 1) / x, 0.0, "both", 1.0),
    ("(1-cos x)/x^2, 0", lambda x: (1 - math.cos(x)) / (x * x), 0.0, "both", 0.5),
    ("(x-sin x)/x^3, 0", lambda x: (x - math.sin(x)) / x**3, 0.0, "both", 1 / 6),
    ("(tan x-x)/x^3, 0", lambda x: (math.tan(x) - x) / x**3, 0.0, "both", 1 / 3),
    ("x log x, 0+", lambda x: x * math.log(x), 0.0, "right", 0.0),
    ("x^x, 0+", lambda x: x**x, 0.0, "right", 1.0),
    ("sqrt(x), 0+", math.sqrt, 0.0, "right", 0.0),
    (
        "(sin(1+h)-sin 1)/h, 0",
        lambda h: (math.sin(1 + h) - math.sin(1)) / h,
        0.0,
        "both",
        math.cos(1.0),
    ),
    ("(x^2-1)/(x-1), 1", lambda x: (x * x - 1) / (x - 1), 1.0, "both", 2.0),
    ("log(x)/(x-1), 1", lambda x: math.log(x) / (x - 1), 1.0, "both", 1.0),
    ("(1+1/x)^x, inf", lambda x: (1 + 1 / x) ** x, math.inf, "both", math.e),
    ("atan(x), inf", math.atan, math.inf, "both", math.pi / 2),
    ("x^(1/x), inf", lambda x: x ** (1 / x), math.inf, "both", 1.0),
]


def integral_rows() -> tuple[list[list[object]], list[float]]:
    rows: list[list[object]] = []
    ratios: list[float] = []
    for name, f, a, b, exact in INTEGRALS:
        reference = float(
            mpmath.quad(lambda x, f=f: f(float(x)), [a, 1 / 3, b] if "|" in name else [a, b])
        )
        if abs(reference - exact) > 1e-9 * max(1.0, abs(exact)):
            raise SystemExit(f"the closed form of {name} disagrees with mpmath: fix the table")
        ours = calcweb.integrate(f, a, b, tol=TOL, full_output=True)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            value, _, info = scipy_integrate.quad(f, a, b, epsabs=TOL, epsrel=TOL, full_output=1)[
                :3
            ]
        ours_time = best_time(lambda f=f, a=a, b=b: calcweb.integrate(f, a, b, tol=TOL), repeat=3)
        quad_time = best_time(
            lambda f=f, a=a, b=b: scipy_integrate.quad(f, a, b, epsabs=TOL, epsrel=TOL), repeat=3
        )
        ratio = ours.nfev / info["neval"]
        ratios.append(ratio)
        met = abs(ours.value - exact) <= TOL * max(1.0, abs(exact))
        rows.append(
            [
                name,
                f"{abs(ours.value - exact):.1e}",
                f"{ours.error:.1e}",
                ours.nfev,
                f"{abs(value - exact):.1e}",
                info["neval"],
                f"{ratio:.2f}",
                f"{ours_time / quad_time:.1f}",
                "yes" if met else "**no**",
            ]
        )
    return rows, ratios


def _nan_outside(f: Function, x: float) -> float:
    """numpy's convention, which numdifftools expects: NaN where f is undefined."""
    try:
        return f(x)
    except (ValueError, ZeroDivisionError, OverflowError):
        return math.nan


def numdifftools_limit(f: Function, x0: float, side: str) -> float | None:
    try:
        import numpy  # noqa: PLC0415 - comes with numdifftools
        from numdifftools import limits  # noqa: PLC0415 - optional reference
    except ImportError:
        return None
    if math.isinf(x0):
        return None
    method = {"both": "above", "right": "above", "left": "below"}[side]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            vectorised = numpy.vectorize(lambda x: _nan_outside(f, x), otypes=[float])
            return float(numpy.ravel(limits.Limit(vectorised, method=method)(x0))[0])
    except Exception:  # any failure of the reference is reported as n/a
        return None


def limit_rows() -> list[list[object]]:
    rows: list[list[object]] = []
    for name, f, x0, side, exact in LIMITS:
        result = calcweb.limit(f, x0, side=side, full_output=True)
        actual = abs(result.value - exact)
        reference = numdifftools_limit(f, x0, side)
        rows.append(
            [
                name,
                f"{actual:.1e}",
                f"{result.error:.1e}",
                "yes" if actual <= max(result.error, 1e-15) else "no",
                result.nfev,
                "n/a" if reference is None else f"{abs(reference - exact):.1e}",
            ]
        )
    return rows


def main() -> None:
    rows, ratios = integral_rows()
    smooth = [
        r
        for row, r in zip(rows, ratios, strict=True)
        if not str(row[0]).startswith(("sqrt", "1/sqrt", "log,", "|x"))
    ]
    body = table(
        [
            "integral",
            "calcweb error",
            "calcweb estimate",
            "calcweb nfev",
            "quad error",
            "quad nfev",
            "nfev ratio",
            "time ratio",
            f"error <= {TOL:g}",
        ],
        rows,
    )
    body += (
        f"\n\nBoth at tol = {TOL:g} (quad: epsabs = epsrel = tol). nfev ratio = calcweb / quad: "
        f"median {median(ratios):.2f}, worst {max(ratios):.2f}; on the {len(smooth)} smooth "
        f"integrals median {median(smooth):.2f}, worst {max(smooth):.2f}. Time ratio = calcweb "
        "(pure Python) / quad (compiled QUADPACK), same integrand.\n\n"
    )
    body += table(
        [
            "limit",
            "calcweb error",
            "calcweb estimate",
            "estimate >= error",
            "nfev",
            "numdifftools error",
        ],
        limit_rows(),
    )
    body += (
        "\n\nnumdifftools.limits.Limit (order 4, from above or below; no limits at infinity) "
        "returns f(x0) itself when it is finite, hence its exact 0.0 for x^x and sqrt(x); "
        "calcweb never evaluates f at x0."
    )
    publish("integrate", "integrate vs scipy.integrate.quad; limit accuracy", body)


if __name__ == "__main__":
    main()
