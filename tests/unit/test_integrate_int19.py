"""INT19 (session 20): integrate's epsilon table on a tail that diverges at infinity.

`_Epsilon._two_rates` returned None only where ``a + b == 1.0``, then divided
by ``1.0 - a - b``, which can be 0.0 where ``a + b`` rounds to other than 1:
elements growing by about 2**0.05 (those of (|x - 1.4| + 3)**-0.95 on
(-inf, 0.9], halved on past its divergence) raised ZeroDivisionError.
"""

from __future__ import annotations

from calcweb._integrate import _Epsilon


def test_two_rates_whose_sum_rounds_off_1_fit_nothing() -> None:
    # That table's last five elements: 1.0 - a - b is 0.0, a + b is not 1.0.
    epsilon = _Epsilon()
    epsilon.last_five = [
        9901.881057704795,
        10251.821029138713,
        10614.101607014301,
        10989.157981877881,
        11377.440691237249,
    ]
    assert epsilon._two_rates() is None
