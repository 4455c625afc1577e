"""API serializers: one input and one output serializer per database (writes go through the services)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from ncb.models import Country

from ..choices import DocumentType
from ..models import Artwork, Firearm, Person, TravelDocument, Vehicle

RECORD_OUTPUT = (
    "id",
    "reference",
    "owner",
    "owner_country",
    "status",
    "restriction",
    "recorded_at",
    "updated_at",
    "review_by",
    "review_overdue",
)
RECORD_INPUT = ("reference", "status", "remarks")


class RecordOutput(serializers.ModelSerializer):
    owner = serializers.CharField(source="owner.code", read_only=True)
    owner_country = serializers.CharField(source="owner.country.iso2", read_only=True, allow_null=True)
    review_overdue = serializers.BooleanField(read_only=True)


class PersonOutput(RecordOutput):
    nationalities = serializers.ListField(child=serializers.CharField(), source="nationality_codes", read_only=True)
    aliases = serializers.ListField(child=serializers.CharField(), source="alias_names", read_only=True)

    class Meta:
        model = Person
        fields = (
            *RECORD_OUTPUT,
            "family_name",
            "given_names",
            "family_name_latin",
            "given_names_latin",
            "date_of_birth",
            "place_of_birth",
            "sex",
            "nationalities",
            "aliases",
        )


class TravelDocumentOutput(RecordOutput):
    class Meta:
        model = TravelDocument
        fields = (
            *RECORD_OUTPUT,
            "document_type",
            "number",
            "number_normalized",
            "issuing_country",
            "holder_family_name",
            "holder_given_names",
            "holder_date_of_birth",
            "holder_nationality",
            "date_of_issue",
            "date_of_expiry",
            "date_of_event",
        )


class VehicleOutput(RecordOutput):
    class Meta:
        model = Vehicle
        fields = (
            *RECORD_OUTPUT,
            "vin",
            "plate",
            "plate_normalized",
            "plate_country",
            "make",
            "model",
            "colour",
            "year",
            "date_of_event",
        )


class ArtworkOutput(RecordOutput):
    country_stolen = serializers.CharField(source="country_stolen.iso2", read_only=True, allow_null=True)

    class Meta:
        model = Artwork
        fields = (
            *RECORD_OUTPUT,
            "title",
            "title_en",
            "title_fr",
            "title_es",
            "title_ar",
            "artist",
            "artwork_type",
            "materials",
            "dimensions",
            "period",
            "date_stolen",
            "place_stolen",
            "country_stolen",
        )


class FirearmOutput(RecordOutput):
    class Meta:
        model = Firearm
        fields = (
            *RECORD_OUTPUT,
            "make",
            "model",
            "serial_number",
            "serial_normalized",
            "calibre",
            "firearm_type",
            "country_of_manufacture",
            "date_of_event",
        )


class IdentityDocumentInput(serializers.Serializer):
    document_type = serializers.ChoiceField(choices=DocumentType.choices, label=_("document type"))
    number = serializers.CharField(max_length=40, label=_("document number"))
    issuing_country = serializers.CharField(max_length=3, label=_("issuing country"))


class CountryCodeField(serializers.SlugRelatedField):
    """A country by ISO alpha-2 code."""

    def __init__(self, **kwargs):
        super().__init__(slug_field="iso2", queryset=Country.objects.all(), **kwargs)

    def to_internal_value(self, data):
        return super().to_internal_value(str(data).upper())


class PersonInput(serializers.ModelSerializer):
    nationalities = CountryCodeField(many=True, required=False)
    aliases = serializers.ListField(child=serializers.CharField(max_length=200), required=False)
    documents = IdentityDocumentInput(many=True, required=False)

    class Meta:
        model = Person
        fields = (
            *RECORD_INPUT,
            "family_name",
            "given_names",
            "family_name_latin",
            "given_names_latin",
            "date_of_birth",
            "place_of_birth",
            "sex",
            "nationalities",
            "aliases",
            "documents",
        )


class TravelDocumentInput(serializers.ModelSerializer):
    class Meta:
        model = TravelDocument
        fields = (
            *RECORD_INPUT,
            "document_type",
            "number",
            "issuing_country",
            "holder_family_name",
            "holder_given_names",
            "holder_date_of_birth",
            "holder_nationality",
            "date_of_issue",
            "date_of_expiry",
            "date_of_event",
        )


class VehicleInput(serializers.ModelSerializer):
    class Meta:
        model = Vehicle
        fields = (*RECORD_INPUT, "vin", "plate", "plate_country", "make", "model", "colour", "year", "date_of_event")


class ArtworkInput(serializers.ModelSerializer):
    country_stolen = CountryCodeField(required=False, allow_null=True)

    class Meta:
        model = Artwork
        fields = (
            *RECORD_INPUT,
            "title_en",
            "title_fr",
            "title_es",
            "title_ar",
            "artist",
            "artwork_type",
            "materials",
            "dimensions",
            "period",
            "date_stolen",
            "place_stolen",
            "country_stolen",
        )

    def validate(self, attrs):
        titles = [attrs.get(f"title_{code}") for code in ("en", "fr", "es", "ar")]
        if not self.partial and not any(titles):
            raise serializers.ValidationError({"title_en": [_("Give the title in at least one language.")]})
        return attrs


class FirearmInput(serializers.ModelSerializer):
    class Meta:
        model = Firearm
        fields = (
            *RECORD_INPUT,
            "make",
            "model",
            "serial_number",
            "calibre",
            "firearm_type",
            "country_of_manufacture",
            "date_of_event",
        )


class CheckMatch(serializers.Serializer):
    database = serializers.CharField()
    id = serializers.IntegerField()
    reference = serializers.CharField()
    owner = serializers.CharField(help_text="code of the owner NCB")
    owner_country = serializers.CharField(allow_null=True)
    status = serializers.CharField()
    rule = serializers.ChoiceField(choices=["exact", "confusion"])
    reason = serializers.CharField()
    score = serializers.FloatField()
    hit_id = serializers.IntegerField()


class CheckError(serializers.Serializer):
    field = serializers.CharField()
    code = serializers.CharField()
    message = serializers.CharField()


class CheckAnswer(serializers.Serializer):
    hit = serializers.BooleanField()
    matches = CheckMatch(many=True)
    error = CheckError(required=False)


class BatchItem(serializers.Serializer):
    type = serializers.ChoiceField(choices=["travel-document", "vehicle", "firearm"])
    number = serializers.CharField(required=False)
    country = serializers.CharField(required=False)
    vin = serializers.CharField(required=False)
    plate = serializers.CharField(required=False)
    serial = serializers.CharField(required=False)
    make = serializers.CharField(required=False)


class BatchRequest(serializers.Serializer):
    items = BatchItem(many=True)


class BatchAnswer(serializers.Serializer):
    results = CheckAnswer(many=True)
