from django.urls import path
from rest_framework.routers import SimpleRouter

from ..choices import Database
from .checks import BatchCheck, FirearmCheck, TravelDocumentCheck, VehicleCheck
from .screening import PersonScreening, ScreeningJobCancel, ScreeningJobDetail, ScreeningJobs
from .views import record_viewset

router = SimpleRouter(trailing_slash=True, use_regex_path=False)
for database in Database.values:
    router.register(f"databases/{database}", record_viewset(database), basename=f"api-{database}")

urlpatterns = [
    path("check/travel-document", TravelDocumentCheck.as_view(), name="api_check_travel_document"),
    path("check/vehicle", VehicleCheck.as_view(), name="api_check_vehicle"),
    path("check/firearm", FirearmCheck.as_view(), name="api_check_firearm"),
    path("check/batch", BatchCheck.as_view(), name="api_check_batch"),
    path("screening/persons", PersonScreening.as_view(), name="api_screening_persons"),
    path("screening/jobs", ScreeningJobs.as_view(), name="api_screening_jobs"),
    path("screening/jobs/<int:pk>", ScreeningJobDetail.as_view(), name="api_screening_job"),
    path("screening/jobs/<int:pk>/cancel", ScreeningJobCancel.as_view(), name="api_screening_job_cancel"),
    *router.urls,
]
