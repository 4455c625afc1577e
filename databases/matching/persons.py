"""Scoring of a queried person against a candidate person: names across scripts, date of birth, sex, nationality.

Names are compared as sets of tokens, whatever their order and field (family and given names are often swapped
between countries' conventions); each token weighs by its rarity, so that sharing 'Mohamed' says little and
sharing a rare family name says much. A conflicting date of birth or sex pulls the score down hard: the reviewer
must not be flooded with homonyms.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass

from databases.matching.blocking import blocking_keys, dated_query_keys, query_keys
from databases.matching.dates import DateAgreement, PartialDate, compare_dates, parse_partial_date
from databases.matching.frequencies import NO_FREQUENCIES, NameFrequencies, frequency_key, token_kind
from databases.matching.names import (
    NameForm,
    align,
    align_value,
    align_value_reaching,
    name_forms,
    native_form,
    template_form,
)
from databases.matching.phonetic import NATIVE
from databases.matching.reasons import Reason

__all__ = [
    "Person",
    "PreparedPerson",
    "Reason",
    "Score",
    "dates_can_rule_out",
    "blocking_keys",
    "dated_query_keys",
    "can_decide_templates",
    "dates_rule_out",
    "decide_pairs",
    "decide_templates",
    "prepare",
    "query_keys",
    "reaches",
    "reaches_all",
    "score",
    "template",
]

# Score from which a candidate is shown to the reviewer (the lead moves it to settings). Chosen on the tune split
# of the synthetic full-name benchmark (bench/names_accuracy.py): the best recall with precision >= 0.95 with
# names only, and with a date of birth nearly all the recall blocking allows at precision ~1.
MATCH_THRESHOLD = 0.75

# How each date agreement moves the name score: towards 1 by a share of the gap, or multiplied down.
DOB_PULL = {DateAgreement.EXACT: 0.5, DateAgreement.COMPATIBLE: 0.1, DateAgreement.SWAPPED: 0.15}
DOB_FACTOR = {DateAgreement.CLOSE: 0.92, DateAgreement.CONFLICT: 0.55}
_CONFLICT_FACTOR, _CLOSE_FACTOR = DOB_FACTOR[DateAgreement.CONFLICT], DOB_FACTOR[DateAgreement.CLOSE]
_EXACT_PULL, _COMPATIBLE_PULL = DOB_PULL[DateAgreement.EXACT], DOB_PULL[DateAgreement.COMPATIBLE]
_SWAPPED_PULL = DOB_PULL[DateAgreement.SWAPPED]
SEX_CONFLICT_FACTOR = 0.7
NATIONALITY_PULL = 0.05

_SEXES = {"m": "M", "male": "M", "f": "F", "female": "F"}

# The best score a pair with conflicting dates of birth can reach (identical names, a shared nationality).
# Above it, such a pair can be left out before its names are compared, and the results stay the same.
DOB_CONFLICT_CEILING = DOB_FACTOR[DateAgreement.CONFLICT] * (1.0 - NATIONALITY_PULL) + NATIONALITY_PULL

# Scores are rounded to four decimals (a bound on the rounding, with room for the floating point).
_ROUNDING = 1e-4


@dataclass(frozen=True, slots=True)
class Person:
    """A person as entered: names in any script, date of birth 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'."""

    family_name: str
    given_names: str = ""
    aliases: tuple[str, ...] = ()
    date_of_birth: str | None = None
    sex: str | None = None
    nationalities: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PreparedPerson:
    """A person reduced to what scoring needs; compute it once per record (at import or on save)."""

    names: tuple[NameForm, ...]
    dob: PartialDate | None
    sex: str | None
    nationalities: frozenset[str]


@dataclass(frozen=True, slots=True)
class Score:
    """Match score in [0, 1] with the evidence behind it."""

    value: float
    reasons: tuple[Reason, ...] = ()

    def is_match(self, threshold: float = MATCH_THRESHOLD) -> bool:
        """True when the score reaches the threshold."""
        return self.value >= threshold


