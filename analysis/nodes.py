"""How each kind of item becomes a node of the link chart: the columns read, the label and the keys that link it.

One `values()` query per kind loads many nodes at once; the keys (document numbers, plates, places, the hit or
notice behind a case) are kept on the node for the next level and never sent to the browser.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import F
from django.db.models.functions import Lower, Trim
from django.urls import reverse
from django.utils import translation
from django.utils.translation import pgettext

from ccc.choices import CaseSource, CaseStatus
from databases.choices import RecordStatus
from notices.choices import NoticeStatus, NoticeType

from .choices import NodeKind
from .visibility import DATABASE_OF, KIND_OF_DATABASE


@dataclass
class Node:
    id: str
    kind: str
    label: str
    pk: int | None = None
    level: int = 0
    url: str = ""
    owner: str = ""
    status: str = ""
    detail: str = ""
    keys: dict = field(default_factory=dict, repr=False)

    @property
    def is_hub(self) -> bool:
        return self.pk is None

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind,
            "label": self.label,
            "record_id": self.pk,
            "level": self.level,
            "url": self.url,
            "owner": self.owner,
            "status": self.status,
            "detail": self.detail,
        }


def node_id(kind: str, pk) -> str:
    return f"{kind}:{pk}"


def place_key(value: str) -> str:
    """Places compare case-insensitively, as the database compares them (lower(trim(...)))."""
    return value.strip().lower()


# Columns every record kind reads, besides its own.
_RECORD_COLUMNS = ("pk", "reference", "status", "owner__country__iso2")
_TITLES = tuple(f"title_{code}" for code, _name in settings.LANGUAGES)
COLUMNS = {
    NodeKind.PERSON: (*_RECORD_COLUMNS, "family_name", "given_names", "date_of_birth", "place_of_birth"),
    NodeKind.DOCUMENT: (*_RECORD_COLUMNS, "number_normalized", "issuing_country", "document_type", "person_id"),
    NodeKind.VEHICLE: (*_RECORD_COLUMNS, "vin", "vin_key", "plate_normalized", "plate_key", "plate_country", "make"),
    NodeKind.FIREARM: (*_RECORD_COLUMNS, "make", "model", "serial_normalized", "serial_key", "make_normalized"),
    NodeKind.ARTWORK: (*_RECORD_COLUMNS, *_TITLES, "artist", "place_stolen"),
    NodeKind.NOTICE: (
        "pk",
        "entity_id",
        "notice_type",
        "status",
        "family_name",
        "given_names",
        "subject_record_id",
        "facts_place",
        "place_of_birth",
        "owner__country__iso2",
    ),
    NodeKind.CASE: (
        "pk",
        "opened_at",
        "summary",
        "status",
        "source",
        "source_id",
        "hit__database",
        "hit__record_id",
        "hit__source_database",
        "hit__source_record_id",
    ),
}
# Columns compared with the places of the frontier (as lower(trim(column)), annotated under these names).
PLACE_COLUMNS = {
    NodeKind.PERSON: ("place_of_birth",),
    NodeKind.ARTWORK: ("place_stolen",),
    NodeKind.NOTICE: ("facts_place", "place_of_birth"),
}


def place_annotations(kind: str) -> dict:
    return {f"place_{column}": Lower(Trim(F(column))) for column in PLACE_COLUMNS.get(kind, ())}


class Rendering:
    """What every node of one expansion shares, worked out once: a chart of 1,500 nodes would otherwise spend
    more time in reverse() and gettext than in the database."""

    _SENTINEL = 987654321

    def __init__(self, *, case_urls_for_ccc: bool):
        self.case_page = "ccc:case_detail" if case_urls_for_ccc else "ccc:ncb_case_detail"
        self.language = translation.get_language() or "en"
        self._urls: dict[tuple, str] = {}
        self._labels: dict[tuple, str] = {}

    def url(self, name: str, *args, pk: int) -> str:
        key = (name, *args)
        if key not in self._urls:
            self._urls[key] = reverse(name, args=[*args, self._SENTINEL])
        return self._urls[key].replace(str(self._SENTINEL), str(pk))

    def label(self, choices, value: str) -> str:
        key = (choices, value)
        if key not in self._labels:
            try:
                self._labels[key] = str(choices(value).label)
            except ValueError:
                self._labels[key] = value
        return self._labels[key]


def _title(row: dict, language: str) -> str:
    """The title in the reader's language, else in the fallback order modeltranslation uses."""
    order = (language, *settings.MODELTRANSLATION_FALLBACK_LANGUAGES)
    for code in order:
        if row.get(f"title_{code}"):
            return row[f"title_{code}"]
    return row["reference"]


