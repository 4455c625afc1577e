"""The quick-check page: what the header box sends, answered for every database that could hold it."""

from django.shortcuts import render

from ..services.quick import quick_check
from .access import reader_required


@reader_required
def quick_check_view(request):
    text = request.GET.get("q", "").strip()
    answer = quick_check(user=request.user, text=text, request=request) if text else None
    return render(request, "databases/quick_check.html", {"answer": answer, "text": text})
