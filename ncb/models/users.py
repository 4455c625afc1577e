from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import Language


class User(AbstractUser):
    """A person who signs in: an NCB officer, CCC staff, a reviewer, a trainer or an administrator."""

    unit = models.ForeignKey(
        "ncb.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, null=True, blank=True, related_name="users"
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=Language.choices, default=settings.LANGUAGE_CODE
    )
    time_zone = models.CharField(_("time zone"), max_length=64, blank=True)

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def country(self):
        return self.unit.country if self.unit_id else None

    @property
    def effective_time_zone(self) -> str:
        if self.time_zone:
            return self.time_zone
        return self.unit.time_zone if self.unit_id else "UTC"
