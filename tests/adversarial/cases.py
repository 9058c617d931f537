r"""Functions and points chosen to break finite-difference derivative codes.

Each `Case` holds a function written with `math` (what a reader passes to
`calcweb.derivative`, which then differentiates numerically: ``math`` refuses
calcweb's jets, so even a power is written ``math.pow``), the same function
written with `mpmath` (the oracle), a point ``x``, an order ``n`` and a length
``scale``: how far f stays smooth at the size of its own values — the distance to
the nearest singularity or edge of the domain, 1/frequency of an oscillation,
1/rate of an exponential, ``|x|`` for a power of x. A code must take steps of
about that size or smaller to resolve f there.

The exact derivative (`exact`) is ``mpmath.diff`` at 50 digits with a step
relative to ``|x|`` (mpmath's default step is absolute: it cannot tell 1e150
from 1e150 + h, nor see the scale of 1e-200).

Well conditioned — the stated criterion (`well_conditioned`): double-precision
values of f at steps of size ``scale`` determine the derivative to 1e-10:

    kappa = (eps * M + 2**-1074) / (|f^(n)(x)| * scale**n) <= 1e-10,

where ``M = max |f|`` at ``x`` and ``x ± scale/2`` — or ``terms``, the size of
the terms that the math formula cancels, when that is larger — so ``eps * M``
is the rounding of f's values and 2**-1074 the floor below which floats are
subnormal; and ``M`` and ``|f^(n)(x)|`` must be normal floats. The tests require
1e-7 relative accuracy only of well-conditioned first derivatives, and honesty
(true error at most twice the reported error) of every case.

``may_refuse`` says why double precision genuinely cannot do a case (the
function or its derivative overflows, f's values are subnormal); only there is
a `NumericalError` or `DomainError` an acceptable answer. A case with
``mp=None`` has no finite derivative at all: it must be refused.
"""

from __future__ import annotations

import cmath
import functools
import math
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import mpmath

DIGITS = 50
WELL_CONDITIONED = 1e-10
_EPS = sys.float_info.epsilon
_SUBNORMAL = 2.0**-1074
_NORMAL = sys.float_info.min


@dataclass(frozen=True)
class Case:
    """One function at one point: what to differentiate and how to know the answer."""

    kind: str  # the trap: "oscillation", "pole", "domain", "steep", "scale", "high order", ...
    name: str  # the formula, as a reader would write it
    f: Callable[[float], float]  # with math: the function calcweb differentiates
    mp: Callable[[Any], Any] | None  # with mpmath: the oracle; None if f'(x) does not exist
    x: float
    n: int
    scale: float  # how far f stays smooth (see the module docstring)
    may_refuse: str = ""  # why double precision cannot do it; "" means it must answer
    terms: float = 0.0  # the size of the terms f's formula cancels, if larger than |f|
    closed_form: Callable[[Any], Any] | None = None  # f^(n) with mpmath, where diff cannot

    @property
    def id(self) -> str:
        """A short, unique test id such as ``tan @ 1.56, n=2``."""
        order = f", n={self.n}" if self.n != 1 else ""
        return f"{self.name} @ {self.x!r}{order}"


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x))


def _mp_sigmoid(x: Any) -> Any:
    return 1 / (1 + mpmath.exp(-x))


def _sqrt_or_nan(x: float) -> float:
    # A function that returns NaN outside its domain instead of raising (as numpy's does).
    return math.sqrt(x) if x >= 0 else math.nan


def _log_or_minus_inf(x: float) -> float:
    # A function that returns -inf at and beyond the edge of its domain.
    return math.log(x) if x > 0 else -math.inf


_HALF_PI = math.pi / 2
_CASES: list[Case] = []


def _case(
    kind: str,
    name: str,
    f: Callable[[float], float],
    mp: Callable[[Any], Any] | None,
    x: float,
    *,
    n: int = 1,
    scale: float,
    may_refuse: str = "",
    terms: float = 0.0,
    closed_form: Callable[[Any], Any] | None = None,
) -> None:
    _CASES.append(Case(kind, name, f, mp, x, n, scale, may_refuse, terms, closed_form))


