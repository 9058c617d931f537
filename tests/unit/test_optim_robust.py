"""Hostile inputs to the optimisers, clip_grad_norm and minimize: a right result or a CalcwebError.

Every call below either returns something that is checked to be right (finite
parameters, the textbook SGD update, a norm that matches an oracle, a valid
figure) or raises a `calcweb.CalcwebError` (also a ValueError, TypeError or
ArithmeticError) with a message; an exception the reader's function raises
passes through unchanged; nothing hangs. Sizes stay small so that each example
is fast (these tests also run inside Pyodide).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from fractions import Fraction
from typing import Any

import pytest
from hostile_calls import (
    HOSTILE_SCALARS,
    PASSED_THROUGH,
    REFUSED,
    UserError,
    outcome,
    reader,
    steady,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from plot_checks import check_figure

import calcweb
from calcweb import (
    SGD,
    Adagrad,
    Adam,
    AdamW,
    CalcwebError,
    Optimizer,
    RMSprop,
    Value,
    clip_grad_norm,
    minimize,
)

SETTINGS = steady(150)  # no deadline: `outcome` catches real hangs
FEW = settings(SETTINGS, max_examples=40)  # for calls that draw contour maps


# ------------------------------------------------------------------ hostile values

SPECIAL = [
    *HOSTILE_SCALARS,
    [],
    [0.9],
    (0.9, 0.999),
    (0.9, 0.999, 0.5),
    {"lr": 0.1},
]
hostile = st.one_of(
    st.floats(),  # NaN, infinities, -0.0, subnormals, huge
    st.integers(min_value=-(10**20), max_value=10**20),
    st.sampled_from(SPECIAL),
    st.floats(min_value=0.0, max_value=2.0),  # ordinary values, so calls get past the checks
)
finite = st.floats(allow_nan=False, allow_infinity=False)


def mostly(valid: st.SearchStrategy[Any], odds: int = 4) -> st.SearchStrategy[Any]:
    """``valid`` three times in four, else a hostile value: most calls get past the checks."""
    # Hypothesis draws the ends of a range more often than its middle: 1 is inside.
    return st.integers(0, odds - 1).flatmap(lambda k: hostile if k == 1 else valid)


HYPER = {
    SGD: ["lr", "momentum", "dampening", "weight_decay", "nesterov", "maximize"],
    Adam: ["lr", "betas", "eps", "weight_decay", "amsgrad", "maximize"],
    AdamW: ["lr", "betas", "eps", "weight_decay", "amsgrad", "maximize"],
    RMSprop: ["lr", "alpha", "eps", "weight_decay", "momentum", "centered", "maximize"],
    Adagrad: ["lr", "lr_decay", "weight_decay", "initial_accumulator_value", "eps", "maximize"],
}
OPTIMIZERS = list(HYPER)
FLAGS = {"nesterov", "maximize", "amsgrad", "centered"}


@st.composite
def hyper_parameters(draw: st.DrawFn, cls: type[Optimizer]) -> dict[str, Any]:
    names = draw(st.lists(st.sampled_from(HYPER[cls]), unique=True, max_size=3))
    values: dict[str, Any] = {}
    for name in names:
        if name in FLAGS:
            values[name] = draw(mostly(st.booleans()))
        elif name == "betas":
            beta = mostly(st.floats(0.0, 1.0))
            values[name] = draw(mostly(st.one_of(st.tuples(beta, beta), st.lists(beta))))
        else:
            values[name] = draw(mostly(st.floats(-0.1, 2.0)))
    return values


def check_optimizer(opt: Optimizer) -> None:
    """A constructed optimiser holds only valid, finite hyper-parameters."""
    for name, value in vars(opt).items():
        if name in FLAGS:
            assert isinstance(value, bool)
        elif name == "betas":
            assert all(0.0 <= b < 1.0 for b in value)
        elif name not in ("params", "state"):
            assert type(value) is float
            assert math.isfinite(value)
            if name != "dampening":
                assert value >= 0.0, name


# ------------------------------------------------------------------ optimisers


@SETTINGS
@given(st.sampled_from(OPTIMIZERS), st.data())
def test_construction_with_hostile_hyper_parameters(cls: type[Optimizer], data: Any) -> None:
    hyper = data.draw(hyper_parameters(cls))
    opt = outcome(lambda: cls([Value(1.0)], **hyper))
    if opt is not REFUSED:
        check_optimizer(opt)


@SETTINGS
@given(hostile)
def test_hostile_params_are_refused(params: Any) -> None:
    for cls in OPTIMIZERS:
        opt = outcome(lambda cls=cls: cls(params))
        if opt is not REFUSED:
            assert all(isinstance(p, Value) for p in opt.params)


@SETTINGS
@given(
    st.sampled_from(OPTIMIZERS),
    st.lists(
        st.tuples(st.one_of(finite, hostile), st.one_of(finite, hostile)), min_size=1, max_size=3
    ),
    st.floats(min_value=0.0, max_value=1e3),
)
def test_step_with_hostile_grads_and_data(
    cls: type[Optimizer], values: list[tuple[Any, Any]], lr: float
) -> None:
    params = [Value(1.0) for _ in values]
    opt = cls(params, lr=lr)
    for p, (data, grad) in zip(params, values, strict=True):
        p.data, p.grad = data, grad  # a reader may assign anything
    before = [(p.data, p.grad) for p in params]
    result = outcome(opt.step)
    if result is REFUSED:
        # A refused step changes nothing: no parameter and no state.
        assert [(p.data, p.grad) for p in params] == before or any(
            isinstance(v, float) and math.isnan(v) for pair in before for v in pair
        )
        assert opt.state == {}
    else:
        assert all(type(p.data) is float and math.isfinite(p.data) for p in params)
        for state in opt.state.values():
            assert all(math.isfinite(v) for v in state.values())


@SETTINGS
@given(st.lists(st.floats(-1e300, 1e300), min_size=2, max_size=2), finite, finite)
def test_plain_sgd_is_the_textbook_update_or_refuses(
    start: list[float], grad: float, lr: float
) -> None:
    p = Value(start[0])
    p.grad = grad
    opt = outcome(lambda: SGD([p], lr=lr))
    if opt is REFUSED:
        assert lr < 0.0
        return
    expected = start[0] + -lr * grad
    if outcome(opt.step) is REFUSED:
        assert not math.isfinite(expected)
        assert p.data == start[0]
    else:
        assert p.data == expected


@SETTINGS
@given(st.sampled_from(OPTIMIZERS), st.lists(st.floats(-1e200, 1e200), min_size=1, max_size=12))
def test_many_steps_never_write_nan(cls: type[Optimizer], grads: list[float]) -> None:
    p = Value(0.5)
    opt = cls([p], lr=1.0)
    for g in grads:
        p.grad = g
        if outcome(opt.step) is REFUSED:
            break
        assert math.isfinite(p.data)


@SETTINGS
@given(st.sampled_from(OPTIMIZERS), hostile)
def test_zero_grad_and_step_with_a_corrupted_params_list(
    cls: type[Optimizer], intruder: Any
) -> None:
    p = Value(1.0)
    opt = cls([p])
    opt.params.append(intruder)
    for call in (opt.zero_grad, opt.step):
        assert outcome(call) in (None, REFUSED)
    if isinstance(intruder, Value):
        return
    assert outcome(opt.zero_grad) is REFUSED


# ------------------------------------------------------------------ clip_grad_norm


def reference_norm(grads: list[float], p: float) -> float:
    """The p-norm at 40 digits (mpmath has no float range to overflow), rounded once."""
    mpmath = pytest.importorskip("mpmath")
    if p == math.inf:
        return max(abs(g) for g in grads)
    with mpmath.workdps(40):
        total = mpmath.fsum(mpmath.mpf(abs(g)) ** int(p) for g in grads)
        return float(mpmath.root(total, int(p)))


@SETTINGS
@given(
    mostly(st.lists(mostly(st.just("value")), max_size=4)),
    mostly(st.floats(0.0, 10.0)),
    mostly(st.sampled_from([1, 2.0, 3, math.inf, 0.5])),
    mostly(st.booleans()),
)
def test_clip_grad_norm_with_hostile_arguments(
    params: Any, max_norm: Any, norm_type: Any, error_if_nonfinite: Any
) -> None:
    if isinstance(params, list):
        params = [Value(0.0) if p == "value" else p for p in params]
        for p in params:
            if isinstance(p, Value):
                p.grad = 3.0
    total = outcome(lambda: clip_grad_norm(params, max_norm, norm_type, error_if_nonfinite))
    if total is not REFUSED:
        assert isinstance(total, float)
        assert total >= 0.0


@SETTINGS
@given(
    st.lists(st.floats(-1e308, 1e308), min_size=1, max_size=5),
    st.floats(0.0, 1e10),
    st.sampled_from([1.0, 2.0, 3.0, math.inf]),
)
def test_clip_grad_norm_matches_an_oracle_without_overflow(
    grads: list[float], max_norm: float, p: float
) -> None:
    params = [Value(0.0) for _ in grads]
    for param, g in zip(params, grads, strict=True):
        param.grad = g
    total = clip_grad_norm(params, max_norm, norm_type=p)
    expected = reference_norm(grads, p)
    if math.isfinite(expected):
        assert total == pytest.approx(expected, rel=1e-12, abs=1e-320)
    else:
        assert total == math.inf  # beyond the float range, as torch
    if math.isfinite(total) and total > 0:
        clipped = [param.grad for param in params]
        assert all(math.isfinite(g) for g in clipped)
        assert reference_norm(clipped, p) <= max(max_norm, 0.0) * (1 + 1e-9) or total <= max_norm


def test_clip_grad_norm_says_it_needs_values() -> None:
    with pytest.raises(calcweb.ArgumentTypeError, match=r"list of calcweb\.Value"):
        clip_grad_norm([1.0], 1.0)  # type: ignore[list-item]
    with pytest.raises(calcweb.ArgumentTypeError, match=r"list of calcweb\.Value"):
        clip_grad_norm(None, 1.0)  # type: ignore[arg-type]
    p = Value(0.0)
    p.grad = 3.0
    assert clip_grad_norm(p, 1.0) == 3.0  # one Value, as torch takes one tensor


def test_a_p_norm_of_huge_gradients_does_not_overflow() -> None:
    a, b = Value(0.0), Value(0.0)
    a.grad, b.grad = 1e200, 1e200
    assert clip_grad_norm([a, b], 1.0, norm_type=3) == pytest.approx(2 ** (1 / 3) * 1e200)
    assert a.grad == b.grad == pytest.approx(2 ** (-1 / 3), rel=1e-6)  # now of 3-norm 1


# ------------------------------------------------------------------ steps that fail


def test_a_step_that_overflows_is_refused_and_changes_nothing() -> None:
    p, q = Value(1.0), Value(1e308)
    opt = SGD([p, q], lr=1.0, momentum=0.9)
    p.grad, q.grad = 1.0, -1e308  # q would step to 2e308
    with pytest.raises(calcweb.NumericalError, match=r"params\[1\].*overflows"):
        opt.step()
    assert (p.data, q.data) == (1.0, 1e308)  # p was not moved either
    assert opt.state == {}


def test_a_nan_gradient_is_refused_before_it_reaches_the_parameter() -> None:
    p = Value(1.0)
    opt = Adam([p], lr=0.1)
    p.grad = math.nan
    with pytest.raises(calcweb.NumericalError, match=r"params\[0\]\.grad is nan"):
        opt.step()
    assert p.data == 1.0


def test_zero_over_zero_is_a_division_by_zero() -> None:
    for cls in (Adam, RMSprop, Adagrad):
        p = Value(1.0)
        opt = cls([p], eps=0.0)
        p.grad = 0.0
        with pytest.raises(calcweb.DivisionByZeroError, match="eps > 0"):
            opt.step()
        with pytest.raises(ZeroDivisionError) as caught:  # the builtin catches it too
            opt.step()
        assert isinstance(caught.value, CalcwebError)
        assert p.data == 1.0


def test_gradients_too_large_for_the_running_averages() -> None:
    p = Value(1.0)
    opt = Adam([p])
    p.grad = 1e200  # its square overflows exp_avg_sq
    with pytest.raises(calcweb.NumericalError, match="exp_avg_sq"):
        opt.step()


def test_odd_arguments_get_clear_errors() -> None:
    with pytest.raises(calcweb.ArgumentTypeError, match="base class"):
        Optimizer([Value(1.0)])
    p = Value(1.0)
    with pytest.raises(calcweb.InvalidArgumentError, match="more than once"):
        SGD([p, p])
    with pytest.raises(calcweb.InvalidArgumentError, match="alpha must be <= 1"):
        RMSprop([p], alpha=1.5)
    with pytest.raises(calcweb.ArgumentTypeError, match="nesterov must be True or False"):
        SGD([p], momentum=0.9, nesterov="yes")
    with pytest.raises(calcweb.InvalidArgumentError, match="pair"):
        Adam([p], betas=(0.9,))
    p.grad = "0.5"  # type: ignore[assignment]
    with pytest.raises(calcweb.ArgumentTypeError, match=r"params\[0\]\.grad is str"):
        SGD([p]).step()


# ------------------------------------------------------------------ minimize


def diverging(x: Any) -> Any:
    return x * x * x * x


FUNCTIONS: list[tuple[str, Callable[[Any], Any]]] = [
    ("bowl", lambda x: (x - 1) ** 2),
    ("quartic", diverging),
    ("nan", lambda x: math.nan),
    ("inf", lambda x: math.inf),
    ("str", lambda x: "1"),
    ("none", lambda x: None),
    ("huge int", lambda x: 10**400),
    ("fraction", lambda x: Fraction(1, 3)),
    ("bool", lambda x: True),
    ("list", lambda x: [x]),
    ("raises", lambda x: (_ for _ in ()).throw(UserError("mine"))),
    ("log", lambda x: x.log()),
    ("inverse", lambda x: 1 / x),
    ("sqrt", lambda x: x**0.5),
    ("math", math.exp),
    ("exp", lambda x: x.exp()),
]
VECTOR_FUNCTIONS: list[tuple[str, Callable[[Any], Any]]] = [
    ("bowl", lambda p: (p[0] - 1) ** 2 + 3 * p[1] ** 2),
    ("rosenbrock", lambda p: (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2),
    ("exp", lambda p: (p[0] * p[1]).exp()),
    ("index", lambda p: p[5]),
    ("raises", lambda p: (_ for _ in ()).throw(UserError("mine"))),
]
points = mostly(
    st.one_of(st.floats(-3.0, 3.0), st.lists(mostly(st.floats(-3.0, 3.0), 8), max_size=3)),
)


def check_result(result: calcweb.OptimizeResult) -> None:
    """What every result of minimize promises."""
    assert len(result.path) == len(result.losses) == result.steps + 1
    assert result.x == result.path[-1]
    assert result.fun == result.losses[-1]
    assert all(math.isfinite(v) for v in result.losses)
    assert result.tol >= 0.0
    if result.converged:
        assert result.gradient_norm <= result.tol
        assert not result.diverged
    assert result.message
    check_figure(result.plot().to_svg())


@SETTINGS
@given(
    mostly(st.sampled_from(FUNCTIONS + VECTOR_FUNCTIONS), 8).map(
        lambda f: f if isinstance(f, tuple) else ("junk", f)
    ),
    points,
    mostly(st.one_of(st.just(0.1), st.just(10.0), st.floats(0.0, 1.0))),
    mostly(st.integers(0, 30)),
    mostly(st.one_of(st.none(), st.just(1e-6), st.floats(0.0, 1.0))),
    mostly(st.sampled_from(["sgd", "adam", "rmsprop", "adagrad", "adamw", "ADAM", Adam])),
)
def test_minimize_with_hostile_arguments(  # noqa: PLR0917  one argument per strategy
    named: tuple[str, Any], x0: Any, lr: Any, steps: Any, tol: Any, optimizer: Any
) -> None:
    f = reader(named[1]) if callable(named[1]) else named[1]
    if isinstance(steps, int) and not isinstance(steps, bool) and steps > 30:
        steps = 30  # keep each example fast
    result = outcome(lambda: minimize(f, x0, lr=lr, steps=steps, tol=tol, optimizer=optimizer))
    if result not in (REFUSED, PASSED_THROUGH):
        check_result(result)


@FEW
@given(
    st.sampled_from(
        [
            (lambda x: (x - 1) ** 2, 1),
            (lambda x: (x * x + 1).log(), 1),
            (lambda x: x**4 - x * x, 1),
            (lambda x: (x * 3).sin() + x * x, 1),
            (lambda p: (p[0] - 1) ** 2 + 10 * p[1] ** 2, 2),
            (lambda p: (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2, 2),
            (lambda p: (p[0] * p[1]).exp() + p[0] ** 2, 2),
            (lambda p: p[0] ** 2 + p[1] ** 2 + p[2] ** 2, 3),
        ]
    ),
    st.lists(st.floats(-3.0, 3.0), min_size=3, max_size=3),
    st.one_of(st.floats(1e-4, 1.0), st.floats(1.0, 1e6)),
    st.integers(0, 40),
    st.one_of(st.none(), st.floats(0.0, 1.0)),
    st.sampled_from(["sgd", "adam", "adamw", "rmsprop", "adagrad"]),
)
def test_minimize_runs_keep_their_promises(  # noqa: PLR0917  one argument per strategy
    problem: tuple[Callable[[Any], Any], int],
    start: list[float],
    lr: float,
    steps: int,
    tol: float | None,
    optimizer: str,
) -> None:
    f, size = problem
    x0: Any = start[0] if size == 1 else start[:size]
    result = outcome(lambda: minimize(f, x0, lr=lr, steps=steps, tol=tol, optimizer=optimizer))
    assert result is not REFUSED  # nothing is wrong with these arguments
    check_result(result)
    if not result.diverged and tol is None:
        assert result.steps == steps


@SETTINGS
@given(mostly(st.floats(0.0, 1.0)), hostile)
def test_minimize_hyper_parameters_reach_the_optimizer_checks(momentum: Any, extra: Any) -> None:
    result = outcome(lambda: minimize(lambda x: x * x, 1.0, steps=3, momentum=momentum))
    if result is not REFUSED:
        check_result(result)
    assert outcome(lambda: minimize(lambda x: x * x, 1.0, steps=3, unknown=extra)) is REFUSED


# ------------------------------------------------------------------ converged means it


def gradient_norm(x: float | list[float], grad: Callable[..., Any]) -> float:
    return math.hypot(*grad(x)) if isinstance(x, list) else abs(grad(x))


@SETTINGS
@given(
    st.floats(-10.0, 10.0),
    st.floats(0.001, 0.6),
    st.integers(0, 200),
    st.floats(0.1, 1e4),
)
def test_converged_by_default_means_a_small_gradient(
    x0: float, lr: float, steps: int, scale: float
) -> None:
    # f = scale (x - 3)^2: gradient 2 scale (x - 3), known exactly.
    result = minimize(lambda x: scale * (x - 3) ** 2, x0, lr=lr / scale, steps=steps)
    expected_tol = 1e-6 * max(1.0, abs(2 * scale * (x0 - 3)))
    assert result.tol == pytest.approx(expected_tol, rel=1e-12, abs=0.0)
    true_norm = abs(2 * scale * (result.x - 3))  # type: ignore[operator]
    assert result.converged == (result.gradient_norm <= result.tol)
    assert result.gradient_norm == pytest.approx(true_norm, rel=1e-9, abs=1e-12 * scale)
    assert result.steps == steps  # with the default tol, every step is taken


def test_converged_is_true_at_the_optimum_by_default() -> None:
    result = minimize(lambda x: (x - 3) ** 2, 0.0, lr=0.1, steps=200)
    assert result.converged
    assert "converged" in result.message
    assert abs(result.x - 3.0) < 1e-6  # type: ignore[operator]
    early = minimize(lambda x: (x - 3) ** 2, 0.0, lr=0.1, steps=5)
    assert not early.converged
    assert "still above tol" in early.message
    rosenbrock = minimize(
        lambda p: (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2, [-1.5, 2.0], lr=1e-4, steps=50
    )
    assert not rosenbrock.converged  # far from (1, 1)


def test_a_given_tol_stops_the_run_and_zero_takes_every_step() -> None:
    stopped = minimize(lambda x: (x - 3) ** 2, 0.0, lr=0.1, tol=1e-3)
    assert stopped.converged
    assert stopped.gradient_norm <= 1e-3
    assert stopped.steps < 1000
    assert minimize(lambda x: (x - 3) ** 2, 0.0, lr=0.1, steps=50, tol=0.0).steps == 50


# ------------------------------------------------------------------ diverged runs


def test_a_diverged_run_plots_with_a_note_instead_of_raising() -> None:
    result = minimize(lambda x: x * x, 1.0, lr=10.0)  # the package's own docstring example
    assert result.diverged
    assert not result.converged
    fig = result.plot()
    svg = fig.to_svg()
    check_figure(svg)
    assert "diverged after step 120" in svg
    assert fig.ylog  # the loss climbs over 300 decades; the axis holds them all
    plane = minimize(lambda p: p[0] ** 2 + p[1] ** 2, [1.0, -0.5], lr=10.0)
    svg = plane.plot().to_svg()
    check_figure(svg)
    assert "diverges from here" in svg
    many = minimize(lambda p: p[0] ** 2 + p[1] ** 2 + p[2] ** 2, [1.0, 1.0, 1.0], lr=10.0)
    check_figure(many.plot().to_svg())


def test_a_run_too_long_to_wait_for_is_refused() -> None:
    with pytest.raises(calcweb.InvalidArgumentError, match="from 0 to 1,000,000"):
        minimize(lambda x: x, 5.0, optimizer="adam", steps=2**63)
    assert minimize(lambda x: (x - 3) ** 2, 5.0, steps=1_000_000, tol=1e-3).converged


def test_a_step_that_overflows_stops_minimize_gracefully() -> None:
    result = minimize(lambda x: x * x, 1.0, lr=1e308)
    assert result.diverged
    assert result.steps == 0
    assert "overflows" in result.message
    assert "smaller learning rate" in result.message


def test_contours_of_a_function_written_with_value_methods() -> None:
    # minimize calls f on Values; the contour map must too (floats have no .exp()).
    result = minimize(lambda p: (p[0] * p[0] + p[1] * p[1]).exp(), [1.0, 0.5], lr=0.05, steps=20)
    svg = result.plot().to_svg()
    check_figure(svg)
    assert "contour lines at levels" in svg


# ------------------------------------------------------------------ numpy interop

DTYPES = [
    "float16",
    "float32",
    "float64",
    "longdouble",
    "int8",
    "int16",
    "int32",
    "int64",
    "uint8",
    "uint16",
    "uint32",
    "uint64",
]


@pytest.mark.parametrize("dtype", DTYPES)
def test_numpy_scalars_of_every_dtype_are_hyper_parameters(dtype: str) -> None:
    np = pytest.importorskip("numpy", reason="numpy is an optional oracle (absent in Pyodide)")
    kind = np.dtype(dtype).type
    one = kind(1)
    for cls in OPTIMIZERS:
        plain, numpy = cls([Value(1.0)], lr=1), cls([Value(1.0)], lr=one)
        assert numpy.lr == plain.lr == 1.0
        assert type(numpy.lr) is float
    assert SGD([Value(1.0)], momentum=kind(0), weight_decay=kind(0)).momentum == 0.0
    assert clip_grad_norm([Value(0.0)], kind(1), norm_type=kind(2)) == 0.0
    result = minimize(lambda x: (x - 1) ** 2, kind(3), lr=0.1, steps=np.int64(5), tol=kind(0))
    assert result.steps == 5
    assert result.path[0] == 3.0


def test_numpy_arrays_are_points_and_pairs() -> None:
    np = pytest.importorskip("numpy", reason="numpy is an optional oracle (absent in Pyodide)")
    adam = Adam([Value(1.0)], betas=np.array([0.8, 0.99], dtype=np.float32))
    assert adam.betas == pytest.approx((0.8, 0.99), rel=1e-7)
    assert SGD([Value(1.0)], nesterov=np.bool_(True), momentum=0.5).nesterov is True
    for dtype in ("float32", "float64", "int16"):
        start = np.array([0, 1], dtype=dtype)
        result = minimize(lambda p: (p[0] - 1) ** 2 + p[1] ** 2, start, lr=0.5, steps=1)
        assert result.x == [1.0, 0.0]
    scalar = minimize(lambda x: (x - 1) ** 2, np.array(3.0), lr=0.5, steps=1)  # 0-d: one number
    assert scalar.x == 1.0
    with pytest.raises(calcweb.ArgumentTypeError, match=r"x0\[0\]"):
        minimize(lambda p: p[0], np.ones((2, 2)))
    zero_d = np.array(1.0)  # iterable by its type, not by its shape
    with pytest.raises(calcweb.ArgumentTypeError, match="params must be a list"):
        Adam(zero_d)
    with pytest.raises(calcweb.ArgumentTypeError, match="betas must be a pair"):
        Adam([Value(1.0)], betas=zero_d)
    with pytest.raises(calcweb.ArgumentTypeError, match="clip_grad_norm needs a list"):
        clip_grad_norm(zero_d, 1.0)
