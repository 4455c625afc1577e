from django.db import models


class PendingTask(models.Model):
    """A Celery task that could not be sent because the broker (Redis) was unreachable, kept to be sent later.

    Written after the commit that queued the task, by interpol_portal.celery.OutboxTask; sent again and deleted
    by ncb.outbox.outbox_flush (beat every minute, a worker starting, or the first successful send of the process
    that kept it). Tasks are idempotent, so a task sent twice (a crash between send and delete) does no harm.
    Internal bookkeeping that no page shows: its names are not translated.
    """

    name = models.CharField("task", max_length=200)
    args = models.JSONField("arguments", default=list, blank=True)
    kwargs = models.JSONField("keyword arguments", default=dict, blank=True)
    error = models.CharField("error", max_length=300, blank=True)
    created_at = models.DateTimeField("kept", auto_now_add=True)

    class Meta:
        verbose_name = "pending task"
        verbose_name_plural = "pending tasks"
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.name}{tuple(self.args)}"
