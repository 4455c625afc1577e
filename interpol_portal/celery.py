"""The Celery application: queues `realtime`, `batch` and `default`, routed by the task's module; tasks that
cannot be sent while Redis is down are kept in the database and sent later (OutboxTask)."""

import os

from celery import Celery, signals, uuid
from celery.contrib.django.task import DjangoTask
from kombu import Queue

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interpol_portal.settings")


class OutboxTask(DjangoTask):
    """Sending a task never fails the caller: when Redis cannot be reached the task is kept in the database
    (ncb.outbox) and sent when the broker is back. A request that saved a record answers 201 during a Redis
    outage, and the record is still matched afterwards."""

    def apply_async(self, args=None, kwargs=None, task_id=None, producer=None, link=None, link_error=None, **options):
        from ncb import outbox

        # Beat sends its periodic tasks again at the next tick: keeping them too would pile up copies in an outage.
        from_beat = (options.get("headers") or {}).get("celery_beat_task")
        if self.app.conf.task_always_eager or link or link_error or from_beat:
            return super().apply_async(args, kwargs, task_id, producer, link, link_error, **options)
        if outbox.broker_recently_down():
            outbox.task_keep(name=self.name, args=args, kwargs=kwargs, error="broker down a moment ago")
            return self.AsyncResult(task_id or uuid())
        try:
            result = super().apply_async(args, kwargs, task_id, producer, link, link_error, **options)
        except outbox.BROKER_ERRORS as error:
            outbox.task_keep(name=self.name, args=args, kwargs=kwargs, error=error)
            return self.AsyncResult(task_id or uuid())
        outbox.task_sent()
        return result


app = Celery("interpol_portal", task_cls=OutboxTask)
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


@signals.worker_init.connect
@signals.worker_process_init.connect
def _runtime_tune(**kwargs) -> None:
    # In the main process (solo pool, and before forking the prefork children) and again in each child.
    from .runtime import garbage_collector_tune

    garbage_collector_tune()
