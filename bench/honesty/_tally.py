"""What every search counts, and the one test of honesty they share."""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import mpmath

import calcweb as cw
from tests.adversarial.cases import rounding_of

HONESTY = 2.0  # as bench/bench_adversarial.py and the test-suite


def is_dishonest(value: float, error: float, exact: Any) -> bool:
    """True error above twice the reported error plus the rounding of the exact value.

    An infinite exact value (or answer) must be matched exactly: no error covers it.
    """
    if math.isinf(value) or mpmath.isinf(exact):
        return bool(value != exact)
    return bool(abs(mpmath.mpf(value) - exact) > HONESTY * error + rounding_of(exact))


@dataclass(order=True)
class Lie:
    """One dishonest answer: how many times its reported error the true error is."""

    ratio: float
    case: str
    value: float
    exact: float
    error: float


@dataclass
class Tally:
    """The counts of one search over one seed."""

    search: str
    seed: int
    draws: int = 0
    answered: int = 0
    refused: int = 0
    lies: list[Lie] = field(default_factory=list)
    other: Counter[str] = field(default_factory=Counter)  # skipped, crashed, ...
    nfevs: list[int] = field(default_factory=list)
    seconds: float = 0.0

    def drawing(self, draws: int) -> Iterator[random.Random]:
        """One generator seeded with this search's seed, yielded once a draw, each counted."""
        rng = random.Random(self.seed)  # noqa: S311 - reproducible draws, not secrets
        for _ in range(draws):
            self.draws += 1
            yield rng

    def refuse(self) -> None:
        self.refused += 1

    def crash(self, case: str, error: Exception) -> None:
        """Count an exception that is not a CalcwebError (a bug), and print the case."""
        self.other[f"crashed ({type(error).__name__})"] += 1
        print(f"  crashed: {case}: {type(error).__name__}: {error}", flush=True)

    def answer(self, case: str, value: float, error: float, exact: Any, nfev: int = 0) -> None:
        """Count an answer, and keep it if it is dishonest."""
        self.answered += 1
        if nfev:
            self.nfevs.append(nfev)
        if is_dishonest(value, error, exact):
            true_error = abs(mpmath.mpf(value) - exact) if mpmath.isfinite(exact) else math.inf
            ratio = float(true_error / error) if error else math.inf
            self.lies.append(Lie(ratio, case, value, float(exact), error))

    def ask_derivative(
        self,
        case: str,
        f: Callable[[float], float],
        x: float,
        n: int,
        exact: Any,
        *,
        crashes: tuple[type[Exception], ...] = (),
    ) -> None:
        """Count ``derivative(f, x, n)``'s answer, or its refusal (a CalcwebError).

        The exceptions in `crashes` are counted as crashes, and the search goes on;
        any other stops it.
        """
        try:
            result = cw.derivative(f, x, n, full_output=True)
        except cw.CalcwebError:
            self.refuse()
            return
        except crashes as error:
            self.crash(case, error)
            return
        self.answer(case, result.value, result.error, exact, result.nfev)

    def report(self, show: int) -> str:
        """One line of counts, then the worst `show` dishonest cases."""
        counts = (
            f"{self.search} seed {self.seed}: draws {self.draws}, answered {self.answered}, "
            f"refused {self.refused}, dishonest {len(self.lies)}"
        )
        for name, count in sorted(self.other.items()):
            counts += f", {name} {count}"
        if self.nfevs:
            counts += f", median nfev {sorted(self.nfevs)[len(self.nfevs) // 2]}"
        counts += f" ({self.seconds:.1f} s)"
        lines = [counts]
        lines.extend(
            f"  {lie.ratio:9.3g}x  {lie.case}  value={lie.value!r} exact={lie.exact!r} "
            f"error={lie.error:.3g}"
            for lie in sorted(self.lies, reverse=True)[:show]
        )
        return "\n".join(lines)
