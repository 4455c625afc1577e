"""Alignment of two person names as token sets: any order (a family name met as a given name costs a little),
tolerant of initials, missing names and particles."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from databases.matching.frequencies import NameFrequencies
from databases.matching.normalize import PARTICLES, is_arabic, plain, tokens
from databases.matching.phonetic import NATIVE, packed_keys, same_skeleton, token_similarity
from databases.matching.reasons import Reason
from databases.matching.transliterate import transliterate_token

# Token similarity is turned into evidence linearly between these two values: at or below TOKEN_MIN two tokens
# are different names (not aligned), from TOKEN_SURE up they are the same name. Spelling variants of one name
# mostly score 0.8-1.0, different names that share a skeleton 0.6-0.75 (bench/names_accuracy.py, tune split).
TOKEN_MIN = 0.5
TOKEN_SURE = 0.85
# Similarity given to an initial that matches the first letter of a full name ('M.' ~ 'Mohamed'). At 0.75,
# persons recorded with an initial ('T. Smith') were a quarter of the non-target persons that names-only screenings
# returned above 0.85; from 0.65 down to 0.55 the best recall at precision 0.95 on the tune split rose from 0.882 to
# 0.899, and 0.65 keeps recall at the production threshold (bench/names_accuracy.py).
INITIAL_SIMILARITY = 0.65
# Share of its weight that an unmatched token costs: a name present on both sides but different is evidence
# against; a name present on one side only (a middle name left out) costs little.
CONFLICT_PENALTY = 1.0
MISSING_PENALTY = 0.3
# How much of a conflict the larger side weighs: names left over on both sides conflict over the smaller side's
# weight plus this share of the difference. With the smaller side's alone, a common name that differs ('Smith'
# against a rare given name) cost little, and persons of the same year who share one name only outranked real
# spellings; with the larger side's alone, real spellings with a full date of birth fell below the threshold
# (bench/names_accuracy.py, tune split).
CONFLICT_SHARE = 0.5
# Share of the evidence lost when the names meet only across the family/given boundary (the family name of one is
# a given name of the other, and no name agrees in place). Such a person is still found, below one whose names agree
# in place: records do swap the two fields, but a swap is weaker evidence than agreement. Persons whose names meet
# the query's only across the boundary were 41-45 % of the wrong names that names-only screenings returned above
# 0.8 (tune split).
# Chosen on the tune split counting one target in ten recorded swapped (bench/names_accuracy.py reports the swapped
# targets apart): names-only recall at precision 0.95 went from 0.914 to 0.925 at 0.1 and 0.15, and down again at
# 0.2; year-only stayed within 0.003. The smaller cost keeps more of the swapped records.
ORDER_SWAP_COST = 0.1
# Tokens kept per name form; longer names are truncated (they are rare and cost quadratic time).
MAX_TOKENS = 8
if NATIVE is not None:
    NATIVE.configure_alignment(
        TOKEN_MIN, TOKEN_SURE, INITIAL_SIMILARITY, CONFLICT_PENALTY, MISSING_PENALTY, CONFLICT_SHARE, ORDER_SWAP_COST
    )


class Unit(NamedTuple):
    """A token, or a particle run glued to the next token ('ben' + 'ali' -> 'benali'), as compared.

    A named tuple: a sweep builds millions of them, and a frozen dataclass costs several times more to create.
    """

    text: str
    mask: int  # bit i set when the unit covers token i of its name
    role: str  # "family", "given" or "alias"
    initial: bool
    head: str  # the token whose rarity weighs: the particle run itself weighs nothing


@dataclass(frozen=True, slots=True)
class NameForm:
    """One full name of a person (the main name or an alias) ready for alignment."""

    tokens: tuple[str, ...]
    roles: tuple[str, ...]  # "family", "given" or "alias", per token
    units: tuple[Unit, ...]
    # The tokens with their roles ('fhaddad', 'gkarim'): what an alignment's value depends on, and so the key of
    # the remembered values. 'Haddad' + 'Karim' and 'Haddad Karim' have the same tokens but not the same value.
    signature: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Alignment:
    """Result of aligning two names: value in [0, 1] and, when asked for, the reasons."""

    value: float
    reasons: tuple[Reason, ...] = ()


def _form(words: list[tuple[str, str]]) -> NameForm:
    words = words[:MAX_TOKENS]
    units = [Unit(text, 1 << i, role, len(text) == 1, text) for i, (text, role) in enumerate(words)]
    for i, (text, _role) in enumerate(words):
        if text in PARTICLES and (i == 0 or words[i - 1][0] not in PARTICLES):
            j = i
            while j < len(words) - 1 and words[j][0] in PARTICLES:
                j += 1
            if j > i and words[j][0] not in PARTICLES:
                joined = "".join(t for t, _ in words[i : j + 1])
                units.append(Unit(joined, ((1 << (j + 1)) - 1) ^ ((1 << i) - 1), words[j][1], False, words[j][0]))
    return NameForm(
        tuple(t for t, _ in words),
        tuple(r for _, r in words),
        tuple(units),
        tuple(r[0] + t for t, r in words),
    )


def name_forms(family_name: str, given_names: str = "", aliases: tuple[str, ...] = ()) -> tuple[NameForm, ...]:
    """Return the main name (family then given tokens) and one form per alias; empty names are left out."""
    forms = (_main_form(family_name, given_names), *(_alias_form(alias) for alias in aliases))
    return tuple(form for form in forms if form is not None)


# Names repeat across a population: a sweep or a screening prepares each distinct name once per process, and
# persons of the same name share one form (so that their alignments are remembered once, see align_value).
# About 0.8 KB a form: the bound keeps a web worker's share under 100 MB.
@lru_cache(maxsize=100_000)
def _main_form(family_name: str, given_names: str) -> NameForm | None:
    main = [(t, "family") for t in tokens(family_name)] + [(t, "given") for t in tokens(given_names)]
    return _form(main) if main else None


@lru_cache(maxsize=20_000)
def _alias_form(alias: str) -> NameForm | None:
    words = tokens(alias)
    return _form([(t, "alias") for t in words]) if words else None


def _first_letter(token: str) -> str:
    return (transliterate_token(token) if is_arabic(token) else plain(token))[:1]


def _first_letter_code(token: str) -> int:
    letter = _first_letter(token)
    return ord(letter) if letter else -1


def _unit_similarity(a: Unit, b: Unit) -> float:
    if a.initial or b.initial:
        if a.initial and b.initial:
            return 1.0 if a.text == b.text else 0.0
        initial, full = (a.text, b.text) if a.initial else (b.text, a.text)
        return INITIAL_SIMILARITY if _first_letter(full) == initial else 0.0
    return token_similarity(a.text, b.text)


def _kind(a: Unit, b: Unit) -> str:
    if plain(a.text) == plain(b.text):
        return "name_exact"
    if a.initial or b.initial:
        return "name_initial"
    if is_arabic(a.text) != is_arabic(b.text):
        if same_skeleton(a.text, b.text) or transliterate_token(a.text) == transliterate_token(b.text):
            return "name_transliteration"
        return "name_similar"
    return "name_phonetic" if same_skeleton(a.text, b.text) else "name_similar"


def _crosses(a: Unit, b: Unit) -> bool:
    """True when one unit is a family name and the other a given name (an alias has no place to keep)."""
    return a.role != b.role and a.role != "alias" and b.role != "alias"


def _unmatched_weight(form: NameForm, used: int, frequencies: NameFrequencies) -> tuple[float, list[int]]:
    left = [i for i in range(len(form.tokens)) if not used >> i & 1]
    weight = 0.0  # added in order, not with sum(): the C version (scoring.c) must give the same double
    for i in left:
        weight += frequencies.weight(form.tokens[i])
    return weight, left


def align(query: NameForm, candidate: NameForm, frequencies: NameFrequencies, *, explain: bool = False) -> Alignment:
    """Align two names greedily, best token pairs first, and weigh matches against unmatched names."""
    pairs = []
    for q in query.units:
        for c in candidate.units:
            similarity = _unit_similarity(q, c)
            if similarity > TOKEN_MIN:
                pairs.append((similarity, q, c))
    if not pairs:
        return Alignment(0.0)
    pairs.sort(key=itemgetter(0), reverse=True)
    used_q = used_c = 0
    matched_weight = evidence = crossed = 0.0
    in_place = False
    chosen = []
    for similarity, q, c in pairs:
        if q.mask & used_q or c.mask & used_c:
            continue
        used_q |= q.mask
        used_c |= c.mask
        weight = min(frequencies.weight(q.head), frequencies.weight(c.head))
        matched_weight += weight
        strength = min(1.0, (similarity - TOKEN_MIN) / (TOKEN_SURE - TOKEN_MIN)) * weight
        if _crosses(q, c):
            crossed += strength
        else:
            evidence += strength
            in_place |= q.role == c.role
        chosen.append((similarity, q, c))
    evidence += crossed if in_place else crossed * (1.0 - ORDER_SWAP_COST)
    left_q, rest_q = _unmatched_weight(query, used_q, frequencies)
    left_c, rest_c = _unmatched_weight(candidate, used_c, frequencies)
    smaller, larger = min(left_q, left_c), max(left_q, left_c)
    conflict = smaller + CONFLICT_SHARE * (larger - smaller) if smaller > 0.0 else 0.0
    missing = larger - conflict
    total = matched_weight + CONFLICT_PENALTY * conflict + MISSING_PENALTY * missing
    value = evidence / total if total else 0.0
    if not explain:
        return Alignment(value)
    return Alignment(value, _reasons(chosen, query, rest_q, candidate, rest_c))


# Alignment values remembered per frequency table; emptied when full (a sweep meets millions of name pairs).
ALIGNMENT_MEMORY = 200_000


def align_value(query: NameForm, candidate: NameForm, frequencies: NameFrequencies) -> float:
    """align(...).value, remembered per pair of token sequences: homonyms make the same pairs over and over.

    The value depends on the tokens, their roles and the frequency table only.
    """
    memory = frequencies.alignments
    key = (query.signature, candidate.signature)
    value = memory.get(key)
    if value is None:
        if len(memory) >= ALIGNMENT_MEMORY:
            memory.clear()
        value = memory[key] = align(query, candidate, frequencies).value
    return value


def align_value_reaching(query: NameForm, candidate: NameForm, frequencies: NameFrequencies, floor: float) -> float:
    """align_value(...) when it can reach `floor`; otherwise some value below `floor`, often found without aligning.

    A name token that is matched to nothing costs at least MISSING_PENALTY of its weight, and the matched weight
    is at most the rest of the name's weight; so a token that carries a large enough share of its name's weight
    must be matched for the value to reach `floor`. Most pairs the blocking keys bring (a common given name
    shared, the family names different) fail this for their family name, which costs a few token similarities
    instead of all of them and the alignment.

    In C (scoring.c) when it is built: a sweep asks this for every candidate pair, and in Python the calls
    around the small comparisons took most of the time.
    """
    if NATIVE is not None:
        return float(NATIVE.reach(native_form(query, frequencies), native_form(candidate, frequencies), floor))
    return reaching_python(query, candidate, frequencies, floor)


def reaching_python(query: NameForm, candidate: NameForm, frequencies: NameFrequencies, floor: float) -> float:
    """align_value_reaching in Python: the reference that the C version must equal."""
    if _must_match_unmatched(query, candidate, frequencies, floor, query_side=True) or _must_match_unmatched(
        candidate, query, frequencies, floor, query_side=False
    ):
        return 0.0  # only reached with floor > 0 (below, no token is ever required)
    return align_value(query, candidate, frequencies)


# Packed forms per frequency table (their weights are in them); emptied when full.
NATIVE_FORMS_MEMORY = 100_000


def native_form(form: NameForm, frequencies: NameFrequencies) -> bytes:
    """The form with its tokens' weights, in the layout of the C version; remembered per frequency table."""
    memory = frequencies.native_forms
    packed = memory.get(form.signature)
    if packed is None:
        if len(memory) >= NATIVE_FORMS_MEMORY:
            memory.clear()
        packed = memory[form.signature] = _pack_form(form, [frequencies.weight(token) for token in form.tokens])
    return packed


