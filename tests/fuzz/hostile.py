"""Hostile values for the fuzz test, and the ordinary ones they hide among.

Each kind of parameter has two strategies: ``valid_*`` (what a careful reader
passes, including numpy scalars of every dtype, 1-D arrays and fractions, which
calcweb accepts) and ``hostile_*`` (NaN, infinities, -0.0, subnormals, huge
floats and ints, None, strings, bools, lists of the wrong length or depth,
Decimal, complex, numpy arrays of the wrong shape, functions that return NaN or
a string, raise, or diverge). `arguments` draws every parameter valid except,
usually, one.
"""

# ruff: noqa: PLW0108  (builtins are wrapped in lambdas on purpose: the lambda's frame
# marks an exception as the reader's own, see harness.from_user_code)
from __future__ import annotations

import cmath
import math
import sys
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

from hypothesis import strategies as st

import calcweb as cw
from tests.fuzz.harness import USER_RAISED, UserError

try:
    import numpy as np
except ImportError:  # numpy is optional: the fuzz runs without its values
    np = None  # type: ignore[assignment]

OMIT: Any = type("Omit", (), {"__repr__": lambda self: "OMIT"})()
"""Leave the parameter out (use its default)."""

Strategy = st.SearchStrategy[Any]


def one_of(*strategies: Strategy) -> Strategy:
    """``st.one_of``, flattening nothing: a shorthand."""
    return st.one_of(*strategies)


# ------------------------------------------------------------------ numbers

SPECIAL_FLOATS = [
    math.nan,
    math.inf,
    -math.inf,
    -0.0,
    0.0,
    5e-324,
    -5e-324,
    sys.float_info.min,
    sys.float_info.max,
    -sys.float_info.max,
    1e300,
    -1e300,
    1e-300,
    1e154,
    1e-160,
    1e16,
]
HUGE_INTS = [10**400, -(10**400), 2**1024, 2**63, -(2**63), 2**64 + 1, 10**20]
# Numbers of the wrong kind: Decimal and complex must get a clear ArgumentTypeError,
# bools are no numbers here, and a fraction may overflow a float.
NEAR_NUMBERS: list[Any] = [
    Decimal("1.5"),
    Decimal("NaN"),
    Decimal("1e400"),
    complex(1.0, 2.0),
    complex(1.0, 0.0),
    True,
    False,
    Fraction(10**400, 3),
]
NOT_NUMBERS: list[Any] = [
    None,
    "1.0",
    "",
    "nan",
    b"1",
    [1.0],
    [[1.0]],
    (),
    {},
    {"x": 1.0},
    {1.0},
    object(),
    Ellipsis,
    float,
    cw.sin,
    *NEAR_NUMBERS,
]
VALID_EXACT = [Fraction(1, 3), Fraction(-5, 2), Fraction(7, 1)]

NUMPY_VALID: list[Any] = []
NUMPY_HOSTILE: list[Any] = []
if np is not None:
    NUMPY_VALID = [
        np.float16(0.5),
        np.float32(1.5),
        np.float64(-2.5),
        np.longdouble(0.25),
        np.int8(-3),
        np.int16(2),
        np.int32(3),
        np.int64(-2),
        np.uint8(1),
        np.uint16(2),
        np.uint32(3),
        np.uint64(4),
    ]
    NUMPY_HOSTILE = [
        np.float64("nan"),
        np.float32("inf"),
        np.float16(65504.0),
        np.float32(3e38),
        np.longdouble("1e4000"),
        np.longdouble("1e-4000"),
        np.uint64(2**64 - 1),
        np.int64(-(2**63)),
        np.bool_(True),
        np.complex128(1 + 2j),
        np.array(1.0),
        np.array([1.0, 2.0]),
        np.array([[1.0]]),
        np.array([]),
        np.array(["a"]),
        np.float64(1e308),
    ]

valid_float = st.floats(-10.0, 10.0, allow_nan=False, allow_infinity=False)
valid_number = one_of(
    valid_float,
    st.integers(-5, 5),
    st.sampled_from(VALID_EXACT + NUMPY_VALID),
)
positive_number = one_of(
    st.floats(0.01, 10.0),
    st.integers(1, 5),
    st.sampled_from([Fraction(1, 2), *(x for x in NUMPY_VALID if x > 0)]),
)
# One branch per kind of hostility, so that each kind is drawn often.
hostile_number = one_of(
    st.sampled_from(SPECIAL_FLOATS),
    st.sampled_from(HUGE_INTS),
    st.sampled_from(NOT_NUMBERS),
    st.sampled_from(NEAR_NUMBERS),
    *([st.sampled_from(NUMPY_HOSTILE)] if NUMPY_HOSTILE else []),
    st.floats(),
    st.integers(),
)
any_number = one_of(valid_number, hostile_number)

