"""Every figure is safe, accessible, deterministic, small, and draws honestly.

The gallery below covers each kind of mark; every figure in it is checked
against the contract in plot_checks.check_figure (valid XML, finite
coordinates inside the viewBox, no script, event attribute or external
reference, title and desc, under 50 KB).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from pathlib import Path

import pytest
from plot_checks import SVG, check_figure, parse, polylines, texts

import calcweb
import calcweb.plot
from calcweb import ArgumentTypeError, DomainError, Figure, InvalidArgumentError
from calcweb.plot import contour, plot_function


def rosenbrock(x: float, y: float) -> float:
    return (1 - x) ** 2 + 100 * (y - x * x) ** 2


def error_vs_h() -> Figure:
    hs = [10 ** (-k / 4) for k in range(61)]
    fig = Figure("Error of finite differences", xlabel="h", ylabel="|error|", xlog=True, ylog=True)
    for name, formula in (
        ("forward", calcweb.forward_difference),
        ("central", calcweb.central_difference),
    ):
        fig.line(hs, [abs(formula(math.exp, 1.0, h) - math.e) for h in hs], label=name)
    return fig


GALLERY: dict[str, Callable[[], Figure]] = {
    "sine": lambda: plot_function(math.sin, -math.pi, math.pi, title="sin"),
    "poles": lambda: plot_function([math.tan, lambda x: 1 / x], -3, 3, labels=["tan", "1/x"]),
    "gaps": lambda: plot_function([math.sqrt, math.log], -1, 4, labels=["sqrt", "log"]),
    "error": error_vs_h,
    "marks": lambda: (
        Figure("Marks")
        .add_function(lambda x: x**3 - 2 * x, -2, 2, label="f")
        .tangent(lambda x: x**3 - 2 * x, 1.0, label="tangent")
        .hline(0.0)
        .vline(1.0, label="x = 1")
        .annotate("minimum", 0.8165, -1.0887)
        .arrow((-1.5, 2.0), (-0.8, 1.0))
        .scatter([-1, 0, 1], [1, 0, -1], label="points")
    ),
    "rosenbrock": lambda: contour(
        rosenbrock,
        (-2, 2),
        (-1, 3),
        levels=12,
        log_levels=True,
        path=[(-1.5, 2.0), (-1.0, 1.0), (1.0, 1.0)],
    ),
    "bowl": lambda: contour(lambda x, y: x * x + 2 * y * y, (-2, 2), (-2, 2)),
    "empty": lambda: Figure("Nothing yet"),
    "constant": lambda: plot_function(lambda x: 2.0, 0, 1),
    "oscillating": lambda: plot_function(lambda x: math.sin(1 / x), 0.01, 1),
    "huge": lambda: plot_function(math.exp, 0, 700),
}


@pytest.mark.parametrize("name", sorted(GALLERY))
def test_every_figure_keeps_the_contract(name: str) -> None:
    check_figure(GALLERY[name]().to_svg())


@pytest.mark.parametrize("name", sorted(GALLERY))
def test_same_input_gives_the_same_bytes(name: str) -> None:
    first = GALLERY[name]()
    assert first.to_svg() == first.to_svg() == GALLERY[name]()._repr_svg_()


def test_figures_on_one_page_have_different_ids() -> None:
    ids = {name: parse(build().to_svg()).get("aria-labelledby") for name, build in GALLERY.items()}
    assert len(set(ids.values())) == len(ids)


def test_text_is_escaped() -> None:
    nasty = "<script>x</script>&'\""
    fig = Figure(nasty, xlabel=nasty, ylabel="y < 1").add_function(math.sin, 0, 1, label=nasty)
    root = check_figure(fig.annotate(nasty, 0.5, 0.5).to_svg())
    assert root.find(f"{SVG}title") is not None
    assert root.findtext(f"{SVG}title") == nasty
    assert texts(root).count(nasty) == 4  # title, x label, legend, note
    assert "<script" not in fig.to_svg()


@pytest.mark.parametrize("bad", ["red;background:url(http://x)", "</svg>", "a{b}"])
def test_a_colour_cannot_inject_css(bad: str) -> None:
    with pytest.raises(InvalidArgumentError):
        Figure().line([0, 1], [0, 1], color=bad)


def test_colours_follow_the_page() -> None:
    svg = GALLERY["poles"]().to_svg()
    assert "currentColor" in svg
    assert "var(--md-default-fg-color,currentColor)" in svg
    assert "var(--calcweb-plot-color-0,#0072B2)" in svg
    assert "#000" not in svg
    assert "white" not in svg


def spikes(svg: str) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """Segments that are almost vertical and cross most of the plot's height."""
    found = []
    for path in parse(svg).iter(f"{SVG}path"):
        if path.get("stroke-dasharray") or not (path.get("style") or "").startswith("stroke:var"):
            continue
        for line in polylines(path.get("d", "")):
            found += [
                (a, b)
                for a, b in itertools.pairwise(line)
                if abs(a[0] - b[0]) < 1 and abs(a[1] - b[1]) > 100
            ]
    return found


@pytest.mark.parametrize(
    "f",
    [math.tan, lambda x: 1 / x, lambda x: 1 / (x - 0.3) ** 2, lambda x: -1 / (x + 0.7)],
    ids=["tan", "1/x", "double-pole", "shifted"],
)
def test_poles_break_the_line_instead_of_a_vertical_spike(f: Callable[[float], float]) -> None:
    svg = plot_function(f, -3, 3).to_svg()
    check_figure(svg)
    assert spikes(svg) == []


