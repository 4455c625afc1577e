"""Who may move a notice request or a diffusion along its workflow.

Services enforce these rules; pages and the API read them to offer only the actions a user may take. Who may
see a notice at all is decided by notices.selectors on top of ncb.access.
"""

from django.conf import settings
from django.utils import timezone

from ncb.roles import CCC_ROLES, NCB_ROLES, Role, has_role

from .choices import OPEN_STATUSES, PUBLIC_TYPES, DiffusionStatus, NoticeStatus
from .dates import add_months
from .models import Diffusion, Notice

# Who works with notices at all; which notice each of them sees is decided by notices.selectors.
VIEW_ROLES = (*NCB_ROLES, *CCC_ROLES, Role.NOTICES_REVIEWER, Role.CRIMINAL_ANALYST)


def is_requester(user, notice: Notice) -> bool:
    """An officer or head of the NCB that owns the request."""
    return bool(user.unit_id) and user.unit_id == notice.owner_id and has_role(user, *NCB_ROLES)


def is_reviewer(user) -> bool:
    return has_role(user, Role.NOTICES_REVIEWER)


def may_request(user) -> bool:
    return has_role(user, *NCB_ROLES) and user.unit is not None and user.unit.is_ncb


def may_edit(user, notice: Notice) -> bool:
    return notice.status == NoticeStatus.DRAFT and is_requester(user, notice)


def may_submit(user, notice: Notice) -> bool:
    return notice.status == NoticeStatus.DRAFT and is_requester(user, notice)


def may_approve(user, notice: Notice) -> bool:
    """Only the head of the requesting NCB sends its requests to the General Secretariat."""
    return notice.status == NoticeStatus.SUBMITTED and user.unit_id == notice.owner_id and has_role(user, Role.NCB_HEAD)


def may_review(user, notice: Notice) -> bool:
    return notice.status == NoticeStatus.UNDER_REVIEW and is_reviewer(user)


def may_cancel(user, notice: Notice) -> bool:
    return notice.status in OPEN_STATUSES and (is_requester(user, notice) or is_reviewer(user))


def extension_opens_at(notice: Notice):
    """The start of the window in which the requester is reminded and may extend a published notice."""
    if notice.expires_at is None:
        return None
    return add_months(notice.expires_at, -settings.NOTICE_EXPIRY_REMINDER_MONTHS)


def may_extend(user, notice: Notice) -> bool:
    opens = extension_opens_at(notice)
    return (
        notice.status == NoticeStatus.PUBLISHED
        and opens is not None
        and opens <= timezone.now()
        and is_requester(user, notice)
    )


def may_set_public_consent(user, notice: Notice) -> bool:
    return notice.notice_type in PUBLIC_TYPES and notice.status in OPEN_STATUSES and is_requester(user, notice)


def may_translate(user, notice: Notice) -> bool:
    return notice.status in OPEN_STATUSES and (is_requester(user, notice) or is_reviewer(user))


def may_send_diffusion(user) -> bool:
    return may_request(user)


def may_review_diffusion(user, diffusion: Diffusion) -> bool:
    return diffusion.status == DiffusionStatus.CIRCULATING and is_reviewer(user)


def notice_actions(user, notice: Notice) -> dict[str, bool]:
    """What the user may do with the request now, for its page."""
    return {
        "edit": may_edit(user, notice),
        "submit": may_submit(user, notice),
        "approve": may_approve(user, notice),
        "review": may_review(user, notice),
        "cancel": may_cancel(user, notice),
        "extend": may_extend(user, notice),
        "consent": may_set_public_consent(user, notice),
        "translate": may_translate(user, notice),
    }


def addressees_visible(user, diffusion: Diffusion) -> list:
    """The addressed countries the user may know of: all for the sender and the General Secretariat, else its own.

    An addressee is not told who else received a diffusion.
    """
    countries = sorted(diffusion.restriction_countries.all(), key=lambda country: country.iso2)
    unit = user.unit
    if user.is_superuser or (unit is not None and (unit.pk == diffusion.owner_id or unit.sees_all_records)):
        return countries
    return [country for country in countries if unit is not None and country.pk == unit.country_id]
