"""URL map: HTML pages under a language prefix (/ar/, /en/, /fr/, /es/); the API, health and static without."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from ncb.views import language_switch

from .health import healthz

api_v1 = [
    path("", include("ncb.api.urls")),
    path("", include("databases.api.urls")),
    path("", include("notices.api.urls")),
    path("", include("ccc.api.urls")),
    path("", include("training.api.urls")),
    path("", include("analysis.api.urls")),
]

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # Browsers ask for /favicon.ico on pages that name no icon (the admin's).
    path("favicon.ico", lambda request: HttpResponsePermanentRedirect(static("img/favicon.svg")), name="favicon"),
    path("i18n/setlang/", language_switch, name="set_language"),
    path("api/v1/", include(api_v1)),
    path("api/schema/", SpectacularAPIView.as_view(), name="api_schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api_schema"), name="api_docs"),
    path("public/", include("notices.public_urls")),
]

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("", include("ncb.urls")),
    path("databases/", include("databases.urls")),
    path("notices/", include("notices.urls")),
    path("ccc/", include("ccc.urls")),
    path("training/", include("training.urls")),
    path("analysis/", include("analysis.urls")),
)
