"""Layout: light and dark, 375 px wide, keyboard focus, print. Screenshots go
to .cache/screenshots for a person to look at; the assertions check what a
picture cannot be trusted to show."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .conftest import Server
from .test_live_cells import cell

SCREENSHOTS = Path(__file__).resolve().parents[2] / ".cache" / "screenshots"


def shoot(page: Page, name: str, **options: object) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png", **options)  # type: ignore[arg-type]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots_of_the_start_page(
    make_page: Callable[..., Page], server: Server, scheme: str
) -> None:
    page = make_page(color_scheme=scheme, viewport={"width": 1280, "height": 1000})
    page.goto(server.base)
    scheme_in_page = page.evaluate("document.body.dataset.mdColorScheme")
    assert scheme_in_page == ("slate" if scheme == "dark" else "default")
    page.locator("button.calcweb-run-all").click()
    expect(cell(page, 3)).to_have_attribute("data-state", "done", timeout=60_000)
    # Keyword colour comes from the material palette of this scheme.
    keyword = cell(page, 0).locator(".tok-keyword").first
    colour = keyword.evaluate("k => getComputedStyle(k).color")
    code = cell(page, 0).locator(".cm-content").evaluate("c => getComputedStyle(c).color")
    assert colour != code, "Python keywords are not highlighted"
    shoot(page, f"start-{scheme}", full_page=True)
    # Keyboard focus on a Run button, for the eye.
    cell(page, 1).locator("button.calcweb-reset").focus()
    page.keyboard.press("Shift+Tab")  # Stop is disabled: focus lands on Run
    assert page.evaluate("document.activeElement.classList.contains('calcweb-run')")
    cell(page, 1).scroll_into_view_if_needed()
    shoot(page, f"focus-{scheme}")


def test_the_cell_works_375_px_wide_and_prints_code_and_output(
    make_page: Callable[..., Page], server: Server
) -> None:
    page = make_page(viewport={"width": 375, "height": 800}, is_mobile=True, has_touch=True)
    page.goto(server.base)
    first = cell(page, 0)
    first.locator("button.calcweb-run").tap()
    expect(first).to_have_attribute("data-state", "done", timeout=60_000)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    box = first.bounding_box()
    assert box is not None
    assert box["width"] <= 375
    for name in ("run", "stop", "reset", "copy"):
        button = first.locator(f"button.calcweb-{name}").bounding_box()
        assert button is not None
        assert button["x"] + button["width"] <= 375
    first.scroll_into_view_if_needed()
    shoot(page, "cell-375px")
    # Print: the code and its last output, no buttons.
    page.emulate_media(media="print")
    expect(first.locator("button.calcweb-run")).to_be_hidden()
    expect(page.locator("button.calcweb-run-all")).to_be_hidden()
    expect(first.locator(".cm-content")).to_be_visible()
    expect(first.locator(".calcweb-output")).to_be_visible()
    expect(first.locator(".calcweb-output")).to_contain_text("f'(2)")
    shoot(page, "print-375px", full_page=True)
