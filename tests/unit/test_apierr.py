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

import copy
import inspect
import math
import pickle

import pytest

import calcweb
from calcweb import (
    SGD,
    Adagrad,
    Adam,
    AdamW,
    ArgumentTypeError,
    NumericalError,
    RMSprop,
    Value,
    central_difference,
    check,
    hessian,
    minimize,
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


def test_values_compare_by_their_numbers_as_torch_tensors_do() -> None:
    a, b = Value(1.0), Value(2.0)
    assert a < b
    assert b > a
    assert a <= 1
    assert 2.0 >= b  # noqa: SIM300  the float on the left: Value's reflected comparison
    assert max(a, b) is b
    assert sorted([b, a]) == [a, b]
    assert Value(3.0) < math.inf  # best = math.inf; if loss < best: ...
    assert not bool(Value(0.0))
    assert bool(Value(-1e-300))
    assert f"{Value(2.0):.3f}" == "2.000"
    # == stays identity: a graph keeps its values in sets and dicts
    assert Value(0.0) != 0
    assert Value(1.0) != Value(1.0)
    assert len({Value(1.0), Value(1.0)}) == 2
    with pytest.raises(ArgumentTypeError, match="must be a real number"):
        _ = Value(1.0) < "2"


@pytest.mark.parametrize(
    ("use", "said"),
    [
        (float, "float(Value(2.5)) (math.exp(x), math.sin(x) and such call it)"),
        (int, "int(Value(2.5)) would drop the graph"),
        (round, "round(Value(2.5))"),
        (lambda v: round(v, 1), "round(Value(2.5))"),
        (math.exp, "float(Value(2.5))"),
        (math.floor, "math.floor(Value(2.5))"),
        (math.trunc, "math.trunc(Value(2.5))"),
        (lambda v: v % 2, "Value(2.5) % 2: a Value has no % or //"),
        (lambda v: 3 % v, "3 % Value(2.5)"),
        (lambda v: v // 2, "Value(2.5) // 2"),
        (lambda v: divmod(v, 2), "divmod(Value(2.5), 2)"),
    ],
)
def test_converting_a_value_to_a_number_says_use_data(use: object, said: str) -> None:
    with pytest.raises(ArgumentTypeError) as raised:
        use(Value(2.5))  # type: ignore[operator]
    assert said in str(raised.value)
    assert "x.data" in str(raised.value)


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (
            lambda p: Adam(p, lr=0.1, beta1=0.9),
            (
                "Adam got an unknown keyword argument 'beta1' (did you mean betas?); it takes "
                "params, then lr, betas, eps, weight_decay, amsgrad, maximize"
            ),
        ),
        (lambda p: AdamW(p, weight_decy=0.1), "(did you mean weight_decay?)"),
        (
            lambda p: SGD(p, 0.1, momentun=0.9),
            "SGD got an unknown keyword argument 'momentun' (did you mean momentum?)",
        ),
        (
            lambda p: RMSprop(p, learning_rate=0.1),
            "RMSprop got an unknown keyword argument 'learning_rate'; it takes params, then lr,",
        ),
        (
            lambda p: Adagrad(p, 0.1, 0, 0, 0, 1e-10, False, 1),
            "Adagrad cannot take these arguments (too many positional arguments)",
        ),
        (
            lambda _: minimize(lambda x: x * x, 1.0, optimizer="adam", beta1=0.9),
            "(did you mean betas?)",
        ),
    ],
)
def test_a_misspelt_hyper_parameter_names_the_ones_accepted(make: object, said: str) -> None:
    with pytest.raises(ArgumentTypeError) as raised:
        make([Value(1.0)])  # type: ignore[operator]
    assert said in str(raised.value)


def test_optimisers_keep_their_signatures() -> None:
    assert list(inspect.signature(Adam).parameters) == [
        "params", "lr", "betas", "eps", "weight_decay", "amsgrad", "maximize"
    ]  # fmt: skip
    assert inspect.signature(AdamW).parameters["weight_decay"].default == 1e-2
    assert Adam([Value(1.0)], 0.1, (0.8, 0.9)).betas == (0.8, 0.9)


def _deep_graph(depth: int) -> tuple[Value, Value, Value]:
    x, w = Value(1.0), Value(2.0)
    y = x
    for _ in range(depth):
        y = y * 1.0
    return x, w, y * w + x


def test_deepcopy_and_pickle_of_a_deep_graph_keep_it_and_its_leaves() -> None:
    x, w, loss = _deep_graph(20_000)
    pickled = pickle.loads(pickle.dumps([x, w, loss]))  # noqa: S301  our own bytes
    for x2, w2, loss2 in (copy.deepcopy([x, w, loss]), pickled):
        assert loss2.data == 3.0
        assert x2 is not x
        loss2.backward()
        assert (x2.grad, w2.grad) == (3.0, 1.0)  # the copies of the leaves, inside the graph
    assert (x.grad, w.grad) == (0.0, 0.0)
    h = x * 2.0
    h2, top2 = copy.deepcopy([h, h + 1.0])
    assert top2.inputs[0] is h2
    assert copy.copy(top2).inputs[0] is h2
    assert copy.deepcopy(calcweb.MLP(2, [3, 1], seed=0))([1.0, 2.0]).data == (
        calcweb.MLP(2, [3, 1], seed=0)([1.0, 2.0]).data
    )


def test_hessian_at_mixed_scales_uses_the_curve_where_the_line_overflows() -> None:
    for full in (False, True):
        for method in ("auto", "ad"):
            result = hessian(lambda p: p[0] * p[1], method=method, full_output=full)
            got = result([1e160, 1e-160])
            assert (got.value if full else got) == [[0.0, 1.0], [1.0, 0.0]]  # type: ignore[union-attr]
    # Richardson's line still overflows: refused, saying so (not "the domain of f").
    with pytest.raises(NumericalError, match=r"fits where f is finite: .* f overflowed the float"):
        hessian(lambda p: p[0] * p[1], method="richardson")([1e160, 1e-160])


def test_f_returning_inf_is_said_to_overflow_not_to_leave_its_domain() -> None:
    with pytest.raises(NumericalError) as raised:
        central_difference(lambda x: 1e308 * x, 1.0, h=1.0)
    assert str(raised.value).startswith(
        "f(2.0) returned inf, which is not a finite number: f overflowed the float range"
    )
    assert "domain" not in str(raised.value)
