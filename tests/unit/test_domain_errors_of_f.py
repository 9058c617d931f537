"""f's own ValueError or ZeroDivisionError becomes calcweb's error, naming the point, on every path.

`evaluate` turned them into DomainError / DivisionByZeroError on the
numerical paths only: on the jet (and Value) paths that "auto" tries first,
``cw.derivative(lambda x: 1 / 0, 1.0)`` raised a bare ZeroDivisionError, and
``cw.grad(lambda p: math.log(p[0] - 2))([1.0])`` named the point as ``f(0.0)``
(the parameter of the line through it), not ``f([1.0])`` (with
``method="ad"``, as ``f(a Jet at 0.0)``, until the jet path named the point
too). Where f fails at ``x`` itself the error says to move ``x`` into the
domain of f: no step or one-sided formula helps there. Other exceptions of
f (a KeyError of the reader's own) still pass through unchanged.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pytest

import calcweb as cw
from calcweb.plot import Figure


def one_over_zero(_x: Any) -> Any:
    return 1 / 0


def log_left_of_2(p: Any) -> Any:
    return math.log(p[0] - 2.0)  # a jet refuses math.log: TypeError, then floats: ValueError


def sqrt_of_minus_one(x: Any) -> Any:
    return math.sqrt(-1.0) + x  # ValueError before x is touched, jet or float


CALLS: dict[str, tuple[Callable[[], object], type[Exception], str]] = {
    "derivative auto": (
        lambda: cw.derivative(one_over_zero, 1.0),
        cw.DivisionByZeroError,
        "f(1.0)",
    ),
    "derivative ad": (
        lambda: cw.derivative(one_over_zero, 1.0, method="ad"),
        cw.DivisionByZeroError,
        "f(a Jet at 1.0)",
    ),
    "derivative sqrt": (lambda: cw.derivative(sqrt_of_minus_one, 2.0), cw.DomainError, "f(2.0)"),
    "grad auto": (
        lambda: cw.grad(lambda p: 1 / 0)([1.0, 2.0]),
        cw.DivisionByZeroError,
        "f([1.0, 2.0])",
    ),
    "grad log": (lambda: cw.grad(log_left_of_2)([1.0]), cw.DomainError, "f([1.0])"),
    "grad ad": (
        lambda: cw.grad(lambda p: 1 / 0, method="ad")([1.0]),
        cw.DivisionByZeroError,
        "f(calcweb.Jets at [1.0])",  # not t = 0.0 on the line through it
    ),
    "hessian ad": (
        lambda: cw.hessian(lambda p: 1 / 0, method="ad")([1.0, 2.0]),
        cw.DivisionByZeroError,
        "f(calcweb.Jets at [1.0, 2.0])",
    ),
    "hessian log": (lambda: cw.hessian(log_left_of_2)([1.0, 5.0]), cw.DomainError, "f([1.0, 5.0])"),
    "directional log": (
        lambda: cw.directional_derivative(log_left_of_2, [1.0, 5.0], [1.0, 0.0]),
        cw.DomainError,
        "f([1.0, 5.0])",
    ),
    "jacobian": (lambda: cw.jacobian(lambda p: [1 / 0])([1.0]), cw.DivisionByZeroError, "f([1.0])"),
    "jacobian log": (
        lambda: cw.jacobian(lambda p: [log_left_of_2(p)])([1.0]),
        cw.DomainError,
        "f([1.0])",
    ),
    "jvp auto": (lambda: cw.jvp(log_left_of_2, [1.0], [1.0]), cw.DomainError, "f([1.0])"),
    "jvp ad": (
        lambda: cw.jvp(lambda p: 1 / 0, [1.0], [1.0], method="ad"),
        cw.DivisionByZeroError,
        "f(calcweb.Jets at [1.0])",
    ),
    "vjp auto": (lambda: cw.vjp(log_left_of_2, [1.0]), cw.DomainError, "f([1.0])"),
    "vjp ad": (
        lambda: cw.vjp(lambda p: 1 / 0, [1.0], method="ad"),
        cw.DivisionByZeroError,
        "f(calcweb.nn.Values at [1.0])",
    ),
    "taylor": (lambda: cw.taylor(one_over_zero, 1.0, 2), cw.DivisionByZeroError, "f(1.0)"),
    "taylor high degree": (
        lambda: cw.taylor(one_over_zero, 1.0, 20),
        cw.DivisionByZeroError,
        "f(a Jet at 1.0)",
    ),
    "minimize": (lambda: cw.minimize(one_over_zero, 1.0), cw.DivisionByZeroError, "f at 1.0"),
}


def _raised(name: str) -> BaseException:
    """The error that the call ``CALLS[name]`` raises, checked to be of its kind."""
    run, kind, _ = CALLS[name]
    with pytest.raises(kind) as raised:
        run()
    return raised.value


@pytest.mark.parametrize("name", list(CALLS))
def test_f_s_own_domain_error_is_calcweb_s_and_names_the_point(name: str) -> None:
    error = _raised(name)
    message = str(error)
    assert message.startswith(f"{CALLS[name][2]} raised "), message
    assert "outside the domain of f" in message
    # The reader's own exception stays reachable, as the cause.
    assert type(error.__cause__) in (ValueError, ZeroDivisionError)


# Where f fails at x itself no step or one-sided formula helps (a one-sided
# formula calls f at x too, and f has no derivative where it has no value):
# the error says to move x (x0) into the domain of f, on every path, the
# numerical ones ("auto" falls back to them) included.
AT_X_ITSELF = {
    "derivative auto": "x",
    "derivative ad": "x",
    "derivative sqrt": "x",
    "grad auto": "x",
    "grad log": "x",
    "grad ad": "x",
    "hessian ad": "x",
    "hessian log": "x",
    "directional log": "x",
    "jacobian": "x",
    "jacobian log": "x",
    "jvp auto": "x",
    "jvp ad": "x",
    "vjp auto": "x",
    "vjp ad": "x",
    "taylor": "x0",
    "taylor high degree": "x0",
}


@pytest.mark.parametrize("name", list(AT_X_ITSELF))
def test_f_failing_at_x_itself_says_to_move_x_into_the_domain(name: str) -> None:
    message = str(_raised(name))
    assert message.endswith(f"; move {AT_X_ITSELF[name]} into the domain of f"), message
    assert "one-sided" not in message


@pytest.mark.parametrize("method", ["central", "forward", "backward", "richardson"])
@pytest.mark.parametrize("n", [1, 2])
@pytest.mark.parametrize("full_output", [False, True])
def test_every_formula_needs_f_at_x_itself(method: str, n: int, full_output: bool) -> None:
    # The one-sided stencils evaluate f(x) (offsets n..0 and 0..-n), so where f
    # fails at x itself they fail too: the error says so, and offers none. The
    # central quotient of order 1 does not use f(x), but f has no derivative
    # where it has no value: it was 2.7e10 for 1/(x - 1) at 1 (with full_output,
    # Richardson's refusal, which offered full_output=False for the quotient alone).
    with pytest.raises(cw.DivisionByZeroError) as raised:
        cw.derivative(lambda x: 1 / (x - 1.0), 1.0, n, method=method, full_output=full_output)
    message = str(raised.value)
    assert message.startswith("f(1.0) raised ZeroDivisionError"), message
    assert message.endswith("; move x into the domain of f"), message


@pytest.mark.parametrize(
    "run",
    [
        lambda f: cw.diff.central_difference(f, 1.0),
        lambda f: cw.directional_derivative(lambda p: f(p[0]), [1.0], [1.0], method="central"),
    ],
)
def test_the_central_difference_needs_f_at_x_itself(run: Callable[[Any], object]) -> None:
    # 2.7e10 for 1/(x - 1) at 1, from f(1 +- 6e-6) alone, before.
    with pytest.raises(cw.DivisionByZeroError) as raised:
        run(lambda x: 1 / (x - 1.0))
    message = str(raised.value)
    assert message.startswith(("f(1.0) raised ZeroDivisionError", "f([1.0]) raised")), message
    assert message.endswith("; move x into the domain of f"), message


@pytest.mark.parametrize(
    "run",
    [
        lambda: cw.derivative(math.log, -1.0, method="central"),  # f(x +- h) fail first
        lambda: cw.derivative(math.log, -1.0, 3, method="central", full_output=True),
        lambda: cw.derivative(math.log, -1.0, 2, method="forward"),  # f(x + 2h) first
        lambda: cw.diff.central_difference(math.log, -1.0),
        lambda: cw.diff.forward_difference(math.log, -1.0),
        lambda: cw.diff.backward_difference(math.log, -1.0),
    ],
)
def test_f_failing_near_x_and_at_x_itself_names_x(run: Callable[[], object]) -> None:
    # A stencil point near x failed first; so does x itself, where no formula helps.
    with pytest.raises(cw.DomainError) as raised:
        run()
    message = str(raised.value)
    assert message.startswith("f(-1.0) raised ValueError"), message
    assert message.endswith("; move x into the domain of f"), message


def test_f_failing_near_x_inside_its_domain_offers_a_one_sided_formula_that_works() -> None:
    # sqrt at 1e-12: the central stencil leaves the domain, x itself is inside it.
    with pytest.raises(cw.DomainError) as raised:
        cw.derivative(math.sqrt, 1e-12, method="central")
    message = str(raised.value)
    assert message.startswith("f(-6.0"), message
    assert message.endswith(
        "; move x away from the edge of the domain or use a one-sided formula that stays inside it"
    )
    assert cw.derivative(math.sqrt, 1e-12, method="forward") > 0.0  # which it does


@pytest.mark.parametrize("method", ["central", "forward"])
def test_f_with_no_number_at_x_is_refused_at_x(method: str) -> None:
    # f(x) is inf: f has no derivative there, and every formula asks for f(x) first
    # (the central one too, which does not use it: before, its error near x, at
    # -6.0e-6, offered a one-sided formula, which would evaluate f(0) = inf too).
    def f(t: float) -> float:
        return math.inf if t == 0.0 else math.log(t)

    with pytest.raises(cw.NumericalError, match=r"^f\(0\.0\) returned inf, which is not"):
        cw.derivative(f, 0.0, method=method)


@pytest.mark.parametrize(
    "run",
    [
        lambda: cw.grad(lambda p: math.log(p[0]), method="central")([1e-12, 1.0]),
        lambda: cw.hessian(lambda p: math.log(p[0]), method="central")([1e-12, 1.0]),
        lambda: cw.directional_derivative(
            lambda p: math.log(p[0]), [1e-12, 1.0], [1.0, 0.0], method="central"
        ),
    ],
)
def test_f_failing_on_a_line_through_x_offers_no_one_sided_formula(
    run: Callable[[], object],
) -> None:
    # The numerical path of grad and hessian differentiates f along lines through x,
    # which has no one-sided formula to offer (derivative's method='forward'); x
    # itself is inside the domain, a point of the line near it is not.
    with pytest.raises(cw.DomainError) as raised:
        run()
    message = str(raised.value)
    assert message.endswith("; move x inside the domain of f, away from its edge"), message


def test_minimize_says_to_move_x0_into_the_domain() -> None:
    # Only x0's error reaches the reader (a later point's stops the run), and no
    # learning rate helps there: it said "or take smaller steps (a smaller lr)".
    with pytest.raises(cw.DomainError) as raised:
        cw.minimize(lambda x: math.sqrt(-1.0) + x, 1.0)
    assert str(raised.value).endswith("; move x0 into the domain of f"), raised.value


def test_an_f_that_fails_only_on_jets_falls_back_to_differences() -> None:
    # "auto" tries jets first; f's ValueError there says only that f was not written
    # for them: at floats f is x**2, and the numerical path answers.
    def squares_floats_only(x: Any) -> Any:
        if not isinstance(x, float):
            raise ValueError("floats only")
        return x * x

    assert cw.derivative(squares_floats_only, 3.0) == pytest.approx(6.0, rel=1e-12)
    assert cw.grad(lambda p: squares_floats_only(p[0]))([3.0])[0] == pytest.approx(6.0, rel=1e-12)
    assert cw.taylor(squares_floats_only, 3.0, 2).coefficients[1] == pytest.approx(6.0, rel=1e-9)


def test_calcweb_s_own_domain_error_on_a_jet_is_not_a_fallback() -> None:
    # A jet's log of a negative number is an answer ("undefined"), not "f refuses jets".
    with pytest.raises(cw.DomainError, match=r"^log\(-1\.0\) is undefined"):
        cw.derivative(cw.log, -1.0)


@pytest.mark.parametrize(
    "run",
    [
        lambda f: cw.derivative(f, 1.0),
        lambda f: cw.derivative(f, 1.0, method="ad"),
        lambda f: cw.grad(f)([1.0]),
        lambda f: cw.taylor(f, 1.0, 2),
        lambda f: cw.minimize(f, 1.0),
    ],
)
def test_other_exceptions_of_f_pass_through_unchanged(run: Callable[[Any], object]) -> None:
    def lookup(_x: Any) -> Any:
        return {}["missing"]

    with pytest.raises(KeyError):
        run(lookup)


def test_a_one_sided_formula_that_fails_is_told_of_the_one_that_stays_inside() -> None:
    # backward_difference of sqrt at 0 leaves the domain; "use a one-sided formula" was
    # already done: the one that stays inside the domain (forward) is what works.
    with pytest.raises(cw.DomainError) as raised:
        cw.backward_difference(math.sqrt, 0.0)
    assert str(raised.value).endswith(
        "; move x away from the edge of the domain or use a one-sided formula that stays inside it"
    )
    assert cw.forward_difference(math.sqrt, 0.0) > 0.0  # which works


@pytest.mark.parametrize(
    "run",
    [
        lambda: cw.integrate(math.log, -1.0, 1.0),
        lambda: cw.integrate(math.log, -1.0, math.inf),
        lambda: cw.integrate(math.log, -math.inf, math.inf),
        lambda: cw.integrate(lambda x: 1 / x, -1.0, 1.0, method="simpson"),
        lambda: cw.riemann_sum(lambda x: 1 / x, 0.0, 1.0, 10),
    ],
    ids=["adaptive", "half-line", "line", "simpson", "riemann"],
)
def test_f_failing_inside_an_interval_is_told_to_integrate_inside_its_domain(
    run: Callable[[], object],
) -> None:
    # An integral has no x to move and no one-sided formula (evaluate's default advice).
    with pytest.raises(cw.DomainError) as raised:
        run()
    message = str(raised.value)
    assert message.startswith("f(0.0) raised"), message
    assert message.endswith("; integrate f over intervals inside its domain"), message
    assert cw.integrate(math.log, 1.0, 2.0) == pytest.approx(2.0 * math.log(2.0) - 1.0)


def test_a_tangent_where_f_fails_at_x0_is_told_to_move_x0() -> None:
    with pytest.raises(cw.DomainError) as raised:
        Figure().tangent(math.log, -1.0)
    assert str(raised.value).endswith("; move x0 into the domain of f")


@pytest.mark.parametrize(
    ("f", "x0", "side"),
    [
        pytest.param(lambda x: math.log(x - 1e-3), 0.0, "right", id="log beyond x0"),
        pytest.param(lambda x: math.log(-x), math.inf, "both", id="log(-x) at inf"),
    ],
)
def test_a_limit_where_f_fails_near_x0_says_what_a_limit_needs(
    f: Callable[[float], float], x0: float, side: str
) -> None:
    # evaluate's default advice ("move x away from the edge of the domain or use a
    # one-sided formula") is a derivative's: a limit has no formula to choose.
    with pytest.raises(cw.DomainError) as raised:
        cw.limit(f, x0, side=side)
    message = str(raised.value)
    assert "one-sided formula" not in message, message
    assert message.endswith(
        "; a limit needs f defined all the way to x0 on the side it is taken from"
    ), message
