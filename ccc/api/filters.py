import django_filters

from ncb.api.filters import RealDateTimeFilter
from ncb.choices import Language

from ..choices import CasePriority, CaseStatus
from ..models import Case


class CaseFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=CaseStatus.choices)
    priority = django_filters.ChoiceFilter(choices=CasePriority.choices)
    language = django_filters.ChoiceFilter(choices=Language.choices)
    opened_after = RealDateTimeFilter(field_name="opened_at", lookup_expr="gte")
    opened_before = RealDateTimeFilter(field_name="opened_at", lookup_expr="lt")

    class Meta:
        model = Case
        fields = ["status", "priority", "language"]
