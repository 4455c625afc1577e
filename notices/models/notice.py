"""A notice request, from the draft to its publication and expiry."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ncb.models import OwnedRecord

from ..choices import JudicialBasis, NoticeStatus, NoticeType, ScreeningStatus
from .particulars import SubjectParticulars


class Notice(OwnedRecord, SubjectParticulars):
    """A request for an international notice by an NCB (the owner), reviewed by the General Secretariat.

    Until published, only the requesting NCB and the General Secretariat see it; once published, every NCB the
    owner's restriction admits sees it (notices.selectors, built on ncb.access).
    """

    # The subject's record in the persons database, when there is one; the particulars stay on the request itself.
    subject_record = models.ForeignKey(
        "databases.Person",
        verbose_name=_("person record in the databases"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="notices",
    )
    notice_type = models.CharField(
        pgettext_lazy("INTERPOL notice", "type of notice"), max_length=10, choices=NoticeType.choices
    )
    status = models.CharField(_("status"), max_length=16, choices=NoticeStatus.choices, default=NoticeStatus.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)
    # Judicial data (Red Notices): the thresholds of the completeness check read these.
    judicial_basis = models.CharField(
        _("purpose of the arrest"), max_length=12, choices=JudicialBasis.choices, blank=True
    )
    maximum_penalty_months = models.PositiveIntegerField(_("maximum penalty (months)"), null=True, blank=True)
    maximum_penalty_life = models.BooleanField(_("maximum penalty is life imprisonment"), default=False)
    sentence_remaining_months = models.PositiveIntegerField(
        _("sentence remaining to serve (months)"), null=True, blank=True
    )
    warrant_issued_on = models.DateField(_("warrant or decision issued on"), null=True, blank=True)
    warrant_authority = models.CharField(_("issuing judicial authority"), max_length=200, blank=True)
    warrant_country = models.ForeignKey(
        "ncb.Country",
        verbose_name=_("country issuing the warrant"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # INTERPOL-United Nations Security Council Special Notices.
    un_reference = models.CharField(_("UN sanctions list reference"), max_length=40, blank=True)
    un_committee = models.CharField(_("UN Security Council sanctions committee"), max_length=200, blank=True)
    public_consent = models.BooleanField(
        _("the requesting NCB agrees to a public extract"),
        default=False,
        help_text=_("Red, Yellow and UN notices only: publish names, photo and charges on the public site."),
    )
    # Workflow dates.
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    review_started_at = models.DateTimeField(_("compliance review started"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("expiry reminder sent"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    # The public control number, given on publication: YYYY/NNNNN.
    entity_id = models.CharField(_("control number"), max_length=12, unique=True, null=True, blank=True)
    screening_status = models.CharField(
        _("screening"), max_length=14, choices=ScreeningStatus.choices, default=ScreeningStatus.NOT_SCREENED
    )
    screened_at = models.DateTimeField(_("screened"), null=True, blank=True)

    class Meta:
        verbose_name = pgettext_lazy("INTERPOL notice", "notice")
        verbose_name_plural = pgettext_lazy("INTERPOL notice", "notices")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["owner", "status"], name="notice_owner_status"),
            models.Index(fields=["status", "notice_type"], name="notice_status_type"),
            models.Index(fields=["status", "expires_at"], name="notice_status_expiry"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status=NoticeStatus.PUBLISHED)
                | models.Q(published_at__isnull=False, expires_at__isnull=False, entity_id__isnull=False),
                name="notice_published_has_dates",
            ),
        ]

    def __str__(self) -> str:
        subject = self.full_name or self.get_notice_type_display()
        return f"{self.reference} {subject}"

    @property
    def reference(self) -> str:
        """The control number once published, the internal request number before."""
        return self.entity_id or f"REQ-{self.pk or 0:06d}"

    @property
    def review_due_at(self):
        """When the compliance review should be done (the General Secretariat's target)."""
        if self.review_started_at is None:
            return None
        return self.review_started_at + timedelta(hours=settings.NOTICE_REVIEW_TARGET_HOURS)

    @property
    def review_overdue(self) -> bool:
        due = self.review_due_at
        return self.status == NoticeStatus.UNDER_REVIEW and due is not None and due < timezone.now()
