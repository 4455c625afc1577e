"""Forms of the CCC pages: shape and labels only; the rules are in services."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from ncb.choices import Language, UnitKind
from ncb.forms import StyledForm
from ncb.models import Unit

from .attachments import attachment_check
from .choices import CasePriority, CaseStatus
from .selectors import STATUS_ALL, STATUS_OPEN, ccc_sites

BLANK = [("", _("Any"))]


class QueueFilterForm(StyledForm):
    site = forms.ModelChoiceField(label=_("Site"), queryset=Unit.objects.none(), required=False, empty_label=_("Any"))
    priority = forms.ChoiceField(label=_("Priority"), choices=BLANK + CasePriority.choices, required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            (STATUS_OPEN, pgettext_lazy("case status", "Open")),
            *CaseStatus.choices,
            (STATUS_ALL, pgettext_lazy("case status", "All")),
        ],
    )
    language = forms.ChoiceField(label=_("Language"), choices=BLANK + Language.choices, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = ccc_sites()

    def filters(self) -> dict:
        """The valid filters, ready for the queue selector (invalid ones are ignored, not an error page)."""
        if not self.is_valid():
            return {}
        return {key: value for key, value in self.cleaned_data.items() if value}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field; each is checked from its content (PDF, PNG, JPEG, plain text) and size."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg,.txt"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        files = [super(MultipleFileField, self).clean(item, initial) for item in files]
        if len(files) > settings.CCC_ATTACHMENT_MAX_COUNT:
            raise forms.ValidationError(
                ngettext(
                    "Attach at most {count} file to a message.",
                    "Attach at most {count} files to a message.",
                    settings.CCC_ATTACHMENT_MAX_COUNT,
                ).format(count=settings.CCC_ATTACHMENT_MAX_COUNT)
            )
        for upload in files:
            attachment_check(upload)
        return files


class MessageForm(StyledForm):
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 4}), max_length=10000)
    language = forms.ChoiceField(label=_("Language of the message"), choices=Language.choices)
    attachments = MultipleFileField(
        label=_("Attachments"), required=False, help_text=_("PDF, PNG, JPEG or plain text files.")
    )


class CccMessageForm(MessageForm):
    awaiting_reply = forms.BooleanField(label=_("Wait for the NCB's answer"), required=False)


class UrgentRequestForm(StyledForm):
    summary = forms.CharField(label=_("What is it about?"), max_length=300)
    details = forms.CharField(
        label=_("Details"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=10000,
        help_text=_("What happened, what you need from the CCC, and any reference numbers."),
    )
    priority = forms.ChoiceField(
        label=_("How urgent is it?"), choices=CasePriority.choices, initial=CasePriority.URGENT
    )
    language = forms.ChoiceField(label=_("Language of the request"), choices=Language.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        hours = settings.CCC_FIRST_REPLY_HOURS
        urgent, standard = hours[CasePriority.URGENT], hours[CasePriority.STANDARD]
        self.fields["priority"].help_text = " ".join(
            (
                ngettext(
                    "Urgent: first reply within {count} hour.", "Urgent: first reply within {count} hours.", urgent
                ).format(count=urgent),
                ngettext("Standard: within {count} hour.", "Standard: within {count} hours.", standard).format(
                    count=standard
                ),
            )
        )


class CaseOpenForm(StyledForm):
    summary = forms.CharField(label=_("Summary"), max_length=300)
    details = forms.CharField(label=_("Details"), widget=forms.Textarea(attrs={"rows": 5}), required=False)
    priority = forms.ChoiceField(label=_("Priority"), choices=CasePriority.choices)
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)
    ncbs = forms.ModelMultipleChoiceField(
        label=_("NCBs concerned"),
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ncbs"].queryset = Unit.objects.filter(kind=UnitKind.NCB, is_active=True).order_by("name")


class NcbAddForm(StyledForm):
    ncb = forms.ModelChoiceField(label=_("NCB"), queryset=Unit.objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ncb"].queryset = Unit.objects.filter(kind=UnitKind.NCB, is_active=True).order_by("name")


class ResolveForm(StyledForm):
    resolution = forms.CharField(label=_("Resolution"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)


class HandOverNoteForm(StyledForm):
    handover_note = forms.CharField(
        label=_("Hand-over note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=5000,
        help_text=_("What the next site needs to know."),
    )


class HandOverForm(StyledForm):
    site = forms.ModelChoiceField(label=_("Site handing over"), queryset=Unit.objects.none())
    note = forms.CharField(label=_("Hand-over note"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = ccc_sites()
