"""An outside accessibility audit: axe-core on every page of the site, in the
light and the dark scheme, after "Run all" has finished (so the editors, the
outputs and the figures are in the page); and the cell buttons' focus outline.

axe-core (pinned in package-lock.json) is a test tool, not part of the site:
it is injected from node_modules. The rules are WCAG 2.1 A and AA and axe's
best practices. A serious or critical violation fails the test; moderate and
minor ones are printed in the summary of the run. One browser page walks the
site with instant navigation (Python boots once, each page runs once) and
audits each page in the scheme it arrives in, then in the other one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from typing import Any
from xml.etree import ElementTree

import pytest
from playwright.sync_api import Locator, Page, expect

from .conftest import ROOT, SITE, Server
from .test_every_page import FINISHED, navigate

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
IMPACTS = ("critical", "serious", "moderate", "minor")
BLOCKING = IMPACTS[:2]
SCHEMES = {"default": "light", "slate": "dark"}

# Each failing element as {impact, target, data (the colours, for contrast
# rules), summary}. Transitions are let finish first: a colour caught halfway
# (a hovered link, a freshly switched scheme) is no colour the reader sees.
RUN_AXE = """async tags => {
  const transitions = document.getAnimations().filter(a => a instanceof CSSTransition);
  await Promise.all(transitions.map(a => a.finished.catch(() => null)));
  const results = await axe.run(document, {
    runOnly: {type: "tag", values: tags},
    resultTypes: ["violations"],
  });
  return results.violations.map(rule => ({
    id: rule.id,
    help: rule.help,
    nodes: rule.nodes.map(node => ({
      impact: node.impact || rule.impact,
      target: node.target.join(" "),
      data: [...node.any, ...node.all, ...node.none].map(check => check.data)
        .find(data => data && typeof data === "object" && "fgColor" in data) || null,
      summary: node.failureSummary || "",
    })),
  }));
}"""


def every_page() -> list[str]:
    """The path of every page in the built site's sitemap."""
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ElementTree.parse(SITE / "sitemap.xml").getroot()  # noqa: S314 - our own build
    locations = root.findall("s:url/s:loc", namespace)
    return [re.sub(r"^https?://[^/]+", "", loc.text or "") for loc in locations]


def scheme_of(page: Page) -> str:
    """``light`` or ``dark``: the scheme mkdocs-material shows the page in."""
    return SCHEMES[page.evaluate("document.body.dataset.mdColorScheme")]


def switch_scheme(page: Page) -> None:
    """Click the header's palette toggle, as a reader would."""
    before = page.evaluate("document.body.dataset.mdColorScheme")
    page.locator("label.md-header__button[for^='__palette_']:visible").click()
    expect(page.locator("body")).not_to_have_attribute("data-md-color-scheme", before)


def run_all(page: Page) -> None:
    """Run every cell of the page, if it has any, and wait until each has finished."""
    cells = page.locator(".calcweb-cell")
    if cells.count() == 0:
        return
    page.locator("button.calcweb-run-all").first.click()
    for index in range(cells.count()):
        expect(cells.nth(index)).to_have_attribute("data-state", FINISHED, timeout=120_000)


def audit(page: Page) -> list[dict[str, Any]]:
    """axe-core's violations in the page as it is now."""
    if not page.evaluate("typeof window.axe === 'object'"):  # once per document
        page.add_script_tag(path=str(AXE))
    violations: list[dict[str, Any]] = page.evaluate(RUN_AXE, TAGS)
    return violations


def describe(where: str, rule: dict[str, Any], node: dict[str, Any]) -> str:
    """One line for a failing element: where, rule, impact, selector, and the
    colours for a contrast rule or axe's reason for the others."""
    line = f"{where}: {rule['id']} ({node['impact']}) at {node['target']}"
    data = node["data"]
    if data:
        return line + (
            f": {data.get('fgColor')} on {data.get('bgColor')} is "
            f"{data.get('contrastRatio')}:1, needs {data.get('expectedContrastRatio')}"
        )
    return line + f": {rule['help']}. " + " ".join(node["summary"].split())