# --- Oscillation at large |x|: a first step proportional to |x| spans many periods.
for _x in (1e3, 1e4, 1e6, 1e8):
    _case("oscillation", "sin", math.sin, mpmath.sin, _x, scale=1.0)
_case("oscillation", "cos", math.cos, mpmath.cos, 1e5, scale=1.0)
_case("oscillation", "sin", math.sin, mpmath.sin, 1e6, n=2, scale=1.0)
_case("oscillation", "cos", math.cos, mpmath.cos, 1e3, n=4, scale=1.0)
for _x in (3.0, 10.0, 30.0):  # local frequency 2x
    _case(
        "oscillation",
        "cos(x^2)",
        lambda x: math.cos(x * x),
        lambda x: mpmath.cos(x * x),
        _x,
        scale=1 / (2 * _x),
    )
_case(  # local frequency 1/x^2 = 1e4, and the essential singularity at 0
    "oscillation",
    "sin(1/x)",
    lambda x: math.sin(1 / x),
    lambda x: mpmath.sin(1 / x),
    0.01,
    scale=1e-4,
)
_case(
    "oscillation",
    "sin(100x)",
    lambda x: math.sin(100 * x),
    lambda x: mpmath.sin(100 * x),
    1.0,
    scale=0.01,
)
_case(
    "oscillation",
    "x sin(x)",
    lambda x: x * math.sin(x),
    lambda x: x * mpmath.sin(x),
    1e5,
    scale=1.0,
)
_case(
    "oscillation",
    "sin(x)/x",
    lambda x: math.sin(x) / x,
    lambda x: mpmath.sin(x) / x,
    1e4,
    scale=1.0,
)

# --- Near poles (no exception: the function jumps across) and branch points.
_case("pole", "tan", math.tan, mpmath.tan, 1.56, scale=_HALF_PI - 1.56)
_case("pole", "tan", math.tan, mpmath.tan, 1.5707, scale=_HALF_PI - 1.5707)
_case("pole", "tan", math.tan, mpmath.tan, 1.56, n=2, scale=_HALF_PI - 1.56)
for _n in (1, 2):  # a stencil landing on 0 raises ZeroDivisionError
    _case(
        "pole",
        "1/sin(x)",
        lambda x: 1 / math.sin(x),
        lambda x: 1 / mpmath.sin(x),
        0.1,
        n=_n,
        scale=0.1,
    )
for _n in (1, 3):
    _case("pole", "1/x", lambda x: math.pow(x, -1), lambda x: 1 / x, 1e-3, n=_n, scale=1e-3)
_case("pole", "1/x^2", lambda x: math.pow(x, -2), lambda x: x**-2, -1e-5, scale=1e-5)
_case("pole", "1/(1-x)", lambda x: math.pow(1 - x, -1), lambda x: 1 / (1 - x), 0.999, scale=1e-3)
_case("pole", "gamma", math.gamma, mpmath.gamma, -0.999, scale=1e-3)  # pole at -1
_case(
    "pole",
    "log(sin(x))",
    lambda x: math.log(math.sin(x)),
    lambda x: mpmath.log(mpmath.sin(x)),
    3.1415,
    scale=math.pi - 3.1415,
)
_case(
    "pole",
    "1/x",
    lambda x: math.pow(x, -1),
    lambda x: 1 / x,
    1e-300,
    scale=1e-300,
    may_refuse="f'(x) = -1e600 is beyond the float range",
)

# --- Functions that raise (or return NaN/inf) just beyond the edge of their domain.
for _n in (1, 2):
    _case("domain", "log", math.log, mpmath.log, 1e-5, n=_n, scale=1e-5)
for _n in (1, 3):
    _case("domain", "sqrt", math.sqrt, mpmath.sqrt, 1e-7, n=_n, scale=1e-7)
