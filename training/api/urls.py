"""Training API, under /api/v1/training/."""

from django.urls import path

from . import views

urlpatterns = [
    path("training/courses/", views.CourseList.as_view(), name="api_training_courses"),
    path("training/courses/<int:pk>/", views.CourseDetail.as_view(), name="api_training_course"),
    path("training/sessions/", views.SessionList.as_view(), name="api_training_sessions"),
    path("training/enrolments/", views.MyEnrolmentList.as_view(), name="api_training_enrolments"),
    path("training/enrolments/<int:pk>/", views.MyEnrolmentDetail.as_view(), name="api_training_enrolment"),
]