def test_a_step_is_not_joined_by_a_vertical_line() -> None:
    svg = plot_function(lambda x: 1.0 if x > 0 else 0.0, -1, 1).to_svg()
    assert spikes(svg) == []
    assert len(parse(svg).findall(f".//{SVG}path")) >= 1


def test_the_axis_keeps_the_interval_where_f_is_undefined() -> None:
    fig = plot_function(math.sqrt, -1, 4)
    root = check_figure(fig.to_svg())
    assert "\N{MINUS SIGN}1" in texts(root)  # the x axis starts at -1: the gap is visible
    pieces = fig.marks[0].pieces  # type: ignore[attr-defined]
    assert all(x >= 0 for piece in pieces for x, _ in piece)


@pytest.mark.parametrize("f", [lambda x: 2.0, lambda x: -1e-300, lambda x: 1e300])
def test_a_constant_function_gets_a_sensible_axis(f: Callable[[float], float]) -> None:
    root = check_figure(plot_function(f, 0, 1).to_svg())
    assert len(texts(root)) >= 5  # tick labels on both axes


def test_an_empty_figure_still_has_axes() -> None:
    root = check_figure(Figure("Nothing").to_svg())
    assert {"0.0", "1.0"} <= set(texts(root))


def test_log_axes_leave_out_values_that_are_not_positive() -> None:
    fig = Figure(ylog=True).line([1, 2, 3, 4], [1.0, 0.0, -5.0, 100.0]).scatter([1, 2], [0, 10])
    root = check_figure(fig.to_svg())
    assert any(t.startswith("10") for t in texts(root))


def test_nan_and_none_in_data_make_gaps() -> None:
    fig = Figure().line([0, 1, 2, 3, 4], [0.0, 1.0, math.nan, 1.0, None])  # type: ignore[list-item]
    root = check_figure(fig.to_svg())
    lines = [
        polylines(p.get("d", ""))
        for p in root.iter(f"{SVG}path")
        if "calcweb-plot-color" in (p.get("style") or "")
    ]
    assert [len(line) for line in lines[0]] == [2]


def test_tick_labels_do_not_overlap() -> None:
    for build in GALLERY.values():
        root = parse(build().to_svg())
        for group in root.iter(f"{SVG}g"):
            if group.get("font-size") is None:
                continue
            row = [
                (float(t.get("x", 0)), t.text or "")
                for t in group
                if t.get("text-anchor") == "middle"
            ]
            for (x0, a), (x1, b) in itertools.pairwise(row):
                assert x1 - x0 >= 0.6 * 13 * (len(a) + len(b)) / 2 + 8, (a, b)


def test_long_labels_and_wide_tick_labels_stay_inside() -> None:
    check_figure(Figure("t").line([0, 1e-3], [0, 1], label="x" * 80).to_svg())
    check_figure(Figure().line([-7e-4, -1e-4], [0, 1]).to_svg())


def test_narrow_and_wide_figures() -> None:
    for width in (200, 1200):
        check_figure(Figure("w", width=width, height=200).add_function(math.cos, -10, 10).to_svg())


def test_save_writes_the_svg(tmp_path: Path) -> None:
    fig = GALLERY["sine"]()
    target = tmp_path / "sine.svg"
    fig.save(target)
    assert target.read_text(encoding="utf-8") == fig.to_svg()


def test_arguments_are_checked_with_helpful_errors() -> None:
    with pytest.raises(InvalidArgumentError, match="lo < hi"):
        Figure(xlim=(1, 0))
    with pytest.raises(InvalidArgumentError, match="positive on a log axis"):
        Figure(ylog=True, ylim=(0, 1))
    with pytest.raises(InvalidArgumentError, match="width and height"):
        Figure(width=10)
    with pytest.raises(InvalidArgumentError, match="a < b"):
        plot_function(math.sin, 1, 1)
    with pytest.raises(InvalidArgumentError, match="same length"):
        Figure().line([1, 2], [1])
    with pytest.raises(InvalidArgumentError, match="one label per function"):
        plot_function([math.sin, math.cos], 0, 1, labels=["sin"])
    with pytest.raises(ArgumentTypeError):
        plot_function("sin", 0, 1)  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError, match="real number"):
        plot_function(lambda x: "one", 0, 1)  # type: ignore[arg-type, return-value]
    with pytest.raises(InvalidArgumentError, match="pairs"):
        Figure().add_path([(0.0, 1.0, 2.0)])
    with pytest.raises(InvalidArgumentError, match="pairs"):
        Figure().add_path([])
    with pytest.raises(DomainError, match="could not be evaluated"):
        plot_function(math.log, -2, -1)


def test_the_plot_module_and_the_flat_names_agree() -> None:
    assert calcweb.plot.Figure is calcweb.Figure
    assert calcweb.plot.contour is calcweb.contour
    assert calcweb.plot.plot_function is calcweb.plot_function


def test_real_taylor_and_optimize_results_plot() -> None:
    # The hooks read attributes of the real classes, not only of stand-ins.
    polynomial = calcweb.taylor(calcweb.sin, 0.0, 7)
    taylor_svg = polynomial.plot()._repr_svg_()
    assert taylor_svg.startswith("<svg")
    assert polynomial._repr_svg_() == taylor_svg  # shown as its figure
    plane = calcweb.minimize(lambda p: p[0] ** 2 + 3 * p[1] ** 2, [1.0, 1.0], lr=0.1, steps=20)
    assert "<path" in plane.plot()._repr_svg_()
    line = calcweb.minimize(lambda x: (x - 2) ** 2, 0.0, lr=0.1, steps=20)
    assert "<path" in line.plot()._repr_svg_()
