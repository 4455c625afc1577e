"""Forms of the training pages: they check the shape of the input; the services decide what is allowed."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ncb.choices import Language, Region
from ncb.forms import StyledForm, style_form

from .choices import Attendance, EnrolmentStatus, Format, Level, Priority, Programme
from .models import Course, Topic

ANY = _("Any")


def _any(choices) -> list:
    return [("", ANY), *choices]


class CatalogueFilterForm(StyledForm):
    q = forms.CharField(label=_("Search titles"), required=False, max_length=100)
    programme = forms.ChoiceField(label=_("Programme"), required=False, choices=_any(Programme.choices))
    level = forms.ChoiceField(label=_("Level"), required=False, choices=_any(Level.choices))
    format = forms.ChoiceField(label=_("Format"), required=False, choices=_any(Format.choices))
    language = forms.ChoiceField(
        label=_("Session language"),
        required=False,
        choices=_any(Language.choices),
        help_text=_("Courses with an upcoming session taught in this language."),
    )
    topic = forms.ModelChoiceField(
        label=_("Topic"), required=False, queryset=Topic.objects.order_by("programme", "code"), empty_label=ANY
    )

    def filters(self) -> dict:
        """Keyword arguments for selectors.course_catalogue; empty when the form is invalid."""
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "text": data["q"].strip(),
            "programme": data["programme"],
            "level": data["level"],
            "format": data["format"],
            "language": data["language"],
            "topic": data["topic"],
        }


class ApplyForm(StyledForm):
    motivation = forms.CharField(
        label=_("Why this course?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Your duties and how the course will help; your NCB head and the coordinator read it."),
    )


class ReasonForm(StyledForm):
    reason = forms.CharField(label=_("Reason"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))


class AttendanceForm(StyledForm):
    attendance = forms.ChoiceField(
        label=_("Attendance"), choices=[c for c in Attendance.choices if c[0] != Attendance.NOT_RECORDED]
    )


class StatusFilterForm(StyledForm):
    status = forms.ChoiceField(label=_("Status"), required=False, choices=_any(EnrolmentStatus.choices))


class SessionFilterForm(StyledForm):
    period = forms.ChoiceField(
        label=_("Period"),
        required=False,
        choices=[
            ("upcoming", _("Upcoming and running")),
            ("past", _("Past")),
            ("all", pgettext_lazy("sessions", "All")),
        ],
    )
    course = forms.ModelChoiceField(
        label=_("Course"), required=False, queryset=Course.objects.order_by("code"), empty_label=ANY
    )
    language = forms.ChoiceField(label=_("Language"), required=False, choices=_any(Language.choices))


class NeedsReportFilterForm(StyledForm):
    programme = forms.ChoiceField(label=_("Programme"), required=False, choices=_any(Programme.choices))
    region = forms.ChoiceField(label=_("Region"), required=False, choices=_any(Region.choices))


class TrainingNeedsForm(StyledForm):
    """One row per topic: how many officers need it (0 for none) and how urgently."""

    def __init__(self, *args, topics, needs, **kwargs):
        super().__init__(*args, **kwargs)
        self.topics = list(topics)
        for topic in self.topics:
            need = needs.get(topic.pk)
            self.fields[f"officers_{topic.pk}"] = forms.IntegerField(
                label=_("Officers to train in “{topic}”").format(topic=topic.name),
                min_value=0,
                max_value=999,
                initial=need.officers if need else 0,
            )
            self.fields[f"priority_{topic.pk}"] = forms.ChoiceField(
                label=_("Priority of “{topic}”").format(topic=topic.name),
                choices=Priority.choices,
                initial=need.priority if need else Priority.MEDIUM,
            )
        style_form(self)

    def rows(self):
        """(topic, officers field, priority field) for the template's table."""
        for topic in self.topics:
            yield topic, self[f"officers_{topic.pk}"], self[f"priority_{topic.pk}"]

    def needs(self) -> dict[int, tuple[int, str]]:
        return {
            topic.pk: (self.cleaned_data[f"officers_{topic.pk}"] or 0, self.cleaned_data[f"priority_{topic.pk}"])
            for topic in self.topics
        }


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=40,
        help_text=_("The code printed on the certificate, for example KQX7-3M9P-A2BC-D4EF."),
        widget=forms.TextInput(
            attrs={"class": "form-control", "autocomplete": "off", "spellcheck": "false", "dir": "ltr"}
        ),
    )
