"""Filters of the NCB systems' API lists."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ncb.api.filters import RealDateTimeFilter

from ..choices import DiffusionStatus, NoticeStatus, NoticeType
from ..models import Diffusion, Notice


class NoticeFilter(django_filters.FilterSet):
    notice_type = django_filters.ChoiceFilter(choices=NoticeType.choices)
    status = django_filters.ChoiceFilter(choices=NoticeStatus.choices)
    mine = django_filters.BooleanFilter(method="filter_mine", label=_("Only my NCB's requests"))
    name = django_filters.CharFilter(method="filter_name", label=_("Family name or forenames contain"))
    nationality = django_filters.CharFilter(field_name="nationalities__iso2", lookup_expr="iexact")
    published_after = RealDateTimeFilter(field_name="published_at", lookup_expr="gte")

    class Meta:
        model = Notice
        fields = ["notice_type", "status"]

    def filter_mine(self, queryset, name, value):
        if value:
            return queryset.filter(owner_id=self.request.user.unit_id)
        return queryset

    def filter_name(self, queryset, name, value):
        return queryset.filter(Q(family_name__icontains=value) | Q(given_names__icontains=value))


class DiffusionFilter(django_filters.FilterSet):
    diffusion_type = django_filters.ChoiceFilter(choices=NoticeType.choices)
    status = django_filters.ChoiceFilter(choices=DiffusionStatus.choices)
    box = django_filters.ChoiceFilter(method="filter_box", choices=[("sent", _("Sent")), ("received", _("Received"))])
    sent_after = RealDateTimeFilter(field_name="sent_at", lookup_expr="gte")

    class Meta:
        model = Diffusion
        fields = ["diffusion_type", "status"]

    def filter_box(self, queryset, name, value):
        if value == "sent":
            return queryset.filter(owner_id=self.request.user.unit_id)
        return queryset.exclude(owner_id=self.request.user.unit_id)
