"""The integrate honesty counts of the Benchmarks page, against the runs they come from.

docs/benchmark-results/integrate.md (written by bench/bench_integrate.py) quotes
three random searches of bench.honesty: integrate-peaks (seeds 1 to 3),
integrate-singular (1 to 6) and integrate-kinks (1 to 9). Those runs take
minutes, so `make honesty-integrate` records their output in
bench/honesty/recorded/integrate.txt; each figure the page quotes is summed
here from that record. The page said "refuses 726" after the runs gave 727.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from .pages import DOCS

RECORD = Path(__file__).resolve().parents[2] / "bench" / "honesty" / "recorded" / "integrate.txt"
PAGE = " ".join((DOCS / "benchmark-results" / "integrate.md").read_text(encoding="utf-8").split())
SEEDS = {"integrate-peaks": 3, "integrate-singular": 6, "integrate-kinks": 9}


FIELDS = {  # what each line of a run says, and the name it is summed under
    "draws": r"draws (\d+)",
    "refused": r"refused (\d+)",
    "dishonest": r"dishonest (\d+)",
    "peak never sampled": r"dishonest, peak never sampled (\d+)",
    "quad answered": r"^  quad: answered \(ier 0\) (\d+)",
    "quad dishonest": r"^  quad: .*?dishonest (\d+)",
}


def _totals() -> dict[str, Counter[str]]:
    """Each search's counts, summed over its seeds (calcweb's line, then quad's)."""
    totals: dict[str, Counter[str]] = {name: Counter() for name in SEEDS}
    search = ""
    for line in RECORD.read_text(encoding="utf-8").splitlines():
        head = re.match(r"(\S+) seed \d+: ", line)
        if head:
            search = head[1]
            totals[search]["seeds"] += 1
        elif not line.startswith("  quad: "):
            continue  # the header
        for name, pattern in FIELDS.items():
            if name.startswith("quad") == line.startswith("  quad: "):
                found = re.search(pattern, line)
                totals[search][name] += int(found[1]) if found else 0
    return totals


TOTALS = _totals()


def test_the_record_holds_every_seed() -> None:
    assert {name: counts["seeds"] for name, counts in TOTALS.items()} == SEEDS


def test_peaks() -> None:
    peaks = TOTALS["integrate-peaks"]
    assert f"On {peaks['draws']:,} random draws of one or two peaks" in PAGE
    seen = {0: "no draw", 1: "1 draw"}.get(peaks["dishonest"], f"{peaks['dishonest']} draws")
    assert f"on {seen} whose every peak some sample saw" in PAGE
    unseen = peaks["peak never sampled"]
    assert f"on {unseen}, a peak no sample saw" in PAGE
    assert f"(quad: {peaks['quad dishonest']:,} dishonest in all)" in PAGE


def test_end_singularities() -> None:
    singular = TOTALS["integrate-singular"]
    assert f"On {singular['draws']:,} random end singularities" in PAGE
    assert singular["dishonest"] == 0
    assert f"refuses {singular['refused']} (" in PAGE
    quad_warned = singular["draws"] - singular["quad answered"]
    assert f"quad is dishonest on {singular['quad dishonest']} and warns on {quad_warned}." in PAGE


def test_kinks() -> None:
    kinks = TOTALS["integrate-kinks"]
    assert f"On {kinks['draws']:,} random kinks" in PAGE
    assert kinks["dishonest"] == 0
    lies = kinks["quad dishonest"]
    share = 100 * lies / kinks["draws"]
    assert f"on none; quad on {share:.1f}% ({lies})." in PAGE


@pytest.mark.parametrize("name", SEEDS)
def test_each_search_is_named_with_its_seeds(name: str) -> None:
    assert f"python -m bench.honesty {name}, seeds 1 to {SEEDS[name]}" in PAGE
