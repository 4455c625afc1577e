from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import Region


class Country(models.Model):
    """A country or territory of ISO 3166; member countries of the organization have an NCB."""

    iso2 = models.CharField(_("ISO alpha-2 code"), max_length=2, unique=True)
    iso3 = models.CharField(_("ISO alpha-3 code"), max_length=3, unique=True)
    numeric = models.CharField(_("ISO numeric code"), max_length=3, blank=True)
    # Translated (ar, en, fr, es) through modeltranslation; filled from pycountry's translations.
    name = models.CharField(_("name"), max_length=120)
    region = models.CharField(_("region"), max_length=20, choices=Region.choices, blank=True)
    is_member = models.BooleanField(_("member country"), default=False)

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
