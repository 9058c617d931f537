"""calcweb.plot figures inside the built site: a live cell shows the figure
(sanitised by DOMPurify), it fits a phone and a wide screen, and its colours
follow the light and dark schemes. Screenshots go to .cache/screenshots for a
person to look at."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .conftest import Server
from .test_live_cells import cell, set_code

SCREENSHOTS = Path(__file__).resolve().parents[2] / ".cache" / "screenshots"

FIGURES = {
    "poles": (
        "import calcweb, math\n"
        "calcweb.plot_function([math.tan, lambda x: 1 / x], -3, 3, labels=['tan x', '1/x'],"
        " title='Poles break the line')"
    ),
    "error": (
        "import calcweb, math\n"
        "hs = [10 ** (-k / 4) for k in range(61)]\n"
        "fig = calcweb.Figure('Error of finite differences', xlabel='h', ylabel='|error|',"
        " xlog=True, ylog=True)\n"
        "for name in ('forward', 'central'):\n"
        "    d = getattr(calcweb, name + '_difference')\n"
        "    fig.line(hs, [abs(d(math.exp, 1.0, h) - math.e) for h in hs], label=name)\n"
        "fig"
    ),
    "contour": (
        "import calcweb\n"
        "def rosen(x, y):\n"
        "    return (1 - x) ** 2 + 100 * (y - x * x) ** 2\n"
        "path = [(-1.5, 2.0), (-1.2, 1.5), (-0.6, 0.4), (0.3, 0.1), (0.8, 0.6), (1.0, 1.0)]\n"
        "calcweb.contour(rosen, (-2, 2), (-1, 3), log_levels=True, path=path,"
        " title='Rosenbrock')"
    ),
}


def show(page: Page, code: str) -> None:
    """Run ``code`` in the first live cell, as a reader would, and wait for its figure."""
    set_code(page, 0, code)
    cell(page, 0).locator("button.calcweb-run").click()
    expect(cell(page, 0)).to_have_attribute("data-state", "done", timeout=60_000)
    expect(cell(page, 0).locator(".calcweb-output svg[role='img']")).to_have_count(1)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", sorted(FIGURES))
def test_figures_in_a_live_cell(
    make_page: Callable[..., Page], server: Server, scheme: str, name: str
) -> None:
    page = make_page(color_scheme=scheme, viewport={"width": 1100, "height": 900})
    page.goto(server.base)
    show(page, FIGURES[name])
    svg = page.locator(".calcweb-cell[data-cell-index='0'] .calcweb-output svg")
    # The sanitiser kept the drawing: title, description, lines and text.
    assert svg.locator("title").count() == 1
    assert svg.locator("desc").count() == 1
    assert svg.locator("path").count() >= 3
    assert svg.locator("text").count() >= 5
    # Text is drawn in the page's own text colour: dark on light, light on dark.
    fill, color, width, room = page.evaluate(
        """() => {
          const out = document.querySelector(".calcweb-cell[data-cell-index='0'] .calcweb-output");
          const svg = out.querySelector("svg");
          const style = getComputedStyle(svg);
          return [getComputedStyle(svg.querySelector("text")).fill, style.color,
                  parseFloat(style.width), out.clientWidth];
        }"""
    )
    assert fill == color
    red = int(fill.split("(")[1].split(",")[0])
    assert (red > 128) == (scheme == "dark"), fill
    assert width <= room + 1
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    svg.screenshot(path=SCREENSHOTS / f"plot-{name}-{scheme}.png")


def test_a_figure_fits_a_phone(make_page: Callable[..., Page], server: Server) -> None:
    page = make_page(color_scheme="light", viewport={"width": 375, "height": 800})
    page.goto(server.base)
    show(page, FIGURES["poles"])
    svg = page.locator(".calcweb-cell[data-cell-index='0'] .calcweb-output svg")
    box = svg.bounding_box()
    assert box is not None
    assert box["x"] >= 0
    assert box["x"] + box["width"] <= 375
    # Tick labels stay readable: at least 10 CSS pixels.
    size = page.evaluate(
        """() => {
          const svg = document.querySelector(".calcweb-output svg");
          const ticks = svg.querySelector("g[font-size]");
          const scale = svg.clientWidth / svg.viewBox.baseVal.width;
          return scale * parseFloat(ticks.getAttribute("font-size"));
        }"""
    )
    assert size >= 10
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "plot-phone.png", full_page=False)
    svg.screenshot(path=SCREENSHOTS / "plot-poles-phone.png")
