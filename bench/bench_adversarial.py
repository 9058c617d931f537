"""The adversarial derivative cases through calcweb, numdifftools and scipy.differentiate.

The cases are those of the test-suite (tests/adversarial/cases.py): functions
written with `math` at points chosen to break finite-difference codes, with
exact values from mpmath at 50 digits. Each tool gets the same function:
calcweb the `math` function itself (``derivative(f, x, n, full_output=True)``,
method "auto", which differentiates it numerically); numdifftools and scipy,
which call f on numpy arrays, a wrapper that applies it element by element and
returns NaN where `math` raises (what numpy's own functions would return).
Every call of f is counted, element by element.

Per tool: accuracy (relative error on the well-conditioned cases, and how
often the tool is at least as accurate as numdifftools), honesty (answers
whose true error exceeds twice the reported error), refusals (calcweb's
NumericalError/DomainError, scipy's success=False, a NaN from numdifftools),
crashes (any other exception) and evaluations. scipy.differentiate has
``derivative`` for first derivatives and ``hessian`` for second ones; it has
nothing for n >= 3 ("n/a").
"""

from __future__ import annotations

import math
import sys
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # for tests.adversarial

import mpmath
import numdifftools
import numpy as np
import scipy.differentiate
from _report import median, publish, table

import calcweb as cw
from tests.adversarial.cases import CASES, Case, exact, rounding_of, well_conditioned

TOOLS = ("calcweb", "numdifftools", "scipy")
HONESTY = 2.0  # as the test-suite: dishonest if the true error > 2x the reported error
TIE = 4.0 * sys.float_info.epsilon  # relative errors this small count as equal


@dataclass
class Outcome:
    """What one tool made of one case."""

    status: str  # "answer", "refused", "crashed" or "n/a"
    value: float = math.nan
    error: float = math.nan  # the tool's own error estimate
    nfev: int = 0
    note: str = ""

    def true_error(self, true: Any) -> Any:
        return abs(mpmath.mpf(self.value) - true)


class Counted:
    """f element by element on scalars or numpy arrays, counting each call; NaN where f raises."""

    def __init__(self, f: Callable[[float], float]) -> None:
        self.f = f
        self.count = 0

    def one(self, x: float) -> float:
        self.count += 1
        try:
            return float(self.f(float(x)))
        except (ValueError, ZeroDivisionError, OverflowError):
            return math.nan  # numpy's functions return NaN (or inf) there

    def __call__(self, x: Any) -> Any:
        if np.ndim(x) == 0:
            return self.one(x)
        return np.vectorize(self.one, otypes=[float])(x)


def run_calcweb(case: Case) -> Outcome:
    calls = 0

    def f(x: float) -> float:
        nonlocal calls
        calls += 1
        return case.f(x)  # f's own exceptions, as a reader's function raises them

    try:
        r = cw.derivative(f, case.x, case.n, full_output=True)
    except (cw.NumericalError, cw.DomainError) as error:
        return Outcome("refused", nfev=calls, note=type(error).__name__)
    except Exception as error:  # a crash is a result here
        return Outcome("crashed", nfev=calls, note=type(error).__name__)
    return Outcome("answer", r.value, r.error, calls)


def run_numdifftools(case: Case) -> Outcome:
    counted = Counted(case.f)
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            r = numdifftools.Derivative(counted, n=case.n, full_output=True)(case.x)
    except Exception as error:
        return Outcome("crashed", nfev=counted.count, note=type(error).__name__)
    value, error = float(r.estimate), float(r.error_estimate)
    if not (math.isfinite(value) and math.isfinite(error)):
        return Outcome("refused", value, error, counted.count, "NaN")
    return Outcome("answer", value, error, counted.count)


def run_scipy(case: Case) -> Outcome:
    if case.n > 2:
        return Outcome("n/a")
    counted = Counted(case.f)
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            if case.n == 1:
                r = scipy.differentiate.derivative(counted, case.x)
                value, error, success = float(r.df), float(r.error), bool(r.success)
            else:
                r = scipy.differentiate.hessian(lambda v: counted(v[0]), np.array([case.x]))
                value, error = float(r.ddf[0, 0]), float(r.error[0, 0])
                success = bool(r.success[0, 0])
    except Exception as error:
        return Outcome("crashed", nfev=counted.count, note=type(error).__name__)
    if not success or not (math.isfinite(value) and math.isfinite(error)):
        return Outcome("refused", value, error, counted.count, "success=False")
    return Outcome("answer", value, error, counted.count)


RUNNERS = {"calcweb": run_calcweb, "numdifftools": run_numdifftools, "scipy": run_scipy}


def relative_error(outcome: Outcome, true: Any) -> float:
    """inf for a refusal or crash: no answer is the worst accuracy."""
    if outcome.status != "answer" or true is None:
        return math.inf
    return float(outcome.true_error(true) / abs(true)) if true else float(outcome.true_error(true))


def dishonest(outcome: Outcome, true: Any) -> bool:
    """An answer whose true error exceeds twice its reported error (or to a question with none)."""
    if outcome.status != "answer":
        return False
    if true is None:
        return True
    return bool(outcome.true_error(true) > HONESTY * outcome.error + rounding_of(true))


