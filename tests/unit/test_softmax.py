"""softmax, log_softmax and binary_cross_entropy_with_logits: torch's answers, exact gradients.

Three oracles: torch's own values and gradients (recorded by
tests/torch_reference/record_torch.py into tests/data/torch_products.json),
finite differences of the float functions (written here, independent of
calcweb), and mpmath at 50 digits for the values.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hostile_calls import REFUSED, outcome
from hypothesis import given
from hypothesis import strategies as st
from test_nn_robust import (
    REDUCTIONS,
    SETTINGS,
    check_gradients,
    pairs_problems,
    reduce,
    reduction_problem,
    scalars,
    sequences,
)

import calcweb
from calcweb import (
    ArgumentTypeError,
    DomainError,
    InvalidArgumentError,
    Jet,
    NumericalError,
    Value,
    binary_cross_entropy_with_logits,
    log_softmax,
    softmax,
)

DATA = json.loads(
    (Path(__file__).resolve().parents[1] / "data" / "torch_products.json").read_text("utf-8")
)
EPS = sys.float_info.epsilon


def flat(rows: Any) -> list[Any]:
    """A 2-D list as one list; a 1-D list as it is."""
    return [v for row in rows for v in (row if isinstance(row, list) else [row])]


def as_values(logits: Any) -> Any:
    return [as_values(row) for row in logits] if isinstance(logits, list) else Value(logits)


def case_id(case: dict[str, Any]) -> str:
    return f"{case['logits']}-dim{case['dim']}"[:60]


# ---------------------------------------------------------------- torch


def test_the_torch_data_has_batches_both_dims_and_logits_of_1000() -> None:
    cases = DATA["softmax"]
    assert {c["dim"] for c in cases} == {-1, 0}
    assert any(isinstance(c["logits"][0], list) for c in cases)
    assert any(1000.0 in flat(c["logits"]) and -1000.0 in flat(c["logits"]) for c in cases)
    assert DATA["meta"]["torch"].startswith("2.13.0")


@pytest.mark.parametrize("name", ["softmax", "log_softmax"])
@pytest.mark.parametrize("case", DATA["softmax"], ids=case_id)
def test_values_and_gradients_match_torch(case: dict[str, Any], name: str) -> None:
    # torch's CPU kernel computes exp with its vectorised (Sleef) exp, sums the
    # n exponentials in the order of its vector lanes and multiplies by 1/sum;
    # calcweb uses libm's exp, a correctly rounded sum (fsum) and one division.
    # Each of the n exponentials may differ by an ulp and a sum of n positive
    # terms rounds by at most (n - 1) eps, so the two agree to (n + 4) eps
    # relative to the result (softmax) or to max(1, |result|) (log_softmax, a
    # difference that can cancel); the gradients to (n + 4) eps times the
    # largest upstream weight. Measured worst: 1.5, 7.3 and 1.2 eps.
    torch_case = case[name]
    z = as_values(case["logits"])
    out = getattr(calcweb, name)(z, case["dim"])
    n = len(flat(case["logits"]))  # at least the length of each row or column
    tolerance = (n + 4) * EPS
    for ours, theirs in zip(flat(out), flat(torch_case["value"]), strict=True):
        scale = abs(theirs) if name == "softmax" else max(1.0, abs(theirs))
        assert abs(ours.data - theirs) <= tolerance * scale, (ours.data, theirs)
    weights = flat(torch_case["weights"])
    total = Value(0.0)
    for w, o in zip(weights, flat(out), strict=True):
        total = total + w * o
    total.backward()
    largest = max(abs(w) for w in weights)
    for ours, theirs in zip(flat(z), flat(torch_case["grads"]), strict=True):
        assert abs(ours.grad - theirs) <= tolerance * largest, (ours.grad, theirs)


def test_at_logits_of_1000_softmax_and_log_softmax_equal_torch_bit_for_bit() -> None:
    # Here every exponential is exactly 1 or 0, so no rounding differs.
    for case in DATA["softmax"]:
        logits = flat(case["logits"])
        if not all(abs(z) == 1000.0 for z in logits):
            continue
        for name in ("softmax", "log_softmax"):
            assert flat(getattr(calcweb, name)(case["logits"], case["dim"])) == flat(
                case[name]["value"]
            )


def bce_id(case: dict[str, Any]) -> str:
    soft = "soft" if any(0.0 < y < 1.0 for y in case["targets"]) else "hard"
    return f"{soft}-{case['reduction']}"


@pytest.mark.parametrize("case", DATA["bce_with_logits"], ids=bce_id)
def test_binary_cross_entropy_with_logits_matches_torch(case: dict[str, Any]) -> None:
    xs, ys, reduction = case["logits"], case["targets"], case["reduction"]
    leaves = [Value(x) for x in xs]
    loss = binary_cross_entropy_with_logits(leaves, ys, "sum" if reduction == "none" else reduction)
    loss.backward()
    grads = [v.grad for v in leaves]
    if reduction == "mean":
        # torch divides sigma(x) - y by n; calcweb multiplies by the rounded 1/n
        # (as for every loss): one rounding each, at most one ulp apart.
        for ours, theirs in zip(grads, case["grads"], strict=True):
            assert abs(ours - theirs) <= math.ulp(theirs), (ours, theirs)
    else:  # sigma(x) - y in torch's own arithmetic: equal
        assert grads == case["grads"]
    # torch computes each term as (1 - y) x - log(sigmoid(x)), two terms of size
    # |x| that cancel where the loss is small (x = -40, y = 0 gives torch 0.0,
    # the loss being 4.2e-18); calcweb's max(x, 0) - x y + log1p(exp(-|x|))
    # does not cancel. So the two agree to a few eps times |x| + 1 per term
    # (mpmath checks calcweb's to 4 eps relative below).
    terms = [
        binary_cross_entropy_with_logits([x], [y], "sum").data for x, y in zip(xs, ys, strict=True)
    ]
    bound = [4 * EPS * (abs(x) + 1.0) for x in xs]
    if reduction == "none":
        for ours, theirs, b in zip(terms, case["value"], bound, strict=True):
            assert abs(ours - theirs) <= b, (ours, theirs)
    else:
        scale = 1.0 / len(xs) if reduction == "mean" else 1.0
        assert abs(loss.data - case["value"]) <= sum(bound) * scale + 2 * EPS * abs(case["value"])


def test_at_logits_of_0_and_1000_the_loss_and_its_gradient_equal_torch_bit_for_bit() -> None:
    for case in DATA["bce_with_logits"]:
        if case["reduction"] != "none":
            continue
        for x, y, value, grad in zip(
            case["logits"], case["targets"], case["value"], case["grads"], strict=True
        ):
            if x in (0.0, 1000.0, -1000.0):
                leaf = Value(x)
                loss = binary_cross_entropy_with_logits([leaf], [y], "sum")
                loss.backward()
                assert (loss.data, leaf.grad) == (value, grad), x


# ---------------------------------------------------------------- mpmath


def test_values_agree_with_50_digit_arithmetic() -> None:
    mpmath = pytest.importorskip("mpmath", reason="mpmath is an optional oracle")
    mpmath.mp.dps = 50
    rows = [[0.3, -1.2, 2.5, 0.0], [1000.0, -1000.0, 999.0], [1e-3, 2e-3], [-30.0, 30.0, 5.0]]
    for row in rows:
        exact = [mpmath.mpf(z) for z in row]
        norm = mpmath.log(mpmath.fsum(mpmath.exp(z) for z in exact))
        for ours, z in zip(softmax(row), exact, strict=True):
            assert abs(ours - float(mpmath.exp(z - norm))) <= 4 * EPS * abs(ours) + 1e-300
        for ours, z in zip(log_softmax(row), exact, strict=True):
            assert abs(ours - float(z - norm)) <= 4 * EPS * max(1.0, abs(ours))
    for x in (-1000.0, -40.0, -4.6, -1e-8, 0.0, 0.3, 2.0, 40.0, 1000.0, 1e300, -1e300):
        for y in (0.0, 1.0, 0.25):
            mx = mpmath.mpf(x)
            expected = mx * (1 - y) + mpmath.log1p(mpmath.exp(-mx)) if x > -700 else -mx * y
            ours = binary_cross_entropy_with_logits(x, y, "sum").data
            assert abs(ours - float(expected)) <= 4 * EPS * abs(float(expected)) + 1e-300, (x, y)


# ---------------------------------------------------------------- finite differences


def central(f: Callable[[float], float], x: float, h: float = 1e-4) -> float:
    """A five-point central difference: error ~ h**4 f^(5) + eps / h."""
    return (f(x - 2 * h) - 8 * f(x - h) + 8 * f(x + h) - f(x + 2 * h)) / (12 * h)


ROWS = [[0.3, -1.2, 2.5, 0.0], [1.0], [4.0, 4.0], [-2.0, 0.5, 1.5]]


@pytest.mark.parametrize("row", ROWS)
@pytest.mark.parametrize("name", ["softmax", "log_softmax"])
def test_every_partial_derivative_agrees_with_finite_differences(
    row: list[float], name: str
) -> None:
    fn = getattr(calcweb, name)
    for i in range(len(row)):
        z = [Value(v) for v in row]
        fn(z)[i].backward()
        for j in range(len(row)):

            def along(t: float, i: int = i, j: int = j) -> float:
                moved = [v + t if k == j else v for k, v in enumerate(row)]
                return float(fn(moved)[i])

            assert math.isclose(z[j].grad, central(along, 0.0), abs_tol=1e-9), (i, j)


def test_the_gradient_of_log_softmax_is_one_hot_minus_softmax() -> None:
    z = [Value(0.3), Value(-1.2), Value(2.5)]
    log_softmax(z)[2].backward()
    s = softmax([0.3, -1.2, 2.5])
    # 1 - s_2 as the others' sum (session 27): 0.11935138701971054, where 1.0 - s[2]
    # gave ...1060 for mpmath's 0.1193513870197105506.
    assert [v.grad for v in z] == [-s[0], -s[1], s[0] + s[1]]


@pytest.mark.parametrize("x", [-30.0, -3.0, -0.5, 0.0, 0.7, 4.0, 30.0])
@pytest.mark.parametrize("y", [0.0, 1.0, 0.3])
def test_bce_with_logits_gradient_agrees_with_finite_differences(x: float, y: float) -> None:
    leaf = Value(x)
    binary_cross_entropy_with_logits(leaf, y).backward()

    def loss(t: float) -> float:
        return binary_cross_entropy_with_logits(t, y).data

    assert math.isclose(leaf.grad, central(loss, x), abs_tol=1e-9)
    assert math.isclose(leaf.grad, 1 / (1 + math.exp(-x)) - y, rel_tol=1e-15, abs_tol=1e-17)


def test_bce_with_logits_is_bce_of_the_sigmoid_where_that_is_accurate() -> None:
    xs, ys = [0.3, -1.2, 2.0], [1.0, 0.0, 0.4]
    a = [Value(x) for x in xs]
    b = [Value(x) for x in xs]
    with_logits = binary_cross_entropy_with_logits(a, ys)
    plain = calcweb.binary_cross_entropy([v.sigmoid() for v in b], ys)
    assert math.isclose(with_logits.data, plain.data, rel_tol=1e-14)
    with_logits.backward()
    plain.backward()
    for u, v in zip(a, b, strict=True):
        assert math.isclose(u.grad, v.grad, rel_tol=1e-12)


# ---------------------------------------------------------------- stability and shapes


@pytest.mark.parametrize("big", [1000.0, 1e300])
def test_huge_logits_neither_overflow_nor_give_nan(big: float) -> None:
    assert softmax([big, -big]) == [1.0, 0.0]
    assert softmax([big, big]) == [0.5, 0.5]
    assert log_softmax([big, big]) == [-math.log(2), -math.log(2)]
    assert log_softmax([1000.0, -1000.0]) == [0.0, -2000.0]
    z = [Value(big), Value(-big)]
    log_softmax(z)[1].backward()
    assert [v.grad for v in z] == [-1.0, 1.0]
    x = [Value(big), Value(-big)]
    loss = binary_cross_entropy_with_logits(x, [0.0, 1.0], reduction="sum")
    assert loss.data == 2 * big
    loss.backward()
    assert [v.grad for v in x] == [1.0, -1.0]


def test_logits_further_apart_than_a_float_give_an_error_for_log_softmax_only() -> None:
    assert softmax([1e308, -1e308]) == [1.0, 0.0]
    with pytest.raises(NumericalError, match="apart"):
        log_softmax([1e308, -1e308])


def test_batches_follow_torchs_dim() -> None:
    rows = [[1.0, 2.0, 3.0], [0.0, 0.0, 5.0]]
    assert softmax(rows) == [softmax(r) for r in rows]
    assert softmax(rows, dim=1) == softmax(rows, dim=-1) == softmax(rows)
    columns = [softmax([a, b]) for a, b in zip(*rows, strict=True)]
    assert softmax(rows, dim=0) == [list(r) for r in zip(*columns, strict=True)]
    assert softmax(rows, dim=-2) == softmax(rows, dim=0)
    assert softmax((1.0, 2.0), dim=0) == softmax([1.0, 2.0])
    for row in softmax(rows):
        assert math.isclose(math.fsum(row), 1.0, rel_tol=4 * EPS)


def test_numbers_give_floats_values_give_values_jets_give_jets() -> None:
    assert all(type(p) is float for p in softmax([1, 2.0]))
    mixed = softmax([Value(1.0), 2.0])
    assert all(isinstance(p, Value) for p in mixed)
    assert [p.data for p in mixed] == softmax([1.0, 2.0])
    jets = log_softmax([Jet([1.0, 1.0]), 2.0])
    assert all(isinstance(p, Jet) for p in jets)
    assert [j.coefficients[0] for j in jets] == pytest.approx(log_softmax([1.0, 2.0]), rel=1e-15)
    z = [Value(1.0), Value(2.0)]
    log_softmax(z)[0].backward()
    assert jets[0].coefficients[1] == pytest.approx(z[0].grad, rel=1e-15)


# ---------------------------------------------------------------- hostile inputs


@pytest.mark.parametrize(
    ("call", "error", "needle"),
    [
        (lambda: softmax(3.0), ArgumentTypeError, "list of logits"),
        (lambda: softmax(Value(1.0)), ArgumentTypeError, "for one logit write"),
        (lambda: softmax("abc"), ArgumentTypeError, "list of logits"),
        (lambda: softmax(None), ArgumentTypeError, "list of logits"),
        (lambda: softmax([]), InvalidArgumentError, "empty"),
        (lambda: softmax([[]]), InvalidArgumentError, "empty"),
        (
            lambda: log_softmax([(), ()], dim=0),
            InvalidArgumentError,
            "row 0 of the logits is empty",
        ),
        (lambda: softmax([1.0, math.nan]), InvalidArgumentError, "finite"),
        (lambda: log_softmax([math.inf, 1.0]), InvalidArgumentError, "finite"),
        (lambda: softmax(["a"]), ArgumentTypeError, "numbers or Values"),
        (lambda: softmax([1.0, [2.0]]), ArgumentTypeError, "not all lists"),
        (lambda: softmax([[1.0], [1.0, 2.0]]), InvalidArgumentError, "different lengths"),
        (lambda: softmax([1.0], dim=1), InvalidArgumentError, r"\[-1, 0\]"),
        (lambda: softmax([[1.0]], dim=2), InvalidArgumentError, r"\[-2, 1\]"),
        (lambda: softmax([1.0], dim=0.0), ArgumentTypeError, "dim must be an int"),
        (lambda: softmax([1.0], dim=True), ArgumentTypeError, "dim must be an int"),
        (lambda: softmax([Value(1.0), Jet([1.0, 1.0])]), ArgumentTypeError, "mixes"),
        (lambda: softmax([[[1.0]]]), ArgumentTypeError, "numbers or Values"),
        (lambda: binary_cross_entropy_with_logits([1.0], [2.0]), DomainError, r"\[0, 1\]"),
        (
            lambda: binary_cross_entropy_with_logits([1.0, 2.0], [1.0]),
            InvalidArgumentError,
            "2 logits",
        ),
        (lambda: binary_cross_entropy_with_logits([], []), InvalidArgumentError, "at least one"),
        (
            lambda: binary_cross_entropy_with_logits([math.nan], [1.0]),
            InvalidArgumentError,
            "finite",
        ),
        (
            lambda: binary_cross_entropy_with_logits(["1"], [1.0]),
            ArgumentTypeError,
            "numbers or Values",
        ),
        (
            lambda: binary_cross_entropy_with_logits([1.0], [1.0], "none"),
            InvalidArgumentError,
            "reduction",
        ),
        (
            lambda: binary_cross_entropy_with_logits([1.7e308, 1.7e308], [0.0, 0.0], "sum"),
            NumericalError,
            "overflows",
        ),
    ],
)
def test_hostile_inputs_get_a_calcweb_error_that_says_what_to_do(
    call: Callable[[], object], error: type[Exception], needle: str
) -> None:
    with pytest.raises(error, match=needle):
        call()


def test_numpy_arrays_are_logits() -> None:
    np = pytest.importorskip("numpy", reason="numpy is an optional oracle (absent in Pyodide)")
    assert softmax(np.array([1.0, 2.0])) == softmax([1.0, 2.0])
    assert softmax(np.array([[1.0, 2.0], [3.0, 3.0]]), dim=0) == softmax(
        [[1.0, 2.0], [3.0, 3.0]], 0
    )
    assert log_softmax([np.float32(1.0), np.int64(2)], dim=np.int64(0)) == log_softmax([1.0, 2.0])
    loss = binary_cross_entropy_with_logits(np.array([0.5, -1.0]), np.array([1.0, 0.0]))
    assert loss.data == binary_cross_entropy_with_logits([0.5, -1.0], [1.0, 0.0]).data


# ---------------------------------------------------------------- property: hostile or right


@SETTINGS
@given(
    sequences(st.one_of(scalars(), st.sampled_from([1000.0, -1000.0, 1e300]))),
    sequences(st.one_of(st.sampled_from([0.0, 1.0, 0.5, 1, 0, 2.0, -0.5]), scalars())),
    REDUCTIONS,
)
def test_bce_with_logits_is_right_or_refused(
    logits: object, targets: object, reduction: object
) -> None:
    got = outcome(lambda: binary_cross_entropy_with_logits(logits, targets, reduction))
    pairs, problems = pairs_problems(logits, targets)
    problems |= reduction_problem(reduction)
    if any(not 0 <= y <= 1 for _, _, y in pairs):
        problems.add(DomainError)
    if got is REFUSED:
        assert problems or any(abs(x) > 1e307 for _, x, _ in pairs), (logits, targets)
        return
    assert not problems, (problems, got)
    n = len(pairs) if reduction == "mean" else 1
    terms = [max(x, 0.0) - x * y + math.log1p(math.exp(-abs(x))) for _, x, y in pairs]
    assert math.isclose(got.data, reduce(terms, str(reduction)), rel_tol=1e-12)
    check_gradients(got, [(v, (0.5 * (1 + math.tanh(x / 2)) - y) / n) for v, x, y in pairs])


rows = st.lists(
    st.one_of(st.floats(-1e3, 1e3), st.floats(-5.0, 5.0).map(Value), st.integers(-3, 3)),
    min_size=1,
    max_size=4,
)


@SETTINGS
@given(
    st.one_of(rows, st.lists(rows, min_size=1, max_size=3), sequences(scalars())),
    st.sampled_from([-1, 0, 1, -2, 2, None, 1.0]),
    st.booleans(),
)
def test_softmax_is_right_or_refused(logits: Any, dim: object, log: bool) -> None:
    fn = log_softmax if log else softmax
    got = outcome(lambda: fn(logits, -1 if dim is None else dim))
    if got is REFUSED:
        return  # hostile_calls.outcome checked it is a CalcwebError that says what to do
    batch = isinstance(got[0], list)
    table = [list(r) for r in logits] if batch else [list(logits)]
    if batch and dim in (0, -2):
        table = [list(c) for c in zip(*table, strict=True)]
    out = [list(c) for c in zip(*got, strict=True)] if batch and dim in (0, -2) else got
    out = out if batch else [out]
    for row, result in zip(table, out, strict=True):
        z = [v.data if isinstance(v, Value) else float(v) for v in row]
        m = max(z)
        total = math.fsum(math.exp(v - m) for v in z)
        for zi, r in zip(z, result, strict=True):
            value = r.data if isinstance(r, Value) else r
            expected = (zi - m) - math.log(total) if log else math.exp(zi - m) / total
            assert math.isclose(value, expected, rel_tol=1e-13, abs_tol=1e-300)
