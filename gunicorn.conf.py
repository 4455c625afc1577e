"""Hooks of every gunicorn the portal starts (gunicorn reads this file from the working directory).

The addresses, workers and threads are on each command line: scripts/run.sh, docker-compose.yml, the benches.
"""


def post_worker_init(worker):
    # The web's workers screen persons; the check service's (interpol_portal.wsgi_checks) do not.
    from interpol_portal.handlers import PortalHandler
    from interpol_portal.runtime import warm_up_screening

    if isinstance(worker.wsgi, PortalHandler):
        warm_up_screening()


def post_request(worker, req, environ, resp):
    # The garbage Django leaves in cycles, collected on a schedule rather than when a quarter of the worker's
    # long-lived objects is garbage (interpol_portal.runtime.collect_request_garbage). The check service's workers
    # keep no such garbage: their memory stays flat without it.
    from interpol_portal.handlers import PortalHandler
    from interpol_portal.runtime import collect_request_garbage

    if isinstance(worker.wsgi, PortalHandler):
        collect_request_garbage()
