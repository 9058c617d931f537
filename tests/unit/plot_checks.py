"""What every calcweb figure must satisfy, shared by the plot tests."""

from __future__ import annotations

import re
from xml.etree import ElementTree

SVG = "{http://www.w3.org/2000/svg}"
MAX_BYTES = 50_000
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?(?:e-?\d+)?")


def parse(svg: str) -> ElementTree.Element:
    return ElementTree.fromstring(svg)  # noqa: S314 - our own output, checked here


def path_points(d: str) -> list[tuple[float, float]]:
    """The points of a path made of M, L and Z commands with absolute x y pairs."""
    assert re.fullmatch(r"[MLZ0-9.\- ]*", d), d
    numbers = [float(n) for n in _NUMBER.findall(d)]
    assert len(numbers) % 2 == 0, d
    return list(zip(numbers[::2], numbers[1::2], strict=True))


def polylines(d: str) -> list[list[tuple[float, float]]]:
    return [path_points(part) for part in re.findall(r"M[^M]*", d)]


def check_figure(svg: str) -> ElementTree.Element:
    """Parse the SVG and check the contract of ARCHITECTURE.md "Plots" and issue 6."""
    assert len(svg.encode()) < MAX_BYTES, f"{len(svg.encode())} bytes"
    root = parse(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("width") == "100%"
    x0, y0, width, height = (float(v) for v in root.get("viewBox", "").split())
    assert (x0, y0) == (0.0, 0.0)
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None
    assert desc is not None
    assert (title.text or "").strip()
    assert (desc.text or "").strip()
    assert root.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
    ids = [e.get("id") for e in root.iter() if e.get("id") is not None]
    assert len(ids) == len(set(ids))
    for element in root.iter():
        tag = element.tag.removeprefix(SVG)
        assert tag not in {"script", "style", "foreignObject", "image", "a", "use", "iframe"}, tag
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), name
            assert "href" not in name.lower(), name
            assert "url(" not in value or value.startswith("url(#"), value
            assert "javascript:" not in value.lower(), value
        coords = [(element.get(a), element.get(b)) for a, b in (("x", "y"), ("cx", "cy"))]
        points = [(float(x), float(y)) for x, y in coords if x is not None and y is not None]
        if tag == "path":
            points += path_points(element.get("d", ""))
        for x, y in points:
            assert -0.5 <= x <= width + 0.5, (tag, x, y)  # also false for NaN
            assert -0.5 <= y <= height + 0.5, (tag, x, y)
    for text in root.iter(f"{SVG}text"):
        if text.get("transform") is None:
            assert_fits(text, width)
    return root


def assert_fits(text: ElementTree.Element, width: float) -> None:
    """A text's estimated extent (0.6 em per character) lies inside the figure."""
    size = 15.0 if text.get("font-weight") else 13.0
    length = 0.6 * size * len(text.text or "")
    x = float(text.get("x", "0"))
    left = {"start": x, "middle": x - length / 2, "end": x - length}[
        text.get("text-anchor", "start")
    ]
    assert left >= -1, (text.text, left)
    assert left + length <= width + 1, (text.text, left + length, width)


def texts(root: ElementTree.Element) -> list[str]:
    return [e.text or "" for e in root.iter(f"{SVG}text")]
