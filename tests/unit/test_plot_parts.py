"""The parts of calcweb.plot: ticks, sampling, marching squares, and the
figures drawn for Taylor polynomials and optimisation results (with small
stand-in objects, as those classes live elsewhere)."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from xml.etree import ElementTree

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from plot_checks import SVG, check_figure, texts

from calcweb import InvalidArgumentError, compare_paths, plot_optimization, plot_taylor
from calcweb.plot._contour import choose_levels, contour_lines, sample_grid
from calcweb.plot._marks import Frame
from calcweb.plot._sampling import robust_range, sample_function
from calcweb.plot._scales import Scale, axis_limits, format_tick, linear_ticks, log_ticks
from calcweb.plot._svg import element

MINUS = "\N{MINUS SIGN}"

# ------------------------------------------------------------------ ticks


@given(
    lo=st.floats(-1e9, 1e9),
    width=st.floats(1e-6, 1e9),
    count=st.integers(2, 12),
)
def test_linear_ticks_step_by_one_two_or_five(lo: float, width: float, count: int) -> None:
    assume(width > 1e-6 * abs(lo))  # an axis resolves at least a millionth of its values
    hi = lo + width
    ticks = linear_ticks(lo, hi, count)
    assert 1 <= len(ticks.values) <= count
    slack = 1e-9 * width + 1e-14 * abs(lo)
    assert all(lo - slack <= v <= hi + slack for v in ticks.values)
    assert len(set(ticks.labels)) == len(ticks.labels)
    if len(ticks.values) >= 2:
        step = ticks.values[1] - ticks.values[0]
        mantissa = step / 10 ** math.floor(math.log10(step) + 1e-9)
        rounding = 1e-15 * max(abs(lo), abs(hi)) / step  # of the difference of two ticks
        assert min(abs(mantissa - m) for m in (1, 2, 5, 10)) < 1e-6 + rounding


def test_tick_labels_are_short_and_use_a_true_minus() -> None:
    assert linear_ticks(-0.3, 0.3, 7).labels == [
        f"{MINUS}0.3",
        f"{MINUS}0.2",
        f"{MINUS}0.1",
        "0.0",
        "0.1",
        "0.2",
        "0.3",
    ]
    assert linear_ticks(0, 1e7, 3).labels == ["0", "5e6", "1e7"]
    assert format_tick(-1e-17, 0.1) == "0.0"
    assert format_tick(3e-6, 1e-6) == "3e-6".replace("-", MINUS)


def test_log_ticks_label_decades() -> None:
    ticks = log_ticks(1e-3, 1e3, 7)
    assert ticks.labels == ["10⁻³", "10⁻²", "10⁻¹", "10⁰", "10¹", "10²", "10³"]
    assert 2e-3 in ticks.minor
    assert log_ticks(1e-16, 1.0, 5).values == [1e-16, 1e-12, 1e-8, 1e-4, 1.0]
    assert log_ticks(2.0, 8.0, 5).labels == ["2", "4", "6", "8"]


def test_axis_limits_are_never_empty() -> None:
    assert axis_limits(None, None, False, 0.05) == (0.0, 1.0)
    assert axis_limits(0.0, 0.0, False, 0.0) == (-1.0, 1.0)
    assert axis_limits(1e6, 1e6, False, 0.0) == (0.9e6, 1.1e6)
    assert axis_limits(None, None, True, 0.05) == (1.0, 10.0)


# ------------------------------------------------------------------ sampling


def test_sampling_follows_curvature() -> None:
    pieces, _ = sample_function(lambda x: math.exp(-100 * x * x), -5, 5)
    xs = [x for x, _ in pieces[0]]
    near = sum(1 for x in xs if abs(x) < 0.5)
    far = sum(1 for x in xs if 3 < abs(x) < 3.5)
    assert near > 5 * far


def test_a_straight_line_needs_no_refinement() -> None:
    pieces, view = sample_function(lambda x: 2 * x + 1, 0, 1)
    assert len(pieces) == 1
    assert len(pieces[0]) == 2 * 96 + 1  # one round of midpoints, then no more
    assert view == (1.0, 3.0)


def test_a_function_that_raises_leaves_a_gap_with_sharp_edges() -> None:
    def f(x: float) -> float:
        if abs(x) < 0.5:
            raise ValueError("undefined here")
        return x

    pieces, _ = sample_function(f, -2, 2)
    assert len(pieces) == 2
    assert all(abs(x) >= 0.5 for piece in pieces for x, _ in piece)
    assert abs(pieces[0][-1][0] + 0.5) < 1e-6
    assert abs(pieces[1][0][0] - 0.5) < 1e-6


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_nan_and_inf_values_leave_a_gap(bad: float) -> None:
    pieces, _ = sample_function(lambda x: bad if 0.2 < x < 0.4 else x, 0, 1)
    assert len(pieces) == 2


def test_poles_split_the_samples() -> None:
    pieces, _ = sample_function(math.tan, -3, 3)
    for piece in pieces:
        xs = [x for x, _ in piece]
        assert not any(
            a < -math.pi / 2 < b or a < math.pi / 2 < b for a, b in itertools.pairwise(xs)
        )


def test_robust_range_ignores_a_few_huge_values() -> None:
    assert robust_range([math.nan, 1.0, 2.0]) == (1.0, 2.0)
    values = [math.tan(-1.5 + 3 * i / 100) for i in range(101)] + [1e12]
    lo, hi = robust_range(values) or (0.0, 0.0)
    assert -30 < lo < 0 < hi < 30


# ------------------------------------------------------------------ contours


def test_contours_of_a_bowl_are_closed_circles() -> None:
    xs, ys, grid = sample_grid(lambda x, y: x * x + y * y, (-2, 2), (-2, 2), 41)
    (circle,) = contour_lines(xs, ys, grid, 1.0)
    assert circle[0] == circle[-1]
    assert all(abs(math.hypot(x, y) - 1.0) < 0.01 for x, y in circle)


def test_contours_skip_cells_where_f_is_undefined() -> None:
    xs, ys, grid = sample_grid(lambda x, y: math.log(x) + y, (-1, 1), (-1, 1), 21)
    assert any(math.isnan(v) for row in grid for v in row)
    lines = contour_lines(xs, ys, grid, 0.0)
    assert lines
    assert all(x > 0 for line in lines for x, _ in line)


def test_saddles_give_two_separate_lines() -> None:
    xs = ys = [-1.0, 1.0]
    lines = contour_lines(xs, ys, [[1.0, -1.0], [-1.0, 1.0]], 0.0)
    assert len(lines) == 2


def test_levels() -> None:
    values = [
        [(x - 1) ** 2 + 100 * (y - x * x) ** 2 for x in (-2, -1, 0, 1, 2)] for y in (-1, 0, 1, 3)
    ]
    geometric = choose_levels(values, 8, True)
    ratios = [(b - 0) / (a - 0) for a, b in itertools.pairwise(geometric)]
    assert max(ratios) - min(ratios) < 1e-9
    assert choose_levels([[1.0, 1.0], [1.0, 1.0]], 5, False) == []
    linear = choose_levels(values, 8, False)
    assert 4 <= len(linear) <= 10


# ------------------------------------------------------------------ Taylor and optimisation


@dataclass
class TaylorStandIn:
    center: float
    degree: int
    coefficients: list[float]
    function: Callable[[float], float]

    def __call__(self, x: float) -> float:
        return sum(c * (x - self.center) ** k for k, c in enumerate(self.coefficients))


def sine_taylor(degree: int) -> TaylorStandIn:
    coefficients = [
        0.0 if k % 2 == 0 else (-1) ** (k // 2) / math.factorial(k) for k in range(degree + 1)
    ]
    return TaylorStandIn(0.0, degree, coefficients, math.sin)


def test_plot_taylor_draws_function_polynomials_and_centre() -> None:
    fig = plot_taylor(sine_taylor(7))
    root = check_figure(fig.to_svg())
    legend = texts(root)
    assert "f = sin" in legend
    assert {"degree 1", "degree 3", "degree 5", "degree 7"} <= set(legend)
    assert "centre x0 = 0" in legend


def test_plot_taylor_partial_sums_match_the_polynomial() -> None:
    poly = sine_taylor(9)
    fig = plot_taylor(poly, degrees=[9], xlim=(-1, 1))
    top = fig.marks[1]
    for x, y in top.pieces[0]:  # type: ignore[attr-defined]
        assert y == pytest.approx(poly(x), abs=1e-12)


def test_plot_taylor_of_a_function_with_a_limited_domain() -> None:
    coefficients = [0.0, 1.0, -0.5, 1 / 3]
    poly = TaylorStandIn(1.0, 3, [math.log(1.0), *coefficients[1:]], math.log)
    root = check_figure(plot_taylor(poly).to_svg())
    assert "centre x0 = 1" in texts(root)
    with pytest.raises(InvalidArgumentError, match="degrees"):
        plot_taylor(poly, degrees=[5])


@dataclass
class ResultStandIn:
    path: list[list[float]]
    losses: list[float]
    function: Callable[[Sequence[float]], float]
    x: list[float]


def rosenbrock(p: Sequence[float]) -> float:
    return (1 - p[0]) ** 2 + 100 * (p[1] - p[0] ** 2) ** 2


def descend(start: list[float], lr: float, steps: int, momentum: float = 0.0) -> ResultStandIn:
    x, velocity, path = list(start), [0.0, 0.0], [list(start)]
    for _ in range(steps):
        grad = [-2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] ** 2), 200 * (x[1] - x[0] ** 2)]
        velocity = [momentum * v + g for v, g in zip(velocity, grad, strict=True)]
        x = [a - lr * v for a, v in zip(x, velocity, strict=True)]
        path.append(list(x))
    return ResultStandIn(path, [rosenbrock(p) for p in path], rosenbrock, x)


def test_plot_optimization_draws_contours_and_the_path_in_2d() -> None:
    result = descend([-1.5, 2.0], 1e-3, 500)
    svg = plot_optimization(result).to_svg()
    root = check_figure(svg)
    desc = root.findtext(f"{SVG}desc") or ""
    assert "contour lines at levels" in desc
    assert "descent path of 501 points from (-1.5, 2)" in desc


def test_plot_optimization_draws_the_loss_curve_otherwise() -> None:
    losses = [10 * 0.7**k for k in range(50)]
    result = ResultStandIn([[1.0, 2.0, 3.0]] * 50, losses, sum, [1.0, 2.0, 3.0])
    fig = plot_optimization(result)
    assert fig.ylog
    root = check_figure(fig.to_svg())
    assert "step" in texts(root)
    flat = ResultStandIn([[1.0]] * 3, [1.0, 0.5, 0.4], lambda p: p[0], [1.0])
    assert not plot_optimization(flat).ylog


def test_a_path_that_does_not_move_still_gets_a_window() -> None:
    still = ResultStandIn([[1.0, 1.0]] * 5, [0.0] * 5, rosenbrock, [1.0, 1.0])
    check_figure(plot_optimization(still).to_svg())


def test_compare_paths_overlays_several_optimisers() -> None:
    runs = [descend([-1.5, 2.0], 1e-3, 300), descend([-1.5, 2.0], 1e-3, 300, momentum=0.9)]
    root = check_figure(compare_paths(runs, ["GD", "momentum"]).to_svg())
    assert {"GD", "momentum"} <= set(texts(root))
    assert "descent path 'momentum' of 301 points" in (root.findtext(f"{SVG}desc") or "")
    with pytest.raises(InvalidArgumentError, match="one label per result"):
        compare_paths(runs, ["GD"])
    with pytest.raises(InvalidArgumentError, match="2-D"):
        compare_paths([ResultStandIn([[1.0]], [1.0], lambda p: p[0], [1.0])])
    with pytest.raises(InvalidArgumentError, match="empty"):
        compare_paths([])


# XML 1.0 characters: what an SVG can carry at all.
xml_text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\ufffe\uffff").filter(
        lambda c: c in "\t\n\r" or ord(c) >= 0x20
    )
)


@given(xml_text, xml_text)
def test_element_escapes_any_text_and_attribute(text: str, value: str) -> None:
    parsed = ElementTree.fromstring(element("text", {"aria-label": value}, text))  # noqa: S314
    assert (parsed.text or "") == text.replace("\r\n", "\n").replace("\r", "\n")
    assert parsed.get("aria-label") == value


def test_clipping_is_exact_from_a_near_end_and_skips_what_rounding_would_misplace() -> None:
    frame = Frame(Scale(0.0, 100.0, 0.0, 100.0), Scale(0.0, 100.0, 100.0, 0.0))  # data = pixels
    # From (50, 50) along y = x to a point 1e18 away: it leaves the frame at its
    # top right corner, pixel (100, 0).
    ((start, end),) = frame.polylines([[(50.0, 50.0), (50.0 + 1e18, 50.0 + 1e18)]])
    assert start == (50.0, 50.0)
    assert end == pytest.approx((100.0, 0.0), abs=1e-9)
    ((start, end),) = frame.polylines([[(50.0 + 1e18, 50.0 + 1e18), (50.0, 50.0)]])  # reversed
    assert start == pytest.approx((100.0, 0.0), abs=1e-9)
    assert end == (50.0, 50.0)
    # y = x + 50 between two points 1e18 out: stored, its ends round onto y = x
    # (50 pixels off), so the segment is left out rather than drawn wrong.
    far = [(-1e18, -1e18 + 50.0), (1e18, 1e18 + 50.0)]
    assert frame.polylines([far]) == []
