"""Mutation testing of one function at a time, without mutmut's copy of the tree.

mutmut (pinned in requirements/mutation.txt) makes the mutants; this script runs
them. Run from the repository root, with mutmut importable (it need not be in
.venv: ``pip install --target DIR mutmut==3.8.1`` and ``--mutmut DIR``)::

    python tools/mutation/one_function.py record TARGET... --out reach.json
    python tools/mutation/one_function.py run TARGET --reach reach.json --out results.jsonl
    python tools/mutation/one_function.py show TARGET [N...]

TARGET is ``calcweb/_integrate.py:_Panels._above``. The mutants of TARGET are
mutmut's: the function's source (decorators included, dedented) is given alone to
mutmut's ``create_mutations``, and mutant N is its N-th mutation applied by mutmut's
``deep_replace``, so N is the number mutmut gives it (``..._mutmut_N``).

``record`` runs the tests once on the unmutated tree (tests/unit and tests/adversarial,
the plot tests and test_controls.py left out) with each target's code object swapped
for a copy that notes the running test: the tests that reach each target, and each
test's time. ``run`` collects the tests that reach TARGET in one pytest session and
runs each mutant in a fork of it: the mutant's code object and defaults are put into
the original function object, so every reference calls it (a test's direct import
too); the reaching tests run fastest first (a test that killed an earlier mutant
first), up to the first failure, killed after mutmut's timeout, (their time +
timeout_constant) x timeout_multiplier from pyproject's [tool.mutmut]. ``--tests
FILE`` runs those files instead (the swap check of a kill-test file: it must pass on
the original, ``--only 0``, and fail on each mutant it kills).
"""

from __future__ import annotations

import argparse
import ast
import difflib
import importlib
import inspect
import json
import os
import re
import select
import signal
import sys
import textwrap
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FunctionType
from typing import Any

import pytest
import tomllib
from _pytest.runner import runtestprotocol
from steady_hypothesis import load_mutation_profile

TEST_SELECTION = [
    "tests/unit",
    "tests/adversarial",
    "--ignore-glob=tests/unit/test_plot_*.py",
    "--ignore=tests/unit/test_controls.py",
]
RECORDER = "__mutation_reached__"
# hypothesis is imported before pytest starts, so pytest warns that it cannot rewrite
# hypothesis's asserts (harmless), and the project's settings make warnings errors.
PYTEST = ["-q", "-p", "no:cacheprovider", "-W", "ignore::pytest.PytestAssertRewriteWarning"]


@dataclass(frozen=True)
class Target:
    """One top-level function or method: its file and qualified name."""

    file: str
    qualified: str

    @classmethod
    def parse(cls, text: str) -> Target:
        file, _, qualified = text.partition(":")
        return cls(file, qualified)

    def __str__(self) -> str:
        return f"{self.file}:{self.qualified}"

    def node(self) -> ast.FunctionDef:
        *classes, name = self.qualified.split(".")
        body = ast.parse(Path(self.file).read_text("utf-8")).body
        for class_name in classes:
            body = next(
                c for c in body if isinstance(c, ast.ClassDef) and c.name == class_name
            ).body
        return next(n for n in body if isinstance(n, ast.FunctionDef) and n.name == name)

    def source(self) -> tuple[str, int]:
        """The function's source, decorators included and dedented, and its def's line."""
        node = self.node()
        first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
        lines = Path(self.file).read_text("utf-8").splitlines(keepends=True)
        return textwrap.dedent("".join(lines[first - 1 : node.end_lineno])), node.lineno

    def function(self) -> FunctionType:
        """The live function object (a staticmethod's, classmethod's or wrapper's underlying one).

        A decorator that keeps ``__wrapped__`` (contextlib.contextmanager) calls the
        function it wrapped, so that function's code is the one to swap.
        """
        holder: Any = importlib.import_module(self.file.removesuffix(".py").replace("/", "."))
        for part in self.qualified.split("."):
            holder = vars(holder)[part] if isinstance(holder, type) else getattr(holder, part)
        function = inspect.unwrap(getattr(holder, "__func__", holder))
        if not isinstance(function, FunctionType):
            raise TypeError(f"{self}: {function!r} is not a Python function")
        return function


# mutmut and libcst are imported where used: they are on sys.path only once main has
# added --mutmut's directory.
def mutants(target: Target) -> list[str]:
    """Mutant 1..N of target as compilable source (index 0: the original), decorators off."""
    import libcst as cst  # noqa: PLC0415
    from mutmut.mutation.file_mutation import create_mutations, deep_replace  # noqa: PLC0415

    source, def_line = target.source()
    module, mutations, _, _ = create_mutations(target.file, source)
    function = module.body[0]
    variants = [
        function,
        *(deep_replace(function, m.original_node, m.mutated_node) for m in mutations),
    ]
    if not all(isinstance(v, cst.FunctionDef) for v in variants):
        raise TypeError(f"{target}: mutmut did not give a def")
    # No decorators, and the def on its line in the file: tracebacks point at the file.
    return [
        "\n" * (def_line - 1) + module.with_changes(body=[v.with_changes(decorators=[])]).code
        for v in variants
    ]


