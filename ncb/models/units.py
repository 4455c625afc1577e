from zoneinfo import available_timezones

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import UnitKind


class Unit(models.Model):
    """An organizational unit a user belongs to: an NCB, the General Secretariat, an office or a CCC site."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=UnitKind.choices)
    # Translated through modeltranslation.
    name = models.CharField(_("name"), max_length=160)
    country = models.ForeignKey(
        "ncb.Country", verbose_name=_("country"), on_delete=models.PROTECT, null=True, blank=True, related_name="units"
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    time_zone = models.CharField(_("time zone"), max_length=64, default="UTC")
    # Working hours in local time, used by the CCC sites for follow-the-sun hand-over.
    shift_start = models.TimeField(_("shift start (local time)"), null=True, blank=True)
    shift_end = models.TimeField(_("shift end (local time)"), null=True, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["country"], condition=models.Q(kind="ncb"), name="one_ncb_per_country"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        if self.time_zone not in available_timezones():
            raise ValidationError({"time_zone": _("Unknown time zone.")})
        if self.kind == UnitKind.NCB and self.country_id is None:
            raise ValidationError({"country": _("A National Central Bureau belongs to a country.")})

    @property
    def is_ncb(self) -> bool:
        return self.kind == UnitKind.NCB

    @property
    def sees_all_records(self) -> bool:
        """The General Secretariat and the CCC process every record on the members' behalf (data rules)."""
        return self.kind in {UnitKind.GENERAL_SECRETARIAT, UnitKind.CCC_SITE, UnitKind.INNOVATION_COMPLEX}
