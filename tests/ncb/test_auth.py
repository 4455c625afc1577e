"""Sign-in: lockout after repeated failures, two-factor enrolment and checks, idle time-out, audit."""

import time

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from ncb.models import AuditEntry
from tests.ncb.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _login(client, username, password):
    return client.post("/en/accounts/login/", {"username": username, "password": password})


def test_login_with_the_right_password_lands_on_home_in_the_users_language(client, ncb_es):
    UserFactory(username="maria", unit=ncb_es, preferred_language="es")
    response = _login(client, "maria", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/es/"
    assert AuditEntry.objects.filter(action="auth.login", actor_username="maria").exists()


def test_failed_logins_are_audited(client, officer_fr):
    _login(client, officer_fr.username, "wrong")
    entry = AuditEntry.objects.get(action="auth.login_failed")
    assert entry.query == {"username": officer_fr.username}
    assert entry.unit == officer_fr.unit


def test_account_is_locked_after_repeated_failures(client, settings, officer_fr):
    settings.AXES_FAILURE_LIMIT = 3
    for _ in range(3):
        _login(client, officer_fr.username, "wrong")
    response = _login(client, officer_fr.username, PASSWORD)
    assert response.status_code == 429
    assert "Account locked" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_two_factor_is_required_for_privileged_roles_when_the_setting_is_on(client, settings, ncb_fr):
    settings.OTP_REQUIRED_FOR_PRIVILEGED = True
    reviewer = UserFactory(username="rev", roles=["notices_reviewer"])
    officer = UserFactory(username="off", roles=["ncb_officer"])
    client.force_login(officer)
    assert client.get("/en/").status_code == 200
    client.force_login(reviewer)
    response = client.get("/en/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("otp_setup"))


def test_two_factor_enrolment_with_a_real_totp_code(client, settings):
    settings.OTP_REQUIRED_FOR_PRIVILEGED = True
    user = UserFactory(username="ccc.test", roles=["ccc_duty_officer"])
    client.force_login(user)
    assert client.get(reverse("otp_setup")).status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    bad = client.post(reverse("otp_setup"), {"token": "000000" if totp(device.bin_key) != 0 else "111111"})
    assert bad.status_code == 200
    assert "not valid" in bad.content.decode()
    time.sleep(1.1)  # django-otp throttles the attempt after a failure for one second
    code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    response = client.post(reverse("otp_setup"), {"token": code})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/en/").status_code == 200
    assert AuditEntry.objects.filter(action="auth.otp_enrolled", actor=user).exists()


def test_a_second_session_with_an_enrolled_device_must_verify(client, settings):
    settings.OTP_REQUIRED_FOR_PRIVILEGED = True
    user = UserFactory(username="ccc.test2", roles=["ccc_supervisor"])
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    client.force_login(user)
    response = client.get("/en/")
    assert response["Location"].startswith(reverse("otp_verify"))
    code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    response = client.post(reverse("otp_verify") + "?next=/en/", {"token": code, "next": "/en/"})
    assert response.status_code == 302 and response["Location"] == "/en/"
    assert client.get("/en/").status_code == 200


def test_idle_session_is_signed_out(client, settings, officer_fr):
    settings.SESSION_IDLE_TIMEOUT = 60
    client.force_login(officer_fr)
    assert client.get("/en/").status_code == 200
    session = client.session
    session["_last_activity"] = int(time.time()) - 61
    session.save()
    response = client.get("/en/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert client.get("/en/").status_code == 302


def test_polling_does_not_keep_an_idle_session_alive(client, settings, officer_fr):
    settings.SESSION_IDLE_TIMEOUT = 60
    client.force_login(officer_fr)
    client.get("/en/")
    session = client.session
    session["_last_activity"] = int(time.time()) - 50
    session.save()
    client.get("/en/", HTTP_X_POLL="1")
    assert client.session["_last_activity"] <= int(time.time()) - 49


def test_passwords_are_hashed_with_argon2(settings, ncb_fr):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    user = UserFactory(username="argon", unit=ncb_fr)
    assert user.password.startswith("argon2")
