"""Reads of the bureaus and accounts app."""

from datetime import date

from django.db.models import Q, QuerySet

from .models import AuditEntry, Notification, Unit, User


def notifications_for(*, user: User) -> QuerySet[Notification]:
    """Notifications addressed to the user or to the user's unit."""
    condition = Q(user=user)
    if user.unit_id:
        condition |= Q(unit_id=user.unit_id, user__isnull=True)
    return Notification.objects.filter(condition)


def unread_notification_count(*, user: User) -> int:
    return notifications_for(user=user).filter(read_at__isnull=True).count()


def audit_trail_for_unit(
    *, unit: Unit, text: str = "", action: str = "", since: date | None = None, until: date | None = None
) -> QuerySet[AuditEntry]:
    """The audit trail of one unit, newest first, for its head's search page and CSV export."""
    entries = AuditEntry.objects.filter(unit=unit)
    if action:
        entries = entries.filter(action__startswith=action)
    if since:
        entries = entries.filter(at__date__gte=since)
    if until:
        entries = entries.filter(at__date__lte=until)
    if text:
        entries = entries.filter(
            Q(actor_username__icontains=text) | Q(target_repr__icontains=text) | Q(outcome__icontains=text)
        )
    return entries.order_by("-at", "-id")


def ncb_units() -> QuerySet[Unit]:
    return Unit.objects.filter(kind="ncb").select_related("country").order_by("name")
