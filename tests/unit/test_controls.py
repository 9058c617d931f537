"""calcweb.slider and calcweb.choice: their defaults, the runner's session, hostile input.

The oracle for a slider's values is exact rational arithmetic (fractions),
independent of the module's decimal arithmetic: a slider's value is the
point ``start + k * step`` nearest the one asked for, ``k`` a whole number
from 0 to ``floor((stop - start) / step)``.
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import math
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hostile_calls import HOSTILE_SCALARS, REFUSED, outcome, steady
from hypothesis import given
from hypothesis import strategies as st

import calcweb
from calcweb import ArgumentTypeError, InvalidArgumentError, choice, slider
from calcweb._controls import Choice, Slider, session

SETTINGS = steady(200)


def exact(x: float) -> Fraction:
    """A float as the decimal it is written as (what a browser's range input reads)."""
    return Fraction(repr(x)) if isinstance(x, float) else Fraction(x)


def grid(start: float, stop: float, step: float) -> list[Fraction]:
    a, b, h = exact(start), exact(stop), exact(step)
    return [a + k * h for k in range(math.floor((b - a) / h) + 1)]


def nearest(points: list[Fraction], x: float) -> Fraction:
    """The point nearest ``x`` (read as the decimal it is written as, as the
    page's slider reads it); of two as near, the one an even number of steps from start."""
    distance = min(abs(p - exact(x)) for p in points)
    ties = [k for k, p in enumerate(points) if abs(p - exact(x)) == distance]
    return points[next((k for k in ties if k % 2 == 0), ties[0])]


# ------------------------------------------------------------------ natively: the defaults


def test_an_int_slider_returns_an_int_and_defaults_to_start() -> None:
    assert slider("n", 1, 9) == 1
    assert type(slider("n", 1, 9)) is int
    assert type(slider("n", 1, 9, value=4)) is int
    assert slider("n", 1, 9, value=4) == 4
    assert slider("n", 0, 10, step=5, value=10) == 10


def test_a_float_anywhere_makes_a_float_slider() -> None:
    assert type(slider("x", 0, 1, step=0.5)) is float
    assert type(slider("x", 0.0, 10)) is float
    assert slider("x", -1.0, 1.0) == -1.0


def test_the_default_value_is_rounded_to_the_nearest_step() -> None:
    assert slider("x", 0.0, 1.0, step=0.1, value=0.33) == 0.3  # not 0.30000000000000004
    assert slider("x", 0.0, 1.0, step=0.3, value=1.0) == 0.9  # the last step below stop
    assert slider("n", 0, 10, step=3, value=5) == 6
    # Halfway between two values: the one an even number of steps from start, as round() does.
    assert slider("n", 0, 10, value=2.5) == 2
    assert slider("n", 0, 3, value=1.5) == 2
    assert slider("x", 0.5, 5.5, step=1.0, value=1.0) == 0.5
    assert slider("x", 0.5, 5.5, step=1.0, value=2.0) == 2.5
    assert slider("x", -3.0, 3.0, value=0.7) == 0.72  # default step: a hundredth of 6


def test_numpy_scalars_are_numbers() -> None:
    np = pytest.importorskip("numpy")
    assert slider("n", np.int64(0), np.int32(5), value=np.int8(2)) == 2
    assert type(slider("n", np.int64(0), np.int32(5))) is int
    assert slider("x", np.float32(0.0), np.float64(1.0), value=0.5) == 0.5


def test_a_choice_returns_the_option_itself() -> None:
    options = [[1], [2]]
    assert choice("list", options) is options[0]
    assert choice("list", options, value=[2]) is options[1]
    assert choice("f", [math.sin, math.cos], value=math.cos) is math.cos
    assert choice("s", "abc" and ("a", "b")) == "a"


@given(
    start=st.integers(-1000, 1000),
    width=st.integers(1, 1000),
    step=st.none() | st.integers(1, 50),
    value=st.none() | st.floats(0, 1),
)
@SETTINGS
def test_an_int_slider_is_on_its_grid(
    start: int, width: int, step: int | None, value: float | None
) -> None:
    stop = start + width
    if step is not None and step > width:
        with pytest.raises(InvalidArgumentError, match="step must be positive and at most"):
            slider("n", start, stop, step=step)
        return
    asked = None if value is None else start + value * width
    got = slider("n", start, stop, step=step, value=asked)
    points = grid(start, stop, step or 1)
    assert type(got) is int
    assert got == (points[0] if asked is None else nearest(points, asked))


DECIMALS = st.sampled_from([0.1, 0.25, 0.01, 0.3, 1.5, 0.001, 2.0, 0.05])


@given(
    start=st.integers(-500, 500).map(lambda k: k / 20),
    width=st.integers(1, 400).map(lambda k: k / 8),
    step=DECIMALS,
    fraction=st.floats(0, 1),
)
@SETTINGS
def test_a_float_slider_is_the_nearest_decimal_step(
    start: float, width: float, step: float, fraction: float
) -> None:
    stop = start + width
    if step > stop - start:
        return
    asked = start + fraction * (stop - start)
    got = slider("x", start, stop, step=step, value=asked)
    assert type(got) is float
    assert got == float(nearest(grid(start, stop, step), asked))
    assert start <= got <= stop


def test_a_value_written_halfway_between_two_steps_goes_to_the_even_one() -> None:
    # 0.05 + 0.75 * 41.0 is written 30.8, halfway between 30.65 (102 steps of 0.3
    # from 0.05) and 30.95 (103 steps); the float 30.8 itself lies 7e-16 above the
    # decimal. The slider reads the value as written, as the page's range input
    # does, so this is a tie and goes to the even step count.
    assert slider("x", 0.05, 41.05, step=0.3, value=0.05 + 0.75 * 41.0) == 30.65
    assert slider("x", 0.05, 41.05, step=0.3, value=30.5) == 30.65  # 101.5 steps: up to 102
    assert slider("x", 0.05, 41.05, step=0.3, value=30.2) == 30.05  # 100.5 steps: down to 100


# ------------------------------------------------------------------ the runner's session


def test_a_session_returns_the_readers_values_and_collects_the_controls() -> None:
    with session({"degree": 7, "f": "cos", "x": 0.3}) as declared:
        assert slider("degree", 1, 9, value=3) == 7
        assert choice("f", ["sin", "cos"]) == "cos"
        assert slider("x", 0.0, 1.0, step=0.1) == 0.3
        assert slider("new", 0.0, 2.0, value=1.0) == 1.0  # no value from the page yet
    assert declared == [
        Slider("degree", 1, 9, 1, 7),
        Choice("f", ("sin", "cos"), "cos"),
        Slider("x", 0.0, 1.0, 0.1, 0.3),
        Slider("new", 0.0, 2.0, 0.02, 1.0),
    ]
    assert declared[0].as_dict() == {
        "kind": "slider",
        "label": "degree",
        "start": 1,
        "stop": 9,
        "step": 1,
        "value": 7,
    }
    assert declared[1].as_dict() == {
        "kind": "choice",
        "label": "f",
        "options": ["sin", "cos"],
        "value": "cos",
    }
    assert slider("degree", 1, 9, value=3) == 3  # the session is over


def test_values_that_no_longer_fit_fall_back() -> None:
    # After an edit the page still holds the old values: a number outside the
    # new range is clamped, an option that is gone gives the default.
    values = {"n": 50, "x": -7.5, "f": "tan", "g": 3, "m": True, "y": math.nan, "z": "0.5"}
    with session(values) as declared:
        assert slider("n", 0, 10, value=4) == 10
        assert slider("x", 0.0, 1.0, step=0.1, value=0.5) == 0.0
        assert choice("f", ["sin", "cos"], value="cos") == "cos"
        assert choice("g", ["sin", "cos"]) == "sin"  # a number is no option's text
        assert slider("m", 0, 3, value=2) == 2  # a bool is not a number
        assert slider("y", 0.0, 1.0, value=0.25) == 0.25
        assert slider("z", 0.0, 1.0, value=0.25) == 0.25  # a str is not a number
        assert slider("n2", 0, 10, value=4) == 4
    assert [control.value for control in declared] == [10, 0.0, "cos", "sin", 2, 0.25, 0.25, 4]
    with session({"n": 3.6}):
        assert slider("n", 0, 10) == 4  # rounded to the step, an int
        assert type(slider("n", 0, 10)) is int


def test_the_same_label_twice_is_one_control_unless_it_differs() -> None:
    with session({"k": 2}) as declared:
        assert [slider("k", 0, 5) for _ in range(3)] == [2, 2, 2]  # in a loop: one control
        with pytest.raises(InvalidArgumentError, match="'k' names two different controls"):
            slider("k", 0, 6)
        with pytest.raises(InvalidArgumentError, match="a slider and a choice"):
            choice("k", ["a"])
        with pytest.raises(InvalidArgumentError, match="two different controls"):
            slider("k", 0, 5, value=1)  # another default
        choice("c", ["a", "b"])
        with pytest.raises(InvalidArgumentError, match="two different controls"):
            choice("c", ["a", "b", "c"])
    assert declared == [Slider("k", 0, 5, 1, 2), Choice("c", ("a", "b"), "a")]
    slider("k", 0, 5)  # natively, no session: nothing to compare with
    slider("k", 0, 6)


def test_a_session_ends_when_the_run_raises_and_sessions_nest() -> None:
    def run() -> None:
        with session({"n": 3}):
            assert slider("n", 0, 5) == 3
            _ = 1 / 0

    with pytest.raises(ZeroDivisionError):
        run()
    assert slider("n", 0, 5) == 0
    with session({"n": 1}) as outer:
        with session({"n": 4}) as inner:
            assert slider("n", 0, 5) == 4
        assert slider("n", 0, 5) == 1
    assert [c.value for c in outer] == [1]
    assert [c.value for c in inner] == [4]


def test_the_runner_protocol_round_trips_through_json() -> None:
    with session(json.loads('{"x": 0.7, "n": 3}')) as declared:
        slider("x", 0.0, 1.0, step=0.1)
        slider("n", 1, 5)
    sent = json.loads(json.dumps([control.as_dict() for control in declared]))
    assert sent == [
        {"kind": "slider", "label": "x", "start": 0.0, "stop": 1.0, "step": 0.1, "value": 0.7},
        {"kind": "slider", "label": "n", "start": 1, "stop": 5, "step": 1, "value": 3},
    ]


RUNNER = Path(__file__).resolve().parents[2] / "docs" / "javascripts" / "calcweb_runner.py"


@pytest.mark.skipif(
    sys.platform == "emscripten" or not RUNNER.exists(),
    reason="natively, beside the site's sources (Pyodide's loop cannot block for asyncio.run)",
)
def test_the_browser_runner_passes_values_in_and_controls_out() -> None:
    spec = importlib.util.spec_from_file_location("calcweb_runner", RUNNER)
    assert spec is not None
    assert spec.loader is not None
    runner = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(runner)
    code = (
        "import calcweb\nn = calcweb.slider('n', 1, 9)\nf = calcweb.choice('f', ['a', 'b'])\nf * n"
    )
    reply = asyncio.run(runner.run("page", code, "<cell 1>", '{"n": 4, "f": "b"}'))
    assert reply["ok"]
    assert reply["display"] == [{"mime": "text/plain", "data": "'bbbb'"}]
    assert reply["controls"] == [
        {"kind": "slider", "label": "n", "start": 1, "stop": 9, "step": 1, "value": 4},
        {"kind": "choice", "label": "f", "options": ["a", "b"], "value": "b"},
    ]
    failed = asyncio.run(runner.run("page", code + " / 0", "<cell 1>", "{}"))
    assert not failed["ok"]
    assert "TypeError" in failed["error"]
    assert [control["value"] for control in failed["controls"]] == [1, "a"]  # kept on error


# ------------------------------------------------------------------ refusals


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: slider(3, 0, 1), ArgumentTypeError, "label must be a str"),  # type: ignore[arg-type]
        (lambda: slider("  ", 0, 1), InvalidArgumentError, "label must name the control"),
        (lambda: slider("x", 1, 1), InvalidArgumentError, "start must be smaller than stop"),
        (lambda: slider("x", 2.0, 1.0), InvalidArgumentError, "start must be smaller than stop"),
        (lambda: slider("x", 0, math.inf), InvalidArgumentError, "stop must be a finite number"),
        (lambda: slider("x", math.nan, 1), InvalidArgumentError, "start must be a finite number"),
        (lambda: slider("x", True, 5), ArgumentTypeError, "a bool is not a number"),
        (lambda: slider("x", 0, 5, value=False), ArgumentTypeError, "a bool is not a number"),
        (lambda: slider("x", "0", 5), ArgumentTypeError, "start must be a real number"),  # type: ignore[arg-type]
        (lambda: slider("x", 0, Decimal(5)), ArgumentTypeError, "convert it with float"),  # type: ignore[arg-type]
        (lambda: slider("x", 0, 5, step=0), InvalidArgumentError, "step must be positive"),
        (lambda: slider("x", 0, 5, step=-1), InvalidArgumentError, "step must be positive"),
        (lambda: slider("x", 0, 5, step=6), InvalidArgumentError, "at most stop - start = 5"),
        (lambda: slider("x", 0.0, 1.0, step=math.nan), InvalidArgumentError, "finite"),
        (lambda: slider("x", 0, 5, value=6), InvalidArgumentError, "outside the slider's range"),
        (lambda: slider("x", 0, 5, value=-0.5), InvalidArgumentError, "outside the slider's"),
        (lambda: slider("x", 0, 2**60), InvalidArgumentError, "beyond 2**53"),
        (lambda: slider("x", 0, 10**400), InvalidArgumentError, "beyond 2**53"),
        (lambda: slider("x", 1.0, 1.0 + 2e-16), InvalidArgumentError, "too narrow"),
        (lambda: slider("x", 0.0, 5e-324), InvalidArgumentError, "too narrow"),
        (lambda: choice("f", []), InvalidArgumentError, "options is empty"),
        (lambda: choice("f", "abc"), ArgumentTypeError, "options must be a list"),
        (lambda: choice("f", 3), ArgumentTypeError, "options must be a list"),  # type: ignore[call-overload]
        (lambda: choice("f", [1, "1"]), InvalidArgumentError, "shown alike"),
        (
            lambda: choice("f", ["a", "b"], value="c"),
            InvalidArgumentError,
            "not one of the options",
        ),
        (lambda: choice(None, ["a"]), ArgumentTypeError, "label must be a str"),  # type: ignore[arg-type]
        (lambda: choice("", ["a"]), InvalidArgumentError, "label must name the control"),
    ],
)
def test_wrong_arguments_say_how_to_fix_them(call: object, error: type, words: str) -> None:
    with pytest.raises(error, match=words.replace("*", r"\*")) as raised:
        call()  # type: ignore[operator]
    assert isinstance(raised.value, calcweb.CalcwebError)


