"""Write SVG text: escaping, compact numbers, elements and the palette.

Everything a figure prints goes through these helpers, so the output is
escaped, deterministic and small (one decimal per coordinate is a tenth of a
pixel at the figure's own scale).
"""

from __future__ import annotations

import re

__all__ = ["FG", "PALETTE", "color", "element", "fit_text", "num", "path_data", "text_width"]

# The foreground follows the page: mkdocs-material's text colour on the site,
# the inherited text colour elsewhere (Jupyter, a browser showing the file).
FG = "currentColor"
# Okabe-Ito, without black (invisible on a dark page) and ordered so that the
# first colours keep a 3:1 contrast on both white and mkdocs' dark slate.
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9")

# XML escaping by hand: xml.sax.saxutils would do it, but importing it brings
# in urllib, http.client and email - a third of a second in Pyodide.
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_ATTRIBUTE_ESCAPES = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\n": "&#10;",
        "\r": "&#13;",
        "\t": "&#9;",
    }
)


# Characters XML 1.0 cannot carry at all (C0 controls but tab and newlines,
# lone surrogates, U+FFFE and U+FFFF): a reader's label may hold them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml(text: str) -> str:
    """``text`` with the characters XML cannot carry replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def color(index: int) -> str:
    """The palette colour number ``index`` as a CSS value a site can override.

    Examples:
        >>> color(1)
        'var(--calcweb-plot-color-1,#D55E00)'
    """
    slot = index % len(PALETTE)
    return f"var(--calcweb-plot-color-{slot},{PALETTE[slot]})"


def num(value: float) -> str:
    """A coordinate with one decimal and no trailing ``.0``.

    Examples:
        >>> num(12.0), num(-0.04), num(3.14159)
        ('12', '0', '3.1')
    """
    text = f"{value:.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


def element(tag: str, attrs: dict[str, str | float], text: str | None = None) -> str:
    """One SVG element; numbers are written with `num`, text is escaped.

    Examples:
        >>> element("text", {"x": 1.25, "y": 2}, "a < b")
        '<text x="1.2" y="2">a &lt; b</text>'
        >>> element("g", {"aria-label": 'say "f & g"'})
        '<g aria-label="say &quot;f &amp; g&quot;"/>'
    """
    parts = [tag]
    for name, value in attrs.items():
        shown = num(value) if isinstance(value, (int, float)) else value
        parts.append(f'{name}="{_xml(shown).translate(_ATTRIBUTE_ESCAPES)}"')
    opening = " ".join(parts)
    if text is None:
        return f"<{opening}/>"
    return f"<{opening}>{_xml(text).translate(_TEXT_ESCAPES)}</{tag}>"


def path_data(pieces: list[list[tuple[float, float]]]) -> str:
    """The ``d`` attribute of a path drawing each piece as one polyline.

    Examples:
        >>> path_data([[(0, 0), (10, 5), (20, 0)], [(30, 1), (40, 1)]])
        'M0 0L10 5 20 0M30 1L40 1'
    """
    out = []
    for piece in pieces:
        if len(piece) < 2:
            continue
        (x0, y0), rest = piece[0], piece[1:]
        out.append(f"M{num(x0)} {num(y0)}L" + " ".join(f"{num(x)} {num(y)}" for x, y in rest))
    return "".join(out)


def text_width(text: str, size: float) -> float:
    """An estimate of the width of ``text`` in a sans-serif font of ``size``.

    Enough to keep labels apart; averages 0.6 of the font size per character.
    """
    return 0.6 * size * len(text)


def fit_text(text: str, room: float, size: float) -> str:
    """``text`` cut with an ellipsis so that it fits in ``room`` units.

    The full text stays in the figure's <title> or <desc>.

    Examples:
        >>> fit_text("a short label", 200, 10), fit_text("a much longer label", 60, 10)
        ('a short label', 'a much lo…')
    """
    keep = int(room / (0.6 * size))
    return (
        text if len(text) <= keep else text[: max(0, keep - 1)].rstrip() + "\N{HORIZONTAL ELLIPSIS}"
    )
