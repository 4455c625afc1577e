"""Pages of the bureaus and accounts app: home, profile and tokens, notifications, the NCB's audit trail."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from . import selectors, services
from .forms import ApiTokenForm, AuditSearchForm, ProfileForm
from .models import ApiToken
from .pagination import CappedPaginator
from .permissions import role_required
from .roles import Role, role_names


@login_required
def home(request):
    return render(request, "ncb/home.html", {})


@login_required
def profile(request):
    user = request.user
    form = ProfileForm(
        request.POST or None, initial={"preferred_language": user.preferred_language, "time_zone": user.time_zone}
    )
    if request.method == "POST" and form.is_valid():
        user.preferred_language = form.cleaned_data["preferred_language"]
        user.time_zone = form.cleaned_data["time_zone"]
        user.save(update_fields=["preferred_language", "time_zone"])
        services.audit_record(actor=user, action="user.profile_update", target=user, request=request)
        messages.success(request, _("Your profile was saved."))
        return redirect("profile")
    from django_otp import devices_for_user

    context = {
        "form": form,
        "token_form": ApiTokenForm(),
        "roles": [Role(name).label for name in sorted(role_names(user)) if name in Role.values],
        "two_factor": any(True for _d in devices_for_user(user, confirmed=True)),
        "tokens": user.api_tokens.all(),
        "new_token": request.session.pop("new_api_token", None),
    }
    return render(request, "ncb/profile.html", context)


@login_required
@require_POST
def api_token_create(request):
    form = ApiTokenForm(request.POST)
    if form.is_valid():
        _token, key = services.api_token_create(user=request.user, name=form.cleaned_data["name"])
        # Shown once on the next page, then gone: only the digest is kept.
        request.session["new_api_token"] = key
    else:
        messages.error(request, _("Give the token a name."))
    return redirect("profile")


@login_required
@require_POST
def api_token_revoke(request, pk: int):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    services.api_token_revoke(token=token, actor=request.user)
    messages.success(request, _("The token was revoked."))
    return redirect("profile")


@login_required
def notifications(request):
    items = selectors.notifications_for(user=request.user)
    page = Paginator(items, 25).get_page(request.GET.get("page"))
    return render(request, "ncb/notifications.html", {"page": page})


@login_required
@require_POST
def notifications_mark_read(request):
    services.notification_mark_read(user=request.user)
    return redirect("notifications")


def _audit_filters(request):
    form = AuditSearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    return form, selectors.audit_trail_for_unit(unit=request.user.unit, **{k: v for k, v in filters.items() if v})


@role_required(Role.NCB_HEAD)
def audit_trail(request):
    form, entries = _audit_filters(request)
    # Counted up to the cap: an NCB's trail holds an entry for each of its checks (12.7 million for one NCB after
    # the load benchmarks, which an exact count read in 4.6 s).
    page = CappedPaginator(entries.select_related("actor"), 50).get_page(request.GET.get("page"))
    return render(request, "ncb/audit_trail.html", {"form": form, "page": page})


class _Echo:
    def write(self, value):
        return value


@role_required(Role.NCB_HEAD)
def audit_trail_export(request):
    _form, entries = _audit_filters(request)
    services.audit_record(actor=request.user, action="audit.export", query=dict(request.GET.items()), request=request)
    writer = csv.writer(_Echo())
    header = [_("time"), _("user"), _("action"), _("target"), _("query"), _("outcome"), _("IP address")]

    def rows():
        yield writer.writerow(header)
        for entry in entries.iterator(chunk_size=2000):
            yield writer.writerow(
                [
                    entry.at.isoformat(),
                    entry.actor_username,
                    entry.action,
                    entry.target_repr,
                    entry.query,
                    entry.outcome,
                    entry.ip_address or "",
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="audit-trail.csv"'
    return response


def language_switch(request):
    """Django's set_language, which also remembers the choice as the signed-in user's preference."""
    response = set_language(request)
    language = request.POST.get("language")
    if request.method == "POST" and request.user.is_authenticated and language in dict(_languages()):
        services.user_set_language(user=request.user, language=language)
    return response


def _languages():
    from django.conf import settings

    return settings.LANGUAGES