def recorder_source(target: Target) -> str:
    """The original without decorators, noting its target first thing on every call."""
    import libcst as cst  # noqa: PLC0415

    source, def_line = target.source()
    function = cst.parse_module(source).body[0]
    if not isinstance(function, cst.FunctionDef) or not isinstance(
        function.body, cst.IndentedBlock
    ):
        raise TypeError(f"{target}: not a def with an indented body")
    note = cst.parse_statement(f"{RECORDER}({str(target)!r})")
    body = function.body.with_changes(body=[note, *function.body.body])
    function = function.with_changes(decorators=[], body=body)
    code: str = cst.Module(body=[function]).code
    return "\n" * (def_line - 1) + code


def swap_in(target: Target, source: str) -> None:
    """Put the code object and defaults of source's def into target's function object."""
    original = target.function()
    namespace = dict(original.__globals__)
    if "." in target.qualified:  # a method's defaults may name its class's attributes
        namespace.update(vars(_class_of(target)))
    exec(compile(source, target.file, "exec"), namespace)  # noqa: S102  (mutmut's mutant)
    new = namespace[target.qualified.rpartition(".")[2]]
    new = getattr(new, "__func__", new)
    original.__code__ = new.__code__
    original.__defaults__ = new.__defaults__
    original.__kwdefaults__ = new.__kwdefaults__


def _class_of(target: Target) -> type:
    holder: Any = importlib.import_module(target.file.removesuffix(".py").replace("/", "."))
    for part in target.qualified.split(".")[:-1]:
        holder = getattr(holder, part)
    if not isinstance(holder, type):
        raise TypeError(f"{target}: {holder!r} is not a class")
    return holder


def normal(nodeid: str) -> str:
    """A test id without the addresses some ids hold (ids=str of a lambda)."""
    return re.sub(r"0x[0-9a-f]+", "0x?", nodeid)


class Recorder:
    """pytest plugin: which tests reach each target, and each test's time and outcome."""

    def __init__(self, targets: list[Target]) -> None:
        self.targets = targets
        self.reached: set[str] = set()
        self.tests: dict[str, dict[str, Any]] = {}

    def pytest_collection_finish(self) -> None:
        for target in self.targets:
            target.function().__globals__[RECORDER] = self.reached.add
            swap_in(target, recorder_source(target))

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_protocol(self, item: pytest.Item) -> Iterator[None]:
        self.reached.clear()
        entry = self.tests.setdefault(normal(item.nodeid), {"seconds": 0.0, "passed": True})
        result = yield
        entry["reaches"] = sorted(set(entry.get("reaches", [])) | self.reached)
        return result

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        entry = self.tests[normal(report.nodeid)]
        entry["seconds"] += report.duration
        entry["passed"] &= not report.failed


def record(targets: list[Target], out: Path, pytest_args: list[str]) -> int:
    recorder = Recorder(targets)
    code = pytest.main([*PYTEST, *pytest_args], plugins=[recorder])
    reach = {
        str(t): {
            test: entry["seconds"]
            for test, entry in recorder.tests.items()
            if str(t) in entry["reaches"] and entry["passed"]
        }
        for t in targets
    }
    failed = sorted(test for test, entry in recorder.tests.items() if not entry["passed"])
    out.write_text(json.dumps({"reach": reach, "failed_unmutated": failed}, indent=1), "utf-8")
    return int(code)


