"""Blocking keys: the index entries under which a person is found, so that screening scores only candidates.

A key joins the loose phonetic keys of two tokens of the same name ('p:' keys): one common name alone would
select several percent of a population, two together at most a few per thousand (0.3% for the largest key in a
synthetic million, bench/names_accuracy.py).
Cross-script spellings differ by about one consonant class in one token out of ten, so each pair is also keyed
with one token exact and the other reduced by one class ('q:' keys, a deletion neighbourhood): a variant that
is off by one consonant in one of the two tokens still shares a key; and by the first three classes of both
tokens ('r:' keys), for differences at the ends of both. Names with a single usable token are keyed
alone ('o:'), and every token is keyed alone ('n:') for queries that give only one name.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import combinations

from databases.matching.normalize import PARTICLES, tokens
from databases.matching.phonetic import token_keys

# Tokens of one name that are keyed; more only add keys without adding recall (names rarely lose three tokens).
MAX_KEYED_TOKENS = 4
# Loose keys shorter than this are not reduced further: a one-class key would select too much.
MIN_REDUCED_LENGTH = 3
# Length of the prefix of each loose key in the prefix pair keys ('r:'), which tolerate different endings
# ('tournier' / تورنيي, French silent letters, -ic / -itch) in both tokens at once.
PREFIX_LENGTH = 3


def _significant(name_tokens: Iterable[str]) -> list[str]:
    """Tokens that identify: not particles, not initials, each once, at most MAX_KEYED_TOKENS."""
    seen: list[str] = []
    for token in name_tokens:
        if len(token) > 1 and token not in PARTICLES and token not in seen:
            seen.append(token)
    return seen[:MAX_KEYED_TOKENS]


def loose_forms(token: str) -> list[str]:
    """The loose keys of a token's readings and article variants; '_' + vowels for an all-vowel token.

    Also the token-level blocking key: two spellings of one name share one of these in nine cases out of ten.
    """
    forms: list[str] = []
    for key in token_keys(token):
        form = key.loose or "_" + key.vowelled
        if form not in forms:
            forms.append(form)
    return forms


def _reduced(form: str) -> set[str]:
    """The form with one class deleted, for each position (the deletion neighbourhood of distance one)."""
    if len(form) < MIN_REDUCED_LENGTH:
        return set()
    return {form[:i] + form[i + 1 :] for i in range(len(form))}


def _pair_keys(a: str, b: str) -> set[str]:
    """Keys of two tokens of one name; the same on the index and the query side."""
    forms_a, forms_b = loose_forms(a), loose_forms(b)
    keys = {"p:" + "|".join(sorted((x, y))) for x in forms_a for y in forms_b}
    # Tolerance on one side at a time, from the primary readings only: about ten keys per pair.
    for exact, other in ((forms_a[0], forms_b[0]), (forms_b[0], forms_a[0])):
        keys.add(f"q:{exact}|{other}")
        keys.update(f"q:{exact}|{form}" for form in _reduced(other))
    keys.update("r:" + "|".join(sorted((x[:PREFIX_LENGTH], y[:PREFIX_LENGTH]))) for x in forms_a for y in forms_b)
    return keys


def _name_token_lists(family_name: str, given_names: str, aliases: Sequence[str]) -> list[list[str]]:
    names = [_significant(tokens(family_name) + tokens(given_names))]
    names.extend(_significant(tokens(alias)) for alias in aliases)
    return [name for name in names if name]


def blocking_keys(family_name: str, given_names: str = "", aliases: Sequence[str] = ()) -> set[str]:
    """Return the keys under which a person is stored in the blocking index.

    Names in any script; aliases are whole alternative names, each keyed on its own.
    """
    keys: set[str] = set()
    for name in _name_token_lists(family_name, given_names, aliases):
        for token in name:
            keys.update("n:" + form for form in loose_forms(token))
        if len(name) == 1:
            keys.update("o:" + form for form in loose_forms(name[0]))
        for a, b in combinations(name, 2):
            keys |= _pair_keys(a, b)
    return keys


def query_keys(family_name: str, given_names: str = "", aliases: Sequence[str] = ()) -> set[str]:
    """Return the keys to look up when screening a person: a subset of what blocking_keys stores.

    A query with two usable tokens or more looks up pairs, and single-token names stored alone ('o:'); a query
    with one usable token can only look it up alone ('n:'), which is as selective as that name is rare.
    """
    keys: set[str] = set()
    for name in _name_token_lists(family_name, given_names, aliases):
        if len(name) == 1:
            keys.update("n:" + form for form in loose_forms(name[0]))
            continue
        keys.update("o:" + form for token in name for form in loose_forms(token))
        for a, b in combinations(name, 2):
            keys |= _pair_keys(a, b)
    return keys


def dated_query_keys(family_name: str, given_names: str = "", aliases: Sequence[str] = ()) -> set[str]:
    """Return the single-token keys ('n:') of a query's names of two usable tokens or more.

    They are looked up only among persons whose full date of birth is within reach of the query's date (of the same
    year when the query has no day): the date makes one shared name selective enough, and it finds the cross-script
    spellings whose two tokens are both too far from the stored ones for the pair keys (about one name in twenty).
    """
    keys: set[str] = set()
    for name in _name_token_lists(family_name, given_names, aliases):
        if len(name) > 1:
            keys.update("n:" + form for token in name for form in loose_forms(token))
    return keys
