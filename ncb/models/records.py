from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import Restriction
from .labels import ChoiceLabels


class OwnedRecord(ChoiceLabels, models.Model):
    """Ownership and the owner's access restriction, shared by every record of the global databases.

    Who may see a record is decided in one place, ncb.access, from these fields.
    """

    owner = models.ForeignKey(
        "ncb.Unit", verbose_name=_("owner"), on_delete=models.PROTECT, related_name="+", db_index=True
    )
    restriction = models.CharField(
        _("access restriction"), max_length=12, choices=Restriction.choices, default=Restriction.ALL
    )
    restriction_countries = models.ManyToManyField(
        "ncb.Country", verbose_name=_("countries named in the restriction"), blank=True, related_name="+"
    )

    class Meta:
        abstract = True
