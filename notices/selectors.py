"""Reads of the notices app and the one home of who may see which notice or diffusion.

Built on ncb.access: a published notice is seen by every NCB the owner's restriction admits; a request before
publication (or after it ends) only by its NCB and the General Secretariat. A diffusion is seen by its sender and
its addressees, and no longer by the addressees once withdrawn.
"""

from datetime import date

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from ncb.access import viewer_unit, visibility_q
from ncb.roles import Role, has_role

from .choices import DiffusionStatus, NoticeStatus, ScreeningStatus
from .dates import add_years
from .models import Diffusion, Notice, PublicExtract

LIST_RELATED = ("owner__country", "created_by")


def _sees_every_request(user) -> bool:
    return user.is_superuser or has_role(user, Role.NOTICES_REVIEWER)


def notices_visible_to(user) -> QuerySet[Notice]:
    """Every notice the user may see. Drafts never leave their NCB."""
    notices = Notice.objects.all()
    unit = viewer_unit(user)
    if unit is None:
        return notices.none()
    if _sees_every_request(user):
        return notices.filter(Q(owner_id=unit.pk) | ~Q(status=NoticeStatus.DRAFT))
    return notices.filter(Q(owner_id=unit.pk) | (Q(status=NoticeStatus.PUBLISHED) & visibility_q(Notice, unit)))


def notice_requests_of_ncb(*, user, status: str = "", notice_type: str = "") -> QuerySet[Notice]:
    """The requests of the user's NCB, newest first, for its list of requests."""
    notices = Notice.objects.filter(owner_id=user.unit_id)
    if status:
        notices = notices.filter(status=status)
    if notice_type:
        notices = notices.filter(notice_type=notice_type)
    return notices.select_related(*LIST_RELATED).prefetch_related("nationalities").order_by("-created_at", "-id")


def notice_search(
    *, user, text: str = "", notice_type: str = "", nationality: str = "", requesting_country: str = ""
) -> QuerySet[Notice]:
    """Published notices the user may see, filtered by name or control number, type and countries."""
    notices = notices_visible_to(user).filter(status=NoticeStatus.PUBLISHED)
    if text:
        notices = notices.filter(
            Q(family_name__icontains=text)
            | Q(given_names__icontains=text)
            | Q(aliases__icontains=text)
            | Q(entity_id__icontains=text)
        )
    if notice_type:
        notices = notices.filter(notice_type=notice_type)
    if nationality:
        notices = notices.filter(nationalities__iso2=nationality.upper())
    if requesting_country:
        notices = notices.filter(owner__country__iso2=requesting_country.upper())
    return notices.select_related(*LIST_RELATED).prefetch_related("nationalities").order_by("-published_at", "-id")


def notice_api_list(*, user) -> QuerySet[Notice]:
    """Every notice the caller may see, newest first, for the NCB systems' API (filtered there)."""
    return (
        notices_visible_to(user)
        .select_related("owner__country")
        .prefetch_related("nationalities")
        .order_by("-created_at", "-id")
    )


def review_queue() -> QuerySet[Notice]:
    """Requests awaiting the compliance review, the longest waiting first (the target runs from approval)."""
    return (
        Notice.objects.filter(status=NoticeStatus.UNDER_REVIEW)
        .select_related(*LIST_RELATED)
        .prefetch_related("nationalities")
        .order_by("review_started_at", "id")
    )


def notice_get(*, user, pk: int) -> Notice:
    """One notice the user may see, with what its page shows; 404 otherwise (no hint that it exists)."""
    return get_object_or_404(
        notices_visible_to(user)
        .select_related(*LIST_RELATED, "country_of_birth", "warrant_country", "public_extract")
        .prefetch_related("nationalities", "events__actor", "hits"),
        pk=pk,
    )


def notices_awaiting_screening() -> list[int]:
    """Published notices whose subject has not been screened yet (the engine was missing or the task failed)."""
    return list(
        Notice.objects.filter(
            status=NoticeStatus.PUBLISHED, screening_status__in=[ScreeningStatus.PENDING, ScreeningStatus.NOT_SCREENED]
        )
        .order_by("published_at")
        .values_list("pk", flat=True)[:1000]
    )


