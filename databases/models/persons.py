"""Persons (nominals): names in any script with their Latin transliteration, aliases and identity documents."""

from django.contrib.postgres.expressions import ArraySubquery
from django.db import models
from django.db.models import OuterRef
from django.utils.translation import gettext_lazy as _

from ..choices import Database, DocumentType, Sex
from .base import GlobalRecord
from .photos import RecordPhoto


class Person(GlobalRecord):
    """A wanted or missing person. Names are kept as written; `*_latin` and `name_key` serve search and matching."""

    DATABASE = Database.PERSONS

    family_name = models.CharField(_("family name"), max_length=100)
    given_names = models.CharField(_("given names"), max_length=100, blank=True)
    family_name_latin = models.CharField(_("family name (Latin script)"), max_length=100, blank=True)
    given_names_latin = models.CharField(_("given names (Latin script)"), max_length=100, blank=True)
    # Folded Latin "family given" (databases.keys.person_name_key): prefix search on the index below.
    name_key = models.CharField(_("name search key"), max_length=200, editable=False)
    date_of_birth = models.CharField(
        _("date of birth"), max_length=10, blank=True, help_text=_("YYYY, YYYY-MM or YYYY-MM-DD")
    )
    birth_year = models.PositiveSmallIntegerField(
        _("year of birth"), null=True, blank=True, db_index=True, editable=False
    )
    place_of_birth = models.CharField(_("place of birth"), max_length=100, blank=True)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, default=Sex.UNKNOWN)
    nationalities = models.ManyToManyField("ncb.Country", verbose_name=_("nationalities"), blank=True, related_name="+")

    class Meta(GlobalRecord.Meta):
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        indexes = [
            models.Index(fields=["recorded_at", "id"], name="person_recorded"),  # lists, newest first
            models.Index(fields=["reference"], name="person_reference"),  # search by any owner's reference
            # A name search reads the matching ids from the index alone (selectors._person_text_condition).
            models.Index(
                fields=["name_key"], name="person_name_prefix", opclasses=["varchar_pattern_ops"], include=["id"]
            ),
        ]

    def __str__(self) -> str:
        return f"{self.family_name.upper()} {self.given_names}".strip()

    # Lists read both with their rows (selectors.record_list annotates _nationality_codes and _alias_names).
    @property
    def nationality_codes(self) -> list[str]:
        """The nationalities' ISO alpha-2 codes, in code order."""
        codes = self.__dict__.get("_nationality_codes")
        return codes if codes is not None else sorted(country.iso2 for country in self.nationalities.all())

    @property
    def alias_names(self) -> list[str]:
        """The aliases, in the order they were recorded."""
        names = self.__dict__.get("_alias_names")
        return names if names is not None else [alias.name for alias in self.aliases.all()]


class PersonAlias(models.Model):
    """Another name the person is known by, in any script."""

    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(_("alias"), max_length=200)
    name_latin = models.CharField(_("alias (Latin script)"), max_length=200, blank=True)
    name_key = models.CharField(_("alias search key"), max_length=200, editable=False)

    class Meta:
        verbose_name = _("alias")
        verbose_name_plural = _("aliases")
        ordering = ["id"]
        indexes = [
            models.Index(
                fields=["name_key"], name="alias_name_prefix", opclasses=["varchar_pattern_ops"], include=["person"]
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def names_array(cls) -> ArraySubquery:
        """The aliases of the outer query's person (its "pk"), in the order recorded, as one array (PostgreSQL):
        what the lists show and screening answers, read with the person's row."""
        return ArraySubquery(cls.objects.filter(person=OuterRef("pk")).order_by("pk").values("name"))


class PersonDocument(models.Model):
    """An identity or travel document the person holds or held (not itself recorded as stolen or lost)."""

    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="documents")
    document_type = models.CharField(_("document type"), max_length=20, choices=DocumentType.choices)
    number = models.CharField(_("document number"), max_length=40)
    number_normalized = models.CharField(_("normalized number"), max_length=20, db_index=True, editable=False)
    issuing_country = models.CharField(_("issuing country (alpha-3)"), max_length=3)

    class Meta:
        verbose_name = _("identity document")
        verbose_name_plural = _("identity documents")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.issuing_country} {self.number}"


class PersonPhoto(RecordPhoto):
    """A photo of a person."""

    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="photos")

    class Meta(RecordPhoto.Meta):
        verbose_name = _("photo of a person")
        verbose_name_plural = _("photos of persons")
