r"""Gradients, Jacobians, Hessians and directional derivatives.

Everything here reduces to `calcweb.derivative` of a function of one
variable: the restriction $\varphi(t) = f(x + t v)$ of ``f`` to the line
through ``x`` in the direction ``v``. Then

* $\varphi'(0) = \nabla f(x) \cdot v$ (the directional derivative; with
  $v = e_i$ a partial derivative);
* $\varphi''(0) = v^\top H v$, and polarisation recovers every entry of
  the Hessian: $H_{ij} = \tfrac12\,(\varphi_{e_i+e_j}''(0) - H_{ii} - H_{jj})$.

With ``method="ad"`` (chosen by ``"auto"`` when ``f`` is written with
calcweb's functions) ``t`` is a `Jet`, so ``f`` receives a list whose
entries that move along the line are jets (the others stay floats), and
each $\varphi'(0)$ and $\varphi''(0)$ is exact to rounding (unless a
quotient's or a root's recurrence magnifies it: `calcweb.derivative`), and so is
each entry of the Hessian: where polarisation would subtract far larger
terms, an off-diagonal one is read off a curve instead (see `hessian`).
``f`` receives a ``list``, whatever sequence ``x`` was (in `jvp` and
`vjp`, one number when ``x`` is one).

A given step ``h`` is relative to the point, unlike `calcweb.derivative`'s
step in ``x``: ``h`` is a step in ``t`` on the line ``x + t d``, where
``d`` is ``v`` scaled by a power of two to a largest entry in [1, 2), times
the power of two at or below the smallest ``max(1, |x_i|)`` over the
coordinates that move (for a second derivative, the largest), so that no
coordinate steps beyond its own scale; by differences, a first derivative
along a ``v`` that moves coordinates whose sizes ``max(1, |x_i|)`` differ 16-fold
or more is summed over one line per group of sizes, each with its own ``d``
(`_across_scales`). Along an axis the step in ``x_i``
is ``h`` times that power of two: ``grad(f, method="central", h=0.1)``
steps by 0.2 at ``x_i = 3``, by 6.4 at ``x_i = 100``.

`jvp` and `vjp` give the two products of the Jacobian without building it,
with JAX's names and shapes: forward mode pushes one tangent $v$ through
``f`` on jets ($J v$ in one call of ``f``), reverse mode calls ``f`` once on
`calcweb.nn.Value` leaves and pulls a cotangent $u$ back ($u^\top J$ in one
backward pass, whatever the number of inputs).
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import math
import operator
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence, Set
from dataclasses import dataclass
from numbers import Integral, Real
from types import MappingProxyType
from typing import Any, cast

from calcweb._checks import (
    EXTRA_ARGUMENTS,
    OUTSIDE_THE_DOMAIN,
    STEP,
    RefusedJets,
    call,
    check_callable,
    check_method,
    check_point,
    check_real,
    check_step,
    check_vector,
    checking_arguments_hinting,
    listed,
    outside_domain,
    overflowed,
    result_value,
    shown,
)
from calcweb._derivative import DerivativeResult, RoundedLine, _estimate, derivative
from calcweb._taylor_mode import (
    ad_refused,
    derivative_error,
    jet_derivative,
    on_jets,
    reach,
    rounding_error,
    staircase,
)
from calcweb.exceptions import (
    ArgumentTypeError,
    CalcwebError,
    DomainError,
    InvalidArgumentError,
    NumericalError,
)
from calcweb.jet import Jet, RoundedFloat, rounding_tracked_variable
from calcweb.nn._kinks import KINKED_OPS, kinks, tie_moves
from calcweb.nn.value import Value, noting_ties

__all__ = ["ArrayResult", "directional_derivative", "grad", "hessian", "jacobian", "jvp", "vjp"]

Vector = list[float]
Matrix = list[list[float]]


@dataclass(frozen=True)
class ArrayResult:
    r"""A gradient, Jacobian or Hessian with an error estimate for each entry, and what it cost.

    What ``grad``, ``jacobian`` and ``hessian`` return with ``full_output=True``.

    Attributes:
        value: The entries, in the shape of the answer without ``full_output``
            (a list for ``grad``, a list of rows for ``jacobian`` and
            ``hessian``) and the same numbers, except that ``"ad"`` runs
            ``f`` on jets that carry rounding bounds, whose values can differ
            in their last bits (as `calcweb.derivative`'s do).
        error: An estimate of ``|value - exact|`` for each entry, in the same
            shape: each entry's `calcweb.DerivativeResult` error (in ``"ad"``,
            a bound on its rounding), scaled as the entry is; for an
            off-diagonal Hessian entry, $\tfrac12 (\varphi''_{e_i+e_j} - H_{ii}
            - H_{jj})$, half the sum of the three errors plus the rounding of
            the two subtractions.
        nfev: How many times ``f`` was called in all.
        method: The method of every entry (``"ad"``, ``"richardson"``, ...:
            ``"auto"`` resolves as in `calcweb.derivative`), or ``"mixed"``
            when ``"auto"`` took jets for some entries and Richardson for
            others (``f`` takes jets along some lines only).

    Examples:
        >>> import math
        >>> from calcweb import hessian
        >>> r = hessian(lambda p: p[0] ** 2 + math.exp(p[1]), full_output=True)([1e10, -5.0])
        >>> r.value   # the true Hessian is [[2, 0], [0, exp(-5) = 0.0067]]
        [[2.0, -1.0], [-1.0, 0.0]]
        >>> [[f"{e:.1e}" for e in row] for row in r.error]   # no digit but H[0][0]
        [['8.9e-16', '5.9e+06'], ['5.9e+06', '1.1e+07']]
        >>> r.nfev, r.method   # jets along e0 (exp(p[1]) a float there), Richardson else
        (314, 'mixed')
    """

    value: list[Any]
    error: list[Any]
    nfev: int
    method: str

    def __post_init__(self) -> None:
        # Built by hand, a result is still checked as a DerivativeResult's count and method are.
        nfev: object = self.nfev
        if isinstance(nfev, bool) or not isinstance(nfev, Integral) or nfev < 0:
            raise ArgumentTypeError(f"nfev must be an int >= 0, but got {nfev!r}")
        object.__setattr__(self, "nfev", int(nfev))
        if not isinstance(self.method, str):
            raise ArgumentTypeError(f"method must be a str, but got {self.method!r}")


def _method_of(results: Iterable[DerivativeResult]) -> str:
    """The one method of ``results``, or ``"mixed"``."""
    methods = {result.method for result in results}
    return methods.pop() if len(methods) == 1 else "mixed"


def _full_output_flag(full_output: object) -> bool:
    if not isinstance(full_output, bool):  # as derivative's: 1, "yes", None are no flags
        raise ArgumentTypeError(f"full_output must be True or False, but got {full_output!r}")
    return full_output


_TAKES = "a list of numbers (the point)"
_EPS = sys.float_info.epsilon


def _vector(x: object, name: str) -> Vector:
    """``x`` (list, tuple, 1-D numpy array, any iterable of numbers) as a list of finite floats."""
    return check_vector(x, name)


def _point(x: object) -> Vector:
    """The point ``x`` as `_vector`, each entry exactly a float (`calcweb._checks.check_point`)."""
    return check_vector(x, "x", point=True)


def _called_with_a_point(misplaced: tuple[object, ...], name: str) -> None:
    """Refuse ``grad(f, x)``: the point goes to the function that ``grad(f)`` returns."""
    if misplaced:
        raise ArgumentTypeError(
            f"{name}(f) returns the {name} as a function of the point: write {name}(f)(x), "
            f"not {name}(f, x) (got {len(misplaced)} extra positional argument(s))"
        )


def _along(
    f: Callable[[Any], Any],
    x: Vector,
    v: Vector,
    *,
    axis: bool = False,
    several: bool = False,
    line: Callable[..., _Line] | None = None,
    finest: bool = False,
) -> tuple[_Line, int]:
    """The restriction of ``f`` to the line through ``x`` along ``v``, and its scale.

    The line is parametrised as ``x + (s t) u`` with ``u = v / 2**k`` (``k``
    the exponent of the largest ``|v_i|``, so ``u`` cannot overflow) and
    ``s = 2**e`` the power of two just below the size ``max(1, |x_i|)`` of
    the coordinates that move (the largest; with ``finest``, the smallest),
    so that default finite-difference steps in ``t`` are relative to it. A
    first derivative takes the finest: each coordinate then steps no further
    than its own size calls for, where the largest stepped ``p[0]`` by 1e4 in
    ``exp(p[0]) + cos(p[1])`` at ``[0, 1e8]`` along ``[0.01, 1]`` (-2.2e63
    for -0.92). A second derivative's lines keep the largest (the one the
    coarsest coordinate carries, `_second_along`). An ``n``-th derivative in
    ``t`` is then multiplied by ``2**(n (k - e))``, exactly: this returns
    ``k - e``. ``axis``: a line
    along one coordinate is that coordinate itself (`_Line`); with ``several``,
    one along several is carried by one of them. ``line``: the class of line
    to make (`_Line`, or a Jacobian's `_OutputLine`).
    """
    sizes = [max(1.0, abs(xi)) for xi, vi in zip(x, v, strict=True) if vi]
    size = (min if finest else max)(sizes, default=1.0)
    exponent = math.frexp(size)[1] - 1
    largest = max(abs(c) for c in v)
    shift = math.frexp(largest)[1] - 1 if largest else 0  # unit vectors: 0, u = v
    try:
        direction = [math.ldexp(c, exponent - shift) for c in v]
    except OverflowError as error:  # only for a point within a factor 2 of the float limit
        raise NumericalError(
            f"the point {x!r} is too close to the largest float to take steps from; "
            "scale the variables down"
        ) from error

    make = _Line if line is None else line
    return make(f, x, direction, axis=axis, several=several), shift - exponent


class _Line(RoundedLine):
    """``t -> f(x + t d)``: the restriction of ``f`` to a line, as `_along` makes it.

    ``offset`` tells `calcweb.derivative` where on its own axis the line's
    argument is rounded: ``x_i + t d_i`` is rounded to ulp(``x_i``), as
    a float argument ``c + t`` would be at ``|c| = max |x_i / d_i|`` (the
    coordinates that move; exactly where ``d_i`` is a power of 2, as along a
    unit vector, else to within a factor 2), not at ``t = 0``, where ``t``
    itself is exact.

    With ``axis``, where one coordinate moves and its ``d_i`` is a power of 2
    (a partial derivative), the line is that coordinate itself, scaled: ``t`` stands for
    ``x_i / d_i`` (``at``, exact), and ``t d_i`` is exact, so that ``f`` is a
    function of one variable whose argument is rounded where ``t`` is, and
    its derivative is taken at ``at`` as any other one's (``offset`` 0): its
    steps are then whole multiples of ulp(``at``), as ``representable_step``
    makes them, never below it. At ``t = 0`` with ``offset`` the walk can
    take steps far below that grid, where every point rounds to ``x``
    (``sin(p[0])`` at ``[1e12]``: quotients of 0 at ``t`` = 1.3e-17 for a
    grid of 2.2e-16, then that grid measured as noise, and 5.3e-10 returned
    for 0.79).

    With ``several`` as well (second derivatives, `_second_along`), a line
    along several coordinates, each ``d_i`` a power of 2, is carried by the
    one on the coarsest grid in ``t`` (the largest ``|x_k / d_k|``): ``t``
    stands for ``x_k / d_k``, and the others are ``x_i + (t - at) d_i``,
    exact at whole ulps of ``at`` while of a size below ``2**53 ulp(x_i)``
    (``x_i`` = 1e-20 moved by 1e5, beside ``x_k`` = 1e10, is rounded).
    """

    def __init__(
        self,
        f: Callable[[Any], Any],
        x: Vector,
        direction: Vector,
        *,
        axis: bool = False,
        several: bool = False,
    ) -> None:
        self.f, self.x, self.direction = f, x, direction
        self.calls = 0  # of f, for full_output's nfev (derivative's own count misses some)
        moving = [i for i, di in enumerate(direction) if di]
        self.moving = [(i, x[i], direction[i]) for i in moving]  # point_at changes only these
        self.at = 0.0  # the t that stands for x
        self.unit = 1.0 / max((abs(direction[i]) for i in moving), default=1.0)
        self.carrier = -1  # the coordinate that t stands for, if any
        powers = all(math.frexp(direction[i])[0] in (0.5, -0.5) for i in moving)
        if axis and powers and (len(moving) == 1 or (several and len(moving) > 1)):
            # t stands for the coordinate that moves on the coarsest grid (in t)
            i = max(moving, key=lambda j: abs(x[j] / direction[j]))
            self.carrier = i
            self.at = x[i] / direction[i]  # exact: d_i is a power of 2
            self.offset = 0.0
        else:
            self.offset = max((abs(x[i] / direction[i]) for i in moving), default=0.0)

    def __call__(self, t: Any) -> Any:
        point = self.point_at(t)
        if isinstance(t, float) and not all(math.isfinite(point[i]) for i, _, _ in self.moving):
            # Far out on the line (the far look for a flushed stair, `_far_stair`, goes to
            # 4.5e307 in t) a coordinate x_i + t d_i can pass the floats: f is never asked there.
            raise OverflowError(f"the point x + t d at t={t!r} is beyond the float range")
        self.calls += 1
        return call(self.f, point, takes=_TAKES)

    def point_at(self, t: Any) -> list[Any]:
        """``x + t d``: the point of ``f``'s own that ``t`` stands for."""
        # A copy of x with the coordinates that move replaced (a partial derivative
        # moves one of n): the copy is C's, the loop runs over those alone.
        point: list[Any] = list(self.x)
        if self.carrier < 0:
            for i, xi, di in self.moving:
                point[i] = xi + t * di
            return point
        # The carrier is t d_k, exact; another coordinate that moves is x_i + (t - at) d_i:
        # t - at is a whole number of ulps of at (the step taken), so (t - at) d_i is a
        # whole number of ulps of x_k d_i / d_k, each a whole number of ulp(x_i) (|x_i / d_i|
        # <= |at|, d_i a power of 2): so is the sum, exact while its size is below 2**53 of them.
        step = t - self.at
        for i, xi, di in self.moving:
            point[i] = t * di if i == self.carrier else xi + step * di
        return point

    def reach(self, t: float = 0.0) -> float:  # noqa: ARG002 (x's rounding, wherever t is)
        """How far ``t`` may move within rounding of ``x``: each coordinate by its own reach."""
        moving = [(xi, di) for xi, di in zip(self.x, self.direction, strict=True) if di]
        return min((reach(xi) / abs(di) for xi, di in moving), default=0.0)

    def moves(self, t: float) -> bool:
        """Whether the point ``t`` from ``at`` differs from ``x`` in some coordinate (as floats)."""
        return self.point_at(self.at + t) != self.point_at(self.at)


def _scaled(value: float, exponent: int, what: str = "the derivative") -> float:
    """``value * 2**exponent``, or a NumericalError if that overflows."""
    try:
        result = math.ldexp(value, exponent)
    except OverflowError:
        result = math.inf
    if not math.isfinite(result):
        raise NumericalError(
            f"{what} is {value!r} * 2**{exponent}, beyond the float range "
            "(about 1.8e308); scale the direction or the function down"
        )
    return result


def _in_units_of_x(result: DerivativeResult, exponent: int, calls: int) -> DerivativeResult:
    """``result`` on a line (`_along`) times ``2**exponent``, with the line's ``calls`` of ``f``.

    The scaling is exact, except where the value or the error lands among the
    subnormal floats (below 2.2e-308), rounded there by up to 2**-1075 each.
    """
    value = _scaled(result.value, exponent)
    error = _scaled(result.error, exponent, "the error of the derivative")
    if math.ldexp(value, -exponent) != result.value or math.ldexp(error, -exponent) != result.error:
        error += math.ulp(0.0)  # the two roundings
    return DerivativeResult(value, error, calls, result.method, result.step)


def _line_of(
    f: Callable[[Any], Any],
    x: Vector,
    v: Vector,
    n: int,
    *,
    method: str,
    h: float | None,
    line: Callable[..., _Line] | None,
) -> tuple[_Line, int]:
    """The line (`_along`) an ``n``-th derivative along ``v`` is taken on, and its exponent.

    A given step ``h`` that moves no coordinate is refused first.
    """
    restricted, exponent = _along(f, x, v, axis=n == 1, line=line, finest=n == 1)
    if h is not None:
        _refuse_a_step_that_moves_nothing(restricted, x, n, method, h)
    return restricted, exponent


def _directional_full(
    f: Callable[[Any], Any],
    x: Vector,
    v: Vector,
    n: int,
    *,
    method: str,
    h: float | None,
    line: Callable[..., _Line] | None = None,
) -> DerivativeResult:
    """`_directional` with derivative's full_output: the value, its error and the calls of ``f``."""
    parts, probed = _across_scales(f, x, v, n, method)
    if parts:
        walk = "richardson" if method == "auto" else method  # f refused the jet
        results = [_directional_full(f, x, part, 1, method=walk, h=h) for part in parts]
        value = _sum_of([r.value for r in results], "the directional derivative")
        error = _sum_of([r.error for r in results], "its error") + _EPS * abs(value)
        calls = sum(r.nfev for r in results) + probed
        return DerivativeResult(value, error, calls, _method_of(results), None)
    if n == 2 and h is None and method in ("auto", "richardson"):
        return _second_along(f, x, v, method=method, bounded_jets=True)
    restricted, exponent = _line_of(f, x, v, n, method=method, h=h, line=line)
    with _refusals_in_coordinates(restricted, exponent):
        result = derivative(restricted, restricted.at, n, method=method, h=h, full_output=True)
    return _in_units_of_x(result, exponent * n, restricted.calls + probed)


def _directional(
    f: Callable[[Any], Any],
    x: Vector,
    v: Vector,
    n: int,
    *,
    method: str,
    h: float | None,
    line: Callable[..., _Line] | None = None,
) -> float:
    parts, _ = _across_scales(f, x, v, n, method)
    if parts:
        walk = "richardson" if method == "auto" else method  # f refused the jet
        return _sum_of(
            [_directional(f, x, part, 1, method=walk, h=h) for part in parts],
            "the directional derivative",
        )
    # A first derivative along an axis is one of one variable (`_Line`); a second
    # one keeps the line's offset, whose noise rules (`_refined_line_noise`) it needs,
    # unless the line is coarse where the coordinate itself is not (`_second_along`).
    if n == 2 and h is None and method in ("auto", "richardson"):
        return _second_along(f, x, v, method=method).value
    restricted, exponent = _line_of(f, x, v, n, method=method, h=h, line=line)
    with _refusals_in_coordinates(restricted, exponent):
        value: float = derivative(restricted, restricted.at, n, method=method, h=h)
    return _scaled(value, exponent * n)


def _across_scales(
    f: Callable[[Any], Any], x: Vector, v: Vector, n: int, method: str
) -> tuple[list[Vector], int]:
    """``v`` split by the scales of the coordinates it moves, where differences would walk it.

    The size of ``x_i`` is ``max(1, |x_i|)`` (`_along`'s scale is its power of
    two); a line's sizes lie within `SCALE_SPREAD` of its smallest
    (`_scale_groups`: sizes 1, 10 and 17 make two lines, 17 on its own).
    On one line across scales, the walk that a steep coordinate needs takes
    steps below the rounding (stairs) of a coarse one, whose slope then
    vanishes from the answer: ``A exp(k p0) + B sin(p1)`` at ``[-8.5e-4,
    -1.48e6]`` along ``[-2.3e-8, -0.317]`` was 0.0 +- 1.08 for 1.08
    (OUTSIDER11's dirscan, ``p1`` from 1 to 1e12 in size, seed 1: 11 of 200
    draws off by over 10 % on the finest scale's line, none summed by
    scales). So a first derivative is the sum of
    one line per group of sizes, each walked on its own scale, as the partial
    derivatives of `grad` are. Returns ``[]`` where one line does: a single
    scale, a second derivative, jets (``"ad"``, and ``"auto"`` where ``f``
    accepts one: one call, exact) or ``"complex"`` (no real step). Also the
    calls of ``f`` it made (the jet ``"auto"`` tries across scales: 0 or 1).
    """
    if n != 1 or method in ("ad", "complex"):
        return [], 0
    scales = _scale_groups([max(1.0, abs(xi)) for xi, vi in zip(x, v, strict=True) if vi])
    if len(scales) < 2:
        return [], 0
    if method == "auto" and _takes_jets(f, x, v):
        return [], 1
    moving = [i for i, vi in enumerate(v) if vi]
    parts = [
        [v[i] if i in {moving[j] for j in members} else 0.0 for i in range(len(v))]
        for members in scales
    ]
    return parts, int(method == "auto")


# Coordinates whose sizes are within this factor share a line (from the smallest of
# them): the cost of a line each is paid only where sizes differ more. Split at every
# power of two, 3 coordinates at |x_i| from 0.3 to 30 took a median 55 calls for 24 on
# one line; grouped within 16x, 26, with the same answers on OUTSIDER11's dirscan
# (seeds 1, 3, 4; X = 1 to 1e12) and DIRFIX's X = 10 to 1000 (seeds 1, 2), where a
# coarse coordinate 830 times a steep one's size already lost its slope on one line.
SCALE_SPREAD = 16.0


def _scale_groups(sizes: list[float]) -> list[list[int]]:
    """Indices of ``sizes`` in groups, each within `SCALE_SPREAD` of its smallest."""
    groups: list[list[int]] = []
    start = 0.0
    for i in sorted(range(len(sizes)), key=sizes.__getitem__):
        if not groups or sizes[i] >= SCALE_SPREAD * start:
            groups.append([])
            start = sizes[i]
        groups[-1].append(i)
    return groups


def _takes_jets(f: Callable[[Any], Any], x: Vector, v: Vector) -> bool:
    """Whether ``f`` accepts the jet that derivative's "auto" tries on the line (one call)."""
    line, _ = _along(f, x, v, axis=True)
    y, _ = on_jets(line, line.reach(line.at), Jet.variable(line.at, 1))
    return not isinstance(y, RefusedJets)


def _sum_of(terms: list[float], what: str) -> float:
    """The sum of ``terms``, or a NumericalError if it overflows."""
    try:
        total = math.fsum(terms)
    except OverflowError:
        total = math.inf
    if not math.isfinite(total):
        raise NumericalError(
            f"{what} is the sum of {terms!r}, beyond the float range (about 1.8e308); "
            "scale the direction or the function down"
        )
    return total


_Refusal = NumericalError | DomainError  # derivative's refusals on a line, said in x's terms


@contextlib.contextmanager
def _refusals_in_coordinates(line: _Line, exponent: int) -> Iterator[None]:
    """Raise derivative's refusals on ``line`` in terms of the point (`_in_coordinates`)."""
    try:
        yield
    except (NumericalError, DomainError) as error:
        refusal = _in_coordinates(error, line, exponent)
        if refusal is error:
            raise  # it names the point already, and keeps its cause (f's own error)
        raise refusal from error


def _in_coordinates(error: _Refusal, line: _Line, exponent: int) -> _Refusal:
    """The refusal of derivative on a line, saying what its ``t`` is in terms of the point.

    Its message speaks of ``t`` (`_Line`'s ``at``), not of the point:
    ``grad(lambda p: math.sin(p[0]))([1e13])`` said "near x=1.1368683772161603"
    (``t = x_0 / 2**43``), ``hessian(lambda p: math.exp(p[0]))([800.0])``
    "f(0.0) overflowed" (``t = 0`` at the point), ``grad(lambda p:
    abs(p[1]))([1.0, 0.0])`` "no derivative of f at x=0.0" (``t = x_1``).
    A message that names the point itself (f's own error there) is kept.
    """
    if repr(list(line.x)) in str(error):
        return error
    if line.carrier < 0:
        where = (
            f"on the line x + t*d through x = {list(line.x)!r}, d = {list(line.direction)!r} "
            "(t = 0 at x; the points and steps below are values of t)"
        )
    elif exponent:
        k = line.carrier
        where = (
            f"on the line where t = x[{k}] / 2**{-exponent} (x[{k}] = {line.x[k]!r}; x and "
            "the scales below are in t)"
        )
    else:
        where = f"along x[{line.carrier}] at x = {list(line.x)!r}"
    return type(error)(f"{where}: {error}")


# A second difference of values rounded at eps |f| has a relative error of about
# sqrt(eps) at its best step (Richardson does far better): a line's answer coarser
# than that rests on values noisier than f's own rounding.
_COARSE = math.sqrt(2.0**-52)


def _second_along(
    f: Callable[[Any], Any], x: Vector, v: Vector, *, method: str, bounded_jets: bool = False
) -> DerivativeResult:
    """A second derivative along ``v`` (default steps), with its error and calls of ``f``.

    With ``"auto"`` on an ``f`` that takes jets, from jets on the line (one
    call; with ``bounded_jets``, jets that carry rounding bounds, as
    derivative's full_output). Otherwise by Richardson: on the line through ``x`` at ``t = 0``
    (its offset's noise rules) first. Its points ``x_i + t d_i`` are rounded
    to ulp(``x_i``) at every step (``t`` is exact, the steps taken are not),
    so where ``|x_i|`` is large on the scale of ``f`` the line's values are
    noisier than ``f`` itself, by ``|f'| ulp(x_i) / 2``, and below a step of a
    few ulps its quotients are those of a staircase: ``hessian(lambda p:
    math.sin(p[0]))`` at ``[1e10]`` was 0.48749 (+- 0.0067) for 0.487506, at
    ``[1e13]`` 9.7e-5 (+- 0.39) for 0.289, and ``cos(p[0] + 1.84e-6 * p[1] **
    2)`` at ``[-197524618.49, 7057680665463.78]`` ``H[0][0]`` 4.3e-14 (+-
    1.5e-13) for 0.0709. Where the line's answer is coarser than `_COARSE` of
    itself, the derivative is taken again with ``t`` standing for a coordinate
    (`_Line` with ``axis``: along one coordinate, that one; along several, the
    one on the coarsest grid, the others moving by the same whole ulps), as a
    function of one variable whose steps are whole ulps of it
    (`calcweb.derivative`'s rules and refusals). Its answer replaces the
    line's where the two agree (within twice their errors, as derivative's
    second walk) and its error is below half the line's (errors are honest to
    a factor 2). Where it refuses and the line's answer has no digit, the
    refusal stands (as where ``f`` varies on too few floats for calcweb,
    `_check_grid`: the line's points are the same floats). The line stays
    first: at a coordinate near 0 the walk in one variable can strand below
    the scale of ``f`` (a first step across a branch point makes it try
    ``|x_i| / 2``, domains often ending at 0).
    """
    restricted, exponent = _along(f, x, v)
    scale = 2 * exponent
    # derivative(..., full_output=True), but on plain jets unless bounded_jets: the
    # rounding-tracked ones are slower, and a jet's answer is not taken again along a coordinate.
    with _refusals_in_coordinates(restricted, exponent):
        result = _estimate(
            restricted, 0.0, 2, method, None, full_output=bounded_jets, bounded_jets=bounded_jets
        )
    if result.method == "ad":
        return _in_units_of_x(result, scale, restricted.calls)
    method = "richardson"  # as "auto" fell back: the coordinate's walk asks f on jets no more
    axis, _ = _along(f, x, v, axis=True, several=True)
    # axis.at: the coordinate itself (else the same line: x_i = 0)
    if result.error > _COARSE * abs(result.value) and axis.at:
        try:
            other = derivative(axis, axis.at, 2, method=method, full_output=True)
        except NumericalError as error:
            if result.error >= abs(result.value):
                raise _in_coordinates(error, axis, exponent) from error
        except DomainError:
            if result.error >= abs(result.value):
                raise
        else:
            # As derivative's second walk: an estimate within the line's bars that
            # is better by more than the factor 2 to which errors are honest.
            agree = abs(other.value - result.value) <= 2.0 * (result.error + other.error)
            if agree and other.error < 0.5 * result.error:
                result = other
    return _in_units_of_x(result, scale, restricted.calls + axis.calls)


def _refuse_a_step_that_moves_nothing(
    line: _Line, x: Vector, n: int, method: str, h: float
) -> None:
    """Refuse a given step ``h`` at which ``x + h d`` rounds to ``x`` in every coordinate.

    In one variable `calcweb.derivative` refuses such a step (`representable_step`:
    ``x + h`` rounds to ``x``); on a line ``t = h`` itself is a float far from 0,
    so the difference methods would take quotients of equal values and return
    0.0 (``grad(f, method="central", h=1e-17)([1.0])`` of ``p[0]**2``). The
    complex step and jets take no real step: ``"ad"``, ``"complex"`` and ``"auto"`` on an ``f`` that
    accepts jets are left alone.
    """
    if method in ("ad", "complex") or line.moves(check_step(h)):
        return
    if method == "auto":
        y, branch = on_jets(line, line.reach(line.at), Jet.variable(line.at, n))
        if not isinstance(y, RefusedJets) and branch.what is None:
            return  # "auto" differentiates on jets: h is not used
        # f refuses jets, or branches at a tie on them: "auto" falls back to differences
        # with the step h, as derivative does
    raise NumericalError(
        f"the step h={h!r} (in units of the coordinates' size) moves no coordinate of the "
        f"point {shown(x)}: each x_i + h d_i rounds to x_i (d is v scaled by a power of two "
        "to the coordinates' size), so every difference quotient would be 0; choose a step "
        "that is not tiny compared with the coordinates (above about 1e-15), or leave h out "
        "to let calcweb choose one"
    )


def _unit(i: int, size: int) -> Vector:
    return [1.0 if j == i else 0.0 for j in range(size)]


@checking_arguments_hinting(STEP, EXTRA_ARGUMENTS)
def directional_derivative(
    f: Callable[[Any], Any],
    x: Sequence[float],
    v: Sequence[float],
    *,
    method: str = "auto",
    h: float | None = None,
    full_output: bool = False,
) -> Any:
    r"""The derivative of ``f`` at ``x`` along ``v``: $\nabla f(x) \cdot v$.

    ``v`` is not normalised: divide it by its length first for the rate of
    change per unit distance.

    Args:
        f: A function of a list of numbers returning a number.
        x: The point (list, tuple or numpy array).
        v: The direction, of the same length.
        method: As for `calcweb.derivative`.
        h: As for `calcweb.derivative`, but relative (see the module): a
            step in ``t`` along ``x + t d``, ``d`` being ``v`` scaled by
            powers of two to the smallest size ``max(1, |x_i|)`` of the
            coordinates that move.
        full_output: Return a `calcweb.DerivativeResult` instead of a float:
            derivative's on the line ``t -> f(x + t v)`` (rescaled as its
            value is), with ``nfev`` every call of ``f`` and ``step`` in the
            units of ``h``. Where ``v`` moves coordinates whose sizes
            ``max(1, |x_i|)`` differ 16-fold or more and the derivative is
            taken by differences, it is the sum over one line per group of
            sizes within 16-fold of its smallest (values and errors summed,
            plus the sum's rounding; ``step`` None).

    Returns:
        The directional derivative, or a `calcweb.DerivativeResult`.

    Raises:
        InvalidArgumentError: If ``x`` and ``v`` differ in length, or for a bad method or step.
        NumericalError: If a given ``h`` moves no coordinate of ``x`` (a difference
            method's quotients would all be 0), as `calcweb.derivative` refuses one;
            without ``full_output``, also where the estimate has no correct
            digit (as a plain `calcweb.derivative` refuses it on the line).
        ArgumentTypeError: If ``x`` or ``v`` is not a sequence of numbers, or
            ``full_output`` is not True or False.

    Examples:
        >>> import math
        >>> from calcweb import directional_derivative
        >>> directional_derivative(lambda p: p[0] ** 2 + 3 * p[1], [1.0, 2.0], [1.0, 1.0])
        5.0
        >>> r = directional_derivative(lambda p: math.exp(p[0]), [0.0, 1.0], [1.0, 1.0],
        ...                            full_output=True)
        >>> r.method, abs(r.value - 1.0) <= r.error < 1e-12
        ('richardson', True)
    """
    check_callable(f)
    check_method(method)
    _full_output_flag(full_output)
    point, direction = _point(x), _vector(v, "v")
    if len(point) != len(direction):
        raise InvalidArgumentError(
            f"x has {len(point)} entries but v has {len(direction)}; give v one entry per variable"
        )
    if full_output:
        return _directional_full(f, point, direction, 1, method=method, h=h)
    return _directional(f, point, direction, 1, method=method, h=h)


def _outputs(outputs: object, count: int | None = None) -> list[Any]:
    """What a vector-valued ``f`` returned, as a list: any sequence, 1-D array or iterable.

    ``count`` is the number of outputs ``f`` returned before: it must not change.
    """
    if isinstance(outputs, (str, bytes, Mapping, Set)) or not isinstance(outputs, Iterable):
        raise ArgumentTypeError(
            f"f must return a sequence of numbers for a Jacobian (a list, tuple or 1-D "
            f"numpy array), but returned {type(outputs).__name__} {outputs!r}; for a "
            "scalar f use calcweb.grad"
        )
    try:
        values = list(outputs)
    except TypeError as error:  # a 0-d numpy array
        raise ArgumentTypeError(
            f"f must return a sequence of numbers for a Jacobian, but returned "
            f"{type(outputs).__name__} {outputs!r}, which cannot be iterated ({error})"
        ) from error
    if not values:
        raise InvalidArgumentError(
            "f returned no outputs, so its Jacobian has no rows; return at least one number"
        )
    if count is not None and len(values) != count:
        raise InvalidArgumentError(
            f"f returned {count} outputs at x but {len(values)} at a nearby point; a "
            "Jacobian needs the same number of outputs everywhere"
        )
    return values


def _jacobian_by_jets(
    f: Callable[[Any], Any], point: Vector, count: int, *, bounded: bool = False
) -> tuple[list[list[DerivativeResult]] | None, int]:
    """The Jacobian's entries from one call of ``f`` per input on jets, and the calls of ``f``.

    None for the entries if ``f`` refuses jets, or branches at or near a tie on
    them (`calcweb._taylor_mode.on_jets`): each entry is then derivative's, which
    knows what to do there. ``bounded``: on jets that carry rounding bounds
    (derivative's full_output), for the errors.
    """
    size = len(point)
    columns, calls = [], 0
    for j in range(size):
        restricted, exponent = _along(f, point, _unit(j, size))
        seed = rounding_tracked_variable if bounded else Jet.variable
        outputs, branch = on_jets(  # what f returned is read inside: f may refuse jets there
            lambda jet: _outputs(restricted(jet), count),  # noqa: B023 (called at once)
            restricted.reach(restricted.at),
            seed(restricted.at, 1),
        )
        calls += restricted.calls
        if isinstance(outputs, RefusedJets) or branch.what is not None:
            return None, calls
        if any(staircase(y, branch, 1) for y in outputs):
            return None, calls  # an entry depends on x through branches alone
        column = []
        for y in outputs:
            value = jet_derivative(y, 1, "f")
            error = derivative_error(y, 1, value) if bounded else rounding_error(value, 1)
            on_line = DerivativeResult(value, error, restricted.calls, "ad", None)
            column.append(_in_units_of_x(on_line, exponent, restricted.calls))
        columns.append(column)
    return [list(row) for row in zip(*columns, strict=True)], calls


@checking_arguments_hinting(STEP, EXTRA_ARGUMENTS)
def grad(
    f: Callable[[Any], Any],
    *misplaced: object,
    method: str = "auto",
    h: float | None = None,
    full_output: bool = False,
) -> Callable[[Sequence[float]], Any]:
    r"""The gradient $\nabla f$ as a function of the point.

    Args:
        f: A function of a list of numbers returning a number.
        *misplaced: Nothing: ``grad(f, x)`` raises an ArgumentTypeError that
            says to write ``grad(f)(x)``.
        method: As for `calcweb.derivative`.
        h: As for `calcweb.derivative`, but relative (see the module): a step
            of ``h`` times the power of two at or below ``max(1, |x_i|)``.
        full_output: The function returns an `ArrayResult` (each partial
            derivative with its error) instead of a list.

    Returns:
        A function ``x -> list[float]`` of partial derivatives (one call of
        ``f`` per variable with ``"ad"``), or ``x -> ArrayResult``; ``x`` is
        a list, tuple or 1-D numpy array.

    Raises:
        ArgumentTypeError: If ``f`` is not callable, for ``grad(f, x)``, or if
            ``full_output`` is not True or False.
        InvalidArgumentError: For a bad method or step.
        NumericalError: If a given ``h`` moves no coordinate of ``x``; without
            ``full_output``, also where an entry has no correct digit (as a
            plain `calcweb.derivative` refuses it on the coordinate).

    Examples:
        >>> from calcweb import grad, exp
        >>> g = grad(lambda p: p[0] * p[1] + exp(p[0]))
        >>> g([0.0, 3.0])
        [4.0, 0.0]
        >>> grad(lambda p: p[0] * p[1] + exp(p[0]), full_output=True)([0.0, 3.0])
        ArrayResult(value=[4.0, 0.0], error=[...], nfev=2, method='ad')
        >>> grad(lambda p: p[0] ** 3, method="central", h=0.1)([3.0])  # 27 + 0.2**2: a step of 0.2
        [27.04000000000001]
    """
    _called_with_a_point(misplaced, "grad")
    check_callable(f)
    check_method(method)
    _full_output_flag(full_output)

    def gradient(x: Sequence[float]) -> Vector:
        point = _point(x)
        size = len(point)
        return [_directional(f, point, _unit(i, size), 1, method=method, h=h) for i in range(size)]

    def gradient_in_full(x: Sequence[float]) -> ArrayResult:
        point = _point(x)
        size = len(point)
        entries = [
            _directional_full(f, point, _unit(i, size), 1, method=method, h=h) for i in range(size)
        ]
        return ArrayResult(
            [e.value for e in entries],
            [e.error for e in entries],
            sum(e.nfev for e in entries),
            _method_of(entries),
        )

    return gradient_in_full if full_output else gradient


@checking_arguments_hinting(STEP, EXTRA_ARGUMENTS)
def jacobian(
    f: Callable[[Any], Sequence[Any]],
    *misplaced: object,
    method: str = "auto",
    h: float | None = None,
    full_output: bool = False,
) -> Callable[[Sequence[float]], Any]:
    r"""The Jacobian matrix $J_{ij} = \partial f_i / \partial x_j$ as a function of the point.

    Rows are outputs, columns are inputs. With ``"ad"`` each column costs one
    call of ``f`` on jets; with the other methods each entry is one call of
    `calcweb.derivative` on one output, and the entries of a column share
    ``f``'s values: each point costs one call of ``f``, not one per output.
    By Richardson with no step ``h`` (``"auto"`` on an ``f`` written with
    ``math``), an output that keeps its value at every point that
    derivative's walk asks of a constant (where ``f`` fails, as far out where
    other outputs overflow, the walk of a constant that fails there) can get
    what that walk says of its constant (0, its error rounded up: by a few
    ulps plus the walk's error for 0.0, a subnormal of at most 6.6e-321; by
    up to 1.3e-11 of it where the error for 1.0 is itself subnormal, at
    ``|x_j|`` near 1e300) without a walk of its own, where enough outputs of
    its column (8) do so to pay for the walks of constants: most zeros of a
    large sparse Jacobian cost no walk.

    Args:
        f: A function of a list of numbers returning a sequence of numbers (a
            list, tuple or 1-D numpy array).
        *misplaced: Nothing: ``jacobian(f, x)`` raises an ArgumentTypeError
            that says to write ``jacobian(f)(x)``.
        method: As for `calcweb.derivative`.
        h: As for `calcweb.derivative`, but relative (see the module): a step
            of ``h`` times the power of two at or below ``max(1, |x_i|)``.
        full_output: The function returns an `ArrayResult` (each entry with
            its error; ``nfev`` counts the call of ``f`` at ``x`` that counts
            its outputs) instead of a list of rows.

    Returns:
        A function ``x -> list[list[float]]``, or ``x -> ArrayResult``.

    Raises:
        ArgumentTypeError: If ``f`` is not callable, for ``jacobian(f, x)``,
            or if ``full_output`` is not True or False.
        InvalidArgumentError: For a bad method or step, or if ``f`` returns no
            outputs or a number of outputs that changes from point to point.
        NumericalError: If a given ``h`` moves no coordinate of ``x``; without
            ``full_output``, also where an entry has no correct digit (as a
            plain `calcweb.derivative` refuses it on the coordinate).

    Examples:
        >>> from calcweb import jacobian
        >>> J = jacobian(lambda p: [p[0] * p[1], p[0] + 2 * p[1]])
        >>> J([3.0, 5.0])
        [[5.0, 3.0], [1.0, 2.0]]
    """
    _called_with_a_point(misplaced, "jacobian")
    check_callable(f)
    check_method(method)
    _full_output_flag(full_output)
    if h is not None:  # checked here: the jets below never use it, and would not see it
        check_step(h)

    def matrix(x: Sequence[float]) -> Any:
        point = _point(x)
        outputs = _outputs(_value_at(f, point, False, _TAKES))
        calls = 1
        if method in ("auto", "ad"):
            by_jets, calls_on_jets = _jacobian_by_jets(f, point, len(outputs), bounded=full_output)
            calls += calls_on_jets
            if by_jets is not None:
                if full_output:
                    return _array_of(by_jets, calls)
                return [[entry.value for entry in row] for row in by_jets]
            # f refuses jets: "auto" falls back to Richardson below, and "ad"
            # raises there with derivative's explanation; f branches at a tie:
            # derivative, entry by entry, says what its answer is there.
        size, count = len(point), len(outputs)
        directional = _directional_full if full_output else _directional
        columns: list[list[Any]] = []
        walks: dict[tuple[float, float, frozenset[float]], _ConstantWalk | None] = {}
        for j in range(size):  # column by column: the walks along e_j share f's values
            seen: dict[float, list[Any]] = {}
            lines: list[_OutputLine] = []
            # f's outputs, and its errors, at each point of the column, for every output's line
            in_column = functools.partial(
                _OutputLine, count=count, seen=seen, at_x=outputs, failures={}
            )

            def output_line(i: int) -> Callable[..., _Line]:
                def make(*args: Any, **kwargs: Any) -> _OutputLine:
                    line = in_column(*args, **kwargs, i=i)  # noqa: B023
                    lines.append(line)  # noqa: B023 (made at once, in this column)
                    return line

                return make

            ej = _unit(j, size)
            column_method = method
            if method == "auto" and _refuses_jets(f, point, ej, count, bounded=full_output):
                calls += 1  # as derivative's "auto": differences, and the call it refused
                column_method = "richardson"

            def entry(i: int) -> Any:
                return directional(f, point, ej, 1, method=column_method, h=h, line=output_line(i))  # noqa: B023

            first = entry(0)  # its walk asks f at the points every output's walk starts with
            constant: dict[int, DerivativeResult] = {}
            if column_method == "richardson" and h is None:
                probe, _ = _along(f, point, ej, axis=True, line=output_line(0))
                walk = functools.partial(_cached_walk, walks, point[j])
                constant = _constant_outputs(cast("_OutputLine", probe), outputs, walk)
            rest = [
                (constant[i] if full_output else constant[i].value) if i in constant else entry(i)
                for i in range(1, count)
            ]
            columns.append([first, *rest])
            calls += sum(line.calls for line in lines)
        rows = [list(row) for row in zip(*columns, strict=True)]
        return _array_of(rows, calls) if full_output else rows

    return matrix


def _refuses_jets(
    f: Callable[[Any], Any], point: Vector, direction: Vector, count: int, *, bounded: bool
) -> bool:
    """Whether ``f`` refuses the jet that each output's "auto" walk along ``direction`` tries.

    Every output's walk calls ``f`` on the same jet at the same point: where ``f``
    refuses it, each would fall back to Richardson after one more call of ``f``.
    """
    line, _ = _along(f, point, direction, axis=True)
    seed = rounding_tracked_variable if bounded else Jet.variable
    outputs, _ = on_jets(
        lambda jet: _outputs(line(jet), count), line.reach(line.at), seed(line.at, 1)
    )
    return isinstance(outputs, RefusedJets)


_NO_FAILURES: Mapping[float, Exception] = MappingProxyType({})


@dataclass(frozen=True)
class _ConstantWalk:
    """What derivative's Richardson walk along an axis at ``xj`` says of a constant on it.

    ``points``: the ``t`` it asks of 1.0 and of 0.0 (its quotients are all 0),
    and of most constants (`_walked_alike`); ``per_unit`` and ``floor``: its
    answers (in units of ``x``) for 1.0 and 0.0; ``failed``: the ``t`` where
    the constant fails as ``f`` did there, with ``f``'s error.
    """

    xj: float
    points: list[float]
    per_unit: DerivativeResult
    floor: DerivativeResult
    failed: Mapping[float, Exception]

    def at(self, c: float) -> DerivativeResult:
        """The walk's answer for the constant ``c``, its error rounded up.

        Its error for ``c`` is ``|c|`` times that for 1.0 to within a rounding
        or two, and that for 0.0 (a few subnormals) where ``c`` is tiny.
        """
        error = abs(c) * self.per_unit.error * (1.0 + 8.0 * _EPS) + self.floor.error
        return DerivativeResult(0.0, error, 0, self.per_unit.method, self.per_unit.step)


class _ConstantLine(_Line):
    """A constant on the line that `_along` makes along one coordinate, recording the ``t`` asked.

    Along ``e_j`` the line is fixed by ``x_j`` alone (its ``at``, reach and
    grid), so the line through ``[x_j]`` is the same line, and costs no point of ``f``'s size.
    At the ``t`` in ``failed`` it raises the error ``f`` raised there.
    """

    def __init__(
        self,
        c: float,
        x: Vector,
        direction: Vector,
        *,
        axis: bool,
        several: bool,
        failed: Mapping[float, Exception],
    ) -> None:
        super().__init__(lambda _: c, x, direction, axis=axis, several=several)
        self.c = c
        self.failed = failed
        self.asked: list[float] = []

    def __call__(self, t: Any) -> Any:
        self.asked.append(t)
        if t in self.failed:
            raise self.failed[t]
        return self.c


class _FailuresOf(Mapping[float, Exception]):
    """Where ``f`` fails on a column's line, learnt by asking it (through ``probe``).

    ``t in`` asks ``f`` at a ``t`` not asked before (its outputs kept in
    ``probe.seen`` for every output's walk, its error in ``failed``): a walk of
    a constant through `_ConstantLine` then fails exactly where ``f`` does,
    wherever it goes (the look for a far stair narrows down to where ``f``
    starts failing, `_before_failure`, at points no earlier walk asked).
    """

    def __init__(self, probe: _OutputLine, failed: dict[float, Exception]) -> None:
        self.probe, self.failed = probe, failed

    def __contains__(self, t: object) -> bool:
        if isinstance(t, float) and t not in self.failed and t not in self.probe.seen:
            try:
                self.probe(t)
            except Exception as error:  # every output's walk fails there
                self.failed[t] = error
        return t in self.failed

    def __getitem__(self, t: float) -> Exception:
        return self.failed[t]

    def __iter__(self) -> Iterator[float]:
        return iter(self.failed)

    def __len__(self) -> int:
        return len(self.failed)


def _walk_of_a_constant(
    xj: float, failed: Mapping[float, Exception] = _NO_FAILURES
) -> _ConstantWalk | None:
    """The Richardson walk of an output constant along a coordinate at ``xj`` (`_ConstantWalk`).

    None where it is no walk the Jacobian's shortcut can rest on: one that
    asks other points of 1.0 and 0.0, or that fails where ``f`` did.
    """
    try:
        (points, per_unit), (points_of_0, floor) = (
            _constant_along(1.0, xj, failed),
            _constant_along(0.0, xj, failed),
        )
    except Exception:  # f's error there, or derivative's refusal of it
        return None  # each output's walk says what it is
    if points != points_of_0 or per_unit.value != 0.0 or floor.value != 0.0:
        return None  # not the walk of a constant that the Jacobian's shortcut rests on
    if not isinstance(failed, _FailuresOf):
        failed = dict(failed)  # as it was then
    return _ConstantWalk(xj, points, per_unit, floor, failed)


def _constant_along(
    c: float, xj: float, failed: Mapping[float, Exception] = _NO_FAILURES
) -> tuple[list[float], DerivativeResult]:
    """The ``t`` derivative's walk asks of ``c`` along a coordinate at ``xj``, and its answer.

    At the ``t`` in ``failed``, ``c`` fails as ``f`` did there (`_ConstantLine`).
    """

    def make(_: Any, x: Vector, direction: Vector, *, axis: bool, several: bool) -> _ConstantLine:
        return _ConstantLine(c, x, direction, axis=axis, several=several, failed=failed)

    line, exponent = _along(lambda _: c, [xj], [1.0], axis=True, line=make)
    result = derivative(line, line.at, 1, method="richardson", full_output=True)
    return cast("_ConstantLine", line).asked, _in_units_of_x(result, exponent, 0)


# Outputs that keep their value along a column before the walks of constants pay for
# themselves (about 2 ms each; a walk of one output about 1 to 2 ms): below that many,
# each output takes its own walk, as before.
_WALKS_SAVED_TO_PAY = 8


def _cached_walk(
    walks: dict[tuple[float, float, frozenset[float]], _ConstantWalk | None],
    xj: float,
    failed: Mapping[float, Exception],
) -> _ConstantWalk | None:
    """`_walk_of_a_constant` at ``xj``, kept in ``walks`` for the columns of the same ``x_j``.

    A column whose ``f`` failed at the same points (none, mostly) shares it;
    one that learns where its ``f`` fails (`_FailuresOf`) does not.
    """
    if isinstance(failed, _FailuresOf):
        return _walk_of_a_constant(xj, failed)
    key = (xj, math.copysign(1.0, xj), frozenset(failed))  # -0.0 is a point of its own
    if key not in walks:
        walks[key] = _walk_of_a_constant(xj, failed)
    return walks[key]


def _constant_outputs(
    probe: _OutputLine,
    at_x: list[Any],
    walk_of_a_constant: Callable[[Mapping[float, Exception]], _ConstantWalk | None],
) -> dict[int, DerivativeResult]:
    """The outputs but the first that keep their value at every point a constant's walk asks.

    derivative's walk is a function of the values it is given (as floats:
    1 and 1.0, -0.0 and 0.0 alike) and of where ``f`` fails: on such an
    output it asks those very points and says what it says of that constant
    (`_ConstantWalk`), so no walk of its own is needed. In a sparse Jacobian
    (``f_i`` of a few inputs) most entries are such, and each walk costs about
    a millisecond of Python (a Jacobian of 100 inputs took 36 s). The walks
    of constants cost as much as 4 to 6 such walks (`_walk_of_a_constant`,
    `_walked_alike`): they are taken only where `_WALKS_SAVED_TO_PAY` outputs
    or more kept their value at the points ``f`` was asked at already
    (``probe.seen``: the first output's walk). Where ``f`` fails at some of
    the points (its other outputs overflow where a flat output's stair is
    looked for, out to the end of the floats), every output's walk fails
    there: the constant's walk is taken again, once, failing where ``f``
    fails at each point it asks (`_FailuresOf`), as each output's walk does.
    """
    kept = [i for i, c in enumerate(at_x) if i and _plain_number(c)]  # output 0 had its walk
    for values in probe.seen.values():
        kept = _unchanged(kept, values, at_x)
    failed: dict[float, Exception] = {}
    walk = walk_of_a_constant(failed) if len(kept) >= _WALKS_SAVED_TO_PAY else None
    if walk is None:
        return {}
    kept = _kept_at(probe, walk.points, kept, at_x, failed)
    if kept and failed:
        walk = walk_of_a_constant(_FailuresOf(probe, failed))
        if walk is None:
            return {}
        kept = _kept_at(probe, walk.points, kept, at_x, failed)  # f was asked at each
    if not kept:
        return {}  # every output moved: f need not be asked at the points left
    rows = [probe.seen[t] for t in walk.points if t not in failed]
    if any(set(map(type, values)) != {float} for values in [at_x, *rows]):  # rare: each one
        kept = [i for i in kept if all(_plain_number(values[i]) for values in rows)]
    return {i: walk.at(float(at_x[i])) for i in _walked_alike(walk, {i: at_x[i] for i in kept})}


def _kept_at(
    probe: _OutputLine,
    points: list[float],
    kept: list[int],
    at_x: list[Any],
    failed: dict[float, Exception],
) -> list[int]:
    """``kept`` narrowed to the outputs that keep their value where ``f`` is asked at ``points``.

    ``f`` is asked at the points not asked before (its outputs kept in
    ``probe.seen`` for every output's walk), until no output is left; where
    it fails, its error is put in ``failed``, and the points farther out on
    that side are left to the walk taken again with that failure, which asks
    those it needs (a far look for a stair asks none beyond where ``f`` fails).
    """
    at = probe.at
    beyond = {-1.0: math.inf, 1.0: math.inf}  # where f failed on each side of at
    for t in points:
        if not kept:
            break
        side = math.copysign(1.0, t - at)
        if t in probe.seen or t in failed or abs(t - at) > beyond[side]:
            continue  # kept was narrowed by its values already, or left for the next walk
        try:
            probe(t)
        except Exception as error:  # every output's walk fails there
            failed[t] = error
            beyond[side] = min(beyond[side], abs(t - at))
            continue
        kept = _unchanged(kept, probe.seen[t], at_x)
    return kept


def _unchanged(kept: list[int], values: list[Any], at_x: list[Any]) -> list[int]:
    """The outputs ``i`` in ``kept`` whose ``values[i]`` is ``at_x[i]``, their value at x.

    It runs for every point of every column, over all the outputs: C's iterators
    take a tenth of the time a comprehension does (a Jacobian of 200 inputs).
    """
    same = map(operator.eq, map(values.__getitem__, kept), map(at_x.__getitem__, kept))
    return list(itertools.compress(kept, same))


def _walked_alike(walk: _ConstantWalk, constants: dict[int, float]) -> list[int]:
    """The outputs whose constant derivative walks through ``walk.points``, as it walks 1.0.

    Its walk asks other points where ``|c|`` is large beside ``x_j`` (at
    ``x_j`` = 1e-300 for ``c`` = 1e20, not 1e15; at 0.4 from about 3e307
    on): past a threshold in ``|c|``. The walks of 0.0 and 1.0 bracket the
    constants from 0 to 1; the largest above 1 and the largest ``|c|`` of the
    negative ones (-0.0 is 0.0 to the walk) are walked too: where one is
    walked otherwise, the outputs of its side take walks of their own.
    """
    alike = [i for i, c in constants.items() if 0.0 <= c <= 1.0]  # between 0 and 1: walked
    for side in (
        [i for i, c in constants.items() if c > 1.0],
        [i for i, c in constants.items() if c < 0.0],
    ):
        c = max((float(constants[i]) for i in side), key=abs, default=None)
        if c is not None and _constant_along(c, walk.xj, walk.failed)[0] == walk.points:
            alike += side
    return alike


def _plain_number(y: object) -> bool:
    """Whether ``y`` is an int or float that derivative reads as the finite float it is."""
    return isinstance(y, (int, float)) and not isinstance(y, bool) and math.isfinite(y)


class _OutputLine(_Line):
    """Output ``i`` of a vector-valued ``f`` on a line, for a Jacobian's column of walks.

    The walks of every output along one coordinate ask for the same ``t``
    (their steps depend on the line, not on the output, until each stops):
    ``seen`` keeps ``f``'s outputs at each float ``t`` (``at_x``: at ``x``,
    known), and ``failures`` its error where it fails, so that each point
    costs one call of ``f``, counted in ``calls`` of the line that made it,
    not one per output. Jets (method ``"auto"`` trying Taylor mode) are not
    kept.
    """

    def __init__(
        self,
        f: Callable[[Any], Any],
        x: Vector,
        direction: Vector,
        *,
        axis: bool = False,
        several: bool = False,
        i: int,
        count: int,
        seen: dict[float, list[Any]],
        at_x: list[Any],
        failures: dict[float, Exception] | None = None,
    ) -> None:
        super().__init__(f, x, direction, axis=axis, several=several)
        self.i, self.count, self.seen = i, count, seen
        self.failures = {} if failures is None else failures
        seen.setdefault(self.at, at_x)

    def __call__(self, t: Any) -> Any:
        if type(t) is not float:
            return _outputs(super().__call__(t), self.count)[self.i]
        if t not in self.seen:
            if t in self.failures:  # f failed there for another output's walk: it would again
                raise self.failures[t]
            try:
                self.seen[t] = _outputs(super().__call__(t), self.count)
            except Exception as error:
                self.failures[t] = error
                raise
        return self.seen[t][self.i]


def _array_of(rows: list[list[DerivativeResult]], nfev: int) -> ArrayResult:
    """The `ArrayResult` of a matrix of entries that cost ``nfev`` calls of ``f`` in all."""
    return ArrayResult(
        [[e.value for e in row] for row in rows],
        [[e.error for e in row] for row in rows],
        nfev,
        _method_of(e for row in rows for e in row),
    )


@checking_arguments_hinting(STEP, EXTRA_ARGUMENTS)
def hessian(
    f: Callable[[Any], Any],
    *misplaced: object,
    method: str = "auto",
    h: float | None = None,
    full_output: bool = False,
) -> Callable[[Sequence[float]], Any]:
    r"""The Hessian matrix $H_{ij} = \partial^2 f / \partial x_i \partial x_j$.

    Computed by polarisation of second directional derivatives (see the
    module), ``n (n + 1) / 2`` of them, each exact to rounding with
    ``"ad"`` where ``f``'s quotients and roots do not magnify it
    (``sin(p[0])/p[0]`` at ``[1e-8]``: -1.0 for -1/3, error 22; as in `calcweb.derivative`,
    ``"auto"`` then also tries Richardson (here: -0.33333333333348747), and
    without ``full_output`` a diagonal entry left with no correct digit is
    refused). Polarisation subtracts: an off-diagonal entry far below the
    diagonal ones, or below their errors, can have no correct digit. On
    jets (``"ad"``, or ``"auto"`` with ``f`` written with calcweb's
    functions), where polarisation subtracts terms more than 8 times the
    entry, the entry is read off the curve $x + t^2 e_i + t^3 e_j$ instead,
    in one more call of ``f`` on jets of order 5: the $t^5$ coefficient of
    ``f`` there is $f_{ij}$ itself, as no pure derivative ($f_{ii}$,
    $f_{jjj}$, ...) reaches $t^5$, so nothing is subtracted
    (``1e20 x**2 + x y + 1e20 y**2`` at (1, 1): ``H[0][1]`` is 1, not the
    0.0 of polarisation). Where ``f`` refuses jets, polarisation's entry
    stands, and ``full_output`` shows its error.

    Args:
        f: A function of a list of numbers returning a number.
        *misplaced: Nothing: ``hessian(f, x)`` raises an ArgumentTypeError
            that says to write ``hessian(f)(x)``.
        method: As for `calcweb.derivative`.
        h: As for `calcweb.derivative`, but relative (see the module): a step
            of ``h`` times the power of two at or below ``max(1, |x_i|)``
            (the larger of the two ``|x_i|`` for an off-diagonal entry).
        full_output: The function returns an `ArrayResult` (each entry with
            its error) instead of a list of rows.

    Returns:
        A function ``x -> list[list[float]]``, symmetric, or ``x -> ArrayResult``.

    Raises:
        ArgumentTypeError: If ``f`` is not callable, for ``hessian(f, x)``, or
            if ``full_output`` is not True or False.
        InvalidArgumentError: For a bad method or step.
        NumericalError: If an entry overflows, or a given ``h`` moves no
            coordinate of ``x``, or (without ``full_output``) a diagonal entry
            on jets has no correct digit (see above).

    Examples:
        >>> from calcweb import hessian
        >>> H = hessian(lambda p: p[0] ** 2 * p[1] + p[1] ** 3)
        >>> H([1.0, 2.0])
        [[4.0, 2.0], [2.0, 12.0]]
        >>> hessian(lambda p: 1e20 * p[0] ** 2 + p[0] * p[1] + 1e20 * p[1] ** 2)([1.0, 1.0])
        [[2e+20, 1.0], [1.0, 2e+20]]
        >>> r = hessian(lambda p: 1e20 * p[0] ** 3 + p[0] * p[1] + 1e20 * p[1] ** 3,
        ...             full_output=True)([1.0, 1.0])
        >>> r.value[0][1], r.error[0][1] < 1e-15, r.nfev   # 3 jets, and 1 for the curve
        (1.0, True, 4)
    """
    _called_with_a_point(misplaced, "hessian")
    check_callable(f)
    check_method(method)
    _full_output_flag(full_output)
    jets = method in ("auto", "ad")  # off-diagonal entries far below the diagonal: on a curve

    def matrix(x: Sequence[float]) -> Matrix:
        point = _point(x)
        size = len(point)
        units = [_unit(i, size) for i in range(size)]
        result = [[0.0] * size for _ in range(size)]
        for i in range(size):
            result[i][i] = _directional(f, point, units[i], 2, method=method, h=h)
        for i in range(size):
            for j in range(i + 1, size):
                both = [a + b for a, b in zip(units[i], units[j], strict=True)]
                try:
                    mixed = _directional(f, point, both, 2, method=method, h=h)
                except NumericalError:
                    result[i][j] = result[j][i] = _off_the_line(f, point, i, j, jets).value
                    continue
                entry = _polarised(mixed, result[i][i], result[j][j], (i, j))
                if jets and _lossy(entry, (mixed, result[i][i], result[j][j])):
                    curve = _mixed_on_jets(f, point, i, j, bounded=False)
                    entry = curve.value if curve is not None else entry
                result[i][j] = result[j][i] = entry
        return result

    def matrix_in_full(x: Sequence[float]) -> ArrayResult:
        point = _point(x)
        size = len(point)
        units = [_unit(i, size) for i in range(size)]
        rows = [[DerivativeResult(0.0, 0.0, 0, "", None)] * size for _ in range(size)]
        for i in range(size):
            rows[i][i] = _directional_full(f, point, units[i], 2, method=method, h=h)
        calls = sum(rows[i][i].nfev for i in range(size))
        for i in range(size):
            for j in range(i + 1, size):
                both = [a + b for a, b in zip(units[i], units[j], strict=True)]
                try:
                    mixed = _directional_full(f, point, both, 2, method=method, h=h)
                except NumericalError:
                    rows[i][j] = rows[j][i] = _off_the_line(f, point, i, j, jets, bounded=True)
                    calls += 1
                    continue
                calls += mixed.nfev
                entry = _polarised_result(mixed, rows[i][i], rows[j][j], (i, j))
                sizes = (mixed.value, rows[i][i].value, rows[j][j].value)
                # where f refused jets on the line e_i + e_j it refuses them on the curve
                if jets and mixed.method == "ad" and _lossy(entry.value, sizes):
                    curve = _mixed_on_jets(f, point, i, j, bounded=True)
                    calls += 1
                    entry = curve if curve is not None else entry
                rows[i][j] = rows[j][i] = entry
        return _array_of(rows, calls)

    return matrix_in_full if full_output else matrix


def _polarised(mixed: float, ii: float, jj: float, entry: tuple[int, int]) -> float:
    """``H_ij = (phi''_{e_i+e_j} - H_ii - H_jj) / 2``, or a NumericalError if it overflows."""
    value = 0.5 * (mixed - ii - jj)
    if not math.isfinite(value):  # inf - inf: the diagonal overflows by itself
        raise NumericalError(
            f"the Hessian entry {entry} overflows: second derivatives near "
            "1e308 cannot be combined; scale the function down"
        )
    return value


def _polarised_result(
    mixed: DerivativeResult, ii: DerivativeResult, jj: DerivativeResult, entry: tuple[int, int]
) -> DerivativeResult:
    """`_polarised` with its error: half the sum of the three, plus the two subtractions' rounding.

    ``fl(m - a)`` rounds by at most eps/2 of ``|m| + |a|``, and ``fl(m - a) - b``
    by eps/2 of ``|m| + |a| + |b|`` (to first order): eps of the three sizes, halved.
    """
    value = _polarised(mixed.value, ii.value, jj.value, entry)
    error = 0.5 * mixed.error + 0.5 * ii.error + 0.5 * jj.error
    error += 0.5 * _EPS * (abs(mixed.value) + abs(ii.value) + abs(jj.value))  # the rounding
    if not math.isfinite(error):
        raise NumericalError(
            f"the error of the Hessian entry {entry} overflows: errors near 1e308 "
            "cannot be combined; scale the function down"
        )
    return DerivativeResult(value, error, mixed.nfev, _method_of((mixed, ii, jj)), None)


# Polarisation loses at most this many bits to cancellation where it subtracts
# terms of at most 2**_LOSSY times the entry; beyond, the entry is taken on a curve.
_LOSSY = 3


def _lossy(value: float, sizes: Iterable[float]) -> bool:
    """Whether polarisation's ``value`` came from subtracting ``sizes`` far above it (halved)."""
    return sum(math.ldexp(abs(s), -1 - _LOSSY) for s in sizes) > abs(value)  # no overflow


def _off_the_line(
    f: Callable[[Any], Any], x: Vector, i: int, j: int, jets: bool, *, bounded: bool = False
) -> DerivativeResult:
    """``H[i][j]`` on jets along a curve (`_mixed_on_jets`), where the line along e_i + e_j failed.

    That line's steps are scaled to the largest coordinate that moves (`_along`),
    so where the two differ in size its derivative can overflow though ``f``'s do
    not: ``p0 * p1`` at ``[1e160, 1e-160]`` has ``H[0][1]`` = 1, but 2 * 2**1062
    along the line. The curve moves each coordinate by its own ``t**2``, ``t**3``.
    Where that fails too, the line's error is raised (call this in its ``except``).
    """
    curve = _mixed_on_jets(f, x, i, j, bounded=bounded) if jets else None
    if curve is None:
        raise  # noqa: PLE0704  the line's NumericalError, being handled by the caller
    return curve


def _mixed_on_jets(
    f: Callable[[Any], Any], x: Vector, i: int, j: int, *, bounded: bool
) -> DerivativeResult | None:
    r"""``H[i][j]`` from one call of ``f`` on jets of order 5, with no subtraction.

    Along the curve $x + t^2 e_i + t^3 e_j$ the $t^5$ coefficient of ``f`` is
    $\sum_\alpha \partial^\alpha f / \alpha!$ over the $\alpha$ with
    $2 \alpha_i + 3 \alpha_j = 5$: only $\alpha = e_i + e_j$, so it is $f_{ij}$
    itself; the pure derivatives ($f_{ii}$, $f_{iii}$, ...) land on other
    powers of ``t``. Polarisation subtracts the diagonal's terms instead
    (``1e20 x**2 + x y + 1e20 y**2`` at (1, 1): 2e20s, whose rounding is all of
    the entry 1). ``f`` gets a list with jets where the curve moves (``bounded``:
    jets that carry rounding bounds, for full_output). ``None`` where ``f``
    refuses jets or fails on them (a coefficient overflows), or branches at or
    near a tie on them: polarisation's answer stands there.
    """
    t = (rounding_tracked_variable if bounded else Jet.variable)(0.0, 5)
    point: list[Any] = list(x)
    point[i], point[j] = x[i] + t * t, x[j] + t * t * t
    # x_i moves by t**2 and x_j by t**3: within rounding where t is within those roots.
    within = min(math.sqrt(reach(x[i])), reach(x[j]) ** (1 / 3))
    try:
        y, branch = on_jets(lambda p: call(f, p, takes=_TAKES), within, point)
    except CalcwebError:
        return None
    if not isinstance(y, Jet) or y.degree < 5 or branch.what is not None:
        return None  # refused (RefusedJets), f's own jet, or a branch at a tie
    c = y.coefficients[5]
    error = c.bound if isinstance(c, RoundedFloat) else rounding_error(c, 2)
    return DerivativeResult(float(c), error, 1, "ad", None)


# ------------------------------------------------------- Jacobian-vector products

_TAKES_POINT = "a list of numbers (the point), or one number when x is a number"


def _primal(x: object) -> tuple[Vector, bool]:
    """``x`` as a list of finite floats, and whether it was one number (then f takes a number)."""
    if not isinstance(x, bool) and isinstance(x, Real):
        return [check_point(x, "x")], True
    return _point(x), False


def _tangent(v: object, point: Vector, scalar: bool, name: str) -> Vector:
    """``v`` (a tangent or cotangent of the input) checked against the shape of ``x``."""
    if scalar:
        if isinstance(v, bool) or not isinstance(v, Real):
            raise ArgumentTypeError(
                f"x is one number, so {name} must be one number too, but got "
                f"{type(v).__name__} {shown(v)}"
            )
        return [check_real(v, name)]
    if not isinstance(v, bool) and isinstance(v, Real):
        raise ArgumentTypeError(
            f"x is a list of {len(point)} numbers, so {name} must be a list of {len(point)} "
            f"numbers too (one per entry of x), but got the number {shown(v)}"
        )
    direction = _vector(v, name)
    if len(direction) != len(point):
        raise InvalidArgumentError(
            f"x has {len(point)} entries but {name} has {len(direction)}; give {name} one "
            "entry per entry of x"
        )
    return direction


def _as_x(entries: list[Any], scalar: bool) -> Any:
    """The point ``entries`` (floats, jets or Values) as x was given: one number, or a list."""
    return entries[0] if scalar else list(entries)


def _call_at(f: Callable[[Any], Any], entries: list[Any], scalar: bool) -> Any:
    """``f`` at the point ``entries`` (floats, jets or Values): a number when x was a number."""
    return call(f, _as_x(entries, scalar), takes=_TAKES_POINT)


def _outside_domain_at_x(
    error: ValueError | ZeroDivisionError, x: Any, called_at: str = ""
) -> DomainError:
    """The DomainError for f's own ``error`` at x itself (``x`` as `_as_x` gives it).

    ``called_at`` names what f was called with there ("calcweb.Jets at "), if not
    x's floats. No step or formula helps where f fails at x itself (there is no
    one-sided one here): x must move.
    """
    return outside_domain(error, f"f({called_at}{shown(x)})", x, fix="move x into the domain of f")


def _value_at(
    f: Callable[[Any], Any], point: Vector, scalar: bool, takes: str = _TAKES_POINT
) -> Any:
    """``f`` at a point of floats; f's own ValueError, ZeroDivisionError or OverflowError: ours."""
    at = _as_x(point, scalar)
    try:
        return call(f, at, takes=takes)
    except OverflowError as error:
        raise overflowed(error, f"f({shown(at)})") from error
    except (ValueError, ZeroDivisionError) as error:
        if isinstance(error, CalcwebError):
            raise
        raise _outside_domain_at_x(error, at) from error


def _entries(y: object) -> tuple[list[Any], bool]:
    """What ``f`` returned, as a list, and whether it was one number (a scalar f)."""
    if isinstance(y, (Jet, Value)) or (not isinstance(y, bool) and isinstance(y, Real)):
        return [y], True
    items = None if isinstance(y, Set) else listed(y)
    if items is None:
        raise ArgumentTypeError(
            f"f must return a number or a list of numbers (a tuple or a 1-D numpy array "
            f"works too), but returned {type(y).__name__} {shown(y)}"
        )
    if not items:
        raise InvalidArgumentError("f returned an empty list; return at least one number")
    for i, item in enumerate(items):
        if isinstance(item, (str, bytes)) or listed(item) is not None:
            raise ArgumentTypeError(
                f"f must return a flat list of numbers, but entry {i} of what it returned is "
                f"{type(item).__name__} {shown(item)}; flatten it"
            )
    return items, False


def _shaped(values: Vector, scalar: bool) -> Any:
    """A float when the shape is one number, else the list."""
    return values[0] if scalar else values


# What _call_for_ad returns when f refuses jets or Values and may fall back.
_NOT_WRITTEN_FOR_AD = object()
# What it returns when f branched at or near a tie on jets, under method="auto".
_BRANCHED = object()


def _call_for_ad(
    f: Callable[[Any], Any],
    entries: list[Any],
    point: Vector,
    scalar: bool,
    *,
    method: str,
    what: str,
    within: float = 0.0,
) -> Any:
    """``f`` at jets or Values (``what``) at ``point``; `_NOT_WRITTEN_FOR_AD` if f refuses them.

    A refusal is f's own error (`call_on_jets`); with method='ad' it is an
    error that says how to write f or where f fails, else the caller falls
    back to differences. Where f branches at or near a tie on jets (moving
    ``t`` by ``within`` could flip it: `calcweb._taylor_mode.on_jets`),
    or where an output depends on x through branches alone (`staircase`),
    "auto" gets `_BRANCHED`, and "ad" the branch's answer (torch's convention).
    """
    y, branch = on_jets(_call_at, within, f, entries, scalar)
    if not isinstance(y, RefusedJets):
        entries_out = y if isinstance(y, (list, tuple)) else [y]
        flat = any(staircase(out, branch, 1) for out in entries_out)
        return _BRANCHED if (branch.what is not None or flat) and method != "ad" else y
    error = y.error
    if method != "ad":
        return _NOT_WRITTEN_FOR_AD
    if isinstance(error, OUTSIDE_THE_DOMAIN):
        raise _outside_domain_at_x(error, _as_x(point, scalar), f"calcweb.{what}s at ") from error
    raise ad_refused(what, error, f, lambda: _call_at(f, point, scalar)) from error


def _components(
    f: Callable[[Any], Any], point: Vector, scalar: bool
) -> tuple[list[Any], bool, list[Callable[[Any], Any]]]:
    """The outputs of ``f`` at the point, whether it returns one number, and one function each."""
    outputs, scalar_out = _entries(_value_at(f, point, scalar))

    def component(i: int) -> Callable[[Any], Any]:
        def output(p: Any) -> Any:
            entries, _ = _entries(_call_at(f, p, scalar))
            if len(entries) != len(outputs):
                raise InvalidArgumentError(
                    f"f returned {len(outputs)} outputs at x but {len(entries)} at a nearby "
                    "point; it must return the same number of outputs everywhere"
                )
            return entries[i]

        return output

    return outputs, scalar_out, [component(i) for i in range(len(outputs))]


@checking_arguments_hinting(STEP, EXTRA_ARGUMENTS)
def jvp(
    f: Callable[[Any], Any],
    x: float | Sequence[float],
    v: float | Sequence[float],
    *,
    method: str = "auto",
    h: float | None = None,
) -> tuple[Any, Any]:
    r"""``(f(x), J v)``: the value of ``f`` and its derivative along ``v``, as ``jax.jvp``.

    Forward mode: ``f`` is called once, on jets $x_i + v_i t$, and both the
    value and $J v = \frac{d}{dt} f(x + t v)\big|_{t=0}$ come out of that one
    call, exact to rounding, however many outputs ``f`` has. (JAX takes
    tuples of primals and tangents, ``jax.jvp(f, (x,), (v,))``; calcweb takes
    the one argument ``x`` and its tangent ``v`` directly.)

    Args:
        f: A function of a list of numbers (or of one number, when ``x`` is
            one) returning a number or a list of numbers. Written with
            calcweb's functions (``calcweb.sin``, ...) it accepts jets.
        x: The point: a list, tuple or 1-D numpy array of numbers, or one number.
        v: The tangent, of the same shape as ``x``.
        method: ``"auto"`` (default): jets, or ``"richardson"`` when ``f``
            does not accept jets (written with ``math``, say), as
            `calcweb.jacobian` does (where ``f`` branches at a tie on the
            jets, each output as `calcweb.derivative`'s ``"auto"`` takes it);
            ``"ad"``: jets (the branch's derivative) or an ArgumentTypeError;
            any other method of `calcweb.derivative`: the directional
            derivative of each output along ``v`` by that method.
        h: As for `calcweb.derivative`, but relative (see the module); not
            used by jets.

    Returns:
        ``(f(x), J v)``: two floats when ``f`` returns a number, else two
        lists with one entry per output.

    Raises:
        ArgumentTypeError: ``f`` is not callable or returns something that is
            not a number or a flat list of numbers, ``x`` or ``v`` is not a
            number or a list of numbers, or ``v`` does not have the shape of
            ``x``; with ``method="ad"``, ``f`` does not accept jets.
        InvalidArgumentError: ``v`` has another length than ``x``, a NaN or
            infinite entry, a bad method or step.
        NumericalError: a value or derivative overflows, a given ``h``
            moves no coordinate of ``x``, or (differences) an output's
            derivative along ``v`` has no correct digit (as a plain
            `calcweb.derivative` refuses it on the line; its estimate and
            error: `calcweb.directional_derivative` with ``full_output=True``).

    Examples:
        >>> from calcweb import jvp, sin
        >>> jvp(lambda p: [p[0] * p[1], sin(p[0])], [2.0, 3.0], [1.0, 0.0])
        ([6.0, 0.9092974268256817], [3.0, -0.4161468365471424])
        >>> jvp(lambda t: t**3, 2.0, 1.0)   # one number in, one number out
        (8.0, 12.0)
    """
    check_callable(f)
    check_method(method)
    if h is not None:
        check_step(h)
    point, scalar = _primal(x)
    direction = _tangent(v, point, scalar, "v")
    if method in ("auto", "ad"):
        jets = [Jet([xi, vi]) for xi, vi in zip(point, direction, strict=True)]
        # x moves by t v: within rounding of x where t is within reach / |v|, coordinate-wise.
        moving = [(xi, vi) for xi, vi in zip(point, direction, strict=True) if vi]
        within = min((reach(xi) / abs(vi) for xi, vi in moving), default=0.0)
        y = _call_for_ad(f, jets, point, scalar, method=method, what="Jet", within=within)
        if y is _BRANCHED:
            pass  # derivative's "auto", output by output, says what the answer is there
        elif y is not _NOT_WRITTEN_FOR_AD:
            outputs, scalar_out = _entries(y)
            values = [jet_derivative(out, 0, "f") for out in outputs]
            tangents = [jet_derivative(out, 1, "f") for out in outputs]
            return _shaped(values, scalar_out), _shaped(tangents, scalar_out)
        else:
            method = "richardson"
    outputs, scalar_out, components = _components(f, point, scalar)
    values = [result_value(out, "f(x)") for out in outputs]
    if not any(direction):
        tangents = [0.0] * len(values)
    else:
        tangents = [
            _directional(component, point, direction, 1, method=method, h=h)
            for component in components
        ]
    return _shaped(values, scalar_out), _shaped(tangents, scalar_out)


def _graph_leaves(outputs: list[Value], ours: list[Value]) -> tuple[list[Value], bool]:
    """The leaves of the graph of ``outputs`` other than ``ours`` (parameters, constants).

    Also whether a relu or abs of the graph has the input 0 (a kink), in the same walk.
    """
    mine = {id(leaf) for leaf in ours}
    seen: set[int] = set()
    stack = list(outputs)
    leaves = []
    kinked = False
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        inputs = node.inputs
        if inputs:
            stack.extend(inputs)
            kinked = kinked or (node.op in KINKED_OPS and inputs[0].data == 0.0)
        elif id(node) not in mine:
            leaves.append(node)
    return leaves, kinked


def _reverse_mode(
    outputs: list[Any], leaves: list[Value], others: list[Value], scalar: bool, scalar_out: bool
) -> Callable[[Any], Any]:
    """The pullback ``u -> u^T J`` by one backward pass through the graph of ``outputs``.

    ``others``: the leaves of that graph besides ``leaves``, whose grads it keeps.
    """

    def pullback(u: float | Sequence[float]) -> Any:
        weights = _cotangent(u, len(outputs), scalar_out)
        pairs = [
            (out, w) for out, w in zip(outputs, weights, strict=True) if isinstance(out, Value)
        ]
        saved = [(leaf, leaf.grad) for leaf in others]
        for leaf in leaves:
            leaf.grad = 0.0
        try:
            if pairs:  # one node sum_i u_i y_i, whose own value is never read
                sink = Value(0.0, tuple(p for p, _ in pairs), tuple(w for _, w in pairs), "uᵀy")
                sink.backward()
            gradient = [leaf.grad for leaf in leaves]
        finally:  # a pullback leaves the grads of f's other leaves (a model's weights) as they were
            for leaf, grad in saved:
                leaf.grad = grad
        return _shaped(gradient, scalar)

    return pullback


def _cotangent(u: object, count: int, scalar_out: bool) -> Vector:
    """``u``, a cotangent of f's output: one number for a scalar f, else one per output."""
    if scalar_out:
        if isinstance(u, bool) or not isinstance(u, Real):
            raise ArgumentTypeError(
                f"f returns one number, so u must be one number too, but got "
                f"{type(u).__name__} {shown(u)}"
            )
        return [check_real(u, "u")]
    if not isinstance(u, bool) and isinstance(u, Real):
        raise ArgumentTypeError(
            f"f returns a list of {count} numbers, so u must be a list of {count} numbers "
            f"(one per output), but got the number {shown(u)}"
        )
    weights = _vector(u, "u")
    if len(weights) != count:
        raise InvalidArgumentError(
            f"f returns {count} outputs but u has {len(weights)} entries; give u one entry "
            "per output of f"
        )
    return weights


@checking_arguments_hinting(STEP, EXTRA_ARGUMENTS)
def vjp(
    f: Callable[[Any], Any],
    x: float | Sequence[float],
    *,
    method: str = "auto",
    h: float | None = None,
) -> tuple[Any, Callable[[Any], Any]]:
    r"""``(f(x), pullback)`` with ``pullback(u)`` $= u^\top J$, as ``jax.vjp``.

    Reverse mode: ``f`` is called once, on `calcweb.Value` leaves, and each
    ``pullback(u)`` is one backward pass through that graph from the single
    node $\sum_i u_i f_i(x)$, so its cost is a small multiple of that one
    call of ``f``, however long ``x`` is (forward mode takes one pass per
    entry of ``x`` for the whole of $u^\top J$). ``pullback`` may be called
    any number of times, with different ``u``: it zeroes the leaves'
    gradients first, and leaves the ``grad`` of every other leaf of the
    graph (a model's weights, say) as it found it.

    JAX's pullback returns a tuple with one cotangent per primal argument,
    ``(x_bar,)``; calcweb's ``f`` has the one argument ``x``, so
    ``pullback(u)`` returns $u^\top J$ itself, in the shape of ``x``.

    Args:
        f: A function of a list of numbers (or of one number, when ``x`` is
            one) returning a number or a list of numbers. Written with
            calcweb's functions, or `calcweb.nn` (a model, a loss), it
            accepts Values.
        x: The point: a list, tuple or 1-D numpy array of numbers, or one number.
        method: ``"auto"`` (default): Values, or when ``f`` does not accept
            them (written with ``math``, say) the Jacobian by
            ``"richardson"``, one derivative per entry, as `calcweb.jacobian`
            does; also where ``f``'s Values pass through a relu or abs exactly
            at its kink (an input 0 that moves with x: the Values' 0 there is
            only torch's convention), or where ``<``, ``<=``, ``>`` or ``>=``
            compares a Value that moves with x with an equal number (``max(p0,
            0.0)`` at 0, ``p0 if p0 > p1 else p1`` at a tie: the branch taken
            there is the Values' only answer), ``if p0:`` tests one at 0, or
            ``==`` or ``!=`` tests it against another object of an equal
            number (a Value's ``==`` is identity: ``p0 == p1`` is False at
            ``p0 = p1``, where f on floats takes the other branch), so that
            a kink is refused as by `calcweb.grad` and `calcweb.jvp`; also
            where ``f`` raises an error on Values after such a tie (the
            branch the Values took, ``sin(p0) / p0 if p0 != 0 else 1.0`` at
            0, need not be f's); ``"ad"``: Values (that convention at a
            kink, and identity's branch) or an ArgumentTypeError; any other
            method of `calcweb.derivative`: the Jacobian by that method.
        h: As for `calcweb.derivative`, but relative (see the module); not
            used by Values.

    Returns:
        ``(f(x), pullback)``: ``f(x)`` as a float or a list of floats;
        ``pullback(u)``, with ``u`` of the shape of ``f(x)``, returns a list
        of floats of the length of ``x`` (a float when ``x`` is a number).

    Raises:
        ArgumentTypeError: ``f`` is not callable or returns something that is
            not a number or a flat list of numbers or Values, ``x`` is not a
            number or a list of numbers, or (from ``pullback``) ``u`` does not
            have the shape of ``f(x)``; with ``method="ad"``, ``f`` does not
            accept Values.
        InvalidArgumentError: a NaN or infinite entry, an empty ``x``, a bad
            method or step, or a ``u`` of the wrong length.
        NumericalError: a gradient overflows, or a given ``h`` moves no
            coordinate of ``x``.
        DomainError: f has no derivative at ``x`` (a kink, as relu's at 0).

    Examples:
        >>> from calcweb import vjp, exp
        >>> y, pullback = vjp(lambda p: [p[0] * p[1], exp(p[0])], [0.0, 3.0])
        >>> y
        [0.0, 1.0]
        >>> pullback([1.0, 0.0])   # the first row of J
        [3.0, 0.0]
        >>> pullback([2.0, 1.0])   # 2 * row 0 + row 1
        [7.0, 0.0]
    """
    check_callable(f)
    check_method(method)
    if h is not None:
        check_step(h)
    point, scalar = _primal(x)
    if method in ("auto", "ad"):
        leaves = [Value(xi) for xi in point]
        with noting_ties() as ties:
            y = _on_values(f, leaves, point, scalar, method=method, ties=ties)
        if y is not _NOT_WRITTEN_FOR_AD:
            outputs, scalar_out = _entries(y)
            values = [_output_value(out, i) for i, out in enumerate(outputs)]
            graph = [out for out in outputs if isinstance(out, Value)]
            others, kinked = _graph_leaves(graph, leaves)
            # backward() takes 0 at a kink (torch's convention), and the branch a comparison
            # took at a tie: "ad" wants that; "auto" asks the differences instead, which
            # refuse a kink as grad and jvp do.
            at_kink = (kinked and kinks(graph, leaves)) or tie_moves(ties, leaves)
            if method == "ad" or not at_kink:
                backward = _reverse_mode(outputs, leaves, others, scalar, scalar_out)
                return _shaped(values, scalar_out), backward
        method = "richardson"
    outputs, scalar_out, components = _components(f, point, scalar)
    values = [result_value(out, "f(x)") for out in outputs]
    units = [_unit(j, len(point)) for j in range(len(point))]
    rows = [
        [_directional(component, point, unit, 1, method=method, h=h) for unit in units]
        for component in components
    ]

    def pullback(u: float | Sequence[float]) -> Any:
        weights = _cotangent(u, len(rows), scalar_out)
        columns = zip(*rows, strict=True)
        return _shaped([_dot(weights, column) for column in columns], scalar)

    return _shaped(values, scalar_out), pullback


def _on_values(
    f: Callable[[Any], Any],
    leaves: list[Value],
    point: Vector,
    scalar: bool,
    *,
    method: str,
    ties: list[tuple[Value, object]],
) -> Any:
    """``f`` on the Value ``leaves`` (`_call_for_ad`), noting its ties in ``ties``.

    Under "auto", an error ``f`` raises after a tie that moves with x
    (`tie_moves`) is the branch's the Values took, which need not be f's on
    floats (``sin(p0) / p0 if p0 != 0 else 1.0`` at 0: identity says the two
    differ): `_NOT_WRITTEN_FOR_AD`, and the differences answer.
    """
    try:
        return _call_for_ad(f, leaves, point, scalar, method=method, what="nn.Value")
    except CalcwebError:
        if method == "ad" or not tie_moves(ties, leaves):
            raise
        return _NOT_WRITTEN_FOR_AD


def _dot(weights: Vector, column: Sequence[float]) -> float:
    """``sum(w_i c_i)``, correctly rounded when no product overflows."""
    total = math.fsum(w * c for w, c in zip(weights, column, strict=True))
    if not math.isfinite(total):
        raise NumericalError(
            "u^T J overflows a float (beyond about 1.8e308); scale u or the function down"
        )
    return total


def _output_value(y: object, i: int) -> float:
    """An output of ``f`` on Values: a Value's data, or a number (a constant)."""
    if isinstance(y, Value):
        return y.data
    if isinstance(y, Jet):
        raise ArgumentTypeError(
            f"f returned a Jet for output {i} when called on Values; return Values or numbers"
        )
    return result_value(y, "f(x)")