valid_int = st.sampled_from([0, 1, 2, 3, *(x for x in NUMPY_VALID if float(x).is_integer())])
hostile_int = one_of(
    st.sampled_from(
        [
            *(-1, -5, 171, 1000, 10**400, 2**63, 1.0, 2.5, math.nan, math.inf, "2", None, True),
            *([2], Fraction(2, 1), Decimal(2), *NUMPY_HOSTILE[:4]),
        ]
    ),
)


# ------------------------------------------------------------------ sequences


def as_container(values: list[Any], kind: str) -> Any:
    """``values`` as a list, tuple or numpy array (float64, float32 or int64)."""
    if kind == "tuple":
        return tuple(values)
    if np is not None and kind.startswith("array"):
        dtype = {"array": np.float64, "array32": np.float32, "array16": np.float16}[kind]
        return np.array([float(v) for v in values], dtype=dtype)
    return list(values)


CONTAINERS = ["list", "tuple"] + (["array", "array32", "array16"] if np is not None else [])


def valid_vector(size: int, element: Strategy = valid_number) -> Strategy:
    """A point of ``size`` coordinates in a list, tuple or 1-D numpy array."""
    return st.builds(
        as_container, st.lists(element, min_size=size, max_size=size), st.sampled_from(CONTAINERS)
    )


EXTREME_FINITE = [1e300, -1e300, sys.float_info.max, -sys.float_info.max, 5e-324, -0.0, 1e-300]


def hostile_vector(size: int) -> Strategy:
    """Not a point of ``size`` coordinates, or one at the edge of the floats.

    One branch per kind: the wrong shape, entries of the wrong kind, finite
    entries near overflow or underflow, numpy arrays of the wrong shape or
    dtype, and random entries.
    """
    shapes: list[Any] = [
        None,
        "ab",
        b"ab",
        1.0,
        [],
        (),
        {0: 1.0, 1: 2.0},
        {1.0, 2.0},
        [1.0] * (size + 1),
        [1.0] * max(size - 1, 0),
        [[1.0] * size],
        [[1.0]] * size,
        range(size),
        [1.0] * 100,
    ]
    entries: list[Any] = [
        [math.nan] * size,
        [math.inf] + [0.0] * (size - 1),
        [10**400] * size,
        ["1.0"] * size,
        [None] * size,
        [True] * size,
        [complex(1, 1)] * size,
        [Decimal(1)] * size,
        [cw.Value(1.0)] * size,
    ]
    arrays: list[Any] = []
    if np is not None:
        arrays = [
            np.zeros((size, 1)),
            np.zeros((1, size)),
            np.array(1.0),
            np.array([]),
            np.full(size, np.nan),
            np.array(["a"] * size),
            np.zeros(size, dtype=complex),
            np.zeros(size, dtype=bool),
        ]
    return one_of(
        st.sampled_from(shapes),
        st.sampled_from(entries),
        st.lists(st.sampled_from(EXTREME_FINITE) | valid_float, min_size=size, max_size=size),
        *([st.sampled_from(arrays)] if arrays else []),
        st.lists(any_number, min_size=size, max_size=size),
        st.lists(valid_number, min_size=0, max_size=size + 2),
    )


def iterator_of(values: list[Any]) -> Any:
    """A one-shot iterator: calcweb may read a sequence only once."""
    return iter(values)


# ------------------------------------------------------------------ functions


def _raise(error: BaseException) -> Any:
    """Raise ``error`` from the reader's code (a UserError is recorded: calcweb must not eat it)."""
    if isinstance(error, UserError):
        USER_RAISED.append(error)
    raise error


def _raiser(error: BaseException) -> Callable[..., Any]:
    def f(*args: Any) -> Any:  # noqa: ARG001
        _raise(error)

    return f


def _returns(value: Any) -> Callable[..., Any]:
    def f(*args: Any) -> Any:  # noqa: ARG001
        return value

    return f


