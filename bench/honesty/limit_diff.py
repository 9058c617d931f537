"""Two copies of calcweb/limits.py on the same limit draws, draw by draw.

``python -m bench.honesty.limit_diff OLD.py NEW.py [--set corpus|fresh|heldout]``

Runs `limit(f, x0, side=..., full_output=True)` of each copy on every draw
of a set of the limit searches (limits.py's draws: the same seeds give the
same cases) and prints, for each copy, answered, refused, dishonest and the
mean and median nfev; then the draws that move between answered and refused,
and among those the *refused right answers*: refused by one copy (a
CalcwebError or ``converged=False``) and answered honestly by the other,
with the refused estimate (``full_output`` returns it) within twice its own
error of the exact value. Issue 13's figures for 72f8aa5 (26 right answers
refused in the corpus, 32 in the fresh draws) come from here. The sets:

- ``corpus``: limits seeds 1-10 (1000 draws each) and 101-104 (2500), the
  kinds log1p, bias, expm1, sqrt at seeds 11-13 (1000), const, step at seeds
  21-23 (1000), limits-h10 seed 1 (2400), limits-infinity seed 1 (1000) and the
  textbook cases (the seeds of /tmp/s3b/corpus.sh, drawn as bench.honesty
  draws them).
- ``fresh``: limits seeds 201-205 (2000), log1p, bias, expm1, sqrt, 1-cos at
  211-213 (1500), const, step at 221-222 (1500), limits-h10 seed 2 (2400),
  limits-infinity seed 2 (1000).
- ``heldout``: limits seeds 301-303 (2000), the cancelling kinds at 311-312
  (1500), const, step at 321 (1500), limits-h10 seed 3 (2400),
  limits-infinity seed 3 (1000): for a last check, not for tuning.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import math
import random
import statistics
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import mpmath

import calcweb as cw

from . import limits
from .__main__ import _limit_from
from ._tally import is_dishonest

# (search, seed, draws, kinds): kinds None is the search's default
Part = tuple[str, int, int, tuple[str, ...] | None]
CANCELLING = ("log1p", "bias", "expm1", "sqrt", "1-cos")
SETS: dict[str, list[Part]] = {
    "corpus": [
        *(("limits", s, 1000, None) for s in range(1, 11)),
        *(("limits", s, 2500, None) for s in (101, 102, 103, 104)),
        *(("limits", s, 1000, CANCELLING[:4]) for s in (11, 12, 13)),
        *(("limits", s, 1000, ("const", "step")) for s in (21, 22, 23)),
        ("limits-h10", 1, 2400, None),
        ("limits-infinity", 1, 1000, None),
        ("limits-textbook", 0, 0, None),
    ],
    "fresh": [
        *(("limits", s, 2000, None) for s in (201, 202, 203, 204, 205)),
        *(("limits", s, 1500, CANCELLING) for s in (211, 212, 213)),
        *(("limits", s, 1500, ("const", "step")) for s in (221, 222)),
        ("limits-h10", 2, 2400, None),
        ("limits-infinity", 2, 1000, None),
    ],
    "heldout": [
        *(("limits", s, 2000, None) for s in (301, 302, 303)),
        *(("limits", s, 1500, (*CANCELLING, "exp1t", "cancel")) for s in (311, 312)),
        ("limits", 321, 1500, ("const", "step")),
        ("limits-h10", 3, 2400, None),
        ("limits-infinity", 3, 1000, None),
    ],
}


@dataclass
class Outcome:
    """One copy's result on one draw."""

    answered: bool
    value: float = math.nan
    error: float = math.inf
    nfev: int = 0
    honest: bool = True
    within: bool = False  # the value is within twice its error of the exact one


def draws(part: Part) -> Iterator[tuple[str, limits.Case]]:
    """The named cases of one part of a set, as the searches draw them."""
    search, seed, count, kinds = part
    if search == "limits-textbook":
        from tests.unit.test_limits_textbook import RUNS  # noqa: PLC0415 - imports pytest

        for case, side in RUNS:
            yield f"{case.name} {side}", (limits._with_math(case.f), case.x0, side, case.exact)
        return
    rng = random.Random(seed)  # noqa: S311 - reproducible draws, not secrets
    for i in range(count):
        if search == "limits":
            kind = rng.choice(kinds or limits.DEFAULT_KINDS)
            case = limits._case(rng, kind)
        elif search == "limits-h10":
            kind, case = limits._h10_case(rng)
        else:
            kind, case = limits._infinity_case(rng)
        yield f"{search} seed {seed} #{i} {kind} x0={case[1]!r} {case[2]}", case


