"""WSGI application of the benchmark server (bench.settings), with the portal's handler."""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
django.setup(set_prefix=False)

from interpol_portal.handlers import PortalHandler  # noqa: E402 (after setup)
from interpol_portal.runtime import garbage_collector_tune  # noqa: E402

application = PortalHandler()
garbage_collector_tune()  # as interpol_portal.wsgi
