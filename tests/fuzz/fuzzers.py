"""A fuzzer for every public name of calcweb, and for the methods of what it returns.

``FUZZERS[name]`` runs one hypothesis example for the public name ``name``: it
draws arguments (all valid, or valid but one hostile; see `hostile.arguments`),
calls through `Harness.call`, and goes on with the methods of the result
(``backward``, ``step``, ``plot``, ``to_svg``, ``save``, ``__call__``,
``remainder_bound``, ``__float__``, ...). ``weight`` scales the number of
examples against the profile's ``max_examples``: cheap names run more often.
"""

from __future__ import annotations

import math
import operator
import random
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from numbers import Number, Real
from typing import Any

from hypothesis import strategies as st

import calcweb as cw
from tests.fuzz import hostile as hv
from tests.fuzz.harness import (
    REFUSED,
    Harness,
    any_result,
    finite_float,
    finite_matrix,
    finite_vector,
    instance_of,
    nothing,
    real_float,
    svg,
    text,
)

Draw = Callable[[hv.Strategy], Any]


def draw_figure(h: Harness, make: Callable[..., Any], /, **kwargs: Any) -> None:
    """``make(**kwargs)`` must give a Figure (or refuse), and the figure must draw."""
    fig = h.call(make, **kwargs, expect=instance_of(cw.Figure))
    if fig is not REFUSED:
        h.call(fig.to_svg, expect=svg)


@dataclass(frozen=True)
class Fuzzer:
    """How to fuzz one public name."""

    run: Callable[[Draw, Harness], None]
    weight: float


FUZZERS: dict[str, Fuzzer] = {}


def fuzzes(*names: str, weight: float = 1.0) -> Callable[[Callable[[Draw, Harness], None]], Any]:
    """Register the decorated function as the fuzzer of ``names``."""

    def register(run: Callable[[Draw, Harness], None]) -> Callable[[Draw, Harness], None]:
        for name in names:
            FUZZERS[name] = Fuzzer(run, weight)
        return run

    return register


def is_number(x: object) -> bool:
    """A real number calcweb must accept: ``numbers.Real`` and not bool."""
    return isinstance(x, Real) and not isinstance(x, bool)


def finite_number(x: object) -> bool:
    """A real number that converts to a finite float."""
    try:
        return is_number(x) and math.isfinite(float(x))  # type: ignore[arg-type]
    except (OverflowError, ValueError, TypeError):
        return False


def protocol_ok(other: object) -> bool:
    """Whether Python's own operator TypeError is fine: ``other`` is not a number at all.

    calcweb's operators return NotImplemented for an operand that is no number
    (a str, a list, an array), and Python raises its TypeError. A ``Real``,
    ``Decimal`` or ``complex`` operand must get a result or a CalcwebError.
    """
    return isinstance(other, bool) or not isinstance(other, Number)


def finite_value(x: object) -> str | None:
    """A calcweb.Value holding a finite float."""
    if not isinstance(x, cw.Value):
        return f"expected a Value, not {type(x).__name__}"
    return finite_float(x.data)


def finite_jet(x: object) -> str | None:
    """A calcweb.Jet with finite coefficients."""
    if not isinstance(x, cw.Jet):
        return f"expected a Jet, not {type(x).__name__}"
    return finite_vector(list(x.coefficients))


def finite_complex(x: object) -> str | None:
    """A finite complex number."""
    if not isinstance(x, complex):
        return f"expected a complex, not {type(x).__name__}"
    return None if cmath_finite(x) else "expected a finite complex"


def cmath_finite(z: complex) -> bool:
    """Both parts finite."""
    return math.isfinite(z.real) and math.isfinite(z.imag)


def floatable(x: object) -> str | None:
    """``float(x)`` is a finite float (the results' ``__float__``)."""
    return finite_float(x)


def ordered(draw: Draw, kwargs: dict[str, Any], lo: str, hi: str) -> dict[str, Any]:
    """Mostly put two finite interval ends in increasing order (reversed ones stay possible)."""
    a, b = kwargs.get(lo), kwargs.get(hi)
    if finite_number(a) and finite_number(b) and float(a) > float(b) and draw(st.integers(0, 3)):  # type: ignore[arg-type]
        kwargs[lo], kwargs[hi] = b, a
    return kwargs


# ------------------------------------------------------------------ shared pieces

METHODS = ["auto", "ad", "richardson", "central", "forward", "backward", "complex"]
valid_method = hv.omittable(st.sampled_from(METHODS))
hostile_method = st.sampled_from(["AD", "", "simpson", None, 3, ["ad"], "auto "])
valid_step = hv.omittable(st.sampled_from([None, 1e-3, 0.1, 1e-5, 0.5]) | hv.positive_number)
valid_order = hv.omittable(st.sampled_from([0, 1, 2, 3]))

# (valid, hostile) strategies of the reader's functions, by what they take.
SCALAR = hv.functions(hv.scalar_functions, 14)
VECTOR = hv.functions(hv.vector_functions, 9)
VECTOR_VALUED = hv.functions(hv.vector_valued_functions, 6)
PLANAR = hv.functions(hv.planar_functions, 4)
DESCENT = hv.functions(hv.descent_functions, 4)
good_scalar_function = SCALAR[0]
good_vector_function = VECTOR[0]

jets = st.one_of(
    st.builds(cw.Jet.variable, hv.valid_float, st.integers(0, 5)),
    st.sampled_from(
        [(0.0, 3), (1.0, 2), (-1.0, 2), (1e300, 2), (5e-324, 3), (0.0, 0), (2.0, 40)]
    ).map(lambda p: cw.Jet.variable(*p)),
    st.lists(hv.valid_float, min_size=1, max_size=4).map(cw.Jet),
)
value_data = hv.valid_float | st.sampled_from([0.0, -0.0, 1e-300, 1e300, 5e-324, 1e154, -1.0, 1.0])
values = st.builds(cw.Value, value_data)
operands = st.one_of(hv.any_number, jets, values)

BINARY = [
    ("+", operator.add),
    ("-", operator.sub),
    ("*", operator.mul),
    ("/", operator.truediv),
    ("**", operator.pow),
]
COMPARISONS = [("<", operator.lt), ("<=", operator.le), ("==", operator.eq), (">", operator.gt)]
MATH_NAMES = [
    "abs", "acos", "asin", "atan", "cos", "cosh", "erf", "exp", "log", "log1p",
    "relu", "sigmoid", "sin", "sinh", "softplus", "sqrt", "tan", "tanh",
]  # fmt: skip
ANALYTIC = {
    "sin", "cos", "tan", "exp", "log", "log1p", "sqrt", "tanh",
    "sinh", "cosh", "atan", "asin", "acos", "sigmoid", "softplus",
}  # fmt: skip


def refused(x: object) -> str | None:
    """Nothing: the call must raise (a Decimal is no real number, even if it has .sqrt())."""
    return f"expected a CalcwebError, not a result of type {type(x).__name__}"


def expect_for(x: object) -> Callable[[Any], str | None]:
    """What calcweb's math function must return for the argument ``x``."""
    if is_number(x):
        return finite_float
    if isinstance(x, Number) and not isinstance(x, complex):  # Decimal
        return refused
    if isinstance(x, cw.Jet):
        return finite_jet
    if isinstance(x, cw.Value):
        return finite_value
    return any_result


def op_expect(a: object, b: object) -> Callable[[Any], str | None] | None:
    """What ``a op b`` must give: a Jet or a Value when both sides are numbers, jets or values."""
    kinds = (cw.Jet, cw.Value)
    if not all(isinstance(v, kinds) or is_number(v) for v in (a, b)):
        return None
    if isinstance(a, cw.Value) or isinstance(b, cw.Value):
        if isinstance(a, cw.Jet) or isinstance(b, cw.Jet):
            return None  # a Value of jets or a jet of values: either may refuse
        return finite_value
    if isinstance(a, cw.Jet) or isinstance(b, cw.Jet):
        return finite_jet
    return None


def binary(h: Harness, name: str, op: Callable[[Any, Any], Any], a: object, b: object) -> Any:
    """``a op b`` through the harness, with Python's protocol TypeError allowed for non-numbers."""
    other = b if isinstance(a, (cw.Jet, cw.Value)) else a
    return h.call(
        op,
        a,
        b,
        expect=op_expect(a, b),
        shown=f"{type(a).__name__} {name} {type(b).__name__}",
        protocol_ok=protocol_ok(other),
    )


