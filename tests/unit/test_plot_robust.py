"""Hostile inputs to the figures, the exercise checks and Taylor polynomials' methods.

Every call either returns something checked to be right (a figure whose SVG
keeps the contract of plot_checks.check_figure, a verdict that agrees with a
direct comparison, a polynomial value that matches Horner's rule) or raises a
`calcweb.CalcwebError` with a message; an exception the reader's function
raises passes through unchanged; nothing hangs. Sizes stay small so that each
example is fast (these tests also run inside Pyodide).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from fractions import Fraction
from pathlib import Path
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
from plot_checks import check_figure, texts

import calcweb
from calcweb import (
    Figure,
    Value,
    check,
    check_function,
    compare_paths,
    contour,
    draw_graph,
    plot_function,
    plot_optimization,
    plot_taylor,
    taylor,
)

SETTINGS = steady(120)  # no deadline: `outcome` catches real hangs
FEW = settings(SETTINGS, max_examples=40)  # for calls that draw contour maps


def drawn(figure: Any) -> None:
    """A returned figure draws, keeps the SVG contract, and has a short repr."""
    if figure in (REFUSED, PASSED_THROUGH):
        return
    svg = outcome(figure.to_svg)
    assert svg is not REFUSED, "a figure that was built must draw"
    check_figure(svg)
    if isinstance(figure, Figure):
        assert repr(figure).startswith("<Figure ")


# ------------------------------------------------------------------ hostile values

SPECIAL = [
    *HOSTILE_SCALARS,
    [],
    [1.0],
    (0.0, 1.0),
    (1.0, 0.0),
    (0.0, 5e-324),
    (-1e308, 1e308),
    (1.0, 2.0, 3.0),
    {"x": 1},
]
hostile = st.one_of(
    st.floats(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.sampled_from(SPECIAL),
)


def mostly(valid: st.SearchStrategy[Any], odds: int = 4) -> st.SearchStrategy[Any]:
    """``valid`` three times in four, else a hostile value: most calls get past the checks."""
    # Hypothesis draws the ends of a range more often than its middle: 1 is inside.
    return st.integers(0, odds - 1).flatmap(lambda k: hostile if k == 1 else valid)


data_values = st.one_of(st.floats(), st.sampled_from([None, 10**400, 5e-324, 1e308, 0, -0.0]))
data = mostly(st.lists(data_values, max_size=8))
window = st.tuples(st.floats(-10, 10), st.floats(-10, 10)).filter(lambda p: p[1] - p[0] > 1e-3)
pairs = mostly(st.one_of(window, st.tuples(st.floats(), st.floats())))


def raises(*_arguments: Any) -> Any:
    raise UserError("the reader's own")


ONE = [
    math.sin,
    math.log,
    math.sqrt,
    math.tan,
    math.exp,
    abs,
    lambda x: 1 / x,
    lambda x: x**2,
    lambda x: 1e308 * x,
    lambda x: math.nan,
    lambda x: "1",
    lambda x: None,
    lambda x: 10**400,
    lambda x: Fraction(1, 3),
    lambda x: x > 0,
    lambda x, y: x,
    raises,
    calcweb.sin,
    calcweb.exp,
]
TWO = [
    lambda x, y: x * x + 3 * y * y,
    lambda x, y: (1 - x) ** 2 + 100 * (y - x * x) ** 2,
    lambda x, y: math.log(x * y),
    lambda x, y: 1e308 * x - 1e308 * y,
    lambda x, y: x * 1e-320,
    lambda x, y: 5.0,
    lambda x, y: "z",
    lambda x, y: 1j,
    lambda x: x,
    raises,
]
functions = mostly(st.sampled_from([reader(f) for f in ONE]))
surfaces = mostly(st.sampled_from([reader(f) for f in TWO]))
labels = mostly(st.one_of(st.none(), st.text(max_size=30)))


# ------------------------------------------------------------------ Figure


@SETTINGS
@given(
    st.fixed_dictionaries(
        {},
        optional={
            "title": mostly(st.text(max_size=20)),
            "xlabel": mostly(st.text(max_size=20)),
            "ylabel": mostly(st.text(max_size=20)),
            "xlim": pairs,
            "ylim": pairs,
            "xlog": mostly(st.booleans()),
            "ylog": mostly(st.booleans()),
            "width": mostly(st.integers(150, 2100)),
            "height": mostly(st.integers(100, 2100)),
            "description": mostly(st.one_of(st.none(), st.text(max_size=20))),
        },
    )
)
def test_figure_with_hostile_arguments(kwargs: dict[str, Any]) -> None:
    figure = outcome(lambda: Figure(**kwargs))
    drawn(figure)
    if figure is not REFUSED:
        drawn(outcome(lambda: figure.line([1.0, 2.0, 3.0], [1.0, 4.0, 9.0], label="y")))


@SETTINGS
@given(data, data, labels, st.booleans(), st.booleans(), st.sampled_from(["line", "scatter"]))
def test_lines_and_points_with_hostile_data(  # noqa: PLR0917  one argument per strategy
    xs: Any, ys: Any, label: Any, xlog: bool, ylog: bool, kind: str
) -> None:
    figure = Figure("data", xlog=xlog, ylog=ylog)
    drawn(outcome(lambda: getattr(figure, kind)(xs, ys, label=label)))


@SETTINGS
@given(
    st.lists(st.floats(allow_nan=False), min_size=1, max_size=6),
    st.booleans(),
    st.booleans(),
)
def test_any_finite_or_infinite_data_draws_on_any_axis(
    values: list[float], xlog: bool, ylog: bool
) -> None:
    xs = list(range(1, len(values) + 1))
    figure = Figure("extremes", xlog=xlog, ylog=ylog).scatter(xs, values).line(values, xs)
    check_figure(figure.to_svg())


@SETTINGS
@given(
    st.sampled_from(["hline", "vline", "annotate", "arrow", "tangent"]),
    mostly(st.one_of(st.floats(), st.text(max_size=10), pairs)),
    mostly(st.one_of(st.floats(), st.text(max_size=10), pairs)),
)
def test_reference_marks_with_hostile_arguments(name: str, first: Any, second: Any) -> None:
    figure = Figure("marks").line([0.0, 1.0], [0.0, 1.0])
    calls: dict[str, Callable[[], Any]] = {
        "hline": lambda: figure.hline(first, label=second),
        "vline": lambda: figure.vline(first, label=second),
        "annotate": lambda: figure.annotate(first, second, 1.0),
        "arrow": lambda: figure.arrow(first, second),
        "tangent": lambda: figure.tangent(math.sin, first, slope=second),
    }
    drawn(outcome(calls[name]))


@SETTINGS
@given(functions, mostly(st.floats(-10, 10)), mostly(st.floats(-10, 10)), st.booleans())
def test_add_function_with_hostile_arguments(f: Any, a: Any, b: Any, xlog: bool) -> None:
    drawn(outcome(lambda: Figure("f", xlog=xlog).add_function(f, a, b)))


@SETTINGS
@given(functions, st.floats(-1e6, 1e6), st.floats(1e-9, 1e6), st.booleans())
def test_add_function_on_intervals_anywhere(f: Any, a: float, width: float, ylog: bool) -> None:
    drawn(outcome(lambda: Figure("f", ylog=ylog).add_function(f, a, a + width)))


@SETTINGS
@given(
    mostly(st.lists(st.tuples(st.floats(), st.floats()), max_size=6)),
    labels,
)
def test_add_path_with_hostile_points(points: Any, label: Any) -> None:
    drawn(outcome(lambda: Figure("path").add_path(points, label=label)))


@SETTINGS
@given(
    surfaces,
    mostly(window, 8),
    mostly(window, 8),
    mostly(st.one_of(st.integers(0, 20), st.lists(st.floats(-1e3, 1e3), max_size=4)), 8),
    mostly(st.booleans(), 8),
    mostly(st.integers(8, 30), 8),
)
def test_contour_with_hostile_arguments(  # noqa: PLR0917  one argument per strategy
    f: Any, xlim: Any, ylim: Any, levels: Any, log_levels: Any, n: Any
) -> None:
    if isinstance(n, int) and not isinstance(n, bool) and n > 30:
        n = 30  # keep each example fast
    drawn(outcome(lambda: contour(f, xlim, ylim, levels=levels, log_levels=log_levels, n=n)))


@SETTINGS
@given(
    st.one_of(functions, st.lists(functions, max_size=3)),
    mostly(st.floats(-10, -1e-3)),
    mostly(st.floats(1e-3, 10)),
    mostly(st.one_of(st.none(), st.lists(st.text(max_size=8), max_size=3))),
    labels,
    mostly(st.one_of(st.none(), window)),
)
def test_plot_function_with_hostile_arguments(  # noqa: PLR0917  one argument per strategy
    f: Any, a: Any, b: Any, names: Any, title: Any, ylim: Any
) -> None:
    drawn(outcome(lambda: plot_function(f, a, b, labels=names, title=title, ylim=ylim)))


@SETTINGS
@given(mostly(st.one_of(st.text(max_size=12), st.text(max_size=8).map(lambda t: t + ".svg"))))
def test_save_with_hostile_paths(tmp_path_factory: pytest.TempPathFactory, name: Any) -> None:
    folder = tmp_path_factory.mktemp("save")
    figure = Figure("saved").line([0, 1], [1, 0])
    target = folder / name if isinstance(name, str) and "\x00" not in name else name
    result = outcome(lambda: figure.save(target))
    if result is not REFUSED:
        assert isinstance(target, (str, Path))
        assert Path(target).read_text(encoding="utf-8") == figure.to_svg()


# ------------------------------------------------------------------ graphs


@SETTINGS
@given(
    mostly(st.sampled_from(["value", "deep"])),
    mostly(st.sampled_from([None, "named"])),
    mostly(st.text(max_size=20)),
)
def test_draw_graph_with_hostile_arguments(root: Any, names: Any, title: Any) -> None:
    a, b = Value(2.0), Value(-3.0)
    if root == "value":
        root = (a * b).tanh() + a
        root.backward()
    elif root == "deep":
        root = a
        for _ in range(300):
            root = root * 1.0
    if names == "named":
        names = {a: "a", b: 3}
    drawn(outcome(lambda: draw_graph(root, names, title=title)))


def test_a_graph_with_odd_data_still_draws() -> None:
    a = Value(1.0)
    b = a * 2.0
    b.grad = "much"  # type: ignore[assignment]  # set by hand, as a reader might
    check_figure(draw_graph(b).to_svg())


# ------------------------------------------------------------------ Taylor polynomials


@SETTINGS
@given(
    st.sampled_from([calcweb.sin, calcweb.exp, calcweb.log, calcweb.tan, math.cos]),
    st.floats(-50, 50),
    st.integers(0, 8),
    mostly(st.floats()),
    mostly(st.floats()),
)
def test_taylor_methods_with_hostile_arguments(
    f: Any, x0: float, n: int, x: Any, bound: Any
) -> None:
    poly = outcome(lambda: taylor(f, x0, n if f is not math.cos else min(n, 4)))
    if poly is REFUSED:
        return
    value = outcome(lambda: poly(x))
    if value is not REFUSED:
        t = float(x) - poly.center
        horner = 0.0
        for c in reversed(poly.coefficients):
            horner = horner * t + c
        assert value == horner
    remainder = outcome(lambda: poly.remainder_bound(x, bound))
    if remainder is not REFUSED:
        assert remainder >= 0.0
        assert math.isfinite(remainder)
    latex = poly._repr_latex_()
    assert latex.startswith("$")
    assert latex.endswith("$")
    assert "e-" not in latex
    assert "e+" not in latex


@FEW
@given(
    st.sampled_from([calcweb.sin, calcweb.exp, calcweb.log, calcweb.sqrt]),
    st.one_of(st.floats(-1e300, 1e300), st.sampled_from([0.0, 1.0, 1e300, -1e300, 1e-300])),
    st.integers(0, 5),
    st.one_of(st.none(), pairs),
    mostly(st.one_of(st.none(), st.lists(st.integers(-1, 8), max_size=3))),
    mostly(st.one_of(st.none(), st.text(max_size=10))),
)
def test_taylor_plots_with_hostile_arguments(  # noqa: PLR0917  one argument per strategy
    f: Any, x0: float, n: int, xlim: Any, degrees: Any, title: Any
) -> None:
    poly = outcome(lambda: taylor(f, x0, n))
    if poly is REFUSED:
        return
    drawn(outcome(lambda: poly.plot(xlim=xlim, degrees=degrees, title=title)))
    drawn(outcome(lambda: plot_taylor(poly, xlim=xlim, degrees=degrees, title=title)))


@SETTINGS
@given(hostile)
def test_plot_taylor_of_something_else(thing: Any) -> None:
    assert outcome(lambda: plot_taylor(thing)) is REFUSED


def test_latex_writes_powers_of_ten() -> None:
    poly = taylor(lambda x: 1e-5 * x**3, 0.0, 3)
    assert poly._repr_latex_() == r"$T_{3}(x) = 1 \cdot 10^{-5} x^{3}$"
    shifted = taylor(lambda x: 2.5e7 * x, 3e-8, 1)
    assert shifted._repr_latex_() == r"$T_{1}(x) = 0.75 + 2.5 \cdot 10^{7} (x - 3 \cdot 10^{-8})$"
    assert taylor(calcweb.cos, 0.0, 4)._repr_latex_() == (
        "$T_{4}(x) = 1 - 0.5 x^{2} + 0.0416667 x^{4}$"  # ordinary numbers stay as they were
    )


# ------------------------------------------------------------------ optimisation figures


class Run:
    """An optimisation result as plot_optimization reads it, built by hand."""

    def __init__(self, path: Any, losses: Any, function: Any, diverged: Any = False) -> None:
        self.path, self.losses, self.function, self.diverged = path, losses, function, diverged
        self.x = None


@SETTINGS
@given(
    st.one_of(
        st.lists(st.tuples(st.floats(), st.floats()), max_size=6),
        st.lists(st.floats(), max_size=6),
        hostile,
    ),
    st.one_of(st.lists(st.floats(), max_size=6), hostile),
    st.booleans(),
    st.sampled_from(
        [lambda p: p[0] ** 2 + p[1] ** 2, lambda p: (p[0] * p[1]).exp(), lambda p: "x", None]
    ),
)
def test_plot_optimization_of_hand_made_results(
    path: Any, losses: Any, diverged: bool, f: Any
) -> None:
    run = Run(path, losses, f, diverged)
    drawn(outcome(lambda: plot_optimization(run)))
    drawn(outcome(lambda: compare_paths([run, run], ["a", "b"])))


RUNS = [
    calcweb.minimize(lambda p: p[0] ** 2 + 3 * p[1] ** 2, [1.0, 1.0], lr=0.1, steps=20),
    calcweb.minimize(lambda p: p[0] ** 2 + p[1] ** 2, [1.0, -0.5], lr=10.0),  # diverges
    calcweb.minimize(lambda p: (p[0] * p[1]).exp(), [0.5, 0.5], lr=0.1, steps=10),
    calcweb.minimize(lambda x: x * x, 1.0, lr=0.1, steps=5),  # of one number
]


@FEW
@given(
    mostly(st.lists(st.sampled_from(RUNS), max_size=3)),
    mostly(st.one_of(st.none(), st.lists(st.text(max_size=5), max_size=3))),
    mostly(st.text(max_size=10)),
)
def test_compare_paths_with_hostile_arguments(results: Any, names: Any, title: Any) -> None:
    for run in results if isinstance(results, list) else []:
        if isinstance(run, calcweb.OptimizeResult):
            drawn(outcome(run.plot))
    drawn(outcome(lambda: compare_paths(results, names, title=title)))


# ------------------------------------------------------------------ exercises

answers = st.recursive(
    st.one_of(st.floats(), st.integers(), st.sampled_from(SPECIAL)),
    lambda inner: st.lists(inner, max_size=3),
    max_leaves=8,
)


def flat(value: Any) -> list[float] | None:
    """The numbers in a number or nested list, or None: the oracle of check()."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float, Fraction)):
        try:
            return [float(value)]
        except OverflowError:
            return None
    if isinstance(value, (list, tuple)):
        out: list[float] = []
        for item in value:
            inner = flat(item)
            if inner is None:
                return None
            out += inner
        return out
    return None


