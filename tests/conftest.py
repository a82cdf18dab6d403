"""Shared test configuration."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# Property tests must keep the whole suite fast on a 2-core machine; CI and
# local runs use the same profile. HYPOTHESIS_PROFILE=thorough runs more examples.
settings.register_profile(
    "default",
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("thorough", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

# tests/typing/ holds typed usage files for `mypy --strict`; they are never run.
collect_ignore = ["typing"]

# The command line and the plots take their default language from the locale: the tests
# that expect English labels must not depend on the machine's (a Chinese desktop).
for _name in ("LC_ALL", "LC_MESSAGES", "LANG"):
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"
