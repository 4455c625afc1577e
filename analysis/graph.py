"""The link chart: a bounded expansion, level by level, from one item to what connects to it.

Every query filters by visibility in the database (analysis.visibility, built on each app's own rules), so an
item the viewer may not see is never loaded, and an edge is drawn only between two loaded nodes: nothing
leads through a hidden item. A level costs at most a dozen queries whatever the number of connections (one per
kind of link table and one per kind of item, never one per node), and every query stops at the node budget,
so a node with a million connections costs about what one with a budget's worth does.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Case, Exists, IntegerField, OuterRef, Q, Value, When
from django.utils.translation import ngettext

from ccc.choices import CaseSource
from databases.models import PersonDocument
from interpol_portal.arrays import any_of
from ncb.roles import CCC_ROLES, has_role

from .choices import START_KINDS, EdgeKind, ModusOperandi, NodeKind
from .models import ModusOperandiTag
from .nodes import COLUMNS, IDENTIFIER_LABELS, Node, Rendering, node_from_row, node_id, place_annotations
from .visibility import DATABASE_OF, RECORD_KINDS, hits_visible, visible

# Which kinds of link a kind's rows query can follow, by the identifiers it stores.
_IDENTIFIER_COLUMNS = {
    NodeKind.DOCUMENT: {"doc": "number_normalized"},
    NodeKind.VEHICLE: {"vin": "vin_key", "plate": "plate_key"},
    NodeKind.FIREARM: {"serial": "serial_key"},
}
# Order in which a budget too small for everything is spent: direct links, then shared identifiers, then the
# same modus operandi, then a shared place.
DIRECT, IDENTIFIER, MODUS, PLACE = range(4)


class StartNotFound(Exception):
    """The starting item does not exist or the viewer may not see it (the two are never told apart)."""


@dataclass
class Edge:
    source: str
    target: str
    kind: str
    count: int = 1

    def as_dict(self) -> dict:
        return {
            "id": f"{self.kind}|{self.source}|{self.target}",
            "source": self.source,
            "target": self.target,
            "kind": self.kind,
            "label": str(EdgeKind(self.kind).label),
            "count": self.count,
        }


@dataclass
class Graph:
    start: str
    limit: int
    depth: int
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[tuple, Edge] = field(default_factory=dict)
    truncated: bool = False

    @property
    def item_count(self) -> int:
        return sum(1 for node in self.nodes.values() if not node.is_hub)

    @property
    def message(self) -> str:
        if not self.truncated:
            return ""
        return ngettext(
            "The chart stops at {limit} item: there are more connections than shown. Expand a node, or ask for "
            "fewer levels.",
            "The chart stops at {limit} items: there are more connections than shown. Expand a node, or ask for "
            "fewer levels.",
            self.limit,
        ).format(limit=self.limit)

    def as_dict(self) -> dict:
        return {
            "start": self.start,
            "depth": self.depth,
            "limit": self.limit,
            "truncated": self.truncated,
            "message": self.message,
            "nodes": [node.as_dict() for node in self.nodes.values()],
            "edges": [edge.as_dict() for edge in self.edges.values()],
        }


def graph_expand(*, viewer, kind: str, pk: int, depth: int, limit: int) -> Graph:
    """The items connected to (kind, pk) up to `depth` links away, at most `limit` items (hubs come on top)."""
    return _Expansion(viewer=viewer, limit=limit).run(kind=kind, pk=pk, depth=depth)


class _Expansion:
    def __init__(self, *, viewer, limit: int):
        self.viewer = viewer
        self.limit = limit
        self.rendering = Rendering(case_urls_for_ccc=viewer.is_superuser or has_role(viewer, *CCC_ROLES))
        self.graph: Graph
        # Links read from link tables, kept for drawing the edges at the end.
        self.hits: Counter = Counter()
        self.person_identifiers: dict[str, set] = defaultdict(set)
        self.tags: dict[str, set] = defaultdict(set)

    def run(self, *, kind: str, pk: int, depth: int) -> Graph:
        self.graph = Graph(start=node_id(kind, pk), limit=self.limit, depth=depth)
        rows = list(self._rows(kind, Q(pk=pk))[:1])
        if not rows:
            raise StartNotFound
        start = self._node(kind, rows[0], level=0)
        self.graph.nodes[start.id] = start
        frontier = [start]
        for level in range(1, depth + 1):
            if not frontier or (self.graph.truncated and self.graph.item_count >= self.limit):
                break
            # A chart just full still runs the next level, with a budget of nothing: one row found means "truncated".
            frontier = self._level(frontier, level)
        self._draw_edges()
        return self.graph

    # -- one level ---------------------------------------------------------------------------------------------

    def _level(self, frontier: list[Node], level: int) -> list[Node]:
        remaining = max(self.limit - self.graph.item_count, 0)
        cap = remaining + 1
        by_kind: dict[str, list[int]] = defaultdict(list)
        for node in frontier:
            by_kind[node.kind].append(node.pk)
        wanted: dict[str, dict[int, int]] = defaultdict(dict)

        def want(kind: str, pk, priority: int) -> None:
            if pk is not None and node_id(kind, pk) not in self.graph.nodes:
                wanted[kind][pk] = min(priority, wanted[kind].get(pk, priority))

        # Links the frontier carries itself: a document's holder, a notice's subject, what a case concerns.
        for node in frontier:
            if node.kind == NodeKind.DOCUMENT:
                want(NodeKind.PERSON, node.keys.get("holder"), DIRECT)
            elif node.kind == NodeKind.NOTICE:
                want(NodeKind.PERSON, node.keys.get("subject"), DIRECT)
            elif node.kind == NodeKind.CASE:
                for end in node.keys["ends"]:
                    end_kind, end_pk = end.split(":")
                    want(end_kind, int(end_pk), DIRECT)
        identifiers = set().union(*(node.keys.get("identifiers", set()) for node in frontier))
        identifiers |= self._person_documents(by_kind.get(NodeKind.PERSON, []), cap)
        self._document_holders(identifiers, by_kind.get(NodeKind.PERSON, []), cap, want)
        self._hits(by_kind, cap, want)
        self._modus_operandi(by_kind, cap, want)
        places = set().union(*(node.keys["places"] for node in frontier))

        frontier_ids = {node.id for node in frontier}
        candidates = []
        for kind in START_KINDS:
            condition, ranks = self._conditions(kind, by_kind, wanted.get(kind, {}), identifiers, places)
            if condition is None:
                continue
            queryset = self._rows(kind, condition, places=bool(places)).annotate(rank=ranks)
            known = [node.pk for node in self.graph.nodes.values() if node.kind == kind]
            if known:
                queryset = queryset.exclude(any_of("pk", known))
            for row in queryset.order_by("rank", "pk")[:cap]:
                node = self._node(kind, row, level=level)
                if self._connected(node, frontier_ids, wanted, identifiers, places):
                    candidates.append((row["rank"], START_KINDS.index(kind), row["pk"], node))
        candidates.sort(key=lambda item: item[:3])
        if len(candidates) > remaining:
            self.graph.truncated = True
        added = [node for *_order, node in candidates[:remaining]]
        for node in added:
            self.graph.nodes[node.id] = node
        return added

    def _conditions(self, kind, by_kind, wanted: dict[int, int], identifiers, places):
        """The rows query of one kind for this level (None: nothing to look for) and its rank expression."""

        def ranked(rank: int) -> list[Q]:
            pks = [pk for pk, wanted_rank in wanted.items() if wanted_rank == rank]
            return [any_of("pk", pks)] if pks else []

        direct = ranked(DIRECT)
        if kind == NodeKind.DOCUMENT and by_kind.get(NodeKind.PERSON):
            direct.append(any_of("person_id", by_kind[NodeKind.PERSON]))
        if kind == NodeKind.NOTICE and by_kind.get(NodeKind.PERSON):
            direct.append(any_of("subject_record_id", by_kind[NodeKind.PERSON]))
        if kind == NodeKind.CASE:
            direct.extend(self._cases_of(by_kind))
        same_identifier = ranked(IDENTIFIER)
        for key_type, column in _IDENTIFIER_COLUMNS.get(kind, {}).items():
            values = {value for (typ, value, _extra) in identifiers if typ == key_type}
            if values:
                same_identifier.append(any_of(column, values))
        same_place = [any_of(name, places) for name in place_annotations(kind)] if places else []
        parts = [
            (_any(qs), rank)
            for qs, rank in (
                (direct, DIRECT),
                (same_identifier, IDENTIFIER),
                (ranked(MODUS), MODUS),
                (same_place, PLACE),
            )
            if qs
        ]
        if not parts:
            return None, None
        ranks = Case(
            *(When(q, then=Value(rank)) for q, rank in parts), default=Value(PLACE), output_field=IntegerField()
        )
        return _any([q for q, _rank in parts]), ranks

    def _cases_of(self, by_kind) -> list[Q]:
        conditions = []
        for kind, pks in by_kind.items():
            if kind in DATABASE_OF:
                database = DATABASE_OF[kind]
                conditions.append(Q(hit__database=database) & any_of("hit__record_id", pks))
                conditions.append(Q(hit__source_database=database) & any_of("hit__source_record_id", pks))
        if by_kind.get(NodeKind.NOTICE):
            conditions.append(Q(source=CaseSource.NOTICE) & any_of("source_id", by_kind[NodeKind.NOTICE]))
        return conditions

    def _connected(self, node: Node, frontier_ids: set[str], wanted, identifiers, places) -> bool:
        """Whether a fetched row really links to the frontier (a plate of another country does not)."""
        if node.pk in wanted.get(node.kind, {}):
            return True
        if node.keys.get("identifiers", set()) & identifiers or set(node.keys["places"]) & places:
            return True
        if node.kind == NodeKind.DOCUMENT and node_id(NodeKind.PERSON, node.keys.get("holder")) in frontier_ids:
            return True
        if node.kind == NodeKind.NOTICE and node_id(NodeKind.PERSON, node.keys.get("subject")) in frontier_ids:
            return True
        return node.kind == NodeKind.CASE and bool(frontier_ids.intersection(node.keys["ends"]))

    # -- link tables -------------------------------------------------------------------------------------------

    def _person_documents(self, persons: list[int], cap: int) -> set:
        """Identity documents of the frontier's persons (the persons are visible: they are on the chart)."""
        if not persons:
            return set()
        found = set()
        rows = PersonDocument.objects.filter(any_of("person_id", persons)).order_by("pk")
        columns = ("person_id", "number_normalized", "issuing_country")
        for person_id, number, country in self._capped(rows.values_list(*columns), cap * 5):
            key = ("doc", number, country)
            self.person_identifiers[node_id(NodeKind.PERSON, person_id)].add(key)
            found.add(key)
        return found

    def _document_holders(self, identifiers: set, persons: list[int], cap: int, want) -> None:
        """Other visible persons holding an identity document with a number of the frontier."""
        numbers = {number for (typ, number, _country) in identifiers if typ == "doc"}
        if not numbers:
            return
        rows = PersonDocument.objects.filter(
            Exists(visible(NodeKind.PERSON, self.viewer).filter(pk=OuterRef("person_id"))),
            any_of("number_normalized", numbers),
        ).order_by("person_id")
        if persons:
            rows = rows.exclude(any_of("person_id", persons))
        columns = ("person_id", "number_normalized", "issuing_country")
        for person_id, number, country in self._capped(rows.values_list(*columns), cap):
            if ("doc", number, country) in identifiers:
                self.person_identifiers[node_id(NodeKind.PERSON, person_id)].add(("doc", number, country))
                want(NodeKind.PERSON, person_id, IDENTIFIER)

    def _hits(self, by_kind, cap: int, want) -> None:
        """Record-against-record hits of the frontier's records, as the viewer may see hits."""
        conditions = []
        for kind, pks in by_kind.items():
            if kind in RECORD_KINDS:
                database = DATABASE_OF[kind]
                conditions.append(Q(database=database) & any_of("record_id", pks))
                conditions.append(Q(source_database=database) & any_of("source_record_id", pks))
        if not conditions:
            return
        rows = hits_visible(self.viewer).filter(_any(conditions), source_record_id__isnull=False).order_by("pk")
        columns = ("database", "record_id", "source_database", "source_record_id")
        kinds = {database: kind for kind, database in DATABASE_OF.items()}
        for database, record_id, source_database, source_id in self._capped(rows.values_list(*columns), cap):
            if database not in kinds or source_database not in kinds:
                continue
            ends = (node_id(kinds[database], record_id), node_id(kinds[source_database], source_id))
            self.hits[tuple(sorted(ends))] += 1
            want(kinds[database], record_id, DIRECT)
            want(kinds[source_database], source_id, DIRECT)

    def _modus_operandi(self, by_kind, cap: int, want) -> None:
        """Tags of the frontier, then other visible items tagged with the same modus operandi."""
        mine = _any([Q(kind=kind) & any_of("object_id", pks) for kind, pks in by_kind.items()])
        codes = set()
        columns = ("kind", "object_id", "modus_operandi")
        for kind, object_id, code in self._capped(
            ModusOperandiTag.objects.filter(mine).values_list(*columns), cap * 10
        ):
            self.tags[node_id(kind, object_id)].add(code)
            codes.add(code)
        if not codes:
            return
        # A correlated EXISTS per kind: one index probe per tag, never a scan of a whole database.
        seen = _any(
            [
                Q(kind=kind) & Q(Exists(visible(kind, self.viewer).filter(pk=OuterRef("object_id"))))
                for kind in START_KINDS
            ]
        )
        others = ModusOperandiTag.objects.filter(seen, modus_operandi__in=codes).exclude(mine)
        others = others.order_by("modus_operandi", "kind", "object_id").values_list(*columns)
        for kind, object_id, code in self._capped(others, cap):
            self.tags[node_id(kind, object_id)].add(code)
            want(kind, object_id, MODUS)

    def _capped(self, rows, cap: int) -> list:
        """At most `cap` rows of a link table; reaching the cap means more links exist than are followed."""
        rows = list(rows[:cap])
        if len(rows) >= cap:
            self.graph.truncated = True
        return rows

    # -- rows and edges ----------------------------------------------------------------------------------------

    def _rows(self, kind: str, condition: Q, *, places: bool = False):
        queryset = visible(kind, self.viewer)
        if places:
            queryset = queryset.annotate(**place_annotations(kind))
        return queryset.filter(condition).values(*COLUMNS[kind])

    def _node(self, kind: str, row: dict, *, level: int) -> Node:
        return node_from_row(kind, row, level=level, rendering=self.rendering)

    def _edge(self, source: str, target: str, kind: str, count: int = 1) -> None:
        key = (kind, *sorted((source, target)))
        if key in self.graph.edges:
            self.graph.edges[key].count += count
        else:
            self.graph.edges[key] = Edge(source=source, target=target, kind=kind, count=count)

    def _draw_edges(self) -> None:
        """Edges between the loaded nodes only, then a hub for each value shared by two of them or more."""
        nodes = self.graph.nodes
        for node in list(nodes.values()):
            ends = []
            if node.kind == NodeKind.DOCUMENT and node.keys.get("holder"):
                ends = [(node_id(NodeKind.PERSON, node.keys["holder"]), EdgeKind.HOLDER)]
            elif node.kind == NodeKind.NOTICE and node.keys.get("subject"):
                ends = [(node_id(NodeKind.PERSON, node.keys["subject"]), EdgeKind.SUBJECT)]
            elif node.kind == NodeKind.CASE:
                ends = [(end, EdgeKind.CASE) for end in node.keys["ends"]]
            for end, kind in ends:
                if end in nodes:
                    self._edge(node.id, end, kind)
        for (one, other), count in self.hits.items():
            if one in nodes and other in nodes:
                self._edge(one, other, EdgeKind.HIT, count)
        groups: dict[tuple, list[Node]] = defaultdict(list)
        names: dict[tuple, str] = {}
        for node in list(nodes.values()):
            for identifier in node.keys.get("identifiers", set()) | self.person_identifiers.get(node.id, set()):
                groups[(NodeKind.IDENTIFIER, identifier)].append(node)
            for key, written in node.keys["places"].items():
                groups[(NodeKind.PLACE, key)].append(node)
                names.setdefault((NodeKind.PLACE, key), written)
            for code in self.tags.get(node.id, ()):
                groups[(NodeKind.MODUS, code)].append(node)
        for (hub_kind, key), members in groups.items():
            if len(members) < 2:
                continue
            hub = self._hub(hub_kind, key, names.get((hub_kind, key), ""), min(m.level for m in members))
            nodes[hub.id] = hub
            edge_kind = {NodeKind.IDENTIFIER: EdgeKind.IDENTIFIER, NodeKind.PLACE: EdgeKind.PLACE}.get(
                hub_kind, EdgeKind.MODUS
            )
            for member in members:
                self._edge(member.id, hub.id, edge_kind)

    @staticmethod
    def _hub(kind: str, key, written: str, level: int) -> Node:
        if kind == NodeKind.IDENTIFIER:
            key_type, value, extra = key
            return Node(
                id=f"{kind}:{key_type}:{extra}:{value}",
                kind=kind,
                label=IDENTIFIER_LABELS[key_type](value, extra),
                level=level,
            )
        if kind == NodeKind.PLACE:
            return Node(id=f"{kind}:{key}", kind=kind, label=written, level=level)
        return Node(id=f"{kind}:{key}", kind=kind, label=str(ModusOperandi(key).label), level=level)


def _any(conditions: list[Q]) -> Q:
    """OR of a non-empty list of conditions."""
    combined = conditions[0]
    for condition in conditions[1:]:
        combined |= condition
    return combined
