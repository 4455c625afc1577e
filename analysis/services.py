"""The analysis app's actions on a user's behalf: each one reads through the selectors and writes an audit row."""

import csv
import datetime as dt
import io

from django.db import transaction

from ncb.models import User
from ncb.services import audit_record

from .choices import TrendDimension, TrendMeasure
from .models import ModusOperandiTag
from .selectors import Graph, StartNotFound, TrendCount, graph_expand, trend_counts
from .trends import dimension_labels
from .visibility import visible


def graph_explore(
    *, viewer: User, kind: str, pk: int, depth: int, limit: int, via: str = "page", request=None
) -> Graph:
    """Expand the link chart from one item for an analyst; audited with its size (or the refusal)."""
    query = {"kind": kind, "id": pk, "depth": depth, "limit": limit, "via": via}
    try:
        graph = graph_expand(viewer=viewer, kind=kind, pk=pk, depth=depth, limit=limit)
    except StartNotFound:
        audit_record(actor=viewer, action="analysis.graph", query=query, outcome="not found", request=request)
        raise
    outcome = f"{len(graph.nodes)} nodes, {len(graph.edges)} edges" + (", truncated" if graph.truncated else "")
    audit_record(actor=viewer, action="analysis.graph", query=query, outcome=outcome, request=request)
    return graph


def graph_refuse(*, viewer: User, query: dict, errors: dict, via: str = "page", request=None) -> None:
    """Audit a chart asked for with input the form refused (an unknown reference among others)."""
    query = {
        key: str(value)[:60] for key, value in query.items() if key in ("kind", "id", "reference", "depth", "limit")
    }
    outcome = "refused: " + ", ".join(sorted(errors))
    audit_record(actor=viewer, action="analysis.graph", query={**query, "via": via}, outcome=outcome, request=request)


class TagRefused(Exception):
    """The item does not exist or the analyst may not see it."""


@transaction.atomic
def modus_operandi_tag(*, actor: User, kind: str, pk: int, modus_operandi: str, note: str = "", request=None):
    """Tag an item the analyst may see with a modus operandi (once per item and method); audited."""
    if not visible(kind, actor).filter(pk=pk).exists():
        raise TagRefused
    tag = ModusOperandiTag.objects.filter(kind=kind, object_id=pk, modus_operandi=modus_operandi).first()
    if tag is None:
        tag = ModusOperandiTag(kind=kind, object_id=pk, modus_operandi=modus_operandi, note=note, created_by=actor)
        tag.full_clean()
        tag.save()
    audit_record(
        actor=actor,
        action="analysis.modus_operandi.tag",
        target=tag,
        query={"kind": kind, "id": pk, "modus_operandi": modus_operandi},
        request=request,
    )
    return tag


def trends_read(
    *, viewer: User, since: dt.date, until: dt.date, period: str, dimension: str, export: bool = False, request=None
) -> list[TrendCount]:
    """The trend counts an analyst asked for; audited as a read or as an export."""
    counts = trend_counts(viewer=viewer, since=since, until=until, period=period)
    audit_record(
        actor=viewer,
        action="analysis.trends.export" if export else "analysis.trends",
        query={"since": since.isoformat(), "until": until.isoformat(), "period": period, "dimension": dimension},
        outcome=f"{len(counts)} counts",
        request=request,
    )
    return counts


def trends_csv(counts: list[TrendCount]) -> str:
    """The counts as CSV, one line per period and combination of region, database and crime area.

    Codes for tools and labels (in the reader's language) for people, side by side.
    """
    from django.utils.translation import gettext

    labels = {dimension: dimension_labels(dimension) for dimension in TrendDimension.values}
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(
        [
            "measure",
            "period_start",
            "region",
            "database",
            "crime_area",
            "count",
            gettext("Measure"),
            gettext("Region"),
            gettext("Database"),
            gettext("Crime area"),
        ]
    )
    for count in sorted(counts, key=lambda c: (c.measure, c.period, c.region, c.database, c.crime_area)):
        writer.writerow(
            [
                count.measure,
                count.period.isoformat(),
                count.region,
                count.database,
                count.crime_area,
                count.count,
                str(TrendMeasure(count.measure).label),
                labels[TrendDimension.REGION].get(count.region, count.region),
                labels[TrendDimension.DATABASE].get(count.database, count.database),
                labels[TrendDimension.CRIME_AREA].get(count.crime_area, count.crime_area),
            ]
        )
    return buffer.getvalue()
