r"""Definite integrals: Riemann sums, the composite rules and adaptive Gauss-Kronrod.

* `riemann_sum` is the textbook sum $\sum_i f(x_i)\,\Delta x$
  that defines the integral;
* `integrate` with ``method="trapezoid"`` or ``"simpson"`` applies a
  composite rule on ``n`` equal intervals (error $O(h^2)$ and
  $O(h^4)$);
* ``method="adaptive"`` (the default) bisects the interval where the
  21-point Gauss-Kronrod rule says the error is largest and extrapolates
  the sums with Wynn's epsilon algorithm, until the estimated error meets
  ``tol``, as QUADPACK's ``qags`` (behind ``scipy.integrate.quad``) does,
  with further checks that make a false claim of convergence rare (see
  `integrate` for the cases that remain). Infinite limits are mapped onto a
  finite interval.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import itertools
import math
import operator
import struct
import sys
from collections.abc import Callable, Iterable
from numbers import Integral
from typing import Literal, NamedTuple

from calcweb._checks import (
    EXTRA_ARGUMENTS,
    as_float,
    check_callable,
    check_real,
    check_real_or_infinite,
    checking_arguments_hinting,
    evaluate,
)
from calcweb._far_overflow import Watched, bound_beyond, overflow_edge
from calcweb._gauss_kronrod import (
    K15,
    K21,
    NOISE_AGREE,
    NOISE_FINER,
    NOISE_POINTS,
    NOISE_SAFETY,
    UNRESOLVED_SHARE,
    Panel,
    Rule,
    _jitter,
    aliased,
    collapsed,
    gauss_kronrod,
    interpolated,
    interpolation_rounding,
    kronrod_weights,
    mirrored,
    missed,
    noise_bounds,
    noise_level,
    noisy_top,
    odd_unproven,
    positions,
    rounding_unit,
    unfalling,
    with_noise,
)
from calcweb.exceptions import (
    ArgumentTypeError,
    CalcwebError,
    InvalidArgumentError,
    NumericalError,
)

__all__ = ["IntegrationResult", "integrate", "riemann_sum"]

Function = Callable[[float], float]
_Pair = tuple[tuple[float, float], tuple[float, float]]  # two (t, f(t)), t increasing
_METHODS = ("adaptive", "simpson", "trapezoid")
_RULES = ("left", "midpoint", "right", "trapezoid")
DEFAULT_N = 128  # a power of two, so the error estimate re-uses every point
MAX_N = 10_000_000  # about a minute of pure Python: more is a mistake
MAX_INTERVALS = 500  # subintervals of the adaptive rule (quad's default is 50)
MIN_TOL = 50 * 2.0**-52  # the rounding floor of the Gauss-Kronrod error estimate
# Once f shows a feature (a bump f falls away from on both sides, or from an
# end where f is finite) of width w (its ∫|f| over its largest |f|), the parts
# where f is negligible at the nodes are sampled with nodes at most LOOK_GAP w
# apart, which see a feature like it (a Gaussian's nodes within 3.76 sd: 8.5e-4
# of its height); on an
# infinite interval, as far as LOOK_REACH times the distance out to which f
# has shown mass, and beyond at a spacing that grows as the square of the
# distance, as the map's own does; unless that costs more than LOOK_BUDGET
# evaluations (`_Extrapolated.look`).
LOOK_GAP = 3.0
LOOK_REACH = 2.0
LOOK_BUDGET = 2000
HIDDEN_RISE = 2.0  # how far |f| at a node must stand above both neighbours to show a bump
NEGLIGIBLE_SHARE = 0.5  # a panel holding more of the weight is never negligible, whatever tol
# A rounding staircase (`_Panels.rounding_staircase`): neighbouring nodes at
# most STAIR_SPACING of the interval apart whose |f| differ by STAIR_JUMP of the
# larger are a jump; a tooth is a jump up in |f| after which f falls back by
# STAIR_FALL of it before the next jump; STAIR_TEETH teeth and a jump from an
# exact 0 are the staircase a cancellation's rounding makes.
STAIR_SPACING = 2.0**-20
STAIR_JUMP = 0.1
STAIR_FALL = 0.25
STAIR_TEETH = 2
# A located jump (`_Panels.cut_at_jump`): the gap between two neighbouring
# samples that shows a jump (`_jump_gap`; at the first or last gap, a
# difference JUMP_DOMINANCE times the next one's, across which f changes by
# at most JUMP_FLAT of itself) is bisected on f itself,
# one evaluation a halving, while f across the bracket keeps JUMP_KEPT of
# its difference (and grows to at most 1/JUMP_KEPT of it), down to
# neighbouring floats.
JUMP_DOMINANCE = 4.0
JUMP_KEPT = 0.5
JUMP_FLAT = 0.1
# A bracket JUMP_BINADES halvings narrower than it started that holds 0, or
# whose ends differ by more than 2**JUMP_BINADES times, is halved in the
# floats' order (`_float_middle`), not in value.
JUMP_BINADES = 4
SIGN_BIT = 1 << 63  # of a double's bit pattern
EXPLORE_PANELS = 64  # equal subintervals sampled when f is 0 at every node of the first rule
# A singularity inside the interval (`_Extrapolated.singular_point`): a chain
# of SINGULAR_CHAIN nested panels, each after the first holding at least
# CHAIN_SHARE of its pair's error, whose error fell by at most SINGULAR_FALL a
# halving on average (x**-p falls by 2**(p - 1), log|x| and a jump by 1/2, a
# kink by 1/4), is searched for where f is farthest from the median of the
# panel's samples, one evaluation a step, until three probes in a row lie
# within SEARCH_SETTLED (relative) of the best (a finite top), the search
# reaches neighbouring floats, or it has made SEARCH_BUDGET evaluations.
SINGULAR_CHAIN = 5
CHAIN_SHARE = 0.75
SINGULAR_FALL = 2.0**-1.5
SEARCH_SETTLED = 1e-6
SEARCH_BUDGET = 150
SEARCH_FLOATS = 8  # the floats tried at the end, a few ulps between the bracket's ends
# f's noise where a panel misses a sample (`_Panels.noisy`): probed at
# x + j NOISE_STEP * (half the panel's width), node by node from the sample,
# until NOISE_QUIET nodes in a row show none beyond NOISE_ULPS ulps of f.
NOISE_STEP = 2.0**-16
NOISE_QUIET = 2
NOISE_ULPS = 64.0
# A miss by more than this share of the panel's largest |f| is not put down
# to noise (f would have lost 10 of its 16 digits): probing costs up to 21
# evaluations a node, and a chase after a peak misses by far more.
NOISE_SHARE = 1e-6
# Where `_Panels.resampled_noise` samples f again: this much of a half-width beside each node.
RESAMPLE_SHIFT = 2.0**-26
_EPS = sys.float_info.epsilon

# scipy.integrate.quad's keywords, and what integrate takes for them.
_QUAD_NAMES = {
    **dict.fromkeys(
        ("epsabs", "epsrel", "atol", "rtol", "abstol", "reltol"),
        "calcweb's name for it is tol, both absolute and relative: the error wanted is "
        "tol * max(1, |value|)",
    ),
    "limit": (
        f"calcweb has none: the adaptive rule stops at {MAX_INTERVALS} subintervals, "
        "and full_output=True says how many it used"
    ),
    "points": "calcweb has none: split the interval at those points and add the integrals",
}
# numpy's and scipy's names for riemann_sum's rule.
_RIEMANN_NAMES = dict.fromkeys(
    ("method", "kind"), "calcweb's name for it is rule: 'left', 'right', 'midpoint' or 'trapezoid'"
)


@dataclasses.dataclass(frozen=True)
class IntegrationResult:
    """What `integrate` returns with ``full_output=True``.

    Attributes:
        value: The estimate of the integral.
        error: An estimate of the absolute error of ``value``.
        nfev: How many times ``f`` was evaluated.
        method: ``"adaptive"``, ``"simpson"`` or ``"trapezoid"``.
        intervals: How many subintervals the rule used (``n`` for the
            composite rules).
        converged: ``False`` when the adaptive rule stopped before meeting
            ``tol``, or (composite rules) when their error could not be
            measured (the adaptive rule it is measured against failed or
            did not converge); ``message`` then says why.
        message: A sentence about how the computation ended.
    """

    value: float
    error: float
    nfev: int
    method: str
    intervals: int
    converged: bool = True
    message: str = "the estimated error meets the tolerance"

    def __float__(self) -> float:
        return as_float(self.value, "value")  # a result built by hand may hold anything


def _check_n(n: object, minimum: int = 1) -> int:
    if isinstance(n, bool) or not isinstance(n, Integral):  # numpy's ints are ints too
        raise ArgumentTypeError(
            f"n must be an int (the number of intervals), but got {type(n).__name__} {n!r}"
        )
    n = operator.index(n)
    if not minimum <= n <= MAX_N:
        raise InvalidArgumentError(
            f"n must be between {minimum} and {MAX_N:_}, but got {n}; pass the number of "
            "equal intervals, such as n=100"
        )
    return n


def _check_choice(value: object, name: str, choices: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in choices:
        listed = ", ".join(repr(choice) for choice in choices)
        raise InvalidArgumentError(f"{name} must be one of {listed}, but got {value!r}")
    return value


def _check_finite_interval(a: float, b: float, what: str) -> None:
    if math.isinf(a) or math.isinf(b):
        raise InvalidArgumentError(
            f"{what} needs finite limits, but got a={a!r}, b={b!r}; use "
            "integrate(f, a, b) with the default method='adaptive', which maps an "
            "infinite interval onto a finite one"
        )


def _finite(value: float, what: str) -> float:
    if not math.isfinite(value):
        raise NumericalError(
            f"the {what} overflows the float range (about 1e308); rescale f or the interval"
        )
    return value


def _sum(values: Iterable[float]) -> float:
    """`math.fsum`, with ``inf`` for its OverflowError: callers check with _finite."""
    try:
        return math.fsum(values)
    except OverflowError:
        return math.inf


def _step(a: float, b: float, n: int) -> float:
    """``(b - a) / n``, also when ``b - a`` overflows and the halves do not."""
    h = (b - a) / n
    return h if math.isfinite(h) else b / n - a / n


# What the reader can do where f fails at a point of [a, b] (evaluate's default
# speaks of a derivative's x and its one-sided formulas, which integrals have not).
_INSIDE = "integrate f over intervals inside its domain"


def _grid(
    f: Function, a: float, b: float, n: int, indices: range, *, offset: float = 0.0
) -> list[float]:
    """``f`` at `_grid_points`."""
    return [evaluate(f, x, fix=_INSIDE) for x in _grid_points(a, b, n, indices, offset=offset)]


def _grid_points(a: float, b: float, n: int, indices: range, *, offset: float = 0.0) -> list[float]:
    """The textbook points ``a + (i + offset) (b - a)/n`` for ``i`` in ``indices``."""
    if math.isfinite(b - a):
        h = (b - a) / n
        return [a + (i + offset) * h for i in indices]
    # b - a overflows (so a < 0 < b); the weighted mean of the ends does not.
    return [(1.0 - t) * a + t * b for t in ((i + offset) / n for i in indices)]


@checking_arguments_hinting(_RIEMANN_NAMES, EXTRA_ARGUMENTS)
def riemann_sum(
    f: Function,
    a: float,
    b: float,
    n: int,
    rule: Literal["left", "right", "midpoint", "trapezoid"] = "left",
) -> float:
    r"""The Riemann sum of ``f`` over ``[a, b]`` with ``n`` equal intervals.

    With $\Delta x = (b - a)/n$ and $x_i = a + i\,\Delta x$, the
    sums are, exactly as in the textbook:

    * ``"left"``: $\sum_{i=0}^{n-1} f(x_i)\,\Delta x$;
    * ``"right"``: $\sum_{i=1}^{n} f(x_i)\,\Delta x$;
    * ``"midpoint"``: $\sum_{i=0}^{n-1} f(x_i + \Delta x/2)\,\Delta x$;
    * ``"trapezoid"``: the mean of the left and right sums.

    The values (for ``"trapezoid"`` the two ends halved) are added with
    `math.fsum`, rounded once, then multiplied by $\Delta x$: no rounding
    accumulates over the ``n`` terms, beyond that of the points and of ``f``.
    If ``a > b`` then $\Delta x < 0$, as in the definition: the points run
    from ``a`` down to ``b``, so the sum is minus that over ``[b, a]`` with
    ``"left"`` and ``"right"`` exchanged (``"midpoint"`` and ``"trapezoid"``
    simply change sign).

    Args:
        f: A function of one real number returning a real number.
        a: The left end of the interval (finite).
        b: The right end (finite).
        n: The number of intervals, ``1 <= n <= 10_000_000``.
        rule: Where each rectangle takes its height.

    Returns:
        The sum, which tends to $\int_a^b f(x)\,dx$ as ``n`` grows.

    Raises:
        InvalidArgumentError: For an unknown ``rule``, a bad ``n``, NaN or
            infinite limits.
        ArgumentTypeError: If ``f`` is not callable or returns a non-number.
        DomainError: If ``f`` raises ValueError or ZeroDivisionError at a point.
        NumericalError: If ``f`` or the sum overflows.

    Examples:
        The left sum of $x^2$ on ``[0, 1]`` with 4 rectangles is
        $(0 + 1 + 4 + 9)/64$:

        >>> from calcweb import riemann_sum
        >>> riemann_sum(lambda x: x**2, 0, 1, 4)
        0.21875
        >>> riemann_sum(lambda x: x**2, 0, 1, 4, rule="right")
        0.46875
        >>> riemann_sum(lambda x: x**2, 0, 1, 4, rule="midpoint")
        0.328125
        >>> riemann_sum(lambda x: x**2, 1, 0, 4)   # from 1 down: minus the right sum on [0, 1]
        -0.46875
        >>> riemann_sum(lambda x: x**2, 0, 1, 4, rule="upper")
        Traceback (most recent call last):
          ...
        calcweb.exceptions.InvalidArgumentError: rule must be one of 'left', 'midpoint', ...
    """
    check_callable(f)
    a = check_real_or_infinite(a, "a")
    b = check_real_or_infinite(b, "b")
    n = _check_n(n)
    kind = _check_choice(rule, "rule", _RULES)
    _check_finite_interval(a, b, "riemann_sum")
    if a == b:
        return 0.0
    width = _step(a, b, n)
    if kind == "trapezoid":
        return _finite(_trapezoid(_grid(f, a, b, n, range(n + 1)), width), "Riemann sum")
    indices = range(1, n + 1) if kind == "right" else range(n)
    values = _grid(f, a, b, n, indices, offset=0.5 if kind == "midpoint" else 0.0)
    return _finite(_sum(values) * width, "Riemann sum")


def _trapezoid(values: list[float], h: float) -> float:
    """The trapezoid rule: the ends halved (exact short of subnormals) inside one fsum.

    Subtracting the halved ends from the sum of all values left the sum's rounding
    (1e17 at 0 and 1, -1e17 at 0.5, 1 elsewhere, ``n = 4``: 0.0 for 0.5).
    """
    ends = [0.5 * values[0], 0.5 * values[-1]]
    return h * _sum(itertools.chain(ends, values[1:-1]))


def _simpson(values: list[float], h: float) -> float:
    inner = 4.0 * _sum(values[1:-1:2]) + 2.0 * _sum(values[2:-1:2])
    return h / 3.0 * (values[0] + values[-1] + inner)


def _composite(
    f: Function, a: float, b: float, n: int, method: str, *, tol: float | None = None
) -> IntegrationResult:
    """A composite rule on ``n`` intervals, its error measured by the adaptive rule at ``tol``.

    Without ``tol`` (``full_output=False``) only the value is needed. The
    points are those of the rule on ``n`` intervals, or, if ``n`` cannot be
    halved, on ``2n``: the same rule on half (or twice) as many intervals
    re-uses them, and for a rule of order ``p`` the difference of the two,
    divided by ``2**p - 1``, is Richardson's estimate of the finer one's
    error (``2**p`` times that, the error of the rule on ``n``, where the
    finer is on ``2n``), the floor of the error `_measured` reports.
    """
    rule, order, unit = (_simpson, 4, 2) if method == "simpson" else (_trapezoid, 2, 1)
    coarse_fits = n % (2 * unit) == 0
    points = n if coarse_fits else 2 * n
    h = _step(a, b, points)
    nodes = _grid_points(a, b, points, range(points + 1))
    values = [evaluate(f, x, fix=_INSIDE) for x in nodes]
    fine, coarse = rule(values, h), rule(values[::2], 2.0 * h)
    result = IntegrationResult(
        value=_finite(fine if coarse_fits else coarse, "integral"),
        error=0.0,
        nfev=points + 1,
        method=method,
        intervals=n,
        message=f"composite {method} rule on {n} intervals",
    )
    if tol is None:
        return result
    error = abs(fine - coarse) / (2**order - 1) * (1 if coarse_fits else 2**order)
    return _measured(
        f,
        a,
        b,
        tol,
        dataclasses.replace(result, error=_finite(error, "error estimate")),
        samples=tuple(zip(nodes, values, strict=True)),
    )


def _measured(
    f: Function,
    a: float,
    b: float,
    tol: float,
    result: IntegrationResult,
    *,
    samples: tuple[tuple[float, float], ...],
) -> IntegrationResult:
    """The composite ``result`` with its error measured against the adaptive rule.

    ``result.error``, the rule on ``n`` intervals against the same rule on
    ``n/2`` (or ``2n``: Richardson), estimates the error only where both resolve ``f``,
    which their shared nodes cannot show: ``1 + cos(256 pi x)`` on ``[0, 1]``
    is 2 at every node of 128 intervals, and both gave 2.0, error 0, for 1.
    The adaptive rule (other nodes, and its own checks that a subinterval
    resolves ``f``) gives ``R`` with an honest error where it converges, and
    then ``|value - R| + error(R)`` bounds the composite rule's error (within
    2x: the triangle inequality). The larger of the two is reported: honest
    where either is (a peak the composite nodes saw and the adaptive rule's
    missed, on a background). The adaptive rule is given the composite
    rule's ``samples`` ``(x, f(x))``, which its panels must predict as an
    ancestor's (`_Panels.add`): alone, its first panel saw 1.0 at each node
    of ``sech2((x - 192.883)/0.193) + 1`` on ``[-1.57, 608]`` and claimed
    6.8e-12, while a composite node saw 1.001 on the peak's flank; measured
    against it, Simpson's 609.576 claimed 6.4e-3 for a true error of 0.38.
    Where the adaptive rule does not converge, or ``f`` fails at one of its
    points, the error is not known: ``converged=False``.
    """
    rule = f"composite {result.method} rule on {result.intervals} intervals"
    calls = 0

    def counted(x: float) -> float:  # the calls of an adaptive rule that fails too
        nonlocal calls
        calls += 1
        return f(x)

    try:
        robust = _adaptive(
            lambda x: evaluate(counted, x, fix=_INSIDE),
            a,
            b,
            tol,
            K21,
            witnesses=samples,
        )
    except CalcwebError as failure:
        return dataclasses.replace(
            result,
            error=math.inf,
            nfev=result.nfev + calls,
            converged=False,
            message=f"{rule}; its error could not be measured against the adaptive rule, "
            f"which failed: {failure}",
        )
    measured = abs(result.value - robust.value) + robust.error
    error = max(result.error, measured)
    nfev = result.nfev + calls
    if not robust.converged:  # its error may be inf (f 0 at all its points): unknown, not overflow
        return dataclasses.replace(
            result,
            error=error,
            nfev=nfev,
            converged=False,
            message=f"{rule}; its error could not be measured: the adaptive rule, against "
            f"which it is measured, gave {robust.value!r} +- {robust.error:.3g} but did not "
            f"converge ({robust.message})",
        )
    return dataclasses.replace(
        result,
        error=_finite(error, "error estimate"),
        nfev=nfev,
        message=f"{rule}; error measured against the adaptive rule ({robust.value!r} +- "
        f"{robust.error:.3g})",
    )


def _change_of_variable(
    f: Function, a: float, b: float
) -> tuple[Function, float, float, Callable[[float], float]]:
    """Map an infinite interval onto a finite one, returning ``(g, t0, t1, x_of)``.

    ``[a, inf)`` becomes ``(0, 1]`` by $x = a + (1 - t)/t$,
    ``(-inf, b]`` by $x = b - (1 - t)/t$ and ``(-inf, inf)`` becomes
    ``(-1, 1)`` by $x = t/(1 - t^2)$; ``g`` includes ``dx/dt``. The
    Gauss-Kronrod nodes never reach the ends, where ``x`` would be infinite.
    ``x_of(t)`` is that x (infinite at those ends), for the messages, which
    speak of the reader's x, not of t.
    """
    if math.isfinite(a) and math.isfinite(b):
        return (lambda x: evaluate(f, x, fix=_INSIDE)), a, b, _same
    if math.isinf(a) and math.isinf(b):

        def whole_line(t: float) -> float:
            gap = (1.0 - t) * (1.0 + t)  # 1 - t*t without cancellation
            return t / gap if gap else math.copysign(math.inf, t)

        def both(t: float) -> float:
            gap = (1.0 - t) * (1.0 + t)  # 1 - t*t without cancellation
            return evaluate(f, t / gap, fix=_INSIDE) * (1.0 + t * t) / (gap * gap)

        return both, -1.0, 1.0, whole_line
    sign, start = (1.0, a) if math.isfinite(a) else (-1.0, b)

    def on_the_line(t: float) -> float:
        return start + sign * (1.0 - t) / t if t else sign * math.inf

    def half_line(t: float) -> float:
        # x runs from start to ±inf as t runs from 1 to 0; |dx/dt| = 1/t**2,
        # and the two orientations cancel the sign of dx/dt.
        return evaluate(f, start + sign * (1.0 - t) / t, fix=_INSIDE) / (t * t)

    return half_line, 0.0, 1.0, on_the_line


def _same(t: float) -> float:
    """The x of ``t`` where the interval is finite: ``t`` itself."""
    return t


class _Translated:
    """The x of ``u = t - shift`` by the map ``base`` of t (the sides of `_split_at`)."""

    def __init__(self, base: Callable[[float], float], shift: float) -> None:
        self.base, self.shift = base, shift

    def __call__(self, u: float) -> float:
        return self.base(self.shift + u)


def _base_map(x_of: Callable[[float], float]) -> Callable[[float], float]:
    """The map of t behind ``x_of``: itself, or what it translates (`_Translated`)."""
    while isinstance(x_of, _Translated):
        x_of = x_of.base
    return x_of


def _untranslated(x_of: Callable[[float], float], u: float) -> float:
    """The t of ``u`` for the map of t behind ``x_of`` (`_base_map`), rounded as a float."""
    while isinstance(x_of, _Translated):
        u, x_of = x_of.shift + u, x_of.base
    return u


def _too_narrow(panel: Panel) -> bool:
    """Whether the halves of ``panel`` would put Gauss-Kronrod nodes on their ends."""
    half = abs(0.25 * panel.b - 0.25 * panel.a)
    return half <= 1e4 * 2.0**-52 * max(abs(panel.a), abs(panel.b), 2.0**-1022)


def _monotone(samples: tuple[float, ...]) -> bool:
    """Whether ``samples`` never rise and fall (or fall and rise) by more than rounding.

    >>> _monotone((3.0, 2.0, 2.0, 1.0)), _monotone((0.0, 1.0, 0.5)), _monotone(())
    (True, False, True)
    """
    if not samples:
        return True
    slack = 8.0 * _EPS * max(map(abs, samples))
    steps = [later - earlier for earlier, later in itertools.pairwise(samples)]
    return all(step >= -slack for step in steps) or all(step <= slack for step in steps)


def _bulging(rule: Rule, samples: tuple[float, ...]) -> bool:
    """Whether a sample is farther from 0 than the chord through the first and the last one.

    ``samples`` are f at the rule's nodes across a panel. A peak between the
    nodes lifts the samples around it above that chord, whatever line it sits
    on (``x``: the largest sample is then often an end's); exp, and the flank
    of a peak outside the panel, are convex and stay below it. (A concave f,
    ``sqrt``, bulges too.)

    >>> from calcweb._gauss_kronrod import K21
    >>> positions = [-x for x in K21.nodes[:-1]] + [0.0] + list(reversed(K21.nodes[:-1]))
    >>> line = tuple(2.0 + t for t in positions)
    >>> bump = tuple(2.0 + t + 1e-3 / (t * t + 1e-4) for t in positions)
    >>> convex = tuple(math.exp(t) for t in positions)
    >>> _bulging(K21, line), _bulging(K21, bump), _bulging(K21, convex)
    (False, True, False)
    """
    if not samples:
        return False
    nodes = rule.nodes[:-1]
    positions = [-x for x in nodes] + [0.0] + list(reversed(nodes))
    first, last = samples[0], samples[-1]
    span = positions[-1] - positions[0]
    slack = BULGE_ULPS * _EPS * max(map(abs, samples))
    for t, y in zip(positions, samples, strict=True):
        chord = first + (last - first) * (t - positions[0]) / span
        if abs(y) > abs(chord) + slack and y * chord >= 0.0:
            return True
    return False


# Samples above their chord by this many ulps of the largest or less lie on it
# (`_bulging`): the rounding of f and of the chord.
BULGE_ULPS = 64


# The largest tol the adaptive rule is held to (`_target`): a tol of 1 or
# more asks for no digit, and let an error as large as the sum stop the run
# before the halvings at a slow end showed whether it converges (x**-0.945 on
# [0.19, inf) at tol 2: 30.7 +- 58.9, converged, for a divergent integral).
TOL_CAP = 0.5


def _target(tol: float, value: float) -> float:
    """The error that meets ``tol`` for ``value``: ``tol * max(1, |value|)``, ``tol`` capped."""
    return min(tol, TOL_CAP) * max(1.0, abs(value))


def _inverse_square(x: float) -> float:
    """``1/x**2``: 0 where ``x**2`` overflows, inf where it underflows (no exception)."""
    square = x * x
    return 1.0 / square if square else math.inf


# A chain whose panel at an end grows at every halving is called divergent only
# once that panel is this share of the interval or less: until the nodes reach
# it, a narrow peak or a pole just at the end grows like ``|x - end|**-2``.
RUNAWAY_DEPTH = 2.0**-20
# Values of a panel at an end that differ by this many ulps or less are one
# value (`_unchanging`): the rounding of a 21-point sum.
UNCHANGING_ULPS = 64


def _grows_without_end(values: list[float], slack: float = 0.0) -> bool:
    """Whether the last five values of a panel at an end, one a halving, grow at a rate >= 1.

    The integral over ``[0, h]`` of ``(a + b log x) x**-p`` is
    ``(alpha + beta n) q**n`` at ``h = 2**-n``, ``q = 2**(p - 1)``; of a sum of
    powers, a sum of such terms with their own rates. The values must grow
    in size, with one sign, at each halving, or stay the same to rounding
    (`_unchanging`: the rate 1 of ``1/x``, ``slack`` the rounding of the
    nodes next to the end); one rate (``x**-p``), the last
    ratio, must predict each from the one before, or the rates of the recurrence
    ``v[k + 2] = A v[k + 1] + B v[k]`` fitted to the first four must predict
    the fifth to 1e-5 of its last step; and one of them, a root of
    ``z**2 - A z - B``, must be 1 or more in modulus (not ``|B| < 1`` and
    ``|A| < 1 - B``). An integrable end shrinks its panel's value to 0 however
    long it grows first: ``(log x + c) x**-0.99`` grows for about 140
    halvings, by a double rate 2**-0.01. Such sums of two rates are predicted
    to about 1e-13 of the step at 0, to 3e-7 at 1 after 20 halvings (the
    nodes next to 1 are rounded to its ulps: ``(x - 0.5)(1 - x)**-1.1``);
    ``x**-0.99 log(x)**2``, whose rate is triple, only to 2e-4 after 20
    halvings, where its two fitted rates are 1.04 and more (then no verdict:
    it converges).
    """
    sizes = [abs(value) for value in values]
    if not (all(value > 0.0 for value in values) or all(value < 0.0 for value in values)):
        return False
    unchanging = _unchanging(values, slack)  # rate 1 (1/x): each halving adds as much
    if not (unchanging or all(later > earlier for earlier, later in itertools.pairwise(sizes))):
        return False
    v0, v1, v2, v3, v4 = values[-5:]
    tolerance = 1e-5 * abs(v4 - v3)
    rate = v4 / v3
    if unchanging or all(
        abs(later - rate * earlier) <= tolerance for earlier, later in itertools.pairwise(values)
    ):
        return True  # one rate, 1 or above (for which two are ill-conditioned)
    determinant = v1 * v1 - v0 * v2
    if determinant == 0.0:
        return False
    a = (v1 * v2 - v0 * v3) / determinant
    b = (v1 * v3 - v2 * v2) / determinant
    if not abs(a * v3 + b * v2 - v4) <= tolerance:
        return False
    return not (abs(b) < 1.0 and abs(a) < 1.0 - b)


def _unchanging(values: list[float], slack: float = 0.0) -> bool:
    """Whether ``values``, a panel's at an end one a halving, are all the same to rounding.

    That is the rate 1 of ``c/x`` at 0, whose rule is exact under scaling by
    2: the panel ``[0, h]`` holds the same amount at every halving (what
    its nodes see, ``7.71`` for ``1/x`` on K21, not the infinite integral),
    and each halving adds its neighbour ``[h/2, h]``, ``c log 2``, to the sum.
    The rate ``2**(p - 1)`` of ``x**-p`` with ``p < 1`` moves the value by
    ``(1 - p) log 2`` a halving: more than the `UNCHANGING_ULPS` allowed over
    five values unless ``p`` is within about 5e-15 of 1. ``slack`` is the
    rounding of the nodes next to the end, relative to the values
    (`_Extrapolated.node_rounding`).

    >>> _unchanging([7.7, 7.7, 7.7, 7.7, 7.7]), _unchanging([1.0, 2.0**-1e-3, 2.0**-2e-3])
    (True, False)
    """
    largest = max(map(abs, values))
    return max(values) - min(values) <= (UNCHANGING_ULPS * _EPS + slack) * largest


def _bounded_at(entry: _Entry, end: float) -> bool:
    """Whether f at ``end`` (an end of the whole interval, sampled once) caps the panel's growth.

    f there is finite, of the sign of every node of ``entry``'s panel, and
    at least as large as all of them: f grows towards a finite value at the
    end, not towards infinity. A pole just beyond the end or a narrow peak at
    it grows like ``|x - end|**-p`` only until the panel is as small as its
    distance or width: ``1/(x + 1e-12)**1.5`` on [0, 1] (about 2e6) grows
    at rate ``2**0.5`` down to ``2**-20`` and further, and ``f(0)`` is 1e18.
    Where f fails at the end (``x**-2``: ZeroDivisionError) or is not
    finite, it caps nothing.
    """
    samples = entry.panel.samples
    for x, y in entry.history:
        if x == end and samples:
            largest = max(map(abs, samples))
            same_sign = all(y * sample > 0.0 for sample in samples)
            return same_sign and abs(y) >= largest
    return False


# The last halvings at an end whose panels' values `_power_law_tail` fits.
SLOW_END_HALVINGS = 6


def _power_law_fit(values: list[float]) -> tuple[float, float, float] | None:
    """``(tail, p, n)`` fitted to the last `SLOW_END_HALVINGS` halves split off an end, or None.

    See `_power_law_tail`: ``v ~ (n ln 2)**-p`` for the last value ``v``,
    ``n`` its count of halvings from where ``|log x|`` would be 0, and the
    tail ``sum over i >= 1 of v (n/(n + i))**p``.
    """
    values = values[-SLOW_END_HALVINGS:]
    if len(values) < SLOW_END_HALVINGS or not (
        all(value > 0.0 for value in values) or all(value < 0.0 for value in values)
    ):
        return None
    ratios = [later / earlier for earlier, later in itertools.pairwise(values)]
    if not all(0.5 < ratio < 1.0 for ratio in ratios):
        return None
    slowness = [1.0 / (1.0 - ratio) for ratio in ratios]
    steps = [later - earlier for earlier, later in itertools.pairwise(slowness)]
    if not (min(steps) > 0.0 and max(steps) <= 1.1 * min(steps)):
        return None
    p = len(steps) / math.fsum(steps)
    if p > 10.0:
        return None
    # The ratio of the values at n - 1 and n, (1 - 1/(n + 1/2))**p to
    # O(n**-3), makes u = (n - 1/2)/p + (p + 1)/(2p) + O(1/n).
    n = p * (slowness[-1] - 0.5) + 0.5
    if p <= 1.0:
        return math.inf, p, n
    return abs(values[-1]) * n / (p - 1.0) * (n / (n + 0.5)) ** (p - 1.0), p, n


def _turning(inner: list[float]) -> bool:
    """Whether the halves split off an end turned to fall within the last `SLOW_END_HALVINGS`.

    ``inner`` holds them, one a halving (`_power_law_tail`): the last holds
    less than the one before (0, f underflowing, counts as less), and an
    earlier one of those `SLOW_END_HALVINGS` did not. The fall that began
    there is one `_power_law_fit` cannot yet tell from the geometric one the
    epsilon table models, and the table's elements span the turn. Halves
    that fell from the first halving (``x**-0.9`` at 0) did not turn.
    """

    def fell(earlier: float, later: float) -> bool:
        return abs(later) < abs(earlier) or later == 0.0

    steps = list(itertools.pairwise(inner[-SLOW_END_HALVINGS:]))
    return bool(steps) and fell(*steps[-1]) and not all(fell(*step) for step in steps)


def _rising(inner: list[float]) -> bool:
    """Whether the last half split off an end holds more than the one before (`_turning`'s halves).

    At x at infinity such halves have not yet reached f's tail, whose law
    the table's limit would then extrapolate unseen (`turning_end_panel`),
    unless they grow by a rate of 1 or more (`_grows_without_end`): a tail
    that diverges, which the table and the tests for divergence refuse as
    before (``(|x - 1.4| + 3)**-0.95`` on ``(-inf, 0.9]`` at tol 1e-2:
    refused as divergent after 796 evaluations, 226 before rising halves
    were held; held there too, refused after 14,986 at the cap of
    subintervals).
    """
    if len(inner) < 2 or abs(inner[-1]) <= abs(inner[-2]):
        return False
    return len(inner) < 5 or not _grows_without_end(inner[-5:])


def _slower_than_log_powers(inner: list[float]) -> bool:
    """Whether the halves split off an end fall ever more slowly, faster than a law settles.

    The last five fall, and ``u = 1/(1 - ratio)`` of their four ratios grows
    by steps that grow, by more than `_power_law_fit`'s factor 1.1 over the
    four. A geometric fall, the table's model, settles with steps that
    shrink; a power of log x (`_power_law_tail`) has steps of about ``1/p``,
    and ``1/(x log x log(log x)**p)`` steps that grow by about 1% a halving
    (which that fit takes, then refuses to bound). Steps that grow faster
    are a fall that has not settled to any of these laws, after a turn
    (`_turning`), and the table's limit extrapolates it as geometric,
    missing the tail. ``h(x - 2.5 + 50)``, ``h(x) = 1/(x log x
    log(log x)**3)``, on ``[2.5, inf)`` and ``h(50) e**(x - 2.5)`` below,
    over the line at tol 1e-2: halves falling by 0.816, 0.826, 0.838, 0.849,
    0.860 (steps of ``u`` 0.32, 0.42, 0.45, 0.52) when the table met the
    tolerance, 0.243487 +- 4.3e-3 for 0.270738 (6.4 errors). Steps that
    grow by less are held too until that fit takes them (it looks one
    halving further back): ``h(|x - 3.6| + 30)`` with ``log(log x)**3.5``
    over the line at tol 1e-2, steps 0.41, 0.44, 0.48, 0.50 (1.08 over the
    last three, 1.22 over four, no fit) when the table met the tolerance,
    0.462447 +- 9.6e-3 for 0.482529 (2.09 errors).
    """
    values = [abs(value) for value in inner[-5:]]
    if len(values) < 5 or min(values) == 0.0:
        return False
    ratios = [later / earlier for earlier, later in itertools.pairwise(values)]
    if not all(ratio < 1.0 for ratio in ratios):
        return False
    slowness = [1.0 / (1.0 - ratio) for ratio in ratios]
    steps = [later - earlier for earlier, later in itertools.pairwise(slowness)]
    growing = all(0.0 < earlier < later for earlier, later in itertools.pairwise(steps))
    return growing and (steps[-1] > 1.1 * steps[0] or _power_law_fit(inner) is None)


def _power_law_tail(inner: list[float]) -> tuple[float, float, float] | None:
    """``(tail, p, error)`` where the panels split off an end fall as a power of the halving count.

    ``inner`` holds, one a halving of the panel at an end, the half it split
    off the end (resolved: its nodes see f across it). Geometric falls
    (``x**-a`` at 0: a ratio ``2**(a - 1)``) are the epsilon table's model;
    ``1/(x |log x|**p)`` at 0 (and ``1/(x log(x)**p)`` out to infinity) gives
    ``ln 2/(n ln 2)**p`` after ``n`` halvings, a ratio ``(n/(n + 1))**p``
    that creeps up to 1: ``u = 1/(1 - ratio)`` grows by about ``1/p`` a
    halving and is about ``n/p + 1/2``. Then the end panel holds what its
    halvings would split off, ``sum over i >= 1 of v (n/(n + i))**p`` for
    the last value ``v``, about ``v n**p (n + 1/2)**(1 - p)/(p - 1)`` (inf
    for ``p <= 1``): ``n/(p - 1)`` times ``v``, much of it beyond the floats
    (the floats allow the halvings of ``[0, 1]`` up to ``n = 1074``; the cap
    of 500 subintervals stops them sooner), and which the end
    panel's Gauss-Kronrod error does not show (`_Extrapolated.slow_end`).
    None unless the last `SLOW_END_HALVINGS` values have one sign, their
    ratios are between 1/2 and 1, and ``u`` grows at each step by amounts
    within a factor 1.1 of one another (they are ``1/p + O(1/n**2)``), with
    ``p`` at most 10. A geometric fall whose ratio creeps up to a limit below
    1 makes steps that shrink: ``x**-0.904 + (1 - x)**-0.983`` on [0, 1],
    whose halves split off at 1 hold a share of the smooth part that halves
    with them, fall by 0.965, 0.976, 0.982, 0.985 towards ``2**-0.017``
    (steps of ``u`` 11.4, 14.2, 14.1, 11.3, which differ by a factor 1.25: no fit, and the
    integral is answered as before at tol 5.4e-6, 69.2401936 +- 3.6e-4).
    A mix of two geometric rates ``q2 < q1`` makes steps within 1.1 over
    four only for ``q2 > 0.976 q1``, and steps of ``1/p >= 0.1`` only for
    ``q1`` above about 0.92; at ratios of 1/2 or less (f bounded at the
    end, ``x**a`` with ``a >= 0``: ``2**-(1 + a)``) nothing is fitted.

    ``error`` is how far that tail may be off. The fit's error falls as
    ``1/n**2`` for ``1/(x |log x|**p)`` (and with terms in further powers
    of ``1/|log x|``: 5.8e-6 of the tail at ``n = 512`` for ``p = 1.1``,
    5e-4 with ``(1 + 2/|log x|)``), and the tail itself as ``n**(1 - p)``:
    an error ``e(m) ~ m**-s`` with ``s = p + 1``. So the same fit to the
    values ``n/2`` halvings back, less what was split off since, is off by
    ``2**s - 1`` times as much, at least as much as the last one if
    ``s >= 1``, and their disagreement ``d(n/2)`` bounds the last fit's
    error. That ``s`` is checked: the fit ``n/4`` halvings back disagrees by
    ``d(3n/4) = d(n/2) ((4/3)**s - 1)/(2**s - 1)``, a third of it for
    ``s = 1`` (a quarter for ``p`` near 1, 0.05 for ``p = 6``). More than a
    third, and the fits do not converge as a power of log x does: the error
    is infinite (``1/(x log(x) log(log(x))**p)``, slower than any power of
    log x, which the fits take for one with ``p`` about ``1 + p/log(n)``:
    its tail is too small by a factor up to ``p/(p - 1)``, and
    ``d(3n/4)/d(n/2)`` is about ``log(4/3)/log(2) = 0.41`` for every ``p``).
    The whole tail where fewer halvings were recorded, or where either of
    the earlier fits fails (the values did not yet fall as a power law).
    Where the check passes all the same (few halvings), the tail is the one
    the drift of ``p`` over the three fits shows (`_log_log_share`).
    """
    fit = _power_law_fit(inner)
    if fit is None:
        return None
    tail, p, n = fit
    if math.isinf(tail):
        return tail, p, tail
    disagreements, fits = [], []
    for back in (math.ceil(0.25 * n), math.ceil(0.5 * n)):
        earlier = _power_law_fit(inner[: max(0, len(inner) - back)])
        if earlier is None:
            return tail, p, tail
        since = math.fsum(abs(value) for value in inner[len(inner) - back :])
        disagreements.append(abs(earlier[0] - since - tail))
        fits.append(earlier)
    near, far = disagreements
    if near > far / 3.0:
        return tail, p, math.inf
    # The fit an eighth as many halvings back, where p falls (`_drifting`).
    falling = fits[1][1] > fits[0][1] > p
    mid = _power_law_fit(inner[: max(0, len(inner) - math.ceil(0.125 * n))]) if falling else None
    share = _log_log_share(fit, fits[0], fits[1], mid=mid)
    if math.isinf(share):
        return math.inf, p, math.inf
    error = min(far, tail * share)
    if share != 1.0 and mid is not None:
        # The share is only as sure as the drift it reads.
        error = max(error, tail * _share_spread(fit, mid, fits[0], fits[1]))
    return tail * share, p, error


def _log_log_share(
    fit: tuple[float, float, float],
    near: tuple[float, float, float],
    far: tuple[float, float, float],
    mid: tuple[float, float, float] | None = None,
) -> float:
    """How many times the tail fitted as a power of log x ``1/(x log x log(log x)**P)`` holds.

    ``fit``, ``near`` and ``far`` are `_power_law_fit`'s ``(tail, p, n)``
    now and a quarter and half as many halvings back. Fitted to such a
    tail, ``p`` is ``1 + P/L`` with ``L`` about ``log(log x)``, and drifts
    down as ``dp/d(log n) = -(p - 1)**2/P``: 1.647, 1.583, 1.549 for ``P =
    2.5`` on ``[100, inf)`` at tol 1e-2 (``n`` 20.4, 29.5, 38.9), where
    ``L = (p - 1)/drift`` is 4.4 and ``P`` 2.41. Such a tail is ``P/(P - 1)``
    times the power law's ``v n/(q - 1)`` (``v`` the last half, ``q`` the
    slope the law has at ``x``, where the fit sees ``p = q/(1 + (q - 1)**2
    /(P q))``, and ``n`` counted as the fit does, ``n p/q``): 1.40 there,
    0.0755 -> 0.1059 for 0.1055 (the answer was 0.0301 short, 3.08
    errors). A power of log x settles: its ``p`` does not fall, or falls
    so little that ``L`` is far beyond ``log(log x)`` (more than twice
    ``log(n log 2)``: ``L`` 31 for the Bertrand ``p = 2.5`` at tol 1e-2,
    2.6769, 2.5155, 2.5015), and the factor is 1. Inf where ``P <= 1``
    (such a tail diverges), over the last span or the drift from the fit
    ``n/2`` back: ``1/(x log(x) log(log(x)))`` from 20 at tol 1e-2 shows
    ``P`` 1.0 over the last span and below 1 over the longer one, and the
    factor 254 made its relative tolerance meet a tail of 329 +- 0.3.

    A shifted log-log tail ``1/(x log x (log(log x) + c)**P)`` has ``L``
    about ``log(log x) + c``, past that bound, and its ``p`` settles as a
    power's seems to (1.184, 1.143, 1.140 for ``c = 10``, ``P = 2`` from 30
    at tol 1e-2: 0.054022 +- 9.3e-3 for 0.089094, 3.75 errors). What tells
    it apart is how ``p`` falls over the last quarter (``mid``, the fit an
    eighth as many halvings back): steadily, as a law's slope does (per
    unit ``log n``, the last eighth's fall is 0.84 to 0.98 of the one
    before on log-log tails), where a power of log x's fit drifts only by
    its bias, which shrinks as ``1/n**2`` or faster (0.74 or less on
    bench/scans/bertrand.py's falling fits, but for drifts at rounding's
    level, 1e-13, where the factor is 1 to 1e-12). Such a tail is summed
    as a log-log tail whatever ``L`` is (`_drifting`).
    """
    _, p, n = fit
    _, p_near, n_near = near
    _, p_far, n_far = far
    if not (p_far > p_near > p > 1.0 and n > n_near > n_far):
        return 1.0
    drift = (p_near - p) / math.log(n / n_near)
    if not _drifting(fit, near, mid) and (p - 1.0) / drift > 2.0 * math.log(n * math.log(2.0)):
        return 1.0
    return _log_log_factor(fit, far, drift)


def _log_log_factor(
    fit: tuple[float, float, float], far: tuple[float, float, float], drift: float
) -> float:
    """`_log_log_share`'s factor for a drift of p per unit log n (inf: a tail that diverges)."""
    _, p, n = fit
    _, p_far, n_far = far
    if drift <= 0.0:
        return math.inf
    exponent = (p - 1.0) ** 2 / drift
    # Over the longer span the drift must show a tail that converges too.
    if min(exponent, (p - 1.0) ** 2 * math.log(n / n_far) / (p_far - p)) <= 1.0:
        return math.inf
    # The slope q solves (P - p) q**2 + p (2 - P) q - p = 0, the root near p.
    linear = p * (2.0 - exponent)
    discriminant = linear**2 + 4.0 * p * (exponent - p)
    if discriminant < 0.0 or linear + math.sqrt(discriminant) <= 0.0:
        return math.inf
    slope = 2.0 * p / (linear + math.sqrt(discriminant))
    return slope / p * (p - 1.0) / (slope - 1.0) * exponent / (exponent - 1.0)