# ------------------------------------------------------------------ math functions


@fuzzes(*MATH_NAMES, weight=0.6)
def math_function(draw: Draw, h: Harness) -> None:
    """Each math function on numbers, hostile values, jets, Values and complex numbers."""
    f = getattr(cw, h.name)
    inputs = draw(
        st.lists(
            operands | st.complex_numbers(max_magnitude=1e3) | st.sampled_from(hv.NOT_NUMBERS),
            min_size=4,
            max_size=10,
        )
    )
    for x in inputs:
        expect = expect_for(x)
        if isinstance(x, complex) and h.name in ANALYTIC:
            expect = finite_complex
        h.call(f, x, expect=expect, shown=h.name)


@fuzzes("pow", weight=0.8)
def power(draw: Draw, h: Harness) -> None:
    """``pow(x, y)`` for every pair of kinds."""
    for _ in range(draw(st.integers(3, 8))):
        x, y = draw(operands), draw(operands)
        expect = finite_float if is_number(x) and is_number(y) else op_expect(x, y)
        if any(isinstance(v, Decimal) for v in (x, y)):
            expect = refused
        h.call(cw.pow, x, y, expect=expect, shown="pow")


# ------------------------------------------------------------------ Jet


@fuzzes("Jet", weight=1.5)
def jet(draw: Draw, h: Harness) -> None:
    """Construction, arithmetic both ways, comparisons, derivatives and every method."""
    h.call(cw.Jet, draw(hv.valid_vector(draw(st.integers(1, 4))) | hv.hostile_vector(2)))
    h.call(cw.Jet.variable, draw(hv.any_number), draw(hv.valid_int | hv.hostile_int))
    h.call(cw.Jet.constant, draw(hv.any_number), draw(hv.valid_int | hv.hostile_int))
    j = draw(jets)
    for _ in range(draw(st.integers(2, 6))):
        other = draw(operands | st.sampled_from(hv.NOT_NUMBERS))
        name, op = draw(st.sampled_from(BINARY))
        binary(h, name, op, j, other)
        binary(h, name, op, other, j)
    for name, op in draw(st.lists(st.sampled_from(COMPARISONS), max_size=2)):
        other = draw(operands | st.sampled_from(hv.NOT_NUMBERS))
        h.call(
            op, j, other, shown=f"Jet {name}", protocol_ok=protocol_ok(other), expect=bool_or_none
        )
    for method in draw(st.lists(st.sampled_from(MATH_NAMES), min_size=1, max_size=4)):
        h.call(getattr(j, method), expect=finite_jet, shown=f"Jet.{method}")
    h.call(operator.neg, j, expect=finite_jet)
    h.call(abs, j, expect=finite_jet)
    h.call(j.derivative, draw(st.integers(0, j.degree) | hv.hostile_int), expect=finite_float)
    h.call(j.derivatives, expect=lambda d: finite_vector(list(d)))
    h.call(repr, j, expect=text)


def bool_or_none(x: object) -> str | None:
    """A comparison's result: a bool (or NotImplemented folded by Python into False)."""
    return None if isinstance(x, bool) else f"expected a bool, not {type(x).__name__}"


# ------------------------------------------------------------------ Value

VALUE_METHODS = [*MATH_NAMES]


@fuzzes("Value", weight=2.0)
def value(draw: Draw, h: Harness) -> None:
    """Construction, operators both ways, every method, and backward on the graph built."""
    h.call(cw.Value, draw(hv.any_number), expect=finite_value)
    leaves = [draw(values) for _ in range(draw(st.integers(1, 3)))]
    y: Any = leaves[0]
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["binary", "reflected", "method", "unary"]))
        if kind in ("binary", "reflected"):
            other = draw(st.sampled_from(leaves) | hv.any_number | values)
            name, op = draw(st.sampled_from(BINARY))
            a, b = (y, other) if kind == "binary" else (other, y)
            result = binary(h, name, op, a, b)
        elif kind == "method":
            method = draw(st.sampled_from([*VALUE_METHODS, "pow"]))
            if method == "pow":
                result = h.call(y.pow, draw(hv.any_number | values), expect=finite_value)
            else:
                result = h.call(getattr(y, method), expect=finite_value, shown=f"Value.{method}")
        else:
            result = h.call(draw(st.sampled_from([operator.neg, operator.pos, abs])), y)
        if isinstance(result, cw.Value):
            y = result
    gradient = draw(hv.omittable(hv.valid_number) | hv.hostile_number)
    args = () if gradient is hv.OMIT else (gradient,)
    if h.call(y.backward, *args, expect=nothing) is not REFUSED:
        h.verify([v.grad for v in leaves], finite_vector, "the leaves' grads after backward()")
    h.call(repr, y, expect=text)


# ------------------------------------------------------------------ derivatives


def derivative_expect(full_output: object) -> Callable[[Any], str | None]:
    """A finite float, or a DerivativeResult with finite value and error."""
    if full_output is hv.OMIT or not full_output:
        return finite_float

    def check(r: object) -> str | None:
        if not isinstance(r, cw.DerivativeResult):
            return f"expected a DerivativeResult, not {type(r).__name__}"
        return (
            finite_float(r.value)
            or finite_float(r.error)
            or (None if type(r.nfev) is int and r.nfev >= 0 else "nfev must be an int >= 0")
        )

    return check


@fuzzes("derivative", weight=2.0)
def derivative(draw: Draw, h: Harness) -> None:
    """Every parameter of derivative, then float() and repr() of a full result."""
    kwargs = hv.arguments(
        draw,
        f=SCALAR,
        x=(hv.valid_number, hv.hostile_number),
        n=(valid_order, hv.hostile_int),
        method=(valid_method, hostile_method),
        h=(valid_step, hv.hostile_number),
        full_output=(hv.omittable(hv.valid_bool), hv.hostile_bool),
    )
    result = h.call(cw.derivative, **kwargs, expect=derivative_expect(kwargs.get("full_output")))
    if isinstance(result, cw.DerivativeResult):
        h.call(float, result, expect=finite_float)
        h.call(repr, result, expect=text)


@fuzzes("DerivativeResult", weight=0.3)
def derivative_result(draw: Draw, h: Harness) -> None:
    """A DerivativeResult built by hand: checked fields, then float() and repr()."""
    r = h.call(
        cw.DerivativeResult,
        draw(hv.any_number),
        draw(hv.any_number),
        draw(hv.valid_int | hv.hostile_int),
        draw(st.sampled_from(METHODS) | hostile_method),
        draw(st.none() | hv.any_number),
    )
    if r is not REFUSED:
        h.call(float, r, expect=real_or_nan)
        h.call(repr, r, expect=text)


@fuzzes("forward_difference", "backward_difference", "central_difference", weight=1.0)
def difference(draw: Draw, h: Harness) -> None:
    """The three difference quotients."""
    kwargs = hv.arguments(
        draw,
        f=SCALAR,
        x=(hv.valid_number, hv.hostile_number),
        h=(valid_step, hv.hostile_number),
    )
    for _ in range(2):
        h.call(getattr(cw, h.name), **kwargs, expect=finite_float)


def square(m: object) -> str | None:
    """A finite square matrix."""
    problem = finite_matrix(m)
    if problem is None and any(len(row) != len(m) for row in m):  # type: ignore[arg-type, union-attr]
        return "expected a square matrix"
    return problem


def array_expect(shape: Callable[[Any], str | None]) -> Callable[[Any], str | None]:
    """An ArrayResult whose value and error both have ``shape`` (finite entries)."""

    def check(r: object) -> str | None:
        if not isinstance(r, cw.ArrayResult):
            return f"expected an ArrayResult, not {type(r).__name__}"
        return (
            shape(r.value)
            or shape(r.error)
            or (None if type(r.nfev) is int and r.nfev >= 0 else "nfev must be an int >= 0")
        )

    return check


@fuzzes("grad", "hessian", "jacobian", weight=1.5)
def multivariate(draw: Draw, h: Harness) -> None:
    """grad/hessian/jacobian(f, method=, h=, full_output=)(x); also the mistaken grad(f, x)."""
    size = draw(st.integers(1, 3))
    kwargs = hv.arguments(
        draw,
        f=VECTOR_VALUED if h.name == "jacobian" else VECTOR,
        method=(valid_method, hostile_method),
        h=(valid_step, hv.hostile_number),
        full_output=(hv.omittable(hv.valid_bool), hv.hostile_bool),
    )
    make = getattr(cw, h.name)
    point = draw(hv.valid_vector(size) | hv.hostile_vector(size))
    expect = {"grad": finite_vector, "hessian": square, "jacobian": finite_matrix}[h.name]
    if kwargs.get("full_output") is True:
        expect = array_expect(expect)
    derived = h.call(make, **kwargs, expect=instance_of(Callable))  # type: ignore[arg-type]
    if derived is not REFUSED:
        h.call(derived, point, expect=expect, shown=f"{h.name}(f)")
    if "f" in kwargs:
        h.call(make, kwargs["f"], point, expect=refused, shown=f"{h.name}(f, x)")


