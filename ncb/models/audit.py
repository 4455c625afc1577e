from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    """One line of the append-only audit trail: who did what, on what, with which query and outcome.

    On PostgreSQL a trigger refuses UPDATE and DELETE (migration 0002); nothing in the app edits a row.
    """

    at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    # PROTECT: users and units with audit rows are deactivated, never deleted. The ORM enforces it; there is no
    # database constraint, which would check both on every row written (a 1,000-item batch check writes 1,000
    # rows, and the checks were half the cost of writing them). The unit is indexed with the time, below.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        db_constraint=False,
    )
    actor_username = models.CharField(_("username"), max_length=150, blank=True)
    unit = models.ForeignKey(
        "ncb.Unit",
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        null=True,
        related_name="+",
        db_constraint=False,
        db_index=False,
    )
    action = models.CharField(_("action"), max_length=60, db_index=True)
    target_type = models.CharField(_("target type"), max_length=60, blank=True)
    target_id = models.CharField(_("target id"), max_length=64, blank=True)
    target_repr = models.CharField(_("target"), max_length=200, blank=True)
    query = models.JSONField(_("query"), default=dict, blank=True, encoder=DjangoJSONEncoder)
    outcome = models.CharField(_("outcome"), max_length=200, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit trail")
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["unit", "-at"], name="audit_unit_at"),
            models.Index(fields=["target_type", "target_id"], name="audit_target"),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.actor_username} {self.action}"
