"""Serializers of the NCB systems' API: separate input and output, every field named."""

from django.urls import reverse
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.fields import empty

from ncb.choices import Language
from ncb.models import Country

from ..choices import JudicialBasis, NoticeType
from ..languages import is_language_code
from ..permissions import addressees_visible
from ..photo_upload import photo_reencode
from ..types import spec_for

COUNTRY = {"slug_field": "iso2", "queryset": Country.objects.all()}


class _Iso2(serializers.SlugRelatedField):
    def __init__(self, **kwargs):
        super().__init__(**COUNTRY, **kwargs)

    def to_internal_value(self, data):
        return super().to_internal_value(str(data).upper())


@extend_schema_field({"type": "array", "items": {"type": "string"}, "example": ["FR", "MA"]})
class CountryCodesField(serializers.Field):
    """A many-to-many of countries as ISO alpha-2 codes (read from the prefetched countries)."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, countries) -> list[str]:
        return [country.iso2 for country in countries.all()]


class NoticeListSerializer(serializers.Serializer):
    """A notice in a list: enough to pick it out."""

    id = serializers.IntegerField()
    reference = serializers.CharField()
    entity_id = serializers.CharField(allow_null=True)
    notice_type = serializers.CharField()
    status = serializers.CharField()
    requesting_country = serializers.CharField(source="owner.country.iso2", default=None)
    family_name = serializers.CharField()
    given_names = serializers.CharField()
    date_of_birth = serializers.DateField(allow_null=True)
    nationalities = CountryCodesField()
    published_at = serializers.DateTimeField(allow_null=True)
    expires_at = serializers.DateTimeField(allow_null=True)


class NoticeSerializer(NoticeListSerializer):
    """A notice in full, free text in the caller's language (falling back to the original)."""

    language = serializers.CharField()
    requesting_ncb = serializers.CharField(source="owner.code")
    aliases = serializers.CharField()
    sex = serializers.CharField()
    place_of_birth = serializers.CharField()
    country_of_birth = serializers.CharField(source="country_of_birth.iso2", default=None, allow_null=True)
    languages_spoken = serializers.ListField(child=serializers.CharField())
    height_cm = serializers.IntegerField(allow_null=True)
    weight_kg = serializers.IntegerField(allow_null=True)
    physical_description = serializers.CharField()
    distinguishing_marks = serializers.CharField()
    summary_of_facts = serializers.CharField()
    facts_date = serializers.DateField(allow_null=True)
    facts_place = serializers.CharField()
    charges = serializers.CharField()
    law = serializers.CharField()
    judicial_basis = serializers.CharField()
    maximum_penalty_months = serializers.IntegerField(allow_null=True)
    maximum_penalty_life = serializers.BooleanField()
    sentence_remaining_months = serializers.IntegerField(allow_null=True)
    warrant_reference = serializers.CharField()
    warrant_issued_on = serializers.DateField(allow_null=True)
    warrant_authority = serializers.CharField()
    warrant_country = serializers.CharField(source="warrant_country.iso2", default=None, allow_null=True)
    un_reference = serializers.CharField()
    un_committee = serializers.CharField()
    public_consent = serializers.BooleanField()
    subject_record = serializers.IntegerField(source="subject_record_id", allow_null=True)
    created_at = serializers.DateTimeField()
    submitted_at = serializers.DateTimeField(allow_null=True)
    review_due_at = serializers.DateTimeField(allow_null=True)
    screening_status = serializers.CharField()
    url = serializers.SerializerMethodField()

    def get_url(self, notice) -> str:
        return self.context["request"].build_absolute_uri(reverse("notices:detail", args=[notice.pk]))


class _OptionalBoolean(serializers.BooleanField):
    """In a multipart request (a request with a photo) an absent box is "not given", not False: a type that does
    not use the field must not see it as sent."""

    default_empty_html = empty


