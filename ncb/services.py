"""Writes of the bureaus and accounts app: audit rows, notifications, API tokens, restrictions."""

import secrets
from collections.abc import Iterable, Sequence
from datetime import datetime

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from .access import access_allows
from .choices import Restriction
from .models import ApiToken, AuditEntry, Country, Notification, Unit, User


def client_ip(request) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def storable(value):
    """`value` without NUL characters, which PostgreSQL's JSON and text columns refuse (a hostile query would
    otherwise fail the audit row, and the call with it)."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, dict):
        return {storable(key): storable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [storable(item) for item in value]
    return value


def audit_target_columns(target) -> dict[str, str]:
    """The target_type, target_id and target_repr of an audit row about `target` (a model instance or None)."""
    if target is None:
        return {"target_type": "", "target_id": "", "target_repr": ""}
    return {"target_type": target._meta.label_lower, "target_id": str(target.pk), "target_repr": str(target)[:200]}


def audit_entry(
    *,
    actor: User | None,
    action: str,
    target=None,
    query: dict | None = None,
    outcome: str = "",
    unit: Unit | None = None,
    request=None,
) -> AuditEntry:
    """An audit row, not saved yet: audit_record writes one, audit_bulk many in one statement."""
    if actor is not None and not getattr(actor, "is_authenticated", True):
        actor = None
    return AuditEntry(
        actor=actor,
        actor_username=actor.get_username() if actor else "",
        unit=unit if unit is not None else (actor.unit if actor else None),
        action=action,
        **audit_target_columns(target),
        query=storable(query or {}),
        outcome=outcome[:200],
        ip_address=client_ip(request),
    )


def audit_record(
    *,
    actor: User | None,
    action: str,
    target=None,
    query: dict | None = None,
    outcome: str = "",
    unit: Unit | None = None,
    request=None,
) -> AuditEntry:
    """Append one row to the audit trail. Called by every service that reads or writes on a user's behalf."""
    entry = audit_entry(
        actor=actor, action=action, target=target, query=query, outcome=outcome, unit=unit, request=request
    )
    entry.save(force_insert=True)
    return entry


def access_denied_record(*, request, status: int) -> None:
    """Audit a refused request (DeniedAccessAuditMiddleware): the user if known, the method, path and status."""
    user = getattr(request, "user", None)
    actor = user if user is not None and user.is_authenticated else None
    query = {"method": request.method, "path": request.path[:300], "status": status}
    match = getattr(request, "resolver_match", None)
    if match is not None:
        query["view"] = match.view_name
    audit_record(actor=actor, action="access.denied", query=query, outcome=str(status), request=request)


def audit_bulk(rows: Iterable[AuditEntry]) -> None:
    """Append many audit rows in one statement (batch checks)."""
    AuditEntry.objects.bulk_create(list(rows), batch_size=1000)


def notification_send(
    *,
    message: str,
    params: dict | None = None,
    kind: str,
    unit: Unit | None = None,
    user: User | None = None,
    url: str = "",
) -> Notification:
    """Notify a unit or a user. `message` is an English message id marked with gettext_noop by the caller."""
    return Notification.objects.create(unit=unit, user=user, kind=kind, message=message, params=params or {}, url=url)


def notifications_send(*, message: str, kind: str, each: Iterable[tuple[Unit, dict, str]]) -> list[Notification]:
    """One message to several units, each with its own parameters and link, in one statement (a screening's hits)."""
    return Notification.objects.bulk_create(
        Notification(unit=unit, kind=kind, message=message, params=params, url=url) for unit, params, url in each
    )


def notification_mark_read(*, user: User, ids: Iterable[int] | None = None) -> int:
    from .selectors import notifications_for

    unread = notifications_for(user=user).filter(read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=list(ids))
    return unread.update(read_at=timezone.now())


def restricted_attempts_notify(*, records: Sequence, unit: Unit | None, user: User | None, action: str) -> None:
    """Tell each record's owner that a query or record from a unit of a country it excluded matched its restricted
    record (data rules): the notices in one INSERT, the audit rows in another (a screening may hide several)."""
    if not records:
        return
    country = unit.country.iso2 if unit is not None and unit.country_id else "?"
    notifications_send(
        kind="restricted_attempt",
        message=gettext_noop("A query from {country} matched your restricted record {reference}; no hit was shown."),
        each=[
            (record.owner, {"country": country, "reference": getattr(record, "reference", str(record.pk))}, "")
            for record in records
        ],
    )
    audit_bulk(
        audit_entry(
            actor=user, unit=unit, action=f"{action}.restricted", target=record, outcome="hidden by owner's restriction"
        )
        for record in records
    )


def restricted_attempt_notify(*, record, viewer: User, action: str) -> None:
    """restricted_attempts_notify for one record that a viewer's query matched."""
    restricted_attempts_notify(records=[record], unit=viewer.unit, user=viewer, action=action)


def filter_visible_candidates(*, records: Iterable, viewer: User, action: str) -> list:
    """Keep the records the viewer may see; tell owners about the ones hidden by their restriction."""
    unit = viewer.unit
    visible = []
    for record in records:
        if viewer.is_superuser or access_allows(record=record, unit=unit):
            visible.append(record)
        else:
            restricted_attempt_notify(record=record, viewer=viewer, action=action)
    return visible


@transaction.atomic
def record_restrict(*, record, actor: User, restriction: str, countries: Iterable[Country]) -> None:
    """Set the owner's access restriction on a record of any global database."""
    countries = list(countries)
    if restriction not in Restriction.values:
        raise ValueError(restriction)
    record.restriction = restriction
    record.full_clean(exclude=["restriction_countries"])
    record.save(update_fields=["restriction"])
    record.restriction_countries.set(countries if restriction != Restriction.ALL else [])
    audit_record(
        actor=actor,
        action="record.restrict",
        target=record,
        query={"restriction": restriction, "countries": sorted(c.iso2 for c in countries)},
    )


def api_token_create(*, user: User, name: str, expires_at: datetime | None = None) -> tuple[ApiToken, str]:
    """Create a token and return it with its secret, which is shown once and never stored."""
    key = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name[:80] or "API", prefix=key[:8], digest=ApiToken.digest_of(key), expires_at=expires_at
    )
    audit_record(actor=user, action="api_token.create", target=token)
    return token, key


def api_token_revoke(*, token: ApiToken, actor: User) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        # Refused from the next call on, in every worker: the authentication cache forgets it now.
        cache.delete(ApiToken.cache_key(token.digest))
        audit_record(actor=actor, action="api_token.revoke", target=token)


def user_set_language(*, user: User, language: str) -> None:
    if user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])
