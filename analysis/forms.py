"""Inputs of the link chart and the trends, shared by the pages and the API (one set of rules, one set of messages)."""

import datetime as dt

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ncb.forms import StyledForm

from .choices import START_KINDS, ModusOperandi, TrendDimension, TrendPeriod
from .selectors import start_resolve


class GraphForm(StyledForm):
    """Where a chart starts (an id, or a reference the analyst knows) and how far it goes."""

    kind = forms.ChoiceField(label=_("Start from"), choices=[(k.value, k.label) for k in START_KINDS])
    id = forms.IntegerField(label=_("Id"), min_value=1, required=False, widget=forms.HiddenInput)
    reference = forms.CharField(
        label=_("Reference"),
        max_length=60,
        required=False,
        help_text=_(
            "The owner's reference of a record, a notice's control number or REQ- number, a case's CCC- number."
        ),
    )
    depth = forms.IntegerField(label=_("Levels of connections"), min_value=1, required=False)
    limit = forms.IntegerField(label=_("Most items"), min_value=1, required=False)

    def __init__(self, *args, viewer=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.viewer = viewer
        self.fields["depth"].widget.attrs.update(min=1, max=settings.ANALYSIS_GRAPH_MAX_DEPTH)
        self.fields["limit"].widget.attrs.update(min=1, max=settings.ANALYSIS_GRAPH_MAX_NODES)

    def clean_depth(self):
        depth = self.cleaned_data.get("depth") or settings.ANALYSIS_GRAPH_DEFAULT_DEPTH
        if depth > settings.ANALYSIS_GRAPH_MAX_DEPTH:
            raise forms.ValidationError(
                _("At most {maximum} levels.").format(maximum=settings.ANALYSIS_GRAPH_MAX_DEPTH), code="max_value"
            )
        return depth

    def clean_limit(self):
        limit = self.cleaned_data.get("limit") or settings.ANALYSIS_GRAPH_DEFAULT_NODES
        if limit > settings.ANALYSIS_GRAPH_MAX_NODES:
            raise forms.ValidationError(
                _("At most {maximum} items.").format(maximum=settings.ANALYSIS_GRAPH_MAX_NODES), code="max_value"
            )
        return limit

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        if data.get("id") is None:
            if not data.get("reference"):
                raise forms.ValidationError(
                    _("Give the id or the reference of the item to start from."), code="required"
                )
            pk = start_resolve(viewer=self.viewer, kind=data["kind"], reference=data["reference"])
            if pk is None:
                self.add_error(
                    "reference", forms.ValidationError(_("Nothing you may see has this reference."), code="not_found")
                )
                return data
            data["id"] = pk
        return data

    def explore_arguments(self) -> dict:
        """The arguments of services.graph_explore, from a valid form."""
        data = self.cleaned_data
        return {"kind": data["kind"], "pk": data["id"], "depth": data["depth"], "limit": data["limit"]}


class TagForm(StyledForm):
    """Tag the selected node of the chart with a modus operandi."""

    kind = forms.ChoiceField(choices=[(k.value, k.label) for k in START_KINDS], widget=forms.HiddenInput)
    id = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    modus_operandi = forms.ChoiceField(label=_("Modus operandi"), choices=ModusOperandi.choices)
    note = forms.CharField(label=_("Note"), max_length=200, required=False)


class TrendsForm(StyledForm):
    months = forms.IntegerField(label=_("Months back"), min_value=1, required=False)
    period = forms.ChoiceField(label=_("Counted per"), choices=TrendPeriod.choices, required=False)
    dimension = forms.ChoiceField(label=_("Broken down by"), choices=TrendDimension.choices, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["months"].widget.attrs.update(min=1, max=settings.ANALYSIS_TRENDS_MAX_MONTHS)

    def clean(self):
        data = super().clean()
        months = data.get("months") or settings.ANALYSIS_TRENDS_DEFAULT_MONTHS
        if months > settings.ANALYSIS_TRENDS_MAX_MONTHS:
            self.add_error("months", _("At most {maximum} months.").format(maximum=settings.ANALYSIS_TRENDS_MAX_MONTHS))
        period = data.get("period") or TrendPeriod.MONTH
        # A chart stays readable with up to about a hundred points.
        if (period == TrendPeriod.DAY and months > 3) or (period == TrendPeriod.WEEK and months > 24):
            self.add_error("period", _("Count per day over 3 months at most, per week over 24 months at most."))
        until = timezone.localdate()
        data.update(
            months=months,
            period=period,
            dimension=data.get("dimension") or TrendDimension.REGION,
            until=until,
            since=_months_before(until, months - 1),
        )
        return data

    def read_arguments(self) -> dict:
        """The arguments of services.trends_read, from a valid form."""
        data = self.cleaned_data
        return {key: data[key] for key in ("since", "until", "period", "dimension")}


def _months_before(day: dt.date, months: int) -> dt.date:
    """The first day of the month `months` months before `day`'s month."""
    index = day.year * 12 + day.month - 1 - months
    return dt.date(index // 12, index % 12 + 1, 1)
