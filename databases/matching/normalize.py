"""Folding and tokenising of person names written in Latin or Arabic script.

`fold_name` removes the differences that carry no identity (case, accents, Arabic vowel marks, letter variants
that writers use interchangeably); `tokens` then splits a name into the units that matching compares, joining
the Arabic compounds that writers split or glue at will ('Abd al-Rahman', 'Abdelrahman', 'عبد الرحمن').
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Latin letters that do not decompose under NFD but that writers replace by plain letters.
_LATIN_SPECIAL = {"æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ß": "ss"}

# Letters whose mark changes the sound, kept through folding so that matching can read them both ways: as the
# plain letter that a writer without the mark types ('Zizek'), and as the sound that Arabic spellings follow
# ('Žižek' / جيجك, 'Şerif' / شريف). fold_name decomposes the whole text, so they are recomposed before the other
# marks go.
# Each letter: its plain letter, then its sound (Turkish ç is ch; French ç, an s, is left to the plain reading).
SOUNDED_LETTERS = {
    "š": ("s", "sh"),
    "ž": ("z", "zh"),
    "č": ("c", "ch"),
    "ć": ("c", "ch"),
    "ş": ("s", "sh"),
    "ç": ("c", "ch"),
}
_RECOMPOSE = {unicodedata.normalize("NFD", letter): letter for letter in SOUNDED_LETTERS}
_RECOMPOSE_RE = re.compile("|".join(_RECOMPOSE))
_PLAIN = str.maketrans({letter: plain for letter, (plain, _sound) in SOUNDED_LETTERS.items()})
_SOUNDED = str.maketrans({letter: sound for letter, (_plain, sound) in SOUNDED_LETTERS.items()})

# Arabic and Persian letter variants that name writers use interchangeably. Hamza carriers (أ إ آ ؤ ئ) need no
# entry: NFD splits off the hamza mark, which is then dropped with the other marks.
_ARABIC_VARIANTS = {
    "ٱ": "ا",  # alef wasla
    "ى": "ي",  # alef maqsura: Egyptian spelling writes final ya this way
    "ة": "ه",  # ta marbuta: pronounced -a or -ah, written with or without dots
    "ی": "ي",  # Persian ya
    "ک": "ك",  # Persian kaf
    "ھ": "ه",
    "ہ": "ه",
    "ە": "ه",
    "ء": "",  # a lone hamza is often omitted ('علاء' / 'علا')
    "ـ": "",  # tatweel only stretches the line
}

# Apostrophes and ayn/hamza signs of scholarly transliteration join ('sa'id' -> 'said'); other punctuation splits.
_JOINING = frozenset("'’‘`´ʿʻʾʼ")

ARABIC_RANGE = re.compile(r"[\u0600-\u06ff\u0750-\u077f]")


class _FoldTable(dict[int, str]):
    """A str.translate table that computes and remembers each character's folding on first sight."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char in SOUNDED_LETTERS:
            out = char
        elif char in _LATIN_SPECIAL:
            out = _LATIN_SPECIAL[char]
        elif char in _ARABIC_VARIANTS:
            out = _ARABIC_VARIANTS[char]
        elif char in _JOINING:
            out = ""
        else:
            category = unicodedata.category(char)
            if category in ("Mn", "Me", "Cf"):
                out = ""  # accents, tashkeel, hamza marks, zero-width and direction marks
            elif category[0] in "PSZCN":
                out = " "  # punctuation, hyphens, symbols, digits: a token boundary
            else:
                base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
                out = "".join(_ARABIC_VARIANTS.get(c, c) for c in base)
        self[code] = out
        return out


_FOLD_TABLE = _FoldTable()