_case("domain", "acos", math.acos, mpmath.acos, 0.9999, scale=1e-4)
_case("domain", "acos", math.acos, mpmath.acos, 1 - 1e-10, scale=1e-10)
_case("domain", "asin", math.asin, mpmath.asin, -1 + 1e-6, n=2, scale=1e-6)
_case("domain", "atanh", math.atanh, mpmath.atanh, 0.9999, scale=1e-4)
_case("domain", "log1p", math.log1p, mpmath.log1p, -1 + 1e-8, scale=1e-8)
_case(
    "domain",
    "x log(x)",
    lambda x: x * math.log(x),
    lambda x: x * mpmath.log(x),
    1e-8,
    scale=1e-8,
)
_case(
    "domain",
    "sqrt((1-x)(1+x))",
    lambda x: math.sqrt((1 - x) * (1 + x)),  # 1 - x is exact: no cancellation
    lambda x: mpmath.sqrt(1 - x * x),
    0.99999,
    scale=1e-5,
)
_case("domain", "sqrt or NaN", _sqrt_or_nan, mpmath.sqrt, 1e-7, scale=1e-7)
_case("domain", "log or -inf", _log_or_minus_inf, mpmath.log, 1e-5, scale=1e-5)
# At the very edge of the domain no central stencil fits, at any step: only a
# one-sided one. sqrt(x)**2 is x where it is defined; mpmath differentiates x.
_case("domain", "sqrt(x)^2", lambda x: math.sqrt(x) ** 2, lambda x: x, 0.0, scale=1.0)
_case("domain", "sqrt(1-x)^2", lambda x: math.sqrt(1 - x) ** 2, lambda x: 1 - x, 1.0, scale=1.0)
_case(
    "domain",
    "sqrt(x)^2 exp(x)",
    lambda x: math.sqrt(x) ** 2 * math.exp(x),
    lambda x: x * mpmath.exp(x),
    0.0,
    n=2,
    scale=1.0,
)
_case(
    "domain",
    "x^2.5",
    lambda x: math.pow(x, 2.5),
    lambda x: x**2.5,
    0.0,
    scale=0.0,
    may_refuse="f''(x) ~ sqrt(x) is not smooth at the edge: quotients converge like h^1.5",
    closed_form=lambda x: 2.5 * x**1.5,  # mpmath.diff's central stencil would leave the domain
)
_case("domain", "sqrt", math.sqrt, None, 0.0, scale=0.0, may_refuse="f'(0) is infinite (+inf)")
_case("domain", "log", math.log, None, 0.0, scale=0.0, may_refuse="0 is outside log's domain")

# --- Steep exponentials: overflow a few steps away, or underflow in the tails.
_case(
    "steep", "exp(50x)", lambda x: math.exp(50 * x), lambda x: mpmath.exp(50 * x), 1.0, scale=0.02
)
_case(  # e^700: a step beyond 0.19 overflows
    "steep", "exp(50x)", lambda x: math.exp(50 * x), lambda x: mpmath.exp(50 * x), 14.0, scale=0.02
)
_case("steep", "exp", math.exp, mpmath.exp, 700.0, scale=1.0)  # overflows beyond 709.78
_case("steep", "exp", math.exp, mpmath.exp, -700.0, scale=1.0)
for _x in (5.0, 20.0, 26.5):  # down to 1e-305, still normal floats
    _case(
        "steep",
        "exp(-x^2)",
        lambda x: math.exp(-x * x),
        lambda x: mpmath.exp(-x * x),
        _x,
        scale=1 / (2 * _x),
    )
_case(
    "steep",
    "exp(-x^2)",
    lambda x: math.exp(-x * x),
    lambda x: mpmath.exp(-x * x),
    27.2,
    scale=1 / 54.4,
    may_refuse="f(x) ~ 1e-321 is subnormal: its values carry about 7 bits",
)
_case(
    "steep",
    "sigmoid(100x)",
    lambda x: _sigmoid(100 * x),
    lambda x: _mp_sigmoid(100 * x),
    0.05,
    scale=0.01,
)
_case("steep", "erfc", math.erfc, mpmath.erfc, 20.0, scale=0.025)  # 5e-176
_case(  # 70.9 x rounded: f is noisy by 128 eps, below the rounding of its values 5 e-folds away
    "steep",
    "exp(70.9x)",
    lambda x: math.exp(70.9 * x),
    lambda x: mpmath.exp(70.9 * x),
    6.049572154002099,
    scale=1 / 70.9,
)
_case(
    "steep",
    "exp(exp(x))",
    lambda x: math.exp(math.exp(x)),
    lambda x: mpmath.exp(mpmath.exp(x)),
    3.0,
    scale=math.exp(-3.0),
)