@fuzzes("directional_derivative", weight=1.0)
def directional(draw: Draw, h: Harness) -> None:
    """directional_derivative(f, x, v, method=, h=)."""
    size = draw(st.integers(1, 3))
    kwargs = hv.arguments(
        draw,
        f=VECTOR,
        x=(hv.valid_vector(size), hv.hostile_vector(size)),
        v=(hv.valid_vector(size), hv.hostile_vector(size)),
        method=(valid_method, hostile_method),
        h=(valid_step, hv.hostile_number),
        full_output=(hv.omittable(hv.valid_bool), hv.hostile_bool),
    )
    expect = derivative_expect(kwargs.get("full_output"))
    h.call(cw.directional_derivative, **kwargs, expect=expect)


@fuzzes("ArrayResult", weight=0.3)
def array_result(draw: Draw, h: Harness) -> None:
    """An ArrayResult built by hand: checked count and method, then repr()."""
    r = h.call(
        cw.ArrayResult,
        draw(st.lists(hv.any_number, max_size=3)),
        draw(st.lists(hv.any_number, max_size=3)),
        draw(hv.valid_int | hv.hostile_int),
        draw(st.sampled_from([*METHODS, "mixed"]) | hostile_method),
    )
    if r is not REFUSED:
        h.call(repr, r, expect=text)


def product_value(x: object) -> str | None:
    """A finite float, or a non-empty list of finite floats (a value, J v or u^T J)."""
    return finite_float(x) if not isinstance(x, list) else finite_vector(x)


def jvp_expect(r: object) -> str | None:
    """jvp returns (f(x), J v): two floats or two lists of the same length."""
    if not isinstance(r, tuple) or len(r) != 2:
        return f"expected a pair, not {type(r).__name__}"
    if isinstance(r[0], list) != isinstance(r[1], list) or (
        isinstance(r[0], list) and len(r[0]) != len(r[1])
    ):
        return "expected f(x) and J v of the same shape"
    return product_value(r[0]) or product_value(r[1])


valid_point = st.integers(1, 3).flatmap(hv.valid_vector) | hv.valid_number


def point_functions(x: object) -> tuple[hv.Strategy, hv.Strategy]:
    """The (valid, hostile) functions of x: of a number when x is one, else of a list."""
    if isinstance(x, list):
        return VECTOR_VALUED[0] | VECTOR[0], VECTOR_VALUED[1] | VECTOR[1]
    return SCALAR


hostile_point = st.integers(0, 3).flatmap(hv.hostile_vector) | hv.hostile_number


@fuzzes("jvp", weight=1.0)
def jvp(draw: Draw, h: Harness) -> None:
    """jvp(f, x, v, method=, h=), x a list or a number, v of its shape (or not)."""
    x = draw(valid_point)
    size = len(x) if isinstance(x, list) else 0
    tangent = hv.valid_vector(size) if size else hv.valid_number
    kwargs = hv.arguments(
        draw,
        f=point_functions(x),
        x=(st.just(x), hostile_point),
        v=(tangent, hostile_point),
        method=(valid_method, hostile_method),
        h=(valid_step, hv.hostile_number),
    )
    args = [kwargs.pop(name, None) for name in ("f", "x", "v")]
    h.call(cw.jvp, *args, **kwargs, expect=jvp_expect)


@fuzzes("vjp", weight=1.0)
def vjp(draw: Draw, h: Harness) -> None:
    """vjp(f, x, method=, h=), then the pullback on a valid or hostile cotangent, twice."""
    x = draw(valid_point)
    kwargs = hv.arguments(
        draw,
        f=point_functions(x),
        x=(st.just(x), hostile_point),
        method=(valid_method, hostile_method),
        h=(valid_step, hv.hostile_number),
    )
    args = [kwargs.pop(name, None) for name in ("f", "x")]
    result = h.call(
        cw.vjp, *args, **kwargs, expect=lambda r: None if isinstance(r, tuple) else "a pair"
    )
    if result is REFUSED:
        return
    y, pullback = result
    h.verify(y, product_value, "f(x)")
    size = len(y) if isinstance(y, list) else 0
    u = draw(hv.valid_vector(size) if size else hv.valid_number) if draw(st.booleans()) else None
    if u is None:
        u = draw(hostile_point)
    shape = len(args[1]) if isinstance(args[1], list) else None  # the x vjp was given
    for _ in range(2):
        got = h.call(pullback, u, expect=product_value, shown="pullback(u)")
        if got is not REFUSED and shape is not None:
            h.verify(got, lambda g: None if len(g) == shape else "u^T J of x's length", "u^T J")


# ------------------------------------------------------------------ Taylor

valid_degree = st.sampled_from([0, 1, 2, 3, 5, 8])
plot_every = 6  # only one example in this many draws a Taylor plot (an SVG is costly)


@fuzzes("taylor", weight=1.5)
def taylor(draw: Draw, h: Harness) -> None:
    """taylor(f, x0, n), then the polynomial's __call__, remainder_bound and reprs."""
    kwargs = hv.arguments(
        draw,
        f=SCALAR,
        x0=(hv.valid_number, hv.hostile_number),
        n=(valid_degree, hv.hostile_int),
    )
    p = h.call(cw.taylor, **kwargs, expect=instance_of(cw.TaylorPolynomial))
    if p is not REFUSED:
        polynomial_methods(draw, h, p)


def polynomial_methods(draw: Draw, h: Harness, p: Any) -> None:
    """The methods of a TaylorPolynomial."""
    for _ in range(draw(st.integers(1, 3))):
        h.call(p, draw(hv.any_number), expect=finite_float, shown="TaylorPolynomial()")
    h.call(p.remainder_bound, draw(hv.any_number), draw(hv.any_number), expect=finite_float)
    h.call(p._repr_latex_, expect=text)
    h.call(repr, p, expect=text)
    if draw(st.integers(0, plot_every - 1)) == 0:
        h.call(p._repr_svg_, expect=svg)
    if draw(st.integers(0, plot_every - 1)) == 0:
        kwargs = hv.arguments(
            draw,
            xlim=(hv.omittable(hv.valid_pair()), hv.hostile_pair),
            degrees=(
                hv.omittable(st.just([0, p.degree])),
                st.sampled_from([[-1], [999], "ab", [None], 3]),
            ),
            title=(hv.omittable(hv.valid_text), hv.hostile_text),
        )
        draw_figure(h, p.plot, **kwargs)


@fuzzes("TaylorPolynomial", weight=0.5)
def taylor_polynomial(draw: Draw, h: Harness) -> None:
    """A TaylorPolynomial built by hand, then its methods."""
    degree = draw(st.integers(0, 4))
    kwargs = hv.arguments(
        draw,
        function=(good_scalar_function, hv.hostile_callable),
        center=(hv.valid_number, hv.hostile_number),
        derivatives=(hv.valid_vector(degree + 1), hv.hostile_vector(degree + 1)),
        errors=(hv.valid_vector(degree + 1, hv.positive_number), hv.hostile_vector(degree + 1)),
        method=(st.sampled_from(["ad", "richardson"]), hostile_method),
    )
    p = h.call(cw.TaylorPolynomial, **kwargs, expect=instance_of(cw.TaylorPolynomial))
    if p is not REFUSED:
        polynomial_methods(draw, h, p)


@fuzzes("plot_taylor", weight=0.3)
def plot_taylor(draw: Draw, h: Harness) -> None:
    """plot_taylor(poly, xlim=, degrees=, title=) on real and hostile polynomials."""
    p = cw.taylor(cw.sin, 0.5, 4)
    kwargs = hv.arguments(
        draw,
        poly=(st.just(p), st.sampled_from([None, 3.0, "p", cw.Jet([1.0]), [1.0, 2.0]])),
        xlim=(hv.omittable(hv.valid_pair()), hv.hostile_pair),
        degrees=(hv.omittable(st.just([1, 3])), st.sampled_from([[-1], [9], "ab", [None], 3, []])),
        title=(hv.omittable(hv.valid_text), hv.hostile_text),
    )
    draw_figure(h, cw.plot_taylor, **kwargs)


