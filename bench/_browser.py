"""The set-up the browser benchmarks share: the site built for a local
address, served, and headless Chromium (Debian's, as the browser tests).

    with served_site(extra_files) as site:
        page = site.browser.new_context().new_page()
        page.goto(site.base)

Take the shared lock around a run (`exec 9>/tmp/site.lock; flock 9; ...`):
the build uses the caches of the site's hooks. BENCH_PORT picks the port.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, Request, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / ".cache" / "bench-site"
PORT = int(os.environ.get("BENCH_PORT", "8794"))
PREFIX = "/calcweb/"  # the sub-path, as on GitHub Pages
sys.path.insert(0, str(ROOT / "tools"))

from serve import make_server, serve_in_thread  # noqa: E402 - tools/ is not a package


@dataclass(frozen=True)
class ServedSite:
    """A running browser and the address of the served site (ends with a slash)."""

    browser: Browser
    base: str


def build_site(extra_files: Mapping[str, str]) -> None:
    """mkdocs build --strict into SITE for this port, then the extra files
    (path inside the site -> text), such as the bare Pyodide pages."""
    env = {**os.environ, "CALCWEB_SITE_URL": f"http://127.0.0.1:{PORT}{PREFIX}"}
    mkdocs = Path(sys.executable).with_name("mkdocs")
    subprocess.run(  # noqa: S603 - our own mkdocs, fixed arguments
        [str(mkdocs), "build", "--strict", "--quiet", "-d", str(SITE)],
        cwd=ROOT,
        env=env,
        check=True,
    )
    for name, text in extra_files.items():
        path = SITE / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@contextmanager
def served_site(extra_files: Mapping[str, str] | None = None) -> Iterator[ServedSite]:
    """Build the site, serve it (with the cross-origin isolation headers, at
    PREFIX) and launch Chromium; all of it stops when the block ends."""
    executable = shutil.which("chromium")
    if executable is None:
        sys.exit("Debian's chromium is missing: run `make chromium`")
    build_site(extra_files or {})
    server = make_server(SITE, PORT, prefixes=(PREFIX,), isolation=True, quiet=True)
    serve_in_thread(server)
    try:
        with sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path=executable, args=["--no-sandbox"])
            try:
                yield ServedSite(browser, f"http://127.0.0.1:{PORT}{PREFIX}")
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()


class FinishedRequests:
    """The requests of a browser context that have finished, in order.

    The handler only keeps each request: reading its sizes there (a round
    trip to Playwright's driver) would let later events run first, and a
    total read at the first result could miss requests still being counted.
    """

    def __init__(self, context: BrowserContext) -> None:
        self.requests: list[Request] = []
        context.on("requestfinished", self.add)

    def add(self, request: Request) -> None:
        self.requests.append(request)

    def so_far(self) -> list[Request]:
        """The requests finished by now."""
        return list(self.requests)


def wire_bytes(request: Request) -> int:
    """The bytes a finished request's response took on the wire: its headers
    and body, per Chromium. Chromium reports no body for a worker's own
    script; our server compresses nothing, so its Content-Length is what was
    sent."""
    sizes = request.sizes()
    body = sizes["responseBodySize"]
    response = request.response()
    if not body and response is not None and response.status == 200:
        body = int(response.headers.get("content-length", 0))
    return int(body + sizes["responseHeadersSize"])
