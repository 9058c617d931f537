r"""Taylor-mode arithmetic: the `Jet`, a truncated power series.

A jet of degree $n$ at $x_0$ stores the first $n+1$ Taylor
coefficients $c_k = f^{(k)}(x_0)/k!$ of a function. Arithmetic on jets
is arithmetic on power series truncated after $t^n$, and every math
function of `calcweb.functions` has a recurrence (see
`calcweb._series`), so evaluating ``f(Jet.variable(x0, n))`` gives all
derivatives of ``f`` at ``x0`` up to order ``n``, exact to rounding.

A jet deliberately has no ``__float__``: ``math.sin(jet)`` raises
``TypeError`` instead of silently dropping the derivatives. Use
``calcweb.sin`` (or the method ``jet.sin()``).

Comparisons (``<``, ``==``, ...) and ``bool`` look at the value part only, so a
function with branches such as ``x if x > 0 else -x`` takes the branch of ``x0``.

``relu`` and ``abs`` follow torch's convention at 0: derivative 0 (all
higher coefficients 0 too).

Both give the derivatives of the branch ``f`` took, which are known to be
``f``'s only where that branch holds around ``x0``. Inside `watching_branches`
a jet records the first branch decided at a tie, or within rounding of one: a
comparison whose sides are equal, or could swap if ``x0`` moved by ``reach``
as far as the jet's terms tell (their difference $d$ has
$|d_0| \le \sum_{k \ge 1} |d_k|\,\text{reach}^k$: a bisection's last
comparisons; also ``x*x + 1e-300 > 0`` at 0 to degree 2, which never swaps),
and ``abs``/``relu`` of a jet whose value is 0, their kink, unless the jet is
0 to its degree (a value off 0 counts as exact, whatever rounding made it).
``1.0 if x == 0 else sin(x)/x`` is such a branch: the jet at 0 takes ``1.0``,
whose derivatives are all 0, while sinc's of even order are not (its second
is -1/3). `calcweb.derivative` reads the record (`calcweb._taylor_mode`).

`rounding_tracked_variable` starts a jet whose coefficients are
`RoundedFloat`\ s: the same floats, computed in the same order, each carrying
a bound on its accumulated rounding error (running error analysis, Higham,
*Accuracy and Stability of Numerical Algorithms*, ch. 3). Cancellation
inside ``f`` (``exp(x) - 1 - x`` near 0) shows in those bounds. Plain jets
carry no bounds and pay nothing for them, except inside `watching_cancellation`,
where each sum records how much its value cancels, and each quotient
recurrence (``/``, and ``log``, ``log1p``, ``atan``, ``asin``, ``acos``,
which divide by their argument) how much its cancellation can magnify
rounding: ``sin(x)/x`` near 0 divides by ``x`` once an order, and its
derivatives can lose every digit where the function itself rounds like ``sin``.
So do ``sqrt``'s recurrence and that of a power ``x**p`` (other than a whole
``p >= 0``), which divide by their value and their base, where a coefficient
outgrows the value (``sqrt(1 - cos(x))`` near 0; ``sqrt(1 + x**2)`` records
nothing). Once a quotient or such a power was taken, each product of two jets
(whole powers' squarings included) and the recurrences of ``exp``, ``sin``,
``cos``, ``tan`` and the other functions of an argument with more than a linear
term record their cancellation too (``sin(x) * x**-1`` is the same quotient;
``exp(log(x))`` cancels in exp's recurrence, ``cos(sqrt(x))`` in cos's).
"""

from __future__ import annotations

import builtins
import contextlib
import math
import operator
import sys
from collections.abc import Callable, Iterator, Sequence
from contextvars import ContextVar
from numbers import Number, Real
from typing import Any

from calcweb import _real, _series
from calcweb._checks import check_int, check_real, check_vector, is_a_value, shown
from calcweb.exceptions import ArgumentTypeError, DivisionByZeroError, DomainError, NumericalError

__all__ = ["Jet", "watching_branches"]

Series = list[float]
_TWO_OVER_SQRT_PI = 2.0 / math.sqrt(math.pi)
_EPS = sys.float_info.epsilon
# A value of exp, sin, ... is within 1 ulp in libm; _real's sigmoid and
# softplus round a few times. 2 eps relative covers both (1 ulp <= eps).
_FUNCTION_ROUNDING = 2.0 * _EPS
# The largest rounding error of a product or quotient in the subnormal range.
_UNDERFLOW = math.ulp(0.0)
# Exponents up to this use exact repeated squaring (also valid when the value is 0).
_SQUARING_LIMIT = 64
# Products of jets cost degree**2: beyond this a jet would take seconds per
# operation, and derivatives beyond order 170 overflow a float anyway.
MAX_DEGREE = 1000


def _check_degree(degree: object) -> int:
    return check_int(degree, "degree", 0, MAX_DEGREE, "pass e.g. degree=3")


def _number(other: object, what: str) -> float:
    """A real operand as a finite float; a bool counts as 0 or 1, as in Python (``x * (x > 0)``)."""
    return float(other) if isinstance(other, bool) else check_real(other, what)


def _refuse_a_value(other: object) -> None:
    """Raise where ``other`` is a `calcweb.nn.Value`."""
    if is_a_value(other):
        raise ArgumentTypeError(
            f"a Jet and {shown(other)} do not mix: a Jet carries Taylor coefficients in one "
            "variable (forward mode), a Value builds a graph for backward(); use one kind in "
            "f (e.g. the Value's .data, a plain number, with the Jet)"
        )


def _not_real(other: object, what: str) -> ArgumentTypeError:
    """The error for a Decimal or complex number combined with a jet."""
    return ArgumentTypeError(
        f"{what} must be a real number (int or float), but got {type(other).__name__} "
        f"{other!r}; a Jet holds real Taylor coefficients, so convert it with float()"
    )


# The float operations and functions the bounds use, bound once: RoundedFloat
# arithmetic runs in the innermost loops of the recurrences.
_new_float = float.__new__
_add, _radd, _sub, _rsub = float.__add__, float.__radd__, float.__sub__, float.__rsub__
_mul, _div, _rdiv = float.__mul__, float.__truediv__, float.__rtruediv__
_fabs, _frexp, _isfinite = math.fabs, math.frexp, math.isfinite


def _bound(x: object) -> float:
    """The error bound ``x`` carries: 0 for a plain number, which counts as exact."""
    return x.bound if isinstance(x, RoundedFloat) else 0.0


def _rounded(value: float, bound: float) -> RoundedFloat:
    rounded: RoundedFloat = _new_float(RoundedFloat, value)
    rounded.bound = bound
    return rounded


