"""Live cells against a bare Pyodide page, measured in the same run, on a
fast link and under throttling.

Builds the site (bench/_browser.py) with a bare page beside it (pyodide.mjs +
loadPackage("calcweb") + the same code, nothing else) and drives both in
headless Chromium (Debian's chromium, as the browser tests):

- cold time to first result: a new browser profile, navigation -> the first
  cell's output (for the site: the reader presses Run as soon as it can -
  the button is enabled once calcweb.js runs, the editor may still be loading);
- bytes transferred for the first cold result (response bodies + headers);
- which start the worker chose (its console.info "calcweb: ..." line);
- under each throttling profile (bench/_throttle.py): as it is; 10 Mbit/s
  with 40 ms RTT; 2 Mbit/s "slow 4G" with 150 ms RTT; the renderer
  processes (main thread and worker alike) run one quantum in four; and
  DevTools' CPU throttling 4x, which slows the main thread far more than a
  worker;
- the other start, forced (the snapshot by hiding the sizes the worker
  weighs it by, a fresh start by hiding the snapshot's manifest), to tell
  whether the choice was the faster one;
- unthrottled only: a warm reload (the same profile, reload -> the first
  result), the rerun latency of a trivial cell (click -> done; bare:
  runPython) and a third page that runs the bare page's Pyodide in a module
  worker, to tell what a worker costs from what the live cells cost;
- the compressed (gzip -9) size of our JavaScript and CSS.

Figures, not assertions: the machine is shared and noisy.
"""

from __future__ import annotations

import gzip
import json
import os
import statistics
import time
from collections import Counter
from pathlib import Path
from typing import Any

from _browser import SITE, FinishedRequests, served_site, wire_bytes
from _report import publish, table
from _throttle import Profile, cpu_slowdown
from playwright.sync_api import Browser, ConsoleMessage, Page, Route

REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))
SLOW_REPEAT = int(os.environ.get("BENCH_SLOW_REPEAT", "2"))  # 2 Mbit/s: about 90 s a round
TIMEOUT_MS = 300_000

CODE = (
    "import calcweb\n\ndef f(x):\n    return x**3\n\n"
    'slope = calcweb.central_difference(f, 2.0)\nprint(f"f\'(2) ≈ {slope:.10f}")'
)
BARE_HTML = """<!doctype html><meta charset="utf-8"><title>bare Pyodide</title>
<pre id="out"></pre>
<script type="module">
import { loadPyodide } from "../pyodide/pyodide.mjs";
const out = document.getElementById("out");
const pyodide = await loadPyodide({ indexURL: new URL("../pyodide/", import.meta.url).href });
await pyodide.loadPackage("calcweb", { messageCallback: () => {} });
pyodide.setStdout({ batched: (text) => (out.textContent += text + "\\n") });
pyodide.runPython(%s);
window.rerun = () => {
  const t = performance.now();
  pyodide.runPython("1 + 1");
  return performance.now() - t;
};
document.body.dataset.done = "true";
</script>
"""

# The same, with Pyodide in a module worker as the live cells have it: this
# separates what a worker costs (Chromium caches less for it) from our code.
BARE_WORKER_HTML = """<!doctype html><meta charset="utf-8"><title>bare Pyodide in a worker</title>
<pre id="out"></pre>
<script type="module">
const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
const out = document.getElementById("out");
worker.onmessage = (event) => {
  out.textContent += event.data;
  document.body.dataset.done = "true";
};
</script>
"""
BARE_WORKER_JS = """import { loadPyodide } from "../pyodide/pyodide.mjs";
const pyodide = await loadPyodide({ indexURL: new URL("../pyodide/", import.meta.url).href });
await pyodide.loadPackage("calcweb", { messageCallback: () => {} });
let out = "";
pyodide.setStdout({ batched: (text) => (out += text + "\\n") });
pyodide.runPython(%s);
postMessage(out);
"""
PAGES = {"site": "", "bare": "bare/", "bare-worker": "bare-worker/"}
BARE_FILES = {
    "bare/index.html": BARE_HTML % json.dumps(CODE),
    "bare-worker/index.html": BARE_WORKER_HTML,
    "bare-worker/worker.js": BARE_WORKER_JS % json.dumps(CODE),
}