# ------------------------------------------------------------------ hostile input

SPECIAL = [
    *HOSTILE_SCALARS,
    [1.0],
]
hostile = st.sampled_from(SPECIAL) | st.floats() | st.integers()


@given(
    start=hostile,
    stop=hostile,
    step=st.none() | hostile,
    value=st.none() | hostile,
    supplied=st.none() | hostile,
)
@SETTINGS
def test_hostile_sliders_give_a_number_in_range_or_a_clear_error(
    start: object, stop: object, step: object, value: object, supplied: object
) -> None:
    def call() -> object:
        with session({} if supplied is None else {"x": supplied}) as declared:
            got = slider("x", start, stop, step=step, value=value)  # type: ignore[arg-type]
        assert len(declared) == 1
        assert declared[0].value == got
        return got

    got = outcome(call)
    if got is REFUSED:
        return
    assert isinstance(got, (int, float))
    assert not isinstance(got, bool)
    assert float(start) <= got <= float(stop)  # type: ignore[arg-type]
    assert math.isfinite(got)


@given(
    options=st.lists(st.sampled_from(SPECIAL), max_size=4) | st.sampled_from(SPECIAL),
    value=st.none() | st.sampled_from(SPECIAL),
    supplied=st.none() | st.sampled_from(SPECIAL) | st.sampled_from(["nan", "inf", "1"]),
)
@SETTINGS
def test_hostile_choices_give_an_option_or_a_clear_error(
    options: object, value: object, supplied: object
) -> None:
    def call() -> object:
        with session({} if supplied is None else {"f": supplied}):
            return choice("f", options, value=value)  # type: ignore[call-overload]

    got = outcome(call)
    if got is REFUSED:
        return
    assert isinstance(options, list)
    assert any(got is option for option in options)
