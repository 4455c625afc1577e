"""One row of an import file into an unsaved record, validated the same way as a form or the API would."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ..choices import STATUSES_OF, Database
from ..identifiers import IdentifierError
from ..keys import fill_keys
from ..models import GlobalRecord
from ..registry import model_of
from ..services.records import alias_rows
from .columns import field_columns


class RowError(ValueError):
    """A row that cannot be imported; the message (translated) says why."""


@dataclass(slots=True)
class ParsedRow:
    line: int
    record: GlobalRecord
    nationality_ids: list[int] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    columns: frozenset[str] = frozenset()


def _messages(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return "; ".join(
            f"{name}: {' '.join(str(m) for m in messages)}" for name, messages in error.message_dict.items()
        )
    return " ".join(str(m) for m in error.messages)


def parse_row(*, database: str, owner, line: int, row: dict, countries: dict[str, int]) -> ParsedRow:
    """Build and validate a record from a row; raise RowError with a readable reason."""
    if "__error__" in row:
        raise RowError(row["__error__"])
    reference = str(row.get("reference", "")).strip()
    if not reference:
        raise RowError(_("The reference is missing."))
    columns = field_columns(database, set(row))
    values = {name: row[name] for name in columns}
    values.setdefault("status", STATUSES_OF[database][0])
    if not values["status"]:
        values["status"] = STATUSES_OF[database][0]
    record = model_of(database)(owner=owner, reference=reference[:60], **values)
    parsed = ParsedRow(line=line, record=record, columns=frozenset(row))
    try:
        fill_keys(record)
    except IdentifierError as error:
        raise RowError(f"{error.field}: {error}") from error
    if database == Database.PERSONS:
        parsed.nationality_ids = _country_ids(row.get("nationalities") or [], countries, "nationalities")
        parsed.aliases = [a.name for a in alias_rows(record, row.get("aliases") or [])]
    if database == Database.ARTWORKS and row.get("country_stolen"):
        record.country_stolen_id = _country_ids([row["country_stolen"]], countries, "country_stolen")[0]
    if record.status not in STATUSES_OF[database] and record.status not in ("recovered", "cancelled"):
        raise RowError(_("status: this status does not apply to this database."))
    try:
        record.full_clean(exclude=["owner", "restriction_countries"], validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        raise RowError(_messages(error)) from error
    return parsed


def _country_ids(codes: list[str], countries: dict[str, int], column: str) -> list[int]:
    ids = []
    for code in codes:
        found = countries.get(str(code).strip().upper())
        if found is None:
            raise RowError(_("{column}: “{code}” is not a known country code.").format(column=column, code=code))
        ids.append(found)
    return ids
