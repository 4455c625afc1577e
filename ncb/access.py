"""The access policy: the one place that decides which unit may see which record (DESIGN, data rules).

Filtering is a database expression, so that a restricted record is left out of lists, counts and look-ups alike
and is never loaded into Python for a viewer who may not see it.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet

from .choices import Restriction


def _restriction_lists(model, country_id) -> Exists:
    through = model.restriction_countries.through
    source = f"{model._meta.model_name}_id"
    return Exists(through.objects.filter(**{source: OuterRef("pk"), "country_id": country_id}))


def visibility_q(model, unit) -> Q:
    """A Q object selecting the records of `model` that `unit` may see."""
    if unit is None:
        return Q(pk__in=[])
    if unit.sees_all_records:
        return Q()
    listed = _restriction_lists(model, unit.country_id)
    return (
        Q(owner_id=unit.pk)
        | Q(restriction=Restriction.ALL)
        | (Q(restriction=Restriction.ALL_EXCEPT) & ~listed)
        | (Q(restriction=Restriction.ONLY) & listed)
    )


# A unit that stands in for the viewer in statements the ORM compiles once and PostgreSQL prepares once
# (interpol_portal.prepared.CompiledQuery): its id and country id are replaced by the real viewer's at each run.
STAND_IN_UNIT_ID, STAND_IN_COUNTRY_ID = -9_002, -9_003


def visibility_stand_in_q(model) -> Q:
    """visibility_q for the stand-in unit: an NCB, which sees only what the policy lets it see."""
    from .models import Unit

    return visibility_q(model, Unit(pk=STAND_IN_UNIT_ID, country_id=STAND_IN_COUNTRY_ID, kind="ncb"))


# The stand-ins by the names CompiledQuery gives them; stand_in_values gives the real viewer's under the same names.
STAND_IN_VIEWER = {"unit": STAND_IN_UNIT_ID, "country": STAND_IN_COUNTRY_ID}


def stand_in_values(unit) -> dict | None:
    """The values of the stand-ins for `unit` (CompiledQuery.rows(**...)): the names of STAND_IN_VIEWER.

    None for a unit without a country: the compiled policy would compare with NULL where the ORM says IS NULL,
    so such a unit's query goes through the ORM."""
    if unit.country_id is None:
        return None
    return {"unit": unit.pk, "country": unit.country_id}


def viewer_unit(user):
    """The unit whose rights a user exercises; superusers act as the General Secretariat would."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return user.unit


def visible_to(queryset: QuerySet, user) -> QuerySet:
    """Restrict a queryset of owned records to those the user may see."""
    if getattr(user, "is_superuser", False):
        return queryset
    return queryset.filter(visibility_q(queryset.model, viewer_unit(user)))


def access_allows(*, record, unit) -> bool:
    """Whether `unit` may see `record` (for a record already in hand, e.g. a match candidate)."""
    if unit is None:
        return False
    if unit.sees_all_records or record.owner_id == unit.pk or record.restriction == Restriction.ALL:
        return True
    listed = record.restriction_countries.filter(pk=unit.country_id).exists()
    return not listed if record.restriction == Restriction.ALL_EXCEPT else listed


def may_edit(*, record, user) -> bool:
    """Only the owner NCB (and superusers) change a record."""
    if getattr(user, "is_superuser", False):
        return True
    return user.unit_id is not None and record.owner_id == user.unit_id
