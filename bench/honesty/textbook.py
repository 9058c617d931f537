"""``limits-textbook-more``: the corpus of tests/unit/test_limits_textbook_more.py, judged.

About 300 limits as a calculus course sets them (0/0 and inf/inf forms,
difference quotients at many points, 1^inf forms, roots, logs, trig, flat
functions, jumps, infinite one-sided limits, limits at +-infinity, large and
small coefficients), each run from every side it has; their exact values
come from sympy (bench/honesty/textbook_exact.py). The textbook cases of
``limits-textbook`` are not repeated. Each run is judged as the test judges
it (`verdict`): right, refused, wrong but honest, DISHONEST, exists but said
not, not exists but given, or jump not reported. Every run that is not right
is printed with a one-line reproducer (run after ``from math import *`` and
``import calcweb as cw``; a row that uses ``E`` or ``sign`` needs those
names too); the seed and the number of draws do
not matter. In the counts, "answered" is the runs that gave a value
(converged), "refused" the runs refused (or not reported as a jump) where a
limit exists (or, where a limit does not exist, refused with a DomainError
that does not say the sides differ), "right" also counts the limits that do not exist and were
reported so, and "dishonest" the runs the test calls DISHONEST.
"""

from __future__ import annotations

import math
from typing import Any

import calcweb as cw

from ._tally import Lie, Tally
from .limits import Limit


def _shown(got: Any) -> str:  # got: a LimitResult, maybe of a copy of limits.py (--module)
    if isinstance(got, cw.CalcwebError):
        return f"{type(got).__name__}: {str(got)[:90]}"
    return f"value={got.value!r} error={got.error:.3g} converged={got.converged}"


def _lie(case: str, got: Any, exact: float) -> Lie:
    """A dishonest answer: a finite one off by more than twice its error, or a wrong infinity."""
    if isinstance(got, cw.CalcwebError):
        return Lie(math.inf, case, math.nan, exact, math.nan)
    if math.isfinite(got.value) and math.isfinite(exact):
        ratio = abs(got.value - exact) / got.error if got.error else math.inf
        return Lie(ratio, case, got.value, exact, got.error)
    return Lie(math.inf, case, got.value, exact, math.nan)


def search(seed: int, draws: int, limit: Limit = cw.limit) -> Tally:  # noqa: ARG001
    """Every run of the corpus, counted by verdict; the failures printed."""
    from tests.unit import test_limits_textbook_more as corpus  # noqa: PLC0415 - imports pytest

    tally = Tally("limits-textbook-more", seed)
    for row, side in corpus.RUNS:
        tally.draws += 1
        f = corpus.function(row.formula)
        got: Any
        try:
            got = limit(f, corpus.point(row.x0), side=side, full_output=True)
        except cw.CalcwebError as error:
            got = error
        except Exception as error:  # a crash is counted, and the search goes on
            tally.crash(corpus.run_id(row, side), error)
            continue
        expected = corpus.expectation(row, side)
        verdict = corpus.verdict(expected, got)
        if verdict in ("refused", "jump not reported"):
            tally.refuse()
        if not isinstance(got, cw.CalcwebError) and got.converged:
            tally.answered += 1
            tally.nfevs.append(got.nfev)
        if verdict == "DISHONEST":
            tally.lies.append(_lie(corpus.run_id(row, side), got, float(expected)))
        elif verdict != "refused":
            tally.other[verdict] += 1
        if verdict != "right":
            x0 = "math.inf" if row.x0 == "oo" else "-math.inf" if row.x0 == "-oo" else row.x0
            print(
                f"  {verdict:20} cw.limit(lambda x: {row.formula}, {x0}, side={side!r}) "
                f"-> {_shown(got)}; expected {expected}",
                flush=True,
            )
    return tally
