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

from calcweb import derivative


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
