"""`grad`, `directional_derivative` and `hessian` of functions written with math.

Written with math (math.fsum, math.exp, ...), f refuses jets, so "auto" takes the
numerical path: each entry is one `derivative` (Richardson) of the restriction of
f to a line, scaled by a power of two (`calcweb.multivariate`; a directional
derivative across coordinates of different sizes sums one line per group of sizes),
and an off-diagonal Hessian entry is the polarisation 0.5 (mixed - H_ii - H_jj).
Each is called with full_output=True, and its errors (an `ArrayResult`'s, a
`DerivativeResult`'s) are the claims checked. An entry is dishonest when its true
error exceeds twice its error plus 4 ulp of the exact entry. Entries further than
1e-6 of the largest exact entry are counted as "silently wrong" whatever the error
(without full_output, grad and hessian return them with no error shown), and so are
entries whose error exceeds their own size ("no digit right"; a plain call refuses
such an entry, with a NumericalError, where it is a Richardson walk's).

Functions of d = 2 to 4 variables (each a family below), at points of scale s =
10^u (u uniform in [-6, 6]: f(p) = g(p / s)) and multiplied by m = 10^v
(v uniform in [-30, 30]); the pole and log families are drawn next to their
singularity (10^-8 to 10^-1 away, in units of s). Exact derivatives by mpmath.diff
at 50 and 70 digits, which must agree to 1e-25 (else the draw is skipped).
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import mpmath

import calcweb as cw

from ._tally import Lie, Tally

FloatF = Callable[[list[float]], float]
WRONG = "silently wrong entries (1e-6 of the largest)"
MpF = Callable[..., Any]


@dataclass
class EntryTally(Tally):
    """A Tally that also keeps the entries far from exact, honest or not."""

    wrong: list[Lie] = field(default_factory=list)  # relative error, not a ratio

    def report(self, show: int) -> str:
        lines = [super().report(show)]
        if self.wrong:
            lines.append(f"  {WRONG}, largest relative error first:")
        lines.extend(
            f"  {lie.ratio:9.3g}  {lie.case}  value={lie.value!r} exact={lie.exact!r} "
            f"error={lie.error:.3g}"
            for lie in sorted(self.wrong, reverse=True)[:show]
        )
        return "\n".join(lines)


def _dot(a: Sequence[float], x: Sequence[Any]) -> Any:
    return sum(ai * xi for ai, xi in zip(a, x, strict=True))


def _family(rng: random.Random, d: int) -> tuple[str, Callable[[Any, Any], Any], list[float]]:
    """A smooth g, written once for math and mpmath (``lib``), and a point where to take it.

    Returns the name, ``g(lib, p)`` and the point (before scaling).
    """
    a = [float(f"{rng.uniform(-2, 2):.3g}") for _ in range(d)]
    b = [float(f"{rng.uniform(-2, 2):.3g}") for _ in range(d)]
    point = [float(f"{rng.uniform(-2, 2):.4g}") for _ in range(d)]
    kind = rng.choice(["quadratic", "exp-sin", "log", "pole", "log-near-0", "sqrt", "rosenbrock"])
    if kind == "quadratic":
        c = [[float(f"{rng.uniform(-3, 3):.3g}") for _ in range(d)] for _ in range(d)]

        def quadratic(lib: Any, p: Any) -> Any:
            return lib.fsum(c[i][j] * p[i] * p[j] for i in range(d) for j in range(d)) + _dot(a, p)

        return f"quadratic C={c} a={a}", quadratic, point
    if kind == "exp-sin":

        def exp_sin(lib: Any, p: Any) -> Any:
            return lib.exp(_dot(a, p)) * lib.sin(_dot(b, p) + 0.5)

        return f"exp(a.p) sin(b.p + 0.5) a={a} b={b}", exp_sin, point
    if kind == "log":

        def log_sum(lib: Any, p: Any) -> Any:
            return lib.log(1 + lib.fsum((ai * pi) ** 2 for ai, pi in zip(a, p, strict=True)))

        return f"log(1 + sum (a_i p_i)^2) a={a}", log_sum, point
    if kind == "rosenbrock":

        def rosenbrock(lib: Any, p: Any) -> Any:
            return lib.fsum(
                100 * (p[i + 1] - p[i] ** 2) ** 2 + (1 - p[i]) ** 2 for i in range(len(p) - 1)
            )

        return "rosenbrock", rosenbrock, point
    return _near_a_singularity(rng, kind, a, b, point)


def _near_a_singularity(
    rng: random.Random, kind: str, a: list[float], b: list[float], point: list[float]
) -> tuple[str, Callable[[Any, Any], Any], list[float]]:
    """The families drawn 10^-8 to 10^-1 from a pole or a branch point."""
    gap = 10 ** rng.uniform(-8, -1)
    if kind == "pole":
        # a.p - shift = gap at the point (to rounding: the exact value uses this shift).
        shift = float(
            mpmath.fsum(mpmath.mpf(ai) * mpmath.mpf(pi) for ai, pi in zip(a, point, strict=True))
        )
        shift = float(mpmath.mpf(shift) - mpmath.mpf(gap))

        def pole(lib: Any, p: Any) -> Any:
            return 1 / (lib.fsum(ai * pi for ai, pi in zip(a, p, strict=True)) - shift)

        return f"1/(a.p - {shift!r}) a={a} ({gap:.2g} from the pole)", pole, point
    if kind == "log-near-0":
        point[0] = float(f"{gap:.3g}")

        def log_near_0(lib: Any, p: Any) -> Any:
            return lib.log(p[0]) * lib.cos(_dot(b, p))

        return f"log(p0) cos(b.p) b={b}", log_near_0, point
    point = [abs(x) + 0.01 for x in point]
    point[0] = float(f"{gap:.3g}")

    def root(lib: Any, p: Any) -> Any:
        return lib.sqrt(p[0] * p[1] + lib.fsum(q * q for q in p[1:]))

    return "sqrt(p0 p1 + sum_{i>0} p_i^2)", root, point


def _draw(rng: random.Random) -> tuple[str, FloatF, MpF, list[float]]:
    """f on floats, f on mpmath numbers (one argument per variable) and the point."""
    d = rng.randint(2, 4)
    name, g, point = _family(rng, d)
    scale = 2.0 ** round(math.log2(10 ** rng.uniform(-6, 6)))  # a power of 2: p/s is exact
    size = float(f"{10 ** rng.uniform(-30, 30):.3g}")
    x = [pi * scale for pi in point]

    def f(p: list[float]) -> float:
        return size * g(math, [pi / scale for pi in p])

    def f_mp(*p: Any) -> Any:
        return mpmath.mpf(size) * g(mpmath, [pi / mpmath.mpf(scale) for pi in p])

    return f"{size:.3g} * {name} at p/{scale:g}, x={x}", f, f_mp, x


def _exact(f_mp: MpF, x: list[float], orders: list[tuple[int, ...]]) -> list[Any] | None:
    """The partial derivatives of ``orders`` at ``x``, by mpmath at two precisions."""
    results = []
    for digits in (50, 70):
        with mpmath.workdps(digits):
            point = [mpmath.mpf(xi) for xi in x]
            results.append([mpmath.diff(f_mp, point, order) for order in orders])
    scale = max(abs(v) for v in results[1]) or mpmath.mpf(1)
    if any(abs(lo - hi) > mpmath.mpf("1e-25") * scale for lo, hi in zip(*results, strict=True)):
        return None
    return results[1]


def _exact_or_skipped(
    tally: EntryTally, f_mp: MpF, x: list[float], orders: list[tuple[int, ...]]
) -> list[Any] | None:
    """`_exact`, or None with the draw counted as skipped."""
    exact = _exact(f_mp, x, orders)
    if exact is None:
        tally.other["skipped (mpmath disagrees with itself)"] += 1
    return exact


def _computed(tally: EntryTally, name: str, compute: Callable[[], Any]) -> Any:
    """What ``compute()`` returns, or None with its refusal (a CalcwebError) or crash counted."""
    try:
        return compute()
    except cw.CalcwebError:
        tally.refuse()
    except Exception as error:  # a crash is counted, and the search goes on
        tally.crash(name, error)
    return None


def _tally_entry(
    tally: EntryTally, case: str, entry: float, error: float, *, exact: Any, big: Any
) -> None:
    tally.answered += 1
    true_error = abs(mpmath.mpf(entry) - exact)
    nearest = float(exact)
    if error > abs(entry):
        tally.other["error above |entry| (no digit right)"] += 1
    if true_error > mpmath.mpf("1e-6") * big:
        tally.other[WRONG] += 1
        tally.wrong.append(Lie(float(true_error / big), case, entry, nearest, error))
    ulp = math.ulp(nearest) if math.isfinite(nearest) else 0.0
    if true_error > 2.0 * error + 4.0 * ulp:
        ratio = float(true_error / error) if error else math.inf
        tally.lies.append(Lie(ratio, case, entry, nearest, error))


def search_grad(seed: int, draws: int) -> EntryTally:
    """grad at random points, and directional_derivative along a random direction.

    The median calls are a grad's and a directional derivative's together.
    """
    tally = EntryTally("grad", seed)
    for rng in tally.drawing(draws):
        name, f, f_mp, x = _draw(rng)
        d = len(x)
        v = [float(f"{rng.uniform(-1, 1):.3g}") for _ in range(d)]
        orders = [tuple(1 if j == i else 0 for j in range(d)) for i in range(d)]
        exact = _exact_or_skipped(tally, f_mp, x, orders)
        if exact is None:
            continue
        both = _computed(
            tally,
            name,
            lambda: (
                cw.grad(f, full_output=True)(x),  # noqa: B023
                cw.directional_derivative(f, x, v, full_output=True),  # noqa: B023
            ),
        )
        if both is None:
            continue
        gradient, along = both
        tally.nfevs.append(gradient.nfev + along.nfev)
        big = max(abs(e) for e in exact)
        for i in range(d):
            case = f"d/dx{i} of {name}"
            _tally_entry(tally, case, gradient.value[i], gradient.error[i], exact=exact[i], big=big)
        exact_along = mpmath.fsum(mpmath.mpf(vi) * e for vi, e in zip(v, exact, strict=True))
        case = f"along v={v} of {name}"
        _tally_entry(tally, case, along.value, along.error, exact=exact_along, big=big)
    return tally


def search_hessian(seed: int, draws: int) -> EntryTally:
    """hessian at random points: every entry, diagonal and polarised."""
    tally = EntryTally("hessian", seed)
    for rng in tally.drawing(draws):
        name, f, f_mp, x = _draw(rng)
        d = len(x)
        pairs = [(i, j) for i in range(d) for j in range(i, d)]
        orders = [tuple((k == i) + (k == j) for k in range(d)) for i, j in pairs]
        exact = _exact_or_skipped(tally, f_mp, x, orders)
        if exact is None:
            continue
        matrix = _computed(tally, name, lambda: cw.hessian(f, full_output=True)(x))  # noqa: B023
        if matrix is None:
            continue
        tally.nfevs.append(matrix.nfev)
        big = max(abs(e) for e in exact)
        for (i, j), exact_ij in zip(pairs, exact, strict=True):
            value, error = matrix.value[i][j], matrix.error[i][j]
            _tally_entry(tally, f"H[{i}][{j}] of {name}", value, error, exact=exact_ij, big=big)
    return tally
