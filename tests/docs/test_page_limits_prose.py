"""The numbers the prose of docs/limits.md states without a cell printing them.

The slider paragraph (the distance of (1 - cos x)/x² to 1/2 as x shrinks) and
the paragraph on limits like a power of 1/log x (0.9994, 0.0014, 0.0093, the
walk of e from 1022 down to about 1.4), each against its closed form and
calcweb.limits' own constants.
"""

from __future__ import annotations

import itertools
import math

import pytest

import calcweb
from calcweb import limits
from calcweb.exceptions import CalcwebError

from .pages import DOCS

PROSE = " ".join((DOCS / "limits.md").read_text(encoding="utf-8").split())


def distance(k: float) -> float:
    """How far (1 - cos x)/x² is from 1/2 at x = 10**k, as the slider's cell computes it."""
    x = 10.0**k
    return abs((1 - math.cos(x)) / x**2 - 0.5)


def test_the_slider_paragraph() -> None:
    assert "Down to \\(x = 10^{-4}\\) it closes in on \\(\\tfrac12\\)" in PROSE
    slider = [-j / 2 for j in range(19)]  # its values, 0 down to -9
    closing = slider[: slider.index(-4.0) + 1]
    assert all(distance(a) > distance(b) for a, b in itertools.pairwise(closing))
    for k in (0.0, -1.0, -2.0, -3.0):  # "at first its distance is about x²/24"
        assert distance(k) == pytest.approx(10.0 ** (2 * k) / 24, rel=0.05)
    assert "about \\(4 \\times 10^{-5}\\) at \\(x = 10^{-6}\\)" in PROSE
    assert f"{distance(-6):.0e}" == "4e-05"
    assert "\\(4 \\times 10^{-4}\\) at \\(x = 10^{-7}\\)" in PROSE
    assert f"{distance(-7):.0e}" == "4e-04"
    # "from x = 1e-8 on the quotient is 0"
    assert all(distance(k) == 0.5 for k in slider if k <= -8)


def test_the_log_scale_paragraph() -> None:
    assert "still 0.9994 at \\(x = 10^{300}\\)" in PROSE
    assert f"{math.log(2e300) / math.log(3e300):.4f}" == "0.9994"
    assert "\\(u\\) is 0.0014 at the largest floats" in PROSE
    assert f"{1 / math.log(1.7976931348623157e308):.4f}" == "0.0014"
    assert "0.0093 at \\(x = 2^{1022}\\)" in PROSE
    assert f"{math.log(math.log(2.0**1022)) / math.log(2.0**1022):.4f}" == "0.0093"
    # "e from 1022 down to about 1.4, each e 1/sqrt(2) times the one before"
    assert "from 1022 down to about 1.4" in PROSE
    assert limits.LOG_TOP == 1022.0
    assert math.sqrt(2.0) == limits.LOG_RATIO
    last = limits.LOG_TOP / limits.LOG_RATIO ** (limits.LOG_STEPS - 1)
    assert f"{last:.1f}" == "1.4"
    # log(2x)/log(3x) is answered at infinity; log(log x)/log x is refused.
    result = calcweb.limit(lambda x: math.log(2 * x) / math.log(3 * x), math.inf, full_output=True)
    assert result.converged
    assert abs(result.value - 1.0) <= result.error < 1e-12
    with pytest.raises(CalcwebError):
        calcweb.limit(lambda x: math.log(math.log(x)) / math.log(x), math.inf)