def _on_call(n: int, error: BaseException, f: Callable[..., Any]) -> Callable[..., Any]:
    """``f``, except that its ``n``-th call raises ``error`` (in the middle of an algorithm)."""
    calls = [0]

    def g(*args: Any) -> Any:
        calls[0] += 1
        if calls[0] == n:
            _raise(error)
        return f(*args)

    return g


def _np_float(x: Any) -> Any:
    return np.float64(x) * 2.0 if np is not None and not isinstance(x, cw.Jet) else x * 2.0


def _raisers() -> list[tuple[str, Callable[..., Any]]]:
    """Fresh functions that raise (fresh: some count their calls)."""
    return [
        ("raises ValueError", _raiser(ValueError("from f"))),
        ("raises ZeroDivisionError", _raiser(ZeroDivisionError("from f"))),
        ("raises OverflowError", _raiser(OverflowError("from f"))),
        ("raises TypeError", _raiser(TypeError("from f"))),
        ("raises ArithmeticError", _raiser(ArithmeticError("from f"))),
        ("raises KeyError", _raiser(KeyError("from f"))),
        ("raises IndexError", _raiser(IndexError("from f"))),
        ("raises UserError", _raiser(UserError("from f"))),
        ("raises UserError on call 2", _on_call(2, UserError("call 2"), lambda *a: 1.0)),
        ("raises UserError on call 7", _on_call(7, UserError("call 7"), lambda *a: 1.0)),
        ("raises UserError on call 40", _on_call(40, UserError("call 40"), lambda *a: 1.0)),
        ("raises ValueError on call 5", _on_call(5, ValueError("call 5"), lambda *a: 1.0)),
    ]


BAD_RESULTS: list[Any] = [
    math.nan,
    math.inf,
    -math.inf,
    "1.0",
    None,
    complex(1.0, 2.0),
    [1.0],
    True,
    10**400,
    Decimal("1"),
    object(),
]
if np is not None:
    BAD_RESULTS += [np.array([1.0]), np.array(1.0), np.float64("nan"), np.complex128(1j)]


def scalar_functions() -> list[tuple[str, Callable[..., Any]]]:
    """Functions of one number: jet-aware, math-only, diverging, returning junk, raising."""
    return [
        ("x*x", lambda x: x * x),
        ("x**3 - 2*x", lambda x: x**3 - 2 * x),
        ("cw.sin", cw.sin),
        ("cw.exp(x)*x", lambda x: cw.exp(x) * x),
        ("cw.log", cw.log),
        ("cw.sqrt", cw.sqrt),
        ("cw.tanh", cw.tanh),
        ("1/x", lambda x: 1 / x),
        ("constant 3.0", lambda x: 3.0),
        ("constant 0", lambda x: 0),
        ("abs", lambda x: abs(x)),
        ("math.sin", lambda x: math.sin(x)),
        ("math.exp", lambda x: math.exp(x)),
        ("math.log", lambda x: math.log(x)),
        ("math.sin(1/x)", lambda x: math.sin(1 / x)),
        ("math.exp(1000 x)", lambda x: math.exp(1000 * x)),
        ("x**1000", lambda x: x**1000),
        ("1e308 * x", lambda x: 1e308 * x),
        ("x * 1e-320", lambda x: x * 1e-320),
        ("cmath.exp", lambda x: cmath.exp(x)),
        ("Fraction result", lambda x: Fraction(1, 3) if not isinstance(x, cw.Jet) else x / 3),
        ("numpy float64 result", _np_float),
        ("nan for x > 0.5", lambda x: math.nan if x > 0.5 else x * x),
        ("str for x > 0", lambda x: "big" if x > 0 else x),
        ("UserError for x > 0.5", lambda x: x if x <= 0.5 else _raise(UserError(f"x={x!r}"))),
        *((f"returns {v!r:.30}", _returns(v)) for v in BAD_RESULTS),
        *_raisers(),
    ]


