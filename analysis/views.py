"""Pages of the analysis app: the link chart and the trends, with their CSV export. Thin: forms, services, render."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ncb.permissions import role_required

from . import services
from .choices import START_KINDS, EdgeKind, NodeKind, TrendMeasure
from .forms import GraphForm, TagForm, TrendsForm
from .permissions import ANALYSIS_ROLES
from .selectors import StartNotFound
from .trends import periods, pivot


@role_required(*ANALYSIS_ROLES)
def graph_page(request):
    form = GraphForm(request.GET or None, viewer=request.user)
    graph = None
    status = 200
    if request.GET and not form.is_valid():
        services.graph_refuse(viewer=request.user, query=request.GET.dict(), errors=form.errors, request=request)
    elif request.GET:
        try:
            graph = services.graph_explore(viewer=request.user, request=request, **form.explore_arguments())
        except StartNotFound:
            form.add_error(None, _("Nothing you may see has this id."))
            status = 404
    context = {
        "form": form,
        "graph": graph.as_dict() if graph else None,
        "node_kinds": [(kind.value, kind.label) for kind in NodeKind],
        "edge_kinds": [(kind.value, kind.label) for kind in EdgeKind],
        "start_kinds": START_KINDS,
        "tag_form": TagForm(),
        "strings": {
            "expand": _("Expand this node"),
            "open": _("Open the record"),
            "loading": _("Loading…"),
            "failed": _("The connections could not be loaded."),
            "summary": _("Nodes: {nodes}; links: {edges}"),
        },
    }
    return render(request, "analysis/graph.html", context, status=status)


@require_POST
@role_required(*ANALYSIS_ROLES)
def tag_add(request):
    form = TagForm(request.POST)
    if not form.is_valid():
        return HttpResponse(form.errors.as_text(), status=400, content_type="text/plain; charset=utf-8")
    data = form.cleaned_data
    try:
        services.modus_operandi_tag(
            actor=request.user,
            kind=data["kind"],
            pk=data["id"],
            modus_operandi=data["modus_operandi"],
            note=data["note"],
            request=request,
        )
    except services.TagRefused as refused:
        raise Http404 from refused
    messages.success(request, _("The modus operandi was recorded; items sharing it are now linked on the chart."))
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(back)
    return redirect("analysis:graph")


@role_required(*ANALYSIS_ROLES)
def trends_page(request):
    form = TrendsForm(request.GET or {})
    if not form.is_valid():
        return render(request, "analysis/trends.html", {"form": form, "tables": []}, status=400)
    data = form.cleaned_data
    counts = services.trends_read(viewer=request.user, request=request, **form.read_arguments())
    days = periods(since=data["since"], until=data["until"], period=data["period"])
    tables = [pivot(counts, measure=measure, dimension=data["dimension"], days=days) for measure in TrendMeasure]
    chart_data = [
        {
            "id": table["measure"],
            "labels": [day.isoformat() for day in days],
            "series": [
                {"label": column["label"], "data": [row["values"][index] for row in table["rows"]]}
                for index, column in enumerate(table["columns"])
            ],
        }
        for table in tables
    ]
    context = {"form": form, "tables": tables, "chart_data": chart_data, "query": request.GET.urlencode()}
    return render(request, "analysis/trends.html", context)


@role_required(*ANALYSIS_ROLES)
def trends_export(request):
    form = TrendsForm(request.GET or {})
    if not form.is_valid():
        return HttpResponse(form.errors.as_text(), status=400, content_type="text/plain; charset=utf-8")
    data = form.cleaned_data
    counts = services.trends_read(viewer=request.user, export=True, request=request, **form.read_arguments())
    response = HttpResponse(services.trends_csv(counts), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="trends-{data["since"]}-{data["until"]}.csv"'
    return response
