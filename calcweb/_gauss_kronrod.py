r"""Gauss-Kronrod rules on one interval, with QUADPACK's error estimate.

A Gauss-Kronrod pair re-uses the n nodes of the n-point Gauss-Legendre rule
(exact to degree 2n - 1) and adds n + 1 nodes to make a rule exact to degree
3n + 1; their difference estimates the error of the better one. Two pairs, as
in QUADPACK: G10-K21 (``qk21``) and G7-K15 (``qk15i``), which QUADPACK
uses on a half-line mapped onto a finite interval, where the integrand is
less smooth and a cheaper rule bisected more often pays. None of the nodes
is an endpoint, so an integrable singularity at an end (such as
$1/\sqrt{x}$ at 0) is never part of the sum (`calcweb._integrate` evaluates
``f`` at the finite ends of the whole interval only to check the panels
there, and ignores a failure).

Besides QUADPACK's estimate, each application reports what the adaptive
rule needs to judge it: the estimate of the integral of ``|f|``, whether the
nodes resolve ``f`` at all, the largest sampled ``|f|`` in each half, the
samples next to the ends, all the samples and how closely their
interpolating polynomial should reproduce a resolved ``f`` (see `missed`).
Its error never falls below what slowly falling Legendre coefficients of the
samples (a kink) or the rounding of the nodes (far from 0) allow, nor below
its ``∫|f|`` when the nodes round to one or two floats (an interval about
one ulp wide); ``smoothness`` is a further floor for ``f`` of finite smoothness
(see `_finite_smoothness`), which the adaptive rule applies everywhere
except in its test for divergence, and ``flat`` what the samples vouch for
without extrapolating the fall of the coefficients (see `_unchecked`), which
it applies to a lone panel, one not yet compared with its halves.

Nodes and weights are QUADPACK's (Piessens et al., 1983).
"""

from __future__ import annotations

import functools
import itertools
import math
import operator
import sys
from collections.abc import Callable
from typing import NamedTuple

from calcweb.exceptions import NumericalError

__all__ = ["K15", "K21", "Panel", "Rule", "gauss_kronrod", "mirrored", "missed", "positions"]


class Rule(NamedTuple):
    """A Gauss-Kronrod pair on [-1, 1], symmetric about 0.

    ``nodes`` are the positive Kronrod nodes in decreasing order followed by
    0; ``kronrod`` their weights; ``gauss`` the Gauss weight of each node
    (0.0 where the node belongs to the Kronrod rule only).
    """

    nodes: tuple[float, ...]
    kronrod: tuple[float, ...]
    gauss: tuple[float, ...]

    @property
    def size(self) -> int:
        """How many evaluations one application costs."""
        return 2 * len(self.nodes) - 1


# The 10-point Gauss nodes are the odd positions; it has no node at 0.
K21 = Rule(
    nodes=(
        0.995657163025808080735527280689003,
        0.973906528517171720077964012084452,
        0.930157491355708226001207180059508,
        0.865063366688984510732096688423493,
        0.780817726586416897063717578345042,
        0.679409568299024406234327365114874,
        0.562757134668604683339000099272694,
        0.433395394129247190799265943165784,
        0.294392862701460198131126603103866,
        0.148874338981631210884826001129720,
        0.000000000000000000000000000000000,
    ),
    kronrod=(
        0.011694638867371874278064396062192,
        0.032558162307964727478818972459390,
        0.054755896574351996031381300244580,
        0.075039674810919952767043140916190,
        0.093125454583697605535065465083366,
        0.109387158802297641899210590325805,
        0.123491976262065851077208980187651,
        0.134709217311473325928054001771707,
        0.142775938577060080797094273138717,
        0.147739104901338491374841515972068,
        0.149445554002916905664936468389821,
    ),
    gauss=(
        0.0,
        0.066671344308688137593568809893332,
        0.0,
        0.149451349150580593145776339657697,
        0.0,
        0.219086362515982043995534934228163,
        0.0,
        0.269266719309996355091226921569469,
        0.0,
        0.295524224714752870173892994651338,
        0.0,
    ),
)

# The 7-point Gauss nodes are the odd positions and 0.
K15 = Rule(
    nodes=(
        0.991455371120812639206854697526329,
        0.949107912342758524526189684047851,
        0.864864423359769072789712788640926,
        0.741531185599394439863864773280788,
        0.586087235467691130294144845693013,
        0.405845151377397166906606412076961,
        0.207784955007898467600689403773245,
        0.000000000000000000000000000000000,
    ),
    kronrod=(
        0.022935322010529224963732008058970,
        0.063092092629978553290700663189204,
        0.104790010322250183839876322541518,
        0.140653259715525918745189590510238,
        0.169004726639267902826583426598550,
        0.190350578064785409913256402421014,
        0.204432940075298892414161999234649,
        0.209482141084727828012999174891714,
    ),
    gauss=(
        0.0,
        0.129484966168869693270611432679082,
        0.0,
        0.279705391489276667901467771423780,
        0.0,
        0.381830050505118944950369775488975,
        0.0,
        0.417959183673469387755102040816327,
    ),
)
_EPS = sys.float_info.epsilon
UNRESOLVED_RATIO = 1.0  # 200 |K - G| >= resasc: QUADPACK's estimate saturates
UNRESOLVED_SHARE = 0.05  # an error of 5% of ∫|f| or more
FLAT_SPECTRUM = 0.25  # Legendre coefficients of degree 10-14 this large against |f|: no decay
GEOMETRIC_DROP = 64.0  # the envelope falls more than this from degree 9-11 to 13-15: analytic f
ODD_ONLY = 0.01  # even coefficients this small against the odd ones: f odd about the centre
ODD_FLAT = 2.0  # odd coefficients falling less than this over 4 degrees: maybe not integrable
ODD_JITTER = 8.0  # odd coefficients up to this times what the nodes' rounding makes: noise
FINITE_SAFETY = 2.0  # the tail beyond the rule's degree is many terms, not its first one
MISSED_TAIL = 4.0  # a resolved f's interpolant is off by less than this times its top coefficients
MISSED_ROUNDING = 1e3  # ulps of f (and of x times f's slope) that interpolation may amplify
ROUNDING_ULPS = 4.0  # ulps of ∫|f| by which f's rounding and the rule's sum may move a panel
# f's values all floats of at most this many significant bits (float32: 24),
# most within `COARSE_SPREAD` bits of it: f is computed in a coarser float.
COARSE_BITS = (11, 40)
COARSE_SPREAD = 4
COARSE_DISTINCT = 5  # distinct nonzero samples needed to tell a coarse float from exact values
X_GRID = 16.0  # a grid within this of the nodes' rounding times f's slope is x's, not f's
# f's noise beside a point, from its values at x + j h for 1 <= j <= NOISE_POINTS
# (`noise_level`), and again at h / NOISE_FINER: noise has no scale, f's detail has.
NOISE_POINTS = 7  # the fewest ECnoise (Moré and Wild, 2011) recommends (it allows 4)
NOISE_FINER = 16.0
NOISE_AGREE = 4.0  # the levels of three consecutive orders of differences agree within this
NOISE_SAFETY = 4.0  # the errors a noise level stands for may be this many times larger
_TINY = sys.float_info.min