# --- Tiny and huge scales of x and of f.
for _x in (1e-200, 1e-100, 1e100):  # at 1e-200, f' = 3e-400 underflows to 0
    _case("scale", "x^3", lambda x: math.pow(x, 3), lambda x: x**3, _x, scale=_x)
_case(
    "scale",
    "x^3",
    lambda x: math.pow(x, 3),
    lambda x: x**3,
    1e150,
    scale=1e150,
    may_refuse="f(x) = 1e450 overflows a float",
)
_case(
    "scale",
    "1e-300 sin(x)",
    lambda x: 1e-300 * math.sin(x),
    lambda x: 1e-300 * mpmath.sin(x),
    1.0,
    scale=1.0,
)
_case(
    "scale",
    "1e300 sin(x)",
    lambda x: 1e300 * math.sin(x),
    lambda x: 1e300 * mpmath.sin(x),
    1.0,
    scale=1.0,
)
_case(  # a step beyond 1.4 overflows to inf (no exception)
    "scale",
    "1e300 exp(x)",
    lambda x: 1e300 * math.exp(x),
    lambda x: 1e300 * mpmath.exp(x),
    0.5,
    scale=1.0,
)
_case("scale", "sin", math.sin, mpmath.sin, 1e-12, scale=1.0)
_case("scale", "x^2", lambda x: math.pow(x, 2), lambda x: x * x, 1e-12, scale=1e-12)
_case("scale", "log", math.log, mpmath.log, 1e-12, scale=1e-12)
_case("scale", "sqrt", math.sqrt, mpmath.sqrt, 1e-300, scale=1e-300)
_case("scale", "1/x", lambda x: math.pow(x, -1), lambda x: 1 / x, 1e150, scale=1e150)
_case("scale", "log", math.log, mpmath.log, 1e300, scale=1e300)

# --- Ill conditioned: the derivative is tiny beside the rounding of f's values.
# Only honesty is asked here: an error estimate at the size of that rounding.
_case("ill conditioned", "cos", math.cos, mpmath.cos, 1e-8, scale=1.0)  # f' = -1e-8, f = 1
_case(  # f' = 6e-17 at the float nearest pi/2: below the rounding of sin's values
    "ill conditioned", "sin", math.sin, mpmath.sin, _HALF_PI, scale=1.0
)
_case(
    "ill conditioned",
    "(1e8 + sin(x)) - 1e8",
    lambda x: (1e8 + math.sin(x)) - 1e8,
    mpmath.sin,  # what the float formula approximates, to 1.5e-8
    1.0,
    scale=1.0,
    terms=1e8,
)
_case(
    "ill conditioned",
    "exp(x) - 1 - x",
    lambda x: math.exp(x) - 1 - x,
    lambda x: mpmath.exp(x) - 1 - x,
    1e-7,
    scale=1.0,
    terms=1.0,
)
# Stairs of ulp(1) beneath a smooth -x: steps below them gave quotients of exactly -1
# (-1.0 +- 3.7e-13 for 3.24e-8), as converged and noise-free as any (issue 13).
_case(
    "ill conditioned",
    "exp(x) - 1 - x",
    lambda x: math.exp(x) - 1 - x,
    lambda x: mpmath.exp(x) - 1 - x,
    3.240187062577008e-08,
    scale=1.0,
    terms=1.0,
)
_case(
    "ill conditioned",
    "1 - cos(x)",
    lambda x: 1 - math.cos(x),
    lambda x: 1 - mpmath.cos(x),
    1e-7,
    scale=1.0,
    terms=1.0,
)

