from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from ..roles import role_names


class MeSerializer(serializers.Serializer):
    username = serializers.CharField()
    unit = serializers.CharField(allow_null=True)
    country = serializers.CharField(allow_null=True, help_text="ISO 3166 alpha-2 code of the unit's country")
    roles = serializers.ListField(child=serializers.CharField())
    preferred_language = serializers.CharField()


class MeView(APIView):
    """Who the token belongs to: lets an NCB system check its credentials and roles."""

    @extend_schema(responses=MeSerializer)
    def get(self, request):
        user = request.user
        unit = user.unit
        return Response(
            MeSerializer(
                {
                    "username": user.username,
                    "unit": unit.code if unit else None,
                    "country": unit.country.iso2 if unit and unit.country_id else None,
                    "roles": sorted(role_names(user)),
                    "preferred_language": user.preferred_language,
                }
            ).data
        )
