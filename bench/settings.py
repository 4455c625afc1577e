"""Settings of the benchmark server: the portal's, plus the bare look-up view that shows the ceiling."""

from interpol_portal.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