def layout(value: Any) -> Any:
    """How a number or nested list nests (None for a number): check() compares it too."""
    if isinstance(value, (list, tuple)):
        return tuple(layout(item) for item in value)
    return None


@SETTINGS
@given(
    answers,
    mostly(st.one_of(st.floats(allow_nan=False), st.lists(st.floats(-10, 10), max_size=3))),
    mostly(st.one_of(st.just(1e-6), st.floats(0, 1))),
    mostly(st.one_of(st.just(1e-12), st.floats(0, 1))),
)
def test_check_with_hostile_answers(answer: Any, expected: Any, rtol: Any, atol: Any) -> None:
    verdict = outcome(lambda: check(answer, expected, rtol=rtol, atol=atol))
    if verdict is REFUSED:
        return
    assert isinstance(verdict.message, str)
    want, got = flat(expected), flat(answer)
    assert want is not None  # an expected value that is not numbers is refused
    right = (
        got is not None
        and len(got) == len(want)
        and layout(answer) == layout(expected)  # [0.0] is not the number 0.0
        and all(
            a == b or (math.isfinite(a) and abs(a - b) <= float(atol) + float(rtol) * abs(b))
            for a, b in zip(got, want, strict=True)
        )
    )
    assert bool(verdict) == right
    assert verdict.message.startswith("✓" if right else "✗")


