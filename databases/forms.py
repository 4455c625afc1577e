"""Forms of the record pages. Shape only: identifiers are validated by the services (databases.keys)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ncb.choices import Restriction
from ncb.forms import StyledForm, StyledModelForm
from ncb.models import Country

from .choices import CLOSED_STATUSES, STATUSES_OF, Database, RecordStatus
from .models import Artwork, Firearm, Person, TravelDocument, Vehicle

RECORD_FIELDS = ("reference", "status")


def _member_countries():
    return Country.objects.filter(is_member=True).order_by("name")


class RecordForm(StyledModelForm):
    """Base of the record forms: the status offered depends on the database."""

    database = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = set(STATUSES_OF[self.database]) | (set(CLOSED_STATUSES) if self.instance.pk else set())
        self.fields["status"].choices = [(v, label) for v, label in RecordStatus.choices if v in allowed]


class PersonForm(RecordForm):
    database = Database.PERSONS
    nationalities = forms.ModelMultipleChoiceField(
        label=_("Nationalities"), queryset=Country.objects.none(), required=False
    )
    aliases = forms.CharField(
        label=_("Aliases"), required=False, widget=forms.Textarea(attrs={"rows": 3}), help_text=_("One per line.")
    )

    class Meta:
        model = Person
        fields = (
            *RECORD_FIELDS,
            "family_name",
            "given_names",
            "family_name_latin",
            "given_names_latin",
            "date_of_birth",
            "place_of_birth",
            "sex",
            "nationalities",
            "remarks",
        )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nationalities"].queryset = _member_countries()
        if self.instance.pk and not self.is_bound:
            self.initial["aliases"] = "\n".join(a.name for a in self.instance.aliases.all())

    def clean_aliases(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["aliases"].splitlines() if line.strip()]


class TravelDocumentForm(RecordForm):
    database = Database.TRAVEL_DOCUMENTS

    class Meta:
        model = TravelDocument
        fields = (
            *RECORD_FIELDS,
            "document_type",
            "number",
            "issuing_country",
            "holder_family_name",
            "holder_given_names",
            "holder_date_of_birth",
            "holder_nationality",
            "date_of_issue",
            "date_of_expiry",
            "date_of_event",
            "remarks",
        )
        widgets = {
            name: forms.DateInput(attrs={"type": "date"})
            for name in ("date_of_issue", "date_of_expiry", "date_of_event")
        }


class VehicleForm(RecordForm):
    database = Database.VEHICLES

    class Meta:
        model = Vehicle
        fields = (
            *RECORD_FIELDS,
            "vin",
            "plate",
            "plate_country",
            "make",
            "model",
            "colour",
            "year",
            "date_of_event",
            "remarks",
        )
        widgets = {"date_of_event": forms.DateInput(attrs={"type": "date"})}


class ArtworkForm(RecordForm):
    database = Database.ARTWORKS

    class Meta:
        model = Artwork
        fields = (
            *RECORD_FIELDS,
            "title_en",
            "title_fr",
            "title_es",
            "title_ar",
            "artist",
            "artwork_type",
            "materials",
            "dimensions",
            "period",
            "date_stolen",
            "place_stolen",
            "country_stolen",
            "remarks",
        )
        widgets = {"date_stolen": forms.DateInput(attrs={"type": "date"})}

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(f"title_{code}") for code in ("en", "fr", "es", "ar")):
            self.add_error("title_en", _("Give the title in at least one language."))
        return cleaned


class FirearmForm(RecordForm):
    database = Database.FIREARMS

    class Meta:
        model = Firearm
        fields = (
            *RECORD_FIELDS,
            "make",
            "model",
            "serial_number",
            "calibre",
            "firearm_type",
            "country_of_manufacture",
            "date_of_event",
            "remarks",
        )
        widgets = {"date_of_event": forms.DateInput(attrs={"type": "date"})}


FORMS = {
    Database.PERSONS: PersonForm,
    Database.TRAVEL_DOCUMENTS: TravelDocumentForm,
    Database.VEHICLES: VehicleForm,
    Database.ARTWORKS: ArtworkForm,
    Database.FIREARMS: FirearmForm,
}


class RestrictForm(StyledForm):
    restriction = forms.ChoiceField(label=_("Access restriction"), choices=Restriction.choices)
    countries = forms.ModelMultipleChoiceField(label=_("Countries"), queryset=Country.objects.none(), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["countries"].queryset = _member_countries()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("restriction") != Restriction.ALL and not cleaned.get("countries"):
            self.add_error("countries", _("Name the countries of the restriction."))
        return cleaned


class CloseForm(StyledForm):
    status = forms.ChoiceField(label=_("New status"), choices=[(s.value, s.label) for s in CLOSED_STATUSES])


class PhotoForm(StyledForm):
    image = forms.FileField(label=_("Photo"), widget=forms.ClearableFileInput(attrs={"accept": "image/*"}))
    caption = forms.CharField(label=_("Caption"), max_length=200, required=False)


class RecordSearchForm(StyledForm):
    q = forms.CharField(label=_("Search"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any status")), *RecordStatus.choices]
    )
    owner = forms.CharField(label=_("Owner country (alpha-2)"), required=False, max_length=2)
    review = forms.ChoiceField(
        label=_("Review"),
        required=False,
        choices=[("", _("Any review date")), ("due", _("Review due soon")), ("overdue", _("Review overdue"))],
    )
    mine = forms.BooleanField(label=_("Only my NCB's records"), required=False)


class ImportForm(StyledForm):
    database = forms.ChoiceField(label=_("Database"), choices=Database.choices)
    file = forms.FileField(label=_("File (.csv or .jsonl)"))


class HitReviewForm(StyledForm):
    review_status = forms.ChoiceField(
        label=_("Review"), choices=[("confirmed", _("Confirmed")), ("false_positive", _("False positive"))]
    )
    review_reason = forms.CharField(label=_("Reason"), max_length=300, required=False)
