"""Session 32 (LIMFALL): a fall onto the limit at the floats next to ``x0``, ``|x0| < 1``.

fallscan's ``c + A g(|x - x0|/w)`` (``g`` one of ``1 - exp(-u)``, ``tanh(u)``)
with ``w`` a float spacing or a few: at ``|x0| < 1`` the usual samples end
``2**-49`` from ``x0``, 16 to ``2**22`` floats away, and `_at_the_finest`'s
halvings stop at ``2**-52``; ``f`` is ``c + A`` at each of them (to the last
bit, a constant run, or to a share its turn checks let pass), and falls onto
``c`` only at the floats nearer ``x0``. There, `limits._falls_next_to_x0`
reads ``f`` at the 8 floats next to ``x0``: off the value at each, one way,
farther the nearer, faster than any power of the distance (rounding's
quotients ``m ulp / (k spacing)`` scatter or keep a power of ``1/k``).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from calcweb import LimitResult, limit
from calcweb.limits import _faster_than_powers


def _fall(
    x0: float, c: float, a: float, w: float, g: Callable[[float], float]
) -> Callable[[float], float]:
    """fallscan's ``c + A g(|x - x0|/w)``: ``c + A`` farther than some multiple of ``w``."""
    return lambda x: c + a * g(abs(x - x0) / w)


def _exp(u: float) -> float:
    return 1.0 - math.exp(-u)


# (fallscan seed: x0, side, c, A, w, g); each was answered c + A, converged, error 1e-16..6e-11.
# f is c + A at every usual sample (a constant run, "f is ... at every point sampled"):
CONSTANT_RUNS = [
    (
        0.0020933265676718205,
        "left",
        -0.0050560741580358125,
        5.629846919431212,
        2.3352499843482828e-18,
        math.tanh,
    ),  # 3
    (
        0.05094974500070108,
        "left",
        -0.0067667398311641305,
        1.1377063041459168,
        2.479570544049484e-17,
        _exp,
    ),  # 5
    (
        -0.0018407685057389982,
        "right",
        -1.8154106560164374,
        0.6576423788330066,
        1.0269174897015607e-18,
        math.tanh,
    ),  # 7
    (0.0057277676452408294, "left", 0.0, -0.633024435571694, 2.4638498872251476e-17, _exp),  # 8
]
# f is off c + A at the last usual sample (1e-3, 0.018 of it), which `_at_the_finest`'s
# halvings did not show as a turn (growth 132 and 10 times, under 8**4):
OFF_AT_THE_LAST = [
    (-0.06667847816450212, "left", 0.0, -0.29109613443686716, 3.185831076791745e-16, _exp),  # 4
    (
        0.0010414564077025487,
        "right",
        -3.401105814366088,
        -0.2267754673076557,
        1.1142900154531933e-15,
        math.tanh,
    ),  # 8
]

# f is c + A at the usual samples but the last (off by 7.6e-15, 1.4e-11), which the error
# was widened to reach (`_passed`), so that the value fits it:
LEAVES_AT_THE_LAST = [
    (
        -0.030837301625914085,
        "left",
        -0.03963188062940986,
        -0.6137016362626327,
        1.0855642397542276e-16,
        math.tanh,
    ),  # 7
    (
        0.021979050753980676,
        "right",
        0.004884539301582239,
        1.0778251861333268,
        7.092637941833346e-17,
        _exp,
    ),  # 8
]


@pytest.mark.parametrize(
    ("x0", "side", "c", "a", "w", "g"), CONSTANT_RUNS + OFF_AT_THE_LAST + LEAVES_AT_THE_LAST
)
def test_a_fall_at_the_floats_next_to_x0_is_not_answered_as_the_far_value(  # noqa: PLR0917
    x0: float, side: str, c: float, a: float, w: float, g: Callable[[float], float]
) -> None:
    result = limit(_fall(x0, c, a, w, g), x0, side=side, full_output=True)
    assert isinstance(result, LimitResult)
    assert not result.converged or abs(result.value - c) <= 2.0 * result.error, result