@SETTINGS
@given(
    st.one_of(functions, st.sampled_from([reader(lambda x: x), reader(Value), lambda x: 2.0])),
    st.one_of(functions, st.sampled_from([reader(lambda x: x), lambda x: math.inf])),
    st.one_of(st.lists(st.floats(-5, 5), max_size=4), st.lists(hostile, max_size=3), hostile),
)
def test_check_function_with_hostile_functions_and_points(
    candidate: Any, reference: Any, points: Any
) -> None:
    verdict = outcome(lambda: check_function(candidate, reference, points))
    if verdict not in (REFUSED, PASSED_THROUGH):
        assert verdict.message.startswith("✓" if verdict else "✗")


def test_check_function_does_not_hang_on_an_endless_iterator() -> None:
    def endless() -> Iterator[float]:
        while True:
            yield 0.5

    with pytest.raises(calcweb.InvalidArgumentError, match="more than"):
        check_function(math.sin, math.sin, endless())
    assert not check(endless(), [1.0, 2.0])  # an endless answer is too long, not a hang


def test_check_reports_what_is_wrong() -> None:
    deep: list[Any] = []
    deep.append(deep)
    assert "nested" in check(deep, 1.0).message
    assert "too large for a float" in check(10**400, 1.0).message
    assert check(math.inf, math.inf)  # an infinite limit is an answer
    assert check(Value(2.0), 2.0)  # a Value's number is the answer
    with pytest.raises(calcweb.InvalidArgumentError, match="NaN"):
        check(1.0, math.nan)
    with pytest.raises(calcweb.NumericalError, match="too large"):
        check(1.0, 10**400)
    with pytest.raises(calcweb.ArgumentTypeError, match="reference function must return"):
        check_function(math.sin, lambda x: "one", [1.0])
    with pytest.raises(calcweb.ArgumentTypeError, match="reference could not be called"):
        check_function(math.sin, lambda: 1.0, [1.0])  # type: ignore[arg-type, misc]


