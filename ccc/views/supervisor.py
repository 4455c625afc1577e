"""The supervisor's pages: the dashboard and the manual hand-over."""

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ncb.permissions import role_required
from ncb.roles import Role

from .. import dashboard, services
from ..forms import HandOverForm
from ..models import HandOver


def _chart_data(open_rows, reply_rows, hits) -> dict:
    """What static/js/ccc_dashboard.js draws, with labels already in the viewer's language."""
    return {
        "open": {
            "labels": [str(row["site"]) for row in open_rows],
            "series": [
                {"label": _("Urgent"), "data": [row["urgent"] for row in open_rows]},
                {"label": _("Standard"), "data": [row["standard"] for row in open_rows]},
            ],
        },
        "replies": {
            "labels": [str(row["priority"].label) for row in reply_rows],
            "series": [
                {"label": _("Average first reply (hours)"), "data": [row["average_hours"] or 0 for row in reply_rows]},
                {"label": _("Deadline (hours)"), "data": [row["deadline_hours"] for row in reply_rows]},
            ],
        },
        "hits": {"labels": [day.isoformat() for day in hits["labels"]], "series": hits["series"]},
    }


@role_required(Role.CCC_SUPERVISOR)
def dashboard_view(request):
    now = timezone.now()
    open_rows = dashboard.open_cases_by_site()
    reply_rows = dashboard.first_replies(since=now - timedelta(days=settings.CCC_DASHBOARD_DAYS), now=now)
    hits = dashboard.hits_per_day(days=settings.CCC_DASHBOARD_HIT_DAYS)
    context = {
        "open_rows": open_rows,
        "reply_rows": reply_rows,
        "hits": hits,
        "chart_data": _chart_data(open_rows, reply_rows, hits),
        "days": settings.CCC_DASHBOARD_DAYS,
        "hit_days": settings.CCC_DASHBOARD_HIT_DAYS,
    }
    return render(request, "ccc/dashboard.html", context)


@role_required(Role.CCC_SUPERVISOR)
def hand_over(request):
    form = HandOverForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            handover = services.case_hand_over(
                from_site=form.cleaned_data["site"], actor=request.user, note=form.cleaned_data["note"]
            )
        except services.CaseActionError as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request,
                ngettext(
                    "{count} open case was handed over to {site}.",
                    "{count} open cases were handed over to {site}.",
                    handover.case_count,
                ).format(count=handover.case_count, site=handover.to_site),
            )
            return redirect("ccc:hand_over")
    recent = HandOver.objects.select_related("from_site", "to_site", "by")[:20]
    context = {"form": form, "recent": recent, "viewer_tz": request.user.effective_time_zone}
    return render(request, "ccc/hand_over.html", context)
