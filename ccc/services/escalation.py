"""Escalation: cases close to their first-reply deadline with no reply yet are flagged to the CCC supervisors."""

from datetime import datetime

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_noop

from ncb.services import audit_record, notification_send

from ..choices import OPEN_STATUSES
from ..deadlines import escalation_margin
from ..models import Case
from ..selectors import ccc_supervisors


@transaction.atomic
def case_escalate(*, case_id: int, now: datetime | None = None) -> bool:
    """Flag one case to the supervisors, once; False when it was flagged or answered meanwhile."""
    from ..tasks import escalation_mail_task

    now = now or timezone.now()
    flagged = Case.objects.filter(pk=case_id, escalated_at__isnull=True, first_reply_at__isnull=True).update(
        escalated_at=now
    )
    if not flagged:
        return False
    case = Case.objects.select_related("site").get(pk=case_id)
    params = {"reference": case.reference, "deadline": case.deadline.strftime("%Y-%m-%d %H:%M")}
    for supervisor in ccc_supervisors():
        notification_send(
            user=supervisor,
            kind="ccc_case_escalated",
            params=params,
            url=reverse("ccc:case_detail", args=[case.pk]),
            message=gettext_noop("Case {reference} has no first reply and is due at {deadline} UTC."),
        )
    audit_record(actor=None, unit=case.site, action="ccc.case.escalate", target=case, outcome="close to deadline")
    transaction.on_commit(lambda: escalation_mail_task.delay(case_id))
    return True


def cases_escalate_due(*, now: datetime | None = None) -> int:
    """Escalate every open case without a first reply whose deadline is within the margin (or past)."""
    now = now or timezone.now()
    due = Case.objects.filter(
        Q(deadline__lte=now + escalation_margin()),
        status__in=OPEN_STATUSES,
        first_reply_at__isnull=True,
        escalated_at__isnull=True,
    ).values_list("pk", flat=True)
    return sum(case_escalate(case_id=pk, now=now) for pk in list(due))