# ------------------------------------------------------------------ friction


def test_any_text_makes_valid_svg() -> None:
    for text in ("\ud800", "\x00\x07\x1f", " ", "\ufffe", "<&>\"'"):
        fig = Figure(text, xlabel=text, ylabel=text, description=text).line([0, 1], [0, 1])
        check_figure(fig.annotate(text, 0.5, 0.5).scatter([0], [0], label=text).to_svg())
        a = Value(1.0)
        check_figure(draw_graph(a * 2.0, {a: text}, title=text).to_svg())


def test_results_built_by_hand() -> None:
    with pytest.raises(calcweb.ArgumentTypeError, match="passed must be True or False"):
        calcweb.CheckResult(None, "fine")  # type: ignore[arg-type]
    with pytest.raises(calcweb.ArgumentTypeError, match="message must be a string"):
        calcweb.CheckResult(True, 3)  # type: ignore[arg-type]
    odd = taylor(calcweb.exp, 0.5, 2)
    odd.center, odd.coefficients = Fraction(1, 2), (Fraction(1, 3), 1j, 10**400)  # by hand
    assert odd._repr_latex_() == (
        "$T_{2}(x) = 0.333333 + \\mathrm{NaN} (x - 0.5) + \\infty (x - 0.5)^{2}$"
    )
    run = calcweb.minimize(lambda p: p[0] ** 2 + p[1] ** 2, [1.0, 1.0], steps=3)
    run.function = lambda x, y: x  # by hand: a function of two numbers, not of a point
    with pytest.raises(calcweb.ArgumentTypeError, match=r"a list \[x, y\]"):
        run.plot()
    two = taylor(calcweb.exp, 0.0, 1)
    two.function = lambda x, y: x
    with pytest.raises(calcweb.ArgumentTypeError, match="function of one number"):
        two.plot()


