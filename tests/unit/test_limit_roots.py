"""Limits at infinity whose expansions go in powers of 1/sqrt(x), with growing cancellation.

``f = L + c1 u + c2 u**2 + ...`` with ``u = 1/sqrt(x) = sqrt(h)``: the table in
``h`` cannot remove the ``u`` term, and ``f`` is a multiple of ``ulp(sqrt(x))``
closer in (LIMROOT, session 26). The exact limits are the oracle.
"""

import math

import pytest

import calcweb as cw
from calcweb import limits

TEXTBOOK = [
    (lambda x: math.sqrt(x + math.sqrt(x)) - math.sqrt(x), 0.5),
    (lambda x: math.sqrt(x + math.sqrt(x + math.sqrt(x))) - math.sqrt(x), 0.5),
    (lambda x: (1 + 1 / math.sqrt(x)) ** math.sqrt(x), math.e),
    (lambda x: math.sqrt(x) * math.log(1 + 1 / math.sqrt(x)), 1.0),
]


@pytest.mark.parametrize(("f", "true"), TEXTBOOK)
def test_sqrt_expansions_at_inf_are_answered_honestly(f, true):
    result = cw.limit(f, math.inf, full_output=True)
    assert result.converged
    assert abs(result.value - true) <= 2 * result.error
    assert result.error < 1e-9


def test_root_refined_reads_past_the_grain_of_the_last_samples():
    # The last samples are rounding's grain (two equal, ulp(sqrt(x)) apart from
    # the law): the sqrt(h) term is removed all the same, and the refined value
    # replaces one 1.6 errors off.
    f = TEXTBOOK[0][0]
    values = [f(2.0 ** (k + 2)) for k in range(limits.STEPS)]
    value, error = limits._estimate(values, 0)
    refined, refined_error = limits._root_refined(limits._until_stuck(values), 0, value, error)
    assert abs(value - 0.5) > error  # the plain table's estimate is off by more than its error
    assert abs(refined - 0.5) <= refined_error < 1e-10


def test_rounding_spread_sees_the_grain_and_not_a_smooth_term():
    counted = limits._Counted(lambda x: math.sqrt(x + math.sqrt(x)) - math.sqrt(x))
    assert limits._rounding_spread(counted, lambda h: 1.0 / h, 2.0**-65) == 2.0**-20
    smooth = limits._Counted(lambda x: 1e-30 / x)  # c/h**p moves by 4 p 2**-10 of itself
    spread = limits._rounding_spread(smooth, lambda h: h, 1e-60)
    assert spread < 0.01 * 1e30


@pytest.mark.parametrize(
    "f",
    [
        lambda x: math.log(x) + 1e-15 / math.sqrt(x),
        lambda x: math.sqrt(x) + 1e-30 / x,
        lambda x: 1 + min(1e-40 / x, 0.3),
    ],
)
def test_contradictions_closer_in_stay_refused(f):
    result = cw.limit(f, 0.0, side="right", full_output=True)
    assert not (result.converged and math.isfinite(result.value))


def test_a_biased_estimate_is_not_excused_by_noise_closer_in():
    # Not a sqrt(h) term removed: f's rounding noise closer in does not excuse
    # the usual samples, biased alike (35.6180927462387 +- 2.5e-12, 1.05e-11 off).
    def f(x):
        return 35.617317040568494 + 0.001011738572315454 * math.log(
            1 + 0.7667056509851956 * math.sqrt(x)
        ) / math.sqrt(x)

    true = 35.617317040568494 + 0.001011738572315454 * 0.7667056509851956
    result = cw.limit(f, 0.0, side="right", full_output=True)
    assert not result.converged or abs(result.value - true) <= 2 * result.error


def test_a_small_error_is_refined_too():
    # The table's error, 1.5e-11, is small beside 256 but misjudges the sqrt(h)
    # term; f closer in is 1.4e-10 off by its rounding. Refined: answered.
    def f(x):
        return -256.19151721126747 - 0.0013612336177626307 * (
            math.sqrt(-x + 1.9910963262524706 * math.sqrt(-x)) - math.sqrt(-x)
        )

    true = -256.19151721126747 - 0.0013612336177626307 * 1.9910963262524706 / 2
    result = cw.limit(f, -math.inf, full_output=True)
    assert result.converged
    assert abs(result.value - true) <= 2 * result.error