def _places(row: dict, kind: str) -> dict[str, str]:
    """{compared form: as written} of the row's places."""
    values = (row.get(column) or "" for column in PLACE_COLUMNS.get(kind, ()))
    return {place_key(value): value.strip() for value in values if value.strip()}


def node_from_row(kind: str, row: dict, *, level: int, rendering: Rendering) -> Node:
    """A node built from one row of COLUMNS[kind]."""
    pk = row["pk"]
    keys: dict = {"places": _places(row, kind)}
    if kind in DATABASE_OF:
        label, detail = _record_label(kind, row, keys, rendering.language)
        url = rendering.url("databases:record_detail", DATABASE_OF[kind], pk=pk)
        return Node(
            id=node_id(kind, pk),
            kind=kind,
            label=label,
            pk=pk,
            level=level,
            url=url,
            owner=row["owner__country__iso2"] or "",
            status=rendering.label(RecordStatus, row["status"]),
            detail=detail,
            keys=keys,
        )
    if kind == NodeKind.NOTICE:
        reference = row["entity_id"] or f"REQ-{pk:06d}"
        name = " ".join(part for part in (row["given_names"], row["family_name"]) if part)
        keys["subject"] = row["subject_record_id"]
        return Node(
            id=node_id(kind, pk),
            kind=kind,
            label=f"{reference} {name}".strip(),
            pk=pk,
            level=level,
            url=rendering.url("notices:detail", pk=pk),
            owner=row["owner__country__iso2"] or "",
            status=rendering.label(NoticeStatus, row["status"]),
            detail=rendering.label(NoticeType, row["notice_type"]),
            keys=keys,
        )
    # A case: what it concerns is the hit that opened it (both records of it) or the notice.
    ends = []
    if row["hit__database"]:
        ends.append(node_id(KIND_OF_DATABASE[row["hit__database"]], row["hit__record_id"]))
    if row["hit__source_database"] and row["hit__source_record_id"]:
        ends.append(node_id(KIND_OF_DATABASE[row["hit__source_database"]], row["hit__source_record_id"]))
    if row["source"] == CaseSource.NOTICE and row["source_id"]:
        ends.append(node_id(NodeKind.NOTICE, row["source_id"]))
    keys["ends"] = ends
    year = row["opened_at"].year if row["opened_at"] else 0
    return Node(
        id=node_id(kind, pk),
        kind=kind,
        label=f"CCC-{year}-{pk:06d}",
        pk=pk,
        level=level,
        url=rendering.url(rendering.case_page, pk=pk),
        status=rendering.label(CaseStatus, row["status"]),
        detail=row["summary"][:120],
        keys=keys,
    )


def _record_label(kind: str, row: dict, keys: dict, language: str) -> tuple[str, str]:
    """(label, detail) of a record; fills the identifier keys that link it to other records."""
    if kind == NodeKind.PERSON:
        name = f"{(row['family_name'] or '').upper()} {row['given_names'] or ''}".strip()
        return name, row["date_of_birth"] or ""
    if kind == NodeKind.DOCUMENT:
        if row["number_normalized"]:
            keys["identifiers"] = {("doc", row["number_normalized"], row["issuing_country"])}
        keys["holder"] = row["person_id"]
        return f"{row['issuing_country']} {row['number_normalized']}", row["reference"]
    if kind == NodeKind.VEHICLE:
        identifiers = set()
        if row["vin_key"]:
            identifiers.add(("vin", row["vin_key"], ""))
        if row["plate_key"]:
            identifiers.add(("plate", row["plate_key"], row["plate_country"]))
        keys["identifiers"] = identifiers
        shown = row["vin"] or f"{row['plate_country']} {row['plate_normalized']}".strip()
        return f"{row['make']} {shown}".strip(), row["reference"]
    if kind == NodeKind.FIREARM:
        if row["serial_key"]:
            keys["identifiers"] = {("serial", row["serial_key"], row["make_normalized"])}
        return f"{row['make']} {row['serial_normalized']}".strip(), row["model"] or row["reference"]
    return _title(row, language), row["artist"] or row["reference"]


IDENTIFIER_LABELS = {
    "doc": lambda number, country: pgettext("shared identifier", "Document {country} {number}").format(
        country=country, number=number
    ),
    "vin": lambda vin, _country: pgettext("shared identifier", "VIN {vin}").format(vin=vin),
    "plate": lambda plate, country: pgettext("shared identifier", "Plate {country} {plate}").format(
        country=country, plate=plate
    ),
    "serial": lambda serial, _make: pgettext("shared identifier", "Serial number {serial}").format(serial=serial),
}