def test_figure_repr_says_what_it_shows() -> None:
    fig = Figure("Sine", ylabel="sin x").add_function(math.sin, -3, 3, label="sin")
    text = repr(fig)
    assert text.startswith("<Figure 'Sine': function sin; x axis 'x' from -3 to 3")
    assert "y axis 'sin x' from" in text
    assert repr(Figure()) == (
        "<Figure 'untitled': no marks; x axis 'x' from 0 to 1, y axis 'y' from 0 to 1>"
    )


def test_save_refuses_anything_but_svg(tmp_path: Path) -> None:
    fig = Figure("t").line([0, 1], [0, 1])
    for name in ("x.png", "x.pdf", "x", "x.svg.png"):
        with pytest.raises(calcweb.InvalidArgumentError, match=r"must end in \.svg"):
            fig.save(tmp_path / name)
        assert not (tmp_path / name).exists()
    with pytest.raises(calcweb.InvalidArgumentError, match=r"fig\.save\('.*x\.svg'\)"):
        fig.save(str(tmp_path / "x.png"))
    fig.save(tmp_path / "x.SVG")
    assert (tmp_path / "x.SVG").read_text(encoding="utf-8") == fig.to_svg()
    with pytest.raises(calcweb.InvalidArgumentError, match="could not write"):
        fig.save(tmp_path / "missing" / "x.svg")
    with pytest.raises(calcweb.ArgumentTypeError, match="file name"):
        fig.save(None)  # type: ignore[arg-type]


