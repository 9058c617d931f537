"""torch 2.13.0's cross_entropy where the true class's probability rounds to 1.

tests/torch_reference/record_dominant_logits.py wrote this file (then ruff format).
"""

from typing import Any

CASES: list[dict[str, Any]] = [
    {
        "logits": [0.0, -450.0],
        "target": 0,
        "weight": None,
        "value": 0.0,
        "grads": [0.0, 3.693883068487256e-196],
    },
    {
        "logits": [0.0, -36.37],
        "target": 0,
        "weight": None,
        "value": 2.2204460492503128e-16,
        "grads": [-2.220446049250313e-16, 1.6021740495463586e-16],
    },
    {
        "logits": [1.5, -300.0, -310.0],
        "target": 0,
        "weight": None,
        "value": 0.0,
        "grads": [0.0, 1.1487187401029747e-131, 5.2151750117525146e-136],
    },
    {
        "logits": [-200.0, 3.0, -210.0],
        "target": 1,
        "weight": [0.5, 2.0, 1.0],
        "value": 0.0,
        "grads": [6.89001509906914e-89, 0.0, 3.1280620156019908e-93],
    },
    {
        "logits": [0.0, -450.0],
        "target": [1.0, 0.0],
        "weight": None,
        "value": -0.0,
        "grads": [0.0, 3.693883068487256e-196],
    },
    {
        "logits": [[0.0, -450.0], [-40.0, 0.0]],
        "target": [0, 1],
        "weight": None,
        "value": 0.0,
        "grads": [[0.0, 1.846941534243628e-196], [2.1241771276457944e-18, 0.0]],
    },
]
