"""Write the mutation-testing report from mutmut's results in mutants/.

Run from the directory ``make mutation`` ran in (the repository root)::

    .venv/bin/python tools/mutation/report.py [--out docs/benchmark-results/mutation.md]
        [--survivors /tmp/mutation/survivors] [--commit SHA]

It writes the markdown report (per module: killed, timeout, survived, no
tests; the score; every survivor with its one-line diff; the equivalent
mutants excluded, each with its reason) and, per module, a text file of the
survivors' full diffs (what ``mutmut show`` prints) for whoever writes the
tests that kill them.

Equivalent mutants are listed in tools/mutation/equivalent.toml by file,
function and the changed line(s), not by mutant number: the numbers shift
whenever a function gains or loses a mutable expression.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import tomllib
from mutmut.mutation.data import SourceFileMutationData
from mutmut.mutation.diff_apply import get_diff_for_mutant
from mutmut.stats import status_by_exit_code
from mutmut.utils.file_utils import walk_mutatable_files
from mutmut.utils.format_utils import orig_function_and_class_names_from_key

HERE = Path(__file__).parent
EQUIVALENT = HERE / "equivalent.toml"
sys.path.insert(0, str(HERE))
from run import NOT_MUTATED  # noqa: E402  (run.py sits next to this script)

HOW_TO_CHECK = """\
mutmut only writes to `mutants/`, its copy; `calcweb/` and `tests/` are never
touched. There is one `mutants/` per checkout, so in a tree other people run
mutmut in, work in a copy of your own (`mutants/` included, copied with its
times, `cp -a`, so that nothing is mutated again; `.venv` a symlink to the
shared one) and call the driver, not make (make could reinstall the shared
environment, pointing it at the copy):

```sh
.venv/bin/python tools/mutation/run.py show 'calcweb.jet.xǁJetǁ__pow____mutmut_27'
.venv/bin/python tools/mutation/run.py tests-for-mutant 'calcweb.jet.xǁJetǁ__pow____mutmut_27'
# write the test, then re-run that mutant (names and globs, as many as you like):
.venv/bin/python tools/mutation/run.py run 'calcweb.jet.xǁJetǁ__pow____mutmut_27'
.venv/bin/python tools/mutation/run.py run 'calcweb.jet.*'
```

In your own checkout, `make mutation MUTANTS='calcweb.jet.*'` does the same and
rewrites this report. A run without names is incremental: it tests the mutants
of the functions whose code changed and those never checked, after timing and
mapping any new tests; it does not re-test old survivors against new tests, so
name them. Never run `mutmut apply`: it writes the mutant into `calcweb/`."""

COLUMNS = ("killed", "timeout", "survived", "no tests", "other")
DETECTED = ("killed", "timeout")  # a mutant that makes the tests hang is detected too


@dataclass(frozen=True)
class Mutant:
    """One mutant: its name, file, function, status and diff."""

    name: str
    file: str
    function: str
    status: str
    diff: str

    @property
    def change(self) -> tuple[str, str]:
        """The removed and the added lines, stripped: how equivalent.toml names a mutant."""
        lines = self.diff.splitlines()[2:]  # after the ---/+++ header
        old = "\n".join(line[1:].strip() for line in lines if line.startswith("-"))
        new = "\n".join(line[1:].strip() for line in lines if line.startswith("+"))
        return old, new

    @property
    def one_line(self) -> str:
        """The change on one line, for the report's tables."""
        old, new = self.change
        return f"`{old}` → `{new}`".replace("\n", " ⏎ ").replace("|", "\\|")


def status_of(exit_code: int | None) -> str:
    """mutmut's status, with the rare ones (suspicious, segfault...) grouped as "other"."""
    status = status_by_exit_code[exit_code]
    if status in ("killed", "timeout", "survived", "no tests", "not checked"):
        return status
    return "other"


def load_mutants() -> list[Mutant]:
    """Every mutant of every mutated file, with its status and diff."""
    mutants = []
    for path in walk_mutatable_files():
        data = SourceFileMutationData(path=path)
        data.load()
        for name, exit_code in data.exit_code_by_key.items():
            function, class_name = orig_function_and_class_names_from_key(name)
            qualified = f"{class_name}.{function}" if class_name else function
            status = status_of(exit_code)
            # Only the undetected need a diff (survivor lists, equivalents): reading
            # one costs a parse, and most mutants are killed.
            undetected = status in ("survived", "no tests", "other")
            diff = get_diff_for_mutant(name, path=path) if undetected else ""
            mutants.append(Mutant(name, path.as_posix(), qualified, status, diff))
    return mutants


def load_equivalent() -> list[dict[str, str]]:
    """The entries of equivalent.toml: file, function, old, new, reason."""
    if not EQUIVALENT.exists():
        return []
    entries: list[dict[str, str]] = tomllib.loads(EQUIVALENT.read_text("utf-8")).get(
        "equivalent", []
    )
    for entry in entries:
        missing = {"file", "function", "old", "new", "reason"} - entry.keys()
        if missing:
            sys.exit(f"{EQUIVALENT}: an entry lacks {sorted(missing)}: {entry}")
    return entries


def equivalent_reason(mutant: Mutant, entries: list[dict[str, str]]) -> str | None:
    """Why the mutant is equivalent, or None when equivalent.toml does not list it."""
    old, new = mutant.change
    for entry in entries:
        if (entry["file"], entry["function"], entry["old"].strip(), entry["new"].strip()) == (
            mutant.file,
            mutant.function,
            old,
            new,
        ):
            return entry["reason"]
    return None


def percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "—"


def commit_of_tree() -> str:
    result = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
    )
    return result.stdout.strip() or "unknown"