def test_the_smallest_positive_float_on_a_log_axis() -> None:
    svg = Figure(ylog=True).scatter([1.0], [5e-324]).to_svg()  # a bare ValueError before
    check_figure(svg)
    check_figure(Figure(xlog=True, ylog=True).line([5e-324, 1e308], [1e308, 5e-324]).to_svg())
    check_figure(Figure().line([-1e308, 1e308], [1e308, -1e308]).to_svg())


def test_limits_that_cannot_be_drawn_say_why() -> None:
    with pytest.raises(calcweb.InvalidArgumentError, match="too narrow"):
        Figure(xlim=(0.0, 5e-324))
    with pytest.raises(calcweb.InvalidArgumentError, match="beyond"):
        Figure(ylim=(-1e308, 1e308))
    with pytest.raises(calcweb.ArgumentTypeError, match="labels"):
        plot_function(math.sin, 0, 1, labels=3)  # type: ignore[arg-type]
    with pytest.raises(calcweb.ArgumentTypeError, match="function of 2 numbers"):
        contour(lambda x: x, (0, 1), (0, 1))  # type: ignore[arg-type, misc]
    with pytest.raises(calcweb.ArgumentTypeError, match="dict from Values"):
        draw_graph(Value(1.0), [1])  # type: ignore[arg-type]


