"""Person screening: names in any script, a partial date of birth, sex and nationality against the persons.

`person_screen` is the stable entry point used by the API, the screening page, batch jobs and the notices
app (a published notice's subject is screened). Candidates come from the blocking-key table, are scored by
the pure core (databases.matching.persons) and pass through the access policy: a person its owner hides from
the querying country is never a candidate, and its owner is told of the attempt.
"""

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import NamedTuple

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext, ngettext

from ncb.models import Unit, User
from ncb.services import audit_record, restricted_attempts_notify

from ..identifiers import IdentifierError, normalize_country, parse_partial_date
from ..matching import persons as core
from ..models import Hit, Person
from ..screening.reasons import reason_text
from .hits import HitDraft, hits_record_many
from .match_keys import (
    CandidateRow,
    candidate_cap,
    candidate_ids,
    candidate_rows,
    candidates_scored,
    candidates_worth_reading,
    core_person,
)

SEXES = {"M", "F", "X", "U"}


class ScreeningInputError(ValueError):
    """A screening query that cannot be read: `field` names the value, `message` says why (translated)."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field = field_name
        self.message = message


@dataclass(slots=True)
class Candidate:
    """A person resembling the query: {"id", "reference", "database", "score", "reasons", "summary"}."""

    id: int
    reference: str
    database: str
    score: float
    reasons: list[str]
    summary: str
    reason_codes: list[str] = field(default_factory=list)
    owner: str = ""
    hit_id: int | None = None

    def as_dict(self) -> dict:
        return asdict(self)


class CandidateList(list):
    """Candidates best first. `compared_all` is False when more persons shared the query's names than one query
    compares (PersonCandidates): the list is then the best of those compared, and a date of birth narrows it."""

    def __init__(self, candidates: Iterable[Candidate] = (), *, compared_all: bool = True):
        super().__init__(candidates)
        self.compared_all = compared_all


@dataclass(frozen=True, slots=True)
class ScreeningQuery:
    """A validated query: the core's person and its canonical form (the hit's query key)."""

    person: core.Person
    data: dict

    @property
    def key(self) -> str:
        parts = [self.data.get(name) or "" for name in ("family_name", "given_names", "date_of_birth", "sex")]
        return ("screen:" + "|".join(parts).casefold() + "|" + ",".join(self.data.get("nationalities", [])))[:255]


def _text(value, name: str, *, required: bool = False, max_length: int = 100) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ScreeningInputError(name, gettext("Enter text."))
    value = " ".join(value.split())
    if required and not value:
        raise ScreeningInputError(name, gettext("This field is required."))
    if len(value) > max_length:
        raise ScreeningInputError(
            name, ngettext("At most {max} character.", "At most {max} characters.", max_length).format(max=max_length)
        )
    return value


def screening_query(
    *,
    family_name,
    given_names=None,
    aliases: Sequence[str] | None = None,
    date_of_birth=None,
    sex=None,
    nationality=None,
    nationalities: Sequence[str] | None = None,
) -> ScreeningQuery:
    """Validate a query; ScreeningInputError names the first bad value."""
    family = _text(family_name, "family_name", required=True)
    given = _text(given_names, "given_names")
    alias_list = [_text(alias, "aliases", max_length=200) for alias in (aliases or [])]
    dob = ""
    if date_of_birth not in (None, ""):
        try:
            dob = str(parse_partial_date(str(date_of_birth).strip(), field="date_of_birth"))
        except IdentifierError as error:
            raise ScreeningInputError("date_of_birth", str(error.message)) from error
    sex_value = _text(sex, "sex", max_length=1).upper()
    if sex_value and sex_value not in SEXES:
        raise ScreeningInputError("sex", gettext("Use M, F, X or U."))
    countries = []
    for code in [nationality, *(nationalities or [])]:
        if code in (None, ""):
            continue
        try:
            countries.append(normalize_country(_text(code, "nationality", max_length=3)))
        except IdentifierError as error:
            raise ScreeningInputError("nationality", str(error.message)) from error
    countries = sorted(set(countries))
    person = core_person(
        family_name=family,
        given_names=given,
        aliases=alias_list,
        date_of_birth=dob or None,
        sex=sex_value or None,
        nationalities=countries,
    )
    data = {
        "family_name": family,
        "given_names": given,
        "date_of_birth": dob,
        "sex": sex_value,
        "nationalities": countries,
    }
    if alias_list:
        data["aliases"] = alias_list
    return ScreeningQuery(person=person, data=data)


class PersonCandidates(NamedTuple):
    visible: list[tuple[CandidateRow, core.Score]]  # kept, best first
    hidden: list[CandidateRow]  # kept, but restricted from the unit by their owners
    # False when more persons shared the query's keys than the candidate cap lets one query compare (a common
    # name without a date of birth): the candidates are then the best of those compared, not of all.
    compared_all: bool


def person_candidates(query: core.Person, *, unit: Unit | None, threshold: float) -> PersonCandidates:
    """Score the persons sharing a blocking key with the query."""
    prepared = core.prepare(query)
    # A date of birth narrows the look-up to the dates that can still reach the threshold, and among them one
    # shared name is enough to be a candidate.
    dob = prepared.dob if core.dates_can_rule_out(threshold) else None
    names = (query.family_name, query.given_names, query.aliases)
    ids = candidate_ids(core.query_keys(*names), dob=dob, dated_keys=core.dated_query_keys(*names))
    # Most candidates fall below the threshold: their stored templates tell, without reading their rows.
    wanted = candidates_worth_reading(prepared, ids, threshold)
    templates = core.can_decide_templates(threshold)
    rows = candidate_rows(wanted, unit=unit, dob=prepared.dob, threshold=threshold, templates=templates, answer=True)
    scored = candidates_scored(prepared, rows, threshold)
    visible = [(row, score) for row, score in scored if row.visible]
    hidden = [row for row, _score in scored if not row.visible]
    return PersonCandidates(visible, hidden, compared_all=len(ids) < candidate_cap(dob))


# The labels of the choices a summary shows, lazy (translated when shown). Django's get_FOO_display translates
# every label of the field to look one up: about 0.1 ms a candidate.
_LABELS = {name: dict(Person._meta.get_field(name).flatchoices) for name in ("sex", "status")}
# What a new hit and an owner's notice read of a candidate: its row holds much more.
RECORD_FIELDS = ("reference", "status", "owner__code", "owner__email", "owner__country__iso2")


def _label(name: str, value: str) -> str:
    return str(_LABELS[name].get(value, value))


def summary_of(row: CandidateRow) -> str:
    """A one-line description of a candidate: names, Latin form, date of birth, sex, nationalities, owner."""
    person, answer = row.person, row.answer
    assert answer is not None, "candidate_rows(answer=True) reads what the summary shows"
    name = f"{person.family_name.upper()} {person.given_names}".strip()
    parts = [name]
    latin = f"{person.family_name_latin.upper()} {person.given_names_latin}".strip()
    if latin and latin != name:
        parts.append(latin)
    parts.extend(value for value in (person.date_of_birth, _label("sex", person.sex)) if value)
    if answer.nationalities:
        parts.append(", ".join(answer.nationalities))
    parts.append(_label("status", answer.status))
    if answer.owner_country:
        parts.append(gettext("recorded by {country}").format(country=answer.owner_country))
    return " · ".join(str(part) for part in parts)


def person_screen(
    *,
    viewer: User | None = None,
    unit: Unit | None = None,
    family_name: str,
    given_names: str | None = None,
    aliases: Sequence[str] | None = None,
    date_of_birth: str | None = None,
    sex: str | None = None,
    nationality: str | None = None,
    nationalities: Sequence[str] | None = None,
    threshold: float | None = None,
    limit: int | None = None,
    record_hits: bool = True,
    request=None,
    action: str = "screening.persons",
) -> CandidateList:
    """Screen a person against the persons database; candidates at or above `threshold`, best first.

    Rights are those of `viewer` (or of `unit` when no user asks, e.g. a background job). Each candidate
    owned by another NCB is recorded as a hit (once per unit, query and record: re-screening adds none).
    Raises ScreeningInputError for a malformed query. Audited.
    """
    query = screening_query(
        family_name=family_name,
        given_names=given_names,
        aliases=aliases,
        date_of_birth=date_of_birth,
        sex=sex,
        nationality=nationality,
        nationalities=nationalities,
    )
    return person_screen_query(
        query=query,
        viewer=viewer,
        unit=unit,
        threshold=threshold,
        limit=limit,
        record_hits=record_hits,
        request=request,
        action=action,
    )


def person_screen_query(
    *,
    query: ScreeningQuery,
    viewer: User | None,
    unit: Unit | None,
    threshold: float | None = None,
    limit: int | None = None,
    record_hits: bool = True,
    request=None,
    action: str = "screening.persons",
) -> CandidateList:
    """person_screen for an already validated query (batch jobs validate every row first)."""
    if unit is None and viewer is not None:
        unit = viewer.unit
    everything = viewer is not None and viewer.is_superuser
    threshold = settings.MATCH_PERSON_THRESHOLD if threshold is None else threshold
    limit = min(limit or settings.SCREENING_DEFAULT_LIMIT, settings.SCREENING_MAX_LIMIT)
    if unit is None and not everything:
        audit_record(actor=viewer, action=action, query=query.data, outcome="no unit", request=request)
        return CandidateList()
    visible, hidden, compared_all = person_candidates(
        query.person, unit=None if everything else unit, threshold=threshold
    )
    visible = visible[:limit]
    # A unit's own records are not hits for it.
    others = [(row, score) for row, score in visible if record_hits and unit is not None and row.owner_id != unit.pk]
    with transaction.atomic():
        existing = _existing_hits(query=query, others=others, unit=unit)
        new = [(row, score) for row, score in others if row.id not in existing]
        by_id = _records([row.id for row in hidden] + [row.id for row, _score in new])
        restricted_attempts_notify(records=[by_id[row.id] for row in hidden], unit=unit, user=viewer, action=action)
        hits = {**existing, **_new_hits(query=query, new=new, by_id=by_id, unit=unit, viewer=viewer)}
        audit_record(
            actor=viewer,
            unit=unit,
            action=action,
            query={**query.data, "threshold": threshold},
            outcome=f"{len(visible)} candidates",
            request=request,
        )
    candidates = (
        Candidate(
            id=row.id,
            reference=row.reference,
            database=Person.DATABASE,
            score=score.value,
            reasons=[reason_text(reason) for reason in score.reasons],
            reason_codes=[reason.code for reason in score.reasons],
            summary=summary_of(row),
            owner=row.answer.owner_code,
            hit_id=hits.get(row.id),
        )
        for row, score in visible
    )
    return CandidateList(candidates, compared_all=compared_all)


def _records(ids: list[int]) -> dict[int, Person]:
    """The records themselves, only for what is written about them: notices to owners, new hits."""
    if not ids:
        return {}
    return Person.objects.select_related("owner__country").only(*RECORD_FIELDS).order_by().in_bulk(ids)


def _existing_hits(*, query: ScreeningQuery, others, unit: Unit | None) -> dict[int, int]:
    """The ids of this unit's hits for this query on the candidates `others`, per person, in one query."""
    if not others:
        return {}
    return dict(
        Hit.objects.filter(
            database=Person.DATABASE, record_id__in=[row.id for row, _score in others], unit=unit, query_key=query.key
        ).values_list("record_id", "pk")
    )


def _new_hits(*, query: ScreeningQuery, new, by_id, unit, viewer) -> dict[int, int]:
    """Record the hits not recorded yet (each one's owner told); their ids per person."""
    drafts = [
        HitDraft(by_id[row.id], score.value, "; ".join(reason.text for reason in score.reasons)) for row, score in new
    ]
    return hits_record_many(
        drafts=drafts, unit=unit, user=viewer, query=query.data, query_key=query.key, rule="person_screen"
    )
