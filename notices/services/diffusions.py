"""Writes of diffusions: sent by an NCB at once, reviewed by the General Secretariat afterwards."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from ncb.choices import Restriction
from ncb.selectors import ncb_units
from ncb.services import audit_record, notification_send

from .. import permissions
from ..choices import DiffusionStatus, NoticeType
from ..models import Diffusion
from ..types import REQUEST_FIELDS
from .content import content_apply
from .review import checklist_clean
from .workflow import page_url, require, require_reasons

DIFFUSION_FIELDS = tuple(
    name for name in REQUEST_FIELDS if name in {f.name for f in Diffusion._meta.fields} or name == "nationalities"
)


def _diffusion_check(diffusion: Diffusion) -> None:
    language = diffusion.language
    errors = {}
    if not (getattr(diffusion, f"summary_of_facts_{language}", "") or "").strip():  # None when never given
        errors["summary_of_facts"] = gettext("Give a summary of the facts.")
    if diffusion.diffusion_type == NoticeType.RED and not diffusion.warrant_reference:
        errors["warrant_reference"] = gettext("A wanted-person diffusion needs an arrest warrant or court decision.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def diffusion_send(*, actor, diffusion_type: str, data: dict, countries=None, request=None) -> Diffusion:
    """Circulate a diffusion now, to the listed countries or, with `countries=None`, to every member country."""
    require(permissions.may_send_diffusion(actor))
    countries = None if countries is None else [c for c in countries if c.pk != actor.unit.country_id]
    if countries is not None and not countries:
        raise ValidationError({"countries": gettext("Choose the countries to send the diffusion to.")})
    diffusion = Diffusion(
        diffusion_type=NoticeType(diffusion_type),
        owner=actor.unit,
        sent_by=actor,
        language=data.get("language") or actor.preferred_language,
        restriction=Restriction.ALL if countries is None else Restriction.ONLY,
    )
    change = content_apply(diffusion, data, allowed=DIFFUSION_FIELDS)
    _diffusion_check(diffusion)
    diffusion.full_clean(exclude=["photo"])
    diffusion.save()
    change.many_to_many_apply(diffusion)
    diffusion.restriction_countries.set(countries or [])
    audit_record(
        actor=actor,
        action="diffusion.send",
        target=diffusion,
        request=request,
        query={"type": diffusion.diffusion_type, "to": sorted(c.iso2 for c in countries) if countries else "all"},
    )
    if countries:
        for unit in ncb_units().filter(country__in=countries):
            notification_send(
                unit=unit,
                kind="diffusion_received",
                url=page_url("diffusion_detail", diffusion.pk),
                params={"reference": diffusion.reference, "country": actor.unit.country.iso2},
                message=gettext_noop("Diffusion {reference} from {country} was addressed to your NCB."),
            )
    return diffusion


def _locked(diffusion: Diffusion) -> Diffusion:
    return Diffusion.objects.select_for_update(of=("self",)).select_related("owner").get(pk=diffusion.pk)


@transaction.atomic
def diffusion_review_confirm(*, diffusion: Diffusion, reviewer, checklist: dict, request=None) -> Diffusion:
    """Record that a circulating diffusion complies with the rules."""
    diffusion = _locked(diffusion)
    require(permissions.may_review_diffusion(reviewer, diffusion))
    checklist = checklist_clean(checklist)
    if not all(checklist.values()):
        raise ValidationError(gettext("Confirm every item of the checklist, or withdraw the diffusion."))
    diffusion.reviewed_at, diffusion.reviewed_by, diffusion.review_checklist = timezone.now(), reviewer, checklist
    diffusion.save(update_fields=["reviewed_at", "reviewed_by", "review_checklist"])
    audit_record(
        actor=reviewer,
        action="diffusion.review",
        target=diffusion,
        request=request,
        query={"checklist": checklist},
        outcome="compliant",
    )
    return diffusion


@transaction.atomic
def diffusion_withdraw(
    *, diffusion: Diffusion, reviewer, reasons: str, checklist: dict | None = None, request=None
) -> Diffusion:
    """Withdraw a diffusion that breaks the rules: its addressees no longer see it."""
    diffusion = _locked(diffusion)
    require(permissions.may_review_diffusion(reviewer, diffusion))
    diffusion.withdrawal_reasons = require_reasons(reasons)
    diffusion.status = DiffusionStatus.WITHDRAWN
    diffusion.reviewed_at, diffusion.reviewed_by = timezone.now(), reviewer
    diffusion.review_checklist = checklist_clean(checklist or {})
    diffusion.full_clean(exclude=["photo"])
    diffusion.save(update_fields=["status", "withdrawal_reasons", "reviewed_at", "reviewed_by", "review_checklist"])
    audit_record(
        actor=reviewer,
        action="diffusion.withdraw",
        target=diffusion,
        request=request,
        outcome=diffusion.withdrawal_reasons[:200],
    )
    notification_send(
        unit=diffusion.owner,
        kind="diffusion_withdrawn",
        url=page_url("diffusion_detail", diffusion.pk),
        params={"reference": diffusion.reference},
        message=gettext_noop("Diffusion {reference} was withdrawn by the General Secretariat; see the reasons."),
    )
    return diffusion
