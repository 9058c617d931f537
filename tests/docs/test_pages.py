"""The docs tests read a page's fences as the build does: options, ids, order."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
import yaml

from .pages import DOCS, Cell, cells, runs_by_id


def test_fences_give_code_flags_and_ids(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        '```pyodide id="first"\nx = 6\n```\n\n```pyodide\nprint(x * 7)\n```\n\n'
        '```pyodide expect-error id="last"\nprint(x)\n1 / 0\n```\n',
        encoding="utf-8",
    )
    assert cells(page) == [
        Cell("x = 6\n", expect_error=False, id="first"),
        Cell("print(x * 7)\n", expect_error=False, id=None),
        Cell("print(x)\n1 / 0\n", expect_error=True, id="last"),
    ]
    runs = runs_by_id(page)
    assert set(runs) == {"first", "last"}
    assert runs["last"].stdout == "6\n"  # the unnamed cell ran too, in order
    assert isinstance(runs["last"].error, ZeroDivisionError)


@pytest.mark.parametrize(
    "fences",
    [
        "```pyodide expect_error\n```\n",
        '```pyodide id="Upper"\n```\n',
        '```pyodide id="a"\n```\n```pyodide id="a"\n```\n',
    ],
)
def test_unknown_options_and_repeated_ids_are_refused(tmp_path: Path, fences: str) -> None:
    page = tmp_path / "page.md"
    page.write_text(fences, encoding="utf-8")
    with pytest.raises(ValueError, match=r"unknown fence options|two cells"):
        cells(page)


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose ``!ENV`` and ``!!python/name`` tags need mkdocs itself."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def markdown_extensions() -> tuple[list[str], dict[str, dict[str, object]]]:
    """The build's Markdown extensions and their settings (snippets left out: it reads files)."""
    text = (DOCS.parent / "mkdocs.yml").read_text(encoding="utf-8")
    config = yaml.load(text, _AnyTagLoader)  # noqa: S506  (a SafeLoader: tags become None)
    names, settings = [], {}
    for entry in config["markdown_extensions"]:
        name = entry if isinstance(entry, str) else next(iter(entry))
        if name != "pymdownx.snippets":
            names.append(name)
            if isinstance(entry, dict):
                settings[name] = entry[name] or {}
    return names, settings


def test_numbered_lists_broken_by_a_cell_keep_their_numbers() -> None:
    """Exercises are numbered lists with cells between items: 3. must not render as 1."""
    names, settings = markdown_extensions()
    split = 0
    for page in sorted(DOCS.glob("*.md")):
        text = page.read_text(encoding="utf-8")
        if "\n## Exercises" not in text:
            continue
        section = text.split("\n## Exercises", 1)[1].split("\n## ", 1)[0]
        # The build's hook turns each cell into an HTML block before Markdown runs.
        section = re.sub(r"^```pyodide.*?^```$", "<div></div>", section, flags=re.M | re.S)
        html = markdown.markdown(section, extensions=names, extension_configs=settings)
        for match in re.finditer(r"<ol(?: start=\"(\d+)\")?>", html):
            items_before = html[: match.start()].count("<li>")
            assert int(match.group(1) or 1) == items_before + 1, f"{page.name}: {match.group()}"
            split += items_before > 0
    assert split >= 2  # convexity and backprop-layers have exercises split by cells


NOT_COURSE_PAGES = {"api.md", "benchmarks.md"}  # generated reference and measured tables


@pytest.mark.parametrize(
    "page",
    sorted(p.name for p in DOCS.glob("*.md") if p.name not in NOT_COURSE_PAGES),
)
def test_every_course_page_ends_with_two_to_five_references(page: str) -> None:
    text = (DOCS / page).read_text(encoding="utf-8")
    assert "\n## Further reading\n" in text, f"{page} has no Further reading"
    section = text.split("\n## Further reading\n", 1)[1]
    assert "\n## " not in section, f"{page}: Further reading is not the last section"
    entries = re.findall(r"^- .*?(?=^- |\Z)", section, re.M | re.S)
    assert 2 <= len(entries) <= 5, f"{page}: {len(entries)} references"
    for entry in entries:
        assert re.search(r"<https?://[^>]+>", entry), f"{page}: no link in {entry[:60]!r}"


@pytest.mark.parametrize("page", sorted(p.name for p in DOCS.glob("*.md")))
def test_headings_have_no_math(page: str) -> None:
    """The table of contents shows a heading's text raw: \\(p - y\\) would show its backslashes."""
    text = (DOCS / page).read_text(encoding="utf-8")
    text = re.sub(r"^```.*?^```$", "", text, flags=re.M | re.S)  # a comment in code is no heading
    headings = re.findall(r"^#{1,6} .*$", text, re.M)
    assert not [h for h in headings if "\\(" in h or "$" in h], page
