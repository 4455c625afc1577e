"""Script-neutral phonetic keys for name tokens, shared by Latin and Arabic spellings.

Arabic writes consonants and long vowels only, and Latin spellings of the same name differ mostly in vowels and
in how they render a few consonants. Both scripts are therefore mapped to the same consonant classes; vowels are
kept apart so that similarity can use them where Arabic writes them (long vowels of foreign names).

Classes (measured on Latin/Arabic name pairs, see bench/names_accuracy.py): each class groups the letters that
stand for the same Arabic letter in more than a few percent of the pairs.
    B  b p ب پ            F  f v ph ف ڤ          T  t th ت ط ث          D  d dh ض د ذ
    S  s c(e,i) ص س       Z  z ز ظ               X  sh ch sch tch ش تش چ  K  k q c ck ك ق خ kh
    G  g j gh dj zh xh ج غ گ ژ ڨ ڭ                 H  h ح ه               L M N R
(w, y, و, ي are semi-vowels.) A Latin token with marked letters is read both plain and as they sound: š ş as sh,
ž as zh, č ć ç as ch (_spellings).
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType

from rapidfuzz.distance import LCSseq, Levenshtein

from databases.matching.normalize import article_variants, is_arabic, plain, sounded

# Latin graphemes, longest first; context rules run before (see _latin_classes). Lowercase = vowel classes.
_LATIN_GRAPHEMES = {
    "tsch": "X", "tsh": "X", "sch": "X", "tch": "X", "sh": "X", "ch": "X", "cz": "X", "cs": "X",
    "kh": "K", "ck": "K", "qu": "K", "q": "K", "k": "K", "c": "K", "x": "KS",
    "gh": "G", "dzh": "G", "dj": "G", "dz": "G", "zh": "G", "xh": "G", "g": "G", "j": "G",
    "ph": "F", "f": "F", "v": "F", "th": "T", "t": "T", "dh": "D", "d": "D",
    "sz": "S", "s": "S", "z": "Z", "b": "B", "p": "B", "h": "H", "l": "L", "m": "M", "n": "N", "r": "R",
    "w": "W", "y": "i", "ou": "u", "oo": "u", "o": "u", "u": "u", "ee": "i", "e": "i", "i": "i", "a": "a",
}  # fmt: skip
_LATIN_RE = re.compile("|".join(sorted(_LATIN_GRAPHEMES, key=len, reverse=True)))
# 'c' sounds s before e/i/y; a final 'c' is the Slavic -ić/-č (rendered تش in 3 pairs out of 4).
_SOFT_C = re.compile(r"c(?=[eiy])")
_FINAL_C = re.compile(r"(?<=[aeiou])c$")
# 'y' is a consonant before a vowel at the start or between vowels ('yusuf', 'maya'), else a vowel ('mary').
_CONSONANT_Y = re.compile(r"(?:^|(?<=[aeiou]))y(?=[aeiou])")

_ARABIC_CLASSES = {
    "ب": "B", "پ": "B", "ف": "F", "ڤ": "F", "ت": "T", "ط": "T", "ث": "T", "د": "D", "ض": "D", "ذ": "D",
    "س": "S", "ص": "S", "ز": "Z", "ظ": "Z", "ش": "X", "چ": "X", "ك": "K", "ق": "K", "خ": "K",
    "ج": "G", "غ": "G", "گ": "G", "ژ": "G", "ڨ": "G", "ڭ": "G", "ح": "H", "ه": "H",
    "ل": "L", "م": "M", "ن": "N", "ر": "R",
    "ا": "a", "و": "u", "ي": "i", "ع": "E",
}  # fmt: skip
_VOWELS = frozenset("aiu")


# English 'gh' after these vowels is silent ('bright', 'willoughby', 'leigh'); elsewhere it is غ ('ghassan').
_SILENT_GH = re.compile(r"(?<=i|u|e)gh(?=t|$|[^aeiou])")


def _latin_classes(token: str) -> str:
    """Map a folded Latin token to class letters (consonants upper case, vowels a/i/u, W/Y semi-vowels)."""
    token = _SILENT_GH.sub("", _CONSONANT_Y.sub("Y", token))
    token = _FINAL_C.sub("X", _SOFT_C.sub("s", token))
    out = _LATIN_RE.sub(lambda m: _LATIN_GRAPHEMES[m.group()], token)
    # A final h after a vowel is silent ('fatimah' = فاطمة); Arabic drops its final ه the same way below.
    if len(out) > 2 and out[-1] == "H" and out[-2] in _VOWELS:
        out = out[:-1]
    return out


# A second reading for Germanic and Slavic spellings, where j is y, w is v and ch is kh (Jovanović, Wojciech,
# Bach): about one Latin name in five in the development pairs reads this way.
_CONTINENTAL = [(re.compile(p), r) for p, r in ((r"j", "y"), (r"w", "v"), (r"(?<!s)ch", "kh"))]


# Digraphs read as one sound above that other spellings write as two: 'zh' is also the z of Kazakh and Russian names
# in Arabic script ('zhambyl' / زامبيل), 'dz' the d and z of Polish ones ('dziena' / دزيانا). The separator keeps the
# two letters apart (a hyphen: folded names have none) and is dropped from the classes.
_SPLIT_DIGRAPHS = [(re.compile(p), r) for p, r in ((r"zh", "z"), (r"dz", "d-z"))]


def _latin_readings(token: str) -> list[str]:
    """Return the class strings of the usual (English/French) reading and of the others that differ.

    The others: the continental reading, a final -c read k ('eric', 'dominic') rather than -ić, and each of these
    with the split digraphs ('silajdzic' / سيلايديتش is continental and split).
    """
    readings = _unsplit_readings(token)
    for pattern, replacement in _SPLIT_DIGRAPHS:
        if pattern.search(token):
            for classes in _unsplit_readings(pattern.sub(replacement, token)):
                classes = classes.replace("-", "")
                if classes not in readings:
                    readings.append(classes)
    return readings


def _unsplit_readings(token: str) -> list[str]:
    readings = [_latin_classes(token)]
    other = token
    for pattern, replacement in _CONTINENTAL:
        other = pattern.sub(replacement, other)
    if other != token:
        readings.append(_latin_classes(other))
    if _FINAL_C.search(token):
        readings.append(_latin_classes(token[:-1] + "k"))
    return readings


def _spellings(token: str) -> list[str]:
    """A Latin token as typed without its sounded marks, and as its marks sound when it has some."""
    spellings = [plain(token)]
    if sounded(token) != token:
        spellings.append(sounded(token))
    return spellings


def _arabic_classes(token: str) -> str:
    """Map a folded Arabic token to the same class letters as _latin_classes."""
    token = token.replace("تش", "X")
    out = []
    for index, char in enumerate(token):
        cls = _ARABIC_CLASSES.get(char, char)
        if index == 0 and cls in ("u", "i"):
            cls = "W" if cls == "u" else "Y"  # an initial و or ي is a consonant (Walid, Yusuf)
        out.append(cls)
    if len(out) > 2 and out[-1] == "H":
        out.pop()  # final ه (folded ta marbuta) is the vowel -a: 'فاطمه' = 'fatima'
    return "".join(out)


def _collapse(classes: str) -> str:
    """Drop repeated letters: doubled consonants and vowel runs carry no identity ('mohammed' = 'mohamed')."""
    return re.sub(r"(.)\1+", r"\1", classes)


@dataclass(frozen=True, slots=True)
class TokenKey:
    """Precomputed comparison forms of one name token.

    skeleton: consonant classes only, with a leading '_' when the token starts with a vowel; the exact key.
    loose: the skeleton without H and with the most confused classes merged; the blocking key of last resort.
    vowelled: consonant classes and vowel classes, for similarity where vowels are written.
    vowels: the vowel classes alone, for Latin against Latin: 'hassan' (aa) and 'hussein' (ui) are two names.
    vowelled_ae: for Latin, the vowelled form with e read as a ('mohammed' = 'mohammad'); else the same.
    """

    token: str
    arabic: bool
    skeleton: str
    loose: str
    vowelled: str
    vowels: str
    vowelled_ae: str
    long_vowels: int


# Latin vowel digraphs that spell a long vowel, which Arabic writes with a letter ('mahmoud' needs a و);
# not 'aa', which often spells an ayin ('saad' = سعد).
_LONG_VOWEL = re.compile(r"ou|oo|uu|ee")
# Cost of each Latin long vowel that has no vowel letter to match in the Arabic form ('mahmoud' ~ 'محمد').
_LONG_VOWEL_PENALTY = 0.1

_SEMI_AS_VOWEL = str.maketrans({"W": "u", "Y": "i"})
_LOOSE = str.maketrans({"H": None, "Z": "S", "X": "S", "D": "T", "G": "K", "F": "B", "W": None, "Y": None})


def _key_of(token: str, classes: str, arabic: bool, classes_ae: str = "") -> TokenKey:
    starts_with_ayin = classes[:1] == "E"
    classes = _collapse(classes.replace("E", ""))
    consonants = "".join(c for c in classes if c not in "aiuWY")
    # Ayin (E) is heard as a vowel of any colour or not at all: it marks a vowel start ('عمر' = 'omar') and is
    # otherwise left out.
    skeleton = ("_" if starts_with_ayin or classes[:1] in ("a", "i", "u") else "") + consonants
    loose = _collapse(consonants.translate(_LOOSE))
    vowels = "".join(c for c in classes if c in "aiu")
    long_vowels = len(vowels) if arabic else len(_LONG_VOWEL.findall(token))
    # In the vowelled forms a semi-vowel equals its vowel: scripts disagree on 'ayed' / عياد, 'kouassi' / كواسي.
    vowelled = _collapse(classes.translate(_SEMI_AS_VOWEL))
    vowelled_ae = _collapse((classes_ae or classes).replace("E", "").translate(_SEMI_AS_VOWEL))
    return TokenKey(token, arabic, skeleton, loose, vowelled, vowels, vowelled_ae, long_vowels)


@lru_cache(maxsize=200_000)
def token_keys(token: str) -> tuple[TokenKey, ...]:
    """Return the keys of a folded token and of its variants without a glued article ('alhashimi', 'الهاشمي').

    The first key is the plain spelling's usual reading (frequencies.frequency_key): 'şerif' and 'serif' are counted
    as one name.
    """
    keys = []
    for variant in article_variants(token):
        if is_arabic(variant):
            keys.append(_key_of(variant, _arabic_classes(variant), True))
        else:
            keys.extend(
                _key_of(spelling, classes, False, _latin_classes(spelling.replace("e", "a")))
                for spelling in _spellings(variant)
                for classes in _latin_readings(spelling)
            )
    return tuple(keys)


# Weights of the similarity features, tuned on the development pairs (bench/names_accuracy.py). For Arabic
# against Latin the vowelled form carries most of the discrimination once consonant classes agree, and the
# letters Arabic writes should all reappear in the Latin spelling (containment) while Latin adds short vowels.
# For two spellings in one script, the vowel sequence itself separates names with one skeleton (Hassan, Hussein).
_CROSS_WEIGHTS = (0.2, 0.3, 0.5)  # skeleton, containment of the Arabic form, vowelled
_DENSITY_SHIFT = 0.3  # weight moved from vowelled to containment for an Arabic form without vowel letters
_SAME_WEIGHTS = (0.4, 0.2, 0.4)  # skeleton, vowel sequence, vowelled
# The classes that Latin and Arabic spellings of one name exchange most: s voiced or not ('evers' / ايفرز, 'dawes'
# / دوز), sh written s, t and d, k and g (Turkish and Persian final devoicing). A cross-script pair is compared
# again with each of these read as its partner, and gets this share of what it gains back: a full share made
# different names that differ by these alike (tune split: half a share gave the best recall at precision 0.95).
_CONFUSABLE = str.maketrans({"Z": "S", "X": "S", "D": "T", "G": "K"})
_CONFUSABLE_SHARE = 0.5
# Below this, two keys are other names whatever their confusable letters (of 20,000 pairs of the development set,
# 2 went from under it to over TOKEN_MIN with them): the second comparison is left out, which most token pairs of a
# sweep are, and it costs as much as the first.
_CONFUSABLE_FLOOR = 0.3


def _pair_similarity(a: TokenKey, b: TokenKey) -> float:
    skeleton = Levenshtein.normalized_similarity(a.skeleton, b.skeleton)
    if a.arabic == b.arabic:
        vowelled = max(
            Levenshtein.normalized_similarity(a.vowelled, b.vowelled),
            Levenshtein.normalized_similarity(a.vowelled_ae, b.vowelled_ae),
        )
        vowels = Levenshtein.normalized_similarity(a.vowels, b.vowels) if a.vowels or b.vowels else 1.0
        w_skeleton, w_vowels, w_vowelled = _SAME_WEIGHTS
        return w_skeleton * skeleton + w_vowels * vowels + w_vowelled * vowelled
    arabic, latin = (a, b) if a.arabic else (b, a)
    # Foreign names in Arabic script write nearly every vowel, native names only the long ones: the less the
    # Arabic form writes vowels, the less Latin vowels missing from it count against the match.
    # (A leading vowel is only the alef that carries an initial vowel, so it does not count.)
    written = len(arabic.vowels) - (arabic.skeleton[:1] == "_" and arabic.vowelled[:1] in _VOWELS)
    density = min(1.0, written / max(1, len(arabic.skeleton.lstrip("_")) - 1))
    shift = _DENSITY_SHIFT * (1.0 - density)
    unmatched_long = max(0, latin.long_vowels - arabic.long_vowels) * _LONG_VOWEL_PENALTY
    value = _cross_value(skeleton, arabic.vowelled, latin.vowelled, shift, unmatched_long)
    if value < _CONFUSABLE_FLOOR:
        return value
    forms = (arabic.skeleton, latin.skeleton, arabic.vowelled, latin.vowelled)
    confused = tuple(form.translate(_CONFUSABLE) for form in forms)
    if confused == forms:
        return value
    confused_skeleton = Levenshtein.normalized_similarity(confused[0], confused[1])
    other = _cross_value(confused_skeleton, confused[2], confused[3], shift, unmatched_long)
    return value + _CONFUSABLE_SHARE * (other - value)


def _cross_value(
    skeleton: float, arabic_vowelled: str, latin_vowelled: str, shift: float, unmatched_long: float
) -> float:
    """The similarity of an Arabic and a Latin key from their skeletons' similarity and their vowelled forms."""
    vowelled = Levenshtein.normalized_similarity(arabic_vowelled, latin_vowelled)
    contained = LCSseq.similarity(arabic_vowelled, latin_vowelled) / len(arabic_vowelled) if arabic_vowelled else 0.0
    w_skeleton, w_contained, w_vowelled = _CROSS_WEIGHTS
    value = w_skeleton * skeleton + (w_contained + shift) * contained + (w_vowelled - shift) * vowelled
    return max(0.0, value - unmatched_long)


