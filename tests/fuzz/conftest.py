"""Hypothesis profiles of the fuzz test, and its end-of-session report.

Profiles (chosen with the environment variable ``HYPOTHESIS_PROFILE``):

* ``fuzz`` (the default): derandomized, so every run of ``make test`` tries the
  same examples and CI is deterministic; no example database.
* ``long``: ten times as many examples, random ones, for a nightly-size run:
  ``HYPOTHESIS_PROFILE=long .venv/bin/pytest tests/fuzz``.

With ``CALCWEB_FUZZ_FINDINGS=/tmp/fuzz_findings.md`` violations are collected
instead of failing the test, and written to that file when the session ends.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings

from tests.fuzz.harness import FINDINGS_FILE, STATS

settings.register_profile(
    "fuzz",
    max_examples=150,
    derandomize=True,
    database=None,
    deadline=None,  # each call has its own time limit (harness.CALL_LIMIT)
    suppress_health_check=list(HealthCheck),  # hostile draws are slow and often filtered
    print_blob=False,
    # No shrinking: the report already shows the whole failing call, and
    # shrinking a hang would re-run it many times.
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
)
settings.register_profile(
    "long", settings.get_profile("fuzz"), max_examples=1500, derandomize=False
)
PROFILE_NAME = os.environ.get("HYPOTHESIS_PROFILE", "fuzz")
if PROFILE_NAME not in ("fuzz", "long"):
    PROFILE_NAME = "fuzz"  # a profile meant for the other tests: the fuzz keeps its own
PROFILE = settings.get_profile(PROFILE_NAME)
SCALE = PROFILE.max_examples / 150  # the long profile must make ten times the calls too


@pytest.fixture(scope="session")
def fuzz_tmp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory for Figure.save."""
    return tmp_path_factory.mktemp("fuzz")


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """How many calls the fuzz made, and its slowest calls."""
    if not STATS.calls:
        return
    elapsed = time.perf_counter() - (STATS.started or 0.0)
    terminalreporter.write_line(
        f"fuzz ({PROFILE_NAME}): {STATS.calls} calls of calcweb in {elapsed:.1f} s"
    )
    for name, (seconds, call) in sorted(STATS.slow.items(), key=lambda i: -i[1][0])[:5]:
        terminalreporter.write_line(f"  slowest for {name}: {seconds:.2f} s  {call[:150]}")
    if os.environ.get("CALCWEB_FUZZ_STATS"):
        for name, calls in sorted(STATS.per_name.items()):
            results = STATS.results.get(name, 0)
            terminalreporter.write_line(
                f"  {name:28} {calls:6} calls, {results / calls:4.0%} results"
            )
    if FINDINGS_FILE:
        terminalreporter.write_line(
            f"fuzz findings: {len(STATS.findings)} distinct, written to {FINDINGS_FILE}"
        )


def pytest_sessionfinish(session: pytest.Session) -> None:  # noqa: ARG001  (hook signature)
    """Write the findings report, when collecting."""
    if not FINDINGS_FILE or not STATS.calls:
        return
    by_place: dict[str, list[str]] = {}
    for f in sorted(STATS.findings.values(), key=lambda f: (f.where, f.name)):
        owner = f.where.split(":", 1)[0] if f.where else "(no calcweb line)"
        by_place.setdefault(owner, []).append(
            f"- **{f.name}** — {f.kind} ×{f.count}\n"
            f"  - call: `{f.call}`\n"
            f"  - exception: `{f.exception}`\n"
            f"  - at: `{f.where or '-'}`"
        )
    lines = [
        "# Fuzz findings",
        "",
        (
            f"{STATS.calls} calls, {len(STATS.findings)} distinct violations, profile "
            f"{PROFILE_NAME}, {time.strftime('%Y-%m-%d %H:%M:%S')}. Grouped by the file of "
            "the innermost calcweb line."
        ),
        "",
    ]
    for owner, entries in sorted(by_place.items()):
        lines += [f"## {owner} ({len(entries)})", "", *entries, ""]
    slow = sorted(STATS.slow.items(), key=lambda i: -i[1][0])
    if slow:
        lines += ["## Slow calls (> 1 s, not failures)", ""]
        lines += [f"- {name}: {s:.2f} s `{call[:200]}`" for name, (s, call) in slow]
    Path(FINDINGS_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
