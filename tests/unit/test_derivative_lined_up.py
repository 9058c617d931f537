"""First derivatives where ``a t`` rounded inside ``f`` lines up over the window (issue 13).

``f(t) = g(a t)`` computes ``g`` at ``a t`` rounded to ulp(``a t``). Where
``a ulp(x)`` is within ``1 / S`` of ulp(``a x``) (``a`` that close to a power
of 2), or of a ratio of it that the stencils' offsets fit, ``S`` the span of a
stencil in ulp(``x``), the rounding is a line over each stencil: at the floats
the walk samples, ``f`` is ``g`` of a slightly wrong multiple of ``t``, smooth
to every quotient, and the window's error (how far its quotients disagree)
does not see it. The bound on it (`_richardson._lined_up`) is added where the
answer is the walk's own window. Nothing sampled tells ``a = 1`` from such an
``a``: ``log1p(a t)`` near -1 and ``exp(a t)`` at 400 with ``a`` within 1e-8
and 1e-12 of 1 were dishonest on the old code, with the same pattern of
quotients as the plain ``log1p`` and ``exp``, whose reported errors therefore
grow too (to 2e-6 and 3.8e-12 relative; values unchanged).

Found by the k-scan (``sin(k t)``, ``k = 10**U(8, 14)``, ``x = U(-1, 1)``,
300 draws; seeds 7 and 9). Exact values: mpmath at 50 digits.
"""

from __future__ import annotations

import math

import pytest

from calcweb import NumericalError, _richardson, derivative


def _sin(k: float):  # type: ignore[no-untyped-def]
    return lambda t: math.sin(k * t)


def _log1p(a: float):  # type: ignore[no-untyped-def]
    return lambda t: math.log1p(a * t)


def _exp(a: float):  # type: ignore[no-untyped-def]
    return lambda t: math.exp(a * t)


@pytest.mark.parametrize(
    ("f", "x", "exact"),
    [
        # k ulp(x) = 1.0000256 ulp(k x): the window at 492..3932 ulp(x) gave
        # -14478253909.787 +- 0.0123 (3.0e7 times its error off).
        (_sin(17180308720.894814), 0.5455065544805004, -14478628016.597426),
        # a within 1e-8 of 1 near the pole: 50000000.0263 +- 3.7e-4 (1430x).
        (_log1p(1 - 1e-8), -0.99999999, 49999999.498762036),
        (_log1p(1 - 2.5e-8), -0.99999999, 28571428.053605614),  # 1860x
        (_log1p(1 - 1e-9), -0.99999999, 90909090.719292056),  # 21x
        # 5.221469687675533e+173 +- 2.2e161 (2.35x).
        (_exp(1 - 1e-12), 400.0, 5.2214696876703809e173),
    ],
    ids=[
        "k-1.7e10",
        "log1p-1e-8",
        "log1p-2.5e-8",
        "log1p-1e-9",
        "exp-400-1e-12",
    ],
)
def test_a_rounding_that_lines_up_is_in_the_error(f: object, x: float, exact: float) -> None:
    result = derivative(f, x, full_output=True)  # type: ignore[arg-type]
    assert abs(result.value - exact) <= 2.0 * result.error, result


@pytest.mark.parametrize(
    ("k", "x"),
    [
        # 1.0041 ulp(k x), window at 2..16 ulp(x): 7907641689213.7 +- 1.2e6 (1.8e4x);
        # with this bound 7.9e12 +- 2.4e12 (0.3 relative).
        (17663595259123.7, 0.5957462423931321),
        (8798352226465.041, 0.9904659301604586),  # 1.1e5x; then +- 0.5 relative
        (70713447674835.17, -0.6533906902655862),  # 244x; then +- 0.66 relative
    ],
    ids=["k-1.8e13", "k-8.8e12", "k-7.1e13"],
)
def test_a_sine_on_the_float_grid_is_refused(k: float, x: float) -> None:
    """Three of the k-scan's lies: ``1 / k`` is 510, 1020 and 127 float spacings.

    Answered honestly, with the bound of `_lined_up` (0.3 to 0.66 relative
    error), until `_check_grid` refused every ``f`` of a scale of fewer than
    ``GRID`` (2896) float spacings: at so few floats ``f`` is the same as
    functions of other derivatives (``sin`` at 1e240). ``k-1.7e10`` above
    (5.3e5 spacings) keeps the bound's reproducer for ``sin``.
    """
    with pytest.raises(NumericalError, match="scale of the float spacing"):
        derivative(lambda t: math.sin(k * t), x, full_output=True)