class Panel(NamedTuple):
    r"""One subinterval with the Kronrod estimate of its integral and its error.

    ``absolute`` estimates $\int |f|$ over the panel (the scale that rounding
    and resolution are judged against). ``unresolved`` says that the Gauss and
    Kronrod estimates disagree by about as much as ``f`` varies over the
    panel: the nodes do not resolve ``f`` (a peak between them, mass crowded
    at one end), so ``error`` is only a guess of the error's size, however
    small it is in absolute terms. ``peaks`` holds, for the left and the
    right half, the node where ``|f|`` was largest and that value, as
    ``(x, |f(x)|)`` (the centre belongs to both halves): what a half must at
    least see again once it is bisected, if it resolves ``f``. ``edges`` are
    ``f`` at the two nodes nearest ``a`` (nearest first) and the two nearest
    ``b`` (nearest first): what a neighbouring panel is compared with.
    ``smoothness`` is the error that Legendre coefficients falling like a
    power of the degree (a kink) would leave, 0 where they fall fast; it is
    not part of ``error`` (see `_finite_smoothness`). ``samples`` are ``f`` at
    the nodes, from ``a`` to ``b``: with `missed`, what a half of this panel
    (or a panel nearby) must reproduce by interpolation if it resolves ``f``,
    to within ``resolution`` (see `_interpolation_error`). ``rounding`` is
    how far the rounding of ``f`` and of the rule's sum may move ``value``
    (`ROUNDING_ULPS` ulps of ``∫|f|``): what an extrapolation from the sums
    of several panels amplifies. ``flat`` is the error that the highest
    Legendre coefficients the samples show would leave if they fell no
    further: only the even ones (degrees 10-14, or 6-10) where those are
    below `ODD_ONLY` of the odd ones, as for ``f`` odd about the centre plus
    a constant, or for a kink by chance (see `_unchecked`); like
    ``smoothness``, not part of ``error``. ``even`` and ``odd`` are the
    magnitudes of the Legendre coefficients of `_legendre_rows` that the
    estimates above were taken from (degrees 10-14 and 9-15, or 6-10 and
    5-11), kept for the checks that read a panel's spectrum later
    (`aliased`, `unfalling`, `odd_unresolved`).
    """

    a: float
    b: float
    value: float
    error: float
    rounding_limited: bool  # the error is the rounding floor: bisecting cannot help
    absolute: float = 0.0
    unresolved: bool = False
    peaks: tuple[tuple[float, float], tuple[float, float]] = ((0.0, 0.0), (0.0, 0.0))
    edges: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    smoothness: float = 0.0
    samples: tuple[float, ...] = ()
    resolution: float = math.inf
    rounding: float = 0.0
    flat: float = 0.0
    # K - G, signed: the raw error, linear in f (a function that the rule
    # integrates exactly, such as a line, adds nothing to it).
    difference: float = 0.0
    even: tuple[float, float, float] = (0.0, 0.0, 0.0)
    odd: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    # How far f's measured noise (beyond rounding) may move the samples'
    # polynomial: part of ``resolution`` (`with_noise`), 0 where unmeasured.
    noise: float = 0.0


def gauss_kronrod(f: Callable[[float], float], a: float, b: float, rule: Rule = K21) -> Panel:
    """Integrate ``f`` over ``[a, b]`` with one application of ``rule``; estimate the error.

    The raw estimate ``|K - G|`` is far too pessimistic for smooth ``f`` (K is
    much better than G), so QUADPACK scales it by
    ``min(1, (200 |K - G| / resasc)**1.5)``, where ``resasc`` measures how
    much ``f`` varies. The error never falls below what rounding alone can
    produce: 50 ulps of ``∫|f|`` (QUADPACK's floor), plus the effect of
    rounding the nodes themselves, ``ulp(x) |f'|`` integrated, which
    dominates far from 0 (``exp(k x)`` near ``k x = 700``, a narrow peak at
    ``x = 1e3``) and which QUADPACK leaves out; for ``f`` computed in a
    coarser float (numpy's float32), both in its ulps (`rounding_unit`).
    """
    center = 0.5 * a + 0.5 * b  # halves first: b - a may overflow
    half = 0.5 * b - 0.5 * a
    nodes, weights = rule.nodes[:-1], rule.kronrod[:-1]
    f_center = f(center)
    kronrod = rule.kronrod[-1] * f_center
    gauss = rule.gauss[-1] * f_center
    absolute = rule.kronrod[-1] * abs(f_center)
    lefts: list[float] = []  # positions increasing
    rights: list[float] = []  # positions decreasing
    for x, weight, gauss_weight in zip(nodes, weights, rule.gauss, strict=False):
        dx = half * x
        left, right = f(center - dx), f(center + dx)
        lefts.append(left)
        rights.append(right)
        kronrod += weight * (left + right)
        absolute += weight * (abs(left) + abs(right))
        gauss += gauss_weight * (left + right)
    pairs = list(zip(lefts, rights, strict=True))
    mean = 0.5 * kronrod
    variation = rule.kronrod[-1] * abs(f_center - mean) + sum(
        weight * (abs(left - mean) + abs(right - mean))
        for weight, (left, right) in zip(weights, pairs, strict=True)
    )
    width = abs(half)
    variation *= width
    absolute *= width
    error = abs((kronrod - gauss) * half)
    unresolved = False
    if variation != 0.0 and error != 0.0:
        ratio = 200.0 * error / variation
        unresolved = ratio >= UNRESOLVED_RATIO
        error = variation * (1.0 if ratio >= 1.0 else ratio**1.5)  # no overflow in **
    positions = [-x for x in nodes] + [0.0] + list(reversed(nodes))
    values = [*lefts, f_center, *reversed(rights)]
    all_weights = [*weights, rule.kronrod[-1], *reversed(weights)]
    tail = _legendre_tail(rule, values)
    error = max(error, width * _slow_decay(rule, tail))
    # A flat spectrum, the highest coefficients a quarter of f's largest
    # sample or more (kinks, ramps, steps and singular ends stay at or below
    # 0.25, noise such as an oscillation aliased by 21 nodes on 1700 periods
    # is above 1): no decay to extrapolate, so the error is about the last
    # coefficient, however well the Gauss and Kronrod sums agree by chance.
    if any(values) and max(tail) >= FLAT_SPECTRUM * max(map(abs, values)):
        error = max(error, width * max(tail))
    floor = max(
        _rounding_floor(rule, values, all_weights, a, b, absolute=absolute),
        absolute if _collapsed(center, half, nodes) else 0.0,
    )
    rounding_limited = absolute > _TINY / (50.0 * _EPS) and error <= floor
    if rounding_limited:
        error = floor
    value = kronrod * half
    if not (math.isfinite(value) and math.isfinite(error)):
        raise NumericalError(
            f"the integral over [{a!r}, {b!r}] overflows the float range (about 1e308); "
            "rescale f or split the interval"
        )
    middle = len(nodes)
    peaks = (
        _largest(center, half, positions[: middle + 1], values[: middle + 1]),
        _largest(center, half, positions[middle:], values[middle:]),
    )
    # Saturated, or an error that is a sizeable part of the panel's ∫|f|.
    unresolved = (unresolved or error >= UNRESOLVED_SHARE * absolute) and not rounding_limited
    edges = (lefts[0], lefts[1], rights[0], rights[1])
    odd = _coefficients(_legendre_rows(rule, odd=True), values)
    smoothness = width * _finite_smoothness(rule, values, tail, odd)
    resolution = _interpolation_error(rule, values, (tail, odd), a=a, b=b)
    return Panel(
        a,
        b,
        value,
        error,
        rounding_limited,
        absolute,
        unresolved,
        peaks,
        edges,
        smoothness,
        tuple(values),
        resolution,
        ROUNDING_ULPS * rounding_unit(rule, values, a, b) * absolute,
        width * _unchecked(tail, odd),
        (kronrod - gauss) * half,
        tail,
        (odd[0], odd[1], odd[2], odd[3]),
    )


