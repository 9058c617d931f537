"""What an outsider found answered wrongly or raised bare (OUTSIDER3), fixed (session 23, APIERR).

- check compared the numbers only, so ``[[1.0, 2.0]]`` was "Correct" for ``[1.0, 2.0]``,
  and ``[1.0]`` for ``1.0``: it now compares shapes and says which was asked for.
- Value: ``<``, ``>``, ``max``, ``sorted`` raised bare TypeErrors; they compare ``data``
  as torch's one-element tensors do. ``float``, ``int``, ``round``, ``math.exp`` of a
  Value, ``%`` and ``//`` say to use ``v.data`` (a plain number would drop the graph).
  ``bool(Value(0.0))`` was True; it is False, as in torch. ``==`` stays identity.
- ``Adam(params, beta1=0.9)``: a bare TypeError; now a calcweb error naming the keywords
  and the one meant.
- ``copy.deepcopy`` and ``pickle`` of a 20,000-deep graph: RecursionError.
- ``hessian(p0 * p1)`` at ``[1e160, 1e-160]`` (H = [[0, 1], [1, 0]]) was refused as "a
  Taylor coefficient overflowed": the line along e0 + e1 is scaled to the larger
  coordinate, and its second derivative, 2 * 2**1062, overflows; ``f(x)`` returning inf
  was called leaving the domain.
"""

from __future__ import annotations

import pytest

from calcweb import (
    ArgumentTypeError,
    Value,
    check,
)


@pytest.mark.parametrize(
    ("answer", "expected", "said"),
    [
        ([[1.0, 2.0]], [1.0, 2.0], "a 1x2 nested list, the exercise asks for a list of 2 numbers"),
        ([1.0, [2.0]], [1.0, 2.0], "a ragged list (it holds numbers beside lists)"),
        ([[1.0, 2.0], [3.0, 4.0]], [1.0, 2.0, 3.0, 4.0], "a 2x2 nested list"),
        ([1.0, 2.0, 3.0, 4.0], [[1.0, 2.0], [3.0, 4.0]], "asks for a 2x2 nested list"),
        ([1.0], 1.0, "a list of 1 number, the exercise asks for a single number"),
        (1.0, [1.0], "a single number, the exercise asks for a list of 1 number"),
        ([[1.0], [], [2.0]], [1.0, 2.0], "a ragged list (its lists differ in length)"),
        ([[1.0], [2.0, 3.0]], [[1.0, 2.0], [3.0]], "your answer's lists nest differently"),
        ({1.0}, [1.0], "a set, which has no order; write a list"),
    ],
)
def test_an_answer_of_the_wrong_shape_is_told_the_shape_asked_for(
    answer: object, expected: object, said: str
) -> None:
    result = check(answer, expected)
    assert not result
    assert said in result.message


def test_answers_of_the_right_shape_still_pass_in_any_container() -> None:
    np = pytest.importorskip("numpy")
    assert check((1, 2), [1.0, 2.0])
    assert check(np.eye(2), [[1.0, 0.0], [0.0, 1.0]])
    assert check([Value(1.0), np.float64(2.0)], [1.0, 2.0])
    assert check(np.array(3.0), 3.0)
    assert repr(check([[1, 0], [0, 1]], [[1.0, 0.0], [0.0, 1.0]])) == (
        "✓ Correct: [[1.0, 0.0], [0.0, 1.0]] matches the expected value."
    )
    with pytest.raises(ArgumentTypeError, match="has no order"):
        check([1.0], {1.0})