def _share_spread(
    fit: tuple[float, float, float],
    mid: tuple[float, float, float],
    near: tuple[float, float, float],
    far: tuple[float, float, float],
) -> float:
    """How far `_log_log_factor` may be off, by how far the drift it reads may be.

    That drift, over the last quarter of the halvings, is doubted by the gap
    between the drifts of its two eighths and by the drift the fit shows by
    itself on an exact power of log x there (`_settled_drift`), which is
    10% of a log-log tail's where ``p`` is near 1 (``P = 1.5``, shifted by
    25: p 1.05 at 57 halvings, 1.7e-4 against 1.7e-3 a unit of ``log n``)
    and the factor, about ``P/(P - 1)``, amplifies it: 0.366401 +- 7.3e-3 for
    0.388315 (3 errors) with the gap alone.
    """
    (_, p, n), (_, p_mid, n_mid), (_, p_near, n_near) = fit, mid, near
    drift = (p_near - p) / math.log(n / n_near)
    late = (p_mid - p) / math.log(n / n_mid)
    early = (p_near - p_mid) / math.log(n_mid / n_near)
    doubt = abs(late - early) + abs(_settled_drift(p, n))
    share = _log_log_factor(fit, far, drift)
    return max(abs(_log_log_factor(fit, far, drift + sign * doubt) - share) for sign in (-1, 1))


def _settled_drift(p: float, n: float) -> float:
    """The drift of p a unit of ``log n`` that `_power_law_fit` shows on ``1/(x log(x)**p)``.

    Its halves, ``∫ u**-p du`` over ``[k ln 2, (k + 1) ln 2]`` up to ``n``
    halvings, fitted now and a quarter as many halvings back, as
    `_power_law_tail` fits f's: the fit's own bias, which falls as ``1/n**2``.
    """
    back = math.ceil(0.25 * n)
    first = max(1, round(n) - back - SLOW_END_HALVINGS + 1)
    beyond = [(k * math.log(2.0)) ** (1.0 - p) / (p - 1.0) for k in range(first, round(n) + 2)]
    halves = [earlier - later for earlier, later in itertools.pairwise(beyond)]
    now, before = _power_law_fit(halves), _power_law_fit(halves[:-back])
    if now is None or before is None:
        return math.inf
    return (before[1] - now[1]) / math.log(now[2] / before[2])


# The late drift of p at least this share of the early one (per unit log n): a law's, not a bias's.
PERSISTENT_DRIFT = 0.8


def _drifting(
    fit: tuple[float, float, float],
    near: tuple[float, float, float],
    mid: tuple[float, float, float] | None,
) -> bool:
    """Whether p falls as steadily over the last eighth of the halvings as over the eighth before.

    Per unit ``log n``, by at least `PERSISTENT_DRIFT` as much: a log-log
    tail's slope, ``1 + P/L``, falls by ``P/L**2`` a unit, which hardly
    changes over an eighth of the halvings; the bias of a power of log x's
    fit falls as ``1/n**2`` (about 0.73 over an eighth) or geometrically (at
    x = inf, from the map of the half-line: 0.1 to 0.4 at 20-30 halvings).
    """
    if mid is None:
        return False
    _, p, n = fit
    _, p_mid, n_mid = mid
    _, p_near, n_near = near
    if not (p_near > p_mid > p and n > n_mid > n_near):
        return False
    early = (p_near - p_mid) / math.log(n_mid / n_near)
    late = (p_mid - p) / math.log(n / n_mid)
    return late >= PERSISTENT_DRIFT * early


class _Epsilon:
    r"""Wynn's epsilon algorithm, fed one partial sum at a time.

    If the error of $S_n$ is a sum of geometric terms,
    $S_n = S + \sum_j c_j q_j^n$, as it is for the sums of an adaptive rule
    that keeps halving the panel at an end singularity, the even columns
    $\varepsilon_{2k}$ of the epsilon table remove one term each
    ($\varepsilon_2$ is Aitken's $\Delta^2$), so they reach $S$ long before
    the sums do. Each new element adds one entry to every column, by Wynn's
    cross rule on the even columns (stabler than the two-column recursion):

    $$\frac{1}{E - C} = \frac{1}{N - C} + \frac{1}{S - C} - \frac{1}{W - C},$$

    with $N, C, S = \varepsilon_{2k}^{(n-1)}, \varepsilon_{2k}^{(n)},
    \varepsilon_{2k}^{(n+1)}$, $W = \varepsilon_{2k-2}^{(n+1)}$ (infinite
    for $k = 0$) and $E = \varepsilon_{2k+2}^{(n-1)}$. Only the last three
    entries of each column are needed. Where two neighbours agree to rounding
    or the correction would dwarf the value, the cross rule means nothing:
    the higher columns are dropped and grow again from later elements.

    QUADPACK's error of the table, the spread of the new limit from the
    last three, is too small when the sums converge slowly: with an
    exponent near -1 (``x**-0.98``: ``2**-0.02`` per halving), at one end
    or both, the limits creep towards the integral about as slowly as the
    sums, and they amplify the sums' rounding, which recurs alike in every
    element and so does not show in their spread. Here the spread is
    multiplied by ``max(1, q/(1 - q))`` for the rate ``q`` of the sums
    (`_slowness`), each entry carries its derivatives with respect to the
    elements, so that the elements' rounding is weighted by them
    (`_amplified`), and a limit the sums move away from is no estimate at
    all (`_receding`).
    """

    MAX_COLUMNS = 25  # the table of about 50 elements QUADPACK keeps

    def __init__(self) -> None:
        self.columns: list[list[float]] = [[]]
        # Each entry's derivatives with respect to the elements, oldest first.
        self.gradients: list[list[list[float]]] = [[]]
        self.noise: list[float] = []  # a bound on each element's rounding error
        self.last_five: list[float] = []  # the last five elements (`_diverging`)
        self.estimates: list[float] = []  # the last extrapolated values
        self.irregular = False  # the sums themselves defeat the cross rule
        # The last limit came from a settled column the elements recede from,
        # or the elements' steps do not die out (`_diverging`).
        self.antilimit = False
        # The elements converge to the last limit by their own model (`_converging`).
        self.converging = False

    def add(self, element: float, noise: float = 0.0) -> tuple[float, float]:
        """Append ``element``; return the extrapolated limit and an estimate of its error.

        The limit is the new entry whose three parents are closest together
        (the best-settled column). No entry carries its own error, so the
        error is the spread of this limit from the three previous ones
        times ``max(1, q/(1 - q))`` (`_slowness`), infinite until there are
        three or when one of the last four elements recedes from the limit
        (`_receding`; from a column of three equal entries, by more than
        its error, they set `antilimit` instead; elements that leave it by
        one ratio above 1 do too, `_leaving`), at
        least 5 ulps, and at least
        what the elements' rounding errors (``noise``, each) can move the
        limit by (see `_amplified`). Elements whose growing steps, by their
        own model, do not die out (`_diverging`) set `antilimit` too; elements
        whose steps, by that model, die out and sum to the limit set
        `converging` (`_converging`).
        """
        self.noise.append(noise)
        self.antilimit = self.converging = False
        self.last_five = [*self.last_five[-4:], element]
        unit = [0.0] * (len(self.noise) - 1) + [1.0]
        base, gradients = self.columns[0], self.gradients[0]
        base.append(element)
        gradients.append(unit)
        del base[:-3], gradients[:-3]
        if len(base) < 3:
            return element, math.inf
        limit, local, gradient = element, math.inf, unit
        for k in range(self.MAX_COLUMNS - 1):
            if len(self.columns[k]) < 3:
                break
            north, center, south = self.columns[k]
            d_north, d_south = north - center, south - center
            settled_north = abs(d_north) <= _EPS * max(abs(north), abs(center))
            settled_south = abs(d_south) <= _EPS * max(abs(south), abs(center))
            if settled_north and settled_south:
                # Three equal entries: this column has converged to rounding.
                limit, local = south, abs(d_north) + abs(d_south)
                self.estimates = [limit]  # a fresh start for the spread
                rounding = self._amplified(self.gradients[k][2])
                error = max(local, 5.0 * _EPS * abs(limit), rounding)
                # However well the column settles, sums that move away from
                # its limit by more than its error make it an antilimit: at
                # an end where f is not integrable each halving adds a larger
                # panel, so the sums recede from the finite part the table
                # finds (x**-1.05 + 1e5 cos(2 pi x) on [0, 1]: sums 69.0,
                # 72.1, 75.4, 78.7, 82.2 about -20). The caller refuses it.
                self.antilimit = self._receding(limit, error)
                self.converging = self._converging(limit, error)
                return limit, error
            west = self.columns[k - 1][0] if k else math.inf
            d_west = west - center
            inverse = 0.0
            if not (settled_north or settled_south):
                inverse = 1.0 / d_north + 1.0 / d_south - 1.0 / d_west
            settled_west = k > 0 and abs(d_west) <= _EPS * max(abs(west), abs(center))
            if settled_west or abs(inverse * center) <= 1e-4:
                # Breakdown: the correction 1/inverse would be 1e4 |center| or
                # more (or undefined); keep the columns up to this one.
                del self.columns[k + 1 :], self.gradients[k + 1 :]
                self.irregular = self.irregular or k == 0
                break
            new = center + 1.0 / inverse
            new_gradient = self._cross_gradient(k, inverse, (d_north, d_south, d_west))
            if k + 1 == len(self.columns):
                self.columns.append([])
                self.gradients.append([])
            self.columns[k + 1].append(new)
            self.gradients[k + 1].append(new_gradient)
            del self.columns[k + 1][:-3], self.gradients[k + 1][:-3]
            closeness = abs(d_north) + abs(d_south) + abs(new - south)
            if closeness <= local:
                limit, local, gradient = new, closeness, new_gradient
        previous = self.estimates[-3:]
        self.estimates = [*previous, limit]
        if len(previous) < 3:
            return limit, math.inf
        spread = math.fsum(abs(limit - value) for value in previous) * self._slowness()
        return self._judged(limit, spread, gradient)

    def _judged(self, limit: float, spread: float, gradient: list[float]) -> tuple[float, float]:
        """``limit`` and its error from its ``spread``; sets `antilimit`.

        The error is infinite when one of the last four elements recedes from
        the limit (`_receding`), unless they leave it by one ratio above 1
        (`_leaving`): then the limit keeps its spread as an antilimit. Growing
        steps that do not die out (`_diverging`) make it an antilimit too,
        with the error it has (infinite if the elements also recede).
        Sets `converging` as well (`_converging`).
        """
        leaving = self._leaving(limit, spread)
        if self._receding(limit) and not leaving:
            spread = math.inf
        error = max(spread, 5.0 * _EPS * abs(limit), self._amplified(gradient))
        self.antilimit = leaving or self._diverging(limit, error)
        self.converging = self._converging(limit, error)
        return limit, error

    @property
    def recent(self) -> list[float]:
        """The last four elements, for their rate of convergence."""
        return self.last_five[-4:]

    def _receding(self, limit: float, slack: float = 0.0) -> bool:
        """Whether an element of the last four is farther from ``limit`` than the one before.

        Farther by more than ``slack``: the error of a column settled to
        rounding, within which the elements' distances mean nothing.

        The sums of a chain converging onto an end approach their limit, even
        while their differences still grow (``x**-0.98 log x``); sums moving
        away from it (a peak next to the end, not yet resolved, whose share
        of the sums doubles at each halving) make it an antilimit, the
        background without the peak, however well the table settles on it.
        The last four elements are those `_slowness` takes the rate from: a
        peak found at the end takes the sums from ~0 up by orders of
        magnitude, and the first step after (the chain now resolving it) may
        well move back towards the antilimit ~0 of the steps before
        (``exp(-((x - c)/1.41e-4)**2)`` on [0, 1.57], ``c`` 1.1e-5 from 1.57:
        ~0, 2e-7, 7.4e-5, 1.8e-4, 1.3e-4, extrapolated to -3.9e-15).
        """
        distances = [abs(element - limit) for element in self.recent]
        return any(later > earlier + slack for earlier, later in itertools.pairwise(distances))

    def _leaving(self, limit: float, error: float) -> bool:
        """Whether the last five elements move away from ``limit`` by one ratio above 1.

        That is, ``S_n = limit + c q**n`` with ``q > 1``, to within the
        limit's ``error``, each farther than the one before by more than
        that error (a limit known no better than the distances are large
        says nothing of them): the sums of the chain at an end where f is
        ``x**-p``, ``p > 1`` (``q = 2**(p - 1)``), which never come back.
        The limit is then the integral's finite part, known as well as its
        spread says, and the run may stop on it: `_Extrapolated.finish`
        refuses it as divergent (``x**-1.05`` on [0, 1] went on to rounding
        after 10,271 evaluations at tol 1e-10). Sums that recede from a peak found at the
        end grow by orders of magnitude, not by one ratio.
        """
        distances = [element - limit for element in self.last_five]
        if len(distances) < 5 or distances[-2] == 0.0:
            return False
        rate = distances[-1] / distances[-2]
        return rate > 1.0 and all(
            abs(later) > abs(earlier) + error and abs(later - rate * earlier) <= error
            for earlier, later in itertools.pairwise(distances)
        )

    def _diverging(self, limit: float, error: float) -> bool:
        """Whether the last five elements, by the table's own model, have no limit.

        Sums that approach the limit with growing steps (the last step, above
        the limit's ``error``, larger than the one before) may still converge
        only as ``S + (a + b n) q**n`` with ``q < 1`` (``x**-0.98 log x``), or
        as two geometric terms of rates below 1 whose steps cancel at first.
        The steps ``d`` of either obey ``d[k + 2] = A d[k + 1] + B d[k]``,
        whose rates are the roots of ``z**2 - A z - B``; fitted to the last
        four steps, their product ``-B`` is at least 1 in modulus only if one
        of them is: the steps do not die out, and the limit is an antilimit
        (the finite part of ``(log x + c)/x**p``, ``p > 1``, which its sums
        approach with steps growing by about ``2**(p - 1)`` before they pass
        it and leave: ``(log x + 2.23)/x**1.077 + 12224 cos(2 pi x)`` on
        [0, 1] at ``tol`` 1.4e-6, constants rounded (in full in
        tests/unit/test_integrate_divergence_rates.py), sums -86.5, -104.1,
        -123.9, -146.2 to -195.85, rates 1.0551 = 2**0.0774 twice). The
        product rather than the larger rate: a double rate such as ``x**-0.98
        log x``'s 0.986 is ill-conditioned (rounding splits it by the square
        root of its size), their product is not.

        The verdict counts only if the two rates are the table's model: the
        point the fitted steps sum to (the last element plus
        ``(A d3 + B (d2 + d3))/(1 - A - B)``) must be ``limit`` to within
        ``error``. Sums of more rates (both ends singular, ``log(x)**2``,
        whose rate is triple) fit two rates above 1 that miss the limit.
        """
        if len(self.last_five) < 5:
            return False
        d2, d3 = (b - a for a, b in itertools.pairwise(self.last_five[-3:]))
        if not abs(d3) > max(abs(d2), error):
            return False
        fit = self._two_rates()
        if fit is None:
            return False
        _, b, fixed_point = fit
        return abs(b) >= 1.0 and abs(fixed_point - limit) <= error

    def _converging(self, limit: float, error: float) -> bool:
        """Whether the last five elements, by the table's own model, converge to ``limit``.

        The two rates fitted to their last four steps (see `_diverging`) are
        both below 1 in modulus (the roots of ``z**2 - A z - B``: ``|B| < 1``
        and ``|A| < 1 - B``), and the point the steps sum to is ``limit`` to
        within ``error`` or a thousandth of the last element's distance from
        it: for rates near 1 the fit is ill-conditioned. Then sums far from
        their extrapolation converge slowly, they do not diverge: at an end
        where f is ``x**-p``, ``p`` just below 1, the chain's panel keeps a
        share ``2**(p - 1)`` of the sums per halving, and where f changes
        sign they may stay far from an integral that nearly cancels.
        (``(x - c) x**-0.95`` on [0, 1], ``c`` 0.999 times its cancelling
        ``1/21``, at tol 1e-10: sums 0.5629, 0.5440, 0.5255, 0.5076, rates
        0.966 and 0.483, and their extrapolation 0.00095238095274, right to
        4e-13, was called a divergence by qagse's test of the sum against
        its extrapolation; the fit's point missed it by 5.7e-11, its error
        5.6e-11.)
        """
        if len(self.last_five) < 5:
            return False
        fit = self._two_rates()
        if fit is None:
            return False
        a, b, fixed_point = fit
        slack = max(error, 1e-3 * abs(self.last_five[-1] - limit))
        return abs(b) < 1.0 and abs(a) < 1.0 - b and abs(fixed_point - limit) <= slack

    def _two_rates(self) -> tuple[float, float, float] | None:
        """``A``, ``B`` of ``d[k + 2] = A d[k + 1] + B d[k]`` fitted to the last four steps.

        With the point the steps sum to: the last element plus
        ``(A d3 + B (d2 + d3))/(1 - A - B)``. None where the fit is singular
        or has a rate of exactly 1 as computed: ``a + b`` may round to other
        than 1 where ``1.0 - a - b`` is 0 (elements growing by about
        ``2**0.05``, 9901.88 .. 11377.44, of ``(|x - 1.4| + 3)**-0.95`` on
        ``(-inf, 0.9]`` halved on past its divergence: ZeroDivisionError).
        """
        d0, d1, d2, d3 = (b - a for a, b in itertools.pairwise(self.last_five))
        determinant = d1 * d1 - d0 * d2
        if determinant == 0.0:
            return None
        a = (d1 * d2 - d0 * d3) / determinant
        b = (d1 * d3 - d2 * d2) / determinant
        if a + b == 1.0 or 1.0 - a - b == 0.0:
            return None
        return a, b, self.last_five[-1] + (a * d3 + b * (d2 + d3)) / (1.0 - a - b)

    def _slowness(self) -> float:
        """``q/(1 - q)`` (at least 1) for the rate ``q`` at which the elements converge.

        What the limits of the table still miss are the geometric terms of
        the elements they have not removed, each falling by at most ``q``,
        the rate of the slowest, which the elements themselves show; so the
        distance still to go is at most about the limits' last change times
        ``q/(1 - q)``, and the spread is at least that change. ``q`` is the
        larger of the last two ratios of successive differences of the
        elements: with both ends singular their two rates mix (the sums of
        ``x**-0.98 (1 - x)**-0.979`` converge by 0.986 per step, and their
        limits by about as little). A ratio of 1 or more (``x**-0.98 log
        x``, whose differences still grow) counts as 0.99: the limit then
        rests on the model alone.
        """
        steps = [later - earlier for earlier, later in itertools.pairwise(self.recent)]
        rate = 0.0
        for before, after in itertools.pairwise(steps):
            if after != 0.0:
                rate = max(rate, abs(after / before) if before != 0.0 else math.inf)
        rate = min(rate, 0.99)
        return max(1.0, rate / (1.0 - rate))

    def _cross_gradient(
        self, k: int, inverse: float, differences: tuple[float, float, float]
    ) -> list[float]:
        """The derivatives of the cross rule's new entry in column ``k + 1`` (see `add`).

        With ``E = C + 1/inverse``, ``dE/dN = 1/(inverse (N - C))**2``, the
        same for ``S``, ``-1/(inverse (W - C))**2`` for ``W``, and ``dE/dC``
        what makes them sum to 1 (adding a constant to every element adds it
        to every entry).
        """
        north, center, south = self.gradients[k]
        west = self.gradients[k - 1][0] if k else []
        d_north, d_south, d_west = differences
        with_north = _inverse_square(inverse * d_north)
        with_south = _inverse_square(inverse * d_south)
        with_west = -_inverse_square(inverse * d_west) if k else 0.0
        with_center = 1.0 - with_north - with_south - with_west
        terms = (
            (with_north, north),
            (with_center, center),
            (with_south, south),
            (with_west, west),
        )
        size = len(self.noise)
        if not all(math.isfinite(weight) for weight, _ in terms):
            return [math.inf] * size
        combined = [0.0] * size
        for weight, row in terms:
            for index, derivative in enumerate(row):
                combined[index] += weight * derivative
        return combined

    def _amplified(self, gradient: list[float]) -> float:
        """How far the elements' rounding errors may move an entry: ``sum |dE/dS_i| noise_i``.

        An extrapolation from sums that converge slowly (an end singularity
        such as ``x**-0.98``, whose sums approach the limit by ``2**-0.02``
        per halving) amplifies the rounding of the sums enormously; their
        spread alone does not show it, for the same rounding recurs in
        every element. ``noise`` is the panels' `Panel.rounding` summed:
        the rounding of ``f`` and of the rule's sums, not that of the nodes
        (which `Panel.error` includes): next to an end at 0 the nodes'
        rounding shrinks with the panel. Measured on the 1,000 draws of
        ``bench.honesty integrate-singular`` seed 1, the error floor of
        `Panel.error` (50 ulps and the nodes' rounding) in its place refused
        161 draws instead of 133, with none dishonest either way.
        """
        return _sum(
            abs(derivative) * noise
            for derivative, noise in zip(gradient, self.noise, strict=False)
            if noise > 0.0
        )


