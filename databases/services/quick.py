"""The quick-check box: recognise what was typed or pasted and check every database that could hold it."""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from ncb.models import User
from ncb.services import audit_record

from ..choices import Database
from ..identifiers import IdentifierError, looks_like_mrz, normalize_vin, parse_mrz
from ..selectors import record_list
from .checks import CheckResult, check

_IDENTIFIER = re.compile(r"[A-Z0-9][A-Z0-9 ./-]{3,24}")
NAME_RESULTS = 10


@dataclass(slots=True)
class Section:
    """One database's answer: hit or no hit, and what matched."""

    database: str
    label: str
    result: CheckResult | None = None
    records: list = field(default_factory=list)

    @property
    def hit(self) -> bool:
        return bool(self.records) or bool(self.result and self.result.hit)


@dataclass(slots=True)
class QuickCheck:
    text: str
    kind: str = ""
    kind_label: str = ""
    error: str = ""
    mrz: object = None
    sections: list[Section] = field(default_factory=list)

    @property
    def hit(self) -> bool:
        return any(section.hit for section in self.sections)


def recognise(text: str) -> str:
    """ "mrz", "vin", "identifier" (a document, serial or plate number) or "name"."""
    if looks_like_mrz(text):
        return "mrz"
    compact = "".join(text.upper().replace("-", "").split())
    try:
        normalize_vin(compact)
        return "vin"
    except IdentifierError:
        pass
    if _IDENTIFIER.fullmatch(text.strip().upper()) and any(c.isdigit() for c in text):
        return "identifier"
    return "name"


_KIND_LABELS = {
    "mrz": _("machine-readable zone"),
    "vin": _("vehicle identification number"),
    "identifier": _("document or serial number"),
    "name": _("name"),
}


def _names(*, user: User, database: str, text: str) -> Section:
    label = Database(database).label
    records = list(record_list(viewer=user, database=database, filters={"q": text, "active": True})[:NAME_RESULTS])
    return Section(database=database, label=label, records=records)


def quick_check(*, user: User, text: str, request=None) -> QuickCheck:
    """Check `text` against every database that could hold it; every check is audited and hits recorded."""
    text = text.strip()[:400]
    answer = QuickCheck(text=text, kind=recognise(text))
    answer.kind_label = str(_KIND_LABELS[answer.kind])
    sections = answer.sections
    if answer.kind == "mrz":
        try:
            mrz = parse_mrz(text)
        except IdentifierError as error:
            answer.error = str(error)
            return answer
        answer.mrz = mrz
        data = {"number": mrz.document_number, "country": mrz.issuing_country}
        sections.append(
            Section(
                Database.TRAVEL_DOCUMENTS,
                Database.TRAVEL_DOCUMENTS.label,
                check(check_type="travel-document", data=data, user=user, request=request),
            )
        )
        sections.append(_names(user=user, database=Database.PERSONS, text=f"{mrz.surname} {mrz.given_names}"))
    elif answer.kind == "vin":
        sections.append(
            Section(
                Database.VEHICLES,
                Database.VEHICLES.label,
                check(check_type="vehicle", data={"vin": text}, user=user, request=request),
            )
        )
    elif answer.kind == "identifier":
        sections.append(
            Section(
                Database.TRAVEL_DOCUMENTS,
                Database.TRAVEL_DOCUMENTS.label,
                check(check_type="travel-document", data={"number": text}, user=user, request=request),
            )
        )
        sections.append(
            Section(
                Database.FIREARMS,
                Database.FIREARMS.label,
                check(check_type="firearm", data={"serial": text}, user=user, request=request),
            )
        )
        sections.append(_names(user=user, database=Database.VEHICLES, text=text))
    else:
        sections.append(_names(user=user, database=Database.PERSONS, text=text))
        sections.append(_names(user=user, database=Database.ARTWORKS, text=text))
        audit_record(
            actor=user,
            action="check.quick_name",
            query={"text": text},
            outcome="hit" if answer.hit else "no hit",
            request=request,
        )
    return answer
