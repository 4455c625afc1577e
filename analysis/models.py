"""The analysis app's own data: the modus operandi analysts attach to records, notices and cases."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .choices import START_KINDS, ModusOperandi, NodeKind


class ModusOperandiTag(models.Model):
    """A modus operandi seen in one record, notice or case (named by kind and id, like a node of the chart).

    Whoever may see the tagged item sees the tag: the chart loads a tag only through its item's visibility.
    """

    kind = models.CharField(_("kind"), max_length=12, choices=[(k.value, k.label) for k in START_KINDS])
    object_id = models.BigIntegerField(_("id"))
    modus_operandi = models.CharField(_("modus operandi"), max_length=40, choices=ModusOperandi.choices)
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tagged by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("tagged"), auto_now_add=True)

    class Meta:
        verbose_name = _("modus operandi tag")
        verbose_name_plural = _("modus operandi tags")
        ordering = ["kind", "object_id", "modus_operandi"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id", "modus_operandi"], name="analysis_mo_once"),
        ]
        indexes = [models.Index(fields=["modus_operandi", "kind"], name="analysis_mo_code")]

    def __str__(self) -> str:
        return f"{NodeKind(self.kind).label} {self.object_id}: {self.get_modus_operandi_display()}"
