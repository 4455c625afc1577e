"""Follow the sun: at the end of a site's shift its open cases go to the next site, with a hand-over note."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ncb.models import Unit, User
from ncb.services import audit_record, notification_send

from ..choices import OPEN_STATUSES, CaseStatus
from ..models import Case, HandOver
from ..selectors import ccc_sites
from ..shifts import last_shift_end, site_on_duty
from .errors import CaseActionError


@transaction.atomic
def case_hand_over(
    *,
    from_site: Unit,
    actor: User | None = None,
    note: str = "",
    shift_end: datetime | None = None,
    now: datetime | None = None,
) -> HandOver | None:
    """Hand every open case of `from_site` over to the next site: the one on duty, else the next to start.

    Claimed cases go back to "new" (their officer goes off shift); cases waiting for an NCB keep waiting. Every
    case handed over is marked so that the receiving site's queue shows it first. With `shift_end` (the beat
    task) a site hands over once per shift: a second call for the same boundary returns None.
    """
    now = now or timezone.now()
    to_site = site_on_duty(ccc_sites(), now, exclude=from_site)
    if to_site is None:
        raise CaseActionError(_("There is no other CCC site to hand over to."))
    handover = HandOver(from_site=from_site, to_site=to_site, at=now, shift_end=shift_end, by=actor, note=note.strip())
    handover.full_clean(validate_constraints=False)
    try:
        # Two beat workers at the same boundary: the unique constraint lets one through, the other waits and fails.
        with transaction.atomic():
            handover.save()
    except IntegrityError:
        return None
    cases = Case.objects.select_for_update().filter(site=from_site, status__in=OPEN_STATUSES)
    ids = list(cases.values_list("pk", flat=True))
    Case.objects.filter(pk__in=ids, status=CaseStatus.CLAIMED).update(
        status=CaseStatus.NEW, claimed_by=None, claimed_at=None
    )
    Case.objects.filter(pk__in=ids).update(site=to_site, handover=handover, handover_pending=True, updated_at=now)
    handover.case_count = len(ids)
    handover.save(update_fields=["case_count"])
    audit_record(
        actor=actor,
        unit=None if actor else from_site,
        action="ccc.case.hand_over",
        target=handover,
        query={"from": from_site.code, "to": to_site.code, "cases": ids[:500], "automatic": shift_end is not None},
    )
    if ids:
        notification_send(
            unit=to_site,
            kind="ccc_hand_over",
            message=gettext_noop("Open cases handed over to your site by {site}: {count}."),
            params={"count": len(ids), "site": from_site.city or from_site.code},
        )
    return handover


def cases_hand_over_due(*, now: datetime | None = None) -> list[HandOver]:
    """Hand over the cases of every site whose shift has just ended (the beat task, every few minutes).

    A boundary older than the catch-up window is ignored, so a beat down for a day does not replay old shifts.
    """
    now = now or timezone.now()
    window = timedelta(minutes=settings.CCC_HANDOVER_CATCH_UP_MINUTES)
    done = []
    for site in ccc_sites():
        end = last_shift_end(site, now)
        if end is None or now - end > window or HandOver.objects.filter(from_site=site, shift_end=end).exists():
            continue
        handover = case_hand_over(from_site=site, shift_end=end, now=now)
        if handover is not None:
            done.append(handover)
    return done
