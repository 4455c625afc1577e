"""Reads of the analysis app: the link chart, its starting point, the trends. Visibility: analysis.visibility."""

import re

from .choices import NodeKind
from .graph import Graph, StartNotFound, graph_expand
from .trends import TrendCount, trend_counts
from .visibility import DATABASE_OF, visible

__all__ = ["Graph", "StartNotFound", "TrendCount", "graph_expand", "start_resolve", "trend_counts"]

_CASE_REFERENCE = re.compile(r"^CCC-\d{4}-(\d{1,9})$", re.IGNORECASE)
_REQUEST_REFERENCE = re.compile(r"^REQ-(\d{1,9})$", re.IGNORECASE)


def start_resolve(*, viewer, kind: str, reference: str) -> int | None:
    """The id of the visible item of `kind` known by `reference` (the owner's reference of a record, a notice's
    control number or request number, a case's CCC-YYYY-NNNNNN), or None."""
    reference = reference.strip()
    items = visible(kind, viewer)
    if kind in DATABASE_OF:
        items = items.filter(reference=reference)
    elif kind == NodeKind.NOTICE:
        request = _REQUEST_REFERENCE.match(reference)
        items = items.filter(pk=int(request.group(1))) if request else items.filter(entity_id=reference)
    else:
        case = _CASE_REFERENCE.match(reference)
        if case is None:
            return None
        items = items.filter(pk=int(case.group(1)))
    return items.order_by("pk").values_list("pk", flat=True).first()
