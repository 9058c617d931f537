"""Run mutmut (pinned in requirements/mutation.txt) with the functions it cannot wrap left out.

``python tools/mutation/run.py ARGS`` is ``mutmut ARGS``, except that the
functions in ``NOT_MUTATED`` are neither mutated nor wrapped in mutmut's
trampoline (the wrapper that picks the original or a mutant on every call).
Run it from the repository root: mutmut copies the package and the tests to
``mutants/`` there and mutates only that copy.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path
from typing import Any

from mutmut.__main__ import cli
from mutmut.configuration import config
from mutmut.mutation import file_mutation
from steady_hypothesis import load_mutation_profile

# (file, qualified function) -> why mutmut must leave it alone.
NOT_MUTATED = {
    ("calcweb/nn/value.py", "Value.__del__"): (
        "a finaliser: the garbage collector calls it from inside any allocation, including "
        "the ContextVar.set of a trampoline collecting stats, and that re-entry crashes "
        "CPython 3.11 (segmentation fault); the trampoline's two frames also break "
        "test_freeing_a_chain_does_not_nest_calls, which counts __del__'s depth"
    ),
}


def function_lines(source: str, qualified: str) -> set[int]:
    """The lines of the function ``qualified`` ("Class.method" or "function") in ``source``."""
    *classes, name = qualified.split(".")
    body: list[ast.stmt] = ast.parse(source).body
    for class_name in classes:
        body = next(n for n in body if isinstance(n, ast.ClassDef) and n.name == class_name).body
    node = next(
        n for n in body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef) and n.name == name
    )
    first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
    return set(range(first, (node.end_lineno or node.lineno) + 1))


_get_ignored_lines = file_mutation.get_ignored_lines


def get_ignored_lines(filename: str, source: str, *args: Any, **kwargs: Any) -> Any:
    """mutmut's ignored lines, plus every line of the functions in NOT_MUTATED."""
    ignored = _get_ignored_lines(filename, source, *args, **kwargs)
    path = Path(filename).as_posix()
    for file, qualified in NOT_MUTATED:
        if path.endswith(file):
            ignored.ignore_node_lines |= function_lines(source, qualified)
    return ignored


# mutmut forks its workers, so they inherit this replacement and this profile.
file_mutation.get_ignored_lines = get_ignored_lines

load_mutation_profile()
# Importing hypothesis here, before pytest starts, makes pytest warn that it cannot
# rewrite the asserts of hypothesis's own module (harmless; calcweb's tests are
# rewritten as usual), and the project's pytest settings turn warnings into errors.
config().pytest_add_cli_args += ["-W", "ignore::pytest.PytestAssertRewriteWarning"]

if __name__ == "__main__":
    sys.exit(cli())
