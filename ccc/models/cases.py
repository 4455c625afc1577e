from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ncb.choices import Language
from ncb.models import ChoiceLabels

from ..choices import OPEN_STATUSES, CasePriority, CaseSource, CaseStatus


class Case(ChoiceLabels, models.Model):
    """A piece of work for the Command and Coordination Centre, worked around the clock by its three sites.

    A case comes from a hit, an NCB's urgent request, a notice needing attention or CCC staff. Its `site` is the
    CCC site responsible now; it moves at every shift hand-over until the case is resolved.
    """

    source = models.CharField(_("source"), max_length=20, choices=CaseSource.choices)
    # The id of the hit or notice that opened the case; unique per source, so an intake called twice opens one case.
    source_id = models.BigIntegerField(_("source id"), null=True, blank=True)
    # The hit that opened the case: one case per hit (OneToOne), on top of the (source, source_id) constraint.
    hit = models.OneToOneField(
        "databases.Hit",
        verbose_name=pgettext_lazy("database match", "hit"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ccc_case",
    )
    summary = models.CharField(_("summary"), max_length=300)
    details = models.TextField(_("details"), blank=True)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices, default=Language.ENGLISH)
    priority = models.CharField(_("priority"), max_length=10, choices=CasePriority.choices)
    status = models.CharField(_("status"), max_length=12, choices=CaseStatus.choices, default=CaseStatus.NEW)
    site = models.ForeignKey(
        "ncb.Unit",
        verbose_name=_("CCC site"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"kind": "ccc"},
    )
    ncbs = models.ManyToManyField(
        "ncb.Unit", verbose_name=_("NCBs concerned"), through="ccc.Thread", related_name="+", blank=True
    )
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("opened by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    opened_at = models.DateTimeField(_("opened"), db_index=True)
    deadline = models.DateTimeField(_("first reply due"))
    first_reply_at = models.DateTimeField(_("first reply"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("escalated"), null=True, blank=True)
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("claimed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    handover = models.ForeignKey(
        "ccc.HandOver",
        verbose_name=_("last hand-over"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cases",
    )
    # Set when the case arrives at a site by hand-over, cleared when someone there claims it: the queue shows
    # such cases first to the receiving site.
    handover_pending = models.BooleanField(_("handed over, not yet taken"), default=False)
    handover_note = models.TextField(_("hand-over note"), blank=True)
    resolution = models.TextField(_("resolution"), blank=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    updated_at = models.DateTimeField(pgettext_lazy("date of last change", "updated"), auto_now=True)

    class Meta:
        verbose_name = pgettext_lazy("CCC", "case")
        verbose_name_plural = pgettext_lazy("CCC", "cases")
        ordering = ["deadline", "pk"]
        indexes = [
            models.Index(fields=["status", "deadline"], name="ccc_case_status_deadline"),
            models.Index(fields=["site", "status"], name="ccc_case_site_status"),
            # The queue's pages, in deadline order, and the few cases handed over to a site (selectors.CaseQueue).
            models.Index(
                fields=["deadline", "id"], name="ccc_case_open_deadline", condition=models.Q(status__in=OPEN_STATUSES)
            ),
            models.Index(fields=["site"], name="ccc_case_handed_over", condition=models.Q(handover_pending=True)),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "source_id"],
                condition=models.Q(source_id__isnull=False),
                name="ccc_case_one_per_source",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="claimed") | models.Q(claimed_by__isnull=False),
                name="ccc_case_claimed_has_officer",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.summary[:80]}"

    @property
    def reference(self) -> str:
        """The reference staff quote on the phone: year opened and number, e.g. CCC-2026-000042."""
        year = self.opened_at.year if self.opened_at else 0
        return f"CCC-{year}-{self.pk or 0:06d}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def deadline_missed(self) -> bool:
        """A first reply after the deadline, or none yet with the deadline past (counted on the dashboard)."""
        from django.utils import timezone

        if self.first_reply_at is not None:
            return self.first_reply_at > self.deadline
        return self.is_open and self.deadline < timezone.now()