# ------------------------------------------------------------------ integrals and limits


def integral_expect(full_output: object) -> Callable[[Any], str | None]:
    """A finite float or an IntegrationResult with a finite value."""
    if full_output is hv.OMIT or not full_output:
        return finite_float
    return lambda r: (
        finite_float(r.value)
        if isinstance(r, cw.IntegrationResult)
        else "expected an IntegrationResult"
    )


valid_limit = hv.valid_number | st.sampled_from([-math.inf, math.inf, 0.0])


@fuzzes("integrate", weight=1.0)
def integrate(draw: Draw, h: Harness) -> None:
    """integrate(f, a, b, method=, n=, tol=, full_output=)."""
    kwargs = hv.arguments(
        draw,
        f=SCALAR,
        a=(valid_limit, hv.hostile_number),
        b=(valid_limit, hv.hostile_number),
        method=(
            hv.omittable(st.sampled_from(["adaptive", "simpson", "trapezoid"])),
            hostile_method,
        ),
        n=(hv.omittable(st.sampled_from([None, 2, 4, 10, 64])), hv.hostile_int),
        tol=(hv.omittable(st.sampled_from([1e-10, 1e-6, 1e-3, 0.1])), hv.hostile_number),
        full_output=(hv.omittable(hv.valid_bool), hv.hostile_bool),
    )
    result = h.call(
        cw.integrate,
        **ordered(draw, kwargs, "a", "b"),
        expect=integral_expect(kwargs.get("full_output")),
    )
    if isinstance(result, cw.IntegrationResult):
        h.call(float, result, expect=finite_float)
        h.call(repr, result, expect=text)


@fuzzes("riemann_sum", weight=0.8)
def riemann_sum(draw: Draw, h: Harness) -> None:
    """riemann_sum(f, a, b, n, rule)."""
    kwargs = hv.arguments(
        draw,
        f=SCALAR,
        a=(hv.valid_number, hv.hostile_number),
        b=(hv.valid_number, hv.hostile_number),
        n=(st.sampled_from([1, 2, 10, 100]), hv.hostile_int | st.sampled_from([10**12, 2**40])),
        rule=(
            hv.omittable(st.sampled_from(["left", "right", "midpoint", "trapezoid"])),
            hostile_method,
        ),
    )
    h.call(cw.riemann_sum, **ordered(draw, kwargs, "a", "b"), expect=finite_float)


@fuzzes("IntegrationResult", "LimitResult", weight=0.3)
def result_records(draw: Draw, h: Harness) -> None:
    """The integral and limit results built by hand: float() and repr()."""
    cls = getattr(cw, h.name)
    args = [draw(hv.any_number), draw(hv.any_number), draw(hv.valid_int | hv.hostile_int)]
    args += [draw(st.sampled_from(["adaptive", "both", "left"]) | hostile_method)]
    if cls is cw.IntegrationResult:
        args += [draw(hv.valid_int | hv.hostile_int)]
    else:
        args += [draw(st.none() | hv.any_number), draw(st.none() | hv.any_number)]
    r = h.call(cls, *args)
    if r is not REFUSED:  # built by hand: NaN in, NaN out is fine, but a float
        h.call(float, r, expect=real_or_nan)
        h.call(repr, r, expect=text)


@fuzzes("limit", weight=1.0)
def limit(draw: Draw, h: Harness) -> None:
    """limit(f, x0, side=, full_output=)."""
    kwargs = hv.arguments(
        draw,
        f=SCALAR,
        x0=(hv.valid_number, hv.hostile_number),
        side=(hv.omittable(st.sampled_from(["both", "left", "right", "-", "+"])), hostile_method),
        full_output=(hv.omittable(hv.valid_bool), hv.hostile_bool),
    )
    full = kwargs.get("full_output")
    expect = real_float if full is None or not full else instance_of(cw.LimitResult)
    result = h.call(cw.limit, **kwargs, expect=expect)
    if isinstance(result, cw.LimitResult):
        h.call(float, result, expect=real_float)


# ------------------------------------------------------------------ nn

valid_activation = hv.omittable(
    st.sampled_from(["tanh", "relu", "sigmoid", "softplus", "linear", None])
)
hostile_activation = st.sampled_from(["TANH", "", "gelu", 3, ["tanh"], cw.tanh])
valid_seed = hv.omittable(
    st.sampled_from([None, 0, 1, 12345]) | st.builds(random.Random, st.integers(0, 9))
)
hostile_seed = st.sampled_from(["a", 1.5, -1, 10**400, math.nan, [1], object()])


def model_input(draw: Draw, nin: object) -> Any:
    """An input of the right size (numbers or Values) or a hostile one."""
    size = nin if isinstance(nin, int) and 0 < nin < 5 else 2
    return draw(
        hv.valid_vector(size)
        | st.lists(values, min_size=size, max_size=size)
        | hv.hostile_vector(size)
    )


def use_model(draw: Draw, h: Harness, model: Any, nin: object) -> None:
    """Call a model, back-propagate its output, read and zero its parameters."""
    out = h.call(model, model_input(draw, nin), shown=f"{type(model).__name__}()")
    outputs = out if isinstance(out, list) else [out]
    if out is not REFUSED:
        h.verify(outputs, lambda o: next(filter(None, map(finite_value, o)), None), "model output")
        total = h.call(sum, outputs, shown="sum(outputs)", expect=finite_value)
        if total is not REFUSED:
            h.call(total.backward, expect=nothing)
    params = h.call(model.parameters, expect=instance_of(list))
    if params is not REFUSED and params:
        h.verify([p.grad for p in params], finite_vector, "parameter grads")
    h.call(model.zero_grad, expect=nothing)
    h.call(repr, model, expect=text)


valid_nin = st.integers(1, 3)
hostile_nin = hv.hostile_int | st.sampled_from([0, -1, 2.0, "2", None])


@fuzzes("Neuron", weight=0.8)
def neuron(draw: Draw, h: Harness) -> None:
    """Neuron(nin, activation, seed=), then a forward and backward pass."""
    kwargs = hv.arguments(
        draw,
        nin=(valid_nin, hostile_nin),
        activation=(valid_activation, hostile_activation),
        seed=(valid_seed, hostile_seed),
    )
    model = h.call(cw.Neuron, **kwargs, expect=instance_of(cw.Neuron))
    if model is not REFUSED:
        use_model(draw, h, model, kwargs.get("nin"))


valid_init = hv.omittable(
    st.sampled_from(
        ["default", "xavier_uniform", "xavier_normal", "kaiming_uniform", "kaiming_normal"]
    )
    | st.sampled_from([0.0, 0.01, 1.0, 1e-300])
)
hostile_init = st.sampled_from(["he", "", None, -1.0, math.nan, math.inf, True, 10**400, ["x"]])


@fuzzes("Layer", weight=0.8)
def layer(draw: Draw, h: Harness) -> None:
    """Layer(nin, nout, activation, seed=, init=)."""
    kwargs = hv.arguments(
        draw,
        nin=(valid_nin, hostile_nin),
        nout=(valid_nin, hostile_nin),
        activation=(valid_activation, hostile_activation),
        seed=(valid_seed, hostile_seed),
        init=(valid_init, hostile_init),
    )
    model = h.call(cw.Layer, **kwargs, expect=instance_of(cw.Layer))
    if model is not REFUSED:
        use_model(draw, h, model, kwargs.get("nin"))


@fuzzes("MLP", weight=0.8)
def mlp(draw: Draw, h: Harness) -> None:
    """MLP(nin, nouts, activation, seed=, init=)."""
    valid_nouts = st.lists(st.integers(1, 3), min_size=1, max_size=3).flatmap(
        lambda sizes: (
            st.sampled_from([sizes, tuple(sizes), hv.as_container(sizes, "array")])
            if hv.np is not None
            else st.just(sizes)
        )
    )
    kwargs = hv.arguments(
        draw,
        nin=(valid_nin, hostile_nin),
        nouts=(
            valid_nouts,
            st.sampled_from([[], [0], [-1], 2, [1.5], ["a"], None, [10**400], "12"]),
        ),
        activation=(valid_activation, hostile_activation),
        seed=(valid_seed, hostile_seed),
        init=(valid_init, hostile_init),
    )
    model = h.call(cw.MLP, **kwargs, expect=instance_of(cw.MLP))
    if model is not REFUSED:
        use_model(draw, h, model, kwargs.get("nin"))


