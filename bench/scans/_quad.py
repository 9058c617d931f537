"""scipy's quad beside calcweb's integrate, draw by draw: its answers, honesty and evaluations.

An integrate scan makes one ``QuadBeside`` and calls `QuadBeside.compared` in
place of ``cw.integrate`` (through ``Scan.ask``); `QuadBeside.report` prints
quad's counts and calcweb's evaluations over quad's, before ``scan.report()``.
"""

from __future__ import annotations

import statistics
import warnings
from collections.abc import Callable
from typing import Any

from _tally import HONESTY
from scipy.integrate import IntegrationWarning, quad

import calcweb as cw


class QuadBeside:
    """quad's tally: answered (ier 0), dishonest, and calcweb nfev / quad neval where calcweb converged."""

    def __init__(self) -> None:
        self.answered = 0
        self.dishonest = 0
        self.ratios: list[float] = []

    def compared(
        self,
        f: Callable[[float], float],
        a: float,
        b: float,
        tol: float | None,
        true: Any,
        *,
        for_quad: Callable[[float], float] | None = None,
    ) -> Any:
        """calcweb's result at ``tol`` (None: its default); quad's beside, on ``for_quad`` if given.

        quad runs at ``tol``, or 1e-10 for calcweb's default.
        """
        result = cw.integrate(f, a, b, full_output=True, **({} if tol is None else {"tol": tol}))
        tol = 1e-10 if tol is None else tol
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", IntegrationWarning)
            # With full_output, quad appends its message only where ier is not 0.
            value, error, info, *warned = quad(
                for_quad or f, a, b, epsabs=tol, epsrel=tol, full_output=1
            )
        if not warned:
            self.answered += 1
            if abs(value - float(true)) > HONESTY * error and value != float(true):
                self.dishonest += 1
        if result.converged:
            self.ratios.append(result.nfev / info["neval"])
        return result

    def report(self) -> None:
        ratios = sorted(self.ratios)
        if ratios:
            ninety = ratios[min(len(ratios) - 1, int(0.9 * len(ratios)))]
            print(
                f"calcweb nfev / quad neval (answered): median {statistics.median(ratios):.2f}, "
                f"90th percentile {ninety:.2f}"
            )
        print(f"quad: answered (ier 0) {self.answered}, dishonest {self.dishonest}")