def diffusions_visible_to(user) -> QuerySet[Diffusion]:
    """Diffusions the user sent or that were addressed to the user's country and are not withdrawn."""
    diffusions = Diffusion.objects.all()
    unit = viewer_unit(user)
    if unit is None:
        return diffusions.none()
    if _sees_every_request(user):
        return diffusions
    addressed = Q(status=DiffusionStatus.CIRCULATING) & visibility_q(Diffusion, unit)
    return diffusions.filter(Q(owner_id=unit.pk) | addressed)


def diffusion_list(*, user, box: str = "", text: str = "") -> QuerySet[Diffusion]:
    """Received (`box="received"`), sent (`"sent"`) or all diffusions the user may see, newest first."""
    diffusions = diffusions_visible_to(user)
    if box == "sent":
        diffusions = diffusions.filter(owner_id=user.unit_id)
    elif box == "received":
        diffusions = diffusions.exclude(owner_id=user.unit_id)
    if text:
        diffusions = diffusions.filter(Q(family_name__icontains=text) | Q(given_names__icontains=text))
    return (
        diffusions.select_related("owner__country", "sent_by")
        .prefetch_related("nationalities", "restriction_countries")
        .order_by("-sent_at", "-id")
    )


def diffusions_to_review() -> QuerySet[Diffusion]:
    """Circulating diffusions not yet reviewed, oldest first."""
    return (
        Diffusion.objects.filter(status=DiffusionStatus.CIRCULATING, reviewed_at__isnull=True)
        .select_related("owner__country", "sent_by")
        .prefetch_related("nationalities", "restriction_countries")
        .order_by("sent_at", "id")
    )


def diffusion_get(*, user, pk: int) -> Diffusion:
    """One diffusion the user may see; 404 otherwise."""
    return get_object_or_404(
        diffusions_visible_to(user)
        .select_related("owner__country", "sent_by", "reviewed_by", "country_of_birth")
        .prefetch_related("nationalities", "restriction_countries"),
        pk=pk,
    )


def public_extracts(
    *,
    notice_type: str,
    forename: str = "",
    name: str = "",
    nationality: str = "",
    age_min: int | None = None,
    age_max: int | None = None,
    sex_id: str = "",
    arrest_warrant_country_id: str = "",
    today: date | None = None,
) -> QuerySet[PublicExtract]:
    """Public extracts of one type, filtered as INTERPOL's public notices API filters them."""
    extracts = PublicExtract.objects.filter(notice_type=notice_type, notice__status=NoticeStatus.PUBLISHED)
    if forename:
        extracts = extracts.filter(forename__icontains=forename)
    if name:
        extracts = extracts.filter(name__icontains=name)
    if nationality:
        # The JSON list as text holds '"FR"'; portable to SQLite, where JSON containment is not available.
        extracts = extracts.filter(nationalities__icontains=f'"{nationality[:2].upper()}"')
    if sex_id:
        extracts = extracts.filter(sex_id=sex_id.upper())
    if arrest_warrant_country_id:
        extracts = extracts.filter(issuing_country_id=arrest_warrant_country_id.upper())
    today = today or timezone.localdate()
    if age_min is not None:
        extracts = extracts.filter(date_of_birth__lte=add_years(today, -age_min))
    if age_max is not None:
        extracts = extracts.filter(date_of_birth__gt=add_years(today, -(age_max + 1)))
    return extracts.order_by("-published_at", "-id")


def public_extract_get(*, notice_type: str, entity_id: str) -> PublicExtract:
    """One public extract by its control number; 404 for anything unpublished or without the NCB's consent."""
    return get_object_or_404(
        PublicExtract, notice_type=notice_type, entity_id=entity_id, notice__status=NoticeStatus.PUBLISHED
    )


def public_extract_with_photo(*, entity_id: str) -> PublicExtract:
    """The extract whose photo the public may see; 404 once the notice or its consent is gone."""
    return get_object_or_404(
        PublicExtract.objects.select_related("notice"),
        entity_id=entity_id,
        has_photo=True,
        notice__status=NoticeStatus.PUBLISHED,
    )