# --- Staircases: f rounded to a grid far coarser than the rounding of its values,
# by cancellation ((c + g(x)) - c is rounded to ulp(c)) or on purpose (round, floor).
# Below a step of about (stair height) / |f'| the quotients are exactly 0: the noise
# of f is the height of its stairs, and a quotient of 0 there must carry it. For
# round and floor, ``terms`` is a power of 2 whose ulp is the stair height: the
# float f differs from the mpmath one by up to a stair, as (terms + g) - terms does.


def _stairs(g: Callable[[float], float], height: float) -> Callable[[float], float]:
    return lambda x: math.floor(g(x) / height) * height


def _rounded(g: Callable[[float], float], bits: int) -> Callable[[float], float]:
    return lambda x: round(g(x) * 2.0**bits) / 2.0**bits


def _ulp_is(height: float) -> float:
    """The power of 2 whose ulp is the power of 2 at or above ``height``."""
    return 2.0 ** (52 + math.frexp(height)[1])


def _cancelled(c: float, g: Callable[[float], float]) -> Callable[[float], float]:
    return lambda x: (c + g(x)) - c


def _sin2(x: float) -> float:
    return math.sin(x) ** 2


def _mp_sin2(x: Any) -> Any:
    return mpmath.sin(x) ** 2


def _mp_expm1(x: Any) -> Any:
    return mpmath.expm1(x)


for _c, _x in ((1e8, 0.02), (2.24e11, 0.009709873224478667), (44600.0, 0.00035545296089536737)):
    _case(  # (1e8, 0.02): issue 13's reproducer, once 0.0 +- 6.2e-11
        "staircase",
        f"({_c:g} + sin(x)^2) - {_c:g}",
        _cancelled(_c, _sin2),
        _mp_sin2,
        _x,
        scale=1.0,
        terms=_c,
    )
for _c, _x in ((1e8, 0.0099), (1e4, -0.0018089107125886243)):
    _case(  # both once refused as kinks: the one-sided check ignored the noise of f
        "staircase",
        f"({_c:g} + sin(x)) - {_c:g}",
        _cancelled(_c, math.sin),
        mpmath.sin,
        _x,
        scale=1.0,
        terms=_c,
    )
_case(  # once 0.0 +- 7e-14: the walk settled on quotients of exactly 0
    "staircase",
    "(3.46e11 + exp(x) - 1) - 3.46e11",
    lambda x: (3.46e11 + (math.exp(x) - 1)) - 3.46e11,
    _mp_expm1,
    6.200685375770687e-05,
    scale=1.0,
    terms=3.46e11,
)
_case(  # once 0.0 +- 8e-319: the walk at the scale of x saw a single stair
    "staircase",
    "round(x^3 2^22) / 2^22",
    _rounded(lambda x: math.pow(x, 3), 22),
    lambda x: x**3,
    0.002010872927103268,
    scale=0.002,
    terms=_ulp_is(2.0**-22),
)
_case(  # once 1.0417 +- 2.3e-15: quotients at the first steps agree exactly
    "staircase",
    "round((exp(x) - 1) 2^11) / 2^11",
    _rounded(math.expm1, 11),
    _mp_expm1,
    3.610170821969564e-05,
    scale=1.0,
    terms=_ulp_is(2.0**-11),
)
_case(  # once 0.0 +- 0.015
    "staircase",
    "round(sin(x) 2^39) / 2^39",
    _rounded(math.sin, 39),
    mpmath.sin,
    1.350220205324094,
    scale=1.0,
    terms=_ulp_is(2.0**-39),
)
for _height, _x in ((3.3e-12, 0.02689993511715876), (1.8e-10, -0.12965156519906085)):
    _case(  # once 0.0 +- 4e-3, and 0.8784015360 +- 1e-11 (true 0.8784014432)
        "staircase",
        f"floor((exp(x) - 1) / {_height:g}) {_height:g}",
        _stairs(math.expm1, _height),
        _mp_expm1,
        _x,
        scale=1.0,
        terms=_ulp_is(_height),
    )