def test_the_readers_exception_passes_through() -> None:
    with pytest.raises(UserError):
        plot_function(raises, 0, 1)
    with pytest.raises(UserError):
        contour(raises, (0, 1), (0, 1))
    with pytest.raises(UserError):
        check_function(math.sin, raises, [1.0])
    with pytest.raises(calcweb.DomainError, match=r"f\(-1\.0\) raised ValueError") as caught:
        Figure().tangent(math.log, -1.0)  # outside the domain of f: said so, the cause kept
    assert isinstance(caught.value.__cause__, ValueError)
    ok = plot_function(lambda x: math.log(x), -1, 1)  # noqa: PLW0108  ValueError: a gap, not an error
    check_figure(ok.to_svg())


# ------------------------------------------------------------------ numpy interop

DTYPES = ["float16", "float32", "float64", "int8", "int16", "int32", "int64", "uint8", "uint64"]


@pytest.mark.parametrize("dtype", DTYPES)
def test_numpy_data_of_every_dtype_plots(dtype: str) -> None:
    np = pytest.importorskip("numpy", reason="numpy is an optional oracle (absent in Pyodide)")
    xs = np.array([1, 2, 3], dtype=dtype)
    ys = np.array([3, 1, 2], dtype=dtype)
    one = np.dtype(dtype).type(1)
    fig = (
        Figure("numpy", xlim=np.array([0, 4], dtype=dtype), width=np.int64(400))
        .line(xs, ys)
        .scatter(xs, ys)
        .hline(one)
        .vline(one)
        .annotate("one", one, one)
        .arrow(np.array([1, 1], dtype=dtype), (one, 2))
        .add_path(np.stack([xs, ys], axis=1))
    )
    svg = fig.to_svg()
    check_figure(svg)
    plain = (
        Figure("numpy", xlim=(0, 4), width=400)
        .line([1, 2, 3], [3, 1, 2])
        .scatter([1, 2, 3], [3, 1, 2])
        .hline(1)
        .vline(1)
        .annotate("one", 1, 1)
        .arrow([1, 1], (1, 2))
        .add_path([[1, 3], [2, 1], [3, 2]])
    )
    assert svg == plain.to_svg()  # numpy in, the very same figure out
    check_figure(plot_function(math.sin, np.float32(0), one + one).to_svg())
    check_figure(
        contour(
            lambda x, y: x * x + y * y,
            np.array([-1, 1], dtype="float64"),
            (-one, one) if dtype[0] != "u" else (0, one),
            levels=np.array([0.1, 0.5]),
            n=np.int32(12),
        ).to_svg()
    )
    assert check(xs, [1, 2, 3])
    assert check(one, 1.0)
    assert check(np.array(2.5), 2.5)  # a 0-d array is one number
    assert check_function(math.sin, math.sin, xs)
    assert check(xs.reshape(3, 1), [[1], [2], [3]])
    with pytest.raises(calcweb.ArgumentTypeError, match="points must be a list"):
        check_function(math.sin, math.sin, np.array(1.0))


def test_numpy_results_plot() -> None:
    np = pytest.importorskip("numpy", reason="numpy is an optional oracle (absent in Pyodide)")
    check_figure(plot_function(lambda x: np.float32(x) ** 2, -1, 1).to_svg())
    check_figure(contour(lambda x, y: np.float64(x * y), (-1, 1), (-1, 1)).to_svg())
    poly = taylor(calcweb.sin, np.float32(0.5), np.int64(3))
    assert poly(np.float16(0.5)) == pytest.approx(math.sin(0.5))
    check_figure(poly.plot(xlim=np.array([-1.0, 2.0]), degrees=np.array([1, 3])).to_svg())
    assert "-" in texts(check_figure(poly._repr_svg_()))[0] or True
