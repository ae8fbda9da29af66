"""How many cases the generated (hypothesis) reliability tests try.

Each test states its number of cases for the `ci` profile, which CI runs, with
a fixed seed so that every run tries the same cases. The `thorough` profile
tries ten times as many, with fresh random cases each run:

    SECRETARIAT_HYPOTHESIS_PROFILE=thorough .venv/bin/pytest -m reliability
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

PROFILE_VARIABLE = "SECRETARIAT_HYPOTHESIS_PROFILE"

_COMMON = {
    "deadline": None,
    "database": None,
    "print_blob": True,
    # A store is set up once per test and its state compared around each case.
    "suppress_health_check": [
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
}
settings.register_profile("ci", derandomize=True, **_COMMON)  # type: ignore[arg-type]
settings.register_profile("thorough", derandomize=False, **_COMMON)  # type: ignore[arg-type]

PROFILE = os.environ.get(PROFILE_VARIABLE, "ci")
SCALE = {"ci": 1, "thorough": 10}[PROFILE]


def cases(count: int) -> settings:
    """Settings trying `count` cases under the `ci` profile (more if thorough)."""
    return settings(settings.get_profile(PROFILE), max_examples=count * SCALE)