# --- Rounding in the argument near a flat point: g((x + c) - c) computes g at x
# rounded to ulp(c), so every quotient is the slope of g at a point off by up to
# ulp(c) / 2: wrong by up to |g''| ulp(c) / 2, while the values are off by only
# |g'| ulp(c), invisible where g' is near 0. The oracle is g' at x itself; ``terms``
# is c, the size of what the argument cancels (g' <= 1 carries it into f). And
# (c + g(x)) - c with stairs (ulp(c)) just above the change of f per spacing of
# the noise measurement, which fall one per spacing. All once dishonest.


def _argument_rounded(g: Callable[[float], float], c: float) -> Callable[[float], float]:
    return lambda x: g((x + c) - c)


for _g, _mp, _name, _c, _x in (
    (math.sin, mpmath.sin, "sin", 1.3e6, 1.5707952267781657),  # 3200x: 1.09995e-06 +- 2e-14
    (math.cos, mpmath.cos, "cos", 7.78e6, -2.321892682897609e-05),  # 94x
    (math.cos, mpmath.cos, "cos", 30800.0, 7.315790334050055e-06),  # 16x
    (math.sin, mpmath.sin, "sin", 1560.0, 1.5707892831958794),  # 4.3x
):
    _case(
        "argument rounding",
        f"{_name}((x + {_c:g}) - {_c:g})",
        _argument_rounded(_g, _c),
        _mp,
        _x,
        scale=1.0,
        terms=_c,
    )
_case(  # once 0.0 +- 1e-13 (52000x): the walk on to its best went below the stairs
    "argument rounding",
    "((x + 1180) - 1180)^3",
    _argument_rounded(lambda x: math.pow(x, 3), 1180.0),
    lambda x: x**3,
    4.4037243964446896e-05,
    scale=4.4e-05,
    terms=1180.0,
)
for _g, _mp, _name, _c, _x in (
    (math.tanh, mpmath.tanh, "tanh", 64.0, -1.7723775773490216),  # 3.0x
    (math.sin, mpmath.sin, "sin", 38.800307914799305, 1.7082856430240776),  # 2.9x
):
    _case(
        "staircase",
        f"({_c!r} + {_name}(x)) - {_c!r}",
        _cancelled(_c, _g),
        _mp,
        _x,
        scale=1.0,
        terms=_c,
    )

# --- Higher orders of ordinary functions.
for _n in (2, 3, 6):
    _case("high order", "sin", math.sin, mpmath.sin, 0.5, n=_n, scale=1.0)
for _n in (4, 6):
    _case("high order", "exp", math.exp, mpmath.exp, 1.0, n=_n, scale=1.0)
for _n in (3, 5):
    _case("high order", "log", math.log, mpmath.log, 2.0, n=_n, scale=2.0)
_case("high order", "atan", math.atan, mpmath.atan, 0.3, n=4, scale=1.0)  # poles at +-i
_case("high order", "tanh", math.tanh, mpmath.tanh, 0.7, n=5, scale=1.0)
_case(
    "high order",
    "1/(1+x^2)",
    lambda x: 1 / (1 + math.pow(x, 2)),
    lambda x: 1 / (1 + x * x),
    0.5,
    n=6,
    scale=1.0,
)
_case("high order", "erf", math.erf, mpmath.erf, 0.4, n=3, scale=1.0)
# The first window (steps 0.4 to 0.1) crosses the pole at -pi/2; the clean one starts at 0.05.
_case("high order", "tan", math.tan, mpmath.tan, -0.799221409062185, n=6, scale=0.77)
for _x, _n in ((0.029814482177145767, 2), (0.4971594911182683, 5)):  # 1 + x^2 rounds to ulp(1)
    _case(
        "high order",
        "log(1+x^2)",
        lambda x: math.log(1 + x * x),
        lambda x: mpmath.log(1 + x * x),
        _x,
        n=_n,
        scale=1.0,
    )
