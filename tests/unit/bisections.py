"""A function given as a Python loop: x with x**3 + x = y, by bisection.

Taylor mode through it takes the branch of each comparison (session 22, OUTSIDER2's
L2): its derivative is the last branch's, not x'(y) = 1/(3 x**2 + 1).
"""

from __future__ import annotations


def inverse_by_bisection(y: object, *, bracket_on_y: bool) -> object:
    """x with x**3 + x = y, by 200 halvings (pure arithmetic and one comparison).

    ``bracket_on_y``: the bracket is y +- 10, so a jet y carries its slope into it;
    else [-10, 10] in floats, and f returns a float.
    """
    lo, hi = (y - 10.0, y + 10.0) if bracket_on_y else (-10.0, 10.0)  # type: ignore[operator]
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if mid**3 + mid < y:
            lo = mid
        else:
            hi = mid
    return 0.5 * (lo + hi)
