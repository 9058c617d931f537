"""The hypothesis profile of the mutation runs: tools/mutation/run.py and one_function.py.

Neither mutmut nor pytest is imported here, so both scripts can load it before they
start (each imports it as a sibling module: a script's own directory is first on
sys.path).
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings


def load_mutation_profile() -> None:
    """Register and load the "mutation" profile, before pytest starts.

    The hypothesis tests that set no deadline would fail on a loaded machine (and
    count as kills), and random examples would make the verdicts vary from run to
    run: no deadline, no health checks, the same examples every time, no database
    (it would replay one mutant's failing examples against the next).
    tests/unit/conftest.py's "calcweb" profile, registered after this one, inherits
    it (and adds only deadline=None).
    """
    settings.register_profile(
        "mutation",
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    settings.load_profile("mutation")
