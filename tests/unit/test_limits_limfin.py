"""Session 31 (LIMFIN): a fall onto the limit within a few floats of a nonzero ``x0``.

fallscan's ``c + A g(|x - x0|/w)`` (``g`` one of ``1 - exp(-u)``, ``tanh(u)``)
with ``w`` a few spacings of the floats at ``x0``: ``f`` is ``c + A`` at every
usual sample (down to ``s * 2**-49``) and falls onto ``c`` only closer in.
Where the fall shows at the floats closer in (`limits._at_the_finest`, down to
``s * 2**-52``), its departures from the far value grow one way, far faster
than rounding's ``e / h**p`` can: ``f`` turns (`limits._falls`). Where ``f``
is one value at every sample (a constant run) and falls only closer in than
``s * 2**-52`` (at ``|x0| < 1`` the float next to ``x0`` lies up to ``2**19``
times closer), the fall is seen at the floats next to ``x0`` (session 32,
`limits._falls_next_to_x0`, test_limits_limfall.py); a check at the one float
next to ``x0`` had refused ``(x**2 - 5*x + 6)/(x - 2)`` at 2, whose
numerator's rounding there is all of ``f``.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from calcweb import LimitResult, limit


def _fall(
    x0: float, c: float, a: float, w: float, g: Callable[[float], float]
) -> Callable[[float], float]:
    """fallscan's ``c + A g(|x - x0|/w)``: ``c + A`` farther than some multiple of ``w``."""
    return lambda x: c + a * g(abs(x - x0) / w)


def _exp(u: float) -> float:
    return 1.0 - math.exp(-u)


# (fallscan seed: x0, side, c, A, w, g); each was answered c + A, converged, error 1e-16..1e-8.
AT_THE_FINEST = [
    (-0.03997863036107271, "left", 0.0, -5.421083941378614, 1.0063096871754771e-16, _exp),  # 2
    (0.016322098784720712, "right", 0.0, -0.45989961529223183, 1.272573755247536e-16, _exp),  # 2
    (
        186.27750292381594,
        "left",
        0.005186278131387577,
        -0.9546691208165801,
        2.889065726404945e-14,
        math.tanh,
    ),  # 4
    (
        -0.007023498668995978,
        "right",
        0.008966841781760162,
        3.519369769037206,
        3.511351387182032e-16,
        math.tanh,
    ),  # 4
]
NEXT_TO_X0 = [
    (
        0.020826458881733546,
        "left",
        -0.006712209842605392,
        -0.10431710402933601,
        5.886699466702715e-18,
        math.tanh,
    ),  # 1
    (
        0.0018933278060834576,
        "right",
        0.0,
        -0.5068694220396646,
        2.5708868214010237e-18,
        math.tanh,
    ),  # 4
]


@pytest.mark.parametrize(
    ("x0", "side", "c", "a", "w", "g"),
    AT_THE_FINEST + NEXT_TO_X0,
)
def test_a_fall_within_a_few_floats_of_x0_is_not_answered_as_the_far_value(  # noqa: PLR0917
    x0: float, side: str, c: float, a: float, w: float, g: Callable[[float], float]
) -> None:
    result = limit(_fall(x0, c, a, w, g), x0, side=side, full_output=True)
    assert isinstance(result, LimitResult)
    assert not result.converged or abs(result.value - c) <= 2.0 * result.error, result


def test_the_fall_at_the_floats_closer_in_is_refused_saying_so() -> None:
    # fallscan seed 2: f is c + A to 1e-7 at the last usual sample, 2**-49 from x0, and
    # 0.82 A at 2**-52: its departures from c + A grow 1e6 times over the three halvings.
    x0, side, c, a, w, g = AT_THE_FINEST[1]
    result = limit(_fall(x0, c, a, w, g), x0, side=side, full_output=True)
    assert isinstance(result, LimitResult)
    assert (result.converged, result.error) == (False, math.inf)
    assert "f turns at the finest steps sampled near x0" in result.message
    assert result.nfev == 48 + 3


@pytest.mark.parametrize(
    ("f", "x0", "side", "exact"),
    [
        # constant runs (a check at the one float next to x0 refused the first: its rounding)
        (lambda x: (x * x - 5.0 * x + 6.0) / (x - 2.0), 2.0, "both", -1.0),
        (lambda x: (x * x - 1.0) / (x - 1.0), 1.0, "right", 2.0),
        (lambda x: math.sin(x - 0.3) / (x - 0.3), 0.3, "left", 1.0),
        (lambda x: float(x > 0.3), 0.3, "right", 1.0),
        (lambda x: float(x > 0.3), 0.3, "left", 0.0),
        # a fall that the usual samples see whole: its limit, c
        (_fall(0.02, 0.5, 2.0, 1e-9, math.tanh), 0.02, "right", 0.5),
        (_fall(186.0, 0.5, 2.0, 1e-9, _exp), 186.0, "left", 0.5),
    ],
)
def test_constants_and_falls_the_usual_samples_see_stand(
    f: Callable[[float], float], x0: float, side: str, exact: float
) -> None:
    result = limit(f, x0, side=side, full_output=True)
    assert isinstance(result, LimitResult)
    assert result.converged, result
    assert abs(result.value - exact) <= 2.0 * result.error, result


