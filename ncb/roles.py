"""Roles are Django groups; this module names them and answers "does this user hold that role?"."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    NCB_OFFICER = "ncb_officer", _("NCB officer")
    NCB_HEAD = "ncb_head", _("NCB head")
    CCC_DUTY_OFFICER = "ccc_duty_officer", _("CCC duty officer")
    CCC_SUPERVISOR = "ccc_supervisor", _("CCC supervisor")
    NOTICES_REVIEWER = "notices_reviewer", _("Notices reviewer")
    TRAINING_COORDINATOR = "training_coordinator", _("Training coordinator")
    CRIMINAL_ANALYST = "criminal_analyst", _("Criminal analyst")
    ADMINISTRATOR = "administrator", _("Administrator")


# Roles whose holders must use two-factor authentication when OTP_REQUIRED_FOR_PRIVILEGED is on.
PRIVILEGED_ROLES = frozenset({Role.CCC_DUTY_OFFICER, Role.CCC_SUPERVISOR, Role.NOTICES_REVIEWER, Role.ADMINISTRATOR})
# Roles that may work with the global databases on behalf of an NCB.
NCB_ROLES = frozenset({Role.NCB_OFFICER, Role.NCB_HEAD})
CCC_ROLES = frozenset({Role.CCC_DUTY_OFFICER, Role.CCC_SUPERVISOR})


def role_names(user) -> frozenset[str]:
    """The user's role names, cached on the user object for the request."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_role_names", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._role_names = cached
    return cached


def has_role(user, *roles: str) -> bool:
    """True when the user holds any of the roles (superusers hold them all)."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    return bool(role_names(user) & set(roles))
