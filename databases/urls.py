from django.urls import path

from .views import checks, hits, imports, photos, records, screening

app_name = "databases"

urlpatterns = [
    path("", records.index, name="index"),
    path("quick-check/", checks.quick_check_view, name="quick_check"),
    path("hits/", hits.hit_list, name="hits"),
    path("hits/<int:pk>/review/", hits.hit_review_view, name="hit_review"),
    path("imports/", imports.import_upload, name="imports"),
    path("imports/<int:pk>/", imports.import_detail, name="import_detail"),
    path("screening/", screening.screening_view, name="screening"),
    path("screening/jobs/", screening.screening_jobs_view, name="screening_jobs"),
    path("screening/jobs/<int:pk>/", screening.screening_job_view, name="screening_job"),
    path("screening/jobs/<int:pk>/cancel/", screening.screening_job_cancel_view, name="screening_job_cancel"),
    path("screening/jobs/<int:pk>/export/", screening.screening_job_export, name="screening_job_export"),
    path("<str:database>/", records.record_list, name="record_list"),
    path("<str:database>/new/", records.record_create, name="record_create"),
    path("<str:database>/<int:pk>/", records.record_detail, name="record_detail"),
    path("<str:database>/<int:pk>/edit/", records.record_edit, name="record_edit"),
    path("<str:database>/<int:pk>/restrict/", records.record_restrict_view, name="record_restrict"),
    path("<str:database>/<int:pk>/close/", records.record_close_view, name="record_close"),
    path("<str:database>/<int:pk>/review/", records.record_review_view, name="record_review"),
    path("<str:database>/<int:pk>/photos/", photos.photo_upload, name="photo_upload"),
    path("<str:database>/<int:pk>/photos/<int:photo_id>/<str:size>/", photos.photo, name="photo"),
]