def vector_functions() -> list[tuple[str, Callable[..., Any]]]:
    """Functions of a point (a list) returning a number."""
    return [
        ("p[0]*p[1]", lambda p: p[0] * p[1]),
        ("sum(p)", lambda p: sum(p)),
        ("cw.exp(p[0]) + p[-1]**2", lambda p: cw.exp(p[0]) + p[-1] ** 2),
        ("rosenbrock", lambda p: (1 - p[0]) ** 2 + 100 * (p[-1] - p[0] ** 2) ** 2),
        ("constant 1.0", lambda p: 1.0),
        ("math.sin(p[0])", lambda p: math.sin(p[0])),
        ("math.hypot(*p)", lambda p: math.hypot(*p)),
        ("cw.log(p[0])", lambda p: cw.log(p[0])),
        ("1/p[0]", lambda p: 1 / p[0]),
        ("p[0]**1000", lambda p: p[0] ** 1000),
        ("p (a list)", lambda p: p),
        ("p[9]", lambda p: p[9]),
        ("p.append", lambda p: p.append(1.0)),
        *((f"returns {v!r:.30}", _returns(v)) for v in BAD_RESULTS),
        *_raisers(),
    ]


def vector_valued_functions() -> list[tuple[str, Callable[..., Any]]]:
    """Functions of a point returning a sequence (for jacobian)."""
    out = [
        ("[p0*p1, p0]", lambda p: [p[0] * p[1], p[0]]),
        ("(p0,)", lambda p: (p[0],)),
        ("[cw.sin(p0), p1**2, 1.0]", lambda p: [cw.sin(p[0]), p[-1] ** 2, 1.0]),
        ("[math.exp(p0)]", lambda p: [math.exp(p[0])]),
        ("list(p)", lambda p: list(p)),
        *(
            [("np.array([p0*p1, p0])", lambda p: np.array([p[0] * p[1], p[0]]))]
            if np is not None
            else [("[p0 + p1]", lambda p: [p[0] + p[-1]])]
        ),
        ("[]", lambda p: []),
        ("[p0, 'a']", lambda p: [p[0], "a"]),
        ("[[p0]]", lambda p: [[p[0]]]),
        ("p0 (a scalar)", lambda p: p[0]),
        ("{0: p0}", lambda p: {0: p[0]}),
        ("iter([p0])", lambda p: iter([p[0]])),
        ("[nan]", lambda p: [math.nan]),
        ("[10**400]", lambda p: [10**400]),
        ("'ab'", lambda p: "ab"),
        ("[p0] or [p0, p1] by value", lambda p: [p[0]] if p[0] > 0 else [p[0], p[0]]),
        *_raisers(),
    ]
    if np is not None:
        out += [
            ("np.array([[p0]])", lambda p: np.array([[p[0]]])),
            ("np.float32 entries", lambda p: [np.float32(2.0) * p[0], np.int64(3)]),
        ]
    return out


def planar_functions() -> list[tuple[str, Callable[..., Any]]]:
    """Functions of two numbers f(x, y) (contour plots)."""
    return [
        ("x*x + y*y", lambda x, y: x * x + y * y),
        ("math.hypot", lambda x, y: math.hypot(x, y)),
        ("x*y", lambda x, y: x * y),
        ("log(x)", lambda x, y: math.log(x)),
        ("exp(1000 x y)", lambda x, y: math.exp(1000 * x * y)),
        ("x / y", lambda x, y: x / y),
        ("1e308 * x", lambda x, y: 1e308 * x),
        ("nan", lambda x, y: math.nan),
        ("'a'", lambda x, y: "a"),
        ("constant 0", lambda x, y: 0.0),
        *_raisers(),
    ]