def template_form(form: NameForm) -> bytes:
    """The form in the layout of the C version with every weight 0: the part of a person's template
    (persons.template) that scoring.c's weigh() gives the weights of a frequency table."""
    return _pack_form(form, [0.0] * len(form.tokens))


# A unit's role as scoring.c reads it (ROLE_ALIAS, ROLE_FAMILY, ROLE_GIVEN).
_ROLE_CODES = {"alias": 0, "family": 1, "given": 2}


def _pack_form(form: NameForm, weights: list[float]) -> bytes:
    assert NATIVE is not None
    units = [
        (
            unit.mask,
            unit.initial,
            unit.mask.bit_length() - 1,  # the head: a particle run weighs as the token it is glued to
            _first_letter_code(unit.text),
            _ROLE_CODES[unit.role],
            unit.text,
            b"" if unit.initial else packed_keys(unit.text),
        )
        for unit in form.units
    ]
    return NATIVE.pack_form(weights, units)


def _must_match_unmatched(
    form: NameForm, other: NameForm, frequencies: NameFrequencies, floor: float, *, query_side: bool
) -> bool:
    """True when a token of `form` that the value needs matched has no similar enough unit in `other`.

    With a token of weight w unmatched out of a name of weight W, the value is at most
    (W - w) / (W - w + MISSING_PENALTY * w) (CONFLICT_PENALTY >= MISSING_PENALTY): below `floor` exactly when
    (1 - floor) * W < (1 - (1 - MISSING_PENALTY) * floor) * w.
    """
    weights = [frequencies.weight(token) for token in form.tokens]
    total = 0.0  # added in order, not with sum(): the C version (scoring.c) must give the same double
    for weight in weights:
        total += weight
    bar = (1.0 - floor) * total
    scale = 1.0 - (1.0 - MISSING_PENALTY) * floor
    for index, weight in enumerate(weights):
        if scale * weight <= bar:
            continue
        bit = 1 << index
        # Similarities are asked query unit first, as align asks them, so that both share the cached values.
        if not any(
            (_unit_similarity(unit, unit_other) if query_side else _unit_similarity(unit_other, unit)) > TOKEN_MIN
            for unit in form.units
            if unit.mask & bit
            for unit_other in other.units
        ):
            return True
    return False


def _reasons(
    chosen: list[tuple[float, Unit, Unit]], query: NameForm, rest_q: list[int], candidate: NameForm, rest_c: list[int]
) -> tuple[Reason, ...]:
    reasons = []
    swapped = False
    for similarity, q, c in chosen:
        params: dict[str, str | float] = {
            "field": q.role,
            "query": q.text,
            "candidate": c.text,
            "similarity": round(similarity, 3),
        }
        reasons.append(Reason(_kind(q, c), params))
        swapped |= {q.role, c.role} == {"family", "given"}
    if swapped:
        reasons.append(Reason("name_order_swapped"))
    # Names left over on both sides differ; left over on one side only, they are just absent from the other.
    code = "name_conflict" if rest_q and rest_c else "name_missing"
    for form, rest, side in ((query, rest_q, "query"), (candidate, rest_c, "candidate")):
        for index in rest:
            if form.tokens[index] not in PARTICLES:
                reasons.append(Reason(code, {"field": form.roles[index], side: form.tokens[index]}))
    return tuple(reasons)
