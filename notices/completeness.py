"""The automated completeness check of a notice request, run on submission, approval and publication.

It refuses a request missing what its type needs and, for Red Notices, one below the thresholds of the Rules on
the Processing of Data (art. 83) or without a warrant. Reasons come back in the requester's language.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext, ngettext

from .choices import JudicialBasis, NoticeType
from .models import Notice
from .translation import CONTENT_FIELDS
from .types import spec_for


def _label(notice: Notice, name: str) -> str:
    spec = spec_for(notice.notice_type)
    return str(spec.labels.get(name) or getattr(Notice._meta.get_field(name), "verbose_name", None) or name)


def _filled(notice: Notice, name: str) -> bool:
    if name == "nationalities":
        return notice.pk is not None and notice.nationalities.exists()
    if name in CONTENT_FIELDS:
        # The request counts in the language it was written in; a translation does not stand in for it.
        return bool((getattr(notice, f"{name}_{notice.language}", "") or "").strip())
    if name == "photo":
        return bool(notice.photo)
    value = getattr(notice, f"{name}_id" if name in ("country_of_birth", "warrant_country") else name)
    if isinstance(value, str | list):
        return bool(value.strip() if isinstance(value, str) else value)
    return value is not None


def _missing(notice: Notice) -> list[str]:
    spec = spec_for(notice.notice_type)
    problems = [
        gettext("Missing: {field}.").format(field=_label(notice, name))
        for name in spec.required
        if not _filled(notice, name)
    ]
    for group in spec.required_any:
        if not any(_filled(notice, name) for name in group):
            labels = [_label(notice, name) for name in group]
            problems.append(gettext("Give at least one of: {fields}.").format(fields=", ".join(labels)))
    return problems


def _red_thresholds(notice: Notice) -> list[str]:
    problems = []
    if not notice.maximum_penalty_life and notice.maximum_penalty_months is None:
        problems.append(gettext("Missing: the maximum penalty for the offence."))
    if notice.judicial_basis == JudicialBasis.PROSECUTION:
        minimum = settings.NOTICE_RED_MIN_PENALTY_MONTHS
        if not notice.maximum_penalty_life and (notice.maximum_penalty_months or 0) < minimum:
            problems.append(
                ngettext(
                    "A Red Notice for prosecution needs an offence punishable by at least {months} month of "
                    "deprivation of liberty.",
                    "A Red Notice for prosecution needs an offence punishable by at least {months} months of "
                    "deprivation of liberty.",
                    minimum,
                ).format(months=minimum)
            )
    elif notice.judicial_basis == JudicialBasis.SENTENCE:
        minimum = settings.NOTICE_RED_MIN_SENTENCE_MONTHS
        if notice.sentence_remaining_months is None:
            problems.append(gettext("Missing: the part of the sentence remaining to serve."))
        elif notice.sentence_remaining_months < minimum:
            problems.append(
                ngettext(
                    "A Red Notice to enforce a sentence needs at least {months} month of the sentence left to serve.",
                    "A Red Notice to enforce a sentence needs at least {months} months of the sentence left to serve.",
                    minimum,
                ).format(months=minimum)
            )
    if not notice.warrant_reference.strip():
        problems.append(gettext("A Red Notice needs a valid arrest warrant or court decision: give its reference."))
    return problems


def completeness_problems(notice: Notice, *, language: str | None = None) -> list[str]:
    """Why the request cannot go further, in `language` (the requester's); an empty list when complete."""
    with translation.override(language or notice.created_by.preferred_language):
        problems = _missing(notice)
        if notice.notice_type == NoticeType.RED:
            problems += _red_thresholds(notice)
        # Deduplicate, keeping order: the warrant reference is both a required field and a Red Notice rule.
        return list(dict.fromkeys(problems))
