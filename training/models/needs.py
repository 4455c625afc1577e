"""Training needs stated by NCB heads, compared by the coordinator with the courses offered."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..choices import Priority


class TrainingNeed(models.Model):
    """How many officers of one NCB need training on one topic, and how urgently."""

    ncb = models.ForeignKey("ncb.Unit", verbose_name=_("NCB"), on_delete=models.CASCADE, related_name="+")
    topic = models.ForeignKey("training.Topic", verbose_name=_("topic"), on_delete=models.CASCADE, related_name="needs")
    officers = models.PositiveSmallIntegerField(_("officers to train"))
    priority = models.CharField(_("priority"), max_length=10, choices=Priority.choices, default=Priority.MEDIUM)
    stated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("stated by"), on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("training need")
        verbose_name_plural = _("training needs")
        ordering = ["ncb", "topic"]
        constraints = [
            models.UniqueConstraint(fields=["ncb", "topic"], name="one_need_per_ncb_and_topic"),
            models.CheckConstraint(condition=Q(officers__gte=1), name="need_names_at_least_one_officer"),
        ]

    def __str__(self) -> str:
        return f"{self.ncb_id}: {self.topic_id} ×{self.officers}"