def test_the_fall_next_to_x0_is_refused_saying_so() -> None:
    # fallscan seed 3: tanh(|x - x0|/w), w = 0.19 float spacings, is 1 to the last bit at
    # every usual sample (4096 floats out and farther), 0.18 at the next float.
    x0, side, c, a, w, g = CONSTANT_RUNS[0]
    result = limit(_fall(x0, c, a, w, g), x0, side=side, full_output=True)
    assert isinstance(result, LimitResult)
    assert (result.converged, result.error) == (False, math.inf)
    assert "at the 8 floats next to x0 it falls off that value" in result.message
    assert "is 5.624790845273176 at every usual point sampled" in result.message
    # 98 as answered (2 of them between the walk's steps, `_off_the_grid`, which a refusal
    # skips), and the 8 floats
    assert result.nfev == 98 - 2 + 8


@pytest.mark.parametrize(
    ("f", "x0", "side", "exact"),
    [
        # a cancelling quotient exact at every usual sample, its numerator's rounding all of
        # f at the floats next to x0: -4.0, -6.0, -5.33, -6.0 (limit -5.484375)
        (
            lambda x: (x * x - 5.515625 * x + 0.0859375) / (x - 0.015625),
            0.015625,
            "right",
            -5.484375,
        ),
        # -0.5, -1.0, -1.17, -1.0 (limit -0.96875)
        (lambda x: (x * x - 0.28125 * x - 0.21484375) / (x + 0.34375), -0.34375, "left", -0.96875),
        # off the last usual sample by its noise (1.2e-6), and by a bias of rounding at the
        # 8 floats next to x0, its limit - 0.00246 to an ulp or so at each
        (
            lambda x: (((3.0 * x + 32.99267578125) * x - 0.08056640625) * x) / (x - 0.00244140625),
            0.00244140625,
            "right",
            0.08058428764343262,
        ),
        # a fall the usual samples see whole: its limit, c
        (_fall(0.003, -0.25, 1.5, 1e-12, math.tanh), 0.003, "left", -0.25),
    ],
)
def test_rounding_and_falls_the_usual_samples_see_stand(
    f: Callable[[float], float], x0: float, side: str, exact: float
) -> None:
    result = limit(f, x0, side=side, full_output=True)
    assert isinstance(result, LimitResult)
    assert result.converged, result
    assert abs(result.value - exact) <= 2.0 * result.error, result


def test_a_constant_run_at_x0_below_1_costs_one_call_where_f_fits_next_to_x0() -> None:
    # exp at 1e-19: 1.0 at the usual samples from 2**-50 on, and at the float next to x0
    # too: one call more than the 50 before.
    result = limit(math.exp, 1e-19, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    assert (result.converged, result.value) == (True, 1.0)
    assert result.nfev == 50 + 1


@pytest.mark.parametrize(
    ("departures", "falls"),
    [
        ([0.3 * math.exp(-k / 3.0) for k in range(1, 9)], True),  # exp: a steady ratio
        ([0.3 * (1.0 - math.tanh(k / 3.0)) for k in range(1, 9)], True),  # the ratio grows
        ([0.227 - 4.4e-5 * k for k in range(1, 9)], True),  # tanh at w of 5000 floats: a line
        ([1e-3 / k for k in range(1, 9)], False),  # rounding's e / h: the ratio shrinks to 1
        ([1e-3 / k**4 for k in range(1, 9)], False),
        ([1.5, -0.5], False),  # scattered, as rounding's m ulp / (k spacing) can
        ([0.3, 0.3], False),  # not farther the nearer
        ([2.46e-3 - 1e-18 * k for k in range(1, 9)], False),  # a bias, moved by an ulp or so
    ],
)
def test_faster_than_powers(departures: list[float], falls: bool) -> None:
    assert _faster_than_powers(departures, 1e-16) is falls
