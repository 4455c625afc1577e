"""Mail to an NCB about a hit on one of its records, in the language its officers use."""

from collections import Counter

from django.conf import settings
from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext

from ncb.models import Unit

from ..models import Hit


def unit_language(unit: Unit) -> str:
    """The language most of the unit's active users chose (mail is read by the whole bureau)."""
    languages = Counter(unit.users.filter(is_active=True).values_list("preferred_language", flat=True))
    return languages.most_common(1)[0][0] if languages else settings.LANGUAGE_CODE


def hit_mail_owner(*, hit_id: int) -> bool:
    """Send the owner NCB a short mail about a hit (no record data: details are read in the portal)."""
    hit = Hit.objects.select_related("record_owner", "unit__country").filter(pk=hit_id).first()
    if hit is None or not hit.record_owner.email:
        return False
    with translation.override(unit_language(hit.record_owner)):
        subject = gettext("Hit on your record {reference}").format(reference=hit.record_reference)
        body = gettext(
            "A query from {country} matched your record {reference} in the database {database}. "
            "Sign in to the portal to see the hit and confirm it."
        ).format(
            country=hit.unit.country.iso2 if hit.unit and hit.unit.country_id else "?",
            reference=hit.record_reference,
            database=hit.get_database_display(),
        )
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [hit.record_owner.email])
    return True
