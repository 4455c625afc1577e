"""The portal's URLs plus /bench/bare: one indexed look-up, no auth, no audit (the ceiling of a check)."""

from django.http import JsonResponse
from django.urls import path

from databases.identifiers import normalize_document_number
from databases.identifiers.confusables import confusion_key
from databases.models import TravelDocument
from interpol_portal.urls import urlpatterns as portal_urlpatterns


def bare(request):
    key = confusion_key(normalize_document_number(request.GET.get("number", "X")))
    found = list(TravelDocument.objects.filter(ocr_key=key).values_list("id", flat=True)[:5])
    return JsonResponse({"hit": bool(found), "ids": found})


urlpatterns = [path("bench/bare", bare), *portal_urlpatterns]
