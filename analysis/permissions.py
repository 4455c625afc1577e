"""Who may use the analysis pages and API: criminal analysts and CCC staff (what they see: analysis.visibility)."""

from ncb.roles import CCC_ROLES, Role, has_role

ANALYSIS_ROLES = (Role.CRIMINAL_ANALYST, *CCC_ROLES)


def may_analyse(user) -> bool:
    return has_role(user, *ANALYSIS_ROLES)