class _Entry(NamedTuple):
    """A panel as the adaptive rule keeps it; ordered by ``(error, serial)``."""

    error: float  # the panel's error, raised where its nodes cannot be trusted
    serial: int  # a tie-breaker, so that panels are never compared
    panel: Panel
    change: float  # |parent - (this + sibling)| when it was made; inf for the first panels
    witness: tuple[float, float]  # (x, |f(x)|) at the largest |f| sampled inside it so far
    unresolved: bool  # its nodes do not resolve f (see `_Panels.unresolved`)
    weight: float  # ∫|f| over it, or as much as its witness says it may hold
    jumps: tuple[float, float]  # a jump that may hide next to its left and right end
    # The error without the floor for finite smoothness (`Panel.smoothness`):
    # what the test for divergence compares with the sum, as qagse does.
    divergence_error: float = 0.0
    # (x, f(x)) at an ancestor's node inside it that its own samples, by
    # interpolation, fail to predict (see `_Panels.split`); x is NaN if none.
    miss: tuple[float, float] = (math.nan, 0.0)
    # Made by a bisection whose halves' sum left the parent by more than
    # twice the parent's error: the parent's estimate was wrong.
    surprise: bool = False
    # (x, f(x)) at every node of its ancestors inside it, and at an end of
    # the whole interval it touches where f was finite (the first panel's
    # `_Panels._ends`): its samples were checked against them,
    # and its halves' will be (see `_Panels.split` and `_Panels._end_miss`).
    history: tuple[tuple[float, float], ...] = ()
    # The sliver at each end of the whole interval (left, right) times the
    # amount by which its samples' polynomial overshoots f there, signed, 0
    # where it does not touch that end or f there is unknown
    # (`_Panels._end_share`); and the part of it that an extrapolation
    # towards that end does not model (`_Panels._unmodelled`).
    end_share: tuple[float, float] = (0.0, 0.0)
    end_charge: float = 0.0
    # In a chase after detail finer than the nodes (`_Panels._keep`): its
    # halves' predictions are held to the resolution the chase started
    # from, ``held_to`` (inf outside a chase), or to its parent's
    # resolution, ``parent_resolution``, if that is finer.
    chasing: bool = False
    held_to: float = math.inf
    parent_resolution: float = math.inf
    # It misses f at an end of the whole interval (`_Panels._end_miss`),
    # whether or not ``miss`` records that sample or a worse-missed
    # ancestor's: it is never negligible (see `_Panels.unresolved`).
    misses_end: bool = False

    @property
    def rounding_limited(self) -> bool:
        return self.panel.rounding_limited and self.error == self.panel.error


def _gap_jump(rule: Rule, left: Panel, right: Panel) -> float:
    """A jump in the gap between two halves' innermost nodes, which neither half sees; or 0.

    f at those nodes, on either side of the middle, differing ten times more
    than from their next nodes, or than each side's slope predicts
    (`_sloped_gap_jump`).
    """
    inner, outer = (left.edges[2], right.edges[0]), (left.edges[3], right.edges[1])
    gap = abs(inner[1] - inner[0])
    nearby = max(abs(inner[0] - outer[0]), abs(inner[1] - outer[1]))
    seen = gap > 10.0 * nearby or _sloped_gap_jump(rule, inner, outer)
    return gap if seen and gap > 50.0 * _EPS * max(map(abs, inner)) else 0.0


def _sloped_gap_jump(rule: Rule, inner: tuple[float, float], outer: tuple[float, float]) -> bool:
    """Whether f steps in the gap around a bisection's middle, on a slope.

    ``inner`` and ``outer`` hold f at the left half's last two nodes and the
    right half's first two (innermost first). Each side's two nodes,
    extrapolated in a line to the middle, predict f there within about a
    sixth of the change in their slopes (``bend``, a second difference)
    for smooth f; a mismatch above ten times ``bend`` (and above twice the
    nodes' own differences, for an inflection) is a step that neither half
    samples. Comparing the raw gap with the nodes' differences alone, as
    `_gap_jump` also does, misses a small step on a slope: sin x - 0.00325
    (x > 0.0279634) among three larger steps on [-0.131, 0.293] at tol
    1.5e-11 (bisecting a panel 0.106 wide at 0.0279226: the gap 0.00302,
    its neighbours' differences 5.8e-4) claimed 3.2e-13 and was 1.3e-7 off:
    the step then sat in the sliver beyond the outermost node of every
    later panel at that end.
    """
    # The gap's half-width over the spacing of the outer two nodes.
    reach = (1.0 - rule.nodes[0]) / (rule.nodes[0] - rule.nodes[1])
    left_step, right_step = inner[0] - outer[0], outer[1] - inner[1]
    from_left = inner[0] + reach * left_step
    from_right = inner[1] - reach * right_step
    bend = abs(right_step - left_step)
    # At an inflection bend vanishes and the cubic term leaves a mismatch of
    # about 2 reach (0.4) times the nodes' own differences: ask for twice those.
    nearby = max(abs(left_step), abs(right_step))
    return abs(from_right - from_left) > max(10.0 * bend, 2.0 * nearby)


def _between_plateaus(entry: _Entry) -> bool:
    """Whether ``entry``'s samples take two values, the larger |f| also at the sample it misses.

    f is then a jump between two plateaus as far as any of them shows, and
    the miss is its polynomial's undershoot on the higher one (Gibbs), not
    the flank of a peak between its nodes, which would put f at that sample
    below the peak's top; a sample on the lower plateau may be beside a
    peak that one node sees on a flat background, and is still chased.
    ``float(x > 0.9119014057984379)`` on [0, 1] at tol 1e-10: the panel
    [0.91190140579420, 0.91190140580147] holding the jump missed an
    ancestor's f = 1.0 inside it above its polynomial, and at 7.3e-12 wide
    was too narrow to bisect: refused after 1,577 evaluations, 2.1e-13 off
    with an error of 6.1e-12 (the benchmarks' survey refused five such
    steps). A step on a slope (``sin(x)`` plus a jump) takes more values.
    """
    values = set(entry.panel.samples)
    return len(values) == 2 and abs(entry.miss[1]) == max(map(abs, values))


def _jump_gap(line: list[tuple[float, float]], ends: tuple[bool, bool]) -> int | None:
    """The gap between neighbouring samples ``(t, f)`` where f jumps, as far as they show; or None.

    The gap ``i`` (between samples ``i`` and ``i + 1``) across which f
    differs most, if that is above the samples' rounding and f is no line
    through it: the lines through the two samples on each side, extrapolated
    to its middle, disagree by ten times the change in their slopes across
    it and twice the differences beside it (`_sloped_gap_jump`'s test, for
    unequal gaps); at the first or last gap, which has a neighbour on one
    side only, and only where its outer sample is f at an end of the whole
    interval (``ends``: whether the first and the last are; between two
    nodes, the halves' samples will show it from both sides), its
    difference is `JUMP_DOMINANCE` times that neighbour's,
    across which f changes by at most `JUMP_FLAT` of its size (a side as flat
    as a step's at the spacing of the nodes: near a singular end, x**-1.05
    from 1e-6 or exp(x) up to 290, f(end) stands far from the nodes too,
    which change by a large part of themselves).
    A smooth f near an extremum has small differences beside a larger one,
    which the lines predict (sin(x)**2 on [0, 10]).
    """
    steps = [abs(later[1] - earlier[1]) for earlier, later in itertools.pairwise(line)]
    if len(steps) < 2:
        return None
    gap = max(range(len(steps)), key=steps.__getitem__)
    if steps[gap] <= 50.0 * _EPS * max(abs(y) for _, y in line):
        return None
    if gap in (0, len(steps) - 1):
        if not ends[0 if gap == 0 else 1]:
            return None
        near = line[1:3] if gap == 0 else line[-3:-1]
        beside = steps[1] if gap == 0 else steps[-2]
        flat = beside <= JUMP_FLAT * max(abs(y) for _, y in near)
        return gap if flat and steps[gap] > JUMP_DOMINANCE * beside else None
    (t0, f0), (t1, f1), (t2, f2), (t3, f3) = line[gap - 1 : gap + 3]
    middle = 0.5 * t1 + 0.5 * t2
    left_slope, right_slope = (f1 - f0) / (t1 - t0), (f3 - f2) / (t3 - t2)
    from_left = f1 + left_slope * (middle - t1)
    from_right = f2 + right_slope * (middle - t2)
    bend = abs(right_slope - left_slope) * (t2 - t1)
    nearby = max(steps[gap - 1], steps[gap + 1])
    return gap if abs(from_right - from_left) > max(10.0 * bend, 2.0 * nearby) else None


def _float_key(x: float) -> int:
    """The float's place in the order of all floats (0.0 and -0.0 at 0, neighbours 1 apart)."""
    bits = int.from_bytes(struct.pack("<d", x), "little")
    return -(bits & ~SIGN_BIT) if bits & SIGN_BIT else bits


def _key_float(key: int) -> float:
    """The float at ``key`` in `_float_key`'s order."""
    value: float = struct.unpack("<d", abs(key).to_bytes(8, "little"))[0]
    return -value if key < 0 else value


