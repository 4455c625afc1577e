"""Person-name matching across Latin and Arabic scripts: pure Python, no Django.

- normalize: fold_name, tokens (particles, 'Abd al-'/'Abu' compounds, articles).
- transliterate: Arabic script to a readable Latin spelling.
- phonetic: script-neutral consonant-class keys and token similarity.
- blocking: blocking_keys (stored per person) and query_keys (looked up when screening).
- persons: Person, prepare, score, screen, with Score and Reason; frequencies: NameFrequencies (rarity).

Accuracy and speed: bench/names_accuracy.py.

The same modules compiled to C by mypyc (scripts/build_native.py, run by `make setup`) score a pair in about two
thirds of the time; with them, token similarity, the alignment of names and the decision of whole pairs run in C
(scoring.c, written by hand, the same values as the Python). They live in .native/, apart from the sources, and are
imported instead of them only while they were built from exactly these sources: an edited module is never shadowed
by an older build. Set MATCHING_PURE_PYTHON=1 to run the sources regardless.
"""

import functools
import hashlib
import os
import sys
from pathlib import Path

# The modules compiled together (they call each other natively); the order is the digest's.
COMPILED_MODULES = (
    "normalize",
    "transliterate",
    "phonetic",
    "dates",
    "reasons",
    "frequencies",
    "blocking",
    "names",
    "persons",
)
# The modules a stored person template depends on (template_version).
TEMPLATE_MODULES = tuple(name for name in COMPILED_MODULES if name not in ("blocking", "reasons"))
# The modules the blocking keys depend on (key_version).
KEY_MODULES = ("normalize", "phonetic", "blocking")
# Token similarity written in C (phonetic.token_similarity uses it when built), compiled with the modules.
C_SOURCE = "scoring.c"
SOURCE_DIR = Path(__file__).resolve().parent
NATIVE_DIR = SOURCE_DIR.parents[1] / ".native" / "databases" / "matching"
DIGEST_FILE = "SOURCES.sha256"


def sources_digest() -> str:
    """A digest of the compiled modules' sources and of the Python that runs them."""
    digest = hashlib.sha256(sys.version.encode())
    for name in COMPILED_MODULES:
        digest.update((SOURCE_DIR / f"{name}.py").read_bytes())
    digest.update((SOURCE_DIR / C_SOURCE).read_bytes())
    return digest.hexdigest()


def native_is_current(native_dir: Path = NATIVE_DIR) -> bool:
    """True when native_dir holds a build of exactly the present sources."""
    try:
        return (native_dir / DIGEST_FILE).read_text().strip() == sources_digest()
    except OSError:
        return False


def _version(files: tuple[str, ...]) -> int:
    digest = hashlib.sha256()
    for name in files:
        digest.update((SOURCE_DIR / name).read_bytes())
    return int(digest.hexdigest()[:7], 16)


@functools.cache
def template_version() -> int:
    """The version of the stored person templates (persons.template): a digest of the sources a template is made
    from, since any change to them may change a template. A template of another version is ignored and its person
    prepared anew. The blocking keys and the reasons' texts are not in a template: changing them keeps templates."""
    return _version(tuple(f"{name}.py" for name in TEMPLATE_MODULES) + (C_SOURCE,))


@functools.cache
def key_version() -> int:
    """The version of the stored blocking keys: a digest of the sources the keys are made from (the similarity in
    phonetic.py too, which changes no key: a rebuild it asks for is only wasted time, never a wrong answer)."""
    return _version(tuple(f"{name}.py" for name in KEY_MODULES))


COMPILED = not os.environ.get("MATCHING_PURE_PYTHON") and native_is_current()
if COMPILED:
    __path__.insert(0, str(NATIVE_DIR))  # submodules are looked up there first