def fold_name(text: str) -> str:
    """Return `text` normalised for comparison: NFKC, case-folded, accents and Arabic marks removed.

    The marks of SOUNDED_LETTERS stay (see plain). Punctuation and hyphens become single spaces; the result has no
    leading or trailing space.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    # NFD per character (inside the table) would miss accents typed as separate combining characters after
    # NFKC recomposition failed, so decompose the whole string first; the table then drops the marks.
    text = _RECOMPOSE_RE.sub(lambda match: _RECOMPOSE[match.group()], unicodedata.normalize("NFD", text))
    return " ".join(text.translate(_FOLD_TABLE).split())


def plain(token: str) -> str:
    """The folded token without the marks that fold_name keeps: as a writer without them types it."""
    return token.translate(_PLAIN)


def sounded(token: str) -> str:
    """The folded token with the letters that fold_name keeps written as they sound ('žižek' -> 'zhizhek')."""
    return token.translate(_SOUNDED)


def is_arabic(token: str) -> bool:
    """Return True when the token is written in Arabic script."""
    return ARABIC_RANGE.search(token) is not None


# Definite article written apart: 'al Hassan', 'el-Sayed', and the assimilated forms before sun letters
# ('ash-Shami', 'ar-Rashid', 'ad-Din') that only count as articles when the next token starts with the
# same consonant, so that a given name such as 'As' or 'An' survives elsewhere.
_ARTICLES = frozenset({"al", "el", "ul", "il", "ال"})
_SUN_ARTICLE = re.compile(r"^[aeiu](sh|th|dh|[tdrzsn])$")

# 'Abd' (servant of) and 'Abu' (father of) form one name with the next word.
_ABD_JOINER = re.compile(r"^(?:abd(?:[aeou]?[lrsnzdt]|oul?|u)?|عبد)$")
_ABU_JOINER = frozenset({"abu", "abou", "abo", "aboul", "abul", "abol", "ابو"})
# Compounds whose second half is 'al-Din' (of the faith), written as one or two tokens.
_DIN_SUFFIX = re.compile(r"^(.{3,}?)(?:[aeiou][ld]|[aeiou])?(?:dine?|الدين)$")
# 'din', 'deen', 'eddine', 'uddin', 'eldin' written as a word of its own (not 'dina': a name).
_DIN_WORD = re.compile(r"^(?:[aeiu][ld]?)?d(?:i|ee|ie|ei)ne?$")
_SECOND_HALF = frozenset({"allah", "ullah", "الدين", "الله"})

# Connectors of a chain of descent and Latin nobiliary or locative particles: kept as tokens, but matching
# gives them little weight and tolerates their absence ('Mohammed bin Salman' / 'Mohammed Salman').
PARTICLES = frozenset(
    {
        "bin", "ben", "ibn", "bint", "binti", "bent", "ould", "wuld", "بن", "ابن", "بنت", "ولد",
        "de", "da", "do", "dos", "das", "del", "della", "degli", "di", "du", "des", "van", "von", "der", "den",
        "ten", "ter", "la", "le", "lo", "y", "e", "zu", "af", "av", "mac", "mc",
    }
)  # fmt: skip


def strip_article(token: str) -> str:
    """Remove a definite article glued to the front of an Arabic-script token ('الرحمن' -> 'رحمن')."""
    if token.startswith("ال") and len(token) > 3:
        return token[2:]
    return token


_LINK_ARTICLE = re.compile(r"^(?:ou|[aeiou])(?:l|([^aeiou])(?=\1))")  # 'ul' in abdulaziz, 'er' in abderrahman
_ABU_LINK = re.compile(r"^[aeiou]?l(?=[^aeiou])")  # 'el' in abouelfadl, 'l' in abulhasan


def _canonical_compound(token: str) -> str:
    """Give glued 'abd'/'abu'/'al-Din' compounds the same shape as their two-token spelling.

    'abdelkader' -> 'abdkader', 'abderrahman' -> 'abdrahman', 'abdullah' -> 'abdlah', 'abouelfadl' -> 'abufadl',
    'noureddine' -> 'nourdin', 'عبدالرحمن' -> 'عبدرحمن'.
    """
    if len(token) <= 5:
        return token
    if token.startswith("عبد"):
        return "عبد" + strip_article(token[3:])
    if token.startswith("ابوال"):
        return "ابو" + token[5:]
    if token.startswith("abd"):
        rest = token[3:]
        link = _LINK_ARTICLE.match(rest)
        return "abd" + (rest[link.end() :] if link else rest)
    if token.startswith(("abou", "abu")):
        rest = token[4:] if token.startswith("abou") else token[3:]
        link = _ABU_LINK.match(rest)
        return "abu" + (rest[link.end() :] if link else rest)
    match = _DIN_SUFFIX.match(token)
    if match:
        return match.group(1) + ("دين" if is_arabic(token) else "din")
    return token


def _join(first: str, second: str) -> str:
    """Join 'Abd' + 'al-Rahman' or 'Nur' + 'ad-Din' (already split into tokens) into one canonical token."""
    if is_arabic(second):
        return first + strip_article(second)
    if _DIN_WORD.match(second):
        second = "din"
    elif second in ("allah", "ullah"):
        second = "lah"
    if first.startswith("abd") or first.startswith("ab"):
        return _canonical_compound(first + second)
    return first + second


@lru_cache(maxsize=65536)
def _tokens_cached(folded: str) -> tuple[str, ...]:
    words = folded.split()
    out: list[str] = []
    i = 0
    while i < len(words):
        word, nxt = words[i], words[i + 1] if i + 1 < len(words) else ""
        sun = _SUN_ARTICLE.match(word)
        if nxt and (word in _ARTICLES or (sun and nxt.startswith(sun.group(1)))):
            i += 1  # a detached article belongs to the next word, which carries the identity
        elif nxt and (_ABD_JOINER.match(word) or word in _ABU_JOINER):
            head = word if is_arabic(word) else "abd" if word.startswith("abd") else "abu"
            j = i + 1
            while j + 1 < len(words) and (words[j] in _ARTICLES or _SUN_ARTICLE.match(words[j])):
                j += 1  # 'abd al rahman': the article goes with the compound
            out.append(_join(head, words[j]))
            i = j + 1
        elif out and (word in _SECOND_HALF or _DIN_WORD.match(word)):
            out[-1] = _join(out[-1], word)
            i += 1
        else:
            out.append(_canonical_compound(word) if len(word) > 1 else plain(word))  # an initial is a letter
            i += 1
    return tuple(out)


def tokens(text: str) -> list[str]:
    """Split a name into folded tokens, joining compounds and dropping detached articles.

    'Abd al-Rahman', 'Abdel Rahman', 'Abdulrahman' and 'عبد الرحمن' all give one token; 'Nur ad-Din' and
    'Noureddine' likewise. Particles such as 'bin' or 'van' stay (see PARTICLES).
    """
    return list(_tokens_cached(fold_name(text)))


def article_variants(token: str) -> tuple[str, ...]:
    """Return the token and, when it may start with a glued article or 'bin'/'ben', the token without it.

    Both are kept because the prefix is not always an article: 'الياس' is Elias, 'Alexander' has no article.
    """
    variants = [token]
    if is_arabic(token):
        for prefix in ("ال", "بن"):
            if token.startswith(prefix) and len(token) > len(prefix) + 2:
                variants.append(token[len(prefix) :])
    else:
        for prefix in ("al", "el", "ben", "bin", "ibn"):
            if token.startswith(prefix) and len(token) > len(prefix) + 3:
                variants.append(token[len(prefix) :])
    return tuple(variants)
