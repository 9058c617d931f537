"""DERNEAR (session 27): first derivatives a few steps from a kink, where f is differentiable.

A kink at a distance ``d`` from ``x`` is smooth to the quotients at steps
below ``d``, which settle on the right slope; the noise tests' stencils reach
across it and read its jump as noise, and the walk done again with that noise
keeps a window far above ``d``, where the central quotients average the two
sides. `_junction_beside` takes the walk before back when a one-sided walk
away from the kink confirms it; `_probe_favours` decides whether that walk is
tried at all.
"""

import math

import pytest

from calcweb import DomainError, derivative


def _sine_and_kink(sine: tuple[float, float, float], kink: tuple[float, float, float]):
    """``amplitude sin(rate t + phase) + size relu(slope (t - at))`` and its derivative."""
    (amplitude, rate, phase), (size, slope, at) = sine, kink

    def f(t: float) -> float:
        return amplitude * math.sin(rate * t + phase) + size * max(slope * (t - at), 0.0)

    def exact(t: float) -> float:
        kink = size * slope if slope * (t - at) > 0.0 else 0.0
        return amplitude * rate * math.cos(rate * t + phase) + kink

    return f, exact


@pytest.mark.parametrize(
    ("sine", "kink", "x"),
    [
        # derkinkscan seed 31, draw 54 (rounded): the kink 1.31e-4 left of x, on the far
        # side of the forward quotients. The raw forward quotient at 0.00375 is farther from
        # the walk's value than the central one (its f'' h / 2 is larger than half the jump):
        # no one-sided walk was tried, and 3.86151 +- 3.4e-5 stood, 5.5e-4 off.
        ((1.63, 2.45, 0.23), (4.4e-4, -2.52, 0.011), 0.011 + 1.31e-4),
        # draw 165 (rounded): the kink 3.33e-4 right of x. Not a lie, but the error was
        # 5.3e-3, the two sides' mean's; the walk below the kink had 5.5e-11.
        ((1.42, 1.53, 3.25), (7.7e-4, -4.5, 0.25), 0.25 - 3.33e-4),
    ],
)
def test_a_kink_a_few_steps_away_leaves_the_slope_beside_it(sine, kink, x: float) -> None:
    f, exact = _sine_and_kink(sine, kink)
    result = derivative(f, x, full_output=True)
    assert abs(result.value - exact(x)) <= 2.0 * result.error, result
    assert result.error <= 1e-9, result  # the walk's window below the kink, not the mean


def _abs_kink_at_0(t: float) -> float:
    """derkinkscan seed 31, draw 670: a sine, a quadratic and a slope jump of 1.2e-5 at 0."""
    smooth = 1.1974215424696886 * math.sin(0.4801032370164973 * t + 0.5541235451373041)
    quadratic = 1.7353237875838214 - 2.9612480931101697 * t - 2.8293548910721373 * t * t
    return smooth + quadratic + 1.478931631966793e-06 * abs(-4.044907585414406 * t)


def _relu_kink_at_c(t: float) -> float:
    """derkinkscan seed 31, draw 1542: a quadratic, an exp and a slope jump of 0.0506 at c."""
    quadratic = -1.551358764284784 - 0.6497502250310432 * t - 2.9908327342301018 * t * t
    grown = 2.27520063401363 * math.exp(0.9289834356181559 * t)
    return (
        quadratic
        + grown
        - 0.029591887799532327 * max(1.7095122155268596 * (t + 9.008267353236395), 0.0)
    )


@pytest.mark.parametrize(
    ("f", "x"),
    [
        # 2.8e-6 left of the kink, the window at 3.75e-3 and up: -2.4723705381 +- 5.4e-9,
        # the sides' mean, for -2.4723765148.
        (_abs_kink_at_0, -2.8277861145342598e-06),
        # 1.1e-7 left of it, the window at 0.0338 and up: 53.2098889 +- 5.2e-8 for 53.2351827.
        (_relu_kink_at_c, -9.008267465232922),
    ],
)
def test_a_kink_within_the_smallest_step_is_refused(f, x: float) -> None:
    # The even part's constant over the window's steps is half the slope jump, thousands
    # of times its uncertainty, and a row 16 times below sees it too: a verdict.
    with pytest.raises(DomainError, match="as they do at a kink or a jump at x"):
        derivative(f, x)


def test_a_walk_further_down_passes_a_kink_the_even_part_saw() -> None:
    # derkinkscan seed 41, draw 203: (t + 1)**2 + 2.39 atan(0.655 t) + 5.3e-4 |t|, 1.1e-6 left
    # of the kink. The walk stopped early on the window at 3.75e-3 (3.56775 +- 9.7e-8, the
    # sides' mean), where the even part's constant refuses; the walk going on below settles
    # at 2.3e-7, below the kink's distance, on the slope beside it.
    a, w, c, size = (
        2.3921806216948855,
        0.6553671720083319,
        0.17745440574939644,
        0.0029821718603969937,
    )

    def f(t: float) -> float:
        return (t + 1.0) ** 2 + a * math.atan(w * t) + size * abs(c * t)

    x = -1.1138713102108629e-06
    exact = 2.0 * (x + 1.0) + a * w / (1.0 + (w * x) ** 2) - size * c
    result = derivative(f, x, full_output=True)
    assert abs(result.value - exact) <= 2.0 * result.error, result
    assert result.error <= 1e-7, result
