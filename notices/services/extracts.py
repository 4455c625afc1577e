"""Public extracts: the copy of a published notice that the public site and API show."""

from django.conf import settings

from ncb.services import audit_record

from ..choices import PUBLIC_TYPES, NoticeStatus, NoticeType
from ..models import Notice, PublicExtract

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def _iso2(country) -> str:
    return country.iso2 if country is not None else ""


def public_extract_build(notice: Notice) -> PublicExtract | None:
    """Create or refresh the extract of a published notice whose NCB agreed; called inside the services' transaction.

    Only the fields below are copied. Facts, warrant details, aliases and everything else stay with the NCBs.
    """
    if notice.status != NoticeStatus.PUBLISHED or not notice.public_consent or notice.notice_type not in PUBLIC_TYPES:
        return None
    is_red = notice.notice_type == NoticeType.RED
    values = {
        "notice_type": notice.notice_type,
        "entity_id": notice.entity_id,
        "forename": notice.given_names,
        "name": notice.family_name,
        "date_of_birth": notice.date_of_birth,
        "sex_id": notice.sex,
        "nationalities": sorted(country.iso2 for country in notice.nationalities.all()),
        "place_of_birth": notice.place_of_birth,
        "country_of_birth_id": _iso2(notice.country_of_birth),
        "height_cm": notice.height_cm,
        "weight_kg": notice.weight_kg,
        "languages_spoken_ids": list(notice.languages_spoken),
        "issuing_country_id": _iso2(notice.warrant_country) if is_red else "",
        "date_of_event": notice.facts_date if notice.notice_type == NoticeType.YELLOW else None,
        "place": notice.facts_place if notice.notice_type == NoticeType.YELLOW else "",
        "un_reference": notice.un_reference if notice.notice_type == NoticeType.UN else "",
        "has_photo": bool(notice.photo),
        "published_at": notice.published_at,
    }
    for language in LANGUAGES:
        values[f"distinguishing_marks_{language}"] = getattr(notice, f"distinguishing_marks_{language}") or ""
        values[f"charge_{language}"] = (getattr(notice, f"charges_{language}") or "") if is_red else ""
    extract, created = PublicExtract.objects.update_or_create(notice=notice, defaults=values)
    audit_record(
        actor=None,
        action="notice.public_extract",
        target=notice,
        unit=notice.owner,
        outcome="created" if created else "refreshed",
    )
    return extract


def public_extract_remove(notice: Notice) -> None:
    """Take a notice off the public site and API."""
    deleted, _detail = PublicExtract.objects.filter(notice=notice).delete()
    if deleted:
        audit_record(actor=None, action="notice.public_extract", target=notice, unit=notice.owner, outcome="removed")
