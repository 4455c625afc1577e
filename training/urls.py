"""Pages of the training app, under /<language>/training/."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.catalogue, name="training_catalogue"),
    path("courses/<int:pk>/", views.course_detail, name="training_course"),
    path("sessions/<int:pk>/", views.session_detail, name="training_session"),
    path("sessions/<int:pk>/apply/", views.apply, name="training_apply"),
    path("my/enrolments/", views.my_enrolments, name="training_my_enrolments"),
    path("my/enrolments/<int:pk>/withdraw/", views.withdraw, name="training_withdraw"),
    path("my/certificates/", views.my_certificates, name="training_my_certificates"),
    path("certificates/<int:pk>/certificate.pdf", views.certificate_download, name="training_certificate_pdf"),
    path("ncb/endorsements/", views.endorsements, name="training_endorsements"),
    path("ncb/enrolments/", views.ncb_enrolments, name="training_ncb_enrolments"),
    path("ncb/enrolments/<int:pk>/endorse/", views.endorse, name="training_endorse"),
    path("ncb/enrolments/<int:pk>/decline/", views.decline, name="training_decline"),
    path("ncb/needs/", views.training_needs, name="training_needs"),
    path("coordinator/sessions/", views.coordinator_sessions, name="training_coordinator_sessions"),
    path("coordinator/sessions/<int:pk>/", views.coordinator_session, name="training_coordinator_session"),
    path("coordinator/sessions/<int:pk>/cancel/", views.session_cancel, name="training_session_cancel"),
    path("coordinator/needs/", views.needs_report, name="training_needs_report"),
    # Public on purpose (name starts with certificate_verify): anyone shown a certificate checks it here.
    path("certificates/verify/", views.certificate_verify, name="certificate_verify"),
    path("certificates/verify/<str:code>/", views.certificate_verify, name="certificate_verify_code"),
]

urlpatterns += [
    path(
        f"coordinator/enrolments/<int:pk>/{action}/",
        views.enrolment_decide,
        {"action": action},
        name=f"training_enrolment_{action}",
    )
    for action in views.DECISIONS
]
