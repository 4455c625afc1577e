"""Audit of sign-in events. Django announces them with signals; the audit trail must record every one."""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from .services import audit_record


@receiver(user_logged_in)
def audit_login(sender, request, user, **kwargs):
    audit_record(actor=user, action="auth.login", request=request, outcome="success")


@receiver(user_logged_out)
def audit_logout(sender, request, user, **kwargs):
    if user is not None:
        audit_record(actor=user, action="auth.logout", request=request)


@receiver(user_login_failed)
def audit_login_failed(sender, credentials, request=None, **kwargs):
    username = str(credentials.get("username", ""))[:150]
    user = get_user_model().objects.filter(username=username).select_related("unit").first()
    entry_unit = user.unit if user else None
    audit_record(
        actor=None,
        unit=entry_unit,
        action="auth.login_failed",
        request=request,
        query={"username": username},
        outcome="failure",
    )