def _float_middle(low: float, high: float, start: float) -> float:
    """The middle of ``[low, high]`` for a bisection down to neighbouring floats.

    Halved in value, a bracket closing in on 0 takes about 1,075 halvings
    to reach them (the floats next to 0 are 5e-324 apart): a jump at 0 cost
    1,070 calls. Once the bracket is `JUMP_BINADES` halvings narrower than
    at the ``start`` (half its width) and holds 0, or its ends differ by
    more than 2**`JUMP_BINADES` times, it is halved in the floats' order
    instead: at most 64 halvings, geometric means in effect. A bracket
    still wide, or within a few binades, is halved in value as before.
    """
    narrowed = 0.5 * high - 0.5 * low <= 2.0**-JUMP_BINADES * start
    one_sign = low > 0.0 or high < 0.0
    within = one_sign and max(abs(low), abs(high)) <= 2.0**JUMP_BINADES * min(abs(low), abs(high))
    if not narrowed or within:
        return 0.5 * low + 0.5 * high
    return _key_float((_float_key(low) + _float_key(high)) // 2)


def _overshoots(start: float, f_low: float, f_high: float, f_middle: float) -> bool:
    """Whether f at a jump search's middle leaves either end by more than the search allows.

    ``start`` is the difference across the bracket the search began with;
    past ``start / JUMP_KEPT`` it ends (`_Panels._bracket_jump`).
    """
    return max(abs(f_middle - f_low), abs(f_high - f_middle)) > start / JUMP_KEPT


class _Panels:
    """The subintervals and their Gauss-Kronrod estimates, sorted by error (worst last)."""

    def __init__(self, g: Function, rule: Rule, seen: dict[float, float] | None = None) -> None:
        self.g = g
        self.rule = rule
        self.entries: list[_Entry] = []
        self.nfev = 0
        self.count = 0
        self.ends: tuple[float, float] = (math.nan, math.nan)  # of the whole interval
        # Whether g may be sampled at each end (not where x is infinite).
        self.finite_ends = (True, True)
        # x at a point t of g's variable, for messages (`_change_of_variable`).
        self.x_of: Callable[[float], float] = _same
        # f itself where the interval is mapped, and the float of x a search
        # found it failing at (`singular_point`, `_split_in_x`).
        self.reader: Function | None = None
        self.x_found: float | None = None
        # g at the points where it was sampled (or failed: NaN) by an earlier
        # run of the same integral (`_checked_half`), which `_ends` reuses and
        # fills: the caller's dict, shared by those runs.
        self.seen: dict[float, float] = {} if seen is None else seen
        # (t, x, |f(x)|) on both sides of every jump `cut_at_jump` located:
        # nodes for `rounding_staircase`, which no panel keeps.
        self.located: list[tuple[float, float, float]] = []
        # Brackets where a search for a jump found a smooth rise (`_bracket_jump`).
        self.rises: list[tuple[float, float]] = []
        # (t, g(t)) at the points the last search for a jump sampled (`cut_at_jump`).
        self.searched: list[tuple[float, float]] = []
        # Where a search for a singular point found a finite top (`singular_point`).
        self.tops: list[float] = []
        # The tops of those searches that reached neighbouring floats, f finite at each.
        self.float_tops: list[float] = []
        # (x, p) where such a top's f grows as |x - c|**-p, p about 1 or more (`_splits_at_top`).
        self.pole: tuple[float, float] | None = None
        # Floats where f takes a value of its own beside a located jump (`_lone_value`),
        # which no panel is held to.
        self.lone: set[float] = set()
        self.asked: set[float] = set()  # the samples `_lone_sample` asked about
        self.cuts = 0  # at located jumps (`cut_at_jump`)
        # f at the float inside an end of the interval, in place of f at the
        # end, where that is a value of its own (`_end_limits`).
        self.limits: dict[float, float] = {}

    def x_span(self, panel: Panel) -> tuple[float, float]:
        """The x of a panel's ends, in increasing order: what the reader's interval holds."""
        low, high = sorted((self.x_of(panel.a), self.x_of(panel.b)))
        return low, high

    def __len__(self) -> int:
        return len(self.entries)

    def _apply(self, a: float, b: float) -> Panel:
        self.nfev += self.rule.size
        return gauss_kronrod(self.g, a, b, self.rule)

    def _keep(
        self,
        panel: Panel,
        *,
        change: float,
        inherited: tuple[float, float],
        floor: float,
        jumps: tuple[float, float] = (0.0, 0.0),
        miss: tuple[float, float, float] = (math.nan, 0.0, 0.0),
        surprise: bool = False,
        history: tuple[tuple[float, float], ...] = (),
        end: tuple[tuple[float, float], float] = ((0.0, 0.0), 0.0),
        held: float = math.inf,
        parent_resolution: float = math.inf,
        misses_end: bool = False,
    ) -> None:
        own = max(panel.peaks, key=lambda peak: peak[1])
        # A jump next to an end, in the sliver outside the outermost nodes,
        # is invisible to this panel; it may be worth |jump| times the sliver.
        sliver = (1.0 - self.rule.nodes[0]) * abs(0.5 * panel.b - 0.5 * panel.a)
        floor = max(floor, (jumps[0] + jumps[1]) * sliver)
        error, weight, witness = max(panel.error, floor), panel.absolute, own
        # An ancestor's node inside this panel saw |f| at least twice as large
        # as any of its own nodes: they straddle a peak (or the far side of a
        # jump) that they cannot see. It may hold about |f| times its width.
        suspect = inherited[1] > 2.0 * own[1]
        if suspect:
            witness = inherited
            possible = inherited[1] * abs(panel.b - panel.a)
            error, weight = max(error, possible), max(weight, possible)
        # An ancestor's sample inside this panel that its own samples miss
        # by ``miss[2]``: a feature between its nodes (a narrow peak on a
        # background, where |f| alone proves nothing) may be worth that
        # times its width.
        missing = miss[2] * abs(panel.b - panel.a)
        # A miss worth more than the panel claims, at an end of the whole
        # interval (`_end_miss`) or at an ancestor's node: f there is not
        # the panel's polynomial, so a feature between its nodes (or in the
        # sliver) is unresolved, and the sample may see only its flank,
        # which bounds nothing: a peak of height H and width w seen at d
        # from its centre by H exp(-(d/w)**2) holds about H w, unbounded
        # for a given miss as w shrinks (x + 0.000169 exp(-((x -
        # 0.000253)/6.3e-5)**2) on [0, 1]: f(0) sees e**-16 of the peak,
        # which holds 1,100 times the miss times the width; 0.00509
        # gauss(c=0.000276, w=6.03e-5) + x at tol 7.1e-10: a node of [0,
        # 1/4] sees 3e-9 of the peak's height, which bends its polynomial
        # off the background its parent sampled at 0.00109, and the peak
        # held 2.1e5 times the error). It is bisected until its halves
        # predict the sample (`unresolved`).
        blind = missing > error
        # In a chase (see `split`), a miss beyond the resolution the chase
        # holds the panel to is the feature itself, whatever it is worth.
        chased = held < math.inf and missing > 0.0
        blind = blind or chased
        if missing > 0.0:
            error, weight = max(error, missing), max(weight, missing)
        self.count += 1
        # The smoothness floor (a kink) is left out of the divergence test:
        # near an end singularity such as x**-0.985 it is honest, and as
        # large as the sum itself, which qagse's test reads as divergence.
        divergence_error, error = error, max(error, panel.smoothness)
        if chased:
            # Its samples see only the flank of what it chases, which bounds
            # nothing: it may hold its whole weight (as a suspect panel may),
            # also when that weight is negligible and it is left unresolved.
            error = max(error, weight)
        # Unresolved: saturated, suspect, or an error (perhaps raised by the
        # trend floor) that is a sizeable part of the panel's ∫|f|; or
        # Legendre coefficients that do not fall at the top degrees the
        # samples show (`aliased`): detail finer than the nodes, such as the
        # flank of a narrow peak that their polynomial then predicts with a
        # resolution made of that flank (0.0097 lorentz(c=0.999842,
        # w=2.64e-8) + x on [0, 1] at tol 1.2e-5: [0.998047, 1], whose nodes
        # see 1e-8 of the peak's tail, predicted f(1) and its ancestors'
        # samples within its resolution 1.05e-8 and claimed 5.1e-12; the
        # peak held 8.1e-10).
        # A panel whose error is its rounding floor is left to that floor
        # (`_Entry.rounding_limited`); one whose QUADPACK estimate alone is
        # below it, but whose error is the top coefficients (a lone panel's
        # `Panel.flat`), is not limited by rounding: 5e-6 lorentz(c=0.99901,
        # w=1.85e-6) + cos x on [0, 1] at tol 5.6e-8 (the first panel's
        # estimate 9.5e-15 its floor, its error 1.2e-12 the flank's top
        # coefficients, the peak 2.9e-11).
        fine = aliased(panel) and not (panel.rounding_limited and error == panel.error)
        unresolved = (
            panel.unresolved
            or suspect
            or blind
            or error >= UNRESOLVED_SHARE * panel.absolute
            or fine
        )
        entry = _Entry(
            error,
            self.count,
            panel,
            change,
            witness,
            unresolved,
            weight,
            jumps,
            divergence_error,
            miss[:2] if missing > 0.0 else (math.nan, 0.0),
            surprise,
            history,
            *end,
            fine or chased,
            held,
            parent_resolution,
            misses_end,
        )
        bisect.insort(self.entries, entry)

    def add(
        self,
        a: float,
        b: float,
        *,
        lone: bool = False,
        ends: tuple[tuple[float, float], ...] = (),
        witnesses: tuple[tuple[float, float], ...] = (),
    ) -> None:
        """Apply the rule on ``[a, b]`` and keep the panel.

        A ``lone`` panel (the whole interval, with no parent and no halves
        to compare with) has an error of at least `Panel.flat`: its other
        estimates extrapolate the fall of f's Legendre coefficients beyond
        the degrees its samples show, which only a bisection checks (a kink
        of order 3 < p < 12 looks analytic there; see
        `calcweb._gauss_kronrod._unchecked`). Where that bound is above the
        tolerance the panel is bisected, and its halves are kept as those
        of any bisection (`split`). It also samples f at each end where x is
        finite (`_ends`: two evaluations on a finite interval, one on a
        half-line, none on the whole line), which it must predict
        (`_end_miss`), as must every panel later bisected off it at that
        end: every other end of a half is the centre node of its parent,
        already sampled. The equal panels `explore` makes when f was 0 at
        every node get those samples as ``ends``: the first and the last
        must predict them too. So must the panel, and every panel bisected
        off it, predict the ``witnesses`` inside it, samples another rule
        took (`_measured`), as an ancestor's (`split`, rule 4).
        """
        panel = self.noisy_end(self._apply(a, b))
        if lone:
            # The ends, which no node samples: a feature between an end and
            # the outermost node (abs(x - 0.001) on [0, 1]) leaves f a
            # polynomial at every node, and only f at the end shows it. They
            # join the panel's history, so every panel later made at that end
            # must predict them too.
            ends = self._ends(a, b)
        history = tuple(end for end in ends if end[0] in (a, b) and math.isfinite(end[1]))
        inside = [(x, y) for x, y in witnesses if a < x < b and math.isfinite(y)]
        # With no parent, the rate at which the share falls is unknown: all of it.
        share = self._end_share(panel, history)
        unexplained = (abs(share[0]), abs(share[1]))
        miss = self._witnessed(
            panel, inside, self._end_miss(panel, history, unexplained, lone=lone)
        )
        noise = self.noisy(panel, miss) if miss[2] > 0.0 else None
        if noise is not None:
            panel = with_noise(panel, *noise)
            miss = self._end_miss(panel, history, unexplained, lone=lone)
            miss = self._witnessed(panel, inside, miss)
        history += tuple(inside)
        self._keep(
            panel,
            change=math.inf,
            inherited=(0.0, 0.0),
            # A panel placed by `explore` may mirror as a half may (`split`).
            floor=panel.flat if lone else mirrored(self.rule, panel),
            miss=miss,
            history=history,
            end=(share, abs(share[0]) + abs(share[1])),
            misses_end=miss[2] > 0.0,
        )

    def _witnessed(
        self, panel: Panel, witnesses: list[tuple[float, float]], miss: tuple[float, float, float]
    ) -> tuple[float, float, float]:
        """The worse of ``miss`` and the witness ``(x, f(x))`` the panel misses worst (`missed`)."""
        center, radius = 0.5 * panel.a + 0.5 * panel.b, 0.5 * panel.b - 0.5 * panel.a
        points = [((x - center) / radius, y) for x, y in witnesses]
        index, deviation = missed(self.rule, panel, points)
        if index >= 0 and deviation > miss[2]:
            return (*witnesses[index], deviation)
        return miss

    def _end_miss(
        self,
        panel: Panel,
        samples: Iterable[tuple[float, float]],
        unexplained: tuple[float, float],
        *,
        lone: bool = False,
    ) -> tuple[float, float, float]:
        """The sample at an end of the whole interval that ``panel`` misses, as `_keep` takes it.

        ``(x, f(x), m)``, or NaN for x if none: f at an end of ``panel``
        that is an end of the whole interval (`_ends`), which its samples'
        interpolating polynomial misses by ``m``, more than its resolution
        (see `calcweb._gauss_kronrod.missed`), where the sliver between
        that end and the outermost node (0.00217 of the width for K21,
        0.00427 for K15) times ``m`` is above the panel's own error. A
        feature there that no node sees (a kink ``abs(x - c)`` with ``c``
        in the sliver, f a polynomial at every node) may then move the
        integral by more than the panel claims: by up to half the sliver
        times ``m`` for a kink, where f leaves the polynomial most at the
        end (``abs(x - c)`` misses by ``m = 2 c`` at 0 and moves it by
        ``c**2``), by more for a peak inside the sliver, which f at the end
        sees only by its flank (``sech2((x - 99.0914)/0.00345) + 1`` on
        [0, 99.1]: f(99.1) is 0.027 of its height above the background,
        and its area is 1.2 times the sliver times ``m`` on [0, 99.1], 2.4
        times on [49.55, 99.1]). So, as for an ancestor's sample, the miss
        counts with the panel's whole width. At an end singularity such as
        ``sqrt(x)`` the polynomial misses f(0) too, by ten times its
        resolution, but the sliver times that is 1.1% (``x**0.4``; 1.2%
        for ``sqrt``) to 34% (``x**2.01``) of the panel's error for
        ``x**p`` with ``0.05 <= p <= 2.5`` at least 0.01 from an integer:
        no miss, and the extrapolation towards the end models it (what it
        does not, a kink or a ramp in the sliver, is charged to the
        extrapolation: `_unmodelled`). Closer to an integer it is more
        (``x**1.0001``: 1.09 times, as QUADPACK's scaled error falls faster
        than the miss), so the sliver times ``m`` must also leave, beyond
        the panel's error, a part ``unexplained`` that does not fall with
        the chain's own K - G from the parent's (`_unmodelled`): for ``c
        x**p`` the share falls with it and none is left (``x**1.0001`` on
        [0, 1] at tol 1e-10: 149 evaluations; 275 before this part was
        asked for, when such a miss was worth the miss times the width and
        did not make the panel unresolved; were every such miss counted
        now, 20,981, refused), while a feature in the sliver keeps its
        miss. A ``lone``
        panel (the first, `add`), with no parent, explains nothing, and no
        bisection has checked it: there any miss beyond its resolution
        counts, whatever the sliver times it (``0.97 sech2((x -
        0.998765)/0.000108) + cos x`` on [0, 1] at tol 4.6e-6: a node sees
        1.2e-7 of the peak's height, and the first panel's polynomial misses
        f(1) by 1.65e-7, 3.6 times its resolution, but the sliver times that
        is 0.06 of its error (`Panel.error`; it claimed twice that, its
        `Panel.flat`): its 23 evaluations were 1.8e4 times too small);
        an end singularity costs it the bisection it would get anyway. Any
        miss beyond the resolution counts too on a panel whose top Legendre
        coefficients do not fall (`calcweb._gauss_kronrod.unfalling`): its
        nodes see a flank too, of a peak that may lie in the sliver, which
        the sliver times the miss (a kink's worth) does not bound, nor its
        error, made of that flank (an end singularity's coefficients fall
        like a power; a kink in the sliver costs the bisections until the
        nodes see it, as its samples cannot tell it from a peak). A miss makes
        the panel unresolved where it is worth more than the panel claims
        (`_keep`).
        """
        sliver = 0.5 * (1.0 - self.rule.nodes[0]) * abs(panel.b - panel.a)
        worst = (math.nan, 0.0, 0.0)
        for x, y in samples:
            if x in (panel.a, panel.b):
                index, deviation = missed(self.rule, panel, [(-1.0 if x == panel.a else 1.0, y)])
                own = unexplained[0 if x == self.ends[0] else 1]
                # The lone panel has no parent whose rate explains a miss, and
                # no bisection has checked it: any miss beyond its resolution
                # counts there. Nor does the sliver times the miss bound what a
                # panel whose top coefficients do not fall misses: its nodes see
                # a flank too, whose peak may lie in the sliver, and its error,
                # made of that flank, says nothing of the peak (0.983
                # lorentz(c=0.99999689, w=9.93e-12) + cos x on [0, 1] at tol
                # 9.8e-11: [0.9922, 1] misses f(1) by 9.3e-12, 18 times its
                # resolution, but the sliver times that, 1.6e-16, is below the
                # 1.9e-16 it claims, twice its parent's: 3.1e3 times too small).
                worth = (
                    lone
                    or (sliver * deviation > panel.error and own > panel.error)
                    or unfalling(panel)
                )
                if index >= 0 and worth and deviation > worst[2]:
                    worst = (x, y, deviation)
        return worst

    def _end_limits(
        self, panel: Panel, samples: Iterable[tuple[float, float]]
    ) -> list[tuple[float, float]]:
        """The samples at ends of the interval, f at the float inside for a value of its own there.

        f at an end that ``panel`` misses (beyond its resolution), where it
        misses f at the neighbouring float inside by less than a quarter of
        that (f sampled there once: one evaluation an end), is a value at
        one float, which moves no integral: ``sin(x)/sqrt(x) if x else 1.0``
        on [0, 1], whose end panels missed f(0) = 1 halving after halving
        and were refused at 500 subintervals (20,981 evaluations) with every
        digit right; now 486, converged. That end is then held to f at the
        float beside it, as f tending to it there (`limits`), by every later
        panel at that end. A kink or a peak in the sliver, or an end
        singularity, leaves f at the two floats alike, both missed. `split`
        asks only for a half whose parent, itself a half, missed the end
        (`_Entry.misses_end`): the first panel counts any miss, which an end
        singularity makes too (sqrt on [0, 1], 233 evaluations, would pay
        one more).
        """
        limited = []
        for x, y in samples:
            if x not in self.limits and x in (panel.a, panel.b):
                self._try_limit(panel, x, y)
            limited.append((x, self.limits.get(x, y)))
        return limited

    def _try_limit(self, panel: Panel, end: float, value: float) -> None:
        """Keep f at the float inside ``end`` as its limit there if ``value`` is one of its own."""
        place = -1.0 if end == panel.a else 1.0
        index, miss = missed(self.rule, panel, [(place, value)])
        if index < 0:
            return
        inside = math.nextafter(end, panel.b if end == panel.a else panel.a)
        if inside not in self.seen:
            self.nfev += 1
            try:
                beside = self.g(inside)
            except Exception:  # as at an end: a failure beside it tells nothing
                beside = math.nan
            self.seen[inside] = beside if math.isfinite(beside) else math.nan
        beside = self.seen[inside]
        if math.isnan(beside):
            return
        try:
            off = abs(interpolated(self.rule, panel, place) - beside)
        except OverflowError:
            return
        if off < 0.25 * miss:
            self.limits[end] = beside

    def _end_share(
        self, panel: Panel, samples: Iterable[tuple[float, float]]
    ) -> tuple[float, float]:
        """The sliver times ``p(x) - f(x)`` at each end of the whole interval (`_Entry.end_share`).

        ``p`` is the interpolating polynomial of the panel's samples, ``x`` an
        end of ``panel`` that is an end of the whole interval where f was
        sampled; ``(0.0, 0.0)`` if there is none.
        """
        sliver = 0.5 * (1.0 - self.rule.nodes[0]) * abs(panel.b - panel.a)
        shares = [0.0, 0.0]
        for x, y in samples:
            if x in (panel.a, panel.b):
                try:
                    predicted = interpolated(self.rule, panel, -1.0 if x == panel.a else 1.0)
                except OverflowError:
                    predicted = math.inf
                share = sliver * (predicted - y)
                shares[0 if x == self.ends[0] else 1] = share if math.isfinite(share) else math.inf
        return shares[0], shares[1]

    def _unmodelled(
        self, share: tuple[float, float], half: Panel, parent: _Entry
    ) -> tuple[tuple[float, float], tuple[float, float]]:
        """The parts of ``half``'s end shares (`_end_share`) that its chain does not model.

        At an end singularity ``c x**p`` the panel's K - G and the sliver
        times the miss both scale as ``h**(p + 1)`` on a panel ``h`` wide:
        they fall by the same ``q = 2**-(p + 1)`` at each halving, as the
        sums of the chain do, which the epsilon table models. A kink ``A |x
        - c|`` (or a ramp ``A max(0, c - x)``) with ``c`` in the sliver
        adds a line at every node, which changes neither K - G nor (while
        ``c`` stays there) the miss ``2 A c`` (``A c``): its share falls by
        1/2 only, and the chain's sums keep its ``A c**2`` (``A c**2 / 2``),
        at most half that share, at every level, which the table takes for
        converged. With ``q`` from K - G, the shares ``s`` of the half and
        ``s0`` of its parent, ``s = a + b`` with ``s0 = a / q + 2 b``, are
        split into the part ``a`` that falls with the sums and ``b = (s -
        q s0) / (1 - 2 q)`` that falls by 1/2.

        Returned per end: ``|b|`` (the charge, `_Entry.end_charge`), and
        ``|s - q s0|``, the part of the share that does not fall with the
        chain at all (`_end_miss`). ``q`` is known only to the rounding of
        the two K - G (`Panel.rounding` each), and that uncertainty is
        added to both; where it leaves ``q`` unknown (a K - G within its
        rounding, as on any panel where f is a line or a constant: the
        ratio is then noise, and ``s - q s0`` may cancel by chance), or
        not in [0, 1/2) for ``b`` or (0, 1) for ``s - q s0``, nothing is
        told apart: all of ``|s|``.
        """
        parts, unexplained = [0.0, 0.0], [0.0, 0.0]
        older = parent.panel
        rate, spread = -1.0, 0.0
        if abs(half.difference) > half.rounding and abs(older.difference) > older.rounding:
            rate = half.difference / older.difference
            spread = abs(rate) * (
                half.rounding / abs(half.difference) + older.rounding / abs(older.difference)
            )
        for end, (own, before) in enumerate(zip(share, parent.end_share, strict=True)):
            if own == 0.0:
                continue
            part = rest = abs(own)
            if before != 0.0 and rate - spread >= 0.0 and rate + spread < 0.5:
                # b, and how far it moves as q does within its spread.
                part = abs(own - rate * before) / (1.0 - 2.0 * rate)
                part += abs(2.0 * own - before) * spread / (1.0 - 2.0 * rate) ** 2
            if before != 0.0 and rate - spread > 0.0 and rate + spread < 1.0:
                rest = abs(own - rate * before) + abs(before) * spread
            parts[end] = part if math.isfinite(part) else math.inf
            unexplained[end] = rest if math.isfinite(rest) else math.inf
        return (parts[0], parts[1]), (unexplained[0], unexplained[1])

    def _ends(self, a: float, b: float) -> tuple[tuple[float, float], tuple[float, float]]:
        """``(x, g(x))`` at ``a`` and ``b``, with NaN for g(x) where g fails or is not finite.

        An end is often outside f's domain (an integrable singularity such
        as 1/sqrt(x) at 0), so any failure there is ignored: the end is only
        a check of the panel, never part of its sum. An end that a change of
        variable maps to an infinite x (`finite_ends`) is not sampled. Each
        call of f counts as an evaluation; an end already sampled (`seen`)
        is not sampled again.
        """
        samples = []
        for x, finite in zip((a, b), self.finite_ends, strict=True):
            y = math.nan
            if finite and x in self.seen:
                y = self.seen[x]
            elif finite:
                self.nfev += 1
                try:
                    y = self.g(x)
                except Exception:  # whatever f raises at an end, the end is skipped
                    y = math.nan
                y = self.seen[x] = y if math.isfinite(y) else math.nan
            samples.append((x, y))
        return samples[0], samples[1]

    def _noise_at(self, t: float, step: float) -> float:
        """The noise of f beside ``t``, the same at two spacings (`noise_level`); else 0.

        g is sampled at ``t + j h`` for ``1 <= j <= NOISE_POINTS`` with ``h``
        = ``step`` (which may be negative), then ``step / NOISE_FINER`` and
        ``step / NOISE_FINER**2``, until the levels at two spacings agree within
        `NOISE_AGREE`: rounding noise is the same at any spacing, while a
        feature of f about ``h`` wide (a narrow peak, which one spacing may
        read as noise: 0.4 sech2((x - 0.9999946)/2e-6) + 1 on [0, 1]) shows
        levels that shrink like a power of it. Where a spacing shows noise
        that the next does not match (`noise_level` reads only seven values),
        a third is tried; where one shows none, f is smooth there (or the
        noise went unseen, as it may by chance). ``t`` itself is
        left out: a sample that missed may sit on a spike, which alone looks
        like noise at every spacing. 0 where the points are not all at
        least 64 ulps apart (rounded, they would not be equally spaced), or
        g fails or is not finite at one of them.
        """
        levels: list[float] = []
        for power in range(3):
            spacing = step / NOISE_FINER**power
            if abs(spacing) < 64.0 * math.ulp(t):
                return 0.0
            values = []
            for j in range(1, NOISE_POINTS + 1):
                self.nfev += 1
                try:
                    value = self.g(t + j * spacing)
                except Exception:  # no noise is measured where f fails
                    return 0.0
                if not math.isfinite(value):
                    return 0.0
                values.append(value)
            level = noise_level(values)
            for other in levels:
                if min(level, other) > 0.0 and max(level, other) <= NOISE_AGREE * min(level, other):
                    return max(level, other)
            if level == 0.0:  # smooth at this spacing: f's own detail, if any
                return 0.0
            levels.append(level)
        return 0.0

    def noisy(self, panel: Panel, miss: tuple[float, float, float]) -> tuple[float, float] | None:
        """What f's noise explains of a miss that counts against ``panel``: ``(moved, floor)``.

        ``miss`` is ``(t, g(t), m)``: a sample the panel's polynomial misses
        by ``m``, more than its resolution, so that the panel would be held
        unresolved (`_end_miss`, `split`). f's noise is measured node by node
        from that sample (`_noise_at`) until `NOISE_QUIET` nodes in a row show
        none beyond `NOISE_ULPS` ulps of f, and beside the sample itself
        unless it is at an end of the whole interval (often a value f is
        given apart, such as the limit ``1/2`` of ``(1 - cos x)/x**2`` at 0). If
        that noise explains the miss (`noise_bounds`), it returns how far it
        moves the polynomial and the rule's sum: a cancellation such as
        ``1 - cos x`` near 0 leaves f's values off by up to ``eps/(2 x**2)``,
        relative, there, and the nodes next to 0 miss f(0) by that noise, which
        no bisection removes (the nodes of the panels nearer 0 are noisier
        still: ``(1 - cos x)/x**2`` on [0, 1] was bisected towards 0, held
        to the first panel's resolution, until 500 subintervals, and
        refused after 21,043 evaluations; quad takes 21). Else None: the
        miss is f's, not noise.
        """
        t, _, deviation = miss
        if not panel.samples or panel.noise > 0.0 or not math.isfinite(deviation):
            return None
        if deviation > NOISE_SHARE * max(map(abs, panel.samples)):
            return None
        centre, half = 0.5 * panel.a + 0.5 * panel.b, 0.5 * panel.b - 0.5 * panel.a
        u = max(-1.0, min(1.0, (t - centre) / half))
        nodes = positions(self.rule)
        step = NOISE_STEP * abs(half)
        levels = [0.0] * len(nodes)
        quiet = 0
        for i in sorted(range(len(nodes)), key=lambda i: abs(nodes[i] - u)):
            inward = step if nodes[i] < 0.0 else -step
            levels[i] = self._noise_at(centre + half * nodes[i], inward)
            # Noise falls away from the point where f cancels: even were
            # every node (and the sample) as noisy as the noisiest yet, the
            # miss would stand, so it is f's.
            loudest = max(levels)
            enough, _ = noise_bounds(self.rule, panel, u, [loudest] * len(nodes), loudest)
            if deviation > panel.resolution + enough:
                return None
            ordinary = levels[i] <= NOISE_ULPS * _EPS * abs(panel.samples[i])
            quiet = quiet + 1 if ordinary else 0
            if quiet >= NOISE_QUIET:
                break
        inward = step if u < 0.0 else -step
        own = 0.0 if t in self.ends else self._noise_at(t, inward)
        moved, floor = noise_bounds(self.rule, panel, u, levels, own)
        if deviation > panel.resolution + moved:
            return None
        return moved, floor

    def noisy_end(self, panel: Panel) -> Panel:
        """The panel, its top coefficients' bounds replaced by f's noise where they are that noise.

        Asked of a panel at a finite end of the whole interval whose top
        Legendre coefficients do not fall (`unfalling`) and whose error is
        the bound built on them (`Panel.flat`, `Panel.smoothness`), not the
        Gauss-Kronrod estimate: f cancelling at that end, as ``(exp(x) - 1 -
        x)/x**2`` does at 0, is noisy at the nodes next to it (off by up to
        ``eps/x**2``, relative), and that noise was read as f's detail: on
        ``[0, 1]`` at ``tol=1e-12`` the first panel's bound 1.5e-12 (its
        true error 8e-14) had it bisected towards 0, each half noisier,
        until 500 subintervals and 39,270 evaluations, refused. The noise is
        measured node by node from the end (`_noise_at`) until `NOISE_QUIET`
        nodes in a row show none beyond `NOISE_ULPS` ulps of f (none at the
        node next to the end: no cancellation there, the panel as it is,
        at 7 to 21 evaluations: integrate-peaks-ends's median +2%); where it
        makes the top coefficients (`noisy_top`), the bounds are what it may
        move the sum by, and the panel is held to that (`with_noise`).
        """
        finite = [end for end, known in zip(self.ends, self.finite_ends, strict=True) if known]
        top = max(panel.flat, panel.smoothness)
        if (
            not (panel.a in finite or panel.b in finite)
            or not panel.samples
            or panel.noise > 0.0
            or top <= panel.error
            or top > NOISE_SHARE * panel.absolute
            or not unfalling(panel)
        ):
            return panel
        centre, half = 0.5 * panel.a + 0.5 * panel.b, 0.5 * panel.b - 0.5 * panel.a
        nodes = positions(self.rule)
        order = range(len(nodes)) if panel.a in finite else reversed(range(len(nodes)))
        levels, quiet = [0.0] * len(nodes), 0
        for count, i in enumerate(order):
            inward = NOISE_STEP * half if nodes[i] < 0.0 else -NOISE_STEP * half
            levels[i] = self._noise_at(centre + half * nodes[i], inward)
            ordinary = levels[i] <= NOISE_ULPS * _EPS * abs(panel.samples[i])
            if ordinary and count == 0:
                return panel  # quiet at the node next to the end: f cancels nowhere near
            quiet = quiet + 1 if ordinary else 0
            if quiet >= NOISE_QUIET:
                break
        if not noisy_top(self.rule, panel, levels):
            return panel
        end = -1.0 if panel.a in finite else 1.0
        moved, floor = noise_bounds(self.rule, panel, end, levels, 0.0)
        bounded = panel._replace(flat=min(panel.flat, floor))
        return with_noise(bounded._replace(smoothness=min(panel.smoothness, floor)), moved, floor)

    def resampled_noise(self, error: float, target: float) -> float:
        """How far f's noise may move the sum where QUADPACK's scaling hid it: 0, or more.

        A panel's error is ``|K - G|`` scaled down (QUADPACK's ``**1.5``),
        often to its rounding floor, on the belief that ``K - G`` is the
        truncation of a fast-falling series. A sample off by f's noise (a
        cancellation next to its node) moves ``K`` and ``K - G`` alike, by
        about its weight times the noise, and the scaling hides it: ``(u -
        sin u)/u**3`` sampled at ``u`` = 0.013 is off by 2.2e-13 (1,300
        ulps), ``|K - G|`` was 1.5e-13, the panel's error its floor 1.9e-14,
        the sum's true error 1.2e-13. Where the ``|K - G|`` of the panels
        whose error is their rounding floor (`_Entry.rounding_limited`) sum
        to more than ``error``, that sum is returned if ``error`` plus it
        meets ``target`` (the lie: 1.7e-13, no call); else f is sampled
        again beside each node of the panels with the largest, until the
        rest sum to no more than ``error`` (for a smooth f, ``|K - G|`` is
        far above the scaled estimate, and 21 calls a panel found nothing), and
        compared with the panel's own polynomial there: a resolved f agrees
        with it, up to what rounding x to a float moves f by (its slope
        times an ulp of x, which the floor holds), and noise leaves the two
        samples' errors apart. Beside, not
        at the next float: a rounding error drifts steadily from one float
        to the next (that sample was off by 2.2e-13, the next three floats
        by 2.0e-13, 1.8e-13, 1.6e-13), and ``RESAMPLE_SHIFT`` of the half-width
        away it has no relation to it. Returned: `NOISE_SAFETY` times the
        rule's weights times those differences, summed over the panels.
        """
        hidden = sorted(
            (abs(entry.panel.difference), i)
            for i, entry in enumerate(self.entries)
            if entry.panel.samples
            and entry.rounding_limited
            and abs(entry.panel.difference) > entry.error
        )
        unchecked = math.fsum(difference for difference, _ in hidden)
        if unchecked <= error:
            return 0.0
        if error + unchecked <= target:
            return unchecked  # what noise may do, within the tolerance: no call needed
        noise = 0.0
        weights = kronrod_weights(self.rule)
        while hidden and unchecked > error:
            difference, i = hidden.pop()
            unchecked -= difference
            panel = self.entries[i].panel
            centre, half = 0.5 * panel.a + 0.5 * panel.b, 0.5 * panel.b - 0.5 * panel.a
            # Rounding x to a float moves f by up to its slope times an ulp of x
            # (`_node_rounding`, in the floor already): no noise of f's.
            moved = _jitter(list(positions(self.rule)), list(panel.samples), panel.a, panel.b)
            apart = []
            for k, u in enumerate(positions(self.rule)):
                beside = u + RESAMPLE_SHIFT if u < 0.0 else u - RESAMPLE_SHIFT  # inside the panel
                self.nfev += 1
                try:
                    value = self.g(centre + half * beside)
                except Exception:  # no noise is measured where f fails
                    value = math.nan
                expected = interpolated(self.rule, panel, beside)
                off = abs(value - expected) - (moved[k] if moved else 0.0)
                apart.append(max(0.0, off) if math.isfinite(value) else 0.0)
            noise += NOISE_SAFETY * abs(half) * math.fsum(map(operator.mul, weights, apart))
        return noise

    def panel(self, index: int) -> Panel:
        return self.entries[index].panel

    def split(self, index: int) -> tuple[_Entry, Panel, Panel]:
        """Bisect the panel at ``index``; return its entry and its two halves.

        Besides their own Gauss-Kronrod estimates, the halves are checked
        against their parent, a differently placed rule on the same ground.
        For smooth f none of these checks raises an error (they cost no
        evaluation, and no extra bisection on smooth integrands); each
        catches a way in which the halves' own estimates can be far too
        small:

        1. if the estimates change by ``d`` from parent to halves after a
           change ``d0`` one level up, errors shrinking by ``r = d / d0`` per
           level leave ``d r / (1 - r)`` in the halves (tiny for smooth f;
           for a jump, r is about 1/2);
        2. each half inherits the largest ``|f|`` the parent (or an ancestor)
           saw inside it, see `_keep`;
        3. a jump between the halves' innermost nodes, in the gap around the
           middle that neither half samples (`_gap_jump`);
        4. each half's samples must predict, by interpolation, the samples
           of the parent and of every earlier ancestor inside it
           (`calcweb._gauss_kronrod.missed`): a narrow peak on a background
           seen by one node of an ancestor and by none of the half's (an
           ancestor that does not resolve f predicts any sample to within
           its large resolution, so only a panel that resolves f checks it);
           a half at an end of the whole interval must also predict f at
           that end, sampled once by the first panel (`_end_miss`);
        5. in a chase after detail finer than the nodes (a parent whose top
           Legendre coefficients do not fall, `aliased`, or a half that
           missed a sample in such a chase), those predictions are held to
           the resolution the chase started from, not to the half's own,
           which the flank it sees raises; so is a half whose own top
           coefficients do not fall, to its parent's resolution (it starts
           a chase); a miss then leaves the half unresolved, with its weight
           as its error (`_keep`).
        """
        entry = self.entries.pop(index)
        parent = entry.panel
        middle = 0.5 * parent.a + 0.5 * parent.b
        left, right = (
            self.noisy_end(self._apply(*ends)) for ends in ((parent.a, middle), (middle, parent.b))
        )
        change = abs(parent.value - (left.value + right.value))
        # (1) The trend of the changes from level to level.
        if entry.change == math.inf or change == 0.0:
            ratio = 0.0
        else:  # a change after none at all is no evidence of convergence either
            ratio = min(0.9, change / entry.change) if entry.change > 0.0 else 0.9
        tail = change * ratio / (1.0 - ratio) if ratio > 0.0 else 0.0
        # The half whose own estimate is worse is the likelier home of the
        # error; with no clue (both 0: a blind spot), each gets half.
        both = left.error + right.error
        jump = _gap_jump(self.rule, left, right)  # (3)
        x, seen = entry.witness  # (2)
        # (4) The parent's samples (and its ancestors') in each half's
        # own coordinates: u = 2 p + 1 on the left half, 2 p - 1 on the right.
        nodes, samples = positions(self.rule), parent.samples
        middle_index = len(nodes) // 2
        for half, peak, inside, jumps, side in (
            (left, parent.peaks[0], parent.a <= x <= middle, (entry.jumps[0], jump), 1.0),
            (right, parent.peaks[1], middle <= x <= parent.b, (jump, entry.jumps[1]), -1.0),
        ):
            share = half.error / both if both > 0.0 else 0.5
            inherited = (x, seen) if inside and seen > peak[1] else peak
            indices = range(middle_index + 1) if side > 0.0 else range(middle_index, len(nodes))
            points = [(2.0 * nodes[i] + side, samples[i]) for i in indices if samples]
            where = [
                0.5 * parent.a + 0.5 * parent.b + (0.5 * parent.b - 0.5 * parent.a) * nodes[i]
                for i in indices
                if samples
            ]
            # Every earlier ancestor's node inside the half (the point missed
            # worst among them included): a parent that does not resolve f
            # passes any sample within its large resolution, so a peak one
            # of them saw is checked only by a panel that resolves f.
            inside_before = [(x, y) for x, y in entry.history if half.a <= x <= half.b]
            at_ends = [(x, y) for x, y in inside_before if x in self.ends]
            # A miss worth more than a bisected parent claimed (not the first
            # panel's, which counts any: an end singularity's) and again now:
            # a value of its own there?
            if entry.misses_end and entry.change < math.inf:
                at_ends = self._end_limits(half, at_ends)
            inside_before = [(x, y) for x, y in inside_before if x not in self.ends]
            center, radius = 0.5 * half.a + 0.5 * half.b, 0.5 * half.b - 0.5 * half.a
            # Inside the half, so on [-1, 1]: only rounding puts an ancestor's
            # centre at the half's end outside, where `missed` would skip it.
            points += [
                (max(-1.0, min(1.0, (lost_x - center) / radius)), lost_f)
                for lost_x, lost_f in inside_before
            ]
            where += [lost_x for lost_x, _ in inside_before]
            history = (*zip(where, [point[1] for point in points], strict=True), *at_ends)
            # (5) A chase after detail finer than the nodes: the parent's top
            # Legendre coefficients did not fall (`aliased`), or its halves
            # missed a sample in such a chase. A half nearer the detail sees
            # more of its flank, which raises its own top coefficients and so
            # its resolution: its polynomial would then predict every sample
            # to within a resolution made of the flank it should explain
            # (0.306 lorentz(c=0.9999817, w=1.2e-10) + cos x on [0, 1] at tol
            # 4.2e-10: the panels' resolutions grew from 1.6e-9 to 6.8e-9 as
            # they closed in, the last predicted its ancestors' samples to
            # 4.1e-9 and claimed 1.5e-14; the peak held 1.2e-10). So a half in
            # a chase must predict them to the resolution the chase started
            # from, that of the parent of its first aliased panel (or to its
            # own rounding), as it would if it resolved f. That first aliased
            # panel is judged so too: its resolution is made of the flank it
            # first sees (0.302 gauss(c=2.22e-6, w=4.36e-7) + x at tol 5.7e-5:
            # [0, 2**-9], whose outermost node sees 5e-10 of the peak, had a
            # resolution of 6.2e-11, its parent 1.7e-15; by its own it
            # predicted f(0), and was left, negligible, claiming 2e-13 for a
            # peak holding 2.3e-7).
            # Not at an end where f was not found finite (`_singular_end_of`):
            # there its halves miss their ancestors' samples by the
            # singularity's own shape, which the extrapolation models, and
            # by more than a resolution held from larger panels at every
            # halving, so that the chase never ends. (log x + 12.95)
            # x**-0.941 on [0, 1] at tol 7.1e-9, whose samples change sign
            # at e**-12.95: a chase from [0, 2**-26] held each end panel to
            # its weight as its error and halved it without extrapolating
            # until that weight was tol of the whole, 380 halvings on, then
            # stopped at 500 subintervals (20,981 evaluations, refused).
            if self._singular_end_of(half, entry.history):
                held = math.inf
            elif entry.chasing:
                held = min(entry.held_to, entry.parent_resolution, parent.resolution)
            else:
                held = parent.resolution if aliased(half) else math.inf
            judge = half
            if held < half.resolution:
                limit = max(held, interpolation_rounding(self.rule, half))
                judge = half._replace(resolution=min(half.resolution, limit))
            # An ancestor's node on a value of its own holds no half (`_lone_sample`).
            sampled, history, inherited = self._lone_dropped(
                judge, (points, where, at_ends), history, inherited
            )
            end_share = self._end_share(half, at_ends)
            unmodelled, unexplained = self._unmodelled(end_share, half, entry)
            miss, misses_end = self._worst_miss(judge, sampled, unexplained)
            noise = self.noisy(judge, miss) if miss[2] > 0.0 else None
            kept = half
            if noise is not None:  # f's noise, not f: no feature to chase
                kept, judge = with_noise(half, *noise), with_noise(judge, *noise)
                miss, misses_end = self._worst_miss(judge, sampled, unexplained)
            self._keep(
                kept,
                change=change,
                inherited=inherited,
                # Samples that mirror about the half's centre hide the even
                # part the rule misses: its K - G is 0 (`mirrored`).
                floor=max(tail * share, mirrored(self.rule, half)),
                jumps=jumps,
                miss=miss,
                surprise=change > 2.0 * entry.error,
                history=history,
                end=(end_share, unmodelled[0] + unmodelled[1]),
                held=held,
                parent_resolution=parent.resolution,
                misses_end=misses_end,
            )
        return entry, left, right

    def _worst_miss(
        self,
        judge: Panel,
        sampled: tuple[list[tuple[float, float]], list[float], list[tuple[float, float]]],
        unexplained: tuple[float, float],
    ) -> tuple[tuple[float, float, float], bool]:
        """The sample a half misses worst, as `_keep` takes it, and whether it misses an end.

        ``sampled`` holds the ancestors' samples as ``(u, f)``, their ``t``,
        and the samples at ends of the whole interval (`split`, rule 4).
        """
        points, where, at_ends = sampled
        index, deviation = missed(self.rule, judge, points)
        miss = self._end_miss(judge, at_ends, unexplained)
        misses_end = miss[2] > 0.0
        if index >= 0 and deviation > miss[2]:
            miss = (where[index], points[index][1], deviation)
        return miss, misses_end

    def cut_at_jump(self, index: int) -> bool:
        """Split the panel at ``index`` at a jump f makes in it, or beside it; or return False.

        Bisection by whole panels closes in on a jump at one rule (21
        evaluations) a halving, about 40 halvings, and the panel holding it
        is never resolved (``floor(x)`` on [0, 10] was refused after 13,127
        evaluations). Where a gap between the panel's neighbouring samples
        shows a jump (`_jump_gap`), or the gap beside its end that `split`
        suspected (`_Entry.jumps`), f itself is bisected there
        (`_bracket_jump`), one evaluation a halving, to neighbouring floats
        ``l < r``, and the panels are cut at ``r`` (`_settle`): each side,
        smooth as far as this jump goes, is a panel of its own (a constant
        or a polynomial side is exact in one rule).
        """
        if self.cuts >= MAX_INTERVALS:
            # Each cut adds a panel, and no run keeps more: more cuts are
            # going round (`_lone_value`), which bisection and its refusal end.
            return False
        entry = self.entries[index]
        self.searched = []
        found = self._jump_inside(entry) or self._jump_beside(entry)
        if found is None:
            self._hold_searched()
            return False
        self.cuts += 1
        (low, _), (high, _) = found
        sides = self._settle(found)
        if low not in self.ends and high not in self.ends:
            self._locate(sides)
        return True

    def _hold_searched(self) -> None:
        """Hold the samples a search for a jump took, and found none, like an ancestor's node.

        Each joins the history of the panel holding it, which that panel's
        halves must predict (`split`, rule 4): a search that closes in on a
        smooth rise may sample a peak no panel's node saw (lorentz(c=4.23,
        w=0.00025) + sech2(c=8.1926535, w=0.00464) + cos x on [0, 20.1] at
        tol 5.4e-10: a search saw 0.45 of the sech^2 peak at 8.1882, which
        was dropped, and the answer lacked the peak's area 0.0093).
        """
        for number, entry in enumerate(self.entries):
            panel = entry.panel
            inside = [(t, y) for t, y in self.searched if panel.a < t < panel.b]
            if inside:
                self.entries[number] = entry._replace(history=(*entry.history, *inside))

    def _locate(self, found: _Pair) -> None:
        """Show the staircase test (`rounding_staircase`) a located jump, as bisection would.

        Called once the panels are cut at it (`_settle`). f at an end of the
        interval, a value of its own beyond a jump in the last ulp, is no
        step of f (the caller leaves it out); nor is an exact 0 at an end of
        the bracket where the nearest node on that side is not 0: a point
        value (``x - floor(x)`` at 1.0), not the plateau of 0 that a
        cancellation makes; that node's value stands for the side.
        """
        (low, _), (high, _) = found
        stretch = abs(self.x_of(high) - self.x_of(low)) / (high - low)
        sides = (
            next((e for e in self.entries if e.panel.b == high), None),
            next((e for e in self.entries if e.panel.a == high), None),
        )
        for (t, y), side, nearest in zip(found, sides, (-1, 0), strict=True):
            nodes = [] if side is None else self._nodes_of(side)
            seen = nodes[nearest][1] if y == 0.0 and nodes else y
            self.located.append((t, self.x_of(t), abs(seen) / stretch if stretch else 0.0))

    def _nodes_of(self, entry: _Entry) -> list[tuple[float, float]]:
        """``(t, f)`` at the panel's nodes, in increasing t (none if kept without samples)."""
        panel = entry.panel
        if not panel.samples:
            return []
        centre, radius = 0.5 * panel.a + 0.5 * panel.b, 0.5 * panel.b - 0.5 * panel.a
        return [
            (centre + radius * u, y)
            for u, y in zip(positions(self.rule), panel.samples, strict=True)
        ]

    def _jump_inside(self, entry: _Entry) -> _Pair | None:
        """A jump between the panel's samples (or f at an end of the interval), located; or None."""
        panel = entry.panel
        # f at an end of the panel (of the whole interval, which the panel
        # must predict, `_end_miss`; or an ancestor's node), which it must
        # predict, may be across a jump from every node (ceil(x) at 0).
        ends = [(x, y) for x, y in entry.history if x in (panel.a, panel.b)]
        line = sorted(dict([*self._nodes_of(entry), *ends]).items())  # one sample a point
        if len(line) < 3:
            return None
        gap = _jump_gap(line, (line[0][0] == panel.a, line[-1][0] == panel.b))
        if gap is None:
            return None
        return self._bracket_jump(line[gap], line[gap + 1])

    def _jump_beside(self, entry: _Entry) -> _Pair | None:
        """A jump `split` suspected beside an end of the panel (`_Entry.jumps`), located; or None.

        It lies between the panel's outermost node at that end and the
        neighbouring panel's nearest node.
        """
        panel = entry.panel
        for side, end in enumerate((panel.a, panel.b)):
            if entry.jumps[side] == 0.0:
                continue
            neighbour = next(
                (e for e in self.entries if (e.panel.a, e.panel.b)[1 - side] == end), None
            )
            if neighbour is None or not neighbour.panel.samples or not entry.panel.samples:
                continue
            own, theirs = self._nodes_of(entry), self._nodes_of(neighbour)
            pair = (theirs[-1], own[0]) if side == 0 else (own[-1], theirs[0])
            found = self._bracket_jump(*pair)
            if found is not None:
                return found
        return None

    def _settle(self, found: _Pair) -> _Pair:
        """Re-keep the panels touching a located jump in ``(l, r]``, cut at ``r``; return its sides.

        A panel holding it is cut in two at ``r``; one that ends at ``r``
        (or starts at ``l``) keeps it in its last (first) ulp, where the
        jump is worth at most ``|f(r) - f(l)| (r - l)``, its error's floor,
        and f at that end, an end of the interval, is a value of its own
        beyond the jump: f a float inside is what it must predict. Each
        loses the suspicion `split` left at that end (`_Entry.jumps`): the
        jump is found. Returned: ``(l, f)`` and ``(r, f)`` with f as each
        side takes it there, a value of its own at ``l`` or ``r``
        (`_lone_value`) replaced by f at the float beyond.
        """
        (low, f_low), (high, f_high) = found
        touching = [i for i, e in enumerate(self.entries) if e.panel.a <= high and low <= e.panel.b]
        left = [(low, f_low)]  # the samples on each side, which that side must predict
        right = [(high, f_high)]
        sides: list[tuple[Panel, list[tuple[float, float]], bool, tuple[float, float]]] = []
        for entry in [self.entries.pop(i) for i in reversed(touching)]:
            panel = entry.panel
            known = [*self._nodes_of(entry), *entry.history]
            before = [*((x, y) for x, y in known if x <= low), *left]
            after = [*((x, y) for x, y in known if x >= high), *right]
            first = 0.0 if panel.a in (low, high) else entry.jumps[0]
            last = 0.0 if panel.b in (low, high) else entry.jumps[1]
            if panel.a < low and high < panel.b:
                sides.append((self._apply(panel.a, high), before, True, (first, 0.0)))
                sides.append((self._apply(high, panel.b), after, False, (0.0, last)))
                continue
            holds = panel.a <= low and high <= panel.b
            sides.append((panel, before if panel.b in (low, high) else after, holds, (first, last)))
        taken = [(low, f_low), (high, f_high)]  # f as the side of each takes it
        for panel, samples, _, _ in sides:
            for end, (point, beyond) in enumerate(zip(found, (-math.inf, math.inf), strict=True)):
                if point in samples:
                    stand_in = self._lone_value(panel, point, math.nextafter(point[0], beyond))
                    if stand_in is not None:
                        self.lone.add(point[0])
                        samples.append(stand_in)
                        taken[end] = (point[0], stand_in[1])
        # A value of its own at l or r leaves the jump within the floats beyond.
        span = high - low
        if taken != list(found):
            span = math.nextafter(high, math.inf) - math.nextafter(low, -math.inf)
        worth = max(abs(f_high - f_low), abs(taken[1][1] - taken[0][1])) * span
        for panel, samples, holds, jumps in sides:
            kept = [(x, y) for x, y in samples if x not in self.lone]
            self._keep_side(panel, kept, floor=worth if holds else 0.0, jumps=jumps)
        return taken[0], taken[1]

    def _lone_dropped(
        self,
        half: Panel,
        sampled: tuple[list[tuple[float, float]], list[float], list[tuple[float, float]]],
        history: tuple[tuple[float, float], ...],
        inherited: tuple[float, float],
    ) -> tuple[
        tuple[list[tuple[float, float]], list[float], list[tuple[float, float]]],
        tuple[tuple[float, float], ...],
        tuple[float, float],
    ]:
        """A half's samples to predict, as `_worst_miss` takes them, a value of its own dropped.

        ``sampled`` holds the ancestors' samples ``points`` at ``where`` and the
        samples at the ends (kept); also returned: the history and witness
        without it. Asked only of a half that resolves f and misses the
        sample by more than its own samples vary (9 at a node where x**2 is
        below 1), each sample once.
        """
        points, where, at_ends = sampled
        index, deviation = missed(self.rule, half, points)
        # Resolved to three digits: an unresolved oscillation's polynomial may miss a
        # sample by more than its samples vary (sin(200 x) on [2.8125, 3.125], 3.5%).
        resolved = not half.unresolved and half.error < 1e-3 * half.absolute
        if not (
            index >= 0
            and resolved
            and deviation > max(half.samples) - min(half.samples)
            and self._lone_sample(half, where[index], points[index][1])
        ):
            return sampled, history, inherited
        kept = [i for i, x in enumerate(where) if x not in self.lone]
        points, where = [points[i] for i in kept], [where[i] for i in kept]
        history = tuple((x, y) for x, y in history if x not in self.lone)
        if inherited[0] in self.lone:  # the largest |f| left inside instead
            sizes = [(x, abs(y)) for x, (_, y) in zip(where, points, strict=True)]
            inherited = max(sizes, key=operator.itemgetter(1), default=(0.0, 0.0))
        return (points, where, at_ends), history, inherited

    def _lone_sample(self, panel: Panel, x: float, y: float) -> bool:
        """Whether ``(x, y)``, an ancestor's sample ``panel`` misses, is a value of its own.

        Asked once a point (`_lone_value`, towards the panel's centre):
        ``x**2`` with 9 at a node of the first rule other than its centre
        was bisected towards that node until floats ran out, and refused
        with every digit right.
        """
        if x not in self.asked:
            self.asked.add(x)
            centre = 0.5 * panel.a + 0.5 * panel.b
            if self._lone_value(panel, (x, y), math.nextafter(x, centre)) is not None:
                self.lone.add(x)
        return x in self.lone

    def _lone_value(
        self, panel: Panel, point: tuple[float, float], beside: float
    ) -> tuple[float, float] | None:
        """``(beside, f(beside))`` where f at ``point`` is a value of its own; or None.

        ``point``, a sample at a located jump, is one that ``panel``, a
        side of the jump, must predict; where it does not, f is sampled at
        ``beside``, the float beyond ``point`` inside the panel (one
        evaluation), and if the panel predicts that, f takes a third value
        at ``point`` alone (``sign(x - 0.3)`` with 0 at 0.3, x**2 with 9 at
        0.5): a value at one float, which moves no integral. Held as a
        sample, the side would miss it forever: each side's search for the
        jump it then shows located the one next to it again, the panels
        cut there alternating without end.
        """
        centre, radius = 0.5 * panel.a + 0.5 * panel.b, 0.5 * panel.b - 0.5 * panel.a
        if not panel.a <= beside <= panel.b or radius <= 0.0:
            return None

        def place(x: float) -> float:
            return max(-1.0, min(1.0, (x - centre) / radius))

        if missed(self.rule, panel, [(place(point[0]), point[1])])[0] < 0:
            return None
        self.nfev += 1
        try:
            value = self.g(beside)
        except Exception:  # f may fail beside a jump as anywhere: no value of its own then
            return None
        if not math.isfinite(value) or missed(self.rule, panel, [(place(beside), value)])[0] >= 0:
            return None
        return beside, value

    def _bracket_jump(self, left: tuple[float, float], right: tuple[float, float]) -> _Pair | None:
        """Neighbouring ``(t, f)`` on either side of a jump between ``left`` and ``right``; or None.

        Each halving keeps the half across which f differs more. A smooth
        steep rise loses its difference as the bracket narrows: once f
        across the bracket has lost `JUMP_KEPT` of the difference it
        started with (or f is not finite), there is no jump, and None; nor
        once it has grown to 1/`JUMP_KEPT` of it: a pole (tan(pi x) at 3.5,
        from +1e15 to -1e15 at neighbouring floats), which is no jump but a
        singularity, left to bisection and its refusal. The
        bracket where it did is kept (`rises`): a later gap around it shows
        that rise again, not a jump, and is not searched (tanh x on [-4e6,
        3e6]: each of the 18 panels bisected towards 0 had searched its gap
        around it, at 2 to 19 evaluations, 1,091 in all for 905).
        """
        (low, f_low), (high, f_high) = left, right
        if any(low <= rise[0] and rise[1] <= high for rise in self.rises):
            return None
        start, width = abs(f_high - f_low), 0.5 * high - 0.5 * low
        while True:
            middle = _float_middle(low, high, width)
            if not low < middle < high:
                return (low, f_low), (high, f_high)
            f_middle = self._searched_at(middle)
            if f_middle is None:
                return None
            if _overshoots(start, f_low, f_high, f_middle):
                # A pole rises at the float beside ``middle`` too; f that
                # does not there takes a value of its own at ``middle`` alone
                # (0 at the jump of a step from -3.3 to -2.4), which moves no
                # integral: the search goes on from the float beside, and
                # where there is none, the jump is across ``middle``.
                beside = math.nextafter(middle, high)
                f_beside = self._searched_at(beside) if beside < high else None
                if beside == high or (
                    f_beside is not None and not _overshoots(start, f_low, f_high, f_beside)
                ):
                    self.searched.remove((middle, f_middle))
                    if f_beside is None:
                        return (low, f_low), (high, f_high)
                    middle, f_middle = beside, f_beside
            if abs(f_middle - f_low) >= abs(f_high - f_middle):
                high, f_high = middle, f_middle
            else:
                low, f_low = middle, f_middle
            if not JUMP_KEPT * start <= abs(f_high - f_low) <= start / JUMP_KEPT:
                self.rises.append((low, high))
                return None

    def _searched_at(self, t: float) -> float | None:
        """g(t) for a jump search, kept in `searched`; None where it is not finite. One call."""
        self.nfev += 1
        y = self.g(t)
        if not math.isfinite(y):
            return None
        self.searched.append((t, y))
        return y

    def singular_point(self, entry: _Entry) -> float | None:
        """Where g fails or is not finite in the panel of ``entry``, g running off to it; or None.

        A singularity such as ``|x - c|**-p`` or ``log|x - c|`` makes g run
        away from the level of the panel's samples (their median) towards c
        from both sides, so c lies between the neighbours of the node where g
        is farthest from that level; measured from 0, a spike below a larger
        background would be a dip (``log|x - c| + x**2`` at 10.2, positive
        at every float). A golden-section search for the largest distance
        from the level closes in on c there, one evaluation a step, down to
        neighbouring floats, each of which is then tried: f fails at c
        itself (``0.0**-0.5``, ``log(0.0)``), or is infinite there. Three
        probes in a row within `SEARCH_SETTLED` (relative) of the best show a
        finite top (a narrow peak), and end the search, as do `SEARCH_BUDGET`
        evaluations; where it ends so, the best probe is kept (`tops`): a
        later panel around it would find the same. Where g still runs off at
        neighbouring floats but is finite at each (a singular point between
        two floats, as ``|x*x - 2|**-0.5`` at sqrt(2), or one where f is
        given a finite value), the top is the point all the same where f
        grows towards it as an integrable power (`_splits_at_top`), kept in
        `float_tops`: each side's end machinery models the power towards it
        as if f failed there, and the two sides sum to the integral wherever
        between the floats the point lies (refused before, 1,985 evaluations
        for ``|x*x - 2|**-0.5`` on [0, 2], 2.5e-6 claimed; now 1.4e-10,
        true error 5e-13). The point found is kept in `seen` as a failure:
        the two sides, integrated on their own, do not sample it again.
        """
        panel = entry.panel
        nodes = self._nodes_of(entry)
        if not nodes:
            return None
        level = sorted(y for _, y in nodes)[len(nodes) // 2]
        top = max(range(len(nodes)), key=lambda i: abs(nodes[i][1] - level))
        low = nodes[top - 1][0] if top > 0 else panel.a
        high = nodes[top + 1][0] if top + 1 < len(nodes) else panel.b
        ratio = 0.5 * (math.sqrt(5.0) - 1.0)
        inner = [high - ratio * (high - low), low + ratio * (high - low)]
        heights = [self._height(t, level) for t in inner]
        probes = list(heights)
        while True:
            failed = next((t for t, y in zip(inner, heights, strict=True) if math.isnan(y)), None)
            if failed is not None:
                self.seen[failed] = math.nan
                return failed
            if not low < inner[0] < inner[1] < high:
                break
            best = max(heights)
            if len(probes) >= SEARCH_BUDGET or (
                len(probes) >= 3 and all(best - y <= SEARCH_SETTLED * best for y in probes[-3:])
            ):
                break
            # Keep the side of the larger probe, which the top is on.
            if heights[0] >= heights[1]:
                high, inner[1], heights[1] = inner[1], inner[0], heights[0]
                inner[0] = high - ratio * (high - low)
                heights[0] = self._height(inner[0], level)
                probes.append(heights[0])
            else:
                low, inner[0], heights[0] = inner[0], inner[1], heights[1]
                inner[1] = low + ratio * (high - low)
                heights[1] = self._height(inner[1], level)
                probes.append(heights[1])
        self.tops.append(inner[0] if heights[0] >= heights[1] else inner[1])
        if low < inner[0] < inner[1] < high:
            return None  # stopped at a finite top, or out of evaluations
        # A few floats are left between the bracket's ends: try each.
        t = low
        for _ in range(SEARCH_FLOATS):
            if t > high:
                break
            if t not in inner and math.isnan(self._height(t, level)):
                self.tops.pop()
                self.seen[t] = math.nan
                return t
            t = math.nextafter(t, math.inf)
        point = self.tops[-1]
        if not self._splits_at_top(point):
            return None
        self.tops.pop()
        self.seen[point] = math.nan
        return point

    def _splits_at_top(self, point: float) -> bool:
        """Whether to split at ``point``, where a search reached neighbouring floats.

        Yes where f fails at a float of x next to it (`_failing_in_x`);
        where f is finite at each, where |f| grows towards it no faster
        than ``|x - c|**-MAX_SPLIT_EXPONENT`` (`_growth_readings`), the
        point then kept in `float_tops`: 1/|x - c| is not integrable, and
        each side of it took thousands of calls to be refused. Where every
        reading is at least `DIVERGENT_EXPONENT`, the point and p are kept
        in `pole`, and the run is refused as diverging there: unsplit,
        ``1/|x*x - 2| + 1e12`` on [0, 2] was answered at the default tol
        (2e12 + 21.6 +- 10.4, converged: in floats the pole adds only some
        tens, within the tolerance 200), and the pole alone took 1,819 calls
        to be refused (now 304 and 269).
        """
        if self._failing_in_x(point):
            return True
        f, x = (self.g, point) if self.reader is None else (self.reader, self.x_found)
        readings, calls = _growth_readings(f, x if x is not None else point)
        self.nfev += calls
        exponent = max(readings, default=math.nan)
        if min(readings, default=0.0) >= DIVERGENT_EXPONENT:
            self.pole = (x if x is not None else self.x_of(point), exponent)
            return False
        if not exponent <= MAX_SPLIT_EXPONENT:  # NaN too: f fails out there
            return False
        self.float_tops.append(point)
        return True

    def _failing_in_x(self, top: float) -> bool:
        """Whether f fails at a float of x next to ``top``'s; that float, or f's top, in `x_found`.

        On a mapped interval the floats of t next to the top need not map
        onto the float of x where f fails (|x - 1.3|**-0.5 exp(-x) on [0,
        inf)): f itself is tried there (`_failing_float`), and the split is
        made in x (`_split_in_x`). Where the map's floats are coarser than
        x's (c near 0: ``|x - 0.0064|**-0.41 exp(-x*x)`` on ``[-1, inf)``
        put t's top 128 floats of x from c), f's top is sought in x between
        the images of the `SEARCH_FLOATS` / 2 floats of t either side
        (`_peak_between`), and f tried there.
        """
        if self.reader is None:
            return False
        x, calls, failed = _failing_float(self.reader, self.x_of(top))
        if not failed:
            images = [self.x_of(t) for t in _floats_around(top, SEARCH_FLOATS // 2)]
            peak, searched = _peak_between(self.reader, min(images), max(images))
            x, tried, failed = _failing_float(self.reader, peak)
            calls += searched + tried
        self.nfev += calls
        self.x_found = x
        return failed

    def _height(self, t: float, level: float) -> float:
        """|g(t) - level| for `singular_point`, NaN where g fails or is not finite; one call."""
        self.nfev += 1
        try:
            y = self.g(t)
        except Exception:  # f may fail at its singular point as it likes
            return math.nan
        return abs(y - level) if math.isfinite(y) else math.nan

    def _keep_side(
        self,
        panel: Panel,
        known: list[tuple[float, float]],
        *,
        floor: float,
        jumps: tuple[float, float],
    ) -> None:
        """Keep one side of a located jump, checked against the samples ``known`` inside it."""
        inside = [(x, y) for x, y in known if panel.a <= x <= panel.b and x not in self.ends]
        at_ends = [(x, y) for x, y in known if x in self.ends and x in (panel.a, panel.b)]
        centre, radius = 0.5 * panel.a + 0.5 * panel.b, 0.5 * panel.b - 0.5 * panel.a
        # Inside, so on [-1, 1]: only rounding puts a sample at an end outside,
        # where `missed` would skip it.
        points = [(max(-1.0, min(1.0, (x - centre) / radius)), y) for x, y in inside]
        share = self._end_share(panel, at_ends)
        sampled = (points, [x for x, _ in inside], at_ends)
        miss, misses_end = self._worst_miss(panel, sampled, (abs(share[0]), abs(share[1])))
        noise = self.noisy(panel, miss) if miss[2] > 0.0 else None
        if noise is not None:  # f's noise, not f: no feature to chase
            panel = with_noise(panel, *noise)
            miss, misses_end = self._worst_miss(panel, sampled, (abs(share[0]), abs(share[1])))
        self._keep(
            panel,
            change=math.inf,
            inherited=(0.0, 0.0),
            floor=max(floor, mirrored(self.rule, panel)),
            jumps=jumps,
            miss=miss,
            history=(*inside, *at_ends),
            end=(share, abs(share[0]) + abs(share[1])),
            misses_end=misses_end,
        )

    def worst(self, wider_than: float = -1.0, since: int = 0) -> int | None:
        """The index of the panel with the largest error among those `_beyond` the bounds."""
        for index in range(len(self.entries) - 1, -1, -1):
            if self._beyond(self.entries[index], wider_than, since):
                return index
        return None

    @staticmethod
    def _beyond(entry: _Entry, wider_than: float, since: int) -> bool:
        """Whether the panel is wider than ``wider_than``, was kept by ``since``, or is chasing.

        ``since`` is a `count`: the panels kept after it have serials above it.
        A chasing panel (`_Entry.chasing`) claims its weight, a bound on what
        its nodes do not see, which no sequence of sums models; its halves
        claim theirs, so bisecting it does not shrink that error as it does a
        resolved panel's.
        """
        return entry.panel.b - entry.panel.a > wider_than or entry.serial <= since or entry.chasing

    def value(self) -> float:
        return _sum(entry.panel.value for entry in self.entries)

    def error(self, wider_than: float = -1.0, since: int = 0) -> float:
        """The sum of the errors of the panels `_beyond` the bounds (all by default)."""
        return _sum(entry.error for entry in self.entries if self._beyond(entry, wider_than, since))

    def end_charge(self, wider_than: float) -> float:
        """The `_Entry.end_charge` of the panels at most ``wider_than`` wide."""
        return _sum(
            entry.end_charge
            for entry in self.entries
            if entry.panel.b - entry.panel.a <= wider_than
        )

    def divergence_error(self) -> float:
        """The sum of the errors without the floor for finite smoothness (see `_keep`)."""
        return _sum(entry.divergence_error for entry in self.entries)

    def absolute(self) -> float:
        return _sum(entry.panel.absolute for entry in self.entries)

    def rounding(self) -> float:
        """The sum of the panels' rounding floors: how far rounding alone may move the sum."""
        return _sum(entry.panel.rounding for entry in self.entries)

    def _negligible(self, tol: float) -> float:
        """The weight up to which a panel is negligible: ``tol`` (`NEGLIGIBLE_SHARE` at most) of it.

        At ``tol >= 1`` every panel held at most ``tol`` of the weight, the
        first one too, which then never had to resolve f: ``1/x`` on
        ``[2**48, inf)`` at tol 1 was 2.48e-12 +- 2.66e-11, converged, from 16
        calls (it diverges); at 0.9 it is refused.
        """
        return min(tol, NEGLIGIBLE_SHARE) * _sum(entry.weight for entry in self.entries)

    def unresolved(self, tol: float, wider_than: float = -1.0) -> int | None:
        """The heaviest unresolved panel wider than ``wider_than`` holding ``tol`` of the weight.

        A tiny absolute error proves nothing on a panel whose nodes do not
        resolve f: the mass may sit between them (exp on a huge interval, a
        narrow peak whose tail one node grazes). Such a panel blocks
        convergence until it is bisected, unless its weight (∫|f|, or what
        its witness says it may hold) is negligible. A panel that misses an
        ancestor's sample or f at an end (see `split`), or whose parent's
        error proved more than twice too small, counts at any width: the
        epsilon extrapolation models a singular end, not a peak its nodes
        straddle or just found; and an unresolved one that misses f at an end
        (`_end_miss`) is never negligible, as nothing else samples the sliver
        there, nor is one in a chase (`_Entry.chasing`) that misses an
        ancestor's sample strictly inside it, above its polynomial
        (`_above`), or misses one anywhere with samples that bulge above
        their chord (`_bulging`), unless it touches an end where f was not
        found finite (`_at_singular_end`).
        """
        negligible = self._negligible(tol)
        heaviest, index = -1.0, None
        for position, entry in enumerate(self.entries):
            # A panel that misses f at an end of the whole interval is never
            # negligible: its weight is what its nodes say, and no node of
            # any panel samples the sliver between the end and the outermost
            # node, where the miss shows a feature that f at the end sees
            # only by its flank, which bounds nothing (0.16 gauss(c=2.9055e-6,
            # w=6.46e-7) + x at tol 4.3e-5: [0, 2**-8], missing f(0), held
            # 7.6e-6 by its samples, under tol times the weight, and the peak
            # 1.8e-7, 1.8e5 times the error). It is bisected until its halves
            # predict f at the end. (Every miss so counted, ancestors' too,
            # chased the flanks of exp on [-210342, 290] on panels of weight
            # 7.9e-51 at most (of 9e125), for 737 evaluations instead of 611,
            # and cost integrate-peaks 7%.) That holds also where it misses
            # an ancestor's sample worse (`_Entry.misses_end`).
            #
            # Nor is a panel in a chase (`_Entry.chasing`: its nodes, or its
            # ancestors', see a flank) that misses an ancestor's sample
            # strictly inside it where |f| is above its polynomial
            # (`_above`), or misses one anywhere with samples that bulge
            # above the chord through its end samples (`_bulging`): the
            # sample shows a peak between its own nodes, and its weight, what
            # those nodes say (or the miss times its width), bounds nothing,
            # as for a miss at an end (0.886 lorentz(c=1.544e-7, w=1.16e-12)
            # + x at tol 1.6e-12: [0, 9.5e-7] missed f(1.33e-7) by 4e-7,
            # worse than f(0), and held 4.8e-13 by its nodes, under tol times
            # the weight, for a peak of 3.2e-12: 6.6 times too small; with
            # the miss at the end counted alone, its half [0, 4.8e-7] missed
            # f(1.53e-7) and stopped the chase, 13 times). A sample below the
            # polynomial is a dip, which the samples around it bound (the
            # chase after the cusp of |x - 0.999833|**0.137 at tol 1e-8,
            # counted too, went on until the panels were too narrow for
            # floats: refused, right before). A sample at its end, its
            # parent's centre, is next to its sibling's nodes too, and f may
            # just grow towards it (exp on [-210342, 290]: the halves of the
            # chase miss that sample by exp's own growth, which their
            # polynomials extrapolate to it; counted too, 2,375 evaluations
            # instead of 611), unless its samples bulge above their chord,
            # around a peak, which exp's, convex, never do (0.0757
            # lorentz(c=9.904e-6, w=4.71e-11) + x at tol 1.3e-5: with only
            # misses inside counted, [9.894e-6, 1.0014e-5] missed its
            # parent's centre by 1.25e-5 and held 1.6e-12, 2.7 times too
            # small). The chord, not the end samples, is what a peak must
            # rise above: on x, whose rise across the panel is larger than
            # the flank its nodes see, the largest sample is at an end
            # (0.0321 lorentz(c=2.5345e-6, w=2.16e-10) + x at tol 2.6e-9:
            # with the largest sample inside required, 3.87 times too small).
            # Not at an end where f was not found finite (`_at_singular_end`):
            # there a miss and a bulge are the singularity's shape.
            missing = not math.isnan(entry.miss[0])
            around = (
                self._above(entry) or (missing and _bulging(self.rule, entry.panel.samples))
            ) and not (self._at_singular_end(entry) or _between_plateaus(entry))
            if (
                entry.unresolved
                and (entry.weight > negligible or entry.misses_end or (entry.chasing and around))
                and (entry.panel.b - entry.panel.a > wider_than or entry.surprise or missing)
                and entry.weight > heaviest
            ):
                heaviest, index = entry.weight, position
        return index

    def _singular_end_of(self, panel: Panel, history: tuple[tuple[float, float], ...]) -> bool:
        """Whether ``panel`` touches a finite end where f was not found finite, by ``history``.

        ``history`` holds the samples of its ancestors, and f at an end of
        the whole interval where it was finite (see `_at_singular_end`). An
        end that the change of variable maps to an infinite x (`finite_ends`)
        is not one: a chase there stayed, as before (without it,
        ``1/(x log(x)**5)`` on ``[1000, inf)`` at tol 1e-4 was extrapolated
        after 196 evaluations to 9.614e-5, which the test for divergence
        refused, for 1.0980e-4, answered before).
        """
        return any(
            finite and end in (panel.a, panel.b) and all(x != end for x, _ in history)
            for end, finite in zip(self.ends, self.finite_ends, strict=True)
        )

    def _at_singular_end(self, entry: _Entry) -> bool:
        """Whether ``entry``'s panel touches an end of the interval where f was not found finite.

        There (f fails or is infinite at the end, or the end is x at
        infinity: `_ends`) the chain's samples may miss its ancestors' and
        bulge by the singularity's own shape, which the extrapolation
        models: the panel at 0 of ``x**0.105 log x`` on [0, 1], whose
        ``|f|`` rises from 0 to its largest at ``e**-9.5``, misses its
        parent's node next to 0 at every halving; held to the chase rule of
        `unresolved` it was bisected to panels below 1e-37 wide (5,441
        evaluations at tol 7.3e-6 and at 1e-10; 863 and 1,493 without).
        """
        panel = entry.panel
        return any(
            end in (panel.a, panel.b) and all(x != end for x, _ in entry.history)
            for end in self.ends
        )

    def _above(self, entry: _Entry) -> bool:
        """Whether ``entry`` misses a sample strictly inside it, with ``|f|`` above its polynomial.

        A sample below it (a cusp's dip, ``|x - c|**0.137`` near ``c``) is
        bounded by the samples around it; one above it may be on the flank
        of a peak between the nodes, which bounds nothing.
        """
        x, y = entry.miss
        panel = entry.panel
        if not panel.a < x < panel.b:  # False for NaN
            return False
        u = (x - (0.5 * panel.a + 0.5 * panel.b)) / (0.5 * panel.b - 0.5 * panel.a)
        try:
            return abs(y) > abs(interpolated(self.rule, panel, u))
        except OverflowError:
            return True

    def anchored(self, index: int) -> bool:
        """Whether the panel at ``index`` touches an end of the whole interval.

        Extrapolation is trusted only for a chain of panels shrinking onto an
        end, where the sums are those of an end singularity, as the epsilon
        algorithm assumes (an infinite singularity inside the interval at a
        dyadic point is the centre node of some panel, so it raises first). A
        chain closing in on a jump or a kink at an arbitrary point alternates
        sides; while the binary digits of that point repeat (0.83376 looks
        like 5/6 = 0.110101...) its sums look geometric and extrapolate,
        confidently, to the wrong limit.

        The panel's samples must also be monotone (to rounding), as those of
        ``x**a log(x)**k`` next to its end are: a peak next to the end, which
        the panel has not yet resolved, rises and falls between its nodes,
        and the sums of a chain closing in on it jump about and extrapolate
        to the background without the peak.
        """
        entry = self.entries[index]
        panel = entry.panel
        # A panel whose samples miss an ancestor's or the end's (`_end_miss`)
        # has a feature its nodes do not see, not the singular end the table
        # models: the sums' error stays, and the table takes it for converged.
        return (
            (panel.a in self.ends or panel.b in self.ends)
            and _monotone(panel.samples)
            and math.isnan(entry.miss[0])
        )

    def _in_x(self, panel: Panel) -> list[tuple[float, float]]:
        """``(x, |f(x)|)`` at the panel's nodes, in the reader's x (g over dx/dt, mapped)."""
        if not panel.samples:  # kept without its samples (made by hand): no node to show
            return []
        centre, half = 0.5 * panel.a + 0.5 * panel.b, 0.5 * panel.b - 0.5 * panel.a
        ts = [centre + half * u for u in positions(self.rule)]
        if _base_map(self.x_of) is _same:
            return [(self.x_of(t), abs(y)) for t, y in zip(ts, panel.samples, strict=True)]
        xs = [self.x_of(t) for t in ts]
        points = []
        for i, y in enumerate(panel.samples):
            low, high = max(i - 1, 0), min(i + 1, len(ts) - 1)
            # dx/dt near the node; where nodes round to one t or one x (a panel a
            # few ulps wide, far out on a half-line) it is unknown, and so is f
            # there: seen as 0.
            gap = ts[high] - ts[low]
            stretch = abs((xs[high] - xs[low]) / gap) if gap else 0.0
            points.append((xs[i], abs(y) / stretch if stretch else 0.0))
        return points

    def _nodes(self) -> list[tuple[float, float, float]]:
        """``(t, x, |f(x)|)`` at every panel's nodes, in increasing ``t``."""
        nodes: list[tuple[float, float, float]] = []
        for entry in self.entries:
            panel = entry.panel
            centre, half = 0.5 * panel.a + 0.5 * panel.b, 0.5 * panel.b - 0.5 * panel.a
            ts = [centre + half * u for u in positions(self.rule)] if panel.samples else []
            nodes.extend((t, x, y) for t, (x, y) in zip(ts, self._in_x(panel), strict=True))
        return sorted([*nodes, *self.located])

    def rounding_staircase(self) -> str:
        """Why the sum is the integral of f's rounding, not of f, or ``""``.

        Where a cancellation such as ``1 - cos x`` is 0 or a few ulps, f is a
        staircase of its rounding: exactly 0 up to a jump, then pieces
        ``k q/x**p`` that fall away from each jump up, ``(1 - cos x)/x**2`` on
        [0, 3e-8] jumping from 0 to 1 at 1.05e-8 and falling back to 0.33
        before the next jump. The adaptive rule isolates the jumps and sums
        the staircase to its last digit (1.05e-8 +- 6.6e-16, converged, for
        1.5e-8). A jump from an exact 0 and `STAIR_TEETH` teeth (a jump up in
        |f| followed by a fall of `STAIR_FALL` of it before the next jump, or
        by the end of the interval, which may cut the fall short), walking
        either way, are read as such a staircase. No sample tells it from a
        true step function of that shape, ``floor(x) exp(-x)`` on [0, 4.5]
        (the rounding's steps may be far apart: ``((1e8 + sin(x)**2) -
        1e8)/x**2`` on [0, 1e-3] jumps at 8.6e-5, 1.5e-4, 1.9e-4, ...), which
        the message tells to integrate beyond its jump from 0 (on [1, 4.5]
        and [1, inf) it is answered; its steps on [0, inf) are too many to
        take one by one). Flat steps (``floor(k x)/k``) have at most one
        tooth, the last; a sawtooth (``x - floor(x)``, walked right to left)
        has teeth but no jump from an exact 0; one step from 0 (``(x > c)
        exp(-x)``) has one tooth.
        """
        nodes = self._nodes()
        if len(nodes) < 2:
            return ""
        close = STAIR_SPACING * (nodes[-1][0] - nodes[0][0])
        for walk in (nodes, nodes[::-1]):
            jumps = [
                i
                for i in range(len(walk) - 1)
                if abs(walk[i + 1][0] - walk[i][0]) <= close
                and abs(walk[i + 1][2] - walk[i][2]) > STAIR_JUMP * max(walk[i][2], walk[i + 1][2])
            ]
            zero = [i for i in jumps if walk[i][2] == 0.0 < walk[i + 1][2]]
            if not zero:
                continue
            # The last piece runs into the end of the interval, which may cut it
            # short of its fall: its jump up counts as a tooth.
            ends = [*jumps[1:], None]
            teeth = [
                i
                for i, end in zip(jumps, ends, strict=True)
                if walk[i + 1][2] > walk[i][2]
                and (
                    end is None
                    or walk[i + 1][2] - walk[end][2] >= STAIR_FALL * (walk[i + 1][2] - walk[i][2])
                )
            ]
            if len(teeth) >= STAIR_TEETH:
                start = walk[zero[0]][1]
                return (
                    f"f is exactly 0 on one side of x={start!r}, then rises in {len(teeth)} "
                    "jumps and falls back between them: a staircase such as the rounding of a "
                    "cancellation makes (1 - cos x or x - sin x where they are 0 or a few "
                    "ulps), whose sum is not the integral of the formula. Rewrite f "
                    "without the cancellation (math.expm1, math.log1p, or a series near "
                    "the point where it cancels); if f really is a step function (floor(x) "
                    f"exp(-x)), integrate it only on the side of x={start!r} where it is not "
                    "0, or over each step separately, from one jump to the next"
                )
        return ""

    def _origin(self) -> float:
        """The x the map of an infinite interval spreads out from: 0, or its finite end."""
        start, end = _base_map(self.x_of)(0.0), _base_map(self.x_of)(1.0)
        return start if math.isfinite(start) else end

    def narrowest_feature(self, tol: float) -> tuple[float, float, float] | None:
        """``(w, x, extent)`` for the narrowest bump f has shown, or None if none.

        The panels holding more than ``tol`` of the weight form runs between
        negligible ones; a run is a bump, ``w`` wide (its ∫|f| over its
        largest |f|: 2.5 sd for a Gaussian) around ``x``, unless that largest
        |f| is at the node next to an end of the interval where f is not
        known finite (`_bounded_end`: f may grow towards the end without a
        scale, as at an end singularity). ``extent`` is the farthest
        distance from the map's origin (`_origin`) at which a run reaches,
        on an infinite interval (0 on a finite one). A run may fill the
        whole interval: a panel heavy with a bump's tail may still have
        nodes far apart where f is negligible (`_sparse`).
        """
        order = sorted(self.entries, key=lambda entry: entry.panel.a)
        negligible = self._negligible(tol)
        runs: list[list[_Entry]] = []
        previous = False
        for entry in order:
            heavy = entry.weight > negligible
            if heavy and previous:
                runs[-1].append(entry)
            elif heavy:
                runs.append([entry])
            previous = heavy
        mapped = _base_map(self.x_of) is not _same
        origin = self._origin() if mapped else 0.0
        last = len(self.rule.nodes) * 2 - 2  # the index of the node next to b
        narrowest, centre, extent = math.inf, 0.0, 0.0
        for run in runs:
            peak, at, ramp = 0.0, 0.0, False
            for entry in run:
                for index, (x, y) in enumerate(self._in_x(entry.panel)):
                    if y > peak:
                        peak, at = y, x
                        end = (index == 0 and entry.panel.a == self.ends[0]) or (
                            index == last and entry.panel.b == self.ends[1]
                        )
                        ramp = end and not self._bounded_end(entry.panel)
                for end_x in (entry.panel.a, entry.panel.b):
                    if end_x in self.ends and self._bounded_end(entry.panel):
                        peak = max(peak, abs(self.limits.get(end_x, self.seen[end_x])))
                if mapped:
                    spans = [x for x in self.x_span(entry.panel) if math.isfinite(x)]
                    extent = max([extent, *(abs(x - origin) for x in spans)])
            width = _sum(entry.panel.absolute for entry in run) / peak if peak else math.inf
            if not ramp and width < narrowest:
                narrowest, centre = width, at
        return None if math.isinf(narrowest) else (narrowest, centre, extent)

    def _bounded_end(self, panel: Panel) -> bool:
        """Whether f was sampled finite at each end of the interval that ``panel`` touches.

        A run of panels whose |f| is largest next to such an end is a bump
        the end cuts (N(0, 1) on [0, inf)), as wide as its ∫|f| over the
        largest of |f| there and at the end; where f at the end is unknown
        (an infinite x, an end singularity) it may be a ramp that grows
        without a scale.
        """
        ends = [x for x in self.ends if x in (panel.a, panel.b)]
        return bool(ends) and all(math.isfinite(self.seen.get(x, math.nan)) for x in ends)

    def hidden_feature(self, tol: float) -> int | None:
        """A negligible panel whose nodes show a feature it does not resolve, or None.

        Along x, |f| at the nodes where it is negligible falls away from the
        bumps found (their tails) or rises towards them. A node where |f|
        stands above both its neighbours by more than `HIDDEN_RISE` sees the
        tail of another bump between the nodes, which a panel that does not
        resolve f there may hold any amount of (0.5 N(0, 1) + 0.5 N(20, 0.1)
        on [0, inf): a node 1.9 from 20 saw 1e-78 of the narrow bump, a
        panel holding 7.4e-13 by its nodes was left as negligible, and the
        answer was 0.25 for 0.75). Of those, the heaviest; it is bisected as
        an unresolved panel is, until its halves resolve what it saw.
        """
        negligible = self._negligible(tol)
        if not any(entry.unresolved and entry.weight <= negligible for entry in self.entries):
            return None  # no candidate: spare the sort of every node
        points = sorted(
            (x, y, position)
            for position, entry in enumerate(self.entries)
            for x, y in self._in_x(entry.panel)
        )
        heaviest, found = -1.0, None
        for before, (_, y, position), after in zip(points, points[1:], points[2:], strict=False):
            entry = self.entries[position]
            if (
                entry.unresolved
                and entry.weight <= negligible
                and y > HIDDEN_RISE * max(before[1], after[1])
                and entry.weight > heaviest
            ):
                heaviest, found = entry.weight, position
        return found

    def _allowed(self, near: float, far: float, gap: float, reach: float) -> float:
        """How far apart in x two neighbouring nodes may be: ``gap``, or more far out.

        On an infinite interval, ``gap`` times ``(d / reach)**2`` at a
        distance ``d`` beyond ``reach`` from the map's origin.
        """
        if _base_map(self.x_of) is _same:
            return gap
        origin = self._origin()
        distance = min(abs(near - origin), abs(far - origin))
        return gap * max(1.0, distance / reach) ** 2

    def _fits(self, a: float, b: float, gap: float, reach: float) -> bool:
        """Whether the rule's nodes on ``[a, b]`` are at most `_allowed` apart in x."""
        centre, half = 0.5 * a + 0.5 * b, 0.5 * b - 0.5 * a
        xs = [self.x_of(centre + half * u) for u in positions(self.rule)]
        return all(
            abs(far - near) <= self._allowed(near, far, gap, reach)
            for near, far in itertools.pairwise(xs)
        )

    def _sparse(self, panel: Panel, negligible: float, gap: float, reach: float) -> bool:
        """Whether two neighbouring nodes of a heavy panel see f negligible yet lie too far apart.

        A panel heavy with the tail of a bump found near one end may reach far
        beyond it (N(14.8, 2.6) + N(-22.9, 0.466) over R: [-inf, 0] held 1.8e-9
        by its nodes near 0, and the bump at -22.9 lay between nodes 10 apart
        that saw 0). The stretch between two nodes counts as negligible where
        |f| at both times their distance is.
        """
        points = self._in_x(panel)
        return any(
            max(low, high) * abs(far - near) <= negligible
            and abs(far - near) > self._allowed(near, far, gap, reach)
            for (near, low), (far, high) in itertools.pairwise(points)
        )

    def _cuts(self, a: float, b: float, gap: float, reach: float, most: int) -> list[float]:
        """Points that cut ``[a, b]`` into pieces whose nodes `_fits`, greedily from ``a``.

        Given up past ``most`` pieces (the look is then over its budget: on
        exp over [-210342, 290], 70,000 pieces took seconds to place).
        """
        cuts = [a]
        while cuts[-1] < b and len(cuts) <= most + 1:  # one piece more shows it over
            start, width = cuts[-1], b - cuts[-1]
            while not self._fits(start, start + width, gap, reach):
                width *= 0.8
            cuts.append(b if start + width >= b else start + width)
        return cuts

    def unexplored(
        self, tol: float, gap: float, reach: float, most: int
    ) -> list[tuple[int, list[float]]]:
        """``(index, cuts)`` for each negligible panel whose nodes do not `_fits`.

        Once the pieces number more than ``most``, the rest are not placed.
        """
        negligible = self._negligible(tol)
        needs: list[tuple[int, list[float]]] = []
        for index, entry in enumerate(self.entries):
            a, b = entry.panel.a, entry.panel.b
            left = most - sum(len(cuts) - 1 for _, cuts in needs)
            if left < 0:
                break
            negligibly = entry.weight <= negligible and not self._fits(a, b, gap, reach)
            if negligibly or self._sparse(entry.panel, negligible, gap, reach):
                needs.append((index, self._cuts(a, b, gap, reach, left)))
        return needs

    def divide(self, needs: list[tuple[int, list[float]]]) -> None:
        """Replace the panel at each ``index`` by the pieces between its ``cuts``."""
        removed = [(self.entries[index], cuts) for index, cuts in needs]
        for index in sorted((index for index, _ in needs), reverse=True):
            del self.entries[index]
        for entry, cuts in removed:
            for left, right in itertools.pairwise(cuts):
                self.add(left, right, ends=entry.history)

    def explore(self, a: float, b: float, pieces: int) -> None:
        """Replace the panels by ``pieces`` equal ones (f vanished at every node so far).

        The samples at the ends of the interval, which the first panel took,
        stay: the first and the last of the new panels must predict them
        (a ramp within 1e-5 of 0 is in the sliver of [0, 1/64] too).
        """
        samples = tuple(sample for entry in self.entries for sample in entry.history)
        self.entries.clear()
        ends = [a, *((1.0 - i / pieces) * a + i / pieces * b for i in range(1, pieces)), b]
        for left, right in itertools.pairwise(ends):
            self.add(left, right, ends=samples)


def _adaptive(
    g: Function,
    a: float,
    b: float,
    tol: float,
    rule: Rule,
    *,
    finite_ends: tuple[bool, bool] = (True, True),
    x_of: Callable[[float], float] = _same,
    seen: dict[float, float] | None = None,
    reader: Function | None = None,
    witnesses: tuple[tuple[float, float], ...] = (),
) -> IntegrationResult:
    r"""QUADPACK's qags strategy: bisect the worst panel, extrapolate the sums with Wynn's epsilon.

    Without extrapolation an end singularity such as $x^{-0.9}$ costs
    thousands of evaluations: each halving of the panel at the singular end
    reduces its error by only $2^{-0.1}$. The sums $S_0, S_1, \dots$ taken
    each time the smallest panels are halved converge geometrically, so the
    epsilon algorithm extrapolates them to the limit. Between two
    extrapolations the larger panels are bisected until their errors fall
    below the tolerance, so that the smallest panels' geometric error is
    the one left (the ``small``/``erlarg`` bookkeeping of ``qagse``).

    On top of QUADPACK, so that ``converged=True`` can be believed:

    * a panel that does not resolve f (its Gauss and Kronrod estimates
      disagree by as much as f varies, or its error is 5% of its ∫|f|)
      blocks convergence until it is bisected or negligible, whatever the
      absolute tolerance: this is what finds exp's mass on
      [-210342, 290] and a narrow peak whose tail one node grazes;
    * an integrand that is 0 at every node of the first rule is sampled on
      64 panels, and if it is still 0 everywhere the result says it cannot
      tell (``converged=False``, error ``inf``);
    * once f shows a bump (f falling away on both sides of its largest
      sample, or from an end of the interval where f is finite), the panels
      where f is negligible at every node, or at two neighbouring nodes far
      apart, are cut, where that takes at most `LOOK_BUDGET` evaluations,
      into pieces whose nodes would see another bump as narrow
      (`_Extrapolated.look`); and a negligible panel that does not resolve
      f, with a node where |f| stands above both neighbours (the tail of a
      bump between them), is bisected (`_Panels.hidden_feature`);
    * each panel's error is checked against its parent's, whose samples
      inside it its own must predict by interpolation (`_Panels.split`),
      and against how fast f's Legendre coefficients fall
      (`calcweb._gauss_kronrod`), and includes the rounding of the nodes;
      the first panel, which has no parent, is not trusted beyond what its
      highest coefficients show (`_Panels.add`), and it and every panel
      bisected off it at a finite end of the interval must predict f at
      that end, which no node samples (f is evaluated there once, and a
      failure ignored: `_Panels._end_miss`), also where f was 0 at every
      node of the first panel (the first and last of `_Panels.explore`'s);
    * a panel whose highest Legendre coefficients do not fall (the flank of
      a peak between its nodes: `calcweb._gauss_kronrod.aliased`) does not
      resolve f, and it and the halves of the chase that follows must
      predict their ancestors' samples to the resolution the chase started
      from, its parent's (`_Panels.split`);
    * where f looks odd about the interval's centre (plus a smooth even
      part) with an odd part its first panel does not show to be smooth
      (falling geometrically: `calcweb._gauss_kronrod.odd_unproven`), a converged
      sum (whose odd part the symmetric panels cancel) stands only if the
      integral over the half to the right of the centre converges on its
      own, and so on while that half looks odd about its own centre, and
      the two halves of the interval, each found on its own (and checked so
      in turn where its first panel looks odd too), sum to it (else their
      sum is the value: `_checked_half`); a panel a bisection (or `explore`)
      placed whose samples look so is not trusted beyond its odd
      coefficients (`calcweb._gauss_kronrod.mirrored`): its symmetry is the
      nodes', not f's (a staircase with two jumps between mirrored pairs of
      nodes);
    * an extrapolated value is accepted only from a chain of panels shrinking
      onto an end of the interval whose samples are monotone
      (`_Panels.anchored`), and its error includes that of the panels the
      extrapolation does not model (the larger ones, and smaller ones not
      bisected since its last element: `_Extrapolated.next_panel`), the rounding of the sums as the
      extrapolation amplifies it, how slowly the sums converge
      (`_Epsilon`), and the part of the sliver at the chain's end times the
      miss of f there that falls more slowly than the sums do (a kink or a
      ramp in the sliver: `_Panels._unmodelled`);
    * a chain of panels closing in on one point inside the interval, each
      holding most of its pair's error, which falls no faster than a
      singularity's, is searched for a float where f fails or is infinite
      (or, f finite at every float there, the float it closed in on);
      found, the integral is the sum of those over its two sides, each
      integrated on its own with that point as an end
      (`_Extrapolated.singular_point`, `_split_at`).

    ``witnesses`` are samples ``(x, g(x))`` another rule took (`_measured`),
    which the panels must predict as their ancestors' (`_Panels.add`).
    """
    seen = {} if seen is None else seen
    result, odd = _summed(
        g,
        a,
        b,
        tol,
        rule,
        finite_ends=finite_ends,
        x_of=x_of,
        seen=seen,
        reader=reader,
        witnesses=witnesses,
    )
    if odd and result.converged:
        return _checked_half(
            result, g, a, b, tol=tol, rule=rule, finite_ends=finite_ends, x_of=x_of, seen=seen
        )
    return result


def _summed(
    g: Function,
    a: float,
    b: float,
    tol: float,
    rule: Rule,
    *,
    finite_ends: tuple[bool, bool],
    x_of: Callable[[float], float],
    seen: dict[float, float],
    reader: Function | None = None,
    witnesses: tuple[tuple[float, float], ...] = (),
) -> tuple[IntegrationResult, bool]:
    """`_adaptive`'s result before `_checked_half`; and whether f calls for that check.

    That is, whether the first panel shows f odd about the centre of ``[a,
    b]`` with an odd part not shown to be smooth
    (`calcweb._gauss_kronrod.odd_unproven`): one that diverges, or a
    staircase's whose jumps fall in mirrored gaps. ``seen`` holds g where it
    was sampled already (`_Panels.seen`); g at the ends and the centre of
    ``[a, b]`` join it, as the ends of the halves `_checked_half` integrates.
    """
    panels = _Panels(g, rule, seen)
    panels.ends = (a, b)
    panels.finite_ends = finite_ends
    panels.x_of = x_of  # the reader's x, for messages
    panels.reader = reader
    panels.add(a, b, lone=True, witnesses=witnesses)
    first = panels.panel(0)
    seen[0.5 * a + 0.5 * b] = first.samples[len(first.samples) // 2]  # its centre node
    odd = odd_unproven(rule, first)
    if panels.absolute() == 0.0:
        panels.explore(a, b, EXPLORE_PANELS)
        if panels.absolute() == 0.0:
            # A peak between the samples can hold any mass: no finite error is justified.
            return IntegrationResult(
                value=0.0,
                error=math.inf,
                nfev=panels.nfev,
                method="adaptive",
                intervals=len(panels),
                converged=False,
                # The ends are left out: f may fail there (or not be 0).
                message=_zero_message(panels, a, b),
            ), odd
    try:
        return _Extrapolated(panels, tol).run(), odd
    except _SingularInside as found:
        if _base_map(x_of) is not _same:
            raise  # split in x (`_split_in_x`): in t the map rounds next to it too
        return _split_at(
            found, g, a, b, tol=tol, rule=rule, finite_ends=finite_ends, x_of=x_of, seen=seen
        ), False


def _split_at(
    found: _SingularInside,
    g: Function,
    a: float,
    b: float,
    *,
    tol: float,
    rule: Rule,
    finite_ends: tuple[bool, bool],
    x_of: Callable[[float], float],
    seen: dict[float, float],
) -> IntegrationResult:
    """The integral over a finite ``[a, b]`` as the sum of those over the sides of a singular point.

    Each side is integrated on its own (`_adaptive`), the point an end
    where f is not found finite, as ``x**-0.5`` at 0 is, in ``u = x - c``
    so that the nodes next to it are not rounded to the floats next to
    ``c`` (`_Shifted`); their evaluations add to those of the run that
    found it (`_sides_summed`).
    """
    c = found.point
    x_of_u = _Translated(x_of, c)
    # g at c failed; g at an end already sampled is g at that u, where c + u is the end.
    seen_u = {end - c: seen[end] for end in (a, b) if end in seen and c + (end - c) == end}
    seen_u[0.0] = math.nan

    def sides(side_tol: float) -> tuple[IntegrationResult, IntegrationResult, int]:
        shifted = _Shifted(g, c, side_tol)
        left = _adaptive(
            shifted,
            a - c,
            0.0,
            side_tol,
            rule,
            finite_ends=(finite_ends[0], True),
            x_of=x_of_u,
            seen=dict(seen_u),
        )
        right = _adaptive(
            shifted,
            0.0,
            b - c,
            side_tol,
            rule,
            finite_ends=(True, finite_ends[1]),
            x_of=x_of_u,
            seen=dict(seen_u),
        )
        return left, right, shifted.extra

    return _sides_summed(sides, tol, found.nfev, x_of(c), finite=found.finite)


def _split_in_x(
    f: Function, a: float, b: float, found: _SingularInside, tol: float
) -> IntegrationResult:
    """The integral over an infinite interval as the sum of those over the sides of a point.

    The search for it ran in the map's variable t (`_Panels.singular_point`),
    whose floats next to it map onto x a few floats of x apart, and g =
    f(x(t)) dx/dt rounds in the map there too: split in t,
    ``|x - 0.77|**-0.85 exp(-x*x)`` on ``[0, inf)`` was refused at tol 1e-10
    (4.2e-8 claimed, true error 6.8e-10), and ``|x - 1.3|**-0.5 exp(-x)``,
    finite at every float of t tried, was refused. So f is tried at the
    float of x the search closed in on and at the `SEARCH_FLOATS` floats
    either side (one call each, until it fails or is not finite there), and
    the reader's interval is split there, each side in x (`_side_in_x`).
    """
    c, tried, failed = _failing_float(f, found.x)

    def sides(side_tol: float) -> tuple[IntegrationResult, IntegrationResult, int]:
        return _side_in_x(f, c, a, side_tol), _side_in_x(f, c, b, side_tol), 0

    return _sides_summed(sides, tol, found.nfev + tried, c, finite=not failed)


def _side_in_x(f: Function, c: float, end: float, tol: float) -> IntegrationResult:
    """The integral of f from its singular point ``c`` to ``end`` (oriented as x grows).

    Within ``1 + |c|`` of ``c`` (or to a finite ``end``) in ``u = x - c``,
    as `_split_at`'s sides (`_Shifted`): a half-line mapped from ``c``
    puts ``c`` at t = 1, where t's floats are 1.1e-16 apart and round the
    nodes next to it as x's do next to ``c`` (``|x - 0.77|**-0.85
    exp(-x*x)`` on ``[0.77, inf)`` at tol 1e-10: 2.2e-9 claimed, refused,
    true error 2.0e-10; in u then mapped beyond: 3.1e-11). Beyond, to an
    infinite ``end``, as the reader would (`_oriented`).
    """
    step = math.copysign(1.0 + abs(c), end - c)
    near = end if math.isfinite(end) or not math.isfinite(c + step) else c + step
    g = _Shifted(lambda x: evaluate(f, x, fix=_INSIDE), c, tol)
    low, high = sorted((0.0, near - c))
    piece = _adaptive(g, low, high, tol, K21, x_of=_Translated(_same, c), seen={0.0: math.nan})
    piece = dataclasses.replace(piece, nfev=piece.nfev + g.extra)
    if near == end:
        return piece
    low_x, high_x = sorted((near, end))
    beyond = _oriented(f, low_x, high_x, method="adaptive", n=None, tol=tol, full_output=True)
    failed = next((r for r in (piece, beyond) if not r.converged), beyond)
    return dataclasses.replace(
        failed,
        value=piece.value + beyond.value,
        error=piece.error + beyond.error,
        nfev=piece.nfev + beyond.nfev,
        intervals=piece.intervals + beyond.intervals,
        converged=piece.converged and beyond.converged,
    )


def _failing_float(f: Function, x: float) -> tuple[float, int, bool]:
    """The float nearest ``x`` (within `SEARCH_FLOATS`) where f fails or is not finite, or ``x``.

    Also returned: the calls of f it made, and whether f failed there.
    """
    candidates = [x]
    below = above = x
    for _ in range(SEARCH_FLOATS):
        below, above = math.nextafter(below, -math.inf), math.nextafter(above, math.inf)
        candidates += [above, below]
    for calls, point in enumerate(candidates, start=1):
        try:
            failed = not math.isfinite(f(point))
        except Exception:  # f may fail at its singular point as it likes (or return no number)
            failed = True
        if failed:
            return point, calls, True
    return x, len(candidates), False


# The largest p of |x - c|**-p that a singular point between floats is split at
# (`_growth_readings`): beyond, as 1/|x - c| or tan(pi x) at 0.5, each side's end
# machinery took 3,000-12,000 calls to refuse it (1,700-3,400 for the run unsplit).
MAX_SPLIT_EXPONENT = 0.99
GROWTH_ULPS = 2.0**10  # the nearest distance `_growth_readings` measures at, in ulps of x
GROWTH_STEPS = (1.0, 2.0, 4.0, 8.0)  # its distances, in GROWTH_ULPS
# Every reading at least this: f grows as 1/|x - c| or faster (p = 1 reads 1.000 +- 0.0014).
DIVERGENT_EXPONENT = 0.998


def _growth_readings(f: Function, x: float) -> tuple[list[float], int]:
    """The p of |f| ~ |x - c|**-p next to ``x``, c within an ulp of it, four times; the calls.

    From f at `GROWTH_ULPS` ulps of ``x``, twice, four and eight times that,
    on each side: p is read from the fall of f's differences between
    neighbouring distances, ``log2`` of one over the next (each 2**p for
    ``|x - c|**-p``, 1 for ``log|x - c|``), so that a smooth term added to f
    changes no reading (its differences are its slope times the distance),
    two from each side: `_Panels._splits_at_top` splits where the largest is
    at most `MAX_SPLIT_EXPONENT` and refuses where the smallest is at least
    `DIVERGENT_EXPONENT` (a pole, whichever distance reads it). From |f| itself at two
    distances, ``1/|x*x - 2| + 1e12`` read p = 0.52 next to sqrt(2) and was
    split, each side refused after 16,206 calls in all (1,819 unsplit). c's
    place within the ulp moves each distance by at most 1/1024 of it, and a
    reading by 0.0014. None (``[]``) where f fails there or is flat.
    """
    exponents: list[float] = []
    calls = 0
    for direction in (-1.0, 1.0):
        values = []
        for k in GROWTH_STEPS:
            calls += 1
            try:
                values.append(f(x + direction * k * GROWTH_ULPS * math.ulp(x)))
            except (ArithmeticError, ValueError, CalcwebError):  # f fails out there
                return [], calls
        steps = [abs(nearer - farther) for nearer, farther in itertools.pairwise(values)]
        try:
            exponents.extend(math.log2(a / b) for a, b in itertools.pairwise(steps))
        except (ArithmeticError, ValueError):  # f constant out there, or not finite
            return [], calls
    return exponents, calls


def _floats_around(x: float, count: int) -> list[float]:
    """``x`` and the ``count`` floats either side of it."""
    below, above = [x], [x]
    for _ in range(count):
        below.append(math.nextafter(below[-1], -math.inf))
        above.append(math.nextafter(above[-1], math.inf))
    return below[:0:-1] + above


def _peak_between(f: Function, low: float, high: float) -> tuple[float, int]:
    """The float of ``[low, high]`` where f is farthest from its level at the ends; and the calls.

    A golden-section search in the floats' order (`_float_key`), one call a
    step, for a singular point between floats of x that a search in another
    variable could not tell apart: f runs away from the ends' level towards
    it from both sides. Where f fails or is not finite at a probe, that
    probe is the point.
    """
    calls = 0

    def value(key: int) -> float:  # f at the float of ``key``; inf where it fails or is not finite
        nonlocal calls
        calls += 1
        try:
            y = float(f(_key_float(key)))
        except Exception:  # f may fail at its singular point as it likes (or return no number)
            return math.inf
        return y if math.isfinite(y) else math.inf

    low_key, high_key = _float_key(low), _float_key(high)
    ends = [value(low_key), value(high_key)]
    if math.isinf(max(ends)):
        return _key_float(low_key if math.isinf(ends[0]) else high_key), calls
    level = 0.5 * ends[0] + 0.5 * ends[1]
    ratio = 0.5 * (math.sqrt(5.0) - 1.0)
    inner = [
        high_key - round(ratio * (high_key - low_key)),
        low_key + round(ratio * (high_key - low_key)),
    ]
    heights = [abs(value(key) - level) for key in inner]
    while inner[0] < inner[1] and not math.isinf(max(heights)):
        # Keep the side of the larger probe, which the top is on (as `_Panels.singular_point`).
        if heights[0] >= heights[1]:
            high_key, inner[1], heights[1] = inner[1], inner[0], heights[0]
            inner[0] = high_key - round(ratio * (high_key - low_key))
            heights[0] = abs(value(inner[0]) - level)
        else:
            low_key, inner[0], heights[0] = inner[0], inner[1], heights[1]
            inner[1] = low_key + round(ratio * (high_key - low_key))
            heights[1] = abs(value(inner[1]) - level)
    best = inner[0] if heights[0] >= heights[1] else inner[1]
    return _key_float(best), calls


def _sides_summed(
    sides: Callable[[float], tuple[IntegrationResult, IntegrationResult, int]],
    tol: float,
    nfev: int,
    x: float,
    *,
    finite: bool = False,
) -> IntegrationResult:
    """The sum of the integrals over the two sides of the singular point ``x``.

    ``sides(side_tol)`` integrates each on its own and returns them with the
    calls it made besides theirs; ``nfev`` counts those of the run that
    found ``x``. Where the sides cancel, their errors, each within its own
    tolerance (relative to its own size), may sum to more than the whole's:
    they are integrated once more, at a tol whose targets sum to the
    whole's, or less (at most half the tol before, and not below
    ``MIN_TOL``).
    """
    side_tol = tol
    for _ in range(2):
        left, right, extra = sides(side_tol)
        nfev += left.nfev + right.nfev + extra
        value, error = left.value + right.value, left.error + right.error
        target = _target(tol, value)
        if not (left.converged and right.converged and error > target and side_tol > MIN_TOL):
            break
        # Each side's target is its tol times its own size, not the sum's.
        sizes = max(1.0, abs(left.value)) + max(1.0, abs(right.value))
        side_tol = max(MIN_TOL, min(0.5 * side_tol, target / sizes))
    where = (
        f"f fails or is infinite at x={x!r}, inside the interval, where bisection "
        "closed in on it; so the integral is the sum of those over its two sides, each found "
        "on its own"
    )
    if finite:  # ``finite``: f was finite at every float tried there (`_Panels.singular_point`)
        where = (
            f"bisection closed in on x={x!r}, inside the interval, where a search found f "
            "farthest from its level, finite at every float it tried there (a singular point "
            "between two floats, one where f is given a finite value, or f's rounding noise); "
            "so the integral is the sum of those over its two sides, each found on its own "
            "with that point as a singular end"
        )
    if not left.converged or not right.converged:
        side, failed = ("left", left) if not left.converged else ("right", right)
        message = f"{where}; the {side} one was not found: {failed.message}"
    elif error > target:
        message = (
            f"{where} ({left.value:.6g} +- {left.error:.3g} and {right.value:.6g} +- "
            f"{right.error:.3g}), but they cancel: the sum's error {error:.3g} is above the "
            f"tolerance {target:.3g}; pass a larger tol"
        )
    else:
        message = f"{where}: the estimated error {error:.3g} meets the tolerance {target:.3g}"
    return IntegrationResult(
        value=value,
        error=error,
        nfev=nfev,
        method="adaptive",
        intervals=left.intervals + right.intervals,
        converged=left.converged and right.converged and error <= target,
        message=message,
    )


SHIFT_SLACK = 1e-3  # the share of tol a sample left where c + u rounds may miss by
# |u|/|c| up to which samples are interpolated whatever tol: beyond it they step by
# at most 64 p ulps (BULGE_ULPS), which the checks that a panel resolves f allow.
SHIFT_REACH = 2.0**-6


class _Shifted:
    """``g(c + u)``, linear between the two floats around ``c + u`` next to ``c``.

    Next to ``c`` the float ``x = c + u`` misses ``c + u`` by up to
    ``ulp(c)/2``, an error relative to ``u`` that grows towards ``c``: for
    ``|x - c|**-p`` the samples are off by ``p ulp(c)/(2 u)``, relative, and
    the extrapolations of an end's sums scatter by more than a tolerance of
    1e-10 (``|x - 0.1228|**-0.846 cos x`` on [0, 1]: 6.2e-9 for a true error
    of 1.8e-10; intsingscan refused 9 to 18 of 150 draws a seed so). Where
    that miss may exceed `SHIFT_SLACK` times ``tol`` (``|u|`` within
    ``reach`` of ``c``, at most half ``|c|``) and ``c + u`` is no float, g
    at the float on its other side too (one more call, counted in `extra`)
    puts the sample where the rule wants it, to within ``(ulp(c)/u)**2``.
    Farther out the samples are left as they are, a staircase in ``u``
    whose steps, read as f varying, the checks that a panel resolves f must
    not see: so ``reach`` is at least `SHIFT_REACH` ``|c|`` (with ``reach``
    ``2**-20 |c|`` at tol 1e-10 a side took 500 subintervals; with 2.2e-9
    ``|c|``, ``1.4e-7 |x - c|**-0.759`` at tol 1e-4 took 10,175 evaluations
    for 6,190).
    There ``x - c`` and ``u - (x - c)`` are exact (Sterbenz).
    """

    def __init__(self, g: Function, c: float, tol: float) -> None:
        self.g, self.c = g, c
        self.reach = max(SHIFT_REACH, min(0.5, _EPS / (SHIFT_SLACK * tol))) * abs(c)
        self.extra = 0

    def __call__(self, u: float) -> float:
        x = self.c + u
        if x == self.c and u != 0.0:
            # Closer to c than floats resolve (a search, not a node: `_Extrapolated.refusal`
            # stops panels wider): the float next to c on the side of u, as x would be.
            return self.g(math.nextafter(self.c, math.copysign(math.inf, u)))
        off = u - (x - self.c)
        if off == 0.0 or abs(u) > self.reach:
            return self.g(x)
        y = self.g(x)
        other = math.nextafter(x, math.copysign(math.inf, off))
        self.extra += 1
        try:
            beyond = self.g(other)
        except Exception:  # other may be c, where f fails as it likes: y as it is
            return y
        return y + (beyond - y) * (off / (other - x)) if math.isfinite(beyond) else y


def _zero_message(panels: _Panels, a: float, b: float) -> str:
    """Why f 0 at every node of `_Panels.explore`'s panels is refused, and what to do.

    No sample tells a function that is 0 (``max(x, 0)`` on [-1, 0]) from a
    peak between the nodes (``exp(-(x - 0.123)**2/1e-9)`` on [-1e3, 1e3]),
    so the message names both, with what each calls for; and f at an end
    that is not 0, beside which f may hold mass no point sees (``exp(-x)``
    on [0, 3.2e7]: 1 at 0) or from which it may jump to 0 (``floor(x)`` on
    [0, 1]: 1 at 1, integral 0).
    """
    points = panels.rule.size * (1 + len(panels))  # the first panel's, then explore's
    spacing = ""
    low, high = panels.x_of(a), panels.x_of(b)
    if math.isfinite(high - low):
        nodes = positions(panels.rule)
        widest = max(right - left for left, right in itertools.pairwise(nodes))
        spacing = f", at most {0.5 * widest * (high - low) / len(panels):.3g} apart"
    where = f"on {len(panels)} equal subintervals{spacing}"
    for end in panels.ends:
        value = panels.seen.get(end, math.nan)
        if math.isfinite(value) and value != 0.0:
            x = panels.x_of(end)
            return (
                f"f was 0 at all {points} points of the rule ({where}) but is {value:.6g} at "
                f"the end x={x!r}. If f falls to 0 between that end and the nearest point, "
                "closer than the rule samples, integrate over a shorter interval from "
                f"x={x!r}, as far as f is not negligible; if it jumps there from 0 (as "
                "floor(x) at 1 on [0, 1]), its integral is 0, unless it has a peak narrower "
                "than the points' spacing (split the interval around it)"
            )
    return (
        f"f was 0 at all {points} points of the rule ({where}), so the integral looks like "
        "0, but a peak narrower than their spacing would be missed. If f is 0 on the whole "
        "interval (max(x, 0) for x <= 0, say), its integral is 0 and needs no integration; "
        "if it has a peak there, split the interval around the peak. With "
        "full_output=True the result is 0.0 with an error of inf"
    )


def _checked_half(
    result: IntegrationResult,
    g: Function,
    a: float,
    b: float,
    *,
    tol: float,
    rule: Rule,
    finite_ends: tuple[bool, bool],
    x_of: Callable[[float], float],
    seen: dict[float, float],
) -> IntegrationResult:
    """``result`` for ``g`` odd about the centre of ``[a, b]``, if the integral over a half exists.

    The rule's sums of an odd ``g`` cancel at every stage of a bisection that
    keeps the panels symmetric (`calcweb._gauss_kronrod.odd_unresolved`), so
    ``result`` converges (to 0, or to the integral of a smooth even part
    beside the odd one) whether or not the integral exists: ``x/(1 +
    x**2)`` on the whole line was 0 +- 3.3e-13 after 21 evaluations, ``sin``
    there 0 +- 3e-11, each half diverging. The odd part's integral is 0 only
    if the one over each half exists, which the half ``[centre, b]``
    integrated on its own tells (its mirror image is the other half). Where
    that half looks odd about its own centre in turn, its sum is as blind,
    and its right half is checked, and so on: ``tan(pi x)`` on [-2, 2], odd
    about 0, 1 and 1.5, was 0 +- 1e-13 after 46 evaluations with the half
    [0, 2] alone checked. And ``g`` is odd only as its first panel's nodes
    suggest: a staircase whose nodes mirror, ``floor(0.7 x)/0.7`` on
    ``[-1.2185, 2.6037]``, was 0 +- 4.2e-14 for -0.0619. So the half ``[a,
    centre]`` is integrated too, and where the two halves do not sum to
    ``result`` within their errors, their sum is the value. A half whose
    first panel looks odd is as blind, and is checked so in turn: each half
    of the chain by the next one and the part to its left, and the half
    ``[a, centre]`` as any interval is (`_adaptive`). Summed unchecked, a
    staircase's halves that mirrored again were answered: ``floor(1.3
    x)/1.3`` on ``[-2.7759, 0.4567]`` at tol 1.35e-5, -5.0419 +- 4.1e-6
    for -4.9909 (the chain's half [-1.16, 0.457] mirrored), and
    ``floor(0.7 x)/0.7`` on ``[-0.6995, 5.0144]`` at tol 2.3e-7, 8.1627
    +- 1.3e-13 for 8.2460 (the half to the left summed to 0 for 0.042):
    ``bench/scans/stairscan.py`` seed 1's draws, whose bounds and tols are
    rounded here (at the rounded ones the first was -5.0420 +- 2.5e-5).
    """
    nfev = result.nfev
    start, centres, halves = a, [], []
    while True:
        centre = 0.5 * start + 0.5 * b
        centres.append(centre)
        half, odd = _summed(
            g, centre, b, tol, rule, finite_ends=(True, finite_ends[1]), x_of=x_of, seen=seen
        )
        nfev += half.nfev
        halves.append(half)
        if not (odd and half.converged):
            break
        start = centre
    if half.converged:
        # Odd on the first panel's nodes is not odd: the half to the left must
        # sum with the first right half to the value (a staircase whose nodes
        # mirror was 0 +- 4e-14). Each half of the chain that looked odd is
        # as blind, and is checked so too, from the innermost out; and the
        # half to the left is found as any interval is (`_adaptive`): its
        # nodes may mirror too.
        right = halves[-1]
        for k in range(len(halves) - 2, -1, -1):
            left = _adaptive(
                g,
                centres[k],
                centres[k + 1],
                tol,
                rule,
                finite_ends=(True, True),
                x_of=x_of,
                seen=seen,
            )
            nfev += left.nfev
            right = _checked_by(halves[k], left, right, nfev, x_of(centres[k + 1]))
        other = _adaptive(
            g, a, centres[0], tol, rule, finite_ends=(finite_ends[0], True), x_of=x_of, seen=seen
        )
        nfev += other.nfev
        return _checked_by(result, other, right, nfev, x_of(centres[0]))
    return dataclasses.replace(
        result,
        error=max(result.error, half.error),
        nfev=nfev,
        converged=False,
        message=_odd_message(result.value, [x_of(x) for x in centres], x_of(b), half.message),
    )


def _coarse_advice(rule: Rule, panel: Panel) -> str:
    """Advice for f computed in a float coarser than float64 (`rounding_unit`), or ``""``."""
    unit = rounding_unit(rule, list(panel.samples), panel.a, panel.b)
    if unit <= _EPS:
        return ""
    bits = 2 - math.frexp(unit)[1]  # unit = 2**(1 - bits)
    return (
        f"f's values all have at most {bits} significant bits (float32 has 24), so f "
        f"is a staircase with steps of up to 2**{1 - bits} of |f|: compute it in float64 "
        "(Python floats), or "
    )


def _odd_message(value: float, centres: list[float], b: float, failure: str) -> str:
    """Why an odd f's cancelled sum ``value`` is not answered (`_checked_half`).

    ``centres`` are those checked in turn and ``b`` the end, in the reader's
    x; the last half, from the last centre to ``b``, failed with ``failure``.
    """
    message = (
        f"f looks odd about x={centres[0]!r}, the interval's centre (plus a smooth even "
        f"part), so the sums over its two halves cancel, leaving {value:.6g}; but that is the "
        "integral only if the integral over each half exists"
    )
    for start, centre in itertools.pairwise(centres):
        message += (
            f", and the half from x={start!r} to x={b!r} looks odd about x={centre!r} in turn"
        )
    return (
        f"{message}; integrated on its own, the integral from x={centres[-1]!r} to x={b!r} was "
        f"not found: {failure}"
    )


def _checked_by(
    blind: IntegrationResult,
    left: IntegrationResult,
    right: IntegrationResult,
    nfev: int,
    middle: float,
) -> IntegrationResult:
    """``blind`` (a sum whose nodes looked odd) if its two halves agree with it, else their sum.

    A half not found (converged=False) checks nothing, however large the
    error that lets it agree: the sum is then the value, and not converged
    (``round(2 x)/2`` on ``[-1.6208, 2.6102]`` at tol 2.4e-11, whose half to
    the left stopped with an error of 0.037, was answered 2.11549 +- 5.6e-14
    for 2.09441; stairscan seed 3).
    """
    if left.converged and right.converged and _halves_agree(blind, left, right):
        return dataclasses.replace(blind, nfev=nfev)
    return _sum_of_halves(left, right, nfev, middle)


def _halves_agree(
    result: IntegrationResult, left: IntegrationResult, right: IntegrationResult
) -> bool:
    """Whether the two halves, each integrated on its own, sum to ``result`` within the errors."""
    miss = abs(left.value + right.value - result.value)
    return miss <= 2.0 * (left.error + right.error + result.error)


def _sum_of_halves(
    left: IntegrationResult, right: IntegrationResult, nfev: int, middle: float
) -> IntegrationResult:
    """The integral as the sum of its two halves, where they do not confirm the symmetric sum."""
    converged = left.converged and right.converged
    if converged:
        message = (
            f"f looked odd about x={middle!r}, the centre of the interval (or of a half of "
            "it checked in turn), on the first subinterval's points but is not: the integral "
            "is the sum of those over the two halves, each found on its own"
        )
    else:
        failed, failure = ("left", left) if not left.converged else ("right", right)
        message = (
            f"f looked odd about x={middle!r}, the centre of the interval (or of a half of "
            "it checked in turn), on the first subinterval's points, which only the two "
            "halves, each found on its own, can "
            f"confirm; the {failed} one was not found: {failure.message}"
        )
    return IntegrationResult(
        value=left.value + right.value,
        error=left.error + right.error,
        nfev=nfev,
        method="adaptive",
        intervals=left.intervals + right.intervals,
        converged=converged,
        message=message,
    )


class _SingularInside(Exception):  # noqa: N818 - a signal, not an error
    """A run stops: f is singular at ``point`` inside the interval (`_Extrapolated.singular_point`).

    Caught by `_summed`, which integrates the two sides on their own (`_split_at`);
    on an infinite interval by `_oriented`, which splits the reader's interval at
    ``x``, the point's x (`_split_in_x`).
    """

    def __init__(self, point: float, nfev: int, x: float, *, finite: bool) -> None:
        super().__init__(point, nfev, x)
        self.point = point
        self.nfev = nfev  # the run's evaluations, the search's included
        self.x = x
        self.finite = finite  # f finite at every float the search tried there


class _SlowEnd(NamedTuple):
    """The tails of the ends whose halvings fall as a power of log x (`_Extrapolated.slow_end`)."""

    missing: float  # the tails by the power law less the end panels' values, signed
    change: float  # the tails' errors less the end panels' own
    uncertain: float  # the tails' errors
    message: Callable[[float, float], str]  # the refusal, for (value, error)
    note: Callable[[float, float], str]  # the message of a converged result
    side: int  # the end whose tail is the least certain: 0 the start, 1 the end


class _Extrapolated:
    """One adaptive integration: the panels, the epsilon table and the flags of `_adaptive`."""

    def __init__(self, panels: _Panels, tol: float) -> None:
        self.panels = panels
        self.tol = tol
        self.initial_absolute = panels.absolute()
        value = panels.value()
        # qagse's ksgn: an integrand of one sign is tested for divergence
        # even when its integral is small.
        self.one_sign = abs(value) >= (1.0 - 50.0 * _EPS) * self.initial_absolute
        self.epsilon = _Epsilon()
        self.epsilon.add(value, panels.rounding())
        # The panels' `_Panels.count` when the table's last element was
        # taken: a panel kept before it and not bisected since has the same
        # error in that element and the next, which the table cannot see.
        self.element = panels.count
        self.best = (0.0, math.inf)  # the extrapolated value and its error
        self.looked = 0  # the evaluations `look` spent
        self.antilimit = False  # `best` is an antilimit of the sums (`_Epsilon.antilimit`)
        self.converging = False  # the sums converge to `best` (`_Epsilon.converging`)
        # The error of the panels the table does not model when `best` was found.
        self.correction = 0.0
        self.test = self.target(value)  # the tolerance the extrapolation must meet
        self.problem = ""
        # How `problem` reads for another (value, error): a refusal quotes the
        # error of the plain sum, and `finish` may return the extrapolation.
        self.restate: Callable[[float, float], str] | None = None
        # Panels at most `small` wide are the smallest level, whose sums the
        # epsilon table extrapolates; the larger ones are bisected first.
        self.small = 0.75 * max(entry.panel.b - entry.panel.a for entry in panels.entries)
        self.started = len(panels) > 1  # after exploring, the extrapolation starts at once
        self.extrapolating = False
        self.allowed = True
        self.stalled = 0
        self.charges: list[float] = []  # `_Panels.end_charge` at the last four extrapolations
        # QUADPACK's roundoff counters (iroff1, iroff2, iroff3).
        self.same_value = self.same_value_late = self.growing = 0
        # The value of the panel at each end of the whole interval, one a halving.
        self.end_values: tuple[list[float], list[float]] = ([], [])
        # The half each of those halvings split off the end (`_power_law_tail`).
        self.end_inner: tuple[list[float], list[float]] = ([], [])
        # The errors of a panel's ancestors, each of which held most of its
        # pair's error: a chain closing in on one point (`singular_point`).
        self.chains: dict[tuple[float, float], tuple[float, ...]] = {}

    def target(self, value: float) -> float:
        return _target(self.tol, value)

    def larger_tol_counts(self) -> bool:
        """Whether a larger tol would change anything: not at `TOL_CAP` (`_target`)."""
        return self.tol < TOL_CAP

    def run(self) -> IntegrationResult:
        panels = self.panels
        value, error = panels.value(), panels.error()
        index = self.settled() if error <= self.target(value) else None
        if error <= self.target(value) and index is None:
            return self.plain(panels.value(), panels.error())
        while True:
            if index is None:
                index = panels.worst()
                assert index is not None  # noqa: S101 - the list is never empty
            entry = panels.entries[index]
            self.problem = self.refusal(entry, value, error)
            if self.problem:
                self.restate = functools.partial(self.refusal, entry)
                if self.runaway_end(depth=1.0) is not None:
                    # Stopping anyway (rounding, at a panel next to the end
                    # where f grows as (1 - x)**-p): name the likelier cause.
                    self.restate = functools.partial(self.runaway, depth=1.0)
                    self.problem = self.restate(value, error)
                break
            point = self.singular_point(index)
            if panels.pole is not None:
                self.restate = self.pole_refusal
                self.problem = self.pole_refusal(value, error)
                break
            if point is not None:
                x = panels.x_of(point) if panels.x_found is None else panels.x_found
                raise _SingularInside(point, panels.nfev, x, finite=point in panels.float_tops)
            width = self.bisect(index)
            value, error = panels.value(), panels.error()
            # A slow end's tail that is known counts for its end panel, resolved
            # or not, also where the sum's own error meets the tolerance: chased
            # there instead, 1/(x log(x)**4) from 100 on the whole line at tol
            # 1e-3 was halved until floats ran out, and refused.
            if self.slow_end_met(value, error):
                return self.plain(value, error)
            if error <= self.target(value):
                # Converged, unless a panel that does not resolve f is heavy,
                # or a slow end's tail is not yet known well enough.
                index = self.settled()
                if index is None:
                    return self.plain(panels.value(), panels.error())
                value, error = panels.value(), panels.error()
                continue
            if self.stopped(value, error):
                break
            index = self.next_panel(value, error, width)
            if index is None:
                break
        return self.finish(value, error)

    def stopped(self, value: float, error: float) -> bool:
        """Whether bisecting on is no use: an end runs away, or the sums stall; the problem set."""
        if self.runaway_end() is not None:
            self.restate = self.runaway
        elif self.same_value + self.same_value_late >= 10 or self.growing >= 20:
            self.restate = self.halving_stalled
        else:
            return False
        self.problem = self.restate(value, error)
        return True

    def look(self) -> bool:
        """Sample where f was negligible finely enough to see a bump like the narrowest found.

        Nodes that all show f negligible on a panel far wider than a bump f
        has shown do not show the panel empty: another bump as narrow
        between them would be missed (0.5 N(-10, 0.3) + 0.5 N(10, 0.3) on
        the whole line was 0.49999999999999994 +- 4.4e-13: the nodes beside
        10 were 2.85 and 4.0 from it, 9.5 sd, and saw 1e-20 of its height).
        Such panels are cut into pieces whose nodes are at most `LOOK_GAP`
        widths apart (`_Panels.unexplored`), and the adaptive rule goes on;
        unless that takes more than `LOOK_BUDGET` evaluations in all, where
        they are left as they are (a bump narrower than the spacing of the
        nodes is the blind spot `integrate` documents). Returns whether it
        cut any.
        """
        panels = self.panels
        found = panels.narrowest_feature(self.tol)
        if found is None:
            return False
        width, _, extent = found
        gap = LOOK_GAP * width
        most = (LOOK_BUDGET - self.looked) // panels.rule.size
        needs = panels.unexplored(self.tol, gap, max(LOOK_REACH * extent, gap), most)
        cost = panels.rule.size * sum(len(cuts) - 1 for _, cuts in needs)
        if not needs or self.looked + cost > LOOK_BUDGET:
            return False
        self.looked += cost
        panels.divide(needs)
        return True

    def settled(self) -> int | None:
        """The panel that keeps a sum within tol from converging, or None (after `look`)."""
        panels = self.panels
        while True:
            value, error = panels.value(), panels.error()
            if error > self.target(value):
                return panels.worst()
            index = panels.unresolved(self.tol)
            if index is None:
                index = self.slow_end_panel(value, error)
            if index is None:
                index = panels.hidden_feature(self.tol)
            if index is not None or not self.look():
                return index

    def runaway_end(self, depth: float = RUNAWAY_DEPTH) -> _Entry | None:
        """The panel at an end of the interval whose value grows without end, or None.

        Its value grew at each of its last four halvings, by a model with a
        rate of 1 or more (`_grows_without_end`), it is at most ``depth`` of
        the interval wide, it holds more of ``∫|f|`` than all the other
        panels or its value stayed the same (`_unchanging`: ``1/x``, whose
        sum grows like the number of halvings), and f at the end, where it
        is finite, does not cap the growth (`_bounded_at`): the integral
        diverges at that end, as ``x**-p`` does at 0 for ``p >= 1``. Where
        the panel misses the samples
        of its ancestors, as it does for ``p`` above about 1.5, the epsilon
        table is never consulted (`_Panels.unresolved`), and the chain went on
        to panels a few ulps wide (``x**-2`` on [0, 1]: 14,093 evaluations,
        then refused for rounding).
        """
        start, end = self.panels.ends
        for values, at in zip(self.end_values, (start, end), strict=True):
            if len(values) < 5:
                continue
            for entry in self.panels.entries:
                panel = entry.panel
                if at not in (panel.a, panel.b):
                    continue
                slack = self.node_rounding(entry, at)
                if not _grows_without_end(values[-5:], slack):
                    break
                deep = panel.b - panel.a <= depth * (end - start)
                # A panel whose value stays the same adds as much at every
                # halving: the sum grows like the number of halvings (1/x),
                # while the rest of f outweighs the panel.
                rest = self.panels.absolute() - panel.absolute
                heavy = panel.absolute > rest or _unchanging(values[-5:], slack)
                if deep and heavy and not _bounded_at(entry, at):
                    return entry
        return None

    def node_rounding(self, entry: _Entry, end: float) -> float:
        """How far, relative to its size, rounding moves the value of ``entry``'s panel at ``end``.

        Its outermost node, a sliver (0.00217 of the width for K21) from
        ``end``, is rounded to an ulp of ``end``: f at it, as ``1/(1 - x)``
        at 1, moves by that ulp over the sliver, and its value by a tenth of
        that (``1/(1 - x)``: 0.08 to 0.1 times it from ``2**-7`` to
        ``2**-37`` wide); at 0 the node is exact.
        """
        panel = entry.panel
        sliver = 0.5 * (1.0 - self.panels.rule.nodes[0]) * (panel.b - panel.a)
        return _EPS * abs(end) / sliver

    def runaway(self, value: float, error: float, depth: float = RUNAWAY_DEPTH) -> str:
        """Why the run stops at an end whose panel grows without end (`runaway_end`)."""
        entry = self.runaway_end(depth)
        if entry is None:  # a restatement after the panels moved on
            return (
                f"the integral probably diverges: the sum over the subintervals ({value:.6g}, "
                f"estimated error {error:.3g}) grew without end at an end of the interval. "
                "Check that f is integrable near the ends of the interval"
            )
        panel = entry.panel
        which = 0 if panel.a == self.panels.ends[0] else 1
        side = self.panels.x_of(self.panels.ends[which])
        low, high = self.panels.x_span(panel)
        # The panel's value the same at each halving: each adds the same
        # amount (the half it splits off), as 1/x does at 0 or at infinity.
        unchanging = _unchanging(
            self.end_values[which][-5:], self.node_rounding(entry, self.panels.ends[which])
        )
        held = (
            "the same at each of its last four halvings, and each halving adds the same "
            "amount to the sum (the half it splits off)"
            if unchanging
            else "more of |f| than the rest of the interval, and it grew at each of its last "
            "four halvings, at a rate that does not die out"
        )
        sums = f"(the sum over the subintervals is {value:.6g}, estimated error {error:.3g})"
        if math.isinf(side):  # the end of an infinite interval
            span = f"({low!r}, {high!r}]" if side < 0.0 else f"[{low!r}, {high!r})"
            law = (
                f"1/|x| out to {side!r} does"
                if unchanging
                else f"|x|**p out to {side!r} does for p >= -1"
            )
            return (
                f"the integral probably diverges as x -> {side!r}: the subinterval "
                f"{span} there holds {panel.value:.6g}, {held}, as the integral of {law} "
                f"{sums}. Check that |f| falls faster than 1/|x| as x -> {side!r}; "
                "if it does from farther out only, integrate over a finite interval up to there "
                "separately"
            )
        law = f"1/|x - {side!r}| does" if unchanging else f"|x - {side!r}|**-p does for p >= 1"
        return (
            f"the integral probably diverges at x={side!r}: the subinterval "
            f"[{low!r}, {high!r}] there holds {panel.value:.6g}, {held}, as the integral of "
            f"{law} {sums}. Check that f is integrable near "
            f"x={side!r}; if it is (a pole just beyond the end or a narrow peak at it grows so "
            "until the subintervals are as small as its distance or width), integrate over a "
            "short interval at that end separately"
        )

    def halving_stalled(self, value: float, error: float) -> str:
        """Why the run stops when bisection no longer reduces the error (QUADPACK's counters)."""
        return (
            f"rounding error limits the accuracy to about {error:.3g}, above the "
            f"tolerance {self.target(value):.3g} (halving the subintervals no "
            "longer reduces the error estimate); pass a larger tol"
        )

    def stalled_extrapolation(self, value: float, error: float) -> str:
        """Why the run stops when the extrapolation stalls (`extrapolate`).

        That is, six extrapolations in a row since the best (the last not yet
        compared with it) have not replaced it, and it is more than 1,000
        times better, relative to its tolerance, than the panels' sum; unless
        the last, once compared, replaces it and meets the tolerance
        (`extrapolate`).
        """
        return (
            f"the extrapolation stopped improving, with an estimated error of {error:.3g}, "
            f"above the tolerance {self.target(value):.3g}; rounding or an integrand too "
            "irregular to extrapolate. Split the interval at its troublesome points or pass "
            "a larger tol"
        )

    def pole_refusal(self, _value: float, error: float) -> str:
        """Why the run stops at a point where f grows as ``|x - c|**-p``, p about 1 or more."""
        x, p = self.panels.pole or (math.nan, math.nan)
        return (
            f"the integral probably diverges at x={x!r}: f grows towards it as "
            f"|x - c|**-{p:.3f}, c within an ulp of x (read from f at 1,024 to 8,192 ulps "
            "either side), and |x - c|**-p is not integrable for p >= 1 (estimated error "
            f"{error:.3g} so far; a peak there narrower than that reads so too). Check that "
            "f is integrable there; if it is, split the interval at that point"
        )

    def extrapolation_rounding(self, value: float, error: float) -> str:
        """Why the run stops when rounding stalls the extrapolation (qagse's iroff2)."""
        return (
            f"rounding error in the extrapolation limits the accuracy to about "
            f"{error:.3g}, above the tolerance {self.target(value):.3g}; pass a larger tol"
        )

    def refusal(self, entry: _Entry, value: float, error: float) -> str:
        """Why ``entry`` cannot usefully be bisected, or ``""``."""
        target = self.target(value)
        tolerance = (
            f"above the tolerance {target:.3g}"
            if error > target
            else f"within the tolerance {target:.3g}, but subintervals that do not "
            "resolve f remain, so that estimate cannot be trusted"
        )
        if len(self.panels) >= MAX_INTERVALS:
            return (
                f"the adaptive rule reached {MAX_INTERVALS} subintervals with an estimated "
                f"error of {error:.3g}, {tolerance}; the integrand may be oscillatory, "
                "discontinuous or not integrable. Split the interval at its troublesome "
                f"points, {'pass a larger tol, ' if self.larger_tol_counts() else ''}or pass "
                "full_output=True to get the best estimate with its error"
            )
        # Next to a singular point split off (`_split_at`), floats as fine as t's.
        a, b = (_untranslated(self.panels.x_of, end) for end in (entry.panel.a, entry.panel.b))
        if collapsed(self.panels.rule, a, b):
            low, high = self.panels.x_span(entry.panel)
            mapped = (
                "" if _base_map(self.panels.x_of) is _same else " (in the variable t of the map)"
            )
            return (
                f"the subinterval [{low!r}, {high!r}] is about one ulp wide{mapped}: the "
                "rule's points round to one or two floats there, so how f varies across it "
                "cannot be sampled, whatever tol; integrate over a wider interval, or take "
                "f times the width if f is smooth at that scale"
            )
        if entry.rounding_limited:
            return (
                f"rounding error limits the accuracy to about {error:.3g}, {tolerance}; "
                f"{_coarse_advice(self.panels.rule, entry.panel)}pass a larger tol"
            )
        if _too_narrow(entry.panel._replace(a=a, b=b)):
            middle = self.panels.x_of(0.5 * entry.panel.a + 0.5 * entry.panel.b)
            return (
                "the integrand needs subintervals narrower than floating point resolves "
                f"near x={middle!r} (estimated error {error:.3g}, {tolerance}); "
                "it may be singular or not integrable there. Split the interval at that "
                "point or pass a larger tol"
            )
        return ""

    def bisect(self, index: int) -> float:
        """Bisect the panel at ``index``, counting QUADPACK's signs of rounding; return its width.

        The counts follow qagse: both halves resolved, their sum within 1e-5
        of the parent's estimate and their error no smaller, or (after ten
        panels) an error that grew.
        """
        width = self.panels.panel(index).b - self.panels.panel(index).a
        if self.panels.cut_at_jump(index):
            return width
        parent, left, right = self.panels.split(index)
        self.follow_chain(parent, left, right)
        start, end = self.panels.ends
        if parent.panel.a == start:
            self.end_values[0].append(left.value)
            self.end_inner[0].append(right.value)
        if parent.panel.b == end:
            self.end_values[1].append(right.value)
            self.end_inner[1].append(left.value)
        pair_value, pair_error = left.value + right.value, left.error + right.error
        if not (left.unresolved or right.unresolved):
            # Halving changed nothing, yet the error did not shrink (or grew).
            if (
                abs(parent.panel.value - pair_value) <= 1e-5 * abs(pair_value)
                and pair_error >= 0.99 * parent.error
            ):
                if self.extrapolating:
                    self.same_value_late += 1
                else:
                    self.same_value += 1
            if len(self.panels) > 10 and pair_error > parent.error:
                self.growing += 1
        return parent.panel.b - parent.panel.a

    def follow_chain(self, parent: _Entry, left: Panel, right: Panel) -> None:
        """Extend the chain of ``parent`` (`chains`) to the half that holds most of their error.

        A singular point keeps most of the error in the half that holds it,
        halving after halving; a panel in the way of f varying
        everywhere (an oscillation) shares it with its sibling.
        """
        chain = (*self.chains.pop((parent.panel.a, parent.panel.b), ()), parent.error)
        both = left.error + right.error
        for half in (left, right):
            held = both > 0.0 and half.error >= CHAIN_SHARE * both
            self.chains[(half.a, half.b)] = chain if held else ()

    def singular_point(self, index: int) -> float | None:
        """A point in the panel at ``index`` where f is singular, to split the interval at; or None.

        Bisection closes in on a singularity inside the interval, such as
        ``|x - 0.3|**-0.5``, one rule a halving, with an error that falls
        by only ``2**-0.5`` a halving, and the epsilon extrapolation is
        trusted only towards an end (`_Panels.anchored`): the run went on
        until the panels were too narrow for floats, and was refused (1,913
        evaluations). Once the panel is the last of a chain of
        `SINGULAR_CHAIN` nested panels (`follow_chain`), touching neither end,
        whose error fell by at most `SINGULAR_FALL` a halving, f is searched
        there for a point where it fails or is infinite, or the float it
        closes in on where f is finite at every float there
        (`_Panels.singular_point`); found, it becomes an end of two
        integrals (`_split_at`), whose end machinery handles it as it
        handles ``x**-0.5`` at 0. Not found (a narrow peak, whose error
        falls so while the panels are wider than it), the chain starts
        again.
        """
        panels = self.panels
        entry = panels.entries[index]
        panel = entry.panel
        if panel.a in panels.ends or panel.b in panels.ends:
            return None
        key = (panel.a, panel.b)
        chain = (*self.chains.get(key, ()), entry.error)
        if len(chain) < SINGULAR_CHAIN:
            return None
        if chain[-1] < chain[-SINGULAR_CHAIN] * SINGULAR_FALL ** (SINGULAR_CHAIN - 1):
            return None
        self.chains[key] = ()
        if any(panel.a <= top <= panel.b for top in panels.tops):
            return None  # searched already: a finite top there
        return panels.singular_point(entry)

    def next_panel(self, value: float, error: float, width: float) -> int | None:
        """The panel to bisect next, extrapolating first if it is time; None to stop.

        While the worst panel is wider than `small`, it is bisected (qag).
        Once the worst is among the smallest, the larger panels (and smaller
        ones kept before the table's last element) are bisected until their
        error is below the tolerance; then the sum is a new
        element of the epsilon table, and `small` is halved.
        """
        panels = self.panels
        worst = panels.worst()
        assert worst is not None  # noqa: S101 - the list is never empty
        if not self.started:
            self.started = True
            self.small = 0.375 * width
            self.epsilon.add(value, panels.rounding())
            self.element = panels.count
            self.test = self.target(value)
            return worst
        if not self.allowed:
            return worst
        if not self.extrapolating:
            if panels.panel(worst).b - panels.panel(worst).a > self.small:
                return worst
            self.extrapolating = True
        # The table models the sums of the panels at the smallest level that
        # the last bisections made (the chain closing in on a singular end),
        # not the error of a panel that stays the same in its elements: a
        # larger one (qagse's erlarg), or a small one kept before the last
        # element (a chase at the other end that went below the level), nor
        # that of a chasing one, which is its weight (`_Panels._beyond`). It
        # adds to the extrapolation's, and such panels are bisected first.
        # (x**0.265 log(x)**2 + (1 - x)**0.517 on [0, 1] at tol 2.5e-6: a
        # chase at 0, whose samples' top coefficients do not fall
        # (`calcweb._gauss_kronrod.aliased`), left [0, 4.8e-7] with its
        # weight, 2.36e-6, as its error, far below the level (0.0117); the
        # chain at 1 was then extrapolated with 6.3e-15, plus 1.7e-14 for
        # the larger panels, that panel counted nowhere: 1.647199135749231
        # +- 2.4e-14, 3.5e3 times too small.)
        large_error = panels.error(wider_than=self.small, since=self.element)
        if self.same_value_late < 5:
            # The larger panels are bisected first (qagse's erlarg), and so
            # is a panel that blocks convergence (`_Panels.unresolved`) at
            # any width: the table models the chain's sums, not a feature
            # its nodes miss, and a value that meets the tolerance is only
            # accepted once no such panel is left. Left to the chain's turn,
            # the chase after a kink's miss next to x**p's end had six
            # extrapolations in a row fail to improve on the best, which was
            # then refused although right (x**0.0856 + 2.03e-5 |x - 0.000763|
            # on [0, 1] at tol 2.1e-11, integrate-ends-singular seed 1).
            first = (
                panels.worst(wider_than=self.small, since=self.element)
                if large_error > self.test
                else None
            )
            if first is None:
                first = panels.unresolved(self.tol, self.small)
            if first is not None:
                return first
        if self.extrapolate(value, error, large_error):
            return None if self.problem else self.end_panel_before_taking(value, error)
        self.allowed = not self.epsilon.irregular
        self.extrapolating = False
        self.small *= 0.5
        return worst

    def end_panel_before_taking(self, value: float, error: float) -> int | None:
        """The end panel to halve before a limit of the table that meets tol is taken, or None.

        The table models geometric falls: at an end that falls as a power of
        log x its limit is not used (`extrapolated`), and the halvings go on
        until the tail is known (`slow_end_panel`). Where the halvings at the
        chain's end at infinity still rise or turned to fall lately
        (`turning_end_panel`), the limit is not the best either (nor are the
        extrapolations since it counted as a stall): the halvings go on, and a
        later limit must meet the tolerance on its own, held again while the
        halves still rise or turn (the table keeps its elements from before
        the turn).
        """
        index = self.slow_end_panel(value, error)
        if index is None:
            index = self.turning_end_panel()
            if index is not None:
                self.best, self.stalled = (0.0, math.inf), 0
        return index

    def extrapolate(self, value: float, error: float, large_error: float) -> bool:
        """Add ``value`` to the epsilon table; return whether to stop (success or stall)."""
        estimate, spread = self.epsilon.add(value, self.panels.rounding())
        self.element = self.panels.count
        # The table models the smallest panels' sums as they fall, not a kink
        # or a ramp in the sliver at an end (`_Panels._unmodelled`). Each of
        # its last four elements (the window of `_Epsilon._slowness`) keeps
        # the offset such a feature held while in the sliver then: a kink
        # just outside the last chain panel's sliver is inside the earlier
        # ones' (x**0.596 + 0.0432 max(0, 7.8e-5 - x) on [0, 1] at tol 2.1e-7:
        # the last charge alone left it 3.99 times too small).
        self.charges = [*self.charges[-3:], self.panels.end_charge(self.small)]
        spread += max(self.charges)
        self.stalled += 1
        # Spreads are compared as fractions of their own tolerance: while the
        # mass is still being found (exp on a huge interval) the sums grow by
        # orders of magnitude, and an absolute spread of the early, tiny sums
        # says nothing.
        best_ratio = self.best[1] / self.target(self.best[0])
        if self.stalled > 5 and best_ratio < 1e-3 * error / self.target(value):
            self.restate = self.stalled_extrapolation
            self.problem = self.stalled_extrapolation(*self.best)
        chain = self.panels.worst()
        assert chain is not None  # noqa: S101 - the list is never empty
        if spread / self.target(estimate) < best_ratio and self.panels.anchored(chain):
            self.stalled = 0
            self.best = (estimate, spread)
            self.antilimit = self.epsilon.antilimit
            self.converging = self.epsilon.converging
            self.correction = large_error
            self.test = self.target(estimate)
            if (
                spread + large_error <= self.test
                and self.panels.unresolved(self.tol, self.small) is None
            ):
                # A stall found above, before this element was compared
                # with the best, is none: it replaced the best and meets
                # the tolerance.
                self.problem, self.restate = "", None
                return True
        return bool(self.problem)

    def slow_end(self) -> _SlowEnd | None:
        """What the sum misses at the ends whose halvings fall as a power law, or None.

        The end panel's value is its rule's, which for ``1/(x log(x)**p)``
        out to infinity is a fixed share of what its next half holds, while
        its content is ``n/(p - 1)`` times that (`_power_law_tail`): the
        Gauss-Kronrod error within the panel cannot see it (``p = 1.1`` on
        ``[2, inf)`` at tol 1e-2: 4.6966 +- 0.047 for 10.3733, converged).
        At each such end the panel's content by the power law replaces its
        value, and the tail's error its Gauss-Kronrod error; the message
        names the end whose tail is the least certain.
        """
        missing = change = uncertain = 0.0
        worst: tuple[float, int, float, float] | None = None
        start, end = self.panels.ends
        for side, inner in enumerate(self.end_inner):
            fit = _power_law_tail(inner)
            if fit is None:
                continue
            tail, p, tail_error = fit
            missing += math.copysign(tail, inner[-1]) - self.end_values[side][-1]
            own = [
                entry.error
                for entry in self.panels.entries
                if (entry.panel.a == start if side == 0 else entry.panel.b == end)
            ]
            change += tail_error - _sum(own)
            uncertain += tail_error
            if worst is None or tail_error > worst[3]:
                worst = (tail, side, p, tail_error)
        if worst is None:
            return None
        tail, side, p, tail_error = worst
        at = self.panels.x_of(self.panels.ends[side])
        ratio = self.end_inner[side][-1] / self.end_inner[side][-2]

        def message(value: float, error: float) -> str:
            known = (
                f"known to {tail_error:.3g} (from the same fit a quarter and half as many "
                "halvings back, or all of it where those do not fit)"
                if tail_error < math.inf
                else "which the same fit a quarter and half as many halvings back does not "
                "bound (the fits do not converge as they do for a power of log x)"
            )
            share = (
                f"closer to x={at!r} than f was sampled lie about {tail:.3g} (much of it "
                f"perhaps beyond the floats), {known}; the value counts that estimate in "
                "place of what the rule computes on the end subinterval, and the error its "
                "uncertainty in place of that subinterval's error"
                if tail < math.inf
                else "for p <= 1 the integral diverges, and for p a little above 1 what lies "
                f"closer to x={at!r} than f was sampled cannot be bounded"
            )
            # `error` is the value's: the tail's error in place of the end subinterval's.
            sums = (
                f"the sum over the subintervals is {value:.6g}, and {value + missing:.6g} "
                f"with that estimate, estimated error {error:.3g}"
                if math.isfinite(missing)
                else f"the sum over the subintervals is {value:.6g}, estimated error {error:.3g}"
            )
            return (
                f"the integral converges too slowly at x={at!r} to be computed: the "
                f"subintervals split off that end shrink by a factor of only {ratio:.6g} "
                f"a halving, as for 1/(x |log x|**p) with p about {p:.3g}, whose part near "
                f"the end falls only as a power of log x; {share} ({sums}). Integrate up to a "
                f"{'finite point' if math.isinf(at) else f'point near x={at!r}'} and add the "
                "rest in closed form (with u = log x, the "
                "tail of 1/(x log(x)**p) is u**(1 - p)/(p - 1))"
                # No tol meets an infinite error (a tail that cannot be bounded: `plain`).
                + (
                    ", or pass a larger tol"
                    if math.isfinite(error) and self.larger_tol_counts()
                    else ""
                )
            )

        def note(value: float, error: float) -> str:
            return (
                f"the estimated error {error:.3g} meets the tolerance {self.target(value):.3g}, "
                f"counting the part closer to x={at!r} than f was sampled, {tail:.6g} +- "
                f"{tail_error:.3g} by the power of log x (p about {p:.3g}) that the "
                "subintervals split off there fall by"
            )

        return _SlowEnd(missing, change, uncertain, message, note, side)

    def slow_end_met(self, value: float, error: float) -> bool:
        """Whether a slow end's tail (`slow_end`) is known well enough to stop bisecting.

        The other panels' errors and the tails' meet the tolerance, and no
        panel but those at the ends blocks convergence (`_Panels.unresolved`):
        the end panels' values are replaced by the tails.
        """
        slow = self.slow_end()
        if slow is None or not math.isfinite(slow.missing):
            return False
        if error + slow.change > self.target(value + slow.missing):
            return False
        index = self.panels.unresolved(self.tol)
        if index is None:
            return True
        panel = self.panels.panel(index)
        return panel.a in self.panels.ends or panel.b in self.panels.ends

    def slow_end_panel(self, value: float, error: float) -> int | None:
        """The panel at a slow end (`slow_end`) whose tail is not yet known well enough, or None.

        Its Gauss-Kronrod error may meet the tolerance long before the fit of
        the tail does (the values ``n/2`` halvings back must fall as a power
        law too): more halvings there make the tail known better (its error
        falls as ``1/n**2``), where stopping would refuse a right answer
        (``1/(x log(x)**2)`` on ``[e, inf)`` at tol 1e-2: stopped after 706
        evaluations with the whole tail, 0.063, as its error). None for a
        tail that cannot be bounded (``p <= 1``), which is refused as it is.
        """
        slow = self.slow_end()
        if slow is None or not math.isfinite(slow.missing):
            return None
        if error + slow.change <= self.target(value + slow.missing):
            return None
        end = self.panels.ends[slow.side]
        for index, entry in enumerate(self.panels.entries):
            if end in (entry.panel.a, entry.panel.b):
                return index
        return None

    def turning_end_panel(self) -> int | None:
        """The chain's panel at x at infinity whose halvings rise or turned to fall lately, or None.

        A panel at the table's level (`small`) or below is the chain's, and
        its end is x at infinity (`finite_ends`); `_turning` says when its
        halves turned. A limit of the table that meets the tolerance within
        `SLOW_END_HALVINGS` halvings of the turn is not taken
        (`end_panel_before_taking`): the fall's law, geometric as the table
        models or a power of log x as `slow_end` would fit, is not yet
        known, and the table may be extrapolating the turn. There the halves
        cover ``[a - 1 + 1/h, a - 1 + 2/h]``, less than a doubling of x until
        ``1/h`` outgrows ``a``: they rise at first whatever f's tail, and
        turn where that tail has not yet shown its law.
        ``1/(x log(x) log(log(x))**5)`` on ``[20, inf)`` at tol 1e-2: halves
        rising by 1.65, 1.43, 1.17, then falling by 0.94, 0.78, 0.70 when
        the table met the tolerance, 0.170475 +- 4.1e-4 for 0.172510 (226
        evaluations); they fall by 0.668 two halvings later, then creep up
        to 1, and the table's limits move on (0.170728 +- 6.3e-3 after 286).
        At a finite end a turn is f's own and common (``log x`` on [0, 1],
        whose halves peak at ``1/e``), which the table models (``(a + b n)
        q**n``): held there too, the usual end singularities cost 14% to 72%
        more (``log x`` on [0, 1]: 233 evaluations -> 317). Halves that
        still rise are left to the table and the tests for divergence there,
        as before (``x**-p``, ``p > 1``, rises at every halving).

        At x at infinity halves that still rise (`_rising`) are held too: they
        have not reached f's tail. On the whole line, ``x = t/(1 - t**2)``,
        the halves cover ``[1/(4h), 1/(2h)]``, measured from 0 rather than
        from the end of the interval, and reach a tail that starts at
        ``|x| ~ 20`` two or three halvings later than the half-line's: for
        ``h(|x - 3| + 20)``, ``h`` as above, over the line at tol 1e-2 the
        table met the tolerance while both ends' halves rose (by 1.27 and
        1.10): 0.336505 +- 2.6e-3 for 0.345020 (525 evaluations); held,
        0.342841 +- 9.7e-3 (1,197). So are halves whose fall slows faster than
        any law the table or `slow_end` models (`_slower_than_log_powers`;
        with it, that case is 0.343958 +- 9.8e-3 after 1,869).
        """
        for side, inner in enumerate(self.end_inner):
            end = self.panels.ends[side]
            unknown_law = _turning(inner) or _rising(inner) or _slower_than_log_powers(inner)
            if self.panels.finite_ends[side] or not unknown_law:
                continue
            for index, entry in enumerate(self.panels.entries):
                panel = entry.panel
                if end in (panel.a, panel.b) and panel.b - panel.a <= self.small:
                    return index
        return None

    def plain(self, value: float, error: float) -> IntegrationResult:
        """The sum over the panels, with the sum of their errors (and a slow end's tail)."""
        slow = self.slow_end()
        missing = 0.0
        note: Callable[[float, float], str] | None = None
        if slow is not None:
            missing = slow.missing
            error = error + slow.change if math.isfinite(missing) else error + abs(missing)
            note = slow.note
            # The slow end's refusal, also where most of the error is its tail's (at
            # the subinterval cap, the integrand is not then "oscillatory" or the like).
            dominant = 2.0 * slow.uncertain >= error
            # A tail that cannot be bounded (p <= 1) meets no tolerance: the
            # target of an infinite value is infinite too.
            unbounded = not math.isfinite(missing)
            if (unbounded or error > self.target(value + missing)) and (
                not self.problem or dominant
            ):
                self.problem = slow.message(value, error)
                self.restate = None
        noise = self.panels.resampled_noise(error, self.target(value))
        if noise > 0.0:
            error += noise
            if not self.problem and error > self.target(value):
                self.problem = (
                    f"rounding error limits the accuracy to about {error:.3g}, above the "
                    f"tolerance {self.target(value):.3g}; pass a larger tol"
                )
        if self.restate is not None:
            self.problem = self.restate(value, error)
        if not self.problem:
            self.problem = self.panels.rounding_staircase()
        if math.isfinite(missing):
            value += missing
        if self.problem:
            message = self.problem
        elif note is not None:
            message = note(value, error)
        else:
            message = (
                f"the estimated error {error:.3g} meets the tolerance {self.target(value):.3g}"
            )
        return IntegrationResult(
            # The part the end panel misses, by the power law, with its uncertainty in the error.
            value=value,
            error=error,
            nfev=self.panels.nfev,
            method="adaptive",
            intervals=len(self.panels),
            converged=not self.problem,
            message=message,
        )

    def finish(self, value: float, error: float) -> IntegrationResult:
        """Choose between the plain sum and the extrapolation, as qagse does at its end.

        qagse's test for divergence (the sum and the extrapolation more than a
        factor 100 apart, or the sum's error above the sum) is kept for an
        integrand of one sign; where f changes sign, the error is measured
        against the integral of |f| the panels estimate, and the ratio counts
        only when the extrapolation lies outside the sum's error: an
        integral that cancels (``log(x)/sqrt(x)`` on ``[0, e**2]``, 0) is
        not a divergent one. An extrapolation the sums recede from, or
        approach with steps that do not die out (`_Epsilon.antilimit`), is a
        divergent integral's finite part, however small the sums are next to
        the integral of |f|. Sums whose steps, by the table's model, die out
        and sum to the extrapolation (`_Epsilon.converging`) converge, however
        far the sum still is from it: the test is skipped.
        """
        estimate, spread = self.best
        if spread == math.inf:
            return self.plain(value, error)
        # The extrapolation models the smallest panels the last bisections
        # made only: the error of the others (larger, or kept before its
        # last element), frozen in every element of the sequence, adds to it.
        spread += self.correction
        if self.problem or self.same_value_late >= 5:
            if not self.problem:
                self.restate = self.extrapolation_rounding
                self.problem = self.extrapolation_rounding(estimate, spread)
            if estimate != 0.0 and value != 0.0:
                if spread / abs(estimate) > error / abs(value):
                    return self.plain(value, error)
            elif spread > error:
                return self.plain(value, error)
            elif value == 0.0:
                return self.extrapolated(estimate, spread)
        small = max(abs(estimate), abs(value)) <= 0.01 * self.initial_absolute
        # Without the floors for finite smoothness (see `_Panels._keep`).
        plain_error = error - (self.panels.error() - self.panels.divergence_error())
        disagree = value == 0.0 or not 0.01 <= estimate / value <= 100.0
        if not self.one_sign:
            # Where f changes sign, the sum and the extrapolation may both be
            # what is left of a cancellation, whose ratio means nothing: they
            # disagree only if the extrapolation is outside the sum's error.
            disagree = disagree and abs(estimate - value) > plain_error
        # An error above the sum says the panel at a singular end holds as
        # much as all of f (its error does not fall as it shrinks). The size
        # of f is the integral of |f|, which the panels estimate: it is the
        # sum's size where f has one sign and, in a divergence, where the
        # singular panel outweighs the rest; a sum that cancels is smaller.
        # Sums that recede from the extrapolation, or whose steps do not die
        # out (`_Epsilon.antilimit`), diverge, whatever their size; sums whose
        # steps die out towards it (`_Epsilon.converging`) converge, slowly.
        if self.antilimit or (
            (self.one_sign or not small)
            and (disagree or plain_error > self.panels.absolute())
            and not self.converging
        ):
            self.problem = (
                f"the integral probably diverges: the sums over the subintervals "
                f"({value:.6g}, estimated error {error:.3g}) and their extrapolation "
                f"({estimate:.6g}) disagree. Check that f is integrable on the interval; if "
                "it is, split the interval at its singular points"
                + (" or pass a larger tol" if self.larger_tol_counts() else "")
            )
            spread = max(spread, error, abs(estimate - value))
        return self.extrapolated(estimate, spread)

    def extrapolated(self, estimate: float, spread: float) -> IntegrationResult:
        if self.slow_end() is not None:
            # The epsilon table extrapolates geometric falls, not a power of n.
            return self.plain(self.panels.value(), self.panels.error())
        if self.restate is not None:
            self.problem = self.restate(estimate, spread)
        message = self.problem or (
            f"the extrapolated estimate's error {spread:.3g} meets the tolerance "
            f"{self.target(estimate):.3g}"
        )
        return IntegrationResult(
            value=_finite(estimate, "integral"),
            error=_finite(spread, "error estimate"),
            nfev=self.panels.nfev,
            method="adaptive",
            intervals=len(self.panels),
            converged=not self.problem,
            message=message,
        )


@checking_arguments_hinting(_QUAD_NAMES, EXTRA_ARGUMENTS)
def integrate(
    f: Function,
    a: float,
    b: float,
    *,
    method: Literal["adaptive", "simpson", "trapezoid"] = "adaptive",
    n: int | None = None,
    tol: float = 1e-10,
    full_output: bool = False,
) -> float | IntegrationResult:
    r"""The definite integral $\int_a^b f(x)\,dx$.

    ``method="adaptive"`` (the default) applies the 21-point Gauss-Kronrod rule
    (15-point on a half-line, as QUADPACK does), bisects the subinterval
    with the largest estimated error and extrapolates the sums with Wynn's
    epsilon algorithm, as QUADPACK's ``qags`` (``scipy.integrate.quad``)
    does, until the estimated error is at most ``tol * max(1, |value|)``
    (``tol`` is both an absolute and a relative tolerance, like ``quad``
    with ``epsabs = epsrel = tol``; a ``tol`` above 0.5 counts as 0.5: one
    of 1 or more asks for no digit, and met by the first bisections at a
    slow end, before their halvings showed whether it converges, it let
    divergent integrals through, ``x**-0.945`` on ``[0.19, inf)`` at
    ``tol=2``: 30.7 ``+-`` 58.9). Infinite limits are mapped onto a
    finite interval. No node is an endpoint, so integrable singularities at
    the ends ($x^{-0.9}$, $\log x$ on ``[0, 1]``) work, and the
    extrapolation makes them cost about what they cost ``quad``: a few
    hundred evaluations. A singularity inside the interval is not
    extrapolated towards (that is not reliable at an arbitrary point): once
    bisection closes in on one point with an error that falls no faster than
    a singularity's, ``f`` is searched there for the float where it fails or
    is infinite (``|x - 0.3|**-0.5`` fails at 0.3), and the integral is the
    sum of those over its two sides, each with an end singularity:
    ``|x - 0.3|**-0.5`` on ``[0, 1]`` costs 806 evaluations (``quad``: 399;
    bisection alone stopped after 1,913, unconverged). On a finite interval
    each side is integrated in ``u = x - c``, ``f`` interpolated between the two floats
    around ``c + u`` within ``|c|/64`` of ``c``, and farther where rounding
    ``x`` to a float could move a sample of ``|x - c|**-p`` by more than a
    thousandth of ``tol``, relative (for a ``tol`` below 1.4e-11; out to
    ``|c|/2`` from 4.4e-13 down):
    ``|x - 0.1228|**-0.846 cos x`` on ``[0, 1]`` at ``tol`` 1e-10 was
    refused (6.2e-9 on the left side for a true error of 1.8e-10) and is
    answered in 1,285 evaluations. Where ``f`` is finite at every float
    near the point (``|x*x - 0.5|**-0.5`` on ``[0, 1]``,
    whose zero is no float, or ``f`` given a finite value there), the
    interval is split at the float the search closed in on all the same
    where ``|f|`` grows towards it no faster than ``|x - c|**-0.99``, each
    side's end taken as singular: the two sides sum to the integral
    wherever between the floats the point lies (``|x*x - 0.5|**-0.5``: 1,125
    evaluations, error 1.4e-10, true error 5e-13; refused before, error
    2.5e-6 after 1,985). Where ``f`` grows towards it as ``|x - c|**-1``
    or faster (read from ``f``'s differences at four distances, which a
    smooth term added to ``f`` does not move), the integral is refused as
    diverging there: ``tan(pi x)`` on ``[0, 1]`` after 482 evaluations
    (3,387 before, bisected until floats ran out). On an
    infinite interval the search runs in the variable of the map, whose
    floats need not map onto the float where ``f`` fails; ``f`` is then
    tried at the floats of ``x`` next to the point found (and, where none
    fails, at ``f``'s top between the images of the neighbouring floats of
    the map's variable, which near 0 lie many floats of ``x`` apart), and the
    interval is split in ``x``, each side integrated in ``u = x - c`` out to
    ``1 + |c|`` from ``c`` and mapped beyond: ``|x - 1.3|**-0.5 exp(-x)`` on
    ``[0, inf)``, refused before, costs 1,484 evaluations, ``|x -
    0.77|**-0.85 exp(-x*x)`` at ``tol`` 1e-10 1,406. A jump
    that two neighbouring points of the rule show (``f`` differing across
    them far more than beside them) is located by bisecting ``f`` itself,
    one evaluation a halving, to neighbouring floats (halved in the floats'
    order once the bracket closes in on 0: a step at 0 on ``[-1, 2]``
    costs 132 evaluations, 1,137 halved in value), and the subintervals
    are cut there, so each side is integrated as the smooth piece it is:
    ``floor(x)`` on ``[0, 100]`` costs 9,050 evaluations, about 90 a jump
    (bisecting towards each jump by whole subintervals, it stopped at 500 of
    them, 20,981, unconverged); ``sign(sin x)`` on ``[0, 20]``: 633 (1,635
    halved in value: its 0 at 0 is a jump there), where
    ``quad`` at the same tolerance (``limit=500``) takes 9,093 without
    ``points=`` and 147 with
    them. A value at one float moves no integral, and is left out where
    the samples around it show it is one: at a jump, a value neither side
    takes (``sign(x - 0.3)`` with 0 at 0.3: 116 evaluations) that a side
    misses while predicting ``f`` at the float beyond; at a node of the
    rule (``x**2`` with 9 at the node 0.5: 66), one that a subinterval
    resolving ``f`` misses by more than its own samples vary, while
    predicting ``f`` at the float beside it. ``f`` is also evaluated once at each
    finite end, only to check the subintervals next to it (a kink between the
    end and the nearest node, ``abs(x - 0.001)`` on ``[0, 1]``, leaves ``f`` a
    polynomial at every node): an exception or a value that is not finite
    there is ignored; so is a value there that the subintervals next to it
    miss, halving after halving, while predicting ``f`` at the float inside,
    sampled once (``sin(x)/sqrt(x) if x else 1.0`` on ``[0, 1]``: 486
    evaluations). Unlike ``quad``, the error of an
    extrapolated value counts the error of every subinterval the
    extrapolation does not model (the larger ones, as in ``quad``, but also
    smaller ones not bisected since its last sum, such as those a chase
    after a feature at the other end left), how slowly the sums converge, how much the
    extrapolation amplifies their rounding, and the part of that check at
    the end that falls more slowly than the sums (a kink or a ramp between
    a singular end and the nearest node, which the sums carry as a constant:
    ``x**0.6920752801312603 + 0.851 max(0, 1.085e-4 - x)`` on ``[0, 1]`` was
    6e5 times too small at ``tol`` 1.4e-12; with ``x**0.692`` it was not),
    and the extrapolation is only
    trusted from a subinterval at an end whose samples are monotone and
    from sums that approach its value: with an exponent near -1
    ($x^{-0.98}$, or such exponents at both ends) the sums barely move as
    the subintervals shrink, and a ``tol`` they cannot certify is refused
    rather than met with too small an error. On 6,000 random end
    singularities (``python -m bench.honesty integrate-singular``, seeds 1
    to 6, ``tol`` 1e-12 to 1e-4) calcweb claims success with a true error
    above twice ``error`` on none (25 at 5d0c3b0; ``quad`` on 49), and
    refuses 726 (727 before the samples of a search for a jump that found
    none were held; 726 before a chase after detail finer than the nodes was
    kept out of an end where ``f`` is not finite, which refuses one right
    answer; 734 before an extrapolation that replaced the best and
    met the tolerance in the call that declared a stall was answered; 806
    before sums converging slowly, far from their
    extrapolation, were no longer taken for divergent ones; 812 before an
    integral that cancels, ``x**a log(x)``
    on ``[0, L]``, was no longer taken for a divergent one; 823 before a
    subinterval that blocks convergence was bisected ahead of the next
    extrapolation; 642 at 5d0c3b0; ``quad``
    warns on 512).

    On top of QUADPACK's tests, a subinterval whose nodes do not resolve
    ``f`` (mass crowded between them, as for ``exp`` on ``[-210342, 290]``
    or a narrow peak) is bisected even when its error is below the absolute
    tolerance, each error estimate is checked against its parent's, each half
    of a bisected subinterval must reproduce by interpolation what its parent
    and every earlier ancestor sampled inside it (a narrow peak on a background that
    one node saw and the halves' nodes straddle), and a
    subinterval where ``f``'s Legendre coefficients fall like a power of the
    degree (a kink such as ``|x - c|**p``) is not trusted as if they fell
    geometrically, so that ``converged=True`` with a true error above twice
    ``error`` is rare: none in 18,000 random kinks ``|x - c|**p`` on
    ``[0, 1]`` with ``0.05 < p < 3`` at ``tol`` 1e-4 to 1e-10 (``python -m
    bench.honesty integrate-kinks``, seeds 1 to 9), nor in 10,000 with
    ``3 < p < 6`` (``integrate-kinks-high``, seeds 1 to 5: 15 before the
    first subinterval, which no bisection has checked, was held to what its
    highest Legendre coefficients show). Of 3,000 random draws of one or
    two peaks, half of them on a background (``integrate-peaks``, seeds 1
    to 3, ``tol`` 1e-12 to 1e-4), none whose every peak some sample saw is
    answered so (1 before the samples of a search for a jump that found none
    were held as an ancestor's are: a sech^2 peak of width 0.0046 beside a
    Lorentzian and ``cos x`` on [0, 20.1], whose area, 0.0093, was missing
    though such a sample saw 0.45 of its height; 1 before each half was held
    to all its ancestors' samples,
    a peak whose only witness saw 0.0017 of its height; 2 before the first
    subinterval was held to its highest coefficients; 8 at 5d0c3b0, most of
    them next to an end of the interval, where the extrapolation took the
    peak for an end singularity). It can happen where ``f`` has a feature
    narrower than the spacing of the points sampled (460 of those 3,000
    draws; 490 before a point where ``f``, negligible, stands above both
    neighbours was followed, a peak an end cuts looked around and a
    subinterval heavy with a peak's tail cut where its points, far apart,
    see ``f`` negligible; 496 before the parts where ``f`` is negligible were sampled
    finely enough to see a second peak as wide as one found; 497 before
    a bisected subinterval whose samples mirror was held to the fall of its
    odd coefficients; 515 before a subinterval in a chase
    that misses an ancestor's
    sample above its polynomial, or whose samples bulge above their chord,
    was held unresolved; 516 before a subinterval's highest Legendre coefficients were
    compared with those of degrees 10-11 rather than 9-11; 528 before a
    subinterval whose highest Legendre coefficients do not fall was taken
    as unresolved, and the halves of the chase after it held to the
    resolution it started from; 533 before a subinterval that
    misses an ancestor's sample by more than its error claims was bisected
    until its halves predict it, one of them refused before an extrapolation that any of the last
    four sums moved away from was no estimate, one within twice its error
    by chance before the part of the end check that falls more slowly than
    the sums was charged to the extrapolation; 535 before a subinterval
    that misses ``f`` at an end by more than its error claims was bisected
    until its halves predict it; 605 before ``f`` was
    evaluated at the ends, which finds a peak next to one), or one between
    an end of the interval and the point sampled nearest it where ``f`` at
    that end cannot be evaluated, or is predicted
    by the polynomial through the samples to within what the subinterval's
    resolution or error allows, or shows the flank of a peak only to an
    ancestor's sample inside subintervals that hold too little of ``∫|f|``
    to be bisected further (of 3,000 peaks inside that gap, on a
    background, ``integrate-peaks-ends``, seeds 1 to 3: none answered so
    that some sample saw by 1e-11 of the largest ``|f|`` sampled, 647 that
    none did; 75 and 672 at 5ce4ac2, before the samples of a search for a
    jump that found none were held as an ancestor's are; 3 and 747
    before a subinterval in a chase that misses an ancestor's sample
    inside it above its polynomial, or anywhere with samples that bulge
    above their chord, was bisected whatever its weight; 4 and 748 before
    a subinterval's highest Legendre coefficients (degrees 13-15) were
    compared, to tell whether they fall,
    with those of degrees 10-11 instead of 9-11, where a background such as
    ``cos x`` hid a flank the nodes see, and before a first subinterval
    whose error is those coefficients was taken as unresolved even where
    its Gauss-Kronrod estimate alone is below rounding; 5 and 757 before
    a miss of ``f`` at an end counted, whatever
    the sliver times it, on a subinterval whose highest Legendre
    coefficients do not fall; 17 and 758 before the first subinterval whose highest
    Legendre coefficients do not fall was judged, as the halves of the
    chase after it are, by its parent's resolution, not by its own, made
    of the flank it first sees; 147 and 767 before a subinterval whose
    highest Legendre coefficients do not fall was taken as unresolved, and the halves of the
    chase after it held to the resolution it started from, when the last
    subinterval of a chase after a Lorentzian's flank, whose own nodes saw
    its tail, predicted every sample within a resolution made of that tail;
    152 and 772 before a subinterval that misses ``f`` at an end
    by more than its error claims was bisected whatever its weight, when
    the subintervals at that end that saw only the flank of a peak could
    hold too little of ``∫|f|`` to be bisected further; 421 and 818 before
    a subinterval that misses an ancestor's sample by more than its error
    claims was bisected until its halves predict it, and the first subinterval counted
    any miss at an end beyond its resolution; 487 and 859 before one that
    misses ``f`` at an end so was bisected, when ``x + 0.000169 exp(-((x -
    0.000253)/6.3e-5)**2)`` on ``[0, 1]``, whose peak ``f(0)`` sees by
    ``e**-16`` of its height, was 1,100 times too small at ``tol``
    1.2e-9) (before the equal subintervals that replace the first
    where ``f`` was 0 at all its points checked the ends too,
    ``exp(-((x - 0.46)/1e-3)**2) + max(0, 1e-5 - x)*1e3`` on ``[0, 1]`` was
    0.00177245385090551 ``+-`` 1.6e-15 at ``tol`` 1e-12, 3e7 times too
    small). Before ``f`` was evaluated at the ends,
    ``abs(x - 0.001)`` on ``[0, 1]``, linear at every point the first
    subinterval samples, was 0.499 ``+-`` 5.8e-15 for 0.499001. No rule
    that samples ``f`` at finitely many points can see such a feature: on a
    nonzero background it is missed, by ``quad`` and calcweb alike; only
    when ``f`` is 0 at every point of the rule (whatever it is at the ends
    of the interval) does the result say so, with ``converged=False`` and an
    error of ``inf`` (a peak between the points could hold any integral),
    and its message says what to do where ``f`` is 0 there (``max(x, 0)`` on
    ``[-1, 0]``: nothing to integrate), has a peak, or is not 0 at an end
    (``exp(-x)`` on ``[0, 3.2e7]``: its mass lies beside that end).
    Where ``f`` has shown a bump ``w`` wide (its ``∫|f|`` over its largest
    ``|f|``: 2.5 sd for a normal density; also one that an end of the
    interval cuts, where ``f`` there is finite) and is negligible at the
    points sampled elsewhere, those parts are sampled at points at most
    ``3 w`` apart (on an infinite interval, out to twice as far from 0, or
    from the finite end, as ``f``'s mass reaches, and more sparsely beyond,
    as the map's own points are), so that another bump as wide is seen,
    where that takes at most 2,000 evaluations: ``0.5 N(-10, 0.3) + 0.5
    N(10, 0.3)`` over the whole line was 0.49999999999999994 ``+-`` 4.4e-13
    for 1 (1,071 evaluations now, 483 before; ``quad`` 930). A point where
    ``|f|``, negligible, stands above both its neighbours sees the tail of
    a narrower bump, which is then sought: ``0.5 N(0, 1) + 0.5 N(20,
    0.1)`` on ``[0, inf)`` was 0.25 ``+-`` 6.3e-12 for 0.75. A second bump
    so narrow that no point sees its tail (a normal's, within about 38 sd:
    ten times narrower than the first), one farther out, or a look that
    would cost more (a peak ``1e-5`` wide on ``[0, 1]``) is still missed: of
    random two-normal mixtures over the whole line (means in [-30, 30], sds
    0.05 to 3) 0-4% are answered wrongly at the default ``tol`` (seeds 1 to
    10; 0-7% at ``tol=1e-6``), 2-13% before those tails were followed and
    20-33% before any look.

    ``"trapezoid"`` and ``"simpson"`` apply the composite rule on ``n`` equal
    intervals (default 128; ``n`` even for Simpson, which is exact for
    cubics), at ``n + 1`` points (``2n + 1`` where ``n / 2`` is not a whole
    number of the rule's intervals). With ``full_output=True`` their error is
    measured against the adaptive rule at ``tol`` (its calls counted),
    whose panels must predict the composite rule's samples (a peak one of
    them saw on its flank is searched for): the
    distance from its value plus its error, honest wherever the adaptive
    rule's is, or Richardson's estimate where larger (the same rule on half
    as many intervals, or twice as many where ``n`` cannot be halved,
    re-using the points), which alone shows the error only where both rules
    resolve ``f``: ``1 + cos(256 pi x)`` on ``[0, 1]`` is 2 at every one of
    128 intervals' nodes, and both rules give 2.0 for 1. Where the adaptive
    rule does not converge the result says so, with ``converged=False``.

    ``a > b`` gives minus the integral from ``b`` to ``a``; ``a == b`` gives 0.

    When the adaptive rule cannot reach ``tol`` (an oscillatory, discontinuous
    or non-integrable ``f``, one whose part near an end falls only as a power
    of ``log x``, at a ``tol`` that the estimate of that part cannot certify
    (``1/(x log(x)**1.1)`` out to infinity at ``tol=1e-6``; at ``1e-2`` it
    converges), a ``tol`` below
    rounding, or an interval about one ulp wide, whose nodes round to one or
    two floats, whatever ``tol``), it raises
    NumericalError saying why and what to try. With ``full_output=True`` it
    returns its best estimate instead, with ``converged=False``, the error
    it estimated (which, the computation having failed, may itself be too
    small) and the reason in ``message``, as ``quad(..., full_output=1)``
    does.

    It refuses the same way an ``f`` that looks like a staircase of
    rounding: exactly 0 up to a jump, then jumping up at least twice and
    falling back between the jumps, as ``(1 - cos x)/x**2`` does on
    ``[0, 3e-8]``, where ``1 - cos x`` is 0 or a few ulps (its sum there was
    1.05e-8 for 1.5e-8). A true step function of that shape, such as
    ``floor(x) exp(-x)`` on ``[0, 4.5]``, is refused too (no sample tells it
    from a staircase of rounding, whose steps may be far apart: ``((1e8 +
    sin(x)**2) - 1e8)/x**2`` on ``[0, 1e-3]``, whose floats integrate to
    0.000926, for 0.001); the message says to integrate it beyond its jump
    from 0 (``[1, 4.5]``), or step by step.

    An ``f`` that loses digits to cancellation near a point, as ``(1 - cos
    x)/x**2`` does near 0 (its values are off by up to ``eps/(2 x**2)``,
    relative: ``1 - cos x`` keeps the rounding of ``cos x``), is
    noisy at the nodes next to that point, and a subinterval's polynomial
    misses ``f`` at the point (given apart, ``1/2``) by that noise. Where a
    subinterval misses a sample so, ``f``'s noise is measured beside its
    nodes (ECnoise's difference table of 7 values, at spacings 16 times
    apart until two agree or one shows none: at most 21 evaluations a
    node); noise that
    explains the miss widens what the subinterval must predict, and its
    error is at least what that noise may move its sum by. ``(1 - cos
    x)/x**2`` on ``[0, 1]`` costs 114 evaluations, error 4.9e-13 (true error
    5.5e-14; ``quad``: 21, estimate 5.4e-15 for the same true error; before,
    21,043, unconverged at 500 subintervals); written without the
    cancellation, ``2 sin(x/2)**2/x**2`` costs 23, error 5.4e-15. A ``tol``
    below that floor is refused for rounding (a NumericalError that says to
    pass a larger tol): ``(x - sin x)/x**3`` on ``[0, 1]`` at ``tol=1e-12``,
    whose floor is 1.4e-11. A subinterval at an end whose highest Legendre
    coefficients do not fall has its noise measured so too, and where that
    noise makes them, they bound nothing of ``f``: ``(exp(x) - 1 - x)/x**2``
    on ``[0, 1]`` at ``tol=1e-12`` costs 107 evaluations, error 7.6e-13
    (true error 8.0e-14; before, bisected towards 0 to 500 subintervals,
    39,270, unconverged).

    On an infinite range, ``f`` written with ``math`` may raise OverflowError
    far out where it is negligible: ``x/expm1(x)`` and ``x**3/(exp(x) + 1)``
    from ``x = 709.78`` on, ``1/(1 + exp(-x))`` below -709.78. Where that
    happens beyond the point where ``f`` answered largest (towards an
    infinite end), the range is cut at the edge of the overflow (found by
    bisection) and integrated again, if ``f`` falls onto the edge ever faster
    (``log|f|`` concave, as for ``exp(-x)``, a power times it or the logistic
    density); twice the integral of that fall's exponential extrapolation
    beyond the edge is added to the error, and ``nfev`` counts every call.
    A fall that slows down (a power law), a rise or a sign change near the
    edge, or an overflow nearer than the bulk of ``f`` is
    refused with advice on rewriting ``f``; growth that starts only past the
    edge, where no float shows it, cannot be seen. Of 450 random integrals
    of such ``f`` (``python bench/scans/intovfscan.py SEED 150``, seeds 1 to
    3: the logistic density and variance, the sigmoid, Bose and Fermi-Dirac
    integrands and ``x**p/exp(c x)``, shifted and scaled), 436 are answered,
    none with a true error above twice ``error``, and 14 refused (16 were
    answered before these overflows were cut).

    Args:
        f: A function of one real number returning a real number.
        a: The lower limit; may be ``-math.inf`` or ``math.inf`` (adaptive only).
        b: The upper limit; may be infinite (adaptive only).
        method: ``"adaptive"``, ``"simpson"`` or ``"trapezoid"``.
        n: The number of intervals of the composite rules; not used by
            ``"adaptive"``, which chooses its own subintervals.
        tol: The tolerance of ``"adaptive"``, at least ``1.1e-14`` (above
            0.5 it counts as 0.5); with
            ``full_output=True`` also that of the adaptive rule against which
            the composite rules' error is measured.
        full_output: Return an `IntegrationResult` instead of a float.

    Returns:
        The integral as a float, or an `IntegrationResult` with
        ``value``, ``error``, ``nfev``, ``method``, ``intervals``,
        ``converged`` and ``message``.

    Raises:
        InvalidArgumentError: For an unknown ``method``, a bad ``n`` or ``tol``,
            NaN limits, or infinite limits with a composite rule.
        ArgumentTypeError: If ``f`` is not callable or returns a non-number.
        DomainError: If ``f`` raises ValueError or ZeroDivisionError at a point.
        NumericalError: If ``f`` (other than far out, as above) or the
            integral overflows, the adaptive
            rule cannot reach ``tol``, or ``f`` looks like a staircase of
            rounding (unless ``full_output=True``).

    Examples:
        >>> import math
        >>> from calcweb import integrate
        >>> round(integrate(math.sin, 0, math.pi), 12)
        2.0
        >>> result = integrate(lambda x: math.exp(-x * x), -math.inf, math.inf, full_output=True)
        >>> abs(result.value - math.sqrt(math.pi)) < 1e-12, result.error < 1e-10
        (True, True)

        An end singularity, at the cost of ``quad``'s 231 evaluations and the
        two ends (``x**-0.9`` fails at 0, which is ignored), and
        the mass of exp at the far end of a huge interval:

        >>> result = integrate(lambda x: x**-0.9, 0, 1, full_output=True)
        >>> round(result.value, 10), result.nfev
        (10.0, 233)
        >>> result = integrate(math.exp, -210342.43, 289.95, full_output=True)
        >>> abs(result.value / math.exp(289.95) - 1) < 1e-12, result.converged
        (True, True)

        Composite rules:

        >>> integrate(lambda x: x**3, 0, 2, method="simpson", n=2)
        4.0
        >>> integrate(lambda x: x * x, 0, 1, method="trapezoid", n=4)
        0.34375
        >>> integrate(lambda x: 1 / x, 0, 1)
        Traceback (most recent call last):
          ...
        calcweb.exceptions.NumericalError: the integral probably diverges at x=0.0: ...
    """
    check_callable(f)
    a = check_real_or_infinite(a, "a")
    b = check_real_or_infinite(b, "b")
    chosen = _check_choice(method, "method", _METHODS)
    tol = check_real(tol, "tol")
    if tol < MIN_TOL:
        raise InvalidArgumentError(
            f"tol must be at least {MIN_TOL:.2g} (about 50 machine epsilons: double "
            f"precision cannot promise more), but got {tol!r}"
        )
    if chosen == "adaptive":
        if n is not None:
            raise InvalidArgumentError(
                f"n={n!r} is for method='trapezoid' or 'simpson'; the adaptive rule "
                "chooses its own subintervals, so leave n out and set tol instead"
            )
    else:
        _check_finite_interval(a, b, f"method={chosen!r}")
        n = _check_n(DEFAULT_N if n is None else n, 2 if chosen == "simpson" else 1)
        if chosen == "simpson" and n % 2:
            raise InvalidArgumentError(
                f"Simpson's rule pairs the intervals, so n must be even, but got n={n}; "
                f"pass n={n + 1}"
            )
    if not isinstance(full_output, bool):
        raise ArgumentTypeError(f"full_output must be True or False, but got {full_output!r}")
    if a == b:
        result = IntegrationResult(0.0, 0.0, 0, chosen, 0, message="the interval is empty")
    elif a > b:
        result = _oriented(f, b, a, method=chosen, n=n, tol=tol, full_output=full_output)
        result = dataclasses.replace(result, value=-result.value)
    else:
        result = _oriented(f, a, b, method=chosen, n=n, tol=tol, full_output=full_output)
    if full_output:
        return result
    if not result.converged:
        raise NumericalError(result.message)
    return result.value


def _oriented(
    f: Function, a: float, b: float, *, method: str, n: int | None, tol: float, full_output: bool
) -> IntegrationResult:
    """The integral for ``a < b``."""
    if method != "adaptive":
        assert n is not None  # noqa: S101 - checked by integrate; narrows the type for mypy
        # Only an error that is shown needs measuring (the adaptive rule's calls).
        return _composite(f, a, b, n, method, tol=tol if full_output else None)
    try:
        return _adaptive_oriented(f, a, b, tol)
    except _SingularInside as found:  # on an infinite interval (`_summed`)
        return _split_in_x(f, a, b, found, tol)


def _adaptive_oriented(f: Function, a: float, b: float, tol: float) -> IntegrationResult:
    """The adaptive integral for ``a < b``, an infinite interval mapped onto a finite one."""
    g, t0, t1, x_of = _change_of_variable(f, a, b)
    # 15 points on a half-line, as QUADPACK's qagi; 21 elsewhere. Measured
    # against quad (bench/bench_integrate.py): for (-inf, inf) with
    # x = t/(1 - t**2) the 21-point rule needs fewer evaluations.
    rule = K15 if math.isinf(a) != math.isinf(b) else K21
    # x is infinite at t = t0 for a half-line, at both ends for the whole line.
    finite_ends = (math.isfinite(a) and math.isfinite(b), not (math.isinf(a) and math.isinf(b)))
    if math.isfinite(a) and math.isfinite(b):
        return _adaptive(g, t0, t1, tol, rule, finite_ends=finite_ends, x_of=x_of)
    return _cut_where_it_overflows(f, a, b, tol, rule=rule, finite_ends=finite_ends)


def _cut_where_it_overflows(
    f: Function, a: float, b: float, tol: float, *, rule: Rule, finite_ends: tuple[bool, bool]
) -> IntegrationResult:
    """The adaptive integral over an infinite range, cut where f overflows far out.

    ``x/expm1(x)`` on ``[0, inf)`` raises OverflowError at a node beyond
    709.78. Where such a node lies in a tail of f (beyond where f answered
    largest), the range is cut at the edge of the overflow and integrated
    again, once for each infinite end at most, if f falls onto the edge ever
    faster; its bound on the integral beyond the edge
    (`calcweb._far_overflow.bound_beyond`) joins the error. Else the overflow
    is refused, with advice for integrals.
    """
    watched = Watched(f)
    g, t0, t1, x_of = _change_of_variable(watched, a, b)
    ends, finite = [t0, t1], list(finite_ends)
    cuts: list[tuple[float, float]] = []  # (edge, bound beyond it)
    while True:
        watched.forget_overflow()
        try:
            result = _adaptive(
                g,
                ends[0],
                ends[1],
                tol,
                rule,
                finite_ends=(finite[0], finite[1]),
                x_of=x_of,
                reader=watched,
            )
            break
        except NumericalError as error:
            overflow = watched.last_overflow()
            if overflow is None or not isinstance(error.__cause__, OverflowError):
                raise
            while overflow is not None:
                side, edge, bound = _overflow_cut(
                    watched, overflow, ends, finite, x_of=x_of, error=error
                )
                ends[side] = _t_inside(x_of, edge, ends[1 - side], ends[side])
                finite[side] = True
                cuts.append((edge, bound))
                overflow = _mirrored_overflow(watched, edge, infinite=not finite[1 - side])
    if not cuts:
        return result
    beyond = sum(bound for _, bound in cuts)
    total_error = result.error + beyond
    where = " and ".join(f"x={edge!r}" for edge, _ in cuts)
    message = f"{result.message}; cut at {where}, where f starts to overflow (beyond: {beyond:.3g})"
    converged = result.converged
    if converged and total_error > _target(tol, result.value):
        converged = False
        # The cut x is the last where f answered: name where it overflows, not it.
        message = (
            f"f overflows beyond {where} (f, or a value computed inside it, leaves the float "
            f"range there), where f is not negligible: its fall up to there bounds the integral "
            f"beyond by {beyond:.3g}; {REWRITE_OVERFLOWING}"
        )
    return dataclasses.replace(
        result, error=total_error, nfev=watched.calls, converged=converged, message=message
    )


def _mirrored_overflow(watched: Watched, edge: float, *, infinite: bool) -> float | None:
    """Where f overflows twice as far on the other side of its bulk, if that side is infinite too.

    The logistic density overflows on both sides: cutting both at once saves a run.
    """
    if not infinite:
        return None
    bulk = watched.bulk()
    mirror = bulk - 2 * (edge - bulk)
    return mirror if math.isfinite(mirror) and watched.value(mirror) is None else None


def _overflow_cut(
    watched: Watched,
    overflow: float,
    ends: list[float],
    finite: list[bool],
    *,
    x_of: Callable[[float], float],
    error: NumericalError,
) -> tuple[int, float, float]:
    """``(side, edge, bound)``: the end of t to cut, the x to cut at and the bound beyond it.

    Refused (``error`` chained) if the overflow is not out in a tail of f
    towards an infinite end of the range, or f does not fall onto it.
    """
    if not watched.answers:
        raise _overflow_advice(
            overflow, "before f gave a value anywhere, so where its tails are is unknown"
        ) from error
    bulk = watched.bulk()
    outward = math.copysign(1.0, overflow - bulk)
    sides = [i for i in (0, 1) if not finite[i] and (x_of(ends[i]) - bulk) * outward > 0]
    if not sides:
        raise _overflow_advice(
            overflow, "between an end of the range and where f is largest"
        ) from error
    inside = watched.nearest_answer(bulk, overflow)
    edge = overflow_edge(watched, inside, overflow)
    bound = bound_beyond(watched, edge, bulk)
    if bound is None:
        raise _overflow_advice(
            overflow,
            f"and f does not fall ever faster onto 0 up to x={edge!r}, where it starts to "
            "overflow, so its integral beyond is unknown",
        ) from error
    return sides[0], edge, bound


def _overflow_advice(x: float, why: str) -> NumericalError:
    """The refusal of an integral over an infinite range where f overflows at ``x``."""
    return NumericalError(
        f"f({x!r}) overflowed (f, or a value computed inside it, left the float range "
        f"there) {why}: {REWRITE_OVERFLOWING}"
    )


# How to keep f's intermediate results in the float range, for the refusals above.
REWRITE_OVERFLOWING = (
    "rewrite f so that no intermediate result overflows (branch on the sign of x: "
    "1/(1 + exp(-x)) is exp(x)/(1 + exp(x)) for x < 0; in logs: exp(a*log(x) - x) for "
    "x**a*exp(-x))"
)


def _t_inside(x_of: Callable[[float], float], edge: float, inside: float, outside: float) -> float:
    """The t nearest ``outside`` whose x is ``edge`` or on the side of ``inside`` (a monotone x)."""
    outward = math.copysign(1.0, x_of(outside) - x_of(inside))
    while True:
        middle = inside + (outside - inside) / 2
        if middle in (inside, outside):
            return inside
        if (x_of(middle) - edge) * outward > 0:
            outside = middle
        else:
            inside = middle