def prepare(person: Person) -> PreparedPerson:
    """Precompute the name forms, parsed date and normalised sex and nationalities of a person."""
    return PreparedPerson(
        names=name_forms(person.family_name, person.given_names, person.aliases),
        dob=parse_partial_date(person.date_of_birth),
        sex=_SEXES.get((person.sex or "").strip().casefold()),
        nationalities=frozenset(n.strip().upper() for n in person.nationalities if n and n.strip()),
    )


def dates_can_rule_out(threshold: float) -> bool:
    """True when a conflicting date of birth keeps any pair below `threshold`."""
    return threshold > DOB_CONFLICT_CEILING


def dates_rule_out(a: PartialDate | None, b: PartialDate | None, threshold: float) -> bool:
    """True when the dates of birth alone keep the pair below `threshold`: no need to compare the names."""
    return dates_can_rule_out(threshold) and compare_dates(a, b) is DateAgreement.CONFLICT


def _dob_reason(agreement: DateAgreement, a: PartialDate | None, b: PartialDate | None) -> Reason | None:
    if agreement is DateAgreement.COMPATIBLE and a and b:
        precision = min(sum(part is not None for part in a), sum(part is not None for part in b))
        return Reason("dob_year_only" if precision == 1 else "dob_year_month")
    codes = {
        DateAgreement.EXACT: "dob_exact",
        DateAgreement.SWAPPED: "dob_swapped",
        DateAgreement.CLOSE: "dob_close",
        DateAgreement.CONFLICT: "dob_conflict",
    }
    return Reason(codes[agreement]) if agreement in codes else None


def score(
    query: PreparedPerson,
    candidate: PreparedPerson,
    frequencies: NameFrequencies = NO_FREQUENCIES,
    *,
    explain: bool = True,
) -> Score:
    """Score a candidate against a query; with explain=False only the value is computed (faster)."""
    if explain:
        best = None
        for q_index, q_name in enumerate(query.names):
            for c_index, c_name in enumerate(candidate.names):
                result = align(q_name, c_name, frequencies, explain=True)
                if best is None or result.value > best[0].value:
                    best = (result, q_index > 0 or c_index > 0)
        if best is None:
            return Score(0.0)
        alignment, via_alias = best
        value = alignment.value
        reasons: list[Reason] = list(alignment.reasons)
        if via_alias:
            reasons.append(Reason("name_alias"))
    else:
        if not query.names or not candidate.names:
            return Score(0.0)
        value = max(align_value(q, c, frequencies) for q in query.names for c in candidate.names)
        reasons = []

    agreement = _dates_agreement(query, candidate)
    value = _with_other_evidence(value, query, candidate, agreement)
    if explain:
        dob_reason = _dob_reason(agreement, query.dob, candidate.dob)
        if dob_reason:
            reasons.append(dob_reason)
        if query.sex and candidate.sex and query.sex != candidate.sex:
            reasons.append(Reason("sex_conflict"))
        common = query.nationalities & candidate.nationalities
        if common:
            reasons.append(Reason("nationality_overlap", {"nationalities": ", ".join(sorted(common))}))
    return Score(round(min(max(value, 0.0), 1.0), 4), tuple(reasons))


def _dates_agreement(query: PreparedPerson, candidate: PreparedPerson) -> DateAgreement:
    if query.dob is None or candidate.dob is None:
        return DateAgreement.UNKNOWN
    return compare_dates(query.dob, candidate.dob)


def _with_other_evidence(
    value: float, query: PreparedPerson, candidate: PreparedPerson, agreement: DateAgreement
) -> float:
    """The name value moved by the dates of birth, the sexes and the nationalities: increasing in `value`."""
    # Identity tests and constants rather than dict look-ups: hashing an enum member runs Python code (Enum's
    # __hash__), three times per candidate pair of a sweep.
    if agreement is DateAgreement.UNKNOWN:
        pass
    elif agreement is DateAgreement.CONFLICT:
        value *= _CONFLICT_FACTOR
    elif agreement is DateAgreement.CLOSE:
        value *= _CLOSE_FACTOR
    elif agreement is DateAgreement.EXACT:
        value += (1.0 - value) * _EXACT_PULL
    elif agreement is DateAgreement.COMPATIBLE:
        value += (1.0 - value) * _COMPATIBLE_PULL
    else:
        value += (1.0 - value) * _SWAPPED_PULL
    if query.sex and candidate.sex and query.sex != candidate.sex:
        value *= SEX_CONFLICT_FACTOR
    if query.nationalities and not query.nationalities.isdisjoint(candidate.nationalities):
        value += (1.0 - value) * NATIONALITY_PULL
    return value


