"""The bytes on the path to the first result, file by file.

Builds and serves the site as the other browser benchmarks do
(bench/_browser.py), with bench_live_cells.py's bare Pyodide page and page
drivers, and records in headless
Chromium every response that has arrived when the first result shows, in a
new browser profile each time, for three ways to a first result:

- the live cells, Python restored from the build's memory snapshot;
- the live cells, Python started afresh (the snapshot's manifest answers
  404, as on a site without a snapshot);
- the bare Pyodide page (pyodide.mjs + loadPackage("calcweb")).

For each file: its size on disk, gzip -9 of it (what a host that compresses
would send, roughly), and the bytes on the wire from our static server
(tools/serve.py, which compresses nothing): body + headers, per Chromium. The
`brotli` package is not in the project's lock files, so there is no brotli
column. Bytes, not seconds: they do not depend on the machine's load.
"""

from __future__ import annotations

import gzip
import sys
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from _browser import PREFIX, SITE, FinishedRequests, served_site, wire_bytes
from _report import publish, table
from bench_live_cells import BARE_FILES, PAGES, first_result_bare, first_result_site
from playwright.sync_api import Browser, Route

SCENARIOS = {
    "snapshot": "live cells, from the snapshot",
    "fresh": "live cells, fresh start",
    "bare": "bare Pyodide page",
}


@dataclass
class Transfers:
    """The responses of one browser context: site path -> wire bytes."""

    wire: dict[str, int] = field(default_factory=dict)

    def add(self, request: Any) -> None:
        path = urlsplit(request.url).path
        if not path.startswith(PREFIX):
            return  # data: and blob: URLs cost no bytes
        path = path[len(PREFIX) :] or "index.html"
        if path.endswith("/"):
            path += "index.html"
        self.wire[path] = self.wire.get(path, 0) + wire_bytes(request)


def _no_manifest(route: Route) -> None:
    route.fulfill(status=404, body="no snapshot")


def record(browser: Browser, base: str, scenario: str) -> dict[str, int] | None:
    """The wire bytes of each file fetched before the first result shows, or
    None when Python did not start the way the scenario says (a snapshot
    given up on a loaded machine, with the reason on the console)."""
    context = browser.new_context()
    finished = FinishedRequests(context)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda message: console.append(message.text))
    if scenario == "fresh":
        page.route("**/pyodide/snapshot.json", _no_manifest)
    if scenario == "bare":
        first_result_bare(page, base + PAGES["bare"])
    else:
        first_result_site(page, base)
        from_snapshot = page.evaluate("window.calcweb.python.fromSnapshot")
        if from_snapshot != (scenario == "snapshot"):
            print(f"{scenario}: Python started with fromSnapshot={from_snapshot}: {console}")
            context.close()
            return None
    transfers = Transfers()
    for request in finished.so_far():  # what arrived by the first result
        transfers.add(request)
    recorded = transfers.wire
    context.close()
    return recorded


def attempts(browser: Browser, base: str, scenario: str, tries: int = 3) -> dict[str, int]:
    for _ in range(tries):
        recorded = record(browser, base, scenario)
        if recorded is not None:
            return recorded
    sys.exit(f"{scenario}: Python never started that way in {tries} tries")


def gzip_size(path: str) -> int:
    return len(gzip.compress((SITE / path).read_bytes(), 9))


def group(path: str) -> int:
    """Pyodide's folder first, then our scripts and styles, then the rest of the page."""
    if path.startswith("pyodide/"):
        return 0
    ours = path.startswith(("javascripts/", "vendor/", "stylesheets/calcweb"))
    return 1 if ours else 2


def megabytes(values: list[int]) -> list[str]:
    return [f"**{value / 1e6:.2f} MB**" for value in values]


def report(results: dict[str, dict[str, int]]) -> str:
    every = {path for wire in results.values() for path in wire}
    paths = sorted(every, key=lambda path: (group(path), path))
    rows = []
    for path in paths:
        wire = [results[scenario].get(path) for scenario in SCENARIOS]
        rows.append(
            [
                f"`{path}`",
                f"{(SITE / path).stat().st_size:,}",
                f"{gzip_size(path):,}",
                *("-" if bytes_ is None else f"{bytes_:,}" for bytes_ in wire),
            ]
        )
    runtime = [
        sum(bytes_ for path, bytes_ in results[scenario].items() if group(path) == 0)
        for scenario in SCENARIOS
    ]
    totals = [sum(results[scenario].values()) for scenario in SCENARIOS]
    rows.append(["**`pyodide/` on the wire**", "", "", *megabytes(runtime)])
    rows.append(["**total on the wire**", "", "", *megabytes(totals)])
    wires = [f"wire: {name}" for name in SCENARIOS.values()]
    return table(["file", "bytes on disk", "gzip -9", *wires], rows)


def main() -> None:
    with served_site(BARE_FILES) as site:
        results = {scenario: attempts(site.browser, site.base, scenario) for scenario in SCENARIOS}
    body = report(results)
    body += (
        "\n\nEvery response that had arrived when the first result showed, in a new "
        "Chromium profile each time (a file fetched twice counts twice), served by "
        "`tools/serve.py`, which sends every file as it is on disk: the wire column is "
        "its body plus the response headers. gzip -9 is what a host that compresses "
        "the file would send, about. The `brotli` package is not in the project's "
        "lock files, so this table has no brotli sizes."
    )
    whole = SITE / "pyodide" / "python_stdlib.zip.gz"
    if whole.is_file():
        body += (
            f"\n\nThe live cells start with a trimmed standard library; the whole one "
            f"(`pyodide/python_stdlib.zip.gz`, {whole.stat().st_size:,} bytes) is fetched "
            "when a cell first imports a module outside it, so it is not in these columns."
        )
    publish("bytes", "Bytes to the first result", body)


if __name__ == "__main__":
    main()
