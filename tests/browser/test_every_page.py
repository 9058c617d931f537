"""Every page of the site in Chromium: each live cell runs to the state its
fence promises (``done``, or ``error`` for ``expect-error`` cells).

One browser page walks the whole site with instant navigation, so Python boots
once, as it does for a reader who clicks through the course.
"""

from __future__ import annotations

import re
import time
from xml.etree import ElementTree

from playwright.sync_api import Page, expect

from .conftest import SITE, Server

FINISHED = re.compile(r"^(done|error)$")


def site_pages() -> list[str]:
    """The paths of the pages in the sitemap that have live cells."""
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ElementTree.parse(SITE / "sitemap.xml").getroot()  # noqa: S314 - our own build
    paths = []
    for loc in root.findall("s:url/s:loc", namespace):
        path = re.sub(r"^https?://[^/]+", "", loc.text or "")
        relative = path.split("/", 2)[-1] if path.count("/") > 1 else ""
        page = SITE / relative / "index.html"
        if page.is_file() and "calcweb-cell" in page.read_text(encoding="utf-8"):
            paths.append(path)
    return paths


def navigate(page: Page, url: str) -> None:
    """Follow the navigation link to ``url``, as a reader would (instant navigation)."""
    links = page.locator("nav.md-nav--primary a.md-nav__link")
    index = links.evaluate_all("(links, url) => links.findIndex(a => a.href === url)", url)
    assert index >= 0, f"no navigation link to {url}"
    # Instant navigation swaps the article in place: mark the old one, and
    # wait until a new one has replaced it.
    page.evaluate("document.querySelector('article').dataset.previous = 'yes'")
    links.nth(index).click()
    expect(page).to_have_url(url)
    expect(page.locator("article[data-previous]")).to_have_count(0)


def test_every_cell_of_every_page_finishes_as_its_fence_says(
    page: Page, server: Server, report: list[str]
) -> None:
    paths = site_pages()
    assert paths, "no page with live cells in the built site"
    page.goto(server.origin + paths[0])
    timings = []
    for path in paths:
        if page.url != server.origin + path:
            navigate(page, server.origin + path)
        cells = page.locator(".calcweb-cell")
        count = cells.count()
        started = time.perf_counter()
        page.locator("button.calcweb-run-all").first.click()
        for index in range(count):
            expect(cells.nth(index)).to_have_attribute("data-state", FINISHED, timeout=120_000)
        timings.append(f"{path}: {count} cells in {time.perf_counter() - started:.1f} s")
        for index in range(count):
            cell = cells.nth(index)
            expected = "error" if cell.get_attribute("data-expect") == "error" else "done"
            output = cell.locator(".calcweb-output").inner_text()
            assert cell.get_attribute("data-state") == expected, (
                f"{path} cell {index + 1}: {output}"
            )
    report.append("run all, page by page (one Python for the whole walk): " + "; ".join(timings))