def _native_module() -> ModuleType | None:
    """The C versions of keys_similarity and names.reaching_python (scoring.c), built with the compiled modules
    and importable only with them."""
    try:
        return importlib.import_module("databases.matching._scoring")
    except ImportError:
        return None


NATIVE = _native_module()
if NATIVE is not None:
    NATIVE.configure_similarity(
        _SAME_WEIGHTS, _CROSS_WEIGHTS, _DENSITY_SHIFT, _LONG_VOWEL_PENALTY, _CONFUSABLE_SHARE, _CONFUSABLE_FLOOR
    )


# Packed keys per token for the C version; emptied when full. A plain dict: an lru_cache look-up costs as much as
# the similarity itself in C.
PACKED_MEMORY = 200_000
_PACKED: dict[str, bytes] = {}


def packed_keys(token: str) -> bytes:
    """The token's keys in the layout of the C version."""
    packed = _PACKED.get(token)
    if packed is None:
        assert NATIVE is not None
        if len(_PACKED) >= PACKED_MEMORY:
            _PACKED.clear()
        keys = [(k.arabic, k.long_vowels, k.skeleton, k.vowelled, k.vowels, k.vowelled_ae) for k in token_keys(token)]
        packed = _PACKED[token] = NATIVE.pack(keys)
    return packed


