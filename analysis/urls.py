from django.urls import path

from . import views

app_name = "analysis"

urlpatterns = [
    path("", views.graph_page, name="graph"),
    path("tags/", views.tag_add, name="tag_add"),
    path("trends/", views.trends_page, name="trends"),
    path("trends/export.csv", views.trends_export, name="trends_export"),
]
