"""The particulars of a subject, shared by notice requests and diffusions."""

import uuid
from pathlib import Path

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ncb.choices import Language

from ..choices import Sex


def photo_path(instance, filename: str) -> str:
    """A random name: photos are served only through views that check access, never by a guessable URL."""
    suffix = Path(filename).suffix.lower()[:5] or ".jpg"
    return f"notices/photos/{uuid.uuid4().hex}{suffix}"


class SubjectParticulars(models.Model):
    """Who or what a notice or diffusion is about, and the facts, written by the requester in one language.

    Free text (facts, charges, descriptions) is translated with django-modeltranslation; `language` says which
    language the requester wrote in, the other languages hold translations added later.
    """

    language = models.CharField(_("language of the request"), max_length=2, choices=Language.choices, default="en")
    family_name = models.CharField(_("family name"), max_length=120, blank=True)
    given_names = models.CharField(_("forenames"), max_length=120, blank=True)
    aliases = models.CharField(_("aliases and other spellings"), max_length=300, blank=True)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    place_of_birth = models.CharField(_("place of birth"), max_length=120, blank=True)
    country_of_birth = models.ForeignKey(
        "ncb.Country",
        verbose_name=_("country of birth"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    nationalities = models.ManyToManyField("ncb.Country", verbose_name=_("nationalities"), blank=True, related_name="+")
    languages_spoken = models.JSONField(
        _("languages spoken"), default=list, blank=True, help_text=_("ISO 639 three-letter codes, e.g. FRE, ARA.")
    )
    height_cm = models.PositiveSmallIntegerField(
        _("height (cm)"), null=True, blank=True, validators=[MinValueValidator(30), MaxValueValidator(260)]
    )
    weight_kg = models.PositiveSmallIntegerField(
        _("weight (kg)"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(400)]
    )
    physical_description = models.TextField(_("physical description"), blank=True)
    distinguishing_marks = models.TextField(_("scars, marks and tattoos"), blank=True)
    photo = models.ImageField(_("photo"), upload_to=photo_path, blank=True)
    summary_of_facts = models.TextField(_("summary of facts"), blank=True)
    facts_date = models.DateField(_("date of the facts"), null=True, blank=True)
    facts_place = models.CharField(_("place of the facts"), max_length=200, blank=True)
    charges = models.TextField(_("charges"), blank=True)
    law = models.CharField(_("law covering the offence"), max_length=300, blank=True)
    warrant_reference = models.CharField(_("arrest warrant or court decision reference"), max_length=100, blank=True)

    class Meta:
        abstract = True

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.given_names, self.family_name) if part)