_case("high order", "sqrt", math.sqrt, mpmath.sqrt, 2.0, n=4, scale=2.0)
_case(
    "high order",
    "exp(-x^2)",
    lambda x: math.exp(-x * x),
    lambda x: mpmath.exp(-x * x),
    1.0,
    n=6,
    scale=0.5,
)
_case("high order", "sigmoid", _sigmoid, _mp_sigmoid, 3.0, n=2, scale=1.0)
_case("high order", "log", math.log, mpmath.log, 1e-3, n=4, scale=1e-3)

# --- Ordinary, well-conditioned first derivatives (the existing benchmark's kind).
_case("ordinary", "sin", math.sin, mpmath.sin, 1.0, scale=1.0)
_case("ordinary", "exp", math.exp, mpmath.exp, -2.0, scale=1.0)
_case("ordinary", "log", math.log, mpmath.log, 4.0, scale=4.0)
_case("ordinary", "atan", math.atan, mpmath.atan, 10.0, scale=10.0)
_case("ordinary", "tanh", math.tanh, mpmath.tanh, 0.5, scale=1.0)
_case("ordinary", "sqrt", math.sqrt, mpmath.sqrt, 100.0, scale=100.0)
_case("ordinary", "x^-2", lambda x: math.pow(x, -2), lambda x: x**-2, 1e3, scale=1e3)
_case("ordinary", "erf", math.erf, mpmath.erf, 0.4, scale=1.0)
_case("ordinary", "sigmoid", _sigmoid, _mp_sigmoid, -1.0, scale=1.0)
_case(
    "ordinary",
    "x exp(-x^2)",
    lambda x: x * math.exp(-x * x),
    lambda x: x * mpmath.exp(-x * x),
    0.7,
    scale=0.5,
)
_case(
    "ordinary",
    "sin(x)/(1+x^2)",
    lambda x: math.sin(x) / (1 + x * x),
    lambda x: mpmath.sin(x) / (1 + x * x),
    1.2,
    scale=1.0,
)

CASES: tuple[Case, ...] = tuple(_CASES)
assert len({case.id for case in CASES}) == len(CASES), "case ids must be unique"


def oracle_derivative(case: Case, digits: int = DIGITS, shift: int = 10) -> Any:
    """The n-th derivative of ``case.mp`` at ``case.x`` by mpmath, or None if there is none.

    A case's ``closed_form`` is used instead where mpmath.diff cannot work (a
    point at the edge of the domain with a singular derivative beyond it).

    The step is ``|x| * 2**-(prec + shift)`` (1 at x = 0): relative to x, and far
    below any length scale of the cases. mpmath works at ``(prec + 20) * (n + 1)``
    bits inside, enough for the cancellation of the difference quotient.
    """
    if case.mp is None:
        return None
    with mpmath.workdps(digits):
        x = mpmath.mpf(case.x)
        if case.closed_form is not None:
            return +case.closed_form(x)
        h = mpmath.ldexp(abs(x) if x else mpmath.mpf(1), -(mpmath.mp.prec + shift))
        return +mpmath.diff(case.mp, x, case.n, h=h)


@functools.cache
def _exact_by_id(case_id: str) -> Any:
    return oracle_derivative(_BY_ID[case_id])


_BY_ID = {case.id: case for case in CASES}


def exact(case: Case) -> Any:
    """The exact derivative of a case as an mpmath number (cached), or None."""
    return _exact_by_id(case.id)


def rounding_of(true: Any) -> Any:
    """How far the nearest float is from ``true``: an error no float answer can avoid."""
    nearest = float(true)
    return abs(true - nearest) if math.isfinite(nearest) else mpmath.mpf(0)


def _magnitude(case: Case) -> Any:
    """M of the module docstring: the size of f's values near x, or of its cancelled terms."""
    assert case.mp is not None
    with mpmath.workdps(DIGITS):
        x = mpmath.mpf(case.x)
        half = mpmath.mpf(case.scale) / 2
        return max(mpmath.mpf(case.terms), *(abs(case.mp(x + d)) for d in (-half, 0, half)))