UNTHROTTLED = Profile("unthrottled (localhost)")
TEN = Profile("10 Mbit/s down, 5 up, 40 ms RTT", down_mbit=10, up_mbit=5, rtt_ms=40)
SLOW = Profile('2 Mbit/s down, 1 up, 150 ms RTT ("slow 4G")', down_mbit=2, up_mbit=1, rtt_ms=150)
PROFILES = [
    UNTHROTTLED,
    TEN,
    SLOW,
    Profile("CPU: renderer runs 1 quantum in 4, unthrottled link", cpu_rate=4),
    Profile("CPU 4x by DevTools (main thread), unthrottled link", devtools_cpu_rate=4),
]


def target(profile: Profile) -> float:
    """Issue 18's target for the cold first result, as a fraction of the bare page's."""
    return 0.6 if profile is UNTHROTTLED else 0.7


# The worker's choice and its reason, as it logs them (docs/javascripts/calcweb-worker.js).
DECISION = "calcweb: starting "


LONG_TASKS = """
window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
}).observe({ type: "longtask", buffered: true });
"""


def first_result_site(page: Page, base: str) -> float:
    started = time.perf_counter()
    page.goto(base, wait_until="commit", timeout=TIMEOUT_MS)
    run = page.locator(".calcweb-cell[data-cell-index='0'] button.calcweb-run")
    run.click(timeout=TIMEOUT_MS)  # once enabled
    done = page.locator(".calcweb-cell[data-cell-index='0'][data-state='done']")
    done.wait_for(timeout=TIMEOUT_MS)
    return time.perf_counter() - started


def first_result_bare(page: Page, url: str) -> float:
    started = time.perf_counter()
    page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
    page.locator("body[data-done='true']").wait_for(timeout=TIMEOUT_MS)
    return time.perf_counter() - started


def rerun_site(page: Page) -> float:
    cell = ".calcweb-cell[data-cell-index='0']"
    page.evaluate(f'document.querySelector("{cell}").calcwebEditor.code = "1 + 1"')
    timings = []
    for _ in range(10):
        started = time.perf_counter()
        page.locator(f"{cell} button.calcweb-run").click()
        page.locator(f"{cell}[data-state='done']").wait_for()
        timings.append(time.perf_counter() - started)
    return min(timings)


def _not_found(route: Route) -> None:
    route.fulfill(status=404, body="hidden by the benchmark")


# Forcing a start: without download.json the worker takes the snapshot (it
# has nothing to weigh it by); without the snapshot's manifest, a fresh start.
FORCE = {"snapshot": "**/pyodide/download.json", "fresh": "**/pyodide/snapshot.json"}


def measure_once(
    browser: Browser, base: str, kind: str, profile: Profile, force: str | None = None
) -> dict[str, Any]:
    """One cold load of one kind of page in a new profile; unthrottled, also
    a warm reload and the rerun latency."""
    url = base + PAGES[kind]
    context = browser.new_context()
    finished = FinishedRequests(context)
    context.add_init_script(LONG_TASKS)
    page = context.new_page()
    decisions: list[str] = []

    def decision(message: ConsoleMessage) -> None:
        if message.text.startswith(DECISION):
            decisions.append(message.text.removeprefix("calcweb: "))

    page.on("console", decision)
    if force:
        page.route(FORCE[force], _not_found)
    profile.apply(page)
    first = first_result_site if kind == "site" else first_result_bare
    with cpu_slowdown(profile.cpu_rate):
        cold = first(page, url)
    by_first_result = finished.so_far()
    result: dict[str, Any] = {"cold": cold, "bytes": sum(map(wire_bytes, by_first_result))}
    if kind == "site":
        from_snapshot = page.evaluate("window.calcweb.python.fromSnapshot")
        result["start"] = "snapshot" if from_snapshot else "fresh"
        result["decision"] = decisions[0] if decisions else None
    if profile is UNTHROTTLED and not force:
        result["long_tasks"] = page.evaluate("window.__longTasks")
        page.wait_for_timeout(500)
        result["warm"] = first(page, url)
        if kind == "site":
            result["rerun"] = rerun_site(page)
        elif kind == "bare":
            result["rerun"] = min(page.evaluate("window.rerun()") / 1000 for _ in range(10))
    context.close()
    return result


