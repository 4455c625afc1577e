"""Arabic script to a readable Latin spelling, with rules that follow how Arabic names are usually romanised.

The result is for display and for string similarity against Latin spellings; identity matching relies on the
phonetic keys (phonetic.py), which do not depend on guessing the unwritten short vowels.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from databases.matching.normalize import fold_name, is_arabic, plain, strip_article

_CONSONANTS = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh", "ر": "r", "ز": "z",
    "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "غ": "gh", "ف": "f", "ق": "q", "ك": "k",
    "ل": "l", "م": "m", "ن": "n", "ه": "h", "پ": "p", "چ": "ch", "ژ": "zh", "ڤ": "v", "گ": "g",
}  # fmt: skip

# Letters whose sound the hamza or the position decides, mapped before folding erases the difference.
_BEFORE_FOLD = str.maketrans({"ى": "ا"})  # alef maqsura sounds -a (Musa, Mustafa); folding makes it ي

# The commonest Arabic given names have one dominant romanisation that the rules cannot guess because the short
# vowels are not written. General knowledge, not taken from any data set.
COMMON_NAMES = {
    "محمد": "muhammad", "احمد": "ahmad", "محمود": "mahmud", "مصطفي": "mustafa", "علي": "ali", "عمر": "umar",
    "عثمان": "uthman", "حسن": "hasan", "حسين": "husayn", "خالد": "khalid", "يوسف": "yusuf", "ابراهيم": "ibrahim",
    "اسماعيل": "ismail", "عيسي": "isa", "موسي": "musa", "يحيي": "yahya", "سعيد": "said", "سعد": "saad",
    "فاطمه": "fatima", "عائشه": "aisha", "عايشه": "aisha", "مريم": "maryam", "زينب": "zaynab", "خديجه": "khadija",
    "عبد": "abd", "ابو": "abu", "بن": "bin", "ابن": "ibn", "بنت": "bint", "الله": "allah", "له": "llah",
    "رحمن": "rahman", "رحيم": "rahim", "كريم": "karim", "جمال": "jamal", "كمال": "kamal", "طارق": "tariq",
    "ياسين": "yasin", "هشام": "hisham", "وليد": "walid", "سليمان": "sulayman", "صالح": "salih", "نور": "nur",
    "دين": "din", "ايمن": "ayman", "ايوب": "ayyub", "عزيز": "aziz", "قادر": "qadir", "حميد": "hamid",
    "مجيد": "majid", "ناصر": "nasir",
}  # fmt: skip

_LONG = {"ا": "a", "و": "u", "ي": "i"}


def _letter(token: str, index: int) -> str:
    """Romanise one letter, reading و and ي as consonants or long vowels from their neighbours."""
    char = token[index]
    prev = token[index - 1] if index else ""
    nxt = token[index + 1] if index + 1 < len(token) else ""
    if char in _CONSONANTS:
        if char == "ه" and not nxt and index > 1:
            return "a" if prev not in _LONG else "h"  # final ه is usually the ta marbuta: Fatima, Aisha
        return _CONSONANTS[char]
    if char in ("و", "ي"):
        # Initial, after a long vowel or before one: a consonant (Walid, Yasin, Nawal, Dawud); but after the
        # alef that only carries an initial vowel, a long vowel (إيفو = ivo, اوليفر = oliver).
        if index == 1 and prev == "ا":
            return _LONG[char]
        if not prev or nxt in ("ا", "و", "ي") or prev == "ا":
            return "w" if char == "و" else "y"
        return _LONG[char]
    if char == "ا":
        # An initial alef before a long vowel letter only carries it: إيفو = ivo, اوليفر = oliver.
        return "" if index == 0 and nxt in ("و", "ي") and token[2:3] not in _LONG else "a"
    if char == "ع":
        return "" if prev in _LONG or nxt in _LONG else "a"  # ayin colours a vowel: Umar, Saad, Abd
    return char


@lru_cache(maxsize=65536)
def transliterate_token(token: str) -> str:
    """Romanise one folded Arabic-script token; a Latin token comes back unchanged."""
    if not is_arabic(token):
        return token
    common = COMMON_NAMES.get(token) or COMMON_NAMES.get(token[:-1] + "ي" if token.endswith("ا") else "")
    if common:
        return common
    for head in ("عبد", "ابو"):
        rest = token[len(head) :]
        if token.startswith(head) and len(rest) > 1:
            return COMMON_NAMES[head] + transliterate_token(strip_article(rest))
    token = token.replace("تش", "چ")  # one sound, ch, written with two letters
    return _guess_short_vowels([_letter(token, i) for i in range(len(token))])


def _guess_short_vowels(segments: list[str]) -> str:
    """Insert the short vowels that name patterns make near certain.

    An Arabic name never starts with two consonants ('سليم' -> salim), and C-a-C-C is the active participle
    C-a-C-i-C of so many names ('خالد' -> khalid, 'قاسم' -> qasim).
    """
    segments = [s for s in segments if s]
    consonant = [s[0] not in "aiu" for s in segments]
    # Only short words: long foreign names written in Arabic do start with clusters ('ستانيسلاف').
    if 2 < len(segments) <= 5 and consonant[0] and consonant[1]:
        segments[0] += "a"
    if len(segments) == 4 and segments[1] == "a" and consonant[0] and consonant[2] and consonant[3]:
        segments[2] += "i"
    return "".join(segments)


def transliterate(text: str) -> str:
    """Romanise a name written in Arabic script, word by word; Latin words pass through folded and plain (the
    search keys of 'Žižek' and 'Zizek' are one).

    'مُحَمَّد عبد الرحمن' -> 'muhammad abd al rahman'.
    """
    text = unicodedata.normalize("NFKC", text).translate(_BEFORE_FOLD)
    words = plain(fold_name(text)).split()
    out = []
    for word in words:
        if word.startswith("ال") and len(word) > 3:
            out.append("al")  # the article is written apart in Latin: al-Hasan
            word = word[2:]
        out.append(transliterate_token(word))
    return " ".join(out)
