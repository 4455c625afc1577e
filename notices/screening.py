"""Adapter to the matching engine of the databases app, which screens a notice's subject against the persons.

The engine is written by another team. This module looks for its person-screening function without importing
the databases app at start-up, and turns whatever candidates it returns into plain values. Until the function
exists, `screening_function()` is None and the caller records that screening is pending; nothing is invented.
"""

import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module

# Where the function may live, most likely first ("module:function").
CANDIDATES = (
    "databases.services:person_screen",
    "databases.matching:person_screen",
    "databases.matching.services:person_screen",
    "databases.screening.services:person_screen",
    "databases.selectors:person_screen",
)


@dataclass(frozen=True)
class Candidate:
    """One record of the databases that resembles the subject."""

    database: str
    record_id: str
    score: float
    reasons: list = field(default_factory=list)
    summary: str = ""
    hit_id: int | None = None


def screening_function() -> Callable | None:
    """The databases app's person-screening function, or None while it does not exist."""
    for candidate in CANDIDATES:
        module_name, name = candidate.split(":")
        try:
            module = import_module(module_name)
        except ModuleNotFoundError as error:
            # Only a missing module means "not there yet"; a broken import inside it must surface.
            if error.name and module_name.startswith(error.name):
                continue
            raise
        function = getattr(module, name, None)
        if callable(function):
            return function
    return None


def subject_query(notice) -> dict:
    """The subject as the screening API takes it: names in any script, a date of birth, sex, nationalities."""
    nationalities = sorted(country.iso2 for country in notice.nationalities.all())
    return {
        "family_name": notice.family_name,
        "given_names": notice.given_names,
        "aliases": [alias.strip() for alias in notice.aliases.split(";") if alias.strip()],
        "date_of_birth": notice.date_of_birth.isoformat() if notice.date_of_birth else None,
        "sex": notice.sex if notice.sex in ("M", "F") else None,
        "nationality": nationalities[0] if nationalities else None,
        "nationalities": nationalities,
    }


def _arguments(function: Callable, notice, query: dict) -> dict:
    """Pass what the function asks for: a `query` dict or the fields one by one, and who is asking."""
    parameters = inspect.signature(function).parameters
    arguments = {"query": query} if "query" in parameters else {k: v for k, v in query.items() if k in parameters}
    # The requester's rights apply: a record its owner hides from the requesting country must not become a hit.
    for name in ("viewer", "actor", "user"):
        if name in parameters:
            arguments[name] = notice.created_by
    if "unit" in parameters:
        arguments["unit"] = notice.owner
    return arguments


def _value(item, *names, default=None):
    for name in names:
        value = item.get(name) if isinstance(item, dict) else getattr(item, name, None)
        if value is not None:
            return value
    return default


def screen_subject(notice, function: Callable) -> list[Candidate]:
    """Run the engine on the notice's subject and return its candidates."""
    result = function(**_arguments(function, notice, subject_query(notice)))
    if isinstance(result, dict):
        result = result.get("candidates", [])
    return [
        Candidate(
            database=str(_value(item, "database", default="persons")),
            record_id=str(_value(item, "id", "record_id", "pk")),
            score=float(_value(item, "score", default=0.0)),
            reasons=[str(reason) for reason in _value(item, "reasons", default=[])],
            summary=str(_value(item, "summary", default=""))[:300],
            hit_id=_value(item, "hit_id", "hit"),
        )
        for item in result or []
    ]
