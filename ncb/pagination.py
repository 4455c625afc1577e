"""Paginators for tables of millions of rows (pages and API): they count at most COUNT_CAP matching rows.

An exact COUNT(*) of the visible records reads every one of them (hundreds of milliseconds at a million rows),
while the page itself is fifty rows read from an index. Past the cap the list says "more than N" and the officer
narrows the search; pages beyond the cap are not offered. The count leaves out the list's order: how many rows
there are up to the cap does not depend on it, and sorting them first made PostgreSQL read every match (not
only the first cap + 1) and sort it.
"""

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils.functional import cached_property
from rest_framework.pagination import LimitOffsetPagination

# Forty pages of 25: more than anyone reads; counting 10,001 of the 16,854 persons a search for 'John' finds at
# DESIGN's sizes took 60 ms (each row is read for the access policy), 1,001 takes 6.
COUNT_CAP = 1_000


def capped_count(rows, bound: int) -> int:
    """How many rows there are, counted up to `bound`: a queryset in the database, unordered; a sequence of several
    parts (ccc.selectors.CaseQueue) by its `count_up_to(bound)`; a list by its length."""
    if isinstance(rows, QuerySet):
        return rows.order_by()[:bound].count()
    if hasattr(rows, "count_up_to"):
        return rows.count_up_to(bound)
    return min(len(rows), bound)


class CappedPaginator(Paginator):
    cap = COUNT_CAP

    @cached_property
    def count(self) -> int:
        return capped_count(self.object_list, self.cap + 1)

    @property
    def capped(self) -> bool:
        """More rows match than were counted."""
        return self.count > self.cap


class IdFirstPaginator(CappedPaginator):
    """For a list of wide rows joined to others: the page's ids are read first in the list's order, from its own
    table, then only those rows with what they join. Otherwise PostgreSQL joins every matching row before sorting
    them to keep a page (the 6,664 hits of one NCB at DESIGN's sizes: SQL 41 -> 14 ms). Counted up to the cap."""

    def _get_page(self, object_list, number, paginator):
        if isinstance(object_list, QuerySet):
            ids = list(object_list.values_list("pk", flat=True))
            object_list = list(self.object_list.filter(pk__in=ids)) if ids else []
        return super()._get_page(object_list, number, paginator)


class CappedLimitOffsetPagination(LimitOffsetPagination):
    """The API's pagination: rows are counted up to COUNT_CAP, or up to the requested page when it lies further,
    plus one. A system that walks every page still gets a `next` link to the end; `count` is exact when it is
    smaller than that bound."""

    cap = COUNT_CAP

    def get_count(self, queryset) -> int:
        # An offset past any real table must not become a number PostgreSQL refuses (bigint).
        bound = min(max(self.cap, self.get_offset(self.request) + self.limit), 2**40) + 1
        return capped_count(queryset, bound)

    def get_paginated_response_schema(self, schema):
        described = super().get_paginated_response_schema(schema)
        described["properties"]["count"]["description"] = (
            f"Matching items, counted up to {self.cap + 1:,} (or to the end of the requested page, plus one): "
            f"that value means that more match; follow `next`."
        )
        return described
