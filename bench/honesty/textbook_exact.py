"""The exact values of the corpus of tests/unit/test_limits_textbook_more.py, by sympy.

Run from the repository's root (sympy is a dev tool, not a dependency)::

    .venv/bin/python -m bench.honesty.textbook_exact           # check every row
    .venv/bin/python -m bench.honesty.textbook_exact --write   # and rewrite the rows that differ

Each row's formula is read by sympy (``x`` real) and its limit taken with
``sympy.limit``: from the left and from the right for ``side="both"`` (one
value when they agree, ``"L|R"`` when they differ), from the side given
otherwise. A limit that sympy gives as a set of values (``AccumBounds``, as
for ``sin(1/x)``) is ``"none"``; an infinite one ``"inf"`` or ``"-inf"``; a
finite one the float nearest it, as ``repr`` writes it. The rows whose
``expected`` differs are listed, and with ``--write`` rewritten in place.
"""

from __future__ import annotations

import argparse
import re
import signal
import sys
from pathlib import Path
from typing import Any

import sympy

from tests.unit.test_limits_textbook_more import CORPUS, Row

SOURCE = Path(__file__).resolve().parents[2] / "tests" / "unit" / "test_limits_textbook_more.py"
SECONDS = 120  # sympy's time for one row, at most
X = sympy.Symbol("x", real=True)
NAMES: dict[str, Any] = {
    "x": X,
    "E": sympy.E,
    "pi": sympy.pi,
    "abs": sympy.Abs,
    "sign": sympy.sign,
    "floor": sympy.floor,
    "ceil": sympy.ceiling,
}


def _shown(value: Any) -> str:
    """A limit as a row's ``expected`` writes it."""
    if isinstance(value, sympy.AccumBounds) or value.has(sympy.AccumBounds, sympy.nan):
        return "none"
    if value is sympy.oo:
        return "inf"
    if value is sympy.S.NegativeInfinity:
        return "-inf"
    if value.has(sympy.Limit) or not value.is_real:
        raise ValueError(f"sympy gives {value}: not a real limit")
    return repr(float(sympy.N(value, 40)))


def _timeout(signum: int, frame: Any) -> None:  # noqa: ARG001 - a signal handler's signature
    raise TimeoutError(f"sympy took more than {SECONDS} s")


def exact(row: Row) -> str:
    """Row's ``expected``, from sympy."""
    f = sympy.sympify(row.formula, locals=NAMES)
    x0 = sympy.sympify(row.x0)
    signal.signal(signal.SIGALRM, _timeout)
    signal.alarm(SECONDS)
    try:
        if x0.is_infinite:
            return _shown(sympy.limit(f, X, x0))
        if row.side != "both":
            return _shown(sympy.limit(f, X, x0, dir="+" if row.side == "right" else "-"))
        left = _shown(sympy.limit(f, X, x0, dir="-"))
        right = _shown(sympy.limit(f, X, x0, dir="+"))
    finally:
        signal.alarm(0)
    if left == right:
        return left
    if "none" in (left, right):
        return "none"
    return f"{left}|{right}"


def _rewritten(text: str, row: Row, value: str) -> str:
    """`text` with row's ``expected`` replaced by `value` (its line found by its first fields)."""
    head = f'Row("{row.formula}", "{row.x0}", "{row.side}", '
    pattern = re.escape(head) + r'"[^"]*"'
    new, count = re.subn(pattern, (head + f'"{value}"').replace("\\", "\\\\"), text)
    if count != 1:
        raise SystemExit(f"found {count} lines for {head!r} in {SOURCE}: expected one")
    return new


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.honesty.textbook_exact")
    parser.add_argument("--write", action="store_true", help="rewrite the rows that differ")
    args = parser.parse_args(argv)
    text = SOURCE.read_text(encoding="utf-8")
    differ = failed = 0
    for row in CORPUS:
        try:
            value = exact(row)
        except (TimeoutError, ValueError, NotImplementedError) as error:
            failed += 1
            print(f"sympy failed: {row.formula} at {row.x0} [{row.side}]: {error}", flush=True)
            continue
        if value != row.expected:
            differ += 1
            print(f"{row.formula} at {row.x0} [{row.side}]: {row.expected} -> {value}", flush=True)
            text = _rewritten(text, row, value)
    print(f"{len(CORPUS)} rows: {differ} differ from sympy, {failed} sympy could not take")
    if args.write and differ:
        SOURCE.write_text(text, encoding="utf-8")
        print(f"rewrote {SOURCE}")
    return 1 if differ or failed else 0


if __name__ == "__main__":
    sys.exit(main())