def token_similarity(a: str, b: str) -> float:
    """Similarity in [0, 1] of two folded tokens in any script; 1.0 for identical tokens.

    The best over the tokens' readings and article variants, so 'alhashimi' meets 'hashimi' at full value.
    """
    if a == b:
        return 1.0
    if NATIVE is not None:
        return float(NATIVE.similarity(packed_keys(a), packed_keys(b)))
    return _cached_similarity(a, b)


# In Python a similarity costs several microseconds: screening compares the same few query tokens with the same
# common candidate tokens again and again, so the values are remembered.
@lru_cache(maxsize=1 << 18)
def _cached_similarity(a: str, b: str) -> float:
    return keys_similarity(a, b)


def forget_similarities() -> None:
    """Empty the similarity caches (benchmarks time a cold start with it)."""
    _PACKED.clear()
    _cached_similarity.cache_clear()


def keys_similarity(a: str, b: str) -> float:
    """token_similarity in Python, uncached: the reference that the C version must equal."""
    return max(_pair_similarity(x, y) for x in token_keys(a) for y in token_keys(b))


def same_skeleton(a: str, b: str) -> bool:
    """True when two folded tokens share a consonant skeleton under some reading (a phonetic match)."""
    return not {k.skeleton for k in token_keys(a)}.isdisjoint(k.skeleton for k in token_keys(b))
