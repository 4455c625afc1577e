from django.urls import path

from . import auth_views, views

urlpatterns = [
    path("", views.home, name="home"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/two-factor/setup/", auth_views.otp_setup, name="otp_setup"),
    path("accounts/two-factor/verify/", auth_views.otp_verify, name="otp_verify"),
    path("accounts/profile/", views.profile, name="profile"),
    path("accounts/tokens/", views.api_token_create, name="api_token_create"),
    path("accounts/tokens/<int:pk>/revoke/", views.api_token_revoke, name="api_token_revoke"),
    path("notifications/", views.notifications, name="notifications"),
    path("notifications/read/", views.notifications_mark_read, name="notifications_mark_read"),
    path("ncb/audit/", views.audit_trail, name="audit_trail"),
    path("ncb/audit/export.csv", views.audit_trail_export, name="audit_trail_export"),
]
