"""Record pages: list with search and filters, detail, create, edit, restrict, close, review."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ncb.access import may_edit
from ncb.pagination import CappedPaginator
from ncb.services import record_restrict

from .. import selectors, services
from ..choices import Database
from ..forms import FORMS, CloseForm, PhotoForm, RecordSearchForm, RestrictForm
from ..selectors import EXTRA_FILTERS
from .access import database_or_404, owned_record_or_403, reader_required, record_or_404, writer_required

PAGE_SIZE = 25


@reader_required
def index(request):
    return render(request, "databases/index.html", {"databases": Database.choices})


@reader_required
def record_list(request, database: str):
    database_or_404(database)
    form = RecordSearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    filters.update({c: request.GET[c] for c in EXTRA_FILTERS[database] if request.GET.get(c)})
    records = selectors.record_list(viewer=request.user, database=database, filters=filters)
    page = CappedPaginator(records, PAGE_SIZE).get_page(request.GET.get("page"))
    if filters.get("q"):
        services.record_searched(
            actor=request.user,
            database=database,
            query={"q": filters["q"]},
            count=page.paginator.count,
            request=request,
        )
    context = {
        "database": database,
        "label": Database(database).label,
        "form": form,
        "page": page,
        "rows": f"databases/rows/{database}.html",
    }
    return render(request, "databases/list.html", context)


@reader_required
def record_detail(request, database: str, pk: int):
    record = record_or_404(request, database, pk)
    services.record_viewed(record=record, actor=request.user, request=request)
    editable = may_edit(record=record, user=request.user)
    context = {
        "database": database,
        "label": Database(database).label,
        "record": record,
        "editable": editable,
        "fields": f"databases/fields/{database}.html",
        "has_photos": database in (Database.PERSONS, Database.ARTWORKS),
        "photo_form": PhotoForm(),
        "close_form": CloseForm(),
    }
    return render(request, "databases/detail.html", context)


def _save(request, database: str, form, record=None):
    data = {name: value for name, value in form.cleaned_data.items() if name not in ("aliases", "nationalities")}
    related = {}
    if database == Database.PERSONS:
        related = {"aliases": form.cleaned_data["aliases"], "nationalities": form.cleaned_data["nationalities"]}
    if record is None:
        return services.record_create(
            database=database, owner=request.user.unit, actor=request.user, data=data, request=request, **related
        )
    return services.record_update(record=record, actor=request.user, data=data, request=request, **related)


def _edit(request, database: str, record=None):
    form_class = FORMS[database]
    form = form_class(request.POST or None, instance=record)
    if request.method == "POST" and form.is_valid():
        try:
            saved = _save(request, database, form, record)
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("The record was saved."))
            return redirect("databases:record_detail", database, saved.pk)
    context = {"database": database, "label": Database(database).label, "form": form, "record": record}
    return render(request, "databases/edit.html", context)


@writer_required
def record_create(request, database: str):
    database_or_404(database)
    if request.user.unit_id is None:
        raise PermissionDenied
    return _edit(request, database)


@writer_required
def record_edit(request, database: str, pk: int):
    return _edit(request, database, owned_record_or_403(request, database, pk))


@writer_required
def record_restrict_view(request, database: str, pk: int):
    record = owned_record_or_403(request, database, pk)
    initial = {"restriction": record.restriction, "countries": list(record.restriction_countries.all())}
    form = RestrictForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        record_restrict(
            record=record,
            actor=request.user,
            restriction=form.cleaned_data["restriction"],
            countries=form.cleaned_data["countries"],
        )
        messages.success(request, _("The access restriction was saved."))
        return redirect("databases:record_detail", database, pk)
    context = {"database": database, "label": Database(database).label, "form": form, "record": record}
    return render(request, "databases/restrict.html", context)


@writer_required
@require_POST
def record_close_view(request, database: str, pk: int):
    record = owned_record_or_403(request, database, pk)
    form = CloseForm(request.POST)
    if form.is_valid():
        services.record_close(record=record, actor=request.user, status=form.cleaned_data["status"], request=request)
        messages.success(request, _("The record was closed."))
    return redirect("databases:record_detail", database, pk)


@writer_required
@require_POST
def record_review_view(request, database: str, pk: int):
    record = owned_record_or_403(request, database, pk)
    services.record_review(record=record, actor=request.user, request=request)
    messages.success(
        request, _("The record was reviewed; it stays active until {date}.").format(date=record.review_by.isoformat())
    )
    return redirect("databases:record_detail", database, pk)