class RoundedFloat(float):
    r"""A float with a bound on its accumulated rounding error.

    ``RoundedFloat(value, bound)`` is the computed float ``value`` with a bound
    on ``|value - exact|``. Arithmetic gives exactly the float result, and a
    new bound: the operands' errors carried through the operation (with their
    product, for ``* /``) plus the operation's own rounding,
    $\varepsilon\,|\text{result}|$ (twice the unit roundoff, a factor 2 of
    margin; no such term for a sum with 0 or a product or quotient by a power
    of 2, which are exact), and for ``* /`` the subnormal spacing. Plain ints
    and floats count as exact. This is running error analysis (Higham,
    *Accuracy and Stability*, ch. 3): a cancellation such as ``(1 + 1e-10) - 1``
    keeps the bound of the large operands, so it shows.

    Attributes:
        bound: The bound on ``|value - exact|``, >= 0.

    Examples:
        >>> one = RoundedFloat(1.0, 0.0)
        >>> tiny = (one + 1e-10) - 1.0
        >>> tiny == (1.0 + 1e-10) - 1.0  # the same float
        True
        >>> round(tiny.bound / 2.0**-52, 6)  # about eps, from rounding 1 + 1e-10
        1.0
    """

    __slots__ = ("bound",)
    bound: float

    def __new__(cls, value: float, bound: float) -> RoundedFloat:
        return _rounded(value, bound)

    def _sum(self, value: float, other: object) -> Any:
        if value is NotImplemented:
            return NotImplemented
        # Adding 0 is exact; any other sum rounds by at most eps |value| / 2.
        rounding = 0.0 if self == 0.0 or other == 0 else _EPS * _fabs(value)
        return _rounded(value, self.bound + _bound(other) + rounding)

    def __add__(self, other: object) -> Any:
        return self._sum(_add(self, other), other)  # type: ignore[arg-type]

    def __radd__(self, other: object) -> Any:
        return self._sum(_radd(self, other), other)  # type: ignore[arg-type]

    def __sub__(self, other: object) -> Any:
        return self._sum(_sub(self, other), other)  # type: ignore[arg-type]

    def __rsub__(self, other: object) -> Any:
        return self._sum(_rsub(self, other), other)  # type: ignore[arg-type]

    def __mul__(self, other: object) -> Any:
        value = _mul(self, other)  # type: ignore[arg-type]
        if value is NotImplemented:
            return NotImplemented
        size = _fabs(other)  # type: ignore[arg-type]
        if isinstance(other, RoundedFloat):
            b = other.bound
            carried = _fabs(self) * b + size * self.bound + self.bound * b
        else:
            carried = size * self.bound
        # A product by a power of 2 is exact (short of the subnormals); eps |0| = 0.
        if _frexp(self)[0] in _HALVES or _frexp(size)[0] == 0.5:
            return _rounded(value, carried + _UNDERFLOW)
        return _rounded(value, carried + _EPS * _fabs(value) + _UNDERFLOW)

    __rmul__ = __mul__

    def __truediv__(self, other: object) -> Any:
        value = _div(self, other)  # type: ignore[arg-type]
        if value is NotImplemented:
            return NotImplemented
        return _quotient(value, self.bound, other, _bound(other))

    def __rtruediv__(self, other: object) -> Any:
        value = _rdiv(self, other)  # type: ignore[arg-type]
        if value is NotImplemented:
            return NotImplemented
        return _quotient(value, _bound(other), self, self.bound)

    def __neg__(self) -> RoundedFloat:
        return _rounded(-float(self), self.bound)

    def __pos__(self) -> RoundedFloat:
        return self

    def __abs__(self) -> RoundedFloat:
        return _rounded(_fabs(self), self.bound)


_HALVES = (0.5, -0.5)  # the mantissas frexp gives for +-2**k


def _quotient(value: float, numerator_bound: float, b: object, b_bound: float) -> RoundedFloat:
    r"""``q = a / b`` with its bound.

    Exactly, $a/b - (a+\delta_a)/(b+\delta_b) = (q\,\delta_b - \delta_a)/(b+\delta_b)$.
    """
    size = _fabs(b)  # type: ignore[arg-type]
    room = size - b_bound
    carried = (numerator_bound + _fabs(value) * b_bound) / room if room > 0.0 else math.inf
    # A quotient by a power of 2 is exact (short of the subnormals).
    if _frexp(size)[0] == 0.5:
        return _rounded(value, carried + _UNDERFLOW)
    return _rounded(value, carried + _EPS * _fabs(value) + _UNDERFLOW)


def rounding_tracked_variable(x0: float, degree: int) -> Jet:
    """``Jet.variable(x0, degree)`` whose coefficients carry rounding bounds (`RoundedFloat`).

    ``x0`` and the seed 1 are exact; every coefficient computed from them carries
    a bound on its rounding error, read with ``jet.coefficients[k].bound``.

    Examples:
        >>> from calcweb import exp
        >>> y = exp(rounding_tracked_variable(1e-8, 2)) - 1.0
        >>> y.coefficients[0] == math.exp(1e-8) - 1.0, y.coefficients[0].bound > 1e-16
        (True, True)
    """
    jet = Jet.variable(x0, degree)
    jet._c = [RoundedFloat(c, 0.0) for c in jet._c]
    return jet


def _slope_bound(slope: Callable[[float], float], x: float, bound: float) -> float:
    """How far ``f`` moves when ``x`` moves by ``bound``: ``bound`` times the largest ``|f'|``.

    ``|f'|`` is taken at ``x`` and at both ends. Outside the domain of ``f'``
    (or if it overflows) the answer is inf: no bound.
    """
    try:
        steepest = max(math.fabs(slope(t)) for t in (x - bound, x, x + bound))
    except (ValueError, ZeroDivisionError, OverflowError):
        return math.inf
    return steepest * bound


def _rounded_value(y: float, x: RoundedFloat, slope: Callable[[float], float]) -> RoundedFloat:
    """``y = f(x)`` with its bound: f's own rounding plus x's error carried through f."""
    moved = _slope_bound(slope, float(x), x.bound) if x.bound else 0.0
    return RoundedFloat(y, _FUNCTION_ROUNDING * builtins.abs(y) + moved)


def _sigmoid_slope(t: float) -> float:
    return _real.sigmoid(t) * _real.sigmoid(-t)


def _arcsine_slope(t: float) -> float:
    return 1.0 / math.sqrt(1.0 - t * t)


# name -> f', to carry an argument's error into the value f(x0).
_SLOPES: dict[str, Callable[[float], float]] = {
    "exp": math.exp,
    "log": lambda t: 1.0 / t,
    "log1p": lambda t: 1.0 / (1.0 + t),
    "sqrt": lambda t: 0.5 / math.sqrt(t),
    "sin": math.cos,
    "cos": math.sin,
    "tan": lambda t: 1.0 + math.tan(t) ** 2,
    "sinh": math.cosh,
    "cosh": math.sinh,
    "tanh": lambda t: 1.0 - math.tanh(t) ** 2,
    "sigmoid": _sigmoid_slope,
    "softplus": _real.sigmoid,
    "atan": lambda t: 1.0 / (1.0 + t * t),
    "asin": _arcsine_slope,
    "acos": _arcsine_slope,
    "erf": lambda t: _TWO_OVER_SQRT_PI * math.exp(-t * t),
}


