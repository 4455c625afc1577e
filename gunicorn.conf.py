"""Hooks of every gunicorn the portal starts (gunicorn reads this file from the working directory).

The addresses, workers and threads are on each command line: scripts/run.sh, docker-compose.yml, the benches.
"""


def post_worker_init(worker):
    # The web's workers screen persons; the check service's (interpol_portal.wsgi_checks) do not.
    from interpol_portal.handlers import PortalHandler
    from interpol_portal.runtime import warm_up_screening

    if isinstance(worker.wsgi, PortalHandler):
        warm_up_screening()
