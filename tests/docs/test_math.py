"""The math hook: arithmatex's formulas typeset by KaTeX when the site is built."""

from __future__ import annotations

import re
from types import ModuleType, SimpleNamespace
from typing import Any

import markdown
import pytest
from mkdocs.exceptions import PluginError

from .hooks import load_hook


@pytest.fixture(scope="module")
def hook(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    module = load_hook("math")
    module.CACHE = tmp_path_factory.mktemp("math-cache")  # renders for real, not from the cache
    return module


def typeset(hook: ModuleType, source: str) -> str:
    """Markdown -> HTML as the site's arithmatex makes it -> the hook."""
    md = markdown.Markdown(
        extensions=["pymdownx.arithmatex"],
        extension_configs={"pymdownx.arithmatex": {"generic": True}},
    )
    page: Any = SimpleNamespace(file=SimpleNamespace(src_uri="page.md"))
    return str(hook.on_page_content(md.convert(source), page=page, config=None, files=None))


def annotations(html: str) -> list[str]:
    """The TeX source KaTeX keeps in each formula's MathML (for screen readers)."""
    found = re.findall(r'<annotation encoding="application/x-tex">(.*?)</annotation>', html, re.S)
    return [text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&") for text in found]


def test_inline_and_display_math_are_typeset(hook: ModuleType) -> None:
    html = typeset(hook, "If $a < b$ then\n\n$$\n\\frac{1}{2} \\cdot x\n$$\n")
    assert annotations(html) == ["a < b", "\\frac{1}{2} \\cdot x"]
    assert html.count('class="katex-display"') == 1  # the block, not the inline one
    assert 'class="mfrac"' in html
    assert "\\(" not in html
    assert "\\[" not in html


def test_a_formula_is_rendered_once_and_then_comes_from_the_cache(hook: ModuleType) -> None:
    first = typeset(hook, "$e^{i\\pi} + 1 = 0$")
    cached = list(hook.CACHE.glob("*.html"))
    hook._rendered.clear()
    assert typeset(hook, "$e^{i\\pi} + 1 = 0$") == first
    assert list(hook.CACHE.glob("*.html")) == cached


def test_a_page_without_math_is_unchanged(hook: ModuleType) -> None:
    assert typeset(hook, "Plain *text*, 5 $ and a \\ backslash.") == (
        "<p>Plain <em>text</em>, 5 $ and a \\ backslash.</p>"
    )


def test_a_formula_katex_cannot_parse_fails_the_build_and_names_its_page(
    hook: ModuleType,
) -> None:
    with pytest.raises(PluginError, match=r"page\.md.*\\\\frac\{1\}\{"):
        typeset(hook, "$\\frac{1}{$")