class BranchWatch:
    """The first branch taken at or near a tie while watched (`watching_branches`).

    Attributes:
        reach: How far ``x0`` may move within rounding, in the jet's variable ``t``.
        what: What decided the branch (``"the comparison 0.0 == 0"``), or None.
        exact: Whether that was an exact tie (equal sides, ``abs`` at 0), not a near one.
        live: The first comparison of sides that vary with ``t`` (whatever its
            margin), or None: where f returns no jet after one, its value
            depends on ``x0`` through branches alone (`calcweb._taylor_mode.staircase`).
        margin: How far ``t`` may move with every such comparison still
            decided as it was (`_margin`; inf if there was none).
    """

    __slots__ = ("exact", "live", "margin", "reach", "what")

    def __init__(self, reach: float) -> None:
        self.reach = reach
        self.what: str | None = None
        self.exact = False
        self.live: str | None = None
        self.margin = math.inf

    def note(self, difference: Sequence[float], what: Callable[[], str]) -> None:
        """Record the branch on the sign of ``difference`` (a series) if that sign is in doubt."""
        if any(difference[1:]):
            self.margin = min(self.margin, _margin(difference))
            if self.live is None:
                self.live = what()
        if self.what is not None:
            return  # the first branch names the trouble; the answer falls back all the same
        tie = _tie(difference, self.reach)
        if tie is not None:
            self.what, self.exact = what(), tie

    def hand_on(self, outer: BranchWatch) -> None:
        """Add this watch's record to ``outer``'s (a watch inside it has ended)."""
        if outer.what is None and self.what is not None:
            outer.what, outer.exact = self.what, self.exact
        if outer.live is None:
            outer.live = self.live
        outer.margin = min(outer.margin, self.margin)


def _margin(difference: Sequence[float]) -> float:
    r"""A radius $r$ within which the series $d(t)$ keeps the sign of $d_0$.

    With $m$ nonzero terms $d_k$ ($k \ge 1$), each at most $|d_0|/m$ for
    $|t| \le r$: $r = \min_k (|d_0| / (m |d_k|))^{1/k}$.
    """
    d0 = builtins.abs(float(difference[0]))
    terms = [(k, builtins.abs(float(dk))) for k, dk in enumerate(difference) if k and dk]
    return min(float((d0 / (len(terms) * dk)) ** (1.0 / k)) for k, dk in terms)


_WATCH: ContextVar[BranchWatch | None] = ContextVar("calcweb_branch_watch", default=None)


@contextlib.contextmanager
def watching_branches(reach: float) -> Iterator[BranchWatch]:
    """Record, in the `BranchWatch` it yields, a branch that jets take at or near a tie.

    ``reach``: how far ``x0`` may move within rounding (in the jet's ``t``);
    a branch that a move of ``x0`` by up to ``reach`` could flip, as far as
    the jet's terms tell (`_tie`), is "near".
    A watch inside another (a derivative inside ``f``) hands its record on.
    """
    watch = BranchWatch(reach)
    token = _WATCH.set(watch)
    try:
        yield watch
    finally:
        _WATCH.reset(token)
        outer = _WATCH.get()
        if outer is not None:
            watch.hand_on(outer)


class CancellationWatch:
    """The worst cancellation plain jets met while watched (`watching_cancellation`).

    Attributes:
        magnification: How many times its own rounding the worst coefficient of a
            quotient may carry (`_magnification`, at least 1), 0 where f took none.
        cancellation: How many times its own rounding the worst value of a sum or
            difference may carry (``1 - cos(x)`` at 1e-4: 4e8), 1 where nothing cancels.
        rate: The steepest slope of an argument of f's exp, sin, cos, sinh, cosh,
            tan, tanh or sigmoid (`_note_unit_scale`): over ``1 / rate`` in x it moves
            by about 1, the scale on which that function varies; 0 where f took none.
    """

    __slots__ = ("cancellation", "magnification", "rate")

    def __init__(self) -> None:
        self.magnification = 0.0
        self.cancellation = 1.0
        self.rate = 0.0

    @property
    def worst(self) -> float:
        """How many times its own rounding a quotient may carry, a sum's included; 0 if none.

        A sum's cancellation alone loses what evaluating the derivatives' formulas
        would (``exp(x) - 1 - x``); a quotient's recurrence can magnify it beyond.
        """
        return self.magnification * self.cancellation


_CANCELLATION: ContextVar[CancellationWatch | None] = ContextVar(
    "calcweb_cancellation", default=None
)


@contextlib.contextmanager
def watching_cancellation() -> Iterator[CancellationWatch]:
    """Record, in the `CancellationWatch` it yields, the cancellation of plain jets.

    Plain jets carry no rounding bounds; this cheap record (values of sums, and
    quotients' recurrences) says when one is worth computing
    (`rounding_tracked_variable`). A watch inside another (a derivative inside
    ``f``) keeps its own record.
    """
    watch = CancellationWatch()
    token = _CANCELLATION.set(watch)
    try:
        yield watch
    finally:
        _CANCELLATION.reset(token)


def _carried(terms: float, result: float) -> float:
    """How many times its own size the rounding of ``terms`` (their absolute sum) is in ``result``.

    inf where ``result`` is 0 and ``terms`` are not; 1 where both are 0.
    """
    size = builtins.abs(result)
    return terms / size if size else (math.inf if terms else 1.0)


def _watched_sum(c: Series, a0: float, b0: float) -> Series:
    """``c``, the sum or difference of two series, its value's cancellation recorded if watched.

    ``a0`` and ``b0``: the values added (``b0`` negated for a difference).
    """
    if c:
        _note_sum(c[0], a0, b0)
    return c


def _note_sum(value: float, a0: float, b0: float) -> None:
    """Record how far the sum ``value`` of ``a0`` and ``b0`` cancelled, if watched."""
    watch = _CANCELLATION.get()
    if watch is not None:
        ratio = _carried(builtins.abs(a0) + builtins.abs(b0), value)
        watch.cancellation = max(watch.cancellation, ratio)


def _watched_div(a: Series, b: Series) -> Series:
    """`calcweb._series.div`, its cancellation recorded if watched (`watching_cancellation`)."""
    quotient = _series.div(a, b)
    watch = _CANCELLATION.get()
    if watch is not None:
        watch.magnification = max(watch.magnification, _magnification(a, b, quotient))
    return quotient


