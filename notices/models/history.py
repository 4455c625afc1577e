"""What happened to a notice request, shown on its page (the audit trail keeps its own, complete record)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ..choices import NoticeAction, NoticeStatus


class NoticeEvent(models.Model):
    """One step of a request's workflow, with the reasons and the reviewer's checklist where there are some."""

    notice = models.ForeignKey(
        "notices.Notice",
        verbose_name=pgettext_lazy("INTERPOL notice", "notice"),
        on_delete=models.CASCADE,
        related_name="events",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=16, choices=NoticeAction.choices)
    status = models.CharField(_("status after"), max_length=16, choices=NoticeStatus.choices)
    reasons = models.TextField(_("reasons"), blank=True)
    checklist = models.JSONField(_("checklist"), default=dict, blank=True)
    at = models.DateTimeField(_("time"), auto_now_add=True)

    class Meta:
        verbose_name = _("request history entry")
        verbose_name_plural = _("request history")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.notice_id} {self.action}"


class NoticeHit(models.Model):
    """A record of the global databases that screening of a published notice's subject matched.

    Unique per notice and record, so that screening again never duplicates a hit.
    """

    notice = models.ForeignKey(
        "notices.Notice",
        verbose_name=pgettext_lazy("INTERPOL notice", "notice"),
        on_delete=models.CASCADE,
        related_name="hits",
    )
    database = models.CharField(_("database"), max_length=40)
    record_id = models.CharField(_("record"), max_length=64)
    score = models.FloatField(_("score"))
    reasons = models.JSONField(_("reasons"), default=list, blank=True)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    # The hit as the databases app recorded it (its id), when the matching engine records one.
    database_hit_id = models.PositiveBigIntegerField(_("hit in the databases"), null=True, blank=True)
    found_at = models.DateTimeField(_("found"), auto_now_add=True)

    class Meta:
        verbose_name = pgettext_lazy("match", "screening hit")
        verbose_name_plural = pgettext_lazy("match", "screening hits")
        ordering = ["-score", "id"]
        constraints = [
            models.UniqueConstraint(fields=["notice", "database", "record_id"], name="notice_hit_once"),
        ]

    def __str__(self) -> str:
        return f"{self.database}:{self.record_id} ({self.score:.2f})"


class ControlNumber(models.Model):
    """The last control number given in a year; rows are locked while a number is taken."""

    year = models.PositiveSmallIntegerField(_("year"), primary_key=True)
    last = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("control number sequence")
        verbose_name_plural = _("control number sequences")

    def __str__(self) -> str:
        return f"{self.year}/{self.last:05d}"
