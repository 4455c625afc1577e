"""A diffusion: a request an NCB circulates directly to chosen countries, reviewed afterwards."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ncb.models import OwnedRecord

from ..choices import DiffusionStatus, NoticeType
from .particulars import SubjectParticulars


class Diffusion(OwnedRecord, SubjectParticulars):
    """Sent by the owner NCB straight to its addressees, without prior review.

    The addressees are the owner's access restriction: `all` for every member country, `only` for the listed
    countries. So ncb.access decides who sees a diffusion, as for any other record.
    """

    diffusion_type = models.CharField(
        pgettext_lazy("INTERPOL notice", "purpose (notice colour)"), max_length=10, choices=NoticeType.choices
    )
    status = models.CharField(
        _("status"), max_length=12, choices=DiffusionStatus.choices, default=DiffusionStatus.CIRCULATING
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("sent by"), on_delete=models.PROTECT, related_name="+"
    )
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    review_checklist = models.JSONField(_("review checklist"), default=dict, blank=True)
    withdrawal_reasons = models.TextField(_("reasons for withdrawal"), blank=True)

    class Meta:
        verbose_name = _("diffusion")
        verbose_name_plural = _("diffusions")
        ordering = ["-sent_at", "-id"]
        indexes = [models.Index(fields=["status", "reviewed_at"], name="diffusion_review")]

    def __str__(self) -> str:
        return f"DIF-{self.pk or 0:06d} {self.full_name or self.get_diffusion_type_display()}"

    @property
    def reference(self) -> str:
        return f"DIF-{self.pk or 0:06d}"
