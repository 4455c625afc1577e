from django.urls import path

from .views import attachments, case, ncb, queue, supervisor

app_name = "ccc"

urlpatterns = [
    path("", queue.queue, name="queue"),
    path("queue/rows/", queue.queue_rows, name="queue_rows"),
    path("cases/new/", queue.case_open, name="case_open"),
    path("cases/<int:pk>/", case.case_detail, name="case_detail"),
    path("cases/<int:pk>/claim/", case.case_claim, name="case_claim"),
    path("cases/<int:pk>/release/", case.case_release, name="case_release"),
    path("cases/<int:pk>/resolve/", case.case_resolve, name="case_resolve"),
    path("cases/<int:pk>/close/", case.case_close, name="case_close"),
    path("cases/<int:pk>/note/", case.case_note, name="case_note"),
    path("cases/<int:pk>/ncbs/", case.case_ncb_add, name="case_ncb_add"),
    path("cases/<int:pk>/threads/<int:thread_id>/messages/", case.case_message, name="case_message"),
    path("attachments/<int:pk>/", attachments.attachment_download, name="attachment_download"),
    path("dashboard/", supervisor.dashboard_view, name="dashboard"),
    path("hand-over/", supervisor.hand_over, name="hand_over"),
    path("ncb/", ncb.ncb_cases, name="ncb_cases"),
    path("ncb/cases/<int:pk>/", ncb.ncb_case_detail, name="ncb_case_detail"),
    path("ncb/request/", ncb.urgent_request, name="urgent_request"),
]
