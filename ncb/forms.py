from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from .choices import Language


def style_form(form: forms.BaseForm) -> forms.BaseForm:
    """Give every widget Bootstrap's classes, so templates stay free of per-field markup."""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxInput):
            css = "form-check-input"
        elif isinstance(widget, forms.Select | forms.SelectMultiple):
            css = "form-select"
        else:
            css = "form-control"
        widget.attrs["class"] = (widget.attrs.get("class", "") + " " + css).strip()
    return form


class StyledForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_form(self)


class StyledModelForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_form(self)


class LoginForm(AuthenticationForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_form(self)

    username = forms.CharField(label=_("Username"), max_length=150, widget=forms.TextInput(attrs={"autofocus": True}))
    password = forms.CharField(label=_("Password"), strip=False, widget=forms.PasswordInput)


class OtpTokenForm(StyledForm):
    token = forms.RegexField(
        label=_("Six-digit code"),
        regex=r"^\d{6}$",
        max_length=6,
        error_messages={"invalid": _("Enter the six digits shown by your authenticator app.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )


class ApiTokenForm(StyledForm):
    name = forms.CharField(label=_("Token name"), max_length=80, help_text=_("For example: border post Roissy T2."))


class ProfileForm(StyledForm):
    preferred_language = forms.ChoiceField(label=_("Preferred language"), choices=Language.choices)
    time_zone = forms.CharField(
        label=_("Time zone"), max_length=64, required=False, help_text=_("Leave blank to use your unit's time zone.")
    )

    def clean_time_zone(self):
        from zoneinfo import available_timezones

        value = self.cleaned_data["time_zone"].strip()
        if value and value not in available_timezones():
            raise forms.ValidationError(_("Unknown time zone."))
        return value


class AuditSearchForm(StyledForm):
    text = forms.CharField(label=_("User, target or outcome"), required=False, max_length=100)
    action = forms.CharField(label=_("Action starts with"), required=False, max_length=60)
    since = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
