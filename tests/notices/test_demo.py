"""The demo data: every type and state, public extracts, and nothing duplicated when loaded again."""

import pytest

from notices import demo
from notices.choices import NoticeStatus, NoticeType
from notices.models import Diffusion, Notice, PublicExtract

pytestmark = pytest.mark.django_db


def test_demo_loads_twice_without_duplicates(settings):
    from ncb import demo as ncb_demo

    settings.DEMO_PASSWORD = "Demo-password-for-tests-1"
    ncb_demo.load()
    demo.load()
    counts = (Notice.objects.count(), Diffusion.objects.count(), PublicExtract.objects.count())
    demo.load()
    assert (Notice.objects.count(), Diffusion.objects.count(), PublicExtract.objects.count()) == counts
    assert set(Notice.objects.values_list("notice_type", flat=True)) == set(NoticeType.values)
    assert set(Notice.objects.values_list("status", flat=True)) == set(NoticeStatus.values)
    assert PublicExtract.objects.filter(notice_type=NoticeType.RED).count() >= 2
    published = Notice.objects.filter(status=NoticeStatus.PUBLISHED)
    assert all(notice.entity_id and notice.expires_at for notice in published)