def summarise(results: list[dict[str, Any]]) -> dict[str, Any]:
    summary: dict[str, Any] = {
        "runs": len(results),
        "cold": statistics.median(r["cold"] for r in results),
        "spread": max(r["cold"] for r in results) - min(r["cold"] for r in results),
        "bytes": statistics.median(r["bytes"] for r in results),
    }
    if "start" in results[0]:
        summary["starts"] = Counter(r["start"] for r in results)
        summary["decisions"] = [r["decision"] for r in results]
    if "warm" in results[0]:
        long_tasks = [duration for r in results for duration in r["long_tasks"]]
        summary |= {
            "warm": statistics.median(r["warm"] for r in results),
            "rerun": min(r.get("rerun", float("nan")) for r in results),
            "longest": max(long_tasks, default=0.0),
            "long_count": len(long_tasks) / len(results),
        }
    return summary


def measure(browser: Browser, base: str, profile: Profile) -> dict[str, dict[str, Any]]:
    """Medians per kind of page under one profile; the kinds take turns, so a
    change in the machine's load during the run touches all of them alike.
    Then the start the worker did not choose, once."""
    kinds = list(PAGES) if profile is UNTHROTTLED else ["site", "bare"]
    repeat = SLOW_REPEAT if profile is SLOW else REPEAT
    runs: dict[str, list[dict[str, Any]]] = {kind: [] for kind in kinds}
    for _ in range(repeat):
        for kind in kinds:
            runs[kind].append(measure_once(browser, base, kind, profile))
            print(f"  {profile.name}: {kind}: {runs[kind][-1]['cold']:.2f} s", flush=True)
    summary = {kind: summarise(results) for kind, results in runs.items()}
    if profile is SLOW:
        return summary  # the snapshot would be given up (see OTHER_START_SKIPPED)
    chosen = summary["site"]["starts"].most_common(1)[0][0]
    other = "fresh" if chosen == "snapshot" else "snapshot"
    forced = []
    for _ in range(REPEAT if profile is TEN else 1):  # 10 Mbit/s: nearest the threshold
        forced.append(measure_once(browser, base, "site", profile, force=other))
        print(f"  {profile.name}: site, {other} forced: {forced[-1]['cold']:.2f} s", flush=True)
    summary["other"] = {"wanted": other, **summarise(forced)}
    return summary


OTHER_START_SKIPPED = (
    "At 2 Mbit/s the other start is not run: the snapshot's 6.4 MB would come more than "
    "5 s after the runtime, when the worker gives it up and starts afresh (a trial run "
    "did so after 52 s)."
)


def asset_sizes() -> tuple[int, int]:
    """gzip -9 bytes of the JS/CSS the site serves beside mkdocs-material and
    Pyodide, and of the part of it that loads only when a cell shows LaTeX."""
    ours = [
        *sorted((SITE / "javascripts").glob("*.js")),
        SITE / "javascripts" / "calcweb_runner.py",
        SITE / "stylesheets" / "calcweb.css",
        SITE / "vendor" / "dompurify" / "purify.es.mjs",
        SITE / "vendor" / "katex" / "katex.min.css",
    ]

    def size(paths: list[Path]) -> int:
        return sum(len(gzip.compress(path.read_bytes(), 9)) for path in paths)

    return size(ours), size([SITE / "javascripts" / "calcweb-katex.js"])


