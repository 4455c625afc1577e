"""What every record of the global databases has: owner, reference, status, restriction and review dates."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ncb.models import OwnedRecord

from ..choices import ACTIVE_STATUSES, RecordStatus


def add_years(day: dt.date, years: int) -> dt.date:
    """The same calendar day `years` later (28 February for a 29 February that does not exist then)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def default_review_by() -> dt.date:
    """A record is reviewed RECORD_REVIEW_YEARS after it was recorded (data rules)."""
    return add_years(timezone.localdate(), settings.RECORD_REVIEW_YEARS)


class GlobalRecord(OwnedRecord):
    """Abstract base of persons, travel documents, vehicles, works of art and firearms.

    `reference` is the owner's own identifier for the record, unique per owner: imports update by it, so
    loading the same national file twice changes nothing. Past `review_by` a record gives no hit until its
    owner reviews it (data rules, DESIGN section 3).
    """

    DATABASE = ""  # set by each concrete model to a choices.Database value

    reference = models.CharField(_("owner's reference"), max_length=60)
    status = models.CharField(_("status"), max_length=20, choices=RecordStatus.choices)
    remarks = models.TextField(_("remarks"), blank=True)
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    reviewed_at = models.DateTimeField(_("last reviewed"), null=True, blank=True)
    review_by = models.DateField(_("review by"), default=default_review_by, db_index=True)
    review_reminded_at = models.DateTimeField(_("review reminder sent"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )

    class Meta:
        abstract = True
        ordering = ["-recorded_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "reference"], name="%(app_label)s_%(class)s_owner_reference"),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    @property
    def review_overdue(self) -> bool:
        return self.review_by < timezone.localdate()
