from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NcbConfig(AppConfig):
    name = "ncb"
    verbose_name = _("Bureaus and accounts")

    def ready(self):
        from . import signals  # noqa: F401  (audit of logins and failed logins)
        from .api import schema  # noqa: F401  (OpenAPI description of token authentication)
