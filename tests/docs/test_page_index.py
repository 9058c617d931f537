"""The start page's list of lessons (docs/index.md): numbered 1, 2, ... in the nav's order.

Several writers add their lesson to the list and to mkdocs.yml's nav; the
rendered list renumbers itself, but the Markdown a reader edits must not
repeat or skip a number, nor order the lessons differently from the nav.
"""

from __future__ import annotations

import re

from .pages import DOCS

LESSON = re.compile(r"^(\d+)\. \[[^\]]+\]\(([\w-]+\.md)\)$", re.MULTILINE)
NAV_PAGE = re.compile(r"^ +- [^:]+: ([\w-]+\.md)$", re.MULTILINE)
NOT_LESSONS = {"index.md", "api.md", "benchmarks.md"}


def test_the_lessons_are_numbered_in_the_navs_order() -> None:
    course = (DOCS / "index.md").read_text(encoding="utf-8").split("## The course", 1)[1]
    lessons = LESSON.findall(course.split("\n## ", 1)[0])
    assert [int(number) for number, _ in lessons] == list(range(1, len(lessons) + 1))
    nav = (DOCS.parent / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:", 1)[1]
    in_nav = [page for page in NAV_PAGE.findall(nav) if page not in NOT_LESSONS]
    assert [page for _, page in lessons] == in_nav
