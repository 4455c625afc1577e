"""Forms of the screening pages: one person, or a passenger list to upload."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ncb.forms import StyledForm

from ..choices import Sex


class PersonScreeningForm(StyledForm):
    family_name = forms.CharField(label=_("Family name"), max_length=100, help_text=_("In any script."))
    given_names = forms.CharField(label=_("Given names"), max_length=100, required=False)
    date_of_birth = forms.CharField(
        label=_("Date of birth"), max_length=10, required=False, help_text=_("YYYY, YYYY-MM or YYYY-MM-DD")
    )
    sex = forms.ChoiceField(label=_("Sex"), choices=[("", "—"), *Sex.choices], required=False)
    nationality = forms.CharField(label=_("Nationality"), max_length=3, required=False, help_text=_("ISO code"))


class PassengerListForm(StyledForm):
    file = forms.FileField(
        label=_("Passenger list (CSV)"),
        help_text=_("Columns: family_name, given_names, date_of_birth, sex, nationality, document_number."),
    )
