"""API permissions by role."""

from rest_framework.permissions import BasePermission

from ..roles import has_role


def role_permission(*roles: str) -> type[BasePermission]:
    """A DRF permission class admitting holders of any of the roles (and superusers)."""

    class HasRole(BasePermission):
        def has_permission(self, request, view):
            return bool(request.user and request.user.is_authenticated and has_role(request.user, *roles))

    HasRole.__name__ = "HasRole_" + "_".join(roles)
    return HasRole
