"""REVIEW11: statements in messages and docstrings of session 25 that a run showed false."""

from __future__ import annotations

import importlib.util
import math
import re
import sys
from pathlib import Path

import pytest

import calcweb.limits as limits_module
from calcweb import (
    DomainError,
    InvalidArgumentError,
    NumericalError,
    derivative,
    limit,
    minimize,
)
from calcweb import abs as cw_abs
from calcweb import exp as cw_exp
from calcweb.nn.losses import binary_cross_entropy_with_logits, cross_entropy
from calcweb.plot import Figure

LIMITS = Path(limits_module.__file__)  # the installed one, in Pyodide too


def words(text: str) -> str:
    return " ".join(text.split())


def _source_text() -> str:
    """limits.py with its implicitly concatenated string literals joined."""
    return re.sub(r'"\s*\n\s*f?"', "", LIMITS.read_text(encoding="utf-8"))


def _cited_bounds() -> list[float]:
    """Each bound B of "exp(t) - 1 [- t is exactly -t] for |t| < B" the messages cite."""
    found = re.findall(
        r"exp\(t\) - 1 (?:- t is exactly -t )?for \|t\| < ([0-9.e-]+)\)", _source_text()
    )
    return [float(bound) for bound in found]


def test_the_messages_cite_exp_t_rounding_to_1_where_it_does() -> None:
    # exp(-9e-17) is 1 - 1.1e-16, not 1: below 1 the floats are twice as dense, and
    # exp(t) rounds to 1 only for -5.55e-17 < t < 1.11e-16. "|t| < 1e-16" was false.
    bounds = _cited_bounds()
    assert len(bounds) >= 8, bounds
    for bound in bounds:
        for t in (bound * 0.999, -bound * 0.999, bound * 0.5, -bound * 0.5):
            assert math.exp(t) - 1.0 == 0.0, (bound, t)
            assert math.exp(t) - 1.0 - t == -t, (bound, t)


def test_a_growth_that_turns_back_names_the_larger_sample_it_turned_from() -> None:
    # The refusal said f grew "to 3.28326e+06" and "closer still ... it is 1.06269e+07:
    # it turns back": larger, not back. It fell from 1.0749e+07 at the sample before.
    message = words(
        limit(lambda x: math.log(x) ** 3 / x**0.005, math.inf, full_output=True).message
    )
    last, before = re.search(r"it is ([0-9.e+-]+), after ([0-9.e+-]+) at", message).groups()
    assert float(last) < float(before), message
    assert "peaks at x = 3.8e260" in message  # e**600 = 3.77e260


def test_tangent_raises_what_its_docstring_says_at_a_kink_and_at_a_jump() -> None:
    # The docstring put a jump under DomainError; derivative refuses one with a
    # NumericalError (its quotients never settle), so tangent does too.
    doc = words(Figure.tangent.__doc__ or "")
    numerical = doc[doc.index("NumericalError:") :]
    with pytest.raises(DomainError):
        Figure().tangent(abs, 0.0)
    with pytest.raises(NumericalError):
        Figure().tangent(lambda x: 1.0 if x >= 0.0 else 0.0, 0.0)
    assert "jumps" in numerical, doc
    assert "jump" not in doc[: doc.index("NumericalError:")], doc


RUNNER = Path(__file__).resolve().parents[2] / "docs" / "javascripts" / "calcweb_runner.py"


@pytest.mark.skipif(sys.platform == "emscripten", reason="natively, beside the site's sources")
def test_a_cell_s_time_sleep_refuses_nan_as_time_sleep_does() -> None:
    # It said "sleep length must be non-negative" of NaN, which is not negative.
    spec = importlib.util.spec_from_file_location("calcweb_runner", RUNNER)
    assert spec is not None
    assert spec.loader is not None
    runner = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(runner)
    with pytest.raises(ValueError, match=r"^Invalid value NaN \(not a number\)$"):
        runner._sleep(math.nan)
    with pytest.raises(ValueError, match=r"^sleep length must be non-negative$"):
        runner._sleep(-1.0)
    runner._sleep(0.0)


def test_a_kink_refusal_does_not_call_abs_s_0_the_slope_on_one_side() -> None:
    # abs's slopes are -1 and 1: backward()'s 0 at the kink is neither, as the refusal
    # ("takes the slope on one side (0 at the kink itself ...)") had it.
    message = words(minimize(lambda x: -cw_abs(x), 0.0, tol=1e-3).message)
    assert message.startswith("not converged:"), message
    assert "backward() takes the slope of the side its input is on, and 0 where that " in message


def test_a_contour_description_says_level_and_it_of_one_level() -> None:
    # It said "contour lines at levels 0.5; no line at levels 5 (f does not cross them".
    svg = Figure().add_contour(lambda x, y: x * x + y * y, (-1, 1), (-1, 1), levels=[0.5, 5.0])
    desc = words(svg.to_svg())
    assert "contour lines at level 0.5; no line at level 5 (f does not cross it on the " in desc


@pytest.mark.parametrize("target", [[0, 1], [1, 1]])
def test_one_logit_per_sample_is_refused_with_advice_that_runs(target: list[int]) -> None:
    # With labels 1 the refusal was "a target must be a class index, an int in 0..0";
    # with 0 it advised binary_cross_entropy_with_logits(logits, targets), which refuses
    # a batch's [[z], [z]] ("logits[0] must be numbers or Values").
    logits = [[1.0], [2.0]]
    with pytest.raises(InvalidArgumentError) as refusal:
        cross_entropy(logits, target)
    message = str(refusal.value)
    assert "each sample has one logit" in message, message
    assert "binary_cross_entropy_with_logits([z for [z] in logits], targets)" in message
    loss = binary_cross_entropy_with_logits([z for [z] in logits], [float(t) for t in target])
    assert math.isfinite(loss.data)


def test_too_few_digits_at_a_high_order_points_to_exact_derivatives() -> None:
    # "use a lower order, or move x" left out the way to the order asked, at that x.
    c = 2.0376983832362257
    with pytest.raises(NumericalError) as refusal:
        derivative(lambda x: x * math.exp(-c * x * x), 0.0, 10, full_output=True)
    assert "write f with calcweb's functions (calcweb.exp, ...)" in str(refusal.value)
    exact = derivative(lambda x: x * cw_exp(-c * x * x), 0.0, 10, full_output=True)
    assert exact.value == 0.0  # an odd function's even derivative


def test_tangent_at_a_kink_says_how_to_draw_one_side_s_line() -> None:
    # derivative's refusal advised method='forward', which tangent does not take.
    with pytest.raises(DomainError) as refusal:
        Figure().tangent(abs, 0.0)
    assert "pass slope=calcweb.derivative(f, x0, method='forward')" in str(refusal.value)
    slope = derivative(abs, 0.0, method="forward")
    assert "<desc" in Figure().tangent(abs, 0.0, slope=slope).to_svg()
