"""``full_output`` of `calcweb.derivative` is a flag, as it is for `limit` and `integrate`.

``derivative(math.sin, 1.0, full_output="yes")`` returned a DerivativeResult
(any truthy value was taken), and ``full_output=None`` a float, where
``limit`` and ``integrate`` raise ArgumentTypeError ("full_output must be True
or False"). Found by the held-out audit of session 11.
"""

from __future__ import annotations

import math

import pytest

from calcweb import ArgumentTypeError, DerivativeResult, derivative, integrate, limit


def _refused_as_for_limit_and_integrate(flag: object) -> None:
    message = f"full_output must be True or False, but got {flag!r}"
    for call in (
        lambda: derivative(math.sin, 1.0, full_output=flag),  # type: ignore[arg-type]
        lambda: limit(math.sin, 1.0, full_output=flag),  # type: ignore[arg-type]
        lambda: integrate(math.sin, 0.0, 1.0, full_output=flag),  # type: ignore[arg-type]
    ):
        with pytest.raises(ArgumentTypeError) as caught:
            call()
        assert str(caught.value) == message


@pytest.mark.parametrize("flag", ["yes", "", None, 0, 1, 2, 1.0, math.nan, [True]])
def test_full_output_must_be_a_bool_as_for_limit_and_integrate(flag: object) -> None:
    _refused_as_for_limit_and_integrate(flag)


def test_a_numpy_bool_is_no_flag_either() -> None:
    # numpy is not in Pyodide's offline runtime: skipped there.
    np = pytest.importorskip("numpy")
    _refused_as_for_limit_and_integrate(np.True_)


def test_true_and_false_are_flags() -> None:
    assert isinstance(derivative(math.sin, 1.0, full_output=True), DerivativeResult)
    assert isinstance(derivative(math.sin, 1.0, full_output=False), float)
