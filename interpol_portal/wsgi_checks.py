"""WSGI entry point of the check service: the real-time checks in a gunicorn pool of their own.

NCB systems send their checks (/api/v1/check/...) to this service's address; the portal's pool (interpol_portal.wsgi)
runs at a lower CPU priority, so that a check is not held up behind page renders and screenings.
"""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interpol_portal.settings")
django.setup(set_prefix=False)

from .handlers import CheckServiceHandler  # noqa: E402 (after setup: the handler loads the middleware)
from .runtime import garbage_collector_tune  # noqa: E402

application = CheckServiceHandler()
garbage_collector_tune()
