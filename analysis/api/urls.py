from django.urls import path

from .views import GraphView

app_name = "analysis_api"

urlpatterns = [
    path("analysis/graph", GraphView.as_view(), name="graph"),
]
