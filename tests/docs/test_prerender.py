"""The live-cell hook's build-time run: output embedded, raising cells refused."""

from __future__ import annotations

import re
from types import ModuleType
from typing import Any

import pytest
from mkdocs.exceptions import PluginError

from .hooks import load_hook


@pytest.fixture(scope="module")
def hook() -> ModuleType:
    return load_hook("live_cells")


def render(hook: ModuleType, cells: list[tuple[str, bool]]) -> list[str]:
    """Render the cells of one page in order, as superfences would."""
    hook._page = hook._PageState(path="page.md")
    html = []
    for code, expect_error in cells:
        options: dict[str, Any] = {"flags": {"expect-error"} if expect_error else set()}
        html.append(hook._format(code, "pyodide", "calcweb", options, None))
    return html


def test_output_is_computed_in_page_order_in_one_namespace(hook: ModuleType) -> None:
    first, second = render(hook, [("x = 6\nprint('six')", False), ("x * 7", False)])
    assert 'data-prerendered="true"' in first
    assert "computed when this page was built" in first
    assert '<span class="calcweb-stdout" data-stream="stdout">six\n</span>' in first
    assert '<pre class="calcweb-result">42</pre>' in second


def test_rich_values_are_embedded_and_none_shows_nothing(hook: ModuleType) -> None:
    code = (
        "class Figure:\n"
        "    def _repr_svg_(self):\n"
        "        return '<svg xmlns=\"http://www.w3.org/2000/svg\"><title>t</title></svg>'\n"
        "Figure()"
    )
    (svg,) = render(hook, [(code, False)])
    assert "<svg" in svg
    (latex,) = render(hook, [("class T:\n    def _repr_latex_(self): return '$x^2$'\nT()", False)])
    assert '<div class="arithmatex">\\[x^2\\]</div>' in latex
    (nothing,) = render(hook, [("None", False)])
    assert "data-prerendered" not in nothing
    (falsy,) = render(hook, [("0", False)])
    assert '<pre class="calcweb-result">0</pre>' in falsy


def test_a_raising_cell_fails_the_build(hook: ModuleType) -> None:
    with pytest.raises(PluginError, match=r"cell 2 of page.md raised at build time"):
        render(hook, [("y = 1", False), ("1 / 0", False)])


def test_an_expect_error_cell_embeds_its_traceback_and_must_raise(hook: ModuleType) -> None:
    (shown,) = render(hook, [("def f():\n    return 1 / 0\nf()", True)])
    assert "ZeroDivisionError" in shown
    assert "File &quot;&lt;cell 1&gt;&quot;, line 3" in shown
    assert "live_cells.py" not in shown
    with pytest.raises(PluginError, match="marked expect-error but did not raise"):
        render(hook, [("1 + 1", True)])


def test_a_cell_id_is_rendered_as_data_cell_id(hook: ModuleType) -> None:
    hook._page = hook._PageState(path="page.md")
    named = hook._format("1", "pyodide", "calcweb", {"flags": set(), "id": "one"}, None)
    unnamed = hook._format("2", "pyodide", "calcweb", {"flags": set()}, None)
    assert '<div class="calcweb-cell" data-cell-index="0" data-cell-id="one" ' in named
    assert "data-cell-id" not in unnamed


def spell(hook: ModuleType, markdown: str) -> str:
    """The fence options of one page, as on_page_markdown spells them for superfences."""
    hook._page = hook._PageState(path="page.md")
    return str(hook._FENCE_OPTIONS.sub(hook._spell_options, markdown))


def test_fence_options_reach_the_formatter_as_flags_and_id(hook: ModuleType) -> None:
    header = spell(hook, '```pyodide expect-error id="taylor-sin"\n1 / 0\n```\n').splitlines()[0]
    assert header == '```pyodide expect_error id="taylor-sin"'
    options: dict[str, Any] = {}
    inputs = {"expect_error": "expect_error", "id": "taylor-sin"}  # as superfences parses it
    assert hook._validator("pyodide", inputs, options, {}, None)
    assert options == {"flags": {"expect-error"}, "id": "taylor-sin"}


@pytest.mark.parametrize(
    ("markdown", "message"),
    [
        ("```pyodide expect-eror\n```\n", "unknown option 'expect-eror'"),
        ('```pyodide id="Taylor sin"\n```\n', "unknown option 'id=\"Taylor'"),
        ("```pyodide id=taylor\n```\n", "unknown option 'id=taylor'"),
        ('```pyodide id="a"\n```\n```pyodide id="a"\n```\n', 'two cells of page.md have id="a"'),
    ],
)
def test_bad_or_repeated_ids_fail_the_build(hook: ModuleType, markdown: str, message: str) -> None:
    with pytest.raises(PluginError, match=re.escape(message)):
        spell(hook, markdown)
