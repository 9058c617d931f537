r"""Gauss-Kronrod rules on one interval, with QUADPACK's error estimate.

A Gauss-Kronrod pair re-uses the n nodes of the n-point Gauss-Legendre rule
(exact to degree 2n - 1) and adds n + 1 nodes to make a rule exact to degree
3n + 1; their difference estimates the error of the better one. Two pairs, as
in QUADPACK: G10-K21 (``qk21``) and G7-K15 (``qk15i``), which QUADPACK
uses on a half-line mapped onto a finite interval, where the integrand is
less smooth and a cheaper rule bisected more often pays. None of the nodes
is an endpoint, so an integrable singularity at an end (such as
$1/\sqrt{x}$ at 0) is never evaluated.

Nodes and weights are QUADPACK's (Piessens et al., 1983).
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from typing import NamedTuple

from calcweb.exceptions import NumericalError

__all__ = ["K15", "K21", "Panel", "Rule", "gauss_kronrod"]


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
_TINY = sys.float_info.min


class Panel(NamedTuple):
    """One subinterval with the Kronrod estimate of its integral and its error."""

    a: float
    b: float
    value: float
    error: float
    rounding_limited: bool  # the error is the rounding floor: bisecting cannot help


def gauss_kronrod(f: Callable[[float], float], a: float, b: float, rule: Rule = K21) -> Panel:
    """Integrate ``f`` over ``[a, b]`` with one application of ``rule``; estimate the error.

    The raw estimate ``|K - G|`` is far too pessimistic for smooth ``f`` (K is
    much better than G), so QUADPACK scales it by
    ``min(1, (200 |K - G| / resasc)**1.5)``, where ``resasc`` measures how
    much ``f`` varies, and never lets it fall below 50 ulps of ``∫|f|``, which
    rounding alone can produce.
    """
    center = 0.5 * a + 0.5 * b  # halves first: b - a may overflow
    half = 0.5 * b - 0.5 * a
    f_center = f(center)
    kronrod = rule.kronrod[-1] * f_center
    gauss = rule.gauss[-1] * f_center
    absolute = rule.kronrod[-1] * abs(f_center)
    pairs = []
    for x, weight, gauss_weight in zip(rule.nodes[:-1], rule.kronrod, rule.gauss, strict=False):
        dx = half * x
        left, right = f(center - dx), f(center + dx)
        pairs.append((left, right))
        kronrod += weight * (left + right)
        absolute += weight * (abs(left) + abs(right))
        gauss += gauss_weight * (left + right)
    mean = 0.5 * kronrod
    variation = rule.kronrod[-1] * abs(f_center - mean) + sum(
        weight * (abs(left - mean) + abs(right - mean))
        for weight, (left, right) in zip(rule.kronrod, pairs, strict=False)
    )
    width = abs(half)
    variation *= width
    absolute *= width
    error = abs((kronrod - gauss) * half)
    if variation != 0.0 and error != 0.0:
        ratio = 200.0 * error / variation
        error = variation * (1.0 if ratio >= 1.0 else ratio**1.5)  # no overflow in **
    floor = 50.0 * _EPS * absolute
    rounding_limited = absolute > _TINY / (50.0 * _EPS) and error <= floor
    if rounding_limited:
        error = floor
    value = kronrod * half
    if not (math.isfinite(value) and math.isfinite(error)):
        raise NumericalError(
            f"the integral over [{a!r}, {b!r}] overflows the float range (about 1e308); "
            "rescale f or split the interval"
        )
    return Panel(a, b, value, error, rounding_limited)
