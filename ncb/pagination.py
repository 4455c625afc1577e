"""Paginators for tables of millions of rows (pages and API): they count at most COUNT_CAP matching rows.

An exact COUNT(*) of the visible records reads every one of them (hundreds of milliseconds at a million rows),
while the page itself is fifty rows read from an index. Past the cap the list says "more than N" and the officer
narrows the search; pages beyond the cap are not offered.
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property
from rest_framework.pagination import LimitOffsetPagination

COUNT_CAP = 10_000


class CappedPaginator(Paginator):
    cap = COUNT_CAP

    @cached_property
    def count(self) -> int:
        return self.object_list[: self.cap + 1].count()

    @property
    def capped(self) -> bool:
        """More rows match than were counted."""
        return self.count > self.cap


class CappedLimitOffsetPagination(LimitOffsetPagination):
    """The API's pagination: rows are counted up to COUNT_CAP, or up to the requested page when it lies further,
    plus one. A system that walks every page still gets a `next` link to the end; `count` is exact when it is
    smaller than that bound."""

    cap = COUNT_CAP

    def get_count(self, queryset) -> int:
        # An offset past any real table must not become a number PostgreSQL refuses (bigint).
        bound = min(max(self.cap, self.get_offset(self.request) + self.limit), 2**40) + 1
        try:
            return queryset[:bound].count()
        except (AttributeError, TypeError):
            return len(queryset)

    def get_paginated_response_schema(self, schema):
        described = super().get_paginated_response_schema(schema)
        described["properties"]["count"]["description"] = (
            f"Matching items, counted up to {self.cap + 1:,} (or to the end of the requested page, plus one): "
            f"that value means that more match; follow `next`."
        )
        return described
