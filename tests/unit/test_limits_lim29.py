"""farscan groups C and B after session 22 (LIM29): drops after three or more samples, probed.

``(1 - cos t)/t**2 + a (sqrt(1 - h/D) - 1)``, limit 0.5: once ``cos t``
rounds to 1, f is only the domain end's term, which halves each step and
was read as the limit, 0. `_lost_drop` refuses such a drop only where the
samples before it show rounding noise (`_lost_into`, `_swings`,
`_zigzag_outgrows`), and `_lost_early` probed f between the last sample and
the drop only after one or two samples. Three samples that rise one way
(0.4976, 0.5155, 0.5889), or seven smooth ones and a noisy eighth, show no
noise, and were answered 0. `_lost_early` now probes every drop that the
answer is read past (`_before_drop`): after fewer than ``MIN_SAMPLES``
samples, which show no trend, any converged answer is; after more, one that
their estimate contradicts. Between the last sample and the drop, ``1 - cos
t``, rounded, is ``eps/2`` until it is 0, so f goes farther from the drop
than the last sample, and the limit is refused; a drop of f itself passes
from the one to the other and is answered.

Group B, two of its cases: ``(1 - cos t)/t**2 + a D/(h - D)``, a pole at
``h = D`` beside it. Once ``cos t`` rounds to 1, f falls from near 0.5 onto
the pole's term, ``-a`` at ``x0``, which was read as the limit (``0.5 -
a``). The fall is to 4.6 % and 1.3 % of the sample before, not below
``DROP``; after ``MIN_SAMPLES`` or more samples whose estimate contradicts
the answer, a fall to below ``LOSS`` of the sample before is probed too.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest
from domain_ends import cos_end

from calcweb import LimitResult, limit


@pytest.mark.parametrize(
    ("c", "d", "a", "x0", "side"),
    [
        # farscan 21: 0.4786, 0.4436, 0.5929, then -4.0e-4 (from the left), answered 0
        (
            69.73901529991961,
            6.409903266888005e-06,
            0.010475405681938133,
            -0.009257933284311678,
            "both",
        ),
        # farscan 32: 0.4976, 0.5155, 0.5889 (rising one way), then 7.5e-5 and halving
        (
            25142.373746702477,
            0.002339485217752803,
            -0.001397016891542053,
            -321.8985965714047,
            "left",
        ),
        # farscan 34: 0.4620, 0.5015, 0.5844, then -4.0e-3
        (
            1576.4506279259303,
            0.0002058586136165467,
            0.10488648773700789,
            -46.00533014205577,
            "left",
        ),
        # farscan 22: 0.49991, ..., 0.5000177 (seven smooth samples), 0.5714, then -3.0e-7
        (99082.99201913763, 0.449072825907542, 0.00027573668861389334, 0.0, "right"),
    ],
)
def test_a_drop_after_samples_that_show_no_noise_is_refused(
    c: float, d: float, a: float, x0: float, side: str
) -> None:
    result = limit(cos_end(c, d, a, x0), x0, side=side, full_output=True)
    assert isinstance(result, LimitResult)
    assert not result.converged, result
    # The estimate is where the samples before the drop head, its error reaching 0.
    assert abs(result.value - 0.5) <= 0.1
    assert result.error >= abs(result.value) / 2


@pytest.mark.parametrize("d", [3e-2, 3e-3, 1e-4, 1e-5])
def test_a_steep_drop_of_f_itself_after_many_samples_is_answered(d: float) -> None:
    # 4 to 15 samples near 1, then a drop to 1e-13 or less: f itself passes from its last
    # sample to the drop.
    result = limit(
        lambda x: 1 / (1 + (d / abs(x)) ** 30) + 0.5 * x, 0.0, side="right", full_output=True
    )
    assert result.converged, result
    assert abs(result.value) <= 2 * result.error


def _cos_pole(c: float, d: float, a: float, x0: float) -> Callable[[float], float]:
    def f(x: float) -> float:
        h = abs(x - x0)
        t = (x - x0) / c
        return (1 - math.cos(t)) / t**2 + a * d / (h - d)

    return f


@pytest.mark.parametrize(
    ("c", "d", "a", "x0"),
    [
        # farscan 3: ... 0.5067, 0.4049, then -0.01856, ..., read as -0.0171098 (limit 0.48289)
        (3777.0516087548385, 0.0003917824034059616, 0.017109756382290706, 5.672200931545059),
        # farscan 32: ... 0.4764, 0.6297, then 0.00794, ..., read as 0.0073168 (limit 0.50732)
        (570.6034801925155, 4.846167931559718e-05, -0.00731683353336256, 0.0),
    ],
)
def test_a_fall_onto_a_poles_term_that_f_leaves_first_is_refused(
    c: float, d: float, a: float, x0: float
) -> None:
    result = limit(_cos_pole(c, d, a, x0), x0, side="right", full_output=True)
    assert not result.converged, result
    assert abs(result.value - (0.5 - a)) <= 2 * result.error


@pytest.mark.parametrize(
    ("g", "c", "d", "a", "x0", "exact"),
    [
        # farscan 3: log(1 + t)/h, 3.5162e-10 with rounding steps, then -a from h = 2.4e-7
        # on (1 + t rounds to 1): read as -5.4e-15 (the limit is 3.5162006e-10)
        (
            "log1p/h",
            2843935303.9645205,
            1610866913.3515918,
            5.377705881719762e-15,
            0.0,
            3.5162006138409116e-10,
        ),
        # farscan 33: (exp(t) - 1)/t, 0.99847 with rounding steps, then -a: read as -0.00153
        (
            "expm1/t",
            5492528822.998746,
            4806024601.890256,
            0.0015301223675739458,
            -0.22385562181382768,
            0.998469877632426,
        ),
    ],
)
def test_a_constant_f_falls_onto_as_it_loses_its_digits_is_refused(  # noqa: PLR0917
    g: str, c: float, d: float, a: float, x0: float, exact: float
) -> None:
    def f(x: float) -> float:
        h = x - x0
        t = h / c
        head = math.log(1 + t) / h if g == "log1p/h" else (math.exp(t) - 1) / t
        return head + a * d / (abs(h) - d)

    result = limit(f, x0, side="right", full_output=True)
    assert not result.converged, result
    assert abs(result.value - exact) <= 2 * result.error
