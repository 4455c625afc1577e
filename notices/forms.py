"""Forms of the notices app: the request form of each type, reviews, reasons, diffusions, searches."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ncb.choices import Language
from ncb.forms import StyledForm, style_form
from ncb.models import Country

from .choices import PUBLIC_TYPES, ChecklistItem, NoticeStatus, NoticeType
from .languages import is_language_code
from .models import Notice
from .photo_upload import photo_reencode
from .translation import CONTENT_FIELDS
from .types import NoticeTypeSpec

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
WIDGETS = {
    "date_of_birth": DATE,
    "facts_date": DATE,
    "warrant_issued_on": DATE,
    "summary_of_facts": forms.Textarea(attrs={"rows": 5}),
    "charges": forms.Textarea(attrs={"rows": 3}),
    "physical_description": forms.Textarea(attrs={"rows": 3}),
    "distinguishing_marks": forms.Textarea(attrs={"rows": 2}),
    "nationalities": forms.SelectMultiple(attrs={"size": 6}),
}


class LanguageCodesField(forms.CharField):
    """ISO 639 codes separated by commas or spaces (FRE, ARA, SPA), as INTERPOL's public API lists them."""

    def to_python(self, value):
        codes = [code.strip().upper() for code in (value or "").replace(",", " ").split() if code.strip()]
        unknown = [code for code in codes if not is_language_code(code)]
        if unknown:
            raise forms.ValidationError(_("Unknown language codes: {codes}.").format(codes=", ".join(unknown)))
        return codes

    def prepare_value(self, value):
        return ", ".join(value) if isinstance(value, list) else value


def _countries():
    return Country.objects.order_by("name")