def _note_a_pole() -> None:
    """Record, if watched, a power whose recurrence divides by its base (``x**-2``)."""
    watch = _CANCELLATION.get()
    if watch is not None:
        watch.magnification = max(watch.magnification, 1.0)


def _watched_mul(a: Series, b: Series) -> Series:
    """`calcweb._series.mul`, its cancellation recorded once a quotient or pole was taken.

    ``(1 - cos(x)) * x**-2`` is a quotient written as a product: the pole's growing
    coefficients cancel in the product as in a quotient's recurrence. Before any,
    products are not tallied (they cost nothing more).
    """
    product = _series.mul(a, b)
    watch = _CANCELLATION.get()
    if watch is not None and watch.magnification:
        a_sizes = [_fabs(ai) for ai in a]
        b_sizes = [_fabs(bi) for bi in b]
        worst = watch.magnification
        for k in range(1, len(product)):  # c_0 = a_0 b_0 is one term: nothing cancels
            terms = a_sizes[0] * b_sizes[k] + _convolved(a_sizes, b_sizes, k)
            worst = max(worst, _carried(terms, product[k]))
        watch.magnification = worst
    return product


def _watched_sqrt(a: Series, y0: float) -> Series:
    """`calcweb._series.sqrt`, its cancellation recorded if watched (`watching_cancellation`).

    Its recurrence divides by ``2 y_0`` once an order, as a quotient's by ``b_0``
    (`_root_magnification`). Where no coefficient outgrows ``y_0`` (`_grows`),
    its terms are at most ``k y_0 / 2``, and what they lose is on f's own scale,
    as a sum's: nothing is recorded (``sqrt(1 + x**2)`` pays nothing more). Of a
    `_linear` argument (``sqrt(x)`` near 0) only the pole is, for the products
    and chains after it.
    """
    root = _series.sqrt(a, y0)
    watch = _CANCELLATION.get()
    if watch is not None and _grows(root):
        worst = 1.0 if _linear(a) else _root_magnification(a, root)
        watch.magnification = max(watch.magnification, worst)
    return root


def _linear(a: Series) -> bool:
    """Whether the series ``a`` has no term beyond ``t`` (``x``, ``2 - 3 x``).

    Nothing cancels in the recurrences of such an argument, which are not tallied:
    ``sqrt(x)``'s terms ``y_i y_(k-i)`` all have the sign of ``(-1)**k``, and a
    power's order ``k``, as a chain's (``sin(x)``), is one term.
    """
    return not any(a[2:])


def _grows(y: Series) -> bool:
    """Whether a coefficient of ``y`` exceeds its value: a pole or branch point within 1 of x0."""
    size = _fabs(y[0])
    return any(_fabs(yk) > size for yk in y[1:])


def _note_chain(a: Series, u: Series, y: Series) -> None:
    r"""Record, once a quotient or pole was taken, how far ``y' = u a'``'s recurrence cancels.

    $y_k = \frac1k \sum_{j=1}^k j\,a_j\,u_{k-j}$ (`calcweb._series.chain`): after a
    pole the terms grow with ``k``, and their sum can be far smaller than they are
    (``cos(sqrt(x))`` near 0, whose derivatives are of order 1). Before any, as
    for products (`_watched_mul`), nothing is tallied.
    """
    watch = _CANCELLATION.get()
    if watch is None or not watch.magnification or _linear(a):
        return  # with a's a_1 alone (sin(x)), y_k = a_1 u_(k-1) / k is one term
    weights = [j * _fabs(aj) for j, aj in enumerate(a)]
    sizes = [_fabs(uj) for uj in u]
    worst = watch.magnification
    for k in range(2, len(y)):  # y_1 = a_1 u_0 is one term: nothing cancels
        worst = max(worst, _carried(_convolved(weights, sizes, k) / k, y[k]))
    watch.magnification = worst


def _convolved(weights: Sequence[float], sizes: Sequence[float], k: int) -> float:
    """``sum(weights[j] * sizes[k - j] for j in 1..k)``, the terms of a recurrence's order ``k``."""
    total: float = sum(map(operator.mul, weights[1 : k + 1], sizes[k - 1 :: -1]))
    return total


def _watched_chain(a: Series, y0: float, u: Series) -> Series:
    """`calcweb._series.chain`, its cancellation recorded after a quotient or pole.

    See `_note_chain`.
    """
    y = _series.chain(a, y0, u)
    _note_chain(a, u, y)
    return y


def _watched_chain_implicit(a: Series, y0: float, u_of: Callable[[Series, int], float]) -> Series:
    """`calcweb._series.chain_implicit`, its cancellation recorded as `_watched_chain`'s.

    Its callers (exp, tan, tanh, sigmoid) vary on a scale of 1 in ``a``: `_note_unit_scale`.
    """
    y = _series.chain_implicit(a, y0, u_of)
    watch = _CANCELLATION.get()
    if watch is not None:
        _note_unit_scale(watch, a)
        if watch.magnification:
            _note_chain(a, _series.rate(y, u_of), y)
    return y


def _watched_sin_cos(a: Series, s0: float, c0: float, sign: float = -1.0) -> tuple[Series, Series]:
    """`calcweb._series.sin_cos`, each of its two recurrences recorded as `_watched_chain`'s.

    sin, cos, sinh and cosh vary on a scale of 1 in ``a``: `_note_unit_scale`.
    """
    s, c = _series.sin_cos(a, s0, c0, sign)
    watch = _CANCELLATION.get()
    if watch is not None:
        _note_unit_scale(watch, a)
    _note_chain(a, c, s)
    _note_chain(a, s, c)
    return s, c


def _note_unit_scale(watch: CancellationWatch, a: Series) -> None:
    """Record in ``watch.rate`` how fast the argument ``a`` of a function of scale 1 moves.

    ``|a_1|``, its slope: over ``1 / rate`` in x it moves by about 1. ``cosh(x)``
    (rate 1) varies on a scale of 1 in x, so does ``log(cosh(x))`` at 20, though
    its value is 19.3; ``sin(x / 1000)`` (rate 0.001) on 1000. An argument still
    at x0 (``cos(x**2)`` at 0, slope 0) records nothing: its higher terms would
    only make the scale shorter.

    Examples:
        >>> w = CancellationWatch()
        >>> _note_unit_scale(w, [20.0, 1.0, 0.0]); w.rate
        1.0
        >>> _note_unit_scale(w, [0.5, 0.001, 0.0]); w.rate
        1.0
        >>> w = CancellationWatch()
        >>> _note_unit_scale(w, [0.5, 0.001, 0.0]); w.rate
        0.001
    """
    if len(a) > 1:
        watch.rate = max(watch.rate, _fabs(a[1]))