def outcome(limit: Any, case: limits.Case) -> Outcome:
    """What `limit` makes of one case with an exact value."""
    f, x0, side, exact = case
    try:
        result = limit(f, x0, side=side, full_output=True)
    except cw.CalcwebError:
        return Outcome(answered=False)
    value, error = result.value, result.error
    within = math.isfinite(value) and not is_dishonest(value, error, exact)
    return Outcome(
        answered=result.converged,
        value=value,
        error=error,
        nfev=result.nfev,
        honest=not is_dishonest(value, error, exact),
        within=within,
    )


def run(limit: Any, name: str) -> dict[str, Outcome]:
    """Every draw of set ``name`` with an exact value, by its name."""
    found = {}
    with mpmath.workdps(60):
        for part in SETS[name]:
            for label, case in draws(part):
                if case[3] is not None:
                    found[label] = outcome(limit, case)
    return found


def cached_run(copy: Path, name: str, cache: Path | None) -> dict[str, Outcome]:
    """`run` of one copy of limits.py, kept in ``cache`` by the copy's hash and the set."""
    if cache is None:
        return run(_limit_from(copy), name)
    digest = hashlib.sha256(copy.read_bytes()).hexdigest()[:16]
    stored = cache / f"{name}-{digest}.json"
    if stored.exists():
        return {k: Outcome(**v) for k, v in json.loads(stored.read_text()).items()}
    found = run(_limit_from(copy), name)
    cache.mkdir(parents=True, exist_ok=True)
    stored.write_text(json.dumps({k: dataclasses.asdict(o) for k, o in found.items()}))
    return found


def summary(tag: str, found: dict[str, Outcome]) -> str:
    answered = [o for o in found.values() if o.answered]
    nfevs = [o.nfev for o in found.values() if o.nfev]
    lies = sum(not o.honest for o in answered)
    return (
        f"{tag}: {len(found)} draws, answered {len(answered)}, refused "
        f"{len(found) - len(answered)}, dishonest {lies}, nfev mean "
        f"{statistics.mean(nfevs):.2f} median {statistics.median(nfevs)}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.honesty.limit_diff", description=__doc__)
    parser.add_argument("old", type=Path, help="a copy of calcweb/limits.py")
    parser.add_argument("new", type=Path, help="another copy")
    parser.add_argument("--set", choices=list(SETS), default="fresh")
    parser.add_argument(
        "--cache", type=Path, help="a folder that keeps each copy's outcomes, by its hash"
    )
    args = parser.parse_args(argv)
    old = cached_run(args.old, args.set, args.cache)
    new = cached_run(args.new, args.set, args.cache)
    print(summary("old", old))
    print(summary("new", new))
    for tag, found in (("old", old), ("new", new)):
        for label, o in found.items():
            if o.answered and not o.honest:
                print(f"  dishonest ({tag}): {label}: {o.value!r} +- {o.error:.2g}")
    for label in old:
        a, b = old[label], new[label]
        if a.answered == b.answered:
            continue
        right = (a if a.answered else b).honest and (b if a.answered else a).within
        move = "answered -> refused" if a.answered else "refused -> answered"
        note = " (a right answer refused)" if right else ""
        print(
            f"  {move}{note}: {label}: old {a.value!r} +- {a.error:.2g}, "
            f"new {b.value!r} +- {b.error:.2g}"
        )
    both = [k for k in old if old[k].answered and new[k].answered]
    changed = [k for k in both if (old[k].value, old[k].error) != (new[k].value, new[k].error)]
    print(f"answered by both: {len(both)}, value or error changed: {len(changed)}")
    for label in changed:
        a, b = old[label], new[label]
        print(
            f"  changed: {label}: old {a.value!r} +- {a.error:.2g}, "
            f"new {b.value!r} +- {b.error:.2g}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