@fuzzes("Module", weight=0.1)
def module(draw: Draw, h: Harness) -> None:  # noqa: ARG001  (nothing to draw)
    """The base class: no parameters."""
    m = h.call(cw.Module, expect=instance_of(cw.Module))
    h.call(m.parameters, expect=lambda p: None if p == [] else "expected []")
    h.call(m.zero_grad, expect=nothing)


def predictions(draw: Draw, size: int, unit: bool = False) -> Any:
    """Predictions: Values, numbers or an array, of ``size``."""
    data = st.floats(0.01, 0.99) if unit else hv.valid_float
    return draw(
        st.lists(st.builds(cw.Value, data), min_size=size, max_size=size)
        | hv.valid_vector(size, data)
        | st.builds(cw.Value, data)
    )


def backward_loss(h: Harness, loss: Any, leaves: object) -> None:
    """loss.backward(), then every leaf's grad must be finite."""
    if loss is REFUSED:
        return
    if h.call(loss.backward, expect=nothing) is not REFUSED:
        found = [leaves] if isinstance(leaves, cw.Value) else leaves
        if isinstance(found, (list, tuple)):
            grads = [v.grad for v in found if isinstance(v, cw.Value)]
            if grads:
                h.verify(grads, finite_vector, "the predictions' grads")


valid_reduction = hv.omittable(st.sampled_from(["mean", "sum"]))
hostile_reduction = st.sampled_from(["none", "MEAN", "", None, 1, ["sum"]])


@fuzzes("mse_loss", "binary_cross_entropy", weight=1.0)
def pointwise_loss(draw: Draw, h: Harness) -> None:
    """mse_loss and binary_cross_entropy, then backward."""
    size = draw(st.integers(1, 3))
    unit = h.name == "binary_cross_entropy"
    p = predictions(draw, size, unit)
    n = 1 if isinstance(p, cw.Value) else size
    targets = hv.valid_vector(n, st.sampled_from([0.0, 1.0, 0.5]) if unit else hv.valid_number)
    kwargs = hv.arguments(
        draw,
        x=(st.just(p), hv.hostile_vector(n)),
        targets=(targets, hv.hostile_vector(n)),
        reduction=(valid_reduction, hostile_reduction),
    )
    args = (kwargs.pop("x", p), kwargs.pop("targets", None))
    loss = h.call(getattr(cw, h.name), *args, **kwargs, expect=finite_value)
    backward_loss(h, loss, args[0])


@fuzzes("cross_entropy", weight=1.0)
def cross_entropy(draw: Draw, h: Harness) -> None:
    """cross_entropy of one sample or a batch, then backward."""
    classes = draw(st.integers(1, 3))
    batch = draw(st.booleans())
    row = st.lists(
        st.builds(cw.Value, hv.valid_float) | hv.valid_float, min_size=classes, max_size=classes
    )
    logits = st.lists(row, min_size=2, max_size=2) if batch else row
    target = (
        st.lists(st.integers(0, classes - 1), min_size=2, max_size=2)
        if batch
        else st.integers(0, classes - 1)
    )
    kwargs = hv.arguments(
        draw,
        logits=(logits, hv.hostile_vector(classes) | st.just([[1.0], [1.0, 2.0]])),
        target=(target, hv.hostile_int | hv.hostile_vector(2) | st.just(classes)),
        reduction=(valid_reduction, hostile_reduction),
    )
    args = (kwargs.pop("logits", None), kwargs.pop("target", None))
    loss = h.call(cw.cross_entropy, *args, **kwargs, expect=finite_value)
    leaves = [
        v
        for r in (args[0] if isinstance(args[0], list) else [])
        for v in (r if isinstance(r, list) else [r])
    ]
    backward_loss(h, loss, leaves)


@fuzzes("l1_penalty", "l2_penalty", weight=0.8)
def penalty(draw: Draw, h: Harness) -> None:
    """l1_penalty/l2_penalty(parameters, coefficient), then backward."""
    size = draw(st.integers(1, 3))
    kwargs = hv.arguments(
        draw,
        parameters=(
            st.lists(values, min_size=size, max_size=size) | hv.valid_vector(size),
            hv.hostile_vector(size),
        ),
        coefficient=(hv.omittable(hv.valid_number), hv.hostile_number),
    )
    args = (kwargs.pop("parameters", None),)
    loss = h.call(getattr(cw, h.name), *args, **kwargs, expect=finite_value)
    backward_loss(h, loss, args[0])


@fuzzes("binary_cross_entropy_with_logits", weight=1.0)
def bce_with_logits(draw: Draw, h: Harness) -> None:
    """binary_cross_entropy_with_logits(logits, targets, reduction), then backward."""
    size = draw(st.integers(1, 3))
    x = (
        predictions(draw, size)
        if draw(st.booleans())
        else draw(
            st.lists(
                st.builds(cw.Value, st.sampled_from([1000.0, -1000.0, 1e300, -40.0, 0.0])),
                min_size=size,
                max_size=size,
            )
        )
    )
    n = 1 if isinstance(x, cw.Value) else size
    targets = hv.valid_vector(n, st.sampled_from([0.0, 1.0, 0.5]) | st.floats(0.0, 1.0))
    kwargs = hv.arguments(
        draw,
        logits=(st.just(x), hv.hostile_vector(n)),
        targets=(targets, hv.hostile_vector(n)),
        reduction=(valid_reduction, hostile_reduction),
    )
    args = (kwargs.pop("logits", x), kwargs.pop("targets", None))
    loss = h.call(cw.binary_cross_entropy_with_logits, *args, **kwargs, expect=finite_value)
    backward_loss(h, loss, args[0])


def normalised(out: Any) -> str | None:
    """softmax's result: a non-empty list (of lists) of finite floats, Values or Jets."""
    if not isinstance(out, list) or not out:
        return "expected a non-empty list"
    flat = [v for r in out for v in r] if isinstance(out[0], list) else out
    for v in flat:
        if isinstance(v, cw.Value):
            problem = finite_value(v)
        elif isinstance(v, cw.Jet):
            problem = finite_jet(v)
        else:
            problem = finite_float(v)
        if problem:
            return problem
    return None


@fuzzes("softmax", "log_softmax", weight=1.0)
def softmax(draw: Draw, h: Harness) -> None:
    """softmax/log_softmax of a row or a batch, along dim, then backward through the Values."""
    classes = draw(st.integers(1, 4))
    element = (
        st.builds(cw.Value, hv.valid_float)
        | hv.valid_float
        | st.sampled_from([1000.0, -1000.0, 1e300, -1e300])
        | jets
    )
    row = st.lists(element, min_size=classes, max_size=classes)
    logits = st.lists(row, min_size=1, max_size=3) if draw(st.booleans()) else row
    kwargs = hv.arguments(
        draw,
        logits=(logits, hv.hostile_vector(classes) | st.just([[1.0], [1.0, 2.0]])),
        dim=(
            hv.omittable(st.sampled_from([-1, 0])),
            hv.hostile_int | st.sampled_from([2, -3, 1.0, None]),
        ),
    )
    args = (kwargs.pop("logits", None),)
    out = h.call(getattr(cw, h.name), *args, **kwargs, expect=normalised)
    if out is REFUSED:
        return
    flat = [v for r in out for v in (r if isinstance(r, list) else [r])]
    values = [v for v in flat if isinstance(v, cw.Value)]
    if values:
        leaves = [
            v
            for r in args[0]
            for v in (r if isinstance(r, list) else [r])
            if isinstance(v, cw.Value)
        ]
        total = h.call(sum, values, shown="sum(outputs)", expect=finite_value)
        if total is not REFUSED:
            backward_loss(h, total, leaves)


# ------------------------------------------------------------------ optim

HYPER: dict[str, dict[str, tuple[hv.Strategy, hv.Strategy]]] = {}


def _hyper(**valid: hv.Strategy) -> dict[str, tuple[hv.Strategy, hv.Strategy]]:
    return {name: (hv.omittable(s), hv.hostile_number) for name, s in valid.items()}


