"""Human-readable reasons attached to a person score: a code and parameters for translation, and English text."""

from __future__ import annotations

from dataclasses import dataclass, field

FIELD_LABELS = {"family": "family name", "given": "given name", "alias": "alias"}

# English templates; the code and params are stable so that the portal can translate them with gettext.
TEMPLATES = {
    "name_exact": "{field} exact match",
    "name_transliteration": "{field} transliteration match",
    "name_phonetic": "{field} phonetic match",
    "name_similar": "{field} similar spelling",
    "name_initial": "{field} initial matches",
    "name_order_swapped": "family and given names in a different order",
    "name_alias": "matched through an alias",
    "name_missing": "{field} absent on one side",
    "name_conflict": "{field} differs",
    "dob_exact": "date of birth exact",
    "dob_year_only": "date of birth year only",
    "dob_year_month": "date of birth year and month only",
    "dob_swapped": "date of birth with day and month swapped",
    "dob_close": "date of birth close (possible keying error)",
    "dob_conflict": "date of birth conflicts",
    "sex_conflict": "sex conflicts",
    "nationality_overlap": "nationality in common",
}


@dataclass(frozen=True, slots=True)
class Reason:
    """One piece of evidence for or against a match."""

    code: str
    params: dict[str, str | float] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """English sentence, e.g. "Family name transliteration match ('محمد' ~ 'mohamed')"."""
        params = dict(self.params)
        params["field"] = FIELD_LABELS.get(str(params.get("field", "")), str(params.get("field", "")))
        text = TEMPLATES[self.code].format(**params)
        text = text[:1].upper() + text[1:]
        if "query" in params and "candidate" in params:
            text += " ('{}' ~ '{}')".format(params["query"], params["candidate"])
        elif "query" in params or "candidate" in params:
            text += " ('{}')".format(params.get("query", params.get("candidate")))
        return text

    def as_pair(self) -> tuple[str, dict[str, str | float]]:
        """The (code, params) pair stored with a hit."""
        return (self.code, dict(self.params))
