"""Issue 13: a real ``c / h**p`` that shows only on the last few samples.

``L + a h + c/h**p`` with a tiny ``c`` approaches ``L`` like ``a h`` over
most samples and grows only on the last few, after samples on the other
side of ``L`` (or with the ``a h`` term larger than the growth at every
sample). `limit` said ``L`` with an error far below the growth, converged;
the limit is infinite. Each case must be refused or come out infinite, and
a limit the samples converge to must keep its answer.
"""

from __future__ import annotations

import math

import pytest
from limit_checks import Function, full, honest_or_refused

from calcweb.limits import _departing

X30 = 2.0**30
T717 = 2.890878933204882
K30 = 8.477770951552655e-20  # /tmp/s8/lima/stress2.py seed 1: 2 + K30/|x - 2**30|**2 + ...

GROWING_LATE: list[tuple[str, Function, float, str]] = [
    # Below 1 down to x = -2**-45, then above it by 9.6e-14 .. 3.2e-11 at the
    # last five samples: was 0.9999999999999999 +- 2.7e-15, converged.
    ("exp(x) + 1e-40/x^2 at 0-", lambda x: math.exp(x) + 1e-40 / x**2, 0.0, "left"),
    # Below 8, then above it on the last seven samples by 2.6e-12 .. 5e-5:
    # was 8.0 +- 2.1e-14, converged.
    ("8 + 3x + 4.95e-64/x^4 at 0-", lambda x: 8 + 3 * x + 4.95e-64 / x**4, 0.0, "left"),
    # 3 (x - 2**30) is larger than the growth at every sample (5.7e-6 against
    # 2.3e-8 at the last): the samples leave 2 on one side, ever less; only
    # the table's columns, with the h term removed, grow. Was 2.0 +- 2.7e-15
    # (left) and 2.000000000000001 +- 5.6e-15 (right), converged.
    (
        "2 + k/(x - 2^30)^2 + 3 (x - 2^30) at 2^30-",
        lambda x: 2.0 + K30 / abs(x - X30) ** 2 + 3 * (x - X30),
        X30,
        "left",
    ),
    (
        "2 + k/(x - 2^30)^2 + 3 (x - 2^30) at 2^30+",
        lambda x: 2.0 + K30 / abs(x - X30) ** 2 + 3 * (x - X30),
        X30,
        "right",
    ),
]


@pytest.mark.parametrize(
    ("f", "x0", "side"), [case[1:] for case in GROWING_LATE], ids=[c[0] for c in GROWING_LATE]
)
def test_a_growth_on_the_last_few_samples_is_not_a_finite_limit(
    f: Function, x0: float, side: str
) -> None:
    honest_or_refused(f, x0, side, math.inf)


CONVERGING: list[tuple[str, Function, float, str, float]] = [
    ("exp(x) at 0-", math.exp, 0.0, "left", 1.0),
    ("8 + 3x at 0-", lambda x: 8 + 3 * x, 0.0, "left", 8.0),
    ("(exp(x) - 1)/x at 0", lambda x: (math.exp(x) - 1) / x, 0.0, "both", 1.0),
    ("sin(x)/x at 0", lambda x: math.sin(x) / x, 0.0, "both", 1.0),
    ("2 + 3 (x - 2^30) at 2^30", lambda x: 2.0 + 3 * (x - X30), X30, "both", 2.0),
    # Rounding noise that grows toward x0 at a rate it does not keep (limits
    # seed 9 #717): its last top-column departures -1.6e-6, -2.9e-5, -5.8e-5
    # (error 2.8e-10) grow ever faster, but not by one 2**p. A rule without the
    # power law refused its right answer 0.4999999999988682 +- 2.8e-10.
    (
        "(exp(t) - 1 - t)/t^2, t = (x - 2^30)/2.89, at 2^30-",
        lambda x: (math.exp((x - X30) / T717) - 1 - (x - X30) / T717) / ((x - X30) / T717) ** 2,
        X30,
        "left",
        0.5,
    ),
]


@pytest.mark.parametrize(
    ("f", "x0", "side", "exact"), [c[1:] for c in CONVERGING], ids=[c[0] for c in CONVERGING]
)
def test_a_converging_limit_keeps_its_answer(
    f: Function, x0: float, side: str, exact: float
) -> None:
    assert honest_or_refused(f, x0, side, exact) == "right"
    assert full(f, x0, side).converged


def test_departing_needs_the_last_departures_past_the_floor_to_keep_one_power_law() -> None:
    late = [-4e-12, -2e-12, -1e-12, -2.6e-14, 1e-13, 4e-13, 1.6e-12, 6.4e-12]
    assert _departing(late, 1e-14)
    # Within the floor they show nothing.
    assert not _departing(late, 1e-12)
    # Departures that shrink toward x0, as a limit's do, or that change sign.
    assert not _departing([8.0 * 2.0**-k for k in range(12)], 1e-15)
    assert not _departing([1e-13, -4e-13, 1.6e-12, -6.4e-12], 1e-15)
    # Noise that grows at a rate it does not keep (limits seed 9 #717, exp1t
    # at 2**30 from the left: its last departures, in the top column).
    assert not _departing([1.3e-7, -1.6e-6, -2.9e-5, -5.8e-5], 1e-9)
    # Two growing departures are too few to show a law.
    assert not _departing([-1e-12, -1e-13, 1e-12, 4e-12], 1e-15)