unit_rate = st.sampled_from([0.0, 0.5, 0.9]) | st.floats(0.0, 0.99)
small = st.sampled_from([0.0, 1e-3, 0.1]) | hv.positive_number
HYPER["SGD"] = _hyper(lr=small, momentum=unit_rate, dampening=unit_rate, weight_decay=small)
HYPER["SGD"]["nesterov"] = (hv.omittable(hv.valid_bool), hv.hostile_bool)
HYPER["Adam"] = _hyper(lr=small, eps=st.sampled_from([1e-8, 1e-3]), weight_decay=small)
HYPER["Adam"]["betas"] = (
    hv.omittable(st.tuples(unit_rate, unit_rate)),
    st.sampled_from([(0.9,), (1.0, 0.999), (-0.1, 0.5), (0.9, 1.5), None, "ab", (math.nan, 0.9)]),
)
HYPER["Adam"]["amsgrad"] = (hv.omittable(hv.valid_bool), hv.hostile_bool)
HYPER["AdamW"] = HYPER["Adam"]
HYPER["RMSprop"] = _hyper(
    lr=small,
    alpha=unit_rate,
    eps=st.sampled_from([1e-8, 1e-3]),
    weight_decay=small,
    momentum=unit_rate,
)
HYPER["RMSprop"]["centered"] = (hv.omittable(hv.valid_bool), hv.hostile_bool)
HYPER["Adagrad"] = _hyper(
    lr=small,
    lr_decay=small,
    weight_decay=small,
    initial_accumulator_value=small,
    eps=st.sampled_from([1e-10, 1e-3]),
)
for _spec in HYPER.values():
    _spec.setdefault("maximize", (hv.omittable(hv.valid_bool), hv.hostile_bool))

valid_grad = hv.valid_float | st.sampled_from([0.0, 1e10, -1e-300])
hostile_grad = st.sampled_from([math.nan, math.inf, 1e308, 10**400, "1", None, True, complex(1, 1)])


def leaf_values(draw: Draw) -> list[Any]:
    """A few Values with grads (valid or hostile)."""
    params = [cw.Value(draw(hv.valid_float)) for _ in range(draw(st.integers(1, 3)))]
    for p in params:
        p.grad = (
            draw(valid_grad | hostile_grad) if draw(st.integers(0, 4)) == 0 else draw(valid_grad)
        )
    return params


# Not a list of Values.
hostile_params = hv.hostile_vector(2) | st.sampled_from([[], [1.0, 2.0], [cw.Jet([1.0])]])


@fuzzes("SGD", "Adam", "AdamW", "RMSprop", "Adagrad", weight=1.0)
def optimizer(draw: Draw, h: Harness) -> None:
    """An optimiser with hostile hyper-parameters, then step() and zero_grad()."""
    params = leaf_values(draw)
    kwargs = hv.arguments(draw, params=(st.just(params), hostile_params), **HYPER[h.name])
    opt = h.call(getattr(cw, h.name), **kwargs, expect=instance_of(cw.Optimizer))
    if opt is REFUSED:
        return
    for _ in range(draw(st.integers(1, 3))):
        if h.call(opt.step, expect=nothing) is not REFUSED:
            h.verify([p.data for p in params], finite_vector, "parameters after step()")
    h.call(opt.zero_grad, expect=nothing)
    h.call(repr, opt, expect=text)


@fuzzes("Optimizer", weight=0.2)
def base_optimizer(draw: Draw, h: Harness) -> None:
    """The base class: step() has no rule to apply."""
    opt = h.call(cw.Optimizer, draw(st.just(leaf_values(draw)) | hostile_params))
    if opt is not REFUSED:
        h.call(opt.step)
        h.call(opt.zero_grad, expect=nothing)


@fuzzes("clip_grad_norm", weight=0.8)
def clip_grad_norm(draw: Draw, h: Harness) -> None:
    """clip_grad_norm(params, max_norm, norm_type, error_if_nonfinite)."""
    params = leaf_values(draw)
    kwargs = hv.arguments(
        draw,
        params=(st.just(params), hostile_params),
        max_norm=(st.sampled_from([1.0, 0.5, 1e-3, 100.0]) | hv.positive_number, hv.hostile_number),
        norm_type=(hv.omittable(st.sampled_from([1.0, 2.0, 0.5, 3, math.inf])), hv.hostile_number),
        error_if_nonfinite=(hv.omittable(hv.valid_bool), hv.hostile_bool),
    )
    # As torch: with error_if_nonfinite=False a non-finite norm (NaN grads, or a p-norm
    # of tiny order that overflows) is returned; with True it must raise instead.
    strict = kwargs.get("error_if_nonfinite") is True
    h.call(cw.clip_grad_norm, **kwargs, expect=finite_float if strict else real_or_nan)


def real_or_nan(x: object) -> str | None:
    """A float, whatever its value (torch returns the non-finite norm when asked not to raise)."""
    return None if type(x) is float else f"expected a float, not {type(x).__name__}"


def optimize_expect(r: object) -> str | None:
    """An OptimizeResult at a finite point with a finite loss."""
    if not isinstance(r, cw.OptimizeResult):
        return f"expected an OptimizeResult, not {type(r).__name__}"
    x = r.x if isinstance(r.x, list) else [r.x]
    return finite_vector(x) or finite_float(r.fun)


@fuzzes("minimize", weight=1.0)
def minimize(draw: Draw, h: Harness) -> None:
    """minimize(f, x0, optimizer=, lr=, steps=, tol=, **hyper), then plot() of the result."""
    kwargs = hv.arguments(
        draw,
        f=DESCENT,
        x0=(hv.valid_number | hv.valid_vector(2), hv.hostile_number | hv.hostile_vector(2)),
        optimizer=(
            hv.omittable(
                st.sampled_from(["sgd", "adam", "adamw", "rmsprop", "adagrad", "Adam", cw.SGD])
            ),
            st.sampled_from(["lbfgs", "", None, 3, cw.Value, cw.Optimizer, object]),
        ),
        lr=(hv.omittable(st.sampled_from([0.01, 0.1, 0.5, 10.0])), hv.hostile_number),
        steps=(
            hv.omittable(st.sampled_from([0, 1, 5, 30])),
            hv.hostile_int | st.sampled_from([2**63]),
        ),
        tol=(hv.omittable(st.sampled_from([None, 1e-8, 1e-3])), hv.hostile_number),
    )
    kwargs.setdefault("steps", 30)  # the default 1000 steps cost too much per example
    if draw(st.integers(0, 4)) == 0:
        kwargs[draw(st.sampled_from(["momentum", "betas", "foo", "eps", "alpha"]))] = draw(
            hv.any_number
        )
    result = h.call(cw.minimize, **kwargs, expect=optimize_expect)
    if result is not REFUSED:
        h.call(repr, result, expect=text)
        if draw(st.integers(0, 2)) == 0:
            draw_figure(h, result.plot)


PROBLEMS = [
    (lambda p: (p[0] - 1) ** 2 + p[1] ** 2, [0.0, 1.0]),
    (lambda x: (x - 3) ** 2, 0.0),
    (lambda x: x * x, 1.0),
]


def _run(problem: int, lr: float, steps: int) -> Any:
    f, x0 = PROBLEMS[problem]
    return cw.minimize(f, x0, lr=lr, steps=steps)


# Real results of minimize, of one or two variables (cheap: few steps).
optimize_results = st.builds(
    _run, st.integers(0, len(PROBLEMS) - 1), st.sampled_from([0.1, 0.9, 10.0]), st.integers(1, 8)
)


hostile_result = st.sampled_from([None, 3.0, "result", [1.0], cw.Jet([1.0]), {"path": []}])


@fuzzes("OptimizeResult", weight=0.5)
def optimize_result(draw: Draw, h: Harness) -> None:
    """An OptimizeResult built by hand, then repr() and plot()."""
    kwargs = hv.arguments(
        draw,
        x=(hv.valid_number | hv.valid_vector(2), hv.hostile_number | hv.hostile_vector(2)),
        fun=(hv.valid_number, hv.hostile_number),
        steps=(st.integers(0, 3), hv.hostile_int),
        path=(
            hv.omittable(st.just([[0.0, 1.0], [0.5, 0.5]]) | st.just([1.0, 0.5])),
            hv.hostile_vector(2) | st.just([[math.nan, 1.0]]),
        ),
        losses=(hv.omittable(st.just([2.0, 1.0])), hv.hostile_vector(2)),
        function=(hv.omittable(good_vector_function), hv.hostile_callable),
    )
    r = h.call(cw.OptimizeResult, **kwargs)
    if r is not REFUSED:
        h.call(repr, r, expect=text)
        draw_figure(h, r.plot)