def test_the_bound_of_a_rounding_that_lines_up() -> None:
    """``n |f^(n)| eps (|x| + reach) / span`` at the smallest step: 1.6e7 for the first case."""
    estimate = _richardson.Estimate(-14478253909.787203, 0.0123, 57, 1.0, "central", 5.46e-14)
    x = 0.5455065544805004
    bound = _richardson._lined_up(x, 1, estimate)
    assert bound == pytest.approx(14478253909.787203 * 2.0**-52 * (x + 5.46e-14) / 1.092e-13)
    assert 1.6e7 < bound < 1.62e7
    # One-sided: the span is the step itself; an n-th derivative is off n times as much.
    forward = _richardson.Estimate(2.0, 0.0, 1, 1.0, "forward", 1e-10)
    assert _richardson._lined_up(3.0, 2, forward) == pytest.approx(
        2 * 2.0 * 2.0**-52 * (3.0 + 2e-10) / 2e-10
    )
    # At x = 0 only the stencil's reach is rounded: half the relative eps of a central one.
    assert _richardson._lined_up(0.0, 1, estimate) == pytest.approx(14478253909.787203 * 2.0**-53)
    # The value itself, or no step known: nothing.
    assert _richardson._lined_up(x, 0, estimate) == 0.0
    assert _richardson._lined_up(x, 1, _richardson.Estimate(1.0, 0.0, 1, 1.0, "central")) == 0.0


def test_a_given_large_step_on_a_steep_sine_is_honest() -> None:
    """A strict xfail (195x, 2.6x on the code before): -9.875058721595686e-168 +- 1.3e-178."""
    f = lambda t: math.exp(517.6 * t) * math.sin(66743.0 * t + 0.3184)  # noqa: E731
    result = derivative(f, -0.7641, method="richardson", h=3.93, full_output=True)
    assert abs(result.value - -9.875058721249953e-168) <= 2.0 * result.error, result


def test_a_refined_answer_rests_on_its_wide_stencil_not_on_the_walks_steps() -> None:
    """The bound is for the walk's own window: a refined value keeps its own error.

    ``sin(t / 500)`` at 20: 0.001998400213321956 +- 2.3e-17 from the refining
    stencil; the bound at the walk's smallest step would be 5.9e-17. (The
    refining stencil has its own bound for ``a t`` rounded, `_moved`: ``sin``
    at 50 is 0.9649660284921138 +- 2.2e-13, 1.2e-14 before it, where the walk's
    would be 1.1e-13.)
    """
    result = derivative(lambda t: math.sin(t / 500.0), 20.0, full_output=True)
    assert abs(result.value - 0.001998400213321956) <= 2.0 * result.error
    assert result.error < 4e-17
    result = derivative(math.sin, 50.0, full_output=True)
    assert abs(result.value - math.cos(50.0)) <= 2.0 * result.error
    assert result.error < 3e-13


def test_the_shift_of_the_argument_at_x_is_in_the_error() -> None:
    """bench.honesty fast-off-zero seed 2 (1000 draws): -265.58810431179126 +- 7.2e-8 (5.75x).

    ``k x + c`` rounded by 3.2e-12 at -0.5625 moves every quotient alike by
    ``|f''|`` (1.3e10) times 3.2e-12 / 115263 (`_richardson._shifted`).
    """
    f = lambda t: math.sin(115263.0 * t + 3.9584)  # noqa: E731
    result = derivative(f, -0.5625, full_output=True)
    assert abs(result.value - -265.58810472879736) <= 2.0 * result.error, result


def test_the_bound_of_the_shift_of_the_argument() -> None:
    """``|f''| |x| eps / 2`` (``n = 1``), ``f''`` from the values at ``x`` and ``x +- h`` taken."""
    sampler = _richardson.Sampler(lambda t: t * t, 3.0)
    for point in (2.5, 3.0, 3.5):
        sampler(point)
    estimate = _richardson.Estimate(6.0, 0.0, 3, 1.0, "central", 0.5)
    assert _richardson._shifted(sampler, 1, estimate) == pytest.approx(
        2.0 * 3.0 * 2.0**-53, abs=0.0
    )
    assert sampler.calls == 3  # no call made
    # Only a central estimate whose points are known: of order 2 the bound needs a point
    # of the next larger step too (none here).
    assert _richardson._shifted(sampler, 2, estimate) == 0.0
    forward = _richardson.Estimate(6.0, 0.0, 3, 1.0, "forward", 0.5)
    assert _richardson._shifted(sampler, 1, forward) == 0.0
    unknown = _richardson.Estimate(6.0, 0.0, 3, 1.0, "central", 0.25)
    assert _richardson._shifted(sampler, 1, unknown) == 0.0