def _top_degree(rule: Rule) -> int:
    """The highest even degree of `_legendre_rows`: 14 for K21, 10 for K15."""
    return 2 * (rule.size // 4) + 4


@functools.cache
def _legendre_rows(rule: Rule, odd: bool = False) -> tuple[tuple[float, ...], ...]:
    """Weights giving the Legendre coefficients of three even degrees from the samples.

    Degrees 10, 12, 14 for K21 (6, 8, 10 for K15): the rule integrates
    ``P_j * p`` exactly for ``p`` of degree up to ``3n + 1 - j`` (``n`` Gauss
    nodes), so these coefficients are exact for polynomials of about the
    same degree. Odd degrees are left out: a rule symmetric about the
    panel's centre integrates every odd term exactly. With ``odd``, the
    four odd degrees around them (9, 11, 13, 15; 5, 7, 9, 11), which say how
    fast f's own coefficients fall where the even ones happen to be small.
    """
    positions = [-x for x in rule.nodes[:-1]] + [0.0] + list(reversed(rule.nodes[:-1]))
    weights = kronrod_weights(rule)
    top = _top_degree(rule)
    rows = []
    for degree in range(top - 5, top + 2, 2) if odd else range(top - 4, top + 1, 2):
        row = []
        for x, weight in zip(positions, weights, strict=True):
            before, current = 1.0, x  # P_0, P_1; Bonnet's recurrence up to P_degree
            for k in range(1, degree):
                before, current = current, ((2 * k + 1) * x * current - k * before) / (k + 1)
            row.append((degree + 0.5) * weight * current)
        rows.append(tuple(row))
    return tuple(rows)


def _legendre_tail(rule: Rule, values: list[float]) -> tuple[float, float, float]:
    """``|c|`` for the three even Legendre degrees of `_legendre_rows`, from the samples."""
    c1, c2, c3 = _coefficients(_legendre_rows(rule), values)
    return c1, c2, c3


def _coefficients(rows: tuple[tuple[float, ...], ...], values: list[float]) -> list[float]:
    """``|c|`` for each row of `_legendre_rows`, from the samples."""
    # map(mul): the same products as a generator, at a third of its cost per panel.
    return [abs(math.fsum(map(operator.mul, row, values))) for row in rows]


def _slow_decay(rule: Rule, tail: tuple[float, float, float]) -> float:
    """An error estimate (per unit half-width) from how slowly ``f``'s Legendre coefficients fall.

    QUADPACK's scaled ``|K - G|`` assumes they fall fast, as for analytic
    ``f``; for a kink such as ``|x - c|**2.9`` they fall slowly and
    ``|K - G|`` can be 10**4 times too small. With ``c1, c2, c3`` the
    coefficients of three even degrees two apart (see `_legendre_rows`) and
    ``r = sqrt(c3 / c1)`` their mean ratio, the error of the rule, about the
    first coefficient it does not integrate (degree 32, or 23), is taken as
    ``c3 r**k``, ``k`` the steps of two degrees up to there (Berntsen and
    Espelid's null-rule idea): negligible when ``f`` is resolved (``r``
    small), about ``c3`` when it is not. (The mean ratio, not the worse
    one: measured, the worse one doubles the cost of ``tanh(x)**2`` and the
    mean loses no accuracy.)
    """
    c1, c2, c3 = tail
    if c3 == 0.0 or c1 == 0.0 or c2 > 4.0 * c1:
        # A spectrum still rising steeply (4x in two degrees) is in its hump (e**-x cos 5x on
        # [0, 2.5], whose coefficients fall faster than geometrically after
        # degree 20): extrapolating from it overstates the error by 10**12,
        # and QUADPACK's estimate of such a panel is large anyway.
        return 0.0
    # From degree top = 14 (10) to the first one the rule misses, 32 (23).
    nodes = 2 * len(rule.nodes) - 1
    steps = (3 * (nodes // 2) + 2 - (2 * (nodes // 4) + 4)) / 2  # 9 for K21, 6.5 for K15
    return c3 * math.pow(min(1.0, math.sqrt(c3 / c1)), steps)


def _finite_smoothness(
    rule: Rule,
    values: list[float],
    even: tuple[float, float, float] | None = None,
    odd: list[float] | None = None,
) -> float:
    """The error (per unit half-width) left by Legendre coefficients that fall like a power.

    For ``f`` of finite smoothness in the panel, such as ``|x - c|**p`` (a
    kink of order ``p``), the coefficients fall like a power of the degree,
    ``A j**-alpha``, and oscillate with ``j`` at a rate set by where ``c``
    lies: three even degrees can all sit near a zero of that oscillation,
    and the panel's other estimates (QUADPACK's, `_slow_decay`) are then too
    small, by up to 9,000 times on 20,000 random panels of ``|x - c|**p``.
    Here the envelope is the largest of three neighbouring coefficients,
    even and odd (degrees 9-11 and 13-15 for K21, 5-7 and 9-11 for K15:
    three neighbours, so that the half period of the oscillation, 5 degrees
    where ``c`` is at 0.83 of the half-width from the centre, cannot put
    all of them near a zero); ``alpha`` is fitted to its fall from the
    lower three to the upper three, and the error is the upper envelope
    carried by that power from its first degree to the first degree the
    rule misses (32, or 23), times `FINITE_SAFETY`. ``even`` are the
    coefficients of `_legendre_tail`, if at hand.

    Where the envelope falls by more than `GEOMETRIC_DROP` over those four
    degrees (as ``j**-11.3`` would), ``f`` is taken as analytic and the other
    estimates stand. Kinks next to a panel's end fall steeply at these
    degrees, before their power takes over: of 100,000 random panels of
    ``|x - c|**p`` (``c`` uniform on the panel) in each range, with
    ``0.05 < p < 3`` (seed 1) none fell by more than 64 (56 by more than 16,
    all with ``c`` within 2% of the panel's width from an end and
    ``p > 2.39``), with ``3 < p < 6`` (seed 2) 2,766 did (19,391 by more
    than 16), all with ``c`` within 13% of the
    width from an end and ``p > 4.57``. Where the even coefficients
    are below `ODD_ONLY` of the odd ones, ``f`` is taken as odd about the
    panel's centre (plus a constant), which the rule integrates exactly
    (by chance a kink can pass too: see `_unchecked`).

    Examples:
        >>> from calcweb._gauss_kronrod import K21
        >>> nodes = [-x for x in K21.nodes[:-1]] + [0.0] + list(reversed(K21.nodes[:-1]))
        >>> kink = _finite_smoothness(K21, [abs(x - 0.3) ** 1.5 for x in nodes])
        >>> smooth = _finite_smoothness(K21, [1 / (2 + x) for x in nodes])
        >>> 1e-4 < kink < 1e-2, smooth
        (True, 0.0)
    """
    # Degrees 10, 12, 14 and 9, 11, 13, 15 for K21 (6, 8, 10 and 5, 7, 9, 11).
    even = _legendre_tail(rule, values) if even is None else even
    odd = _coefficients(_legendre_rows(rule, odd=True), values) if odd is None else odd
    low, high = max(odd[0], even[0], odd[1]), max(odd[2], even[2], odd[3])
    if high == 0.0 or low > GEOMETRIC_DROP * high or max(even) < ODD_ONLY * max(odd):
        return 0.0
    lower = _top_degree(rule) - 5  # 9, or 5
    upper = lower + 4
    first_missed = 3 * (len(rule.nodes) - 1) + 2  # 32 for K21, 23 for K15
    # A rising envelope (or one from 0) is carried as it is: alpha = 0.
    alpha = math.log(low / high) / math.log(upper / lower) if low > high else 0.0
    return FINITE_SAFETY * high * math.pow(upper / first_missed, alpha)


def _unchecked(even: tuple[float, float, float], odd: list[float]) -> float:
    """The error (per unit half-width) that the top coefficients leave if they fall no further.

    Every other estimate of a panel's error extrapolates the fall of ``f``'s
    Legendre coefficients from the highest degrees the samples show (13-15
    for K21, 9-11 for K15) to the first one the rule misses (32, or 23):
    QUADPACK's geometrically, `_slow_decay` and `_finite_smoothness` by
    their fall at degrees 9-15 (5-11). Only a second look at ``f`` (the panel's
    halves) can check that extrapolation. A kink ``|x - c|**p`` of order
    3 < p < 12 can fall 30 to 2,100 times from degrees 9-11 to 13-15, the
    cliff from its polynomial part (of degree below p) to its singular
    tail, and only then like a power near ``j**-(p + 1/2)``: fitted there,
    the fall looks analytic (or like ``j**-9`` to ``j**-21``), and a lone
    panel reported errors up to 700 times too small (on values right to
    about 1e-12). Without the extrapolation the error is about the top
    coefficients: twice the envelope of `_finite_smoothness` at degrees
    13-15 (9-11), its floor with ``alpha = 0``. On 10,000 random panels of
    ``|x - c|**p`` in each of the ranges 3 < p < 6, 6 < p < 12 and
    12 < p < 30 (c uniform on the panel), the larger of this and the
    panel's other estimates was below half the true error on none (the
    other estimates alone: on 17, 62 and 0). Where ``f`` is odd about the
    centre plus a constant (even coefficients below `ODD_ONLY` of the odd
    ones), which the symmetric rule integrates exactly, it is twice the
    largest even coefficient (degrees 10-14, or 6-10): the odd part is then
    no envelope of the small even part the rule gets wrong, which may still
    be a kink's (``sin(k (x - 1/2)) + A |x - c|**p`` on [0, 1], 0.05 < p <
    12, 5 < k < 30, 1e-8 < A < 0.1: 386 of 5,000 panels were below half the
    true error with a flat bound of 0, up to 228 times, none with this one;
    so was ``|x - 0.7092|**8.701`` alone, 4.1 times, by chance). ``even``
    and ``odd`` are the coefficients of `_legendre_rows`.
    """
    if max(even) < ODD_ONLY * max(odd):
        # The odd part, which the rule integrates exactly, is no envelope of
        # the even one it gets wrong: that is bounded by its own coefficients.
        return FINITE_SAFETY * max(even)
    return FINITE_SAFETY * max(odd[2], even[2], odd[3])


def odd_unresolved(rule: Rule, panel: Panel) -> bool:
    """Whether ``f`` looks odd about the panel's centre, its odd part unresolved by the samples.

    The symmetric rule sums an odd ``f`` to 0, which is its integral only if
    that exists: ``x/(1 - x**2)`` on [-1, 1] and ``x/(1 + x**2)`` on the whole
    line are 0 at every stage of a bisection that keeps the panels
    symmetric, however each half diverges. Odd (the even coefficients below
    `ODD_ONLY` of the odd ones, as `_unchecked` takes it) and unresolved (its
    odd coefficients fall by less than `ODD_FLAT` from degrees 9-11 to 13-15,
    or 5-7 to 9-11, and are above `MISSED_ROUNDING` ulps of ``f``'s largest
    sample): only a half on its own can tell whether the integral exists.
    Where it does not, the outermost nodes dominate and the coefficients
    hardly fall: by 0.97 to 1.14 for ``x/(1 - x**2)``, ``x/(1 - x**2)**1.01``
    and ``x/(1.0001 - x**2)`` on [-1, 1] and ``x/(1 + x**2)``, ``x/((1 +
    x**2) log(2 + x**2))``, ``sin``, ``atan`` and ``erf`` on the whole line;
    a bounded odd part falls faster (the logistic function on [-5, 5] by 9,
    ``tanh`` on [-3, 3] by 6.2, ``sin`` on [-1, 1] by 2.3e5), and some
    integrable ones do not (``x/sqrt(1 - x**2)`` on [-1, 1] 1.25, the logistic
    function on [-20, 20] 1.8: checked at the cost of a half).

    >>> from calcweb._gauss_kronrod import K21
    >>> odd_unresolved(K21, gauss_kronrod(lambda x: x / (1 - x * x), -1.0, 1.0))
    True
    >>> odd_unresolved(K21, gauss_kronrod(math.sin, -1.0, 1.0))
    False
    >>> odd_unresolved(K21, gauss_kronrod(lambda x: 1 / (1 - x), -1.0, 1.0))
    False
    """
    return _odd_fall(rule, panel) < ODD_FLAT


def odd_unproven(rule: Rule, panel: Panel) -> bool:
    """Whether ``f`` looks odd about the panel's centre, its odd part not shown to be smooth.

    The symmetric rule sums the samples' odd part to 0 and reports the error
    of their even part, so a lone panel whose samples mirror is right only
    if ``f`` is odd, which its samples cannot show: a staircase whose jumps
    fall in mirrored gaps of the nodes mirrors too (``round(10 x)/10`` on
    [-2.93694, 3.13507], 0.6072 +- 1.1e-13 for 0.6016; stairscan seed 12).
    Its odd coefficients fall like a jump's, by a power of the degree (2.0
    and 2.3 from degrees 9-11 to 13-15 on stairscan seeds 12 and 13's),
    where a smooth odd part's fall geometrically (by more than
    `GEOMETRIC_DROP`, as `_finite_smoothness` takes an analytic ``f``):
    ``sin(5 x)`` on [-1, 1] by 308, while ``tanh`` on [-3, 3] (6.2) and
    ``sin(10 x)`` on [-1, 1] (9.4) are not yet resolved, and are checked at
    the cost of their halves. Implied by `odd_unresolved`.

    >>> from calcweb._gauss_kronrod import K21
    >>> odd_unproven(K21, gauss_kronrod(lambda x: round(10 * x) / 10, -2.93694, 3.13507))
    True
    >>> odd_unproven(K21, gauss_kronrod(lambda x: math.sin(5 * x), -1.0, 1.0))
    False
    """
    return _odd_fall(rule, panel) <= GEOMETRIC_DROP


def _odd_fall(rule: Rule, panel: Panel) -> float:
    """How far the odd coefficients fall from degrees 9-11 to 13-15 (5-7 to 9-11).

    Infinite where the samples do not look odd about the centre (the even
    coefficients not below `ODD_ONLY` of the odd ones) or their odd part is
    rounding's (below `MISSED_ROUNDING` ulps of ``f``'s largest sample, and
    `ODD_JITTER` times what the nodes' rounding makes): no odd part to check.
    """
    even, odd = panel.even, panel.odd
    top = max(odd[2], odd[3])
    values = list(panel.samples)
    rounding = max(
        MISSED_ROUNDING * _EPS * max(map(abs, values)),
        ODD_JITTER * _jittered(rule, values, panel.a, panel.b),
    )
    if top <= rounding or max(even) >= ODD_ONLY * max(odd):
        return math.inf  # rounding's coefficients (x**3 on [-2, 2], cos**2 at 4e6), or not odd
    return max(odd[0], odd[1]) / top


def mirrored(rule: Rule, panel: Panel) -> float:
    """The error a panel whose samples mirror may hide: 0 unless `odd_unproven` holds.

    The symmetric rule sums the odd part of ``f`` about the panel's centre to
    0, and Gauss and Kronrod agree on it to rounding, which is the integral
    only if ``f`` is odd there. On a panel that a bisection placed, nothing
    makes it so: a staircase with two equal jumps between mirrored pairs of
    nodes (for K21 gaps i and 21 - i, counting from 0 the 22 gaps beside and
    between the 21 nodes; for K15 i and 15 - i) gives samples that are a
    constant plus an odd part, and
    the panel's error is its rounding floor, whatever the jumps' places
    within those gaps move the integral by (up to a jump times the gap's
    width). Its even part is then
    bounded only by the envelope of ``f``'s coefficients, which the odd ones
    show: `FINITE_SAFETY` times the largest odd one of degrees 13-15 (9-11
    for K15), times the panel's width ``b - a``: twice the half-width that
    ``flat`` multiplies `_unchecked`'s bound by (that bound, where no part
    is missing, is per unit half-width and takes in the even coefficient of
    degree 14, or 10, too). The 48 panels that mirrored so in the lies of
    ``bench/scans/stairscan.py`` seed 1 were off by 6e-4 to 0.089 of this,
    and by 1.6e10 to 4e12 times the errors they claimed. Their odd parts
    fell by less than `ODD_FLAT`, but a jump's coefficients fall by a power
    of the degree and may fall by more: by 2.3 to 5.8 on five bisected
    panels of stairscan seeds 18, 20 and 22-24, each claiming about 1e-13 where
    this bound is 0.024 to 0.15 (INT24). So every odd part that does not
    fall geometrically is floored, as `odd_unproven` takes it: a smooth odd
    part not yet resolved costs its panel a bisection (``tanh`` on [-5,
    15], whose half [-5, 5] mirrors with a fall of 2.9: 107 evaluations, not
    65, at tol 1e-4).

    Examples:
        ``floor(10 x)/10`` on a panel with jumps at 0.9 and 1.0, in mirrored
        gaps, off by 1.1e-3:

        >>> f = lambda x: math.floor(10 * x) / 10
        >>> panel = gauss_kronrod(f, 0.8272588092, 1.083876271)
        >>> panel.error < 1e-14, round(mirrored(K21, panel), 4)
        (True, 0.0223)
        >>> mirrored(K21, gauss_kronrod(math.sin, -1.0, 1.0))
        0.0
    """
    if not panel.samples or not odd_unproven(rule, panel):  # none: a panel built by hand
        return 0.0
    return abs(panel.b - panel.a) * FINITE_SAFETY * max(panel.odd[2], panel.odd[3])


def _jittered(rule: Rule, values: list[float], a: float, b: float) -> float:
    """The largest odd Legendre coefficient of degrees 13-15 (9-11) the nodes' rounding may make.

    Each node is only known to an ulp of the panel's largest ``|x|``, which
    moves f there by that times its slope (`_jitter`); through the rows of
    `_legendre_rows` that bounds the coefficients. On a narrow panel far
    from 0 that is all they show: ``cos(x)**2`` on [-3908535.17281,
    -3908535.17277] (7e4 ulps wide) has degrees 13-15 of 1.7e-10, flat
    and odd, 0.06 of this bound (and 0.05 to 0.13 on its halves and on
    another such panel, at 4.4e6), where a divergent odd part has 3e5
    (``x/(1 - x**2)`` shifted to 1e8) to 1e14 times it.
    """
    jitter = _jitter(list(positions(rule)), values, a, b)
    if not jitter:
        return 0.0
    rows = _legendre_rows(rule, odd=True)[2:]
    return max(math.fsum(abs(w) * j for w, j in zip(row, jitter, strict=True)) for row in rows)


def collapsed(rule: Rule, a: float, b: float) -> bool:
    """Whether the nodes of ``rule`` on ``[a, b]`` round to one or two floats (see `_collapsed`).

    >>> collapsed(K21, 1.0, math.nextafter(1.0, 2.0)), collapsed(K21, 1.0, 1.0 + 2**-40)
    (True, False)
    """
    return _collapsed(0.5 * a + 0.5 * b, 0.5 * b - 0.5 * a, rule.nodes[:-1])  # as gauss_kronrod


def _collapsed(center: float, half: float, nodes: tuple[float, ...]) -> bool:
    """Whether the nodes round to one or two floats (an interval about one ulp wide).

    The samples then say nothing of how ``f`` varies across the panel: its
    error is at least its ``∫|f|``.
    """
    return len({center - half * x for x in nodes} | {center + half * x for x in nodes}) < 3


def _interpolation_error(
    rule: Rule,
    values: list[float],
    coefficients: tuple[tuple[float, float, float], list[float]],
    *,
    a: float,
    b: float,
) -> float:
    """How far the samples' interpolating polynomial may be from a resolved ``f`` on the panel.

    `MISSED_TAIL` times the Legendre coefficient of the first degree the
    polynomial misses, 21 (15 for K15): the envelope of degrees 9-11 and
    13-15 (5-7 and 9-11), as in `_finite_smoothness`, carried on by its own
    fall (at most flat); plus `MISSED_ROUNDING` ulps of ``f`` and of the
    nodes' rounding times ``f``'s steepest slope between them.
    ``coefficients`` are the even and odd ones of `_legendre_rows`.
    """
    even, odd = coefficients
    unit = rounding_unit(rule, values, a, b)
    low, high = max(odd[0], even[0], odd[1]), max(odd[2], even[2], odd[3])
    fall = min(1.0, high / low) if low > 0.0 else 1.0
    tail = high * math.pow(fall, (rule.size - _top_degree(rule)) / 4.0)
    half = abs(0.5 * b - 0.5 * a)
    if half == 0.0:
        return math.inf
    steps = itertools.pairwise(zip(positions(rule), values, strict=True))
    slope = max(abs(y1 - y0) / (x1 - x0) for (x0, y0), (x1, y1) in steps) / half
    largest = max(map(abs, values))
    spread = max(abs(a), abs(b))
    return MISSED_TAIL * tail + MISSED_ROUNDING * unit * (largest + spread * slope)


@functools.cache
def positions(rule: Rule) -> tuple[float, ...]:
    """The nodes of ``rule`` on [-1, 1] in increasing order (as `Panel.samples`)."""
    return (*(-x for x in rule.nodes[:-1]), 0.0, *reversed(rule.nodes[:-1]))


def kronrod_weights(rule: Rule) -> tuple[float, ...]:
    """The Kronrod weights of ``rule`` in the order of its nodes' `positions`."""
    return (*rule.kronrod[:-1], rule.kronrod[-1], *reversed(rule.kronrod[:-1]))


@functools.cache
def _barycentric_weights(rule: Rule) -> tuple[float, ...]:
    nodes = positions(rule)
    return tuple(1.0 / math.prod(x - other for other in nodes if other != x) for x in nodes)


@functools.lru_cache(maxsize=512)
def _interpolation_row(rule: Rule, u: float) -> tuple[float, ...]:
    """Weights giving, from the samples, the interpolating polynomial's value at ``u``."""
    nodes = positions(rule)
    if u in nodes:
        return tuple(1.0 if x == u else 0.0 for x in nodes)
    terms = [w / (u - x) for w, x in zip(_barycentric_weights(rule), nodes, strict=True)]
    total = math.fsum(terms)
    return tuple(term / total for term in terms)


def interpolated(rule: Rule, panel: Panel, u: float) -> float:
    """The panel's samples' interpolating polynomial at ``u`` (the panel mapped onto [-1, 1])."""
    return math.fsum(map(operator.mul, _interpolation_row(rule, u), panel.samples))


def missed(rule: Rule, panel: Panel, points: list[tuple[float, float]]) -> tuple[int, float]:
    """The point ``(u, f(x))`` that the panel's samples fail to predict worst, and by how much.

    ``u`` is the point's place on the panel mapped onto [-1, 1]; points
    outside are skipped. The samples' interpolating polynomial (degree 20 for
    K21) reproduces a resolved ``f`` anywhere on the panel to about its
    highest Legendre coefficients, or to rounding; a sample of ``f`` taken
    earlier (by a parent panel) that it misses by far more shows a feature
    between the nodes, such as a narrow peak on a background, however well the
    Gauss and Kronrod sums agree. Returns the index of the worst point and its
    miss, or ``(-1, 0.0)`` if every miss is within ``panel.resolution``.

    Examples:
        A peak between the nodes of the right half of [0, 1], which the
        parent's node at 0.93253 saw:

        >>> import math
        >>> from calcweb._gauss_kronrod import K21
        >>> def f(x):
        ...     return math.exp(-(((x - 0.9323838930623449) / 0.000522) ** 2)) + math.cos(x)
        >>> half = gauss_kronrod(f, 0.5, 1.0)
        >>> u = (0.93253 - 0.75) / 0.25
        >>> index, miss = missed(K21, half, [(u, f(0.93253)), (0.0, f(0.75))])
        >>> index, round(miss, 2)
        (0, 0.92)
    """
    if not panel.samples or not points:
        return -1, 0.0
    try:
        worst, index = panel.resolution, -1
        for position, (u, value) in enumerate(points):
            if -1.0 <= u <= 1.0:
                predicted = interpolated(rule, panel, u)
                if abs(value - predicted) > worst:
                    worst, index = abs(value - predicted), position
    except OverflowError:
        return -1, 0.0  # samples too large to interpolate; the other checks see them
    return (index, worst) if index >= 0 else (-1, 0.0)


def interpolation_rounding(rule: Rule, panel: Panel) -> float:
    """The part of the panel's resolution that rounding makes (see `_interpolation_error`).

    What its samples' polynomial may miss a resolved ``f`` by however fast
    ``f``'s Legendre coefficients fall: `MISSED_ROUNDING` ulps of ``f`` and of
    the nodes' rounding times ``f``'s steepest slope between them.
    """
    if not panel.samples:
        return math.inf
    nothing = ((0.0, 0.0, 0.0), [0.0, 0.0, 0.0, 0.0])
    return panel.noise + _interpolation_error(
        rule, list(panel.samples), nothing, a=panel.a, b=panel.b
    )


def with_noise(panel: Panel, noise: float, floor: float) -> Panel:
    """The panel with f's measured noise: its resolution widened, its error at least ``floor``.

    ``noise`` is how far the noise may move the samples' polynomial,
    ``floor`` how far it may move the rule's sum. An error at that floor is
    the rounding floor of the panel (`Panel.rounding_limited`): f's values
    carry no more digits there, so bisecting cannot help.
    """
    limited = panel.rounding_limited or panel.error <= floor
    return panel._replace(
        error=max(panel.error, floor),
        rounding_limited=limited,
        unresolved=panel.unresolved and not limited,
        resolution=panel.resolution + noise,
        rounding=max(panel.rounding, floor),
        noise=panel.noise + noise,
    )


def noise_bounds(
    rule: Rule, panel: Panel, u: float, levels: list[float], own: float
) -> tuple[float, float]:
    """How far noise may move the samples' polynomial at ``u``, and the rule's sum.

    ``levels`` is f's noise at each node (`noise_level`, 0 where not
    measured), ``own`` that of the sample at ``u`` the polynomial is
    compared with; each error up to `NOISE_SAFETY` times its level. The
    polynomial moves by the interpolation weights at ``u`` times the nodes'
    errors, the sum by the rule's weights times them.
    """
    row = _interpolation_row(rule, u)
    moved = own + math.fsum(abs(r) * level for r, level in zip(row, levels, strict=True))
    weights = kronrod_weights(rule)
    summed = math.fsum(w * level for w, level in zip(weights, levels, strict=True))
    return NOISE_SAFETY * moved, NOISE_SAFETY * abs(0.5 * panel.b - 0.5 * panel.a) * summed


def noise_level(values: list[float]) -> float:
    """The noise of f in its values at equally spaced points, as ECnoise reads it; or 0.

    The k-th differences of independent errors of standard deviation ``s``
    have variance ``C(2k, k) s**2``, while those of a smooth f shrink like
    ``h**k`` with the spacing ``h``. Where the levels ``sqrt(mean(D_k**2) /
    C(2k, k))`` of three consecutive orders agree within `NOISE_AGREE` and
    the differences of the lowest of them change sign, that level is the
    noise (Moré and Wild, "Estimating computational noise", 2011); else 0:
    f is smooth at this spacing (or its values too few or all the same).

    >>> noise_level([1.0, 1.0 + 1e-9, 1.0 - 1e-9, 1.0, 1.0 + 1e-9, 1.0, 1.0 - 1e-9]) > 1e-10
    True
    >>> noise_level([math.exp(0.001 * j) for j in range(7)])
    0.0

    The values are scaled by a power of 2 first: the squares of differences
    of values above 1e154 overflowed (``exp(3.9 x)`` on ``[-25948, 120]``,
    values up to 1e204: OverflowError out of `math.fsum`).
    """
    largest = max((abs(value) for value in values), default=0.0)
    if not 0.0 < largest < math.inf:
        return 0.0
    scale = math.frexp(largest)[1]
    levels, signs = [], []
    differences = [math.ldexp(value, -scale) for value in values]
    for order in range(1, len(values)):
        differences = [later - earlier for earlier, later in itertools.pairwise(differences)]
        mean = math.fsum(d * d for d in differences) / len(differences)
        levels.append(math.sqrt(mean / math.comb(2 * order, order)))
        signs.append(min(differences) < 0.0 < max(differences))
    for k in range(len(levels) - 2):
        low, high = min(levels[k : k + 3]), max(levels[k : k + 3])
        if signs[k] and 0.0 < high <= NOISE_AGREE * low:
            return math.ldexp(levels[k], scale)
    return 0.0


def aliased(panel: Panel) -> bool:
    """Whether the panel's Legendre coefficients do not fall at the top degrees its samples show.

    The coefficients of an ``f`` that the panel resolves fall with the degree:
    geometrically where ``f`` is analytic there, like a power where it has
    finite smoothness (``|x - c|**p``, an end singularity). Where the
    largest of degrees 13-15 (9-11 for K15) is no smaller than the largest
    of degrees 10-11 (6-7; see `_envelopes`), and above the
    rounding part of `_interpolation_error`, the samples alias detail finer
    than the nodes' spacing: the flank of a peak between two nodes, which
    sees ``H (w / d)**2`` of a Lorentzian of height ``H`` and width ``w``
    from ``d`` away and holds ``pi H w``, unbounded for a given sample as
    ``w`` shrinks. Then no estimate from the samples bounds the error (the
    resolution `missed` judges with is the top coefficients carried on by
    their own fall: with no fall, made of that very flank), and only
    bisection resolves the detail.

    Examples:
        The flank of a peak between two nodes of [0, 1], on a line:

        >>> def f(x):
        ...     return x + 1e-10 / ((x - 0.9) ** 2 + 1e-16)
        >>> flank, smooth = gauss_kronrod(f, 0.0, 1.0), gauss_kronrod(math.exp, 0.0, 1.0)
        >>> aliased(flank), aliased(smooth)
        (True, False)

        The same flank on ``cos x``, whose degree-9 coefficient (2.6e-11)
        is 21 times the flank's top ones (``lorentz(c=0.99901, w=1.85e-6)``,
        5e-6 high):

        >>> def g(x):
        ...     return math.cos(x) + 5e-6 * 1.85e-6**2 / ((x - 0.99901) ** 2 + 1.85e-6**2)
        >>> flank, smooth = gauss_kronrod(g, 0.0, 1.0), gauss_kronrod(math.cos, 0.0, 1.0)
        >>> aliased(flank), aliased(smooth)
        (True, False)
    """
    low, high = _envelopes(panel)
    if not 0.0 < low <= high:
        return False
    # The resolution is MISSED_TAIL times the (unfallen) top coefficients
    # plus its rounding part: the tail must be the larger of the two.
    return 2.0 * MISSED_TAIL * high > panel.resolution


def unfalling(panel: Panel) -> bool:
    """Whether the top Legendre coefficients the panel's samples show do not fall.

    As in `aliased`, the largest of degrees 13-15 (9-11 for K15) is no
    smaller than the largest of degrees 10-11 (6-7), however small both are
    against the rounding part of the panel's resolution: the nodes see
    detail they do not resolve (or f's rounding), not f's own decay.
    """
    low, high = _envelopes(panel)
    return 0.0 < low <= high


def noisy_top(rule: Rule, panel: Panel, levels: list[float]) -> bool:
    """Whether noise of ``levels`` at the nodes (`noise_level`) makes the panel's top coefficients.

    The largest of degrees 13-15 (9-11 for K15), `_envelopes`' high one, is
    at most the most that errors of `NOISE_SAFETY` times each node's level
    may make of any of the three (the sum of its row's ``|weights|`` times
    them): those coefficients say nothing of f's own fall, and nothing the
    bounds built on them (`Panel.flat`, `Panel.smoothness`) claim is f's.
    """
    even, odd = _legendre_rows(rule), _legendre_rows(rule, odd=True)
    rows = (odd[2], even[2], odd[3])
    made = max(
        NOISE_SAFETY * math.fsum(abs(w) * level for w, level in zip(row, levels, strict=True))
        for row in rows
    )
    return 0.0 < _envelopes(panel)[1] <= made


def _envelopes(panel: Panel) -> tuple[float, float]:
    """The largest Legendre coefficient of degrees 10-11 and of 13-15 (6-7, 9-11), or 0s.

    Degree 9 (5), the lowest of `_finite_smoothness`'s envelope, is left out:
    there a background that the panel resolves, whose coefficients fall
    faster than geometrically, can still be far above the flank of a peak
    that the nodes see, whose coefficients hardly fall, and would hide it.
    ``cos x`` on [0, 1] has 2.7e-11 at degree 9, 1.3e-12 at 10, 1.7e-14 at
    11 and 1.3e-16 at 13; with 5e-6 lorentz(c=0.99901, w=1.85e-6) on it the
    coefficients of degrees 11-15 are all 1.2e-12 (the flank's; the peak
    holds 2.9e-11), and the first panel claimed 1.2e-12 (integrate-peaks-ends
    seed 4, 23.6 times too small). A kink's coefficients, which fall like a
    power (``|x - 0.001|**0.5`` on [0, 1]: 6.3e-3 at degree 9, 4.5e-3 at 11,
    2.6e-3 at 15), fall from degrees 10-11 to 13-15 too.
    """
    even, odd = panel.even, panel.odd  # 0s for a panel built without samples
    return max(even[0], odd[1]), max(odd[2], even[2], odd[3])


def _largest(
    center: float, half: float, positions: list[float], values: list[float]
) -> tuple[float, float]:
    """``(x, |f(x)|)`` at the node of largest ``|f|``."""
    position, value = max(zip(positions, values, strict=True), key=lambda item: abs(item[1]))
    return center + half * position, abs(value)


def _rounding_floor(
    rule: Rule,
    values: list[float],
    weights: list[float],
    a: float,
    b: float,
    *,
    absolute: float,
) -> float:
    """The error rounding alone may make: of f's values (in ulps of ∫|f|) and of the nodes.

    QUADPACK's 50 ulps of ∫|f| for float64; for f computed in a coarser
    float (`rounding_unit`), `ROUNDING_ULPS` of its ulps (its own rounding
    and that of its x, each at most half of one), its nodes rounded as
    coarsely.
    """
    unit = rounding_unit(rule, values, a, b)
    nodes = _node_rounding(list(positions(rule)), values, weights, a, b, unit=unit)
    return max(50.0 * _EPS, ROUNDING_ULPS * unit) * absolute + nodes


def _node_rounding(
    positions: list[float],
    values: list[float],
    weights: list[float],
    a: float,
    b: float,
    *,
    unit: float = _EPS,
) -> float:
    """About ``∫ ulp(x) |f'(x)| dx`` over the panel: the error from rounding the nodes.

    A node is only known to about ``unit * max(|a|, |b|)`` (``unit`` is eps
    for float64); ``f'`` is estimated by the slopes between neighbouring
    nodes (the larger of the two: `_jitter`), and each node's share weighted
    as in the rule.
    """
    half = 0.5 * abs(b - a) if math.isfinite(b - a) else abs(0.5 * b - 0.5 * a)
    local = _jitter(positions, values, a, b, unit)
    if not local:
        return 0.0
    return half * math.fsum(w * s for w, s in zip(weights, local, strict=True))


def _jitter(
    positions: list[float], values: list[float], a: float, b: float, unit: float = _EPS
) -> list[float]:
    """How far rounding each node may move f there: its slope times ``unit * max(|a|, |b|)``.

    The slope at a node is the larger of those to its neighbours; ``[]``
    where the nodes are exact (at 0) or the panel has no width.
    """
    spread = unit * max(abs(a), abs(b))
    half = 0.5 * abs(b - a) if math.isfinite(b - a) else abs(0.5 * b - 0.5 * a)
    if spread == 0.0 or half == 0.0:
        return []
    # |f(x1) - f(x0)| * spread / (x1 - x0), with x on [-1, 1]; halves avoid overflow.
    slopes = [
        2.0 * abs(0.5 * y1 - 0.5 * y0) * (spread / (half * (x1 - x0)))
        for (x0, y0), (x1, y1) in itertools.pairwise(zip(positions, values, strict=True))
    ]
    return [slopes[0], *map(max, slopes, slopes[1:]), slopes[-1]]


def rounding_unit(rule: Rule, values: list[float], a: float, b: float) -> float:
    """The relative spacing of the floats f computes in, as its samples show: eps, or coarser.

    Every nonzero sample (`COARSE_DISTINCT` distinct ones at least) a float
    of at most ``p`` significant bits, most of them within `COARSE_SPREAD`
    bits of ``p`` (as values rounded to ``p`` bits are, unlike exact binary
    fractions), with ``p`` in `COARSE_BITS`, not all integers with an odd
    one among them, and a grid coarser than the nodes' rounding makes
    (`X_GRID`): f rounds each value to a ``p``-bit float (numpy's
    float32, ``p = 24``), and its rounding is ``2**(1 - p)`` of ``|f|``, not
    eps. ``(x_32)**3`` rounded to float32 on [0, 2] is a staircase of steps
    of 1.2e-7 of f, whose top Legendre coefficients on any panel stand at
    that level and never fall: judged against eps they looked like detail
    finer than the nodes, and at every tol it was refused with an error of
    2.73 for a true one of 7.9e-9.
    """
    distinct = {v for v in values if v != 0.0 and math.isfinite(v)}
    if len(distinct) < COARSE_DISTINCT:
        return _EPS
    low, high = COARSE_BITS
    bits = []
    for v in distinct:
        bits.append(_significant_bits(v))
        if bits[-1] > high:
            return _EPS  # a float64 value: the usual case, seen at once
    bits.sort()
    p = bits[-1]
    if p < low or bits[len(bits) // 2] < p - COARSE_SPREAD:
        return _EPS
    # Integers with an odd one among them (floor, counts) are exact values
    # whose steps are jumps to locate; a float32's values above 2**24 are
    # integers too, but all even: multiples of its coarser spacing.
    if all(v.is_integer() for v in distinct) and any(v % 2.0 == 1.0 for v in distinct):
        return _EPS
    unit = math.ldexp(1.0, 1 - p)
    # A grid the rounding of x (a float64 node) already makes, as its slope
    # times eps |x| (`_jitter`, counted in `_node_rounding`): x - 1e6 on
    # [1e6, 1e6 + 1] takes values on a grid of ulp(1e6) = 2**-33.
    jitter = _jitter(list(positions(rule)), values, a, b)
    if jitter and X_GRID * max(jitter) >= unit * max(map(abs, distinct)):
        return _EPS
    return unit


def _significant_bits(v: float) -> int:
    """How many bits of ``v``'s mantissa are significant (1 to 53): up to its last 1."""
    mantissa = int(math.ldexp(math.frexp(abs(v))[0], 53))
    return 53 - ((mantissa & -mantissa).bit_length() - 1)