def test_every_page_passes_axe_in_light_and_dark_after_run_all(
    page: Page, server: Server, report: list[str]
) -> None:
    assert AXE.is_file(), f"{AXE} is missing: run `npm ci` (or `make tools`)"
    paths = every_page()
    assert len(paths) > 1, "no pages in the built site's sitemap"
    page.goto(server.origin + paths[0])
    blocking: list[str] = []
    others: list[str] = []
    counts: Counter[tuple[str, str]] = Counter()  # (scheme, impact) -> failing elements
    for path in paths:
        if page.url != server.origin + path:
            navigate(page, server.origin + path)
        run_all(page)
        for switch in (False, True):
            if switch:
                switch_scheme(page)
            scheme = scheme_of(page)
            for rule in audit(page):
                for node in rule["nodes"]:
                    counts[scheme, node["impact"]] += 1
                    line = describe(f"{path} [{scheme}]", rule, node)
                    (blocking if node["impact"] in BLOCKING else others).append(line)
    for scheme in SCHEMES.values():
        found = ", ".join(f"{counts[scheme, impact]} {impact}" for impact in IMPACTS)
        report.append(f"axe on {len(paths)} pages, {scheme} scheme: {found} element(s)")
    report.extend(f"axe, not asserted: {line}" for line in others)
    assert not blocking, (
        f"{len(blocking)} serious or critical accessibility violation(s):\n" + "\n".join(blocking)
    )


def rgba(css: str) -> tuple[float, float, float, float]:
    """A computed CSS colour, ``rgb(r, g, b)`` or ``rgba(r, g, b, a)``."""
    match = re.fullmatch(r"rgba?\(([\d.]+), ([\d.]+), ([\d.]+)(?:, ([\d.]+))?\)", css)
    assert match, f"not a computed colour: {css}"
    red, green, blue, alpha = match.groups()
    return float(red), float(green), float(blue), float(alpha or 1)


def contrast(first: str, second: str) -> float:
    """WCAG 2.1's contrast ratio of two opaque colours."""

    def luminance(css: str) -> float:
        *channels, alpha = rgba(css)
        assert alpha == 1, f"{css} is not opaque"
        srgb = [c / 255 for c in channels]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in srgb]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# The focused button's outline, its own colours, and the first opaque
# background behind it, once its transitions are over.
FOCUS_STYLE = """async button => {
  await Promise.all(button.getAnimations().map(a => a.finished.catch(() => null)));
  const style = getComputedStyle(button);
  let around = button.parentElement;
  while (around && /, 0\\)$|transparent/.test(getComputedStyle(around).backgroundColor)) {
    around = around.parentElement;
  }
  return {
    focusVisible: button.matches(":focus-visible"),
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth),
    outlineColor: style.outlineColor,
    color: style.color,
    background: style.backgroundColor,
    around: getComputedStyle(around || document.body).backgroundColor,
  };
}"""


def focus_by_keyboard(page: Page, button: Locator) -> None:
    """Put the keyboard focus on ``button`` as Tab does (so :focus-visible applies)."""
    button.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    assert button.evaluate("b => b === document.activeElement"), "Tab did not come back"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_keyboard_focus_on_the_cell_buttons_is_outlined_in_both_schemes(
    make_page: Callable[..., Page], server: Server, scheme: str
) -> None:
    page = make_page(color_scheme=scheme)
    page.goto(server.base)
    assert scheme_of(page) == scheme
    cell = page.locator(".calcweb-cell").first
    buttons = [page.locator("button.calcweb-run-all")] + [
        cell.locator(f"button.calcweb-{name}") for name in ("run", "reset", "copy")
    ]
    for button in buttons:
        expect(button).to_be_enabled()
        focus_by_keyboard(page, button)
        style = button.evaluate(FOCUS_STYLE)
        name = f"{button.get_attribute('aria-label')} ({scheme})"
        assert style["focusVisible"], f"{name}: focus by keyboard is not :focus-visible"
        assert style["outlineStyle"] == "solid", f"{name}: no outline when focused: {style}"
        assert style["outlineWidth"] >= 2, f"{name}: outline thinner than 2 px: {style}"
        # WCAG 1.4.11: a focus indicator 3:1 against what surrounds it, and
        # the focused button's own text still 4.5:1.
        ring = contrast(style["outlineColor"], style["around"])
        assert ring >= 3, f"{name}: outline {ring:.2f}:1 on its background: {style}"
        text = contrast(style["color"], style["background"])
        assert text >= 4.5, f"{name}: focused text {text:.2f}:1: {style}"