class _ParticularsInputSerializer(serializers.Serializer):
    language = serializers.ChoiceField(choices=Language.choices, required=False)
    family_name = serializers.CharField(required=False, allow_blank=True, max_length=120)
    given_names = serializers.CharField(required=False, allow_blank=True, max_length=120)
    aliases = serializers.CharField(required=False, allow_blank=True, max_length=300)
    # A pattern rather than an enum: the databases API has its own "sex" enum (with X) and the schema keeps one.
    sex = serializers.RegexField(r"^[MFU]?$", required=False, allow_blank=True, help_text="M, F or U (unknown)")
    date_of_birth = serializers.DateField(required=False, allow_null=True)
    place_of_birth = serializers.CharField(required=False, allow_blank=True, max_length=120)
    country_of_birth = _Iso2(required=False, allow_null=True)
    nationalities = _Iso2(many=True, required=False)
    languages_spoken = serializers.ListField(child=serializers.CharField(max_length=3), required=False)
    height_cm = serializers.IntegerField(required=False, allow_null=True, min_value=30, max_value=260)
    weight_kg = serializers.IntegerField(required=False, allow_null=True, min_value=1, max_value=400)
    physical_description = serializers.CharField(required=False, allow_blank=True)
    distinguishing_marks = serializers.CharField(required=False, allow_blank=True)
    photo = serializers.ImageField(required=False)
    summary_of_facts = serializers.CharField(required=False, allow_blank=True)
    facts_date = serializers.DateField(required=False, allow_null=True)
    facts_place = serializers.CharField(required=False, allow_blank=True, max_length=200)
    charges = serializers.CharField(required=False, allow_blank=True)
    law = serializers.CharField(required=False, allow_blank=True, max_length=300)
    warrant_reference = serializers.CharField(required=False, allow_blank=True, max_length=100)

    def validate_photo(self, photo):
        return photo_reencode(photo) if photo else photo

    def validate_languages_spoken(self, codes):
        codes = [code.upper() for code in codes]
        unknown = [code for code in codes if not is_language_code(code)]
        if unknown:
            raise serializers.ValidationError(_("Unknown language codes: {codes}.").format(codes=", ".join(unknown)))
        return codes


class NoticeInputSerializer(_ParticularsInputSerializer):
    """A new request (a draft). Fields its type does not use are refused, not silently dropped."""

    notice_type = serializers.ChoiceField(choices=NoticeType.choices)
    judicial_basis = serializers.ChoiceField(choices=JudicialBasis.choices, required=False, allow_blank=True)
    maximum_penalty_months = serializers.IntegerField(required=False, allow_null=True, min_value=0)
    maximum_penalty_life = _OptionalBoolean(required=False)
    sentence_remaining_months = serializers.IntegerField(required=False, allow_null=True, min_value=0)
    warrant_issued_on = serializers.DateField(required=False, allow_null=True)
    warrant_authority = serializers.CharField(required=False, allow_blank=True, max_length=200)
    warrant_country = _Iso2(required=False, allow_null=True)
    un_reference = serializers.CharField(required=False, allow_blank=True, max_length=40)
    un_committee = serializers.CharField(required=False, allow_blank=True, max_length=200)
    public_consent = _OptionalBoolean(required=False)
    subject_record = serializers.IntegerField(required=False, allow_null=True, min_value=1)

    def validate(self, attrs):
        allowed = set(spec_for(attrs["notice_type"]).fields) | {"notice_type"}
        unused = sorted(set(attrs) - allowed)
        if unused:
            raise serializers.ValidationError({name: _("Not used by this type of notice.") for name in unused})
        return attrs


class DiffusionInputSerializer(_ParticularsInputSerializer):
    diffusion_type = serializers.ChoiceField(choices=[t for t in NoticeType.choices if t[0] != NoticeType.UN])
    to_all = serializers.BooleanField(required=False, default=False)
    countries = _Iso2(many=True, required=False)

    def validate(self, attrs):
        if not attrs.get("to_all") and not attrs.get("countries"):
            raise serializers.ValidationError({"countries": _("Give the countries, or set to_all.")})
        return attrs


class DiffusionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    reference = serializers.CharField()
    diffusion_type = serializers.CharField()
    status = serializers.CharField()
    sending_country = serializers.CharField(source="owner.country.iso2", default=None)
    to_all = serializers.SerializerMethodField()
    countries = serializers.SerializerMethodField()
    language = serializers.CharField()
    family_name = serializers.CharField()
    given_names = serializers.CharField()
    sex = serializers.CharField()
    date_of_birth = serializers.DateField(allow_null=True)
    nationalities = CountryCodesField()
    summary_of_facts = serializers.CharField()
    charges = serializers.CharField()
    warrant_reference = serializers.CharField()
    sent_at = serializers.DateTimeField()
    reviewed_at = serializers.DateTimeField(allow_null=True)

    def get_to_all(self, diffusion) -> bool:
        return diffusion.restriction == "all"

    def get_countries(self, diffusion) -> list[str]:
        return [country.iso2 for country in addressees_visible(self.context["request"].user, diffusion)]
