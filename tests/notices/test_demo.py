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


def test_every_page_renders_with_the_demo_data(client, settings):
    from ncb import demo as ncb_demo
    from ncb.models import User

    settings.DEMO_PASSWORD = "Demo-password-for-tests-1"
    ncb_demo.load()
    demo.load()
    client.force_login(User.objects.get(username="officer.fr"))
    pages = ["/fr/notices/", "/fr/notices/request/", "/ar/notices/search/", "/es/notices/diffusions/", "/en/"]
    pages += [f"/en/notices/request/{kind}/" for kind in NoticeType.values]
    pages += [f"/ar/notices/{pk}/" for pk in Notice.objects.filter(owner__code="ncb-fr").values_list("pk", flat=True)]
    pages += [f"/en/notices/{pk}/" for pk in Notice.objects.filter(status="published").values_list("pk", flat=True)]
    pages += [
        f"/en/notices/diffusions/{pk}/"
        for pk in Diffusion.objects.filter(owner__code="ncb-fr").values_list("pk", flat=True)
    ]
    for page in pages:
        assert client.get(page).status_code == 200, page
    client.force_login(User.objects.get(username="reviewer"))
    assert client.get("/en/notices/review/").status_code == 200
    for pk in Notice.objects.filter(status="under_review").values_list("pk", flat=True):
        assert client.get(f"/fr/notices/{pk}/review/").status_code == 200
    for pk in Diffusion.objects.filter(status="circulating").values_list("pk", flat=True):
        assert client.get(f"/en/notices/diffusions/{pk}/review/").status_code == 200
    client.logout()
    for kind in ("red", "yellow", "un"):
        assert client.get(f"/en/notices/public/?notice_type={kind}").status_code == 200
    for extract in PublicExtract.objects.all():
        assert client.get(f"/ar/notices/public/{extract.notice_type}/{extract.url_id}/").status_code == 200
        assert client.get(f"/public/api/notices/v1/{extract.notice_type}/{extract.url_id}").status_code == 200
