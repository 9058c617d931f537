"""calcweb.derivative and calcweb.taylor against numdifftools, scipy and sympy.

Exact values come from mpmath at 40 digits. For each of the derivative cases
we record the relative error and the number of function evaluations of
calcweb (auto, richardson, central), numdifftools.Derivative and
scipy.differentiate.derivative (first derivatives only: it has no higher
orders; scipy.differentiate.hessian's second derivatives are in
bench_adversarial). Richardson's error estimate is checked against the true error.
Then taylor at degree 10/20/30 against sympy's series: time ratio and the
largest coefficient error.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import mpmath
import numdifftools
import numpy as np
import scipy.differentiate
import sympy
from _report import best_time, median, publish, table

import calcweb as cw

mpmath.mp.dps = 40

# name: (calcweb function, numpy function, mpmath function)
FUNCTIONS: dict[str, tuple[Callable[[Any], Any], Callable[[Any], Any], Callable[[Any], Any]]] = {
    "sin": (cw.sin, np.sin, mpmath.sin),
    "exp": (cw.exp, np.exp, mpmath.exp),
    "log": (cw.log, np.log, mpmath.log),
    "atan": (cw.atan, np.arctan, mpmath.atan),
    "tanh": (cw.tanh, np.tanh, mpmath.tanh),
    "sqrt": (cw.sqrt, np.sqrt, mpmath.sqrt),
    "erf": (cw.erf, np.vectorize(math.erf), mpmath.erf),
    "sigmoid": (cw.sigmoid, lambda x: 1 / (1 + np.exp(-x)), lambda x: 1 / (1 + mpmath.exp(-x))),
    "x exp(-x^2)": (
        lambda x: x * cw.exp(-x * x),
        lambda x: x * np.exp(-x * x),
        lambda x: x * mpmath.exp(-x * x),
    ),
    "sin(x)/(1+x^2)": (
        lambda x: cw.sin(x) / (1 + x * x),
        lambda x: np.sin(x) / (1 + x * x),
        lambda x: mpmath.sin(x) / (1 + x * x),
    ),
}
# (function, point, order): 37 cases, first to fourth derivatives.
CASES = [
    (name, x, n)
    for name, points in {
        "sin": (0.5, 3.0),
        "exp": (-1.0, 2.0),
        "log": (0.5, 4.0),
        "atan": (0.3, 5.0),
        "tanh": (0.2, 1.5),
        "sqrt": (2.0,),
        "erf": (0.4,),
        "sigmoid": (-1.0, 3.0),
        "x exp(-x^2)": (0.7,),
        "sin(x)/(1+x^2)": (1.2,),
    }.items()
    for x in points
    for n in (1, 2)
] + [("sin", 0.5, 3), ("exp", 2.0, 4), ("log", 4.0, 3), ("atan", 0.3, 4), ("tanh", 0.2, 3)]


class Counted:
    """Wrap f and count its evaluations (numpy arrays count one per element)."""

    def __init__(self, f: Callable[[Any], Any]) -> None:
        self.f = f
        self.count = 0

    def __call__(self, x: Any) -> Any:
        self.count += int(np.size(x))
        return self.f(x)


def rel(value: float, exact: float) -> float:
    return abs(value - exact) / max(abs(exact), 1e-300)


def run_derivatives() -> str:
    # tool -> list of (order, relative error, evaluations)
    rows: dict[str, list[tuple[int, float, int]]] = {
        k: [] for k in ("auto", "richardson", "central", "numdifftools", "scipy")
    }
    under_reports: list[float] = []
    for name, x, n in CASES:
        f_cw, f_np, f_mp = FUNCTIONS[name]
        exact = float(mpmath.diff(f_mp, mpmath.mpf(x), n))
        for method in ("auto", "richardson", "central"):
            r = cw.derivative(f_cw, x, n, method=method, full_output=True)
            rows[method].append((n, rel(r.value, exact), r.nfev))
            if method == "richardson":
                under_reports.append(abs(r.value - exact) / r.error)
        counted = Counted(f_np)
        value = float(numdifftools.Derivative(counted, n=n)(x))
        rows["numdifftools"].append((n, rel(value, exact), counted.count))
        if n == 1:
            with np.errstate(all="ignore"):  # scipy's first step leaves log's domain
                result = scipy.differentiate.derivative(f_np, x)
            rows["scipy"].append((n, rel(float(result.df), exact), int(result.nfev)))

    def summary(tool: str, first: bool) -> list[object] | None:
        chosen = [(e, k) for n, e, k in rows[tool] if (n == 1) == first]
        if not chosen:
            return None
        errors = [e for e, _ in chosen]
        nfev = [k for _, k in chosen]
        return [
            tool,
            len(errors),
            f"{median(errors):.1e}",
            f"{max(errors):.1e}",
            f"{median(nfev):g}",
            f"{max(nfev)}",
        ]

    headers = [
        "method",
        "cases",
        "median rel. error",
        "worst rel. error",
        "median nfev",
        "max nfev",
    ]
    parts = []
    for first, title in ((True, "First derivatives"), (False, "Derivatives of order 2 to 4")):
        lines = [line for tool in rows if (line := summary(tool, first))]
        parts.append(f"**{title}**\n\n" + table(headers, lines))
    parts.append(
        f"{len(CASES)} cases; exact values from mpmath at 40 digits. "
        "scipy runs on first derivatives only here (scipy.differentiate.derivative; its "
        "hessian meets second derivatives in the adversarial table). numdifftools' nfev "
        "counts every point of its vectorised calls; central's nfev includes the Richardson "
        "walks that measure its error (full_output=True). "
        "Richardson's error estimate: worst "
        f"|true error| / estimate = {max(under_reports):.2f} (target: at most 10)."
    )
    return "\n\n".join(parts)


TAYLOR = {
    "tan": (cw.tan, sympy.tan),
    "erf": (cw.erf, sympy.erf),
    "exp(x) sin(x)": (lambda x: cw.exp(x) * cw.sin(x), lambda t: sympy.exp(t) * sympy.sin(t)),
    "atan(x)/(1+x)": (lambda x: cw.atan(x) / (1 + x), lambda t: sympy.atan(t) / (1 + t)),
}


def run_taylor() -> str:
    t = sympy.Symbol("t")
    out = []
    for name, (f_cw, f_sym) in TAYLOR.items():
        for degree in (10, 20, 30):
            expr = f_sym(t)
            ours = best_time(lambda f=f_cw, d=degree: cw.taylor(f, 0.0, d), repeat=5, number=5)
            theirs = best_time(lambda e=expr, d=degree: sympy.series(e, t, 0, d + 1), repeat=1)
            series = sympy.series(expr, t, 0, degree + 1).removeO()
            exact = [float(series.coeff(t, k)) for k in range(1, degree + 1)]
            exact.insert(0, float(expr.subs(t, 0)))
            coefficients = cw.taylor(f_cw, 0.0, degree).coefficients
            error = max(
                abs(c - e) / max(abs(e), 1e-300) if e else abs(c)
                for c, e in zip(coefficients, exact, strict=True)
            )
            out.append(
                [
                    name,
                    degree,
                    f"{ours * 1e3:.2f}",
                    f"{theirs * 1e3:.0f}",
                    f"{theirs / ours:.0f}x",
                    f"{error:.1e}",
                ]
            )
    return table(
        [
            "function",
            "degree",
            "calcweb ms",
            "sympy series ms",
            "speed-up",
            "max coeff. rel. error",
        ],
        out,
    )


def main() -> None:
    publish("derivatives", "Derivatives: calcweb vs numdifftools and scipy", run_derivatives())
    publish("taylor", "Taylor coefficients: calcweb.taylor vs sympy.series", run_taylor())


if __name__ == "__main__":
    main()