def unthrottled_table(results: dict[str, dict[str, Any]]) -> str:
    site, bare, worker = (results[kind] for kind in PAGES)

    def compare(key: str, unit: str, scale: float = 1.0) -> list[str]:
        row = []
        for ref in (bare, worker):
            row += [f"{ref[key] * scale:.2f} {unit}", f"{site[key] / ref[key]:.2f}x"]
        return row

    rows = [
        ["cold time to first result", f"{site['cold']:.2f} s", *compare("cold", "s")],
        ["warm reload to first result", f"{site['warm']:.2f} s", *compare("warm", "s")],
        ["rerun of a trivial cell", f"{site['rerun'] * 1000:.0f} ms",
         f"{bare['rerun'] * 1000:.1f} ms (runPython only)", "-", "-", "-"],
        ["bytes for the first result", f"{site['bytes'] / 1e6:.2f} MB",
         *compare("bytes", "MB", 1e-6)],
        ["main-thread tasks > 50 ms, cold (per run; longest)",
         f"{site['long_count']:.0f}; {site['longest']:.0f} ms",
         f"{bare['long_count']:.0f}; {bare['longest']:.0f} ms", "-",
         f"{worker['long_count']:.0f}; {worker['longest']:.0f} ms", "-"],
    ]  # fmt: skip
    headers = ["measure", "live cells", "bare Pyodide page", "ratio", "bare, in a worker", "ratio"]
    return table(headers, rows)


def starts(summary: dict[str, Any]) -> str:
    counts = summary["starts"]
    return ", ".join(f"{name} {counts[name]}/{summary['runs']}" for name in sorted(counts))


def verdict(ratio: float, goal: float) -> str:
    return f"**{ratio:.2f}x** ({'met' if ratio <= goal else 'missed'}: {goal}x)"


def other_start(summary: dict[str, Any]) -> str:
    other = summary.get("other")
    if other is None:
        return "not run"
    given_up = other["runs"] - other["starts"][other["wanted"]]
    name = f"{other['wanted']}, {other['runs']} run{'s' if other['runs'] > 1 else ''}"
    if given_up:
        name += f" ({given_up} started the other way)"
    return f"{name}: {other['cold']:.2f} s"


def profiles_table(results: dict[str, dict[str, dict[str, Any]]]) -> tuple[str, list[str]]:
    """The table, and the profiles under which a first result came sooner
    than its bytes could at the link's rate (none if the link emulation holds)."""
    rows, too_soon = [], []
    bare_unthrottled = results[UNTHROTTLED.name]["bare"]["cold"]
    for profile in PROFILES:
        site, bare = results[profile.name]["site"], results[profile.name]["bare"]
        ratio = site["cold"] / bare["cold"]
        floor = profile.floor_seconds
        if floor(1) and (
            site["cold"] < floor(site["bytes"]) or bare["cold"] < floor(bare["bytes"])
        ):
            too_soon.append(profile.name)
        rows.append([
            profile.name,
            f"{site['runs']}",
            f"{site['cold']:.2f} s",
            f"{bare['cold']:.2f} s",
            verdict(ratio, target(profile)),
            f"{bare['cold'] / bare_unthrottled:.2f}x",
            f"{site['bytes'] / 1e6:.2f} MB",
            f"{bare['bytes'] / 1e6:.2f} MB",
            verdict(site["bytes"] / bare["bytes"], 1),
            starts(site),
            other_start(results[profile.name]),
            f"{floor(site['bytes']):.1f} s; {floor(bare['bytes']):.1f} s" if floor(1) else "-",
        ])  # fmt: skip
    headers = [
        "profile", "runs", "live cells: cold first result", "bare page", "ratio (target)",
        "bare page vs unthrottled", "live cells: bytes", "bare page", "ratio (target)",
        "start chosen", "the other start forced", "bytes at the link's rate: live; bare",
    ]  # fmt: skip
    return table(headers, rows), too_soon


