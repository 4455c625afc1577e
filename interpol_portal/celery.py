"""The Celery application: queues `realtime`, `batch` and `default`, routed by the task's module."""

import os

from celery import Celery
from kombu import Queue

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interpol_portal.settings")

app = Celery("interpol_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")


def route_by_module(name, args, kwargs, options, task=None, **kw):
    """Send a task to the queue of its module (the longest matching prefix in CELERY_QUEUE_BY_MODULE)."""
    from django.conf import settings

    module = name.rsplit(".", 1)[0]
    best = ""
    for prefix in settings.CELERY_QUEUE_BY_MODULE:
        if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > len(best):
            best = prefix
    return {"queue": settings.CELERY_QUEUE_BY_MODULE[best]} if best else {"queue": "default"}


app.conf.task_queues = [Queue(name) for name in ("realtime", "batch", "default")]
app.conf.task_routes = (route_by_module,)
app.autodiscover_tasks()
app.autodiscover_tasks(["interpol_portal"])
