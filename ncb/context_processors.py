"""Template context shared by every page: the viewer's roles, unread notifications, navigation."""

from .roles import CCC_ROLES, NCB_ROLES, Role, has_role


def portal(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav": {}}
    from .selectors import unread_notification_count

    return {
        "unread_notifications": unread_notification_count(user=user),
        "nav": {
            "databases": user.is_superuser or has_role(user, *NCB_ROLES, *CCC_ROLES, Role.NOTICES_REVIEWER),
            "ncb": has_role(user, *NCB_ROLES),
            "ncb_head": has_role(user, Role.NCB_HEAD),
            "ccc": has_role(user, *CCC_ROLES),
            "ccc_supervisor": has_role(user, Role.CCC_SUPERVISOR),
            "reviewer": has_role(user, Role.NOTICES_REVIEWER),
            "trainer": has_role(user, Role.TRAINING_COORDINATOR),
            "admin": user.is_staff,
        },
    }