class MutantRunner:
    """pytest plugin: collects the tests once, then runs each mutant in a fork."""

    def __init__(self, target: Target, sources: dict[int, str], order: dict[str, float], args: Any):
        self.target, self.sources, self.order, self.args = target, sources, order, args
        self.killers: list[str] = []  # tests that killed a mutant, tried first

    def pytest_collection_modifyitems(self, items: list[pytest.Item]) -> None:
        if self.order:  # keep the reaching tests alone, fastest first
            items[:] = [i for i in items if normal(i.nodeid) in self.order]
            items.sort(key=lambda i: self.order[normal(i.nodeid)])

    def pytest_runtestloop(self, session: pytest.Session) -> bool:
        seconds = sum(self.order.values()) if self.order else self.args.seconds
        timeout = (seconds + self.args.constant) * self.args.multiplier
        queue = sorted(self.sources)
        running: dict[int, tuple[int, float, int]] = {}  # pid -> (mutant, start, pipe)
        with Path(self.args.out).open("a", encoding="utf-8") as out:
            while queue or running:
                while queue and len(running) < self.args.workers:
                    number = queue.pop(0)
                    pid, pipe = self.fork(session.items, number)
                    running[pid] = (number, time.monotonic(), pipe)
                self.reap(running, timeout, out)
        return True

    def fork(self, items: list[pytest.Item], number: int) -> tuple[int, int]:
        read, write = os.pipe()
        pid = os.fork()
        if pid:
            os.close(write)
            return pid, read
        os.close(read)
        killer = ""
        try:
            swap_in(self.target, self.sources[number])
            first = [i for k in self.killers for i in items if normal(i.nodeid) == k]
            ordered = first + [i for i in items if i not in first]
            for index, item in enumerate(ordered):
                following = ordered[index + 1] if index + 1 < len(ordered) else None
                reports = runtestprotocol(item, nextitem=following, log=False)
                if any(r.failed for r in reports):
                    killer = normal(item.nodeid)
                    break
        except BaseException as error:  # the mutant's own exception outside a test
            killer = f"(outside a test: {type(error).__name__})"
        os.write(write, killer.encode())
        os._exit(0)

    def reap(self, running: dict[int, tuple[int, float, int]], timeout: float, out: Any) -> None:
        pipes = {pipe: pid for pid, (_, _, pipe) in running.items()}
        select.select(list(pipes), [], [], 1.0)
        for pid, (number, start, pipe) in list(running.items()):
            elapsed = time.monotonic() - start
            done, _ = os.waitpid(pid, os.WNOHANG)
            if not done and elapsed < timeout:
                continue
            if not done:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                status, killer = "timeout", ""
            else:
                killer = os.read(pipe, 1 << 16).decode()
                status = "killed" if killer else "survived"
            os.close(pipe)
            del running[pid]
            if killer and killer not in self.killers and not killer.startswith("("):
                self.killers.insert(0, killer)
            line = {"target": str(self.target), "mutant": number, "status": status}
            line |= {"test": killer, "seconds": round(elapsed, 1)}
            out.write(json.dumps(line) + "\n")
            out.flush()
            print(json.dumps(line), flush=True)


def run(target: Target, args: Any) -> int:
    every = mutants(target)
    numbers = args.only or range(1, len(every))
    sources = {n: every[n] for n in numbers}
    if args.tests:
        order: dict[str, float] = {}
        pytest_args = args.tests
    else:
        reach = json.loads(Path(args.reach).read_text("utf-8"))["reach"][str(target)]
        order = dict(sorted(reach.items(), key=lambda kv: kv[1]))
        files = sorted({test.partition("::")[0] for test in order})
        pytest_args = files or ["--co"]  # no reaching test: every mutant survives
    plugin = MutantRunner(target, sources, order, args)
    return int(pytest.main([*PYTEST, *pytest_args], plugins=[plugin]))


def show(target: Target, numbers: list[int]) -> None:
    every = mutants(target)
    for number in numbers or range(1, len(every)):
        diff = difflib.unified_diff(
            every[0].splitlines(), every[number].splitlines(), lineterm="", n=0
        )
        print(f"# {target} mutant {number}")
        print("\n".join(line for line in diff if not line.startswith(("---", "+++"))))


def timeout_settings() -> tuple[float, float]:
    """mutmut's timeout_constant and timeout_multiplier (its defaults, or pyproject's)."""
    tool = tomllib.loads(Path("pyproject.toml").read_text("utf-8")).get("tool", {})
    mutmut = tool.get("mutmut", {})
    return float(mutmut.get("timeout_constant", 1.0)), float(mutmut.get("timeout_multiplier", 15.0))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mutmut", help="a directory mutmut was installed in (pip --target)")
    commands = parser.add_subparsers(dest="command", required=True)
    rec = commands.add_parser("record", help="the tests that reach each target, timed")
    rec.add_argument("targets", nargs="+", type=Target.parse)
    rec.add_argument("--out", type=Path, required=True)
    rec.add_argument("--tests", nargs="+", help="these test files instead of the usual selection")
    go = commands.add_parser("run", help="run the mutants of one target")
    go.add_argument("target", type=Target.parse)
    go.add_argument("--reach", help="record's output")
    go.add_argument("--tests", nargs="+", help="these test files instead of the reaching tests")
    go.add_argument("--only", type=lambda s: [int(n) for n in s.split(",")], help="N,N,...")
    go.add_argument("--workers", type=int, default=1)
    go.add_argument("--seconds", type=float, default=60.0, help="--tests' time, for the timeout")
    go.add_argument("--out", type=Path, required=True, help="one JSON line per mutant, appended")
    see = commands.add_parser("show", help="the diffs of mutants")
    see.add_argument("target", type=Target.parse)
    see.add_argument("numbers", nargs="*", type=int)
    args = parser.parse_args(argv)
    if args.mutmut:
        sys.path.append(args.mutmut)  # after .venv's packages: its own pytest is not used
    sys.path.insert(0, str(Path.cwd()))
    if args.command == "show":
        show(args.target, args.numbers)
        return 0
    load_mutation_profile()  # before pytest starts: conftest's profile inherits it
    if args.command == "record":
        return record(args.targets, args.out, args.tests or TEST_SELECTION)
    args.constant, args.multiplier = timeout_settings()
    return run(args.target, args)


if __name__ == "__main__":
    sys.exit(main())