def run_time() -> str:
    """The last whole run's wall-clock time, which the Makefile records."""
    path = Path("mutants/run-seconds.json")
    if not path.exists():
        return ""  # no whole run yet, only runs of named mutants
    run = json.loads(path.read_text("utf-8"))
    kind = "first (every mutant)" if run["fresh"] else "incremental"
    return f"Last whole run ({kind}): {run['seconds'] / 60:.0f} min on 2 workers."


def write_survivor_files(directory: Path, survivors: dict[str, list[Mutant]]) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    for file, mutants in survivors.items():
        name = file.removeprefix("calcweb/").replace("/", ".").removesuffix(".py")
        text = "".join(f"# {m.name}: {m.status}\n{m.diff}\n\n" for m in mutants)
        (directory / f"{name}.txt").write_text(text, "utf-8")


def report(mutants: list[Mutant], entries: list[dict[str, str]], commit: str, note: str) -> str:
    """The markdown report."""
    by_file: dict[str, list[Mutant]] = {}
    for mutant in mutants:
        by_file.setdefault(mutant.file, []).append(mutant)
    equivalent = {m.name: r for m in mutants if (r := equivalent_reason(m, entries)) is not None}
    version = importlib.metadata.version("mutmut")

    intro = (
        f"mutmut {version} over the numerical core, at commit `{commit}`, run by "
        "`make mutation` (not part of `make test`). Each mutant is one small change to one "
        "function (an operator, a constant, a comparison, an argument); the tests that reach "
        "that function run against it, and the mutant is *killed* when one of them fails. "
        "A *timeout* (the tests ran past 5 x (their time when mutmut timed them + 20 s)) "
        "counts as detected. A *survivor* is a change no test noticed: a missing test, or an "
        "*equivalent* mutant, which computes the same results as the original; those are "
        "listed at the end, each with its reason, and left out of the score."
    )
    tests = (
        "Tests run against each mutant: tests/unit (without the plot tests: plot is not "
        "mutated, and they are the slowest) and tests/adversarial, hypothesis derandomized "
        "and without deadlines. Not the doctests: mutmut copies each function once per "
        "mutant, docstring included, so they would multiply. " + run_time()
    )
    out = [
        "# Mutation testing",
        "",
        intro,
        "",
        tests,
        "",
        *([note, ""] if note else []),
        (
            "| module | mutants | killed | timeout | survived | no tests | other "
            "| not checked | equivalent | score |"
        ),
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    totals: Counter[str] = Counter()
    for file, group in sorted(by_file.items()):
        counts = Counter(m.status for m in group)
        n_equivalent = sum(m.name in equivalent for m in group)
        counts["mutants"] = len(group)
        counts["equivalent"] = n_equivalent
        totals.update(counts)
        out.append(row(file, counts))
    out.append(row("**all**", totals))
    detected = sum(totals[s] for s in DETECTED)
    raw = percent(detected, totals["mutants"] - totals["not checked"])
    out += [
        "",
        (
            "score = (killed + timeout) / (mutants - equivalent - not checked). "
            f"Raw score, with no mutant excluded: {raw}."
        ),
        "",
    ]
    if NOT_MUTATED:
        out += ["## Functions not mutated", ""]
        for (file, function), reason in NOT_MUTATED.items():
            out.append(f"- `{file}` `{function}`: {reason}.")
        out.append("")

    out += ["## Survivors", ""]
    out.append("Full diffs: `mutmut show NAME`, or the files `report.py --survivors DIR` writes.")
    for file, group in sorted(by_file.items()):
        undetected = [m for m in group if m.diff and m.name not in equivalent]
        if not undetected:
            continue
        out += ["", f"### {file} ({len(undetected)})", ""]
        out += ["| mutant | status | change |", "|---|---|---|"]
        out += [f"| `{short(m.name)}` | {m.status} | {m.one_line} |" for m in undetected]

    out += ["", "## Checking that a new test kills a survivor", "", *HOW_TO_CHECK.splitlines()]
    out += ["", "## Equivalent mutants excluded", ""]
    listed = [m for m in mutants if m.name in equivalent]
    if not listed:
        out.append("None yet.")
    for m in listed:
        out.append(f"- `{m.file}` `{m.function}` ({m.status}): {m.one_line} — {equivalent[m.name]}")
    out.append("")
    return "\n".join(out)


def short(name: str) -> str:
    """The mutant's name without its module (the section says the module)."""
    return name.rpartition(".")[2]


def row(label: str, counts: Counter[str]) -> str:
    scored = counts["mutants"] - counts["equivalent"] - counts["not checked"]
    detected = sum(counts[s] for s in DETECTED)
    cells = [label, counts["mutants"], *(counts[c] for c in COLUMNS)]
    cells += [counts["not checked"], counts["equivalent"], percent(detected, scored)]
    return "| " + " | ".join(str(c) for c in cells) + " |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/benchmark-results/mutation.md"))
    parser.add_argument("--survivors", type=Path, help="write <module>.txt survivor diffs here")
    parser.add_argument("--commit", help="the commit the run tested (default: git HEAD)")
    parser.add_argument("--note", default="", help="a paragraph on this run, after the intro")
    args = parser.parse_args()

    mutants = load_mutants()
    entries = load_equivalent()
    args.out.write_text(
        report(mutants, entries, args.commit or commit_of_tree(), args.note), "utf-8"
    )
    print(f"wrote {args.out}")
    if args.survivors:
        equivalent = {m.name for m in mutants if equivalent_reason(m, entries) is not None}
        survivors: dict[str, list[Mutant]] = {}
        for m in mutants:
            if m.diff and m.name not in equivalent:
                survivors.setdefault(m.file, []).append(m)
        write_survivor_files(args.survivors, survivors)
        print(f"wrote {len(survivors)} files of survivors to {args.survivors}")


if __name__ == "__main__":
    main()