def reaches(query: PreparedPerson, candidate: PreparedPerson, frequencies: NameFrequencies, threshold: float) -> bool:
    """score(query, candidate, frequencies).value >= threshold, without aligning names that cannot get there.

    The other evidence moves the name value by an increasing affine map; its inverse at the threshold is the
    least name value the pair needs (align_value_reaching leaves out the name pairs that cannot reach it).
    """
    if not query.names or not candidate.names:
        return threshold <= 0.0  # score() gives 0 without names
    agreement = _dates_agreement(query, candidate)
    low = _with_other_evidence(0.0, query, candidate, agreement)
    high = _with_other_evidence(1.0, query, candidate, agreement)
    # A value up to half the last decimal below the threshold rounds up to it.
    floor = (threshold - _ROUNDING - low) / (high - low)
    if floor > 1.0:
        return False  # not even identical names
    names = max(align_value_reaching(q, c, frequencies, floor) for q in query.names for c in candidate.names)
    value = _with_other_evidence(names, query, candidate, agreement)
    return round(min(max(value, 0.0), 1.0), 4) >= threshold


# The other evidence's weights, in the order of scoring.c's Evidence, given to it once.
_EVIDENCE = (
    _CONFLICT_FACTOR,
    _CLOSE_FACTOR,
    _EXACT_PULL,
    _COMPATIBLE_PULL,
    _SWAPPED_PULL,
    SEX_CONFLICT_FACTOR,
    NATIONALITY_PULL,
    _ROUNDING,
)
if NATIVE is not None:
    NATIVE.configure_evidence(*_EVIDENCE)
_YES, _ASK = 1, 2


def reaches_all(
    pairs: Sequence[tuple[PreparedPerson, PreparedPerson]], frequencies: NameFrequencies, threshold: float
) -> list[bool]:
    """[reaches(query, candidate, frequencies, threshold) for query, candidate in pairs].

    In C when it is built (scoring.c, decide): a sweep chunk asks this for about half a million pairs, and the
    Python around each pair's alignment cost more than the alignment. The C leaves to Python the pairs whose value
    falls within two steps of the fourth decimal below the threshold, where Python's rounding decides; it needs a
    threshold of four decimals at most.
    """
    if NATIVE is None or round(threshold, 4) != threshold:
        return [reaches(query, candidate, frequencies, threshold) for query, candidate in pairs]
    index: dict[int, int] = {}
    persons: list[bytes] = []
    flat: list[int] = []
    for pair in pairs:
        for person in pair:
            position = index.get(id(person))  # the pairs hold the persons: their ids stay theirs meanwhile
            if position is None:
                position = index[id(person)] = len(persons)
                persons.append(_native_person(person, frequencies))
            flat.append(position)
    statuses = NATIVE.decide(persons, flat, threshold)
    return [
        status == _YES if status != _ASK else reaches(query, candidate, frequencies, threshold)
        for status, (query, candidate) in zip(statuses, pairs, strict=True)
    ]


# Sexes and nationalities as scoring.c compares them: the same integers in every process, since templates are stored.
_SEX_CODES = {"M": 1, "F": 2}
_OTHER_NATIONALITIES: dict[str, int] = {}
_OTHER_BASE = 1 << 24  # above any three ASCII letters packed


def _nationality_code(value: str) -> int:
    """A country code's up to three ASCII letters packed into an integer; others numbered in this process only."""
    if _storable_nationality(value):
        code = 0
        for char in value:
            code = code << 8 | ord(char)
        return code
    other = _OTHER_NATIONALITIES.get(value)
    if other is None:
        other = _OTHER_NATIONALITIES[value] = _OTHER_BASE + len(_OTHER_NATIONALITIES)
    return other


