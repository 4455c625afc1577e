"""Linking a request to its subject's record in the persons database, through the databases app's selectors."""

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.utils.translation import gettext


def subject_record_resolve(*, actor, record_id: int | None):
    """The person record `record_id` if the actor may see it; the same refusal whether it is hidden or absent."""
    if not record_id:
        return None
    from databases.choices import Database
    from databases.selectors import record_get

    try:
        return record_get(viewer=actor, database=Database.PERSONS, pk=record_id)
    except ObjectDoesNotExist:
        raise ValidationError({"subject_record": gettext("No person record with this number.")}) from None