def summary(results: dict[str, list[Outcome]], chosen: list[int]) -> list[list[object]]:
    rows = []
    reference = results["numdifftools"]
    for tool in TOOLS:
        outcomes = [(i, results[tool][i]) for i in chosen if results[tool][i].status != "n/a"]
        if not outcomes:
            continue
        truths = {i: exact(CASES[i]) for i, _ in outcomes}
        good = [relative_error(o, truths[i]) for i, o in outcomes if well_conditioned(CASES[i])]
        # Where double precision cannot do a case, refusing is the right answer: not compared.
        comparable = [(i, o) for i, o in outcomes if not CASES[i].may_refuse]
        theirs = {i: max(relative_error(reference[i], truths[i]), TIE) for i, _ in comparable}
        as_good = sum(relative_error(o, truths[i]) <= theirs[i] for i, o in comparable)
        near = sum(relative_error(o, truths[i]) <= 10 * theirs[i] for i, o in comparable)
        nfev = [o.nfev for _, o in outcomes]
        rows.append(
            [
                tool,
                len(outcomes),
                f"{median(good):.1e}" if good else "-",
                f"{max(good):.1e}" if good else "-",
                f"{sum(r <= 1e-7 for r in good)}/{len(good)}",
                f"{as_good}/{len(comparable)}",
                f"{near}/{len(comparable)}",
                f"{sum(dishonest(o, truths[i]) for i, o in outcomes)}/{len(outcomes)}",
                sum(o.status == "refused" for _, o in outcomes),
                sum(o.status == "crashed" for _, o in outcomes),
                f"{median(nfev):g}",
                f"{sum(nfev) / len(nfev):.1f}",
            ]
        )
    return rows


HEADERS = [
    "tool",
    "cases",
    "median rel. error (well-cond.)",
    "worst rel. error (well-cond.)",
    "well-cond. within 1e-7",
    "as accurate as numdifftools",
    "within 10x of numdifftools",
    "dishonest",
    "refused",
    "crashed",
    "median nfev",
    "mean nfev",
]


def cell(outcome: Outcome, true: Any) -> str:
    """One tool's result on one case: relative error, ✗ if dishonest."""
    if outcome.status == "n/a":
        return "n/a"
    if outcome.status != "answer":
        return f"{outcome.status} ({outcome.note})"
    mark = " ✗" if dishonest(outcome, true) else ""
    if true is None:
        return f"{outcome.value:.3g}{mark}"
    return f"{relative_error(outcome, true):.1e}{mark}"


def run() -> str:
    results: dict[str, list[Outcome]] = {tool: [] for tool in TOOLS}
    for case in CASES:
        for tool in TOOLS:
            results[tool].append(RUNNERS[tool](case))
    everything = list(range(len(CASES)))
    first = [i for i, c in enumerate(CASES) if c.n == 1]
    higher = [i for i, c in enumerate(CASES) if c.n > 1]
    parts = []
    for chosen, title in (
        (everything, "All cases"),
        (first, "First derivatives"),
        (higher, "Derivatives of order 2 to 6"),
    ):
        parts.append(f"**{title}**\n\n" + table(HEADERS, summary(results, chosen)))

    details = []
    for i, case in enumerate(CASES):
        true = exact(case)
        details.append(
            [
                case.id,
                case.kind,
                "yes" if well_conditioned(case) else "no",
                "none" if true is None else mpmath.nstr(true, 6),
                *(cell(results[tool][i], true) for tool in TOOLS),
                *(results[tool][i].nfev for tool in TOOLS),
            ]
        )
    parts.append(
        '<details markdown="1"><summary>Every case: relative error (✗ = dishonest: true error '
        "above twice the reported one plus the exact value's distance to the nearest float) "
        "and evaluations</summary>\n\n"
        + table(
            [
                "case",
                "kind",
                "well-cond.",
                "exact",
                *(f"{tool} rel. error" for tool in TOOLS),
                *(f"{tool} nfev" for tool in TOOLS),
            ],
            details,
        )
        + "\n\n</details>"
    )
    well = sum(well_conditioned(c) for c in CASES)
    parts.append(
        f"{len(CASES)} cases of tests/adversarial/cases.py ({well} well conditioned by its "
        "stated criterion); exact values from mpmath at 50 digits. A refusal or crash counts "
        "as an infinite error for accuracy and as honest. 'As accurate as numdifftools': "
        "relative error at most numdifftools' (or at most 4 eps; 'within 10x': at most 10 "
        "times that), over the cases double precision can do (no may_refuse). numdifftools "
        "and scipy get f element by element with NaN where math raises; every evaluation is "
        "counted. "
        "scipy: derivative for n = 1, hessian for n = 2, n/a above; success=False counts "
        "as a refusal."
    )
    return "\n\n".join(parts)


def main() -> None:
    publish(
        "adversarial",
        "Adversarial derivatives: calcweb vs numdifftools and scipy",
        run(),
    )


if __name__ == "__main__":
    main()