def main() -> None:
    results: dict[str, dict[str, dict[str, Any]]] = {}
    load = [os.getloadavg()]
    with served_site(BARE_FILES) as site:
        started = time.perf_counter()
        for profile in PROFILES:
            results[profile.name] = measure(site.browser, site.base, profile)
        minutes = (time.perf_counter() - started) / 60
    load.append(os.getloadavg())
    ours, on_demand = asset_sizes()
    (snapshot_file,) = (SITE / "pyodide").glob("snapshot-*.gz")
    snapshot = snapshot_file.stat().st_size
    decisions = {
        profile.name: results[profile.name]["site"]["decisions"][0] for profile in PROFILES
    }
    unthrottled = results[UNTHROTTLED.name]["site"]
    snapshot_runs = unthrottled["starts"]["snapshot"]
    body = "### Unthrottled\n\n" + unthrottled_table(results[UNTHROTTLED.name])
    body += (
        f"\n\nOur JS/CSS, gzip -9: {ours / 1024:.0f} KB, target < 300 KB "
        f"({on_demand / 1024:.0f} KB of it, KaTeX, loads only when a cell shows LaTeX: "
        "the pages' math is typeset when the site is built). Rerun target: 100 ms. "
        f"Median of {REPEAT} runs (the three pages take turns), Chromium headless, "
        f"{os.cpu_count()} cores. The live cells run Pyodide in a worker (the page never "
        "blocks; the last columns show what a worker alone costs); here the worker started "
        f"Python from the memory snapshot made when the site is built in {snapshot_runs} of "
        f"{unthrottled['runs']} runs (CPython started, calcweb imported: "
        f"{snapshot / 1e6:.1f} MB gzip, in the bytes above), where the bare pages start it "
        "afresh."
    )
    throttled, too_soon = profiles_table(results)
    link = (
        "the worker's downloads obey it: no first result came sooner than its bytes at the "
        "link's rate (the last column)"
        if not too_soon
        else f"under {'; '.join(too_soon)} a first result came sooner than its bytes at "
        "the link's rate (the last column): some downloads escaped it"
    )
    spread = max(
        results[profile.name][kind]["spread"] for profile in PROFILES for kind in ("site", "bare")
    )
    bare_unthrottled = results[UNTHROTTLED.name]["bare"]["cold"]
    slowed = [results[profile.name]["bare"]["cold"] / bare_unthrottled for profile in PROFILES]
    body += "\n\n### Under throttling\n\n" + throttled
    body += (
        f"\n\nCold first result, median of {REPEAT} runs per profile ({SLOW_REPEAT} at "
        "2 Mbit/s), the live cells and the bare page taking turns, each in a new browser "
        "profile; bytes on the wire (bodies and headers) by the first result. The link is "
        f"Chromium's network emulation on the page; {link}. "
        "The worker chooses its start from the link it measures (connection.js); the "
        f"other start is forced once ({REPEAT} times at 10 Mbit/s, "
        "nearest the choice's threshold; the snapshot by hiding the sizes "
        "it is weighed by, a fresh start by hiding the snapshot's manifest). "
        f"{OTHER_START_SKIPPED}\n\n"
        "The CPU: DevTools' CPU throttling (Emulation.setCPUThrottlingRate 4) slows the "
        "page's main thread, where the bare page runs Python, but not the live cells' "
        "worker as much: a worker's own DevTools session refuses it, and in a trial in "
        "this Chromium a loop ran 3.4x slower on the main thread and 1.6x in a dedicated "
        "worker (medians of 4). So the other CPU profile stops and resumes Chromium's "
        "renderer processes (SIGSTOP and SIGCONT, from a separate process), main thread "
        "and worker alike, to run one quantum (10 ms) in four. On this shared machine it "
        f"slowed the bare page, whose time on localhost is nearly all CPU, {slowed[3]:.2f}x, "
        f"and DevTools' throttling {slowed[4]:.2f}x (the column 'bare page vs "
        "unthrottled').\n\n"
        "The worker's reasons, first run of each profile:\n\n"
        + "\n".join(f"- {name}: {reason}" for name, reason in decisions.items())
    )
    body += (
        f"\n\nThe whole run took {minutes:.1f} min; load average (1, 5, 15 min) "
        f"{' '.join(f'{x:.2f}' for x in load[0])} at its start, "
        f"{' '.join(f'{x:.2f}' for x in load[1])} at its end, on a machine shared with "
        f"other jobs: the runs of one page under one profile differed by up to {spread:.1f} s."
    )
    publish("live_cells", "Live cells vs a bare Pyodide page", body)


if __name__ == "__main__":
    main()
