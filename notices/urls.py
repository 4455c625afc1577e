"""Pages of the notices app, under /<lang>/notices/. Names starting with "public" are the public site."""

from django.urls import path, re_path

from .views import diffusions, photos, public, requests, review, search

app_name = "notices"

urlpatterns = [
    path("", requests.my_requests, name="my_requests"),
    path("request/", requests.request_start, name="request_start"),
    path("request/<slug:notice_type>/", requests.request_create, name="request_create"),
    path("search/", search.search, name="search"),
    path("review/", review.review_queue, name="review_queue"),
    path("<int:pk>/", requests.detail, name="detail"),
    path("<int:pk>/edit/", requests.request_edit, name="edit"),
    path("<int:pk>/photo/", photos.notice_photo, name="photo"),
    path("<int:pk>/submit/", requests.submit, name="submit"),
    path("<int:pk>/approve/", requests.approve, name="approve"),
    path("<int:pk>/return/", requests.return_to_draft, name="return"),
    path("<int:pk>/cancel/", requests.cancel, name="cancel"),
    path("<int:pk>/extend/", requests.extend, name="extend"),
    path("<int:pk>/public-consent/", requests.public_consent, name="public_consent"),
    path("<int:pk>/translate/", requests.translate, name="translate"),
    path("<int:pk>/review/", review.review, name="review"),
    path("diffusions/", diffusions.diffusion_list, name="diffusion_list"),
    path("diffusions/new/<slug:diffusion_type>/", diffusions.diffusion_create, name="diffusion_create"),
    path("diffusions/<int:pk>/", diffusions.diffusion_detail, name="diffusion_detail"),
    path("diffusions/<int:pk>/photo/", photos.diffusion_photo, name="diffusion_photo"),
    path("diffusions/<int:pk>/review/", review.diffusion_review, name="diffusion_review"),
    path("public/", public.public_list, name="public_list"),
    re_path(
        r"^public/(?P<notice_type>red|yellow|un)/(?P<url_id>\d{4}-\d{5,})/$", public.public_detail, name="public_detail"
    ),
]
