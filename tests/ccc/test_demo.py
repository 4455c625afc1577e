"""Demo data: every status across the three sites, messages in several languages, loaded idempotently."""

import pytest

from ccc import demo
from ccc.choices import CaseStatus
from ccc.models import Case, HandOver, Message


@pytest.mark.django_db
def test_demo_is_idempotent_and_covers_every_status_site_and_language():
    from ncb import demo as ncb_demo

    ncb_demo.load()
    demo.load()
    counts = (Case.objects.count(), Message.objects.count(), HandOver.objects.count())
    demo.load()
    assert (Case.objects.count(), Message.objects.count(), HandOver.objects.count()) == counts
    assert set(Case.objects.values_list("status", flat=True)) == set(CaseStatus.values)
    assert set(Case.objects.values_list("site__code", flat=True)) == {"ccc-lyon", "ccc-singapore", "ccc-buenos-aires"}
    assert set(Message.objects.values_list("language", flat=True)) == {"ar", "en", "es", "fr"}
    assert Case.objects.filter(handover_pending=True).exists()
