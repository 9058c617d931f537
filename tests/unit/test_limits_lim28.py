"""logscan's lies at seeds 23, 42 and 43 (session 22, LIM28): a log-log term read as a power of u.

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
"""

from __future__ import annotations

import math

import pytest

from calcweb import LimitResult, limit
from calcweb.limits import TAIL_RATIO, _column_tail


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
    assert _column_tail(column) == pytest.approx(38.0 * 0.95**2)


def test_growing_changes_at_a_columns_end_are_taken_at_the_tail_ratio() -> None:
    column = [0.0, 1.0, 3.0]
    assert _column_tail(column) == pytest.approx(2.0 * 2.0 * TAIL_RATIO / (1.0 - TAIL_RATIO))
    assert _column_tail([1.0, 2.0]) == 0.0

