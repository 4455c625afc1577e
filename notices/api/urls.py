"""The NCB systems' API for notices and diffusions, under /api/v1/."""

from django.urls import path

from . import views

urlpatterns = [
    path("notices/", views.NoticeListCreateView.as_view(), name="api_notice_list"),
    path("notices/<int:pk>/", views.NoticeDetailView.as_view(), name="api_notice_detail"),
    path("notices/<int:pk>/submit/", views.NoticeSubmitView.as_view(), name="api_notice_submit"),
    path("diffusions/", views.DiffusionListCreateView.as_view(), name="api_diffusion_list"),
    path("diffusions/<int:pk>/", views.DiffusionDetailView.as_view(), name="api_diffusion_detail"),
]