class NoticeRequestForm(forms.Form):
    """The request form of one notice type: only the fields that type uses, labelled for it.

    Nothing is required here so that a draft can be saved half-done; the completeness check runs on submission.
    """

    def __init__(self, *args, spec: NoticeTypeSpec, notice: Notice | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.spec = spec
        names = [name for name in spec.fields if name not in ("languages_spoken", "subject_record")]
        self.fields.update(forms.fields_for_model(Notice, fields=names, widgets=WIDGETS, labels=spec.labels))
        if "subject_record" in spec.fields:
            self.fields["subject_record"] = forms.IntegerField(
                label=_("person record in the databases"),
                required=False,
                min_value=1,
                help_text=_("The number of the subject's record in the persons database, if there is one."),
            )
        if "languages_spoken" in spec.fields:
            self.fields["languages_spoken"] = LanguageCodesField(
                label=_("languages spoken"), required=False, help_text=_("ISO 639 codes, e.g. FRE, ARA, SPA.")
            )
        for name in ("nationalities", "country_of_birth", "warrant_country"):
            if name in self.fields:
                self.fields[name].queryset = _countries()
        self.fields["language"].help_text = _("The language you write the facts and descriptions in.")
        needed = {*spec.required, *(name for group in spec.required_any for name in group)}
        for name in needed & set(self.fields):
            self.fields[name].help_text = _("Needed before the request can be submitted.")
        if "photo" in self.fields:
            self.fields["photo"].widget = forms.FileInput(attrs={"accept": "image/jpeg,image/png"})
            if notice is not None and notice.photo:
                self.fields["photo_clear"] = forms.BooleanField(label=_("Remove the current photo"), required=False)
        if notice is not None:
            self.initial.update(_initial_of(notice, self.fields))
        self.fields_adjust()
        style_form(self)

    def fields_adjust(self) -> None:
        """Hook for forms built on this one, run before the widgets are styled."""

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        return photo_reencode(photo) if photo else photo

    def clean(self):
        data = super().clean()
        # An empty file input keeps the photo; only the box removes it.
        if data.pop("photo_clear", False):
            data["photo"] = False
        elif "photo" in data and not data["photo"]:
            data.pop("photo")
        return data


def _initial_of(notice: Notice, fields) -> dict:
    """The draft's values, free text in the language it was written in (not the reader's)."""
    initial = {}
    for name in fields:
        if name in ("photo", "photo_clear"):
            continue
        if name in CONTENT_FIELDS:
            initial[name] = getattr(notice, f"{name}_{notice.language}")
        elif name == "subject_record":
            initial[name] = notice.subject_record_id
        elif name == "nationalities":
            initial[name] = list(notice.nationalities.all())
        else:
            initial[name] = getattr(notice, name)
    return initial


class ReasonsForm(StyledForm):
    reasons = forms.CharField(label=_("Reasons"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)


class ReviewForm(forms.Form):
    """The reviewer's checklist and decision."""

    PUBLISH, REFUSE = "publish", "refuse"
    decision = forms.ChoiceField(
        label=_("Decision"),
        widget=forms.RadioSelect,
        choices=[(PUBLISH, _("Publish")), (REFUSE, _("Refuse"))],
    )
    reasons = forms.CharField(
        label=_("Reasons (required to refuse)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for value, label in ChecklistItem.choices:
            self.fields[value] = forms.BooleanField(label=label, required=False)
        style_form(self)
        self.fields["decision"].widget.attrs["class"] = "form-check-input"

    @property
    def checklist_fields(self):
        return [self[value] for value in ChecklistItem.values]

    @property
    def checklist(self) -> dict:
        return {value: self.cleaned_data.get(value, False) for value in ChecklistItem.values}


class DiffusionReviewForm(ReviewForm):
    CONFIRM, WITHDRAW = "confirm", "withdraw"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["decision"].choices = [
            (self.CONFIRM, _("Compliant: keep circulating")),
            (self.WITHDRAW, _("Withdraw")),
        ]
        self.fields["reasons"].label = _("Reasons (required to withdraw)")


class TranslationForm(StyledForm):
    language = forms.ChoiceField(label=_("Language of the translation"), choices=Language.choices)
    summary_of_facts = forms.CharField(label=_("summary of facts"), required=False, widget=WIDGETS["summary_of_facts"])
    charges = forms.CharField(label=_("charges"), required=False, widget=WIDGETS["charges"])
    physical_description = forms.CharField(
        label=_("physical description"), required=False, widget=WIDGETS["physical_description"]
    )
    distinguishing_marks = forms.CharField(
        label=_("scars, marks and tattoos"), required=False, widget=WIDGETS["distinguishing_marks"]
    )


class PublicConsentForm(StyledForm):
    public_consent = forms.BooleanField(label=_("The NCB agrees to a public extract"), required=False)


class RequestFilterForm(StyledForm):
    status = forms.ChoiceField(label=_("Status"), required=False, choices=[("", _("Any"))] + NoticeStatus.choices)
    notice_type = forms.ChoiceField(
        label=pgettext_lazy("INTERPOL notice", "Type of notice"),
        required=False,
        choices=[("", _("Any"))] + NoticeType.choices,
    )


class NoticeSearchForm(StyledForm):
    text = forms.CharField(label=_("Name or control number"), required=False, max_length=100)
    notice_type = forms.ChoiceField(
        label=pgettext_lazy("INTERPOL notice", "Type of notice"),
        required=False,
        choices=[("", _("Any"))] + NoticeType.choices,
    )
    nationality = forms.CharField(label=_("Nationality (ISO code)"), required=False, max_length=2)
    requesting_country = forms.CharField(label=_("Requesting country (ISO code)"), required=False, max_length=2)


class DiffusionFilterForm(StyledForm):
    box = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[
            ("", pgettext_lazy("diffusions", "All")),
            ("received", _("Received")),
            ("sent", _("Sent by my NCB")),
        ],
    )
    text = forms.CharField(label=_("Name"), required=False, max_length=100)


class DiffusionForm(NoticeRequestForm):
    """A diffusion: the same particulars as a notice request, its purpose and its addressees."""

    def fields_adjust(self) -> None:
        for name in (
            "subject_record",
            "public_consent",
            "judicial_basis",
            "maximum_penalty_months",
            "maximum_penalty_life",
            "sentence_remaining_months",
            "warrant_issued_on",
            "warrant_authority",
            "warrant_country",
            "un_reference",
            "un_committee",
        ):
            self.fields.pop(name, None)
        self.fields["to_all"] = forms.BooleanField(label=_("Send to every member country"), required=False)
        self.fields["countries"] = forms.ModelMultipleChoiceField(
            label=_("Or only to these countries"),
            required=False,
            queryset=Country.objects.filter(is_member=True).order_by("name"),
            widget=forms.SelectMultiple(attrs={"size": 8}),
        )

    def clean(self):
        data = super().clean()
        if not data.get("to_all") and not data.get("countries"):
            self.add_error("countries", _("Choose the countries, or send to every member country."))
        return data


class PublicSearchForm(StyledForm):
    """The public site's search, with the filters of the public API."""

    notice_type = forms.ChoiceField(
        label=pgettext_lazy("INTERPOL notice", "Type of notice"),
        required=False,
        choices=[(t.value, t.label) for t in PUBLIC_TYPES],
    )
    name = forms.CharField(label=_("Family name"), required=False, max_length=100)
    forename = forms.CharField(label=_("Forename"), required=False, max_length=100)
    nationality = forms.CharField(label=_("Nationality (ISO code)"), required=False, max_length=2)
