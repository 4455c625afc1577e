"""Hits: a query or a record that matched someone else's record, recorded once and reviewed by its owner."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ncb.models import ChoiceLabels

from ..choices import Database, HitPriority, HitReview


class Hit(ChoiceLabels, models.Model):
    """A match against a record of the global databases.

    The matched record is named generically (database + id) so that real-time checks, screening and the
    record-against-record matching engine all write here. `query_key` is a canonical form of what matched
    (the normalized query, or "persons:42" for a source record): with the querying unit it makes the hit
    unique, so re-running the same check or sweep never records it twice.
    """

    database = models.CharField(_("database"), max_length=20, choices=Database.choices)
    record_id = models.BigIntegerField(_("record id"))
    record_owner = models.ForeignKey(
        "ncb.Unit", verbose_name=_("owner of the record"), on_delete=models.PROTECT, related_name="+"
    )
    record_reference = models.CharField(_("owner's reference"), max_length=60)
    source_database = models.CharField(
        _("source database"),
        max_length=20,
        choices=Database.choices,
        blank=True,
        help_text=_("For a match between two records: the database of the record that caused it."),
    )
    source_record_id = models.BigIntegerField(_("source record id"), null=True, blank=True)
    unit = models.ForeignKey(
        "ncb.Unit", verbose_name=_("querying unit"), on_delete=models.PROTECT, null=True, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("querying user"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    query = models.JSONField(_("query"), default=dict, blank=True)
    query_key = models.CharField(_("query key"), max_length=255)
    rule = models.CharField(_("rule"), max_length=60)
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    score = models.FloatField(_("score"), default=1.0)
    priority = models.PositiveSmallIntegerField(_("priority"), choices=HitPriority.choices, default=HitPriority.NORMAL)
    review_status = models.CharField(
        pgettext_lazy("hit", "review"), max_length=20, choices=HitReview.choices, default=HitReview.NEW
    )
    review_reason = models.CharField(_("reason of the review"), max_length=300, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = pgettext_lazy("database match", "hit")
        verbose_name_plural = pgettext_lazy("database match", "hits")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["database", "record_id", "unit", "query_key"], name="hit_once_per_query"),
        ]
        indexes = [
            models.Index(fields=["record_owner", "-created_at"], name="hit_owner_created"),
            models.Index(fields=["unit", "-created_at"], name="hit_unit_created"),
            models.Index(fields=["database", "record_id"], name="hit_record"),
        ]

    def __str__(self) -> str:
        return f"{self.database}:{self.record_reference} ({self.rule})"