def descent_functions() -> list[tuple[str, Callable[..., Any]]]:
    """Functions ``minimize`` may be given: of a Value or of a list of Values."""
    return [
        ("(x-3)**2", lambda x: (x - 3) ** 2),
        ("x*x", lambda x: x * x),
        ("(p0-1)**2 + p1**2", lambda p: (p[0] - 1) ** 2 + p[1] ** 2),
        ("rosenbrock", lambda p: (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2),
        ("-x*x (unbounded)", lambda x: -x * x),
        ("x (unbounded)", lambda x: x),
        ("x**4 (steep)", lambda x: x**4),
        ("cw.exp(x)", lambda x: cw.exp(x)),
        ("cw.log(x)", lambda x: cw.log(x)),
        ("x.relu()", lambda x: x.relu()),
        ("math.sin(x)", lambda x: math.sin(x)),
        ("constant 1.0", lambda x: 1.0),
        ("sum(p)", lambda p: sum(p)),
        *((f"returns {v!r:.30}", _returns(v)) for v in BAD_RESULTS),
        *_raisers(),
    ]


WRONG_ARITY: list[tuple[str, Any]] = [
    ("lambda: 1.0", lambda: 1.0),
    ("lambda x, y: x", lambda x, y: x),
    ("math.atan2", math.atan2),
    ("lambda *, x: x", lambda *, x: x),
]
NOT_CALLABLE: list[Any] = [None, 3.0, "sin", [cw.sin], cw.Value(1.0)]


Catalog = Callable[[], list[tuple[str, Callable[..., Any]]]]


def _named(catalog: Catalog, i: int) -> Callable[..., Any]:
    """The ``i``-th function of ``catalog``, named by its label if it is one of ours."""
    label, f = catalog()[i]
    if getattr(f, "__module__", None) == __name__:  # a fresh lambda: safe to rename
        f.__name__ = f.__qualname__ = label
    return f


def function_strategy(catalog: Catalog) -> Strategy:
    """A valid-or-hostile function from ``catalog``.

    The catalog is called per draw, so functions that count their calls start
    from zero in every example.
    """
    return st.builds(_named, st.just(catalog), st.integers(0, len(catalog()) - 1))


def good_function(catalog: Catalog, n: int) -> Strategy:
    """One of the first ``n`` (well-behaved) functions of ``catalog``."""
    return st.builds(_named, st.just(catalog), st.integers(0, n - 1))


def functions(catalog: Catalog, good: int) -> tuple[Strategy, Strategy]:
    """(valid, hostile) strategies for a function parameter.

    The first ``good`` functions of ``catalog`` are well-behaved (they may
    still leave their domain); the rest, and things that are not functions of
    one argument, are hostile.
    """
    hostile = st.builds(_named, st.just(catalog), st.integers(good, len(catalog()) - 1))
    return good_function(catalog, good), hostile | hostile_callable


hostile_callable = st.sampled_from([f for _, f in WRONG_ARITY] + NOT_CALLABLE)


# ------------------------------------------------------------------ other kinds

hostile_text = st.sampled_from(
    [
        None,
        3,
        b"bytes",
        ["a"],
        "",
        "<script>alert(1)</script>",
        "a & b < c",
        "x" * 500,
        "\x00\ud800",
    ]
)
valid_text = st.sampled_from(["", "f(x)", "Loss", "π ≈ 3.14", "a & b < c", "<b>bold</b>"])
hostile_bool = st.sampled_from([None, "yes", 0, 1, 2, 1.0, math.nan, [True]])
valid_bool = st.booleans()


def valid_pair(lo: Strategy = valid_float) -> Strategy:
    """A sorted pair of distinct numbers (limits of an axis)."""
    return st.tuples(lo, lo).filter(lambda p: p[0] != p[1]).map(lambda p: (min(p), max(p)))


hostile_pair = st.sampled_from(
    [
        None,
        (1.0,),
        (1.0, 2.0, 3.0),
        (2.0, 1.0),
        (1.0, 1.0),
        (math.nan, 1.0),
        (-math.inf, math.inf),
        (0.0, 1e-320),
        (-1e308, 1e308),
        ("a", "b"),
        (10**400, 10**401),
        "ab",
        1.0,
        (None, None),
        [0.0, [1.0]],
    ]
)


# Parameters that take the reader's function are made hostile this many times
# as often as the others: what a function does inside an algorithm is where
# most surprises hide.
FUNCTION_PARAMETERS = {"f": 3, "function": 2, "candidate": 2, "reference": 2}


def arguments(
    draw: Callable[[Strategy], Any], **params: tuple[Strategy, Strategy]
) -> dict[str, Any]:
    """Draw every parameter: all valid, or all valid but one hostile.

    All valid is twice as likely as any one parameter hostile, and a function
    parameter is hostile more often (`FUNCTION_PARAMETERS`).

    Args:
        draw: hypothesis' ``data.draw``.
        params: name -> (valid strategy, hostile strategy). A valid strategy
            may produce `OMIT` to leave the parameter out.

    Returns:
        The keyword arguments, `OMIT` ones left out.
    """
    names = list(params)
    choices = [None, None] + [n for n in names for _ in range(FUNCTION_PARAMETERS.get(n, 1))]
    hostile = draw(st.sampled_from(choices))
    values = {name: draw(params[name][name == hostile]) for name in names}
    return {name: value for name, value in values.items() if value is not OMIT}


def omittable(strategy: Strategy) -> Strategy:
    """``strategy``, or `OMIT` (the default)."""
    return st.just(OMIT) | strategy
