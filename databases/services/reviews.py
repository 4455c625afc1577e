"""Review dates: owners are reminded of records due for review (a daily beat task)."""

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_noop

from ncb.models import Unit
from ncb.services import audit_record, notification_send

from ..choices import ACTIVE_STATUSES
from ..registry import MODELS


@transaction.atomic
def record_review_remind(*, today: dt.date | None = None) -> int:
    """Notify each owner once per database of its active records due for review; return notifications sent.

    A record is reminded once (review_reminded_at); reviewing it clears the mark for the next period.
    Overdue records are included: they no longer give hits until reviewed.
    """
    today = today or timezone.localdate()
    horizon = today + dt.timedelta(days=settings.RECORD_REVIEW_REMINDER_DAYS)
    sent = 0
    for database, model in MODELS.items():
        due = model.objects.filter(status__in=ACTIVE_STATUSES, review_by__lte=horizon, review_reminded_at__isnull=True)
        counts = due.values("owner_id").annotate(count=Count("id")).order_by("owner_id")
        owners = Unit.objects.in_bulk([row["owner_id"] for row in counts])
        for row in counts:
            notification_send(
                unit=owners[row["owner_id"]],
                kind="review_due",
                message=gettext_noop(
                    "{count} records of the database {database} are due for review by {date}; "
                    "records past their review date give no hits."
                ),
                params={"count": row["count"], "database": database, "date": horizon.isoformat()},
                url=f"/databases/{database}/?review=due",
            )
            sent += 1
        due.update(review_reminded_at=timezone.now())
    audit_record(actor=None, action="records.review_remind", outcome=f"{sent} notifications")
    return sent
