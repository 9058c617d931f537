"""Fixtures for the browser tests: the built site on 127.0.0.1 and Chromium.

The site in ``site/`` (``make site``) is served under ``/calcweb/``, as GitHub
Pages would, and at ``/``. Every request to another host is aborted and fails
the test, and so does any uncaught error in the page.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, Route, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"
sys.path.insert(0, str(ROOT / "tools"))

from serve import make_server, serve_in_thread  # noqa: E402 - tools/ is not a package

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
TIMEOUT_MS = 60_000
_figures: list[str] = []


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        item.add_marker(pytest.mark.browser)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _figures:
        terminalreporter.section("browser measurements (figures, not assertions)")
        for line in _figures:
            terminalreporter.write_line(line)


@pytest.fixture
def report() -> list[str]:
    """Lines appended here are printed in the summary of the run."""
    return _figures


@dataclass
class Server:
    """The site served on 127.0.0.1: ``base`` is the sub-path URL, ``origin`` the root."""

    origin: str
    base: str


def built_for() -> tuple[int, str]:
    """The port and sub-path of the site_url the site in site/ was built for.

    mkdocs-material's instant navigation only intercepts links that match
    site_url (port and path included), so the tests serve the site exactly
    there: `make test-site` builds it for TEST_SITE_URL.
    """
    sitemap = SITE / "sitemap.xml"
    if not (SITE / "pyodide" / "pyodide-lock.json").is_file() or not sitemap.is_file():
        pytest.fail("site/ holds no built site with Pyodide: run `make test-site` first")
    first = ElementTree.parse(sitemap).getroot()[0][0].text or ""  # noqa: S314 - our own build
    url = urlsplit(first)
    if url.hostname != "127.0.0.1" or url.port is None:
        pytest.fail(f"site/ was built for {first}, not for 127.0.0.1: run `make test-site` first")
    return url.port, url.path


def _serve(port: int, prefix: str, isolation: bool) -> Iterator[Server]:
    try:
        server = make_server(SITE, port, prefixes=(prefix,), isolation=isolation, quiet=True)
    except OSError as error:
        pytest.fail(f"cannot serve the site on 127.0.0.1:{port} ({error}); is the port in use?")
    serve_in_thread(server)
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    yield Server(origin, origin + prefix)
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def server() -> Iterator[Server]:
    """The site with cross-origin isolation headers, as `make serve` serves it."""
    port, prefix = built_for()
    yield from _serve(port, prefix, isolation=True)


@pytest.fixture(scope="session")
def plain_server() -> Iterator[Server]:
    """The site without COOP/COEP headers, as GitHub Pages serves it (any free port)."""
    _, prefix = built_for()
    yield from _serve(0, prefix, isolation=False)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Debian's chromium is not installed: run `make chromium`")
    browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@dataclass
class Watch:
    """What a page did that it should not: foreign requests, uncaught errors."""

    foreign: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def guard(self, route: Route) -> None:
        url = route.request.url
        if urlsplit(url).hostname == "127.0.0.1" or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()


def _open(browser: Browser, **options: Any) -> tuple[BrowserContext, Watch, Page]:
    options.setdefault("viewport", {"width": 1280, "height": 900})
    context = browser.new_context(**options)
    watch = Watch()
    context.route("**/*", watch.guard)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.on("pageerror", lambda error: watch.errors.append(str(error)))
    return context, watch, page


def _close(context: BrowserContext, watch: Watch) -> None:
    context.close()
    assert not watch.foreign, f"the site requested other hosts: {watch.foreign}"
    assert not watch.errors, f"uncaught errors in the page: {watch.errors}"


@pytest.fixture
def make_page(browser: Browser) -> Iterator[Callable[..., Page]]:
    """Open a page in a new browser context (options as for new_context).

    At teardown each context is closed, and the test fails if any page
    requested another host or threw an uncaught error.
    """
    opened: list[tuple[BrowserContext, Watch]] = []

    def open_page(**options: Any) -> Page:
        context, watch, page = _open(browser, **options)
        opened.append((context, watch))
        return page

    yield open_page
    for context, watch in opened:
        _close(context, watch)


@pytest.fixture
def page(make_page: Callable[..., Page]) -> Page:
    return make_page()


@pytest.fixture(scope="module")
def shared_page(browser: Browser, server: Server) -> Iterator[Page]:
    """One page of the start page with Python booted, for the tests of a module
    that only run code (booting once keeps the suite fast). Clipboard allowed."""
    context, watch, page = _open(browser, permissions=["clipboard-read", "clipboard-write"])
    page.goto(server.base)
    page.evaluate("window.calcweb.ready")
    yield page
    _close(context, watch)
