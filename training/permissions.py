"""Questions the pages ask before offering an action; the services enforce the same rules on every write."""

from django.utils import timezone

from ncb.models import User
from ncb.roles import NCB_ROLES, has_role

from .models import Session


def may_apply(user: User, session: Session) -> bool:
    """An NCB officer may apply while the session is open for applications."""
    return (
        has_role(user, *NCB_ROLES)
        and user.unit is not None
        and user.unit.is_ncb
        and not session.is_cancelled
        and session.course.is_published
        and timezone.localdate() <= session.enrolment_deadline
    )