def _watched_power(a: Series, p: float, y0: float) -> Series:
    """`calcweb._series.power` (``a ** p``), its cancellation recorded if watched.

    Its recurrence divides by ``a_0`` (`_power_magnification`, where its
    coefficients grow and ``a`` is not `_linear`, as `_watched_sqrt`'s); a pole
    (`_note_a_pole`), after which products and chains are tallied too.
    """
    y = _series.power(a, p, y0)
    watch = _CANCELLATION.get()
    if watch is not None and _grows(y) and not _linear(a):
        watch.magnification = max(watch.magnification, _power_magnification(a, p, y))
    return y


def _watched_integer_power(a: Series, p: int) -> Series:
    """`calcweb._series.integer_power`, its squarings tallied as products (`_watched_mul`)."""
    return _series.integer_power(a, p, _watched_mul)


def _root_magnification(a: Series, y: Series) -> float:
    r"""How many times its own rounding the worst coefficient of ``y = sqrt(a)`` may carry.

    ``y_k = (a_k - \sum_{0<i<k} y_i y_{k-i}) / (2 y_0)``: as `_magnification`, a
    running error bound in plain floats for exact ``a`` (``y_0`` rounds once, and
    its error carries into each ``y_k`` relatively), read relative to ``eps |y_k|``.
    ``sqrt(1 - cos(x))`` near 0 (``a`` nearly a square) cancels in these terms.

    Examples:
        >>> _root_magnification([4.0, 4.0, 1.0], [2.0, 1.0, 0.0])  # (x + 2)**2 at 0
        inf
        >>> _root_magnification([4.0, 1.0, 0.0], [2.0, 0.25, -0.015625])  # sqrt(4 + x)
        6.0
    """
    sizes = [_fabs(yk) for yk in y]
    twice = 2.0 * sizes[0]
    bounds = [sizes[0]]  # of y_0 .. y_(k-1), in units of eps
    worst = 1.0
    for k in range(1, len(y)):
        inner = sizes[k - 1 : 0 : -1]  # |y_(k-i)| for i = 1 .. k-1
        terms = _fabs(a[k]) + sum(map(operator.mul, sizes[1:k], inner))
        carried = 2.0 * sum(map(operator.mul, bounds[1:k], inner))
        bound = (terms + carried) / twice + sizes[k]
        bounds.append(bound)
        worst = max(worst, _carried(bound, y[k]))
    return worst


def _power_magnification(a: Series, p: float, y: Series) -> float:
    r"""How many times its own rounding the worst coefficient of ``y = a**p`` may carry.

    $y_k = \frac{1}{k a_0}\sum_{j=1}^k ((p+1)j - k)\,a_j\,y_{k-j}$: as
    `_magnification`, a running error bound in plain floats for exact ``a`` (``y_0``
    rounds once), read relative to ``eps |y_k|``. ``(x**4 + x**2)**0.5`` near 0
    cancels in these terms, though no sum's value does.

    Examples:
        >>> _power_magnification([4.0, 1.0, 0.0], 0.5, [2.0, 0.25, -0.015625])  # sqrt(4 + x)
        3.0
    """
    sizes = [_fabs(yk) for yk in y]
    bounds = [sizes[0]]  # of y_0 .. y_(k-1), in units of eps
    worst = 1.0
    for k in range(1, len(y)):
        weights = [0.0] + [_fabs(((p + 1) * j - k) * a[j]) for j in range(1, k + 1)]
        terms = _convolved(weights, sizes, k)
        carried = _convolved(weights, bounds, k)
        bound = (terms + carried) / _fabs(k * a[0])
        bounds.append(bound)
        worst = max(worst, _carried(bound, y[k]))
    return worst


def _magnification(a: Series, b: Series, q: Series) -> float:
    r"""How many times its own rounding the worst coefficient of ``q = a / b`` may carry.

    ``q_k = (a_k - \sum_{i<k} q_i b_{k-i}) / b_0`` rounds by eps times its terms, and
    carries the errors of ``q_0 .. q_(k-1)`` times ``|b_(k-i)| / |b_0|``: a running
    error bound in plain floats, for exact ``a`` and ``b``, read relative to
    ``eps |q_k|`` (``sin(x)/x`` at 1e-8: 1e17 at ``n = 2``); inf where ``q_k`` is 0
    and its bound is not.

    Examples:
        >>> _magnification([1.0, 0.0, 0.0], [0.5, 1.0, 0.0], [2.0, -4.0, 8.0])  # 1/x
        3.0
    """
    bounds: list[float] = []  # of q_0 .. q_(k-1), in units of eps
    worst = 1.0
    for k in range(len(q)):
        terms = builtins.abs(a[k]) + sum(builtins.abs(q[i] * b[k - i]) for i in range(k))
        carried = sum(bounds[i] * builtins.abs(b[k - i]) for i in range(k))
        bound = (terms + carried) / builtins.abs(b[0])
        bounds.append(bound)
        worst = max(worst, _carried(bound, q[k]))
    return worst


def _tie(difference: Sequence[float], reach: float) -> bool | None:
    r"""Whether the sign of the series $d(t)$ is in doubt: True at a tie, False near one, else None.

    A tie: $d_0 = 0$. Near one: $|d_0| \le \sum_{k \ge 1} |d_k|\,\text{reach}^k$,
    so a move of ``x0`` within rounding could swap the sides.
    """
    d0 = float(difference[0])
    if d0 == 0.0:
        return True
    sweep, power = 0.0, 1.0
    for dk in difference[1:]:
        power *= reach
        if dk:
            sweep += builtins.abs(float(dk)) * power
    return False if builtins.abs(d0) <= sweep else None