def _storable_nationality(value: str) -> bool:
    return 0 < len(value) <= 3 and value.isascii()


def _native_person(person: PreparedPerson, frequencies: NameFrequencies) -> bytes:
    return _packed_person(person, [native_form(form, frequencies) for form in person.names])


def _packed_person(person: PreparedPerson, forms: list[bytes]) -> bytes:
    assert NATIVE is not None
    dob = person.dob
    year, month, day = dob if dob is not None else (0, None, None)
    return NATIVE.pack_person(
        dob is not None,
        year,
        month or 0,
        day or 0,
        _SEX_CODES.get(person.sex or "", 0),
        sorted(_nationality_code(nationality) for nationality in person.nationalities),
        forms,
    )


def template(person: PreparedPerson) -> bytes | None:
    """The person packed for scoring.c without the weights of a frequency table, to store with the record.

    decide_templates() gives stored templates the weights of the current table in C, instead of preparing and
    packing each candidate in Python (most of a screening's time). None when the C version is not built, or
    when a nationality is not a country code (its number would be this process's only).
    """
    if NATIVE is None or not all(_storable_nationality(value) for value in person.nationalities):
        return None
    trailer = array("i")
    for form in person.names:
        for token in form.tokens:
            key = frequency_key(token)
            trailer.extend((token_kind(token), len(key)))
            trailer.extend(ord(char) for char in key)
    words = _packed_person(person, [template_form(form) for form in person.names]) + trailer.tobytes()
    return NATIVE.compact(words)  # a quarter of the size: reading hundreds of them is most of a screening


def can_decide_templates(threshold: float) -> bool:
    """True when decide_templates can answer at `threshold` (the C version built, four decimals at most)."""
    return NATIVE is not None and round(threshold, 4) == threshold


def decide_templates(
    query: PreparedPerson, templates: Sequence[bytes], frequencies: NameFrequencies, threshold: float
) -> list[bool | None]:
    """Per stored template (template()), whether the query reaches the threshold with that person; None when the
    value is too close to the rounding to tell in C (reaches() with the prepared person tells).

    Only where can_decide_templates(threshold).
    """
    return decide_pairs(
        [query, *templates], [(0, index) for index in range(1, len(templates) + 1)], frequencies, threshold
    )


def decide_pairs(
    persons: Sequence[PreparedPerson | bytes],
    pairs: Sequence[tuple[int, int]],
    frequencies: NameFrequencies,
    threshold: float,
) -> list[bool | None]:
    """Per pair of indexes into `persons` (prepared persons, or stored templates), whether the two reach the
    threshold together; None when too close to the rounding to tell in C (reaches() tells).

    Only where can_decide_templates(threshold).
    """
    assert NATIVE is not None
    stored = [person for person in persons if isinstance(person, bytes)]
    weighed = iter(NATIVE.weigh(stored, frequencies.key_weights()) if stored else ())
    packed = [next(weighed) if isinstance(person, bytes) else _native_person(person, frequencies) for person in persons]
    flat = [index for pair in pairs for index in pair]
    return [None if status == _ASK else status == _YES for status in NATIVE.decide(packed, flat, threshold)]


def screen(
    query: PreparedPerson,
    candidates: Sequence[tuple[object, PreparedPerson]],
    frequencies: NameFrequencies = NO_FREQUENCIES,
    threshold: float = MATCH_THRESHOLD,
) -> list[tuple[object, Score]]:
    """Score candidates (id, prepared person) and return those at or above threshold, best first, explained.

    Values are computed without reasons first: most candidates from the blocking index fall below threshold.
    """
    kept = []
    decided = reaches_all([(query, candidate) for _, candidate in candidates], frequencies, threshold)
    for (ident, candidate), reached in zip(candidates, decided, strict=True):
        if reached:
            kept.append((ident, score(query, candidate, frequencies)))
    kept.sort(key=lambda item: -item[1].value)
    return kept
