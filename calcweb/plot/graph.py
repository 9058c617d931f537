"""Draw the computational graph of a `Value` as SVG.

Each value is a box with its data and its gradient; the operation that made
it sits in a circle just before it, with arrows from its inputs. Columns go
from the inputs (left) to the output (right), so the forward pass reads left
to right and backpropagation right to left.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, cast

from calcweb._checks import checking_arguments
from calcweb.exceptions import ArgumentTypeError, InvalidArgumentError
from calcweb.nn._kinks import graph_order
from calcweb.nn.value import Value
from calcweb.plot._inputs import text
from calcweb.plot._svg import FG, color, element, fit_text

__all__ = ["ComputationGraph", "draw_graph"]

_BOX_W, _BOX_H = 132.0, 44.0
_OP_R = 16.0
_COLUMN = _BOX_W + 3.2 * _OP_R + 24.0
_ROW = _BOX_H + 22.0
_MARGIN = 12.0
_FONT = 12.0
_LARGEST = 200  # nodes; a bigger graph is unreadable as a picture


def _format(value: object) -> str:
    try:
        return f"{value:.4g}"
    except OverflowError:  # an int beyond the float range, set by hand: 1e+400
        return format(Decimal(cast(int, value)), ".4g")
    except (TypeError, ValueError):  # data or grad set by hand to something else
        return fit_text(repr(value), 60, _FONT)


class ComputationGraph:
    """An SVG picture of a computational graph; shown by ``_repr_svg_``.

    Build it with `draw_graph`.
    """

    @checking_arguments
    def __init__(
        self, root: Any, labels: Mapping[Any, str] | None = None, title: str = "Computational graph"
    ) -> None:
        if not isinstance(root, Value):
            raise ArgumentTypeError(
                f"draw_graph needs a calcweb Value (the result of a computation), "
                f"but got {type(root).__name__} {root!r}"
            )
        if labels is None:
            labels = {}
        if not isinstance(labels, Mapping):
            raise ArgumentTypeError(
                f"labels must be a dict from Values to names, such as {{a: 'a', loss: 'L'}}, "
                f"but got {type(labels).__name__} {labels!r}"
            )
        self._labels = {id(node): text(name, "each label") for node, name in labels.items()}
        self._title = text(title, "title")
        self._nodes = graph_order([root], first_input_first=True)
        if len(self._nodes) > _LARGEST:
            raise InvalidArgumentError(
                f"the graph has {len(self._nodes)} values, too many to draw legibly "
                f"(at most {_LARGEST}); draw a smaller part of the computation"
            )

    def _layout(self) -> dict[int, tuple[float, float]]:
        level: dict[int, int] = {}
        for node in self._nodes:
            level[id(node)] = 1 + max((level[id(c)] for c in node.inputs), default=-1)
        # An input sits just before the first operation that uses it, so that
        # its arrows stay short.
        first_use: dict[int, int] = {}
        for node in self._nodes:
            for child in node.inputs:
                first_use[id(child)] = min(
                    first_use.get(id(child), level[id(node)]), level[id(node)]
                )
        for node in self._nodes:
            if not node.inputs and id(node) in first_use:
                level[id(node)] = first_use[id(node)] - 1
        rows: dict[int, int] = {}
        where = {}
        for node in self._nodes:
            column = level[id(node)]
            row = rows.get(column, 0)
            rows[column] = row + 1
            where[id(node)] = (
                _MARGIN + 3.2 * _OP_R + column * _COLUMN,
                _MARGIN + 28.0 + row * _ROW,
            )
        return where

    def to_svg(self) -> str:
        """The figure as a standalone SVG document (no script, no external reference)."""
        where = self._layout()
        width = max(x for x, _ in where.values()) + _BOX_W + _MARGIN
        height = max(y for _, y in where.values()) + _BOX_H + _MARGIN
        parts: list[str] = [
            element(
                "text",
                {
                    "x": _MARGIN,
                    "y": _MARGIN + 12,
                    "font-size": 14,
                    "font-weight": "bold",
                    "fill": FG,
                },
                fit_text(self._title, width - 2 * _MARGIN, 14),
            )
        ]
        for node in self._nodes:
            if node.inputs:
                parts += self._operation(node, where)
            parts += self._box(node, *where[id(node)])
        return self._document("".join(parts), width, height)

    def _operation(self, node: Any, where: dict[int, tuple[float, float]]) -> list[str]:
        """The edges from a value's inputs into the circle of its operation, and on to its box."""
        x, y = where[id(node)]
        middle = y + _BOX_H / 2
        parts: list[str] = []
        cx = x - 1.6 * _OP_R
        for child in node.inputs:
            sx, sy = where[id(child)]
            parts.append(
                element(
                    "path",
                    {
                        "d": f"M{sx + _BOX_W:.1f} {sy + _BOX_H / 2:.1f}"
                        f"L{cx - _OP_R:.1f} {middle:.1f}",
                        "stroke": FG,
                        "stroke-opacity": "0.55",
                        "fill": "none",
                    },
                )
            )
        parts.append(
            element(
                "circle",
                {
                    "cx": cx,
                    "cy": middle,
                    "r": _OP_R,
                    "fill": color(1),
                    "fill-opacity": "0.18",
                    "stroke": color(1),
                },
            )
        )
        parts.append(
            element(
                "text",
                {
                    "x": cx,
                    "y": middle + 4,
                    "font-size": _FONT,
                    "text-anchor": "middle",
                    "fill": FG,
                },
                fit_text(node.op or "?", 2.4 * _OP_R, _FONT),
            )
        )
        parts.append(
            element(
                "path",
                {
                    "d": f"M{cx + _OP_R:.1f} {middle:.1f}L{x:.1f} {middle:.1f}",
                    "stroke": FG,
                    "stroke-opacity": "0.55",
                },
            )
        )
        return parts

    def _box(self, node: Any, x: float, y: float) -> list[str]:
        """A value's box at (x, y): its label and data, and its gradient."""
        parts: list[str] = []
        label = self._labels.get(id(node))
        leaf = not node.inputs
        parts.append(
            element(
                "rect",
                {
                    "x": x,
                    "y": y,
                    "width": _BOX_W,
                    "height": _BOX_H,
                    "rx": 6,
                    "fill": color(0 if leaf else 2),
                    "fill-opacity": "0.12",
                    "stroke": color(0 if leaf else 2),
                },
            )
        )
        head = f"{label} = {_format(node.data)}" if label else f"data {_format(node.data)}"
        parts.append(
            element(
                "text",
                {"x": x + 8, "y": y + 18, "font-size": _FONT, "fill": FG},
                fit_text(head, _BOX_W - 12, _FONT),
            )
        )
        parts.append(
            element(
                "text",
                {
                    "x": x + 8,
                    "y": y + 36,
                    "font-size": _FONT,
                    "fill": FG,
                    "fill-opacity": "0.8",
                },
                fit_text(f"grad {_format(node.grad)}", _BOX_W - 12, _FONT),
            )
        )
        return parts

    def _document(self, body: str, width: float, height: float) -> str:
        """The SVG document around ``body``, with a title and a description of every value."""
        described = ", ".join(
            f"{self._labels.get(id(n), n.op or 'input')} = {_format(n.data)} "
            f"(gradient {_format(n.grad)})"
            for n in self._nodes
        )
        title = self._title.strip() or "Computational graph"
        desc = f"Computational graph of {len(self._nodes)} values: {described}."
        # Ids must differ between graphs on one page yet stay deterministic.
        seed = (title + desc + body).encode("utf-8", "surrogatepass")  # a label may hold any text
        uid = "calcweb-" + hashlib.sha256(seed).hexdigest()[:10]
        header = (
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
            f'width="100%" style="max-width:{width:.0f}px;'
            "color:var(--md-default-fg-color,currentColor);"
            'font-family:var(--md-text-font-family,sans-serif)" role="img" '
            f'aria-labelledby="{uid}-title {uid}-desc">'
        )
        return (
            header
            + element("title", {"id": f"{uid}-title"}, title)
            + element("desc", {"id": f"{uid}-desc"}, desc)
            + body
            + "</svg>"
        )

    def _repr_svg_(self) -> str:
        return self.to_svg()


@checking_arguments
def draw_graph(
    root: Any, labels: Mapping[Any, str] | None = None, *, title: str = "Computational graph"
) -> ComputationGraph:
    """Draw the graph that computed ``root``, with each value's data and gradient.

    Call it after ``root.backward()`` to see the gradients too.

    Args:
        root: A `Value` (the output, usually the loss).
        labels: Names for some of the values, e.g. ``{a: "a", loss: "L"}``.
        title: The figure's title.

    Returns:
        A `ComputationGraph`, shown as SVG in a notebook or a live cell.

    Raises:
        ArgumentTypeError: If ``root`` is not a Value, ``labels`` is not a
            dict of names or ``title`` is not a string.
        InvalidArgumentError: If the graph has more than 200 values.

    Examples:
        >>> from calcweb import Value
        >>> a, b = Value(2.0), Value(-3.0)
        >>> c = a * b
        >>> c.backward()
        >>> svg = draw_graph(c, {a: "a", b: "b", c: "c"}).to_svg()
        >>> svg.startswith("<svg") and "c = -6" in svg and "grad -3" in svg
        True
    """
    return ComputationGraph(root, labels, title)
