"""Serializers of the public notices API, shaped like INTERPOL's (ws-public.interpol.int/notices/v1).

Every field is named here and read from a PublicExtract; nothing else of a notice can reach the output.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from ..choices import Sex

DATE_FORMAT = "%Y/%m/%d"


class PublicQuerySerializer(serializers.Serializer):
    """The query string of the list, with INTERPOL's parameter names."""

    forename = serializers.CharField(required=False, max_length=100)
    name = serializers.CharField(required=False, max_length=100)
    nationality = serializers.RegexField(r"^[A-Za-z]{2}$", required=False)
    ageMin = serializers.IntegerField(required=False, min_value=0, max_value=120)  # noqa: N815
    ageMax = serializers.IntegerField(required=False, min_value=0, max_value=120)  # noqa: N815
    sexId = serializers.ChoiceField(required=False, choices=Sex.values)  # noqa: N815
    arrestWarrantCountryId = serializers.RegexField(r"^[A-Za-z]{2}$", required=False)  # noqa: N815
    page = serializers.IntegerField(required=False, min_value=1, default=1)
    resultPerPage = serializers.IntegerField(required=False, min_value=1, max_value=160, default=20)  # noqa: N815

    def validate(self, attrs):
        if attrs.get("ageMin") is not None and attrs.get("ageMax") is not None and attrs["ageMin"] > attrs["ageMax"]:
            raise serializers.ValidationError(_("ageMin must not exceed ageMax."))
        return attrs

    def selector_filters(self) -> dict:
        data = self.validated_data
        return {
            "forename": data.get("forename", ""),
            "name": data.get("name", ""),
            "nationality": data.get("nationality", ""),
            "age_min": data.get("ageMin"),
            "age_max": data.get("ageMax"),
            "sex_id": data.get("sexId", ""),
            "arrest_warrant_country_id": data.get("arrestWarrantCountryId", ""),
        }


def extract_links(request, extract) -> dict:
    kind = extract.notice_type
    links = {
        "self": {
            "href": request.build_absolute_uri(reverse(f"public_notices_api_{kind}_detail", args=[extract.url_id]))
        },
        "images": {
            "href": request.build_absolute_uri(reverse(f"public_notices_api_{kind}_images", args=[extract.url_id]))
        },
    }
    if extract.has_photo:
        links["thumbnail"] = {"href": request.build_absolute_uri(reverse("public_notice_photo", args=[extract.url_id]))}
    return links


class _LinkedSerializer(serializers.Serializer):
    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["_links"] = extract_links(self.context["request"], instance)
        return data


class PublicNoticeSummarySerializer(_LinkedSerializer):
    """One notice of the list."""

    entity_id = serializers.CharField()
    forename = serializers.CharField()
    name = serializers.CharField()
    date_of_birth = serializers.DateField(format=DATE_FORMAT)
    nationalities = serializers.ListField(child=serializers.CharField())


class _PublicIdentitySerializer(PublicNoticeSummarySerializer):
    sex_id = serializers.CharField()
    height = serializers.SerializerMethodField(help_text="metres")
    weight = serializers.IntegerField(source="weight_kg")
    distinguishing_marks = serializers.CharField()
    place_of_birth = serializers.CharField()
    country_of_birth_id = serializers.CharField()
    languages_spoken_ids = serializers.ListField(child=serializers.CharField())

    def get_height(self, extract) -> float | None:
        return round(extract.height_cm / 100, 2) if extract.height_cm else None


class PublicRedNoticeSerializer(_PublicIdentitySerializer):
    arrest_warrants = serializers.SerializerMethodField()

    def get_arrest_warrants(self, extract) -> list[dict]:
        return [{"issuing_country_id": extract.issuing_country_id, "charge": extract.charge}]


class PublicYellowNoticeSerializer(_PublicIdentitySerializer):
    date_of_event = serializers.DateField(format=DATE_FORMAT)
    place = serializers.CharField()


class PublicUnNoticeSerializer(_PublicIdentitySerializer):
    un_reference = serializers.CharField()


DETAIL_SERIALIZERS = {
    "red": PublicRedNoticeSerializer,
    "yellow": PublicYellowNoticeSerializer,
    "un": PublicUnNoticeSerializer,
}


class PublicImagesSerializer(serializers.Serializer):
    """Documentation only: `_embedded.images[]` with `picture_id` and `_links.self.href`."""

    _embedded = serializers.DictField()
    _links = serializers.DictField()
