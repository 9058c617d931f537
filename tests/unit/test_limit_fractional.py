"""Limits whose expansions go in powers of h**(1/3) or h**(1/4) (LIMFRAC, session 27).

``f = L + c1 u + c2 u**2 + ...`` with ``u = h**(1/k)`` (``h = 1/x`` at inf):
`limits._root_refined` removes the terms in ``u, ..., u**(k - 1)`` for ``k`` in
2, 3, 4, and widens the error by how far a power near ``1/k`` would put the
value (`limits._power_bias`). The exact limits are the oracle.
"""

import math

import pytest

import calcweb as cw
from calcweb import limits

CUBE_ROOTS = [
    (lambda x: x ** (1 / 3) * math.log(1 + 1 / x ** (1 / 3)), math.inf, 1.0),
    (lambda x: x ** (1 / 3) * ((1 + 1 / x ** (1 / 3)) ** -2 - 1), math.inf, -2.0),
    (lambda x: math.log(1 + x ** (1 / 3)) / x ** (1 / 3), 0.0, 1.0),
]


@pytest.mark.parametrize(("f", "x0", "true"), CUBE_ROOTS)
def test_series_in_a_cube_root_are_answered_honestly(f, x0, true):
    side = {"side": "right"} if x0 == 0.0 else {}
    result = cw.limit(f, x0, full_output=True, **side)
    assert result.converged
    assert abs(result.value - true) <= 2 * result.error
    assert result.error < 1e-8  # the table alone was 0.9999999963 +- 5.9e-6, refused


def test_a_series_in_a_fourth_root_is_answered_honestly():
    result = cw.limit(lambda x: x**0.25 * math.log(1 + 2 / x**0.25), math.inf, full_output=True)
    assert result.converged
    assert abs(result.value - 2.0) <= 2 * result.error < 1e-6


@pytest.mark.parametrize("p", [0.33, 0.335, 0.34])
def test_a_power_near_a_third_is_not_answered_as_a_third(p):
    # Its h**p term survives the combinations in h**(1/3): without `_power_bias`
    # 0.335 was 1.0000000123 +- 4.8e-9 (1.2e-8 off).
    result = cw.limit(lambda x: x**p * math.log(1 + 1 / x**p), math.inf, full_output=True)
    if result.converged:
        assert abs(result.value - 1.0) <= 2 * result.error


def test_departures_tell_the_root_apart():
    for k in (2, 3, 4):
        departures = [2.0 ** (-i / k) for i in range(limits.SMOOTH + 1)]
        assert [limits._law_tail(departures, j) is not None for j in (2, 3, 4)] == [
            j == k for j in (2, 3, 4)
        ]
    fifth = [2.0 ** (-i / 5) for i in range(limits.SMOOTH + 1)]
    assert not any(limits._law_tail(fifth, j) is not None for j in (2, 3, 4))


def test_fraction_removed_cancels_the_powers_below_h():
    u = [2.0 ** (-i / 3) for i in range(12)]
    values = [7.0 + 3.0 * v - 5.0 * v**2 for v in u]
    removed, weight = limits._fraction_removed(values, [1 / 3, 2 / 3])
    assert all(abs(y - 7.0) < 1e-12 for y in removed)
    assert weight == pytest.approx(
        (2 ** (1 / 3) + 1) / (2 ** (1 / 3) - 1) * (2 ** (2 / 3) + 1) / (2 ** (2 / 3) - 1)
    )


D = -10.734908679857975


@pytest.mark.parametrize(
    ("f", "x0", "true"),
    [
        (
            lambda x: (
                97.16271647454691
                * (math.sqrt(1 + 0.5251625757139633 * math.sqrt(x - D)) - 1)
                / math.sqrt(x - D)
            ),
            D,
            25.513111223569297,  # 97.16... * 0.525.../2
        ),
        (
            lambda x: (
                0.008903748663010339
                * (math.sqrt(1 + 1.958730374439019 * math.sqrt(x + 0.0190317661712299)) - 1)
                / math.sqrt(x + 0.0190317661712299)
            ),
            -0.0190317661712299,
            0.0087200214763045771,
        ),
    ],
)
def test_a_sqrt_series_at_a_point_whose_last_departures_stray_is_refined(f, x0, true):
    # rootscan seed 2: the last departures from the refined value stray (0.44, 0.85
    # bit) as the cancellation noise grows; the table's own estimate, 25.5131109158
    # +- 1.5e-7, was 3.1e-7 off (a lie).
    result = cw.limit(f, x0, side="right", full_output=True)
    assert result.converged
    assert abs(result.value - true) <= 2 * result.error


C4, D4, A4 = 818.6219892796241, 1.901892318795152e-05, 0.0037948362360784534
C3, D3, A3 = 99675.85331114421, 0.0023730410541675127, 7.622396798025478e-09


@pytest.mark.parametrize(
    ("f", "side", "true"),
    [
        # farscan seed 4: the samples beyond the step clearly settle near 1, yet
        # the table kept 1 + a from those before it (1.0037948362 +- 1.2e-10).
        (lambda x: (math.exp(x / C4) - 1) / (x / C4) + A4 * (x > D4), "right", 1.0),
        # farscan seed 3: 5.0238824388e-6 +- 1.6e-14, 7.6e-9 off.
        (lambda x: (math.sqrt(1 + x / C3) - 1) / x + A3 * (-x > D3), "left", 0.5 / C3),
    ],
)
def test_a_step_between_the_samples_is_not_read_as_noise(f, side, true):
    result = cw.limit(f, 0.0, side=side, full_output=True)
    assert not result.converged or abs(result.value - true) <= 2 * result.error


def test_samples_on_the_far_side_of_a_step_do_not_refuse_the_near_side():
    # sin(t)/(x - x0) - 9.66e-8 (|x - x0| > 0.0135) at -0.362-: the first samples sit
    # on the far side of the cut-off, the later ones settle on the limit.
    x0, c, big, a = (
        -0.3623751418048564,
        14299.516269808179,
        0.01347753911414346,
        -9.657061195694299e-08,
    )
    result = cw.limit(
        lambda x: math.sin((x - x0) / c) / (x - x0) + a * (abs(x - x0) > big),
        x0,
        side="left",
        full_output=True,
    )
    assert result.converged
    assert abs(result.value - 1 / c) <= 2 * result.error


def test_a_pole_passed_between_the_samples_is_not_read_as_noise():
    # farscan seed 1: sin(t)/(x - x0) + a D/(|x - x0| - D), t = (x - x0)/c, at x0+:
    # 0.00090863135053 +- 7e-14 from the samples before the pole, 3e-11 off.
    x0, c, big, a = -473.35236520011637, 1100.5563470551294, 0.00063009723946, -3.04e-11
    result = cw.limit(
        lambda x: math.sin((x - x0) / c) / (x - x0) + a * big / (abs(x - x0) - big),
        x0,
        side="right",
        full_output=True,
    )
    assert not result.converged or abs(result.value - (1 / c - a)) <= 2 * result.error