def condition(case: Case) -> float:
    """kappa of the module docstring; inf when the case has no finite, non-zero derivative."""
    true = exact(case)
    if true is None or not true:
        return math.inf
    with mpmath.workdps(DIGITS):
        noise = _EPS * _magnitude(case) + _SUBNORMAL
        return float(noise / (abs(true) * mpmath.mpf(case.scale) ** case.n))


def well_conditioned(case: Case) -> bool:
    """The stated criterion of the module docstring (never for a case that may refuse)."""
    true = exact(case)
    if case.may_refuse or true is None:
        return False
    normal = all(_NORMAL <= abs(v) <= sys.float_info.max for v in (_magnitude(case), true))
    return normal and condition(case) <= WELL_CONDITIONED


# ------------------------------------------------------------------ complex step
# Functions written with cmath whose own formula cancels inside Im f(x + ih)
# (exp(x) sin(h) - h for exp(z) - 1 - z): method="complex" must count that
# rounding in its error, or refuse. f' is the closed form, by mpmath at DIGITS.


@dataclass(frozen=True)
class ComplexCase:
    """One cancelling function at one point, for ``method="complex"``."""

    name: str
    f: Callable[[complex], complex]  # with cmath
    derivative: Callable[[Any], Any]  # f' with mpmath
    x: float

    @property
    def id(self) -> str:
        return f"{self.name} @ {self.x!r}"


def _cmath_exp_exp(z: complex) -> complex:
    return (cmath.exp(z) - 1) * (cmath.exp(-z) - 1) + z * z


_COMPLEX_FUNCTIONS: tuple[tuple[str, Callable[[complex], complex], Callable[[Any], Any]], ...] = (
    ("exp(z) - 1 - z", lambda z: cmath.exp(z) - 1 - z, mpmath.expm1),
    ("sin(z) - z", lambda z: cmath.sin(z) - z, lambda x: mpmath.cos(x) - 1),
    ("cos(z) - 1", lambda z: cmath.cos(z) - 1, lambda x: -mpmath.sin(x)),
    ("log(1 + z) - z", lambda z: cmath.log(1 + z) - z, lambda x: 1 / (1 + x) - 1),
    ("(1 + z)**3 - 1 - 3z", lambda z: (1 + z) ** 3 - 1 - 3 * z, lambda x: 3 * (1 + x) ** 2 - 3),
    (
        "(1 + z)**0.5 - 1 - z/2",
        lambda z: (1 + z) ** 0.5 - 1 - z / 2,
        lambda x: 1 / (2 * mpmath.sqrt(1 + x)) - mpmath.mpf(1) / 2,
    ),
    ("(1e8 + sin(z)) - 1e8", lambda z: (1e8 + cmath.sin(z)) - 1e8, mpmath.cos),
    ("sinh(z) - z", lambda z: cmath.sinh(z) - z, lambda x: mpmath.cosh(x) - 1),
    ("tan(z) - z", lambda z: cmath.tan(z) - z, lambda x: mpmath.sec(x) ** 2 - 1),
    ("1/(1 + z) - 1 + z", lambda z: 1 / (1 + z) - 1 + z, lambda x: 1 - 1 / (1 + x) ** 2),
    ("(exp(z) - 1)(exp(-z) - 1) + z**2", _cmath_exp_exp, lambda x: 2 * x - 2 * mpmath.sinh(x)),
    ("cosh(z) - 1 - z**2/2", lambda z: cmath.cosh(z) - 1 - z * z / 2, lambda x: mpmath.sinh(x) - x),
    ("atan(z) - z", lambda z: cmath.atan(z) - z, lambda x: 1 / (1 + x * x) - 1),
    ("exp(z) exp(-z) - 1", lambda z: cmath.exp(z) * cmath.exp(-z) - 1, lambda x: 0 * x),
)
COMPLEX_CASES: tuple[ComplexCase, ...] = tuple(
    ComplexCase(name, f, derivative, x)
    for name, f, derivative in _COMPLEX_FUNCTIONS
    for x in (1e-12, -1e-8, 1e-5, -1e-3, 0.3, 3.0)
)