@fuzzes("plot_optimization", weight=0.4)
def plot_optimization(draw: Draw, h: Harness) -> None:
    """plot_optimization(result, title=, log_levels=)."""
    kwargs = hv.arguments(
        draw,
        result=(optimize_results, hostile_result),
        title=(hv.omittable(hv.valid_text), hv.hostile_text),
        log_levels=(hv.omittable(hv.valid_bool), hv.hostile_bool),
    )
    draw_figure(h, cw.plot_optimization, **kwargs)


@fuzzes("compare_paths", weight=0.4)
def compare_paths(draw: Draw, h: Harness) -> None:
    """compare_paths(results, labels, title=, levels=, log_levels=)."""
    count = draw(st.integers(1, 2))
    kwargs = hv.arguments(
        draw,
        results=(
            st.lists(optimize_results, min_size=count, max_size=count),
            st.lists(hostile_result, max_size=2),
        ),
        labels=(
            hv.omittable(st.just([f"run {i}" for i in range(count)])),
            st.sampled_from([[], ["a"] * 5, "ab", [None] * count, 3]),
        ),
        title=(hv.omittable(hv.valid_text), hv.hostile_text),
        levels=(hv.omittable(st.sampled_from([3, 12])), hv.hostile_int),
        log_levels=(hv.omittable(hv.valid_bool), hv.hostile_bool),
    )
    draw_figure(h, cw.compare_paths, **kwargs)


# ------------------------------------------------------------------ plots

valid_color = hv.omittable(st.sampled_from([None, "#0072B2", "red", "currentColor"]))
hostile_color = st.sampled_from(["<script>", 3, "", "a;b", ["red"], 'red"/><x'])
sequence_pair = st.integers(1, 4).flatmap(
    lambda n: st.tuples(hv.valid_vector(n), hv.valid_vector(n))
)


def figure_method(draw: Draw, h: Harness, fig: Any) -> None:
    """One drawing method of a Figure, with valid-but-one-hostile arguments."""
    name = draw(
        st.sampled_from(
            [
                "add_function",
                "line",
                "scatter",
                "hline",
                "vline",
                "tangent",
                "annotate",
                "arrow",
                "add_contour",
                "add_path",
            ]
        )
    )
    label = (hv.omittable(hv.valid_text), hv.hostile_text)
    color = (valid_color, hostile_color)
    if name == "add_function":
        spec = {
            "f": SCALAR,
            "a": (hv.valid_number, hv.hostile_number),
            "b": (hv.valid_number, hv.hostile_number),
            "label": label,
            "color": color,
            "dashed": (hv.omittable(hv.valid_bool), hv.hostile_bool),
            "width": (hv.omittable(st.sampled_from([1.0, 2.0, 4])), hv.hostile_number),
        }
    elif name in ("line", "scatter"):
        xs, ys = draw(sequence_pair)
        n = len(xs)
        spec = {
            "xs": (st.just(xs), hv.hostile_vector(n)),
            "ys": (st.just(ys), hv.hostile_vector(n)),
            "label": label,
            "color": color,
        }
        if name == "line":
            spec["dashed"] = (hv.omittable(hv.valid_bool), hv.hostile_bool)
    elif name in ("hline", "vline"):
        spec = {
            "y" if name == "hline" else "x": (hv.valid_number, hv.hostile_number),
            "label": label,
        }
    elif name == "tangent":
        spec = {
            "f": SCALAR,
            "x0": (hv.valid_number, hv.hostile_number),
            "slope": (hv.omittable(st.none() | hv.valid_number), hv.hostile_number),
            "label": label,
            "color": color,
        }
    elif name == "annotate":
        spec = {
            "text": (hv.valid_text, hv.hostile_text),
            "x": (hv.valid_number, hv.hostile_number),
            "y": (hv.valid_number, hv.hostile_number),
        }
    elif name == "arrow":
        spec = {
            "start": (hv.valid_vector(2), hv.hostile_vector(2)),
            "end": (hv.valid_vector(2), hv.hostile_vector(2)),
            "color": color,
        }
    elif name == "add_contour":
        spec = contour_spec()
        spec.pop("path")
        for key in ("title", "xlabel", "ylabel"):
            spec.pop(key)
    else:
        spec = {
            "points": (st.lists(hv.valid_vector(2), min_size=1, max_size=4), hv.hostile_vector(2)),
            "label": label,
            "color": color,
        }
    kwargs = ordered(draw, hv.arguments(draw, **spec), "a", "b")
    h.call(getattr(fig, name), **kwargs, expect=instance_of(cw.Figure), shown=f"Figure.{name}")


def contour_spec() -> dict[str, tuple[hv.Strategy, hv.Strategy]]:
    """The parameters of contour (and, without path and labels, of Figure.add_contour)."""
    return {
        "f": PLANAR,
        "xlim": (hv.valid_pair(), hv.hostile_pair),
        "ylim": (hv.valid_pair(), hv.hostile_pair),
        "levels": (
            hv.omittable(st.sampled_from([3, 10, [0.5, 1.0, 2.0]])),
            hv.hostile_int | st.sampled_from([[], [math.nan], ["a"], [1.0, 1.0]]),
        ),
        "log_levels": (hv.omittable(hv.valid_bool), hv.hostile_bool),
        "path": (
            hv.omittable(st.none() | st.lists(hv.valid_vector(2), min_size=1, max_size=3)),
            hv.hostile_vector(2),
        ),
        "title": (hv.omittable(hv.valid_text), hv.hostile_text),
        "xlabel": (hv.omittable(hv.valid_text), hv.hostile_text),
        "ylabel": (hv.omittable(hv.valid_text), hv.hostile_text),
        "n": (st.sampled_from([10, 12, 16]), hv.hostile_int | st.sampled_from([0, 1, 4, 100000])),
    }


def save_path(draw: Draw, h: Harness) -> Any:
    """Where to save: a fine .svg path, or a bad one."""
    base = h.tmp
    return draw(
        st.sampled_from(
            [
                base / "figure.svg",
                str(base / "figure2.svg"),
                base / "figure.png",
                base / "figure",
                base,
                base / "missing" / "figure.svg",
                None,
                3,
                b"figure.svg",
                "",
            ]
        )
    )


def show_figure(draw: Draw, h: Harness, fig: Any) -> None:
    """to_svg, _repr_svg_, repr and save of a figure."""
    h.call(fig.to_svg, expect=svg)
    if draw(st.integers(0, 2)) == 0:
        h.call(fig._repr_svg_, expect=svg)
    h.call(repr, fig, expect=text)
    if draw(st.integers(0, 3)) == 0:
        h.call(fig.save, save_path(draw, h), expect=nothing)


@fuzzes("Figure", weight=1.5)
def figure(draw: Draw, h: Harness) -> None:
    """Figure(...) with hostile options, a few marks, then to_svg, _repr_svg_ and save."""
    kwargs = hv.arguments(
        draw,
        title=(hv.omittable(hv.valid_text), hv.hostile_text),
        xlabel=(hv.omittable(hv.valid_text), hv.hostile_text),
        ylabel=(hv.omittable(hv.valid_text), hv.hostile_text),
        xlim=(hv.omittable(hv.valid_pair()), hv.hostile_pair),
        ylim=(hv.omittable(hv.valid_pair()), hv.hostile_pair),
        xlog=(hv.omittable(hv.valid_bool), hv.hostile_bool),
        ylog=(hv.omittable(hv.valid_bool), hv.hostile_bool),
        width=(
            hv.omittable(st.sampled_from([200, 380, 2000])),
            hv.hostile_int | st.sampled_from([199, 10**6, 380.0]),
        ),
        height=(hv.omittable(st.sampled_from([150, 270])), hv.hostile_int),
        description=(hv.omittable(st.none() | hv.valid_text), hv.hostile_text),
    )
    fig = h.call(cw.Figure, **kwargs, expect=instance_of(cw.Figure))
    if fig is REFUSED:
        return
    for _ in range(draw(st.integers(0, 3))):
        figure_method(draw, h, fig)
    show_figure(draw, h, fig)


