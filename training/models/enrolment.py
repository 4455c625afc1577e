"""Enrolments of officers in sessions, and the certificates of completion they earn."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ncb.choices import Language
from ncb.models import ChoiceLabels

from ..choices import OPEN_STATUSES, REOPENABLE_STATUSES, Attendance, EnrolmentStatus


class Enrolment(ChoiceLabels, models.Model):
    """An officer's place in a session, from application through NCB endorsement and the coordinator's decision
    to completion. Every change of status goes through training.services."""

    session = models.ForeignKey(
        "training.Session", verbose_name=_("session"), on_delete=models.PROTECT, related_name="enrolments"
    )
    participant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participant"),
        on_delete=models.PROTECT,
        related_name="training_enrolments",
    )
    # The participant's NCB when applying: its head endorses, and the needs report counts by its region.
    ncb = models.ForeignKey("ncb.Unit", verbose_name=_("NCB"), on_delete=models.PROTECT, related_name="+")
    status = models.CharField(
        _("status"), max_length=20, choices=EnrolmentStatus.choices, default=EnrolmentStatus.APPLIED
    )
    motivation = models.TextField(_("motivation"), blank=True, max_length=2000)
    applied_at = models.DateTimeField(_("applied"), auto_now_add=True)
    endorsed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("endorsed or declined by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    endorsed_at = models.DateTimeField(_("endorsed or declined"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    # Order of the waiting list: the earliest moves up first.
    waitlisted_at = models.DateTimeField(_("put on the waiting list"), null=True, blank=True)
    closed_at = models.DateTimeField(_("withdrawn or cancelled"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    attendance = models.CharField(_("attendance"), max_length=10, choices=Attendance.choices, blank=True)
    completed_at = models.DateTimeField(_("completion recorded"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["-applied_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "participant"],
                condition=~Q(status__in=REOPENABLE_STATUSES),
                name="one_live_enrolment_per_session",
                violation_error_message=_("You already have an application for this session."),
            ),
            models.CheckConstraint(
                condition=~Q(status=EnrolmentStatus.WAITLISTED) | Q(waitlisted_at__isnull=False),
                name="waitlisted_enrolment_has_a_place_in_line",
            ),
        ]
        indexes = [
            models.Index(fields=["session", "status"], name="enrolment_session_status"),
            models.Index(fields=["ncb", "status"], name="enrolment_ncb_status"),
        ]

    def __str__(self) -> str:
        return f"{self.participant} – {self.session}"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def may_be_withdrawn(self) -> bool:
        """What enrolment_withdraw allows, for showing the button (the service checks again)."""
        return self.is_open and timezone.localdate() < self.session.starts_on


class Certificate(models.Model):
    """A certificate of completion. The verification code is random (80 bits) and printed on the PDF, so that
    anyone shown the paper can check it on the public verification page."""

    enrolment = models.OneToOneField(
        Enrolment, verbose_name=_("enrolment"), on_delete=models.PROTECT, related_name="certificate"
    )
    code = models.CharField(_("verification code"), max_length=16, unique=True)
    # Kept as issued: a later change of the account's name does not rewrite a certificate already handed out.
    holder_name = models.CharField(_("holder's name"), max_length=300)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices)
    issued_at = models.DateTimeField(_("issued"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoke_reason = models.CharField(_("reason for revoking"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at", "-id"]

    def __str__(self) -> str:
        return self.display_code

    @property
    def display_code(self) -> str:
        return "-".join(self.code[i : i + 4] for i in range(0, len(self.code), 4))

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None