class Jet:
    r"""A truncated power series $c_0 + c_1 t + \dots + c_n t^n$.

    ``Jet.variable(x0, n)`` is the independent variable $x_0 + t$; any
    function built from ``+ - * / **`` and `calcweb.functions` applied to
    it returns the jet of Taylor coefficients of that function at ``x0``.
    Mixing jets of different degrees truncates to the smaller degree; ints and
    floats act as constants.

    Args:
        coefficients: $c_0, \dots, c_n$, finite real numbers (at least one).

    Raises:
        InvalidArgumentError: If there are no coefficients or one is not finite.
        ArgumentTypeError: If a coefficient is not a real number.

    Examples:
        >>> from calcweb import Jet, exp, sin
        >>> x = Jet.variable(0.0, 4)
        >>> exp(x).coefficients  # 1, 1, 1/2, 1/6, 1/24
        (1.0, 1.0, 0.5, 0.16666666666666666, 0.041666666666666664)
        >>> (x * x + 3 * x).derivatives()
        (0.0, 3.0, 2.0, 0.0, 0.0)
        >>> sin(Jet.variable(1.0, 2)).derivative(2) == -sin(1.0)
        True
        >>> import math
        >>> math.sin(x)
        Traceback (most recent call last):
          ...
        TypeError: ...Jet
    """

    __slots__ = ("_c",)
    __hash__ = None  # type: ignore[assignment]  # == compares values, so jets are unhashable
    __array_ufunc__ = None  # numpy defers to our reflected operators

    def __init__(self, coefficients: Sequence[float]) -> None:
        # "coefficients must have at least one entry": a Jet needs its value c_0.
        self._c = check_vector(coefficients, "coefficients")

    @classmethod
    def variable(cls, x0: float, degree: int) -> Jet:
        """The independent variable $x_0 + t$, to ``degree``.

        Examples:
            >>> Jet.variable(2.0, 3)
            Jet([2.0, 1.0, 0.0, 0.0])
        """
        jet = cls.constant(x0, degree)
        if degree > 0:
            jet._c[1] = 1.0
        return jet

    @classmethod
    def constant(cls, value: float, degree: int) -> Jet:
        """The constant ``value`` as a jet of ``degree`` (all other coefficients 0).

        Examples:
            >>> Jet.constant(5.0, 2)
            Jet([5.0, 0.0, 0.0])
        """
        return cls._of([check_real(value, "value")] + [0.0] * _check_degree(degree))

    @classmethod
    def _of(cls, coefficients: Series) -> Jet:
        """A jet of computed coefficients, refused if one overflowed (or is NaN)."""
        for c in coefficients:
            if not math.isfinite(c):
                raise NumericalError(
                    "a Taylor coefficient overflowed (it is larger than about 1.8e308): "
                    "the function or its derivatives are too large at this point for this "
                    "degree; use a lower degree or a point where the function is of moderate size"
                )
        jet = cls.__new__(cls)
        jet._c = coefficients
        return jet

    # ------------------------------------------------------------- reading

    @property
    def value(self) -> float:
        """The value $c_0 = f(x_0)$."""
        return self._c[0]

    @property
    def degree(self) -> int:
        """The degree $n$ of the truncation."""
        return len(self._c) - 1

    @property
    def coefficients(self) -> tuple[float, ...]:
        """The Taylor coefficients $c_k = f^{(k)}(x_0)/k!$, for k = 0..degree."""
        return tuple(self._c)

    def derivative(self, k: int) -> float:
        r"""The derivative $f^{(k)}(x_0) = k!\,c_k$.

        Raises:
            InvalidArgumentError: If ``k`` is not in ``0..degree``.
            NumericalError: If ``k!`` times the coefficient overflows.

        Examples:
            >>> from calcweb import Jet, exp
            >>> exp(Jet.variable(0.0, 10)).derivative(10)
            1.0
        """
        k = check_int(k, "k", 0, self.degree, "build the jet with a higher degree for more")
        c = self._c[k]
        return _real.finite("derivative", k, lambda: c * math.factorial(k) if c else 0.0)

    def derivatives(self) -> tuple[float, ...]:
        r"""All derivatives $f(x_0), f'(x_0), \dots, f^{(n)}(x_0)$."""
        return tuple(self.derivative(k) for k in range(len(self._c)))

    def __repr__(self) -> str:
        return f"Jet({self._c!r})"

    # ----------------------------------------------------------- arithmetic

    def _coerce(self, other: object) -> Series | None:
        if isinstance(other, Jet):
            return other._c
        if type(other) is float or type(other) is int:  # before the slower check of an ABC
            return [_number(other, "a number combined with a Jet")] + [0.0] * self.degree
        _refuse_a_value(other)
        if isinstance(other, Real):
            return [_number(other, "a number combined with a Jet")] + [0.0] * self.degree
        if isinstance(other, Number):  # Decimal, complex: numbers, but not real ones
            raise _not_real(other, "a number combined with a Jet")
        return None

    @classmethod
    def _moved(cls, value: float, rest: Series) -> Jet:
        """A jet of ``value`` and the finite ``rest`` (a jet plus a float): ``value`` is checked."""
        if not _isfinite(value):
            return cls._of([value])  # its error
        jet = cls.__new__(cls)
        jet._c = [value, *rest]
        return jet

    # With a float, each coefficient but the value meets the 0.0 of the float's jet:
    # written out, the same numbers as by _coerce, in half the time (hessian calls f
    # on jets n (n + 1) / 2 times, and a sum in f adds its float terms to a jet each
    # time). x + 0.0 is x itself but for -0.0, which turns 0.0, and x - 0.0 is x;
    # a RoundedFloat's bound is unchanged by either (a sum with 0 is exact).

    def __add__(self, other: object) -> Jet:
        c = self._c
        if type(other) is float and _isfinite(other):
            value = c[0] + other
            _note_sum(value, c[0], other)  # watched as the general path's sum is
            return Jet._moved(value, [x if x else x + 0.0 for x in c[1:]])
        b = self._coerce(other)
        if b is None:
            return NotImplemented
        total = [x + y for x, y in zip(c, b, strict=False)]
        return Jet._of(_watched_sum(total, c[0], b[0]))

    __radd__ = __add__

    def __sub__(self, other: object) -> Jet:
        c = self._c
        if type(other) is float and _isfinite(other):
            value = c[0] - other
            _note_sum(value, c[0], other)
            return Jet._moved(value, c[1:])
        b = self._coerce(other)
        if b is None:
            return NotImplemented
        difference = [x - y for x, y in zip(c, b, strict=False)]
        return Jet._of(_watched_sum(difference, c[0], b[0]))

    def __rsub__(self, other: object) -> Jet:
        c = self._c
        if type(other) is float and _isfinite(other):
            value = other - c[0]
            _note_sum(value, other, c[0])
            return Jet._moved(value, [0.0 - x for x in c[1:]])
        b = self._coerce(other)
        if b is None:
            return NotImplemented
        difference = [y - x for x, y in zip(c, b, strict=False)]
        return Jet._of(_watched_sum(difference, b[0], c[0]))

    def __neg__(self) -> Jet:
        return Jet._of([-x for x in self._c])

    def __pos__(self) -> Jet:
        return self

    def __mul__(self, other: object) -> Jet:
        if type(other) is float and _isfinite(other):  # the common case, before any check
            return Jet._of([other * x for x in self._c])
        if isinstance(other, Jet):  # first: a jet is no Real, and that check of an ABC is slow
            return Jet._of(_watched_mul(self._c, other._c))
        if isinstance(other, Real):
            k = _number(other, "a number multiplied by a Jet")
            return Jet._of([k * x for x in self._c])
        b = self._coerce(other)
        if b is None:
            return NotImplemented
        return Jet._of(_series.mul(self._c, b))

    __rmul__ = __mul__

    def __truediv__(self, other: object) -> Jet:
        b = self._coerce(other)
        if b is None:
            return NotImplemented
        return Jet._of(_divide(self._c, b))

    def __rtruediv__(self, other: object) -> Jet:
        b = self._coerce(other)
        if b is None:
            return NotImplemented
        return Jet._of(_divide(b, self._c))

    def __pow__(self, exponent: object) -> Jet:
        if isinstance(exponent, Jet):
            y0 = _real.power(self.value, exponent.value)
            return _exp_of(exponent * self.log(), y0)
        if not isinstance(exponent, Real):
            _refuse_a_value(exponent)
            if isinstance(exponent, Number):
                raise _not_real(exponent, "the exponent")
            return NotImplemented
        p = _number(exponent, "the exponent")
        a = self._c
        if p.is_integer() and 0 <= p <= _SQUARING_LIMIT:
            return Jet._of(_watched_integer_power(a, int(p)))
        y0 = _real.power(a[0], p)  # checks the domain of the value part
        if a[0] == 0.0 and self.degree > 0:
            raise DomainError(
                f"x**{p!r} is not differentiable at x = 0 (its derivatives blow up "
                "or are complex there); expand around a point x0 != 0"
            )
        if isinstance(a[0], RoundedFloat):
            y0 = _rounded_value(y0, a[0], lambda t: p * math.pow(t, p - 1.0))
        _note_a_pole()  # its recurrence divides by a[0], as a quotient's
        return Jet._of(_watched_power(a, p, y0))

    def __rpow__(self, base: object) -> Jet:
        if not isinstance(base, Real):
            _refuse_a_value(base)
            if isinstance(base, Number):
                raise _not_real(base, "the base")
            return NotImplemented
        b = _number(base, "the base")
        if b <= 0.0:
            raise DomainError(
                f"{b!r}**x with a jet x needs a base > 0 (it is exp(x*log(base))); "
                "use a positive base"
            )
        return _exp_of(self * math.log(b), _real.power(b, self.value))

    # ------------------------------------------------ steps: no derivatives

    def _no_step(self, expression: str) -> ArgumentTypeError:
        return ArgumentTypeError(
            f"{expression}: a Jet has no % or // (// is a staircase, with derivative 0, and % "
            "jumps at every multiple of the divisor); write x.value % 2, x.value // 2 for the "
            "number, or x - 2 * (x.value // 2) for x % 2 with its derivatives between the jumps"
        )

    def __mod__(self, other: object) -> Jet:
        raise self._no_step(f"{self!r} % {shown(other)}")

    def __rmod__(self, other: object) -> Jet:
        raise self._no_step(f"{shown(other)} % {self!r}")

    def __floordiv__(self, other: object) -> Jet:
        raise self._no_step(f"{self!r} // {shown(other)}")

    def __rfloordiv__(self, other: object) -> Jet:
        raise self._no_step(f"{shown(other)} // {self!r}")

    def __divmod__(self, other: object) -> tuple[Jet, Jet]:
        raise self._no_step(f"divmod({self!r}, {shown(other)})")

    def __rdivmod__(self, other: object) -> tuple[Jet, Jet]:
        raise self._no_step(f"divmod({shown(other)}, {self!r})")

    def __round__(self, ndigits: int | None = None) -> float:
        raise ArgumentTypeError(
            f"round({self!r}) would drop the derivatives (a rounded number is a step, with "
            "derivative 0); write round(x.value) for the number"
        )

    # ------------------------------------------------------- comparisons

    def _value_of(self, other: object, ordering: bool) -> Any:
        if isinstance(other, Jet):
            return other.value
        if isinstance(other, Real):
            return (
                other  # compared as it is: float vs int or Fraction is exact, and never overflows
            )
        if ordering:  # == stays a plain False, as between any two unlike objects
            _refuse_a_value(other)
        if ordering and isinstance(other, Number):
            raise _not_real(other, "a number compared with a Jet")
        return None

    def _compare(self, other: object, test: Callable[[Any, Any], bool], ordering: bool) -> Any:
        value = self._value_of(other, ordering)
        if value is None:
            return NotImplemented
        watch = _WATCH.get()
        if watch is not None:
            self._note_comparison(watch, other, value, test)
        return bool(test(self.value, value))

    def _note_comparison(
        self, watch: BranchWatch, other: object, value: Any, test: Callable[[Any, Any], bool]
    ) -> None:
        """Record, in ``watch``, a comparison with ``other`` at or near a tie."""
        if isinstance(other, Jet):
            difference = [a - b for a, b in zip(self._c, other._c, strict=False)]
        else:
            try:
                difference = [self._c[0] - float(value), *self._c[1:]]
            except OverflowError:  # an int beyond the floats: no float ties with it
                return
        symbol = _SYMBOLS[test]
        watch.note(difference, lambda: f"the comparison {self.value!r} {symbol} {value!r}")

    def __bool__(self) -> bool:
        """Whether the value is not 0, as for a float (so ``if x:`` is ``if x != 0:``)."""
        return bool(self != 0.0)

    def __eq__(self, other: object) -> Any:
        return self._compare(other, operator.eq, ordering=False)

    def __ne__(self, other: object) -> Any:
        return self._compare(other, operator.ne, ordering=False)

    def __lt__(self, other: object) -> Any:
        return self._compare(other, operator.lt, ordering=True)

    def __le__(self, other: object) -> Any:
        return self._compare(other, operator.le, ordering=True)

    def __gt__(self, other: object) -> Any:
        return self._compare(other, operator.gt, ordering=True)

    def __ge__(self, other: object) -> Any:
        return self._compare(other, operator.ge, ordering=True)

    # ------------------------------------------------------------ functions
    # Each method checks the value part with calcweb._real (same domain and
    # overflow errors as on floats), then runs the coefficient recurrence.

    def _y0(self, name: str) -> float:
        a0 = self._c[0]
        y0 = _real.unary(name, a0)
        # Checked here, not in _rounded_value: plain jets must not pay for bounds.
        return _rounded_value(y0, a0, _SLOPES[name]) if isinstance(a0, RoundedFloat) else y0

    def _one(self) -> Series:
        return [1.0] + [0.0] * self.degree

    def _smooth_only(self, name: str, point: float) -> None:
        if self.degree > 0:
            raise DomainError(
                f"{name} is not differentiable at {point!r} (its derivative is "
                "infinite there); expand around a point inside the domain"
            )

    def exp(self) -> Jet:
        r"""$e^x$, from $y' = y\,x'$."""
        return _exp_of(self, _real.unary("exp", self._c[0]))

    def log(self) -> Jet:
        """The natural logarithm, from $y' = x'/x$."""
        y0 = self._y0("log")
        return Jet._of(_watched_chain(self._c, y0, _watched_div(self._one(), self._c)))

    def log1p(self) -> Jet:
        r"""$\log(1 + x)$, from $y' = x'/(1 + x)$."""
        y0 = self._y0("log1p")
        return Jet._of(_watched_chain(self._c, y0, _watched_div(self._one(), (self + 1.0)._c)))

    def sqrt(self) -> Jet:
        r"""$\sqrt{x}$, solving $y^2 = x$; not differentiable at 0."""
        y0 = self._y0("sqrt")
        if y0 == 0.0:
            self._smooth_only("sqrt", 0.0)
            return Jet._of([0.0])
        return Jet._of(_watched_sqrt(self._c, y0))

    def sin(self) -> Jet:
        """The sine, solved together with the cosine."""
        return Jet._of(_watched_sin_cos(self._c, self._y0("sin"), self._y0("cos"))[0])

    def cos(self) -> Jet:
        """The cosine, solved together with the sine."""
        return Jet._of(_watched_sin_cos(self._c, self._y0("sin"), self._y0("cos"))[1])

    def sinh(self) -> Jet:
        """The hyperbolic sine, solved together with cosh."""
        pair = _watched_sin_cos(self._c, self._y0("sinh"), self._y0("cosh"), sign=1.0)
        return Jet._of(pair[0])

    def cosh(self) -> Jet:
        """The hyperbolic cosine, solved together with sinh."""
        pair = _watched_sin_cos(self._c, self._y0("sinh"), self._y0("cosh"), sign=1.0)
        return Jet._of(pair[1])

    def tan(self) -> Jet:
        r"""The tangent, from $y' = (1 + y^2)\,x'$."""
        return Jet._of(
            _watched_chain_implicit(
                self._c, self._y0("tan"), lambda y, m: (m == 0) + _series.square_coefficient(y, m)
            )
        )

    def tanh(self) -> Jet:
        r"""The hyperbolic tangent, from $y' = (1 - y^2)\,x'$."""
        return Jet._of(
            _watched_chain_implicit(
                self._c, self._y0("tanh"), lambda y, m: (m == 0) - _series.square_coefficient(y, m)
            )
        )

    def sigmoid(self) -> Jet:
        r"""The logistic function, from $y' = y(1-y)\,x'$.

        $1 - y$ is carried as its own series whose value part is
        ``sigmoid(-x0)``, so the derivatives stay accurate when ``y0`` rounds to 1.
        """
        y0 = self._y0("sigmoid")
        minus_a0 = -self._c[0]
        z0 = _real.sigmoid(minus_a0)
        if isinstance(minus_a0, RoundedFloat):
            z0 = _rounded_value(z0, minus_a0, _sigmoid_slope)

        def u_of(y: Series, m: int) -> float:
            return y[0] * (z0 if m == 0 else -y[m]) + sum(
                y[i] * (z0 if i == m else -y[m - i]) for i in range(1, m + 1)
            )

        return Jet._of(_watched_chain_implicit(self._c, y0, u_of))

    def softplus(self) -> Jet:
        r"""$\log(1 + e^x)$, from $y' = \sigma(x)\,x'$."""
        return Jet._of(_watched_chain(self._c, self._y0("softplus"), self.sigmoid()._c))

    def atan(self) -> Jet:
        """The arc tangent, from $y' = x'/(1 + x^2)$."""
        u = _watched_div(self._one(), (1.0 + self * self)._c)
        return Jet._of(_watched_chain(self._c, self._y0("atan"), u))

    def _arcsine_rate(self, name: str) -> Series:
        r"""$1/\sqrt{1 - x^2}$, the rate of asin (and, negated, of acos)."""
        if builtins.abs(self._c[0]) == 1.0:
            self._smooth_only(name, self._c[0])
        if self.degree == 0:
            return [0.0]
        return _watched_div(self._one(), (1.0 - self * self).sqrt()._c)

    def asin(self) -> Jet:
        r"""The arc sine, from $y' = x'/\sqrt{1 - x^2}$; not differentiable at ±1."""
        y0 = self._y0("asin")
        return Jet._of(_watched_chain(self._c, y0, self._arcsine_rate("asin")))

    def acos(self) -> Jet:
        r"""The arc cosine, from $y' = -x'/\sqrt{1 - x^2}$; not differentiable at ±1."""
        y0 = self._y0("acos")
        rate = [-u for u in self._arcsine_rate("acos")]
        return Jet._of(_watched_chain(self._c, y0, rate))

    def erf(self) -> Jet:
        r"""The error function, from $y' = \frac{2}{\sqrt\pi}e^{-x^2}x'$."""
        u = (-(self * self)).exp() * _TWO_OVER_SQRT_PI
        return Jet._of(_watched_chain(self._c, self._y0("erf"), u._c))

    def relu(self) -> Jet:
        r"""$\max(x, 0)$; at 0 the derivative is 0, as in torch."""
        self._note_switch("relu")
        return Jet._of(list(self._c) if self._c[0] > 0.0 else [0.0] * len(self._c))

    def abs(self) -> Jet:
        """$|x|$; at 0 the derivative is 0, as in torch."""
        self._note_switch("abs")
        sign = (self._c[0] > 0.0) - (self._c[0] < 0.0)
        return Jet._of([sign * x for x in self._c])

    def _note_switch(self, name: str) -> None:
        """Record ``name`` (abs, relu) taken at its kink, a value of 0, if watched.

        A jet that is 0 to its degree (``x**3`` at 0, degree 2) is not recorded:
        ``abs`` and ``relu`` of it are 0 to that degree on either side.
        """
        watch = _WATCH.get()
        if watch is not None and self._c[0] == 0.0 and any(self._c[1:]):
            watch.note(self._c, lambda: f"{name} of {self.value!r} (its kink)")

    __abs__ = abs


_SYMBOLS = {
    operator.eq: "==",
    operator.ne: "!=",
    operator.lt: "<",
    operator.le: "<=",
    operator.gt: ">",
    operator.ge: ">=",
}


def _divide(a: Series, b: Series) -> Series:
    if b[0] == 0.0:
        raise DivisionByZeroError(
            "division by a quantity whose value is 0 is undefined; move the "
            "point away from the zero of the denominator"
        )
    quotient = _watched_div(a, b)
    if not all(math.isfinite(q) for q in quotient):
        raise NumericalError(
            "a quotient overflowed: the denominator is too close to 0 for the "
            "degree asked; use a lower degree or a point further from the zero"
        )
    return quotient


def _exp_of(a: Jet, y0: float) -> Jet:
    """``exp(a)`` given its value ``y0``, which callers may know more exactly than exp(a0)."""
    if isinstance(a._c[0], RoundedFloat):
        y0 = _rounded_value(y0, a._c[0], math.exp)
    # Watched as a product's after a quotient or pole: exp(log(x)) cancels.
    return Jet._of(_watched_chain_implicit(a._c, y0, lambda y, m: y[m]))
