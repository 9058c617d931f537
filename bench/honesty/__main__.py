"""The command line: ``python -m bench.honesty SEARCH --seed S --draws N`` (see __init__)."""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import mpmath

from . import (
    complex_step,
    derivative,
    hidden,
    higher,
    integrals,
    kinks,
    limits,
    multivariate,
    steep,
)
from ._tally import Tally

SEARCHES: dict[str, Callable[..., Tally]] = {
    "derivative": derivative.search,
    "small-c": derivative.search_small_c,
    "flat": derivative.search_flat,
    "cancelling": derivative.search_cancelling,
    "one-quotient": derivative.search_one_quotient,
    "higher": higher.search,
    "steep": steep.search,
    "fast": steep.search_fast,
    "fast-off-zero": steep.search_fast_off_zero,
    "complex-step": complex_step.search,
    "complex-analytic": complex_step.search_analytic,
    "complex-nonanalytic": complex_step.search_not_analytic,
    "limits": limits.search,
    "limits-h10": limits.search_h10,
    "limits-infinity": limits.search_infinity,
    "limits-textbook": limits.search_textbook,
    "limits-textbook-more": importlib.import_module(".textbook", __package__).search,
    "limits-hidden-noisy": hidden.search_noisy,
    "limits-hidden-slow": hidden.search_slow,
    "limits-hidden-late": hidden.search_late,
    "limits-capped": hidden.search_capped,
    "integrate-peaks": integrals.search_peaks,
    "integrate-peaks-ends": integrals.search_peaks_ends,
    "integrate-oscillating": integrals.search_oscillating,
    "integrate-singular": integrals.search_singular,
    "integrate-infinite": integrals.search_infinite,
    "composite": integrals.search_composite,
    "integrate-kinks": kinks.search,
    "integrate-kinks-high": kinks.search_high,
    "integrate-kinks-two": kinks.search_two,
    "integrate-kinks-ends": kinks.search_ends,
    "integrate-ends-singular": kinks.search_ends_singular,
    "grad": multivariate.search_grad,
    "hessian": multivariate.search_hessian,
}
LIMIT_SEARCHES = {name for name in SEARCHES if name.startswith("limits")}


def _limit_from(path: Path) -> Any:
    """`limit` of a copy of calcweb/limits.py (to compare versions), imported inside calcweb."""
    spec = importlib.util.spec_from_file_location("calcweb._limits_under_test", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"{path} is not a Python module: give the path of a copy of limits.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module.limit


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.honesty", description=__doc__)
    parser.add_argument("search", choices=[*SEARCHES, "all"])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--draws", type=int, default=1000)
    parser.add_argument(
        "--show", type=int, default=20, help="dishonest cases printed (worst first)"
    )
    parser.add_argument(
        "--families", help=f"derivative: comma-separated, of {','.join(derivative.FAMILIES)},rnd"
    )
    parser.add_argument("--kinds", help=f"limits: comma-separated, of {','.join(limits.KINDS)}")
    parser.add_argument("--module", type=Path, help="limits: a copy of calcweb/limits.py to test")
    args = parser.parse_args(argv)

    names = list(SEARCHES) if args.search == "all" else [args.search]
    for name in names:
        options: dict[str, Any] = {}
        if name == "derivative" and args.families:
            options["families"] = tuple(args.families.split(","))
        if name == "limits" and args.kinds:
            options["kinds"] = tuple(args.kinds.split(","))
        if name in LIMIT_SEARCHES and args.module:
            options["limit"] = _limit_from(args.module)
        start = time.perf_counter()
        with mpmath.workdps(60):
            tally = SEARCHES[name](args.seed, args.draws, **options)
        tally.seconds = time.perf_counter() - start
        print(tally.report(args.show), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
