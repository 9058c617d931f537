"""Where a graph of Values passed through a kink, and f's one-sided slopes there.

relu and abs have no derivative at 0; ``backward()`` takes 0 there (torch's
convention). A gradient computed through such a point can then be 0 where f
falls on one side (``(relu(x) - 1)**2`` at 0 falls at slope -2 to the right),
so `calcweb.minimize` and `calcweb.vjp` look for these points before they
trust it. The graph knows them exactly: a relu or abs whose input is 0.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from calcweb.nn.value import Value

__all__ = [
    "KINKED_OPS",
    "graph_order",
    "kinks",
    "near_kinks",
    "one_sided_slope",
    "rises_at_least_as_its_gradient",
    "tie_moves",
]

# The derivative of each kinked operation at its kink along an input tangent t
# (how fast its output moves when its input moves at rate t from 0).
_ONE_SIDED: dict[str, Callable[[float], float]] = {"relu": lambda t: max(t, 0.0), "abs": abs}
KINKED_OPS = frozenset(_ONE_SIDED)
"""The operations of a Value graph with a kink (at the input 0)."""


def graph_order(outputs: Iterable[Value], *, first_input_first: bool = False) -> list[Value]:
    """Every value the outputs were computed from, each after all of its inputs.

    ``first_input_first``: of a value's inputs, the first one's part of the
    graph is written out first (`calcweb.draw_graph` lays them out left to
    right so); else the last one's.
    """
    order: list[Value] = []
    seen: set[int] = set()
    stack: list[tuple[Value, bool]] = [(out, False) for out in outputs]
    while stack:  # an explicit stack, so graphs of any depth work
        node, inputs_done = stack.pop()
        if inputs_done:
            order.append(node)
            continue
        if id(node) in seen:
            continue
        seen.add(id(node))
        stack.append((node, True))
        inputs = reversed(node.inputs) if first_input_first else node.inputs  # popped last first
        stack.extend((child, False) for child in inputs if id(child) not in seen)
    return order


def _at_kink(node: Value) -> bool:
    return node.op in _ONE_SIDED and node.inputs[0].data == 0.0


def kinks(outputs: Iterable[Value], leaves: Sequence[Value]) -> list[Value]:
    """The relus and abs of the graph whose input is exactly 0 and moves with ``leaves``."""
    moving = {id(leaf) for leaf in leaves}
    found = []
    for node in graph_order(outputs):
        if any(id(child) in moving for child in node.inputs):
            moving.add(id(node))
            if _at_kink(node):
                found.append(node)
    return found


def tie_moves(ties: Iterable[tuple[Value, object]], leaves: Sequence[Value]) -> bool:
    """Whether a comparison at a tie (`calcweb.nn.value.noting_ties`) had a side moving with x.

    ``leaves``: the Values of x.

    A branch taken at a tie (``max(p0, 0.0)`` at 0, ``p0 if p0 > p1 else p1``
    at ``p0 = p1``) is a kink as relu's at 0 is, that the graph does not show.
    """
    sides = [side for tie in ties for side in tie if isinstance(side, Value)]
    moving = {id(leaf) for leaf in leaves}
    for node in graph_order(sides):
        if any(id(child) in moving for child in node.inputs):
            moving.add(id(node))
    return any(id(side) in moving for side in sides)


def near_kinks(output: Value, leaves: Sequence[Value], within: float) -> list[Value]:
    """The relus and abs that moving x by ``within`` (in any one coordinate) might put at 0.

    Cheap and generous: each value's sensitivity to the leaves is bounded by
    the sum of |local derivative| times its inputs' bounds (1 for a leaf).
    """
    bound = {id(leaf): 1.0 for leaf in leaves}
    found = []
    for node in graph_order([output]):
        if not node.inputs:
            continue
        local = node._local  # the graph's own local derivatives
        b = sum(
            abs(d) * bound[id(c)]
            for d, c in zip(local, node.inputs, strict=False)
            if id(c) in bound
        )
        if not b and not any(id(c) in bound for c in node.inputs):
            continue  # a constant: it does not move with the leaves
        bound[id(node)] = b
        if node.op in _ONE_SIDED and abs(node.inputs[0].data) <= within * bound.get(
            id(node.inputs[0]), 0.0
        ):
            found.append(node)
    return found


def _tangents(
    output: Value, leaves: Sequence[Value], direction: Sequence[float], within: float
) -> tuple[dict[int, float], list[Value]]:
    """Forward mode along ``direction``: each value's one-sided rate, and the kinks it met.

    A relu or abs whose input is 0, or would reach 0 within a move of x by
    ``within`` along ``direction``, counts as at its kink: its one-sided
    derivative there replaces the convention's 0 (or the slope on x's side).
    """
    tangent = {id(leaf): d for leaf, d in zip(leaves, direction, strict=True)}
    met = []
    for node in graph_order([output]):
        if not node.inputs or id(node) in tangent:
            continue
        ts = [tangent.get(id(child), 0.0) for child in node.inputs]
        if node.op in _ONE_SIDED and abs(node.inputs[0].data) <= within * abs(ts[0]):
            tangent[id(node)] = _ONE_SIDED[node.op](ts[0])
            met.append(node)
        else:
            local = node._local  # the graph's own local derivatives
            tangent[id(node)] = sum(d * t for d, t in zip(local, ts, strict=False) if t)
    return tangent, met


def one_sided_slope(
    output: Value, leaves: Sequence[Value], direction: Sequence[float], within: float = 0.0
) -> tuple[float, list[Value]]:
    """The one-sided derivative of ``output`` as ``leaves`` move along ``direction``.

    Forward mode through the graph, with each kink's one-sided derivative in
    place of the convention's 0: exact for any composition of smooth
    operations, relus and abs (their directional derivatives chain). A kink
    within ``within`` of x along ``direction`` is taken as at x. Also returns
    the kinks that moved along ``direction``.
    """
    tangent, met = _tangents(output, leaves, direction, within)
    return tangent.get(id(output), 0.0), met


def rises_at_least_as_its_gradient(output: Value, at: Sequence[Value]) -> bool:
    """Whether f's one-sided slope from x (or from ``at``'s kinks) along any d is >= ``grad . d``.

    Call after ``output.backward()``, whose gradients reaching each value it
    reads. True when every relu or abs of ``at`` is reached by a gradient
    g >= 0 and feeds no other of them: f is then smooth in x and in those
    outputs, and relu and abs are convex, so f's slope along d is grad . d
    plus, for each, g * (relu'(0; t) - slope) or g * (|t| - slope * t) with
    t its input's rate and slope the local derivative backward() took
    (0 at the kink, else the one on x's side): never below grad . d.
    """
    found = {id(node) for node in at}
    after_a_kink: set[int] = set()  # the kinks and every value computed from one
    nested = False
    for node in graph_order([output]):
        fed = any(id(child) in after_a_kink for child in node.inputs)
        if id(node) in found:
            nested = nested or fed or node.grad < 0.0
            after_a_kink.add(id(node))
        elif fed:
            after_a_kink.add(id(node))
    return not nested
