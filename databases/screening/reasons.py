"""Reasons of a person score in the reader's language: the core's codes (databases.matching.reasons) translated."""

from django.utils.translation import gettext_lazy as _

from ..matching.reasons import Reason

FIELDS = {"family": _("family name"), "given": _("given name"), "alias": _("alias")}

TEMPLATES = {
    "name_exact": _("{field}: exact match"),
    "name_transliteration": _("{field}: transliteration match"),
    "name_phonetic": _("{field}: phonetic match"),
    "name_similar": _("{field}: similar spelling"),
    "name_initial": _("{field}: initial matches"),
    "name_order_swapped": _("family and given names in a different order"),
    "name_alias": _("matched through an alias"),
    "name_missing": _("{field}: absent on one side"),
    "name_conflict": _("{field}: differs"),
    "dob_exact": _("date of birth exact"),
    "dob_year_only": _("date of birth: year only"),
    "dob_year_month": _("date of birth: year and month only"),
    "dob_swapped": _("date of birth with day and month swapped"),
    "dob_close": _("date of birth close (possible keying error)"),
    "dob_conflict": _("date of birth conflicts"),
    "sex_conflict": _("sex conflicts"),
    "nationality_overlap": _("nationality in common"),
}


def reason_text(reason: Reason) -> str:
    """One reason as a sentence in the active language, with the compared spellings when the core gives them."""
    template = TEMPLATES.get(reason.code)
    if template is None:
        return reason.text
    field = str(FIELDS.get(str(reason.params.get("field", "")), reason.params.get("field", "")))
    text = str(template).format(field=field)
    text = text[:1].upper() + text[1:]
    params = reason.params
    if "query" in params and "candidate" in params:
        text += " ({} ~ {})".format(params["query"], params["candidate"])
    elif "nationalities" in params:
        text += " ({})".format(params["nationalities"])
    return text
