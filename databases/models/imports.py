"""Bulk imports uploaded from the portal and run by a Celery worker."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ncb.models import ChoiceLabels

from ..choices import Database, ImportStatus
from ..storage import private_storage


class ImportJob(ChoiceLabels, models.Model):
    """One uploaded CSV or JSON Lines file, its progress and the rows it rejected (line number and reason)."""

    database = models.CharField(_("database"), max_length=20, choices=Database.choices)
    owner = models.ForeignKey("ncb.Unit", verbose_name=_("owner"), on_delete=models.PROTECT, related_name="+")
    file = models.FileField(_("file"), storage=private_storage, upload_to="records/imports/%Y/%m/")
    file_name = models.CharField(_("file name"), max_length=200)
    status = models.CharField(_("status"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.PENDING)
    total = models.PositiveIntegerField(_("rows"), default=0)
    processed = models.PositiveIntegerField(_("rows processed"), default=0)
    imported = models.PositiveIntegerField(_("imported"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    rejected = models.PositiveIntegerField(_("rejected"), default=0)
    # [{"line": 7, "reason": "..."}], the first IMPORT_MAX_REPORTED_ERRORS of them.
    errors = models.JSONField(_("rejected rows"), default=list, blank=True)
    failure = models.CharField(_("failure"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("started by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.file_name

    @property
    def percent(self) -> int:
        if self.status == ImportStatus.DONE:
            return 100
        return int(100 * self.processed / self.total) if self.total else 0