@fuzzes("plot_function", weight=0.8)
def plot_function(draw: Draw, h: Harness) -> None:
    """plot_function(f, a, b, labels=, title=, ...)."""
    kwargs = hv.arguments(
        draw,
        f=(
            good_scalar_function | st.lists(good_scalar_function, min_size=1, max_size=2),
            SCALAR[1] | st.just([]) | st.lists(SCALAR[1], min_size=1, max_size=2),
        ),
        a=(hv.valid_number, hv.hostile_number),
        b=(hv.valid_number, hv.hostile_number),
        labels=(hv.omittable(st.none()), st.sampled_from([["a", "b", "c"], "ab", [3], []])),
        title=(hv.omittable(hv.valid_text), hv.hostile_text),
        xlabel=(hv.omittable(hv.valid_text), hv.hostile_text),
        ylabel=(hv.omittable(hv.valid_text), hv.hostile_text),
        ylim=(hv.omittable(hv.valid_pair()), hv.hostile_pair),
        xlog=(hv.omittable(hv.valid_bool), hv.hostile_bool),
        ylog=(hv.omittable(hv.valid_bool), hv.hostile_bool),
    )
    fig = h.call(cw.plot_function, **ordered(draw, kwargs, "a", "b"), expect=instance_of(cw.Figure))
    if fig is not REFUSED:
        show_figure(draw, h, fig)


@fuzzes("contour", weight=0.6)
def contour(draw: Draw, h: Harness) -> None:
    """contour(f, xlim, ylim, levels=, log_levels=, path=, ..., n=)."""
    kwargs = hv.arguments(draw, **contour_spec())
    fig = h.call(cw.contour, **kwargs, expect=instance_of(cw.Figure))
    if fig is not REFUSED:
        show_figure(draw, h, fig)


def small_graph(draw: Draw) -> tuple[Any, list[Any]]:
    """A small computation on Values, back-propagated, and its leaves."""
    a, b = cw.Value(draw(hv.valid_float)), cw.Value(draw(hv.valid_float))
    out = (a * b + a).tanh() if draw(st.booleans()) else a + b
    out.backward()
    return out, [a, b]


@fuzzes("draw_graph", "ComputationGraph", weight=0.5)
def draw_graph(draw: Draw, h: Harness) -> None:
    """draw_graph(root, labels, title=) / ComputationGraph(root, labels, title), then to_svg."""
    root, (a, b) = small_graph(draw)
    kwargs = hv.arguments(
        draw,
        root=(st.just(root), st.sampled_from([None, 3.0, "x", [root], cw.Jet([1.0]), cw.Value])),
        labels=(
            hv.omittable(st.sampled_from([None, {}, {a: "a", b: "b"}, {root: "L"}])),
            st.sampled_from([{a: 3}, {"a": "x"}, ["a"], "ab", {a: None}, 3, {a: "<script>"}]),
        ),
        title=(
            hv.omittable(hv.valid_text) if h.name == "draw_graph" else hv.valid_text,
            hv.hostile_text,
        ),
    )
    if h.name == "ComputationGraph":
        kwargs.setdefault("labels", {})
    graph = h.call(getattr(cw, h.name), **kwargs, expect=instance_of(cw.ComputationGraph))
    if graph is not REFUSED:
        h.call(graph.to_svg, expect=svg)
        h.call(graph._repr_svg_, expect=svg)


# ------------------------------------------------------------------ exercises

answers = st.one_of(
    hv.any_number,
    st.lists(hv.any_number, max_size=3),
    st.lists(st.lists(hv.valid_number, max_size=2), max_size=2),
    hv.hostile_vector(2),
    values,
)


@fuzzes("check", weight=1.0)
def check(draw: Draw, h: Harness) -> None:
    """check(answer, expected, rtol=, atol=), then bool() and repr() of the result."""
    kwargs = hv.arguments(
        draw,
        answer=(hv.valid_number | hv.valid_vector(2), answers),
        expected=(hv.valid_number | hv.valid_vector(2), answers),
        rtol=(hv.omittable(st.sampled_from([1e-6, 0.0, 0.1])), hv.hostile_number),
        atol=(hv.omittable(st.sampled_from([1e-12, 0.0, 1.0])), hv.hostile_number),
    )
    r = h.call(cw.check, **kwargs, expect=instance_of(cw.CheckResult))
    if r is not REFUSED:
        h.call(bool, r, expect=bool_or_none)
        h.call(repr, r, expect=text)


@fuzzes("check_function", weight=0.8)
def check_function(draw: Draw, h: Harness) -> None:
    """check_function(candidate, reference, points, rtol=, atol=): reports a raising candidate."""
    kwargs = hv.arguments(
        draw,
        candidate=SCALAR,
        reference=SCALAR,
        points=(hv.valid_vector(draw(st.integers(1, 3))), hv.hostile_vector(2)),
        rtol=(hv.omittable(st.sampled_from([1e-6, 0.0])), hv.hostile_number),
        atol=(hv.omittable(st.sampled_from([1e-9, 0.0])), hv.hostile_number),
    )
    # The candidate's exceptions are the answer being checked: swallowing them is the point.
    r = h.call(cw.check_function, **kwargs, expect=instance_of(cw.CheckResult), swallow_ok=True)
    if r is not REFUSED:
        h.call(repr, r, expect=text)


@fuzzes("CheckResult", weight=0.2)
def check_result(draw: Draw, h: Harness) -> None:
    """CheckResult(passed, message) built by hand."""
    r = h.call(
        cw.CheckResult, draw(hv.valid_bool | hv.hostile_bool), draw(hv.valid_text | hv.hostile_text)
    )
    if r is not REFUSED:
        h.call(bool, r, expect=bool_or_none)
        h.call(repr, r, expect=any_result)


# ------------------------------------------------------------------ explorable controls

valid_label = st.sampled_from(["degree", "x", "π ≈ 3.14", "<b>centre</b>", "a & b"])
hostile_label = st.sampled_from([None, 3, b"x", ["x"], "", "   ", math.nan])


@fuzzes("slider", weight=0.5)
def slider(draw: Draw, h: Harness) -> None:
    """slider(label, start, stop, step=, value=): natively its default, in range."""
    kwargs = ordered(
        draw,
        hv.arguments(
            draw,
            label=(valid_label, hostile_label),
            start=(hv.valid_number, hv.hostile_number),
            stop=(hv.valid_number, hv.hostile_number),
            step=(hv.omittable(st.none() | hv.positive_number), hv.hostile_number),
            value=(hv.omittable(st.none() | hv.valid_number), hv.hostile_number),
        ),
        "start",
        "stop",
    )

    def in_range(x: object) -> str | None:
        if not is_number(x) or not float(kwargs["start"]) <= x <= float(kwargs["stop"]):  # type: ignore[arg-type, operator]
            return "expected a number between start and stop"
        return None

    h.call(cw.slider, **kwargs, expect=in_range)


@fuzzes("choice", weight=0.5)
def choice(draw: Draw, h: Harness) -> None:
    """choice(label, options, value=): natively the default, one of the options."""
    options = [1, 2.5, "sin", cw.sin, None, (1, 2)]
    kwargs = hv.arguments(
        draw,
        label=(valid_label, hostile_label),
        options=(
            st.lists(st.sampled_from(options), min_size=1, max_size=4, unique_by=repr),
            st.sampled_from([[], "abc", 3, None, [1, 1], [1, 1.0], iter([]), {"a": 1}]),
        ),
        value=(hv.omittable(st.sampled_from(options)), hv.any_number | hv.hostile_text),
    )

    def an_option(x: object) -> str | None:
        found = any(x is option for option in kwargs["options"])
        return None if found else "expected one of the options itself"

    h.call(cw.choice, **kwargs, expect=an_option)


# ------------------------------------------------------------------ exceptions and metadata


def _exception_names() -> list[str]:
    return [
        n
        for n in cw.__all__
        if isinstance(getattr(cw, n), type) and issubclass(getattr(cw, n), BaseException)
    ]


@fuzzes(*_exception_names(), weight=0.1)
def exception(draw: Draw, h: Harness) -> None:
    """Each exception class: built with any message, a CalcwebError and its builtin."""
    cls = getattr(cw, h.name)
    error = h.call(cls, draw(hv.valid_text | hv.hostile_text), expect=instance_of(cw.CalcwebError))
    h.call(str, error, expect=instance_of(str))
    if cls is not cw.CalcwebError:  # the base class alone is never raised
        h.verify(error, instance_of((ValueError, TypeError, ArithmeticError)), "the builtin base")


@fuzzes("__version__", weight=0.05)
def version(draw: Draw, h: Harness) -> None:  # noqa: ARG001  (nothing to draw)
    """The version string."""
    h.verify(cw.__version__, text, "__version__")


def unfuzzed() -> list[str]:
    """Public names without a fuzzer (the test of the fuzz fails on any)."""
    return sorted(set(cw.__all__) - set(FUZZERS))
