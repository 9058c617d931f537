"""What the calculus functions accept (issue 14): numpy in, Decimal and complex out, huge ints,
functions of the wrong arity, a point passed to grad(f, x), division by zero, float(result).

numpy is optional (absent in Pyodide): the tests that need it skip themselves.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

import calcweb as cw
from calcweb import Jet

NUMPY_DTYPES = [
    "float16", "float32", "float64", "longdouble",
    "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
]  # fmt: skip


def numpy() -> Any:
    return pytest.importorskip("numpy", reason="numpy is optional (absent in Pyodide)")


def product(p: Sequence[Any]) -> Any:
    return p[0] * p[1] + cw.exp(p[0])


@pytest.mark.parametrize("dtype", NUMPY_DTYPES)
def test_numpy_scalars_of_every_dtype_are_numbers(dtype: str) -> None:
    np = numpy()
    x = np.dtype(dtype).type(2)
    assert cw.derivative(cw.sin, x) == cw.derivative(cw.sin, 2.0)
    assert cw.derivative(math.sin, x, np.int64(2)) == cw.derivative(math.sin, 2.0, 2)
    assert cw.central_difference(math.exp, x) == cw.central_difference(math.exp, 2.0)
    assert cw.taylor(cw.exp, x, np.uint8(3)).coefficients == cw.taylor(cw.exp, 2.0, 3).coefficients
    assert cw.sqrt(x) == math.sqrt(2.0)
    assert type(cw.sqrt(x)) is float
    assert cw.pow(x, np.float32(0.5)) == math.sqrt(2.0)
    assert (Jet.variable(x, 2) * x).coefficients == (4.0, 2.0, 0.0)
    assert (x * Jet.variable(1.0, 1)).coefficients == (2.0, 2.0)  # numpy on the left defers
    assert cw.grad(product)([x, x]) == cw.grad(product)([2.0, 2.0])
    assert cw.hessian(product)((x, 1.0)) == cw.hessian(product)([2.0, 1.0])
    assert cw.directional_derivative(product, [x, x], [x, 0]) == pytest.approx(
        2.0 * cw.grad(product)([2.0, 2.0])[0], rel=1e-15
    )


@pytest.mark.parametrize("dtype", ["float16", "float32", "float64", "int64", "uint8"])
def test_one_dimensional_arrays_are_points(dtype: str) -> None:
    np = numpy()
    point = np.array([1.0, 2.0], dtype=dtype)
    gradient = cw.grad(product)(point)
    assert gradient == cw.grad(product)([1.0, 2.0])
    assert all(type(g) is float for g in gradient)
    assert cw.jacobian(lambda p: [p[0] * p[1], p[0]])(point) == [[2.0, 1.0], [1.0, 0.0]]
    assert cw.directional_derivative(product, point, np.array([0, 1])) == 1.0
    assert Jet(np.array([1.0, 2.0], dtype=dtype)).coefficients == (1.0, 2.0)


@pytest.mark.parametrize("method", ["auto", "ad", "richardson", "central"])
def test_jacobian_of_a_function_returning_an_ndarray(method: str) -> None:
    np = numpy()
    matrix = cw.jacobian(lambda p: np.array([p[0] * p[1], p[0]]), method=method)([1.0, 2.0])
    for row, exact in zip(matrix, [[2.0, 1.0], [1.0, 0.0]], strict=True):
        assert row == pytest.approx(exact, rel=1e-8, abs=1e-10)
    assert all(type(v) is float for row in matrix for v in row)


def test_jacobian_outputs_may_be_any_sequence_or_iterable() -> None:
    for f in (lambda p: (p[0], p[1]), lambda p: iter([p[0], p[1]]), lambda p: range(2)):
        assert len(cw.jacobian(f)([1.0, 2.0])) == 2


@pytest.mark.parametrize(
    "outputs", [lambda p: [], lambda p: {"a": p[0]}, lambda p: "ab", lambda p: p[0]]
)
def test_jacobian_refuses_outputs_that_are_not_a_vector(outputs: Callable[..., Any]) -> None:
    with pytest.raises((cw.ArgumentTypeError, cw.InvalidArgumentError)):
        cw.jacobian(outputs)([1.0, 2.0])


def test_jacobian_refuses_a_number_of_outputs_that_changes() -> None:
    f = cw.jacobian(lambda p: [p[0]] if p[0] > 1.0 else [p[0], p[1]], method="richardson")
    with pytest.raises(cw.InvalidArgumentError, match="same number of outputs"):
        f([1.0, 2.0])


@pytest.mark.parametrize("bad", [Decimal("1.5"), complex(1.5, 0.0), 1.5j])
def test_decimal_and_complex_are_refused_with_a_clear_type_error(bad: object) -> None:
    fix = "float(" if isinstance(bad, Decimal) else "real"
    calls: list[Callable[[], object]] = [
        lambda: cw.derivative(math.sin, bad),  # type: ignore[arg-type]
        lambda: cw.central_difference(math.sin, bad),  # type: ignore[arg-type]
        lambda: cw.taylor(cw.sin, bad, 2),  # type: ignore[arg-type]
        lambda: cw.grad(product)([1.0, bad]),  # type: ignore[list-item]
        lambda: Jet([1.0, bad]),  # type: ignore[list-item]
        lambda: Jet.variable(1.0, 2) + bad,
        lambda: Jet.variable(1.0, 2) ** bad,
        lambda: Jet.variable(1.0, 2) < bad,
    ]
    if isinstance(bad, Decimal):  # complex numbers have complex versions of these
        calls += [lambda: cw.sin(bad), lambda: cw.sqrt(bad), lambda: cw.pow(bad, 2)]
    for call in calls:
        with pytest.raises(cw.ArgumentTypeError, match=r"real number.*" + fix.replace("(", r"\(")):
            call()


def test_decimal_is_never_computed_with() -> None:
    # Decimal has .sqrt() and .exp(): the duck-typed dispatch must not reach them.
    with pytest.raises(cw.ArgumentTypeError):
        cw.sqrt(Decimal(2))
    with pytest.raises(cw.ArgumentTypeError):
        cw.pow(Decimal(2), Decimal(2))


@pytest.mark.parametrize("huge", [10**400, -(10**400), Fraction(10**400, 3)])
def test_numbers_beyond_the_float_range_are_numerical_errors(huge: object) -> None:
    calls: list[Callable[[], object]] = [
        lambda: cw.derivative(math.sin, huge),  # type: ignore[arg-type]
        lambda: cw.sin(huge),
        lambda: cw.pow(2.0, huge),
        lambda: Jet.constant(huge, 2),  # type: ignore[arg-type]
        lambda: Jet.variable(1.0, 2) * huge,
        lambda: cw.taylor(cw.exp, huge, 2),  # type: ignore[arg-type]
        lambda: cw.grad(product)([huge, 1.0]),  # type: ignore[list-item]
        lambda: cw.derivative(lambda x: huge, 1.0, method="central"),
        lambda: cw.derivative(lambda x: huge, 1.0, n=0),
        lambda: cw.taylor(lambda x: huge, 0.0, 2),
    ]
    for call in calls:
        with pytest.raises(cw.NumericalError, match="float"):
            call()


def test_huge_ints_compare_with_jets_exactly() -> None:
    x = Jet.variable(1e308, 1)
    assert x < 10**400
    assert not x > 10**400


@pytest.mark.parametrize("name", ["grad", "hessian", "jacobian"])
def test_a_point_passed_to_grad_says_to_write_grad_f_of_x(name: str) -> None:
    make = getattr(cw, name)
    f = (lambda p: [product(p)]) if name == "jacobian" else product
    with pytest.raises(cw.ArgumentTypeError, match=rf"write {name}\(f\)\(x\), not {name}\(f, x\)"):
        make(f, [1.0, 2.0])
    assert make(f)([1.0, 2.0])  # the right way still works


def test_derivative_result_converts_like_the_integral_and_limit_results() -> None:
    result = cw.derivative(cw.exp, 0.0, full_output=True)
    assert float(result) == 1.0
    assert math.isclose(float(cw.integrate(lambda x: 2 * x, 0.0, 1.0, full_output=True)), 1.0)
    assert math.isclose(float(cw.limit(math.sin, 0.5, full_output=True)), math.sin(0.5))
    built = cw.DerivativeResult(Fraction(1, 2), 0, 1, "ad", None)
    assert type(built.value) is float
    assert float(built) == 0.5
    with pytest.raises(cw.ArgumentTypeError):
        cw.DerivativeResult("1.0", 0.0, 1, "ad", None)  # type: ignore[arg-type]


WRONG_ARITY: list[Callable[..., Any]] = [lambda: 1.0, lambda x, y: x, math.atan2, math.hypot]


@pytest.mark.parametrize("f", WRONG_ARITY[:3])
def test_a_function_of_the_wrong_arity_is_an_argument_type_error(f: Callable[..., Any]) -> None:
    calls: list[Callable[[], object]] = [
        lambda: cw.derivative(f, 1.0),
        lambda: cw.derivative(f, 1.0, method="forward"),
        lambda: cw.central_difference(f, 1.0),
        lambda: cw.taylor(f, 1.0, 2),
        lambda: cw.grad(f)([1.0, 2.0]),
        lambda: cw.jacobian(f)([1.0, 2.0]),
        lambda: cw.hessian(f)([1.0]),
    ]
    for call in calls:
        with pytest.raises(cw.ArgumentTypeError, match="could not be called"):
            call()


class ReadersError(Exception):
    pass


def test_exceptions_raised_inside_the_function_pass_through_unchanged() -> None:
    def f(x: Any) -> Any:  # noqa: ARG001  (it raises whatever x is)
        raise error

    for error in (TypeError("inside f"), ReadersError("mine"), KeyError("k")):
        for call in (
            lambda: cw.central_difference(f, 1.0),
            lambda: cw.derivative(f, 1.0, method="richardson"),
            lambda: cw.grad(f)([1.0]),
            lambda: cw.jacobian(f)([1.0]),
        ):
            with pytest.raises(type(error)) as caught:
                call()
            assert caught.value is error


def test_division_by_zero_is_one_error_class() -> None:
    for call in (
        lambda: 1.0 / Jet.variable(0.0, 2),
        lambda: Jet.variable(0.0, 2) ** -1,
        lambda: cw.pow(0.0, -1.0),
        lambda: cw.derivative(lambda x: 1 / x, 0.0, method="central", n=0),
    ):
        with pytest.raises(cw.DivisionByZeroError) as caught:
            call()
        assert isinstance(caught.value, ZeroDivisionError)
        assert isinstance(caught.value, cw.DomainError)


def test_jets_refuse_what_overflows() -> None:
    with pytest.raises(cw.NumericalError, match="overflowed"):
        Jet([1e200, 1.0]) * Jet([1e200, 1.0])
    with pytest.raises(cw.InvalidArgumentError, match="degree"):
        Jet.variable(0.0, 10**6)
    with pytest.raises(cw.ArgumentTypeError, match="flat"):
        Jet([[1.0, 2.0]])


def test_jets_take_bools_as_python_does() -> None:
    x = Jet.variable(2.0, 2)
    assert (x * (x > 0)).coefficients == x.coefficients  # a relu written by hand
    assert (x + True).coefficients == (3.0, 1.0, 0.0)


def test_directions_of_any_size() -> None:
    # v = 1e300 * e_0 used to overflow when scaled to the point's size.
    assert cw.directional_derivative(sum, [1e300], [1e300]) == 1e300
    assert cw.directional_derivative(sum, [1.0, 2.0], [5e-324, 0.0]) == 5e-324
    with pytest.raises(cw.NumericalError):
        cw.directional_derivative(lambda p: p[0] * p[0], [1e300], [1e300])


def test_a_taylor_polynomial_built_by_hand_holds_floats() -> None:
    np = numpy()
    p = cw.TaylorPolynomial(math.exp, np.float32(0.0), np.array([1, 1, 1]), [0, 0, 0], "ad")
    assert p.coefficients == (1.0, 1.0, 0.5)
    assert type(p(np.float16(1.0))) is float
    for bad in (
        lambda: cw.TaylorPolynomial(3.0, 0.0, [1.0], [0.0], "ad"),  # type: ignore[arg-type]
        lambda: cw.TaylorPolynomial(math.exp, 0.0, [1.0, "a"], [0.0, 0.0], "ad"),  # type: ignore[list-item]
        lambda: cw.TaylorPolynomial(math.exp, 0.0, [1.0], [0.0, 0.0], "ad"),
        lambda: cw.TaylorPolynomial(math.exp, 0.0, [1.0], [-1.0], "ad"),
    ):
        with pytest.raises(cw.CalcwebError):
            bad()


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_a_point_with_nan_or_inf_names_the_entry(bad: float) -> None:
    with pytest.raises(cw.InvalidArgumentError, match=r"x\[1\] must be a finite number"):
        cw.grad(product)([1.0, bad])
    with pytest.raises(cw.InvalidArgumentError, match=r"v\[0\] must be a finite number"):
        cw.directional_derivative(product, [1.0, 2.0], [bad, 0.0])
    with pytest.raises(cw.InvalidArgumentError, match=r"coefficients\[0\] must be a finite"):
        Jet([bad])


def test_pow_turns_errors_of_the_operands_own_power_into_calcweb_errors() -> None:
    np = numpy()
    with pytest.raises(cw.DomainError, match="negative integer powers"):
        cw.pow(np.array([2, 3]), np.array([-1, -1]))
    with pytest.raises(cw.NumericalError):
        cw.pow(complex(1e300, 1e300), 2)


def test_pow_of_numpy_scalars_computes_in_python() -> None:
    np = numpy()
    # numpy would warn (an error under pytest) and return inf+nanj
    with pytest.raises(cw.NumericalError, match="overflows"):
        cw.pow(1 + 2j, np.float16(65504.0))
    assert cw.pow(2j, np.int64(2)) == -4 + 0j
    assert type(cw.pow(np.float32(2.0), np.int8(3))) is float
