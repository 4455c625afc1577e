from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class HandOver(models.Model):
    """One hand-over of a site's open cases to the next site, at the end of a shift or by a supervisor."""

    from_site = models.ForeignKey("ncb.Unit", verbose_name=_("from site"), on_delete=models.PROTECT, related_name="+")
    to_site = models.ForeignKey("ncb.Unit", verbose_name=_("to site"), on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("time"))
    # The end of the shift that caused an automatic hand-over; empty for a manual one. Unique per site, so a
    # beat task running twice at the same boundary hands over once.
    shift_end = models.DateTimeField(_("end of shift"), null=True, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.TextField(_("hand-over note"), blank=True)
    case_count = models.PositiveIntegerField(_("cases handed over"), default=0)

    class Meta:
        verbose_name = _("hand-over")
        verbose_name_plural = _("hand-overs")
        ordering = ["-at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["from_site", "shift_end"],
                condition=models.Q(shift_end__isnull=False),
                name="ccc_handover_once_per_shift",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_site_id} → {self.to_site_id} {self.at:%Y-%m-%d %H:%M}"
