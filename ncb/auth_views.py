"""Sign-in, sign-out and two-factor pages."""

import base64
import io

import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from .forms import LoginForm, OtpTokenForm
from .services import audit_record


class LoginView(auth_views.LoginView):
    template_name = "ncb/login.html"
    form_class = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        # Continue in the user's own language: the next page opens under its language prefix.
        language = form.get_user().preferred_language
        translation.activate(language)
        target = self.get_success_url()
        if target in ("", "/", reverse("home")) or target == f"/{self.request.LANGUAGE_CODE}/":
            target = reverse("home")
        response = HttpResponseRedirect(target)
        response.set_cookie("django_language", language, samesite="Lax")
        return response


class LogoutView(auth_views.LogoutView):
    template_name = "ncb/logged_out.html"


def _safe_next(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or default
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default


@login_required
def otp_setup(request):
    """Enrol a TOTP authenticator: show a QR code, confirm with one code."""
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name="authenticator", confirmed=False)
    form = OtpTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            audit_record(actor=request.user, action="auth.otp_enrolled", request=request)
            messages.success(request, _("Two-factor authentication is on for your account."))
            return redirect(_safe_next(request, reverse("profile")))
        form.add_error("token", _("This code is not valid; check your device's clock and try again."))
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = io.BytesIO()
    image.save(buffer)
    qr_data = "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()
    return render(
        request,
        "ncb/otp_setup.html",
        {
            "form": form,
            "qr_data": qr_data,
            "secret": base64.b32encode(device.bin_key).decode(),
            "next": request.GET.get("next", ""),
        },
    )


@login_required
def otp_verify(request):
    """Ask a signed-in user with a confirmed device for the current code."""
    form = OtpTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        for device in TOTPDevice.objects.filter(user=request.user, confirmed=True):
            if device.verify_token(form.cleaned_data["token"]):
                otp_login(request, device)
                audit_record(actor=request.user, action="auth.otp_verified", request=request)
                return redirect(_safe_next(request, reverse("home")))
        audit_record(actor=request.user, action="auth.otp_failed", request=request, outcome="failure")
        form.add_error("token", _("This code is not valid."))
    return render(request, "ncb/otp_verify.html", {"form": form, "next": request.GET.get("next", "")})
