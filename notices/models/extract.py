"""The public extract of a published notice: the only data the public site and public API ever read."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ..choices import NoticeType, Sex


class PublicExtract(models.Model):
    """A copy of the particulars the requesting NCB agreed to make public, taken when the notice is published.

    A copy, not a view of the notice: later edits of the request never reach the public, and nothing outside
    these fields can leak through the public pages or API. Deleted when the notice leaves publication or the
    NCB withdraws its consent.
    """

    notice = models.OneToOneField(
        "notices.Notice",
        verbose_name=pgettext_lazy("INTERPOL notice", "notice"),
        on_delete=models.CASCADE,
        related_name="public_extract",
    )
    notice_type = models.CharField(
        pgettext_lazy("INTERPOL notice", "type of notice"), max_length=10, choices=NoticeType.choices
    )
    entity_id = models.CharField(_("control number"), max_length=12, unique=True)
    forename = models.CharField(_("forenames"), max_length=120, blank=True)
    name = models.CharField(_("family name"), max_length=120, blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    sex_id = models.CharField(_("sex"), max_length=1, choices=Sex.choices, blank=True)
    nationalities = models.JSONField(_("nationalities"), default=list, blank=True)
    place_of_birth = models.CharField(_("place of birth"), max_length=120, blank=True)
    country_of_birth_id = models.CharField(_("country of birth"), max_length=2, blank=True)
    height_cm = models.PositiveSmallIntegerField(_("height (cm)"), null=True, blank=True)
    weight_kg = models.PositiveSmallIntegerField(_("weight (kg)"), null=True, blank=True)
    languages_spoken_ids = models.JSONField(_("languages spoken"), default=list, blank=True)
    # Translated (modeltranslation), copied with the notice's translations.
    distinguishing_marks = models.TextField(_("scars, marks and tattoos"), blank=True)
    charge = models.TextField(_("charges"), blank=True)
    issuing_country_id = models.CharField(_("country issuing the warrant"), max_length=2, blank=True)
    # Yellow: when and where the person went missing; UN: the sanctions list reference.
    date_of_event = models.DateField(_("date of disappearance"), null=True, blank=True)
    place = models.CharField(_("place last seen"), max_length=200, blank=True)
    un_reference = models.CharField(_("UN sanctions list reference"), max_length=40, blank=True)
    has_photo = models.BooleanField(_("photo published"), default=False)
    published_at = models.DateTimeField(_("published"))

    class Meta:
        verbose_name = _("public extract")
        verbose_name_plural = _("public extracts")
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["notice_type", "name"], name="extract_type_name")]

    def __str__(self) -> str:
        return f"{self.entity_id} {self.forename} {self.name}".strip()

    @property
    def url_id(self) -> str:
        """The control number as it appears in URLs: 2025/00012 becomes 2025-00012."""
        return self.entity_id.replace("/", "-")