# farscan's f = g(t) + a phi(|x - x0|) with a feature at D among the usual samples: the
# entries of the table, from the samples beyond D, read the feature's far field (a kink's
# linear term, a pole's D/h), and the value missed its term a by 3e9 and 8 errors. The
# samples within D, from the first stuck run on, all lie on the limit's side of it.
def _kink(x0: float, c: float, big: float, a: float) -> Callable[[float], float]:
    return lambda x: (
        (math.exp((x - x0) / c) - 1.0) / ((x - x0) / c) + a * max(0.0, abs(x - x0) - big) / big
    )


def test_samples_within_a_feature_that_all_keep_off_the_value_widen_its_error() -> None:
    # farscan seed 5: 0.7469740040971355 +- 8.9e-11 both sides, converged; the limit is 1.
    f = _kink(-0.8792696146617333, 1153.3413874937803, 1.23455989712267e-05, 0.25302599586918667)
    for side in ("left", "right"):
        result = limit(f, -0.8792696146617333, side=side, full_output=True)
        assert isinstance(result, LimitResult)
        assert not result.converged or abs(result.value - 1.0) <= 2.0 * result.error, result
        assert result.error > 0.25


def test_samples_within_a_pole_that_keep_to_an_ulp_of_the_limit_widen_its_error() -> None:
    # farscan seed 1: 0.0011899660067412662 +- 5.3e-18, 7.9 errors off the limit.
    x0, c, big, a = (
        291.46506633834,
        840.3601399829142,
        0.0002697220065594511,
        -4.155762660573198e-17,
    )

    def f(x: float) -> float:
        d = x - x0
        return math.sin(d / c) / d + a * big / (abs(d) - big)

    result = limit(f, x0, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    assert result.converged, result
    assert abs(result.value - 1.0 / c + a) <= 2.0 * result.error, result


def test_samples_past_the_entries_that_spread_more_than_their_distance_do_not() -> None:
    # The limits search, seed 2929 #186: (t - sin t)/t**3 at 2**30 keeps to one side of
    # 1/6 from its first stuck run on (8 samples, 2.2e-6 to 0.014 above it): rounding
    # noise, not f heading elsewhere. Answered, 0.16666666666920832 +- 3.9e-11.
    c, x0 = 607361737.9068929, 2.0**30

    def f(x: float) -> float:
        t = (x - x0) / c
        return (t - math.sin(t)) / t**3

    result = limit(f, x0, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    assert result.converged, result
    assert abs(result.value - 1.0 / 6.0) <= 2.0 * result.error < 1e-10, result


def test_samples_collapsed_onto_another_term_do_not() -> None:
    # farscan seed 3: log(1 + t)/h + a D/(h - D), t = h/c, is the pole's -a alone once
    # 1 + t rounds to 1 (from h = 6e-11): a collapse, not where f heads. Answered.
    c, big, a = 243423.39749814398, 8852.750254491595, -3.1704310157261513e-20

    def f(x: float) -> float:
        return math.log(1.0 + x / c) / x + a * big / (abs(x) - big)

    result = limit(f, 0.0, side="right", full_output=True)
    assert isinstance(result, LimitResult)
    assert result.converged, result
    assert abs(result.value - (1.0 / c - a)) <= 2.0 * result.error < 1e-12, result


@pytest.mark.parametrize(
    ("f", "x0", "side", "exact"),
    [
        # rootscan seed 1: f is c once 1 + b/x**1.5 rounds to 1; its samples grow noisy
        # first (changes 7.6e-4, 6e-3, 6.3e-2), then drop onto c: no settling
        (
            lambda x: (
                92.0216851058845
                + 0.10797977653633554 * (-x) ** 1.5 * math.log(1 + 1.9672266170331416 / (-x) ** 1.5)
            ),
            -math.inf,
            None,
            92.0216851058845 + 0.10797977653633554 * 1.9672266170331416,
        ),
        # rootscan seed 1: settled (3.5e-3 before it), then 0.0585 onto c
        (
            lambda x: (
                -1.871811119842885
                + 0.33097808658361566 * (-x) ** 1.5 * math.log(1 + 0.1752265951989085 / (-x) ** 1.5)
            ),
            -math.inf,
            None,
            -1.871811119842885 + 0.33097808658361566 * 0.1752265951989085,
        ),
        # farscan seed 4: log(1 + t)/h + a pole's term falls from 3.8e-6 onto 3.2e-12
        (
            lambda x: (
                math.log(1.0 + (x - 0.0035685492594174527) / 323129.66452375817)
                / (x - 0.0035685492594174527)
                - 3.242114367455839e-12
                * 11646.323979353083
                / (abs(x - 0.0035685492594174527) - 11646.323979353083)
            ),
            0.0035685492594174527,
            "left",
            1.0 / 323129.66452375817 + 3.242114367455839e-12,
        ),
    ],
)
def test_a_run_that_f_drops_or_collapses_onto_widens_nothing(
    f: Callable[[float], float], x0: float, side: str | None, exact: float
) -> None:
    # All answered before `_apart_closer_in`, and refused by its first form.
    kwargs = {"side": side} if side else {}
    result = limit(f, x0, full_output=True, **kwargs)  # type: ignore[call-overload]
    assert isinstance(result, LimitResult)
    assert result.converged, result
    assert abs(result.value - exact) <= 2.0 * result.error, result
