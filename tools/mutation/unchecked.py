"""List the mutated functions that changed since their last mutation run, or never had one.

Run from the repository root::

    .venv/bin/python tools/mutation/unchecked.py [--at REV] [--markdown]

tools/mutation/runs.toml says which commit each function of each module was last run
at. A function is *changed since* when its source at REV (default HEAD), docstring,
comments and decorators included, differs from its source at that commit (read with
``git show COMMIT:FILE`` and located with ast), and *new* when no run names it (or the
runs that name every function predate it). Nested functions are part of the function
that holds them, as for mutmut, which mutates top-level functions and methods.
"""

from __future__ import annotations

import argparse
import ast
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import tomllib

RUNS = Path(__file__).with_name("runs.toml")


@dataclass(frozen=True)
class Run:
    """One run of mutmut over some functions of one module, at one commit."""

    module: str
    commit: str
    functions: tuple[str, ...]  # ("*",): every function of the module at the commit
    mutated: bool  # False: the module is not mutated, the entry only starts its list


def git(*args: str) -> str:
    result = subprocess.run(["git", *args], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"git {' '.join(args)} failed: {result.stderr.strip()}")
    return result.stdout


def commit_time(commit: str) -> int:
    return int(git("show", "-s", "--format=%ct", commit).strip())


def sources(module: str, rev: str) -> dict[str, str]:
    """Each top-level function and method ("Class.method") of the module at rev: its source."""
    text = git("show", f"{rev}:{module}")
    found: dict[str, str] = {}

    def visit(body: list[ast.stmt], prefix: str) -> None:
        for node in body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                lines = text.splitlines()[first - 1 : node.end_lineno]
                found[prefix + node.name] = "\n".join(lines)
            elif isinstance(node, ast.ClassDef):
                visit(node.body, f"{prefix}{node.name}.")

    visit(ast.parse(text).body, "")
    return found


def load_runs() -> list[Run]:
    entries = tomllib.loads(RUNS.read_text("utf-8"))["run"]
    runs = [
        Run(e["module"], e["commit"], tuple(e["functions"]), e.get("mutated", True))
        for e in entries
    ]
    times = {run.commit: commit_time(run.commit) for run in runs}
    return sorted(runs, key=lambda run: times[run.commit])  # stable: file order within a commit


@dataclass(frozen=True)
class Verdict:
    function: str
    last_run: str | None  # the commit of its last run, None when it never had one


def unchecked(module: str, runs: list[Run], rev: str) -> list[Verdict]:
    """The functions of module at rev whose source is not the one their last run mutated."""
    last_run: dict[str, str] = {}
    at_run: dict[str, dict[str, str]] = {}
    for run in runs:
        at_run[run.commit] = sources(module, run.commit)
        names = at_run[run.commit] if run.functions == ("*",) else run.functions
        for name in names:
            if name not in at_run[run.commit]:
                sys.exit(f"{RUNS}: {module} has no function {name} at {run.commit}")
            last_run[name] = run.commit
    now = sources(module, rev)
    return [
        Verdict(name, last_run.get(name))
        for name, source in now.items()
        if name not in last_run or at_run[last_run[name]][name] != source
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--at", default="HEAD", help="the commit to list at (default HEAD)")
    parser.add_argument("--markdown", action="store_true", help="one paragraph per module")
    args = parser.parse_args()
    runs = load_runs()
    modules = sorted({run.module for run in runs})
    for module in modules:
        mine = [run for run in runs if run.module == module]
        verdicts = unchecked(module, mine, args.at)
        changed = sorted(v.function for v in verdicts if v.last_run is not None)
        new = sorted(v.function for v in verdicts if v.last_run is None)
        note = "" if all(run.mutated for run in mine) else " (not mutated)"
        if args.markdown:
            text = ", ".join(f"`{name}`" for name in changed) or "none"
            text_new = ", ".join(f"`{name}`" for name in new) or "none"
            print(f"- `{module}`{note}: changed since: {text}; new: {text_new}.")
        else:
            print(f"{module}{note}: {len(changed)} changed since their run, {len(new)} new")
            for v in sorted(verdicts, key=lambda v: v.function):
                print(f"  {v.function}  ({'run at ' + v.last_run if v.last_run else 'new'})")


if __name__ == "__main__":
    main()
