"""Who sees which notice and diffusion, and lists that cost the same number of queries whatever their length."""

import pytest

from ncb.choices import Restriction
from ncb.roles import has_role
from notices import selectors
from notices.choices import DiffusionStatus, NoticeStatus
from tests.notices.factories import DiffusionFactory, NoticeFactory, country, in_status, published

pytestmark = pytest.mark.django_db


def _visible(user):
    return set(selectors.notices_visible_to(user).values_list("pk", flat=True))


def test_requests_before_publication_stay_within_the_requesting_ncb(officer_fr, officer_es):
    draft = NoticeFactory()
    under_review = in_status(NoticeStatus.UNDER_REVIEW)
    assert {draft.pk, under_review.pk} <= _visible(officer_fr)
    assert not {draft.pk, under_review.pk} & _visible(officer_es)


def test_published_notices_are_seen_by_every_ncb(officer_es, officer_eg, ccc_officer):
    notice = published(NoticeFactory())
    for user in (officer_es, officer_eg, ccc_officer):
        assert notice.pk in _visible(user)


@pytest.mark.parametrize("status", [NoticeStatus.REFUSED, NoticeStatus.CANCELLED, NoticeStatus.EXPIRED])
def test_closed_notices_leave_other_ncbs_view(officer_es, officer_fr, status):
    notice = in_status(status)
    assert notice.pk not in _visible(officer_es) and notice.pk in _visible(officer_fr)


def test_reviewer_sees_requests_but_not_drafts(reviewer):
    draft, submitted = NoticeFactory(), in_status(NoticeStatus.UNDER_REVIEW)
    assert submitted.pk in _visible(reviewer) and draft.pk not in _visible(reviewer)


def test_owner_restriction_applies_to_published_notices(officer_es, officer_eg):
    notice = published(NoticeFactory())
    notice.restriction = Restriction.ALL_EXCEPT
    notice.save()
    notice.restriction_countries.set([country("EG")])
    assert notice.pk in _visible(officer_es) and notice.pk not in _visible(officer_eg)


def test_search_finds_published_notices_by_name_type_and_nationality(officer_es):
    wanted = published(NoticeFactory(family_name="ZORRO"))
    published(NoticeFactory(family_name="OTHER", nationalities=["MA"]))
    NoticeFactory(family_name="ZORRO")  # a draft
    assert list(selectors.notice_search(user=officer_es, text="zorro")) == [wanted]
    assert list(selectors.notice_search(user=officer_es, text=wanted.entity_id)) == [wanted]
    assert selectors.notice_search(user=officer_es, nationality="ma").count() == 1
    assert selectors.notice_search(user=officer_es, notice_type="yellow").count() == 0


def test_diffusion_is_seen_by_its_addressees_only(officer_fr, officer_es, officer_eg):
    diffusion = DiffusionFactory(to=["ES"])
    visible = selectors.diffusions_visible_to
    assert visible(officer_fr).filter(pk=diffusion.pk).exists()
    assert visible(officer_es).filter(pk=diffusion.pk).exists()
    assert not visible(officer_eg).filter(pk=diffusion.pk).exists()


def test_diffusion_to_all_is_seen_by_every_ncb(officer_eg):
    diffusion = DiffusionFactory(restriction=Restriction.ALL)
    assert selectors.diffusions_visible_to(officer_eg).filter(pk=diffusion.pk).exists()


def test_withdrawn_diffusion_disappears_for_addressees_not_for_the_sender(officer_fr, officer_es):
    diffusion = DiffusionFactory(to=["ES"], status=DiffusionStatus.WITHDRAWN)
    assert not selectors.diffusions_visible_to(officer_es).filter(pk=diffusion.pk).exists()
    assert selectors.diffusions_visible_to(officer_fr).filter(pk=diffusion.pk).exists()


def test_review_queue_puts_the_longest_waiting_first():
    first, second = in_status(NoticeStatus.UNDER_REVIEW), in_status(NoticeStatus.UNDER_REVIEW)
    first.review_started_at, second.review_started_at = second.review_started_at, first.review_started_at
    first.save()
    second.save()
    assert list(selectors.review_queue()) == sorted([first, second], key=lambda n: n.review_started_at)


def _warm(user):
    """Load what a request loads once, before any list: the viewer's unit and roles."""
    user.unit  # noqa: B018
    has_role(user, "ncb_officer")
    return user


def _render_list(queryset):
    for notice in queryset:
        [country.iso2 for country in notice.nationalities.all()]
        str(notice.owner.country), notice.created_by.username


@pytest.mark.parametrize(
    "make_list",
    [
        lambda user: selectors.notice_requests_of_ncb(user=user),
        lambda user: selectors.notice_search(user=user),
        lambda user: selectors.review_queue(),
    ],
)
def test_notice_lists_have_a_constant_number_of_queries(officer_fr, django_assert_num_queries, make_list):
    def add(count):
        for _ in range(count):
            published(NoticeFactory(created_by=officer_fr), consent=False)
            in_status(NoticeStatus.UNDER_REVIEW, created_by=officer_fr)

    _warm(officer_fr)
    add(1)
    with django_assert_num_queries(2):
        _render_list(make_list(officer_fr))
    add(4)
    with django_assert_num_queries(2):
        _render_list(make_list(officer_fr))


def test_diffusion_list_has_a_constant_number_of_queries(officer_es, django_assert_num_queries):
    DiffusionFactory(to=["ES"])
    _warm(officer_es)

    def render():
        for diffusion in selectors.diffusion_list(user=officer_es):
            [c.iso2 for c in diffusion.nationalities.all()], [c.iso2 for c in diffusion.restriction_countries.all()]
            str(diffusion.owner.country), diffusion.sent_by.username

    with django_assert_num_queries(3):
        render()
    for _ in range(4):
        DiffusionFactory(to=["ES", "MA"])
    with django_assert_num_queries(3):
        render()
