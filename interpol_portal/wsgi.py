"""WSGI entry point for gunicorn: the portal's handler (interpol_portal.handlers)."""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interpol_portal.settings")
django.setup(set_prefix=False)

from .handlers import PortalHandler  # noqa: E402 (after setup: the handler loads the middleware)
from .runtime import garbage_collector_tune  # noqa: E402

application = PortalHandler()
garbage_collector_tune()
