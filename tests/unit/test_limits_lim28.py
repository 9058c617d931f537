"""logscan 23, 42, 43 and farscan group C (session 22, LIM28): tails past a column, lost drops.

``c + a/log(log(x/s))**2`` at infinity (or 0) settles too slowly for the
usual walk, and `_log_fit` extrapolates it in ``u = 1/log|x|``, where it is no
power of ``u``: every column of `_log_table` has change ratios that rise
toward 1 at every step. `_log_estimate` gave an entry the error its column
showed up to the column's end (the farthest later entries are from it), but
not what is left past that end: ``138.422 - 0.0105/log(log(x/16))**2`` was
138.42176 +- 1.0e-4 (limit 138.422, 2.4 errors off). The error now adds the
column's doubled geometric tail past its last entry, at the last changes' own
ratio (`_column_tail`); these three are refused (the error exceeds what
`limit` accepts).

farscan's group C (seed 4, two of its five): ``(1 - cos t)/t**2`` beside a
domain end. Once ``cos t`` rounds to 1, f is only the end's term, which halves
each step and was read as the limit, 0 (it is 0.5). The samples before the
drop zigzag ever wider toward it, as rounding noise does, but too few of them
for `_lost_into`'s top column: `_zigzag_outgrows` reads that in the samples
themselves, and `_lost_drop` refuses. With only one or two samples before the
drop (two more at seed 3), `_lost_early` samples f between the last of them and
the drop: a drop of f itself passes from one to the other, while 1 - cos t,
rounded, stays eps/2 there until it is 0, and f goes farther from the drop.
"""

from __future__ import annotations

import math

import pytest
from domain_ends import cos_end

from calcweb import LimitResult, limit
from calcweb.limits import TAIL_RATIO, _column_tail, _zigzag_outgrows


def _honest_or_refused(result: object, exact: float) -> None:
    assert isinstance(result, LimitResult)
    assert not result.converged or abs(result.value - exact) <= 2.0 * result.error, result


@pytest.mark.parametrize(
    ("c", "a", "s", "where"),
    [
        (138.422, -0.010486505201272596, 15.964788251586421, "inf"),  # logscan 23
        (1.0, 7.349076617321769e-05, 493.1070089737064, "-inf"),  # logscan 42
        (0.0, -0.00010225445111621719, 83.79401951157863, "inf"),  # logscan 43
        (1.0, -0.0001, 0.05, "0+"),
        (-700.0, 0.06812920690579612, 83.0, "inf"),
    ],
)
def test_a_log_log_term_is_not_read_as_a_power_of_u(
    c: float, a: float, s: float, where: str
) -> None:
    if where == "0+":
        x0, side, t = 0.0, "right", lambda x: x / s
    else:
        x0, side = (math.inf, "left") if where == "inf" else (-math.inf, "right")
        t = lambda x: s / abs(x)  # noqa: E731
    result = limit(
        lambda x: c + a / math.log(-math.log(t(x))) ** 2, x0, side=side, full_output=True
    )
    _honest_or_refused(result, c)


def test_the_column_tail_is_taken_at_the_last_changes_own_ratio() -> None:
    # Changes 1, 0.95, 0.95**2: past the last entry, 2 * 0.95/0.05 = 38 times the last change.
    column = [0.0, 1.0, 1.95, 1.95 + 0.95**2]
    assert _column_tail(column, 0.0) == pytest.approx(38.0 * 0.95**2)
    # A last change within the column's rounding shows no tail.
    assert _column_tail(column, 1.0) == 0.0


def test_growing_changes_at_a_columns_end_are_taken_at_the_tail_ratio() -> None:
    column = [0.0, 1.0, 3.0]
    assert _column_tail(column, 0.0) == pytest.approx(2.0 * 2.0 * TAIL_RATIO / (1.0 - TAIL_RATIO))
    assert _column_tail([1.0, 2.0], 0.0) == 0.0


@pytest.mark.parametrize(
    ("c", "d", "a", "x0"),
    [
        # farscan 4: 0.50010 ... 0.50269, 0.457, 0.366 (noise growing 1.5 bits a step), then 1.8e-7
        (56039.42395451288, 1.4575332098250522, -0.0010942471321222591, -0.7070618106205158),
        # farscan 4: f raises beyond h = 9.3e-4, so the walk starts at 4.9e-4: 0.5015, 0.4975,
        # 0.5135, 0.51354, then -2.3e-8
        (2935.259759955395, 0.0009253175336707742, 1.3949783402293428e-06, 0.0),
    ],
)
def test_a_drop_after_a_zigzag_that_outgrows_f_is_refused(
    c: float, d: float, a: float, x0: float
) -> None:
    # Once cos t rounds to 1, f is only the end's term, which halves each step: read as 0
    # (the limit is 0.5).
    result = limit(cos_end(c, d, a, x0), x0, side="right", full_output=True)
    _honest_or_refused(result, 0.5)


def test_a_zigzag_that_outgrows_f_is_told_from_a_hump() -> None:
    noisy = [0.50010, 0.500038, 0.500036, 0.499846, 0.499840, 0.502693, 0.502691, 0.457, 0.366]
    assert _zigzag_outgrows(noisy)
    # A hump (exp(-c/x**2)/x): moves both ways, but as large as f itself.
    assert not _zigzag_outgrows([-3.4, -4.0, -0.98])
    # Moves one way (a smooth drop) or not growing (settling with noise) are no loss.
    assert not _zigzag_outgrows([1.0, 1.0, 1.0, 1.0 - 1.5e-6])
    assert not _zigzag_outgrows([0.5 + 1e-3 * (-0.5) ** k for k in range(8)])


@pytest.mark.parametrize(
    ("c", "d", "a", "x0"),
    [
        # farscan 3: 0.464, 0.617, then 2.8e-4 and halving (f raises beyond h = 5.4e-4)
        (12862.660984583252, 0.0005403927602048663, -0.0022965407946790813, 0.0),
        # farscan 3: 0.50192, 0.50347, then -5.3e-4 and halving
        (5819.1344448475575, 0.0003286591193425884, 0.005415590422578256, 0.002489105525097169),
    ],
)
def test_a_drop_after_two_samples_that_f_leaves_first_is_refused(
    c: float, d: float, a: float, x0: float
) -> None:
    # Between the last sample before the drop and the drop, 1 - cos t is eps/2 until it is
    # 0: f = 0.40, 0.55, 0.78 at 0.875, 0.75, 0.625 of the last step, farther from the drop.
    result = limit(cos_end(c, d, a, x0), x0, side="left", full_output=True)
    _honest_or_refused(result, 0.5)
    assert not result.converged


@pytest.mark.parametrize("d", [0.3, 0.2, 0.1, 0.05])
def test_a_steep_drop_of_f_itself_after_few_samples_is_answered(d: float) -> None:
    result = limit(
        lambda x: 1 / (1 + (d / abs(x)) ** 30) + 0.5 * x, 0.0, side="right", full_output=True
    )
    assert result.converged
    assert abs(result.value) <= 2 * result.error


def test_a_pole_at_the_domain_end_is_answered() -> None:
    # f raises beyond h = 0.13, so the walk starts at 0.125: 3.9e5, then 13.7, 2.2, ...
    # settling on 1, and f between 0.125 and 0.0625 falls from one to the other.
    def f(x: float) -> float:
        return math.sqrt(1.0 - x / 0.13) ** -8

    result = limit(f, 0.0, side="right", full_output=True)
    assert result.converged
    assert abs(result.value - 1.0) <= 2 * result.error
