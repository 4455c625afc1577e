"""OpenAPI description of the token authentication, so the schema tells NCB systems how to sign in."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "ncb.api.authentication.ApiTokenAuthentication"
    name = "tokenAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": 'Per-NCB token, sent as "Token <key>". Create one on the profile page or with '
            "`manage.py create_api_token USERNAME`.",
        }
