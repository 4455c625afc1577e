from django.urls import path

from . import views

app_name = "ccc_api"

urlpatterns = [
    path("ccc/cases/", views.CaseListView.as_view(), name="case_list"),
    path("ccc/cases/<int:pk>/", views.CaseDetailView.as_view(), name="case_detail"),
    path("ccc/cases/<int:pk>/messages/", views.CaseMessagesView.as_view(), name="case_messages"),
    path("ccc/attachments/<int:pk>/", views.AttachmentContentView.as_view(), name="attachment_content"),
]
