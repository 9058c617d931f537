"""Live cells against a bare Pyodide page, measured in the same run.

Builds the site into .cache/bench-site for a local address, adds a bare page
(pyodide.mjs + loadPackage("calcweb") + the same code, nothing else) and
drives both in headless Chromium (Debian's chromium, as the browser tests):

- cold time to first result: a new browser profile, navigation -> the first
  cell's output (for the site: the reader presses Run as soon as it can -
  the button is enabled once calcweb.js runs, the editor may still be loading);
- warm reload: the same profile, reload -> the first result;
- rerun latency: a trivial cell run again (click -> done; bare: runPython);
- a third page runs the bare page's Pyodide in a module worker, to tell
  what a worker costs from what the live cells cost (the live cells also
  start Python from the build's memory snapshot, the bare pages afresh);
- bytes transferred for the first cold result (response bodies + headers);
- the compressed (gzip -9) size of our JavaScript and CSS.

Figures, not assertions: the machine is shared and noisy.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from _report import publish, table
from playwright.sync_api import Browser, Page, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / ".cache" / "bench-site"
PORT = int(os.environ.get("BENCH_PORT", "8794"))
PREFIX = "/calcweb/"
REPEAT = int(os.environ.get("BENCH_REPEAT", "3"))
sys.path.insert(0, str(ROOT / "tools"))

from serve import make_server, serve_in_thread  # noqa: E402 - tools/ is not a package

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


def build_site() -> None:
    env = {**os.environ, "CALCWEB_SITE_URL": f"http://127.0.0.1:{PORT}{PREFIX}"}
    mkdocs = Path(sys.executable).with_name("mkdocs")
    subprocess.run(  # noqa: S603 - our own mkdocs, fixed arguments
        [str(mkdocs), "build", "--strict", "--quiet", "-d", str(SITE)],
        cwd=ROOT,
        env=env,
        check=True,
    )

    bare = SITE / "bare"
    bare.mkdir(exist_ok=True)
    (bare / "index.html").write_text(BARE_HTML % json.dumps(CODE), encoding="utf-8")
    bare_worker = SITE / "bare-worker"
    bare_worker.mkdir(exist_ok=True)
    (bare_worker / "index.html").write_text(BARE_WORKER_HTML, encoding="utf-8")
    (bare_worker / "worker.js").write_text(BARE_WORKER_JS % json.dumps(CODE), encoding="utf-8")


class Bytes:
    """Response bytes (headers + body) of every request of a context."""

    def __init__(self) -> None:
        self.total = 0

    def add(self, request: Any) -> None:
        sizes = request.sizes()
        self.total += sizes["responseBodySize"] + sizes["responseHeadersSize"]


LONG_TASKS = """
window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
}).observe({ type: "longtask", buffered: true });
"""


def first_result_site(page: Page, base: str) -> float:
    started = time.perf_counter()
    page.goto(base, wait_until="commit")
    page.locator(".calcweb-cell[data-cell-index='0'] button.calcweb-run").click()  # once enabled
    page.locator(".calcweb-cell[data-cell-index='0'][data-state='done']").wait_for(timeout=120_000)
    return time.perf_counter() - started


def first_result_bare(page: Page, url: str) -> float:
    started = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.locator("body[data-done='true']").wait_for(timeout=120_000)
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


def measure_once(browser: Browser, base: str, kind: str) -> dict[str, Any]:
    """One cold load, then a warm one, of one kind of page, in a new profile."""
    url = base + PAGES[kind]
    context = browser.new_context()
    counter = Bytes()
    context.on("requestfinished", counter.add)
    context.add_init_script(LONG_TASKS)
    page = context.new_page()
    first = first_result_site if kind == "site" else first_result_bare
    cold = first(page, url)
    long_tasks = page.evaluate("window.__longTasks")
    result = {"cold": cold, "bytes": counter.total, "long_tasks": long_tasks}
    page.wait_for_timeout(500)
    result["warm"] = first(page, url)
    if kind == "site":
        result["rerun"] = rerun_site(page)
    elif kind == "bare":
        result["rerun"] = min(page.evaluate("window.rerun()") / 1000 for _ in range(10))
    context.close()
    return result


def measure(browser: Browser, base: str) -> dict[str, dict[str, float]]:
    """Medians per kind of page; the kinds take turns, so a change in the
    machine's load during the run touches all of them alike."""
    runs: dict[str, list[dict[str, Any]]] = {kind: [] for kind in PAGES}
    for _ in range(REPEAT):
        for kind in PAGES:
            runs[kind].append(measure_once(browser, base, kind))
    summary = {}
    for kind, results in runs.items():
        long_tasks = [duration for r in results for duration in r["long_tasks"]]
        summary[kind] = {
            "cold": statistics.median(r["cold"] for r in results),
            "warm": statistics.median(r["warm"] for r in results),
            "rerun": min(r.get("rerun", float("nan")) for r in results),
            "bytes": statistics.median(r["bytes"] for r in results),
            "longest": max(long_tasks, default=0.0),
            "long_count": len(long_tasks) / REPEAT,
        }
    return summary


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


def main() -> None:
    executable = shutil.which("chromium")
    if executable is None:
        sys.exit("Debian's chromium is missing: run `make chromium`")
    build_site()
    server = make_server(SITE, PORT, prefixes=(PREFIX,), isolation=True, quiet=True)
    serve_in_thread(server)
    base = f"http://127.0.0.1:{PORT}{PREFIX}"
    try:
        with sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path=executable, args=["--no-sandbox"])
            results = measure(browser, base)
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    site, bare, worker = (results[kind] for kind in PAGES)
    ours, on_demand = asset_sizes()
    (snapshot_file,) = (SITE / "pyodide").glob("snapshot-*.gz")
    snapshot = snapshot_file.stat().st_size

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
    body = table(headers, rows)
    body += (
        f"\n\nOur JS/CSS, gzip -9: {ours / 1024:.0f} KB, target < 300 KB "
        f"({on_demand / 1024:.0f} KB of it, KaTeX, loads only when a cell shows LaTeX: "
        "the pages' math is typeset when the site is built). "
        f"Median of {REPEAT} runs (the three pages take turns), Chromium headless, "
        f"{os.cpu_count()} cores. The target is the first ratio: cold first result "
        "within 1.3x of the bare page. The live cells run Pyodide in a worker (the "
        "page never blocks; the last columns show what a worker alone costs) and "
        "start Python from a memory snapshot made when the site is built (CPython "
        f"started, calcweb imported: {snapshot / 1e6:.1f} MB gzip, in the bytes "
        "above), where the bare pages start it afresh."
    )
    publish("live_cells", "Live cells vs a bare Pyodide page", body)


if __name__ == "__main__":
    main()
